package workbook

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ReadCSVDir reads one unit's folder of CSV files, one per sheet, each named
// after its sheet (公文台账.csv); the unit's name comes from 单位信息.csv, else
// from the folder's name.
func (rd *Reader) ReadCSVDir(dir string) (*audit.Unit, error) {
	opts := rd.opts
	if _, err := encodingOf(opts.Encoding); err != nil {
		return nil, err
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("read CSV folder: %w", err)
	}
	var sheets []string
	files := map[string]string{}
	for _, e := range ents {
		if e.IsDir() || skipName(e.Name()) || !strings.EqualFold(filepath.Ext(e.Name()), ".csv") {
			continue
		}
		s := strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))
		sheets = append(sheets, s)
		files[s] = filepath.Join(dir, e.Name())
	}
	if len(sheets) == 0 {
		return nil, unreadable(dir, nil, "文件夹中没有 CSV 文件", "the folder holds no CSV files")
	}
	r := &reader{opts: opts, sp: rd.sp}
	r.unit = &audit.Unit{Source: dir, Tables: map[string]*audit.Table{}}
	chosen := r.assign(func(s string) string { return files[s] }, sheets, func(string) bool { return false })
	formSheet := ""
	for _, s := range sheets {
		ts := chosen[s]
		if ts == nil {
			continue
		}
		path := files[s]
		var sk sink
		if ts.t.Form {
			sk = newFormReader(r, ts, path, s)
			if ts == r.formTable() {
				formSheet = s
			}
		} else {
			sk = newRegisterReader(r, ts, path, s)
		}
		if err := r.readCSV(path, s, sk); err != nil {
			var ue *UnreadableError
			if errors.As(err, &ue) && ue.Path == path {
				// The submission is the folder: its reason names the file.
				name := filepath.Base(path)
				return nil, &UnreadableError{Path: dir, Err: ue.Err, Text: msg.Both(
					"%s：%s", []any{name, ue.Text.Zh}, "%s: %s", []any{name, ue.Text.En})}
			}
			return nil, err
		}
	}
	r.missing(chosen, func(ts *tableSpec) (audit.Pos, msg.Text) {
		return audit.Pos{File: dir}, msg.New("缺少文件「%s」", "no file %q", ts.t.Sheet+".csv")
	})
	formFile := dir
	if formSheet != "" {
		formFile = files[formSheet]
	}
	r.unitName(formFile, formSheet, filepath.Base(filepath.Clean(dir)), true)
	return r.unit, nil
}

// readCSV streams one CSV file into a sink.
func (r *reader) readCSV(path, sheet string, sk sink) error {
	// Stat before opening: a FIFO (or a link to /dev/zero) would block or
	// never end.
	fi, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("read CSV: %w", err)
	}
	if ue := notRegular(path, fi.Mode()); ue != nil {
		return ue
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read CSV: %w", err)
	}
	defer f.Close()
	if fi.Size() > r.opts.UnzipSizeLimit {
		zh, en := sizeText(r.opts.UnzipSizeLimit)
		return &UnreadableError{Path: path, Text: msg.Text{Zh: "CSV 文件超过 " + zh + " 的上限", En: "the CSV file is larger than the " + en + " limit"}}
	}
	err = csvRecords(f, r.opts.Encoding, r.opts.MaxCellBytes, func(line int, rec []string) error {
		if line > r.opts.MaxRows && !blank(rec) {
			return unreadable(path, nil, "超过 %d 行的上限", "more than the limit of %d lines", r.opts.MaxRows)
		}
		return sk.row(line, rec)
	})
	var ee *encodingError
	switch {
	case errors.As(err, &ee):
		return unreadable(path, err, "第 %d 行：无法识别的文本编码，请另存为 UTF-8 或 GBK 编码的 CSV，或用 --encoding 指定",
			"line %d: unrecognised text encoding; save the CSV as UTF-8 or GBK, or give --encoding", ee.line)
	case err != nil:
		var ue *UnreadableError
		if errors.As(err, &ue) {
			return err
		}
		var qe *csvQuoteError
		if errors.As(err, &qe) {
			return unreadable(path, err, "第 %d 行开始的引号（\"）没有闭合，其后各行会被读成一个单元格；请检查这一行的英文双引号，单元格中的引号应写成两个（\"\"）",
				"the quote (\") opened on line %d is never closed, so the lines after it would be read as one cell; check the double quotes on that line (a quote inside a cell is written twice: \"\")", qe.line)
		}
		var le *csvLongError
		if errors.As(err, &le) {
			return unreadable(path, err, "第 %d 行超过 %d MiB", "line %d is longer than %d MiB", le.line, maxRecordBytes>>20)
		}
		var we *csvWidthError
		if errors.As(err, &we) {
			return unreadable(path, err, "第 %d 行超过 %d 列", "line %d has more than %d columns", we.line, we.max)
		}
		return fmt.Errorf("read CSV %s: %w", path, err)
	}
	return sk.done()
}

