package yamlfile

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/zwgk/zwgk/checklists/msg"
)

// File is one YAML file being read: its name, used in positions, and its bytes.
type File struct {
	Name  string
	Data  []byte
	lines [][]rune // split on first use
}

// Pos returns the position of the node n of the file; the file alone when n is nil.
func (f *File) Pos(n *yaml.Node) Pos {
	if n == nil {
		return Pos{File: f.Name}
	}
	return Pos{File: f.Name, Line: n.Line, Col: n.Column}
}

// Line returns line i (counted from 0) of the file as characters, and false
// past the end.
func (f *File) Line(i int) ([]rune, bool) {
	if f.lines == nil {
		for _, s := range strings.Split(string(f.Data), "\n") {
			f.lines = append(f.lines, []rune(s))
		}
	}
	if i < 0 || i >= len(f.lines) {
		return nil, false
	}
	return f.lines[i], true
}

// Limits bound what Decode accepts, against hostile input; a zero field
// takes the default.
type Limits struct {
	// Size is the largest file read, in bytes (default 4 MiB).
	Size int
	// Depth is the deepest nesting of collections (default 64).
	Depth int
	// Aliases is the most alias nodes (*name) a file may hold (default 100).
	Aliases int
	// Expansion is the most nodes aliases may add once expanded (default 10000).
	Expansion int
}

func (l Limits) orDefault() Limits {
	def := func(v, d int) int {
		if v <= 0 {
			return d
		}
		return v
	}
	return Limits{Size: def(l.Size, 4<<20), Depth: def(l.Depth, 64), Aliases: def(l.Aliases, 100), Expansion: def(l.Expansion, 10000)}
}

// Wording is how a format words the generic errors a Reader reports for it.
// Each field is a pair of fmt formats (Chinese, English) given the arguments
// listed; a zero field keeps the default wording.
type Wording struct {
	TooLarge      msg.Text // size, limit (bytes)
	Empty         msg.Text // (none)
	Syntax        msg.Text // yaml.v3's message
	ExtraDocument msg.Text // (none)
	NotMapping    msg.Text // what (zh), what (en), kind found (zh), kind found (en)
	KeyNotText    msg.Text // what (zh), what (en)
	MergeKey      msg.Text // (none)
	UnknownKey    msg.Text // what (zh), what (en), key, the known keys joined by ", "
	DidYouMean    msg.Text // what (zh), what (en), key, the closest known key
	DuplicateKey  msg.Text // key, line of the first
	NoValue       msg.Text // key
	Alias         msg.Text // (none); reported with NoAliases
}

// defaultWording is the wording of the checklist format, where it was first written.
var defaultWording = Wording{
	TooLarge:      msg.Text{Zh: "文件过大（%d 字节，最多 %d 字节）", En: "file too large (%d bytes, at most %d)"},
	Empty:         msg.Text{Zh: "文件为空", En: "file is empty"},
	Syntax:        msg.Text{Zh: "YAML 语法错误：%s", En: "YAML syntax error: %s"},
	ExtraDocument: msg.Text{Zh: "一个文件只能有一个 YAML 文档（第二个 --- 之后的内容）", En: "a file may hold only one YAML document (found another after ---)"},
	NotMapping:    msg.Text{Zh: "%[1]s应为映射（key: value），不是%[3]s", En: "%[2]s should be a mapping (key: value), not %[4]s"},
	KeyNotText:    msg.Text{Zh: "%[1]s的键应为文本", En: "keys of a %[2]s should be text"},
	MergeKey:      msg.Text{Zh: "不支持 YAML 合并键「<<」", En: "YAML merge keys (<<) are not supported"},
	UnknownKey:    msg.Text{Zh: "%[1]s中有未知的键「%[3]s」（可用：%[4]s）", En: "unknown key %[3]q in %[2]s (known: %[4]s)"},
	DidYouMean:    msg.Text{Zh: "%[1]s中有未知的键「%[3]s」，是否想写「%[4]s」？", En: "unknown key %[3]q in %[2]s; did you mean %[4]q?"},
	DuplicateKey:  msg.Text{Zh: "键「%s」重复（第 %d 行已有）", En: "duplicate key %q (already on line %d)"},
	NoValue:       msg.Text{Zh: "键「%s」没有值", En: "key %q has no value"},
	Alias:         msg.Text{Zh: "不允许使用 YAML 别名（*引用）", En: "YAML aliases are not allowed"},
}

