package calendar_test

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
)

// Notices the cases come from.
const (
	n2017 = "国务院办公厅 2017 年通知（2016-12-01）"
	n2018 = "国办发明电〔2017〕12号"
	n2019 = "国办发明电〔2018〕15号 + 2019-03-22 劳动节调整"
	n2020 = "国办发明电〔2019〕16号 + 2020-01-27 春节延长"
	n2021 = "国办发明电〔2020〕27号"
	n2022 = "国办发明电〔2021〕11号"
	n2023 = "国办发明电〔2022〕16号"
	n2024 = "国务院办公厅 2024 年通知（2023-10-25）"
	n2025 = "国办发明电〔2024〕12号"
	n2026 = "国务院办公厅 2026 年通知（2025-11-04）"
	nx    = "宁夏回族自治区人民政府办公厅通知"
	week  = "no notice: ordinary week"
)

// day returns midnight UTC of a date written YYYY-MM-DD.
func day(t testing.TB, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func load(t testing.TB, names []string, extra ...*calendar.File) *calendar.Calendar {
	t.Helper()
	c, err := calendar.Load(names, extra...)
	if err != nil {
		t.Fatalf("Load(%q): %v", names, err)
	}
	return c
}

func parse(t testing.TB, name, src string) *calendar.File {
	t.Helper()
	f, err := calendar.Parse(name, []byte(src))
	if err != nil {
		t.Fatalf("Parse(%s): %v", name, err)
	}
	return f
}

func TestIsWorkdayNational(t *testing.T) {
	cn := load(t, []string{"cn"})
	nxcal := load(t, []string{"cn", "cn-nx"})
	tests := []struct {
		notice string
		date   string
		want   bool
	}{
		{week, "2017-03-15", true},  // Wednesday
		{week, "2017-03-18", false}, // Saturday
		{n2017, "2017-01-02", false},
		{n2017, "2017-01-22", true}, // Sunday worked
		{n2017, "2017-02-02", false},
		{n2017, "2017-02-04", true},
		{n2017, "2017-04-01", true},
		{n2017, "2017-04-03", false},
		{n2017, "2017-05-01", false},
		{n2017, "2017-05-27", true},
		{n2017, "2017-05-30", false},
		{n2017, "2017-09-29", true},
		{n2017, "2017-09-30", true}, // Saturday worked
		{n2017, "2017-10-01", false},
		{n2017, "2017-10-04", false},
		{n2017, "2017-10-06", false},
		{n2017, "2017-10-08", false},
		{n2017, "2017-10-09", true},
		{n2018, "2018-01-01", false},
		{n2018, "2018-02-11", true},
		{n2018, "2018-02-21", false},
		{n2018, "2018-02-24", true},
		{n2018, "2018-04-06", false},
		{n2018, "2018-04-08", true},
		{n2018, "2018-04-28", true},
		{n2018, "2018-04-30", false},
		{n2018, "2018-06-18", false},
		{n2018, "2018-09-24", false},
		{n2018, "2018-09-29", true},
		{n2018, "2018-09-30", true},
		{n2018, "2018-10-05", false},
		{n2019, "2018-12-29", true}, // Saturday worked, from the 2019 notice
		{n2019, "2018-12-31", false},
		{n2019, "2019-01-01", false},
		{n2019, "2019-01-02", true},
		{n2019, "2019-02-02", true},
		{n2019, "2019-02-03", true},
		{n2019, "2019-02-08", false},
		{n2019, "2019-04-05", false},
		{n2019, "2019-04-28", true},
		{n2019, "2019-05-01", false},
		{n2019, "2019-05-02", false},
		{n2019, "2019-05-03", false},
		{n2019, "2019-05-04", false},
		{n2019, "2019-05-05", true},
		{n2019, "2019-06-07", false},
		{n2019, "2019-09-13", false},
		{n2019, "2019-09-29", true},
		{n2019, "2019-10-07", false},
		{n2019, "2019-10-12", true},
		{n2020, "2020-01-01", false},
		{n2020, "2020-01-19", true},
		{n2020, "2020-01-31", false},
		{n2020, "2020-02-01", false}, // no longer worked after the extension
		{n2020, "2020-02-02", false},
		{n2020, "2020-02-03", true},
		{n2020, "2020-04-06", false},
		{n2020, "2020-04-26", true},
		{n2020, "2020-05-05", false},
		{n2020, "2020-05-09", true},
		{n2020, "2020-06-26", false},
		{n2020, "2020-06-28", true},
		{n2020, "2020-09-27", true},
		{n2020, "2020-10-08", false},
		{n2020, "2020-10-10", true},
		{n2021, "2021-01-01", false},
		{n2021, "2021-02-07", true},
		{n2021, "2021-02-17", false},
		{n2021, "2021-02-20", true},
		{n2021, "2021-04-05", false},
		{n2021, "2021-04-25", true},
		{n2021, "2021-05-05", false},
		{n2021, "2021-05-08", true},
		{n2021, "2021-06-14", false},
		{n2021, "2021-09-18", true},
		{n2021, "2021-09-21", false},
		{n2021, "2021-09-26", true},
		{n2021, "2021-10-07", false},
		{n2021, "2021-10-09", true},
		{n2022, "2022-01-03", false},
		{n2022, "2022-01-29", true},
		{n2022, "2022-01-30", true},
		{n2022, "2022-01-31", false},
		{n2022, "2022-02-04", false},
		{n2022, "2022-04-02", true},
		{n2022, "2022-04-04", false},
		{n2022, "2022-04-24", true},
		{n2022, "2022-05-04", false},
		{n2022, "2022-05-07", true},
		{n2022, "2022-06-03", false},
		{n2022, "2022-09-12", false},
		{n2022, "2022-10-07", false},
		{n2022, "2022-10-08", true},
		{n2022, "2022-10-09", true},
		{n2023, "2022-12-31", false},
		{n2023, "2023-01-02", false},
		{n2023, "2023-01-03", true},
		{n2023, "2023-01-27", false},
		{n2023, "2023-01-28", true},
		{n2023, "2023-01-29", true},
		{n2023, "2023-04-05", false},
		{n2023, "2023-04-23", true},
		{n2023, "2023-05-03", false},
		{n2023, "2023-05-06", true},
		{n2023, "2023-06-23", false},
		{n2023, "2023-06-25", true},
		{n2023, "2023-09-29", false},
		{n2023, "2023-10-06", false},
		{n2023, "2023-10-07", true},
		{n2023, "2023-10-08", true},
		{n2024, "2024-01-01", false},
		{n2024, "2024-02-04", true}, // Sunday worked
		{n2024, "2024-02-09", true}, // 除夕: only encouraged as leave
		{n2024, "2024-02-12", false},
		{n2024, "2024-02-16", false},
		{n2024, "2024-02-18", true}, // Sunday worked
		{n2024, "2024-04-04", false},
		{n2024, "2024-04-07", true},
		{n2024, "2024-04-28", true},
		{n2024, "2024-05-03", false},
		{n2024, "2024-05-11", true},
		{n2024, "2024-06-10", false},
		{n2024, "2024-09-14", true},
		{n2024, "2024-09-16", false},
		{n2024, "2024-09-29", true},
		{n2024, "2024-10-07", false},
		{n2024, "2024-10-12", true},
		{n2025, "2025-01-01", false},
		{n2025, "2025-01-26", true},
		{n2025, "2025-01-28", false},
		{n2025, "2025-02-04", false},
		{n2025, "2025-02-08", true},
		{n2025, "2025-04-04", false},
		{n2025, "2025-04-27", true},
		{n2025, "2025-05-05", false},
		{n2025, "2025-06-02", false},
		{n2025, "2025-09-28", true},
		{n2025, "2025-10-08", false},
		{n2025, "2025-10-11", true},
		{n2026, "2026-01-02", false},
		{n2026, "2026-01-04", true}, // Sunday worked
		{n2026, "2026-01-05", true},
		{n2026, "2026-02-14", true},
		{n2026, "2026-02-16", false},
		{n2026, "2026-02-23", false},
		{n2026, "2026-02-24", true},
		{n2026, "2026-02-28", true}, // Saturday worked
		{n2026, "2026-04-06", false},
		{n2026, "2026-05-05", false},
		{n2026, "2026-05-09", true},
		{n2026, "2026-06-19", false},
		{n2026, "2026-09-20", true},
		{n2026, "2026-09-25", false},
		{n2026, "2026-10-07", false},
		{n2026, "2026-10-10", true},
		{week, "2026-12-31", true},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			for _, c := range []*calendar.Calendar{cn, nxcal} {
				got, err := c.IsWorkday(day(t, tt.date))
				if err != nil {
					t.Fatalf("IsWorkday: %v (%s)", err, tt.notice)
				}
				if got != tt.want {
					t.Errorf("IsWorkday(%s) = %v, want %v (%s)", tt.date, got, tt.want, tt.notice)
				}
			}
		})
	}
}

