// Command mkdistrict writes the sample district: the self-check submissions
// (自查台账) of the units of 利通区 for 2017, or for 2018, with every problem
// the default checklist finds planted at a known row. samples/README.md lists
// them, with the scores, grades and ranks worked out by hand.
//
// Usage:
//
//	go run ./samples/mkdistrict -o samples/district -tables samples/区级表 -year 2017
//	go run ./samples/mkdistrict -o /tmp/district-2018 -year 2018
//
// The 2017 files are committed under samples/district (regenerate them with
// go generate ./samples/mkdistrict); the 2018 ones are written where needed:
// the tests write them into a temporary folder and compare the two years with
// zwgk diff. The same year always gives byte-identical files.
package main

//go:generate go run . -o ../district -tables ../区级表 -year 2017

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/zwgk/zwgk/samples/mkdistrict/district"
)

func main() { os.Exit(run(os.Args[1:], os.Stderr)) }

func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("mkdistrict", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "samples/district", "output folder")
	year := fs.Int("year", 2017, "year of the district: 2017 or 2018")
	tables := fs.String("tables", "", "also write the district's own tables (website catalogue, monitoring list) into this folder")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: mkdistrict [-o DIR] [-year 2017|2018]")
		return 2
	}
	if err := district.Write(*out, *year); err != nil {
		fmt.Fprintln(stderr, "mkdistrict:", err)
		return 1
	}
	if *tables != "" {
		if err := district.WriteTables(*tables, *year); err != nil {
			fmt.Fprintln(stderr, "mkdistrict:", err)
			return 1
		}
	}
	return 0
}
