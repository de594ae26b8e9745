package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Zip is the zip writer of a workbook that excelize saves
// (excelize.File.SetZipWriter) in which the rows of some sheets are written
// while the workbook is saved, straight into their part of the archive,
// instead of being held by excelize's StreamWriter: excelize writes such a
// sheet with its settings and header row only (Later), Zip holds that small
// part when excelize creates it, and when the next part is created or the
// archive closed it writes the part up to </sheetData>, then the rows a
// callback writes, then the rest of the part.
type Zip struct {
	zw    *zip.Writer
	later map[string]*laterPart
	held  *laterPart // the part excelize is writing into held, if any
	buf   bytes.Buffer
}

type laterPart struct {
	name      string
	colStyles []int
	rows      func(*Rows) error
	done      bool
}

// NewZip returns a Zip that writes the archive to zw.
func NewZip(zw *zip.Writer) *Zip { return &Zip{zw: zw, later: map[string]*laterPart{}} }

// SheetPart is the name of the part of the worksheet whose sheetId is id,
// in a workbook made by excelize.NewFile and NewSheet (StreamWriter.SheetID
// is that id): xl/worksheets/sheet{id}.xml.
func SheetPart(id int) string { return "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml" }

// Later has the rows of the sheet whose part is named part written by rows
// when the workbook is saved, after the rows excelize wrote (its header).
// colStyles are the styles of the sheet's columns from column A, as
// StreamWriter.SetColStyle set them (0 for none): a cell without a style
// takes its column's, as it would in StreamWriter.SetRow.
func (z *Zip) Later(part string, colStyles []int, rows func(*Rows) error) {
	z.later[part] = &laterPart{name: part, colStyles: colStyles, rows: rows}
}

// Create starts the part named name.
func (z *Zip) Create(name string) (io.Writer, error) {
	if err := z.release(); err != nil {
		return nil, err
	}
	if p := z.later[name]; p != nil {
		z.held = p
		z.buf.Reset()
		return &z.buf, nil
	}
	return z.zw.Create(name)
}

// release writes the held part, with its rows.
func (z *Zip) release() error {
	p := z.held
	if p == nil {
		return nil
	}
	z.held, p.done = nil, true
	head := z.buf.Bytes()
	at := bytes.Index(head, []byte("</sheetData>"))
	if at < 0 {
		return fmt.Errorf("write %s: no </sheetData> in the part excelize wrote", p.name)
	}
	w, err := z.zw.Create(p.name)
	if err != nil {
		return err
	}
	if _, err := w.Write(head[:at]); err != nil {
		return err
	}
	rw := &Rows{w: w, colStyles: p.colStyles, buf: make([]byte, 0, 64<<10)}
	if err := p.rows(rw); err != nil {
		return fmt.Errorf("write %s: %w", p.name, err)
	}
	if err := rw.flush(); err != nil {
		return err
	}
	_, err = w.Write(head[at:])
	return err
}

