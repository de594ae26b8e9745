// Command gen writes a synthetic district or province for tests and
// benchmarks: one self-check workbook per unit in the template layout, with
// problems planted at known rates, and the list of those problems in
// DIR/.planted.json (hidden, so that `zwgk audit DIR` skips it).
//
//	go run ./samples/gen -units 1000 -docs 1000 -seed 1 -o /tmp/province
//
// The same seed gives the same province. See package synth.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/zwgk/zwgk/samples/gen/synth"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var cfg synth.Config
	fs.IntVar(&cfg.Units, "units", 50, "number of unit workbooks")
	fs.IntVar(&cfg.Docs, "docs", 200, "documents (公文台账 rows) per unit; the other registers scale with it")
	fs.Uint64Var(&cfg.Seed, "seed", 1, "random seed: the same seed gives the same province")
	fs.IntVar(&cfg.Year, "year", 2017, "the assessed year")
	fs.IntVar(&cfg.Jobs, "jobs", 0, "workbooks written at once (default GOMAXPROCS)")
	fs.BoolVar(&cfg.SharedStrings, "sst", false, "write text to the shared strings table, as Excel and WPS do (slower to generate); default: StreamWriter inline strings")
	dir := fs.String("o", "", "output folder (created if needed)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *dir == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: gen -o DIR [-units N] [-docs M] [-seed S] [-year 2017]")
		return 2
	}
	start := time.Now()
	p, err := synth.Generate(*dir, cfg)
	if err != nil {
		fmt.Fprintf(stderr, "gen: %s\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d workbooks, %d register rows, %d planted problems to %s in %.1fs\n",
		len(p.Files), p.Rows, len(p.Problems), *dir, time.Since(start).Seconds())
	return 0
}
