package rules

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/calendar"
)

// testScope is a scope over a few registers of the default workbook, with
// the national calendar.
func testScope(t testing.TB) *Scope {
	t.Helper()
	cal, err := calendar.Load([]string{"cn"})
	if err != nil {
		t.Fatal(err)
	}
	return NewScope([]Table{
		{Name: "documents", Fields: []Field{
			{"doc_no", Text}, {"title", Text}, {"issued_on", Time}, {"attribute", Text}, {"reason", Text},
			{"policy", Bool}, {"affects_rights", Bool}, {"published_on", Time}, {"interpretation", Text},
		}},
		{Name: "requests", Fields: []Field{{"received_on", Time}, {"subject", Text}, {"doc_no", Text}, {"replied_on", Time}}},
		{Name: "reposts", Fields: []Field{{"title", Text}, {"source_published_at", Time}, {"reposted_at", Time}, {"hits", Int}}},
	}, cal)
}

func at(s string) time.Time {
	t, err := time.Parse("2006-01-02 15:04", s)
	if err != nil {
		t, err = time.Parse("2006-01-02", s)
	}
	if err != nil {
		panic(err)
	}
	return t
}

// run compiles src as a check over table and runs it on row.
func run(t *testing.T, s *Scope, src, table string, row Row) (bool, error) {
	t.Helper()
	p, err := s.Compile(src, table)
	if err != nil {
		t.Fatalf("compile %q: %v", src, err)
	}
	env := s.Env(Base{Year: 2017, Self: map[string]float64{}}).Table(table)
	env.SetRow(row)
	var m Machine
	return m.Bool(p, env)
}

