package msg

import "testing"

func TestClosest(t *testing.T) {
	keys := []string{"id", "title", "basis", "points", "method", "per", "table", "where", "check"}
	tests := map[string]string{
		"pionts": "points",
		"metod":  "method",
		"tabel":  "table",
		"chek":   "check",
		"ID":     "id",
		"xyzzy":  "",
		"wieght": "",
		"d":      "",
		"tabl":   "table",
	}
	for in, want := range tests {
		if got := Closest(in, keys); got != want {
			t.Errorf("Closest(%q) = %q, want %q", in, got, want)
		}
	}
}
