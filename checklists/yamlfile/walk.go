package yamlfile

import (
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/zwgk/zwgk/checklists/msg"
)

// Entry is a value of a file with the key it is found under: a mapping's
// key: value pair, an element of a list (under the list's key), or a
// document's top value (no key).
type Entry struct {
	File  *File
	Key   *yaml.Node // nil for a document's top value
	Value *yaml.Node
}

// Pos returns the position of the value.
func (e Entry) Pos() Pos { return e.File.Pos(e.Value) }

// KeyPos returns the position of the key.
func (e Entry) KeyPos() Pos { return e.File.Pos(e.Key) }

// Name returns the key, as messages name the value; "" without a key.
func (e Entry) Name() string {
	if e.Key == nil {
		return ""
	}
	return e.Key.Value
}

// Mapping is a mapping read by [Reader.Mapping]: its entries by key, in file order.
type Mapping struct {
	File *File
	Node *yaml.Node
	// Keys lists the keys read, in file order.
	Keys  []string
	byKey map[string]Entry
	// typos are the known keys suggested for unknown ones: not reported
	// again as missing.
	typos map[string]bool
}

// Get returns the entry of key.
func (m *Mapping) Get(key string) (Entry, bool) {
	e, ok := m.byKey[key]
	return e, ok
}

// Has reports whether the mapping holds key.
func (m *Mapping) Has(key string) bool {
	_, ok := m.byKey[key]
	return ok
}

// Typo reports whether key was suggested for an unknown key of the mapping:
// it is then missing only because it was misspelt, which is reported already.
func (m *Mapping) Typo(key string) bool { return m.typos[key] }

// Pos returns the position of the mapping.
func (m *Mapping) Pos() Pos { return m.File.Pos(m.Node) }

// Overlay returns m's entries overridden by those of top (keys in the order
// of m, then top's new keys), leaving out the keys in drop.
func (m *Mapping) Overlay(top *Mapping, drop ...string) *Mapping {
	out := &Mapping{File: top.File, Node: top.Node, byKey: map[string]Entry{}, typos: map[string]bool{}}
	for k := range m.typos {
		out.typos[k] = true
	}
	for k := range top.typos {
		out.typos[k] = true
	}
	add := func(k string, e Entry) {
		if slices.Contains(drop, k) {
			return
		}
		if _, ok := out.byKey[k]; !ok {
			out.Keys = append(out.Keys, k)
		}
		out.byKey[k] = e
	}
	for _, k := range m.Keys {
		add(k, m.byKey[k])
	}
	for _, k := range top.Keys {
		add(k, top.byKey[k])
	}
	return out
}

// deref follows an alias to the node it names.
func deref(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 8; i++ {
		n = n.Alias
	}
	return n
}

// kindText names what a node is, for "should be a … not a …" messages.
func kindText(n *yaml.Node) msg.Text {
	if n == nil {
		return msg.Text{Zh: "空值", En: "null"}
	}
	switch n.Kind {
	case yaml.MappingNode:
		return msg.Text{Zh: "映射", En: "a mapping"}
	case yaml.SequenceNode:
		return msg.Text{Zh: "列表", En: "a list"}
	}
	switch n.Tag {
	case "!!null":
		return msg.Text{Zh: "空值", En: "null"}
	case "!!int", "!!float":
		return msg.Text{Zh: "数字", En: "a number"}
	case "!!bool":
		return msg.Text{Zh: "布尔值", En: "a boolean"}
	}
	return msg.Text{Zh: "文本", En: "text"}
}

