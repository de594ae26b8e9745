package main

import (
	"bufio"
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
	reportFormats = []string{".xlsx", ".json", ".csv"}
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
			return usagef("-o %s: 这是一个输入文件，zwgk 不会覆盖报送材料", "-o %s: this is an input; zwgk never writes over submissions", o)
		}
		if _, err := os.Stat(o); err == nil && !force {
			return usagef("-o %s: 文件已存在；如需覆盖，请加 --force", "-o %s: the file exists; add --force to replace it", o)
		}
	}
	return nil
}

// isInput reports whether abs is one of the inputs or lies inside an input folder.
func isInput(abs string, inputs []string) bool {
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
		if fi, err := os.Stat(in); err == nil && fi.IsDir() {
			if rel, err := filepath.Rel(a, abs); err == nil && !strings.HasPrefix(rel, "..") {
				// A report inside a submissions folder would be read as a
				// submission next time; only workbooks and CSV matter.
				ext := strings.ToLower(filepath.Ext(abs))
				if ext == ".xlsx" || ext == ".csv" {
					return true
				}
			}
		}
	}
	return false
}

// writeAtomic writes a file through a temporary file in the same folder and
// a rename, so a crash or Ctrl-C never leaves half a report.
func writeAtomic(path string, force bool, write func(io.Writer) error) (err error) {
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
	bw := bufio.NewWriterSize(tmp, 1<<20)
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
	if err := os.Rename(tmp.Name(), path); err != nil {
		return msg.Errorf("写入 %s: %w", "write %s: %w", path, err)
	}
	return nil
}
