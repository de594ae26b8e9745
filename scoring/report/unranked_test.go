package report

import (
	"bytes"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// unrankedResult has a scored unit, a missing one and a submission that could
// not be read, as scoring.Score makes them: the last with Rank 0 and no grade.
func unrankedResult() *scoring.Result {
	why := msg.New("这是旧版 .xls 文件，请另存为 .xlsx", "this is an old .xls file; save it as .xlsx")
	return &scoring.Result{
		Format:    scoring.FormatV1,
		Checklist: scoring.ChecklistInfo{ID: "t", Title: "测试"},
		Year:      2017,
		Units: []*scoring.UnitResult{
			{Name: "金积镇", Type: "乡镇", Status: scoring.StatusOK, Score: 95.5, Grade: "优秀", Rank: 1, PerformancePoints: 3.82},
			{Name: "扁担沟镇", Type: "乡镇", Status: scoring.StatusMissing, Grade: "不合格", Rank: 2},
			{Name: "统计局", Source: "submissions/统计局.xls", Status: scoring.StatusError, MessageText: why},
		},
		Missing: []string{"扁担沟镇"},
		Errors:  []scoring.ErrorEntry{{File: "submissions/统计局.xls", MessageText: why}},
	}
}

func TestUnreadableNotRanked(t *testing.T) {
	res := unrankedResult()
	for _, tc := range []struct {
		name   string
		render func(*bytes.Buffer) error
		want   string
	}{
		{"table zh", func(b *bytes.Buffer) error { return Table(b, res, TableOptions{Lang: msg.ZH}) }, `测试（t）  年度 2017
┌──────┬──────────┬──────┬───────┬────────┬────────┬────────┬──────────────┬────────┬────────┬────────┐
│ 排名 │   单位   │ 类型 │ 得分  │  等级  │ 效能分 │ 自评分 │ 应公开未公开 │  公开  │ 问题数 │  状态  │
│      │          │      │       │        │        │        │              │ 不及时 │        │        │
├──────┼──────────┼──────┼───────┼────────┼────────┼────────┼──────────────┼────────┼────────┼────────┤
│ 1    │ 金积镇   │ 乡镇 │ 95.50 │ 优秀   │ 3.82   │ -      │ 0            │ 0      │ 0      │ 已报送 │
│ 2    │ 扁担沟镇 │ 乡镇 │ 0.00  │ 不合格 │ 0.00   │ -      │ 0            │ 0      │ 0      │ 未报送 │
└──────┴──────────┴──────┴───────┴────────┴────────┴────────┴──────────────┴────────┴────────┴────────┘
无法读取的报送材料（不排名、不评定等级）：
  submissions/统计局.xls: 这是旧版 .xls 文件，请另存为 .xlsx
`},
		{"table en", func(b *bytes.Buffer) error { return Table(b, res, TableOptions{Lang: msg.EN}) }, `测试（t）  year 2017
┌──────┬──────────┬──────┬───────┬────────┬───────┬──────┬─────────────────┬──────┬──────────┬───────────┐
│ Rank │   Unit   │ Type │ Score │ Grade  │ Perf. │ Self │ Never published │ Late │ Findings │  Status   │
├──────┼──────────┼──────┼───────┼────────┼───────┼──────┼─────────────────┼──────┼──────────┼───────────┤
│ 1    │ 金积镇   │ 乡镇 │ 95.50 │ 优秀   │ 3.82  │ -    │ 0               │ 0    │ 0        │ submitted │
│ 2    │ 扁担沟镇 │ 乡镇 │ 0.00  │ 不合格 │ 0.00  │ -    │ 0               │ 0    │ 0        │ missing   │
└──────┴──────────┴──────┴───────┴────────┴───────┴──────┴─────────────────┴──────┴──────────┴───────────┘
Submissions that could not be read (not ranked or graded):
  submissions/统计局.xls: this is an old .xls file; save it as .xlsx
`},
		{"csv zh", func(b *bytes.Buffer) error { return CSV(b, res, CSVOptions{Lang: msg.ZH}) }, `排名,单位,类型,状态,得分,等级,效能考核折算分,自评分,一票否决,应公开未公开问题数,公开不及时问题数,问题总数,来源
1,金积镇,乡镇,已报送,95.50,优秀,3.82,,否,0,0,0,
2,扁担沟镇,乡镇,未报送,0.00,不合格,0.00,,否,0,0,0,
,统计局,,读取失败,,,,,否,0,0,0,submissions/统计局.xls
`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tc.render(&b); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, b.String()); diff != "" {
				t.Errorf("(-want +got)\n%s", diff)
			}
		})
	}
}
