package report

import (
	"bytes"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// hostile is text a unit could put in its name, file name or a register:
// an OSC sequence that sets the terminal's title, and a bidi override.
const hostile = "\x1b]0;pwned\x07\u202e"

// hostileResult is one scored unit whose name, source, item title and
// finding carry hostile text, and an unreadable file whose name does.
func hostileResult() *scoring.Result {
	u := &scoring.UnitResult{Name: "城关镇" + hostile, Type: "乡镇", Source: "submissions/城关镇" + hostile + ".xlsx",
		Status: scoring.StatusOK, Score: 95.5, Grade: "优秀", Rank: 1, PerformancePoints: 3.82,
		Sections: xlsxSections(8, 5), Items: xlsxItems(1, 7, false),
		Findings: []scoring.FindingResult{{Item: "A1", Kind: "公开不及时", Public: true, Table: "documents",
			File: "submissions/城关镇" + hostile + ".xlsx", Sheet: "公文台账", Row: 7, Col: "F", DocNo: "城政发〔2017〕1号",
			Title: "通知" + hostile, Message: "「通知" + hostile + "」未公开"}},
	}
	return &scoring.Result{
		Format: scoring.FormatV1, Checklist: xlsxChecklist(), Year: 2017,
		Units:  []*scoring.UnitResult{u},
		Errors: []scoring.ErrorEntry{{File: "submissions/坏" + hostile + ".xlsx", Message: "文件已损坏"}},
	}
}

// TestControlCharactersEscaped: the console table and the CSV show control
// characters and bidi overrides from the data escaped (msg.Escape); the
// workbook is written, excelize putting U+FFFD for what XML cannot hold.
func TestControlCharactersEscaped(t *testing.T) {
	res := hostileResult()
	var table bytes.Buffer
	if err := Table(&table, res, TableOptions{Lang: msg.ZH}); err != nil {
		t.Fatal(err)
	}
	wantTable := `利通区政务公开工作年度评估指标（litong-2017）  年度 2017
┌──────┬─────────────────────────────┬──────┬───────┬──────┬────────┬────────┬──────────────┬────────┬────────┬────────┐
│ 排名 │            单位             │ 类型 │ 得分  │ 等级 │ 效能分 │ 自评分 │ 应公开未公开 │  公开  │ 问题数 │  状态  │
│      │                             │      │       │      │        │        │              │ 不及时 │        │        │
├──────┼─────────────────────────────┼──────┼───────┼──────┼────────┼────────┼──────────────┼────────┼────────┼────────┤
│ 1    │ 城关镇\x1b]0;pwned\x07\u202 │ 乡镇 │ 95.50 │ 优秀 │ 3.82   │ -      │ 0            │ 1      │ 1      │ 已报送 │
│      │ e                           │      │       │      │        │        │              │        │        │        │
└──────┴─────────────────────────────┴──────┴───────┴──────┴────────┴────────┴──────────────┴────────┴────────┴────────┘
无法读取的报送材料（不排名、不评定等级）：
  submissions/坏\x1b]0;pwned\x07\u202e.xlsx: 文件已损坏

城关镇\x1b]0;pwned\x07\u202e  得分 95.50  等级 优秀
┌──────┬──────────────────────────────────────────────────────────┬──────────┬───────┬────────┬────────┬───────┬──────┐
│ 编号 │                           指标                           │   方法   │ 分值  │  适用  │ 不符合 │ 自评  │ 得分 │
├──────┼──────────────────────────────────────────────────────────┼──────────┼───────┼────────┼────────┼───────┼──────┤
│ A1   │ 公文拟制时明确公开属性（主动公开、依申请公开、不予公开、 │ 扣分     │ 3.00  │ 12     │ 2      │ 3.00  │ 1.00 │
│      │ 脱密后公开）                                             │          │       │        │        │       │      │
│ A2   │ 涉及公民权利义务的政策性文件印发后5个工作日内公开        │ 比例计分 │ 10.00 │ 10     │ 3      │ 10.00 │ 7.00 │
│ F1   │ 明确分管领导和工作机构                                   │ 自评     │ 5.00  │ 0      │ 0      │ 5.00  │ 5.00 │
│ F5   │ 发生泄密事件                                             │ 一票否决 │ 0.00  │ 1      │ 0      │ -     │ 0.00 │
│ G1   │ 工作经验被上级推广                                       │ 加分     │ 2.00  │ 不适用 │ 0      │ -     │ 0.00 │
└──────┴──────────────────────────────────────────────────────────┴──────────┴───────┴────────┴────────┴───────┴──────┘
┌──────┬────────────────────────────┬─────────────┬───────────────────┬──────────────────────────────────────┐
│ 指标 │            问题            │    位置     │       文号        │                 说明                 │
├──────┼────────────────────────────┼─────────────┼───────────────────┼──────────────────────────────────────┤
│ A1   │ 公开不及时（应公开未公开） │ 公文台账!F7 │ 城政发〔2017〕1号 │ 「通知\x1b]0;pwned\x07\u202e」未公开 │
└──────┴────────────────────────────┴─────────────┴───────────────────┴──────────────────────────────────────┘
`
	if diff := cmp.Diff(wantTable, table.String()); diff != "" {
		t.Errorf("table (-want +got)\n%s", diff)
	}

	var buf bytes.Buffer
	if err := CSV(&buf, res, CSVOptions{Lang: msg.ZH}); err != nil {
		t.Fatal(err)
	}
	wantCSV := `排名,单位,类型,状态,得分,等级,效能考核折算分,自评分,一票否决,应公开未公开问题数,公开不及时问题数,问题总数,来源
1,城关镇\x1b]0;pwned\x07\u202e,乡镇,已报送,95.50,优秀,3.82,,否,0,1,1,submissions/城关镇\x1b]0;pwned\x07\u202e.xlsx
`
	if diff := cmp.Diff(wantCSV, buf.String()); diff != "" {
		t.Errorf("CSV (-want +got)\n%s", diff)
	}

	f := openXLSX(t, writeXLSX(t, res, xlsxTestOpts))
	got := findRow(t, rows(t, f, "问题清单"), 1, "城关镇\ufffd]0;pwned\ufffd\u202e")
	if want := "通知\ufffd]0;pwned\ufffd\u202e"; !slices.Contains(got, want) {
		t.Errorf("问题清单 row %q lacks the title %q", got, want)
	}
}

// TestDiffTableEscaped: the console comparison shows unit and file names'
// control characters escaped too.
func TestDiffTableEscaped(t *testing.T) {
	c := &scoring.Comparison{Old: scoring.DiffSide{File: "旧" + hostile + ".json", Year: 2016}, New: scoring.DiffSide{File: "新.json", Year: 2017},
		Units: []*scoring.UnitDiff{{Name: "城关镇" + hostile}}, Added: []string{"新增" + hostile}, Gone: []string{"撤销" + hostile},
		Warnings: []string{"提示" + hostile}}
	var b bytes.Buffer
	if err := DiffTable(&b, c, msg.ZH); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if bytes.ContainsAny(b.Bytes(), "\x1b\x07") || bytes.Contains(b.Bytes(), []byte("\u202e")) {
		t.Errorf("raw control characters in the comparison:\n%q", out)
	}
	for _, s := range []string{"旧\\x1b]0;pwned\\x07\\u202e.json", "城关镇\\x1b]0;pwned\\x07\\u202e", "新增\\x1b", "撤销\\x1b", "提示\\x1b"} {
		if !bytes.Contains(b.Bytes(), []byte(s)) {
			t.Errorf("comparison lacks %q:\n%s", s, out)
		}
	}
}
