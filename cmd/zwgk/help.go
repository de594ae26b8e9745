package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"strings"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/zwgk/zwgk/checklists/msg"
)

// argsLang is the language asked for on the command line (--lang en or
// --lang=en anywhere), read before cobra parses the flags so that help,
// usage and cobra's own errors are in it too.
func argsLang(args []string) msg.Lang {
	lang := msg.ZH
	for i, a := range args {
		if a == "--" {
			break
		}
		v, ok := strings.CutPrefix(a, "--lang=")
		if !ok && a == "--lang" && i+1 < len(args) {
			v, ok = args[i+1], true
		}
		if ok {
			if l, err := msg.ParseLang(v); err == nil {
				lang = l
			}
		}
	}
	return lang
}

// localizeCommands puts cobra's help, usage and its default flags and
// commands in lang, on cmd and every command beneath it.
func localizeCommands(root *cobra.Command, lang msg.Lang) {
	root.CompletionOptions.HiddenDefaultCmd = true
	root.SetUsageFunc(func(c *cobra.Command) error {
		return writeUsage(c.OutOrStderr(), c, lang)
	})
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		w := c.OutOrStdout()
		text := c.Long
		if text == "" {
			text = c.Short
		}
		if text = strings.TrimSpace(text); text != "" {
			fmt.Fprintf(w, "%s\n\n", text)
		}
		writeUsage(w, c, lang)
	})
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return usage(cobraError(err))
	})
	root.InitDefaultHelpCmd()
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		if f := c.Flags().Lookup("help"); f != nil {
			f.Usage = msg.Pick(lang, "显示 "+c.CommandPath()+" 的说明", "help for "+c.CommandPath())
		}
		if c.Name() == "help" && c.HasParent() {
			c.Short = msg.Pick(lang, "显示任一命令的说明", "Help about any command")
			c.Long = msg.Pick(lang, "显示任一命令的说明：zwgk help 命令", "Help provides help for any command in the application.")
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	if root.Version != "" {
		root.InitDefaultVersionFlag()
		if f := root.Flags().Lookup("version"); f != nil {
			f.Usage = msg.Pick(lang, "显示版本号和构建所用的提交", "version and commit of zwgk")
		}
	}
}

// writeUsage is cobra's usage text with the headings in lang.
func writeUsage(w io.Writer, c *cobra.Command, lang msg.Lang) error {
	p := func(zh, en string) string { return msg.Pick(lang, zh, en) }
	var b strings.Builder
	b.WriteString(p("用法：", "Usage:"))
	if c.Runnable() {
		fmt.Fprintf(&b, "\n  %s", useLine(c, lang))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n  %s %s", c.CommandPath(), p("[命令]", "[command]"))
	}
	if len(c.Aliases) > 0 {
		fmt.Fprintf(&b, "\n\n%s\n  %s", p("别名：", "Aliases:"), c.NameAndAliases())
	}
	if c.HasExample() {
		fmt.Fprintf(&b, "\n\n%s\n%s", p("示例：", "Examples:"), c.Example)
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n\n%s", p("命令：", "Available Commands:"))
		width := 0
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				width = max(width, len(sub.Name()))
			}
		}
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(&b, "\n  %-*s  %s", width, sub.Name(), sub.Short)
			}
		}
	}
	if c.HasAvailableLocalFlags() {
		fmt.Fprintf(&b, "\n\n%s\n%s", p("选项：", "Flags:"), flagUsages(c.LocalFlags(), lang))
	}
	if c.HasAvailableInheritedFlags() {
		fmt.Fprintf(&b, "\n\n%s\n%s", p("全局选项：", "Global Flags:"), flagUsages(c.InheritedFlags(), lang))
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n\n%s", p(
			fmt.Sprintf("用 \"%s [命令] --help\" 查看命令的详细说明。", c.CommandPath()),
			fmt.Sprintf("Use \"%s [command] --help\" for more information about a command.", c.CommandPath())))
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// useLine is the command's use line ("zwgk audit PATH… [选项]").
func useLine(c *cobra.Command, lang msg.Lang) string {
	line := c.UseLine()
	if lang == msg.ZH {
		line = strings.Replace(line, " [flags]", " [选项]", 1)
	}
	return line
}

// withUseLine adds the command's use line to an error about its arguments
// or flags, so that the clerk sees what was expected.
func withUseLine(err error, c *cobra.Command) error {
	le, ok := err.(*localError)
	if c == nil || !ok || !le.cobra || strings.HasPrefix(le.text.En, "unknown command") {
		return err
	}
	return &localError{msg.Text{
		Zh: le.text.Zh + "\n用法：" + useLine(c, msg.ZH),
		En: le.text.En + "\nUsage: " + useLine(c, msg.EN),
	}, le.err, false}
}

// flagUsages is pflag's list of flags with its words in lang: the value
// types and "(default …)".
func flagUsages(fs *pflag.FlagSet, lang msg.Lang) string {
	s := strings.TrimRight(fs.FlagUsagesWrapped(0), "\n")
	if lang == msg.EN {
		return s
	}
	s = defaultRE.ReplaceAllString(s, "（默认 $1）")
	return s
}

var defaultRE = regexp.MustCompile(`(?m) \(default (.+?)\)$`)

