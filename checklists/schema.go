package checklists

import (
	"maps"
	"slices"
)

// FieldType is the type of a register column.
type FieldType string

// The field types of the workbook schema.
const (
	Text     FieldType = "text"
	Date     FieldType = "date"
	DateTime FieldType = "date-time"
	Bool     FieldType = "bool"
	Enum     FieldType = "enum"
	Number   FieldType = "number"
	Int      FieldType = "int"
	// DocNo is a document number (文号, 申请编号, 索引号): text compared and
	// counted in its normal form (rules.NormDocNo: brackets, widths, leading
	// zeros, spaces), shown as written.
	DocNo FieldType = "docno"
)

// FieldTypes lists every valid field type.
func FieldTypes() []FieldType {
	return []FieldType{Text, Date, DateTime, Bool, Enum, Number, Int, DocNo}
}

// Textual reports whether cells of the type are free text (Text, DocNo).
func (t FieldType) Textual() bool { return t == Text || t == DocNo }

// Field is one column of a register: its schema name (used in expressions),
// its canonical Chinese header, the header aliases real exports use, and its type.
type Field struct {
	Name     string      `json:"name" yaml:"name"`
	Header   string      `json:"header" yaml:"header"`
	Aliases  []string    `json:"aliases,omitempty" yaml:"aliases,omitempty"`
	Type     FieldType   `json:"type" yaml:"type"`
	Required bool        `json:"required,omitempty" yaml:"required,omitempty"`
	Values   []EnumValue `json:"values,omitempty" yaml:"values,omitempty"`
	Help     string      `json:"help,omitempty" yaml:"help,omitempty"`
	// AbsentIsBlank: a register without this column reads as if every cell
	// of it were blank, so no rule needs it (是否延期答复 is not a column of
	// the spec's register, and a blank yes/no is 否). Any other column a
	// rule reads must be there (see audit.KindMissingColumn).
	AbsentIsBlank bool `json:"-" yaml:"-"`
	// StandIn is the field whose column stands in for this one when a
	// register lacks it (申请日期 for 收到日期: rules read
	// received_on ?? applied_on), so the missing column is not a gap.
	StandIn string `json:"-" yaml:"-"`
}

// EnumValue is one allowed value of an enum field and the spellings that mean it.
type EnumValue struct {
	Name    string   `json:"name" yaml:"name"`
	Aliases []string `json:"aliases,omitempty" yaml:"aliases,omitempty"`
}

// Table is one sheet of the self-check workbook.
type Table struct {
	Name         string   `json:"name" yaml:"name"`   // schema name: documents, requests, …
	Sheet        string   `json:"sheet" yaml:"sheet"` // canonical sheet name: 公文台账, …
	SheetAliases []string `json:"sheet_aliases,omitempty" yaml:"sheet_aliases,omitempty"`
	Form         bool     `json:"form,omitempty" yaml:"form,omitempty"` // a two-column 项目|内容 form, not a register
	Fields       []*Field `json:"fields" yaml:"fields"`
	Help         string   `json:"help,omitempty" yaml:"help,omitempty"`
	// Source is SourceDistrict for a table the district holds (the
	// website's catalogue, monitoring lists): given once per audit with
	// --table NAME=FILE and split to units by Owner; "" for a register
	// every unit fills in.
	Source string `json:"source,omitempty" yaml:"source,omitempty"`
	// Owner is the field of a district table that names the unit a row
	// belongs to.
	Owner string `json:"owner,omitempty" yaml:"owner,omitempty"`
	// Optional: a district table the audit may run without; every item
	// that needs it is then not applicable.
	Optional bool `json:"optional,omitempty" yaml:"optional,omitempty"`
	// Defaults fill an empty cell of a field: a district table's export
	// leaves fields out or blank (a catalogue lists only 主动公开 documents),
	// and zwgk.checklist/v2 tables.NAME.defaults give typed values
	// (field name → value).
	Defaults map[string]any `json:"defaults,omitempty" yaml:"defaults,omitempty"`
}

// SourceDistrict is the Source of a district table.
const SourceDistrict = "district"

// District reports whether the district holds the table (Source).
func (t *Table) District() bool { return t.Source == SourceDistrict }

