package forms

import (
	"bytes"
	"math/big"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/roster"
)

func litong(t testing.TB) *checklists.Checklist {
	t.Helper()
	c, err := checklists.LoadEmbedded("litong-2017", checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func itemsOf(c *checklists.Checklist, ids ...string) []*checklists.Item {
	var out []*checklists.Item
	for _, it := range c.Items() {
		for _, id := range ids {
			if it.ID == id {
				out = append(out, it)
			}
		}
	}
	return out
}

func scoresTemplate(t testing.TB, c *checklists.Checklist) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := ScoresTemplate(&buf, itemsOf(c, "C1", "E1"), []string{"金积镇", "利通区发展和改革局"}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var scoresRoster = &roster.Roster{Units: []*roster.Unit{{Name: "金积镇"}, {Name: "利通区发展和改革局", Aliases: []string{"区发改局"}}}}

// The template has a row per unit × item with 指标 and 分值 filled in, 得分
// validated against the row's 分值, and reads back, filled in, as the scores.
func TestScoresRoundTrip(t *testing.T) {
	c := litong(t)
	data := scoresTemplate(t, c)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows(scoresSheet)
	want := [][]string{
		{"单位", "指标编号", "指标", "分值", "得分", "扣分理由", "评分人", "评分日期"},
		{"金积镇", "C1", "落实政府网站开办、建设、运维责任，健全日常管理机制，推进集约化建设", "3"},
		{"金积镇", "E1", "落实涉事责任部门舆情收集和回应责任，研判处置及时、回应有效", "6"},
		{"利通区发展和改革局", "C1", "落实政府网站开办、建设、运维责任，健全日常管理机制，推进集约化建设", "3"},
		{"利通区发展和改革局", "E1", "落实涉事责任部门舆情收集和回应责任，研判处置及时、回应有效", "6"},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("template rows (-want +got)\n%s", diff)
	}
	dvs, _ := f.GetDataValidations(scoresSheet)
	var score string
	for _, dv := range dvs {
		if dv.Sqref == "E2:E5" {
			score = dv.Type + " " + dv.Operator + " " + dv.Formula1 + " " + dv.Formula2
		}
	}
	if score != "decimal between 0 $D2" {
		t.Errorf("得分 validation = %q", score)
	}
	f.Close()

	filled := fill(t, data, map[string]map[string]string{scoresSheet: {
		"E2": "3", "G2": "李评", "H2": "2018-01-10",
		"E3": "4.5", "F3": "舆情回应滞后一次", "G3": "李评", "H3": "2018-01-10",
		"A5": "区发改局", "E5": "6",
	}})
	got, err := ReadScores("评分表.xlsx", filled, c, scoresRoster)
	if err != nil {
		t.Fatal(err)
	}
	r := func(s string) *big.Rat { v, _ := new(big.Rat).SetString(s); return v }
	wantScores := []Score{
		{Unit: "金积镇", Item: "C1", Score: r("3"), By: "李评", On: "2018-01-10", Source: "评分表.xlsx 评估打分!2"},
		{Unit: "金积镇", Item: "E1", Score: r("9/2"), Reason: "舆情回应滞后一次", By: "李评", On: "2018-01-10", Source: "评分表.xlsx 评估打分!3"},
		{Unit: "利通区发展和改革局", Item: "E1", Score: r("6"), Source: "评分表.xlsx 评估打分!5"},
	}
	if diff := cmp.Diff(wantScores, got.Entries, cmp.Comparer(func(a, b *big.Rat) bool { return a.Cmp(b) == 0 })); diff != "" {
		t.Errorf("scores (-want +got)\n%s", diff)
	}
	ds := got.Decisions(nil)
	if len(ds) != 3 || ds[1].Decision != scoring.Adjust || ds[1].Reason != "舆情回应滞后一次" || ds[1].By != "李评" {
		t.Errorf("decisions = %+v", ds)
	}
	for _, d := range ds {
		if err := d.Check(); err != nil {
			t.Errorf("decision %+v: %v", d, err)
		}
	}
	if n := len(got.Decisions(func(id string) bool { return id == "E1" })); n != 1 {
		t.Errorf("%d adjustments besides the evaluator item E1, want 1", n)
	}
}

// Every mistake names the sheet, row and column, all of them together.
func TestScoresErrors(t *testing.T) {
	c := litong(t)
	data := scoresTemplate(t, c)
	bad := fill(t, data, map[string]map[string]string{scoresSheet: {
		"E2": "3.5",                          // over 3
		"E3": "4",                            // below 6, no reason
		"A4": "利通区档案局", "E4": "1", "F4": "x", // not on the roster
		"B5": "Z9", "E5": "1", "F5": "x", // no such item
		"A6": "金积镇", "B6": "C1", "E6": "两分", // not a number
		"A7": "金积镇", "B7": "E1", "E7": "6", // E1 for 金积镇 again (row 3 is in error, so row 7 stands)
		"A8": "金积镇", "B8": "E1", "E8": "6", // … and again
	}})
	_, err := ReadScores("评分表.xlsx", bad, c, scoresRoster)
	if err == nil {
		t.Fatal("no error")
	}
	got := strings.Split(msg.Local(err, msg.ZH), "\n")
	want := []string{
		"评分表.xlsx 评估打分!E2: 得分「3.5」超出 0–3.00",
		"评分表.xlsx 评估打分!F3: 得分 4 低于分值 6.00，须写明扣分理由",
		"评分表.xlsx 评估打分!A4: 单位「利通区档案局」不在名单中",
		"评分表.xlsx 评估打分!B5: 指标体系中没有指标「Z9」",
		"评分表.xlsx 评估打分!E6: 得分「两分」不是数字",
		"评分表.xlsx 评估打分!E8: 单位「金积镇」的指标「E1」已在 评分表.xlsx 评估打分!7 评过分",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got)\n%s", diff)
	}
}

// FuzzReadScores: any bytes are read as a filled-in score sheet or refused
// with a message naming the file, never a panic; every score read is
// within its item's points and has a reason below them.
func FuzzReadScores(f *testing.F) {
	c := litong(f)
	data := scoresTemplate(f, c)
	f.Add(data)
	f.Add(fill(f, data, map[string]map[string]string{scoresSheet: {"E2": "3", "E3": "1", "F3": "y"}}))
	f.Add(data[:len(data)/2])
	f.Fuzz(func(t *testing.T, b []byte) {
		s, err := ReadScores("s.xlsx", b, c, nil)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "s.xlsx") {
				t.Fatalf("error does not name the file: %q", err)
			}
			return
		}
		items := map[string]*checklists.Item{}
		for _, it := range c.Items() {
			items[it.ID] = it
		}
		for _, e := range s.Entries {
			it := items[e.Item]
			if it == nil || e.Score.Sign() < 0 || e.Score.Cmp(it.Points) > 0 || (e.Score.Cmp(it.Points) < 0 && e.Reason == "") {
				t.Fatalf("entry %+v read", e)
			}
		}
	})
}
