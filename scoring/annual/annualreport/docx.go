package annualreport

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zwgk/zwgk/scoring/annual"
	"github.com/zwgk/zwgk/scoring/report/docx"
)

// The tags of the notes in the Word report: what the clerk deletes before
// publication.
const (
	NoteDrafting = "zwgk-drafting" // 编制说明 at the top
	NoteHint     = "zwgk-hint"     // data hints inside a section
	NoteChecks   = "zwgk-checks"   // the checks, late answers and findings at the end
)

// DOCX writes the yearly report of each unit of f as a Word document in the
// national format (f.Layout: 国办公开办函〔2021〕30号, or the 2019 trial
// format) and in 公文格式: the text skeleton of Markdown with tables 二, 三
// and 四 laid out as the format prints them, 【待填写】 highlighted, the
// drafting note and the checks in removable notes. Each unit starts on a
// new page.
func DOCX(w io.Writer, f *annual.File) error {
	title := fmt.Sprintf("%d年政府信息公开工作年度报告", f.Year)
	if len(f.Units) == 1 {
		title = f.Units[0].Name + title
	}
	d := docx.New(w, title)
	for i, u := range f.Units {
		if i > 0 {
			d.PageBreak()
		}
		annualUnitDOCX(d, f, u)
	}
	return d.Close()
}

// fill is the text s with 【待填写】 (and the hint after it) highlighted.
func fill(s string) []docx.Run { return docx.Marked(s, ToFill) }

func annualUnitDOCX(d *docx.Document, f *annual.File, u *annual.Report) {
	year, l := f.Year, f.Layout
	sec := l.Sections()
	t := u.Table3.Map()

	d.Note(NoteDrafting, "编制说明（发布前删除）")
	d.NoteText(docx.Run{Text: "编制说明（发布前删除）", Bold: true})
	d.NoteText(fill(fmt.Sprintf("本稿由 zwgk 根据报送的台账生成：表三取自依申请公开台账，表四取自行政复议诉讼表，表二取自主动公开情况表；"+
		"表格格式为%s。标有%s的地方须由经办人补写，数字请与附表核对。%s", l.Document(), ToFill, annualDeadline(year, u.Type)))...)
	d.EndNote()

	d.Title(fmt.Sprintf("%s%d年政府信息公开工作年度报告", u.Name, year))
	d.Text(fill(fmt.Sprintf("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第四十九条、第五十条和%s的要求编制。"+
		"报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。本报告电子版可在%s（网站名称及网址）查阅或下载。"+
		"如对本报告有疑问，请与%s（联系单位、地址、电话）联系。", formatBasis(l), year, year, ToFill, ToFill))...)

	d.Heading1(sec[0])
	d.Text(fill(fmt.Sprintf("%d年，%s%s（总体情况概述）", year, u.Name, ToFill))...)
	d.Heading2("（一）主动公开")
	d.Text(fill(documentSentence(u) + ToFill + "（主动公开的主要内容、渠道和重点领域信息公开情况）")...)
	d.Heading2("（二）依申请公开")
	d.Text(fill(requestSentence(u) + ToFill + "（依申请公开工作的做法和成效）")...)
	d.Heading2("（三）政府信息管理")
	d.Text(fill(ToFill)...)
	d.Heading2("（四）政府信息公开平台建设")
	d.Text(fill(ToFill)...)
	d.Heading2("（五）监督保障")
	d.Text(fill(ToFill)...)

	d.Heading1(sec[1])
	d.Table(table2DOCX(u, l))

	d.Heading1(sec[2])
	d.Table(table3DOCX(t, l))
	// The note printed under the table in the format: part of the report,
	// not one of zwgk's removable notes.
	d.Para(docx.StyleTableText, docx.Left, docx.T(fmt.Sprintf("注：商业企业、科研机构、社会公益组织、法律服务机构、其他五列为“%s”。%s。",
		annual.OrgHeading, strings.Trim(annual.Table3Note, "（）"))))

	d.Heading1(sec[3])
	d.Table(table4DOCX(u.Table4))

	d.Heading1(sec[4])
	d.Text(fill(ToFill + "（本年度政府信息公开工作存在的主要问题，上年度问题的整改情况，下一步改进措施）")...)
	if n := len(u.Late); n > 0 {
		d.Note(NoteHint, "数据提示（发布前删除）")
		d.NoteText(docx.T(fmt.Sprintf("数据提示（发布前删除）：本年度有 %d 件申请超过法定期限答复或至年底已超期未答复（见文末校验结果），请分析原因并写明整改措施。", n)))
		d.EndNote()
	}

	d.Heading1(sec[5])
	if year >= 2021 {
		s := "（一）收取信息处理费情况。" + ToFill + "（本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的件数和金额；未收取的写明“本年度未收取信息处理费”）"
		if c, ok := t["other.2"]; ok && c[annual.Total] > 0 {
			s += fmt.Sprintf("台账显示有 %d 件申请因申请人逾期未按收费通知要求缴纳费用而不再处理，说明本年度曾发出收费通知。", c[annual.Total])
		}
		d.Text(fill(s)...)
		d.Text(fill("（二）人大代表建议和政协委员提案办理结果公开情况。" + ToFill)...)
		d.Text(fill("（三）年度政务公开工作要点落实情况。" + ToFill)...)
		d.Text(fill("（四）其他需要报告的事项。" + ToFill + "（没有的写“无”）")...)
	} else {
		d.Text(fill(ToFill + "（没有的写“无”）")...)
	}

	checksDOCX(d, u)
}

