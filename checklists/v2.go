package checklists

import (
	"errors"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/rules"
	"github.com/zwgk/zwgk/checklists/yamlfile"
)

// FormatV2 is the format key of a zwgk.checklist/v2 file: v1 plus pools of
// rules, evaluator items, bonus above the total, score gates, thresholds,
// effects, points by unit type and per-table defaults
// (shared/spec/checklist-v2.md).
const FormatV2 = "zwgk.checklist/v2"

// EffectKind is what a veto or a missed threshold does to a unit.
type EffectKind string

// The effects of zwgk.checklist/v2, in the order they combine.
const (
	EffectZero    EffectKind = "zero"    // the final score is 0
	EffectCap     EffectKind = "cap"     // the final score is at most Effect.Cap
	EffectGrade   EffectKind = "grade"   // the last grade, ranked after the others (v1's veto)
	EffectSection EffectKind = "section" // the vetoed item's section scores 0
)

// Effect is the effect of a veto item or of a section's pass_min.
type Effect struct {
	Kind EffectKind
	Cap  *big.Rat // EffectCap only
	Pos  Pos
}

// Rule is one rule of an item's pool (`rules:`). Item is what the audit
// evaluates for it: the parent's id, method and section with the rule's
// table, where, check, per, finding and public.
type Rule struct {
	ID    string // the rule's own id, "" when it has none
	Label string // how findings name it: A#2 or A.late
	Item  *Item
	Pos   Pos
}

// PointsFor returns the item's points for a unit of type typ and whether
// the item applies to that type at all (a type missing from typed points
// gets 0 and is not applicable).
func (it *Item) PointsFor(typ string) (*big.Rat, bool) {
	if it.TypedPoints == nil {
		if it.Points == nil {
			return new(big.Rat), true
		}
		return it.Points, true
	}
	p, ok := it.TypedPoints[typ]
	if !ok {
		return new(big.Rat), false
	}
	return p, true
}

// PointsFor returns the section's stated points for a unit of type typ
// (nil when it states none).
func (s *Section) PointsFor(typ string) *big.Rat {
	if s.TypedPoints == nil {
		return s.Points
	}
	if p, ok := s.TypedPoints[typ]; ok {
		return p
	}
	return new(big.Rat)
}

// BonusLimit is the most bonus items may add together: BonusCap, or
// Max() − Total when none is stated (shared/spec/checklist-v2.md; so a v2
// file with neither max_score nor bonus_cap gives no bonus). A v1
// checklist has none: its bonus is limited by the total alone (nil).
func (c *Checklist) BonusLimit() *big.Rat {
	if c.BonusCap != nil {
		return c.BonusCap
	}
	if c.Version >= 2 && c.Total != nil {
		return new(big.Rat).Sub(c.Max(), c.Total)
	}
	return nil
}

// Max is the highest final score: MaxScore, or the total.
func (c *Checklist) Max() *big.Rat {
	if c.MaxScore != nil {
		return c.MaxScore
	}
	return c.Total
}

// The keys only zwgk.checklist/v2 has, by mapping.
var (
	v2ChecklistKeys = []string{"max_score", "bonus_cap"}
	v2SectionKeys   = []string{"pass_min", "effect"}
	v2ItemKeys      = []string{"cap", "overflow", "rules", "effect"}
	v2TableKeys     = []string{"defaults"}
	ruleKeys        = []string{"id", "table", "where", "due", "check", "finding", "public", "per"}
	effectKeys      = []string{"cap"}
)

// v2Only reports each of keys that m holds when the file is v1.
func (l *loader) v2Only(m *yamlfile.Mapping, keys []string) {
	if l.v2 {
		return
	}
	for _, k := range keys {
		if e, ok := m.Get(k); ok {
			l.v1Error(e.KeyPos(), k)
		}
	}
}

// v1Error reports a v2 key or value (what) in a v1 file.
func (l *loader) v1Error(p Pos, what string) {
	l.errorf(p, "「%[1]s」是 %[2]s 的写法；本文件是 %[3]s，请把 format 改为 %[2]s", "%[1]s belongs to %[2]s; this file is %[3]s: write format: %[2]s", what, FormatV2, Format)
}

