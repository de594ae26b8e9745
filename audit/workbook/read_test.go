package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

// cfb builds a minimal OLE2 compound file holding empty streams with the
// given names: what an .xls or an encrypted .xlsx looks like from outside.
func cfb(streams ...string) []byte {
	const free, end, fatSect, noStream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
	le := binary.LittleEndian
	head := make([]byte, 512)
	copy(head, magicOLE)
	le.PutUint16(head[0x18:], 0x3E)
	le.PutUint16(head[0x1A:], 3)
	le.PutUint16(head[0x1C:], 0xFFFE)
	le.PutUint16(head[0x1E:], 9)
	le.PutUint16(head[0x20:], 6)
	le.PutUint32(head[0x2C:], 1)    // FAT sectors
	le.PutUint32(head[0x30:], 1)    // first directory sector
	le.PutUint32(head[0x38:], 4096) // mini stream cutoff
	le.PutUint32(head[0x3C:], end)  // first mini FAT sector
	le.PutUint32(head[0x44:], end)  // first DIFAT sector
	le.PutUint32(head[0x4C:], 0)    // DIFAT[0]: the FAT is sector 0
	for i := 0x50; i < 512; i += 4 {
		le.PutUint32(head[i:], free)
	}
	fat := make([]byte, 512)
	for i := 0; i < 512; i += 4 {
		le.PutUint32(fat[i:], free)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], end)
	dir := make([]byte, 512)
	entry := func(i int, name string, typ byte, child, right uint32) {
		e := dir[i*128 : (i+1)*128]
		u := utf16.Encode([]rune(name))
		for k, c := range u {
			le.PutUint16(e[2*k:], c)
		}
		le.PutUint16(e[0x40:], uint16(2*len(u)+2))
		e[0x42], e[0x43] = typ, 1
		le.PutUint32(e[0x44:], noStream)
		le.PutUint32(e[0x48:], right)
		le.PutUint32(e[0x4C:], child)
		le.PutUint32(e[0x74:], end)
	}
	entry(0, "Root Entry", 5, 1, noStream)
	for i, s := range streams[:min(3, len(streams))] {
		right := uint32(noStream)
		if i+1 < min(3, len(streams)) {
			right = uint32(i + 2)
		}
		entry(i+1, s, 2, noStream, right)
	}
	return append(append(head, fat...), dir...)
}

func writeFile(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func zipOf(t testing.TB, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for n, c := range files {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, c)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// rezip copies a workbook, passing each part through edit.
func rezip(t testing.TB, src string, edit func(name string, b []byte) []byte) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, _ := zw.Create(f.Name)
		w.Write(edit(f.Name, b))
	}
	zw.Close()
	return writeFile(t, "edited.xlsx", buf.Bytes())
}

