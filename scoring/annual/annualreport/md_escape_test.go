package annualreport

import "testing"

// TestMDTextEscapes: a value from the registers neither breaks a Markdown
// table nor reaches the reader's terminal with its control characters.
func TestMDTextEscapes(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"pipe and newline", "a|b\nc", "a｜b c"},
		{"osc and bidi", "城关镇\x1b]0;pwned\x07\u202e", `城关镇\x1b]0;pwned\x07\u202e`},
		{"carriage return", "a\rb", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mdText(tt.in); got != tt.want {
				t.Errorf("mdText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
