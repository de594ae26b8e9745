package workbook

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/richardlehane/mscfb"
	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
)

// Options are the reader's settings; the zero value is the default.
type Options struct {
	// Schema is the workbook schema; nil means checklists.DefaultSchema().
	Schema *checklists.Schema
	// UnzipSizeLimit is the most a workbook may unzip to, and the largest
	// CSV file read; 0 means 256 MiB.
	UnzipSizeLimit int64
	// MaxRows is the last row number that may hold data in a sheet (the last
	// line of a CSV file); 0 means DefaultMaxRows (200,000: a register far larger than any unit keeps, small enough that a million hostile rows are refused before their memory is spent).
	MaxRows int
	// MaxCellBytes is the longest cell read, in bytes of UTF-8; a longer
	// cell is a data error and its value is left out. 0 means 98,301: Excel's
	// limit of 32,767 characters at three bytes per Chinese character.
	MaxCellBytes int
	// Encoding is the encoding of CSV files: "" (guess), "utf-8", "gbk",
	// "gb18030" or "utf-16".
	Encoding string
}

// The defaults of Options.
const (
	DefaultUnzipSizeLimit = 256 << 20
	DefaultMaxRows        = 200_000
	DefaultMaxCellBytes   = 3 * 32767
)

func (o Options) withDefaults() Options {
	if o.Schema == nil {
		o.Schema = checklists.DefaultSchema()
	}
	if o.UnzipSizeLimit <= 0 {
		o.UnzipSizeLimit = DefaultUnzipSizeLimit
	}
	if o.MaxRows <= 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxCellBytes <= 0 {
		o.MaxCellBytes = DefaultMaxCellBytes
	}
	return o
}

// UnreadableError is a submission that cannot be read at all: what the file
// is, and what the unit should do about it.
type UnreadableError struct {
	Path string
	Text msg.Text
	Err  error // the underlying error, if any
}

// Error returns the file and the Chinese text.
func (e *UnreadableError) Error() string { return e.In(msg.ZH) }

// In returns the path and why it cannot be read, in lang.
func (e *UnreadableError) In(lang msg.Lang) string { return e.Path + ": " + e.Text.In(lang) }

// Unwrap returns the underlying error, if any.
func (e *UnreadableError) Unwrap() error { return e.Err }

// sizeText writes a size limit for a message in Chinese and in English.
func sizeText(n int64) (zh, en string) {
	if n >= 1<<20 && n%(1<<20) == 0 {
		s := fmt.Sprintf("%d MiB", n>>20)
		return s, s
	}
	return fmt.Sprintf("%d 字节", n), fmt.Sprintf("%d bytes", n)
}

// notRegular is why a file that is not a regular file (a FIFO, a device, a
// socket) is not read, or nil for a regular file: opening one could wait for
// ever or never reach its end. mode is the file's after following links.
func notRegular(path string, mode fs.FileMode) *UnreadableError {
	zh, en := specialKind(mode)
	if zh == "" {
		return nil
	}
	return &UnreadableError{Path: path, Text: msg.Both(
		"这是%s，不是普通文件，没有读取；请报送普通的 .xlsx 工作簿或 CSV 文件", []any{zh},
		"this is %s, not a regular file, and was not read; send an ordinary .xlsx workbook or CSV file", []any{en})}
}

// specialKind names what a file that is neither regular nor a folder is, in
// Chinese and in English; "" for a regular file or a folder.
func specialKind(mode fs.FileMode) (zh, en string) {
	switch {
	case mode.IsRegular(), mode.IsDir():
		return "", ""
	case mode&fs.ModeNamedPipe != 0:
		return "命名管道（FIFO）", "a named pipe (FIFO)"
	case mode&fs.ModeSocket != 0:
		return "套接字（socket）", "a socket"
	case mode&fs.ModeDevice != 0:
		return "设备文件", "a device file"
	}
	return "特殊文件", "a special file"
}

func unreadable(path string, err error, zh, en string, args ...any) *UnreadableError {
	return &UnreadableError{Path: path, Text: msg.New(zh, en, args...), Err: err}
}

// damaged is a file whose parts cannot be read; detail says where and why.
func damaged(path string, detail msg.Text, err error) *UnreadableError {
	return &UnreadableError{Path: path, Err: err, Text: msg.Both("文件已损坏（%s），请重新导出后报送", []any{detail.Zh},
		"the file is damaged (%s); export it again", []any{detail.In(msg.EN)})}
}

