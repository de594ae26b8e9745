package workbook

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/xuri/excelize/v2"
	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
)

func writeTemplate(t testing.TB, schema *checklists.Schema) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "自查台账模板.xlsx")
	fh, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteTemplate(fh, schema); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTemplateLayout(t *testing.T) {
	schema := checklists.DefaultSchema()
	f := openFile(t, writeTemplate(t, nil))
	defer f.Close()
	want := []string{helpSheet}
	for _, tb := range schema.UnitTables().Tables {
		want = append(want, tb.Sheet)
	}
	if diff := cmp.Diff(want, f.GetSheetList()); diff != "" {
		t.Errorf("sheets (-want +got):\n%s", diff)
	}
	for _, tb := range schema.UnitTables().Tables {
		if tb.Form {
			for i, fd := range tb.Fields {
				if v, _ := f.GetCellValue(tb.Sheet, fmt.Sprintf("A%d", i+2)); v != fd.Header {
					t.Errorf("%s!A%d = %q, want %q", tb.Sheet, i+2, v, fd.Header)
				}
			}
			continue
		}
		panes, err := f.GetPanes(tb.Sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes = %+v, %v; want the header row frozen", tb.Sheet, panes, err)
		}
		dvs, err := f.GetDataValidations(tb.Sheet)
		if err != nil {
			t.Fatal(err)
		}
		var sqrefs []string
		for _, dv := range dvs {
			sqrefs = append(sqrefs, dv.Sqref)
		}
		for i, fd := range tb.Fields {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if v, _ := f.GetCellValue(tb.Sheet, col+"1"); v != fd.Header {
				t.Errorf("%s!%s1 = %q, want %q", tb.Sheet, col, v, fd.Header)
			}
			wantDV := fd.Type == checklists.Enum || fd.Type == checklists.Bool
			if got := slices.Contains(sqrefs, col+"2:"+col+"1048576"); got != wantDV {
				t.Errorf("%s column %s (%s): dropdown = %v, want %v (sqrefs %v)", tb.Sheet, col, fd.Header, got, wantDV, sqrefs)
			}
			id, err := f.GetColStyle(tb.Sheet, col)
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			var numFmt string
			if st.CustomNumFmt != nil {
				numFmt = *st.CustomNumFmt
			}
			switch fd.Type {
			case checklists.Date:
				if numFmt != "yyyy-mm-dd" {
					t.Errorf("%s column %s: number format %q, want yyyy-mm-dd", tb.Sheet, col, numFmt)
				}
			case checklists.DateTime:
				if numFmt != "yyyy-mm-dd hh:mm" {
					t.Errorf("%s column %s: number format %q, want yyyy-mm-dd hh:mm", tb.Sheet, col, numFmt)
				}
			}
			if w, _ := f.GetColWidth(tb.Sheet, col); w < 10 {
				t.Errorf("%s column %s: width %v, want at least 10", tb.Sheet, col, w)
			}
		}
	}
	// The instructions name every column with its type.
	rows, err := f.Rows(helpSheet)
	if err != nil {
		t.Fatal(err)
	}
	var help []string
	for rows.Next() {
		cells, _ := rows.Columns()
		help = append(help, strings.Join(cells, "|"))
	}
	rows.Close()
	text := strings.Join(help, "\n")
	for _, want := range []string{
		"印发日期|日期（如 2017-06-01）|必填||（列名也可写作：成文日期、发文日期、签发日期、发文时间、成文时间、印发时间、签发时间、生成日期、产生日期）",
		"公开属性|从下拉列表选择||主动公开、依申请公开、不予公开、脱密后公开|方案一(一)规定的四种公开属性之一。",
		"【公文台账】本单位本年度印发的全部公文",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("填报说明 lacks %q:\n%s", want, text)
		}
	}
}

