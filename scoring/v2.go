package scoring

import (
	"math/big"
	"slices"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
)

// StatusPending is a unit with an evaluator item not yet scored
// (zwgk.checklist/v2): its score is provisional, the pending items
// counting 0, and it is ranked after the scored units.
const StatusPending = "pending"

// EvaluatorScore is the district evaluators' score of one item for one
// unit (zwgk.checklist/v2 method evaluator), with who gave it, when, and
// why it is below the item's points.
type EvaluatorScore struct {
	Score  *big.Rat
	By     string
	On     string
	Reason string
}

// EvaluatorScores are the evaluators' scores by unit name, then item id.
// Unit names are matched as review decisions are (roster.NormalizeName).
type EvaluatorScores map[string]map[string]EvaluatorScore

// WithEvaluatorScores makes s score evaluator items from scores; call it
// before scoring any unit.
func (s *Scorer) WithEvaluatorScores(scores EvaluatorScores) *Scorer {
	s.evaluator = map[string]map[string]EvaluatorScore{}
	for name, m := range scores {
		s.evaluator[s.decisions.norm(name)] = m
	}
	return s
}

func (s *Scorer) evaluatorScore(unit, item string) (EvaluatorScore, bool) {
	m := s.evaluator[s.decisions.norm(unit)]
	e, ok := m[item]
	return e, ok && e.Score != nil
}

// The v2 parts of a result (all left out of a v1 result).

// EffectNote is one effect applied to a unit: what caused it (an item's
// veto or a section below its pass_min), its kind and why.
type EffectNote struct {
	Item    string   `json:"item,omitempty"`
	Section string   `json:"section,omitempty"`
	Kind    string   `json:"kind"` // zero | cap | grade | section
	Cap     *float64 `json:"cap,omitempty"`
	// Reason is why, in the language the result was written in;
	// ReasonText is it in both languages.
	Reason     string   `json:"reason"`
	ReasonText msg.Text `json:"reason_text,omitzero"`
}

// ReasonIn returns why the effect applied, in lang.
func (e *EffectNote) ReasonIn(lang msg.Lang) string { return pick(e.ReasonText, e.Reason, lang) }

// RuleResult is one rule of a pool: its counts and what it deducted
// (earned, for bonus) before the item's cap.
type RuleResult struct {
	Rule       string  `json:"rule"`
	Finding    string  `json:"finding,omitempty"`
	Applicable int     `json:"applicable"`
	Failed     int     `json:"failed"`
	Amount     float64 `json:"amount"`
	NA         bool    `json:"na,omitempty"`
}

// EvaluatorNote is where an evaluator item's score came from.
type EvaluatorNote struct {
	By     string `json:"by,omitempty"`
	On     string `json:"on,omitempty"`
	Reason string `json:"reason,omitempty"`
}

// BonusNote is what bonus items earned and what counted.
type BonusNote struct {
	Earned  float64 `json:"earned"`
	Counted float64 `json:"counted"`
}

// gateScores are the computed scores a gate reads.
type gateScores map[string]float64

func ratFloat(r *big.Rat) float64 { f, _ := r.Float64(); return f }

