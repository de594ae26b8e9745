package annualreport

import (
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/annual"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

// XLSXOptions controls the yearly report workbook.
type XLSXOptions struct {
	Lang msg.Lang
	// Generated states how the workbook was made, e.g. "2026-11-25 由 zwgk
	// v0.1.0 生成"; the caller supplies it.
	Generated string
	// Tool names the program; it becomes the workbook's author.
	Tool string
}

// The yearly report workbook's grid: every unit sheet has annualCols
// columns of equal width, and each table spans them with merged cells, so
// that tables 二, 三 and 四 (4, 10 and 15 columns in the national format)
// line up on one printed page width.
const (
	annualCols     = 15
	annualColWidth = 9.5
	// Table 三: label columns A–H (三 | （三） | leaf), data columns I–O.
	t3Data = 9
	// Table 二: 信息内容 in A–F, the numbers in G–O.
	t2Data = 7
	// annualCheckSheet is the name of the checks sheet.
	annualCheckSheet = "校验"
	// The labels that find a unit sheet's unit name and year when reading back.
	annualUnitLabel = "填报单位"
	annualYearLabel = "报告年度"
)

// XLSX writes the yearly report workbook of f to w: one sheet per
// unit with tables 二, 三 and 四 laid out as the national format of the
// report year (captions, headings, merged header cells, row labels with
// their numbering, borders, A4 print setup), then the 校验 sheet listing
// every check, late answer and finding. ReadXLSX reads it back.
func XLSX(w io.Writer, f *annual.File, opts XLSXOptions) (err error) {
	x := excelize.NewFile()
	defer func() {
		if cerr := x.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("write annual report: %w", cerr)
		}
	}()
	b := &annualBook{f: x, file: f, l: opts.Lang, opts: opts, names: xlsx.NewNames(annualCheckSheet), first: true}
	if err := b.build(); err != nil {
		return fmt.Errorf("write annual report: %w", err)
	}
	title := fmt.Sprintf("%d年政府信息公开工作年度报告统计表", f.Year)
	if err := x.SetDocProps(&excelize.DocProperties{Title: title, Creator: opts.Tool, LastModifiedBy: opts.Tool, Language: "zh-CN"}); err != nil {
		return fmt.Errorf("write annual report: %w", err)
	}
	if _, err := x.WriteTo(w); err != nil {
		return fmt.Errorf("write annual report: %w", err)
	}
	return nil
}

type annualBook struct {
	f     *excelize.File
	file  *annual.File
	l     msg.Lang
	opts  XLSXOptions
	names *xlsx.Names
	first bool
	st    struct {
		title, meta, metaLabel, section, head, note, label, num, money, moneyUnit, blank int
		cTitle, cHead, cText, cWrap, cNum, cPass, cFail, cSkip                           int
	}
}

func (b *annualBook) build() error {
	if err := b.styles(); err != nil {
		return err
	}
	for _, u := range b.file.Units {
		if err := b.unitSheet(u); err != nil {
			return fmt.Errorf("unit %s: %w", u.Name, err)
		}
	}
	if err := b.checkSheet(); err != nil {
		return fmt.Errorf("sheet %s: %w", annualCheckSheet, err)
	}
	b.f.SetActiveSheet(0)
	return nil
}

