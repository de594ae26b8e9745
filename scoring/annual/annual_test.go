package annual

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/calendar"
)

func d(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// req is one row of a hand-written request log: dates as YYYY-MM-DD, ""
// for none.
type req struct {
	line                       int
	received, replied          string
	applicant, outcome, detail string
	extended                   bool
}

func requests(rows ...req) *audit.Table {
	t := &audit.Table{Name: "requests", File: "金积镇.xlsx", Sheet: "依申请公开台账",
		Columns: map[string]string{"received_on": "A", "subject": "B", "replied_on": "D", "outcome": "E", "extended": "F", "applicant_type": "G", "detail": "H"}}
	for _, r := range rows {
		v := checklists.Row{"subject": "申请事项" + r.received, "extended": r.extended}
		if r.received != "" {
			v["received_on"] = d(r.received)
		}
		if r.replied != "" {
			v["replied_on"] = d(r.replied)
		}
		for k, s := range map[string]string{"applicant_type": r.applicant, "outcome": r.outcome, "detail": r.detail} {
			if s != "" {
				v[k] = s
			}
		}
		t.Rows = append(t.Rows, &audit.Row{Line: r.line, Values: v})
	}
	return t
}

type cas struct {
	line                                  int
	kind, path, received, decided, result string
}

func reviews(rows ...cas) *audit.Table {
	t := &audit.Table{Name: "reviews", File: "金积镇.xlsx", Sheet: "行政复议诉讼",
		Columns: map[string]string{"case": "A", "kind": "B", "path": "C", "received_on": "D", "decided_on": "E", "result": "F"}}
	for _, r := range rows {
		v := checklists.Row{"case": "案件" + r.received, "kind": r.kind}
		if r.path != "" {
			v["path"] = r.path
		}
		if r.received != "" {
			v["received_on"] = d(r.received)
		}
		if r.decided != "" {
			v["decided_on"] = d(r.decided)
		}
		if r.result != "" {
			v["result"] = r.result
		}
		t.Rows = append(t.Rows, &audit.Row{Line: r.line, Values: v})
	}
	return t
}

func cnCalendar(t *testing.T) *calendar.Calendar {
	t.Helper()
	cal, err := calendar.Load([]string{"cn"})
	if err != nil {
		t.Fatal(err)
	}
	return cal
}

// The leaf names used below, short.
const (
	overdueCorrection = "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
	overdueFee        = "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
)

// log2024 is the hand-written request log of a unit for the 2024 report:
// every leaf row, every applicant type, requests carried in from 2023 and
// carried forward into 2025, three 部分公开 requests (one with a withholding
// detail), rows of earlier and later years, and late answers across the
// Spring Festival, with and without extension.
func log2024() *audit.Table {
	return requests(
		// Received in 2023.
		req{2, "2023-12-20", "2024-01-10", "自然人", "予以公开", "", false},        // 二, answered: 14 wd
		req{3, "2023-12-25", "2024-01-15", "商业企业", "部分公开", "属于国家秘密", false}, // 二, 部分公开 only
		req{4, "2023-11-01", "", "法律服务机构", "", "", false},                   // 二 and 四; late: 42 + 251 = 293 wd
		req{5, "2023-03-01", "2023-03-20", "自然人", "予以公开", "", false},        // answered in 2023: not counted
		req{6, "2023-12-28", "2024-01-05", "科研机构", "不予处理", "重复申请", false},   // 二
		// Received in 2024 and answered in it.
		req{7, "2024-01-05", "2024-01-20", "自然人", "予以公开", "", false},
		req{8, "2024-02-01", "2024-02-29", "自然人", "部分公开", "属于四类过程性信息", false},     // 17 wd across the Spring Festival
		req{9, "2024-01-29", "2024-03-01", "自然人", "不予公开", "属于国家秘密", false},        // 21 wd > 20: late
		req{10, "2024-01-29", "2024-03-01", "商业企业", "不予公开", "其他法律行政法规禁止公开", true}, // 21 wd ≤ 40
		req{11, "2024-03-04", "2024-03-15", "科研机构", "不予公开", "危及“三安全一稳定”", false},
		req{12, "2024-03-04", "2024-03-15", "社会公益组织", "不予公开", "保护第三方合法权益", false},
		req{13, "2024-03-11", "2024-03-22", "法律服务机构", "不予公开", "属于三类内部事务信息", false},
		req{14, "2024-03-11", "2024-03-22", "其他", "不予公开", "属于四类过程性信息", false},
		req{15, "2024-04-01", "2024-06-03", "自然人", "不予公开", "属于行政执法案卷", true}, // 43 wd > 40: late
		req{16, "2024-04-08", "2024-04-19", "自然人", "不予公开", "属于行政查询事项", false},
		req{17, "2024-05-06", "2024-05-20", "自然人", "无法提供", "本机关不掌握相关政府信息", false},
		req{18, "2024-05-06", "2024-05-20", "商业企业", "无法提供", "没有现成信息需要另行制作", false},
		req{19, "2024-05-13", "2024-05-27", "自然人", "无法提供", "补正后申请内容仍不明确", false},
		req{20, "2024-06-03", "2024-06-14", "自然人", "不予处理", "信访举报投诉类申请", false},
		req{21, "2024-06-03", "2024-06-14", "自然人", "不予处理", "重复申请", false},
		req{22, "2024-06-17", "2024-06-28", "科研机构", "不予处理", "要求提供公开出版物", false},
		req{23, "2024-06-17", "2024-06-28", "自然人", "不予处理", "无正当理由大量反复申请", false},
		req{24, "2024-07-01", "2024-07-12", "法律服务机构", "不予处理", "要求行政机关确认或重新出具已获取信息", false},
		req{25, "2024-07-01", "2024-07-12", "自然人", "其他处理", overdueCorrection, false},
		req{26, "2024-08-01", "2024-08-14", "商业企业", "其他处理", overdueFee, false},
		req{27, "2024-08-01", "2024-08-14", "社会公益组织", "其他处理", "其他处理情形", false},
		req{28, "2024-09-02", "2024-09-13", "其他", "予以公开", "", false},
		req{29, "2024-09-02", "2024-09-13", "科研机构", "予以公开", "", false},
		req{30, "2024-10-08", "2024-10-18", "社会公益组织", "部分公开", "属于三类内部事务信息", false},
		// Received in 2024, unanswered on 31 December.
		req{31, "2024-12-20", "2025-01-10", "自然人", "予以公开", "", false}, // 7 wd by 31 December
		req{32, "2024-12-25", "", "其他", "", "", false},                // 4 wd
		req{33, "2024-11-15", "", "商业企业", "", "", true},               // 32 wd < 40 (extended)
		req{34, "2024-12-02", "", "法律服务机构", "", "", false},            // 21 wd ≥ 20: late
		req{35, "2024-12-03", "", "自然人", "", "", false},               // 20 wd: the limit ran out on 31 December: late
		// Received in 2025: not counted.
		req{36, "2025-01-03", "2025-01-10", "自然人", "予以公开", "", false},
	)
}

func unit2024() *audit.Unit {
	return &audit.Unit{Name: "金积镇人民政府", Source: "金积镇.xlsx", Tables: map[string]*audit.Table{
		"requests": log2024(),
		"reviews": reviews(
			cas{2, "行政复议", "", "2024-03-01", "2024-05-01", "维持"},
			cas{3, "行政复议", "", "2024-06-01", "2024-08-01", "纠正"},
			cas{4, "行政复议", "", "2024-11-20", "", ""},                     // pending
			cas{5, "行政诉讼", "未经复议直接起诉", "2023-10-01", "2024-02-01", "维持"}, // an earlier case decided in 2024
			cas{6, "行政诉讼", "未经复议直接起诉", "2024-07-01", "2025-01-15", "纠正"}, // pending on 31 December
			cas{7, "行政诉讼", "复议后起诉", "2024-04-01", "2024-09-01", "其他"},
			cas{8, "行政诉讼", "复议后起诉", "2023-05-01", "2023-09-01", "维持"}, // decided in 2023: not counted
			cas{9, "行政复议", "", "2023-12-01", "", "尚未审结"},              // still pending
			cas{10, "行政复议", "", "2025-02-01", "", ""},                 // 2025: not counted
		),
		"disclosure": {Name: "disclosure", File: "金积镇.xlsx", Sheet: "主动公开情况", Rows: []*audit.Row{{Line: 2, Values: checklists.Row{
			"rules_issued": 0, "rules_repealed": 0, "rules_in_force": 0, "norms_issued": 3, "norms_repealed": 1, "norms_in_force": 12,
			"licensing_decisions": 120, "penalty_decisions": 7, "coercion_decisions": 2, "fees": 1.5,
		}}}},
	}}
}

// The table worked out by hand from log2024, cell by cell.
//
//	columns: 自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
var want2024 = map[string]Counts{
	"new":             {13, 4, 3, 3, 3, 3, 29}, // rows 7–35
	"carried_over":    {1, 1, 1, 0, 1, 0, 4},   // rows 2, 3, 4, 6
	"granted":         {2, 0, 1, 0, 0, 1, 4},   // rows 2, 7, 28, 29
	"partial":         {1, 1, 0, 1, 0, 0, 3},   // rows 3, 8, 30 — not also under （三）
	"withheld.1":      {1, 0, 0, 0, 0, 0, 1},   // row 9 (row 3 is 部分公开)
	"withheld.2":      {0, 1, 0, 0, 0, 0, 1},
	"withheld.3":      {0, 0, 1, 0, 0, 0, 1},
	"withheld.4":      {0, 0, 0, 1, 0, 0, 1},
	"withheld.5":      {0, 0, 0, 0, 1, 0, 1}, // row 13 (row 30 is 部分公开)
	"withheld.6":      {0, 0, 0, 0, 0, 1, 1}, // row 14 (row 8 is 部分公开)
	"withheld.7":      {1, 0, 0, 0, 0, 0, 1},
	"withheld.8":      {1, 0, 0, 0, 0, 0, 1},
	"unable.1":        {1, 0, 0, 0, 0, 0, 1},
	"unable.2":        {0, 1, 0, 0, 0, 0, 1},
	"unable.3":        {1, 0, 0, 0, 0, 0, 1},
	"refused.1":       {1, 0, 0, 0, 0, 0, 1},
	"refused.2":       {1, 0, 1, 0, 0, 0, 2}, // rows 21 and 6 (carried over)
	"refused.3":       {0, 0, 1, 0, 0, 0, 1},
	"refused.4":       {1, 0, 0, 0, 0, 0, 1},
	"refused.5":       {0, 0, 0, 0, 1, 0, 1},
	"other.1":         {1, 0, 0, 0, 0, 0, 1},
	"other.2":         {0, 1, 0, 0, 0, 0, 1},
	"other.3":         {0, 0, 0, 1, 0, 0, 1},
	"total":           {12, 4, 4, 3, 2, 2, 27}, // rows 2, 3, 6–30
	"carried_forward": {2, 1, 0, 0, 2, 1, 6},   // rows 4, 31–35
}

func TestTable3ByHand(t *testing.T) {
	r := Compute(unit2024(), Options{Year: 2024, Calendar: cnCalendar(t)})
	if diff := cmp.Diff(want2024, r.Table3.Map()); diff != "" {
		t.Errorf("table 三 (-hand +computed):\n%s", diff)
	}
	var keys []string
	for _, l := range r.Table3.Rows {
		keys = append(keys, l.Key)
	}
	if len(keys) != len(want2024) || len(keys) != 25 {
		t.Errorf("rows = %v, want the 25 rows of the 2021 format", keys)
	}
	if diff := cmp.Diff([]Finding{}, r.Findings); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	wantLate := []Late{
		{Pos: audit.Pos{File: "金积镇.xlsx", Sheet: "依申请公开台账", Row: 4}, Subject: "申请事项2023-11-01", ReceivedOn: "2023-11-01", Workdays: 293, Limit: 20, Due: "2023-11-29"},
		{Pos: audit.Pos{File: "金积镇.xlsx", Sheet: "依申请公开台账", Row: 9}, Subject: "申请事项2024-01-29", ReceivedOn: "2024-01-29", RepliedOn: "2024-03-01", Workdays: 21, Limit: 20, Due: "2024-02-29"},
		{Pos: audit.Pos{File: "金积镇.xlsx", Sheet: "依申请公开台账", Row: 15}, Subject: "申请事项2024-04-01", ReceivedOn: "2024-04-01", RepliedOn: "2024-06-03", Extended: true, Workdays: 43, Limit: 40, Due: "2024-05-29"},
		{Pos: audit.Pos{File: "金积镇.xlsx", Sheet: "依申请公开台账", Row: 34}, Subject: "申请事项2024-12-02", ReceivedOn: "2024-12-02", Workdays: 21, Limit: 20, Due: "2024-12-30"},
		{Pos: audit.Pos{File: "金积镇.xlsx", Sheet: "依申请公开台账", Row: 35}, Subject: "申请事项2024-12-03", ReceivedOn: "2024-12-03", Workdays: 20, Limit: 20, Due: "2024-12-31"},
	}
	if diff := cmp.Diff(wantLate, r.Late); diff != "" {
		t.Errorf("late answers (-hand +computed):\n%s", diff)
	}
	wantT4 := Table4{
		Review:      Results{Upheld: 1, Corrected: 1, Pending: 2, Total: 4},
		Direct:      Results{Upheld: 1, Pending: 1, Total: 2},
		AfterReview: Results{Other: 1, Total: 1},
	}
	if diff := cmp.Diff(wantT4, r.Table4); diff != "" {
		t.Errorf("table 四 (-hand +computed):\n%s", diff)
	}
	if r.Table2["norms_in_force"] != 12 || r.Table2["fees"] != 1.5 || len(r.Table2) != 10 {
		t.Errorf("table 二 = %v", r.Table2)
	}
	checks := Checks(r, &Previous{Found: true, CarriedForward: Counts{1, 1, 1, 0, 1, 0, 4}})
	for _, c := range checks {
		if c.Status != Pass {
			t.Errorf("check %s: %s %v", c.ID, c.Status, c.Problems)
		}
	}
	if got := len(checks); got != 6 {
		t.Errorf("%d checks, want a–e and t4", got)
	}
}

// The 2019 log: the 15/20-day regime changes for requests received on
// 2019-05-15; extension doubles the limit; the Spring Festival of 2019
// (02-04..02-10 off, 02-02 and 02-03 worked) and the New Year of 2019
// (2018-12-29 worked, 2018-12-30..2019-01-01 off) count; a request pending
// on 31 December is late once its limit has run out.
func TestLateAnswers2019(t *testing.T) {
	u := &audit.Unit{Name: "利通区民政局", Tables: map[string]*audit.Table{"requests": requests(
		req{2, "2019-05-14", "2019-06-05", "自然人", "予以公开", "", false},  // 16 wd > 15 (2007 rules): late
		req{3, "2019-05-15", "2019-06-06", "自然人", "予以公开", "", false},  // 16 wd ≤ 20 (2019 rules)
		req{4, "2019-05-14", "2019-06-26", "自然人", "予以公开", "", true},   // 30 wd ≤ 30
		req{5, "2019-05-14", "2019-06-27", "自然人", "予以公开", "", true},   // 31 wd > 30: late
		req{6, "2019-05-15", "2019-06-27", "自然人", "予以公开", "", true},   // 30 wd ≤ 40
		req{7, "2019-01-28", "2019-02-20", "自然人", "予以公开", "", false},  // 14 wd across the Spring Festival (naively 17)
		req{8, "2019-01-28", "2019-02-22", "自然人", "予以公开", "", false},  // 16 wd > 15: late
		req{9, "2019-12-03", "", "自然人", "", "", false},                // 20 wd by 31 December: late
		req{10, "2019-12-04", "", "自然人", "", "", false},               // 19 wd
		req{11, "2019-11-01", "", "自然人", "", "", true},                // 42 wd ≥ 40: late
		req{12, "2019-11-06", "", "自然人", "", "", true},                // 39 wd
		req{13, "2018-12-20", "2019-01-14", "自然人", "予以公开", "", false}, // 16 wd across New Year (2018-12-29 worked): late
		req{14, "2019-03-01", "2019-03-05", "自然人", "其他处理", "", false}, // trial layout: （六）其他处理 is one row
	)}}
	r := Compute(u, Options{Year: 2019, Calendar: cnCalendar(t)})
	type lateRow struct{ Row, Workdays, Limit int }
	var got []lateRow
	for _, l := range r.Late {
		got = append(got, lateRow{l.Pos.Row, l.Workdays, l.Limit})
	}
	want := []lateRow{{2, 16, 15}, {5, 31, 30}, {8, 16, 15}, {9, 20, 20}, {11, 42, 40}, {13, 16, 15}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("late answers (-hand +computed):\n%s", diff)
	}
	if r.Late[3].RepliedOn != "" || r.Late[0].RepliedOn != "2019-06-05" {
		t.Errorf("late = %+v", r.Late)
	}
	m := r.Table3.Map()
	if _, ok := m["other.1"]; ok {
		t.Error("the trial layout has no leaves under （六）其他处理")
	}
	wantRows := map[string]Counts{
		"new": {12, 0, 0, 0, 0, 0, 12}, "carried_over": {1, 0, 0, 0, 0, 0, 1}, "granted": {8, 0, 0, 0, 0, 0, 8},
		"other": {1, 0, 0, 0, 0, 0, 1}, "total": {9, 0, 0, 0, 0, 0, 9}, "carried_forward": {4, 0, 0, 0, 0, 0, 4},
	}
	for k, w := range wantRows {
		if m[k] != w {
			t.Errorf("%s = %v, want %v", k, m[k], w)
		}
	}
	if n := len(r.Table3.Rows); n != 23 {
		t.Errorf("trial layout: %d rows, want 23 (20 under 三)", n)
	}
	for _, c := range Checks(r, nil) {
		if c.Status == Fail {
			t.Errorf("check %s failed: %v", c.ID, c.Problems)
		}
	}
}

func TestLimit(t *testing.T) {
	for _, tt := range []struct {
		on   string
		ext  bool
		want int
	}{{"2019-05-14", false, 15}, {"2019-05-14", true, 30}, {"2019-05-15", false, 20}, {"2019-05-15", true, 40}, {"2017-01-01", false, 15}} {
		if got := Limit(d(tt.on), tt.ext); got != tt.want {
			t.Errorf("Limit(%s, %v) = %d, want %d", tt.on, tt.ext, got, tt.want)
		}
	}
}

func status(cs []Check) map[string]Status {
	m := map[string]Status{}
	for _, c := range cs {
		m[c.ID] = c.Status
	}
	return m
}

// Corrupted request logs: each break is a finding and fails the check that
// covers it, and only that one.
func TestCorruptedLog(t *testing.T) {
	tests := []struct {
		name     string
		edit     func(r *audit.Row)
		row      int
		code     string
		failures []string
	}{
		{"不予公开 without detail", func(r *audit.Row) { delete(r.Values, "detail") }, 9, CodeDetailMissing, []string{"b"}},
		{"不予公开 with a 不予处理 detail", func(r *audit.Row) { r.Values["detail"] = "重复申请" }, 9, CodeDetailContradicts, []string{"b"}},
		{"其他处理 without detail", func(r *audit.Row) { delete(r.Values, "detail") }, 27, CodeDetailMissing, []string{"b"}},
		{"no applicant type", func(r *audit.Row) { delete(r.Values, "applicant_type") }, 7, CodeApplicantMissing, []string{"c"}},
		{"no outcome", func(r *audit.Row) { delete(r.Values, "outcome") }, 7, CodeOutcomeMissing, []string{"b"}},
		{"no date of receipt", func(r *audit.Row) { delete(r.Values, "received_on") }, 7, CodeReceivedMissing, nil},
		{"outcome without reply date", func(r *audit.Row) { delete(r.Values, "replied_on") }, 7, CodeOutcomeWithoutReply, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := unit2024()
			for _, r := range u.Tables["requests"].Rows {
				if r.Line == tt.row {
					tt.edit(r)
				}
			}
			r := Compute(u, Options{Year: 2024, Calendar: cnCalendar(t)})
			var codes []string
			for _, f := range r.Findings {
				codes = append(codes, f.Code)
				if f.Code == tt.code && f.Pos.Row != tt.row {
					t.Errorf("finding at %v, want row %d", f.Pos, tt.row)
				}
			}
			if !slices.Contains(codes, tt.code) {
				t.Errorf("findings %v, want %s", codes, tt.code)
			}
			var failed []string
			for _, c := range Checks(r, nil) {
				if c.Status == Fail {
					failed = append(failed, c.ID)
				}
			}
			if diff := cmp.Diff(tt.failures, failed); diff != "" {
				t.Errorf("failed checks (-want +got):\n%s", diff)
			}
		})
	}
}

