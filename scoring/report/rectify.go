package report

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

// The unit workbook's 整改清单 is the one sheet of a result's report that
// someone fills in: the unit types its measures, who is responsible, the
// deadline and the state beside each finding. Its writer (findingSheet with
// findingsRectify) and its reader (ReadRectification) are both here, over
// one layout: the columns of findingColumns(findingsRectify), whose order
// the rect* constants name. The 已整改 sheet that a rerun adds has the same
// columns.

// The columns of the rectification list, in the order findingColumns
// writes them.
const (
	rectNo = iota
	rectUnit
	rectKind
	rectPublic
	rectDocNo
	rectTitle
	rectMessage
	rectItem
	rectBasis
	rectFile
	rectSheet
	rectRow
	rectReview
	rectMeasures
	rectResponsible
	rectDeadline
	rectStatus
	rectColumns // how many there are
)

// rectRequired are the columns a filled-in rectification list must still
// have: those a finding is matched by and those the unit types into.
func rectRequired() []int {
	return []int{rectItem, rectSheet, rectRow, rectDocNo, rectMeasures, rectResponsible, rectDeadline, rectStatus}
}

// Rectification is what a unit typed into the 整改清单 (and 已整改) of an
// earlier unit report, as ReadRectification reads it back; given as
// XLSXOptions.Previous, the next report carries it over.
type Rectification struct {
	// Source is the file it was read from, for messages.
	Source string
	// Lang is the language the earlier report was written in; its kinds
	// and messages are compared with the findings' in that language.
	Lang msg.Lang
	// Extra are the headers of the columns the unit added, in order.
	Extra []string
	// Rows are the rows of 整改清单, then those of 已整改, in sheet order.
	Rows []RectificationRow
}

// RectificationRow is one finding of an earlier report, as the report
// wrote it, and what the unit typed beside it.
type RectificationRow struct {
	// List and Line are where the row was read: the report's sheet
	// (整改清单 or 已整改) and its row number.
	List string
	Line int
	// Unit … Review are the report's own cells, as text.
	Unit, Kind, Public, DocNo, Title, Message, Item, Basis, File, Sheet, Review string
	// Row is the register row of the finding (行号), 0 when it has none.
	Row int
	// Measures, Responsible, Deadline and Status are what the unit typed;
	// a deadline entered as a date is written 2006-01-02.
	Measures, Responsible, Deadline, Status string
	// Extra are the unit's own columns, under Rectification.Extra.
	Extra []string
}

// Typed reports whether the unit typed anything in the row.
func (r *RectificationRow) Typed() bool {
	if r.Measures != "" || r.Responsible != "" || r.Deadline != "" || r.Status != "" {
		return true
	}
	for _, s := range r.Extra {
		if s != "" {
			return true
		}
	}
	return false
}

// Typed is the number of rows in which the unit typed something.
func (p *Rectification) Typed() int {
	n := 0
	for i := range p.Rows {
		if p.Rows[i].Typed() {
			n++
		}
	}
	return n
}

// rectSheets are the names of the two sheets in each language.
func rectSheets(l msg.Lang) (list, resolved string) {
	return msg.Pick(l, "整改清单", "Rectification"), msg.Pick(l, "已整改", "Resolved")
}

// foldHead is a header as compared: folded widths and spaces, any case.
func foldHead(s string) string { return strings.ToLower(checklists.Fold(strings.TrimSpace(s))) }

