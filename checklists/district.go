package checklists

import (
	"slices"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/yamlfile"
)

// The built-in district tables (shared/spec/district-inputs.md): the
// website's 政府信息公开目录 as the intensive platform's CMS exports it, the
// district's monitoring findings, and the request platform's records. Their
// headers are those of real exports (阳江, 宁国, 下陆, 咸宁: docs/district.md).

// districtCatalog is the 政府信息公开目录 export; every row is a document the
// website publishes, so its attribute is 主动公开.
func districtCatalog() *Table {
	return &Table{
		Name: "catalog", Sheet: "政府信息公开目录", SheetAliases: []string{"网站公开目录", "信息公开目录", "公开目录", "目录导出"},
		Source: SourceDistrict, Owner: "publisher", Optional: true, Defaults: map[string]any{"attribute": "主动公开"},
		Help: "区政府网站（集约化平台）政府信息公开目录的导出，全区一个文件（--table catalog=文件），按发布机构分到各单位。",
		Fields: []*Field{
			{Name: "index_no", Header: "索引号", Aliases: []string{"信息索引号", "索引编号"}, Type: DocNo},
			{Name: "title", Header: "名称", Aliases: []string{"标题", "信息名称", "文件名称", "文件标题", "公开事项名称"}, Type: Text, Required: true},
			{Name: "doc_no", Header: "文号", Aliases: []string{"发文字号", "发布文号", "发文文号", "文件编号"}, Type: DocNo},
			{Name: "publisher", Header: "发布机构", Aliases: []string{"发文机关", "发布单位", "发文单位", "公开单位"}, Type: Text, Required: true},
			{Name: "issued_on", Header: "成文日期", Aliases: []string{"生成日期", "发文日期", "产生日期", "印发日期", "成文时间"}, Type: Date},
			{Name: "published_on", Header: "发布日期", Aliases: []string{"发布时间", "公开日期", "公开时间", "发布日"}, Type: Date},
			{Name: "category", Header: "主题分类", Aliases: []string{"组配分类", "分类", "文件分类", "信息分类", "体裁分类"}, Type: Text},
			{Name: "url", Header: "链接", Aliases: []string{"网址", "链接地址", "URL", "在线链接地址", "访问地址"}, Type: Text},
			{Name: "attribute", Header: "公开属性", Aliases: []string{"公开方式"}, Type: Text},
			{Name: "validity", Header: "有效性", Aliases: []string{"是否有效"}, Type: Text},
		},
	}
}

// districtMonitoring is the district's list of problems found in its daily
// monitoring of the units' pages and in its 通报.
func districtMonitoring() *Table {
	return &Table{
		Name: "monitoring", Sheet: "日常监测问题", SheetAliases: []string{"监测问题", "日常监测", "通报问题", "检查发现问题"},
		Source: SourceDistrict, Owner: "unit_name", Optional: true,
		Help: "区政务公开办日常监测、通报发现的问题，全区一个文件（--table monitoring=文件），按被检查单位分到各单位。",
		Fields: []*Field{
			{Name: "unit_name", Header: "被检查单位", Aliases: []string{"被监测单位", "责任单位", "单位名称", "单位"}, Type: Text, Required: true},
			{Name: "found_on", Header: "发现日期", Aliases: []string{"监测日期", "检查日期", "发现时间"}, Type: Date},
			{Name: "kind", Header: "问题类型", Aliases: []string{"类型", "问题类别"}, Type: Text},
			{Name: "description", Header: "问题描述", Aliases: []string{"问题", "问题说明", "存在问题"}, Type: Text, Required: true},
			{Name: "url", Header: "网址", Aliases: []string{"链接", "问题网址", "页面地址"}, Type: Text},
			{Name: "deduction", Header: "扣分", Aliases: []string{"扣分值", "扣分分值"}, Type: Number},
		},
	}
}

// districtPlatform is the request platform's record of requests received
// (依申请公开平台受理记录).
func districtPlatform() *Table {
	return &Table{
		Name: "platform", Sheet: "依申请公开受理记录", SheetAliases: []string{"依申请公开平台受理记录", "受理记录", "平台受理记录"},
		Source: SourceDistrict, Owner: "unit_name", Optional: true,
		Help: "依申请公开平台的受理记录，全区一个文件（--table platform=文件），按受理单位分到各单位。",
		Fields: []*Field{
			{Name: "unit_name", Header: "受理单位", Aliases: []string{"承办单位", "办理单位", "被申请单位"}, Type: Text, Required: true},
			{Name: "request_no", Header: "申请编号", Aliases: []string{"受理编号", "编号"}, Type: DocNo},
			{Name: "received_on", Header: "收到日期", Aliases: []string{"受理日期", "申请日期", "收到时间"}, Type: Date},
			{Name: "subject", Header: "申请内容", Aliases: []string{"申请事项"}, Type: Text},
			{Name: "replied_on", Header: "答复日期", Aliases: []string{"答复时间"}, Type: Date},
		},
	}
}

// districtKeys reads a tables: entry's source, owner and optional keys
// into t, once its fields are merged.
func (l *loader) districtKeys(tm *yamlfile.Mapping, t *Table, isNew bool) {
	if se, ok := tm.Get("source"); ok {
		if s, ok := l.r.Text(se); ok {
			switch {
			case s != SourceDistrict && s != "unit":
				l.r.Unknown(se, s, msg.Text{Zh: "表的来源", En: "table source"}, []string{SourceDistrict, "unit"})
			case s == "unit":
				s = ""
				fallthrough
			default:
				if !isNew && s != t.Source {
					l.errorf(se.Pos(), "不能改变表「%s」的 source", "the source of table %q cannot change", t.Name)
				}
				t.Source = s
			}
		}
	}
	if oe, ok := tm.Get("owner"); ok {
		if s, ok := l.r.NonEmpty(oe); ok {
			if t.Field(s) == nil {
				names := make([]string, len(t.Fields))
				for i, f := range t.Fields {
					names[i] = f.Name
				}
				l.r.Unknown(oe, s, msg.Text{Zh: "字段", En: "field"}, names)
			}
			t.Owner = s
		}
	}
	if oe, ok := tm.Get("optional"); ok {
		if b, ok := l.r.Boolean(oe); ok {
			t.Optional = b
		}
	}
	switch {
	case t.District() && t.Form:
		l.errorf(tm.Pos(), "区级表「%s」不能是 form", "district table %q cannot be a form", t.Name)
	case t.District() && t.Owner == "":
		l.errorf(tm.Pos(), "区级表「%s」需要 owner：哪一列写明行属于哪个单位", "district table %q needs owner: the field naming each row's unit", t.Name)
	case !t.District() && (tm.Has("owner") || tm.Has("optional")):
		l.errorf(tm.Pos(), "owner 和 optional 只用于区级表（source: district），「%s」不是", "owner and optional are only for district tables (source: district); %q is not one", t.Name)
	}
}

// DistrictTables lists the schema's district tables.
func (s *Schema) DistrictTables() []*Table {
	var out []*Table
	for _, t := range s.Tables {
		if t.District() {
			out = append(out, t)
		}
	}
	return out
}

// UnitTables returns the schema without its district tables: the
// workbook a unit fills in.
func (s *Schema) UnitTables() *Schema {
	return &Schema{Tables: slices.DeleteFunc(slices.Clone(s.Tables), (*Table).District)}
}
