package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/audit/workbook"
	"github.com/zwgk/zwgk/scoring/forms"
)

type templateOptions struct {
	output    string
	checklist string
	roster    bool
	force     bool
	year      int
}

func newTemplateCmd(e *env, g *globalOptions) *cobra.Command {
	opts := &templateOptions{}
	cmd := &cobra.Command{
		Use:   "template",
		Short: "生成各单位填报用的空白自查台账模板（或 --roster：应报送单位名单模板）",
		Long: `生成空白的自查台账模板 自查台账模板.xlsx：填报说明、单位信息，以及公文台账、依申请公开台账、
征求意见台账、转载台账、自评表，表头固定、日期列设好格式、属性和是否列带下拉选项。
单位信息的「年度」已填好：--year 指定的年度，默认今年。
指定 --checklist 时，模板包含该指标体系在 tables: 中增加的列。`,
		Example: `  zwgk template
  zwgk template --year 2027 -o 2027年自查台账.xlsx
  zwgk template --roster -o 应报送单位名单.xlsx`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runTemplate(e, opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.output, "output", "o", "", "输出文件（默认 自查台账模板.xlsx，--roster 时 应报送单位名单.xlsx）")
	f.StringVar(&opts.checklist, "checklist", "", "按该指标体系的台账结构生成（默认 litong-2017）")
	f.BoolVar(&opts.roster, "roster", false, "生成应报送单位名单模板（供 zwgk audit --roster 使用）")
	f.BoolVar(&opts.force, "force", false, "允许覆盖已有文件")
	f.IntVar(&opts.year, "year", 0, "模板的年度，填入单位信息的「年度」（默认今年）")
	return cmd
}

func runTemplate(e *env, opts *templateOptions) error {
	out := opts.output
	if out == "" {
		out = "自查台账模板.xlsx"
		if opts.roster {
			out = "应报送单位名单.xlsx"
		}
	}
	if err := checkOutputs([]string{out}, nil, opts.force, xlsxOnly); err != nil {
		return err
	}
	var write func(io.Writer) error
	if opts.roster {
		write = forms.RosterTemplate
	} else {
		c, err := loadChecklist(e, opts.checklist, nil)
		if err != nil {
			return err
		}
		year := opts.year
		if year == 0 {
			year = today(e).Year()
		}
		write = func(w io.Writer) error { return workbook.WriteTemplateFor(w, c.Schema, year) }
	}
	if err := writeAtomicCtx(e.context(), out, opts.force, write); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "已生成 %s\n", out)
	return nil
}
