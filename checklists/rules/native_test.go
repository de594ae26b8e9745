package rules

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"testing"
)

// nativeExprs are rules of the shapes the checklists use, and shapes meant
// to trip the native evaluation: operators on values of the wrong type,
// compared fields of one type (the compiler's typed ==), calls beside
// comparisons, nil on either side, ?? and not.
var nativeExprs = []struct{ src, table string }{
	{`attribute != nil && attribute == "主动公开" && policy && affects_rights`, "documents"},
	{`attribute in ["依申请公开", "不予公开", "脱密后公开"]`, "documents"},
	{`attribute not in ["依申请公开", ""]`, "documents"},
	{`attribute != nil && attribute == "主动公开" && issued_on >= period_start`, "documents"},
	{`attribute != nil && attribute == "主动公开" && policy && published_on != nil`, "documents"},
	{`published_on != nil && published_on <= as_of`, "documents"},
	{`published_on >= issued_on`, "documents"},
	{`published_on != nil && workdays(issued_on, published_on) <= 5`, "documents"},
	{`reason != nil && trim(reason) != ""`, "documents"},
	{`doc_no != nil && trim(doc_no) != "" && count_rows("requests", "doc_no", doc_no) >= 3`, "documents"},
	{`interpretation != nil && interpretation matches "图解|视频"`, "documents"},
	{`title == doc_no`, "documents"},
	{`attribute != "主动公开"`, "documents"},
	{`!policy || affects_rights`, "documents"},
	{`not (attribute == "主动公开") or policy == nil`, "documents"},
	{`policy != false && (affects_rights ?? true)`, "documents"},
	{`(attribute ?? "无") == "无"`, "documents"},
	{`due != nil && published_on != nil && published_on <= due`, "documents"},
	{`issued_on < published_on || issued_on > as_of`, "documents"},
	{`year == 2017 && attribute == "主动公开"`, "documents"},
	{`attribute == "主动公开" and (published_on == nil or published_on > as_of)`, "documents"},
	{`title contains "通知" || doc_no startsWith "利通" || doc_no endsWith "号"`, "documents"},
	{`upper(title) == "X" || trim(reason, " ") != "" || len(title) > 3`, "documents"},
	{`trimPrefix(title) == lower(attribute)`, "documents"},
	{`received_on != nil && replied_on != nil && replied_on >= received_on`, "requests"},
	{`hits > 3 || hits == 0`, "reposts"},
	{`hits == hits && title != nil`, "reposts"},
	{`reposted_at != nil && source_published_at != nil && hours(source_published_at, reposted_at) <= 72`, "reposts"},
}

// nativeValues are the values a field of each kind may hold in the test:
// the kind's own, nil, and values of other kinds (a district table or a
// future reader could put them there; the machine's answer must still be
// the one given).
func nativeValues(k Kind) []any {
	t1, t2 := at("2017-03-01"), at("2017-03-09 10:00")
	other := []any{nil, "是", 3, 2.5, true, t1}
	switch k {
	case Text:
		return append(other, "", "主动公开", "依申请公开", "不予公开", "脱密后公开", "利通政发〔2017〕1号", "图解")
	case Time:
		return append(other, t1, t2, at("2017-12-31"), at("2016-12-31"))
	case Bool:
		return append(other, true, false, false)
	case Int:
		return append(other, 0, 3, 4, 0.0)
	}
	return append(other, 0.0, 1.5)
}

// machineRun runs p on env the way Machine.ValueIn does, without the
// native evaluation.
func machineRun(m *Machine, p *Program, env *Env) (out any, err error) {
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%v", r)
		}
	}()
	env.load(p, true)
	return m.vm.Run(p.program, env.vars)
}

