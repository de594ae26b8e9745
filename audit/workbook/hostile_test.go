package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// Hostile sheets (issue 15): each is refused, naming why, before the memory
// or the time is spent.

// streamWorkbook writes a one-sheet workbook whose sheet XML is written by
// body, deflated as it is written (nothing large is held or committed).
func streamWorkbook(t *testing.T, body func(w io.Writer), sstXML string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "hostile.xlsx")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	base, _ := zip.NewReader(bytes.NewReader(rawWorkbookBytes(worksheet(""), []byte(sstXML), "")), int64(len(rawWorkbookBytes(worksheet(""), []byte(sstXML), ""))))
	zw := zip.NewWriter(f)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, e := range base.File {
		w, err := zw.Create(e.Name)
		if err != nil {
			t.Fatal(err)
		}
		if e.Name == "xl/worksheets/sheet1.xml" {
			body(w)
			continue
		}
		rc, _ := e.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return p
}

const hostileHead = `<?xml version="1.0" encoding="UTF-8"?><worksheet ` + mainNS + `><sheetData>` +
	`<row r="1"><c r="A1" t="inlineStr"><is><t>标题</t></is></c><c r="B1" t="inlineStr"><is><t>印发日期</t></is></c><c r="C1" t="inlineStr"><is><t>公开属性</t></is></c></row>`

func readHostile(t *testing.T, p string) (*UnreadableError, uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Read(p, Options{})
	runtime.ReadMemStats(&after)
	var ue *UnreadableError
	if !errors.As(err, &ue) {
		t.Fatalf("Read error = %v, want an *UnreadableError", err)
	}
	return ue, after.TotalAlloc - before.TotalAlloc
}

// A 200 MB cell in a small file is refused after about a megabyte.
func TestHostileLongCell(t *testing.T) {
	for _, kind := range []string{"inline", "value", "runs"} {
		t.Run(kind, func(t *testing.T) {
			p := streamWorkbook(t, func(w io.Writer) {
				io.WriteString(w, hostileHead+`<row r="2"><c r="B2" t="inlineStr"><is>`)
				chunk := strings.Repeat("长", 1<<16)
				switch kind {
				case "inline":
					io.WriteString(w, "<t>")
					for range 1000 {
						io.WriteString(w, chunk)
					}
					io.WriteString(w, "</t>")
				case "value":
					io.WriteString(w, "<t/></is><v>")
					for range 1000 {
						io.WriteString(w, chunk)
					}
					io.WriteString(w, "</v><is>")
				case "runs":
					for range 20000 {
						io.WriteString(w, "<r><t>"+chunk[:3000]+"</t></r>")
					}
				}
				io.WriteString(w, `</is></c></row></sheetData></worksheet>`)
			}, "")
			ue, alloc := readHostile(t, p)
			if !strings.Contains(ue.Text.Zh, "工作表「公文台账」第 2 行") || !strings.Contains(ue.Text.Zh, "字节") {
				t.Errorf("error = %q, want the sheet, the row and the limit", ue.Text.Zh)
			}
			if alloc > 64<<20 {
				t.Errorf("reading allocated %d MB, want a bound well under the cell's size", alloc>>20)
			}
		})
	}
}

// A row merged down the sheet (150,000 rows × 16 columns) is refused,
// naming the range.
func TestHostileMerge(t *testing.T) {
	p := streamWorkbook(t, func(w io.Writer) {
		io.WriteString(w, hostileHead+`<row r="2"><c r="A2" t="inlineStr"><is><t>坏</t></is></c></row>`)
		io.WriteString(w, `<row r="150000"><c r="A150000"><v>1</v></c></row></sheetData><mergeCells>`)
		for c := range 16 {
			fmt.Fprintf(w, `<mergeCell ref="%s2:%s150000"/>`, colName(c), colName(c))
		}
		io.WriteString(w, `</mergeCells></worksheet>`)
	}, "")
	ue, _ := readHostile(t, p)
	if !strings.Contains(ue.Text.Zh, "合并单元格 A2:A150000") {
		t.Errorf("error = %q, want the merged range named", ue.Text.Zh)
	}
	// A register whose unit column is merged down its rows is read.
	var rows strings.Builder
	for r := 2; r <= 2001; r++ {
		fmt.Fprintf(&rows, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>文%d</t></is></c><c r="B%d"><v>43000</v></c></row>`, r, r, r, r)
	}
	good := streamWorkbook(t, func(w io.Writer) {
		io.WriteString(w, hostileHead+rows.String()+`</sheetData><mergeCells><mergeCell ref="C2:C2001"/></mergeCells></worksheet>`)
	}, "")
	if _, err := Read(good, Options{}); err != nil {
		t.Errorf("a column merged down 2,000 rows: %v", err)
	}
}

// A shared-string index past the table names the cell: never a blank.
func TestHostileSharedStringIndex(t *testing.T) {
	sst := `<sst ` + mainNS + `><si><t>标题</t></si><si><t>印发日期</t></si></sst>`
	for _, v := range []string{"2", "-1", "x", "99999999999999999999"} {
		p := streamWorkbook(t, func(w io.Writer) {
			io.WriteString(w, `<worksheet `+mainNS+`><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>`+
				`<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2" t="s"><v>`+v+`</v></c></row></sheetData></worksheet>`)
		}, sst)
		ue, _ := readHostile(t, p)
		want := fmt.Sprintf("单元格 B2 引用的共享字符串「%s」不存在（共享字符串表共 2 条）", v)
		if !strings.Contains(ue.Text.Zh, want) || !strings.Contains(ue.Text.Zh, "文件已损坏") {
			t.Errorf("index %s: error = %q, want %q", v, ue.Text.Zh, want)
		}
	}
}

