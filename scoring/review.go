package scoring

import (
	"fmt"
	"github.com/zwgk/zwgk/checklists"
	"math/big"
	"sort"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
)

// The review decisions.
const (
	Confirm = "confirm"
	Dismiss = "dismiss"
	Adjust  = "adjust"
)

// Decision is one district review decision: a finding confirmed or
// dismissed (with a reason), or an item's score adjusted (with a reason).
type Decision struct {
	Unit     string
	Item     string
	DocNo    string // which finding: by 文号 …
	Row      int    // … or by row
	Decision string
	Reason   string
	Score    *big.Rat // adjust: the item's new score
	By       string
	On       string
	Source   string // where the decision was read: file and row
}

// decisionSet matches decisions to findings and items. It is not changed
// after it is made, so units can be scored concurrently; which decisions
// were used is gathered from the scored units.
type decisionSet struct {
	list []*Decision
	norm func(string) string
}

func newDecisionSet(ds []Decision) *decisionSet {
	s := &decisionSet{norm: NormalizeName}
	for i := range ds {
		s.list = append(s.list, &ds[i])
	}
	return s
}

// match returns the confirm or dismiss decision on a finding of unit, and
// its index.
func (s *decisionSet) match(unit string, f audit.Finding) (int, *Decision) {
	for i, d := range s.list {
		if d.Decision == Adjust || s.norm(d.Unit) != s.norm(unit) || d.Item != f.Item {
			continue
		}
		switch {
		case d.Row != 0 && d.Row == f.Pos.Row:
		case d.Row == 0 && d.DocNo != "" && checklists.Fold(d.DocNo) == checklists.Fold(f.DocNo):
		default:
			continue
		}
		return i, d
	}
	return -1, nil
}

// adjust returns the adjust decision on an item of unit, and its index.
func (s *decisionSet) adjust(unit, item string) (int, *Decision) {
	for i, d := range s.list {
		if d.Decision == Adjust && s.norm(d.Unit) == s.norm(unit) && d.Item == item {
			return i, d
		}
	}
	return -1, nil
}

// notes lists the decisions, used[i] telling whether decision i was applied.
func (s *decisionSet) notes(used []bool) []*DecisionNote {
	var out []*DecisionNote
	for i, d := range s.list {
		n := &DecisionNote{Unit: d.Unit, Item: d.Item, DocNo: d.DocNo, Row: d.Row, Decision: d.Decision, Applied: used[i], Source: d.Source}
		if !used[i] {
			zh, en := d.DocNo, d.DocNo
			if d.Row != 0 {
				zh, en = fmt.Sprintf("第%d行", d.Row), fmt.Sprintf("row %d", d.Row)
			}
			n.MessageText = msg.Both("复核决定未匹配到任何问题或指标：单位「%s」指标「%s」%s", []any{d.Unit, d.Item, zh},
				"review decision matches no finding or item: unit %q item %q %s", []any{d.Unit, d.Item, en})
		}
		out = append(out, n)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Unit != out[j].Unit {
			return out[i].Unit < out[j].Unit
		}
		return out[i].Item < out[j].Item
	})
	return out
}