// ReadRectification reads the rectification list of a unit report zwgk
// wrote (the XLSX unit workbook, as the unit filled it in): the 整改清单
// sheet and, when there is one, 已整改. Columns are found by their header,
// in either language, wherever the unit moved them; columns the unit added
// are kept as Extra. It returns nil and no error for a report zwgk wrote
// that has no rectification list (a district report), and an error naming
// the file, sheet and cell for anything else it cannot read.
func ReadRectification(r io.Reader, name string) (*Rectification, error) {
	// A district report is recognised from its zip's directory and two small
	// parts: excelize would read every part into memory first, the finding
	// sheets of a province included (2 % of a 60-unit audit's CPU, when -o
	// replaces the report of the run before).
	if ra, ok := r.(interface {
		io.ReaderAt
		Size() int64
	}); ok {
		if sheets, creator, ok := peekWorkbook(ra, ra.Size()); ok && !hasRectSheet(sheets) && zwgkWorkbook(creator, sheets) {
			return nil, nil
		}
	}
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true, UnzipSizeLimit: 1 << 30, UnzipXMLSizeLimit: 64 << 20})
	if err != nil {
		return nil, msg.Errorf("%s: 无法作为 .xlsx 工作簿打开：%v", "%s: cannot be opened as a .xlsx workbook: %v", name, err)
	}
	defer f.Close()
	var list, resolved string
	var lang msg.Lang
	sheets := f.GetSheetList()
	for _, l := range []msg.Lang{msg.ZH, msg.EN} {
		ls, rs := rectSheets(l)
		for _, s := range sheets {
			switch foldHead(s) {
			case foldHead(ls):
				list, lang = s, l
			case foldHead(rs):
				resolved = s
			}
		}
		if list != "" {
			break
		}
		resolved = ""
	}
	if list == "" {
		if zwgkReport(f, sheets) {
			return nil, nil
		}
		return nil, msg.Errorf("%s: 不是 zwgk 写出的自查报告（没有「整改清单」工作表）", "%s: not a unit report written by zwgk (no sheet 整改清单 or Rectification)",
			name)
	}
	date1904 := false
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		date1904 = *p.Date1904
	}
	p := &Rectification{Source: name, Lang: lang}
	var errs []error
	extra := map[string]int{} // header → index in p.Extra
	for _, sheet := range []string{list, resolved} {
		if sheet == "" {
			continue
		}
		if err := readRectSheet(f, name, sheet, date1904, p, extra); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, msg.Join(errs...)
	}
	for i := range p.Rows {
		if n := len(p.Extra) - len(p.Rows[i].Extra); n > 0 {
			p.Rows[i].Extra = append(p.Rows[i].Extra, make([]string, n)...)
		}
	}
	return p, nil
}

// zwgkReport reports whether f is a report workbook zwgk wrote: its author
// is zwgk, or it has the district report's first sheet.
func zwgkReport(f *excelize.File, sheets []string) bool {
	creator := ""
	if dp, err := f.GetDocProps(); err == nil {
		creator = dp.Creator
	}
	return zwgkWorkbook(creator, sheets)
}

// zwgkWorkbook is zwgkReport on a workbook's creator and sheet names.
func zwgkWorkbook(creator string, sheets []string) bool {
	return strings.HasPrefix(strings.ToLower(creator), "zwgk") || len(sheets) > 0 && (sheets[0] == "汇总" || sheets[0] == "Summary")
}

// hasRectSheet reports whether one of sheets is a rectification list in
// either language, as ReadRectification looks for it.
func hasRectSheet(sheets []string) bool {
	for _, l := range []msg.Lang{msg.ZH, msg.EN} {
		ls, _ := rectSheets(l)
		for _, s := range sheets {
			if foldHead(s) == foldHead(ls) {
				return true
			}
		}
	}
	return false
}

// peekWorkbook reads a workbook's sheet names (xl/workbook.xml, in order)
// and creator (docProps/core.xml) without reading its sheets; ok is false
// when the file is not a zip with a readable workbook part (ReadRectification
// then opens it with excelize, which says what is wrong).
func peekWorkbook(r io.ReaderAt, size int64) (sheets []string, creator string, ok bool) {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, "", false
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
		} `xml:"sheets>sheet"`
	}
	var core struct {
		Creator string `xml:"creator"`
	}
	found := 0
	for _, zf := range zr.File {
		var v any
		switch zf.Name {
		case "xl/workbook.xml":
			v = &wb
		case "docProps/core.xml":
			v = &core
		default:
			continue
		}
		if zf.UncompressedSize64 > 16<<20 {
			return nil, "", false
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, "", false
		}
		err = xml.NewDecoder(rc).Decode(v)
		rc.Close()
		if err != nil {
			return nil, "", false
		}
		if v == any(&wb) {
			found++
		}
	}
	if found != 1 {
		return nil, "", false
	}
	for _, s := range wb.Sheets {
		sheets = append(sheets, s.Name)
	}
	return sheets, core.Creator, true
}

