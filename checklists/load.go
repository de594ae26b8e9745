package checklists

import (
	"bytes"
	"errors"
	"io"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/rules"
)

// FragmentsFormat is the value of the format key of the shared item
// definitions file (data/common.yaml) that items name with `use:`.
const FragmentsFormat = "zwgk.fragments/v1"

// Limits against hostile input, checked before anything is decoded.
const (
	// MaxSize is the largest checklist file read, in bytes.
	MaxSize = 4 << 20
	// maxDepth is the deepest nesting of YAML collections accepted.
	maxDepth = 64
	// maxAliases is the most alias nodes (*name) a file may hold.
	maxAliases = 100
	// maxExpansion is the most nodes aliases may add once expanded.
	maxExpansion = 10000
	// maxItems, maxTables and maxFields bound the work of compiling: at
	// most this many items in a checklist, tables in its schema, fields in
	// a table.
	maxItems  = 1000
	maxTables = 50
	maxFields = 200
)

// LoadOptions are the inputs of Load besides the checklist itself.
type LoadOptions struct {
	// Calendars are extra calendar files (--calendar) that add or replace days.
	Calendars []*calendar.File
}

// Load reads, validates and compiles a checklist. name is used in error
// messages and as the checklist's Source. A checklist with errors is refused
// with an ErrorList holding every error (warnings are left out; see Lint).
func Load(name string, data []byte, opts LoadOptions) (*Checklist, error) {
	c, errs := load(name, data, opts)
	if errs.HasErrors() {
		return nil, errs.Errors()
	}
	return c, nil
}

func load(name string, data []byte, opts LoadOptions) (*Checklist, ErrorList) {
	return (&loader{opts: opts}).load(name, data)
}

func (l *loader) load(name string, data []byte) (*Checklist, ErrorList) {
	c := l.checklist(&source{name: name, data: data})
	l.errs.Sort()
	if l.errs.HasErrors() {
		c = nil
	}
	return c, l.errs
}

// The keys each mapping of the format may hold.
var (
	checklistKeys = []string{"format", "id", "title", "basis", "year", "total", "performance_weight", "na", "grades", "calendar", "tables", "sections"}
	gradeKeys     = []string{"name", "min"}
	sectionKeys   = []string{"id", "title", "points", "items"}
	itemKeys      = []string{"id", "title", "basis", "points", "method", "per", "table", "applies", "where", "check", "finding", "public", "use"}
	fragmentKeys  = []string{"title", "basis", "points", "method", "per", "table", "applies", "where", "check", "finding", "public"}
	fragmentsKeys = []string{"format", "items"}
	tableKeys     = []string{"sheet", "sheet_aliases", "form", "help", "fields"}
	fieldKeys     = []string{"name", "header", "aliases", "type", "required", "values", "help"}
	valueKeys     = []string{"name", "aliases"}
)

var (
	checklistIDRe = regexp.MustCompile(`^[a-z0-9-]+$`)
	itemIDRe      = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	nameRe        = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	fragmentRe    = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
	decimalRe     = regexp.MustCompile(`^[-+]?(0|[1-9][0-9]{0,11})(\.[0-9]{1,12})?$`)
	yamlLineRe    = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
)

// What a message is about, in both languages.
var (
	inChecklist = msg.Text{Zh: "指标体系", En: "checklist"}
	inGrade     = msg.Text{Zh: "等级", En: "grade"}
	inSection   = msg.Text{Zh: "指标类别", En: "section"}
	inItem      = msg.Text{Zh: "指标", En: "item"}
	inTables    = msg.Text{Zh: "tables", En: "tables"}
	inTable     = msg.Text{Zh: "表", En: "table"}
	inField     = msg.Text{Zh: "字段", En: "field"}
	inValue     = msg.Text{Zh: "取值", En: "value"}
	inFragments = msg.Text{Zh: "共享指标文件", En: "fragments file"}
	inFragment  = msg.Text{Zh: "共享指标", En: "fragment"}
)

// source is one YAML file being read.
type source struct {
	name  string
	data  []byte
	lines [][]rune // split on first use
}

func (f *source) pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: f.name}
	}
	return Pos{File: f.name, Line: n.Line, Col: n.Column}
}

// line returns line i (0-based) of the file as runes, or nil past the end.
func (f *source) line(i int) ([]rune, bool) {
	if f.lines == nil {
		for _, s := range strings.Split(string(f.data), "\n") {
			f.lines = append(f.lines, []rune(s))
		}
	}
	if i < 0 || i >= len(f.lines) {
		return nil, false
	}
	return f.lines[i], true
}

// entry is one key: value pair of a mapping, the value's aliases resolved.
type entry struct {
	f   *source
	key *yaml.Node
	val *yaml.Node
}

func (e entry) pos() Pos    { return e.f.pos(e.val) }
func (e entry) keyPos() Pos { return e.f.pos(e.key) }

// mapping is a decoded YAML mapping: its entries by key, in file order.
type mapping struct {
	f     *source
	node  *yaml.Node
	keys  []string
	byKey map[string]entry
	// typos are the known keys suggested for unknown ones: not reported
	// again as missing.
	typos map[string]bool
}

func (m *mapping) get(key string) (entry, bool) {
	e, ok := m.byKey[key]
	return e, ok
}

func (m *mapping) has(key string) bool {
	_, ok := m.byKey[key]
	return ok
}

// overlay returns m's entries overridden by those of top (keys in the order
// of m, then top's new keys), leaving out the keys in drop.
func (m *mapping) overlay(top *mapping, drop ...string) *mapping {
	out := &mapping{f: top.f, node: top.node, byKey: map[string]entry{}, typos: map[string]bool{}}
	for k := range m.typos {
		out.typos[k] = true
	}
	for k := range top.typos {
		out.typos[k] = true
	}
	add := func(k string, e entry) {
		if slices.Contains(drop, k) {
			return
		}
		if _, ok := out.byKey[k]; !ok {
			out.keys = append(out.keys, k)
		}
		out.byKey[k] = e
	}
	for _, k := range m.keys {
		add(k, m.byKey[k])
	}
	for _, k := range top.keys {
		add(k, top.byKey[k])
	}
	return out
}

