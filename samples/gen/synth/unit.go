package synth

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/zwgk/zwgk/checklists"
)

// The values of a generated cell besides text and numbers.
type (
	day   time.Time // a date cell
	stamp time.Time // a date-time cell
	yesNo bool      // a yes/no cell
)

// The items of litong-2017 the planted problems are for, and their findings.
const (
	itemUnmarked   = "A1"
	itemRights     = "A2"
	itemReason     = "A3"
	itemProactive  = "A4"
	itemDeclass    = "A5"
	itemConsulted  = "A6"
	itemFrequent   = "A9"
	itemDeadline   = "A11"
	itemInterp     = "B1"
	itemRepost     = "C2"
	itemFeedback   = "D2"
	itemRejections = "D3"
	itemVeto       = "F5"
	itemVisual     = "G1"

	findingDataError = "数据错误"
	findingNoSelf    = "未自评"
)

// The attribute values (公开属性).
const (
	attrProactive = "主动公开"
	attrOnRequest = "依申请公开"
	attrWithheld  = "不予公开"
	attrDeclass   = "脱密后公开"
)

// attrAliases are how some units write the attribute values.
var attrAliases = map[string][]string{
	attrProactive: {"此件公开发布", "公开发布"},
	attrOnRequest: {"此件依申请公开"},
	attrWithheld:  {"此件不公开", "不公开"},
	attrDeclass:   {"此件脱密后公开"},
}

// unitStyle is how a unit fills its registers in: dates as date cells or as
// text, attribute aliases, how it writes yes and no.
type unitStyle struct {
	textDates  string // "" for date cells, else the Go layout of text dates
	aliasAttrs bool
	yes, no    string
}

// unitData is one unit's workbook before it is written.
type unitData struct {
	unitIdentity
	file     string
	style    unitStyle
	form     map[string]any     // 单位信息: field → value
	tables   map[string][][]any // register → rows, cells in schema field order
	problems []Problem
}

// rows counts the register rows.
func (u *unitData) rows() int {
	n := 0
	for _, t := range u.tables {
		n += len(t)
	}
	return n
}

// builder builds one unit.
type builder struct {
	g   *generator
	r   *rand.Rand
	cal *workCalendar
	u   *unitData
}

// rate reports true with probability p.
func (b *builder) rate(p float64) bool { return b.r.Float64() < p }

func (b *builder) plant(table string, row int, item, finding, kind string) {
	b.u.problems = append(b.u.problems, Problem{File: b.u.file, Sheet: b.g.c.Schema.Table(table).Sheet, Row: row,
		Item: item, Finding: finding, Kind: kind})
}

// finding is an item's label.
func (b *builder) finding(item string) string {
	if it := b.g.c.Item(item); it != nil {
		if it.Finding != "" {
			return it.Finding
		}
		return it.Title
	}
	return ""
}

// cells lays a row out in the schema's column order.
func (b *builder) cells(table string, values map[string]any) []any {
	t := b.g.c.Schema.Table(table)
	out := make([]any, len(t.Fields))
	for i, f := range t.Fields {
		out[i] = values[f.Name]
	}
	return out
}

func (g *generator) unit(r *rand.Rand, id unitIdentity) *unitData {
	u := &unitData{unitIdentity: id, file: id.name + ".xlsx", tables: map[string][][]any{}}
	b := &builder{g: g, r: r, cal: g.cal, u: u}
	u.style = unitStyle{yes: "是", no: "否"}
	switch n := r.IntN(100); {
	case n < 10:
		u.style.yes, u.style.no = "√", "×"
	case n < 15:
		u.style.yes, u.style.no = "Y", "N"
	}
	if r.IntN(100) < 15 {
		u.style.textDates = pick(r, []string{"2006-01-02", "2006/1/2", "2006年1月2日", "2006.1.2"})
	}
	u.style.aliasAttrs = r.IntN(100) < 10
	typ := id.typ
	if r.IntN(10) == 0 {
		typ = map[string]string{"乡镇": "镇", "部门": "区直部门"}[typ]
	}
	u.form = map[string]any{"name": id.name, "type": typ, "pilot": yesNo(id.pilot), "year": g.cfg.Year,
		"contact": person(r), "phone": fmt.Sprintf("0953-%07d", 2000000+r.IntN(8000000))}
	docs := b.documents()
	b.requests(docs)
	b.consultations()
	b.reposts()
	b.selfScores()
	return u
}

