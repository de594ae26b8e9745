package roster

import (
	"slices"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
)

const testRoster = `units:
  - name: 利通区发展和改革局
    type: 部门
    pilot: true
    aliases: [区发改局, 发改局]
  - {name: 金积镇, type: 乡镇}
  - {name: 上桥镇, type: 乡镇}
  - {name: 利通区水务局, type: 部门, pilot: false}
`

// abbrevRoster writes two offices' names short and has two education
// offices a third name resembles.
const abbrevRoster = `units:
  - {name: 利通区发改局, type: 部门, pilot: true}
  - {name: 利通区卫计局, type: 部门}
  - {name: 金积镇, type: 乡镇}
  - {name: 古城镇, type: 乡镇}
  - {name: 教育局, type: 部门}
  - {name: 教育体育局, type: 部门}
`

// sub is one submission fed to the Reconciler: read (unit set) or not.
type sub struct {
	path string
	unit *audit.Unit
	why  string // unreadable: why
}

// read is a submission read with one register row.
func read(path, name, typ string) sub {
	return sub{path: path, unit: &audit.Unit{Name: name, Type: typ,
		Tables: map[string]*audit.Table{"公文台账": {Rows: []*audit.Row{{Line: 2}}}}}}
}

// empty is a submission read with 单位信息 and no register rows.
func empty(path, name string) sub {
	return sub{path: path, unit: &audit.Unit{Name: name,
		Tables: map[string]*audit.Table{"unit": {Rows: []*audit.Row{{Line: 2}}}, "公文台账": {}}}}
}

func unreadable(path, why string) sub { return sub{path: path, why: why} }

// failure is a Failure with its Chinese text.
type failure struct{ Source, Name, Type, Text string }

// match is a Match by roster name.
type match struct {
	Unit          string
	By            string
	Disagreements []string
}

type outcome struct {
	Units    []string // what the caller kept: the unit's name after Match
	Matches  map[string]match
	Failures []failure
	Missing  []Expected
	Notes    []string // Chinese
}

// reconcile feeds subs to a Reconciler against roster (none when "") from
// one goroutine per submission, as the audit's workers do.
func reconcile(t *testing.T, roster string, subs []sub) outcome {
	t.Helper()
	var ro *Roster
	if roster != "" {
		var err error
		if ro, err = Parse("名单.yaml", []byte(roster)); err != nil {
			t.Fatal(err)
		}
	}
	r := NewReconciler[string](ro, len(subs))
	scored := make([]string, len(subs))
	matches := make([]*Match, len(subs))
	var wg sync.WaitGroup
	for i, s := range subs {
		wg.Go(func() {
			if s.unit == nil {
				r.Unreadable(i, s.path, msg.Text{Zh: s.why, En: s.why})
				return
			}
			m, ok := r.Match(i, s.path, s.unit)
			if !ok {
				if m != nil {
					t.Errorf("%s: refused with a match", s.path)
				}
				return
			}
			matches[i] = m
			scored[i] = s.unit.Name
		})
	}
	wg.Wait()
	units, fails, missing, notes := r.Finish(scored)
	out := outcome{Units: units, Missing: missing, Notes: chinese(notes)}
	for i, m := range matches {
		if m != nil {
			if out.Matches == nil {
				out.Matches = map[string]match{}
			}
			out.Matches[subs[i].path] = match{Unit: m.Unit.Name, By: m.By, Disagreements: chinese(m.Disagreements)}
		}
	}
	for _, f := range fails {
		out.Failures = append(out.Failures, failure{f.Source, f.Name, f.Type, f.Text.Zh})
	}
	return out
}