func TestIsWorkdayNingxia(t *testing.T) {
	cn := load(t, []string{"cn"})
	nxcal := load(t, []string{"cn", "cn-nx"})
	tests := []struct {
		notice       string
		date         string
		cn, withCnNx bool
	}{
		{nx + " 2017 开斋节", "2017-06-24", false, false}, // Saturday
		{nx + " 2017 开斋节", "2017-06-26", true, false},
		{nx + " 2017 开斋节", "2017-06-28", true, false},
		{nx + " 2017 开斋节", "2017-06-29", true, true},
		{nx + " 2017 开斋节", "2017-07-01", false, true},  // Saturday worked
		{nx + " 2017 古尔邦节", "2017-08-27", false, true}, // Sunday worked
		{nx + " 2017 古尔邦节", "2017-08-30", true, false},
		{nx + " 2017 古尔邦节", "2017-09-01", true, false},
		{nx + " 2017 古尔邦节", "2017-09-04", true, true},
		{nx + " 2019 宁政办发〔2018〕137号", "2019-06-05", true, false},
		{nx + " 2019 宁政办发〔2018〕137号", "2019-08-13", true, false},
		{nx + " 2020", "2020-05-25", true, false},
		{nx + " 2020", "2020-07-31", true, false},
		{nx + " 2021", "2021-05-13", true, false},
		{nx + " 2021", "2021-07-20", true, false},
		{nx + " 2022 开斋节并入劳动节", "2022-05-04", false, false},
		{nx + " 2022 古尔邦节", "2022-07-11", true, false},
		{nx + " 2022 古尔邦节", "2022-07-12", true, false},
		{nx + " 2023 开斋节 04-22 星期六", "2023-04-23", true, true},
		{nx + " 2023 古尔邦节", "2023-06-29", true, false},
		{nx + " 2023 古尔邦节", "2023-06-30", true, false},
		{"cn-nx has no 2024: national days", "2024-02-09", true, true},
		{"cn-nx has no 2024: national days", "2024-04-10", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.date, func(t *testing.T) {
			d := day(t, tt.date)
			got := [2]bool{}
			for i, c := range []*calendar.Calendar{cn, nxcal} {
				w, err := c.IsWorkday(d)
				if err != nil {
					t.Fatal(err)
				}
				got[i] = w
			}
			if diff := cmp.Diff([2]bool{tt.cn, tt.withCnNx}, got); diff != "" {
				t.Errorf("IsWorkday(%s) [cn, cn+cn-nx] mismatch (-want +got):\n%s(%s)", tt.date, diff, tt.notice)
			}
		})
	}
}

