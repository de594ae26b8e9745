package synth

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/xuri/excelize/v2"
)

// ReadStats counts what a bare read went through.
type ReadStats struct {
	Files  int
	Sheets int
	Rows   int64 // rows yielded by the Rows iterator, headers and blank rows included
	Cells  int64
}

// Workbooks lists the .xlsx files under dir, sorted, skipping hidden files
// and folders and Office lock files (~$…) as `zwgk audit` does.
func Workbooks(dir string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		name := d.Name()
		if p != dir && (strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && strings.EqualFold(filepath.Ext(name), ".xlsx") {
			out = append(out, p)
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// BareRead is the floor the audit is measured against: it opens every
// workbook with the options the audit uses (raw cell values, the same unzip
// limits) and streams every cell of every sheet with excelize's Rows
// iterator on jobs goroutines (0 means GOMAXPROCS), throwing the values
// away.
func BareRead(files []string, jobs int) (ReadStats, error) {
	return BareReadWith(files, jobs, readAll)
}

// BareReadWith is BareRead with another reader of one workbook, which
// returns the sheets, rows and cells it read (the bare read of zwgk's own
// sheet reader, workbook.ScanXLSX, in samples/gen/bareread).
func BareReadWith(files []string, jobs int, readAll func(path string) (sheets, rows, cells int64, err error)) (ReadStats, error) {
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	var (
		sheets, rows, cells atomic.Int64
		wg                  sync.WaitGroup
		mu                  sync.Mutex
		firstErr            error
	)
	work := make(chan string)
	for range min(jobs, max(len(files), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				s, r, c, err := readAll(p)
				sheets.Add(s)
				rows.Add(r)
				cells.Add(c)
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	for _, p := range files {
		work <- p
	}
	close(work)
	wg.Wait()
	return ReadStats{Files: len(files), Sheets: int(sheets.Load()), Rows: rows.Load(), Cells: cells.Load()}, firstErr
}

// The audit's default limits (zwgk audit --max-unzip-mb 512; excelize keeps
// parts under 16 MiB in memory).
const (
	unzipLimit    = 512 << 20
	xmlMemoryUnit = 16 << 20
)

func readAll(path string) (sheets, rows, cells int64, err error) {
	f, err := excelize.OpenFile(path, excelize.Options{RawCellValue: true, UnzipSizeLimit: unzipLimit, UnzipXMLSizeLimit: xmlMemoryUnit})
	if err != nil {
		return 0, 0, 0, fmt.Errorf("bare read %s: %w", path, err)
	}
	defer f.Close()
	for _, s := range f.GetSheetList() {
		it, err := f.Rows(s)
		if err != nil {
			return sheets, rows, cells, fmt.Errorf("bare read %s %s: %w", path, s, err)
		}
		sheets++
		for it.Next() {
			cols, err := it.Columns()
			if err != nil {
				it.Close()
				return sheets, rows, cells, fmt.Errorf("bare read %s %s: %w", path, s, err)
			}
			rows++
			cells += int64(len(cols))
		}
		if err := it.Close(); err != nil {
			return sheets, rows, cells, fmt.Errorf("bare read %s %s: %w", path, s, err)
		}
	}
	return sheets, rows, cells, nil
}
