package scoring

import (
	"math/big"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/msg"
)

func TestParseReview(t *testing.T) {
	data := "decisions:\n" +
		"  - unit: 利通区民政局\n    item: A2\n    doc_no: 民发〔2017〕2号\n    decision: dismiss\n    reason: 已公开\n    by: 张三\n    on: 2017-12-28\n" +
		"  - {unit: 金积镇, item: F3, decision: adjust, score: 2.5, reason: 未提供签到表, on: 2017-12-28}\n" +
		"  - {unit: 古城镇, item: A9, row: 7, decision: confirm}\n"
	got, err := ParseReview("review.yaml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := []Decision{
		{Unit: "利通区民政局", Item: "A2", DocNo: "民发〔2017〕2号", Decision: Dismiss, Reason: "已公开", By: "张三", On: "2017-12-28", Source: "review.yaml:2:5"},
		{Unit: "金积镇", Item: "F3", Decision: Adjust, Score: big.NewRat(5, 2), Reason: "未提供签到表", On: "2017-12-28", Source: "review.yaml:9:5"},
		{Unit: "古城镇", Item: "A9", Row: 7, Decision: Confirm, Source: "review.yaml:10:5"},
	}
	if diff := cmp.Diff(want, got, cmp.Comparer(func(a, b *big.Rat) bool { return (a == nil) == (b == nil) && (a == nil || a.Cmp(b) == 0) })); diff != "" {
		t.Errorf("ParseReview (-want +got):\n%s", diff)
	}
}

func TestParseReviewErrors(t *testing.T) {
	tests := []struct {
		name, data string
		zh, en     string
	}{
		{"dismiss without a reason", "decisions:\n  - {unit: 金积镇, item: A2, row: 3, decision: dismiss}\n",
			"r.yaml:2:5: dismiss 决定必须写明理由（reason）", "r.yaml:2:5: a dismiss decision needs a reason"},
		{"unknown decision", "decisions:\n  - {unit: 金积镇, item: A2, row: 3, decision: reject}\n",
			"r.yaml:2:5: 复核决定「reject」应为 confirm、dismiss 或 adjust", `r.yaml:2:5: decision "reject" should be confirm, dismiss or adjust`},
		{"score not a number", "decisions:\n  - {unit: 金积镇, item: F3, decision: adjust, score: 三分, reason: x}\n",
			"r.yaml:2:52: 分数「三分」不是数字", `r.yaml:2:52: score "三分" is not a number`},
		{"row not a number", "decisions:\n  - {unit: 金积镇, item: A2, row: 第3行, decision: confirm}\n",
			"r.yaml:2:32: 「row」应为整数，不是文本", "r.yaml:2:32: row should be an integer, not text"},
		{"a roster given as the review", "units: []\n",
			"r.yaml:1:1: 复核文件中有未知的键「units」（可用：decisions）\nr.yaml:1:1: 复核文件缺少「decisions」",
			"r.yaml:1:1: unknown key \"units\" in the review file (known: decisions)\nr.yaml:1:1: the review file lacks \"decisions\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseReview("r.yaml", []byte(tt.data))
			if err == nil {
				t.Fatal("no error")
			}
			if got := msg.Local(err, msg.ZH); got != tt.zh {
				t.Errorf("zh:\n got %s\nwant %s", got, tt.zh)
			}
			if got := msg.Local(err, msg.EN); got != tt.en {
				t.Errorf("en:\n got %s\nwant %s", got, tt.en)
			}
		})
	}
}
