package calendar

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"github.com/zwgk/zwgk/checklists/msg"
)

// Notice is what ParseNotice understood of a holiday notice as published:
// the State Council's 「国务院办公厅关于XXXX年部分节假日安排的通知」, a notice
// that adjusts or extends one holiday of it, or a region's notice (宁夏:
// 开斋节, 古尔邦节) that repeats the national arrangement and adds its own.
type Notice struct {
	Source string // the file it was read from
	Title  string // its first line
	Year   int    // the year it arranges
	// Amends is true for a notice that changes an earlier one (调整…假期安排,
	// 延长…假期): its holidays replace those of the same name.
	Amends   bool
	Holidays []Holiday
}

// Holiday is one numbered section of a notice: 「二、春节：1月27日至2月2日放假调休，
// 共7天。1月22日（星期日）、2月4日（星期六）上班。」
type Holiday struct {
	Name string // 春节; 中秋节、国庆节
	// Off are the days off (day numbers), Work the weekend days worked (调休上班).
	Off, Work []int
	// ExtendTo is, for an extension (延长…假期至2月2日), the holiday's new last
	// day; 0 otherwise.
	ExtendTo int
}

// nationalHolidays are the holidays of the national arrangement; a regional
// import keeps only the sections that name none of them.
var nationalHolidays = []string{"元旦", "春节", "清明", "劳动", "端午", "中秋", "国庆"}

var (
	sectionRe = regexp.MustCompile(`(?m)^\s*([一二三四五六七八九十]+)、`)
	yearRe    = regexp.MustCompile(`(\d{4})年(?:元旦|部分节假日|春节|劳动节|.{0,8}假期)`)
	dateRe    = regexp.MustCompile(`(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(?:至(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日)?`)
	parenRe   = regexp.MustCompile(`（[^（）]*）`)
	extendRe  = regexp.MustCompile(`延长(\d{4})年(\S+?)假期至(\d{1,2})月(\d{1,2})日`)
	amendRe   = regexp.MustCompile(`(?:调整|延长)(\d{4})年(\S+?)假期`)
)

// ParseNotice reads the text of a holiday notice; name is used in errors.
// It reads the numbered sections (一、元旦：…): a date or range in a clause
// that says 放假 or 补休 is off, in a clause that says 上班 is worked;
// parenthetical remarks (星期六, 农历正月初七, 除夕（2月9日）) are ignored, as are
// weekdays said to be worked (they are working days anyway). A date without a
// year is in the notice's year; a range ending before it begins ends in the
// next year.
func ParseNotice(name string, text []byte) (*Notice, error) {
	s := width.Fold.String(strings.ReplaceAll(strings.ToValidUTF8(string(text), "\uFFFD"), "\r\n", "\n"))
	s = strings.NewReplacer("(", "（", ")", "）", ":", "：", ",", "，", ";", "；").Replace(s)
	n := &Notice{Source: name}
	for _, line := range strings.Split(s, "\n") {
		if t := strings.TrimSpace(line); t != "" {
			n.Title = strings.Map(func(r rune) rune {
				if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\ufeff' {
					return -1 // a line break of YAML's, a BOM: not part of the title
				}
				return r
			}, t)
			break
		}
	}
	if m := amendRe.FindStringSubmatch(s); m != nil {
		n.Amends = true
	}
	if m := yearRe.FindStringSubmatch(s); m != nil {
		n.Year, _ = strconv.Atoi(m[1])
	}
	if n.Year < minYear || n.Year > maxYear {
		n.Year = 0
	}
	if n.Year == 0 {
		return nil, msg.Errorf("%s: 找不到通知安排的年份（如「2027年部分节假日安排」）", "%s: cannot find the year the notice arranges (such as 「2027年部分节假日安排」)", name)
	}
	locs := sectionRe.FindAllStringIndex(s, -1)
	for i, loc := range locs {
		end := len(s)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		sec := s[loc[1]:end]
		if para := strings.Index(sec, "\n\n"); para >= 0 {
			sec = sec[:para] // the closing paragraph after the last section
		}
		h, ok := n.section(sec)
		if ok {
			n.Holidays = append(n.Holidays, h)
		}
	}
	if len(n.Holidays) == 0 {
		return nil, msg.Errorf("%s: 没有读到放假或调休上班的日期：应为「一、元旦：1月1日放假……」这样分条列出的通知正文", "%s: no days off or make-up working days found: paste the notice's numbered sections (一、元旦：1月1日放假……)", name)
	}
	return n, nil
}

