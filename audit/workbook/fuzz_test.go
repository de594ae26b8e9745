package workbook

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/zwgk/zwgk/checklists"
	"golang.org/x/text/encoding/simplifiedchinese"
)

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2017-06-01", "2017/6/1 9:30", "2017年6月1日9时30分15秒", "20170601", "2017-06-01T09:30:00.5Z", "２０１７．６．１"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, ok := ParseDate(s)
		if !ok {
			return
		}
		if d.Location() != time.UTC || d.Year() < 1 || d.Year() > 9999 || d.Nanosecond() != 0 {
			t.Fatalf("ParseDate(%q) = %v", s, d)
		}
		again, ok := ParseDate(d.Format("2006-01-02 15:04:05"))
		if !ok || !again.Equal(d) {
			t.Fatalf("ParseDate(%q) = %v does not round-trip: %v, %v", s, d, again, ok)
		}
	})
}

func FuzzParseBool(f *testing.F) {
	for _, s := range []string{"是", "否", "Y", "n", "√", "×", "TRUE", "0", "有", "无", "Ｙ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseBool(s)
		v2, ok2 := ParseBool(checklists.Fold(s))
		if v != v2 || ok != ok2 || (!ok && v) {
			t.Fatalf("ParseBool(%q) = %v, %v but ParseBool(Fold) = %v, %v", s, v, ok, v2, ok2)
		}
	})
}

func FuzzParseEnum(f *testing.F) {
	for _, s := range []string{"主动公开", "此件公开发布", " 不予 公开 ", "公开", "＊依申请公开（必填）"} {
		f.Add(s)
	}
	sp := newSpec(checklists.DefaultSchema())
	fs := sp.tables[1].fields[3]
	if fs.f.Name != "attribute" {
		f.Fatalf("field %s, want attribute", fs.f.Name)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := ParseEnum(fs.f, s)
		if want, wok := fs.enum[checklists.Fold(s)]; ok != wok || v != want {
			t.Fatalf("ParseEnum(%q) = %q, %v but the reader's map says %q, %v", s, v, ok, want, wok)
		}
		if !ok {
			return
		}
		if again, ok := ParseEnum(fs.f, v); !ok || again != v {
			t.Fatalf("canonical %q of %q does not parse to itself", v, s)
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"标题（必填）", " 公　开 日期 ", "＊ＵＲＬ＊", "(必填)*(必填)", "\u200b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		k := checklists.Fold(s)
		if checklists.Fold(k) != k {
			t.Fatalf("checklists.Fold(%q) = %q is not a fixed point (%q)", s, k, checklists.Fold(k))
		}
		if strings.IndexFunc(k, unicode.IsSpace) >= 0 {
			t.Fatalf("checklists.Fold(%q) = %q keeps a space", s, k)
		}
		if utf8.ValidString(s) && !utf8.ValidString(k) {
			t.Fatalf("checklists.Fold(%q) = %q is not UTF-8", s, k)
		}
	})
}

// FuzzHeaderFind runs the header finder over small grids: rows split by
// '\n', cells by '\t'; a cell "#k" stands for the k-th header or alias of the
// documents register, so that headers are easy to reach.
func FuzzHeaderFind(f *testing.F) {
	f.Add([]byte("2017年公文台账\n\n#0\t#1\t#3\t#4\t#9\n1\t2\t2017-06-01\n"))
	f.Add([]byte("#0\t#1\t#2\t公开情况\n\t\t\t#9\t#20\n"))
	f.Add([]byte("#1\n#3\n"))
	sp := newSpec(checklists.DefaultSchema())
	ts := sp.tables[1]
	var names []string
	for _, fd := range ts.t.Fields {
		names = append(names, fd.Header)
		names = append(names, fd.Aliases...)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var grid [][]string
		for _, line := range strings.Split(string(data), "\n") {
			if len(grid) == 40 {
				break
			}
			cells := strings.Split(line, "\t")
			for i, c := range cells {
				if k, ok := ref(c); ok && k < len(names) {
					cells[i] = names[k]
				}
			}
			grid = append(grid, cells[:min(len(cells), 30)])
		}
		h, ok := findHeader(grid, ts)
		if !ok {
			return
		}
		if h.first < 0 || h.last >= len(grid) || h.first > h.last || h.last-h.first > 1 {
			t.Fatalf("header rows %d..%d of %d", h.first, h.last, len(grid))
		}
		n := 0
		for fi, c := range h.fieldCol {
			if c < 0 {
				continue
			}
			n++
			if c >= len(h.cols) || h.cols[c] != fi {
				t.Fatalf("field %d at column %d, but the column says %v", fi, c, h.cols)
			}
			found := false
			for g := h.first; g <= h.last; g++ {
				found = found || (c < len(grid[g]) && ts.header(grid[g][c]) == fi)
			}
			if !found {
				t.Fatalf("field %d at column %d is not named there", fi, c)
			}
		}
		for c, fi := range h.cols {
			if fi >= 0 && h.fieldCol[fi] != c {
				t.Fatalf("column %d says field %d, which is at column %d", c, fi, h.fieldCol[fi])
			}
		}
		if n == 0 {
			t.Fatal("a header with no field")
		}
	})
}

