package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/audit/workbook"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report"
	"github.com/zwgk/zwgk/scoring/roster"
)

// auditOptions are the flags of `zwgk audit`.
type auditOptions struct {
	checklist string
	year      int
	asOf      string
	roster    string
	review    string
	format    string
	outputs   []string
	force     bool
	previous  string
	failOn    string
	input     inputOptions
	detail    bool
	tables    []string
	scores    string
}

func newAuditCmd(e *env, g *globalOptions) *cobra.Command {
	opts := &auditOptions{}
	cmd := &cobra.Command{
		Use:   "audit PATH…",
		Short: "审核报送材料：计分、定级、排名，列出问题（应公开未公开等）",
		Long: `审核各单位报送的自查台账：一个 .xlsx 文件、一个单位的 CSV 文件夹、这两者之一的 .zip，或放着许多单位报送
材料的文件夹（递归查找，跳过 ~$ 锁定文件和隐藏文件；与其他单位材料并列散放的工作表 CSV 文件不算一个单位，只给出
提示；命名管道、设备文件等非普通文件从不打开，提示后跳过）。按指标体系计分、定级、排名，列出每个不符合要求的
台账行。无法读取的报送材料（包括引号没有闭合、一行列数过多的 CSV 文件）写明原因，不排名、不评定等级；
命令行上找不到的路径、形成循环的符号链接、没有读取权限的文件夹也逐个列为无法读取，其余照常审核。
构造出来耗尽内存或时间的工作表（单元格超过 1 MiB、引用不存在的共享字符串、一行坏数据向下合并上百万行）读取时即
拒绝，写明工作表、行、单元格或合并区域。

一个单位每条指标至多逐条列出 1,000 条问题（全部至多 10,000 条），其余合为一条「另有 N 条同类问题」（JSON 中
omitted 为 N），得分和问题数仍按全部行计。规则生成的字符串至多 1 MiB；逐行遍历整张台账、在一个单位上运算量超过
5,000 万的规则在这个单位不运行，记为不适用并列出「规则错误」，不扣分（见 docs/workbook.md）。

台账缺少某条指标要读的列时，这条指标按 0 分计、只列一条「台账缺列」问题（不一票否决、不算应公开未公开），
单位状态为「需补正」，并提示哪个未识别的列可能是它（「发文日子」可能是「印发日期」）；别名见 docs/workbook.md。

Excel 报告（-o 报告.xlsx）：汇总、指标得分、应公开未公开清单、全部问题清单、复核记录，以及每个单位的计分明细
（超过100个单位时合为一张「各单位计分明细」表，可按单位筛选）。审核时问题清单暂存在系统临时目录（TMPDIR）的
一个文件中，结束时删除，内存不随单位数增长；环境变量 GOGC、GOMEMLIMIT 可改变垃圾回收设置（默认 400 和 128MiB）。
排名表格、CSV 和「汇总」表中「应公开未公开」只数从未公开的（含网站目录中没有的），「公开不及时」另列一列；
应公开未公开清单和 --fail-on public 包括全部应公开未公开类问题。

考核结果通报稿（-o 通报.docx）：Word 文档，公文格式（A4，页边距上37、下35、左28、右26毫米，标题方正小标宋简体二号，
正文仿宋_GB2312三号，缺字体时用宋体、仿宋代替），含考核基本情况（单位、指标体系、计分方式、抽查复核）、
得分排名表和各等次名单、一票否决和未报送的单位、由问题清单统计的主要问题（按条数排列）、整改要求；整改期限、
发文机关和成文日期标【待填写】（黄色突出显示），编制说明放在可整块删除的内容控件中；--lang en 为英文稿。
--checklist 可以是 zwgk.checklist/v2 文件（docs/checklist-format.md 第12节：规则池、评估打分、加分超过总分、门槛、
及格线、否决效果、按单位类型的分值）：评估打分（method: evaluator）的指标未打分时单位为「待评分」（pending），
得分为暂定分、排在已评分单位之后；报告写明每条规则的扣分、封顶、效果及其理由、计入的加分。
区里自己的证据（docs/district.md）：--table catalog=网站公开目录.xlsx 给出政府网站政府信息公开目录的导出（全区一个
文件，.xlsx 或 .csv，按「发布机构」分到各单位，名称按名单和别名对应）：台账说已公开、目录中没有的主动公开公文为经网站
核实的应公开未公开，公开日期与网站发布日期相差超过1天的为台账与网站不一致，目录中有、台账没有的为台账漏登；文号按规范
形式比较（括号、全半角、前导零、空格不计）。没给出目录时这几项不适用、不扣分。--table monitoring=、--table platform=
同理（日常监测问题、依申请公开平台受理记录）。对不上任何单位的行列在提示中。--scores 评估打分.xlsx 读入评估人员的
打分（zwgk scores template 生成），表中有错则逐个指出单元格、不审核。

单个单位的自查报告（-o 自查报告.xlsx）另有「整改清单」，供单位填写整改措施、责任人、整改时限和整改状态。
--force 覆盖上次的自查报告，或 --previous 上次的报告.xlsx 写到新文件时，先读出上次填写的内容：仍然存在的问题原样承接
（依次按 指标+工作表+行号+文号、指标+工作表+文号（行挪动了）、指标+工作表+行号（一方没有文号）对应，没有行号的问题按
指标+问题类型+问题说明、再按指标+问题类型对应；上次的一行只承接给一个问题），本次未再发现的问题连同填写的内容列在
「已整改」表中，单位自己加的列一并保留。要覆盖的文件不是 zwgk 写出的报告、整改清单读不出来（逐个指出单元格），
或本次结果不是单个单位的，都拒绝覆盖（退出状态2）；确实不要时加 --previous none。

年度与期限：评估年度为 --year；不指定时取各单位「单位信息」填写的年度（都一致时），否则取指标体系的 year，
表头写明来源。期限按 --as-of 这一天判断（默认今天与评估年度12月31日中较早的一天）：期限未到、尚未办结的为「未到期」，
不扣分，列入「即将到期」清单（屏幕、JSON 的 upcoming、Excel 的「即将到期」表）；结论取决于工作日历缺少的年份
（如尚未公布的下一年放假安排、宁夏缺少的年份）时为「待定」，不扣分，写明应导入哪一年的通知（zwgk calendar import）。
期限的算法（补正、征求意见、延期告知、第三十五条）见 docs/deadlines.md。

退出状态：0 完成；1 有符合 --fail-on 的问题；2 用法错误、指标体系有错误，或至少一份报送材料无法读取
（其余材料照常审核和报告，无法读取的列在结果的 errors 中并说明原因）；130、143 被 Ctrl-C（SIGINT）、SIGTERM
中断：临时文件和没写完的报告已删除。`,
		Example: `  zwgk audit samples/
  zwgk audit 报送材料/ --year 2017 -o 评估结果.xlsx -o 评估结果.json
  zwgk audit 报送材料/ --year 2026 --as-of 2027-01-31 --calendar 2027.yaml   # 次年1月：12月下旬事项期限届满后
  zwgk audit 报送材料/ -o 通报.docx                        # 考核结果通报稿
  zwgk audit 金积镇.xlsx --fail-on public
  zwgk audit 金积镇.xlsx -o 自查报告.xlsx --force          # 承接上次填写的整改清单
  zwgk audit 金积镇.xlsx -o 新报告.xlsx --previous 自查报告.xlsx
  zwgk audit 报送材料/ --roster 名单.yaml --review 复核.xlsx -o 评估结果.xlsx
  zwgk audit 报送材料/ --roster 名单.yaml --table catalog=网站公开目录.xlsx --scores 评估打分.xlsx -o 评估结果.xlsx`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			return runAudit(e, opts, args, lang)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.checklist, "checklist", "", "指标体系：内置编号或 YAML 文件（默认 litong-2017）")
	f.IntVar(&opts.year, "year", 0, "评估年度（默认：各单位单位信息中填写的年度一致时取该年度，否则取指标体系的 year）")
	f.StringVar(&opts.asOf, "as-of", "", "按哪一天判断期限是否届满，YYYY-MM-DD（默认：今天与评估年度12月31日中较早的一天）；期限未到的记为未到期，列入即将到期清单，不扣分")
	f.StringVar(&opts.roster, "roster", "", "应报送单位名单（YAML 或 xlsx）；名单上未报送的单位记为未报送、0分；名称相近且一一对应的按名单计，不在名单上的材料提示「已读取、未评分」（见 docs/roster.md）")
	f.StringVar(&opts.review, "review", "", "区政府办公室的复核决定（zwgk sample 生成的抽查表填好后，或 YAML）")
	f.StringVar(&opts.format, "format", "table", "标准输出的格式：table、json 或 csv（csv 重定向到文件时以 UTF-8 BOM 开头，中文 Excel 可直接打开）")
	f.StringArrayVarP(&opts.outputs, "output", "o", nil, "同时写出报告，格式按扩展名：.xlsx、.json、.csv，.docx 为考核结果通报稿；可重复")
	f.BoolVar(&opts.force, "force", false, "允许 -o 覆盖已有的报告文件（从不覆盖输入文件）；覆盖单个单位的自查报告时承接其整改清单中填写的内容")
	f.StringVar(&opts.previous, "previous", "", "上次的自查报告（.xlsx）：承接其整改清单中填写的整改措施、责任人、整改时限、整改状态；none 表示不承接")
	f.StringVar(&opts.failOn, "fail-on", "none", "有问题时以状态1退出：public（有应公开未公开问题）、any（有任何问题）、none")
	f.StringVar(&opts.scores, "scores", "", "区评估人员填好的评估打分表（zwgk scores template 生成）：得分作为调整计入，带评分人、日期和理由；表中有错则不审核")
	f.StringArrayVar(&opts.tables, "table", nil, "区级表：名称=文件，全区一个文件，按单位名称分到各单位；内置 catalog（政府信息公开目录导出）、monitoring（日常监测问题）、platform（依申请公开平台受理记录）；可重复")
	f.BoolVar(&opts.detail, "detail", false, "表格输出时列出每个单位的指标得分和问题（单个单位时默认列出）")
	opts.input.register(cmd)
	return cmd
}

