package checklists

import (
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/rules"
	"github.com/zwgk/zwgk/checklists/yamlfile"
)

// FragmentsFormat is the value of the format key of the shared item
// definitions file (data/common.yaml) that items name with `use:`.
const FragmentsFormat = "zwgk.fragments/v1"

// Limits against hostile input: those of the YAML read, checked before
// anything is decoded, and those of the work of compiling.
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
	l.r.Wording = wording
	c := l.checklist(&yamlfile.File{Name: name, Data: data})
	l.r.Errs.Sort()
	if l.r.Errs.HasErrors() {
		c = nil
	}
	return c, l.r.Errs
}

// limits are those of every file the loader reads.
var limits = yamlfile.Limits{Size: MaxSize, Depth: maxDepth, Aliases: maxAliases, Expansion: maxExpansion}

// wording is how the format words the reader's errors where it differs
// from the shared wording.
var wording = yamlfile.Wording{
	TooLarge: msg.Text{Zh: "文件过大（%d 字节），指标体系文件不能超过 %d 字节（4 MiB）", En: "file too large (%d bytes): a checklist may not exceed %d bytes (4 MiB)"},
	MergeKey: msg.Text{Zh: "不支持 YAML 合并键「<<」；共用的指标定义请写在共享指标文件中，用 use: 引用", En: "YAML merge keys (<<) are not supported; share item definitions with use:"},
}

// The keys each mapping of the format may hold.
var (
	checklistKeys = []string{"format", "id", "title", "basis", "year", "total", "performance_weight", "na", "grades", "calendar", "tables", "sections", "max_score", "bonus_cap"}
	gradeKeys     = []string{"name", "min"}
	sectionKeys   = []string{"id", "title", "points", "items", "pass_min", "effect"}
	itemKeys      = []string{"id", "title", "basis", "points", "method", "per", "table", "applies", "na_reason", "where", "due", "check", "finding", "public", "use", "cap", "overflow", "rules", "effect"}
	fragmentKeys  = []string{"title", "basis", "points", "method", "per", "table", "applies", "na_reason", "where", "due", "check", "finding", "public"}
	fragmentsKeys = []string{"format", "items"}
	tableKeys     = []string{"sheet", "sheet_aliases", "form", "help", "fields", "defaults", "source", "owner", "optional"}
	fieldKeys     = []string{"name", "header", "aliases", "type", "required", "values", "help"}
	valueKeys     = []string{"name", "aliases"}
)

