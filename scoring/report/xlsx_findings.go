package report

import (
	"errors"
	"fmt"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

// findingList is which findings a finding sheet lists, and with which
// columns.
type findingList int

const (
	findingsPublic  findingList = iota // 应公开未公开 findings only
	findingsAll                        // every finding, with its kind and public flag
	findingsRectify                    // every finding, with columns to fill in for the rectification
)

// findingColumns are the columns of a finding sheet; the rectification
// columns come last (in the order of the rect* constants), followed only by
// the columns a unit added to an earlier report.
func (b *book) findingColumns(list findingList) []xlsx.Column {
	l := b.l
	cols := []xlsx.Column{
		{Head: msg.Pick(l, "序号", "No."), Max: 7},
		{Head: msg.Pick(l, "单位", "Unit"), Min: 8, Max: 20},
	}
	if list == findingsPublic {
		cols = append(cols,
			xlsx.Column{Head: msg.Pick(l, "文号", "Doc no."), Min: 8, Max: 24},
			xlsx.Column{Head: msg.Pick(l, "标题", "Title"), Min: 16, Max: 36},
			xlsx.Column{Head: msg.Pick(l, "问题", "Problem"), Min: 8, Max: 14})
	} else {
		cols = append(cols,
			xlsx.Column{Head: msg.Pick(l, "问题类型", "Kind"), Min: 8, Max: 14},
			xlsx.Column{Head: msg.Pick(l, "应公开未公开", "Should be public"), Max: 8},
			xlsx.Column{Head: msg.Pick(l, "文号", "Doc no."), Min: 8, Max: 24},
			xlsx.Column{Head: msg.Pick(l, "标题", "Title"), Min: 16, Max: 36})
	}
	cols = append(cols,
		xlsx.Column{Head: msg.Pick(l, "问题说明", "Message"), Min: 20, Max: 44},
		xlsx.Column{Head: msg.Pick(l, "指标", "Item"), Max: 8},
		xlsx.Column{Head: msg.Pick(l, "依据条款", "Basis"), Min: 8, Max: 24},
		xlsx.Column{Head: msg.Pick(l, "来源文件", "File"), Min: 10, Max: 26},
		xlsx.Column{Head: msg.Pick(l, "工作表", "Sheet"), Min: 8, Max: 12},
		xlsx.Column{Head: msg.Pick(l, "行号", "Row"), Max: 6},
		xlsx.Column{Head: msg.Pick(l, "复核", "Review"), Min: 8, Max: 28})
	if list == findingsRectify {
		cols = append(cols,
			xlsx.Column{Head: msg.Pick(l, "整改措施", "Measures"), Min: 30, Max: 30},
			xlsx.Column{Head: msg.Pick(l, "责任人", "Responsible"), Min: 10, Max: 12},
			xlsx.Column{Head: msg.Pick(l, "整改时限", "Deadline"), Min: 12, Max: 12},
			xlsx.Column{Head: msg.Pick(l, "整改状态", "Status"), Min: 10, Max: 12})
		cols = append(cols, b.extraColumns()...)
	}
	return cols
}

// findingCells fills cells with the n-th finding f of unit u.
func (b *book) findingCells(cells []excelize.Cell, n int, u *scoring.UnitResult, f *scoring.FindingResult, list findingList) []excelize.Cell {
	var r any
	if f.Row > 0 {
		r = f.Row
	}
	cells = append(cells[:0],
		excelize.Cell{Value: n, StyleID: b.st.integer},
		excelize.Cell{Value: unitName(u), StyleID: b.st.wrap})
	if list == findingsPublic {
		cells = append(cells,
			excelize.Cell{Value: f.DocNo, StyleID: b.st.wrap},
			excelize.Cell{Value: f.Title, StyleID: b.st.wrap},
			excelize.Cell{Value: KindLabel(f.Kind, b.l), StyleID: b.st.wrap})
	} else {
		cells = append(cells,
			excelize.Cell{Value: KindLabel(f.Kind, b.l), StyleID: b.st.wrap},
			excelize.Cell{Value: yesNo(f.Public, b.l), StyleID: b.st.center},
			excelize.Cell{Value: f.DocNo, StyleID: b.st.wrap},
			excelize.Cell{Value: f.Title, StyleID: b.st.wrap})
	}
	sheet := f.Sheet
	if sheet == "" {
		sheet = f.Table
	}
	cells = append(cells,
		excelize.Cell{Value: f.MessageIn(b.l), StyleID: b.st.wrap},
		excelize.Cell{Value: f.Item, StyleID: b.st.text},
		excelize.Cell{Value: b.items[f.Item].Basis, StyleID: b.st.wrap},
		excelize.Cell{Value: f.File, StyleID: b.st.wrap},
		excelize.Cell{Value: sheet, StyleID: b.st.text},
		excelize.Cell{Value: r, StyleID: b.st.integer},
		excelize.Cell{Value: b.reviewText(f.Review), StyleID: b.st.wrap})
	if list == findingsRectify {
		cells = b.typedCells(cells, n)
	}
	return cells
}

// findingSheet writes the findings of units into a new streamed sheet, with
// an autofilter, a frozen header and, for the rectification list, a date
// column and a dropdown of the rectification states.
func (b *book) findingSheet(sheet string, list findingList, units []*scoring.UnitResult) error {
	cols := b.findingColumns(list)
	each := func(fn func(n int, u *scoring.UnitResult, f *scoring.FindingResult) error) error {
		n := 0
		for _, u := range units {
			fs, err := u.FindingList()
			if err != nil {
				return err
			}
			for i := range fs {
				f := &fs[i]
				if list == findingsPublic && !f.Public {
					continue
				}
				n++
				if err := fn(n, u, f); err != nil {
					return err
				}
			}
		}
		return nil
	}
	// The widths from the first findings (every column has a maximum that
	// a few thousand rows reach), the number of rows from the counts: a
	// province's findings are read back from their file once, to be written.
	ft := xlsx.NewFitter(cols)
	cells := make([]excelize.Cell, 0, len(cols))
	rows := 0
	for _, u := range units {
		pub, all := u.FindingTotals()
		if list == findingsPublic {
			rows += pub
		} else {
			rows += all
		}
	}
	const fitRows = 2000
	errEnough := errors.New("enough rows to fit the widths")
	if err := each(func(n int, u *scoring.UnitResult, f *scoring.FindingResult) error {
		cells = b.findingCells(cells, n, u, f, list)
		ft.SeeRow(cells)
		if n >= fitRows {
			return errEnough
		}
		return nil
	}); err != nil && err != errEnough {
		return err
	}
	ws := ft.Widths()
	colStyles := make([]int, len(cols))
	var setup func() error
	var streamed func(*excelize.StreamWriter) error
	if list == findingsRectify {
		setup = func() error { return b.rectifyValidations(sheet, rectStatus+1) }
		streamed = func(sw *excelize.StreamWriter) error {
			colStyles[rectDeadline] = b.st.date
			return sw.SetColStyle(rectDeadline+1, rectDeadline+1, b.st.date)
		}
	}
	sw, err := b.listSheet(sheet, cols, rows, ws, xlsx.Freeze(2, 1), setup, streamed)
	if err != nil {
		return err
	}
	// The rows are written when the workbook is saved, reading each unit's
	// findings back once more.
	return b.laterRows(sw, colStyles, ws, func(rw *rowWriter) error {
		var cells []excelize.Cell
		return each(func(n int, u *scoring.UnitResult, f *scoring.FindingResult) error {
			cells = b.findingCells(cells, n, u, f, list)
			return rw.put(n+1, cells)
		})
	})
}

// rectifyValidations adds the dropdown of rectification states over the
// whole status column (column cols) and a date check on the deadline
// column before it.
func (b *book) rectifyValidations(sheet string, cols int) error {
	l := b.l
	status := xlsx.Col(cols)
	dv := excelize.NewDataValidation(true)
	dv.SetSqref(fmt.Sprintf("%s2:%s1048576", status, status))
	if err := dv.SetDropList([]string{
		msg.Pick(l, "未整改", "not started"), msg.Pick(l, "整改中", "in progress"), msg.Pick(l, "已整改", "done"),
	}); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, msg.Pick(l, "整改状态", "Status"),
		msg.Pick(l, "请从下拉列表中选择：未整改、整改中、已整改", "Choose from the list: not started, in progress, done"))
	if err := b.f.AddDataValidation(sheet, dv); err != nil {
		return err
	}
	deadline := xlsx.Col(cols - 1)
	dd := excelize.NewDataValidation(true)
	dd.SetSqref(fmt.Sprintf("%s2:%s1048576", deadline, deadline))
	if err := dd.SetRange(1, 2958465, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	dd.SetError(excelize.DataValidationErrorStyleStop, msg.Pick(l, "整改时限", "Deadline"),
		msg.Pick(l, "请填写日期，例如 2018-03-31", "Enter a date, e.g. 2018-03-31"))
	return b.f.AddDataValidation(sheet, dd)
}
