package scoring

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/scoring/roster"
)

// memFile is a ReaderWriterAt in memory.
type memFile struct {
	mu   sync.Mutex
	data []byte
	fail bool // WriteAt fails
}

func (m *memFile) WriteAt(p []byte, off int64) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.fail {
		return 0, errors.New("no space left on device")
	}
	if end := int(off) + len(p); end > len(m.data) {
		m.data = append(m.data, make([]byte, end-len(m.data))...)
	}
	return copy(m.data[off:], p), nil
}

func (m *memFile) ReadAt(p []byte, off int64) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return copy(p, m.data[off:]), nil
}

func findingsOf(unit string, n int) []FindingResult {
	var fs []FindingResult
	for i := range n {
		f := FindingResult{Item: "B1", Kind: "不符合", Public: i%2 == 0, Table: "documents", File: unit + ".xlsx",
			Sheet: "公文台账", Row: i + 2, Col: "F", DocNo: fmt.Sprintf("金政发〔2017〕%d号", i+1), Title: "关于印发…的通知",
			Message: "公开不及时：印发后第8个工作日公开，超过5个工作日"}
		if i%3 == 0 {
			f.Review = &Review{Decision: Dismiss, Reason: "经核查属于内部事务信息", By: "张三", On: "2017-12-28"}
		}
		fs = append(fs, f)
	}
	return fs
}

func TestFindingFileRoundTrip(t *testing.T) {
	m := &memFile{}
	ff := NewFindingFile(m)
	units := make([]*UnitResult, 40)
	want := make([][]FindingResult, len(units))
	var wg sync.WaitGroup
	for i := range units {
		name := fmt.Sprintf("第%d镇", i)
		want[i] = findingsOf(name, i%7) // some units have none
		units[i] = &UnitResult{Name: name, Findings: findingsOf(name, i%7)}
		wg.Go(func() {
			if err := ff.Put(units[i]); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	for i, u := range units {
		if len(want[i]) > 0 && u.Findings != nil {
			t.Errorf("%s: findings still in memory after Put", u.Name)
		}
		got, err := u.FindingList()
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want[i], got); diff != "" {
			t.Errorf("%s: findings read back (-want +got)\n%s", u.Name, diff)
		}
		// 6 findings: rows 0, 2, 4 public; rows 0 and 3 dismissed → 2 public, 4 in all.
		wp, wa := countFindings(want[i])
		if p, a := u.FindingCounts(); p != wp || a != wa {
			t.Errorf("%s: counts %d, %d; want %d, %d", u.Name, p, a, wp, wa)
		}
		tp, ta := totalFindings(want[i])
		if p, a := u.FindingTotals(); p != tp || a != ta {
			t.Errorf("%s: totals %d, %d; want %d, %d", u.Name, p, a, tp, ta)
		}
	}
	if p, a := units[6].FindingCounts(); p != 2 || a != 4 {
		t.Errorf("6 findings with 2 dismissed: counts %d, %d; want 2, 4", p, a)
	}
	if p, a := units[6].FindingTotals(); p != 3 || a != 6 {
		t.Errorf("6 findings with 2 dismissed: totals %d, %d; want 3, 6", p, a)
	}
}

func TestFindingFileWriteErrorKeepsFindings(t *testing.T) {
	ff := NewFindingFile(&memFile{fail: true})
	u := &UnitResult{Name: "金积镇", Findings: findingsOf("金积镇", 3)}
	if err := ff.Put(u); err == nil {
		t.Fatal("Put on a full disk: no error")
	}
	got, err := u.FindingList()
	if err != nil || len(got) != 3 {
		t.Fatalf("after a failed Put: %d findings, %v; want the 3 kept in memory", len(got), err)
	}
}

// A decision counts as applied only when the unit it matched is in the
// result: a unit dropped afterwards (a duplicate submission) leaves it
// unmatched.
func TestScorerDecisionsOfDroppedUnits(t *testing.T) {
	c := checklist(checklists.NAFull)
	ds := []Decision{{Unit: "金积镇", Item: "B1", Row: 2, Decision: Dismiss, Reason: "内部事务"}}
	s := NewScorer(c, 2017, ds)
	a := s.Unit(eval(c, "金积镇", map[string]outcome{"B1": {appl: 1, failed: 1}}))
	b := s.Unit(eval(c, "金积镇", map[string]outcome{"B1": {appl: 1, failed: 1}}))
	if a.Score != b.Score || a.Items[4].Dismissed != 1 {
		t.Fatalf("both copies should have the finding dismissed: %v %v %+v", a.Score, b.Score, a.Items[4])
	}
	kept := s.Result([]*UnitResult{a}, nil, nil, nil)
	if !kept.Decisions[0].Applied {
		t.Error("decision on a kept unit: not applied")
	}
	dropped := s.Result(nil, []roster.Failure{{Source: "金积镇.xlsx", Name: "金积镇"}}, nil, nil)
	if dropped.Decisions[0].Applied {
		t.Error("decision on a dropped unit: applied")
	}
}

// A stand-in for findings left out of the list counts as all of them in
// FindingCounts (what the summary shows) and as one row in FindingTotals
// (what a sheet holds), stored or not.
func TestFindingCountsOmitted(t *testing.T) {
	mk := func() *UnitResult {
		return &UnitResult{Findings: []FindingResult{{Item: "A1", Public: true, Row: 2}, {Item: "A1", Public: true, Omitted: 1500}, {Item: "B1", Row: 3}}}
	}
	check := func(u *UnitResult, how string) {
		if p, a := u.FindingCounts(); p != 1501 || a != 1502 {
			t.Errorf("%s: FindingCounts = %d, %d; want 1501, 1502", how, p, a)
		}
		if p, a := u.FindingTotals(); p != 2 || a != 3 {
			t.Errorf("%s: FindingTotals = %d, %d; want 2, 3", how, p, a)
		}
	}
	check(mk(), "in memory")
	f, err := os.CreateTemp(t.TempDir(), "f")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	u := mk()
	if err := NewFindingFile(f).Put(u); err != nil {
		t.Fatal(err)
	}
	check(u, "stored")
}

// TestPublicationCounts: of the public findings, 应公开未公开 and
// 网站目录中没有 count as never published and 公开不及时 as late, each by
// its weight, dismissed ones left out; other kinds (public or not) in
// neither; a unit whose findings were stored counts the same.
func TestPublicationCounts(t *testing.T) {
	u := &UnitResult{Name: "甲镇", Findings: []FindingResult{
		{Item: "A4", Kind: KindNeverPublished, Public: true},
		{Item: "A12", Kind: KindNotOnline, Public: true},
		{Item: "A2", Kind: KindLate, Public: true, Omitted: 3},
		{Item: "A2", Kind: KindLate, Public: true, Review: &Review{Decision: Dismiss}},
		{Item: "A4", Kind: KindNeverPublished, Public: true, Review: &Review{Decision: Dismiss}},
		{Item: "D1", Kind: "决策前未公开征求意见", Public: true},
		{Item: "B2", Kind: KindLate}, // not public: not an 应公开未公开-class finding
	}}
	if n, l := u.PublicationCounts(); n != 2 || l != 3 {
		t.Errorf("PublicationCounts = %d, %d; want 2, 3", n, l)
	}
	if p, a := u.FindingCounts(); p != 6 || a != 7 {
		t.Errorf("FindingCounts = %d, %d; want 6, 7", p, a)
	}
	ff := NewFindingFile(&memFile{})
	if err := ff.Put(u); err != nil {
		t.Fatal(err)
	}
	if n, l := u.PublicationCounts(); n != 2 || l != 3 {
		t.Errorf("stored: PublicationCounts = %d, %d; want 2, 3", n, l)
	}
}

// TestFindingFileDeferred: a unit's 即将到期 and 待定 rows go into the file
// with its findings (a unit with rows but no findings too), come back field
// for field, are counted without being read, and stay in memory when the
// write fails.
func TestFindingFileDeferred(t *testing.T) {
	var d1, d2 DeferredResult
	fill(t, reflect.ValueOf(&d1).Elem(), 1, "DeferredResult")
	fill(t, reflect.ValueOf(&d2).Elem(), 2, "DeferredResult")
	if n := reflect.TypeFor[DeferredResult]().NumField(); n != 14 {
		t.Fatalf("DeferredResult has %d fields, findingcodec.go knows 14: add the new ones to encodeDeferred and deferred", n)
	}
	units := []*UnitResult{
		{Name: "甲镇", Findings: findingsOf("甲镇", 2), Upcoming: []DeferredResult{d1, d2}, Pending: []DeferredResult{d2}},
		{Name: "乙镇", Upcoming: []DeferredResult{d2}}, // no findings
		{Name: "丙镇", Findings: findingsOf("丙镇", 1)},  // nothing deferred
		{Name: "丁镇"}, // nothing at all
	}
	want := make([][2][]DeferredResult, len(units))
	for i, u := range units {
		want[i] = [2][]DeferredResult{u.Upcoming, u.Pending}
	}
	ff := NewFindingFile(&memFile{})
	for _, u := range units {
		if err := ff.Put(u); err != nil {
			t.Fatal(err)
		}
	}
	for i, u := range units {
		if u.Upcoming != nil || u.Pending != nil {
			t.Errorf("%s: rows still in memory after Put", u.Name)
		}
		up, pend, err := u.Deferred()
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(want[i], [2][]DeferredResult{up, pend}); diff != "" {
			t.Errorf("%s: rows read back (-want +got)\n%s", u.Name, diff)
		}
		if nu, np := u.DeferredCounts(); nu != len(want[i][0]) || np != len(want[i][1]) {
			t.Errorf("%s: counts %d, %d; want %d, %d", u.Name, nu, np, len(want[i][0]), len(want[i][1]))
		}
		fs, err := u.FindingList()
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(findingsOf(u.Name, []int{2, 0, 1, 0}[i]), fs, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("%s: findings read back (-want +got)\n%s", u.Name, diff)
		}
	}
	failing := &UnitResult{Name: "戊镇", Upcoming: []DeferredResult{d1}}
	if err := NewFindingFile(&memFile{fail: true}).Put(failing); err == nil {
		t.Fatal("Put on a full disk: no error")
	}
	if up, _, err := failing.Deferred(); err != nil || len(up) != 1 {
		t.Errorf("after a failed Put: %d rows, %v; want the one kept in memory", len(up), err)
	}
}
