// Package district writes the sample district of samples/README.md: the
// self-check submissions (自查台账) of twelve units of 利通区 for 2017, or of
// the next year's units for 2018, with every problem the default checklist
// (litong-2017) finds planted at a known row.
//
// Most units hand in the workbook zwgk template writes, filled in. Two do
// not: 利通区民政局 sends its website CMS export (a merged title row, a blank
// row, aliased and shuffled headers, dates as text, 「此件公开发布」 and a
// note row), and 利通区财政局 sends a folder of GBK-encoded CSV files.
//
// The output is deterministic: the same year gives byte-identical files (the
// workbooks' document properties carry a fixed date, and nothing depends on
// map order or the clock).
package district

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zwgk/zwgk/audit/workbook"
	"github.com/zwgk/zwgk/checklists"
)

// Write writes the district of the given year into the folder out (created
// if needed): one .xlsx workbook per unit, and one folder of CSV files.
// Existing files of the same names are replaced; nothing else is touched.
func Write(out string, year int) error {
	var units []*unit
	switch year {
	case 2017:
		units = district2017()
	case 2018:
		units = district2018()
	default:
		return fmt.Errorf("year %d: only 2017 and 2018 are designed", year)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, u := range units {
		u.year = year
		var err error
		switch u.layout {
		case layoutTemplate:
			err = writeTemplateUnit(out, u)
		case layoutCMS:
			err = writeCMSUnit(out, u)
		case layoutCSV:
			err = writeCSVUnit(out, u)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", u.name, err)
		}
	}
	return nil
}

// ---------------------------------------------------------------------------
// The model of a submission.

type layout int

const (
	layoutTemplate layout = iota // the zwgk template, filled in
	layoutCMS                    // a website CMS export (利通区民政局)
	layoutCSV                    // a folder of GBK CSV files (利通区财政局)
)

// unit is one unit's submission.
type unit struct {
	name, file     string // unit name; file (or folder) name without extension
	typ            string // 乡镇 or 部门
	pilot          bool
	code           string // used in the documents' web addresses
	contact, phone string
	layout         layout
	year           int

	docs     []*doc
	requests []*request
	consults []*consult
	reposts  []*repost
	// self is the 自评表: the score the unit claims for each item; an item
	// listed in missing has no row at all (未自评).
	self    map[string]float64
	missing []string
	// evidence explains a self-score below full points.
	evidence map[string]string
}

// A date cell is written from a string:
//
//	"2017-03-06"          a real date cell (the template's date style)
//	"s:2017-03-06"        the Excel serial number as a plain number (42800)
//	"t:2017年3月6日"       text, exactly as written
//	"2017-03-14 10:00"    a date-time cell
//
// In a CSV file every value is text: the "s:" and "t:" prefixes are dropped.

// doc is one row of 公文台账.
type doc struct {
	no, title   string
	issued      string
	attr        string // canonical value, an alias, or "" (not marked)
	reason      string
	policy      string // 是, 否 or ""
	rights      string
	published   string
	interpreted string
	form        string
	declass     string
	catalog     string
	note        string
	views       int // CMS export only: 浏览次数
}

func d(no, title, issued, attr, policy, rights, published string) *doc {
	return &doc{no: no, title: title, issued: issued, attr: attr, policy: policy, rights: rights, published: published}
}

func (x *doc) interp(on, form string) *doc { x.interpreted, x.form = on, form; return x }
func (x *doc) why(reason string) *doc      { x.reason = reason; return x }
func (x *doc) declassified(on string) *doc { x.declass = on; return x }
func (x *doc) cat(c string) *doc           { x.catalog = c; return x }
func (x *doc) remark(n string) *doc        { x.note = n; return x }
func (x *doc) seen(n int) *doc             { x.views = n; return x }

// request is one row of 依申请公开台账.
type request struct {
	received, subject, docNo, replied, outcome string
	extended                                   string
	applicant                                  string // 申请人类型; "" is 自然人
}

func rq(received, subject, docNo, replied, outcome string) *request {
	return &request{received: received, subject: subject, docNo: docNo, replied: replied, outcome: outcome}
}

func (r *request) ext() *request { r.extended = "是"; return r }

func (r *request) by(applicant string) *request { r.applicant = applicant; return r }

// applicantType is the 申请人类型 column: most applicants are citizens.
func (r *request) applicantType() string {
	if r.applicant == "" {
		return "自然人"
	}
	return r.applicant
}

// consult is one row of 征求意见台账.
type consult struct {
	subject, opened, closed, decided, feedback, explained string
}

// repost is one row of 转载台账.
type repost struct {
	title, source, sourceAt, repostedAt string
}

const (
	nx = "宁夏回族自治区人民政府"
	nb = "宁夏回族自治区人民政府办公厅"
	wz = "吴忠市人民政府"
	wb = "吴忠市人民政府办公室"
)

// items are the indicators of litong-2017 that a unit scores itself on in
// its 自评表, with their full points (F5, the veto, has none; G1 is the bonus).
var items = []struct {
	id     string
	points float64
}{
	{"A1", 3}, {"A2", 6}, {"A3", 3}, {"A4", 6}, {"A5", 2}, {"A6", 3}, {"A7", 3}, {"A8", 3}, {"A9", 3}, {"A10", 2}, {"A11", 2},
	{"A12", 2}, {"A13", 1}, {"A14", 1},
	{"B1", 8}, {"B2", 2}, {"B3", 2}, {"B4", 3},
	{"C1", 3}, {"C2", 6}, {"C3", 3}, {"C4", 3},
	{"D1", 2}, {"D2", 4}, {"D3", 2}, {"D4", 2}, {"D5", 2},
	{"E1", 6},
	{"F1", 3}, {"F2", 2}, {"F3", 3}, {"F4", 2}, {"F6", 2},
	{"G1", 2},
}

// selfRows returns the 自评表 rows: every item with the unit's claim (full
// points unless the unit says otherwise), leaving out the missing ones.
func (u *unit) selfRows() [][3]string {
	var rows [][3]string
	for _, it := range items {
		if contains(u.missing, it.id) {
			continue
		}
		score, ok := u.self[it.id]
		if !ok {
			score = it.points
		}
		ev := u.evidence[it.id]
		if ev == "" {
			if score < it.points {
				ev = "部分完成"
			} else {
				ev = "已完成，佐证材料见附件"
			}
		}
		rows = append(rows, [3]string{it.id, strconv.FormatFloat(score, 'f', -1, 64), ev})
	}
	return rows
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// url is the address a published document got on the district's website.
func (u *unit) url(x *doc, n int) string {
	if x.published == "" {
		return ""
	}
	t, ok := parse(x.published)
	if !ok {
		return ""
	}
	return fmt.Sprintf("http://www.ltq.gov.cn/xxgk/%s/%s/t%s_%d.html", u.code, t.Format("200601"), t.Format("20060102"), n)
}

// ---------------------------------------------------------------------------
// Cell values.

// parse reads the date in a cell spec, whatever its prefix.
func parse(spec string) (time.Time, bool) {
	s := strings.TrimPrefix(strings.TrimPrefix(spec, "s:"), "t:")
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// excelSerial is the 1900-system serial number of a date.
func excelSerial(t time.Time) float64 {
	base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	return t.Sub(base).Hours() / 24
}

// csvText is what a date cell spec reads as in a CSV file.
func csvText(spec string) string {
	switch {
	case strings.HasPrefix(spec, "t:"):
		return spec[2:]
	case strings.HasPrefix(spec, "s:"):
		return spec[2:]
	}
	return spec
}

// styles are the cell styles a workbook writer needs.
type styles struct {
	date, dateTime, number int
}

// setDate writes a date cell spec.
func setDate(f *excelize.File, sheet, cell, spec string, st styles) error {
	switch {
	case spec == "":
		return nil
	case strings.HasPrefix(spec, "t:"):
		return f.SetCellStr(sheet, cell, spec[2:])
	case strings.HasPrefix(spec, "s:"):
		t, ok := parse(spec)
		if !ok {
			return fmt.Errorf("%s!%s: bad date %q", sheet, cell, spec)
		}
		if err := f.SetCellFloat(sheet, cell, excelSerial(t), -1, 64); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, st.number)
	}
	t, ok := parse(spec)
	if !ok {
		return fmt.Errorf("%s!%s: bad date %q", sheet, cell, spec)
	}
	if err := f.SetCellValue(sheet, cell, t); err != nil {
		return err
	}
	style := st.date
	if strings.Contains(spec, ":") {
		style = st.dateTime
	}
	return f.SetCellStyle(sheet, cell, cell, style)
}

func cellName(col, row int) string {
	c, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		panic(err)
	}
	return c
}

// fixedProps makes a workbook's document properties reproducible.
func fixedProps(f *excelize.File, u *unit, title string) error {
	on := fmt.Sprintf("%d-12-28T09:00:00Z", u.year)
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator:        u.name,
		LastModifiedBy: u.name,
		Created:        on,
		Modified:       on,
		Title:          title,
		Language:       "zh-CN",
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "Microsoft Excel", Company: u.name, AppVersion: "16.0300"})
}