// checklistV2 reads the top-level v2 keys.
func (l *loader) checklistV2(m *yamlfile.Mapping, c *Checklist) {
	l.v2Only(m, v2ChecklistKeys)
	if !l.v2 {
		return
	}
	if e, ok := m.Get("max_score"); ok {
		if r, ok := l.r.Positive(e); ok {
			if c.Total != nil && r.Cmp(c.Total) < 0 {
				l.errorf(e.Pos(), "max_score「%s」不能低于总分「%s」", "max_score %s may not be below the total %s", yamlfile.NumberText(r), yamlfile.NumberText(c.Total))
			} else {
				c.MaxScore = r
			}
		}
	}
	if e, ok := m.Get("bonus_cap"); ok {
		if r, ok := l.r.Number(e); ok {
			if r.Sign() < 0 {
				l.errorf(e.Pos(), "bonus_cap 不能为负数", "bonus_cap may not be negative")
			} else {
				c.BonusCap = r
			}
		}
	}
}

// typedPoints reads points written as a map by unit type ({乡镇: 50, 部门: 43}).
func (l *loader) typedPoints(e yamlfile.Entry, env *compileEnv, zeroOK bool) map[string]*big.Rat {
	if !l.v2 {
		l.v1Error(e.Pos(), "points: {类型: 分值}")
		return nil
	}
	m, ok := l.r.Mapping(e, msg.Text{Zh: "分类型分值", En: "typed points"}, nil)
	if !ok {
		return nil
	}
	known := unitTypes(env.schema)
	out := map[string]*big.Rat{}
	for _, key := range m.Keys {
		ve, _ := m.Get(key)
		k, ok := unitType(env.schema, key) // 街道 is a 乡镇, as in the 单位信息 form
		if !ok {
			l.r.Unknown(yamlfile.Entry{File: ve.File, Key: ve.Key, Value: ve.Key}, key, msg.Text{Zh: "单位类型", En: "unit type"}, known)
			continue
		}
		if _, dup := out[k]; dup {
			l.errorf(ve.KeyPos(), "单位类型「%s」重复（「%s」）", "unit type %q given twice (%q)", k, key)
			continue
		}
		p, ok := l.r.Number(ve)
		if !ok {
			continue
		}
		if p.Sign() < 0 || (!zeroOK && p.Sign() == 0) {
			l.errorf(ve.Pos(), "分值应大于0，不是「%s」", "points must be greater than 0, not %s", yamlfile.NumberText(p))
			continue
		}
		out[k] = p
		if !slices.Contains(l.types, k) {
			l.types = append(l.types, k)
		}
	}
	if len(out) == 0 {
		l.errorf(e.Pos(), "分类型分值不能为空", "typed points may not be empty")
		return nil
	}
	return out
}

// unitTypes lists the values of the unit table's type field.
func unitTypes(s *Schema) []string {
	var out []string
	if t := s.Table("unit"); t != nil {
		if f := t.Field("type"); f != nil {
			for _, v := range f.Values {
				out = append(out, v.Name)
			}
		}
	}
	return out
}

// unitType returns the unit type named or aliased name.
func unitType(s *Schema, name string) (string, bool) {
	if t := s.Table("unit"); t != nil {
		if f := t.Field("type"); f != nil {
			for _, v := range f.Values {
				if v.Name == name || slices.Contains(v.Aliases, name) {
					return v.Name, true
				}
			}
		}
	}
	return "", false
}

// maxPoints is the largest of typed points.
func maxPoints(tp map[string]*big.Rat) *big.Rat {
	var m *big.Rat
	for _, p := range tp {
		if m == nil || p.Cmp(m) > 0 {
			m = p
		}
	}
	return m
}

// sectionV2 reads a section's v2 keys.
func (l *loader) sectionV2(sm *yamlfile.Mapping, sec *Section, env *compileEnv) {
	l.v2Only(sm, v2SectionKeys)
	if !l.v2 {
		return
	}
	if e, ok := sm.Get("pass_min"); ok {
		if r, ok := l.r.Number(e); ok {
			if r.Sign() < 0 {
				l.errorf(e.Pos(), "pass_min 不能为负数", "pass_min may not be negative")
			} else {
				sec.PassMin = r
			}
		}
	}
	if e, ok := sm.Get("effect"); ok {
		sec.Effect = l.effect(e)
		switch {
		case sec.Effect == nil:
		case sec.Effect.Kind == EffectSection:
			l.errorf(e.Pos(), "effect: section 只用于一票否决（veto）指标；指标类别未达 pass_min 时可用 grade、cap 或 zero", "effect: section is for veto items only; a section below pass_min may have grade, cap or zero")
			sec.Effect = nil
		case !sm.Has("pass_min"):
			l.errorf(e.KeyPos(), "指标类别的 effect 只在未达 pass_min 时生效，请写 pass_min", "a section's effect applies only below its pass_min: write pass_min")
		}
	}
	if sec.PassMin != nil && sec.Effect == nil {
		sec.Effect = &Effect{Kind: EffectGrade, Pos: sec.Pos}
	}
}

