package rules

import (
	"time"

	"github.com/expr-lang/expr"
	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
)

// ErrNilDate is returned by a date function given an empty value.
var ErrNilDate = msg.Errorf("日期为空", "the date is empty")

// funcs are the functions rules may call, bound to the scope's calendar
// and counting unknown days as mode says (calendar.Mode). workdays, days and
// hours are the same code the deadline analysis of an explanation counts
// with (Measure.Elapsed).
func (s *Scope) funcs(mode calendar.Mode, fns functions) []expr.Option {
	def := fns.def
	elapsedFunc := func(name string) func(p ...any) (any, error) {
		return func(p ...any) (any, error) {
			a, b, err := twoTimes(name, p)
			if err != nil {
				return nil, err
			}
			return s.elapsedIn(name, a, b, mode)
		}
	}
	return []expr.Option{
		def(FuncAddWorkdays, func(p ...any) (any, error) {
			if p[0] == nil {
				return nil, msg.Errorf("%s: %w", "%s: %w", FuncAddWorkdays, ErrNilDate)
			}
			d, ok := p[0].(time.Time)
			if !ok {
				return nil, msg.Errorf("%s: 第一个参数应为日期", "%s: the first argument must be a date", FuncAddWorkdays)
			}
			n, ok := p[1].(int)
			if !ok {
				return nil, msg.Errorf("%s: 第二个参数应为整数", "%s: the second argument must be a whole number", FuncAddWorkdays)
			}
			if s.cal == nil {
				return nil, msg.Errorf("没有可用的工作日历", "no working-day calendar is available")
			}
			return s.cal.AddWorkdaysIn(d, n, mode)
		}, new(func(time.Time, int) time.Time)),
		def(FuncRequestDue, func(p ...any) (any, error) {
			if p[0] == nil {
				return nil, msg.Errorf("%s: %w", "%s: %w", FuncRequestDue, ErrNilDate)
			}
			if s.cal == nil {
				return nil, msg.Errorf("没有可用的工作日历", "no working-day calendar is available")
			}
			t := func(i int) time.Time { d, _ := p[i].(time.Time); return d }
			ext, _ := p[5].(bool)
			return s.cal.RequestDue(calendar.Request{Received: t(0), CorrectionRequested: t(1), Corrected: t(2),
				ConsultedFrom: t(3), ConsultedTo: t(4), Extended: ext, ExtensionNotified: t(6), AgreedDue: t(7)}, mode)
		}, new(func(time.Time, time.Time, time.Time, time.Time, time.Time, bool, time.Time, time.Time) time.Time)),
		def(FuncIsWorkday, func(p ...any) (any, error) {
			if p[0] == nil {
				return nil, msg.Errorf("%s: %w", "%s: %w", FuncIsWorkday, ErrNilDate)
			}
			d, ok := p[0].(time.Time)
			if !ok {
				return nil, msg.Errorf("%s: 参数应为日期", "%s: the argument must be a date", FuncIsWorkday)
			}
			if s.cal == nil {
				return nil, msg.Errorf("没有可用的工作日历", "no working-day calendar is available")
			}
			// One day: its working days from the day before.
			n, err := s.cal.WorkdaysIn(d.AddDate(0, 0, -1), d, mode)
			return n == 1, err
		}, new(func(time.Time) bool)),
		def(FuncWorkdays, elapsedFunc(FuncWorkdays), new(func(time.Time, time.Time) int)),
		def(FuncDays, elapsedFunc(FuncDays), new(func(time.Time, time.Time) int)),
		def(FuncHours, elapsedFunc(FuncHours), new(func(time.Time, time.Time) float64)),
		def(FuncDate, func(p ...any) (any, error) {
			s, _ := p[0].(string)
			t, err := time.Parse("2006-01-02", s)
			if err != nil {
				return nil, msg.Errorf("date(%q): 日期应写成 YYYY-MM-DD", "date(%q): write the date as YYYY-MM-DD", s)
			}
			return t, nil
		}, new(func(string) time.Time)),
		def(FuncNormTitle, func(p ...any) (any, error) {
			s, _ := p[0].(string)
			return NormTitle(s), nil
		}, new(func(string) string)),
		def(FuncSimilar, func(p ...any) (any, error) {
			a, _ := p[0].(string)
			b, _ := p[1].(string)
			return Similar(a, b), nil
		}, new(func(string, string) float64)),
		def(FuncMatch, func(p ...any) (any, error) {
			rows, _ := p[0].([]Row)
			if r := Match(rows, p[1], p[2]); r != nil {
				return r, nil
			}
			return nil, nil
		}, new(func([]Row, string, string) Row)),
	}
}

// elapsed is the value of workdays, days or hours (fn) from a to b: an int
// for workdays and days, a float64 for hours.
// The explanation of a failing row counts as the rule did before any gap
// was looked for: with the days the calendar has (a year a regional overlay
// lacks counts with the national days alone).
func (s *Scope) elapsed(fn string, a, b time.Time) (any, error) {
	if fn == FuncWorkdays && s.cal != nil {
		return s.cal.Workdays(a, b)
	}
	return s.elapsedIn(fn, a, b, calendar.Exact)
}

func (s *Scope) elapsedIn(fn string, a, b time.Time, mode calendar.Mode) (any, error) {
	switch fn {
	case FuncWorkdays:
		if s.cal == nil {
			return nil, msg.Errorf("没有可用的工作日历", "no working-day calendar is available")
		}
		return s.cal.WorkdaysIn(a, b, mode)
	case FuncDays:
		return Days(a, b), nil
	case FuncHours:
		return b.Sub(a).Hours(), nil
	}
	return nil, msg.Errorf("%s: 不是计算时长的函数", "%s: not a function of elapsed time", fn)
}

// Days counts calendar days from a to b by their dates, whatever their
// times of day: from 2017-05-02 18:00 to 2017-05-05 09:00 is 3 days.
func Days(a, b time.Time) int {
	da := time.Date(a.Year(), a.Month(), a.Day(), 0, 0, 0, 0, time.UTC)
	db := time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
	return int(db.Sub(da).Hours() / 24)
}

func twoTimes(name string, p []any) (time.Time, time.Time, error) {
	a, ok1 := p[0].(time.Time)
	b, ok2 := p[1].(time.Time)
	if p[0] == nil || p[1] == nil {
		return a, b, msg.Errorf("%s: %w", "%s: %w", name, ErrNilDate)
	}
	if !ok1 || !ok2 {
		return a, b, msg.Errorf("%s: 参数应为日期", "%s: the arguments must be dates", name)
	}
	return a, b, nil
}
