package docx

import (
	"bytes"
	"testing"
)

// FuzzText: whatever text a unit puts in a name or a register (it reaches
// paragraphs, table cells and note titles) leaves the document well-formed
// and reads back as written, escaped (clean).
func FuzzText(f *testing.F) {
	for _, s := range []string{"金积镇", "a<b>&c", "\x00\x1b]0;x\x07\u202e", "\uFFFE\uFFFF", "\xff\xfe", "line\r\nbreak\tTab", "】【待填写】（"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		d := New(&b, s)
		d.Note("tag"+s, s)
		d.Text(Marked(s, "【待填写】")...)
		d.EndNote()
		d.Table(Table{Widths: []int{1, 2}, Rows: [][]Cell{{C(s, Left), {Runs: []Run{{Text: s, Mark: true}}}}}})
		if err := d.Close(); err != nil {
			t.Fatal(err)
		}
		if err := Check(b.Bytes()); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		c, err := Read(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		want := clean(s)
		if len(c.Paragraphs) == 0 || c.Paragraphs[0].Text != want {
			t.Fatalf("%q: paragraph %+v, want %q", s, c.Paragraphs, want)
		}
		if got := c.Tables[0].Rows[0]; got[0] != want || got[1] != want {
			t.Fatalf("%q: cells %q, want %q", s, got, want)
		}
	})
}
