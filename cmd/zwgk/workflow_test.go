package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/scoring"
)

// copySamples copies some units of the sample district into a new folder.
func copySamples(t *testing.T, names ...string) string {
	t.Helper()
	dir := t.TempDir()
	for _, n := range names {
		src := filepath.Join(samplesDir, "district", n)
		fi, err := os.Stat(src)
		if err != nil {
			t.Fatal(err)
		}
		if !fi.IsDir() {
			copyFile(t, src, filepath.Join(dir, n))
			continue
		}
		os.MkdirAll(filepath.Join(dir, n), 0o755)
		ents, _ := os.ReadDir(src)
		for _, e := range ents {
			copyFile(t, filepath.Join(src, e.Name()), filepath.Join(dir, n, e.Name()))
		}
	}
	return dir
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

type rosterRow struct {
	Name, Type, Status, Grade string
	Score                     float64
	Rank                      int
	MatchedBy                 string
	Disagreements             int
}

// TestRoster: a unit matched by alias and by prefix, one on the roster
// without a submission (未报送, 0, last grade, ranked last), a roster type that
// wins over the unit's own, and a submission that matches no roster entry.
func TestRoster(t *testing.T) {
	dir := copySamples(t, "金积镇.xlsx", "利通区发展和改革局.xlsx", "利通区财政局")
	roster := filepath.Join(t.TempDir(), "名单.yaml")
	os.WriteFile(roster, []byte(`units:
  - {name: 金积镇人民政府, type: 乡镇}
  - name: 区发展改革局全称
    type: 乡镇
    pilot: false
    aliases: [区发改局, 利通区发展和改革局]
  - {name: 利通区财政局, type: 部门, pilot: true}
  - {name: 扁担沟镇, type: 乡镇}
`), 0o644)
	out, _, code := zwgkRun(t, "audit", dir, "--roster", roster, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, out)
	}
	res, err := scoring.ReadResult(strings.NewReader(string(out)), "stdout")
	if err != nil {
		t.Fatal(err)
	}
	var got []rosterRow
	for _, u := range res.Units {
		r := rosterRow{Name: u.Name, Type: u.Type, Status: u.Status, Grade: u.Grade, Score: u.Score, Rank: u.Rank}
		if u.Roster != nil {
			r.MatchedBy, r.Disagreements = u.Roster.MatchedBy, len(u.Roster.Disagreements)
		}
		got = append(got, r)
	}
	want := []rosterRow{
		{"金积镇人民政府", "乡镇", "ok", "优秀", 100, 1, "name", 1}, // 金积镇 = 金积镇人民政府; the name differs
		{"利通区财政局", "部门", "ok", "优秀", 95.5, 2, "name", 0},
		{"区发展改革局全称", "乡镇", "ok", "优秀", 95, 3, "alias", 3}, // name, type (部门→乡镇) and pilot (是→否) differ
		{"扁担沟镇", "乡镇", "missing", "不合格", 0, 4, "", 0},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got)\n%s", diff)
	}
	if diff := cmp.Diff([]string{"扁担沟镇"}, res.Missing); diff != "" {
		t.Errorf("missing (-want +got)\n%s", diff)
	}

	// A submission that matches no roster unit was read: it is not an error,
	// not a row, not exit 2, but a warning naming its file. Of two
	// submissions for one unit, the one whose 单位信息 and file name both
	// match is scored; the other is a warning naming both files.
	copyFile(t, filepath.Join(samplesDir, "district", "金积镇.xlsx"), filepath.Join(dir, "金积镇（补报）.xlsx"))
	copyFile(t, filepath.Join(samplesDir, "district", "古城镇.xlsx"), filepath.Join(dir, "古城镇.xlsx"))
	out, _, code = zwgkRun(t, "audit", dir, "--roster", roster, "--format", "json")
	if code != exitOK {
		t.Fatalf("exit %d, want 0", code)
	}
	res, _ = scoring.ReadResult(strings.NewReader(string(out)), "stdout")
	if len(res.Errors) != 0 || len(res.Units) != 4 {
		t.Errorf("errors %v, %d units; want none and the roster's 4", res.Errors, len(res.Units))
	}
	gucheng := filepath.ToSlash(filepath.Join(dir, "古城镇.xlsx"))
	jinji, late := filepath.ToSlash(filepath.Join(dir, "金积镇.xlsx")), filepath.ToSlash(filepath.Join(dir, "金积镇（补报）.xlsx"))
	wantWarnings := []string{
		"报送材料 " + gucheng + " 已读取，但单位「古城镇」不在应报送单位名单 " + roster + " 中，未评分（请核对单位名称，或在名单中为它加上别名）",
		"报送材料 " + jinji + " 和 " + late + " 都按名单中的「金积镇人民政府」报送：" + jinji + " 的单位信息名称和文件名都相符，按它评估；" +
			late + " 的单位信息名称为「金积镇」、文件名为「金积镇（补报）」，未评分，请核对后重新报送",
	}
	if diff := cmp.Diff(wantWarnings, res.Warnings); diff != "" {
		t.Errorf("warnings (-want +got)\n%s", diff)
	}
}

