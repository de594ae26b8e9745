package checklists

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"
	"github.com/zwgk/zwgk/checklists/calendar"
)

// UnitEnv is what an expression sees as `unit`.
type UnitEnv struct {
	Name  string `expr:"name"`
	Type  string `expr:"type"`
	Pilot bool   `expr:"pilot"`
}

// Row is one register row as expressions see it: field name → value, nil for
// an empty cell; dates are time.Time, booleans bool, numbers float64, ints
// int, text and enums string.
type Row = map[string]any

// The names every expression may use besides a row's fields.
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
	// per unit. zwgk rewrites that pattern (and count(tables.T, .f == x))
	// into count_rows itself, so a cross-table rule costs O(1) per row
	// instead of a walk of the other register; rules may also call it.
	VarCountRows = "count_rows"
)

// CountRows is the type of count_rows.
type CountRows = func(table, field string, value any) int

// zero returns the typed zero value an environment uses to tell the
// expression compiler the type of a field.
func zero(t FieldType) any {
	switch t {
	case Date, DateTime:
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

// TablesType returns the struct type of `tables`: one field per table, each a
// list of rows, so a misspelt table name is a compile error.
func (s *Schema) TablesType() reflect.Type {
	var fields []reflect.StructField
	for i, t := range s.Tables {
		fields = append(fields, reflect.StructField{
			Name: fmt.Sprintf("T%d", i),
			Type: reflect.TypeFor[[]Row](),
			Tag:  reflect.StructTag(fmt.Sprintf(`expr:"%s"`, t.Name)),
		})
	}
	return reflect.StructOf(fields)
}

// TablesValue builds the value of `tables` from rows by table name.
func (s *Schema) TablesValue(typ reflect.Type, rows map[string][]Row) any {
	v := reflect.New(typ).Elem()
	for i, t := range s.Tables {
		if r, ok := rows[t.Name]; ok {
			v.Field(i).Set(reflect.ValueOf(r))
		}
	}
	return v.Interface()
}

// typeEnv is the environment used only for type checking: every name with a
// typed zero value.
func (s *Schema) typeEnv(table string, tablesType reflect.Type) map[string]any {
	env := map[string]any{
		VarUnit:        UnitEnv{},
		VarYear:        0,
		VarPeriodStart: time.Time{},
		VarPeriodEnd:   time.Time{},
		VarTables:      reflect.New(tablesType).Elem().Interface(),
		VarSelf:        map[string]float64{},
		VarCountRows:   CountRows(func(string, string, any) int { return 0 }),
	}
	if t := s.Table(table); t != nil {
		for _, f := range t.Fields {
			env[f.Name] = zero(f.Type)
		}
	}
	return env
}

// Funcs are the functions expressions may call, bound to a calendar.
func Funcs(cal *calendar.Calendar) []expr.Option {
	return []expr.Option{
		expr.Function("workdays", func(p ...any) (any, error) {
			a, b, err := twoTimes("workdays", p)
			if err != nil {
				return nil, err
			}
			if cal == nil {
				return nil, errors.New("没有可用的工作日历")
			}
			return cal.Workdays(a, b)
		}, new(func(time.Time, time.Time) int)),
		expr.Function("days", func(p ...any) (any, error) {
			a, b, err := twoTimes("days", p)
			if err != nil {
				return nil, err
			}
			return days(a, b), nil
		}, new(func(time.Time, time.Time) int)),
		expr.Function("hours", func(p ...any) (any, error) {
			a, b, err := twoTimes("hours", p)
			if err != nil {
				return nil, err
			}
			return b.Sub(a).Hours(), nil
		}, new(func(time.Time, time.Time) float64)),
		expr.Function("date", func(p ...any) (any, error) {
			s, _ := p[0].(string)
			t, err := time.Parse("2006-01-02", s)
			if err != nil {
				return nil, fmt.Errorf("date(%q): 日期应写成 YYYY-MM-DD", s)
			}
			return t, nil
		}, new(func(string) time.Time)),
	}
}

// days counts calendar days from a to b by their dates.
func days(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

// ErrNilDate is returned by a date function given an empty value.
var ErrNilDate = errors.New("日期为空")

func twoTimes(name string, p []any) (time.Time, time.Time, error) {
	a, ok1 := p[0].(time.Time)
	b, ok2 := p[1].(time.Time)
	if p[0] == nil || p[1] == nil {
		return a, b, fmt.Errorf("%s: %w", name, ErrNilDate)
	}
	if !ok1 || !ok2 {
		return a, b, fmt.Errorf("%s: 参数应为日期", name)
	}
	return a, b, nil
}

// compiled is the result of compiling one expression.
type compiled struct {
	program *vm.Program
	fields  []string
}

// compileExpr compiles a boolean expression for rows of table (or a
// unit-level expression when table is ""). Bool fields read as false when
// empty, except where compared with nil, so `policy && affects_rights` never
// fails on a blank cell; the fields it reads are returned.
func compileExpr(src string, s *Schema, table string, tablesType reflect.Type, cal *calendar.Calendar) (compiled, error) {
	return compileAs(src, s, table, tablesType, cal, true)
}

// CompileValue compiles an expression of any type for rows of table, with
// the same environment and blank-boolean handling as a check; zwgk uses it to
// evaluate part of a check (a deadline) when it explains a failing row.
func CompileValue(src string, s *Schema, table string, cal *calendar.Calendar) (*vm.Program, error) {
	c, err := compileAs(src, s, table, s.TablesType(), cal, false)
	return c.program, err
}

func compileAs(src string, s *Schema, table string, tablesType reflect.Type, cal *calendar.Calendar, asBool bool) (compiled, error) {
	var boolFields []string
	fieldSet := map[string]bool{}
	if t := s.Table(table); t != nil {
		for _, f := range t.Fields {
			fieldSet[f.Name] = true
			if f.Type == Bool {
				boolFields = append(boolFields, f.Name)
			}
		}
	}
	p := &boolPatcher{bools: boolFields, fields: fieldSet, exempt: map[*ast.IdentifierNode]bool{}, used: map[string]bool{}}
	opts := []expr.Option{
		expr.Env(s.typeEnv(table, tablesType)),
		expr.DisableBuiltin("now"),
		expr.MaxNodes(2000),
		expr.Patch(countPatcher{fields: fieldSet}),
		expr.Patch(p),
	}
	if asBool {
		opts = append(opts, expr.AsBool())
	}
	opts = append(opts, Funcs(cal)...)
	prog, err := expr.Compile(patchRoot(src, s, table), opts...)
	if err != nil {
		return compiled{}, err
	}
	if nestedLoops(prog.Node()) {
		return compiled{}, errNestedLoops
	}
	if err := unknownName(prog.Node(), s.typeEnv(table, tablesType)); err != nil {
		return compiled{}, err
	}
	used := make([]string, 0, len(p.used))
	for f := range p.used {
		used = append(used, f)
	}
	slices.Sort(used)
	return compiled{program: prog, fields: used}, nil
}

// errNestedLoops refuses a rule that walks a list inside a walk of a list:
// it runs per row, so over a register it would cost rows³, and a hostile
// checklist could hang the audit with it. expr's memory budget already bounds
// ranges and allocations; this bounds the work a rule does per row.
var errNestedLoops = errors.New("表达式中不能在遍历列表（filter、any、count 等）的条件里再遍历列表：逐行运行时工作量过大 (a list may not be walked inside the predicate of another walk)")

// nestedLoops reports whether a predicate builtin (filter, map, any, all,
// count, …) appears inside the predicate of another.
func nestedLoops(root ast.Node) bool {
	nested := false
	ast.Walk(&root, visitFunc(func(n ast.Node) {
		b, ok := n.(*ast.BuiltinNode)
		if !ok {
			return
		}
		for _, arg := range b.Arguments {
			pred, ok := arg.(*ast.PredicateNode)
			if !ok {
				continue
			}
			body := pred.Node
			ast.Walk(&body, visitFunc(func(m ast.Node) {
				if inner, ok := m.(*ast.BuiltinNode); ok {
					for _, a := range inner.Arguments {
						if _, ok := a.(*ast.PredicateNode); ok {
							nested = true
						}
					}
				}
			}))
		}
	}))
	return nested
}

// unknownName finds an identifier that is neither in env, nor a function,
// nor a let variable. expr reports those itself, except inside the
// arguments of a function call once a patcher has run (it type-checks twice
// and the first pass caches a type on the unknown name), which is exactly
// where `workdays(issued_on, publshed_on)` puts a typo.
func unknownName(root ast.Node, env map[string]any) error {
	callees := map[*ast.IdentifierNode]bool{}
	lets := map[string]bool{}
	ast.Walk(&root, visitFunc(func(n ast.Node) {
		switch n := n.(type) {
		case *ast.CallNode:
			if id, ok := n.Callee.(*ast.IdentifierNode); ok {
				callees[id] = true
			}
		case *ast.VariableDeclaratorNode:
			lets[n.Name] = true
		}
	}))
	var bad *ast.IdentifierNode
	ast.Walk(&root, visitFunc(func(n ast.Node) {
		id, ok := n.(*ast.IdentifierNode)
		if !ok || bad != nil || callees[id] || lets[id.Value] {
			return
		}
		if _, ok := env[id.Value]; !ok {
			bad = id
		}
	}))
	if bad == nil {
		return nil
	}
	return &file.Error{Location: bad.Location(), Message: fmt.Sprintf("unknown name %s", bad.Value)}
}

type visitFunc func(ast.Node)

func (f visitFunc) Visit(n *ast.Node) { f(*n) }

// countPatcher rewrites len(filter(tables.T, .f == x)) and
// count(tables.T, .f == x), where x is a field of the row, into
// count_rows("T", "f", x). Both count the rows of T whose f equals x, and an
// empty x matches nothing (the comparison guard makes `x != nil` part of the
// predicate); count_rows answers from an index instead of walking T.
type countPatcher struct {
	fields map[string]bool
}

// Visit implements ast.Visitor.
func (c countPatcher) Visit(node *ast.Node) {
	b, ok := (*node).(*ast.BuiltinNode)
	if !ok {
		return
	}
	var walk *ast.BuiltinNode
	switch {
	case b.Name == "len" && len(b.Arguments) == 1:
		if f, ok := b.Arguments[0].(*ast.BuiltinNode); ok && f.Name == "filter" {
			walk = f
		}
	case b.Name == "count":
		walk = b
	}
	if walk == nil || len(walk.Arguments) != 2 {
		return
	}
	list, ok := walk.Arguments[0].(*ast.MemberNode)
	if !ok {
		return
	}
	tables, ok1 := list.Node.(*ast.IdentifierNode)
	table, ok2 := list.Property.(*ast.StringNode)
	pred, ok3 := walk.Arguments[1].(*ast.PredicateNode)
	if !ok1 || !ok2 || !ok3 || tables.Value != VarTables || list.Optional {
		return
	}
	eq, ok := pred.Node.(*ast.BinaryNode)
	if !ok || eq.Operator != "==" {
		return
	}
	member, value := eq.Left, eq.Right
	if _, ok := member.(*ast.MemberNode); !ok {
		member, value = value, member
	}
	m, ok := member.(*ast.MemberNode)
	if !ok {
		return
	}
	_, isPointer := m.Node.(*ast.PointerNode)
	field, isName := m.Property.(*ast.StringNode)
	x, isField := value.(*ast.IdentifierNode)
	if !isPointer || !isName || !isField || !c.fields[x.Value] || m.Optional {
		return
	}
	loc := b.Location()
	callee := &ast.IdentifierNode{Value: VarCountRows}
	tn := &ast.StringNode{Value: table.Value}
	fn := &ast.StringNode{Value: field.Value}
	xn := &ast.IdentifierNode{Value: x.Value}
	for _, n := range []ast.Node{callee, tn, fn, xn} {
		n.SetLocation(loc)
	}
	call := &ast.CallNode{Callee: callee, Arguments: []ast.Node{tn, fn, xn}}
	call.SetLocation(loc)
	ast.Patch(node, call)
}

// boolPatcher rewrites a bool field `x` to `(x ?? false)` unless it is
// compared with nil, and records which row fields an expression reads.
type boolPatcher struct {
	bools  []string
	fields map[string]bool
	exempt map[*ast.IdentifierNode]bool
	used   map[string]bool
}

// Visit implements ast.Visitor. Walk is post-order, so a comparison with nil is
// seen after its operands: the exemption is recorded on the parent's visit and
// the identifiers are patched at the end by the parent's own pass.
func (p *boolPatcher) Visit(node *ast.Node) {
	switch n := (*node).(type) {
	case *ast.IdentifierNode:
		if p.fields[n.Value] {
			p.used[n.Value] = true
		}
	case *ast.BinaryNode:
		if n.Operator == "??" {
			if id, ok := n.Left.(*ast.IdentifierNode); ok {
				p.exempt[id] = true
			}
			return
		}
		if n.Operator == "==" || n.Operator == "!=" {
			l, lok := n.Left.(*ast.IdentifierNode)
			r, rok := n.Right.(*ast.IdentifierNode)
			_, lnil := n.Left.(*ast.NilNode)
			_, rnil := n.Right.(*ast.NilNode)
			if lok && rnil {
				p.exempt[l] = true
			}
			if rok && lnil {
				p.exempt[r] = true
			}
		}
		p.patch(&n.Left)
		p.patch(&n.Right)
		p.guard(node, n)
	case *ast.UnaryNode:
		p.patch(&n.Node)
	case *ast.ConditionalNode:
		p.patch(&n.Cond)
		p.patch(&n.Exp1)
		p.patch(&n.Exp2)
	case *ast.CallNode:
		for i := range n.Arguments {
			p.patch(&n.Arguments[i])
		}
	case *ast.BuiltinNode:
		for i := range n.Arguments {
			p.patch(&n.Arguments[i])
		}
	}
}

// guarded are the operators that panic or fail when an operand is nil.
var guarded = map[string]bool{"==": true, "!=": true, "<": true, "<=": true, ">": true, ">=": true,
	"matches": true, "contains": true, "startsWith": true, "endsWith": true}

// guard makes a comparison of a field with a value treat an empty cell as
// "does not match" instead of a run-time error: `attribute == "主动公开"`
// becomes `attribute != nil && attribute == "主动公开"`, and
// `attribute != "主动公开"` becomes `attribute == nil || attribute != "主动公开"`.
// Comparisons with nil are left alone.
func (p *boolPatcher) guard(node *ast.Node, n *ast.BinaryNode) {
	if !guarded[n.Operator] {
		return
	}
	if _, ok := n.Left.(*ast.NilNode); ok {
		return
	}
	if _, ok := n.Right.(*ast.NilNode); ok {
		return
	}
	var idents []string
	for _, side := range []ast.Node{n.Left, n.Right} {
		if id, ok := side.(*ast.IdentifierNode); ok && p.fields[id.Value] && !slices.Contains(p.bools, id.Value) && !p.exempt[id] {
			idents = append(idents, id.Value)
		}
	}
	if len(idents) == 0 {
		return
	}
	var out ast.Node = n
	for _, name := range idents {
		id := &ast.IdentifierNode{Value: name}
		id.SetLocation(n.Location())
		nilNode := &ast.NilNode{}
		nilNode.SetLocation(n.Location())
		if n.Operator == "!=" {
			out = &ast.BinaryNode{Operator: "||", Left: &ast.BinaryNode{Operator: "==", Left: id, Right: nilNode}, Right: out}
		} else {
			out = &ast.BinaryNode{Operator: "&&", Left: &ast.BinaryNode{Operator: "!=", Left: id, Right: nilNode}, Right: out}
		}
	}
	ast.Patch(node, out)
}

func (p *boolPatcher) patch(n *ast.Node) {
	id, ok := (*n).(*ast.IdentifierNode)
	if !ok || p.exempt[id] || !slices.Contains(p.bools, id.Value) {
		return
	}
	p.exempt[id] = true // patch once even if visited again
	nb := &ast.BinaryNode{Operator: "??", Left: id, Right: &ast.BoolNode{Value: false}}
	nb.SetLocation(id.Location())
	ast.Patch(n, nb)
}

// patchRoot turns a whole expression that is just a bool field into `(x ?? false)`.
func patchRoot(src string, s *Schema, table string) string {
	t := s.Table(table)
	if t == nil {
		return src
	}
	f := t.Field(strings.TrimSpace(src))
	if f != nil && f.Type == Bool {
		return "(" + strings.TrimSpace(src) + " ?? false)"
	}
	return src
}
