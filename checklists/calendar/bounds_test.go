package calendar_test

import (
	"testing"

	"github.com/zwgk/zwgk/checklists/calendar"
)

// Deadlines across 调休 and the year boundary, counted as 民法典 第二百零一条 says: the start day is not
// counted, the n-th working day after it is the deadline.
func TestAddWorkdays(t *testing.T) {
	cal, err := calendar.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		from string
		n    int
		want string
		note string
	}{
		{"2026-02-13", 1, "2026-02-14", "春节前的调休上班日（星期六）"},
		{"2026-02-14", 1, "2026-02-24", "春节 02-15~02-23 放假"},
		{"2026-02-06", 7, "2026-02-24", "02-09..02-13, 02-14 上班, then 02-24"},
		{"2026-09-30", 1, "2026-10-08", "国庆 10-01~10-07"},
		{"2026-09-30", 3, "2026-10-10", "10-10 星期六调休上班"},
		{"2026-09-18", 1, "2026-09-20", "09-20 星期日调休上班"},
		{"2017-01-20", 20, "2017-02-22", n2017 + "：01-22 上班，春节 01-27~02-02，02-04 上班"},
		{"2025-12-24", 20, "2026-01-22", "跨年：2026 元旦 01-01~01-03，01-04 星期日上班"},
		{"2026-03-02", 0, "2026-03-02", "n = 0"},
	} {
		got, err := cal.AddWorkdays(day(t, tc.from), tc.n)
		if err != nil {
			t.Errorf("AddWorkdays(%s, %d): %v", tc.from, tc.n, err)
			continue
		}
		if got.Format("2006-01-02") != tc.want {
			t.Errorf("AddWorkdays(%s, %d) = %s, want %s (%s)", tc.from, tc.n, got.Format("2006-01-02"), tc.want, tc.note)
		}
		// The inverse: the deadline is n working days after the start.
		if w, err := cal.Workdays(day(t, tc.from), got); err != nil || w != tc.n {
			t.Errorf("Workdays(%s, %s) = %d, %v; want %d", tc.from, tc.want, w, err, tc.n)
		}
	}
}

// A year the calendar lacks: Exact refuses, Strictest reads every day as a working day (the earliest
// deadline), Mildest none (the latest).
func TestBoundsMissingYear(t *testing.T) {
	cal, err := calendar.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	from, to := day(t, "2026-12-24"), day(t, "2027-01-05")
	if _, err := cal.WorkdaysIn(from, to, calendar.Exact); err == nil {
		t.Fatal("Exact across 2027: no error")
	} else if y, ov, ok := calendar.Gap(err); !ok || y != 2027 || ov != "" {
		t.Fatalf("Gap(%v) = %d, %q, %v", err, y, ov, ok)
	}
	for mode, want := range map[calendar.Mode]int{calendar.Strictest: 10, calendar.Mildest: 5} {
		if n, err := cal.WorkdaysIn(from, to, mode); err != nil || n != want {
			t.Errorf("WorkdaysIn(mode %d) = %d, %v; want %d", mode, n, err, want)
		}
	}
	if _, err := cal.AddWorkdaysIn(from, 20, calendar.Exact); err == nil {
		t.Error("AddWorkdays across 2027: no error")
	}
	if d, _ := cal.AddWorkdaysIn(from, 20, calendar.Strictest); d.Format("2006-01-02") != "2027-01-15" {
		t.Errorf("Strictest = %s, want 2027-01-15", d.Format("2006-01-02"))
	}
	if d, _ := cal.AddWorkdaysIn(from, 20, calendar.Mildest); d.Year() != 9999 {
		t.Errorf("Mildest = %s, want never (9999-12-31)", d.Format("2006-01-02"))
	}
	if d, err := cal.AddWorkdaysIn(from, 5, calendar.Exact); err != nil || d.Format("2006-01-02") != "2026-12-31" {
		t.Errorf("within 2026: %s, %v", d.Format("2006-01-02"), err)
	}
}

// A year a regional overlay lacks: Exact says which; Mildest takes the overlay's largest yearly
// number of days off away.
func TestBoundsMissingOverlay(t *testing.T) {
	cal, err := calendar.Load([]string{"cn", "cn-nx"})
	if err != nil {
		t.Fatal(err)
	}
	if s := cal.OverlaySlack(); s != 4 {
		t.Errorf("OverlaySlack = %d, want 4 (2017: 6 weekdays off, 2 weekend days worked)", s)
	}
	from, to := day(t, "2024-03-01"), day(t, "2024-03-15")
	_, err = cal.WorkdaysIn(from, to, calendar.Exact)
	if y, ov, ok := calendar.Gap(err); !ok || y != 2024 || ov != "cn-nx" {
		t.Fatalf("Gap(%v) = %d, %q, %v", err, y, ov, ok)
	}
	for mode, want := range map[calendar.Mode]int{calendar.Strictest: 10, calendar.Mildest: 6} {
		if n, err := cal.WorkdaysIn(from, to, mode); err != nil || n != want {
			t.Errorf("WorkdaysIn(mode %d) = %d, %v; want %d", mode, n, err, want)
		}
	}
	if d, _ := cal.AddWorkdaysIn(from, 10, calendar.Mildest); d.Format("2006-01-02") != "2024-03-21" {
		t.Errorf("Mildest AddWorkdays = %s, want 2024-03-21", d.Format("2006-01-02"))
	}
	// 2017 is in the overlay: exact, 开斋节 06-24~06-28 off, 07-01 worked.
	if d, err := cal.AddWorkdaysIn(day(t, "2017-06-23"), 1, calendar.Exact); err != nil || d.Format("2006-01-02") != "2017-06-29" {
		t.Errorf("2017 开斋节: %s, %v", d.Format("2006-01-02"), err)
	}
}
