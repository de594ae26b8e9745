package xlsx

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// Freeze keeps rows above row and columns left of col in view.
func Freeze(row, col int) *excelize.Panes {
	p := &excelize.Panes{Freeze: true, XSplit: col - 1, YSplit: row - 1, TopLeftCell: Cell(col, row), ActivePane: "bottomLeft"}
	if col > 1 {
		p.ActivePane = "bottomRight"
		if row == 1 {
			p.ActivePane = "topRight"
		}
	}
	return p
}

// A4 is excelize's paper size number of A4.
const A4 = 9

// PageSetup prints a sheet in orientation ("landscape" or "portrait") on
// paper (an excelize paper size, 0 for the printer's default), one page
// wide and as many tall as it takes. On a streamed sheet it must run before
// NewStreamWriter (the sheet properties are written first).
func PageSetup(f *excelize.File, name, orientation string, paper int) error {
	one, auto := 1, 0
	opts := &excelize.PageLayoutOptions{Orientation: &orientation, FitToWidth: &one, FitToHeight: &auto}
	if paper != 0 {
		opts.Size = &paper
	}
	if err := f.SetPageLayout(name, opts); err != nil {
		return err
	}
	fit := true
	return f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit})
}

// PrintTitles repeats rows first..last of a sheet on every printed page.
func PrintTitles(f *excelize.File, name string, first, last int) error {
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("%s!$%d:$%d", Quote(name), first, last), Scope: name})
}

// Column describes one column of a table: its header, the narrowest it may
// be and the widest it may grow (its text wraps beyond that).
type Column struct {
	Head     string
	Min, Max float64
}

// Fitter tracks the width each column of a table needs, counting a Chinese
// character as two.
type Fitter struct{ w, min, max []float64 }

// NewFitter returns a Fitter for cols that has seen their headers.
func NewFitter(cols []Column) *Fitter {
	ft := &Fitter{w: make([]float64, len(cols)), min: make([]float64, len(cols)), max: make([]float64, len(cols))}
	for i, c := range cols {
		ft.min[i], ft.max[i] = c.Min, c.Max
		ft.See(i, c.Head)
	}
	return ft
}

// See notes text s in column i.
func (ft *Fitter) See(i int, s string) {
	if i >= len(ft.w) || ft.w[i] >= ft.max[i] {
		return
	}
	ft.w[i] = max(ft.w[i], TextWidth(s))
}

// SeeRow notes the values of a row of cells from the first column: strings,
// ints and floats (as with two decimals).
func (ft *Fitter) SeeRow(cells []excelize.Cell) {
	for i, c := range cells {
		switch v := c.Value.(type) {
		case string:
			ft.See(i, v)
		case int:
			ft.See(i, strconv.Itoa(v))
		case float64:
			ft.See(i, strconv.FormatFloat(v, 'f', 2, 64))
		}
	}
}

// Width is column i's width in Excel's units (about one Latin character).
func (ft *Fitter) Width(i int) float64 {
	w := min(ft.w[i], ft.max[i]) + 2
	return max(w, ft.min[i], 5)
}

// Widths are the widths of all columns.
func (ft *Fitter) Widths() []float64 {
	ws := make([]float64, len(ft.w))
	for i := range ws {
		ws[i] = ft.Width(i)
	}
	return ws
}

// SetWidths sets the widths of a normal-mode sheet's columns from column A.
func SetWidths(f *excelize.File, name string, ws []float64) error {
	for i, w := range ws {
		c := Col(1 + i)
		if err := f.SetColWidth(name, c, c, w); err != nil {
			return err
		}
	}
	return nil
}

// TextWidth is the display width of the longest line of s, a Chinese
// character counting two.
func TextWidth(s string) float64 {
	best, cur := 0, 0
	for _, r := range s {
		switch {
		case r == '\n':
			best, cur = max(best, cur), 0
		case r < 0x1100:
			cur++
		case r >= 0x2E80 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3, r >= 0xF900 && r <= 0xFAFF, r >= 0xFF01 && r <= 0xFF60:
			cur += 2
		default:
			switch width.LookupRune(r).Kind() {
			case width.EastAsianWide, width.EastAsianFullwidth:
				cur += 2
			default:
				cur++
			}
		}
	}
	return float64(max(best, cur))
}

// LineHeight is the height in points of a line of 11-point text.
const LineHeight = 15

// Lines is how many lines s takes when wrapped in a column w wide.
func Lines(s string, w float64) int {
	capacity := max(w-1, 1)
	n := 0
	for seg := range strings.SplitSeq(s, "\n") {
		n += max(1, int(math.Ceil(TextWidth(seg)/capacity)))
	}
	return n
}

// Height is the height in points of a row of n lines of 11-point text, at
// most Excel's 409.
func Height(n int) float64 { return min(float64(n)*LineHeight+3, 409) }

// FreezeHeader keeps row 1 of a list sheet in view and on every printed
// page, and prints the sheet landscape on A4, one page wide.
func FreezeHeader(f *excelize.File, name string) error {
	if err := f.SetPanes(name, Freeze(2, 1)); err != nil {
		return err
	}
	if err := PageSetup(f, name, "landscape", A4); err != nil {
		return err
	}
	return PrintTitles(f, name, 1, 1)
}
