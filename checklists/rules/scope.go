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
	return s
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
		VarUnit:        Unit{},
		VarYear:        0,
		VarPeriodStart: time.Time{},
		VarPeriodEnd:   time.Time{},
		VarTables:      reflect.New(s.tablesType).Elem().Interface(),
		VarSelf:        map[string]float64{},
		VarCountRows:   CountRows(func(string, string, any) int { return 0 }),
	}
	for _, f := range s.table(table).Fields {
		env[f.Name] = zero(f.Kind)
	}
	return env
}
