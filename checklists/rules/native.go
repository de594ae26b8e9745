package rules

import (
	"reflect"
	"regexp"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/builtin"
	"github.com/expr-lang/expr/vm"
	"github.com/expr-lang/expr/vm/runtime"
)

// A row rule runs millions of times in a province's audit, and most of its
// runs end in a few comparisons of the row's cells: `attribute != nil &&
// attribute == "主动公开" && (policy ?? false)`, `published_on != nil`,
// `attribute in ["依申请公开", "不予公开", "脱密后公开"]`. Starting expr's
// virtual machine for them costs about 175 ns a run, the comparisons a few.
//
// native is a rule's compiled expression evaluated directly, as far as it
// consists of such comparisons: names of the environment, nil, strings,
// booleans and numbers, ==, !=, <, <=, >, >=, in over a constant list,
// matches a constant pattern, contains, startsWith, endsWith, ??, !, && and
// ||, calls of the functions given to the compiler (add_workdays, workdays,
// count_rows, …) and of expr's function builtins (trim, …). Every operator
// does what the machine's instruction for it does, with expr's own run-time
// functions (runtime.Equal, runtime.Less, runtime.In, …) and the same choice
// of instruction the compiler makes (equalOp). Where the expression has
// anything else — a member, a closure, a loop builtin — or a value the
// machine would fail on (a non-bool operand of &&, a non-string on a string
// comparison, a function's error), native is undecided and the machine runs
// the whole rule, so the result, and any run-time error, is exactly the
// machine's. A && whose left side is false, or a || whose left side is
// true, is decided however complex its right side: the machine would not
// evaluate it either.
type native func(e *Env) (v any, ok bool)

// compileNative returns the native evaluation of a rule compiled over the
// fields of a table (none for a unit-level rule), nil when no part of it
// can be evaluated natively. A field is read from the environment's slots
// (Env.vals, filled by Env.load before the rule runs), any other name from
// the map; an environment of another table, or without slots, is left
// to the machine. The result is converted as the program's last
// instruction converts it (a rule compiled with expr.AsBool ends in a cast
// to bool, which fails on anything else).
func compileNative(p *vm.Program, fields []Field, fns functions) native {
	slot := make(map[string]int, len(fields))
	for i, f := range fields {
		slot[f.Name] = i
	}
	f := nativeNode(p.Node(), &nativeScope{slot: slot, fns: fns})
	if f == nil {
		return nil
	}
	var first *Field
	if len(fields) > 0 {
		first = &fields[0]
	}
	cast := func(v any) any { return v }
	if n := len(p.Bytecode); n > 0 && p.Bytecode[n-1] == vm.OpCast {
		switch p.Arguments[n-1] {
		case 0:
			cast = func(v any) any { return runtime.ToInt(v) }
		case 1:
			cast = func(v any) any { return runtime.ToInt64(v) }
		case 2:
			cast = func(v any) any { return runtime.ToFloat64(v) }
		case 3:
			cast = func(v any) any { return runtime.ToBool(v) }
		default:
			return nil
		}
	}
	return func(e *Env) (v any, ok bool) {
		if len(e.vals) != len(fields) || len(fields) > 0 && &e.fields[0] != first {
			return nil, false
		}
		defer func() {
			if recover() != nil {
				v, ok = nil, false // the machine fails here too, and says how
			}
		}()
		v, ok = f(e)
		if !ok {
			return nil, false
		}
		return cast(v), true
	}
}

// nativeNode returns n's evaluation, nil when n is none of the kinds above.
func nativeNode(n ast.Node, sc *nativeScope) native {
	if n == nil {
		return nil
	}
	switch n := n.(type) {
	case *ast.NilNode:
		return func(*Env) (any, bool) { return nil, true }
	case *ast.StringNode:
		var v any = n.Value // converted once, not on every run
		return func(*Env) (any, bool) { return v, true }
	case *ast.BoolNode:
		v := n.Value
		return func(*Env) (any, bool) { return v, true }
	case *ast.IdentifierNode:
		name := n.Value
		if name == "$env" {
			return nil
		}
		if i, ok := sc.slot[name]; ok {
			return func(e *Env) (any, bool) { return e.vals[i], true }
		}
		return func(e *Env) (any, bool) { return e.vars[name], true }
	case *ast.IntegerNode:
		// As the compiler pushes it (compiler.IntegerNode).
		var v any
		switch t := n.Type(); {
		case t == nil || t.Kind() == reflect.Int:
			v = n.Value
		case t.Kind() == reflect.Float64:
			v = float64(n.Value)
		default:
			return nil
		}
		return func(*Env) (any, bool) { return v, true }
	case *ast.FloatNode:
		if n.Type().Kind() == reflect.Float32 {
			return nil
		}
		v := n.Value
		return func(*Env) (any, bool) { return v, true }
	case *ast.CallNode:
		return nativeCall(n, sc)
	case *ast.BuiltinNode:
		return nativeBuiltin(n, sc)
	case *ast.UnaryNode:
		if n.Operator != "!" && n.Operator != "not" {
			return nil
		}
		x := operand(n.Node, sc)
		if x == nil {
			return nil
		}
		return func(e *Env) (any, bool) {
			v, ok := x(e)
			b, isBool := v.(bool)
			if !ok || !isBool {
				return nil, false
			}
			return !b, true
		}
	case *ast.BinaryNode:
		return nativeBinary(n, sc)
	}
	return nil
}

