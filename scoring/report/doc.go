// Package report renders a scoring.Result: a console table, the
// zwgk.result/v1 JSON, a CSV summary and Excel workbooks (the district's
// report, a unit's rectification workbook, the spot-check sample). Each
// renderer is a plain function chosen once by the caller; the result types
// never format themselves.
package report
