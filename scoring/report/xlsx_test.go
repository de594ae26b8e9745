package report

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

var xlsxOut = flag.String("xlsx.out", "", "write a sample district report to this file (for looking at it)")

func f64(v float64) *float64 { return &v }

const hyperlinkTitle = `=HYPERLINK("x")`

// xlsxChecklist is a small checklist with every method.
func xlsxChecklist() scoring.ChecklistInfo {
	return scoring.ChecklistInfo{
		ID: "litong-2017", Title: "利通区政务公开工作年度评估指标", Total: 100, PerformanceWeight: 0.04,
		Grades: []scoring.GradeInfo{{Name: "优秀", Min: 90}, {Name: "良好", Min: 80}, {Name: "合格", Min: 60}, {Name: "不合格", Min: 0}},
		Sections: []scoring.SectionInfo{
			{ID: "A", Title: "五公开", Points: 13, Items: []scoring.ItemInfo{
				{ID: "A1", Title: "公文拟制时明确公开属性（主动公开、依申请公开、不予公开、脱密后公开）", Basis: "一(一)", Method: "deduct", Points: 3},
				{ID: "A2", Title: "涉及公民权利义务的政策性文件印发后5个工作日内公开", Basis: "一(一)", Method: "rate", Points: 10},
			}},
			{ID: "F", Title: "组织保障", Points: 5, Items: []scoring.ItemInfo{
				{ID: "F1", Title: "明确分管领导和工作机构", Basis: "六(一)", Method: "self", Points: 5},
				{ID: "F5", Title: "发生泄密事件", Basis: "六(五)", Method: "veto", Points: 0},
			}},
			{ID: "G", Title: "加分项", Points: 0, Items: []scoring.ItemInfo{
				{ID: "G1", Title: "工作经验被上级推广", Basis: "七", Method: "bonus", Points: 2},
			}},
		},
	}
}

// xlsxItems are a unit's item results over xlsxChecklist.
func xlsxItems(a1, a2 float64, vetoed bool) []scoring.ItemResult {
	failed := 0
	if vetoed {
		failed = 1
	}
	return []scoring.ItemResult{
		{ID: "A1", Title: "公文拟制时明确公开属性（主动公开、依申请公开、不予公开、脱密后公开）", Section: "A", Basis: "一(一)", Method: "deduct",
			Points: 3, Per: 1, Score: a1, Applicable: 12, Failed: int(3 - a1), SelfScore: f64(3)},
		{ID: "A2", Title: "涉及公民权利义务的政策性文件印发后5个工作日内公开", Section: "A", Basis: "一(一)", Method: "rate",
			Points: 10, Score: a2, Applicable: 10, Failed: int(10 - a2), SelfScore: f64(10)},
		{ID: "F1", Title: "明确分管领导和工作机构", Section: "F", Basis: "六(一)", Method: "self", Points: 5, Score: 5, SelfScore: f64(5)},
		{ID: "F5", Title: "发生泄密事件", Section: "F", Basis: "六(五)", Method: "veto", Applicable: 1, Failed: failed},
		{ID: "G1", Title: "工作经验被上级推广", Section: "G", Basis: "七", Method: "bonus", Points: 2, Per: 1, Score: 0, NA: true, NAReason: "无相关材料"},
	}
}

func xlsxSections(a, f float64) []scoring.SectionResult {
	return []scoring.SectionResult{{ID: "A", Title: "五公开", Points: 13, Score: a}, {ID: "F", Title: "组织保障", Points: 5, Score: f}, {ID: "G", Title: "加分项"}}
}

