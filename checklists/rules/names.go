package rules

import (
	"strings"

	"github.com/expr-lang/expr/builtin"
)

// The names every rule may use besides a row's fields.
const (
	VarUnit        = "unit"
	VarYear        = "year"
	VarPeriodStart = "period_start"
	VarPeriodEnd   = "period_end"
	VarTables      = "tables"
	VarSelf        = "self"
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
)

// globals is the one list of names in scope besides a table's fields, in
// the order a spelling hint prefers them.
func globals() []string {
	return []string{VarUnit, VarYear, VarPeriodStart, VarPeriodEnd, VarTables, VarSelf, VarCountRows,
		FuncWorkdays, FuncDays, FuncHours, FuncDate}
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

// Closest returns the candidate nearest to s by edit distance, ignoring
// case, or "" when none is near enough to be a likely typo: one edit per
// three characters, at most three. It is the "did you mean" of an unknown
// name in a rule, and of an unknown key or value in a checklist.
func Closest(s string, candidates []string) string {
	best, bestD := "", -1
	for _, c := range candidates {
		d := distance(strings.ToLower(s), strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	limit := min(3, len([]rune(s))/3)
	if bestD < 0 || bestD > limit {
		return ""
	}
	return best
}

// distance is the optimal string alignment distance between a and b:
// insertions, deletions, substitutions and swaps of neighbours cost 1.
func distance(a, b string) int {
	x, y := []rune(a), []rune(b)
	if len(x) > 64 || len(y) > 64 {
		return max(len(x), len(y))
	}
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}