func TestWorkdays(t *testing.T) {
	tests := []struct {
		name   string
		notice string
		names  []string
		a, b   string
		want   int
	}{
		{"national day week", n2017, nil, "2017-09-29", "2017-10-09", 2},
		{"reversed", n2017, nil, "2017-10-09", "2017-09-29", -2},
		{"same day", week, nil, "2017-10-09", "2017-10-09", 0},
		{"same holiday", n2017, nil, "2017-10-03", "2017-10-03", 0},
		{"next day off", n2017, nil, "2017-09-30", "2017-10-01", 0},
		{"ordinary week", week, nil, "2017-03-13", "2017-03-20", 5},
		{"five workdays", week, nil, "2017-03-13", "2017-03-17", 4},
		{"whole 2017", n2017, nil, "2017-01-01", "2017-12-31", 260 - 16 + 5}, // 01-01 is a Sunday
		{"whole 2024", n2024, nil, "2023-12-31", "2024-12-31", 262 - 19 + 8},
		{"new year 2019 from December", n2019, nil, "2018-12-28", "2019-01-02", 2},
		{"may day 2019 changed", n2019, nil, "2019-04-30", "2019-05-06", 2},
		{"spring festival 2020 extended", n2020, nil, "2020-01-23", "2020-02-03", 1},
		{"spring festival 2020 reversed", n2020, nil, "2020-02-03", "2020-01-23", -1},
		{"new year 2023 from December", n2023, nil, "2022-12-30", "2023-01-03", 1},
		{"spring festival 2024", n2024, nil, "2024-02-08", "2024-02-19", 3},
		{"new year 2026", n2026, nil, "2025-12-31", "2026-01-05", 2},
		{"spring festival 2026", n2026, nil, "2026-02-13", "2026-03-02", 7},
		{"eid 2017 national only", nx, []string{"cn"}, "2017-06-23", "2017-07-03", 6},
		{"eid 2017 with cn-nx", nx, []string{"cn", "cn-nx"}, "2017-06-23", "2017-07-03", 4},
		{"eid 2017 with cn-nx reversed", nx, []string{"cn", "cn-nx"}, "2017-07-03", "2017-06-23", -4},
		{"cn-nx lacks 2024", n2024, []string{"cn", "cn-nx"}, "2024-02-08", "2024-02-19", 3},
		// Whole years: weekdays − holidays on weekdays + weekend days worked, counted by hand from
		// each notice. A year's count includes its last December days as the next notice sets them.
		{"year 2018", n2018 + " + " + n2019, nil, "2017-12-31", "2018-12-31", 261 - 18 + 7},
		{"year 2019", n2019, nil, "2018-12-31", "2019-12-31", 261 - 17 + 6},
		{"year 2020", n2020, nil, "2019-12-31", "2020-12-31", 262 - 19 + 6},
		{"year 2021", n2021, nil, "2020-12-31", "2021-12-31", 261 - 18 + 7},
		{"year 2022", n2022 + " + " + n2023, nil, "2021-12-31", "2022-12-31", 260 - 18 + 7},
		{"year 2023", n2023, nil, "2022-12-31", "2023-12-31", 260 - 18 + 7},
		{"year 2025", n2025, nil, "2024-12-31", "2025-12-31", 261 - 18 + 5},
		{"year 2026", n2026, nil, "2025-12-31", "2026-12-31", 261 - 19 + 6},
		{"all covered years", week, nil, "2017-01-01", "2026-12-31", 249 + 250 + 250 + 249 + 250 + 249 + 249 + 251 + 248 + 248},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := load(t, tt.names)
			got, err := c.Workdays(day(t, tt.a), day(t, tt.b))
			if err != nil {
				t.Fatalf("Workdays(%s, %s): %v (%s)", tt.a, tt.b, err, tt.notice)
			}
			if got != tt.want {
				t.Errorf("Workdays(%s, %s) = %d, want %d (%s)", tt.a, tt.b, got, tt.want, tt.notice)
			}
		})
	}
}

