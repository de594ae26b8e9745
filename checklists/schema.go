package checklists

import "slices"

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
)

// FieldTypes lists every valid field type.
var FieldTypes = []FieldType{Text, Date, DateTime, Bool, Enum, Number, Int}

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
}

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
				{Name: "doc_no", Header: "文号", Aliases: []string{"发文字号", "发文文号", "发布文号"}, Type: Text, Help: "如 利政发〔2017〕12号。"},
				{Name: "title", Header: "标题", Aliases: []string{"文件标题", "公文标题", "信息名称", "名称"}, Type: Text, Required: true},
				{Name: "issued_on", Header: "印发日期", Aliases: []string{"成文日期", "发文日期", "签发日期"}, Type: Date, Required: true},
				{Name: "attribute", Header: "公开属性", Aliases: []string{"公开方式", "公开类型"}, Type: Enum, Values: []EnumValue{
					{Name: "主动公开", Aliases: []string{"此件公开发布", "公开发布"}},
					{Name: "依申请公开", Aliases: []string{"此件依申请公开"}},
					{Name: "不予公开", Aliases: []string{"此件不公开", "不公开"}},
					{Name: "脱密后公开", Aliases: []string{"此件脱密后公开"}},
				}, Help: "方案一(一)规定的四种公开属性之一。"},
				{Name: "reason", Header: "不公开理由", Aliases: []string{"不予公开理由", "依申请公开理由", "理由", "依据"}, Type: Text, Help: "依申请公开、不予公开、脱密后公开的须写明法定理由（条例第十四、十五、十六条）。"},
				{Name: "policy", Header: "是否政策性文件", Aliases: []string{"政策性文件"}, Type: Bool},
				{Name: "affects_rights", Header: "是否涉及公民权利义务", Aliases: []string{"涉及公民权利义务", "涉及公民、法人或其他组织权利义务"}, Type: Bool},
				{Name: "published_on", Header: "公开日期", Aliases: []string{"发布日期", "公开时间", "发布时间"}, Type: Date},
				{Name: "url", Header: "公开网址", Aliases: []string{"网址", "链接", "发布网址"}, Type: Text},
				{Name: "interpreted_on", Header: "解读发布日期", Aliases: []string{"解读日期"}, Type: Date, Help: "政策解读材料发布日期，应与文件同步（方案二(三)）。"},
				{Name: "interpretation", Header: "解读形式", Type: Text, Help: "如 政策问答、图解、在线访谈。"},
				{Name: "declassified_on", Header: "脱密日期", Aliases: []string{"解密日期"}, Type: Date},
				{Name: "catalog", Header: "目录类别", Aliases: []string{"主题分类", "信息类别"}, Type: Text},
				{Name: "note", Header: "备注", Type: Text},
			},
		},
		{
			Name: "requests", Sheet: "依申请公开台账", SheetAliases: []string{"依申请公开登记台账", "政府信息公开申请台账", "依申请台账"},
			Help: "本年度收到和办理的政府信息公开申请，一件一行（条例第二十七至四十五条）。",
			Fields: []*Field{
				{Name: "received_on", Header: "收到日期", Aliases: []string{"申请日期", "收到申请日期"}, Type: Date, Required: true, Help: "按条例第三十一条确定的收到申请之日。"},
				{Name: "subject", Header: "申请内容", Aliases: []string{"申请事项"}, Type: Text, Required: true},
				{Name: "doc_no", Header: "涉及文号", Aliases: []string{"对应文号"}, Type: Text, Help: "申请公开的信息对应的公文文号，用于统计依申请公开较为集中的信息。"},
				{Name: "replied_on", Header: "答复日期", Type: Date},
				{Name: "outcome", Header: "答复结果", Aliases: []string{"处理结果"}, Type: Enum, Values: outcomes},
				{Name: "extended", Header: "是否延期答复", Aliases: []string{"延期答复", "是否延期"}, Type: Bool, Help: "经批准延长答复期限的填「是」（条例第三十三条）。"},
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
	}}
}