// word formats the message chosen from w, or the default when w's is zero.
func word(w, def msg.Text, args ...any) msg.Text {
	if w == (msg.Text{}) {
		w = def
	}
	return msg.New(w.Zh, w.En, args...)
}

// Reader reads YAML files strictly, collecting every mistake in Errs. The
// zero Reader is ready to use.
type Reader struct {
	// Errs holds the errors and warnings reported so far, in the order found.
	Errs ErrorList
	// Wording words the generic errors; its zero value is the default.
	Wording Wording
	// NoAliases rejects alias values (*name) in mappings instead of following them.
	NoAliases bool
	// AllowNull keeps keys without a value (null) in mappings instead of reporting them.
	AllowNull bool
}

// Errorf reports an error at p, formatting zh and en with the same arguments.
func (r *Reader) Errorf(p Pos, zh, en string, args ...any) {
	r.Errs.Add(p, msg.New(zh, en, args...))
}

// Warnf reports a warning at p, formatting zh and en with the same arguments.
func (r *Reader) Warnf(p Pos, zh, en string, args ...any) {
	r.Errs.Warn(p, msg.New(zh, en, args...))
}

// Decode reads the one YAML document of f, refusing oversized, deeply
// nested or alias-bombed input before anything is walked. It returns the
// document's top value (with no key) and true, or false after reporting why
// the file cannot be read. When the file holds a second document (or a
// syntax error after the first), that is reported and the first document's
// value is returned with false, for a format that reads on.
func (r *Reader) Decode(f *File, lim Limits) (Entry, bool) {
	lim = lim.orDefault()
	filePos := Pos{File: f.Name}
	if len(f.Data) > lim.Size {
		r.Errs.Add(filePos, word(r.Wording.TooLarge, defaultWording.TooLarge, len(f.Data), lim.Size))
		return Entry{}, false
	}
	dec := yaml.NewDecoder(bytes.NewReader(f.Data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			r.Errs.Add(filePos, word(r.Wording.Empty, defaultWording.Empty))
		} else {
			r.syntaxError(f, err)
		}
		return Entry{}, false
	}
	single := true
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case errors.Is(err, io.EOF):
	case err != nil:
		r.syntaxError(f, err)
		single = false
	default:
		r.Errs.Add(f.Pos(&extra), word(r.Wording.ExtraDocument, defaultWording.ExtraDocument))
		single = false
	}
	if len(doc.Content) == 0 {
		if single {
			r.Errs.Add(filePos, word(r.Wording.Empty, defaultWording.Empty))
		}
		return Entry{}, false
	}
	root := doc.Content[0]
	// Past a second document only the first is checked, quietly: the
	// file is refused already.
	check := r
	if !single {
		check = &Reader{}
	}
	if !check.withinLimits(f, root, lim) {
		return Entry{}, false
	}
	return Entry{File: f, Value: root}, single
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError reports a yaml.v3 error at the line it names, in Chinese
// words (syntaxTextZh), with a hint when a typing slip of a Chinese
// keyboard is near it (punctuationHint).
func (r *Reader) syntaxError(f *File, err error) {
	p := Pos{File: f.Name}
	text := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		text = m[2]
	}
	w := r.Wording.Syntax
	if w == (msg.Text{}) {
		w = defaultWording.Syntax
	}
	t := msg.Both(w.Zh, []any{syntaxTextZh(text)}, w.En, []any{text})
	if line, col, hint, ok := punctuationHint(f, p.Line); ok {
		p.Line, p.Col = line, col
		t.Zh += hint.Zh
		t.En += hint.En
	}
	r.Errs.Add(p, t)
}

