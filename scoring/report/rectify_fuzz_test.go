package report

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// rectificationSeeds are unit reports: as written, filled in by a clerk,
// with an added sheet 已整改, cut short, and not a workbook.
func rectificationSeeds(tb testing.TB) [][]byte {
	written := writeXLSX(tb, unitResult(), xlsxTestOpts)
	filled := clerk(tb, written)
	prev, err := ReadRectification(bytes.NewReader(filled), "r.xlsx")
	if err != nil {
		tb.Fatal(err)
	}
	opts := xlsxTestOpts
	opts.Previous = prev
	res := unitResult()
	res.Units[0].Findings = res.Units[0].Findings[1:]
	again := writeXLSX(tb, res, opts)
	return [][]byte{written, filled, again, filled[:len(filled)/2], []byte("not a zip")}
}

// FuzzReadRectification: any bytes are read as a unit report's
// rectification list or refused with a message naming the file, never a
// panic; what is read, written as the resolved list of a report without
// findings, reads back the same.
func FuzzReadRectification(f *testing.F) {
	for _, s := range rectificationSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ReadRectification(bytes.NewReader(data), "r.xlsx")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "r.xlsx") {
				t.Fatalf("error does not name the file: %q", err)
			}
			return
		}
		if p == nil {
			return // a district report
		}
		for i := range p.Rows {
			r := &p.Rows[i]
			if r.Row < 0 || r.Line < 2 || len(r.Extra) != len(p.Extra) {
				t.Fatalf("row %d: register row %d, line %d, %d extra cells for %d extra columns", i, r.Row, r.Line, len(r.Extra), len(p.Extra))
			}
			for _, s := range append([]string{r.Measures, r.Responsible, r.Deadline, r.Status, r.Title, r.Message}, r.Extra...) {
				if utf8.RuneCountInString(s) > 32000 {
					return // more than a cell holds: it cannot be written again as it is
				}
			}
		}
		opts := xlsxTestOpts
		opts.Previous = p
		res := unitResult()
		res.Units[0].Findings = nil
		var buf bytes.Buffer
		if err := XLSX(&buf, res, opts); err != nil {
			t.Fatalf("written again: %v", err)
		}
		again, err := ReadRectification(bytes.NewReader(buf.Bytes()), "again.xlsx")
		if err != nil {
			t.Fatalf("written again, refused: %v", err)
		}
		if diff := cmp.Diff(p.Extra, again.Extra, cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("extra columns, read and read again (-first +second):\n%s", diff)
		}
		if diff := cmp.Diff(p.Rows, again.Rows, cmpopts.IgnoreFields(RectificationRow{}, "List", "Line"), cmpopts.EquateEmpty()); diff != "" {
			t.Fatalf("rows, read and read again (-first +second):\n%s", diff)
		}
	})
}