var (
	checklistIDRe = regexp.MustCompile(`^[a-z0-9-]+$`)
	itemIDRe      = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
	nameRe        = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)
	fragmentRe    = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]*$`)
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

// loader collects the errors of one Load.
type loader struct {
	opts LoadOptions
	r    yamlfile.Reader // reads every file of the Load; holds the errors

	v2    bool     // the file says format: zwgk.checklist/v2
	types []string // unit types named by typed points, in order

	sectionPoints map[*Section]Pos // where each section's points: value is
	truncated     bool             // items were left out: their points do not add up
	// broken holds, by table, the fields added though their definition is
	// wrong: errors of expressions that use them are not reported again.
	broken map[string][]string

	fragsFile *yamlfile.File // the fragments file; nil for the embedded one
	fragsRead bool
	frags     map[string]*yamlfile.Mapping
	fragNames []string
}

func (l *loader) errorf(p Pos, zh, en string, args ...any) { l.r.Errorf(p, zh, en, args...) }

func (l *loader) warnf(p Pos, zh, en string, args ...any) { l.r.Warnf(p, zh, en, args...) }

// wantExpr is what an expression key should hold.
var wantExpr = msg.Text{Zh: "表达式（文本）", En: "an expression (text)"}

// exprText reads the source of an expression: text, or a bare true/false.
func (l *loader) exprText(e yamlfile.Entry) (string, bool) {
	v := e.Value
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!str" && v.Tag != "!!bool") {
		l.r.WrongType(e, wantExpr)
		return "", false
	}
	if strings.TrimSpace(v.Value) == "" {
		l.errorf(e.Pos(), "「%s」不能为空", "%s may not be empty", e.Key.Value)
		return "", false
	}
	return v.Value, true
}

// checklist decodes and checks a whole checklist.
func (l *loader) checklist(f *yamlfile.File) *Checklist {
	root, ok := l.r.Decode(f, limits)
	if !ok {
		return nil
	}
	m, ok := l.r.Mapping(root, inChecklist, checklistKeys)
	if !ok {
		return nil
	}
	c := &Checklist{Source: f.Name, YAML: f.Data, NA: NAFull, Calendars: []string{"cn"}, Version: 1}
	l.r.Require(m, inChecklist, "format", "id", "title", "total", "performance_weight", "grades", "sections")
	if e, ok := m.Get("format"); ok {
		if s, ok := l.r.Text(e); ok && s != Format {
			if s == FormatV2 {
				l.v2 = true
			} else if s == FragmentsFormat {
				l.errorf(e.Pos(), "这是共享指标文件（%s），不是指标体系（%s）", "this is a fragments file (%s), not a checklist (%s)", s, Format)
			} else {
				l.errorf(e.Pos(), "format 应为「%s」或「%s」，不是「%s」", "format should be %q or %q, not %q", Format, FormatV2, s)
			}
		}
	}
	if e, ok := m.Get("id"); ok {
		if s, ok := l.r.Text(e); ok {
			if !checklistIDRe.MatchString(s) || len(s) > 64 {
				l.errorf(e.Pos(), "id「%s」只能由小写字母、数字和连字符组成（如 litong-2017）", "id %q may only hold lower-case letters, digits and hyphens (like litong-2017)", s)
			}
			c.ID = s
		}
	}
	if e, ok := m.Get("title"); ok {
		c.Title, _ = l.r.NonEmpty(e)
	}
	if e, ok := m.Get("basis"); ok {
		c.Basis, _ = l.r.Text(e)
	}
	if e, ok := m.Get("year"); ok {
		if y, ok := l.r.Integer(e); ok {
			if y < 2000 || y > 2100 {
				l.errorf(e.Pos(), "year「%d」不是合理的年度（2000–2100）", "year %d is not a plausible year (2000–2100)", y)
			} else {
				c.Year = y
			}
		}
	}
	if e, ok := m.Get("total"); ok {
		c.Total, _ = l.r.Positive(e)
	}
	if l.v2 {
		c.Version = 2
	}
	l.checklistV2(m, c)
	if e, ok := m.Get("performance_weight"); ok {
		if w, ok := l.r.Number(e); ok {
			switch {
			case w.Cmp(big.NewRat(4, 100)) < 0:
				l.errorf(e.Pos(), "performance_weight「%s」低于0.04：方案六(四)要求政务公开在效能考核中「分值权重不低于4%%」", "performance_weight %s is below 0.04: plan clause 六(四) requires a weight of at least 4%% in the performance review", yamlfile.NumberText(w))
			case w.Cmp(big.NewRat(1, 1)) > 0:
				l.errorf(e.Pos(), "performance_weight「%s」不能大于1", "performance_weight %s may not exceed 1", yamlfile.NumberText(w))
			default:
				c.PerformanceWeight = w
			}
		}
	}
	if e, ok := m.Get("na"); ok {
		if s, ok := l.r.Text(e); ok {
			if s != NAFull && s != NAExclude {
				l.errorf(e.Pos(), "na 应为 full 或 exclude，不是「%s」", "na should be full or exclude, not %q", s)
			} else {
				c.NA = s
			}
		}
	}
	if e, ok := m.Get("grades"); ok {
		c.Grades = l.grades(e, c.Max()) // v2: up to max_score
	}
	calPos := root.Pos()
	if e, ok := m.Get("calendar"); ok {
		calPos = e.Pos()
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
	if e, ok := m.Get("tables"); ok {
		l.tables(e, c.Schema)
	}
	c.Rules = RulesScope(c.Schema, c.Calendar)
	if e, ok := m.Get("sections"); ok {
		env := &compileEnv{schema: c.Schema, rules: c.Rules}
		c.Sections = l.sections(e, env)
	}
	c.Types = l.types
	l.sums(m, c)
	l.typedSums(m, c)
	l.gates(c)
	l.bonusRoom(c)
	return c
}

// grades reads the grade bands: strictly descending minimums ending at 0.
func (l *loader) grades(e yamlfile.Entry, total *big.Rat) []Grade {
	nodes, ok := l.r.Sequence(e)
	if !ok {
		return nil
	}
	if len(nodes) == 0 {
		l.errorf(e.Pos(), "grades 不能为空", "grades may not be empty")
		return nil
	}
	var grades []Grade
	names := map[string]int{}
	var prev *big.Rat
	var last yamlfile.Entry
	lastOK := false
	for _, n := range nodes {
		gm, ok := l.r.Mapping(n, inGrade, gradeKeys)
		if !ok {
			lastOK = false
			continue
		}
		l.r.Require(gm, inGrade, "name", "min")
		g := Grade{}
		if ne, ok := gm.Get("name"); ok {
			if s, ok := l.r.NonEmpty(ne); ok {
				if line, dup := names[s]; dup {
					l.errorf(ne.Pos(), "等级「%s」重复（第 %d 行已有）", "duplicate grade %q (already on line %d)", s, line)
				}
				names[s] = ne.Value.Line
				g.Name = s
			}
		}
		lastOK = false
		if me, ok := gm.Get("min"); ok {
			if r, ok := l.r.Number(me); ok {
				switch {
				case r.Sign() < 0:
					l.errorf(me.Pos(), "等级的最低分不能为负数：「%s」", "a grade's min may not be negative: %s", yamlfile.NumberText(r))
				case prev != nil && r.Cmp(prev) >= 0:
					l.errorf(me.Pos(), "等级应从高到低排列：最低分「%s」应小于上一等级的「%s」", "grades must be in strictly descending order: min %s should be below the previous grade's %s", yamlfile.NumberText(r), yamlfile.NumberText(prev))
				case prev == nil && total != nil && r.Cmp(total) > 0:
					l.errorf(me.Pos(), "最高等级的最低分「%s」超过总分「%s」", "the top grade's min %s exceeds the total %s", yamlfile.NumberText(r), yamlfile.NumberText(total))
				}
				g.Min = r
				prev = r
				last, lastOK = me, true
			}
		}
		grades = append(grades, g)
	}
	// lastOK means the last band was a mapping with a number for min, so
	// grades holds it; a band that is not a mapping was reported already.
	if lastOK {
		if lastMin := grades[len(grades)-1].Min; lastMin.Sign() != 0 {
			l.errorf(last.Pos(), "最后一个等级的最低分应为0，不是「%s」", "the last grade's min should be 0, not %s", yamlfile.NumberText(lastMin))
		}
	}
	return grades
}

// calendarNames reads the calendar list; every name must be embedded.
func (l *loader) calendarNames(e yamlfile.Entry) []string {
	names, entries, ok := l.r.Texts(e)
	if !ok {
		return nil
	}
	if len(names) == 0 {
		l.errorf(e.Pos(), "calendar 不能为空（默认为 [cn]，不需要时请删去此键）", "calendar may not be empty (leave the key out for the default [cn])")
		return nil
	}
	known := calendar.Names()
	good := true
	for i, n := range names {
		switch {
		case !slices.Contains(known, n):
			good = false
			l.r.Unknown(entries[i], n, msg.Text{Zh: "工作日历", En: "calendar"}, known)
		case slices.Index(names, n) < i:
			good = false
			l.errorf(entries[i].Pos(), "工作日历「%s」重复", "duplicate calendar %q", n)
		}
	}
	if !good {
		return nil
	}
	if f, err := calendar.Embedded(names[0]); err == nil && f.Kind != calendar.National {
		l.errorf(entries[0].Pos(), "第一个工作日历应为全国日历（如 cn），「%[1]s」是地方日历", "the first calendar should be a national one (such as cn); %q is %s", names[0], f.Kind)
		return nil
	}
	return names
}

// tables merges the checklist's tables: into the schema s.
func (l *loader) tables(e yamlfile.Entry, s *Schema) {
	m, ok := l.r.Mapping(e, inTables, nil)
	if !ok {
		return
	}
	for _, name := range m.Keys {
		te, _ := m.Get(name)
		if !nameRe.MatchString(name) {
			l.errorf(te.KeyPos(), "表名「%s」只能由小写字母、数字和下划线组成，以字母开头", "table name %q may only hold lower-case letters, digits and underscores, starting with a letter", name)
			continue
		}
		tm, ok := l.r.Mapping(te, inTable, tableKeys)
		if !ok {
			continue
		}
		t := s.Table(name)
		isNew := t == nil
		if isNew && len(s.Tables) >= maxTables {
			l.errorf(te.KeyPos(), "表过多：最多 %d 个", "too many tables: at most %d", maxTables)
			return
		}
		if isNew {
			l.r.Require(tm, msg.Text{Zh: "新表「" + name + "」", En: "new table " + strconv.Quote(name)}, "sheet", "fields")
			t = &Table{Name: name}
		}
		if se, ok := tm.Get("sheet"); ok {
			if sheet, ok := l.r.NonEmpty(se); ok {
				switch {
				case !isNew && sheet != t.Sheet:
					l.errorf(se.Pos(), "表「%s」的工作表名是「%s」，不能改；其他名称请写在 sheet_aliases 中", "table %q has the sheet name %q, which cannot change; list other names in sheet_aliases", name, t.Sheet)
				case isNew:
					if other := sheetOwner(s, sheet); other != nil {
						l.errorf(se.Pos(), "工作表名「%s」已属于表「%s」", "sheet name %q already belongs to table %q", sheet, other.Name)
					}
					t.Sheet = sheet
				}
			}
		}
		if fe, ok := tm.Get("form"); ok {
			if b, ok := l.r.Boolean(fe); ok {
				if !isNew && b != t.Form {
					l.errorf(fe.Pos(), "不能改变表「%s」的 form", "the form of table %q cannot change", name)
				}
				t.Form = b
			}
		}
		if he, ok := tm.Get("help"); ok {
			if h, ok := l.r.Text(he); ok {
				t.Help = h
			}
		}
		if ae, ok := tm.Get("sheet_aliases"); ok {
			l.addAliases(ae, t.Sheet, &t.SheetAliases, func(a string) string {
				if other := sheetOwner(s, a); other != nil && other != t {
					return other.Name
				}
				return ""
			}, "工作表名「%s」已属于表「%s」", "sheet name %q already belongs to table %q")
		}
		if fe, ok := tm.Get("fields"); ok {
			l.fields(fe, t, isNew)
		}
		l.v2Only(tm, v2TableKeys)
		if de, ok := tm.Get("defaults"); ok && l.v2 {
			l.defaults(de, t)
		}
		l.districtKeys(tm, t, isNew)
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
func (l *loader) addAliases(e yamlfile.Entry, primary string, list *[]string, owner func(string) string, zh, en string) {
	aliases, entries, _ := l.r.Texts(e)
	for i, a := range aliases {
		if other := owner(a); other != "" {
			l.errorf(entries[i].Pos(), zh, en, a, other)
			continue
		}
		if a != primary && !slices.Contains(*list, a) {
			*list = append(*list, a)
		}
	}
}

// sheetOwner returns the table whose sheet name or an alias of it is name.
// District tables are left out: their files are given with --table, never
// found among a unit's sheets, so their sheet names take none from a unit's
// workbook (a scheme's own 监测问题 register may share one).
func sheetOwner(s *Schema, name string) *Table {
	for _, t := range s.Tables {
		if t.District() {
			continue
		}
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
func (l *loader) fields(e yamlfile.Entry, t *Table, isNew bool) {
	nodes, ok := l.r.Sequence(e)
	if !ok {
		return
	}
	if isNew && len(nodes) == 0 {
		l.errorf(e.Pos(), "新表「%s」至少要有一个字段", "new table %q needs at least one field", t.Name)
	}
	for _, n := range nodes {
		fm, ok := l.r.Mapping(n, inField, fieldKeys)
		if !ok {
			continue
		}
		l.r.Require(fm, inField, "name")
		ne, ok := fm.Get("name")
		if !ok {
			continue
		}
		name, ok := l.r.NonEmpty(ne)
		if !ok {
			continue
		}
		f := t.Field(name)
		if f == nil {
			if len(t.Fields) >= maxFields {
				l.errorf(ne.Pos(), "表「%s」的字段过多：最多 %d 个", "too many fields in table %q: at most %d", t.Name, maxFields)
				return
			}
			if !nameRe.MatchString(name) {
				l.errorf(ne.Pos(), "字段名「%s」只能由小写字母、数字和下划线组成，以字母开头", "field name %q may only hold lower-case letters, digits and underscores, starting with a letter", name)
				continue
			}
			if rules.Reserved(name) {
				l.errorf(ne.Pos(), "字段名「%s」是表达式中已有的名称，请换一个", "field name %q is already a name in expressions; choose another", name)
				continue
			}
			l.r.Require(fm, msg.Text{Zh: "新字段「" + name + "」", En: "new field " + strconv.Quote(name)}, "header", "type")
			f = &Field{Name: name}
			if he, ok := fm.Get("header"); ok {
				if h, ok := l.r.NonEmpty(he); ok {
					if other := headerOwner(t, h); other != nil {
						l.errorf(he.Pos(), "表头「%s」已属于字段「%s」", "header %q already belongs to field %q", h, other.Name)
					}
					f.Header = h
				}
			}
			if te, ok := fm.Get("type"); ok {
				if s, ok := l.r.Text(te); ok {
					if !slices.Contains(FieldTypes(), FieldType(s)) {
						l.r.Unknown(te, s, msg.Text{Zh: "字段类型", En: "field type"}, fieldTypeNames())
					} else {
						f.Type = FieldType(s)
					}
				}
			}
			if f.Type == Enum && !fm.Has("values") {
				l.errorf(fm.Pos(), "enum 字段「%s」需要 values", "enum field %q needs values", name)
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
			if he, ok := fm.Get("header"); ok {
				if h, ok := l.r.Text(he); ok && h != f.Header {
					l.errorf(he.Pos(), "字段「%s」的表头是「%s」，不能改；其他名称请写在 aliases 中", "field %q has the header %q, which cannot change; list other names in aliases", name, f.Header)
				}
			}
			if te, ok := fm.Get("type"); ok {
				if s, ok := l.r.Text(te); ok && FieldType(s) != f.Type {
					l.errorf(te.Pos(), "字段「%s」的类型是 %s，不能改", "field %q has the type %s, which cannot change", name, f.Type)
				}
			}
		}
		if ae, ok := fm.Get("aliases"); ok {
			l.addAliases(ae, f.Header, &f.Aliases, func(a string) string {
				if other := headerOwner(t, a); other != nil && other != f {
					return other.Name
				}
				return ""
			}, "表头「%s」已属于字段「%s」", "header %q already belongs to field %q")
		}
		if re, ok := fm.Get("required"); ok {
			if b, ok := l.r.Boolean(re); ok {
				f.Required = b
			}
		}
		if he, ok := fm.Get("help"); ok {
			if h, ok := l.r.Text(he); ok {
				f.Help = h
			}
		}
		if ve, ok := fm.Get("values"); ok {
			if f.Type != Enum && f.Type != "" {
				l.errorf(ve.KeyPos(), "values 只用于 enum 字段，「%s」是 %s", "values are only for enum fields; %q is %s", name, f.Type)
			} else {
				l.values(ve, f)
			}
		}
	}
}

func fieldTypeNames() []string {
	names := make([]string, len(FieldTypes()))
	for i, t := range FieldTypes() {
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
func (l *loader) values(e yamlfile.Entry, f *Field) {
	nodes, ok := l.r.Sequence(e)
	if !ok {
		return
	}
	for _, n := range nodes {
		vm, ok := l.r.Mapping(n, inValue, valueKeys)
		if !ok {
			continue
		}
		l.r.Require(vm, inValue, "name")
		ne, ok := vm.Get("name")
		if !ok {
			continue
		}
		name, ok := l.r.NonEmpty(ne)
		if !ok {
			continue
		}
		i := slices.IndexFunc(f.Values, func(v EnumValue) bool { return v.Name == name })
		if i < 0 {
			if o := valueOwner(f, name); o >= 0 {
				l.errorf(ne.Pos(), "「%s」已是取值「%s」的别名", "%q is already an alias of the value %q", name, f.Values[o].Name)
				continue
			}
			f.Values = append(f.Values, EnumValue{Name: name})
			i = len(f.Values) - 1
		}
		if ae, ok := vm.Get("aliases"); ok {
			aliases, entries, _ := l.r.Texts(ae)
			for j, a := range aliases {
				if o := valueOwner(f, a); o >= 0 && o != i {
					l.errorf(entries[j].Pos(), "「%s」已属于取值「%s」", "%q already belongs to the value %q", a, f.Values[o].Name)
					continue
				}
				if a != name && !slices.Contains(f.Values[i].Aliases, a) {
					f.Values[i].Aliases = append(f.Values[i].Aliases, a)
				}
			}
		}
	}
}

// sections reads the sections and their items, compiling expressions.
func (l *loader) sections(e yamlfile.Entry, env *compileEnv) []*Section {
	nodes, ok := l.r.Sequence(e)
	if !ok {
		return nil
	}
	if len(nodes) == 0 {
		l.errorf(e.Pos(), "sections 不能为空", "sections may not be empty")
		return nil
	}
	sectionIDs := map[string]Pos{}
	itemIDs := map[string]Pos{}
	count := 0
	var sections []*Section
	for _, n := range nodes {
		sm, ok := l.r.Mapping(n, inSection, sectionKeys)
		if !ok {
			continue
		}
		l.r.Require(sm, inSection, "id", "title", "items")
		sec := &Section{Pos: sm.Pos()}
		if ie, ok := sm.Get("id"); ok {
			sec.ID, _ = l.id(ie, sectionIDs, inSection)
		}
		if te, ok := sm.Get("title"); ok {
			sec.Title, _ = l.r.NonEmpty(te)
		}
		if pe, ok := sm.Get("points"); ok && pe.Value.Kind == yaml.MappingNode {
			sec.TypedPoints = l.typedPoints(pe, env, true)
		} else if ok {
			sec.Points, _ = l.r.Positive(pe)
			if l.sectionPoints == nil {
				l.sectionPoints = map[*Section]Pos{}
			}
			l.sectionPoints[sec] = pe.Pos()
		}
		l.sectionV2(sm, sec, env)
		if ie, ok := sm.Get("items"); ok {
			items, ok := l.r.Sequence(ie)
			if ok && len(items) == 0 {
				l.errorf(ie.Pos(), "指标类别的 items 不能为空", "a section's items may not be empty")
			}
			for _, in := range items {
				if count++; count > maxItems {
					l.errorf(in.Pos(), "指标过多：最多 %d 项", "too many items: at most %d", maxItems)
					l.truncated = true
					return append(sections, sec)
				}
				if it := l.item(in, sec, env, itemIDs); it != nil {
					sec.Items = append(sec.Items, it)
				}
			}
		}
		sections = append(sections, sec)
	}
	return sections
}

// id reads a section or item id, which must be unique among its kind.
func (l *loader) id(e yamlfile.Entry, seen map[string]Pos, what msg.Text) (string, bool) {
	s, ok := l.r.Text(e)
	if !ok {
		return "", false
	}
	if !itemIDRe.MatchString(s) || len(s) > 32 {
		l.errorf(e.Pos(), "%[1]s编号「%[3]s」只能由字母、数字和 . _ - 组成", "%[2]s id %[3]q may only hold letters, digits and . _ -", what.Zh, what.En, s)
		return "", false
	}
	if prev, dup := seen[s]; dup {
		l.errorf(e.Pos(), "%[1]s编号「%[3]s」重复（第 %[4]d 行已有）", "duplicate %[2]s id %[3]q (already on line %[4]d)", what.Zh, what.En, s, prev.Line)
		return s, false
	}
	seen[s] = e.Pos()
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
func (l *loader) item(n yamlfile.Entry, sec *Section, env *compileEnv, ids map[string]Pos) *Item {
	own, ok := l.r.Mapping(n, inItem, itemKeys)
	if !ok {
		return nil
	}
	m := own
	complete := true // false when the use: fragment is missing
	if ue, ok := own.Get("use"); ok {
		complete = false
		if name, ok := l.r.NonEmpty(ue); ok {
			if frag := l.fragment(ue, name); frag != nil {
				m = frag.Overlay(own, "use")
				complete = true
			}
		}
	}
	it := &Item{Pos: own.Pos(), Section: sec, Per: big.NewRat(1, 1)}
	l.r.Require(own, inItem, "id")
	what := inItem
	if ie, ok := own.Get("id"); ok && ie.Value.Kind == yaml.ScalarNode {
		what = msg.Text{Zh: "指标「" + ie.Value.Value + "」", En: "item " + strconv.Quote(ie.Value.Value)}
	}
	if complete {
		l.r.Require(m, what, "title", "method")
	}
	if ie, ok := own.Get("id"); ok {
		it.ID, _ = l.id(ie, ids, inItem)
	}
	if te, ok := m.Get("title"); ok {
		it.Title, _ = l.r.NonEmpty(te)
	}
	basisOK := true
	if be, ok := m.Get("basis"); ok {
		it.Basis, basisOK = l.r.Text(be)
	}
	if basisOK && strings.TrimSpace(it.Basis) == "" && it.ID != "" {
		l.warnf(it.Pos, "指标「%s」没有写 basis（依据的条款）", "item %q has no basis (the clause it enforces)", it.ID)
	}
	methodOK := false
	if me, ok := m.Get("method"); ok {
		if s, ok := l.r.Text(me); ok {
			if _, ok := LookupMethod(s); !ok || (Method(s) == Evaluator && !l.v2) {
				if ok {
					l.v1Error(me.Pos(), "method: evaluator")
				} else {
					l.r.Unknown(me, s, msg.Text{Zh: "计分方法", En: "method"}, methodNames())
				}
			} else {
				it.Method = Method(s)
				methodOK = true
			}
		}
	}
	if pe, ok := m.Get("points"); ok && pe.Value.Kind == yaml.MappingNode {
		if it.Method.Info().ZeroPoints {
			l.errorf(pe.Pos(), "一票否决（veto）指标不计分，不能有分类型分值", "a veto item scores nothing and may not have typed points")
		} else if tp := l.typedPoints(pe, env, false); tp != nil {
			it.TypedPoints, it.Points = tp, maxPoints(tp)
		}
	} else if ok {
		if p, ok := l.r.Number(pe); ok {
			switch {
			case it.Method.Info().ZeroPoints && p.Sign() != 0:
				l.errorf(pe.Pos(), "一票否决（veto）指标不计分，points 应为0或省略，不是「%s」", "a veto item scores nothing: points should be 0 or left out, not %s", yamlfile.NumberText(p))
			case !it.Method.Info().ZeroPoints && p.Sign() <= 0:
				l.errorf(pe.Pos(), "points 应大于0，不是「%s」", "points must be greater than 0, not %s", yamlfile.NumberText(p))
			default:
				it.Points = p
			}
		}
	} else if it.Method.Info().ZeroPoints {
		it.Points = new(big.Rat)
	} else if methodOK && !m.Typo("points") {
		l.errorf(it.Pos, "指标「%s」缺少 points", "item %q lacks points", it.ID)
	}
	if pe, ok := m.Get("per"); ok && isText(pe) && methodOK && it.Method.Info().Per {
		// an expression: itemV2
	} else if ok {
		if methodOK && !it.Method.Info().Per {
			l.errorf(pe.KeyPos(), "per 只用于 deduct 和 bonus 指标，本指标是 %s", "per is only for deduct and bonus items; this one is %s", it.Method)
		} else if p, ok := l.r.Positive(pe); ok {
			it.Per = p
		}
	}
	tableOK := true
	if te, ok := m.Get("table"); ok {
		if s, ok := l.r.Text(te); ok {
			switch {
			case !it.Method.Info().Rule:
				l.errorf(te.KeyPos(), "自评（self）指标按自评表计分，不能有 table", "a self item is scored from the self-evaluation sheet and may not have a table")
				tableOK = false
			case env.schema.Table(s) == nil:
				l.r.Unknown(te, s, msg.Text{Zh: "表", En: "table"}, env.schema.TableNames())
				tableOK = false
			default:
				it.Table = s
			}
		} else {
			tableOK = false
		}
	}
	if fe, ok := m.Get("finding"); ok {
		it.Finding, _ = l.r.Text(fe)
	}
	if pe, ok := m.Get("public"); ok {
		it.Public, _ = l.r.Boolean(pe)
	}
	if ae, ok := m.Get("applies"); ok {
		if l.v2 && it.Method.Info().OnTop && isText(ae) && len(ScoreRefs(ae.Value.Value)) > 0 {
			it.Gate = l.gate(ae, env)
		} else {
			it.Applies = l.compile(ae, "", env)
		}
	}
	if ne, ok := m.Get("na_reason"); ok {
		if s, ok := l.r.NonEmpty(ne); ok {
			it.NAReason = s
			if !m.Has("applies") {
				l.warnf(ne.Pos(), "na_reason 只在 applies 为假时显示，本指标没有写 applies", "na_reason is shown only when applies is false, and this item has no applies")
			}
		}
	}
	if we, ok := m.Get("where"); ok {
		switch {
		case it.Table == "" && tableOK:
			l.errorf(we.KeyPos(), "where 只用于行规则（需要 table）", "where is only for row rules (it needs a table)")
		case it.Table != "":
			it.Where = l.compile(we, it.Table, env)
		}
	}
	if de, ok := m.Get("due"); ok {
		switch {
		case it.Table == "" && tableOK:
			l.errorf(de.KeyPos(), "due 只用于行规则（需要 table）", "due is only for row rules (it needs a table)")
		case it.Table != "":
			it.Due = l.compileDate(de, it.Table, env)
		}
	}
	ce, hasCheck := m.Get("check")
	switch {
	case !it.Method.Info().Rule && hasCheck:
		l.errorf(ce.KeyPos(), "自评（self）指标按自评表计分，不需要 check", "a self item is scored from the self-evaluation sheet and needs no check")
	case !it.Method.Info().Rule || !methodOK:
	case !hasCheck && !m.Typo("check") && !(l.v2 && m.Has("rules")):
		l.errorf(it.Pos, "指标「%s」缺少 check（只有 self 指标可以不写）", "item %q lacks a check (only self items may leave it out)", it.ID)
	case hasCheck && tableOK:
		it.Check = l.compile(ce, it.Table, env)
	}
	if it.Check != nil && it.Due == nil && it.Check.Program.Uses(rules.VarDue) {
		l.warnf(ce.Pos(), "check 用到 due，但本指标没有写 due:（期限），due 总是空的", "check uses due, but the item has no due: (deadline), so due is always empty")
	}
	l.itemV2(m, it, env)
	return it
}

// fragment returns the shared item definition name, reading the fragments
// file on first use; it reports an unknown name at the use: value.
func (l *loader) fragment(e yamlfile.Entry, name string) *yamlfile.Mapping {
	if !l.fragsRead {
		l.fragsRead = true
		l.readFragments()
	}
	if frag, ok := l.frags[name]; ok {
		return frag
	}
	if l.frags == nil {
		l.errorf(e.Pos(), "共享指标「%s」不存在：没有可用的共享指标文件", "unknown fragment %q: no fragments file is available", name)
		return nil
	}
	l.r.Unknown(e, name, msg.Text{Zh: "共享指标", En: "fragment"}, l.fragNames)
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
		f = &yamlfile.File{Name: embeddedPrefix + strings.TrimSuffix(fragmentsFile, ".yaml"), Data: data}
	}
	l.frags = map[string]*yamlfile.Mapping{}
	root, ok := l.r.Decode(f, limits)
	if !ok {
		return
	}
	m, ok := l.r.Mapping(root, inFragments, fragmentsKeys)
	if !ok {
		return
	}
	l.r.Require(m, inFragments, "format", "items")
	if e, ok := m.Get("format"); ok {
		if s, ok := l.r.Text(e); ok && s != FragmentsFormat {
			l.errorf(e.Pos(), "format 应为「%s」，不是「%s」", "format should be %q, not %q", FragmentsFormat, s)
		}
	}
	e, ok := m.Get("items")
	if !ok {
		return
	}
	items, ok := l.r.Mapping(e, inFragments, nil)
	if !ok {
		return
	}
	for _, name := range items.Keys {
		ie, _ := items.Get(name)
		if !fragmentRe.MatchString(name) {
			l.errorf(ie.KeyPos(), "共享指标名「%s」只能由小写字母、数字、- 和 _ 组成", "fragment name %q may only hold lower-case letters, digits, - and _", name)
			continue
		}
		fm, ok := l.r.Mapping(ie, inFragment, fragmentKeys)
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
func (l *loader) sums(m *yamlfile.Mapping, c *Checklist) {
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
			if it.TypedPoints != nil {
				sectionComplete = false // typedSums checks it
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
			l.errorf(l.sectionPoints[s], "指标类别「%s」的分值「%s」不等于其指标分值之和「%s」（不含 bonus 和 veto）", "section %q has points %s but its items add up to %s (bonus and veto left out)", s.ID, yamlfile.NumberText(s.Points), yamlfile.NumberText(sum))
		}
	}
	e, ok := m.Get("total")
	if !complete || !ok || c.Total == nil || len(c.Sections) == 0 {
		return
	}
	if c.Total.Cmp(total) != 0 {
		l.errorf(e.Pos(), "总分「%s」不等于各指标分值之和「%s」（不含 bonus 和 veto）", "total %s differs from the sum of the items' points, %s (bonus and veto left out)", yamlfile.NumberText(c.Total), yamlfile.NumberText(total))
	}
}
