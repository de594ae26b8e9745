package audit

import (
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/rules"
)

const testChecklist = `format: zwgk.checklist/v1
id: test
title: 测试
year: 2017
total: 100
performance_weight: 0.04
grades: [{name: 合格, min: 60}, {name: 不合格, min: 0}]
calendar: [cn, cn-nx]
sections:
  - id: A
    title: 甲
    items:
      - id: A1
        title: 政策性文件5个工作日内公开
        basis: 一(一)
        points: 40
        method: deduct
        per: 2
        table: documents
        where: 'attribute == "主动公开" && policy && affects_rights'
        check: 'published_on != nil && workdays(issued_on, published_on) <= 5'
        finding: 公开不及时
        public: true
      - id: A2
        title: 不公开的说明理由
        basis: 一(一)
        points: 30
        method: deduct
        table: documents
        where: 'attribute in ["依申请公开", "不予公开", "脱密后公开"]'
        check: 'reason != nil && trim(reason) != ""'
        finding: 未说明不公开理由
      - id: A3
        title: 72小时内转载
        basis: 三(二)
        points: 20
        method: rate
        table: reposts
        check: 'hours(source_published_at, reposted_at) <= 72'
        finding: 转载不及时
      - id: A4
        title: 乡镇开放日
        basis: 四(三)
        points: 10
        method: self
        applies: 'unit.type == "乡镇"'
      - id: V1
        title: 不得伪造发布日期
        basis: 六(四)
        method: veto
        table: documents
        where: 'published_on != nil'
        check: 'published_on >= issued_on'
        finding: 弄虚作假
      - id: G1
        title: 图解
        basis: 二(五)
        points: 2
        method: bonus
        per: 1
        table: documents
        check: 'interpretation == "图解"'
`

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		t, err = time.Parse("2006-01-02", s)
	}
	if err != nil {
		panic(err)
	}
	return t
}

type got struct {
	Item, Kind, Cell, Message string
	Public                    bool
}

