// Package workbook reads a unit's self-check workbook (自查台账) into an
// audit.Unit and writes the empty template.
//
// A submission is one .xlsx workbook, or a folder of one unit's CSV files
// named after the sheets (公文台账.csv, …); Discover finds them under the paths
// given, Read reads one. Real exports are messier than the template, and the
// reader takes them as they come (shared/spec/workbook.md):
//
//   - a sheet (or CSV file) is matched to a register by its name or an alias
//     after Fold, else by containing one (「2017年公文台账」, 「公文台账（2017）」);
//     a second sheet matching the same register is a data error, an unknown
//     sheet a warning (silent for 填报说明 and hidden sheets);
//   - the header row is searched for in the first 30 non-blank rows: the row
//     naming the most columns (at least two, or every required one), skipping
//     titles, notes and blank rows; the row below or above joins it when it
//     names further columns (a two-level header); columns may come in any
//     order under any alias, and unknown columns are warnings;
//   - vertically merged cells count in every row they cover;
//   - rows whose register columns are all blank, repeated header rows and a
//     single-cell note under the table (填表人：…) are skipped;
//   - cells are typed by their column: dates from Excel serial numbers
//     (1950 onwards; a smaller number is taken for a typed year, not a date)
//     or text (ParseDate), yes/no (ParseBool), enums (ParseEnum), numbers
//     with an optional 分, whole numbers, trimmed text.
//
// A cell that does not parse never drops its row: the field is left out of
// Row.Values, listed in Row.Bad, and reported as an audit.Issue of kind 数据错误
// naming its cell (公文台账!D7); a blank required cell likewise. A missing
// required column is one data error for the sheet; a sheet without a header
// row is one data error and no table; a register with no sheet at all is a
// warning. The unit's name, type, pilot flag, year and contact come from the
// 单位信息 form (项目 | 内容, also four columns wide or 「单位名称：…」 in one
// cell); without a name, the name is the file's (or folder's) and a warning
// says so. ReadUnitSheet reads that form alone from a workbook (the audit's
// first guess of the year), without its registers.
//
// A submission that cannot be read at all — an .xls, .et or encrypted
// workbook, a PDF, picture or text file renamed .xlsx, a damaged or truncated
// file, one over the size limits — is an *UnreadableError saying what the file
// is and what to do. A damaged workbook is never audited as a shorter
// register: every XML part is read once through its zip checksum and size,
// every sheet must end with its closing tag, and the last row must reach the
// row count the sheet declares (its dimension).
//
// Sheets are read by the package's own streaming reader over the gosax
// tokenizer (issue 21), which yields exactly the values excelize's Rows
// iterator yields with raw cell values — the differential tests compare them
// cell for cell, and ScanXLSX exposes that stream — and reads each part
// once: values, dimension, merged cells, closing tag and checksum in one
// pass. excelize still writes workbooks and is the reference in the tests. A
// non-UTF-8 encoding declared in a part (GB2312, GBK…) is honoured.
//
// Limits (Options): a workbook may unzip to at most 256 MiB in total
// (UnzipSizeLimit), checked from the zip directory before anything is
// inflated. Sheets are streamed: memory grows with the cells kept, not with
// the XML. A sheet may hold data up to row 200,000 (MaxRows; blank rows past
// it are counted, not kept) and at most 16,384 columns (Excel's own); a row
// number past Excel's 1,048,576 is refused. A cell longer than MaxCellBytes
// (default 98,301 bytes: Excel's 32,767-character limit at three bytes per
// Chinese character) is a data error and its value is left out; it is never
// truncated. Hostile sheets are refused while they are read, before the
// memory is spent, naming the sheet and row: a cell, or any piece of XML
// without a tag, longer than max(1 MiB, 8 × MaxCellBytes); a cell referring
// to a shared string that does not exist (the file is damaged, the cell
// named — never a blank cell); merged ranges that would fill more than
// 4 × the cells read + 100,000 rows below their first cell (the range that
// passes the bound is named). A CSV file may be at most UnzipSizeLimit bytes.
//
// CSV files are read as UTF-8 (with or without byte-order mark), UTF-16 with a
// byte-order mark (tab-separated, as Excel's 「Unicode 文本」, is recognised), or
// else GB18030 (a superset of GBK, what Excel and WPS save on Chinese
// Windows); Options.Encoding overrides the guess. Text that decodes to
// replacement or control characters is refused rather than audited as
// garbage. A row's line is the CSV line its record starts on; a line ends at
// LF, CRLF or a bare CR. A quote never closed (open at the end of the file,
// or a quoted cell with a stray quote running over a line end) makes the file
// unreadable, naming the line the quote opened on, rather than a register
// swallowed into one cell; a record of more than 16,384 cells is refused
// while it is split.
//
// Only regular files are read: a FIFO, device or socket (also behind a link,
// as a CSV file linked to /dev/zero) is an *UnreadableError and is never
// opened; Discover names one found in a folder in a warning and skips it.
package workbook
