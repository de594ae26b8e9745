package report

import (
	"errors"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

// hasDeferred reports whether some unit has a row not yet due or undecided.
func hasDeferred(units []*scoring.UnitResult) bool {
	for _, u := range units {
		if up, pend := u.DeferredCounts(); up > 0 || pend > 0 {
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
	// each calls fn with the cells of every row, in order.
	each := func(fn func(cells []excelize.Cell) error) error {
		var cells []excelize.Cell
		for _, u := range units {
			upcoming, pending, err := u.Deferred()
			if err != nil {
				return err
			}
			for _, list := range [][]scoring.DeferredResult{upcoming, pending} {
				for _, d := range list {
					var r any
					if d.Row > 0 {
						r = d.Row
					}
					cells = append(cells[:0],
						excelize.Cell{Value: xlsx.SafeText(unitName(u)), StyleID: b.st.wrap},
						excelize.Cell{Value: d.Item, StyleID: b.st.text},
						excelize.Cell{Value: KindLabel(d.Kind, l), StyleID: b.st.center},
						excelize.Cell{Value: d.Due, StyleID: b.st.text},
						excelize.Cell{Value: xlsx.SafeText(d.Sheet), StyleID: b.st.wrap},
						excelize.Cell{Value: r, StyleID: b.st.integer},
						excelize.Cell{Value: xlsx.SafeText(d.DocNo), StyleID: b.st.wrap},
						excelize.Cell{Value: xlsx.SafeText(d.Title), StyleID: b.st.wrap},
						excelize.Cell{Value: xlsx.SafeText(d.MessageIn(l)), StyleID: b.st.wrap})
					if err := fn(cells); err != nil {
						return err
					}
				}
			}
		}
		return nil
	}
	// The widths from the first rows (as findingSheet fits them), the
	// number of rows from the counts: the rows are read back once more to
	// be written.
	ft := xlsx.NewFitter(cols)
	rows := 0
	for _, u := range units {
		up, pend := u.DeferredCounts()
		rows += up + pend
	}
	const fitRows = 2000
	errEnough := errors.New("enough rows to fit the widths")
	seen := 0
	if err := each(func(cells []excelize.Cell) error {
		ft.SeeRow(cells)
		if seen++; seen >= fitRows {
			return errEnough
		}
		return nil
	}); err != nil && err != errEnough {
		return err
	}
	// Streamed like the finding lists (everything but the rows before
	// NewStreamWriter): a province's list has thousands of rows.
	ws := ft.Widths()
	sw, err := b.listSheet(sheet, cols, rows, ws, xlsx.Freeze(2, 1), nil, nil)
	if err != nil {
		return err
	}
	return b.laterRows(sw, nil, ws, func(rw *rowWriter) error {
		row := 1
		return each(func(cells []excelize.Cell) error {
			row++
			return rw.put(row, cells)
		})
	})
}
