package checklists

import (
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"go.yaml.in/yaml/v3"

	"github.com/zwgk/zwgk/checklists/rules"
	"github.com/zwgk/zwgk/checklists/yamlfile"
)

// exprSummary and itemSummary are what the tests compare of a loaded checklist.
type exprSummary struct {
	Source string
	Pos    string
	Fields []string
}

type itemSummary struct {
	Section, ID, Title, Basis string
	Points, Per               string
	Method                    Method
	Table                     string
	Applies, Where, Check     *exprSummary
	Finding                   string
	Public                    bool
	Pos                       string
}

func summarizeExpr(x *Expr) *exprSummary {
	if x == nil {
		return nil
	}
	if x.Program == nil {
		return &exprSummary{Source: "NO PROGRAM"}
	}
	return &exprSummary{Source: x.Source, Pos: x.Pos.String(), Fields: x.Fields}
}

func summarizeItems(c *Checklist) []itemSummary {
	var out []itemSummary
	for _, it := range c.Items() {
		out = append(out, itemSummary{
			Section: it.Section.ID, ID: it.ID, Title: it.Title, Basis: it.Basis,
			Points: it.Points.RatString(), Per: it.Per.RatString(), Method: it.Method, Table: it.Table,
			Applies: summarizeExpr(it.Applies), Where: summarizeExpr(it.Where), Check: summarizeExpr(it.Check),
			Finding: it.Finding, Public: it.Public, Pos: it.Pos.String(),
		})
	}
	return out
}

func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic(s)
	}
	return r
}

var ratComparer = cmp.Comparer(func(a, b *big.Rat) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Cmp(b) == 0
})

func TestLoadValid(t *testing.T) {
	const file = "testdata/valid.yaml"
	c, errs := testLoad(t, file)
	if len(errs) != 0 {
		t.Fatalf("errors:\n%s", errs)
	}
	type head struct {
		ID, Title, Basis string
		Year             int
		Total, Weight    *big.Rat
		NA               string
		Grades           []Grade
		Calendars        []string
		Source           string
		Sections         []string
		SectionPoints    []*big.Rat
		HasCal, YAMLKept bool
	}
	got := head{ID: c.ID, Title: c.Title, Basis: c.Basis, Year: c.Year, Total: c.Total, Weight: c.PerformanceWeight,
		NA: c.NA, Grades: c.Grades, Calendars: c.Calendars, Source: c.Source, HasCal: c.Calendar != nil}
	for _, s := range c.Sections {
		got.Sections = append(got.Sections, s.ID+" "+s.Title+" "+s.Pos.String())
		got.SectionPoints = append(got.SectionPoints, s.Points)
	}
	data := testdataFile(t, file)
	got.YAMLKept = string(c.YAML) == string(data)
	want := head{
		ID: "test-valid", Title: "测试指标体系", Basis: "测试方案", Year: 2017,
		Total: rat("20"), Weight: rat("9/200"), NA: NAExclude,
		Grades:    []Grade{{"优秀", rat("35/2")}, {"合格", rat("12")}, {"不合格", rat("0")}},
		Calendars: []string{"cn", "cn-nx"}, Source: file,
		Sections:      []string{"A 公开 " + file + ":31:5", "B 其他 " + file + ":51:5"},
		SectionPoints: []*big.Rat{rat("25/2"), nil},
		HasCal:        true, YAMLKept: true,
	}
	if diff := cmp.Diff(want, got, ratComparer); diff != "" {
		t.Errorf("checklist (-want +got):\n%s", diff)
	}

	const frags = "testdata/fragments.yaml"
	wantItems := []itemSummary{
		{
			Section: "A", ID: "A1", Title: "政策文件5个工作日内公开", Basis: "一(一)", Points: "15/2", Per: "5/2",
			Method: Deduct, Table: "documents",
			Where:   &exprSummary{`attribute == "主动公开" && policy`, file + ":42:16", []string{"attribute", "policy"}},
			Check:   &exprSummary{"published_on != nil && workdays(issued_on, published_on) <= 5", file + ":43:16", []string{"issued_on", "published_on"}},
			Finding: "公开不及时", Public: true, Pos: file + ":35:9",
		},
		{
			// From the fragment "marked", with points, basis and per of its own.
			Section: "A", ID: "A2", Title: "公文标明公开属性", Basis: "一(一)", Points: "5", Per: "1/2",
			Method: Deduct, Table: "documents",
			Check:   &exprSummary{"attribute != nil", frags + ":7:12", []string{"attribute"}},
			Finding: "未标注公开属性", Pos: file + ":46:9",
		},
		{
			Section: "B", ID: "B1", Title: "参加培训", Basis: "六(一)", Points: "5", Per: "1", Method: Rate, Table: "trainings",
			Applies: &exprSummary{`unit.type == "部门"`, file + ":60:18", nil},
			Check:   &exprSummary{"held_on >= period_start &&\n  attendees >= 10\n", file + ":61:16", []string{"attendees", "held_on"}},
			Pos:     file + ":54:9",
		},
		{Section: "B", ID: "B2", Title: "自评", Basis: "六(二)", Points: "5/2", Per: "1", Method: Self, Pos: file + ":64:9"},
		{
			Section: "B", ID: "B3", Title: "无重大失误", Basis: "六(四)", Points: "0", Per: "1", Method: Veto, Table: "documents",
			Where: &exprSummary{"signer != nil", file + ":74:16", []string{"signer"}},
			Check: &exprSummary{"published_on == nil || days(issued_on, published_on) < 365", file + ":75:16", []string{"issued_on", "published_on"}},
			Pos:   file + ":69:9",
		},
		{
			Section: "B", ID: "B4", Title: "加分", Basis: "六(五)", Points: "2", Per: "1/4", Method: Bonus, Table: "documents",
			Check: &exprSummary{"interpretation != nil", file + ":83:16", []string{"interpretation"}},
			Pos:   file + ":76:9",
		},
	}
	if diff := cmp.Diff(wantItems, summarizeItems(c), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("items (-want +got):\n%s", diff)
	}
	for _, it := range c.Items() {
		if c.Item(it.ID) != it || !containsItem(it.Section.Items, it) {
			t.Errorf("item %s: lookup or back-pointer broken", it.ID)
		}
	}
}

