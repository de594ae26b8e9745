package rules

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/msg"
)

// TestStringBudget: repeat, toJSON and + refuse a result over MaxString
// before making it — a nested repeat is an error of the rule, not a
// terabyte — and behave as expr's own below it.
func TestStringBudget(t *testing.T) {
	s := testScope(t)
	big := strings.Repeat("标", 1000)
	rows := make([]Row, 2000)
	for i := range rows {
		rows[i] = Row{"title": big}
	}
	for _, tc := range []struct {
		src     string
		wantErr string // "" for true
	}{
		{`repeat("ab", 3) == "ababab"`, ""},
		{`len(repeat(repeat("x", 1000000), 1000000)) > 0`, "repeat: the result is longer than the limit of 1048576 bytes"},
		{`len(repeat("x", len(tables.documents) * 1000)) > 0`, "repeat: the result is longer than the limit of 1048576 bytes"},
		{`repeat("x", -1) == ""`, "repeat: the count cannot be negative: -1"},
		{`toJSON({"a": 1}) == "{\n  \"a\": 1\n}"`, ""},
		{`len(toJSON(tables.documents)) > 0`, "toJSON: the result is longer than the limit of 1048576 bytes"},
		{`title + "!" == "` + big + `!"`, ""},
		{`let a = repeat("x", 600000); len(a + a) > 0`, "string concatenation (+): the result is longer than the limit of 1048576 bytes"},
	} {
		t.Run(tc.src[:min(len(tc.src), 40)], func(t *testing.T) {
			p, err := s.Compile(tc.src, "documents")
			if err != nil {
				t.Fatalf("compile: %v", err)
			}
			env := s.Env(Base{Year: 2017, Self: map[string]float64{}, Rows: map[string][]Row{"documents": rows}}).Table("documents")
			env.SetRow(Row{"title": big})
			var m Machine
			ok, err := m.Bool(p, env)
			got := ""
			if err != nil {
				got = err.Error()
				var l msg.Localized
				if errors.As(err, &l) {
					got = l.In(msg.EN)
				}
			}
			if tc.wantErr == "" {
				if err != nil || !ok {
					t.Errorf("got %v, %v; want true", ok, err)
				}
				return
			}
			if !strings.Contains(got, tc.wantErr) {
				t.Errorf("error %q, want %q", got, tc.wantErr)
			}
		})
	}
}

// TestWork: a rule's cost on a unit is the rows it runs on times the rows
// it walks each time; indexing and len are not walks, and a count the
// compiler turns into count_rows walks nothing.
func TestWork(t *testing.T) {
	s := testScope(t)
	rows := func(table string) int { return map[string]int{"documents": 20000, "requests": 300}[table] }
	for _, tc := range []struct {
		src   string
		walks []string
		work  int64
	}{
		{`title != nil`, nil, 20000},
		{`len(sortBy(tables.documents, .title)) > 0`, []string{"documents"}, MaxWork + 1},
		{`any(tables.requests, .doc_no == doc_no)`, []string{"requests"}, 20000 * 301},
		{`len(filter(tables.requests, .doc_no == doc_no)) > 0`, nil, 20000},
		{`len(tables.documents) > 0 && tables.requests[0].subject != nil`, nil, 20000},
	} {
		p, err := s.Compile(tc.src, "documents")
		if err != nil {
			t.Fatalf("compile %q: %v", tc.src, err)
		}
		if diff := cmp.Diff(tc.walks, p.Walks()); diff != "" {
			t.Errorf("%s: walks (-want +got)\n%s", tc.src, diff)
		}
		if got := p.Work(20000, rows); got != tc.work {
			t.Errorf("%s: work %d, want %d", tc.src, got, tc.work)
		}
	}
}
