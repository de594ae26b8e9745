package checklists

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/yamlfile"
)

// testLoad loads a file of testdata with testdata/fragments.yaml as the
// fragments file, so tests do not depend on the embedded common.yaml.
func testLoad(t *testing.T, file string) (*Checklist, ErrorList) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return testLoadData(t, file, data)
}

func testLoadData(t *testing.T, name string, data []byte) (*Checklist, ErrorList) {
	t.Helper()
	frags, err := os.ReadFile("testdata/fragments.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l := &loader{fragsFile: &yamlfile.File{Name: "testdata/fragments.yaml", Data: frags}}
	return l.load(name, data)
}

// TestLintDefects loads one broken checklist per defect class; each file is
// testdata/valid.yaml with exactly one defect.
func TestLintDefects(t *testing.T) {
	tests := []struct {
		file    string
		pos     string // LINE:COL (or LINE for YAML syntax errors)
		zh      string // substring of the Chinese message
		en      string // substring of the English message
		warning bool
	}{
		{"unknown-key", "39:9", "指标中有未知的键「pionts」，是否想写「points」？", `unknown key "pionts" in item; did you mean "points"?`, false},
		{"unknown-top-key", "11:1", "指标体系中有未知的键「wieght」", `unknown key "wieght" in checklist`, false},
		{"bad-format", "3:9", "format 应为「zwgk.checklist/v1」或「zwgk.checklist/v2」，不是「zwgk.checklist/v9」", `format should be "zwgk.checklist/v1" or "zwgk.checklist/v2"`, false},
		{"fragments-format", "3:9", "这是共享指标文件", "this is a fragments file", false},
		{"bad-id", "4:5", "id「Test_Valid」只能由小写字母、数字和连字符组成", `id "Test_Valid" may only hold`, false},
		{"dup-item-id", "65:13", "指标编号「B1」重复（第 55 行已有）", `duplicate item id "B1" (already on line 55)`, false},
		{"dup-section-id", "52:9", "指标类别编号「A」重复（第 32 行已有）", `duplicate section id "A"`, false},
		{"dup-key", "46:9", "键「finding」重复（第 45 行已有）", `duplicate key "finding"`, false},
		{"section-points", "34:13", "指标类别「A」的分值「13」不等于其指标分值之和「12.5」", `section "A" has points 13 but its items add up to 12.5`, false},
		{"total", "8:8", "总分「21」不等于各指标分值之和「20」", "total 21 differs from the sum of the items' points, 20", false},
		{"weight", "9:21", "方案六(四)要求政务公开在效能考核中「分值权重不低于4%」", "performance_weight 0.035 is below 0.04", false},
		{"grades-order", "13:21", "等级应从高到低排列：最低分「17.5」应小于上一等级的「17.5」", "strictly descending", false},
		{"grades-scalar", "11:10", "等级应为映射（key: value），不是文本", "grade should be a mapping (key: value), not text", false},
		{"grades-last", "14:22", "最后一个等级的最低分应为0，不是「5」", "the last grade's min should be 0, not 5", false},
		{"unknown-method", "59:17", "未知的计分方法「rat」，是否想写「rate」？", `unknown method "rat"; did you mean "rate"?`, false},
		{"unknown-table", "60:16", "未知的表「training」，是否想写「trainings」？", `unknown table "training"`, false},
		{"unknown-field", "44:39", "表「documents」没有字段「workday」，是否想写「workdays」？", `table "documents" has no field "workday"`, false},
		{"unknown-row-field", "43:40", "表「documents」没有字段「polcy」，是否想写「policy」？", `has no field "polcy"; did you mean "policy"?`, false},
		{"unit-level-field", "61:18", "未知的名称「attribute」：单位级表达式只能用", `unknown name "attribute"`, false},
		{"cross-filter-field", "43:69", "表「requests」没有字段「doc_nooo」，是否想写「doc_no」？", `table "requests" has no field "doc_nooo"; did you mean "doc_no"?`, false},
		{"cross-count-table", "43:53", "没有表「requestss」，是否想写「requests」？", `no table "requestss"; did you mean "requests"?`, false},
		{"cross-count-field", "43:64", "表「requests」没有字段「doc_nooo」，是否想写「doc_no」？", `table "requests" has no field "doc_nooo"; did you mean "doc_no"?`, false},
		{"cross-count-rows-table", "43:51", "没有表「requestss」，是否想写「requests」？", `no table "requestss"; did you mean "requests"?`, false},
		{"cross-count-rows-field", "43:63", "表「requests」没有字段「doc_nooo」，是否想写「doc_no」？", `table "requests" has no field "doc_nooo"; did you mean "doc_no"?`, false},
		{"cross-index-field", "43:59", "表「requests」没有字段「subjct」，是否想写「subject」？", `table "requests" has no field "subjct"; did you mean "subject"?`, false},
		{"block-field", "64:13", "表「trainings」没有字段「attendee」，是否想写「attendees」？", `has no field "attendee"`, false},
		{"expr-syntax", "84:39", "「check」的表达式无法编译：unexpected token EOF", "check does not compile", false},
		{"not-bool", "84:16", "「check」的值应为布尔值（真/假），实际是 int", "check should be boolean", false},
		{"per-zero", "41:14", "「per」应大于0，不是「0」", "per must be greater than 0", false},
		{"per-rate", "60:9", "per 只用于 deduct 和 bonus 指标，本指标是 rate", "per is only for deduct and bonus items", false},
		{"points-zero", "68:17", "points 应大于0，不是「0」", "points must be greater than 0, not 0", false},
		{"points-quoted", "68:17", "「points」应为数字，不是文本（数字不要加引号）", "points should be a number, not text", false},
		{"points-fraction", "68:17", "「points」应为数字", "points should be a number", false},
		{"veto-points", "74:17", "一票否决（veto）指标不计分，points 应为0或省略，不是「1」", "a veto item scores nothing", false},
		{"na", "10:5", "na 应为 full 或 exclude，不是「partial」", `na should be full or exclude, not "partial"`, false},
		{"unknown-calendar", "15:16", "未知的工作日历「cn-xn」，是否想写「cn-nx」？", `unknown calendar "cn-xn"`, false},
		{"no-check", "77:9", "指标「B4」缺少 check（只有 self 指标可以不写）", `item "B4" lacks a check`, false},
		{"self-table", "70:9", "自评（self）指标按自评表计分，不能有 table", "may not have a table", false},
		{"self-check", "70:9", "自评（self）指标按自评表计分，不需要 check", "needs no check", false},
		{"where-no-table", "70:9", "where 只用于行规则（需要 table）", "where is only for row rules", false},
		{"no-basis", "65:9", "指标「B2」没有写 basis", `item "B2" has no basis`, true},
		{"unknown-fragment", "48:14", "未知的共享指标「markd」，是否想写「marked」？", `unknown fragment "markd"; did you mean "marked"?`, false},
		{"new-table-no-sheet", "27:5", "新表「trainings」缺少「sheet」", `new table "trainings" lacks "sheet"`, false},
		{"new-field-no-type", "25:9", "新字段「signer」缺少「type」", `new field "signer" lacks "type"`, false},
		{"field-type", "30:47", "未知的字段类型「integer」", `unknown field type "integer"`, false},
		{"field-header-clash", "25:32", "表头「文号」已属于字段「doc_no」", `header "文号" already belongs to field "doc_no"`, false},
		{"year", "7:7", "「year」应为整数，不是文本", "year should be an integer, not text", false},
		{"missing-title", "3:1", "指标体系缺少「title」", `checklist lacks "title"`, false},
		{"merge-key", "77:9", "不支持 YAML 合并键「<<」", "YAML merge keys (<<) are not supported", false},
		{"syntax", "31", "YAML 语法错误", "YAML syntax error", false},
		{"due-unused", "62:16", "check 用到 due，但本指标没有写 due:", "check uses due, but the item has no due:", true},
		{"due-not-date", "62:14", "的表达式无法编译：expected a date", "does not compile: expected a date", false},
		{"two-docs", "85:1", "一个文件只能有一个 YAML 文档", "only one YAML document", false},
	}
	files, err := filepath.Glob("testdata/lint/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(tests) {
		t.Errorf("testdata/lint holds %d files, the table %d cases", len(files), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			file := "testdata/lint/" + tt.file + ".yaml"
			c, errs := testLoad(t, file)
			if len(errs) != 1 {
				t.Fatalf("got %d errors, want 1:\n%s", len(errs), errs)
			}
			e := errs[0]
			if got, want := e.Pos.String(), file+":"+tt.pos; got != want {
				t.Errorf("position %s, want %s", got, want)
			}
			if !strings.Contains(e.Text.Zh, tt.zh) {
				t.Errorf("message %q does not contain %q", e.Text.Zh, tt.zh)
			}
			if !strings.Contains(e.Text.En, tt.en) {
				t.Errorf("English message %q does not contain %q", e.Text.En, tt.en)
			}
			if strings.Contains(e.Text.Zh+e.Text.En, "%!") {
				t.Errorf("bad format in %q / %q", e.Text.Zh, e.Text.En)
			}
			if e.Warning != tt.warning {
				t.Errorf("warning = %v, want %v", e.Warning, tt.warning)
			}
			if got, want := strings.HasPrefix(e.Error(), file+":"+tt.pos+": "), true; got != want {
				t.Errorf("Error() = %q, want it to start with FILE:LINE:COL", e.Error())
			}
			if tt.warning != (c != nil) {
				t.Errorf("checklist loaded = %v, want %v", c != nil, tt.warning)
			}
		})
	}
}

