package checklists

import (
	"strings"
	"testing"
	"time"

	"github.com/expr-lang/expr/vm"

	"github.com/zwgk/zwgk/checklists/calendar"
)

// TestBlankCells pins what an empty cell means to a rule: a blank boolean is
// false unless compared with nil, and a blank value never matches a
// comparison (so `x != "v"` is true) — never a run-time error.
func TestBlankCells(t *testing.T) {
	cal, err := calendar.Load([]string{"cn"})
	if err != nil {
		t.Fatal(err)
	}
	s := DefaultSchema()
	day := time.Date(2017, 6, 1, 0, 0, 0, 0, time.UTC)
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
		c, err := compileExpr(tt.src, s, "documents", s.TablesType(), cal)
		if err != nil {
			t.Errorf("compile %q: %v", tt.src, err)
			continue
		}
		env := map[string]any{VarPeriodEnd: time.Date(2017, 12, 31, 0, 0, 0, 0, time.UTC), VarYear: 2017,
			VarUnit: UnitEnv{}, VarSelf: map[string]float64{}, VarTables: s.TablesValue(s.TablesType(), nil)}
		for _, f := range s.Table("documents").Fields {
			env[f.Name] = tt.row[f.Name]
		}
		var m vm.VM
		out, err := m.Run(c.program, env)
		if err != nil {
			t.Errorf("%q on %v: run-time error %v", tt.src, tt.row, err)
			continue
		}
		if out != tt.want {
			t.Errorf("%q on %v = %v, want %v", tt.src, tt.row, out, tt.want)
		}
	}
}

func TestNestedLoopsRefused(t *testing.T) {
	cal, err := calendar.Load([]string{"cn"})
	if err != nil {
		t.Fatal(err)
	}
	s := DefaultSchema()
	ok := `len(filter(tables.requests, .doc_no == doc_no)) >= 3`
	if _, err := compileExpr(ok, s, "documents", s.TablesType(), cal); err != nil {
		t.Errorf("%s: %v", ok, err)
	}
	bad := `all(tables.documents, any(tables.requests, .subject matches "x"))`
	if _, err := compileExpr(bad, s, "documents", s.TablesType(), cal); err == nil {
		t.Errorf("%s compiled; a walk inside a walk must be refused", bad)
	}
}

// TestUnknownNameInCall pins a typo inside a function call being caught:
// expr misses it there once a patcher has run.
func TestUnknownNameInCall(t *testing.T) {
	cal, err := calendar.Load([]string{"cn"})
	if err != nil {
		t.Fatal(err)
	}
	s := DefaultSchema()
	for _, src := range []string{
		`workdays(issued_on, publshed_on) <= 5`,
		`published_on != nil && hours(issued_on, publshed_on) < 72`,
		`let d = issued_on; workdays(d, publshed_on) <= 5`,
	} {
		_, err := compileExpr(src, s, "documents", s.TablesType(), cal)
		if err == nil || !strings.Contains(err.Error(), "publshed_on") {
			t.Errorf("%s: err = %v, want unknown name publshed_on", src, err)
		}
	}
	if _, err := compileExpr(`let d = issued_on; workdays(d, published_on) <= 5`, s, "documents", s.TablesType(), cal); err != nil {
		t.Errorf("let variable: %v", err)
	}
}
