package checklists

import (
	"math/big"

	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/rules"
	"github.com/zwgk/zwgk/checklists/yamlfile"
)

// Format is the value of the format key of every checklist this package reads.
const Format = "zwgk.checklist/v1"

// Method is how an item's score is computed.
type Method string

// The scoring methods of shared/spec/checklist-format.md.
const (
	Rate   Method = "rate"
	Deduct Method = "deduct"
	Self   Method = "self"
	Veto   Method = "veto"
	Bonus  Method = "bonus"
	// Evaluator is zwgk.checklist/v2 only (see v2.go).
	Evaluator Method = "evaluator"
)

// Methods lists every valid method, in the order of the method table.
func Methods() []Method {
	var ms []Method
	for _, mi := range methodTable() {
		ms = append(ms, mi.Method)
	}
	return ms
}

// MethodInfo is what a scoring method asks of an item and how the item's
// score counts in its unit's score. The loader, the scorer and the
// renderers read these instead of naming methods, so a new method is a row
// in methodTable plus its formula in scoring.
type MethodInfo struct {
	Method Method
	// Label names the method for a clerk.
	Label msg.Text
	// Rule: the item is judged by a check, over a table's rows or the
	// unit, and has applicable and failing counts; otherwise (self) it is
	// scored from the self-evaluation sheet and may have neither table nor
	// check.
	Rule bool
	// Per: the item may say how many points each failing or passing row
	// is worth.
	Per bool
	// InBase: the score counts in the base score, out of the checklist's
	// total, in its section's subtotal and in the checklist's sum of points.
	InBase bool
	// OnTop: the score is a bonus added to the base score (capped at the
	// total), in no section's subtotal.
	OnTop bool
	// ZeroPoints: the item's points must be 0 (and are 0 when left out).
	ZeroPoints bool
	// Vetoes: a failing row vetoes the unit, which gets the last grade.
	Vetoes bool
	// Evaluator: the item is scored by the district's evaluators
	// (zwgk.checklist/v2 method evaluator); without their score it is
	// pending.
	Evaluator bool
}

// methodTable is the properties of every method, built once (Method.Info
// is asked for every finding and outcome written); callers do not modify it.
func methodTable() []MethodInfo { return methods }

var methods = []MethodInfo{
	{Method: Rate, Label: msg.Text{Zh: "比例计分", En: "rate"}, Rule: true, InBase: true},
	{Method: Deduct, Label: msg.Text{Zh: "扣分", En: "deduct"}, Rule: true, Per: true, InBase: true},
	{Method: Self, Label: msg.Text{Zh: "自评", En: "self"}, InBase: true},
	{Method: Veto, Label: msg.Text{Zh: "一票否决", En: "veto"}, Rule: true, ZeroPoints: true, Vetoes: true},
	{Method: Bonus, Label: msg.Text{Zh: "加分", En: "bonus"}, Rule: true, Per: true, OnTop: true},
	{Method: Evaluator, Label: msg.Text{Zh: "评估打分", En: "evaluator"}, InBase: true, Evaluator: true},
}

// LookupMethod returns the properties of the method named name, and whether
// there is one.
func LookupMethod(name string) (MethodInfo, bool) {
	for _, mi := range methodTable() {
		if string(mi.Method) == name {
			return mi, true
		}
	}
	return MethodInfo{}, false
}

// Info is the properties of m. A method this version does not know (in a
// result written by another) reads as a rule counted in the base, labelled
// by its name.
func (m Method) Info() MethodInfo {
	if mi, ok := LookupMethod(string(m)); ok {
		return mi
	}
	return MethodInfo{Method: m, Label: msg.Text{Zh: string(m), En: string(m)}, Rule: true, InBase: true}
}

// NA policies for items that are not applicable.
const (
	NAFull    = "full"
	NAExclude = "exclude"
)

// Pos is a position in a checklist file: FILE:LINE:COL.
type Pos = yamlfile.Pos

