package workbook

import (
	"archive/zip"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
)

// readXLSX reads a workbook that sniffed as a zip archive. Each part is
// inflated once: the sheets read are streamed by readSheetRows (values,
// dimension, merged cells, closing tag and checksum in one pass), every other
// XML part is read to its end to check its checksum. unitOnly reads the
// unit sheet (单位信息) alone and checks no other part (ReadUnitSheet).
func (rd *Reader) readXLSX(path string, unitOnly bool) (*audit.Unit, error) {
	opts := rd.opts
	zi, err := inspectZip(path, opts.UnzipSizeLimit)
	if err != nil {
		return nil, err
	}
	defer zi.Close()
	r := &reader{opts: opts, sp: rd.sp, date1904: zi.date1904}
	r.unit = &audit.Unit{Source: path, Tables: map[string]*audit.Table{}}
	sheets := zi.order
	hidden := func(s string) bool { return zi.hidden[s] }
	chosen := r.assign(func(string) string { return path }, sheets, hidden)
	if len(chosen) == 0 && rd.anySheet && len(r.sp.tables) > 0 {
		// A district table's file: its one sheet is read whatever its name.
		if i := slices.IndexFunc(sheets, func(s string) bool { return !hidden(s) }); i >= 0 {
			chosen[sheets[i]] = r.sp.tables[0]
			r.unit.Issues = nil // the sheets ignored for their names: one of them is read
		}
	}
	if unitOnly {
		form := r.formTable()
		for s, ts := range chosen {
			if ts != form || form == nil {
				delete(chosen, s)
			}
		}
	} else {
		read := map[*zip.File]bool{}
		for _, s := range sheets {
			if chosen[s] != nil && zi.sheets[s] != nil {
				read[zi.sheets[s].file] = true
			}
		}
		if zi.sst != nil {
			read[zi.sst] = true
		}
		if err := zi.verify(path, read); err != nil {
			return nil, err
		}
	}
	var sst *sharedStrings
	if zi.sst != nil && len(chosen) > 0 {
		if sst, err = readSharedStringsPart(zi.sst, hardCellLimit(opts.MaxCellBytes)); err != nil {
			return nil, damaged(path, partError(zi.sst.Name, err), err)
		}
	}
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
		if err := r.readSheet(path, s, zi.sheets[s], sst, sk); err != nil {
			return nil, err
		}
	}
	if !unitOnly {
		r.missing(chosen, func(ts *tableSpec) (audit.Pos, msg.Text) {
			return audit.Pos{File: path}, msg.New("缺少工作表「%s」", "no sheet %q", ts.t.Sheet)
		})
	}
	base := filepath.Base(path)
	r.unitName(path, formSheet, strings.TrimSuffix(base, filepath.Ext(base)), false)
	return r.unit, nil
}

// readSharedStringsPart reads the shared strings part to its end.
func readSharedStringsPart(f *zip.File, limit int) (*sharedStrings, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return readSharedStrings(rc, limit, int(min(f.UncompressedSize64/2, 64<<20)))
}

// readSheetPart reads a worksheet part to its end.
func readSheetPart(f *zip.File, sst *sharedStrings, maxRows, maxCell int) (*sheetRows, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, &sheetError{kind: sheetDamaged, text: msg.TextOf(err), err: err}
	}
	defer rc.Close()
	return readSheetRows(rc, sst, maxRows, maxCell, int(min(f.UncompressedSize64/8, 8<<20)))
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

// readSheet reads one sheet and streams its rows into a sink, filling
// vertically merged cells down, after checking that the part was read
// whole.
func (r *reader) readSheet(path, sheet string, pi *partInfo, sst *sharedStrings, sk sink) error {
	if pi == nil {
		return damaged(path, msg.New("工作表「%s」无法读取：工作簿中没有它的数据", "sheet %q cannot be read: the workbook has no data for it", sheet), nil)
	}
	sr, err := readSheetPart(pi.file, sst, r.opts.MaxRows, r.opts.MaxCellBytes)
	if err != nil {
		return sheetFault(path, sheet, pi, r.opts.MaxRows, err)
	}
	defer sr.release()
	if !sr.ended {
		return damaged(path, msg.New("%s 不完整", "%s is incomplete", pi.file.Name), nil)
	}
	if sr.dimRow > sr.lines {
		return damaged(path, msg.New("工作表「%s」应有 %d 行，只读到 %d 行", "sheet %q should have %d rows, only %d were read", sheet, sr.dimRow, sr.lines), nil)
	}
	merges, bad := fillMerges(sr)
	if bad != nil {
		return &UnreadableError{Path: path, Text: msg.Both("工作表「%s」：%s", []any{sheet, bad.Zh}, "sheet %q: %s", []any{sheet, bad.En})}
	}
	type fill struct {
		col, last int
		val       string
	}
	var active []fill
	var cells []string
	for i := 0; i < sr.stored; i++ {
		line := i + 1
		cells = sr.row(i, cells)
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
		if err := sk.row(line, cells); err != nil {
			return err
		}
	}
	return sk.done()
}

