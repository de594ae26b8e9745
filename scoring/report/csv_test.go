package report

import (
	"bytes"
	"encoding/csv"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// TestCSVNeutralisesFormulas: unit-supplied text that a spreadsheet would
// run as a formula starts with a quote; numbers zwgk writes stay numbers.
func TestCSVNeutralisesFormulas(t *testing.T) {
	res := &scoring.Result{Units: []*scoring.UnitResult{
		{Name: `=HYPERLINK("http://x","点我")`, Type: "乡镇", Status: scoring.StatusOK, Score: 88.5, Grade: "良好", Rank: 1, Source: "+cmd.xlsx"},
		{Name: "@SUM(1,2)", Status: scoring.StatusMissing, Rank: 2, Source: "-2+3"},
		{Name: "金积镇", Status: scoring.StatusOK, Score: 80, Grade: "良好", Rank: 3, Source: "金积镇.xlsx"},
	}}
	var buf bytes.Buffer
	if err := CSV(&buf, res, CSVOptions{Lang: msg.ZH, BOM: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\ufeff")) {
		t.Error("a CSV file for Excel must start with a UTF-8 BOM")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var got [][3]string // name, score, source
	for _, r := range rows[1:] {
		got = append(got, [3]string{r[1], r[4], r[12]})
	}
	want := [][3]string{
		{`'=HYPERLINK("http://x","点我")`, "88.50", "'+cmd.xlsx"},
		{"'@SUM(1,2)", "0.00", "'-2+3"},
		{"金积镇", "80.00", "金积镇.xlsx"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
}
