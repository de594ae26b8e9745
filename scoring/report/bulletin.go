package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/docx"
)

// ToFill marks what the office must write into a draft (the same mark as
// the yearly report's).
const ToFill = "【待填写】"

// NoteDrafting is the tag of the bulletin's removable drafting note.
const NoteDrafting = "zwgk-drafting"

// BulletinOptions are the options of Bulletin.
type BulletinOptions struct {
	Lang msg.Lang
	// Generated says when and by what the draft was made, for its note.
	Generated string
}

// Bulletin writes a draft of the results bulletin (通报) of an evaluation
// as a Word document in 公文格式: the year and scheme; how the evaluation
// was done (the units, the scheme's parts and methods, the spot checks and
// the evaluators' adjustments); the ranking with grades and the lists of
// each grade; the vetoed, not submitted and unreadable units; the typical
// problems counted from the findings (those a review dismissed left out);
// and 整改要求 with the deadline and the signature to fill in. Places the
// office must write are highlighted 【待填写】 (in English too: the mark is
// what the office searches for).
func Bulletin(w io.Writer, res *scoring.Result, opts BulletinOptions) error {
	b := &bulletin{res: res, l: opts.Lang}
	if err := b.collect(); err != nil {
		return err
	}
	d := docx.New(w, b.title())
	b.write(d, opts.Generated)
	return d.Close()
}

type bulletin struct {
	res *scoring.Result
	l   msg.Lang
	// kinds are the problems found, most frequent first.
	kinds []*problem
	// data are the register problems (data errors, no self-score, missing
	// columns), apart from the openness problems.
	data                  []*problem
	findings, public      int
	unitsWithFindings     int
	vetoes                map[string][]string // unit → the messages of its veto findings
	vetoItems             map[string]bool
	confirmed, dismissed  int
	adjusted, belowSelf   int
	ok, missing, failed   int
	byType                map[string]int
	needsCorrection       []string
	unitOrder             map[string]int
	townships, department bool
}

// problem is one kind of finding: how many, where, under which items.
type problem struct {
	kind string
	n    int
	// public counts the findings of the kind that are 应公开未公开.
	public int
	units  map[string]int
	items  []string
}

func (b *bulletin) pick(zh, en string) string { return msg.Pick(b.l, zh, en) }

func (b *bulletin) title() string {
	return b.pick(fmt.Sprintf("关于%d年度政务公开工作考核结果的通报", b.res.Year),
		fmt.Sprintf("Notice on the results of the %d evaluation of government affairs openness", b.res.Year))
}

// collect counts what the bulletin says from the result and its findings.
func (b *bulletin) collect() error {
	res := b.res
	b.vetoes, b.vetoItems, b.byType, b.unitOrder = map[string][]string{}, map[string]bool{}, map[string]int{}, map[string]int{}
	for _, s := range res.Checklist.Sections {
		for _, it := range s.Items {
			if method(it.Method).Vetoes {
				b.vetoItems[it.ID] = true
			}
		}
	}
	kinds := map[string]*problem{}
	for i, u := range res.Units {
		name := unitName(u)
		b.unitOrder[name] = i
		b.byType[u.Type]++
		switch u.Status {
		case scoring.StatusOK:
			b.ok++
		case scoring.StatusMissing:
			b.missing++
		case scoring.StatusError:
			b.failed++
		}
		if u.NeedsCorrection {
			b.needsCorrection = append(b.needsCorrection, name)
		}
		if u.Status == scoring.StatusOK && u.SelfScore != nil && u.Score < *u.SelfScore {
			b.belowSelf++
		}
		b.adjusted += len(u.Adjustments)
		fs, err := u.FindingList()
		if err != nil {
			return err
		}
		counted := false
		for _, f := range fs {
			if f.Review != nil {
				switch f.Review.Decision {
				case scoring.Confirm:
					b.confirmed++
				case scoring.Dismiss:
					b.dismissed++
					continue
				}
			}
			if f.Kind == audit.KindRuleError {
				// A fault of the checklist, not of the unit.
				continue
			}
			if u.Vetoed && b.vetoItems[f.Item] {
				b.vetoes[name] = append(b.vetoes[name], f.MessageIn(b.l))
			}
			p := kinds[f.Kind]
			if p == nil {
				p = &problem{kind: f.Kind, units: map[string]int{}}
				kinds[f.Kind] = p
			}
			p.n++
			p.units[name]++
			if !slices.Contains(p.items, f.Item) {
				p.items = append(p.items, f.Item)
			}
			if dataKind(f.Kind) {
				continue
			}
			b.findings++
			counted = true
			if f.Public {
				b.public++
				p.public++
			}
		}
		if counted {
			b.unitsWithFindings++
		}
	}
	for _, p := range kinds {
		slices.Sort(p.items)
		if dataKind(p.kind) {
			b.data = append(b.data, p)
		} else {
			b.kinds = append(b.kinds, p)
		}
	}
	order := func(a, c *problem) int {
		if a.n != c.n {
			return c.n - a.n
		}
		return strings.Compare(a.kind, c.kind)
	}
	slices.SortFunc(b.kinds, order)
	slices.SortFunc(b.data, order)
	b.townships, b.department = b.byType[checklists.Township] > 0, b.byType[checklists.Department] > 0
	return nil
}

