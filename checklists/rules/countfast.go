package rules

import (
	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
)

// count_rows is a function value in the environment (each unit has its own
// index), and expr calls such a value through reflection: 3 % of a province
// audit's CPU, as A9's rewritten count runs on every 公文台账 row. A call of
// the form count_rows("T", "f", x) — the form countPatcher writes — is
// rewritten once more, to countRowsCall(count_rows, "T", "f", x): a
// function expr calls directly, given the environment's count_rows as an
// argument. It accepts exactly the arguments count_rows does (two strings,
// then anything) and returns its int, so a rule compiles, fails and
// evaluates as before; any other call of count_rows is left alone.
const countRowsCall = "count_rows·call"

// countRowsFunc is countRowsCall for expr.
func countRowsFunc(fns functions) expr.Option {
	return fns.def(countRowsCall, func(p ...any) (any, error) {
		if p[0] == nil {
			panic("invalid operation: cannot call nil")
		}
		f := p[0].(CountRows)
		if f == nil {
			panic("reflect: call of nil function")
		}
		return f(p[1].(string), p[2].(string), p[3]), nil
	}, new(func(CountRows, string, string, any) int))
}

// countCallPatcher rewrites count_rows("T", "f", x) as countRowsCall.
type countCallPatcher struct{}

// Visit implements ast.Visitor.
func (countCallPatcher) Visit(node *ast.Node) {
	call, ok := (*node).(*ast.CallNode)
	if !ok || len(call.Arguments) != 3 {
		return
	}
	callee, ok := call.Callee.(*ast.IdentifierNode)
	if !ok || callee.Value != VarCountRows {
		return
	}
	_, ok1 := call.Arguments[0].(*ast.StringNode)
	_, ok2 := call.Arguments[1].(*ast.StringNode)
	if !ok1 || !ok2 {
		return
	}
	fn := &ast.IdentifierNode{Value: countRowsCall}
	fn.SetLocation(call.Location())
	arg := &ast.IdentifierNode{Value: VarCountRows}
	arg.SetLocation(callee.Location())
	fast := &ast.CallNode{Callee: fn, Arguments: append([]ast.Node{arg}, call.Arguments...)}
	fast.SetLocation(call.Location())
	ast.Patch(node, fast)
}
