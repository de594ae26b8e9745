package audit

import (
	"strings"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
)

// cellKey names one cell of a register: its table, row and field.
type cellKey struct {
	table string
	line  int
	field string
}

// badFields lists the fields of r that could not be read and that a rule
// reading fields reads, in the order the reader found them.
func badFields(r *Row, fields []string) []string {
	var out []string
	for _, b := range r.Bad {
		for _, f := range fields {
			if b == f {
				out = append(out, b)
				break
			}
		}
	}
	return out
}

// badRow records a row whose cells in fields, read by o's rule (its where
// or its check), could not be read: one 数据错误 finding of the rule, which
// names each cell and what was written in it. The unit's own unreadable
// data decides the row against it, and says so: the row counts as
// applicable and failed (no bonus for a bonus item), except for a veto — a
// mistyped cell is never grounds for 弄虚作假. It is never the item's own
// finding, nor 应公开未公开.
func (p *Plan) badRow(ev *Evaluation, o *Outcome, schema *checklists.Table, t *Table, r *Row, fields []string) {
	it := o.Item
	mi := it.Method.Info()
	o.Applicable++
	if !mi.Vetoes {
		o.Failed++
	}
	listed := ev.room(o, KindDataError, false, it.Table)
	if ev.cited == nil {
		ev.cited = map[cellKey]bool{}
		ev.issues = map[cellKey]msg.Text{}
		for _, is := range ev.Unit.Issues {
			if is.Kind == DataError && is.Field != "" {
				ev.issues[cellKey{is.Table, is.Pos.Row, is.Field}] = is.Text
			}
		}
	}
	var zh, en []string
	for _, f := range fields {
		k := cellKey{t.Name, r.Line, f}
		what, ok := ev.issues[k]
		if ok {
			// Only the reader's listed errors: the map stays as small as
			// that list. A cell of a row counted but not listed under the
			// rule is cited too: it is in the rule's 「另有 N 条」.
			ev.cited[k] = true
		} else {
			what = msg.New("无法识别", "could not be read")
		}
		if !listed {
			continue
		}
		cell := t.Pos(r, f).Cell()
		zh = append(zh, cell+"「"+header(schema, f)+"」"+what.Zh)
		en = append(en, cell+" ("+header(schema, f)+") "+what.En)
	}
	if !listed {
		return
	}
	zhFmt, enFmt := "%s：指标%s无法判断这一行，按不符合计；请更正后重新审核",
		"%s: item %s cannot judge this row, so it counts as failed; correct the cell and audit again"
	switch {
	case mi.Vetoes:
		zhFmt, enFmt = "%s：指标%s无法判断这一行，不作为否决的依据；请更正后重新审核",
			"%s: item %s cannot judge this row, which is no ground for a veto; correct the cell and audit again"
	case mi.OnTop:
		zhFmt, enFmt = "%s：指标%s无法判断这一行，这一行不计加分；请更正后重新审核",
			"%s: item %s cannot judge this row, so it earns no bonus; correct the cell and audit again"
	}
	text := msg.Both(zhFmt, []any{strings.Join(zh, "；"), it.ID}, enFmt, []any{strings.Join(en, "; "), it.ID})
	f := Finding{Item: it.ID, Kind: KindDataError, Table: it.Table, Pos: t.Pos(r, fields[0]), Text: text}
	p.attach(&f, t, r)
	o.Findings = append(o.Findings, f) // room was made above
}

// citedCell reports whether a data error of the reader is already listed,
// with its text, under a rule that reads the cell.
func (ev *Evaluation) citedCell(is Issue) bool {
	return ev.cited[cellKey{is.Table, is.Pos.Row, is.Field}]
}
