package scoring

import (
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"go.yaml.in/yaml/v3"
)

// FuzzParseReview: any review YAML is read or refused with a message naming
// the file, never a panic; what is read passes Check, says where each
// decision was read, and reads back the same when written out again.
func FuzzParseReview(f *testing.F) {
	f.Add([]byte("decisions:\n  - {unit: 金积镇, item: A1, doc_no: 金政发〔2017〕1号, decision: confirm}\n" +
		"  - {unit: 金积镇, item: B1, row: 7, decision: dismiss, reason: 已公开}\n" +
		"  - {unit: 利通区民政局, item: C2, decision: adjust, score: \"2.5\", reason: 材料补正, by: 张三, on: 2018-01-05}\n"))
	f.Add([]byte("decisions:\n  - {unit: 金积镇, item: A1, decision: adjust, score: 7/3, reason: x}\n"))
	f.Add([]byte("decisions:\n  - {unit: 金积镇, item: A1, decision: maybe}\n"))
	f.Add([]byte("decisions:\n  - {unit: 金积镇, colour: red}\n"))
	f.Add([]byte("decisions: {}\n"))
	f.Add([]byte("decisions:\n  - [1, 2]\n  - null\n"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := ParseReview("r.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "r.yaml") {
				t.Fatalf("error does not name the file: %q", err)
			}
			return
		}
		for i := range ds {
			if err := ds[i].Check(); err != nil {
				t.Fatalf("decision %d read but fails Check: %v", i, err)
			}
			if !strings.HasPrefix(ds[i].Source, "r.yaml:") {
				t.Fatalf("decision %d: source %q", i, ds[i].Source)
			}
		}
		again, err := ParseReview("r.yaml", writeReview(t, ds))
		if err != nil {
			t.Fatalf("written back, the decisions are refused: %v", err)
		}
		noSource := func(ds []Decision) []Decision {
			out := make([]Decision, len(ds))
			for i, d := range ds {
				d.Source = ""
				out[i] = d
			}
			return out
		}
		if diff := cmp.Diff(noSource(ds), noSource(again), cmp.Comparer(func(a, b *big.Rat) bool {
			return a == b || a != nil && b != nil && a.Cmp(b) == 0
		})); diff != "" {
			t.Fatalf("read, written and read again (-first +second):\n%s", diff)
		}
	})
}

// writeReview writes decisions in the review YAML form ParseReview reads.
func writeReview(t *testing.T, ds []Decision) []byte {
	t.Helper()
	type entry struct {
		Unit     string `yaml:"unit"`
		Item     string `yaml:"item"`
		DocNo    string `yaml:"doc_no,omitempty"`
		Row      int    `yaml:"row,omitempty"`
		Decision string `yaml:"decision"`
		Reason   string `yaml:"reason,omitempty"`
		Score    string `yaml:"score,omitempty"`
		By       string `yaml:"by,omitempty"`
		On       string `yaml:"on,omitempty"`
	}
	var doc struct {
		Decisions []entry `yaml:"decisions"`
	}
	for _, d := range ds {
		e := entry{Unit: d.Unit, Item: d.Item, DocNo: d.DocNo, Row: d.Row, Decision: d.Decision, Reason: d.Reason, By: d.By, On: d.On}
		if d.Score != nil {
			e.Score = d.Score.RatString()
		}
		doc.Decisions = append(doc.Decisions, e)
	}
	out, err := yaml.Marshal(&doc)
	if err != nil {
		t.Fatalf("write the decisions: %v", err)
	}
	return out
}