// Reader reads submissions against one schema. It prepares the schema's
// headers, aliases and values once, so that a province's thousands of
// workbooks do not each fold them again; it is safe for concurrent use.
type Reader struct {
	opts Options
	sp   *spec
	// anySheet: when no sheet is named like a table, the first visible
	// sheet is read as the schema's first table (a CMS export's Sheet1).
	anySheet bool
}

// NewReader returns a Reader with opts (defaults filled in).
func NewReader(opts Options) *Reader {
	opts = opts.withDefaults()
	return &Reader{opts: opts, sp: newSpec(opts.Schema)}
}

// Read reads one submission with opts; to read many, use a Reader.
func Read(path string, opts Options) (*audit.Unit, error) { return NewReader(opts).Read(path) }

// ReadXLSX reads one unit's .xlsx workbook with opts.
func ReadXLSX(path string, opts Options) (*audit.Unit, error) {
	return NewReader(opts).ReadXLSX(path)
}

// ReadCSVDir reads one unit's folder of CSV files with opts.
func ReadCSVDir(dir string, opts Options) (*audit.Unit, error) {
	return NewReader(opts).ReadCSVDir(dir)
}

// Read reads one submission: a .xlsx workbook, a folder of one unit's CSV
// files, or a .zip of either (ReadZip). Any other file is an
// *UnreadableError saying what it is.
func (rd *Reader) Read(path string) (*audit.Unit, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("read submission: %w", err)
	}
	if fi.IsDir() {
		return rd.ReadCSVDir(path)
	}
	if ue := notRegular(path, fi.Mode()); ue != nil {
		return nil, ue
	}
	if strings.EqualFold(filepath.Ext(path), ".zip") {
		return rd.ReadZip(path)
	}
	return rd.ReadXLSX(path)
}

// ReadXLSX reads one unit's .xlsx workbook.
func (rd *Reader) ReadXLSX(path string) (*audit.Unit, error) {
	if err := sniff(path); err != nil {
		return nil, err
	}
	return rd.readXLSX(path, false)
}

// ReadUnitSheet reads what a submission says about its unit (its 单位信息
// sheet: name, type, 年度, …) as Read would, for a .xlsx workbook without
// reading its registers or checking its other parts: a quick look, such as
// the year an audit starts with, not a substitute for Read (a workbook
// whose registers are damaged still gives its unit). A CSV folder or a zip
// is read whole with Read.
func (rd *Reader) ReadUnitSheet(path string) (*audit.Unit, error) {
	fi, err := os.Stat(path)
	if err != nil || fi.IsDir() || strings.EqualFold(filepath.Ext(path), ".zip") {
		return rd.Read(path)
	}
	if err := sniff(path); err != nil {
		return nil, err
	}
	return rd.readXLSX(path, true)
}

// The magic numbers of the files units send instead of a workbook.
var (
	magicOLE  = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	magicZip  = []byte("PK\x03\x04")
	magicZip0 = []byte("PK\x05\x06") // an empty zip
)

