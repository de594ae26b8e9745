package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// JSON writes res as zwgk.result/v1: indented, keys in contract order, no
// HTML escaping, so identical inputs give identical bytes. Messages are
// written in both languages (the *_text fields) and, in the plain fields
// older readers know (message, warnings, na_reason, disagreements), in lang.
//
// The units are encoded one at a time between the rest of the document, so
// that the encoding holds one unit's JSON in memory, not the whole result's
// (78 MB for 1,000 units, held twice while encoding/json indents it); the
// bytes are those json.Encoder with SetIndent("", "  ") writes.
func JSON(w io.Writer, res *scoring.Result, lang msg.Lang) error {
	res = res.Localized(lang)
	if len(res.Units) == 0 {
		return encodeJSON(w, res, "")
	}
	shell := *res
	shell.Units = []*scoring.UnitResult{}
	var head bytes.Buffer
	if err := encodeJSON(&head, &shell, ""); err != nil {
		return err
	}
	const empty = "\n  \"units\": []"
	i := bytes.Index(head.Bytes(), []byte(empty))
	if i < 0 {
		return errors.New("write json: no units in the encoded result")
	}
	i += len(empty) - 1 // at the ']'
	if _, err := w.Write(head.Bytes()[:i]); err != nil {
		return err
	}
	var unit bytes.Buffer
	for k, u := range res.Units {
		unit.Reset()
		unit.WriteString("\n    ")
		fs, err := u.FindingList()
		if err != nil {
			return err
		}
		upcoming, pending, err := u.Deferred()
		if err != nil {
			return err
		}
		if err := encodeJSON(&unit, u.Localized(lang, fs, upcoming, pending), "    "); err != nil {
			return err
		}
		unit.Truncate(unit.Len() - 1) // the encoder's newline
		if k < len(res.Units)-1 {
			unit.WriteByte(',')
		}
		if _, err := w.Write(unit.Bytes()); err != nil {
			return err
		}
	}
	if _, err := io.WriteString(w, "\n  "); err != nil {
		return err
	}
	_, err := w.Write(head.Bytes()[i:])
	return err
}

// encodeJSON writes what json.Encoder with SetEscapeHTML(false) and
// SetIndent(prefix, "  ") writes, indenting with appendIndent.
func encodeJSON(w io.Writer, v any, prefix string) error {
	var compact bytes.Buffer
	enc := json.NewEncoder(&compact)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	src := compact.Bytes()
	out := appendIndent(make([]byte, 0, len(src)*5/4), src[:len(src)-1], prefix, "  ")
	_, err := w.Write(append(out, '\n'))
	return err
}