// effect reads an effect: grade, zero, section, or {cap: N}.
func (l *loader) effect(e yamlfile.Entry) *Effect {
	if e.Value.Kind == yaml.MappingNode {
		m, ok := l.r.Mapping(e, msg.Text{Zh: "effect", En: "effect"}, effectKeys)
		if !ok {
			return nil
		}
		l.r.Require(m, msg.Text{Zh: "effect", En: "effect"}, "cap")
		ce, ok := m.Get("cap")
		if !ok {
			return nil
		}
		r, ok := l.r.Number(ce)
		if !ok {
			return nil
		}
		if r.Sign() < 0 {
			l.errorf(ce.Pos(), "effect 的 cap 不能为负数", "an effect's cap may not be negative")
			return nil
		}
		return &Effect{Kind: EffectCap, Cap: r, Pos: e.Pos()}
	}
	s, ok := l.r.Text(e)
	if !ok {
		return nil
	}
	switch k := EffectKind(s); k {
	case EffectGrade, EffectZero, EffectSection:
		return &Effect{Kind: k, Pos: e.Pos()}
	}
	l.r.Unknown(e, s, msg.Text{Zh: "effect", En: "effect"}, []string{"grade", "zero", "section", "{cap: N}"})
	return nil
}

// itemV2 reads an item's v2 keys and values, after its v1 keys: m is the
// item's mapping (with its use: fragment), perEntry a per written as an
// expression.
func (l *loader) itemV2(m *yamlfile.Mapping, it *Item, env *compileEnv) {
	l.v2Only(m, v2ItemKeys)
	mi := it.Method.Info()
	pe, hasPer := m.Get("per")
	switch {
	case hasPer && l.v2 && m.Has("rules"):
		l.errorf(pe.KeyPos(), "有 rules 的指标请把 per 写在各条规则中", "an item with rules states per in each rule")
	case hasPer && isText(pe) && it.Method != "" && mi.Per:
		if !l.v2 {
			l.v1Error(pe.Pos(), "per: '表达式'")
		} else {
			it.PerExpr = l.compileValue(pe, it.Table, env)
		}
	}
	if !l.v2 {
		return
	}
	if re, ok := m.Get("rules"); ok {
		switch {
		case it.Method == "":
		case !mi.Rule || it.Method == Rate:
			l.errorf(re.KeyPos(), "%s 指标不能有 rules（只有 deduct、bonus、veto 可以）", "a %s item may not have rules (only deduct, bonus and veto may)", it.Method)
		default:
			for _, k := range []string{"table", "where", "check"} {
				if e, ok := m.Get(k); ok {
					l.errorf(e.KeyPos(), "有 rules 的指标不能再写 %[1]s：请写在各条规则中", "an item with rules may not have its own %[1]s: write it in each rule", k)
				}
			}
			l.rules(re, it, env)
		}
	}
	if ce, ok := m.Get("cap"); ok {
		if r, ok := l.r.Positive(ce); ok {
			pts := it.Points
			switch {
			case it.Method != Deduct && it.Method != Bonus && it.Method != "":
				l.errorf(ce.KeyPos(), "cap 只用于 deduct 和 bonus 指标，本指标是 %s", "cap is only for deduct and bonus items; this one is %s", it.Method)
			case pts != nil && r.Cmp(pts) > 0:
				l.errorf(ce.Pos(), "cap「%s」超过指标分值「%s」", "cap %s exceeds the item's points %s", yamlfile.NumberText(r), yamlfile.NumberText(pts))
			default:
				it.Cap = r
			}
		}
	}
	if oe, ok := m.Get("overflow"); ok {
		if s, ok := l.r.Text(oe); ok {
			switch {
			case s != "section":
				l.r.Unknown(oe, s, msg.Text{Zh: "overflow", En: "overflow"}, []string{"section"})
			case it.Method != Deduct && it.Method != "":
				l.errorf(oe.KeyPos(), "overflow 只用于 deduct 指标，本指标是 %s", "overflow is only for deduct items; this one is %s", it.Method)
			case m.Has("cap"):
				l.errorf(oe.KeyPos(), "overflow: section 与 cap 不能同时使用", "overflow: section and cap cannot be used together")
			default:
				it.Overflow = true
			}
		}
	}
	if ee, ok := m.Get("effect"); ok {
		eff := l.effect(ee)
		switch {
		case eff == nil:
		case !mi.Vetoes && it.Method != "":
			l.errorf(ee.KeyPos(), "effect 只用于一票否决（veto）指标和有 pass_min 的指标类别，本指标是 %s", "effect is only for veto items and sections with pass_min; this item is %s", it.Method)
		default:
			it.Effect = eff
		}
	}
	if mi.Vetoes && it.Effect == nil {
		it.Effect = &Effect{Kind: EffectGrade, Pos: it.Pos}
	}
}

