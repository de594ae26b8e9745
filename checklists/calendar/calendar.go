package calendar

import (
	"fmt"
	"slices"
	"time"

	"github.com/zwgk/zwgk/checklists/msg"
)

// Calendar tells working days from days off for the years it covers. It is immutable and safe
// for concurrent use; Workdays and IsWorkday take constant time and allocate only to report an
// error.
type Calendar struct {
	first, last int // the first and last covered year; 0, 0 when none
	base        int // day number of first-01-01

	// cum[i] counts the working days among the days base .. base+i.
	cum []int32
	// gap[y-first] is the first year from y on that is not covered (last+1 when there is none).
	gap []int32
	// regional lists the regional overlays, in order, with the years they have.
	regional []overlay
	// slack is the most working days a regional overlay took off in a year it has (OverlaySlack).
	slack int
}

type overlay struct {
	name  string
	years []int
}

// YearError reports a date in a year the calendar does not cover.
type YearError struct {
	Year int
}

// Error says, in Chinese for the clerk who must act on it, which year is missing and how to add it.
func (e *YearError) Error() string { return e.In(msg.ZH) }

// In says which year is missing and how to add it, in lang.
func (e *YearError) In(lang msg.Lang) string {
	return msg.New("工作日历未包含%[1]d年的节假日安排，请用 --calendar 文件补充该年的放假和调休日期（国务院办公厅的通知发布后：zwgk calendar import 通知.txt -o %[1]d.yaml）",
		"the working-day calendar has no holidays for %[1]d; add that year's holidays and make-up working days with --calendar FILE (once the State Council's notice is out: zwgk calendar import NOTICE.txt -o %[1]d.yaml)",
		e.Year).In(lang)
}

// New layers files: the first is the national calendar (it defines which years are covered), the
// rest are overlays (regional or user corrections) applied in order. An overlay of kind national
// or correction also covers the years it has; a regional one only changes days. Nil files are
// skipped.
func New(national *File, overlays ...*File) *Calendar {
	files := make([]*File, 0, 1+len(overlays))
	files = append(files, national)
	files = append(files, overlays...)

	c := &Calendar{}
	covered := map[int]bool{}
	for i, f := range files {
		if f == nil || (i > 0 && f.Kind == Regional) {
			continue
		}
		for _, e := range f.years {
			covered[e.year] = true
		}
	}
	for _, f := range overlays {
		if f == nil || f.Kind != Regional || slices.ContainsFunc(c.regional, func(o overlay) bool { return o.name == f.Name }) {
			continue
		}
		o := overlay{name: f.Name}
		for _, g := range overlays { // every overlay of that name, whatever its kind
			if g != nil && g.Name == f.Name {
				o.years = append(o.years, g.Years()...)
			}
		}
		c.regional = append(c.regional, o)
	}
	for _, f := range overlays {
		if f == nil || f.Kind != Regional {
			continue
		}
		for _, e := range f.years {
			net := 0
			for _, d := range e.off {
				if !weekend(d) {
					net++
				}
			}
			for _, d := range e.work {
				if weekend(d) {
					net--
				}
			}
			c.slack = max(c.slack, net)
		}
	}
	if len(covered) == 0 {
		return c
	}

	c.first, c.last = minMax(covered)
	c.base = daysFromCivil(c.first, 1, 1)
	n := daysFromCivil(c.last, 12, 31) - c.base + 1
	work := make([]bool, n)
	for i := range work {
		work[i] = !weekend(c.base + i)
	}
	set := func(days []int, v bool) {
		for _, d := range days {
			if i := d - c.base; i >= 0 && i < n {
				work[i] = v
			}
		}
	}
	for _, f := range files {
		if f == nil {
			continue
		}
		for _, e := range f.years {
			set(e.off, false)
			set(e.work, true)
		}
	}
	c.cum = make([]int32, n)
	var count int32
	for i, w := range work {
		if w {
			count++
		}
		c.cum[i] = count
	}
	c.gap = make([]int32, c.last-c.first+1)
	next := c.last + 1
	for y := c.last; y >= c.first; y-- {
		if !covered[y] {
			next = y
		}
		c.gap[y-c.first] = int32(next)
	}
	return c
}

func minMax(years map[int]bool) (lo, hi int) {
	first := true
	for y := range years {
		if first || y < lo {
			lo = y
		}
		if first || y > hi {
			hi = y
		}
		first = false
	}
	return lo, hi
}

// Load is a convenience: the embedded calendars with those names, in order, followed by the
// user files. The first name must be a national calendar; no names means ["cn"].
func Load(names []string, extra ...*File) (*Calendar, error) {
	if len(names) == 0 {
		names = []string{"cn"}
	}
	files := make([]*File, 0, len(names)+len(extra))
	for _, name := range names {
		f, err := Embedded(name)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	if files[0].Kind != National {
		return nil, fmt.Errorf("calendar %s is %s, not national: list a national calendar (such as cn) first", files[0].Name, files[0].Kind)
	}
	files = append(files, extra...)
	return New(files[0], files[1:]...), nil
}

// uncovered returns the first year from lo to hi the calendar does not cover, if any.
func (c *Calendar) uncovered(lo, hi int) (int, bool) {
	if c.cum == nil || lo < c.first || lo > c.last {
		return lo, true
	}
	if g := int(c.gap[lo-c.first]); g <= hi {
		return g, true
	}
	return 0, false
}

// Workdays counts the working days after a up to and including b (the day of a is not counted);
// negative when b is before a, then it is -Workdays(b, a); 0 when they are the same day. The error
// is a *[YearError] when a date from a to b lies in a year the calendar does not cover.
func (c *Calendar) Workdays(a, b time.Time) (int, error) {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	lo, hi := ay, by
	if lo > hi {
		lo, hi = hi, lo
	}
	if y, ok := c.uncovered(lo, hi); ok {
		return 0, &YearError{Year: y}
	}
	ia := daysFromCivil(ay, int(am), ad) - c.base
	ib := daysFromCivil(by, int(bm), bd) - c.base
	return int(c.cum[ib] - c.cum[ia]), nil
}

// IsWorkday reports whether d is a working day. The error is a *[YearError] when the calendar
// does not cover d's year.
func (c *Calendar) IsWorkday(d time.Time) (bool, error) {
	y, m, day := d.Date()
	if y, ok := c.uncovered(y, y); ok {
		return false, &YearError{Year: y}
	}
	i := daysFromCivil(y, int(m), day) - c.base
	w := c.cum[i]
	if i > 0 {
		w -= c.cum[i-1]
	}
	return w == 1, nil
}

// Covered reports the first and last year the calendar covers (0, 0 when it covers none). Years
// between them may be missing when a user file adds a later year.
func (c *Calendar) Covered() (first, last int) {
	return c.first, c.last
}

// MissingOverlay returns, for a year, the names of the regional overlays that have no data for it
// (e.g. ["cn-nx"] for 2024), in layering order; nil when there are none. The caller turns it into
// a warning naming the year: that year's regional days are not counted.
func (c *Calendar) MissingOverlay(year int) []string {
	var names []string
	for _, o := range c.regional {
		if !slices.Contains(o.years, year) {
			names = append(names, o.name)
		}
	}
	return names
}