func (b *annualBook) styles() error {
	border, thin := xlsx.Border("000000"), xlsx.Border("A6A6A6")
	font := func(size float64, bold bool) *excelize.Font {
		return &excelize.Font{Family: "宋体", Size: size, Bold: bold}
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	left := &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}
	indented := &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true, Indent: 1}
	money, moneyUnit := "0.00", `0.00"万元"`
	specs := []struct {
		id *int
		s  *excelize.Style
	}{
		{&b.st.title, &excelize.Style{Font: font(16, true), Alignment: center}},
		{&b.st.meta, &excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 9, Color: "595959"}, Alignment: left}},
		{&b.st.metaLabel, &excelize.Style{Font: font(11, true), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}}},
		{&b.st.section, &excelize.Style{Font: font(12, true), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "bottom"}}},
		{&b.st.head, &excelize.Style{Font: font(11, false), Border: border, Alignment: center}},
		{&b.st.note, &excelize.Style{Font: font(9, false), Border: border, Alignment: center}},
		{&b.st.label, &excelize.Style{Font: font(11, false), Border: border, Alignment: indented}},
		{&b.st.num, &excelize.Style{Font: font(11, false), Border: border, Alignment: center, NumFmt: 1}},
		{&b.st.money, &excelize.Style{Font: font(11, false), Border: border, Alignment: center, CustomNumFmt: &money}},
		{&b.st.moneyUnit, &excelize.Style{Font: font(11, false), Border: border, Alignment: center, CustomNumFmt: &moneyUnit}},
		{&b.st.blank, &excelize.Style{Font: font(11, false), Border: border, Alignment: center}},
		{&b.st.cTitle, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&b.st.cHead, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: thin, Alignment: center,
			Fill: xlsx.Fill("DDEBF7")}},
		{&b.st.cText, &excelize.Style{Border: thin, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&b.st.cWrap, &excelize.Style{Border: thin, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&b.st.cNum, &excelize.Style{Border: thin, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}}},
		{&b.st.cPass, &excelize.Style{Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"},
			Font: &excelize.Font{Color: "006100"}, Fill: xlsx.Fill("C6EFCE")}},
		{&b.st.cFail, &excelize.Style{Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"},
			Font: &excelize.Font{Color: "9C0006", Bold: true}, Fill: xlsx.Fill("FFC7CE")}},
		{&b.st.cSkip, &excelize.Style{Border: thin, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"},
			Font: &excelize.Font{Color: "7F7F7F"}}},
	}
	for _, s := range specs {
		id, err := b.f.NewStyle(s.s)
		if err != nil {
			return err
		}
		*s.id = id
	}
	return nil
}

// annualSheetName turns a unit's name into a sheet name Excel accepts and no
// other sheet has, and takes it (see xlsx.CleanName and xlsx.Names.Unique);
// a blank name and History become 单位.
func annualSheetName(base string, names *xlsx.Names) string {
	name := xlsx.CleanName(base)
	if name == "" || strings.EqualFold(name, "History") {
		name = "单位"
	}
	name = names.Unique(name)
	names.Take(name)
	return name
}

func (b *annualBook) newSheet(name string) error {
	if b.first {
		b.first = false
		return b.f.SetSheetName(b.f.GetSheetName(0), name)
	}
	_, err := b.f.NewSheet(name)
	return err
}

// box writes v into the top-left cell of columns c1–c2, rows r1–r2 (from
// 1), merges them when they are more than one cell, and styles every cell
// of the range (so the borders go all round).
func (b *annualBook) box(sheet string, c1, r1, c2, r2 int, v any, style int) error {
	ref := xlsx.Cell(c1, r1)
	if err := xlsx.Set(b.f, sheet, ref, v); err != nil {
		return err
	}
	if c2 > c1 || r2 > r1 {
		if err := b.f.MergeCell(sheet, ref, xlsx.Cell(c2, r2)); err != nil {
			return err
		}
	}
	return b.f.SetCellStyle(sheet, ref, xlsx.Cell(c2, r2), style)
}

// rowHeight sets a row tall enough for lines lines of 11-point text.
func (b *annualBook) rowHeight(sheet string, row, lines int) error {
	return b.f.SetRowHeight(sheet, row, math.Min(float64(max(lines, 1))*14.5+6, 409))
}

// annualFit is how many lines text needs in a merged cell n columns wide.
func annualFit(text string, n int) int { return xlsx.Lines(text, float64(n)*annualColWidth) }

