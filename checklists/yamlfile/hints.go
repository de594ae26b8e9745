package yamlfile

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/zwgk/zwgk/checklists/msg"
)

// syntaxZh are yaml.v3's commonest syntax messages in Chinese words; the
// English keeps yaml.v3's own.
var syntaxZh = []struct{ en, zh string }{
	{"could not find expected ':'", "找不到应有的半角冒号「:」"},
	{"mapping values are not allowed in this context", "这里不能再写「键: 值」（值里有冒号时请给整个值加引号，或检查缩进）"},
	{"did not find expected key", "缩进不对齐，找不到应有的键"},
	{"did not find expected '-' indicator", "缩进不对齐，找不到应有的列表项「- 」"},
	{"found character that cannot start any token", "出现了不能开始一个值的字符"},
	{"found a tab character that violates indentation", "用了 Tab 键缩进"},
	{"found a tab character where an indentation space is expected", "用了 Tab 键缩进"},
	{"found unexpected end of stream", "文件意外结束（引号或括号没有闭合）"},
	{"found unknown escape character", "双引号里有不认识的转义字符（反斜杠 \\ 请写成 \\\\，或改用单引号）"},
	{"did not find expected ',' or ']'", "方括号列表 [ ] 没有闭合，或项目之间用了全角逗号「，」"},
	{"did not find expected ',' or '}'", "花括号 { } 没有闭合，或项目之间用了全角逗号「，」"},
	{"found unexpected ':'", "出现了多余的冒号「:」"},
	{"did not find expected node content", "缺少应有的内容"},
	{"block sequence entries are not allowed in this context", "这里不能开始列表项「- 」（检查缩进）"},
}

// syntaxTextZh is yaml.v3's message text in Chinese, or as it is when it
// is not one of syntaxZh.
func syntaxTextZh(text string) string {
	for _, s := range syntaxZh {
		if strings.HasPrefix(text, s.en) {
			return s.zh
		}
	}
	return text
}

// punctuationHint looks at line and the line before it for the typing
// slips of a Chinese keyboard that break YAML — a tab or a full-width
// space in the indentation, a full-width colon after a key (fullWidthColon),
// a full-width comma in a [ ] list, a full-width dash as a list marker, a
// Chinese quotation mark where a quote is meant — and returns where it is
// and what to say.
func punctuationHint(f *File, line int) (l, col int, hint msg.Text, ok bool) {
	if l, col, ok := fullWidthColon(f, line); ok {
		n := strconv.Itoa(l)
		return l, col, msg.Text{
			Zh: "（第" + n + "行可能用了全角冒号「：」，应为半角「:」）",
			En: " (line " + n + " may have a full-width colon \"：\" where a half-width ':' belongs)",
		}, true
	}
	for _, l := range []int{line, line - 1} {
		runes, found := f.Line(l - 1)
		if l <= 0 || !found {
			continue
		}
		s := string(runes)
		n := strconv.Itoa(l)
		indent := s[:len(s)-len(strings.TrimLeft(s, " \t\u3000"))]
		rest := s[len(indent):]
		at := func(i int) int { return utf8.RuneCountInString(s[:i]) + 1 }
		switch {
		case strings.Contains(indent, "\t"):
			return l, at(strings.Index(indent, "\t")), msg.Text{
				Zh: "（第" + n + "行用了 Tab 键缩进；YAML 只能用空格缩进）",
				En: " (line " + n + " is indented with a tab; YAML indents with spaces only)",
			}, true
		case strings.Contains(indent, "\u3000"):
			return l, at(strings.Index(indent, "\u3000")), msg.Text{
				Zh: "（第" + n + "行的缩进里有全角空格「　」，应为半角空格）",
				En: " (line " + n + " is indented with a full-width space; use half-width spaces)",
			}, true
		case strings.HasPrefix(rest, "－") || strings.HasPrefix(rest, "—"):
			return l, at(len(indent)), msg.Text{
				Zh: "（第" + n + "行的列表项用了全角的「－」，应为半角「- 」）",
				En: " (line " + n + " starts a list item with a full-width dash; use a half-width \"- \")",
			}, true
		case strings.Contains(rest, "[") && strings.Contains(rest, "，"):
			return l, at(strings.Index(s, "，")), msg.Text{
				Zh: "（第" + n + "行的方括号列表用了全角逗号「，」分隔，应为半角「,」）",
				En: " (line " + n + " separates a [ ] list with a full-width comma \"，\"; use ',')",
			}, true
		case strings.ContainsAny(rest, "“”‘’"):
			i := strings.IndexAny(s, "“”‘’")
			return l, at(i), msg.Text{
				Zh: "（第" + n + "行的中文引号不是 YAML 的引号；值里有冒号等符号时，请用半角引号 \" 或 ' 把整个值括起来）",
				En: " (line " + n + " has Chinese quotation marks, which YAML does not treat as quotes; quote the whole value with \" or ')",
			}, true
		}
	}
	return 0, 0, msg.Text{}, false
}
