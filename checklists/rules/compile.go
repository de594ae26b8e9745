package rules

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/file"
	"github.com/expr-lang/expr/vm"
	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
)

// Program is one compiled rule.
type Program struct {
	scope   *Scope
	table   string
	program *vm.Program
	fields  []string
	// bounded are the program compiled to count unknown calendar days
	// Strictest and Mildest; nil when it counts no working days.
	bounded *[2]*vm.Program
	walks   []string // the tables walked whole, once per occurrence (Work)
	native  native   // the rule's comparisons run directly (native.go); nil: none
	// first is the first field of the rule's table, slots the indexes of
	// the fields it reads there, whole whether it reads the whole
	// environment ($env): what Env.load copies before it runs.
	first *Field
	slots []int
	whole bool
}

// Bounded reports whether the rule counts working days, so that a gap in
// the calendar can be read two ways (Machine.ValueIn).
func (p *Program) Bounded() bool { return p.bounded != nil }

// Fields lists the row fields the rule reads, sorted, so a row whose value
// in one of them could not be read fails the rule instead of passing it.
func (p *Program) Fields() []string { return p.fields }

// Uses reports whether the rule reads the variable name (after Compile's
// rewrites: a count turned into count_rows no longer reads tables).
func (p *Program) Uses(name string) bool {
	found := false
	node := p.program.Node()
	ast.Walk(&node, visitFunc(func(n ast.Node) {
		if id, ok := n.(*ast.IdentifierNode); ok && id.Value == name {
			found = true
		}
	}))
	return found
}

// UsesTable reports whether the rule reads the rows of table: it is the
// rule's own table, or it names tables.TABLE or count_rows("TABLE", …).
func (p *Program) UsesTable(table string) bool {
	if p.table == table {
		return true
	}
	found := false
	node := p.program.Node()
	ast.Walk(&node, visitFunc(func(n ast.Node) {
		switch n := n.(type) {
		case *ast.MemberNode:
			id, ok1 := n.Node.(*ast.IdentifierNode)
			prop, ok2 := n.Property.(*ast.StringNode)
			found = found || ok1 && ok2 && id.Value == VarTables && prop.Value == table
		case *ast.CallNode:
			id, ok1 := n.Callee.(*ast.IdentifierNode)
			args := n.Arguments
			if ok1 && id.Value == countRowsCall && len(args) > 0 {
				args = args[1:] // count_rows("T", …) as countCallPatcher rewrote it
			} else if !ok1 || id.Value != VarCountRows {
				args = nil
			}
			if len(args) > 0 {
				s, ok := args[0].(*ast.StringNode)
				found = found || ok && s.Value == table
			}
		}
	}))
	return found
}

// ErrorKind says what is wrong with a rule that does not compile.
type ErrorKind int

// The kinds of compile errors.
const (
	Other        ErrorKind = iota // any other error of the compiler; Msg says it
	UnknownName                   // Name is not in scope; Suggest is the nearest name that is
	NotBool                       // the rule is not true/false; Name is the type it is
	NoField                       // Name is not a field of what it is looked up in
	NestedLoops                   // a list walked inside the predicate of another walk
	Crash                         // the compiler panicked; Msg is the panic's value
	UnknownTable                  // Name is no table (tables.X, count_rows("X", …)); Suggest is the nearest that is
	UnknownField                  // Name is no field of Table, in a cross-table expression; Suggest is the nearest that is
)

// Error is a rule that does not compile.
type Error struct {
	Kind ErrorKind
	// Offset is where in the source the error is, in runes; -1 when it has
	// no place (a nested walk, a crash).
	Offset  int
	Name    string
	Table   string // the table Name is looked up in (UnknownField)
	Suggest string
	Msg     string // the compiler's message, first line
}

// Error returns the compiler's message.
func (e *Error) Error() string { return e.Msg }

// errNestedLoops refuses a rule that walks a list inside a walk of a list:
// it runs per row, so over a register it would cost rows³, and a hostile
// checklist could hang the audit with it. expr's memory budget already bounds
// ranges and allocations; this bounds the work a rule does per row.
const errNestedLoops = "表达式中不能在遍历列表（filter、any、count 等）的条件里再遍历列表：逐行运行时工作量过大 (a list may not be walked inside the predicate of another walk)"

var (
	unknownNameRe = regexp.MustCompile(`^unknown name (\S+)$`)
	expectBoolRe  = regexp.MustCompile(`^expected bool, but got (.+)$`)
	noFieldRe     = regexp.MustCompile(`^type .* has no field (\S+)$`)
)

// Compile compiles a rule that is true or false, for rows of table (or a
// unit-level rule when table is ""). Bool fields read as false when empty,
// except where compared with nil, so `policy && affects_rights` never fails
// on a blank cell, and a comparison with an empty cell is false (`!=`:
// true), never a run-time error. A failure is an *Error.
func (s *Scope) Compile(src, table string) (*Program, error) {
	return s.compile(src, table, true)
}

// CompileValue compiles an expression of any type for rows of table, with
// the same names and blank-cell handling as Compile.
func (s *Scope) CompileValue(src, table string) (*Program, error) {
	return s.compile(src, table, false)
}

