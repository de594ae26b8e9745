package workbook

import (
	"errors"
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
	KindZip   = "zip"
	KindOther = "other"
)

// Submission is one unit's submission found by Discover: an .xlsx workbook,
// a folder of CSV files, a .zip of either, or another file that Read will
// explain it cannot read.
type Submission struct {
	Path string
	Kind string // KindXLSX, KindCSV, KindZip or KindOther
	// Err is set when the path could not be searched or opened (a folder
	// without permission, a symbolic link loop given on the command line, a
	// path that is gone): the submission is listed as unreadable with this
	// reason and never read; the others are audited.
	Err *UnreadableError
}

// skipName reports whether a file or folder is skipped silently: hidden
// (.name) or an Office lock file (~$name).
func skipName(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasPrefix(name, "~$")
}

// spreadsheetExt reports whether a file found in a folder is a submission
// file: .xlsx, .xlsm and .zip are read; .xls, .et, .xlsb, .ods are reported
// as formats to convert.
func spreadsheetExt(p string) bool {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".xlsx", ".xlsm", ".xls", ".et", ".xlsb", ".ods", ".zip":
		return true
	}
	return false
}

// fileKind is the kind of a submission file by its extension.
func fileKind(p string) string {
	switch strings.ToLower(filepath.Ext(p)) {
	case ".xlsx", ".xlsm":
		return KindXLSX
	case ".zip":
		return KindZip
	}
	return KindOther
}

// Discover walks the paths (files or folders, recursively) and returns the
// submissions in them, sorted by path, and warnings about files that look
// like a unit's sheets but are not a submission.
//
// A file given is one submission. In a folder:
//   - each .xlsx, .xlsm or .zip file is one; .xls, .et, .xlsb and .ods files
//     are returned as KindOther so that they can be reported as unreadable;
//     other files (a README, a scanned PDF) are not submissions;
//   - a folder that directly holds CSV files, at least one named after a
//     sheet of the default schema, is one unit's CSV folder (KindCSV) —
//     unless it also holds other submissions (a workbook or .zip beside the
//     CSV files, or a subfolder with submissions in it): then it is a folder
//     of many units, and its CSV files are loose sheets, named in a warning
//     and not read (they would be a phantom unit named after the folder);
//   - a folder whose CSV files are not named after any sheet, and that holds
//     no other submission, gives each CSV file as KindOther.
//
// Hidden files and folders found in a folder, and Office lock files (~$…,
// also when given, as a shell's * matches them), are skipped silently.
//
// A path that cannot be searched — a folder (given, or found inside one)
// that cannot be listed, a path given that is missing or a symbolic link
// loop (what a shell glob can give) — is one Submission with Err set, and
// the search goes on; the error is only for a run where every path given is
// missing.
func Discover(paths []string) ([]Submission, []msg.Text, error) {
	schema := checklists.DefaultSchema()
	d := &discovery{sp: newSpec(schema), seen: map[string]bool{}, dirs: map[string]bool{}, district: map[string]bool{}}
	for _, t := range schema.DistrictTables() {
		for _, n := range append([]string{t.Sheet}, t.SheetAliases...) {
			d.district[checklists.Fold(n)] = true
		}
	}
	missing := 0
	for _, root := range paths {
		fi, err := os.Stat(root)
		root = filepath.Clean(root)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				missing++
			}
			d.fail(root, pathError(root, err))
			continue
		}
		if !fi.IsDir() {
			if !strings.HasPrefix(filepath.Base(root), "~$") {
				d.add(root, fileKind(root))
			}
			continue
		}
		d.walk(root)
	}
	if missing == len(paths) && missing > 0 {
		return nil, nil, msg.Errorf("找不到报送材料「%s」（文件或文件夹不存在）", "cannot find the submission \"%s\" (no such file or folder)", paths[0])
	}
	slices.SortFunc(d.subs, func(a, b Submission) int { return strings.Compare(a.Path, b.Path) })
	return d.subs, d.warnings, nil
}

// pathError says why a path could not be searched.
func pathError(p string, err error) *UnreadableError {
	var text msg.Text
	switch {
	case loop(p, err):
		text = msg.New("符号链接形成循环，指不到任何文件，没有审核", "a loop of symbolic links that leads to no file; not audited")
	case errors.Is(err, fs.ErrNotExist):
		text = msg.New("找不到这个文件或文件夹（或是指向不存在文件的符号链接），没有审核", "no such file or folder (or a symbolic link to nothing); not audited")
	case errors.Is(err, fs.ErrPermission):
		text = msg.New("没有读取权限，没有审核；请检查这个文件或文件夹的权限", "permission denied; not audited: check the permissions of the file or folder")
	default:
		text = msg.Both("无法读取（%s），没有审核", []any{err.Error()}, "cannot be read (%s); not audited", []any{err.Error()})
	}
	return &UnreadableError{Path: p, Text: text, Err: err}
}

// loop reports whether p, which could not be opened with err, is a
// symbolic link in a loop: a link whose target is neither missing nor
// forbidden.
func loop(p string, err error) bool {
	fi, lerr := os.Lstat(p)
	return lerr == nil && fi.Mode()&fs.ModeSymlink != 0 && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission)
}

