package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/zwgk/zwgk/checklists/msg"
)

// signalCause is why a run's context was cancelled: a signal received.
type signalCause struct{ sig os.Signal }

func (c *signalCause) Error() string { return c.sig.String() + " received" }

// notifySignals returns a context cancelled, with a *signalCause, on the
// first SIGINT or SIGTERM; notice is told at once (so the user sees the
// signal was heard while temporary files are removed). A second signal ends
// the program the default way. stop releases the handler. (Like
// signal.NotifyContext, but the cause keeps the signal, which decides the
// exit status: 130 for SIGINT, 143 for SIGTERM.)
func notifySignals(notice func(os.Signal)) (ctx context.Context, stop func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			signal.Stop(ch)
			cancel(&signalCause{s})
			if notice != nil {
				notice(s)
			}
		case <-done:
		}
	}()
	return ctx, func() {
		close(done)
		signal.Stop(ch)
		cancel(nil)
	}
}

// runMain is the program: run with SIGINT and SIGTERM turned into the
// cancellation of its context.
func runMain(args []string, stderr io.Writer) int {
	ctx, stop := notifySignals(func(s os.Signal) {
		fmt.Fprintf(stderr, "zwgk: 收到 %s 信号，正在停止并删除临时文件… (stopping: %s)\n", signalName(s), signalName(s))
	})
	defer stop()
	e := newEnv()
	e.ctx = ctx
	return run(args, e)
}

func signalName(s os.Signal) string {
	switch s {
	case os.Interrupt:
		return "SIGINT"
	case syscall.SIGTERM:
		return "SIGTERM"
	}
	return s.String()
}

// interruption is the error of a run stopped by a signal: exit status 128 +
// the signal's number, and what was cleaned up; nil when ctx was not
// cancelled by a signal.
func interruption(ctx context.Context) *exitError {
	var sc *signalCause
	if !errors.As(context.Cause(ctx), &sc) {
		return nil
	}
	code := 130
	if n, ok := sc.sig.(syscall.Signal); ok {
		code = 128 + int(n)
	}
	return &exitError{code: code, err: msg.Errorf("已中断（%s）：没有写完的报告和临时文件已删除，输入文件未改动",
		"interrupted (%s): unfinished reports and temporary files were removed; no input was changed", signalName(sc.sig))}
}

// context returns the run's context (cancelled on SIGINT or SIGTERM).
func (e *env) context() context.Context {
	if e.ctx == nil {
		return context.Background()
	}
	return e.ctx
}

// ctxWriter fails every write once ctx is done, so that a report being
// written when a signal comes stops, and its temporary file is removed.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
