package workbook

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
)

// The limits of a .zip submission besides Options.UnzipSizeLimit (the most
// all its files may unzip to).
const (
	// maxZipEntries is the most files and folders a .zip submission may
	// hold: a unit's workbook or CSV folder is a handful.
	maxZipEntries = 1000
	// maxZipRatio is the highest compression ratio of a file above
	// zipRatioFloor bytes: registers compress about 10:1, a zip bomb 1000:1.
	maxZipRatio   = 200
	zipRatioFloor = 1 << 20
)

// zipName is the name of a file in a zip archive as its writer meant it:
// WPS and Windows write Chinese names in GBK without the UTF-8 flag.
func zipName(f *zip.File) string {
	if f.NonUTF8 && !utf8.ValidString(f.Name) {
		if s, err := simplifiedchinese.GB18030.NewDecoder().String(f.Name); err == nil {
			return s
		}
	}
	return f.Name
}

// zipRefusal is a .zip submission refused before anything is unpacked.
func zipRefusal(p string, zh, en string, args ...any) *UnreadableError {
	e := msg.Errorf(zh, en, args...)
	t := msg.Text{Zh: e.In(msg.ZH), En: e.In(msg.EN)}
	return &UnreadableError{Path: p, Text: msg.Both("压缩包 %s 不能读取：%s", []any{filepath.Base(p), t.Zh},
		"cannot read the zip %s: %s", []any{filepath.Base(p), t.En})}
}

