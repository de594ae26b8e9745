package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/forms"
	"github.com/zwgk/zwgk/scoring/roster"
)

// scoresOptions are the flags of `zwgk scores template`.
type scoresOptions struct {
	checklist string
	roster    string
	items     []string
	output    string
	force     bool
}

func newScoresCmd(e *env, g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "scores",
		Short: "区评估人员的评估打分表",
		Args:  cobra.NoArgs,
	}
	opts := &scoresOptions{}
	tmpl := &cobra.Command{
		Use:   "template",
		Short: "生成评估打分表（评估打分.xlsx），填好后用 zwgk audit --scores 读入",
		Long: `生成评估打分表：一张「评估打分」表，每个单位（--roster 名单中的单位；没有名单时单位一列留空）每个要打分的
指标一行，列出 单位、指标编号、指标、分值，由评估人员填写 得分（限 0 到分值）、扣分理由（低于分值的必填）、
评分人、评分日期。要打分的指标是指标体系中 method: evaluator 的指标，加上 --items 列出的指标。

填好后 zwgk audit … --scores 评估打分.xlsx 读入：评估打分（method: evaluator）的指标直接取表中得分（未打分的单位为
「待评分」）；对其他指标，得分作为区里的调整（同复核的 adjust 决定，
写入计分明细，带评分人、评分日期和理由）。表中有任何错误（单位不在名单中、指标编号不存在、得分不是数字或超出
0 到分值、低于分值没写理由、同一单位同一指标评了两次），逐个指出工作表、行和列，审核停止（退出状态2），
不写出任何报告。`,
		Example: `  zwgk scores template --roster 名单.yaml --items C1,E1 -o 评估打分.xlsx
  zwgk audit 报送材料/ --roster 名单.yaml --scores 评估打分.xlsx -o 评估结果.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if _, err := g.language(); err != nil {
				return err
			}
			return runScoresTemplate(e, opts)
		},
	}
	f := tmpl.Flags()
	f.StringVar(&opts.checklist, "checklist", "", "指标体系：内置编号或 YAML 文件（默认 litong-2017）")
	f.StringVar(&opts.roster, "roster", "", "应报送单位名单（YAML 或 xlsx）：每个单位一组行")
	f.StringSliceVar(&opts.items, "items", nil, "另外要打分的指标编号，逗号分隔（如 C1,E1）")
	f.StringVarP(&opts.output, "output", "o", "评估打分.xlsx", "输出文件")
	f.BoolVar(&opts.force, "force", false, "覆盖已有的文件")
	cmd.AddCommand(tmpl)
	return cmd
}

func runScoresTemplate(e *env, opts *scoresOptions) error {
	if err := checkOutputs([]string{opts.output}, []string{opts.roster, opts.checklist}, opts.force, xlsxOnly); err != nil {
		return err
	}
	c, err := loadChecklist(e, opts.checklist, nil)
	if err != nil {
		return err
	}
	ro, err := loadRoster(e, opts.roster)
	if err != nil {
		return err
	}
	var items []*checklists.Item
	known := map[string]bool{}
	for _, it := range c.Items() {
		known[it.ID] = true
	}
	for _, id := range opts.items {
		if id = strings.TrimSpace(id); !known[id] {
			return usagef("--items %s: 指标体系中没有这个指标", "--items %s: the checklist has no such item", id)
		}
	}
	for _, it := range c.Items() {
		if it.Method == forms.EvaluatorMethod || slices.Contains(opts.items, it.ID) {
			items = append(items, it)
		}
	}
	if len(items) == 0 {
		return usagef("指标体系 %s 没有 method: evaluator 的指标；请用 --items 列出要打分的指标", "checklist %s has no method: evaluator items; list the items to score with --items", c.ID)
	}
	var units []string
	if ro != nil {
		for _, u := range ro.Units {
			units = append(units, u.Name)
		}
	}
	if err := writeAtomic(opts.output, opts.force, func(w io.Writer) error { return forms.ScoresTemplate(w, items, units) }); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已生成 %s（%d 个指标 × %d 个单位）\n", opts.output, len(items), max(len(units), 1))
	return nil
}

// loadScores reads --scores: the evaluator sheet, filled in. A sheet with
// any mistake stops the audit before anything is written (exit 2). The
// scores of evaluator items (zwgk.checklist/v2 method: evaluator) are
// theirs; the scores of other items are the district's adjustments.
func loadScores(e *env, path string, c *checklists.Checklist, ro *roster.Roster) ([]scoring.Decision, scoring.EvaluatorScores, error) {
	if path == "" {
		return nil, nil, nil
	}
	data, err := e.readFile(path)
	if err != nil {
		return nil, nil, usage(msg.Errorf("--scores %s: %w", "--scores %s: %w", path, err))
	}
	s, err := forms.ReadScores(path, data, c, ro)
	if err != nil {
		return nil, nil, usage(err)
	}
	evaluator := map[string]bool{}
	for _, it := range c.Items() {
		evaluator[it.ID] = it.Method == forms.EvaluatorMethod
	}
	is := func(id string) bool { return evaluator[id] }
	return s.Decisions(is), s.Evaluator(is), nil
}
