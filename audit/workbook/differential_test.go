package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/xuri/excelize/v2"
	"github.com/zwgk/zwgk/samples/gen/synth"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// The differential tests of issue 21: the sheet reader yields, cell for
// cell, what excelize's Rows/Columns yield with raw values, on every
// workbook the tests write (writeXLSX checks each), the sample district, a
// generated province in both string layouts, LibreOffice-saved fixtures and
// hand-built edge cases; FuzzSheetDifferential compares them on mutated
// sheets.

// sheetValues is every sheet's rows.
type sheetValues map[string][][]string

// excelizeValues reads a workbook with excelize's Rows iterator.
func excelizeValues(t testing.TB, p string) sheetValues {
	t.Helper()
	v, err := excelizeValuesErr(p)
	if err != nil {
		t.Fatalf("excelize: %v", err)
	}
	return v
}

func excelizeValuesErr(p string) (sheetValues, error) {
	f, err := excelize.OpenFile(p, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := sheetValues{}
	for _, s := range f.GetSheetList() {
		rows, err := f.Rows(s)
		if err != nil {
			return nil, err
		}
		var got [][]string
		for rows.Next() {
			cells, err := rows.Columns()
			if err != nil {
				rows.Close()
				return nil, err
			}
			got = append(got, cells)
		}
		rows.Close()
		out[s] = got
	}
	return out, nil
}

// ourValues reads a workbook with ScanXLSX.
func ourValues(p string) (sheetValues, error) {
	out := sheetValues{}
	err := ScanXLSX(p, Options{}, func(s string, line int, cells []string) error {
		out[s] = append(out[s], append([]string(nil), cells...))
		return nil
	})
	return out, err
}

// sameAsExcelize fails the test when the two readers differ on a workbook.
func sameAsExcelize(t testing.TB, p string) {
	t.Helper()
	got, err := ourValues(p)
	if err != nil {
		t.Fatalf("ScanXLSX %s: %v", p, err)
	}
	want := excelizeValues(t, p)
	// excelize lists sheets without rows as absent from our map too: add them.
	for s := range want {
		if _, ok := got[s]; !ok {
			got[s] = nil
		}
	}
	if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("%s: values differ from excelize's (-excelize +ours):\n%s", filepath.Base(p), diff)
	}
}

func TestDifferentialSamples(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "samples", "district", "*.xlsx"))
	lo, _ := filepath.Glob(filepath.Join("testdata", "libreoffice", "*.xlsx"))
	files = append(files, lo...)
	if len(files) < 5 || len(lo) == 0 {
		t.Fatalf("found %d sample workbooks and %d LibreOffice fixtures", len(files), len(lo))
	}
	for _, p := range files {
		t.Run(filepath.Base(p), func(t *testing.T) { sameAsExcelize(t, p) })
	}
}

func TestDifferentialGenerated(t *testing.T) {
	for _, sst := range []bool{false, true} {
		dir := t.TempDir()
		if _, err := synth.Generate(dir, synth.Config{Units: 3, Docs: 40, Seed: 7, Jobs: 1, SharedStrings: sst}); err != nil {
			t.Fatal(err)
		}
		files, err := synth.Workbooks(dir)
		if err != nil || len(files) == 0 {
			t.Fatalf("generated %d workbooks: %v", len(files), err)
		}
		for _, p := range files {
			sameAsExcelize(t, p)
		}
	}
}

const mainNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`

// rawWorkbook writes a workbook of one sheet named 公文台账 from the XML of
// its worksheet and shared strings ("" for none) parts.
func rawWorkbook(t testing.TB, sheetXML, sstXML []byte, wbPr string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "raw.xlsx")
	if err := os.WriteFile(p, rawWorkbookBytes(sheetXML, sstXML, wbPr), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func rawWorkbookBytes(sheetXML, sstXML []byte, wbPr string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, b []byte) {
		w, _ := zw.Create(name)
		w.Write(b)
	}
	ct := `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
	if sstXML != nil {
		ct += `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
	}
	add("[Content_Types].xml", []byte(ct+`</Types>`))
	add("_rels/.rels", []byte(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`))
	add("xl/workbook.xml", []byte(`<?xml version="1.0" encoding="UTF-8"?><workbook `+mainNS+` xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`+wbPr+`<sheets><sheet name="公文台账" sheetId="1" r:id="rId1"/></sheets></workbook>`))
	rels := `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	if sstXML != nil {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
	}
	add("xl/_rels/workbook.xml.rels", []byte(rels+`</Relationships>`))
	add("xl/worksheets/sheet1.xml", sheetXML)
	if sstXML != nil {
		add("xl/sharedStrings.xml", sstXML)
	}
	zw.Close()
	return buf.Bytes()
}

func worksheet(body string) []byte {
	return []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<worksheet ` + mainNS + `><sheetData>` + body + `</sheetData></worksheet>`)
}

const edgeSST = `<?xml version="1.0" encoding="UTF-8"?><sst ` + mainNS + ` count="5" uniqueCount="5">` +
	`<si><t>甲</t></si>` +
	`<si><r><t>乙</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 丙 </t></r><rPh sb="0" eb="1"><t>yi</t></rPh><phoneticPr fontId="1"/></si>` +
	`<si><t>a_x000D_b_x005F_x0041_c_xD800_d_x4e2d_</t></si>` +
	`<si><t><![CDATA[<x>&amp;]]> &amp; &#x4E2D;</t></si>` +
	`<si><t/></si>` +
	`</sst>`

