package xlsx

import (
	"strings"
	"testing"
)

func TestCleanNameAndUnique(t *testing.T) {
	long := strings.Repeat("宁夏回族自治区吴忠市利通区", 3)
	tests := []struct {
		name  string
		taken []string
		in    string
		want  string
	}{
		{"plain", nil, "金积镇", "金积镇"},
		{"forbidden characters", nil, `a[b]c:d*e?f/g\h`, "a_b_c_d_e_f_g_h"},
		{"control characters", nil, "a\tb\x00c", "a_b_c"},
		{"apostrophes at the ends", nil, "'quoted'", "quoted"},
		{"blank", nil, "  ", ""},
		{"History is reserved", nil, "history", "history~2"},
		{"taken in another case", []string{"abc"}, "ABC", "ABC~2"},
		{"long", nil, long, string([]rune(long)[:31])},
		{"long and taken", []string{string([]rune(long)[:31])}, long, string([]rune(long)[:29]) + "~2"},
		{"surrogate pair at the cut", nil, strings.Repeat("a", 30) + "😀", strings.Repeat("a", 30)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CleanName(tt.in)
			if got != "" {
				got = NewNames(tt.taken...).Unique(got)
			}
			if got != tt.want {
				t.Errorf("CleanName+Unique(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextWidthAndLines(t *testing.T) {
	tests := []struct {
		s     string
		width float64
		lines int // in a column 11 wide
	}{
		{"", 0, 1},
		{"abc", 3, 1},
		{"金积镇", 6, 1},
		{"ａ１", 4, 1},
		{"金积镇人民政府办公室", 20, 2},
		{"ab\n金积镇人民政府", 14, 3},
	}
	for _, tt := range tests {
		if got := TextWidth(tt.s); got != tt.width {
			t.Errorf("TextWidth(%q) = %v, want %v", tt.s, got, tt.width)
		}
		if got := Lines(tt.s, 11); got != tt.lines {
			t.Errorf("Lines(%q, 11) = %d, want %d", tt.s, got, tt.lines)
		}
	}
}

func TestSafeText(t *testing.T) {
	for in, want := range map[string]string{"": "", "=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@a": "'@a",
		"\tx": "'\tx", "\rx": "'\rx", "金积镇": "金积镇", "a=b": "a=b"} {
		if got := SafeText(in); got != want {
			t.Errorf("SafeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFreeze(t *testing.T) {
	for _, tt := range []struct {
		row, col int
		cell     string
		pane     string
	}{{2, 1, "A2", "bottomLeft"}, {4, 2, "B4", "bottomRight"}, {1, 3, "C1", "topRight"}} {
		p := Freeze(tt.row, tt.col)
		if p.TopLeftCell != tt.cell || p.ActivePane != tt.pane || p.XSplit != tt.col-1 || p.YSplit != tt.row-1 {
			t.Errorf("Freeze(%d, %d) = %+v", tt.row, tt.col, p)
		}
	}
}
