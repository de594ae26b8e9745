package report

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/audit/workbook"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// sameWorkbooks fails unless the report of res written with the finding
// lists' own row writer (xlsx.Rows) has exactly the parts, byte for byte,
// of the one whose rows all go through excelize's StreamWriter. The only
// part allowed to differ is [Content_Types].xml, whose entries excelize
// writes in map order (two runs of either writer differ there): its
// entries are compared sorted.
func sameWorkbooks(t *testing.T, res func() *scoring.Result, opts XLSXOptions) {
	t.Helper()
	got := zipParts(t, writeXLSX(t, res(), opts))
	opts.excelizeRows = true
	want := zipParts(t, writeXLSX(t, res(), opts))
	for _, parts := range []map[string]string{got, want} {
		ct := parts["[Content_Types].xml"]
		i, j := strings.Index(ct, "<Default"), strings.LastIndex(ct, "</Types>")
		if i < 0 || j < i {
			t.Fatalf("[Content_Types].xml: %s", ct)
		}
		items := contentTypeEntry.FindAllString(ct[i:j], -1)
		if strings.Join(items, "") != ct[i:j] {
			t.Fatalf("[Content_Types].xml: %s", ct)
		}
		sort.Strings(items)
		parts["[Content_Types].xml"] = ct[:i] + strings.Join(items, "") + ct[j:]
	}
	if diff := cmp.Diff(slices.Sorted(mapsKeys(want)), slices.Sorted(mapsKeys(got))); diff != "" {
		t.Fatalf("parts (-excelize +ours):\n%s", diff)
	}
	sheets := 0
	for name, w := range want {
		if strings.HasPrefix(name, "xl/worksheets/sheet") {
			sheets++
		}
		if g := got[name]; g != w {
			at := 0
			for at < len(g) && at < len(w) && g[at] == w[at] {
				at++
			}
			t.Errorf("%s differs at byte %d of %d:\nexcelize …%.300s\nours     …%.300s", name, at, len(w), w[at:], g[at:])
		}
	}
	if sheets == 0 {
		t.Fatal("no worksheets")
	}
}

var contentTypeEntry = regexp.MustCompile(`<(Default|Override) [^>]*>(</(Default|Override)>)?`)

func mapsKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// oddFindings is a unit whose findings carry what an XML writer must take
// care of: markup characters, control characters, spaces at the ends, a
// text over Excel's 32,767 characters, emoji, _xHHHH_ sequences, invalid
// UTF-8, and a capped kind's 「另有 N 条」 finding (no row); and the same
// rows as not yet due or undecided, for the 即将到期 list.
func oddFindings() *scoring.Result {
	res := unitResult()
	u := res.Units[0]
	doc := func(row int, docNo, title, message string) scoring.FindingResult {
		return scoring.FindingResult{Item: "A1", Kind: "公开不及时", Public: row%2 == 0, Table: "documents",
			File: "submissions/金积镇.xlsx", Sheet: "公文台账", Row: row, Col: "F", DocNo: docNo, Title: title, Message: message}
	}
	u.Findings = append(u.Findings,
		doc(20, `<b>&"x"'`, `关于<印发>&"要点"的'通知'`, "a < b && c > d"),
		doc(21, "\x00\x01\x1b]0;pwned\x07\u202e", "tab\there\r\nnew line", "\x7f\x0b\x0c"),
		doc(22, " 前后有空格 ", "\tleading tab", "trailing newline\n"),
		doc(23, "长", strings.Repeat("很长的标题", 8000), strings.Repeat("x", 40000)),
		doc(24, "😀", "emoji 🎉 in 标题 👍🏽", strings.Repeat("a", 32766)+"😀"),
		doc(25, "_x0041_", "_x005F_x0041_ and _xD800_", "_x005F_ _x005f_ __x0041__"),
		doc(26, "\xff\xfe", "tail\xe4", "\uFFFD\uFFFE\U0010FFFF"),
		doc(27, "=SUM(1,2)", "+1", "@x"),
		scoring.FindingResult{Item: "A1", Kind: "公开不及时", Public: true, Table: "documents",
			Message: "另有 1234 条同类问题（未逐条列出，已全部计入得分）"},
	)
	for i, f := range u.Findings {
		d := scoring.DeferredResult{Item: f.Item, Kind: "未到期", Table: f.Table, File: f.File, Sheet: f.Sheet, Row: f.Row,
			DocNo: f.DocNo, Title: f.Title, Due: "2018-01-15", Message: f.Message}
		if i%3 == 2 {
			d.Kind, d.Due = "待定", ""
			u.Pending = append(u.Pending, d)
		} else {
			u.Upcoming = append(u.Upcoming, d)
		}
	}
	return res
}

