package annual

import (
	"bytes"
	"testing"
)

// FuzzReadFile: any input is read or refused, never a panic, and what is
// read can be checked.
func FuzzReadFile(f *testing.F) {
	f.Add([]byte(`{"format":"zwgk.annual/v1","year":2023,"units":[{"name":"a","table3":{"rows":[{"key":"carried_forward","values":[1,0,0,0,0,0,1]}]}}]}`))
	f.Add([]byte(`{"format":"zwgk.annual/v1","units":[null]}`))
	f.Add([]byte(`{"format":"zwgk.result/v1"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := ReadFile(bytes.NewReader(data), "f.json")
		if err != nil {
			return
		}
		for _, u := range file.Units {
			Checks(u, &Previous{Found: true})
			file.Unit(u.Name, true)
		}
	})
}

// FuzzFormValue: a form value parses or is refused; ints stay ints.
