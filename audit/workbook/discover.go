package workbook

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
)

// The kinds of Submission.
const (
	KindXLSX  = "xlsx"
	KindCSV   = "csv"
	KindOther = "other"
)

// Submission is one unit's submission found by Discover: an .xlsx workbook,
// a folder of CSV files, or another file that Read will explain it cannot
// read.
type Submission struct {
	Path string
	Kind string // KindXLSX, KindCSV or KindOther
}

// skipName reports whether a file or folder is skipped silently: hidden
// (.name) or an Office lock file (~$name).
func skipName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")
}

// spreadsheetExt reports whether a file found in a folder is a spreadsheet:
// .xlsx and .xlsm are read; .xls, .et, .xlsb, .ods are reported as formats to
// convert.
func spreadsheetExt(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".xlsx", ".xlsm", ".xls", ".et", ".xlsb", ".ods":
		return true
	}
	return false
}

// Discover walks the paths (files or folders, recursively) and returns the
// submissions in them, sorted by path: each .xlsx (or .xlsm) file is one; a
// folder directly holding CSV files named after a sheet of the default
// schema is one; other spreadsheets found in a folder (.xls, .et, .xlsb,
// .ods) and files named directly are returned as KindOther so that they can
// be reported as unreadable; other files in a folder are not submissions. Hidden files and folders found in a folder, and
// Office lock files (~$…, also when given, as a shell's * matches them), are
// skipped silently.
func Discover(paths []string) ([]Submission, error) {
	sp := newSpec(checklists.DefaultSchema())
	seen := map[string]bool{}
	var subs []Submission
	add := func(p, kind string) {
		if !seen[p] {
			seen[p] = true
			subs = append(subs, Submission{Path: p, Kind: kind})
		}
	}
	fileKind := func(p string) string {
		switch strings.ToLower(filepath.Ext(p)) {
		case ".xlsx", ".xlsm":
			return KindXLSX
		}
		return KindOther
	}
	for _, root := range paths {
		fi, err := os.Stat(root)
		if err != nil {
			return nil, msg.Errorf("找不到报送材料「%s」：%w", "cannot find the submission %q: %w", root, err)
		}
		root = filepath.Clean(root)
		if !fi.IsDir() {
			if !strings.HasPrefix(filepath.Base(root), "~$") {
				add(root, fileKind(root))
			}
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != root && skipName(d.Name()) {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.IsDir() {
				if strings.EqualFold(filepath.Ext(p), ".csv") {
					return nil // handled with its folder
				}
				// Inside a folder only spreadsheets are submissions: a README,
				// a scanned PDF or the generator's source next to them are not.
				if d.Type().IsRegular() && spreadsheetExt(p) {
					add(p, fileKind(p))
				}
				return nil
			}
			ents, err := os.ReadDir(p)
			if err != nil {
				return err
			}
			var csvs []string
			unit := false
			for _, e := range ents {
				if e.IsDir() || skipName(e.Name()) || !strings.EqualFold(filepath.Ext(e.Name()), ".csv") {
					continue
				}
				csvs = append(csvs, filepath.Join(p, e.Name()))
				if ts, _ := sp.match(strings.TrimSuffix(e.Name(), filepath.Ext(e.Name()))); ts != nil {
					unit = true
				}
			}
			if unit {
				add(p, KindCSV)
				return nil
			}
			for _, c := range csvs {
				add(c, KindOther)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("discover submissions: %w", err)
		}
	}
	slices.SortFunc(subs, func(a, b Submission) int { return strings.Compare(a.Path, b.Path) })
	return subs, nil
}
