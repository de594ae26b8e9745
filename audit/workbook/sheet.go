package workbook

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/rules"
)

// headerScanRows is how many non-blank rows at the top of a sheet are
// searched for the header row; headerScanLines bounds the blank ones too.
const (
	headerScanRows  = 30
	headerScanLines = 1000
)

// maxCols is Excel's column limit, also applied to CSV.
const maxCols = 16384

// reader holds what is shared while reading one submission.
type reader struct {
	opts     Options
	sp       *spec
	unit     *audit.Unit
	date1904 bool
	// dates are the typed values of the date cells read so far, by text:
	// dates[0] those of date fields, dates[1] of date-time fields. A
	// register repeats the same few hundred dates, and parsing a serial and
	// boxing the time.Time for every cell was most of typing a row. At most
	// maxDateCache entries each.
	dates [2]map[string]any
}

const maxDateCache = 4096

func (r *reader) issue(kind audit.IssueKind, pos audit.Pos, table, field string, text msg.Text) {
	r.unit.AddIssue(audit.Issue{Kind: kind, Pos: pos, Table: table, Field: field, Text: text})
}

// sink consumes a sheet's rows in order. cells may be reused by the caller
// after row returns.
type sink interface {
	row(line int, cells []string) error
	done() error
}

// colName returns the column letter of a 0-based column index.
func colName(c int) string {
	s, err := excelize.ColumnNumberToName(c + 1)
	if err != nil {
		return "?"
	}
	return s
}

// headerMatch is a header found in a grid: the rows it spans and the field of
// each column.
type headerMatch struct {
	first, last int   // grid rows of the header (two for a two-level header)
	cols        []int // field index per column, -1 when unknown
	fieldCol    []int // column per field, -1 when absent
}

// matchRow returns the field of each cell of row (-1 for none) and how many
// distinct fields it names.
func matchRow(ts *tableSpec, row []string) ([]int, int) {
	cols := make([]int, len(row))
	seen := make([]bool, len(ts.fields))
	n := 0
	for c, cell := range row {
		cols[c] = -1
		if i := ts.header(cell); i >= 0 && !seen[i] {
			cols[c], seen[i] = i, true
			n++
		}
	}
	return cols, n
}

// findHeader finds the header row in the top rows of a sheet: the row naming
// the most fields (the first of equals), at least two of them or all the
// required ones. The row right below, else the one right above, joins it
// when it names further fields in otherwise unnamed columns (a two-level
// header).
func findHeader(grid [][]string, ts *tableSpec) (headerMatch, bool) {
	best, bestN := -1, 0
	var bestCols []int
	for i, row := range grid {
		cols, n := matchRow(ts, row)
		if n > bestN {
			best, bestN, bestCols = i, n, cols
		}
	}
	if best < 0 || !enough(ts, bestCols, bestN) {
		return headerMatch{}, false
	}
	h := headerMatch{first: best, last: best, cols: bestCols, fieldCol: make([]int, len(ts.fields))}
	for i := range h.fieldCol {
		h.fieldCol[i] = -1
	}
	for c, f := range h.cols {
		if f >= 0 {
			h.fieldCol[f] = c
		}
	}
	for _, n := range []int{best + 1, best - 1} {
		if n < 0 || n >= len(grid) {
			continue
		}
		var add [][2]int
		for c, cell := range grid[n] {
			f := ts.header(cell)
			if f < 0 || h.fieldCol[f] >= 0 || (c < len(h.cols) && h.cols[c] >= 0) {
				continue
			}
			dup := false
			for _, a := range add {
				dup = dup || a[1] == f
			}
			if !dup {
				add = append(add, [2]int{c, f})
			}
		}
		if len(add) == 0 {
			continue
		}
		for _, a := range add {
			for len(h.cols) <= a[0] {
				h.cols = append(h.cols, -1)
			}
			h.cols[a[0]], h.fieldCol[a[1]] = a[1], a[0]
		}
		h.first, h.last = min(h.first, n), max(h.last, n)
		break // two rows at most
	}
	return h, true
}

// enough reports whether a row naming n fields is a header: two fields, or
// every required field.
func enough(ts *tableSpec, cols []int, n int) bool {
	if n >= 2 {
		return true
	}
	if n == 0 || len(ts.required) == 0 {
		return false
	}
	for _, req := range ts.required {
		found := false
		for _, f := range cols {
			found = found || f == req
		}
		if !found {
			return false
		}
	}
	return true
}

