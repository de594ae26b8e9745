package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestConsoleTableFitsWidth: a table whose natural width is over
// ConsoleWidth is folded to fit, the widest column first, Chinese broken
// between characters and English at spaces; a narrow table is untouched.
func TestConsoleTableFitsWidth(t *testing.T) {
	long := strings.Repeat("应公开未公开的政府信息", 12)
	var buf bytes.Buffer
	tab := NewTable(&buf, []string{"编号", "说明", "English"})
	tab.Append([]string{"A1", long, "the quick brown fox jumps over the lazy dog again and again and again and again"})
	tab.Append([]string{"A2", "短", "short"})
	if err := tab.Render(); err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, line := range strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n") {
		if w := displayWidth(line); w > ConsoleWidth {
			t.Errorf("line %d cells wide, want ≤ %d: %s", w, ConsoleWidth, line)
		}
		text = append(text, line)
	}
	// Every character of the long cells is still there, in order.
	var gotZh, gotEn strings.Builder
	for _, line := range text[3 : len(text)-1] {
		cells := strings.Split(line, "│")
		gotZh.WriteString(strings.TrimSpace(cells[2]))
		if en := strings.TrimSpace(cells[3]); en != "" {
			if gotEn.Len() > 0 && !strings.HasPrefix(en, "short") {
				gotEn.WriteString(" ")
			}
			gotEn.WriteString(en)
		}
	}
	if diff := cmp.Diff(long+"短", gotZh.String()); diff != "" {
		t.Errorf("Chinese cell (-want +got)\n%s", diff)
	}
	if !strings.HasPrefix(gotEn.String(), "the quick brown fox jumps over the lazy dog again and again and again and again") {
		t.Errorf("English cell broken inside a word: %q", gotEn.String())
	}

	buf.Reset()
	small := NewTable(&buf, []string{"a", "b"})
	small.Append([]string{"1", "二"})
	small.Render()
	want := "┌───┬────┐\n│ a │ b  │\n├───┼────┤\n│ 1 │ 二 │\n└───┴────┘\n"
	if diff := cmp.Diff(want, buf.String()); diff != "" {
		t.Errorf("small table (-want +got)\n%s", diff)
	}
}

func TestFold(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"公开不及时：印发后第8个工作日公开", "公开不及时：\n印发后第8个工\n作日公开"},
		{"published too late by far", "published too\nlate by far"},
		{"短", "短"},
	} {
		if got := fold(c.in, 13); got != c.want {
			t.Errorf("fold(%q, 13) = %q, want %q", c.in, got, c.want)
		}
	}
}