// loader collects the errors of one Load.
type loader struct {
	opts LoadOptions
	errs ErrorList

	sectionPoints map[*Section]Pos // where each section's points: value is
	truncated     bool             // items were left out: their points do not add up
	// broken holds, by table, the fields added though their definition is
	// wrong: errors of expressions that use them are not reported again.
	broken map[string][]string

	fragsFile *source // the fragments file; nil for the embedded one
	fragsRead bool
	frags     map[string]*mapping
	fragNames []string
}

func (l *loader) errorf(p Pos, zh, en string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: p, Text: msg.New(zh, en, args...)})
}

func (l *loader) warnf(p Pos, zh, en string, args ...any) {
	l.errs = append(l.errs, &Error{Pos: p, Text: msg.New(zh, en, args...), Warning: true})
}

// parse reads one YAML document, refusing oversized, deeply nested or
// alias-bombed input before anything is decoded; it returns the document's
// top node, or nil after reporting why it cannot.
func (l *loader) parse(f *source) *yaml.Node {
	filePos := Pos{File: f.name}
	if len(f.data) > MaxSize {
		l.errorf(filePos, "文件过大（%d 字节），指标体系文件不能超过 %d 字节（4 MiB）", "file too large (%d bytes): a checklist may not exceed %d bytes (4 MiB)", len(f.data), MaxSize)
		return nil
	}
	dec := yaml.NewDecoder(bytes.NewReader(f.data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			l.errorf(filePos, "文件为空", "file is empty")
		} else {
			l.syntaxError(f, err)
		}
		return nil
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		l.syntaxError(f, err)
		return nil
	default:
		l.errorf(f.pos(&extra), "一个文件只能有一个 YAML 文档（第二个 --- 之后的内容）", "a file may hold only one YAML document (found another after ---)")
		return nil
	}
	if len(doc.Content) == 0 {
		l.errorf(filePos, "文件为空", "file is empty")
		return nil
	}
	root := doc.Content[0]
	if !l.withinLimits(f, root) {
		return nil
	}
	return root
}

func (l *loader) syntaxError(f *source, err error) {
	p := Pos{File: f.name}
	text := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		text = m[2]
	}
	l.errorf(p, "YAML 语法错误：%s", "YAML syntax error: %s", text)
}

// withinLimits checks nesting depth and alias use without expanding aliases.
func (l *loader) withinLimits(f *source, root *yaml.Node) bool {
	var aliases []*yaml.Node
	var deep *yaml.Node
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if deep != nil {
			return
		}
		if depth > maxDepth {
			deep = n
			return
		}
		if n.Kind == yaml.AliasNode {
			aliases = append(aliases, n)
			return
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(root, 1)
	if deep != nil {
		l.errorf(f.pos(deep), "嵌套过深：超过 %d 层", "nesting too deep: more than %d levels", maxDepth)
		return false
	}
	if len(aliases) > maxAliases {
		l.errorf(f.pos(aliases[maxAliases]), "YAML 别名（*引用）过多：%d 个，最多 %d 个", "too many YAML aliases (*references): %d, at most %d", len(aliases), maxAliases)
		return false
	}
	if len(aliases) == 0 {
		return true
	}
	// Expanded size and height of every node, aliases followed, each node once.
	type measure struct{ size, height int }
	memo := map[*yaml.Node]measure{}
	busy := map[*yaml.Node]bool{}
	var cycle *yaml.Node
	var measureOf func(n *yaml.Node) measure
	measureOf = func(n *yaml.Node) measure {
		if m, ok := memo[n]; ok {
			return m
		}
		if busy[n] {
			return measure{}
		}
		busy[n] = true
		m := measure{size: 1, height: 1}
		if n.Kind == yaml.AliasNode {
			if n.Alias == nil {
				m = measure{}
			} else if busy[n.Alias] {
				if cycle == nil {
					cycle = n
				}
			} else {
				m = measureOf(n.Alias)
			}
		}
		for _, c := range n.Content {
			cm := measureOf(c)
			m.size = min(m.size+cm.size, 1<<40)
			m.height = max(m.height, cm.height+1)
		}
		busy[n] = false
		memo[n] = m
		return m
	}
	total := measureOf(root)
	raw := 0
	var count func(n *yaml.Node)
	count = func(n *yaml.Node) {
		raw++
		for _, c := range n.Content {
			count(c)
		}
	}
	count(root)
	switch {
	case cycle != nil:
		l.errorf(f.pos(cycle), "YAML 别名引用了包含它自身的节点", "a YAML alias refers to a node that contains it")
	case total.height > maxDepth:
		l.errorf(f.pos(aliases[0]), "别名展开后嵌套过深：超过 %d 层", "nesting too deep once aliases are expanded: more than %d levels", maxDepth)
	case total.size-raw > maxExpansion:
		l.errorf(f.pos(aliases[0]), "YAML 别名展开后过大（增加 %d 个节点，最多 %d 个）", "YAML aliases expand too much (%d more nodes, at most %d)", total.size-raw, maxExpansion)
	default:
		return true
	}
	return false
}

// deref follows an alias to the node it names.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// kindText names what a node is, for "should be a … not a …" messages.
func kindText(n *yaml.Node) msg.Text {
	if n == nil {
		return msg.Text{Zh: "空值", En: "null"}
	}
	switch n.Kind {
	case yaml.MappingNode:
		return msg.Text{Zh: "映射", En: "a mapping"}
	case yaml.SequenceNode:
		return msg.Text{Zh: "列表", En: "a list"}
	}
	switch n.Tag {
	case "!!null":
		return msg.Text{Zh: "空值", En: "null"}
	case "!!int", "!!float":
		return msg.Text{Zh: "数字", En: "a number"}
	case "!!bool":
		return msg.Text{Zh: "布尔值", En: "a boolean"}
	}
	return msg.Text{Zh: "文本", En: "text"}
}

// mapping decodes a mapping node; known lists the keys allowed (nil: any).
// Unknown and duplicate keys are reported; null values are an error.
func (l *loader) mapping(f *source, n *yaml.Node, what msg.Text, known []string) (*mapping, bool) {
	n = deref(n)
	if n == nil || n.Kind != yaml.MappingNode {
		k := kindText(n)
		l.errorf(f.pos(n), "%[1]s应为映射（key: value），不是%[3]s", "%[2]s should be a mapping (key: value), not %[4]s", what.Zh, what.En, k.Zh, k.En)
		return nil, false
	}
	m := &mapping{f: f, node: n, byKey: map[string]entry{}}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := deref(n.Content[i]), deref(n.Content[i+1])
		if k == nil || k.Kind != yaml.ScalarNode {
			l.errorf(f.pos(n.Content[i]), "%[1]s的键应为文本", "keys of a %[2]s should be text", what.Zh, what.En)
			continue
		}
		key := k.Value
		if k.Tag == "!!merge" {
			l.errorf(f.pos(k), "不支持 YAML 合并键「<<」；共用的指标定义请写在共享指标文件中，用 use: 引用", "YAML merge keys (<<) are not supported; share item definitions with use:")
			continue
		}
		if known != nil && !slices.Contains(known, key) {
			if s := closest(key, known); s != "" {
				if m.typos == nil {
					m.typos = map[string]bool{}
				}
				m.typos[s] = true
				l.errorf(f.pos(k), "%[1]s中有未知的键「%[3]s」，是否想写「%[4]s」？", "unknown key %[3]q in %[2]s; did you mean %[4]q?", what.Zh, what.En, key, s)
			} else {
				l.errorf(f.pos(k), "%[1]s中有未知的键「%[3]s」（可用：%[4]s）", "unknown key %[3]q in %[2]s (known: %[4]s)", what.Zh, what.En, key, strings.Join(known, ", "))
			}
			continue
		}
		if prev, dup := m.byKey[key]; dup {
			l.errorf(f.pos(k), "键「%s」重复（第 %d 行已有）", "duplicate key %q (already on line %d)", key, prev.key.Line)
			continue
		}
		if v == nil || (v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
			l.errorf(f.pos(k), "键「%s」没有值", "key %q has no value", key)
			continue
		}
		m.keys = append(m.keys, key)
		m.byKey[key] = entry{f: f, key: k, val: v}
	}
	return m, true
}