func isText(e yamlfile.Entry) bool {
	return e.Value.Kind == yaml.ScalarNode && e.Value.Tag == "!!str"
}

// rules reads an item's pool of rules.
func (l *loader) rules(e yamlfile.Entry, it *Item, env *compileEnv) {
	nodes, ok := l.r.Sequence(e)
	if !ok {
		return
	}
	if len(nodes) == 0 {
		l.errorf(e.Pos(), "rules 不能为空", "rules may not be empty")
		return
	}
	ids := map[string]Pos{}
	inRule := msg.Text{Zh: "规则", En: "rule"}
	for i, n := range nodes {
		rm, ok := l.r.Mapping(n, inRule, ruleKeys)
		if !ok {
			continue
		}
		ru := &Rule{Label: it.ID + "#" + strconv.Itoa(i+1), Pos: rm.Pos()}
		if ie, ok := rm.Get("id"); ok {
			if id, ok := l.id(ie, ids, inRule); ok {
				ru.ID, ru.Label = id, it.ID+"."+id
			}
		}
		ri := &Item{ID: it.ID, Title: it.Title, Basis: it.Basis, Points: it.Points, TypedPoints: it.TypedPoints, Method: it.Method,
			Per: big.NewRat(1, 1), Finding: it.Finding, Public: it.Public, Pos: rm.Pos(), Section: it.Section, RuleLabel: ru.Label}
		tableOK := true
		if te, ok := rm.Get("table"); ok {
			if s, ok := l.r.Text(te); ok {
				if env.schema.Table(s) == nil {
					l.r.Unknown(te, s, msg.Text{Zh: "表", En: "table"}, env.schema.TableNames())
					tableOK = false
				} else {
					ri.Table = s
				}
			} else {
				tableOK = false
			}
		}
		if fe, ok := rm.Get("finding"); ok {
			ri.Finding, _ = l.r.Text(fe)
		}
		if pe, ok := rm.Get("public"); ok {
			ri.Public, _ = l.r.Boolean(pe)
		}
		if we, ok := rm.Get("where"); ok {
			switch {
			case ri.Table == "" && tableOK:
				l.errorf(we.KeyPos(), "where 只用于行规则（需要 table）", "where is only for row rules (it needs a table)")
			case ri.Table != "":
				ri.Where = l.compile(we, ri.Table, env)
			}
		}
		if de, ok := rm.Get("due"); ok {
			// A rule's deadline (as an item's): a row failing before it is
			// 未到期, listed and never deducted.
			switch {
			case ri.Table == "" && tableOK:
				l.errorf(de.KeyPos(), "due 只用于行规则（需要 table）", "due is only for row rules (it needs a table)")
			case ri.Table != "":
				ri.Due = l.compileDate(de, ri.Table, env)
			}
		}
		ce, hasCheck := rm.Get("check")
		switch {
		case !hasCheck && !rm.Typo("check"):
			l.errorf(rm.Pos(), "规则 %s 缺少 check", "rule %s lacks a check", ru.Label)
		case hasCheck && tableOK:
			ri.Check = l.compile(ce, ri.Table, env)
		}
		if pe, ok := rm.Get("per"); ok {
			switch {
			case it.Method == Veto:
				l.errorf(pe.KeyPos(), "一票否决（veto）的规则不计分，不能有 per", "a veto's rules score nothing and may not have per")
			case isText(pe):
				if tableOK {
					ri.PerExpr = l.compileValue(pe, ri.Table, env)
				}
			default:
				if p, ok := l.r.Positive(pe); ok {
					ri.Per = p
				}
			}
		}
		ru.Item = ri
		it.Rules = append(it.Rules, ru)
	}
}

