package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// TableOptions controls the console table.
type TableOptions struct {
	Lang msg.Lang
	// Detail prints every unit's items and findings, not only the ranking;
	// the default for a single unit.
	Detail bool
}

// NewTable is a console table with header as zwgk prints every table: wide
// characters counted as the terminal shows them, headers as given, the
// whole no wider than ConsoleWidth (the widest columns folded onto more
// lines). The yearly report's console table uses it too.
func NewTable(w io.Writer, header []string) *ConsoleTable {
	return &ConsoleTable{w: w, header: header, width: ConsoleWidth}
}

// Table prints the ranking and, for a single unit (or with Detail), its
// items and findings.
func Table(w io.Writer, res *scoring.Result, opts TableOptions) error {
	l := opts.Lang
	printf(w, "%s（%s）  %s\n", res.Checklist.Title, res.Checklist.ID, res.YearNote(l))
	t := NewTable(w, []string{
		msg.Pick(l, "排名", "Rank"), msg.Pick(l, "单位", "Unit"), msg.Pick(l, "类型", "Type"), msg.Pick(l, "得分", "Score"),
		msg.Pick(l, "等级", "Grade"), msg.Pick(l, "效能分", "Perf."), msg.Pick(l, "自评分", "Self"),
		msg.Pick(l, "应公开未公开", "Never published"), msg.Pick(l, "公开\n不及时", "Late"), msg.Pick(l, "问题数", "Findings"), msg.Pick(l, "状态", "Status"),
	})
	for _, u := range res.Units {
		if u.Status == scoring.StatusError {
			continue // not ranked: listed with its reason below
		}
		self := "-"
		if u.SelfScore != nil {
			self = fmtScore(*u.SelfScore)
		}
		status := StatusLabel(u, l)
		if u.Vetoed {
			status = msg.Pick(l, "一票否决", "vetoed")
			if u.NeedsCorrection {
				status += msg.Pick(l, "，需补正", ", needs correction")
			}
		}
		_, all := u.FindingCounts()
		never, late := u.PublicationCounts()
		if err := t.Append(escaped(strconv.Itoa(u.Rank), u.Name, u.Type, fmtScore(u.Score), u.Grade,
			fmtScore(u.PerformancePoints), self, strconv.Itoa(never), strconv.Itoa(late), strconv.Itoa(all), status)); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	if len(res.Errors) > 0 {
		fmt.Fprintln(w, msg.Pick(l, "无法读取的报送材料（不排名、不评定等级）：", "Submissions that could not be read (not ranked or graded):"))
		for _, e := range res.Errors {
			printf(w, "  %s: %s\n", e.File, e.MessageIn(l))
		}
	}
	missingColumns(w, res, l)
	if err := deferredLists(w, res, l); err != nil {
		return err
	}
	for _, warn := range res.WarningsIn(l) {
		printf(w, "%s%s\n", msg.Pick(l, "提示：", "warning: "), warn)
	}
	for _, d := range res.Decisions {
		if !d.Applied {
			printf(w, "%s%s\n", msg.Pick(l, "提示：", "warning: "), d.MessageIn(l))
		}
	}
	if !opts.Detail && len(res.Units) != 1 {
		return nil
	}
	for _, u := range res.Units {
		if u.Status != scoring.StatusOK && u.Status != scoring.StatusPending {
			continue
		}
		if err := unitDetail(w, u, l); err != nil {
			return err
		}
	}
	return nil
}

func unitDetail(w io.Writer, u *scoring.UnitResult, l msg.Lang) error {
	printf(w, "\n%s  %s %s  %s %s\n", u.Name, msg.Pick(l, "得分", "score"), fmtScore(u.Score), msg.Pick(l, "等级", "grade"), u.Grade)
	for _, warn := range u.WarningsIn(l) {
		printf(w, "%s%s\n", msg.Pick(l, "提示：", "warning: "), warn)
	}
	t := NewTable(w, []string{
		msg.Pick(l, "编号", "Item"), msg.Pick(l, "指标", "Title"), msg.Pick(l, "方法", "Method"), msg.Pick(l, "分值", "Points"),
		msg.Pick(l, "适用", "Appl."), msg.Pick(l, "不符合", "Failed"), msg.Pick(l, "自评", "Self"), msg.Pick(l, "得分", "Score"),
	})
	for _, it := range u.Items {
		self := "-"
		if it.SelfScore != nil {
			self = fmtScore(*it.SelfScore)
		}
		appl := strconv.Itoa(it.Applicable)
		if it.NA {
			appl = msg.Pick(l, "不适用", "n/a")
		}
		if len(it.MissingColumns) > 0 {
			appl = msg.Pick(l, "缺列", "no column")
		}
		if it.Pending {
			appl = msg.Pick(l, "待评分", "pending")
		}
		if err := t.Append(escaped(it.ID, it.Title, MethodLabel(it.Method, l), fmtScore(it.Points), appl,
			strconv.Itoa(it.Failed), self, fmtScore(it.Score))); err != nil {
			return err
		}
		if note := itemV2Note(&it, l); note != "" {
			if err := t.Append(escaped("", "└ "+note, "", "", "", "", "", "")); err != nil {
				return err
			}
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	for _, n := range unitV2Notes(u, l) {
		printf(w, "%s\n", n)
	}
	fs, err := u.FindingList()
	if err != nil || len(fs) == 0 {
		return err
	}
	ft := NewTable(w, []string{
		msg.Pick(l, "指标", "Item"), msg.Pick(l, "问题", "Kind"), msg.Pick(l, "位置", "Where"), msg.Pick(l, "文号", "Doc no."),
		msg.Pick(l, "说明", "Message"),
	})
	for _, f := range fs {
		where := Where(f.Sheet, f.Col, f.Row, l)
		kind := KindLabel(f.Kind, l)
		if f.Public {
			kind += msg.Pick(l, "（应公开未公开）", " (should be public)")
		}
		if f.Review != nil {
			kind += msg.Pick(l, "［", " [") + ReviewLabel(f.Review.Decision, l) + msg.Pick(l, "］", "]")
		}
		item := f.Item
		if f.Rule != "" {
			item = f.Rule // the rule of a pool (v2)
		}
		if err := ft.Append(escaped(item, kind, where, f.DocNo, f.MessageIn(l))); err != nil {
			return err
		}
	}
	return ft.Render()
}

// deferredLists prints the 即将到期 list (rows not yet due on as_of) and
// the 待定 list (rows the calendar cannot decide): neither is deducted. A
// unit's rows are read back once; its 待定 lines wait for the second list.
func deferredLists(w io.Writer, res *scoring.Result, l msg.Lang) error {
	line := func(u *scoring.UnitResult, d scoring.DeferredResult) string {
		return fmt.Sprintf("  %s: %s %s%s%s\n", unitName(u), d.Item, Where(d.Sheet, "", d.Row, l), docNo(d.DocNo, l), d.MessageIn(l))
	}
	var undecided []string
	headed := false
	for _, u := range res.Units {
		if up, pend := u.DeferredCounts(); up+pend == 0 {
			continue
		}
		upcoming, pending, err := u.Deferred()
		if err != nil {
			return err
		}
		for _, d := range upcoming {
			if !headed {
				fmt.Fprintln(w, msg.Pick(l, "即将到期（期限未到，不扣分；到期前仍须办结）：", "Coming due (deadline not yet passed, not deducted; still to be done before it):"))
				headed = true
			}
			printf(w, "%s", line(u, d))
		}
		for _, d := range pending {
			undecided = append(undecided, line(u, d))
		}
	}
	if len(undecided) > 0 {
		fmt.Fprintln(w, msg.Pick(l, "待定（取决于工作日历缺少的年份，不扣分）：", "Undecided (depends on a year the working-day calendar lacks; not deducted):"))
		for _, s := range undecided {
			printf(w, "%s", s)
		}
	}
	return nil
}

func docNo(s string, l msg.Lang) string {
	if s == "" {
		return " "
	}
	return msg.Pick(l, "（", " (") + s + msg.Pick(l, "） ", ") ")
}

// missingColumns lists the units that need correction: each column a
// register lacks, the items it leaves unassessed, and the unknown headers
// that might be it.
func missingColumns(w io.Writer, res *scoring.Result, l msg.Lang) {
	head := false
	for _, u := range res.Units {
		for _, m := range u.MissingColumns {
			if !head {
				fmt.Fprintln(w, msg.Pick(l, "需补正（台账缺列，相关指标按0分计）：", "Needs correction (a register lacks a column; the items that need it score 0):"))
				head = true
			}
			printf(w, msg.Pick(l, "  %s: %s缺少「%s」列（指标 %s）", "  %s: %s has no column 「%s」 (items %s)"),
				unitName(u), m.Sheet, m.Header, strings.Join(m.Items, msg.Pick(l, "、", ", ")))
			if len(m.Guesses) > 0 {
				printf(w, msg.Pick(l, "；「%s」可能是「%s」", "; 「%s」 may be 「%s」"), strings.Join(m.Guesses, "」「"), m.Header)
			} else if len(m.Unknown) > 0 {
				printf(w, msg.Pick(l, "；本表未识别的列：「%s」", "; unknown columns of the sheet: 「%s」"), strings.Join(m.Unknown, "」「"))
			}
			fmt.Fprintln(w)
		}
	}
}

// MethodLabel names a scoring method for a clerk.
func MethodLabel(m string, l msg.Lang) string { return method(m).Label.In(l) }

// method is the properties of the method a result names.
func method(m string) checklists.MethodInfo { return checklists.Method(m).Info() }

// KindLabel names a finding's kind for a clerk: the kinds zwgk itself
// gives in lang; an item's own label (from the checklist) as it is.
func KindLabel(kind string, l msg.Lang) string {
	switch kind {
	case audit.KindDataError:
		return msg.Pick(l, kind, "data error")
	case audit.KindNoSelf:
		return msg.Pick(l, kind, "no self-score")
	case audit.KindRuleError:
		return msg.Pick(l, kind, "rule error")
	case audit.KindMissingColumn:
		return msg.Pick(l, kind, "missing column")
	case audit.KindUpcoming:
		return msg.Pick(l, kind, "not yet due")
	case audit.KindPending:
		return msg.Pick(l, kind, "undecided")
	}
	return kind
}

// ReviewLabel names a review decision for a clerk.
func ReviewLabel(d string, l msg.Lang) string {
	switch d {
	case scoring.Confirm:
		return msg.Pick(l, "已确认", "confirmed")
	case scoring.Dismiss:
		return msg.Pick(l, "已排除", "dismissed")
	case scoring.Adjust:
		return msg.Pick(l, "已调整", "adjusted")
	}
	return d
}

// printf prints a line of text made from data (names, files, messages) with
// its control characters shown escaped (msg.Escape).
func printf(w io.Writer, format string, args ...any) {
	fmt.Fprint(w, msg.Escape(fmt.Sprintf(format, args...)))
}

// escaped is a table row with every cell's control characters shown escaped.
func escaped(cells ...string) []string {
	for i, c := range cells {
		cells[i] = msg.Escape(c)
	}
	return cells
}
