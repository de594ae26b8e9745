package main

import (
	"fmt"
	"strings"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/annual"
)

// sayWrote tells, on standard error, that a file was written: a clerk
// who ran a command with -o sees where the report went.
func sayWrote(e *env, lang msg.Lang, path string) {
	fmt.Fprintf(e.stderr, "zwgk: %s\n", msg.New("已写出 %s", "wrote %s", msg.Escape(path)).In(lang))
}

// annualSummary is the closing account of `zwgk annual-report`: units,
// checks passed, failed and skipped (the failed ones named by unit),
// requests answered late, submissions not read, files written.
func annualSummary(f *annual.File, written []string) msg.Text {
	var pass, fail, skip, late int
	var failedUnits []string
	for _, u := range f.Units {
		for _, c := range u.Checks {
			switch c.Status {
			case annual.Pass:
				pass++
			case annual.Fail:
				fail++
			case annual.Skip:
				skip++
			}
		}
		if u.Failed() {
			failedUnits = append(failedUnits, msg.Escape(u.Name))
		}
		late += len(u.Late)
	}
	zh := []string{fmt.Sprintf("汇总：%d 个单位；校验 %d 项通过、%d 项未通过、%d 项未检查", len(f.Units), pass, fail, skip)}
	en := []string{fmt.Sprintf("summary: %d units; checks %d passed, %d failed, %d skipped", len(f.Units), pass, fail, skip)}
	if len(failedUnits) > 0 {
		zh = append(zh, "未通过校验的单位："+strings.Join(failedUnits, "、"))
		en = append(en, "units failing a check: "+strings.Join(failedUnits, ", "))
	}
	zh = append(zh, fmt.Sprintf("超期答复 %d 件", late))
	en = append(en, fmt.Sprintf("%d requests answered late", late))
	if len(f.Errors) > 0 {
		zh = append(zh, fmt.Sprintf("%d 份报送材料无法读取", len(f.Errors)))
		en = append(en, fmt.Sprintf("%d submissions could not be read", len(f.Errors)))
	}
	names := make([]string, len(written))
	for i, w := range written {
		names[i] = msg.Escape(w)
	}
	if len(written) > 0 {
		zh = append(zh, "已写出 "+strings.Join(names, "、"))
		en = append(en, "wrote "+strings.Join(names, ", "))
	} else {
		zh = append(zh, "未写出文件（用 -o 年度报告.xlsx 写出）")
		en = append(en, "no file written (write one with -o report.xlsx)")
	}
	return msg.Text{Zh: strings.Join(zh, "；"), En: strings.Join(en, "; ")}
}