// TestWorkdaysLocation checks that only the date in the value's own location counts.
func TestWorkdaysLocation(t *testing.T) {
	c := load(t, nil)
	cst := time.FixedZone("CST", 8*3600)
	// 2017-10-09 00:30 in Beijing is 2017-10-08 16:30 UTC.
	a := time.Date(2017, 9, 29, 23, 59, 0, 0, cst)
	b := time.Date(2017, 10, 9, 0, 30, 0, 0, cst)
	got, err := c.Workdays(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if got != 2 {
		t.Errorf("Workdays in CST = %d, want 2", got)
	}
	got, err = c.Workdays(a.UTC(), b.UTC()) // 2017-09-29 .. 2017-10-08 in UTC
	if err != nil {
		t.Fatal(err)
	}
	if got != 1 {
		t.Errorf("Workdays in UTC = %d, want 1", got)
	}
}

// TestWorkdaysBruteForce compares Workdays with counting IsWorkday day by day.
func TestWorkdaysBruteForce(t *testing.T) {
	c := load(t, []string{"cn", "cn-nx"})
	start := day(t, "2017-01-01")
	const span = 3652 // 2017-01-01 .. 2026-12-31
	r := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		a := start.AddDate(0, 0, r.IntN(span))
		b := a.AddDate(0, 0, r.IntN(60)-30)
		if b.Before(start) || b.Year() > 2026 {
			continue
		}
		want := 0
		lo, hi, sign := a, b, 1
		if b.Before(a) {
			lo, hi, sign = b, a, -1
		}
		for d := lo.AddDate(0, 0, 1); !d.After(hi); d = d.AddDate(0, 0, 1) {
			w, err := c.IsWorkday(d)
			if err != nil {
				t.Fatal(err)
			}
			if w {
				want += sign
			}
		}
		got, err := c.Workdays(a, b)
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Fatalf("Workdays(%s, %s) = %d, counting gives %d", a.Format(time.DateOnly), b.Format(time.DateOnly), got, want)
		}
	}
}

