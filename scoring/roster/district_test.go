package roster

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
)

func catalogTable(owners ...string) *audit.Table {
	t := &audit.Table{Name: "catalog", File: "目录.xlsx", Sheet: "Sheet1"}
	for i, o := range owners {
		r := &audit.Row{Line: i + 2, Values: checklists.Row{"title": "文件"}}
		if o != "" {
			r.Values["publisher"] = o
		}
		t.Rows = append(t.Rows, r)
	}
	return t
}

func lines(t *audit.Table) []int {
	out := []int{}
	for _, r := range t.Rows {
		out = append(out, r.Line)
	}
	return out
}

func TestSplitWithRoster(t *testing.T) {
	ro := &Roster{Units: []*Unit{
		{Name: "利通区发展和改革局", Aliases: []string{"区发改局"}},
		{Name: "金积镇人民政府"},
		{Name: "利通区财政局"},
	}}
	tab := catalogTable(
		"利通区发展和改革局", // 2: by name
		"区发改局",      // 3: by alias
		"利通区发改局",    // 4: one name written two ways
		"金积镇",       // 5: township without 人民政府
		"利通区档案局",    // 6: no unit
		"",          // 7: no owner
		"利通区财政局",    // 8: a roster unit that handed nothing in
		"利通区档案局",    // 9
	)
	s := NewSplit(ro, tab, "publisher", "网站公开目录")
	if got := lines(s.Rows("利通区发展和改革局", true)); !cmp.Equal(got, []int{2, 3, 4}) {
		t.Errorf("发改局 rows = %v", got)
	}
	if got := lines(s.Rows("金积镇人民政府", true)); !cmp.Equal(got, []int{5}) {
		t.Errorf("金积镇 rows = %v", got)
	}
	if got := s.Rows("利通区教育局", true); got == nil || got.File != "目录.xlsx" || len(got.Rows) != 0 {
		t.Errorf("a unit without rows: %+v, want an empty table", got)
	}
	var got []string
	for _, w := range s.Unclaimed() {
		got = append(got, w.In(msg.ZH))
	}
	want := []string{
		"网站公开目录：目录.xlsx Sheet1第 6、9 行的单位「利通区档案局」不是参评单位（名称和别名都对不上），未计入任何单位",
		"网站公开目录：目录.xlsx Sheet1第 7 行没有写明单位，未计入任何单位",
		"网站公开目录：目录.xlsx Sheet1第 8 行的单位「利通区财政局」没有参加本次审核（未报送或未评分），未计入任何单位",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("unclaimed (-want +got)\n%s", diff)
	}
}

func TestSplitWithoutRoster(t *testing.T) {
	tab := catalogTable("利通区发展和改革局", "利通区发改局", "金积镇", "利通区档案局")
	s := NewSplit(nil, tab, "publisher", "网站公开目录")
	if got := lines(s.Rows("利通区发改局", false)); !cmp.Equal(got, []int{2, 3}) {
		t.Errorf("发改局 rows = %v", got)
	}
	if got := lines(s.Rows("金积镇人民政府", false)); !cmp.Equal(got, []int{4}) {
		t.Errorf("金积镇 rows = %v", got)
	}
	if n := len(s.Unclaimed()); n != 1 {
		t.Errorf("%d unclaimed groups, want 1 (档案局)", n)
	}
}
