package rules

import (
	"github.com/expr-lang/expr/builtin"
)

// The names every rule may use besides a row's fields.
const (
	VarUnit        = "unit"
	VarYear        = "year"
	VarPeriodStart = "period_start"
	VarPeriodEnd   = "period_end"
	// VarAsOf is the day the audit judges deadlines on (--as-of; by
	// default the earlier of today and period_end).
	VarAsOf = "as_of"
	// VarDue is, in a check, the row's deadline computed by the item's
	// due: expression (nil when the item has none or the row gives none).
	VarDue    = "due"
	VarTables = "tables"
	VarSelf   = "self"
	// VarCountRows is count_rows(table, field, value): how many rows of a
	// register have that value in that field — what
	// len(filter(tables.T, .field == value)) says, from an index built once
	// per unit. Compile rewrites that pattern (and count(tables.T, .f == x))
	// into count_rows itself, so a cross-table rule costs O(1) per row
	// instead of a walk of the other register; rules may also call it.
	VarCountRows = "count_rows"
)

// The functions rules may call, bound to the scope's calendar.
const (
	FuncWorkdays = "workdays" // workdays(a, b): working days after a up to b
	FuncDays     = "days"     // days(a, b): calendar days from a's date to b's
	FuncHours    = "hours"    // hours(a, b): hours from a to b
	FuncDate     = "date"     // date("YYYY-MM-DD")
	// FuncNormTitle is norm_title(s): s without spaces, punctuation and
	// width differences (NormTitle).
	FuncNormTitle = "norm_title"
	// FuncSimilar is similar(a, b): how alike two titles are, 0…1 (Similar).
	FuncSimilar = "similar"
	// FuncMatch is match(rows, doc_no, title): the row of rows that is the
	// same document, by 文号 or else by title, or nil (Match).
	FuncMatch = "match"
	// FuncAddWorkdays is add_workdays(d, n): the date n working days after
	// d (d not counted, as workdays counts).
	FuncAddWorkdays = "add_workdays"
	FuncIsWorkday   = "is_workday" // is_workday(d): whether d is a working day
	// FuncRequestDue is request_due(received, correction_requested,
	// corrected, consulted_from, consulted_to, extended, extension_notified,
	// agreed_due): a request's reply deadline by the Regulations' clock
	// (calendar.Calendar.RequestDue); empty dates may be nil.
	FuncRequestDue = "request_due"
)

// globals is the one list of names in scope besides a table's fields, in
// the order a spelling hint prefers them.
func globals() []string {
	return []string{VarUnit, VarYear, VarPeriodStart, VarPeriodEnd, VarAsOf, VarDue, VarTables, VarSelf, VarCountRows,
		FuncWorkdays, FuncDays, FuncHours, FuncDate, FuncAddWorkdays, FuncIsWorkday, FuncRequestDue, FuncNormTitle, FuncSimilar, FuncMatch}
}

// Names lists every name a rule of table may use ("" for a unit-level
// rule): the variables, the functions, then the table's fields.
func (s *Scope) Names(table string) []string {
	names := globals()
	for _, f := range s.table(table).Fields {
		names = append(names, f.Name)
	}
	return names
}

// Reserved reports whether a field may not be called name: it is already a
// variable, a function, a builtin or a keyword of the language.
func Reserved(name string) bool {
	for _, g := range globals() {
		if name == g {
			return true
		}
	}
	switch name {
	case "nil", "true", "false", "not", "and", "or", "in", "matches", "contains", "startsWith", "endsWith", "let":
		return true
	}
	_, ok := builtin.Index[name]
	return ok
}