// registerReader turns the rows of one register sheet into an audit.Table.
type registerReader struct {
	r           *reader
	ts          *tableSpec
	file, sheet string

	grid     [][]string // the top rows, until the header is found
	lines    []int
	nonBlank int
	hdr      *headerMatch
	lost     bool // no header: the rest is ignored
	table    *audit.Table
	letters  []string // column letter per field

	raws      []string        // the trimmed cell of each field, per row
	rowBlock  []audit.Row     // rows allocated ahead (newRow)
	textBlock []audit.Written // Row.Text entries allocated ahead (written)
}

func newRegisterReader(r *reader, ts *tableSpec, file, sheet string) *registerReader {
	return &registerReader{r: r, ts: ts, file: file, sheet: sheet}
}

func (rr *registerReader) pos(line int, col string) audit.Pos {
	return audit.Pos{File: rr.file, Sheet: rr.sheet, Row: line, Col: col}
}

func (rr *registerReader) row(line int, cells []string) error {
	switch {
	case rr.lost:
		return nil
	case rr.hdr != nil:
		rr.data(line, cells)
		return nil
	}
	if blank(cells) {
		rr.grid = append(rr.grid, nil)
		rr.lines = append(rr.lines, line)
		if len(rr.grid) >= headerScanLines {
			rr.decide(false)
		}
		return nil
	}
	rr.grid = append(rr.grid, trimmed(cells))
	rr.lines = append(rr.lines, line)
	rr.nonBlank++
	if rr.nonBlank >= headerScanRows {
		rr.decide(false)
	}
	return nil
}

func (rr *registerReader) done() error {
	if rr.hdr == nil && !rr.lost {
		rr.decide(true)
	}
	if rr.table != nil {
		rr.r.unit.Tables[rr.ts.t.Name] = rr.table
	}
	return nil
}

// decide looks for the header in the rows seen so far, then reads the rows
// after it; final is true at the end of the sheet.
func (rr *registerReader) decide(final bool) {
	t := rr.ts.t
	if rr.nonBlank == 0 && final {
		rr.lost = true
		rr.r.issue(audit.Warning, rr.pos(0, ""), t.Name, "", msg.New("工作表「%s」是空的，已忽略", "sheet %q is empty and was ignored", rr.sheet))
		return
	}
	h, ok := findHeader(rr.grid, rr.ts)
	if !ok {
		rr.lost = true
		var names []string
		for _, f := range rr.ts.fields {
			if f.f.Required {
				names = append(names, f.label)
			}
		}
		if len(names) == 0 {
			for _, f := range rr.ts.fields[:min(2, len(rr.ts.fields))] {
				names = append(names, f.label)
			}
		}
		rr.r.issue(audit.DataError, rr.pos(0, ""), t.Name, "", msg.New(
			"未找到表头：前 %d 行中没有一行含有「%s」等列名，未读取此表",
			"no header row: none of the first %d rows names columns such as %s; the sheet was not read",
			headerScanRows, strings.Join(names, "」「")))
		return
	}
	rr.hdr = &h
	hline := rr.lines[h.last]
	rr.table = &audit.Table{Name: t.Name, File: rr.file, Sheet: rr.sheet, Columns: map[string]string{}}
	rr.letters = make([]string, len(rr.ts.fields))
	for f, c := range h.fieldCol {
		if c >= 0 {
			rr.letters[f] = colName(c)
			rr.table.Columns[rr.ts.fields[f].f.Name] = rr.letters[f]
		}
	}
	// Unknown and repeated columns, for --verbose: one warning per column,
	// naming the lowest header cell.
	width := 0
	for g := h.first; g <= h.last; g++ {
		width = max(width, len(rr.grid[g]))
	}
	for c := 0; c < width; c++ {
		if c < len(h.cols) && h.cols[c] >= 0 {
			continue
		}
		g, cell := 0, ""
		for k := h.last; k >= h.first && cell == ""; k-- {
			if c < len(rr.grid[k]) {
				g, cell = k, rr.grid[k][c]
			}
		}
		switch f := rr.ts.header(cell); {
		case cell == "" || checklists.Fold(cell) == "序号":
		case f >= 0:
			rr.r.issue(audit.Warning, rr.pos(rr.lines[g], colName(c)), t.Name, rr.ts.fields[f].f.Name, msg.New(
				"忽略重复的列「%s」（已读取 %s 列）", "ignored repeated column %q (column %s was read)", cell, rr.letters[f]))
		default:
			rr.unknown(rr.lines[g], colName(c), cell, h.fieldCol)
		}
	}
	var missing []string
	for _, f := range rr.ts.required {
		if h.fieldCol[f] < 0 {
			missing = append(missing, rr.ts.fields[f].label)
		}
	}
	if len(missing) > 0 {
		rr.r.issue(audit.DataError, rr.pos(hline, ""), t.Name, "", msg.New(
			"缺少必填列「%s」", "missing required column %s", strings.Join(missing, "」「")))
	}
	for g := h.last + 1; g < len(rr.grid); g++ {
		rr.data(rr.lines[g], rr.grid[g])
	}
	rr.grid, rr.lines = nil, nil
}

