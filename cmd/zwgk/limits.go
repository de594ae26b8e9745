package main

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/audit/workbook"
	"github.com/zwgk/zwgk/checklists"
)

// inputOptions are the flags of every command that reads submissions: extra
// calendar files, the number of workers, and the guards against hostile or
// broken files (the defaults suit every real register; the flags are for the
// rare legitimate giant).
type inputOptions struct {
	calendars []string
	jobs      int
	verbose   bool
	unzipMB   int64
	maxRows   int
	maxCell   int
	encoding  string
}

func (l *inputOptions) register(cmd *cobra.Command) {
	f := cmd.Flags()
	f.StringArrayVar(&l.calendars, "calendar", nil, "补充或更正工作日历的 YAML 文件；可重复")
	f.IntVar(&l.jobs, "jobs", 0, "同时读取的报送材料数（默认 CPU 核数）")
	f.BoolVarP(&l.verbose, "verbose", "v", false, "同时列出读取时忽略的未知列")
	f.Int64Var(&l.unzipMB, "max-unzip-mb", 512, "一个 .xlsx 解压后的总大小上限（MB），超过即按可疑文件拒绝")
	f.IntVar(&l.maxRows, "max-rows", workbook.DefaultMaxRows, "一个工作表（或一个 CSV 文件）的行数上限")
	f.IntVar(&l.maxCell, "max-cell", 32767, "一个单元格的字数上限（Excel 本身的上限是 32767；按每字3字节的 UTF-8 计）")
	f.StringVar(&l.encoding, "encoding", "", "CSV 的文本编码：utf-8、gbk、gb18030 或 utf-16（默认自动识别）")
}

// files are the input files the shared flags name (for inputFiles).
func (l *inputOptions) files() []string { return slices.Clone(l.calendars) }

func (l *inputOptions) workbookOptions(c *checklists.Checklist) workbook.Options {
	return workbook.Options{
		Schema:         c.Schema,
		UnzipSizeLimit: l.unzipMB << 20,
		MaxRows:        l.maxRows,
		MaxCellBytes:   3 * l.maxCell, // a Chinese character is three bytes of UTF-8
		Encoding:       l.encoding,
	}
}

// quiet drops what the reader ignored on purpose (unknown columns) unless
// --verbose asked to see it.
func (l *inputOptions) quiet(u *audit.Unit) {
	if l.verbose {
		return
	}
	u.Issues = slices.DeleteFunc(u.Issues, func(is audit.Issue) bool { return is.Kind == audit.Ignored })
}
