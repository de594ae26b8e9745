package annualreport

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/annual"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

func annualDay(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// annualFixture is a small 2024 file with one unit whose table 三 is known:
// a request of each kind that matters for the layout.
func annualFixture(t testing.TB, name string, layout annual.Layout) *annual.File {
	t.Helper()
	rows := []struct {
		recv, rep, who, outcome, detail string
	}{
		{"2023-12-20", "2024-01-10", "自然人", "予以公开", ""},
		{"2024-03-01", "2024-03-12", "商业企业", "部分公开", "属于国家秘密"},
		{"2024-03-01", "2024-03-12", "法律服务机构", "不予公开", "属于三类内部事务信息"},
		{"2024-04-01", "2024-04-12", "自然人", "其他处理", "其他处理情形"},
		{"2024-12-20", "", "社会公益组织", "", ""},
	}
	rt := &audit.Table{Name: "requests", File: "in/" + name + ".xlsx", Sheet: "依申请公开台账"}
	for i, r := range rows {
		v := checklists.Row{"received_on": annualDay(r.recv), "applicant_type": r.who}
		if r.rep != "" {
			v["replied_on"] = annualDay(r.rep)
			v["outcome"] = r.outcome
		}
		if r.detail != "" {
			v["detail"] = r.detail
		}
		rt.Rows = append(rt.Rows, &audit.Row{Line: i + 2, Values: v})
	}
	u := &audit.Unit{Name: name, Source: "in/" + name + ".xlsx", Tables: map[string]*audit.Table{
		"requests": rt,
		"reviews": {Name: "reviews", Sheet: "行政复议诉讼", Rows: []*audit.Row{
			{Line: 2, Values: checklists.Row{"kind": "行政诉讼", "path": "复议后起诉", "received_on": annualDay("2024-05-01"), "decided_on": annualDay("2024-09-01"), "result": "纠正"}},
		}},
		"disclosure": {Name: "disclosure", Rows: []*audit.Row{{Line: 2, Values: checklists.Row{"norms_issued": 4, "fees": 2.25}}}},
	}}
	cal, err := calendar.Load([]string{"cn"})
	if err != nil {
		t.Fatal(err)
	}
	r := annual.Compute(u, annual.Options{Year: 2024, Layout: layout, Calendar: cal})
	r.Checks = annual.Checks(r, nil)
	return &annual.File{Format: annual.FormatV1, Year: 2024, Layout: layout, Units: []*annual.Report{r},
		Errors: []annual.Error{{File: "in/坏文件.xls", Message: "这是旧版 Excel 97-2003 (.xls) 工作簿"}}}
}

func writeAnnual(t *testing.T, f *annual.File) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := XLSX(&buf, f, XLSXOptions{Lang: msg.ZH, Generated: "2025-01-10 由 zwgk test 生成", Tool: "zwgk test"}); err != nil {
		t.Fatal(err)
	}
	x, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { x.Close() })
	return x
}

// rowsAt returns the row numbers whose cell col holds text.
func rowsAt(t *testing.T, x *excelize.File, sheet, col, text string) []int {
	t.Helper()
	rows, err := x.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []int
	c, _ := excelize.ColumnNameToNumber(col)
	for i, r := range rows {
		if len(r) >= c && r[c-1] == text {
			out = append(out, i+1)
		}
	}
	return out
}

