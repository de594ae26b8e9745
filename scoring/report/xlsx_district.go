package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

// maxLedgerSheets is the most units a district workbook gives a ledger
// sheet each; above it (a city's or a province's audit) every unit's ledger
// goes into one table, 各单位计分明细, one row per unit and item, which a
// reader filters by unit. A thousand sheets cannot be found in Excel's tab
// bar, and they cost: excelize keeps every streamed sheet under 16 MB in
// memory until the workbook is written (62 MB for 1,000 units), and each
// sheet's repeated print titles is a defined name that SetDefinedName checks
// against every sheet, cubic in the units (52 s of a 63 s report for 2,000).
const maxLedgerSheets = 100

// districtWorkbook writes the sheets of the district's report: the summary,
// the item matrix, the two finding lists, the review decisions, and the
// ledgers of the units that were scored: one sheet per unit, or, above
// maxLedgerSheets units, one table.
func (b *book) districtWorkbook() error {
	l := b.l
	if err := b.summary(msg.Pick(l, "汇总", "Summary")); err != nil {
		return err
	}
	if err := b.matrix(msg.Pick(l, "指标得分", "Item scores")); err != nil {
		return err
	}
	if err := b.findingSheet(msg.Pick(l, "应公开未公开清单", "Should be public"), findingsPublic, b.res.Units); err != nil {
		return err
	}
	if err := b.findingSheet(msg.Pick(l, "全部问题清单", "All findings"), findingsAll, b.res.Units); err != nil {
		return err
	}
	if hasDeferred(b.res.Units) {
		if err := b.upcomingSheet(msg.Pick(l, "即将到期", "Coming due"), b.res.Units); err != nil {
			return err
		}
	}
	if len(b.res.Decisions) > 0 {
		if err := b.decisionSheet(msg.Pick(l, "复核记录", "Review decisions")); err != nil {
			return err
		}
	}
	if slices.ContainsFunc(b.res.Units, func(u *scoring.UnitResult) bool { return u.Website != nil }) {
		if err := b.websiteSheet(msg.Pick(l, "网站核对", "Website check")); err != nil {
			return err
		}
	}
	var scored []*scoring.UnitResult
	for _, u := range b.res.Units {
		if hasScore(u) {
			scored = append(scored, u)
		}
	}
	if len(scored) > maxLedgerSheets {
		return b.ledgerTable(msg.Pick(l, "各单位计分明细", "Score ledgers"), scored)
	}
	for _, u := range scored {
		name := b.sheetName(u.Name)
		if err := b.newSheet(name); err != nil {
			return err
		}
		title := msg.Pick(l, unitName(u)+" 计分明细", unitName(u)+" — score ledger")
		if err := b.ledger(name, u, []string{title, b.unitLine(u, true)}); err != nil {
			return err
		}
	}
	return nil
}

// unitName is how a unit is called in the report: its name, or the file it
// came from when the name is unknown.
func unitName(u *scoring.UnitResult) string {
	if u.Name != "" {
		return u.Name
	}
	return u.Source
}

// unitLine describes a unit in one line of a header block.
func (b *book) unitLine(u *scoring.UnitResult, rank bool) string {
	var parts []string
	add := func(zh, en, v string) {
		if v != "" {
			parts = append(parts, msg.Pick(b.l, zh+"："+v, en+": "+v))
		}
	}
	add("类型", "Type", u.Type)
	add("来源文件", "File", u.Source)
	if rank {
		add("排名", "Rank", fmt.Sprint(u.Rank))
	}
	add("得分", "Score", fmtScore(u.Score))
	add("等级", "Grade", u.Grade)
	if u.Vetoed {
		parts = append(parts, msg.Pick(b.l, "一票否决", "vetoed"))
	}
	return strings.Join(parts, msg.Pick(b.l, "　　", "    "))
}

