package scoring

import (
	"math/big"
	"testing"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
)

// p is a row of 检查问题清单 (the evaluators' list of problems found).
func p(kind string, kv ...any) checklists.Row {
	r := checklists.Row{"kind": kind}
	for i := 0; i+1 < len(kv); i += 2 {
		r[kv[i].(string)] = kv[i+1]
	}
	return r
}

func rows(parts ...[]checklists.Row) map[string][]checklists.Row {
	var all []checklists.Row
	for _, p := range parts {
		all = append(all, p...)
	}
	return map[string][]checklists.Row{"problems": all}
}

func ev(score int64, reason string) EvaluatorScore {
	return EvaluatorScore{Score: big.NewRat(score, 1), Reason: reason}
}

// The structure of four real published schemes (shared/source/domain-notes
// §3.2 and the schemes' own texts) written as v2 checklists of our own
// making, each run on units whose results are worked out by hand in the
// comments from the schemes' rules.
func TestV2RealSchemes(t *testing.T) {
	type unitCase struct {
		name, typ string
		rows      map[string][]checklists.Row
		want      v2Want
	}
	schemes := []struct {
		file   string
		scores EvaluatorScores
		units  []unitCase
	}{
		{
			// 鲤城 2020: 100 + 30. Every first-level item deducts from one pool,
			// 扣完为止; the website and daily work (68) are scored by evaluators.
			file: "licheng-2020.yaml",
			scores: EvaluatorScores{
				"开元街道": {"E1": ev(60, "网站栏目更新不及时")},
				"鲤中街道": {"E1": ev(66, "")},
			},
			units: []unitCase{
				// A1 10 − (5 + 3 + 1) = 1; B1 10 − 5 = 5; C1 6 − 12 → 0; D1 6 − 2 = 4;
				// E1 60. Base 70, bonus 8 + 5 = 13: 83 → 良好; 83/100 × 0.05 × 100 = 4.15.
				{"开元街道", "乡镇", rows(repeat(1, p("超期公开")), repeat(3, p("要素")), repeat(1, p("正文")),
					repeat(1, p("年报未公开")), repeat(2, p("超期办理")), repeat(1, p("引用未处理")),
					[]checklists.Row{p("加分", "deduction", 8.0), p("加分", "deduction", 5.0)}),
					v2Want{status: StatusOK, score: 83, grade: "良好", rank: 2, perf: 4.15,
						items:   map[string]float64{"A1": 1, "B1": 5, "C1": 0, "D1": 4, "E1": 60, "F1": 13},
						section: map[string]float64{"A": 1, "B": 5, "C": 0, "D": 4, "E": 60}}},
				// A1 10 − 15 → 0; B1 and C1 not applicable (no problem): 10 and 6;
				// D1 6 − 6 = 0; E1 66. Base 82; bonus 20 + 15 = 35, item cap 30,
				// bonus_cap 30: 112 (above 100) → 优秀; 112/100 × 5 = 5.6.
				{"鲤中街道", "乡镇", rows(repeat(3, p("超期公开")), repeat(1, p("涉密")),
					[]checklists.Row{p("加分", "deduction", 20.0), p("加分", "deduction", 15.0)}),
					v2Want{status: StatusOK, score: 112, grade: "优秀", rank: 1, perf: 5.6,
						items:   map[string]float64{"A1": 0, "B1": 10, "C1": 6, "D1": 0, "E1": 66, "F1": 30},
						section: map[string]float64{"A": 0, "B": 10, "C": 6, "D": 0, "E": 66}}},
				// No problem, E1 not yet scored: 10 + 10 + 6 + 6 + 0 = 32, pending,
				// ranked after the scored units.
				{"海滨街道", "乡镇", rows(),
					v2Want{status: StatusPending, score: 32, grade: "不合格", rank: 3, perf: 1.6,
						items:   map[string]float64{"A1": 10, "E1": 0},
						section: map[string]float64{"E": 0}}},
			},
		},
		{
			// 玉环 2018: 120 + 40; 组织领导 4 = 未明确的扣4分、未及时上报人员变动的扣2分 (one pool);
			// 年报制度 scored by the assessors; 目录和指南 2 + 2.
			file: "yuhuan-2018.yaml",
			scores: EvaluatorScores{
				"玉城街道": {"S1.2": ev(2, "年报未及时公开"), "S2.2": ev(80, "")},
				"坎门街道": {"S1.2": ev(0, "年报未公开"), "S2.2": ev(70, "")},
			},
			units: []unitCase{
				// S1: 4 − 2 = 2, 2, 4 − 6 → 0, 4 (n/a), 4 (n/a) = 12; S2: 4 − 2 = 2, 80 = 82.
				// Base 94, bonus 10 + 5 = 15: 109 → 优秀; 109/120 × 5 = 4.541… → 4.54.
				{"玉城街道", "乡镇", rows(repeat(1, p("人员变动未报")), repeat(2, p("制度未建立")), repeat(1, p("台账未建立")),
					repeat(1, p("目录不规范")), []checklists.Row{p("推广", "level", "省级"), p("推广", "level", "市级")}),
					v2Want{status: StatusOK, score: 109, grade: "优秀", rank: 2, perf: 4.54,
						items:   map[string]float64{"S1.1": 2, "S1.2": 2, "S1.3": 0, "S1.4": 4, "S1.5": 4, "S2.1": 2, "S2.2": 80, "S3.1": 15},
						section: map[string]float64{"S1": 12, "S2": 82}}},
				// S1: 4 − 6 → 0, 0, 4, 4 − 8 → 0, 4 = 8; S2: 4 − 4 = 0, 70. Base 78;
				// 5 × 省级 = 50, item cap 40: 118 → 优秀; 118/120 × 5 = 4.916… → 4.92.
				{"坎门街道", "乡镇", rows(repeat(1, p("未明确机构")), repeat(1, p("人员变动未报")), repeat(2, p("未备案")),
					repeat(1, p("目录不规范")), repeat(1, p("目录未公开")), repeat(5, p("推广", "level", "省级"))),
					v2Want{status: StatusOK, score: 118, grade: "优秀", rank: 1, perf: 4.92,
						items:   map[string]float64{"S1.1": 0, "S1.2": 0, "S1.4": 0, "S2.1": 0, "S3.1": 40},
						section: map[string]float64{"S1": 8, "S2": 70}}},
			},
		},
		{
			// 金东 2021: 百分制; 主动公开 40 = 每项扣5、每例扣2、每项扣1（严重的扣2）、每例扣4;
			// a new-media veto sinks its part; 工作亮点 by level, the total capped at 100.
			file: "jindong-2021.yaml",
			scores: EvaluatorScores{
				"多湖街道": {"K2.1": ev(18, "答复格式不规范")},
				"东孝街道": {"K2.1": ev(20, "")},
				"孝顺镇":  {"K2.1": ev(20, "")},
			},
			units: []unitCase{
				// K1.1 40 − (10 + 6 + 2 + 1 + 1 + 4) = 16; K2.1 18; K3.2 30 − 3.5 = 26.5;
				// K4.1 10 − 5 = 5. Base 65.5, bonus 5: 70.5 → 合格; 3.525 → 3.53.
				{"多湖街道", "乡镇", rows(repeat(2, p("要点未完成")), repeat(3, p("未及时公开")),
					[]checklists.Row{p("信息错误", "level", "严重"), p("信息错误", "level", "一般"), p("信息错误", "level", "一般")},
					repeat(1, p("规范性文件")), []checklists.Row{p("平台问题", "deduction", 3.5)}, repeat(1, p("任务未完成")),
					[]checklists.Row{p("亮点", "level", "国家级")}),
					v2Want{status: StatusOK, score: 70.5, grade: "合格", rank: 3, perf: 3.53,
						items:   map[string]float64{"K1.1": 16, "K2.1": 18, "K3.2": 26.5, "K4.1": 5, "K5.1": 5},
						section: map[string]float64{"K1": 16, "K3": 26.5}}},
				// The veto makes K3 0 (its 30 lost), the rest is scored: 40 + 20 + 0 + 10
				// = 70; bonus 5 + 5 + 3 = 13, item cap 10: 80 → 良好.
				{"东孝街道", "乡镇", rows(repeat(1, p("泄密")), repeat(2, p("亮点", "level", "国家级")), repeat(1, p("亮点", "level", "省级"))),
					v2Want{status: StatusOK, score: 80, grade: "良好", rank: 2, perf: 4,
						items:   map[string]float64{"K1.1": 40, "K3.2": 30, "K5.1": 10},
						section: map[string]float64{"K3": 0},
						effects: []string{"section@K3.1"}}},
				// 100 + 3, capped at the total (no max_score): 100.
				{"孝顺镇", "乡镇", rows(repeat(1, p("亮点", "level", "省级"))),
					v2Want{status: StatusOK, score: 100, grade: "优秀", rank: 1, perf: 5,
						items: map[string]float64{"K5.1": 3}, section: map[string]float64{"K1": 40}}},
			},
		},
		{
			// 绵阳 2022: 15 + 55 (网站 35 < 21 or 新媒体 20 < 12 = 不合格; 网站单项否决)
			// + 30, bonus 30 only when 网站 + 新媒体 ≥ 44.
			file: "mianyang-2022.yaml",
			scores: EvaluatorScores{
				"涪城区": {"W1": ev(30, "信息公开栏目更新慢"), "N1": ev(16, "")},
				"游仙区": {"W1": ev(20, "首页两周未更新"), "N1": ev(18, "")},
				"安州区": {"W1": ev(33, ""), "N1": ev(20, "")},
			},
			units: []unitCase{
				// G1 15 − 5 × 0.5 = 12.5; W 30; N 16; R1 30 − 5 = 25. Base 83.5;
				// W + N = 46 ≥ 44: bonus 12 + 10 = 22: 105.5 → 优秀; 5.275 → 5.28.
				{"涪城区", "部门", rows(repeat(5, p("公开问题")), []checklists.Row{p("通报", "deduction", 3.0), p("通报", "deduction", 2.0),
					p("加分", "deduction", 12.0), p("加分", "deduction", 10.0)}),
					v2Want{status: StatusOK, score: 105.5, grade: "优秀", rank: 1, perf: 5.28,
						items:   map[string]float64{"G1": 12.5, "W1": 30, "N1": 16, "R1": 25, "X1": 22},
						section: map[string]float64{"W": 30, "N": 16}}},
				// W 20 < 21: 不合格 whatever the score (83), ranked after those not;
				// W + N = 38 < 44: no bonus.
				{"游仙区", "部门", rows([]checklists.Row{p("加分", "deduction", 10.0)}),
					v2Want{status: StatusOK, score: 83, grade: "不合格", rank: 2, vetoed: true, perf: 4.15,
						items:   map[string]float64{"G1": 15, "W1": 20, "N1": 18, "R1": 30, "X1": 0},
						section: map[string]float64{"W": 20},
						effects: []string{"grade@W"}}},
				// 网站单项否决: W is 0 (W1's 33 does not count), so also below 21;
				// 15 + 0 + 20 + 30 = 65, 不合格.
				{"安州区", "部门", rows(repeat(1, p("网站否决")), []checklists.Row{p("加分", "deduction", 10.0)}),
					v2Want{status: StatusOK, score: 65, grade: "不合格", rank: 3, vetoed: true, perf: 3.25,
						items:   map[string]float64{"W1": 33, "X1": 0},
						section: map[string]float64{"W": 0, "N": 20},
						effects: []string{"section@W0", "grade@W"}}},
			},
		},
	}
	for _, sc := range schemes {
		t.Run(sc.file, func(t *testing.T) {
			c := loadV2(t, sc.file)
			var units []*audit.Unit
			for _, u := range sc.units {
				units = append(units, unitV2(c, u.name, u.typ, u.rows))
			}
			res := runV2(c, units, sc.scores, nil)
			for _, u := range sc.units {
				checkV2(t, unitByName(res, u.name), u.want)
			}
		})
	}
}
