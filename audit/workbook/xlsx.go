package workbook

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
)

// readXLSX reads a workbook that sniffed as a zip archive.
func (rd *Reader) readXLSX(path string) (*audit.Unit, error) {
	opts := rd.opts
	zi, err := inspectZip(path, opts.UnzipSizeLimit)
	if err != nil {
		return nil, err
	}
	defer zi.Close()
	f, err := excelize.OpenFile(path, excelize.Options{
		RawCellValue:      true,
		UnzipSizeLimit:    opts.UnzipSizeLimit,
		UnzipXMLSizeLimit: min(opts.UnzipSizeLimit, xmlMemoryLimit),
	})
	if err != nil {
		if f != nil {
			// excelize returns the half-opened file: closing it removes
			// the sheets it spilled to temporary files before failing.
			f.Close()
		}
		// A damaged part can make excelize fail: say it is damaged.
		if derr := zi.verify(path, nil); derr != nil {
			return nil, derr
		}
		return nil, unreadable(path, err, "无法打开工作簿（%s），请用 Excel 或 WPS 打开后另存为 .xlsx", "cannot open the workbook (%s); open it in Excel or WPS and save it as .xlsx", err.Error())
	}
	defer f.Close()
	if err := zi.verify(path, &f.Pkg); err != nil {
		return nil, err
	}
	r := &reader{opts: opts, sp: rd.sp}
	r.unit = &audit.Unit{Source: path, Tables: map[string]*audit.Table{}}
	if props, err := f.GetWorkbookProps(); err == nil {
		r.date1904 = props.Date1904 != nil && *props.Date1904
	}
	sheets := f.GetSheetList()
	chosen := r.assign(func(string) string { return path }, sheets, func(s string) bool {
		v, err := f.GetSheetVisible(s)
		return err == nil && !v
	})
	formSheet := ""
	for _, s := range sheets {
		ts := chosen[s]
		if ts == nil {
			continue
		}
		var sk sink
		if ts.t.Form {
			sk = newFormReader(r, ts, path, s)
			if ts == r.formTable() {
				formSheet = s
			}
		} else {
			sk = newRegisterReader(r, ts, path, s)
		}
		if err := r.readSheet(f, path, s, zi.sheets[s], sk); err != nil {
			return nil, err
		}
	}
	r.missing(chosen, func(ts *tableSpec) (audit.Pos, msg.Text) {
		return audit.Pos{File: path}, msg.New("缺少工作表「%s」", "no sheet %q", ts.t.Sheet)
	})
	base := filepath.Base(path)
	r.unitName(path, formSheet, strings.TrimSuffix(base, filepath.Ext(base)), false)
	return r.unit, nil
}

// assign matches sheets (or CSV files) to tables: for each table the sheet
// named exactly, else the first whose name contains the table's. Other
// sheets matching a table already read are data errors (their rows would be
// lost); sheets matching nothing are warnings, except instructions and
// hidden sheets.
func (r *reader) assign(fileOf func(sheet string) string, sheets []string, hidden func(string) bool) map[string]*tableSpec {
	type cand struct {
		sheet string
		exact bool
	}
	cands := map[*tableSpec][]cand{}
	for _, s := range sheets {
		ts, exact := r.sp.match(s)
		switch {
		case ts != nil:
			cands[ts] = append(cands[ts], cand{s, exact})
		case ignored(s) || hidden(s):
		default:
			r.issue(audit.Warning, audit.Pos{File: fileOf(s), Sheet: s}, "", "", msg.New("忽略工作表「%s」：名称不是台账名称", "ignored sheet %q: its name is not a register's", s))
		}
	}
	chosen := map[string]*tableSpec{}
	for _, ts := range r.sp.tables {
		cs := cands[ts]
		if len(cs) == 0 {
			continue
		}
		pick := 0
		if i := slices.IndexFunc(cs, func(c cand) bool { return c.exact }); i >= 0 {
			pick = i
		}
		chosen[cs[pick].sheet] = ts
		for i, c := range cs {
			if i != pick {
				r.issue(audit.DataError, audit.Pos{File: fileOf(c.sheet), Sheet: c.sheet}, ts.t.Name, "", msg.New(
					"工作表「%s」也像%s，未读取；一个单位的%s应合并在一张表「%s」中",
					"sheet %q also looks like %s and was not read; a unit's %s belongs in one sheet, %q",
					c.sheet, ts.t.Sheet, ts.t.Sheet, cs[pick].sheet))
			}
		}
	}
	return chosen
}

