package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"golang.org/x/text/width"

	"github.com/zwgk/zwgk/checklists/msg"
)

// ConsoleWidth is the widest a console table is drawn, in terminal cells:
// a Windows console window is 120 columns wide by default, and a wider
// line is wrapped by the console into an unreadable table.
const ConsoleWidth = 120

// minFold is the narrowest a folded column becomes, in terminal cells.
const minFold = 10

// ConsoleTable is a table for the console that keeps its rows until
// Render, so that it can fold its widest columns to fit its width.
type ConsoleTable struct {
	w      io.Writer
	header []string
	rows   [][]string
	width  int
}

// Append adds a row.
func (t *ConsoleTable) Append(row []string) error {
	t.rows = append(t.rows, row)
	return nil
}

// Render folds the widest columns until the table fits its width (never
// below minFold cells or a column's header), then draws it.
func (t *ConsoleTable) Render() error {
	widths := make([]int, len(t.header))
	measure := func(row []string) {
		for i, c := range row {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			for _, line := range strings.Split(c, "\n") {
				widths[i] = max(widths[i], displayWidth(line))
			}
		}
	}
	measure(t.header)
	for _, r := range t.rows {
		measure(r)
	}
	limits := fitWidths(widths, t.header, t.width)
	out := tablewriter.NewTable(t.w,
		tablewriter.WithEastAsian(tw.Off), // upstream #308: ambiguous width breaks box drawing
		tablewriter.WithHeaderAutoFormat(tw.Off),
	)
	out.Header(t.header)
	for _, r := range t.rows {
		folded := make([]string, len(r))
		for i, c := range r {
			folded[i] = c
			if i < len(limits) && limits[i] < widths[i] {
				folded[i] = fold(c, limits[i])
			}
		}
		if err := out.Append(folded); err != nil {
			return err
		}
	}
	return out.Render()
}

// fitWidths is the width each column is given so that the table (each
// column drawn with a space either side and a rule between) is at most
// total cells wide: the widest column is narrowed one cell at a time, none
// below minFold or its header's width. When that is not enough the table
// stays wider.
func fitWidths(widths []int, header []string, total int) []int {
	w := append([]int(nil), widths...)
	floor := make([]int, len(w))
	for i := range w {
		floor[i] = minFold
		if i < len(header) {
			floor[i] = max(floor[i], displayWidth(header[i]))
		}
		floor[i] = min(floor[i], w[i])
	}
	drawn := func() int {
		n := 1
		for _, c := range w {
			n += c + 3
		}
		return n
	}
	for drawn() > total {
		widest := -1
		for i := range w {
			if w[i] > floor[i] && (widest < 0 || w[i] > w[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		w[widest]--
	}
	return w
}

// fold breaks text into lines at most limit cells wide: at the last space
// within the limit when there is one (English), else after the character
// that reaches it (Chinese has no spaces); a wide character never splits.
func fold(text string, limit int) string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		for displayWidth(line) > limit {
			cut, w, space := 0, 0, -1
			for i, r := range line {
				rw := runeWidth(r)
				if w+rw > limit {
					break
				}
				w += rw
				cut = i + len(string(r))
				if r == ' ' {
					space = i
				}
			}
			if cut == 0 { // a character wider than the limit
				_, size := firstRune(line)
				cut = size
			}
			// A line never starts with closing punctuation (「，」「）」…):
			// the character before it goes down with it.
			if next, _ := utf8.DecodeRuneInString(line[cut:]); strings.ContainsRune(closers, next) {
				if prev, size := utf8.DecodeLastRuneInString(line[:cut]); size < cut && !strings.ContainsRune(closers, prev) {
					cut -= size
				}
			}
			if space > 0 && cut < len(line) && line[cut] != ' ' && isASCIIWord(line[space+1:cut]) {
				out = append(out, line[:space])
				line = line[space+1:]
				continue
			}
			out = append(out, strings.TrimRight(line[:cut], " "))
			line = strings.TrimLeft(line[cut:], " ")
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// closers are the punctuation marks a folded line does not start with.
const closers = "，。、；：？！）］｝」』》〉】〕”’,.;:?!)]}"

func firstRune(s string) (rune, int) {
	for i, r := range s {
		if i > 0 {
			return r, i
		}
	}
	return 0, len(s)
}

// isASCIIWord reports whether s is a run of ASCII letters and digits, the
// tail of a word that breaking at a space keeps whole.
func isASCIIWord(s string) bool {
	for _, r := range s {
		if r >= 0x80 || r == ' ' {
			return false
		}
	}
	return true
}

// displayWidth is the number of terminal cells s takes: wide and
// full-width characters two, others one (ambiguous ones one, as the
// tables are drawn with East Asian width off).
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		n += runeWidth(r)
	}
	return n
}

func runeWidth(r rune) int {
	switch width.LookupRune(r).Kind() {
	case width.EastAsianWide, width.EastAsianFullwidth:
		return 2
	}
	return 1
}

// Where is a finding's position as a clerk finds it: the cell
// (公文台账!D7) when the column is known, else the row (公文台账 第7行, in
// English 公文台账 row 7) — never 公文台账!7, which reads as a cell that is
// not there; the sheet alone for a finding about the whole register.
func Where(sheet, col string, row int, l msg.Lang) string {
	switch {
	case row <= 0:
		return sheet
	case col != "":
		return fmt.Sprintf("%s!%s%d", sheet, col, row)
	}
	return fmt.Sprintf(msg.Pick(l, "%s 第%d行", "%s row %d"), sheet, row)
}
