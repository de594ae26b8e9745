package checklists

import "testing"

func TestResembles(t *testing.T) {
	s := DefaultSchema()
	fields := func(table string, names ...string) []*Field {
		tb := s.Table(table)
		if len(names) == 0 {
			return tb.Fields
		}
		var out []*Field
		for _, n := range names {
			out = append(out, tb.Field(n))
		}
		return out
	}
	cases := []struct {
		name, table, header string
		among               []string // the fields offered; all of the table when empty
		want                string   // field name, "" for none
	}{
		{"发文时间 is 印发日期", "documents", "发文时间", []string{"issued_on", "published_on", "interpreted_on"}, "issued_on"},
		{"a typed 发文日子 is 印发日期", "documents", "发文日子", nil, "issued_on"},
		{"成文时间 is 印发日期", "documents", "成文时间 ", []string{"issued_on"}, "issued_on"},
		{"网站发布日期 is 公开日期", "documents", "网站发布日期", []string{"published_on", "interpreted_on", "issued_on"}, "published_on"},
		{"网上发布日期 is 公开日期", "documents", "网上发布日期", []string{"issued_on", "published_on"}, "published_on"},
		{"收件日期 is 收到日期", "requests", "收件日期", []string{"received_on", "replied_on"}, "received_on"},
		{"文件标题 is 标题", "documents", "文件标题（必填）", []string{"doc_no", "title"}, "title"},
		{"公文名称 is 标题", "documents", "公文名称", []string{"doc_no", "title"}, "title"},
		{"a date header is never a text field", "documents", "标题日期", []string{"title"}, ""},
		{"浏览次数 is nothing", "documents", "浏览次数", nil, ""},
		{"备案日期 is nothing", "documents", "备案日期", nil, ""},
		{"序号 is nothing", "documents", "序号", nil, ""},
		{"blank is nothing", "documents", " ", nil, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ""
			if f := Resembles(c.header, fields(c.table, c.among...)); f != nil {
				got = f.Name
			}
			if got != c.want {
				t.Errorf("Resembles(%q) = %q, want %q", c.header, got, c.want)
			}
		})
	}
}
