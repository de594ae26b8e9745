package calendar

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
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

// Error is one mistake in a calendar file, at a position.
type Error struct {
	File      string
	Line, Col int // 1-based; 0 when unknown
	Msg       string
}

// Error formats the mistake as FILE:LINE:COL: MSG.
func (e *Error) Error() string {
	switch {
	case e.Line == 0:
		return e.File + ": " + e.Msg
	case e.Col == 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// ErrorList is every mistake found in one calendar file, in file order.
type ErrorList []*Error

// Error formats the mistakes one per line.
func (l ErrorList) Error() string {
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Err returns the list as an error, or nil when it is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// parser walks the YAML nodes of one file, collecting mistakes.
type parser struct {
	name string
	errs ErrorList
	// seen records, per day number, how the file lists the day: its node and whether it is worked.
	seen map[int]listing
	// items counts the dates and ranges read so far.
	items int
}

type listing struct {
	work bool
	node *yaml.Node
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	e := &Error{File: p.name, Msg: fmt.Sprintf(format, args...)}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	p.errs = append(p.errs, e)
}

// syntaxError turns a yaml.v3 error into a positioned Error.
func (p *parser) syntaxError(err error) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{File: p.name, Msg: msg}
	// yaml.v3 writes "yaml: line N: message".
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, text, ok := strings.Cut(rest, ": "); ok {
			if line, err := strconv.Atoi(num); err == nil {
				e.Line, e.Msg = line, text
			}
		}
	}
	p.errs = append(p.errs, e)
}

// Parse reads a calendar YAML file; name is used in error messages as FILE:LINE:COL. The error,
// when not nil, is an [ErrorList] holding every mistake found.
func Parse(name string, data []byte) (*File, error) {
	p := &parser{name: name, seen: map[int]listing{}}
	if len(data) > maxFileSize {
		p.errorf(nil, "file too large (%d bytes, at most %d)", len(data), maxFileSize)
		return nil, p.errs.Err()
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.errorf(nil, "empty calendar file")
		} else {
			p.syntaxError(err)
		}
		return nil, p.errs.Err()
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		p.syntaxError(err)
	default:
		p.errorf(&extra, "more than one YAML document")
	}
	f := p.file(&doc)
	if err := p.errs.Err(); err != nil {
		return nil, err
	}
	return f, nil
}

// file reads the top-level mapping.
func (p *parser) file(doc *yaml.Node) *File {
	root := doc
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if !p.mapping(root, "a calendar file") {
		return nil
	}
	f := &File{Kind: Correction}
	var haveName, haveYears bool
	p.fields(root, func(key string, k, v *yaml.Node) {
		switch key {
		case "name":
			haveName = true
			if s, ok := p.scalar(v, "name"); ok {
				if !validName(s) {
					p.errorf(v, "bad name %q: want letters, digits, '-', '_' or '.'", s)
				}
				f.Name = s
			}
		case "title":
			f.Title, _ = p.scalar(v, "title")
		case "kind":
			if s, ok := p.scalar(v, "kind"); ok {
				switch k := Kind(s); k {
				case National, Regional, Correction:
					f.Kind = k
				default:
					p.errorf(v, "bad kind %q: want national, regional or correction", s)
				}
			}
		case "years":
			haveYears = true
			f.years = p.yearEntries(v)
		default:
			p.errorf(k, "unknown key %q (want name, title, kind, years)", key)
		}
	})
	if !haveName {
		p.errorf(root, "missing name")
	}
	if !haveYears {
		p.errorf(root, "missing years")
	}
	return f
}

// fields calls fn for each key of a mapping node, rejecting non-scalar and duplicate keys.
func (p *parser) fields(m *yaml.Node, fn func(key string, k, v *yaml.Node)) {
	seen := map[string]bool{}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.errorf(k, "a key must be a plain value")
			continue
		}
		if seen[k.Value] {
			p.errorf(k, "duplicate key %q", k.Value)
			continue
		}
		seen[k.Value] = true
		if v.Kind == yaml.AliasNode {
			p.errorf(v, "YAML aliases are not allowed")
			continue
		}
		fn(k.Value, k, v)
	}
}

