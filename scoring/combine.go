package scoring

import (
	"math/big"
	"slices"
	"strconv"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/roster"
)

// Stage is one weighted stage of a combined assessment (宣城 工作考核 70% +
// 专业评价 30%; quarterly scores; 网上 80% + 现场 20%): a saved result and
// its weight.
type Stage struct {
	Name   string // how the stage is named in the combined result (its file)
	Weight *big.Rat
	Result *Result
}

// Combine combines the results of weighted stages into one result: each
// unit's score is Σ weight × its stage score, rounded once, graded with
// grades and ranked. Units are matched by name (roster.NormalizeName), and
// through ro's names and aliases when a roster is given (nil: none); a
// unit missing from a stage (or unreadable in it) is pending, its score
// provisional, and listed in the warnings. A unit vetoed in any stage is
// vetoed. The weights must add up to 1.
func Combine(stages []Stage, grades []GradeInfo, ro *roster.Roster) (*Result, error) {
	if len(stages) == 0 {
		return nil, msg.Errorf("没有要合并的阶段结果", "no stage results to combine")
	}
	sum := new(big.Rat)
	for _, s := range stages {
		if s.Weight.Sign() <= 0 {
			return nil, msg.Errorf("阶段「%s」的权重应大于0", "the weight of stage %q must be greater than 0", s.Name)
		}
		sum.Add(sum, s.Weight)
	}
	if sum.Cmp(big.NewRat(1, 1)) != 0 {
		return nil, msg.Errorf("各阶段权重之和应为1，不是%s", "the stages' weights must add up to 1, not %s", sum.FloatString(4))
	}
	first := stages[0].Result
	res := &Result{Format: FormatV1, Year: first.Year, Units: []*UnitResult{}, Missing: []string{}, Errors: []ErrorEntry{}}
	res.Checklist = ChecklistInfo{ID: first.Checklist.ID, Title: first.Checklist.Title,
		Total: first.Checklist.Total, PerformanceWeight: first.Checklist.PerformanceWeight, Grades: grades}
	type acc struct {
		u      *UnitResult
		score  *big.Rat
		stages []StageScore
	}
	var order []string
	units := map[string]*acc{}
	for si, s := range stages {
		for _, u := range s.Result.Units {
			name := u.Name
			if ro != nil {
				if ru, _ := ro.Lookup(u.Name); ru != nil {
					name = ru.Name
				}
			}
			key := roster.NormalizeName(name)
			a := units[key]
			if a == nil {
				a = &acc{u: &UnitResult{Name: name, Type: u.Type, Pilot: u.Pilot, Status: StatusOK,
					Sections: []SectionResult{}, Items: []ItemResult{}, Findings: []FindingResult{}}, score: new(big.Rat)}
				a.stages = make([]StageScore, len(stages))
				for i, st := range stages {
					a.stages[i] = StageScore{Stage: st.Name, Weight: Float(st.Weight)}
				}
				units[key] = a
				order = append(order, key)
			}
			if u.Status != StatusOK && u.Status != StatusPending {
				continue // missing or unreadable in this stage
			}
			sc := u.Score
			a.stages[si].Score = &sc
			r, _ := new(big.Rat).SetString(strconv.FormatFloat(u.Score, 'f', -1, 64))
			a.score.Add(a.score, mul(r, s.Weight))
			if u.Vetoed {
				a.u.Vetoed = true
			}
			if u.Status == StatusPending {
				a.u.Status = StatusPending
			}
		}
	}
	slices.Sort(order)
	for _, key := range order {
		a := units[key]
		u := a.u
		u.Stages = a.stages
		for _, st := range a.stages {
			if st.Score == nil {
				u.Status = StatusPending
				res.WarningTexts = append(res.WarningTexts, msg.New("「%s」没有阶段「%s」的得分：合并得分待定", "%s has no score in stage %s: its combined score is pending", u.Name, st.Stage))
			}
		}
		score := Round2(a.score)
		u.Score = Float(score)
		u.Grade = gradeOf(grades, u.Score, u.Vetoed)
		total := new(big.Rat).SetFloat64(res.Checklist.Total)
		weight, _ := new(big.Rat).SetString(strconv.FormatFloat(res.Checklist.PerformanceWeight, 'f', -1, 64))
		if total != nil && weight != nil {
			u.PerformancePoints = Float(Performance(score, total, weight))
		}
		res.Units = append(res.Units, u)
	}
	Rank(res.Units)
	return res, nil
}

// gradeOf is the grade of score among grades (highest first); a vetoed
// unit takes the last.
func gradeOf(grades []GradeInfo, score float64, vetoed bool) string {
	if len(grades) == 0 {
		return ""
	}
	if !vetoed {
		for _, g := range grades {
			if g.Min <= score {
				return g.Name
			}
		}
	}
	return grades[len(grades)-1].Name
}
