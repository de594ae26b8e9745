package annualreport

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/annual"
)

// ToFill marks what the clerk must write in the text skeleton.
const ToFill = "【待填写】"

// Markdown writes the text skeleton of the yearly report of each unit
// of f to w, in Markdown: the six sections in their fixed order, with the
// numbers filled in where the registers support them (the request counts,
// tables 二–四, the documents issued, late answers) and 【待填写】 where the
// clerk must write, then an appendix with the checks to delete before
// publication. Units are separated by a horizontal rule.
func Markdown(w io.Writer, f *annual.File) error {
	bw := bufio.NewWriter(w)
	for i, u := range f.Units {
		if i > 0 {
			fmt.Fprint(bw, "\n---\n\n")
		}
		annualUnitMarkdown(bw, f, u)
	}
	return bw.Flush()
}

func annualUnitMarkdown(w *bufio.Writer, f *annual.File, u *annual.Report) {
	year, l := f.Year, f.Layout
	sec := l.Sections()
	t := u.Table3.Map()
	p := func(format string, args ...any) { fmt.Fprintf(w, format, args...) }

	p("# %s%d年政府信息公开工作年度报告\n\n", mdText(u.Name), year)
	p("> 【编制说明，发布前删除】本稿由 zwgk 根据报送的台账生成：表三取自依申请公开台账，表四取自行政复议诉讼表，表二取自主动公开情况表；")
	p("表格格式为%s。标有%s的地方须由经办人补写，数字请与附表核对。%s\n\n", l.Document(), ToFill, annualDeadline(year, u.Type))

	p("本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第四十九条、第五十条和%s的要求编制。", formatBasis(l))
	p("报告中所列数据的统计期限自%d年1月1日起至%d年12月31日止。本报告电子版可在%s（网站名称及网址）查阅或下载。", year, year, ToFill)
	p("如对本报告有疑问，请与%s（联系单位、地址、电话）联系。\n\n", ToFill)

	p("## %s\n\n", sec[0])
	p("%d年，%s%s（总体情况概述）\n\n", year, mdText(u.Name), ToFill)
	p("（一）主动公开。%s%s（主动公开的主要内容、渠道和重点领域信息公开情况）\n\n", documentSentence(u), ToFill)
	p("（二）依申请公开。%s", requestSentence(u))
	p("%s（依申请公开工作的做法和成效）\n\n", ToFill)
	p("（三）政府信息管理。%s\n\n", ToFill)
	p("（四）政府信息公开平台建设。%s\n\n", ToFill)
	p("（五）监督保障。%s\n\n", ToFill)

	p("## %s\n\n", sec[1])
	for _, s := range l.Table2() {
		p("**%s**\n\n", s.Caption)
		p("| %s | %s |\n", annual.ContentHeading, strings.Join(s.Heads, " | "))
		p("|---%s|\n", strings.Repeat("|---:", len(s.Heads)))
		for _, r := range s.Rows {
			cells := []string{r.Label}
			for _, fd := range r.Fields {
				if v, ok := u.Table2[fd]; ok {
					cells = append(cells, strconv.FormatFloat(v, 'f', -1, 64))
				} else {
					cells = append(cells, ToFill)
				}
			}
			p("| %s |\n", strings.Join(cells, " | "))
		}
		p("\n")
	}

	p("## %s\n\n", sec[2])
	p("| %s | %s |\n", annual.ApplicantHeading, strings.Join(annual.ColumnLabels()[:], " | "))
	p("|---%s|\n", strings.Repeat("|---:", annual.Columns))
	blankRow := func(label string) {
		p("| %s |%s\n", label, strings.Repeat("  |", annual.Columns))
	}
	group := ""
	for _, d := range l.Rows() {
		if d.Key == annual.RowGranted {
			blankRow(annual.LabelResults)
		}
		label := d.Label
		switch {
		case d.Group != "":
			if d.Group != group {
				blankRow("　" + d.Group)
				group = d.Group
			}
			label = "　　" + label
		case d.Results:
			label = "　" + label
		}
		c := t[d.Key]
		cells := make([]string, annual.Columns)
		for i := range cells {
			cells[i] = strconv.Itoa(c[i])
		}
		p("| %s | %s |\n", label, strings.Join(cells, " | "))
	}
	p("\n注：商业企业、科研机构、社会公益组织、法律服务机构、其他五列为“%s”。%s\n\n", annual.OrgHeading, strings.Trim(annual.Table3Note, "（）")+"。")

	p("## %s\n\n", sec[3])
	p("| 案件 | %s |\n|---%s|\n", strings.Join(annual.ResultLabels()[:], " | "), strings.Repeat("|---:", len(annual.ResultLabels())))
	names := []string{annual.ReviewHeading, annual.LitigationHeading + "（" + annual.DirectHeading + "）", annual.LitigationHeading + "（" + annual.AfterReviewHeading + "）"}
	for i, g := range u.Table4.Groups() {
		var cells []string
		for _, v := range g.Cells() {
			cells = append(cells, strconv.Itoa(v))
		}
		p("| %s | %s |\n", names[i], strings.Join(cells, " | "))
	}
	p("\n（正式报告中此表按国家格式排为一行：行政复议五列、行政诉讼十列，见 Excel 附表。）\n\n")

	p("## %s\n\n", sec[4])
	p("%s（本年度政府信息公开工作存在的主要问题，上年度问题的整改情况，下一步改进措施）\n\n", ToFill)
	if n := len(u.Late); n > 0 {
		p("> 数据提示（发布前删除）：本年度有 %d 件申请超过法定期限答复或至年底已超期未答复（见附录），请分析原因并写明整改措施。\n\n", n)
	}

	p("## %s\n\n", sec[5])
	if year >= 2021 {
		p("（一）收取信息处理费情况。%s（本年度依据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费的件数和金额；未收取的写明“本年度未收取信息处理费”）", ToFill)
		if c, ok := t["other.2"]; ok && c[annual.Total] > 0 {
			p("台账显示有 %d 件申请因申请人逾期未按收费通知要求缴纳费用而不再处理，说明本年度曾发出收费通知。", c[annual.Total])
		}
		p("\n\n（二）人大代表建议和政协委员提案办理结果公开情况。%s\n\n", ToFill)
		p("（三）年度政务公开工作要点落实情况。%s\n\n", ToFill)
		p("（四）其他需要报告的事项。%s（没有的写“无”）\n\n", ToFill)
	} else {
		p("%s（没有的写“无”）\n\n", ToFill)
	}

	p("### 附录：表格校验结果（供核对，发布前删除）\n\n")
	for _, c := range u.Checks {
		status := map[annual.Status]string{annual.Pass: "通过", annual.Fail: "**未通过**", annual.Skip: "未检查"}[c.Status]
		p("- %s：%s", c.Title.Zh, status)
		var ps []string
		for _, pr := range c.Problems {
			ps = append(ps, pr.Zh)
		}
		if len(ps) > 0 {
			p("（%s）", strings.Join(ps, "；"))
		}
		p("\n")
	}
	if len(u.Late) > 0 {
		p("\n超期答复 %d 件：\n\n| 位置 | 收到日期 | 答复日期 | 是否延期 | 工作日数 | 时限 |\n|---|---|---|---|---:|---:|\n", len(u.Late))
		for _, lt := range u.Late {
			rep := lt.RepliedOn
			if rep == "" {
				rep = "至12月31日未答复"
			}
			ext := "否"
			if lt.Extended {
				ext = "是"
			}
			p("| %s | %s | %s | %s | %d | %d |\n", mdText(lt.Pos.Cell()), mdText(lt.ReceivedOn), mdText(rep), ext, lt.Workdays, lt.Limit)
		}
	}
	if len(u.Findings) > 0 {
		p("\n需核实的问题 %d 个：\n\n", len(u.Findings))
		for _, fd := range u.Findings {
			where := fd.Pos.Cell()
			if where == "" {
				where = fd.Pos.File
			}
			p("- %s：%s\n", mdText(where), mdText(fd.Text.Zh))
		}
	}
}

