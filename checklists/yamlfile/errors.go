package yamlfile

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/zwgk/zwgk/checklists/msg"
)

// Pos is a position in a file; Line and Col count from 1 (Col in
// characters) and are 0 when unknown.
type Pos struct {
	File string
	Line int
	Col  int
}

// String returns the position as FILE:LINE:COL, leaving out what is unknown.
func (p Pos) String() string {
	switch {
	case p.Line <= 0:
		return p.File
	case p.Col <= 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Error is one mistake in a file, or a warning about it, at a position.
type Error struct {
	Pos     Pos
	Text    msg.Text
	Warning bool
}

// Error returns the error as `FILE:LINE:COL: message` in Chinese.
func (e *Error) Error() string { return e.In(msg.ZH) }

// In returns the error as `FILE:LINE:COL: message` in lang; a warning's
// message starts with 警告 / warning.
func (e *Error) In(lang msg.Lang) string {
	text := e.Text.In(lang)
	if e.Warning {
		text = msg.Pick(lang, "警告：", "warning: ") + text
	}
	return e.Pos.String() + ": " + text
}

// ErrorList is a list of errors and warnings, in the manner of
// go/scanner.ErrorList.
type ErrorList []*Error

// Add appends an error at p.
func (l *ErrorList) Add(p Pos, text msg.Text) {
	*l = append(*l, &Error{Pos: p, Text: text})
}

// Warn appends a warning at p.
func (l *ErrorList) Warn(p Pos, text msg.Text) {
	*l = append(*l, &Error{Pos: p, Text: text, Warning: true})
}

// Len, Less and Swap implement sort.Interface: by file, line, column, then errors before warnings.
func (l ErrorList) Len() int      { return len(l) }
func (l ErrorList) Swap(i, j int) { l[i], l[j] = l[j], l[i] }
func (l ErrorList) Less(i, j int) bool {
	return compareErrors(l[i], l[j]) < 0
}

func compareErrors(a, b *Error) int {
	if c := cmp.Compare(a.Pos.File, b.Pos.File); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Pos.Line, b.Pos.Line); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Pos.Col, b.Pos.Col); c != 0 {
		return c
	}
	if a.Warning != b.Warning {
		if a.Warning {
			return 1
		}
		return -1
	}
	return cmp.Compare(a.Text.Zh, b.Text.Zh)
}

// Sort sorts the list by position.
func (l ErrorList) Sort() { slices.SortStableFunc(l, compareErrors) }

// Error returns every entry on its own line, in Chinese.
func (l ErrorList) Error() string { return l.In(msg.ZH) }

// In returns every entry on its own line, in lang.
func (l ErrorList) In(lang msg.Lang) string {
	lines := make([]string, len(l))
	for i, e := range l {
		lines[i] = e.In(lang)
	}
	return strings.Join(lines, "\n")
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Errors returns the entries that are errors, not warnings, or nil.
func (l ErrorList) Errors() ErrorList { return l.filter(false) }

// Warnings returns the entries that are warnings, or nil.
func (l ErrorList) Warnings() ErrorList { return l.filter(true) }

// HasErrors reports whether the list holds an entry that is not a warning.
func (l ErrorList) HasErrors() bool {
	return slices.ContainsFunc(l, func(e *Error) bool { return !e.Warning })
}

func (l ErrorList) filter(warning bool) ErrorList {
	var out ErrorList
	for _, e := range l {
		if e.Warning == warning {
			out = append(out, e)
		}
	}
	return out
}
