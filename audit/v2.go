package audit

import (
	"math/big"
	"slices"
	"strconv"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/rules"
)

// Gate runs the gate of a bonus item (an applies that reads computed
// scores, zwgk.checklist/v2) with scores in `score`.
func (e *Evaluation) Gate(it *checklists.Item, scores map[string]float64) (bool, error) {
	if it.Gate == nil {
		return true, nil
	}
	if e.gate == nil {
		return false, msg.Errorf("指标%s的门槛无法计算", "the gate of item %s cannot be run", it.ID)
	}
	return e.gate(it, scores)
}

// applyDefaults fills the empty cells of fields that have a default in the
// checklist's tables; a cell that could not be read keeps its error.
func applyDefaults(c *checklists.Checklist, u *Unit) {
	for name, t := range u.Tables {
		st := c.Schema.Table(name)
		if st == nil || len(st.Defaults) == 0 {
			continue
		}
		fields := make([]string, 0, len(st.Defaults))
		for f := range st.Defaults {
			fields = append(fields, f)
		}
		slices.Sort(fields)
		for _, r := range t.Rows {
			for _, f := range fields {
				if v, ok := r.Values[f]; (ok && v != nil) || slices.Contains(r.Bad, f) || slices.Contains(r.Defaulted, f) {
					continue
				}
				if r.Values == nil {
					r.Values = checklists.Row{}
				}
				r.Values[f] = st.Defaults[f]
				r.Defaulted = append(r.Defaulted, f)
			}
		}
	}
}

// per is what one row (or the unit, for a unit-level rule) deducts or
// earns: the item's per, or its per expression run on the row.
func (p *Plan) per(machine *rules.Machine, it *checklists.Item, env *rules.Env) (*big.Rat, error) {
	if it.PerExpr == nil {
		if it.Per == nil {
			return big.NewRat(1, 1), nil
		}
		return it.Per, nil
	}
	v, err := machine.Value(it.PerExpr.Program, env)
	if err != nil {
		return nil, err
	}
	var r *big.Rat
	switch x := v.(type) {
	case int:
		r = big.NewRat(int64(x), 1)
	case float64:
		// The decimal the number prints as: 0.1 is 1/10, not the binary
		// fraction nearest to it.
		r, _ = new(big.Rat).SetString(strconv.FormatFloat(x, 'f', -1, 64))
	}
	if r == nil || r.Sign() < 0 {
		return nil, msg.Errorf("per「%s」的值应为不小于0的数，不是「%v」", "per %q should be a number of at least 0, not %v", it.PerExpr.Source, v)
	}
	return r, nil
}

// deduct adds what a failing row deducts to o.Deducted, and notes it on
// the row's finding (the first from index nf), so that a dismissed finding
// gives it back. A per that cannot be computed is a rule error on the row,
// shown and not deducted.
func (p *Plan) deduct(machine *rules.Machine, o *Outcome, nf int, pos Pos, env *rules.Env) {
	if o.Deducted == nil || o.Item.Method.Info().Vetoes || o.Item.Method.Info().OnTop {
		return
	}
	amount, err := p.per(machine, o.Item, env)
	if err != nil {
		o.Findings = append(o.Findings, ruleError(o.Item, pos, err))
		return
	}
	o.Deducted.Add(o.Deducted, amount)
	if nf < len(o.Findings) {
		o.Findings[nf].Amount = amount
	}
}

// earn adds what a passing row of a bonus item earns to o.Earned.
func (p *Plan) earn(machine *rules.Machine, o *Outcome, pos Pos, env *rules.Env) {
	if o.Earned == nil || !o.Item.Method.Info().OnTop {
		return
	}
	amount, err := p.per(machine, o.Item, env)
	if err != nil {
		o.Findings = append(o.Findings, ruleError(o.Item, pos, err))
		return
	}
	o.Earned.Add(o.Earned, amount)
}

// mergePool makes a pool item's outcome the sum of its rules' outcomes:
// counts, amounts, findings (each naming its rule) and missing columns.
// The item is not applicable when none of its rules is.
func mergePool(o *Outcome) {
	allNA := true
	for _, sub := range o.Rules {
		o.Applicable += sub.Applicable
		o.Failed += sub.Failed
		if sub.Deducted != nil && o.Deducted != nil {
			o.Deducted.Add(o.Deducted, sub.Deducted)
			o.Earned.Add(o.Earned, sub.Earned)
		}
		for _, f := range sub.Findings {
			f.Rule = sub.Item.RuleLabel
			o.Findings = append(o.Findings, f)
		}
		o.Missing = append(o.Missing, sub.Missing...)
		o.Upcoming = append(o.Upcoming, sub.Upcoming...)
		o.Pending = append(o.Pending, sub.Pending...)
		for _, om := range sub.omitted {
			o.omitted = addOmissions(o.omitted, om)
		}
		sub.omitted = nil
		if !sub.NA {
			allNA = false
		}
	}
	if allNA && len(o.Missing) == 0 {
		o.NA = true
		o.NAReason = msg.New("不适用（各条规则均无符合条件的记录）", "not applicable (no rule of the pool had matching rows)")
	}
}
