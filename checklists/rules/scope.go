package rules

import (
	"fmt"
	"reflect"
	"time"

	"github.com/zwgk/zwgk/checklists/calendar"
)

// Kind is what a field's value is to a rule.
type Kind int

// The kinds of values a row holds: an empty cell is nil whatever its kind.
const (
	Text   Kind = iota // string: text and enum columns
	Time               // time.Time: date and date-time columns
	Bool               // bool
	Number             // float64
	Int                // int
)

// Field is one column of a register as rules see it.
type Field struct {
	Name string
	Kind Kind
}

// Table is one register as rules see it: its schema name (tables.NAME) and
// its fields (the names a row rule over it reads).
type Table struct {
	Name   string
	Fields []Field
}

// Row is one register row as rules see it: field name → value, nil for an
// empty cell; dates are time.Time, booleans bool, numbers float64, ints int,
// text and enums string.
type Row = map[string]any

// Scope is what the rules of one checklist are compiled and run against:
// the registers with their fields and the working-day calendar that
// workdays counts with. It is safe for concurrent use.
type Scope struct {
	tables     []Table
	tablesType reflect.Type
	unitType   reflect.Type // Unit's fields, then one per extra field of the unit table
	unitExtra  []string     // the extra fields, in the order of unitType's fields after Unit's
	cal        *calendar.Calendar
}

// NewScope returns the scope of rules over tables, with workdays counted
// by cal (nil: workdays fails when a rule runs it).
func NewScope(tables []Table, cal *calendar.Calendar) *Scope {
	s := &Scope{tables: tables, cal: cal}
	var fields []reflect.StructField
	for i, t := range tables {
		fields = append(fields, reflect.StructField{
			Name: fmt.Sprintf("T%d", i),
			Type: reflect.TypeFor[[]Row](),
			Tag:  reflect.StructTag(fmt.Sprintf(`expr:"%s"`, t.Name)),
		})
	}
	// `tables` is a struct with one field per table, each a list of rows, so
	// a misspelt table name is a compile error.
	s.tablesType = reflect.StructOf(fields)
	s.unitType, s.unitExtra = unitType(s.table(VarUnit))
	return s
}

// unitType is the type of `unit`: the fields of Unit, then one of any type
// for each field of the unit table that Unit does not have.
func unitType(t Table) (reflect.Type, []string) {
	base := reflect.TypeFor[Unit]()
	var fields []reflect.StructField
	have := map[string]bool{}
	for i := range base.NumField() {
		f := base.Field(i)
		if tag := f.Tag.Get("expr"); tag != "-" {
			fields = append(fields, f)
			have[tag] = true
		}
	}
	var extra []string
	for i, f := range t.Fields {
		if have[f.Name] {
			continue
		}
		extra = append(extra, f.Name)
		fields = append(fields, reflect.StructField{
			Name: fmt.Sprintf("F%d", i),
			Type: reflect.TypeFor[any](),
			Tag:  reflect.StructTag(fmt.Sprintf(`expr:"%s"`, f.Name)),
		})
	}
	return reflect.StructOf(fields), extra
}

// unitValue builds the value of `unit` from u.
func (s *Scope) unitValue(u Unit) any {
	v := reflect.New(s.unitType).Elem()
	v.Field(0).SetString(u.Name)
	v.Field(1).SetString(u.Type)
	v.Field(2).SetBool(u.Pilot)
	for i, name := range s.unitExtra {
		if x, ok := u.Values[name]; ok && x != nil {
			v.Field(3 + i).Set(reflect.ValueOf(x))
		}
	}
	return v.Interface()
}

// table returns the table called name, or an empty one.
func (s *Scope) table(name string) Table {
	for _, t := range s.tables {
		if t.Name == name {
			return t
		}
	}
	return Table{}
}

// tablesValue builds the value of `tables` from rows by table name.
func (s *Scope) tablesValue(rows map[string][]Row) any {
	v := reflect.New(s.tablesType).Elem()
	for i, t := range s.tables {
		if r, ok := rows[t.Name]; ok {
			v.Field(i).Set(reflect.ValueOf(r))
		}
	}
	return v.Interface()
}

// zero returns the typed zero value that tells the compiler the type of a
// field of kind k.
func zero(k Kind) any {
	switch k {
	case Time:
		return time.Time{}
	case Bool:
		return false
	case Number:
		return float64(0)
	case Int:
		return 0
	}
	return ""
}

// typeEnv is the environment used only for type checking: every name in
// scope of a rule over table with a typed zero value.
func (s *Scope) typeEnv(table string) map[string]any {
	env := map[string]any{
		VarUnit:        reflect.New(s.unitType).Elem().Interface(),
		VarYear:        0,
		VarPeriodStart: time.Time{},
		VarPeriodEnd:   time.Time{},
		VarAsOf:        time.Time{},
		VarDue:         time.Time{},
		VarTables:      reflect.New(s.tablesType).Elem().Interface(),
		VarSelf:        map[string]float64{},
		VarCountRows:   CountRows(func(string, string, any) int { return 0 }),
	}
	for _, f := range s.table(table).Fields {
		env[f.Name] = zero(f.Kind)
	}
	return env
}
