package report

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

// unitWorkbook writes the workbook of a single unit: its score ledger, its
// findings, its 应公开未公开 findings, and the rectification list to fill
// in.
func (b *book) unitWorkbook(u *scoring.UnitResult) error {
	l := b.l
	ledger := msg.Pick(l, "计分明细", "Score ledger")
	if err := b.newSheet(ledger); err != nil {
		return err
	}
	lines := []string{
		msg.Pick(l, unitName(u)+" "+b.resultTitle(), unitName(u)+" — "+b.resultTitle()),
		b.checklistLine(), b.yearLine(), b.unitLine(u, false), b.generatedLine(),
	}
	if err := b.ledger(ledger, u, lines); err != nil {
		return err
	}
	units := []*scoring.UnitResult{u}
	if err := b.findingSheet(msg.Pick(l, "问题清单", "Findings"), findingsAll, units); err != nil {
		return err
	}
	if err := b.findingSheet(msg.Pick(l, "应公开未公开清单", "Should be public"), findingsPublic, units); err != nil {
		return err
	}
	if err := b.rectification(u); err != nil {
		return err
	}
	if hasDeferred(units) {
		if err := b.upcomingSheet(msg.Pick(l, "即将到期", "Coming due"), units); err != nil {
			return err
		}
	}
	if len(b.res.Decisions) > 0 {
		if err := b.decisionSheet(msg.Pick(l, "复核记录", "Review decisions")); err != nil {
			return err
		}
	}
	return nil
}

// ledgerColumns are the columns of a ledger: an item's row.
func ledgerColumns(l msg.Lang) []xlsx.Column {
	return []xlsx.Column{
		{Head: msg.Pick(l, "编号", "Item"), Max: 6},
		{Head: msg.Pick(l, "指标", "Title"), Min: 20, Max: 40},
		{Head: msg.Pick(l, "依据", "Basis"), Min: 8, Max: 16},
		{Head: msg.Pick(l, "计分方法", "Method"), Max: 10},
		{Head: msg.Pick(l, "分值", "Points"), Max: 6},
		{Head: msg.Pick(l, "适用条数", "Applicable"), Max: 6},
		{Head: msg.Pick(l, "不符合条数", "Failed"), Max: 6},
		{Head: msg.Pick(l, "每条扣分/加分", "Per row"), Max: 8},
		{Head: msg.Pick(l, "扣分明细", "Failing rows"), Min: 16, Max: 36},
		{Head: msg.Pick(l, "不适用说明", "Not applicable"), Min: 8, Max: 24},
		{Head: msg.Pick(l, "自评分", "Self score"), Max: 8},
		{Head: msg.Pick(l, "复核调整", "Review"), Min: 8, Max: 28},
		{Head: msg.Pick(l, "得分", "Score"), Min: 8, Max: 8},
	}
}

// totalCells is the 合计 row of a ledger: full points, self-score and score.
func (b *book) totalCells(u *scoring.UnitResult) []excelize.Cell {
	var self any
	if u.SelfScore != nil {
		self = *u.SelfScore
	}
	total := make([]excelize.Cell, 13)
	for i := range total {
		total[i].StyleID = b.st.total
	}
	total[0].Value = msg.Pick(b.l, "合计", "Total")
	total[4] = excelize.Cell{Value: b.res.Checklist.Total, StyleID: b.st.total}
	total[10] = excelize.Cell{Value: self, StyleID: b.st.totalScore}
	total[12] = excelize.Cell{Value: u.Score, StyleID: b.st.totalScore}
	return total
}

