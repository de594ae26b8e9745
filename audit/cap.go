package audit

import (
	"slices"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/rules"
)

// The bounds on the findings kept for one unit: a register of a million bad
// rows is scored on all of them, but only the first findings of each item
// (and of the unit) are listed; the rest are counted, and the count is
// listed as one finding of the same kind, 「另有 N 条同类问题」.
const (
	// MaxItemFindings is the most findings of one item listed for a unit.
	MaxItemFindings = 1000
	// MaxUnitFindings is the most findings listed for a unit in all.
	MaxUnitFindings = 10000
)

// omission counts the findings of one kind left out of an outcome.
type omission struct {
	kind   string
	public bool
	table  string
	n      int
}

// room reports whether one more finding of o may be listed; when not, it
// counts one of kind left out. Scores never depend on it: Applicable and
// Failed are counted whatever is listed.
func (ev *Evaluation) room(o *Outcome, kind string, public bool, table string) bool {
	if o == nil {
		if ev.listed < MaxUnitFindings {
			ev.listed++
			return true
		}
		ev.omitted = addOmission(ev.omitted, kind, public, table)
		return false
	}
	if len(o.Findings) < MaxItemFindings && ev.listed < MaxUnitFindings {
		ev.listed++
		return true
	}
	o.omitted = addOmission(o.omitted, kind, public, table)
	return false
}

func addOmission(list []omission, kind string, public bool, table string) []omission {
	return addOmissions(list, omission{kind: kind, public: public, table: table, n: 1})
}

// addOmissions counts om.n more of om's kind left out.
func addOmissions(list []omission, om omission) []omission {
	for i := range list {
		if list[i].kind == om.kind && list[i].public == om.public && list[i].table == om.table {
			list[i].n += om.n
			return list
		}
	}
	return append(list, om)
}

// add lists f under o, or counts it as left out.
func (ev *Evaluation) add(o *Outcome, f Finding) {
	if ev.room(o, f.Kind, f.Public, f.Table) {
		o.Findings = append(o.Findings, f)
	}
}

// closeOmissions appends one finding per kind left out: 「另有 N 条同类问题」.
func closeOmissions(item string, file string, list []omission) []Finding {
	var out []Finding
	for _, om := range list {
		out = append(out, Finding{Item: item, Kind: om.kind, Public: om.public, Table: om.table, Pos: Pos{File: file}, Omitted: om.n,
			Text: OmittedText(om.n)})
	}
	return out
}

// OmittedText is the message of a finding that stands for n findings left
// out of the list.
func OmittedText(n int) msg.Text {
	return msg.New("另有 %d 条同类问题（未逐条列出，已全部计入得分）", "%d more findings of this kind (not listed one by one; all counted in the score)", n)
}

// overBudget reports whether the rules of o's item would cost more than
// rules.MaxWork on ev's unit (a row rule that walks a whole register for
// each row of another: sortBy over 20,000 documents for each of them). Such
// an item is not run: it is not applicable, with a 规则错误 finding that
// names it — never a hang, never a deduction (the checklist's rule is at
// fault, not the unit).
func (p *Plan) overBudget(ev *Evaluation, o *Outcome) bool {
	it := o.Item
	rows := func(table string) int {
		if t := ev.Unit.Tables[table]; t != nil {
			return len(t.Rows)
		}
		return 0
	}
	runs := 1
	if it.Table != "" && it.Method.Info().Rule {
		runs = rows(it.Table)
	}
	var work int64
	var walks []string
	for _, e := range []*checklists.Expr{it.Where, it.Check} {
		if e == nil || e.Program == nil {
			continue
		}
		work += e.Program.Work(runs, rows)
		walks = append(walks, e.Program.Walks()...)
	}
	if it.Applies != nil && it.Applies.Program != nil {
		work += it.Applies.Program.Work(1, rows)
		walks = append(walks, it.Applies.Program.Walks()...)
	}
	if work <= rules.MaxWork {
		return false
	}
	for i, w := range walks {
		walks[i] = sheetName(p.Checklist, w)
	}
	slices.Sort(walks)
	walks = slices.Compact(walks)
	o.NA = true
	o.NAReason = msg.New("不适用（规则超出计算上限，未评估）", "not applicable (the rule is over the work limit and was not run)")
	o.Findings = append(o.Findings, Finding{Item: it.ID, Kind: KindRuleError, Table: it.Table, Pos: Pos{File: ev.Unit.Source},
		Text: msg.Both("指标%s的规则在本单位要对 %d 行逐行遍历整张%s，超出每个单位 %d 次运算的上限，没有运行，不扣分；请改写规则（如统计同文号记录用 len(filter(tables.X, .f == f))，会改用索引）",
			[]any{it.ID, runs, msg.List(walks).Zh, rules.MaxWork},
			"the rule of item %s would walk the whole of %s for each of %d rows of this unit, over the limit of %d steps per unit; it was not run and deducts nothing: rewrite the rule (to count matching rows write len(filter(tables.X, .f == f)), which uses an index)",
			[]any{it.ID, msg.List(walks).En, runs, rules.MaxWork})})
	ev.listed++
	return true
}
