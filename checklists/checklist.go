package checklists

import (
	"math/big"

	"github.com/expr-lang/expr/vm"
	"github.com/zwgk/zwgk/checklists/calendar"
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
)

// Methods lists every valid method.
var Methods = []Method{Rate, Deduct, Self, Veto, Bonus}

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

	// Schema is the default workbook schema merged with the checklist's tables.
	Schema *Schema
	// Calendar is the working-day calendar built from Calendars and any extra files.
	Calendar *calendar.Calendar
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
	Where   *Expr
	Check   *Expr
	Finding string // label of a failing row
	Public  bool   // a failing row is an 应公开未公开 finding
	Pos     Pos
	Section *Section
}

// Expr is one compiled expression of an item.
type Expr struct {
	Source  string
	Program *vm.Program
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