// fullWidthColon looks at line and the line before it for a key followed
// by a full-width colon — a plain word before「：」with no ':' or quote
// before it — and returns where the colon is.
func fullWidthColon(f *File, line int) (int, int, bool) {
	for _, l := range []int{line, line - 1} {
		runes, ok := f.Line(l - 1)
		if l <= 0 || !ok {
			continue
		}
		s := string(runes)
		rest := strings.TrimLeft(s, " \t")
		rest = strings.TrimLeft(strings.TrimPrefix(rest, "- "), " \t")
		key, _, found := strings.Cut(rest, "：")
		if !found || strings.TrimSpace(key) == "" || strings.ContainsAny(key, ":\"'#{}[],&*!|>%@`") {
			continue
		}
		col := utf8.RuneCountInString(s[:len(s)-len(rest)+len(key)]) + 1
		return l, col, true
	}
	return 0, 0, false
}

// withinLimits checks nesting depth and alias use without expanding aliases.
func (r *Reader) withinLimits(f *File, root *yaml.Node, lim Limits) bool {
	var aliases []*yaml.Node
	var deep *yaml.Node
	var walk func(n *yaml.Node, depth int)
	walk = func(n *yaml.Node, depth int) {
		if deep != nil {
			return
		}
		if depth > lim.Depth {
			deep = n
			return
		}
		if n.Kind == yaml.AliasNode {
			aliases = append(aliases, n)
			return
		}
		for _, c := range n.Content {
			walk(c, depth+1)
		}
	}
	walk(root, 1)
	if deep != nil {
		r.Errorf(f.Pos(deep), "嵌套过深：超过 %d 层", "nesting too deep: more than %d levels", lim.Depth)
		return false
	}
	if len(aliases) > lim.Aliases {
		r.Errorf(f.Pos(aliases[lim.Aliases]), "YAML 别名（*引用）过多：%d 个，最多 %d 个", "too many YAML aliases (*references): %d, at most %d", len(aliases), lim.Aliases)
		return false
	}
	if len(aliases) == 0 {
		return true
	}
	// Expanded size and height of every node, aliases followed, each node once.
	type measure struct{ size, height int }
	memo := map[*yaml.Node]measure{}
	busy := map[*yaml.Node]bool{}
	var cycle *yaml.Node
	var measureOf func(n *yaml.Node) measure
	measureOf = func(n *yaml.Node) measure {
		if m, ok := memo[n]; ok {
			return m
		}
		if busy[n] {
			return measure{}
		}
		busy[n] = true
		m := measure{size: 1, height: 1}
		if n.Kind == yaml.AliasNode {
			if n.Alias == nil {
				m = measure{}
			} else if busy[n.Alias] {
				if cycle == nil {
					cycle = n
				}
			} else {
				m = measureOf(n.Alias)
			}
		}
		for _, c := range n.Content {
			cm := measureOf(c)
			m.size = min(m.size+cm.size, 1<<40)
			m.height = max(m.height, cm.height+1)
		}
		busy[n] = false
		memo[n] = m
		return m
	}
	total := measureOf(root)
	raw := 0
	var count func(n *yaml.Node)
	count = func(n *yaml.Node) {
		raw++
		for _, c := range n.Content {
			count(c)
		}
	}
	count(root)
	switch {
	case cycle != nil:
		r.Errorf(f.Pos(cycle), "YAML 别名引用了包含它自身的节点", "a YAML alias refers to a node that contains it")
	case total.height > lim.Depth:
		r.Errorf(f.Pos(aliases[0]), "别名展开后嵌套过深：超过 %d 层", "nesting too deep once aliases are expanded: more than %d levels", lim.Depth)
	case total.size-raw > lim.Expansion:
		r.Errorf(f.Pos(aliases[0]), "YAML 别名展开后过大（增加 %d 个节点，最多 %d 个）", "YAML aliases expand too much (%d more nodes, at most %d)", total.size-raw, lim.Expansion)
	default:
		return true
	}
	return false
}