// dataKind reports whether findings of kind are about the registers
// themselves rather than the openness work.
func dataKind(kind string) bool {
	switch kind {
	case audit.KindDataError, audit.KindNoSelf, audit.KindMissingColumn:
		return true
	}
	return false
}

func fill(s string) []docx.Run { return docx.Marked(s, ToFill) }

func points(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func (b *bulletin) list(names []string) string {
	if len(names) == 0 {
		return b.pick("无", "none")
	}
	return strings.Join(names, b.pick("、", ", "))
}

func (b *bulletin) write(d *docx.Document, generated string) {
	res, l := b.res, b.l
	pick := b.pick

	d.Note(NoteDrafting, pick("编制说明（发布前删除）", "Drafting note (delete before sending)"))
	d.NoteText(docx.Run{Text: pick("编制说明（发布前删除）", "Drafting note (delete before sending)"), Bold: true})
	note := pick("本稿由 zwgk 根据考核结果（zwgk.result/v1）生成", "Drafted by zwgk from the evaluation result (zwgk.result/v1)")
	if generated != "" {
		note += pick("（"+generated+"）", " ("+generated+")")
	}
	note += pick("，得分、等级、排名与问题数与 Excel 评估报告一致；标有"+ToFill+"的地方须补写，通报发出前请核对并删除本说明。",
		"; its scores, grades, ranks and counts are those of the Excel report. Write the places marked "+ToFill+" and delete this note before the notice is sent.")
	d.NoteText(fill(note)...)
	for _, w := range res.WarningsIn(l) {
		d.NoteText(docx.T(pick("提示：", "Note: ") + w))
	}
	for _, dn := range res.Decisions {
		if dn.Applied {
			continue
		}
		what := strings.TrimSpace(strings.Join([]string{dn.Unit, dn.Item, dn.DocNo}, " "))
		if dn.Row > 0 {
			what += pick(fmt.Sprintf(" 第%d行", dn.Row), fmt.Sprintf(" row %d", dn.Row))
		}
		d.NoteText(docx.T(pick("复核决定未能采用（不计入上文的抽查复核）：", "A review decision was not applied (not counted above): ") +
			what + pick("：", ": ") + dn.MessageIn(l)))
	}
	d.EndNote()

	d.Title(b.title())
	d.Para(docx.StyleFlush, docx.Left, fill(b.recipients())...)
	scheme := res.Checklist.Title
	if res.Checklist.ID != "" {
		scheme += pick("（"+res.Checklist.ID+"）", " ("+res.Checklist.ID+")")
	}
	d.Text(fill(pick(
		fmt.Sprintf("按照《%s》，%s（考核机关）对 %d 个单位%d年度政务公开工作进行了考核。现将考核结果通报如下。", scheme, ToFill, len(res.Units), res.Year),
		fmt.Sprintf("Under 《%s》, %s (the evaluating office) evaluated the government affairs openness work of %d units in %d. The results are as follows.", scheme, ToFill, len(res.Units), res.Year)))...)

	d.Heading1(pick("一、考核基本情况", "1. How the evaluation was done"))
	d.Text(docx.T(b.unitsSentence()))
	d.Text(docx.T(b.schemeSentence()))
	d.Text(fill(b.methodSentence())...)
	d.Text(docx.T(b.gradesSentence()))

	d.Heading1(pick("二、考核结果", "2. Results"))
	d.Text(docx.T(pick("各单位考核得分、等次和排名如下：", "Each unit's score, grade and rank:")))
	d.Table(b.rankingTable())
	b.gradeLists(d)

	d.Heading1(pick("三、存在的主要问题", "3. Main problems found"))
	b.problems(d)

	d.Heading1(pick("四、整改要求", "4. What must be corrected"))
	reqs := []string{pick(
		"各单位要对照考核评估报告中的问题清单逐条整改，于"+ToFill+"（整改期限）前将整改情况书面报送"+ToFill+"（报送单位）。",
		"Every unit corrects the findings of its evaluation report one by one and reports in writing to "+ToFill+" (office) by "+ToFill+" (deadline).")}
	if b.public > 0 {
		reqs = append(reqs, pick(
			"应公开未公开的信息要立即补充公开，并查明原因，完善公文公开属性审查和发布审核机制。",
			"Information that should have been published and was not is published at once; the cause is found and the review of documents' disclosure and of publication is tightened."))
	}
	if fails := b.failing(); len(fails) > 0 {
		reqs = append(reqs, pick(
			"考核结果为不合格的单位（"+b.list(fails)+"）要认真分析原因，制定整改方案，于"+ToFill+"前报送。",
			"The units graded as failing ("+b.list(fails)+") analyse the causes, draw up a correction plan and send it by "+ToFill+"."))
	}
	reqs = append(reqs, ToFill+pick("（其他要求）", " (other requirements)"))
	for i, r := range reqs {
		d.Text(fill(pick("（"+chineseNumber(i+1)+"）", fmt.Sprintf("(%d) ", i+1)) + r)...)
	}

	d.Text()
	d.Text()
	d.Para(docx.StyleRight, docx.Right, fill(ToFill+pick("（发文机关署名）", "(issuing office)"))...)
	d.Para(docx.StyleRight, docx.Right, fill(ToFill+pick("（成文日期）", "(date)"))...)
}

// recipients is the salutation: the township governments and departments
// the result has units of.
func (b *bulletin) recipients() string {
	var to []string
	if b.townships {
		to = append(to, b.pick("各乡镇人民政府", "the township governments"))
	}
	if b.department {
		to = append(to, b.pick("各部门", "the departments"))
	}
	if len(to) == 0 {
		return b.pick("各单位：", "To every unit:")
	}
	if b.l == msg.EN {
		return "To " + strings.Join(to, " and ") + ":"
	}
	return strings.Join(to, "，") + "："
}

func (b *bulletin) unitsSentence() string {
	res := b.res
	var types []string
	for _, t := range []string{checklists.Township, checklists.Department} {
		if n := b.byType[t]; n > 0 {
			types = append(types, b.pick(fmt.Sprintf("%s %d 个", t, n), fmt.Sprintf("%d %s", n, map[string]string{checklists.Township: "townships", checklists.Department: "departments"}[t])))
		}
	}
	other := len(res.Units) - b.byType[checklists.Township] - b.byType[checklists.Department]
	if other > 0 {
		types = append(types, b.pick(fmt.Sprintf("其他 %d 个", other), fmt.Sprintf("%d others", other)))
	}
	s := b.pick(fmt.Sprintf("本次考核对象共 %d 个单位", len(res.Units)), fmt.Sprintf("%d units were evaluated", len(res.Units)))
	if len(types) > 0 {
		s += b.pick("，其中"+strings.Join(types, "、"), " ("+strings.Join(types, ", ")+")")
	}
	s += b.pick(fmt.Sprintf("。报送考核材料的 %d 个", b.ok), fmt.Sprintf(". %d handed in their registers", b.ok))
	if b.missing > 0 {
		s += b.pick(fmt.Sprintf("，未报送的 %d 个", b.missing), fmt.Sprintf(", %d did not", b.missing))
	}
	if b.failed > 0 {
		s += b.pick(fmt.Sprintf("，报送材料无法读取的 %d 个", b.failed), fmt.Sprintf(", and the submissions of %d could not be read", b.failed))
	}
	return s + b.pick("。", ".")
}

func (b *bulletin) schemeSentence() string {
	ci := b.res.Checklist
	var parts []string
	bonus := 0.0
	for _, s := range ci.Sections {
		for _, it := range s.Items {
			if method(it.Method).OnTop {
				bonus += it.Points
			}
		}
		if s.Points > 0 {
			parts = append(parts, b.pick(fmt.Sprintf("%s %s 分", s.Title, points(s.Points)), fmt.Sprintf("%s %s", s.Title, points(s.Points))))
		}
	}
	s := b.pick(fmt.Sprintf("考核按《%s》进行，满分 %s 分", ci.Title, points(ci.Total)),
		fmt.Sprintf("The scheme 《%s》 has %s points", ci.Title, points(ci.Total)))
	if len(parts) > 0 {
		s += b.pick("，包括"+strings.Join(parts, "、"), ": "+strings.Join(parts, ", "))
	}
	if bonus > 0 {
		s += b.pick(fmt.Sprintf("；另设加分项，最多加 %s 分", points(bonus)), fmt.Sprintf("; bonus items add at most %s points", points(bonus)))
	}
	if ci.PerformanceWeight > 0 {
		w := points(ci.PerformanceWeight * 100)
		s += b.pick("；考核得分按 "+w+"% 的权重计入效能目标考核", "; the score counts "+w+"% towards the performance review")
	}
	return s + b.pick("。", ".")
}

func (b *bulletin) methodSentence() string {
	counts := map[string]int{}
	var methods []string
	total := 0
	for _, s := range b.res.Checklist.Sections {
		for _, it := range s.Items {
			if counts[it.Method] == 0 {
				methods = append(methods, it.Method)
			}
			counts[it.Method]++
			total++
		}
	}
	var parts []string
	for _, m := range methods {
		parts = append(parts, b.pick(fmt.Sprintf("%s %d 项", MethodLabel(m, b.l), counts[m]), fmt.Sprintf("%d %s", counts[m], MethodLabel(m, b.l))))
	}
	s := b.pick("考核以各单位报送的公文台账等材料为依据，逐条核对计分。", "The units' registers were checked row by row and scored.")
	if total > 0 {
		s += b.pick(fmt.Sprintf("指标共 %d 项（%s）；自评项目按单位自评分计入。", total, strings.Join(parts, "、")),
			fmt.Sprintf(" The scheme has %d items (%s); self-assessed items count the unit's own score.", total, strings.Join(parts, ", ")))
	}
	if b.confirmed+b.dismissed+b.adjusted > 0 {
		s += b.pick(fmt.Sprintf("考核组对发现的问题进行了抽查复核，确认 %d 条、排除 %d 条，调整指标得分 %d 项。", b.confirmed, b.dismissed, b.adjusted),
			fmt.Sprintf(" The evaluators spot-checked the findings: %d confirmed, %d dismissed, %d item scores adjusted.", b.confirmed, b.dismissed, b.adjusted))
	} else {
		s += b.pick("本次考核未录入抽查复核结果。", " No spot-check decisions were recorded.")
	}
	if b.belowSelf > 0 {
		s += b.pick(fmt.Sprintf("有 %d 个单位的考核得分低于其自评得分。", b.belowSelf),
			fmt.Sprintf(" %d units scored lower than their own assessment.", b.belowSelf))
	}
	return s + ToFill + b.pick("（实地核查、第三方评估等其他考核方式，没有的删除）", " (site visits, third-party review; delete if none)")
}

func (b *bulletin) gradesSentence() string {
	gs := b.res.Checklist.Grades
	var parts []string
	for i, g := range gs {
		switch {
		case i == len(gs)-1 && i > 0:
			parts = append(parts, b.pick(fmt.Sprintf("%s（%s分以下）", g.Name, points(gs[i-1].Min)), fmt.Sprintf("%s (below %s)", g.Name, points(gs[i-1].Min))))
		default:
			parts = append(parts, b.pick(fmt.Sprintf("%s（%s分及以上）", g.Name, points(g.Min)), fmt.Sprintf("%s (%s or more)", g.Name, points(g.Min))))
		}
	}
	if len(parts) == 0 {
		return b.pick("本指标体系未设等次。", "The scheme has no grades.")
	}
	last := gs[len(gs)-1].Name
	return b.pick(fmt.Sprintf("考核结果分为%s %d 个等次；有一票否决情形的单位、未报送考核材料的单位评为%s。", strings.Join(parts, "、"), len(parts), last),
		fmt.Sprintf("Grades: %s; a vetoed unit and a unit that handed in nothing are graded %s.", strings.Join(parts, ", "), last))
}

// rankingTable is the ranking as the Excel report's 汇总 has it.
func (b *bulletin) rankingTable() docx.Table {
	pick := b.pick
	tb := docx.Table{Widths: []int{8, 40, 10, 12, 12, 12, 26}, Head: 1}
	var head []docx.Cell
	for _, h := range []string{pick("排名", "Rank"), pick("单位", "Unit"), pick("类型", "Type"), pick("得分", "Score"),
		pick("等次", "Grade"), pick("效能分", "Perf."), pick("备注", "Notes")} {
		head = append(head, docx.Cell{Runs: []docx.Run{docx.T(h)}, Align: docx.Center, Bold: true})
	}
	tb.Rows = append(tb.Rows, head)
	for _, u := range b.res.Units {
		rank, score, perf := "—", "—", "—"
		if u.Rank > 0 {
			rank = strconv.Itoa(u.Rank)
		}
		if u.Status != scoring.StatusError {
			score, perf = fmtScore(u.Score), fmtScore(u.PerformancePoints)
		}
		var notes []string
		switch {
		case u.Status != scoring.StatusOK:
			notes = append(notes, StatusLabel(u, b.l))
		case u.NeedsCorrection:
			notes = append(notes, StatusLabel(u, b.l))
		}
		if u.Vetoed {
			notes = append(notes, pick("一票否决", "vetoed"))
		}
		tb.Rows = append(tb.Rows, []docx.Cell{docx.C(rank, docx.Center), docx.C(unitName(u), docx.Left), docx.C(u.Type, docx.Center),
			docx.C(score, docx.Center), docx.C(u.Grade, docx.Center), docx.C(perf, docx.Center), docx.C(strings.Join(notes, pick("；", "; ")), docx.Left)})
	}
	return tb
}

// gradeLists names the units of each grade, then the vetoed, the missing
// and the unreadable ones.
func (b *bulletin) gradeLists(d *docx.Document) {
	pick := b.pick
	n := 0
	num := func() string {
		n++
		return pick("（"+chineseNumber(n)+"）", fmt.Sprintf("(%d) ", n))
	}
	for _, g := range b.res.Checklist.Grades {
		var names []string
		for _, u := range b.res.Units {
			if u.Status == scoring.StatusOK && u.Grade == g.Name {
				names = append(names, unitName(u))
			}
		}
		d.Text(docx.T(num() + pick(fmt.Sprintf("%s等次（%d 个）：%s。", g.Name, len(names), b.list(names)),
			fmt.Sprintf("%s (%d): %s.", g.Name, len(names), b.list(names)))))
	}
	var vetoed []string
	for _, u := range b.res.Units {
		if u.Vetoed {
			name := unitName(u)
			s := name
			if ms := b.vetoes[name]; len(ms) > 0 {
				s += pick("（"+strings.Join(ms, "；")+"）", " ("+strings.Join(ms, "; ")+")")
			}
			vetoed = append(vetoed, s)
		}
	}
	if len(vetoed) > 0 {
		d.Text(docx.T(num() + pick(fmt.Sprintf("一票否决（%d 个）：%s。", len(vetoed), strings.Join(vetoed, "；")),
			fmt.Sprintf("Vetoed (%d): %s.", len(vetoed), strings.Join(vetoed, "; ")))))
	}
	var missing []string
	for _, u := range b.res.Units {
		if u.Status == scoring.StatusMissing {
			missing = append(missing, unitName(u))
		}
	}
	if len(missing) > 0 {
		d.Text(docx.T(num() + pick(fmt.Sprintf("未报送考核材料（%d 个）：%s，按 0 分计。", len(missing), b.list(missing)),
			fmt.Sprintf("Handed in nothing (%d): %s; scored 0.", len(missing), b.list(missing)))))
	}
	var failed []string
	for _, u := range b.res.Units {
		if u.Status == scoring.StatusError {
			s := unitName(u)
			if m := u.MessageIn(b.l); m != "" {
				s += pick("（"+m+"）", " ("+m+")")
			}
			failed = append(failed, s)
		}
	}
	if len(failed) > 0 {
		d.Text(docx.T(num() + pick(fmt.Sprintf("报送材料无法读取、未评定等次（%d 个）：%s。", len(failed), strings.Join(failed, "；")),
			fmt.Sprintf("Submissions that could not be read, not graded (%d): %s.", len(failed), strings.Join(failed, "; ")))))
	}
}

// problems writes the typical problems, most frequent first, each with the
// units it was found in, then the register problems.
func (b *bulletin) problems(d *docx.Document) {
	pick := b.pick
	if b.findings == 0 {
		d.Text(fill(pick("本次考核未发现问题。"+ToFill, "No problems were found. "+ToFill))...)
	} else {
		s := pick(fmt.Sprintf("考核共发现问题 %d 条，涉及 %d 个单位", b.findings, b.unitsWithFindings),
			fmt.Sprintf("%d problems were found in %d units", b.findings, b.unitsWithFindings))
		if b.public > 0 {
			var kinds []string
			for _, p := range b.kinds {
				if p.public > 0 {
					kinds = append(kinds, KindLabel(p.kind, b.l))
				}
			}
			s += pick(fmt.Sprintf("，其中应公开未公开类问题（%s）%d 条", strings.Join(kinds, "、"), b.public),
				fmt.Sprintf(", %d of them of the should-be-public kind (%s)", b.public, strings.Join(kinds, ", ")))
		}
		d.Text(docx.T(s + pick("。主要有：", ". In order of frequency:")))
	}
	for i, p := range b.kinds {
		d.Text(docx.T(pick("（"+chineseNumber(i+1)+"）", fmt.Sprintf("(%d) ", i+1))), docx.Run{Text: KindLabel(p.kind, b.l) + pick("。", ". "), Bold: true},
			docx.T(b.problemSentence(p)))
	}
	if len(b.data) > 0 {
		var parts []string
		for _, p := range b.data {
			parts = append(parts, pick(fmt.Sprintf("%s %d 条（%s）", KindLabel(p.kind, b.l), p.n, b.unitCounts(p)),
				fmt.Sprintf("%s: %d (%s)", KindLabel(p.kind, b.l), p.n, b.unitCounts(p))))
		}
		d.Text(docx.T(pick("此外，台账填报方面："+strings.Join(parts, "；")+"。", "Besides, in the registers themselves: "+strings.Join(parts, "; ")+".")))
	}
	if len(b.needsCorrection) > 0 {
		d.Text(docx.T(pick(fmt.Sprintf("%d 个单位的台账缺少指标所需的列，相关指标未能考核，须补正：%s。", len(b.needsCorrection), b.list(b.needsCorrection)),
			fmt.Sprintf("The registers of %d units lack columns items need; those items could not be assessed and must be corrected: %s.", len(b.needsCorrection), b.list(b.needsCorrection)))))
	}
	d.Text(fill(ToFill + pick("（对问题原因的分析）", " (why these problems arose)"))...)
}

func (b *bulletin) problemSentence(p *problem) string {
	return b.pick(fmt.Sprintf("共 %d 条，涉及 %d 个单位（%s）；指标 %s。", p.n, len(p.units), b.unitCounts(p), strings.Join(p.items, "、")),
		fmt.Sprintf("%d findings in %d units (%s); items %s.", p.n, len(p.units), b.unitCounts(p), strings.Join(p.items, ", ")))
}

// unitCounts lists the units of a problem in the ranking's order with
// their counts: 「扁担沟镇 3 条、高闸镇 1 条」.
func (b *bulletin) unitCounts(p *problem) string {
	var names []string
	for n := range p.units {
		names = append(names, n)
	}
	slices.SortFunc(names, func(x, y string) int {
		if c := p.units[y] - p.units[x]; c != 0 {
			return c
		}
		return cmp.Compare(b.unitOrder[x], b.unitOrder[y])
	})
	for i, n := range names {
		names[i] = b.pick(fmt.Sprintf("%s %d 条", n, p.units[n]), fmt.Sprintf("%s %d", n, p.units[n]))
	}
	return strings.Join(names, b.pick("、", ", "))
}

// failing are the units of the last grade (vetoed and missing included).
func (b *bulletin) failing() []string {
	gs := b.res.Checklist.Grades
	if len(gs) < 2 {
		return nil
	}
	var out []string
	for _, u := range b.res.Units {
		if u.Status != scoring.StatusError && u.Grade == gs[len(gs)-1].Name {
			out = append(out, unitName(u))
		}
	}
	return out
}

// chineseNumber writes 1–99 in Chinese numerals, as 公文 number their
// points: 一, 十, 十一, 二十一.
func chineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + strings.TrimPrefix(digits[n%10], "零")
	case n < 100:
		s := digits[n/10] + "十"
		if n%10 != 0 {
			s += digits[n%10]
		}
		return s
	}
	return strconv.Itoa(n)
}