// summary writes the ranking with its header block, the averages and counts,
// the submissions that could not be read, and a chart of the scores.
func (b *book) summary(sheet string) error {
	l, res := b.l, b.res
	if err := b.newSheet(sheet); err != nil {
		return err
	}
	cols := []xlsx.Column{
		{Head: msg.Pick(l, "排名", "Rank"), Max: 6},
		{Head: msg.Pick(l, "单位", "Unit"), Min: 12, Max: 32},
		{Head: msg.Pick(l, "类型", "Type"), Max: 10},
		{Head: msg.Pick(l, "得分", "Score"), Min: 8, Max: 10},
		{Head: msg.Pick(l, "等级", "Grade"), Min: 8, Max: 10},
		{Head: b.perfHead(), Min: 10, Max: 14},
		{Head: msg.Pick(l, "自评分", "Self score"), Min: 8, Max: 10},
		{Head: msg.Pick(l, "自评与核定差值", "Self − score"), Min: 8, Max: 10},
		{Head: msg.Pick(l, "应公开未公开问题数", "Never-published findings"), Min: 10, Max: 12},
		{Head: msg.Pick(l, "公开不及时问题数", "Late-published findings"), Min: 10, Max: 12},
		{Head: msg.Pick(l, "问题总数", "Findings"), Min: 8, Max: 10},
		{Head: msg.Pick(l, "状态", "Status"), Min: 8, Max: 10},
		{Head: msg.Pick(l, "备注", "Notes"), Min: 16, Max: 40},
	}
	n := len(cols)
	row := 1
	if err := b.line(sheet, row, n, b.resultTitle(), b.st.title); err != nil {
		return err
	}
	if err := b.f.SetRowHeight(sheet, row, 30); err != nil {
		return err
	}
	for _, s := range []string{b.checklistLine(), b.yearLine(), b.generatedLine()} {
		if s == "" {
			continue
		}
		row++
		if err := b.line(sheet, row, n, s, b.st.meta); err != nil {
			return err
		}
	}
	head := row + 2
	ft := xlsx.NewFitter(cols)
	first, lastOK := head+1, 0
	table := [][]excelize.Cell{b.heads(cols)}
	// Submissions that could not be read are not ranked: they are listed
	// with their reasons below the ranking (unreadable).
	var ranked []*scoring.UnitResult
	for _, u := range res.Units {
		if u.Status != scoring.StatusError {
			ranked = append(ranked, u)
		}
	}
	for i, u := range ranked {
		_, all := u.FindingCounts()
		never, late := u.PublicationCounts()
		var self, diff any
		if u.SelfScore != nil {
			self = *u.SelfScore
			diff = float64(hundredths(*u.SelfScore)-hundredths(u.Score)) / 100
		}
		cells := []excelize.Cell{
			{Value: u.Rank, StyleID: b.st.center},
			{Value: unitName(u), StyleID: b.st.wrap},
			{Value: u.Type, StyleID: b.st.text},
			{Value: u.Score, StyleID: b.st.score},
			{Value: u.Grade, StyleID: b.st.center},
			{Value: u.PerformancePoints, StyleID: b.st.score},
			{Value: self, StyleID: b.st.score},
			{Value: diff, StyleID: b.st.score},
			{Value: never, StyleID: b.st.integer},
			{Value: late, StyleID: b.st.integer},
			{Value: all, StyleID: b.st.integer},
			{Value: StatusLabel(u, l), StyleID: b.st.center},
			{Value: b.unitNotes(u), StyleID: b.st.wrap},
		}
		ft.SeeRow(cells)
		table = append(table, cells)
		if u.Status == scoring.StatusOK {
			lastOK = first + i
		}
	}
	last := head + len(ranked)
	ws, err := b.setWidths(sheet, ft)
	if err != nil {
		return err
	}
	if err := b.putRows(sheet, 1, head, table, ws); err != nil {
		return err
	}
	if last > head {
		if err := b.gradeFormats(sheet, fmt.Sprintf("E%d:E%d", first, last)); err != nil {
			return err
		}
	}
	if err := b.f.AutoFilter(sheet, fmt.Sprintf("A%d:%s%d", head, xlsx.Col(n), last), nil); err != nil {
		return err
	}
	if err := b.printSetup(sheet, head, head); err != nil {
		return err
	}
	if err := b.f.SetPanes(sheet, xlsx.Freeze(head+1, 3)); err != nil {
		return err
	}
	row, err = b.averages(sheet, last+2, ws)
	if err != nil {
		return err
	}
	if row, err = b.counts(sheet, row+2, ws); err != nil {
		return err
	}
	if row, err = b.unreadable(sheet, row+2, n, ws); err != nil {
		return err
	}
	if lastOK >= first {
		return b.scoreChart(sheet, row+2, head, first, lastOK)
	}
	return nil
}

