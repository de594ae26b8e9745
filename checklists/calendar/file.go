package calendar

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/yamlfile"
)

//go:embed data/*.yaml
var embedded embed.FS

// Limits on a calendar file.
const (
	maxFileSize = 1 << 20 // bytes
	maxItems    = 10000   // dates and ranges in one file
	minYear     = 1900
	maxYear     = 2199
)

// Kind says what a calendar file is for when it is layered by [New].
type Kind string

// The kinds of calendar file.
const (
	// National is a country's calendar: its years are covered.
	National Kind = "national"
	// Regional adds a region's holidays to the years it has; it never covers a year by itself.
	Regional Kind = "regional"
	// Correction adds or corrects days and may add whole years; the default kind.
	Correction Kind = "correction"
)

// File is one parsed calendar data file (embedded or user-supplied).
type File struct {
	// Name identifies the calendar ("cn", "cn-nx", or the name in a user file).
	Name string
	// Title describes it for people.
	Title string
	// Kind says how it is layered.
	Kind Kind

	years []yearEntry // sorted by year
}

// yearEntry is one year's notice: the days it lists as off and as worked.
type yearEntry struct {
	year    int
	notice  string
	sources []string
	off     []int // day numbers (days since 1970-01-01)
	work    []int
}

// Years lists the years the file has an entry for, in increasing order.
func (f *File) Years() []int {
	ys := make([]int, len(f.years))
	for i, e := range f.years {
		ys[i] = e.year
	}
	return ys
}

// Names lists the embedded calendar names ("cn", "cn-nx").
func Names() []string {
	entries, err := fs.ReadDir(embedded, "data")
	if err != nil {
		return nil // cannot happen: the directory is embedded
	}
	var names []string
	for _, e := range entries {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// Embedded returns the embedded calendar file with that name.
func Embedded(name string) (*File, error) {
	names := Names()
	if !slices.Contains(names, name) {
		return nil, fmt.Errorf("unknown calendar %q (embedded: %s)", name, strings.Join(names, ", "))
	}
	path := "data/" + name + ".yaml"
	data, err := embedded.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read calendar %s: %w", name, err)
	}
	return Parse(path, data)
}

// Error is one mistake in a calendar file, at a position; it prints as
// FILE:LINE:COL: message, in Chinese or (In(msg.EN)) English.
type Error = yamlfile.Error

// ErrorList is every mistake found in one calendar file, sorted by position.
type ErrorList = yamlfile.ErrorList

// wording is how a calendar file words the reader's errors.
var wording = yamlfile.Wording{
	Empty:         msg.Text{Zh: "日历文件为空", En: "empty calendar file"},
	Syntax:        msg.Text{Zh: "YAML 语法错误：%s", En: "%s"},
	ExtraDocument: msg.Text{Zh: "一个文件只能有一个 YAML 文档", En: "more than one YAML document"},
	NotMapping:    msg.Text{Zh: "%[1]s应为映射（key: value）", En: "%[2]s must be a mapping"},
	KeyNotText:    msg.Text{Zh: "键应为单个值", En: "a key must be a plain value"},
	UnknownKey:    msg.Text{Zh: "未知的键「%[3]s」（可用：%[4]s）", En: "unknown key %[3]q (want %[4]s)"},
	DidYouMean:    msg.Text{Zh: "未知的键「%[3]s」，是否想写「%[4]s」？", En: "unknown key %[3]q; did you mean %[4]q?"},
	DuplicateKey:  msg.Text{Zh: "键「%[1]s」重复（第 %[2]d 行已有）", En: "duplicate key %[1]q"},
}

// parser walks the YAML nodes of one file, collecting mistakes.
type parser struct {
	f *yamlfile.File
	r yamlfile.Reader
	// seen records, per day number, how the file lists the day: its node and whether it is worked.
	seen map[int]listing
	// items counts the dates and ranges read so far.
	items int
}

type listing struct {
	work bool
	node *yaml.Node
}

func (p *parser) errorf(n *yaml.Node, zh, en string, args ...any) {
	p.r.Errorf(p.f.Pos(n), zh, en, args...)
}

// Parse reads a calendar YAML file; name is used in error messages as FILE:LINE:COL. The error,
// when not nil, is an [ErrorList] holding every mistake found.
func Parse(name string, data []byte) (*File, error) {
	p := &parser{f: &yamlfile.File{Name: name, Data: data}, seen: map[int]listing{}}
	p.r = yamlfile.Reader{Wording: wording, NoAliases: true, AllowNull: true}
	root, _ := p.r.Decode(p.f, yamlfile.Limits{Size: maxFileSize})
	if root.Value == nil {
		return nil, p.r.Errs.Err()
	}
	f := p.file(root)
	p.r.Errs.Sort()
	if err := p.r.Errs.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

// file reads the top-level mapping.
func (p *parser) file(root yamlfile.Entry) *File {
	m, ok := p.r.Mapping(root, msg.Text{Zh: "日历文件", En: "a calendar file"}, []string{"name", "title", "kind", "years"})
	if !ok {
		return nil
	}
	f := &File{Kind: Correction}
	for _, key := range m.Keys {
		e, _ := m.Get(key)
		v := e.Value
		switch key {
		case "name":
			if s, ok := p.scalar(v, "「name」", "name"); ok {
				if !validName(s) {
					p.errorf(v, "名称「%s」有误：只能用字母、数字和 - _ .", "bad name %q: want letters, digits, '-', '_' or '.'", s)
				}
				f.Name = s
			}
		case "title":
			f.Title, _ = p.scalar(v, "「title」", "title")
		case "kind":
			if s, ok := p.scalar(v, "「kind」", "kind"); ok {
				switch k := Kind(s); k {
				case National, Regional, Correction:
					f.Kind = k
				default:
					p.errorf(v, "kind「%s」有误：应为 national、regional 或 correction", "bad kind %q: want national, regional or correction", s)
				}
			}
		case "years":
			f.years = p.yearEntries(e)
		}
	}
	for _, key := range []string{"name", "years"} {
		if !m.Has(key) && !m.Typo(key) {
			p.errorf(m.Node, "缺少 %s", "missing %s", key)
		}
	}
	return f
}

// scalar reads a single value (not a list, mapping or null); what names it in messages.
func (p *parser) scalar(n *yaml.Node, zhWhat, enWhat string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%[1]s应为单个值", "%[2]s must be a single value", zhWhat, enWhat)
		return "", false
	}
	return n.Value, true
}

func validName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_', r == '.':
		default:
			return false
		}
	}
	return true
}

