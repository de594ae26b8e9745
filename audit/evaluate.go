package audit

import (
	"context"
	"errors"
	"fmt"
	"math/big"
	"slices"
	"strings"
	"time"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/rules"
)

// The finding kinds zwgk itself gives, beside the items' own labels.
const (
	KindDataError = "数据错误"
	KindNoSelf    = "未自评"
	KindRuleError = "规则错误"
	// KindMissingColumn is an item that could not be assessed because its
	// register lacks a column its rule reads: the item scores 0, never
	// vetoes and is never 应公开未公开, and the unit needs correction.
	KindMissingColumn = "台账缺列"
)

// Finding is one problem found in a unit's submission: a row that fails an
// item's rule, a missing self-score, or a cell that could not be read.
type Finding struct {
	Item   string // item id; "" for a data error not tied to an item
	Kind   string // the item's finding label, or KindDataError, KindNoSelf, KindRuleError
	Public bool   // an 应公开未公开 finding
	Table  string // schema name of the register
	Pos    Pos
	DocNo  string
	Title  string
	Text   msg.Text
	// Rule names the rule of a pool that failed (A#2, A.late); "" for an
	// item without rules. Amount is what the failing row deducts
	// (zwgk.checklist/v2 only; nil otherwise).
	Rule   string
	Amount *big.Rat
	// Omitted is non-zero on the one finding that stands for that many
	// findings of the same item and kind left out of the list (MaxItemFindings,
	// MaxUnitFindings); its Pos names only the file.
	Omitted int
}

// Outcome is the evaluation of one item for one unit.
type Outcome struct {
	Item       *checklists.Item
	Applicable int
	Failed     int
	// NA is true when the item is not applicable: applies was false, or a
	// row rule matched no row.
	NA       bool
	NAReason msg.Text
	// Self is the unit's own score for the item from its 自评表 (nil if none).
	Self     *big.Rat
	Findings []Finding
	// Upcoming are the rows that fail the check before their deadline
	// (未到期) and Pending the rows the calendar cannot decide (待定):
	// neither is counted in Applicable or Failed.
	Upcoming []Deferred
	Pending  []Deferred
	// Missing lists the columns the item's rule reads that its register
	// lacks, when filling them could change a row's verdict: the item was
	// not assessed (no applicable or failing rows) and scores 0.
	Missing []MissingColumn

	// zwgk.checklist/v2: Rules are the outcomes of the rules of the item's
	// pool (their counts and findings are also the item's); Deducted is
	// the sum of per over the failing rows, Earned over the passing rows
	// (bonus). Both are nil for a v1 checklist.
	Rules    []*Outcome
	Deducted *big.Rat
	Earned   *big.Rat
	omitted  []omission // findings counted but not listed, by kind
}

// MissingColumn is a column a rule reads that a unit's register lacks.
type MissingColumn struct {
	Table  string // schema name of the register
	File   string
	Sheet  string
	Field  string
	Header string // the field's header: 印发日期
	// Guesses are the sheet's unknown headers that resemble the field
	// (发文日子); Unknown are all its unknown headers.
	Guesses []string
	Unknown []string
}

// Passed is Applicable − Failed.
func (o *Outcome) Passed() int { return o.Applicable - o.Failed }

// Evaluation is the result of evaluating a checklist on one unit.
type Evaluation struct {
	Unit *Unit
	Year int
	// AsOf is the day deadlines were judged on (as_of).
	AsOf     time.Time
	Outcomes []*Outcome
	// Findings are the data errors that belong to no item (a bad cell in a
	// field no rule reads still deserves fixing).
	Findings []Finding
	Warnings []msg.Text

	gate   func(*checklists.Item, map[string]float64) (bool, error)
	cited  map[cellKey]bool     // bad cells listed under a rule that reads them (badRow)
	issues map[cellKey]msg.Text // the reader's data errors by cell, once a rule needs them

	listed  int        // findings listed so far (MaxUnitFindings)
	omitted []omission // unit findings counted but not listed
}