// require reports the keys of m that are missing.
func (l *loader) require(m *mapping, what msg.Text, keys ...string) {
	var zh, en []string
	for _, k := range keys {
		if !m.has(k) && !m.typos[k] {
			zh = append(zh, "「"+k+"」")
			en = append(en, strconv.Quote(k))
		}
	}
	if len(zh) > 0 {
		l.errorf(m.f.pos(m.node), "%[1]s缺少%[3]s", "%[2]s lacks %[4]s", what.Zh, what.En, strings.Join(zh, ""), strings.Join(en, ", "))
	}
}

func (l *loader) wrongType(e entry, want msg.Text) {
	got := kindText(e.val)
	hint := msg.Text{}
	scalar := e.val.Kind == yaml.ScalarNode
	if (want == wantNumber || want == wantInt) && scalar && e.val.Tag == "!!str" {
		hint = msg.Text{Zh: "（数字不要加引号）", En: " (numbers are written without quotes)"}
	}
	if want == wantText && scalar && e.val.Tag != "!!str" {
		hint = msg.Text{Zh: "（请加引号）", En: " (quote it)"}
	}
	l.errorf(e.pos(), "「%[1]s」应为%[2]s，不是%[4]s%[6]s", "%[1]s should be %[3]s, not %[5]s%[7]s", e.key.Value, want.Zh, want.En, got.Zh, got.En, hint.Zh, hint.En)
}

var (
	wantText   = msg.Text{Zh: "文本", En: "text"}
	wantNumber = msg.Text{Zh: "数字", En: "a number"}
	wantInt    = msg.Text{Zh: "整数", En: "an integer"}
	wantBool   = msg.Text{Zh: "布尔值（true 或 false）", En: "a boolean (true or false)"}
	wantList   = msg.Text{Zh: "列表", En: "a list"}
	wantExpr   = msg.Text{Zh: "表达式（文本）", En: "an expression (text)"}
)

func (l *loader) text(e entry) (string, bool) {
	if e.val.Kind != yaml.ScalarNode || e.val.Tag != "!!str" {
		l.wrongType(e, wantText)
		return "", false
	}
	return e.val.Value, true
}

// nonEmpty reads a text that must hold something besides spaces.
func (l *loader) nonEmpty(e entry) (string, bool) {
	s, ok := l.text(e)
	if ok && strings.TrimSpace(s) == "" {
		l.errorf(e.pos(), "「%s」不能为空", "%s may not be empty", e.key.Value)
		return "", false
	}
	return s, ok
}

// number reads a decimal number exactly, from the scalar's text.
func (l *loader) number(e entry) (*big.Rat, bool) {
	v := e.val
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") {
		l.wrongType(e, wantNumber)
		return nil, false
	}
	if !decimalRe.MatchString(v.Value) {
		l.errorf(e.pos(), "「%s」的值「%s」应写成十进制数，如 10 或 2.5", "%s: %q should be a decimal number such as 10 or 2.5", e.key.Value, v.Value)
		return nil, false
	}
	r, ok := new(big.Rat).SetString(v.Value)
	if !ok {
		l.errorf(e.pos(), "「%s」的值「%s」不是数字", "%s: %q is not a number", e.key.Value, v.Value)
		return nil, false
	}
	return r, true
}

// positive reads a number that must be greater than 0.
func (l *loader) positive(e entry) (*big.Rat, bool) {
	r, ok := l.number(e)
	if ok && r.Sign() <= 0 {
		l.errorf(e.pos(), "「%s」应大于0，不是「%s」", "%s must be greater than 0, not %s", e.key.Value, ratText(r))
		return nil, false
	}
	return r, ok
}

func (l *loader) integer(e entry) (int, bool) {
	v := e.val
	if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || !decimalRe.MatchString(v.Value) || strings.Contains(v.Value, ".") {
		l.wrongType(e, wantInt)
		return 0, false
	}
	i, err := strconv.Atoi(v.Value)
	if err != nil {
		l.wrongType(e, wantInt)
		return 0, false
	}
	return i, true
}

func (l *loader) boolean(e entry) (bool, bool) {
	v := e.val
	if v.Kind != yaml.ScalarNode || v.Tag != "!!bool" {
		l.wrongType(e, wantBool)
		return false, false
	}
	b, err := strconv.ParseBool(strings.ToLower(v.Value))
	if err != nil {
		l.wrongType(e, wantBool)
		return false, false
	}
	return b, true
}

// sequence returns the items of a list.
func (l *loader) sequence(e entry) ([]*yaml.Node, bool) {
	if e.val.Kind != yaml.SequenceNode {
		l.wrongType(e, wantList)
		return nil, false
	}
	return e.val.Content, true
}