func (b *annualBook) unitSheet(u *annual.Report) error {
	sheet := annualSheetName(u.Name, b.names)
	if err := b.newSheet(sheet); err != nil {
		return err
	}
	f, year, layout := b.f, b.file.Year, b.file.Layout
	if err := f.SetColWidth(sheet, "A", xlsx.Col(annualCols), annualColWidth); err != nil {
		return err
	}
	row := 1
	if err := b.box(sheet, 1, row, annualCols, row, fmt.Sprintf("%s%d年政府信息公开工作年度报告统计表", u.Name, year), b.st.title); err != nil {
		return err
	}
	if err := b.rowHeight(sheet, row, annualFit(u.Name+"0000年政府信息公开工作年度报告统计表", annualCols)*3/2); err != nil {
		return err
	}
	row++
	for _, c := range []struct {
		c1, c2 int
		v      any
		style  int
	}{
		{1, 2, annualUnitLabel + "：", b.st.metaLabel}, {3, 10, u.Name, b.st.meta},
		{11, 12, annualYearLabel + "：", b.st.metaLabel}, {13, 15, strconv.Itoa(year) + "年", b.st.meta},
	} {
		if err := b.box(sheet, c.c1, row, c.c2, row, c.v, c.style); err != nil {
			return err
		}
	}
	row++
	meta := "表格格式：" + layout.Document() + "。表三、表四由 zwgk 根据依申请公开台账和行政复议诉讼表统计，表二取自主动公开情况表"
	if b.opts.Generated != "" {
		meta += "；" + b.opts.Generated
	}
	if err := b.box(sheet, 1, row, annualCols, row, meta+"。", b.st.meta); err != nil {
		return err
	}
	if err := b.rowHeight(sheet, row, annualFit(meta, annualCols*5/4)); err != nil {
		return err
	}
	sections := layout.Sections()
	row += 2
	var err error
	if row, err = b.section(sheet, row, sections[1]); err != nil {
		return err
	}
	if row, err = b.table2(sheet, row, u, layout); err != nil {
		return err
	}
	row++
	t3 := row
	if row, err = b.section(sheet, row, sections[2]); err != nil {
		return err
	}
	if row, err = b.table3(sheet, row, u, layout); err != nil {
		return err
	}
	row++
	if row, err = b.section(sheet, row, sections[3]); err != nil {
		return err
	}
	if row, err = b.table4(sheet, row, u); err != nil {
		return err
	}
	return b.annualPrint(sheet, t3, row-1)
}

func (b *annualBook) section(sheet string, row int, title string) (int, error) {
	if err := b.box(sheet, 1, row, annualCols, row, title, b.st.section); err != nil {
		return 0, err
	}
	return row + 1, b.f.SetRowHeight(sheet, row, 24)
}

// table2 lays out table 二 from row: per block a caption across the
// table, a heading row (信息内容 and the block's columns) and its rows.
func (b *annualBook) table2(sheet string, row int, u *annual.Report, layout annual.Layout) (int, error) {
	spans := func(n int) [][2]int {
		switch n {
		case 1:
			return [][2]int{{t2Data, annualCols}}
		case 2:
			return [][2]int{{t2Data, 11}, {12, annualCols}}
		}
		return [][2]int{{t2Data, 9}, {10, 12}, {13, annualCols}}
	}
	for _, s := range layout.Table2() {
		if err := b.box(sheet, 1, row, annualCols, row, s.Caption, b.st.head); err != nil {
			return 0, err
		}
		if err := b.rowHeight(sheet, row, 1); err != nil {
			return 0, err
		}
		row++
		sp := spans(len(s.Heads))
		if err := b.box(sheet, 1, row, t2Data-1, row, annual.ContentHeading, b.st.head); err != nil {
			return 0, err
		}
		n := 1
		for i, h := range s.Heads {
			if err := b.box(sheet, sp[i][0], row, sp[i][1], row, h, b.st.head); err != nil {
				return 0, err
			}
			n = max(n, annualFit(h, sp[i][1]-sp[i][0]+1))
		}
		if err := b.rowHeight(sheet, row, n); err != nil {
			return 0, err
		}
		row++
		for _, r := range s.Rows {
			if err := b.box(sheet, 1, row, t2Data-1, row, r.Label, b.st.label); err != nil {
				return 0, err
			}
			for i, field := range r.Fields {
				var v any
				style := b.st.blank
				if x, ok := u.Table2[field]; ok {
					v, style = x, b.st.num
					switch {
					case annual.IsMoney(field) && strings.Contains(s.Heads[i], "万元"):
						style = b.st.money
					case annual.IsMoney(field):
						style = b.st.moneyUnit // the heading names no unit (试行格式 采购总金额)
					}
					if !annual.IsMoney(field) && x == math.Trunc(x) && math.Abs(x) < 1<<53 {
						v = int(x)
					}
				}
				if err := b.box(sheet, sp[i][0], row, sp[i][1], row, v, style); err != nil {
					return 0, err
				}
			}
			if err := b.rowHeight(sheet, row, 1); err != nil {
				return 0, err
			}
			row++
		}
	}
	return row, nil
}

