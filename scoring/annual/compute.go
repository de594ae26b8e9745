package annual

import (
	"slices"
	"strings"
	"time"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/calendar"
)

// Options are what Compute needs besides the unit.
type Options struct {
	// Year is the report year.
	Year int
	// Layout is the table layout; "" means LayoutFor(Year).
	Layout Layout
	// Calendar counts working days for the late-answer rule; nil leaves the
	// rule out (one finding says so).
	Calendar *calendar.Calendar
}

// Regulations2019 returns the day the 2019 Regulations took effect: requests
// received before it have the 2007 time limits.
func Regulations2019() time.Time { return calendar.Regulations2019() }

// Limit returns the answer time limit in working days of a request received
// on received: 20 (2019 Regulations, Art. 33), 15 before 2019-05-15 (2007
// Regulations, Art. 24); doubled when the extension was approved.
func Limit(received time.Time, extended bool) int {
	n := 20
	if received.Before(Regulations2019()) {
		n = 15
	}
	if extended {
		n *= 2
	}
	return n
}

// The registers and form the report reads.
const (
	requestsTable   = "requests"
	reviewsTable    = "reviews"
	disclosureTable = "disclosure"
	documentsTable  = "documents"
)

// Compute fills one unit's tables from its registers:
//
// Table 三 counts the requests register. A request received in the year is
// 一 (new); one received before 1 January and not answered before it is 二
// (carried over). A request answered in the year (答复日期 in it) is counted
// once under 三 by its 答复结果 — 部分公开 under （二） only, whatever its
// 具体情形; 不予公开, 无法提供, 不予处理 and 其他处理 in the leaf row its 具体情形
// names — and in （七）总计. A request received by 31 December and not
// answered by then is 四 (carried forward). Each is counted in its 申请人类型
// column and in 总计. A request that cannot be placed (no 申请人类型, no or a
// contradictory 具体情形, no 答复结果) is still counted in the totals it
// belongs to, is listed as a finding, and makes the matching check fail.
//
// Table 四 counts the reviews register: cases received in the year, and
// earlier cases decided in the year or still pending; a case not decided
// by 31 December counts as 尚未审结. Table 二 is the 主动公开情况 form as filled
// in.
//
// The late-answer rule lists every request of the year (一 and 二) answered
// more than Limit working days after receipt (counted with the calendar,
// the day of receipt not counted), and every request unanswered on 31
// December whose limit ended by then.
func Compute(u *audit.Unit, opts Options) *Report {
	l := opts.Layout
	if l == "" {
		l = LayoutFor(opts.Year)
	}
	c := &computer{
		l:     l,
		cal:   opts.Calendar,
		start: time.Date(opts.Year, 1, 1, 0, 0, 0, 0, time.UTC),
		end:   time.Date(opts.Year, 12, 31, 0, 0, 0, 0, time.UTC),
		r: &Report{Name: u.Name, Type: u.Type, Source: u.Source, Table2: map[string]float64{}, Table3: NewTable3(l),
			Checks: []Check{}, Late: []Late{}, Findings: []Finding{}},
		calErr: map[string]bool{},
	}
	for _, is := range u.Issues {
		if is.Kind == audit.DataError && (is.Table == requestsTable || is.Table == reviewsTable || is.Table == disclosureTable) {
			c.find(CodeDataError, is.Pos, Text{Zh: is.Text.Zh, En: is.Text.En})
		}
	}
	c.requests(u)
	c.reviews(u)
	c.disclosure(u)
	c.documents(u)
	return c.r
}

type computer struct {
	l          Layout
	cal        *calendar.Calendar
	start, end time.Time
	r          *Report
	calErr     map[string]bool
}

func (c *computer) find(code string, pos audit.Pos, t Text) {
	c.r.Findings = append(c.r.Findings, Finding{Code: code, Pos: pos, Text: t})
}

func date(row *audit.Row, field string) (time.Time, bool) {
	t, ok := row.Values[field].(time.Time)
	if !ok {
		return time.Time{}, false
	}
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
}