// unitNotes is the 备注 of a unit in the summary.
func (b *book) unitNotes(u *scoring.UnitResult) string {
	var notes []string
	if u.Vetoed {
		notes = append(notes, msg.Pick(b.l, "一票否决", "vetoed"))
	}
	if u.Pilot {
		notes = append(notes, msg.Pick(b.l, "试点单位", "pilot"))
	}
	if u.StatedYear != 0 {
		notes = append(notes, msg.Pick(b.l, fmt.Sprintf("单位信息填写的年度为%d，与评估年度%d不同", u.StatedYear, b.res.Year),
			fmt.Sprintf("the unit states the year %d, not the audited %d", u.StatedYear, b.res.Year)))
	}
	if up, pend := u.DeferredCounts(); up+pend > 0 {
		notes = append(notes, msg.Pick(b.l, fmt.Sprintf("未到期%d条、待定%d条（见即将到期表，不扣分）", up, pend),
			fmt.Sprintf("%d rows not yet due, %d undecided (see Coming due; not deducted)", up, pend)))
	}
	for _, m := range u.MissingColumns {
		note := msg.Pick(b.l, fmt.Sprintf("需补正：%s缺少「%s」列（指标 %s）", m.Sheet, m.Header, strings.Join(m.Items, "、")),
			fmt.Sprintf("needs correction: %s has no column 「%s」 (items %s)", m.Sheet, m.Header, strings.Join(m.Items, ", ")))
		if len(m.Guesses) > 0 {
			note += msg.Pick(b.l, fmt.Sprintf("，「%s」可能是「%s」", strings.Join(m.Guesses, "」「"), m.Header),
				fmt.Sprintf("; 「%s」 may be 「%s」", strings.Join(m.Guesses, "」「"), m.Header))
		}
		notes = append(notes, note)
	}
	notes = append(notes, unitV2Notes(u, b.l)...)
	if m := u.MessageIn(b.l); m != "" {
		notes = append(notes, m)
	}
	if u.Roster != nil {
		notes = append(notes, u.Roster.DisagreementsIn(b.l)...)
	}
	return strings.Join(notes, msg.Pick(b.l, "；", "; "))
}

// gradeFormats colours the grade cells of ref: one rule per grade name of
// the checklist, green for the best, red for the last.
func (b *book) gradeFormats(sheet, ref string) error {
	var rules []excelize.ConditionalFormatOptions
	for i, g := range b.res.Checklist.Grades {
		rules = append(rules, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==",
			Value: `"` + strings.ReplaceAll(g.Name, `"`, `""`) + `"`, Format: &b.st.grade[i]})
	}
	if len(rules) == 0 {
		return nil
	}
	return b.f.SetConditionalFormat(sheet, ref, rules)
}

// typeOrder lists the unit types of the result: 乡镇 and 部门 first, the
// others after in code-point order.
func typeOrder(units []*scoring.UnitResult) []string {
	rank := func(t string) int {
		switch t {
		case "乡镇":
			return 0
		case "部门":
			return 1
		}
		return 2
	}
	var types []string
	for _, u := range units {
		if u.Type != "" && !slices.Contains(types, u.Type) {
			types = append(types, u.Type)
		}
	}
	slices.SortFunc(types, func(a, b string) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), strings.Compare(a, b))
	})
	return types
}

// averages writes the average score, performance points and self score of
// the scored units by type and over all, from row; it returns the last row.
func (b *book) averages(sheet string, row int, ws []float64) (int, error) {
	l := b.l
	heads := []excelize.Cell{
		{Value: msg.Pick(l, "分类", "Group"), StyleID: b.st.head},
		{Value: msg.Pick(l, "参评单位数", "Units scored"), StyleID: b.st.head},
		{Value: msg.Pick(l, "平均得分", "Average score"), StyleID: b.st.head},
		{Value: msg.Pick(l, "平均折算分", "Average perf."), StyleID: b.st.head},
		{Value: msg.Pick(l, "平均自评分", "Average self"), StyleID: b.st.head},
	}
	if err := b.putRows(sheet, 2, row, [][]excelize.Cell{heads}, ws); err != nil {
		return 0, err
	}
	groups := typeOrder(b.res.Units)
	groups = append(groups, "")
	for _, t := range groups {
		row++
		var score, perf, self []float64
		for _, u := range b.res.Units {
			if u.Status != scoring.StatusOK || (t != "" && u.Type != t) {
				continue
			}
			score = append(score, u.Score)
			perf = append(perf, u.PerformancePoints)
			if u.SelfScore != nil {
				self = append(self, *u.SelfScore)
			}
		}
		label := msg.Pick(l, t+"平均", t+" average")
		style := b.st.text
		scoreStyle := b.st.score
		if t == "" {
			label = msg.Pick(l, "全部平均", "All units average")
			style, scoreStyle = b.st.total, b.st.totalScore
		}
		cells := []excelize.Cell{
			{Value: label, StyleID: style},
			{Value: len(score), StyleID: style},
			{Value: average(score), StyleID: scoreStyle},
			{Value: average(perf), StyleID: scoreStyle},
			{Value: average(self), StyleID: scoreStyle},
		}
		if err := b.putRow(sheet, 2, row, cells); err != nil {
			return 0, err
		}
	}
	return row, nil
}

