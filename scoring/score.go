package scoring

import (
	"math/big"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/roster"
)

// Input is everything Score needs: the evaluated units, the submissions not
// scored and the roster's units that handed in nothing (roster.Reconciler
// decides both), and the district's review decisions.
type Input struct {
	Checklist   *checklists.Checklist
	Year        int
	Evaluations []*audit.Evaluation
	Failures    []roster.Failure
	Missing     []roster.Expected
	Decisions   []Decision
	Roster      map[*audit.Unit]*RosterNote
	Warnings    []msg.Text
	// EvaluatorScores are the evaluators' scores of evaluator items
	// (zwgk.checklist/v2); a unit without one is pending.
	EvaluatorScores EvaluatorScores
}

// Score computes every unit's item, section and unit scores exactly, rounds
// once, grades, and ranks. The result does not depend on the order of
// Evaluations.
func Score(in Input) *Result {
	s := NewScorer(in.Checklist, in.Year, in.Decisions).WithEvaluatorScores(in.EvaluatorScores)
	units := make([]*UnitResult, 0, len(in.Evaluations))
	for _, ev := range in.Evaluations {
		u := s.Unit(ev)
		if in.Roster != nil {
			u.Roster = in.Roster[ev.Unit]
		}
		units = append(units, u)
	}
	return s.Result(units, in.Failures, in.Missing, in.Warnings)
}

// Scorer scores evaluated units one at a time, so that a caller reading
// thousands of submissions can score each unit as soon as it is evaluated and
// let its rows go; Result then ranks them. A Scorer is safe for concurrent
// use.
type Scorer struct {
	c         *checklists.Checklist
	year      int
	decisions *decisionSet
	evaluator EvaluatorScores // by normalized unit name (v2)
}

// NewScorer returns a Scorer for checklist c, year and the district's review
// decisions. Messages are kept in both languages; renderers choose one.
func NewScorer(c *checklists.Checklist, year int, decisions []Decision) *Scorer {
	return &Scorer{c: c, year: year, decisions: newDecisionSet(decisions)}
}

// Unit scores one evaluated unit (its Rank is set by Result).
func (s *Scorer) Unit(ev *audit.Evaluation) *UnitResult {
	var u *UnitResult
	if s.c.Version >= 2 {
		u = s.scoreUnitV2(ev)
	} else {
		u = scoreUnit(s.c, ev, s.decisions)
	}
	u.Website = website(ev)
	return u
}

// Result assembles and ranks the result: units scored by Unit, in any order
// (review decisions count as applied only for these), the submissions that
// could not be read, the roster's units that handed in nothing, and warnings
// about the whole run.
func (s *Scorer) Result(units []*UnitResult, failures []roster.Failure, missing []roster.Expected, warnings []msg.Text) *Result {
	c := s.c
	res := &Result{
		Format:    FormatV1,
		Checklist: info(c),
		Year:      s.year,
		Units:     []*UnitResult{},
		Missing:   []string{},
		Errors:    []ErrorEntry{},
	}
	res.WarningTexts = slices.Clone(warnings)
	for _, name := range c.Calendar.MissingOverlay(s.year) {
		res.WarningTexts = append(res.WarningTexts, msg.New("工作日历「%s」缺少%d年的地方节假日安排，该年只按全国安排计算工作日；可用 --calendar 文件补充",
			"calendar %q has no regional holidays for %d: only the national arrangement is used; add them with --calendar FILE", name, s.year))
	}
	used := make([]bool, len(s.decisions.list))
	for _, u := range units {
		for _, i := range u.decisions {
			used[i] = true
		}
		res.Units = append(res.Units, u)
	}
	last := c.LastGrade()
	for _, m := range missing {
		res.Missing = append(res.Missing, m.Name)
		res.Units = append(res.Units, &UnitResult{Name: m.Name, Type: m.Type, Pilot: m.Pilot, Status: StatusMissing,
			Grade: last, Sections: []SectionResult{}, Items: []ItemResult{}, Findings: []FindingResult{}})
	}
	for _, f := range failures {
		res.Errors = append(res.Errors, ErrorEntry{File: slash(f.Source), MessageText: f.Text})
		// What could not be read is neither graded nor ranked: Grade stays
		// "" and Rank 0.
		res.Units = append(res.Units, &UnitResult{Name: f.Name, Type: f.Type, Source: slash(f.Source), Status: StatusError,
			MessageText: f.Text, Sections: []SectionResult{}, Items: []ItemResult{}, Findings: []FindingResult{}})
	}
	res.Decisions = s.decisions.notes(used)
	Rank(res.Units)
	slices.Sort(res.Missing)
	sort.SliceStable(res.Errors, func(i, j int) bool { return res.Errors[i].File < res.Errors[j].File })
	return res
}

