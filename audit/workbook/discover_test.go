package workbook

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestDiscover(t *testing.T) {
	root := t.TempDir()
	files := []string{
		"乡镇/金积镇.xlsx",
		"乡镇/~$金积镇.xlsx",
		"乡镇/.~lock.金积镇.xlsx#",
		"乡镇/马莲渠乡.xls",
		"部门/发改局/公文台账.csv",
		"部门/发改局/单位信息.csv",
		"部门/发改局/说明.txt",
		"部门/财政局/2017年依申请公开台账.csv",
		"部门/统计/汇总.csv",
		"部门/教育局.XLSX",
		"部门/卫健局.pdf",
		".git/config",
		"部门/.hidden/公文台账.csv",
	}
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	j := func(p string) string { return filepath.Join(root, filepath.FromSlash(p)) }
	got, err := Discover([]string{root, j("乡镇/金积镇.xlsx"), j("乡镇/~$金积镇.xlsx")})
	if err != nil {
		t.Fatal(err)
	}
	// Sorted by path, byte-wise (卫 U+536B before 发 U+53D1).
	want := []Submission{
		{j("乡镇/金积镇.xlsx"), KindXLSX},
		{j("乡镇/马莲渠乡.xls"), KindOther},
		{j("部门/发改局"), KindCSV},
		{j("部门/教育局.XLSX"), KindXLSX},
		{j("部门/统计/汇总.csv"), KindOther},
		{j("部门/财政局"), KindCSV},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Discover (-want +got):\n%s", diff)
	}
	// A CSV folder given itself, and a missing path.
	got, err = Discover([]string{j("部门/发改局") + string(filepath.Separator)})
	if err != nil || len(got) != 1 || got[0] != (Submission{j("部门/发改局"), KindCSV}) { // 说明.txt beside the CSVs is not a submission
		t.Errorf("Discover(folder) = %v, %v", got, err)
	}
	if _, err := Discover([]string{j("nope")}); err == nil {
		t.Error("Discover(missing) succeeded")
	}
}