// ---------------------------------------------------------------------------
// The template layout.

// columns maps each schema field of a register sheet to its column number,
// read from the template's header row.
func columns(f *excelize.File, t *checklists.Table) (map[string]int, error) {
	rows, err := f.GetRows(t.Sheet)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("template sheet %s has no header", t.Sheet)
	}
	cols := map[string]int{}
	for i, h := range rows[0] {
		for _, fd := range t.Fields {
			if fd.Header == h {
				cols[fd.Name] = i + 1
			}
		}
	}
	for _, fd := range t.Fields {
		if _, ok := cols[fd.Name]; !ok {
			return nil, fmt.Errorf("template sheet %s has no column %s", t.Sheet, fd.Header)
		}
	}
	return cols, nil
}

func writeTemplateUnit(out string, u *unit) error {
	schema := checklists.DefaultSchema()
	var buf bytes.Buffer
	if err := workbook.WriteTemplate(&buf, schema); err != nil {
		return err
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		return err
	}
	defer f.Close()
	st := styles{}
	if st.number, err = f.NewStyle(&excelize.Style{NumFmt: 1}); err != nil {
		return err
	}
	// The template's own date and date-time styles, from its column formats.
	docs := schema.Table("documents")
	dcols, err := columns(f, docs)
	if err != nil {
		return err
	}
	colLetter := func(n int) string { s, _ := excelize.ColumnNumberToName(n); return s }
	if st.date, err = f.GetColStyle(docs.Sheet, colLetter(dcols["issued_on"])); err != nil {
		return err
	}
	reposts := schema.Table("reposts")
	rcols, err := columns(f, reposts)
	if err != nil {
		return err
	}
	if st.dateTime, err = f.GetColStyle(reposts.Sheet, colLetter(rcols["reposted_at"])); err != nil {
		return err
	}

	// 单位信息: 项目 | 内容, one field a row in schema order.
	form := schema.Table("unit")
	for i, fd := range form.Fields {
		c := cellName(2, i+2)
		switch fd.Name {
		case "name":
			err = f.SetCellStr(form.Sheet, c, u.name)
		case "type":
			err = f.SetCellStr(form.Sheet, c, u.typ)
		case "pilot":
			err = f.SetCellStr(form.Sheet, c, yesNo(u.pilot))
		case "year":
			err = f.SetCellInt(form.Sheet, c, int64(u.year))
		case "contact":
			err = f.SetCellStr(form.Sheet, c, u.contact)
		case "phone":
			err = f.SetCellStr(form.Sheet, c, u.phone)
		}
		if err != nil {
			return err
		}
	}

	for i, x := range u.docs {
		r := i + 2
		vals := []struct {
			field, v string
			date     bool
		}{
			{"doc_no", x.no, false}, {"title", x.title, false}, {"issued_on", x.issued, true},
			{"attribute", x.attr, false}, {"reason", x.reason, false}, {"policy", x.policy, false},
			{"affects_rights", x.rights, false}, {"published_on", x.published, true}, {"url", u.url(x, r), false},
			{"interpreted_on", x.interpreted, true}, {"interpretation", x.form, false},
			{"declassified_on", x.declass, true}, {"catalog", x.catalog, false}, {"note", x.note, false},
		}
		for _, v := range vals {
			if err := put(f, docs.Sheet, cellName(dcols[v.field], r), v.v, v.date, st); err != nil {
				return err
			}
		}
	}
	reqs := schema.Table("requests")
	qcols, err := columns(f, reqs)
	if err != nil {
		return err
	}
	for i, x := range u.requests {
		r := i + 2
		for _, v := range []struct {
			field, v string
			date     bool
		}{
			{"received_on", x.received, true}, {"subject", x.subject, false}, {"doc_no", x.docNo, false},
			{"replied_on", x.replied, true}, {"outcome", x.outcome, false}, {"extended", x.extended, false},
			{"applicant_type", x.applicantType(), false},
		} {
			if err := put(f, reqs.Sheet, cellName(qcols[v.field], r), v.v, v.date, st); err != nil {
				return err
			}
		}
	}
	cons := schema.Table("consultations")
	ccols, err := columns(f, cons)
	if err != nil {
		return err
	}
	for i, x := range u.consults {
		r := i + 2
		for _, v := range []struct {
			field, v string
			date     bool
		}{
			{"subject", x.subject, false}, {"opened_on", x.opened, true}, {"closed_on", x.closed, true},
			{"decided_on", x.decided, true}, {"feedback_on", x.feedback, true}, {"rejections_explained", x.explained, false},
		} {
			if err := put(f, cons.Sheet, cellName(ccols[v.field], r), v.v, v.date, st); err != nil {
				return err
			}
		}
	}
	for i, x := range u.reposts {
		r := i + 2
		for _, v := range []struct {
			field, v string
			date     bool
		}{
			{"title", x.title, false}, {"source", x.source, false},
			{"source_published_at", x.sourceAt, true}, {"reposted_at", x.repostedAt, true},
		} {
			if err := put(f, reposts.Sheet, cellName(rcols[v.field], r), v.v, v.date, st); err != nil {
				return err
			}
		}
	}
	self := schema.Table("self")
	scols, err := columns(f, self)
	if err != nil {
		return err
	}
	for i, row := range u.selfRows() {
		r := i + 2
		if err := f.SetCellStr(self.Sheet, cellName(scols["item"], r), row[0]); err != nil {
			return err
		}
		score, _ := strconv.ParseFloat(row[1], 64)
		if err := f.SetCellFloat(self.Sheet, cellName(scols["score"], r), score, -1, 64); err != nil {
			return err
		}
		if err := f.SetCellStr(self.Sheet, cellName(scols["evidence"], r), row[2]); err != nil {
			return err
		}
	}
	if err := fixedProps(f, u, fmt.Sprintf("%s%d年政务公开自查台账", u.name, u.year)); err != nil {
		return err
	}
	return save(f, filepath.Join(out, u.file+".xlsx"))
}