// yearEntries reads the years mapping.
func (p *parser) yearEntries(e yamlfile.Entry) []yearEntry {
	m, ok := p.r.Mapping(e, msg.Text{Zh: "years", En: "years"}, nil)
	if !ok {
		return nil
	}
	var entries []yearEntry
	for _, key := range m.Keys {
		ye, _ := m.Get(key)
		year, ok := parseYear(key)
		if !ok {
			p.errorf(ye.Key, "年份「%s」有误：应为 %d 到 %d 之间的年份", "bad year %q: want a year from %d to %d", key, minYear, maxYear)
			continue
		}
		if e, ok := p.yearEntry(year, ye); ok {
			entries = append(entries, e)
		}
	}
	slices.SortFunc(entries, func(a, b yearEntry) int { return a.year - b.year })
	return entries
}

func parseYear(s string) (int, bool) {
	if len(s) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < minYear || y > maxYear {
		return 0, false
	}
	return y, true
}

// yearEntry reads one year's mapping.
func (p *parser) yearEntry(year int, ye yamlfile.Entry) (yearEntry, bool) {
	e := yearEntry{year: year}
	m, ok := p.r.Mapping(ye, msg.Text{Zh: fmt.Sprintf("%d年", year), En: fmt.Sprintf("year %d", year)}, []string{"notice", "sources", "off", "work"})
	if !ok {
		return e, false
	}
	for _, key := range m.Keys {
		me, _ := m.Get(key)
		v := me.Value
		switch key {
		case "notice":
			e.notice, _ = p.scalar(v, "「notice」", "notice")
		case "sources":
			if v.Kind != yaml.SequenceNode {
				p.errorf(v, "sources 应为列表", "sources must be a list")
				continue
			}
			for _, s := range v.Content {
				if src, ok := p.scalar(s, "sources 的每一项", "a source"); ok {
					e.sources = append(e.sources, src)
				}
			}
		case "off":
			e.off = p.days(year, v, false)
		case "work":
			e.work = p.days(year, v, true)
		}
	}
	return e, true
}