// unknown records a column no field claimed. One that resembles a field
// the sheet lacks is a warning the unit sees (「发文日子」可能是「印发日期」);
// any other is listed only with --verbose.
func (rr *registerReader) unknown(line int, col, cell string, fieldCol []int) {
	t := rr.ts.t
	rr.table.Unknown = append(rr.table.Unknown, audit.Header{Col: col, Row: line, Text: cell})
	var absent []*checklists.Field
	for f, c := range fieldCol {
		if c < 0 {
			absent = append(absent, rr.ts.fields[f].f)
		}
	}
	if f := checklists.Resembles(cell, absent); f != nil {
		rr.r.issue(audit.Warning, rr.pos(line, col), t.Name, f.Name, msg.New(
			"未知列「%s」可能是「%s」，未读取；如是，请把表头改为「%s」",
			"unknown column %q may be %q and was not read; if it is, rename the header to %q", cell, f.Header, f.Header))
		return
	}
	rr.r.issue(audit.Ignored, rr.pos(line, col), t.Name, "", msg.New("忽略未知列「%s」", "ignored unknown column %q", cell))
}

// notePrefixes start the notes found under a register (填表人：…).
var notePrefixes = []string{"注:", "注：", "说明:", "说明：", "备注:", "备注：", "填表人", "填报人", "审核人", "制表人", "负责人", "单位负责人", "填报日期", "填表日期", "制表日期"}

// data reads one row after the header.
func (rr *registerReader) data(line int, cells []string) {
	h := rr.hdr
	// Each mapped cell trimmed once; filled counts those not blank: the
	// row's values at most.
	raws := rr.raws[:0]
	filled := 0
	for _, c := range h.fieldCol {
		raw := ""
		if c >= 0 && c < len(cells) {
			raw = trimSpace(cells[c])
		}
		if raw != "" {
			filled++
		}
		raws = append(raws, raw)
	}
	rr.raws = raws
	if filled == 0 {
		return
	}
	// A note is a row's only non-blank cell: a row with two filled
	// columns is none.
	if filled == 1 {
		if note, ok := noteRow(cells); ok {
			rr.r.issue(audit.Warning, rr.pos(line, ""), rr.ts.t.Name, "", msg.New("忽略表中的说明行「%s」", "ignored a note row %q", clip(note)))
			return
		}
	}
	mark := len(rr.r.unit.Issues)
	typedOK := false // a date, number, yes/no or enum cell was read
	row := rr.newRow()
	row.Line, row.Values = line, make(checklists.Row, filled)
	for f, c := range h.fieldCol {
		if c < 0 {
			continue
		}
		fs := rr.ts.fields[f]
		raw := raws[f]
		if raw == "" {
			if fs.f.Required {
				row.Bad = append(row.Bad, fs.f.Name)
				rr.r.issue(audit.DataError, rr.pos(line, rr.letters[f]), rr.ts.t.Name, fs.f.Name, msg.New("必填项「%s」为空", "required field %s is empty", fs.label))
			}
			continue
		}
		v, bad := rr.r.value(fs, raw, false)
		if bad != nil {
			row.Bad = append(row.Bad, fs.f.Name)
			rr.r.issue(audit.DataError, rr.pos(line, rr.letters[f]), rr.ts.t.Name, fs.f.Name, *bad)
			continue
		}
		row.Values[fs.f.Name] = v
		if fs.f.Type == checklists.DocNo && v != raw {
			row.Text = rr.written(row.Text, audit.Written{Field: fs.f.Name, Text: raw})
		}
		typedOK = typedOK || !fs.f.Type.Textual()
	}
	// A repeated header row (pasted print pages) reads as bad dates and
	// values; only such a row, or one with no typed value, is compared with
	// the header, which folds every cell: doing it for every row cost 5 % of
	// the audit's reading.
	if (len(row.Bad) > 0 || !typedOK) && rr.repeatedHeader(cells) {
		rr.r.unit.Issues = rr.r.unit.Issues[:mark]
		rr.r.issue(audit.Warning, rr.pos(line, ""), rr.ts.t.Name, "", msg.New("忽略重复的表头行", "ignored a repeated header row"))
		return
	}
	rr.table.Rows = append(rr.table.Rows, row)
}