// doc is one planned document.
type doc struct {
	attr          string // canonical, "" when unmarked
	policy        bool
	rights        bool
	defect        string
	issued        time.Time
	published     time.Time
	interpreted   time.Time
	declassified  time.Time
	interpForm    string
	reason        string
	docNo         string
	title         string
	hot, frequent bool // requested 3+ times; and planted as A9
	requested     int
}

// The defects planted in documents.
const (
	defUnmarked      = "unmarked"
	defLateRights    = "late_rights_policy"
	defNoReason      = "missing_reason"
	defUnpublished   = "unpublished_proactive"
	defNextYear      = "published_next_year"
	defDeclass       = "declassified_unpublished"
	defInterpLate    = "interpretation_late"
	defInterpMissing = "interpretation_missing"
	defBackdated     = "backdated"
)

func (b *builder) documents() []*doc {
	cfg, r, cal := b.g.cfg, b.r, b.cal
	rates := cfg.Rates
	nov15 := cal.doy(11, 15)
	docs := make([]*doc, cfg.Docs)
	for i := range docs {
		d := &doc{title: docTitle(r)}
		docs[i] = d
		switch n := r.IntN(100); {
		case n < 60:
			d.attr = attrProactive
		case n < 80:
			d.attr = attrOnRequest
		case n < 95:
			d.attr = attrWithheld
		default:
			d.attr = attrDeclass
		}
		if b.rate(rates.Unmarked) {
			d.attr, d.defect = "", defUnmarked
		}
		d.issued = cal.day(r, 1, 366)
		switch d.attr {
		case "":
			if r.IntN(2) == 0 {
				d.published = cal.addWork(d.issued, r.IntN(11))
			}
		case attrProactive:
			d.policy = r.IntN(100) < 30
			d.rights = d.policy && r.IntN(2) == 0
			switch {
			case d.policy && d.rights && b.rate(rates.LateRights):
				d.defect = defLateRights
				d.issued = cal.day(r, 1, nov15)
				d.published = cal.addWork(d.issued, 6+r.IntN(13))
			case !d.policy && b.rate(rates.Unpublished):
				d.issued = cal.day(r, 1, nov15)
				if r.IntN(5) == 0 {
					d.defect = defNextYear
					d.published = date(cfg.Year+1, 1, 5+r.IntN(20))
				} else {
					d.defect = defUnpublished
				}
			case !d.policy && b.rate(rates.Backdated):
				d.defect = defBackdated
				d.issued = cal.day(r, 20, 355)
				d.published = d.issued.AddDate(0, 0, -1-r.IntN(10))
			default:
				limit := 15
				if d.policy {
					limit = 10
					if d.rights {
						limit = 5
					}
				}
				d.published = cal.addWork(d.issued, r.IntN(limit+1))
			}
			if d.policy {
				d.interpreted = d.published
				if d.defect == "" && b.rate(rates.InterpLate) {
					if r.IntN(2) == 0 {
						d.defect, d.interpreted = defInterpLate, d.published.AddDate(0, 0, 1+r.IntN(7))
					} else {
						d.defect, d.interpreted = defInterpMissing, time.Time{}
					}
				}
				if !d.interpreted.IsZero() {
					d.interpForm = pick(r, visualForms)
					if b.rate(rates.NonVisual) {
						d.interpForm = pick(r, nonVisualForms)
					}
				}
			}
		case attrOnRequest, attrWithheld:
			if d.attr == attrOnRequest {
				d.reason = pick(r, onRequestReasons)
			} else {
				d.reason = pick(r, withheldReasons)
			}
			if b.rate(rates.MissingReason) {
				d.defect, d.reason = defNoReason, ""
			}
		case attrDeclass:
			d.reason = pick(r, withheldReasons)
			switch {
			case b.rate(rates.MissingReason):
				d.defect, d.reason = defNoReason, ""
			case b.rate(rates.Declassified):
				// Declassified early enough that the 20 working days to
				// publish it ran out within the year.
				d.defect = defDeclass
				d.issued = cal.day(r, 1, cal.doy(8, 31))
				d.declassified = d.issued.AddDate(0, 0, 20+r.IntN(70))
				if cal.remaining(d.declassified) < 20 {
					d.declassified = d.issued
				}
				continue
			}
			if r.IntN(10) < 6 {
				d.declassified = d.issued.AddDate(0, 0, 20+r.IntN(100))
				switch {
				case d.declassified.After(cal.end):
					d.declassified = time.Time{}
				case cal.remaining(d.declassified) >= 20:
					d.published = cal.addWork(d.declassified, r.IntN(11))
				}
			}
		}
	}
	// A register lists documents in the order they were issued, numbered in
	// that order.
	slices.SortStableFunc(docs, func(a, b *doc) int { return a.issued.Compare(b.issued) })
	prefix := b.u.prefix
	var nFa, nBan int
	for _, d := range docs {
		switch n := r.IntN(100); {
		case n < 5: // 会议纪要 and the like carry no 文号
		case n < 80:
			nFa++
			d.docNo = fmt.Sprintf("%s发〔%d〕%d号", prefix, cfg.Year, nFa)
		default:
			nBan++
			d.docNo = fmt.Sprintf("%s办发〔%d〕%d号", prefix, cfg.Year, nBan)
		}
	}
	// Documents asked for three times or more: proactive ones are fine,
	// the others are planted for A9.
	var clean, withheld []*doc
	for _, d := range docs {
		if d.defect != "" || d.docNo == "" {
			continue
		}
		switch d.attr {
		case attrProactive:
			clean = append(clean, d)
		case attrOnRequest, attrWithheld:
			withheld = append(withheld, d)
		}
	}
	for range max(1, cfg.Docs/100) {
		list := &clean
		if b.rate(rates.FrequentWithheld) {
			list = &withheld
		}
		if len(*list) == 0 {
			continue
		}
		k := r.IntN(len(*list))
		d := (*list)[k]
		*list = slices.Delete(*list, k, k+1)
		d.hot, d.frequent = true, list == &withheld
	}

	rows := make([][]any, len(docs))
	for i, d := range docs {
		line := i + 2
		v := map[string]any{"doc_no": d.docNo, "title": d.title, "issued_on": day(d.issued), "catalog": pick(r, catalogs)}
		if d.attr != "" {
			v["attribute"] = b.attribute(d.attr)
		}
		if d.reason != "" {
			v["reason"] = d.reason
		}
		if d.attr == attrProactive {
			v["policy"], v["affects_rights"] = yesNo(d.policy), yesNo(d.rights)
		} else if r.IntN(2) == 0 {
			v["policy"] = yesNo(false)
		}
		if !d.published.IsZero() {
			v["published_on"] = day(d.published)
			v["url"] = fmt.Sprintf("http://www.example.gov.cn/xxgk/%d/%s.htm", cfg.Year, d.docNo)
		}
		if !d.interpreted.IsZero() {
			v["interpreted_on"], v["interpretation"] = day(d.interpreted), d.interpForm
		}
		if !d.declassified.IsZero() {
			v["declassified_on"] = day(d.declassified)
		}
		if r.IntN(20) == 0 {
			v["note"] = pick(r, []string{"已报送上级", "与相关部门联合发文", "已归档", "网站、公开栏同步公开"})
		}
		rows[i] = b.cells("documents", v)
		item := map[string]string{defUnmarked: itemUnmarked, defLateRights: itemRights, defNoReason: itemReason,
			defUnpublished: itemProactive, defNextYear: itemProactive, defDeclass: itemDeclass,
			defInterpLate: itemInterp, defInterpMissing: itemInterp, defBackdated: itemVeto}[d.defect]
		if item != "" {
			b.plant("documents", line, item, b.finding(item), d.defect)
		}
		if d.frequent {
			b.plant("documents", line, itemFrequent, b.finding(itemFrequent), "frequent_not_proactive")
		}
	}
	b.u.tables["documents"] = rows
	return docs
}

