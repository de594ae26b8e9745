package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/audit/workbook"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/calendar"
	"github.com/zwgk/zwgk/checklists/msg"
)

// loadChecklist resolves --checklist (an embedded id or a file) with the
// --calendar files; errors are usage errors (exit 2) listing every problem.
func loadChecklist(e *env, idOrFile string, calendarFiles []string) (*checklists.Checklist, error) {
	var extra []*calendar.File
	for _, name := range calendarFiles {
		f, err := loadCalendarFile(e, name)
		if err != nil {
			return nil, err
		}
		extra = append(extra, f)
	}
	if idOrFile == "" {
		idOrFile = checklists.Default()
	}
	c, err := checklists.Resolve(idOrFile, e.readFile, checklists.LoadOptions{Calendars: extra})
	if err != nil {
		return nil, usage(msg.Errorf("指标体系 %s 有错误：\n%w", "the checklist %s has errors:\n%w", idOrFile, err))
	}
	return c, nil
}

func loadCalendarFile(e *env, name string) (*calendar.File, error) {
	data, err := e.readFile(name)
	if err != nil {
		return nil, usage(msg.Errorf("--calendar %s: %w", "--calendar %s: %w", name, err))
	}
	f, err := calendar.Parse(name, data)
	if err != nil {
		return nil, usage(err)
	}
	return f, nil
}

// readResult is one submission read (unit set) or not (err set); source is
// its path with forward slashes, as results name it.
type readResult struct {
	source string
	unit   *audit.Unit
	err    error
}

// readAll reads the submissions with a bounded pool of workers and calls
// each(i, r) as every one is read; the caller stores by index, so the order
// of the output never depends on scheduling. each runs on the workers.
func readAll(e *env, subs []workbook.Submission, in *inputOptions, c *checklists.Checklist, prog *progress, each func(i int, r readResult)) {
	rd := workbook.NewReader(in.workbookOptions(c))
	jobs := in.jobs
	if jobs <= 0 {
		jobs = e.goMaxProcs
	}
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(jobs, max(len(subs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				s := subs[i]
				prog.start(s.Path)
				source := filepath.ToSlash(s.Path)
				var u *audit.Unit
				var err error
				if s.Err != nil {
					err = s.Err // a path Discover could not search
				} else {
					u, err = rd.Read(s.Path)
				}
				if u != nil {
					u.Source = source
					in.quiet(u)
				}
				each(i, readResult{source: source, unit: u, err: err})
				prog.done()
			}
		}()
	}
	// A signal stops the handing out of submissions; those being read
	// are finished (and their files closed, which removes excelize's
	// temporary files).
	ctx := e.context()
feed:
	for i := range subs {
		select {
		case work <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(work)
	wg.Wait()
}

// discover finds the submissions in paths, and the warnings about loose
// sheet files that are not one (workbook.Discover).
func discover(paths []string) ([]workbook.Submission, []msg.Text, error) {
	if len(paths) == 0 {
		return nil, nil, usagef("请指定要审核的报送材料：一个 .xlsx 文件、一个单位的 CSV 文件夹，或放着各单位报送材料的文件夹", "name the submissions to audit: a .xlsx file, one unit's folder of CSV files, or a folder holding the units' submissions")
	}
	subs, warnings, err := workbook.Discover(paths)
	if err != nil {
		return nil, nil, usage(err)
	}
	for i := range subs {
		// Names in results use / on every system (Windows opens them too).
		subs[i].Path = filepath.ToSlash(subs[i].Path)
	}
	if len(subs) == 0 {
		err := msg.Errorf("在 %s 中没有找到报送材料（.xlsx 文件、.zip 或 CSV 文件夹）", "no submissions (.xlsx files, .zip files or CSV folders) found in %s", msg.List(paths))
		for _, w := range warnings {
			err = msg.Errorf("%w\n%s", "%w\n%s", err, w)
		}
		return nil, nil, usage(err)
	}
	return subs, warnings, nil
}

// printWarnings writes the warnings of a command that makes no result to
// standard error.
func printWarnings(e *env, warnings []msg.Text, lang msg.Lang) {
	for _, w := range warnings {
		fmt.Fprintf(e.stderr, "zwgk: %s%s\n", msg.Pick(lang, "提示：", "warning: "), msg.Escape(w.In(lang)))
	}
}

// failureText is why a submission could not be read, in both languages and
// without its path (the result names the file beside the message).
func failureText(err error) msg.Text {
	var ue *workbook.UnreadableError
	if errors.As(err, &ue) {
		return ue.Text
	}
	return msg.Text{Zh: err.Error(), En: err.Error()}
}
