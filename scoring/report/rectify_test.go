package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// unitResult is the result of 金积镇 alone (five findings: A1 rows 7, 9
// and 11, the last dismissed on review; A2 row 3; a 数据错误 on row 12).
func unitResult() *scoring.Result {
	res := xlsxResult()
	res.Units = res.Units[:1]
	res.Missing, res.Errors, res.Decisions = []string{}, []scoring.ErrorEntry{}, nil
	return res
}

// clerk types into the 整改清单 of a unit report as a unit's clerk would in
// Excel: 责任人 moved to the front, a column 备注 added at the end, a date
// typed as a date, a measure that looks like a formula, and nothing for
// some findings.
func clerk(t testing.TB, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	const s = "整改清单"
	// 责任人 (O) to the front: every column moves right by one, 责任人 to P.
	if err := f.InsertCols(s, "A", 1); err != nil {
		t.Fatal(err)
	}
	for r := 1; r <= 6; r++ {
		v, err := f.GetCellValue(s, cellRef("P", r))
		if err != nil {
			t.Fatal(err)
		}
		if err := f.SetCellStr(s, cellRef("A", r), v); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.RemoveCol(s, "P"); err != nil {
		t.Fatal(err)
	}
	// Now: A 责任人, B 序号 … M 行号, N 复核, O 整改措施, P 整改时限, Q 整改状态.
	set := func(ref string, v any) {
		t.Helper()
		var err error
		if str, ok := v.(string); ok {
			err = f.SetCellStr(s, ref, str)
		} else {
			err = f.SetCellValue(s, ref, v)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	set("O2", "补充公开到网站")
	set("A2", "王五")
	set("P2", time.Date(2018, 3, 31, 0, 0, 0, 0, time.UTC))
	set("Q2", "整改中")
	set("O3", "=重新发布")
	set("A3", "赵六")
	set("Q3", "未整改")
	set("R1", "备注")
	set("R6", "已核实，台账日期格式已改正")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func cellRef(col string, row int) string { return fmt.Sprintf("%s%d", col, row) }

// rectProj is what a rectification row says about which finding it is and
// what the unit typed: 文号, 指标, 工作表, 行号, then the typed columns.
func rectProj(r []string) []string {
	out := []string{cell(r, rectDocNo), cell(r, rectItem), cell(r, rectSheet), cell(r, rectRow)}
	for i := rectMeasures; i < max(len(r), rectColumns); i++ {
		out = append(out, cell(r, i))
	}
	return out
}

func projRows(rs [][]string) [][]string {
	var out [][]string
	for _, r := range rs {
		out = append(out, rectProj(r))
	}
	return out
}

// The unit fixes the document of row 7 and sorts its register so that the
// document of row 9 is on row 8 and another late one is on row 9: the rerun
// keeps what it typed for row 9's document on row 8, nothing for the new
// finding on row 9, lists row 7 as resolved with what was typed for it, and
// keeps the unit's own column.
func TestRectificationCarriedOver(t *testing.T) {
	first := writeXLSX(t, unitResult(), xlsxTestOpts)
	filled := clerk(t, first)
	prev, err := ReadRectification(bytes.NewReader(filled), "自查报告.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]string{"备注"}, prev.Extra); diff != "" {
		t.Errorf("extra columns (-want +got):\n%s", diff)
	}
	if got := prev.Typed(); got != 3 {
		t.Errorf("typed rows = %d, want 3", got)
	}
	if prev.Lang != msg.ZH || prev.Source != "自查报告.xlsx" {
		t.Errorf("lang %q, source %q", prev.Lang, prev.Source)
	}

	res := unitResult()
	u := res.Units[0]
	fs := u.Findings
	moved := fs[1]
	moved.Row = 8
	late := fs[1]
	late.Row, late.DocNo, late.Title = 9, "金政发〔2017〕9号", "新问题"
	u.Findings = []scoring.FindingResult{moved, late, fs[2], fs[3], fs[4]}
	opts := xlsxTestOpts
	opts.Previous = prev
	f := openXLSX(t, writeXLSX(t, res, opts))
	if diff := cmp.Diff([]string{"计分明细", "问题清单", "应公开未公开清单", "整改清单", "已整改"}, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	list := rows(t, f, "整改清单")
	wantHead := []string{"序号", "单位", "问题类型", "应公开未公开", "文号", "标题", "问题说明", "指标", "依据条款", "来源文件", "工作表", "行号", "复核",
		"整改措施", "责任人", "整改时限", "整改状态", "备注"}
	if diff := cmp.Diff(wantHead, list[0]); diff != "" {
		t.Errorf("整改清单 header (-want +got):\n%s", diff)
	}
	want := [][]string{
		{"金政发〔2017〕3号", "A1", "公文台账", "8", "=重新发布", "赵六", "", "未整改"},
		{"金政发〔2017〕9号", "A1", "公文台账", "9", "", "", "", ""},
		{"金政办发〔2017〕2号", "A2", "公文台账", "3", "", "", "", ""},
		{"金政发〔2017〕5号", "A1", "公文台账", "11", "", "", "", ""},
		{"", "", "公文台账", "12", "", "", "", "", "已核实，台账日期格式已改正"},
	}
	if diff := cmp.Diff(want, projRows(list[1:])); diff != "" {
		t.Errorf("整改清单 (-want +got):\n%s", diff)
	}
	if formula, _ := f.GetCellFormula("整改清单", "N2"); formula != "" {
		t.Errorf("整改清单!N2 carried over as the formula %q", formula)
	}
	resolved := rows(t, f, "已整改")
	if diff := cmp.Diff([][]string{wantHead,
		{"1", "金积镇", "公开不及时", "是", "金政发〔2017〕1号", "关于印发金积镇2017年政务公开工作要点的通知", "印发后第8个工作日公开，超过5个工作日",
			"A1", "一(一)", "submissions/金积镇.xlsx", "公文台账", "7", "", "补充公开到网站", "王五", "43190", "整改中"},
	}, resolved); diff != "" {
		t.Errorf("已整改 (-want +got):\n%s", diff)
	}
	if dvs, err := f.GetDataValidations("整改清单"); err != nil || len(dvs) != 2 || dvs[0].Sqref != "Q2:Q1048576" {
		t.Errorf("整改清单 validations: %v %v", dvs, err)
	}

	// A third run in which everything is fixed: the second report's
	// 整改清单 and 已整改 are all resolved, nothing is lost.
	second, err := ReadRectification(bytes.NewReader(writeXLSX(t, res, opts)), "自查报告.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	res3 := unitResult()
	res3.Units[0].Findings = nil
	opts.Previous = second
	f3 := openXLSX(t, writeXLSX(t, res3, opts))
	if got := len(rows(t, f3, "整改清单")); got != 1 {
		t.Errorf("整改清单 has %d rows, want the header alone", got)
	}
	if diff := cmp.Diff(append(want, []string{"金政发〔2017〕1号", "A1", "公文台账", "7", "补充公开到网站", "王五", "43190", "整改中"}),
		projRows(rows(t, f3, "已整改")[1:])); diff != "" {
		t.Errorf("已整改 of the third run (-want +got):\n%s", diff)
	}
}

// A result that is not one unit's refuses to drop what was typed.
func TestRectificationDistrictRefused(t *testing.T) {
	prev, err := ReadRectification(bytes.NewReader(clerk(t, writeXLSX(t, unitResult(), xlsxTestOpts))), "自查报告.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	opts := xlsxTestOpts
	opts.Previous = prev
	var buf bytes.Buffer
	err = XLSX(&buf, xlsxResult(), opts)
	if err == nil || !strings.Contains(msg.Local(err, msg.EN), "what was typed in the rectification list of 自查报告.xlsx has nowhere to go") {
		t.Errorf("district result over a typed rectification list: %v", err)
	}
}

func TestRectificationMatch(t *testing.T) {
	doc := func(item string, row int, docNo string) scoring.FindingResult {
		return scoring.FindingResult{Item: item, Kind: "公开不及时", Sheet: "公文台账", Row: row, DocNo: docNo}
	}
	old := func(item string, row int, docNo string) RectificationRow {
		return RectificationRow{Item: item, Kind: "公开不及时", Sheet: "公文台账", Row: row, DocNo: docNo}
	}
	unitLevel := scoring.FindingResult{Item: "B3", Kind: "未达要求", Message: "公开了4条，应至少5条"}
	tests := []struct {
		name string
		rows []RectificationRow
		fs   []scoring.FindingResult
		want []int
	}{
		{"same place", []RectificationRow{old("A1", 7, "1号"), old("A2", 7, "1号")},
			[]scoring.FindingResult{doc("A2", 7, "1号"), doc("A1", 7, "1号")}, []int{1, 0}},
		{"moved by 文号, not taken by the row's new document", []RectificationRow{old("A1", 7, "1号")},
			[]scoring.FindingResult{doc("A1", 7, "2号"), doc("A1", 8, "1号")}, []int{-1, 0}},
		{"same row, 文号 left out on one side", []RectificationRow{old("A1", 7, ""), old("A1", 8, "3号")},
			[]scoring.FindingResult{doc("A1", 8, ""), doc("A1", 7, "2号")}, []int{1, 0}},
		{"other sheet", []RectificationRow{{Item: "A1", Sheet: "依申请公开台账", Row: 7, DocNo: "1号"}},
			[]scoring.FindingResult{doc("A1", 7, "1号")}, []int{-1}},
		{"never two findings on one row", []RectificationRow{old("A1", 7, "1号")},
			[]scoring.FindingResult{doc("A1", 7, "1号"), doc("A1", 7, "1号")}, []int{0, -1}},
		{"two rows of one document, in order", []RectificationRow{old("A1", 7, "1号"), old("A1", 9, "1号")},
			[]scoring.FindingResult{doc("A1", 10, "1号"), doc("A1", 11, "1号")}, []int{0, 1}},
		{"full-width 文号", []RectificationRow{old("A1", 7, "ＡＢ1号")},
			[]scoring.FindingResult{doc("A1", 8, "AB1号")}, []int{0}},
		{"no row: by message, then by kind", []RectificationRow{
			{Item: "B3", Kind: "未达要求", Message: "公开了3条，应至少5条"},
			{Item: "B3", Kind: "未达要求", Message: "公开了4条，应至少5条"},
		}, []scoring.FindingResult{unitLevel, unitLevel}, []int{1, 0}},
		{"no row does not take a row's record", []RectificationRow{old("B3", 7, "")},
			[]scoring.FindingResult{{Item: "B3", Kind: "公开不及时"}}, []int{-1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &Rectification{Lang: msg.ZH, Rows: tt.rows}
			if diff := cmp.Diff(tt.want, p.Match(tt.fs)); diff != "" {
				t.Errorf("match (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadRectificationErrors(t *testing.T) {
	report := writeXLSX(t, unitResult(), xlsxTestOpts)
	edit := func(fn func(f *excelize.File) error) []byte {
		t.Helper()
		f, err := excelize.OpenReader(bytes.NewReader(report))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := fn(f); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := f.Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	set := func(ref, v string) []byte {
		return edit(func(f *excelize.File) error { return f.SetCellStr("整改清单", ref, v) })
	}
	other := excelize.NewFile()
	if err := other.SetCellStr("Sheet1", "A1", "整改措施"); err != nil {
		t.Fatal(err)
	}
	var otherBuf bytes.Buffer
	if err := other.Write(&otherBuf); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		data   []byte
		zh, en string
	}{
		{"column deleted", edit(func(f *excelize.File) error { return f.RemoveCol("整改清单", "O") }),
			"r.xlsx 整改清单!A1: 表头缺少列 责任人", "r.xlsx 整改清单!A1: the header lacks the columns 责任人"},
		{"header twice", set("R1", " 责任人 "),
			"r.xlsx 整改清单!R1: 列「责任人」重复（另见 O 列）", `r.xlsx 整改清单!R1: the column "责任人" appears twice (see also column O)`},
		{"added header twice", edit(func(f *excelize.File) error {
			f.SetCellStr("整改清单", "R1", "备注")
			return f.SetCellStr("整改清单", "S1", "备注")
		}), "r.xlsx 整改清单!S1: 列「备注」重复（另见 R 列）", `r.xlsx 整改清单!S1: the column "备注" appears twice (see also column R)`},
		{"text without a header", set("S4", "周五前完成"),
			"r.xlsx 整改清单!S4: 这一列没有表头，其中填写的内容无法承接；请给这一列加上表头",
			"r.xlsx 整改清单!S4: this column has no header, so what is typed in it cannot be carried over; give the column a header"},
		{"row not a number", set("L3", "第九行"),
			"r.xlsx 整改清单!L3: 行号「第九行」不是数字", `r.xlsx 整改清单!L3: row "第九行" is not a number`},
		{"no header row", edit(func(f *excelize.File) error { return f.RemoveRow("整改清单", 1) }),
			"r.xlsx 整改清单: 前10行中没有找到表头（应包含 指标、工作表、行号、文号、整改措施、责任人、整改时限、整改状态）",
			"r.xlsx 整改清单: no header row in the first 10 rows (it should hold 指标, 工作表, 行号, 文号, 整改措施, 责任人, 整改时限, 整改状态)"},
		{"another workbook", otherBuf.Bytes(),
			"r.xlsx: 不是 zwgk 写出的自查报告（没有「整改清单」工作表）", "r.xlsx: not a unit report written by zwgk (no sheet 整改清单 or Rectification)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := ReadRectification(bytes.NewReader(tt.data), "r.xlsx")
			if err == nil {
				t.Fatalf("read %d rows, want an error", len(p.Rows))
			}
			if diff := cmp.Diff([]string{tt.zh, tt.en}, []string{msg.Local(err, msg.ZH), msg.Local(err, msg.EN)}); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
		})
	}
	if _, err := ReadRectification(strings.NewReader("not a zip"), "r.xlsx"); err == nil || !strings.HasPrefix(err.Error(), "r.xlsx: 无法作为 .xlsx 工作簿打开") {
		t.Errorf("not a workbook: %v", err)
	}
	// A district report has no rectification list: nothing to carry over.
	if p, err := ReadRectification(bytes.NewReader(writeXLSX(t, xlsxResult(), xlsxTestOpts)), "r.xlsx"); p != nil || err != nil {
		t.Errorf("district report: %v, %v", p, err)
	}
	// An English report reads back, in English.
	en := xlsxTestOpts
	en.Lang = msg.EN
	p, err := ReadRectification(bytes.NewReader(writeXLSX(t, unitResult(), en)), "r.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if p.Lang != msg.EN || len(p.Rows) != 5 || p.Rows[0].List != "Rectification" || p.Rows[0].Line != 2 || p.Rows[0].Kind != "公开不及时" {
		t.Errorf("English report read as %q with %d rows, first %+v", p.Lang, len(p.Rows), p.Rows[0])
	}
}
