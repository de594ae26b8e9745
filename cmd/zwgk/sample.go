package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/forms"
	"github.com/zwgk/zwgk/scoring/roster"
)

type sampleOptions struct {
	checklist string
	year      int
	perUnit   int
	seed      uint64
	seedSet   bool
	output    string
	force     bool
	input     inputOptions
}

func newSampleCmd(e *env, g *globalOptions) *cobra.Command {
	opts := &sampleOptions{}
	cmd := &cobra.Command{
		Use:   "sample PATH…",
		Short: "抽查（方案一(四)）：从每个单位的公文台账中按随机种子抽取若干行，生成抽查表",
		Long: `从每个单位的公文台账中抽取 --per-unit 行，写成抽查表（xlsx）。有问题的行和依申请公开、不予公开、
脱密后公开的行按 8:4:1 的权重多抽。同样的 --seed 和同样的报送材料，在任何电脑上都抽到同样的行；
种子会打印出来并写进抽查表。填好 核查结论 和 核查说明 后，用 zwgk audit … --review 抽查表.xlsx 重新计分。`,
		Example: `  zwgk sample 报送材料/ --per-unit 5 --seed 20171228 -o 抽查表.xlsx`,
		Args:    cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			opts.seedSet = cmd.Flags().Changed("seed")
			return runSample(e, opts, args, lang)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.checklist, "checklist", "", "指标体系：内置编号或 YAML 文件（默认 litong-2017）")
	f.IntVar(&opts.year, "year", 0, "评估年度（默认取指标体系的 year）")
	f.IntVar(&opts.perUnit, "per-unit", 5, "每个单位抽查的行数")
	f.Uint64Var(&opts.seed, "seed", 0, "随机种子（不指定时按当天日期生成，并打印出来以便复现）")
	f.StringVarP(&opts.output, "output", "o", "抽查表.xlsx", "抽查表文件")
	f.BoolVar(&opts.force, "force", false, "允许覆盖已有的抽查表")
	opts.input.register(cmd)
	return cmd
}

func runSample(e *env, opts *sampleOptions, paths []string, lang msg.Lang) error {
	if opts.perUnit <= 0 {
		return usagef("--per-unit 应为正整数", "--per-unit must be a positive whole number")
	}
	if err := checkOutputs([]string{opts.output}, inputFiles(paths, &opts.input, opts.checklist), opts.force, xlsxOnly); err != nil {
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
	seed := opts.seed
	if !opts.seedSet {
		t := e.now()
		seed = uint64(t.Year()*10000 + int(t.Month())*100 + t.Day())
	}
	subs, warnings, err := discover(paths)
	if err != nil {
		return err
	}
	printWarnings(e, warnings, lang)
	plan := audit.NewPlan(c)
	// No roster here: every submission read, with register rows, and the
	// only one for its unit, is sampled.
	rec := roster.NewReconciler[[]scoring.Sampled](nil, len(subs))
	samples := make([][]scoring.Sampled, len(subs))
	prog := newProgress(e, len(subs), "抽查")
	readAll(e, subs, &opts.input, c, prog, func(i int, r readResult) {
		if r.err != nil {
			rec.Unreadable(i, r.source, failureText(r.err))
			return
		}
		if _, ok := rec.Match(i, r.source, r.unit); !ok {
			return
		}
		ev := plan.Evaluate(r.unit, year)
		samples[i] = scoring.Sample(r.unit.Name, scoring.Candidates(ev), opts.perUnit, seed)
	})
	prog.finish()
	units, failures, _, _ := rec.Finish(samples)
	for _, f := range failures {
		fmt.Fprintf(e.stderr, "zwgk: %s: %s\n", msg.Escape(f.Source), msg.Escape(f.Text.In(lang)))
	}
	var all []scoring.Sampled
	for _, s := range units {
		all = append(all, s...)
	}
	info := forms.SampleInfo{Seed: seed, PerUnit: opts.perUnit, Checklist: c.ID, Year: year, Generated: generated(e)}
	if err := writeAtomicCtx(e.context(), opts.output, opts.force, func(w io.Writer) error { return forms.SampleXLSX(w, all, info) }); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, msg.Pick(lang, "已抽取 %d 个单位共 %d 行，随机种子 %d，写入 %s\n", "sampled %d units, %d rows, seed %d, written to %s\n"),
		len(units), len(all), seed, opts.output)
	if len(failures) > 0 {
		return &exitError{code: exitError2, err: msg.Errorf("%d 份报送材料无法读取", "%d submissions could not be read", len(failures))}
	}
	return nil
}
