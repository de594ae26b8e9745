package forms

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
	"github.com/zwgk/zwgk/scoring/roster"
)

// The roster workbook's layout: one sheet, one unit per row.
const rosterSheet = "应报送单位名单"

var rosterHeaders = []string{"单位名称", "单位类型", "是否试点部门", "别名"}

// RosterTemplate writes the empty roster workbook `zwgk template --roster` gives.
func RosterTemplate(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", rosterSheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: xlsx.Fill("DDEBF7"),
		Border: xlsx.Border("BFBFBF")})
	if err != nil {
		return err
	}
	if err := xlsx.Header(f, rosterSheet, rosterHeaders, bold); err != nil {
		return err
	}
	if err := xlsx.SetWidths(f, rosterSheet, []float64{36, 12, 14, 48}); err != nil {
		return err
	}
	if err := f.SetPanes(rosterSheet, xlsx.Freeze(2, 1)); err != nil {
		return err
	}
	for _, dv := range []struct {
		sqref string
		list  []string
	}{{"B2:B1048576", []string{checklists.Township, checklists.Department}}, {"C2:C1048576", []string{"是", "否"}}} {
		v := excelize.NewDataValidation(true)
		v.Sqref = dv.sqref
		if err := v.SetDropList(dv.list); err != nil {
			return err
		}
		if err := f.AddDataValidation(rosterSheet, v); err != nil {
			return err
		}
	}
	if err := f.AddComment(rosterSheet, excelize.Comment{Cell: "D1", Author: "zwgk",
		Paragraph: []excelize.RichTextRun{{Text: "单位的其他叫法，用顿号分隔，如：区发改局、发改局"}}}); err != nil {
		return err
	}
	return f.Write(w)
}

// ReadRoster reads the roster workbook; name is used in errors.
func ReadRoster(name string, data []byte) (*roster.Roster, error) {
	rows, err := sheetRows(name, data, []string{rosterSheet, "名单", "单位名单"}, rosterHeaders[:1], false)
	if err != nil {
		return nil, err
	}
	ro := &roster.Roster{Source: name}
	var errs []error
	for _, r := range rows {
		n := strings.TrimSpace(r.get("单位名称"))
		if n == "" {
			continue
		}
		u := &roster.Unit{Name: n, Type: strings.TrimSpace(r.get("单位类型")), Line: r.line}
		if p := strings.TrimSpace(r.get("是否试点部门")); p != "" {
			b := p == "是" || strings.EqualFold(p, "y") || p == "1" || p == "√"
			u.Pilot = &b
		}
		u.Aliases = splitList(r.get("别名"))
		t, ok := roster.Type(u.Type)
		if !ok {
			errs = append(errs, msg.Errorf("%s %s!B%d: 单位类型「%s」应为 乡镇 或 部门", "%s %s!B%d: unit type %q should be 乡镇 (township) or 部门 (department)",
				name, r.sheet, r.line, u.Type))
			continue
		}
		u.Type = t
		ro.Units = append(ro.Units, u)
	}
	if len(errs) > 0 {
		return nil, msg.Join(errs...)
	}
	if a, b, key := ro.Duplicate(); a != nil {
		return nil, msg.Errorf("%s 第%d行: 单位「%s」和「%s」的名称或别名重复（「%s」）", "%s row %d: units %q and %q share a name or alias (%q)",
			name, b.Line, a.Name, b.Name, key)
	}
	return ro, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、,，;；/\n", r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// sheetRow is one row of a small administrative sheet, by header.
type sheetRow struct {
	sheet    string
	line     int
	cols     map[string]int
	cells    []string
	date1904 bool // the workbook counts dates from 1904 (raw reads)
}

func (r sheetRow) get(h string) string {
	i, ok := r.cols[h]
	if !ok || i >= len(r.cells) {
		return ""
	}
	return r.cells[i]
}

// sheetRows reads the first sheet named like one of sheets (or the first
// sheet) whose header row, within the first 10 rows, holds every required
// header. These files are small and written by the district office itself.
//
// raw reads cells as stored (RawCellValue): a date is its serial number,
// for sheetRow.date to turn into a date whatever format Excel or WPS shows
// it in; numbers keep every digit.
func sheetRows(name string, data []byte, sheets []string, required []string, raw bool) ([]sheetRow, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20, RawCellValue: raw})
	if err != nil {
		return nil, msg.Errorf("%s: 无法作为 .xlsx 工作簿打开：%v", "%s: cannot be opened as a .xlsx workbook: %v", name, err)
	}
	defer f.Close()
	list := f.GetSheetList()
	sheet := ""
	for _, want := range sheets {
		for _, s := range list {
			if checklists.Fold(s) == checklists.Fold(want) {
				sheet = s
			}
		}
		if sheet != "" {
			break
		}
	}
	if sheet == "" && len(list) > 0 {
		sheet = list[0]
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	defer rows.Close()
	var out []sheetRow
	var cols map[string]int
	date1904 := false
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		date1904 = *props.Date1904
	}
	line := 0
	for rows.Next() {
		line++
		cells, err := rows.Columns()
		if err != nil {
			return nil, fmt.Errorf("%s %s!%d: %v", name, sheet, line, err)
		}
		if cols == nil {
			if line > 10 {
				break
			}
			c := map[string]int{}
			for i, h := range cells {
				c[checklists.Fold(h)] = i
			}
			all := true
			for _, h := range required {
				if _, ok := c[h]; !ok {
					all = false
				}
			}
			if all {
				cols = c
			}
			continue
		}
		blank := true
		for _, c := range cells {
			if strings.TrimSpace(c) != "" {
				blank = false
			}
		}
		if !blank {
			out = append(out, sheetRow{sheet: sheet, line: line, cols: cols, cells: cells, date1904: date1904})
		}
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("%s %s: %v", name, sheet, err)
	}
	if cols == nil {
		return nil, msg.Errorf("%s %s: 没有找到表头（应包含 %s）", "%s %s: no header row found (it should hold %s)", name, sheet, msg.List(required))
	}
	return out, nil
}
