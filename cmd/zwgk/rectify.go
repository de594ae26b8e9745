package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report"
)

// noPrevious is the --previous that carries nothing over.
const noPrevious = "none"

// loadRectification reads what a unit typed into the 整改清单 of an earlier
// report, before anything is written: the --previous file or, without one,
// the unit report an -o .xlsx is about to replace (--force). Nothing typed
// is lost silently: an -o file about to be replaced that is not a report
// zwgk wrote, whose rectification list cannot be read, or that holds typed
// text while --previous names another file, is refused (exit 2) unless
// --previous none says to discard it. It returns nil when there is nothing
// to carry over.
func loadRectification(e *env, previous string, outs []string) (*report.Rectification, error) {
	if previous == noPrevious {
		return nil, nil
	}
	var xlsxOuts []string
	for _, o := range outs {
		if strings.EqualFold(filepath.Ext(o), ".xlsx") {
			xlsxOuts = append(xlsxOuts, o)
		}
	}
	var prev *report.Rectification
	if previous != "" {
		if len(xlsxOuts) == 0 {
			return nil, usagef("--previous %s: 需要用 -o 写出一个 .xlsx 自查报告", "--previous %s: needs a .xlsx unit report written with -o", previous)
		}
		if !strings.EqualFold(filepath.Ext(previous), ".xlsx") {
			return nil, usagef("--previous %s: 应为 zwgk 写出的 .xlsx 自查报告，或 none", "--previous %s: must be a .xlsx unit report written by zwgk, or none", previous)
		}
		data, err := e.readFile(previous)
		if err != nil {
			return nil, usage(msg.Errorf("--previous %s: %w", "--previous %s: %w", previous, err))
		}
		prev, err = report.ReadRectification(bytes.NewReader(data), previous)
		if err != nil {
			return nil, usage(msg.Errorf("--previous %w", "--previous %w", err))
		}
		if prev == nil {
			return nil, usagef("--previous %s: 这是多个单位的评估报告，没有整改清单", "--previous %s: this is a district report; it has no rectification list", previous)
		}
	}
	for _, o := range xlsxOuts {
		data, err := e.readFile(o)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, usage(msg.Errorf("-o %s: 无法读取要覆盖的文件：%w", "-o %s: cannot read the file to be replaced: %w", o, err))
		}
		if previous != "" && sameFile(o, previous) {
			continue
		}
		r, err := report.ReadRectification(bytes.NewReader(data), o)
		if err != nil {
			return nil, usage(msg.Errorf("-o %s 已存在，无法作为 zwgk 自查报告读取，覆盖会丢失其中填写的内容（%w）；确需覆盖时加 --previous none",
				"-o %s exists and cannot be read as a zwgk unit report; replacing it would lose what is typed in it (%w); add --previous none to replace it all the same",
				o, err))
		}
		switch {
		case r == nil || r.Typed() == 0 && (prev != nil || previous != ""):
			// a district report, or nothing typed that another file does not hold
		case previous != "":
			return nil, usagef("-o %s: 文件的整改清单中有填写的内容，而 --previous 指定的是 %s，覆盖会丢失这些内容；请写到另一个文件，或用 --previous %s",
				"-o %s: its rectification list holds typed text but --previous names %s; replacing it would lose that text: write to another file, or use --previous %s",
				o, previous, o)
		case prev != nil && prev.Typed() > 0:
			return nil, usagef("-o %s 和 %s 的整改清单中都有填写的内容；请用 --previous 指明承接哪一个",
				"-o %s and %s both hold typed rectification lists; name the one to carry over with --previous", o, prev.Source)
		default:
			prev = r
		}
	}
	return prev, nil
}

// sameFile reports whether a and b name one existing file.
func sameFile(a, b string) bool {
	fa, err := os.Stat(a)
	if err != nil {
		return false
	}
	fb, err := os.Stat(b)
	return err == nil && os.SameFile(fa, fb)
}

// checkRectification refuses, before anything is written, a result that
// is not a unit's report when prev holds typed text that an .xlsx output
// would have carried over.
func checkRectification(prev *report.Rectification, res *scoring.Result, outs []string) error {
	if prev == nil || prev.Typed() == 0 || report.UnitReport(res) {
		return nil
	}
	for _, o := range outs {
		if strings.EqualFold(filepath.Ext(o), ".xlsx") {
			return usagef("-o %s: 本次结果不是单个单位的自查报告，%s 的整改清单中填写的内容无处承接；请写到另一个文件，或加 --previous none",
				"-o %s: this result is not a single unit's report, so what is typed in the rectification list of %s has nowhere to go; write to another file, or add --previous none",
				o, prev.Source)
		}
	}
	return nil
}

// noteRectification says on standard error what was carried over from prev
// into the unit report just written, and how many findings were resolved;
// nothing when there is neither.
func noteRectification(e *env, prev *report.Rectification, res *scoring.Result, lang msg.Lang) error {
	if prev == nil || !report.UnitReport(res) {
		return nil
	}
	fs, err := res.Units[0].FindingList()
	if err != nil {
		return err
	}
	match := prev.Match(fs)
	carried := 0
	for _, i := range match {
		if i >= 0 && prev.Rows[i].Typed() {
			carried++
		}
	}
	resolved := prev.Resolved(match)
	typed := 0
	for _, r := range resolved {
		if r.Typed() {
			typed++
		}
	}
	if carried == 0 && len(resolved) == 0 {
		return nil // nothing typed, nothing resolved: nothing to say
	}
	t := msg.New("整改清单：承接 %[1]s 中填写的整改情况 %[2]d 条；上次列出的问题中 %[3]d 个本次未再发现，列在「已整改」表（其中 %[4]d 条填写过整改情况）",
		"rectification list: %[2]d filled-in rows carried over from %[1]s; %[3]d findings listed last time were not found this time and are on the sheet Resolved (%[4]d of them filled in)",
		prev.Source, carried, len(resolved), typed)
	_, err = fmt.Fprintln(e.stderr, msg.Escape(t.In(lang)))
	return err
}
