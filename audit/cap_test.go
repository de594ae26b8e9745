package audit

import (
	"fmt"
	"strings"
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

// A row rule that sorts the whole register for each of its 20,000 rows is
// not run on that unit: not applicable, with a 规则错误 naming the item;
// the unit's other items are scored as ever.
func TestEvaluateWorkBudget(t *testing.T) {
	src := `format: zwgk.checklist/v1
id: test
title: 测试
total: 100
performance_weight: 0.04
grades: [{name: 合格, min: 0}]
sections:
  - id: A
    title: 甲
    items:
      - {id: A1, title: 排序, basis: 一(一), points: 50, method: deduct, table: documents, check: 'len(sortBy(tables.documents, .title)) > 0', finding: 测试}
      - {id: A2, title: 标题, basis: 一(一), points: 50, method: deduct, table: documents, check: 'title != nil', finding: 无标题}
`
	c, err := checklists.Load("t.yaml", []byte(src), checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	docs := &Table{Name: "documents", File: "u.xlsx", Sheet: "公文台账", Columns: map[string]string{"title": "B"}}
	for i := range 20000 {
		docs.Rows = append(docs.Rows, &Row{Line: i + 2, Values: checklists.Row{"title": fmt.Sprint("文件", i%7919)}})
	}
	u := &Unit{Name: "甲", Source: "u.xlsx", Tables: map[string]*Table{"documents": docs}}
	ev := NewPlan(c).Evaluate(u, 2017)
	a1, a2 := ev.Outcomes[0], ev.Outcomes[1]
	if !a1.NA || a1.Applicable != 0 || a1.Failed != 0 || len(a1.Findings) != 1 || a1.Findings[0].Kind != KindRuleError {
		t.Errorf("A1: na %v, %d/%d, findings %+v; want not applicable with one 规则错误", a1.NA, a1.Applicable, a1.Failed, a1.Findings)
	} else if want := "指标A1的规则在本单位要对 20000 行逐行遍历整张公文台账"; !strings.HasPrefix(a1.Findings[0].Text.Zh, want) {
		t.Errorf("A1 finding %q, want it to start %q", a1.Findings[0].Text.Zh, want)
	}
	if a2.NA || a2.Applicable != 20000 || a2.Failed != 0 {
		t.Errorf("A2: na %v, %d/%d; want 20000 applicable", a2.NA, a2.Applicable, a2.Failed)
	}
}