func TestXLSXRowsSameAsExcelize(t *testing.T) {
	en := xlsxTestOpts
	en.Lang = msg.EN
	tests := []struct {
		name string
		res  func() *scoring.Result
		opts XLSXOptions
	}{
		{"district", xlsxResult, xlsxTestOpts},
		{"district, English", xlsxResult, en},
		{"unit workbook", unitResult, xlsxTestOpts},
		{"unit workbook, English", unitResult, en},
		{"odd findings", oddFindings, xlsxTestOpts},
		{"odd findings in a district", func() *scoring.Result {
			res := xlsxResult()
			res.Units[1].Findings = oddFindings().Units[0].Findings
			return res
		}, en},
		{"hostile text", hostileResult, xlsxTestOpts},
		{"many units", func() *scoring.Result { return bigResult(maxLedgerSheets+1, 3000) }, xlsxTestOpts},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { sameWorkbooks(t, tt.res, tt.opts) })
	}
	wb := zipParts(t, writeXLSX(t, oddFindings(), xlsxTestOpts))["xl/workbook.xml"]
	for _, s := range []string{"问题清单", "应公开未公开清单", "整改清单", "即将到期"} {
		if !strings.Contains(wb, `name="`+s+`"`) {
			t.Errorf("the odd findings' unit workbook has no sheet %s", s)
		}
	}
}

// The rectification list carried over from an earlier report: typed
// cells, a date, the unit's own column, and the 已整改 sheet.
func TestXLSXRowsSameAsExcelizeRectification(t *testing.T) {
	prev, err := ReadRectification(bytes.NewReader(clerk(t, writeXLSX(t, unitResult(), xlsxTestOpts))), "自查报告.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	opts := xlsxTestOpts
	opts.Previous = prev
	sameWorkbooks(t, func() *scoring.Result {
		res := unitResult()
		u := res.Units[0]
		u.Findings = u.Findings[1:] // row 7's finding resolved
		return res
	}, opts)
}

// Findings read back from a FindingFile when the workbook is saved.
func TestXLSXRowsSameAsExcelizeFindingFile(t *testing.T) {
	res := func() *scoring.Result {
		res := bigResult(30, 900)
		tmp, err := os.CreateTemp(t.TempDir(), "findings")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { tmp.Close() })
		store := scoring.NewFindingFile(tmp)
		for _, u := range res.Units {
			if err := store.Put(u); err != nil {
				t.Fatal(err)
			}
		}
		return res
	}
	sameWorkbooks(t, res, xlsxTestOpts)
}

// The sample district (samples/district), audited as zwgk audit does with
// the default checklist.
func TestXLSXRowsSameAsExcelizeSamples(t *testing.T) {
	res := sampleResult(t)
	if len(res.Units) < 5 {
		t.Fatalf("%d units", len(res.Units))
	}
	n := 0
	for _, u := range res.Units {
		_, all := u.FindingTotals()
		n += all
	}
	if n < 20 {
		t.Fatalf("%d findings", n)
	}
	sameWorkbooks(t, func() *scoring.Result { return res }, xlsxTestOpts)
	unit := *res
	unit.Units = res.Units[:1]
	sameWorkbooks(t, func() *scoring.Result { return &unit }, xlsxTestOpts)
}

// sampleResult audits samples/district with the default checklist for its
// year, judging deadlines at the end of that year.
func sampleResult(t *testing.T) *scoring.Result {
	t.Helper()
	c, err := checklists.LoadEmbedded(checklists.Default(), checklists.LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	subs, _, err := workbook.Discover([]string{filepath.Join("..", "..", "samples", "district")})
	if err != nil {
		t.Fatal(err)
	}
	rd := workbook.NewReader(workbook.Options{Schema: c.Schema})
	plan := audit.NewPlan(c)
	scorer := scoring.NewScorer(c, c.Year, nil)
	var units []*scoring.UnitResult
	for _, s := range subs {
		u, err := rd.Read(s.Path)
		if err != nil {
			continue // the samples' broken files
		}
		u.Source = filepath.ToSlash(s.Path)
		ev, err := plan.EvaluateContext(context.Background(), u, c.Year, time.Date(c.Year, 12, 31, 0, 0, 0, 0, time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		units = append(units, scorer.Unit(ev))
	}
	return scorer.Result(units, nil, nil, nil)
}
