package audit

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/rules"
)

// A missing column is never a violation. When a register lacks a column an
// item's where or check reads, a blank stands in for every cell of it, and
// a blank 印发日期 or 公开日期 would make the rule accuse the unit of what
// its export merely left out (弄虚作假, 应公开未公开). So each row is run
// again with the missing columns filled in with a few plausible values
// (probes); when that could change the row's verdict, the item is not
// assessed: it scores 0 with one 台账缺列 finding and no row findings. When
// no row's verdict depends on the column (the unit has no 脱密后公开 公文,
// so 脱密日期 matters to none), the item is judged as usual.

// gap is what one row rule's register lacks.
type gap struct {
	fields  []string // the missing fields the rule reads
	probes  [][]any  // per field, the values tried
	matters bool     // some row's verdict depends on them
}

// columnGaps finds, for each row rule of a present register, the fields its
// where or check reads that the register has no column for.
func (p *Plan) columnGaps(ev *Evaluation, table string, outs []*Outcome) map[*Outcome]*gap {
	t := ev.Unit.Tables[table]
	schema := p.Checklist.Schema.Table(table)
	if t == nil || t.Columns == nil || schema == nil {
		return nil // a register that is absent altogether: its rules are not applicable
	}
	var gaps map[*Outcome]*gap
	for _, o := range outs {
		var fields []string
		for _, e := range []*checklists.Expr{o.Item.Where, o.Item.Due, o.Item.Check} {
			if e == nil {
				continue
			}
			for _, f := range e.Fields {
				sf := schema.Field(f)
				if _, ok := t.Columns[f]; ok || sf == nil || sf.AbsentIsBlank || schema.Defaults[f] != nil || slices.Contains(fields, f) {
					continue
				}
				if _, ok := t.Columns[sf.StandIn]; ok && sf.StandIn != "" {
					continue // its stand-in's column is there (申请日期 for 收到日期)
				}
				fields = append(fields, f)
			}
		}
		if len(fields) == 0 {
			continue
		}
		g := &gap{fields: fields}
		for _, f := range fields {
			g.probes = append(g.probes, probeValues(schema.Field(f), ev.Year))
		}
		if gaps == nil {
			gaps = map[*Outcome]*gap{}
		}
		gaps[o] = g
	}
	return gaps
}

// probeValues are the values a missing column is tried with.
func probeValues(f *checklists.Field, year int) []any {
	switch f.Type {
	case checklists.Date, checklists.DateTime:
		d := func(y int, m time.Month, day int) any { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
		return []any{d(year, 1, 1), d(year, 7, 1), d(year, 12, 31), d(year-1, 12, 1), d(year+1, 1, 31)}
	case checklists.Bool:
		return []any{true, false}
	case checklists.Enum:
		vs := make([]any, len(f.Values))
		for i, v := range f.Values {
			vs[i] = v.Name
		}
		return vs
	case checklists.Number:
		return []any{0.0, 1.0, 100.0}
	case checklists.Int:
		return []any{0, 1, 100}
	}
	return []any{"x", "0"}
}

// dependsOnGap reports whether row r's verdict under o's rule changes when
// the missing columns are filled with a probe. env holds r's values, and
// holds them again on return.
func (p *Plan) dependsOnGap(machine *rules.Machine, o *Outcome, g *gap, r *Row, env *rules.Env, asOf time.Time) bool {
	defer env.SetRow(r.Values)
	was := verdict(machine, o.Item, env, asOf)
	n := 0
	for _, ps := range g.probes {
		n = max(n, len(ps))
	}
	vals := make(checklists.Row, len(r.Values)+len(g.fields))
	for k := range n {
		clear(vals)
		for f, v := range r.Values {
			vals[f] = v
		}
		for i, f := range g.fields {
			vals[f] = g.probes[i][k%len(g.probes[i])]
		}
		env.SetRow(vals)
		if verdict(machine, o.Item, env, asOf) != was {
			return true
		}
	}
	return false
}

// verdict is what a row rule makes of the row in env: 0 not in scope,
// 1 passes, 2 fails, 3 an error of where, 4 not yet due.
func verdict(machine *rules.Machine, it *checklists.Item, env *rules.Env, asOf time.Time) int {
	v, _, whereErr, err := judge(machine, it, env, asOf, calendar.Exact)
	switch {
	case err != nil && whereErr:
		return 3
	case err != nil:
		return 2
	case v == outOfScope:
		return 0
	case v == passes:
		return 1
	case v == notYetDue:
		return 4
	}
	return 2
}

// notAssessed turns o into an item not assessed for want of the columns of
// g, when they matter, and reports whether it did.
func (p *Plan) notAssessed(ev *Evaluation, o *Outcome, g *gap) bool {
	if g == nil || !g.matters {
		return false
	}
	it := o.Item
	t := ev.Unit.Tables[it.Table]
	schema := p.Checklist.Schema.Table(it.Table)
	ev.listed -= len(o.Findings)
	o.Applicable, o.Failed, o.NA, o.Findings, o.omitted = 0, 0, false, nil, nil
	var unknown []string
	for _, h := range t.Unknown {
		unknown = append(unknown, h.Text)
	}
	var cols, hints, hintsEn []string
	for _, f := range g.fields {
		sf := schema.Field(f)
		mc := MissingColumn{Table: it.Table, File: t.File, Sheet: t.Sheet, Field: f, Header: header(schema, f), Unknown: unknown}
		for _, h := range t.Unknown {
			if checklists.Resembles(h.Text, []*checklists.Field{sf}) != nil {
				mc.Guesses = append(mc.Guesses, h.Text)
			}
		}
		o.Missing = append(o.Missing, mc)
		cols = append(cols, mc.Header)
		if len(mc.Guesses) > 0 {
			g := strings.Join(mc.Guesses, "」「")
			hints = append(hints, "「"+g+"」可能是「"+mc.Header+"」")
			hintsEn = append(hintsEn, "「"+g+"」 may be 「"+mc.Header+"」")
		}
	}
	var text msg.Text
	col := strings.Join(cols, "」「")
	switch {
	case len(hints) > 0:
		text = msg.Text{
			Zh: fmt.Sprintf("%s没有「%s」列，指标%s无法评估，按0分计，请补正：%s", t.Sheet, col, it.ID, strings.Join(hints, "；")),
			En: fmt.Sprintf("%s has no column 「%s」: item %s cannot be assessed and scores 0 until corrected; %s", t.Sheet, col, it.ID, strings.Join(hintsEn, "; ")),
		}
	case len(unknown) > 0:
		text = msg.New("%s没有「%s」列，指标%s无法评估，按0分计，请补正（本表未识别的列：「%s」）",
			"%s has no column 「%s」: item %s cannot be assessed and scores 0 until corrected (unknown columns of the sheet: 「%s」)",
			t.Sheet, col, it.ID, strings.Join(unknown, "」「"))
	default:
		text = msg.New("%s没有「%s」列，指标%s无法评估，按0分计，请补正", "%s has no column 「%s」: item %s cannot be assessed and scores 0 until corrected",
			t.Sheet, col, it.ID)
	}
	o.Findings = []Finding{{Item: it.ID, Kind: KindMissingColumn, Table: it.Table, Pos: Pos{File: t.File, Sheet: t.Sheet}, Text: text}}
	return true
}

// NeedsCorrection reports whether some item could not be assessed for want
// of a column (需补正).
func (e *Evaluation) NeedsCorrection() bool {
	for _, o := range e.Outcomes {
		if len(o.Missing) > 0 {
			return true
		}
	}
	return false
}