// Mapping reads the value of e as a mapping; what names it in messages and
// known lists the keys allowed (nil: any). Unknown keys (with the closest
// known one), duplicate keys, merge keys (<<) and keys without a value are
// reported and left out; false when the value is not a mapping.
func (r *Reader) Mapping(e Entry, what msg.Text, known []string) (*Mapping, bool) {
	f, n := e.File, e.Value
	if !r.NoAliases {
		n = deref(n)
	}
	if n == nil || n.Kind != yaml.MappingNode {
		k := kindText(n)
		r.Errs.Add(f.Pos(n), word(r.Wording.NotMapping, defaultWording.NotMapping, what.Zh, what.En, k.Zh, k.En))
		return nil, false
	}
	m := &Mapping{File: f, Node: n, byKey: map[string]Entry{}}
	aliased := map[string]*yaml.Node{} // with NoAliases: keys whose value is an alias, left out
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !r.NoAliases {
			k, v = deref(k), deref(v)
		}
		if k == nil || k.Kind != yaml.ScalarNode {
			r.Errs.Add(f.Pos(n.Content[i]), word(r.Wording.KeyNotText, defaultWording.KeyNotText, what.Zh, what.En))
			continue
		}
		key := k.Value
		if k.Tag == "!!merge" {
			r.Errs.Add(f.Pos(k), word(r.Wording.MergeKey, defaultWording.MergeKey))
			continue
		}
		if known != nil && !slices.Contains(known, key) {
			if s := msg.Closest(key, known); s != "" {
				if m.typos == nil {
					m.typos = map[string]bool{}
				}
				m.typos[s] = true
				r.Errs.Add(f.Pos(k), word(r.Wording.DidYouMean, defaultWording.DidYouMean, what.Zh, what.En, key, s))
			} else {
				r.Errs.Add(f.Pos(k), word(r.Wording.UnknownKey, defaultWording.UnknownKey, what.Zh, what.En, key, strings.Join(known, ", ")))
			}
			continue
		}
		prev, dup := m.byKey[key]
		if ak, ok := aliased[key]; ok && !dup {
			prev, dup = Entry{Key: ak}, true
		}
		if dup {
			r.Errs.Add(f.Pos(k), word(r.Wording.DuplicateKey, defaultWording.DuplicateKey, key, prev.Key.Line))
			continue
		}
		if r.NoAliases && v.Kind == yaml.AliasNode {
			aliased[key] = k
			r.Errs.Add(f.Pos(v), word(r.Wording.Alias, defaultWording.Alias))
			continue
		}
		if v == nil || (!r.AllowNull && v.Kind == yaml.ScalarNode && v.Tag == "!!null") {
			r.Errs.Add(f.Pos(k), word(r.Wording.NoValue, defaultWording.NoValue, key))
			continue
		}
		m.Keys = append(m.Keys, key)
		m.byKey[key] = Entry{File: f, Key: k, Value: v}
	}
	return m, true
}

// Require reports, in one error at the mapping, the keys of m that are
// missing (a misspelt key, reported already, is not missing).
func (r *Reader) Require(m *Mapping, what msg.Text, keys ...string) {
	var zh, en []string
	for _, k := range keys {
		if !m.Has(k) && !m.typos[k] {
			zh = append(zh, "「"+k+"」")
			en = append(en, strconv.Quote(k))
		}
	}
	if len(zh) > 0 {
		r.Errorf(m.Pos(), "%[1]s缺少%[3]s", "%[2]s lacks %[4]s", what.Zh, what.En, strings.Join(zh, ""), strings.Join(en, ", "))
	}
}

// Items reads the value of e as a list of mappings with the keys known (see
// Mapping); what names one element in messages. Elements that are not
// mappings are reported and left out.
func (r *Reader) Items(e Entry, what msg.Text, known []string) []*Mapping {
	elems, _ := r.Sequence(e)
	var out []*Mapping
	for _, el := range elems {
		if m, ok := r.Mapping(el, what, known); ok {
			out = append(out, m)
		}
	}
	return out
}

// Unknown reports at e the value got that is not one of known, naming the
// closest known one when it is likely a typo; what names the kind of value.
func (r *Reader) Unknown(e Entry, got string, what msg.Text, known []string) {
	if s := msg.Closest(got, known); s != "" {
		r.Errorf(e.Pos(), "未知的%[1]s「%[3]s」，是否想写「%[4]s」？", "unknown %[2]s %[3]q; did you mean %[4]q?", what.Zh, what.En, got, s)
		return
	}
	r.Errorf(e.Pos(), "未知的%[1]s「%[3]s」（可用：%[4]s）", "unknown %[2]s %[3]q (known: %[4]s)", what.Zh, what.En, got, strings.Join(known, ", "))
}