func TestReadUnreadable(t *testing.T) {
	good := writeXLSX(t, docFile, unitSheet, sheet{name: "公文台账", rows: [][]any{
		{"标题", "印发日期"}, {"A", "2017-06-01"}, {"B", "2017-06-02"}, {"C", "2017-06-03"},
	}})
	goodBytes, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	corrupt := func() string {
		zr, err := zip.OpenReader(good)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		for _, f := range zr.File {
			if f.Name == "xl/worksheets/sheet2.xml" {
				off, _ := f.DataOffset()
				b := bytes.Clone(goodBytes)
				b[off+int64(f.CompressedSize64)/2] ^= 0x55
				return writeFile(t, "corrupt.xlsx", b)
			}
		}
		t.Fatal("no sheet2")
		return ""
	}
	sheetPart := func(edit func(b []byte) []byte) func() string {
		return func() string {
			return rezip(t, good, func(name string, b []byte) []byte {
				if name == "xl/worksheets/sheet2.xml" {
					return edit(b)
				}
				return b
			})
		}
	}
	cases := []struct {
		name string
		path func() string
		opts Options
		want string
	}{
		{"OLE2 .xls", func() string { return writeFile(t, "a.xlsx", cfb("Workbook", "SummaryInformation")) }, Options{}, "这是旧版 Excel 97-2003 (.xls) 工作簿；请用 Excel 或 WPS 另存为 .xlsx"},
		{"OLE2 encrypted", func() string { return writeFile(t, "a.xlsx", cfb("EncryptionInfo", "EncryptedPackage")) }, Options{}, "这是设置了打开密码的加密工作簿"},
		{"OLE2 .doc", func() string { return writeFile(t, "a.xls", cfb("WordDocument")) }, Options{}, "这是 Word 文档（.doc）"},
		{"OLE2 unknown", func() string { return writeFile(t, "a.et", append(bytes.Clone(magicOLE), make([]byte, 600)...)) }, Options{}, "这是旧版 Excel 97-2003 (.xls)、WPS (.et) 文件或加密的工作簿；请另存为 .xlsx"},
		{"PDF renamed", func() string { return writeFile(t, "a.xlsx", []byte("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")) }, Options{}, "这是 PDF 文件"},
		{"text renamed", func() string { return writeFile(t, "a.xlsx", []byte("标题,印发日期\n")) }, Options{}, "这是文本文件"},
		{"HTML as .xls", func() string {
			return writeFile(t, "a.xls", []byte("<html><table><tr><td>标题</td></tr></table></html>"))
		}, Options{}, "这是网页（HTML/XML）文本"},
		{"single CSV", func() string { return writeFile(t, "公文台账.csv", []byte("标题,印发日期\n")) }, Options{}, "单个 CSV 文件不能作为报送材料"},
		{"empty", func() string { return writeFile(t, "a.xlsx", nil) }, Options{}, "文件是空的"},
		{"picture", func() string { return writeFile(t, "a.xlsx", []byte("\x89PNG\r\n\x1a\n\x00\x00")) }, Options{}, "这是图片"},
		{"docx", func() string { return writeFile(t, "a.xlsx", zipOf(t, map[string]string{"word/document.xml": "<w/>"})) }, Options{}, "这是 Word 文档（.docx）"},
		{"zip of a fake workbook", func() string { return writeFile(t, "a.zip", zipOf(t, map[string]string{"a.xlsx": "x"})) }, Options{}, "压缩包中的 a.zip/a.xlsx：这是文本文件"},
		{"zip named .xlsx", func() string { return writeFile(t, "a.xlsx", zipOf(t, map[string]string{"a.csv": "x"})) }, Options{}, "这是 zip 压缩包"},
		{"truncated file", func() string { return writeFile(t, "a.xlsx", goodBytes[:len(goodBytes)/2]) }, Options{}, "文件已损坏（zip: not a valid zip file），请重新导出后报送"},
		{"corrupt sheet data", corrupt, Options{}, "文件已损坏（xl/worksheets/sheet2.xml: "},
		{"sheet cut short", sheetPart(func(b []byte) []byte { return b[:len(b)*2/3] }), Options{}, "文件已损坏（xl/worksheets/sheet2.xml 不完整）"},
		{"rows missing", sheetPart(func(b []byte) []byte {
			return bytes.Replace(b, []byte(`<dimension ref="A1">`), []byte(`<dimension ref="A1:B1000">`), 1)
		}), Options{}, "文件已损坏（工作表「公文台账」应有 1000 行，只读到 4 行）"},
		{"too many rows", func() string { return good }, Options{MaxRows: 3}, "工作表「公文台账」超过 3 行的上限"},
		{"unzips too large", func() string { return good }, Options{UnzipSizeLimit: 1000}, "文件解压后超过 1000 字节 的上限"},
	}
	{
		for _, tc := range cases {
			t.Run(tc.name, func(t *testing.T) {
				p := tc.path()
				_, err := Read(p, tc.opts)
				var ue *UnreadableError
				if !errors.As(err, &ue) {
					t.Fatalf("Read error = %v, want an *UnreadableError", err)
				}
				if !strings.Contains(ue.Text.Zh, tc.want) {
					t.Errorf("error = %q, want it to contain %q", ue.Text.Zh, tc.want)
				}
				if ue.Path != p || !strings.HasPrefix(ue.Error(), p+": ") {
					t.Errorf("error %q does not name the file %s", ue.Error(), p)
				}
			})
		}
	}
	u, err := Read(good, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(u.Tables["documents"].Rows); n != 3 {
		t.Errorf("%d rows, want 3", n)
	}
	if _, err := Read(filepath.Join(t.TempDir(), "missing.xlsx"), Options{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: error = %v, want os.ErrNotExist", err)
	}
}

// WPS saves .et files that are OOXML inside (a zip): such a file is read as
// the workbook it is, exactly as its .xlsx twin; a real BIFF8 .et is refused
// with the .xls message (TestReadUnreadable).
func TestReadOOXMLWithEtExtension(t *testing.T) {
	src := filepath.Join("..", "..", "samples", "district", "金积镇.xlsx")
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	et := filepath.Join(t.TempDir(), "金积镇.et")
	if err := os.WriteFile(et, data, 0o644); err != nil {
		t.Fatal(err)
	}
	want, err := Read(src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := Read(et, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Name != want.Name || len(got.Tables) != len(want.Tables) {
		t.Fatalf("read %q with %d tables, want %q with %d", got.Name, len(got.Tables), want.Name, len(want.Tables))
	}
	for name, wt := range want.Tables {
		if gt := got.Tables[name]; gt == nil || len(gt.Rows) != len(wt.Rows) {
			t.Errorf("table %s: rows differ", name)
		}
	}
}

// TestFailedReadLeavesNoTemporaryFiles: a workbook that fails part-way
// through a sheet (here: the sheet's XML cut off) leaves nothing behind in
// TMPDIR. (excelize spilled large sheets to temporary files and left them
// after a failed open; the streaming reader spills nothing.)
func TestFailedReadLeavesNoTemporaryFiles(t *testing.T) {
	good := writeXLSX(t, docFile, unitSheet, sheet{name: "公文台账", rows: [][]any{
		{"标题", "印发日期"}, {"A", "2017-06-01"}, {"B", "2017-06-02"},
	}})
	zr, err := zip.OpenReader(good)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
		if strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
			files[f.Name] = string(b)[:len(b)/2] // cut off inside the sheet data
		}
	}
	zr.Close()
	p := writeFile(t, "坏表.xlsx", zipOf(t, files))
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	if _, err := Read(p, Options{}); err == nil {
		t.Fatal("a sheet cut off half-way was read without an error")
	}
	if ents, _ := os.ReadDir(tmp); len(ents) > 0 {
		t.Errorf("temporary files left after a failed read: %v", ents)
	}
}
