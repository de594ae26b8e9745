package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// TestJSONStreamedSameBytes: JSON encodes unit by unit to bound memory, and
// must write exactly what encoding/json writes for the whole result.
func TestJSONStreamedSameBytes(t *testing.T) {
	for _, res := range []*scoring.Result{xlsxResult(), {Format: scoring.FormatV1, Units: []*scoring.UnitResult{}}} {
		for _, u := range res.Units { // the counts the stream fills in
			u.NeverPublished, u.Late = u.PublicationCounts()
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := JSON(&got, res, msg.ZH); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(want.Bytes(), got.Bytes()) {
			t.Errorf("streamed JSON differs:\nwant %s\ngot  %s", want.String(), got.String())
		}
	}
}
