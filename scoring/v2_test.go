package scoring

import (
	"math/big"
	"os"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
)

// loadV2 loads a checklist from scoring/testdata/v2.
func loadV2(t *testing.T, name string) *checklists.Checklist {
	t.Helper()
	data, err := os.ReadFile("testdata/v2/" + name)
	if err != nil {
		t.Fatal(err)
	}
	c, err := checklists.Load(name, data, checklists.LoadOptions{})
	if err != nil {
		t.Fatalf("load %s: %v", name, err)
	}
	return c
}

// unitV2 is a unit of type typ whose registers hold rows (the first row of
// each is Excel row 2).
func unitV2(c *checklists.Checklist, name, typ string, tables map[string][]checklists.Row) *audit.Unit {
	u := &audit.Unit{Name: name, Type: typ, Source: name + ".xlsx", Tables: map[string]*audit.Table{}}
	for tn, rows := range tables {
		t := &audit.Table{Name: tn, File: u.Source, Sheet: c.Schema.Table(tn).Sheet}
		for i, r := range rows {
			t.Rows = append(t.Rows, &audit.Row{Line: i + 2, Values: r})
		}
		u.Tables[tn] = t
	}
	return u
}

func runV2(c *checklists.Checklist, units []*audit.Unit, scores EvaluatorScores, decisions []Decision) *Result {
	plan := audit.NewPlan(c)
	var evs []*audit.Evaluation
	for _, u := range units {
		evs = append(evs, plan.Evaluate(u, 2024))
	}
	return Score(Input{Checklist: c, Year: 2024, Evaluations: evs, EvaluatorScores: scores, Decisions: decisions})
}

func mon(kind string, kv ...any) checklists.Row {
	r := checklists.Row{"kind": kind}
	for i := 0; i+1 < len(kv); i += 2 {
		r[kv[i].(string)] = kv[i+1]
	}
	return r
}

func repeat(n int, r checklists.Row) []checklists.Row {
	out := make([]checklists.Row, n)
	for i := range out {
		out[i] = r
	}
	return out
}

func unitByName(res *Result, name string) *UnitResult {
	for _, u := range res.Units {
		if u.Name == name {
			return u
		}
	}
	return nil
}

func itemByID(u *UnitResult, id string) ItemResult {
	for _, it := range u.Items {
		if it.ID == id {
			return it
		}
	}
	return ItemResult{}
}

type v2Want struct {
	status  string
	score   float64
	grade   string
	rank    int
	vetoed  bool
	perf    float64
	items   map[string]float64
	section map[string]float64
	effects []string // kind@item-or-section
}

func checkV2(t *testing.T, u *UnitResult, w v2Want) {
	t.Helper()
	if u == nil {
		t.Fatal("unit missing")
	}
	got := v2Want{status: u.Status, score: u.Score, grade: u.Grade, rank: u.Rank, vetoed: u.Vetoed, perf: u.PerformancePoints,
		items: map[string]float64{}, section: map[string]float64{}}
	for id := range w.items {
		got.items[id] = itemByID(u, id).Score
	}
	for _, s := range u.Sections {
		if _, ok := w.section[s.ID]; ok {
			got.section[s.ID] = s.Score
		}
	}
	for _, e := range u.Effects {
		where := e.Item
		if where == "" || e.Kind == "section" && e.Item == "" {
			where = e.Section
		}
		got.effects = append(got.effects, e.Kind+"@"+where)
	}
	if diff := cmp.Diff(w, got, cmp.AllowUnexported(v2Want{})); diff != "" {
		t.Errorf("%s (-want +got):\n%s", u.Name, diff)
	}
}