// days reads a list of dates and ranges A..B, returning their day numbers.
func (p *parser) days(year int, n *yaml.Node, work bool) []int {
	what := "off"
	if work {
		what = "work"
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s 应为日期（YYYY-MM-DD）或日期范围（YYYY-MM-DD..YYYY-MM-DD）的列表", "%s must be a list of dates (YYYY-MM-DD) or ranges (YYYY-MM-DD..YYYY-MM-DD)", what)
		return nil
	}
	lo := daysFromCivil(year-1, 12, 1) // a New Year holiday may begin in the December before
	hi := daysFromCivil(year, 12, 31)
	var days []int
	for _, item := range n.Content {
		if p.items++; p.items > maxItems {
			if p.items == maxItems+1 {
				p.errorf(item, "日期和日期范围过多（超过 %d 个）", "too many dates and ranges (more than %d)", maxItems)
			}
			return days
		}
		if item.Kind != yaml.ScalarNode {
			p.errorf(item, "应为日期（YYYY-MM-DD）或日期范围（YYYY-MM-DD..YYYY-MM-DD）", "want a date (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD)")
			continue
		}
		from, to, bad := parseRange(item.Value)
		if bad != nil {
			p.r.Errs.Add(p.f.Pos(item), *bad)
			continue
		}
		if from < lo || to > hi {
			p.errorf(item, "%s 不在 %d 年内（每年只列本年的日期，元旦假期可含上一年12月的日期）", "%s is outside year %d (a year lists its own days and, for a New Year holiday, those of the December before)", item.Value, year)
			continue
		}
		for d := from; d <= to; d++ {
			if prev, ok := p.seen[d]; ok {
				if prev.work != work {
					p.errorf(item, "%s 同时列为放假和上班（第 %d 行也有）", "%s is listed both as off and as work (also at line %d)", formatDay(d), prev.node.Line)
					break
				}
				continue // listed already
			}
			p.seen[d] = listing{work: work, node: item}
			days = append(days, d)
		}
	}
	return days
}

// parseRange reads "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD" into day numbers;
// bad says what is wrong with s, or is nil.
func parseRange(s string) (from, to int, bad *msg.Text) {
	a, b, isRange := strings.Cut(s, "..")
	from, bad = parseDay(strings.TrimSpace(a))
	if bad != nil {
		return 0, 0, bad
	}
	if !isRange {
		return from, from, nil
	}
	to, bad = parseDay(strings.TrimSpace(b))
	if bad != nil {
		return 0, 0, bad
	}
	if to < from {
		t := msg.New("日期范围「%s」有误：结束早于开始", "bad range %q: it ends before it starts", s)
		return 0, 0, &t
	}
	return from, to, nil
}

// parseDay reads a date written YYYY-MM-DD into its day number; bad says
// what is wrong with s, or is nil.
func parseDay(s string) (int, *msg.Text) {
	wrong := func(zh, en string) (int, *msg.Text) {
		t := msg.Both("日期「%s」有误：%s", []any{s, zh}, "bad date %q: %s", []any{s, en})
		return 0, &t
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return wrong("应为 YYYY-MM-DD", "want YYYY-MM-DD")
	}
	num := func(t string) int {
		n := 0
		for i := 0; i < len(t); i++ {
			if t[i] < '0' || t[i] > '9' {
				return -1
			}
			n = n*10 + int(t[i]-'0')
		}
		return n
	}
	y, m, d := num(s[:4]), num(s[5:7]), num(s[8:])
	switch {
	case y < 0 || m < 0 || d < 0:
		return wrong("应为 YYYY-MM-DD", "want YYYY-MM-DD")
	case m < 1 || m > 12:
		return wrong("月份超出范围", "month out of range")
	case d < 1 || d > daysIn(y, m):
		return wrong("日期超出范围", "day out of range")
	}
	return daysFromCivil(y, m, d), nil
}
