package scoring

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func strata(nFlagged, nWithheld, nOther int) []Sampled {
	var rows []Sampled
	line := 2
	for _, s := range []struct {
		n  int
		st string
	}{{nFlagged, StratumFlagged}, {nWithheld, StratumWithheld}, {nOther, StratumOther}} {
		for range s.n {
			rows = append(rows, Sampled{Unit: "金积镇", Row: line, Stratum: s.st})
			line++
		}
	}
	return rows
}

func lines(rows []Sampled) []int {
	var out []int
	for _, r := range rows {
		out = append(out, r.Row)
	}
	return out
}

// TestSampleReproducible pins one draw: the same seed, unit and rows give
// these rows on any machine (PCG and integer keys, no floating point), and
// the order of units or of calls does not matter.
func TestSampleReproducible(t *testing.T) {
	rows := strata(5, 5, 40)
	got := lines(Sample("金积镇", rows, 6, 20171228))
	if again := lines(Sample("金积镇", rows, 6, 20171228)); !cmp.Equal(got, again) {
		t.Fatalf("same seed drew %v then %v", got, again)
	}
	want := []int{2, 4, 7, 11, 14, 39} // two flagged (2–6), two withheld (7–11), two others (12–51)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("draw changed (-want +got)\n%s", diff)
	}
	if other := lines(Sample("古城镇", rows, 6, 20171228)); cmp.Equal(got, other) {
		t.Errorf("two units drew the same rows %v", got)
	}
	if n := len(Sample("金积镇", rows, 100, 1)); n != len(rows) {
		t.Errorf("asking for more rows than there are gave %d, want %d", n, len(rows))
	}
}

// TestSampleStratified: flagged rows (weight 4) and withheld rows (3) are
// drawn far more often than their share of the register (10% each).
func TestSampleStratified(t *testing.T) {
	rows := strata(10, 10, 80)
	count := map[string]int{}
	total := 0
	for seed := range uint64(300) {
		for _, r := range Sample("金积镇", rows, 10, seed) {
			count[r.Stratum]++
			total++
		}
	}
	share := func(s string) float64 { return float64(count[s]) / float64(total) }
	if share(StratumFlagged) < 0.3 || share(StratumWithheld) < 0.15 || share(StratumFlagged) <= share(StratumWithheld) {
		t.Errorf("shares flagged %.2f, withheld %.2f, other %.2f: want flagged > withheld ≫ their 10%% of rows",
			share(StratumFlagged), share(StratumWithheld), share(StratumOther))
	}
}
