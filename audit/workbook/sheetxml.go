package workbook

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/orisano/gosax"
	"github.com/xuri/excelize/v2"
	"github.com/zwgk/zwgk/checklists/msg"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// This file reads worksheet and shared-strings parts in one streaming pass
// over github.com/orisano/gosax, a raw tokenizer, yielding exactly the rows
// excelize's Rows/Columns yield with raw cell values (issue 21): the same
// row numbering (rows and cells without r=, rows going backwards, gaps as
// empty rows), shared, inline and rich-text strings (phonetic runs left
// out), _xHHHH_ escapes, entities, CDATA, formulas with or without a cached
// value. The same pass reads the <dimension>, the <mergeCell>s and whether
// the part ends with </worksheet>, and reading the part to its end checks
// its zip CRC and size. Hostile input is bounded while reading (issue 15):
// no token or cell longer than hardCellLimit is held, a shared-string index
// past the table is a named fault, rows past MaxRows stop the sheet.

// totalRows is Excel's row limit (excelize.TotalRows).
const totalRows = excelize.TotalRows

// hardCellLimit is the most bytes one XML token or one cell may hold while
// a sheet is read: the longest cell Excel writes (32,767 characters, with
// every character escaped) fits; anything longer makes the sheet unreadable
// before the memory is spent.
func hardCellLimit(maxCell int) int { return max(1<<20, 8*maxCell) }

// errTokenTooLong is what the guard returns when one token is too long.
var errTokenTooLong = errors.New("xml token too long")

// guardReader counts the bytes the tokenizer reads for one token and fails
// when they pass a limit, so that a megabyte-long text is refused before
// the tokenizer has buffered it.
type guardReader struct {
	r     io.Reader
	n     int
	limit int
}

func (g *guardReader) Read(p []byte) (int, error) {
	if g.n > g.limit {
		return 0, errTokenTooLong
	}
	n, err := g.r.Read(p)
	g.n += n
	return n, err
}

var gosaxBufs = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// xmlEvent kinds.
const (
	evEOF = iota
	evStart
	evEnd
	evText // text and CDATA, already decoded
	evOther
)

// xmlTok is a tokenizer over one part.
type xmlTok struct {
	xr   *gosax.Reader
	g    *guardReader
	buf  *[]byte
	kind int
	raw  []byte // the tag (start or end) or the decoded text; valid until next
	name []byte // local name of a start or end tag
	attr []byte // attribute text of a start tag
	self bool   // the start tag is self-closing
	// tail tells whether the last thing but white space was </worksheet>.
	tail bool
}

func newXMLTok(r io.Reader, limit int) (*xmlTok, error) {
	r, err := decodeDeclared(r)
	if err != nil {
		return nil, err
	}
	g := &guardReader{r: r, limit: limit}
	buf := gosaxBufs.Get().(*[]byte)
	xr := gosax.NewReaderBuf(g, (*buf)[:0])
	xr.EmitSelfClosingTag = true
	return &xmlTok{xr: xr, g: g, buf: buf}, nil
}

func (t *xmlTok) release() {
	if t.buf != nil {
		gosaxBufs.Put(t.buf)
		t.buf = nil
	}
}

// next reads the next event.
func (t *xmlTok) next() error {
	t.g.n = 0
	for {
		e, err := t.xr.Event()
		if err != nil {
			return err
		}
		switch e.Type() {
		case gosax.EventEOF:
			t.kind = evEOF
			return nil
		case gosax.EventStart:
			t.kind = evStart
			b := e.Bytes
			t.self = len(b) >= 2 && b[len(b)-2] == '/'
			name, attr := gosax.Name(b)
			t.name, t.attr = localName(name), attr
			t.tail = false
			return nil
		case gosax.EventEnd:
			t.kind = evEnd
			name, _ := gosax.Name(e.Bytes)
			t.name = localName(name)
			t.tail = string(t.name) == "worksheet"
			return nil
		case gosax.EventText:
			b, err := gosax.Unescape(e.Bytes)
			if err != nil {
				return err
			}
			t.kind, t.raw = evText, b
			if t.tail && len(bytes.Trim(b, " \t\r\n\x00")) > 0 {
				t.tail = false
			}
			return nil
		case gosax.EventCData:
			// gosax reports any "<![" as a CDATA section: "<![[12]]>" is
			// not one, and encoding/xml (excelize) refuses it too.
			b := e.Bytes
			if len(b) < len("<![CDATA[]]>") || !bytes.HasPrefix(b, []byte("<![CDATA[")) || !bytes.HasSuffix(b, []byte("]]>")) {
				return errBadCData
			}
			b = b[len("<![CDATA[") : len(b)-len("]]>")]
			if bytes.IndexByte(b, '\r') >= 0 {
				b = normalizeCR(b)
			}
			t.kind, t.raw = evText, b
			t.tail = false
			return nil
		default:
			// Comments, processing instructions, doctype.
			t.tail = false
			continue
		}
	}
}

