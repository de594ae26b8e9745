package checklists

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/zwgk/zwgk/checklists/msg"
	"go.yaml.in/yaml/v3"
)

// TestEmbedded loads and lints every embedded checklist: no errors, no warnings.
func TestEmbedded(t *testing.T) {
	ids := Embedded()
	if len(ids) == 0 {
		t.Skip("no embedded checklists in data/ yet")
	}
	if !slices.Contains(ids, Default()) {
		t.Errorf("the default %q is not embedded (%v)", Default(), ids)
	}
	if !slices.IsSorted(ids) || slices.Contains(ids, "common") {
		t.Errorf("Embedded() = %v", ids)
	}
	for _, id := range ids {
		t.Run(id, func(t *testing.T) {
			data, err := EmbeddedYAML(id)
			if err != nil {
				t.Fatal(err)
			}
			if errs := Lint(embeddedPrefix+id, data, LoadOptions{}); len(errs) != 0 {
				t.Fatalf("lint:\n%s", errs)
			}
			c, err := LoadEmbedded(id, LoadOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if c.ID != id {
				t.Errorf("data/%s.yaml has id %q", id, c.ID)
			}
			if c.Source != "embedded:"+id || !bytes.Equal(c.YAML, data) {
				t.Errorf("Source = %q", c.Source)
			}
			if !bytes.HasPrefix(data, []byte(SchemaComment+"\n")) {
				t.Errorf("data/%s.yaml does not start with %q", id, SchemaComment)
			}
		})
	}
}

// TestFragments checks the embedded fragments file, and that every fragment
// compiles in an item that uses it.
func TestFragments(t *testing.T) {
	if _, err := dataFS.ReadFile(dataDir + "/" + fragmentsFile); err != nil {
		t.Skip("no data/common.yaml yet")
	}
	data, _ := dataFS.ReadFile(dataDir + "/" + fragmentsFile)
	if !bytes.HasPrefix(data, []byte(SchemaComment+"\n")) {
		t.Errorf("data/%s does not start with %q", fragmentsFile, SchemaComment)
	}
	l := &loader{}
	l.readFragments()
	if len(l.r.Errs) != 0 {
		t.Fatalf("fragments file:\n%s", l.r.Errs)
	}
	total := 0
	doc := ""
	for i, name := range l.fragNames {
		item := fmt.Sprintf("      - id: X%d\n        use: %s\n        basis: x\n", i, name)
		if e, ok := l.frags[name].Get("method"); !ok || Method(e.Value.Value) != Veto {
			item += "        points: 1\n"
			if !ok || Method(e.Value.Value) != Bonus {
				total++
			}
		}
		doc += item
	}
	if total == 0 {
		t.Skip("no scored fragments")
	}
	doc = fmt.Sprintf("format: zwgk.checklist/v1\nid: fragments\ntitle: t\ntotal: %d\nperformance_weight: 0.04\ngrades: [{name: a, min: 0}]\nsections:\n  - id: S\n    title: s\n    items:\n", total) + doc
	if errs := Lint("fragments.yaml", []byte(doc), LoadOptions{}); len(errs) != 0 {
		t.Errorf("fragments used in items:\n%s\n%s", errs, doc)
	}
}

func TestResolve(t *testing.T) {
	files := map[string]string{}
	valid := string(testdataFile(t, "testdata/valid.yaml"))
	valid = strings.Replace(valid, "        use: marked\n", "        title: t\n        method: deduct\n        table: documents\n        check: attribute != nil\n", 1)
	files["mine.yaml"] = valid
	readFile := func(name string) ([]byte, error) {
		if s, ok := files[name]; ok {
			return []byte(s), nil
		}
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	c, err := Resolve("mine.yaml", readFile, LoadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if c.Source != "mine.yaml" || c.ID != "test-valid" {
		t.Errorf("Source %q, ID %q", c.Source, c.ID)
	}
	if len(Embedded()) > 0 {
		c, err := Resolve(Default(), readFile, LoadOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if c.Source != "embedded:"+Default() {
			t.Errorf("Source %q", c.Source)
		}
	}
	_, err = Resolve("litong-2071", readFile, LoadOptions{})
	var list ErrorList
	if !errors.As(err, &list) || !strings.HasPrefix(err.Error(), "litong-2071: 没有这个内置指标体系，也没有这个文件") {
		t.Errorf("unknown id: %v", err)
	}
	_, err = Resolve("dir/missing.yaml", readFile, LoadOptions{})
	if !errors.Is(err, fs.ErrNotExist) || !strings.HasPrefix(msg.Local(err, msg.EN), "read checklist: ") {
		t.Errorf("missing file: %v", err)
	}
	files["bad.yaml"] = "format: x\n"
	if _, err = Resolve("bad.yaml", readFile, LoadOptions{}); !errors.As(err, &list) {
		t.Errorf("bad file: %v", err)
	}
	if _, err := EmbeddedYAML("nope"); err == nil {
		t.Error("EmbeddedYAML(nope) succeeded")
	}
	if _, err := LoadEmbedded("common", LoadOptions{}); err == nil {
		t.Error("LoadEmbedded(common) succeeded")
	}
}

// compileSchema compiles the embedded JSON Schema.
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(JSONSchema()))
	if err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	const url = "https://github.com/zwgk/zwgk/checklists/schema.json"
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(url)
	if err != nil {
		t.Fatalf("schema.json: %v", err)
	}
	return s
}

// yamlToJSON decodes YAML and re-encodes it as a JSON instance.
func yamlToJSON(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return inst
}

func TestJSONSchema(t *testing.T) {
	s := compileSchema(t)
	valid := []string{"testdata/valid.yaml", "testdata/fragments.yaml"}
	embedded, _ := fs.Glob(dataFS, dataDir+"/*.yaml")
	for _, name := range valid {
		t.Run(name, func(t *testing.T) {
			if err := s.Validate(yamlToJSON(t, testdataFile(t, name))); err != nil {
				t.Errorf("rejected: %s", err.Error())
			}
		})
	}
	for _, name := range embedded {
		t.Run(name, func(t *testing.T) {
			data, err := dataFS.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(yamlToJSON(t, data)); err != nil {
				t.Errorf("rejected: %s", err.Error())
			}
		})
	}
	// Defects the schema can see without compiling expressions.
	for _, name := range []string{
		"unknown-key", "unknown-top-key", "bad-format", "bad-id", "weight", "unknown-method", "per-zero",
		"points-quoted", "na", "missing-title", "field-type", "year",
	} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join("testdata", "lint", name+".yaml")
			if err := s.Validate(yamlToJSON(t, testdataFile(t, file))); err == nil {
				t.Errorf("accepted %s", file)
			}
		})
	}
}
