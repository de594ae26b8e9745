package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

// DiffJSON writes a comparison as zwgk.diff/v1.
func DiffJSON(w io.Writer, c *scoring.Comparison) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(c)
}

func signed(f float64) string {
	s := strconv.FormatFloat(f, 'f', 2, 64)
	if f > 0 {
		s = "+" + s
	}
	return s
}

func rankMove(d int) string {
	switch {
	case d > 0:
		return "↑" + strconv.Itoa(d)
	case d < 0:
		return "↓" + strconv.Itoa(-d)
	}
	return "—"
}

// rankText is a rank for a table: "-" for a unit not ranked (rank 0, a
// submission that could not be read).
func rankText(r int) string {
	if r == 0 {
		return "-"
	}
	return strconv.Itoa(r)
}

// rankCell is a rank for a workbook cell: empty for a unit not ranked.
func rankCell(r int) any {
	if r == 0 {
		return nil
	}
	return r
}

// DiffTable prints a comparison for the console.
func DiffTable(w io.Writer, c *scoring.Comparison, l msg.Lang) error {
	// Unit and file names come from the units' workbooks: their control
	// characters are shown escaped (msg.Escape), as in every console table.
	printf(w, "%s %d（%s） → %d（%s）\n", msg.Pick(l, "对比", "comparing"), c.Old.Year, c.Old.File, c.New.Year, c.New.File)
	for _, warn := range c.Warnings {
		printf(w, "%s%s\n", msg.Pick(l, "提示：", "warning: "), warn)
	}
	t := NewTable(w, []string{msg.Pick(l, "单位", "Unit"), msg.Pick(l, "原得分", "Old"), msg.Pick(l, "新得分", "New"),
		msg.Pick(l, "变化", "Δ"), msg.Pick(l, "等级", "Grade"), msg.Pick(l, "排名", "Rank"),
		msg.Pick(l, "新增问题", "New"), msg.Pick(l, "已整改", "Resolved"), msg.Pick(l, "仍存在", "Persisting")})
	for _, u := range c.Units {
		grade := u.NewGrade
		if u.OldGrade != u.NewGrade {
			grade = u.OldGrade + "→" + u.NewGrade
		}
		if err := t.Append(escaped(u.Name, fmtScore(u.OldScore), fmtScore(u.NewScore), signed(u.ScoreDelta), grade,
			rankText(u.OldRank)+"→"+rankText(u.NewRank)+" "+rankMove(u.RankDelta),
			strconv.Itoa(len(u.New)), strconv.Itoa(len(u.Resolved)), strconv.Itoa(len(u.Persisting)))); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	for _, n := range c.Added {
		printf(w, "%s%s\n", msg.Pick(l, "新增单位：", "added: "), n)
	}
	for _, n := range c.Gone {
		printf(w, "%s%s\n", msg.Pick(l, "不再出现的单位：", "gone: "), n)
	}
	return nil
}

// DiffXLSX writes a comparison workbook: 对比汇总 and 问题变化.
func DiffXLSX(w io.Writer, c *scoring.Comparison, l msg.Lang) error {
	f := excelize.NewFile()
	defer f.Close()
	sum := msg.Pick(l, "对比汇总", "Summary")
	chg := msg.Pick(l, "问题变化", "Findings")
	if err := f.SetSheetName("Sheet1", sum); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: xlsx.Fill("DDEBF7"),
		Border: xlsx.Border("BFBFBF"), Alignment: &excelize.Alignment{WrapText: true, Vertical: "center"}})
	if err != nil {
		return err
	}
	num, err := f.NewStyle(&excelize.Style{NumFmt: 2})
	if err != nil {
		return err
	}
	headers := []string{msg.Pick(l, "单位", "Unit"), fmt.Sprintf("%d%s", c.Old.Year, msg.Pick(l, "得分", " score")),
		fmt.Sprintf("%d%s", c.New.Year, msg.Pick(l, "得分", " score")), msg.Pick(l, "分数变化", "Δ score"),
		fmt.Sprintf("%d%s", c.Old.Year, msg.Pick(l, "等级", " grade")), fmt.Sprintf("%d%s", c.New.Year, msg.Pick(l, "等级", " grade")),
		fmt.Sprintf("%d%s", c.Old.Year, msg.Pick(l, "排名", " rank")), fmt.Sprintf("%d%s", c.New.Year, msg.Pick(l, "排名", " rank")),
		msg.Pick(l, "名次变化", "Δ rank"), msg.Pick(l, "新增问题", "New"), msg.Pick(l, "已整改", "Resolved"), msg.Pick(l, "仍存在", "Persisting")}
	if err := xlsx.Header(f, sum, headers, head); err != nil {
		return err
	}
	for i, u := range c.Units {
		r := i + 2
		vals := []any{u.Name, u.OldScore, u.NewScore, u.ScoreDelta, u.OldGrade, u.NewGrade, rankCell(u.OldRank), rankCell(u.NewRank), rankMove(u.RankDelta),
			len(u.New), len(u.Resolved), len(u.Persisting)}
		for j, v := range vals {
			if err := xlsx.Set(f, sum, xlsx.Cell(j+1, r), v); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sum, xlsx.Cell(2, r), xlsx.Cell(4, r), num); err != nil {
			return err
		}
	}
	r := len(c.Units) + 3
	for _, n := range c.Added {
		if err := f.SetCellStr(sum, xlsx.Cell(1, r), msg.Pick(l, "新增单位：", "added: ")+n); err != nil {
			return err
		}
		r++
	}
	for _, n := range c.Gone {
		if err := f.SetCellStr(sum, xlsx.Cell(1, r), msg.Pick(l, "不再出现的单位：", "gone: ")+n); err != nil {
			return err
		}
		r++
	}
	if err := xlsx.SetWidths(f, sum, []float64{28, 10, 10, 10, 8, 8, 8, 8, 10, 10, 10, 10}); err != nil {
		return err
	}
	if err := xlsx.FreezeHeader(f, sum); err != nil {
		return err
	}

	if _, err := f.NewSheet(chg); err != nil {
		return err
	}
	ch := []string{msg.Pick(l, "单位", "Unit"), msg.Pick(l, "变化", "Change"), msg.Pick(l, "指标", "Item"), msg.Pick(l, "问题", "Kind"),
		msg.Pick(l, "文号", "Doc no."), msg.Pick(l, "标题", "Title"), msg.Pick(l, "说明", "Message"), msg.Pick(l, "来源", "Source")}
	if err := xlsx.Header(f, chg, ch, head); err != nil {
		return err
	}
	row := 2
	for _, u := range c.Units {
		for _, g := range []struct {
			label string
			list  []scoring.FindingResult
		}{{msg.Pick(l, "新增", "new"), u.New}, {msg.Pick(l, "已整改", "resolved"), u.Resolved}, {msg.Pick(l, "仍存在", "persisting"), u.Persisting}} {
			for _, fd := range g.list {
				src := fd.File
				if fd.Row > 0 {
					src = fd.File + " " + Where(fd.Sheet, fd.Col, fd.Row, l)
				}
				for j, v := range []string{u.Name, g.label, fd.Item, KindLabel(fd.Kind, l), fd.DocNo, fd.Title, fd.MessageIn(l), src} {
					if err := f.SetCellStr(chg, xlsx.Cell(j+1, row), v); err != nil {
						return err
					}
				}
				row++
			}
		}
	}
	if err := xlsx.SetWidths(f, chg, []float64{24, 8, 8, 18, 22, 40, 50, 40}); err != nil {
		return err
	}
	// The filter first: excelize's AutoFilter replaces the sheet
	// properties, and with them the fit-to-page FreezeHeader sets.
	if err := f.AutoFilter(chg, "A1:"+xlsx.Cell(len(ch), max(row-1, 2)), nil); err != nil {
		return err
	}
	if err := xlsx.FreezeHeader(f, chg); err != nil {
		return err
	}
	return f.Write(w)
}
