package annual

import (
	"encoding/json"
	"io"
	"strings"

	"golang.org/x/text/width"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
)

// FormatV1 is the value of the format key of the JSON that annual-report
// writes with -o x.json and reads with --previous (the zwgk.annual/v1
// contract: keys as tagged below; more may be added, none renamed).
const FormatV1 = "zwgk.annual/v1"

// File is the yearly report tables of every unit of one run.
type File struct {
	Format string    `json:"format"`
	Year   int       `json:"year"`
	Layout Layout    `json:"layout"`
	Units  []*Report `json:"units"`
	// Errors lists the submissions that could not be read.
	Errors []Error `json:"errors,omitempty"`
}

// Error is a submission that could not be read.
type Error struct {
	File    string `json:"file"`
	Message string `json:"message"`
	// MessageText is Message in both languages (Message is Chinese).
	MessageText msg.Text `json:"message_text,omitzero"`
}

// MessageIn returns why the file could not be read, in lang.
func (e *Error) MessageIn(lang msg.Lang) string {
	if e.MessageText.Zh == "" {
		return e.Message
	}
	return e.MessageText.In(lang)
}

// Report is one unit's tables 二, 三 and 四, with the checks run on them and
// what was found in its registers.
type Report struct {
	Name string `json:"name"`
	// Type is the unit type (乡镇 or 部门) when the submission gave it.
	Type   string `json:"type,omitempty"`
	Source string `json:"source,omitempty"`
	// Table2 holds the 主动公开情况 form's numbers by field name; a field
	// the unit did not fill in is absent.
	Table2 map[string]float64 `json:"table2"`
	Table3 Table3             `json:"table3"`
	Table4 Table4             `json:"table4"`
	// Answered counts the requests answered in the year, each once, per
	// column; Partial counts those answered 部分公开. Check (d) compares
	// them with table 三.
	Answered Counts `json:"answered"`
	Partial  Counts `json:"partial"`
	// Documents counts the documents register's rows issued in the year, for
	// the text skeleton; nil without a documents register.
	Documents *DocumentCounts `json:"documents,omitempty"`
	Checks    []Check         `json:"checks"`
	Late      []Late          `json:"late"`
	Findings  []Finding       `json:"findings"`
}

// DocumentCounts are the documents issued in the year, by 公开属性 ("" for
// none given).
type DocumentCounts struct {
	Issued      int            `json:"issued"`
	ByAttribute map[string]int `json:"by_attribute"`
}

// Counts is one row of table 三: the six applicant columns and 总计.
type Counts [Columns]int

// add counts one request in column col (-1 when its applicant type is
// unknown) and in 总计.
func (c *Counts) add(col int) {
	if col >= 0 && col < Total {
		c[col]++
	}
	c[Total]++
}

// Table3 is table 三: its rows in printed order.
type Table3 struct {
	Rows []Line `json:"rows"`
}

// Line is one row of table 三.
type Line struct {
	Key    string `json:"key"`
	Label  string `json:"label"`
	Counts Counts `json:"values"`
}

// NewTable3 returns the layout's table 三 with every cell 0.
func NewTable3(l Layout) Table3 {
	var t Table3
	for _, r := range l.Rows() {
		t.Rows = append(t.Rows, Line{Key: r.Key, Label: r.Label})
	}
	return t
}

// Get returns the row with key; ok is false when the table has no such row.
func (t Table3) Get(key string) (Counts, bool) {
	for _, l := range t.Rows {
		if l.Key == key {
			return l.Counts, true
		}
	}
	return Counts{}, false
}

// Map returns the rows by key.
func (t Table3) Map() map[string]Counts {
	m := make(map[string]Counts, len(t.Rows))
	for _, l := range t.Rows {
		m[l.Key] = l.Counts
	}
	return m
}

func (t *Table3) add(key string, col int) {
	for i := range t.Rows {
		if t.Rows[i].Key == key {
			t.Rows[i].Counts.add(col)
			return
		}
	}
	panic("annual: no row " + key)
}

// Table4 is table 四: review and litigation cases by result.
type Table4 struct {
	Review      Results `json:"review"`       // 行政复议
	Direct      Results `json:"direct"`       // 行政诉讼：未经复议直接起诉
	AfterReview Results `json:"after_review"` // 行政诉讼：复议后起诉
}

// Results are one group of table 四.
type Results struct {
	Upheld    int `json:"upheld"`    // 结果维持
	Corrected int `json:"corrected"` // 结果纠正
	Other     int `json:"other"`     // 其他结果
	Pending   int `json:"pending"`   // 尚未审结
	Total     int `json:"total"`     // 总计
}

// Cells returns the group's five cells in printed order.
func (r Results) Cells() [5]int { return [5]int{r.Upheld, r.Corrected, r.Other, r.Pending, r.Total} }

// Groups returns table 四's three groups in printed order.
func (t Table4) Groups() [3]Results { return [3]Results{t.Review, t.Direct, t.AfterReview} }

// Text is a message in Chinese and English.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en,omitempty"`
}

// In returns the text in lang.
func (t Text) In(l msg.Lang) string { return msg.Text{Zh: t.Zh, En: t.En}.In(l) }