// texts reads a list of texts; each element comes back as an entry keyed
// like the list, for positions.
func (l *loader) texts(e entry) ([]string, []entry, bool) {
	items, ok := l.sequence(e)
	if !ok {
		return nil, nil, false
	}
	var out []string
	var entries []entry
	for _, n := range items {
		el := entry{f: e.f, key: e.key, val: deref(n)}
		s, ok := l.nonEmpty(el)
		if !ok {
			continue
		}
		out = append(out, s)
		entries = append(entries, el)
	}
	return out, entries, true
}

// exprText reads the source of an expression: text, or a bare true/false.
func (l *loader) exprText(e entry) (string, bool) {
	v := e.val
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!str" && v.Tag != "!!bool") {
		l.wrongType(e, wantExpr)
		return "", false
	}
	if strings.TrimSpace(v.Value) == "" {
		l.errorf(e.pos(), "「%s」不能为空", "%s may not be empty", e.key.Value)
		return "", false
	}
	return v.Value, true
}

// ratText writes r as a decimal when it is one, else as a fraction.
func ratText(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	for prec := 1; prec <= 12; prec++ {
		s := r.FloatString(prec)
		if q, ok := new(big.Rat).SetString(s); ok && q.Cmp(r) == 0 {
			return s
		}
	}
	return r.RatString()
}

// checklist decodes and checks a whole checklist.
func (l *loader) checklist(f *source) *Checklist {
	root := l.parse(f)
	if root == nil {
		return nil
	}
	m, ok := l.mapping(f, root, inChecklist, checklistKeys)
	if !ok {
		return nil
	}
	c := &Checklist{Source: f.name, YAML: f.data, NA: NAFull, Calendars: []string{"cn"}}
	l.require(m, inChecklist, "format", "id", "title", "total", "performance_weight", "grades", "sections")
	if e, ok := m.get("format"); ok {
		if s, ok := l.text(e); ok && s != Format {
			if s == FragmentsFormat {
				l.errorf(e.pos(), "这是共享指标文件（%s），不是指标体系（%s）", "this is a fragments file (%s), not a checklist (%s)", s, Format)
			} else {
				l.errorf(e.pos(), "format 应为「%s」，不是「%s」", "format should be %q, not %q", Format, s)
			}
		}
	}
	if e, ok := m.get("id"); ok {
		if s, ok := l.text(e); ok {
			if !checklistIDRe.MatchString(s) || len(s) > 64 {
				l.errorf(e.pos(), "id「%s」只能由小写字母、数字和连字符组成（如 litong-2017）", "id %q may only hold lower-case letters, digits and hyphens (like litong-2017)", s)
			}
			c.ID = s
		}
	}
	if e, ok := m.get("title"); ok {
		c.Title, _ = l.nonEmpty(e)
	}
	if e, ok := m.get("basis"); ok {
		c.Basis, _ = l.text(e)
	}
	if e, ok := m.get("year"); ok {
		if y, ok := l.integer(e); ok {
			if y < 2000 || y > 2100 {
				l.errorf(e.pos(), "year「%d」不是合理的年度（2000–2100）", "year %d is not a plausible year (2000–2100)", y)
			} else {
				c.Year = y
			}
		}
	}
	if e, ok := m.get("total"); ok {
		c.Total, _ = l.positive(e)
	}
	if e, ok := m.get("performance_weight"); ok {
		if w, ok := l.number(e); ok {
			switch {
			case w.Cmp(big.NewRat(4, 100)) < 0:
				l.errorf(e.pos(), "performance_weight「%s」低于0.04：方案六(四)要求政务公开在效能考核中「分值权重不低于4%%」", "performance_weight %s is below 0.04: plan clause 六(四) requires a weight of at least 4%% in the performance review", ratText(w))
			case w.Cmp(big.NewRat(1, 1)) > 0:
				l.errorf(e.pos(), "performance_weight「%s」不能大于1", "performance_weight %s may not exceed 1", ratText(w))
			default:
				c.PerformanceWeight = w
			}
		}
	}
	if e, ok := m.get("na"); ok {
		if s, ok := l.text(e); ok {
			if s != NAFull && s != NAExclude {
				l.errorf(e.pos(), "na 应为 full 或 exclude，不是「%s」", "na should be full or exclude, not %q", s)
			} else {
				c.NA = s
			}
		}
	}
	if e, ok := m.get("grades"); ok {
		c.Grades = l.grades(e, c.Total)
	}
	calPos := f.pos(root)
	if e, ok := m.get("calendar"); ok {
		calPos = e.pos()
		c.Calendars = l.calendarNames(e)
	}
	if c.Calendars != nil {
		cal, err := calendar.Load(c.Calendars, l.opts.Calendars...)
		if err != nil {
			l.errorf(calPos, "无法载入工作日历：%s", "cannot load the working-day calendar: %s", err.Error())
		}
		c.Calendar = cal
	}
	c.Schema = DefaultSchema()
	if e, ok := m.get("tables"); ok {
		l.tables(e, c.Schema)
	}
	c.Rules = RulesScope(c.Schema, c.Calendar)
	if e, ok := m.get("sections"); ok {
		env := &compileEnv{schema: c.Schema, rules: c.Rules}
		c.Sections = l.sections(e, env)
	}
	l.sums(m, c)
	return c
}