// Vetoed reports whether a veto item failed.
func (e *Evaluation) Vetoed() bool {
	for _, o := range e.Outcomes {
		if o.Item.Method.Info().Vetoes && o.Failed > 0 {
			return true
		}
	}
	return false
}

// Plan is a checklist prepared for evaluation: the analysis of every check
// that lets a failing row be explained in words a clerk understands.
type Plan struct {
	Checklist *checklists.Checklist
	scope     *rules.Scope
	useTables bool
	measures  map[*checklists.Item][]rules.Measure
	// needs lists the district tables each item reads; given, those the
	// audit was given (SetDistrict).
	needs map[*checklists.Item][]*checklists.Table
	given map[string]bool
}

// SetDistrict tells the plan which district tables the audit was given
// (their rows are in each unit's Tables); an item that reads another one is
// not applicable, and says so. Call it before Evaluate.
func (p *Plan) SetDistrict(given ...string) {
	p.given = map[string]bool{}
	for _, g := range given {
		p.given[g] = true
	}
}

// notGiven returns the first district table item reads that the audit was
// not given, or nil.
func (p *Plan) notGiven(it *checklists.Item) *checklists.Table {
	for _, t := range p.needs[it] {
		if !p.given[t.Name] {
			return t
		}
	}
	return nil
}

// DistrictNeeds lists the district tables item reads, in schema order.
func (p *Plan) DistrictNeeds(it *checklists.Item) []*checklists.Table { return p.needs[it] }

// NewPlan prepares a checklist for evaluation; it is safe for concurrent use.
func NewPlan(c *checklists.Checklist) *Plan {
	p := &Plan{Checklist: c, scope: c.Rules, measures: map[*checklists.Item][]rules.Measure{}, needs: map[*checklists.Item][]*checklists.Table{}}
	if p.scope == nil {
		// A checklist not made by checklists.Load has no expressions to run.
		p.scope = rules.NewScope(nil, c.Calendar)
	}
	var all []*checklists.Item
	for _, it := range c.Items() {
		all = append(all, it)
		for _, ru := range it.Rules {
			all = append(all, ru.Item)
		}
	}
	for _, it := range all {
		for _, e := range []*checklists.Expr{it.Applies, it.Where, it.Check, it.PerExpr} {
			if e != nil && e.Program.Uses(rules.VarTables) {
				p.useTables = true
			}
		}
		if it.Check != nil && it.Table != "" {
			p.measures[it] = it.Check.Program.Measures()
		}
		if c.Schema == nil {
			continue
		}
		for _, t := range c.Schema.DistrictTables() {
			uses := it.Table == t.Name
			for _, e := range []*checklists.Expr{it.Applies, it.Where, it.Check} {
				uses = uses || e != nil && e.Program != nil && e.Program.UsesTable(t.Name)
			}
			if uses {
				p.needs[it] = append(p.needs[it], t)
			}
		}
	}
	return p
}

// Evaluate evaluates every item of the plan's checklist on u for the given
// year. It never panics on a rule: a run-time error becomes a finding that
// names the item and the row.
func (p *Plan) Evaluate(u *Unit, year int) *Evaluation {
	return p.EvaluateAsOf(u, year, time.Time{})
}

// EvaluateAsOf is Evaluate judging deadlines on asOf (as_of in the rules;
// zero: 31 December of year): a row failing before its due date is not yet
// due (Outcome.Upcoming), a row the calendar cannot decide is pending
// (Outcome.Pending).
func (p *Plan) EvaluateAsOf(u *Unit, year int, asOf time.Time) *Evaluation {
	ev, _ := p.EvaluateContext(context.Background(), u, year, asOf)
	return ev
}