// table3 lays out table 三 from row: the three heading rows with 申请人情况
// over every applicant column and 法人或其他组织 over its five, then the rows
// with 三、本年度办理结果 and each （三）–（六） merged down the left.
func (b *annualBook) table3(sheet string, row int, u *annual.Report, layout annual.Layout) (int, error) {
	top := row
	heads := []struct {
		c1, r1, c2, r2 int
		v              string
		style          int
	}{
		{1, top, t3Data - 1, top + 2, annual.Table3Note, b.st.note},
		{t3Data, top, annualCols, top, annual.ApplicantHeading, b.st.head},
		{t3Data, top + 1, t3Data, top + 2, annual.ColumnLabels()[annual.Natural], b.st.head},
		{t3Data + 1, top + 1, t3Data + 5, top + 1, annual.OrgHeading, b.st.head},
		{annualCols, top + 1, annualCols, top + 2, annual.ColumnLabels()[annual.Total], b.st.head},
	}
	for i := annual.Business; i <= annual.OtherOrg; i++ {
		heads = append(heads, struct {
			c1, r1, c2, r2 int
			v              string
			style          int
		}{t3Data + i, top + 2, t3Data + i, top + 2, annual.ColumnLabels()[i], b.st.head})
	}
	for _, h := range heads {
		if err := b.box(sheet, h.c1, h.r1, h.c2, h.r2, h.v, h.style); err != nil {
			return 0, err
		}
	}
	for i, n := range []int{1, 1, annualFit("社会公益组织", 1)} {
		if err := b.rowHeight(sheet, top+i, n); err != nil {
			return 0, err
		}
	}
	row = top + 3
	defs := layout.Rows()
	values := map[string]annual.Counts{}
	for _, l := range u.Table3.Rows {
		values[l.Key] = l.Counts
	}
	first := map[string]int{} // group label → first row
	last := map[string]int{}
	resultsFirst, resultsLast := 0, 0
	for _, d := range defs {
		lines := 1
		switch {
		case !d.Results:
			if err := b.box(sheet, 1, row, t3Data-1, row, d.Label, b.st.label); err != nil {
				return 0, err
			}
			lines = annualFit(d.Label, t3Data-1)
		case d.Group != "":
			if err := b.box(sheet, 5, row, t3Data-1, row, d.Label, b.st.label); err != nil {
				return 0, err
			}
			if _, ok := first[d.Group]; !ok {
				first[d.Group] = row
			}
			last[d.Group] = row
			lines = annualFit(d.Label, t3Data-5)
		default:
			if err := b.box(sheet, 3, row, t3Data-1, row, d.Label, b.st.label); err != nil {
				return 0, err
			}
			lines = annualFit(d.Label, t3Data-3)
		}
		if d.Results {
			if resultsFirst == 0 {
				resultsFirst = row
			}
			resultsLast = row
		}
		c := values[d.Key]
		for col := range annual.Columns {
			if err := b.box(sheet, t3Data+col, row, t3Data+col, row, c[col], b.st.num); err != nil {
				return 0, err
			}
		}
		if err := b.rowHeight(sheet, row, lines); err != nil {
			return 0, err
		}
		row++
	}
	for _, g := range annual.Groups() {
		if r1, ok := first[g.Label]; ok {
			if err := b.box(sheet, 3, r1, 4, last[g.Label], g.Label, b.st.label); err != nil {
				return 0, err
			}
		}
	}
	if err := b.box(sheet, 1, resultsFirst, 2, resultsLast, annual.LabelResults, b.st.head); err != nil {
		return 0, err
	}
	return row, nil
}

