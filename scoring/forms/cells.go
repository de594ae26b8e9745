package forms

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"
)

// cell is the name of the cell under header h in this row ("H5"), or
// "第N行" when the column is not there.
func (r sheetRow) cell(h string) string {
	if i, ok := r.cols[h]; ok {
		if name, err := excelize.CoordinatesToCellName(i+1, r.line); err == nil {
			return name
		}
	}
	return strconv.Itoa(r.line)
}

// date is the cell under header h as a date, 2006-01-02, however it was
// typed: a date cell (a serial number such as 43110, whatever display
// format Excel or WPS gave it), or text such as 2018/1/10, 2018.1.10,
// 2018年1月10日, 20180110 (full-width digits too). Anything else is kept
// as typed, trimmed.
func (r sheetRow) date(h string) string {
	return normalDate(r.get(h), r.date1904)
}

var textDateRe = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:[ T].*)?$`)

func normalDate(v string, date1904 bool) string {
	v = strings.TrimSpace(width.Narrow.String(strings.ReplaceAll(v, "\u3000", " ")))
	if v == "" {
		return ""
	}
	if x, err := strconv.ParseFloat(v, 64); err == nil && !strings.ContainsAny(v, "-/") {
		if len(v) == 8 && !strings.Contains(v, ".") {
			if m := textDateRe.FindStringSubmatch(v[:4] + "-" + v[4:6] + "-" + v[6:]); m != nil {
				return ymd(m[1], m[2], m[3], v)
			}
		}
		if x >= 1 && x < 2958466 {
			if t, err := excelize.ExcelDateToTime(x, date1904); err == nil {
				return t.Format("2006-01-02")
			}
		}
		return v
	}
	if m := textDateRe.FindStringSubmatch(v); m != nil {
		return ymd(m[1], m[2], m[3], v)
	}
	return v
}

// ymd is the date y-m-d as 2006-01-02 when it exists, else orig.
func ymd(y, m, d, orig string) string {
	yi, _ := strconv.Atoi(y)
	mi, _ := strconv.Atoi(m)
	di, _ := strconv.Atoi(d)
	if mi < 1 || mi > 12 || di < 1 || di > daysIn(yi, mi) {
		return orig
	}
	return strconv.Itoa(yi) + "-" + twoDigits(mi) + "-" + twoDigits(di)
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