// CompileDate compiles an expression whose value is a date (or nil), such as
// an item's due: add_workdays(issued_on, 20); anything else is an *Error of
// kind Other.
func (s *Scope) CompileDate(src, table string) (*Program, error) {
	p, err := s.compile(src, table, false)
	if err != nil {
		return nil, err
	}
	node := p.program.Node()
	if t := node.Type(); t != nil && t != reflect.TypeFor[time.Time]() && t.Kind() != reflect.Interface {
		return nil, &Error{Kind: Other, Offset: -1, Msg: fmt.Sprintf("expected a date, but got %s", t)}
	}
	return p, nil
}

func (s *Scope) compile(src, table string, asBool bool) (prog *Program, err error) {
	return s.compileWith(src, table, asBool, nil)
}

// compileWith compiles with extra names in scope (CompileGate's score). A
// rule that counts working days is compiled three times, once per way of
// reading the days the calendar does not know (Program.Bounded).
func (s *Scope) compileWith(src, table string, asBool bool, extra map[string]any) (prog *Program, err error) {
	prog, err = s.compileIn(src, table, asBool, extra, calendar.Exact)
	if err != nil {
		return nil, err
	}
	if prog.Uses(FuncWorkdays) || prog.Uses(FuncAddWorkdays) || prog.Uses(FuncIsWorkday) || prog.Uses(FuncRequestDue) {
		var b [2]*vm.Program
		for i, mode := range []calendar.Mode{calendar.Strictest, calendar.Mildest} {
			q, err := s.compileIn(src, table, asBool, extra, mode)
			if err != nil {
				return nil, err
			}
			b[i] = q.program
		}
		prog.bounded = &b
	}
	return prog, nil
}

func (s *Scope) compileIn(src, table string, asBool bool, extra map[string]any, mode calendar.Mode) (prog *Program, err error) {
	defer func() {
		// The expression compiler is third-party code given untrusted text:
		// a panic in it is reported as a compile error, not a crash.
		if r := recover(); r != nil {
			prog, err = nil, &Error{Kind: Crash, Offset: -1, Msg: fmt.Sprint(r)}
		}
	}()
	t := s.table(table)
	var boolFields []string
	fieldSet := map[string]bool{}
	for _, f := range t.Fields {
		fieldSet[f.Name] = true
		if f.Kind == Bool {
			boolFields = append(boolFields, f.Name)
		}
	}
	env := s.typeEnv(table)
	for k, v := range extra {
		env[k] = v
	}
	p := &boolPatcher{bools: boolFields, fields: fieldSet, exempt: map[*ast.IdentifierNode]bool{}, used: map[string]bool{}}
	fns := functions{}
	opts := []expr.Option{
		expr.Env(env),
		expr.DisableBuiltin("now"),
		expr.MaxNodes(2000),
		expr.Patch(countPatcher{fields: fieldSet}),
		expr.Patch(p),
		expr.Patch(concatPatcher{}),
		expr.Patch(countCallPatcher{}),
		countRowsFunc(fns),
	}
	opts = append(opts, budgetFuncs(fns)...)
	if asBool {
		opts = append(opts, expr.AsBool())
	}
	opts = append(opts, s.funcs(mode, fns)...)
	vp, err := expr.Compile(patchRoot(src, t), opts...)
	if err != nil {
		if e := s.crossNames(src); e != nil {
			return nil, e // tables.requestss: the name, not what the compiler made of it
		}
		return nil, s.classify(err, table)
	}
	if e := s.crossNames(src); e != nil {
		return nil, e
	}
	if nestedLoops(vp.Node()) {
		return nil, &Error{Kind: NestedLoops, Offset: -1, Msg: errNestedLoops}
	}
	if err := unknownName(vp.Node(), env); err != nil {
		return nil, s.classify(err, table)
	}
	used := make([]string, 0, len(p.used))
	for f := range p.used {
		used = append(used, f)
	}
	slices.Sort(used)
	prog = &Program{scope: s, table: table, program: vp, fields: used, walks: walked(vp.Node()), native: compileNative(vp, t.Fields, fns)}
	if len(t.Fields) > 0 {
		prog.first = &t.Fields[0]
	}
	for i, f := range t.Fields {
		if p.used[f.Name] {
			prog.slots = append(prog.slots, i)
		}
	}
	prog.whole = prog.Uses("$env")
	return prog, nil
}

// classify turns an error of the compiler into an *Error.
func (s *Scope) classify(err error, table string) *Error {
	e := &Error{Kind: Other, Offset: -1, Msg: err.Error()}
	var fe *file.Error
	if errors.As(err, &fe) {
		e.Offset, e.Msg = fe.From, fe.Message
	}
	if m := unknownNameRe.FindStringSubmatch(e.Msg); m != nil {
		e.Kind, e.Name = UnknownName, m[1]
		e.Suggest = msg.Closest(m[1], s.Names(table))
	} else if m := expectBoolRe.FindStringSubmatch(e.Msg); m != nil {
		e.Kind, e.Name = NotBool, m[1]
	} else if m := noFieldRe.FindStringSubmatch(e.Msg); m != nil {
		e.Kind, e.Name = NoField, m[1]
	}
	return e
}

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
func patchRoot(src string, t Table) string {
	name := strings.TrimSpace(src)
	for _, f := range t.Fields {
		if f.Name == name && f.Kind == Bool {
			return "(" + name + " ?? false)"
		}
	}
	return src
}