func info(c *checklists.Checklist) ChecklistInfo {
	ci := ChecklistInfo{ID: c.ID, Title: c.Title, Total: Float(c.Total), PerformanceWeight: Float(c.PerformanceWeight)}
	for _, g := range c.Grades {
		ci.Grades = append(ci.Grades, GradeInfo{Name: g.Name, Min: Float(g.Min)})
	}
	for _, s := range c.Sections {
		si := SectionInfo{ID: s.ID, Title: s.Title, Points: Float(sectionPoints(s))}
		for _, it := range s.Items {
			ii := ItemInfo{ID: it.ID, Title: it.Title, Basis: it.Basis, Method: string(it.Method), Points: Float(it.Points)}
			for t, p := range it.TypedPoints {
				if ii.TypedPoints == nil {
					ii.TypedPoints = map[string]float64{}
				}
				ii.TypedPoints[t] = Float(p)
			}
			si.Items = append(si.Items, ii)
		}
		ci.Sections = append(ci.Sections, si)
	}
	if c.Version >= 2 {
		if c.MaxScore != nil {
			ci.MaxScore = Float(c.MaxScore)
		}
		if lim := c.BonusLimit(); lim != nil {
			ci.BonusCap = ptr(Float(lim))
		}
	}
	return ci
}

func sectionPoints(s *checklists.Section) *big.Rat {
	if s.Points != nil {
		return s.Points
	}
	sum := new(big.Rat)
	for _, it := range s.Items {
		if !it.Method.Info().OnTop && it.Points != nil {
			sum.Add(sum, it.Points)
		}
	}
	return sum
}

// itemScore is the exact score of one item. An item not assessed for want
// of a column (audit.KindMissingColumn) scores 0 by every method: nothing
// of its points in the base, no bonus earned, and (having no failing row)
// no veto.
func itemScore(c *checklists.Checklist, it *checklists.Item, applicable, failed int, na bool, self *big.Rat, unassessed bool) *big.Rat {
	if unassessed {
		return new(big.Rat)
	}
	points := it.Points
	if points == nil {
		points = zero()
	}
	per := it.Per
	if per == nil {
		per = big.NewRat(1, 1)
	}
	if na {
		if !it.Method.Info().InBase || c.NA == checklists.NAExclude {
			return new(big.Rat)
		}
		return new(big.Rat).Set(points)
	}
	passed := applicable - failed
	switch it.Method {
	case checklists.Rate:
		if applicable == 0 {
			return new(big.Rat).Set(points)
		}
		return quo(mul(points, ratInt(passed)), ratInt(applicable))
	case checklists.Deduct:
		return maxRat(zero(), sub(points, mul(per, ratInt(failed))))
	case checklists.Self:
		if self == nil {
			return new(big.Rat)
		}
		return clamp(self, zero(), points)
	case checklists.Bonus:
		return minRat(points, mul(per, ratInt(passed)))
	}
	return new(big.Rat) // veto
}

