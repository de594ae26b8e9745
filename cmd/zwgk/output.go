package main

import (
	"bufio"
	"context"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/zwgk/zwgk/checklists/msg"
)

// Output formats by command.
var (
	reportFormats = []string{".xlsx", ".json", ".csv", ".docx"}
	xlsxOnly      = []string{".xlsx"}
)

// checkOutputs checks the -o files before any work is done: one of the
// formats, never twice, never an input, never an existing file without --force.
func checkOutputs(outs, inputs []string, force bool, formats []string) error {
	seen := map[string]bool{}
	for _, o := range outs {
		if !slices.Contains(formats, strings.ToLower(filepath.Ext(o))) {
			return usagef("-o %s: 不支持的格式，扩展名应为 %s", "-o %s: unsupported format; the extension must be %s", o, msg.List(formats))
		}
		abs, err := filepath.Abs(o)
		if err != nil {
			return usage(msg.Errorf("-o %s: %w", "-o %s: %w", o, err))
		}
		if seen[abs] {
			return usagef("-o %s: 重复指定了同一个输出文件", "-o %s: the same output file is named twice", o)
		}
		seen[abs] = true
		if isInput(abs, inputs) {
			return usagef("-o %s: 这是一个输入文件，zwgk 不会覆盖输入（报送材料、指标体系、名单、复核文件、日历、区级表、评分表）", "-o %s: this is an input; zwgk never writes over its inputs (submissions, checklist, roster, review, calendar, district tables, score sheet)", o)
		}
		if _, err := os.Stat(o); err == nil && !force {
			return usagef("-o %s: 文件已存在；如需覆盖，请加 --force", "-o %s: the file exists; add --force to replace it", o)
		}
		if err := writableDir(filepath.Dir(abs)); err != nil {
			return usage(msg.Errorf("-o %s: 无法在这个文件夹中写入文件：%w", "-o %s: cannot write a file in its folder: %w", o, err))
		}
	}
	return nil
}

// isInput reports whether abs is one of the inputs or lies inside an input folder.
func isInput(abs string, inputs []string) bool {
	out, outErr := os.Stat(abs)
	real := resolve(abs)
	for _, in := range inputs {
		if in == "" {
			continue
		}
		a, err := filepath.Abs(in)
		if err != nil {
			continue
		}
		if a == abs {
			return true
		}
		fi, err := os.Stat(in)
		if err != nil {
			continue
		}
		// The same file under another name: a symbolic or hard link, or
		// another case on a case-insensitive disk.
		if outErr == nil && os.SameFile(fi, out) {
			return true
		}
		if fi.IsDir() && outErr == nil && out.Mode().IsRegular() && linkedInside(a, out) {
			return true // a hard link elsewhere to a file in a submissions folder
		}
		if fi.IsDir() {
			if rel, err := filepath.Rel(resolve(a), real); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				// A report inside a submissions folder would be read as a
				// submission next time; only workbooks, CSV and zips matter.
				switch strings.ToLower(filepath.Ext(abs)) {
				case ".xlsx", ".csv", ".zip":
					return true
				}
			}
		}
	}
	return false
}

// linkedInside reports whether out is the same file as one in the folder
// dir or below (a hard link to it from outside the folder). Only files of
// out's size are compared; the walk follows no links and stops at the first.
func linkedInside(dir string, out fs.FileInfo) bool {
	found := false
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || found {
			return filepath.SkipDir
		}
		if !d.Type().IsRegular() {
			return nil
		}
		if fi, err := d.Info(); err == nil && fi.Size() == out.Size() && os.SameFile(fi, out) {
			found = true
			return filepath.SkipAll
		}
		return nil
	})
	return found
}

// inputFiles lists every input of a command for checkOutputs: the paths
// given (submissions, results), the files of the shared input flags
// (--calendar) and the files of the command's own flags (--checklist,
// --roster, --review, --previous). A new flag that names an input file —
// --scores, --table NAME=FILE — is added to inputOptions.files or passed
// here, so that -o can never be aimed at it.
func inputFiles(paths []string, in *inputOptions, files ...string) []string {
	out := slices.Clone(paths)
	if in != nil {
		out = append(out, in.files()...)
	}
	for _, f := range files {
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}

// resolve returns abs with the symbolic links of its folders (and its own,
// if it exists) resolved, so that a path through a linked folder is seen
// where it really is.
func resolve(abs string) string {
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	if d, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		return filepath.Join(d, filepath.Base(abs))
	}
	return abs
}

// writableDir checks, before any work is done, that a report can be
// written in dir: it exists, is a folder, and a file can be made in it.
func writableDir(dir string) error {
	f, err := os.CreateTemp(dir, ".zwgk-check-*")
	if err != nil {
		return err
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

// writeAtomic writes a file through a temporary file in the same folder and
// a rename, so a crash or Ctrl-C never leaves half a report.
func writeAtomic(path string, force bool, write func(io.Writer) error) (err error) {
	return writeAtomicCtx(context.Background(), path, force, write)
}

// writeAtomicCtx is writeAtomic stopped when ctx is done: the writes fail,
// the temporary file is removed, and nothing is renamed into place.
func writeAtomicCtx(ctx context.Context, path string, force bool, write func(io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return msg.Errorf("写入 %s: %w", "write %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	bw := bufio.NewWriterSize(ctxWriter{ctx: ctx, w: tmp}, 1<<20)
	if err := write(bw); err != nil {
		return msg.Errorf("写入 %s: %w", "write %s: %w", path, err)
	}
	if err := bw.Flush(); err != nil {
		return msg.Errorf("写入 %s: %w", "write %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		return msg.Errorf("写入 %s: %w", "write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return msg.Errorf("写入 %s: %w", "write %s: %w", path, err)
	}
	if !force {
		if _, err := os.Stat(path); err == nil {
			return msg.Errorf("写入 %s: 文件已存在；如需覆盖，请加 --force", "write %s: the file exists; add --force to replace it", path)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return msg.Errorf("写入 %s: %w", "write %s: %w", path, err)
		}
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return msg.Errorf("写入 %s: %w", "write %s: %w", path, err)
	}
	if err := ctx.Err(); err != nil {
		return err // stopped: the temporary file goes, nothing takes the final name
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return msg.Errorf("写入 %s: %w", "write %s: %w", path, err)
	}
	return nil
}
