package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/scoring"
)

// TestIntakeShared: audit, annual-report and sample take the same
// submissions and refuse the same ones (roster.Reconciler): one unreadable,
// one with no register rows (the blank template), two for one unit.
func TestIntakeShared(t *testing.T) {
	dir := copySamples(t, "金积镇.xlsx", "上桥镇.xlsx")
	copyFile(t, filepath.Join(dir, "金积镇.xlsx"), filepath.Join(dir, "金积镇人民政府.xlsx"))
	if err := os.WriteFile(filepath.Join(dir, "坏文件.xlsx"), []byte("%PDF-1.4"), 0o644); err != nil {
		t.Fatal(err)
	}
	blank := filepath.Join(dir, "空表.xlsx")
	if _, errb, code := zwgkRun(t, "template", "-o", blank); code != exitOK {
		t.Fatalf("template: exit %d %s", code, errb)
	}
	refused := []string{"坏文件.xlsx", "空表.xlsx", "金积镇.xlsx", "金积镇人民政府.xlsx"}
	out := t.TempDir()

	stdout, errb, code := zwgkRun(t, "audit", dir, "--format", "json")
	if code != exitError2 {
		t.Errorf("audit: exit %d %s", code, errb)
	}
	res, err := scoring.ReadResult(bytes.NewReader(stdout), "stdout")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range res.Errors {
		got = append(got, filepath.Base(e.File))
	}
	slices.Sort(got)
	if diff := cmp.Diff(refused, got); diff != "" {
		t.Errorf("audit errors (-want +got):\n%s", diff)
	}
	if len(res.Units) != len(refused)+1 || res.Units[0].Name != "上桥镇" || res.Units[0].Status != scoring.StatusOK {
		t.Errorf("audit units: %+v", res.Units)
	}

	j := filepath.Join(out, "a.json")
	if _, errb, code := zwgkRun(t, "annual-report", dir, "--year", "2017", "-o", j); code != exitError2 {
		t.Errorf("annual-report: exit %d %s", code, errb)
	}
	f := readAnnualJSON(t, j)
	got = nil
	for _, e := range f.Errors {
		got = append(got, filepath.Base(e.File))
	}
	slices.Sort(got)
	if diff := cmp.Diff(refused, got); diff != "" {
		t.Errorf("annual-report errors (-want +got):\n%s", diff)
	}
	if len(f.Units) != 1 || f.Units[0].Name != "上桥镇" {
		t.Errorf("annual-report units: %d", len(f.Units))
	}

	stdout, errb, code = zwgkRun(t, "sample", dir, "--per-unit", "2", "--seed", "7", "-o", filepath.Join(out, "s.xlsx"))
	if code != exitError2 {
		t.Errorf("sample: exit %d %s", code, errb)
	}
	if want := "已抽取 1 个单位共 2 行，随机种子 7，写入 " + filepath.Join(out, "s.xlsx") + "\n"; string(stdout) != want {
		t.Errorf("sample: %q, want %q", stdout, want)
	}
	for _, name := range refused {
		if !strings.Contains(string(errb), filepath.ToSlash(filepath.Join(dir, name))+": ") {
			t.Errorf("sample: %s not named in %s", name, errb)
		}
	}
}
