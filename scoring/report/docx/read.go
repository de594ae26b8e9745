package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
)

// Content is what Read finds in a document.
type Content struct {
	// Paragraphs are the body's paragraphs outside tables, in order.
	Paragraphs []Paragraph
	Tables     []TableText
	// Page is the page size and margins of the (last) section, in twips.
	Page Page
	// Styles are the paragraph styles by id.
	Styles map[string]StyleInfo
}

// Paragraph is a paragraph read back.
type Paragraph struct {
	Style string
	Text  string
	// Marked are the texts of its highlighted runs.
	Marked []string
	// Note is the tag of the note it is in, "" outside notes.
	Note string
}

// TableText is a table read back: each row's cells' text, a merged cell
// once (a cell continuing a vertical merge reads "").
type TableText struct {
	Rows [][]string
	// Spans are the rows' cells' grid spans.
	Spans [][]int
	// Widths are the grid columns' widths in twips.
	Widths []int
	// Head is the number of rows repeated as headings.
	Head int
	Note string
}

// Page is a section's page size and margins, in twips.
type Page struct {
	Width, Height            int
	Top, Bottom, Left, Right int
}

// StyleInfo is what a style sets of a run's font.
type StyleInfo struct {
	EastAsia, ASCII string
	Size            int // half-points
	BasedOn         string
}

// Texts returns the paragraphs' texts.
func (c *Content) Texts() []string {
	out := make([]string, len(c.Paragraphs))
	for i, p := range c.Paragraphs {
		out[i] = p.Text
	}
	return out
}

// Read reads a document written by New … Close (or any simple .docx) back.
func Read(data []byte) (*Content, error) {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	doc, err := readPart(z, "word/document.xml")
	if err != nil {
		return nil, err
	}
	c := &Content{Styles: map[string]StyleInfo{}}
	if err := c.readBody(doc); err != nil {
		return nil, fmt.Errorf("word/document.xml: %w", err)
	}
	if st, err := readPart(z, "word/styles.xml"); err == nil {
		if err := c.readStyles(st); err != nil {
			return nil, fmt.Errorf("word/styles.xml: %w", err)
		}
	}
	return c, nil
}

func readPart(z *zip.Reader, name string) ([]byte, error) {
	f, err := z.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func attrOf(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func (c *Content) readBody(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var (
		note                      string
		inRun, marked, inText     bool
		para                      *Paragraph
		text                      strings.Builder
		run                       strings.Builder
		table                     *TableText
		row                       []string
		spans                     []int
		cellText                  []string
		inCell, header, continues bool
		span                      int
	)
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "tag":
				note = attrOf(t, "val")
			case "tbl":
				table = &TableText{Note: note}
			case "gridCol":
				if table != nil {
					table.Widths = append(table.Widths, atoi(attrOf(t, "w")))
				}
			case "tr":
				row, spans, header = nil, nil, false
			case "tblHeader":
				header = true
			case "tc":
				inCell, cellText, span, continues = true, nil, 1, false
			case "gridSpan":
				span = atoi(attrOf(t, "val"))
			case "vMerge":
				continues = attrOf(t, "val") != "restart"
			case "p":
				para = &Paragraph{Note: note}
				text.Reset()
			case "pStyle":
				if para != nil {
					para.Style = attrOf(t, "val")
				}
			case "r":
				inRun, marked = true, false
				run.Reset()
			case "highlight":
				marked = inRun
			case "t":
				inText = true
			case "tab":
				if inRun {
					run.WriteString("\t")
				}
			case "br":
				if inRun && attrOf(t, "type") != "page" {
					run.WriteString("\n")
				}
			case "pgSz":
				c.Page.Width, c.Page.Height = atoi(attrOf(t, "w")), atoi(attrOf(t, "h"))
			case "pgMar":
				c.Page.Top, c.Page.Bottom = atoi(attrOf(t, "top")), atoi(attrOf(t, "bottom"))
				c.Page.Left, c.Page.Right = atoi(attrOf(t, "left")), atoi(attrOf(t, "right"))
			}
		case xml.CharData:
			if inText {
				run.Write(t)
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "sdt":
				note = ""
			case "t":
				inText = false
			case "r":
				inRun = false
				text.WriteString(run.String())
				if marked && para != nil && run.Len() > 0 {
					para.Marked = append(para.Marked, run.String())
				}
			case "p":
				if para == nil {
					break
				}
				para.Text = text.String()
				if inCell {
					cellText = append(cellText, para.Text)
				} else if table == nil {
					c.Paragraphs = append(c.Paragraphs, *para)
				}
				para = nil
			case "tc":
				inCell = false
				s := strings.Join(cellText, "\n")
				if continues {
					s = ""
				}
				row, spans = append(row, s), append(spans, span)
			case "tr":
				if table != nil {
					table.Rows, table.Spans = append(table.Rows, row), append(table.Spans, spans)
					if header {
						table.Head++
					}
				}
			case "tbl":
				if table != nil {
					c.Tables = append(c.Tables, *table)
				}
				table = nil
			}
		}
	}
}