// documentSentence is what the documents register says of the year's
// documents, "" without one.
func documentSentence(u *annual.Report) string {
	dc := u.Documents
	if dc == nil || dc.Issued == 0 {
		return ""
	}
	s := fmt.Sprintf("本年度印发公文 %d 件", dc.Issued)
	var parts []string
	for _, a := range []string{"主动公开", "依申请公开", "不予公开", "脱密后公开"} {
		if n := dc.ByAttribute[a]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d 件", a, n))
		}
	}
	if len(parts) > 0 {
		s += "，其中" + strings.Join(parts, "、")
	}
	if n := dc.ByAttribute[""]; n > 0 {
		s += fmt.Sprintf("，未标明公开属性 %d 件", n)
	}
	return s + "。"
}

// requestSentence sums table 三 up in words.
func requestSentence(u *annual.Report) string {
	t := u.Table3.Map()
	answered := t[annual.RowTotal][annual.Total]
	s := fmt.Sprintf("本年新收政府信息公开申请 %d 件，上年结转 %d 件；本年度办结 %d 件",
		t[annual.RowNew][annual.Total], t[annual.RowCarriedOver][annual.Total], answered)
	if answered > 0 {
		var parts []string
		add := func(label string, n int) {
			if n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d 件", label, n))
			}
		}
		add(annual.Granted, t[annual.RowGranted][annual.Total])
		add(annual.Partial, t[annual.RowPartial][annual.Total])
		for _, g := range annual.Groups() {
			n := 0
			for _, ln := range u.Table3.Rows {
				if strings.HasPrefix(ln.Key, g.Key+".") || (g.Key == "other" && ln.Key == annual.RowOther) {
					n += ln.Counts[annual.Total]
				}
			}
			add(g.Outcome, n)
		}
		if len(parts) > 0 {
			s += "，其中" + strings.Join(parts, "、")
		}
	}
	s += fmt.Sprintf("；结转下年度继续办理 %d 件。", t[annual.RowCarriedForward][annual.Total])
	if n := len(u.Late); n > 0 {
		s += fmt.Sprintf("经核对，有 %d 件申请超过法定期限答复或至年底已超期未答复。", n)
	}
	return s
}