// grades reads the grade bands: strictly descending minimums ending at 0.
func (l *loader) grades(e entry, total *big.Rat) []Grade {
	nodes, ok := l.sequence(e)
	if !ok {
		return nil
	}
	if len(nodes) == 0 {
		l.errorf(e.pos(), "grades 不能为空", "grades may not be empty")
		return nil
	}
	var grades []Grade
	names := map[string]int{}
	var prev *big.Rat
	var last entry
	lastOK := false
	for _, n := range nodes {
		gm, ok := l.mapping(e.f, n, inGrade, gradeKeys)
		if !ok {
			lastOK = false
			continue
		}
		l.require(gm, inGrade, "name", "min")
		g := Grade{}
		if ne, ok := gm.get("name"); ok {
			if s, ok := l.nonEmpty(ne); ok {
				if line, dup := names[s]; dup {
					l.errorf(ne.pos(), "等级「%s」重复（第 %d 行已有）", "duplicate grade %q (already on line %d)", s, line)
				}
				names[s] = ne.val.Line
				g.Name = s
			}
		}
		lastOK = false
		if me, ok := gm.get("min"); ok {
			if r, ok := l.number(me); ok {
				switch {
				case r.Sign() < 0:
					l.errorf(me.pos(), "等级的最低分不能为负数：「%s」", "a grade's min may not be negative: %s", ratText(r))
				case prev != nil && r.Cmp(prev) >= 0:
					l.errorf(me.pos(), "等级应从高到低排列：最低分「%s」应小于上一等级的「%s」", "grades must be in strictly descending order: min %s should be below the previous grade's %s", ratText(r), ratText(prev))
				case prev == nil && total != nil && r.Cmp(total) > 0:
					l.errorf(me.pos(), "最高等级的最低分「%s」超过总分「%s」", "the top grade's min %s exceeds the total %s", ratText(r), ratText(total))
				}
				g.Min = r
				prev = r
				last, lastOK = me, true
			}
		}
		grades = append(grades, g)
	}
	if lastMin := grades[len(grades)-1].Min; lastOK && lastMin.Sign() != 0 {
		l.errorf(last.pos(), "最后一个等级的最低分应为0，不是「%s」", "the last grade's min should be 0, not %s", ratText(lastMin))
	}
	return grades
}

// calendarNames reads the calendar list; every name must be embedded.
func (l *loader) calendarNames(e entry) []string {
	names, entries, ok := l.texts(e)
	if !ok {
		return nil
	}
	if len(names) == 0 {
		l.errorf(e.pos(), "calendar 不能为空（默认为 [cn]，不需要时请删去此键）", "calendar may not be empty (leave the key out for the default [cn])")
		return nil
	}
	known := calendar.Names()
	good := true
	for i, n := range names {
		switch {
		case !slices.Contains(known, n):
			good = false
			if s := closest(n, known); s != "" {
				l.errorf(entries[i].pos(), "未知的工作日历「%s」，是否想写「%s」？", "unknown calendar %q; did you mean %q?", n, s)
			} else {
				l.errorf(entries[i].pos(), "未知的工作日历「%s」（可用：%s）", "unknown calendar %q (known: %s)", n, strings.Join(known, ", "))
			}
		case slices.Index(names, n) < i:
			good = false
			l.errorf(entries[i].pos(), "工作日历「%s」重复", "duplicate calendar %q", n)
		}
	}
	if !good {
		return nil
	}
	if f, err := calendar.Embedded(names[0]); err == nil && f.Kind != calendar.National {
		l.errorf(entries[0].pos(), "第一个工作日历应为全国日历（如 cn），「%[1]s」是地方日历", "the first calendar should be a national one (such as cn); %q is %s", names[0], f.Kind)
		return nil
	}
	return names
}

// tables merges the checklist's tables: into the schema s.
func (l *loader) tables(e entry, s *Schema) {
	m, ok := l.mapping(e.f, e.val, inTables, nil)
	if !ok {
		return
	}
	for _, name := range m.keys {
		te := m.byKey[name]
		if !nameRe.MatchString(name) {
			l.errorf(te.keyPos(), "表名「%s」只能由小写字母、数字和下划线组成，以字母开头", "table name %q may only hold lower-case letters, digits and underscores, starting with a letter", name)
			continue
		}
		tm, ok := l.mapping(e.f, te.val, inTable, tableKeys)
		if !ok {
			continue
		}
		t := s.Table(name)
		isNew := t == nil
		if isNew && len(s.Tables) >= maxTables {
			l.errorf(te.keyPos(), "表过多：最多 %d 个", "too many tables: at most %d", maxTables)
			return
		}
		if isNew {
			l.require(tm, msg.Text{Zh: "新表「" + name + "」", En: "new table " + strconv.Quote(name)}, "sheet", "fields")
			t = &Table{Name: name}
		}
		if se, ok := tm.get("sheet"); ok {
			if sheet, ok := l.nonEmpty(se); ok {
				switch {
				case !isNew && sheet != t.Sheet:
					l.errorf(se.pos(), "表「%s」的工作表名是「%s」，不能改；其他名称请写在 sheet_aliases 中", "table %q has the sheet name %q, which cannot change; list other names in sheet_aliases", name, t.Sheet)
				case isNew:
					if other := sheetOwner(s, sheet); other != nil {
						l.errorf(se.pos(), "工作表名「%s」已属于表「%s」", "sheet name %q already belongs to table %q", sheet, other.Name)
					}
					t.Sheet = sheet
				}
			}
		}
		if fe, ok := tm.get("form"); ok {
			if b, ok := l.boolean(fe); ok {
				if !isNew && b != t.Form {
					l.errorf(fe.pos(), "不能改变表「%s」的 form", "the form of table %q cannot change", name)
				}
				t.Form = b
			}
		}
		if he, ok := tm.get("help"); ok {
			if h, ok := l.text(he); ok {
				t.Help = h
			}
		}
		if ae, ok := tm.get("sheet_aliases"); ok {
			l.addAliases(ae, t.Sheet, &t.SheetAliases, func(a string) string {
				if other := sheetOwner(s, a); other != nil && other != t {
					return other.Name
				}
				return ""
			}, "工作表名「%s」已属于表「%s」", "sheet name %q already belongs to table %q")
		}
		if fe, ok := tm.get("fields"); ok {
			l.fields(fe, t, isNew)
		}
		if isNew {
			// Added even when incomplete (already reported), so that
			// items using it are not reported as well.
			if t.Sheet == "" {
				t.Sheet = name
			}
			s.Tables = append(s.Tables, t)
		}
	}
}

// sheetOwner returns the table whose sheet name or an alias of it matches
// name once folded (as the workbook reader matches them), or nil.
// addAliases adds the names listed at e to *list, leaving out the primary
// name and those already there; a name that owner says belongs to another
// table or field is an error (zh and en take the name and the owner's).
func (l *loader) addAliases(e entry, primary string, list *[]string, owner func(string) string, zh, en string) {
	aliases, entries, _ := l.texts(e)
	for i, a := range aliases {
		if other := owner(a); other != "" {
			l.errorf(entries[i].pos(), zh, en, a, other)
			continue
		}
		if a != primary && !slices.Contains(*list, a) {
			*list = append(*list, a)
		}
	}
}

func sheetOwner(s *Schema, name string) *Table {
	for _, t := range s.Tables {
		if sameLabel(t.Sheet, t.SheetAliases, name) {
			return t
		}
	}
	return nil
}

