package scoring

import (
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/scoring/roster"
)

func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic(s)
	}
	return r
}

func TestRound2(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0.575", "0.58"},   // float64 rounding would give 0.57
		{"23/40", "0.58"},   // 2 × 23/80
		{"-0.575", "-0.58"}, // away from zero
		{"89.995", "90"},
		{"89.994999", "89.99"},
		{"1/3", "0.33"},
		{"2/3", "0.67"},
		{"100", "100"},
		{"0.005", "0.01"},
		{"0.004999", "0"},
	}
	for _, tt := range tests {
		got := Round2(rat(tt.in))
		if got.Cmp(rat(tt.want)) != 0 {
			t.Errorf("Round2(%s) = %s, want %s", tt.in, got.FloatString(4), tt.want)
		}
	}
}

// checklist builds a small checklist by hand: section A with a rate item
// (10), a deduct item (20, per 3), a self item (30) and a veto; section B
// with a deduct item (40) and a bonus (5, per 1).
func checklist(na string) *checklists.Checklist {
	cal, err := calendar.Load([]string{"cn"})
	if err != nil {
		panic(err)
	}
	a := &checklists.Section{ID: "A", Title: "甲"}
	b := &checklists.Section{ID: "B", Title: "乙"}
	items := []*checklists.Item{
		{ID: "A1", Title: "比例", Points: rat("10"), Method: checklists.Rate, Table: "documents", Section: a},
		{ID: "A2", Title: "扣分", Points: rat("20"), Per: rat("3"), Method: checklists.Deduct, Table: "documents", Section: a},
		{ID: "A3", Title: "自评", Points: rat("30"), Method: checklists.Self, Section: a},
		{ID: "A4", Title: "否决", Points: rat("0"), Method: checklists.Veto, Table: "documents", Section: a},
		{ID: "B1", Title: "扣分2", Points: rat("40"), Method: checklists.Deduct, Per: rat("1"), Table: "documents", Section: b},
		{ID: "B2", Title: "加分", Points: rat("5"), Method: checklists.Bonus, Per: rat("2"), Table: "documents", Section: b},
	}
	a.Items, b.Items = items[:4], items[4:]
	return &checklists.Checklist{ID: "t", Title: "测试", Year: 2017, Total: rat("100"), PerformanceWeight: rat("0.04"), NA: na,
		Grades:   []checklists.Grade{{Name: "优秀", Min: rat("90")}, {Name: "良好", Min: rat("80")}, {Name: "合格", Min: rat("60")}, {Name: "不合格", Min: rat("0")}},
		Sections: []*checklists.Section{a, b}, Schema: checklists.DefaultSchema(), Calendar: cal}
}

// outcome is applicable/failed/na/self for one item.
type outcome struct {
	appl, failed int
	na           bool
	self         string
}

func eval(c *checklists.Checklist, name string, os map[string]outcome) *audit.Evaluation {
	ev := &audit.Evaluation{Unit: &audit.Unit{Name: name, Type: "乡镇", Source: name + ".xlsx"}, Year: 2017}
	for _, it := range c.Items() {
		o := os[it.ID]
		out := &audit.Outcome{Item: it, Applicable: o.appl, Failed: o.failed, NA: o.na}
		if o.self != "" {
			out.Self = rat(o.self)
		}
		for range o.failed {
			out.Findings = append(out.Findings, audit.Finding{Item: it.ID, Kind: "x", Pos: audit.Pos{Row: 2}})
		}
		ev.Outcomes = append(ev.Outcomes, out)
	}
	return ev
}

type summary struct {
	Name   string
	Score  float64
	Grade  string
	Rank   int
	Vetoed bool
	Perf   float64
}

func summarize(res *Result) []summary {
	var out []summary
	for _, u := range res.Units {
		out = append(out, summary{u.Name, u.Score, u.Grade, u.Rank, u.Vetoed, u.PerformancePoints})
	}
	return out
}