// attribute writes an attribute value as the unit does.
func (b *builder) attribute(v string) string {
	if b.u.style.aliasAttrs && b.r.IntN(2) == 0 {
		return pick(b.r, attrAliases[v])
	}
	return v
}

// replyLimit is the number of working days a request must be answered in:
// 15 (30 when extended) under the 2007 regulation, 20 (40) for requests
// received from 2019-05-15 under the 2019 one, as request_deadline says.
func replyLimit(received time.Time, extended bool) int {
	limit := 15
	if !received.Before(date(2019, 5, 15)) {
		limit = 20
	}
	if extended {
		limit *= 2
	}
	return limit
}

// request is one planned request.
type request struct {
	received, replied time.Time
	docNo, subject    string
	outcome           string
	extended          bool
	defect            string
}

func (b *builder) requests(docs []*doc) {
	cfg, r, cal := b.g.cfg, b.r, b.cal
	var reqs []*request
	var others []*doc
	for _, d := range docs {
		if d.docNo != "" && !d.hot {
			others = append(others, d)
		}
	}
	add := func(d *doc) *request {
		q := &request{}
		if d != nil {
			q.docNo, q.subject = d.docNo, "申请公开《"+d.title+"》"
			q.received = cal.day(r, cal.index(d.issued)+1, 366)
		} else {
			q.subject = pick(r, []string{"申请公开%s相关资金使用情况", "申请公开%s项目审批材料", "申请公开本单位%s有关文件", "申请获取%s补助发放名单"})
			q.subject = fmt.Sprintf(q.subject, pick(r, topics))
			q.received = cal.day(r, 1, 366)
		}
		reqs = append(reqs, q)
		return q
	}
	for _, d := range docs {
		if d.hot {
			for range 3 + r.IntN(3) {
				add(d)
			}
		}
	}
	for range max(3, cfg.Docs/20) {
		var d *doc
		if len(others) > 0 && r.IntN(2) == 0 {
			k := r.IntN(len(others))
			d = others[k]
			if d.requested++; d.requested == 2 {
				others = slices.Delete(others, k, k+1)
			}
		}
		add(d)
	}
	rates := cfg.Rates
	for _, q := range reqs {
		q.extended = r.IntN(10) == 0
		limit := replyLimit(q.received, q.extended)
		q.outcome = pick(r, outcomeNames)
		switch {
		case b.rate(rates.ReplyLate):
			if r.IntN(3) == 0 && cal.index(q.received)+1 <= cal.doy(11, 20) {
				q.defect = "reply_missing"
				if cal.remaining(q.received) < limit {
					q.received = cal.day(r, 1, cal.doy(10, 31))
				}
			} else {
				q.defect = "reply_late"
				q.replied = cal.addWork(q.received, limit+1+r.IntN(10))
			}
		case cal.remaining(q.received) < limit && r.IntN(10) < 4:
			// Received late in the year and not yet answered: carried over.
		default:
			q.replied = cal.addWork(q.received, 1+r.IntN(limit))
		}
		if q.replied.IsZero() {
			q.outcome = ""
		} else if b.rate(rates.BadOutcome) {
			q.outcome = pick(r, badOutcomes)
		}
	}
	slices.SortStableFunc(reqs, func(a, b *request) int { return a.received.Compare(b.received) })
	schema := b.g.c.Schema.Table("requests")
	outcomeCol := ""
	for i, f := range schema.Fields {
		if f.Name == "outcome" {
			outcomeCol = string(rune('A' + i))
		}
	}
	rows := make([][]any, len(reqs))
	for i, q := range reqs {
		line := i + 2
		v := map[string]any{"received_on": day(q.received), "subject": q.subject}
		if q.docNo != "" {
			v["doc_no"] = q.docNo
		}
		if !q.replied.IsZero() {
			v["replied_on"] = day(q.replied)
		}
		if q.outcome != "" {
			v["outcome"] = q.outcome
		}
		if n := r.IntN(100); n < 80 {
			v["applicant_type"] = "自然人"
		} else {
			v["applicant_type"] = pick(r, []string{"商业企业", "法律服务机构", "社会公益组织", "科研机构", "其他", "公民"})
		}
		if q.extended {
			v["extended"] = yesNo(true)
		} else if r.IntN(2) == 0 {
			v["extended"] = yesNo(false)
		}
		rows[i] = b.cells("requests", v)
		if q.defect != "" {
			b.plant("requests", line, itemDeadline, b.finding(itemDeadline), q.defect)
		}
		if slices.Contains(badOutcomes, q.outcome) {
			b.u.problems = append(b.u.problems, Problem{File: b.u.file, Sheet: schema.Sheet, Row: line, Col: outcomeCol,
				Finding: findingDataError, Kind: "bad_outcome"})
		}
	}
	b.u.tables["requests"] = rows
}

