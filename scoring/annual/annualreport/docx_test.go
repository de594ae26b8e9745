package annualreport

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/scoring/annual"
	"github.com/zwgk/zwgk/scoring/report/docx"
)

func readDOCX(t *testing.T, f *annual.File) *docx.Content {
	t.Helper()
	var buf bytes.Buffer
	if err := DOCX(&buf, f); err != nil {
		t.Fatal(err)
	}
	if err := docx.Check(buf.Bytes()); err != nil {
		t.Fatalf("the package: %v", err)
	}
	c, err := docx.Read(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestAnnualDOCX reads the Word report back: the text skeleton, tables 二,
// 三 and 四 equal to the computed tables, the placeholders highlighted, the
// drafting note and the checks in notes.
func TestAnnualDOCX(t *testing.T) {
	for _, l := range []annual.Layout{annual.Format2021, annual.Trial2019} {
		t.Run(string(l), func(t *testing.T) {
			f := annualFixture(t, "金积镇人民政府", l)
			u := f.Units[0]
			c := readDOCX(t, f)
			texts := c.Texts()
			sec := l.Sections()
			for _, want := range append(sec[:], "金积镇人民政府2024年政府信息公开工作年度报告",
				"本年新收政府信息公开申请 4 件，上年结转 1 件；本年度办结 4 件，其中予以公开 1 件、部分公开 1 件、不予公开 1 件、其他处理 1 件；结转下年度继续办理 1 件。【待填写】（依申请公开工作的做法和成效）") {
				if !slices.Contains(texts, want) {
					t.Errorf("no paragraph %q in\n%s", want, strings.Join(texts, "\n"))
				}
			}
			// The title is in the title style, the sections in heading 1, in order.
			var heads []string
			for _, p := range c.Paragraphs {
				switch p.Style {
				case docx.StyleTitle:
					if p.Text != "金积镇人民政府2024年政府信息公开工作年度报告" {
						t.Errorf("title %q", p.Text)
					}
				case docx.StyleHeading1:
					heads = append(heads, p.Text)
				}
			}
			if diff := cmp.Diff(sec[:], heads); diff != "" {
				t.Errorf("headings (-want +got):\n%s", diff)
			}
			// Every 【待填写】 is highlighted, and nothing else.
			for _, p := range c.Paragraphs {
				n := strings.Count(p.Text, ToFill)
				if len(p.Marked) != n {
					t.Errorf("%q: %d placeholders, %d marked %q", p.Text, n, len(p.Marked), p.Marked)
				}
				for _, m := range p.Marked {
					if !strings.HasPrefix(m, ToFill) {
						t.Errorf("%q marked", m)
					}
				}
			}
			// Notes: the drafting note first, the checks last.
			first, last := c.Paragraphs[0], c.Paragraphs[len(c.Paragraphs)-1]
			if first.Note != NoteDrafting || !strings.HasPrefix(first.Text, "编制说明") {
				t.Errorf("first paragraph %+v", first)
			}
			if last.Note != NoteChecks {
				t.Errorf("last paragraph %+v", last)
			}
			var checks []string
			for _, p := range c.Paragraphs {
				if p.Note == NoteChecks {
					checks = append(checks, p.Text)
				}
			}
			for _, ck := range u.Checks {
				found := false
				for _, s := range checks {
					found = found || strings.HasPrefix(s, ck.Title.Zh+"：")
				}
				if !found {
					t.Errorf("check %s not in the note %q", ck.ID, checks)
				}
			}

			if len(c.Tables) != 3 {
				t.Fatalf("%d tables, want 3", len(c.Tables))
			}
			// Table 二: every block's caption, headings and values.
			var want2 [][]string
			for _, s := range l.Table2() {
				want2 = append(want2, []string{s.Caption}, append([]string{annual.ContentHeading}, s.Heads...))
				for _, r := range s.Rows {
					row := []string{r.Label}
					for _, fd := range r.Fields {
						if v, ok := u.Table2[fd]; ok {
							row = append(row, strconv.FormatFloat(v, 'f', -1, 64))
						} else {
							row = append(row, ToFill)
						}
					}
					want2 = append(want2, row)
				}
			}
			if diff := cmp.Diff(want2, c.Tables[0].Rows); diff != "" {
				t.Errorf("table 二 (-want +got):\n%s", diff)
			}
			if l == annual.Format2021 && !slices.Contains(c.Tables[0].Rows[1], "本年制发件数") {
				t.Errorf("table 二 headings %q", c.Tables[0].Rows[1])
			}
			// Table 三: two heading rows, then every row's label and counts.
			t3 := c.Tables[1]
			if t3.Head != 2 || !cmp.Equal(t3.Rows[0], []string{annual.ApplicantHeading, "自然人", annual.OrgHeading, "总计"}) ||
				!cmp.Equal(t3.Rows[1], []string{"", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""}) {
				t.Errorf("table 三 headings %q", t3.Rows[:2])
			}
			rows := l.Rows()
			if len(t3.Rows) != 2+len(rows) {
				t.Fatalf("table 三 has %d rows, want %d", len(t3.Rows), 2+len(rows))
			}
			for i, r := range rows {
				got := t3.Rows[2+i]
				if !slices.Contains(got, r.Label) {
					t.Errorf("table 三 row %d %q lacks %q", i+1, got, r.Label)
				}
				counts, _ := u.Table3.Get(r.Key)
				var want []string
				for _, v := range counts {
					want = append(want, strconv.Itoa(v))
				}
				if diff := cmp.Diff(want, got[len(got)-annual.Columns:]); diff != "" {
					t.Errorf("table 三 %s (-want +got):\n%s", r.Key, diff)
				}
			}
			// Table 四: one row of fifteen numbers.
			t4 := c.Tables[2]
			var want4 []string
			for _, g := range u.Table4.Groups() {
				for _, v := range g.Cells() {
					want4 = append(want4, strconv.Itoa(v))
				}
			}
			if diff := cmp.Diff(want4, t4.Rows[len(t4.Rows)-1]); diff != "" {
				t.Errorf("table 四 (-want +got):\n%s", diff)
			}
			if want4[13] != "0" || want4[11] != "1" {
				t.Errorf("the fixture's case (复议后起诉, 纠正) is not where the format puts it: %q", want4)
			}
			// Every table is as wide as the text block.
			for i, tb := range c.Tables {
				sum := 0
				for _, w := range tb.Widths {
					sum += w
				}
				if sum != docx.TextWidth {
					t.Errorf("table %d is %d twips wide, want %d", i+1, sum, docx.TextWidth)
				}
			}
		})
	}
}

func TestAnnualDOCXUnitsOnPages(t *testing.T) {
	f := annualFixture(t, "金积镇人民政府", annual.Format2021)
	g := annualFixture(t, "上桥镇人民政府", annual.Format2021)
	f.Units = append(f.Units, g.Units...)
	c := readDOCX(t, f)
	var titles []string
	for _, p := range c.Paragraphs {
		if p.Style == docx.StyleTitle {
			titles = append(titles, p.Text)
		}
	}
	if diff := cmp.Diff([]string{"金积镇人民政府2024年政府信息公开工作年度报告", "上桥镇人民政府2024年政府信息公开工作年度报告"}, titles); diff != "" {
		t.Errorf("titles (-want +got):\n%s", diff)
	}
	if len(c.Tables) != 6 {
		t.Errorf("%d tables, want 6", len(c.Tables))
	}
}

func TestAnnualDOCXNoUnits(t *testing.T) {
	c := readDOCX(t, &annual.File{Format: annual.FormatV1, Year: 2024, Layout: annual.Format2021})
	if len(c.Paragraphs) != 0 || len(c.Tables) != 0 {
		t.Errorf("a report of no units has %d paragraphs and %d tables", len(c.Paragraphs), len(c.Tables))
	}
}
