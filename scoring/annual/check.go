package annual

import (
	"fmt"
	"strings"
)

// Previous is what check (e) needs of last year's report on a unit.
type Previous struct {
	// Found is false when last year's report has no such unit.
	Found bool
	// Source names last year's report, for messages.
	Source string
	// CarriedForward is last year's 四、结转下年度继续办理.
	CarriedForward Counts
}

// The titles of the checks.
var (
	titleA  = newText("（a）一 + 二 = 三（七）+ 四（每一列）", "(a) 一 + 二 = 三（七） + 四 in every column")
	titleB  = newText("（b）（七）总计 =（一）+（二）+ 各具体情形之和", "(b) （七）总计 = （一） + （二） + every leaf row")
	titleC  = newText("（c）总计列 = 自然人 + 五类法人或其他组织", "(c) the 总计 column = the six applicant columns")
	titleD  = newText("（d）部分公开只计一次", "(d) a 部分公开 request is counted once")
	titleE  = newText("（e）本年二（上年结转）= 上年四（结转下年度继续办理）", "(e) this year's 二 = last year's 四")
	titleT4 = newText("（表四）各组总计 = 维持 + 纠正 + 其他 + 尚未审结", "(table 四) each group's 总计 = the sum of its results")
)

// Checks runs the checks on a report's tables and returns them in order:
//
//	(a) 一 + 二 = 三（七）+ 四, column by column (the rule printed on table 三);
//	(b) （七）总计 = （一）+（二）+ every leaf row of （三）–（六）, column by column;
//	(c) in every row, 总计 = the six applicant columns;
//	(d) a 部分公开 request is counted once: （二） equals the number of
//	    requests answered 部分公开, and （七）总计 the number of requests
//	    answered in the year, each counted once;
//	(e) with last year's report, this year's 二 equals last year's 四
//	    column by column (skipped when prev is nil or lacks the unit);
//	(t4) in table 四, each group's 总计 is the sum of its four results.
func Checks(r *Report, prev *Previous) []Check {
	t := r.Table3.Map()
	cols := func(f func(col int) (left, right int, ok bool), format func(col string, left, right int) Text) []Text {
		var ps []Text
		for col := range Columns {
			if left, right, ok := f(col); !ok {
				ps = append(ps, format(ColumnLabels()[col], left, right))
			}
		}
		return ps
	}
	var out []Check

	a := cols(func(col int) (int, int, bool) {
		l, r := t[RowNew][col]+t[RowCarriedOver][col], t[RowTotal][col]+t[RowCarriedForward][col]
		return l, r, l == r
	}, func(col string, l, r int) Text {
		return newText("%s列：一 + 二 = %d，三（七）+ 四 = %d", "column %s: 一 + 二 = %d, 三（七） + 四 = %d", col, l, r)
	})
	out = append(out, result("a", titleA, a))

	b := cols(func(col int) (int, int, bool) {
		sum := 0
		for _, l := range r.Table3.Rows {
			if l.Key != RowNew && l.Key != RowCarriedOver && l.Key != RowTotal && l.Key != RowCarriedForward {
				sum += l.Counts[col]
			}
		}
		return t[RowTotal][col], sum, t[RowTotal][col] == sum
	}, func(col string, total, sum int) Text {
		return newText("%s列：（七）总计 = %d，各项之和 = %d", "column %s: （七）总计 = %d, the rows above add up to %d", col, total, sum)
	})
	out = append(out, result("b", titleB, b))

	var c []Text
	for _, l := range r.Table3.Rows {
		sum := 0
		for col := range Total {
			sum += l.Counts[col]
		}
		if sum != l.Counts[Total] {
			c = append(c, newText("%s：总计 = %d，六类申请人之和 = %d", "%s: 总计 = %d, the applicant columns add up to %d", l.Label, l.Counts[Total], sum))
		}
	}
	out = append(out, result("c", titleC, c))

	d := cols(func(col int) (int, int, bool) {
		return t[RowPartial][col], r.Partial[col], t[RowPartial][col] == r.Partial[col]
	}, func(col string, row, n int) Text {
		return newText("%s列：（二）部分公开 = %d，部分公开的申请 %d 件", "column %s: （二）部分公开 = %d, %d requests answered 部分公开", col, row, n)
	})
	d = append(d, cols(func(col int) (int, int, bool) {
		return t[RowTotal][col], r.Answered[col], t[RowTotal][col] == r.Answered[col]
	}, func(col string, row, n int) Text {
		return newText("%s列：（七）总计 = %d，本年办结的申请 %d 件（有申请被重复计数或漏计）",
			"column %s: （七）总计 = %d, %d requests answered in the year (a request is counted twice or not at all)", col, row, n)
	})...)
	out = append(out, result("d", titleD, d))

	switch {
	case prev == nil:
		out = append(out, Check{ID: "e", Title: titleE, Status: Skip, Problems: []Text{newText("未指定上年报告（--previous）", "no previous report given (--previous)")}})
	case !prev.Found:
		out = append(out, Check{ID: "e", Title: titleE, Status: Skip, Problems: []Text{newText("上年报告 %s 中没有本单位", "the previous report %s has no such unit", prev.Source)}})
	default:
		e := cols(func(col int) (int, int, bool) {
			return t[RowCarriedOver][col], prev.CarriedForward[col], t[RowCarriedOver][col] == prev.CarriedForward[col]
		}, func(col string, now, then int) Text {
			return newText("%s列：本年上年结转 %d 件，上年结转下年度 %d 件", "column %s: %d carried over this year, %d carried forward last year", col, now, then)
		})
		out = append(out, result("e", titleE, e))
	}

	var t4 []Text
	names := [3]string{ReviewHeading, LitigationHeading + "（" + DirectHeading + "）", LitigationHeading + "（" + AfterReviewHeading + "）"}
	for i, g := range r.Table4.Groups() {
		if sum := g.Upheld + g.Corrected + g.Other + g.Pending; sum != g.Total {
			t4 = append(t4, newText("%s：总计 = %d，各结果之和 = %d", "%s: 总计 = %d, the results add up to %d", names[i], g.Total, sum))
		}
	}
	out = append(out, result("t4", titleT4, t4))
	return out
}

func result(id string, title Text, problems []Text) Check {
	c := Check{ID: id, Title: title, Status: Pass, Problems: problems}
	if len(problems) > 0 {
		c.Status = Fail
	}
	return c
}

// Failed reports whether any check of the report failed.
func (r *Report) Failed() bool {
	for _, c := range r.Checks {
		if c.Status == Fail {
			return true
		}
	}
	return false
}

// Summary is a one-line account of the checks: 「6 项通过，1 项未通过（b）」.
func Summary(cs []Check) Text {
	var pass, skip int
	var failed []string
	for _, c := range cs {
		switch c.Status {
		case Pass:
			pass++
		case Skip:
			skip++
		case Fail:
			failed = append(failed, c.ID)
		}
	}
	zh := fmt.Sprintf("%d 项通过", pass)
	en := fmt.Sprintf("%d passed", pass)
	if len(failed) > 0 {
		zh += fmt.Sprintf("，%d 项未通过（%s）", len(failed), strings.Join(failed, "、"))
		en += fmt.Sprintf(", %d failed (%s)", len(failed), strings.Join(failed, ", "))
	}
	if skip > 0 {
		zh += fmt.Sprintf("，%d 项未检查", skip)
		en += fmt.Sprintf(", %d skipped", skip)
	}
	return Text{Zh: zh, En: en}
}