// average is the mean of xs rounded to hundredths, or nil for none.
func average(xs []float64) any {
	if len(xs) == 0 {
		return nil
	}
	var sum int64
	for _, x := range xs {
		sum += hundredths(x)
	}
	return math.Round(float64(sum)/float64(len(xs))) / 100
}

// counts writes how many units handed in, were missing, unreadable or
// vetoed, and the findings in all; it returns the last row.
func (b *book) counts(sheet string, row int, ws []float64) (int, error) {
	l := b.l
	var ok, missing, failed, vetoed, never, late, all int
	for _, u := range b.res.Units {
		switch u.Status {
		case scoring.StatusOK, scoring.StatusPending:
			ok++
		case scoring.StatusMissing:
			missing++
		case scoring.StatusError:
			failed++
		}
		if u.Vetoed {
			vetoed++
		}
		_, a := u.FindingCounts()
		nv, lt := u.PublicationCounts()
		never, late, all = never+nv, late+lt, all+a
	}
	lines := []struct {
		label string
		n     int
	}{
		{msg.Pick(l, "单位总数", "Units"), len(b.res.Units)},
		{msg.Pick(l, "已报送", "Submitted"), ok},
		{msg.Pick(l, "未报送", "Missing"), missing},
		{msg.Pick(l, "读取失败", "Unreadable"), failed},
		{msg.Pick(l, "一票否决", "Vetoed"), vetoed},
		{msg.Pick(l, "应公开未公开问题", "Never-published findings"), never},
		{msg.Pick(l, "公开不及时问题", "Late-published findings"), late},
		{msg.Pick(l, "问题总数", "Findings"), all},
	}
	if err := b.putRows(sheet, 2, row, [][]excelize.Cell{{
		{Value: msg.Pick(l, "报送与问题统计", "Counts"), StyleID: b.st.head},
		{Value: msg.Pick(l, "数量", "Number"), StyleID: b.st.head}}}, ws); err != nil {
		return 0, err
	}
	for _, ln := range lines {
		row++
		if err := b.putRow(sheet, 2, row, []excelize.Cell{{Value: ln.label, StyleID: b.st.text}, {Value: ln.n, StyleID: b.st.integer}}); err != nil {
			return 0, err
		}
	}
	return row, nil
}

// unreadable lists the submissions that could not be read and the result's
// warnings, from row; it returns the last row written (row-2 when there was
// nothing to write).
func (b *book) unreadable(sheet string, row, cols int, ws []float64) (int, error) {
	l := b.l
	if len(b.res.Errors) == 0 && len(b.res.WarningsIn(l)) == 0 {
		return row - 2, nil
	}
	if len(b.res.Errors) > 0 {
		if err := b.putRow(sheet, 2, row, []excelize.Cell{
			{Value: msg.Pick(l, "未能读取的报送文件（不排名、不评定等级）", "Submissions that could not be read (not ranked or graded)"), StyleID: b.st.head},
			{Value: msg.Pick(l, "原因", "Reason"), StyleID: b.st.head}}); err != nil {
			return 0, err
		}
		if err := b.mergeStyled(sheet, 3, row, cols, b.st.head); err != nil {
			return 0, err
		}
		for _, e := range b.res.Errors {
			row++
			// The file is in column B, the reason spans columns C to the last.
			spans := []float64{ws[0], ws[1], 0}
			for _, w := range ws[2:] {
				spans[2] += w
			}
			if err := b.putRows(sheet, 2, row, [][]excelize.Cell{{{Value: e.File, StyleID: b.st.wrap}, {Value: e.MessageIn(l), StyleID: b.st.wrap}}},
				spans); err != nil {
				return 0, err
			}
			if err := b.mergeStyled(sheet, 3, row, cols, b.st.wrap); err != nil {
				return 0, err
			}
		}
		row += 2
	}
	for _, w := range b.res.WarningsIn(l) {
		if err := b.putRow(sheet, 2, row, []excelize.Cell{{Value: msg.Pick(l, "提示：", "Note: ") + w, StyleID: b.st.meta}}); err != nil {
			return 0, err
		}
		row++
	}
	return row - 1, nil
}

