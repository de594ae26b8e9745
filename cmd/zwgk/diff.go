package main

import (
	"errors"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report"
)

type diffOptions struct {
	format  string
	outputs []string
	force   bool
}

func newDiffCmd(e *env, g *globalOptions) *cobra.Command {
	opts := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff OLD.json NEW.json",
		Short: "对比两次评估结果（上一年与今年，或整改前后）：分数、等级、名次变化，新增、已整改和仍存在的问题",
		Long: `对比两份 zwgk.result/v1 结果。单位按名称（含「利通区」前缀等归一化）对应；问题按单位、指标、问题类型和文号
（无文号时按标题）对应。两份结果的指标体系不同时拒绝比较，除非加 --force。`,
		Example: `  zwgk diff 2017年结果.json 2018年结果.json
  zwgk diff 2017年结果.json 2018年结果.json -o 年度对比.xlsx`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			return runDiff(e, opts, args[0], args[1], lang)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.format, "format", "table", "标准输出的格式：table 或 json")
	f.StringArrayVarP(&opts.outputs, "output", "o", nil, "写出对比结果：.xlsx 或 .json；可重复")
	f.BoolVar(&opts.force, "force", false, "指标体系不同时也比较；允许 -o 覆盖已有文件")
	return cmd
}

func readResultFile(e *env, path string) (*scoring.Result, error) {
	data, err := e.readFile(path)
	if err != nil {
		return nil, usage(err)
	}
	return readResultData(path, data)
}

func runDiff(e *env, opts *diffOptions, oldPath, newPath string, lang msg.Lang) error {
	if err := checkOutputs(opts.outputs, []string{oldPath, newPath}, opts.force, []string{".xlsx", ".json"}); err != nil {
		return err
	}
	old, err := readResultFile(e, oldPath)
	if err != nil {
		return err
	}
	cur, err := readResultFile(e, newPath)
	if err != nil {
		return err
	}
	c, err := scoring.Diff(old, cur, filepath.ToSlash(oldPath), filepath.ToSlash(newPath), opts.force)
	var dc *scoring.ErrDifferentChecklists
	if errors.As(err, &dc) {
		return usage(err)
	} else if err != nil {
		return err
	}
	switch opts.format {
	case "json":
		err = report.DiffJSON(e.stdout, c)
	case "table":
		err = report.DiffTable(e.stdout, c, lang)
	default:
		return usagef("--format %s: 应为 table 或 json", "--format %s: want table or json", opts.format)
	}
	if err != nil {
		return err
	}
	for _, o := range opts.outputs {
		write := func(w io.Writer) error { return report.DiffJSON(w, c) }
		if strings.EqualFold(filepath.Ext(o), ".xlsx") {
			write = func(w io.Writer) error { return report.DiffXLSX(w, c, lang) }
		}
		if err := writeAtomicCtx(e.context(), o, opts.force, write); err != nil {
			return err
		}
		sayWrote(e, lang, o)
	}
	return nil
}
