// Package msg holds the two-language texts that a clerk reads: findings, lint
// messages and report labels are written in Chinese by default and in English
// with --lang en.
package msg

import "fmt"

// Lang is the language of what zwgk prints: "zh" (default) or "en".
type Lang string

// The supported languages.
const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// ParseLang reads a --lang value; anything but "en" is Chinese.
func ParseLang(s string) (Lang, error) {
	switch s {
	case "", "zh", "zh-CN", "cn":
		return ZH, nil
	case "en":
		return EN, nil
	}
	return ZH, fmt.Errorf("unknown language %q (want zh or en)", s)
}

// Text is one message in both languages.
type Text struct {
	Zh string
	En string
}

// New formats a message in both languages with the same arguments.
func New(zh, en string, args ...any) Text {
	if len(args) == 0 {
		return Text{Zh: zh, En: en}
	}
	return Text{Zh: fmt.Sprintf(zh, args...), En: fmt.Sprintf(en, args...)}
}

// Both formats the two languages with their own arguments.
func Both(zh string, zhArgs []any, en string, enArgs []any) Text {
	return Text{Zh: fmt.Sprintf(zh, zhArgs...), En: fmt.Sprintf(en, enArgs...)}
}

// In returns the text in lang.
func (t Text) In(lang Lang) string {
	if lang == EN && t.En != "" {
		return t.En
	}
	return t.Zh
}

// String returns the Chinese text.
func (t Text) String() string { return t.Zh }

// Pick returns zh or en depending on lang; it is for labels.
func Pick(lang Lang, zh, en string) string {
	if lang == EN {
		return en
	}
	return zh
}