func TestTemplateReadsBlank(t *testing.T) {
	u, err := Read(writeTemplate(t, nil), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tb := range checklists.DefaultSchema().UnitTables().Tables {
		if tb.Form {
			continue
		}
		got := u.Tables[tb.Name]
		if got == nil || len(got.Rows) != 0 || len(got.Columns) != len(tb.Fields) {
			t.Errorf("table %s = %+v, want every column and no rows", tb.Name, got)
		}
	}
	want := []string{"警告 单位信息 unit/name 单位信息表未填写单位名称，单位名称取自文件名「自查台账模板」"}
	if diff := cmp.Diff(want, sortedIssues(u)); diff != "" {
		t.Errorf("issues (-want +got):\n%s", diff)
	}
}

func TestTemplateRoundTrip(t *testing.T) {
	p := writeTemplate(t, nil)
	f := openFile(t, p)
	set := func(sheet, cell string, v any) {
		t.Helper()
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	setRow := func(sheet string, r int, vs ...any) {
		t.Helper()
		for i, v := range vs {
			if v != nil {
				c, _ := excelize.CoordinatesToCellName(i+1, r)
				set(sheet, c, v)
			}
		}
	}
	set("单位信息", "B2", "利通区发展和改革局")
	set("单位信息", "B3", "部门")
	set("单位信息", "B4", "是")
	set("单位信息", "B5", 2017)
	set("单位信息", "B6", "张三")
	set("单位信息", "B7", "0953-1234567")
	setRow("公文台账", 2, "利发改发〔2017〕1号", "关于印发A的通知", day(2017, 6, 1), "主动公开", nil, "是", "否",
		day(2017, 6, 5), "http://www.ltq.gov.cn/a", day(2017, 6, 5), "政策问答", nil, "通知公告", "备注")
	setRow("公文台账", 3, "利发改发〔2017〕2号", "关于B的通知", day(2017, 7, 1), "不予公开", "涉及国家秘密")
	setRow("依申请公开台账", 2, day(2017, 3, 1), "某文件", "利发改发〔2017〕1号", day(2017, 3, 20), "部分公开", "否")
	setRow("征求意见台账", 2, "某规划", day(2017, 4, 1), day(2017, 4, 30), day(2017, 5, 10), day(2017, 5, 20), "是")
	setRow("转载台账", 2, "自治区某意见", "自治区人民政府", time.Date(2017, 6, 1, 9, 30, 0, 0, time.UTC), time.Date(2017, 6, 3, 17, 45, 0, 0, time.UTC))
	setRow("自评表", 2, "1.1", 9.5, "见附件1")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	u, err := Read(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := dump(u)
	for _, tb := range got.Tables {
		tb.Columns = nil
	}
	want := dumpUnit{
		Name: "利通区发展和改革局", Type: "部门", Pilot: true, Year: 2017, Contact: "张三", Phone: "0953-1234567",
		Tables: map[string]dumpTable{
			"documents": {Sheet: "公文台账", Rows: []*audit.Row{
				row(2, vals{"doc_no": "利发改发〔2017〕1号", "title": "关于印发A的通知", "issued_on": day(2017, 6, 1), "attribute": "主动公开",
					"policy": true, "affects_rights": false, "published_on": day(2017, 6, 5), "url": "http://www.ltq.gov.cn/a",
					"interpreted_on": day(2017, 6, 5), "interpretation": "政策问答", "catalog": "通知公告", "note": "备注"}),
				row(3, vals{"doc_no": "利发改发〔2017〕2号", "title": "关于B的通知", "issued_on": day(2017, 7, 1), "attribute": "不予公开", "reason": "涉及国家秘密"}),
			}},
			"requests": {Sheet: "依申请公开台账", Rows: []*audit.Row{
				row(2, vals{"received_on": day(2017, 3, 1), "subject": "某文件", "doc_no": "利发改发〔2017〕1号", "replied_on": day(2017, 3, 20), "outcome": "部分公开", "extended": false}),
			}},
			"consultations": {Sheet: "征求意见台账", Rows: []*audit.Row{
				row(2, vals{"subject": "某规划", "opened_on": day(2017, 4, 1), "closed_on": day(2017, 4, 30), "decided_on": day(2017, 5, 10), "feedback_on": day(2017, 5, 20), "rejections_explained": true}),
			}},
			"reposts": {Sheet: "转载台账", Rows: []*audit.Row{
				row(2, vals{"title": "自治区某意见", "source": "自治区人民政府", "source_published_at": at(2017, 6, 1, 9, 30, 0), "reposted_at": at(2017, 6, 3, 17, 45, 0)}),
			}},
			"self": {Sheet: "自评表", Rows: []*audit.Row{
				row(2, vals{"item": "1.1", "score": 9.5, "evidence": "见附件1"}),
			}},
		},
	}
	for _, tb := range checklists.DefaultSchema().UnitTables().Tables { // the other registers: present and empty
		if _, ok := want.Tables[tb.Name]; !ok && !tb.Form {
			want.Tables[tb.Name] = dumpTable{Sheet: tb.Sheet}
		}
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty(), cmpopts.IgnoreFields(dumpTable{}, "Columns")); diff != "" {
		t.Errorf("round trip (-want +got):\n%s", diff)
	}
}

// A dropdown longer than Excel's 255 characters goes on a veryHidden sheet
// under a defined name, and the template still reads back blank.
func TestTemplateLongList(t *testing.T) {
	schema := checklists.DefaultSchema()
	var values []checklists.EnumValue
	for i := range 40 {
		values = append(values, checklists.EnumValue{Name: fmt.Sprintf("第%02d类目录信息", i)})
	}
	values = append(values, checklists.EnumValue{Name: "其他,含逗号"})
	docs := schema.Table("documents")
	docs.Fields = append(docs.Fields, &checklists.Field{Name: "catalog2", Header: "目录分类", Type: checklists.Enum, Values: values})
	p := writeTemplate(t, schema)
	f := openFile(t, p)
	if got := f.GetSheetList(); got[len(got)-1] != listsSheet {
		t.Fatalf("sheets = %v, want %s last", got, listsSheet)
	}
	state := ""
	for _, s := range f.WorkBook.Sheets.Sheet {
		if s.Name == listsSheet {
			state = s.State
		}
	}
	if state != "veryHidden" {
		t.Errorf("%s state = %q, want veryHidden", listsSheet, state)
	}
	var refersTo string
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "list_documents_catalog2" {
			refersTo = dn.RefersTo
		}
	}
	if refersTo != "'下拉选项'!$A$1:$A$41" {
		t.Errorf("defined name refers to %q", refersTo)
	}
	dvs, _ := f.GetDataValidations("公文台账")
	found := false
	for _, dv := range dvs {
		if dv.Sqref == "O2:O1048576" {
			found = dv.Formula1 == "list_documents_catalog2"
		}
	}
	if !found {
		t.Errorf("no dropdown on column O naming the list")
	}
	if v, _ := f.GetCellValue(listsSheet, "A41"); v != "其他,含逗号" {
		t.Errorf("%s!A41 = %q", listsSheet, v)
	}
	f.Close()
	u, err := Read(p, Options{Schema: schema})
	if err != nil {
		t.Fatal(err)
	}
	if len(u.Issues) != 1 || len(u.Tables["documents"].Rows) != 0 {
		t.Errorf("template read back: issues %v, documents %+v", sortedIssues(u), u.Tables["documents"])
	}
}
