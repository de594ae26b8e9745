package scoring

import (
	"fmt"
	"math/big"
	"sort"
	"strconv"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/roster"
)

// DiffFormat is the format of the JSON diff.
const DiffFormat = "zwgk.diff/v1"

// Comparison compares two results: year over year, or before and after
// rectification.
type Comparison struct {
	Format   string      `json:"format"`
	Old      DiffSide    `json:"old"`
	New      DiffSide    `json:"new"`
	Units    []*UnitDiff `json:"units"`
	Added    []string    `json:"added"`
	Gone     []string    `json:"gone"`
	Warnings []string    `json:"warnings,omitempty"`
}

// DiffSide identifies one of the compared results.
type DiffSide struct {
	File      string `json:"file"`
	Checklist string `json:"checklist"`
	Year      int    `json:"year"`
}

// UnitDiff is one unit present in both results.
type UnitDiff struct {
	Name       string          `json:"name"`
	OldScore   float64         `json:"old_score"`
	NewScore   float64         `json:"new_score"`
	ScoreDelta float64         `json:"score_delta"`
	OldGrade   string          `json:"old_grade"`
	NewGrade   string          `json:"new_grade"`
	OldRank    int             `json:"old_rank"`
	NewRank    int             `json:"new_rank"`
	RankDelta  int             `json:"rank_delta"` // positive: moved up
	OldStatus  string          `json:"old_status"`
	NewStatus  string          `json:"new_status"`
	New        []FindingResult `json:"new_findings"`
	Resolved   []FindingResult `json:"resolved_findings"`
	Persisting []FindingResult `json:"persisting_findings"`
}

// ErrDifferentChecklists is returned by Diff when the results were computed
// with different checklists and force is false.
type ErrDifferentChecklists struct{ Old, New string }

func (e *ErrDifferentChecklists) Error() string {
	return fmt.Sprintf("两份结果使用了不同的指标体系（%s 与 %s），分数和问题不可直接比较；确需比较请加 --force", e.Old, e.New)
}

// Diff compares old and new. Units are matched by normalised name; findings
// by unit, item and 文号 (or 标题 when there is no 文号). Dismissed findings
// do not count.
func Diff(old, cur *Result, oldFile, newFile string, force bool) (*Comparison, error) {
	c := &Comparison{Format: DiffFormat, Added: []string{}, Gone: []string{}, Units: []*UnitDiff{},
		Old: DiffSide{File: oldFile, Checklist: old.Checklist.ID, Year: old.Year},
		New: DiffSide{File: newFile, Checklist: cur.Checklist.ID, Year: cur.Year}}
	if old.Checklist.ID != cur.Checklist.ID {
		if !force {
			return nil, &ErrDifferentChecklists{Old: old.Checklist.ID, New: cur.Checklist.ID}
		}
		c.Warnings = append(c.Warnings, (&ErrDifferentChecklists{Old: old.Checklist.ID, New: cur.Checklist.ID}).Error())
	}
	olds := map[string]*UnitResult{}
	for _, u := range old.Units {
		olds[roster.NormalizeName(u.Name)] = u
	}
	seen := map[string]bool{}
	for _, nu := range cur.Units {
		k := roster.NormalizeName(nu.Name)
		seen[k] = true
		ou := olds[k]
		if ou == nil {
			c.Added = append(c.Added, nu.Name)
			continue
		}
		d := &UnitDiff{Name: nu.Name, OldScore: ou.Score, NewScore: nu.Score, ScoreDelta: Float(Round2(sub(rat2(nu.Score), rat2(ou.Score)))),
			OldGrade: ou.Grade, NewGrade: nu.Grade, OldRank: ou.Rank, NewRank: nu.Rank, RankDelta: ou.Rank - nu.Rank,
			OldStatus: ou.Status, NewStatus: nu.Status,
			New: []FindingResult{}, Resolved: []FindingResult{}, Persisting: []FindingResult{}}
		if ou.Status == StatusError || nu.Status == StatusError {
			d.RankDelta = 0 // an unreadable submission has no rank to move from or to
		}
		olive, err := live(ou)
		if err != nil {
			return nil, err
		}
		nlive, err := live(nu)
		if err != nil {
			return nil, err
		}
		of := findingKeys(olive)
		nf := findingKeys(nlive)
		for _, f := range nlive {
			if of[findingKey(f)] > 0 {
				of[findingKey(f)]--
				d.Persisting = append(d.Persisting, f)
			} else {
				d.New = append(d.New, f)
			}
		}
		for _, f := range olive {
			if nf[findingKey(f)] > 0 {
				nf[findingKey(f)]--
			} else {
				d.Resolved = append(d.Resolved, f)
			}
		}
		c.Units = append(c.Units, d)
	}
	for _, ou := range old.Units {
		if !seen[roster.NormalizeName(ou.Name)] {
			c.Gone = append(c.Gone, ou.Name)
		}
	}
	sort.Strings(c.Added)
	sort.Strings(c.Gone)
	return c, nil
}

// rat2 reads back a score that was rounded to two decimals.
func rat2(f float64) *big.Rat {
	r, _ := new(big.Rat).SetString(strconv.FormatFloat(f, 'f', 2, 64))
	return r
}

// live is a unit's findings but those a review dismissed.
func live(u *UnitResult) ([]FindingResult, error) {
	fs, err := u.FindingList()
	if err != nil {
		return nil, err
	}
	var out []FindingResult
	for _, f := range fs {
		if f.Review != nil && f.Review.Decision == Dismiss {
			continue
		}
		out = append(out, f)
	}
	return out, nil
}

func findingKey(f FindingResult) string {
	if f.Omitted > 0 {
		// The stand-in for findings not listed: the same one year to year
		// whatever its count (diff compares listed findings).
		return f.Item + "\x00" + f.Kind + "\x00omitted"
	}
	id := checklists.Fold(f.DocNo)
	if id == "" {
		id = "title:" + checklists.Fold(f.Title)
	}
	if id == "title:" {
		id = "msg:" + f.MessageIn(msg.ZH)
	}
	return f.Item + "\x00" + f.Kind + "\x00" + id
}

func findingKeys(fs []FindingResult) map[string]int {
	m := map[string]int{}
	for _, f := range fs {
		m[findingKey(f)]++
	}
	return m
}
