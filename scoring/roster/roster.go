package roster

import (
	"bytes"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
)

// Unit is a unit that must hand in: its name, type, pilot flag and the
// other names it may hand in under; Line is where the roster lists it.
type Unit struct {
	Name    string   `yaml:"name"`
	Type    string   `yaml:"type"`
	Pilot   *bool    `yaml:"pilot"`
	Aliases []string `yaml:"aliases"`
	Line    int      `yaml:"-"`
}

// Roster is the list of units that must hand in.
type Roster struct {
	Source string
	Units  []*Unit
}

// Parse reads the YAML form of a roster; name is used in errors.
func Parse(name string, data []byte) (*Roster, error) {
	if len(data) > 4<<20 {
		return nil, fmt.Errorf("%s: 名单文件过大", name)
	}
	var doc struct {
		Units []yaml.Node `yaml:"units"`
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ro := &Roster{Source: name}
	var errs []string
	for _, n := range doc.Units {
		var u Unit
		if err := n.Decode(&u); err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d:%d: %v", name, n.Line, n.Column, err))
			continue
		}
		u.Line = n.Line
		if err := u.check(); err != nil {
			errs = append(errs, fmt.Sprintf("%s:%d:%d: %v", name, n.Line, n.Column, err))
			continue
		}
		ro.Units = append(ro.Units, &u)
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	if err := ro.checkUnique(); err != nil {
		return nil, err
	}
	return ro, nil
}

func (u *Unit) check() error {
	u.Name = strings.TrimSpace(u.Name)
	if u.Name == "" {
		return fmt.Errorf("名单中的单位缺少名称（name）")
	}
	switch strings.TrimSpace(u.Type) {
	case "", checklists.Township, checklists.Department:
	case "乡", "镇", "街道":
		u.Type = checklists.Township
	default:
		return fmt.Errorf("单位「%s」的类型「%s」应为 乡镇 或 部门", u.Name, u.Type)
	}
	return nil
}

// checkUnique refuses a roster in which two units share a name or alias.
func (ro *Roster) checkUnique() error {
	seen := map[string]*Unit{}
	for _, u := range ro.Units {
		for _, k := range u.keys() {
			if o := seen[k]; o != nil && o != u {
				return fmt.Errorf("%s: 单位「%s」和「%s」的名称或别名重复（「%s」）", ro.Source, o.Name, u.Name, k)
			}
			seen[k] = u
		}
	}
	return nil
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
