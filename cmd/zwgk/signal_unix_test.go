//go:build unix

package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestSignalCleansUp sends SIGINT and SIGTERM to a real zwgk process in the
// middle of an audit and checks that it exits 130 / 143 with a message,
// leaving no temporary file (the findings file, .tmp reports) and no
// partial report. No timing: the child is caught writing its table to a
// pipe the test does not read, the signal is sent, the child's notice on
// standard error is awaited, and only then is the pipe drained.
func TestSignalCleansUp(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the program")
	}
	in := filepath.Join(t.TempDir(), "报送材料")
	var rows strings.Builder
	rows.WriteString("文号,标题,印发日期,公开属性,公开日期\n")
	for i := range 3000 {
		fmt.Fprintf(&rows, "x发〔2017〕%d号,关于%d的通知,2017-03-01,主动公开,\n", i, i)
	}
	for _, u := range []string{"甲局", "乙局", "丙局"} {
		os.MkdirAll(filepath.Join(in, u), 0o755)
		if err := os.WriteFile(filepath.Join(in, u, "公文台账.csv"), []byte(rows.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		sig  syscall.Signal
		code int
		name string
	}{{syscall.SIGINT, 130, "SIGINT"}, {syscall.SIGTERM, 143, "SIGTERM"}} {
		t.Run(tc.name, func(t *testing.T) {
			tmp, out := t.TempDir(), t.TempDir()
			cmd := exec.Command(os.Args[0], "audit", in, "--detail", "-o", filepath.Join(out, "r.xlsx"), "-o", filepath.Join(out, "r.json"), "-o", filepath.Join(out, "r.csv"))
			cmd.Env = append(os.Environ(), "ZWGK_TEST_AS_MAIN=1", "TMPDIR="+tmp)
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			stderr, err := cmd.StderrPipe()
			if err != nil {
				t.Fatal(err)
			}
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Marker 1: the table has begun; the rest (800 KB) cannot fit
			// in the unread pipe, so the child is held there.
			if _, err := io.ReadFull(stdout, make([]byte, 1)); err != nil {
				t.Fatal(err)
			}
			if err := cmd.Process.Signal(tc.sig); err != nil {
				t.Fatal(err)
			}
			// Marker 2: the child heard the signal.
			var errText strings.Builder
			sc := bufio.NewScanner(stderr)
			for sc.Scan() {
				errText.WriteString(sc.Text() + "\n")
				if strings.Contains(sc.Text(), "正在停止") {
					break
				}
			}
			go io.Copy(io.Discard, stdout)
			rest, _ := io.ReadAll(stderr)
			errText.Write(rest)
			err = cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != tc.code {
				t.Fatalf("exit %v, want %d\nstderr:\n%s", err, tc.code, errText.String())
			}
			if want := "zwgk: 已中断（" + tc.name + "）"; !strings.Contains(errText.String(), want) {
				t.Errorf("stderr lacks %q:\n%s", want, errText.String())
			}
			if ents, _ := os.ReadDir(tmp); len(ents) > 0 {
				t.Errorf("temporary files left in TMPDIR: %v", ents)
			}
			// A report is there whole (written before the signal) or not
			// at all; never a .tmp file.
			ents, _ := os.ReadDir(out)
			for _, e := range ents {
				if strings.HasSuffix(e.Name(), ".tmp") {
					t.Errorf("partial report left: %s", e.Name())
				}
				if e.Name() == "r.json" {
					data, _ := os.ReadFile(filepath.Join(out, e.Name()))
					if !json.Valid(data) {
						t.Errorf("r.json is not whole")
					}
				}
			}
		})
	}
}