// ref reads a cell "#k".
func ref(s string) (int, bool) {
	if len(s) < 2 || len(s) > 4 || s[0] != '#' {
		return 0, false
	}
	n := 0
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

var fuzzEncodings = []string{"", "utf-8", "gbk", "utf-16"}

func FuzzDecodeCSV(f *testing.F) {
	f.Add([]byte("标题,印发日期\n关于A的通知,2017-06-01\n"), uint8(0))
	f.Add([]byte("\xef\xbb\xbf标题,\"多\n行\"\n"), uint8(0))
	f.Add([]byte("\xff\xfe\x07h\x98\x98\t\x00"), uint8(3))
	f.Add([]byte("\xb1\xea\xcc\xe2,\xd3\xa1\xb7\xa2\xc8\xd5\xc6\xda\r\n"), uint8(2))
	f.Add([]byte("标题,印发日期\n\"关于A的通知,2017-06-01\nB,2017-06-02\n"), uint8(0))
	f.Add([]byte("标题,印发日期\r\"关于\"A\"的通知\",2017-06-01\rB,2017-06-02\r"), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, enc uint8) {
		records := func(b []byte, enc string) ([][]string, []int, error) {
			var recs [][]string
			var lines []int
			err := csvRecords(bytes.NewReader(b), enc, DefaultMaxCellBytes, func(line int, rec []string) error {
				if line < 1 || (len(lines) > 0 && line <= lines[len(lines)-1]) {
					t.Fatalf("line %d after %v", line, lines)
				}
				recs = append(recs, slices.Clone(rec))
				lines = append(lines, line)
				return nil
			})
			return recs, lines, err
		}
		recs, _, err := records(data, fuzzEncodings[int(enc)%len(fuzzEncodings)])
		if err == nil {
			for _, r := range recs {
				for _, c := range r {
					if !utf8.ValidString(c) || garbage(c) {
						t.Fatalf("decoded cell %q", c)
					}
				}
			}
		}
		// Text that is valid UTF-8 reads the same saved as GB18030 (unless
		// those bytes happen to be valid UTF-8 too).
		s := string(data)
		// (Private-use characters do not round-trip through x/text's GB18030.)
		if !utf8.Valid(data) || garbage(s) || strings.HasPrefix(s, "\ufeff") || strings.ContainsFunc(s, isPrivateUse) {
			return
		}
		want, wantLines, err := records(data, "")
		if err != nil {
			var qe *csvQuoteError
			var we *csvWidthError
			var le *csvLongError
			if !errors.As(err, &qe) && !errors.As(err, &we) && !errors.As(err, &le) {
				t.Fatalf("valid UTF-8 %q: %v", s, err)
			}
			return
		}
		g, err := simplifiedchinese.GB18030.NewEncoder().Bytes(data)
		if err != nil || utf8.Valid(g) {
			return
		}
		got, gotLines, err := records(g, "")
		if err != nil {
			t.Fatalf("GB18030 of %q: %v", s, err)
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("GB18030 of %q reads differently (-utf8 +gb18030):\n%s", s, diff)
		}
		if diff := cmp.Diff(wantLines, gotLines); diff != "" {
			t.Fatalf("GB18030 of %q: lines differ:\n%s", s, diff)
		}
	})
}

// FuzzReadCSVDir reads a unit's CSV folder whose 公文台账.csv is the input,
// with a small cell limit: never a panic; the folder is read, or refused
// with an *UnreadableError; a cell over the limit is a data error, never a
// value longer than the limit.
func FuzzReadCSVDir(f *testing.F) {
	f.Add([]byte("文号,标题,印发日期,公开属性,公开日期\n金政发〔2017〕1号,关于A的通知,2017-06-01,主动公开,2017-06-05\n"))
	f.Add([]byte("标题,印发日期\n\"关于\"\"B\"\"的通知，标题很长很长很长\",2017/6/1\r\n,\n"))
	f.Add([]byte("标题,印发日期\n\"未闭合,2017-06-01\n"))
	f.Add([]byte("\xb1\xea\xcc\xe2,\xd3\xa1\xb7\xa2\xc8\xd5\xc6\xda\r\n"))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, "公文台账.csv"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		const maxCell = 24
		u, err := ReadCSVDir(dir, Options{MaxCellBytes: maxCell, MaxRows: 1000})
		if err != nil {
			var ue *UnreadableError
			if !errors.As(err, &ue) {
				t.Fatalf("error %v is not an *UnreadableError", err)
			}
			return
		}
		for _, tb := range u.Tables {
			for _, r := range tb.Rows {
				if r.Line < 1 || r.Line > 1000 {
					t.Fatalf("row line %d", r.Line)
				}
				for k, v := range r.Values {
					if s, ok := v.(string); ok && len(s) > maxCell {
						t.Fatalf("%s: a value of %d bytes read past the %d-byte limit", k, len(s), maxCell)
					}
				}
			}
		}
	})
}

func isPrivateUse(r rune) bool {
	return unicode.In(r, unicode.Co)
}
