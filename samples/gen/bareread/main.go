// Command bareread is the baseline of scripts/bench.sh: it streams every
// cell of every .xlsx workbook under DIR with excelize's Rows iterator on
// -jobs goroutines (default GOMAXPROCS, as zwgk audit) and throws the values
// away, then prints what it read and how long it took.
//
//	go run ./samples/gen/bareread DIR
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
	fs := flag.NewFlagSet("bareread", flag.ContinueOnError)
	fs.SetOutput(stderr)
	jobs := fs.Int("jobs", 0, "workbooks read at once (default GOMAXPROCS)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: bareread [-jobs N] DIR")
		return 2
	}
	files, err := synth.Workbooks(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(stderr, "bareread: %s\n", err)
		return 1
	}
	start := time.Now()
	st, err := synth.BareRead(files, *jobs)
	el := time.Since(start)
	if err != nil {
		fmt.Fprintf(stderr, "bareread: %s\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "files %d sheets %d rows %d cells %d seconds %.3f rows/s %.0f\n",
		st.Files, st.Sheets, st.Rows, st.Cells, el.Seconds(), float64(st.Rows)/el.Seconds())
	return 0
}