func scoreUnit(c *checklists.Checklist, ev *audit.Evaluation, ds *decisionSet) *UnitResult {
	u := ev.Unit
	ur := &UnitResult{Name: u.Name, Type: u.Type, Pilot: u.Pilot, Source: slash(u.Source), Status: StatusOK,
		Sections: []SectionResult{}, Items: make([]ItemResult, 0, len(ev.Outcomes)), Findings: []FindingResult{}}
	ur.WarningTexts = slices.Clone(ev.Warnings)
	base, basePoints, bonus := new(big.Rat), new(big.Rat), new(big.Rat)
	selfBase, selfBonus, anySelf := new(big.Rat), new(big.Rat), false
	vetoed := false
	sectionScore := map[*checklists.Section]*big.Rat{}
	for _, o := range ev.Outcomes {
		it := o.Item
		findings := make([]FindingResult, 0, len(o.Findings))
		failed, dismissed := o.Failed, 0
		for _, f := range o.Findings {
			fr := findingResult(f)
			if i, d := ds.match(u.Name, f); d != nil {
				ur.decisions = append(ur.decisions, i)
				fr.Review = &Review{Decision: d.Decision, Reason: d.Reason, By: d.By, On: d.On}
				// A dismissed row no longer fails the rule; a data or rule
				// error stays what it is.
				if d.Decision == Dismiss && f.Kind != audit.KindDataError && f.Kind != audit.KindMissingColumn {
					failed--
					dismissed++
				}
			}
			findings = append(findings, fr)
		}
		score := itemScore(c, it, o.Applicable, failed, o.NA, o.Self, len(o.Missing) > 0)
		ir := ItemResult{ID: it.ID, Title: it.Title, Section: it.Section.ID, Basis: it.Basis, Method: string(it.Method),
			Points: Float(it.Points), Applicable: o.Applicable, Failed: failed, NA: o.NA, Dismissed: dismissed}
		ur.noteMissing(&ir, o)
		if it.Method.Info().Per {
			ir.Per = Float(perOf(it))
		}
		if o.NA {
			ir.NAReasonText = o.NAReason
		}
		if i, d := ds.adjust(u.Name, it.ID); d != nil {
			ur.decisions = append(ur.decisions, i)
			computed := Float(Round2(score))
			score = clamp(d.Score, zero(), pointsOf(it))
			ir.Computed = &computed
			ur.Adjustments = append(ur.Adjustments, AdjustmentNote{Item: it.ID, From: computed, To: Float(Round2(score)),
				Reason: d.Reason, By: d.By, On: d.On, Decision: Adjust})
		}
		ir.Score = Float(Round2(score))
		if o.Self != nil {
			s := Float(o.Self)
			ir.SelfScore = &s
			anySelf = true
		}
		switch mi := it.Method.Info(); {
		case mi.Vetoes:
			if failed > 0 && len(o.Missing) == 0 {
				vetoed = true
			}
		case mi.OnTop:
			bonus.Add(bonus, score)
			if o.Self != nil {
				selfBonus.Add(selfBonus, clamp(o.Self, zero(), pointsOf(it)))
			}
		default:
			if !(o.NA && c.NA == checklists.NAExclude) {
				base.Add(base, score)
				basePoints.Add(basePoints, pointsOf(it))
			}
			if o.Self != nil {
				selfBase.Add(selfBase, clamp(o.Self, zero(), pointsOf(it)))
			}
		}
		if sectionScore[it.Section] == nil {
			sectionScore[it.Section] = new(big.Rat)
		}
		if !it.Method.Info().OnTop {
			sectionScore[it.Section].Add(sectionScore[it.Section], score)
		}
		ur.Items = append(ur.Items, ir)
		ur.Findings = append(ur.Findings, findings...)
	}
	for _, f := range ev.Findings {
		ur.Findings = append(ur.Findings, findingResult(f))
	}
	deferred(ur, ev)
	if c.NA == checklists.NAExclude {
		if basePoints.Sign() == 0 {
			base = new(big.Rat).Set(c.Total)
		} else {
			base = mul(quo(base, basePoints), c.Total)
		}
	}
	final := minRat(add(base, bonus), c.Total)
	score := Round2(final)
	ur.Score = Float(score)
	ur.Vetoed = vetoed
	if vetoed {
		ur.Grade = c.LastGrade()
	} else {
		ur.Grade = c.GradeOf(score)
	}
	ur.PerformancePoints = Float(Performance(score, c.Total, c.PerformanceWeight))
	if anySelf {
		s := Float(Round2(minRat(add(selfBase, selfBonus), c.Total)))
		ur.SelfScore = &s
	}
	for _, s := range c.Sections {
		sc := sectionScore[s]
		if sc == nil {
			sc = new(big.Rat)
		}
		ur.Sections = append(ur.Sections, SectionResult{ID: s.ID, Title: s.Title, Points: Float(sectionPoints(s)), Score: Float(Round2(sc))})
	}
	return ur
}

// Performance is what a score contributes to a 100-point performance review:
// round2(score / total × weight × 100).
func Performance(score, total, weight *big.Rat) *big.Rat {
	if total.Sign() == 0 {
		return new(big.Rat)
	}
	return Round2(mul(mul(quo(score, total), weight), hundred()))
}

func pointsOf(it *checklists.Item) *big.Rat {
	if it.Points == nil {
		return zero()
	}
	return it.Points
}

func perOf(it *checklists.Item) *big.Rat {
	if it.Per == nil {
		return big.NewRat(1, 1)
	}
	return it.Per
}

