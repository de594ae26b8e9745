// Package rules is the expression language of checklist rules (applies,
// where, check): the names in scope, compiling with zwgk's rewrites, the
// limits a rule must keep, running a rule without ever crashing, and the
// deadline analysis that lets a failing row be explained in a clerk's words.
//
// The names in scope are one list (Scope.Names): unit, year, period_start,
// period_end, tables, self, count_rows, the functions workdays, days, hours
// and date, and the fields of the table a row rule runs over. workdays,
// days and hours are implemented once (Days, the calendar's Workdays) and
// used both by a running rule and by Measure.Elapsed, so an explanation
// such as 「印发后第8个工作日公开，超过5个工作日」 always states the number the
// rule judged.
//
// Compile rewrites a rule before it runs: an empty boolean cell reads as
// false unless compared with nil; a comparison with an empty cell is false
// (!= is true) instead of a run-time error; len(filter(tables.T, .f == x))
// and count(tables.T, .f == x) become count_rows("T", "f", x), answered
// from an index. It refuses a list walked inside the predicate of another
// walk (it runs per row, so it would cost rows³), and reports unknown names
// that the compiler misses inside function calls. Errors are *Error values
// with a rune offset into the source, so the checklist loader can place
// them in its file and say them in both languages.
//
// The cut with package checklists: checklists owns the format (the YAML, the
// workbook schema, FieldType, the calendar files) and imports rules; rules
// imports only checklists/calendar. A checklist's schema reaches rules as
// plain data, []Table of fields with a Kind, turned into a Scope once per
// checklist (checklists.Checklist.Rules); package audit builds a unit's Env
// from a Base and runs Programs on a Machine, and never sees expr itself.
package rules