func runAudit(e *env, opts *auditOptions, paths []string, lang msg.Lang) error {
	switch opts.format {
	case "table", "json", "csv":
	default:
		return usagef("--format %s: 应为 table、json 或 csv", "--format %s: want table, json or csv", opts.format)
	}
	switch opts.failOn {
	case "none", "public", "any":
	default:
		return usagef("--fail-on %s: 应为 public、any 或 none", "--fail-on %s: want public, any or none", opts.failOn)
	}
	inputs := inputFiles(paths, &opts.input, opts.roster, opts.review, opts.checklist, opts.scores)
	inputs = append(inputs, tableFiles(opts.tables)...)
	if err := checkOutputs(opts.outputs, inputs, opts.force, reportFormats); err != nil {
		return err
	}
	// What the unit typed into an earlier report is read before anything
	// is written over it.
	prev, err := loadRectification(e, opts.previous, opts.outputs)
	if err != nil {
		return err
	}
	c, err := loadChecklist(e, opts.checklist, opts.input.calendars)
	if err != nil {
		return err
	}
	asOf, err := parseAsOf(opts.asOf)
	if err != nil {
		return err
	}
	subs, warnings, err := discover(paths)
	if err != nil {
		return err
	}
	ro, err := loadRoster(e, opts.roster)
	if err != nil {
		return err
	}
	decisions, err := loadReview(e, opts.review)
	if err != nil {
		return err
	}
	scores, evaluated, err := loadScores(e, opts.scores, c, ro)
	if err != nil {
		return err
	}
	decisions = append(decisions, scores...)
	district, err := parseTables(c, opts.tables)
	if err != nil {
		return err
	}
	plan := audit.NewPlan(c)
	plan.SetDistrict(tableNames(district)...)
	if err := districtGaps(plan, district); err != nil {
		return err
	}
	cells, err := readTables(district, opts.input.workbookOptions(c), ro)
	if err != nil {
		return err
	}
	warnings = append(warnings, cells...)

	// The audited year: --year; else the 年度 the units state when all that
	// state one agree; else the checklist's. The audit runs with the year
	// the first stating submission gives and runs again only when the
	// others disagree.
	year, yearFrom := opts.year, scoring.YearFromFlag
	if year == 0 {
		year, yearFrom = firstStatedYear(e, subs, &opts.input, c), scoring.YearFromSubmissions
		if year == 0 {
			year, yearFrom = c.Year, scoring.YearFromChecklist
		}
	}
	var closers []func()
	defer func() {
		for _, c := range closers {
			c()
		}
	}()
	pass := func(year int) (*scoring.Result, []int) {
		// Each unit is scored in its worker as soon as it is evaluated, and
		// its findings go to a temporary file: what stays in memory per unit
		// is its scores, so a province's audit does not grow with its units.
		store, closeStore := findingStore()
		closers = append(closers, closeStore)
		day := asOf
		if day.IsZero() {
			day = dateOnly(today(e))
			if end := time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC); end.Before(day) {
				day = end
			}
		}
		res, stated := auditPass(e, opts, c, plan, district, subs, ro, decisions, evaluated, store, year, day, warnings)
		res.AsOf = day.Format(time.DateOnly)
		return res, stated
	}
	res, stated := pass(year)
	if err := e.context().Err(); err != nil {
		return err // a signal: the deferred clean-up removes the findings files
	}
	var disagree []int // the years the units state, when they differ
	if opts.year == 0 {
		if agreed := agreedYear(stated); agreed != year {
			if agreed == 0 {
				agreed, yearFrom = c.Year, scoring.YearFromChecklist
			}
			year = agreed
			res, _ = pass(year)
			if err := e.context().Err(); err != nil {
				return err
			}
		}
		for _, y := range stated {
			if y != 0 && !slices.Contains(disagree, y) {
				disagree = append(disagree, y)
			}
		}
		slices.Sort(disagree)
	}
	res.YearFrom = yearFrom
	if len(disagree) > 1 {
		var ys []string
		for _, y := range disagree {
			ys = append(ys, fmt.Sprint(y))
		}
		res.WarningTexts = append(res.WarningTexts, msg.New("各单位填写的年度不一致（%[1]s），按指标体系的年度%[2]d评估；请用 --year 指定评估年度",
			"the units state different years (%[1]s): %[2]d, the checklist's year, is audited; give the year with --year", strings.Join(ys, "、"), year))
	}
	for _, u := range res.Units {
		if u.StatedYear != 0 {
			res.WarningTexts = append(res.WarningTexts, msg.New("%s：单位信息填写的年度为%d，与评估年度%d不同", "%s: the unit states the year %d, but %d is audited",
				u.Name, u.StatedYear, res.Year))
		}
	}
	if err := checkRectification(prev, res, opts.outputs); err != nil {
		return err
	}

	// The report files are written while standard output is: renderers
	// only read the result.
	var outErr error
	var wg sync.WaitGroup
	wg.Go(func() { outErr = writeOutputs(e, res, opts.outputs, opts.force, prev, lang) })
	err = render(e, res, opts.format, opts.detail, lang)
	wg.Wait()
	if err != nil {
		return err
	}
	if outErr != nil {
		return outErr
	}
	if err := noteRectification(e, prev, res, lang); err != nil {
		return err
	}
	if len(res.Errors) > 0 {
		return &exitError{code: exitError2, err: unreadableError(errorFiles(res))}
	}
	if failOn(res, opts.failOn) {
		return &exitError{code: exitFindings}
	}
	return nil
}