// rowBlock is how many rows (and written cells) are allocated at once.
const rowBlock = 64

// newRow returns a zero row from the reader's current block of rows: one
// allocation for many rows, which live as long as their table anyway.
func (rr *registerReader) newRow() *audit.Row {
	if len(rr.rowBlock) == cap(rr.rowBlock) {
		rr.rowBlock = make([]audit.Row, 0, rowBlock)
	}
	rr.rowBlock = rr.rowBlock[:len(rr.rowBlock)+1]
	return &rr.rowBlock[len(rr.rowBlock)-1]
}

// written appends w to a row's Text. A row's first written cell is a
// one-element slice of a block shared by many rows (capped, so that an
// append elsewhere copies it out rather than overwriting a neighbour).
func (rr *registerReader) written(text []audit.Written, w audit.Written) []audit.Written {
	if len(text) > 0 {
		return append(text, w)
	}
	if len(rr.textBlock) == cap(rr.textBlock) {
		rr.textBlock = make([]audit.Written, 0, rowBlock)
	}
	i := len(rr.textBlock)
	rr.textBlock = append(rr.textBlock, w)
	return rr.textBlock[i : i+1 : i+1]
}

// repeatedHeader reports whether a row repeats the header (as pasted print
// pages do): at least two of its mapped cells, or its only one, name their
// own column's field.
func (rr *registerReader) repeatedHeader(cells []string) bool {
	named, filled := 0, 0
	for f, c := range rr.hdr.fieldCol {
		if c < 0 || c >= len(cells) || trimSpace(cells[c]) == "" {
			continue
		}
		filled++
		if rr.ts.header(cells[c]) == f {
			named++
		}
	}
	return named >= 2 || (named == 1 && filled == 1 && len(rr.ts.required) > 0)
}

// noteRow reports whether a row holds a single cell that reads as a note.
func noteRow(cells []string) (string, bool) {
	note := ""
	for _, c := range cells {
		if c = trimSpace(c); c == "" {
			continue
		}
		if note != "" {
			return "", false
		}
		note = c
	}
	for _, p := range notePrefixes {
		if strings.HasPrefix(note, p) {
			return note, true
		}
	}
	return "", false
}