// EvaluateContext is EvaluateAsOf stopped when ctx is done (checked between
// rows): it then returns ctx's error and no evaluation.
func (p *Plan) EvaluateContext(ctx context.Context, u *Unit, year int, asOf time.Time) (*Evaluation, error) {
	c := p.Checklist
	if asOf.IsZero() {
		asOf = time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC)
	}
	ev := &Evaluation{Unit: u, Year: year, AsOf: asOf}
	var machine rules.Machine
	v2 := c.Version >= 2
	if v2 {
		applyDefaults(c, u)
	}
	selfScores := selfScores(u)
	base := p.baseEnv(u, year, asOf, selfScores)
	ev.gate = func(it *checklists.Item, scores map[string]float64) (bool, error) {
		var m rules.Machine
		return m.Bool(it.Gate.Program, base.WithScore(scores))
	}
	rowItems := map[string][]*Outcome{} // table → its row rules' outcomes, in item order
	var tables []string                 // the tables of rowItems, in order of first use

	for _, it := range c.Items() {
		o := &Outcome{Item: it}
		ev.Outcomes = append(ev.Outcomes, o)
		if s, ok := selfScores[it.ID]; ok {
			o.Self = s
		}
		if t := p.notGiven(it); t != nil {
			// A gap in the district's own evidence is never a deduction.
			o.NA = true
			o.NAReason = msg.New("未核对：审核时未提供%s（--table %s=文件）", "not checked: the audit was not given %s (--table %s=FILE)", t.Sheet, t.Name)
			continue
		}
		if p.overBudget(ev, o) {
			continue
		}
		if it.Applies != nil {
			ok, err := machine.Bool(it.Applies.Program, base)
			if err != nil {
				ev.add(o, ruleError(it, Pos{File: u.Source}, err))
				ok = false
			}
			if !ok {
				o.NA = true
				o.NAReason = naReasonOf(it)
				continue
			}
		}
		if v2 {
			o.Deducted, o.Earned = new(big.Rat), new(big.Rat)
		}
		if len(it.Rules) > 0 {
			for _, ru := range it.Rules {
				sub := &Outcome{Item: ru.Item}
				if v2 {
					sub.Deducted, sub.Earned = new(big.Rat), new(big.Rat)
				}
				o.Rules = append(o.Rules, sub)
				if ru.Item.Table == "" {
					p.evalUnitRule(&machine, ev, sub, u, base)
					continue
				}
				if _, seen := rowItems[ru.Item.Table]; !seen {
					tables = append(tables, ru.Item.Table)
				}
				rowItems[ru.Item.Table] = append(rowItems[ru.Item.Table], sub)
			}
			continue
		}
		switch {
		case it.Method.Info().Evaluator:
			// Scored by the district's evaluators (the scorer's input):
			// nothing to judge here, and no finding made up.
			o.Applicable = 1
		case !it.Method.Info().Rule:
			o.Applicable = 1
			if o.Self == nil {
				o.Failed = 1
				ev.add(o, Finding{Item: it.ID, Kind: KindNoSelf, Table: "self", Pos: Pos{File: u.Source},
					Text: msg.New("指标%s「%s」未在自评表中自评，按0分计", "item %s (%s) has no self-score in 自评表: scored 0", it.ID, it.Title)})
			}
		case it.Table == "":
			p.evalUnitRule(&machine, ev, o, u, base)
		default:
			if _, seen := rowItems[it.Table]; !seen {
				tables = append(tables, it.Table)
			}
			rowItems[it.Table] = append(rowItems[it.Table], o)
		}
	}
	// Row rules run register by register, every rule on a row before the
	// next row, so that a row's values are put in the environment once,
	// not once per rule.
	for _, name := range tables {
		gaps := p.columnGaps(ev, name, rowItems[name])
		if err := p.evalTable(ctx, &machine, ev, name, rowItems[name], base, gaps); err != nil {
			return nil, err
		}
		for _, o := range rowItems[name] {
			if p.notAssessed(ev, o, gaps[o]) {
				continue
			}
			if o.Applicable == 0 {
				o.NA = true
				switch {
				case len(o.Upcoming) > 0 || len(o.Pending) > 0:
					o.NAReason = msg.New("暂不评估（%d条未到期，%d条待定）", "not yet assessed (%d rows not yet due, %d undecided)", len(o.Upcoming), len(o.Pending))
				default:
					o.NAReason = msg.New("不适用（%s无符合条件的记录）", "not applicable (no matching rows in %s)", sheetName(c, name))
				}
			}
		}
	}
	for _, o := range ev.Outcomes {
		if len(o.Rules) > 0 {
			mergePool(o)
		}
	}

	// Data errors: a cell a rule reads is listed under that rule (badRow);
	// every other one is listed once here, belonging to no item.
	for _, is := range u.Issues {
		if is.Kind != DataError {
			ev.Warnings = append(ev.Warnings, prefixPos(is)) // warnings, and ignored columns the caller kept
			continue
		}
		if ev.citedCell(is) {
			continue
		}
		if ev.room(nil, KindDataError, false, is.Table) {
			ev.Findings = append(ev.Findings, Finding{Kind: KindDataError, Table: is.Table, Pos: is.Pos, Text: prefixPos(is)})
		}
	}
	if u.IssuesOmitted > 0 {
		ev.Findings = append(ev.Findings, Finding{Kind: KindDataError, Pos: Pos{File: u.Source}, Omitted: u.IssuesOmitted,
			Text: msg.New("读取时另有 %d 个单元格无法识别，未逐条列出（读取规则的指标已按不符合计）",
				"%d more cells could not be read and are not listed one by one (the items whose rules read them count those rows as failed)", u.IssuesOmitted)})
	}
	for _, o := range ev.Outcomes {
		o.Findings = append(o.Findings, closeOmissions(o.Item.ID, u.Source, o.omitted)...)
		o.omitted = nil
	}
	ev.Findings = append(ev.Findings, closeOmissions("", u.Source, ev.omitted)...)
	ev.omitted = nil
	return ev, nil
}

