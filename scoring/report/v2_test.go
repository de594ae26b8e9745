package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// v2Result is a result with what v2 adds: a pool with its cap, bonus
// above the total, effects and a pending evaluator item.
func v2Result() *scoring.Result {
	info := scoring.ChecklistInfo{ID: "v2", Title: "v2 测试", Total: 100, PerformanceWeight: 0.05, MaxScore: 120, BonusCap: f64(15),
		Grades: []scoring.GradeInfo{{Name: "合格", Min: 60}, {Name: "不合格", Min: 0}},
		Sections: []scoring.SectionInfo{{ID: "A", Title: "主动公开", Points: 100, Items: []scoring.ItemInfo{
			{ID: "A1", Title: "主动公开（最多扣6分）", Method: "deduct", Points: 10},
			{ID: "A3", Title: "网站内容", Method: "evaluator", Points: 90},
		}}}}
	jia := &scoring.UnitResult{Name: "甲镇", Type: "乡镇", Status: scoring.StatusOK, Score: 99, Grade: "合格", Rank: 1, PerformancePoints: 4.95,
		Base: f64(84), Bonus: &scoring.BonusNote{Earned: 18, Counted: 15},
		Sections: []scoring.SectionResult{{ID: "A", Title: "主动公开", Points: 100, Score: 84}},
		Items: []scoring.ItemResult{
			{ID: "A1", Title: "主动公开（最多扣6分）", Section: "A", Method: "deduct", Points: 10, Score: 4, Applicable: 5, Failed: 5,
				Deducted: 10, Cap: f64(6), Capped: 4, Rules: []scoring.RuleResult{
					{Rule: "A1#1", Finding: "公开不及时", Applicable: 1, Failed: 1, Amount: 5},
					{Rule: "A1.fmt", Finding: "要素未规范录入", Applicable: 4, Failed: 4, Amount: 5}}},
			{ID: "A3", Title: "网站内容", Section: "A", Method: "evaluator", Points: 90, Score: 80, Applicable: 1,
				Evaluator: &scoring.EvaluatorNote{By: "张三", On: "2025-01-10", Reason: "栏目更新不及时"}},
		},
		Findings: []scoring.FindingResult{}}
	yi := &scoring.UnitResult{Name: "乙镇", Type: "乡镇", Status: scoring.StatusPending, Score: 10, Grade: "不合格", Rank: 2,
		Effects:  []scoring.EffectNote{{Section: "A", Kind: "cap", Cap: f64(59), ReasonText: msg.New("「主动公开」得分10.00低于及格分30.00", "主动公开 scored 10.00, below its pass mark 30.00")}},
		Sections: []scoring.SectionResult{{ID: "A", Title: "主动公开", Points: 100, Score: 10}},
		Items: []scoring.ItemResult{
			{ID: "A1", Title: "主动公开（最多扣6分）", Section: "A", Method: "deduct", Points: 10, Score: 10, Applicable: 1, Cap: f64(6)},
			{ID: "A3", Title: "网站内容", Section: "A", Method: "evaluator", Points: 90, Score: 0, Applicable: 1, Pending: true},
		},
		Findings: []scoring.FindingResult{}}
	return &scoring.Result{Format: scoring.FormatV1, Checklist: info, Year: 2024, Units: []*scoring.UnitResult{jia, yi},
		Missing: []string{}, Errors: []scoring.ErrorEntry{}}
}

func TestV2Renderers(t *testing.T) {
	res := v2Result()
	var tb bytes.Buffer
	if err := Table(&tb, res, TableOptions{Lang: msg.ZH, Detail: true}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"A1#1 公开不及时：1条，5", "合计扣10", "最多6（封顶未计4）", "基础分84，加分18（计入15）",
		"评估打分 张三 2025-01-10：栏目更新不及时", "待评分", "暂定分：待评分指标 A3", "「主动公开」得分10.00低于及格分30.00，得分最高59分"} {
		if !strings.Contains(tb.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, tb.String())
		}
	}
	var cb bytes.Buffer
	if err := CSV(&cb, res, CSVOptions{Lang: msg.ZH}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(cb.String()), "\n")
	if !strings.HasSuffix(lines[0], ",基础分,加分,计入加分,效果,待评分指标,阶段得分") ||
		!strings.HasSuffix(lines[1], ",84,18,15,,,") ||
		!strings.Contains(lines[2], ",待评分,") || !strings.HasSuffix(lines[2], ",,,,「主动公开」得分10.00低于及格分30.00，得分最高59分,A3,") {
		t.Errorf("CSV:\n%s", cb.String())
	}
	f := openXLSX(t, writeXLSX(t, res, xlsxTestOpts))
	var summary, ledger [][]string
	for _, s := range f.GetSheetList() {
		switch {
		case strings.Contains(s, "汇总"):
			summary = rows(t, f, s)
		case s == "甲镇":
			ledger = rows(t, f, s)
		}
	}
	yiRow := findRow(t, summary, 1, "乙镇")
	if note := yiRow[len(yiRow)-1]; !strings.Contains(note, "得分最高59分") || !strings.Contains(note, "暂定分") {
		t.Errorf("summary 备注 of 乙镇 = %q", note)
	}
	if r := findRow(t, ledger, 0, "加分（计入）"); r[len(r)-1] != "15" {
		t.Errorf("ledger bonus row = %q", r)
	}
	if r := findRow(t, ledger, 0, "A1"); !strings.Contains(cell(r, 8), "最多6（封顶未计4）") {
		t.Errorf("ledger A1 row = %q", r)
	}
}
