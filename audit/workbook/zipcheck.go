package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"strings"

	"github.com/xuri/excelize/v2"
	"github.com/zwgk/zwgk/checklists/msg"
)

// zipInfo is what a look at a workbook's archive found: its directory, its
// workbook part (sheets in order, which are hidden, the 1904 date system)
// and the parts the sheets are in (inspectZip); the parts not read for their
// data are checked against their size and checksum by verify.
type zipInfo struct {
	zr       *zip.ReadCloser      // open until Close
	order    []string             // sheet names in workbook order
	hidden   map[string]bool      // sheets hidden or very hidden
	date1904 bool                 // the workbook uses the 1904 date system
	sst      *zip.File            // the shared strings part, if any
	sheets   map[string]*partInfo // sheet name → its worksheet part
	byPart   map[string]*partInfo // lower-cased part name → the same
	parts    []*zip.File          // the .xml and .rels parts, to verify
}

// Close closes the archive.
func (zi *zipInfo) Close() error { return zi.zr.Close() }

// partInfo is what a worksheet part holds besides its rows.
type partInfo struct {
	path   string
	file   *zip.File
	dimRow int // last row of the declared dimension; 0 when absent or A1
	merges []mergeRange
	ended  bool // the closing </worksheet> tag was seen
}

// mergeRange is a merged cell range: 0-based columns, Excel row numbers.
type mergeRange struct{ c1, r1, c2, r2 int }

// ref writes the range as Excel does, like B2:B5.
func (m mergeRange) ref() string {
	return cellName(m.c1+1, m.r1) + ":" + cellName(m.c2+1, m.r2)
}

// maxSmallPart bounds the workbook and relationship parts read into memory.
const maxSmallPart = 16 << 20