// sheetFault reports a fault met while reading a sheet.
func sheetFault(path, sheet string, pi *partInfo, maxRows int, err error) error {
	var se *sheetError
	if !errors.As(err, &se) {
		return damaged(path, partError(pi.file.Name, err), err)
	}
	switch se.kind {
	case sheetMaxRows:
		return unreadable(path, se.err, "工作表「%s」超过 Excel 的行数上限", "sheet %q has more rows than Excel allows", sheet)
	case sheetTooBig:
		return &UnreadableError{Path: path, Err: se.err, Text: msg.Both("工作表「%s」第 %d 行：%s", []any{sheet, se.line, se.text.Zh},
			"sheet %q row %d: %s", []any{sheet, se.line, se.text.In(msg.EN)})}
	case sheetRowLimit:
		return unreadable(path, nil, "工作表「%s」超过 %d 行的上限", "sheet %q has more than the limit of %d rows", sheet, maxRows)
	case sheetIncomplete:
		return damaged(path, msg.New("%s 不完整", "%s is incomplete", pi.file.Name), se.err)
	case sheetRowBroken:
		return damaged(path, msg.Both("工作表「%s」第 %d 行无法读取：%s", []any{sheet, se.line, se.text.Zh},
			"sheet %q row %d cannot be read: %s", []any{sheet, se.line, se.text.In(msg.EN)}), se.err)
	}
	if se.err != nil && (errors.Is(se.err, zip.ErrChecksum) || errors.Is(se.err, zip.ErrFormat) || errors.Is(se.err, io.ErrUnexpectedEOF)) {
		return damaged(path, partError(pi.file.Name, se.err), se.err)
	}
	return damaged(path, msg.Both("工作表「%s」：%s", []any{sheet, se.text.Zh}, "sheet %q: %s", []any{sheet, se.text.In(msg.EN)}), se.err)
}

// fillMerges returns the vertically merged ranges of a sheet sorted by
// their first row, after checking that filling them costs in proportion to
// the data: the rows they cover below their first (up to the last row read)
// may not pass four per cell read plus 100,000, so that a row merged down a
// million rows is refused, naming the range, instead of becoming a million
// rows.
func fillMerges(sr *sheetRows) ([]mergeRange, *msg.Text) {
	var merges []mergeRange
	budget := 4*len(sr.cells) + 100_000
	cost := 0
	for _, m := range sr.merges {
		if m.r2 <= m.r1 || m.r1 > sr.stored {
			continue
		}
		cost += min(m.r2, sr.stored) - m.r1
		if cost > budget {
			t := msg.New("合并单元格 %s 使合并区域共覆盖超过 %d 行，远多于表中的数据；请取消合并后重新报送",
				"merged range %s makes the merged areas cover more than %d rows, far more than the data; unmerge the cells and send it again",
				m.ref(), budget)
			return nil, &t
		}
		merges = append(merges, m)
	}
	slices.SortStableFunc(merges, func(a, b mergeRange) int { return a.r1 - b.r1 })
	return merges, nil
}

// ScanXLSX streams every sheet of an .xlsx workbook, in workbook order, and
// calls fn with each row as excelize's Rows/Columns yield it with raw values
// (merged cells not filled, line counting rows from 1). It checks the archive
// as Read does; a fault is an *UnreadableError. It is the bare read of
// scripts/bench.sh and what the differential tests compare with excelize.
func ScanXLSX(path string, opts Options, fn func(sheet string, line int, cells []string) error) error {
	opts = opts.withDefaults()
	zi, err := inspectZip(path, opts.UnzipSizeLimit)
	if err != nil {
		return err
	}
	defer zi.Close()
	read := map[*zip.File]bool{}
	for _, pi := range zi.sheets {
		read[pi.file] = true
	}
	if zi.sst != nil {
		read[zi.sst] = true
	}
	if err := zi.verify(path, read); err != nil {
		return err
	}
	var sst *sharedStrings
	if zi.sst != nil {
		if sst, err = readSharedStringsPart(zi.sst, hardCellLimit(opts.MaxCellBytes)); err != nil {
			return damaged(path, partError(zi.sst.Name, err), err)
		}
	}
	for _, s := range zi.order {
		pi := zi.sheets[s]
		if pi == nil {
			return damaged(path, msg.New("工作表「%s」无法读取：工作簿中没有它的数据", "sheet %q cannot be read: the workbook has no data for it", s), nil)
		}
		if err := scanSheet1(path, s, pi, sst, opts, fn); err != nil {
			return err
		}
	}
	return nil
}

func scanSheet1(path, s string, pi *partInfo, sst *sharedStrings, opts Options, fn func(sheet string, line int, cells []string) error) error {
	sr, err := readSheetPart(pi.file, sst, opts.MaxRows, opts.MaxCellBytes)
	if err != nil {
		return sheetFault(path, s, pi, opts.MaxRows, err)
	}
	defer sr.release()
	if !sr.ended {
		return damaged(path, msg.New("%s 不完整", "%s is incomplete", pi.file.Name), nil)
	}
	var cells []string
	for i := 0; i < sr.stored; i++ {
		cells = sr.row(i, cells)
		if err := fn(s, i+1, cells); err != nil {
			return err
		}
	}
	for i := sr.stored; i < sr.lines; i++ {
		if err := fn(s, i+1, nil); err != nil {
			return err
		}
	}
	return nil
}