// mergeStyled merges columns from..to of row and styles them all, so the
// merged cell keeps its border.
func (b *book) mergeStyled(sheet string, from, row, to, style int) error {
	if err := b.f.SetCellStyle(sheet, xlsx.Cell(from, row), xlsx.Cell(to, row), style); err != nil {
		return err
	}
	return b.f.MergeCell(sheet, xlsx.Cell(from, row), xlsx.Cell(to, row))
}

// scoreChart draws a clustered bar chart of the scored units' scores (rows
// first..last of the summary, under the header in row head) with its top
// left corner at column B of row.
func (b *book) scoreChart(sheet string, row, head, first, last int) error {
	// The chart prints on a page of its own.
	if err := b.f.InsertPageBreak(sheet, xlsx.Cell(1, row)); err != nil {
		return err
	}
	q := xlsx.Quote(sheet)
	n := last - first + 1
	height := uint(min(max(20*n+90, 260), 2000))
	total := b.res.Checklist.Total
	if total <= 0 {
		total = 100
	}
	zero := 0.0
	title := msg.Pick(b.l, "各单位得分", "Scores by unit")
	return b.f.AddChart(sheet, xlsx.Cell(2, row), &excelize.Chart{
		Type: excelize.Bar,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s!$D$%d", q, head),
			Categories: fmt.Sprintf("%s!$B$%d:$B$%d", q, first, last),
			Values:     fmt.Sprintf("%s!$D$%d:$D$%d", q, first, last),
			Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
		}},
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		Legend:     excelize.ChartLegend{Position: "none"},
		VaryColors: boolPtr(false),
		Dimension:  excelize.ChartDimension{Width: 760, Height: height},
		XAxis:      excelize.ChartAxis{ReverseOrder: true, Font: excelize.Font{Color: "262626"}},
		YAxis:      excelize.ChartAxis{Minimum: &zero, Maximum: &total, MajorGridLines: true, Font: excelize.Font{Color: "595959"}},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		Format:     excelize.GraphicOptions{PrintObject: boolPtr(true), Positioning: "oneCell"},
	})
}

func boolPtr(v bool) *bool { return &v }

// matrixColumn is one column of the item matrix after 排名 and 单位.
type matrixColumn struct {
	item    *scoring.ItemInfo    // an item's score
	section *scoring.SectionInfo // a section's subtotal (item nil)
	// neither: the unit's total
}

// bonusOnly tells a section of bonus items, which has no subtotal of its
// own: bonus points are added to the unit's total.
func bonusOnly(s scoring.SectionInfo) bool {
	for _, it := range s.Items {
		if !method(it.Method).OnTop {
			return false
		}
	}
	return len(s.Items) > 0
}

// sections is the checklist's layout, or, for a result written without it,
// the layout of the first scored unit.
func (b *book) sections() []scoring.SectionInfo {
	if len(b.res.Checklist.Sections) > 0 {
		return b.res.Checklist.Sections
	}
	for _, u := range b.res.Units {
		if u.Status != scoring.StatusOK || len(u.Items) == 0 {
			continue
		}
		var secs []scoring.SectionInfo
		for _, it := range u.Items {
			if len(secs) == 0 || secs[len(secs)-1].ID != it.Section {
				si := scoring.SectionInfo{ID: it.Section}
				for _, s := range u.Sections {
					if s.ID == it.Section {
						si.Title, si.Points = s.Title, s.Points
					}
				}
				secs = append(secs, si)
			}
			last := &secs[len(secs)-1]
			last.Items = append(last.Items, scoring.ItemInfo{ID: it.ID, Title: it.Title, Basis: it.Basis, Method: it.Method, Points: it.Points})
		}
		return secs
	}
	return nil
}

