package annualreport

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/annual"
	"github.com/zwgk/zwgk/scoring/report"
)

// Table prints each unit's table 三, a line for tables 二 and 四, the
// checks with what does not add up, the late answers and the findings.
func Table(w io.Writer, f *annual.File, l msg.Lang) error {
	fmt.Fprintf(w, "%s %d  %s\n", msg.Pick(l, "政府信息公开工作年度报告 年度", "Yearly disclosure report, year"), f.Year, f.Layout.Document())
	for _, u := range f.Units {
		if err := annualUnitTable(w, u, f.Layout, l); err != nil {
			return err
		}
	}
	if len(f.Errors) > 0 {
		fmt.Fprintf(w, "\n%s\n", msg.Pick(l, "无法读取的报送材料：", "Unreadable submissions:"))
		for _, e := range f.Errors {
			fmt.Fprintf(w, "  %s  %s\n", msg.Escape(e.File), msg.Escape(e.MessageIn(l)))
		}
	}
	return nil
}

func annualUnitTable(w io.Writer, u *annual.Report, layout annual.Layout, l msg.Lang) error {
	fmt.Fprintf(w, "\n%s", msg.Escape(u.Name))
	if u.Source != "" {
		fmt.Fprintf(w, "（%s）", msg.Escape(u.Source))
	}
	fmt.Fprintf(w, "\n%s\n", layout.Sections()[2])
	t := report.NewTable(w, append([]string{msg.Pick(l, "项目", "Row")}, annual.ColumnLabels()[:]...))
	values := u.Table3.Map()
	for _, d := range layout.Rows() {
		label := d.Label
		switch {
		case d.Key == annual.RowPartial:
			label = "（二）部分公开"
		case d.Group != "":
			g := d.Group // 「（三）不予公开」 → 「不予公开」
			if i := strings.Index(g, "）"); i >= 0 {
				g = g[i+len("）"):]
			}
			label = g + " " + clipRunes(label, 16)
		}
		c := values[d.Key]
		row := []string{label}
		for _, v := range c {
			row = append(row, strconv.Itoa(v))
		}
		if err := t.Append(row); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	var t2 []string
	for _, s := range layout.Table2() {
		for _, r := range s.Rows {
			for i, fd := range r.Fields {
				v := "-"
				if x, ok := u.Table2[fd]; ok {
					v = strconv.FormatFloat(x, 'f', -1, 64)
				}
				t2 = append(t2, r.Label+s.Heads[i]+" "+v)
			}
		}
	}
	colon := msg.Pick(l, "：", ": ")
	fmt.Fprintf(w, "%s%s%s\n", msg.Pick(l, "表二", "Table 二"), colon, strings.Join(t2, msg.Pick(l, "，", ", ")))
	names := []string{annual.ReviewHeading, annual.DirectHeading, annual.AfterReviewHeading}
	var t4 []string
	for i, g := range u.Table4.Groups() {
		var cells []string
		for j, v := range g.Cells() {
			cells = append(cells, fmt.Sprintf("%s %d", annual.ResultLabels()[j], v))
		}
		t4 = append(t4, names[i]+"（"+strings.Join(cells, " ")+"）")
	}
	fmt.Fprintf(w, "%s%s%s\n", msg.Pick(l, "表四", "Table 四"), colon, strings.Join(t4, msg.Pick(l, "；", "; ")))

	fmt.Fprintf(w, "%s%s%s\n", msg.Pick(l, "校验", "Checks"), colon, annual.Summary(u.Checks).In(l))
	for _, c := range u.Checks {
		mark := map[annual.Status]string{annual.Pass: "✓", annual.Fail: "✗", annual.Skip: "-"}[c.Status]
		fmt.Fprintf(w, "  %s %s\n", mark, c.Title.In(l))
		if c.Status != annual.Pass {
			for _, p := range c.Problems {
				fmt.Fprintf(w, "      %s\n", p.In(l))
			}
		}
	}
	if len(u.Late) > 0 {
		fmt.Fprintf(w, "%s\n", msg.Pick(l, fmt.Sprintf("超期答复 %d 件：", len(u.Late)), fmt.Sprintf("%d late answers:", len(u.Late))))
		for _, lt := range u.Late {
			rep := lt.RepliedOn
			if rep == "" {
				rep = msg.Pick(l, "至12月31日未答复", "unanswered on 31 Dec")
			}
			ext := ""
			if lt.Extended {
				ext = msg.Pick(l, "（已延期）", " (extended)")
			}
			fmt.Fprintf(w, "  %s  %s → %s%s  %s\n", msg.Escape(lt.Pos.Cell()), msg.Escape(lt.ReceivedOn), msg.Escape(rep), ext,
				msg.Pick(l, fmt.Sprintf("%d 个工作日，时限 %d", lt.Workdays, lt.Limit), fmt.Sprintf("%d working days, limit %d", lt.Workdays, lt.Limit)))
		}
	}
	if len(u.Findings) > 0 {
		fmt.Fprintf(w, "%s\n", msg.Pick(l, fmt.Sprintf("需核实 %d 个：", len(u.Findings)), fmt.Sprintf("%d findings:", len(u.Findings))))
		for _, fd := range u.Findings {
			where := fd.Pos.Cell()
			if where == "" {
				where = fd.Pos.File
			}
			fmt.Fprintf(w, "  %s  %s：%s\n", msg.Escape(where), FindingLabel(fd.Code, l), msg.Escape(fd.Text.In(l)))
		}
	}
	return nil
}

// clipRunes shortens s to n characters with an ellipsis.
func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
