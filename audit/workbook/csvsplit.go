package workbook

import (
	"bufio"
	"fmt"
	"io"
)

// csvSplitter splits decoded CSV text into records the way Excel and WPS
// write them, forgiving what hand-made files get wrong but never reading a
// broken file as a shorter one:
//   - a line ends at LF, CRLF or a bare CR (old Mac Excel's "CSV
//     (Macintosh)"), also inside a quoted cell, where the break is kept as LF;
//   - blank lines are skipped but counted;
//   - a quote inside an unquoted cell, or a quote in a quoted cell not
//     followed by a separator or line end (关于"xx"的通知), is kept as text —
//     but only on one line: a quoted cell that both holds such a stray quote
//     and runs over a line end, or that is still open at the end of the
//     file, is a *csvQuoteError naming the line where it opened;
//   - a record of more than maxFields cells is a *csvWidthError, found while
//     splitting, before the rest of the line is read;
//   - a cell longer than maxCell bytes keeps only its first maxCell+1 bytes
//     (the reader's cell-length check then makes it a data error), the rest
//     read and dropped, so one huge cell never holds more than that;
//   - a record longer than maxRecordBytes in all is a *csvLongError.
type csvSplitter struct {
	br        *bufio.Reader
	comma     byte
	maxFields int
	maxCell   int
	cell      int    // where the current cell starts in buf
	line      int    // the line of the next byte, 1-based
	buf       []byte // the record's cells, end to end
	ends      []int  // where each cell ends in buf
	rec       []string
}

// csvQuoteError is a quoted cell that is never properly closed.
type csvQuoteError struct{ line int }

func (e *csvQuoteError) Error() string {
	return fmt.Sprintf("line %d: quoted field not closed", e.line)
}

// maxRecordBytes bounds one CSV record (its cells end to end, each cut to
// the cell limit): 16 MiB is a hundred and fifty times the longest cell.
const maxRecordBytes = 16 << 20

// csvLongError is a record longer than maxRecordBytes.
type csvLongError struct{ line int }

func (e *csvLongError) Error() string {
	return fmt.Sprintf("line %d: record longer than %d bytes", e.line, maxRecordBytes)
}

// csvWidthError is a record with too many cells.
type csvWidthError struct{ line, max int }

func (e *csvWidthError) Error() string {
	return fmt.Sprintf("line %d: more than %d fields", e.line, e.max)
}

func newCSVSplitter(br *bufio.Reader, comma byte, maxFields, maxCell int) *csvSplitter {
	return &csvSplitter{br: br, comma: comma, maxFields: maxFields, maxCell: maxCell, line: 1}
}

// put appends one byte of the current cell to buf, unless the cell is
// already over the limit.
func (s *csvSplitter) put(c byte) {
	if len(s.buf)-s.cell <= s.maxCell {
		s.buf = append(s.buf, c)
	}
}

// lineEnd consumes the LF of a CRLF after c (a CR or LF) and counts the line.
func (s *csvSplitter) lineEnd(c byte) {
	if c == '\r' {
		if n, err := s.br.ReadByte(); err == nil && n != '\n' {
			_ = s.br.UnreadByte()
		}
	}
	s.line++
}

// read returns the next record and the line it starts on; io.EOF at the
// end. The record's slice is reused by the next call.
func (s *csvSplitter) read() ([]string, int, error) {
	for {
		c, err := s.br.ReadByte()
		if err != nil {
			return nil, 0, err
		}
		if c == '\n' || c == '\r' {
			s.lineEnd(c)
			continue
		}
		_ = s.br.UnreadByte()
		break
	}
	start := s.line
	s.buf, s.ends = s.buf[:0], s.ends[:0]
	for done := false; !done; {
		if len(s.ends) == s.maxFields {
			return nil, 0, &csvWidthError{line: start, max: s.maxFields}
		}
		if len(s.buf) > maxRecordBytes {
			return nil, 0, &csvLongError{line: start}
		}
		s.cell = len(s.buf)
		var err error
		if done, err = s.field(); err != nil {
			return nil, 0, err
		}
		s.ends = append(s.ends, len(s.buf))
	}
	text := string(s.buf)
	s.rec = s.rec[:0]
	from := 0
	for _, end := range s.ends {
		s.rec = append(s.rec, text[from:end])
		from = end
	}
	return s.rec, start, nil
}

// field reads one cell into buf and reports whether it ended the record.
func (s *csvSplitter) field() (last bool, err error) {
	c, err := s.br.ReadByte()
	if err == io.EOF {
		return true, nil
	}
	if err != nil {
		return false, err
	}
	if c != '"' {
		for {
			switch {
			case c == s.comma:
				return false, nil
			case c == '\n' || c == '\r':
				s.lineEnd(c)
				return true, nil
			}
			s.put(c)
			if c, err = s.br.ReadByte(); err == io.EOF {
				return true, nil
			} else if err != nil {
				return false, err
			}
		}
	}
	open := s.line
	stray, multi := false, false
	for {
		c, err := s.br.ReadByte()
		if err == io.EOF {
			return false, &csvQuoteError{line: open}
		}
		if err != nil {
			return false, err
		}
		switch c {
		case '"':
			n, err := s.br.ReadByte()
			switch {
			case err == io.EOF:
				return true, nil
			case err != nil:
				return false, err
			case n == '"':
				s.put('"')
			case n == s.comma:
				return false, nil
			case n == '\n' || n == '\r':
				s.lineEnd(n)
				return true, nil
			default:
				_ = s.br.UnreadByte()
				s.put('"')
				stray = true
			}
		case '\n', '\r':
			s.lineEnd(c)
			s.put('\n')
			multi = true
		default:
			s.put(c)
		}
		if stray && multi {
			return false, &csvQuoteError{line: open}
		}
	}
}