// Corrupted tables: a hand-edited cell fails the checks that cover it.
func TestCorruptedTable(t *testing.T) {
	cell := func(r *Report, key string, col, delta int) {
		for i := range r.Table3.Rows {
			if r.Table3.Rows[i].Key == key {
				r.Table3.Rows[i].Counts[col] += delta
			}
		}
	}
	tests := []struct {
		name string
		edit func(r *Report)
		prev *Previous
		want map[string]Status
	}{
		{"untouched", func(*Report) {}, nil,
			map[string]Status{"a": Pass, "b": Pass, "c": Pass, "d": Pass, "e": Skip, "t4": Pass}},
		{"a 部分公开 also counted under （三）6 and in （七）", func(r *Report) {
			cell(r, "withheld.6", Natural, 1)
			cell(r, "withheld.6", Total, 1)
			cell(r, RowTotal, Natural, 1)
			cell(r, RowTotal, Total, 1)
		}, nil, map[string]Status{"a": Fail, "b": Pass, "c": Pass, "d": Fail, "e": Skip, "t4": Pass}},
		{"a leaf cell off by one", func(r *Report) { cell(r, "unable.2", Business, 1); cell(r, "unable.2", Total, 1) }, nil,
			map[string]Status{"a": Pass, "b": Fail, "c": Pass, "d": Pass, "e": Skip, "t4": Pass}},
		{"a 总计 cell off by one", func(r *Report) { cell(r, RowNew, Total, 1) }, nil,
			map[string]Status{"a": Fail, "b": Pass, "c": Fail, "d": Pass, "e": Skip, "t4": Pass}},
		{"carried forward moved between columns", func(r *Report) {
			cell(r, RowCarriedForward, Natural, -1)
			cell(r, RowCarriedForward, Research, 1)
		}, nil, map[string]Status{"a": Fail, "b": Pass, "c": Pass, "d": Pass, "e": Skip, "t4": Pass}},
		{"last year's 四 agrees", func(*Report) {}, &Previous{Found: true, CarriedForward: Counts{1, 1, 1, 0, 1, 0, 4}},
			map[string]Status{"a": Pass, "b": Pass, "c": Pass, "d": Pass, "e": Pass, "t4": Pass}},
		{"last year's 四 differs", func(*Report) {}, &Previous{Found: true, CarriedForward: Counts{2, 1, 1, 0, 1, 0, 5}},
			map[string]Status{"a": Pass, "b": Pass, "c": Pass, "d": Pass, "e": Fail, "t4": Pass}},
		{"unit missing last year", func(*Report) {}, &Previous{Source: "2023.json"},
			map[string]Status{"a": Pass, "b": Pass, "c": Pass, "d": Pass, "e": Skip, "t4": Pass}},
		{"table 四 total off", func(r *Report) { r.Table4.Direct.Total++ }, nil,
			map[string]Status{"a": Pass, "b": Pass, "c": Pass, "d": Pass, "e": Skip, "t4": Fail}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compute(unit2024(), Options{Year: 2024, Calendar: cnCalendar(t)})
			tt.edit(r)
			cs := Checks(r, tt.prev)
			if diff := cmp.Diff(tt.want, status(cs)); diff != "" {
				t.Errorf("checks (-want +got):\n%s", diff)
			}
			for _, c := range cs {
				if c.Status == Fail && len(c.Problems) == 0 {
					t.Errorf("check %s failed without saying why", c.ID)
				}
			}
		})
	}
}

