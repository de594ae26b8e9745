package checklists

import (
	"os"
	"strings"
	"testing"
)

// TestDistrictTableKeys: source, owner and optional declare a district
// table; its mistakes are positioned errors.
func TestDistrictTableKeys(t *testing.T) {
	valid, err := os.ReadFile("testdata/valid.yaml")
	if err != nil {
		t.Fatal(err)
	}
	with := func(tables string) []byte {
		return []byte(strings.Replace(string(valid), "tables:\n", "tables:\n"+tables, 1))
	}
	c, errs := testLoadData(t, "d.yaml", with(`  inspections:
    source: district
    owner: unit_name
    optional: true
    sheet: 专项检查问题
    fields:
      - {name: unit_name, header: 被检查单位, type: text, required: true}
      - {name: doc, header: 文号, type: docno}
`))
	if len(errs) != 0 {
		t.Fatalf("errors:\n%s", errs)
	}
	ins := c.Schema.Table("inspections")
	if !ins.District() || ins.Owner != "unit_name" || !ins.Optional || ins.Field("doc").Type != DocNo {
		t.Errorf("inspections = %+v", ins)
	}
	if got := c.Schema.UnitTables().Table("inspections"); got != nil {
		t.Error("a district table is among a unit's tables")
	}
	if got := c.Schema.DistrictTables(); len(got) != 4 { // catalog, monitoring, platform, inspections
		t.Errorf("%d district tables, want 4", len(got))
	}

	for _, tt := range []struct {
		name, tables, want string
	}{
		{"no owner", "  x:\n    source: district\n    sheet: X表\n    fields: [{name: a, header: 甲, type: text}]\n",
			"区级表「x」需要 owner"},
		{"unknown owner", "  x:\n    source: district\n    owner: b\n    sheet: X表\n    fields: [{name: a, header: 甲, type: text}]\n",
			"字段「b」"},
		{"owner of a unit table", "  reposts:\n    owner: title\n",
			"owner 和 optional 只用于区级表"},
		{"bad source", "  x:\n    source: city\n    owner: a\n    sheet: X表\n    fields: [{name: a, header: 甲, type: text}]\n",
			"city"},
		{"district form", "  x:\n    source: district\n    form: true\n    owner: a\n    sheet: X表\n    fields: [{name: a, header: 甲, type: text}]\n",
			"不能是 form"},
	} {
		_, errs := testLoadData(t, "d.yaml", with(tt.tables))
		if !strings.Contains(errs.Error(), tt.want) {
			t.Errorf("%s: errors %q, want one with %q", tt.name, errs.Error(), tt.want)
		}
	}
}
