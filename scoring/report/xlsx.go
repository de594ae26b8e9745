package report

import (
	"archive/zip"
	"compress/flate"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

// XLSXOptions controls the report workbook.
type XLSXOptions struct {
	Lang msg.Lang
	// Generated states how the workbook was made, for the header block, e.g.
	// "2026-11-25 由 zwgk v0.1.0 生成"; the caller supplies it, the package
	// does not read the clock.
	Generated string
	// Tool names the program, e.g. "zwgk v0.1.0"; it becomes the workbook's
	// author.
	Tool string
	// Previous is what the unit typed into the rectification list of an
	// earlier report (ReadRectification): a unit workbook carries it over
	// for the findings still found and lists the others on a sheet 已整改.
	Previous *Rectification

	// excelizeRows writes every streamed sheet's rows through excelize's
	// StreamWriter, as before the finding lists had their own writer
	// (tests compare the two).
	excelizeRows bool
}

// XLSX writes the report workbook of res to w: the district workbook when res
// has several units, the unit workbook when it has one (and it was scored).
//
// Every string from the result is written as a text cell, never as a formula
// or a hyperlink, and the sheets that list findings are streamed, so a result
// with 100,000 findings is written in seconds.
func XLSX(w io.Writer, res *scoring.Result, opts XLSXOptions) (err error) {
	f := excelize.NewFile()
	// The zip is written straight to w: WriteTo would otherwise build the
	// whole file in a bytes.Buffer first (29 MB for 2,000 units, held twice
	// while the buffer grows) and then copy it. WriteTo's buffer stays
	// empty; the only thing excelize does with it is mark entries over
	// 4 GB as zip64 in their local headers, and no sheet here comes near.
	// The rows of the long lists and the ledgers are written into it
	// while it is saved (laterRows).
	z := xlsx.NewZip(fastZip(w))
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return z })
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write xlsx report: %w", cerr)
		}
	}()
	b, err := newBook(f, res, opts)
	if err != nil {
		return fmt.Errorf("write xlsx report: %w", err)
	}
	if !opts.excelizeRows {
		b.zip = z
	}
	if UnitReport(res) {
		err = b.unitWorkbook(res.Units[0])
	} else if p := opts.Previous; p != nil && p.Typed() > 0 {
		return msg.Errorf("write xlsx report: 结果不是单个单位的自查报告，%s 的整改清单中填写的内容无处承接",
			"write xlsx report: the result is not a unit's report; what was typed in the rectification list of %s has nowhere to go", p.Source)
	} else {
		err = b.districtWorkbook()
	}
	if err != nil {
		return fmt.Errorf("write xlsx report: %w", err)
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: b.resultTitle(), Creator: opts.Tool,
		LastModifiedBy: opts.Tool, Language: msg.Pick(b.l, "zh-CN", "en")}); err != nil {
		return fmt.Errorf("write xlsx report: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write xlsx report: %w", err)
	}
	return nil
}

// fastZip is the workbook's zip writer: deflate at its fastest level. The
// default level spent a third of the time of a report of 100,000 findings
// compressing it; the fastest takes a fraction of that for a file about a
// fifth larger. The zip writer compresses one part at a time, closing each
// before it starts the next, so one deflater serves every part: Reset
// writes what a new one would, and a new one per part allocated about
// 1.2 MB each (90 MB for the 77 parts of a 60-unit report, 4 % of the
// audit's CPU in clearing and collecting it).
func fastZip(w io.Writer) *zip.Writer {
	zw := zip.NewWriter(w)
	var fw *flate.Writer
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if fw == nil {
			var err error
			fw, err = flate.NewWriter(out, flate.BestSpeed)
			return fw, err
		}
		fw.Reset(out)
		return fw, nil
	})
	return zw
}

// streamSheet starts streaming sheet: the columns' widths and the frozen
// panes are set (what a StreamWriter takes before its first row); the
// caller may set more columns before writing rows.
func (b *book) streamSheet(sheet string, widths []float64, panes *excelize.Panes) (*excelize.StreamWriter, error) {
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return nil, err
	}
	for i, w := range widths {
		if err := sw.SetColWidth(i+1, i+1, w); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(panes); err != nil {
		return nil, err
	}
	return sw, nil
}