// inspectZip looks at the archive of a workbook before excelize opens it:
// its size unzipped, that it is
// a workbook at all, that every XML part passes its checksum and every sheet
// ends properly; and it collects each sheet's dimension and merged ranges.
func inspectZip(p string, limit int64) (*zipInfo, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, damaged(p, msg.TextOf(err), err)
	}
	ok := false
	defer func() {
		if !ok {
			zr.Close()
		}
	}()
	var total uint64
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		total += f.UncompressedSize64
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		files[name] = f
	}
	if total > uint64(limit) {
		zh, en := sizeText(limit)
		return nil, &UnreadableError{Path: p, Text: msg.Text{
			Zh: "文件解压后超过 " + zh + " 的上限；请删去无关的工作表和图片后重新报送",
			En: "the file unzips to more than the " + en + " limit; remove unrelated sheets and pictures and send it again",
		}}
	}
	wbPath := "xl/workbook.xml"
	if rels, err := readRels(files, "_rels/.rels"); err == nil {
		for _, r := range rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wbPath = resolve("", r.Target)
			}
		}
	}
	wbFile := files[strings.ToLower(wbPath)]
	if wbFile == nil {
		return nil, notWorkbook(p, files)
	}
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
		Sheets []struct {
			Name  string `xml:"name,attr"`
			ID    string `xml:"id,attr"`
			State string `xml:"state,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := readXMLPart(wbFile, &wb); err != nil {
		return nil, damaged(p, partError(wbPath, err), err)
	}
	dir := path.Dir(wbPath)
	rels, err := readRels(files, path.Join(dir, "_rels", path.Base(wbPath)+".rels"))
	if err != nil {
		return nil, damaged(p, partError("workbook.xml.rels", err), err)
	}
	info := &zipInfo{zr: zr, sheets: map[string]*partInfo{}, byPart: map[string]*partInfo{}, hidden: map[string]bool{}}
	d1904 := strings.TrimSpace(wb.Pr.Date1904)
	info.date1904 = d1904 == "1" || d1904 == "true"
	byPart := info.byPart
	// excelize reads the shared strings from xl/sharedStrings.xml whatever
	// the relationships say; so do we.
	info.sst = files["xl/sharedstrings.xml"]
	for _, s := range wb.Sheets {
		info.order = append(info.order, s.Name)
		if s.State != "" && s.State != "visible" {
			info.hidden[s.Name] = true
		}
		for _, r := range rels {
			if r.ID == s.ID && r.TargetMode != "External" {
				pi := &partInfo{path: strings.ToLower(resolve(dir, r.Target))}
				if f := files[pi.path]; f != nil && strings.Contains(pi.path, "worksheets/") {
					pi.file = f
					info.sheets[s.Name] = pi
					byPart[pi.path] = pi
				}
			}
		}
	}
	for _, f := range zr.File {
		name := strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))
		if byPart[name] != nil || strings.HasSuffix(name, ".xml") || strings.HasSuffix(name, ".rels") {
			info.parts = append(info.parts, f)
		}
	}
	ok = true
	return info, nil
}

// notWorkbook says what a zip archive without a workbook part is.
func notWorkbook(p string, files map[string]*zip.File) error {
	switch {
	case files["xl/workbook.bin"] != nil:
		return unreadable(p, nil, "这是 Excel 二进制工作簿（.xlsb）；请另存为 .xlsx", "this is an Excel binary workbook (.xlsb); save it as .xlsx")
	case files["word/document.xml"] != nil:
		return unreadable(p, nil, "这是 Word 文档（.docx），不是 Excel 工作簿；请报送 .xlsx 格式的自查台账", "this is a Word document (.docx), not an Excel workbook; send the self-check workbook as .xlsx")
	case files["ppt/presentation.xml"] != nil:
		return unreadable(p, nil, "这是 PowerPoint 演示文稿，不是 Excel 工作簿；请报送 .xlsx 格式的自查台账", "this is a PowerPoint presentation, not an Excel workbook; send the self-check workbook as .xlsx")
	case files["content.xml"] != nil:
		return unreadable(p, nil, "这是 OpenDocument (.ods/.odt) 文件；请另存为 .xlsx", "this is an OpenDocument (.ods/.odt) file; save it as .xlsx")
	}
	return unreadable(p, nil, "这是 zip 压缩包，不是 Excel 工作簿；请解压后报送其中的 .xlsx 工作簿", "this is a zip archive, not an Excel workbook; unpack it and send the .xlsx workbook inside")
}

type rel struct {
	ID         string `xml:"Id,attr"`
	Type       string `xml:"Type,attr"`
	Target     string `xml:"Target,attr"`
	TargetMode string `xml:"TargetMode,attr"`
}

// partError names the part of the archive an error is about.
func partError(part string, err error) msg.Text {
	t := msg.TextOf(err)
	return msg.Text{Zh: part + ": " + t.Zh, En: part + ": " + t.En}
}

func readRels(files map[string]*zip.File, name string) ([]rel, error) {
	f := files[strings.ToLower(name)]
	if f == nil {
		return nil, msg.Errorf("%s 缺失", "%s is missing", name)
	}
	var rels struct {
		Rels []rel `xml:"Relationship"`
	}
	err := readXMLPart(f, &rels)
	return rels.Rels, err
}

// resolve turns a relationship target into a part name.
func resolve(dir, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(dir, target)), "/")
}

func readXMLPart(f *zip.File, v any) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxSmallPart+1))
	if err != nil {
		return err
	}
	if len(b) > maxSmallPart {
		return msg.Errorf("%s 过大", "%s is too large", f.Name)
	}
	return xml.Unmarshal(b, v)
}

// verify checks every XML part of the archive that is not read for its
// data (those are checked as they are read): each is read to its end, which
// checks its size and checksum, and a worksheet part must end with its
// closing tag.
func (zi *zipInfo) verify(p string, read map[*zip.File]bool) error {
	for _, f := range zi.parts {
		if read[f] {
			continue
		}
		pi := zi.byPart[strings.ToLower(strings.ReplaceAll(f.Name, "\\", "/"))]
		if pi == nil {
			if err := discard(f); err != nil {
				return damaged(p, partError(f.Name, err), err)
			}
			continue
		}
		if err := scanSheet(f, pi); err != nil {
			return damaged(p, partError(f.Name, err), err)
		}
		if !pi.ended {
			return damaged(p, msg.New("%s 不完整", "%s is incomplete", f.Name), nil)
		}
	}
	return nil
}

// discard reads a part to its end, which checks its checksum.
func discard(f *zip.File) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(io.Discard, rc)
	return err
}

// scanSheet reads a worksheet part from the archive to its end (checking
// its checksum) and picks out its <dimension>, its <mergeCell>s and its
// closing tag.
func scanSheet(f *zip.File, pi *partInfo) error {
	rc, err := f.Open()
	if err != nil {
		return err
	}
	defer rc.Close()
	return scanTags(rc, pi)
}

// scanTags reads r to its end and picks out the <dimension>, the
// <mergeCell>s and whether it ends with the closing </worksheet> tag,
// without parsing the XML: in XML text '<' only ever starts a tag.
func scanTags(rc io.Reader, pi *partInfo) error {
	const chunk, keep = 64 << 10, 1 << 10
	buf := make([]byte, 0, chunk+keep)
	dimSeen := false
	var tail []byte
	for {
		n, err := io.ReadFull(rc, buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		eof := err == io.EOF || err == io.ErrUnexpectedEOF
		if err != nil && !eof {
			return err
		}
		// Tags starting before limit are looked at now; later ones may be cut.
		limit := len(buf)
		if !eof {
			limit = len(buf) - keep
		}
		for i := 0; i < limit; {
			j := bytes.IndexByte(buf[i:limit], '<')
			if j < 0 {
				break
			}
			i += j + 1
			name, attrs := tag(buf[i:])
			switch name {
			case "dimension":
				if !dimSeen {
					dimSeen = true
					pi.dimRow = dimensionRow(attr(attrs, "ref"))
				}
			case "mergeCell":
				if m, ok := mergeRef(attr(attrs, "ref")); ok {
					pi.merges = append(pi.merges, m)
				}
			}
		}
		if eof {
			tail = bytes.TrimRight(buf, " \t\r\n\x00")
			break
		}
		n = copy(buf, buf[limit:])
		buf = buf[:n]
	}
	pi.ended = bytes.HasSuffix(tail, []byte("worksheet>"))
	return nil
}

// tag returns the local name of the tag b starts (after '<') and the text of
// its attributes, up to '>'.
func tag(b []byte) (string, []byte) {
	end := 0
	for end < len(b) && b[end] != ' ' && b[end] != '>' && b[end] != '/' && b[end] != '\t' && b[end] != '\r' && b[end] != '\n' {
		end++
	}
	name := b[:end]
	if k := bytes.LastIndexByte(name, ':'); k >= 0 {
		name = name[k+1:]
	}
	switch string(name) {
	case "dimension", "mergeCell":
	default:
		return "", nil
	}
	close := bytes.IndexByte(b[end:], '>')
	if close < 0 {
		return string(name), nil
	}
	return string(name), b[end : end+close]
}

// attr returns the value of an attribute in the text of a tag's attributes.
func attr(attrs []byte, name string) string {
	for len(attrs) > 0 {
		i := bytes.Index(attrs, []byte(name))
		if i < 0 {
			return ""
		}
		rest := bytes.TrimLeft(attrs[i+len(name):], " \t\r\n")
		before := byte(' ')
		if i > 0 {
			before = attrs[i-1]
		}
		if (before == ' ' || before == '\t' || before == '\r' || before == '\n') && len(rest) > 1 && rest[0] == '=' {
			rest = bytes.TrimLeft(rest[1:], " \t\r\n")
			if len(rest) > 0 && (rest[0] == '"' || rest[0] == '\'') {
				if j := bytes.IndexByte(rest[1:], rest[0]); j >= 0 {
					return string(rest[1 : 1+j])
				}
			}
			return ""
		}
		attrs = attrs[i+len(name):]
	}
	return ""
}

// dimensionRow returns the last row of a dimension reference like A1:L1000;
// 0 for A1, which an empty sheet declares, or anything unreadable.
func dimensionRow(ref string) int {
	if ref == "" || strings.EqualFold(ref, "A1") {
		return 0
	}
	last := ref
	if i := strings.LastIndexByte(ref, ':'); i >= 0 {
		last = ref[i+1:]
	}
	_, row, err := excelize.CellNameToCoordinates(strings.ReplaceAll(last, "$", ""))
	if err != nil {
		return 0
	}
	return row
}

// mergeRef reads a merged range like B2:B5.
func mergeRef(ref string) (mergeRange, bool) {
	a, b, ok := strings.Cut(strings.ReplaceAll(ref, "$", ""), ":")
	if !ok {
		return mergeRange{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(a)
	c2, r2, err2 := excelize.CellNameToCoordinates(b)
	if err1 != nil || err2 != nil {
		return mergeRange{}, false
	}
	return mergeRange{min(c1, c2) - 1, min(r1, r2), max(c1, c2) - 1, max(r1, r2)}, true
}