// scoreUnitV2 scores one unit by a zwgk.checklist/v2 checklist.
func (s *Scorer) scoreUnitV2(ev *audit.Evaluation) *UnitResult {
	c, ds := s.c, s.decisions
	u := ev.Unit
	ur := &UnitResult{Name: u.Name, Type: u.Type, Pilot: u.Pilot, Source: u.Source, Status: StatusOK,
		Sections: []SectionResult{}, Items: make([]ItemResult, 0, len(ev.Outcomes)), Findings: []FindingResult{}}
	ur.WarningTexts = slices.Clone(ev.Warnings)
	basePoints := new(big.Rat)
	selfBase, selfBonus, anySelf := new(big.Rat), new(big.Rat), false
	sectionScore := map[*checklists.Section]*big.Rat{}
	itemScore := map[*checklists.Item]*big.Rat{}
	index := map[*checklists.Item]int{}
	var effects []EffectNote
	effectCap := map[int]*big.Rat{} // exact caps by index in effects
	var gated []*checklists.Item
	zeroSection := map[*checklists.Section]bool{}
	pending := false
	for _, o := range ev.Outcomes {
		it := o.Item
		mi := it.Method.Info()
		points, forType := it.PointsFor(u.Type)
		findings := make([]FindingResult, 0, len(o.Findings))
		failed, dismissed := o.Failed, 0
		given := new(big.Rat) // what dismissed findings give back
		ruleFailed := map[string]int{}
		ruleGiven := map[string]*big.Rat{}
		for _, f := range o.Findings {
			fr := findingResult(f)
			fr.Rule = f.Rule
			if f.Amount != nil {
				a := Float(f.Amount)
				fr.Amount = &a
			}
			if i, d := ds.match(u.Name, f); d != nil {
				ur.decisions = append(ur.decisions, i)
				fr.Review = &Review{Decision: d.Decision, Reason: d.Reason, By: d.By, On: d.On}
				if d.Decision == Dismiss && f.Kind != audit.KindDataError && f.Kind != audit.KindMissingColumn {
					failed--
					dismissed++
					ruleFailed[f.Rule]++
					if f.Amount != nil {
						given.Add(given, f.Amount)
						if ruleGiven[f.Rule] == nil {
							ruleGiven[f.Rule] = new(big.Rat)
						}
						ruleGiven[f.Rule].Add(ruleGiven[f.Rule], f.Amount)
					}
				}
			}
			findings = append(findings, fr)
		}
		na := o.NA || !forType
		ir := ItemResult{ID: it.ID, Title: it.Title, Section: it.Section.ID, Basis: it.Basis, Method: string(it.Method),
			Points: Float(points), Applicable: o.Applicable, Failed: failed, NA: na, Dismissed: dismissed}
		ur.noteMissing(&ir, o)
		if mi.Per && it.PerExpr == nil && len(it.Rules) == 0 {
			ir.Per = Float(perOf(it))
		}
		switch {
		case !forType:
			ir.NAReasonText = msg.New("不适用（本指标不考核%s类单位）", "not applicable (the item does not assess units of type %s)", typeLabel(u.Type))
		case o.NA:
			ir.NAReasonText = o.NAReason
		}
		if it.Cap != nil {
			cp := Float(it.Cap)
			ir.Cap = &cp
		}
		for _, ru := range o.Rules {
			rr := RuleResult{Rule: ru.Item.RuleLabel, Finding: ru.Item.Finding, Applicable: ru.Applicable, Failed: ru.Failed - ruleFailed[ru.Item.RuleLabel], NA: ru.NA}
			amt := ru.Deducted
			if mi.OnTop {
				amt = ru.Earned
			}
			if amt != nil {
				if g := ruleGiven[ru.Item.RuleLabel]; g != nil && !mi.OnTop {
					amt = sub(amt, g)
				}
				rr.Amount = Float(amt)
			}
			ir.Rules = append(ir.Rules, rr)
		}
		var score *big.Rat
		switch {
		case len(o.Missing) > 0:
			score = new(big.Rat)
		case na:
			score = new(big.Rat)
			if mi.InBase && c.NA != checklists.NAExclude {
				score.Set(points)
			}
		case mi.Evaluator:
			score = new(big.Rat)
			if e, ok := s.evaluatorScore(u.Name, it.ID); ok {
				score = clamp(e.Score, zero(), points)
				ir.Evaluator = &EvaluatorNote{By: e.By, On: e.On, Reason: e.Reason}
				if score.Cmp(points) < 0 {
					reason := e.Reason
					if reason == "" {
						reason = label(it)
					}
					findings = append(findings, FindingResult{Item: it.ID, Kind: label(it), Table: "scores", File: u.Source,
						MessageText: msg.Text{Zh: "评估扣分：" + reason, En: "evaluators' deduction: " + reason}})
				}
			} else {
				ir.Pending = true
				pending = true
			}
		case it.Method == checklists.Deduct:
			d := o.Deducted
			if d == nil {
				d = mul(perOf(it), ratInt(o.Failed))
			}
			d = maxRat(zero(), sub(d, given))
			ir.Deducted = Float(d)
			if it.Overflow {
				score = sub(points, d)
				if score.Sign() < 0 {
					ir.Overflow = Float(new(big.Rat).Neg(score))
				}
			} else {
				limit := points
				if it.Cap != nil {
					limit = minRat(it.Cap, points)
				}
				if d.Cmp(limit) > 0 {
					ir.Capped = Float(sub(d, limit))
					d = limit
				}
				score = sub(points, d)
			}
		case it.Method == checklists.Bonus:
			e := o.Earned
			if e == nil {
				e = mul(perOf(it), ratInt(o.Applicable-o.Failed))
			}
			limit := points
			if it.Cap != nil {
				limit = minRat(it.Cap, points)
			}
			if e.Cmp(limit) > 0 {
				ir.Capped = Float(sub(e, limit))
			}
			score = minRat(limit, e)
		default:
			score = itemScoreV1(c, it, points, o.Applicable, failed, o.Self)
		}
		if i, d := ds.adjust(u.Name, it.ID); d != nil {
			ur.decisions = append(ur.decisions, i)
			computed := Float(Round2(score))
			score = clamp(d.Score, zero(), points)
			ir.Computed = &computed
			ur.Adjustments = append(ur.Adjustments, AdjustmentNote{Item: it.ID, From: computed, To: Float(Round2(score)),
				Reason: d.Reason, By: d.By, On: d.On, Decision: Adjust})
		}
		ir.Score = Float(Round2(score))
		if o.Self != nil {
			sf := Float(o.Self)
			ir.SelfScore = &sf
			anySelf = true
		}
		itemScore[it] = score
		if sectionScore[it.Section] == nil {
			sectionScore[it.Section] = new(big.Rat)
		}
		switch {
		case mi.Vetoes:
			if failed > 0 && len(o.Missing) == 0 {
				eff := it.Effect
				if eff == nil {
					eff = &checklists.Effect{Kind: checklists.EffectGrade}
				}
				note := EffectNote{Item: it.ID, Kind: string(eff.Kind),
					ReasonText: msg.New("一票否决：%s（%d处）", "veto: %s (%d rows)", label(it), failed)}
				if eff.Kind == checklists.EffectSection {
					note.Section = it.Section.ID
					zeroSection[it.Section] = true
				}
				if eff.Cap != nil {
					note.Cap = ptr(Float(eff.Cap))
					effectCap[len(effects)] = eff.Cap
				}
				effects = append(effects, note)
			}
		case mi.OnTop:
			if it.Gate != nil && !na && len(o.Missing) == 0 {
				gated = append(gated, it)
			}
			if o.Self != nil {
				selfBonus.Add(selfBonus, clamp(o.Self, zero(), points))
			}
		default:
			if !(na && c.NA == checklists.NAExclude) && forType {
				basePoints.Add(basePoints, points)
			}
			sectionScore[it.Section].Add(sectionScore[it.Section], score)
			if o.Self != nil {
				selfBase.Add(selfBase, clamp(o.Self, zero(), points))
			}
		}
		index[it] = len(ur.Items)
		ur.Items = append(ur.Items, ir)
		ur.Findings = append(ur.Findings, findings...)
	}
	deferred(ur, ev)
	for _, f := range ev.Findings {
		ur.Findings = append(ur.Findings, findingResult(f))
	}
	// Sections: a deduction that overflowed its item stops at the
	// section's 0; a section veto makes the section 0.
	base := new(big.Rat)
	for _, sec := range c.Sections {
		sc := sectionScore[sec]
		if sc == nil {
			sc = new(big.Rat)
			sectionScore[sec] = sc
		}
		if sc.Sign() < 0 {
			sc.SetInt64(0)
		}
		if zeroSection[sec] {
			sc.SetInt64(0)
		}
		base.Add(base, sc)
	}
	if c.NA == checklists.NAExclude {
		if basePoints.Sign() == 0 {
			base = new(big.Rat).Set(c.Total)
		} else {
			base = mul(quo(base, basePoints), c.Total)
		}
	}
	// Gates: bonus items whose applies reads computed scores, run once the
	// base is known, each after the bonus items it reads.
	scores := gateScores{"total": ratFloat(base)}
	for _, sec := range c.Sections {
		scores[sec.ID] = ratFloat(sectionScore[sec])
	}
	for it, sc := range itemScore {
		if !slices.Contains(gated, it) {
			scores[it.ID] = ratFloat(sc)
		}
	}
	for len(gated) > 0 {
		progress := false
		for i := 0; i < len(gated); i++ {
			it := gated[i]
			ready := true
			for _, name := range checklists.ScoreRefs(it.Gate.Source) {
				if dep := c.Item(name); dep != nil && slices.Contains(gated, dep) && dep != it {
					ready = false
				}
			}
			if !ready {
				continue
			}
			gated = slices.Delete(gated, i, i+1)
			i--
			progress = true
			ir := &ur.Items[index[it]]
			ok, err := ev.Gate(it, scores)
			if err != nil {
				ur.Findings = append(ur.Findings, FindingResult{Item: it.ID, Kind: audit.KindRuleError, File: u.Source,
					MessageText: msg.Both("指标%s的门槛（applies）运行出错：%s", []any{it.ID, err.Error()}, "the gate (applies) of item %s failed: %s", []any{it.ID, msg.Local(err, msg.EN)})})
			}
			if !ok {
				itemScore[it] = new(big.Rat)
				ir.Score, ir.NA = 0, true
				ir.NAReasonText = msg.New("不适用（加分门槛未达到：%s）", "not applicable (bonus gate not met: %s)", it.Gate.Source)
				if it.NAReason != "" {
					ir.NAReasonText.Zh = it.NAReason
				}
			}
			scores[it.ID] = ratFloat(itemScore[it])
		}
		if !progress {
			break // a cycle: refused by the loader
		}
	}
	bonus := new(big.Rat)
	for _, it := range c.Items() {
		if it.Method.Info().OnTop && itemScore[it] != nil {
			bonus.Add(bonus, itemScore[it])
		}
	}
	counted := bonus
	if lim := c.BonusLimit(); lim != nil {
		counted = minRat(bonus, lim)
	}
	if bonus.Sign() != 0 || c.MaxScore != nil {
		ur.Base = ptr(Float(Round2(base)))
		ur.Bonus = &BonusNote{Earned: Float(Round2(bonus)), Counted: Float(Round2(counted))}
	}
	final := minRat(add(base, counted), c.Max())
	// Thresholds.
	for _, sec := range c.Sections {
		if sec.PassMin == nil || sectionScore[sec].Cmp(sec.PassMin) >= 0 {
			continue
		}
		eff := sec.Effect
		note := EffectNote{Section: sec.ID, Kind: string(eff.Kind),
			ReasonText: msg.New("「%s」得分%s低于及格分%s", "%s scored %s, below its pass mark %s", sec.Title,
				Round2(sectionScore[sec]).FloatString(2), sec.PassMin.FloatString(2))}
		if eff.Cap != nil {
			note.Cap = ptr(Float(eff.Cap))
			effectCap[len(effects)] = eff.Cap
		}
		effects = append(effects, note)
	}
	// Effects combine: zero beats cap, cap beats nothing, grade last.
	vetoed := false
	for i, e := range effects {
		switch checklists.EffectKind(e.Kind) {
		case checklists.EffectZero:
			final = new(big.Rat)
		case checklists.EffectCap:
			final = minRat(final, effectCap[i])
		case checklists.EffectGrade:
			vetoed = true
		}
	}
	ur.Effects = effects
	score := Round2(final)
	ur.Score = Float(score)
	ur.Vetoed = vetoed
	if vetoed {
		ur.Grade = c.LastGrade()
	} else {
		ur.Grade = c.GradeOf(score)
	}
	if pending {
		ur.Status = StatusPending
	}
	ur.PerformancePoints = Float(Performance(score, c.Total, c.PerformanceWeight))
	if anySelf {
		sb := selfBonus
		if lim := c.BonusLimit(); lim != nil {
			sb = minRat(sb, lim)
		}
		sf := Float(Round2(minRat(add(selfBase, sb), c.Max())))
		ur.SelfScore = &sf
	}
	for _, sec := range c.Sections {
		sr := SectionResult{ID: sec.ID, Title: sec.Title, Points: Float(sectionPointsFor(sec, u.Type)), Score: Float(Round2(sectionScore[sec]))}
		if sec.PassMin != nil {
			sr.PassMin = ptr(Float(sec.PassMin))
		}
		ur.Sections = append(ur.Sections, sr)
	}
	return ur
}

