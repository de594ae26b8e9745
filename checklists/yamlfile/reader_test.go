package yamlfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwgk/zwgk/checklists/msg"
)

// messages returns the errors of r, each as FILE:LINE:COL: zh | en.
func messages(r *Reader) []string {
	var out []string
	for _, e := range r.Errs {
		out = append(out, e.Pos.String()+": "+e.Text.Zh+" | "+e.Text.En)
	}
	return out
}

func TestDecode(t *testing.T) {
	deep := strings.Repeat("[", 70) + strings.Repeat("]", 70)
	var aliases strings.Builder
	aliases.WriteString("a: &x 1\nb: [")
	for range 101 {
		aliases.WriteString("*x, ")
	}
	aliases.WriteString("]\n")
	tests := []struct {
		name string
		src  string
		lim  Limits
		ok   bool
		want []string
	}{
		{"ok", "a: 1\n", Limits{}, true, nil},
		{"empty", "", Limits{}, false, []string{"f.yaml: 文件为空 | file is empty"}},
		{"comment only", "# x\n", Limits{}, false, []string{"f.yaml: 文件为空 | file is empty"}},
		{"too large", "a: 1\n", Limits{Size: 3}, false, []string{"f.yaml: 文件过大（5 字节，最多 3 字节） | file too large (5 bytes, at most 3)"}},
		{"syntax", "a: [\n", Limits{}, false, []string{"f.yaml:1: YAML 语法错误：缺少应有的内容 | YAML syntax error: did not find expected node content"}},
		{"full-width colon", "a: 1\nb： 2\n", Limits{}, false, []string{
			"f.yaml:2:2: YAML 语法错误：找不到应有的半角冒号「:」（第2行可能用了全角冒号「：」，应为半角「:」） | YAML syntax error: could not find expected ':' (line 2 may have a full-width colon \"：\" where a half-width ':' belongs)"}},
		{"full-width colon in a list", "items:\n  - id: x\n    标题： y\n    points: 3\n", Limits{}, false, []string{
			"f.yaml:3:7: YAML 语法错误：找不到应有的半角冒号「:」（第3行可能用了全角冒号「：」，应为半角「:」） | YAML syntax error: could not find expected ':' (line 3 may have a full-width colon \"：\" where a half-width ':' belongs)"}},
		{"tab indentation", "a:\n\tb: 1\n", Limits{}, false, []string{
			"f.yaml:2:1: YAML 语法错误：出现了不能开始一个值的字符（第2行用了 Tab 键缩进；YAML 只能用空格缩进） | YAML syntax error: found character that cannot start any token (line 2 is indented with a tab; YAML indents with spaces only)"}},
		{"full-width comma in a list", "a: [甲，乙]\nb: [1, 2\n", Limits{}, false, []string{
			"f.yaml:1:6: YAML 语法错误：方括号列表 [ ] 没有闭合，或项目之间用了全角逗号「，」（第1行的方括号列表用了全角逗号「，」分隔，应为半角「,」） | YAML syntax error: did not find expected ',' or ']' (line 1 separates a [ ] list with a full-width comma \"，\"; use ',')"}},
		{"full-width colon in a value", "a: 甲：乙\nb: [\n", Limits{}, false, []string{"f.yaml:2: YAML 语法错误：缺少应有的内容 | YAML syntax error: did not find expected node content"}},
		{"two documents", "a: 1\n---\nb: 2\n", Limits{}, false, []string{"f.yaml:2:1: 一个文件只能有一个 YAML 文档（第二个 --- 之后的内容） | a file may hold only one YAML document (found another after ---)"}},
		{"too deep", deep, Limits{}, false, []string{"f.yaml:1:65: 嵌套过深：超过 64 层 | nesting too deep: more than 64 levels"}},
		{"depth limit", "a: [[1]]\n", Limits{Depth: 2}, false, []string{"f.yaml:1:5: 嵌套过深：超过 2 层 | nesting too deep: more than 2 levels"}},
		{"too many aliases", aliases.String(), Limits{}, false, []string{"f.yaml:2:405: YAML 别名（*引用）过多：101 个，最多 100 个 | too many YAML aliases (*references): 101, at most 100"}},
		{"alias bomb", "a: &a [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
			Limits{}, false, []string{"f.yaml:2:8: YAML 别名展开后过大（增加 13410 个节点，最多 10000 个） | YAML aliases expand too much (13410 more nodes, at most 10000)"}},
		{"aliases within limits", "a: &a [1]\nb: [*a, *a]\n", Limits{}, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Reader
			root, ok := r.Decode(&File{Name: "f.yaml", Data: []byte(tt.src)}, tt.lim)
			if ok != tt.ok || (ok && root.Value == nil) {
				t.Errorf("ok = %v (root %v), want %v", ok, root.Value, tt.ok)
			}
			if diff := cmp.Diff(tt.want, messages(&r)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDecodeWording checks that a format words the errors its own way and
// that a second document leaves the first readable.
func TestDecodeWording(t *testing.T) {
	r := Reader{Wording: Wording{ExtraDocument: msg.Text{Zh: "多个文档", En: "more than one document"}}}
	root, ok := r.Decode(&File{Name: "f.yaml", Data: []byte("a: 1\n---\nb: 2\n")}, Limits{})
	if ok || root.Value == nil || root.Value.Kind == 0 {
		t.Fatalf("ok = %v, root = %v; want false and the first document", ok, root.Value)
	}
	if diff := cmp.Diff([]string{"f.yaml:2:1: 多个文档 | more than one document"}, messages(&r)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestMapping(t *testing.T) {
	known := []string{"name", "points", "method"}
	tests := []struct {
		name  string
		src   string
		known []string
		keys  []string
		want  []string
	}{
		{"ok", "name: a\npoints: 1\n", known, []string{"name", "points"}, nil},
		{"unknown key with suggestion", "name: a\npionts: 1\n", known, []string{"name"}, []string{
			"f.yaml:2:1: 指标中有未知的键「pionts」，是否想写「points」？ | unknown key \"pionts\" in item; did you mean \"points\"?"}},
		{"unknown key", "colour: red\n", known, nil, []string{
			"f.yaml:1:1: 指标中有未知的键「colour」（可用：name, points, method） | unknown key \"colour\" in item (known: name, points, method)"}},
		{"any key", "colour: red\n", nil, []string{"colour"}, nil},
		{"duplicate", "name: a\nname: b\n", known, []string{"name"}, []string{
			"f.yaml:2:1: 键「name」重复（第 1 行已有） | duplicate key \"name\" (already on line 1)"}},
		{"no value", "name:\n", known, nil, []string{"f.yaml:1:1: 键「name」没有值 | key \"name\" has no value"}},
		{"merge key", "a: &a {name: x}\nb:\n  <<: *a\n", nil, []string{"a", "b"}, nil},
		{"key not text", "[a]: 1\n", nil, nil, []string{"f.yaml:1:1: 指标的键应为文本 | keys of a item should be text"}},
		{"not a mapping", "- a\n", known, nil, []string{"f.yaml:1:1: 指标应为映射（key: value），不是列表 | item should be a mapping (key: value), not a list"}},
		{"alias followed", "name: &n a\npoints: 1\nmethod: *n\n", known, []string{"name", "points", "method"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r Reader
			root, ok := r.Decode(&File{Name: "f.yaml", Data: []byte(tt.src)}, Limits{})
			if !ok {
				t.Fatalf("decode: %v", r.Errs)
			}
			m, ok := r.Mapping(root, msg.Text{Zh: "指标", En: "item"}, tt.known)
			var keys []string
			if ok {
				keys = m.Keys
			}
			if diff := cmp.Diff(tt.keys, keys); diff != "" {
				t.Errorf("keys (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.want, messages(&r)); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestMappingMergeKey(t *testing.T) {
	var r Reader
	root, _ := r.Decode(&File{Name: "f.yaml", Data: []byte("a: &a {x: 1}\nb:\n  <<: *a\n")}, Limits{})
	m, _ := r.Mapping(root, msg.Text{Zh: "文件", En: "file"}, nil)
	b, _ := m.Get("b")
	r.Mapping(b, msg.Text{Zh: "b", En: "b"}, nil)
	want := []string{"f.yaml:3:3: 不支持 YAML 合并键「<<」 | YAML merge keys (<<) are not supported"}
	if diff := cmp.Diff(want, messages(&r)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

// TestMappingStrict covers NoAliases and AllowNull, and the typo that is
// not reported again as missing.
func TestMappingStrict(t *testing.T) {
	r := Reader{NoAliases: true, AllowNull: true}
	root, _ := r.Decode(&File{Name: "f.yaml", Data: []byte("a: &x 1\nb: *x\nb: 2\nc:\nnmae: z\n")}, Limits{})
	m, _ := r.Mapping(root, msg.Text{Zh: "文件", En: "file"}, []string{"a", "b", "c", "name"})
	if diff := cmp.Diff([]string{"a", "c"}, m.Keys); diff != "" {
		t.Errorf("keys (-want +got):\n%s", diff)
	}
	want := []string{
		"f.yaml:2:4: 不允许使用 YAML 别名（*引用） | YAML aliases are not allowed",
		"f.yaml:3:1: 键「b」重复（第 2 行已有） | duplicate key \"b\" (already on line 2)",
		"f.yaml:5:1: 文件中有未知的键「nmae」，是否想写「name」？ | unknown key \"nmae\" in file; did you mean \"name\"?",
	}
	if diff := cmp.Diff(want, messages(&r)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
	r.Require(m, msg.Text{Zh: "文件", En: "file"}, "a", "name", "d")
	if got, want := r.Errs[len(r.Errs)-1].Text.En, `file lacks "d"`; got != want {
		t.Errorf("Require: %q, want %q", got, want)
	}
}

func TestScalars(t *testing.T) {
	src := `text: a
blank: " "
num: 2.50
quoted: "3"
big: 1234567890123
int: 12
float: 1.5
bool: yes
truth: true
list: [a, "", 1]
map: {a: 1}
`
	var r Reader
	root, _ := r.Decode(&File{Name: "f.yaml", Data: []byte(src)}, Limits{})
	m, _ := r.Mapping(root, msg.Text{Zh: "文件", En: "file"}, nil)
	get := func(k string) Entry { e, _ := m.Get(k); return e }
	var got []string
	add := func(v any, ok bool) {
		got = append(got, strings.TrimSpace(strings.ReplaceAll(fmtValue(v), "\n", " "))+map[bool]string{true: " ok", false: " bad"}[ok])
	}
	add(r.Text(get("text")))
	add(r.Text(get("num")))
	add(r.NonEmpty(get("blank")))
	n, ok := r.Number(get("num"))
	add(NumberText(n), ok)
	add(r.Number(get("quoted")))
	add(r.Number(get("big")))
	add(r.Positive(get("float")))
	add(r.Integer(get("int")))
	add(r.Integer(get("float")))
	add(r.Boolean(get("truth")))
	add(r.Boolean(get("bool")))
	texts, _, ok := r.Texts(get("list"))
	add(texts, ok)
	add(r.Sequence(get("map")))
	want := []string{"a ok", " bad", " bad", "2.5 ok", "<nil> bad", "<nil> bad", "3/2 ok", "12 ok", "0 bad", "true ok", "false bad", "[a] ok", "[] bad"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("values (-want +got):\n%s", diff)
	}
	wantErrs := []string{
		"f.yaml:3:6: 「num」应为文本，不是数字（请加引号） | num should be text, not a number (quote it)",
		"f.yaml:2:8: 「blank」不能为空 | blank may not be empty",
		"f.yaml:4:9: 「quoted」应为数字，不是文本（数字不要加引号） | quoted should be a number, not text (numbers are written without quotes)",
		"f.yaml:5:6: 「big」的值「1234567890123」应写成十进制数，如 10 或 2.5 | big: \"1234567890123\" should be a decimal number such as 10 or 2.5",
		"f.yaml:7:8: 「float」应为整数，不是数字 | float should be an integer, not a number",
		"f.yaml:8:7: 「bool」应为布尔值（true 或 false），不是文本 | bool should be a boolean (true or false), not text",
		"f.yaml:10:11: 「list」不能为空 | list may not be empty",
		"f.yaml:10:15: 「list」应为文本，不是数字（请加引号） | list should be text, not a number (quote it)",
		"f.yaml:11:6: 「map」应为列表，不是映射 | map should be a list, not a mapping",
	}
	if diff := cmp.Diff(wantErrs, messages(&r)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func fmtValue(v any) string {
	switch v := v.(type) {
	case []string:
		return "[" + strings.Join(v, " ") + "]"
	case []Entry:
		return "[]"
	}
	return strings.TrimSpace(strings.Trim(fmtAny(v), "\""))
}

func TestItems(t *testing.T) {
	var r Reader
	root, _ := r.Decode(&File{Name: "f.yaml", Data: []byte("units:\n  - {name: a, type: x}\n  - b\n  - {name: c, tpye: y}\n")}, Limits{})
	m, _ := r.Mapping(root, msg.Text{Zh: "名单", En: "roster"}, []string{"units"})
	e, _ := m.Get("units")
	var names []string
	for _, u := range r.Items(e, msg.Text{Zh: "单位", En: "unit"}, []string{"name", "type"}) {
		ne, _ := u.Get("name")
		s, _ := r.NonEmpty(ne)
		names = append(names, s+"@"+u.Pos().String())
	}
	if diff := cmp.Diff([]string{"a@f.yaml:2:5", "c@f.yaml:4:5"}, names); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	want := []string{
		"f.yaml:3:5: 单位应为映射（key: value），不是文本 | unit should be a mapping (key: value), not text",
		"f.yaml:4:15: 单位中有未知的键「tpye」，是否想写「type」？ | unknown key \"tpye\" in unit; did you mean \"type\"?",
	}
	if diff := cmp.Diff(want, messages(&r)); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}

func TestClosest(t *testing.T) {
	known := []string{"points", "method", "table", "id"}
	for in, want := range map[string]string{"pionts": "points", "Method": "method", "tabel": "table", "x": "", "colour": "", "ib": ""} {
		if got := msg.Closest(in, known); got != want {
			t.Errorf("msg.Closest(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzDecode feeds arbitrary bytes to Decode and walks what it returns with
// every reader: nothing may panic, and every error is positioned in the file.
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/fuzz/*.yaml")
	for _, name := range seeds {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, strict := range []bool{false, true} {
			r := Reader{NoAliases: strict, AllowNull: strict}
			root, _ := r.Decode(&File{Name: "fuzz.yaml", Data: data}, Limits{})
			if root.Value != nil {
				walk(&r, root, 0)
			}
			for _, e := range r.Errs {
				if e.Pos.File != "fuzz.yaml" || e.Text.Zh == "" || e.Text.En == "" || strings.Contains(e.Text.Zh+e.Text.En, "%!") {
					t.Fatalf("bad error %#v", e)
				}
			}
		}
	})
}

// walk reads e with every typed reader, descending into mappings and lists.
func walk(r *Reader, e Entry, depth int) {
	if depth > 10 {
		return
	}
	r.Text(e)
	r.NonEmpty(e)
	r.Number(e)
	r.Positive(e)
	r.Integer(e)
	r.Boolean(e)
	r.Texts(e)
	if m, ok := r.Mapping(e, msg.Text{Zh: "映射", En: "mapping"}, nil); ok {
		for _, k := range m.Keys {
			v, _ := m.Get(k)
			walk(r, v, depth+1)
		}
		r.Mapping(e, msg.Text{Zh: "映射", En: "mapping"}, []string{"name", "id"})
	}
	if items, ok := r.Sequence(e); ok {
		for _, it := range items {
			walk(r, it, depth+1)
		}
	}
}

func fmtAny(v any) string { return fmt.Sprint(v) }
