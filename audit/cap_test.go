package audit

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
)

// A register of many failing rows and many unreadable cells is scored on
// all of them; only the first findings are listed, the rest counted in one
// finding of the same kind.
func TestEvaluateCapsFindings(t *testing.T) {
	c, err := checklists.Load("test.yaml", []byte(testChecklist), checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	const n = MaxItemFindings + 1500
	docs := &Table{Name: "documents", File: "u.csv", Sheet: "公文台账", Columns: map[string]string{"doc_no": "A", "title": "B", "issued_on": "C", "attribute": "D", "reason": "E", "declassified_on": "K"}}
	u := &Unit{Name: "甲", Type: checklists.Department, Source: "u", Tables: map[string]*Table{"documents": docs}}
	for i := range n {
		line := i + 2
		// Withheld without a reason: fails A2. A bad 脱密日期 no rule reads: a
		// data error of no item.
		docs.Rows = append(docs.Rows, &Row{Line: line, Values: checklists.Row{"doc_no": fmt.Sprint(i), "issued_on": day("2017-03-01"), "attribute": "不予公开"},
			Bad: []string{"declassified_on"}})
		u.AddIssue(Issue{Kind: DataError, Pos: docs.Pos(docs.Rows[i], "declassified_on"), Table: "documents", Field: "declassified_on", Text: msg.New("坏", "bad")})
	}
	ev := NewPlan(c).Evaluate(u, 2017)
	var a2 *Outcome
	for _, o := range ev.Outcomes {
		if o.Item.ID == "A2" {
			a2 = o
		}
	}
	if a2.Applicable != n || a2.Failed != n {
		t.Errorf("A2 applicable %d failed %d, want %d %d: scores count every row", a2.Applicable, a2.Failed, n, n)
	}
	if len(a2.Findings) != MaxItemFindings+1 {
		t.Fatalf("A2 lists %d findings, want %d and one for the rest", len(a2.Findings), MaxItemFindings)
	}
	last := a2.Findings[MaxItemFindings]
	want := Finding{Item: "A2", Kind: "未说明不公开理由", Table: "documents", Pos: Pos{File: "u"}, Omitted: 1500, Text: OmittedText(1500)}
	if diff := cmp.Diff(want, last); diff != "" {
		t.Errorf("omission finding (-want +got)\n%s", diff)
	}
	if got := a2.Findings[MaxItemFindings-1].Pos.Row; got != MaxItemFindings+1 {
		t.Errorf("last listed row %d, want the first %d rows in order", got, MaxItemFindings)
	}
	// Unit-level data errors: the reader's n issues are all uncited.
	listed, omitted := 0, 0
	for _, f := range ev.Findings {
		if f.Omitted > 0 {
			omitted += f.Omitted
		} else {
			listed++
		}
	}
	if listed+omitted != n {
		t.Errorf("unit data errors: %d listed + %d omitted, want %d in all", listed, omitted, n)
	}
	if total := listed + MaxItemFindings; total > MaxUnitFindings {
		t.Errorf("%d findings listed for the unit, more than %d", total, MaxUnitFindings)
	}
}

func TestAddIssueCapsDataErrors(t *testing.T) {
	u := &Unit{}
	for range MaxIssues + 5 {
		u.AddIssue(Issue{Kind: DataError})
	}
	u.AddIssue(Issue{Kind: Warning})
	if len(u.Issues) != MaxIssues+1 || u.IssuesOmitted != 5 {
		t.Errorf("kept %d, omitted %d; want %d (warnings always kept), 5", len(u.Issues), u.IssuesOmitted, MaxIssues+1)
	}
}
