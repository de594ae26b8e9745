package yamlfile

import (
	"math/big"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/zwgk/zwgk/checklists/msg"
)

// What the typed readers want, in both languages.
var (
	wantText   = msg.Text{Zh: "文本", En: "text"}
	wantNumber = msg.Text{Zh: "数字", En: "a number"}
	wantInt    = msg.Text{Zh: "整数", En: "an integer"}
	wantBool   = msg.Text{Zh: "布尔值（true 或 false）", En: "a boolean (true or false)"}
	wantList   = msg.Text{Zh: "列表", En: "a list"}
)

// decimalRe is a number as a file may write it: at most 12 digits before
// and after the point.
var decimalRe = regexp.MustCompile(`^[-+]?(0|[1-9][0-9]{0,11})(\.[0-9]{1,12})?$`)

// WrongType reports that the value of e is not what it should be: want, such
// as {文本, text}. Quoted numbers and unquoted non-text get a hint.
func (r *Reader) WrongType(e Entry, want msg.Text) {
	got := kindText(e.Value)
	hint := msg.Text{}
	scalar := e.Value.Kind == yaml.ScalarNode
	quoted := e.Value.Style&(yaml.SingleQuotedStyle|yaml.DoubleQuotedStyle) != 0
	if (want == wantNumber || want == wantInt) && scalar && quoted && decimalRe.MatchString(strings.TrimSpace(e.Value.Value)) {
		hint = msg.Text{Zh: "（数字不要加引号）", En: " (numbers are written without quotes)"}
	}
	if want == wantText && scalar && e.Value.Tag != "!!str" {
		hint = msg.Text{Zh: "（请加引号）", En: " (quote it)"}
	}
	r.Errorf(e.Pos(), "「%[1]s」应为%[2]s，不是%[4]s%[6]s", "%[1]s should be %[3]s, not %[5]s%[7]s", e.Name(), want.Zh, want.En, got.Zh, got.En, hint.Zh, hint.En)
}

// Text reads a text (a string scalar; an unquoted number or boolean is not one).
func (r *Reader) Text(e Entry) (string, bool) {
	if e.Value.Kind != yaml.ScalarNode || e.Value.Tag != "!!str" {
		r.WrongType(e, wantText)
		return "", false
	}
	return e.Value.Value, true
}

// Scalar reads a value as written, whatever YAML makes of it (text, a
// number, a date, true or false): for hand-typed lists, where 3 and
// 2017-12-28 mean what they read.
func (r *Reader) Scalar(e Entry) (string, bool) {
	if e.Value.Kind != yaml.ScalarNode || e.Value.Tag == "!!null" {
		r.WrongType(e, wantText)
		return "", false
	}
	return e.Value.Value, true
}

// NonEmpty reads a text that must hold something besides spaces.
func (r *Reader) NonEmpty(e Entry) (string, bool) {
	s, ok := r.Text(e)
	if ok && strings.TrimSpace(s) == "" {
		r.Errorf(e.Pos(), "「%s」不能为空", "%s may not be empty", e.Name())
		return "", false
	}
	return s, ok
}

// Number reads a decimal number exactly, from the scalar's text.
func (r *Reader) Number(e Entry) (*big.Rat, bool) {
	v := e.Value
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") {
		r.WrongType(e, wantNumber)
		return nil, false
	}
	if !decimalRe.MatchString(v.Value) {
		r.Errorf(e.Pos(), "「%s」的值「%s」应写成十进制数，如 10 或 2.5", "%s: %q should be a decimal number such as 10 or 2.5", e.Name(), v.Value)
		return nil, false
	}
	n, ok := new(big.Rat).SetString(v.Value)
	if !ok {
		r.Errorf(e.Pos(), "「%s」的值「%s」不是数字", "%s: %q is not a number", e.Name(), v.Value)
		return nil, false
	}
	return n, true
}

// Positive reads a number that must be greater than 0.
func (r *Reader) Positive(e Entry) (*big.Rat, bool) {
	n, ok := r.Number(e)
	if ok && n.Sign() <= 0 {
		r.Errorf(e.Pos(), "「%s」应大于0，不是「%s」", "%s must be greater than 0, not %s", e.Name(), NumberText(n))
		return nil, false
	}
	return n, ok
}

// Integer reads a whole number written in decimal.
func (r *Reader) Integer(e Entry) (int, bool) {
	v := e.Value
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || !decimalRe.MatchString(v.Value) || strings.Contains(v.Value, ".") {
		r.WrongType(e, wantInt)
		return 0, false
	}
	i, err := strconv.Atoi(v.Value)
	if err != nil {
		r.WrongType(e, wantInt)
		return 0, false
	}
	return i, true
}

// Boolean reads true or false.
func (r *Reader) Boolean(e Entry) (bool, bool) {
	v := e.Value
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
		r.WrongType(e, wantBool)
		return false, false
	}
	b, err := strconv.ParseBool(strings.ToLower(v.Value))
	if err != nil {
		r.WrongType(e, wantBool)
		return false, false
	}
	return b, true
}

// Sequence returns the elements of a list, each as an entry under the
// list's key (aliases not followed: Mapping and Texts follow them).
func (r *Reader) Sequence(e Entry) ([]Entry, bool) {
	if e.Value.Kind != yaml.SequenceNode {
		r.WrongType(e, wantList)
		return nil, false
	}
	out := make([]Entry, len(e.Value.Content))
	for i, n := range e.Value.Content {
		out[i] = Entry{File: e.File, Key: e.Key, Value: n}
	}
	return out, true
}

// Texts reads a list of non-empty texts; each comes back with its entry,
// for positions. Elements in error are reported and left out.
func (r *Reader) Texts(e Entry) ([]string, []Entry, bool) {
	items, ok := r.Sequence(e)
	if !ok {
		return nil, nil, false
	}
	var out []string
	var entries []Entry
	for _, el := range items {
		el.Value = deref(el.Value)
		s, ok := r.NonEmpty(el)
		if !ok {
			continue
		}
		out = append(out, s)
		entries = append(entries, el)
	}
	return out, entries, true
}

// NumberText writes n as a decimal when it is one, else as a fraction: a
// number as a file would write it.
func NumberText(n *big.Rat) string {
	if n.IsInt() {
		return n.Num().String()
	}
	for prec := 1; prec <= 12; prec++ {
		s := n.FloatString(prec)
		if q, ok := new(big.Rat).SetString(s); ok && q.Cmp(n) == 0 {
			return s
		}
	}
	return n.RatString()
}
