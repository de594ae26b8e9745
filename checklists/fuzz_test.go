package checklists

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzLoad feeds arbitrary text to Load and Lint: they must never panic,
// and must agree on whether the text is a valid checklist.
func FuzzLoad(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.yaml")
	lint, _ := filepath.Glob("testdata/lint/*.yaml")
	for _, name := range append(files, lint...) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(v2Doc)) // zwgk.checklist/v2
	v2, _ := filepath.Glob("../scoring/testdata/v2/*.yaml")
	for _, name := range v2 {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Load("fuzz.yaml", data, LoadOptions{})
		errs := Lint("fuzz.yaml", data, LoadOptions{})
		if (err == nil) != !errs.HasErrors() {
			t.Fatalf("Load error %v, Lint errors %v", err, errs)
		}
		if err == nil && (c == nil || c.Total == nil || c.PerformanceWeight == nil || c.Schema == nil || c.Calendar == nil) {
			t.Fatalf("incomplete checklist %+v", c)
		}
		for _, e := range errs {
			if e.Pos.File != "fuzz.yaml" && e.Pos.File != "embedded:common" {
				t.Fatalf("error in %q", e.Pos.File)
			}
		}
	})
}