// ledger writes a unit's 计分明细 into sheet: the lines of the header block
// (the first one as the title), one row per item grouped under its section, then
// the total, grade, rank, performance points and the veto.
func (b *book) ledger(sheet string, u *scoring.UnitResult, block []string) error {
	l := b.l
	cols := ledgerColumns(l)
	n := len(cols)
	type line struct {
		text  string
		style int
	}
	var lines []line
	for i, s := range block {
		if s == "" {
			continue
		}
		style := b.st.meta
		if i == 0 {
			style = b.st.title
		}
		lines = append(lines, line{s, style})
	}
	head := len(lines) + 2
	ft := xlsx.NewFitter(cols)
	fs, err := u.FindingList()
	if err != nil {
		return err
	}
	byItem := map[string][]*scoring.FindingResult{}
	for i := range fs {
		f := &fs[i]
		byItem[f.Item] = append(byItem[f.Item], f)
	}
	table := [][]excelize.Cell{b.heads(cols)}
	section := ""
	for i := range u.Items {
		it := &u.Items[i]
		if i == 0 || it.Section != section {
			section = it.Section
			table = append(table, b.sectionCells(u, section))
		}
		cells := b.itemCells(u, it, byItem[it.ID])
		ft.SeeRow(cells)
		table = append(table, cells)
	}
	table = append(table, b.totalCells(u))

	// The sheet is streamed: a district workbook has one ledger per unit,
	// and every normal-mode cell write looks its sheet up among all the
	// sheets (excelize's getSheetXMLPath), which made the ledgers quadratic
	// in the number of units. What is not a row goes in first.
	if err := b.printSetup(sheet, head, head); err != nil {
		return err
	}
	ws := ft.Widths()
	sw, err := b.streamSheet(sheet, ws, xlsx.Freeze(head+1, 3))
	if err != nil {
		return err
	}
	// The rows are kept and written when the workbook is saved
	// (laterRows); the merged cells go to sw now, before it is flushed.
	type heldRow struct {
		row   int
		cells []excelize.Cell
		opts  []excelize.RowOpts
	}
	var held []heldRow
	put := func(row int, cells []excelize.Cell, opts ...excelize.RowOpts) error {
		held = append(held, heldRow{row, cells, opts})
		return nil
	}
	merge := func(row, to int) error {
		if to > 1 {
			return sw.MergeCell(xlsx.Cell(1, row), xlsx.Cell(to, row))
		}
		return nil
	}
	row := 0
	for i, ln := range lines {
		row++
		var opts []excelize.RowOpts
		if i == 0 {
			opts = append(opts, excelize.RowOpts{Height: 30})
		}
		if err := put(row, []excelize.Cell{{Value: ln.text, StyleID: ln.style}}, opts...); err != nil {
			return err
		}
		if err := merge(row, n); err != nil {
			return err
		}
	}
	for i, cells := range table {
		var opts []excelize.RowOpts
		if h := b.height(cells, ws); h > 0 {
			opts = append(opts, excelize.RowOpts{Height: h})
		}
		if err := put(head+i, cells, opts...); err != nil {
			return err
		}
	}
	// The unit's standing.
	row = head + len(table) - 1
	standing := []struct {
		label string
		v     any
		style int
	}{
		{msg.Pick(l, "等级", "Grade"), u.Grade, b.st.center},
		{msg.Pick(l, "排名", "Rank"), u.Rank, b.st.center},
		{b.perfHead(), u.PerformancePoints, b.st.score},
		{msg.Pick(l, "一票否决", "Vetoed"), yesNo(u.Vetoed, l), b.st.center},
	}
	if u.Base != nil {
		standing = append(standing, struct {
			label string
			v     any
			style int
		}{msg.Pick(l, "基础分（不含加分）", "Base (before bonus)"), *u.Base, b.st.score})
	}
	if u.Bonus != nil {
		standing = append(standing, struct {
			label string
			v     any
			style int
		}{msg.Pick(l, "加分（计入）", "Bonus (counted)"), u.Bonus.Counted, b.st.score})
	}
	for _, e := range u.Effects {
		standing = append(standing, struct {
			label string
			v     any
			style int
		}{msg.Pick(l, "效果", "Effect"), EffectText(e, l), b.st.wrap})
	}
	if u.Status == scoring.StatusPending {
		standing = append(standing, struct {
			label string
			v     any
			style int
		}{msg.Pick(l, "状态", "Status"), msg.Pick(l, "待评分（暂定分）", "pending (provisional score)"), b.st.center})
	}
	for _, s := range standing {
		row++
		cells := make([]excelize.Cell, n)
		for i := range cells[:n-1] {
			cells[i].StyleID = b.st.label
		}
		cells[0].Value = s.label
		cells[n-1] = excelize.Cell{Value: s.v, StyleID: s.style}
		if err := put(row, cells); err != nil {
			return err
		}
		if err := merge(row, n-1); err != nil {
			return err
		}
	}
	row++
	notes := slices.Clone(u.WarningsIn(b.l))
	if u.Roster != nil {
		notes = append(notes, u.Roster.DisagreementsIn(b.l)...)
	}
	for _, w := range notes {
		row++
		if err := put(row, []excelize.Cell{{Value: msg.Pick(l, "提示：", "Note: ") + w, StyleID: b.st.meta}}); err != nil {
			return err
		}
		if err := merge(row, n); err != nil {
			return err
		}
	}
	return b.laterRows(sw, nil, nil, func(rw *rowWriter) error {
		for _, h := range held {
			if err := rw.put(h.row, h.cells, h.opts...); err != nil {
				return err
			}
		}
		return nil
	})
}