// laterRows ends streaming a sheet whose settings and first rows sw has
// written: the rest of its rows are written by fill while the workbook is
// saved, straight into the archive (xlsx.Zip.Later), the same bytes sw
// would have written for them but without sw's work per cell and without
// the sheet held in memory. colStyles are the styles sw.SetColStyle gave
// the columns from A (0 for none), ws the widths rowWriter fits rows to.
// fill must be able to run at the end of XLSX: what it reads must still be
// there then.
func (b *book) laterRows(sw *excelize.StreamWriter, colStyles []int, ws []float64, fill func(*rowWriter) error) error {
	if b.zip == nil {
		if err := fill(&rowWriter{b: b, sw: sw, ws: ws}); err != nil {
			return err
		}
		return sw.Flush()
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	b.zip.Later(xlsx.SheetPart(sw.SheetID), colStyles, func(r *xlsx.Rows) error {
		return fill(&rowWriter{b: b, rows: r, ws: ws})
	})
	return nil
}

// listSheet starts a list whose rows laterRows writes: the sheet, an
// autofilter over its header and rows rows, the print setup repeating the
// header, then setup (what else must be set before streaming: everything
// added to a streamed sheet later is dropped), the columns' widths ws and
// the frozen panes, then streamed (column styles), and the header row.
func (b *book) listSheet(sheet string, cols []xlsx.Column, rows int, ws []float64, panes *excelize.Panes,
	setup func() error, streamed func(*excelize.StreamWriter) error) (*excelize.StreamWriter, error) {
	if err := b.newSheet(sheet); err != nil {
		return nil, err
	}
	if err := b.f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", xlsx.Col(len(cols)), rows+1), nil); err != nil {
		return nil, err
	}
	if err := b.printSetup(sheet, 1, 1); err != nil {
		return nil, err
	}
	if setup != nil {
		if err := setup(); err != nil {
			return nil, err
		}
	}
	sw, err := b.streamSheet(sheet, ws[:len(cols)], panes)
	if err != nil {
		return nil, err
	}
	if streamed != nil {
		if err := streamed(sw); err != nil {
			return nil, err
		}
	}
	if err := (&rowWriter{b: b, sw: sw, ws: ws}).put(1, b.heads(cols)); err != nil {
		return nil, err
	}
	return sw, nil
}

// rowWriter writes rows of cells into a streamed sheet: an empty string is
// written as a styled empty cell, and, given the column widths, a row with
// no options is as tall as its wrapped text needs.
type rowWriter struct {
	b     *book
	sw    *excelize.StreamWriter
	rows  *xlsx.Rows // instead of sw (laterRows)
	ws    []float64  // column widths; nil: rows keep their height
	vals  []any
	cells []excelize.Cell
}

func (w *rowWriter) put(row int, cells []excelize.Cell, opts ...excelize.RowOpts) error {
	var h float64
	if w.ws != nil && len(opts) == 0 {
		h = w.b.height(cells, w.ws)
	}
	w.cells = w.cells[:0]
	for _, c := range cells {
		if v, ok := c.Value.(string); ok && v == "" {
			c.Value = nil // styled, empty
		}
		w.cells = append(w.cells, c)
	}
	if w.rows != nil {
		for _, o := range opts {
			if o.StyleID != 0 || o.Hidden || o.OutlineLevel != 0 {
				return fmt.Errorf("row %d: only a height is written by xlsx.Rows", row)
			}
			h = o.Height
		}
		return w.rows.Row(row, w.cells, h)
	}
	if h > 0 {
		opts = []excelize.RowOpts{{Height: h}}
	}
	w.vals = w.vals[:0]
	for _, c := range w.cells {
		w.vals = append(w.vals, c)
	}
	return w.sw.SetRow(xlsx.Cell(1, row), w.vals, opts...)
}

// book is one workbook being written.
type book struct {
	f     *excelize.File
	zip   *xlsx.Zip // nil: streamed sheets' rows go through excelize (laterRows)
	res   *scoring.Result
	l     msg.Lang
	opts  XLSXOptions
	st    xlsxStyles
	items map[string]scoring.ItemInfo // the checklist's items by id
	names *xlsx.Names                 // sheet names taken
	first bool                        // the default sheet has not been renamed yet
	// carried pairs the unit's findings with the rows of opts.Previous
	// (Rectification.Match); nil without a previous report.
	carried []int
}

// xlsxStyles are the ids of the workbook's cell styles.
type xlsxStyles struct {
	title, meta                     int // header block
	head                            int // table headers: bold, filled, wrapped
	text, wrap, center, label, date int
	integer, score                  int   // "0", "0.00"
	section, sectionScore           int   // a section's row in a ledger
	total, totalScore               int   // totals and averages
	grade                           []int // conditional: one per grade, best first
	low                             int   // conditional: a low score
}

