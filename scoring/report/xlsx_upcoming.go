package report

import (
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

// hasDeferred reports whether some unit has a row not yet due or undecided.
func hasDeferred(units []*scoring.UnitResult) bool {
	for _, u := range units {
		if len(u.Upcoming) > 0 || len(u.Pending) > 0 {
			return true
		}
	}
	return false
}

// upcomingSheet is the 即将到期 list: the rows not yet due on as_of (未到期),
// earliest deadline first within each unit, then the rows the calendar
// cannot decide (待定). Neither is deducted; the sheet tells a unit what it
// must still do before the year's deadlines pass.
func (b *book) upcomingSheet(sheet string, units []*scoring.UnitResult) error {
	l := b.l
	if err := b.newSheet(sheet); err != nil {
		return err
	}
	cols := []xlsx.Column{
		{Head: msg.Pick(l, "单位", "Unit"), Min: 10, Max: 24},
		{Head: msg.Pick(l, "指标", "Item"), Max: 8},
		{Head: msg.Pick(l, "状态", "Status"), Max: 8},
		{Head: msg.Pick(l, "期限", "Due"), Max: 12},
		{Head: msg.Pick(l, "工作表", "Sheet"), Max: 16},
		{Head: msg.Pick(l, "行号", "Row"), Max: 6},
		{Head: msg.Pick(l, "文号", "Doc no."), Max: 24},
		{Head: msg.Pick(l, "标题", "Title"), Min: 12, Max: 32},
		{Head: msg.Pick(l, "说明", "Message"), Min: 20, Max: 60},
	}
	ft := xlsx.NewFitter(cols)
	table := [][]excelize.Cell{b.heads(cols)}
	for _, u := range units {
		for _, list := range [][]scoring.DeferredResult{u.Upcoming, u.Pending} {
			for _, d := range list {
				var r any
				if d.Row > 0 {
					r = d.Row
				}
				cells := []excelize.Cell{
					{Value: xlsx.SafeText(unitName(u)), StyleID: b.st.wrap},
					{Value: d.Item, StyleID: b.st.text},
					{Value: KindLabel(d.Kind, l), StyleID: b.st.center},
					{Value: d.Due, StyleID: b.st.text},
					{Value: xlsx.SafeText(d.Sheet), StyleID: b.st.wrap},
					{Value: r, StyleID: b.st.integer},
					{Value: xlsx.SafeText(d.DocNo), StyleID: b.st.wrap},
					{Value: xlsx.SafeText(d.Title), StyleID: b.st.wrap},
					{Value: xlsx.SafeText(d.MessageIn(l)), StyleID: b.st.wrap},
				}
				ft.SeeRow(cells)
				table = append(table, cells)
			}
		}
	}
	ws, err := b.setWidths(sheet, ft)
	if err != nil {
		return err
	}
	if err := b.putRows(sheet, 1, 1, table, ws); err != nil {
		return err
	}
	if err := b.f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", xlsx.Col(len(cols)), len(table)), nil); err != nil {
		return err
	}
	if err := b.printSetup(sheet, 1, 1); err != nil {
		return err
	}
	return b.f.SetPanes(sheet, xlsx.Freeze(2, 1))
}
