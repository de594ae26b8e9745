package annualreport

import (
	"encoding/json"
	"io"

	"github.com/zwgk/zwgk/scoring/annual"
)

// JSON writes f as zwgk.annual/v1: indented, keys in contract order,
// no HTML escaping, so identical inputs give identical bytes.
// annual.ReadFile reads it back.
func JSON(w io.Writer, f *annual.File) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(f)
}
