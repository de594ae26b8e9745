package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report"
	"github.com/zwgk/zwgk/scoring/roster"
)

// auditOptions are the flags of `zwgk audit`.
type auditOptions struct {
	checklist string
	year      int
	roster    string
	review    string
	format    string
	outputs   []string
	force     bool
	previous  string
	failOn    string
	input     inputOptions
	detail    bool
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

一个单位每条指标至多逐条列出 1,000 条问题（全部至多 10,000 条），其余合为一条「另有 N 条同类问题」（JSON 中
omitted 为 N），得分和问题数仍按全部行计。规则生成的字符串至多 1 MiB；逐行遍历整张台账、在一个单位上运算量超过
5,000 万的规则在这个单位不运行，记为不适用并列出「规则错误」，不扣分（见 docs/workbook.md）。

台账缺少某条指标要读的列时，这条指标按 0 分计、只列一条「台账缺列」问题（不一票否决、不算应公开未公开），
单位状态为「需补正」，并提示哪个未识别的列可能是它（「发文日子」可能是「印发日期」）；别名见 docs/workbook.md。

Excel 报告（-o 报告.xlsx）：汇总、指标得分、应公开未公开清单、全部问题清单、复核记录，以及每个单位的计分明细
（超过100个单位时合为一张「各单位计分明细」表，可按单位筛选）。审核时问题清单暂存在系统临时目录（TMPDIR）的
一个文件中，结束时删除，内存不随单位数增长；环境变量 GOGC、GOMEMLIMIT 可改变垃圾回收设置（默认 400 和 200MiB）。

单个单位的自查报告（-o 自查报告.xlsx）另有「整改清单」，供单位填写整改措施、责任人、整改时限和整改状态。
--force 覆盖上次的自查报告，或 --previous 上次的报告.xlsx 写到新文件时，先读出上次填写的内容：仍然存在的问题原样承接
（依次按 指标+工作表+行号+文号、指标+工作表+文号（行挪动了）、指标+工作表+行号（一方没有文号）对应，没有行号的问题按
指标+问题类型+问题说明、再按指标+问题类型对应；上次的一行只承接给一个问题），本次未再发现的问题连同填写的内容列在
「已整改」表中，单位自己加的列一并保留。要覆盖的文件不是 zwgk 写出的报告、整改清单读不出来（逐个指出单元格），
或本次结果不是单个单位的，都拒绝覆盖（退出状态2）；确实不要时加 --previous none。

退出状态：0 完成；1 有符合 --fail-on 的问题；2 用法错误、指标体系有错误，或至少一份报送材料无法读取
（其余材料照常审核和报告，无法读取的列在结果的 errors 中并说明原因）；130、143 被 Ctrl-C（SIGINT）、SIGTERM
中断：临时文件和没写完的报告已删除。`,
		Example: `  zwgk audit samples/
  zwgk audit 报送材料/ --year 2017 -o 评估结果.xlsx -o 评估结果.json
  zwgk audit 金积镇.xlsx --fail-on public
  zwgk audit 金积镇.xlsx -o 自查报告.xlsx --force          # 承接上次填写的整改清单
  zwgk audit 金积镇.xlsx -o 新报告.xlsx --previous 自查报告.xlsx
  zwgk audit 报送材料/ --roster 名单.yaml --review 复核.xlsx -o 评估结果.xlsx`,
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
	f.IntVar(&opts.year, "year", 0, "评估年度（默认取指标体系的 year）")
	f.StringVar(&opts.roster, "roster", "", "应报送单位名单（YAML 或 xlsx）；名单上未报送的单位记为未报送、0分；名称相近且一一对应的按名单计，不在名单上的材料提示「已读取、未评分」（见 docs/roster.md）")
	f.StringVar(&opts.review, "review", "", "区政府办公室的复核决定（zwgk sample 生成的抽查表填好后，或 YAML）")
	f.StringVar(&opts.format, "format", "table", "标准输出的格式：table、json 或 csv")
	f.StringArrayVarP(&opts.outputs, "output", "o", nil, "同时写出报告，格式按扩展名：.xlsx、.json、.csv；可重复")
	f.BoolVar(&opts.force, "force", false, "允许 -o 覆盖已有的报告文件（从不覆盖输入文件）；覆盖单个单位的自查报告时承接其整改清单中填写的内容")
	f.StringVar(&opts.previous, "previous", "", "上次的自查报告（.xlsx）：承接其整改清单中填写的整改措施、责任人、整改时限、整改状态；none 表示不承接")
	f.StringVar(&opts.failOn, "fail-on", "none", "有问题时以状态1退出：public（有应公开未公开问题）、any（有任何问题）、none")
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
	inputs := inputFiles(paths, &opts.input, opts.roster, opts.review, opts.checklist)
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
	year := opts.year
	if year == 0 {
		year = c.Year
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

	// Each unit is scored in its worker as soon as it is evaluated, and its
	// findings go to a temporary file: what stays in memory per unit is its
	// scores, so a province's audit does not grow with its units.
	store, closeStore := findingStore()
	defer closeStore()
	plan := audit.NewPlan(c)
	scorer := scoring.NewScorer(c, year, decisions)
	rec := roster.NewReconciler[*scoring.UnitResult](ro, len(subs))
	scored := make([]*scoring.UnitResult, len(subs))
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
		ev, err := plan.EvaluateContext(e.context(), r.unit, year)
		if err != nil {
			return // stopped by a signal: the run ends below
		}
		u := scorer.Unit(ev)
		u.Roster = scoring.NewRosterNote(m)
		if store != nil {
			// On a write error the findings stay in memory: the run goes on.
			_ = store.Put(u)
		}
		scored[i] = u
	})
	prog.finish()
	if err := e.context().Err(); err != nil {
		return err // a signal: the deferred clean-up removes the findings file
	}
	units, failures, missing, notes := rec.Finish(scored)
	res := scorer.Result(units, failures, missing, append(warnings, notes...))
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
		return report.CSV(e.stdout, res, report.CSVOptions{Lang: lang})
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
		}
		errs = append(errs, writeAtomicCtx(e.context(), o, force, write))
	}
	return msg.Join(errs...)
}

// generated is the generation date written into reports: SOURCE_DATE_EPOCH
// when set (reproducible builds' convention), else today.
func generated(e *env) string {
	t := e.now()
	if s := e.getenv("SOURCE_DATE_EPOCH"); s != "" {
		var sec int64
		if _, err := fmt.Sscan(s, &sec); err == nil {
			t = time.Unix(sec, 0).UTC()
		}
	}
	return t.Format("2006-01-02") + "，" + toolName()
}
