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
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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

// TestDOCXRendersInLibreOffice converts the bulletin and the yearly report
// of the sample district to PDF with LibreOffice, when it is installed with
// Writer, and reads the PDF's text back: the documents open, lay out, and
// say what they should. (Skipped with -short, or without LibreOffice
// Writer and pdftotext; to look at the pages, see docs/annual-report.md.)
func TestDOCXRendersInLibreOffice(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	lo, err := exec.LookPath("libreoffice")
	if err != nil {
		t.Skip("no libreoffice")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("no pdftotext")
	}
	samples, err := filepath.Abs(samplesDir)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bulletin, annualDoc := filepath.Join(dir, "bulletin.docx"), filepath.Join(dir, "annual.docx")
	if _, errb, code := zwgkRun(t, "audit", samples, "-o", bulletin); code != exitOK {
		t.Fatalf("audit: exit %d\n%s", code, errb)
	}
	if _, errb, code := zwgkRun(t, "annual-report", filepath.Join(samples, "district", "上桥镇.xlsx"), "--year", "2022", "-o", annualDoc); code != exitOK {
		t.Fatalf("annual-report: exit %d\n%s", code, errb)
	}
	// A guard against a LibreOffice that hangs, not a timed assertion.
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, lo, "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "lo")),
		"--convert-to", "pdf", "--outdir", dir, bulletin, annualDoc)
	out, err := cmd.CombinedOutput()
	if strings.Contains(string(out), "source file could not be loaded") && !strings.Contains(string(out), "bulletin.pdf") {
		t.Skipf("libreoffice cannot load .docx here (no Writer?):\n%s", out)
	}
	if err != nil {
		t.Fatalf("libreoffice: %v\n%s", err, out)
	}
	for pdf, want := range map[string][]string{
		"bulletin.pdf": {"关于2017年度政务公开工作考核结果的通报", "各乡镇人民政府，各部门：", "马莲渠乡", "— 1 —"},
		"annual.pdf":   {"上桥镇2022年政府信息公开工作年度报告", "本年制发件数", "法人或其他组织", "复议后起诉", "— 2 —"},
	} {
		txt, err := exec.Command("pdftotext", "-layout", filepath.Join(dir, pdf), "-").Output()
		if err != nil {
			t.Fatalf("pdftotext %s: %v (libreoffice said: %s)", pdf, err, out)
		}
		// pdftotext spaces Chinese, Latin and digits apart as it lays them out.
		flat := strings.Join(strings.Fields(string(txt)), "")
		for _, w := range want {
			if !strings.Contains(flat, strings.Join(strings.Fields(w), "")) {
				t.Errorf("%s lacks %q:\n%s", pdf, w, txt)
			}
		}
	}
}
