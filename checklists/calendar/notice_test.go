package calendar_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/calendar"
)

func readNotices(t *testing.T, files ...string) []*calendar.Notice {
	t.Helper()
	var ns []*calendar.Notice
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join("testdata", "notices", f))
		if err != nil {
			t.Fatal(err)
		}
		n, err := calendar.ParseNotice(f, data)
		if err != nil {
			t.Fatal(err)
		}
		ns = append(ns, n)
	}
	return ns
}

// Every State Council notice of 2017–2026, pasted as published (with the 2019 劳动节 adjustment and
// the 2020 春节 extension), imports to exactly the embedded cn data; the file it writes reads back
// the same.
func TestImportReproducesEmbedded(t *testing.T) {
	cn, err := calendar.Embedded("cn")
	if err != nil {
		t.Fatal(err)
	}
	for year, files := range map[int][]string{
		2017: {"2017.txt"}, 2018: {"2018.txt"}, 2019: {"2019.txt", "2019-labour-day.txt"},
		2020: {"2020.txt", "2020-spring-festival.txt"}, 2021: {"2021.txt"}, 2022: {"2022.txt"},
		2023: {"2023.txt"}, 2024: {"2024.txt"}, 2025: {"2025.txt"}, 2026: {"2026.txt"},
	} {
		a, err := calendar.Arrange(readNotices(t, files...), false)
		if err != nil {
			t.Fatal(err)
		}
		wantOff, wantWork, _ := cn.Days(year)
		if a.Year != year {
			t.Errorf("%v: year %d", files, a.Year)
		}
		if diff := cmp.Diff(calendar.FormatDays(wantOff), calendar.FormatDays(a.Off)); diff != "" {
			t.Errorf("%d days off (-embedded +imported):\n%s", year, diff)
		}
		if diff := cmp.Diff(calendar.FormatDays(wantWork), calendar.FormatDays(a.Work)); diff != "" {
			t.Errorf("%d days worked (-embedded +imported):\n%s", year, diff)
		}
		f, err := calendar.Parse("imported.yaml", a.Format("cn", calendar.National))
		if err != nil {
			t.Fatalf("%d: the written file does not read back: %v", year, err)
		}
		off, work, _ := f.Days(year)
		if !slices.Equal(off, wantOff) || !slices.Equal(work, wantWork) {
			t.Errorf("%d: the written file reads back differently", year)
		}
	}
}

// A Ningxia notice repeats the national days and adds 开斋节 and 古尔邦节: imported with --region nx
// it gives the overlay's form, the regional days only.
func TestImportRegional(t *testing.T) {
	nx, err := calendar.Embedded("cn-nx")
	if err != nil {
		t.Fatal(err)
	}
	for year, file := range map[int]string{2017: "nx-2017.txt", 2020: "nx-2020.txt"} {
		a, err := calendar.Arrange(readNotices(t, file), true)
		if err != nil {
			t.Fatal(err)
		}
		wantOff, wantWork, _ := nx.Days(year)
		if diff := cmp.Diff(calendar.FormatDays(wantOff), calendar.FormatDays(a.Off)); diff != "" {
			t.Errorf("%d days off (-embedded +imported):\n%s", year, diff)
		}
		if diff := cmp.Diff(calendar.FormatDays(wantWork), calendar.FormatDays(a.Work)); diff != "" {
			t.Errorf("%d days worked (-embedded +imported):\n%s", year, diff)
		}
		out := string(a.Format("cn-nx", calendar.Regional))
		if !strings.Contains(out, "kind: regional") {
			t.Errorf("%d: not a regional file:\n%s", year, out)
		}
		if _, err := calendar.Parse("nx.yaml", []byte(out)); err != nil {
			t.Errorf("%d: %v", year, err)
		}
	}
}

func TestParseNoticeRefusesOtherText(t *testing.T) {
	for _, text := range []string{"", "今天天气很好。", "2027年部分节假日安排的通知\n（正文尚未公布）"} {
		if _, err := calendar.ParseNotice("x.txt", []byte(text)); err == nil {
			t.Errorf("%q: no error", text)
		}
	}
	// Two years at once are refused.
	if _, err := calendar.Arrange(readNotices(t, "2017.txt", "2018.txt"), false); err == nil {
		t.Error("two years: no error")
	}
}

// FuzzParseNotice: any text either is refused or gives an arrangement whose file reads back.
func FuzzParseNotice(f *testing.F) {
	entries, _ := os.ReadDir(filepath.Join("testdata", "notices"))
	for _, e := range entries {
		if data, err := os.ReadFile(filepath.Join("testdata", "notices", e.Name())); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte("2027年部分节假日安排\n一、元旦：12月31日至1月2日放假。1月4日（周日）上班。"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n, err := calendar.ParseNotice("fuzz.txt", data)
		if err != nil {
			return
		}
		a, err := calendar.Arrange([]*calendar.Notice{n}, false)
		if err != nil || (len(a.Off) == 0 && len(a.Work) == 0) {
			return
		}
		if _, err := calendar.Parse("fuzz.yaml", a.Format("cn", calendar.Correction)); err != nil {
			t.Errorf("the written file does not read back: %v\n%s", err, a.Format("cn", calendar.Correction))
		}
	})
}