func str(row *audit.Row, field string) string {
	s, _ := row.Values[field].(string)
	return strings.TrimSpace(s)
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// absent says why a field has no value: not filled in, or unreadable (the
// reader has reported the cell as a data error).
func absent(row *audit.Row, field string) (zh, en string) {
	if slices.Contains(row.Bad, field) {
		return "无法识别（见数据错误）", "unreadable (see the data error)"
	}
	return "未填写", "not filled in"
}

func (c *computer) requests(u *audit.Unit) {
	t := u.Tables[requestsTable]
	if t == nil {
		c.find(CodeNoRegister, audit.Pos{File: u.Source}, newText("未找到依申请公开台账，表三各项按 0 件填写",
			"no requests register; table 三 is all zeros"))
		return
	}
	t3 := &c.r.Table3
	for _, row := range t.Rows {
		recv, ok := date(row, "received_on")
		if !ok && row.Values["received_on"] == nil && !slices.Contains(row.Bad, "received_on") {
			recv, ok = date(row, "applied_on") // 申请日期 stands in (第三十一条)
		}
		if !ok {
			c.find(CodeReceivedMissing, t.Pos(row, "received_on"), newText("收到日期未填写或无法识别，此申请未统计",
				"no readable date of receipt; the request is not counted"))
			continue
		}
		if recv.After(c.end) {
			continue // a request of a later year
		}
		rep, replied := date(row, "replied_on")
		if replied && rep.Before(recv) {
			c.find(CodeRepliedBefore, t.Pos(row, "replied_on"), newText("答复日期 %s 早于收到日期 %s",
				"replied on %s, before the date of receipt %s", day(rep), day(recv)))
		}
		if replied && rep.Before(c.start) {
			continue // answered in an earlier year
		}
		col := slices.Index(ColumnLabels()[:Total], str(row, "applicant_type"))
		if col < 0 {
			zh, en := absent(row, "applicant_type")
			c.find(CodeApplicantMissing, t.Pos(row, "applicant_type"), bothText("申请人类型%s，此申请只计入总计列", []any{zh},
				"applicant type %s; the request counts in the 总计 column only", []any{en}))
		}
		if recv.Before(c.start) {
			t3.add(RowCarriedOver, col)
		} else {
			t3.add(RowNew, col)
		}
		outcome := str(row, "outcome")
		answered := replied && !rep.After(c.end)
		if !answered {
			t3.add(RowCarriedForward, col)
			if !replied && outcome != "" {
				c.find(CodeOutcomeWithoutReply, t.Pos(row, "replied_on"), newText(
					"已填写答复结果「%s」但未填写答复日期，按结转下年度统计", "outcome %s but no reply date; counted as carried forward", outcome))
			}
			c.late(t, row, recv, time.Time{}, false)
			continue
		}
		c.r.Answered.add(col)
		t3.add(RowTotal, col)
		c.late(t, row, recv, rep, true)
		if key, ok := c.outcomeRow(t, row, outcome); ok {
			t3.add(key, col)
			if key == RowPartial {
				c.r.Partial.add(col)
			}
		}
	}
}

// outcomeRow returns the row of table 三 an answered request counts in
// besides （七）总计; ok is false (with a finding) when there is none.
func (c *computer) outcomeRow(t *audit.Table, row *audit.Row, outcome string) (string, bool) {
	detail := str(row, "detail")
	switch outcome {
	case "":
		zh, en := absent(row, "outcome")
		c.find(CodeOutcomeMissing, t.Pos(row, "outcome"), bothText("已答复但答复结果%s，只计入（七）总计", []any{zh},
			"answered, but the outcome is %s; counted in （七）总计 only", []any{en}))
		return "", false
	case Granted:
		if g, _, ok := leafOf(detail); ok && g.Outcome == Withheld {
			c.find(CodeDetailUnexpected, t.Pos(row, "detail"), newText("答复结果为予以公开，具体情形却是「%s」；按予以公开统计",
				"outcome 予以公开 with detail %s; counted as 予以公开", detail))
		}
		return RowGranted, true
	case Partial:
		return RowPartial, true
	}
	g, ok := groupOf(outcome)
	if !ok {
		c.find(CodeOutcomeMissing, t.Pos(row, "outcome"), newText("无法识别的答复结果「%s」，只计入（七）总计",
			"unknown outcome %s; counted in （七）总计 only", outcome))
		return "", false
	}
	if g.Key == "other" && c.l == Trial2019 {
		return RowOther, true
	}
	lg, key, ok := leafOf(detail)
	switch {
	case detail == "":
		zh, en := absent(row, "detail")
		c.find(CodeDetailMissing, t.Pos(row, "detail"), bothText("答复结果为%s，具体情形%s，无法计入%s下的具体行（只计入（七）总计）", []any{outcome, zh, g.Label},
			"outcome %s, detail %s: it cannot be placed in a leaf row under %s (counted in （七）总计 only)", []any{outcome, en, g.Label}))
		return "", false
	case !ok || lg.Key != g.Key:
		c.find(CodeDetailContradicts, t.Pos(row, "detail"), newText("答复结果为%s，具体情形「%s」不属于%s，无法计入具体行（只计入（七）总计）",
			"outcome %s with detail %s, which is not under %s (counted in （七）总计 only)", outcome, detail, g.Label))
		return "", false
	}
	return key, true
}

// late lists a request answered after its limit, or unanswered at the end
// of the year when its limit has run out by then (the deadline day itself
// included: the reply was due by the end of it).
func (c *computer) late(t *audit.Table, row *audit.Row, recv, rep time.Time, answered bool) {
	if c.cal == nil {
		if !c.calErr[""] {
			c.calErr[""] = true
			c.find(CodeCalendar, audit.Pos{}, newText("没有工作日历，未检查答复期限", "no working-day calendar; time limits were not checked"))
		}
		return
	}
	ext, _ := row.Values["extended"].(bool)
	limit := Limit(recv, ext)
	to := c.end
	if answered {
		to = rep
		if rep.Before(recv) {
			return
		}
	}
	opt := func(f string) time.Time { d, _ := date(row, f); return d }
	req := calendar.Request{Received: recv, CorrectionRequested: opt("correction_requested_on"), Corrected: opt("corrected_on"),
		ConsultedFrom: opt("consulted_from"), ConsultedTo: opt("consulted_to"), Extended: ext,
		ExtensionNotified: opt("extension_notified_on"), AgreedDue: opt("agreed_due")}
	// The same deadline the checklists' request_due computes; a deadline
	// that depends on a year the calendar lacks is decided only when both
	// readings of the unknown days agree, and otherwise left out, said once.
	isLate := func(mode calendar.Mode) (bool, time.Time, error) {
		due, err := c.cal.RequestDue(req, mode)
		if err != nil {
			return false, due, err
		}
		if answered {
			return rep.After(due), due, nil
		}
		return !due.After(c.end), due, nil
	}
	late, due, err := isLate(calendar.Exact)
	if _, _, gap := calendar.Gap(err); gap {
		strict, d, errS := isLate(calendar.Strictest)
		mild, _, errM := isLate(calendar.Mildest)
		if errS == nil && errM == nil && strict == mild {
			late, due, err = strict, d, nil
		}
	}
	if err != nil {
		if !c.calErr[err.Error()] {
			c.calErr[err.Error()] = true
			c.find(CodeCalendar, t.Pos(row, ""), newText("无法计算工作日：%s；有关申请的答复期限未检查（待定）",
				"cannot count working days: %s; the time limits of such requests were not checked (undecided)", err.Error()))
		}
		return
	}
	if !late {
		return
	}
	wd, err := c.cal.WorkdaysIn(recv, to, calendar.Strictest)
	if err != nil {
		wd = 0
	}
	lt := Late{Pos: t.Pos(row, ""), Subject: str(row, "subject"), ReceivedOn: day(recv), Extended: ext, Workdays: wd, Limit: limit, Due: day(due)}
	if answered {
		lt.RepliedOn = day(rep)
	}
	c.r.Late = append(c.r.Late, lt)
}

func (c *computer) reviews(u *audit.Unit) {
	t := u.Tables[reviewsTable]
	if t == nil {
		c.find(CodeNoRegister, audit.Pos{File: u.Source}, newText("未找到行政复议诉讼表，表四各项按 0 件填写",
			"no reviews register; table 四 is all zeros"))
		return
	}
	for _, row := range t.Rows {
		recv, ok := date(row, "received_on")
		if !ok {
			c.find(CodeReceivedMissing, t.Pos(row, "received_on"), newText("收到日期未填写或无法识别，此案件未统计",
				"no readable date of receipt; the case is not counted"))
			continue
		}
		if recv.After(c.end) {
			continue
		}
		dec, decided := date(row, "decided_on")
		result := str(row, "result")
		if recv.Before(c.start) {
			if decided && dec.Before(c.start) {
				continue // concluded in an earlier year
			}
			if !decided && result != "" && result != Pending {
				c.find(CodeCaseUndated, t.Pos(row, "decided_on"), newText("以前年度收到的案件结果为「%s」，但未填写审结日期，无法判断是否在本年度审结，未统计",
					"a case of an earlier year with result %s but no date of decision; whether it ended this year is unknown, so it is not counted", result))
				continue
			}
		}
		status := result
		switch {
		case decided && dec.After(c.end), !decided && (result == "" || result == Pending):
			status = Pending
		case decided && result == Pending:
			c.find(CodeCaseContradicts, t.Pos(row, "result"), newText("已填写审结日期 %s，结果却为尚未审结；按尚未审结统计",
				"decided on %s but the result says 尚未审结; counted as pending", day(dec)))
		case result == "":
			c.find(CodeCaseResultMissing, t.Pos(row, "result"), newText("案件已审结（%s）但未填写结果，只计入总计",
				"the case was decided (%s) without a result; counted in 总计 only", day(dec)))
		}
		var g *Results
		switch kind := str(row, "kind"); kind {
		case "行政复议":
			g = &c.r.Table4.Review
		case "行政诉讼":
			switch path := str(row, "path"); path {
			case DirectHeading:
				g = &c.r.Table4.Direct
			case AfterReviewHeading:
				g = &c.r.Table4.AfterReview
			default:
				c.find(CodeCasePathMissing, t.Pos(row, "path"), newText("行政诉讼案件未填写起诉方式（未经复议直接起诉 或 复议后起诉），未统计",
					"a lawsuit without its path (未经复议直接起诉 or 复议后起诉); not counted"))
				continue
			}
		default:
			c.find(CodeCaseKindMissing, t.Pos(row, "kind"), newText("未填写案件类型（行政复议 或 行政诉讼），未统计",
				"no case type (行政复议 or 行政诉讼); not counted"))
			continue
		}
		switch status {
		case Upheld:
			g.Upheld++
		case Corrected:
			g.Corrected++
		case OtherEnd:
			g.Other++
		case Pending:
			g.Pending++
		}
		g.Total++
	}
}

func (c *computer) disclosure(u *audit.Unit) {
	t := u.Tables[disclosureTable]
	if t != nil {
		for _, row := range t.Rows {
			for k, v := range row.Values {
				if _, dup := c.r.Table2[k]; dup {
					continue
				}
				switch v := v.(type) {
				case int:
					c.r.Table2[k] = float64(v)
				case float64:
					c.r.Table2[k] = v
				}
			}
		}
	}
	var missing []string
	for _, s := range c.l.Table2() {
		for _, r := range s.Rows {
			for i, f := range r.Fields {
				if _, ok := c.r.Table2[f]; !ok {
					missing = append(missing, r.Label+s.Heads[i])
				}
			}
		}
	}
	switch {
	case t == nil:
		c.find(CodeDisclosureMissing, audit.Pos{File: u.Source}, newText("未找到主动公开情况表，表二需手工填写",
			"no 主动公开情况 form; table 二 must be filled in by hand"))
	case len(missing) > 0:
		c.find(CodeDisclosureMissing, audit.Pos{File: t.File, Sheet: t.Sheet}, newText("主动公开情况表未填写：%s；表二相应单元格留空",
			"the 主动公开情况 form lacks: %s; those cells of table 二 are left blank", strings.Join(missing, "、")))
	}
}

func (c *computer) documents(u *audit.Unit) {
	t := u.Tables[documentsTable]
	if t == nil {
		return
	}
	d := &DocumentCounts{ByAttribute: map[string]int{}}
	for _, row := range t.Rows {
		issued, ok := date(row, "issued_on")
		if !ok || issued.Year() != c.start.Year() {
			continue
		}
		d.Issued++
		d.ByAttribute[str(row, "attribute")]++
	}
	c.r.Documents = d
}
