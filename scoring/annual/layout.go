package annual

import "fmt"

// Layout is a version of the national format of the yearly report's tables.
type Layout string

// The layouts of the national format.
const (
	// Trial2019 is the trial format of 国办公开办函〔2019〕60号, used for the
	// reports on 2019 and 2020. Table 二 has its own columns (本年新制作数量,
	// 上一年项目数量, 本年增/减 …, and the rows 其他对外管理服务事项 and
	// 政府集中采购); in table 三, （六）其他处理 is one row without leaves.
	Trial2019 Layout = "2019-60"
	// Format2021 is the format of 国办公开办函〔2021〕30号, used from the
	// report on 2021.
	Format2021 Layout = "2021-30"
)

// LayoutFor returns the layout of the report on year: Format2021 from 2021,
// Trial2019 before. Years before 2019 had no national table format; they get
// the trial layout, the closest one.
func LayoutFor(year int) Layout {
	if year >= 2021 {
		return Format2021
	}
	return Trial2019
}

// Valid reports whether l is a known layout.
func (l Layout) Valid() bool { return l == Trial2019 || l == Format2021 }

// Document names the notice that defines the layout.
func (l Layout) Document() string {
	if l == Trial2019 {
		return "国办公开办函〔2019〕60号（试行）"
	}
	return "国办公开办函〔2021〕30号"
}

// The columns of table 三: the applicant types, then 总计.
const (
	Natural  = iota // 自然人
	Business        // 商业企业
	Research        // 科研机构
	Charity         // 社会公益组织
	Legal           // 法律服务机构
	OtherOrg        // 其他
	Total           // 总计
	Columns         // the number of columns
)

