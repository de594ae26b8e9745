package workbook

import (
	"strings"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
)

// maxFormRows bounds how many non-blank rows of a form sheet are looked at.
const maxFormRows = 1000

// formReader reads a two-column form (单位信息: 项目 | 内容) into the unit.
// It also takes four-column forms (项目 | 内容 | 项目 | 内容), 「单位名称：…」
// in one cell, and a header row with the values in the row below.
type formReader struct {
	r           *reader
	ts          *tableSpec
	file, sheet string

	rows   int
	got    []bool
	values map[string]any
	first  int               // the line of the first value
	cols   map[string]string // field → column letter of its value
	horiz  []int             // a header row seen: the field of each column
}

func newFormReader(r *reader, ts *tableSpec, file, sheet string) *formReader {
	return &formReader{r: r, ts: ts, file: file, sheet: sheet, got: make([]bool, len(ts.fields)), values: map[string]any{}, cols: map[string]string{}}
}

// label returns the field a form label names (「单位名称」, 「单位名称：」) and,
// for 「单位名称：利通区发展和改革局」, the value written after the colon.
func (fr *formReader) label(cell string) (f int, value string, inline bool) {
	k := strings.TrimRight(checklists.Fold(cell), ":")
	if f = fr.ts.header(k); f >= 0 {
		return f, "", false
	}
	if i := strings.IndexAny(cell, ":："); i > 0 {
		if f = fr.ts.header(cell[:i]); f >= 0 {
			_, n := firstRune(cell[i:])
			return f, strings.TrimSpace(cell[i+n:]), true
		}
	}
	return -1, "", false
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}

func (fr *formReader) row(line int, cells []string) error {
	if blank(cells) {
		return nil
	}
	fr.rows++
	if fr.rows > maxFormRows {
		return nil
	}
	if fr.horiz != nil {
		for c, f := range fr.horiz {
			if f >= 0 && c < len(cells) {
				fr.set(f, line, c, cells[c])
			}
		}
		fr.horiz = nil
		return nil
	}
	type lab struct{ c, f int }
	var labels []lab
	isLabel := make([]bool, len(cells))
	for c, cell := range cells {
		if strings.TrimSpace(cell) == "" {
			continue
		}
		f, v, inline := fr.label(cell)
		if f < 0 {
			continue
		}
		if inline {
			fr.set(f, line, c, v)
			continue
		}
		labels = append(labels, lab{c, f})
		isLabel[c] = true
	}
	next := func(c int) int {
		for j := c + 1; j < len(cells); j++ {
			if strings.TrimSpace(cells[j]) != "" {
				return j
			}
		}
		return -1
	}
	// A header row: labels side by side, the values in the row below.
	if len(labels) >= 2 {
		if j := next(labels[0].c); j >= 0 && isLabel[j] {
			fr.horiz = make([]int, len(cells))
			for c := range fr.horiz {
				fr.horiz[c] = -1
			}
			for _, l := range labels {
				fr.horiz[l.c] = l.f
			}
			return nil
		}
	}
	for _, l := range labels {
		if j := next(l.c); j >= 0 && !isLabel[j] {
			fr.set(l.f, line, j, cells[j])
		}
	}
	return nil
}

// set records a form value, the first one given for a field.
func (fr *formReader) set(f, line, c int, raw string) {
	raw = strings.TrimSpace(raw)
	if raw == "" || fr.got[f] {
		return
	}
	// A form's values (the unit's name, type, …) outlive the unit's rows in
	// the scored result and the roster's reconciliation: copied, they do not
	// keep the sheet's text or the shared strings alive.
	raw = strings.Clone(raw)
	fr.got[f] = true
	fs := fr.ts.fields[f]
	v, bad := fr.r.value(fs, raw, fs.f.Type == checklists.Int)
	if bad != nil {
		fr.r.issue(audit.DataError, audit.Pos{File: fr.file, Sheet: fr.sheet, Row: line, Col: colName(c)}, fr.ts.t.Name, fs.f.Name, *bad)
		return
	}
	fr.values[fs.f.Name] = v
	fr.cols[fs.f.Name] = colName(c)
	if fr.first == 0 || line < fr.first {
		fr.first = line
	}
}

func (fr *formReader) done() error {
	u := fr.r.unit
	if fr.ts.t.Name != "unit" {
		// Any other form (主动公开情况, …) is a table of one row, so rules
		// and reports read it like a register.
		if len(fr.values) > 0 {
			u.Tables[fr.ts.t.Name] = &audit.Table{Name: fr.ts.t.Name, File: fr.file, Sheet: fr.sheet, Columns: fr.cols,
				Rows: []*audit.Row{{Line: fr.first, Values: fr.values}}}
		}
		return nil
	}
	u.Values = fr.values
	for name, v := range fr.values {
		switch name {
		case "name":
			u.Name, _ = v.(string)
		case "type":
			u.Type, _ = v.(string)
		case "pilot":
			u.Pilot, _ = v.(bool)
		case "year":
			u.Year, _ = v.(int)
		case "contact":
			u.Contact, _ = v.(string)
		case "phone":
			u.Phone, _ = v.(string)
		}
	}
	return nil
}

// unitName fills in the unit's name from its file or folder name when the
// form did not give one.
func (r *reader) unitName(formFile, formSheet, fallback string, folder bool) {
	u := r.unit
	if u.Name != "" {
		return
	}
	u.Name, u.NameFromSource = fallback, true
	what := msg.Text{Zh: "文件名", En: "file name"}
	if folder {
		what = msg.Text{Zh: "文件夹名", En: "folder name"}
	}
	form := r.formTable()
	if form == nil {
		return
	}
	var t msg.Text
	if formSheet == "" {
		t.Zh = "未找到" + form.t.Sheet + "表，单位名称取自" + what.Zh + "「" + fallback + "」"
		t.En = "no " + form.t.Sheet + " sheet; the unit name was taken from the " + what.En + " " + quote(fallback)
	} else {
		t.Zh = form.t.Sheet + "表未填写单位名称，单位名称取自" + what.Zh + "「" + fallback + "」"
		t.En = "the " + form.t.Sheet + " sheet gives no unit name; it was taken from the " + what.En + " " + quote(fallback)
	}
	p := audit.Pos{File: formFile, Sheet: formSheet}
	r.issue(audit.Warning, p, form.t.Name, "name", t)
}

// formTable is the table that describes the unit (单位信息).
func (r *reader) formTable() *tableSpec {
	for _, ts := range r.sp.tables {
		if ts.t.Form && ts.t.Name == "unit" {
			return ts
		}
	}
	for _, ts := range r.sp.tables {
		if ts.t.Form {
			return ts
		}
	}
	return nil
}