func (b *builder) consultations() {
	cfg, r, cal := b.g.cfg, b.r, b.cal
	rates := cfg.Rates
	type consultation struct {
		values map[string]any
		when   time.Time
		defect string
		item   string
	}
	var list []consultation
	for range max(2, cfg.Docs/50) {
		subject := fmt.Sprintf("《%s%s（征求意见稿）》", pick(r, topics), pick(r, docKinds))
		v := map[string]any{"subject": subject}
		c := consultation{values: v}
		opened := cal.day(r, 1, cal.doy(10, 31))
		closed := opened.AddDate(0, 0, 15+r.IntN(16))
		decided := closed.AddDate(0, 0, 3+r.IntN(38))
		feedback := decided.AddDate(0, 0, r.IntN(11))
		switch {
		case b.rate(rates.Unconsulted):
			c.item = itemConsulted
			if r.IntN(2) == 0 {
				c.defect = "decided_unconsulted"
				v["decided_on"] = day(decided)
				c.when = decided
				break
			}
			c.defect = "consulted_after_decision"
			opened = decided.AddDate(0, 0, 1+r.IntN(10))
			v["opened_on"], v["closed_on"], v["decided_on"] = day(opened), day(opened.AddDate(0, 0, 15)), day(decided)
			v["feedback_on"] = day(opened.AddDate(0, 0, 16+r.IntN(5)))
			c.when = opened
		case r.IntN(100) < 15: // still under consideration
			v["opened_on"], v["closed_on"] = day(opened), day(closed)
			c.when = opened
		default:
			v["opened_on"], v["closed_on"], v["decided_on"] = day(opened), day(closed), day(decided)
			c.when = opened
			switch {
			case b.rate(rates.NoFeedback):
				c.defect, c.item = "feedback_missing", itemFeedback
			default:
				v["feedback_on"] = day(feedback)
			}
			switch {
			case c.defect == "" && b.rate(rates.Unexplained):
				c.defect, c.item = "rejections_unexplained", itemRejections
				v["rejections_explained"] = yesNo(false)
			case r.IntN(10) < 4:
				v["rejections_explained"] = yesNo(true)
			}
		}
		list = append(list, c)
	}
	slices.SortStableFunc(list, func(a, b consultation) int { return a.when.Compare(b.when) })
	rows := make([][]any, len(list))
	for i, c := range list {
		rows[i] = b.cells("consultations", c.values)
		if c.item != "" {
			b.plant("consultations", i+2, c.item, b.finding(c.item), c.defect)
		}
	}
	b.u.tables["consultations"] = rows
}