// xlsxResult is a district result: a unit with findings, a unit with a
// hostile name, a vetoed unit, a missing one and an unreadable one.
func xlsxResult() *scoring.Result {
	doc := func(item string, public bool, row int, docNo, title, message string) scoring.FindingResult {
		return scoring.FindingResult{Item: item, Kind: "公开不及时", Public: public, Table: "documents", File: "submissions/金积镇.xlsx",
			Sheet: "公文台账", Row: row, Col: "F", DocNo: docNo, Title: title, Message: message}
	}
	jinji := &scoring.UnitResult{Name: "金积镇", Type: "乡镇", Source: "submissions/金积镇.xlsx", Status: scoring.StatusOK,
		Score: 95.5, Grade: "优秀", Rank: 1, PerformancePoints: 3.82, SelfScore: f64(98),
		Sections: xlsxSections(8, 5), Items: xlsxItems(1, 7, false),
		Findings: []scoring.FindingResult{
			doc("A1", true, 7, "金政发〔2017〕1号", "关于印发金积镇2017年政务公开工作要点的通知", "印发后第8个工作日公开，超过5个工作日"),
			doc("A1", true, 9, "金政发〔2017〕3号", hyperlinkTitle, "印发后第9个工作日公开，超过5个工作日"),
			doc("A2", false, 3, "金政办发〔2017〕2号", "内部通知", "未标注公开属性"),
			{Item: "A1", Kind: "公开不及时", Public: true, Table: "documents", File: "submissions/金积镇.xlsx", Sheet: "公文台账", Row: 11,
				DocNo: "金政发〔2017〕5号", Title: "已撤销的问题", Message: "印发后第7个工作日公开",
				Review: &scoring.Review{Decision: scoring.Dismiss, Reason: "台账日期填写有误", By: "张三", On: "2017-12-28"}},
			{Kind: "数据错误", Table: "documents", File: "submissions/金积镇.xlsx", Sheet: "公文台账", Row: 12, Col: "D", Message: "公文台账!D12：不是日期"},
		},
		Adjustments: []scoring.AdjustmentNote{{Item: "A2", From: 8, To: 7, Reason: "抽查发现未公开", By: "李四", On: "2017-12-28", Decision: scoring.Adjust}},
	}
	jinji.Items[1].Computed = f64(8)
	hostile := &scoring.UnitResult{Name: "../../x[1]", Type: "部门", Source: "submissions/x.xlsx", Status: scoring.StatusOK,
		Score: 82, Grade: "良好", Rank: 2, PerformancePoints: 3.28,
		Sections: xlsxSections(10, 5), Items: xlsxItems(3, 7, false),
		Findings: []scoring.FindingResult{{Item: "A2", Kind: "公开不及时", Public: true, Table: "documents", File: "submissions/x.xlsx",
			Sheet: "公文台账", Row: 4, DocNo: "x发〔2017〕4号", Title: "+SUM(1,2)", Message: "@未公开"}},
	}
	vetoed := &scoring.UnitResult{Name: "利通区民政局", Type: "部门", Source: "submissions/民政局.xlsx", Status: scoring.StatusOK,
		Score: 88, Grade: "不合格", Rank: 3, Vetoed: true, PerformancePoints: 3.52, SelfScore: f64(90),
		Sections: xlsxSections(13, 5), Items: xlsxItems(3, 10, true),
		Findings: []scoring.FindingResult{{Item: "F5", Kind: "发生泄密事件", Table: "documents", File: "submissions/民政局.xlsx",
			Sheet: "公文台账", Row: 5, DocNo: "民发〔2017〕9号", Title: "涉密文件", Message: "涉密文件在网站公开"}},
		Roster: &scoring.RosterNote{Name: "利通区民政局", MatchedBy: "alias", Disagreements: []string{"报送表中单位类型为「乡镇」，名册为「部门」"}},
	}
	missing := &scoring.UnitResult{Name: "扁担沟镇", Type: "乡镇", Status: scoring.StatusMissing, Grade: "不合格", Rank: 4,
		Sections: []scoring.SectionResult{}, Items: []scoring.ItemResult{}, Findings: []scoring.FindingResult{}}
	broken := &scoring.UnitResult{Name: "", Source: "submissions/统计局.xls", Status: scoring.StatusError, Grade: "不合格", Rank: 4,
		Message: "这是旧版 .xls 文件，请另存为 .xlsx", Sections: []scoring.SectionResult{}, Items: []scoring.ItemResult{}, Findings: []scoring.FindingResult{}}
	return &scoring.Result{
		Format: scoring.FormatV1, Checklist: xlsxChecklist(), Year: 2017,
		Units:     []*scoring.UnitResult{jinji, hostile, vetoed, missing, broken},
		Missing:   []string{"扁担沟镇"},
		Errors:    []scoring.ErrorEntry{{File: "submissions/统计局.xls", Message: "这是旧版 .xls 文件，请另存为 .xlsx"}},
		Warnings:  []string{"工作日历「cn-nx」缺少2017年的地方节假日安排"},
		Decisions: []*scoring.DecisionNote{{Unit: "金积镇", Item: "A1", Row: 11, Decision: scoring.Dismiss, Applied: true, Source: "review.yaml"}},
	}
}

var xlsxTestOpts = XLSXOptions{Lang: msg.ZH, Generated: "2026-11-25 由 zwgk v0.1.0 生成", Tool: "zwgk v0.1.0"}

