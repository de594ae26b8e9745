package roster

import (
	"path"
	"strings"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
)

// Failure is a submission that is not scored: it could not be read, it has
// no register rows, it matches no unit on the roster, or it is one of
// several submissions for one unit.
type Failure struct {
	Source string
	Name   string // the unit's name when known (from the roster or the file name)
	Type   string
	Text   msg.Text
}

// Expected is a roster unit without a submission.
type Expected struct {
	Name  string
	Type  string
	Pilot bool
}

// Match is how a submission matched the roster: the roster's unit, By
// "name" or "alias", and where the unit's own description disagreed with the
// roster's.
type Match struct {
	Unit          *Unit
	By            string
	Disagreements []msg.Text
}

// Reconciler decides which of a run's submissions are scored, against the
// roster when there is one. The caller numbers the submissions 0…n-1 and
// tells it about each one as it is read, Unreadable or Match, from any
// goroutine (each index once), naming it by its source: its path with
// forward slashes, as results name it (audit.Unit.Source); Finish then settles what can only be known
// from all of them: two submissions for one unit, roster units without a
// submission. T is what the caller makes of a scored submission (a scored
// unit, an annual report, a sample): the Reconciler keeps no unit's rows.
type Reconciler[T any] struct {
	ro   *Roster
	subs []submission
}

// submission is what the Reconciler keeps of one submission.
type submission struct {
	fail     *Failure // not scored, known when it was read
	accepted bool     // scored, unless Finish finds it matches no roster unit or another submission's
	source   string
	name     string // after the roster's name won
	typ      string
	entry    *Unit
}

// NewReconciler returns a Reconciler for n submissions checked against ro
// (nil: no roster).
func NewReconciler[T any](ro *Roster, n int) *Reconciler[T] {
	return &Reconciler[T]{ro: ro, subs: make([]submission, n)}
}

// Unreadable records that submission i, at source, could not be read and
// why. The failure is named by the roster unit its file name matches, or by
// the file name.
func (r *Reconciler[T]) Unreadable(i int, source string, why msg.Text) {
	name := sourceName(source)
	if r.ro != nil {
		if ru, _ := r.ro.Lookup(name); ru != nil {
			name = ru.Name
		}
	}
	r.subs[i] = submission{fail: &Failure{Source: source, Name: name, Text: why}}
}

// Match decides whether submission i, unit u read from source, is scored
// (ok). A submission whose registers are all missing or empty is not. When
// it matches a roster unit, by its own name or else by its file name, the
// roster's name, type and pilot flag are set on u before it is evaluated,
// and m says how it matched; m is nil without a roster or a match.
func (r *Reconciler[T]) Match(i int, source string, u *audit.Unit) (m *Match, ok bool) {
	if why := hasRegisters(u); why != nil {
		r.subs[i] = submission{fail: &Failure{Source: source, Name: u.Name, Type: u.Type, Text: *why}}
		return nil, false
	}
	if r.ro != nil {
		if ru, how := r.ro.Lookup(u.Name, sourceName(source)); ru != nil {
			m = &Match{Unit: ru, By: how, Disagreements: ru.Disagreements(u.Name, u.Type, u.Pilot)}
			u.Name = ru.Name
			if ru.Type != "" {
				u.Type = ru.Type
			}
			if ru.Pilot != nil {
				u.Pilot = *ru.Pilot
			}
		}
	}
	s := submission{accepted: true, source: source, name: u.Name, typ: u.Type}
	if m != nil {
		s.entry = m.Unit
	}
	r.subs[i] = s
	return m, true
}

// Finish returns, in the order of the submissions, what was made of those
// scored (scored[i] for submission i), the failures, and the roster units
// with no submission. With a roster, a submission matching no roster unit
// is a failure; with or without, two submissions for one unit are both
// failures naming each other's files. A roster unit whose submission failed
// is not missing.
func (r *Reconciler[T]) Finish(scored []T) (units []T, failures []Failure, missing []Expected) {
	for _, s := range r.subs {
		if s.fail != nil {
			failures = append(failures, *s.fail)
		}
	}
	type group struct{ subs []int }
	var order []*group
	byKey := map[string]*group{}
	for i, s := range r.subs {
		if !s.accepted {
			continue
		}
		key := NormalizeName(s.name)
		if r.ro != nil {
			if s.entry == nil {
				failures = append(failures, Failure{Source: s.source, Name: s.name, Type: s.typ,
					Text: msg.New("单位「%s」不在应报送单位名单 %s 中（请核对单位名称，或在名单中为它加上别名）",
						"unit %q is not on the roster %s (check the name, or add it as an alias)", s.name, r.ro.Source)})
				continue
			}
			key = NormalizeName(s.entry.Name)
		}
		g := byKey[key]
		if g == nil {
			g = &group{}
			byKey[key] = g
			order = append(order, g)
		}
		g.subs = append(g.subs, i)
	}
	for _, g := range order {
		if len(g.subs) == 1 {
			units = append(units, scored[g.subs[0]])
			continue
		}
		var files []string
		for _, i := range g.subs {
			files = append(files, r.subs[i].source)
		}
		for _, i := range g.subs {
			s := r.subs[i]
			failures = append(failures, Failure{Source: s.source, Name: s.name, Type: s.typ,
				Text: msg.Both("单位「%s」报送了多份材料：%s；请确认哪一份有效后只保留一份", []any{s.name, msg.List(files).Zh},
					"unit %q handed in more than one submission: %s; keep only the valid one", []any{s.name, msg.List(files).En})})
		}
	}
	if r.ro == nil {
		return units, failures, nil
	}
	for _, ru := range r.ro.Units {
		if byKey[NormalizeName(ru.Name)] != nil || r.failed(ru, failures) {
			continue
		}
		pilot := false
		if ru.Pilot != nil {
			pilot = *ru.Pilot
		}
		missing = append(missing, Expected{Name: ru.Name, Type: ru.Type, Pilot: pilot})
	}
	return units, failures, missing
}

// failed reports whether one of failures is roster unit ru's submission.
func (r *Reconciler[T]) failed(ru *Unit, failures []Failure) bool {
	for _, f := range failures {
		if m, _ := r.ro.Lookup(f.Name, sourceName(f.Source)); m == ru {
			return true
		}
	}
	return false
}

// hasRegisters refuses a submission whose registers are all missing or
// empty: under na: full it would otherwise score as if it had done
// everything right.
func hasRegisters(u *audit.Unit) *msg.Text {
	for name, t := range u.Tables {
		if name != "unit" && len(t.Rows) > 0 {
			return nil
		}
	}
	t := msg.New("报送材料中没有任何台账记录（公文台账、依申请公开台账等均缺失或为空），无法评估；请填写台账后重新报送",
		"the submission has no register rows (every register is missing or empty), so it cannot be assessed")
	return &t
}

// sourceName is the name a submission would have without 单位信息: its file
// or folder name without the extension.
func sourceName(source string) string {
	base := path.Base(source)
	return strings.TrimSuffix(base, path.Ext(base))
}