func prefixPos(is Issue) msg.Text {
	cell := is.Pos.Cell()
	if cell == "" {
		return is.Text
	}
	return msg.Text{Zh: cell + ": " + is.Text.Zh, En: cell + ": " + is.Text.En}
}

func sheetName(c *checklists.Checklist, table string) string {
	if t := c.Schema.Table(table); t != nil {
		return t.Sheet
	}
	return table
}

func label(it *checklists.Item) string {
	if it.Finding != "" {
		return it.Finding
	}
	return it.Title
}

// evalUnitRule runs a unit-level rule (no table) into o.
func (p *Plan) evalUnitRule(machine *rules.Machine, ev *Evaluation, o *Outcome, u *Unit, base *rules.Env) {
	it := o.Item
	o.Applicable = 1
	if it.Check == nil {
		return
	}
	ok, err := machine.Bool(it.Check.Program, base)
	if err != nil {
		ev.add(o, ruleError(it, Pos{File: u.Source}, err))
		ok = false
	}
	if ok {
		p.earn(machine, o, Pos{File: u.Source}, base)
		return
	}
	o.Failed = 1
	nf := len(o.Findings)
	if !it.Method.Info().OnTop { // a bonus not earned is not a problem
		ev.add(o, Finding{Item: it.ID, Kind: label(it), Public: it.Public, Pos: Pos{File: u.Source},
			Text: msg.New("%s：未达到「%s」", "%s: %s not met", label(it), it.Title)})
	}
	p.deduct(machine, o, nf, Pos{File: u.Source}, base)
}

// evalTable runs the row rules of outs over the rows of one register.
func (p *Plan) evalTable(ctx context.Context, machine *rules.Machine, ev *Evaluation, table string, outs []*Outcome, base *rules.Env, gaps map[*Outcome]*gap) error {
	t := ev.Unit.Tables[table]
	if t == nil {
		return nil
	}
	schema := p.Checklist.Schema.Table(table)
	env := base.Table(table)
	for i, r := range t.Rows {
		if i%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		env.SetRow(r.Values)
		for _, o := range outs {
			if g := gaps[o]; g != nil && !g.matters {
				g.matters = p.dependsOnGap(machine, o, g, r, env, ev.AsOf)
			}
			p.evalRow(machine, ev, o, schema, t, r, env)
		}
	}
	return nil
}

