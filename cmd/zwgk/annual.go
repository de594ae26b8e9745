package main

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/annual"
	"github.com/zwgk/zwgk/scoring/annual/annualreport"
	"github.com/zwgk/zwgk/scoring/roster"
)

// annualOptions are the flags of `zwgk annual-report`.
type annualOptions struct {
	year      int
	checklist string
	previous  string
	outputs   []string
	force     bool
	input     inputOptions
}

func newAnnualCmd(e *env, g *globalOptions) *cobra.Command {
	opts := &annualOptions{}
	cmd := &cobra.Command{
		Use:   "annual-report PATH… --year N",
		Short: "填制政府信息公开工作年度报告的表二、表三、表四，校验勾稽关系，列出超期答复",
		Long: `按国家规定的格式（2021年度起为国办公开办函〔2021〕30号，2019、2020年度为国办公开办函〔2019〕60号试行格式）
填制每个单位政府信息公开工作年度报告的统计表：表三（收到和处理政府信息公开申请情况）由依申请公开台账统计，
表四（行政复议、行政诉讼情况）由行政复议诉讼表统计，表二（主动公开政府信息情况）取自主动公开情况表。

表三：收到日期在本年度的为“本年新收”；上年度及以前收到、本年1月1日前未答复的为“上年结转”；答复日期在本年度的
按答复结果和具体情形计入“本年度办理结果”（部分公开只计入（二））；至12月31日未答复的为“结转下年度继续办理”。
各列按申请人类型统计。

校验（打印并写入 校验 工作表）：(a) 一 + 二 = 三（七）+ 四（每列）；(b)（七）总计 = 各项之和；(c) 总计列 = 各类申请人之和；
(d) 部分公开只计一次；(e) 指定 --previous 时，本年“上年结转” = 上年“结转下年度继续办理”；表四各组总计。
另列出超期答复的申请：收到后超过20个工作日答复（2019年5月15日前收到的为15个），延期的为40（30）个工作日；
至12月31日仍未答复且已过期限的也列出。

-o 可重复：.xlsx 年度报告统计表（每单位一张工作表，另有 校验 表）；.json zwgk.annual/v1（可作为下一年的 --previous）；
.md 年度报告文字稿框架（六个部分，能由台账得出的数字已填好，其余标 【待填写】）；
.docx 同一文字稿的 Word 文档：按公文格式（GB/T 9704：A4，页边距上37、下35、左28、右26毫米，标题方正小标宋简体二号，
正文仿宋_GB2312三号，一级标题黑体、二级标题楷体，缺字体时用宋体、仿宋、黑体、楷体代替），表二、表三、表四按国家格式排版，
【待填写】以黄色突出显示，编制说明和勾稽关系校验结果放在可整块删除的内容控件中（发布前删除）。
年度报告公布时限（《条例》第四十九条）：区政府部门于次年1月31日前，区人民政府于次年3月31日前。

退出状态：0 完成且校验全部通过；1 有未通过的校验；2 用法错误，或至少一份报送材料无法读取。`,
		Example: `  zwgk annual-report 报送材料/ --year 2024 -o 2024年度报告.xlsx
  zwgk annual-report 金积镇.xlsx --year 2024 --previous 2023年度报告.json -o 2024年度报告.xlsx -o 2024年度报告.md -o 2024年度报告.json
  zwgk annual-report 报送材料/ --year 2024 -o 2024年度报告.docx`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			return runAnnual(e, opts, args, lang)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.year, "year", 0, "报告年度（必填），如 2024")
	f.StringVar(&opts.checklist, "checklist", "", "按该指标体系的台账结构和工作日历读取（默认 litong-2017）")
	f.StringVar(&opts.previous, "previous", "", "上一年度的年度报告（本命令写出的 .json 或 .xlsx），用于核对上年结转")
	f.StringArrayVarP(&opts.outputs, "output", "o", nil, "写出年度报告，格式按扩展名：.xlsx、.json、.md、.docx；可重复")
	f.BoolVar(&opts.force, "force", false, "允许 -o 覆盖已有的文件（从不覆盖输入文件）")
	opts.input.register(cmd)
	return cmd
}

