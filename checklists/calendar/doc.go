// Package calendar is the Chinese working-day calendar behind the checklist function workdays(a, b).
//
// A Calendar layers calendar files: first the national calendar, which decides which years are
// covered, then overlays applied in order — regional holidays such as Ningxia's 开斋节 and 古尔邦节
// ("cn-nx"), and a user's own corrections or additional years (the --calendar FILE option). The
// data is never code: the embedded files "cn" (the State Council's yearly arrangements from 2017)
// and "cn-nx" are YAML, listed by [Names] and read by [Embedded], and a user file has the same
// format, read by [Parse].
//
// # File format
//
//	name: cn-nx                    # required: letters, digits, '-', '_' or '.'
//	title: 宁夏回族自治区部分节假日安排  # optional
//	kind: regional                 # optional: national, regional or correction (the default)
//	years:                         # required: one entry per yearly notice
//	  2017:
//	    notice: 宁夏回族自治区人民政府办公厅关于2017年部分节假日安排的通知   # optional: the source
//	    sources: [https://example.gov.cn/notice.htm]                       # optional: where it was read
//	    off:  [2017-06-24..2017-06-28, 2017-08-30..2017-09-03]            # days off
//	    work: [2017-07-01, 2017-08-27]                                     # weekend days worked (调休上班)
//
// A date is written YYYY-MM-DD and a range of days A..B (both included). A year's entry lists
// days of that year and, for a New Year holiday that begins early, of the December before (the
// 2019 notice gives 2018-12-30..2019-01-01 off and 2018-12-29 worked). Days not listed follow the
// week: Monday to Friday are working days, Saturday and Sunday are not. Within one file a day is
// either off or worked, never both; unknown keys, bad dates and YAML aliases are errors reported
// as FILE:LINE:COL, in Chinese and English. A file is at most 1 MiB, with years from 1900 to
// 2199 and at most 10000 dates and ranges.
//
// # Layering
//
// A day is what the last file listing it says: an overlay's "work" overrides an earlier "off" and
// vice versa. A year is covered when the national file or an overlay of kind national or
// correction has an entry for it; a date in a year that is not covered is an error ([YearError]),
// never a guess. A regional overlay never adds years: where it has no entry for a covered year the
// national days alone count, and [Calendar.MissingOverlay] names it so that the caller can warn.
// Overlays sharing a name are one overlay for that purpose, so a user file named cn-nx supplies
// Ningxia's missing years.
//
// Only the calendar date of a time.Time matters, read in the value's own location. A year's last
// days depend on the next year's notice when its New Year holiday begins in December; a calendar
// that lacks the next year treats those days by the week.
//
// # Unknown days
//
// Deadlines are never guessed. [Calendar.WorkdaysIn], [Calendar.AddWorkdaysIn] and
// [Calendar.RequestDue] take a [Mode]: Exact refuses a year the calendar lacks ([YearError]) and,
// unlike Workdays, a year a regional overlay lacks ([OverlayError]); Strictest reads every unknown
// day as a working day (the earliest deadline) and Mildest none (the latest; a missing overlay
// year takes [Calendar.OverlaySlack] working days off). A verdict both readings agree on holds
// whatever the missing notice says; otherwise the caller reports it as undecided (待定). [Gap]
// tells these errors from others.
//
// # Notices
//
// [ParseNotice] reads a holiday notice as published (the State Council's 「部分节假日安排的通知」,
// an adjustment or extension of it, or a region's notice) and [Arrange] layers the notices of
// one year, keeping only the regional holidays for a regional overlay; [Arrangement.Format] writes
// the result as a calendar file. The notices of 2017–2026 in testdata/notices reproduce the
// embedded cn data exactly.
package calendar
