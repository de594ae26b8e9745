// Command bareread is the baseline of scripts/bench.sh: it streams every
// cell of every .xlsx workbook under DIR on -jobs goroutines (default
// GOMAXPROCS, as zwgk audit) and throws the values away, then prints what it
// read and how long it took. -reader excelize (the default) reads with
// excelize's Rows iterator, -reader zwgk with zwgk's own sheet reader
// (workbook.ScanXLSX, what zwgk audit uses).
//
//	go run ./samples/gen/bareread [-reader excelize|zwgk] DIR
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/zwgk/zwgk/audit/workbook"
	"github.com/zwgk/zwgk/samples/gen/synth"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("bareread", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jobs := fs.Int("jobs", 0, "workbooks read at once (default GOMAXPROCS)")
	reader := fs.String("reader", "excelize", "the sheet reader: excelize or zwgk")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: bareread [-jobs N] [-reader excelize|zwgk] DIR")
		return 2
	}
	files, err := synth.Workbooks(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "bareread: %s\n", err)
		return 1
	}
	start := time.Now()
	var st synth.ReadStats
	switch *reader {
	case "excelize":
		st, err = synth.BareRead(files, *jobs)
	case "zwgk":
		st, err = synth.BareReadWith(files, *jobs, scan)
	default:
		fmt.Fprintf(stderr, "bareread: -reader is excelize or zwgk, not %q\n", *reader)
		return 2
	}
	el := time.Since(start)
	if err != nil {
		fmt.Fprintf(stderr, "bareread: %s\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "files %d sheets %d rows %d cells %d seconds %.3f rows/s %.0f\n",
		st.Files, st.Sheets, st.Rows, st.Cells, el.Seconds(), float64(st.Rows)/el.Seconds())
	return 0
}

// scan reads one workbook with zwgk's sheet reader, with the audit's unzip
// limit.
func scan(path string) (sheets, rows, cells int64, err error) {
	seen := map[string]bool{}
	err = workbook.ScanXLSX(path, workbook.Options{UnzipSizeLimit: 512 << 20}, func(sheet string, line int, c []string) error {
		if !seen[sheet] {
			seen[sheet] = true
			sheets++
		}
		rows++
		cells += int64(len(c))
		return nil
	})
	return sheets, rows, cells, err
}