// nativeScope is what a rule's native evaluation is compiled with: the
// slot of each field in Env.vals, and the functions given to the compiler.
type nativeScope struct {
	slot map[string]int
	fns  functions
}

// functions are the functions given to expr (expr.Function) by name.
type functions map[string]func(...any) (any, error)

// def records fn under name and returns the compiler's option for it.
func (fns functions) def(name string, fn func(p ...any) (any, error), types ...any) expr.Option {
	if fns != nil {
		fns[name] = fn
	}
	return expr.Function(name, fn, types...)
}

// nativeCall is a call of a function given to the compiler (expr.Function:
// add_workdays, workdays, count_rows, …): the arguments evaluated in order,
// then the function, as the machine's OpCall instructions call it. An error
// leaves the call undecided: the machine runs it again and fails with it.
// Such functions may depend on the calendar mode the rule was compiled
// for, so Machine.ValueIn uses the native evaluation only for the rule as
// compiled (calendar.Exact) or for a rule that counts no working days.
func nativeCall(n *ast.CallNode, sc *nativeScope) native {
	id, ok := n.Callee.(*ast.IdentifierNode)
	if !ok || len(n.Arguments) > 4 {
		return nil
	}
	fn := sc.fns[id.Value] // what the compiler calls (compiler.CallNode)
	if fn == nil {
		return nil
	}
	return callNative(fn, n.Arguments, sc, false)
}

// callNative calls fn with the arguments evaluated in order. deref says
// whether an argument of interface type is dereferenced first (a builtin's);
// an argument of pointer type is left to the machine either way.
func callNative(fn func(...any) (any, error), arguments []ast.Node, sc *nativeScope, deref bool) native {
	args := make([]native, len(arguments))
	for i, a := range arguments {
		if !a.Nature().Nil && (a.Type() == nil || a.Type().Kind() == reflect.Ptr) {
			return nil
		}
		if deref {
			args[i] = operand(a, sc)
		} else {
			args[i] = nativeNode(a, sc)
		}
		if args[i] == nil {
			return nil
		}
	}
	return func(e *Env) (any, bool) {
		var vals [4]any
		for i, a := range args {
			v, ok := a(e)
			if !ok {
				return nil, false
			}
			vals[i] = v
		}
		// The arguments go to the function in the environment's buffer: a
		// slice of vals would escape to the heap on every call.
		k := len(e.args)
		e.args = append(e.args, vals[:len(args)]...)
		out, err := fn(e.args[k:]...)
		clear(e.args[k:])
		e.args = e.args[:k]
		if err != nil {
			return nil, false
		}
		return out, true
	}
}

// loopBuiltins are expr's builtins that the compiler makes loops of
// (compiler.BuiltinNode); they take closures and are left to the machine.
var loopBuiltins = map[string]bool{"all": true, "none": true, "any": true, "one": true, "filter": true, "map": true,
	"count": true, "sum": true, "find": true, "findIndex": true, "findLast": true, "findLastIndex": true,
	"groupBy": true, "sortBy": true, "reduce": true}

// nativeBuiltin is a call of one of expr's builtins that the compiler
// calls as a function (trim, upper, …: builtin.Function.Func, OpCall1…),
// its arguments dereferenced as the compiler does for an argument of
// interface type (a pointer is left to the machine).
func nativeBuiltin(n *ast.BuiltinNode, sc *nativeScope) native {
	id, ok := builtin.Index[n.Name]
	if !ok || loopBuiltins[n.Name] || len(n.Arguments) > 4 {
		return nil
	}
	f := builtin.Builtins[id]
	if f.Fast != nil || f.Safe != nil || f.Func == nil {
		return nil
	}
	return callNative(f.Func, n.Arguments, sc, true)
}

// operand is n's evaluation as an operand of an operator: the compiler
// dereferences an operand of pointer or interface type first
// (compiler.derefInNeeded), which leaves any value but a pointer as it is;
// a pointer is left to the machine.
func operand(n ast.Node, sc *nativeScope) native {
	f := nativeNode(n, sc)
	if f == nil || n.Nature().Nil {
		return f
	}
	t := n.Type()
	if t == nil {
		return nil
	}
	switch t.Kind() {
	case reflect.Ptr, reflect.Interface:
		return func(e *Env) (any, bool) {
			v, ok := f(e)
			if !ok || v != nil && reflect.TypeOf(v).Kind() == reflect.Ptr {
				return nil, false
			}
			return v, true
		}
	}
	return f
}