func newBook(f *excelize.File, res *scoring.Result, opts XLSXOptions) (*book, error) {
	b := &book{f: f, res: res, l: opts.Lang, opts: opts, items: map[string]scoring.ItemInfo{},
		names: xlsx.NewNames(), first: true}
	for _, s := range res.Checklist.Sections {
		for _, it := range s.Items {
			b.items[it.ID] = it
		}
	}
	if err := b.newStyles(); err != nil {
		return nil, err
	}
	return b, nil
}

func (b *book) newStyles() error {
	border := xlsx.Border("A6A6A6")
	fill := xlsx.Fill
	top := &excelize.Alignment{Vertical: "top"}
	wrapTop := &excelize.Alignment{Vertical: "top", WrapText: true}
	dateFmt := "yyyy-mm-dd"
	specs := []struct {
		id *int
		s  excelize.Style
	}{
		{&b.st.title, excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&b.st.meta, excelize.Style{Font: &excelize.Font{Color: "404040"}, Alignment: &excelize.Alignment{Vertical: "center"}}},
		{&b.st.head, excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("D9E1F2"), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&b.st.text, excelize.Style{Border: border, Alignment: top}},
		{&b.st.wrap, excelize.Style{Border: border, Alignment: wrapTop}},
		{&b.st.center, excelize.Style{Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{&b.st.integer, excelize.Style{Border: border, NumFmt: 1, Alignment: top}},
		{&b.st.score, excelize.Style{Border: border, NumFmt: 2, Alignment: top}},
		{&b.st.section, excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, Fill: fill("F2F2F2"), Alignment: top}},
		{&b.st.sectionScore, excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, Fill: fill("F2F2F2"), NumFmt: 2, Alignment: top}},
		{&b.st.total, excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, Fill: fill("FFF2CC"), Alignment: top}},
		{&b.st.totalScore, excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, Fill: fill("FFF2CC"), NumFmt: 2, Alignment: top}},
		{&b.st.label, excelize.Style{Border: border, Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}}},
		{&b.st.date, excelize.Style{Border: border, CustomNumFmt: &dateFmt, Alignment: top}},
	}
	for _, sp := range specs {
		id, err := b.f.NewStyle(&sp.s)
		if err != nil {
			return err
		}
		*sp.id = id
	}
	// Fill and font of the grade colours: green, blue, yellow, orange,
	// purple; the last grade is always red.
	gradeFills := [][2]string{{"C6EFCE", "006100"}, {"DDEBF7", "1F4E78"}, {"FFEB9C", "9C5700"}, {"FCE4D6", "843C0C"}, {"E4DFEC", "5B2C6F"}}
	gradeLast := [2]string{"FFC7CE", "9C0006"}
	grades := b.res.Checklist.Grades
	for i := range grades {
		c := gradeFills[i%len(gradeFills)]
		if i == len(grades)-1 && i > 0 {
			c = gradeLast
		}
		id, err := b.f.NewConditionalStyle(&excelize.Style{Fill: fill(c[0]), Font: &excelize.Font{Color: c[1]}})
		if err != nil {
			return err
		}
		b.st.grade = append(b.st.grade, id)
	}
	low, err := b.f.NewConditionalStyle(&excelize.Style{Fill: fill(gradeLast[0]), Font: &excelize.Font{Color: gradeLast[1]}})
	if err != nil {
		return err
	}
	b.st.low = low
	return nil
}

// newSheet adds a sheet named name (already sanitized and unique); the
// first one renames the workbook's default sheet, so sheet indexes never
// shift under defined names.
func (b *book) newSheet(name string) error {
	b.names.Take(name)
	if b.first {
		b.first = false
		return b.f.SetSheetName(b.f.GetSheetName(0), name)
	}
	_, err := b.f.NewSheet(name)
	return err
}

// sheetName turns base (a unit's name) into a sheet name Excel accepts and
// that no other sheet has (see xlsx.CleanName and xlsx.Names.Unique); a
// blank name becomes 单位 (Unit).
func (b *book) sheetName(base string) string {
	name := xlsx.CleanName(base)
	if name == "" {
		name = msg.Pick(b.l, "单位", "Unit")
	}
	return b.names.Unique(name)
}

