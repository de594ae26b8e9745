package workbook

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestReadUnitSheet: ReadUnitSheet gives the unit's values as Read does,
// without reading the registers, so a workbook whose register cannot be
// read still gives its 年度.
func TestReadUnitSheet(t *testing.T) {
	unit := sheet{name: "单位信息", rows: [][]any{
		{"项目", "内容"},
		{"单位名称", "利通区发展和改革局"},
		{"单位类型", "部门"},
		{"年度", "2019年"},
	}}
	register := [][]any{{"序号", "文号", "标题", "公开属性", "印发日期"}}
	for i := range 10 {
		register = append(register, []any{i + 1, "利发改发〔2019〕1号", "关于某某的通知", "主动公开", "2019-03-01"})
	}
	p := writeXLSX(t, docFile, unit, sheet{name: "公文台账", rows: register})

	rd := NewReader(Options{})
	whole, err := rd.Read(p)
	if err != nil {
		t.Fatal(err)
	}
	u, err := rd.ReadUnitSheet(p)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(whole.Values, u.Values); diff != "" {
		t.Errorf("values (-Read +ReadUnitSheet)\n%s", diff)
	}
	if u.Name != whole.Name || u.Type != whole.Type || u.Year != 2019 || whole.Year != 2019 {
		t.Errorf("ReadUnitSheet: %q %q %d; Read: %q %q %d", u.Name, u.Type, u.Year, whole.Name, whole.Type, whole.Year)
	}
	if len(u.Tables) != 0 {
		t.Errorf("ReadUnitSheet read tables %v", u.Tables)
	}

	// Rows past the limit make the register unreadable, not the unit sheet.
	rd = NewReader(Options{MaxRows: 6})
	if _, err := rd.Read(p); err == nil {
		t.Fatal("Read: no error for a register past MaxRows")
	}
	if u, err := rd.ReadUnitSheet(p); err != nil || u.Year != 2019 {
		t.Errorf("ReadUnitSheet with the register unreadable: %v, %v", u, err)
	}
}