// TestReviewWorkbook: the spot-check workbook, filled in as the district
// office does, dismisses a finding and adjusts an item, and the score is
// recomputed; an unmatched decision is reported.
func TestReviewWorkbook(t *testing.T) {
	dir := copySamples(t, "高闸镇.xlsx")
	sample := filepath.Join(t.TempDir(), "抽查表.xlsx")
	if _, errb, code := zwgkRun(t, "sample", dir, "--per-unit", "20", "--seed", "7", "-o", sample); code != exitOK {
		t.Fatalf("sample: exit %d\n%s", code, errb)
	}
	f, err := excelize.OpenFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("抽查表")
	filled := 0
	for i, r := range rows[1:] {
		if len(r) > 9 && r[9] == "A4" { // 高闸镇's unpublished 主动公开 document
			line := i + 2
			f.SetCellStr("抽查表", "L"+itoa(line), "不属实")
			f.SetCellStr("抽查表", "M"+itoa(line), "经核查，已于12月20日在政府网站公开，台账漏填")
			f.SetCellStr("抽查表", "N"+itoa(line), "区政府办公室 张三")
			f.SetCellStr("抽查表", "O"+itoa(line), "2017-12-28")
			filled++
		}
	}
	if filled != 1 {
		t.Fatalf("found %d sampled A4 rows, want 1:\n%v", filled, rows)
	}
	f.SetCellStr("指标调整", "A2", "高闸镇")
	f.SetCellStr("指标调整", "B2", "F3")
	f.SetCellStr("指标调整", "C2", "1")
	f.SetCellStr("指标调整", "D2", "未提供培训签到表")
	f.SetCellStr("指标调整", "A3", "高闸镇")
	f.SetCellStr("指标调整", "B3", "Z9")
	f.SetCellStr("指标调整", "C3", "1")
	f.SetCellStr("指标调整", "D3", "没有这个指标")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	before, _ := auditSamplesJSON(t, dir)
	after, _ := auditSamplesJSON(t, dir, "--review", sample)
	b, a := before.Units[0], after.Units[0]
	// A4 deducts 2 per row (6 points): dismissing the one row gives 2 back;
	// F3 self-scored 3 is adjusted to 1: −2. 88.5 + 2 − 2 = 88.5.
	if b.Score != 88.5 || a.Score != 88.5 {
		t.Errorf("scores %v → %v, want 88.5 → 88.5", b.Score, a.Score)
	}
	items := map[string]scoring.ItemResult{}
	for _, it := range a.Items {
		items[it.ID] = it
	}
	if it := items["A4"]; it.Failed != 0 || it.Dismissed != 1 || it.Score != 6 {
		t.Errorf("A4 after review = %+v, want 0 failed, 1 dismissed, 6 points", it)
	}
	if it := items["F3"]; it.Score != 1 || it.Computed == nil || *it.Computed != 3 {
		t.Errorf("F3 after review = %+v, want 1 (computed 3)", it)
	}
	var reviewed []string
	for _, fd := range a.Findings {
		if fd.Review != nil {
			reviewed = append(reviewed, fd.Item+" "+fd.Review.Decision+" "+fd.Review.By+" "+fd.Review.On)
		}
	}
	if diff := cmp.Diff([]string{"A4 dismiss 区政府办公室 张三 2017-12-28"}, reviewed); diff != "" {
		t.Errorf("reviewed findings (-want +got)\n%s", diff)
	}
	var unmatched []string
	for _, d := range after.Decisions {
		if !d.Applied {
			unmatched = append(unmatched, d.Item)
		}
	}
	if diff := cmp.Diff([]string{"Z9"}, unmatched); diff != "" {
		t.Errorf("unmatched decisions (-want +got)\n%s", diff)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }
