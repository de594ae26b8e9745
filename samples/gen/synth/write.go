package synth

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"github.com/zwgk/zwgk/checklists"
)

// excelEpoch is day 0 of Excel's 1900 date system, as it counts after
// February 1900.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// serial is t as an Excel serial number.
func serial(t time.Time) float64 {
	return float64(t.Sub(excelEpoch)) / float64(24*time.Hour)
}

type styles struct{ header, required, date, dateTime int }

// writeUnit writes one unit's workbook in the layout of `zwgk template`:
// 填报说明, the 单位信息 form, then one sheet per register with its header
// row frozen, date formats and yes/no and enum dropdowns. The registers are
// written with excelize's StreamWriter.
func writeUnit(path string, schema *checklists.Schema, u *unitData, sharedStrings bool) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = cerr
		}
	}()
	st, err := newStyles(f)
	if err != nil {
		return fmt.Errorf("%s: %w", u.file, err)
	}
	if err := f.SetSheetName("Sheet1", "填报说明"); err != nil {
		return err
	}
	for i, line := range []string{
		"政务公开自查台账 填报说明",
		"1. 本工作簿每张工作表是一本台账，一件一行，从表头下一行起逐行填写。",
		"2. 表头请勿改名；橙色表头的列为必填。",
		"3. 日期写成 2017-06-01 的形式；是否类的列填「是」或「否」。",
	} {
		if err := f.SetCellStr("填报说明", fmt.Sprintf("A%d", i+1), line); err != nil {
			return err
		}
	}
	for _, t := range schema.UnitTables().Tables {
		if _, err := f.NewSheet(t.Sheet); err != nil {
			return err
		}
		switch {
		case t.Form:
			err = writeForm(f, t, u)
		case sharedStrings:
			err = writeRegisterSST(f, st, t, u)
		default:
			err = writeRegister(f, st, t, u)
		}
		if err != nil {
			return fmt.Errorf("%s %s: %w", u.file, t.Sheet, err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		return fmt.Errorf("%s: %w", u.file, err)
	}
	return nil
}

func newStyles(f *excelize.File) (styles, error) {
	var st styles
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	dateFmt, dateTimeFmt := "yyyy-mm-dd", "yyyy-mm-dd hh:mm"
	for _, s := range []struct {
		id *int
		s  *excelize.Style
	}{
		{&st.header, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: center,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}}}},
		{&st.required, &excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: center,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FCE4D6"}}}},
		{&st.date, &excelize.Style{CustomNumFmt: &dateFmt}},
		{&st.dateTime, &excelize.Style{CustomNumFmt: &dateTimeFmt}},
	} {
		id, err := f.NewStyle(s.s)
		if err != nil {
			return st, err
		}
		*s.id = id
	}
	return st, nil
}

// writeForm writes a form such as 单位信息: 项目 | 内容, one field a row; only
// 单位信息 is filled in.
func writeForm(f *excelize.File, t *checklists.Table, u *unitData) error {
	s := t.Sheet
	if err := f.SetSheetRow(s, "A1", &[]string{"项目", "内容"}); err != nil {
		return err
	}
	for i, fd := range t.Fields {
		var v any
		if t.Name == "unit" {
			v = cellValue(u.form[fd.Name], u.style, 0, 0)
		}
		row := []any{fd.Header, v}
		if err := f.SetSheetRow(s, fmt.Sprintf("A%d", i+2), &row); err != nil {
			return err
		}
	}
	return nil
}

// dropdowns adds the yes/no and enum lists of a register's columns.
func dropdowns(f *excelize.File, t *checklists.Table) error {
	s := t.Sheet
	for i, fd := range t.Fields {
		var items []string
		switch fd.Type {
		case checklists.Bool:
			items = []string{"是", "否"}
		case checklists.Enum:
			for _, v := range fd.Values {
				items = append(items, v.Name)
			}
		default:
			continue
		}
		col, _ := excelize.ColumnNumberToName(i + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, excelize.TotalRows)
		if err := dv.SetDropList(items); err != nil {
			return err
		}
		if err := f.AddDataValidation(s, dv); err != nil {
			return err
		}
	}
	return nil
}

func columnWidth(fd *checklists.Field) float64 {
	if fd.Type == checklists.Text && strings.ContainsAny(fd.Header, "题称容项") {
		return 40
	}
	return max(10, 2.2*float64(utf8.RuneCountInString(fd.Header)))
}

// writeRegister streams a register sheet: dropdowns first (they must exist
// before the stream writer), then widths, the frozen header and the rows.
// Text is written as inline strings, as StreamWriter does.
func writeRegister(f *excelize.File, st styles, t *checklists.Table, u *unitData) error {
	if err := dropdowns(f, t); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(t.Sheet)
	if err != nil {
		return err
	}
	for i, fd := range t.Fields {
		if err := sw.SetColWidth(i+1, i+1, columnWidth(fd)); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := make([]any, len(t.Fields))
	for i, fd := range t.Fields {
		style := st.header
		if fd.Required {
			style = st.required
		}
		header[i] = excelize.Cell{StyleID: style, Value: fd.Header}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	row := make([]any, len(t.Fields))
	for i, cells := range u.tables[t.Name] {
		for c, v := range cells {
			row[c] = cellValue(v, u.style, st.date, st.dateTime)
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// writeRegisterSST writes a register sheet in excelize's normal mode, which
// puts text in the shared strings table as Excel and WPS do: slower to
// write than writeRegister, for comparing how the two kinds of file read.
func writeRegisterSST(f *excelize.File, st styles, t *checklists.Table, u *unitData) error {
	s := t.Sheet
	if err := dropdowns(f, t); err != nil {
		return err
	}
	for i, fd := range t.Fields {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(s, col, col, columnWidth(fd)); err != nil {
			return err
		}
		style := 0
		switch fd.Type {
		case checklists.Date:
			style = st.date
		case checklists.DateTime:
			style = st.dateTime
		}
		if style != 0 {
			if err := f.SetColStyle(s, col, style); err != nil {
				return err
			}
		}
		if err := f.SetCellStr(s, col+"1", fd.Header); err != nil {
			return err
		}
		hs := st.header
		if fd.Required {
			hs = st.required
		}
		if err := f.SetCellStyle(s, col+"1", col+"1", hs); err != nil {
			return err
		}
	}
	if err := f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	row := make([]any, len(t.Fields))
	for i, cells := range u.tables[t.Name] {
		for c, v := range cells {
			// Date cells take the column's date style.
			row[c] = cellValue(v, u.style, 1, 1)
			if cv, ok := row[c].(excelize.Cell); ok {
				row[c] = cv.Value
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := f.SetSheetRow(s, cell, &row); err != nil {
			return err
		}
	}
	return nil
}

// cellValue turns a generated value into what excelize writes, as the unit
// writes it: dates as date cells or text, yes/no in the unit's spelling.
func cellValue(v any, style unitStyle, dateStyle, dateTimeStyle int) any {
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
		return v
	case yesNo:
		if v {
			return style.yes
		}
		return style.no
	case day:
		t := time.Time(v)
		if style.textDates != "" || dateStyle == 0 {
			return t.Format(cmpLayout(style.textDates))
		}
		return excelize.Cell{StyleID: dateStyle, Value: serial(t)}
	case stamp:
		t := time.Time(v)
		if style.textDates != "" || dateTimeStyle == 0 {
			return t.Format(cmpLayout(style.textDates) + " 15:04")
		}
		return excelize.Cell{StyleID: dateTimeStyle, Value: serial(t)}
	}
	return v
}

func cmpLayout(l string) string {
	if l == "" {
		return "2006-01-02"
	}
	return l
}