// ColumnLabels returns the column headings of table 三 as printed; the first six
// are also the values of the requests register's 申请人类型.
func ColumnLabels() []string {
	return []string{"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}
}

// The headings above the columns of table 三.
const (
	ApplicantHeading = "申请人情况"
	OrgHeading       = "法人或其他组织"
	Table3Note       = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
)

// Request outcomes (答复结果), as in the requests register.
const (
	Granted   = "予以公开"
	Partial   = "部分公开"
	Withheld  = "不予公开"
	Unable    = "无法提供"
	Refused   = "不予处理"
	OtherDone = "其他处理"
)

// Group is one outcome of table 三 that is broken down into leaf rows.
type Group struct {
	Key     string // withheld, unable, refused, other
	Outcome string // the 答复结果 it counts
	Label   string // （三）不予公开
	Leaves  []Leaf
}

// Leaf is one leaf row of table 三: the 具体情形 value it counts and its
// printed label without the number.
type Leaf struct {
	Detail string
	Label  string
}

// Groups returns the broken-down outcomes of table 三, in printed order. Their
// leaves' Detail values are the values of the requests register's 具体情形.
func Groups() []Group {
	return []Group{
		{Key: "withheld", Outcome: Withheld, Label: "（三）不予公开", Leaves: []Leaf{
			{"属于国家秘密", "属于国家秘密"},
			{"其他法律行政法规禁止公开", "其他法律行政法规禁止公开"},
			{"危及“三安全一稳定”", "危及“三安全一稳定”"},
			{"保护第三方合法权益", "保护第三方合法权益"},
			{"属于三类内部事务信息", "属于三类内部事务信息"},
			{"属于四类过程性信息", "属于四类过程性信息"},
			{"属于行政执法案卷", "属于行政执法案卷"},
			{"属于行政查询事项", "属于行政查询事项"},
		}},
		{Key: "unable", Outcome: Unable, Label: "（四）无法提供", Leaves: []Leaf{
			{"本机关不掌握相关政府信息", "本机关不掌握相关政府信息"},
			{"没有现成信息需要另行制作", "没有现成信息需要另行制作"},
			{"补正后申请内容仍不明确", "补正后申请内容仍不明确"},
		}},
		{Key: "refused", Outcome: Refused, Label: "（五）不予处理", Leaves: []Leaf{
			{"信访举报投诉类申请", "信访举报投诉类申请"},
			{"重复申请", "重复申请"},
			{"要求提供公开出版物", "要求提供公开出版物"},
			{"无正当理由大量反复申请", "无正当理由大量反复申请"},
			{"要求行政机关确认或重新出具已获取信息", "要求行政机关确认或重新出具已获取信息"},
		}},
		{Key: "other", Outcome: OtherDone, Label: "（六）其他处理", Leaves: []Leaf{
			{"申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"},
			{"申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"},
			{"其他处理情形", "其他"},
		}},
	}
}

// The keys of table 三's rows that are not leaves.
const (
	RowNew            = "new"             // 一、本年新收政府信息公开申请数量
	RowCarriedOver    = "carried_over"    // 二、上年结转政府信息公开申请数量
	RowGranted        = "granted"         // （一）予以公开
	RowPartial        = "partial"         // （二）部分公开
	RowOther          = "other"           // （六）其他处理, one row in the trial layout
	RowTotal          = "total"           // （七）总计
	RowCarriedForward = "carried_forward" // 四、结转下年度继续办理
)

// Labels of table 三's rows that are not leaves.
const (
	LabelNew            = "一、本年新收政府信息公开申请数量"
	LabelCarriedOver    = "二、上年结转政府信息公开申请数量"
	LabelResults        = "三、本年度办理结果"
	LabelGranted        = "（一）予以公开"
	LabelPartial        = "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
	LabelTotal          = "（七）总计"
	LabelCarriedForward = "四、结转下年度继续办理"
)

// RowDef is one row of table 三 as the layout prints it.
type RowDef struct {
	Key   string
	Label string // the row's own label: 「1.属于国家秘密」, 「（一）予以公开」, 「一、本年新收…」
	// Group is the label of the merged cell to the left of a leaf
	// (「（三）不予公开」), "" for other rows.
	Group string
	// Results is true for the rows under 三、本年度办理结果.
	Results bool
	// Leaf is the leaf a row counts, nil for other rows.
	Leaf *Leaf
}

// LeafKey is the row key of group g's leaf i (from 0): withheld.1, …
func LeafKey(g Group, i int) string { return fmt.Sprintf("%s.%d", g.Key, i+1) }

// Rows returns table 三's rows in printed order.
func (l Layout) Rows() []RowDef {
	rows := []RowDef{
		{Key: RowNew, Label: LabelNew},
		{Key: RowCarriedOver, Label: LabelCarriedOver},
		{Key: RowGranted, Label: LabelGranted, Results: true},
		{Key: RowPartial, Label: LabelPartial, Results: true},
	}
	for _, g := range Groups() {
		if g.Key == "other" && l == Trial2019 {
			rows = append(rows, RowDef{Key: RowOther, Label: g.Label, Results: true})
			continue
		}
		for i := range g.Leaves {
			rows = append(rows, RowDef{Key: LeafKey(g, i), Label: fmt.Sprintf("%d.%s", i+1, g.Leaves[i].Label),
				Group: g.Label, Results: true, Leaf: &g.Leaves[i]})
		}
	}
	return append(rows,
		RowDef{Key: RowTotal, Label: LabelTotal, Results: true},
		RowDef{Key: RowCarriedForward, Label: LabelCarriedForward})
}

// leafOf finds the group and row key of a 具体情形 value.
func leafOf(detail string) (Group, string, bool) {
	for _, g := range Groups() {
		for i, lf := range g.Leaves {
			if lf.Detail == detail {
				return g, LeafKey(g, i), true
			}
		}
	}
	return Group{}, "", false
}

// groupOf finds the group of an outcome.
func groupOf(outcome string) (Group, bool) {
	for _, g := range Groups() {
		if g.Outcome == outcome {
			return g, true
		}
	}
	return Group{}, false
}

// Section2 is one captioned block of table 二: 第二十条第（一）项 with its
// column headings (after 信息内容) and rows.
type Section2 struct {
	Caption string
	Heads   []string
	Rows    []Row2
}

// Row2 is one row of table 二: its label and, per column, the field of the
// 主动公开情况 form that fills it.
type Row2 struct {
	Label  string
	Fields []string
}

// ContentHeading heads the first column of every block of table 二.
const ContentHeading = "信息内容"

// IsMoney reports whether a 主动公开情况 field is in 万元.
func IsMoney(field string) bool { return field == "fees" || field == "procurement_amount" }

// Table2 returns table 二's blocks for the layout.
func (l Layout) Table2() []Section2 {
	if l == Trial2019 {
		items := []string{"上一年项目数量", "本年增/减", "处理决定数量"}
		return []Section2{
			{Caption: "第二十条第（一）项", Heads: []string{"本年新制作数量", "本年新公开数量", "对外公开总数量"}, Rows: []Row2{
				{"规章", []string{"rules_issued", "rules_published", "rules_public_total"}},
				{"规范性文件", []string{"norms_issued", "norms_published", "norms_public_total"}},
			}},
			{Caption: "第二十条第（五）项", Heads: items, Rows: []Row2{
				{"行政许可", []string{"licensing_items_prev", "licensing_items_change", "licensing_decisions"}},
				{"其他对外管理服务事项", []string{"services_items_prev", "services_items_change", "services_decisions"}},
			}},
			{Caption: "第二十条第（六）项", Heads: items, Rows: []Row2{
				{"行政处罚", []string{"penalty_items_prev", "penalty_items_change", "penalty_decisions"}},
				{"行政强制", []string{"coercion_items_prev", "coercion_items_change", "coercion_decisions"}},
			}},
			{Caption: "第二十条第（八）项", Heads: []string{"上一年项目数量", "本年增/减"}, Rows: []Row2{
				{"行政事业性收费", []string{"fee_items_prev", "fee_items_change"}},
			}},
			{Caption: "第二十条第（九）项", Heads: []string{"采购项目数量", "采购总金额"}, Rows: []Row2{
				{"政府集中采购", []string{"procurement_projects", "procurement_amount"}},
			}},
		}
	}
	decisions := []string{"本年处理决定数量"}
	return []Section2{
		{Caption: "第二十条第（一）项", Heads: []string{"本年制发件数", "本年废止件数", "现行有效件数"}, Rows: []Row2{
			{"规章", []string{"rules_issued", "rules_repealed", "rules_in_force"}},
			{"行政规范性文件", []string{"norms_issued", "norms_repealed", "norms_in_force"}},
		}},
		{Caption: "第二十条第（五）项", Heads: decisions, Rows: []Row2{
			{"行政许可", []string{"licensing_decisions"}},
		}},
		{Caption: "第二十条第（六）项", Heads: decisions, Rows: []Row2{
			{"行政处罚", []string{"penalty_decisions"}},
			{"行政强制", []string{"coercion_decisions"}},
		}},
		{Caption: "第二十条第（八）项", Heads: []string{"本年收费金额（单位：万元）"}, Rows: []Row2{
			{"行政事业性收费", []string{"fees"}},
		}},
	}
}

// Table 四's headings.
const (
	ReviewHeading      = "行政复议"
	LitigationHeading  = "行政诉讼"
	DirectHeading      = "未经复议直接起诉"
	AfterReviewHeading = "复议后起诉"
)

// ResultLabels returns the headings of table 四's five columns in each group.
func ResultLabels() []string {
	return []string{"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"}
}

// The results of a review or litigation case, as in the reviews register.
const (
	Upheld    = "维持"
	Corrected = "纠正"
	OtherEnd  = "其他"
	Pending   = "尚未审结"
)

// Sections returns the report's six section headings, in their fixed order.
// The trial format's fifth section names the disclosure work explicitly (as
// published 2019 reports show).
func (l Layout) Sections() [6]string {
	s := [6]string{
		"一、总体情况",
		"二、主动公开政府信息情况",
		"三、收到和处理政府信息公开申请情况",
		"四、政府信息公开行政复议、行政诉讼情况",
		"五、存在的主要问题及改进情况",
		"六、其他需要报告的事项",
	}
	if l == Trial2019 {
		s[4] = "五、政府信息公开工作存在的主要问题及改进情况"
	}
	return s
}
