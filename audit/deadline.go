package audit

import (
	"errors"
	"time"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/rules"
)

// The kinds of rows a deadline leaves undecided: neither counted nor deducted.
const (
	// KindUpcoming is a row that fails its check while its deadline (due)
	// is after as_of: 未到期, listed in the 即将到期 list.
	KindUpcoming = "未到期"
	// KindPending is a row whose verdict depends on days the calendar does
	// not know (a year without the State Council's notice, a year a regional
	// overlay lacks): 待定, until that calendar is loaded.
	KindPending = "待定"
)

// Deferred is a row an item could not yet judge: not yet due (Kind
// KindUpcoming) or undecidable by the calendar (KindPending). It is never
// counted as applicable or failing.
type Deferred struct {
	Finding
	// Due is the row's deadline; for a pending row the earliest it can be
	// (every unknown day a working day); zero when the item has no due.
	Due time.Time
	// Year is, for a pending row, the year the calendar lacks; Overlay the
	// regional calendar that lacks it ("" for the national one).
	Year    int
	Overlay string
}

// rowVerdict is what a row rule makes of one row.
type rowVerdict int

const (
	outOfScope rowVerdict = iota // where is false
	passes
	notYetDue // fails before its due date
	fails
)

// judge runs a row rule on the row in env, counting unknown calendar days
// as mode says. whereErr tells an error of where from one of due or check.
func judge(machine *rules.Machine, it *checklists.Item, env *rules.Env, asOf time.Time, mode calendar.Mode) (v rowVerdict, due any, whereErr bool, err error) {
	env.SetDue(nil)
	if it.Where != nil {
		ok, err := machine.BoolIn(it.Where.Program, env, mode)
		if err != nil {
			return fails, nil, true, err
		}
		if !ok {
			return outOfScope, nil, false, nil
		}
	}
	if it.Check == nil {
		return passes, nil, false, nil
	}
	if it.Due != nil {
		d, err := machine.ValueIn(it.Due.Program, env, mode)
		switch {
		case errors.Is(err, rules.ErrNilDate):
			d = nil // no date to count from: the check says what is missing
		case err != nil:
			return fails, nil, false, err
		}
		if _, ok := d.(time.Time); ok {
			due = d // already boxed: no new allocation per row
		}
		env.SetDue(due)
	}
	ok, err := machine.BoolIn(it.Check.Program, env, mode)
	if err != nil {
		return fails, due, false, err
	}
	if ok {
		return passes, due, false, nil
	}
	if t, ok := due.(time.Time); ok && t.After(asOf) && !recordedLate(it, env, t) {
		return notYetDue, due, false, nil
	}
	return fails, due, false, nil
}

// recordedLate reports whether a date the check reads is already after the
// row's deadline: a reply recorded on 01-10 against a deadline of 01-02 is
// late whatever day the audit looks, so it is not "not yet due".
func recordedLate(it *checklists.Item, env *rules.Env, due time.Time) bool {
	dueDay := due.Truncate(24 * time.Hour)
	for _, f := range it.Check.Fields {
		if t, ok := env.Value(f).(time.Time); ok && t.Truncate(24*time.Hour).After(dueDay) {
			return true
		}
	}
	return false
}

// bounded decides a row the exact calendar could not (gap is the missing
// year's error): when the strictest and the mildest reading of the unknown
// days agree, that is the verdict; otherwise the row is pending.
func bounded(machine *rules.Machine, it *checklists.Item, env *rules.Env, asOf time.Time) (v rowVerdict, due any, pending bool, err error) {
	vs, dueS, _, errS := judge(machine, it, env, asOf, calendar.Strictest)
	vm, _, _, errM := judge(machine, it, env, asOf, calendar.Mildest)
	if errS != nil {
		return fails, nil, false, errS
	}
	if errM != nil {
		return fails, nil, false, errM
	}
	if vs == vm {
		return vs, dueS, false, nil
	}
	return vs, dueS, true, nil
}

// usesCalendar reports whether a row rule counts working days anywhere.
func usesCalendar(it *checklists.Item) bool {
	for _, e := range []*checklists.Expr{it.Where, it.Due, it.Check} {
		if e != nil && e.Program.Bounded() {
			return true
		}
	}
	return false
}

// deferRow lists row r under o as upcoming or pending.
func (p *Plan) deferRow(o *Outcome, t *Table, r *Row, kind string, due any, gapErr error) {
	it := o.Item
	d := Deferred{Finding: Finding{Item: it.ID, Kind: kind, Public: it.Public, Table: it.Table, Pos: t.Pos(r, "")}}
	p.attach(&d.Finding, t, r)
	if tm, ok := due.(time.Time); ok {
		d.Due = tm
	}
	lbl := label(it)
	switch kind {
	case KindUpcoming:
		if year, _, gap := calendar.Gap(gapErr); gap {
			// Decided over a year the calendar lacks: Due is the earliest the deadline can be.
			d.Text = msg.New("%s：期限不早于%s（取决于%d年的放假安排），未到；届时仍未办结的将计为「%s」",
				"%s: due no earlier than %s (it depends on the holidays of %d), not yet passed; if still not done by then it counts as %q",
				it.Title, d.Due.Format(time.DateOnly), year, lbl)
		} else {
			d.Text = msg.New("%s：期限%s未到，届时仍未办结的将计为「%s」", "%s: due %s, not yet passed; if still not done by then it counts as %q",
				it.Title, d.Due.Format(time.DateOnly), lbl)
		}
		o.Upcoming = append(o.Upcoming, d)
	default:
		year, overlay, _ := calendar.Gap(gapErr)
		d.Year, d.Overlay = year, overlay
		var l msg.Localized = &calendar.YearError{Year: year}
		if overlay != "" {
			l = &calendar.OverlayError{Name: overlay, Year: year}
		}
		why := msg.Text{Zh: l.In(msg.ZH), En: l.In(msg.EN)}
		if d.Due.IsZero() {
			d.Text = msg.Both("%s：待定，结论取决于%d年的放假安排（%s）", []any{it.Title, year, why.Zh},
				"%s: undecided, the verdict depends on the holidays of %d (%s)", []any{it.Title, year, why.En})
		} else {
			d.Text = msg.Both("%s：待定，期限不早于%s，结论取决于%d年的放假安排（%s）", []any{it.Title, d.Due.Format(time.DateOnly), year, why.Zh},
				"%s: undecided, due no earlier than %s; the verdict depends on the holidays of %d (%s)", []any{it.Title, d.Due.Format(time.DateOnly), year, why.En})
		}
		o.Pending = append(o.Pending, d)
	}
}
