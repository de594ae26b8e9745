package scoring

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
)

// within reports whether s's bytes lie inside buf's.
func within(s, buf string) bool {
	if s == "" {
		return false
	}
	p, b := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(buf)))
	return p >= b && p < b+uintptr(len(buf))
}

// TestDeferredResultCopiesRowValues: a unit's 即将到期 and 待定 rows stay in
// its result until the reports are written; the values taken from its rows
// must not share the rows' memory (a sheet's whole text, or the workbook's
// shared strings), or every unit's sheets stay alive (issue 21).
func TestDeferredResultCopiesRowValues(t *testing.T) {
	sheet := "利通政发〔2026〕12号关于印发某某办法的通知不予公开"
	d := audit.Deferred{Finding: audit.Finding{Item: "A3", Pos: audit.Pos{File: "a.xlsx", Sheet: "公文台账", Row: 7},
		DocNo: sheet[:len("利通政发〔2026〕12号")], Title: sheet[len("利通政发〔2026〕12号") : len(sheet)-len("不予公开")],
		Text: msg.Text{Zh: sheet, En: sheet[3:]}}}
	r := deferredResult(d)
	if r.DocNo != d.DocNo || r.Title != d.Title || r.MessageText != d.Text {
		t.Fatalf("deferredResult changed the values: %+v", r)
	}
	for name, s := range map[string]string{"DocNo": r.DocNo, "Title": r.Title, "MessageText.Zh": r.MessageText.Zh, "MessageText.En": r.MessageText.En} {
		if within(s, sheet) {
			t.Errorf("%s shares the row's memory", name)
		}
	}
	if !strings.HasPrefix(r.Title, "关于") {
		t.Errorf("Title %q", r.Title)
	}
}