// TestBlankCells pins what an empty cell means to a rule: a blank boolean is
// false unless compared with nil, and a blank value never matches a
// comparison (so `x != "v"` is true) — never a run-time error.
func TestBlankCells(t *testing.T) {
	s := testScope(t)
	day := at("2017-06-01")
	tests := []struct {
		src  string
		row  Row
		want bool
	}{
		{`attribute == "主动公开"`, Row{}, false},
		{`attribute == "主动公开"`, Row{"attribute": "主动公开"}, true},
		{`attribute != "主动公开"`, Row{}, true},
		{`attribute != "主动公开"`, Row{"attribute": "主动公开"}, false},
		{`attribute == nil`, Row{}, true},
		{`attribute in ["依申请公开", "不予公开"]`, Row{}, false},
		{`reason matches "国家秘密"`, Row{}, false},
		{`reason matches "国家秘密"`, Row{"reason": "属于国家秘密"}, true},
		{`policy && affects_rights`, Row{"policy": true}, false},
		{`policy && affects_rights`, Row{"policy": true, "affects_rights": true}, true},
		{`policy`, Row{}, false},
		{`!policy`, Row{}, true},
		{`policy == nil`, Row{}, true},
		{`policy == false`, Row{}, true},
		{`published_on <= period_end`, Row{}, false},
		{`published_on != nil && workdays(issued_on, published_on) <= 5`, Row{"issued_on": day}, false},
		{`attribute == "主动公开" && policy && affects_rights`, Row{"attribute": "主动公开", "policy": true, "affects_rights": true}, true},
	}
	for _, tt := range tests {
		got, err := run(t, s, tt.src, "documents", tt.row)
		if err != nil {
			t.Errorf("%q on %v: run-time error %v", tt.src, tt.row, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%q on %v = %v, want %v", tt.src, tt.row, got, tt.want)
		}
	}
}

// TestCompileErrors pins what a rule that does not compile reports: its
// kind, its place in the source (in runes) and, for an unknown name, the
// nearest name in scope.
func TestCompileErrors(t *testing.T) {
	s := testScope(t)
	tests := []struct {
		name, src, table string
		want             Error
	}{
		{"typo in a call", `workdays(issued_on, publshed_on) <= 5`, "documents",
			Error{Kind: UnknownName, Offset: 20, Name: "publshed_on", Suggest: "published_on"}},
		{"typo in hours", `published_on != nil && hours(issued_on, publshed_on) < 72`, "documents",
			Error{Kind: UnknownName, Offset: 40, Name: "publshed_on", Suggest: "published_on"}},
		{"typo after let", `let d = issued_on; workdays(d, publshed_on) <= 5`, "documents",
			Error{Kind: UnknownName, Offset: 31, Name: "publshed_on", Suggest: "published_on"}},
		{"typo of a field", `polcy && affects_rights`, "documents",
			Error{Kind: UnknownName, Offset: 0, Name: "polcy", Suggest: "policy"}},
		{"typo of a function", `workday(issued_on, published_on) <= 5`, "documents",
			Error{Kind: UnknownName, Offset: 0, Name: "workday", Suggest: "workdays"}},
		{"after Chinese text", `attribute == "主动公开" && polcy`, "documents",
			Error{Kind: UnknownName, Offset: 23, Name: "polcy", Suggest: "policy"}},
		{"field at unit level", `attribute == "主动公开"`, "",
			Error{Kind: UnknownName, Offset: 0, Name: "attribute"}},
		{"nothing near", `zzzzzzzz > 1`, "documents",
			Error{Kind: UnknownName, Offset: 0, Name: "zzzzzzzz"}},
		{"not a bool", `issued_on`, "documents",
			Error{Kind: NotBool, Offset: -1, Name: "time.Time"}},
		{"no such field", `unit.nme == "金积镇"`, "",
			Error{Kind: NoField, Offset: 5, Name: "nme"}},
		{"nested walk", `all(tables.documents, any(tables.requests, .subject matches "x"))`, "documents",
			Error{Kind: NestedLoops, Offset: -1}},
		{"syntax", `policy &&`, "documents",
			Error{Kind: Other, Offset: 8}},
		// Rows of another table are maps to the compiler: their names are
		// checked against the scope, and the error is at the name.
		{"field in filter", `len(filter(tables.requests, .doc_nooo == doc_no)) >= 3`, "documents",
			Error{Kind: UnknownField, Offset: 29, Table: "requests", Name: "doc_nooo", Suggest: "doc_no"}},
		{"table in count", `count(tables.requestss, .doc_no == doc_no) >= 3`, "documents",
			Error{Kind: UnknownTable, Offset: 13, Name: "requestss", Suggest: "requests"}},
		{"field in count", `count(tables.requests, .doc_nooo == doc_no) >= 3`, "documents",
			Error{Kind: UnknownField, Offset: 24, Table: "requests", Name: "doc_nooo", Suggest: "doc_no"}},
		{"table of count_rows", `count_rows("requestss", "doc_no", doc_no) >= 3`, "documents",
			Error{Kind: UnknownTable, Offset: 11, Name: "requestss", Suggest: "requests"}},
		{"field of count_rows", `count_rows("requests", "doc_nooo", doc_no) >= 3`, "documents",
			Error{Kind: UnknownField, Offset: 23, Table: "requests", Name: "doc_nooo", Suggest: "doc_no"}},
		{"field of an indexed row", `tables.requests[0].subjct != nil`, "documents",
			Error{Kind: UnknownField, Offset: 19, Table: "requests", Name: "subjct", Suggest: "subject"}},
		{"field of first", `first(tables.requests).subjct != nil`, "",
			Error{Kind: UnknownField, Offset: 23, Table: "requests", Name: "subjct", Suggest: "subject"}},
		{"field in any", `any(tables.requests, .subjct != nil)`, "",
			Error{Kind: UnknownField, Offset: 22, Table: "requests", Name: "subjct", Suggest: "subject"}},
		{"table after Chinese text", `"中文" != "" && len(tables.requestss) > 0`, "",
			Error{Kind: UnknownTable, Offset: 25, Name: "requestss", Suggest: "requests"}},
		{"table by index", `len(tables["requestss"]) > 0`, "",
			Error{Kind: UnknownTable, Offset: 11, Name: "requestss", Suggest: "requests"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := s.Compile(tt.src, tt.table)
			var got *Error
			if !errors.As(err, &got) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if got.Msg == "" {
				t.Errorf("no message")
			}
			g := *got
			g.Msg = ""
			if diff := cmp.Diff(tt.want, g); diff != "" {
				t.Errorf("%s (-want +got)\n%s\nmessage: %s", tt.src, diff, got.Msg)
			}
		})
	}
}

// TestCompileAccepts pins rules that must compile: a single walk, a let
// variable, a count rewritten to count_rows.
func TestCompileAccepts(t *testing.T) {
	s := testScope(t)
	for _, tt := range []struct {
		src      string
		fields   []string
		tables   bool
		countRow bool
	}{
		{`len(filter(tables.requests, .doc_no == doc_no)) >= 3`, []string{"doc_no"}, false, true},
		{`count(tables.requests, doc_no == .doc_no) < 3`, []string{"doc_no"}, false, true},
		{`len(filter(tables.requests, .doc_no == doc_no && true)) >= 3`, []string{"doc_no"}, true, false},
		{`let d = issued_on; workdays(d, published_on) <= 5`, []string{"issued_on", "published_on"}, false, false},
		{`policy`, []string{"policy"}, false, false},
	} {
		p, err := s.Compile(tt.src, "documents")
		if err != nil {
			t.Errorf("%s: %v", tt.src, err)
			continue
		}
		if diff := cmp.Diff(tt.fields, p.Fields()); diff != "" {
			t.Errorf("%s: fields (-want +got)\n%s", tt.src, diff)
		}
		if p.Uses(VarTables) != tt.tables || p.Uses(VarCountRows) != tt.countRow {
			t.Errorf("%s: uses tables %v, count_rows %v; want %v, %v", tt.src, p.Uses(VarTables), p.Uses(VarCountRows), tt.tables, tt.countRow)
		}
	}
}

// TestRunNeverPanics: a rule that fails at run time is an error, never a
// crash, and a value that is not a bool is an error of Bool.
func TestRunNeverPanics(t *testing.T) {
	s := testScope(t)
	for _, tt := range []struct{ src, want string }{
		{`int(title) > 0`, "两字"},
		{`tables.documents[5].title == ""`, "out of range"},
		{`workdays(issued_on, published_on) < 5`, "日期为空"},
	} {
		got, err := run(t, s, tt.src, "documents", Row{"title": "两字", "issued_on": at("2017-06-01")})
		if err == nil {
			t.Errorf("%s = %v, want a run-time error", tt.src, got)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %q, want it to mention %q", tt.src, err, tt.want)
		}
	}
	// A function that panics (count_rows is the caller's code).
	p, err := s.Compile(`count_rows("requests", "doc_no", doc_no) > 0`, "documents")
	if err != nil {
		t.Fatal(err)
	}
	env := s.Env(Base{Year: 2017, CountRows: func(string, string, any) int { panic("boom") }}).Table("documents")
	env.SetRow(Row{"doc_no": "甲1号"})
	var m Machine
	if _, err := m.Bool(p, env); err == nil || !strings.Contains(err.Error(), "boom") {
		t.Errorf("a panicking function: err = %v", err)
	}
	p, err = s.CompileValue(`title`, "documents")
	if err != nil {
		t.Fatal(err)
	}
	env = s.Env(Base{Year: 2017}).Table("documents")
	env.SetRow(Row{"title": "x"})
	if _, err := m.Bool(p, env); err == nil || !strings.Contains(err.Error(), "结果不是布尔值") {
		t.Errorf("Bool on a string: err = %v", err)
	}
	if _, err := run(t, s, `workdays(issued_on, published_on) < 5`, "documents", Row{"issued_on": at("2017-06-01")}); !errors.Is(err, ErrNilDate) {
		t.Errorf("an empty date: err = %v, want ErrNilDate", err)
	}
}

// TestElapsed counts over a weekend and the National Day holiday of 2017
// (Saturday 30 September worked, 1–8 October off), and days on date-time
// values by their dates.
func TestElapsed(t *testing.T) {
	s := testScope(t)
	for _, tt := range []struct {
		fn, from, to string
		want         float64
	}{
		{FuncWorkdays, "2017-06-02", "2017-06-05", 1}, // Friday → Monday
		{FuncDays, "2017-06-02", "2017-06-05", 3},
		{FuncWorkdays, "2017-09-29", "2017-10-10", 3}, // 30 Sep, 9 and 10 Oct
		{FuncDays, "2017-09-29", "2017-10-10", 11},
		{FuncWorkdays, "2017-09-22", "2017-10-10", 8},
		{FuncDays, "2017-05-02 18:00", "2017-05-05 09:00", 3}, // 63 hours, yet the third day
		{FuncDays, "2017-05-02 09:00", "2017-05-02 23:00", 0},
		{FuncDays, "2017-05-05 09:00", "2017-05-02 18:00", -3},
		{FuncHours, "2017-05-02 09:00", "2017-05-05 09:30", 72.5},
	} {
		m := Measure{Func: tt.fn, From: "a", To: "b", scope: s}
		got, err := m.Elapsed(Row{"a": at(tt.from), "b": at(tt.to)})
		if err != nil || got != tt.want {
			t.Errorf("%s(%s, %s) = %v, %v; want %v", tt.fn, tt.from, tt.to, got, err, tt.want)
		}
		v, err := s.elapsed(tt.fn, at(tt.from), at(tt.to))
		if err != nil {
			t.Fatal(err)
		}
		if f, ok := v.(float64); ok && f != got || !ok && float64(v.(int)) != got {
			t.Errorf("%s(%s, %s): the rule counts %v, the explanation %v", tt.fn, tt.from, tt.to, v, got)
		}
	}
}

// TestMeasures finds the deadline comparisons of typical checks, whichever
// side the count is on, and evaluates their limits on a row.
func TestMeasures(t *testing.T) {
	s := testScope(t)
	type got struct {
		Func, From, To, Op string
		Limit              float64
	}
	row := Row{"hits": 4}
	for _, tt := range []struct {
		src, table string
		want       []got
	}{
		{`published_on != nil && workdays(issued_on, published_on) <= 5`, "documents",
			[]got{{FuncWorkdays, "issued_on", "published_on", "<=", 5}}},
		{`hours(source_published_at, reposted_at) <= 72`, "reposts",
			[]got{{FuncHours, "source_published_at", "reposted_at", "<=", 72}}},
		{`72 >= hours(source_published_at, reposted_at)`, "reposts",
			[]got{{FuncHours, "source_published_at", "reposted_at", "<=", 72}}},
		{`days(source_published_at, reposted_at) < hits * 2`, "reposts",
			[]got{{FuncDays, "source_published_at", "reposted_at", "<", 8}}},
		{`replied_on == nil || workdays(received_on, replied_on) <= 20 && days(received_on, replied_on) > 0`, "requests",
			[]got{{FuncWorkdays, "received_on", "replied_on", "<=", 20}, {FuncDays, "received_on", "replied_on", ">", 0}}},
		{`workdays(issued_on, date("2017-12-31")) <= 5`, "documents", nil}, // not two fields
		{`attribute == "主动公开"`, "documents", nil},
	} {
		p, err := s.Compile(tt.src, tt.table)
		if err != nil {
			t.Fatalf("%s: %v", tt.src, err)
		}
		var out []got
		for _, m := range p.Measures() {
			lim, ok := m.Limit(row)
			if !ok {
				t.Errorf("%s: limit of %+v not evaluated", tt.src, m)
			}
			out = append(out, got{m.Func, m.From, m.To, m.Op, lim})
		}
		if diff := cmp.Diff(tt.want, out); diff != "" {
			t.Errorf("%s (-want +got)\n%s", tt.src, diff)
		}
	}
}

// TestDaysOnDateTimes is the divergence fixed: a check of days on date-time
// fields fails a row, and the deadline analysis counts the same number of
// days the rule judged (hours/24 would have said 2, within the limit).
func TestDaysOnDateTimes(t *testing.T) {
	s := testScope(t)
	src := `days(source_published_at, reposted_at) <= 2`
	row := Row{"source_published_at": at("2017-05-02 18:00"), "reposted_at": at("2017-05-05 09:00")}
	ok, err := run(t, s, src, "reposts", row)
	if err != nil || ok {
		t.Fatalf("%s = %v, %v; want false", src, ok, err)
	}
	p, _ := s.Compile(src, "reposts")
	ms := p.Measures()
	if len(ms) != 1 {
		t.Fatalf("measures = %+v", ms)
	}
	n, err := ms[0].Elapsed(row)
	lim, _ := ms[0].Limit(row)
	if err != nil || n != 3 || lim != 2 {
		t.Errorf("elapsed %v (%v), limit %v; want 3 days against 2", n, err, lim)
	}
}

func TestNamesAndReserved(t *testing.T) {
	s := testScope(t)
	want := []string{"unit", "year", "period_start", "period_end", "as_of", "due", "tables", "self", "count_rows", "workdays", "days", "hours", "date",
		"add_workdays", "is_workday", "request_due", "norm_title", "similar", "match", "received_on", "subject", "doc_no", "replied_on"}
	if diff := cmp.Diff(want, s.Names("requests")); diff != "" {
		t.Errorf("names (-want +got)\n%s", diff)
	}
	if diff := cmp.Diff(want[:19], s.Names("")); diff != "" {
		t.Errorf("unit-level names (-want +got)\n%s", diff)
	}
	for _, n := range []string{"unit", "days", "count_rows", "len", "filter", "let", "matches", "nil"} {
		if !Reserved(n) {
			t.Errorf("Reserved(%q) = false", n)
		}
	}
	for _, n := range []string{"signer", "published_on", "day"} {
		if Reserved(n) {
			t.Errorf("Reserved(%q) = true", n)
		}
	}
}

// TestCountRowsDirect: count_rows("T", "f", x) is called without
// reflection and answers as the environment's count_rows does.
func TestCountRowsDirect(t *testing.T) {
	s := testScope(t)
	p, err := s.Compile(`count_rows("requests", "doc_no", doc_no) >= 2`, "documents")
	if err != nil {
		t.Fatal(err)
	}
	if d := p.program.Disassemble(); strings.Contains(d, "OpCall\t") || !strings.Contains(d, countRowsCall) {
		t.Errorf("count_rows is still called through reflection:\n%s", d)
	}
	if !p.Uses(VarCountRows) {
		t.Error("the rule no longer reports that it uses count_rows")
	}
	var asked []any
	env := s.Env(Base{Year: 2017, CountRows: func(table, field string, v any) int {
		asked = append(asked, table, field, v)
		return 2
	}}).Table("documents")
	env.SetRow(Row{"doc_no": "甲1号"})
	var m Machine
	ok, err := m.Bool(p, env)
	if err != nil || !ok || fmt.Sprint(asked) != "[requests doc_no 甲1号]" {
		t.Errorf("ok %v, err %v, asked %v", ok, err, asked)
	}
	// A call count_rows cannot take is refused as before.
	if _, err := s.Compile(`count_rows("requests", "doc_no") >= 2`, "documents"); err == nil {
		t.Error("count_rows with two arguments compiled")
	}
	if _, err := s.Compile(`count_rows("requests", 1, doc_no) >= 2`, "documents"); err == nil {
		t.Error("count_rows with a number for the field compiled")
	}
}

// TestSetDueNil: SetDue(nil) after a due date clears it, and before any
// (when it writes nothing) the rule sees none.
func TestSetDueNil(t *testing.T) {
	s := testScope(t)
	p, err := s.Compile(`due == nil`, "documents")
	if err != nil {
		t.Fatal(err)
	}
	env := s.Env(Base{Year: 2017}).Table("documents")
	env.SetRow(Row{"title": "x"})
	var m Machine
	for i, due := range []any{nil, at("2017-06-01"), nil, nil, at("2017-07-01"), nil} {
		env.SetDue(due)
		ok, err := m.Bool(p, env)
		if err != nil || ok != (due == nil) {
			t.Errorf("step %d, due %v: due == nil is %v (err %v)", i, due, ok, err)
		}
	}
}
