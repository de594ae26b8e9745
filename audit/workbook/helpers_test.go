package workbook

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/zwgk/zwgk/checklists/rules"

	"github.com/xuri/excelize/v2"
	"github.com/zwgk/zwgk/audit"
)

// sheet is a sheet to build in a test workbook: rows[i] is Excel row i+1,
// a nil row is blank, a nil cell is empty.
type sheet struct {
	name   string
	rows   [][]any
	merges []string // "A1:F1"
	hidden bool
}

// writeXLSX builds a workbook in the test's temporary folder and returns its path.
func writeXLSX(t testing.TB, name string, sheets ...sheet) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		fillSheet(t, f, s)
	}
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	sameAsExcelize(t, p) // issue 21: every workbook the tests write
	return p
}

func fillSheet(t testing.TB, f *excelize.File, s sheet) {
	t.Helper()
	for r, row := range s.rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue(s.name, cell, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, m := range s.merges {
		a, b, _ := cut(m)
		if err := f.MergeCell(s.name, a, b); err != nil {
			t.Fatal(err)
		}
	}
	if s.hidden {
		if err := f.SetSheetVisible(s.name, false); err != nil {
			t.Fatal(err)
		}
	}
}

func cut(s string) (string, string, bool) {
	for i := range s {
		if s[i] == ':' {
			return s[:i], s[i+1:], true
		}
	}
	return s, s, false
}

// dumpUnit is what a test compares of a unit: everything but its paths.
type dumpUnit struct {
	Name, Type     string
	Pilot          bool
	Year           int
	Contact, Phone string
	FromSource     bool
	Tables         map[string]dumpTable
	Issues         []string
}

type dumpTable struct {
	Sheet   string
	Columns map[string]string
	Rows    []*audit.Row
}

func dump(u *audit.Unit) dumpUnit {
	d := dumpUnit{Name: u.Name, Type: u.Type, Pilot: u.Pilot, Year: u.Year, Contact: u.Contact, Phone: u.Phone,
		FromSource: u.NameFromSource, Tables: map[string]dumpTable{}}
	for name, t := range u.Tables {
		d.Tables[name] = dumpTable{Sheet: t.Sheet, Columns: t.Columns, Rows: t.Rows}
	}
	for _, is := range u.Issues {
		if !isMissing(is) {
			d.Issues = append(d.Issues, issueString(is))
		}
	}
	return d
}

// isMissing tells the warnings about absent registers, which most tests
// leave out (TestMissingSheets checks them).
func isMissing(is audit.Issue) bool {
	return strings.HasPrefix(is.Text.Zh, "缺少工作表「") || strings.HasPrefix(is.Text.Zh, "缺少文件「")
}

func issueString(is audit.Issue) string {
	return fmt.Sprintf("%s %s %s/%s %s", is.Kind, is.Pos.Cell(), is.Table, is.Field, is.Text.Zh)
}

// sortedIssues returns the issues of a unit as strings, sorted.
func sortedIssues(u *audit.Unit) []string {
	var out []string
	for _, is := range u.Issues {
		out = append(out, issueString(is))
	}
	sort.Strings(out)
	return out
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func at(y, m, d, h, mi, s int) time.Time {
	return time.Date(y, time.Month(m), d, h, mi, s, 0, time.UTC)
}

// row builds an expected row.
func row(line int, values map[string]any, bad ...string) *audit.Row {
	if len(bad) == 0 {
		bad = nil
	}
	r := &audit.Row{Line: line, Values: values, Bad: bad}
	// doc_no is a docno field in the default schema: read in its normal
	// form, kept as written in Text.
	if s, ok := values["doc_no"].(string); ok && rules.NormDocNo(s) != s {
		values["doc_no"] = rules.NormDocNo(s)
		r.Text = []audit.Written{{Field: "doc_no", Text: s}}
	}
	return r
}

type vals = map[string]any

type row0 = audit.Row

type workbookProps = excelize.WorkbookPropsOptions

func openFile(t testing.TB, p string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return f
}
