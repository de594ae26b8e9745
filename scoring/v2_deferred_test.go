package scoring

import (
	"testing"
	"time"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
)

// A v2 pool rule's row that is not yet due on as_of is listed as 即将到期 and
// never deducted — as in a v1 checklist.
func TestV2DeferredRowsListed(t *testing.T) {
	src := `format: zwgk.checklist/v2
id: t
title: t
year: 2024
total: 100
max_score: 100
bonus_cap: 0
performance_weight: 0.04
grades: [{name: 合格, min: 60}, {name: 不合格, min: 0}]
sections:
  - id: A
    title: 公开
    points: 100
    items:
      - id: A1
        title: 公开到位
        basis: t
        points: 100
        method: deduct
        rules:
          - id: published
            table: documents
            where: 'attribute == "主动公开"'
            due: 'add_workdays(issued_on, 20)'
            check: 'published_on != nil && published_on <= as_of'
            per: 10
            finding: 应公开未公开
`
	c, err := checklists.Load("t.yaml", []byte(src), checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	u := unitV2(c, "甲镇", "乡镇", map[string][]checklists.Row{"documents": {
		{"title": "已到期未公开", "attribute": "主动公开", "issued_on": day("2024-11-01")},
		{"title": "未到期", "attribute": "主动公开", "issued_on": day("2024-12-20")},
	}})
	ev := audit.NewPlan(c).EvaluateAsOf(u, 2024, day("2024-12-27"))
	res := Score(Input{Checklist: c, Year: 2024, Evaluations: []*audit.Evaluation{ev}})
	got := unitByName(res, "甲镇")
	if got.Score != 90 {
		t.Errorf("score %v, want 90: the overdue row deducts 10, the row not yet due nothing", got.Score)
	}
	if len(got.Upcoming) != 1 || got.Upcoming[0].Row != 3 {
		t.Errorf("upcoming = %+v, want row 3 listed", got.Upcoming)
	}
}
