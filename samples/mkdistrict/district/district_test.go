package district

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/calendar"
)

// TestDistrictIsFresh regenerates the 2017 district and requires the
// committed files under samples/district to be exactly what the generator
// writes: the samples are generated data, and a hand edit or a change to the
// generator (or to the template it starts from) must be followed by
// `go generate ./samples/mkdistrict`. The comparison is byte for byte because
// reproducibility is the property under test; zwgk's own reports are never
// compared this way.
func TestDistrictIsFresh(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, 2017); err != nil {
		t.Fatal(err)
	}
	want := files(t, "../../district")
	got := files(t, dir)
	if diff := cmp.Diff(names(want), names(got)); diff != "" {
		t.Fatalf("samples/district is stale (-committed +generated):\n%s\nrun: go generate ./samples/mkdistrict", diff)
	}
	for name, w := range want {
		if !bytes.Equal(w, got[name]) {
			t.Errorf("samples/district/%s differs from the generator's output; run: go generate ./samples/mkdistrict", name)
		}
	}
}

// TestDeterministic writes each year twice and requires identical bytes.
func TestDeterministic(t *testing.T) {
	for _, year := range []int{2017, 2018} {
		a, b := t.TempDir(), t.TempDir()
		if err := Write(a, year); err != nil {
			t.Fatal(err)
		}
		if err := Write(b, year); err != nil {
			t.Fatal(err)
		}
		fa, fb := files(t, a), files(t, b)
		if diff := cmp.Diff(names(fa), names(fb)); diff != "" {
			t.Fatalf("%d: file lists differ:\n%s", year, diff)
		}
		for name := range fa {
			if !bytes.Equal(fa[name], fb[name]) {
				t.Errorf("%d: %s differs between two runs", year, name)
			}
		}
	}
}

func files(t *testing.T, root string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		out[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func names(m map[string][]byte) []string {
	return slices.Sorted(maps.Keys(m))
}

// TestPlantedWorkdays checks the working-day counts samples/README.md
// states for the planted rows, with the calendar the default checklist uses
// (cn and the Ningxia overlay cn-nx) and with the national one alone: the
// Eid cases differ between the two.
func TestPlantedWorkdays(t *testing.T) {
	nx, err := calendar.Load([]string{"cn", "cn-nx"})
	if err != nil {
		t.Fatal(err)
	}
	cn, err := calendar.Load([]string{"cn"})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name          string
		from, to      string
		withNX, plain int
	}{
		{"金积镇 公文台账!4 端午 调休", "2017-05-24", "2017-06-01", 5, 5},
		{"金积镇 公文台账!7 古尔邦节", "2017-08-29", "2017-09-06", 3, 6},
		{"金积镇 依申请公开台账!2", "2017-03-20", "2017-04-05", 11, 11},
		{"金积镇 依申请公开台账!3 延期", "2017-11-01", "2017-12-05", 24, 24},
		{"金积镇 公文台账!11 年底未到期", "2017-12-15", "2017-12-31", 10, 10},
		{"上桥镇 公文台账!7 国庆", "2017-09-29", "2017-10-10", 3, 3},
		{"利通区发展和改革局 公文台账!8 国庆", "2017-09-29", "2017-10-13", 6, 6},
		{"利通区卫生和计划生育局 公文台账!5 开斋节", "2017-06-23", "2017-07-03", 4, 6},
		{"利通区卫生和计划生育局 依申请公开台账!2", "2017-06-19", "2017-07-07", 12, 14},
		{"利通区民政局 依申请公开登记台账!3", "2017-06-12", "2017-06-30", 11, 14},
		{"利通区民政局 依申请公开登记台账!4", "2017-09-04", "2017-09-28", 18, 18},
		{"利通区民政局 2017年公文台账!12 A4 不在范围", "2017-12-04", "2017-12-31", 19, 19},
		{"A4 最晚在范围内的印发日期", "2017-12-01", "2017-12-31", 20, 20},
		{"扁担沟镇 公文台账!3", "2017-03-06", "2017-03-16", 8, 8},
		{"扁担沟镇 公文台账!6", "2017-06-19", "2017-07-10", 13, 15},
		{"扁担沟镇 依申请公开台账!3 未答复", "2017-11-06", "2017-12-31", 39, 39},
		{"扁担沟镇 依申请公开台账!4 结转", "2017-12-18", "2017-12-31", 9, 9},
		{"马莲渠乡 依申请公开台账!2 端午", "2017-05-22", "2017-06-02", 8, 8},
		{"马莲渠乡 公文台账!6 公开早于印发", "2017-08-15", "2017-08-10", -3, -3},
		{"2018 利通区发展和改革局 公文台账!7 国庆", "2018-09-28", "2018-10-10", 5, 5},
		{"2018 郭家桥乡 公文台账!6 端午", "2018-06-11", "2018-06-22", 8, 8},
		{"2018 扁担沟镇 公文台账!5 劳动节前", "2018-04-16", "2018-04-25", 7, 7},
		{"2018 利通区财政局 依申请公开台账!2", "2018-07-09", "2018-08-06", 20, 20},
	}
	day := func(s string) time.Time {
		d, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, tt := range tests {
		a, b := day(tt.from), day(tt.to)
		got, err := nx.Workdays(a, b)
		if err != nil {
			t.Fatal(err)
		}
		plain, err := cn.Workdays(a, b)
		if err != nil {
			t.Fatal(err)
		}
		if got != tt.withNX || plain != tt.plain {
			t.Errorf("%s: workdays(%s, %s) = %d with cn-nx, %d with cn alone; README says %d, %d",
				tt.name, tt.from, tt.to, got, plain, tt.withNX, tt.plain)
		}
	}
}