// cobraErrorTexts are cobra's and pflag's errors, matched by their English
// text (they have no types), with their Chinese.
var cobraErrorTexts = []struct {
	re *regexp.Regexp
	zh string
}{
	{regexp.MustCompile(`^unknown command "(.*)" for "(.*)"`), "%[2]s 没有命令「%[1]s」；用 %[2]s --help 查看可用的命令"},
	{regexp.MustCompile(`^unknown flag: (.*)$`), "没有选项 %[1]s；用 --help 查看可用的选项"},
	{regexp.MustCompile(`^unknown shorthand flag: '(.)' in (.*)$`), "没有选项 -%[1]s（在 %[2]s 中）；用 --help 查看可用的选项"},
	{regexp.MustCompile(`^flag needs an argument: (?:'(.)' in -.*|--(.*))$`), "选项 %[1]s%[2]s 后面要写一个值"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: strconv.Parse(?:Int|Uint).*$`), "选项 %[2]s 的值「%[1]s」不对：应为整数"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)" flag: .*$`), "选项 %[2]s 的值「%[1]s」不对"},
	{regexp.MustCompile(`^accepts (\d+) arg\(s\), received (\d+)$`), "这个命令要 %[1]s 个参数，给了 %[2]s 个"},
	{regexp.MustCompile(`^accepts at most (\d+) arg\(s\), received (\d+)$`), "这个命令最多要 %[1]s 个参数，给了 %[2]s 个"},
	{regexp.MustCompile(`^requires at least (\d+) arg\(s\), only received (\d+)$`), "这个命令至少要 %[1]s 个参数，只给了 %[2]s 个"},
	{regexp.MustCompile(`^accepts between (\d+) and (\d+) arg\(s\), received (\d+)$`), "这个命令要 %[1]s 到 %[2]s 个参数，给了 %[3]s 个"},
	{regexp.MustCompile(`^invalid argument "(.*)" for "(.*)"$`), "%[2]s 不接受参数「%[1]s」"},
}

// cobraError is one of cobra's or pflag's English errors in both
// languages; an error it does not know is returned as it is.
func cobraError(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(msg.Localized); ok {
		return err
	}
	en := err.Error()
	first, rest, _ := strings.Cut(en, "\n")
	for _, t := range cobraErrorTexts {
		m := t.re.FindStringSubmatch(first)
		if m == nil {
			continue
		}
		args := make([]any, len(m)-1)
		for i, s := range m[1:] {
			args[i] = s
		}
		zh := fmt.Sprintf(t.zh, args...)
		zh = strings.ReplaceAll(zh, "%!s(MISSING)", "")
		if strings.Contains(rest, "Did you mean this?") {
			zh += "\n你是不是要用：\n" + strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), "Did you mean this?"))
		}
		return &localError{msg.Text{Zh: zh, En: en}, err, true}
	}
	return err
}

// fileError is an error of the file system (open, read, stat …) in both
// languages: the operation, the name and the cause in Chinese words; it
// still wraps the original, so errors.Is(err, fs.ErrNotExist) holds.
func fileError(err error) error {
	var pe *fs.PathError
	if err == nil || !errors.As(err, &pe) {
		return err
	}
	if _, ok := err.(msg.Localized); ok {
		return err
	}
	op := map[string]string{"open": "打开", "read": "读取", "stat": "查看", "lstat": "查看", "readdir": "列出文件夹",
		"write": "写入", "close": "关闭", "mkdir": "创建文件夹", "remove": "删除", "rename": "改名"}[pe.Op]
	if op == "" {
		op = pe.Op
	}
	var cause string
	switch {
	case errors.Is(pe.Err, fs.ErrNotExist):
		cause = "文件或文件夹不存在"
	case errors.Is(pe.Err, fs.ErrPermission):
		cause = "没有权限（文件可能正被 Excel 或 WPS 打开，或者是只读的）"
	case errors.Is(pe.Err, syscall.EISDIR):
		cause = "这是一个文件夹，这里要的是文件"
	case errors.Is(pe.Err, syscall.ENOTDIR):
		cause = "路径中有一部分不是文件夹"
	default:
		cause = pe.Err.Error()
	}
	if err != error(pe) {
		// The path error is inside a longer message: keep the message,
		// put the path error's part in Chinese.
		full := err.Error()
		if strings.Contains(full, pe.Error()) {
			zh := strings.Replace(full, pe.Error(), fmt.Sprintf("%s %s：%s", op, pe.Path, cause), 1)
			return &localError{msg.Text{Zh: zh, En: full}, err, false}
		}
		return err
	}
	return &localError{msg.Text{Zh: fmt.Sprintf("%s %s：%s", op, pe.Path, cause), En: pe.Error()}, err, false}
}

// readFileLocalized is os.ReadFile (or any reader) whose errors are in
// both languages (fileError).
func readFileLocalized(read func(string) ([]byte, error)) func(string) ([]byte, error) {
	return func(name string) ([]byte, error) {
		data, err := read(name)
		return data, fileError(err)
	}
}

// localError is an outside error (cobra's, the file system's) given a text
// in both languages; it wraps the original.
type localError struct {
	text  msg.Text
	err   error
	cobra bool // an error of cobra's about the arguments or flags
}

func (e *localError) Error() string           { return e.text.Zh }
func (e *localError) In(lang msg.Lang) string { return e.text.In(lang) }
func (e *localError) Unwrap() error           { return e.err }