func TestYearError(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want int
	}{
		{"2027", "2026-12-31", "2027-01-04", 2027},
		{"2027 reversed", "2027-01-04", "2026-12-31", 2027},
		{"2016", "2016-12-30", "2017-01-03", 2016},
		{"2016 reversed", "2017-01-03", "2016-12-30", 2016},
		{"both sides", "2016-12-30", "2027-01-04", 2016},
		{"same day 2016", "2016-06-01", "2016-06-01", 2016},
		{"far future", "2100-01-01", "2100-01-02", 2100},
	}
	c := load(t, []string{"cn", "cn-nx"})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := c.Workdays(day(t, tt.a), day(t, tt.b))
			var ye *calendar.YearError
			if !errors.As(err, &ye) {
				t.Fatalf("Workdays(%s, %s) error = %v, want a *YearError", tt.a, tt.b, err)
			}
			if ye.Year != tt.want {
				t.Errorf("YearError.Year = %d, want %d", ye.Year, tt.want)
			}
			_, err = c.IsWorkday(day(t, tt.a))
			if (day(t, tt.a).Year() != 2017 && day(t, tt.a).Year() != 2026) != (err != nil) {
				t.Errorf("IsWorkday(%s) error = %v", tt.a, err)
			}
		})
	}
	want := "工作日历未包含2027年的节假日安排，请用 --calendar 文件补充该年的放假和调休日期（国务院办公厅的通知发布后：zwgk calendar import 通知.txt -o 2027.yaml）"
	if got := (&calendar.YearError{Year: 2027}).Error(); got != want {
		t.Errorf("YearError.Error() = %q, want %q", got, want)
	}
}

func TestCoveredAndMissingOverlay(t *testing.T) {
	cn := load(t, []string{"cn"})
	both := load(t, []string{"cn", "cn-nx"})
	first, last := both.Covered()
	if diff := cmp.Diff([2]int{2017, 2026}, [2]int{first, last}); diff != "" {
		t.Errorf("Covered() mismatch (-want +got):\n%s", diff)
	}
	tests := []struct {
		year      int
		cn, withX []string
	}{
		{2017, nil, nil},
		{2018, nil, []string{"cn-nx"}},
		{2019, nil, nil},
		{2022, nil, nil},
		{2023, nil, nil},
		{2024, nil, []string{"cn-nx"}},
		{2025, nil, []string{"cn-nx"}},
		{2026, nil, []string{"cn-nx"}},
	}
	for _, tt := range tests {
		if diff := cmp.Diff(tt.cn, cn.MissingOverlay(tt.year)); diff != "" {
			t.Errorf("cn: MissingOverlay(%d) mismatch (-want +got):\n%s", tt.year, diff)
		}
		if diff := cmp.Diff(tt.withX, both.MissingOverlay(tt.year)); diff != "" {
			t.Errorf("cn+cn-nx: MissingOverlay(%d) mismatch (-want +got):\n%s", tt.year, diff)
		}
	}
}

const (
	correction = `name: litong
title: 利通区调整（示例）
years:
  2024:
    notice: 示例：除夕放假
    off: [2024-02-09]
  2017:
    notice: 示例：国庆加班
    work: [2017-10-08]
`
	add2027 = `name: cn-2027
years:
  2027:
    notice: 国务院办公厅关于2027年部分节假日安排的通知（示例）
    off: [2027-01-01]
`
	add2029 = `name: far
years:
  2029: {}
`
	nx2024 = `name: cn-nx
kind: regional
years:
  2024:
    notice: 宁夏回族自治区人民政府办公厅关于2024年部分节假日安排的通知（示例）
    off: [2024-04-10..2024-04-11]
  2027:
    off: [2027-03-10]
`
	workThenOff = `name: undo
years:
  2017:
    off: [2017-09-30]
`
)