// checkNative runs p natively and on the machine over random rows of its
// table and fails when a native answer differs from the machine's (or is
// given where the machine fails); it returns how many runs were decided
// natively.
func checkNative(t *testing.T, s *Scope, p *Program, src, table string, rng *rand.Rand, runs int) int {
	t.Helper()
	var m Machine
	base := s.Env(Base{Year: 2017, Self: map[string]float64{}})
	env := base.Table(table)
	fields := s.table(table).Fields
	decided := 0
	for range runs {
		row := Row{}
		for _, f := range fields {
			vs := nativeValues(f.Kind)
			row[f.Name] = vs[rng.IntN(len(vs))]
		}
		env.SetRow(row)
		dues := []any{nil, at("2017-03-05"), "2017-03-05"}
		env.SetDue(dues[rng.IntN(len(dues))])
		want, err := machineRun(&m, p, env)
		if p.native == nil {
			continue
		}
		got, ok := p.native(env)
		if !ok {
			continue
		}
		decided++
		if err != nil {
			t.Fatalf("%s on %v: native %v, the machine fails: %v", src, row, got, err)
		}
		if !reflect.DeepEqual(got, want) || reflect.TypeOf(got) != reflect.TypeOf(want) {
			t.Fatalf("%s on %v: native %#v, the machine %#v", src, row, got, want)
		}
	}
	return decided
}

