package roster

import (
	"path"
	"slices"
	"strings"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
)

// Failure is a submission that is not scored because it cannot be: it could
// not be read, it has no register rows, or it is one of several submissions
// for one unit none of which is the genuine one. (A submission read fine
// whose unit is not on the roster is not a failure: Finish names it in a
// note.)
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
// "name" or "alias" (its own name or file name is the roster's name or an
// alias) or "similar" (neither matched, but it resembles this roster unit
// and no other: see Similarity), and where the unit's own description
// disagreed with the roster's.
type Match struct {
	Unit          *Unit
	By            string
	Disagreements []msg.Text
}

// Reconciler decides which of a run's submissions are scored, against the
// roster when there is one. The caller numbers the submissions 0…n-1 and
// tells it about each one as it is read, Unreadable or Match, from any
// goroutine (each index once), naming it by its source: its path with
// forward slashes, as results name it (audit.Unit.Source); Finish then
// settles what can only be known from all of them: two submissions for one
// unit, pairings by similar names, roster units without a submission. T is
// what the caller makes of a scored submission (a scored unit, an annual
// report, a sample): the Reconciler keeps no unit's rows.
type Reconciler[T any] struct {
	ro   *Roster
	subs []submission
}

// submission is what the Reconciler keeps of one submission.
type submission struct {
	fail     *Failure // not scored, known when it was read
	accepted bool     // scored, unless Finish finds it matches no roster unit or another submission's
	source   string
	own      string // the unit's own name (its file name when unreadable)
	name     string // after the roster's name won
	typ      string
	entry    *Unit   // the roster unit it is taken for
	by       string  // how: "name", "alias" or "similar" (until Finish confirms it)
	cands    []*Unit // the roster units it resembles, when it matched none
	genuine  bool    // its own name and its file name both match entry (without a roster: each other)
}

// NewReconciler returns a Reconciler for n submissions checked against ro
// (nil: no roster).
func NewReconciler[T any](ro *Roster, n int) *Reconciler[T] {
	return &Reconciler[T]{ro: ro, subs: make([]submission, n)}
}

// Unreadable records that submission i, at source, could not be read and
// why. The failure is named by the roster unit its file name matches (or,
// when Finish confirms the pairing, resembles), or by the file name.
func (r *Reconciler[T]) Unreadable(i int, source string, why msg.Text) {
	name := sourceName(source)
	s := submission{fail: &Failure{Source: source, Name: name, Text: why}, source: source, own: name, name: name}
	r.lookup(&s, name)
	if s.entry != nil && s.by != "similar" {
		s.fail.Name = s.entry.Name
	}
	r.subs[i] = s
}

// lookup sets the roster unit s is taken for from names: the first that
// matches a roster name or alias, or else the one roster unit they resemble.
func (r *Reconciler[T]) lookup(s *submission, names ...string) {
	if r.ro == nil {
		return
	}
	if ru, how := r.ro.Lookup(names...); ru != nil {
		s.entry, s.by = ru, how
		return
	}
	s.cands = r.ro.Similar(names...)
	if len(s.cands) == 1 {
		s.entry, s.by = s.cands[0], "similar"
	}
}

// Match decides whether submission i, unit u read from source, is scored
// (ok). A submission whose registers are all missing or empty is not. When
// it matches a roster unit, by its own name or else by its file name, or
// failing both resembles exactly one roster unit, the roster's name, type
// and pilot flag are set on u before it is evaluated, and m says how it
// matched; m is nil without a roster or a match. A submission matched as
// "similar" is kept only if Finish confirms the pairing.
func (r *Reconciler[T]) Match(i int, source string, u *audit.Unit) (m *Match, ok bool) {
	file := sourceName(source)
	s := submission{source: source, own: u.Name, name: u.Name, typ: u.Type}
	r.lookup(&s, u.Name, file)
	if why := hasRegisters(u); why != nil {
		s.fail = &Failure{Source: source, Name: u.Name, Type: u.Type, Text: *why}
		r.subs[i] = s
		return nil, false
	}
	if ru := s.entry; ru != nil {
		byName, _ := r.ro.Lookup(u.Name)
		byFile, _ := r.ro.Lookup(file)
		s.genuine = byName == ru && byFile == ru
		m = &Match{Unit: ru, By: s.by, Disagreements: ru.Disagreements(u.Name, u.Type, u.Pilot)}
		u.Name = ru.Name
		if ru.Type != "" {
			u.Type = ru.Type
		}
		if ru.Pilot != nil {
			u.Pilot = *ru.Pilot
		}
	}
	if r.ro == nil {
		s.genuine = NormalizeName(u.Name) == NormalizeName(file)
	}
	s.accepted, s.name, s.typ = true, u.Name, u.Type
	r.subs[i] = s
	return m, true
}

// Finish returns, in the order of the submissions, what was made of those
// scored (scored[i] for submission i), the failures, the roster units with
// no submission, and notes for the run's warnings (pairings by similar names,
// then submissions not on the roster, then those beside a genuine one).
//
// With a roster, a submission that matched no roster name or alias but
// resembles exactly one roster unit, which no other submission matched or
// resembles, is counted as that unit (scored under its name, or failed
// under it), with a note to add the alias. A submission read fine that
// matches no roster unit is not scored and is named in a note, with the
// roster units it resembles. Of two or more submissions for one roster
// unit, when exactly one is genuine — its own name and its file name both
// match the unit — it is scored and each other one is named in a note
// beside it. Otherwise (and without a roster) two submissions for one unit
// are both failures naming each other's files. A roster unit whose
// submission failed is not missing. No roster unit is counted twice.
func (r *Reconciler[T]) Finish(scored []T) (units []T, failures []Failure, missing []Expected, notes []msg.Text) {
	if r.ro != nil {
		notes = r.pair()
	}
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
				notes = append(notes, r.notOnRoster(s))
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
		if keep, ok := r.genuine(g.subs); ok {
			units = append(units, scored[keep])
			for _, i := range g.subs {
				if i != keep {
					notes = append(notes, r.claimant(r.subs[keep], r.subs[i]))
				}
			}
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
		return units, failures, nil, notes
	}
	taken := map[*Unit]bool{}
	for _, s := range r.subs {
		if s.entry != nil {
			taken[s.entry] = true
		}
	}
	for _, ru := range r.ro.Units {
		if taken[ru] {
			continue
		}
		pilot := false
		if ru.Pilot != nil {
			pilot = *ru.Pilot
		}
		missing = append(missing, Expected{Name: ru.Name, Type: ru.Type, Pilot: pilot})
	}
	return units, failures, missing, notes
}

