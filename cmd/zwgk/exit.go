package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"

	"github.com/zwgk/zwgk/checklists/msg"
)

// env is the outside world a command sees: streams, files and the clock.
// Tests replace it; nothing else in the program reads os or time directly.
type env struct {
	stdin      io.Reader
	stdout     io.Writer
	stderr     io.Writer
	stderrTTY  bool
	stdoutTTY  bool    // --format csv starts with a byte-order mark unless stdout is a terminal
	console    console // escape sequences understood; started by a double click (console.go)
	readFile   func(string) ([]byte, error)
	now        func() time.Time
	getenv     func(string) string
	goMaxProcs int
	// ctx is cancelled when the run is to stop (SIGINT, SIGTERM); nil is
	// never cancelled (tests).
	ctx context.Context
}

func newEnv() *env {
	return &env{
		stdin:     os.Stdin,
		stdout:    os.Stdout,
		stderr:    os.Stderr,
		stderrTTY: term.IsTerminal(int(os.Stderr.Fd())),
		stdoutTTY: term.IsTerminal(int(os.Stdout.Fd())),
		console:   consoleState(os.Stderr),
		readFile:  readFileLocalized(os.ReadFile),
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

// In returns the message in lang.
func (e *exitError) In(lang msg.Lang) string { return msg.Local(e.err, lang) }

// usage makes err a usage error: exit status 2, err printed as it is.
func usage(err error) error { return &exitError{code: exitError2, err: err} }

// usagef is usage of a message in both languages (msg.Errorf).
func usagef(zh, en string, args ...any) error { return usage(msg.Errorf(zh, en, args...)) }

// unreadableError is the error of a run in which some submissions could
// not be read (the others were reported).
func unreadableError(files []string) error {
	return msg.Errorf("%d 份报送材料无法读取：%s", "%d submissions could not be read: %s", len(files), msg.List(files))
}

// run executes the command line and returns the exit status; it is the only
// place an error is printed, in the language of --lang.
func run(args []string, e *env) int {
	if e.console.lonely {
		// Started by a double click: the window would close at once.
		defer holdConsole(e.stdout, e.console, args)
		if len(args) == 0 {
			return exitOK
		}
	}
	g := &globalOptions{}
	cmd := newRoot(e, g)
	localizeCommands(cmd, argsLang(args))
	cmd.SetArgs(args)
	c, err := cmd.ExecuteC()
	err = withUseLine(cobraError(fileError(err)), c)
	if ie := interruption(e.context()); ie != nil {
		// Whatever the command was doing when the signal came, it stopped
		// and its deferred clean-up ran: say so, with 128 + the signal.
		err = ie
	}
	if err == nil {
		return exitOK
	}
	code := exitError2
	var ec interface{ ExitCode() int }
	if errors.As(err, &ec) {
		code = ec.ExitCode()
	}
	var ee *exitError
	if errors.As(err, &ee) && ee.err == nil {
		return code // the command has said all there is to say
	}
	lang := argsLang(args) // also when cobra failed before it parsed --lang
	fmt.Fprintf(e.stderr, "zwgk: %s\n", msg.Escape(msg.Local(err, lang)))
	return code
}
