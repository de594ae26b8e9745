package workbook

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
)

// TestBadCellIsADataError audits a submission read from CSV with the
// built-in national-2019 checklist: a request whose 收到日期 is
// 「2020年2月30日」 is a 数据错误 of B1 (答复期限), naming the cell and what
// is written in it — not 答复超期, not 应公开未公开, not a veto — and the cell
// is not listed a second time among the data errors of no item.
func TestBadCellIsADataError(t *testing.T) {
	data, err := checklists.EmbeddedYAML("national-2019")
	if err != nil {
		t.Fatal(err)
	}
	c, err := checklists.Load("national-2019.yaml", data, checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "测试局")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"单位信息.csv": "项目,内容\n单位名称,测试局\n单位类型,部门\n",
		"依申请公开台账.csv": "收到日期,申请内容,答复日期,答复结果\n" +
			"2020年2月30日,申请公开采购合同,2020-03-10,予以公开\n" +
			"2020-03-02,申请公开年度预算,2020-03-05,予以公开\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u, err := ReadCSVDir(dir, Options{Schema: c.Schema})
	if err != nil {
		t.Fatal(err)
	}
	ev := audit.NewPlan(c).Evaluate(u, 2020)

	type finding struct {
		Item, Kind, Cell, Zh, En string
		Public                   bool
	}
	var got []finding
	var counts [2]int
	for _, o := range ev.Outcomes {
		for _, f := range o.Findings {
			if f.Table == "requests" {
				got = append(got, finding{f.Item, f.Kind, f.Pos.Cell(), f.Text.Zh, f.Text.En, f.Public})
			}
		}
		if o.Item.ID == "B1" {
			counts = [2]int{o.Applicable, o.Failed}
		}
	}
	want := []finding{{
		Item: "B1", Kind: audit.KindDataError, Cell: "依申请公开台账!A2",
		Zh: "依申请公开台账!A2「收到日期」无法识别的日期「2020年2月30日」：指标B1无法判断这一行，按不符合计；请更正后重新审核",
		En: `依申请公开台账!A2 (收到日期) unrecognised date "2020年2月30日": item B1 cannot judge this row, so it counts as failed; correct the cell and audit again`,
	}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("findings on 依申请公开台账 (-want +got)\n%s", diff)
	}
	// The row counts in B1 and fails it, and the finding says why.
	if diff := cmp.Diff([2]int{2, 1}, counts); diff != "" {
		t.Errorf("B1 applicable, failed (-want +got)\n%s", diff)
	}
	for _, f := range ev.Findings {
		if f.Table == "requests" {
			t.Errorf("the cell is listed again as a data error of no item: %s", f.Text.Zh)
		}
	}
	if ev.Vetoed() {
		t.Error("vetoed")
	}
}

// TestFormFieldsInScope reads fields a checklist adds to the form tables
// 单位信息 and 主动公开情况 and runs rules on them; a unit-level bonus that
// is not earned scores nothing and is no finding.
func TestFormFieldsInScope(t *testing.T) {
	const checklist = `format: zwgk.checklist/v1
id: test-forms
title: 测试
year: 2020
total: 20
performance_weight: 0.04
grades: [{name: 合格, min: 0}]
tables:
  unit:
    fields:
      - {name: officer, header: 信息公开负责人, type: text}
      - {name: trained_on, header: 培训日期, type: date}
  disclosure:
    fields:
      - {name: press_conferences, header: 新闻发布会场次, type: int}
sections:
  - id: A
    title: 甲
    items:
      - id: A1
        title: 明确信息公开负责人
        basis: 一
        points: 10
        method: rate
        check: 'unit.officer != nil && unit.trained_on != nil && unit.trained_on >= period_start'
      - id: A2
        title: 召开新闻发布会
        basis: 二
        points: 10
        method: rate
        table: disclosure
        check: 'press_conferences != nil && press_conferences >= 2'
      - id: G1
        title: 负责人为李四
        basis: 三
        points: 1
        method: bonus
        per: 1
        check: 'unit.officer == "李四"'
`
	c, err := checklists.Load("forms.yaml", []byte(checklist), checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "测试局")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"单位信息.csv":   "项目,内容\n单位名称,测试局\n信息公开负责人,张三\n培训日期,2020年3月2日\n",
		"主动公开情况.csv": "项目,内容\n新闻发布会场次,1\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	u, err := ReadCSVDir(dir, Options{Schema: c.Schema})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(checklists.Row{"name": "测试局", "officer": "张三", "trained_on": day(2020, 3, 2)}, u.Values); diff != "" {
		t.Errorf("单位信息 values (-want +got)\n%s", diff)
	}
	ev := audit.NewPlan(c).Evaluate(u, 2020)
	type outcome struct {
		Applicable, Failed int
		Findings           []string
	}
	got := map[string]outcome{}
	for _, o := range ev.Outcomes {
		oc := outcome{Applicable: o.Applicable, Failed: o.Failed}
		for _, f := range o.Findings {
			oc.Findings = append(oc.Findings, f.Kind+" "+f.Pos.Cell())
		}
		got[o.Item.ID] = oc
	}
	want := map[string]outcome{
		"A1": {1, 0, nil},
		"A2": {1, 1, []string{"召开新闻发布会 主动公开情况!2"}},
		"G1": {1, 1, nil}, // not earned: no finding
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("outcomes (-want +got)\n%s", diff)
	}
}
