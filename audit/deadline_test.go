package audit

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/calendar"
)

type deferredRow struct {
	Item, Kind string
	Row        int
	Due        string
	Year       int
	Overlay    string
}

func deferredRows(ev *Evaluation) (failed map[string][]int, rows []deferredRow) {
	failed = map[string][]int{}
	for _, o := range ev.Outcomes {
		for _, f := range o.Findings {
			if f.Kind != KindNoSelf {
				failed[o.Item.ID] = append(failed[o.Item.ID], f.Pos.Row)
			}
		}
		for _, list := range [][]Deferred{o.Upcoming, o.Pending} {
			for _, d := range list {
				due := ""
				if !d.Due.IsZero() {
					due = d.Due.Format(time.DateOnly)
				}
				rows = append(rows, deferredRow{d.Item, d.Kind, d.Pos.Row, due, d.Year, d.Overlay})
			}
		}
	}
	return failed, rows
}

// The embedded national-2019 on a December 2026 register, judged on 12-28 and in January, with
// dates worked out by hand from the State Council's 2026 notice.
func TestEvaluateDeadlines(t *testing.T) {
	c, err := checklists.LoadEmbedded("national-2019", checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	doc := func(line int, issued, published string) *Row {
		r := &Row{Line: line, Values: checklists.Row{"doc_no": "甲发" + issued, "title": "文件", "issued_on": day(issued), "attribute": "主动公开"}}
		if published != "" {
			r.Values["published_on"] = day(published)
		}
		return r
	}
	req := func(line int, v checklists.Row) *Row {
		for k, s := range v {
			if str, ok := s.(string); ok && len(str) == 10 && str[4] == '-' {
				v[k] = day(str)
			}
		}
		v["subject"] = "申请"
		v["outcome"] = "予以公开"
		return &Row{Line: line, Values: v}
	}
	docs := &Table{Name: "documents", File: "甲.xlsx", Sheet: "公文台账",
		Columns: map[string]string{"doc_no": "A", "title": "B", "issued_on": "C", "attribute": "D", "published_on": "H"},
		Rows: []*Row{
			doc(2, "2026-03-02", ""),           // due 03-30, never published: 应公开未公开
			doc(3, "2026-12-24", ""),           // due in 2027 (earliest 2027-01-15 with every 2027 day worked)
			doc(4, "2026-09-14", "2026-10-16"), // the 20th working day across 中秋 09-25~27 and 国庆 10-01~07
			doc(5, "2026-09-14", "2026-10-19"), // the 21st: 公开不及时
			doc(6, "2026-12-01", ""),           // due 12-29: not yet due on 12-28
		}}
	reqs := &Table{Name: "requests", File: "甲.xlsx", Sheet: "依申请公开台账",
		Columns: map[string]string{"received_on": "A", "subject": "B", "replied_on": "D", "outcome": "E"},
		Rows: []*Row{
			req(2, checklists.Row{"received_on": "2026-11-02"}), // due 11-30, unanswered
			req(3, checklists.Row{"received_on": "2026-12-01"}), // due 12-29, unanswered
			// 补正 notice on the 7th working day: counted from the corrected request (due 04-20).
			req(4, checklists.Row{"received_on": "2026-03-02", "correction_requested_on": "2026-03-11", "corrected_on": "2026-03-20", "replied_on": "2026-04-20"}),
			// 补正 notice on the 8th: no restart; due 03-30, answered 04-20: late.
			req(5, checklists.Row{"received_on": "2026-03-02", "correction_requested_on": "2026-03-12", "corrected_on": "2026-03-20", "replied_on": "2026-04-20"}),
			// Consultation 03-10..03-16: 5 working days not counted, due 04-07.
			req(6, checklists.Row{"received_on": "2026-03-02", "consulted_from": "2026-03-10", "consulted_to": "2026-03-16", "replied_on": "2026-04-07"}),
			// Extension notified after the original deadline 03-30: void, answered 04-10: late.
			req(7, checklists.Row{"received_on": "2026-03-02", "extended": true, "extension_notified_on": "2026-03-31", "replied_on": "2026-04-10"}),
			// Extension notified in time: due 04-28.
			req(8, checklists.Row{"received_on": "2026-03-02", "extended": true, "extension_notified_on": "2026-03-30", "replied_on": "2026-04-28"}),
			// 第三十五条: a later deadline set by the agency.
			req(9, checklists.Row{"received_on": "2026-03-02", "agreed_due": "2026-06-30", "replied_on": "2026-06-15"}),
			// Answered in January 2027: whether that is late depends on the 2027 notice (earliest
			// deadline 01-05 if every day of 2027 were worked): undecided, never deducted.
			req(10, checklists.Row{"received_on": "2026-12-10", "replied_on": "2027-01-20"}),
			// A reply recorded after the deadline (12-29) is late even before the audit day passes it.
			req(11, checklists.Row{"received_on": "2026-12-01", "replied_on": "2026-12-30"}),
		}}
	u := &Unit{Name: "甲镇", Type: checklists.Township, Source: "甲.xlsx", Tables: map[string]*Table{"documents": docs, "requests": reqs}}
	plan := NewPlan(c)

	failed, rows := deferredRows(plan.EvaluateAsOf(u, 2026, day("2026-12-28")))
	wantFailed := map[string][]int{"A4": {5}, "A5": {2}, "B1": {2, 5, 7, 11}}
	if diff := cmp.Diff(wantFailed, failed); diff != "" {
		t.Errorf("12-28: failing rows (-want +got)\n%s", diff)
	}
	wantRows := []deferredRow{
		{"A5", KindUpcoming, 3, "2027-01-15", 0, ""},
		{"A5", KindUpcoming, 6, "2026-12-29", 0, ""},
		{"B1", KindUpcoming, 3, "2026-12-29", 0, ""},
		{"B1", KindPending, 10, "2027-01-05", 2027, ""},
	}
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("12-28: deferred rows (-want +got)\n%s", diff)
	}

	// In January, without the 2027 notice: the late-December document is undecided; the rest is late.
	failed, rows = deferredRows(plan.EvaluateAsOf(u, 2026, day("2027-01-20")))
	wantFailed = map[string][]int{"A4": {5}, "A5": {2, 6}, "B1": {2, 3, 5, 7, 11}}
	if diff := cmp.Diff(wantFailed, failed); diff != "" {
		t.Errorf("01-20: failing rows (-want +got)\n%s", diff)
	}
	wantRows = []deferredRow{{"A5", KindPending, 3, "2027-01-15", 2027, ""}, {"B1", KindPending, 10, "2027-01-05", 2027, ""}}
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("01-20: deferred rows (-want +got)\n%s", diff)
	}

	// With a 2027 calendar (a test file: weekends only) both are decided.
	f, err := calendar.Parse("2027.yaml", []byte("name: t\nkind: correction\nyears:\n  2027: {}\n"))
	if err != nil {
		t.Fatal(err)
	}
	c27, err := checklists.LoadEmbedded("national-2019", checklists.LoadOptions{Calendars: []*calendar.File{f}})
	if err != nil {
		t.Fatal(err)
	}
	failed, rows = deferredRows(NewPlan(c27).EvaluateAsOf(u, 2026, day("2027-01-20")))
	wantFailed = map[string][]int{"A4": {5}, "A5": {2, 6}, "B1": {2, 3, 5, 7, 10, 11}}
	if diff := cmp.Diff(wantFailed, failed); diff != "" {
		t.Errorf("01-20 with 2027: failing rows (-want +got)\n%s", diff)
	}
	wantRows = []deferredRow{{"A5", KindUpcoming, 3, "2027-01-21", 0, ""}}
	if diff := cmp.Diff(wantRows, rows); diff != "" {
		t.Errorf("01-20 with 2027: deferred rows (-want +got)\n%s", diff)
	}
}
