package calendar_test

import (
	"testing"
	"time"

	"github.com/zwgk/zwgk/checklists/calendar"
)

// The Regulations' clock, worked out by hand from the State Council's notices (day 0 = the day of
// receipt, not counted; 民法典 第二百零一条).
func TestRequestDue(t *testing.T) {
	cal, err := calendar.Load(nil)
	if err != nil {
		t.Fatal(err)
	}
	d := func(s string) time.Time { return day(t, s) }
	for _, tc := range []struct {
		name string
		r    calendar.Request
		want string
	}{
		// 2026-09-14 (Mon) + 20: 15-18 (4), 20 Sun 调休 (5), 21-24 (9), 中秋 09-25~27, 28-30 (12),
		// 国庆 10-01~07, 10-08, 09 (14), 10 Sat 调休 (15), 12-16 (20).
		{"2019 条例 20 working days across 中秋、国庆", calendar.Request{Received: d("2026-09-14")}, "2026-10-16"},
		// 2017-01-20 (Fri) + 15 under the 2007 条例: 01-22 Sun 调休 (1), 23-26 (5), 春节 01-27~02-02,
		// 02-03 (6), 02-04 Sat 调休 (7), 06-10 (12), 13-15 (15).
		{"2007 条例 15 working days across 春节", calendar.Request{Received: d("2017-01-20")}, "2017-02-15"},
		{"2007 条例 extended: 30", calendar.Request{Received: d("2017-01-20"), Extended: true}, "2017-03-08"},
		// 补正 notice on the 7th working day (2026-03-11 for 03-02): counted from the corrected request
		// 03-20 (Fri): 23-27 (5), 03-30..04-03 (10), 清明 04-04~06, 04-07..10 (14), 13-17 (19), 20 (20).
		{"补正 within 7 working days restarts", calendar.Request{Received: d("2026-03-02"), CorrectionRequested: d("2026-03-11"), Corrected: d("2026-03-20")}, "2026-04-20"},
		// notice on the 8th working day: no restart; from 03-02: 20 working days → 03-30.
		{"补正 notice late: no restart", calendar.Request{Received: d("2026-03-02"), CorrectionRequested: d("2026-03-12"), Corrected: d("2026-03-20")}, "2026-03-30"},
		// consultation 03-10 (Tue) .. 03-16 (Mon): 5 working days not counted → 20 + 5 from 03-02 → 04-07
		// (03-30, 31, 04-01, 02, 03 = 21..25 minus … : 03-03..03-30 is 20, then 03-31, 04-01, 02, 03, 07).
		{"consultation days not counted", calendar.Request{Received: d("2026-03-02"), ConsultedFrom: d("2026-03-10"), ConsultedTo: d("2026-03-16")}, "2026-04-07"},
		// extension notified on the original deadline 03-30: valid, 40 working days → 04-28.
		{"extension notified in time", calendar.Request{Received: d("2026-03-02"), Extended: true, ExtensionNotified: d("2026-03-30")}, "2026-04-28"},
		{"extension notified late: original deadline", calendar.Request{Received: d("2026-03-02"), Extended: true, ExtensionNotified: d("2026-03-31")}, "2026-03-30"},
		{"第三十五条 later deadline", calendar.Request{Received: d("2026-03-02"), AgreedDue: d("2026-06-30")}, "2026-06-30"},
		{"第三十五条 earlier date does not shorten", calendar.Request{Received: d("2026-03-02"), AgreedDue: d("2026-03-10")}, "2026-03-30"},
		// Across the year boundary: 2025-12-15 + 20: 16-19 (4), 22-26 (9), 29-31 (12), 2026 元旦 01-01~03,
		// 01-04 Sun 调休 (13), 05-09 (18), 12, 13 (20).
		{"across the year boundary", calendar.Request{Received: d("2025-12-15")}, "2026-01-13"},
	} {
		got, err := cal.RequestDue(tc.r, calendar.Exact)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if got.Format(time.DateOnly) != tc.want {
			t.Errorf("%s: due %s, want %s", tc.name, got.Format(time.DateOnly), tc.want)
		}
	}
	// A missing year: exact refuses; the strictest reading is the earliest deadline.
	r := calendar.Request{Received: d("2026-12-21")}
	if _, err := cal.RequestDue(r, calendar.Exact); err == nil {
		t.Error("2027 unknown: no error")
	}
	if got, _ := cal.RequestDue(r, calendar.Strictest); got.Format(time.DateOnly) != "2027-01-12" {
		t.Errorf("strictest: %s, want 2027-01-12 (8 working days in 2026, then every day of 2027)", got.Format(time.DateOnly))
	}
}
