package workbook

import (
	"testing"
	"time"

	"github.com/zwgk/zwgk/checklists"
)

func TestParseDate(t *testing.T) {
	cases := []struct {
		in   string
		want time.Time // zero: rejected
	}{
		{"2017-06-01", day(2017, 6, 1)},
		{" 2017-6-1 ", day(2017, 6, 1)},
		{"2017/6/1", day(2017, 6, 1)},
		{"2017/06/01", day(2017, 6, 1)},
		{"2017.6.1", day(2017, 6, 1)},
		{"2017年6月1日", day(2017, 6, 1)},
		{"2017年06月01日", day(2017, 6, 1)},
		{"2017年6月1号", day(2017, 6, 1)},
		{"2017年6月1", day(2017, 6, 1)},
		{"20170601", day(2017, 6, 1)},
		{"２０１７－０６－０１", day(2017, 6, 1)},
		{"２０１７年６月１日", day(2017, 6, 1)},
		{"2016-02-29", day(2016, 2, 29)},
		{"2017-06-01 09:30", at(2017, 6, 1, 9, 30, 0)},
		{"2017-06-01  9:30:15", at(2017, 6, 1, 9, 30, 15)},
		{"2017/6/1 23:59:59", at(2017, 6, 1, 23, 59, 59)},
		{"2017-06-01T09:30:00", at(2017, 6, 1, 9, 30, 0)},
		{"2017-06-01T09:30:00.000Z", at(2017, 6, 1, 9, 30, 0)},
		{"2017年6月1日9时30分", at(2017, 6, 1, 9, 30, 0)},
		{"2017年6月1日 9点30分15秒", at(2017, 6, 1, 9, 30, 15)},
		{"2017年6月1日9时", at(2017, 6, 1, 9, 0, 0)},
		{"20170601 09:30", at(2017, 6, 1, 9, 30, 0)},
		{"2017-06-01　09:30", at(2017, 6, 1, 9, 30, 0)}, // ideographic space
		// Rejected.
		{"", time.Time{}},
		{"2017年13月1日", time.Time{}},
		{"2017-02-30", time.Time{}},
		{"2017-02-29", time.Time{}},
		{"2017-00-10", time.Time{}},
		{"0000-00-00", time.Time{}},
		{"2017-6", time.Time{}},
		{"2017", time.Time{}},
		{"42887", time.Time{}},
		{"201761", time.Time{}},
		{"2017-06/01", time.Time{}},
		{"2017年6月", time.Time{}},
		{"17-6-1", time.Time{}},
		{"2017-06-01 24:00", time.Time{}},
		{"2017-06-01 09:60", time.Time{}},
		{"2017-06-0109:30", time.Time{}},
		{"2017-06-01T9时", time.Time{}},
		{"2017-06-01 09:30 下午", time.Time{}},
		{"2017-006-01", time.Time{}},
		{"六月一日", time.Time{}},
		{"2017-06-01x", time.Time{}},
	}
	for _, tc := range cases {
		got, ok := ParseDate(tc.in)
		if ok != !tc.want.IsZero() || !got.Equal(tc.want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", tc.in, got, ok, tc.want)
		}
		if ok && got.Location() != time.UTC {
			t.Errorf("ParseDate(%q) is in %v, want UTC", tc.in, got.Location())
		}
	}
}

func TestParseBool(t *testing.T) {
	for _, s := range []string{"是", "Y", "y", "√", "✓", "✔", "true", "TRUE", "True", "1", "有", " 是 ", "Ｙ"} {
		if v, ok := ParseBool(s); !v || !ok {
			t.Errorf("ParseBool(%q) = %v, %v; want true", s, v, ok)
		}
	}
	for _, s := range []string{"否", "N", "n", "×", "✗", "✘", "false", "FALSE", "0", "无"} {
		if v, ok := ParseBool(s); v || !ok {
			t.Errorf("ParseBool(%q) = %v, %v; want false", s, v, ok)
		}
	}
	for _, s := range []string{"", "是的", "x", "yes", "2", "不清楚", "对"} {
		if _, ok := ParseBool(s); ok {
			t.Errorf("ParseBool(%q) accepted", s)
		}
	}
}

func TestParseEnum(t *testing.T) {
	f := checklists.DefaultSchema().Table("documents").Field("attribute")
	cases := map[string]string{
		"主动公开": "主动公开", " 主动 公开 ": "主动公开", "此件公开发布": "主动公开", "公开发布": "主动公开",
		"此件不公开": "不予公开", "依申请公开": "依申请公开", "脱密后公开": "脱密后公开",
		"公开": "", "": "", "主动公开发布": "",
	}
	for in, want := range cases {
		got, ok := ParseEnum(f, in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseEnum(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := ParseEnum(nil, "x"); ok {
		t.Error("ParseEnum(nil) accepted")
	}
}

func TestFold(t *testing.T) {
	cases := map[string]string{
		"标题":             "标题",
		" 标 题 ":          "标题",
		"标题（必填）":         "标题",
		"标题(必填)":         "标题",
		"标题*":            "标题",
		"标题＊":            "标题",
		"*标题":            "标题",
		"＊标题（必填）＊":       "标题",
		"印发\n日期":         "印发日期",
		"公　开　日　期":        "公开日期",
		"ＵＲＬ":            "URL",
		"公文台账（2017）":     "公文台账(2017)",
		"\u200b标题\ufeff": "标题",
		"":               "",
		"(必填)":           "",
	}
	for in, want := range cases {
		if got := checklists.Fold(in); got != want {
			t.Errorf("checklists.Fold(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestParseNumbers(t *testing.T) {
	nums := map[string]float64{"95": 95, "95.5": 95.5, "９５": 95, "95分": 95, "-1": -1, "9.5E1": 95, ".5": 0.5, "1.": 1}
	for in, want := range nums {
		if got, ok := parseNumber(in); !ok || got != want {
			t.Errorf("parseNumber(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "分", "NaN", "Inf", "1,000", "0x10", "1e", "九十五", "95 分 分", "1_000", "1e999"} {
		if _, ok := parseNumber(in); ok {
			t.Errorf("parseNumber(%q) accepted", in)
		}
	}
	ints := map[string]int{"2017": 2017, "２０１７": 2017, "2017.0": 2017, "-3": -3}
	for in, want := range ints {
		if got, ok := parseInt(in, ""); !ok || got != want {
			t.Errorf("parseInt(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"2017.5", "2017年", "", "1e30"} {
		if _, ok := parseInt(in, ""); ok {
			t.Errorf("parseInt(%q) accepted", in)
		}
	}
	if got, ok := parseInt("2017年", "年"); !ok || got != 2017 {
		t.Errorf("parseInt(2017年, 年) = %v, %v", got, ok)
	}
}