func (p *parser) mapping(n *yaml.Node, what string) bool {
	if n.Kind == yaml.MappingNode {
		return true
	}
	p.errorf(n, "%s must be a mapping", what)
	return false
}

func (p *parser) scalar(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%s must be a single value", what)
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
func (p *parser) yearEntries(n *yaml.Node) []yearEntry {
	if !p.mapping(n, "years") {
		return nil
	}
	var entries []yearEntry
	p.fields(n, func(key string, k, v *yaml.Node) {
		year, ok := parseYear(key)
		if !ok {
			p.errorf(k, "bad year %q: want a year from %d to %d", key, minYear, maxYear)
			return
		}
		if e, ok := p.yearEntry(year, v); ok {
			entries = append(entries, e)
		}
	})
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
func (p *parser) yearEntry(year int, n *yaml.Node) (yearEntry, bool) {
	e := yearEntry{year: year}
	if !p.mapping(n, fmt.Sprintf("year %d", year)) {
		return e, false
	}
	p.fields(n, func(key string, k, v *yaml.Node) {
		switch key {
		case "notice":
			e.notice, _ = p.scalar(v, "notice")
		case "sources":
			if v.Kind != yaml.SequenceNode {
				p.errorf(v, "sources must be a list")
				return
			}
			for _, s := range v.Content {
				if src, ok := p.scalar(s, "a source"); ok {
					e.sources = append(e.sources, src)
				}
			}
		case "off":
			e.off = p.days(year, v, false)
		case "work":
			e.work = p.days(year, v, true)
		default:
			p.errorf(k, "unknown key %q (want notice, sources, off, work)", key)
		}
	})
	return e, true
}

// days reads a list of dates and ranges A..B, returning their day numbers.
func (p *parser) days(year int, n *yaml.Node, work bool) []int {
	what := "off"
	if work {
		what = "work"
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list of dates (YYYY-MM-DD) or ranges (YYYY-MM-DD..YYYY-MM-DD)", what)
		return nil
	}
	lo := daysFromCivil(year-1, 12, 1) // a New Year holiday may begin in the December before
	hi := daysFromCivil(year, 12, 31)
	var days []int
	for _, item := range n.Content {
		if p.items++; p.items > maxItems {
			if p.items == maxItems+1 {
				p.errorf(item, "too many dates and ranges (more than %d)", maxItems)
			}
			return days
		}
		if item.Kind != yaml.ScalarNode {
			p.errorf(item, "want a date (YYYY-MM-DD) or a range (YYYY-MM-DD..YYYY-MM-DD)")
			continue
		}
		from, to, err := parseRange(item.Value)
		if err != nil {
			p.errorf(item, "%v", err)
			continue
		}
		if from < lo || to > hi {
			p.errorf(item, "%s is outside year %d (a year lists its own days and, for a New Year holiday, those of the December before)", item.Value, year)
			continue
		}
		for d := from; d <= to; d++ {
			if prev, ok := p.seen[d]; ok {
				if prev.work != work {
					p.errorf(item, "%s is listed both as off and as work (also at line %d)", formatDay(d), prev.node.Line)
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

// parseRange reads "YYYY-MM-DD" or "YYYY-MM-DD..YYYY-MM-DD" into day numbers.
func parseRange(s string) (from, to int, err error) {
	a, b, isRange := strings.Cut(s, "..")
	from, err = parseDay(strings.TrimSpace(a))
	if err != nil {
		return 0, 0, err
	}
	if !isRange {
		return from, from, nil
	}
	to, err = parseDay(strings.TrimSpace(b))
	if err != nil {
		return 0, 0, err
	}
	if to < from {
		return 0, 0, fmt.Errorf("bad range %q: it ends before it starts", s)
	}
	return from, to, nil
}

// parseDay reads a date written YYYY-MM-DD into its day number.
func parseDay(s string) (int, error) {
	bad := func(why string) (int, error) {
		return 0, fmt.Errorf("bad date %q: %s", s, why)
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return bad("want YYYY-MM-DD")
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
		return bad("want YYYY-MM-DD")
	case m < 1 || m > 12:
		return bad("month out of range")
	case d < 1 || d > daysIn(y, m):
		return bad("day out of range")
	}
	return daysFromCivil(y, m, d), nil
}
