package xlsx

import (
	"strconv"
	"strings"
	"unicode/utf16"
)

// MaxName is the longest sheet name Excel accepts, in UTF-16 code units.
const MaxName = 31

// CleanName turns s (a unit's name, say) into a sheet name Excel accepts:
// at most MaxName UTF-16 units, each of []:*?/\ and every control character
// replaced by _, no apostrophe or space at either end. It is "" when
// nothing is left; the caller picks a fallback.
func CleanName(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`[]:*?/\`, r) || r < 0x20 || r == 0x7f {
			r = '_'
		}
		sb.WriteRune(r)
	}
	return trimName(TruncUTF16(trimName(sb.String()), MaxName))
}

func trimName(s string) string { return strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "'")) }

// TruncUTF16 cuts s to at most n UTF-16 code units without splitting a
// character.
func TruncUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return s[:i]
		}
	}
	return s
}

// Names are the sheet names a workbook has taken, compared without regard
// to case, as Excel compares them.
type Names struct{ taken map[string]bool }

// NewNames returns the names of a workbook that has taken none but
// reserved, and History, which Excel keeps for itself.
func NewNames(reserved ...string) *Names {
	n := &Names{taken: map[string]bool{"history": true}}
	for _, r := range reserved {
		n.Take(r)
	}
	return n
}

// Take records name as taken.
func (n *Names) Take(name string) { n.taken[strings.ToLower(name)] = true }

// Taken reports whether name is taken.
func (n *Names) Taken(name string) bool { return n.taken[strings.ToLower(name)] }

// Unique is name (already clean) if it is free, else the first free of
// name~2, name~3, …, with name cut so that it stays within MaxName. It does
// not take the name.
func (n *Names) Unique(name string) string {
	if !n.Taken(name) {
		return name
	}
	for i := 2; ; i++ {
		suffix := "~" + strconv.Itoa(i)
		cand := trimName(TruncUTF16(name, MaxName-len(suffix))) + suffix
		if !n.Taken(cand) {
			return cand
		}
	}
}
