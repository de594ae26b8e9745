package rules

import "slices"

// VarScore is `score` in the gates of zwgk.checklist/v2 (the applies of a
// bonus item): score.total, score.<section id>, score.<item id> — a unit's
// computed scores. It is in scope only in gates (CompileGate), never in a
// rule over rows, so no rule can depend on the scores it feeds.
const VarScore = "score"

// CompileGate compiles a unit-level rule that is true or false and may read
// `score` as well as every name a unit-level rule reads.
func (s *Scope) CompileGate(src string) (*Program, error) {
	return s.compileWith(src, "", true, map[string]any{VarScore: map[string]float64{}})
}

// WithScore returns a copy of e in which `score` holds scores.
func (e *Env) WithScore(scores map[string]float64) *Env {
	vars := make(map[string]any, len(e.vars)+1)
	for k, v := range e.vars {
		vars[k] = v
	}
	vars[VarScore] = scores
	// The row and what of it is loaded come along (Env.load).
	return &Env{scope: e.scope, vars: vars, fields: e.fields, row: e.row, gen: e.gen, loaded: slices.Clone(e.loaded),
		mapped: slices.Clone(e.mapped), vals: slices.Clone(e.vals), dueField: e.dueField, dueNil: e.dueNil}
}