func containsItem(items []*Item, it *Item) bool {
	for _, x := range items {
		if x == it {
			return true
		}
	}
	return false
}

func TestTablesMerge(t *testing.T) {
	c, errs := testLoad(t, "testdata/valid.yaml")
	if len(errs) != 0 {
		t.Fatalf("errors:\n%s", errs)
	}
	docs := c.Schema.Table("documents")
	def := DefaultSchema().Table("documents")
	if got, want := docs.SheetAliases, append(def.SheetAliases, "发文登记簿"); !cmp.Equal(got, want) {
		t.Errorf("sheet aliases %v, want %v", got, want)
	}
	attr := docs.Field("attribute")
	wantAttr := *def.Field("attribute")
	wantAttr.Aliases = append(wantAttr.Aliases, "公开选项")
	wantAttr.Values = append(wantAttr.Values[:0:0], wantAttr.Values...)
	wantAttr.Values[0].Aliases = append(wantAttr.Values[0].Aliases[:len(wantAttr.Values[0].Aliases):len(wantAttr.Values[0].Aliases)], "主动")
	wantAttr.Values = append(wantAttr.Values, EnumValue{Name: "部分公开", Aliases: []string{"部分"}})
	if diff := cmp.Diff(&wantAttr, attr); diff != "" {
		t.Errorf("attribute (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(&Field{Name: "signer", Header: "签发人", Type: Text}, docs.Field("signer")); diff != "" {
		t.Errorf("signer (-want +got):\n%s", diff)
	}
	wantTrainings := &Table{Name: "trainings", Sheet: "培训台账", Fields: []*Field{
		{Name: "held_on", Header: "培训日期", Type: Date, Required: true},
		{Name: "attendees", Header: "参训人数", Type: Int},
	}}
	if diff := cmp.Diff(wantTrainings, c.Schema.Table("trainings")); diff != "" {
		t.Errorf("trainings (-want +got):\n%s", diff)
	}
	if got, want := c.Schema.TableNames(), append(DefaultSchema().TableNames(), "trainings"); !cmp.Equal(got, want) {
		t.Errorf("tables %v, want %v", got, want)
	}
	if DefaultSchema().Table("documents").Field("signer") != nil {
		t.Error("the default schema changed")
	}
	// The new field is usable in expressions (B3 compiled with it), and a
	// new table's fields too (B1).
	if it := c.Item("B3"); it.Where == nil || it.Where.Fields[0] != "signer" {
		t.Errorf("B3 where = %+v", it.Where)
	}
}

// TestCompiledPrograms runs compiled expressions, the calendar bound in.
func TestCompiledPrograms(t *testing.T) {
	c, errs := testLoad(t, "testdata/valid.yaml")
	if len(errs) != 0 {
		t.Fatalf("errors:\n%s", errs)
	}
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	a1 := c.Item("A1")
	for _, tt := range []struct {
		published string
		want      bool
	}{
		// Issued Friday 2017-09-29; Saturday 30 September is a working day
		// (调休), 1–8 October are the National Day holiday.
		{"2017-09-30", true},  // 1 working day
		{"2017-10-12", true},  // 30 Sep, 9, 10, 11, 12 Oct: 5
		{"2017-10-13", false}, // 6
	} {
		got, err := runRule(c, a1.Check, rules.Row{"issued_on": day("2017-09-29"), "published_on": day(tt.published)})
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.want {
			t.Errorf("published %s: check = %v, want %v", tt.published, got, tt.want)
		}
	}
	// A blank bool cell reads as false in where.
	got, err := runRule(c, a1.Where, rules.Row{"attribute": "主动公开", "policy": nil})
	if err != nil || got != false {
		t.Errorf("where with a blank policy = %v, %v; want false", got, err)
	}
}

// runRule runs a row rule of documents on row.
func runRule(c *Checklist, x *Expr, row rules.Row) (bool, error) {
	env := c.Rules.Env(rules.Base{Year: 2017}).Table("documents")
	env.SetRow(row)
	var m rules.Machine
	return m.Bool(x.Program, env)
}

func TestUseOverrides(t *testing.T) {
	data := testdataFile(t, "testdata/valid.yaml")
	s := strings.Replace(string(data), "        use: marked\n", "        use: reasons\n        check: reason != nil && reason != \"\"\n        finding: 理由空白\n", 1)
	c, errs := testLoadData(t, "x.yaml", []byte(s))
	if len(errs) != 0 {
		t.Fatalf("errors:\n%s", errs)
	}
	got := summarizeItems(c)[1]
	want := itemSummary{
		Section: "A", ID: "A2", Title: "不公开的说明理由", Basis: "一(一)", Points: "5", Per: "1/2", Method: Deduct, Table: "documents",
		Where:   &exprSummary{`attribute == "不予公开"`, "testdata/fragments.yaml:14:12", []string{"attribute"}},
		Check:   &exprSummary{`reason != nil && reason != ""`, "x.yaml:48:16", []string{"reason"}},
		Finding: "理由空白", Pos: "x.yaml:46:9",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("A2 (-want +got):\n%s", diff)
	}
}

func TestLoadRefusesHostileInput(t *testing.T) {
	var bomb strings.Builder
	bomb.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&bomb, "a%d: &a%d [", i, i)
		for j := range 9 {
			if j > 0 {
				bomb.WriteString(", ")
			}
			fmt.Fprintf(&bomb, "*a%d", i-1)
		}
		bomb.WriteString("]\n")
	}
	var many strings.Builder
	many.WriteString("x: &x 1\ny: [")
	for range maxAliases + 1 {
		many.WriteString("*x, ")
	}
	many.WriteString("]\n")

	var items strings.Builder
	fmt.Fprintf(&items, "format: zwgk.checklist/v1\nid: big\ntitle: t\ntotal: %d\nperformance_weight: 0.04\ngrades: [{name: a, min: 0}]\nsections:\n  - id: S\n    title: s\n    items:\n", maxItems+1)
	for i := range maxItems + 1 {
		fmt.Fprintf(&items, "      - {id: X%d, title: t, basis: b, points: 1, method: rate, check: 'true'}\n", i)
	}

	tests := []struct {
		name string
		data string
		want string
	}{
		{"billion laughs", bomb.String(), "YAML 别名展开后过大"},
		{"too many items", items.String(), "指标过多：最多 1000 项"},
		{"many aliases", many.String(), "YAML 别名（*引用）过多：101 个，最多 100 个"},
		{"cycle", "a: &a [b, *a]\n", "YAML 别名引用了包含它自身的节点"},
		{"deep", strings.Repeat("[", 65) + strings.Repeat("]", 65), "嵌套过深：超过 64 层"},
		{"very deep", strings.Repeat("[", 20000) + strings.Repeat("]", 20000), "YAML 语法错误"},
		{"deep block", deepBlock(100), "嵌套过深：超过 64 层"},
		{"deep via alias", "a: &a " + strings.Repeat("[", 40) + strings.Repeat("]", 40) + "\nb: " + strings.Repeat("[", 30) + "*a" + strings.Repeat("]", 30) + "\n", "别名展开后嵌套过深"},
		{"too large", "format: zwgk.checklist/v1\n#" + strings.Repeat("x", MaxSize), "文件过大"},
		{"empty", "", "文件为空"},
		{"comments only", "# nothing\n", "文件为空"},
		{"scalar", "hello\n", "指标体系应为映射"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			c, err := Load("h.yaml", []byte(tt.data), LoadOptions{})
			if elapsed := time.Since(start); elapsed > 5*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if c != nil || err == nil {
				t.Fatal("loaded")
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
			if errs := err.(ErrorList); len(errs) != 1 {
				t.Errorf("%d errors, want 1:\n%s", len(errs), errs)
			}
		})
	}
}