// edgeSheets are the hand-built cases: name → worksheet XML.
func edgeSheets() map[string][]byte {
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(`<?xml version="1.0" encoding="GB2312"?>` + "\n" +
		`<worksheet ` + mainNS + `><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="str"><v>印发日期</v></c></row></sheetData></worksheet>`)
	return map[string][]byte{
		"shared, rich, phonetic, escapes": worksheet(`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v> 2 </v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v></v></c></row>`),
		"inline, entities, CDATA": worksheet(`<row r="1"><c r="A1" t="inlineStr"><is><t>x&amp;y&lt;z&#x4E2D;&#20013;</t></is></c>` +
			`<c r="B1" t="inlineStr"><is><r><t>p</t></r><r><rPr/><t>q</t></r><rPh><t>no</t></rPh></is></c>` +
			`<c r="C1"><v><![CDATA[12]]>3</v></c><c r="D1" t="inlineStr"><is><t>_x0041_b</t></is></c>` +
			`<c r="E1" t="str"><v>a` + "\r\n" + `b` + "\r" + `c</v></c><c r="F1" t="inlineStr"><v>ignored?</v></c></row>`),
		"types and formulas": worksheet(`<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="e"><v>#DIV/0!</v></c><c r="C1" t="d"><v>2024-01-02T00:00:00Z</v></c>` +
			`<c r="D1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="E1"><f>1+1</f></c><c r="F1" t="n"><f>A1</f><v></v></c><c r="H1" s="3"/></row>` +
			`<row r="2"><c r="A2"><f>X</f></c></row>`),
		"no r, backwards, gaps": worksheet(`<row><c><v>1</v></c><c><v>2</v></c></row><row><c r="C2"><v>3</v></c><c><v>4</v></c></row>` +
			`<row r="5"><c r="B5"><v>5</v></c><c r="A5"><v>6</v></c></row><row r="3"><c r="A3"><v>7</v></c></row><row><c><v>8</v></c></row>` +
			`<row r="9" spans="1:3"><c r="A9" s="x"><v>9</v></c><c r="B9" s="1"><v>10</v></c></row><row r="10"/><row r="12"><c r="A12"><v> </v></c></row>`),
		"strict namespace": []byte(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"><dimension ref="A1:B1"/><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row></sheetData></worksheet>`),
		"prefixed":         []byte(`<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>p</x:t></x:is></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`),
		"GB2312 declared":  []byte(gbk),
		"merged, comments": []byte(`<?xml version="1.0"?><worksheet ` + mainNS + `><dimension ref="A1:B3"/><!-- c --><sheetData><row r="1"><c r="A1"><v>1</v></c></row><?pi x?><row r="3"><c r="B3" t="inlineStr"><is><t xml:space="preserve">  </t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="A1:A3"/></mergeCells></worksheet>` + "\n"),
	}
}

func TestDifferentialEdgeCases(t *testing.T) {
	for name, sheetXML := range edgeSheets() {
		t.Run(name, func(t *testing.T) {
			sameAsExcelize(t, rawWorkbook(t, sheetXML, []byte(edgeSST), ""))
		})
	}
	// The GB2312 sheet decodes to the characters written.
	got, err := ourValues(rawWorkbook(t, edgeSheets()["GB2312 declared"], nil, ""))
	if err != nil || len(got["公文台账"]) != 1 || got["公文台账"][0][0] != "标题" {
		t.Errorf("GB2312 sheet read as %q, %v", got, err)
	}
}

// Dates in the 1904 system are told by the workbook part.
func TestDate1904(t *testing.T) {
	for _, tc := range []struct {
		pr   string
		want bool
	}{{"", false}, {`<workbookPr date1904="1"/>`, true}, {`<workbookPr date1904="true"/>`, true}, {`<workbookPr date1904="0"/>`, false}} {
		p := rawWorkbook(t, worksheet(""), nil, tc.pr)
		zi, err := inspectZip(p, DefaultUnzipSizeLimit)
		if err != nil {
			t.Fatal(err)
		}
		if zi.date1904 != tc.want {
			t.Errorf("%s: date1904 = %v, want %v", tc.pr, zi.date1904, tc.want)
		}
		zi.Close()
	}
}

// wellFormed reports whether encoding/xml reads the whole part without an
// error (excelize stops silently at the first one).
func wellFormed(b []byte) bool {
	d := xml.NewDecoder(bytes.NewReader(b))
	for {
		_, err := d.Token()
		if err == io.EOF {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// FuzzSheetDifferential mutates a sheet: our reader never panics or hangs,
// and on every sheet encoding/xml reads whole and we accept, it yields what
// excelize yields.
func FuzzSheetDifferential(f *testing.F) {
	for _, b := range edgeSheets() {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, sheetXML []byte) {
		if len(sheetXML) > 1<<16 {
			return
		}
		p := rawWorkbook(t, sheetXML, []byte(edgeSST), "")
		got, err := ourValues(p)
		if err != nil {
			var ue *UnreadableError
			if !errors.As(err, &ue) {
				t.Fatalf("error %v is not an *UnreadableError", err)
			}
			return
		}
		if !wellFormed(sheetXML) || !utf8Declared(sheetXML) {
			return
		}
		want, err := excelizeValuesErr(p)
		if err != nil {
			return // excelize refuses it; we read it: not a difference of values
		}
		for s := range want {
			if _, ok := got[s]; !ok {
				got[s] = nil
			}
		}
		if diff := cmp.Diff(want, got, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("values differ from excelize's (-excelize +ours):\n%s", diff)
		}
	})
}

// utf8Declared reports whether a part declares no encoding other than UTF-8.
func utf8Declared(b []byte) bool {
	i := bytes.Index(b, []byte("?>"))
	if !bytes.HasPrefix(b, []byte("<?xml")) || i < 0 {
		return true
	}
	decl := strings.ToLower(string(b[:i]))
	return !strings.Contains(decl, "encoding") || strings.Contains(decl, "utf-8")
}