// noteMissing records the columns item ir's register lacks, on the item
// and, once per column, on the unit, which then needs correction (需补正).
func (ur *UnitResult) noteMissing(ir *ItemResult, o *audit.Outcome) {
	for _, m := range o.Missing {
		ir.MissingColumns = append(ir.MissingColumns, m.Header)
		ur.NeedsCorrection = true
		i := slices.IndexFunc(ur.MissingColumns, func(n MissingColumnNote) bool { return n.Table == m.Table && n.Field == m.Field })
		if i < 0 {
			ur.MissingColumns = append(ur.MissingColumns, MissingColumnNote{Table: m.Table, Sheet: m.Sheet, File: slash(m.File), Field: m.Field,
				Header: m.Header, Guesses: m.Guesses, Unknown: m.Unknown})
			i = len(ur.MissingColumns) - 1
		}
		ur.MissingColumns[i].Items = append(ur.MissingColumns[i].Items, ir.ID)
	}
}

// slash is a file name as results keep it: with forward slashes on every
// system, so that a result written on Windows reads the same as one
// written elsewhere (on Windows a backslash is never part of a name).
func slash(name string) string { return filepath.ToSlash(name) }

func findingResult(f audit.Finding) FindingResult {
	return FindingResult{Item: f.Item, Kind: f.Kind, Public: f.Public, Table: f.Table, File: slash(f.Pos.File), Sheet: f.Pos.Sheet,
		Row: f.Pos.Row, Col: f.Pos.Col, DocNo: f.DocNo, Title: f.Title, MessageText: f.Text, Omitted: f.Omitted}
}

func deferredResult(d audit.Deferred) DeferredResult {
	// The row's values are copied: a unit's result is kept until the
	// reports are written, its rows are not, and a value sharing their
	// memory would keep the whole sheet's text (or the workbook's shared
	// strings) alive for every unit (issue 21: peak memory grew with units).
	r := DeferredResult{Item: d.Item, Kind: d.Kind, Public: d.Public, Table: d.Table, File: d.Pos.File, Sheet: d.Pos.Sheet,
		Row: d.Pos.Row, DocNo: strings.Clone(d.DocNo), Title: strings.Clone(d.Title), MissingYear: d.Year, Overlay: d.Overlay,
		MessageText: msg.Text{Zh: strings.Clone(d.Text.Zh), En: strings.Clone(d.Text.En)}}
	if !d.Due.IsZero() {
		r.Due = d.Due.Format("2006-01-02")
	}
	return r
}

// Rank orders units in place and sets their ranks: by rounded score, highest
// first; vetoed units after every unit that is not; units with an evaluator
// item still pending (provisional scores) after the scored ones; units that handed in
// nothing last; equal scores share a rank (1, 1, 3) and are listed in pinyin
// order of their names. Units that could not be read (StatusError) are not
// ranked: they come after all others with Rank 0.
func Rank(units []*UnitResult) {
	col := collate.New(language.Chinese)
	group := func(u *UnitResult) int {
		switch {
		case u.Status == StatusError:
			return 4
		case u.Status == StatusMissing:
			return 3
		case u.Status == StatusPending:
			return 2
		case u.Vetoed:
			return 1
		}
		return 0
	}
	sort.SliceStable(units, func(i, j int) bool {
		a, b := units[i], units[j]
		if ga, gb := group(a), group(b); ga != gb {
			return ga < gb
		}
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if c := col.CompareString(a.Name, b.Name); c != 0 {
			return c < 0
		}
		return a.Source < b.Source
	})
	for i, u := range units {
		if group(u) == 4 {
			u.Rank = 0
			continue
		}
		if i > 0 && group(units[i-1]) == group(u) && units[i-1].Score == u.Score {
			u.Rank = units[i-1].Rank
		} else {
			u.Rank = i + 1
		}
	}
}

// deferred lists the rows of ev that are not yet due (未到期) and those the
// calendar cannot decide (待定): listed, never deducted, in v1 and v2 alike.
func deferred(ur *UnitResult, ev *audit.Evaluation) {
	upcoming, pending := 0, 0
	for _, o := range ev.Outcomes {
		upcoming += len(o.Upcoming)
		pending += len(o.Pending)
	}
	if upcoming > 0 {
		ur.Upcoming = make([]DeferredResult, 0, upcoming)
	}
	if pending > 0 {
		ur.Pending = make([]DeferredResult, 0, pending)
	}
	for _, o := range ev.Outcomes {
		for _, d := range o.Upcoming {
			ur.Upcoming = append(ur.Upcoming, deferredResult(d))
		}
		for _, d := range o.Pending {
			ur.Pending = append(ur.Pending, deferredResult(d))
		}
	}
}