// ledgerTable writes the ledgers of many units into one streamed sheet: a
// row per unit and item in rank order, each unit's items followed by its
// total, with the unit's rank, name and type in front, an autofilter and a
// frozen header. The columns after 类型 are those of a ledger sheet.
func (b *book) ledgerTable(sheet string, units []*scoring.UnitResult) error {
	l := b.l
	cols := append([]xlsx.Column{
		{Head: msg.Pick(l, "排名", "Rank"), Max: 6},
		{Head: msg.Pick(l, "单位", "Unit"), Min: 12, Max: 24},
		{Head: msg.Pick(l, "类型", "Type"), Max: 8},
	}, ledgerColumns(l)...)
	rows := 0
	for _, u := range units {
		rows += len(u.Items) + 1
	}
	// unitRows returns the rows of one unit; fn sees each.
	unitRows := func(u *scoring.UnitResult, fn func(cells []excelize.Cell) error) error {
		fs, err := u.FindingList()
		if err != nil {
			return err
		}
		byItem := map[string][]*scoring.FindingResult{}
		for i := range fs {
			byItem[fs[i].Item] = append(byItem[fs[i].Item], &fs[i])
		}
		lead := func(style int) []excelize.Cell {
			return []excelize.Cell{{Value: u.Rank, StyleID: b.st.center}, {Value: unitName(u), StyleID: style},
				{Value: u.Type, StyleID: style}}
		}
		for i := range u.Items {
			it := &u.Items[i]
			if err := fn(append(lead(b.st.text), b.itemCells(u, it, byItem[it.ID])...)); err != nil {
				return err
			}
		}
		total := b.totalCells(u)
		total[0].Value = msg.Pick(l, "合计", "Total") + msg.Pick(l, "（"+u.Grade+"）", " ("+u.Grade+")")
		return fn(append(lead(b.st.total), total...))
	}
	// Widths from the first units' rows: every column has a maximum that a
	// few dozen units reach.
	ft := xlsx.NewFitter(cols)
	for _, u := range units[:min(len(units), 30)] {
		if err := unitRows(u, func(cells []excelize.Cell) error { ft.SeeRow(cells); return nil }); err != nil {
			return err
		}
	}
	ws := ft.Widths()
	sw, err := b.listSheet(sheet, cols, rows, ws, xlsx.Freeze(2, 3), nil, nil)
	if err != nil {
		return err
	}
	// The rows are written when the workbook is saved, reading each unit's
	// findings back once more.
	return b.laterRows(sw, nil, ws, func(rw *rowWriter) error {
		row := 1
		for _, u := range units {
			if err := unitRows(u, func(cells []excelize.Cell) error {
				row++
				return rw.put(row, cells)
			}); err != nil {
				return err
			}
		}
		return nil
	})
}

// sectionCells is the row that opens a section in a ledger.
func (b *book) sectionCells(u *scoring.UnitResult, id string) []excelize.Cell {
	cells := make([]excelize.Cell, 13)
	for i := range cells {
		cells[i].StyleID = b.st.section
	}
	cells[0].Value = id
	bonus := true
	for _, it := range u.Items {
		if it.Section == id && !method(it.Method).OnTop {
			bonus = false
		}
	}
	for _, s := range u.Sections {
		if s.ID == id {
			cells[1].Value = s.Title
			if !bonus { // bonus points count in the total, not in a section
				cells[4].Value = s.Points
				cells[12] = excelize.Cell{Value: s.Score, StyleID: b.st.sectionScore}
			}
		}
	}
	return cells
}

// itemCells is an item's row in a ledger; fs are the unit's findings on it.
func (b *book) itemCells(u *scoring.UnitResult, it *scoring.ItemResult, fs []*scoring.FindingResult) []excelize.Cell {
	l := b.l
	basis := it.Basis
	if basis == "" {
		basis = b.items[it.ID].Basis
	}
	var applicable, failed, per, self any
	if method(it.Method).Rule {
		applicable, failed = it.Applicable, it.Failed
	}
	if it.Per != 0 {
		per = it.Per
	}
	if it.SelfScore != nil {
		self = *it.SelfScore
	}
	na := ""
	if it.NA {
		na = it.NAReasonIn(b.l)
		if na == "" {
			na = msg.Pick(l, "不适用", "not applicable")
		}
	}
	return []excelize.Cell{
		{Value: it.ID, StyleID: b.st.text},
		{Value: it.Title, StyleID: b.st.wrap},
		{Value: basis, StyleID: b.st.wrap},
		{Value: MethodLabel(it.Method, l), StyleID: b.st.text},
		{Value: it.Points, StyleID: b.st.text},
		{Value: applicable, StyleID: b.st.integer},
		{Value: failed, StyleID: b.st.integer},
		{Value: per, StyleID: b.st.text},
		{Value: joinNote(b.failingRows(fs), itemV2Note(it, l), l), StyleID: b.st.wrap},
		{Value: na, StyleID: b.st.wrap},
		{Value: self, StyleID: b.st.score},
		{Value: b.adjustments(u, it), StyleID: b.st.wrap},
		{Value: it.Score, StyleID: b.st.score},
	}
}

