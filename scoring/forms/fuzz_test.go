package forms

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/roster"
)

// rosterSeeds are roster workbooks: the template, filled in, cut short.
func rosterSeeds(tb testing.TB) [][]byte {
	var buf bytes.Buffer
	if err := RosterTemplate(&buf); err != nil {
		tb.Fatal(err)
	}
	filled := fill(tb, buf.Bytes(), map[string]map[string]string{rosterSheet: {
		"A2": "金积镇", "B2": "镇", "C2": "否",
		"A3": "利通区发展和改革局", "B3": "部门", "C3": "是", "D3": "区发改局、发改局",
		"A4": "利通区民政局",
	}})
	bad := fill(tb, buf.Bytes(), map[string]map[string]string{rosterSheet: {"A2": "利通区民政局", "B2": "局"}})
	return [][]byte{buf.Bytes(), filled, bad, filled[:len(filled)/2], []byte("not a zip")}
}

// FuzzReadRoster: any bytes are read as a roster workbook or refused with a
// message naming the file, never a panic; every unit read has a name and a
// known type, and written into the template again the roster reads back the
// same.
func FuzzReadRoster(f *testing.F) {
	for _, s := range rosterSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ro, err := ReadRoster("r.xlsx", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "r.xlsx") {
				t.Fatalf("error does not name the file: %q", err)
			}
			return
		}
		if ro.Source != "r.xlsx" {
			t.Errorf("source %q", ro.Source)
		}
		for _, u := range ro.Units {
			if strings.TrimSpace(u.Name) == "" || u.Name != strings.TrimSpace(u.Name) {
				t.Fatalf("unit %q: a name untrimmed or empty", u.Name)
			}
			if !slices.Contains([]string{"", checklists.Township, checklists.Department}, u.Type) {
				t.Fatalf("unit %q: type %q", u.Name, u.Type)
			}
			if slices.Contains(u.Aliases, "") {
				t.Fatalf("unit %q: an empty alias in %q", u.Name, u.Aliases)
			}
			for _, s := range append([]string{u.Name}, u.Aliases...) {
				if len([]rune(s)) > 32767 {
					return // more than a cell holds: it cannot be written again as it is
				}
			}
		}
		cells := map[string]string{}
		for i, u := range ro.Units {
			row := i + 2
			cells[fmt.Sprintf("A%d", row)] = u.Name
			cells[fmt.Sprintf("B%d", row)] = u.Type
			if u.Pilot != nil {
				cells[fmt.Sprintf("C%d", row)] = map[bool]string{true: "是", false: "否"}[*u.Pilot]
			}
			cells[fmt.Sprintf("D%d", row)] = strings.Join(u.Aliases, "、")
		}
		var tmpl bytes.Buffer
		if err := RosterTemplate(&tmpl); err != nil {
			t.Fatal(err)
		}
		again, err := ReadRoster("again.xlsx", fill(t, tmpl.Bytes(), map[string]map[string]string{rosterSheet: cells}))
		if err != nil {
			t.Fatalf("written into the template, the roster is refused: %v", err)
		}
		if diff := cmp.Diff(ro.Units, again.Units, cmpopts.IgnoreFields(roster.Unit{}, "Line"), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("units, read and read again (-first +second):\n%s", diff)
		}
	})
}

// reviewSeeds are spot-check workbooks: as written, filled in, cut short.
func reviewSeeds(tb testing.TB) [][]byte {
	rows := []scoring.Sampled{
		{Unit: "金积镇", File: "in/金积镇.xlsx", Sheet: "公文台账", Row: 7, DocNo: "金政发〔2017〕1号", Title: "通知",
			Stratum: scoring.StratumFlagged, Items: []string{"A1", "A2"}, Messages: []string{"超期"}},
		{Unit: "金积镇", File: "in/金积镇.xlsx", Sheet: "公文台账", Row: 9, Title: "=1+1", Stratum: scoring.StratumOther},
		{Unit: "利通区民政局", File: "in/利通区民政局.xlsx", Sheet: "公文台账", Row: 3, DocNo: "民发〔2017〕2号",
			Stratum: scoring.StratumWithheld, Items: []string{"A3"}, Messages: []string{"未说明理由"}},
	}
	var buf bytes.Buffer
	if err := SampleXLSX(&buf, rows, SampleInfo{Seed: 1, PerUnit: 2, Checklist: "litong-2017", Year: 2017}); err != nil {
		tb.Fatal(err)
	}
	filled := fill(tb, buf.Bytes(), map[string]map[string]string{
		sampleSheet: {"L2": "不属实", "M2": "已公开", "N2": "张三", "O2": "2018-01-05", "L4": "部分属实"},
		adjustSheet: {"A2": "金积镇", "B2": "B1", "C2": "2.5", "D2": "材料补正", "A3": "利通区民政局", "B3": "C1", "C3": "１／３", "D3": "x"},
	})
	bad := fill(tb, buf.Bytes(), map[string]map[string]string{
		sampleSheet: {"L2": "不知道", "L3": "不属实"},
		adjustSheet: {"A2": "金积镇", "B2": "B1", "C2": "两分"},
	})
	return [][]byte{buf.Bytes(), filled, bad, filled[:len(filled)/2], []byte("not a zip")}
}

// FuzzReadReview: any bytes are read as a filled-in spot-check workbook or
// refused with a message naming the file, never a panic; every decision
// read passes Check and says which sheet and row it came from.
func FuzzReadReview(f *testing.F) {
	for _, s := range reviewSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ds, err := ReadReview("s.xlsx", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "s.xlsx") {
				t.Fatalf("error does not name the file: %q", err)
			}
			return
		}
		for i := range ds {
			d := &ds[i]
			if err := d.Check(); err != nil {
				t.Fatalf("decision %d read but fails Check: %v", i, err)
			}
			if !strings.HasPrefix(d.Source, "s.xlsx ") {
				t.Fatalf("decision %d: source %q", i, d.Source)
			}
			if (d.Decision == scoring.Adjust) != (d.Score != nil) {
				t.Fatalf("decision %d: %s with score %v", i, d.Decision, d.Score)
			}
		}
	})
}