// fail lists a path that could not be searched, once.
func (d *discovery) fail(p string, ue *UnreadableError) {
	if d.seen[p] {
		return
	}
	d.seen[p] = true
	d.subs = append(d.subs, Submission{Path: p, Kind: KindOther, Err: ue})
}

// discovery is the state of one Discover call.
type discovery struct {
	sp       *spec
	seen     map[string]bool
	dirs     map[string]bool // folders walked, by their real path
	subs     []Submission
	warnings []msg.Text
	// district holds the folded names of the built-in district tables: a
	// file so named in a folder (政府信息公开目录.csv) is the district's
	// evidence, given with --table, not a unit's submission.
	district map[string]bool
}

// add adds a submission once, however many links lead to it.
func (d *discovery) add(p, kind string) {
	key := p
	if real, err := filepath.EvalSymlinks(p); err == nil {
		key = real
	}
	if !d.seen[key] {
		d.seen[key] = true
		d.subs = append(d.subs, Submission{Path: p, Kind: kind})
	}
}

// walked reports whether the folder real, or one inside it, has been
// searched: a link to it leads back up (a loop) or searches twice.
func (d *discovery) walked(real string) bool {
	for w := range d.dirs {
		if w == real || strings.HasPrefix(w, real+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// walk adds the submissions in dir and below, and reports whether it found
// any; a folder that cannot be listed is a failed submission, and the walk
// goes on beside it.
func (d *discovery) walk(dir string) bool {
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		if d.dirs[real] {
			return false // walked already: a link back up, or the same folder twice
		}
		d.dirs[real] = true
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		d.fail(dir, pathError(dir, err))
		return true
	}
	found := false
	var csvs []string
	sheet := false
	for _, e := range ents {
		if skipName(e.Name()) {
			continue
		}
		p := filepath.Join(dir, e.Name())
		typ, target := e.Type(), ""
		if typ&fs.ModeSymlink != 0 {
			// A link is followed once: to what it points at, through its
			// real path; a dangling link or a loop is named.
			fi, err := os.Stat(p)
			if err != nil {
				d.warnings = append(d.warnings, msg.New("%s 是符号链接，指向的文件不存在或形成循环，已跳过，没有审核",
					"%s is a symbolic link to nothing (missing, or a loop); skipped, not audited", filepath.ToSlash(p)))
				continue
			}
			typ = fi.Mode().Type()
			if real, err := filepath.EvalSymlinks(p); err == nil {
				if typ.IsDir() && d.walked(real) {
					d.warnings = append(d.warnings, msg.New("%s 是指向已经查找过的文件夹（%s）的符号链接，没有再次进入",
						"%s is a symbolic link to a folder already searched (%s); not searched again", filepath.ToSlash(p), filepath.ToSlash(real)))
					continue
				}
				if !typ.IsDir() {
					target = real
				}
			}
		}
		if zh, en := specialKind(typ); zh != "" {
			// A FIFO, device or socket is never opened (it could block
			// for ever); one named like a submission is named.
			if strings.EqualFold(filepath.Ext(p), ".csv") || spreadsheetExt(p) {
				d.warnings = append(d.warnings, msg.Both(
					"%s 是%s，不是普通文件，已跳过，没有审核", []any{filepath.ToSlash(p), zh},
					"%s is %s, not a regular file; skipped, not audited", []any{filepath.ToSlash(p), en}))
			}
			continue
		}
		if target != "" {
			p = target // a linked file is read through its real path
		}
		if !typ.IsDir() && d.district[checklists.Fold(strings.TrimSuffix(e.Name(), filepath.Ext(e.Name())))] {
			continue
		}
		switch {
		case typ.IsDir():
			found = d.walk(p) || found
		case strings.EqualFold(filepath.Ext(p), ".csv"):
			csvs = append(csvs, p)
			if ts, _ := d.sp.match(strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))); ts != nil {
				sheet = true
			}
		case typ.IsRegular() && spreadsheetExt(p):
			d.add(p, fileKind(p))
			found = true
		}
	}
	switch {
	case len(csvs) == 0:
	case found:
		names := make([]string, len(csvs))
		for i, c := range csvs {
			names[i] = filepath.Base(c)
		}
		list := msg.List(names)
		d.warnings = append(d.warnings, msg.Both(
			"%s 中散放的 %s 不是一个单位的报送材料，没有审核：这个文件夹里放着各单位的报送材料；如果它们是某个单位的台账，请放进以该单位命名的文件夹",
			[]any{filepath.ToSlash(dir), list.Zh},
			"loose sheet files in %s (%s) are not a unit's submission and were not audited: the folder holds the units' submissions; if they are one unit's registers, put them in a folder named after the unit",
			[]any{filepath.ToSlash(dir), list.En}))
	case sheet:
		d.add(dir, KindCSV)
		found = true
	default:
		for _, c := range csvs {
			d.add(c, KindOther)
		}
		found = true
	}
	return found
}
