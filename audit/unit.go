package audit

import (
	"fmt"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
)

// Pos is where a value came from: the file, the sheet (or CSV file's sheet
// name), the Excel row number (the CSV line number) and the column letter.
type Pos struct {
	File  string `json:"file,omitempty"`
	Sheet string `json:"sheet,omitempty"`
	Row   int    `json:"row,omitempty"`
	Col   string `json:"col,omitempty"`
}

// Cell returns the position as a clerk writes it: 公文台账!D7, 公文台账!7, 公文台账.
func (p Pos) Cell() string {
	switch {
	case p.Sheet == "":
		return ""
	case p.Row == 0:
		return p.Sheet
	}
	return fmt.Sprintf("%s!%s%d", p.Sheet, p.Col, p.Row)
}

// String returns the file and the cell.
func (p Pos) String() string {
	c := p.Cell()
	switch {
	case p.File == "":
		return c
	case c == "":
		return p.File
	}
	return p.File + " " + c
}

// Unit is one unit's submission as read: its self-description and its registers.
type Unit struct {
	Name    string
	Type    string // checklists.Township, checklists.Department or "" when unknown
	Pilot   bool
	Year    int
	Contact string
	Phone   string
	// Values holds every field read from the unit's 单位信息 form by schema
	// name, those a checklist adds through tables: included (rules see
	// them as unit.FIELD).
	Values checklists.Row
	// NameFromSource is true when the workbook had no 单位信息 name and the
	// name was taken from the file or folder name.
	NameFromSource bool
	// Source is the path of the workbook or CSV folder, as given on the command line.
	Source string
	// Tables holds the registers by schema name; a register that is absent
	// from the submission is absent here.
	Tables     map[string]*Table
	dataErrors int // data errors in Issues, when added by AddIssue

	// Issues are the data errors and warnings found while reading.
	Issues []Issue
	// IssuesOmitted counts the data errors found while reading beyond
	// MaxIssues, counted and not kept.
	IssuesOmitted int
}

// MaxIssues is the most data errors a reader keeps for one unit; the rest
// are counted in Unit.IssuesOmitted (the rows still know their bad cells).
const MaxIssues = 10000

// AddIssue appends is to u.Issues, or counts a data error beyond MaxIssues.
func (u *Unit) AddIssue(is Issue) {
	if is.Kind == DataError {
		if u.dataErrors >= MaxIssues {
			u.IssuesOmitted++
			return
		}
		u.dataErrors++
	}
	u.Issues = append(u.Issues, is)
}

// Table is one register of a unit.
type Table struct {
	Name  string // schema name
	File  string
	Sheet string
	// Columns maps a field's schema name to its column letter. A field
	// without one has no column in the sheet; nil (a table not read from a
	// sheet) says nothing about the columns.
	Columns map[string]string
	// Unknown are the header cells of the columns no field claimed, in
	// column order (序号 and blank headers left out).
	Unknown []Header
	Rows    []*Row
}

// Header is one header cell of a register: its column letter, its row and
// its text.
type Header struct {
	Col  string
	Row  int
	Text string
}

// Row is one non-blank row of a register.
type Row struct {
	// Line is the Excel row number, or the CSV line number.
	Line int
	// Values maps a field's schema name to its typed value; an empty or
	// unreadable cell has no entry (nil to expressions).
	Values checklists.Row
	// Bad lists the fields whose cells could not be read.
	Bad []string
	// Defaulted lists the fields whose empty cells were filled with the
	// table's default (zwgk.checklist/v2 defaults): their value is the
	// checklist's, not the unit's.
	Defaulted []string
	// Text holds the cells as written whose values are a normal form of
	// them (a docno field: 利政发（2017）015号 read as 利政发[2017]15号), at
	// most one per field. A slice, not a map: most register rows have one
	// such cell, and a map for it cost more than the row's values.
	Text []Written
}

// Written is a cell as written whose value in Row.Values is a normal form
// of it.
type Written struct {
	Field, Text string
}

// Written returns field's cell as written when its value is a normal form
// of it (Row.Text).
func (r *Row) Written(field string) (string, bool) {
	for _, w := range r.Text {
		if w.Field == field {
			return w.Text, true
		}
	}
	return "", false
}

// Display returns a text field's cell as written: what reports show.
func (r *Row) Display(field string) string {
	if s, ok := r.Written(field); ok {
		return s
	}
	s, _ := r.Values[field].(string)
	return s
}

// Pos returns the position of a field's cell in the row (the row itself when
// field is "").
func (t *Table) Pos(r *Row, field string) Pos {
	p := Pos{File: t.File, Sheet: t.Sheet}
	if r != nil {
		p.Row = r.Line
	}
	if field != "" {
		p.Col = t.Columns[field]
	}
	return p
}

// IssueKind tells a data error from a warning.
type IssueKind string

// The kinds of issue found while reading a submission.
const (
	DataError IssueKind = "数据错误"
	Warning   IssueKind = "警告"
	// Ignored is a column or row the reader left out on purpose (an
	// unknown column): listed only with --verbose.
	Ignored IssueKind = "忽略"
)

// Issue is a problem found while reading a submission: a cell that does not
// parse, a missing column, a missing sheet, a name taken from the file name.
type Issue struct {
	Kind  IssueKind
	Pos   Pos
	Table string // schema name of the register, "" for the workbook
	Field string
	Text  msg.Text
}
