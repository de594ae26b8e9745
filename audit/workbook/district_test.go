package workbook

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
)

func districtTable(t *testing.T, name string) *checklists.Table {
	t.Helper()
	tab := checklists.DefaultSchema().Table(name)
	if tab == nil || !tab.District() {
		t.Fatalf("no district table %s", name)
	}
	return tab
}

// TestReadTableCatalogLayouts reads the catalogue in the layouts real CMS
// exports use: 阳江 (gkmlpt: 分类, 成文日期, 文号), 下陆 (文件分类, 所属机构
// beside 发布机构), 宁国 (组配分类, 发文日期, 发布文号, 信息名称), and a
// 生成日期 column; 文号 in normal form, attribute 主动公开 by default.
func TestReadTableCatalogLayouts(t *testing.T) {
	cat := districtTable(t, "catalog")
	yangjiang := writeXLSX(t, "目录.xlsx", sheet{name: "Sheet1", rows: [][]any{
		{"政府信息公开目录导出"},
		{"索引号", "分类", "发布机构", "成文日期", "名称", "文号", "发布日期", "主题词"},
		{"11441700007280420Y/2021-00050", "通知公告", "利通区发展和改革局", "2017-03-01", "关于A的通知", "利发改发〔2017〕015号", "2017-03-03", "发改"},
	}})
	tab, issues, err := ReadTable(yangjiang, cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []*audit.Row{{Line: 3, Values: checklists.Row{
		"index_no": "11441700007280420Y/2021-50", "category": "通知公告", "publisher": "利通区发展和改革局",
		"issued_on": day(2017, 3, 1), "title": "关于A的通知", "doc_no": "利发改发[2017]15号", "published_on": day(2017, 3, 3),
		"attribute": "主动公开"},
		Text: []audit.Written{{Field: "index_no", Text: "11441700007280420Y/2021-00050"}, {Field: "doc_no", Text: "利发改发〔2017〕015号"}}}}
	if diff := cmp.Diff(want, tab.Rows); diff != "" {
		t.Errorf("阳江 rows (-want +got)\n%s", diff)
	}
	if tab.Sheet != "Sheet1" || tab.Columns["doc_no"] != "F" {
		t.Errorf("sheet %q, doc_no column %q", tab.Sheet, tab.Columns["doc_no"])
	}
	for _, is := range issues {
		if is.Kind == audit.DataError {
			t.Errorf("data error %v", is)
		}
	}

	dir := t.TempDir()
	xialu := filepath.Join(dir, "下陆.csv")
	if err := os.WriteFile(xialu, []byte("名称,索引号,发布日期,发布机构,文号,文件分类,所属机构,生成日期\n"+
		"关于B的通知,X-001,2017/5/2,金积镇人民政府,金政发〔2017〕3号,其他,金积镇,2017年4月28日\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tab, _, err = ReadTable(xialu, cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := tab.Rows[0].Values
	if got["publisher"] != "金积镇人民政府" || got["doc_no"] != "金政发[2017]3号" || got["issued_on"] != day(2017, 4, 28) ||
		got["published_on"] != day(2017, 5, 2) || got["category"] != "其他" || got["index_no"] != "X-1" {
		t.Errorf("下陆 row = %v", got)
	}

	ningguo := writeXLSX(t, "宁国.xlsx", sheet{name: "公开目录", rows: [][]any{
		{"索引号", "组配分类", "发布机构", "发文日期", "发布文号", "关键词", "信息来源", "信息名称", "内容概述"},
		{"11341702486344515H/201710-00013", "规划计划", "利通区财政局", "2017-10-09", "利财发[2017]7号", "", "区财政局", "关于C的通知", "…"},
	}})
	tab, _, err = ReadTable(ningguo, cat, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got = tab.Rows[0].Values
	if got["publisher"] != "利通区财政局" || got["doc_no"] != "利财发[2017]7号" || got["issued_on"] != day(2017, 10, 9) || got["title"] != "关于C的通知" {
		t.Errorf("宁国 row = %v", got)
	}
}

func TestReadTableErrors(t *testing.T) {
	cat := districtTable(t, "catalog")
	noHeader := writeXLSX(t, "x.xlsx", sheet{name: "Sheet1", rows: [][]any{{"甲", "乙"}, {"1", "2"}}})
	_, _, err := ReadTable(noHeader, cat, Options{})
	var ue *UnreadableError
	if !errorsAs(err, &ue) {
		t.Fatalf("err = %v, want an UnreadableError", err)
	}
	if _, _, err := ReadTable(t.TempDir(), cat, Options{}); err == nil {
		t.Error("a folder was read as a district table")
	}
	// A bad date is a data error with its cell, the row is kept.
	mon := districtTable(t, "monitoring")
	p := writeXLSX(t, "m.xlsx", sheet{name: "日常监测问题", rows: [][]any{
		{"被检查单位", "发现日期", "问题类型", "问题描述", "网址", "扣分"},
		{"利通区发改局", "2017-13-01", "栏目不更新", "通知公告栏目超过6个月未更新", "http://x", 1},
	}})
	tab, issues, err := ReadTable(p, mon, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(tab.Rows) != 1 || tab.Rows[0].Values["deduction"] != 1.0 {
		t.Errorf("rows = %+v", tab.Rows)
	}
	var cells []string
	for _, is := range issues {
		if is.Kind == audit.DataError {
			cells = append(cells, is.Pos.Cell())
		}
	}
	if diff := cmp.Diff([]string{"日常监测问题!B2"}, cells); diff != "" {
		t.Errorf("data errors (-want +got)\n%s", diff)
	}
}

func errorsAs(err error, target **UnreadableError) bool { return errors.As(err, target) }

// A district table's file found in a folder (政府信息公开目录.csv) is the
// district's evidence, not a unit's submission: skipped without a word.
func TestDiscoverSkipsDistrictTables(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"政府信息公开目录.csv", "日常监测问题.csv", "网站公开目录.xlsx"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	subs, warnings, err := Discover([]string{dir})
	if err != nil || len(subs) != 0 || len(warnings) != 0 {
		t.Errorf("Discover = %v, %v, %v; want nothing", subs, warnings, err)
	}
}

// FuzzReadTable: any CSV text is read as the catalogue or refused with an
// UnreadableError, never a panic; every row read has a 名称 and a 发布机构
// (required) or a data error naming its cell (or its column's absence).
func FuzzReadTable(f *testing.F) {
	f.Add("名称,发布机构,文号,发布日期\n关于A的通知,金积镇,金政发〔2017〕01号,2017-03-08\n")
	f.Add("索引号,分类,发布机构,成文日期,名称,文号,发布日期\nX/2017-001,,利通区财政局,2017年3月1日,B,,\n,,,,,,\n")
	f.Add("甲,乙\n1,2\n")
	cat := checklists.DefaultSchema().Table("catalog")
	f.Fuzz(func(t *testing.T, text string) {
		p := filepath.Join(t.TempDir(), "目录.csv")
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		tab, issues, err := ReadTable(p, cat, Options{})
		if err != nil {
			var ue *UnreadableError
			if !errors.As(err, &ue) {
				t.Fatalf("error %v (%T) is not an UnreadableError", err, err)
			}
			return
		}
		bad := map[int]bool{}
		missing := false // a 缺少必填列 error on the header row
		for _, is := range issues {
			if is.Kind == audit.DataError {
				bad[is.Pos.Row] = true
				missing = missing || is.Field == ""
			}
		}
		for _, r := range tab.Rows {
			if _, ok := r.Values["title"]; !ok && !bad[r.Line] && !missing {
				t.Fatalf("row %d has no 名称 and no data error", r.Line)
			}
		}
	})
}