// table2DOCX lays table 二 out as the format prints it: one table, each
// block a caption row, a heading row and its rows, on a grid of 信息内容 and
// three value columns (a block with fewer columns widens its last one).
// A value the unit did not fill in is 【待填写】, highlighted.
func table2DOCX(u *annual.Report, l annual.Layout) docx.Table {
	const values = 3
	tb := docx.Table{Widths: []int{40, 38, 39, 39}}
	for _, s := range l.Table2() {
		tb.Rows = append(tb.Rows, []docx.Cell{{Runs: []docx.Run{docx.T(s.Caption)}, Span: 1 + values, Bold: true}})
		head := []docx.Cell{{Runs: []docx.Run{docx.T(annual.ContentHeading)}, Align: docx.Center, Bold: true}}
		for i, h := range s.Heads {
			head = append(head, docx.Cell{Runs: []docx.Run{docx.T(h)}, Align: docx.Center, Bold: true, Span: span2(i, len(s.Heads), values)})
		}
		tb.Rows = append(tb.Rows, head)
		for _, r := range s.Rows {
			row := []docx.Cell{docx.C(r.Label, docx.Center)}
			for i, fd := range r.Fields {
				c := docx.Cell{Align: docx.Center, Span: span2(i, len(r.Fields), values)}
				if v, ok := u.Table2[fd]; ok {
					c.Runs = []docx.Run{docx.T(strconv.FormatFloat(v, 'f', -1, 64))}
				} else {
					c.Runs = []docx.Run{{Text: ToFill, Mark: true}}
				}
				row = append(row, c)
			}
			tb.Rows = append(tb.Rows, row)
		}
	}
	return tb
}

// span2 is the span of column i of n in a block of table 二 on a grid of
// cols value columns: the last takes what is left.
func span2(i, n, cols int) int {
	if i == n-1 {
		return cols - n + 1
	}
	return 1
}

// table3DOCX lays table 三 out as the format prints it: 申请人情况 over the
// three label columns, 法人或其他组织 over its five columns; 三、本年度办理结果
// merged down the results, each broken-down outcome merged down its leaves.
func table3DOCX(t map[string]annual.Counts, l annual.Layout) docx.Table {
	// In half-millimetres of the 156 mm block.
	tb := docx.Table{Widths: []int{22, 34, 104, 21, 21, 21, 21, 21, 21, 21}, Head: 2}
	cols := annual.ColumnLabels()
	head := func(s string, span int, m docx.Merge) docx.Cell {
		return docx.Cell{Runs: []docx.Run{docx.T(s)}, Span: span, Merge: m, Align: docx.Center, Bold: true}
	}
	row1 := []docx.Cell{head(annual.ApplicantHeading, 3, docx.Start), head(cols[annual.Natural], 1, docx.Start),
		head(annual.OrgHeading, annual.Total-1, docx.NoMerge), head(cols[annual.Total], 1, docx.Start)}
	row2 := []docx.Cell{head("", 3, docx.Continue), head("", 1, docx.Continue)}
	for c := annual.Business; c < annual.Total; c++ {
		row2 = append(row2, head(cols[c], 1, docx.NoMerge))
	}
	row2 = append(row2, head("", 1, docx.Continue))
	tb.Rows = append(tb.Rows, row1, row2)

	results, group := false, ""
	for _, r := range l.Rows() {
		var row []docx.Cell
		label := func(s string, span int, m docx.Merge) docx.Cell {
			return docx.Cell{Runs: []docx.Run{docx.T(s)}, Span: span, Merge: m, Align: docx.Left}
		}
		switch {
		case !r.Results:
			row = append(row, label(r.Label, 3, docx.NoMerge))
		default:
			if !results {
				row = append(row, docx.Cell{Runs: []docx.Run{docx.T(annual.LabelResults)}, Merge: docx.Start, Align: docx.Center})
				results = true
			} else {
				row = append(row, docx.Cell{Merge: docx.Continue})
			}
			switch {
			case r.Group == "":
				row = append(row, label(r.Label, 2, docx.NoMerge))
			case r.Group != group:
				row = append(row, label(r.Group, 1, docx.Start), label(r.Label, 1, docx.NoMerge))
			default:
				row = append(row, docx.Cell{Merge: docx.Continue}, label(r.Label, 1, docx.NoMerge))
			}
		}
		group = r.Group
		for _, v := range t[r.Key] {
			row = append(row, docx.C(strconv.Itoa(v), docx.Center))
		}
		tb.Rows = append(tb.Rows, row)
	}
	return tb
}