// section reads one numbered section.
func (n *Notice) section(sec string) (Holiday, bool) {
	sec = strings.TrimSpace(sec)
	var h Holiday
	if head, body, ok := strings.Cut(sec, "："); ok && !strings.ContainsAny(head, "0123456789") && len([]rune(head)) <= 12 {
		h.Name, sec = strings.TrimSpace(head), body
	} else if m := amendRe.FindStringSubmatch(sec); m != nil {
		h.Name = m[2]
	} else if n.Amends {
		if m := amendRe.FindStringSubmatch(n.Title); m != nil {
			h.Name = m[2]
		}
	}
	if m := extendRe.FindStringSubmatch(sec); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[3])
		d, _ := strconv.Atoi(m[4])
		h.Name, h.ExtendTo = m[2], daysFromCivil(y, mo, d)
		return h, true
	}
	sec = parenRe.ReplaceAllString(sec, "")
	for _, sentence := range strings.FieldsFunc(sec, func(r rune) bool { return r == '。' || r == '；' }) {
		clauses := strings.Split(sentence, "，")
		for i, c := range clauses {
			dates := dateRe.FindAllStringSubmatch(c, -1)
			if len(dates) == 0 {
				continue
			}
			// A clause without a verb takes the next clause's: 「1月1日，2日放假」.
			verb := c
			for j := i + 1; j < len(clauses) && !strings.ContainsAny(verb, "假休班"); j++ {
				verb = clauses[j]
			}
			off := strings.Contains(verb, "放假") || strings.Contains(verb, "补休")
			work := strings.Contains(verb, "上班") && !strings.Contains(verb, "起正常上班")
			if !off && !work {
				continue
			}
			for _, m := range dates {
				from, to := n.span(m)
				for z := from; z <= to; z++ {
					switch {
					case work && weekend(z):
						h.Work = append(h.Work, z)
					case off && !work:
						h.Off = append(h.Off, z)
					}
				}
			}
		}
	}
	return h, len(h.Off) > 0 || len(h.Work) > 0
}

// span is the days of one date or range match.
func (n *Notice) span(m []string) (from, to int) {
	atoi := func(s string, def int) int {
		if v, err := strconv.Atoi(s); err == nil {
			return v
		}
		return def
	}
	y1 := atoi(m[1], n.Year)
	mo1, d1 := atoi(m[2], 1), atoi(m[3], 1)
	from = daysFromCivil(y1, mo1, d1)
	if m[6] == "" {
		return from, from
	}
	mo2 := atoi(m[5], mo1)
	y2 := atoi(m[4], y1)
	to = daysFromCivil(y2, mo2, atoi(m[6], 1))
	if to < from && m[4] == "" {
		if m[1] == "" {
			from = daysFromCivil(y1-1, mo1, d1) // 12月31日至1月2日: the New Year holiday of the notice's year
		} else {
			to = daysFromCivil(y2+1, mo2, atoi(m[6], 1)) // 2018年12月30日至1月1日
		}
	}
	if to-from > 40 {
		to = from // not a holiday: a misread
	}
	return from, to
}

// Arrangement is the days a set of notices arranges for one year: the
// base notice with its amendments applied in order.
type Arrangement struct {
	Year    int
	Notices []string // the titles, base first
	Off     []int    // sorted day numbers
	Work    []int
	// Holidays are the sections that make it up, by name, in order.
	Holidays []Holiday
}

