package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/audit/workbook"
	"github.com/zwgk/zwgk/scoring/annual"
	"github.com/zwgk/zwgk/scoring/annual/annualreport"
)

// annualRun runs the command line in-process and returns its outputs and
// exit status.
func annualRun(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{
		stdin: strings.NewReader(""), stdout: &out, stderr: &errb, readFile: os.ReadFile,
		now:    func() time.Time { return time.Date(2025, 1, 10, 9, 0, 0, 0, time.UTC) },
		getenv: func(string) string { return "" }, goMaxProcs: 2,
	}
	code = run(args, e)
	return out.String(), errb.String(), code
}

// annualRequest is one row of the request log the test writes, under the
// template's headers; aliases as clerks write them.
type annualRequest struct {
	received, subject, replied, outcome, extended, applicant, detail string
}

// annualWorkbook writes a unit's workbook for the 2024 report from the
// template: 单位信息, a request log, one review case and the 主动公开情况 form.
func annualWorkbook(t *testing.T, dir, name string, reqs []annualRequest) string {
	t.Helper()
	path := filepath.Join(dir, name+".xlsx")
	var buf bytes.Buffer
	if err := workbook.WriteTemplate(&buf, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	set := func(sheet, cell string, v any) {
		t.Helper()
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	// byHeader writes values under the named headers of row 1.
	byHeader := func(sheet string, row int, values map[string]string) {
		t.Helper()
		heads, err := f.GetRows(sheet)
		if err != nil || len(heads) == 0 {
			t.Fatalf("sheet %s: %v", sheet, err)
		}
		for h, v := range values {
			col := -1
			for i, c := range heads[0] {
				if c == h {
					col = i + 1
				}
			}
			if col < 0 {
				t.Fatalf("sheet %s has no column %s (%v)", sheet, h, heads[0])
			}
			if v != "" {
				cell, _ := excelize.CoordinatesToCellName(col, row)
				set(sheet, cell, v)
			}
		}
	}
	// byLabel writes a form value next to its label.
	byLabel := func(sheet string, values map[string]any) {
		t.Helper()
		rows, _ := f.GetRows(sheet)
		for label, v := range values {
			found := false
			for i, r := range rows {
				if len(r) > 0 && r[0] == label {
					set(sheet, "B"+strconv.Itoa(i+1), v)
					found = true
				}
			}
			if !found {
				t.Fatalf("form %s has no item %s", sheet, label)
			}
		}
	}
	byLabel("单位信息", map[string]any{"单位名称": name, "单位类型": "部门", "年度": 2024})
	for i, r := range reqs {
		byHeader("依申请公开台账", i+2, map[string]string{"收到日期": r.received, "申请内容": r.subject, "答复日期": r.replied,
			"答复结果": r.outcome, "是否延期答复": r.extended, "申请人类型": r.applicant, "具体情形": r.detail})
	}
	byHeader("行政复议诉讼", 2, map[string]string{"案件名称": "张某诉本局政府信息公开案", "案件类型": "复议", "收到日期": "2024-02-01",
		"审结日期": "2024-04-01", "结果": "驳回"})
	byLabel("主动公开情况", map[string]any{"规章本年制发件数": 0, "规章本年废止件数": 0, "规章现行有效件数": 0,
		"行政规范性文件本年制发件数": 2, "行政规范性文件本年废止件数": 1, "行政规范性文件现行有效件数": 9,
		"行政许可本年处理决定数量": 35, "行政处罚本年处理决定数量": 4, "行政强制本年处理决定数量": 0, "行政事业性收费本年收费金额（万元）": 3.6})
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// annualLog is the request log of the end-to-end test (Excel rows 2–9).
var annualLog = []annualRequest{
	{"2023-12-20", "2023年预算", "2024-01-10", "公开", "否", "公民", ""},       // row 2: 二, 予以公开
	{"2024-01-29", "某规划", "2024-03-01", "不予公开", "否", "企业", "国家秘密"},     // row 3: 21 wd across the Spring Festival > 20
	{"2024-03-04", "会议纪要", "2024-03-15", "部分公开", "否", "律师事务所", "内部事务"}, // row 4
	{"2024-03-04", "某统计数据", "2024-03-15", "无法提供", "否", "科研机构", "不掌握"},  // row 5
	{"2024-05-06", "同一文件", "2024-05-20", "不予处理", "否", "社会组织", "重复申请"},  // row 6
	{"2024-07-01", "某事项", "2024-07-12", "其他处理", "否", "其他组织", "其他"},     // row 7
	{"2024-12-25", "年底申请", "", "", "", "公民", ""},                       // row 8: 四
	{"2024-04-01", "请示报告", "2024-06-03", "不予公开", "是", "个人", "过程性信息"},   // row 9: 43 wd > 40
}

// The table worked out by hand from annualLog.
var annualWant = map[string]annual.Counts{
	"new": {2, 1, 1, 1, 1, 1, 7}, "carried_over": {1, 0, 0, 0, 0, 0, 1},
	"granted": {1, 0, 0, 0, 0, 0, 1}, "partial": {0, 0, 0, 0, 1, 0, 1},
	"withheld.1": {0, 1, 0, 0, 0, 0, 1}, "withheld.6": {1, 0, 0, 0, 0, 0, 1},
	"unable.1": {0, 0, 1, 0, 0, 0, 1}, "refused.2": {0, 0, 0, 1, 0, 0, 1}, "other.3": {0, 0, 0, 0, 0, 1, 1},
	"total": {2, 1, 1, 1, 1, 1, 7}, "carried_forward": {1, 0, 0, 0, 0, 0, 1},
}

func nonZero(t annual.Table3) map[string]annual.Counts {
	m := map[string]annual.Counts{}
	for k, v := range t.Map() {
		if v != (annual.Counts{}) {
			m[k] = v
		}
	}
	return m
}

func readAnnualJSON(t *testing.T, path string) *annual.File {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := annual.ReadFile(bytes.NewReader(data), path)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestAnnualReportEndToEnd(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "报送材料")
	if err := os.Mkdir(in, 0o755); err != nil {
		t.Fatal(err)
	}
	annualWorkbook(t, in, "利通区民政局", annualLog)
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	x, j, md := filepath.Join(out, "2024年度报告.xlsx"), filepath.Join(out, "2024.json"), filepath.Join(out, "2024.md")
	// Without Ningxia's 2024 days (cn-nx lacks 2024), both late answers are 待定: the region's days
	// off could make them timely (issue 16): no 超期答复 line, one 需核实 that says what to load.
	stdout, stderr, code := annualRun(t, "annual-report", in, "--year", "2024", "-o", x)
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if strings.Contains(stdout, "超期答复") {
		t.Errorf("without the 2024 overlay, late answers were listed:\n%s", stdout)
	}
	for _, want := range []string{"cn-nx未包含2024年", "待定"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("without the 2024 overlay, stdout lacks %q:\n%s", want, stdout)
		}
	}
	// With a 2024 overlay (a test fixture: one day off, 2024-04-10, inside row 9's span only).
	nx := filepath.Join(dir, "nx2024.yaml")
	if err := os.WriteFile(nx, []byte("name: cn-nx\nkind: regional\nyears:\n  2024:\n    off: [2024-04-10]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code = annualRun(t, "annual-report", in, "--year", "2024", "--calendar", nx, "-o", x, "-o", j, "-o", md, "--force")
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{"利通区民政局", "三、收到和处理政府信息公开申请情况", "✓ （a）", "超期答复 2 件", "依申请公开台账!3", "21 个工作日，时限 20", "42 个工作日，时限 40"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stderr, "cn-nx") {
		t.Errorf("stderr still warns that Ningxia's 2024 days are missing: %q", stderr)
	}

	f := readAnnualJSON(t, j)
	if f.Year != 2024 || f.Layout != annual.Format2021 || len(f.Units) != 1 {
		t.Fatalf("json: %+v", f)
	}
	u := f.Units[0]
	if diff := cmp.Diff(annualWant, nonZero(u.Table3)); diff != "" {
		t.Errorf("table 三 (-hand +computed):\n%s", diff)
	}
	if want := (annual.Results{Upheld: 1, Total: 1}); u.Table4.Review != want {
		t.Errorf("table 四 复议 = %+v", u.Table4.Review)
	}
	if u.Table2["norms_in_force"] != 9 || u.Table2["fees"] != 3.6 || len(u.Table2) != 10 {
		t.Errorf("table 二 = %v (the 主动公开情况 form was not read)", u.Table2)
	}
	var late []int
	for _, l := range u.Late {
		late = append(late, l.Pos.Row)
	}
	if diff := cmp.Diff([]int{3, 9}, late); diff != "" {
		t.Errorf("late rows (-want +got):\n%s", diff)
	}
	for _, fd := range u.Findings {
		if fd.Code != annual.CodeDataError || !strings.Contains(fd.Text.Zh, "缺少") {
			t.Errorf("unexpected finding %+v", fd)
		}
	}

	// The workbook: read back, and its merged headers.
	data, err := os.ReadFile(x)
	if err != nil {
		t.Fatal(err)
	}
	back, err := annualreport.ReadXLSX(bytes.NewReader(data), x)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(annualWant, nonZero(back.Units[0].Table3)); diff != "" {
		t.Errorf("xlsx table 三 (-hand +read back):\n%s", diff)
	}
	xf, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer xf.Close()
	if diff := cmp.Diff([]string{"利通区民政局", "校验"}, xf.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	merges, _ := xf.GetMergeCells("利通区民政局")
	var heads []string
	for _, m := range merges {
		heads = append(heads, m.GetCellValue())
	}
	for _, want := range []string{"申请人情况", "法人或其他组织", "三、本年度办理结果", "（三）不予公开", "行政诉讼", "复议后起诉"} {
		if !strings.Contains(strings.Join(heads, "|"), want) {
			t.Errorf("no merged cell %q", want)
		}
	}

	text, _ := os.ReadFile(md)
	for _, want := range []string{"## 一、总体情况", "## 六、其他需要报告的事项", "本年新收政府信息公开申请 7 件，上年结转 1 件", "2025年1月31日前", annualreport.ToFill} {
		if !strings.Contains(string(text), want) {
			t.Errorf("markdown lacks %q", want)
		}
	}

	// The same outputs again: refused without --force, written with it.
	if _, stderr, code := annualRun(t, "annual-report", in, "--year", "2024", "-o", x); code != 2 || !strings.Contains(stderr, "--force") {
		t.Errorf("overwrite without --force: exit %d, %s", code, stderr)
	}
}

// Carry-over across years: the 2023 report's 四 is the 2024 report's 二,
// read back from last year's JSON or workbook; a different 四 fails check (e).
func TestAnnualReportPrevious(t *testing.T) {
	dir := t.TempDir()
	wb := annualWorkbook(t, dir, "利通区民政局", annualLog)
	prevX, prevJ := filepath.Join(dir, "2023.xlsx"), filepath.Join(dir, "2023.json")
	if _, stderr, code := annualRun(t, "annual-report", wb, "--year", "2023", "-o", prevX, "-o", prevJ); code != 0 {
		t.Fatalf("2023: exit %d: %s", code, stderr)
	}
	f := readAnnualJSON(t, prevJ)
	if c, _ := f.Units[0].Table3.Get(annual.RowCarriedForward); c != (annual.Counts{1, 0, 0, 0, 0, 0, 1}) {
		t.Errorf("2023 四 = %v, want the request of 2023-12-20", c)
	}
	for _, prev := range []string{prevX, prevJ} {
		stdout, stderr, code := annualRun(t, "annual-report", wb, "--year", "2024", "--previous", prev)
		if code != 0 || !strings.Contains(stdout, "✓ （e）") {
			t.Errorf("--previous %s: exit %d\n%s\n%s", prev, code, stdout, stderr)
		}
	}
	// Last year's report said two requests were carried forward.
	f.Units[0].Table3.Rows[len(f.Units[0].Table3.Rows)-1].Counts = annual.Counts{2, 0, 0, 0, 0, 0, 2}
	bad := filepath.Join(dir, "2023改.json")
	var buf bytes.Buffer
	if err := annualreport.JSON(&buf, f); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _, code := annualRun(t, "annual-report", wb, "--year", "2024", "--previous", bad)
	if code != 1 || !strings.Contains(stdout, "✗ （e）") || !strings.Contains(stdout, "自然人列：本年上年结转 1 件，上年结转下年度 2 件") {
		t.Errorf("a different 四: exit %d\n%s", code, stdout)
	}
	// A report of the wrong year is refused.
	if _, stderr, code := annualRun(t, "annual-report", wb, "--year", "2025", "--previous", prevJ); code != 2 || !strings.Contains(stderr, "2023 年度") {
		t.Errorf("wrong year: exit %d %s", code, stderr)
	}
}

func TestAnnualReportFailingChecks(t *testing.T) {
	dir := t.TempDir()
	log := append([]annualRequest(nil), annualLog...)
	log[1].detail = ""       // 不予公开 without its detail
	log[3].applicant = ""    // no applicant type
	log[4].detail = "属于国家秘密" // 不予处理 with a 不予公开 detail
	wb := annualWorkbook(t, dir, "金积镇人民政府", log)
	stdout, _, code := annualRun(t, "annual-report", wb, "--year", "2024", "-o", filepath.Join(dir, "r.xlsx"))
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, want := range []string{"✗ （b）", "✗ （c）", "✓ （a）", "依申请公开台账!H3", "缺少具体情形", "依申请公开台账!G5", "具体情形与答复结果不符"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	x, err := excelize.OpenFile(filepath.Join(dir, "r.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	rows, _ := x.GetRows("校验")
	var fails int
	for _, r := range rows {
		if len(r) > 2 && r[2] == "未通过" {
			fails++
		}
	}
	if fails != 2 {
		t.Errorf("%d failed checks on the 校验 sheet, want 2", fails)
	}
}

func TestAnnualReportUsage(t *testing.T) {
	dir := t.TempDir()
	wb := annualWorkbook(t, dir, "金积镇人民政府", annualLog[:1])
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"annual-report", wb}, "--year"},
		{[]string{"annual-report", wb, "--year", "2024", "-o", filepath.Join(dir, "x.csv")}, ".md"},
		{[]string{"annual-report", wb, "--year", "2024", "-o", wb}, "输入文件"},
		{[]string{"annual-report", wb, "--year", "2024", "--previous", filepath.Join(dir, "none.json")}, "none.json"},
		{[]string{"annual-report", wb, "--year", "2024", "--previous", wb}, "填报单位"},
		{[]string{"annual-report", "--year", "2024"}, "报送材料"},
	} {
		_, stderr, code := annualRun(t, tt.args...)
		if code != 2 || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args[1:], code, stderr, tt.want)
		}
	}
	// An unreadable submission beside a good one: exit 2, the good one reported.
	if err := os.WriteFile(filepath.Join(dir, "坏文件.xlsx"), []byte("%PDF-1.4"), 0o644); err != nil {
		t.Fatal(err)
	}
	j := filepath.Join(t.TempDir(), "r.json")
	_, stderr, code := annualRun(t, "annual-report", dir, "--year", "2024", "-o", j)
	if code != 2 || !strings.Contains(stderr, "坏文件.xlsx") {
		t.Errorf("unreadable: exit %d %s", code, stderr)
	}
	f := readAnnualJSON(t, j)
	if len(f.Units) != 1 || len(f.Errors) != 1 {
		t.Errorf("units %d, errors %v", len(f.Units), f.Errors)
	}
}
