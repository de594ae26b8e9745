package report

import (
	"encoding/json"
	"io"

	"github.com/zwgk/zwgk/scoring"
)

// JSON writes res as zwgk.result/v1: indented, keys in contract order, no
// HTML escaping, so identical inputs give identical bytes.
func JSON(w io.Writer, res *scoring.Result) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(res)
}
