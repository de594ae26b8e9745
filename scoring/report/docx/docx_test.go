package docx

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func sample(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	d := New(&b, "测试 & <文档>")
	d.Title("关于2017年度政务公开工作考核结果的通报")
	d.Heading1("一、总体情况")
	d.Heading2("（一）主动公开")
	d.Text(Marked("本报告电子版可在【待填写】（网站名称及网址）查阅。如有疑问请联系【待填写】。", "【待填写】")...)
	d.Text(T("控制\x1b字符\u202e与<尖括号>&\n换行"))
	d.Table(Table{Widths: []int{2, 1, 1}, Head: 1, Rows: [][]Cell{
		{C("项目", Center), {Runs: []Run{T("数量")}, Span: 2, Align: Center}},
		{{Runs: []Run{T("合并")}, Merge: Start}, C("1", Center), C("2", Center)},
		{{Merge: Continue}, C("3", Center), {Runs: []Run{{Text: "【待填写】", Mark: true}}}},
	}})
	d.Note("zwgk-checks", "校验结果（发布前删除）")
	d.NoteText(T("（a）通过"))
	d.Table(Table{Widths: []int{1}, Rows: [][]Cell{{C("x", Left)}}})
	d.EndNote()
	d.Para(StyleRight, Right, T("2018年1月1日"))
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteReadBack(t *testing.T) {
	data := sample(t)
	if err := Check(data); err != nil {
		t.Fatalf("Check: %v", err)
	}
	c, err := Read(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"关于2017年度政务公开工作考核结果的通报", "一、总体情况", "（一）主动公开",
		"本报告电子版可在【待填写】（网站名称及网址）查阅。如有疑问请联系【待填写】。",
		`控制\x1b字符\u202e与<尖括号>&` + "\n换行",
		"（a）通过", "2018年1月1日",
	}
	var got []string
	for _, p := range c.Paragraphs {
		if p.Text != "" {
			got = append(got, p.Text)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("paragraphs (-want +got):\n%s", diff)
	}
	p := c.Paragraphs[3]
	if diff := cmp.Diff([]string{"【待填写】（网站名称及网址）", "【待填写】"}, p.Marked); diff != "" {
		t.Errorf("marked (-want +got):\n%s", diff)
	}
	if c.Paragraphs[0].Style != StyleTitle || c.Paragraphs[1].Style != StyleHeading1 {
		t.Errorf("styles of the title and heading: %q %q", c.Paragraphs[0].Style, c.Paragraphs[1].Style)
	}
	for _, p := range c.Paragraphs {
		if p.Text != "" && (p.Text == "（a）通过") != (p.Note == "zwgk-checks") {
			t.Errorf("paragraph %q: note %q", p.Text, p.Note)
		}
	}
	if len(c.Tables) != 2 {
		t.Fatalf("%d tables, want 2", len(c.Tables))
	}
	tb := c.Tables[0]
	if diff := cmp.Diff([][]string{{"项目", "数量"}, {"合并", "1", "2"}, {"", "3", "【待填写】"}}, tb.Rows); diff != "" {
		t.Errorf("table (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([][]int{{1, 2}, {1, 1, 1}, {1, 1, 1}}, tb.Spans); diff != "" {
		t.Errorf("spans (-want +got):\n%s", diff)
	}
	sum := 0
	for _, w := range tb.Widths {
		sum += w
	}
	if sum != TextWidth || tb.Head != 1 || tb.Note != "" || c.Tables[1].Note != "zwgk-checks" {
		t.Errorf("table widths %v (sum %d, want %d), head %d, notes %q %q", tb.Widths, sum, TextWidth, tb.Head, tb.Note, c.Tables[1].Note)
	}
	// A4, margins 37/35/28/26 mm.
	if diff := cmp.Diff(Page{Width: 11906, Height: 16838, Top: 2098, Bottom: 1984, Left: 1587, Right: 1474}, c.Page); diff != "" {
		t.Errorf("page (-want +got):\n%s", diff)
	}
	for id, want := range map[string]StyleInfo{
		StyleNormal:    {EastAsia: "仿宋_GB2312", ASCII: "Times New Roman", Size: 32},
		StyleTitle:     {EastAsia: "方正小标宋简体", ASCII: "Times New Roman", Size: 44, BasedOn: StyleNormal},
		StyleHeading1:  {EastAsia: "黑体", ASCII: "Times New Roman", Size: 32, BasedOn: StyleNormal},
		StyleHeading2:  {EastAsia: "楷体_GB2312", ASCII: "Times New Roman", Size: 32, BasedOn: StyleNormal},
		StyleTableText: {EastAsia: "仿宋_GB2312", ASCII: "Times New Roman", Size: 21, BasedOn: StyleNormal},
	} {
		if diff := cmp.Diff(want, c.Styles[id]); diff != "" {
			t.Errorf("style %s (-want +got):\n%s", id, diff)
		}
	}
}

func TestDeterministic(t *testing.T) {
	if !bytes.Equal(sample(t), sample(t)) {
		t.Error("the same document made different bytes")
	}
}

func TestFontFallbacks(t *testing.T) {
	z, err := zip.NewReader(bytes.NewReader(sample(t)), int64(len(sample(t))))
	if err != nil {
		t.Fatal(err)
	}
	b, err := readPart(z, "word/fontTable.xml")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"/><w:charset w:val="86"/>`,
		`<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>`,
		`<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("fontTable.xml lacks %s", want)
		}
	}
}

// TestPageNumbers: 「— N —」 at the right of odd pages and the left of even
// ones (GB/T 9704 7.5).
func TestPageNumbers(t *testing.T) {
	data := sample(t)
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for part, want := range map[string][]string{
		"word/settings.xml":            {`<w:evenAndOddHeaders/>`},
		"word/document.xml":            {`<w:footerReference w:type="even" r:id="rId5"/><w:footerReference w:type="default" r:id="rId4"/>`},
		"word/footer1.xml":             {`<w:jc w:val="right"/>`, `<w:t xml:space="preserve">— </w:t>`, ` PAGE `},
		"word/footer2.xml":             {`<w:jc w:val="left"/>`, ` PAGE `},
		"word/_rels/document.xml.rels": {`Target="footer1.xml"`, `Target="footer2.xml"`},
	} {
		b, err := readPart(z, part)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if !strings.Contains(string(b), w) {
				t.Errorf("%s lacks %s", part, w)
			}
		}
	}
}

func TestRefusesBadTables(t *testing.T) {
	d := New(&bytes.Buffer{}, "x")
	d.Table(Table{Widths: []int{1, 1}, Rows: [][]Cell{{C("a", Left)}}})
	if err := d.Close(); err == nil || !strings.Contains(err.Error(), "covers 1 of 2") {
		t.Errorf("a short row: %v", err)
	}
	d = New(&bytes.Buffer{}, "x")
	d.Note("a", "b")
	if err := d.Close(); err == nil {
		t.Error("an unclosed note was written")
	}
}

func TestCheckFindsProblems(t *testing.T) {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	for name, body := range map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="x"/><Override PartName="/word/gone.xml" ContentType="y"/></Types>`,
		"_rels/.rels":         `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="t" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<w:document><w:body></w:document>`,
	} {
		f, _ := z.Create(name)
		f.Write([]byte(body))
	}
	z.Close()
	err := Check(b.Bytes())
	if err == nil {
		t.Fatal("no problems found")
	}
	for _, want := range []string{"word/document.xml: XML syntax error", "/word/gone.xml, which is not in the package", "/word/document.xml has no content type"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("Check: %v\nwant %q", err, want)
		}
	}
}