// putRow writes cells into row of a normal-mode sheet from column col:
// strings as text (never formulas), ints and floats as numbers, nil values
// and empty strings only styled.
func (b *book) putRow(sheet string, col, row int, cells []excelize.Cell) error {
	for i, c := range cells {
		ref := xlsx.Cell(col+i, row)
		if err := xlsx.Set(b.f, sheet, ref, c.Value); err != nil {
			return err
		}
		if c.StyleID != 0 {
			if err := b.f.SetCellStyle(sheet, ref, ref, c.StyleID); err != nil {
				return err
			}
		}
	}
	return nil
}

// line writes one merged line of text across columns 1..cols.
func (b *book) line(sheet string, row, cols int, text string, style int) error {
	if err := b.putRow(sheet, 1, row, []excelize.Cell{{Value: text, StyleID: style}}); err != nil {
		return err
	}
	if cols > 1 {
		return b.f.MergeCell(sheet, xlsx.Cell(1, row), xlsx.Cell(cols, row))
	}
	return nil
}

// printSetup prints sheet landscape on A4, one page wide, repeating rows
// first..last on every page. On a streamed sheet it must run before
// NewStreamWriter (the sheet properties are written first).
func (b *book) printSetup(sheet string, first, last int) error {
	if err := xlsx.PageSetup(b.f, sheet, "landscape", xlsx.A4); err != nil {
		return err
	}
	side, edge, hf := 0.5, 0.75, 0.3
	if err := b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side,
		Top: &edge, Bottom: &edge, Header: &hf, Footer: &hf}); err != nil {
		return err
	}
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{
		OddFooter: msg.Pick(b.l, "&C第 &P 页，共 &N 页", "&CPage &P of &N")}); err != nil {
		return err
	}
	if first == 0 {
		return nil
	}
	return xlsx.PrintTitles(b.f, sheet, first, last)
}

// height is the height in points of a row whose cells start in the column
// of ws[0] and whose wrapped text needs more than one line, or 0 for the
// default height.
func (b *book) height(cells []excelize.Cell, ws []float64) float64 {
	n := 1
	for i, c := range cells {
		if i >= len(ws) {
			break
		}
		if c.StyleID != b.st.wrap && c.StyleID != b.st.head {
			continue
		}
		if s, ok := c.Value.(string); ok && s != "" {
			n = max(n, xlsx.Lines(s, ws[i]))
		}
	}
	if n == 1 {
		return 0
	}
	return xlsx.Height(n)
}

