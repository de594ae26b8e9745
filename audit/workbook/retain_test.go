package workbook

import (
	"runtime"
	"strings"
	"testing"
)

// TestUnitNameKeepsNoSheetText: the unit's name and type outlive its rows
// (the scored result and the roster's reconciliation keep them until the
// reports are written). Read as substrings of the workbook's shared strings
// or of a sheet's text, they would keep all of it alive for every unit, and
// an audit's memory would grow with the units (issue 21). A workbook with
// 12 MB of shared strings is read, the unit dropped but for its name: the
// heap must not keep the strings.
func TestUnitNameKeepsNoSheetText(t *testing.T) {
	const rows, size = 2000, 6 << 10
	register := [][]any{{"序号", "文号", "标题", "公开属性", "印发日期"}}
	for i := range rows {
		register = append(register, []any{i + 1, "", strings.Repeat(string(rune('甲'+i%50)), size/3) + string(rune('一'+i)), "主动公开", "2026-03-01"})
	}
	p := writeXLSX(t, docFile, unitSheet, sheet{name: "公文台账", rows: register})

	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	u, err := ReadXLSX(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(u.Tables["documents"].Rows); got != rows {
		t.Fatalf("read %d rows, want %d", got, rows)
	}
	name, typ := u.Name, u.Type
	u = nil
	var after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&after)
	if name != "利通区发展和改革局" || typ != "部门" {
		t.Fatalf("name %q type %q", name, typ)
	}
	// The shared strings are 12 MB; what is left of the read must be far
	// less (a few hundred KB of pooled buffers).
	if grown := int64(after.HeapAlloc) - int64(before.HeapAlloc); grown > 4<<20 {
		t.Errorf("after reading, keeping the unit's name and type keeps %d MB of the heap alive", grown>>20)
	}
	runtime.KeepAlive(name)
	runtime.KeepAlive(typ)
}
