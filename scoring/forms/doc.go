// Package forms writes the workbooks the district office fills in and
// reads them back, each writer beside its reader so that the layout is
// written down once:
//   - RosterTemplate ↔ ReadRoster: the list of units that must hand in
//     (`zwgk template --roster`, `--roster`);
//   - SampleXLSX ↔ ReadReview: the spot-check sheet of sampled register rows
//     (`zwgk sample`), whose verdicts and item adjustments become review
//     decisions (`--review`).
//
// A new form goes here as a pair (its writer and its reader, with a
// round-trip test). The submission template units fill in is not a form of
// the office: it is written and read by audit/workbook. Renderers of a
// result belong in scoring/report; the Excel mechanics forms share with
// them are in scoring/report/xlsx.
package forms
