package checklists

import (
	"math/big"
	"os"
	"testing"

	"github.com/zwgk/zwgk/checklists/yamlfile"
)

// posText and ratText keep the names the tests of this package were
// written with.
func posText(p Pos) string { return p.String() }

func ratText(r *big.Rat) string { return yamlfile.NumberText(r) }

func testdataFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
