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
//     splitting, before the rest of the line is read.
type csvSplitter struct {
	br        *bufio.Reader
	comma     byte
	maxFields int
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

// csvWidthError is a record with too many cells.
type csvWidthError struct{ line, max int }

func (e *csvWidthError) Error() string {
	return fmt.Sprintf("line %d: more than %d fields", e.line, e.max)
}

func newCSVSplitter(br *bufio.Reader, comma byte, maxFields int) *csvSplitter {
	return &csvSplitter{br: br, comma: comma, maxFields: maxFields, line: 1}
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
			s.buf = append(s.buf, c)
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
				s.buf = append(s.buf, '"')
			case n == s.comma:
				return false, nil
			case n == '\n' || n == '\r':
				s.lineEnd(n)
				return true, nil
			default:
				_ = s.br.UnreadByte()
				s.buf = append(s.buf, '"')
				stray = true
			}
		case '\n', '\r':
			s.lineEnd(c)
			s.buf = append(s.buf, '\n')
			multi = true
		default:
			s.buf = append(s.buf, c)
		}
		if stray && multi {
			return false, &csvQuoteError{line: open}
		}
	}
}
