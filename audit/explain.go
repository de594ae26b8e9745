package audit

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/checklists/rules"
)

// explain says why a row failed a check, and which column to look at.
func (p *Plan) explain(it *checklists.Item, schema *checklists.Table, t *Table, r *Row, due any) (msg.Text, string) {
	lbl := label(it)
	if d, ok := due.(time.Time); ok && it.Check != nil {
		// A measure the check ran says it best (印发后第8个工作日公开，超过5个工作日);
		// otherwise the deadline and the dates.
		for _, m := range p.measures[it] {
			if r.Values[m.From] == nil || r.Values[m.To] == nil {
				continue
			}
			if text, ok := p.describe(m, schema, r); ok {
				note, noteEn := dueNote(it, schema, r)
				return msg.Text{Zh: lbl + "：" + text.Zh + note, En: lbl + ": " + text.En + noteEn}, m.To
			}
		}
		return p.explainDue(it, schema, r, d)
	}
	// An empty field the check needs is the commonest reason.
	for _, m := range p.measures[it] {
		for _, f := range []string{m.From, m.To} {
			if r.Values[f] == nil {
				return msg.Both("%s：%s未填写", []any{lbl, header(schema, f)}, "%s: %s is empty", []any{lbl, enLabel(schema, f)}), f
			}
		}
		text, ok := p.describe(m, schema, r)
		if ok {
			return msg.Text{Zh: lbl + "：" + text.Zh, En: lbl + ": " + text.En}, m.To
		}
	}
	// Otherwise list the values the check read.
	var zh, en []string
	col := ""
	if it.Check != nil {
		for _, f := range it.Check.Fields {
			v := r.Values[f]
			if s, ok := r.Written(f); ok {
				v = s // as written, not its normal form
			}
			if v == nil && col == "" {
				col = f
			}
			dz, de := "", ""
			if slices.Contains(r.Defaulted, f) {
				dz, de = "（默认值）", " (default)" // zwgk.checklist/v2 defaults: not the unit's value
			}
			zh = append(zh, header(schema, f)+" "+show(v, "未填写")+dz)
			en = append(en, enLabel(schema, f)+" "+show(v, "empty")+de)
		}
	}
	if len(zh) == 0 {
		return msg.New("%s：不符合「%s」", "%s: does not meet %q", lbl, it.Title), col
	}
	return msg.Both("%s：不符合「%s」（%s）", []any{lbl, it.Title, strings.Join(zh, "，")},
		"%s: does not meet %q (%s)", []any{lbl, it.Title, strings.Join(en, ", ")}), col
}

// describe says how long the row took against the limit of m, counting
// with the very function the check ran (rules.Measure.Elapsed).
func (p *Plan) describe(m rules.Measure, schema *checklists.Table, r *Row) (msg.Text, bool) {
	n, err := m.Elapsed(r.Values)
	if err != nil {
		return msg.Text{}, false
	}
	limit, ok := m.Limit(r.Values)
	if !ok {
		return msg.Text{}, false
	}
	from, to := verb(header(schema, m.From)), verb(header(schema, m.To))
	if n < 0 {
		return msg.Both("%s早于%s", []any{header(schema, m.To), header(schema, m.From)}, "%s is before %s", []any{enLabel(schema, m.To), enLabel(schema, m.From)}), true
	}
	unitZh, unitEn := map[string]string{"workdays": "个工作日", "days": "天", "hours": "小时"}[m.Func], map[string]string{"workdays": " working days", "days": " days", "hours": " hours"}[m.Func]
	var amountZh string
	switch m.Func {
	case "workdays":
		amountZh = fmt.Sprintf("后第%s个工作日", num(n))
	case "days":
		amountZh = fmt.Sprintf("后第%s天", num(n))
	default:
		amountZh = fmt.Sprintf("后%s小时", num(n))
	}
	var cmpZh, cmpEn string
	switch m.Op {
	case "<=", "<":
		cmpZh, cmpEn = "超过", "over the limit of"
	case ">=", ">":
		cmpZh, cmpEn = "不足", "under the minimum of"
	default:
		cmpZh, cmpEn = "应为", "should be"
	}
	return msg.Both("%s%s%s，%s%s%s", []any{from, amountZh, to, cmpZh, num(limit), unitZh},
		"%s is %s%s after %s, %s %s%s", []any{enLabel(schema, m.To), num(n), unitEn, enLabel(schema, m.From), cmpEn, num(limit), unitEn}), true
}

// enLabel names a field in English output as the clerk finds it: the
// column's header in the register, glossed with its name in words —
// 公开日期 (published on), never the identifier published_on alone.
func enLabel(schema *checklists.Table, field string) string {
	h := header(schema, field)
	words := strings.ReplaceAll(field, "_", " ")
	if h == field {
		return words
	}
	return h + " (" + words + ")"
}

// verb turns a date header into the act it dates: 印发日期 → 印发, 转载时间 → 转载.
func verb(h string) string {
	for _, s := range []string{"日期", "时间", "日"} {
		if t, ok := strings.CutSuffix(h, s); ok && t != "" {
			return t
		}
	}
	return h
}

func num(f float64) string {
	if f == math.Trunc(f) {
		return fmt.Sprintf("%d", int64(f))
	}
	return fmt.Sprintf("%.1f", f)
}

func show(v any, empty string) string {
	switch x := v.(type) {
	case nil:
		return empty
	case time.Time:
		if x.Hour() == 0 && x.Minute() == 0 {
			return x.Format("2006-01-02")
		}
		return x.Format("2006-01-02 15:04")
	case bool:
		if x {
			return "是"
		}
		return "否"
	case float64:
		return num(x)
	case string:
		if strings.TrimSpace(x) == "" {
			return empty
		}
		return strings.TrimSpace(x)
	}
	return fmt.Sprint(v)
}

// explainDue says why a row with a deadline failed: the deadline, and the
// dates the check read.
func (p *Plan) explainDue(it *checklists.Item, schema *checklists.Table, r *Row, due time.Time) (msg.Text, string) {
	var zh, en []string
	col := ""
	for _, f := range it.Check.Fields {
		v := r.Values[f]
		if col == "" && (v == nil || isTime(v)) {
			col = f
		}
		zh = append(zh, header(schema, f)+" "+show(v, "未填写"))
		en = append(en, enLabel(schema, f)+" "+show(v, "empty"))
	}
	note, noteEn := dueNote(it, schema, r)
	return msg.Both("%s：期限为%s，%s%s", []any{label(it), due.Format(time.DateOnly), strings.Join(zh, "，"), note},
		"%s: due %s, %s%s", []any{label(it), due.Format(time.DateOnly), strings.Join(en, ", "), noteEn}), col
}

func isTime(v any) bool {
	_, ok := v.(time.Time)
	return ok
}

// dueNote is what a clerk must know about how a request's deadline was
// counted: 申请日期 standing in for 收到日期 (条例第三十一条).
func dueNote(it *checklists.Item, schema *checklists.Table, r *Row) (zh, en string) {
	if it.Due == nil || !slicesContains(it.Due.Fields, "applied_on") {
		return "", ""
	}
	if r.Values["received_on"] == nil && r.Values["applied_on"] != nil {
		return fmt.Sprintf("（未填%s，以%s代替计算期限；二者不同时以收到日期为准：条例第三十一条）", header(schema, "received_on"), header(schema, "applied_on")),
			" (received_on is empty: the deadline counts from applied_on; where they differ the date of receipt decides: Art. 31)"
	}
	return "", ""
}

func slicesContains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
