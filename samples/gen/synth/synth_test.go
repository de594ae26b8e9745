package synth

import (
	"math/rand/v2"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"
	"github.com/zwgk/zwgk/checklists"
)

// dumpWorkbook reads every cell of a workbook back as text, sheet by sheet.
func dumpWorkbook(t *testing.T, path string) map[string][][]string {
	t.Helper()
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][][]string{}
	for _, s := range f.GetSheetList() {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		out[s] = rows
	}
	return out
}

func TestGenerateDeterministic(t *testing.T) {
	cfg := Config{Units: 6, Docs: 120, Seed: 42}
	a, b := t.TempDir(), t.TempDir()
	pa, err := Generate(a, cfg)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Jobs = 1 // scheduling must not matter
	pb, err := Generate(b, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(pa, pb); diff != "" {
		t.Fatalf("same seed, different planted lists (-first +second):\n%s", diff)
	}
	for _, name := range pa.Files {
		if diff := cmp.Diff(dumpWorkbook(t, filepath.Join(a, name)), dumpWorkbook(t, filepath.Join(b, name))); diff != "" {
			t.Fatalf("%s: same seed, different cells (-first +second):\n%s", name, diff)
		}
	}
	read, err := ReadPlanted(a)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(pa, read); diff != "" {
		t.Errorf("planted list read back differs (-generated +read):\n%s", diff)
	}

	cfg.Seed = 43
	pc, err := Generate(t.TempDir(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if cmp.Equal(pa.Problems, pc.Problems) {
		t.Error("seeds 42 and 43 planted the same problems")
	}
}

func TestIdentitiesUnique(t *testing.T) {
	ids := identities(rand.New(rand.NewPCG(1, 0)), 3000)
	seen := map[string]bool{}
	types := map[string]int{}
	for _, id := range ids {
		if seen[id.name] {
			t.Fatalf("name %s given twice", id.name)
		}
		seen[id.name] = true
		types[id.typ]++
	}
	if types["乡镇"] < 900 || types["部门"] < 1500 {
		t.Errorf("types %v: want about 40 %% townships", types)
	}
}

// TestEveryKindPlanted checks that a modest province has every kind of
// problem, every attribute value and the variety the benchmarks rely on.
func TestEveryKindPlanted(t *testing.T) {
	dir := t.TempDir()
	rates := DefaultRates()
	rates.NoSelfScore = 0.3
	p, err := Generate(dir, Config{Units: 30, Docs: 300, Seed: 7, Rates: rates})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, pr := range p.Problems {
		kinds[pr.Kind]++
	}
	for _, k := range []string{defUnmarked, defLateRights, defNoReason, defUnpublished, defNextYear, defDeclass,
		defInterpLate, defInterpMissing, defBackdated, "frequent_not_proactive",
		"reply_late", "reply_missing", "bad_outcome", "decided_unconsulted", "consulted_after_decision",
		"feedback_missing", "rejections_unexplained", "repost_late", "repost_missing", "self_score_missing"} {
		if kinds[k] == 0 {
			t.Errorf("no problem of kind %s planted", k)
		}
	}
	cells := map[string]bool{}
	for _, name := range p.Files[:10] {
		for _, row := range dumpWorkbook(t, filepath.Join(dir, name))["公文台账"] {
			for _, c := range row {
				cells[c] = true
			}
		}
	}
	for _, v := range []string{attrProactive, attrOnRequest, attrWithheld, attrDeclass} {
		if !cells[v] {
			t.Errorf("attribute value %s never written", v)
		}
	}
}

func TestWorkCalendar(t *testing.T) {
	cl, err := checklists.LoadEmbedded(checklistID, checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := calendarOf(cl, 2017)
	// 2017-09-30 is a 调休 working Saturday; the next working day comes
	// after 国庆/中秋 (10-01..10-08).
	if !c.isWork(date(2017, 9, 30)) {
		t.Error("2017-09-30 should be a working day")
	}
	if got := c.addWork(date(2017, 9, 30), 1); !got.Equal(date(2017, 10, 9)) {
		t.Errorf("addWork(2017-09-30, 1) = %s, want 2017-10-09", got.Format("2006-01-02"))
	}
	// 宁夏 adds 开斋节 2017-06-24..28 (06-26..28 are weekdays).
	if c.isWork(date(2017, 6, 26)) {
		t.Error("2017-06-26 (开斋节, cn-nx) should be a holiday")
	}
	if got := c.workdays(date(2017, 9, 29), date(2017, 10, 9)); got != 2 {
		t.Errorf("workdays(09-29, 10-09) = %d, want 2 (09-30 and 10-09)", got)
	}
}