// Rows past Excel's limit, and data past MaxRows, are refused.
func TestHostileRows(t *testing.T) {
	p := streamWorkbook(t, func(w io.Writer) {
		io.WriteString(w, hostileHead+`<row r="1048577"><c><v>1</v></c></row></sheetData></worksheet>`)
	}, "")
	if ue, _ := readHostile(t, p); !strings.Contains(ue.Text.Zh, "超过 Excel 的行数上限") {
		t.Errorf("error = %q", ue.Text.Zh)
	}
	// Blank rows past the limit are counted, not kept; data past it is refused.
	p = streamWorkbook(t, func(w io.Writer) {
		io.WriteString(w, hostileHead)
		for range 2000 {
			io.WriteString(w, `<row/>`)
		}
		io.WriteString(w, `<row><c><v>1</v></c></row></sheetData></worksheet>`)
	}, "")
	_, err := Read(p, Options{MaxRows: 1000})
	var ue *UnreadableError
	if !errors.As(err, &ue) || !strings.Contains(ue.Text.Zh, "超过 1000 行的上限") {
		t.Errorf("error = %v", err)
	}
}

// FuzzSheetReader reads mutated sheets and shared strings the way an audit
// does: a unit or an *UnreadableError, never a panic.
func FuzzSheetReader(f *testing.F) {
	for _, b := range edgeSheets() {
		f.Add(b, []byte(edgeSST))
	}
	f.Add([]byte(hostileHead+`<row r="2"><c r="B2" t="s"><v>9</v></c></row></sheetData><mergeCells><mergeCell ref="A1:A9"/></mergeCells></worksheet>`), []byte(edgeSST))
	f.Fuzz(func(t *testing.T, sheetXML, sstXML []byte) {
		if len(sheetXML)+len(sstXML) > 1<<16 {
			return
		}
		p := rawWorkbook(t, sheetXML, sstXML, "")
		u, err := Read(p, Options{MaxRows: 5000})
		if err != nil {
			var ue *UnreadableError
			if !errors.As(err, &ue) || ue.Path != p {
				t.Fatalf("error %v is not an *UnreadableError naming the file", err)
			}
			return
		}
		if u == nil {
			t.Fatal("no unit and no error")
		}
	})
}

// TestNotCDATARefused: gosax reports any "<![" as a CDATA section; one that
// is not "<![CDATA[…]]>" (the fuzzer's "<![[12]]>", which sliced out of
// range) is a damaged part, in a sheet and in the shared strings alike,
// while a real CDATA section is read.
func TestNotCDATARefused(t *testing.T) {
	sheet := func(v string) []byte {
		return []byte(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
			`<row r="1"><c r="A1" t="str"><v>` + v + `</v></c></row></sheetData></worksheet>`)
	}
	sst := func(v string) []byte {
		return []byte(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>` + v + `</t></si></sst>`)
	}
	for _, tt := range []struct {
		name       string
		sheet, sst []byte
	}{
		{"sheet", sheet(`<![[12]]>3`), sst("x")},
		{"sheet, short", sheet(`<![]>`), sst("x")},
		{"shared strings", sheet("1"), sst(`<![[12]]>`)},
	} {
		p := rawWorkbook(t, tt.sheet, tt.sst, "")
		_, err := Read(p, Options{MaxRows: 1000})
		var ue *UnreadableError
		if !errors.As(err, &ue) || !strings.Contains(ue.Text.Zh, "损坏") {
			t.Errorf("%s: error = %v, want the file named damaged", tt.name, err)
		}
	}
	p := rawWorkbook(t, sheet(`<![CDATA[a<b]]>`), sst("x"), "")
	if _, err := Read(p, Options{MaxRows: 1000}); err != nil {
		t.Errorf("a real CDATA section: %v", err)
	}
}
