package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/docx"
)

func readBulletin(t *testing.T, res *scoring.Result, l msg.Lang) *docx.Content {
	t.Helper()
	var buf bytes.Buffer
	if err := Bulletin(&buf, res, BulletinOptions{Lang: l, Generated: "2026-11-25，zwgk v0.1.0"}); err != nil {
		t.Fatal(err)
	}
	if err := docx.Check(buf.Bytes()); err != nil {
		t.Fatalf("the package: %v", err)
	}
	c, err := docx.Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func hasParagraph(t *testing.T, c *docx.Content, want ...string) {
	t.Helper()
	texts := c.Texts()
	for _, w := range want {
		if !slices.Contains(texts, w) {
			t.Errorf("no paragraph %q in\n%s", w, strings.Join(texts, "\n"))
		}
	}
}

// TestBulletin reads the draft bulletin of xlsxResult back: the counts,
// the ranking table, the grade lists, the problems counted from the
// findings (the dismissed one left out), the requirements.
func TestBulletin(t *testing.T) {
	c := readBulletin(t, xlsxResult(), msg.ZH)
	var title, heads []string
	for _, p := range c.Paragraphs {
		switch p.Style {
		case docx.StyleTitle:
			title = append(title, p.Text)
		case docx.StyleHeading1:
			heads = append(heads, p.Text)
		}
	}
	if diff := cmp.Diff([]string{"关于2017年度政务公开工作考核结果的通报"}, title); diff != "" {
		t.Errorf("title (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"一、考核基本情况", "二、考核结果", "三、存在的主要问题", "四、整改要求"}, heads); diff != "" {
		t.Errorf("headings (-want +got):\n%s", diff)
	}
	hasParagraph(t, c,
		"各乡镇人民政府，各部门：",
		"按照《利通区政务公开工作年度评估指标（litong-2017）》，【待填写】（考核机关）对 5 个单位2017年度政务公开工作进行了考核。现将考核结果通报如下。",
		"本次考核对象共 5 个单位，其中乡镇 2 个、部门 2 个、其他 1 个。报送考核材料的 3 个，未报送的 1 个，报送材料无法读取的 1 个。",
		"考核按《利通区政务公开工作年度评估指标》进行，满分 100 分，包括五公开 13 分、组织保障 5 分；另设加分项，最多加 2 分；考核得分按 4% 的权重计入效能目标考核。",
		"考核以各单位报送的公文台账等材料为依据，逐条核对计分。指标共 5 项（扣分 1 项、比例计分 1 项、自评 1 项、一票否决 1 项、加分 1 项）；自评项目按单位自评分计入。"+
			"考核组对发现的问题进行了抽查复核，确认 0 条、排除 1 条，调整指标得分 1 项。有 2 个单位的考核得分低于其自评得分。【待填写】（实地核查、第三方评估等其他考核方式，没有的删除）",
		"考核结果分为优秀（90分及以上）、良好（80分及以上）、合格（60分及以上）、不合格（60分以下） 4 个等次；有一票否决情形的单位、未报送考核材料的单位评为不合格。",
		"（一）优秀等次（1 个）：金积镇。",
		"（二）良好等次（1 个）：../../x[1]。",
		"（三）合格等次（0 个）：无。",
		"（四）不合格等次（1 个）：利通区民政局。",
		"（五）一票否决（1 个）：利通区民政局（涉密文件在网站公开）。",
		"（六）未报送考核材料（1 个）：扁担沟镇，按 0 分计。",
		"（七）报送材料无法读取、未评定等次（1 个）：submissions/统计局.xls（这是旧版 .xls 文件，请另存为 .xlsx）。",
		"考核共发现问题 5 条，涉及 3 个单位，其中应公开未公开类问题（公开不及时）3 条。主要有：",
		"（一）公开不及时。共 4 条，涉及 2 个单位（金积镇 3 条、../../x[1] 1 条）；指标 A1、A2。",
		"（二）发生泄密事件。共 1 条，涉及 1 个单位（利通区民政局 1 条）；指标 F5。",
		"此外，台账填报方面：数据错误 1 条（金积镇 1 条）。",
		"（一）各单位要对照考核评估报告中的问题清单逐条整改，于【待填写】（整改期限）前将整改情况书面报送【待填写】（报送单位）。",
		"（二）应公开未公开的信息要立即补充公开，并查明原因，完善公文公开属性审查和发布审核机制。",
		"（三）考核结果为不合格的单位（利通区民政局、扁担沟镇）要认真分析原因，制定整改方案，于【待填写】前报送。",
		"（四）【待填写】（其他要求）",
		"【待填写】（发文机关署名）", "【待填写】（成文日期）",
	)
	// The ranking: every unit, as the Excel report's 汇总.
	if len(c.Tables) != 1 {
		t.Fatalf("%d tables, want 1", len(c.Tables))
	}
	want := [][]string{
		{"排名", "单位", "类型", "得分", "等次", "效能分", "备注"},
		{"1", "金积镇", "乡镇", "95.50", "优秀", "3.82", ""},
		{"2", "../../x[1]", "部门", "82.00", "良好", "3.28", ""},
		{"3", "利通区民政局", "部门", "88.00", "不合格", "3.52", "一票否决"},
		{"4", "扁担沟镇", "乡镇", "0.00", "不合格", "0.00", "未报送"},
		{"4", "submissions/统计局.xls", "", "—", "不合格", "—", "读取失败"},
	}
	if diff := cmp.Diff(want, c.Tables[0].Rows); diff != "" {
		t.Errorf("ranking (-want +got):\n%s", diff)
	}
	if c.Tables[0].Head != 1 {
		t.Errorf("ranking heading rows %d", c.Tables[0].Head)
	}
	// Placeholders highlighted; the drafting note removable.
	for _, p := range c.Paragraphs {
		if n := strings.Count(p.Text, ToFill); n != len(p.Marked) {
			t.Errorf("%q: %d placeholders, %d highlighted", p.Text, n, len(p.Marked))
		}
	}
	if p := c.Paragraphs[0]; p.Note != NoteDrafting {
		t.Errorf("the first paragraph %+v is not the drafting note", p)
	}
	var notes []string
	for _, p := range c.Paragraphs {
		if p.Note == NoteDrafting {
			notes = append(notes, p.Text)
		}
	}
	if !slices.Contains(notes, "提示：工作日历「cn-nx」缺少2017年的地方节假日安排") {
		t.Errorf("the result's warnings are not in the drafting note: %q", notes)
	}
}

func TestBulletinEnglish(t *testing.T) {
	c := readBulletin(t, xlsxResult(), msg.EN)
	hasParagraph(t, c,
		"Notice on the results of the 2017 evaluation of government affairs openness",
		"To the township governments and the departments:",
		"1. How the evaluation was done", "2. Results", "3. Main problems found", "4. What must be corrected",
		"5 units were evaluated (2 townships, 2 departments, 1 others). 3 handed in their registers, 1 did not, and the submissions of 1 could not be read.",
		"(1) 优秀 (1): 金积镇.",
		"(5) Vetoed (1): 利通区民政局 (涉密文件在网站公开).",
		"5 problems were found in 3 units, 3 of them of the should-be-public kind (公开不及时). In order of frequency:",
		"(1) 公开不及时. 4 findings in 2 units (金积镇 3, ../../x[1] 1); items A1, A2.",
		"Besides, in the registers themselves: data error: 1 (金积镇 1).",
	)
	if diff := cmp.Diff([]string{"Rank", "Unit", "Type", "Score", "Grade", "Perf.", "Notes"}, c.Tables[0].Rows[0]); diff != "" {
		t.Errorf("ranking heading (-want +got):\n%s", diff)
	}
	if got := c.Tables[0].Rows[4][6]; got != "missing" {
		t.Errorf("the missing unit's note %q", got)
	}
}

func TestBulletinNoFindings(t *testing.T) {
	c := readBulletin(t, unrankedResult(), msg.ZH)
	hasParagraph(t, c, "本次考核未发现问题。【待填写】",
		"考核以各单位报送的公文台账等材料为依据，逐条核对计分。本次考核未录入抽查复核结果。【待填写】（实地核查、第三方评估等其他考核方式，没有的删除）")
	for _, p := range c.Texts() {
		if strings.Contains(p, "应公开未公开的信息要立即补充公开") {
			t.Errorf("a requirement about findings that do not exist: %q", p)
		}
	}
}

func TestChineseNumber(t *testing.T) {
	for n, want := range map[int]string{1: "一", 9: "九", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 99: "九十九", 100: "100"} {
		if got := chineseNumber(n); got != want {
			t.Errorf("chineseNumber(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestBulletinEscapes: control characters and bidi overrides in names and
// messages are shown escaped, and the document stays well-formed.
func TestBulletinEscapes(t *testing.T) {
	c := readBulletin(t, hostileResult(), msg.ZH)
	hasParagraph(t, c, `（一）优秀等次（1 个）：城关镇\x1b]0;pwned\x07\u202e。`)
	if got := c.Tables[0].Rows[1][1]; got != `城关镇\x1b]0;pwned\x07\u202e` {
		t.Errorf("ranking name %q", got)
	}
}

func TestBulletinUnappliedDecision(t *testing.T) {
	res := xlsxResult()
	res.Decisions = append(res.Decisions, &scoring.DecisionNote{Unit: "上桥镇", Item: "A2", Row: 8, Decision: scoring.Confirm,
		MessageText: msg.New("名单中没有这个单位", "no such unit")})
	c := readBulletin(t, res, msg.ZH)
	var notes []string
	for _, p := range c.Paragraphs {
		if p.Note == NoteDrafting {
			notes = append(notes, p.Text)
		}
	}
	if want := "复核决定未能采用（不计入上文的抽查复核）：上桥镇 A2 第8行：名单中没有这个单位"; !slices.Contains(notes, want) {
		t.Errorf("the drafting note %q lacks %q", notes, want)
	}
}

func TestBulletinNoUnits(t *testing.T) {
	res := &scoring.Result{Format: scoring.FormatV1, Checklist: xlsxChecklist(), Year: 2017}
	c := readBulletin(t, res, msg.ZH)
	hasParagraph(t, c, "各单位：", "本次考核对象共 0 个单位。报送考核材料的 0 个。")
	if len(c.Tables) != 1 || len(c.Tables[0].Rows) != 1 {
		t.Errorf("the ranking of no units: %+v", c.Tables)
	}
}
