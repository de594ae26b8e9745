// Package report renders a scoring.Result, and a scoring.Comparison of two:
// a console table (Table, DiffTable), the zwgk.result/v1 JSON (JSON,
// DiffJSON), a CSV summary (CSV), Excel workbooks (XLSX: the district's
// report or a unit's rectification workbook; DiffXLSX) and the draft results
// bulletin as a Word document (Bulletin). Each renderer is a
// plain function chosen once by the caller; the result types never format
// themselves. Labels a clerk reads (MethodLabel, ReviewLabel, StatusLabel)
// are picked in the language given.
//
// The one sheet of a result's report that someone fills in is the unit
// workbook's 整改清单 (rectification list): ReadRectification reads it back
// beside its writer, over the same column layout (rectify.go), and
// XLSXOptions.Previous carries what the unit typed into the next report.
// It lives here, not in scoring/forms, because the sheet is part of the
// result's report and its columns are the finding sheets' columns; the
// reader takes a reader and a name, and the command reads the file.
//
// What goes where:
//   - a new output format of the result: a file here with one exported
//     function taking the result, a writer and its options;
//   - a workbook the office fills in and zwgk reads back (roster, spot-check
//     sheet): scoring/forms, the writer beside its reader;
//   - the yearly report's renderers: scoring/annual/annualreport;
//   - Excel mechanics a second workbook needs (sheet names, widths, freeze
//     panes, print setup, borders, formula-safe text): scoring/report/xlsx;
//   - Word mechanics (公文格式 page, fonts, tables, highlighted placeholders,
//     removable notes): scoring/report/docx.
package report