// sniff looks at the first bytes of a file that should be a workbook and says
// what it is when it is not a zip archive.
func sniff(path string) error {
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("read workbook: %w", err)
	}
	if ue := notRegular(path, fi.Mode()); ue != nil {
		return ue
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read workbook: %w", err)
	}
	defer f.Close()
	head := make([]byte, 512)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return fmt.Errorf("read workbook: %w", err)
	}
	head = head[:n]
	ext := strings.ToLower(filepath.Ext(path))
	switch {
	case n == 0:
		return unreadable(path, nil, "文件是空的（0 字节）", "the file is empty (0 bytes)")
	case bytes.HasPrefix(head, magicZip), bytes.HasPrefix(head, magicZip0):
		return nil
	case bytes.HasPrefix(head, magicOLE):
		return sniffOLE(path, f)
	case bytes.HasPrefix(head, []byte("%PDF")):
		return unreadable(path, nil, "这是 PDF 文件，不是 Excel 工作簿；请报送 .xlsx 格式的自查台账", "this is a PDF file, not an Excel workbook; send the self-check workbook as .xlsx")
	case bytes.HasPrefix(head, []byte("{\\rtf")):
		return unreadable(path, nil, "这是 RTF 文档，不是 Excel 工作簿；请报送 .xlsx 格式的自查台账", "this is an RTF document, not an Excel workbook; send the self-check workbook as .xlsx")
	case bytes.HasPrefix(head, []byte("\x89PNG")), bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}), bytes.HasPrefix(head, []byte("GIF8")):
		return unreadable(path, nil, "这是图片，不是 Excel 工作簿；请报送 .xlsx 格式的自查台账", "this is a picture, not an Excel workbook; send the self-check workbook as .xlsx")
	case bytes.HasPrefix(head, []byte("Rar!")), bytes.HasPrefix(head, []byte("7z\xBC\xAF")), bytes.HasPrefix(head, []byte{0x1F, 0x8B}):
		return unreadable(path, nil, "这是压缩包，请解压后报送其中的 .xlsx 工作簿", "this is a compressed archive; unpack it and send the .xlsx workbook inside")
	}
	if text := looksText(head); text != "" {
		if text == "markup" {
			return unreadable(path, nil, "这是网页（HTML/XML）文本，常见于系统导出的“假 .xls”；请用 Excel 或 WPS 打开后另存为 .xlsx",
				"this is HTML/XML text, as some systems export under an .xls name; open it in Excel or WPS and save it as .xlsx")
		}
		if ext == ".csv" {
			return unreadable(path, nil, "单个 CSV 文件不能作为报送材料；请把该单位的各张 CSV 表放在一个文件夹中，报送该文件夹",
				"a single CSV file is not a submission; put the unit's CSV files in one folder and give the folder")
		}
		return unreadable(path, nil, "这是文本文件，不是 Excel 工作簿；请报送 .xlsx 格式的自查台账", "this is a text file, not an Excel workbook; send the self-check workbook as .xlsx")
	}
	return unreadable(path, nil, "无法识别的文件格式，不是 .xlsx 工作簿", "unrecognised file format, not an .xlsx workbook")
}

// looksText reports whether the head of a file is text: "markup" for
// HTML/XML, "text" for other text, "" for binary.
func looksText(head []byte) string {
	b := bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	if bytes.HasPrefix(b, []byte("\xFF\xFE")) || bytes.HasPrefix(b, []byte("\xFE\xFF")) {
		return "text" // UTF-16
	}
	ctl := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' {
			ctl++
		}
	}
	if ctl > 0 {
		return ""
	}
	t := bytes.ToLower(bytes.TrimSpace(b))
	for _, p := range []string{"<?xml", "<html", "<!doctype", "<table", "<head", "<meta"} {
		if bytes.HasPrefix(t, []byte(p)) {
			return "markup"
		}
	}
	return "text"
}

// sniffOLE tells the OLE2 files apart: an encrypted .xlsx, an .xls, a WPS
// .et, a Word .doc.
func sniffOLE(path string, f *os.File) error {
	streams := map[string]bool{}
	if r, err := mscfb.New(f); err == nil {
		for e, err := r.Next(); err == nil && len(streams) < 1000; e, err = r.Next() {
			streams[e.Name] = true
		}
	}
	switch {
	case streams["EncryptionInfo"] || streams["EncryptedPackage"]:
		return unreadable(path, nil, "这是设置了打开密码的加密工作簿；请取消密码后另存为 .xlsx", "this workbook is encrypted with a password; remove the password and save it as .xlsx")
	case streams["WordDocument"]:
		return unreadable(path, nil, "这是 Word 文档（.doc），不是 Excel 工作簿；请报送 .xlsx 格式的自查台账", "this is a Word document (.doc), not an Excel workbook; send the self-check workbook as .xlsx")
	case streams["Workbook"] || streams["Book"]:
		return unreadable(path, nil, "这是旧版 Excel 97-2003 (.xls) 工作簿；请用 Excel 或 WPS 另存为 .xlsx", "this is an old Excel 97-2003 (.xls) workbook; save it as .xlsx in Excel or WPS")
	}
	return unreadable(path, nil, "这是旧版 Excel 97-2003 (.xls)、WPS (.et) 文件或加密的工作簿；请另存为 .xlsx", "this is an old Excel 97-2003 (.xls) or WPS (.et) file, or an encrypted workbook; save it as .xlsx")
}
