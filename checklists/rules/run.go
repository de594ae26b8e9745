package rules

import (
	"fmt"
	"time"

	"github.com/expr-lang/expr/vm"
	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
)

// Unit is what a rule sees as `unit`: unit.name, unit.type, unit.pilot,
// and unit.FIELD for every other field of the form table called unit
// (单位信息), those a checklist adds through tables: included — nil when
// the form leaves it empty.
type Unit struct {
	Name  string `expr:"name"`
	Type  string `expr:"type"`
	Pilot bool   `expr:"pilot"`
	// Values holds the form's other fields by name.
	Values Row `expr:"-"`
}

// CountRows is the type of count_rows.
type CountRows = func(table, field string, value any) int

// Base is what every rule of one unit sees besides a row.
type Base struct {
	Unit Unit
	Year int // period_start and period_end are its first and last day
	// AsOf is the day deadlines are judged on (as_of); zero: period_end.
	AsOf time.Time
	Self map[string]float64
	// Rows are the registers' rows by table name for `tables`; nil is fine
	// for rules that do not use tables.
	Rows      map[string][]Row
	CountRows CountRows
}

// Env is the values a rule runs against: a unit's names and, once SetRow
// is called, a row's fields.
type Env struct {
	scope  *Scope
	vars   map[string]any
	fields []Field
	// row is the row SetRow gave. Its fields are copied into vars (what
	// expr's machine reads) and vals (what a rule's native evaluation
	// reads, native.go) as the rules that read them run (load): a register
	// has twenty fields, its rules read a few, and copying every field of
	// every row was a fifth of the evaluation. gen counts SetRow's calls;
	// field i holds row's value when loaded[i] == gen.
	row    Row
	gen    uint32
	loaded []uint32 // in vals
	mapped []uint32 // in vars
	vals   []any
	// dueField is 1 + the index of a field called due, 0 when none.
	dueField int
	args     []any // the arguments of natively evaluated calls
	// dueNil is true while vars holds nil for `due` and no field of the
	// table is called due: SetDue(nil), which the deadline evaluation calls
	// before every row rule, then writes nothing (a map write per rule and
	// row otherwise).
	dueNil bool
}