// pair confirms or undoes each pairing by similar names: it stands when no
// submission matched the roster unit by name or alias and no other
// submission without such a match resembles it. It returns a note for each
// pairing that stands.
func (r *Reconciler[T]) pair() []msg.Text {
	matched := map[*Unit]bool{}
	for _, s := range r.subs {
		if s.entry != nil && s.by != "similar" {
			matched[s.entry] = true
		}
	}
	var notes []msg.Text
	for i := range r.subs {
		s := &r.subs[i]
		if s.by != "similar" {
			continue
		}
		ru := s.entry
		unique := !matched[ru]
		for j, o := range r.subs {
			if j != i && (o.entry == nil || o.by == "similar") && slices.Contains(o.cands, ru) {
				unique = false
			}
		}
		if !unique {
			s.entry, s.by = nil, ""
			continue
		}
		if s.fail != nil {
			s.fail.Name = ru.Name
		}
		notes = append(notes, msg.Both("报送材料 %s 的单位「%s」不在应报送单位名单 %s 中，因名称与名单中的「%s」相近，按「%s」计；如确为同一单位，请在名单中为「%s」加上别名「%s」",
			[]any{s.source, s.own, r.ro.Source, ru.Name, ru.Name, ru.Name, s.own},
			"submission %s: unit %q is not on the roster %s; its name resembles the roster's %q, so it is counted as %q; if they are one unit, add %q to the aliases of %q",
			[]any{s.source, s.own, r.ro.Source, ru.Name, ru.Name, s.own, ru.Name}))
	}
	return notes
}

// notOnRoster is the note on a submission read fine whose unit matches no
// roster unit: it is not scored.
func (r *Reconciler[T]) notOnRoster(s submission) msg.Text {
	if len(s.cands) == 0 {
		return msg.New("报送材料 %s 已读取，但单位「%s」不在应报送单位名单 %s 中，未评分（请核对单位名称，或在名单中为它加上别名）",
			"submission %s was read, but unit %q is not on the roster %s, so it is not scored (check the name, or add it as an alias)",
			s.source, s.own, r.ro.Source)
	}
	var names []string
	for _, c := range s.cands {
		names = append(names, c.Name)
	}
	return msg.Both("报送材料 %s 已读取，但单位「%s」不在应报送单位名单 %s 中，未评分；名单中名称相近的有%s，如是同一单位，请在名单中为它加上别名「%s」",
		[]any{s.source, s.own, r.ro.Source, quoteZh(names), s.own},
		"submission %s was read, but unit %q is not on the roster %s, so it is not scored; its name resembles the roster's %s: if one is the same unit, add %q to its aliases",
		[]any{s.source, s.own, r.ro.Source, msg.List(names).En, s.own})
}

// quoteZh lists names each in 「」, separated by 、.
func quoteZh(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = "「" + n + "」"
	}
	return strings.Join(q, "、")
}

// genuine returns the one submission of subs (all for one roster unit, or
// without a roster all of one name) whose own name and file name both match
// the unit, and false when there is no such submission or more than one.
func (r *Reconciler[T]) genuine(subs []int) (int, bool) {
	keep, n := 0, 0
	for _, i := range subs {
		if r.subs[i].genuine {
			keep, n = i, n+1
		}
	}
	return keep, n == 1
}

// claimant is the note on submission s, not scored because it is for the
// roster unit that the genuine submission g is scored for.
func (r *Reconciler[T]) claimant(g, s submission) msg.Text {
	file := sourceName(s.source)
	if r.ro == nil {
		return msg.New("报送材料 %s 和 %s 都报送单位「%s」：%s 的单位信息名称和文件名都相符，按它评估；%s 的单位信息名称为「%s」、文件名为「%s」，未评分，请核对后重新报送",
			"submissions %s and %s are both for unit %q: %s, whose 单位信息 name and file name both match, is scored; %s (单位信息 name %q, file name %q) is not scored: check it and hand it in again",
			g.source, s.source, g.name, g.source, s.source, s.own, file)
	}
	t := msg.New("报送材料 %s 和 %s 都按名单中的「%s」报送：%s 的单位信息名称和文件名都相符，按它评估；%s 的单位信息名称为「%s」、文件名为「%s」，未评分，请核对后重新报送",
		"submissions %s and %s are both for the roster's %q: %s, whose 单位信息 name and file name both match, is scored; %s (单位信息 name %q, file name %q) is not scored: check it and hand it in again",
		g.source, s.source, g.name, g.source, s.source, s.own, file)
	if other, _ := r.ro.Lookup(file); other != nil && other != g.entry {
		o := msg.New("（其文件名是名单中「%s」的名称）", " (its file name is the roster's %q)", other.Name)
		t = msg.Text{Zh: t.Zh + o.Zh, En: t.En + o.En}
	}
	return t
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