// value types one non-blank cell; bad is the data error when it does not
// parse. yearSuffix accepts 2017年 for an int.
func (r *reader) value(fs *fieldSpec, raw string, yearSuffix bool) (any, *msg.Text) {
	if len(raw) > r.opts.MaxCellBytes {
		// A CSV cell comes cut to MaxCellBytes+1 bytes (csvSplitter): its
		// length is not known, only that it is over the limit.
		t := msg.New("单元格内容过长（超过 %d 字节的上限）", "cell too long (over the limit of %d bytes)", r.opts.MaxCellBytes)
		return nil, &t
	}
	switch fs.f.Type {
	case checklists.Date, checklists.DateTime:
		k := 0
		if fs.f.Type == checklists.DateTime {
			k = 1
		}
		if v, ok := r.dates[k][raw]; ok {
			return v, nil
		}
		if t, ok := r.date(raw); ok {
			if fs.f.Type == checklists.Date {
				t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
			}
			var v any = t
			if r.dates[k] == nil {
				r.dates[k] = make(map[string]any, 256)
			}
			if len(r.dates[k]) < maxDateCache {
				r.dates[k][raw] = v
			}
			return v, nil
		}
		t := msg.New("无法识别的日期「%s」", "unrecognised date %q", clip(raw))
		return nil, &t
	case checklists.Bool:
		if b, ok := ParseBool(raw); ok {
			return b, nil
		}
		t := msg.New("无法识别的%s「%s」（应为 是 或 否）", "unrecognised %s %q (want 是 or 否)", fs.label, clip(raw))
		return nil, &t
	case checklists.Enum:
		if v, ok := fs.enum[raw]; ok { // most cells are spelt as in the list
			return v, nil
		}
		if v, ok := fs.enum[checklists.Fold(raw)]; ok {
			return v, nil
		}
		names := make([]string, len(fs.f.Values))
		for i, v := range fs.f.Values {
			names[i] = v.Name
		}
		t := msg.Text{
			Zh: "无法识别的" + fs.label + "「" + clip(raw) + "」（应为 " + strings.Join(names, "、") + " 之一）",
			En: "unrecognised " + fs.label + " " + quote(clip(raw)) + " (want one of " + strings.Join(names, ", ") + ")",
		}
		return nil, &t
	case checklists.Number:
		if v, ok := parseNumber(raw); ok {
			return v, nil
		}
		t := msg.New("无法识别的数字「%s」", "unrecognised number %q", clip(raw))
		return nil, &t
	case checklists.DocNo:
		return rules.NormDocNo(raw), nil
	case checklists.Int:
		suffix := ""
		if yearSuffix {
			suffix = "年"
		}
		if v, ok := parseInt(raw, suffix); ok {
			return v, nil
		}
		t := msg.New("无法识别的整数「%s」", "unrecognised whole number %q", clip(raw))
		return nil, &t
	}
	return raw, nil
}

// minSerial is 1950-01-01 in the 1900 date system: smaller numbers in a date
// column are taken for a typed year or count, not for a date.
const minSerialYear = 1950

// date reads a date cell: text in any accepted form, or an Excel serial
// number (what a date-formatted cell holds).
func (r *reader) date(raw string) (time.Time, bool) {
	if t, ok := ParseDate(raw); ok {
		return t, true
	}
	if !isDecimal(raw) {
		return time.Time{}, false
	}
	v, ok := parseNumber(raw)
	if !ok || v < 1 || v >= 2958466 {
		return time.Time{}, false
	}
	t, err := excelize.ExcelDateToTime(v, r.date1904)
	if err != nil {
		return time.Time{}, false
	}
	t = t.Round(time.Second).UTC()
	if t.Year() < minSerialYear || t.Year() > 9999 {
		return time.Time{}, false
	}
	return t, true
}

// clip shortens a cell's text for a message.
func clip(s string) string {
	const max = 60
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max]) + "…"
}

func quote(s string) string { return "\"" + strings.ReplaceAll(s, "\"", "\\\"") + "\"" }

func blank(cells []string) bool {
	for _, c := range cells {
		if trimSpace(c) != "" {
			return false
		}
	}
	return true
}

// trimmed returns a trimmed copy of cells.
func trimmed(cells []string) []string {
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = trimSpace(c)
	}
	return out
}

// trimSpace is strings.TrimSpace, without its rune-by-rune scan of a cell
// that starts with a Chinese character when neither end is a space (most
// cells).
func trimSpace(s string) string {
	if s == "" {
		return s
	}
	if !spaceFirst[s[0]] && !spaceLast[s[len(s)-1]] {
		return s // neither end can be a space's
	}
	first, last := rune(s[0]), rune(s[len(s)-1])
	if first >= utf8.RuneSelf {
		first, _ = utf8.DecodeRuneInString(s)
	}
	if last >= utf8.RuneSelf {
		last, _ = utf8.DecodeLastRuneInString(s)
	}
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return strings.TrimSpace(s)
	}
	return s
}

// spaceFirst and spaceLast tell the bytes that may begin and end a white
// space rune (unicode.IsSpace) in UTF-8: the ASCII ones, and the first and
// last bytes of U+0085, U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029,
// U+202F, U+205F and U+3000. TestTrimSpaceMatchesStrings checks them
// against every rune.
var spaceFirst, spaceLast = func() (first, last [256]bool) {
	for _, b := range []byte{'\t', '\n', '\v', '\f', '\r', ' '} {
		first[b], last[b] = true, true
	}
	for r := rune(0x80); r <= 0x3000; r++ {
		if unicode.IsSpace(r) {
			s := string(r)
			first[s[0]], last[s[len(s)-1]] = true, true
		}
	}
	return first, last
}()