func TestAnnualXLSXLayout(t *testing.T) {
	x := writeAnnual(t, annualFixture(t, "金积镇人民政府", annual.Format2021))
	if diff := cmp.Diff([]string{"金积镇人民政府", "校验"}, x.GetSheetList()); diff != "" {
		t.Fatalf("sheets (-want +got):\n%s", diff)
	}
	s := "金积镇人民政府"
	get := func(cell string) string {
		v, err := x.GetCellValue(s, cell)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// Table 三: find its heading row, then check the headings and merges.
	top := rowsAt(t, x, s, "A", annual.Table3Note)
	if len(top) != 1 {
		t.Fatalf("table 三 note at rows %v", top)
	}
	h := top[0]
	merges, err := x.GetMergeCells(s)
	if err != nil {
		t.Fatal(err)
	}
	merged := map[string]string{}
	for _, m := range merges {
		merged[m.GetStartAxis()+":"+m.GetEndAxis()] = m.GetCellValue()
	}
	wantMerges := map[string]string{
		fmt.Sprintf("A%d:H%d", h, h+2):      annual.Table3Note,
		fmt.Sprintf("I%d:O%d", h, h):        "申请人情况",
		fmt.Sprintf("I%d:I%d", h+1, h+2):    "自然人",
		fmt.Sprintf("J%d:N%d", h+1, h+1):    "法人或其他组织",
		fmt.Sprintf("O%d:O%d", h+1, h+2):    "总计",
		fmt.Sprintf("A%d:H%d", h+3, h+3):    "一、本年新收政府信息公开申请数量",
		fmt.Sprintf("A%d:B%d", h+5, h+5+21): "三、本年度办理结果",
		fmt.Sprintf("C%d:D%d", h+7, h+14):   "（三）不予公开",
		fmt.Sprintf("C%d:D%d", h+15, h+17):  "（四）无法提供",
		fmt.Sprintf("C%d:D%d", h+18, h+22):  "（五）不予处理",
		fmt.Sprintf("C%d:D%d", h+23, h+25):  "（六）其他处理",
		fmt.Sprintf("C%d:H%d", h+26, h+26):  "（七）总计",
		fmt.Sprintf("A%d:H%d", h+27, h+27):  "四、结转下年度继续办理",
	}
	for rng, want := range wantMerges {
		if got, ok := merged[rng]; !ok || got != want {
			t.Errorf("merge %s = %q (present %v), want %q", rng, got, ok, want)
		}
	}
	for i, want := range []string{"商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"} {
		if got := get(xlsx.Cell(10+i, h+2)); got != want {
			t.Errorf("heading %s = %q, want %q", xlsx.Cell(10+i, h+2), got, want)
		}
	}
	// Every row label, numbered as in the format, and its numbers.
	r := annualFixture(t, "金积镇人民政府", annual.Format2021).Units[0]
	for i, d := range annual.Format2021.Rows() {
		row := h + 3 + i
		col := "A"
		switch {
		case d.Group != "":
			col = "E"
		case d.Results:
			col = "C"
		}
		if got := get(fmt.Sprintf("%s%d", col, row)); got != d.Label {
			t.Errorf("%s%d = %q, want %q", col, row, got, d.Label)
		}
		c, _ := r.Table3.Get(d.Key)
		var got []string
		for k := range annual.Columns {
			got = append(got, get(xlsx.Cell(9+k, row)))
		}
		var want []string
		for _, v := range c {
			want = append(want, fmt.Sprint(v))
		}
		if !slices.Equal(got, want) {
			t.Errorf("row %d %s = %v, want %v", row, d.Key, got, want)
		}
	}
	if got := get(fmt.Sprintf("E%d", h+25)); got != "3.其他" {
		t.Errorf("（六）3 = %q", got)
	}
	// The numbers hand-checked: 1 carried over, 4 new, 4 answered, 1 carried forward.
	for cell, want := range map[string]string{
		fmt.Sprintf("O%d", h+3): "4", fmt.Sprintf("O%d", h+4): "1", fmt.Sprintf("O%d", h+26): "4",
		fmt.Sprintf("O%d", h+27): "1", fmt.Sprintf("L%d", h+27): "1", fmt.Sprintf("J%d", h+6): "1",
		fmt.Sprintf("M%d", h+11): "1", fmt.Sprintf("O%d", h+25): "1",
	} {
		if got := get(cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	// Table 二 and 四.
	cap1 := rowsAt(t, x, s, "A", "第二十条第（一）项")
	if len(cap1) != 1 || get(fmt.Sprintf("G%d", cap1[0]+1)) != "本年制发件数" || get(fmt.Sprintf("A%d", cap1[0]+3)) != "行政规范性文件" ||
		get(fmt.Sprintf("G%d", cap1[0]+3)) != "4" || get(fmt.Sprintf("J%d", cap1[0]+3)) != "" {
		t.Errorf("table 二 block (一) at %v is wrong", cap1)
	}
	fees := rowsAt(t, x, s, "A", "行政事业性收费")
	if len(fees) != 1 || get(fmt.Sprintf("G%d", fees[0])) != "2.25" || get(fmt.Sprintf("G%d", fees[0]-1)) != "本年收费金额（单位：万元）" {
		t.Errorf("fees row %v: %q", fees, get(fmt.Sprintf("G%d", fees[0])))
	}
	rv := rowsAt(t, x, s, "A", "行政复议")
	if len(rv) != 1 {
		t.Fatalf("table 四 at %v", rv)
	}
	r4 := rv[0]
	for rng, want := range map[string]string{
		fmt.Sprintf("A%d:E%d", r4, r4): "行政复议", fmt.Sprintf("F%d:O%d", r4, r4): "行政诉讼",
		fmt.Sprintf("F%d:J%d", r4+1, r4+1): "未经复议直接起诉", fmt.Sprintf("K%d:O%d", r4+1, r4+1): "复议后起诉",
		fmt.Sprintf("A%d:A%d", r4+1, r4+2): "结果维持", fmt.Sprintf("E%d:E%d", r4+1, r4+2): "总计",
	} {
		if got := merged[rng]; got != want {
			t.Errorf("table 四 merge %s = %q, want %q", rng, got, want)
		}
	}
	var four []string
	for c := 1; c <= 15; c++ {
		four = append(four, get(xlsx.Cell(c, r4+3)))
	}
	if diff := cmp.Diff([]string{"0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "1"}, four); diff != "" {
		t.Errorf("table 四 counts (-want +got):\n%s", diff)
	}
	if get(fmt.Sprintf("K%d", r4+2)) != "结果维持" || get(fmt.Sprintf("O%d", r4+2)) != "总计" {
		t.Error("table 四 second heading row")
	}
	// Borders round a merged header, widths, print setup.
	style, _ := x.GetCellStyle(s, fmt.Sprintf("N%d", h+1))
	st, err := x.GetStyle(style)
	if err != nil || len(st.Border) != 4 {
		t.Errorf("N%d borders = %+v, %v", h+1, st, err)
	}
	if w, _ := x.GetColWidth(s, "O"); w != annualColWidth {
		t.Errorf("column O width %v", w)
	}
	pl, err := x.GetPageLayout(s)
	if err != nil || pl.Size == nil || *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
		t.Errorf("page layout %+v, %v", pl, err)
	}
}

func TestAnnualXLSXTrialLayout(t *testing.T) {
	x := writeAnnual(t, annualFixture(t, "利通区民政局", annual.Trial2019))
	s := "利通区民政局"
	other := rowsAt(t, x, s, "C", "（六）其他处理")
	if len(other) != 1 {
		t.Fatalf("（六）其他处理 at %v", other)
	}
	if v, _ := x.GetCellValue(s, fmt.Sprintf("I%d", other[0])); v != "1" {
		t.Errorf("（六）其他处理 自然人 = %q", v)
	}
	if got := rowsAt(t, x, s, "A", "其他对外管理服务事项"); len(got) != 1 {
		t.Errorf("trial table 二 lacks 其他对外管理服务事项")
	}
	if got := rowsAt(t, x, s, "A", "政府集中采购"); len(got) != 1 {
		t.Errorf("trial table 二 lacks 政府集中采购")
	}
	cap1 := rowsAt(t, x, s, "A", "第二十条第（一）项")
	if v, _ := x.GetCellValue(s, fmt.Sprintf("J%d", cap1[0]+1)); v != "本年新公开数量" {
		t.Errorf("trial (一) heading = %q", v)
	}
	f, err := ReadXLSX(mustBytes(t, annualFixture(t, "利通区民政局", annual.Trial2019)), "t.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if f.Units[0].Table3.Map()["other"] != (annual.Counts{1, 0, 0, 0, 0, 0, 1}) {
		t.Errorf("read back trial: %v", f.Units[0].Table3.Map())
	}
}

func mustBytes(t *testing.T, f *annual.File) *bytes.Reader {
	t.Helper()
	var buf bytes.Buffer
	if err := XLSX(&buf, f, XLSXOptions{}); err != nil {
		t.Fatal(err)
	}
	return bytes.NewReader(buf.Bytes())
}

func TestAnnualXLSXReadBack(t *testing.T) {
	in := annualFixture(t, "金积镇人民政府", annual.Format2021)
	got, err := ReadXLSX(mustBytes(t, in), "2024.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if got.Year != 2024 || len(got.Units) != 1 || got.Units[0].Name != "金积镇人民政府" {
		t.Fatalf("read back %+v", got)
	}
	if diff := cmp.Diff(in.Units[0].Table3, got.Units[0].Table3); diff != "" {
		t.Errorf("table 三 (-written +read):\n%s", diff)
	}
	if _, err := ReadXLSX(bytes.NewReader([]byte("not a zip")), "x.xlsx"); err == nil {
		t.Error("garbage read without error")
	}
	empty := excelize.NewFile()
	var buf bytes.Buffer
	if err := empty.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadXLSX(&buf, "empty.xlsx"); err == nil || !strings.Contains(err.Error(), "填报单位") {
		t.Errorf("an empty workbook: %v", err)
	}
}

func TestAnnualCheckSheet(t *testing.T) {
	f := annualFixture(t, "金积镇人民政府", annual.Format2021)
	u := f.Units[0]
	u.Late = append(u.Late, annual.Late{Pos: audit.Pos{File: "in/金积镇人民政府.xlsx", Sheet: "依申请公开台账", Row: 9},
		ReceivedOn: "2024-01-29", RepliedOn: "2024-03-01", Workdays: 21, Limit: 20})
	x := writeAnnual(t, f)
	rows, err := x.GetRows("校验")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(rows[0][0], "1 个单位") || rows[2][0] != "单位" || rows[2][6] != "工作日数" {
		t.Fatalf("header rows %q", rows[:3])
	}
	var late, unreadable []string
	checks := 0
	for _, r := range rows[3:] {
		switch r[1] {
		case "超期答复":
			late = r
		case "无法读取":
			unreadable = r
		}
		if strings.HasPrefix(r[1], "（") {
			checks++
		}
	}
	if diff := cmp.Diff([]string{"金积镇人民政府", "超期答复", "超期", "依申请公开台账", "9", "2024-01-29 收到，2024-03-01 答复", "21", "20", "in/金积镇人民政府.xlsx"}, late); diff != "" {
		t.Errorf("late row (-want +got):\n%s", diff)
	}
	if len(unreadable) == 0 || unreadable[0] != "坏文件" {
		t.Errorf("unreadable row %q", unreadable)
	}
	if checks != 6 {
		t.Errorf("%d check rows, want 6", checks)
	}
}

func TestAnnualSheetNames(t *testing.T) {
	used := xlsx.NewNames("校验")
	var got []string
	for _, n := range []string{"利通区[发改]局", "利通区[发改]局", "校验", "  ", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "'引号'", "History"} {
		got = append(got, annualSheetName(n, used))
	}
	want := []string{"利通区_发改_局", "利通区_发改_局~2", "校验~2", "单位", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "引号", "单位~2"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("sheet names (-want +got):\n%s", diff)
	}
}

func TestAnnualMarkdown(t *testing.T) {
	f := annualFixture(t, "金积镇人民政府", annual.Format2021)
	f.Units[0].Type = checklists.Department
	var buf bytes.Buffer
	if err := Markdown(&buf, f); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	last := -1
	for _, s := range annual.Format2021.Sections() {
		i := strings.Index(md, "## "+s)
		if i < 0 || i < last {
			t.Errorf("section %s missing or out of order", s)
		}
		last = i
	}
	for _, want := range []string{
		"# 金积镇人民政府2024年政府信息公开工作年度报告",
		"2025年1月31日前",
		"本年新收政府信息公开申请 4 件，上年结转 1 件；本年度办结 4 件，其中予以公开 1 件、部分公开 1 件、不予公开 1 件、其他处理 1 件；结转下年度继续办理 1 件。",
		"| 行政规范性文件 | 4 | " + ToFill + " | " + ToFill + " |",
		"| 行政事业性收费 | 2.25 |",
		"| 　　3.其他 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |",
		"| 行政诉讼（复议后起诉） | 0 | 1 | 0 | 0 | 1 |",
		"国办函〔2020〕109号",
		"### 附录：表格校验结果",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q", want)
		}
	}
	if n := strings.Count(md, ToFill); n < 10 {
		t.Errorf("only %d %s markers", n, ToFill)
	}
}

func TestAnnualTable(t *testing.T) {
	var buf bytes.Buffer
	if err := Table(&buf, annualFixture(t, "金积镇人民政府", annual.Format2021), msg.ZH); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"金积镇人民政府（in/金积镇人民政府.xlsx）", "四、结转下年度继续办理", "校验：5 项通过，1 项未检查", "✓ （a）", "in/坏文件.xls"} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
}
