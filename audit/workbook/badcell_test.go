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