// put writes one value: a date cell spec, or text.
func put(f *excelize.File, sheet, cell, v string, date bool, st styles) error {
	if v == "" {
		return nil
	}
	if date {
		return setDate(f, sheet, cell, v, st)
	}
	return f.SetCellStr(sheet, cell, v)
}

func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}

func save(f *excelize.File, path string) error {
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// ---------------------------------------------------------------------------
// The CMS export (利通区民政局).

// cmsHeaders are the columns of the website's export, in its own order and
// words; 浏览次数 is a column zwgk does not know.
var cmsHeaders = []string{"文件标题", "发文字号", "成文日期", "公开方式", "依据", "发布日期", "链接", "政策性文件",
	"涉及公民权利义务", "解读日期", "解读形式", "信息类别", "浏览次数"}

func writeCMSUnit(out string, u *unit) error {
	f := excelize.NewFile()
	defer f.Close()
	st := styles{}
	var err error
	dateFmt, dateTimeFmt := "yyyy年m月d日", "yyyy-mm-dd hh:mm"
	if st.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateFmt}); err != nil {
		return err
	}
	if st.dateTime, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateTimeFmt}); err != nil {
		return err
	}
	if st.number, err = f.NewStyle(&excelize.Style{NumFmt: 1}); err != nil {
		return err
	}
	title, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16}, Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}

	// 基本信息: a four-column form, 项目 | 内容 | 项目 | 内容.
	const info = "基本信息"
	if err := f.SetSheetName("Sheet1", info); err != nil {
		return err
	}
	form := [][]any{
		{"单位名称", u.name, "单位类型", u.typ},
		{"是否试点部门", yesNo(u.pilot), "自查年度", fmt.Sprintf("%d年", u.year)},
		{"填报人", u.contact, "联系电话", u.phone},
	}
	for i, row := range form {
		if err := f.SetSheetRow(info, cellName(1, i+1), &row); err != nil {
			return err
		}
	}

	// 公文台账: title row merged across the columns, a blank row, the header.
	docSheet := fmt.Sprintf("%d年公文台账", u.year)
	if _, err := f.NewSheet(docSheet); err != nil {
		return err
	}
	last := cellName(len(cmsHeaders), 1)
	if err := f.SetCellStr(docSheet, "A1", fmt.Sprintf("%s%d年公文台账", u.name, u.year)); err != nil {
		return err
	}
	if err := f.MergeCell(docSheet, "A1", last); err != nil {
		return err
	}
	if err := f.SetCellStyle(docSheet, "A1", last, title); err != nil {
		return err
	}
	hdr := make([]any, len(cmsHeaders))
	for i, h := range cmsHeaders {
		hdr[i] = h
	}
	if err := f.SetSheetRow(docSheet, "A3", &hdr); err != nil {
		return err
	}
	if err := f.SetCellStyle(docSheet, "A3", cellName(len(cmsHeaders), 3), bold); err != nil {
		return err
	}
	r := 4
	for _, x := range u.docs {
		vals := []struct {
			v    string
			date bool
		}{
			{x.title, false}, {x.no, false}, {x.issued, true}, {x.attr, false}, {x.reason, false},
			{x.published, true}, {u.url(x, r), false}, {x.policy, false}, {x.rights, false},
			{x.interpreted, true}, {x.form, false}, {x.catalog, false},
		}
		for c, v := range vals {
			if err := put(f, docSheet, cellName(c+1, r), v.v, v.date, st); err != nil {
				return err
			}
		}
		if x.views > 0 {
			if err := f.SetCellInt(docSheet, cellName(len(cmsHeaders), r), int64(x.views)); err != nil {
				return err
			}
		}
		r++
	}
	note := fmt.Sprintf("注：本表由利通区人民政府网站内容管理系统导出，导出时间：%d年12月28日。", u.year)
	if err := f.SetCellStr(docSheet, cellName(1, r), note); err != nil {
		return err
	}
	for i, w := range []float64{48, 22, 16, 14, 24, 16, 40, 10, 14, 14, 12, 12, 10} {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(docSheet, col, col, w); err != nil {
			return err
		}
	}

	// The other registers under their alias headers.
	sheets := []struct {
		name    string
		headers []string
		rows    [][]struct {
			v    string
			date bool
		}
	}{
		{name: "依申请公开登记台账", headers: []string{"申请日期", "申请人类别", "申请事项", "对应文号", "答复日期", "处理结果"}},
		{name: "征求意见台账", headers: []string{"草案名称", "公开征求意见日期", "征求意见截止日期", "审议日期", "反馈日期", "未采纳理由说明"}},
		{name: "转载台账", headers: []string{"标题", "来源", "上级发布时间", "转载时间"}},
		{name: "自评表", headers: []string{"编号", "自评得分", "自评说明"}},
	}
	type cv = struct {
		v    string
		date bool
	}
	for _, x := range u.requests {
		sheets[0].rows = append(sheets[0].rows, []cv{{x.received, true}, {x.applicantType(), false}, {x.subject, false}, {x.docNo, false}, {x.replied, true}, {x.outcome, false}})
	}
	for _, x := range u.consults {
		sheets[1].rows = append(sheets[1].rows, []cv{{x.subject, false}, {x.opened, true}, {x.closed, true}, {x.decided, true}, {x.feedback, true}, {x.explained, false}})
	}
	for _, x := range u.reposts {
		sheets[2].rows = append(sheets[2].rows, []cv{{x.title, false}, {x.source, false}, {x.sourceAt, true}, {x.repostedAt, true}})
	}
	for _, s := range sheets[:3] {
		if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
		h := make([]any, len(s.headers))
		for i, x := range s.headers {
			h[i] = x
		}
		if err := f.SetSheetRow(s.name, "A1", &h); err != nil {
			return err
		}
		for i, row := range s.rows {
			for c, v := range row {
				if err := put(f, s.name, cellName(c+1, i+2), v.v, v.date, st); err != nil {
					return err
				}
			}
		}
	}
	selfSheet := sheets[3]
	if _, err := f.NewSheet(selfSheet.name); err != nil {
		return err
	}
	h := []any{selfSheet.headers[0], selfSheet.headers[1], selfSheet.headers[2]}
	if err := f.SetSheetRow(selfSheet.name, "A1", &h); err != nil {
		return err
	}
	for i, row := range u.selfRows() {
		score, _ := strconv.ParseFloat(row[1], 64)
		vals := []any{row[0], score, row[2]}
		if err := f.SetSheetRow(selfSheet.name, cellName(1, i+2), &vals); err != nil {
			return err
		}
	}
	f.SetActiveSheet(1)
	if err := fixedProps(f, u, fmt.Sprintf("%s%d年公文台账（网站导出）", u.name, u.year)); err != nil {
		return err
	}
	return save(f, filepath.Join(out, u.file+".xlsx"))
}