// normalizeCR rewrites \r\n and lone \r to \n, as XML requires (in place).
func normalizeCR(b []byte) []byte {
	out := b[:0]
	for i := 0; i < len(b); i++ {
		if b[i] == '\r' {
			out = append(out, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		}
		out = append(out, b[i])
	}
	return out
}

// localName strips a namespace prefix as encoding/xml does.
func localName(name []byte) []byte {
	if i := bytes.IndexByte(name, ':'); i > 0 && i < len(name)-1 {
		return name[i+1:]
	}
	return name
}

// attrs calls f for each attribute of the current start tag with its local
// name and decoded value, until f returns false.
func (t *xmlTok) attrs(f func(key, val []byte) bool) error {
	b := t.attr
	for {
		b = trimSpaceLeft(b)
		if len(b) == 0 {
			return nil
		}
		eq := bytes.IndexByte(b, '=')
		if eq < 0 {
			return nil // a name without a value: nothing to read
		}
		key := bytes.TrimRight(b[:eq], " \t\r\n")
		b = trimSpaceLeft(b[eq+1:])
		if len(b) == 0 || (b[0] != '"' && b[0] != '\'') {
			return errBadAttr
		}
		end := bytes.IndexByte(b[1:], b[0])
		if end < 0 {
			return errBadAttr
		}
		v := b[1 : 1+end]
		b = b[2+end:]
		if bytes.IndexByte(v, '&') >= 0 || bytes.IndexByte(v, '\r') >= 0 {
			var err error
			if v, err = gosax.Unescape(bytes.Clone(v)); err != nil {
				return err
			}
		}
		if !f(localName(key), v) {
			return nil
		}
	}
}

var errBadAttr = errors.New("malformed attribute")

// errBadCData is what next returns for a "<![" that is not a CDATA section.
var errBadCData = errors.New("malformed CDATA section")

func trimSpaceLeft(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\r' || b[0] == '\n') {
		b = b[1:]
	}
	return b
}

// skip reads to the end of the element just started.
func (t *xmlTok) skip() error {
	if t.self {
		return t.next() // its end event
	}
	for depth := 1; depth > 0; {
		if err := t.next(); err != nil {
			return err
		}
		switch t.kind {
		case evStart:
			depth++
		case evEnd:
			depth--
		case evEOF:
			return nil
		}
	}
	return nil
}

// decodeDeclared honours a non-UTF-8 encoding named in the XML declaration,
// as encoding/xml's CharsetReader does for excelize.
func decodeDeclared(r io.Reader) (io.Reader, error) {
	head := make([]byte, 256)
	n, err := io.ReadFull(r, head)
	head = head[:n]
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, err
	}
	rest := io.MultiReader(bytes.NewReader(head), r)
	h := bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	if !bytes.HasPrefix(h, []byte("<?xml")) {
		return rest, nil
	}
	end := bytes.Index(h, []byte("?>"))
	if end < 0 {
		return rest, nil
	}
	decl := h[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return rest, nil
	}
	v := bytes.TrimLeft(decl[i+len("encoding"):], " \t\r\n")
	if len(v) == 0 || v[0] != '=' {
		return rest, nil
	}
	v = bytes.TrimLeft(v[1:], " \t\r\n")
	if len(v) < 2 || (v[0] != '"' && v[0] != '\'') {
		return rest, nil
	}
	j := bytes.IndexByte(v[1:], v[0])
	if j < 0 {
		return rest, nil
	}
	label := strings.ToLower(string(v[1 : 1+j]))
	if label == "utf-8" || label == "utf8" {
		return rest, nil
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, msg.Errorf("不支持的字符编码 %q", "unsupported character encoding %q", label)
	}
	return transform.NewReader(rest, enc.NewDecoder()), nil
}