func nativeBinary(n *ast.BinaryNode, sc *nativeScope) native {
	l, r := operand(n.Left, sc), operand(n.Right, sc)
	switch n.Operator {
	case "&&", "and", "||", "or":
		if l == nil {
			return nil
		}
		and := n.Operator == "&&" || n.Operator == "and"
		return func(e *Env) (any, bool) {
			v, ok := l(e)
			b, isBool := v.(bool)
			if !ok || !isBool {
				return nil, false
			}
			if b != and { // false && …, true || …: the right side is not run
				return b, true
			}
			if r == nil {
				return nil, false
			}
			return r(e)
		}
	case "??":
		if l == nil {
			return nil
		}
		return func(e *Env) (any, bool) {
			v, ok := l(e)
			if !ok {
				return nil, false
			}
			if !runtime.IsNil(v) {
				return v, true
			}
			if r == nil {
				return nil, false
			}
			return r(e)
		}
	}
	if l == nil {
		return nil
	}
	if n.Operator == "in" {
		c, ok := n.Right.(*ast.ConstantNode)
		if !ok || c.Value == nil {
			return nil
		}
		list := c.Value
		return func(e *Env) (any, bool) {
			v, ok := l(e)
			if !ok {
				return nil, false
			}
			return runtime.In(v, list), true
		}
	}
	if n.Operator == "matches" {
		// OpMatchesConst: nil does not match, a string is matched, anything
		// else (a []byte aside) fails.
		str, ok := n.Right.(*ast.StringNode)
		if !ok {
			return nil
		}
		re, err := regexp.Compile(str.Value)
		if err != nil {
			return nil
		}
		return func(e *Env) (any, bool) {
			v, ok := l(e)
			if !ok {
				return nil, false
			}
			if runtime.IsNil(v) {
				return false, true
			}
			s, ok := v.(string)
			if !ok {
				return nil, false
			}
			return re.MatchString(s), true
		}
	}
	if r == nil {
		return nil
	}
	var op func(a, b any) (any, bool)
	switch n.Operator {
	case "==", "!=":
		eq := equalOp(n)
		not := n.Operator == "!="
		op = func(a, b any) (any, bool) {
			e, ok := eq(a, b)
			return e != not, ok
		}
	case "contains", "startsWith", "endsWith":
		// OpContains, OpStartsWith, OpEndsWith: false beside nil, else
		// both must be strings.
		test := map[string]func(a, b string) bool{"contains": strings.Contains, "startsWith": strings.HasPrefix,
			"endsWith": strings.HasSuffix}[n.Operator]
		op = func(a, b any) (any, bool) {
			if runtime.IsNil(a) || runtime.IsNil(b) {
				return false, true
			}
			x, ok1 := a.(string)
			y, ok2 := b.(string)
			if !ok1 || !ok2 {
				return nil, false
			}
			return test(x, y), true
		}
	case "<":
		op = func(a, b any) (any, bool) { return runtime.Less(a, b), true }
	case "<=":
		op = func(a, b any) (any, bool) { return runtime.LessOrEqual(a, b), true }
	case ">":
		op = func(a, b any) (any, bool) { return runtime.More(a, b), true }
	case ">=":
		op = func(a, b any) (any, bool) { return runtime.MoreOrEqual(a, b), true }
	default:
		return nil
	}
	return func(e *Env) (any, bool) {
		a, ok := l(e)
		if !ok {
			return nil, false
		}
		b, ok := r(e)
		if !ok {
			return nil, false
		}
		return op(a, b)
	}
}

// equalOp is == as the compiler makes it (compiler.equalBinaryNode): on
// two operands of one simple int or string type, an instruction that
// asserts the type (and fails on anything else: undecided here); else
// runtime.Equal.
func equalOp(n *ast.BinaryNode) func(a, b any) (bool, bool) {
	lt, rt := n.Left.Type(), n.Right.Type()
	simple := lt != nil && rt != nil && lt.PkgPath() == "" && rt.PkgPath() == ""
	switch {
	case simple && lt.Kind() == rt.Kind() && lt.Kind() == reflect.Int:
		return func(a, b any) (bool, bool) {
			x, ok1 := a.(int)
			y, ok2 := b.(int)
			return x == y, ok1 && ok2
		}
	case simple && lt.Kind() == rt.Kind() && lt.Kind() == reflect.String:
		return func(a, b any) (bool, bool) {
			x, ok1 := a.(string)
			y, ok2 := b.(string)
			return x == y, ok1 && ok2
		}
	}
	return func(a, b any) (bool, bool) { return runtime.Equal(a, b), true }
}