func TestCheckProblemText(t *testing.T) {
	r := Compute(unit2024(), Options{Year: 2024, Calendar: cnCalendar(t)})
	cs := Checks(r, &Previous{Found: true, CarriedForward: Counts{2, 1, 1, 0, 1, 0, 5}})
	e := cs[4]
	want := []Text{
		{Zh: "自然人列：本年上年结转 1 件，上年结转下年度 2 件", En: "column 自然人: 1 carried over this year, 2 carried forward last year"},
		{Zh: "总计列：本年上年结转 4 件，上年结转下年度 5 件", En: "column 总计: 4 carried over this year, 5 carried forward last year"},
	}
	if diff := cmp.Diff(want, e.Problems); diff != "" {
		t.Errorf("check e problems (-want +got):\n%s", diff)
	}
	if got := Summary(cs).Zh; got != "5 项通过，1 项未通过（e）" {
		t.Errorf("Summary = %q", got)
	}
}

// Table 四's edge cases each give a finding.
func TestReviewFindings(t *testing.T) {
	u := &audit.Unit{Tables: map[string]*audit.Table{"reviews": reviews(
		cas{2, "行政诉讼", "", "2024-03-01", "", "维持"},             // no path
		cas{3, "行政复议", "", "2023-03-01", "", "纠正"},             // earlier, result, no date
		cas{4, "行政复议", "", "2024-03-01", "2024-04-01", ""},     // decided, no result: 总计 only
		cas{5, "行政复议", "", "2024-03-01", "2024-04-01", "尚未审结"}, // decided yet pending
	)}}
	r := Compute(u, Options{Year: 2024})
	var codes []string
	for _, f := range r.Findings {
		if f.Pos.Sheet == "行政复议诉讼" {
			codes = append(codes, f.Code)
		}
	}
	want := []string{CodeCasePathMissing, CodeCaseUndated, CodeCaseResultMissing, CodeCaseContradicts}
	if diff := cmp.Diff(want, codes); diff != "" {
		t.Errorf("findings (-want +got):\n%s", diff)
	}
	if want := (Results{Pending: 1, Total: 2}); r.Table4.Review != want {
		t.Errorf("行政复议 = %+v, want %+v", r.Table4.Review, want)
	}
	if status(Checks(r, nil))["t4"] != Fail {
		t.Error("t4 should fail: a decided case without a result is in 总计 only")
	}
}