// adjustments describes the review's changes to an item: a score set by
// review and the failing rows it dismissed.
func (b *book) adjustments(u *scoring.UnitResult, it *scoring.ItemResult) string {
	l := b.l
	var parts []string
	for _, a := range u.Adjustments {
		if a.Item != it.ID {
			continue
		}
		s := msg.Pick(l, "由"+num(a.From)+"分调整为"+num(a.To)+"分", "set from "+num(a.From)+" to "+num(a.To))
		if a.Reason != "" {
			s += msg.Pick(l, "：", ": ") + a.Reason
		}
		parts = append(parts, s+b.byOn(a.By, a.On))
	}
	if len(parts) == 0 && it.Computed != nil {
		parts = append(parts, msg.Pick(l, "由"+num(*it.Computed)+"分调整为"+num(it.Score)+"分",
			"set from "+num(*it.Computed)+" to "+num(it.Score)))
	}
	if it.Dismissed > 0 {
		parts = append(parts, msg.Pick(l, fmt.Sprintf("复核排除%d条", it.Dismissed), fmt.Sprintf("%d dismissed on review", it.Dismissed)))
	}
	return strings.Join(parts, msg.Pick(l, "；", "; "))
}

// maxCellText is how much text a ledger cell holds, leaving room under
// Excel's limit of 32,767 characters for the closing words.
const maxCellText = 32000

// failingRows names the rows behind an item's findings, sheet by sheet in
// the order met: 「公文台账第7、9行」, the rows a review dismissed apart, and
// the messages of findings that have no row. It stays under Excel's cell
// limit, ending with the number of rows left out.
func (b *book) failingRows(fs []*scoring.FindingResult) string {
	l := b.l
	type group struct {
		sheet           string
		rows, dismissed []int
	}
	var groups []*group
	var notes []string
	for _, f := range fs {
		if f.Row <= 0 {
			if m := f.MessageIn(b.l); m != "" && !slices.Contains(notes, m) {
				notes = append(notes, m)
			}
			continue
		}
		sheet := f.Sheet
		if sheet == "" {
			sheet = f.Table
		}
		i := slices.IndexFunc(groups, func(g *group) bool { return g.sheet == sheet })
		if i < 0 {
			groups = append(groups, &group{sheet: sheet})
			i = len(groups) - 1
		}
		if f.Review != nil && f.Review.Decision == scoring.Dismiss {
			groups[i].dismissed = append(groups[i].dismissed, f.Row)
		} else {
			groups[i].rows = append(groups[i].rows, f.Row)
		}
	}
	var sb strings.Builder
	left := 0 // rows not written for want of room
	rows := func(prefix string, rs []int) {
		slices.Sort(rs)
		rs = slices.Compact(rs)
		if len(rs) == 0 {
			return
		}
		if sb.Len() > 0 {
			sb.WriteString(msg.Pick(l, "；", "; "))
		}
		sb.WriteString(prefix)
		sep := msg.Pick(l, "、", ", ")
		for i, r := range rs {
			if sb.Len() > maxCellText {
				left += len(rs) - i
				sb.WriteString(msg.Pick(l, "……", "…"))
				break
			}
			if i > 0 {
				sb.WriteString(sep)
			}
			sb.WriteString(strconv.Itoa(r))
		}
		sb.WriteString(msg.Pick(l, "行", ""))
	}
	for _, g := range groups {
		rows(msg.Pick(l, g.sheet+"第", g.sheet+" rows "), g.rows)
		rows(msg.Pick(l, g.sheet+"复核排除第", g.sheet+" dismissed on review: rows "), g.dismissed)
	}
	for _, n := range notes {
		if sb.Len() > maxCellText {
			break
		}
		if sb.Len() > 0 {
			sb.WriteString(msg.Pick(l, "；", "; "))
		}
		sb.WriteString(n)
	}
	s := sb.String()
	if len(s) > maxCellText {
		s = xlsx.TruncUTF16(s, maxCellText)
	}
	if left > 0 {
		s += msg.Pick(l, fmt.Sprintf("（另有%d行未列出）", left), fmt.Sprintf(" (%d more rows)", left))
	}
	return s
}