// Env returns the environment of the unit-level rules of b's unit.
func (s *Scope) Env(b Base) *Env {
	if b.AsOf.IsZero() {
		b.AsOf = time.Date(b.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	vars := map[string]any{
		VarUnit:        s.unitValue(b.Unit),
		VarYear:        b.Year,
		VarPeriodStart: time.Date(b.Year, 1, 1, 0, 0, 0, 0, time.UTC),
		VarPeriodEnd:   time.Date(b.Year, 12, 31, 0, 0, 0, 0, time.UTC),
		VarAsOf:        b.AsOf,
		VarDue:         nil,
		VarSelf:        b.Self,
		VarTables:      s.tablesValue(b.Rows),
		VarCountRows:   b.CountRows,
	}
	return &Env{scope: s, vars: vars, dueNil: true}
}

// Table returns a copy of e for the row rules of table: SetRow puts a
// row's values in it.
func (e *Env) Table(table string) *Env {
	t := e.scope.table(table)
	vars := make(map[string]any, len(e.vars)+len(t.Fields))
	for k, v := range e.vars {
		vars[k] = v
	}
	dueNil, dueField := e.dueNil, 0
	for i, f := range t.Fields {
		if f.Name == VarDue {
			dueNil, dueField = false, i+1
		}
	}
	return &Env{scope: e.scope, vars: vars, fields: t.Fields, vals: make([]any, len(t.Fields)), loaded: make([]uint32, len(t.Fields)),
		mapped: make([]uint32, len(t.Fields)), dueNil: dueNil, dueField: dueField}
}

// SetRow makes r the row the rules see: every field of the table takes its
// value in r, nil when r has none (as a rule reads it: see load).
func (e *Env) SetRow(r Row) {
	if len(e.vals) != len(e.fields) || len(e.loaded) != len(e.fields) || len(e.mapped) != len(e.fields) {
		e.vals, e.loaded, e.mapped = make([]any, len(e.fields)), make([]uint32, len(e.fields)), make([]uint32, len(e.fields))
	}
	if r == nil {
		r = Row{}
	}
	e.row = r
	e.gen++
	if e.gen == 0 { // wrapped: no field may look loaded
		clear(e.loaded)
		clear(e.mapped)
		e.gen = 1
	}
}

// load copies into e.vals (toMap: into e.vars as well, for expr's machine)
// the fields of the current row that p reads, unless they are there
// already. A rule of another table, or one that reads the whole
// environment ($env), gets every field.
func (e *Env) load(p *Program, toMap bool) {
	if e.row == nil {
		return
	}
	if len(e.fields) > 0 && &e.fields[0] == p.first && !p.whole {
		for _, i := range p.slots {
			e.fetch(i, toMap)
		}
		return
	}
	for i := range e.fields {
		e.fetch(i, toMap)
	}
}

// fetch copies field i of the current row into e.vals, and into e.vars
// when toMap.
func (e *Env) fetch(i int, toMap bool) {
	if e.loaded[i] != e.gen {
		e.vals[i] = e.row[e.fields[i].Name]
		e.loaded[i] = e.gen
	}
	if toMap && e.mapped[i] != e.gen {
		e.vars[e.fields[i].Name] = e.vals[i]
		e.mapped[i] = e.gen
	}
}

// Value returns the value of a name in e (a row's field once SetRow is
// called); nil when it has none.
func (e *Env) Value(name string) any {
	if e.row != nil {
		for i, f := range e.fields {
			if f.Name == name {
				e.fetch(i, true)
				break
			}
		}
	}
	return e.vars[name]
}

// SetDue sets what `due` is in the rules that run next (nil: none).
func (e *Env) SetDue(due any) {
	if due == nil && e.dueNil {
		return
	}
	e.vars[VarDue] = due
	e.dueNil = due == nil && e.dueField == 0
	if i := e.dueField - 1; i >= 0 && i < len(e.vals) {
		// A field called due: the rules now see this, not the row's value.
		e.vals[i] = due
		e.loaded[i], e.mapped[i] = e.gen, e.gen
	}
}

// Machine runs rules; it is reused from run to run, so a goroutine keeps
// one. The zero Machine is ready to use.
type Machine struct {
	vm vm.VM
}

// Bool runs a rule that is true or false. It never panics: a panic in the
// rule, or a result that is not a bool, is an error.
func (m *Machine) Bool(p *Program, env *Env) (ok bool, err error) {
	out, err := m.Value(p, env)
	if err != nil {
		return false, err
	}
	b, isBool := out.(bool)
	if !isBool {
		return false, msg.Errorf("结果不是布尔值：%v", "the result is not true or false: %v", out)
	}
	return b, nil
}

// Value runs an expression and returns its value. It never panics: a panic
// in the expression is an error.
func (m *Machine) Value(p *Program, env *Env) (out any, err error) {
	return m.ValueIn(p, env, calendar.Exact)
}

// BoolIn is Bool counting unknown calendar days as mode says.
func (m *Machine) BoolIn(p *Program, env *Env, mode calendar.Mode) (bool, error) {
	out, err := m.ValueIn(p, env, mode)
	if err != nil {
		return false, err
	}
	b, isBool := out.(bool)
	if !isBool {
		return false, msg.Errorf("结果不是布尔值：%v", "the result is not true or false: %v", out)
	}
	return b, nil
}

// ValueIn is Value counting unknown calendar days as mode says (Exact for
// a rule that counts no working days).
func (m *Machine) ValueIn(p *Program, env *Env, mode calendar.Mode) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%v", r)
		}
	}()
	if p.native != nil && (mode == calendar.Exact || p.bounded == nil) {
		env.load(p, false)
		if v, ok := p.native(env); ok {
			return v, nil
		}
	}
	env.load(p, true)
	prog := p.program
	if p.bounded != nil && mode != calendar.Exact {
		prog = p.bounded[mode-calendar.Strictest]
	}
	return m.vm.Run(prog, env.vars)
}
