package main

import (
	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

type reportOptions struct {
	outputs  []string
	format   string
	force    bool
	previous string
	detail   bool
}

func newReportCmd(e *env, g *globalOptions) *cobra.Command {
	opts := &reportOptions{}
	cmd := &cobra.Command{
		Use:   "report RESULT.json",
		Short: "把保存的评估结果（zwgk.result/v1 JSON）重新生成为 xlsx/csv/json/表格或通报稿（docx），不重新读取报送材料",
		Long: `把保存的评估结果（zwgk.result/v1 JSON）重新生成为 xlsx/csv/json/表格，不重新读取报送材料；
-o 通报.docx 写出考核结果通报稿（Word，公文格式，见 zwgk audit --help）。

结果中的每条说明都保存了中英文，报告的语言由 --lang 决定，与审核时的语言无关：
用中文审核保存的结果，加 --lang en 即得英文报告。`,
		Example: `  zwgk report 评估结果.json -o 评估结果.xlsx
  zwgk report 评估结果.json --format csv
  zwgk report 评估结果.json --lang en -o results.xlsx
  zwgk report 评估结果.json -o 通报.docx
  zwgk report 评估结果.json --lang en -o notice.docx`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			return runReport(e, opts, args[0], lang)
		},
	}
	f := cmd.Flags()
	f.StringArrayVarP(&opts.outputs, "output", "o", nil, "写出报告，格式按扩展名：.xlsx、.json、.csv，.docx 为考核结果通报稿；可重复")
	f.StringVar(&opts.format, "format", "", "标准输出的格式：table、json 或 csv（有 -o 时默认不输出）")
	f.BoolVar(&opts.force, "force", false, "允许 -o 覆盖已有的报告文件；覆盖单个单位的自查报告时承接其整改清单中填写的内容")
	f.StringVar(&opts.previous, "previous", "", "上次的自查报告（.xlsx）：承接其整改清单中填写的内容；none 表示不承接（同 zwgk audit --previous）")
	f.BoolVar(&opts.detail, "detail", false, "表格输出时列出每个单位的指标得分和问题")
	return cmd
}

func runReport(e *env, opts *reportOptions, path string, lang msg.Lang) error {
	if err := checkOutputs(opts.outputs, []string{path}, opts.force, reportFormats); err != nil {
		return err
	}
	prev, err := loadRectification(e, opts.previous, opts.outputs)
	if err != nil {
		return err
	}
	data, err := e.readFile(path)
	if err != nil {
		return usage(err)
	}
	res, err := readResultData(path, data)
	if err != nil {
		return err
	}
	if err := checkRectification(prev, res, opts.outputs); err != nil {
		return err
	}
	if err := renderFormat(e, res, opts.format, opts.outputs, opts.detail, lang); err != nil {
		return err
	}
	if err := writeOutputs(e, res, opts.outputs, opts.force, prev, lang); err != nil {
		return err
	}
	return noteRectification(e, prev, res, lang)
}

// renderFormat prints a result read or made from results (report, combine)
// on standard output in --format: table when neither --format nor -o is
// given, nothing when only -o is.
func renderFormat(e *env, res *scoring.Result, format string, outputs []string, detail bool, lang msg.Lang) error {
	if format == "" && len(outputs) == 0 {
		format = "table"
	}
	if format == "" {
		return nil
	}
	switch format {
	case "table", "json", "csv":
	default:
		return usagef("--format %s: 应为 table、json 或 csv", "--format %s: want table, json or csv", format)
	}
	return render(e, res, format, detail, lang)
}