// ReadZip reads a .zip holding one unit's submission: an .xlsx workbook or
// a folder of CSV files, at the top of the archive or in one folder. It is
// unpacked into a temporary folder, removed before ReadZip returns, within
// the limits (Options.UnzipSizeLimit, maxZipEntries, maxZipRatio); a zip
// inside the zip, a path out of the archive (absolute, ..), a link, or more
// than one submission inside is an *UnreadableError naming the zip. The
// positions of values and issues name the zip and the file inside it
// (金积镇.zip/公文台账.csv).
func (rd *Reader) ReadZip(p string) (*audit.Unit, error) {
	if fi, err := os.Stat(p); err == nil {
		if ue := notRegular(p, fi.Mode()); ue != nil {
			return nil, ue
		}
	}
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, zipRefusal(p, "压缩包已损坏（%s），请重新压缩后报送", "the archive is damaged (%s); zip it again", err.Error())
	}
	defer zr.Close()
	if len(zr.File) > maxZipEntries {
		return nil, zipRefusal(p, "其中有 %d 个文件，超过 %d 个的上限；一个压缩包只放一个单位的工作簿或 CSV 文件夹",
			"it holds %d files, more than the limit of %d; a zip holds one unit's workbook or CSV folder", len(zr.File), maxZipEntries)
	}
	var total uint64
	type entry struct {
		f    *zip.File
		name string // cleaned, slash-separated, relative
	}
	var files []entry
	for _, f := range zr.File {
		name := strings.ReplaceAll(zipName(f), "\\", "/")
		clean := path.Clean(name)
		if strings.HasPrefix(name, "/") || (len(name) > 1 && name[1] == ':') || clean == ".." || strings.HasPrefix(clean, "../") {
			return nil, zipRefusal(p, "其中的「%s」指向压缩包以外的位置", "the entry %q points outside the archive", name)
		}
		if f.Mode()&os.ModeSymlink != 0 {
			return nil, zipRefusal(p, "其中的「%s」是一个链接", "the entry %q is a link", name)
		}
		if f.FileInfo().IsDir() || strings.HasSuffix(name, "/") {
			continue
		}
		parts := strings.Split(clean, "/")
		if parts[0] == "__MACOSX" || skipName(parts[len(parts)-1]) {
			continue
		}
		switch strings.ToLower(path.Ext(clean)) {
		case ".zip", ".rar", ".7z", ".gz", ".tar":
			return nil, zipRefusal(p, "其中又有压缩包「%s」；请直接压缩工作簿或 CSV 文件夹", "it holds another archive, %q; zip the workbook or CSV folder itself", name)
		}
		if f.UncompressedSize64 > zipRatioFloor && f.UncompressedSize64 > maxZipRatio*max(f.CompressedSize64, 1) {
			return nil, zipRefusal(p, "其中的「%s」压缩比异常（%d 字节解压为 %d 字节），疑似“压缩炸弹”", "the entry %q has an abnormal compression ratio (%d bytes unzip to %d): a zip bomb?",
				name, f.CompressedSize64, f.UncompressedSize64)
		}
		total += f.UncompressedSize64
		files = append(files, entry{f, clean})
	}
	if total > uint64(rd.opts.UnzipSizeLimit) {
		zh, en := sizeText(rd.opts.UnzipSizeLimit)
		return nil, zipRefusal(p, "解压后超过 %s 的上限", "it unzips to more than the %s limit", msg.Text{Zh: zh, En: en})
	}

	tmp, err := os.MkdirTemp("", "zwgk-zip-*")
	if err != nil {
		return nil, fmt.Errorf("read zip: %w", err)
	}
	defer os.RemoveAll(tmp)
	// The files go into a folder named after the zip, so that a unit named
	// after its folder is named after the zip.
	base := strings.TrimSuffix(filepath.Base(p), filepath.Ext(p))
	if base == "" || skipName(base) {
		base = "zip"
	}
	top := filepath.Join(tmp, base)
	if err := os.Mkdir(top, 0o700); err != nil {
		return nil, fmt.Errorf("read zip: %w", err)
	}
	for _, e := range files {
		if err := unpack(e.f, filepath.Join(top, filepath.FromSlash(e.name))); err != nil {
			if errors.Is(err, errZipLonger) {
				return nil, zipRefusal(p, "其中的「%s」解压后比目录中记录的大小更大，疑似“压缩炸弹”", "the entry %q unzips to more than its recorded size: a zip bomb?", e.name)
			}
			return nil, zipRefusal(p, "压缩包已损坏（%s: %s），请重新压缩后报送", "the archive is damaged (%s: %s); zip it again", e.name, err.Error())
		}
	}
	subs, _, err := Discover([]string{top})
	if err != nil {
		return nil, fmt.Errorf("read zip: %w", err)
	}
	inside := func(s string) string {
		rel, err := filepath.Rel(top, s)
		if err != nil || rel == "." {
			return filepath.Base(p)
		}
		return filepath.Base(p) + "/" + filepath.ToSlash(rel)
	}
	switch {
	case len(subs) == 0:
		return nil, zipRefusal(p, "其中没有 .xlsx 工作簿或 CSV 文件夹", "it holds no .xlsx workbook or CSV folder")
	case len(subs) > 1:
		var names []string
		for _, s := range subs {
			names = append(names, inside(s.Path))
		}
		l := msg.List(names)
		return nil, zipRefusal(p, "其中有 %d 份报送材料（%s）；一个压缩包只放一个单位的工作簿或 CSV 文件夹", "it holds %d submissions (%s); a zip holds one unit's workbook or CSV folder",
			len(subs), l)
	}
	s := subs[0]
	var u *audit.Unit
	if s.Kind == KindCSV {
		u, err = rd.ReadCSVDir(s.Path)
	} else {
		u, err = rd.ReadXLSX(s.Path)
	}
	// Positions and messages name the zip, not the temporary folder.
	rename := func(x string) string {
		if strings.HasPrefix(x, top) {
			return filepath.Base(p) + filepath.ToSlash(x[len(top):])
		}
		return x
	}
	var ue *UnreadableError
	if errors.As(err, &ue) {
		return nil, &UnreadableError{Path: p, Err: ue.Err, Text: msg.Both("压缩包中的 %s：%s", []any{inside(ue.Path), ue.Text.Zh},
			"%s in the zip: %s", []any{inside(ue.Path), ue.Text.En})}
	}
	if err != nil {
		return nil, fmt.Errorf("read zip %s: %s", filepath.Base(p), strings.ReplaceAll(err.Error(), top, filepath.Base(p)))
	}
	u.Source = p
	for _, t := range u.Tables {
		t.File = rename(t.File)
	}
	for i := range u.Issues {
		is := &u.Issues[i]
		is.Pos.File = rename(is.Pos.File)
		is.Text.Zh = strings.ReplaceAll(is.Text.Zh, top, filepath.Base(p))
		is.Text.En = strings.ReplaceAll(is.Text.En, top, filepath.Base(p))
	}
	return u, nil
}

// errZipLonger is a file that inflates to more than its recorded size.
var errZipLonger = errors.New("entry longer than recorded")

// unpack writes one file of the archive to dst, never more than its
// recorded size.
func unpack(f *zip.File, dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return err
	}
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	n, err := io.Copy(out, io.LimitReader(rc, int64(f.UncompressedSize64)+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if uint64(n) > f.UncompressedSize64 {
		return errZipLonger
	}
	return nil
}
