package main

import (
	"path/filepath"
	"sync"

	"github.com/schollz/progressbar/v3"

	"github.com/zwgk/zwgk/checklists/msg"
)

// progress shows units done / total and the current file on standard error
// when it is a terminal, and nothing otherwise (CI, pipes).
type progress struct {
	mu  sync.Mutex
	bar *progressbar.ProgressBar
}

func newProgress(e *env, total int, what string) *progress {
	show, ansi := progressStyle(e.stderrTTY, e.console.ansi)
	if !show || total < 2 {
		return nil
	}
	return &progress{bar: progressbar.NewOptions(total,
		progressbar.OptionSetWriter(e.stderr),
		progressbar.OptionSetDescription(what),
		progressbar.OptionShowCount(),
		progressbar.OptionSetWidth(30),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionUseANSICodes(ansi),
	)}
}

func (p *progress) start(path string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar.Describe(msg.Escape(filepath.Base(path)))
}

func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bar.Add(1)
}

func (p *progress) finish() {
	if p == nil {
		return
	}
	p.bar.Finish()
}