// TestNativeMatchesMachine: whatever a rule's cells hold, a natively decided
// rule gives the machine's answer, and only where the machine gives one.
func TestNativeMatchesMachine(t *testing.T) {
	s := testScope(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, e := range nativeExprs {
		p, err := s.Compile(e.src, e.table)
		if err != nil {
			t.Fatalf("compile %q: %v", e.src, err)
		}
		decided := checkNative(t, s, p, e.src, e.table, rng, 3000)
		t.Logf("%-100s decided natively %4d / 3000", e.src, decided)
	}
}

// TestNativeDecides: the rules of the embedded checklists' shapes are
// decided without the machine on the rows they meet most (so the native
// evaluation is in fact used), and a rule with a call is left to the
// machine once its comparisons do not decide it.
func TestNativeDecides(t *testing.T) {
	s := testScope(t)
	base := s.Env(Base{Year: 2017, Self: map[string]float64{}})
	env := base.Table("documents")
	row := Row{"doc_no": "利通政发〔2017〕1号", "title": "通知", "issued_on": at("2017-03-01"), "attribute": "主动公开",
		"policy": true, "affects_rights": false, "published_on": at("2017-03-09")}
	env.SetRow(row)
	tests := []struct {
		src     string
		decided bool
		want    any
	}{
		{`attribute != nil && attribute == "主动公开" && policy && affects_rights`, true, false},
		{`attribute in ["依申请公开", "不予公开", "脱密后公开"]`, true, false},
		{`attribute != nil && attribute == "主动公开" && issued_on >= period_start`, true, true},
		{`attribute != nil && attribute == "主动公开" && policy && published_on != nil`, true, true},
		{`published_on != nil && published_on <= as_of`, true, true},
		{`published_on >= issued_on`, true, true},
		{`interpretation != nil && interpretation matches "图解"`, true, false},
		{`published_on != nil && workdays(issued_on, published_on) <= 5`, true, false},
		{`attribute != nil && attribute == "主动公开" && add_workdays(issued_on, 20) >= published_on`, true, true},
		{`reason != nil && trim(reason) != ""`, true, false},
		{`title != nil && trim(title) != ""`, true, true},
		{`title != nil && len(title) > 3`, false, nil}, // len is a fast builtin: the machine's
	}
	for _, tt := range tests {
		p, err := s.Compile(tt.src, "documents")
		if err != nil {
			t.Fatal(err)
		}
		if p.native == nil {
			t.Errorf("%s: no native evaluation", tt.src)
			continue
		}
		env.load(p, false)
		got, ok := p.native(env)
		if ok != tt.decided || ok && got != tt.want {
			t.Errorf("%s: native (%v, %v), want (%v, %v)", tt.src, got, ok, tt.want, tt.decided)
		}
		var m Machine
		if want, err := machineRun(&m, p, env); ok && (err != nil || want != got) {
			t.Errorf("%s: native %v, the machine %v (%v)", tt.src, got, want, err)
		}
	}
}

// FuzzNative: any rule that compiles gives, natively decided, the
// machine's answer on random rows.
func FuzzNative(f *testing.F) {
	for _, e := range nativeExprs {
		f.Add(e.src, uint64(1))
	}
	s := testScope(f)
	f.Fuzz(func(t *testing.T, src string, seed uint64) {
		if len(src) > 300 {
			return
		}
		p, err := s.Compile(src, "documents")
		if err != nil {
			return
		}
		checkNative(t, s, p, src, "documents", rand.New(rand.NewPCG(seed, 7)), 200)
	})
}

// TestNativeFieldCalledDue: a register with a column called due: the row
// sets it, SetDue overwrites it, and the native evaluation sees what the
// machine sees at every step; an environment of another table, or a copy
// with score (a gate), is read right too.
func TestNativeFieldCalledDue(t *testing.T) {
	s := NewScope([]Table{
		{Name: "tasks", Fields: []Field{{"title", Text}, {"due", Time}, {"done_on", Time}}},
		{Name: "other", Fields: []Field{{"due", Time}, {"done_on", Time}}},
	}, nil)
	p, err := s.Compile(`due != nil && done_on != nil && done_on <= due`, "tasks")
	if err != nil {
		t.Fatal(err)
	}
	if p.native == nil {
		t.Fatal("no native evaluation")
	}
	var m Machine
	base := s.Env(Base{Year: 2017})
	env := base.Table("tasks")
	other := base.Table("other")
	steps := []struct {
		row  Row
		due  any
		want bool
	}{
		{Row{"due": at("2017-06-01"), "done_on": at("2017-05-01")}, nil, false}, // SetDue(nil) after the row: due is nil
		{Row{"due": at("2017-06-01"), "done_on": at("2017-05-01")}, at("2017-04-01"), false},
		{Row{"done_on": at("2017-05-01")}, at("2017-05-02"), true},
	}
	for i, st := range steps {
		for _, e := range []*Env{env, other, env.WithScore(nil)} {
			e.SetRow(st.row)
			e.SetDue(st.due)
			want, err := machineRun(&m, p, e)
			if err != nil {
				t.Fatal(err)
			}
			got, err := m.Bool(p, e)
			if err != nil || got != want || e == env && got != st.want {
				t.Errorf("step %d: Bool %v (%v), the machine %v, want %v", i, got, err, want, st.want)
			}
		}
	}
}

// TestLazyRowsMatchFreshEnv: an environment reused over many rows, whose
// fields are copied in only as the rules that read them run (Env.load),
// gives every rule, in any order, after any SetDue, the answer of a fresh
// environment made for the row alone — no value of an earlier row is ever
// seen.
func TestLazyRowsMatchFreshEnv(t *testing.T) {
	s := testScope(t)
	var progs []*Program
	for _, e := range nativeExprs {
		if e.table != "documents" {
			continue
		}
		p, err := s.Compile(e.src, e.table)
		if err != nil {
			t.Fatal(err)
		}
		progs = append(progs, p)
	}
	base := s.Env(Base{Year: 2017, Self: map[string]float64{}})
	reused := base.Table("documents")
	rng := rand.New(rand.NewPCG(3, 4))
	var m Machine
	fields := s.table("documents").Fields
	for range 3000 {
		row := Row{}
		for _, f := range fields {
			if rng.IntN(3) == 0 {
				continue // absent: nil
			}
			vs := nativeValues(f.Kind)
			row[f.Name] = vs[rng.IntN(len(vs))]
		}
		due := []any{nil, at("2017-03-05")}[rng.IntN(2)]
		reused.SetRow(row)
		fresh := base.Table("documents")
		fresh.SetRow(row)
		reused.SetDue(due)
		fresh.SetDue(due)
		for range 4 {
			p := progs[rng.IntN(len(progs))]
			got, gerr := m.Value(p, reused)
			want, werr := m.Value(p, fresh)
			if (gerr != nil) != (werr != nil) || !reflect.DeepEqual(got, want) {
				t.Fatalf("row %v: reused environment %v (%v), fresh %v (%v)", row, got, gerr, want, werr)
			}
		}
		if f := fields[rng.IntN(len(fields))].Name; !reflect.DeepEqual(reused.Value(f), row[f]) {
			t.Fatalf("row %v: Value(%s) = %v", row, f, reused.Value(f))
		}
	}
}
