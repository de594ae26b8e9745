// Package docx writes the Word documents zwgk makes (the yearly disclosure
// report, the results bulletin) in the layout of Chinese official documents
// (公文格式, GB/T 9704-2012), and reads them back for tests and checks.
//
// It is a small WordprocessingML writer of our own over archive/zip: the Go
// .docx libraries seen (gomutex/godocx, unmaintained; its young forks; the
// paid unioffice) either do not say which East Asian font a run uses
// (w:eastAsia), or are not kept. What it writes:
//
//   - A4 pages with the margins of GB/T 9704 (top 37 mm, bottom 35 mm,
//     left 28 mm, right 26 mm: a 156 mm × 225 mm text block) and the page
//     number 「— 1 —」 in the footer (宋体 四号), on odd pages at the right
//     and on even pages at the left, one character in;
//   - styles: body 仿宋_GB2312 三号 (16 pt), lines exactly 28.95 pt (22 lines
//     a page), first line indented two characters; the title 方正小标宋简体
//     二号 (22 pt) centred; headings of the first level 黑体 三号, of the
//     second 楷体_GB2312 三号; tables 仿宋_GB2312 五号 (10.5 pt). The font
//     table gives each font a common fallback (altName, GB2312 charset) —
//     仿宋, 宋体, 楷体, 黑体 — for machines without the 方正 or _GB2312 fonts;
//   - tables of fixed layout as wide as the text block, merged cells
//     (Span, Merge), heading rows repeated on every page;
//   - highlighted runs (Mark) for the places a clerk must fill in;
//   - a removable note (Note … EndNote): a content control titled for the
//     clerk, shaded, that Word deletes in one go.
//
// Read and Check read a document back: its paragraphs and tables as text,
// and whether its parts are well-formed and declared.
package docx
