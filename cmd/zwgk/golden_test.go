package main

// Golden files: what the command prints and writes for the sample district,
// compared whole. They hold the shape of every output while the code behind
// it moves: a change to a golden file is a change of behaviour, to be made on
// purpose and read in review.
//
//	go test ./cmd/zwgk -run TestGolden -update   rewrites testdata/golden
//
// The Excel reports are compared as a text dump (sheets, cell values, the
// styles that matter, merges, panes, filters, widths, print setup), never
// byte for byte.

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// goldenCase is one command line; its standard output, and each file it
// writes under out/, are compared with testdata/golden/NAME.*.
type goldenCase struct {
	name  string
	args  []string
	code  int
	files []string // written under out/, in this order
}

func TestGolden(t *testing.T) {
	samples, err := filepath.Abs(samplesDir)
	if err != nil {
		t.Fatal(err)
	}
	one := filepath.Join(samples, "district", "利通区发展和改革局.xlsx")
	tests := []goldenCase{
		{name: "audit_table", args: []string{"audit", samples}},
		{name: "audit_table_en", args: []string{"audit", samples, "--lang", "en"}},
		{name: "audit_detail", args: []string{"audit", samples, "--detail"}},
		{name: "audit_csv", args: []string{"audit", samples, "--format", "csv"}},
		{name: "audit_csv_en", args: []string{"audit", samples, "--format", "csv", "--lang", "en"}},
		{name: "audit_xlsx", args: []string{"audit", samples, "--format", "csv", "-o", "out/report.xlsx"}, files: []string{"report.xlsx"}},
		{name: "audit_unit_en", args: []string{"audit", one, "--lang", "en", "-o", "out/unit.xlsx"}, files: []string{"unit.xlsx"}},
		{name: "audit_docx", args: []string{"audit", samples, "--format", "csv", "-o", "out/bulletin.docx"}, files: []string{"bulletin.docx"}},
		{name: "audit_docx_en", args: []string{"audit", samples, "--format", "csv", "--lang", "en", "-o", "out/bulletin.docx"}, files: []string{"bulletin.docx"}},
		{name: "annual_docx", args: []string{"annual-report", one, "--year", "2017", "-o", "out/annual.docx"}, files: []string{"annual.docx"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			t.Chdir(dir)
			if err := os.Mkdir("out", 0o755); err != nil {
				t.Fatal(err)
			}
			t.Setenv("SOURCE_DATE_EPOCH", "1514764800")
			stdout, stderr, code := zwgkRun(t, tt.args...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\n%s", code, tt.code, stderr)
			}
			checkGolden(t, tt.name+".stdout", relSamples(string(stdout), samples))
			for _, f := range tt.files {
				data, err := os.ReadFile(filepath.Join("out", f))
				if err != nil {
					t.Fatal(err)
				}
				got := string(data)
				switch {
				case strings.HasSuffix(f, ".xlsx"):
					got = xlsxDump(t, data)
				case strings.HasSuffix(f, ".docx"):
					got = docxDump(t, data)
				}
				checkGolden(t, tt.name+"."+f+".txt", relSamples(got, samples))
			}
		})
	}
}

// relSamples writes the samples folder as $SAMPLES, so the golden files do
// not depend on where the repository is.
func relSamples(s, samples string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, filepath.ToSlash(samples), "$SAMPLES"), samples, "$SAMPLES")
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path, err := filepath.Abs(filepath.Join(goldenDir, name))
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to write it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", name, diff)
	}
}

// goldenDir is absolute before a test changes directory.
var goldenDir = func() string {
	d, _ := filepath.Abs(filepath.Join("testdata", "golden"))
	return d
}()

// xlsxDump renders a workbook as text: per sheet its cells row by row (raw
// values) with a style key per cell, then its merges, panes, filter, column
// widths and page setup; the styles used are described once at the end.
func xlsxDump(t testing.TB, data []byte) string {
	t.Helper()
	f, err := excelize.OpenReader(strings.NewReader(string(data)), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var sb strings.Builder
	styles := map[int]bool{}
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&sb, "== %s\n", sheet)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, r := range rows {
			if len(r) == 0 {
				continue
			}
			var keys []string
			for j := range r {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				s, _ := f.GetCellStyle(sheet, cell)
				styles[s] = true
				keys = append(keys, fmt.Sprint(s))
			}
			fmt.Fprintf(&sb, "%d %q s%s\n", i+1, r, strings.Join(keys, ","))
		}
		merges, _ := f.GetMergeCells(sheet)
		var ms []string
		for _, m := range merges {
			ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		if len(ms) > 0 {
			fmt.Fprintf(&sb, "merged %s\n", strings.Join(ms, " "))
		}
		if p, err := f.GetPanes(sheet); err == nil && p.Freeze {
			fmt.Fprintf(&sb, "freeze %s\n", p.TopLeftCell)
		}
		cols, _ := f.GetCols(sheet)
		var ws []string
		for j := range max(len(cols), 1) {
			name, _ := excelize.ColumnNumberToName(j + 1)
			w, _ := f.GetColWidth(sheet, name)
			ws = append(ws, fmt.Sprintf("%.2f", w))
		}
		fmt.Fprintf(&sb, "widths %s\n", strings.Join(ws, " "))
		if o, err := f.GetPageLayout(sheet); err == nil {
			fmt.Fprintf(&sb, "page orientation=%v size=%v fitw=%v fith=%v\n", deref(o.Orientation), deref(o.Size),
				deref(o.FitToWidth), deref(o.FitToHeight))
		}
		for _, d := range f.GetDefinedName() {
			if d.Scope == sheet {
				fmt.Fprintf(&sb, "name %s %s\n", d.Name, d.RefersTo)
			}
		}
	}
	ids := make([]int, 0, len(styles))
	for s := range styles {
		ids = append(ids, s)
	}
	slices.Sort(ids)
	sb.WriteString("== styles\n")
	for _, id := range ids {
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		var parts []string
		if st.Font != nil {
			if st.Font.Bold {
				parts = append(parts, "bold")
			}
			if st.Font.Color != "" {
				parts = append(parts, "color="+st.Font.Color)
			}
			if st.Font.Size != 0 {
				parts = append(parts, fmt.Sprintf("size=%v", st.Font.Size))
			}
		}
		if len(st.Fill.Color) > 0 {
			parts = append(parts, "fill="+strings.Join(st.Fill.Color, "/"))
		}
		if st.NumFmt != 0 {
			parts = append(parts, fmt.Sprintf("numfmt=%d", st.NumFmt))
		}
		if st.CustomNumFmt != nil {
			parts = append(parts, "fmt="+*st.CustomNumFmt)
		}
		if st.Alignment != nil {
			if st.Alignment.WrapText {
				parts = append(parts, "wrap")
			}
			if st.Alignment.Horizontal != "" {
				parts = append(parts, "h="+st.Alignment.Horizontal)
			}
		}
		if len(st.Border) > 0 {
			parts = append(parts, "border")
		}
		fmt.Fprintf(&sb, "s%d %s\n", id, strings.Join(parts, " "))
	}
	return sb.String()
}

func deref[T any](p *T) any {
	if p == nil {
		return "-"
	}
	return *p
}
