package workbook

import (
	"strings"
	"testing"
	"unicode"
)

// TestTrimSpaceMatchesStrings compares trimSpace with strings.TrimSpace
// with every rune, and every byte that is not UTF-8, at either end.
func TestTrimSpaceMatchesStrings(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimSpace(%q) = %q, strings.TrimSpace gives %q", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		c := string(r)
		check(c)
		check(c + "利")
		check("利" + c)
		check(c + "a" + c)
	}
	for b := 0x80; b <= 0xff; b++ {
		c := string([]byte{byte(b)})
		check(c)
		check(c + " 利 ")
		check("\u3000利" + c)
		check("\xe5\x88" + c)
	}
}

// FuzzTrimSpace holds trimSpace equal to strings.TrimSpace.
func FuzzTrimSpace(f *testing.F) {
	for _, s := range []string{"", " ", "利政发", " 利 ", "\u3000主动公开\u00a0", "a\x85", "\xe3\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimSpace(s), strings.TrimSpace(s); got != want {
			t.Errorf("trimSpace(%q) = %q, strings.TrimSpace gives %q", s, got, want)
		}
	})
}