func deepBlock(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "%sk:\n", strings.Repeat(" ", i))
	}
	fmt.Fprintf(&b, "%sv\n", strings.Repeat(" ", n))
	return b.String()
}

// TestExprPos maps a position within an expression back to the YAML file
// for every scalar style: the word BAD must be found where it is written.
func TestExprPos(t *testing.T) {
	tests := map[string]string{
		"plain":         "check: a && BAD\n",
		"single quoted": "check: 'a == \"x\" && BAD'\n",
		"double quoted": "check: \"a && BAD\"\n",
		"flow":          "x: {check: a && BAD}\n",
		"multi-line":    "check: a &&\n  b &&\n  BAD\n",
		"literal":       "check: |\n  a &&\n    b && BAD\n",
		"literal kept":  "check: |+ # comment\n\n  a &&\n    BAD\n\n",
		"folded":        "check: >-\n  a &&\n  b &&\n\n  BAD\n",
		"chinese":       "check: 'a == \"主动公开\" && BAD'\n",
		"quoted lines":  "check: \"a &&\n  BAD\"\n",
		"deep":          "sections:\n  - items:\n      - check: >\n          a ||\n          BAD\n",
	}
	for name, src := range tests {
		t.Run(name, func(t *testing.T) {
			var doc yaml.Node
			if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
				t.Fatal(err)
			}
			n := findCheck(&doc)
			if n == nil {
				t.Fatal("no check")
			}
			from := len([]rune(n.Value[:strings.Index(n.Value, "BAD")]))
			got := exprPos(&yamlfile.File{Name: "f", Data: []byte(src)}, n, from)
			want := Pos{File: "f"}
			for i, line := range strings.Split(src, "\n") {
				if j := strings.Index(line, "BAD"); j >= 0 {
					want.Line, want.Col = i+1, len([]rune(line[:j]))+1
				}
			}
			if got != want {
				t.Errorf("got %s, want %s", got.String(), want.String())
			}
		})
	}
}