// putRows writes rows of cells from (col, row) on a normal-mode sheet whose
// column widths from column 1 are ws, making each row tall enough for its
// wrapped text.
func (b *book) putRows(sheet string, col, row int, rows [][]excelize.Cell, ws []float64) error {
	for i, cells := range rows {
		if err := b.putRow(sheet, col, row+i, cells); err != nil {
			return err
		}
		if col-1 < len(ws) {
			if h := b.height(cells, ws[col-1:]); h > 0 {
				if err := b.f.SetRowHeight(sheet, row+i, h); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// setWidths sets the widths of a normal-mode sheet's columns from column 1
// and returns them.
func (b *book) setWidths(sheet string, ft *xlsx.Fitter) ([]float64, error) {
	ws := ft.Widths()
	if err := xlsx.SetWidths(b.f, sheet, ws); err != nil {
		return nil, err
	}
	return ws, nil
}

// heads are the header cells of cols.
func (b *book) heads(cols []xlsx.Column) []excelize.Cell {
	cells := make([]excelize.Cell, len(cols))
	for i, c := range cols {
		cells[i] = excelize.Cell{Value: c.Head, StyleID: b.st.head}
	}
	return cells
}

// resultTitle is the report's title, from the checklist's title and the year:
// 「利通区政务公开工作年度评估指标」 2017 → 「利通区政务公开工作年度评估结果（2017年度）」.
func (b *book) resultTitle() string {
	t := b.res.Checklist.Title
	if b.l == msg.EN {
		if t == "" {
			t = "Evaluation"
		}
		if b.res.Year == 0 {
			return t + " — results"
		}
		return fmt.Sprintf("%s — results (%d)", t, b.res.Year)
	}
	t = strings.TrimSuffix(strings.TrimSuffix(t, "指标体系"), "指标")
	if t == "" {
		t = "政务公开工作评估"
	}
	if b.res.Year == 0 {
		return t + "结果"
	}
	return fmt.Sprintf("%s结果（%d年度）", t, b.res.Year)
}

// checklistLine and the others are the lines of a header block.
func (b *book) checklistLine() string {
	c := b.res.Checklist
	return msg.Pick(b.l, fmt.Sprintf("指标体系：%s（%s）", c.Title, c.ID), fmt.Sprintf("Checklist: %s (%s)", c.Title, c.ID))
}

func (b *book) yearLine() string {
	c := b.res.Checklist
	from, fromEn := "", ""
	switch b.res.YearFrom {
	case scoring.YearFromFlag:
		from, fromEn = "（--year 指定）", " (given by --year)"
	case scoring.YearFromSubmissions:
		from, fromEn = "（取自报送材料）", " (stated in the submissions)"
	case scoring.YearFromChecklist:
		from, fromEn = "（取自指标体系）", " (the checklist's year)"
	}
	asOf, asOfEn := "", ""
	if b.res.AsOf != "" {
		asOf, asOfEn = "　　期限截至："+b.res.AsOf, "    Deadlines as of: "+b.res.AsOf
	}
	total, totalEn := num(c.Total), num(c.Total)
	if c.MaxScore > c.Total { // v2: bonus may lift a score above the total
		total += "分（含加分最高" + num(c.MaxScore) + "分）"
		totalEn += " points (with bonus at most " + num(c.MaxScore) + ")"
	} else {
		total += "分"
		totalEn += " points"
	}
	return msg.Pick(b.l,
		fmt.Sprintf("评估年度：%d年度%s%s　　满分：%s　　效能考核权重：%s", b.res.Year, from, asOf, total, b.weight()),
		fmt.Sprintf("Year: %d%s%s    Total: %s    Performance weight: %s", b.res.Year, fromEn, asOfEn, totalEn, b.weight()))
}

func (b *book) generatedLine() string {
	g := b.opts.Generated
	if g == "" && b.opts.Tool != "" {
		g = msg.Pick(b.l, "由 "+b.opts.Tool+" 生成", "generated by "+b.opts.Tool)
	}
	if r := reviewNote(b.res, b.l); r != "" {
		if g == "" {
			return r
		}
		return msg.Pick(b.l, "生成：", "Generated: ") + g + msg.Pick(b.l, "　　", "    ") + r
	}
	if g == "" {
		return ""
	}
	return msg.Pick(b.l, "生成：", "Generated: ") + g
}

// reviewNote marks a result the district office reviewed (--review): 「已复核
// （复核日期 2018-01-05，复核决定 3 条，生效 2 条）」, the date the latest a
// decision gives; "" for a preliminary result.
func reviewNote(res *scoring.Result, l msg.Lang) string {
	if len(res.Decisions) == 0 {
		return ""
	}
	applied, last := 0, ""
	for _, d := range res.Decisions {
		if d.Applied {
			applied++
		}
		last = max(last, d.On)
	}
	if last == "" {
		return msg.Pick(l, fmt.Sprintf("已复核（复核决定 %d 条，生效 %d 条）", len(res.Decisions), applied),
			fmt.Sprintf("Reviewed (%d decisions, %d applied)", len(res.Decisions), applied))
	}
	return msg.Pick(l, fmt.Sprintf("已复核（复核日期 %s，复核决定 %d 条，生效 %d 条）", last, len(res.Decisions), applied),
		fmt.Sprintf("Reviewed (on %s, %d decisions, %d applied)", last, len(res.Decisions), applied))
}

// weight is the performance weight as a percentage: 0.04 → "4%".
func (b *book) weight() string {
	return strconv.FormatFloat(math.Round(b.res.Checklist.PerformanceWeight*1e6)/1e4, 'f', -1, 64) + "%"
}

func (b *book) perfHead() string {
	return msg.Pick(b.l, "效能考核折算分（权重"+b.weight()+"）", "Performance points (weight "+b.weight()+")")
}

// num formats points without trailing zeros: 100, 2.5.
func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// hundredths is f in integer hundredths, rounded half away from zero.
func hundredths(f float64) int64 { return int64(math.Round(f * 100)) }

// reviewText is a finding's review as a clerk reads it.
func (b *book) reviewText(r *scoring.Review) string {
	if r == nil {
		return ""
	}
	s := ReviewLabel(r.Decision, b.l)
	if r.Reason != "" {
		s += msg.Pick(b.l, "：", ": ") + r.Reason
	}
	return s + b.byOn(r.By, r.On)
}

func (b *book) byOn(by, on string) string {
	var parts []string
	for _, p := range []string{by, on} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return msg.Pick(b.l, "（"+strings.Join(parts, "，")+"）", " ("+strings.Join(parts, ", ")+")")
}
