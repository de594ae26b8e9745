package scoring

import (
	"bytes"
	"fmt"
	"math/big"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
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

// ParseReview reads the YAML form of review decisions; name is used in errors.
func ParseReview(name string, data []byte) ([]Decision, error) {
	if len(data) > 16<<20 {
		return nil, fmt.Errorf("%s: 复核文件过大", name)
	}
	var doc struct {
		Decisions []yaml.Node `yaml:"decisions"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var out []Decision
	var errs []string
	for _, n := range doc.Decisions {
		var d struct {
			Unit     string `yaml:"unit"`
			Item     string `yaml:"item"`
			DocNo    string `yaml:"doc_no"`
			Row      int    `yaml:"row"`
			Decision string `yaml:"decision"`
			Reason   string `yaml:"reason"`
			Score    string `yaml:"score"`
			By       string `yaml:"by"`
			On       string `yaml:"on"`
		}
		pos := fmt.Sprintf("%s:%d:%d", name, n.Line, n.Column)
		if err := n.Decode(&d); err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", pos, err))
			continue
		}
		dd := Decision{Unit: d.Unit, Item: d.Item, DocNo: d.DocNo, Row: d.Row, Decision: d.Decision, Reason: strings.TrimSpace(d.Reason),
			By: d.By, On: d.On, Source: pos}
		if d.Score != "" {
			r, ok := new(big.Rat).SetString(d.Score)
			if !ok {
				errs = append(errs, fmt.Sprintf("%s: 分数「%s」不是数字", pos, d.Score))
				continue
			}
			dd.Score = r
		}
		if err := dd.Check(); err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", pos, err))
			continue
		}
		out = append(out, dd)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return out, nil
}

// Check validates one decision: a known decision, a unit and an item, a
// reason for dismiss and adjust, a score for adjust.
func (d *Decision) Check() error {
	switch d.Decision {
	case Confirm, Dismiss, Adjust:
	default:
		return fmt.Errorf("复核决定「%s」应为 confirm、dismiss 或 adjust", d.Decision)
	}
	if strings.TrimSpace(d.Unit) == "" || strings.TrimSpace(d.Item) == "" {
		return fmt.Errorf("复核决定缺少单位（unit）或指标（item）")
	}
	if d.Decision != Confirm && d.Reason == "" {
		return fmt.Errorf("%s 决定必须写明理由（reason）", d.Decision)
	}
	if d.Decision == Adjust && d.Score == nil {
		return fmt.Errorf("adjust 决定必须给出调整后的分数（score）")
	}
	if d.Decision != Adjust && d.Row == 0 && d.DocNo == "" {
		return fmt.Errorf("%s 决定须用 doc_no 或 row 指明是哪一条问题", d.Decision)
	}
	return nil
}
