package checklists

import (
	"strings"

	"github.com/zwgk/zwgk/checklists/msg"
)

// dateWords end a header that names a date or a time: 发文时间, 收件日期, 发文日子.
var dateWords = []string{"年月日", "日期", "时间", "日子", "时刻", "日", "时"}

// dateStem splits a folded header into its stem and whether it ends in a
// date word: 发文时间 → 发文, true.
func dateStem(h string) (string, bool) {
	for _, w := range dateWords {
		if s, ok := strings.CutSuffix(h, w); ok && s != "" {
			return s, true
		}
	}
	return h, false
}

// Resembles returns the field among fields that an unknown header most
// likely means, or nil when none resembles it. Chinese headers are
// compared by meaning-bearing parts rather than by edit distance alone: a
// header ending in a date word (日期, 时间, 日子 …) only means a date field,
// and then its stem is compared (发文时间 ~ 发文日期, an alias of 印发日期);
// a header containing a field's header or alias, or contained in one
// (网站发布日期 ~ 发布日期); one edit apart (收件日期 ~ 收到日期); or, for
// dates, stems sharing half their characters. Ties go to the earlier field.
func Resembles(header string, fields []*Field) *Field {
	h := Fold(header)
	if h == "" {
		return nil
	}
	hs, hd := dateStem(h)
	var best *Field
	bestScore := 0
	for _, f := range fields {
		isDate := f.Type == Date || f.Type == DateTime
		if hd && !isDate {
			continue
		}
		for _, name := range append([]string{f.Header, f.Name}, f.Aliases...) {
			if s := likeness(h, hs, hd, Fold(name)); s > bestScore {
				best, bestScore = f, s
			}
		}
	}
	return best
}

// likeness scores how much the folded header h (stem hs, a date header when
// hd) resembles the folded name c: 0 not at all, 4 the same stem.
func likeness(h, hs string, hd bool, c string) int {
	if c == "" {
		return 0
	}
	cs, cd := dateStem(c)
	switch {
	case h == c:
		return 5
	case hd && cd && hs == cs:
		return 4
	case runes(c) >= 2 && runes(h) >= 2 && (strings.Contains(h, c) || strings.Contains(c, h)):
		return 3
	case msg.Closest(h, []string{c}) != "":
		return 2
	case hd && cd && 2*shared(hs, cs) >= max(runes(hs), runes(cs)):
		return 1
	}
	return 0
}

func runes(s string) int { return len([]rune(s)) }

// shared counts the characters of a also found in b.
func shared(a, b string) int {
	n := 0
	for _, r := range a {
		if strings.ContainsRune(b, r) {
			n++
		}
	}
	return n
}