// AddFS adds the files of fsys (excelize's ZipWriter interface; unused by
// excelize when it saves).
func (z *Zip) AddFS(fsys fs.FS) error {
	if err := z.release(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close writes the held part and the archive's directory. It fails if a
// part given to Later was never created.
func (z *Zip) Close() error {
	if err := z.release(); err != nil {
		return err
	}
	var lost []string
	for name, p := range z.later {
		if !p.done {
			lost = append(lost, name)
		}
	}
	if len(lost) > 0 {
		sort.Strings(lost)
		return fmt.Errorf("write workbook: excelize did not write %s", strings.Join(lost, ", "))
	}
	return z.zw.Close()
}

// Rows writes the rows of a worksheet's sheetData: the same bytes as
// excelize's StreamWriter.SetRow writes for the same cells, without its
// buffering (rows go to the part's writer in chunks of 64 KB) and without
// most of its work per cell.
type Rows struct {
	w         io.Writer
	colStyles []int
	buf       []byte
	last      int // the last row written
	refs      []string
}

// maxRows is Excel's (and excelize's TotalRows) last row.
const maxRows = 1 << 20

// ErrRowOrder is returned for a row not below the last one written.
var ErrRowOrder = errors.New("rows must be written in ascending order")

// Row writes row number row (from 1) with cells from column A, as
// StreamWriter.SetRow(Cell(1, row), cells as values, RowOpts{Height: height})
// does: a cell whose Value is nil is written empty with its style; strings
// are inline strings cut to Excel's 32,767 UTF-16 units, ints and floats
// numbers, bools booleans, and time.Time (with a style) date serials. A
// height of 0 leaves the row's height to Excel.
func (r *Rows) Row(row int, cells []excelize.Cell, height float64) error {
	if row <= r.last {
		return fmt.Errorf("row %d: %w", row, ErrRowOrder)
	}
	if row > maxRows {
		return excelize.ErrMaxRows
	}
	if height > excelize.MaxRowHeight {
		return excelize.ErrMaxRowHeight
	}
	r.last = row
	b := r.buf
	b = append(b, `<row r="`...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if height > 0 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, height, 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for i, c := range cells {
		var err error
		if b, err = r.cell(b, i+1, row, c); err != nil {
			r.buf = append(b, `</row>`...)
			return err
		}
	}
	b = append(b, `</row>`...)
	r.buf = b
	if len(b) >= 48<<10 {
		return r.flush()
	}
	return nil
}

func (r *Rows) flush() error {
	if len(r.buf) == 0 {
		return nil
	}
	_, err := r.w.Write(r.buf)
	r.buf = r.buf[:0]
	return err
}

// col is the letters of column col.
func (r *Rows) col(col int) string {
	for len(r.refs) < col {
		r.refs = append(r.refs, Col(len(r.refs)+1))
	}
	return r.refs[col-1]
}

// cell appends cell c at (col, row) as excelize's writeCell does.
func (r *Rows) cell(b []byte, col, row int, c excelize.Cell) ([]byte, error) {
	if c.Formula != "" {
		return b, fmt.Errorf("cell %s%d: formulas are not written by Rows", r.col(col), row)
	}
	s := 0
	if c.StyleID > 0 {
		s = c.StyleID
	} else if col-1 < len(r.colStyles) {
		s = r.colStyles[col-1]
	}
	b = append(b, `<c r="`...)
	b = append(b, r.col(col)...)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if s != 0 {
		b = append(b, ` s="`...)
		b = strconv.AppendInt(b, int64(s), 10)
		b = append(b, '"')
	}
	var num string
	switch v := c.Value.(type) {
	case nil:
		return append(b, `></c>`...), nil
	case string:
		return appendInlineStr(b, v, true), nil
	case []byte:
		return appendInlineStr(b, string(v), true), nil
	case int:
		num = strconv.Itoa(v)
	case int8:
		num = strconv.FormatInt(int64(v), 10)
	case int16:
		num = strconv.FormatInt(int64(v), 10)
	case int32:
		num = strconv.FormatInt(int64(v), 10)
	case int64:
		num = strconv.FormatInt(v, 10)
	case uint:
		num = strconv.FormatUint(uint64(v), 10)
	case uint8:
		num = strconv.FormatUint(uint64(v), 10)
	case uint16:
		num = strconv.FormatUint(uint64(v), 10)
	case uint32:
		num = strconv.FormatUint(uint64(v), 10)
	case uint64:
		num = strconv.FormatUint(v, 10)
	case float32:
		if f := float64(v); math.IsNaN(f) || math.IsInf(f, 0) {
			return appendInlineStr(b, fmt.Sprint(f), true), nil
		}
		num = formatFloat(float64(v), 32)
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return appendInlineStr(b, fmt.Sprint(v), true), nil
		}
		num = formatFloat(v, 64)
	case bool:
		b = append(b, ` t="b"><v>`...)
		if v {
			b = append(b, '1')
		} else {
			b = append(b, '0')
		}
		return append(b, `</v></c>`...), nil
	case time.Time:
		// The wall clock read as UTC.
		_, offset := v.In(v.Location()).Zone()
		v = v.Add(time.Duration(offset) * time.Second)
		serial := excelTime(v)
		if serial <= 0 {
			// Before 1900: excelize writes the time as text, unescaped.
			return appendInlineStr(b, v.Format(time.RFC3339Nano), false), nil
		}
		if s == 0 {
			// excelize would add a date style of its own.
			return b, fmt.Errorf("cell %s%d: a date needs a style", r.col(col), row)
		}
		num = strconv.FormatFloat(serial, 'f', -1, 64)
	case time.Duration:
		return b, fmt.Errorf("cell %s%d: durations are not written by Rows", r.col(col), row)
	default:
		return appendInlineStr(b, fmt.Sprint(v), true), nil
	}
	b = append(b, `><v>`...)
	b = appendEscaped(b, num)
	return append(b, `</v></c>`...), nil
}

// appendInlineStr appends the rest of an inline string cell holding v, as
// excelize's setInlineStr and writeCell write it: v cut to 32,767 UTF-16
// units, xml:space="preserve" when it starts or ends with a space, tab or
// line break, escaped as encoding/xml.EscapeText does but with line breaks
// kept, and _xHHHH_ sequences escaped as excelize's bstrMarshal does (so
// that they read back as written). Without escape (excelize's
// setCellDefault), v is written as it is.
func appendInlineStr(b []byte, v string, escape bool) []byte {
	if len(v) > excelize.TotalCellChars && utf16Len(v) > excelize.TotalCellChars {
		v = cutUTF16(v, excelize.TotalCellChars)
	}
	b = append(b, ` t="inlineStr"><is><t`...)
	if v != "" {
		first, last := v[0], v[len(v)-1]
		if first == ' ' || first == '\t' || first == '\n' || first == '\r' ||
			last == ' ' || last == '\t' || last == '\n' || last == '\r' {
			b = append(b, ` xml:space="preserve"`...)
		}
	}
	b = append(b, '>')
	if escape {
		b = appendBstr(b, v)
	} else {
		b = append(b, v...)
	}
	return append(b, `</t></is></c>`...)
}

// appendBstr appends v escaped for XML text (appendEscaped) with every
// _xHHHH_ in it escaped as excelize's bstrMarshal escapes it: _x005F_
// becomes _x005F_x005F_, or _x005F_x005F_x005F_ when another xHHHH_
// follows; any other _xHHHH_ gets _x005F before it, and one naming a UTF-16
// surrogate (not a character) is dropped, as bstrMarshal drops it.
func appendBstr(b []byte, v string) []byte {
	if !strings.Contains(v, "_x") {
		return appendEscaped(b, v)
	}
	from := 0 // v[from:i] is not yet appended
	for i := 0; i+7 <= len(v); {
		if v[i] != '_' || !isBstr(v[i:i+7]) {
			i++
			continue
		}
		b = appendEscaped(b, v[from:i])
		m := v[i : i+7]
		i += 7
		from = i
		switch {
		case m == "_x005F_":
			if i+6 <= len(v) && v[i] == 'x' && isHex4(v[i+1:i+5]) && v[i+5] == '_' && !isSurrogate(v[i+1:i+5]) {
				b = append(b, "_x005F_x005F_x005F_"...)
			} else {
				b = append(b, "_x005F_x005F_"...)
			}
		case isSurrogate(m[2:6]):
			// dropped
		default:
			b = append(b, "_x005F"...)
			b = append(b, m...)
		}
	}
	return appendEscaped(b, v[from:])
}

// isBstr reports whether m (7 bytes) is _xHHHH_.
func isBstr(m string) bool { return m[0] == '_' && m[1] == 'x' && isHex4(m[2:6]) && m[6] == '_' }

func isHex4(h string) bool {
	for i := range 4 {
		c := h[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// isSurrogate reports whether the 4 hex digits h name a UTF-16 surrogate,
// which strconv.Unquote refuses in \u escapes.
func isSurrogate(h string) bool {
	n, _ := strconv.ParseUint(h, 16, 32)
	return n >= 0xD800 && n <= 0xDFFF
}

// appendEscaped appends v as encoding/xml.EscapeText writes it, except that
// line feeds stay as they are (excelize turns EscapeText's &#xA; back into
// a line feed): quotes, apostrophes, ampersands, angle brackets, tabs and
// carriage returns as references, and invalid UTF-8 and characters XML 1.0
// cannot hold as U+FFFD.
func appendEscaped(b []byte, v string) []byte {
	last := 0
	for i := 0; i < len(v); {
		c := v[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\'' && c != '&' && c != '<' && c != '>' || c == '\n' {
			i++
			continue
		}
		r, width := rune(c), 1
		if c >= utf8.RuneSelf {
			r, width = utf8.DecodeRuneInString(v[i:])
		}
		var esc string
		switch r {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\r':
			esc = "&#xD;"
		default:
			if inXMLRange(r) && !(r == utf8.RuneError && width == 1) {
				i += width
				continue
			}
			esc = "\uFFFD"
		}
		b = append(b, v[last:i]...)
		b = append(b, esc...)
		i += width
		last = i
	}
	return append(b, v[last:]...)
}

// inXMLRange reports whether XML 1.0 text may hold r.
func inXMLRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// cutUTF16 cuts s to at most n UTF-16 units, as excelize's
// truncateUTF16Units does.
func cutUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > n {
			return s[:i]
		}
	}
	return s
}

// formatFloat formats v as excelize's formatCellFloat(v, -1, bitSize) does:
// as many decimals as it takes, but at most 15 significant digits (Excel's
// precision), the rest cut (not rounded) to zeros.
func formatFloat(v float64, bitSize int) string {
	str := strconv.FormatFloat(v, 'f', -1, bitSize)
	if math.Abs(v) == math.MaxFloat64 {
		return str
	}
	const maxPrec = 15
	decimal := strings.IndexByte(str, '.')
	significant := 0
	for idx := range str {
		if str[idx] < '0' || str[idx] > '9' || significant == 0 && str[idx] == '0' {
			continue
		}
		significant++
		if significant <= maxPrec {
			continue
		}
		if decimal >= 0 && idx > decimal {
			return strings.TrimSuffix(str[:idx], ".")
		}
		if decimal < 0 {
			decimal = len(str)
		}
		truncated := []byte(str[:decimal])
		for ; idx < len(truncated); idx++ {
			truncated[idx] = '0'
		}
		return string(truncated)
	}
	return str
}

var (
	excelMinTime1900      = time.Date(1899, time.December, 31, 0, 0, 0, 0, time.UTC)
	excelBuggyPeriodStart = time.Date(1900, time.March, 1, 0, 0, 0, 0, time.UTC).Add(-time.Nanosecond)
)

// excelTime is t's date serial in the 1900 date system, as excelize's
// timeToExcelTime computes it; 0 before 1900.
func excelTime(t time.Time) float64 {
	if t.Before(excelMinTime1900) {
		return 0
	}
	const day = 24 * time.Hour
	const maxDuration = 290 * 364 * day
	tt, diff, result := t, t.Sub(excelMinTime1900), 0.0
	for diff >= maxDuration {
		result += float64(maxDuration / day)
		tt = tt.Add(-maxDuration)
		diff = tt.Sub(excelMinTime1900)
	}
	rem := diff % day
	result += float64(diff-rem)/float64(day) + float64(rem)/float64(day)
	if t.After(excelBuggyPeriodStart) {
		result++
	}
	return result
}