// table4 lays out table 四 from row: 行政复议 over five columns, 行政诉讼
// over ten (未经复议直接起诉 and 复议后起诉, five each), then the counts.
func (b *annualBook) table4(sheet string, row int, u *annual.Report) (int, error) {
	if err := b.box(sheet, 1, row, 5, row, annual.ReviewHeading, b.st.head); err != nil {
		return 0, err
	}
	if err := b.box(sheet, 6, row, annualCols, row, annual.LitigationHeading, b.st.head); err != nil {
		return 0, err
	}
	for i, h := range annual.ResultLabels() {
		if err := b.box(sheet, 1+i, row+1, 1+i, row+2, h, b.st.head); err != nil {
			return 0, err
		}
		for _, c := range []int{6, 11} {
			if err := b.box(sheet, c+i, row+2, c+i, row+2, h, b.st.head); err != nil {
				return 0, err
			}
		}
	}
	if err := b.box(sheet, 6, row+1, 10, row+1, annual.DirectHeading, b.st.head); err != nil {
		return 0, err
	}
	if err := b.box(sheet, 11, row+1, annualCols, row+1, annual.AfterReviewHeading, b.st.head); err != nil {
		return 0, err
	}
	for g, r := range u.Table4.Groups() {
		for i, v := range r.Cells() {
			if err := b.box(sheet, 1+5*g+i, row+3, 1+5*g+i, row+3, v, b.st.num); err != nil {
				return 0, err
			}
		}
	}
	for i := range 4 {
		if err := b.rowHeight(sheet, row+i, 1); err != nil {
			return 0, err
		}
	}
	return row + 4, nil
}

// annualPrint sets up printing: A4 portrait, one page wide, centred, with
// table 三 starting a new page, page numbers in the footer.
func (b *annualBook) annualPrint(sheet string, breakAt, last int) error {
	if err := xlsx.PageSetup(b.f, sheet, "portrait", xlsx.A4); err != nil {
		return err
	}
	side, edge, hf, centre := 0.6, 0.8, 0.3, true
	if err := b.f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &edge, Bottom: &edge,
		Header: &hf, Footer: &hf, Horizontally: &centre}); err != nil {
		return err
	}
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页，共 &N 页"}); err != nil {
		return err
	}
	if err := b.f.InsertPageBreak(sheet, xlsx.Cell(1, breakAt)); err != nil {
		return err
	}
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area",
		RefersTo: fmt.Sprintf("%s!$A$1:$%s$%d", xlsx.Quote(sheet), xlsx.Col(annualCols), last), Scope: sheet})
}

// The checks sheet's columns.
var annualCheckCols = []xlsx.Column{
	{Head: "单位", Min: 16, Max: 30},
	{Head: "类别", Min: 12, Max: 50},
	{Head: "结果", Min: 8, Max: 10},
	{Head: "工作表", Min: 10, Max: 20},
	{Head: "行", Min: 5, Max: 8},
	{Head: "说明", Min: 30, Max: 70},
	{Head: "工作日数", Min: 8, Max: 10},
	{Head: "时限（工作日）", Min: 10, Max: 14},
	{Head: "文件", Min: 12, Max: 40},
}

