package workbook

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
)

// ReadTable reads a district table (checklists.Table.District: the
// website's catalogue, a monitoring list) from one file — an .xlsx
// workbook, whose sheet named like the table or else its first visible
// sheet is read, or one CSV file — like any register: header search,
// aliases, types, positions. Fields the export leaves out or blank take
// the table's Defaults. The issues are the file's data errors and
// warnings; a file that cannot be read, or has no such register, is an
// error.
func ReadTable(path string, t *checklists.Table, opts Options) (*audit.Table, []audit.Issue, error) {
	nt := *t
	nt.Source = "" // read it as a register
	opts.Schema = &checklists.Schema{Tables: []*checklists.Table{&nt}}
	rd := NewReader(opts)
	rd.anySheet = true
	fi, err := os.Stat(path)
	if err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", t.Name, err)
	}
	var u *audit.Unit
	switch {
	case fi.IsDir():
		return nil, nil, unreadable(path, nil, "这是一个文件夹；区级表应是一个 .xlsx 或 .csv 文件", "this is a folder; a district table is one .xlsx or .csv file")
	case notRegular(path, fi.Mode()) != nil:
		return nil, nil, notRegular(path, fi.Mode())
	case strings.EqualFold(filepath.Ext(path), ".csv"):
		u, err = rd.readCSVFile(path)
	default:
		u, err = rd.ReadXLSX(path)
	}
	if err != nil {
		return nil, nil, err
	}
	tab := u.Tables[t.Name]
	var issues []audit.Issue
	for _, is := range u.Issues {
		if is.Table == t.Name || is.Table == "" {
			issues = append(issues, is)
		}
	}
	if tab == nil {
		why := msg.New("没有找到%s（工作表「%s」或含「%s」等列的表）", "no %s found (a sheet %q, or one with columns such as %s)",
			t.Sheet, t.Sheet, headers(t))
		for _, is := range issues {
			if is.Kind == audit.DataError {
				why = is.Text
			}
		}
		return nil, issues, &UnreadableError{Path: path, Text: why}
	}
	for _, r := range tab.Rows {
		for k, v := range t.Defaults {
			if _, ok := r.Values[k]; !ok {
				r.Values[k] = v
			}
		}
	}
	return tab, issues, nil
}

// headers names a table's required fields (or its first two) for a message.
func headers(t *checklists.Table) string {
	var names []string
	for _, f := range t.Fields {
		if f.Required {
			names = append(names, f.Header)
		}
	}
	if len(names) == 0 {
		for _, f := range t.Fields[:min(2, len(t.Fields))] {
			names = append(names, f.Header)
		}
	}
	return strings.Join(names, "、")
}

// readCSVFile reads one CSV file as the reader's first table.
func (rd *Reader) readCSVFile(path string) (*audit.Unit, error) {
	if _, err := encodingOf(rd.opts.Encoding); err != nil {
		return nil, err
	}
	r := &reader{opts: rd.opts, sp: rd.sp}
	r.unit = &audit.Unit{Source: path, Tables: map[string]*audit.Table{}}
	if len(r.sp.tables) == 0 {
		return r.unit, nil
	}
	sheet := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	sk := newRegisterReader(r, r.sp.tables[0], path, sheet)
	if err := r.readCSV(path, sheet, sk); err != nil {
		var ue *UnreadableError
		if errors.As(err, &ue) {
			return nil, ue
		}
		return nil, err
	}
	return r.unit, nil
}