func TestEvaluate(t *testing.T) {
	c, err := checklists.Load("test.yaml", []byte(testChecklist), checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	docs := &Table{Name: "documents", File: "金积镇.xlsx", Sheet: "公文台账",
		Columns: map[string]string{"doc_no": "A", "title": "B", "issued_on": "C", "attribute": "D", "reason": "E", "policy": "F", "affects_rights": "G", "published_on": "H", "interpretation": "J", "declassified_on": "K"}}
	policy := func(line int, no, issued, published string) *Row {
		r := &Row{Line: line, Values: checklists.Row{"doc_no": no, "title": "文件" + no, "issued_on": day(issued), "attribute": "主动公开", "policy": true, "affects_rights": true}}
		if published != "" {
			r.Values["published_on"] = day(published)
		}
		return r
	}
	docs.Rows = []*Row{
		// National Day 2017: 09-30 (Sat) worked, 10-01…08 off: 09-29 → 10-10 is working day 3.
		policy(2, "金政发〔2017〕1号", "2017-09-29", "2017-10-10"),
		// 09-22 → 10-10: 09-25…29, 09-30, 10-09, 10-10 = 8 working days.
		policy(3, "金政发〔2017〕2号", "2017-09-22", "2017-10-10"),
		// Ningxia's 开斋节 2017: 06-24…28 off, 07-01 worked. 06-23 → 07-03: 06-29, 06-30, 07-01, 07-03 = 4.
		policy(4, "金政发〔2017〕3号", "2017-06-23", "2017-07-03"),
		// Never published.
		policy(5, "金政发〔2017〕4号", "2017-06-01", ""),
		// A bad issue date: the row is a 数据错误 of A1 and V1, whose checks read
		// it — never 公开不及时, never a veto — and fails A1.
		{Line: 6, Values: checklists.Row{"doc_no": "金政发〔2017〕5号", "title": "日期有误", "attribute": "主动公开", "policy": true, "affects_rights": true,
			"published_on": day("2017-06-05"), "interpretation": "图解"}, Bad: []string{"issued_on"}},
		// Withheld without a reason; blank policy/rights cells do not break A1's where.
		{Line: 7, Values: checklists.Row{"doc_no": "金政发〔2017〕6号", "title": "人事任免", "issued_on": day("2017-03-01"), "attribute": "不予公开", "reason": "  "}},
		// No attribute at all: A2's where does not match, nothing fails. Its bad
		// 脱密日期 is read by no rule: a data error of no item.
		{Line: 8, Values: checklists.Row{"title": "无属性", "issued_on": day("2017-03-01"), "interpretation": "图解"}, Bad: []string{"declassified_on"}},
		// An unreadable 公开日期 that V1's where reads: whether the row is in
		// V1 cannot be told, so it is a 数据错误 of V1, and a typo never
		// becomes a falsification veto. A1's where, which does not read it,
		// leaves the row out: A1 never sees the bad cell.
		{Line: 9, Values: checklists.Row{"title": "非政策", "issued_on": day("2017-03-01"), "attribute": "依申请公开", "reason": "内部事务信息"}, Bad: []string{"published_on"}},
	}
	reposts := &Table{Name: "reposts", File: "金积镇.xlsx", Sheet: "转载台账", Columns: map[string]string{"title": "A", "source_published_at": "C", "reposted_at": "D"},
		Rows: []*Row{
			{Line: 2, Values: checklists.Row{"title": "自治区文件", "source_published_at": day("2017-05-02 09:00"), "reposted_at": day("2017-05-05 09:00")}}, // exactly 72 h
			{Line: 3, Values: checklists.Row{"title": "吴忠市文件", "source_published_at": day("2017-05-02 09:00"), "reposted_at": day("2017-05-05 09:30")}},
			{Line: 4, Values: checklists.Row{"title": "未填转载时间", "source_published_at": day("2017-05-02 09:00")}},
		}}
	u := &Unit{Name: "金积镇", Type: checklists.Department, Source: "金积镇.xlsx", Tables: map[string]*Table{"documents": docs, "reposts": reposts},
		Issues: []Issue{
			{Kind: DataError, Pos: docs.Pos(docs.Rows[4], "issued_on"), Table: "documents", Field: "issued_on", Text: msg.New("无法识别的日期「%s」", "unrecognised date %q", "2017年6月31日")},
			{Kind: DataError, Pos: docs.Pos(docs.Rows[6], "declassified_on"), Table: "documents", Field: "declassified_on", Text: msg.New("无法识别的日期「%s」", "unrecognised date %q", "不详")},
			{Kind: DataError, Pos: docs.Pos(docs.Rows[7], "published_on"), Table: "documents", Field: "published_on", Text: msg.New("无法识别的日期「%s」", "unrecognised date %q", "2017.13.1")},
		}}
	ev := NewPlan(c).Evaluate(u, 2017)

	var findings []got
	counts := map[string][3]int{}
	for _, o := range ev.Outcomes {
		counts[o.Item.ID] = [3]int{o.Applicable, o.Failed, boolInt(o.NA)}
		for _, f := range o.Findings {
			findings = append(findings, got{f.Item, f.Kind, f.Pos.Cell(), f.Text.Zh, f.Public})
		}
	}
	want := []got{
		{"A1", "公开不及时", "公文台账!H3", "公开不及时：印发后第8个工作日公开，超过5个工作日", true},
		{"A1", "公开不及时", "公文台账!H5", "公开不及时：公开日期未填写", true},
		{"A1", "数据错误", "公文台账!C6", "公文台账!C6「印发日期」无法识别的日期「2017年6月31日」：指标A1无法判断这一行，按不符合计；请更正后重新审核", false},
		{"A2", "未说明不公开理由", "公文台账!7", "未说明不公开理由：不符合「不公开的说明理由」（不公开理由 未填写）", false},
		{"A3", "转载不及时", "转载台账!D3", "转载不及时：上级发布后72.5小时转载，超过72小时", false},
		{"A3", "转载不及时", "转载台账!D4", "转载不及时：转载时间未填写", false},
		{"V1", "数据错误", "公文台账!C6", "公文台账!C6「印发日期」无法识别的日期「2017年6月31日」：指标V1无法判断这一行，不作为否决的依据；请更正后重新审核", false},
		{"V1", "数据错误", "公文台账!H9", "公文台账!H9「公开日期」无法识别的日期「2017.13.1」：指标V1无法判断这一行，不作为否决的依据；请更正后重新审核", false},
	}
	if diff := cmp.Diff(want, findings); diff != "" {
		t.Errorf("findings (-want +got)\n%s", diff)
	}
	wantCounts := map[string][3]int{"A1": {5, 3, 0}, "A2": {2, 1, 0}, "A3": {3, 2, 0}, "A4": {0, 0, 1}, "V1": {5, 0, 0}, "G1": {8, 6, 0}}
	if diff := cmp.Diff(wantCounts, counts); diff != "" {
		t.Errorf("applicable/failed/na (-want +got)\n%s", diff)
	}
	// A cell listed under a rule that reads it is not listed again.
	var unitLevel []got
	for _, f := range ev.Findings {
		unitLevel = append(unitLevel, got{f.Item, f.Kind, f.Pos.Cell(), f.Text.Zh, f.Public})
	}
	wantUnit := []got{{"", "数据错误", "公文台账!K8", "公文台账!K8: 无法识别的日期「不详」", false}}
	if diff := cmp.Diff(wantUnit, unitLevel); diff != "" {
		t.Errorf("data errors of no item (-want +got)\n%s", diff)
	}
	if ev.Vetoed() {
		t.Error("vetoed by unreadable cells")
	}
}

func TestEvaluateRuleErrorNeverPanics(t *testing.T) {
	src := `format: zwgk.checklist/v1
id: test
title: 测试
total: 10
performance_weight: 0.04
grades: [{name: 合格, min: 0}]
sections:
  - id: A
    title: 甲
    items:
      - {id: A1, title: 转换, basis: 一(一), points: 10, method: deduct, table: documents, check: 'int(title) > 0', finding: 测试}
`
	c, err := checklists.Load("t.yaml", []byte(src), checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	docs := &Table{Name: "documents", File: "x.xlsx", Sheet: "公文台账", Rows: []*Row{{Line: 9, Values: checklists.Row{"title": "两字"}}}}
	ev := NewPlan(c).Evaluate(&Unit{Name: "x", Tables: map[string]*Table{"documents": docs}}, 2017)
	o := ev.Outcomes[0]
	if o.Failed != 1 || len(o.Findings) != 1 || o.Findings[0].Kind != KindRuleError || o.Findings[0].Pos.Row != 9 {
		t.Fatalf("outcome = %+v, want one 规则错误 at row 9", o)
	}
	t.Log(o.Findings[0].Text.Zh)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestCountRowsRewrite: len(filter(tables.T, .f == x)) and count(…) are
// answered from an index, with the same result as the walk.
func TestCountRowsRewrite(t *testing.T) {
	src := `format: zwgk.checklist/v1
id: test
title: 测试
total: 30
performance_weight: 0.04
grades: [{name: 合格, min: 0}]
sections:
  - id: A
    title: 甲
    items:
      - {id: A1, title: 索引, basis: 一(四), points: 10, method: deduct, table: documents, check: 'len(filter(tables.requests, .doc_no == doc_no)) < 3 || attribute == "主动公开"', finding: 集中}
      - {id: A2, title: 索引2, basis: 一(四), points: 10, method: deduct, table: documents, check: 'count(tables.requests, doc_no == .doc_no) < 3 || attribute == "主动公开"', finding: 集中}
      - {id: A3, title: 遍历, basis: 一(四), points: 10, method: deduct, table: documents, check: 'len(filter(tables.requests, .doc_no == doc_no && true)) < 3 || attribute == "主动公开"', finding: 集中}
`
	c, err := checklists.Load("t.yaml", []byte(src), checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range c.Items()[:2] {
		if it.Check.Program.Uses(rules.VarTables) || !it.Check.Program.Uses(rules.VarCountRows) {
			t.Errorf("%s: %s was not rewritten to count_rows", it.ID, it.Check.Source)
		}
	}
	req := func(line int, no any) *Row {
		r := &Row{Line: line, Values: checklists.Row{"subject": "申请"}}
		if no != nil {
			r.Values["doc_no"] = no
		}
		return r
	}
	requests := &Table{Name: "requests", Rows: []*Row{req(2, "甲1号"), req(3, "甲1号"), req(4, "甲1号"), req(5, "甲2号"), req(6, nil), req(7, nil), req(8, nil)}}
	docs := &Table{Name: "documents", Sheet: "公文台账", Rows: []*Row{
		{Line: 2, Values: checklists.Row{"doc_no": "甲1号", "attribute": "依申请公开"}}, // requested 3 times: fails
		{Line: 3, Values: checklists.Row{"doc_no": "甲2号", "attribute": "依申请公开"}}, // once: passes
		{Line: 4, Values: checklists.Row{"attribute": "依申请公开"}},                  // no 文号: three requests without one are not "the same"
		{Line: 5, Values: checklists.Row{"doc_no": "甲1号", "attribute": "主动公开"}},
	}}
	ev := NewPlan(c).Evaluate(&Unit{Name: "x", Tables: map[string]*Table{"documents": docs, "requests": requests}}, 2017)
	for _, o := range ev.Outcomes {
		var rows []int
		for _, f := range o.Findings {
			rows = append(rows, f.Pos.Row)
		}
		if diff := cmp.Diff([]int{2}, rows); diff != "" {
			t.Errorf("%s failing rows (-want +got)\n%s", o.Item.ID, diff)
		}
	}
}

// TestExplainDaysOnDateTimes: the explanation of a days(a, b) check on
// date-time fields states the days the rule counted (by dates), not hours/24:
// 05-02 18:00 → 05-05 09:00 is the third day, over a limit of 2, though only
// 63 hours.
func TestExplainDaysOnDateTimes(t *testing.T) {
	src := `format: zwgk.checklist/v1
id: test
title: 测试
total: 10
performance_weight: 0.04
grades: [{name: 合格, min: 0}]
sections:
  - id: A
    title: 甲
    items:
      - {id: A1, title: 两天内转载, basis: 三(二), points: 10, method: rate, table: reposts, check: 'days(source_published_at, reposted_at) <= 2', finding: 转载不及时}
`
	c, err := checklists.Load("t.yaml", []byte(src), checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	reposts := &Table{Name: "reposts", File: "x.xlsx", Sheet: "转载台账", Columns: map[string]string{"source_published_at": "C", "reposted_at": "D"},
		Rows: []*Row{
			{Line: 2, Values: checklists.Row{"source_published_at": day("2017-05-02 18:00"), "reposted_at": day("2017-05-05 09:00")}}, // 63 h, day 3: fails
			{Line: 3, Values: checklists.Row{"source_published_at": day("2017-05-02 18:00"), "reposted_at": day("2017-05-04 23:00")}}, // day 2: passes
		}}
	ev := NewPlan(c).Evaluate(&Unit{Name: "x", Tables: map[string]*Table{"reposts": reposts}}, 2017)
	var findings []got
	for _, f := range ev.Outcomes[0].Findings {
		findings = append(findings, got{f.Item, f.Kind, f.Pos.Cell(), f.Text.Zh + " | " + f.Text.En, f.Public})
	}
	want := []got{{"A1", "转载不及时", "转载台账!D2",
		"转载不及时：上级发布后第3天转载，超过2天 | 转载不及时: 转载时间 (reposted at) is 3 days after 上级发布时间 (source published at), over the limit of 2 days", false}}
	if diff := cmp.Diff(want, findings); diff != "" {
		t.Errorf("findings (-want +got)\n%s", diff)
	}
}
