package scoring

import (
	"fmt"
	"io"
	"sync"
)

// ReaderWriterAt is the storage of a FindingFile: a temporary *os.File, or
// anything else that reads and writes at offsets.
type ReaderWriterAt interface {
	io.ReaderAt
	io.WriterAt
}

// A FindingFile keeps the findings of scored units out of memory, so that a
// result of thousands of units holds only their scores: a province's 100,000
// findings with their messages would otherwise be most of the heap. The
// caller makes the storage (a temporary file) and removes it after the last
// report is written. Put and FindingList are safe for concurrent use.
type FindingFile struct {
	rw   ReaderWriterAt
	mu   sync.Mutex
	size int64
}

// NewFindingFile returns a FindingFile writing to rw from offset 0.
func NewFindingFile(rw ReaderWriterAt) *FindingFile {
	return &FindingFile{rw: rw}
}

// storedFindings is where a unit's findings went, and their counts.
type storedFindings struct {
	file        *FindingFile
	off, n      int64
	public, all int // as FindingCounts: dismissed findings left out
	never, late int // as PublicationCounts
	totalPublic int // as FindingTotals: dismissed findings included
	total       int
	// The 即将到期 and 待定 rows, after the findings: as many as a unit's
	// documents not yet due, ~20 KB a unit in December, which kept in memory
	// made a province's heap grow with its units (issue 21).
	dOff, dN          int64
	upcoming, pending int
}

// Put moves u's findings and its 即将到期 and 待定 rows into the file:
// u.Findings, u.Upcoming and u.Pending become nil, and u.FindingList and
// u.Deferred read them back. A unit with none of them is left as it is. On
// an error they stay in memory and the error is returned.
func (ff *FindingFile) Put(u *UnitResult) error {
	if len(u.Findings) == 0 && len(u.Upcoming) == 0 && len(u.Pending) == 0 || u.stored != nil {
		return nil
	}
	buf := encodeFindings(nil, u.Findings)
	n := len(buf)
	buf = encodeDeferred(buf, u.Upcoming)
	buf = encodeDeferred(buf, u.Pending)
	ff.mu.Lock()
	off := ff.size
	ff.size += int64(len(buf))
	ff.mu.Unlock()
	if _, err := ff.rw.WriteAt(buf, off); err != nil {
		return fmt.Errorf("store the findings of %s: %w", u.Name, err)
	}
	pub, all := countFindings(u.Findings)
	tp, ta := totalFindings(u.Findings)
	never, late := splitFindings(u.Findings)
	u.stored = &storedFindings{file: ff, off: off, n: int64(n), public: pub, all: all, never: never, late: late, totalPublic: tp, total: ta,
		dOff: off + int64(n), dN: int64(len(buf) - n), upcoming: len(u.Upcoming), pending: len(u.Pending)}
	u.Findings, u.Upcoming, u.Pending = nil, nil, nil
	return nil
}

// Deferred returns the unit's 即将到期 (not yet due) and 待定 (undecided)
// rows: u.Upcoming and u.Pending, or, when they were put into a
// FindingFile, fresh copies read back from it.
func (u *UnitResult) Deferred() (upcoming, pending []DeferredResult, err error) {
	s := u.stored
	if s == nil {
		return u.Upcoming, u.Pending, nil
	}
	if s.upcoming == 0 && s.pending == 0 {
		return nil, nil, nil
	}
	buf := make([]byte, s.dN)
	if _, err := s.file.rw.ReadAt(buf, s.dOff); err != nil {
		return nil, nil, fmt.Errorf("read the rows not yet due of %s back: %w", u.Name, err)
	}
	d := &findingDecoder{b: buf, s: string(buf)}
	upcoming, pending = d.deferred(), d.deferred()
	if d.err == nil && d.off != len(d.s) {
		d.err = errFindingData
	}
	if d.err != nil {
		return nil, nil, fmt.Errorf("read the rows not yet due of %s back: %w", u.Name, d.err)
	}
	return upcoming, pending, nil
}

// DeferredCounts returns the number of the unit's 即将到期 and 待定 rows
// without reading them back.
func (u *UnitResult) DeferredCounts() (upcoming, pending int) {
	if s := u.stored; s != nil {
		return s.upcoming, s.pending
	}
	return len(u.Upcoming), len(u.Pending)
}

// FindingList returns the unit's findings: u.Findings, or, when they were
// put into a FindingFile, a fresh copy read back from it.
func (u *UnitResult) FindingList() ([]FindingResult, error) {
	s := u.stored
	if s == nil {
		return u.Findings, nil
	}
	if s.n == 0 {
		return nil, nil
	}
	buf := make([]byte, s.n)
	if _, err := s.file.rw.ReadAt(buf, s.off); err != nil {
		return nil, fmt.Errorf("read the findings of %s back: %w", u.Name, err)
	}
	fs, err := decodeFindings(buf)
	if err != nil {
		return nil, fmt.Errorf("read the findings of %s back: %w", u.Name, err)
	}
	return fs, nil
}

// FindingCounts returns the unit's number of 应公开未公开 findings and of
// all findings, leaving out those a review dismissed, without reading stored
// findings back; a stand-in for findings left out counts as all of them.
func (u *UnitResult) FindingCounts() (public, all int) {
	if u.stored != nil {
		return u.stored.public, u.stored.all
	}
	return countFindings(u.Findings)
}

// PublicationCounts returns the unit's number of findings of information
// never published (应公开未公开, and 网站目录中没有 from the website check)
// and of information published late (公开不及时), counted as FindingCounts
// counts (dismissed findings left out). Other 应公开未公开-class findings
// (public: true, such as 决策前未公开征求意见) are in neither.
func (u *UnitResult) PublicationCounts() (never, late int) {
	if u.stored != nil {
		return u.stored.never, u.stored.late
	}
	return splitFindings(u.Findings)
}

func splitFindings(fs []FindingResult) (never, late int) {
	for _, f := range fs {
		if f.Review != nil && f.Review.Decision == Dismiss {
			continue
		}
		switch {
		case f.NeverPublished():
			never += f.Weight()
		case f.Late():
			late += f.Weight()
		}
	}
	return never, late
}

// FindingTotals returns the unit's number of 应公开未公开 findings and of all
// findings listed (rows: a stand-in for findings left out counts once),
// dismissed ones included, without reading stored findings back.
func (u *UnitResult) FindingTotals() (public, all int) {
	if u.stored != nil {
		return u.stored.totalPublic, u.stored.total
	}
	return totalFindings(u.Findings)
}

// totalFindings counts the findings listed — rows of a sheet: the
// stand-in for findings left out (Omitted) is one row.
func totalFindings(fs []FindingResult) (public, all int) {
	for _, f := range fs {
		if f.Public {
			public++
		}
	}
	return public, len(fs)
}

func countFindings(fs []FindingResult) (public, all int) {
	for _, f := range fs {
		if f.Review != nil && f.Review.Decision == Dismiss {
			continue
		}
		all += f.Weight()
		if f.Public {
			public += f.Weight()
		}
	}
	return public, all
}
