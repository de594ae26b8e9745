package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// env is the outside world a command sees: streams, files and the clock.
// Tests replace it; nothing else in the program reads os or time directly.
type env struct {
	stdin      io.Reader
	stdout     io.Writer
	stderr     io.Writer
	stderrTTY  bool
	readFile   func(string) ([]byte, error)
	now        func() time.Time
	getenv     func(string) string
	goMaxProcs int
}

func newEnv() *env {
	return &env{
		stdin:     os.Stdin,
		stdout:    os.Stdout,
		stderr:    os.Stderr,
		stderrTTY: term.IsTerminal(int(os.Stderr.Fd())),
		readFile:  os.ReadFile,
		now:       time.Now,
		getenv:    os.Getenv,
	}
}

// exitError carries an exit status; its message, if any, is printed once.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit status %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// ExitCode is the process exit status.
func (e *exitError) ExitCode() int { return e.code }

// The exit statuses of shared/spec/cli.md.
const (
	exitOK       = 0
	exitFindings = 1
	exitError2   = 2
)

func usageError(format string, args ...any) error {
	return &exitError{code: exitError2, err: fmt.Errorf(format, args...)}
}

// run executes the command line and returns the exit status; it is the only
// place an error is printed.
func run(args []string, e *env) int {
	cmd := newRoot(e)
	cmd.SetArgs(args)
	err := cmd.Execute()
	if err == nil {
		return exitOK
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintf(e.stderr, "zwgk: %s\n", ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(e.stderr, "zwgk: %s\n", err)
	return exitError2
}
