package checklists

import (
	"os"
	"testing"
)

// testdataFile reads a file the tests use, failing the test if it cannot.
func testdataFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
