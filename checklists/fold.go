package checklists

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Fold normalises a header, sheet name or value for matching: full-width
// forms become half-width, all spaces (also ideographic and zero-width ones)
// are removed, and a trailing （必填）, （选填）, * or ＊ and a leading * are
// dropped. Two spellings match when their folds are equal.
func Fold(s string) string {
	if isFolded(s) {
		return trimMarks(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == utf8.RuneError {
			b.WriteRune(r)
			continue
		}
		if f := width.LookupRune(r).Folded(); f != 0 {
			r = f
		}
		if isSpace(r) {
			continue
		}
		b.WriteRune(r)
	}
	return trimMarks(b.String())
}

// isFolded reports whether s is plain ASCII without spaces, or otherwise
// needs no rune-by-rune work; it keeps Fold allocation-free for most values.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || c <= ' ' || c == 0x7f {
			return false
		}
	}
	return true
}

func isSpace(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r) || unicode.IsControl(r)
}

// trimMarks drops the required-field marks around a folded header.
func trimMarks(s string) string {
	for {
		t := s
		t = strings.TrimSuffix(t, "(必填)")
		t = strings.TrimSuffix(t, "(选填)")
		t = strings.TrimSuffix(t, "*")
		t = strings.TrimPrefix(t, "*")
		if t == s {
			return s
		}
		s = t
	}
}
