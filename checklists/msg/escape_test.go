package msg

import "testing"

func TestEscape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "城关镇 A-1", "城关镇 A-1"},
		{"tab and newline kept", "a\tb\nc", "a\tb\nc"},
		{"osc title", "x\x1b]0;pwned\x07y", `x\x1b]0;pwned\x07y`},
		{"clear screen", "\x1b[2J\x1b[H", `\x1b[2J\x1b[H`},
		{"carriage return", "ok\rbad", `ok\x0dbad`},
		{"nul and del", "a\x00b\x7f", `a\x00b\x7f`},
		{"c1 csi", "a\u009b2Jb", `a\u009b2Jb`},
		{"bidi override", "公告\u202etxt.exe", `公告\u202etxt.exe`},
		{"bidi isolates", "\u2066a\u2069", `\u2066a\u2069`},
		{"invalid utf-8", "a\xffb", `a\xffb`},
		{"replacement character kept", "a\ufffdb", "a\ufffdb"},
		{"backslash kept", `C:\报送\a.xlsx`, `C:\报送\a.xlsx`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Escape(tt.in); got != tt.want {
				t.Errorf("Escape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
