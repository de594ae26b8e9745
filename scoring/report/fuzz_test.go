package report

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// FuzzReadResult: any JSON is read as a result or refused with a message
// naming the file, never a panic; what is read renders as `zwgk report`
// renders it (table in detail, CSV, JSON, in both languages), and the JSON
// written from it is a fixed point: read again, it has the same units and
// scores and is written to the same bytes.
func FuzzReadResult(f *testing.F) {
	var seed bytes.Buffer
	if err := JSON(&seed, xlsxResult(), msg.ZH); err != nil {
		f.Fatal(err)
	}
	f.Add(seed.Bytes())
	f.Add([]byte(`{"format":"zwgk.result/v1","units":[{"name":"金积镇","status":"ok","score":99.5,"items":[{"id":"A1","na":true,` +
		`"na_reason_text":{"zh":"无依申请","en":"no requests"}}],"findings":[{"item":"A1","message":"超期","review":{"decision":"dismiss"}}]}],` +
		`"decisions":[{"unit":"x","decision":"confirm","message_text":{"zh":"未匹配","en":"unmatched"}}],"lang":"en"}`))
	f.Add([]byte(`{"format":"zwgk.result/v1","units":[]}`))
	f.Add([]byte(`{"format":"zwgk.annual/v1"}`))
	f.Add([]byte(`{"format":"zwgk.result/v1","units":[{"sections":[{"id":"A"}],"items":[{"section":"B"}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := scoring.ReadResult(bytes.NewReader(data), "r.json")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "r.json") {
				t.Fatalf("error does not name the file: %q", err)
			}
			return
		}
		if slices.Contains(res.Units, nil) || slices.Contains(res.Decisions, nil) {
			t.Fatal("ReadResult accepted a null unit or decision")
		}
		for _, l := range []msg.Lang{msg.ZH, msg.EN} {
			if err := Table(io.Discard, res, TableOptions{Lang: l, Detail: true}); err != nil {
				t.Logf("table: %v", err) // a writer error only; io.Discard has none
			}
			if err := CSV(io.Discard, res, CSVOptions{Lang: l}); err != nil {
				t.Fatalf("csv: %v", err)
			}
		}
		var first bytes.Buffer
		if err := JSON(&first, res, msg.ZH); err != nil {
			t.Fatalf("json: %v", err)
		}
		again, err := scoring.ReadResult(bytes.NewReader(first.Bytes()), "again.json")
		if err != nil {
			t.Fatalf("the JSON written from a result is refused: %v\n%s", err, first.Bytes())
		}
		type score struct {
			Name, Status, Grade string
			Score               float64
			Rank                int
			Items               []float64
		}
		scores := func(r *scoring.Result) []score {
			var out []score
			for _, u := range r.Units {
				s := score{Name: u.Name, Status: u.Status, Grade: u.Grade, Score: u.Score, Rank: u.Rank}
				for _, it := range u.Items {
					s.Items = append(s.Items, it.Score)
				}
				out = append(out, s)
			}
			return out
		}
		if diff := cmp.Diff(scores(res), scores(again)); diff != "" {
			t.Fatalf("units' scores, read and read again (-first +second):\n%s", diff)
		}
		var second bytes.Buffer
		if err := JSON(&second, again, msg.ZH); err != nil {
			t.Fatalf("json again: %v", err)
		}
		if !bytes.Equal(first.Bytes(), second.Bytes()) {
			t.Fatalf("the JSON is not a fixed point:\nfirst  %s\nsecond %s", first.Bytes(), second.Bytes())
		}
	})
}