// headerOwner returns the field of t whose header or an alias of it
// matches label once folded, or nil.
func headerOwner(t *Table, label string) *Field {
	for _, f := range t.Fields {
		if sameLabel(f.Header, f.Aliases, label) {
			return f
		}
	}
	return nil
}

// sameLabel reports whether label folds to name or one of aliases.
func sameLabel(name string, aliases []string, label string) bool {
	l := Fold(label)
	return Fold(name) == l || slices.ContainsFunc(aliases, func(a string) bool { return Fold(a) == l })
}

// fields merges a tables: entry's fields into t.
func (l *loader) fields(e entry, t *Table, isNew bool) {
	nodes, ok := l.sequence(e)
	if !ok {
		return
	}
	if isNew && len(nodes) == 0 {
		l.errorf(e.pos(), "新表「%s」至少要有一个字段", "new table %q needs at least one field", t.Name)
	}
	for _, n := range nodes {
		fm, ok := l.mapping(e.f, n, inField, fieldKeys)
		if !ok {
			continue
		}
		l.require(fm, inField, "name")
		ne, ok := fm.get("name")
		if !ok {
			continue
		}
		name, ok := l.nonEmpty(ne)
		if !ok {
			continue
		}
		f := t.Field(name)
		if f == nil {
			if len(t.Fields) >= maxFields {
				l.errorf(ne.pos(), "表「%s」的字段过多：最多 %d 个", "too many fields in table %q: at most %d", t.Name, maxFields)
				return
			}
			if !nameRe.MatchString(name) {
				l.errorf(ne.pos(), "字段名「%s」只能由小写字母、数字和下划线组成，以字母开头", "field name %q may only hold lower-case letters, digits and underscores, starting with a letter", name)
				continue
			}
			if rules.Reserved(name) {
				l.errorf(ne.pos(), "字段名「%s」是表达式中已有的名称，请换一个", "field name %q is already a name in expressions; choose another", name)
				continue
			}
			l.require(fm, msg.Text{Zh: "新字段「" + name + "」", En: "new field " + strconv.Quote(name)}, "header", "type")
			f = &Field{Name: name}
			if he, ok := fm.get("header"); ok {
				if h, ok := l.nonEmpty(he); ok {
					if other := headerOwner(t, h); other != nil {
						l.errorf(he.pos(), "表头「%s」已属于字段「%s」", "header %q already belongs to field %q", h, other.Name)
					}
					f.Header = h
				}
			}
			if te, ok := fm.get("type"); ok {
				if s, ok := l.text(te); ok {
					if !slices.Contains(FieldTypes, FieldType(s)) {
						l.unknown(te, s, "字段类型", "field type", fieldTypeNames())
					} else {
						f.Type = FieldType(s)
					}
				}
			}
			if f.Type == Enum && !fm.has("values") {
				l.errorf(fm.f.pos(fm.node), "enum 字段「%s」需要 values", "enum field %q needs values", name)
			}
			// Added even when incomplete (already reported), so that
			// expressions using it are not reported as well.
			if f.Header == "" {
				f.Header = name
			}
			if f.Type == "" {
				f.Type = Text
				if l.broken == nil {
					l.broken = map[string][]string{}
				}
				l.broken[t.Name] = append(l.broken[t.Name], name)
			}
			t.Fields = append(t.Fields, f)
		} else {
			if he, ok := fm.get("header"); ok {
				if h, ok := l.text(he); ok && h != f.Header {
					l.errorf(he.pos(), "字段「%s」的表头是「%s」，不能改；其他名称请写在 aliases 中", "field %q has the header %q, which cannot change; list other names in aliases", name, f.Header)
				}
			}
			if te, ok := fm.get("type"); ok {
				if s, ok := l.text(te); ok && FieldType(s) != f.Type {
					l.errorf(te.pos(), "字段「%s」的类型是 %s，不能改", "field %q has the type %s, which cannot change", name, f.Type)
				}
			}
		}
		if ae, ok := fm.get("aliases"); ok {
			l.addAliases(ae, f.Header, &f.Aliases, func(a string) string {
				if other := headerOwner(t, a); other != nil && other != f {
					return other.Name
				}
				return ""
			}, "表头「%s」已属于字段「%s」", "header %q already belongs to field %q")
		}
		if re, ok := fm.get("required"); ok {
			if b, ok := l.boolean(re); ok {
				f.Required = b
			}
		}
		if he, ok := fm.get("help"); ok {
			if h, ok := l.text(he); ok {
				f.Help = h
			}
		}
		if ve, ok := fm.get("values"); ok {
			if f.Type != Enum && f.Type != "" {
				l.errorf(ve.keyPos(), "values 只用于 enum 字段，「%s」是 %s", "values are only for enum fields; %q is %s", name, f.Type)
			} else {
				l.values(ve, f)
			}
		}
	}
}

func fieldTypeNames() []string {
	names := make([]string, len(FieldTypes))
	for i, t := range FieldTypes {
		names[i] = string(t)
	}
	return names
}

// valueOwner returns the index of the enum value named or aliased label, or -1.
func valueOwner(f *Field, label string) int {
	return slices.IndexFunc(f.Values, func(v EnumValue) bool {
		return v.Name == label || slices.Contains(v.Aliases, label)
	})
}

// values merges enum values into f.
func (l *loader) values(e entry, f *Field) {
	nodes, ok := l.sequence(e)
	if !ok {
		return
	}
	for _, n := range nodes {
		vm, ok := l.mapping(e.f, n, inValue, valueKeys)
		if !ok {
			continue
		}
		l.require(vm, inValue, "name")
		ne, ok := vm.get("name")
		if !ok {
			continue
		}
		name, ok := l.nonEmpty(ne)
		if !ok {
			continue
		}
		i := slices.IndexFunc(f.Values, func(v EnumValue) bool { return v.Name == name })
		if i < 0 {
			if o := valueOwner(f, name); o >= 0 {
				l.errorf(ne.pos(), "「%s」已是取值「%s」的别名", "%q is already an alias of the value %q", name, f.Values[o].Name)
				continue
			}
			f.Values = append(f.Values, EnumValue{Name: name})
			i = len(f.Values) - 1
		}
		if ae, ok := vm.get("aliases"); ok {
			aliases, entries, _ := l.texts(ae)
			for j, a := range aliases {
				if o := valueOwner(f, a); o >= 0 && o != i {
					l.errorf(entries[j].pos(), "「%s」已属于取值「%s」", "%q already belongs to the value %q", a, f.Values[o].Name)
					continue
				}
				if a != name && !slices.Contains(f.Values[i].Aliases, a) {
					f.Values[i].Aliases = append(f.Values[i].Aliases, a)
				}
			}
		}
	}
}

