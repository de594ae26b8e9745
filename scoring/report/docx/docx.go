package docx

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/zwgk/zwgk/checklists/msg"
)

// Page geometry in twentieths of a point (twips): A4 and the margins of
// GB/T 9704-2012 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm).
const (
	PageWidth    = 11906
	PageHeight   = 16838
	MarginTop    = 2098
	MarginBottom = 1984
	MarginLeft   = 1587
	MarginRight  = 1474
	// TextWidth is the width of the text block, 156 mm: what a table spans.
	TextWidth = PageWidth - MarginLeft - MarginRight
)

// Fonts and sizes (half-points) of the styles.
const (
	TitleFont    = "方正小标宋简体"
	BodyFont     = "仿宋_GB2312"
	Heading1Font = "黑体"
	Heading2Font = "楷体_GB2312"
	PageNumFont  = "宋体"
	LatinFont    = "Times New Roman"

	TitleSize = 44 // 二号
	BodySize  = 32 // 三号
	TableSize = 21 // 五号
	NoteSize  = 28 // 四号
)

// Style ids written in styles.xml.
const (
	StyleNormal    = "Normal"
	StyleTitle     = "Title"
	StyleHeading1  = "Heading1"
	StyleHeading2  = "Heading2"
	StyleTableText = "TableText"
	StyleNote      = "Note"
	StyleRight     = "Signature"
	StyleFlush     = "Flush" // body text without the first-line indent (主送机关)
	StyleCaption   = "Caption"
)

// Run is a piece of text in one format.
type Run struct {
	Text string
	Bold bool
	// Mark highlights the run (yellow): a place a clerk must fill in.
	Mark bool
}

// T is a plain run.
func T(s string) Run { return Run{Text: s} }

// Marked splits s into runs, highlighting every occurrence of marker and
// the full-width parenthesis that directly follows it (「【待填写】（联系电话）」).
func Marked(s, marker string) []Run {
	var runs []Run
	for s != "" {
		i := strings.Index(s, marker)
		if i < 0 || marker == "" {
			runs = append(runs, Run{Text: s})
			break
		}
		if i > 0 {
			runs = append(runs, Run{Text: s[:i]})
		}
		n := len(marker)
		if rest := s[i+n:]; strings.HasPrefix(rest, "（") {
			if j := strings.Index(rest, "）"); j >= 0 {
				n += j + len("）")
			}
		}
		runs = append(runs, Run{Text: s[i : i+n], Mark: true})
		s = s[i+n:]
	}
	return runs
}

// Align is a paragraph's or cell's horizontal alignment.
type Align string

// Alignments.
const (
	Both   Align = "" // justified (the body's default)
	Left   Align = "left"
	Center Align = "center"
	Right  Align = "right"
)

// Cell is one cell of a table row.
type Cell struct {
	Runs  []Run
	Align Align
	// Span is the number of grid columns the cell covers (0 or 1: one).
	Span int
	// Merge joins the cell with the one above it: Start begins a
	// vertically merged cell, Continue extends it (its Runs are ignored).
	Merge Merge
	Bold  bool
}

// Merge is a cell's part in a vertical merge.
type Merge int

// Vertical merges.
const (
	NoMerge Merge = iota
	Start
	Continue
)

// C is a cell with text s, aligned a.
func C(s string, a Align) Cell { return Cell{Runs: []Run{{Text: s}}, Align: a} }

// Table is a table as wide as the text block.
type Table struct {
	// Widths are the grid columns' relative widths.
	Widths []int
	Rows   [][]Cell
	// Head is the number of heading rows, repeated on every page.
	Head int
}

// Document is a Word document being written to a .docx package. Its
// methods add blocks in order, streamed into the package's main part (a
// document of many units is not held in memory); Close ends it and writes
// the other parts. The first error is kept and returned by Close.
type Document struct {
	title string
	z     *zip.Writer
	body  *bufio.Writer
	note  bool
	err   error
}

