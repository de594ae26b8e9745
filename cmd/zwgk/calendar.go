package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
)

type calendarImportOptions struct {
	region string
	output string
	force  bool
}

func newCalendarCmd(e *env, g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "calendar",
		Short: "工作日历：import 从放假通知原文生成日历文件，show 显示某年的月历（放假、调休上班）",
	}
	io := &calendarImportOptions{}
	imp := &cobra.Command{
		Use:   "import 通知.txt [调整通知.txt…]",
		Short: "读放假通知的原文（国务院办公厅或自治区的部分节假日安排通知），生成 --calendar 用的日历文件",
		Long: `读国务院办公厅「关于XXXX年部分节假日安排的通知」的原文（从政府网站复制粘贴到文本文件即可），
列出读到的放假日期和调休上班日期供与通知核对，并用 -o 写出日历文件，供 zwgk audit --calendar 使用。
同一年有调整或延长假期的通知（如2019年劳动节调整、2020年春节延长）的，按发布先后一并列出。
--region nx 读宁夏回族自治区人民政府办公厅的通知：只取全国安排之外的开斋节、古尔邦节，写成地方日历 cn-nx 的一年。
通知中以括号注明的星期、农历和「鼓励……休息」之类的说明不计；只认「放假」「补休」「上班」。`,
		Example: `  zwgk calendar import 2027年放假通知.txt -o 2027.yaml
  zwgk audit 报送材料/ --calendar 2027.yaml
  zwgk calendar import 宁夏2024年通知.txt --region nx -o nx2024.yaml`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			return runCalendarImport(e, io, args, lang)
		},
	}
	imp.Flags().StringVar(&io.region, "region", "", "地方通知：nx（宁夏，写成 cn-nx 地方日历）")
	imp.Flags().StringVarP(&io.output, "output", "o", "", "写出的日历文件（.yaml）；不指定时打印到标准输出")
	imp.Flags().BoolVar(&io.force, "force", false, "允许覆盖已有文件")
	var calendars []string
	show := &cobra.Command{
		Use:   "show YEAR",
		Short: "显示某年的月历：休＝放假（含补休），班＝调休上班；默认用内置的 cn 和 cn-nx，--calendar 可加文件",
		Example: `  zwgk calendar show 2026
  zwgk calendar show 2027 --calendar 2027.yaml`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := g.language()
			if err != nil {
				return err
			}
			return runCalendarShow(e, args[0], calendars, lang)
		},
	}
	show.Flags().StringArrayVar(&calendars, "calendar", nil, "补充或更正工作日历的 YAML 文件；可重复")
	cmd.AddCommand(imp, show)
	return cmd
}

func runCalendarImport(e *env, opts *calendarImportOptions, files []string, lang msg.Lang) error {
	name, kind := "cn", calendar.National
	switch opts.region {
	case "":
	case "nx":
		name, kind = "cn-nx", calendar.Regional
	default:
		return usagef("--region %s: 目前只支持 nx（宁夏）", "--region %s: only nx (Ningxia) is known", opts.region)
	}
	if opts.output != "" {
		if err := checkOutputs([]string{opts.output}, files, opts.force, []string{".yaml", ".yml"}); err != nil {
			return err
		}
	}
	var notices []*calendar.Notice
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return usagef("读取通知 %s：%v", "read notice %s: %v", f, err)
		}
		n, err := calendar.ParseNotice(f, data)
		if err != nil {
			return usage(err)
		}
		notices = append(notices, n)
	}
	a, err := calendar.Arrange(notices, kind == calendar.Regional)
	if err != nil {
		return usage(err)
	}
	if len(a.Off) == 0 && len(a.Work) == 0 {
		return usagef("通知中没有读到全国安排之外的放假日期（如开斋节、古尔邦节）", "the notice has no days beyond the national arrangement (such as 开斋节, 古尔邦节)")
	}
	out := e.stdout
	if opts.output == "" {
		out = e.stderr // the file goes to standard output
	}
	fmt.Fprintln(out, msg.New("读到%d年的安排（请与通知原文核对）：", "Read the arrangement for %d (compare it with the notice):", a.Year).In(lang))
	for _, h := range a.Holidays {
		var parts []string
		if len(h.Off) > 0 {
			parts = append(parts, msg.Pick(lang, "放假 ", "off ")+strings.Join(calendar.FormatDays(h.Off), "、"))
		}
		if len(h.Work) > 0 {
			parts = append(parts, msg.Pick(lang, "上班 ", "worked ")+strings.Join(calendar.FormatDays(h.Work), "、"))
		}
		fmt.Fprintf(out, "  %s：%s\n", msg.Escape(h.Name), strings.Join(parts, msg.Pick(lang, "；", "; ")))
	}
	data := a.Format(name, kind)
	if opts.output == "" {
		_, err := e.stdout.Write(data)
		return err
	}
	if err := writeAtomic(opts.output, opts.force, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return err
	}
	fmt.Fprintln(out, msg.New("已写出 %s：审核时加 --calendar %s", "wrote %s: audit with --calendar %s", opts.output, opts.output).In(lang))
	return nil
}