// unknown reports a value that is not one of known, suggesting the closest.
func (l *loader) unknown(e entry, got, zhWhat, enWhat string, known []string) {
	if s := closest(got, known); s != "" {
		l.errorf(e.pos(), "未知的%[1]s「%[3]s」，是否想写「%[4]s」？", "unknown %[2]s %[3]q; did you mean %[4]q?", zhWhat, enWhat, got, s)
		return
	}
	l.errorf(e.pos(), "未知的%[1]s「%[3]s」（可用：%[4]s）", "unknown %[2]s %[3]q (known: %[4]s)", zhWhat, enWhat, got, strings.Join(known, ", "))
}

// sections reads the sections and their items, compiling expressions.
func (l *loader) sections(e entry, env *compileEnv) []*Section {
	nodes, ok := l.sequence(e)
	if !ok {
		return nil
	}
	if len(nodes) == 0 {
		l.errorf(e.pos(), "sections 不能为空", "sections may not be empty")
		return nil
	}
	sectionIDs := map[string]Pos{}
	itemIDs := map[string]Pos{}
	count := 0
	var sections []*Section
	for _, n := range nodes {
		sm, ok := l.mapping(e.f, n, inSection, sectionKeys)
		if !ok {
			continue
		}
		l.require(sm, inSection, "id", "title", "items")
		sec := &Section{Pos: e.f.pos(sm.node)}
		if ie, ok := sm.get("id"); ok {
			sec.ID, _ = l.id(ie, sectionIDs, inSection)
		}
		if te, ok := sm.get("title"); ok {
			sec.Title, _ = l.nonEmpty(te)
		}
		if pe, ok := sm.get("points"); ok {
			sec.Points, _ = l.positive(pe)
			if l.sectionPoints == nil {
				l.sectionPoints = map[*Section]Pos{}
			}
			l.sectionPoints[sec] = pe.pos()
		}
		if ie, ok := sm.get("items"); ok {
			items, ok := l.sequence(ie)
			if ok && len(items) == 0 {
				l.errorf(ie.pos(), "指标类别的 items 不能为空", "a section's items may not be empty")
			}
			for _, in := range items {
				if count++; count > maxItems {
					l.errorf(e.f.pos(in), "指标过多：最多 %d 项", "too many items: at most %d", maxItems)
					l.truncated = true
					return append(sections, sec)
				}
				if it := l.item(e.f, in, sec, env, itemIDs); it != nil {
					sec.Items = append(sec.Items, it)
				}
			}
		}
		sections = append(sections, sec)
	}
	return sections
}

// id reads a section or item id, which must be unique among its kind.
func (l *loader) id(e entry, seen map[string]Pos, what msg.Text) (string, bool) {
	s, ok := l.text(e)
	if !ok {
		return "", false
	}
	if !itemIDRe.MatchString(s) || len(s) > 32 {
		l.errorf(e.pos(), "%[1]s编号「%[3]s」只能由字母、数字和 . _ - 组成", "%[2]s id %[3]q may only hold letters, digits and . _ -", what.Zh, what.En, s)
		return "", false
	}
	if prev, dup := seen[s]; dup {
		l.errorf(e.pos(), "%[1]s编号「%[3]s」重复（第 %[4]d 行已有）", "duplicate %[2]s id %[3]q (already on line %[4]d)", what.Zh, what.En, s, prev.Line)
		return s, false
	}
	seen[s] = e.pos()
	return s, true
}

func methodNames() []string {
	var names []string
	for _, m := range Methods() {
		names = append(names, string(m))
	}
	return names
}