// Arrange applies notices in order: a notice that amends replaces (or, for an
// extension, lengthens) the holidays of the same name; another adds its
// holidays. With regional true only the holidays that are not national ones
// are kept (a region's notice repeats the national arrangement). All notices
// must arrange the same year.
func Arrange(notices []*Notice, regional bool) (*Arrangement, error) {
	a := &Arrangement{}
	for _, n := range notices {
		if a.Year == 0 {
			a.Year = n.Year
		} else if n.Year != a.Year {
			return nil, msg.Errorf("%s 安排的是%d年，与前面的通知（%d年）不同：每次只导入同一年的通知", "%s arranges %d, not %d like the notices before it: import one year at a time",
				n.Source, n.Year, a.Year)
		}
		a.Notices = append(a.Notices, n.Title)
		for _, h := range n.Holidays {
			if regional && slices.ContainsFunc(nationalHolidays, func(s string) bool { return strings.Contains(h.Name, s) }) {
				continue
			}
			i := slices.IndexFunc(a.Holidays, func(x Holiday) bool { return x.Name == h.Name || strings.Contains(x.Name, h.Name) })
			switch {
			case h.ExtendTo != 0 && i >= 0:
				x := &a.Holidays[i]
				if len(x.Off) > 0 {
					for z := x.Off[len(x.Off)-1] + 1; z <= h.ExtendTo; z++ {
						x.Off = append(x.Off, z)
					}
					x.Work = slices.DeleteFunc(x.Work, func(z int) bool { return z >= x.Off[0] && z <= h.ExtendTo })
				}
			case h.ExtendTo != 0:
				return nil, msg.Errorf("%s: 要延长的「%s」在前面的通知中没有", "%s: the holiday %s it extends is in none of the notices before it", n.Source, h.Name)
			case n.Amends && i >= 0:
				a.Holidays[i] = h
			default:
				a.Holidays = append(a.Holidays, h)
			}
		}
	}
	// A notice's days are in its year or, for a New Year holiday that begins
	// early, in the December before; a date outside is a misreading.
	lo, hi := daysFromCivil(a.Year-1, 12, 1), daysFromCivil(a.Year, 12, 31)
	inYear := func(z int) bool { return z >= lo && z <= hi }
	for _, h := range a.Holidays {
		for _, z := range h.Off {
			if inYear(z) {
				a.Off = append(a.Off, z)
			}
		}
		for _, z := range h.Work {
			if inYear(z) {
				a.Work = append(a.Work, z)
			}
		}
	}
	slices.Sort(a.Off)
	a.Off = slices.Compact(a.Off)
	slices.Sort(a.Work)
	a.Work = slices.Compact(a.Work)
	for _, z := range a.Work {
		if _, both := slices.BinarySearch(a.Off, z); both {
			return nil, msg.Errorf("读到的%s既放假又上班，请核对通知原文", "%s reads as both a day off and a working day: check the notice's text", formatDay(z))
		}
	}
	return a, nil
}

// Format writes the arrangement as a calendar file (see the package
// documentation) named name, of kind: what --calendar reads.
func (a *Arrangement) Format(name string, kind Kind) []byte {
	var b strings.Builder
	title := "国务院办公厅部分节假日安排（zwgk calendar import）"
	if kind == Regional {
		title = "地方节假日安排（zwgk calendar import）"
	}
	fmt.Fprintf(&b, "# Written by zwgk calendar import from: %s\n", strings.Join(a.Notices, "；"))
	fmt.Fprintf(&b, "name: %s\ntitle: %s\nkind: %s\nyears:\n  %d:\n", name, title, kind, a.Year)
	fmt.Fprintf(&b, "    notice: %q\n", strings.Join(a.Notices, "；"))
	if len(a.Off) > 0 {
		b.WriteString("    off:\n")
		for _, r := range ranges(a.Off) {
			fmt.Fprintf(&b, "      - %s\n", r)
		}
	}
	if len(a.Work) > 0 {
		var ws []string
		for _, z := range a.Work {
			ws = append(ws, formatDay(z))
		}
		fmt.Fprintf(&b, "    work: [%s]\n", strings.Join(ws, ", "))
	}
	return []byte(b.String())
}

// ranges writes sorted day numbers as dates and runs A..B.
func ranges(days []int) []string {
	var out []string
	for i := 0; i < len(days); {
		j := i
		for j+1 < len(days) && days[j+1] == days[j]+1 {
			j++
		}
		if i == j {
			out = append(out, formatDay(days[i]))
		} else {
			out = append(out, formatDay(days[i])+".."+formatDay(days[j]))
		}
		i = j + 1
	}
	return out
}

// Days lists the year's days off and worked of f's entry for year (day
// numbers, sorted); ok is false when f has no entry for it.
func (f *File) Days(year int) (off, work []int, ok bool) {
	for _, e := range f.years {
		if e.year == year {
			off, work = slices.Clone(e.off), slices.Clone(e.work)
			slices.Sort(off)
			slices.Sort(work)
			return off, work, true
		}
	}
	return nil, nil, false
}

// FormatDays writes day numbers as YYYY-MM-DD dates and A..B runs.
func FormatDays(days []int) []string { return ranges(days) }