// Field returns the field with the given schema name, or nil.
func (t *Table) Field(name string) *Field {
	for _, f := range t.Fields {
		if f.Name == name {
			return f
		}
	}
	return nil
}

// Schema is the set of tables a unit's workbook holds.
type Schema struct {
	Tables []*Table `json:"tables" yaml:"tables"`
}

// Table returns the table with the given schema name, or nil.
func (s *Schema) Table(name string) *Table {
	for _, t := range s.Tables {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// TableNames lists the tables' schema names in workbook order.
func (s *Schema) TableNames() []string {
	names := make([]string, len(s.Tables))
	for i, t := range s.Tables {
		names[i] = t.Name
	}
	return names
}

// Clone returns a deep copy, so a checklist's extensions never change the default.
func (s *Schema) Clone() *Schema {
	c := &Schema{}
	for _, t := range s.Tables {
		nt := *t
		nt.SheetAliases = slices.Clone(t.SheetAliases)
		nt.Defaults = maps.Clone(t.Defaults)
		nt.Fields = make([]*Field, len(t.Fields))
		for i, f := range t.Fields {
			nf := *f
			nf.Aliases = slices.Clone(f.Aliases)
			nf.Values = make([]EnumValue, len(f.Values))
			for j, v := range f.Values {
				nf.Values[j] = EnumValue{Name: v.Name, Aliases: slices.Clone(v.Aliases)}
			}
			nt.Fields[i] = &nf
		}
		c.Tables = append(c.Tables, &nt)
	}
	return c
}

// The unit types.
const (
	Township   = "乡镇"
	Department = "部门"
)

// Request outcomes (答复结果), the rows of the yearly report's table 三.
var outcomes = []EnumValue{
	{Name: "予以公开", Aliases: []string{"公开", "同意公开", "全部公开"}},
	{Name: "部分公开", Aliases: []string{"区分处理"}},
	{Name: "不予公开"},
	{Name: "无法提供"},
	{Name: "不予处理"},
	{Name: "其他处理"},
}

// DefaultSchema returns the embedded workbook schema (shared/spec/workbook.md).
// Each call returns a fresh copy.
func DefaultSchema() *Schema {
	return &Schema{Tables: []*Table{
		{
			Name: "unit", Sheet: "单位信息", SheetAliases: []string{"基本信息", "填报单位信息"}, Form: true,
			Help: "填报单位的基本情况，左列为项目，右列为内容。",
			Fields: []*Field{
				{Name: "name", Header: "单位名称", Aliases: []string{"填报单位"}, Type: Text, Required: true, Help: "单位全称，如 利通区发展和改革局、金积镇人民政府。"},
				{Name: "type", Header: "单位类型", Type: Enum, Values: []EnumValue{
					{Name: Township, Aliases: []string{"乡", "镇", "街道", "乡镇人民政府", "镇人民政府"}},
					{Name: Department, Aliases: []string{"区直部门", "政府部门", "区人民政府部门"}},
				}, Help: "乡镇 或 部门。"},
				{Name: "pilot", Header: "是否试点部门", Aliases: []string{"试点部门"}, Type: Bool, Help: "是否为方案一(三)所列12个先行试点部门。"},
				{Name: "year", Header: "年度", Aliases: []string{"自查年度"}, Type: Int, Help: "自查的年度，如 2017。"},
				{Name: "contact", Header: "联系人", Aliases: []string{"填报人"}, Type: Text},
				{Name: "phone", Header: "联系电话", Type: Text},
			},
		},
		{
			Name: "documents", Sheet: "公文台账", SheetAliases: []string{"发文台账", "公文登记台账", "公文登记表", "政府信息公开台账", "信息公开台账"},
			Help: "本单位本年度印发的全部公文，一件一行（方案一(一)：公开属性源头认定）。",
			Fields: []*Field{
				{Name: "doc_no", Header: "文号", Aliases: []string{"发文字号", "发文文号", "发布文号", "文件编号"}, Type: DocNo, Help: "如 利政发〔2017〕12号。"},
				{Name: "title", Header: "标题", Aliases: []string{"文件标题", "公文标题", "信息名称", "名称"}, Type: Text, Required: true},
				{Name: "issued_on", Header: "印发日期", Aliases: []string{"成文日期", "发文日期", "签发日期", "发文时间", "成文时间", "印发时间", "签发时间", "生成日期", "产生日期"}, Type: Date, Required: true},
				{Name: "attribute", Header: "公开属性", Aliases: []string{"公开方式", "公开类型", "公开类别"}, Type: Enum, Values: []EnumValue{
					{Name: "主动公开", Aliases: []string{"此件公开发布", "公开发布"}},
					{Name: "依申请公开", Aliases: []string{"此件依申请公开"}},
					{Name: "不予公开", Aliases: []string{"此件不公开", "不公开"}},
					{Name: "脱密后公开", Aliases: []string{"此件脱密后公开"}},
				}, Help: "方案一(一)规定的四种公开属性之一。"},
				{Name: "reason", Header: "不公开理由", Aliases: []string{"不予公开理由", "依申请公开理由", "理由", "依据"}, Type: Text, Help: "依申请公开、不予公开、脱密后公开的须写明法定理由（条例第十四、十五、十六条）。"},
				{Name: "policy", Header: "是否政策性文件", Aliases: []string{"政策性文件"}, Type: Bool},
				{Name: "affects_rights", Header: "是否涉及公民权利义务", Aliases: []string{"涉及公民权利义务", "涉及公民、法人或其他组织权利义务"}, Type: Bool},
				{Name: "published_on", Header: "公开日期", Aliases: []string{"发布日期", "公开时间", "发布时间", "网站发布日期", "网站发布时间", "网站公开日期"}, Type: Date},
				{Name: "url", Header: "公开网址", Aliases: []string{"网址", "链接", "发布网址", "链接地址", "在线链接地址"}, Type: Text},
				{Name: "interpreted_on", Header: "解读发布日期", Aliases: []string{"解读日期", "解读发布时间"}, Type: Date, Help: "政策解读材料发布日期，应与文件同步（方案二(三)）。"},
				{Name: "interpretation", Header: "解读形式", Type: Text, Help: "如 政策问答、图解、在线访谈。"},
				{Name: "declassified_on", Header: "脱密日期", Aliases: []string{"解密日期"}, Type: Date},
				{Name: "catalog", Header: "目录类别", Aliases: []string{"主题分类", "信息类别", "分类", "组配分类", "文件分类"}, Type: Text},
				{Name: "note", Header: "备注", Type: Text},
			},
		},
		{
			Name: "requests", Sheet: "依申请公开台账", SheetAliases: []string{"依申请公开登记台账", "政府信息公开申请台账", "依申请台账"},
			Help: "本年度收到和办理的政府信息公开申请，一件一行（条例第二十七至四十五条）。",
			Fields: []*Field{
				{Name: "received_on", Header: "收到日期", Aliases: []string{"收到申请日期", "收件日期", "收到时间", "收件时间", "受理日期"}, Type: Date, StandIn: "applied_on",
					Help: "按条例第三十一条确定的收到申请之日：当面提交的为提交之日；邮寄的为签收之日（平常信函为双方确认之日）；网络、传真提交的为双方确认之日。答复期限从这一天的次日起算。"},
				{Name: "subject", Header: "申请内容", Aliases: []string{"申请事项"}, Type: Text, Required: true},
				{Name: "doc_no", Header: "涉及文号", Aliases: []string{"对应文号"}, Type: DocNo, Help: "申请公开的信息对应的公文文号，用于统计依申请公开较为集中的信息。"},
				{Name: "replied_on", Header: "答复日期", Aliases: []string{"答复时间"}, Type: Date},
				{Name: "outcome", Header: "答复结果", Aliases: []string{"处理结果"}, Type: Enum, Values: outcomes},
				{Name: "extended", Header: "是否延期答复", Aliases: []string{"延期答复", "是否延期"}, Type: Bool, AbsentIsBlank: true, Help: "经批准延长答复期限的填「是」（条例第三十三条）。"},
				{Name: "applicant_type", Header: "申请人类型", Aliases: []string{"申请人类别", "申请人性质", "申请人情况"}, Type: Enum, Values: applicantTypes,
					Help: "年度报告表三的列：自然人，或法人或其他组织中的商业企业、科研机构、社会公益组织、法律服务机构、其他。"},
				{Name: "detail", Header: "具体情形", Aliases: []string{"办理结果具体情形", "答复具体情形", "不予公开等具体情形", "处理情形"}, Type: Enum, Values: requestDetails,
					Help: "答复结果为不予公开、无法提供、不予处理、其他处理的，填写年度报告表三对应的具体情形（如 属于国家秘密、本机关不掌握相关政府信息、重复申请）；部分公开的可填写不公开部分的理由，予以公开的不填。"},
				{Name: "applied_on", Header: "申请日期", Aliases: []string{"申请时间", "提出申请日期"}, Type: Date, AbsentIsBlank: true,
					Help: "申请人提出申请的日期。只填申请日期、未填收到日期的，以申请日期代替收到日期计算期限，并在问题说明中注明（二者不同时以收到日期为准：条例第三十一条）。"},
				{Name: "received_via", Header: "收到方式", Aliases: []string{"申请方式", "提交方式", "申请渠道"}, Type: Enum, AbsentIsBlank: true, Values: []EnumValue{
					{Name: "当面", Aliases: []string{"当面提交", "现场", "现场申请", "窗口"}},
					{Name: "邮寄", Aliases: []string{"信函", "邮政", "挂号信", "平信", "快递"}},
					{Name: "网络", Aliases: []string{"网上", "网上申请", "互联网", "电子邮件", "在线"}},
					{Name: "传真"},
					{Name: "其他"},
				}, Help: "当面、邮寄、网络、传真或其他；收到日期按条例第三十一条随方式而定。"},
				{Name: "correction_requested_on", Header: "补正通知日期", Aliases: []string{"告知补正日期", "通知补正日期"}, Type: Date, AbsentIsBlank: true,
					Help: "申请内容不明确、一次性告知申请人补正的日期，应在收到申请之日起7个工作日内（条例第三十条）。"},
				{Name: "corrected_on", Header: "补正后收到日期", Aliases: []string{"补正日期", "收到补正日期", "补正材料收到日期"}, Type: Date, AbsentIsBlank: true,
					Help: "收到补正后申请的日期：7个工作日内告知补正的，答复期限从这一天起算（条例第三十条）。"},
				{Name: "consulted_from", Header: "征求意见开始日期", Aliases: []string{"征求第三方意见日期", "征求意见日期"}, Type: Date, AbsentIsBlank: true,
					Help: "征求第三方或其他机关意见的开始日期；征求意见期间的工作日不计入答复期限（条例第三十二条、第三十三条第三款；2007年条例第二十四条第三款）。"},
				{Name: "consulted_to", Header: "征求意见结束日期", Aliases: []string{"收到第三方意见日期", "征求意见截止日期"}, Type: Date, AbsentIsBlank: true,
					Help: "收到意见（或征求意见期满）的日期。"},
				{Name: "extension_notified_on", Header: "延期告知日期", Aliases: []string{"告知延期日期", "延期通知日期"}, Type: Date, AbsentIsBlank: true,
					Help: "告知申请人延长答复期限的日期，应在原答复期限内（条例第三十三条第二款）；超过原期限才告知的，延期无效。"},
				{Name: "agreed_due", Header: "另行确定的答复期限", Aliases: []string{"确定的答复期限", "延迟答复期限"}, Type: Date, AbsentIsBlank: true,
					Help: "申请数量、频次明显超过合理范围，行政机关依条例第三十五条确定的延迟答复期限。"},
			},
		},
		{
			Name: "consultations", Sheet: "征求意见台账", SheetAliases: []string{"重大决策征求意见台账", "决策预公开台账"},
			Help: "重要决策事项公开征求意见和采纳情况（方案一(二)、四(二)）。",
			Fields: []*Field{
				{Name: "subject", Header: "决策事项", Aliases: []string{"草案名称"}, Type: Text, Required: true},
				{Name: "opened_on", Header: "征求意见开始日期", Aliases: []string{"公开征求意见日期"}, Type: Date},
				{Name: "closed_on", Header: "征求意见截止日期", Type: Date},
				{Name: "decided_on", Header: "决策日期", Aliases: []string{"审议日期"}, Type: Date},
				{Name: "feedback_on", Header: "采纳情况公布日期", Aliases: []string{"反馈日期"}, Type: Date},
				{Name: "rejections_explained", Header: "是否说明未采纳理由", Aliases: []string{"未采纳理由说明"}, Type: Bool},
			},
		},
		{
			Name: "reposts", Sheet: "转载台账", SheetAliases: []string{"上级政策转载台账", "转载上级文件台账"},
			Help: "自治区、吴忠市人民政府发布的重要政策信息的转载情况（方案三(二)：72小时内转载）。",
			Fields: []*Field{
				{Name: "title", Header: "上级文件标题", Aliases: []string{"标题"}, Type: Text, Required: true},
				{Name: "source", Header: "发布机关", Aliases: []string{"来源"}, Type: Text},
				{Name: "source_published_at", Header: "上级发布时间", Aliases: []string{"上级发布日期"}, Type: DateTime},
				{Name: "reposted_at", Header: "转载时间", Aliases: []string{"转载日期"}, Type: DateTime},
			},
		},
		{
			Name: "self", Sheet: "自评表", SheetAliases: []string{"自评得分表", "自评"},
			Help: "单位对每项指标的自评分。",
			Fields: []*Field{
				{Name: "item", Header: "指标编号", Aliases: []string{"编号"}, Type: Text, Required: true},
				{Name: "score", Header: "自评分", Aliases: []string{"自评得分"}, Type: Number, Required: true},
				{Name: "evidence", Header: "佐证材料", Aliases: []string{"说明", "自评说明"}, Type: Text},
			},
		},
		{
			Name: "reviews", Sheet: "行政复议诉讼", SheetAliases: []string{"行政复议诉讼台账", "行政复议、行政诉讼台账", "行政复议和行政诉讼台账", "复议诉讼台账", "行政复议行政诉讼"},
			Help: "因政府信息公开引起的行政复议、行政诉讼案件，一案一行（年度报告表四）。本年度收到的案件，以及以前年度收到、本年度审结或仍未审结的案件都要填写。",
			Fields: []*Field{
				{Name: "case", Header: "案件名称", Aliases: []string{"案件", "案由", "申请人或原告"}, Type: Text, Required: true},
				{Name: "kind", Header: "案件类型", Aliases: []string{"类型", "复议或诉讼"}, Type: Enum, Required: true, Values: []EnumValue{
					{Name: "行政复议", Aliases: []string{"复议"}},
					{Name: "行政诉讼", Aliases: []string{"诉讼", "起诉"}},
				}, Help: "行政复议 或 行政诉讼。"},
				{Name: "path", Header: "起诉方式", Aliases: []string{"是否经复议", "诉讼类型"}, Type: Enum, Values: []EnumValue{
					{Name: "未经复议直接起诉", Aliases: []string{"直接起诉", "未经复议"}},
					{Name: "复议后起诉", Aliases: []string{"经复议后起诉", "经复议", "复议后"}},
				}, Help: "行政诉讼案件填写：未经复议直接起诉 或 复议后起诉。行政复议案件不填。"},
				{Name: "received_on", Header: "收到日期", Aliases: []string{"立案日期", "受理日期", "收到复议申请或起诉状日期"}, Type: Date, Required: true,
					Help: "收到行政复议决定书副本、行政复议申请书副本或起诉状副本的日期，或立案、受理日期。"},
				{Name: "decided_on", Header: "审结日期", Aliases: []string{"结案日期", "复议决定日期", "判决日期", "裁判日期"}, Type: Date, Help: "尚未审结的不填。"},
				{Name: "result", Header: "结果", Aliases: []string{"审结结果", "复议或诉讼结果", "案件结果"}, Type: Enum, Values: []EnumValue{
					{Name: "维持", Aliases: []string{"结果维持", "驳回", "驳回诉讼请求", "驳回复议申请"}},
					{Name: "纠正", Aliases: []string{"结果纠正", "撤销", "确认违法", "责令履行", "变更"}},
					{Name: "其他", Aliases: []string{"其他结果", "撤回", "终止", "调解"}},
					{Name: "尚未审结", Aliases: []string{"未审结", "审理中", "未结案", "未结"}},
				}, Help: "维持、纠正、其他 或 尚未审结（年度报告表四的结果维持、结果纠正、其他结果、尚未审结）。驳回按维持填写。"},
				{Name: "note", Header: "备注", Type: Text},
			},
		},
		{
			Name: "disclosure", Sheet: "主动公开情况", SheetAliases: []string{"主动公开政府信息情况", "主动公开情况统计"}, Form: true,
			Help:   "年度报告表二（主动公开政府信息情况）中不能从台账统计的数字：规章和行政规范性文件的制发、废止、现行有效件数，行政许可、行政处罚、行政强制的处理决定数量，行政事业性收费金额。2019、2020年度报告（试行格式）另需填写标有「试行格式」的项目。",
			Fields: disclosureFields,
		},
		districtCatalog(), districtMonitoring(), districtPlatform(),
	}}
}

// Applicant types (申请人类型), the columns of the yearly report's table 三.
var applicantTypes = []EnumValue{
	{Name: "自然人", Aliases: []string{"公民", "个人", "群众", "自然人申请"}},
	{Name: "商业企业", Aliases: []string{"企业", "公司", "企业法人"}},
	{Name: "科研机构", Aliases: []string{"科研院所", "研究机构"}},
	{Name: "社会公益组织", Aliases: []string{"公益组织", "社会组织"}},
	{Name: "法律服务机构", Aliases: []string{"律师事务所", "律所", "律师", "法律服务所"}},
	{Name: "其他", Aliases: []string{"其他组织", "其他法人或其他组织"}},
}

// Request details (具体情形), the leaf rows of the yearly report's table 三
// under 不予公开 (8), 无法提供 (3), 不予处理 (5) and 其他处理 (3). The last
// one is printed 「3.其他」; its canonical value says which 其他 it is.
var requestDetails = []EnumValue{
	{Name: "属于国家秘密", Aliases: []string{"国家秘密", "涉及国家秘密", "涉密"}},
	{Name: "其他法律行政法规禁止公开", Aliases: []string{"法律行政法规禁止公开", "法律、行政法规禁止公开", "其他法律、行政法规禁止公开", "法律法规禁止公开"}},
	{Name: "危及“三安全一稳定”", Aliases: []string{"危及\"三安全一稳定\"", "危及三安全一稳定", "三安全一稳定", "危及国家安全、公共安全、经济安全、社会稳定"}},
	{Name: "保护第三方合法权益", Aliases: []string{"第三方合法权益", "涉及第三方合法权益", "商业秘密", "个人隐私"}},
	{Name: "属于三类内部事务信息", Aliases: []string{"内部事务", "内部事务信息", "三类内部事务信息"}},
	{Name: "属于四类过程性信息", Aliases: []string{"过程性信息", "四类过程性信息"}},
	{Name: "属于行政执法案卷", Aliases: []string{"行政执法案卷", "执法案卷", "行政执法案卷信息"}},
	{Name: "属于行政查询事项", Aliases: []string{"行政查询事项", "行政查询"}},
	{Name: "本机关不掌握相关政府信息", Aliases: []string{"不掌握", "本机关不掌握", "不掌握相关政府信息", "信息不存在"}},
	{Name: "没有现成信息需要另行制作", Aliases: []string{"需要另行制作", "需另行制作", "另行制作", "没有现成信息"}},
	{Name: "补正后申请内容仍不明确", Aliases: []string{"补正后仍不明确", "申请内容不明确"}},
	{Name: "信访举报投诉类申请", Aliases: []string{"信访举报投诉", "信访", "举报投诉", "信访类申请"}},
	{Name: "重复申请", Aliases: []string{"重复"}},
	{Name: "要求提供公开出版物", Aliases: []string{"公开出版物"}},
	{Name: "无正当理由大量反复申请", Aliases: []string{"大量反复申请"}},
	{Name: "要求行政机关确认或重新出具已获取信息", Aliases: []string{"确认或重新出具已获取信息", "重新出具已获取信息", "要求确认或重新出具"}},
	{Name: "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", Aliases: []string{"逾期不补正", "无正当理由逾期不补正", "申请人无正当理由逾期不补正", "申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请"}},
	{Name: "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", Aliases: []string{"逾期未缴费", "逾期未缴纳费用", "逾期未按收费通知要求缴纳费用", "申请人逾期未按收费通知要求缴纳费用", "申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请"}},
	{Name: "其他处理情形", Aliases: []string{"其他", "其他情形", "其他处理"}},
}

// disclosureFields are the numbers of the yearly report's table 二 that no
// register supplies (the 主动公开情况 form). The first ten are the columns of
// the 国办公开办函〔2021〕30号 format; the rest only appear in the trial format
// of 国办公开办函〔2019〕60号 (reports for 2019 and 2020).
var disclosureFields = []*Field{
	{Name: "rules_issued", Header: "规章本年制发件数", Aliases: []string{"规章本年新制作数量", "规章制发件数"}, Type: Int, Help: "第二十条第（一）项：本年制发的规章件数（试行格式为「本年新制作数量」）。没有规章制定权的填 0。"},
	{Name: "rules_repealed", Header: "规章本年废止件数", Aliases: []string{"规章废止件数"}, Type: Int},
	{Name: "rules_in_force", Header: "规章现行有效件数", Aliases: []string{"规章现行有效"}, Type: Int},
	{Name: "norms_issued", Header: "行政规范性文件本年制发件数", Aliases: []string{"规范性文件本年制发件数", "规范性文件本年新制作数量", "行政规范性文件本年新制作数量"}, Type: Int, Help: "第二十条第（一）项：本年制发的行政规范性文件件数（试行格式为「本年新制作数量」）。"},
	{Name: "norms_repealed", Header: "行政规范性文件本年废止件数", Aliases: []string{"规范性文件本年废止件数"}, Type: Int},
	{Name: "norms_in_force", Header: "行政规范性文件现行有效件数", Aliases: []string{"规范性文件现行有效件数"}, Type: Int},
	{Name: "licensing_decisions", Header: "行政许可本年处理决定数量", Aliases: []string{"行政许可处理决定数量"}, Type: Int, Help: "第二十条第（五）项。"},
	{Name: "penalty_decisions", Header: "行政处罚本年处理决定数量", Aliases: []string{"行政处罚处理决定数量"}, Type: Int, Help: "第二十条第（六）项。"},
	{Name: "coercion_decisions", Header: "行政强制本年处理决定数量", Aliases: []string{"行政强制处理决定数量"}, Type: Int, Help: "第二十条第（六）项。"},
	{Name: "fees", Header: "行政事业性收费本年收费金额（万元）", Aliases: []string{"行政事业性收费金额（万元）", "行政事业性收费金额", "本年收费金额（万元）"}, Type: Number, Help: "第二十条第（八）项，单位：万元。"},
	{Name: "rules_published", Header: "规章本年新公开数量", Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "rules_public_total", Header: "规章对外公开总数量", Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "norms_published", Header: "规范性文件本年新公开数量", Aliases: []string{"行政规范性文件本年新公开数量"}, Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "norms_public_total", Header: "规范性文件对外公开总数量", Aliases: []string{"行政规范性文件对外公开总数量"}, Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "licensing_items_prev", Header: "行政许可上一年项目数量", Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "licensing_items_change", Header: "行政许可本年增/减", Aliases: []string{"行政许可本年增减"}, Type: Int, Help: "试行格式（2019、2020年度）：比上一年增加的填正数，减少的填负数。"},
	{Name: "services_items_prev", Header: "其他对外管理服务事项上一年项目数量", Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "services_items_change", Header: "其他对外管理服务事项本年增/减", Aliases: []string{"其他对外管理服务事项本年增减"}, Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "services_decisions", Header: "其他对外管理服务事项处理决定数量", Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "penalty_items_prev", Header: "行政处罚上一年项目数量", Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "penalty_items_change", Header: "行政处罚本年增/减", Aliases: []string{"行政处罚本年增减"}, Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "coercion_items_prev", Header: "行政强制上一年项目数量", Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "coercion_items_change", Header: "行政强制本年增/减", Aliases: []string{"行政强制本年增减"}, Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "fee_items_prev", Header: "行政事业性收费上一年项目数量", Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "fee_items_change", Header: "行政事业性收费本年增/减", Aliases: []string{"行政事业性收费本年增减"}, Type: Int, Help: "试行格式（2019、2020年度）。"},
	{Name: "procurement_projects", Header: "政府集中采购项目数量", Aliases: []string{"采购项目数量"}, Type: Int, Help: "试行格式（2019、2020年度）第二十条第（九）项。"},
	{Name: "procurement_amount", Header: "政府集中采购总金额（万元）", Aliases: []string{"采购总金额（万元）", "政府集中采购总金额"}, Type: Number, Help: "试行格式（2019、2020年度），单位：万元。"},
}