// New begins a document written to w; title goes into its properties.
func New(w io.Writer, title string) *Document {
	d := &Document{title: title, z: zip.NewWriter(w)}
	var part io.Writer = io.Discard
	if f, err := d.z.CreateHeader(header("word/document.xml")); err != nil {
		d.err = err
	} else {
		part = f
	}
	d.body = bufio.NewWriterSize(part, 64<<10)
	d.body.WriteString(documentHead)
	return d
}

// header is a part's zip header. The time is fixed so the same document
// makes the same bytes.
func header(name string) *zip.FileHeader {
	return &zip.FileHeader{Name: name, Method: zip.Deflate, Modified: time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)}
}

// Title adds the document's title: 方正小标宋 二号, centred.
func (d *Document) Title(s string) { d.Para(StyleTitle, Center, T(s)) }

// Heading1 adds a first-level heading (「一、总体情况」): 黑体.
func (d *Document) Heading1(s string) { d.Para(StyleHeading1, Both, T(s)) }

// Heading2 adds a second-level heading (「（一）主动公开」): 楷体.
func (d *Document) Heading2(s string) { d.Para(StyleHeading2, Both, T(s)) }

// Text adds a body paragraph.
func (d *Document) Text(runs ...Run) { d.Para(StyleNormal, Both, runs...) }

// Caption adds a table caption: bold, centred, not indented.
func (d *Document) Caption(s string) { d.Para(StyleCaption, Center, Run{Text: s, Bold: true}) }

// Para adds a paragraph of style with alignment a.
func (d *Document) Para(style string, a Align, runs ...Run) {
	b := d.body
	b.WriteString("<w:p><w:pPr>")
	fmt.Fprintf(b, `<w:pStyle w:val="%s"/>`, style)
	if a != Both {
		fmt.Fprintf(b, `<w:jc w:val="%s"/>`, a)
	}
	b.WriteString("</w:pPr>")
	writeRuns(b, runs, false)
	b.WriteString("</w:p>")
}

// PageBreak starts a new page.
func (d *Document) PageBreak() {
	d.body.WriteString(`<w:p><w:pPr><w:pStyle w:val="Normal"/><w:spacing w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:br w:type="page"/></w:r></w:p>`)
}

// Note begins a removable note: what follows, up to EndNote, is inside a
// content control titled title (Word deletes it in one go) and shaded.
// Notes do not nest.
func (d *Document) Note(tag, title string) {
	if d.note {
		d.err = fmt.Errorf("docx: note %s inside a note", tag)
		return
	}
	d.note = true
	fmt.Fprintf(d.body, `<w:sdt><w:sdtPr><w:alias w:val="%s"/><w:tag w:val="%s"/></w:sdtPr><w:sdtContent>`, attr(title), attr(tag))
}

// EndNote ends the note Note began.
func (d *Document) EndNote() {
	if !d.note {
		d.err = fmt.Errorf("docx: EndNote without Note")
		return
	}
	d.note = false
	d.body.WriteString(`</w:sdtContent></w:sdt>`)
}

// NoteText adds a paragraph of a note: 四号, shaded.
func (d *Document) NoteText(runs ...Run) { d.Para(StyleNote, Left, runs...) }

