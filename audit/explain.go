package audit

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/expr-lang/expr/ast"
	"github.com/expr-lang/expr/vm"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
)

// measure is a comparison in a check between an elapsed time and a limit,
// like `workdays(issued_on, published_on) <= 5`: what a clerk needs to read
// is how long it took and what the limit was.
type measure struct {
	fn    string // workdays, days or hours
	from  string // field names
	to    string
	op    string // the comparison, with the call on the left
	limit *vm.Program
}

var comparisons = map[string]string{"<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="}

// measures finds the elapsed-time comparisons of a check and compiles their limits.
func measures(c *checklists.Checklist, table string, prog *vm.Program) []measure {
	var out []measure
	node := prog.Node()
	ast.Walk(&node, visitor(func(n ast.Node) {
		b, ok := n.(*ast.BinaryNode)
		if !ok {
			return
		}
		op, ok := comparisons[b.Operator]
		if !ok {
			return
		}
		call, other := b.Left, b.Right
		m, ok := elapsed(call)
		if ok {
			m.op = b.Operator
		} else if m, ok = elapsed(other); ok {
			m.op = op
			other = call
		} else {
			return
		}
		lim, err := checklists.CompileValue(other.String(), c.Schema, table, c.Calendar)
		if err == nil {
			m.limit = lim
			out = append(out, m)
		}
	}))
	return out
}

func elapsed(n ast.Node) (measure, bool) {
	c, ok := n.(*ast.CallNode)
	if !ok || len(c.Arguments) != 2 {
		return measure{}, false
	}
	callee, ok := c.Callee.(*ast.IdentifierNode)
	if !ok || (callee.Value != "workdays" && callee.Value != "days" && callee.Value != "hours") {
		return measure{}, false
	}
	a, ok1 := c.Arguments[0].(*ast.IdentifierNode)
	b, ok2 := c.Arguments[1].(*ast.IdentifierNode)
	if !ok1 || !ok2 {
		return measure{}, false
	}
	return measure{fn: callee.Value, from: a.Value, to: b.Value}, true
}

type visitor func(ast.Node)

func (v visitor) Visit(n *ast.Node) { v(*n) }

// usesIdent reports whether a program reads the variable name.
func usesIdent(prog *vm.Program, name string) bool {
	found := false
	node := prog.Node()
	ast.Walk(&node, visitor(func(n ast.Node) {
		if id, ok := n.(*ast.IdentifierNode); ok && id.Value == name {
			found = true
		}
	}))
	return found
}

// explain says why a row failed a check, and which column to look at.
func (p *Plan) explain(it *checklists.Item, schema *checklists.Table, t *Table, r *Row) (msg.Text, string) {
	lbl := label(it)
	// An empty field the check needs is the commonest reason.
	for _, m := range p.measures[it] {
		for _, f := range []string{m.from, m.to} {
			if r.Values[f] == nil {
				return msg.New("%s：%s未填写", "%s: %s is empty", lbl, header(schema, f)), f
			}
		}
		text, ok := p.describe(m, schema, r)
		if ok {
			return msg.Text{Zh: lbl + "：" + text.Zh, En: lbl + ": " + text.En}, m.to
		}
	}
	// Otherwise list the values the check read.
	var zh, en []string
	col := ""
	if it.Check != nil {
		for _, f := range it.Check.Fields {
			v := r.Values[f]
			if v == nil && col == "" {
				col = f
			}
			zh = append(zh, header(schema, f)+" "+show(v, "未填写"))
			en = append(en, f+" "+show(v, "empty"))
		}
	}
	if len(zh) == 0 {
		return msg.New("%s：不符合「%s」", "%s: does not meet %q", lbl, it.Title), col
	}
	return msg.Both("%s：不符合「%s」（%s）", []any{lbl, it.Title, strings.Join(zh, "，")},
		"%s: does not meet %q (%s)", []any{lbl, it.Title, strings.Join(en, ", ")}), col
}

func (p *Plan) describe(m measure, schema *checklists.Table, r *Row) (msg.Text, bool) {
	a, ok1 := r.Values[m.from].(time.Time)
	b, ok2 := r.Values[m.to].(time.Time)
	if !ok1 || !ok2 {
		return msg.Text{}, false
	}
	limit, ok := p.limit(m, schema, r)
	if !ok {
		return msg.Text{}, false
	}
	from, to := verb(header(schema, m.from)), verb(header(schema, m.to))
	var n float64
	switch m.fn {
	case "workdays":
		w, err := p.Checklist.Calendar.Workdays(a, b)
		if err != nil {
			return msg.Text{}, false
		}
		n = float64(w)
	case "days":
		n = float64(int(b.Sub(a).Hours() / 24))
	case "hours":
		n = b.Sub(a).Hours()
	}
	if n < 0 {
		return msg.Both("%s早于%s", []any{header(schema, m.to), header(schema, m.from)}, "%s is before %s", []any{m.to, m.from}), true
	}
	unitZh, unitEn := map[string]string{"workdays": "个工作日", "days": "天", "hours": "小时"}[m.fn], map[string]string{"workdays": " working days", "days": " days", "hours": " hours"}[m.fn]
	var amountZh string
	switch m.fn {
	case "workdays":
		amountZh = fmt.Sprintf("后第%s个工作日", num(n))
	case "days":
		amountZh = fmt.Sprintf("后第%s天", num(n))
	default:
		amountZh = fmt.Sprintf("后%s小时", num(n))
	}
	var cmpZh, cmpEn string
	switch m.op {
	case "<=", "<":
		cmpZh, cmpEn = "超过", "over the limit of"
	case ">=", ">":
		cmpZh, cmpEn = "不足", "under the minimum of"
	default:
		cmpZh, cmpEn = "应为", "should be"
	}
	return msg.Both("%s%s%s，%s%s%s", []any{from, amountZh, to, cmpZh, num(limit), unitZh},
		"%s is %s%s after %s, %s %s%s", []any{m.to, num(n), unitEn, m.from, cmpEn, num(limit), unitEn}), true
}

// limit evaluates the other side of the comparison on the row.
func (p *Plan) limit(m measure, schema *checklists.Table, r *Row) (float64, bool) {
	env := map[string]any{}
	for _, f := range schema.Fields {
		env[f.Name] = r.Values[f.Name]
	}
	var machine vm.VM
	out, err := machine.Run(m.limit, env)
	if err != nil {
		return 0, false
	}
	switch v := out.(type) {
	case int:
		return float64(v), true
	case float64:
		return v, true
	}
	return 0, false
}

// verb turns a date header into the act it dates: 印发日期 → 印发, 转载时间 → 转载.
func verb(h string) string {
	for _, s := range []string{"日期", "时间", "日"} {
		if t, ok := strings.CutSuffix(h, s); ok && t != "" {
			return t
		}
	}
	return h
}

func num(f float64) string {
	if f == math.Trunc(f) {
		return fmt.Sprintf("%d", int64(f))
	}
	return fmt.Sprintf("%.1f", f)
}

func show(v any, empty string) string {
	switch x := v.(type) {
	case nil:
		return empty
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format("2006-01-02 15:04")
	case bool:
		if x {
			return "是"
		}
		return "否"
	case float64:
		return num(x)
	case string:
		if strings.TrimSpace(x) == "" {
			return empty
		}
		return strings.TrimSpace(x)
	}
	return fmt.Sprint(v)
}
