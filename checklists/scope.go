package checklists

import (
	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/rules"
)

// RulesScope returns what rules over the tables of s see, with workdays
// counted by cal: each field's schema name and the kind of value its cells
// hold.
func RulesScope(s *Schema, cal *calendar.Calendar) *rules.Scope {
	var tables []rules.Table
	for _, t := range s.Tables {
		rt := rules.Table{Name: t.Name, Fields: make([]rules.Field, len(t.Fields))}
		for i, f := range t.Fields {
			rt.Fields[i] = rules.Field{Name: f.Name, Kind: kind(f.Type)}
		}
		tables = append(tables, rt)
	}
	return rules.NewScope(tables, cal)
}

// kind is what a cell of a field of type t holds, to a rule.
func kind(t FieldType) rules.Kind {
	switch t {
	case Date, DateTime:
		return rules.Time
	case Bool:
		return rules.Bool
	case Number:
		return rules.Number
	case Int:
		return rules.Int
	}
	return rules.Text
}

// Row is one register row as rules see it: field name → value, nil for an
// empty cell (see rules.Row).
type Row = rules.Row