// encodingError is text that did not decode: replacement or control
// characters where a cell's text should be.
type encodingError struct{ line int }

func (e *encodingError) Error() string { return fmt.Sprintf("line %d: undecodable text", e.line) }

// encodingOf returns the decoder for an --encoding value; nil means guess.
func encodingOf(name string) (encoding.Encoding, error) {
	switch strings.ToLower(strings.ReplaceAll(name, "_", "-")) {
	case "", "auto":
		return nil, nil
	case "utf-8", "utf8":
		return unicode.UTF8BOM, nil
	case "gbk", "gb18030", "gb2312", "cp936":
		return simplifiedchinese.GB18030, nil
	case "utf-16", "utf16", "utf-16le", "utf16le":
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), nil
	case "utf-16be", "utf16be":
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM), nil
	}
	return nil, fmt.Errorf("unknown encoding %q (want utf-8, gbk, gb18030 or utf-16)", name)
}

// guessEncoding reads a whole file and picks its encoding: a byte-order
// mark, else UTF-8 if the bytes are valid UTF-8, else GB18030.
func guessEncoding(r io.Reader) (encoding.Encoding, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(3)
	switch {
	case bytes.HasPrefix(head, []byte("\xEF\xBB\xBF")):
		return unicode.UTF8BOM, nil
	case bytes.HasPrefix(head, []byte("\xFF\xFE")):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), nil
	case bytes.HasPrefix(head, []byte("\xFE\xFF")):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), nil
	}
	buf := make([]byte, 64<<10)
	carry := 0
	for {
		n, err := io.ReadFull(br, buf[carry:])
		b := buf[:carry+n]
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !eof {
			return nil, err
		}
		// Keep an incomplete rune at the end for the next round.
		end := len(b)
		if !eof {
			for k := 1; k <= 3 && k <= len(b); k++ {
				if utf8.RuneStart(b[len(b)-k]) {
					if !utf8.FullRune(b[len(b)-k:]) {
						end = len(b) - k
					}
					break
				}
			}
		}
		if !utf8.Valid(b[:end]) {
			return simplifiedchinese.GB18030, nil
		}
		if eof {
			return nil, nil // UTF-8
		}
		carry = copy(buf, b[end:])
	}
}

// csvRecords decodes a CSV file by enc ("" guesses) and calls fn with each
// record and the line it starts on (1-based, blank lines counted), split by
// a csvSplitter. Undecodable text is an *encodingError, a quote never closed
// a *csvQuoteError, a record of more than maxCols cells a *csvWidthError.
func csvRecords(rs io.ReadSeeker, enc string, maxCell int, fn func(line int, rec []string) error) error {
	e, err := encodingOf(enc)
	if err != nil {
		return err
	}
	if e == nil {
		if e, err = guessEncoding(rs); err != nil {
			return err
		}
		if _, err := rs.Seek(0, io.SeekStart); err != nil {
			return err
		}
	}
	var text io.Reader = rs
	if e == nil {
		// Valid UTF-8: only a byte-order mark to drop (none, or guessEncoding
		// would have said UTF8BOM).
	} else {
		text = transform.NewReader(rs, e.NewDecoder())
	}
	br := bufio.NewReaderSize(text, 64<<10)
	sp := newCSVSplitter(br, sniffComma(br), maxCols, maxCell)
	for {
		rec, line, err := sp.read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		for _, f := range rec {
			if garbage(f) {
				return &encodingError{line: line}
			}
		}
		if err := fn(line, rec); err != nil {
			return err
		}
	}
}

// sniffComma picks tab as the separator when the first line has more tabs
// than commas (Excel's 「Unicode 文本」 is tab-separated).
func sniffComma(br *bufio.Reader) byte {
	head, _ := br.Peek(4096)
	if i := bytes.IndexAny(head, "\r\n"); i >= 0 {
		head = head[:i]
	}
	if bytes.Count(head, []byte("\t")) > bytes.Count(head, []byte(",")) {
		return '\t'
	}
	return ','
}

// garbage reports whether a decoded field holds replacement characters or
// control characters other than tab and line breaks: the sign of a wrong
// encoding (UTF-16 without a byte-order mark, a Big5 file read as GBK).
func garbage(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			return true
		case c == 0xEF && i+2 < len(s) && s[i+1] == 0xBF && s[i+2] == 0xBD:
			return true
		case c == 0x7F:
			return true
		}
	}
	return false
}
