package main

// The import policy of STYLE.md, held as a test in the spirit of golang/go's
// go/build/deps_test.go: the table below says, for every package of the
// module, which of the module's packages it may import and which outside
// capabilities (files, workbooks, the expression language, a command line)
// it may use. A new package gets a row; a new import that breaks the layers
// fails here, naming the package and the import.
//
//	go test ./cmd/zwgk -run TestImportPolicy -v

import (
	"bytes"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/zwgk/zwgk"

// uses is what a package may use from outside the module.
type uses uint8

const (
	useFiles    uses = 1 << iota // os: reads or writes files
	useWorkbook                  // github.com/xuri/excelize/v2, directly or through another package
	useExpr                      // github.com/expr-lang/expr
	useCommand                   // flag, os/exec, os/signal: a program of its own
	useCobra                     // github.com/spf13/cobra: the zwgk command line
	useClock                     // time.Now, os.Getenv, os.LookupEnv, os.Environ, os.Exit
)

// importPolicy is the whole policy. Imports point one way:
//
//	calendar ← checklists ← audit ← scoring ← report, audit ← workbook, everything ← cmd/zwgk
//
// may lists the module packages a package may import directly ("x/..." is
// x and everything beneath it); because every package has a row, the
// layers hold transitively. What use does not allow is forbidden: the core (checklists, audit, scoring and beneath) reads no
// files, flags, environment or clock, and only renderers and readers of
// workbooks touch excelize.
var importPolicy = []struct {
	pkg string // relative to the module; "x/..." is x and everything beneath it
	use uses
	may []string
}{
	// The checklist format and its parts: the bottom layer.
	{"checklists/msg", 0, nil},
	{"checklists/yamlfile", 0, []string{"checklists/msg"}},
	{"checklists/calendar", 0, []string{"checklists/msg", "checklists/yamlfile"}},
	{"checklists/rules", useExpr, []string{"checklists/calendar", "checklists/msg"}},
	{"checklists", 0, []string{"checklists/calendar", "checklists/msg", "checklists/rules", "checklists/yamlfile"}},

	// The submission model and rule evaluation; reading submissions.
	{"audit", 0, []string{"checklists/..."}},
	{"audit/workbook", useFiles | useWorkbook, []string{"audit", "checklists/..."}},

	// Scoring, pure; then what renders results and reads forms back.
	{"scoring/roster", 0, []string{"audit", "checklists/..."}},
	{"scoring", 0, []string{"audit", "checklists/...", "scoring/roster"}},
	{"scoring/annual", 0, []string{"audit", "checklists/..."}},
	{"scoring/report/xlsx", useWorkbook, nil},
	{"scoring/report/docx", 0, []string{"checklists/msg"}},
	{"scoring/report", useWorkbook, []string{"checklists/...", "audit", "scoring", "scoring/report/docx", "scoring/report/xlsx"}},
	{"scoring/forms", useWorkbook, []string{"checklists/...", "scoring", "scoring/roster", "scoring/report/xlsx"}},
	{"scoring/annual/annualreport", useWorkbook, []string{"checklists/...", "scoring/annual", "scoring/report", "scoring/report/docx", "scoring/report/xlsx"}},

	// The command: wiring, and the only reader of flags, environment and clock.
	{"cmd/zwgk", useFiles | useWorkbook | useCommand | useCobra | useClock, []string{"audit/...", "checklists/...", "scoring/..."}},

	// Tools that make sample districts: programs of their own, not zwgk.
	{"samples/...", useFiles | useWorkbook | useCommand | useClock, []string{"audit/...", "checklists/...", "samples/..."}},

	// Release tooling (scripts/mkzip): programs of their own, no zwgk package.
	{"scripts/...", useFiles | useCommand | useClock, nil},
}

// capability returns what importing an outside package path needs, or 0.
func capability(path string) uses {
	switch {
	case path == "os":
		return useFiles
	case path == "flag", path == "os/exec", path == "os/signal", path == "syscall":
		return useCommand
	case under(path, "github.com/xuri/excelize/v2/..."):
		return useWorkbook
	case under(path, "github.com/expr-lang/expr/..."):
		return useExpr
	case under(path, "github.com/spf13/cobra/..."), under(path, "github.com/spf13/pflag/..."):
		return useCobra
	}
	return 0
}

var useNames = map[uses]string{useFiles: "files (os)", useWorkbook: "excelize", useExpr: "expr", useCommand: "a command line",
	useCobra: "cobra", useClock: "the clock or environment"}

// under reports whether path is pattern or, for "x/...", x or beneath it.
func under(path, pattern string) bool {
	if p, ok := strings.CutSuffix(pattern, "/..."); ok {
		return path == p || strings.HasPrefix(path, p+"/")
	}
	return path == pattern
}

// listedPackage is what the test reads of `go list -json`.
type listedPackage struct {
	ImportPath string
	Dir        string
	GoFiles    []string
	Imports    []string
	Deps       []string
}

func listModule(t *testing.T) []listedPackage {
	t.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("go is not on PATH")
	}
	cmd := exec.Command("go", "list", "-json", module+"/...")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.Bytes())
	}
	var pkgs []listedPackage
	dec := json.NewDecoder(bytes.NewReader(out))
	for dec.More() {
		var p listedPackage
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("go list: %v", err)
		}
		pkgs = append(pkgs, p)
	}
	if len(pkgs) == 0 {
		t.Fatal("go list: no packages")
	}
	return pkgs
}

