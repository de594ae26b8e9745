package rules

import (
	"errors"
	"time"

	"github.com/expr-lang/expr/ast"
)

// Measure is a comparison in a rule between the time elapsed from one field
// to another and a limit, like `workdays(issued_on, published_on) <= 5`:
// what a clerk needs to read when the row fails is how long it took and
// what the limit was.
type Measure struct {
	Func string // FuncWorkdays, FuncDays or FuncHours
	From string // the fields it counts from and to
	To   string
	Op   string // the comparison, with the count on the left: <, <=, >, >=, == or !=
	// limit is the other side of the comparison.
	limit *Program
	scope *Scope
}

// comparisons maps an operator to its mirror, for a count on the right.
var comparisons = map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}

// Measures finds the elapsed-time comparisons of a row rule, in the order
// they appear, with their limits compiled.
func (p *Program) Measures() []Measure {
	var out []Measure
	node := p.program.Node()
	ast.Walk(&node, visitFunc(func(n ast.Node) {
		b, ok := n.(*ast.BinaryNode)
		if !ok {
			return
		}
		op, ok := comparisons[b.Operator]
		if !ok {
			return
		}
		call, other := b.Left, b.Right
		m, ok := elapsedCall(call)
		if ok {
			m.Op = b.Operator
		} else if m, ok = elapsedCall(other); ok {
			m.Op = op
			other = call
		} else {
			return
		}
		lim, err := p.scope.CompileValue(other.String(), p.table)
		if err == nil {
			m.limit, m.scope = lim, p.scope
			out = append(out, m)
		}
	}))
	return out
}

// elapsedCall recognises workdays(a, b), days(a, b) and hours(a, b) of two fields.
func elapsedCall(n ast.Node) (Measure, bool) {
	c, ok := n.(*ast.CallNode)
	if !ok || len(c.Arguments) != 2 {
		return Measure{}, false
	}
	callee, ok := c.Callee.(*ast.IdentifierNode)
	if !ok || (callee.Value != FuncWorkdays && callee.Value != FuncDays && callee.Value != FuncHours) {
		return Measure{}, false
	}
	a, ok1 := c.Arguments[0].(*ast.IdentifierNode)
	b, ok2 := c.Arguments[1].(*ast.IdentifierNode)
	if !ok1 || !ok2 {
		return Measure{}, false
	}
	return Measure{Func: callee.Value, From: a.Value, To: b.Value}, true
}

// errNotTimes is Elapsed on a row whose From or To is not a time.
var errNotTimes = errors.New("not two times")

// Elapsed counts, on row r, what the rule counted: the workdays, days or
// hours from r[From] to r[To], with the very function the rule ran.
func (m Measure) Elapsed(r Row) (float64, error) {
	a, ok1 := r[m.From].(time.Time)
	b, ok2 := r[m.To].(time.Time)
	if !ok1 || !ok2 {
		return 0, errNotTimes
	}
	v, err := m.scope.elapsed(m.Func, a, b)
	if err != nil {
		return 0, err
	}
	switch n := v.(type) {
	case int:
		return float64(n), nil
	case float64:
		return n, nil
	}
	return 0, errNotTimes
}

// Limit evaluates the other side of the comparison on row r, which sees
// only the row's fields; false when it cannot be evaluated there or is not
// a number.
func (m Measure) Limit(r Row) (float64, bool) {
	env := &Env{scope: m.scope, vars: map[string]any{}, fields: m.scope.table(m.limit.table).Fields}
	env.SetRow(r)
	var machine Machine
	out, err := machine.Value(m.limit, env)
	if err != nil {
		return 0, false
	}
	switch v := out.(type) {
	case int:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}
