package main

import (
	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/checklists/msg"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// globalOptions are the flags every command has.
type globalOptions struct {
	lang string
}

func (g *globalOptions) language() (msg.Lang, error) {
	l, err := msg.ParseLang(g.lang)
	if err != nil {
		return l, usage(err)
	}
	return l, nil
}

func newRoot(e *env, g *globalOptions) *cobra.Command {
	root := &cobra.Command{
		Use:   "zwgk",
		Short: "政务公开年度评估：按指标体系审核乡镇和部门的自查台账，计分、定级、排名并出具报告",
		Long: `zwgk 按区政府的政务公开考核评估指标体系（YAML 清单）审核各乡镇、部门报送的自查台账，
计算得分、等级、排名和效能考核折算分，列出应公开未公开等问题，并出具 Excel 报告。

常用：
  zwgk audit 报送材料/                 审核一个文件夹里所有单位的报送材料
  zwgk audit 报送材料/ -o 评估结果.xlsx 同时生成 Excel 报告
  zwgk template                        生成空白自查台账模板
  zwgk checklist list                  列出内置指标体系`,
		SilenceErrors: true,
		SilenceUsage:  true,
		Version:       versionLine(),
	}
	root.SetVersionTemplate("{{.Version}}\n")
	root.SetOut(e.stdout)
	root.SetErr(e.stderr)
	root.PersistentFlags().StringVar(&g.lang, "lang", "zh", "提示和报告的语言：zh 或 en (language of labels and messages)")
	root.AddCommand(
		newAuditCmd(e, g),
		newTemplateCmd(e, g),
		newScoresCmd(e, g),
		newChecklistCmd(e, g),
		newReportCmd(e, g),
		newCombineCmd(e, g),
		newSampleCmd(e, g),
		newDiffCmd(e, g),
		newAnnualCmd(e, g),
		newCalendarCmd(e, g),
		newVersionCmd(e),
	)
	return root
}
