package scoring

import (
	"encoding/binary"
	"errors"
	"math"

	"github.com/zwgk/zwgk/checklists/msg"
)

// The findings of a FindingFile are stored in this package's own binary
// layout rather than with encoding/gob: gob compiled its encoder and decoder
// for FindingResult again for every unit written and read back (a unit's
// findings are read back by every report, several times by the Excel one),
// 7 % of a province audit's CPU. The layout is private to one run (the file
// is temporary), so it needs no versioning; it reads back exactly what gob
// read back, including gob's one lossy case: an Amount pointing to 0 comes
// back nil (an empty Review comes back as an empty Review).
// TestFindingCodecMatchesGob fails when a field is added to FindingResult
// and not here.

// encodeFindings appends fs to b.
func encodeFindings(b []byte, fs []FindingResult) []byte {
	b = binary.AppendUvarint(b, uint64(len(fs)))
	for i := range fs {
		f := &fs[i]
		b = appendString(b, f.Item)
		b = appendString(b, f.Kind)
		b = appendBool(b, f.Public)
		b = appendString(b, f.Table)
		b = appendString(b, f.File)
		b = appendString(b, f.Sheet)
		b = binary.AppendVarint(b, int64(f.Row))
		b = appendString(b, f.Col)
		b = appendString(b, f.DocNo)
		b = appendString(b, f.Title)
		b = appendString(b, f.Message)
		if r := f.Review; r != nil {
			b = append(b, 1)
			b = appendString(b, r.Decision)
			b = appendString(b, r.Reason)
			b = appendString(b, r.By)
			b = appendString(b, r.On)
		} else {
			b = append(b, 0)
		}
		b = appendString(b, f.MessageText.Zh)
		b = appendString(b, f.MessageText.En)
		b = appendString(b, f.Rule)
		if a := f.Amount; a != nil && *a != 0 {
			b = append(b, 1)
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(*a))
		} else {
			b = append(b, 0)
		}
		b = binary.AppendVarint(b, int64(f.Omitted))
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

// encodeDeferred appends ds (a unit's 即将到期 or 待定 rows) to b.
func encodeDeferred(b []byte, ds []DeferredResult) []byte {
	b = binary.AppendUvarint(b, uint64(len(ds)))
	for i := range ds {
		d := &ds[i]
		b = appendString(b, d.Item)
		b = appendString(b, d.Kind)
		b = appendBool(b, d.Public)
		b = appendString(b, d.Table)
		b = appendString(b, d.File)
		b = appendString(b, d.Sheet)
		b = binary.AppendVarint(b, int64(d.Row))
		b = appendString(b, d.DocNo)
		b = appendString(b, d.Title)
		b = appendString(b, d.Due)
		b = binary.AppendVarint(b, int64(d.MissingYear))
		b = appendString(b, d.Overlay)
		b = appendString(b, d.Message)
		b = appendString(b, d.MessageText.Zh)
		b = appendString(b, d.MessageText.En)
	}
	return b
}

// deferred reads what encodeDeferred wrote; nil for none (as the result
// had them: the lists are made only when not empty).
func (d *findingDecoder) deferred() []DeferredResult {
	n := d.uvarint()
	if d.err != nil || n > uint64(len(d.b)) {
		d.err = errFindingData
		return nil
	}
	if n == 0 {
		return nil
	}
	ds := make([]DeferredResult, n)
	for i := range ds {
		r := &ds[i]
		r.Item = d.str()
		r.Kind = d.str()
		r.Public = d.bool()
		r.Table = d.str()
		r.File = d.str()
		r.Sheet = d.str()
		r.Row = int(d.varint())
		r.DocNo = d.str()
		r.Title = d.str()
		r.Due = d.str()
		r.MissingYear = int(d.varint())
		r.Overlay = d.str()
		r.Message = d.str()
		r.MessageText = msg.Text{Zh: d.str(), En: d.str()}
	}
	return ds
}

var errFindingData = errors.New("damaged findings data")

// findingDecoder reads what encodeFindings wrote. The strings are slices of
// one string holding all of b.
type findingDecoder struct {
	b   []byte
	s   string // b as a string
	off int
	err error
}

// decodeFindings reads the findings encodeFindings wrote into b.
func decodeFindings(b []byte) ([]FindingResult, error) {
	d := &findingDecoder{b: b, s: string(b)}
	n := d.uvarint()
	if d.err != nil || n > uint64(len(b)) {
		return nil, errFindingData
	}
	fs := make([]FindingResult, n)
	for i := range fs {
		f := &fs[i]
		f.Item = d.str()
		f.Kind = d.str()
		f.Public = d.bool()
		f.Table = d.str()
		f.File = d.str()
		f.Sheet = d.str()
		f.Row = int(d.varint())
		f.Col = d.str()
		f.DocNo = d.str()
		f.Title = d.str()
		f.Message = d.str()
		if d.bool() {
			f.Review = &Review{Decision: d.str(), Reason: d.str(), By: d.str(), On: d.str()}
		}
		f.MessageText = msg.Text{Zh: d.str(), En: d.str()}
		f.Rule = d.str()
		if d.bool() {
			a := math.Float64frombits(d.uint64())
			f.Amount = &a
		}
		f.Omitted = int(d.varint())
		if d.err != nil {
			return nil, d.err
		}
	}
	if d.off != len(d.s) {
		return nil, errFindingData
	}
	return fs, nil
}

func (d *findingDecoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.b[d.off:])
	if n <= 0 {
		d.err = errFindingData
		return 0
	}
	d.off += n
	return v
}

func (d *findingDecoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Varint(d.b[d.off:])
	if n <= 0 {
		d.err = errFindingData
		return 0
	}
	d.off += n
	return v
}

func (d *findingDecoder) str() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > uint64(len(d.s)-d.off) {
		d.err = errFindingData
		return ""
	}
	s := d.s[d.off : d.off+int(n)]
	d.off += int(n)
	return s
}

func (d *findingDecoder) bool() bool {
	if d.err != nil {
		return false
	}
	if d.off >= len(d.s) {
		d.err = errFindingData
		return false
	}
	c := d.s[d.off]
	d.off++
	return c != 0
}

func (d *findingDecoder) uint64() uint64 {
	if d.err != nil {
		return 0
	}
	if len(d.s)-d.off < 8 {
		d.err = errFindingData
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b[d.off:])
	d.off += 8
	return v
}
