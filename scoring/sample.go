package scoring

import (
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"

	"github.com/zwgk/zwgk/audit"
)

// Sampled is one register row drawn for a spot check (抽查), with the
// findings zwgk made on it.
type Sampled struct {
	Unit      string
	File      string
	Sheet     string
	Row       int
	DocNo     string
	Title     string
	Attribute string
	Stratum   string // 有问题, 不公开 or 其他
	Items     []string
	Messages  []string
}

// The strata of a spot check and their weights: flagged rows and withheld
// documents are drawn more often than the rest.
const (
	StratumFlagged  = "有问题"
	StratumWithheld = "不公开"
	StratumOther    = "其他"
)

var stratumWeight = map[string]int{StratumFlagged: 8, StratumWithheld: 4, StratumOther: 1}

// Candidates lists the documents of an evaluated unit (its rows must still
// be loaded) with the findings on each row.
func Candidates(ev *audit.Evaluation) []Sampled {
	u := ev.Unit
	t := u.Tables["documents"]
	if t == nil {
		return nil
	}
	byRow := map[int][]audit.Finding{}
	for _, o := range ev.Outcomes {
		for _, f := range o.Findings {
			if f.Table == "documents" && f.Pos.Row > 0 {
				byRow[f.Pos.Row] = append(byRow[f.Pos.Row], f)
			}
		}
	}
	var out []Sampled
	for _, r := range t.Rows {
		s := Sampled{Unit: u.Name, File: slash(t.File), Sheet: t.Sheet, Row: r.Line, Stratum: StratumOther}
		s.DocNo = r.Display("doc_no")
		s.Title, _ = r.Values["title"].(string)
		s.Attribute, _ = r.Values["attribute"].(string)
		switch s.Attribute {
		case "依申请公开", "不予公开", "脱密后公开":
			s.Stratum = StratumWithheld
		}
		if fs := byRow[r.Line]; len(fs) > 0 {
			s.Stratum = StratumFlagged
			for _, f := range fs {
				if !slices.Contains(s.Items, f.Item) {
					s.Items = append(s.Items, f.Item)
				}
				s.Messages = append(s.Messages, f.Text.Zh)
			}
		}
		out = append(out, s)
	}
	return out
}

// Sample draws n rows of one unit reproducibly: the same seed, unit and rows
// give the same sample on any machine, whatever the order of the units. Rows
// are drawn without replacement with weights by stratum (flagged 8, withheld
// 4, other 1); each weight w is the number of uniform draws whose maximum is
// the row's key, which is exact integer arithmetic (no floating point).
func Sample(unit string, rows []Sampled, n int, seed uint64) []Sampled {
	if n <= 0 || len(rows) == 0 {
		return nil
	}
	h := fnv.New64a()
	h.Write([]byte(strings.TrimSpace(unit)))
	rng := rand.New(rand.NewPCG(seed, h.Sum64()))
	type keyed struct {
		key uint64
		i   int
	}
	keys := make([]keyed, len(rows))
	for i, r := range rows {
		var k uint64
		for range stratumWeight[r.Stratum] {
			k = max(k, rng.Uint64())
		}
		keys[i] = keyed{k, i}
	}
	sort.Slice(keys, func(a, b int) bool {
		if keys[a].key != keys[b].key {
			return keys[a].key > keys[b].key
		}
		return keys[a].i < keys[b].i
	})
	n = min(n, len(rows))
	out := make([]Sampled, 0, n)
	for _, k := range keys[:n] {
		out = append(out, rows[k.i])
	}
	sort.Slice(out, func(a, b int) bool { return out[a].Row < out[b].Row })
	return out
}