// readRectSheet reads one sheet of rectification rows into p; the headers
// of added columns go into p.Extra (extra indexes them).
func readRectSheet(f *excelize.File, name, sheet string, date1904 bool, p *Rectification, extra map[string]int) error {
	rows, err := f.Rows(sheet)
	if err != nil {
		return msg.Errorf("%s %s: %v", "%s %s: %v", name, sheet, err)
	}
	defer rows.Close()
	heads := map[string]int{} // folded header → column
	for _, l := range []msg.Lang{msg.ZH, msg.EN} {
		for i, c := range (&book{l: l}).findingColumns(findingsRectify) {
			heads[foldHead(c.Head)] = i
		}
	}
	var (
		errs   []error
		cols   []int // per sheet column: a rect* column, -1 for none, -2-k for p.Extra[k]
		line   int
		header int // the header's row, 0 until found
	)
	pos := func(col, row int) string { return fmt.Sprintf("%s %s!%s", name, sheet, xlsx.Cell(col+1, row)) }
	for rows.Next() {
		line++
		cells, err := rows.Columns()
		if err != nil {
			return msg.Errorf("%s %s!%d: %v", "%s %s!%d: %v", name, sheet, line, err)
		}
		if header == 0 {
			// The header is the first row with a few of the list's
			// headers (the report writes it first; a unit may add a
			// title above it).
			known := 0
			for _, c := range cells {
				if _, ok := heads[foldHead(c)]; ok {
					known++
				}
			}
			if known < 3 {
				if line >= 10 {
					break
				}
				continue
			}
			header = line
			cols, errs = rectHeader(cells, heads, p, extra, func(col int) string { return pos(col, line) })
			if len(errs) > 0 {
				return msg.Join(errs...)
			}
			continue
		}
		if blank(cells) {
			continue
		}
		row, err := readRectRow(cells, cols, date1904, func(col int) string { return pos(col, line) })
		if err != nil {
			errs = append(errs, err)
			continue
		}
		row.List, row.Line = sheet, line
		p.Rows = append(p.Rows, row)
	}
	if err := rows.Error(); err != nil {
		return msg.Errorf("%s %s: %v", "%s %s: %v", name, sheet, err)
	}
	if header == 0 {
		return msg.Errorf("%s %s: 前10行中没有找到表头（应包含 %s）", "%s %s: no header row in the first 10 rows (it should hold %s)",
			name, sheet, msg.List(rectHeads(p.Lang, rectRequired())))
	}
	return msg.Join(errs...)
}

// rectHeader maps the columns of a header row: each known header to its
// rect* column, each other non-blank header to an extra column. A known
// header twice is an error.
func rectHeader(cells []string, heads map[string]int, p *Rectification, extra map[string]int, pos func(int) string) ([]int, []error) {
	var errs []error
	cols := make([]int, len(cells))
	seen := map[int]int{}         // rect* column → sheet column
	seenExtra := map[string]int{} // added header → sheet column
	for i, c := range cells {
		c = strings.TrimSpace(c)
		k, ok := heads[foldHead(c)]
		switch {
		case c == "":
			cols[i] = -1
		case ok:
			if j, dup := seen[k]; dup {
				errs = append(errs, msg.Errorf("%s: 列「%s」重复（另见 %s 列）", "%s: the column %q appears twice (see also column %s)",
					pos(i), c, xlsx.Col(j+1)))
			}
			seen[k] = i
			cols[i] = k
		default:
			if j, dup := seenExtra[c]; dup {
				errs = append(errs, msg.Errorf("%s: 列「%s」重复（另见 %s 列）", "%s: the column %q appears twice (see also column %s)",
					pos(i), c, xlsx.Col(j+1)))
			}
			seenExtra[c] = i
			x, ok := extra[c]
			if !ok {
				x = len(p.Extra)
				extra[c] = x
				p.Extra = append(p.Extra, c)
			}
			cols[i] = -2 - x
		}
	}
	var missing []int
	for _, k := range rectRequired() {
		if _, ok := seen[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		errs = append(errs, msg.Errorf("%s: 表头缺少列 %s", "%s: the header lacks the columns %s", pos(0), msg.List(rectHeads(p.Lang, missing))))
	}
	return cols, errs
}

// rectHeads are the headers of the rect* columns ks in l.
func rectHeads(l msg.Lang, ks []int) []string {
	cols := (&book{l: l}).findingColumns(findingsRectify)
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = cols[k].Head
	}
	return out
}

