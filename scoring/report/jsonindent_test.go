package report

import (
	"bytes"
	"encoding/json"
	"testing"
)

// indentSeeds are JSON texts the indenter must format as json.Indent does.
var indentSeeds = []string{
	`{}`, `[]`, `{"a":[]}`, `{"a":{},"b":[{}],"c":[[],[1]]}`, `"x"`, `1`, `null`, `true`,
	`{"k":"a\"b\\","l":"{[,:]}","m":"\\\\","n":"\u2028é中"}`,
	`[1,-2.5e+10,"s",null,false,{"x":{"y":[1,2,{"z":[]}]}}]`,
	`{"units":[{"name":"城关镇","findings":[{"row":7,"text":"逗号,冒号:括号[{"}],"warnings":[]}]}`,
}

func TestAppendIndentMatchesJSONIndent(t *testing.T) {
	for _, s := range indentSeeds {
		for _, prefix := range []string{"", "    "} {
			var want bytes.Buffer
			if err := json.Indent(&want, []byte(s), prefix, "  "); err != nil {
				t.Fatal(err)
			}
			if got := appendIndent(nil, []byte(s), prefix, "  "); !bytes.Equal(got, want.Bytes()) {
				t.Errorf("%s with prefix %q:\n got %s\nwant %s", s, prefix, got, want.Bytes())
			}
		}
	}
}

// FuzzAppendIndent: for any valid JSON, compacted as encoding/json writes
// it, appendIndent gives json.Indent's bytes.
func FuzzAppendIndent(f *testing.F) {
	for _, s := range indentSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		var compact bytes.Buffer
		if err := json.Compact(&compact, data); err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := json.Indent(&want, compact.Bytes(), "    ", "  "); err != nil {
			t.Fatal(err)
		}
		if got := appendIndent(nil, compact.Bytes(), "    ", "  "); !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%q:\n got %s\nwant %s", compact.Bytes(), got, want.Bytes())
		}
	})
}
