package rules

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"

	"github.com/expr-lang/expr"
	"github.com/expr-lang/expr/ast"
	"github.com/zwgk/zwgk/checklists/msg"
)

// MaxString is the longest string a rule may make with repeat, toJSON or
// +: 1 MiB. Longer is a run-time error of the rule, found before the memory
// is spent (expr's own repeat allows a million copies of any string, so
// that a nested repeat asks for a terabyte).
const MaxString = 1 << 20

// MaxWork bounds the work of one rule on one unit: a row rule that walks a
// register (tables.X in filter, all, sortBy, …) costs the rows it runs on
// times the rows it walks each time. 50 million is a few seconds; a rule
// that would cost more is not run (Program.Work).
const MaxWork = 50_000_000

// FuncConcat is the function string + is rewritten to, so that its length
// is bounded.
const FuncConcat = "_concat"

var errTooLong = msg.Errorf("结果超过 %d 字节的上限", "the result is longer than the limit of %d bytes", MaxString)

// budgetFuncs replace expr's repeat and toJSON, and back string +, with
// versions that refuse a result longer than MaxString before making it.
func budgetFuncs(fns functions) []expr.Option {
	def := fns.def
	return []expr.Option{
		expr.DisableBuiltin("repeat"),
		expr.DisableBuiltin("toJSON"),
		def("repeat", func(p ...any) (any, error) {
			s, _ := p[0].(string)
			n, _ := p[1].(int)
			if n < 0 {
				return nil, msg.Errorf("repeat 的次数不能为负数：%d", "repeat: the count cannot be negative: %d", n)
			}
			if len(s) > 0 && n > MaxString/len(s) {
				return nil, msg.Errorf("repeat：%w", "repeat: %w", errTooLong)
			}
			return strings.Repeat(s, n), nil
		}, new(func(string, int) string)),
		def("toJSON", func(p ...any) (any, error) {
			var b limitBuffer
			enc := json.NewEncoder(&b)
			enc.SetIndent("", "  ")
			if err := enc.Encode(p[0]); err != nil {
				if errors.Is(err, errTooLong) {
					return nil, msg.Errorf("toJSON：%w", "toJSON: %w", errTooLong)
				}
				return nil, err
			}
			return strings.TrimSuffix(b.String(), "\n"), nil
		}, new(func(any) string)),
		def(FuncConcat, func(p ...any) (any, error) {
			a, _ := p[0].(string)
			b, _ := p[1].(string)
			if len(a)+len(b) > MaxString {
				return nil, msg.Errorf("字符串连接（+）：%w", "string concatenation (+): %w", errTooLong)
			}
			return a + b, nil
		}, new(func(string, string) string)),
	}
}

// limitBuffer is a buffer that refuses to grow past MaxString.
type limitBuffer struct{ strings.Builder }

func (b *limitBuffer) Write(p []byte) (int, error) {
	if b.Len()+len(p) > MaxString {
		return 0, errTooLong
	}
	return b.Builder.Write(p)
}

// concatPatcher rewrites a + b on two strings into _concat(a, b).
type concatPatcher struct{}

func (concatPatcher) Visit(node *ast.Node) {
	n, ok := (*node).(*ast.BinaryNode)
	if !ok || n.Operator != "+" || !isString(n.Left) || !isString(n.Right) {
		return
	}
	call := &ast.CallNode{Callee: &ast.IdentifierNode{Value: FuncConcat}, Arguments: []ast.Node{n.Left, n.Right}}
	ast.Patch(node, call)
}

func isString(n ast.Node) bool {
	t := n.Type()
	return t != nil && t.Kind() == reflect.String
}

// walked lists the tables a rule walks whole: each tables.X that is not
// only indexed (tables.X[0]) or measured (len(tables.X)), once per
// occurrence.
func walked(root ast.Node) []string {
	skip := map[ast.Node]bool{}
	ast.Walk(&root, visitFunc(func(n ast.Node) {
		switch n := n.(type) {
		case *ast.MemberNode:
			skip[n.Node] = true // tables.X[i], tables.X.f
		case *ast.BuiltinNode:
			if n.Name == "len" && len(n.Arguments) == 1 {
				skip[n.Arguments[0]] = true
			}
		}
	}))
	var out []string
	ast.Walk(&root, visitFunc(func(n ast.Node) {
		m, ok := n.(*ast.MemberNode)
		if !ok || skip[n] {
			return
		}
		id, ok := m.Node.(*ast.IdentifierNode)
		if !ok || id.Value != VarTables {
			return
		}
		if s, ok := m.Property.(*ast.StringNode); ok {
			out = append(out, s.Value)
		}
	}))
	return out
}

// Work is what running p costs on one unit: runs (the rows it runs on, 1
// for a unit-level rule) times the rows of the tables it walks each time
// (rows(table)), at least 1 each. It saturates at MaxWork+1.
func (p *Program) Work(runs int, rows func(table string) int) int64 {
	per := int64(1)
	for _, t := range p.walks {
		per += int64(max(rows(t), 1))
	}
	w := int64(max(runs, 1)) * per
	return min(w, MaxWork+1)
}

// Walks lists the tables p walks whole each time it runs, sorted, once each.
func (p *Program) Walks() []string {
	out := slices.Clone(p.walks)
	slices.Sort(out)
	return slices.Compact(out)
}