// readRectRow reads one row under a header mapped by cols.
func readRectRow(cells []string, cols []int, date1904 bool, pos func(int) string) (RectificationRow, error) {
	var r RectificationRow
	var errs []error
	for i, c := range cells {
		v := strings.TrimSpace(c)
		if v == "" {
			continue
		}
		k := -1
		if i < len(cols) {
			k = cols[i]
		}
		switch {
		case k == -1:
			errs = append(errs, msg.Errorf("%s: 这一列没有表头，其中填写的内容无法承接；请给这一列加上表头", "%s: this column has no header, so what is typed in it cannot be carried over; give the column a header",
				pos(i)))
		case k <= -2:
			x := -2 - k
			if n := x + 1 - len(r.Extra); n > 0 {
				r.Extra = append(r.Extra, make([]string, n)...)
			}
			r.Extra[x] = v
		case k == rectRow:
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				errs = append(errs, msg.Errorf("%s: 行号「%s」不是数字", "%s: row %q is not a number", pos(i), v))
				continue
			}
			r.Row = n
		case k == rectDeadline:
			r.Deadline = rectDate(v, date1904)
		default:
			*r.field(k) = v
		}
	}
	return r, msg.Join(errs...)
}

// field is the text field of r under rect* column k (not rectRow).
func (r *RectificationRow) field(k int) *string {
	switch k {
	case rectUnit:
		return &r.Unit
	case rectKind:
		return &r.Kind
	case rectPublic:
		return &r.Public
	case rectDocNo:
		return &r.DocNo
	case rectTitle:
		return &r.Title
	case rectMessage:
		return &r.Message
	case rectItem:
		return &r.Item
	case rectBasis:
		return &r.Basis
	case rectFile:
		return &r.File
	case rectSheet:
		return &r.Sheet
	case rectReview:
		return &r.Review
	case rectMeasures:
		return &r.Measures
	case rectResponsible:
		return &r.Responsible
	case rectDeadline:
		return &r.Deadline
	case rectStatus:
		return &r.Status
	}
	return new(string) // 序号: renumbered when written again
}

