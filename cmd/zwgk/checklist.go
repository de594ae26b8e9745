package main

import (
	"fmt"
	"strconv"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

func newChecklistCmd(e *env, g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "checklist",
		Short: "指标体系：list 列出内置的，show 显示 YAML，lint 检查文件，schema 输出 JSON Schema",
	}
	var strict bool
	var calendars []string
	lint := &cobra.Command{
		Use:   "lint FILE…",
		Short: "检查指标体系 YAML 文件：错误以 文件:行:列 指出；有错误时退出状态为2",
		Long: `检查指标体系 YAML 文件的格式、分值、等级、表达式（字段名、类型）等。
退出状态：0 无问题；1 只有警告且指定了 --strict；2 有错误。`,
		Example: "  zwgk checklist lint 2018年指标.yaml\n  zwgk checklist lint --strict --lang en my.yaml",
		Args:    cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			return runLint(e, args, strict, calendars, lang)
		},
	}
	lint.Flags().BoolVar(&strict, "strict", false, "有警告（如指标缺少 basis）时以状态1退出")
	lint.Flags().StringArrayVar(&calendars, "calendar", nil, "补充的工作日历 YAML 文件")
	cmd.AddCommand(
		&cobra.Command{
			Use:   "list",
			Short: "列出内置的指标体系",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, args []string) error {
				lang, err := g.language()
				if err != nil {
					return err
				}
				return runChecklistList(e, lang)
			},
		},
		&cobra.Command{
			Use:   "show ID|FILE",
			Short: "显示一个内置指标体系（或检查无误的指标体系文件，v1 或 v2）的 YAML（可另存后修改，再用 --checklist 文件 使用）",
			Args:  cobra.ExactArgs(1),
			RunE: func(cmd *cobra.Command, args []string) error {
				data, err := checklists.EmbeddedYAML(args[0])
				if err != nil {
					// A file: shown as written (v2 stays v2) once it loads.
					c, lerr := checklists.Resolve(args[0], e.readFile, checklists.LoadOptions{})
					if lerr != nil {
						return usage(lerr)
					}
					data = c.YAML
				}
				_, err = e.stdout.Write(data)
				return err
			},
		},
		lint,
		&cobra.Command{
			Use:   "schema",
			Short: "输出指标体系格式的 JSON Schema（draft 2020-12），供编辑器校验和补全",
			Args:  cobra.NoArgs,
			RunE: func(cmd *cobra.Command, args []string) error {
				_, err := e.stdout.Write(checklists.JSONSchema())
				return err
			},
		},
	)
	return cmd
}

func runChecklistList(e *env, lang msg.Lang) error {
	t := tablewriter.NewTable(e.stdout, tablewriter.WithEastAsian(tw.Off), tablewriter.WithHeaderAutoFormat(tw.Off))
	t.Header([]string{msg.Pick(lang, "编号", "id"), msg.Pick(lang, "名称", "title"), msg.Pick(lang, "年度", "year"),
		msg.Pick(lang, "总分", "total"), msg.Pick(lang, "指标数", "items"), msg.Pick(lang, "效能权重", "weight")})
	for _, id := range checklists.Embedded() {
		c, err := checklists.LoadEmbedded(id, checklists.LoadOptions{})
		if err != nil {
			return err
		}
		w := strconv.FormatFloat(scoring.Float(c.PerformanceWeight)*100, 'f', -1, 64) + "%"
		if err := t.Append([]string{msg.Escape(c.ID), msg.Escape(c.Title), strconv.Itoa(c.Year), strconv.FormatFloat(scoring.Float(c.Total), 'f', -1, 64),
			strconv.Itoa(len(c.Items())), w}); err != nil {
			return err
		}
	}
	return t.Render()
}

func runLint(e *env, files []string, strict bool, calendarFiles []string, lang msg.Lang) error {
	opts := checklists.LoadOptions{}
	for _, name := range calendarFiles {
		c, err := loadCalendarFile(e, name)
		if err != nil {
			return err
		}
		opts.Calendars = append(opts.Calendars, c)
	}
	errors, warnings := 0, 0
	for _, f := range files {
		data, err := e.readFile(f)
		if err != nil {
			fmt.Fprintf(e.stdout, "%s: %s\n", msg.Escape(f), msg.Escape(msg.Local(err, lang)))
			errors++
			continue
		}
		fileErrors, fileWarnings := 0, 0
		for _, le := range checklists.Lint(f, data, opts) {
			fmt.Fprintln(e.stdout, msg.Escape(le.In(lang)))
			if le.Warning {
				fileWarnings++
			} else {
				fileErrors++
			}
		}
		errors, warnings = errors+fileErrors, warnings+fileWarnings
		if fileErrors == 0 {
			fmt.Fprintf(e.stdout, "%s: %s\n", msg.Escape(f), lintClean(fileWarnings).In(lang))
		}
	}
	switch {
	case errors > 0:
		return &exitError{code: exitError2}
	case warnings > 0 && strict:
		return &exitError{code: exitFindings}
	}
	return nil
}

// lintClean is what lint says of a file without errors: 「无错误」, and how
// many warnings it printed above.
func lintClean(warnings int) msg.Text {
	if warnings == 0 {
		return msg.New("无错误", "no errors")
	}
	return msg.New("无错误，%d 条提示", "no errors, %d warnings", warnings)
}
