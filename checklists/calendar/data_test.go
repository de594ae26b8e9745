package calendar

import (
	"errors"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// TestEmbeddedData checks the shipped files: they parse, are named as their file, and every year
// names the notice it comes from.
func TestEmbeddedData(t *testing.T) {
	type summary struct {
		Name  string
		Kind  Kind
		Years []int
	}
	want := []summary{
		{"cn", National, []int{2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026}},
		{"cn-nx", Regional, []int{2017, 2019, 2020, 2021, 2022, 2023}},
	}
	var got []summary
	for _, name := range Names() {
		f, err := Embedded(name)
		if err != nil {
			t.Fatalf("Embedded(%s): %v", name, err)
		}
		got = append(got, summary{f.Name, f.Kind, f.Years()})
		if f.Title == "" {
			t.Errorf("%s: no title", name)
		}
		for _, e := range f.years {
			if e.notice == "" || len(e.sources) == 0 {
				t.Errorf("%s %d: the notice or its sources are missing", name, e.year)
			}
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("embedded calendars mismatch (-want +got):\n%s", diff)
	}
}

// TestEmbeddedWorkDays checks that every 调休上班 day is a weekend day: a notice never needs to
// say that a weekday is worked.
func TestEmbeddedWorkDays(t *testing.T) {
	for _, name := range Names() {
		f, err := Embedded(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range f.years {
			for _, d := range e.work {
				if !weekend(d) {
					t.Errorf("%s %d: work day %s is not a Saturday or Sunday", name, e.year, formatDay(d))
				}
			}
		}
	}
}

// TestNingxiaAddsDays checks that cn-nx only lists days the national calendar leaves alone.
func TestNingxiaAddsDays(t *testing.T) {
	cn, err := Embedded("cn")
	if err != nil {
		t.Fatal(err)
	}
	nx, err := Embedded("cn-nx")
	if err != nil {
		t.Fatal(err)
	}
	national := map[int]bool{}
	for _, e := range cn.years {
		for _, d := range append(e.off, e.work...) {
			national[d] = true
		}
	}
	for _, e := range nx.years {
		for _, d := range append(e.off, e.work...) {
			if national[d] {
				t.Errorf("cn-nx %d: %s is already listed by cn", e.year, formatDay(d))
			}
		}
	}
}

func TestDayNumbers(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    int
		weekend bool
	}{
		{1970, 1, 1, 0, false},
		{1969, 12, 31, -1, false},
		{2000, 2, 29, 11016, false},
		{2017, 1, 1, 17167, true},
		{2017, 9, 30, 17439, true},
		{2024, 2, 9, 19762, false},
		{1900, 3, 1, -25508, false},
		{2199, 12, 31, 84005, false},
	}
	for _, tt := range tests {
		got := daysFromCivil(tt.y, tt.m, tt.d)
		if got != tt.want {
			t.Errorf("daysFromCivil(%d, %d, %d) = %d, want %d", tt.y, tt.m, tt.d, got, tt.want)
		}
		y, m, d := civilFromDays(got)
		if diff := cmp.Diff([3]int{tt.y, tt.m, tt.d}, [3]int{y, m, d}); diff != "" {
			t.Errorf("civilFromDays(%d) mismatch (-want +got):\n%s", got, diff)
		}
		if weekend(got) != tt.weekend {
			t.Errorf("weekend(%d-%02d-%02d) = %v", tt.y, tt.m, tt.d, !tt.weekend)
		}
	}
}

// TestDayNumbersAgainstTime compares the day arithmetic with package time over the years a file may hold.
func TestDayNumbersAgainstTime(t *testing.T) {
	for d := time.Date(minYear-1, 12, 1, 0, 0, 0, 0, time.UTC); d.Year() <= maxYear; d = d.AddDate(0, 0, 1) {
		z := int(d.Unix() / 86400)
		if got := daysFromCivil(d.Year(), int(d.Month()), d.Day()); got != z {
			t.Fatalf("daysFromCivil(%s) = %d, want %d", d.Format(time.DateOnly), got, z)
		}
		if got, want := weekend(z), d.Weekday() == time.Saturday || d.Weekday() == time.Sunday; got != want {
			t.Fatalf("weekend(%s) = %v", d.Format(time.DateOnly), got)
		}
		if got := formatDay(z); got != d.Format(time.DateOnly) {
			t.Fatalf("formatDay(%d) = %s, want %s", z, got, d.Format(time.DateOnly))
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range Names() {
		data, err := embedded.ReadFile("data/" + name + ".yaml")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("name: u\nkind: regional\nyears:\n  2024:\n    notice: n\n    sources: [s]\n    off: [2023-12-31..2024-01-02]\n    work: [2024-01-06]\n"))
	f.Add([]byte("name: x\nyears:\n  2017:\n    off: [2017-01-01..2017-12-31]\n    work: [2016-12-31]\n"))
	f.Add([]byte("name: x\nyears: {2017: &a {}, 2018: *a}\n"))
	f.Add([]byte("name: [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse("fuzz.yaml", data)
		if err != nil {
			var list ErrorList
			if !errors.As(err, &list) || len(list) == 0 {
				t.Fatalf("Parse error %v is not a non-empty ErrorList", err)
			}
			return
		}
		c := New(file)
		years := file.Years()
		first, last := c.Covered()
		if len(years) == 0 {
			if first != 0 || last != 0 {
				t.Fatalf("Covered() = %d, %d for a file without years", first, last)
			}
			return
		}
		if first != years[0] || last != years[len(years)-1] {
			t.Fatalf("Covered() = %d, %d, years %v", first, last, years)
		}
		for _, y := range years {
			n, err := c.Workdays(time.Date(y-1, 12, 31, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC))
			if y > first && err == nil && (n < 0 || n > 366) {
				t.Fatalf("Workdays over %d = %d", y, n)
			}
			if n, err := c.Workdays(time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)); err != nil || n < 0 || n > 365 {
				t.Fatalf("Workdays within %d = %d, %v", y, n, err)
			}
		}
	})
}