// item reads one item, starting from its use: fragment if it names one.
func (l *loader) item(f *source, n *yaml.Node, sec *Section, env *compileEnv, ids map[string]Pos) *Item {
	own, ok := l.mapping(f, n, inItem, itemKeys)
	if !ok {
		return nil
	}
	m := own
	complete := true // false when the use: fragment is missing
	if ue, ok := own.get("use"); ok {
		complete = false
		if name, ok := l.nonEmpty(ue); ok {
			if frag := l.fragment(ue, name); frag != nil {
				m = frag.overlay(own, "use")
				complete = true
			}
		}
	}
	it := &Item{Pos: f.pos(own.node), Section: sec, Per: big.NewRat(1, 1)}
	l.require(own, inItem, "id")
	what := inItem
	if ie, ok := own.get("id"); ok && ie.val.Kind == yaml.ScalarNode {
		what = msg.Text{Zh: "指标「" + ie.val.Value + "」", En: "item " + strconv.Quote(ie.val.Value)}
	}
	if complete {
		l.require(m, what, "title", "method")
	}
	if ie, ok := own.get("id"); ok {
		it.ID, _ = l.id(ie, ids, inItem)
	}
	if te, ok := m.get("title"); ok {
		it.Title, _ = l.nonEmpty(te)
	}
	basisOK := true
	if be, ok := m.get("basis"); ok {
		it.Basis, basisOK = l.text(be)
	}
	if basisOK && strings.TrimSpace(it.Basis) == "" && it.ID != "" {
		l.warnf(it.Pos, "指标「%s」没有写 basis（依据的条款）", "item %q has no basis (the clause it enforces)", it.ID)
	}
	methodOK := false
	if me, ok := m.get("method"); ok {
		if s, ok := l.text(me); ok {
			if _, ok := LookupMethod(s); !ok {
				l.unknown(me, s, "计分方法", "method", methodNames())
			} else {
				it.Method = Method(s)
				methodOK = true
			}
		}
	}
	if pe, ok := m.get("points"); ok {
		if p, ok := l.number(pe); ok {
			switch {
			case it.Method.Info().ZeroPoints && p.Sign() != 0:
				l.errorf(pe.pos(), "一票否决（veto）指标不计分，points 应为0或省略，不是「%s」", "a veto item scores nothing: points should be 0 or left out, not %s", ratText(p))
			case !it.Method.Info().ZeroPoints && p.Sign() <= 0:
				l.errorf(pe.pos(), "points 应大于0，不是「%s」", "points must be greater than 0, not %s", ratText(p))
			default:
				it.Points = p
			}
		}
	} else if it.Method.Info().ZeroPoints {
		it.Points = new(big.Rat)
	} else if methodOK && !m.typos["points"] {
		l.errorf(it.Pos, "指标「%s」缺少 points", "item %q lacks points", it.ID)
	}
	if pe, ok := m.get("per"); ok {
		if methodOK && !it.Method.Info().Per {
			l.errorf(pe.keyPos(), "per 只用于 deduct 和 bonus 指标，本指标是 %s", "per is only for deduct and bonus items; this one is %s", it.Method)
		} else if p, ok := l.positive(pe); ok {
			it.Per = p
		}
	}
	tableOK := true
	if te, ok := m.get("table"); ok {
		if s, ok := l.text(te); ok {
			switch {
			case !it.Method.Info().Rule:
				l.errorf(te.keyPos(), "自评（self）指标按自评表计分，不能有 table", "a self item is scored from the self-evaluation sheet and may not have a table")
				tableOK = false
			case env.schema.Table(s) == nil:
				l.unknown(te, s, "表", "table", env.schema.TableNames())
				tableOK = false
			default:
				it.Table = s
			}
		} else {
			tableOK = false
		}
	}
	if fe, ok := m.get("finding"); ok {
		it.Finding, _ = l.text(fe)
	}
	if pe, ok := m.get("public"); ok {
		it.Public, _ = l.boolean(pe)
	}
	if ae, ok := m.get("applies"); ok {
		it.Applies = l.compile(ae, "", env)
	}
	if we, ok := m.get("where"); ok {
		switch {
		case it.Table == "" && tableOK:
			l.errorf(we.keyPos(), "where 只用于行规则（需要 table）", "where is only for row rules (it needs a table)")
		case it.Table != "":
			it.Where = l.compile(we, it.Table, env)
		}
	}
	ce, hasCheck := m.get("check")
	switch {
	case !it.Method.Info().Rule && hasCheck:
		l.errorf(ce.keyPos(), "自评（self）指标按自评表计分，不需要 check", "a self item is scored from the self-evaluation sheet and needs no check")
	case !it.Method.Info().Rule || !methodOK:
	case !hasCheck && !m.typos["check"]:
		l.errorf(it.Pos, "指标「%s」缺少 check（只有 self 指标可以不写）", "item %q lacks a check (only self items may leave it out)", it.ID)
	case hasCheck && tableOK:
		it.Check = l.compile(ce, it.Table, env)
	}
	return it
}

// fragment returns the shared item definition name, reading the fragments
// file on first use; it reports an unknown name at the use: value.
func (l *loader) fragment(e entry, name string) *mapping {
	if !l.fragsRead {
		l.fragsRead = true
		l.readFragments()
	}
	if frag, ok := l.frags[name]; ok {
		return frag
	}
	if l.frags == nil {
		l.errorf(e.pos(), "共享指标「%s」不存在：没有可用的共享指标文件", "unknown fragment %q: no fragments file is available", name)
		return nil
	}
	l.unknown(e, name, "共享指标", "fragment", l.fragNames)
	return nil
}

// readFragments reads the fragments file: the embedded data/common.yaml
// unless the loader was given another.
func (l *loader) readFragments() {
	f := l.fragsFile
	if f == nil {
		data, err := dataFS.ReadFile(dataDir + "/" + fragmentsFile)
		if err != nil {
			return
		}
		f = &source{name: embeddedPrefix + strings.TrimSuffix(fragmentsFile, ".yaml"), data: data}
	}
	l.frags = map[string]*mapping{}
	root := l.parse(f)
	if root == nil {
		return
	}
	m, ok := l.mapping(f, root, inFragments, fragmentsKeys)
	if !ok {
		return
	}
	l.require(m, inFragments, "format", "items")
	if e, ok := m.get("format"); ok {
		if s, ok := l.text(e); ok && s != FragmentsFormat {
			l.errorf(e.pos(), "format 应为「%s」，不是「%s」", "format should be %q, not %q", FragmentsFormat, s)
		}
	}
	e, ok := m.get("items")
	if !ok {
		return
	}
	items, ok := l.mapping(f, e.val, inFragments, nil)
	if !ok {
		return
	}
	for _, name := range items.keys {
		ie := items.byKey[name]
		if !fragmentRe.MatchString(name) {
			l.errorf(ie.keyPos(), "共享指标名「%s」只能由小写字母、数字、- 和 _ 组成", "fragment name %q may only hold lower-case letters, digits, - and _", name)
			continue
		}
		fm, ok := l.mapping(f, ie.val, inFragment, fragmentKeys)
		if !ok {
			continue
		}
		l.frags[name] = fm
		l.fragNames = append(l.fragNames, name)
	}
}

// compileEnv is what every expression of a checklist is compiled against.
type compileEnv struct {
	schema *Schema
	rules  *rules.Scope
}

// sums checks that points add up, in sections and to the total.
func (l *loader) sums(m *mapping, c *Checklist) {
	if l.truncated {
		return
	}
	total := new(big.Rat)
	complete := true
	for _, s := range c.Sections {
		sum := new(big.Rat)
		sectionComplete := true
		for _, it := range s.Items {
			if it.Points == nil || it.Method == "" {
				sectionComplete = false
				continue
			}
			if it.Method.Info().InBase {
				sum.Add(sum, it.Points)
			}
		}
		if !sectionComplete {
			complete = false
			continue
		}
		total.Add(total, sum)
		if s.Points != nil && s.Points.Cmp(sum) != 0 {
			l.errorf(l.sectionPoints[s], "指标类别「%s」的分值「%s」不等于其指标分值之和「%s」（不含 bonus 和 veto）", "section %q has points %s but its items add up to %s (bonus and veto left out)", s.ID, ratText(s.Points), ratText(sum))
		}
	}
	e, ok := m.get("total")
	if !complete || !ok || c.Total == nil || len(c.Sections) == 0 {
		return
	}
	if c.Total.Cmp(total) != 0 {
		l.errorf(e.pos(), "总分「%s」不等于各指标分值之和「%s」（不含 bonus 和 veto）", "total %s differs from the sum of the items' points, %s (bonus and veto left out)", ratText(c.Total), ratText(total))
	}
}
