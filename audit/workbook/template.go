package workbook

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"github.com/zwgk/zwgk/checklists"
)

// The template's own sheets besides the tables.
const (
	helpSheet  = "填报说明"
	listsSheet = "下拉选项" // veryHidden: dropdown lists too long to inline
)

// typeLabel describes a field type to a clerk.
func typeLabel(t checklists.FieldType) string {
	switch t {
	case checklists.Date:
		return "日期（如 2017-06-01）"
	case checklists.DateTime:
		return "日期时间（如 2017-06-01 09:30）"
	case checklists.Bool:
		return "是/否"
	case checklists.Enum:
		return "从下拉列表选择"
	case checklists.Number:
		return "数字"
	case checklists.Int:
		return "整数"
	}
	return "文本"
}

// choices lists what may be entered in a column, "" for free input.
func choices(f *checklists.Field) []string {
	switch f.Type {
	case checklists.Bool:
		return []string{"是", "否"}
	case checklists.Enum:
		out := make([]string, len(f.Values))
		for i, v := range f.Values {
			out[i] = v.Name
		}
		return out
	}
	return nil
}

// templateWriter builds the template workbook.
type templateWriter struct {
	f      *excelize.File
	styles struct{ title, header, required, cellText, wrap, date, dateTime, text int }
	lists  []namedList
	year   int // 年度 filled in on the unit form; 0: left empty
}

// WriteTemplate writes the empty self-check workbook (自查台账模板.xlsx) for a
// schema to w: an instructions sheet (填报说明), the unit form (单位信息) and
// one sheet per register with its headers, a frozen header row, date formats
// and dropdowns for every enum and yes/no column. Read reads it back as a
// unit with no rows and no data errors.
func WriteTemplate(w io.Writer, schema *checklists.Schema) error {
	return WriteTemplateFor(w, schema, 0)
}

// WriteTemplateFor is WriteTemplate for a year: the unit form's 年度 is
// filled in with it (left empty when year is 0).
func WriteTemplateFor(w io.Writer, schema *checklists.Schema, year int) error {
	if schema == nil {
		schema = checklists.DefaultSchema()
	}
	tw := &templateWriter{f: excelize.NewFile(), year: year}
	defer tw.f.Close()
	if err := tw.build(schema); err != nil {
		return fmt.Errorf("write template: %w", err)
	}
	if err := tw.f.Write(w); err != nil {
		return fmt.Errorf("write template: %w", err)
	}
	return nil
}

func (tw *templateWriter) build(schema *checklists.Schema) error {
	f := tw.f
	if err := tw.newStyles(); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", helpSheet); err != nil {
		return err
	}
	if err := tw.help(schema); err != nil {
		return err
	}
	if err := printPage(f, helpSheet, "portrait", 0); err != nil {
		return err
	}
	for _, t := range schema.UnitTables().Tables {
		if _, err := f.NewSheet(t.Sheet); err != nil {
			return fmt.Errorf("sheet %s: %w", t.Sheet, err)
		}
		var err error
		if t.Form {
			err = tw.form(t)
			if err == nil {
				err = printPage(f, t.Sheet, "portrait", 0)
			}
		} else {
			err = tw.register(t)
		}
		if err != nil {
			return fmt.Errorf("sheet %s: %w", t.Sheet, err)
		}
	}
	if err := tw.writeLists(); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return nil
}

func (tw *templateWriter) newStyles() error {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	dateFmt, dateTimeFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
	specs := []struct {
		id *int
		s  *excelize.Style
	}{
		{&tw.styles.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}},
		{&tw.styles.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: center,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}}},
		{&tw.styles.required, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: center,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4D6"}}}},
		{&tw.styles.cellText, &excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&tw.styles.wrap, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&tw.styles.date, &excelize.Style{CustomNumFmt: &dateFmt}},
		{&tw.styles.dateTime, &excelize.Style{CustomNumFmt: &dateTimeFmt}},
		{&tw.styles.text, &excelize.Style{NumFmt: 49}},
	}
	for _, s := range specs {
		id, err := tw.f.NewStyle(s.s)
		if err != nil {
			return err
		}
		*s.id = id
	}
	return nil
}

func cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// help writes the instructions sheet: general notes, then per table its
// columns, types, whether required, the values allowed and what they mean.
func (tw *templateWriter) help(schema *checklists.Schema) error {
	f, s := tw.f, helpSheet
	notes := []string{
		"政务公开自查台账 填报说明",
		"1. 本工作簿每张工作表是一本台账，一件一行，从表头下一行起逐行填写；不要合并单元格，不要在表中插入合计行。",
		"2. 表头请勿改名（可调换列的顺序）；橙色表头的列为必填，每行都要填写。",
		"3. 日期写成 2017-06-01 的形式（也可用 2017年6月1日、2017/6/1）；是否类的列填「是」或「否」；带下拉箭头的列从列表中选择。",
		"4. 本年度没有发生的事项（如未收到依申请公开申请），保留该表表头、不填内容即可。",
		"5. 也可以把各表按原表名另存为 CSV 文件（UTF-8 或 GBK 编码，如 公文台账.csv），放在以单位名称命名的文件夹中报送。",
	}
	row := 1
	for i, n := range notes {
		if err := f.SetCellValue(s, cell(1, row), n); err != nil {
			return err
		}
		style := tw.styles.wrap
		if i == 0 {
			style = tw.styles.title
		}
		if err := f.MergeCell(s, cell(1, row), cell(5, row)); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, cell(1, row), cell(5, row), style); err != nil {
			return err
		}
		row++
	}
	for _, t := range schema.UnitTables().Tables {
		row++
		head := "【" + t.Sheet + "】"
		if t.Help != "" {
			head += t.Help
		}
		if t.Form {
			head += "左列为项目，右列填写内容。"
		}
		if err := f.SetCellValue(s, cell(1, row), head); err != nil {
			return err
		}
		if err := f.MergeCell(s, cell(1, row), cell(5, row)); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, cell(1, row), cell(5, row), tw.styles.wrap); err != nil {
			return err
		}
		row++
		if err := f.SetSheetRow(s, cell(1, row), &[]string{"列名", "类型", "是否必填", "可填写的值", "说明"}); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, cell(1, row), cell(5, row), tw.styles.header); err != nil {
			return err
		}
		for _, fd := range t.Fields {
			row++
			req := ""
			if fd.Required {
				req = "必填"
			}
			desc := fd.Help
			if len(fd.Aliases) > 0 {
				desc = strings.TrimSpace(desc + "（列名也可写作：" + strings.Join(fd.Aliases, "、") + "）")
			}
			vals := strings.Join(choices(fd), "、")
			if err := f.SetSheetRow(s, cell(1, row), &[]string{fd.Header, typeLabel(fd.Type), req, vals, desc}); err != nil {
				return err
			}
			if err := f.SetCellStyle(s, cell(1, row), cell(5, row), tw.styles.cellText); err != nil {
				return err
			}
		}
		row++
	}
	for col, w := range []float64{22, 24, 10, 44, 70} {
		name, _ := excelize.ColumnNumberToName(col + 1)
		if err := f.SetColWidth(s, name, name, w); err != nil {
			return err
		}
	}
	return nil
}

// form writes a two-column form: 项目 | 内容, one field a row.
func (tw *templateWriter) form(t *checklists.Table) error {
	f, s := tw.f, t.Sheet
	if err := f.SetSheetRow(s, "A1", &[]string{"项目", "内容"}); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "B1", tw.styles.header); err != nil {
		return err
	}
	for i, fd := range t.Fields {
		r := i + 2
		if err := f.SetCellValue(s, cell(1, r), fd.Header); err != nil {
			return err
		}
		style := tw.styles.header
		if fd.Required {
			style = tw.styles.required
		}
		if err := f.SetCellStyle(s, cell(1, r), cell(1, r), style); err != nil {
			return err
		}
		if fd.Type.Textual() {
			if err := f.SetCellStyle(s, cell(2, r), cell(2, r), tw.styles.text); err != nil {
				return err
			}
		}
		if err := tw.dropdown(s, t, fd, cell(2, r)); err != nil {
			return err
		}
		if fd.Name == "year" && tw.year > 0 {
			if err := f.SetCellValue(s, cell(2, r), tw.year); err != nil {
				return err
			}
		}
	}
	if err := f.SetColWidth(s, "A", "A", 20); err != nil {
		return err
	}
	return f.SetColWidth(s, "B", "B", 50)
}

