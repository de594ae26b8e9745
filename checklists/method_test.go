package checklists

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The method table holds what the loader, the audit, the scorer and the
// renderers used to spell out method by method.
func TestMethodTable(t *testing.T) {
	type props struct{ Rule, Per, InBase, OnTop, ZeroPoints, Vetoes bool }
	want := map[Method]props{
		Rate:      {Rule: true, InBase: true},
		Deduct:    {Rule: true, Per: true, InBase: true},
		Self:      {InBase: true},
		Veto:      {Rule: true, ZeroPoints: true, Vetoes: true},
		Bonus:     {Rule: true, Per: true, OnTop: true},
		Evaluator: {InBase: true},
		"new":     {Rule: true, InBase: true}, // unknown: a rule in the base
	}
	for m, w := range want {
		mi := m.Info()
		got := props{mi.Rule, mi.Per, mi.InBase, mi.OnTop, mi.ZeroPoints, mi.Vetoes}
		if diff := cmp.Diff(w, got); diff != "" {
			t.Errorf("%s (-want +got):\n%s", m, diff)
		}
		if mi.InBase && mi.OnTop {
			t.Errorf("%s counts both in the base and on top", m)
		}
		if mi.Method != m || mi.Label.Zh == "" || mi.Label.En == "" {
			t.Errorf("%s: info %+v", m, mi)
		}
	}
	if diff := cmp.Diff([]Method{Rate, Deduct, Self, Veto, Bonus, Evaluator}, Methods()); diff != "" {
		t.Errorf("Methods (-want +got):\n%s", diff)
	}
	if _, ok := LookupMethod("new"); ok {
		t.Errorf("LookupMethod(new) found a method")
	}
}

// The JSON Schema editors validate against lists the same methods as the
// table: a new method is added in both or this fails.
func TestSchemaMethodsFollowTable(t *testing.T) {
	var schema any
	if err := json.Unmarshal([]byte(schemaText), &schema); err != nil {
		t.Fatal(err)
	}
	var enum []Method
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if m, ok := v["method"].(map[string]any); ok {
				if list, ok := m["enum"].([]any); ok {
					for _, x := range list {
						enum = append(enum, Method(x.(string)))
					}
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(schema)
	if diff := cmp.Diff(Methods(), enum); diff != "" {
		t.Errorf("schema.json method enum (-table +schema):\n%s", diff)
	}
}
