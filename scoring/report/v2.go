package report

import (
	"fmt"
	"strings"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// What the renderers add for a result computed with a zwgk.checklist/v2
// checklist: pools, caps, overflow, pending evaluator items, bonus above
// the total, effects, combined stages. A v1 result has none of these
// fields, so its outputs are unchanged.

// isV2 reports whether res holds anything only v2 gives.
func isV2(res *scoring.Result) bool {
	if res.Checklist.MaxScore != 0 || res.Checklist.BonusCap != nil {
		return true
	}
	for _, u := range res.Units {
		if u.Status == scoring.StatusPending || u.Base != nil || u.Bonus != nil || len(u.Effects) > 0 || len(u.Stages) > 0 {
			return true
		}
		for _, it := range u.Items {
			if len(it.Rules) > 0 || it.Cap != nil || it.Pending || it.Evaluator != nil || it.Overflow != 0 {
				return true
			}
		}
	}
	return false
}

// EffectText says what an effect did and why.
func EffectText(e scoring.EffectNote, l msg.Lang) string {
	what := ""
	switch e.Kind {
	case "zero":
		what = msg.Pick(l, "得分为0", "score set to 0")
	case "cap":
		c := 0.0
		if e.Cap != nil {
			c = *e.Cap
		}
		what = msg.Pick(l, "得分最高"+num(c)+"分", "score capped at "+num(c))
	case "grade":
		what = msg.Pick(l, "评为末等", "last grade")
	case "section":
		what = msg.Pick(l, "类别"+e.Section+"计0分", "section "+e.Section+" scores 0")
	default:
		what = e.Kind
	}
	return e.ReasonIn(l) + msg.Pick(l, "，", ": ") + what
}

// effectsText joins a unit's effects.
func effectsText(u *scoring.UnitResult, l msg.Lang) string {
	var parts []string
	for _, e := range u.Effects {
		parts = append(parts, EffectText(e, l))
	}
	return strings.Join(parts, msg.Pick(l, "；", "; "))
}

// bonusText says what bonus items earned and what counted.
func bonusText(u *scoring.UnitResult, l msg.Lang) string {
	if u.Bonus == nil {
		return ""
	}
	s := msg.Pick(l, "加分"+num(u.Bonus.Earned), "bonus "+num(u.Bonus.Earned))
	if u.Bonus.Counted != u.Bonus.Earned {
		s += msg.Pick(l, "（计入"+num(u.Bonus.Counted)+"）", " ("+num(u.Bonus.Counted)+" counted)")
	}
	if u.Base != nil {
		s = msg.Pick(l, "基础分"+num(*u.Base)+"，", "base "+num(*u.Base)+", ") + s
	}
	return s
}

// stagesText lists a combined unit's stage scores.
func stagesText(u *scoring.UnitResult, l msg.Lang) string {
	var parts []string
	for _, s := range u.Stages {
		v := msg.Pick(l, "缺", "missing")
		if s.Score != nil {
			v = num(*s.Score)
		}
		parts = append(parts, fmt.Sprintf("%s×%s=%s", s.Stage, num(s.Weight), v))
	}
	return strings.Join(parts, msg.Pick(l, "；", "; "))
}

// unitV2Notes are the v2 notes of a unit (summary 备注, table detail).
func unitV2Notes(u *scoring.UnitResult, l msg.Lang) []string {
	var notes []string
	if u.Status == scoring.StatusPending {
		var ids []string
		for _, it := range u.Items {
			if it.Pending {
				ids = append(ids, it.ID)
			}
		}
		notes = append(notes, msg.Pick(l, "暂定分：待评分指标 "+strings.Join(ids, "、"), "provisional: items "+strings.Join(ids, ", ")+" await the evaluators' scores"))
	}
	if s := bonusText(u, l); s != "" {
		notes = append(notes, s)
	}
	for _, e := range u.Effects {
		notes = append(notes, EffectText(e, l))
	}
	if s := stagesText(u, l); s != "" {
		notes = append(notes, s)
	}
	return notes
}

// itemV2Note is the ledger's account of a v2 item: each rule of its pool
// with what it deducted, the cap and what it kept from counting, what
// overflowed into the section, a pending or evaluator score.
func itemV2Note(it *scoring.ItemResult, l msg.Lang) string {
	var parts []string
	for _, r := range it.Rules {
		name := r.Rule
		if r.Finding != "" {
			name += " " + r.Finding
		}
		if r.NA {
			parts = append(parts, name+msg.Pick(l, "：不适用", ": n/a"))
			continue
		}
		parts = append(parts, name+msg.Pick(l, fmt.Sprintf("：%d条，%s", r.Failed, num(r.Amount)), fmt.Sprintf(": %d rows, %s", r.Failed, num(r.Amount))))
	}
	if it.Deducted != 0 && (len(it.Rules) > 0 || it.Cap != nil || it.Capped != 0 || it.Overflow != 0) {
		parts = append(parts, msg.Pick(l, "合计扣"+num(it.Deducted), "deducted "+num(it.Deducted)))
	}
	if it.Cap != nil {
		s := msg.Pick(l, "最多"+num(*it.Cap), "cap "+num(*it.Cap))
		if it.Capped != 0 {
			s += msg.Pick(l, "（封顶未计"+num(it.Capped)+"）", " ("+num(it.Capped)+" not counted)")
		}
		parts = append(parts, s)
	} else if it.Capped != 0 {
		parts = append(parts, msg.Pick(l, "扣完为止（未计"+num(it.Capped)+"）", "down to 0 ("+num(it.Capped)+" not counted)"))
	}
	if it.Overflow != 0 {
		parts = append(parts, msg.Pick(l, "超出本项"+num(it.Overflow)+"分从所在类别扣", num(it.Overflow)+" beyond the item taken from its section"))
	}
	if it.Pending {
		parts = append(parts, msg.Pick(l, "待评分", "awaiting the evaluators' score"))
	}
	if e := it.Evaluator; e != nil {
		s := msg.Pick(l, "评估打分", "evaluators' score")
		if e.By != "" || e.On != "" {
			s += " " + strings.TrimSpace(e.By+" "+e.On)
		}
		if e.Reason != "" {
			s += msg.Pick(l, "：", ": ") + e.Reason
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, msg.Pick(l, "；", "; "))
}

// v2CSV is the v2 columns of a unit's CSV row.
func v2CSV(u *scoring.UnitResult, l msg.Lang) []string {
	var base, bonus, counted string
	if u.Base != nil {
		base = num(*u.Base)
	}
	if u.Bonus != nil {
		bonus, counted = num(u.Bonus.Earned), num(u.Bonus.Counted)
	}
	var pending []string
	for _, it := range u.Items {
		if it.Pending {
			pending = append(pending, it.ID)
		}
	}
	return []string{base, bonus, counted, csvText(effectsText(u, l)), strings.Join(pending, " "), csvText(stagesText(u, l))}
}

// joinNote puts a v2 note after a cell's text.
func joinNote(text, note string, l msg.Lang) string {
	switch {
	case note == "":
		return text
	case text == "":
		return note
	}
	return text + msg.Pick(l, "；", "; ") + note
}

// hasScore reports whether u has a score to lay out item by item: scored,
// or pending with a provisional score (v2).
func hasScore(u *scoring.UnitResult) bool {
	return u.Status == scoring.StatusOK || u.Status == scoring.StatusPending
}