// sharedStrings is a workbook's shared strings table: one string and the
// offset of each item in it, so that a cell's value is a substring (no copy
// per cell) and a table of many short items costs four bytes an item.
type sharedStrings struct {
	s   string
	off []uint32 // len = items + 1
}

func (t *sharedStrings) len() int {
	if t == nil || len(t.off) == 0 {
		return 0
	}
	return len(t.off) - 1
}

func (t *sharedStrings) at(i int) string { return t.s[t.off[i]:t.off[i+1]] }

// readSharedStrings reads a shared strings part as excelize does: each <si>
// child of the root is its direct <t> (the last one) followed by the <t> of
// each rich-text run <r>; phonetic runs are left out; _xHHHH_ escapes are
// decoded.
func readSharedStrings(r io.Reader, limit, sizeHint int) (*sharedStrings, error) {
	t, err := newXMLTok(r, limit)
	if err != nil {
		return nil, err
	}
	defer t.release()
	var out strings.Builder
	out.Grow(sizeHint)
	off := make([]uint32, 1, 1024)
	var direct, runs, runT []byte
	depth := 0
	// where: 0 elsewhere, 1 in si, 2 in si>t, 3 in si>r, 4 in si>r>t
	where, inSI := 0, false
	for {
		if err := t.next(); err != nil {
			return nil, err
		}
		switch t.kind {
		case evEOF:
			t := &sharedStrings{s: out.String(), off: off}
			return t, nil
		case evStart:
			depth++
			switch {
			case depth == 2 && string(t.name) == "si":
				inSI, where = true, 1
				direct, runs = direct[:0], runs[:0]
			case inSI && depth == 3 && string(t.name) == "t":
				where, direct = 2, direct[:0]
			case inSI && depth == 3 && string(t.name) == "r":
				where, runT = 3, runT[:0]
			case inSI && where == 3 && depth == 4 && string(t.name) == "t":
				where, runT = 4, runT[:0]
			}
		case evEnd:
			switch {
			case depth == 2 && inSI:
				inSI, where = false, 0
				if uint64(out.Len())+uint64(len(direct))+uint64(len(runs)) >= 1<<32-1 {
					return nil, msg.Errorf("共享字符串表过大", "the shared strings table is too large")
				}
				if bytes.Contains(direct, []byte("_x")) || bytes.Contains(runs, []byte("_x")) || (len(direct) > 0 && direct[len(direct)-1] == '_') {
					out.WriteString(bstrUnmarshal(string(direct) + string(runs)))
				} else {
					out.Write(direct)
					out.Write(runs)
				}
				off = append(off, uint32(out.Len()))
			case inSI && depth == 3 && where == 2:
				where = 1
			case inSI && depth == 3 && where == 3:
				runs = append(runs, runT...)
				where = 1
			case inSI && depth == 4 && where == 4:
				where = 3
			}
			depth--
		case evText:
			switch {
			case where == 2 && depth == 3:
				direct = append(direct, t.raw...)
			case where == 4 && depth == 4:
				runT = append(runT, t.raw...)
			}
			if len(direct)+len(runs)+len(runT) > limit {
				return nil, msg.Errorf("第 %d 条共享字符串超过 %d 字节", "shared string %d is longer than %d bytes", len(off)-1, limit)
			}
		}
	}
}

