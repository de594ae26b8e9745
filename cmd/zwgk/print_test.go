package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// TestEverySheetPrints: every visible sheet of every workbook zwgk writes —
// the report, the template, the spot-check sheet, the year-over-year
// comparison, the annual report — prints on A4, fitted to the page width
// (the 指标得分 matrix several pages wide, its unit columns repeated), with
// its header rows repeated on every page where it is a list.
// scripts/print-check.sh renders the same workbooks with LibreOffice to
// PNG for a person to look at.
func TestEverySheetPrints(t *testing.T) {
	dir := t.TempDir()
	samples, err := filepath.Abs("../../samples")
	if err != nil {
		t.Fatal(err)
	}
	zwgk := func(args ...string) {
		t.Helper()
		var out, errb bytes.Buffer
		e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, readFile: os.ReadFile,
			now:    func() time.Time { return time.Date(2018, 1, 10, 9, 0, 0, 0, time.UTC) },
			getenv: func(string) string { return "" }, goMaxProcs: 2}
		if code := run(args, e); code > 1 {
			t.Fatalf("zwgk %s: exit %d\n%s", strings.Join(args, " "), code, errb.String())
		}
	}
	p := func(name string) string { return filepath.Join(dir, name) }
	zwgk("audit", samples, "-o", p("r.xlsx"), "-o", p("r.json"))
	zwgk("audit", filepath.Join(samples, "district", "扁担沟镇.xlsx"), "-o", p("u.xlsx"))
	zwgk("template", "-o", p("t.xlsx"))
	zwgk("sample", samples, "--per-unit", "3", "--seed", "7", "-o", p("s.xlsx"))
	zwgk("diff", p("r.json"), p("r.json"), "-o", p("d.xlsx"))
	zwgk("annual-report", samples, "--year", "2017", "-o", p("a.xlsx"))

	// Sheets a person reads on screen or that are not lists: no repeated rows needed.
	noTitles := map[string]bool{"填报说明": true, "单位信息": true, "主动公开情况": true, "说明": true, "抽查说明": true, "汇总": true}
	for _, name := range []string{"r.xlsx", "u.xlsx", "t.xlsx", "s.xlsx", "d.xlsx", "a.xlsx"} {
		f, err := excelize.OpenFile(p(name))
		if err != nil {
			t.Fatal(err)
		}
		titles := map[string]string{}
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm.Print_Titles" {
				titles[dn.Scope] = dn.RefersTo
			}
		}
		for _, sheet := range f.GetSheetList() {
			if v, _ := f.GetSheetVisible(sheet); !v {
				continue
			}
			where := name + " " + sheet
			pl, err := f.GetPageLayout(sheet)
			if err != nil {
				t.Fatal(err)
			}
			props, err := f.GetSheetProps(sheet)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case pl.Size == nil || *pl.Size != 9:
				t.Errorf("%s: paper %v, want A4 (9)", where, pl.Size)
			case props.FitToPage == nil || !*props.FitToPage || pl.FitToWidth == nil || *pl.FitToWidth < 1:
				t.Errorf("%s: not fitted to the page width", where)
			case pl.FitToHeight != nil && *pl.FitToHeight != 0:
				t.Errorf("%s: fitted to %d pages tall, want as many as it takes (0)", where, *pl.FitToHeight)
			}
			if sheet == "指标得分" {
				if *pl.FitToWidth < 2 || !strings.Contains(titles[sheet], "$A:$B") {
					t.Errorf("%s: %d pages wide, titles %q; want the matrix over several pages with its unit columns repeated", where, *pl.FitToWidth, titles[sheet])
				}
			}
			if titles[sheet] == "" && !noTitles[sheet] && !strings.HasPrefix(name, "a.") {
				t.Errorf("%s: no header rows repeated on each printed page", where)
			}
		}
		f.Close()
	}
}
