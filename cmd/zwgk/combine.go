package main

import (
	"bytes"
	"math/big"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

type combineOptions struct {
	outputs []string
	format  string
	force   bool
	grades  string
	roster  string
	detail  bool
}

func newCombineCmd(e *env, g *globalOptions) *cobra.Command {
	opts := &combineOptions{}
	cmd := &cobra.Command{
		Use:   "combine RESULT.json:WEIGHT…",
		Short: "按权重合并多个阶段的评估结果（如 工作考核 70% + 专业评价 30%、四个季度），得到总评",
		Long: `按权重合并多个阶段的评估结果（zwgk.result/v1 JSON），得到总评：
每个单位的总评得分 = Σ 权重 × 该阶段得分，最后取整一次，再评定等级、排名。

单位按名称对应（--roster 名单中的别名也算）；权重之和必须为1；某个单位缺少某一阶段的得分时列出，其总评得分待定（pending，暂定分只含已有阶段）；
任一阶段被一票否决的单位评为末等。等级默认取第一个阶段结果中的等级，--grades 可改用另一份结果（.json）或指标体系
（内置编号或 YAML 文件）的等级。合并结果仍是 zwgk.result/v1（每个单位的 stages 列出各阶段得分），zwgk report、zwgk diff 都能读取。`,
		Example: `  zwgk combine 工作考核.json:0.7 专业评价.json:0.3 -o 总评.xlsx
  zwgk combine 一季度.json:0.25 二季度.json:0.25 三季度.json:0.25 四季度.json:0.25 --grades 指标.yaml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			return runCombine(e, opts, args, lang)
		},
	}
	f := cmd.Flags()
	f.StringArrayVarP(&opts.outputs, "output", "o", nil, "写出报告，格式按扩展名：.xlsx、.json、.csv；可重复")
	f.StringVar(&opts.format, "format", "", "标准输出的格式：table、json 或 csv（有 -o 时默认不输出）")
	f.BoolVar(&opts.force, "force", false, "允许 -o 覆盖已有的报告文件")
	f.StringVar(&opts.grades, "grades", "", "等级的来源：一份结果 JSON，或指标体系（内置编号或 YAML 文件）；默认取第一个阶段结果的等级")
	f.StringVar(&opts.roster, "roster", "", "应报送单位名单（.xlsx 或 YAML）：按名单的名称和别名对应各阶段的单位")
	f.BoolVar(&opts.detail, "detail", false, "表格输出时列出每个单位的明细")
	return cmd
}

func runCombine(e *env, opts *combineOptions, args []string, lang msg.Lang) error {
	var stages []scoring.Stage
	var inputs []string
	for _, a := range args {
		i := strings.LastIndex(a, ":")
		if i <= 0 {
			return usagef("「%s」应写成 结果.json:权重，如 工作考核.json:0.7", "%q should be RESULT.json:WEIGHT, like stage1.json:0.7", a)
		}
		path, ws := a[:i], a[i+1:]
		w, ok := new(big.Rat).SetString(ws)
		if !ok {
			return usagef("「%s」的权重「%s」不是数字", "the weight %[2]q of %[1]q is not a number", a, ws)
		}
		data, err := e.readFile(path)
		if err != nil {
			return usage(err)
		}
		res, err := scoring.ReadResult(bytes.NewReader(data), path)
		if err != nil {
			return usage(err)
		}
		inputs = append(inputs, path)
		stages = append(stages, scoring.Stage{Name: path, Weight: w, Result: res})
	}
	if err := checkOutputs(opts.outputs, inputs, opts.force, reportFormats); err != nil {
		return err
	}
	grades := stages[0].Result.Checklist.Grades
	if opts.grades != "" {
		if strings.HasSuffix(strings.ToLower(opts.grades), ".json") {
			data, err := e.readFile(opts.grades)
			if err != nil {
				return usage(err)
			}
			res, err := scoring.ReadResult(bytes.NewReader(data), opts.grades)
			if err != nil {
				return usage(err)
			}
			grades = res.Checklist.Grades
		} else {
			c, err := loadChecklist(e, opts.grades, nil)
			if err != nil {
				return err
			}
			grades = nil
			for _, g := range c.Grades {
				grades = append(grades, scoring.GradeInfo{Name: g.Name, Min: scoring.Float(g.Min)})
			}
		}
	}
	ro, err := loadRoster(e, opts.roster)
	if err != nil {
		return err
	}
	res, err := scoring.Combine(stages, grades, ro)
	if err != nil {
		return usage(err)
	}
	if err := renderFormat(e, res, opts.format, opts.outputs, opts.detail, lang); err != nil {
		return err
	}
	return writeOutputs(e, res, opts.outputs, opts.force, nil, lang)
}