// The worked example of docs/checklist-format.md (v2): each semantic rule
// of shared/spec/checklist-v2.md with its exact score.
func TestV2Semantics(t *testing.T) {
	c := loadV2(t, "semantics.yaml")
	jia := unitV2(c, "甲镇", "乡镇", map[string][]checklists.Row{"monitor": {
		mon("超期", "fixed", false),                                                       // A1: 5
		mon("要素", "fixed", false), mon("要素", "fixed", false), mon("要素", "fixed", false), // A1: 3
		mon("监测", "deduction", 3.0), mon("监测", "deduction", 4.5), // A2: 7.5
		mon("网站", "level", "严重"), mon("网站", "level", "一般"), mon("网站", "level", "一般"), // B2: 4+1+1
		mon("超期答复"),                                         // C1: 6
		mon("亮点", "level", "国家级"), mon("亮点", "level", "省级"), // D1: 6+2
	}})
	yi := unitV2(c, "乙镇", "乡镇", map[string][]checklists.Row{"monitor": {
		mon("监测", "deduction", 15.0), mon("监测", "deduction", 10.0), // A2: 20−25 = −5
		mon("泄密"), // B1: section B is 0; below pass_min 12: cap 59
	}})
	bing := unitV2(c, "丙局", "部门", map[string][]checklists.Row{"monitor": {
		mon("超期", "fixed", false), mon("超期", "fixed", false), // A1: 10, capped at 6
		mon("监测", "deduction", 30.0), // A2: −10
		mon("网站", "level", "严重"),     // B2: 4
		mon("专项"), mon("专项"),         // C2: 4
		mon("造假"),                // X: zero
		mon("亮点", "level", "省级"), // D1: 2
	}})
	wu := unitV2(c, "戊镇", "乡镇", map[string][]checklists.Row{"monitor": {
		mon("泄密"), // B1: section B is 0, below pass_min: cap 59
		mon("造假"), // X: zero — zero beats cap
	}})
	scores := EvaluatorScores{
		"甲镇": {"A3": {Score: big.NewRat(8, 1), By: "张三", On: "2025-01-10", Reason: "栏目更新不及时"}},
		"丙局": {"A3": {Score: big.NewRat(0, 1), Reason: "未开设"}},
		"戊镇": {"A3": {Score: big.NewRat(15, 1)}}, // clamped to the item's 10
	}
	res := runV2(c, []*audit.Unit{jia, yi, bing, wu}, scores, nil)

	// 甲镇: A1 = 10 − min(6, 5+3+2) = 4; A2 = 20 − 7.5 = 12.5; A3 = 8 (evaluator);
	// A = 24.5. B2 = 20 − 6 = 14 = B (≥ 12). C1 = 40 − 6 = 34; C2 not for 乡镇.
	// Base 72.5. D1 = 8, D2 = 10 (A + B = 38.5 ≥ 35): 18, bonus_cap 15.
	// 72.5 + 15 = 87.5 → 良好; performance 87.5/100 × 0.05 × 100 = 4.375 → 4.38.
	checkV2(t, unitByName(res, "甲镇"), v2Want{status: StatusOK, score: 87.5, grade: "良好", rank: 1, perf: 4.38,
		items:   map[string]float64{"A1": 4, "A2": 12.5, "A3": 8, "B2": 14, "C1": 34, "C2": 0, "D1": 8, "D2": 10},
		section: map[string]float64{"A": 24.5, "B": 14, "C": 34, "D": 0}})
	// 乙镇: A1 = 10 (no failing row); A2 = −5 (overflow); A3 pending (0);
	// A = 5. B vetoed by section: 0, below pass_min 12 → cap 59. C1 not
	// applicable: full 40. Base 45; D2's gate (A + B = 5) not met. 45,
	// pending, ranked after the scored units.
	checkV2(t, unitByName(res, "乙镇"), v2Want{status: StatusPending, score: 45, grade: "不合格", rank: 4, perf: 2.25,
		items:   map[string]float64{"A1": 10, "A2": -5, "A3": 0, "B2": 20, "C1": 40, "D1": 0, "D2": 0},
		section: map[string]float64{"A": 5, "B": 0, "C": 40, "D": 0},
		effects: []string{"section@B1", "cap@B"}})
	// 丙局 (部门): A1 = 4, A2 = −10, A3 = 0: A = −6 floored to 0. B2 = 16.
	// C1 = 30 (n/a, full), C2 = 10 − 4 = 6: C = 36. Base 52, D1 = 2: 54;
	// 弄虚作假 zeroes it.
	checkV2(t, unitByName(res, "丙局"), v2Want{status: StatusOK, score: 0, grade: "不合格", rank: 2, perf: 0,
		items:   map[string]float64{"A1": 4, "A2": -10, "A3": 0, "B2": 16, "C1": 30, "C2": 6, "D1": 2, "D2": 0},
		section: map[string]float64{"A": 0, "B": 16, "C": 36},
		effects: []string{"zero@X"}})
	// 戊镇: A = 10 + 20 (n/a) + 10 (15 clamped) = 40; B 0 (section veto);
	// C1 40 (n/a). Base 80; D2's gate (A + B = 40) met: 90. Effects: cap 59
	// (B below 12) and zero (X): zero beats cap → 0, tied with 丙局 (rank 2,
	// 丙 bǐng before 戊 wù).
	checkV2(t, unitByName(res, "戊镇"), v2Want{status: StatusOK, score: 0, grade: "不合格", rank: 2, perf: 0,
		items:   map[string]float64{"A1": 10, "A2": 20, "A3": 10, "B2": 20, "C1": 40, "D2": 10},
		section: map[string]float64{"A": 40, "B": 0, "C": 40},
		effects: []string{"section@B1", "zero@X", "cap@B"}})

	u := unitByName(res, "甲镇")
	a1 := itemByID(u, "A1")
	if a1.Deducted != 10 || a1.Capped != 4 || a1.Cap == nil || *a1.Cap != 6 {
		t.Errorf("A1 ledger: deducted %v capped %v cap %v, want 10, 4, 6", a1.Deducted, a1.Capped, a1.Cap)
	}
	wantRules := []RuleResult{
		{Rule: "A1#1", Finding: "公开不及时", Applicable: 1, Failed: 1, Amount: 5},
		{Rule: "A1.fmt", Finding: "要素未规范录入", Applicable: 3, Failed: 3, Amount: 3},
		{Rule: "A1#3", Finding: "问题过多", Applicable: 1, Failed: 1, Amount: 2},
	}
	if diff := cmp.Diff(wantRules, a1.Rules); diff != "" {
		t.Errorf("A1 rules (-want +got):\n%s", diff)
	}
	if u.Bonus == nil || u.Bonus.Earned != 18 || u.Bonus.Counted != 15 || u.Base == nil || *u.Base != 72.5 {
		t.Errorf("bonus %+v base %v, want earned 18, counted 15, base 72.5", u.Bonus, u.Base)
	}
	if a3 := itemByID(u, "A3"); a3.Evaluator == nil || a3.Evaluator.By != "张三" {
		t.Errorf("A3 evaluator note = %+v", a3.Evaluator)
	}
	var a3Finding, fmtRows int
	for _, f := range u.Findings {
		if f.Item == "A3" && f.MessageText.Zh == "评估扣分：栏目更新不及时" {
			a3Finding++
		}
		if f.Rule == "A1.fmt" && f.Amount != nil && *f.Amount == 1 {
			fmtRows++
		}
	}
	if a3Finding != 1 || fmtRows != 3 {
		t.Errorf("findings: A3 evaluator finding %d (want 1), A1.fmt rows with amount 1: %d (want 3)", a3Finding, fmtRows)
	}
	if a2 := itemByID(unitByName(res, "乙镇"), "A2"); a2.Overflow != 5 {
		t.Errorf("乙镇 A2 overflow = %v, want 5", a2.Overflow)
	}
	if a3 := itemByID(unitByName(res, "乙镇"), "A3"); !a3.Pending {
		t.Errorf("乙镇 A3 not pending")
	}
	for _, f := range unitByName(res, "乙镇").Findings {
		if f.Item == "A3" {
			t.Errorf("a pending evaluator item made up a finding: %+v", f)
		}
	}
}

