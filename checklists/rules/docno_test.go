package rules

import (
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/width"

	"github.com/zwgk/zwgk/checklists/calendar"

	"github.com/google/go-cmp/cmp"
)

func TestNormDocNo(t *testing.T) {
	tests := []struct{ in, want string }{
		{"利政发〔2017〕015号", "利政发[2017]15号"},
		{"利政发[2017]15号", "利政发[2017]15号"},
		{"利政发（2017）15号", "利政发[2017]15号"},
		{"利政发(2017)15号", "利政发[2017]15号"},
		{"利政发【2017】15号", "利政发[2017]15号"},
		{"利政发［2017］0015号", "利政发[2017]15号"},
		{"利政发 〔2017〕 15 号", "利政发[2017]15号"},
		{"YH2018-015", "YH2018-15"},
		{"YH2018-15", "YH2018-15"},
		{"ｙｈ２０１８－０１５", "YH2018-15"},
		{"yh2018—15", "YH2018-15"},
		{"11441700007280420Y/2021-00050", "11441700007280420Y/2021-50"},
		{"利发〔2017〕0号", "利发[2017]0号"},
		{"000", "0"},
		{"100", "100"},
		{"", ""},
		{"  ", ""},
	}
	for _, tt := range tests {
		got := NormDocNo(tt.in)
		if got != tt.want {
			t.Errorf("NormDocNo(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := NormDocNo(got); again != got {
			t.Errorf("NormDocNo(%q) = %q, not a fixed point of %q", got, again, tt.in)
		}
	}
}

func TestNormTitleSimilar(t *testing.T) {
	if got, want := NormTitle("关于印发《利通区 2017年政务公开工作要点》的通知。"), "关于印发利通区2017年政务公开工作要点的通知"; got != want {
		t.Errorf("NormTitle = %q, want %q", got, want)
	}
	if got := NormTitle("ＡＢＣ，abc"); got != "abcabc" {
		t.Errorf("NormTitle(ＡＢＣ，abc) = %q", got)
	}
	tests := []struct {
		a, b string
		want float64
	}{
		{"关于印发《政务公开工作要点》的通知", "关于印发政务公开工作要点的通知", 1},
		{"政务公开", "政务公开", 1},
		{"政务公开", "财政预算", 0},
		{"", "政务公开", 0},
		{"甲", "甲", 1},
		// 6 bigrams each, 5 in common (政务 务公 公开 开工 工作 vs 政务 务公 公开 开要 要点): 2·3/(5+5)
		{"政务公开工作", "政务公开要点", 0.6},
		// 2017 → 2018: ABCDE2017FGHIJ (14 chars, 13 bigrams) against ABCDE2018FGHIJ: 11 of 13 in common
		{"利通区二〇一七年政务公开工作要点的通知", "利通区二〇一八年政务公开工作要点的通知", 2 * 16.0 / 36},
	}
	for _, tt := range tests {
		if got := Similar(tt.a, tt.b); !close(got, tt.want) {
			t.Errorf("Similar(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func close(a, b float64) bool { d := a - b; return d < 1e-9 && d > -1e-9 }

func TestMatch(t *testing.T) {
	catalog := []Row{
		{"doc_no": "利政发[2017]15号", "title": "关于印发利通区政务公开工作要点的通知"},
		{"title": "利通区2017年政务公开工作要点解读"},
		{"doc_no": "YH2018-15", "title": "关于做好防汛工作的通知"},
	}
	tests := []struct {
		name      string
		no, title any
		want      int // index in catalog, -1 for nil
	}{
		{"same 文号 other brackets and zeros", "利政发〔2017〕015号", "标题不同也算", 0},
		{"letters and dash", "yh2018-015", nil, 2},
		{"no 文号, title differs in punctuation", nil, "利通区2017年政务公开工作要点解读。", 1},
		{"no 文号, empty string", "", "《利通区2017年政务公开工作要点解读》", 1},
		{"no 文号, title too different", nil, "利通区2017年政务公开工作总结", -1},
		{"文号 not in catalogue, title of a numbered row", "利政发〔2017〕16号", "关于印发利通区政务公开工作要点的通知", -1},
		{"文号 not in catalogue, title of an unnumbered row", "利政办发〔2017〕3号", "利通区2017年政务公开工作要点解读", 1},
		{"nothing", nil, nil, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Match(catalog, tt.no, tt.title)
			var want Row
			if tt.want >= 0 {
				want = catalog[tt.want]
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Match(%v, %v) (-want +got):\n%s", tt.no, tt.title, diff)
			}
		})
	}
}

// TestMatchInRules runs match, similar and norm_title inside rules, over a
// register's rows given as tables.
func TestMatchInRules(t *testing.T) {
	s := NewScope([]Table{
		{Name: "documents", Fields: []Field{{"doc_no", Text}, {"title", Text}, {"published_on", Time}}},
		{Name: "catalog", Fields: []Field{{"doc_no", Text}, {"title", Text}, {"published_on", Time}}},
	}, nil)
	catalog := []Row{{"doc_no": "利政发[2017]15号", "title": "关于印发要点的通知", "published_on": at("2017-03-02")}}
	tests := []struct {
		src  string
		row  Row
		want bool
	}{
		{`match(tables.catalog, doc_no, title) != nil`, Row{"doc_no": "利政发〔2017〕015号"}, true},
		{`match(tables.catalog, doc_no, title) != nil`, Row{"doc_no": "利政发〔2017〕16号"}, false},
		{`match(tables.catalog, doc_no, title) != nil`, Row{"title": "关于印发《要点》的通知"}, true},
		{`match(tables.catalog, doc_no, title) == nil`, Row{}, true},
		{`let c = match(tables.catalog, doc_no, title); c != nil && abs(days(c.published_on, published_on)) <= 1`,
			Row{"doc_no": "利政发[2017]15号", "published_on": at("2017-03-03")}, true},
		{`let c = match(tables.catalog, doc_no, title); c != nil && abs(days(c.published_on, published_on)) <= 1`,
			Row{"doc_no": "利政发[2017]15号", "published_on": at("2017-03-05")}, false},
		{`similar(title, "关于印发要点的通知") >= 0.9`, Row{"title": "关于印发“要点”的通知"}, true},
		{`norm_title(title) == "abc"`, Row{"title": "Ａ b-c"}, true},
	}
	for _, tt := range tests {
		p, err := s.Compile(tt.src, "documents")
		if err != nil {
			t.Fatalf("compile %q: %v", tt.src, err)
		}
		env := s.Env(Base{Year: 2017, Rows: map[string][]Row{"catalog": catalog}}).Table("documents")
		env.SetRow(tt.row)
		var m Machine
		got, err := m.Bool(p, env)
		if err != nil || got != tt.want {
			t.Errorf("%s on %v = %v, %v; want %v", tt.src, tt.row, got, err, tt.want)
		}
	}
}

// FuzzNormDocNo holds that NormDocNo equals its plain definition
// (normDocNoRef), that normalising twice changes nothing and that Similar
// stays within [0, 1].
func FuzzNormDocNo(f *testing.F) {
	for _, s := range []string{"利政发〔2017〕015号", "YH2018-015", "００１", "（）", "a\u00a0(0)\u3000ｂ", "\xff0\xe4\xb8"} {
		f.Add(s, "关于印发要点的通知")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		n := NormDocNo(a)
		if want := normDocNoRef(a); n != want {
			t.Errorf("NormDocNo(%q) = %q, the plain definition gives %q", a, n, want)
		}
		if NormDocNo(n) != n {
			t.Errorf("NormDocNo not idempotent on %q: %q then %q", a, n, NormDocNo(n))
		}
		if s := Similar(a, b); s < 0 || s > 1 {
			t.Errorf("Similar(%q, %q) = %v", a, b, s)
		}
	})
}

func TestUsesTable(t *testing.T) {
	s := NewScope([]Table{
		{Name: "documents", Fields: []Field{{"doc_no", Text}, {"title", Text}}},
		{Name: "catalog", Fields: []Field{{"doc_no", Text}, {"title", Text}}},
	}, nil)
	tests := []struct {
		src, table string
		want       bool
	}{
		{`match(tables.catalog, doc_no, title) != nil`, "documents", true},
		{`len(filter(tables.catalog, .doc_no == doc_no)) > 0`, "documents", true},
		{`doc_no != nil`, "documents", false},
		{`doc_no != nil`, "catalog", true},
	}
	for _, tt := range tests {
		p, err := s.Compile(tt.src, tt.table)
		if err != nil {
			t.Fatal(err)
		}
		if got := p.UsesTable("catalog"); got != tt.want {
			t.Errorf("%s over %s: UsesTable(catalog) = %v", tt.src, tt.table, got)
		}
	}
}

// TestCatalogTimeliness runs the rule of catalog_dates_agree (common.yaml):
// the register's date against the website's, or, when the register has
// none, timeliness judged on the website's date.
func TestCatalogTimeliness(t *testing.T) {
	cal, err := calendar.Load([]string{"cn"})
	if err != nil {
		t.Fatal(err)
	}
	s := NewScope([]Table{
		{Name: "documents", Fields: []Field{{"doc_no", Text}, {"title", Text}, {"issued_on", Time}, {"published_on", Time}}},
		{Name: "catalog", Fields: []Field{{"doc_no", Text}, {"title", Text}, {"published_on", Time}}},
	}, cal)
	src := `let c = match(tables.catalog, doc_no, title);
      published_on != nil ? abs(days(published_on, c.published_on)) <= 1 : workdays(issued_on, c.published_on) <= 20`
	catalog := []Row{
		{"doc_no": "A[2017]1号", "published_on": at("2017-03-08")},
		{"doc_no": "A[2017]2号", "published_on": at("2017-04-05")},
	}
	tests := []struct {
		row  Row
		want bool
	}{
		{Row{"doc_no": "A〔2017〕1号", "issued_on": at("2017-03-06"), "published_on": at("2017-03-07")}, true},  // a day apart
		{Row{"doc_no": "A〔2017〕1号", "issued_on": at("2017-03-06"), "published_on": at("2017-03-06")}, false}, // two days
		{Row{"doc_no": "A〔2017〕1号", "issued_on": at("2017-03-06")}, true},                                    // no register date: 2 working days
		{Row{"doc_no": "A〔2017〕2号", "issued_on": at("2017-03-01")}, false},                                   // 03-01 → 04-05: 24 working days
	}
	p, err := s.Compile(src, "documents")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		env := s.Env(Base{Year: 2017, Rows: map[string][]Row{"catalog": catalog}}).Table("documents")
		env.SetRow(tt.row)
		var m Machine
		got, err := m.Bool(p, env)
		if err != nil || got != tt.want {
			t.Errorf("%v = %v, %v; want %v", tt.row, got, err, tt.want)
		}
	}
}

// normDocNoRef is NormDocNo as first written, rune by rune through the
// width tables: the definition the faster NormDocNo is held to.
func normDocNoRef(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	zeros := 0
	inDigits := false
	for _, r := range s {
		if f := width.LookupRune(r).Folded(); f != 0 {
			r = f
		}
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			continue
		}
		switch r {
		case '〔', '[', '【', '(', '［', '﹝', '〖', '{', '「':
			r = '['
		case '〕', ']', '】', ')', '］', '﹞', '〗', '}', '」':
			r = ']'
		case '‐', '‑', '–', '—', '－', '―':
			r = '-'
		}
		r = unicode.ToUpper(r)
		if r >= '0' && r <= '9' {
			if !inDigits && r == '0' {
				zeros++
				continue
			}
			inDigits = true
			zeros = 0
			b.WriteRune(r)
			continue
		}
		if zeros > 0 {
			b.WriteByte('0')
		}
		zeros, inDigits = 0, false
		b.WriteRune(r)
	}
	if zeros > 0 {
		b.WriteByte('0')
	}
	return b.String()
}

// TestNormDocNoMatchesDefinition compares NormDocNo with its plain
// definition on every rune (alone, between digits and zeros, after a
// letter), on every byte that is not UTF-8, and on numbers longer than its
// stack buffer.
func TestNormDocNoMatchesDefinition(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := NormDocNo(s), normDocNoRef(s); got != want {
			t.Fatalf("NormDocNo(%q) = %q, the plain definition gives %q", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		c := string(r)
		check(c)
		check("0" + c + "0")
		check("a" + c + "01")
		check("00" + c)
	}
	for b := 0x80; b <= 0xff; b++ {
		c := string([]byte{byte(b)})
		check(c)
		check("0" + c + "01")
		check("利" + c + "\xe5\x88")
	}
	check(strings.Repeat("利政发〔2017〕015号", 20))
	check(strings.Repeat("a", 64))
	check(strings.Repeat("A", 64))
	check(strings.Repeat("A", 63) + "0")
}