func runAnnual(e *env, opts *annualOptions, paths []string, lang msg.Lang) error {
	switch {
	case opts.year == 0:
		return usagef("请用 --year 指定报告年度，如 --year 2024", "give the report year with --year, e.g. --year 2024")
	case opts.year < 2008 || opts.year > 2199:
		return usagef("--year %d: 报告年度应在 2008 年（《条例》施行）之后", "--year %d: the report year must be 2008 (when the Regulations took effect) or later", opts.year)
	}
	if err := checkOutputs(opts.outputs, inputFiles(paths, &opts.input, opts.previous, opts.checklist), opts.force, []string{".xlsx", ".json", ".md", ".docx"}); err != nil {
		return err
	}
	c, err := loadChecklist(e, opts.checklist, opts.input.calendars)
	if err != nil {
		return err
	}
	prev, err := loadPrevious(e, opts.previous, opts.year)
	if err != nil {
		return err
	}
	subs, warnings, err := discover(paths)
	if err != nil {
		return err
	}
	printWarnings(e, warnings, lang)
	if opts.year < 2019 {
		fmt.Fprintf(e.stderr, "zwgk: %s\n", msg.New("提示：%d 年度适用2007年《条例》，没有全国统一的年度报告表格；按国办公开办函〔2019〕60号试行格式生成，仅供参考",
			"note: %d fell under the 2007 Regulations, which had no national table format; the 2019 trial layout is used for reference only", opts.year).In(lang))
	}
	if c.Calendar != nil {
		for _, y := range []int{opts.year - 1, opts.year} {
			if miss := c.Calendar.MissingOverlay(y); len(miss) > 0 {
				fmt.Fprintf(e.stderr, "zwgk: %s\n", msg.New("提示：工作日历 %s 缺少 %d 年的数据，该年的地方节假日未计入答复期限（可用 --calendar 补充）",
					"note: the calendar %s has no data for %d; that year's regional holidays are not counted in time limits (add them with --calendar)",
					strings.Join(miss, "、"), y).In(lang))
			}
		}
	}

	file := &annual.File{Format: annual.FormatV1, Year: opts.year, Layout: annual.LayoutFor(opts.year)}
	// No roster here: every submission read, with register rows, and the
	// only one for its unit, is reported.
	rec := roster.NewReconciler[*annual.Report](nil, len(subs))
	reports := make([]*annual.Report, len(subs))
	prog := newProgress(e, len(subs), "统计")
	readAll(e, subs, &opts.input, c, prog, func(i int, r readResult) {
		if r.err != nil {
			rec.Unreadable(i, r.source, failureText(r.err))
			return
		}
		if _, ok := rec.Match(i, r.source, r.unit); !ok {
			return
		}
		reports[i] = annual.Compute(r.unit, annual.Options{Year: opts.year, Layout: file.Layout, Calendar: c.Calendar})
	})
	prog.finish()
	units, failures, _, _ := rec.Finish(reports)
	file.Units = units
	for _, f := range failures {
		file.Errors = append(file.Errors, annual.Error{File: f.Source, Message: f.Text.Zh, MessageText: f.Text})
	}
	failed := false
	for _, u := range file.Units {
		var p *annual.Previous
		if prev != nil {
			p = &annual.Previous{Source: opts.previous}
			if pu := prev.Unit(u.Name, len(file.Units) == 1); pu != nil {
				p.Found = true
				p.CarriedForward, _ = pu.Table3.Get(annual.RowCarriedForward)
			}
		}
		u.Checks = annual.Checks(u, p)
		failed = failed || u.Failed()
	}

	if err := annualreport.Table(e.stdout, file, lang); err != nil {
		return err
	}
	var written []string
	for _, o := range opts.outputs {
		var write func(io.Writer) error
		switch strings.ToLower(filepath.Ext(o)) {
		case ".xlsx":
			write = func(w io.Writer) error {
				return annualreport.XLSX(w, file, annualreport.XLSXOptions{Lang: lang, Generated: generated(e), Tool: toolName()})
			}
		case ".json":
			write = func(w io.Writer) error { return annualreport.JSON(w, file) }
		case ".md":
			write = func(w io.Writer) error { return annualreport.Markdown(w, file) }
		case ".docx":
			write = func(w io.Writer) error { return annualreport.DOCX(w, file) }
		}
		if err := writeAtomicCtx(e.context(), o, opts.force, write); err != nil {
			return err
		}
		written = append(written, o)
	}
	fmt.Fprintf(e.stderr, "zwgk: %s\n", annualSummary(file, written).In(lang))
	if len(file.Errors) > 0 {
		var names []string
		for _, e := range file.Errors {
			names = append(names, e.File)
		}
		return &exitError{code: exitError2, err: unreadableError(names)}
	}
	if failed {
		return &exitError{code: exitFindings}
	}
	return nil
}

// loadPrevious reads --previous: a zwgk.annual/v1 JSON file or an
// annual-report workbook of the year before.
func loadPrevious(e *env, path string, year int) (*annual.File, error) {
	if path == "" {
		return nil, nil
	}
	data, err := e.readFile(path)
	if err != nil {
		return nil, usage(msg.Errorf("--previous %s: %w", "--previous %s: %w", path, err))
	}
	var f *annual.File
	switch strings.ToLower(filepath.Ext(path)) {
	case ".json":
		f, err = annual.ReadFile(bytes.NewReader(data), path)
	case ".xlsx":
		f, err = annualreport.ReadXLSX(bytes.NewReader(data), path)
	default:
		return nil, usagef("--previous %s: 应为本命令写出的 .json 或 .xlsx 年度报告", "--previous %s: must be a .json or .xlsx yearly report written by this command", path)
	}
	if err != nil {
		return nil, usage(msg.Errorf("--previous %w", "--previous %w", err))
	}
	if f.Year != 0 && f.Year != year-1 {
		return nil, usagef("--previous %s 是 %d 年度的报告，核对 %d 年度应使用 %d 年度的报告", "--previous %s is the report of %d; checking %d needs the report of %d", path, f.Year, year, year-1)
	}
	return f, nil
}
