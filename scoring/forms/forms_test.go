package forms

import (
	"bytes"
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/roster"
)

// fill opens a workbook a form wrote, sets cells as a clerk would, and
// returns the saved bytes.
func fill(t testing.TB, data []byte, cells map[string]map[string]string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for sheet, cs := range cells {
		for ref, v := range cs {
			if err := f.SetCellStr(sheet, ref, v); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// The roster template, filled in, reads back as the roster.
func TestRosterRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := RosterTemplate(&buf); err != nil {
		t.Fatal(err)
	}
	data := fill(t, buf.Bytes(), map[string]map[string]string{rosterSheet: {
		"A2": "金积镇", "B2": "镇", "C2": "否",
		"A3": "利通区发展和改革局", "B3": "部门", "C3": "是", "D3": "区发改局、发改局",
	}})
	ro, err := ReadRoster("名单.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	no, yes := false, true
	want := []*roster.Unit{
		{Name: "金积镇", Type: "乡镇", Pilot: &no, Line: 2},
		{Name: "利通区发展和改革局", Type: "部门", Pilot: &yes, Aliases: []string{"区发改局", "发改局"}, Line: 3},
	}
	if diff := cmp.Diff(want, ro.Units); diff != "" {
		t.Errorf("units (-want +got):\n%s", diff)
	}
}

// The spot-check sheet, filled in, reads back as review decisions.
func TestSampleRoundTrip(t *testing.T) {
	rows := []scoring.Sampled{
		{Unit: "金积镇", File: "in/金积镇.xlsx", Sheet: "公文台账", Row: 7, DocNo: "金政发〔2017〕1号", Title: "通知",
			Stratum: scoring.StratumFlagged, Items: []string{"A1", "A2"}, Messages: []string{"超期"}},
		{Unit: "金积镇", File: "in/金积镇.xlsx", Sheet: "公文台账", Row: 9, Title: "=1+1"},
	}
	var buf bytes.Buffer
	if err := SampleXLSX(&buf, rows, SampleInfo{Seed: 1, PerUnit: 2, Checklist: "test", Year: 2017}); err != nil {
		t.Fatal(err)
	}
	data := fill(t, buf.Bytes(), map[string]map[string]string{
		sampleSheet: {"L2": "不属实", "M2": "已公开", "N2": "张三", "O2": "2018-01-05"},
		adjustSheet: {"A2": "金积镇", "B2": "B1", "C2": "2.5", "D2": "材料补正"},
	})
	got, err := ReadReview("抽查表.xlsx", data)
	if err != nil {
		t.Fatal(err)
	}
	want := []scoring.Decision{
		{Unit: "金积镇", Item: "A1", Row: 7, DocNo: "金政发〔2017〕1号", Decision: scoring.Dismiss, Reason: "已公开", By: "张三", On: "2018-01-05", Source: "抽查表.xlsx 抽查表!2"},
		{Unit: "金积镇", Item: "A2", Row: 7, DocNo: "金政发〔2017〕1号", Decision: scoring.Dismiss, Reason: "已公开", By: "张三", On: "2018-01-05", Source: "抽查表.xlsx 抽查表!2"},
		{Unit: "金积镇", Item: "B1", Decision: scoring.Adjust, Score: big.NewRat(5, 2), Reason: "材料补正", Source: "抽查表.xlsx 指标调整!2"},
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b *big.Rat) bool { return a == b || a != nil && b != nil && a.Cmp(b) == 0 })); diff != "" {
		t.Errorf("decisions (-want +got):\n%s", diff)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellFormula(sampleSheet, "G3"); v != "" {
		t.Errorf("a title became the formula %q", v)
	}
}
