// Package msg holds the two-language texts that a clerk reads: findings, lint
// messages and report labels are written in Chinese by default and in English
// with --lang en.
package msg

import (
	"fmt"
	"strings"
)

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
	return ZH, Errorf("--lang %s: 应为 zh 或 en", "--lang %s: unknown language (want zh or en)", s)
}

// Text is one message in both languages.
type Text struct {
	Zh string `json:"zh"`
	En string `json:"en,omitempty"`
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

// Localized is what an error or a note that a clerk reads implements: its
// text in a language.
type Localized interface {
	In(lang Lang) string
}

// Error is an error whose message exists in both languages; its arguments
// that are Localized (another *Error, a checklist's error list) are put in
// the same language. It wraps the arguments that are errors, as %w does.
type Error struct {
	zh, en string
	args   []any
}

// Errorf returns an error formatted in both languages with the same
// arguments; %w marks a wrapped error as in fmt.Errorf.
func Errorf(zh, en string, args ...any) *Error {
	return &Error{zh: zh, en: en, args: args}
}

// Error returns the message in Chinese.
func (e *Error) Error() string { return e.In(ZH) }

// In returns the message in lang.
func (e *Error) In(lang Lang) string {
	format := e.zh
	if lang == EN && e.en != "" {
		format = e.en
	}
	args := make([]any, len(e.args))
	for i, a := range e.args {
		if l, ok := a.(Localized); ok {
			args[i] = l.In(lang)
		} else {
			args[i] = a
		}
	}
	return fmt.Sprintf(strings.ReplaceAll(format, "%w", "%v"), args...)
}

// Unwrap returns the errors among the arguments.
func (e *Error) Unwrap() []error {
	var errs []error
	for _, a := range e.args {
		if err, ok := a.(error); ok {
			errs = append(errs, err)
		}
	}
	return errs
}

// Local returns err's message in lang: its own translation when it is
// Localized, else err.Error().
func Local(err error, lang Lang) string {
	if err == nil {
		return ""
	}
	if l, ok := err.(Localized); ok {
		return l.In(lang)
	}
	return err.Error()
}

// Join returns errs as one error, each on its own line, in either
// language; nil when errs holds none.
func Join(errs ...error) error {
	var out joined
	for _, err := range errs {
		if err != nil {
			out = append(out, err)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

type joined []error

func (j joined) Error() string { return j.In(ZH) }

func (j joined) In(lang Lang) string {
	lines := make([]string, len(j))
	for i, err := range j {
		lines[i] = Local(err, lang)
	}
	return strings.Join(lines, "\n")
}

func (j joined) Unwrap() []error { return j }

// TextOf returns err's message in both languages (see Local).
func TextOf(err error) Text { return Text{Zh: Local(err, ZH), En: Local(err, EN)} }

// List joins items as a list is written in each language: 「、」 in
// Chinese, ", " in English.
func List(items []string) Text {
	return Text{Zh: strings.Join(items, "、"), En: strings.Join(items, ", ")}
}