// rectDate is a deadline cell as text: a date (a serial number, as Excel
// stores what is typed in a date cell) as 2006-01-02, anything else as it is.
func rectDate(v string, date1904 bool) string {
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || x < 1 || x >= 2958466 {
		return v
	}
	t, err := excelize.ExcelDateToTime(x, date1904)
	if err != nil {
		return v
	}
	return t.Format("2006-01-02")
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Match pairs each finding of fs with the row of p that recorded it: the
// index into p.Rows, or -1 for a finding the earlier report did not have.
// No row is paired twice. Findings are paired in passes, each over the rows
// the earlier passes left:
//  1. the same item, register sheet, row and 文号 (the finding where it was);
//  2. the same item, register sheet and 文号 (the document moved rows);
//  3. the same item, register sheet and row, when either has no 文号;
//  4. for findings without a row: the same item, kind and message;
//  5. for findings without a row: the same item and kind.
//
// Within a pass, rows of 整改清单 come before rows of 已整改, each in sheet
// order. Rows no finding takes are the findings resolved since.
func (p *Rectification) Match(fs []scoring.FindingResult) []int {
	out := make([]int, len(fs))
	for i := range out {
		out[i] = -1
	}
	if p == nil {
		return out
	}
	l := p.Lang
	fsheet := func(f *scoring.FindingResult) string {
		if f.Sheet != "" {
			return f.Sheet
		}
		return f.Table
	}
	key := func(parts ...string) string {
		for i, s := range parts {
			parts[i] = checklists.Fold(strings.TrimSpace(s))
		}
		return strings.Join(parts, "\x00")
	}
	type pass struct {
		finding func(*scoring.FindingResult) (string, bool)
		row     func(*RectificationRow) (string, bool)
		pair    func(*scoring.FindingResult, *RectificationRow) bool
	}
	itoa := strconv.Itoa
	passes := []pass{
		{
			finding: func(f *scoring.FindingResult) (string, bool) {
				return key(f.Item, fsheet(f), itoa(f.Row), f.DocNo), f.Row > 0
			},
			row: func(r *RectificationRow) (string, bool) { return key(r.Item, r.Sheet, itoa(r.Row), r.DocNo), r.Row > 0 },
		},
		{
			finding: func(f *scoring.FindingResult) (string, bool) {
				return key(f.Item, fsheet(f), f.DocNo), f.Row > 0 && strings.TrimSpace(f.DocNo) != ""
			},
			row: func(r *RectificationRow) (string, bool) {
				return key(r.Item, r.Sheet, r.DocNo), r.Row > 0 && r.DocNo != ""
			},
		},
		{
			finding: func(f *scoring.FindingResult) (string, bool) { return key(f.Item, fsheet(f), itoa(f.Row)), f.Row > 0 },
			row:     func(r *RectificationRow) (string, bool) { return key(r.Item, r.Sheet, itoa(r.Row)), r.Row > 0 },
			pair: func(f *scoring.FindingResult, r *RectificationRow) bool {
				return strings.TrimSpace(f.DocNo) == "" || r.DocNo == ""
			},
		},
		{
			finding: func(f *scoring.FindingResult) (string, bool) {
				return key(f.Item, KindLabel(f.Kind, l), f.MessageIn(l)), f.Row <= 0
			},
			row: func(r *RectificationRow) (string, bool) { return key(r.Item, r.Kind, r.Message), r.Row == 0 },
		},
		{
			finding: func(f *scoring.FindingResult) (string, bool) { return key(f.Item, KindLabel(f.Kind, l)), f.Row <= 0 },
			row:     func(r *RectificationRow) (string, bool) { return key(r.Item, r.Kind), r.Row == 0 },
		},
	}
	used := make([]bool, len(p.Rows))
	for _, ps := range passes {
		free := map[string][]int{}
		for i := range p.Rows {
			if k, ok := ps.row(&p.Rows[i]); ok && !used[i] {
				free[k] = append(free[k], i)
			}
		}
		if len(free) == 0 {
			continue
		}
		for j := range fs {
			f := &fs[j]
			if out[j] >= 0 {
				continue
			}
			k, ok := ps.finding(f)
			if !ok {
				continue
			}
			q := free[k]
			for n, i := range q {
				if ps.pair != nil && !ps.pair(f, &p.Rows[i]) {
					continue
				}
				used[i], out[j] = true, i
				free[k] = append(q[:n:n], q[n+1:]...)
				break
			}
		}
	}
	return out
}

// Resolved are the rows of p that match left unpaired, in order.
func (p *Rectification) Resolved(match []int) []*RectificationRow {
	if p == nil {
		return nil
	}
	used := make([]bool, len(p.Rows))
	for _, i := range match {
		if i >= 0 {
			used[i] = true
		}
	}
	var out []*RectificationRow
	for i := range p.Rows {
		if !used[i] {
			out = append(out, &p.Rows[i])
		}
	}
	return out
}

// UnitReport reports whether XLSX writes res as a unit workbook (with the
// rectification list) rather than as a district report.
func UnitReport(res *scoring.Result) bool {
	return len(res.Units) == 1 && hasScore(res.Units[0])
}

// rectification writes the unit's 整改清单 and, over an earlier report
// (b.opts.Previous), carries over what the unit typed for the findings
// still found and lists the others on a sheet 已整改.
func (b *book) rectification(u *scoring.UnitResult) error {
	listName, resolvedName := rectSheets(b.l)
	p := b.opts.Previous
	var resolved []*RectificationRow
	if p != nil {
		fs, err := u.FindingList()
		if err != nil {
			return err
		}
		b.carried = p.Match(fs)
		resolved = p.Resolved(b.carried)
	}
	if err := b.findingSheet(listName, findingsRectify, []*scoring.UnitResult{u}); err != nil {
		return err
	}
	if p == nil {
		return nil
	}
	return b.resolvedSheet(resolvedName, resolved)
}

// extraColumns are the columns the unit added to the earlier report's
// rectification list, written after the status.
func (b *book) extraColumns() []xlsx.Column {
	if b.opts.Previous == nil {
		return nil
	}
	var cols []xlsx.Column
	for _, h := range b.opts.Previous.Extra {
		cols = append(cols, xlsx.Column{Head: h, Min: 10, Max: 30})
	}
	return cols
}

// typedCells are the cells the unit types into, for the n-th finding (from
// 1): empty, or what the earlier report had for it.
func (b *book) typedCells(cells []excelize.Cell, n int) []excelize.Cell {
	var r *RectificationRow
	if n-1 < len(b.carried) && b.carried[n-1] >= 0 {
		r = &b.opts.Previous.Rows[b.carried[n-1]]
	}
	return b.rowTypedCells(cells, r)
}

// rowTypedCells appends the typed cells of r (nil: empty ones).
func (b *book) rowTypedCells(cells []excelize.Cell, r *RectificationRow) []excelize.Cell {
	if r == nil {
		r = &RectificationRow{}
	}
	var deadline any = r.Deadline
	if t, err := time.Parse("2006-01-02", r.Deadline); err == nil && t.Year() > 1900 {
		deadline = t
	}
	cells = append(cells,
		excelize.Cell{Value: r.Measures, StyleID: b.st.wrap},
		excelize.Cell{Value: r.Responsible, StyleID: b.st.text},
		excelize.Cell{Value: deadline, StyleID: b.st.date},
		excelize.Cell{Value: r.Status, StyleID: b.st.center})
	if b.opts.Previous != nil {
		for i := range b.opts.Previous.Extra {
			v := ""
			if i < len(r.Extra) {
				v = r.Extra[i]
			}
			cells = append(cells, excelize.Cell{Value: v, StyleID: b.st.wrap})
		}
	}
	return cells
}

// resolvedSheet writes the findings of the earlier report that this one no
// longer has, with what the unit typed for them, in the columns of the
// rectification list, so that the next rerun reads them back too.
func (b *book) resolvedSheet(sheet string, rows []*RectificationRow) error {
	cols := b.findingColumns(findingsRectify)
	cellsOf := func(cells []excelize.Cell, n int, r *RectificationRow) []excelize.Cell {
		var row any
		if r.Row > 0 {
			row = r.Row
		}
		cells = append(cells[:0],
			excelize.Cell{Value: n, StyleID: b.st.integer},
			excelize.Cell{Value: r.Unit, StyleID: b.st.wrap},
			excelize.Cell{Value: r.Kind, StyleID: b.st.wrap},
			excelize.Cell{Value: r.Public, StyleID: b.st.center},
			excelize.Cell{Value: r.DocNo, StyleID: b.st.wrap},
			excelize.Cell{Value: r.Title, StyleID: b.st.wrap},
			excelize.Cell{Value: r.Message, StyleID: b.st.wrap},
			excelize.Cell{Value: r.Item, StyleID: b.st.text},
			excelize.Cell{Value: r.Basis, StyleID: b.st.wrap},
			excelize.Cell{Value: r.File, StyleID: b.st.wrap},
			excelize.Cell{Value: r.Sheet, StyleID: b.st.text},
			excelize.Cell{Value: row, StyleID: b.st.integer},
			excelize.Cell{Value: r.Review, StyleID: b.st.wrap})
		return b.rowTypedCells(cells, r)
	}
	ft := xlsx.NewFitter(cols)
	var cells []excelize.Cell
	for i, r := range rows[:min(len(rows), 2000)] {
		cells = cellsOf(cells, i+1, r)
		ft.SeeRow(cells)
	}
	ws := ft.Widths()
	sw, err := b.listSheet(sheet, cols, len(rows), ws, xlsx.Freeze(2, 1),
		func() error { return b.rectifyValidations(sheet, rectStatus+1) }, nil)
	if err != nil {
		return err
	}
	return b.laterRows(sw, nil, ws, func(rw *rowWriter) error {
		for i, r := range rows {
			cells = cellsOf(cells, i+1, r)
			if err := rw.put(i+2, cells); err != nil {
				return err
			}
		}
		return nil
	})
}
