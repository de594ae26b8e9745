package checklists

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/zwgk/zwgk/checklists/rules"
	"github.com/zwgk/zwgk/checklists/yamlfile"
)

// Lint checks a checklist and returns every error and warning, sorted by
// position; nil when it is clean. Load refuses a checklist only for errors.
func Lint(name string, data []byte, opts LoadOptions) ErrorList {
	_, errs := load(name, data, opts)
	return errs
}

// compile compiles the expression of e for rows of table ("" for a
// unit-level expression), reporting a failure at its place in the YAML.
func (l *loader) compile(e yamlfile.Entry, table string, env *compileEnv) *Expr {
	return l.compileWith(e, table, env.rules.Compile)
}

// compileDate compiles an expression whose value is a date (due:).
func (l *loader) compileDate(e yamlfile.Entry, table string, env *compileEnv) *Expr {
	return l.compileWith(e, table, env.rules.CompileDate)
}

func (l *loader) compileWith(e yamlfile.Entry, table string, compile func(src, table string) (*rules.Program, error)) *Expr {
	src, ok := l.exprText(e)
	if !ok {
		return nil
	}
	prog, err := compile(src, table)
	if err != nil {
		var re *rules.Error
		if !errors.As(err, &re) {
			re = &rules.Error{Offset: -1, Msg: err.Error()}
		}
		if re.Kind == rules.Crash {
			l.errorf(e.Pos(), "表达式无法编译：%v", "expression does not compile: %v", re.Msg)
		} else if !usesAny(src, l.broken[table]) {
			l.exprError(e, table, re)
		}
		return nil
	}
	return &Expr{Source: src, Program: prog, Pos: e.Pos(), Fields: prog.Fields()}
}

// exprError reports a compile error of the expression in entry e.
func (l *loader) exprError(e yamlfile.Entry, table string, err *rules.Error) {
	p := e.Pos()
	if err.Offset >= 0 {
		p = exprPos(e.File, e.Value, err.Offset)
	}
	switch err.Kind {
	case rules.UnknownName:
		if err.Name == rules.VarScore {
			l.errorf(p, "score（计算得分）只能用在 %[1]s 的 bonus 指标的 applies 中（门槛）：其他地方使用会让指标依赖依赖它的得分", "score (computed scores) may only be used in the applies of a bonus item of %[1]s (a gate): anywhere else an item would depend on scores that depend on it", FormatV2)
			return
		}
		hint, hintEn := "", ""
		if s := err.Suggest; s != "" {
			hint, hintEn = fmt.Sprintf("，是否想写「%s」？", s), fmt.Sprintf("; did you mean %q?", s)
		}
		if table != "" {
			l.errorf(p, "表「%[1]s」没有字段「%[2]s」%[3]s", "table %[1]q has no field %[2]q%[4]s", table, err.Name, hint, hintEn)
		} else {
			l.errorf(p, "未知的名称「%[1]s」：单位级表达式只能用 unit、year、period_start、period_end、tables、self%[2]s", "unknown name %[1]q: a unit-level expression may only use unit, year, period_start, period_end, tables and self%[3]s", err.Name, hint, hintEn)
		}
	case rules.UnknownTable:
		hint, hintEn := closestHint(err.Suggest)
		l.errorf(p, "没有表「%[1]s」%[2]s", "no table %[1]q%[3]s", err.Name, hint, hintEn)
	case rules.UnknownField:
		hint, hintEn := closestHint(err.Suggest)
		l.errorf(p, "表「%[1]s」没有字段「%[2]s」%[3]s", "table %[1]q has no field %[2]q%[4]s", err.Table, err.Name, hint, hintEn)
	case rules.NotBool:
		l.errorf(p, "「%s」的值应为布尔值（真/假），实际是 %s", "%s should be boolean (true/false), but is %s", e.Key.Value, err.Name)
	case rules.NoField:
		l.errorf(p, "没有「%s」这一项：%s", "no such field %q: %s", err.Name, err.Msg)
	default:
		l.errorf(p, "「%s」的表达式无法编译：%s", "%s does not compile: %s", e.Key.Value, err.Msg)
	}
}

// closestHint is 「，是否想写「x」？」 in both languages, or nothing.
func closestHint(s string) (zh, en string) {
	if s == "" {
		return "", ""
	}
	return fmt.Sprintf("，是否想写「%s」？", s), fmt.Sprintf("; did you mean %q?", s)
}

// exprPos maps the rune offset from within the value of the scalar n back
// to a line and column of the file, walking the value and the source side by
// side: a run of white space in one matches a run in the other, which covers
// quoting, folding and the indentation of block scalars. When the two do
// not match (escape sequences) it falls back to the scalar's own position.
func exprPos(f *yamlfile.File, n *yaml.Node, from int) Pos {
	base := f.Pos(n)
	val := []rune(n.Value)
	from = max(0, min(from, len(val)))
	li, ci := n.Line-1, n.Column-1
	switch n.Style {
	case yaml.LiteralStyle, yaml.FoldedStyle:
		li, ci = n.Line, 0
	case yaml.SingleQuotedStyle, yaml.DoubleQuotedStyle:
		ci++
	}
	at := func() (rune, bool) {
		line, ok := f.Line(li)
		if !ok {
			return 0, false
		}
		if ci < len(line) {
			return line[ci], true
		}
		return '\n', true
	}
	next := func() {
		if line, _ := f.Line(li); ci < len(line) {
			ci++
		} else {
			li, ci = li+1, 0
		}
	}
	skipSpace := func() {
		for r, ok := at(); ok && unicode.IsSpace(r); r, ok = at() {
			next()
		}
	}
	for vi := 0; vi < from; {
		r, ok := at()
		if !ok {
			return base
		}
		switch v := val[vi]; {
		case unicode.IsSpace(v):
			for vi < from && unicode.IsSpace(val[vi]) {
				vi++
			}
			skipSpace()
		case unicode.IsSpace(r):
			next()
		case r != v:
			return base
		default:
			vi++
			next()
		}
	}
	if from < len(val) && !unicode.IsSpace(val[from]) {
		skipSpace()
	}
	if _, ok := at(); !ok {
		return base
	}
	return Pos{File: f.Name, Line: li + 1, Col: ci + 1}
}

// usesAny reports whether src holds one of names as a whole word.
func usesAny(src string, names []string) bool {
	for _, n := range names {
		for i := strings.Index(src, n); i >= 0; {
			end := i + len(n)
			if (i == 0 || !isIdent(src[i-1])) && (end == len(src) || !isIdent(src[end])) {
				return true
			}
			j := strings.Index(src[end:], n)
			if j < 0 {
				break
			}
			i = end + j
		}
	}
	return false
}

func isIdent(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}