// compileValue compiles an expression whose value is a number (per).
func (l *loader) compileValue(e yamlfile.Entry, table string, env *compileEnv) *Expr {
	src, ok := l.exprText(e)
	if !ok {
		return nil
	}
	prog, err := env.rules.CompileValue(src, table)
	if err != nil {
		var re *rules.Error
		if !errors.As(err, &re) {
			re = &rules.Error{Offset: -1, Msg: err.Error()}
		}
		if !usesAny(src, l.broken[table]) {
			l.exprError(e, table, re)
		}
		return nil
	}
	return &Expr{Source: src, Program: prog, Pos: e.Pos(), Fields: prog.Fields()}
}

// gate compiles a bonus item's applies that may read score.
func (l *loader) gate(e yamlfile.Entry, env *compileEnv) *Expr {
	src, ok := l.exprText(e)
	if !ok {
		return nil
	}
	prog, err := env.rules.CompileGate(src)
	if err != nil {
		var re *rules.Error
		if !errors.As(err, &re) {
			re = &rules.Error{Offset: -1, Msg: err.Error()}
		}
		l.exprError(e, "", re)
		return nil
	}
	return &Expr{Source: src, Program: prog, Pos: e.Pos(), Fields: prog.Fields()}
}

// scoreRefRe finds score.NAME and score["NAME"] in a gate.
var scoreRefRe = regexp.MustCompile(`\bscore(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*["']([^"']+)["']\s*\])`)