// checkSheet writes the 校验 sheet: a summary line, then one row per check,
// late answer, finding and unreadable submission.
func (b *annualBook) checkSheet() error {
	sheet := annualCheckSheet
	if err := b.newSheet(sheet); err != nil {
		return err
	}
	l := b.l
	cols := slices.Clone(annualCheckCols)
	heads := []string{msg.Pick(l, "单位", "Unit"), msg.Pick(l, "类别", "Kind"), msg.Pick(l, "结果", "Result"),
		msg.Pick(l, "工作表", "Sheet"), msg.Pick(l, "行", "Row"), msg.Pick(l, "说明", "Details"),
		msg.Pick(l, "工作日数", "Working days"), msg.Pick(l, "时限（工作日）", "Limit (working days)"), msg.Pick(l, "文件", "File")}
	for i := range cols {
		cols[i].Head = heads[i]
	}
	var rows [][]excelize.Cell
	text := func(s string) excelize.Cell { return excelize.Cell{Value: xlsx.SafeText(s), StyleID: b.st.cText} }
	wrap := func(s string) excelize.Cell { return excelize.Cell{Value: xlsx.SafeText(s), StyleID: b.st.cWrap} }
	num := func(n int) excelize.Cell { return excelize.Cell{Value: n, StyleID: b.st.cNum} }
	blank := excelize.Cell{StyleID: b.st.cText}
	failed, late, found := 0, 0, 0
	for _, u := range b.file.Units {
		if u.Failed() {
			failed++
		}
		late += len(u.Late)
		found += len(u.Findings)
		for _, c := range u.Checks {
			st, res := b.st.cPass, msg.Pick(l, "通过", "pass")
			switch c.Status {
			case annual.Fail:
				st, res = b.st.cFail, msg.Pick(l, "未通过", "fail")
			case annual.Skip:
				st, res = b.st.cSkip, msg.Pick(l, "未检查", "skipped")
			}
			var ps []string
			for _, p := range c.Problems {
				ps = append(ps, p.In(l))
			}
			rows = append(rows, []excelize.Cell{text(u.Name), wrap(c.Title.In(l)), {Value: res, StyleID: st},
				text(msg.Pick(l, "表三", "table 三")), blank, wrap(strings.Join(ps, "\n")), blank, blank, text(u.Source)})
			if c.ID == "t4" {
				rows[len(rows)-1][3] = text(msg.Pick(l, "表四", "table 四"))
			}
		}
		for _, lt := range u.Late {
			var d string
			if lt.RepliedOn == "" {
				d = msg.Pick(l, fmt.Sprintf("%s 收到，至12月31日仍未答复", lt.ReceivedOn), fmt.Sprintf("received %s, unanswered on 31 December", lt.ReceivedOn))
			} else {
				d = msg.Pick(l, fmt.Sprintf("%s 收到，%s 答复", lt.ReceivedOn, lt.RepliedOn), fmt.Sprintf("received %s, answered %s", lt.ReceivedOn, lt.RepliedOn))
			}
			if lt.Extended {
				d += msg.Pick(l, "（已延期）", " (extended)")
			}
			if lt.Subject != "" {
				d += msg.Pick(l, "：", ": ") + lt.Subject
			}
			rows = append(rows, []excelize.Cell{text(u.Name), text(msg.Pick(l, "超期答复", "late answer")),
				{Value: msg.Pick(l, "超期", "late"), StyleID: b.st.cFail}, text(lt.Pos.Sheet), num(lt.Pos.Row), wrap(d),
				num(lt.Workdays), num(lt.Limit), text(lt.Pos.File)})
		}
		for _, fd := range u.Findings {
			row := blank
			if fd.Pos.Row > 0 {
				row = num(fd.Pos.Row)
			}
			sheetCell := fd.Pos.Sheet
			if fd.Pos.Col != "" && fd.Pos.Row > 0 {
				sheetCell = fd.Pos.Cell()
			}
			rows = append(rows, []excelize.Cell{text(u.Name), text(FindingLabel(fd.Code, l)),
				{Value: msg.Pick(l, "需核实", "check"), StyleID: b.st.cSkip}, text(sheetCell), row, wrap(fd.Text.In(l)), blank, blank, text(fd.Pos.File)})
		}
	}
	for _, e := range b.file.Errors {
		rows = append(rows, []excelize.Cell{text(annualSourceName(e.File)), text(msg.Pick(l, "无法读取", "unreadable")),
			{Value: msg.Pick(l, "未统计", "skipped"), StyleID: b.st.cFail}, blank, blank, wrap(e.MessageIn(l)), blank, blank, text(e.File)})
	}
	summary := msg.Pick(l,
		fmt.Sprintf("%d年度报告表格校验：%d 个单位，其中 %d 个单位有未通过的校验；超期答复 %d 件；需核实的问题 %d 个；无法读取的报送材料 %d 份。",
			b.file.Year, len(b.file.Units), failed, late, found, len(b.file.Errors)),
		fmt.Sprintf("Checks of the %d report tables: %d units, %d with a failed check; %d late answers; %d findings; %d unreadable submissions.",
			b.file.Year, len(b.file.Units), failed, late, found, len(b.file.Errors)))
	if err := b.box(sheet, 1, 1, len(cols), 1, summary, b.st.cTitle); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(sheet, 1, 22); err != nil {
		return err
	}
	ft := xlsx.NewFitter(cols)
	for _, r := range rows {
		ft.SeeRow(r)
	}
	ws := ft.Widths()
	if err := xlsx.SetWidths(b.f, sheet, ws); err != nil {
		return err
	}
	head := make([]excelize.Cell, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{Value: c.Head, StyleID: b.st.cHead}
	}
	all := append([][]excelize.Cell{head}, rows...)
	for i, cells := range all {
		r := 3 + i
		n := 1
		for j, c := range cells {
			if err := b.box(sheet, 1+j, r, 1+j, r, c.Value, c.StyleID); err != nil {
				return err
			}
			if s, ok := c.Value.(string); ok && (c.StyleID == b.st.cWrap || c.StyleID == b.st.cHead) {
				n = max(n, xlsx.Lines(s, ws[j]))
			}
		}
		if n > 1 {
			if err := b.f.SetRowHeight(sheet, r, xlsx.Height(n)); err != nil {
				return err
			}
		}
	}
	if err := b.f.AutoFilter(sheet, fmt.Sprintf("A3:%s%d", xlsx.Col(len(cols)), 3+len(rows)), nil); err != nil {
		return err
	}
	if err := b.f.SetPanes(sheet, xlsx.Freeze(4, 2)); err != nil {
		return err
	}
	if err := xlsx.PageSetup(b.f, sheet, "landscape", xlsx.A4); err != nil {
		return err
	}
	return xlsx.PrintTitles(b.f, sheet, 1, 3)
}