func (b *builder) reposts() {
	cfg, r, cal := b.g.cfg, b.r, b.cal
	type repost struct {
		src    time.Time
		values map[string]any
		defect string
	}
	var list []repost
	for range max(2, cfg.Docs/30) {
		src := cal.day(r, 1, cal.doy(12, 20)).Add(time.Duration(8*60+r.IntN(12*60)) * time.Minute)
		v := map[string]any{"title": docTitle(r), "source": pick(r, repostSources), "source_published_at": stamp(src)}
		p := repost{src: src, values: v}
		switch {
		case b.rate(cfg.Rates.RepostLate):
			if r.IntN(3) == 0 {
				p.defect = "repost_missing"
			} else {
				p.defect = "repost_late"
				v["reposted_at"] = stamp(src.Add(time.Duration(73*60+r.IntN(167*60)) * time.Minute))
			}
		default:
			v["reposted_at"] = stamp(src.Add(time.Duration(30+r.IntN(70*60)) * time.Minute))
		}
		list = append(list, p)
	}
	slices.SortStableFunc(list, func(a, b repost) int { return a.src.Compare(b.src) })
	rows := make([][]any, len(list))
	for i, p := range list {
		rows[i] = b.cells("reposts", p.values)
		if p.defect != "" {
			b.plant("reposts", i+2, itemRepost, b.finding(itemRepost), p.defect)
		}
	}
	b.u.tables["reposts"] = rows
}

// selfScores fills 自评表: a score for every item; a few units leave out a
// self-assessed item that applies to every unit.
func (b *builder) selfScores() {
	r := b.r
	items := b.g.c.Items()
	skip := ""
	if b.rate(b.g.cfg.Rates.NoSelfScore) {
		var cands []string
		for _, it := range items {
			if it.Method == checklists.Self && it.Applies == nil {
				cands = append(cands, it.ID)
			}
		}
		skip = pick(r, cands)
		b.u.problems = append(b.u.problems, Problem{File: b.u.file, Item: skip, Finding: findingNoSelf, Kind: "self_score_missing"})
	}
	var rows [][]any
	for _, it := range items {
		if it.ID == skip {
			continue
		}
		pts := 0.0
		if it.Points != nil {
			pts, _ = it.Points.Float64()
		}
		// A multiple of 0.5 from 60 % of the points to all of them.
		score := float64(int((0.6+0.4*r.Float64())*pts*2)) / 2
		v := map[string]any{"item": it.ID, "score": score}
		if r.IntN(3) > 0 {
			v["evidence"] = pick(r, []string{"见附件", "见佐证材料汇编", "网站截图已存档", "会议纪要、培训通知", "见公开栏照片"})
		}
		rows = append(rows, b.cells("self", v))
	}
	b.u.tables["self"] = rows
}
