package msg

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape returns s with the characters that would steer a terminal or hide
// text shown as escapes: C0 controls but tab and newline (ESC as \x1b), DEL,
// C1 controls (as \u0085), the bidi embeddings, overrides and isolates
// U+202A–U+202E and U+2066–U+2069 (as \u202e), and bytes that are not UTF-8
// (as \xff). Renderers apply it to what they print or write as text (console,
// CSV, Markdown, messages); the data itself keeps the characters.
func Escape(s string) string {
	i := strings.IndexFunc(s, unsafeRune)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for s = s[i:]; s != ""; {
		r, n := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case r != utf8.RuneError && unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[:n])
		}
		s = s[n:]
	}
	return b.String()
}

// unsafeRune reports whether Escape shows r escaped.
func unsafeRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == utf8.RuneError:
		return true // maybe invalid UTF-8, which Escape tells from a genuine U+FFFD
	}
	return false
}
