// Command hostilexlsx writes the hostile .xlsx submissions of issue 15 into a
// folder, for scripts/hostile.sh (generated there, never committed):
//
//   - 超长单元格.xlsx: a small file whose one 公文台账 cell holds 300 MB;
//   - 合并百万行.xlsx: one bad row merged down to row 1,000,000 in 16 columns;
//   - 百万坏行.xlsx: a million rows of bad dates.
//
// Each is the sample district's 金积镇.xlsx with the unit renamed (in the
// shared strings) and its 公文台账 sheet replaced by a streamed one, so that
// nothing of its size is ever held in memory here either.
//
// Usage: go run ./samples/gen/hostilexlsx [-samples samples/district] FOLDER
package main

import (
	"archive/zip"
	"compress/flate"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path"
	"path/filepath"
	"strings"
)

func main() {
	samples := flag.String("samples", "samples/district", "the sample district (its 金积镇.xlsx is the base)")
	flag.Parse()
	if flag.NArg() != 1 {
		log.Fatal("usage: hostilexlsx [-samples DIR] FOLDER")
	}
	out := flag.Arg(0)
	base := filepath.Join(*samples, "金积镇.xlsx")
	cases := []struct {
		file, unit string
		sheet      func(w io.Writer) error
	}{
		{"超长单元格.xlsx", "超长镇", longCell},
		{"合并百万行.xlsx", "合并镇", mergedDown},
		{"百万坏行.xlsx", "坏行镇", badRows},
	}
	for _, c := range cases {
		if err := write(base, filepath.Join(out, c.file), c.unit, c.sheet); err != nil {
			log.Fatalf("%s: %v", c.file, err)
		}
	}
}

const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
	`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
	`<row r="1"><c r="A1" t="inlineStr"><is><t>文号</t></is></c><c r="B1" t="inlineStr"><is><t>标题</t></is></c>` +
	`<c r="C1" t="inlineStr"><is><t>印发日期</t></is></c><c r="D1" t="inlineStr"><is><t>公开属性</t></is></c>` +
	`<c r="E1" t="inlineStr"><is><t>公开日期</t></is></c></row>`

func row(w io.Writer, r int) {
	fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>坏发〔2017〕%d号</t></is></c>`+
		`<c r="B%d" t="inlineStr"><is><t>关于%d的通知</t></is></c><c r="C%d" t="inlineStr"><is><t>2017-13-45</t></is></c>`+
		`<c r="D%d" t="inlineStr"><is><t>主动公开</t></is></c><c r="E%d" t="inlineStr"><is><t>不详</t></is></c></row>`,
		r, r, r, r, r, r, r, r)
}

// longCell: one row whose 标题 is 300 MB.
func longCell(w io.Writer) error {
	io.WriteString(w, head+`<row r="2"><c r="A2" t="inlineStr"><is><t>坏发〔2017〕1号</t></is></c><c r="B2" t="inlineStr"><is><t>`)
	chunk := strings.Repeat("x", 1<<20)
	for range 300 {
		if _, err := io.WriteString(w, chunk); err != nil {
			return err
		}
	}
	_, err := io.WriteString(w, `</t></is></c></row></sheetData></worksheet>`)
	return err
}

// mergedDown: one bad row merged down to row 1,000,000 in 16 columns.
func mergedDown(w io.Writer) error {
	io.WriteString(w, head)
	row(w, 2)
	io.WriteString(w, `</sheetData><mergeCells count="16">`)
	for c := range 16 {
		col := string(rune('A' + c))
		fmt.Fprintf(w, `<mergeCell ref="%s2:%s1000000"/>`, col, col)
	}
	_, err := io.WriteString(w, `</mergeCells></worksheet>`)
	return err
}

// badRows: a million rows of bad dates.
func badRows(w io.Writer) error {
	io.WriteString(w, head)
	for r := 2; r <= 1_000_001; r++ {
		row(w, r)
	}
	_, err := io.WriteString(w, `</sheetData></worksheet>`)
	return err
}

// write copies base to name with the unit renamed and the 公文台账 sheet
// written by sheet.
func write(base, name, unit string, sheet func(io.Writer) error) error {
	zr, err := zip.OpenReader(base)
	if err != nil {
		return err
	}
	defer zr.Close()
	target, err := docSheet(&zr.Reader)
	if err != nil {
		return err
	}
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	defer f.Close()
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, e := range zr.File {
		w, err := zw.Create(e.Name)
		if err != nil {
			return err
		}
		switch e.Name {
		case target:
			err = sheet(w)
		case "xl/sharedStrings.xml":
			var b []byte
			if b, err = read(e); err == nil {
				_, err = io.WriteString(w, strings.ReplaceAll(string(b), "金积镇", unit))
			}
		default:
			var rc io.ReadCloser
			if rc, err = e.Open(); err == nil {
				_, err = io.Copy(w, rc)
				rc.Close()
			}
		}
		if err != nil {
			return err
		}
	}
	return zw.Close()
}

func read(e *zip.File) ([]byte, error) {
	rc, err := e.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// docSheet is the part of the sheet named 公文台账.
func docSheet(zr *zip.Reader) (string, error) {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	for _, p := range []struct {
		name string
		v    any
	}{{"xl/workbook.xml", &wb}, {"xl/_rels/workbook.xml.rels", &rels}} {
		e, err := zr.Open(p.name)
		if err != nil {
			return "", err
		}
		err = xml.NewDecoder(e).Decode(p.v)
		e.Close()
		if err != nil {
			return "", err
		}
	}
	for _, s := range wb.Sheets {
		if s.Name != "公文台账" {
			continue
		}
		for _, r := range rels.Rels {
			if r.ID == s.ID {
				return path.Join("xl", strings.TrimPrefix(r.Target, "/xl/")), nil
			}
		}
	}
	return "", fmt.Errorf("no 公文台账 sheet")
}
