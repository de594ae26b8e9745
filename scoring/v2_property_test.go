package scoring

import (
	"fmt"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
)

// randomMonitor is a random register for semantics.yaml.
func randomMonitor(rng *rand.Rand) []checklists.Row {
	kinds := []string{"超期", "要素", "监测", "网站", "超期答复", "专项", "亮点", "泄密", "造假"}
	levels := []string{"严重", "一般", "国家级", "省级"}
	var rows []checklists.Row
	for range rng.IntN(25) {
		k := kinds[rng.IntN(len(kinds))]
		if (k == "泄密" || k == "造假") && rng.IntN(4) != 0 {
			continue // keep vetoes rare
		}
		rows = append(rows, mon(k, "fixed", rng.IntN(2) == 0, "level", levels[rng.IntN(len(levels))],
			"deduction", float64(rng.IntN(40))/4))
	}
	return rows
}

// Pools never fall below their floor (points − cap, or 0), never earn more
// than their cap, sections never go below 0, the final score stays within
// [0, max_score] with at most bonus_cap of bonus, and neither the order of
// rows nor the order of units changes any score.
func TestV2Properties(t *testing.T) {
	c := loadV2(t, "semantics.yaml")
	names := []string{"金积镇", "古城镇", "上桥镇", "利通区民政局", "利通区教育局"}
	for seed := range uint64(40) {
		rng := rand.New(rand.NewPCG(seed, 17))
		var units, shuffledRows []*audit.Unit
		scores := EvaluatorScores{}
		for i, n := range names {
			typ := "乡镇"
			if i >= 3 {
				typ = "部门"
			}
			rows := randomMonitor(rng)
			units = append(units, unitV2(c, n, typ, map[string][]checklists.Row{"monitor": rows}))
			perm := append([]checklists.Row(nil), rows...)
			rng.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
			shuffledRows = append(shuffledRows, unitV2(c, n, typ, map[string][]checklists.Row{"monitor": perm}))
			if rng.IntN(3) != 0 {
				scores[n] = map[string]EvaluatorScore{"A3": {Score: big.NewRat(int64(rng.IntN(14))-2, 1)}}
			}
		}
		res := runV2(c, units, scores, nil)
		for _, u := range res.Units {
			if u.Score < 0 || u.Score > 120 {
				t.Errorf("seed %d %s: score %v outside [0, 120]", seed, u.Name, u.Score)
			}
			if u.Bonus != nil && u.Bonus.Counted > 15 {
				t.Errorf("seed %d %s: bonus counted %v above bonus_cap 15", seed, u.Name, u.Bonus.Counted)
			}
			for _, s := range u.Sections {
				if s.Score < 0 {
					t.Errorf("seed %d %s: section %s below 0: %v", seed, u.Name, s.ID, s.Score)
				}
			}
			for _, it := range u.Items {
				floor := 0.0
				if it.Cap != nil && it.Method == "deduct" {
					floor = it.Points - *it.Cap
				}
				switch {
				case it.ID == "A2": // overflow: may go below 0
				case it.Method == "bonus" && it.Cap != nil && it.Score > *it.Cap:
					t.Errorf("seed %d %s: %s earned %v above its cap", seed, u.Name, it.ID, it.Score)
				case it.Score < floor || it.Score > it.Points:
					t.Errorf("seed %d %s: %s scored %v outside [%v, %v]", seed, u.Name, it.ID, it.Score, floor, it.Points)
				}
			}
		}
		if got := runV2(c, shuffledRows, scores, nil); !sameScores(res, got) {
			t.Errorf("seed %d: the order of rows changed the scores:\n%s", seed, cmp.Diff(scoreTable(res), scoreTable(got)))
		}
		rev := append([]*audit.Unit(nil), units...)
		for i, j := 0, len(rev)-1; i < j; i, j = i+1, j-1 {
			rev[i], rev[j] = rev[j], rev[i]
		}
		if got := runV2(c, rev, scores, nil); !sameScores(res, got) {
			t.Errorf("seed %d: the order of units changed the scores:\n%s", seed, cmp.Diff(scoreTable(res), scoreTable(got)))
		}
	}
}

func scoreTable(r *Result) []string {
	var out []string
	for _, u := range r.Units {
		line := fmt.Sprintf("%s %s %v %s #%d", u.Name, u.Status, u.Score, u.Grade, u.Rank)
		for _, it := range u.Items {
			line += fmt.Sprintf(" %s=%v", it.ID, it.Score)
		}
		out = append(out, line)
	}
	return out
}

func sameScores(a, b *Result) bool { return cmp.Equal(scoreTable(a), scoreTable(b)) }