// ScoreRefs lists the names a gate reads from score, in order.
func ScoreRefs(src string) []string {
	var out []string
	for _, m := range scoreRefRe.FindAllStringSubmatch(src, -1) {
		name := m[1]
		if name == "" {
			name = m[2]
		}
		if !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// gates checks what the gates read: known names, and no cycle through
// bonus items' scores.
func (l *loader) gates(c *Checklist) {
	known := map[string]*Item{"total": nil}
	for _, s := range c.Sections {
		known[s.ID] = nil
		for _, it := range s.Items {
			known[it.ID] = it
		}
	}
	deps := map[*Item][]*Item{}
	for _, it := range c.Items() {
		if it.Gate == nil {
			continue
		}
		for _, name := range ScoreRefs(it.Gate.Source) {
			dep, ok := known[name]
			if !ok {
				var names []string
				for n := range known {
					names = append(names, n)
				}
				slices.Sort(names)
				hint, hintEn := "", ""
				if s := msg.Closest(name, names); s != "" {
					hint, hintEn = "，是否想写 score."+s+"？", "; did you mean score."+s+"?"
				}
				l.errorf(it.Gate.Pos, "score.%[1]s 不是指标体系中的指标或类别（可用：total 和各指标、类别编号）%[2]s", "score.%[1]s is no item or section of the checklist (known: total and the ids of items and sections)%[3]s", name, hint, hintEn)
				continue
			}
			if dep != nil && dep.Method.Info().OnTop {
				deps[it] = append(deps[it], dep)
			}
		}
	}
	// A gate that reads a bonus item's score depends on its gate: a cycle
	// can never be decided.
	state := map[*Item]int{}
	var visit func(it *Item) bool
	visit = func(it *Item) bool {
		switch state[it] {
		case 1:
			return true
		case 2:
			return false
		}
		state[it] = 1
		for _, d := range deps[it] {
			if visit(d) {
				return true
			}
		}
		state[it] = 2
		return false
	}
	for _, it := range c.Items() {
		if it.Gate != nil && state[it] == 0 && visit(it) {
			l.errorf(it.Gate.Pos, "指标「%s」的 applies 通过 score 依赖自身得分（循环）", "the applies of item %q depends on its own score through score (a cycle)", it.ID)
		}
	}
}

// bonusRoom warns when a v2 checklist's bonus items can add nothing:
// without max_score and bonus_cap the bonus cap is max_score − total = 0.
func (l *loader) bonusRoom(c *Checklist) {
	if !l.v2 || c.MaxScore != nil || c.BonusCap != nil {
		return
	}
	for _, it := range c.Items() {
		if it.Method.Info().OnTop {
			l.warnf(it.Pos, "加分项「%s」不会加分：没有 max_score 和 bonus_cap 时 bonus_cap = max_score − total = 0；加分可超过总分请写 max_score，总分不超过 total 请写 bonus_cap", "bonus item %q can add nothing: without max_score and bonus_cap, bonus_cap = max_score − total = 0; write max_score to let bonus lift scores above the total, or bonus_cap to keep them within it", it.ID)
			return
		}
	}
}

// typedSums checks, when points are typed, that each type's non-bonus
// points add up to the total (and to each typed section's points).
func (l *loader) typedSums(m *yamlfile.Mapping, c *Checklist) {
	if len(c.Types) == 0 || l.truncated || c.Total == nil {
		return
	}
	e, _ := m.Get("total")
	for _, typ := range c.Types {
		total := new(big.Rat)
		for _, s := range c.Sections {
			sum := new(big.Rat)
			for _, it := range s.Items {
				if it.Method.Info().InBase {
					p, _ := it.PointsFor(typ)
					sum.Add(sum, p)
				}
			}
			if sp := s.PointsFor(typ); sp != nil && sp.Cmp(sum) != 0 {
				l.errorf(s.Pos, "指标类别「%[1]s」对「%[2]s」的分值「%[3]s」不等于其指标分值之和「%[4]s」", "section %[1]q has %[3]s points for %[2]s but its items add up to %[4]s", s.ID, typ, yamlfile.NumberText(sp), yamlfile.NumberText(sum))
			}
			total.Add(total, sum)
		}
		if total.Cmp(c.Total) != 0 {
			l.errorf(e.Pos(), "「%[1]s」类单位的指标分值之和「%[2]s」不等于总分「%[3]s」（不含 bonus 和 veto）", "the points of %[1]s units add up to %[2]s, not the total %[3]s (bonus and veto left out)", typ, yamlfile.NumberText(total), yamlfile.NumberText(c.Total))
		}
	}
}

// defaults reads a table's defaults: field → value, typed by the field.
func (l *loader) defaults(e yamlfile.Entry, t *Table) {
	m, ok := l.r.Mapping(e, msg.Text{Zh: "defaults", En: "defaults"}, nil)
	if !ok {
		return
	}
	for _, name := range m.Keys {
		ve, _ := m.Get(name)
		f := t.Field(name)
		if f == nil {
			l.r.Unknown(yamlfile.Entry{File: ve.File, Key: ve.Key, Value: ve.Key}, name, msg.Text{Zh: "字段", En: "field"}, fieldNames(t))
			continue
		}
		s, ok := l.r.Scalar(ve)
		if !ok {
			continue
		}
		v, ok := defaultValue(f, strings.TrimSpace(s))
		if !ok {
			l.errorf(ve.Pos(), "「%[1]s」不是字段「%[2]s」（%[3]s）的有效取值", "%[1]q is not a valid value of field %[2]q (%[3]s)", s, name, f.Type)
			continue
		}
		if t.Defaults == nil {
			t.Defaults = map[string]any{}
		}
		t.Defaults[name] = v
	}
}

func fieldNames(t *Table) []string {
	var out []string
	for _, f := range t.Fields {
		out = append(out, f.Name)
	}
	return out
}

// defaultValue is s as a value of field f, as rules see it.
func defaultValue(f *Field, s string) (any, bool) {
	switch f.Type {
	case Text:
		return s, s != ""
	case Enum:
		for _, v := range f.Values {
			if v.Name == s || slices.Contains(v.Aliases, s) {
				return v.Name, true
			}
		}
	case Bool:
		switch s {
		case "true", "是":
			return true, true
		case "false", "否":
			return false, true
		}
	case Number:
		x, err := strconv.ParseFloat(s, 64)
		return x, err == nil
	case Int:
		x, err := strconv.Atoi(s)
		return x, err == nil
	case Date, DateTime:
		d, err := time.Parse("2006-01-02", s)
		return d, err == nil
	}
	return nil, false
}