// bstrUnmarshal decodes the _xHHHH_ escapes of a string as excelize does:
// _x005F_ is "_", an escape of a surrogate is dropped.
func bstrUnmarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == '_' && i+7 <= len(s) && s[i+1] == 'x' && s[i+6] == '_' {
			if v, err := strconv.ParseUint(s[i+2:i+6], 16, 32); err == nil && isHex4(s[i+2:i+6]) {
				r := rune(v)
				if s[i:i+7] == "_x005F_" {
					b.WriteByte('_')
				} else if utf8.ValidRune(r) {
					b.WriteRune(r)
				}
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

func isHex4(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// sheetRows is a worksheet part as read: the rows excelize's Rows would
// yield (before merged cells are filled), and what the part says about
// itself.
type sheetRows struct {
	lines  int      // rows yielded, as readSheet counts them
	stored int      // rows kept (the rest are blank ones past MaxRows)
	ends   []uint32 // end of each kept row in cells
	cells  []cellRef
	chunks []string // the inline values, indexed by cellRef
	sst    *sharedStrings

	dimRow int
	merges []mergeRange
	ended  bool
}

// rowBufs keeps the cell and row buffers of sheets read (they hold no
// pointers: the values are in text and the shared strings).
var rowBufs = sync.Pool{New: func() any { return new(sheetRows) }}

// release gives the buffers back once the rows have been used.
func (sr *sheetRows) release() {
	if cap(sr.cells) > 1<<22 {
		return // do not keep a hostile sheet's buffers
	}
	*sr = sheetRows{cells: sr.cells[:0], ends: sr.ends[:0]}
	rowBufs.Put(sr)
}

// cellRef is one cell: a shared string or a span of a chunk of text.
type cellRef struct {
	off, n uint32
	chunk  uint16
	shared bool // off is a shared-string index
}

// sheetText holds a sheet's inline values (what is not a shared string) in
// chunks that are filled once and never grown: a value is a substring of
// one chunk. The text is not copied as it grows (one buffer grown by
// doubling copied and cleared it: 125 of 980 MB allocated per 60-unit
// audit), and a value kept after the sheet (a unit's name is copied
// anyway, see TestUnitNameKeepsNoSheetText) keeps only its chunk alive.
type sheetText struct {
	chunks []string        // the chunks; chunks[cur] is being filled (in buf)
	cur    int             // -1 before the first chunk
	buf    strings.Builder // never grown past its capacity
	size   int             // the capacity of the next chunk
}

// chunkSize is the largest chunk; a longer value gets a chunk of its own.
const chunkSize = 64 << 10

// errTextTooLong is a sheet whose text needs more chunks than a cellRef can
// number (gigabytes of cells). A new error each time: fault fills in its row.
func errTextTooLong() error {
	return &sheetError{kind: sheetTooBig, text: msg.New("单元格内容过多", "too much text in the cells")}
}

func newSheetText(sizeHint int) sheetText {
	return sheetText{cur: -1, size: min(max(sizeHint, 1<<10), chunkSize)}
}

// add appends a then b as one value.
func (t *sheetText) add(a, b []byte) (cellRef, error) {
	n := len(a) + len(b)
	if n == 0 {
		return cellRef{}, nil
	}
	if t.buf.Cap()-t.buf.Len() < n {
		if len(t.chunks) >= 1<<16-1 {
			return cellRef{}, errTextTooLong()
		}
		if n > chunkSize {
			// A chunk of its own; the one being filled stays open.
			var c strings.Builder
			c.Grow(n)
			c.Write(a)
			c.Write(b)
			t.chunks = append(t.chunks, c.String())
			return cellRef{chunk: uint16(len(t.chunks) - 1), n: uint32(n)}, nil
		}
		if t.cur >= 0 {
			t.chunks[t.cur] = t.buf.String()
		}
		t.cur = len(t.chunks)
		t.chunks = append(t.chunks, "")
		t.buf = strings.Builder{}
		t.buf.Grow(max(t.size, n))
		t.size = chunkSize
	}
	off := t.buf.Len()
	t.buf.Write(a)
	t.buf.Write(b)
	return cellRef{chunk: uint16(t.cur), off: uint32(off), n: uint32(n)}, nil
}

// chunk returns chunk i as it is now.
func (t *sheetText) chunk(i int) string {
	if i == t.cur {
		return t.buf.String()
	}
	return t.chunks[i]
}

// finish returns the chunks.
func (t *sheetText) finish() []string {
	if t.cur >= 0 {
		t.chunks[t.cur] = t.buf.String()
	}
	return t.chunks
}

// row returns the cells of kept row i (0-based) in buf.
func (sr *sheetRows) row(i int, buf []string) []string {
	buf = buf[:0]
	start := uint32(0)
	if i > 0 {
		start = sr.ends[i-1]
	}
	for _, c := range sr.cells[start:sr.ends[i]] {
		switch {
		case c.shared:
			buf = append(buf, sr.sst.at(int(c.off)))
		case c.n == 0:
			buf = append(buf, "")
		default:
			buf = append(buf, sr.chunks[c.chunk][c.off:c.off+c.n])
		}
	}
	return buf
}

// sheetError is a fault found while reading a sheet, with the row (line)
// where it was found; kind says how it is reported.
type sheetError struct {
	line int
	kind sheetErrKind
	text msg.Text
	err  error
}

type sheetErrKind int

const (
	sheetDamaged    sheetErrKind = iota // the part cannot be read
	sheetTooBig                         // a bound of issue 15 was passed
	sheetMaxRows                        // a row number past Excel's limit
	sheetRowBroken                      // excelize's Columns would fail
	sheetRowLimit                       // data past Options.MaxRows
	sheetIncomplete                     // the part ends inside a tag
)

func (e *sheetError) Error() string { return e.text.Zh }

// sheetParser emulates excelize's Rows: seekRow is the row Next asked for,
// curRow the row of the last <row> read; pending is a <row> start read by
// next and not yet handled by columns.
type sheetParser struct {
	t        *xmlTok
	sst      *sharedStrings
	maxRows  int
	limit    int
	out      *sheetRows
	text     sheetText
	rowCells []cellRef

	curRow, seekRow int
	pending         bool
	pendingR        int
	pendingErr      error
	dimSeen         bool
	ref, typ        []byte
	vbuf, tbuf      []byte
	runs, runT      []byte
}

// readSheetRows reads a worksheet part to its end.
// sizeHint is the text expected, to grow the buffer once.
func readSheetRows(r io.Reader, sst *sharedStrings, maxRows, maxCell, sizeHint int) (*sheetRows, error) {
	limit := hardCellLimit(maxCell)
	t, err := newXMLTok(r, limit)
	if err != nil {
		return nil, &sheetError{kind: sheetDamaged, text: msg.TextOf(err), err: err}
	}
	defer t.release()
	out := rowBufs.Get().(*sheetRows)
	*out = sheetRows{sst: sst, cells: out.cells[:0], ends: out.ends[:0]}
	p := &sheetParser{t: t, sst: sst, maxRows: maxRows, limit: limit, out: out, text: newSheetText(sizeHint)}
	for {
		ok, err := p.nextRow()
		if err != nil {
			fe := p.fault(err)
			out.release()
			return nil, fe
		}
		if !ok {
			break
		}
		p.out.lines++
		if err := p.columns(); err != nil {
			fe := p.fault(err)
			out.release()
			return nil, fe
		}
	}
	// The rest of the part: the merged cells, the closing tag, and the
	// checksum the zip reader checks at the end.
	for t.kind != evEOF {
		if err := p.event(); err != nil {
			fe := p.fault(err)
			out.release()
			return nil, fe
		}
	}
	p.out.ended = t.tail
	p.out.chunks = p.text.finish()
	return p.out, nil
}

// fault turns an error met while reading into a sheetError.
func (p *sheetParser) fault(err error) *sheetError {
	var se *sheetError
	if errors.As(err, &se) {
		if se.line == 0 {
			se.line = p.out.lines
		}
		return se
	}
	if errors.Is(err, errTokenTooLong) {
		return &sheetError{line: p.out.lines, kind: sheetTooBig, err: err, text: msg.New(
			"有超过 %d 字节的连续内容（单元格过长或文件被构造），未读取",
			"there is content longer than %d bytes in one piece (an overlong cell or a crafted file); not read",
			p.limit)}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &sheetError{line: p.out.lines, kind: sheetIncomplete, err: err}
	}
	return &sheetError{line: p.out.lines, kind: sheetDamaged, text: msg.TextOf(err), err: err}
}

// event reads the next event and picks out the dimension and merged cells
// wherever they are.
func (p *sheetParser) event() error {
	t := p.t
	if err := t.next(); err != nil {
		return err
	}
	if t.kind == evStart {
		switch string(t.name) {
		case "dimension":
			if !p.dimSeen {
				p.dimSeen = true
				return t.attrs(func(k, v []byte) bool {
					if string(k) == "ref" {
						p.out.dimRow = dimensionRow(string(v))
					}
					return true
				})
			}
		case "mergeCell":
			return t.attrs(func(k, v []byte) bool {
				if string(k) == "ref" {
					if m, ok := mergeRef(string(v)); ok {
						p.out.merges = append(p.out.merges, m)
					}
				}
				return true
			})
		}
	}
	return nil
}

// rowNumber reads the r attribute of a <row> start as excelize does.
func (p *sheetParser) rowNumber() (int, error) {
	n := 0
	var perr error
	err := p.t.attrs(func(k, v []byte) bool {
		if string(k) == "r" {
			var e error
			if n, e = atoi(v); e != nil {
				n, perr = 0, e
				return false
			}
		}
		return true
	})
	if err != nil {
		return 0, err
	}
	return n, perr
}

func atoi(b []byte) (int, error) {
	n := 0
	if len(b) > 0 && len(b) < 10 {
		for _, c := range b {
			if c < '0' || c > '9' {
				return strconv.Atoi(string(b))
			}
			n = n*10 + int(c-'0')
		}
		return n, nil
	}
	return strconv.Atoi(string(b))
}

// nextRow emulates Rows.Next.
func (p *sheetParser) nextRow() (bool, error) {
	p.seekRow++
	if p.curRow >= p.seekRow {
		return true, nil
	}
	for {
		if err := p.event(); err != nil {
			return false, err
		}
		t := p.t
		switch t.kind {
		case evEOF:
			return false, nil
		case evStart:
			if string(t.name) == "row" {
				p.curRow++
				n, err := p.rowNumber()
				if n > totalRows {
					return false, p.maxRowsError()
				}
				if n != 0 {
					p.curRow = n
				}
				p.pending, p.pendingR, p.pendingErr = true, n, err
				return true, nil
			}
		case evEnd:
			if string(t.name) == "sheetData" {
				return false, nil
			}
		}
	}
}

func (p *sheetParser) maxRowsError() error {
	return &sheetError{line: p.out.lines + 1, kind: sheetMaxRows, err: excelize.ErrMaxRows}
}

// columns emulates Rows.Columns and keeps the row.
func (p *sheetParser) columns() error {
	p.rowCells = p.rowCells[:0]
	if p.curRow > p.seekRow {
		return p.keepRow()
	}
	cellCol := 0
	for {
		fromPending := p.pending
		if p.pending {
			p.pending = false
		} else if err := p.event(); err != nil {
			return err
		}
		t := p.t
		switch t.kind {
		case evEOF:
			return p.keepRow()
		case evEnd:
			if string(t.name) == "sheetData" {
				return p.keepRow()
			}
		case evStart:
			switch string(t.name) {
			case "row":
				var n int
				var err error
				if fromPending {
					n, err = p.pendingR, p.pendingErr
				} else {
					n, err = p.rowNumber()
				}
				if n > totalRows {
					return p.maxRowsError()
				}
				if err != nil {
					return p.rowBroken(msg.TextOf(err), err)
				}
				if n != 0 {
					p.curRow = n
				} else if !fromPending {
					p.curRow++
				}
				if p.curRow > p.seekRow {
					return p.keepRow()
				}
			case "c":
				cellCol++
				col, err := p.cell(cellCol)
				if err != nil {
					return err
				}
				cellCol = col
			}
		}
	}
}

func (p *sheetParser) rowBroken(text msg.Text, err error) error {
	return &sheetError{line: p.out.lines, kind: sheetRowBroken, text: text, err: err}
}

// keepRow stores the row just read.
func (p *sheetParser) keepRow() error {
	out := p.out
	if out.lines > p.maxRows {
		if len(p.rowCells) > 0 && !blankRefs(p.rowCells, out, &p.text) {
			return &sheetError{line: out.lines, kind: sheetRowLimit}
		}
		return nil // blank rows past the limit are counted, not kept
	}
	if len(out.cells)+len(p.rowCells) >= 1<<32-1 {
		return &sheetError{line: out.lines, kind: sheetTooBig, text: msg.New("单元格过多", "too many cells")}
	}
	out.cells = append(out.cells, p.rowCells...)
	out.ends = append(out.ends, uint32(len(out.cells)))
	out.stored++
	return nil
}

// blankRefs reports whether every cell is blank (white space only).
func blankRefs(cells []cellRef, out *sheetRows, text *sheetText) bool {
	for _, c := range cells {
		v := ""
		if c.shared {
			v = out.sst.at(int(c.off))
		} else if c.n > 0 {
			v = text.chunk(int(c.chunk))[c.off : c.off+c.n]
		}
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

// cell reads a <c> element as excelize's rowXMLHandler does and appends its
// value to the row; it returns the cell's column (1-based).
func (p *sheetParser) cell(cellCol int) (int, error) {
	t := p.t
	ref, typ := p.ref[:0], p.typ[:0]
	sBad := false
	err := t.attrs(func(k, v []byte) bool {
		switch string(k) {
		case "r":
			ref = append(ref[:0], v...)
		case "s":
			if !isInt64(v) {
				sBad = true
				return false
			}
		case "t":
			typ = append(typ[:0], v...)
		}
		return true
	})
	p.ref, p.typ = ref, typ
	if err != nil {
		return 0, err
	}
	var (
		hasF, hasIS bool
		tooLong     bool
	)
	p.vbuf, p.tbuf, p.runs = p.vbuf[:0], p.tbuf[:0], p.runs[:0]
	// excelize does not read the children of a cell whose style is not a
	// number: its value is empty.
	if !sBad && !t.self {
		for {
			if err := p.event(); err != nil {
				return 0, err
			}
			if t.kind == evEOF {
				break
			}
			if t.kind == evEnd && string(t.name) == "c" {
				break
			}
			if t.kind != evStart {
				continue
			}
			switch string(t.name) {
			case "v":
				p.vbuf = p.vbuf[:0]
				if err := p.chardata(&p.vbuf, &tooLong); err != nil {
					return 0, err
				}
			case "f":
				hasF = true
				if err := t.skip(); err != nil {
					return 0, err
				}
			case "is":
				hasIS = true
				if err := p.inline(&tooLong); err != nil {
					return 0, err
				}
			}
		}
	} else if t.self {
		if err := p.event(); err != nil { // the end of <c/>
			return 0, err
		}
	}
	if len(ref) > 0 {
		col, err := cellColumn(ref)
		if err != nil {
			if errors.Is(err, excelize.ErrMaxRows) {
				return 0, p.maxRowsError()
			}
			return 0, p.rowBroken(msg.TextOf(err), err)
		}
		cellCol = col
	}
	if tooLong {
		return 0, &sheetError{kind: sheetTooBig, text: msg.New(
			"单元格 %s 超过 %d 字节，未读取", "cell %s is longer than %d bytes; not read",
			cellName(cellCol, p.curRow), p.limit)}
	}
	if sBad {
		p.vbuf = p.vbuf[:0]
		hasIS = false
	}
	var c cellRef
	empty := false
	switch string(typ) {
	case "s":
		if len(p.vbuf) == 0 {
			empty = true
			break
		}
		i, err := atoi(bytes.TrimSpace(p.vbuf))
		if err != nil || i < 0 || i >= p.sst.len() {
			return 0, &sheetError{kind: sheetDamaged, text: msg.New(
				"单元格 %s 引用的共享字符串「%s」不存在（共享字符串表共 %d 条）",
				"cell %s refers to shared string %q, which does not exist (the table has %d)",
				cellName(cellCol, p.curRow), clip(string(p.vbuf)), p.sst.len())}
		}
		c = cellRef{off: uint32(i), shared: true}
		empty = p.sst.at(i) == ""
	case "inlineStr":
		if hasIS {
			if bytes.Contains(p.tbuf, []byte("_x")) || bytes.Contains(p.runs, []byte("_x")) || (len(p.tbuf) > 0 && p.tbuf[len(p.tbuf)-1] == '_') {
				s := bstrUnmarshal(string(p.tbuf) + string(p.runs))
				c, err = p.text.add([]byte(s), nil)
				empty = s == ""
				break
			}
			c, err = p.text.add(p.tbuf, p.runs)
			empty = len(p.tbuf)+len(p.runs) == 0
			break
		}
		fallthrough
	default:
		c, err = p.text.add(p.vbuf, nil)
		empty = len(p.vbuf) == 0
	}
	if err != nil {
		return 0, err
	}
	if empty && !hasF {
		return cellCol, nil
	}
	if empty {
		c = cellRef{}
	}
	for i := len(p.rowCells) + 1; i < cellCol; i++ {
		p.rowCells = append(p.rowCells, cellRef{})
	}
	p.rowCells = append(p.rowCells, c)
	return cellCol, nil
}

// isInt64 reports whether strconv.ParseInt(b, 10, 64) succeeds.
func isInt64(b []byte) bool {
	if len(b) > 0 && len(b) < 19 {
		ok := true
		for _, c := range b {
			if c < '0' || c > '9' {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	_, err := strconv.ParseInt(string(b), 10, 64)
	return err == nil
}

// cellName writes a cell reference for a message.
func cellName(col, row int) string {
	if n, err := excelize.CoordinatesToCellName(max(col, 1), max(row, 1)); err == nil {
		return n
	}
	return "?"
}

// cellColumn returns the column of a cell reference like B7, as
// excelize.CellNameToCoordinates does.
func cellColumn(ref []byte) (int, error) {
	// Fast path: upper-case letters then digits.
	i, col := 0, 0
	for i < len(ref) && i < 3 && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	if i > 0 && i < len(ref) && i+7 >= len(ref) && col <= excelize.MaxColumns {
		row := 0
		j := i
		for ; j < len(ref) && ref[j] >= '0' && ref[j] <= '9'; j++ {
			row = row*10 + int(ref[j]-'0')
		}
		if j == len(ref) && row > 0 && row <= totalRows {
			return col, nil
		}
	}
	c, _, err := excelize.CellNameToCoordinates(string(ref))
	return c, err
}

// chardata collects the character data directly inside the element just
// started (not that of nested elements), as encoding/xml decodes a string.
func (p *sheetParser) chardata(dst *[]byte, tooLong *bool) error {
	t := p.t
	if t.self {
		return p.event()
	}
	for depth := 1; depth > 0; {
		if err := p.event(); err != nil {
			return err
		}
		switch t.kind {
		case evStart:
			depth++
		case evEnd:
			depth--
		case evText:
			if depth == 1 {
				if len(*dst)+len(t.raw) > p.limit {
					*tooLong = true
				} else {
					*dst = append(*dst, t.raw...)
				}
			}
		case evEOF:
			return nil
		}
	}
	return nil
}

// inline reads an <is> element into p.tbuf (its direct <t>, the last one)
// and p.runs (the <t> of each run).
func (p *sheetParser) inline(tooLong *bool) error {
	t := p.t
	if t.self {
		return p.event()
	}
	for depth := 1; depth > 0; {
		if err := p.event(); err != nil {
			return err
		}
		switch t.kind {
		case evStart:
			switch {
			case depth == 1 && string(t.name) == "t":
				p.tbuf = p.tbuf[:0]
				if err := p.chardata(&p.tbuf, tooLong); err != nil {
					return err
				}
				continue
			case depth == 1 && string(t.name) == "r":
				if err := p.run(tooLong); err != nil {
					return err
				}
				continue
			}
			depth++
		case evEnd:
			depth--
		case evEOF:
			return nil
		}
		if len(p.tbuf)+len(p.runs) > p.limit {
			*tooLong = true
			p.runs = p.runs[:0]
		}
	}
	return nil
}

// run reads a rich-text run <r>: its direct <t> (the last one) is appended
// to p.runs.
func (p *sheetParser) run(tooLong *bool) error {
	t := p.t
	if t.self {
		return p.event()
	}
	p.runT = p.runT[:0]
	for depth := 1; depth > 0; {
		if err := p.event(); err != nil {
			return err
		}
		switch t.kind {
		case evStart:
			if depth == 1 && string(t.name) == "t" {
				p.runT = p.runT[:0]
				if err := p.chardata(&p.runT, tooLong); err != nil {
					return err
				}
				continue
			}
			depth++
		case evEnd:
			depth--
		case evEOF:
			return nil
		}
	}
	if len(p.runs)+len(p.runT) > p.limit {
		*tooLong = true
		return nil
	}
	p.runs = append(p.runs, p.runT...)
	return nil
}
