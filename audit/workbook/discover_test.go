package workbook

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwgk/zwgk/checklists/msg"
)

// tree makes the files (slash paths) under a new temporary folder and
// returns it.
func tree(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		p := filepath.Join(root, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestDiscover(t *testing.T) {
	loose := func(dir, zh, en string) msg.Text {
		return msg.Text{
			Zh: "ROOT" + dir + " 中散放的 " + zh + " 不是一个单位的报送材料，没有审核：这个文件夹里放着各单位的报送材料；如果它们是某个单位的台账，请放进以该单位命名的文件夹",
			En: "loose sheet files in ROOT" + dir + " (" + en + ") are not a unit's submission and were not audited: the folder holds the units' submissions; if they are one unit's registers, put them in a folder named after the unit",
		}
	}
	for _, tc := range []struct {
		name  string
		files []string
		args  []string // slash paths under the tree; "." is the tree
		want  []Submission
		warn  []msg.Text
	}{{
		name: "a district",
		files: []string{
			"乡镇/金积镇.xlsx", "乡镇/~$金积镇.xlsx", "乡镇/.~lock.金积镇.xlsx#", "乡镇/马莲渠乡.xls",
			"部门/发改局/公文台账.csv", "部门/发改局/单位信息.csv", "部门/发改局/说明.txt",
			"部门/财政局/2017年依申请公开台账.csv", "部门/统计/汇总.csv", "部门/教育局.XLSX", "部门/卫健局.pdf",
			"部门/民政局.zip", ".git/config", "部门/.hidden/公文台账.csv",
		},
		args: []string{".", "乡镇/金积镇.xlsx", "乡镇/~$金积镇.xlsx"},
		// Sorted by path, byte-wise (卫 U+536B before 发 U+53D1).
		want: []Submission{
			{Path: "乡镇/金积镇.xlsx", Kind: KindXLSX}, {Path: "乡镇/马莲渠乡.xls", Kind: KindOther}, {Path: "部门/发改局", Kind: KindCSV},
			{Path: "部门/教育局.XLSX", Kind: KindXLSX}, {Path: "部门/民政局.zip", Kind: KindZip}, {Path: "部门/统计/汇总.csv", Kind: KindOther},
			{Path: "部门/财政局", Kind: KindCSV},
		},
	}, {
		name:  "one unit's CSV folder given",
		files: []string{"发改局/公文台账.csv", "发改局/单位信息.csv", "发改局/说明.txt", "发改局/附件/扫描件.pdf"},
		args:  []string{"发改局/"},
		want:  []Submission{{Path: "发改局", Kind: KindCSV}}, // 说明.txt and a folder without submissions do not count
	}, {
		name:  "stray CSV at the top of a district folder",
		files: []string{"报送/公文台账.csv", "报送/金积镇.xlsx", "报送/财政局/公文台账.csv", "报送/财政局/单位信息.csv"},
		args:  []string{"报送"},
		want:  []Submission{{Path: "报送/财政局", Kind: KindCSV}, {Path: "报送/金积镇.xlsx", Kind: KindXLSX}},
		warn:  []msg.Text{loose("/报送", "公文台账.csv", "公文台账.csv")},
	}, {
		name:  "stray CSVs beside unit folders only",
		files: []string{"公文台账.csv", "单位信息.csv", "汇总.csv", "甲/公文台账.csv", "乙/公文台账.csv"},
		args:  []string{"."},
		want:  []Submission{{Path: "乙", Kind: KindCSV}, {Path: "甲", Kind: KindCSV}},
		warn:  []msg.Text{loose("", "公文台账.csv、单位信息.csv、汇总.csv", "公文台账.csv, 单位信息.csv, 汇总.csv")},
	}, {
		name:  "a stray CSV beside a zip",
		files: []string{"公文台账.csv", "金积镇.zip"},
		args:  []string{"."},
		want:  []Submission{{Path: "金积镇.zip", Kind: KindZip}},
		warn:  []msg.Text{loose("", "公文台账.csv", "公文台账.csv")},
	}, {
		name:  "a folder of CSVs not named after a sheet",
		files: []string{"统计/汇总.csv", "统计/明细.csv"},
		args:  []string{"统计"},
		want:  []Submission{{Path: "统计/明细.csv", Kind: KindOther}, {Path: "统计/汇总.csv", Kind: KindOther}},
	}, {
		name:  "a zip given",
		files: []string{"金积镇.ZIP"},
		args:  []string{"金积镇.ZIP"},
		want:  []Submission{{Path: "金积镇.ZIP", Kind: KindZip}},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			root := tree(t, tc.files...)
			var args []string
			for _, a := range tc.args {
				args = append(args, filepath.Join(root, filepath.FromSlash(a)))
			}
			subs, warn, err := Discover(args)
			if err != nil {
				t.Fatal(err)
			}
			var got []Submission
			for _, s := range subs {
				rel, _ := filepath.Rel(root, s.Path)
				got = append(got, Submission{Path: filepath.ToSlash(rel), Kind: s.Kind})
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("submissions (-want +got):\n%s", diff)
			}
			for i := range tc.warn {
				tc.warn[i].Zh = strings.Replace(tc.warn[i].Zh, "ROOT", filepath.ToSlash(root), 1)
				tc.warn[i].En = strings.Replace(tc.warn[i].En, "ROOT", filepath.ToSlash(root), 1)
			}
			if diff := cmp.Diff(tc.warn, warn); diff != "" {
				t.Errorf("warnings (-want +got):\n%s", diff)
			}
		})
	}
	if _, _, err := Discover([]string{filepath.Join(t.TempDir(), "nope")}); err == nil {
		t.Error("Discover(missing) succeeded")
	}
}
