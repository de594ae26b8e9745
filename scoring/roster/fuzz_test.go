package roster

import "testing"

// FuzzParse: Parse never panics, and a roster it accepts has named units,
// each found by its own name — unless the name folds to nothing (利通区,
// 吴忠市: accepted today, never matched, so always missing).
func FuzzParse(f *testing.F) {
	f.Add([]byte(testRoster))
	f.Add([]byte("units:\n  - {name: 金积镇, type: 镇}\n"))
	f.Add([]byte("units:\n  - {name: 金积镇}\n  - {name: 利通区金积镇}\n"))
	f.Add([]byte("units: [{name: ''}]\n"))
	f.Add([]byte("unit: []\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		ro, err := Parse("名单.yaml", data)
		if err != nil {
			return
		}
		for _, u := range ro.Units {
			if u.Name == "" {
				t.Fatalf("unit without a name: %+v", u)
			}
			if NormalizeName(u.Name) == "" {
				continue
			}
			if got, _ := ro.Lookup(u.Name); got != u {
				t.Fatalf("Lookup(%q) = %v, want the unit itself", u.Name, got)
			}
		}
	})
}

// FuzzSimilarity: Similarity is symmetric, between 0 and 1, and 1 for a
// name with itself (unless it folds to nothing).
func FuzzSimilarity(f *testing.F) {
	f.Add("利通区发改局", "利通区发展和改革局")
	f.Add("金积镇", "金银滩镇")
	f.Add("区", "区区")
	f.Add("乡", "镇")
	f.Fuzz(func(t *testing.T, a, b string) {
		s := Similarity(a, b)
		if s < 0 || s > 1 || s != Similarity(b, a) {
			t.Fatalf("Similarity(%q, %q) = %v, Similarity(%q, %q) = %v", a, b, s, b, a, Similarity(b, a))
		}
		if similarityKey(a) != "" && Similarity(a, a) != 1 {
			t.Fatalf("Similarity(%q, itself) = %v", a, Similarity(a, a))
		}
	})
}
