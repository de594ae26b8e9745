package main

import (
	"bytes"
	"strings"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
)

// notAResult says what a file given where a saved result (zwgk.result/v1
// JSON) belongs is instead, when its first bytes tell: the Excel report, an
// old .xls, a CSV, a yearly-report JSON. nil when it may be a result.
func notAResult(path string, data []byte) error {
	const how = "；zwgk report 和 zwgk diff 读的是审核时用 -o 写出的 .json 评估结果（如 zwgk audit 报送材料 -o 评估结果.json），Excel 报告不能读回：请用同时写出的 .json，或重新审核写出一个"
	const howEn = "; zwgk report and zwgk diff read the .json result an audit writes with -o (zwgk audit submissions -o result.json); an Excel report cannot be read back: use the .json written with it, or audit again to write one"
	trimmed := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return msg.Errorf("%s 是 Excel 工作簿（.xlsx）或压缩包，不是评估结果 JSON"+how, "%s is an Excel workbook (.xlsx) or a zip archive, not a result JSON"+howEn, path)
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0")):
		return msg.Errorf("%s 是旧版 Excel（.xls）或 WPS 文件，不是评估结果 JSON"+how, "%s is an old Excel (.xls) or WPS file, not a result JSON"+howEn, path)
	case bytes.HasPrefix(data, []byte("%PDF")):
		return msg.Errorf("%s 是 PDF 文件，不是评估结果 JSON"+how, "%s is a PDF file, not a result JSON"+howEn, path)
	case bytes.Contains(trimmed[:min(len(trimmed), 200)], []byte(`"zwgk.annual/v1"`)):
		return msg.Errorf("%s 是年度报告（zwgk annual-report 写出的 JSON），不是评估结果；它用于 zwgk annual-report --previous", "%s is a yearly report (the JSON zwgk annual-report writes), not an audit result; it is for zwgk annual-report --previous", path)
	case len(trimmed) > 0 && trimmed[0] != '{' && !isSpace(trimmed[0]):
		first, _, _ := strings.Cut(string(trimmed[:min(len(trimmed), 300)]), "\n")
		if strings.Count(first, ",") >= 3 {
			return msg.Errorf("%s 是 CSV 表格，不是评估结果 JSON"+how, "%s is a CSV table, not a result JSON"+howEn, path)
		}
	}
	return nil
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// readResultData reads a saved result from data, saying what the file is
// when it is something else (notAResult).
func readResultData(path string, data []byte) (*scoring.Result, error) {
	if err := notAResult(path, data); err != nil {
		return nil, usage(err)
	}
	res, err := scoring.ReadResult(bytes.NewReader(data), path)
	if err != nil {
		return nil, usage(err)
	}
	return res, nil
}
