package audit

import (
	"math/big"
	"strings"
	"testing"

	"github.com/zwgk/zwgk/checklists"
)

// A table's default fills an empty cell, never a written one, is not a
// missing column, and the row says which of its values were defaulted.
func TestV2Defaults(t *testing.T) {
	src := `format: zwgk.checklist/v2
id: t
title: 默认值
total: 10
performance_weight: 0.05
grades: [{name: 合格, min: 6}, {name: 不合格, min: 0}]
tables:
  documents:
    defaults: {attribute: 主动公开}
sections:
  - id: A
    title: 甲
    items:
      - id: A1
        title: 都已主动公开
        basis: x
        points: 10
        method: deduct
        table: documents
        check: 'attribute == "主动公开"'
`
	c, err := checklists.Load("t.yaml", []byte(src), checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	// A website catalogue export: no 公开属性 column at all.
	tab := &Table{Name: "documents", File: "u.xlsx", Sheet: "公文台账", Columns: map[string]string{"title": "A"}, Rows: []*Row{
		{Line: 2, Values: checklists.Row{"title": "甲"}},
		{Line: 3, Values: checklists.Row{"title": "乙", "attribute": "依申请公开"}},
	}}
	u := &Unit{Name: "u", Source: "u.xlsx", Tables: map[string]*Table{"documents": tab}}
	ev := NewPlan(c).Evaluate(u, 2024)
	o := ev.Outcomes[0]
	if o.Applicable != 2 || o.Failed != 1 || len(o.Missing) != 0 || o.Deducted.Cmp(ratOne()) != 0 {
		t.Errorf("A1: applicable %d failed %d missing %v deducted %v; want 2, 1 (row 3), none, 1", o.Applicable, o.Failed, o.Missing, o.Deducted)
	}
	if got := tab.Rows[0].Defaulted; len(got) != 1 || got[0] != "attribute" || tab.Rows[0].Values["attribute"] != "主动公开" {
		t.Errorf("row 2 defaulted %v, value %v", got, tab.Rows[0].Values["attribute"])
	}
	for _, f := range o.Findings {
		if f.Pos.Row == 2 {
			t.Errorf("row 2 (defaulted to 主动公开) failed: %v", f.Text)
		}
	}
	if len(tab.Rows[1].Defaulted) != 0 || tab.Rows[1].Values["attribute"] != "依申请公开" {
		t.Errorf("row 3 overwritten: %v", tab.Rows[1].Values)
	}
}

func ratOne() *big.Rat { return big.NewRat(1, 1) }

// A failing row's explanation says which of the values it read were
// defaults, not the unit's.
func TestV2DefaultProvenance(t *testing.T) {
	src := `format: zwgk.checklist/v2
id: t
title: 默认值
total: 10
performance_weight: 0.05
grades: [{name: 合格, min: 6}, {name: 不合格, min: 0}]
tables:
  documents:
    defaults: {attribute: 不予公开}
sections:
  - id: A
    title: 甲
    items:
      - id: A1
        title: 主动公开
        basis: x
        points: 10
        method: deduct
        table: documents
        check: 'attribute == "主动公开"'
`
	c, err := checklists.Load("t.yaml", []byte(src), checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	tab := &Table{Name: "documents", File: "u.xlsx", Sheet: "公文台账", Rows: []*Row{{Line: 2, Values: checklists.Row{"title": "甲"}}}}
	ev := NewPlan(c).Evaluate(&Unit{Name: "u", Source: "u.xlsx", Tables: map[string]*Table{"documents": tab}}, 2024)
	fs := ev.Outcomes[0].Findings
	if len(fs) != 1 || !strings.Contains(fs[0].Text.Zh, "公开属性 不予公开（默认值）") || !strings.Contains(fs[0].Text.En, "公开属性 (attribute) 不予公开 (default)") {
		t.Errorf("findings = %+v", fs)
	}
}