// Table adds a table. Every row must cover the grid (spans included).
func (d *Document) Table(t Table) {
	if len(t.Widths) == 0 {
		d.err = fmt.Errorf("docx: a table without columns")
		return
	}
	for i, row := range t.Rows {
		n := 0
		for _, c := range row {
			n += max(c.Span, 1)
		}
		if n != len(t.Widths) {
			d.err = fmt.Errorf("docx: table row %d covers %d of %d columns", i+1, n, len(t.Widths))
			return
		}
	}
	widths := Widths(t.Widths)
	b := d.body
	fmt.Fprintf(b, `<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:jc w:val="center"/>`, TextWidth)
	b.WriteString(`<w:tblBorders>`)
	for _, s := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		fmt.Fprintf(b, `<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>`, s)
	}
	b.WriteString(`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="28" w:type="dxa"/><w:left w:w="57" w:type="dxa"/><w:bottom w:w="28" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	for i, row := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if i < t.Head {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		col := 0
		for _, c := range row {
			span := max(c.Span, 1)
			w := 0
			for _, x := range widths[col : col+span] {
				w += x
			}
			col += span
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			switch c.Merge {
			case Start:
				b.WriteString(`<w:vMerge w:val="restart"/>`)
			case Continue:
				b.WriteString(`<w:vMerge/>`)
			}
			b.WriteString(`<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/>`)
			a := c.Align
			if a == Both {
				a = Left
			}
			fmt.Fprintf(b, `<w:jc w:val="%s"/></w:pPr>`, a)
			if c.Merge != Continue {
				writeRuns(b, c.Runs, c.Bold)
			}
			b.WriteString(`</w:p></w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	// A table directly followed by another, or by the end of a cell or of
	// the document, needs a paragraph between; a small empty one.
	b.WriteString(`<w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr></w:p>`)
}

// Widths divides the text block's width among columns of relative widths
// ws; the last column takes what rounding leaves.
func Widths(ws []int) []int {
	total := 0
	for _, w := range ws {
		total += max(w, 1)
	}
	out := make([]int, len(ws))
	left := TextWidth
	for i, w := range ws {
		if i == len(ws)-1 {
			out[i] = left
			break
		}
		out[i] = TextWidth * max(w, 1) / total
		left -= out[i]
	}
	return out
}

func writeRuns(b *bufio.Writer, runs []Run, bold bool) {
	for _, r := range runs {
		if r.Text == "" {
			continue
		}
		b.WriteString("<w:r>")
		if r.Bold || bold || r.Mark {
			b.WriteString("<w:rPr>")
			if r.Bold || bold {
				b.WriteString("<w:b/><w:bCs/>")
			}
			if r.Mark {
				b.WriteString(`<w:highlight w:val="yellow"/>`)
			}
			b.WriteString("</w:rPr>")
		}
		for i, line := range strings.Split(clean(r.Text), "\n") {
			if i > 0 {
				b.WriteString("<w:br/>")
			}
			for j, part := range strings.Split(line, "\t") {
				if j > 0 {
					b.WriteString("<w:tab/>")
				}
				if part != "" {
					b.WriteString(`<w:t xml:space="preserve">`)
					xml.EscapeText(b, []byte(part))
					b.WriteString("</w:t>")
				}
			}
		}
		b.WriteString("</w:r>")
	}
}

// clean shows the characters XML cannot hold, and those that would steer a
// reader, escaped (msg.Escape); \r\n and \r become line breaks.
func clean(s string) string {
	s = strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
	s = msg.Escape(s)
	return strings.NewReplacer("\uFFFE", `\ufffe`, "\uFFFF", `\uffff`).Replace(s)
}

func attr(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(clean(s)))
	return strings.ReplaceAll(b.String(), "\n", "&#xA;")
}

// Close ends the document and writes the rest of the package; it returns
// the first error met while writing.
func (d *Document) Close() error {
	if d.err != nil {
		return d.err
	}
	if d.note {
		return fmt.Errorf("docx: a note without EndNote")
	}
	d.body.WriteString(documentTail)
	if err := d.body.Flush(); err != nil {
		return err
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes},
		{"_rels/.rels", packageRels},
		{"docProps/core.xml", fmt.Sprintf(coreXML, attr(d.title))},
		{"word/styles.xml", stylesXML},
		{"word/settings.xml", settingsXML},
		{"word/fontTable.xml", fontTableXML},
		{"word/footer1.xml", footerOdd},
		{"word/footer2.xml", footerEven},
		{"word/_rels/document.xml.rels", documentRels},
	}
	for _, p := range parts {
		f, err := d.z.CreateHeader(header(p.name))
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.body); err != nil {
			return err
		}
	}
	return d.z.Close()
}