// A dismissed finding of a pool gives back what its row deducted: 丁镇's
// row 2 (超期, 5) is dismissed, leaving 1 + 1 of 要素 rows: A1 = 10 − 2.
// A per expression's row amount comes back the same way (A2 row 5: 4.5).
func TestV2Dismissal(t *testing.T) {
	c := loadV2(t, "semantics.yaml")
	ding := unitV2(c, "丁镇", "乡镇", map[string][]checklists.Row{"monitor": {
		mon("超期", "fixed", false), mon("要素", "fixed", false), mon("要素", "fixed", false),
		mon("监测", "deduction", 3.0), mon("监测", "deduction", 4.5),
	}})
	res := runV2(c, []*audit.Unit{ding}, nil, []Decision{
		{Unit: "丁镇", Item: "A1", Row: 2, Decision: Dismiss, Reason: "已按期公开"},
		{Unit: "丁镇", Item: "A2", Row: 6, Decision: Dismiss, Reason: "监测误报"},
	})
	u := unitByName(res, "丁镇")
	a1, a2 := itemByID(u, "A1"), itemByID(u, "A2")
	if a1.Score != 8 || a1.Deducted != 2 || a1.Dismissed != 1 || a1.Rules[0].Failed != 0 || a1.Rules[0].Amount != 0 {
		t.Errorf("A1 = %v (deducted %v, dismissed %d, rule 1 %+v), want 8 (2, 1, failed 0 amount 0)", a1.Score, a1.Deducted, a1.Dismissed, a1.Rules[0])
	}
	if a2.Score != 17 || a2.Deducted != 3 {
		t.Errorf("A2 = %v (deducted %v), want 17 (3)", a2.Score, a2.Deducted)
	}
}