// matrix writes the units × items table: section titles merged above their
// items, item id, title and full points, then one row per scored unit with
// each item's score, the section subtotals and the total; low scores are
// highlighted. The sheet is streamed (a province's matrix is thousands of
// rows): formats, filter and print setup go in before the rows.
func (b *book) matrix(sheet string) error {
	l := b.l
	if err := b.newSheet(sheet); err != nil {
		return err
	}
	secs := b.sections()
	var mcols []matrixColumn
	for si := range secs {
		for ii := range secs[si].Items {
			mcols = append(mcols, matrixColumn{item: &secs[si].Items[ii]})
		}
		if !bonusOnly(secs[si]) {
			mcols = append(mcols, matrixColumn{section: &secs[si]})
		}
	}
	mcols = append(mcols, matrixColumn{})
	const itemWidth = 10
	lastCol := 2 + len(mcols) + 1 // + 等级

	// Header rows 1–4, every cell styled, merges listed.
	head := make([][]excelize.Cell, 4)
	for r := range head {
		head[r] = make([]excelize.Cell, lastCol)
		for c := range head[r] {
			head[r][c].StyleID = b.st.head
		}
	}
	var merges [][2]string
	put := func(col, row int, v any) { head[row-1][col-1].Value = v }
	mergeHead := func(c1, r1, c2, r2 int, v any) {
		put(c1, r1, v)
		if c1 != c2 || r1 != r2 {
			merges = append(merges, [2]string{xlsx.Cell(c1, r1), xlsx.Cell(c2, r2)})
		}
	}
	mergeHead(1, 1, 1, 3, msg.Pick(l, "排名", "Rank"))
	mergeHead(2, 1, 2, 3, msg.Pick(l, "单位", "Unit"))
	mergeHead(1, 4, 2, 4, msg.Pick(l, "满分", "Full points"))
	col := 3
	titleLines := 1
	for si := range secs {
		s := &secs[si]
		start := col
		for _, it := range s.Items {
			put(col, 2, it.ID)
			put(col, 3, it.Title)
			titleLines = max(titleLines, xlsx.Lines(it.Title, itemWidth))
			var full any = it.Points
			if method(it.Method).Vetoes {
				full = msg.Pick(l, "否决项", "veto")
			}
			put(col, 4, full)
			col++
		}
		if !bonusOnly(*s) {
			mergeHead(col, 2, col, 3, msg.Pick(l, "小计", "Subtotal"))
			put(col, 4, s.Points)
			col++
		}
		title := strings.TrimSpace(s.ID + " " + s.Title)
		if s.Points != 0 {
			title += msg.Pick(l, "（"+num(s.Points)+"分）", " ("+num(s.Points)+" points)")
		}
		mergeHead(start, 1, col-1, 1, title)
	}
	mergeHead(col, 1, col, 3, msg.Pick(l, "总分", "Total"))
	put(col, 4, b.res.Checklist.Total)
	mergeHead(col+1, 1, col+1, 4, msg.Pick(l, "等级", "Grade"))

	// The widths of 排名 and 单位 from the names; the rows are made while
	// they are streamed.
	ft := xlsx.NewFitter([]xlsx.Column{{Head: "", Max: 6}, {Head: msg.Pick(l, "单位", "Unit"), Min: 12, Max: 30}})
	last := 4
	for _, u := range b.res.Units {
		if hasScore(u) {
			last++
			ft.See(1, unitName(u))
		}
	}
	if last > 4 {
		for i, mc := range mcols {
			var full float64
			switch {
			case mc.item != nil:
				if !method(mc.item.Method).InBase {
					continue
				}
				full = mc.item.Points
			case mc.section != nil:
				full = mc.section.Points
			default:
				full = b.res.Checklist.Total
			}
			if full <= 0 {
				continue
			}
			c := xlsx.Col(3 + i)
			if err := b.f.SetConditionalFormat(sheet, fmt.Sprintf("%s5:%s%d", c, c, last), []excelize.ConditionalFormatOptions{{
				Type: "cell", Criteria: "<", Value: num(math.Round(full*0.6*1e4) / 1e4), Format: &b.st.low}}); err != nil {
				return err
			}
		}
		if err := b.gradeFormats(sheet, fmt.Sprintf("%s5:%s%d", xlsx.Col(lastCol), xlsx.Col(lastCol), last)); err != nil {
			return err
		}
	}
	if err := b.printSetup(sheet, 1, 4); err != nil {
		return err
	}
	if err := matrixPrint(b.f, sheet, lastCol); err != nil {
		return err
	}
	sw, err := b.streamSheet(sheet, ft.Widths(), xlsx.Freeze(5, 3))
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(3, lastCol, itemWidth); err != nil {
		return err
	}
	setRow := (&rowWriter{b: b, sw: sw}).put
	for r, cells := range head {
		var opts []excelize.RowOpts
		switch r {
		case 0:
			opts = append(opts, excelize.RowOpts{Height: 30})
		case 2:
			opts = append(opts, excelize.RowOpts{Height: math.Min(xlsx.LineHeight*float64(titleLines)+3, 200)})
		}
		if err := setRow(r+1, cells, opts...); err != nil {
			return err
		}
	}
	for _, m := range merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	// One row per scored unit.
	row := 4
	cells := make([]excelize.Cell, 0, lastCol)
	items := make(map[string]*scoring.ItemResult)
	for _, u := range b.res.Units {
		if !hasScore(u) {
			continue
		}
		row++
		clear(items)
		for i := range u.Items {
			items[u.Items[i].ID] = &u.Items[i]
		}
		cells = append(cells[:0], excelize.Cell{Value: u.Rank, StyleID: b.st.center}, excelize.Cell{Value: unitName(u), StyleID: b.st.text})
		for _, mc := range mcols {
			switch {
			case mc.item != nil:
				it := items[mc.item.ID]
				switch {
				case it == nil:
					cells = append(cells, excelize.Cell{StyleID: b.st.score})
				case method(it.Method).Vetoes:
					v := "—"
					if it.Failed > 0 {
						v = msg.Pick(l, "否决", "vetoed")
					}
					cells = append(cells, excelize.Cell{Value: v, StyleID: b.st.center})
				default:
					cells = append(cells, excelize.Cell{Value: it.Score, StyleID: b.st.score})
				}
			case mc.section != nil:
				var v any
				for _, s := range u.Sections {
					if s.ID == mc.section.ID {
						v = s.Score
					}
				}
				cells = append(cells, excelize.Cell{Value: v, StyleID: b.st.sectionScore})
			default:
				cells = append(cells, excelize.Cell{Value: u.Score, StyleID: b.st.totalScore})
			}
		}
		cells = append(cells, excelize.Cell{Value: u.Grade, StyleID: b.st.center})
		if err := setRow(row, cells); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// decisionSheet lists the review decisions as applied, or why not.
func (b *book) decisionSheet(sheet string) error {
	l := b.l
	if err := b.newSheet(sheet); err != nil {
		return err
	}
	cols := []xlsx.Column{
		{Head: msg.Pick(l, "单位", "Unit"), Min: 10, Max: 24},
		{Head: msg.Pick(l, "指标", "Item"), Max: 8},
		{Head: msg.Pick(l, "文号", "Doc no."), Max: 24},
		{Head: msg.Pick(l, "行号", "Row"), Max: 6},
		{Head: msg.Pick(l, "决定", "Decision"), Max: 10},
		{Head: msg.Pick(l, "是否生效", "Applied"), Max: 8},
		{Head: msg.Pick(l, "理由", "Reason"), Min: 20, Max: 40},
		{Head: msg.Pick(l, "复核人", "By"), Max: 14},
		{Head: msg.Pick(l, "复核日期", "On"), Max: 12},
		{Head: msg.Pick(l, "说明", "Message"), Min: 12, Max: 40},
		{Head: msg.Pick(l, "来源", "Source"), Max: 30},
	}
	ft := xlsx.NewFitter(cols)
	table := [][]excelize.Cell{b.heads(cols)}
	for _, d := range b.res.Decisions {
		var r any
		if d.Row > 0 {
			r = d.Row
		}
		cells := []excelize.Cell{
			{Value: d.Unit, StyleID: b.st.wrap},
			{Value: d.Item, StyleID: b.st.text},
			{Value: d.DocNo, StyleID: b.st.wrap},
			{Value: r, StyleID: b.st.integer},
			{Value: ReviewLabel(d.Decision, l), StyleID: b.st.center},
			{Value: yesNo(d.Applied, l), StyleID: b.st.center},
			{Value: d.Reason, StyleID: b.st.wrap},
			{Value: d.By, StyleID: b.st.wrap},
			{Value: d.On, StyleID: b.st.text},
			{Value: d.MessageIn(l), StyleID: b.st.wrap},
			{Value: d.Source, StyleID: b.st.wrap},
		}
		ft.SeeRow(cells)
		table = append(table, cells)
	}
	ws, err := b.setWidths(sheet, ft)
	if err != nil {
		return err
	}
	if err := b.putRows(sheet, 1, 1, table, ws); err != nil {
		return err
	}
	if err := b.f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", xlsx.Col(len(cols)), len(b.res.Decisions)+1), nil); err != nil {
		return err
	}
	if err := b.printSetup(sheet, 1, 1); err != nil {
		return err
	}
	return b.f.SetPanes(sheet, xlsx.Freeze(2, 1))
}

// websiteSheet lists, per unit, its register against the website's
// catalogue: the 网站核对 sheet, when the audit was given the catalogue.
func (b *book) websiteSheet(sheet string) error {
	l := b.l
	if err := b.newSheet(sheet); err != nil {
		return err
	}
	cols := []xlsx.Column{
		{Head: msg.Pick(l, "单位", "Unit"), Min: 10, Max: 24},
		{Head: msg.Pick(l, "台账主动公开公文", "Register: proactive"), Max: 10},
		{Head: msg.Pick(l, "网站目录公文", "Catalogue"), Max: 10},
		{Head: msg.Pick(l, "对应上的", "Matched"), Max: 10},
		{Head: msg.Pick(l, "网站目录中没有（应公开未公开）", "Not online (should be public)"), Max: 14},
		{Head: msg.Pick(l, "台账漏登", "Not in the register"), Max: 10},
		{Head: msg.Pick(l, "日期不一致", "Dates differ"), Max: 10},
	}
	ft := xlsx.NewFitter(cols)
	table := [][]excelize.Cell{b.heads(cols)}
	for _, u := range b.res.Units {
		w := u.Website
		if w == nil {
			continue
		}
		cells := []excelize.Cell{
			{Value: unitName(u), StyleID: b.st.wrap},
			{Value: w.Register, StyleID: b.st.integer},
			{Value: w.Catalog, StyleID: b.st.integer},
			{Value: w.Matched, StyleID: b.st.integer},
			{Value: w.MissingOnline, StyleID: b.st.integer},
			{Value: w.MissingFromRegister, StyleID: b.st.integer},
			{Value: w.DatesDiffer, StyleID: b.st.integer},
		}
		ft.SeeRow(cells)
		table = append(table, cells)
	}
	ws, err := b.setWidths(sheet, ft)
	if err != nil {
		return err
	}
	if err := b.putRows(sheet, 1, 1, table, ws); err != nil {
		return err
	}
	if err := b.printSetup(sheet, 1, 1); err != nil {
		return err
	}
	return b.f.SetPanes(sheet, xlsx.Freeze(2, 1))
}

// matrixColumnsPerPage is how many of the matrix's columns an A4 landscape
// page holds at a size still read without a magnifier (about 8 pt).
const matrixColumnsPerPage = 20

// matrixPrint makes the 指标得分 matrix print legibly: one page wide made it
// about 4 pt for a checklist of 30-odd items, so it is printed as many
// pages wide as its columns need (matrixColumnsPerPage each), every page
// repeating the rank and unit columns beside the header rows.
func matrixPrint(f *excelize.File, sheet string, lastCol int) error {
	wide := (lastCol + matrixColumnsPerPage - 1) / matrixColumnsPerPage
	if wide <= 1 {
		return nil
	}
	landscape, a4, tall := "landscape", xlsx.A4, 0
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &landscape, Size: &a4, FitToWidth: &wide, FitToHeight: &tall}); err != nil {
		return err
	}
	// printSetup repeated the header rows; now the unit columns too.
	if err := f.DeleteDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", Scope: sheet}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("%s!$A:$B,%s!$1:$4", xlsx.Quote(sheet), xlsx.Quote(sheet)), Scope: sheet})
}
