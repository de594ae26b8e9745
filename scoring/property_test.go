package scoring

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
)

// randomEval gives a unit random outcomes for every item of c.
func randomEval(rng *rand.Rand, c *checklists.Checklist, name string) *audit.Evaluation {
	os := map[string]outcome{}
	for _, it := range c.Items() {
		appl := rng.IntN(6)
		o := outcome{appl: appl, failed: rng.IntN(appl + 1), na: rng.IntN(8) == 0}
		if rng.IntN(2) == 0 {
			o.self = fmt.Sprintf("%d/%d", rng.IntN(80)-10, 1+rng.IntN(4))
		}
		os[it.ID] = o
	}
	ev := eval(c, name, os)
	// Give every finding its own row so a decision matches exactly one.
	for _, o := range ev.Outcomes {
		for i := range o.Findings {
			o.Findings[i].Pos.Row = 2 + i
		}
	}
	return ev
}

func TestScoreProperties(t *testing.T) {
	names := []string{"金积镇", "古城镇", "上桥镇", "高闸镇", "扁担沟镇", "郭家桥乡", "马莲渠乡", "利通区民政局"}
	for seed := range uint64(60) {
		rng := rand.New(rand.NewPCG(seed, 7))
		na := checklists.NAFull
		if seed%2 == 1 {
			na = checklists.NAExclude
		}
		c := checklist(na)
		var evs []*audit.Evaluation
		for _, n := range names {
			evs = append(evs, randomEval(rng, c, n))
		}
		res := Score(Input{Checklist: c, Year: 2017, Evaluations: evs})
		byName := map[string]*UnitResult{}
		for _, u := range res.Units {
			byName[u.Name] = u
			if u.Score < 0 || u.Score > 100 {
				t.Fatalf("seed %d: %s scored %v, outside [0, 100]", seed, u.Name, u.Score)
			}
		}

		// Order of the inputs never changes the result.
		shuffled := append([]*audit.Evaluation(nil), evs...)
		rng.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		if diff := cmp.Diff(res, Score(Input{Checklist: c, Year: 2017, Evaluations: shuffled}), cmp.AllowUnexported(UnitResult{})); diff != "" {
			t.Fatalf("seed %d: shuffled input changed the result (-want +got)\n%s", seed, diff)
		}

		// Dismissing any one finding never lowers that unit's score.
		for _, ev := range evs {
			for _, o := range ev.Outcomes {
				if len(o.Findings) == 0 {
					continue
				}
				f := o.Findings[rng.IntN(len(o.Findings))]
				d := Decision{Unit: ev.Unit.Name, Item: f.Item, Row: f.Pos.Row, Decision: Dismiss, Reason: "经核查不属实"}
				after := Score(Input{Checklist: c, Year: 2017, Evaluations: evs, Decisions: []Decision{d}})
				for _, u := range after.Units {
					if u.Name == ev.Unit.Name && u.Score < byName[u.Name].Score {
						t.Fatalf("seed %d: dismissing %s row %d of %s lowered the score %v → %v", seed, f.Item, f.Pos.Row, u.Name, byName[u.Name].Score, u.Score)
					}
				}
			}
		}
	}
}
