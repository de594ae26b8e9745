package forms

import (
	"fmt"
	"io"
	"math/big"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
	"github.com/zwgk/zwgk/scoring/roster"
)

// The evaluator score sheet's layout (shared/spec/district-inputs.md): one
// sheet, a row per unit × item the district scores by hand.
const (
	scoresSheet = "评估打分"
	scoresLists = "评分选项" // veryHidden: the units and items of the dropdowns
)

var scoresHeaders = []string{"单位", "指标编号", "指标", "分值", "得分", "扣分理由", "评分人", "评分日期"}

// The columns of the score sheet, 1-based.
const (
	scUnit = iota + 1
	scItem
	scTitle
	scPoints
	scScore
	scReason
	scBy
	scOn
)

// EvaluatorMethod is the method of the items a district's evaluators score
// (checklist v2: `method: evaluator`); the template lists them for every
// unit, and their scores are Scores.Evaluator's, not adjustments.
const EvaluatorMethod = checklists.Evaluator

// ScoresTemplate writes the empty score sheet `zwgk scores template` gives:
// a row per unit (units; none: one block with 单位 left blank) × item, with
// 指标, 分值 filled in, 得分 validated 0…分值, 评分日期 date-formatted,
// dropdowns for 单位 and 指标编号, the header frozen and a print setup.
func ScoresTemplate(w io.Writer, items []*checklists.Item, units []string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", scoresSheet); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: xlsx.Fill("DDEBF7"),
		Border: xlsx.Border("BFBFBF"), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: ptr("yyyy-mm-dd")})
	if err != nil {
		return err
	}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	if err := xlsx.Header(f, scoresSheet, scoresHeaders, head); err != nil {
		return err
	}
	if err := xlsx.SetWidths(f, scoresSheet, []float64{26, 10, 48, 8, 8, 40, 12, 12}); err != nil {
		return err
	}
	if err := f.SetColStyle(scoresSheet, "F", text); err != nil {
		return err
	}
	if err := f.SetColStyle(scoresSheet, "H", date); err != nil {
		return err
	}
	if len(units) == 0 {
		units = []string{""}
	}
	row := 2
	for _, u := range units {
		for _, it := range items {
			pts, _ := it.Points.Float64()
			for col, v := range map[int]any{scUnit: u, scItem: it.ID, scTitle: xlsx.SafeText(it.Title), scPoints: pts} {
				if err := f.SetCellValue(scoresSheet, xlsx.Cell(col, row), v); err != nil {
					return err
				}
			}
			row++
		}
	}
	last := max(row-1, 2)
	// 得分 between 0 and the row's 分值 (a relative reference: each row its own).
	v := excelize.NewDataValidation(true)
	v.Sqref = fmt.Sprintf("E2:E%d", last)
	if err := v.SetRange(0, "$D2", excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	v.SetError(excelize.DataValidationErrorStyleStop, "得分超出范围", "得分应在 0 到本行的分值之间")
	if err := f.AddDataValidation(scoresSheet, v); err != nil {
		return err
	}
	// Dropdowns of the units and items, on a hidden sheet (a list over 255
	// characters cannot be inline).
	if _, err := f.NewSheet(scoresLists); err != nil {
		return err
	}
	var ids []string
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	for i, list := range [][]string{units, ids} {
		for r, s := range list {
			if err := f.SetCellValue(scoresLists, xlsx.Cell(i+1, r+1), s); err != nil {
				return err
			}
		}
		if len(list) == 0 || (i == 0 && list[0] == "") {
			continue
		}
		name := []string{"评分单位", "评分指标"}[i]
		ref := fmt.Sprintf("%s!$%s$1:$%s$%d", xlsx.Quote(scoresLists), xlsx.Col(i+1), xlsx.Col(i+1), len(list))
		if err := f.SetDefinedName(&excelize.DefinedName{Name: name, RefersTo: ref}); err != nil {
			return err
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", xlsx.Col([]int{scUnit, scItem}[i]), xlsx.Col([]int{scUnit, scItem}[i]), last)
		dv.SetSqrefDropList("=" + name)
		if err := f.AddDataValidation(scoresSheet, dv); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(scoresLists, false, true); err != nil {
		return err
	}
	if err := f.SetPanes(scoresSheet, xlsx.Freeze(2, 1)); err != nil {
		return err
	}
	if err := xlsx.PageSetup(f, scoresSheet, "landscape", 9); err != nil {
		return err
	}
	if err := xlsx.PrintTitles(f, scoresSheet, 1, 1); err != nil {
		return err
	}
	if err := f.AddComment(scoresSheet, excelize.Comment{Cell: "F1", Author: "zwgk",
		Paragraph: []excelize.RichTextRun{{Text: "得分低于分值的必须写明扣分理由"}}}); err != nil {
		return err
	}
	return f.Write(w)
}

func ptr[T any](v T) *T { return &v }

// Score is one score of the evaluator sheet: the unit, the item, the score
// given, the reason (needed below full points), who scored and when, and
// where it was read (file sheet!row).
type Score struct {
	Unit   string
	Item   string
	Score  *big.Rat
	Reason string
	By     string
	On     string
	Source string
}

// Scores is the evaluator sheet as read: every row with a 得分.
type Scores struct {
	Source  string
	Entries []Score
}

// ReadScores reads the evaluator score sheet after the district filled it
// in; name is used in errors. Rows without a 得分 are not scored yet and are
// skipped. Every mistake is an error naming the sheet, row and column — an
// unknown item or unit (units: the audit's units, roster names or aliases;
// nil accepts any), a score that is no number or outside [0, 分值], a score
// below full points without a reason, the same unit and item twice — and
// they are returned together: the sheet is all or nothing.
func ReadScores(name string, data []byte, c *checklists.Checklist, units *roster.Roster) (*Scores, error) {
	rows, err := sheetRows(name, data, []string{scoresSheet, "评分表", "打分表"}, []string{"单位", "指标编号", "得分"}, true)
	if err != nil {
		return nil, err
	}
	items := map[string]*checklists.Item{}
	for _, it := range c.Items() {
		items[it.ID] = it
	}
	out := &Scores{Source: name}
	var errs []error
	seen := map[[2]string]string{}
	for _, r := range rows {
		cell := func(col int) string { return fmt.Sprintf("%s %s!%s%d", name, r.sheet, xlsx.Col(col), r.line) }
		raw := strings.TrimSpace(r.get("得分"))
		if raw == "" {
			continue
		}
		s := Score{Unit: strings.TrimSpace(r.get("单位")), Item: strings.TrimSpace(r.get("指标编号")),
			Reason: strings.TrimSpace(r.get("扣分理由")), By: strings.TrimSpace(r.get("评分人")),
			On: r.date("评分日期"), Source: fmt.Sprintf("%s %s!%d", name, r.sheet, r.line)}
		ok := true
		it := items[s.Item]
		switch {
		case s.Item == "":
			errs = append(errs, msg.Errorf("%s: 没有填写指标编号", "%s: no item id", cell(scItem)))
			ok = false
		case it == nil:
			errs = append(errs, msg.Errorf("%s: 指标体系中没有指标「%s」", "%s: the checklist has no item %q", cell(scItem), s.Item))
			ok = false
		}
		switch {
		case s.Unit == "":
			errs = append(errs, msg.Errorf("%s: 没有填写单位", "%s: no unit", cell(scUnit)))
			ok = false
		case units != nil:
			if u, _ := units.Lookup(s.Unit); u == nil {
				errs = append(errs, msg.Errorf("%s: 单位「%s」不在名单中", "%s: unit %q is not on the roster", cell(scUnit), s.Unit))
				ok = false
			} else {
				s.Unit = u.Name
			}
		}
		score, good := new(big.Rat).SetString(checklists.Fold(raw))
		if !good {
			errs = append(errs, msg.Errorf("%s: 得分「%s」不是数字", "%s: score %q is not a number", cell(scScore), raw))
			continue
		}
		s.Score = score
		if it != nil {
			pts := it.Points
			if pts == nil {
				pts = new(big.Rat)
			}
			switch {
			case score.Sign() < 0 || score.Cmp(pts) > 0:
				errs = append(errs, msg.Errorf("%s: 得分「%s」超出 0–%s", "%s: score %s is outside 0–%s", cell(scScore), raw, pts.FloatString(2)))
				ok = false
			case score.Cmp(pts) < 0 && s.Reason == "":
				errs = append(errs, msg.Errorf("%s: 得分 %s 低于分值 %s，须写明扣分理由", "%s: score %s is below the item's %s points and needs a reason", cell(scReason), raw, pts.FloatString(2)))
				ok = false
			}
		}
		if !ok {
			continue
		}
		key := [2]string{roster.NormalizeName(s.Unit), s.Item}
		if prev, dup := seen[key]; dup {
			errs = append(errs, msg.Errorf("%s: 单位「%s」的指标「%s」已在 %s 评过分", "%s: unit %q item %q is already scored at %s", cell(scScore), s.Unit, s.Item, prev))
			continue
		}
		seen[key] = s.Source
		out.Entries = append(out.Entries, s)
	}
	if len(errs) > 0 {
		return nil, msg.Join(errs...)
	}
	return out, nil
}

// Decisions returns the scores of the items that are not evaluator items as
// the district's adjustments (review decisions `adjust`, with the
// evaluator's reason, name and date); an evaluator item (isEvaluator) is
// left out: its score is the item's score, not an adjustment of one.
func (s *Scores) Decisions(isEvaluator func(item string) bool) []scoring.Decision {
	var out []scoring.Decision
	for _, e := range s.Entries {
		if isEvaluator != nil && isEvaluator(e.Item) {
			continue
		}
		reason := e.Reason
		if reason == "" {
			reason = "评估打分：满分" // full points need no reason; an adjustment does
		}
		out = append(out, scoring.Decision{Unit: e.Unit, Item: e.Item, Decision: scoring.Adjust, Score: e.Score,
			Reason: reason, By: e.By, On: e.On, Source: e.Source})
	}
	return out
}

// Evaluator returns the scores of evaluator items (isEvaluator), by unit
// and item: what the scorer gives those items (scoring.EvaluatorScores).
func (s *Scores) Evaluator(isEvaluator func(item string) bool) scoring.EvaluatorScores {
	out := scoring.EvaluatorScores{}
	for _, e := range s.Entries {
		if isEvaluator == nil || !isEvaluator(e.Item) {
			continue
		}
		if out[e.Unit] == nil {
			out[e.Unit] = map[string]scoring.EvaluatorScore{}
		}
		out[e.Unit][e.Item] = scoring.EvaluatorScore{Score: e.Score, By: e.By, On: e.On, Reason: e.Reason}
	}
	return out
}
