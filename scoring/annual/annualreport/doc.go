// Package annualreport renders the yearly government information
// disclosure report that scoring/annual computes: a console table (Table),
// Markdown with the report's text to fill in (Markdown), the zwgk.annual/v1
// JSON (JSON), the workbook of tables 二, 三 and 四 laid out as the
// national format, with a 校验 sheet (XLSX), and the report's text and
// tables as a Word document in 公文格式 (DOCX). ReadXLSX reads that workbook
// back (`annual-report --previous`), beside its writer.
//
// A new output of the yearly report goes here; its arithmetic and checks go
// in scoring/annual; Excel mechanics shared with other workbooks are in
// scoring/report/xlsx.
package annualreport