func TestUserFiles(t *testing.T) {
	type check struct {
		a, b string
		want int
		year int // YearError expected for this year when not 0
	}
	tests := []struct {
		name    string
		names   []string
		files   []string
		checks  []check
		covered [2]int
		missing map[int][]string
	}{
		{
			name:  "correction",
			files: []string{correction},
			checks: []check{
				{a: "2024-02-08", b: "2024-02-19", want: 2}, // 02-09 now off
				{a: "2017-09-29", b: "2017-10-09", want: 3}, // 10-08 now worked
			},
			covered: [2]int{2017, 2026},
		},
		{
			name:  "adds 2027",
			files: []string{add2027},
			checks: []check{
				{a: "2026-12-31", b: "2027-01-04", want: 1},
				{a: "2027-01-04", b: "2027-12-31", want: 261 - 1 - 1}, // 01-01 off; 01-04 itself not counted
				{a: "2027-12-31", b: "2028-01-03", year: 2028},
			},
			covered: [2]int{2017, 2027},
		},
		{
			name:  "adds 2029, 2027 and 2028 missing",
			files: []string{add2029},
			checks: []check{
				{a: "2026-12-31", b: "2029-01-02", year: 2027},
				{a: "2029-01-01", b: "2029-01-02", want: 1},
				{a: "2028-06-01", b: "2029-01-02", year: 2028},
			},
			covered: [2]int{2017, 2029},
		},
		{
			name:  "regional supplement",
			names: []string{"cn", "cn-nx"},
			files: []string{nx2024},
			checks: []check{
				{a: "2024-04-09", b: "2024-04-12", want: 1},
				{a: "2027-03-09", b: "2027-03-10", year: 2027}, // a regional file adds no year
			},
			covered: [2]int{2017, 2026},
			missing: map[int][]string{2017: nil, 2018: {"cn-nx"}, 2024: nil, 2025: {"cn-nx"}},
		},
		{
			name:  "later file wins",
			files: []string{correction, workThenOff},
			checks: []check{
				{a: "2017-09-29", b: "2017-10-09", want: 2}, // 09-30 off, 10-08 worked
			},
			covered: [2]int{2017, 2026},
		},
		{
			name:    "regional file without the embedded overlay",
			files:   []string{nx2024},
			covered: [2]int{2017, 2026},
			missing: map[int][]string{2024: nil, 2023: {"cn-nx"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var files []*calendar.File
			for i, src := range tt.files {
				files = append(files, parse(t, "user"+string(rune('0'+i))+".yaml", src))
			}
			c := load(t, tt.names, files...)
			for _, ck := range tt.checks {
				got, err := c.Workdays(day(t, ck.a), day(t, ck.b))
				var ye *calendar.YearError
				switch {
				case ck.year != 0:
					if !errors.As(err, &ye) || ye.Year != ck.year {
						t.Errorf("Workdays(%s, %s) error = %v, want YearError for %d", ck.a, ck.b, err, ck.year)
					}
				case err != nil:
					t.Errorf("Workdays(%s, %s): %v", ck.a, ck.b, err)
				case got != ck.want:
					t.Errorf("Workdays(%s, %s) = %d, want %d", ck.a, ck.b, got, ck.want)
				}
			}
			first, last := c.Covered()
			if diff := cmp.Diff(tt.covered, [2]int{first, last}); diff != "" {
				t.Errorf("Covered() mismatch (-want +got):\n%s", diff)
			}
			for year, want := range tt.missing {
				if diff := cmp.Diff(want, c.MissingOverlay(year)); diff != "" {
					t.Errorf("MissingOverlay(%d) mismatch (-want +got):\n%s", year, diff)
				}
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		names []string
		want  string
	}{
		{[]string{"cn-nx"}, "calendar cn-nx is regional, not national: list a national calendar (such as cn) first"},
		{[]string{"cn", "xx"}, `unknown calendar "xx" (embedded: cn, cn-nx)`},
		{[]string{"../cn"}, `unknown calendar "../cn" (embedded: cn, cn-nx)`},
	}
	for _, tt := range tests {
		_, err := calendar.Load(tt.names)
		got := "<nil>"
		if err != nil {
			got = err.Error()
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Load(%q) error mismatch (-want +got):\n%s", tt.names, diff)
		}
	}
}

func TestNames(t *testing.T) {
	if diff := cmp.Diff([]string{"cn", "cn-nx"}, calendar.Names()); diff != "" {
		t.Errorf("Names() mismatch (-want +got):\n%s", diff)
	}
}

func TestNewNil(t *testing.T) {
	c := calendar.New(nil)
	first, last := c.Covered()
	if first != 0 || last != 0 {
		t.Errorf("Covered() = %d, %d, want 0, 0", first, last)
	}
	var ye *calendar.YearError
	if _, err := c.IsWorkday(day(t, "2017-01-03")); !errors.As(err, &ye) || ye.Year != 2017 {
		t.Errorf("IsWorkday on an empty calendar: error = %v, want YearError for 2017", err)
	}
}

func TestParse(t *testing.T) {
	f := parse(t, "user.yaml", `# a comment
name: u
title: 示例
kind: correction
years:
  2028:
    notice: n
    sources: [a, b]
    off: [2028-01-01, 2027-12-30 .. 2027-12-31]
    work: ["2027-12-26"]
  2027: {}
`)
	got := struct {
		Name, Title string
		Kind        calendar.Kind
		Years       []int
	}{f.Name, f.Title, f.Kind, f.Years()}
	want := struct {
		Name, Title string
		Kind        calendar.Kind
		Years       []int
	}{"u", "示例", calendar.Correction, []int{2027, 2028}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Parse mismatch (-want +got):\n%s", diff)
	}
	if k := parse(t, "k.yaml", "name: k\nyears: {}\n").Kind; k != calendar.Correction {
		t.Errorf("default kind = %q, want correction", k)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "bad date",
			src:  "name: x\nyears:\n  2017:\n    off: [2017-01-01, 2017-02-30]\n",
			want: []string{`f.yaml:4:23: bad date "2017-02-30": day out of range`},
		},
		{
			name: "unknown key",
			src:  "name: x\nholidays: []\nyears:\n  2017:\n    of: [2017-01-01]\n",
			want: []string{
				`f.yaml:2:1: unknown key "holidays" (want name, title, kind, years)`,
				`f.yaml:5:5: unknown key "of" (want notice, sources, off, work)`,
			},
		},
		{
			name: "several mistakes",
			src: `name: "a b"
kind: local
years:
  17:
    off: []
  2017:
    off: [2017-1-2, 2017-13-01, 2017-05-03..2017-05-01, 2016-11-30, 2018-01-01, 2017-01-02]
    work: [2017-01-01..2017-01-02, [2017-01-03]]
  2017:
    off: 2017-01-01
`,
			want: []string{
				`f.yaml:1:7: bad name "a b": want letters, digits, '-', '_' or '.'`,
				`f.yaml:2:7: bad kind "local": want national, regional or correction`,
				`f.yaml:4:3: bad year "17": want a year from 1900 to 2199`,
				`f.yaml:7:11: bad date "2017-1-2": want YYYY-MM-DD`,
				`f.yaml:7:21: bad date "2017-13-01": month out of range`,
				`f.yaml:7:33: bad range "2017-05-03..2017-05-01": it ends before it starts`,
				`f.yaml:7:57: 2016-11-30 is outside year 2017 (a year lists its own days and, for a New Year holiday, those of the December before)`,
				`f.yaml:7:69: 2018-01-01 is outside year 2017 (a year lists its own days and, for a New Year holiday, those of the December before)`,
				`f.yaml:8:12: 2017-01-02 is listed both as off and as work (also at line 7)`,
				`f.yaml:8:36: want a date (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD)`,
				`f.yaml:9:3: duplicate key "2017"`,
			},
		},
		{
			name: "missing fields",
			src:  "title: t\n",
			want: []string{`f.yaml:1:1: missing name`, `f.yaml:1:1: missing years`},
		},
		{
			name: "not a mapping",
			src:  "- a\n",
			want: []string{`f.yaml:1:1: a calendar file must be a mapping`},
		},
		{
			name: "years not a mapping",
			src:  "name: x\nyears: [2017]\n",
			want: []string{`f.yaml:2:8: years must be a mapping`},
		},
		{
			name: "off not a list",
			src:  "name: x\nyears:\n  2017:\n    off: 2017-01-01\n",
			want: []string{`f.yaml:4:10: off must be a list of dates (YYYY-MM-DD) or ranges (YYYY-MM-DD..YYYY-MM-DD)`},
		},
		{
			name: "alias",
			src:  "name: x\nyears:\n  2017: &y {}\n  2018: *y\n",
			want: []string{`f.yaml:4:9: YAML aliases are not allowed`},
		},
		{
			name: "empty",
			src:  "",
			want: []string{`f.yaml: empty calendar file`},
		},
		{
			name: "syntax",
			src:  "name: x\nyears: [\n",
			want: []string{`f.yaml:2: did not find expected node content`},
		},
		{
			name: "two documents",
			src:  "name: x\nyears: {}\n---\nname: y\n",
			want: []string{`f.yaml:3:1: more than one YAML document`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := calendar.Parse("f.yaml", []byte(tt.src))
			var list calendar.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("Parse error = %v, want an ErrorList", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, e.In(msg.EN))
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Parse errors mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestParseTooLarge(t *testing.T) {
	_, err := calendar.Parse("big.yaml", make([]byte, 1<<20+1))
	want := "big.yaml: file too large (1048577 bytes, at most 1048576)"
	if err == nil || english(err) != want {
		t.Errorf("Parse error = %v, want %q", err, want)
	}
}

func TestWorkdaysAllocs(t *testing.T) {
	c := load(t, []string{"cn", "cn-nx"})
	a, b := day(t, "2017-09-29"), day(t, "2024-02-19")
	allocs := testing.AllocsPerRun(100, func() {
		if _, err := c.Workdays(a, b); err != nil {
			t.Fatal(err)
		}
		if _, err := c.IsWorkday(b); err != nil {
			t.Fatal(err)
		}
	})
	if allocs != 0 {
		t.Errorf("Workdays and IsWorkday allocate %v times per call, want 0", allocs)
	}
}

func BenchmarkWorkdays(b *testing.B) {
	c := load(b, []string{"cn", "cn-nx"})
	x, y := day(b, "2017-09-29"), day(b, "2024-02-19")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Workdays(x, y); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAtMostSixWorkdays checks the 2025 and 2026 arrangements against Art. 7 of the amended
// 全国年节及纪念日放假办法: after 调休, no more than 6 consecutive working days.
func TestAtMostSixWorkdays(t *testing.T) {
	c := load(t, nil)
	run := 0
	for d := day(t, "2025-01-01"); d.Year() <= 2026; d = d.AddDate(0, 0, 1) {
		w, err := c.IsWorkday(d)
		if err != nil {
			t.Fatal(err)
		}
		if !w {
			run = 0
			continue
		}
		if run++; run > 6 {
			t.Errorf("%s is the %dth consecutive working day", d.Format(time.DateOnly), run)
		}
	}
}

func TestParseTooManyItems(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("name: x\nyears:\n  2017:\n    off:\n")
	for range 10001 {
		sb.WriteString("      - 2017-01-01..2017-12-31\n")
	}
	_, err := calendar.Parse("many.yaml", []byte(sb.String()))
	want := "many.yaml:10005:9: too many dates and ranges (more than 10000)"
	if err == nil || english(err) != want {
		t.Errorf("Parse error = %v, want %q", err, want)
	}
}

// TestParseDocExample parses the example in the package documentation.
func TestParseDocExample(t *testing.T) {
	src := `name: cn-nx                    # required: letters, digits, '-', '_' or '.'
title: 宁夏回族自治区部分节假日安排  # optional
kind: regional                 # optional: national, regional or correction (the default)
years:                         # required: one entry per yearly notice
  2017:
    notice: 宁夏回族自治区人民政府办公厅关于2017年部分节假日安排的通知   # optional: the source
    sources: [https://example.gov.cn/notice.htm]                       # optional: where it was read
    off:  [2017-06-24..2017-06-28, 2017-08-30..2017-09-03]            # days off
    work: [2017-07-01, 2017-08-27]                                     # weekend days worked (调休上班)
`
	f := parse(t, "doc.yaml", src)
	c := calendar.New(nil, f)
	first, last := c.Covered()
	if first != 0 || last != 0 {
		t.Errorf("a regional overlay alone covers %d..%d, want nothing", first, last)
	}
	cn, err := calendar.Embedded("cn")
	if err != nil {
		t.Fatal(err)
	}
	n, err := calendar.New(cn, f).Workdays(day(t, "2017-06-23"), day(t, "2017-07-03"))
	if err != nil || n != 4 {
		t.Errorf("Workdays with the doc example = %d, %v, want 4", n, err)
	}
}

// english returns the English text of a Parse error.
func english(err error) string {
	var list calendar.ErrorList
	if errors.As(err, &list) {
		return list.In(msg.EN)
	}
	return err.Error()
}

// TestParseErrorsChinese checks that calendar errors also read in Chinese, the default.
func TestParseErrorsChinese(t *testing.T) {
	_, err := calendar.Parse("f.yaml", []byte("name: x\nyears:\n  2017:\n    off: [2017-02-30]\n    of: []\n"))
	want := "f.yaml:4:11: 日期「2017-02-30」有误：日期超出范围\nf.yaml:5:5: 未知的键「of」（可用：notice, sources, off, work）"
	if err == nil || err.Error() != want {
		t.Errorf("Parse error = %v, want %q", err, want)
	}
}
