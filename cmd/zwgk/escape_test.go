package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
)

// TestStderrEscapesFileNames: a file name with a terminal escape sequence
// and a bidi override reaches standard error escaped, in both languages.
func TestStderrEscapesFileNames(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "城关镇\x1b]0;pwned\x07\u202e.xlsx")
	shown := filepath.Join(dir, `城关镇\x1b]0;pwned\x07\u202e.xlsx`)
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			e := newEnv()
			e.stdout, e.stderr, e.stderrTTY = &stdout, &stderr, false
			if code := run([]string{"audit", "--lang", lang, name}, e); code != exitError2 {
				t.Errorf("exit %d, want %d", code, exitError2)
			}
			got := stderr.String()
			if strings.ContainsAny(got, "\x1b\x07\u202e") {
				t.Errorf("standard error holds raw control characters: %q", got)
			}
			if !strings.Contains(got, shown) {
				t.Errorf("standard error %q does not name %q", got, shown)
			}
		})
	}
}
