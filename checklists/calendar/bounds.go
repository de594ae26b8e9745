package calendar

import (
	"errors"
	"slices"
	"time"

	"github.com/zwgk/zwgk/checklists/msg"
)

// Mode says how a count treats the days the calendar does not know: the
// years it does not cover, and the years a regional overlay lacks.
type Mode int

// The modes of counting.
const (
	// Exact counts only with known days: a year the calendar does not cover
	// is a *YearError, and (in WorkdaysIn and AddWorkdaysIn) a year a
	// regional overlay lacks is an *OverlayError.
	Exact Mode = iota
	// Strictest reads unknown days the way that makes a deadline earliest:
	// every day of an uncovered year is a working day, and a missing
	// overlay year adds no days off. A row that meets its deadline counted
	// so meets it whatever the missing notice says.
	Strictest
	// Mildest reads unknown days the way that makes a deadline latest: no
	// day of an uncovered year is a working day, and a missing overlay year
	// takes as many working days off as the overlay ever took in a year it
	// has (OverlaySlack). A row late counted so is late whatever the
	// missing notice says.
	Mildest
)

// OverlayError reports a count across a year a regional overlay lacks: the
// region's own days off (such as 开斋节, 古尔邦节) of that year are unknown.
type OverlayError struct {
	Name string // the overlay, e.g. cn-nx
	Year int
}

// Error says, in Chinese, which overlay year is missing and how to add it.
func (e *OverlayError) Error() string { return e.In(msg.ZH) }

// In says which overlay year is missing and how to add it, in lang.
func (e *OverlayError) In(lang msg.Lang) string {
	return msg.New("地方工作日历%s未包含%d年的放假安排，请用 zwgk calendar import 导入该年的地方通知，再以 --calendar 文件载入",
		"the regional calendar %s has no holidays for %d; import that year's regional notice with zwgk calendar import and load it with --calendar FILE",
		e.Name, e.Year).In(lang)
}

// Gap reports whether err is a gap in the calendar's data (*YearError or
// *OverlayError) rather than a mistake in the row or the rule, and returns
// the missing year and, for an overlay, its name.
func Gap(err error) (year int, overlay string, ok bool) {
	if err == nil {
		return 0, "", false // most rows: errors.As would still cost an allocation and a reflection
	}
	var ye *YearError
	if errors.As(err, &ye) {
		return ye.Year, "", true
	}
	var oe *OverlayError
	if errors.As(err, &oe) {
		return oe.Year, oe.Name, true
	}
	return 0, "", false
}

// maxAddWorkdays bounds n in AddWorkdaysIn: ten years of working days.
const maxAddWorkdays = 2500

// covers reports whether the calendar covers year y.
func (c *Calendar) covers(y int) bool {
	_, missing := c.uncovered(y, y)
	return !missing
}

// OverlaySlack is the most working days any regional overlay took off in a
// year it has (net of its make-up working days): what a missing year of it
// may take off at most, as Mildest counts.
func (c *Calendar) OverlaySlack() int { return c.slack }

// overlayGap returns the first overlay missing a year from lo to hi.
func (c *Calendar) overlayGap(lo, hi int) (*OverlayError, bool) {
	for y := lo; y <= hi; y++ {
		if names := c.MissingOverlay(y); len(names) > 0 {
			return &OverlayError{Name: names[0], Year: y}, true
		}
	}
	return nil, false
}

// WorkdaysIn counts like Workdays, reading unknown days as mode says.
func (c *Calendar) WorkdaysIn(a, b time.Time, mode Mode) (int, error) {
	if mode == Exact {
		n, err := c.Workdays(a, b)
		if err != nil {
			return n, err
		}
		lo, hi := a.Year(), b.Year()
		if lo > hi {
			lo, hi = hi, lo
		}
		if e, gap := c.overlayGap(lo, hi); gap {
			return 0, e
		}
		return n, nil
	}
	za, zb := dayOf(a), dayOf(b)
	sign := 1
	if zb < za {
		za, zb, sign = zb, za, -1
	}
	n := 0
	missing := map[int]bool{} // overlay-missing years touched
	for z := za + 1; z <= zb; {
		y, _, _ := civilFromDays(z)
		end := min(zb, daysFromCivil(y, 12, 31))
		if c.covers(y) {
			n += int(c.cum[end-c.base] - c.cum[z-1-c.base])
			if len(c.MissingOverlay(y)) > 0 {
				missing[y] = true
			}
		} else if mode == Strictest {
			n += end - z + 1
		}
		z = end + 1
	}
	if mode == Mildest {
		n = max(0, n-c.slack*len(missing))
	}
	return sign * n, nil
}

