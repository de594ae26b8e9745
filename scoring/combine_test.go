package scoring

import (
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/scoring/roster"
)

// 宣城 2019: 工作考核 70% + 专业评价 30%. 甲: 0.7 × 90 + 0.3 × 81.5 = 87.45;
// 乙: 0.7 × 95 + 0.3 × 70 = 87.5 (ranked first); 丙 vetoed in stage 1; 丁
// missing from stage 2: pending with 0.7 × 99 = 69.3, ranked after the
// scored units.
func TestCombine(t *testing.T) {
	grades := []GradeInfo{{Name: "优秀", Min: 90}, {Name: "良好", Min: 80}, {Name: "合格", Min: 60}, {Name: "不合格", Min: 0}}
	stage := func(units ...*UnitResult) *Result {
		return &Result{Format: FormatV1, Year: 2019, Checklist: ChecklistInfo{ID: "x", Total: 100, PerformanceWeight: 0.05, Grades: grades}, Units: units}
	}
	u := func(name string, score float64, vetoed bool) *UnitResult {
		return &UnitResult{Name: name, Status: StatusOK, Score: score, Vetoed: vetoed}
	}
	s1 := stage(u("甲", 90, false), u("乙", 95, false), u("丙", 99, true), u("丁", 99, false))
	s2 := stage(u("甲", 81.5, false), u("乙", 70, false), u("丙", 99, false), &UnitResult{Name: "丁", Status: StatusMissing})
	res, err := Combine([]Stage{{Name: "工作考核", Weight: big.NewRat(7, 10), Result: s1}, {Name: "专业评价", Weight: big.NewRat(3, 10), Result: s2}}, grades, nil)
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		Name, Status, Grade string
		Score               float64
		Rank                int
	}
	var got []row
	for _, u := range res.Units {
		got = append(got, row{u.Name, u.Status, u.Grade, u.Score, u.Rank})
	}
	want := []row{
		{"乙", StatusOK, "良好", 87.5, 1},
		{"甲", StatusOK, "良好", 87.45, 2},
		{"丙", StatusOK, "不合格", 99, 3},
		{"丁", StatusPending, "合格", 69.3, 4},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("combined (-want +got):\n%s", diff)
	}
	if d := res.Units[3].Stages[1]; d.Score != nil || d.Stage != "专业评价" || d.Weight != 0.3 {
		t.Errorf("丁's second stage = %+v", d)
	}
	if len(res.WarningTexts) != 1 {
		t.Errorf("warnings = %v", res.WarningTexts)
	}
	if _, err := Combine([]Stage{{Name: "a", Weight: big.NewRat(1, 2), Result: s1}}, grades, nil); err == nil {
		t.Errorf("weights adding up to 0.5 accepted")
	}
}

// Through the roster, a unit named by an alias in one stage is the same unit.
func TestCombineRosterAlias(t *testing.T) {
	ro, err := roster.Parse("r.yaml", []byte("units:\n  - {name: 利通区发展和改革局, type: 部门, aliases: [区发改局]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	stage := func(name string, score float64) *Result {
		return &Result{Format: FormatV1, Checklist: ChecklistInfo{Total: 100, PerformanceWeight: 0.05}, Units: []*UnitResult{{Name: name, Status: StatusOK, Score: score}}}
	}
	res, err := Combine([]Stage{{Name: "a", Weight: big.NewRat(1, 2), Result: stage("利通区发展和改革局", 90)},
		{Name: "b", Weight: big.NewRat(1, 2), Result: stage("区发改局", 80)}}, nil, ro)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Units) != 1 || res.Units[0].Score != 85 || res.Units[0].Status != StatusOK {
		t.Errorf("units = %+v", res.Units)
	}
}