func findCheck(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "check" {
				return n.Content[i+1]
			}
		}
	}
	for _, c := range n.Content {
		if r := findCheck(c); r != nil {
			return r
		}
	}
	return nil
}

func TestRatText(t *testing.T) {
	for in, want := range map[string]string{"20": "20", "5/2": "2.5", "9/200": "0.045", "1/3": "1/3", "-3/4": "-0.75"} {
		if got := yamlfile.NumberText(rat(in)); got != want {
			t.Errorf("yamlfile.NumberText(%s) = %s, want %s", in, got, want)
		}
	}
}

// TestNAReasonKey: na_reason: is read from an item (fragments take it too:
// fragmentKeys); written without applies: it draws a warning.
func TestNAReasonKey(t *testing.T) {
	data := string(testdataFile(t, "testdata/valid.yaml"))
	s := strings.Replace(data, "        applies: unit.type == \"部门\"\n", "        applies: unit.type == \"部门\"\n        na_reason: 本指标只适用于部门\n", 1)
	c, errs := testLoadData(t, "x.yaml", []byte(s))
	if len(errs) != 0 {
		t.Fatalf("errors:\n%s", errs)
	}
	if it := c.Item("B1"); it == nil || it.NAReason != "本指标只适用于部门" {
		t.Errorf("B1 na_reason = %+v", it)
	}
	s = strings.Replace(data, "        basis: 六(二)\n", "        basis: 六(二)\n        na_reason: 不考核\n", 1)
	_, errs = testLoadData(t, "x.yaml", []byte(s))
	var got []string
	for _, e := range errs {
		got = append(got, e.Error())
	}
	want := []string{"x.yaml:67:20: 警告：na_reason 只在 applies 为假时显示，本指标没有写 applies"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("errors (-want +got):\n%s", diff)
	}
}
