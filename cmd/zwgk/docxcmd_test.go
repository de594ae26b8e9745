package main

// Word documents in tests: docxDump writes a document as text (its
// paragraphs with their styles, the notes they are in and the highlighted
// runs; its tables row by row with spans; the page and the styles' fonts)
// for golden files, and the script command
//
//	docx FILE
//
// prints that dump, after checking the package (docx.Check), so scripts can
// grep what a document says.

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/zwgk/zwgk/scoring/report/docx"
)

func docxText(data []byte) (string, error) {
	if err := docx.Check(data); err != nil {
		return "", err
	}
	c, err := docx.Read(data)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	p := c.Page
	fmt.Fprintf(&b, "page %dx%d margins top %d bottom %d left %d right %d\n", p.Width, p.Height, p.Top, p.Bottom, p.Left, p.Right)
	var ids []string
	for id := range c.Styles {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		s := c.Styles[id]
		fmt.Fprintf(&b, "style %s: %s/%s %d\n", id, s.EastAsia, s.ASCII, s.Size)
	}
	for _, p := range c.Paragraphs {
		if p.Text == "" {
			continue
		}
		fmt.Fprintf(&b, "[%s", p.Style)
		if p.Note != "" {
			fmt.Fprintf(&b, " note=%s", p.Note)
		}
		b.WriteString("] " + p.Text + "\n")
		for _, m := range p.Marked {
			b.WriteString("    marked: " + m + "\n")
		}
	}
	for i, t := range c.Tables {
		fmt.Fprintf(&b, "table %d: widths %v, %d heading rows", i+1, t.Widths, t.Head)
		if t.Note != "" {
			fmt.Fprintf(&b, ", note=%s", t.Note)
		}
		b.WriteString("\n")
		for r, row := range t.Rows {
			cells := make([]string, len(row))
			for j, c := range row {
				cells[j] = c
				if s := t.Spans[r][j]; s > 1 {
					cells[j] += fmt.Sprintf("{%d}", s)
				}
			}
			b.WriteString("  | " + strings.Join(cells, " | ") + " |\n")
		}
	}
	return b.String(), nil
}

func docxDump(t testing.TB, data []byte) string {
	t.Helper()
	s, err := docxText(data)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// cmdDOCX prints a Word document as text.
func cmdDOCX(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: docx FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	s, err := docxText(data)
	if err != nil {
		ts.Fatalf("%s: %v", args[0], err)
	}
	fmt.Fprint(ts.Stdout(), s)
}