// auditPass reads, evaluates and scores every submission for year, judging
// deadlines on asOf; stated lists the 年度 each unit states (0: none).
func auditPass(e *env, opts *auditOptions, c *checklists.Checklist, plan *audit.Plan, district []*districtInput, subs []workbook.Submission, ro *roster.Roster,
	decisions []scoring.Decision, evaluated scoring.EvaluatorScores, store *scoring.FindingFile, year int, asOf time.Time, warnings []msg.Text) (*scoring.Result, []int) {
	scorer := scoring.NewScorer(c, year, decisions).WithEvaluatorScores(evaluated)
	rec := roster.NewReconciler[*scoring.UnitResult](ro, len(subs))
	scored := make([]*scoring.UnitResult, len(subs))
	stated := make([]int, len(subs))
	prog := newProgress(e, len(subs), "审核")
	readAll(e, subs, &opts.input, c, prog, func(i int, r readResult) {
		if r.err != nil {
			rec.Unreadable(i, r.source, failureText(r.err))
			return
		}
		m, ok := rec.Match(i, r.source, r.unit)
		if !ok {
			return
		}
		stated[i] = statedYear(r.unit)
		attachTables(district, r.unit, ro != nil)
		ev, err := plan.EvaluateContext(e.context(), r.unit, year, asOf)
		if err != nil {
			return // stopped by a signal: the run ends in runAudit
		}
		u := scorer.Unit(ev)
		u.Roster = scoring.NewRosterNote(m)
		if y := stated[i]; y != 0 && y != year {
			u.StatedYear = y
		}
		if store != nil {
			// On a write error the findings stay in memory: the run goes on.
			_ = store.Put(u)
		}
		scored[i] = u
	})
	prog.finish()
	units, failures, missing, notes := rec.Finish(scored)
	notes = append(notes, unclaimedRows(district)...)
	return scorer.Result(units, failures, missing, append(slices.Clone(warnings), notes...)), stated
}