// ---------------------------------------------------------------------------
// The CSV folder (利通区财政局), GBK-encoded as Excel saves it on Chinese Windows.

func writeCSVUnit(out string, u *unit) error {
	dir := filepath.Join(out, u.file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	// Each register is written with the template's columns, in schema
	// order; a register without rows keeps its header (填报说明 4).
	rows := map[string][]map[string]string{}
	for i, x := range u.docs {
		rows["documents"] = append(rows["documents"], map[string]string{
			"doc_no": x.no, "title": x.title, "issued_on": csvText(x.issued), "attribute": x.attr, "reason": x.reason,
			"policy": x.policy, "affects_rights": x.rights, "published_on": csvText(x.published), "url": u.url(x, i+2),
			"interpreted_on": csvText(x.interpreted), "interpretation": x.form, "declassified_on": csvText(x.declass),
			"catalog": x.catalog, "note": x.note,
		})
	}
	for _, x := range u.requests {
		rows["requests"] = append(rows["requests"], map[string]string{
			"received_on": csvText(x.received), "subject": x.subject, "doc_no": x.docNo, "replied_on": csvText(x.replied),
			"outcome": x.outcome, "extended": x.extended, "applicant_type": x.applicantType(),
		})
	}
	for _, x := range u.consults {
		rows["consultations"] = append(rows["consultations"], map[string]string{
			"subject": x.subject, "opened_on": csvText(x.opened), "closed_on": csvText(x.closed), "decided_on": csvText(x.decided),
			"feedback_on": csvText(x.feedback), "rejections_explained": x.explained,
		})
	}
	for _, x := range u.reposts {
		rows["reposts"] = append(rows["reposts"], map[string]string{
			"title": x.title, "source": x.source, "source_published_at": csvText(x.sourceAt), "reposted_at": csvText(x.repostedAt),
		})
	}
	for _, r := range u.selfRows() {
		rows["self"] = append(rows["self"], map[string]string{"item": r[0], "score": r[1], "evidence": r[2]})
	}
	for _, t := range checklists.DefaultSchema().UnitTables().Tables {
		var records [][]string
		if t.Form {
			if t.Name != "unit" {
				continue // 主动公开情况 is for the yearly report, not the audit
			}
			records = [][]string{{"项目", "内容"}, {"单位名称", u.name}, {"单位类型", u.typ}, {"是否试点部门", yesNo(u.pilot)},
				{"年度", strconv.Itoa(u.year)}, {"联系人", u.contact}, {"联系电话", u.phone}}
		} else {
			header := make([]string, len(t.Fields))
			for i, fd := range t.Fields {
				header[i] = fd.Header
			}
			records = append(records, header)
			for _, r := range rows[t.Name] {
				rec := make([]string, len(t.Fields))
				for i, fd := range t.Fields {
					rec[i] = r[fd.Name]
				}
				records = append(records, rec)
			}
		}
		var buf bytes.Buffer
		w := csv.NewWriter(&buf)
		w.UseCRLF = true
		if err := w.WriteAll(records); err != nil {
			return err
		}
		gbk, err := simplifiedchinese.GB18030.NewEncoder().Bytes(buf.Bytes())
		if err != nil {
			return fmt.Errorf("%s.csv: %w", t.Sheet, err)
		}
		if err := os.WriteFile(filepath.Join(dir, t.Sheet+".csv"), gbk, 0o644); err != nil {
			return err
		}
	}
	return nil
}
