package roster

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
)

// Split divides a district table's rows (the website's catalogue, a
// monitoring list) among the audited units by the field that names each
// row's unit (its owner), matched as submissions are matched to the
// roster: the roster's names and aliases first, then names that are one
// name written two ways (Similarity 1: 利通区发改局 = 利通区发展和改革局).
// Without a roster, owners are matched with the units' own names the same
// way. Units take their rows (Rows) from any goroutine; Unclaimed then lists
// the rows no unit took.
type Split struct {
	table  *audit.Table
	sheet  string // the table's canonical sheet name, for messages
	owner  string
	ro     *Roster
	byKey  map[string][]*audit.Row // roster name (with a roster) or similarity key → rows
	rowKey map[*audit.Row]string   // "" for a row without an owner, or naming no roster unit

	mu      sync.Mutex
	claimed map[string]bool
}

// NewSplit divides the rows of t by their owner field against ro (nil: no
// roster); sheet names the table in messages (网站公开目录).
func NewSplit(ro *Roster, t *audit.Table, owner, sheet string) *Split {
	s := &Split{table: t, sheet: sheet, owner: owner, ro: ro, byKey: map[string][]*audit.Row{}, rowKey: map[*audit.Row]string{}, claimed: map[string]bool{}}
	for _, r := range t.Rows {
		name, _ := r.Values[owner].(string)
		k := s.key(ro, name)
		s.rowKey[r] = k
		if k != "" {
			s.byKey[k] = append(s.byKey[k], r)
		}
	}
	return s
}

// key is where a row naming name is filed: the roster unit's name, or
// without a roster the name's similarity key; "" for no unit.
func (s *Split) key(ro *Roster, name string) string {
	if strings.TrimSpace(name) == "" {
		return ""
	}
	if ro == nil {
		return similarityKey(name)
	}
	if u, _ := ro.Lookup(name); u != nil {
		return "=" + u.Name
	}
	var found *Unit
	for _, u := range ro.Units {
		for _, n := range append([]string{u.Name}, u.Aliases...) {
			if Similarity(n, name) == 1 {
				if found != nil && found != u {
					return "" // two units: say so rather than guess
				}
				found = u
			}
		}
	}
	if found == nil {
		return ""
	}
	return "=" + found.Name
}

// Rows returns unit's part of the table: a table with the file, sheet and
// columns of the whole and the rows whose owner is the unit (none is an
// empty table, not nil: the district's evidence says the unit has no rows).
// name is the unit's name after the roster's name won; withRoster says
// whether there is a roster.
func (s *Split) Rows(name string, withRoster bool) *audit.Table {
	k := similarityKey(name)
	if withRoster {
		k = "=" + name
	}
	s.mu.Lock()
	s.claimed[k] = true
	s.mu.Unlock()
	t := *s.table
	t.Rows = slices.Clone(s.byKey[k])
	return &t
}

// Unclaimed returns, once every unit has taken its rows, one warning per
// owner name that no audited unit took: the file, the name and its rows.
func (s *Split) Unclaimed() []msg.Text {
	s.mu.Lock()
	defer s.mu.Unlock()
	type group struct {
		name  string
		known bool // the name is a unit's, but that unit was not audited
		lines []int
	}
	var groups []*group
	byName := map[string]*group{}
	add := func(r *audit.Row) {
		name, _ := r.Values[s.owner].(string)
		g := byName[name]
		if g == nil {
			g = &group{name: name, known: s.ro != nil && s.rowKey[r] != ""}
			byName[name] = g
			groups = append(groups, g)
		}
		g.lines = append(g.lines, r.Line) // rows come in order
	}
	for _, r := range s.table.Rows {
		if k := s.rowKey[r]; k == "" || !s.claimed[k] {
			add(r)
		}
	}
	var out []msg.Text
	where := s.table.File
	if base := path.Base(strings.ReplaceAll(where, "\\", "/")); s.table.Sheet != "" && s.table.Sheet != strings.TrimSuffix(base, path.Ext(base)) {
		where += " " + s.table.Sheet // a workbook's sheet; a CSV file's "sheet" is its name
	}
	for _, g := range groups {
		lines := make([]string, len(g.lines))
		for i, l := range g.lines {
			lines[i] = fmt.Sprint(l)
		}
		zhLines, enLines := strings.Join(lines, "、"), strings.Join(lines, ", ")
		if g.name == "" {
			out = append(out, msg.Both("%s：%s第 %s 行没有写明单位，未计入任何单位", []any{s.sheet, where, zhLines},
				"%s: %s rows %s name no unit and were not counted for any unit", []any{s.sheet, where, enLines}))
			continue
		}
		if g.known {
			out = append(out, msg.Both("%s：%s第 %s 行的单位「%s」没有参加本次审核（未报送或未评分），未计入任何单位", []any{s.sheet, where, zhLines, g.name},
				"%s: %s rows %s name %q, which was not audited (nothing handed in, or not scored), and were not counted for any unit", []any{s.sheet, where, enLines, g.name}))
			continue
		}
		out = append(out, msg.Both("%s：%s第 %s 行的单位「%s」不是参评单位（名称和别名都对不上），未计入任何单位", []any{s.sheet, where, zhLines, g.name},
			"%s: %s rows %s name %q, which is no audited unit (by name or alias), and were not counted for any unit", []any{s.sheet, where, enLines, g.name}))
	}
	return out
}
