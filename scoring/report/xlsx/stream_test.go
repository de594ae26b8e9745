package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

// streamed is what excelize's StreamWriter writes between <sheetData> and
// </sheetData> for rows (row i+1 holds rows[i], as tall as heights[i]),
// with column styles set by SetColStyle.
func streamed(t testing.TB, rows [][]excelize.Cell, heights []float64, colStyles func(f *excelize.File) []int) (string, []int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	var styles []int
	if colStyles != nil {
		styles = colStyles(f)
		for i, s := range styles {
			if s != 0 {
				if err := sw.SetColStyle(i+1, i+1, s); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	for i, cells := range rows {
		vals := make([]any, len(cells))
		for j, c := range cells {
			vals[j] = c
		}
		var opts []excelize.RowOpts
		if heights != nil && heights[i] > 0 {
			opts = append(opts, excelize.RowOpts{Height: heights[i]})
		}
		if err := sw.SetRow(Cell(1, i+1), vals, opts...); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	part, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	s := string(part)
	from, to := strings.Index(s, "<sheetData>"), strings.Index(s, "</sheetData>")
	if from < 0 || to < 0 {
		t.Fatalf("no sheetData in %s", s)
	}
	return s[from+len("<sheetData>") : to], styles
}

// ours is what Rows writes for the same rows.
func ours(t testing.TB, rows [][]excelize.Cell, heights []float64, styles []int) string {
	t.Helper()
	var buf bytes.Buffer
	r := &Rows{w: &buf, colStyles: styles}
	for i, cells := range rows {
		h := 0.0
		if heights != nil {
			h = heights[i]
		}
		if err := r.Row(i+1, cells, h); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.flush(); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// stringCases are texts that exercise every rule of excelize's inline
// strings.
var stringCases = []string{
	"", "plain", "金积镇人民政府", `<>&"'`, "a<b>c&d\"e'f", "\x00\x01\x08\x0b\x0c\x1b\x7f", " leading", "trailing ",
	"\ttab", "tab\t", "\nfirst", "last\n", "\rcr", "cr\r", "line1\nline2", "a\r\nb", "😀", "emoji 😀 in text",
	strings.Repeat("字", 40000), strings.Repeat("a", 32766) + "😀", strings.Repeat("a", 32767) + " ", strings.Repeat("ab", 20000),
	"_x0041_", "_x005F_", "_x005f_", "_x005F_x0041_", "_x005F_x005F_", "_x005F_xD800_", "_xD800_", "a_xDFFF_b",
	"__x0041__", "_x00", "_x004G_", "x_x0041_x0042_y", "_x005F_x0041", "_X0041_", "a_x0041_&_x0042_<",
	"\xff\xfe invalid", "tail\xe4", "\uFFFD", "\uFFFE", "\uFFFF", "\U0010FFFF", "\u2028\u202e", "\ufeffbom",
	"=SUM(1,2)", "'quoted", "&#xA;", "&amp;", "\x1b]0;pwned\x07\u202e",
}

func TestRowsMatchStreamWriter(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	var rows [][]excelize.Cell
	for i, s := range stringCases {
		rows = append(rows, []excelize.Cell{{Value: s, StyleID: 1 + i%3}, {Value: i}, {Value: s}})
	}
	values := []any{nil, 0, -5, 1 << 40, int8(-8), int16(16), int32(-32), int64(math.MaxInt64), uint(7), uint8(8), uint16(16),
		uint32(32), uint64(math.MaxUint64), 1.5, 0.1 + 0.2, 1e20, 123456789012345678.0, 1.0000000000000002, math.Copysign(0, -1), 1e-7,
		math.NaN(), math.Inf(1), math.Inf(-1), math.MaxFloat64, -math.MaxFloat64, math.SmallestNonzeroFloat64, float32(3.14),
		float32(math.Inf(1)), true, false, []byte("bytes <&>"), struct{ A int }{7}, fmt.Errorf("an error"),
		time.Date(2018, 3, 31, 0, 0, 0, 0, time.UTC), time.Date(2018, 3, 31, 13, 30, 15, 500, time.UTC),
		time.Date(2018, 3, 31, 0, 0, 0, 0, loc), time.Date(1900, 2, 28, 0, 0, 0, 0, time.UTC),
		time.Date(1900, 3, 1, 0, 0, 0, 0, time.UTC), time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(1899, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(1066, 10, 14, 0, 0, 0, 0, loc), time.Date(2500, 1, 1, 6, 0, 0, 0, time.UTC),
		time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}
	for i, v := range values {
		rows = append(rows, []excelize.Cell{{Value: v, StyleID: 4}, {Value: i}, {Value: v, StyleID: 2}})
	}
	// Cells without a style take their column's; empty cells are written.
	rows = append(rows, []excelize.Cell{{Value: "no style"}, {}, {Value: time.Date(2018, 1, 2, 0, 0, 0, 0, time.UTC)}, {Value: 3}},
		[]excelize.Cell{{}, {StyleID: 2}, {}, {}}, nil)
	// Thirty columns: references beyond Z.
	var wide []excelize.Cell
	for i := range 30 {
		wide = append(wide, excelize.Cell{Value: i, StyleID: 1})
	}
	rows = append(rows, wide)
	heights := make([]float64, len(rows))
	for i := range heights {
		heights[i] = []float64{0, 18, 33.75, 409, 15.000000000000002}[i%5]
	}
	want, styles := streamed(t, rows, heights, func(f *excelize.File) []int {
		var ids []int
		for range 5 {
			id, err := f.NewStyle(&excelize.Style{NumFmt: 14})
			if err != nil {
				t.Fatal(err)
			}
			ids = append(ids, id)
		}
		return []int{ids[4], 0, ids[4], 0}
	})
	got := ours(t, rows, heights, styles)
	if got != want {
		t.Errorf("Rows and StreamWriter differ (-excelize +Rows):\n%s", cmp.Diff(strings.Split(want, "<row "), strings.Split(got, "<row ")))
	}
}

func TestRowsRefuses(t *testing.T) {
	r := &Rows{w: io.Discard}
	if err := r.Row(2, nil, 0); err != nil {
		t.Fatal(err)
	}
	for name, fn := range map[string]func() error{
		"row order":       func() error { return r.Row(2, nil, 0) },
		"too tall":        func() error { return r.Row(3, nil, 410) },
		"beyond Excel":    func() error { return r.Row(1<<20+1, nil, 0) },
		"formula":         func() error { return r.Row(4, []excelize.Cell{{Formula: "A1"}}, 0) },
		"date, no style":  func() error { return r.Row(5, []excelize.Cell{{Value: time.Now()}}, 0) },
		"duration":        func() error { return r.Row(6, []excelize.Cell{{Value: time.Second, StyleID: 1}}, 0) },
		"another formula": func() error { return r.Row(7, []excelize.Cell{{Value: 1, Formula: "=1"}}, 0) },
	} {
		if err := fn(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// FuzzRowsMatchStreamWriter compares Rows with excelize's StreamWriter on
// a row of a text, an integer and a number.
func FuzzRowsMatchStreamWriter(f *testing.F) {
	for i, s := range stringCases {
		if len(s) < 1000 {
			f.Add(s, int64(i), float64(i)/3)
		}
	}
	f.Fuzz(func(t *testing.T, s string, n int64, x float64) {
		rows := [][]excelize.Cell{{{Value: s, StyleID: 1}, {Value: n}, {Value: x, StyleID: 2}, {Value: []byte(s)}}}
		want, _ := streamed(t, rows, nil, nil)
		if got := ours(t, rows, nil, nil); got != want {
			t.Errorf("Rows and StreamWriter differ:\nexcelize %q\nRows     %q", want, got)
		}
	})
}