func writeXLSX(t testing.TB, res *scoring.Result, opts XLSXOptions) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := XLSX(&buf, res, opts); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func openXLSX(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func rows(t testing.TB, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rs, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// zipParts reads the parts of an xlsx archive.
func zipParts(t testing.TB, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[zf.Name] = string(b)
	}
	return parts
}

// findRow returns the last row of rs whose cell in column col is v.
func findRow(t testing.TB, rs [][]string, col int, v string) []string {
	t.Helper()
	for _, r := range slices.Backward(rs) {
		if len(r) > col && r[col] == v {
			return r
		}
	}
	t.Fatalf("no row with %q in column %d", v, col)
	return nil
}

func cell(r []string, i int) string {
	if i < len(r) {
		return r[i]
	}
	return ""
}

func TestXLSXDistrict(t *testing.T) {
	data := writeXLSX(t, xlsxResult(), xlsxTestOpts)
	f := openXLSX(t, data)

	wantSheets := []string{"汇总", "指标得分", "应公开未公开清单", "全部问题清单", "复核记录", "金积镇", ".._.._x_1_", "利通区民政局"}
	if diff := cmp.Diff(wantSheets, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}

	sum := rows(t, f, "汇总")
	head := []string{"排名", "单位", "类型", "得分", "等级", "效能考核折算分（权重4%）", "自评分", "自评与核定差值",
		"应公开未公开问题数", "公开不及时问题数", "问题总数", "状态", "备注"}
	wantTop := [][]string{
		{"利通区政务公开工作年度评估结果（2017年度）"},
		{"指标体系：利通区政务公开工作年度评估指标（litong-2017）"},
		{"评估年度：2017年度　　满分：100分　　效能考核权重：4%"},
		{"生成：2026-11-25 由 zwgk v0.1.0 生成\u3000\u3000已复核（复核决定 1 条，生效 1 条）"},
		nil,
		head,
		{"1", "金积镇", "乡镇", "95.5", "优秀", "3.82", "98", "2.5", "0", "2", "4", "已报送"},
		{"2", "../../x[1]", "部门", "82", "良好", "3.28", "", "", "0", "1", "1", "已报送"},
		{"3", "利通区民政局", "部门", "88", "不合格", "3.52", "90", "2", "0", "0", "1", "已报送",
			"一票否决；报送表中单位类型为「乡镇」，名册为「部门」"},
		{"4", "扁担沟镇", "乡镇", "0", "不合格", "0", "", "", "0", "0", "0", "未报送"},
		nil, // the unreadable submission is not in the ranking: it is listed below with its reason
	}
	if diff := cmp.Diff(wantTop, sum[:len(wantTop)]); diff != "" {
		t.Errorf("汇总 rows 1–11 (-want +got):\n%s", diff)
	}
	// Averages of the scored units by type, computed values.
	for _, want := range [][]string{
		{"", "乡镇平均", "1", "95.5", "3.82", "98"},
		{"", "部门平均", "2", "85", "3.4", "90"},
		{"", "全部平均", "3", "88.5", "3.54", "94"},
		{"", "已报送", "3"}, {"", "未报送", "1"}, {"", "读取失败", "1"}, {"", "一票否决", "1"},
		{"", "应公开未公开问题", "0"}, {"", "公开不及时问题", "3"},
		{"", "submissions/统计局.xls", "这是旧版 .xls 文件，请另存为 .xlsx"},
	} {
		if diff := cmp.Diff(want, findRow(t, sum, 1, want[1])); diff != "" {
			t.Errorf("汇总 row %s (-want +got):\n%s", want[1], diff)
		}
	}

	// The grade colours: one rule per grade of the checklist.
	cf, err := f.GetConditionalFormats("汇总")
	if err != nil {
		t.Fatal(err)
	}
	var grades []string
	for _, r := range cf["E7:E10"] {
		grades = append(grades, r.Type+" "+r.Criteria+" "+r.Value)
	}
	if diff := cmp.Diff([]string{`cell equal to "优秀"`, `cell equal to "良好"`, `cell equal to "合格"`, `cell equal to "不合格"`}, grades); diff != "" {
		t.Errorf("grade formats on 汇总 (-want +got):\n%s", diff)
	}

	parts := zipParts(t, data)
	chart, ok := parts["xl/charts/chart1.xml"]
	if !ok {
		t.Fatal("no chart in the workbook")
	}
	for _, ref := range []string{"<f>&#39;汇总&#39;!$D$6</f>", "<f>&#39;汇总&#39;!$B$7:$B$9</f>", "<f>&#39;汇总&#39;!$D$7:$D$9</f>",
		`<barDir val="bar">`, `<grouping val="clustered">`} {
		if !strings.Contains(chart, ref) {
			t.Errorf("chart does not contain %s", ref)
		}
	}
	for name, p := range parts {
		if strings.HasPrefix(name, "xl/worksheets/") && (strings.Contains(p, "<f>") || strings.Contains(p, "<f ") || strings.Contains(p, "hyperlink")) {
			t.Errorf("%s holds a formula or a hyperlink", name)
		}
	}

	// The item matrix.
	mx := rows(t, f, "指标得分")
	if diff := cmp.Diff([]string{"排名", "单位", "A 五公开（13分）", "", "", "F 组织保障（5分）", "", "", "G 加分项", "总分", "等级"}, mx[0]); diff != "" {
		t.Errorf("指标得分 row 1 (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"", "", "A1", "A2", "小计", "F1", "F5", "小计", "G1"}, mx[1]); diff != "" {
		t.Errorf("指标得分 row 2 (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"满分", "", "3", "10", "13", "5", "否决项", "5", "2", "100"}, mx[3]); diff != "" {
		t.Errorf("指标得分 row 4 (-want +got):\n%s", diff)
	}
	wantMatrix := [][]string{
		{"1", "金积镇", "1", "7", "8", "5", "—", "5", "0", "95.5", "优秀"},
		{"2", "../../x[1]", "3", "7", "10", "5", "—", "5", "0", "82", "良好"},
		{"3", "利通区民政局", "3", "10", "13", "5", "否决", "5", "0", "88", "不合格"},
	}
	if diff := cmp.Diff(wantMatrix, mx[4:]); diff != "" {
		t.Errorf("指标得分 units (-want +got):\n%s", diff)
	}
	merges, err := f.GetMergeCells("指标得分")
	if err != nil {
		t.Fatal(err)
	}
	var mergedRanges []string
	for _, m := range merges {
		mergedRanges = append(mergedRanges, m.GetStartAxis()+":"+m.GetEndAxis()+"="+m.GetCellValue())
	}
	slices.Sort(mergedRanges)
	wantMerged := []string{"A1:A3=排名", "A4:B4=满分", "B1:B3=单位", "C1:E1=A 五公开（13分）", "E2:E3=小计", "F1:H1=F 组织保障（5分）",
		"H2:H3=小计", "J1:J3=总分", "K1:K4=等级"}
	if diff := cmp.Diff(wantMerged, mergedRanges); diff != "" {
		t.Errorf("指标得分 merged header cells (-want +got):\n%s", diff)
	}
	mcf, err := f.GetConditionalFormats("指标得分")
	if err != nil {
		t.Fatal(err)
	}
	if r := mcf["C5:C7"]; len(r) != 1 || r[0].Criteria != "less than" || r[0].Value != "1.8" {
		t.Errorf("low-score format on A1 = %+v, want cell < 1.8", r)
	}
	if _, ok := mcf["G5:G7"]; ok {
		t.Errorf("a veto item has a low-score format")
	}

	// The finding lists.
	pub := rows(t, f, "应公开未公开清单")
	if diff := cmp.Diff([]string{"序号", "单位", "文号", "标题", "问题", "问题说明", "指标", "依据条款", "来源文件", "工作表", "行号", "复核"}, pub[0]); diff != "" {
		t.Errorf("应公开未公开清单 header (-want +got):\n%s", diff)
	}
	if len(pub) != 5 {
		t.Errorf("应公开未公开清单 has %d rows, want 1 + 4", len(pub))
	}
	if diff := cmp.Diff([]string{"3", "金积镇", "金政发〔2017〕5号", "已撤销的问题", "公开不及时", "印发后第7个工作日公开",
		"A1", "一(一)", "submissions/金积镇.xlsx", "公文台账", "11",
		"已排除：台账日期填写有误（张三，2017-12-28）"}, pub[3]); diff != "" {
		t.Errorf("应公开未公开清单 row 4 (-want +got):\n%s", diff)
	}
	all := rows(t, f, "全部问题清单")
	if diff := cmp.Diff([]string{"序号", "单位", "问题类型", "应公开未公开", "文号", "标题", "问题说明", "指标", "依据条款", "来源文件", "工作表", "行号", "复核"}, all[0]); diff != "" {
		t.Errorf("全部问题清单 header (-want +got):\n%s", diff)
	}
	if len(all) != 8 {
		t.Errorf("全部问题清单 has %d rows, want 1 + 7", len(all))
	}
	// The autofilters cover the rows, counted without reading findings.
	for part, want := range map[string]string{"xl/worksheets/sheet3.xml": `<autoFilter ref="$A$1:$L$5"`, "xl/worksheets/sheet4.xml": `<autoFilter ref="$A$1:$M$8"`} {
		if !strings.Contains(parts[part], want) {
			t.Errorf("%s has no %s", part, want)
		}
	}
	// Unit text that looks like a formula stays text.
	for _, c := range []struct{ sheet, cell, want string }{
		{"应公开未公开清单", "D3", hyperlinkTitle},
		{"全部问题清单", "F3", hyperlinkTitle},
		{"全部问题清单", "F7", "+SUM(1,2)"},
		{"全部问题清单", "G7", "@未公开"},
		{"汇总", "B8", "../../x[1]"},
	} {
		v, _ := f.GetCellValue(c.sheet, c.cell)
		formula, _ := f.GetCellFormula(c.sheet, c.cell)
		typ, _ := f.GetCellType(c.sheet, c.cell)
		if v != c.want || formula != "" || (typ != excelize.CellTypeInlineString && typ != excelize.CellTypeSharedString) {
			t.Errorf("%s!%s = %q (formula %q, type %v), want the text %q", c.sheet, c.cell, v, formula, typ, c.want)
		}
	}
	names := f.GetDefinedName()
	var filters, titles []string
	for _, d := range names {
		switch d.Name {
		case "_xlnm._FilterDatabase":
			filters = append(filters, d.RefersTo)
		case "_xlnm.Print_Titles":
			titles = append(titles, d.RefersTo)
		}
	}
	slices.Sort(filters)
	slices.Sort(titles)
	if diff := cmp.Diff([]string{"'全部问题清单'!$A$1:$M$8", "'复核记录'!$A$1:$K$2", "'应公开未公开清单'!$A$1:$L$5", "'汇总'!$A$6:$M$10"}, filters); diff != "" {
		t.Errorf("autofilters (-want +got):\n%s", diff)
	}
	if len(titles) != len(wantSheets) {
		t.Errorf("print titles on %d sheets, want %d: %v", len(titles), len(wantSheets), titles)
	}

	// A unit's ledger.
	led := rows(t, f, "金积镇")
	if diff := cmp.Diff([]string{"编号", "指标", "依据", "计分方法", "分值", "适用条数", "不符合条数", "每条扣分/加分", "扣分明细",
		"不适用说明", "自评分", "复核调整", "得分"}, led[3]); diff != "" {
		t.Errorf("ledger header (-want +got):\n%s", diff)
	}
	for _, want := range [][]string{
		{"A", "五公开", "", "", "13", "", "", "", "", "", "", "", "8"},
		{"A1", "公文拟制时明确公开属性（主动公开、依申请公开、不予公开、脱密后公开）", "一(一)", "扣分", "3", "12", "2", "1",
			"公文台账第7、9行；公文台账复核排除第11行", "", "3", "", "1"},
		{"A2", "涉及公民权利义务的政策性文件印发后5个工作日内公开", "一(一)", "比例计分", "10", "10", "3", "",
			"公文台账第3行", "", "10", "由8分调整为7分：抽查发现未公开（李四，2017-12-28）", "7"},
		{"F1", "明确分管领导和工作机构", "六(一)", "自评", "5", "", "", "", "", "", "5", "", "5"},
		{"G", "加分项"}, // bonus points count in the total, not in their section
		{"G1", "工作经验被上级推广", "七", "加分", "2", "0", "0", "1", "", "无相关材料", "", "", "0"},
		{"合计", "", "", "", "100", "", "", "", "", "", "98", "", "95.5"},
		{"等级", "", "", "", "", "", "", "", "", "", "", "", "优秀"},
		{"效能考核折算分（权重4%）", "", "", "", "", "", "", "", "", "", "", "", "3.82"},
		{"一票否决", "", "", "", "", "", "", "", "", "", "", "", "否"},
	} {
		if diff := cmp.Diff(want, findRow(t, led, 0, want[0])); diff != "" {
			t.Errorf("ledger row %s (-want +got):\n%s", want[0], diff)
		}
	}
	if got := cell(findRow(t, rows(t, f, "利通区民政局"), 0, "一票否决"), 12); got != "是" {
		t.Errorf("vetoed unit's ledger says 一票否决 %q", got)
	}
}

func TestXLSXUnitWorkbook(t *testing.T) {
	res := xlsxResult()
	res.Units = res.Units[:1]
	res.Missing, res.Errors, res.Decisions = []string{}, []scoring.ErrorEntry{}, nil
	data := writeXLSX(t, res, xlsxTestOpts)
	f := openXLSX(t, data)
	if diff := cmp.Diff([]string{"计分明细", "问题清单", "应公开未公开清单", "整改清单"}, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	led := rows(t, f, "计分明细")
	if diff := cmp.Diff([][]string{
		{"金积镇 利通区政务公开工作年度评估结果（2017年度）"},
		{"指标体系：利通区政务公开工作年度评估指标（litong-2017）"},
		{"评估年度：2017年度　　满分：100分　　效能考核权重：4%"},
		{"类型：乡镇　　来源文件：submissions/金积镇.xlsx　　得分：95.50　　等级：优秀"},
		{"生成：2026-11-25 由 zwgk v0.1.0 生成"},
		nil,
	}, led[:6]); diff != "" {
		t.Errorf("计分明细 header block (-want +got):\n%s", diff)
	}
	if got := cell(findRow(t, led, 0, "合计"), 12); got != "95.5" {
		t.Errorf("计分明细 total = %q", got)
	}
	if got := len(rows(t, f, "问题清单")); got != 6 {
		t.Errorf("问题清单 has %d rows, want 1 + 5", got)
	}
	if got := len(rows(t, f, "应公开未公开清单")); got != 4 {
		t.Errorf("应公开未公开清单 has %d rows, want 1 + 3", got)
	}
	rect := rows(t, f, "整改清单")
	wantHead := []string{"序号", "单位", "问题类型", "应公开未公开", "文号", "标题", "问题说明", "指标", "依据条款", "来源文件", "工作表", "行号", "复核",
		"整改措施", "责任人", "整改时限", "整改状态"}
	if diff := cmp.Diff(wantHead, rect[0]); diff != "" {
		t.Errorf("整改清单 header (-want +got):\n%s", diff)
	}
	if len(rect) != 6 {
		t.Errorf("整改清单 has %d rows, want 1 + 5", len(rect))
	}
	dvs, err := f.GetDataValidations("整改清单")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, dv := range dvs {
		got = append(got, dv.Sqref+" "+dv.Type+" "+dv.Formula1)
	}
	if diff := cmp.Diff([]string{`Q2:Q1048576 list "未整改,整改中,已整改"`, "P2:P1048576 date 1"}, got); diff != "" {
		t.Errorf("整改清单 validations (-want +got):\n%s", diff)
	}
	formula, _ := f.GetCellFormula("整改清单", "F3")
	if v, _ := f.GetCellValue("整改清单", "F3"); v != hyperlinkTitle || formula != "" {
		t.Errorf("整改清单!F3 = %q with formula %q, want the text %q", v, formula, hyperlinkTitle)
	}
	if _, ok := zipParts(t, data)["xl/charts/chart1.xml"]; ok {
		t.Errorf("the unit workbook has a chart")
	}
}

// A result whose only unit could not be read, or without units, is a
// district report, not a unit workbook.
func TestXLSXNoScoredUnit(t *testing.T) {
	for _, units := range []int{0, 1} {
		res := xlsxResult()
		res.Units = res.Units[len(res.Units)-units:]
		f := openXLSX(t, writeXLSX(t, res, xlsxTestOpts))
		if diff := cmp.Diff([]string{"汇总", "指标得分", "应公开未公开清单", "全部问题清单", "复核记录"}, f.GetSheetList()); diff != "" {
			t.Errorf("%d units: sheets (-want +got):\n%s", units, diff)
		}
	}
}

func TestXLSXEnglish(t *testing.T) {
	f := openXLSX(t, writeXLSX(t, xlsxResult(), XLSXOptions{Lang: msg.EN, Generated: "2026-11-25 by zwgk v0.1.0"}))
	want := []string{"Summary", "Item scores", "Should be public", "All findings", "Review decisions", "金积镇", ".._.._x_1_", "利通区民政局"}
	if diff := cmp.Diff(want, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	if v, _ := f.GetCellValue("Summary", "F6"); v != "Performance points (weight 4%)" {
		t.Errorf("Summary!F6 = %q", v)
	}
	if v, _ := f.GetCellValue("Summary", "L7"); v != "submitted" {
		t.Errorf("Summary!L7 = %q", v)
	}
}

// dumpXLSX renders every sheet's cells as text, in sheet order.
func dumpXLSX(t testing.TB, data []byte) string {
	f := openXLSX(t, data)
	var sb strings.Builder
	for _, s := range f.GetSheetList() {
		fmt.Fprintf(&sb, "== %s\n", s)
		for _, r := range rows(t, f, s) {
			fmt.Fprintf(&sb, "%q\n", r)
		}
	}
	return sb.String()
}

func TestXLSXDeterministic(t *testing.T) {
	a := dumpXLSX(t, writeXLSX(t, xlsxResult(), xlsxTestOpts))
	b := dumpXLSX(t, writeXLSX(t, xlsxResult(), xlsxTestOpts))
	if a != b {
		t.Errorf("two writes of the same result differ:\n%s", cmp.Diff(a, b))
	}
}

func TestSheetName(t *testing.T) {
	long := strings.Repeat("宁夏回族自治区吴忠市利通区", 3)
	tests := []struct {
		name  string
		taken []string
		in    string
		want  string
	}{
		{"plain", nil, "金积镇", "金积镇"},
		{"path", nil, "../../x[1]", ".._.._x_1_"},
		{"every forbidden character", nil, `a[b]c:d*e?f/g\h`, "a_b_c_d_e_f_g_h"},
		{"control characters", nil, "a\tb\x00c", "a_b_c"},
		{"apostrophes at the ends", nil, "'quoted'", "quoted"},
		{"blank", nil, "  ", "单位"},
		{"only apostrophes", nil, "''", "单位"},
		{"reserved", nil, "History", "History~2"},
		{"reserved in any case", nil, "HISTORY", "HISTORY~2"},
		{"taken", []string{"汇总"}, "汇总", "汇总~2"},
		{"taken in another case", []string{"abc"}, "ABC", "ABC~2"},
		{"taken twice", []string{"a_b", "a_b~2"}, "a:b", "a_b~3"},
		{"long", nil, long, string([]rune(long)[:31])},
		{"long and taken", []string{string([]rune(long)[:31])}, long, string([]rune(long)[:29]) + "~2"},
		{"surrogate pair at the cut", nil, strings.Repeat("a", 30) + "😀", strings.Repeat("a", 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &book{names: xlsx.NewNames(tt.taken...)}
			if got := b.sheetName(tt.in); got != tt.want {
				t.Errorf("sheetName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// Two units whose names sanitize alike get distinct sheets.
func TestXLSXUniqueSheets(t *testing.T) {
	res := xlsxResult()
	twin := *res.Units[1]
	twin.Name, twin.Rank = "../../X]1[", 2
	other := *res.Units[0]
	other.Name = "汇总"
	res.Units = append([]*scoring.UnitResult{res.Units[0], res.Units[1], &twin, &other}, res.Units[2:]...)
	f := openXLSX(t, writeXLSX(t, res, xlsxTestOpts))
	want := []string{"汇总", "指标得分", "应公开未公开清单", "全部问题清单", "复核记录", "金积镇", ".._.._x_1_", ".._.._X_1_~2", "汇总~2", "利通区民政局"}
	if diff := cmp.Diff(want, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
}

func TestFailingRowsCap(t *testing.T) {
	b := &book{l: msg.ZH}
	var fs []*scoring.FindingResult
	for i := range 20000 {
		fs = append(fs, &scoring.FindingResult{Item: "A1", Sheet: "公文台账", Row: 100000 + i})
	}
	got := b.failingRows(fs)
	if n := len([]rune(got)); n > 32767 {
		t.Errorf("failing rows text has %d characters, over Excel's limit", n)
	}
	if !strings.HasPrefix(got, "公文台账第100000、100001、") || !strings.HasSuffix(got, "行未列出）") {
		t.Errorf("failing rows text = %.40q … %q", got, got[len(got)-60:])
	}
}

// bigResult is a district of units with findings spread among them.
func bigResult(units, findings int) *scoring.Result {
	res := xlsxResult()
	base := res.Units[0]
	res.Units = nil
	for i := range units {
		u := *base
		u.Name = fmt.Sprintf("单位%03d", i+1)
		if i%3 == 0 {
			u.Type = "部门"
		}
		u.Rank = i + 1
		u.Score = 99 - float64(i)*1.25
		u.Findings = nil
		for j := i; j < findings; j += units {
			u.Findings = append(u.Findings, scoring.FindingResult{Item: "A1", Kind: "公开不及时", Public: j%2 == 0, Table: "documents",
				File: "submissions/" + u.Name + ".xlsx", Sheet: "公文台账", Row: j/units + 2, DocNo: fmt.Sprintf("政发〔2017〕%d号", j),
				Title: "关于印发2017年政务公开工作要点的通知", Message: "印发后第8个工作日公开，超过5个工作日"})
		}
		res.Units = append(res.Units, &u)
	}
	return res
}

// Above maxLedgerSheets units the ledgers are one table, and findings kept
// in a FindingFile are read back into every sheet that lists them.
func TestXLSXManyUnitsLedgerTable(t *testing.T) {
	res := bigResult(maxLedgerSheets+1, 3*(maxLedgerSheets+1))
	tmp, err := os.CreateTemp(t.TempDir(), "findings")
	if err != nil {
		t.Fatal(err)
	}
	defer tmp.Close()
	store := scoring.NewFindingFile(tmp)
	for i, u := range res.Units {
		if i%2 == 0 {
			if err := store.Put(u); err != nil {
				t.Fatal(err)
			}
		}
	}
	f := openXLSX(t, writeXLSX(t, res, xlsxTestOpts))
	if diff := cmp.Diff([]string{"汇总", "指标得分", "应公开未公开清单", "全部问题清单", "复核记录", "各单位计分明细"}, f.GetSheetList()); diff != "" {
		t.Fatalf("sheets (-want +got):\n%s", diff)
	}
	led := rows(t, f, "各单位计分明细")
	if diff := cmp.Diff([]string{"排名", "单位", "类型", "编号", "指标", "依据", "计分方法", "分值", "适用条数", "不符合条数",
		"每条扣分/加分", "扣分明细", "不适用说明", "自评分", "复核调整", "得分"}, led[0]); diff != "" {
		t.Errorf("header (-want +got):\n%s", diff)
	}
	// 101 units × (5 items + 合计).
	if len(led) != 1+101*6 {
		t.Fatalf("%d rows, want 1 + 101 × 6", len(led))
	}
	// Unit 2 (kept in memory) and unit 3 (stored): three A1 findings each, on
	// rows 2, 3 and 4 of 公文台账.
	for _, k := range []int{1, 2} {
		name := fmt.Sprintf("单位%03d", k+1)
		a1 := led[1+k*6]
		want := []string{strconv.Itoa(k + 1), name, "乡镇", "A1", xlsxItems(1, 7, false)[0].Title, "一(一)", "扣分", "3", "12", "2", "1",
			"公文台账第2、3、4行", "", "3", "", "1"}
		if diff := cmp.Diff(want, a1); diff != "" {
			t.Errorf("%s A1 (-want +got):\n%s", name, diff)
		}
		total := led[1+k*6+5]
		if diff := cmp.Diff([]string{strconv.Itoa(k + 1), name, want[2], "合计（优秀）", "", "", "", "100", "", "", "", "", "", "98", "",
			num(99 - float64(k)*1.25)}, total); diff != "" {
			t.Errorf("%s total (-want +got):\n%s", name, diff)
		}
	}
	if all := rows(t, f, "全部问题清单"); len(all) != 1+3*101 {
		t.Errorf("全部问题清单 has %d rows, want 1 + 303", len(all))
	}
}

func TestXLSX100kFindings(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 100,000 findings")
	}
	start := time.Now()
	data := writeXLSX(t, bigResult(40, 100000), xlsxTestOpts)
	t.Logf("wrote 100,000 findings in %v (%d bytes)", time.Since(start), len(data))
	f := openXLSX(t, data)
	all := -1
	for i, s := range f.GetSheetList() {
		if s == "全部问题清单" {
			all = i + 1
		}
	}
	sheet := zipParts(t, data)[fmt.Sprintf("xl/worksheets/sheet%d.xml", all)]
	if !strings.Contains(sheet, `<row r="100001"`) || strings.Contains(sheet, `<row r="100002"`) {
		t.Errorf("全部问题清单 does not end at row 100,001")
	}
}

func BenchmarkXLSX100kFindings(b *testing.B) {
	res := bigResult(40, 100000)
	for b.Loop() {
		if err := XLSX(io.Discard, res, xlsxTestOpts); err != nil {
			b.Fatal(err)
		}
	}
}

// TestXLSXSample writes a sample district report to -xlsx.out, and a unit
// workbook beside it (…-unit.xlsx), for looking at them (soffice --headless
// --convert-to pdf).
func TestXLSXSample(t *testing.T) {
	if *xlsxOut == "" {
		t.Skip("no -xlsx.out")
	}
	res := bigResult(12, 60)
	res.Units = append(res.Units, xlsxResult().Units...)
	scoring.Rank(res.Units)
	if err := os.WriteFile(*xlsxOut, writeXLSX(t, res, xlsxTestOpts), 0o644); err != nil {
		t.Fatal(err)
	}
	unit := xlsxResult()
	unit.Units = unit.Units[:1]
	unitOut := strings.TrimSuffix(*xlsxOut, ".xlsx") + "-unit.xlsx"
	if err := os.WriteFile(unitOut, writeXLSX(t, unit, xlsxTestOpts), 0o644); err != nil {
		t.Fatal(err)
	}
}