// statedYear is the 年度 a unit's 单位信息 states, 0 when none.
func statedYear(u *audit.Unit) int {
	switch y := u.Values["year"].(type) {
	case int:
		return y
	case float64:
		return int(y)
	}
	return 0
}

// agreedYear is the year every stating unit states; 0 when none states one
// or they disagree.
func agreedYear(stated []int) int {
	year := 0
	for _, y := range stated {
		switch {
		case y == 0:
		case year == 0:
			year = y
		case y != year:
			return 0
		}
	}
	return year
}

// firstStatedYear reads the submissions' unit sheets in order until one
// states its 年度 (usually the first): the year the audit starts with. Only
// a guess: the audit runs again when the units it reads whole agree on
// another year.
func firstStatedYear(e *env, subs []workbook.Submission, in *inputOptions, c *checklists.Checklist) int {
	rd := workbook.NewReader(in.workbookOptions(c))
	for _, s := range subs {
		if u, err := rd.ReadUnitSheet(s.Path); err == nil && u != nil {
			if y := statedYear(u); y != 0 {
				return y
			}
		}
	}
	return 0
}

// parseAsOf reads --as-of; zero when not given.
func parseAsOf(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, usagef("--as-of %s: 日期应写成 YYYY-MM-DD", "--as-of %s: write the date as YYYY-MM-DD", s)
	}
	return t, nil
}

