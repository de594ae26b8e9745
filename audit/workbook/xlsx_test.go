package workbook

import (
	"fmt"
	"sort"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/zwgk/zwgk/checklists"
)

const (
	warnNoUnit = "警告  unit/name 未找到单位信息表，单位名称取自文件名「利通区发展和改革局」"
	docFile    = "利通区发展和改革局.xlsx"
)

var unitSheet = sheet{name: "单位信息", rows: [][]any{
	{"项目", "内容"},
	{"单位名称", "利通区发展和改革局"},
	{"单位类型", "部门"},
}}

func TestReadXLSX(t *testing.T) {
	cases := []struct {
		name   string
		file   string
		sheets []sheet
		opts   Options
		want   dumpUnit
	}{
		{
			name: "title rows, merged title, blank rows, notes",
			sheets: []sheet{{
				name: "公文台账",
				rows: [][]any{
					{"利通区发展和改革局2017年公文台账"},
					nil,
					{"填报单位（盖章）：", nil, nil, "填报日期：2018-01-05"},
					{"序号", "文号", "标题", "印发日期", "公开属性", "是否政策性文件"},
					{1, "利发改发〔2017〕1号", "关于印发A的通知", "2017-06-01", "主动公开", "是"},
					nil,
					{2, "利发改发〔2017〕2号", " 关于B的通知 ", "2017/6/2", "此件不公开", "否"},
					{3},
					{nil, "填表人：张三"},
				},
				merges: []string{"A1:F1"},
			}},
			want: dumpUnit{
				Name: "利通区发展和改革局", FromSource: true,
				Tables: map[string]dumpTable{"documents": {
					Sheet:   "公文台账",
					Columns: map[string]string{"doc_no": "B", "title": "C", "issued_on": "D", "attribute": "E", "policy": "F"},
					Rows: []*row0{
						row(5, vals{"doc_no": "利发改发〔2017〕1号", "title": "关于印发A的通知", "issued_on": day(2017, 6, 1), "attribute": "主动公开", "policy": true}),
						row(7, vals{"doc_no": "利发改发〔2017〕2号", "title": "关于B的通知", "issued_on": day(2017, 6, 2), "attribute": "不予公开", "policy": false}),
					},
				}},
				Issues: []string{
					"警告 公文台账!9 documents/ 忽略表中的说明行「填表人：张三」",
					warnNoUnit,
				},
			},
		},
		{
			name: "shuffled, aliased, marked and full-width headers",
			sheets: []sheet{unitSheet, {
				name: "公文台账",
				rows: [][]any{
					{"公开方式＊", "承办科室", "*成文\n日期", "发文字号", "标题（必填）", "公　开　日　期", "涉及公民、法人或其他组织权利义务", "ＵＲＬ"},
					{"公开发布", "办公室", "2017年6月1日", "利发改发〔2017〕1号", "关于A的通知", "2017-06-03", "√", "http://x"},
				},
			}},
			want: dumpUnit{
				Name: "利通区发展和改革局", Type: "部门",
				Tables: map[string]dumpTable{"documents": {
					Sheet:   "公文台账",
					Columns: map[string]string{"attribute": "A", "issued_on": "C", "doc_no": "D", "title": "E", "published_on": "F", "affects_rights": "G"},
					Rows: []*row0{
						row(2, vals{"attribute": "主动公开", "issued_on": day(2017, 6, 1), "doc_no": "利发改发〔2017〕1号", "title": "关于A的通知", "published_on": day(2017, 6, 3), "affects_rights": true}),
					},
				}},
				Issues: []string{
					"忽略 公文台账!B1 documents/ 忽略未知列「承办科室」",
					"警告 公文台账!H1 documents/url 未知列「ＵＲＬ」可能是「公开网址」，未读取；如是，请把表头改为「公开网址」",
				},
			},
		},
		{
			name: "every date form",
			sheets: []sheet{unitSheet, {
				name: "公文台账",
				rows: [][]any{
					{"标题", "印发日期"},
					{"serial", 42887},
					{"serial with time", 42887.75},
					{"chinese", "2017年6月1日"},
					{"date cell", time.Date(2017, 6, 1, 0, 0, 0, 0, time.UTC)},
					{"compact", "20170601"},
					{"dots", "2017.6.1"},
					{"slashes", "2017/06/01"},
					{"time", "2017-06-01 09:30"},
					{"iso", "2017-06-01T09:30:00"},
					{"full-width", "２０１７年６月１日"},
					{"号", "2017年6月1号"},
				},
			}, {
				name: "转载台账",
				rows: [][]any{
					{"上级文件标题", "上级发布时间", "转载时间"},
					{"X", "2017-06-01 09:30", 42887.5},
					{"Y", "2017年6月1日9时30分", "2017/6/1 9:30:15"},
					{"Z", "2017-06-01", time.Date(2017, 6, 2, 8, 15, 0, 0, time.UTC)},
				},
			}},
			want: dumpUnit{
				Name: "利通区发展和改革局", Type: "部门",
				Tables: map[string]dumpTable{
					"documents": {
						Sheet:   "公文台账",
						Columns: map[string]string{"title": "A", "issued_on": "B"},
						Rows: []*row0{
							row(2, vals{"title": "serial", "issued_on": day(2017, 6, 1)}),
							row(3, vals{"title": "serial with time", "issued_on": day(2017, 6, 1)}),
							row(4, vals{"title": "chinese", "issued_on": day(2017, 6, 1)}),
							row(5, vals{"title": "date cell", "issued_on": day(2017, 6, 1)}),
							row(6, vals{"title": "compact", "issued_on": day(2017, 6, 1)}),
							row(7, vals{"title": "dots", "issued_on": day(2017, 6, 1)}),
							row(8, vals{"title": "slashes", "issued_on": day(2017, 6, 1)}),
							row(9, vals{"title": "time", "issued_on": day(2017, 6, 1)}),
							row(10, vals{"title": "iso", "issued_on": day(2017, 6, 1)}),
							row(11, vals{"title": "full-width", "issued_on": day(2017, 6, 1)}),
							row(12, vals{"title": "号", "issued_on": day(2017, 6, 1)}),
						},
					},
					"reposts": {
						Sheet:   "转载台账",
						Columns: map[string]string{"title": "A", "source_published_at": "B", "reposted_at": "C"},
						Rows: []*row0{
							row(2, vals{"title": "X", "source_published_at": at(2017, 6, 1, 9, 30, 0), "reposted_at": at(2017, 6, 1, 12, 0, 0)}),
							row(3, vals{"title": "Y", "source_published_at": at(2017, 6, 1, 9, 30, 0), "reposted_at": at(2017, 6, 1, 9, 30, 15)}),
							row(4, vals{"title": "Z", "source_published_at": day(2017, 6, 1), "reposted_at": at(2017, 6, 2, 8, 15, 0)}),
						},
					},
				},
			},
		},
		{
			name: "bad date is a data error at its cell and the row is kept",
			sheets: []sheet{unitSheet, {
				name: "公文台账",
				rows: [][]any{
					{"序号", "文号", "标题", "印发日期", "公开属性"},
					{1, "1号", "A", "2017-06-01", "主动公开"},
					nil, nil, nil, nil,
					{2, "2号", "B", "2017年13月1日", "主动公开"},
					{3, "3号", "C", "2017-02-30", "依申请公开"},
					{4, "4号", "D", 2017, "主动公开"},
				},
			}},
			want: dumpUnit{
				Name: "利通区发展和改革局", Type: "部门",
				Tables: map[string]dumpTable{"documents": {
					Sheet:   "公文台账",
					Columns: map[string]string{"doc_no": "B", "title": "C", "issued_on": "D", "attribute": "E"},
					Rows: []*row0{
						row(2, vals{"doc_no": "1号", "title": "A", "issued_on": day(2017, 6, 1), "attribute": "主动公开"}),
						row(7, vals{"doc_no": "2号", "title": "B", "attribute": "主动公开"}, "issued_on"),
						row(8, vals{"doc_no": "3号", "title": "C", "attribute": "依申请公开"}, "issued_on"),
						row(9, vals{"doc_no": "4号", "title": "D", "attribute": "主动公开"}, "issued_on"),
					},
				}},
				Issues: []string{
					"数据错误 公文台账!D7 documents/issued_on 无法识别的日期「2017年13月1日」",
					"数据错误 公文台账!D8 documents/issued_on 无法识别的日期「2017-02-30」",
					"数据错误 公文台账!D9 documents/issued_on 无法识别的日期「2017」",
				},
			},
		},
		{
			name: "unknown attribute, blank required field",
			sheets: []sheet{unitSheet, {
				name: "公文台账",
				rows: [][]any{
					{"标题", "印发日期", "公开属性"},
					{"A", "2017-06-01", "公开"},
					{nil, "2017-06-02", "主动公开"},
				},
			}},
			want: dumpUnit{
				Name: "利通区发展和改革局", Type: "部门",
				Tables: map[string]dumpTable{"documents": {
					Sheet:   "公文台账",
					Columns: map[string]string{"title": "A", "issued_on": "B", "attribute": "C"},
					Rows: []*row0{
						row(2, vals{"title": "A", "issued_on": day(2017, 6, 1)}, "attribute"),
						row(3, vals{"issued_on": day(2017, 6, 2), "attribute": "主动公开"}, "title"),
					},
				}},
				Issues: []string{
					"数据错误 公文台账!C2 documents/attribute 无法识别的公开属性「公开」（应为 主动公开、依申请公开、不予公开、脱密后公开 之一）",
					"数据错误 公文台账!A3 documents/title 必填项「标题」为空",
				},
			},
		},
		{
			name: "missing required column is one issue and the rows are kept",
			sheets: []sheet{unitSheet, {
				name: "公文台账",
				rows: [][]any{
					{"文号", "标题", "公开属性"},
					{"1号", "A", "主动公开"},
					{"2号", "B", "主动公开"},
				},
			}},
			want: dumpUnit{
				Name: "利通区发展和改革局", Type: "部门",
				Tables: map[string]dumpTable{"documents": {
					Sheet:   "公文台账",
					Columns: map[string]string{"doc_no": "A", "title": "B", "attribute": "C"},
					Rows: []*row0{
						row(2, vals{"doc_no": "1号", "title": "A", "attribute": "主动公开"}),
						row(3, vals{"doc_no": "2号", "title": "B", "attribute": "主动公开"}),
					},
				}},
				Issues: []string{"数据错误 公文台账!1 documents/ 缺少必填列「印发日期」"},
			},
		},
		{
			name: "no header row: one issue, no table",
			sheets: []sheet{unitSheet, {
				name: "公文台账",
				rows: [][]any{{"本单位2017年没有印发公文"}, {"特此说明"}},
			}},
			want: dumpUnit{
				Name: "利通区发展和改革局", Type: "部门",
				Tables: map[string]dumpTable{},
				Issues: []string{"数据错误 公文台账 documents/ 未找到表头：前 30 行中没有一行含有「标题」「印发日期」等列名，未读取此表"},
			},
		},
		{
			name: "two-level header with merged cells, merged data cells filled down",
			sheets: []sheet{unitSheet, {
				name: "公文台账",
				rows: [][]any{
					{"2017年公文台账"},
					{"文号", "标题", "印发日期", "公开情况"},
					{nil, nil, nil, "公开属性", "公开日期", "公开网址"},
					{"1号", "A", "2017-06-01", "主动公开", "2017-06-02", "http://a"},
					{"2号", "B", "2017-06-01", nil, "2017-06-02", "http://b"},
					{"3号", "C", "2017-06-01", nil, nil, nil},
					{"4号", "D", "2017-06-05", "不予公开"},
				},
				merges: []string{"A1:F1", "A2:A3", "B2:B3", "C2:C3", "D2:F2", "D4:D6", "E5:E6"},
			}},
			want: dumpUnit{
				Name: "利通区发展和改革局", Type: "部门",
				Tables: map[string]dumpTable{"documents": {
					Sheet:   "公文台账",
					Columns: map[string]string{"doc_no": "A", "title": "B", "issued_on": "C", "attribute": "D", "published_on": "E", "url": "F"},
					Rows: []*row0{
						row(4, vals{"doc_no": "1号", "title": "A", "issued_on": day(2017, 6, 1), "attribute": "主动公开", "published_on": day(2017, 6, 2), "url": "http://a"}),
						row(5, vals{"doc_no": "2号", "title": "B", "issued_on": day(2017, 6, 1), "attribute": "主动公开", "published_on": day(2017, 6, 2), "url": "http://b"}),
						row(6, vals{"doc_no": "3号", "title": "C", "issued_on": day(2017, 6, 1), "attribute": "主动公开", "published_on": day(2017, 6, 2)}),
						row(7, vals{"doc_no": "4号", "title": "D", "issued_on": day(2017, 6, 5), "attribute": "不予公开"}),
					},
				}},
			},
		},
		{
			name: "two-level header without merges",
			sheets: []sheet{unitSheet, {
				name: "公文台账",
				rows: [][]any{
					{"文号", "标题", "印发日期", "公开情况"},
					{nil, nil, nil, "公开属性", "公开日期"},
					{"1号", "A", "2017-06-01", "主动公开", "2017-06-02"},
				},
			}},
			want: dumpUnit{
				Name: "利通区发展和改革局", Type: "部门",
				Tables: map[string]dumpTable{"documents": {
					Sheet:   "公文台账",
					Columns: map[string]string{"doc_no": "A", "title": "B", "issued_on": "C", "attribute": "D", "published_on": "E"},
					Rows: []*row0{
						row(3, vals{"doc_no": "1号", "title": "A", "issued_on": day(2017, 6, 1), "attribute": "主动公开", "published_on": day(2017, 6, 2)}),
					},
				}},
			},
		},
		{
			name: "sheet names with a year, unknown and repeated sheets",
			sheets: []sheet{unitSheet,
				{name: "2017年公文台账", rows: [][]any{{"标题", "印发日期"}, {"A", "2017-06-01"}}},
				{name: "公文台账（续）", rows: [][]any{{"标题", "印发日期"}, {"B", "2017-06-01"}}},
				{name: "依申请公开台账（2017）", rows: [][]any{{"收到日期", "申请内容", "答复结果"}, {"2017-03-01", "某文件", "同意公开"}}},
				{name: "Sheet3"},
				{name: "隐藏", hidden: true},
				{name: "填报说明", rows: [][]any{{"说明"}}},
			},
			want: dumpUnit{
				Name: "利通区发展和改革局", Type: "部门",
				Tables: map[string]dumpTable{
					"documents": {
						Sheet:   "2017年公文台账",
						Columns: map[string]string{"title": "A", "issued_on": "B"},
						Rows:    []*row0{row(2, vals{"title": "A", "issued_on": day(2017, 6, 1)})},
					},
					"requests": {
						Sheet:   "依申请公开台账（2017）",
						Columns: map[string]string{"received_on": "A", "subject": "B", "outcome": "C"},
						Rows:    []*row0{row(2, vals{"received_on": day(2017, 3, 1), "subject": "某文件", "outcome": "予以公开"})},
					},
				},
				Issues: []string{
					"警告 Sheet3 / 忽略工作表「Sheet3」：名称不是台账名称",
					"数据错误 公文台账（续） documents/ 工作表「公文台账（续）」也像公文台账，未读取；一个单位的公文台账应合并在一张表「2017年公文台账」中",
				},
			},
		},
		{
			name: "numbers, yes/no and enum aliases",
			sheets: []sheet{unitSheet,
				{name: "自评表", rows: [][]any{
					{"编号", "自评得分", "说明"},
					{"1.1", 95, "见附件"},
					{"1.2", "95.5分", nil},
					{"1.3", "９５", nil},
					{"1.4", "九十五", nil},
				}},
				{name: "征求意见台账", rows: [][]any{
					{"决策事项", "是否说明未采纳理由"},
					{"A", "√"}, {"B", "×"}, {"C", "Y"}, {"D", "n"}, {"E", true}, {"F", "有"}, {"G", "不清楚"},
				}},
			},
			want: dumpUnit{
				Name: "利通区发展和改革局", Type: "部门",
				Tables: map[string]dumpTable{
					"self": {
						Sheet:   "自评表",
						Columns: map[string]string{"item": "A", "score": "B", "evidence": "C"},
						Rows: []*row0{
							row(2, vals{"item": "1.1", "score": 95.0, "evidence": "见附件"}),
							row(3, vals{"item": "1.2", "score": 95.5}),
							row(4, vals{"item": "1.3", "score": 95.0}),
							row(5, vals{"item": "1.4"}, "score"),
						},
					},
					"consultations": {
						Sheet:   "征求意见台账",
						Columns: map[string]string{"subject": "A", "rejections_explained": "B"},
						Rows: []*row0{
							row(2, vals{"subject": "A", "rejections_explained": true}),
							row(3, vals{"subject": "B", "rejections_explained": false}),
							row(4, vals{"subject": "C", "rejections_explained": true}),
							row(5, vals{"subject": "D", "rejections_explained": false}),
							row(6, vals{"subject": "E", "rejections_explained": true}),
							row(7, vals{"subject": "F", "rejections_explained": true}),
							row(8, vals{"subject": "G"}, "rejections_explained"),
						},
					},
				},
				Issues: []string{
					"数据错误 自评表!B5 self/score 无法识别的数字「九十五」",
					"数据错误 征求意见台账!B8 consultations/rejections_explained 无法识别的是否说明未采纳理由「不清楚」（应为 是 或 否）",
				},
			},
		},
		{
			name: "unit info with every field",
			sheets: []sheet{{name: "单位信息", rows: [][]any{
				{"单位基本信息"},
				{"项目", "内容"},
				{"填报单位", " 金积镇人民政府 "},
				{"单位类型", "镇"},
				{"是否试点部门", "否"},
				{"自查年度", "2017年"},
				{"联系人", "李四"},
				{"联系电话", 13800000000},
			}}},
			want: dumpUnit{Name: "金积镇人民政府", Type: "乡镇", Year: 2017, Contact: "李四", Phone: "13800000000", Tables: map[string]dumpTable{}},
		},
		{
			name: "unit info in four columns and inline",
			sheets: []sheet{{name: "基本信息", rows: [][]any{
				{"单位名称：金积镇人民政府", nil, "单位类型", "乡镇"},
				{"联系人", "李四", "联系电话", "0953-1234567"},
				{"是否试点部门", "是"},
			}}},
			want: dumpUnit{Name: "金积镇人民政府", Type: "乡镇", Pilot: true, Contact: "李四", Phone: "0953-1234567", Tables: map[string]dumpTable{}},
		},
		{
			name: "unit info as a header row with values below",
			sheets: []sheet{{name: "单位信息", rows: [][]any{
				{"单位名称", "单位类型", "年度"},
				{"金积镇人民政府", "乡镇", 2017},
			}}},
			want: dumpUnit{Name: "金积镇人民政府", Type: "乡镇", Year: 2017, Tables: map[string]dumpTable{}},
		},
		{
			name: "unit type that does not parse, no name",
			sheets: []sheet{{name: "单位信息", rows: [][]any{
				{"单位类型", "事业单位"},
			}}},
			want: dumpUnit{Name: "利通区发展和改革局", FromSource: true, Tables: map[string]dumpTable{}, Issues: []string{
				"数据错误 单位信息!B1 unit/type 无法识别的单位类型「事业单位」（应为 乡镇、部门 之一）",
				"警告 单位信息 unit/name 单位信息表未填写单位名称，单位名称取自文件名「利通区发展和改革局」",
			}},
		},
		{
			name:   "empty register sheet",
			sheets: []sheet{unitSheet, {name: "公文台账"}},
			want: dumpUnit{Name: "利通区发展和改革局", Type: "部门", Tables: map[string]dumpTable{}, Issues: []string{
				"警告 公文台账 documents/ 工作表「公文台账」是空的，已忽略",
			}},
		},
		{
			name: "cell longer than the limit",
			opts: Options{MaxCellBytes: 12},
			sheets: []sheet{{name: "公文台账", rows: [][]any{
				{"标题", "印发日期"},
				{"关于印发某某的通知", "2017-06-01"},
			}}},
			want: dumpUnit{
				Name: "利通区发展和改革局", FromSource: true,
				Tables: map[string]dumpTable{"documents": {
					Sheet:   "公文台账",
					Columns: map[string]string{"title": "A", "issued_on": "B"},
					Rows:    []*row0{row(2, vals{"issued_on": day(2017, 6, 1)}, "title")},
				}},
				Issues: []string{"数据错误 公文台账!A2 documents/title 单元格内容过长（超过 12 字节的上限）", warnNoUnit},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			file := tc.file
			if file == "" {
				file = docFile
			}
			p := writeXLSX(t, file, tc.sheets...)
			u, err := ReadXLSX(p, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if u.Source != p {
				t.Errorf("Source = %q, want %q", u.Source, p)
			}
			for _, is := range u.Issues {
				if is.Pos.File != p {
					t.Errorf("issue %s: Pos.File = %q, want %q", issueString(is), is.Pos.File, p)
				}
			}
			got := dump(u)
			if diff := cmp.Diff(tc.want, got, cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("ReadXLSX mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadXLSXDate1904(t *testing.T) {
	p := writeXLSX(t, docFile, unitSheet, sheet{name: "公文台账", rows: [][]any{{"标题", "印发日期"}, {"A", 41425}}})
	f := openFile(t, p)
	yes := true
	if err := f.SetWorkbookProps(&workbookProps{Date1904: &yes}); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	u, err := ReadXLSX(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := u.Tables["documents"].Rows[0].Values["issued_on"]
	if got != day(2017, 6, 1) {
		t.Errorf("1904 serial 41425 = %v, want 2017-06-01", got)
	}
}

func TestMissingSheets(t *testing.T) {
	// The expected warnings: every register but the one given.
	missing := func(given, format string) []string {
		var out []string
		for _, tb := range checklists.DefaultSchema().UnitTables().Tables {
			if !tb.Form && tb.Name != given {
				out = append(out, fmt.Sprintf(format, tb.Name, tb.Sheet))
			}
		}
		sort.Strings(out)
		return out
	}
	p := writeXLSX(t, docFile, unitSheet, sheet{name: "公文台账", rows: [][]any{{"标题", "印发日期"}}})
	u, err := ReadXLSX(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := missing("documents", "警告  %s/ 缺少工作表「%s」")
	if len(want) < 4 || want[0] != "警告  consultations/ 缺少工作表「征求意见台账」" {
		t.Fatalf("want = %v", want)
	}
	if diff := cmp.Diff(want, sortedIssues(u)); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
	dir := writeDir(t, "金积镇", map[string]string{"自评表.csv": "指标编号,自评分\n", "单位信息.csv": "单位名称,金积镇人民政府\n"})
	u, err = ReadCSVDir(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(missing("self", "警告  %s/ 缺少文件「%s.csv」"), sortedIssues(u)); diff != "" {
		t.Errorf("CSV issues (-want +got):\n%s", diff)
	}
}

func TestRepeatedHeaderRows(t *testing.T) {
	p := writeXLSX(t, docFile, unitSheet, sheet{name: "公文台账", rows: [][]any{
		{"标题", "印发日期"}, {"A", "2017-06-01"}, {"标题", "印发日期"}, {"B", "2017-06-02"},
	}})
	u, err := ReadXLSX(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := dumpTable{Sheet: "公文台账", Columns: map[string]string{"title": "A", "issued_on": "B"}, Rows: []*row0{
		row(2, vals{"title": "A", "issued_on": day(2017, 6, 1)}),
		row(4, vals{"title": "B", "issued_on": day(2017, 6, 2)}),
	}}
	if diff := cmp.Diff(want, dump(u).Tables["documents"]); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]string{"警告 公文台账!3 documents/ 忽略重复的表头行"}, dump(u).Issues); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
}
