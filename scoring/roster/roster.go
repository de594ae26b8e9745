package roster

import (
	"strings"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/yamlfile"
)

// Unit is a unit that must hand in: its name, type, pilot flag and the
// other names it may hand in under; Line is where the roster lists it.
type Unit struct {
	Name    string
	Type    string
	Pilot   *bool
	Aliases []string
	Line    int
}

// Roster is the list of units that must hand in.
type Roster struct {
	Source string
	Units  []*Unit
}

// The words of the roster's YAML form in messages.
var (
	rosterWhat = msg.Text{Zh: "名单", En: "the roster"}
	unitWhat   = msg.Text{Zh: "名单中的单位", En: "a roster unit"}
)

// Parse reads the YAML form of a roster; name is used in errors, which are
// positioned (FILE:LINE:COL) and in both languages.
func Parse(name string, data []byte) (*Roster, error) {
	var r yamlfile.Reader
	f := &yamlfile.File{Name: name, Data: data}
	root, ok := r.Decode(f, yamlfile.Limits{Size: 4 << 20})
	if !ok {
		return nil, r.Errs.Err()
	}
	ro := &Roster{Source: name}
	m, ok := r.Mapping(root, rosterWhat, []string{"units"})
	if !ok {
		return nil, r.Errs.Err()
	}
	r.Require(m, rosterWhat, "units")
	if e, ok := m.Get("units"); ok {
		for _, um := range r.Items(e, unitWhat, []string{"name", "type", "pilot", "aliases"}) {
			if u, ok := readUnit(&r, um); ok {
				ro.Units = append(ro.Units, u)
			}
		}
	}
	r.Errs.Sort()
	if r.Errs.HasErrors() {
		return nil, r.Errs.Err()
	}
	if a, b, key := ro.Duplicate(); a != nil {
		r.Errorf(yamlfile.Pos{File: name, Line: b.Line}, "单位「%s」和「%s」的名称或别名重复（「%s」）",
			"units %q and %q share a name or alias (%q)", a.Name, b.Name, key)
		return nil, r.Errs.Err()
	}
	return ro, nil
}

// readUnit reads one unit of the roster's YAML form.
func readUnit(r *yamlfile.Reader, m *yamlfile.Mapping) (*Unit, bool) {
	u := &Unit{Line: m.Node.Line}
	ok := true
	if e, has := m.Get("name"); has {
		s, good := r.Scalar(e)
		u.Name = strings.TrimSpace(s)
		if good && u.Name == "" {
			r.Errorf(e.Pos(), "名单中的单位缺少名称（name）", "a roster unit has no name")
			good = false
		}
		ok = ok && good
	} else {
		r.Errorf(m.Pos(), "名单中的单位缺少名称（name）", "a roster unit has no name")
		ok = false
	}
	if e, has := m.Get("type"); has {
		s, good := r.Scalar(e)
		if t, known := Type(s); good && !known {
			r.Errorf(e.Pos(), "单位「%s」的类型「%s」应为 乡镇 或 部门", "unit %q: type %q should be 乡镇 (township) or 部门 (department)", u.Name, s)
			good = false
		} else {
			u.Type = t
		}
		ok = ok && good
	}
	if e, has := m.Get("pilot"); has {
		b, good := r.Boolean(e)
		u.Pilot = &b
		ok = ok && good
	}
	if e, has := m.Get("aliases"); has {
		aliases, _, good := r.Texts(e)
		u.Aliases = aliases
		ok = ok && good
	}
	return u, ok
}

// Type returns the unit type s means (乡镇, 部门, or "" when not given) and
// false when s is none of them; 乡, 镇 and 街道 are townships.
func Type(s string) (string, bool) {
	switch s = strings.TrimSpace(s); s {
	case "", checklists.Township, checklists.Department:
		return s, true
	case "乡", "镇", "街道":
		return checklists.Township, true
	}
	return s, false
}

// Duplicate returns two units that share a name or alias and the folded
// name they share, or nil.
func (ro *Roster) Duplicate() (a, b *Unit, key string) {
	seen := map[string]*Unit{}
	for _, u := range ro.Units {
		for _, k := range u.keys() {
			if o := seen[k]; o != nil && o != u {
				return o, u, k
			}
			seen[k] = u
		}
	}
	return nil, nil, ""
}

// NormalizeName folds a unit name for matching: width and spaces folded,
// the district's prefix (吴忠市, 利通区) and a township's 人民政府 suffix dropped.
func NormalizeName(s string) string {
	s = checklists.Fold(s)
	for _, p := range []string{"宁夏回族自治区", "吴忠市", "利通区"} {
		s = strings.TrimPrefix(s, p)
	}
	if t, ok := strings.CutSuffix(s, "人民政府"); ok && (strings.HasSuffix(t, "镇") || strings.HasSuffix(t, "乡")) {
		s = t
	}
	return s
}

func (u *Unit) keys() []string {
	keys := []string{NormalizeName(u.Name)}
	for _, a := range u.Aliases {
		if k := NormalizeName(a); k != "" {
			keys = append(keys, k)
		}
	}
	return keys
}

// Lookup returns the roster unit a name (or, failing that, a file name)
// matches, and how it matched.
func (ro *Roster) Lookup(names ...string) (*Unit, string) {
	for _, n := range names {
		k := NormalizeName(n)
		if k == "" {
			continue
		}
		for _, u := range ro.Units {
			for i, uk := range u.keys() {
				if uk == k {
					if i == 0 {
						return u, "name"
					}
					return u, "alias"
				}
			}
		}
	}
	return nil, ""
}

// Disagreements lists where a unit's own description differs from the roster.
func (u *Unit) Disagreements(name, typ string, pilot bool) []msg.Text {
	var out []msg.Text
	if name != u.Name {
		out = append(out, msg.New("单位自报名称「%s」，名单名称「%s」", "unit calls itself %q, roster says %q", name, u.Name))
	}
	if u.Type != "" && typ != "" && typ != u.Type {
		out = append(out, msg.New("单位自报类型「%s」，以名单「%s」为准", "unit says type %q, roster's %q is used", typ, u.Type))
	}
	if u.Pilot != nil && *u.Pilot != pilot {
		out = append(out, msg.Both("单位自报试点部门「%s」，以名单「%s」为准", []any{yn(pilot), yn(*u.Pilot)},
			"unit says pilot %q, roster's %q is used", []any{yesNo(pilot), yesNo(*u.Pilot)}))
	}
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func yn(b bool) string {
	if b {
		return "是"
	}
	return "否"
}
