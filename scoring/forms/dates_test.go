package forms

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// TestReviewDates: 复核日期 reads as a date however Excel or WPS shows it —
// a date cell in the US short format (numFmt 14, shown 01-10-18), in a
// Chinese built-in format (numFmt 57, 2018年1月), a bare serial 43110, and
// text typed 2018/1/10, 2018年1月10日, 2018.1.10, 20180110.
func TestReviewDates(t *testing.T) {
	rows := []scoring.Sampled{}
	for i := range 8 {
		rows = append(rows, scoring.Sampled{Unit: "金积镇", File: "in/金积镇.xlsx", Sheet: "公文台账", Row: 2 + i,
			Items: []string{"A1"}, Stratum: scoring.StratumFlagged})
	}
	var buf bytes.Buffer
	if err := SampleXLSX(&buf, rows, SampleInfo{Seed: 1, PerUnit: 8, Checklist: "test", Year: 2017}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	us, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	cn, _ := f.NewStyle(&excelize.Style{NumFmt: 57})
	typed := []string{"", "", "", "2018/1/10", "2018年1月10日", "2018.1.10", "20180110", "２０１８－１－１０"}
	for i := range 8 {
		r := strconv.Itoa(i + 2)
		f.SetCellStr(sampleSheet, "L"+r, "属实")
		switch i {
		case 0:
			f.SetCellValue(sampleSheet, "O"+r, 43110)
			f.SetCellStyle(sampleSheet, "O"+r, "O"+r, us)
		case 1:
			f.SetCellValue(sampleSheet, "O"+r, 43110)
			f.SetCellStyle(sampleSheet, "O"+r, "O"+r, cn)
		case 2:
			f.SetCellValue(sampleSheet, "O"+r, 43110)
		default:
			f.SetCellStr(sampleSheet, "O"+r, typed[i])
		}
	}
	var out bytes.Buffer
	if err := f.Write(&out); err != nil {
		t.Fatal(err)
	}
	ds, err := ReadReview("抽查表.xlsx", out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 8 {
		t.Fatalf("%d decisions, want 8", len(ds))
	}
	for i, d := range ds {
		if d.On != "2018-01-10" {
			t.Errorf("row %d: 复核日期 read as %q, want 2018-01-10", i+2, d.On)
		}
	}
}

// TestReviewReasonCell: a 不属实 verdict without 核查说明, and an adjusted
// score without 理由, are named in the sheet's own words, with the cell.
func TestReviewReasonCell(t *testing.T) {
	rows := []scoring.Sampled{{Unit: "金积镇", File: "in/金积镇.xlsx", Sheet: "公文台账", Row: 7, Items: []string{"A2"}}}
	var buf bytes.Buffer
	if err := SampleXLSX(&buf, rows, SampleInfo{Seed: 1, PerUnit: 1, Checklist: "test", Year: 2017}); err != nil {
		t.Fatal(err)
	}
	data := fill(t, buf.Bytes(), map[string]map[string]string{
		sampleSheet: {"L2": "不属实"},
		adjustSheet: {"A2": "金积镇", "B2": "B1", "C2": "2.5"},
	})
	_, err := ReadReview("抽查表.xlsx", data)
	if err == nil {
		t.Fatal("no error")
	}
	want := "抽查表.xlsx 抽查表!M2: 核查结论为「不属实」时，必须在「核查说明」中写明理由（第2行，指标 A2）\n" +
		"抽查表.xlsx 指标调整!D2: 调整得分必须在「理由」中写明理由（指标 B1）"
	if got := msg.Local(err, msg.ZH); got != want {
		t.Errorf("error:\n%s\nwant:\n%s", got, want)
	}
	if got := msg.Local(err, msg.EN); !strings.Contains(got, "抽查表!M2: a verdict of 不属实 (not true) needs its reason in 核查说明") {
		t.Errorf("English error: %s", got)
	}
}