// missing warns of each register with no sheet (or CSV file) at all.
func (r *reader) missing(chosen map[string]*tableSpec, text func(*tableSpec) (audit.Pos, msg.Text)) {
	for _, ts := range r.sp.tables {
		found := false
		for _, c := range chosen {
			found = found || c == ts
		}
		if !found && !ts.t.Form {
			p, t := text(ts)
			r.issue(audit.Warning, p, ts.t.Name, "", t)
		}
	}
}

// readSheet streams one sheet's rows into a sink, filling vertically merged
// cells down, and checks that the sheet was read to the end.
func (r *reader) readSheet(f *excelize.File, path, sheet string, pi *partInfo, sk sink) error {
	rows, err := f.Rows(sheet)
	if err != nil {
		return damaged(path, msg.New("工作表「%s」无法读取：%v", "sheet %q cannot be read: %v", sheet, err), err)
	}
	defer rows.Close()
	var merges []mergeRange
	if pi != nil {
		for _, m := range pi.merges {
			if m.r2 > m.r1 {
				merges = append(merges, m)
			}
		}
		slices.SortFunc(merges, func(a, b mergeRange) int { return a.r1 - b.r1 })
	}
	type fill struct {
		col, last int
		val       string
	}
	var active []fill
	line := 0
	for rows.Next() {
		line++
		cells, err := rows.Columns()
		if err != nil {
			return damaged(path, msg.New("工作表「%s」第 %d 行无法读取：%v", "sheet %q row %d cannot be read: %v", sheet, line, err), err)
		}
		if len(cells) > maxCols {
			return unreadable(path, nil, "工作表「%s」第 %d 行超过 %d 列", "sheet %q row %d has more than %d columns", sheet, line, maxCols)
		}
		// Fill the cells under a merged range's first cell.
		if len(active) > 0 || (len(merges) > 0 && merges[0].r1 <= line) {
			keep := active[:0]
			for _, a := range active {
				if a.last >= line {
					for len(cells) <= a.col {
						cells = append(cells, "")
					}
					if cells[a.col] == "" {
						cells[a.col] = a.val
					}
					keep = append(keep, a)
				}
			}
			active = keep
			for len(merges) > 0 && merges[0].r1 <= line {
				m := merges[0]
				merges = merges[1:]
				if m.r1 == line && m.c1 < len(cells) && cells[m.c1] != "" && m.c1 < maxCols {
					active = append(active, fill{m.c1, m.r2, cells[m.c1]})
				}
			}
		}
		if line > r.opts.MaxRows && !blank(cells) {
			return unreadable(path, nil, "工作表「%s」超过 %d 行的上限", "sheet %q has more than the limit of %d rows", sheet, r.opts.MaxRows)
		}
		if err := sk.row(line, cells); err != nil {
			return err
		}
	}
	if err := rows.Error(); err != nil {
		if errors.Is(err, excelize.ErrMaxRows) {
			return unreadable(path, err, "工作表「%s」超过 Excel 的行数上限", "sheet %q has more rows than Excel allows", sheet)
		}
		return damaged(path, msg.New("工作表「%s」：%v", "sheet %q: %v", sheet, err), err)
	}
	if pi != nil && pi.dimRow > line {
		return damaged(path, msg.New("工作表「%s」应有 %d 行，只读到 %d 行", "sheet %q should have %d rows, only %d were read", sheet, pi.dimRow, line), nil)
	}
	return sk.done()
}
