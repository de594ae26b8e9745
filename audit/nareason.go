package audit

import (
	"regexp"
	"strings"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
)

// naReason is why an item does not apply to a unit, in words a leader
// reads: its applies: condition said in Chinese (「本指标只适用于：部门，且
// 试点单位」), never as the expression. A condition the words below do not
// cover is not quoted either: the reason then says only that the item does
// not apply to this unit.
func naReason(cond string) msg.Text {
	if t, ok := conditionWords(cond); ok {
		return msg.Both("不适用（本指标只适用于：%s）", []any{t.Zh}, "not applicable (the item applies only to: %s)", []any{t.En})
	}
	return msg.Text{Zh: "不适用（本单位不在该指标的适用范围内）", En: "not applicable (the item does not apply to this unit)"}
}

// naReasonOf is why item it does not apply: its applies: condition said
// in words, the Chinese replaced by the checklist's own words (na_reason:,
// written in Chinese) when it has them. English keeps the worded
// condition, so an English report stays English.
func naReasonOf(it *checklists.Item) msg.Text {
	t := naReason(it.Applies.Source)
	if it.NAReason != "" {
		t.Zh = it.NAReason
	}
	return t
}

var (
	typeRe  = regexp.MustCompile(`^unit\.type\s*(==|!=)\s*"([^"]*)"$`)
	yearRe  = regexp.MustCompile(`^year\s*(>=|<=|==|>|<)\s*(\d{4})$`)
	pilotRe = regexp.MustCompile(`^unit\.pilot(\s*==\s*true)?$`)
)

// conditionWords says a condition of &&, ||, !, parentheses and the atoms
// unit.type == "…", unit.pilot, year OP N in both languages; ok is false for
// anything else.
func conditionWords(src string) (msg.Text, bool) {
	s := strings.TrimSpace(src)
	if inner, ok := wrapped(s); ok {
		return conditionWords(inner)
	}
	for _, op := range []struct{ op, zh, en string }{{"||", "，或", " or "}, {"&&", "，且", " and "}} {
		if parts := splitTop(s, op.op); len(parts) > 1 {
			var zh, en []string
			for _, p := range parts {
				t, ok := conditionWords(p)
				if !ok {
					return msg.Text{}, false
				}
				zh, en = append(zh, t.Zh), append(en, t.En)
			}
			return msg.Text{Zh: strings.Join(zh, op.zh), En: strings.Join(en, op.en)}, true
		}
	}
	if rest, ok := strings.CutPrefix(s, "!"); ok {
		t, ok := conditionWords(rest)
		if !ok {
			return msg.Text{}, false
		}
		return msg.Text{Zh: "不属于「" + t.Zh + "」", En: "not (" + t.En + ")"}, true
	}
	if m := typeRe.FindStringSubmatch(s); m != nil {
		if m[1] == "==" {
			return msg.Text{Zh: m[2], En: m[2]}, true
		}
		return msg.Text{Zh: "非" + m[2] + "单位", En: "units other than " + m[2]}, true
	}
	if pilotRe.MatchString(s) {
		return msg.Text{Zh: "试点单位", En: "pilot units"}, true
	}
	if m := yearRe.FindStringSubmatch(s); m != nil {
		y := m[2]
		switch m[1] {
		case ">=":
			return msg.Text{Zh: y + "年度及以后", En: "the year " + y + " and later"}, true
		case ">":
			return msg.Text{Zh: y + "年度以后", En: "years after " + y}, true
		case "<=":
			return msg.Text{Zh: y + "年度及以前", En: "the year " + y + " and earlier"}, true
		case "<":
			return msg.Text{Zh: y + "年度以前", En: "years before " + y}, true
		default:
			return msg.Text{Zh: y + "年度", En: "the year " + y}, true
		}
	}
	return msg.Text{}, false
}

// wrapped reports whether s is one parenthesised expression, and returns
// what is inside.
func wrapped(s string) (string, bool) {
	if !strings.HasPrefix(s, "(") || !strings.HasSuffix(s, ")") {
		return "", false
	}
	depth := 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 && i != len(s)-1 {
				return "", false
			}
		}
	}
	return s[1 : len(s)-1], true
}

// splitTop splits s at op outside parentheses and quotes.
func splitTop(s, op string) []string {
	var parts []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == '(':
			depth++
		case c == ')':
			depth--
		case depth == 0 && strings.HasPrefix(s[i:], op):
			parts = append(parts, s[start:i])
			i += len(op) - 1
			start = i + 1
		}
	}
	return append(parts, s[start:])
}
