package annualreport

import (
	"archive/zip"
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/annual"
)

// FuzzReadXLSX: any bytes are read as a yearly report workbook or refused
// with a message naming the file, never a panic; what is read has units,
// and written again with XLSX and read back it has the same year, names and
// table 三. A sheet whose table 三 is in the other layout than its year's (the
// 2019 trial rows in a 2024 report) is read in its own layout, but XLSX
// writes every sheet in the file's, so such a unit's table is not compared.
func FuzzReadXLSX(f *testing.F) {
	for _, l := range []annual.Layout{annual.Format2021, annual.Trial2019} {
		var buf bytes.Buffer
		if err := XLSX(&buf, annualFixture(f, "金积镇人民政府", l), XLSXOptions{Lang: msg.ZH}); err != nil {
			f.Fatal(err)
		}
		f.Add(buf.Bytes())
		f.Add(buf.Bytes()[:buf.Len()/2])
	}
	f.Add([]byte("not a zip"))
	f.Add(emptyZip(f))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, err := ReadXLSX(bytes.NewReader(data), "a.xlsx")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "a.xlsx: ") {
				t.Fatalf("error does not name the file: %q", err)
			}
			return
		}
		if len(got.Units) == 0 || got.Format != annual.FormatV1 {
			t.Fatalf("read without error but no units or no format: %+v", got)
		}
		var buf bytes.Buffer
		if err := XLSX(&buf, got, XLSXOptions{Lang: msg.ZH}); err != nil {
			t.Fatalf("what was read cannot be written again: %v", err)
		}
		again, err := ReadXLSX(bytes.NewReader(buf.Bytes()), "again.xlsx")
		if err != nil {
			t.Fatalf("written again, the workbook is refused: %v", err)
		}
		if got.Year != again.Year {
			t.Errorf("year %d, read again %d", got.Year, again.Year)
		}
		if len(got.Units) != len(again.Units) {
			t.Fatalf("%d units, read again %d", len(got.Units), len(again.Units))
		}
		keys := func(t annual.Table3) []string {
			var out []string
			for _, r := range t.Rows {
				out = append(out, r.Key)
			}
			return out
		}
		layout := keys(annual.NewTable3(got.Layout))
		for i, u := range got.Units {
			v := again.Units[i]
			if u.Name != v.Name {
				t.Errorf("unit %d: %q, read again %q", i, u.Name, v.Name)
			}
			if !slices.Equal(keys(u.Table3), layout) {
				continue
			}
			if diff := cmp.Diff(u.Table3, v.Table3); diff != "" {
				t.Errorf("unit %d (%s): table 三, read and read again (-first +second):\n%s", i, u.Name, diff)
			}
		}
	})
}

// emptyZip is a zip archive with no entries: a zip, not a workbook.
func emptyZip(tb testing.TB) []byte {
	var buf bytes.Buffer
	if err := zip.NewWriter(&buf).Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}
