package checklists

import (
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// Fold normalises a header, sheet or unit name for matching: full-width
// forms become half-width, spaces of every kind are removed, and a leading
// `*` or a trailing `（必填）`, `(必填)`, `*` is dropped.
func Fold(s string) string {
	s = width.Fold.String(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
	for {
		t := strings.TrimPrefix(s, "*")
		t = strings.TrimSuffix(t, "(必填)")
		t = strings.TrimSuffix(t, "*")
		if t == s {
			return t
		}
		s = t
	}
}