// register writes a register sheet: the header row, frozen, with formats and
// dropdowns down each column.
func (tw *templateWriter) register(t *checklists.Table) error {
	f, s := tw.f, t.Sheet
	for i, fd := range t.Fields {
		col, _ := excelize.ColumnNumberToName(i + 1)
		switch fd.Type {
		case checklists.Date:
			if err := f.SetColStyle(s, col, tw.styles.date); err != nil {
				return err
			}
		case checklists.DateTime:
			if err := f.SetColStyle(s, col, tw.styles.dateTime); err != nil {
				return err
			}
		case checklists.Text, checklists.DocNo:
			if err := f.SetColStyle(s, col, tw.styles.text); err != nil {
				return err
			}
		}
		if err := f.SetColWidth(s, col, col, columnWidth(fd)); err != nil {
			return err
		}
		if err := f.SetCellValue(s, col+"1", fd.Header); err != nil {
			return err
		}
		style := tw.styles.header
		if fd.Required {
			style = tw.styles.required
		}
		if err := f.SetCellStyle(s, col+"1", col+"1", style); err != nil {
			return err
		}
		if err := tw.dropdown(s, t, fd, fmt.Sprintf("%s2:%s%d", col, col, excelize.TotalRows)); err != nil {
			return err
		}
	}
	if err := f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return printPage(f, s, "landscape", 1)
}

// printPage prints a sheet of the template on A4 in orientation, one page
// wide, and repeats its first titleRows rows on every page (none when 0):
// a unit prints what it filled in to have it signed.
func printPage(f *excelize.File, s, orientation string, titleRows int) error {
	a4, one, tall := 9, 1, 0
	if err := f.SetPageLayout(s, &excelize.PageLayoutOptions{Orientation: &orientation, Size: &a4, FitToWidth: &one, FitToHeight: &tall}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(s, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	if titleRows == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(s, "'", "''"), titleRows), Scope: s})
}

// columnWidth fits a column to its header, wider for titles and subjects.
func columnWidth(fd *checklists.Field) float64 {
	w := 2.2 * float64(utf8.RuneCountInString(fd.Header))
	for _, k := range []string{"标题", "名称", "内容", "事项"} {
		if fd.Type.Textual() && strings.Contains(fd.Header, k) {
			return 40
		}
	}
	switch fd.Type {
	case checklists.Text, checklists.DocNo:
		w = max(w, 16) // 利政发〔2017〕12号
	case checklists.Date:
		w = max(w, 12)
	case checklists.DateTime:
		w = max(w, 17)
	}
	return max(w, 10)
}

// dropdown adds a list validation to sqref for an enum or yes/no field. A
// list over Excel's 255-character limit, or with a comma in a value, goes on
// the veryHidden lists sheet under a defined name.
func (tw *templateWriter) dropdown(sheet string, t *checklists.Table, fd *checklists.Field, sqref string) error {
	items := choices(fd)
	if len(items) == 0 {
		return nil
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = sqref
	joined := strings.Join(items, ",")
	if len(utf16.Encode([]rune(joined))) <= 255 && !strings.ContainsAny(strings.Join(items, ""), ",\"") {
		if err := dv.SetDropList(items); err != nil {
			return err
		}
	} else {
		name, err := tw.list(t, fd, items)
		if err != nil {
			return err
		}
		dv.SetSqrefDropList(name)
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, fd.Header, "请从下拉列表中选择："+strings.Join(items, "、"))
	return tw.f.AddDataValidation(sheet, dv)
}

// list reserves a column of the lists sheet for a dropdown's values, written
// by writeLists, and returns the name of its range.
func (tw *templateWriter) list(t *checklists.Table, fd *checklists.Field, items []string) (string, error) {
	name := "list_" + ident(t.Name) + "_" + ident(fd.Name)
	tw.lists = append(tw.lists, namedList{name, items})
	return name, nil
}

// namedList is a dropdown's values on the lists sheet.
type namedList struct {
	name  string
	items []string
}

// writeLists writes the lists sheet last, veryHidden, one list a column,
// each range named.
func (tw *templateWriter) writeLists() error {
	if len(tw.lists) == 0 {
		return nil
	}
	f := tw.f
	if _, err := f.NewSheet(listsSheet); err != nil {
		return err
	}
	for i, l := range tw.lists {
		col, _ := excelize.ColumnNumberToName(i + 1)
		for r, it := range l.items {
			if err := f.SetCellStr(listsSheet, fmt.Sprintf("%s%d", col, r+1), it); err != nil {
				return err
			}
		}
		if err := f.SetDefinedName(&excelize.DefinedName{
			Name:     l.name,
			RefersTo: fmt.Sprintf("'%s'!$%s$1:$%s$%d", listsSheet, col, col, len(l.items)),
		}); err != nil {
			return err
		}
	}
	return f.SetSheetVisible(listsSheet, false, true)
}

// ident makes a schema name usable in a defined name.
func ident(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r == '_' || ('a' <= r && r <= 'z') || ('A' <= r && r <= 'Z') || ('0' <= r && r <= '9') {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "_%x", r)
		}
	}
	return b.String()
}