// FindingLabel names a finding code of the yearly report for a clerk.
func FindingLabel(code string, l msg.Lang) string {
	labels := map[string][2]string{
		annual.CodeDataError:           {"数据错误", "data error"},
		annual.CodeNoRegister:          {"缺少台账", "register missing"},
		annual.CodeReceivedMissing:     {"缺少收到日期", "no date of receipt"},
		annual.CodeRepliedBefore:       {"日期矛盾", "dates contradict"},
		annual.CodeOutcomeMissing:      {"缺少答复结果", "no outcome"},
		annual.CodeOutcomeWithoutReply: {"缺少答复日期", "no reply date"},
		annual.CodeDetailMissing:       {"缺少具体情形", "no detail"},
		annual.CodeDetailContradicts:   {"具体情形与答复结果不符", "detail contradicts outcome"},
		annual.CodeDetailUnexpected:    {"具体情形与答复结果不符", "detail contradicts outcome"},
		annual.CodeApplicantMissing:    {"缺少申请人类型", "no applicant type"},
		annual.CodeCalendar:            {"工作日历", "calendar"},
		annual.CodeCaseUndated:         {"缺少审结日期", "no date of decision"},
		annual.CodeCaseResultMissing:   {"缺少案件结果", "no case result"},
		annual.CodeCaseContradicts:     {"案件结果与日期不符", "case result contradicts date"},
		annual.CodeCasePathMissing:     {"缺少起诉方式", "no litigation path"},
		annual.CodeCaseKindMissing:     {"缺少案件类型", "no case type"},
		annual.CodeDisclosureMissing:   {"表二未填", "table 二 incomplete"},
	}
	if p, ok := labels[code]; ok {
		return msg.Pick(l, p[0], p[1])
	}
	return code
}

