package calendar

import (
	"errors"
	"testing"
	"time"
)

// TestAddKnownMatchesByDay checks the binary search of AddWorkdaysIn against
// counting day by day, from every day of 2016–2028 (years before, inside and
// after the calendars, with and without a regional overlay, with a gap year)
// for limits up to 60 and every mode: the same date, or the same error.
func TestAddKnownMatchesByDay(t *testing.T) {
	cn, err := Embedded("cn")
	if err != nil {
		t.Fatal(err)
	}
	nx, err := Embedded("cn-nx")
	if err != nil {
		t.Fatal(err)
	}
	later, err := Parse("later.yaml", []byte("name: later\nkind: correction\nyears:\n  2028:\n    off: [2028-01-03]\n"))
	if err != nil {
		t.Fatal(err)
	}
	cals := map[string]*Calendar{"cn": New(cn), "cn+cn-nx": New(cn, nx), "cn+2028": New(cn, later), "none": New(nil)}
	first, last := daysFromCivil(2016, 1, 1), daysFromCivil(2028, 12, 31)
	fast := 0
	for name, c := range cals {
		for z := first; z <= last; z++ {
			y, m, d := civilFromDays(z)
			from := time.Date(y, time.Month(m), d, 15, 4, 5, 0, time.FixedZone("CST", 8*3600))
			for _, n := range []int{0, 1, 2, 3, 5, 7, 10, 15, 20, 22, 35, 40, 60} {
				for _, mode := range []Mode{Exact, Strictest, Mildest} {
					got, gotErr := c.AddWorkdaysIn(from, n, mode)
					want, wantErr := c.addByDay(z, n, mode)
					if !got.Equal(want) || got.Location() != want.Location() || !sameErr(gotErr, wantErr) {
						t.Fatalf("%s: AddWorkdaysIn(%s, %d, %d) = %s, %v; day by day %s, %v", name, formatDay(z), n, mode, got, gotErr, want, wantErr)
					}
					if _, ok := c.addKnown(z, n); ok {
						fast++
					}
				}
			}
		}
	}
	if fast == 0 {
		t.Error("addKnown never decided")
	}
}

func sameErr(a, b error) bool {
	if a == nil || b == nil {
		return a == b
	}
	var ya, yb *YearError
	if errors.As(a, &ya) != errors.As(b, &yb) || (ya != nil && *ya != *yb) {
		return false
	}
	return a.Error() == b.Error()
}
