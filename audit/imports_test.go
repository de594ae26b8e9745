package audit

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoExprImport holds issue 13's cut: audit runs rules through
// checklists/rules and never imports the expression library itself.
func TestNoExprImport(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); strings.HasPrefix(p, "github.com/expr-lang/") {
				t.Errorf("%s imports %s; use github.com/zwgk/zwgk/checklists/rules", name, p)
			}
		}
	}
}