func ptr(f float64) *float64 { return &f }

func typeLabel(t string) string {
	if t == "" {
		return "未知类型"
	}
	return t
}

func label(it *checklists.Item) string {
	if it.Finding != "" {
		return it.Finding
	}
	return it.Title
}

// sectionPointsFor is a section's points for a unit of type typ.
func sectionPointsFor(s *checklists.Section, typ string) *big.Rat {
	if p := s.PointsFor(typ); p != nil {
		return p
	}
	sum := new(big.Rat)
	for _, it := range s.Items {
		if it.Method.Info().InBase {
			p, _ := it.PointsFor(typ)
			sum.Add(sum, p)
		}
	}
	return sum
}

// itemScoreV1 is the score of a rate or self item (as in v1), of points.
func itemScoreV1(c *checklists.Checklist, it *checklists.Item, points *big.Rat, applicable, failed int, self *big.Rat) *big.Rat {
	switch it.Method {
	case checklists.Rate:
		if applicable == 0 {
			return new(big.Rat).Set(points)
		}
		return quo(mul(points, ratInt(applicable-failed)), ratInt(applicable))
	case checklists.Self:
		if self == nil {
			return new(big.Rat)
		}
		return clamp(self, zero(), points)
	}
	return new(big.Rat)
}

// StageScore is one stage's score of a unit in a combined result.
type StageScore struct {
	Stage  string   `json:"stage"`
	Weight float64  `json:"weight"`
	Score  *float64 `json:"score"` // nil: the unit is missing from the stage
}