// AddWorkdays returns the date n working days after d (d not counted: the
// n-th working day counting from the next day), as Workdays counts; n ≥ 0.
func (c *Calendar) AddWorkdays(d time.Time, n int) (time.Time, error) {
	return c.AddWorkdaysIn(d, n, Exact)
}

// AddWorkdaysIn is AddWorkdays reading unknown days as mode says. Counted
// Mildest across years the calendar never covers again, the deadline is
// never reached: the result is 9999-12-31.
func (c *Calendar) AddWorkdaysIn(d time.Time, n int, mode Mode) (time.Time, error) {
	if n < 0 || n > maxAddWorkdays {
		return time.Time{}, msg.Errorf("工作日数%d超出范围（0–%d）", "%d working days is out of range (0–%d)", n, maxAddWorkdays)
	}
	z := dayOf(d)
	if t, ok := c.addKnown(z, n); ok {
		return t, nil
	}
	return c.addByDay(z, n, mode)
}

// addByDay is AddWorkdaysIn counting day by day from day z, looking each
// year up as the count enters it: what addKnown shortcuts when every day is
// known, and what decides when one is not.
func (c *Calendar) addByDay(z, n int, mode Mode) (time.Time, error) {
	left := n
	curYear, covered, missing := 0, false, false // the year of z, looked up once per year
	for left > 0 {
		z++
		if y, _, _ := civilFromDays(z); y != curYear {
			curYear, covered = y, c.covers(y)
			names := c.MissingOverlay(y)
			missing = covered && len(names) > 0
			switch {
			case missing && mode == Exact:
				return time.Time{}, &OverlayError{Name: names[0], Year: y}
			case missing && mode == Mildest:
				left += c.slack
			case !covered && mode == Exact:
				return time.Time{}, &YearError{Year: y}
			case !covered && mode == Mildest && y > c.last:
				// No working day until the calendar covers a year again: never.
				return time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC), nil
			}
		}
		switch {
		case covered:
			i := z - c.base
			w := c.cum[i]
			if i > 0 {
				w -= c.cum[i-1]
			}
			if w == 1 {
				left--
			}
		case mode == Strictest:
			left--
		}
	}
	yy, mm, dd := civilFromDays(z)
	return time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, time.UTC), nil
}

// addKnown is AddWorkdaysIn when every day it passes is known, whatever the
// mode: the day n working days after day z found by binary search in the
// prefix counts, provided the years from z's next day to that day are all
// covered and no regional overlay lacks one of them. ok is false otherwise
// (n is 0, the count runs past the covered days, or it crosses a gap), and
// the caller counts day by day.
func (c *Calendar) addKnown(z, n int) (time.Time, bool) {
	i := z - c.base // index of z; the count starts at i+1
	if n <= 0 || i < 0 || i+1 >= len(c.cum) {
		return time.Time{}, false
	}
	want := c.cum[i] + int32(n)
	if c.cum[len(c.cum)-1] < want {
		return time.Time{}, false
	}
	// The first index after i whose prefix count reaches want: that day is
	// a working day (the count rose to want on it).
	k, _ := slices.BinarySearch(c.cum[i+1:], want) // the lowest such index
	j := i + 1 + k
	y1, _, _ := civilFromDays(z + 1)
	yy, mm, dd := civilFromDays(c.base + j)
	if _, gap := c.uncovered(y1, yy); gap {
		return time.Time{}, false
	}
	for _, o := range c.regional { // as overlayGap, without making its error
		for y := y1; y <= yy; y++ {
			if !slices.Contains(o.years, y) {
				return time.Time{}, false
			}
		}
	}
	return time.Date(yy, time.Month(mm), dd, 0, 0, 0, 0, time.UTC), true
}

func dayOf(t time.Time) int {
	y, m, d := t.Date()
	return daysFromCivil(y, int(m), d)
}