func runCalendarShow(e *env, yearArg string, files []string, lang msg.Lang) error {
	year, err := strconv.Atoi(strings.TrimSpace(yearArg))
	if err != nil || year < 1900 || year > 2199 {
		return usagef("年份「%s」无效", "invalid year %q", yearArg)
	}
	var extra []*calendar.File
	for _, f := range files {
		cf, err := loadCalendarFile(e, f)
		if err != nil {
			return err
		}
		extra = append(extra, cf)
	}
	cal, err := calendar.Load([]string{"cn", "cn-nx"}, extra...)
	if err != nil {
		return err
	}
	if _, err := cal.IsWorkday(time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)); err != nil {
		return &exitError{code: exitError2, err: err}
	}
	w := e.stdout
	fmt.Fprintln(w, msg.New("%d年工作日历（休＝放假，班＝调休上班）", "Working days of %d (休 = day off, 班 = make-up working day)", year).In(lang))
	total := 0
	for m := time.January; m <= time.December; m++ {
		first := time.Date(year, m, 1, 0, 0, 0, 0, time.UTC)
		fmt.Fprintf(w, "\n%s\n", msg.New("%d年%d月", "%d-%02d", year, int(m)).In(lang))
		fmt.Fprintln(w, msg.Pick(lang, "一   二   三   四   五   六   日", "Mo   Tu   We   Th   Fr   Sa   Su"))
		col := (int(first.Weekday()) + 6) % 7
		var b strings.Builder
		b.WriteString(strings.Repeat("     ", col))
		for d := first; d.Month() == m; d = d.AddDate(0, 0, 1) {
			work, _ := cal.IsWorkday(d)
			if work {
				total++
			}
			weekend := d.Weekday() == time.Saturday || d.Weekday() == time.Sunday
			mark := "   "
			switch {
			case work && weekend:
				mark = "班 "
			case !work && !weekend:
				mark = "休 "
			}
			fmt.Fprintf(&b, "%2d%s", d.Day(), mark)
			if col = (col + 1) % 7; col == 0 {
				fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
				b.Reset()
			}
		}
		if b.Len() > 0 {
			fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
		}
	}
	fmt.Fprintf(w, "\n%s\n", msg.New("全年工作日 %d 天", "%d working days in the year", total).In(lang))
	for _, o := range cal.MissingOverlay(year) {
		fmt.Fprintln(w, msg.New("提示：地方工作日历%s缺少%d年的安排，以上只按全国安排；可用 zwgk calendar import 通知.txt --region nx 导入",
			"warning: the regional calendar %s lacks %d: the grid shows the national arrangement only; import the notice with zwgk calendar import NOTICE.txt --region nx", o, year).In(lang))
	}
	return nil
}
