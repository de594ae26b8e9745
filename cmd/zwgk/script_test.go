package main

// The command's behaviour as txtar scripts (testdata/script/*.txtar) that
// run the real binary, as the go command's own tests do. The scripts see
// the sample district as $SAMPLES, and three commands besides testscript's
// own:
//
//	status N CMD ARGS…   runs CMD and requires exit status N (exec only
//	                     knows success and failure)
//	mkdistrict DIR YEAR  writes the sample district of YEAR into DIR
//	rehead FILE SHEET OLD NEW
//	                     renames the header cell OLD of a workbook's sheet
//	zip [-gbk] OUT DIR   zips the files under DIR (names in GBK with -gbk)
//	xlsx VERB FILE SHEET …  types into or prints a workbook (xlsxcmd_test.go)
//	docx FILE            prints a Word document as text (docxcmd_test.go)
//
//	go test ./cmd/zwgk -run TestScripts
//	go test ./cmd/zwgk -run TestScripts/audit_samples -v

import (
	"archive/zip"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"

	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/zwgk/zwgk/samples/mkdistrict/district"
)

// TestMain lets the test binary run as zwgk inside the scripts. It must be
// the package's only TestMain.
func TestMain(m *testing.M) {
	if os.Getenv("ZWGK_TEST_AS_MAIN") == "1" {
		// An exec test runs the test binary as the program (signal_test.go).
		os.Exit(runMain(os.Args[1:], os.Stderr))
	}
	testscript.Main(m, map[string]func(){
		"zwgk": func() { os.Exit(runMain(os.Args[1:], os.Stderr)) },
	})
}

func TestScripts(t *testing.T) {
	samples, err := filepath.Abs(samplesDir)
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			env.Setenv("SAMPLES", samples)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"status":     cmdStatus,
			"mkdistrict": cmdMkdistrict,
			"rehead":     cmdRehead,
			"zip":        cmdZip,
			"xlsx":       cmdXLSX,
			"docx":       cmdDOCX,
		},
	})
}

// cmdStatus runs a command and checks its exit status; its output is
// checked by the stdout and stderr commands that follow, as after exec.
func cmdStatus(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: status N command [args...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("status %s: not a number", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("%s: %v", args[1], err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("%s: exit status %d, want %d", args[1], got, want)
	}
}

func cmdMkdistrict(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: mkdistrict DIR YEAR")
	}
	year, err := strconv.Atoi(args[1])
	if err != nil {
		ts.Fatalf("mkdistrict: year %s: not a number", args[1])
	}
	ts.Check(district.Write(ts.MkAbs(args[0]), year))
}

func cmdRehead(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 4 {
		ts.Fatalf("usage: rehead FILE SHEET OLD NEW")
	}
	ts.Check(renameHeader(ts.MkAbs(args[0]), args[1], args[2], args[3]))
}

// cmdZip writes the files under DIR into OUT.zip, named relative to DIR;
// with -gbk the names are written in GBK without the UTF-8 flag, as WPS and
// Windows write them.
func cmdZip(ts *testscript.TestScript, neg bool, args []string) {
	gbk := len(args) > 0 && args[0] == "-gbk"
	if gbk {
		args = args[1:]
	}
	if neg || len(args) != 2 {
		ts.Fatalf("usage: zip [-gbk] OUT.zip DIR")
	}
	out, err := os.Create(ts.MkAbs(args[0]))
	ts.Check(err)
	zw := zip.NewWriter(out)
	dir := ts.MkAbs(args[1])
	ts.Check(filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		h := &zip.FileHeader{Name: filepath.ToSlash(rel), Method: zip.Deflate}
		if gbk {
			if h.Name, err = simplifiedchinese.GBK.NewEncoder().String(h.Name); err != nil {
				return err
			}
			h.NonUTF8 = true
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}))
	ts.Check(zw.Close())
	ts.Check(out.Close())
}
