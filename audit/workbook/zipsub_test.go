package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zwgk/zwgk/checklists/msg"
)

// zipFile is one entry of a test zip: gbk writes its name in GBK without the
// UTF-8 flag, as WPS and Windows do.
type zipFile struct {
	name string
	data []byte
	gbk  bool
}

func writeZip(t *testing.T, name string, files ...zipFile) string {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, f := range files {
		h := &zip.FileHeader{Name: f.name, Method: zip.Deflate}
		if f.gbk {
			n, err := simplifiedchinese.GBK.NewEncoder().String(f.name)
			if err != nil {
				t.Fatal(err)
			}
			h.Name, h.NonUTF8 = n, true
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(f.data); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// sampleCSVs are the sample district's CSV unit as zip entries under dir.
func sampleCSVs(t *testing.T, dir string, gbk bool) []zipFile {
	t.Helper()
	src := filepath.Join("..", "..", "samples", "district", "利通区财政局")
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	var fs []zipFile
	for _, e := range ents {
		data, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fs = append(fs, zipFile{name: dir + e.Name(), data: data, gbk: gbk})
	}
	return fs
}

// shape is what a test compares of a unit read: its name, each table's file
// and number of rows, and the issues' positions.
func shape(t *testing.T, p string) []string {
	t.Helper()
	u, err := Read(p, Options{})
	if err != nil {
		t.Fatalf("Read(%s): %v", p, err)
	}
	out := []string{u.Name}
	for _, name := range []string{"unit", "documents", "requests", "consultations", "reposts", "self"} {
		if tb := u.Tables[name]; tb != nil {
			f := filepath.ToSlash(tb.File)
			if i := strings.Index(f, ".zip/"); i >= 0 {
				f = f[strings.LastIndex(f[:i], "/")+1:]
			} else {
				f = filepath.Base(filepath.Dir(f)) + "/" + filepath.Base(f)
			}
			out = append(out, name+" "+f+" "+itoa(len(tb.Rows)))
		}
	}
	return out
}

func itoa(n int) string {
	return string(rune('0'+n/100%10)) + string(rune('0'+n/10%10)) + string(rune('0'+n%10))
}

func TestReadZip(t *testing.T) {
	folder := shape(t, filepath.Join("..", "..", "samples", "district", "利通区财政局"))
	t.Logf("the folder: %q", folder)
	wb := writeXLSX(t, "金积镇.xlsx",
		sheet{name: "单位信息", rows: [][]any{{"项目", "内容"}, {"单位名称", "金积镇"}, {"单位类型", "乡镇"}}},
		sheet{name: "公文台账", rows: [][]any{{"文号", "标题", "印发日期", "公开属性"}, {"金政发〔2017〕1号", "通知", "2017-03-01", "主动公开"}}})
	wbData, err := os.ReadFile(wb)
	if err != nil {
		t.Fatal(err)
	}
	// like is the folder's shape with its files inside the zip.
	like := func(dir string) []string {
		out := slices.Clone(folder)
		for i := range out {
			out[i] = strings.Replace(out[i], "利通区财政局/", dir, 1)
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		zip   string
		files []zipFile
		want  []string
	}{
		{"CSV folder at the top, UTF-8 names", "利通区财政局.zip", sampleCSVs(t, "", false), like("利通区财政局.zip/")},
		{"CSV folder in a folder, GBK names (WPS)", "财政局.zip", sampleCSVs(t, "利通区财政局/", true), like("财政局.zip/利通区财政局/")},
		{"workbook in a folder", "金积镇.zip", []zipFile{{name: "金积镇/", data: nil}, {name: "金积镇/金积镇.xlsx", data: wbData, gbk: true},
			{name: "__MACOSX/金积镇/._金积镇.xlsx", data: []byte("x")}, {name: "金积镇/说明.txt", data: []byte("x")}},
			[]string{"金积镇", "documents 金积镇.zip/金积镇/金积镇.xlsx 001"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeZip(t, tc.zip, tc.files...)
			if diff := cmp.Diff(tc.want, shape(t, p)); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}

func TestReadZipRefused(t *testing.T) {
	csv := []byte("文号,标题,印发日期\n")
	many := make([]zipFile, maxZipEntries+1)
	for i := range many {
		many[i] = zipFile{name: "f" + itoa(i%1000) + "/" + itoa(i/1000) + ".txt"}
	}
	for _, tc := range []struct {
		name  string
		files []zipFile
		opts  Options
		want  msg.Text
	}{
		{"nested zip", []zipFile{{name: "a/金积镇.zip", data: []byte("PK")}}, Options{},
			msg.Text{Zh: "压缩包 t.zip 不能读取：其中又有压缩包「a/金积镇.zip」；请直接压缩工作簿或 CSV 文件夹", En: `cannot read the zip t.zip: it holds another archive, "a/金积镇.zip"; zip the workbook or CSV folder itself`}},
		{"path out of the archive", []zipFile{{name: "../公文台账.csv", data: csv}}, Options{},
			msg.Text{Zh: "压缩包 t.zip 不能读取：其中的「../公文台账.csv」指向压缩包以外的位置", En: `cannot read the zip t.zip: the entry "../公文台账.csv" points outside the archive`}},
		{"absolute path", []zipFile{{name: "/etc/公文台账.csv", data: csv}}, Options{},
			msg.Text{Zh: "压缩包 t.zip 不能读取：其中的「/etc/公文台账.csv」指向压缩包以外的位置", En: `cannot read the zip t.zip: the entry "/etc/公文台账.csv" points outside the archive`}},
		{"windows path", []zipFile{{name: `C:\公文台账.csv`, data: csv}}, Options{},
			msg.Text{Zh: "压缩包 t.zip 不能读取：其中的「C:/公文台账.csv」指向压缩包以外的位置", En: `cannot read the zip t.zip: the entry "C:/公文台账.csv" points outside the archive`}},
		{"zip bomb", []zipFile{{name: "公文台账.csv", data: make([]byte, 4<<20)}}, Options{},
			msg.Text{Zh: "压缩包 t.zip 不能读取：其中的「公文台账.csv」压缩比异常", En: `cannot read the zip t.zip: the entry "公文台账.csv" has an abnormal compression ratio`}},
		{"over the size limit", []zipFile{{name: "公文台账.csv", data: bytes.Repeat(csv, 100)}}, Options{UnzipSizeLimit: 1000},
			msg.Text{Zh: "压缩包 t.zip 不能读取：解压后超过 1000 字节 的上限", En: "cannot read the zip t.zip: it unzips to more than the 1000 bytes limit"}},
		{"too many entries", many, Options{},
			msg.Text{Zh: "压缩包 t.zip 不能读取：其中有 1001 个文件，超过 1000 个的上限；一个压缩包只放一个单位的工作簿或 CSV 文件夹", En: "cannot read the zip t.zip: it holds 1001 files, more than the limit of 1000; a zip holds one unit's workbook or CSV folder"}},
		{"no submission", []zipFile{{name: "说明.docx", data: csv}}, Options{},
			msg.Text{Zh: "压缩包 t.zip 不能读取：其中没有 .xlsx 工作簿或 CSV 文件夹", En: "cannot read the zip t.zip: it holds no .xlsx workbook or CSV folder"}},
		{"two units", []zipFile{{name: "甲/公文台账.csv", data: csv}, {name: "乙/公文台账.csv", data: csv}}, Options{},
			msg.Text{Zh: "压缩包 t.zip 不能读取：其中有 2 份报送材料（t.zip/乙、t.zip/甲）；一个压缩包只放一个单位的工作簿或 CSV 文件夹", En: "cannot read the zip t.zip: it holds 2 submissions (t.zip/乙, t.zip/甲); a zip holds one unit's workbook or CSV folder"}},
		{"an .xls inside", []zipFile{{name: "金积镇.xls", data: []byte("not really")}}, Options{},
			msg.Text{Zh: "压缩包中的 t.zip/金积镇.xls：这是文本文件，不是 Excel 工作簿；请报送 .xlsx 格式的自查台账", En: "t.zip/金积镇.xls in the zip: this is a text file, not an Excel workbook; send the self-check workbook as .xlsx"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := writeZip(t, "t.zip", tc.files...)
			_, err := Read(p, tc.opts)
			var ue *UnreadableError
			if !errors.As(err, &ue) {
				t.Fatalf("Read = %v, want an UnreadableError", err)
			}
			got := ue.Text
			if tc.name == "zip bomb" { // the sizes depend on the compressor
				got.Zh, got.En = got.Zh[:len(tc.want.Zh)], got.En[:len(tc.want.En)]
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
			if ue.Path != p {
				t.Errorf("Path = %s, want %s", ue.Path, p)
			}
		})
	}
	// A file that is not a zip at all.
	p := filepath.Join(t.TempDir(), "t.zip")
	if err := os.WriteFile(p, []byte("not a zip"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read(p, Options{})
	var ue *UnreadableError
	if !errors.As(err, &ue) || ue.Text.Zh != "压缩包 t.zip 不能读取：压缩包已损坏（zip: not a valid zip file），请重新压缩后报送" {
		t.Errorf("Read(not a zip) = %v", err)
	}
}

// FuzzReadZip holds that any bytes named .zip are read or refused with an
// UnreadableError naming the zip, never a panic, and leave no temporary
// folder behind.
func FuzzReadZip(f *testing.F) {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, _ := zw.Create("公文台账.csv")
	w.Write([]byte("文号,标题,印发日期\n利政发〔2017〕1号,通知,2017-03-01\n"))
	w, _ = zw.Create("../x.csv")
	w.Write([]byte("x"))
	zw.Close()
	f.Add(b.Bytes())
	f.Add([]byte("PK\x05\x06" + string(make([]byte, 18))))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "t.zip")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Read(p, Options{UnzipSizeLimit: 1 << 20})
		var ue *UnreadableError
		if err != nil && (!errors.As(err, &ue) || ue.Path != p) {
			t.Fatalf("Read = %v, want nil or an UnreadableError naming the zip", err)
		}
	})
}
