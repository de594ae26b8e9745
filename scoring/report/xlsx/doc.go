// Package xlsx holds the Excel mechanics that every workbook zwgk writes
// shares, whatever it says: sheet names Excel accepts (Names, CleanName),
// A1 references (Cell, Col, Quote), text cells that are never formulas (Set,
// SafeText), column widths by display width (Fitter, TextWidth, Lines,
// Height, SetWidths), frozen panes (Freeze, FreezeHeader), print setup
// (PageSetup, PrintTitles), the borders, fills and header rows several
// books use (Border, Fill, Header), and sheets whose rows are written
// straight into the saved archive, the bytes excelize's StreamWriter would
// write but without holding the sheet (Zip, Rows).
//
// It knows nothing of results, checklists or reports: the result's workbooks
// (scoring/report), the forms the office fills in (scoring/forms) and the
// yearly report (scoring/annual/annualreport) build on it. A mechanic a
// second workbook needs moves here; what a cell says stays with its book.
package xlsx