func (c *Content) readStyles(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	var id string
	var cur StyleInfo
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id, cur = attrOf(t, "styleId"), StyleInfo{}
			case "basedOn":
				cur.BasedOn = attrOf(t, "val")
			case "rFonts":
				cur.EastAsia, cur.ASCII = attrOf(t, "eastAsia"), attrOf(t, "ascii")
			case "sz":
				cur.Size = atoi(attrOf(t, "val"))
			}
		case xml.EndElement:
			if t.Name.Local == "style" && id != "" {
				c.Styles[id] = cur
				id = ""
			}
		}
	}
}

// Check checks a .docx package: every part is well-formed XML, every part
// has a content type ([Content_Types].xml: an Override or a Default for its
// extension), every Override names a part that exists, and every internal
// relationship of the package and of the main document points to a part
// that exists. It returns every problem found, joined.
func Check(data []byte) error {
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return err
	}
	parts := map[string]bool{}
	var errs []error
	for _, f := range z.File {
		parts["/"+f.Name] = true
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			continue
		}
		b, err := readPart(z, f.Name)
		if err == nil {
			err = wellFormed(b)
		}
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", f.Name, err))
		}
	}
	ct, err := readPart(z, "[Content_Types].xml")
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	var types struct {
		Defaults []struct {
			Ext string `xml:"Extension,attr"`
		} `xml:"Default"`
		Overrides []struct {
			Part string `xml:"PartName,attr"`
			Type string `xml:"ContentType,attr"`
		} `xml:"Override"`
	}
	if err := xml.Unmarshal(ct, &types); err != nil {
		return errors.Join(append(errs, fmt.Errorf("[Content_Types].xml: %w", err))...)
	}
	typed := map[string]bool{}
	for _, o := range types.Overrides {
		typed[o.Part] = true
		if !parts[o.Part] {
			errs = append(errs, fmt.Errorf("[Content_Types].xml: override for %s, which is not in the package", o.Part))
		}
	}
	exts := map[string]bool{}
	for _, d := range types.Defaults {
		exts[strings.ToLower(d.Ext)] = true
	}
	for p := range parts {
		if p == "/[Content_Types].xml" || typed[p] || exts[strings.ToLower(strings.TrimPrefix(path.Ext(p), "."))] {
			continue
		}
		errs = append(errs, fmt.Errorf("%s has no content type", p))
	}
	if !typed["/word/document.xml"] {
		errs = append(errs, fmt.Errorf("[Content_Types].xml: no override for /word/document.xml"))
	}
	for _, rels := range []struct{ part, base string }{{"_rels/.rels", "/"}, {"word/_rels/document.xml.rels", "/word/"}} {
		b, err := readPart(z, rels.part)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		var rs struct {
			Rels []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:"Target,attr"`
				Mode   string `xml:"TargetMode,attr"`
			} `xml:"Relationship"`
		}
		if err := xml.Unmarshal(b, &rs); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", rels.part, err))
			continue
		}
		for _, r := range rs.Rels {
			if r.Mode == "External" {
				continue
			}
			target := r.Target
			if !strings.HasPrefix(target, "/") {
				target = path.Join(rels.base, target)
			}
			if !parts[target] {
				errs = append(errs, fmt.Errorf("%s: relationship %s points to %s, which is not in the package", rels.part, r.ID, target))
			}
		}
	}
	return errors.Join(errs...)
}

func wellFormed(b []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}