// evalRow runs one row rule on one row whose values are in env; under a
// v2 checklist it also adds what the row deducts or earns.
func (p *Plan) evalRow(machine *rules.Machine, ev *Evaluation, o *Outcome, schema *checklists.Table, t *Table, r *Row, env *rules.Env) {
	if o.Deducted == nil {
		p.evalRow1(machine, ev, o, schema, t, r, env)
		return
	}
	failed, applicable, nf := o.Failed, o.Applicable, len(o.Findings)
	p.evalRow1(machine, ev, o, schema, t, r, env)
	switch {
	case o.Failed > failed:
		p.deduct(machine, o, nf, t.Pos(r, ""), env)
	case o.Applicable > applicable:
		p.earn(machine, o, t.Pos(r, ""), env)
	}
}

func (p *Plan) evalRow1(machine *rules.Machine, ev *Evaluation, o *Outcome, schema *checklists.Table, t *Table, r *Row, env *rules.Env) {
	it := o.Item
	// A cell that could not be read, and that the rule reads, makes the row
	// a 数据错误 of the rule (badRow); a bad cell the rule does not read
	// changes nothing.
	if it.Where != nil {
		if bad := badFields(r, it.Where.Fields); len(bad) > 0 {
			p.badRow(ev, o, schema, t, r, bad)
			return
		}
	}
	if it.Check != nil && len(r.Bad) > 0 { // badFields finds nothing in a row without bad cells
		fields := it.Check.Fields
		if it.Due != nil {
			fields = append(slices.Clone(it.Due.Fields), fields...)
		}
		if bad := badFields(r, fields); len(bad) > 0 {
			if it.Where != nil {
				if ok, err := machine.Bool(it.Where.Program, env); err == nil && !ok {
					return // not in scope: its bad cell is not this rule's business
				}
			}
			p.badRow(ev, o, schema, t, r, bad)
			return
		}
	}
	v, due, _, err := judge(machine, it, env, ev.AsOf, calendar.Exact)
	var gapErr error // the calendar's gap, when the verdict was reached over it
	if _, _, gap := calendar.Gap(err); gap && usesCalendar(it) {
		// Days the calendar does not know: decided only when every reading
		// of them gives the same verdict, else pending — never deducted.
		gapErr = err
		var pending bool
		v, due, pending, err = bounded(machine, it, env, ev.AsOf)
		if err == nil && pending {
			p.deferRow(o, t, r, KindPending, due, gapErr)
			return
		}
	}
	if err != nil {
		o.Applicable++
		p.failErr(ev, o, t, r, err)
		return
	}
	switch v {
	case outOfScope:
	case passes:
		o.Applicable++
	case notYetDue:
		p.deferRow(o, t, r, KindUpcoming, due, gapErr)
	case fails:
		o.Applicable++
		p.failRow(ev, o, schema, t, r, due)
	}
}

// failRow fails a row of o's rule, explained when it is listed.
func (p *Plan) failRow(ev *Evaluation, o *Outcome, schema *checklists.Table, t *Table, r *Row, due any) {
	it := o.Item
	if it.Method.Info().OnTop {
		o.Failed++
		return // a row that earns no bonus is not a problem
	}
	if !ev.room(o, label(it), it.Public, it.Table) {
		o.Failed++ // counted, not explained: explaining a million rows costs what listing them would
		return
	}
	ev.listed-- // fail takes the place room made
	text, col := p.explain(it, schema, t, r, due)
	p.fail(ev, o, t, r, text, col)
}

func (p *Plan) failErr(ev *Evaluation, o *Outcome, t *Table, r *Row, err error) {
	it := o.Item
	schema := p.Checklist.Schema.Table(it.Table)
	if errors.Is(err, rules.ErrNilDate) {
		// A rule that computes with a date the row left empty: the row fails
		// for want of that date, which is what a clerk needs to hear.
		p.failRow(ev, o, schema, t, r, nil)
		return
	}
	o.Failed++
	if !ev.room(o, KindRuleError, false, it.Table) {
		return
	}
	f := ruleError(it, t.Pos(r, ""), err)
	p.attach(&f, t, r)
	o.Findings = append(o.Findings, f)
}

