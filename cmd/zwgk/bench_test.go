package main

// The province-scale test and benchmarks (issue 8). The test asserts that
// every problem the generator planted is found, at its cell, and nothing else
// of those kinds; the benchmarks measure, on one generated input, the bare
// excelize read of every cell (the floor) and the full audit with the Excel
// report. Timings are reported, never asserted: see docs/performance.md and
// scripts/bench.sh.
//
//	go test ./cmd/zwgk -run '^$' -bench 'BareRead|Audit' -benchtime 3x
//	ZWGK_BENCH_UNITS=200 ZWGK_BENCH_DOCS=1000 go test ./cmd/zwgk -run '^$' -bench . -benchtime 1x
//	ZWGK_BENCH_DIR=/tmp/province go test …   (a folder written by go run ./samples/gen)

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/audit/workbook"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/samples/gen/synth"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report"
)

// plantedKey is what must match between a planted problem and a finding.
type plantedKey struct {
	File, Sheet string
	Row         int
	Item        string
	Finding     string
}

func (k plantedKey) String() string {
	return fmt.Sprintf("%s %s!%d %s %s", k.File, k.Sheet, k.Row, k.Item, k.Finding)
}

func TestGeneratedProvinceFindsEveryPlantedProblem(t *testing.T) {
	if testing.Short() {
		t.Skip("generates and audits 20 workbooks")
	}
	dir := t.TempDir()
	p, err := synth.Generate(dir, synth.Config{Units: 20, Docs: 200, Seed: 8})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "report.xlsx")
	var stdout, stderr bytes.Buffer
	e := newEnv()
	e.stdout, e.stderr, e.stderrTTY = &stdout, &stderr, false
	if code := run([]string{"audit", dir, "--format", "json", "-o", out}, e); code != exitOK {
		t.Fatalf("zwgk audit: exit %d\n%s", code, stderr.String())
	}
	res, err := scoring.ReadResult(&stdout, "stdout")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 || len(res.Units) != p.Units {
		t.Fatalf("%d units, %d errors (%v); want %d units, no errors", len(res.Units), len(res.Errors), res.Errors, p.Units)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("the Excel report was not written: %v", err)
	}

	// The finding kinds the generator plants; any finding of these kinds
	// must have been planted, and every planted one must be found.
	items := map[string]bool{}
	kinds := map[string]bool{}
	for _, pr := range p.Problems {
		items[pr.Item] = true
		kinds[pr.Finding] = true
	}
	for _, id := range synth.Items() {
		items[id] = true
	}
	var want, got, others []plantedKey
	label := map[string]string{}
	for _, pr := range p.Problems {
		want = append(want, plantedKey{pr.File, pr.Sheet, pr.Row, pr.Item, pr.Finding})
		label[pr.Item] = pr.Finding
	}
	for _, u := range res.Units {
		if u.Status != scoring.StatusOK {
			t.Errorf("%s: status %s: %s", u.Source, u.Status, u.Message)
		}
		// A planted late reply whose lateness depends on the days off of a
		// year the regional calendar lacks (cn-nx 2018) is 待定, not deducted
		// (issue 16): it counts as found, undecided.
		for _, d := range u.Pending {
			if d.Overlay == "" {
				t.Errorf("%s!%d: pending on the national calendar: %s", d.Sheet, d.Row, d.Message)
				continue
			}
			got = append(got, plantedKey{filepath.Base(d.File), d.Sheet, d.Row, d.Item, label[d.Item]})
		}
		for _, f := range u.Findings {
			k := plantedKey{filepath.Base(f.File), f.Sheet, f.Row, f.Item, f.Kind}
			if (f.Item != "" && items[f.Item]) || (f.Item == "" && kinds[f.Kind]) {
				got = append(got, k)
			} else {
				others = append(others, k)
			}
		}
	}
	sortKeys := func(ks []plantedKey) {
		slices.SortFunc(ks, func(a, b plantedKey) int {
			if c := strings.Compare(a.File, b.File); c != 0 {
				return c
			}
			if c := strings.Compare(a.Sheet, b.Sheet); c != 0 {
				return c
			}
			if a.Row != b.Row {
				return a.Row - b.Row
			}
			return strings.Compare(a.Item+a.Finding, b.Item+b.Finding)
		})
	}
	sortKeys(want)
	sortKeys(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings differ from the planted problems (-planted +found):\n%s", diff)
	}
	if len(others) > 0 {
		t.Logf("%d findings of items the generator does not plant for (not checked), e.g. %v", len(others), others[0])
	}
	t.Logf("%d units, %d register rows, %d planted problems, all found", p.Units, p.Rows, len(p.Problems))
}

