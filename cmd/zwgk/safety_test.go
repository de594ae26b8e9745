package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/audit/workbook"
	"github.com/zwgk/zwgk/checklists"
)

// writeUnit writes a small filled-in template for a unit.
func writeUnit(t *testing.T, path, name string, docs [][]any) {
	t.Helper()
	var buf bytes.Buffer
	if err := workbook.WriteTemplate(&buf, checklists.DefaultSchema()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, kv := range [][2]string{{"单位名称", name}, {"单位类型", "乡镇"}} {
		rows, _ := f.GetRows("单位信息")
		for i, r := range rows {
			if len(r) > 0 && r[0] == kv[0] {
				f.SetCellStr("单位信息", "B"+strconv.Itoa(i+1), kv[1])
			}
		}
	}
	header, _ := f.GetRows("公文台账")
	col := map[string]int{}
	for i, h := range header[0] {
		col[h] = i + 1
	}
	for r, d := range docs {
		for i, h := range []string{"文号", "标题", "印发日期", "公开属性", "公开日期"} {
			if i < len(d) && d[i] != nil {
				cell, _ := excelize.CoordinatesToCellName(col[h], r+2)
				f.SetCellValue("公文台账", cell, d[i])
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

func hashTree(t *testing.T, root string) map[string]string {
	t.Helper()
	sums := map[string]string{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		h := sha256.Sum256(data)
		info, _ := d.Info()
		sums[p] = hex.EncodeToString(h[:]) + " " + info.Mode().String() + " " + info.ModTime().String()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return sums
}

// TestInputsNeverWritten hashes every input before and after a full run of
// audit, report, sample and diff, and checks that -o never replaces an
// input or an existing report without --force and leaves no temporary file.
func TestInputsNeverWritten(t *testing.T) {
	invoke := func(t *testing.T, args ...string) (string, string, int) {
		out, errb, code := zwgkRun(t, args...)
		return string(out), string(errb), code
	}
	in := filepath.Join(t.TempDir(), "报送材料")
	if err := os.MkdirAll(filepath.Join(in, "利通区财政局"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeUnit(t, filepath.Join(in, "金积镇.xlsx"), "金积镇", [][]any{{"金政发〔2017〕1号", "关于印发某方案的通知", "2017-06-01", "主动公开", "2017-06-05"}})
	writeUnit(t, filepath.Join(in, "古城镇.xlsx"), "古城镇", [][]any{{"古政发〔2017〕2号", "=HYPERLINK(\"http://x\")", "2017-06-01", "依申请公开"}})
	os.WriteFile(filepath.Join(in, "损坏.xlsx"), []byte("PK\x03\x04 not really a zip"), 0o644)
	os.WriteFile(filepath.Join(in, "利通区财政局", "公文台账.csv"), []byte("文号,标题,印发日期,公开属性\n财发〔2017〕1号,关于预算公开的通知,2017/6/1,主动公开\n"), 0o644)
	before := hashTree(t, in)

	out := t.TempDir()
	res := filepath.Join(out, "结果.json")
	_, stderr, code := invoke(t, "audit", in, "-o", filepath.Join(out, "报告.xlsx"), "-o", res, "-o", filepath.Join(out, "汇总.csv"))
	if code != 2 || !strings.Contains(stderr, "损坏.xlsx") {
		t.Errorf("audit with a damaged file: exit %d, stderr %q; want 2 naming 损坏.xlsx", code, stderr)
	}
	if _, _, code := invoke(t, "report", res, "-o", filepath.Join(out, "重出.xlsx")); code != 0 {
		t.Errorf("report: exit %d", code)
	}
	if _, _, code := invoke(t, "sample", in, "--seed", "1", "-o", filepath.Join(out, "抽查表.xlsx")); code != 2 {
		t.Errorf("sample: exit %d, want 2 (the damaged file)", code)
	}
	if _, _, code := invoke(t, "diff", res, res); code != 0 {
		t.Errorf("diff: exit %d", code)
	}

	// -o never writes over an input, nor an existing report without --force.
	for _, args := range [][]string{
		{"audit", in, "-o", filepath.Join(in, "金积镇.xlsx")},
		{"audit", in, "-o", filepath.Join(in, "新报告.xlsx")}, // inside the submissions: next run would read it
		{"audit", in, "-o", filepath.Join(out, "报告.xlsx")},
		{"report", res, "-o", res},
	} {
		_, stderr, code := invoke(t, args...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr)
		}
	}
	// A hard link elsewhere to a file inside the submissions folder is that
	// file: refused even with --force.
	link := filepath.Join(out, "链接.xlsx")
	if err := os.Link(filepath.Join(in, "金积镇.xlsx"), link); err == nil {
		if _, stderr, code := invoke(t, "audit", in, "--force", "-o", link); code != 2 || !strings.Contains(stderr, "输入文件") {
			t.Errorf("-o a hard link to a submission: exit %d, stderr %q; want 2, refused as an input", code, stderr)
		}
	}
	_, stderr, _ = invoke(t, "audit", in, "-o", filepath.Join(out, "报告.xlsx"))
	if !strings.Contains(stderr, "--force") {
		t.Errorf("refusing to overwrite should mention --force: %q", stderr)
	}
	if _, _, code := invoke(t, "audit", in, "--force", "-o", filepath.Join(out, "报告.xlsx")); code != 2 {
		t.Errorf("--force overwrite: exit %d, want 2 (the damaged input is still reported)", code)
	}

	if diff := cmp.Diff(before, hashTree(t, in)); diff != "" {
		t.Errorf("inputs changed (-before +after):\n%s", diff)
	}
	ents, _ := os.ReadDir(out)
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".tmp") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
}