func ruleError(it *checklists.Item, pos Pos, err error) Finding {
	where := pos.Cell()
	if where == "" {
		where = pos.File
	}
	first, _, _ := strings.Cut(err.Error(), "\n") // expr appends a source snippet on more lines
	en := first
	var l msg.Localized
	if errors.As(err, &l) {
		// The error's own message, inside expr's position and snippet, in English.
		en = strings.Replace(first, l.In(msg.ZH), l.In(msg.EN), 1)
	}
	return Finding{Item: it.ID, Kind: KindRuleError, Pos: pos, Table: it.Table,
		Text: msg.Both("指标%s的规则在%s运行出错：%s", []any{it.ID, where, first}, "the rule of item %s failed at %s: %s", []any{it.ID, where, en})}
}

func (p *Plan) fail(ev *Evaluation, o *Outcome, t *Table, r *Row, text msg.Text, field string) {
	o.Failed++
	if o.Item.Method.Info().OnTop {
		return // a row that earns no bonus is not a problem
	}
	f := Finding{Item: o.Item.ID, Kind: label(o.Item), Public: o.Item.Public, Table: o.Item.Table, Pos: t.Pos(r, field), Text: text}
	p.attach(&f, t, r)
	ev.add(o, f)
}

// attach copies the row's 文号 and 标题 (or what stands for them) to the finding.
func (p *Plan) attach(f *Finding, t *Table, r *Row) {
	f.DocNo = r.Display("doc_no")
	for _, k := range []string{"title", "subject"} {
		if s, ok := r.Values[k].(string); ok {
			f.Title = s
			break
		}
	}
}

// baseEnv is what every rule of u sees besides a row.
func (p *Plan) baseEnv(u *Unit, year int, asOf time.Time, scores map[string]*big.Rat) *rules.Env {
	self := map[string]float64{}
	for id, s := range scores {
		f, _ := s.Float64()
		self[id] = f
	}
	var rows map[string][]rules.Row
	if p.useTables {
		rows = map[string][]rules.Row{}
		for name, t := range u.Tables {
			list := make([]rules.Row, len(t.Rows))
			for i, r := range t.Rows {
				list[i] = r.Values
			}
			rows[name] = list
		}
	}
	return p.scope.Env(rules.Base{Unit: rules.Unit{Name: u.Name, Type: u.Type, Pilot: u.Pilot, Values: u.Values}, Year: year, AsOf: asOf, Self: self,
		Rows: rows, CountRows: countRows(u)})
}

// selfScores reads the unit's 自评表: item id → score. A later row for the
// same item wins.
func selfScores(u *Unit) map[string]*big.Rat {
	out := map[string]*big.Rat{}
	t := u.Tables["self"]
	if t == nil {
		return out
	}
	for _, r := range t.Rows {
		id, _ := r.Values["item"].(string)
		id = strings.TrimSpace(id)
		f, ok := r.Values["score"].(float64)
		if id == "" || !ok {
			continue
		}
		s := new(big.Rat)
		if _, ok := s.SetString(fmt.Sprintf("%g", f)); ok {
			out[id] = s
		}
	}
	return out
}

func header(t *checklists.Table, field string) string {
	if t != nil {
		if f := t.Field(field); f != nil {
			return f.Header
		}
	}
	return field
}

// countRows returns count_rows for a unit: each (table, field) is indexed
// the first time a rule asks for it. It is used by one goroutine (the
// unit's evaluation).
func countRows(u *Unit) rules.CountRows {
	index := map[[2]string]map[any]int{}
	return func(table, field string, value any) int {
		if value == nil {
			return 0
		}
		k := [2]string{table, field}
		idx, ok := index[k]
		if !ok {
			idx = map[any]int{}
			if t := u.Tables[table]; t != nil {
				for _, r := range t.Rows {
					if v, ok := r.Values[field]; ok && v != nil {
						idx[v]++
					}
				}
			}
			index[k] = idx
		}
		return idx[value]
	}
}