// table4DOCX lays table 四 out as the format prints it: one row of fifteen
// numbers under 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉).
func table4DOCX(t annual.Table4) docx.Table {
	ws := make([]int, 15)
	for i := range ws {
		ws[i] = 1
	}
	tb := docx.Table{Widths: ws, Head: 3}
	head := func(s string, span int, m docx.Merge) docx.Cell {
		return docx.Cell{Runs: []docx.Run{docx.T(s)}, Span: span, Merge: m, Align: docx.Center, Bold: true}
	}
	row1 := []docx.Cell{head(annual.ReviewHeading, 5, docx.NoMerge), head(annual.LitigationHeading, 10, docx.NoMerge)}
	var row2, row3 []docx.Cell
	for _, s := range annual.ResultLabels() {
		row2 = append(row2, head(s, 1, docx.Start))
		row3 = append(row3, head("", 1, docx.Continue))
	}
	row2 = append(row2, head(annual.DirectHeading, 5, docx.NoMerge), head(annual.AfterReviewHeading, 5, docx.NoMerge))
	for range 2 {
		for _, s := range annual.ResultLabels() {
			row3 = append(row3, head(s, 1, docx.NoMerge))
		}
	}
	var row4 []docx.Cell
	for _, g := range t.Groups() {
		for _, v := range g.Cells() {
			row4 = append(row4, docx.C(strconv.Itoa(v), docx.Center))
		}
	}
	tb.Rows = append(tb.Rows, row1, row2, row3, row4)
	return tb
}

// checksDOCX writes the checks, late answers and findings in a note at the
// end, to delete before publication.
func checksDOCX(d *docx.Document, u *annual.Report) {
	d.Note(NoteChecks, "表格校验结果（供核对，发布前删除）")
	d.NoteText(docx.Run{Text: "附：表格校验结果（供核对，发布前删除）", Bold: true})
	for _, c := range u.Checks {
		status := map[annual.Status]string{annual.Pass: "通过", annual.Fail: "未通过", annual.Skip: "未检查"}[c.Status]
		runs := []docx.Run{docx.T(c.Title.Zh + "："), {Text: status, Bold: c.Status == annual.Fail}}
		var ps []string
		for _, pr := range c.Problems {
			ps = append(ps, pr.Zh)
		}
		if len(ps) > 0 {
			runs = append(runs, docx.T("（"+strings.Join(ps, "；")+"）"))
		}
		d.NoteText(runs...)
	}
	if len(u.Late) > 0 {
		d.NoteText(docx.T(fmt.Sprintf("超期答复 %d 件：", len(u.Late))))
		tb := docx.Table{Widths: []int{40, 16, 22, 10, 10, 8}, Head: 1}
		var head []docx.Cell
		for _, h := range []string{"位置", "收到日期", "答复日期", "是否延期", "工作日数", "时限"} {
			head = append(head, docx.Cell{Runs: []docx.Run{docx.T(h)}, Align: docx.Center, Bold: true})
		}
		tb.Rows = append(tb.Rows, head)
		for _, lt := range u.Late {
			rep := lt.RepliedOn
			if rep == "" {
				rep = "至12月31日未答复"
			}
			ext := "否"
			if lt.Extended {
				ext = "是"
			}
			tb.Rows = append(tb.Rows, []docx.Cell{docx.C(lt.Pos.Cell(), docx.Left), docx.C(lt.ReceivedOn, docx.Center), docx.C(rep, docx.Center),
				docx.C(ext, docx.Center), docx.C(strconv.Itoa(lt.Workdays), docx.Center), docx.C(strconv.Itoa(lt.Limit), docx.Center)})
		}
		d.Table(tb)
	}
	if len(u.Findings) > 0 {
		d.NoteText(docx.T(fmt.Sprintf("需核实的问题 %d 个：", len(u.Findings))))
		for _, fd := range u.Findings {
			where := fd.Pos.Cell()
			if where == "" {
				where = fd.Pos.File
			}
			if where != "" {
				where += "："
			}
			d.NoteText(docx.T(where + fd.Text.Zh))
		}
	}
	d.EndNote()
}
