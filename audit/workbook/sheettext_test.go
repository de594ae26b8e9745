package workbook

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// sheetXML writes a worksheet part of inline strings.
func sheetXML(rows [][]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for i, r := range rows {
		fmt.Fprintf(&b, `<row r="%d">`, i+1)
		for j, c := range r {
			fmt.Fprintf(&b, `<c r="%s" t="inlineStr"><is><t>%s</t></is></c>`, cellName(j+1, i+1), c)
		}
		b.WriteString(`</row>`)
	}
	b.WriteString(`</sheetData></worksheet>`)
	return b.String()
}

func readRows(t *testing.T, sr *sheetRows) [][]string {
	t.Helper()
	var got [][]string
	for i := 0; i < sr.stored; i++ {
		got = append(got, append([]string(nil), sr.row(i, nil)...))
	}
	return got
}

// TestSheetTextChunks: values that fill chunks to the byte, cross their
// ends, are longer than a chunk or exactly one chunk, read back as written,
// from a first chunk sized by the hint or not.
func TestSheetTextChunks(t *testing.T) {
	var rows [][]string
	for i := range 3000 {
		n := (i * 37) % 300
		if i%500 == 7 {
			n = chunkSize + i // longer than a chunk: one of its own
		}
		if i == 1000 {
			n = chunkSize
		}
		rows = append(rows, []string{strings.Repeat(string(rune('a'+i%26)), n), fmt.Sprint(i), "利政发〔2017〕15号"})
	}
	want := make([][]string, len(rows))
	for i, r := range rows {
		want[i] = r
		if r[0] == "" {
			want[i] = r[1:]
			want[i] = append([]string{""}, want[i]...)
		}
	}
	xml := sheetXML(rows)
	for _, hint := range []int{0, 100, 5000, 1 << 20} {
		sr, err := readSheetRows(strings.NewReader(xml), nil, DefaultMaxRows, DefaultMaxCellBytes, hint)
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want, readRows(t, sr)); diff != "" {
			t.Errorf("hint %d: rows (-want +got)\n%s", hint, diff)
		}
		for i, c := range sr.chunks {
			if len(c) > chunkSize && len(c) != chunkSize+7+500*((len(c)-chunkSize-7)/500) {
				t.Errorf("hint %d: chunk %d holds %d bytes", hint, i, len(c))
			}
		}
		sr.release()
	}
}

// TestSheetValueKeepsOnlyItsChunk: a value kept after its sheet keeps at
// most its chunk alive, not the sheet's text.
func TestSheetValueKeepsOnlyItsChunk(t *testing.T) {
	var rows [][]string
	for i := range 4000 {
		rows = append(rows, []string{strings.Repeat("甲", 300) + fmt.Sprint(i)})
	}
	xml := sheetXML(rows) // 3.6 MB of text
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	sr, err := readSheetRows(strings.NewReader(xml), nil, DefaultMaxRows, DefaultMaxCellBytes, len(xml)/8)
	if err != nil {
		t.Fatal(err)
	}
	kept := sr.row(2000, nil)[0]
	sr.release()
	sr = nil
	runtime.GC()
	runtime.ReadMemStats(&after)
	if !strings.HasSuffix(kept, "2000") {
		t.Fatalf("kept %q", kept[len(kept)-10:])
	}
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 1<<20 {
		t.Errorf("keeping one value keeps %d KB of the heap alive", grown>>10)
	}
	runtime.KeepAlive(kept)
}

// TestSheetTextChunkLimit: past the chunks a cellRef can number, a value
// is refused as too much text rather than numbered wrongly.
func TestSheetTextChunkLimit(t *testing.T) {
	txt := newSheetText(0)
	txt.chunks = make([]string, 1<<16-2)
	if _, err := txt.add([]byte("a"), nil); err != nil {
		t.Fatalf("chunk %d: %v", len(txt.chunks)-1, err)
	}
	for _, v := range [][]byte{make([]byte, chunkSize+1), make([]byte, chunkSize)} {
		_, err := txt.add(v, nil)
		if se, ok := err.(*sheetError); !ok || se.kind != sheetTooBig {
			t.Errorf("a value of %d bytes past the last chunk: %v, want too much text", len(v), err)
		}
	}
	if c, err := txt.add([]byte("b"), nil); err != nil || txt.chunk(int(c.chunk))[c.off:c.off+c.n] != "b" {
		t.Errorf("a value fitting the open chunk: %v, %v", c, err)
	}
}