// benchProvince returns the benchmark input: ZWGK_BENCH_DIR if set (a folder
// written by go run ./samples/gen), else a province of ZWGK_BENCH_UNITS ×
// ZWGK_BENCH_DOCS (default 20 × 200) generated into b.TempDir().
func benchProvince(b *testing.B) (string, *synth.Planted) {
	b.Helper()
	if dir := os.Getenv("ZWGK_BENCH_DIR"); dir != "" {
		p, err := synth.ReadPlanted(dir)
		if err != nil {
			b.Fatal(err)
		}
		return dir, p
	}
	cfg := synth.Config{Units: benchEnvInt(b, "ZWGK_BENCH_UNITS", 20), Docs: benchEnvInt(b, "ZWGK_BENCH_DOCS", 200), Seed: 1}
	dir := b.TempDir()
	p, err := synth.Generate(dir, cfg)
	if err != nil {
		b.Fatal(err)
	}
	return dir, p
}

func benchEnvInt(b *testing.B, name string, def int) int {
	s := os.Getenv(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b.Fatalf("%s=%q: want a positive number", name, s)
	}
	return n
}

// reportRows reports register rows per second over the whole benchmark.
func reportRows(b *testing.B, p *synth.Planted) {
	b.ReportMetric(float64(p.Rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
	b.ReportMetric(float64(p.Units), "units")
}

// BenchmarkBareRead streams every cell of every workbook with excelize's
// Rows iterator on GOMAXPROCS goroutines (the audit's default worker count)
// and throws the values away: the floor of the audit.
func BenchmarkBareRead(b *testing.B) {
	dir, p := benchProvince(b)
	files, err := synth.Workbooks(dir)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := synth.BareRead(files, 0); err != nil {
			b.Fatal(err)
		}
	}
	reportRows(b, p)
}

// BenchmarkAudit runs `zwgk audit DIR -o report.xlsx --format json` in
// process, standard output discarded.
func BenchmarkAudit(b *testing.B) {
	dir, p := benchProvince(b)
	out := filepath.Join(b.TempDir(), "report.xlsx")
	e := newEnv()
	e.stdout, e.stderrTTY = io.Discard, false
	var stderr bytes.Buffer
	e.stderr = &stderr
	for b.Loop() {
		if code := run([]string{"audit", dir, "-o", out, "--force", "--format", "json"}, e); code != exitOK {
			b.Fatalf("zwgk audit: exit %d\n%s", code, stderr.String())
		}
	}
	reportRows(b, p)
}

// BenchmarkXLSXReport writes the Excel report of the generated province's
// result alone, to compare with BenchmarkAudit (target: under 10 % of it).
func BenchmarkXLSXReport(b *testing.B) {
	dir, _ := benchProvince(b)
	var stdout, stderr bytes.Buffer
	e := newEnv()
	e.stdout, e.stderr, e.stderrTTY = &stdout, &stderr, false
	if code := run([]string{"audit", dir, "--format", "json"}, e); code != exitOK {
		b.Fatalf("zwgk audit: exit %d\n%s", code, stderr.String())
	}
	res, err := scoring.ReadResult(&stdout, "stdout")
	if err != nil {
		b.Fatal(err)
	}
	findings := 0
	for _, u := range res.Units {
		findings += len(u.Findings)
	}
	opts := report.XLSXOptions{Lang: msg.ZH, Tool: "zwgk bench", Generated: "bench"}
	for b.Loop() {
		if err := report.XLSX(io.Discard, res, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(findings), "findings")
}

// BenchmarkEvaluate evaluates the generated province's units with the
// default checklist, read once beforehand: the rule evaluation alone
// (audit.Plan.EvaluateContext), without reading, scoring or writing.
func BenchmarkEvaluate(b *testing.B) {
	dir, _ := benchProvince(b)
	files, err := synth.Workbooks(dir)
	if err != nil {
		b.Fatal(err)
	}
	e := newEnv()
	c, err := loadChecklist(e, "", nil)
	if err != nil {
		b.Fatal(err)
	}
	in := inputOptions{maxRows: workbook.DefaultMaxRows, maxCell: 32767, unzipMB: 512} // the flags' defaults
	rd := workbook.NewReader(in.workbookOptions(c))
	var units []*audit.Unit
	rows := 0
	for _, f := range files {
		u, err := rd.Read(f)
		if err != nil {
			b.Fatal(err)
		}
		for _, t := range u.Tables {
			rows += len(t.Rows)
		}
		units = append(units, u)
	}
	plan := audit.NewPlan(c)
	year := c.Year
	if y := statedYear(units[0]); y != 0 {
		year = y // the audit's year, as zwgk audit finds it
	}
	asOf := time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		for _, u := range units {
			if _, err := plan.EvaluateContext(context.Background(), u, year, asOf); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}
