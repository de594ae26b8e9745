package main

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/xuri/excelize/v2"
)

// cmdXLSX edits and shows workbooks in scripts, as a clerk would in Excel:
//
//	xlsx set FILE SHEET CELL VALUE [CELL VALUE…]   types text into cells
//	xlsx date FILE SHEET CELL YYYY-MM-DD            types a date
//	xlsx swaprows FILE SHEET ROW ROW                swaps two rows' cells
//	xlsx rows FILE SHEET                            prints the rows, cells
//	                                                separated by |
func cmdXLSX(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 3 {
		ts.Fatalf("usage: xlsx set|date|swaprows|rows FILE SHEET …")
	}
	verb, file, sheet := args[0], ts.MkAbs(args[1]), args[2]
	f, err := excelize.OpenFile(file)
	ts.Check(err)
	defer f.Close()
	switch verb {
	case "set":
		if len(args)%2 != 1 {
			ts.Fatalf("xlsx set: want CELL VALUE pairs")
		}
		for i := 3; i < len(args); i += 2 {
			ts.Check(f.SetCellStr(sheet, args[i], args[i+1]))
		}
	case "date":
		if len(args) != 5 {
			ts.Fatalf("usage: xlsx date FILE SHEET CELL YYYY-MM-DD")
		}
		d, err := time.Parse("2006-01-02", args[4])
		ts.Check(err)
		ts.Check(f.SetCellValue(sheet, args[3], d)) // a date serial with a date format, as Excel stores it
	case "swaprows":
		if len(args) != 5 {
			ts.Fatalf("usage: xlsx swaprows FILE SHEET ROW ROW")
		}
		a, err := strconv.Atoi(args[3])
		ts.Check(err)
		b, err := strconv.Atoi(args[4])
		ts.Check(err)
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		ts.Check(err)
		get := func(r int) []string {
			if r-1 < len(rows) {
				return rows[r-1]
			}
			return nil
		}
		ra, rb := get(a), get(b)
		for c := 1; c <= max(len(ra), len(rb)); c++ {
			swap := func(row int, vals []string) {
				ref, err := excelize.CoordinatesToCellName(c, row)
				ts.Check(err)
				v := ""
				if c-1 < len(vals) {
					v = vals[c-1]
				}
				if n, err := strconv.ParseFloat(v, 64); err == nil {
					ts.Check(f.SetCellFloat(sheet, ref, n, -1, 64))
				} else {
					ts.Check(f.SetCellStr(sheet, ref, v))
				}
			}
			swap(a, rb)
			swap(b, ra)
		}
	case "rows":
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		ts.Check(err)
		for _, r := range rows {
			fmt.Fprintln(ts.Stdout(), strings.Join(r, "|"))
		}
		return
	default:
		ts.Fatalf("xlsx %s: unknown", verb)
	}
	ts.Check(f.Save())
}