// formatBasis names the notice whose format the report follows.
func formatBasis(l annual.Layout) string {
	if l == annual.Trial2019 {
		return "国办公开办函〔2019〕60号规定的年度报告格式（试行）"
	}
	return "《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）"
}

// annualDeadline says when the report on year is due: under the 2019
// Regulations (Art. 49) departments by 31 January and the district
// government by 31 March, townships as the district sets; under the 2007
// Regulations (Art. 31) everyone by 31 March.
func annualDeadline(year int, unitType string) string {
	next := year + 1
	if year < 2019 {
		return fmt.Sprintf("公布时限：%d年3月31日前（2007年《条例》第三十一条）。", next)
	}
	switch unitType {
	case checklists.Department:
		return fmt.Sprintf("公布时限：本单位为区人民政府部门，应于%d年1月31日前向区人民政府政务公开工作主管部门报送并向社会公布（《条例》第四十九条）。", next)
	case checklists.Township:
		return fmt.Sprintf("报送时限：乡镇的年度报告按区人民政府规定的时限报送并公布；区人民政府本级年度报告须于%d年3月31日前公布（《条例》第四十九条）。", next)
	}
	return fmt.Sprintf("公布时限：区人民政府部门应于%d年1月31日前报送并公布，区人民政府本级年度报告应于%d年3月31日前公布，乡镇按区里规定的时限（《条例》第四十九条）。", next, next)
}

// mdText keeps a value from breaking a Markdown table or starting markup,
// and shows its control characters escaped (msg.Escape).
func mdText(s string) string {
	return msg.Escape(strings.NewReplacer("|", "｜", "\n", " ", "\r", " ").Replace(s))
}
