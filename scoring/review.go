package scoring

import (
	"fmt"
	"math/big"
	"sort"
	"strings"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/yamlfile"
	"github.com/zwgk/zwgk/scoring/roster"
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
	s := &decisionSet{norm: roster.NormalizeName}
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
		n := &DecisionNote{Unit: d.Unit, Item: d.Item, DocNo: d.DocNo, Row: d.Row, Decision: d.Decision, Applied: used[i], Source: d.Source,
			Reason: d.Reason, By: d.By, On: d.On}
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

// ParseReview reads the YAML form of the district's review decisions; name
// is used in errors, which are positioned (FILE:LINE:COL) and in both
// languages.
func ParseReview(name string, data []byte) ([]Decision, error) {
	var r yamlfile.Reader
	f := &yamlfile.File{Name: name, Data: data}
	root, ok := r.Decode(f, yamlfile.Limits{Size: 16 << 20})
	if !ok {
		return nil, r.Errs.Err()
	}
	what := msg.Text{Zh: "复核文件", En: "the review file"}
	m, ok := r.Mapping(root, what, []string{"decisions"})
	if !ok {
		return nil, r.Errs.Err()
	}
	r.Require(m, what, "decisions")
	var out []Decision
	if e, ok := m.Get("decisions"); ok {
		keys := []string{"unit", "item", "doc_no", "row", "decision", "reason", "score", "by", "on"}
		for _, dm := range r.Items(e, msg.Text{Zh: "复核决定", En: "a decision"}, keys) {
			if d, ok := readDecision(&r, dm); ok {
				out = append(out, d)
			}
		}
	}
	r.Errs.Sort()
	if err := r.Errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// readDecision reads one decision of the review file's YAML form.
func readDecision(r *yamlfile.Reader, m *yamlfile.Mapping) (Decision, bool) {
	pos := m.Pos()
	d := Decision{Source: pos.String()}
	ok := true
	text := func(key string, to *string) {
		if e, has := m.Get(key); has {
			s, good := r.Scalar(e)
			*to = s
			ok = ok && good
		}
	}
	text("unit", &d.Unit)
	text("item", &d.Item)
	text("doc_no", &d.DocNo)
	text("decision", &d.Decision)
	text("reason", &d.Reason)
	text("by", &d.By)
	text("on", &d.On)
	d.Reason = strings.TrimSpace(d.Reason)
	if e, has := m.Get("row"); has {
		n, good := r.Integer(e)
		d.Row = n
		ok = ok && good
	}
	if e, has := m.Get("score"); has {
		s, good := r.Scalar(e)
		if good {
			if v, isNum := new(big.Rat).SetString(s); isNum {
				d.Score = v
			} else {
				r.Errorf(e.Pos(), "分数「%s」不是数字", "score %q is not a number", s)
				good = false
			}
		}
		ok = ok && good
	}
	if !ok {
		return d, false
	}
	if err := d.Check(); err != nil {
		r.Errs.Add(pos, msg.TextOf(err))
		return d, false
	}
	return d, true
}

// Check validates one decision: a known decision, a unit and an item, a
// reason for dismiss and adjust, a score for adjust.
func (d *Decision) Check() error {
	switch d.Decision {
	case Confirm, Dismiss, Adjust:
	default:
		return msg.Errorf("复核决定「%s」应为 confirm、dismiss 或 adjust", "decision %q should be confirm, dismiss or adjust", d.Decision)
	}
	if strings.TrimSpace(d.Unit) == "" || strings.TrimSpace(d.Item) == "" {
		return msg.Errorf("复核决定缺少单位（unit）或指标（item）", "the decision names no unit or no item")
	}
	if d.Decision != Confirm && d.Reason == "" {
		return msg.Errorf("%s 决定必须写明理由（reason）", "a %s decision needs a reason", d.Decision)
	}
	if d.Decision == Adjust && d.Score == nil {
		return msg.Errorf("adjust 决定必须给出调整后的分数（score）", "an adjust decision needs the adjusted score")
	}
	if d.Decision != Adjust && d.Row == 0 && d.DocNo == "" {
		return msg.Errorf("%s 决定须用 doc_no 或 row 指明是哪一条问题", "a %s decision must name its finding by doc_no or row", d.Decision)
	}
	return nil
}