// annualSourceName is a submission's file or folder name without its extension.
func annualSourceName(path string) string {
	i := strings.LastIndexAny(path, `/\`)
	base := path[i+1:]
	if j := strings.LastIndex(base, "."); j > 0 {
		base = base[:j]
	}
	return base
}

// ReadXLSX reads back a workbook XLSX wrote (or one a clerk has
// edited since): each sheet whose first rows name a 填报单位 is a unit, its
// 报告年度 the year, and table 三 is read by its row labels, in either layout;
// tables 二 and 四 are not read. name is used in error messages.
func ReadXLSX(r io.Reader, name string) (*annual.File, error) {
	x, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true, UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		return nil, msg.Errorf("%s: 无法打开工作簿：%w", "%s: cannot open the workbook: %w", name, err)
	}
	defer x.Close()
	keys := map[string]string{} // folded label → row key
	for _, l := range []annual.Layout{annual.Trial2019, annual.Format2021} {
		for _, d := range l.Rows() {
			keys[foldAnnual(d.Label)] = d.Key
		}
	}
	out := &annual.File{Format: annual.FormatV1}
	for _, sheet := range x.GetSheetList() {
		rows, err := x.GetRows(sheet)
		if err != nil {
			return nil, msg.Errorf("%s: 工作表「%s」：%w", "%s: sheet %q: %w", name, sheet, err)
		}
		u, year := readAnnualSheet(rows, keys)
		if u == nil {
			continue
		}
		if year != 0 {
			if out.Year != 0 && out.Year != year {
				return nil, msg.Errorf("%s: 工作表「%s」是 %d 年的报告，其他工作表是 %d 年的", "%s: sheet %q is the report of %d, the other sheets of %d", name, sheet, year, out.Year)
			}
			out.Year = year
		}
		out.Units = append(out.Units, u)
	}
	if len(out.Units) == 0 {
		return nil, msg.Errorf("%s: 不是 zwgk 生成的年度报告工作簿（没有找到写有「%s」的工作表）", "%s: not a yearly report workbook written by zwgk (no sheet says %q)", name, annualUnitLabel)
	}
	out.Layout = annual.LayoutFor(out.Year)
	return out, nil
}

func foldAnnual(s string) string {
	s = strings.Join(strings.Fields(s), "")
	return strings.NewReplacer("\"", "", "“", "", "”", "", "(", "（", ")", "）", "，", "、", ",", "、").Replace(s)
}

// readAnnualSheet reads one unit sheet, or returns nil when the sheet is
// not one.
func readAnnualSheet(rows [][]string, keys map[string]string) (*annual.Report, int) {
	next := func(r []string, i int) string {
		for j := i + 1; j < len(r); j++ {
			if s := strings.TrimSpace(r[j]); s != "" {
				return s
			}
		}
		return ""
	}
	name, year, found := "", 0, false
	for _, r := range rows[:min(len(rows), 6)] {
		for i, c := range r {
			switch strings.TrimRight(strings.TrimSpace(c), ":：") {
			case annualUnitLabel:
				name, found = next(r, i), true
			case annualYearLabel:
				y := strings.TrimSuffix(next(r, i), "年")
				year, _ = strconv.Atoi(strings.TrimSpace(y))
			}
		}
	}
	if !found {
		return nil, 0
	}
	values := map[string]annual.Counts{}
	for _, r := range rows {
		label := ""
		for i := min(len(r), t3Data-1) - 1; i >= 0; i-- {
			if s := strings.TrimSpace(r[i]); s != "" {
				label = s
				break
			}
		}
		key, ok := keys[foldAnnual(label)]
		if !ok {
			continue
		}
		if _, dup := values[key]; dup {
			continue
		}
		var c annual.Counts
		for col := range annual.Columns {
			if i := t3Data - 1 + col; i < len(r) {
				s := strings.TrimSpace(r[i])
				if v, err := strconv.ParseFloat(s, 64); err == nil {
					c[col] = int(math.Round(v))
				}
			}
		}
		values[key] = c
	}
	layout := annual.LayoutFor(year)
	if _, ok := values[annual.RowOther]; ok {
		layout = annual.Trial2019
	} else if _, ok := values["other.1"]; ok {
		layout = annual.Format2021
	}
	u := &annual.Report{Name: name, Table2: map[string]float64{}, Table3: annual.NewTable3(layout)}
	for i := range u.Table3.Rows {
		u.Table3.Rows[i].Counts = values[u.Table3.Rows[i].Key]
	}
	return u, year
}