// rule returns the index of the most specific row of importPolicy for rel.
func rule(rel string) int {
	best := -1
	for i, r := range importPolicy {
		if (r.pkg == rel || strings.HasSuffix(r.pkg, "/...") && under(rel, r.pkg)) &&
			(best < 0 || len(r.pkg) > len(importPolicy[best].pkg)) {
			best = i
		}
	}
	return best
}

func TestImportPolicy(t *testing.T) {
	pkgs := listModule(t)
	used := make([]bool, len(importPolicy))
	for _, p := range pkgs {
		rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		i := rule(rel)
		if i < 0 {
			t.Errorf("%s: not in importPolicy; add a row saying what it may import", rel)
			continue
		}
		used[i] = true
		r := importPolicy[i]
		for _, imp := range p.Imports {
			if mod, ok := strings.CutPrefix(imp, module+"/"); ok {
				if !slices.ContainsFunc(r.may, func(pat string) bool { return under(mod, pat) }) {
					t.Errorf("%s imports %s: not allowed (may import %s)", rel, mod, strings.Join(r.may, ", "))
				}
				continue
			}
			if c := capability(imp); c != 0 && r.use&c == 0 {
				t.Errorf("%s imports %s: only packages allowed %s may", rel, imp, useNames[c])
			}
		}
		for _, d := range p.Deps {
			if d == module+"/cmd/zwgk" {
				t.Errorf("%s depends on cmd/zwgk: nothing may", rel)
			}
			// Excelize and cobra are forbidden through other packages too;
			// os is not (fmt imports it), so it is checked on direct imports.
			if d != "github.com/xuri/excelize/v2" && d != "github.com/spf13/cobra" || slices.Contains(p.Imports, d) {
				continue
			}
			if c := capability(d); r.use&c == 0 {
				t.Errorf("%s depends on %s through %s: only packages allowed %s may", rel, d, via(pkgs, p, d), useNames[c])
			}
		}
	}
	for i, r := range importPolicy {
		if !used[i] {
			t.Errorf("importPolicy row %q matches no package of the module", r.pkg)
		}
	}
}

// via names the module packages p imports that lead to dep.
func via(pkgs []listedPackage, p listedPackage, dep string) string {
	var out []string
	for _, imp := range p.Imports {
		for _, q := range pkgs {
			if q.ImportPath == imp && (slices.Contains(q.Deps, dep) || slices.Contains(q.Imports, dep)) {
				out = append(out, strings.TrimPrefix(imp, module+"/"))
			}
		}
	}
	if len(out) == 0 {
		return "?"
	}
	return strings.Join(out, ", ")
}

// TestNoClockOrEnvironment: time.Now, os.Getenv and the like are calls, not
// imports, so the non-test files of every package not allowed the clock are
// parsed and searched for them.
func TestNoClockOrEnvironment(t *testing.T) {
	forbidden := map[string][]string{
		"time": {"Now", "Since", "Until"},
		"os":   {"Getenv", "LookupEnv", "Environ", "Exit"},
	}
	for _, p := range listModule(t) {
		rel := strings.TrimPrefix(strings.TrimPrefix(p.ImportPath, module), "/")
		if i := rule(rel); i < 0 || importPolicy[i].use&useClock != 0 {
			continue
		}
		for _, name := range p.GoFiles {
			path := filepath.Join(p.Dir, name)
			fset := token.NewFileSet()
			f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			local := map[string]string{} // local name → import path, for time and os
			for _, s := range f.Imports {
				path, _ := strconv.Unquote(s.Path.Value)
				if _, ok := forbidden[path]; !ok {
					continue
				}
				n := path
				if s.Name != nil {
					n = s.Name.Name
				}
				local[n] = path
			}
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				x, ok := sel.X.(*ast.Ident)
				if !ok {
					return true
				}
				if path, ok := local[x.Name]; ok && slices.Contains(forbidden[path], sel.Sel.Name) {
					pos := fset.Position(sel.Pos())
					t.Errorf("%s/%s:%d: %s.%s: only cmd/zwgk reads the clock and the environment; take it as an argument",
						rel, name, pos.Line, path, sel.Sel.Name)
				}
				return true
			})
		}
	}
}

// The policy's own matching, on the cases that matter.
func TestImportPolicyRules(t *testing.T) {
	for _, tc := range []struct{ pkg, want string }{
		{"checklists", "checklists"},
		{"checklists/rules", "checklists/rules"},
		{"scoring/annual/annualreport", "scoring/annual/annualreport"},
		{"samples/gen/synth", "samples/..."},
		{"scoring/newthing", ""},
	} {
		got := ""
		if i := rule(tc.pkg); i >= 0 {
			got = importPolicy[i].pkg
		}
		if got != tc.want {
			t.Errorf("rule(%q) = %q, want %q", tc.pkg, got, tc.want)
		}
	}
	if under("checklistsx", "checklists/...") || !under("checklists", "checklists/...") || !under("checklists/msg", "checklists/...") {
		t.Error("under: wrong on checklists/...")
	}
	if under("audit/workbook", "audit") {
		t.Error(`under: "audit" allows audit/workbook`)
	}
	if capability("github.com/xuri/excelize/v2") != useWorkbook || capability("github.com/spf13/pflag") != useCobra || capability("fmt") != 0 {
		t.Error("capability: wrong")
	}
}