// Checklist is a loaded, validated and compiled indicator system.
type Checklist struct {
	ID                string
	Title             string
	Basis             string
	Year              int
	Total             *big.Rat
	PerformanceWeight *big.Rat
	NA                string // NAFull or NAExclude
	Grades            []Grade
	Calendars         []string
	Sections          []*Section

	// Version is 1 for zwgk.checklist/v1 and 2 for zwgk.checklist/v2.
	Version int
	// MaxScore is the highest final score (v2 max_score; the total in v1).
	MaxScore *big.Rat
	// BonusCap is the most all bonus items together may add (v2 bonus_cap);
	// nil is no cap beyond MaxScore.
	BonusCap *big.Rat
	// Types are the unit types named by typed points, in order of first use.
	Types []string

	// Schema is the default workbook schema merged with the checklist's tables.
	Schema *Schema
	// Calendar is the working-day calendar built from Calendars and any extra files.
	Calendar *calendar.Calendar
	// Rules is what the items' expressions were compiled against and run
	// in: Schema's tables and fields, and Calendar.
	Rules *rules.Scope
	// Source names where the checklist came from ("embedded:litong-2017" or a file name).
	Source string
	// YAML is the checklist's text as read.
	YAML []byte
}

// Grade is one grade band: a unit gets the first grade whose Min ≤ its score.
type Grade struct {
	Name string
	Min  *big.Rat
}

// Section groups items.
type Section struct {
	ID     string
	Title  string
	Points *big.Rat // nil when the section does not state its points
	Items  []*Item
	Pos    Pos

	// v2: TypedPoints are the points by unit type (Points is then nil);
	// PassMin the threshold below which Effect applies.
	TypedPoints map[string]*big.Rat
	PassMin     *big.Rat
	Effect      *Effect
}

// Item is one indicator.
type Item struct {
	ID      string
	Title   string
	Basis   string
	Points  *big.Rat
	Method  Method
	Per     *big.Rat // deduct/bonus: points per failing/passing row
	Table   string   // row rule over this table; "" for a unit-level rule
	Applies *Expr
	// NAReason is the checklist's own words for why the item does not
	// apply when Applies (or Gate) is false; "" for the worded condition.
	NAReason string
	Where    *Expr
	// Due is the row's deadline (a date), in scope in Check as due; a row
	// that fails Check before its due date passes as_of is not yet due
	// (未到期): not counted, listed as upcoming.
	Due     *Expr
	Check   *Expr
	Finding string // label of a failing row
	Public  bool   // a failing row is an 应公开未公开 finding
	Pos     Pos
	Section *Section

	// The zwgk.checklist/v2 keys (v2.go). TypedPoints are the points by
	// unit type (Points is then their largest, for display). PerExpr is a
	// per written as an expression on the row. Cap is the most a deduct
	// item loses or a bonus item earns; Overflow lets deductions exceed the
	// points, the section absorbing the excess. Rules is the pool of rules
	// that deduct from (or add to) the item; Gate is an applies that reads
	// computed scores (bonus items), run by the scorer instead of the audit.
	TypedPoints map[string]*big.Rat
	PerExpr     *Expr
	Cap         *big.Rat
	Overflow    bool
	Rules       []*Rule
	Effect      *Effect
	Gate        *Expr
	// RuleLabel names the rule of a pool this item stands for (A#2,
	// A.late) when the audit evaluates one rule of a pool; "" otherwise.
	RuleLabel string
}

// Expr is one compiled expression of an item.
type Expr struct {
	Source  string
	Program *rules.Program
	Pos     Pos
	// Fields lists the row fields the expression reads, so a row whose value
	// in one of them could not be read fails the rule instead of passing it.
	Fields []string
}

// Items returns every item of every section in order.
func (c *Checklist) Items() []*Item {
	var items []*Item
	for _, s := range c.Sections {
		items = append(items, s.Items...)
	}
	return items
}

// Item returns the item with the given id, or nil.
func (c *Checklist) Item(id string) *Item {
	for _, s := range c.Sections {
		for _, it := range s.Items {
			if it.ID == id {
				return it
			}
		}
	}
	return nil
}

// LastGrade is the lowest grade, given to vetoed and missing units.
func (c *Checklist) LastGrade() string {
	if len(c.Grades) == 0 {
		return ""
	}
	return c.Grades[len(c.Grades)-1].Name
}

// GradeOf returns the grade of a (rounded) score.
func (c *Checklist) GradeOf(score *big.Rat) string {
	for _, g := range c.Grades {
		if g.Min.Cmp(score) <= 0 {
			return g.Name
		}
	}
	return c.LastGrade()
}