func TestScoreMethods(t *testing.T) {
	c := checklist(checklists.NAFull)
	// A1 rate 10 × 2/3 = 6.666…; A2 20 − 3×2 = 14; A3 self 35 → clamped 30;
	// B1 40 − 1 = 39; B2 bonus min(5, 2×2) = 4. Base 89.666… + 4 = 93.666… → 93.67.
	ev := eval(c, "金积镇", map[string]outcome{
		"A1": {appl: 3, failed: 1}, "A2": {appl: 5, failed: 2}, "A3": {appl: 1, self: "35"},
		"A4": {appl: 5}, "B1": {appl: 4, failed: 1}, "B2": {appl: 2},
	})
	res := Score(Input{Checklist: c, Year: 2017, Evaluations: []*audit.Evaluation{ev}})
	u := res.Units[0]
	if diff := cmp.Diff([]summary{{"金积镇", 93.67, "优秀", 1, false, 3.75}}, summarize(res)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	var items []float64
	for _, it := range u.Items {
		items = append(items, it.Score)
	}
	if diff := cmp.Diff([]float64{6.67, 14, 30, 0, 39, 4}, items); diff != "" {
		t.Errorf("item scores (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff([]SectionResult{{ID: "A", Title: "甲", Points: 60, Score: 50.67}, {ID: "B", Title: "乙", Points: 40, Score: 39}}, u.Sections); diff != "" {
		t.Errorf("sections (-want +got)\n%s", diff)
	}
	// The unit's self-score is the sum of its own item scores, each clamped.
	if u.SelfScore == nil || *u.SelfScore != 30 {
		t.Errorf("self score = %v, want 30 (A3's 35 clamped to 30; no other item was self-scored)", u.SelfScore)
	}
}

func TestScoreBonusNeverBeyondTotal(t *testing.T) {
	c := checklist(checklists.NAFull)
	ev := eval(c, "甲", map[string]outcome{
		"A1": {appl: 1}, "A2": {appl: 1}, "A3": {appl: 1, self: "30"}, "A4": {appl: 1}, "B1": {appl: 1}, "B2": {appl: 10},
	})
	res := Score(Input{Checklist: c, Year: 2017, Evaluations: []*audit.Evaluation{ev}})
	if got := res.Units[0].Score; got != 100 {
		t.Errorf("score = %v, want 100 (bonus capped at total)", got)
	}
}

func TestScoreNAExcludeWithBonus(t *testing.T) {
	c := checklist(checklists.NAExclude)
	// A1 and B1 not applicable: applicable points 20 + 30 = 50; scores
	// A2 20 − 3 = 17, A3 self 20 → 37/50 × 100 = 74, + bonus 2 = 76.
	ev := eval(c, "甲", map[string]outcome{
		"A1": {na: true}, "A2": {appl: 2, failed: 1}, "A3": {appl: 1, self: "20"}, "A4": {appl: 1}, "B1": {na: true}, "B2": {appl: 1},
	})
	res := Score(Input{Checklist: c, Year: 2017, Evaluations: []*audit.Evaluation{ev}})
	if diff := cmp.Diff([]summary{{"甲", 76, "合格", 1, false, 3.04}}, summarize(res)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// With na: full the same outcomes score 10 + 17 + 20 + 40 + 2 = 89.
	c = checklist(checklists.NAFull)
	ev = eval(c, "甲", map[string]outcome{
		"A1": {na: true}, "A2": {appl: 2, failed: 1}, "A3": {appl: 1, self: "20"}, "A4": {appl: 1}, "B1": {na: true}, "B2": {appl: 1},
	})
	res = Score(Input{Checklist: c, Year: 2017, Evaluations: []*audit.Evaluation{ev}})
	if got := res.Units[0].Score; got != 89 {
		t.Errorf("na full: score = %v, want 89", got)
	}
}

func TestScoreGradeBoundaryExact(t *testing.T) {
	c := checklist(checklists.NAFull)
	// A1: 10 × 29/30 = 9.666…; A2 14; A3 self 26.333… (a third) → base
	// 9.666… + 14 + 26.333… + 40 = 90 exactly: floats would give 89.99999….
	ev := eval(c, "甲", map[string]outcome{
		"A1": {appl: 30, failed: 1}, "A2": {appl: 2, failed: 2}, "A3": {appl: 1, self: "79/3"}, "A4": {appl: 1}, "B1": {appl: 1}, "B2": {},
	})
	res := Score(Input{Checklist: c, Year: 2017, Evaluations: []*audit.Evaluation{ev}})
	if diff := cmp.Diff([]summary{{"甲", 90, "优秀", 1, false, 3.6}}, summarize(res)); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}

func TestRankTiesVetoMissingPinyin(t *testing.T) {
	c := checklist(checklists.NAFull)
	full := map[string]outcome{"A1": {appl: 1}, "A2": {appl: 1}, "A3": {appl: 1, self: "30"}, "A4": {appl: 1}, "B1": {appl: 1}}
	lower := map[string]outcome{"A1": {appl: 1}, "A2": {appl: 1}, "A3": {appl: 1, self: "20"}, "A4": {appl: 1}, "B1": {appl: 1}}
	vetoed := map[string]outcome{"A1": {appl: 1}, "A2": {appl: 1}, "A3": {appl: 1, self: "30"}, "A4": {appl: 1, failed: 1}, "B1": {appl: 1}}
	evs := []*audit.Evaluation{
		eval(c, "上桥镇", lower),   // shang
		eval(c, "金积镇", full),    // jin
		eval(c, "扁担沟镇", vetoed), // bian, vetoed with 100 points
		eval(c, "古城镇", full),    // gu
		eval(c, "高闸镇", lower),   // gao
	}
	in := Input{Checklist: c, Year: 2017, Evaluations: evs,
		Missing:  []roster.Expected{{Name: "马莲渠乡", Type: "乡镇"}},
		Failures: []roster.Failure{{Source: "东塔寺乡.xlsx", Name: "东塔寺乡"}}}
	want := []summary{
		{"古城镇", 100, "优秀", 1, false, 4},
		{"金积镇", 100, "优秀", 1, false, 4},
		{"高闸镇", 90, "优秀", 3, false, 3.6},
		{"上桥镇", 90, "优秀", 3, false, 3.6},
		{"扁担沟镇", 100, "不合格", 5, true, 4},
		{"马莲渠乡", 0, "不合格", 6, false, 0}, // missing: ranked last, last grade
		{"东塔寺乡", 0, "", 0, false, 0},    // unreadable: neither ranked nor graded
	}
	if diff := cmp.Diff(want, summarize(Score(in))); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	// The order of the inputs never changes the result.
	for i, j := 0, len(evs)-1; i < j; i, j = i+1, j-1 {
		evs[i], evs[j] = evs[j], evs[i]
	}
	if diff := cmp.Diff(want, summarize(Score(in))); diff != "" {
		t.Errorf("reversed input (-want +got)\n%s", diff)
	}
}

func TestReviewDismissAndAdjust(t *testing.T) {
	c := checklist(checklists.NAFull)
	// B1 fails 3 rows (37); A3 self 20. Dismissing one B1 row → 38;
	// adjusting A3 to 25 → +5.
	ev := eval(c, "金积镇", map[string]outcome{
		"A1": {appl: 1}, "A2": {appl: 1}, "A3": {appl: 1, self: "20"}, "A4": {appl: 1}, "B1": {appl: 3, failed: 3},
	})
	before := Score(Input{Checklist: c, Year: 2017, Evaluations: []*audit.Evaluation{ev}})
	if got := before.Units[0].Score; got != 87 {
		t.Fatalf("before review: %v, want 87", got)
	}
	ds := []Decision{
		{Unit: "利通区金积镇", Item: "B1", Row: 2, Decision: Dismiss, Reason: "经核查属于内部事务信息", By: "张三", On: "2017-12-28"},
		{Unit: "金积镇", Item: "A3", Decision: Adjust, Score: rat("25"), Reason: "培训材料齐全", By: "李四"},
		{Unit: "金积镇", Item: "B9", Row: 4, Decision: Confirm},
	}
	res := Score(Input{Checklist: c, Year: 2017, Evaluations: []*audit.Evaluation{ev}, Decisions: ds})
	u := res.Units[0]
	// One dismiss decision matches every finding on row 2 of B1: all three
	// hand-made findings sit on row 2, so all three are dismissed.
	if u.Score != 95 || u.Grade != "优秀" {
		t.Errorf("after review: %v %s, want 95 优秀 (grade flipped from 良好)", u.Score, u.Grade)
	}
	if len(u.Adjustments) != 1 || u.Adjustments[0].From != 20 || u.Adjustments[0].To != 25 {
		t.Errorf("adjustments = %+v", u.Adjustments)
	}
	var unmatched []string
	for _, d := range res.Decisions {
		if !d.Applied {
			unmatched = append(unmatched, d.Item)
		}
	}
	if diff := cmp.Diff([]string{"B9"}, unmatched); diff != "" {
		t.Errorf("unmatched decisions (-want +got)\n%s", diff)
	}
}

func TestDiffUnreadableHasNoRankMove(t *testing.T) {
	ok := func(rank int) *UnitResult {
		return &UnitResult{Name: "金积镇", Status: StatusOK, Score: 90, Grade: "优秀", Rank: rank, Findings: []FindingResult{}}
	}
	failed := &UnitResult{Name: "金积镇", Status: StatusError, Findings: []FindingResult{}}
	for _, tc := range []struct {
		name     string
		old, cur *UnitResult
		want     int
	}{
		{"ranked both years", ok(3), ok(1), 2},
		{"unreadable now", ok(3), failed, 0},
		{"unreadable before", failed, ok(2), 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old := &Result{Checklist: ChecklistInfo{ID: "x"}, Units: []*UnitResult{tc.old}}
			cur := &Result{Checklist: ChecklistInfo{ID: "x"}, Units: []*UnitResult{tc.cur}}
			c, err := Diff(old, cur, "a.json", "b.json", false)
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Units[0].RankDelta; got != tc.want {
				t.Errorf("RankDelta = %d, want %d", got, tc.want)
			}
		})
	}
}
