package xlsx

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Cell is the A1 reference of (col, row), both from 1.
func Cell(col, row int) string {
	s, _ := excelize.CoordinatesToCellName(col, row)
	return s
}

// Col is the letters of column col, from 1.
func Col(col int) string {
	s, _ := excelize.ColumnNumberToName(col)
	return s
}

// Quote quotes a sheet name for a reference ('名称'!$A$1).
func Quote(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// Set writes one value into cell ref of a normal-mode sheet: strings as
// text (never a formula, whatever a unit wrote), ints and floats as
// numbers; nil and "" write nothing.
func Set(f *excelize.File, name, ref string, v any) error {
	switch v := v.(type) {
	case string:
		if v != "" {
			return f.SetCellStr(name, ref, v)
		}
	case int:
		return f.SetCellInt(name, ref, int64(v))
	case float64:
		return f.SetCellFloat(name, ref, v, -1, 64)
	case nil:
	default:
		return fmt.Errorf("unexpected cell value %T", v)
	}
	return nil
}

// SafeText neutralises text that a spreadsheet would take for a formula
// (starting with =, +, -, @, tab or carriage return) by prefixing a quote.
// Cells written with Set need it only where a clerk copies them elsewhere;
// CSV files need it always.
func SafeText(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}

// Header writes headers as text into row 1 of a sheet from column A and
// gives them style.
func Header(f *excelize.File, name string, headers []string, style int) error {
	for i, h := range headers {
		if err := f.SetCellStr(name, Cell(i+1, 1), h); err != nil {
			return err
		}
	}
	return f.SetCellStyle(name, "A1", Cell(len(headers), 1), style)
}

// Border is a thin border of color on all four sides of a cell.
func Border(color string) []excelize.Border {
	var b []excelize.Border
	for _, side := range []string{"left", "right", "top", "bottom"} {
		b = append(b, excelize.Border{Type: side, Color: color, Style: 1})
	}
	return b
}

// Fill is a solid fill of color.
func Fill(color string) excelize.Fill {
	return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
}