func newText(zh, en string, args ...any) Text {
	m := msg.New(zh, en, args...)
	return Text{Zh: m.Zh, En: m.En}
}

// bothText formats the two languages with their own arguments.
func bothText(zh string, zhArgs []any, en string, enArgs []any) Text {
	m := msg.Both(zh, zhArgs, en, enArgs)
	return Text{Zh: m.Zh, En: m.En}
}

// Status is the result of a check.
type Status string

// The statuses of a check.
const (
	Pass Status = "pass"
	Fail Status = "fail"
	Skip Status = "skip"
)

// Check is one consistency check of a unit's tables.
type Check struct {
	// ID is a, b, c, d, e (the checks on table 三) or t4 (table 四).
	ID     string `json:"id"`
	Title  Text   `json:"title"`
	Status Status `json:"status"`
	// Problems says what does not add up, one cell or column each; for a
	// skipped check, why it was skipped.
	Problems []Text `json:"problems,omitempty"`
}

// Late is a request answered after its time limit, or still unanswered on
// 31 December after it.
type Late struct {
	Pos        audit.Pos `json:"pos"`
	Subject    string    `json:"subject,omitempty"`
	ReceivedOn string    `json:"received_on"`
	// RepliedOn is "" for a request still unanswered at the end of the year;
	// Workdays then counts to 31 December.
	RepliedOn string `json:"replied_on,omitempty"`
	Extended  bool   `json:"extended"`
	Workdays  int    `json:"workdays"`
	Limit     int    `json:"limit"`
	// Due is the reply deadline by the Regulations' clock (补正, consultation
	// and extension counted: calendar.Calendar.RequestDue).
	Due string `json:"due,omitempty"`
}

// Finding is a register row that could not be counted as it stands, or
// another problem with the data behind the tables.
type Finding struct {
	Code string    `json:"code"`
	Pos  audit.Pos `json:"pos"`
	Text Text      `json:"message"`
}

// The codes of findings.
const (
	CodeDataError           = "data_error"              // a cell the reader could not read
	CodeNoRegister          = "no_register"             // no requests, reviews or 主动公开情况 sheet
	CodeReceivedMissing     = "received_missing"        // no 收到日期: the row is not counted
	CodeRepliedBefore       = "replied_before_received" // 答复日期 before 收到日期
	CodeOutcomeMissing      = "outcome_missing"         // answered, no 答复结果
	CodeOutcomeWithoutReply = "outcome_without_reply"   // 答复结果 but no 答复日期: counted as carried forward
	CodeDetailMissing       = "detail_missing"          // 不予公开 … without 具体情形
	CodeDetailContradicts   = "detail_contradicts"      // 具体情形 of another outcome
	CodeDetailUnexpected    = "detail_unexpected"       // 予以公开 with a withholding 具体情形
	CodeApplicantMissing    = "applicant_missing"       // no 申请人类型
	CodeCalendar            = "calendar"                // working days cannot be counted
	CodeCaseUndated         = "case_undated"            // an earlier case with a result but no 审结日期
	CodeCaseResultMissing   = "case_result_missing"     // a case decided in the year without 结果
	CodeCaseContradicts     = "case_contradicts"        // 审结日期 given, 结果 尚未审结
	CodeCasePathMissing     = "case_path_missing"       // litigation without 起诉方式
	CodeCaseKindMissing     = "case_kind_missing"       // no 案件类型
	CodeDisclosureMissing   = "disclosure_missing"      // table 二 numbers not filled in
)

// ReadFile reads a zwgk.annual/v1 JSON file; name is used in error messages.
func ReadFile(r io.Reader, name string) (*File, error) {
	var f File
	dec := json.NewDecoder(r)
	if err := dec.Decode(&f); err != nil {
		return nil, msg.Errorf("%s: 不是有效的 zwgk 年度报告 JSON：%w", "%s: not a valid zwgk yearly report JSON: %w", name, err)
	}
	if f.Format != FormatV1 {
		return nil, msg.Errorf("%s: 格式为「%s」，应为 %s", "%s: the format is %q, want %s", name, f.Format, FormatV1)
	}
	for _, u := range f.Units {
		if u == nil {
			return nil, msg.Errorf("%s: units 中有空项", "%s: units holds an empty entry", name)
		}
		if _, ok := u.Table3.Get(RowCarriedForward); !ok {
			return nil, msg.Errorf("%s: 单位「%s」的表三没有 %s 行", "%s: unit %q: table 3 has no row %s", name, u.Name, RowCarriedForward)
		}
	}
	return &f, nil
}

// Unit finds a unit's report by name, comparing names without spaces and
// with full-width letters and digits folded; when both this file and the
// caller have exactly one unit (alone is true), that unit is returned
// whatever its name.
func (f *File) Unit(name string, alone bool) *Report {
	k := foldName(name)
	for _, u := range f.Units {
		if foldName(u.Name) == k {
			return u
		}
	}
	if alone && len(f.Units) == 1 {
		return f.Units[0]
	}
	return nil
}

func foldName(s string) string {
	s = width.Fold.String(s)
	return strings.Join(strings.Fields(s), "")
}
