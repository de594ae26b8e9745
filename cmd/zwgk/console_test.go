package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
)

func TestProgressStyle(t *testing.T) {
	for _, c := range []struct {
		name            string
		tty, ansi       bool
		show, wantCodes bool
	}{
		{"terminal with escapes (Linux, Windows with VT mode)", true, true, true, true},
		{"Windows console without VT mode: bar without escapes", true, false, true, false},
		{"piped or redirected: no bar", false, true, false, false},
		{"piped, no VT: no bar", false, false, false, false},
	} {
		show, codes := progressStyle(c.tty, c.ansi)
		if show != c.show || codes != c.wantCodes {
			t.Errorf("%s: progressStyle(%v, %v) = %v, %v; want %v, %v", c.name, c.tty, c.ansi, show, codes, c.show, c.wantCodes)
		}
	}
}

func TestLonelyConsole(t *testing.T) {
	for _, c := range []struct {
		goos  string
		procs int
		want  bool
	}{
		{"windows", 1, true},  // double-clicked: Explorer made the console for zwgk.exe alone
		{"windows", 2, false}, // cmd.exe or PowerShell and zwgk.exe
		{"windows", 3, false}, // started from a batch file in a command window
		{"windows", 0, false}, // no console, or GetConsoleProcessList missing
		{"linux", 1, false},
		{"darwin", 1, false},
	} {
		if got := lonelyConsole(c.goos, c.procs); got != c.want {
			t.Errorf("lonelyConsole(%s, %d) = %v, want %v", c.goos, c.procs, got, c.want)
		}
	}
}

func lonelyEnv(out, errb *bytes.Buffer, waited *int) *env {
	return &env{
		stdin: strings.NewReader(""), stdout: out, stderr: errb, readFile: os.ReadFile,
		now:     func() time.Time { return time.Date(2018, 1, 10, 9, 0, 0, 0, time.UTC) },
		getenv:  func(string) string { return "" },
		console: console{lonely: true, waitKey: func() { *waited++ }},
	}
}

// TestDoubleClick: started by a double click (a console of its own) with
// no arguments, zwgk explains in Chinese how it is used and waits for a
// key; with arguments (a folder dropped on zwgk.exe) it runs them and then
// waits; from a command window it never waits.
func TestDoubleClick(t *testing.T) {
	var out, errb bytes.Buffer
	waited := 0
	if code := run(nil, lonelyEnv(&out, &errb, &waited)); code != 0 {
		t.Errorf("exit status %d, want 0", code)
	}
	for _, want := range []string{"命令窗口", "地址栏里输入 cmd", "zwgk audit 示例区县", "使用说明.txt", pressAnyKey} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("double-click text lacks %q:\n%s", want, out.String())
		}
	}
	if waited != 1 {
		t.Errorf("waited for %d keys, want 1", waited)
	}

	out.Reset()
	errb.Reset()
	waited = 0
	code := run([]string{"audit", "../../samples/district/金积镇.xlsx"}, lonelyEnv(&out, &errb, &waited))
	if code != 0 || waited != 1 || !strings.Contains(out.String(), "金积镇") || !strings.HasSuffix(out.String(), pressAnyKey+"\n") {
		t.Errorf("dropped file: exit %d, waited %d, output:\n%s\nstderr:\n%s", code, waited, out.String(), errb.String())
	}

	out.Reset()
	waited = 0
	e := lonelyEnv(&out, &errb, &waited)
	e.console.lonely = false
	run(nil, e)
	if waited != 0 || strings.Contains(out.String(), pressAnyKey) {
		t.Errorf("from a command window: waited %d, output:\n%s", waited, out.String())
	}
}