func TestReconcile(t *testing.T) {
	notOnRoster := "报送材料 d/教育局.xlsx 已读取，但单位「利通区教育局」不在应报送单位名单 名单.yaml 中，未评分（请核对单位名称，或在名单中为它加上别名）"
	noRows := "报送材料中没有任何台账记录（公文台账、依申请公开台账等均缺失或为空），无法评估；请填写台账后重新报送"
	allMissing := []Expected{{Name: "利通区发展和改革局", Type: "部门", Pilot: true}, {Name: "金积镇", Type: "乡镇"},
		{Name: "上桥镇", Type: "乡镇"}, {Name: "利通区水务局", Type: "部门"}}
	without := func(names ...string) []Expected {
		return slices.DeleteFunc(slices.Clone(allMissing), func(e Expected) bool { return slices.Contains(names, e.Name) })
	}
	tests := []struct {
		name   string
		roster string
		subs   []sub
		want   outcome
	}{
		{
			name:   "exact name",
			roster: testRoster,
			subs:   []sub{read("d/金积镇.xlsx", "金积镇", "乡镇")},
			want: outcome{Units: []string{"金积镇"}, Matches: map[string]match{"d/金积镇.xlsx": {Unit: "金积镇", By: "name"}},
				Missing: without("金积镇")},
		},
		{
			name:   "alias, the roster's name, type and pilot win",
			roster: testRoster,
			subs:   []sub{read("d/a.xlsx", "区发改局", "乡镇")},
			want: outcome{Units: []string{"利通区发展和改革局"}, Matches: map[string]match{"d/a.xlsx": {Unit: "利通区发展和改革局", By: "alias",
				Disagreements: []string{"单位自报名称「区发改局」，名单名称「利通区发展和改革局」", "单位自报类型「乡镇」，以名单「部门」为准",
					"单位自报试点部门「否」，以名单「是」为准"}}},
				Missing: without("利通区发展和改革局")},
		},
		{
			name:   "normalised name: full width, spaces, district prefix, 人民政府",
			roster: testRoster,
			subs: []sub{read("d/1.xlsx", "利通区　金积镇人民政府", "乡镇"), read("d/2.xlsx", "吴忠市利通区 上桥镇", ""),
				read("d/3.xlsx", "利通区水务局", "部门")},
			want: outcome{Units: []string{"金积镇", "上桥镇", "利通区水务局"}, Matches: map[string]match{
				"d/1.xlsx": {Unit: "金积镇", By: "name", Disagreements: []string{"单位自报名称「利通区　金积镇人民政府」，名单名称「金积镇」"}},
				"d/2.xlsx": {Unit: "上桥镇", By: "name", Disagreements: []string{"单位自报名称「吴忠市利通区 上桥镇」，名单名称「上桥镇」"}},
				"d/3.xlsx": {Unit: "利通区水务局", By: "name"},
			}, Missing: without("金积镇", "上桥镇", "利通区水务局")},
		},
		{
			name:   "matched by file name when the unit's own name matches nothing",
			roster: testRoster,
			subs:   []sub{read("d/发改局.xlsx", "", "")},
			want: outcome{Units: []string{"利通区发展和改革局"}, Matches: map[string]match{"d/发改局.xlsx": {Unit: "利通区发展和改革局", By: "alias",
				Disagreements: []string{"单位自报名称「」，名单名称「利通区发展和改革局」", "单位自报试点部门「否」，以名单「是」为准"}}},
				Missing: without("利通区发展和改革局")},
		},
		{
			name:   "two submissions for one unit: both failures, the unit not missing",
			roster: testRoster,
			subs:   []sub{read("d/金积镇.xlsx", "金积镇", "乡镇"), read("d/上桥镇.xlsx", "上桥镇", "乡镇"), read("e/金积镇人民政府.xlsx", "金积镇人民政府", "乡镇")},
			want: outcome{Units: []string{"上桥镇"}, Matches: map[string]match{
				"d/金积镇.xlsx":     {Unit: "金积镇", By: "name"},
				"d/上桥镇.xlsx":     {Unit: "上桥镇", By: "name"},
				"e/金积镇人民政府.xlsx": {Unit: "金积镇", By: "name", Disagreements: []string{"单位自报名称「金积镇人民政府」，名单名称「金积镇」"}},
			}, Failures: []failure{
				{"d/金积镇.xlsx", "金积镇", "乡镇", "单位「金积镇」报送了多份材料：d/金积镇.xlsx、e/金积镇人民政府.xlsx；请确认哪一份有效后只保留一份"},
				{"e/金积镇人民政府.xlsx", "金积镇", "乡镇", "单位「金积镇」报送了多份材料：d/金积镇.xlsx、e/金积镇人民政府.xlsx；请确认哪一份有效后只保留一份"},
			}, Missing: without("金积镇", "上桥镇")},
		},
		{
			name:   "a submission not on the roster",
			roster: testRoster,
			subs:   []sub{read("d/教育局.xlsx", "利通区教育局", "部门")},
			want:   outcome{Notes: []string{notOnRoster}, Missing: allMissing},
		},
		{
			name:   "roster units without a submission are missing, in the roster's order",
			roster: testRoster,
			want:   outcome{Missing: allMissing},
		},
		{
			name:   "an unreadable submission named by the roster unit its file name matches, not missing",
			roster: testRoster,
			subs:   []sub{unreadable(`d/区发改局.xlsx`, "文件已损坏"), unreadable("d/不知道.xlsx", "加密")},
			want: outcome{Failures: []failure{{"d/区发改局.xlsx", "利通区发展和改革局", "", "文件已损坏"}, {"d/不知道.xlsx", "不知道", "", "加密"}},
				Missing: without("利通区发展和改革局")},
		},
		{
			name:   "a submission without register rows is refused, named as it names itself, not missing",
			roster: testRoster,
			subs:   []sub{empty("d/x.xlsx", "金积镇"), read("d/上桥镇.xlsx", "上桥镇", "乡镇")},
			want: outcome{Units: []string{"上桥镇"}, Matches: map[string]match{"d/上桥镇.xlsx": {Unit: "上桥镇", By: "name"}},
				Failures: []failure{{"d/x.xlsx", "金积镇", "", noRows}}, Missing: without("金积镇", "上桥镇")},
		},
		{
			name: "no roster: all read units kept, in order, empty ones refused, of two for one name the one whose file name agrees kept, none missing",
			subs: []sub{read("d/金积镇.xlsx", "金积镇", "乡镇"), read("d/教育局.xlsx", "利通区教育局", "部门"), unreadable("d/坏.xlsx", "文件已损坏"),
				empty("d/空.xlsx", "上桥镇"), read("d/财政局/", "利通区财政局", ""), read("e/j.xlsx", "利通区金积镇", "乡镇")},
			want: outcome{Units: []string{"金积镇", "利通区教育局", "利通区财政局"}, Failures: []failure{
				{"d/坏.xlsx", "坏", "", "文件已损坏"},
				{"d/空.xlsx", "上桥镇", "", noRows},
			}, Notes: []string{"报送材料 d/金积镇.xlsx 和 e/j.xlsx 都报送单位「金积镇」：d/金积镇.xlsx 的单位信息名称和文件名都相符，按它评估；e/j.xlsx 的单位信息名称为「利通区金积镇」、文件名为「j」，未评分，请核对后重新报送"}},
		},
		{
			name: "no roster: two for one name, neither with its file name: both refused, naming both files",
			subs: []sub{read("d/a.xlsx", "金积镇", "乡镇"), read("d/b.xlsx", "金积镇", "乡镇")},
			want: outcome{Failures: []failure{
				{"d/a.xlsx", "金积镇", "乡镇", "单位「金积镇」报送了多份材料：d/a.xlsx、d/b.xlsx；请确认哪一份有效后只保留一份"},
				{"d/b.xlsx", "金积镇", "乡镇", "单位「金积镇」报送了多份材料：d/a.xlsx、d/b.xlsx；请确认哪一份有效后只保留一份"},
			}},
		},
		{
			name:   "similar names, one each way: scored under the roster's name, a note to add the alias",
			roster: abbrevRoster,
			subs: []sub{read("d/利通区发展和改革局.xlsx", "利通区发展和改革局", "部门"), read("d/金积镇.xlsx", "金积镇", "乡镇"),
				read("d/卫生和计划生育局.xlsx", "", "部门")},
			want: outcome{Units: []string{"利通区发改局", "金积镇", "利通区卫计局"}, Matches: map[string]match{
				"d/利通区发展和改革局.xlsx": {Unit: "利通区发改局", By: "similar", Disagreements: []string{"单位自报名称「利通区发展和改革局」，名单名称「利通区发改局」",
					"单位自报试点部门「否」，以名单「是」为准"}},
				"d/金积镇.xlsx":      {Unit: "金积镇", By: "name"},
				"d/卫生和计划生育局.xlsx": {Unit: "利通区卫计局", By: "similar", Disagreements: []string{"单位自报名称「」，名单名称「利通区卫计局」"}},
			}, Missing: []Expected{{Name: "古城镇", Type: "乡镇"}, {Name: "教育局", Type: "部门"}, {Name: "教育体育局", Type: "部门"}},
				Notes: []string{
					"报送材料 d/利通区发展和改革局.xlsx 的单位「利通区发展和改革局」不在应报送单位名单 名单.yaml 中，因名称与名单中的「利通区发改局」相近，按「利通区发改局」计；如确为同一单位，请在名单中为「利通区发改局」加上别名「利通区发展和改革局」",
					"报送材料 d/卫生和计划生育局.xlsx 的单位「」不在应报送单位名单 名单.yaml 中，因名称与名单中的「利通区卫计局」相近，按「利通区卫计局」计；如确为同一单位，请在名单中为「利通区卫计局」加上别名「」",
				}},
		},
		{
			name:   "two submissions resemble one roster unit: neither paired, both named with the suggestion, the unit missing",
			roster: abbrevRoster,
			subs:   []sub{read("d/a.xlsx", "利通区发展和改革局", "部门"), read("d/b.xlsx", "发展改革局", "部门")},
			// Match tells the caller of each tentative pairing; Finish undoes both.
			want: outcome{Matches: map[string]match{
				"d/a.xlsx": {Unit: "利通区发改局", By: "similar", Disagreements: []string{"单位自报名称「利通区发展和改革局」，名单名称「利通区发改局」", "单位自报试点部门「否」，以名单「是」为准"}},
				"d/b.xlsx": {Unit: "利通区发改局", By: "similar", Disagreements: []string{"单位自报名称「发展改革局」，名单名称「利通区发改局」", "单位自报试点部门「否」，以名单「是」为准"}},
			}, Missing: []Expected{{Name: "利通区发改局", Type: "部门", Pilot: true}, {Name: "利通区卫计局", Type: "部门"},
				{Name: "金积镇", Type: "乡镇"}, {Name: "古城镇", Type: "乡镇"}, {Name: "教育局", Type: "部门"}, {Name: "教育体育局", Type: "部门"}},
				Notes: []string{
					"报送材料 d/a.xlsx 已读取，但单位「利通区发展和改革局」不在应报送单位名单 名单.yaml 中，未评分；名单中名称相近的有「利通区发改局」，如是同一单位，请在名单中为它加上别名「利通区发展和改革局」",
					"报送材料 d/b.xlsx 已读取，但单位「发展改革局」不在应报送单位名单 名单.yaml 中，未评分；名单中名称相近的有「利通区发改局」，如是同一单位，请在名单中为它加上别名「发展改革局」",
				}},
		},
		{
			name:   "a name resembling two roster units, or one already handed in for, or none: not paired",
			roster: abbrevRoster,
			subs: []sub{read("d/教育和体育局.xlsx", "教育和体育局", "部门"), read("d/金积镇.xlsx", "金积镇", "乡镇"),
				read("d/x.xlsx", "金积乡", "乡镇"), read("d/金银滩镇.xlsx", "金银滩镇", "乡镇"), read("d/高闸镇.xlsx", "高闸镇", "乡镇")},
			want: outcome{Units: []string{"金积镇"}, Matches: map[string]match{"d/金积镇.xlsx": {Unit: "金积镇", By: "name"},
				"d/x.xlsx": {Unit: "金积镇", By: "similar", Disagreements: []string{"单位自报名称「金积乡」，名单名称「金积镇」"}}},
				Missing: []Expected{{Name: "利通区发改局", Type: "部门", Pilot: true}, {Name: "利通区卫计局", Type: "部门"},
					{Name: "古城镇", Type: "乡镇"}, {Name: "教育局", Type: "部门"}, {Name: "教育体育局", Type: "部门"}},
				Notes: []string{
					"报送材料 d/教育和体育局.xlsx 已读取，但单位「教育和体育局」不在应报送单位名单 名单.yaml 中，未评分；名单中名称相近的有「教育局」、「教育体育局」，如是同一单位，请在名单中为它加上别名「教育和体育局」",
					"报送材料 d/x.xlsx 已读取，但单位「金积乡」不在应报送单位名单 名单.yaml 中，未评分；名单中名称相近的有「金积镇」，如是同一单位，请在名单中为它加上别名「金积乡」",
					"报送材料 d/金银滩镇.xlsx 已读取，但单位「金银滩镇」不在应报送单位名单 名单.yaml 中，未评分（请核对单位名称，或在名单中为它加上别名）",
					"报送材料 d/高闸镇.xlsx 已读取，但单位「高闸镇」不在应报送单位名单 名单.yaml 中，未评分（请核对单位名称，或在名单中为它加上别名）",
				}},
		},
		{
			name:   "an unreadable file whose name resembles one roster unit is counted as it, once",
			roster: abbrevRoster,
			subs:   []sub{unreadable("d/利通区发展和改革局.xlsx", "文件已损坏")},
			want: outcome{Failures: []failure{{"d/利通区发展和改革局.xlsx", "利通区发改局", "", "文件已损坏"}},
				Missing: []Expected{{Name: "利通区卫计局", Type: "部门"},
					{Name: "金积镇", Type: "乡镇"}, {Name: "古城镇", Type: "乡镇"}, {Name: "教育局", Type: "部门"}, {Name: "教育体育局", Type: "部门"}},
				Notes: []string{"报送材料 d/利通区发展和改革局.xlsx 的单位「利通区发展和改革局」不在应报送单位名单 名单.yaml 中，因名称与名单中的「利通区发改局」相近，按「利通区发改局」计；如确为同一单位，请在名单中为「利通区发改局」加上别名「利通区发展和改革局」"}},
		},
		{
			name:   "a unit claiming another's name: the genuine one scored, the other named beside it",
			roster: testRoster,
			subs: []sub{read("d/上桥镇.xlsx", "金积镇", "乡镇"), read("d/金积镇.xlsx", "金积镇", "乡镇"),
				read("e/金积镇.xlsx", "", "")},
			want: outcome{Units: []string{"金积镇"}, Matches: map[string]match{
				"d/上桥镇.xlsx": {Unit: "金积镇", By: "name"},
				"d/金积镇.xlsx": {Unit: "金积镇", By: "name"},
				"e/金积镇.xlsx": {Unit: "金积镇", By: "name", Disagreements: []string{"单位自报名称「」，名单名称「金积镇」"}},
			}, Missing: without("金积镇"), Notes: []string{
				"报送材料 d/金积镇.xlsx 和 d/上桥镇.xlsx 都按名单中的「金积镇」报送：d/金积镇.xlsx 的单位信息名称和文件名都相符，按它评估；d/上桥镇.xlsx 的单位信息名称为「金积镇」、文件名为「上桥镇」，未评分，请核对后重新报送（其文件名是名单中「上桥镇」的名称）",
				"报送材料 d/金积镇.xlsx 和 e/金积镇.xlsx 都按名单中的「金积镇」报送：d/金积镇.xlsx 的单位信息名称和文件名都相符，按它评估；e/金积镇.xlsx 的单位信息名称为「」、文件名为「金积镇」，未评分，请核对后重新报送",
			}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := reconcile(t, tt.roster, tt.subs)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("reconcile (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNormalizeName(t *testing.T) {
	for in, want := range map[string]string{
		"金积镇":    "金积镇",
		"利通区金积镇": "金积镇",
		"宁夏回族自治区吴忠市利通区金积镇": "金积镇",
		"金积镇人民政府":          "金积镇",
		"郭家桥乡人民政府":         "郭家桥乡",
		"利通区人民政府":          "人民政府", // a district's own government keeps its suffix
		" 利通区 财政局 ":        "财政局",
		"利通区　财政局":          "财政局",
		"ＡＢＣ局":             "ABC局",
	} {
		if got := NormalizeName(in); got != want {
			t.Errorf("NormalizeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// chinese returns the Chinese of each text, or nil.
func chinese(ts []msg.Text) []string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Zh)
	}
	return out
}
