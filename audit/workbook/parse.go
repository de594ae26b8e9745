package workbook

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zwgk/zwgk/checklists"
	"golang.org/x/text/width"
)

// narrow trims s and turns full-width digits and punctuation into their
// half-width forms, keeping spaces (a date's time is separated by one).
func narrow(s string) string {
	s = strings.TrimSpace(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	return strings.TrimSpace(width.Fold.String(strings.ReplaceAll(s, "\u3000", " ")))
}

// ParseDate reads a date written as text: 2017-06-01, 2017/6/1, 2017.6.1,
// 2017年6月1日 (or 1号), 20170601, each optionally followed by a time (09:30,
// 09:30:15, 9时30分, 9点30分15秒), and ISO 8601 2017-06-01T09:30:00 (with
// optional fraction and Z). Full-width digits are accepted. The date must
// exist in the calendar; the result is in UTC.
func ParseDate(s string) (time.Time, bool) {
	s = narrow(s)
	p := scanner{s: s}
	var y, mo, d int
	n, l := p.digits(8)
	switch {
	case l == 8:
		y, mo, d = n/10000, n/100%100, n%100
	case l == 4:
		y = n
		sep, ok := p.sep("-", "/", ".", "年")
		if !ok {
			return time.Time{}, false
		}
		if mo, l = p.digits(2); l == 0 {
			return time.Time{}, false
		}
		want := sep
		if sep == "年" {
			want = "月"
		}
		if !p.lit(want) {
			return time.Time{}, false
		}
		if d, l = p.digits(2); l == 0 {
			return time.Time{}, false
		}
		if sep == "年" && !p.lit("日") {
			p.lit("号")
		}
	default:
		return time.Time{}, false
	}
	if mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || y < 1 {
		return time.Time{}, false
	}
	if p.end() {
		return time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC), true
	}
	// The time: after 'T' or spaces (none needed after 日).
	iso := p.lit("T")
	if !iso && !p.spaces() && !strings.HasSuffix(s[:p.i], "日") && !strings.HasSuffix(s[:p.i], "号") {
		return time.Time{}, false
	}
	h, mi, sec, ok := p.clock(iso)
	if !ok || !p.end() {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, 0, time.UTC), true
}

// clock reads 09:30, 09:30:15(.123)(Z), 9时(30分(15秒)), 9点(30分(15秒)).
func (p *scanner) clock(iso bool) (h, mi, sec int, ok bool) {
	var l int
	if h, l = p.digits(2); l == 0 || h > 23 {
		return 0, 0, 0, false
	}
	switch {
	case p.lit(":"):
		if mi, l = p.digits(2); l != 2 || mi > 59 {
			return 0, 0, 0, false
		}
		if p.lit(":") {
			if sec, l = p.digits(2); l != 2 || sec > 59 {
				return 0, 0, 0, false
			}
			if p.lit(".") || p.lit(",") {
				if _, l = p.digits(9); l == 0 {
					return 0, 0, 0, false
				}
			}
		}
		p.lit("Z")
		return h, mi, sec, true
	case !iso && (p.lit("时") || p.lit("点")):
		if p.end() {
			return h, 0, 0, true
		}
		if mi, l = p.digits(2); l == 0 || mi > 59 || !p.lit("分") {
			return 0, 0, 0, false
		}
		if p.end() {
			return h, mi, 0, true
		}
		if sec, l = p.digits(2); l == 0 || sec > 59 || !p.lit("秒") {
			return 0, 0, 0, false
		}
		return h, mi, sec, true
	}
	return 0, 0, 0, false
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// scanner is a tiny cursor over a cell's text.
type scanner struct {
	s string
	i int
}

func (p *scanner) end() bool { return p.i == len(p.s) }

// digits reads up to max ASCII digits and returns their value and count.
func (p *scanner) digits(max int) (n, l int) {
	for p.i < len(p.s) && l < max && '0' <= p.s[p.i] && p.s[p.i] <= '9' {
		n = n*10 + int(p.s[p.i]-'0')
		p.i++
		l++
	}
	if l == max && p.i < len(p.s) && '0' <= p.s[p.i] && p.s[p.i] <= '9' {
		return 0, 0 // too many digits
	}
	return n, l
}

func (p *scanner) lit(t string) bool {
	if strings.HasPrefix(p.s[p.i:], t) {
		p.i += len(t)
		return true
	}
	return false
}

func (p *scanner) sep(seps ...string) (string, bool) {
	for _, t := range seps {
		if p.lit(t) {
			return t, true
		}
	}
	return "", false
}

func (p *scanner) spaces() bool {
	j := p.i
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
	return p.i > j
}

// ParseBool reads a yes/no cell: 是/否, Y/N, √/×, ✓/✗, ✔/✘, true/false, 1/0,
// 有/无, in any letter case and width.
func ParseBool(s string) (v, ok bool) {
	switch s { // the usual spellings, without folding
	case "是", "1":
		return true, true
	case "否", "0":
		return false, true
	}
	switch strings.ToLower(checklists.Fold(s)) {
	case "是", "y", "√", "✓", "✔", "true", "1", "有":
		return true, true
	case "否", "n", "×", "✗", "✘", "false", "0", "无":
		return false, true
	}
	return false, false
}

// ParseEnum returns the canonical value of an enum field that s names, by
// the value itself or one of its aliases, after Fold.
func ParseEnum(f *checklists.Field, s string) (string, bool) {
	k := checklists.Fold(s)
	if k == "" || f == nil {
		return "", false
	}
	for _, v := range f.Values {
		if checklists.Fold(v.Name) == k {
			return v.Name, true
		}
		for _, a := range v.Aliases {
			if checklists.Fold(a) == k {
				return v.Name, true
			}
		}
	}
	return "", false
}

// parseNumber reads a decimal number, optionally followed by 分 (a score):
// 95, 95.5, -1, 9.5E1, full-width ９５. Thousands separators, NaN and
// infinities are not numbers.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSpace(strings.TrimSuffix(narrow(s), "分"))
	if !isDecimal(s) {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, false
	}
	return v, true
}

// parseInt reads a whole number: 2017, full-width ２０１７, or a number with
// no fraction as Excel stores it (2017.0); suffix is an optional unit (年).
func parseInt(s, suffix string) (int, bool) {
	s = narrow(s)
	if suffix != "" {
		s = strings.TrimSpace(strings.TrimSuffix(s, suffix))
	}
	if !isDecimal(s) {
		return 0, false
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v != math.Trunc(v) || math.Abs(v) > 1<<53 {
		return 0, false
	}
	return int(v), true
}

// isDecimal reports whether s is [+-]digits[.digits][e[+-]digits] with at
// least one digit in the mantissa.
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		i++
	}
	mant := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
		mant++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
			mant++
		}
	}
	if mant == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := 0
		for i < len(s) && '0' <= s[i] && s[i] <= '9' {
			i++
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}