// TestLintCollects checks that every error of a file is reported, in order.
func TestLintCollects(t *testing.T) {
	data, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	for _, r := range [][2]string{
		{"na: exclude", "na: partial"},
		{"        per: 2.5\n", "        per: 0\n"},
		{"        basis: 六(二)\n", ""},
		{"total: 20", "total: 19"},
	} {
		s = strings.Replace(s, r[0], r[1], 1)
	}
	_, errs := testLoadData(t, "x.yaml", []byte(s))
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		"x.yaml:7:8: 总分「19」不等于各指标分值之和「20」（不含 bonus 和 veto）",
		"x.yaml:9:5: na 应为 full 或 exclude，不是「partial」",
		"x.yaml:40:14: 「per」应大于0，不是「0」",
		"x.yaml:64:9: 警告：指标「B2」没有写 basis（依据的条款）",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	if _, err := Load("x.yaml", []byte(s), LoadOptions{}); err == nil {
		t.Error("Load succeeded")
	} else if strings.Contains(err.Error(), "警告") {
		t.Errorf("Load's error holds the warning:\n%s", err)
	}
}

func TestFragmentErrorsPointIntoFragmentsFile(t *testing.T) {
	frags := "format: zwgk.fragments/v1\nitems:\n  marked:\n    title: x\n    methd: deduct\n"
	data, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	l := &loader{fragsFile: &yamlfile.File{Name: "frags.yaml", Data: []byte(frags)}}
	_, errs := l.load("valid.yaml", data)
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{
		"frags.yaml:5:5: 共享指标中有未知的键「methd」，是否想写「method」？",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}