func dateOnly(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// findingStore makes the temporary file scored units keep their findings
// in, and the function that removes it. When no temporary file can be made,
// findings stay in memory (store is nil): slower to fail than to refuse.
func findingStore() (store *scoring.FindingFile, closeStore func()) {
	f, err := os.CreateTemp("", "zwgk-findings-*")
	if err != nil {
		return nil, func() {}
	}
	return scoring.NewFindingFile(f), func() {
		f.Close()
		os.Remove(f.Name())
	}
}

func errorFiles(res *scoring.Result) []string {
	var files []string
	for _, e := range res.Errors {
		files = append(files, e.File)
	}
	return files
}

// failOn reports whether the result has findings that --fail-on names.
func failOn(res *scoring.Result, mode string) bool {
	for _, u := range res.Units {
		pub, all := u.FindingCounts()
		if (mode == "public" && pub > 0) || (mode == "any" && all > 0) {
			return true
		}
	}
	return false
}

// render prints the result on standard output in the chosen format.
func render(e *env, res *scoring.Result, format string, detail bool, lang msg.Lang) error {
	switch format {
	case "json":
		return report.JSON(e.stdout, res, lang)
	case "csv":
		// Redirected to a file (zwgk … --format csv > 结果.csv), the CSV
		// starts with a byte-order mark, without which Excel on Chinese
		// Windows reads UTF-8 as GBK; on a terminal it would show as junk.
		return report.CSV(e.stdout, res, report.CSVOptions{Lang: lang, BOM: !e.stdoutTTY})
	}
	return report.Table(e.stdout, res, report.TableOptions{Lang: lang, Detail: detail})
}

// writeOutputs writes every -o file, each atomically; one that fails does
// not stop the others, and every failure is returned.
func writeOutputs(e *env, res *scoring.Result, outs []string, force bool, prev *report.Rectification, lang msg.Lang) error {
	var errs []error
	for _, o := range outs {
		var write func(io.Writer) error
		switch strings.ToLower(filepath.Ext(o)) {
		case ".json":
			write = func(w io.Writer) error { return report.JSON(w, res, lang) }
		case ".csv":
			write = func(w io.Writer) error { return report.CSV(w, res, report.CSVOptions{Lang: lang, BOM: true}) }
		case ".xlsx":
			write = func(w io.Writer) error {
				return report.XLSX(w, res, report.XLSXOptions{Lang: lang, Tool: toolName(), Generated: generated(e), Previous: prev})
			}
		case ".docx":
			write = func(w io.Writer) error {
				return report.Bulletin(w, res, report.BulletinOptions{Lang: lang, Generated: generated(e)})
			}
		}
		err := writeAtomicCtx(e.context(), o, force, write)
		if err == nil {
			sayWrote(e, lang, o)
		}
		errs = append(errs, err)
	}
	return msg.Join(errs...)
}

// generated is the generation date written into reports: today (see today).
func generated(e *env) string {
	return today(e).Format("2006-01-02") + "，" + toolName()
}

// today is the clock every command reads: SOURCE_DATE_EPOCH when set
// (reproducible builds' convention), else now.
func today(e *env) time.Time {
	t := e.now()
	if s := e.getenv("SOURCE_DATE_EPOCH"); s != "" {
		var sec int64
		if _, err := fmt.Sscan(s, &sec); err == nil {
			t = time.Unix(sec, 0).UTC()
		}
	}
	return t
}