// The schema's enum values are the report's labels: the applicant types
// are the columns, the details the leaves, the outcomes the groups.
func TestSchemaMatchesLayout(t *testing.T) {
	s := checklists.DefaultSchema()
	req := s.Table("requests")
	names := func(f *checklists.Field) []string {
		var out []string
		for _, v := range f.Values {
			out = append(out, v.Name)
		}
		return out
	}
	if diff := cmp.Diff(ColumnLabels()[:Total], names(req.Field("applicant_type"))); diff != "" {
		t.Errorf("applicant types (-layout +schema):\n%s", diff)
	}
	var leaves []string
	for _, g := range Groups() {
		for _, l := range g.Leaves {
			leaves = append(leaves, l.Detail)
		}
	}
	if diff := cmp.Diff(leaves, names(req.Field("detail"))); diff != "" {
		t.Errorf("details (-layout +schema):\n%s", diff)
	}
	outcomes := names(req.Field("outcome"))
	for _, o := range []string{Granted, Partial, Withheld, Unable, Refused, OtherDone} {
		if !slices.Contains(outcomes, o) {
			t.Errorf("outcome %s is not in the schema", o)
		}
	}
	rv := s.Table("reviews")
	if diff := cmp.Diff([]string{Upheld, Corrected, OtherEnd, Pending}, names(rv.Field("result"))); diff != "" {
		t.Errorf("results (-layout +schema):\n%s", diff)
	}
	if diff := cmp.Diff([]string{DirectHeading, AfterReviewHeading}, names(rv.Field("path"))); diff != "" {
		t.Errorf("paths (-layout +schema):\n%s", diff)
	}
	form := s.Table("disclosure")
	if form == nil || !form.Form {
		t.Fatal("no disclosure form")
	}
	for _, l := range []Layout{Trial2019, Format2021} {
		for _, sec := range l.Table2() {
			for _, r := range sec.Rows {
				if len(r.Fields) != len(sec.Heads) {
					t.Errorf("%s %s: %d fields for %d columns", l, r.Label, len(r.Fields), len(sec.Heads))
				}
				for _, f := range r.Fields {
					fd := form.Field(f)
					if fd == nil || (fd.Type != checklists.Int && fd.Type != checklists.Number) || IsMoney(f) != (fd.Type == checklists.Number) {
						t.Errorf("%s %s: field %s = %+v", l, r.Label, f, fd)
					}
				}
			}
		}
	}
	// Aliases of one enum never name two values.
	for _, f := range []*checklists.Field{req.Field("applicant_type"), req.Field("detail"), rv.Field("result")} {
		seen := map[string]string{}
		for _, v := range f.Values {
			for _, a := range append([]string{v.Name}, v.Aliases...) {
				if o, dup := seen[a]; dup && o != v.Name {
					t.Errorf("%s: %q names both %s and %s", f.Name, a, o, v.Name)
				}
				seen[a] = v.Name
			}
		}
	}
}

func TestLayoutRows(t *testing.T) {
	var labels []string
	for _, r := range Format2021.Rows() {
		labels = append(labels, r.Label)
	}
	got := strings.Join(labels, "\n")
	for _, want := range []string{
		"一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量", "（一）予以公开",
		"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1.属于国家秘密", "3.危及“三安全一稳定”",
		"8.属于行政查询事项", "3.补正后申请内容仍不明确", "5.要求行政机关确认或重新出具已获取信息",
		"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "3.其他", "（七）总计", "四、结转下年度继续办理",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("2021 layout lacks %q", want)
		}
	}
	if LayoutFor(2020) != Trial2019 || LayoutFor(2021) != Format2021 || LayoutFor(2017) != Trial2019 {
		t.Error("LayoutFor")
	}
}
