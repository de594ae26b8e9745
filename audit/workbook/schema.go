package workbook

import (
	"strings"

	"github.com/zwgk/zwgk/checklists"
)

// spec is a schema prepared for reading: every header, alias and enum value
// folded once.
type spec struct {
	schema *checklists.Schema
	tables []*tableSpec
}

// tableSpec is one table prepared for reading.
type tableSpec struct {
	t        *checklists.Table
	fields   []*fieldSpec
	byHeader map[string]int // folded header or alias → index in fields
	names    []string       // folded sheet name and aliases
	required []int
}

// fieldSpec is one field prepared for reading.
type fieldSpec struct {
	f     *checklists.Field
	enum  map[string]string // folded value or alias → canonical value
	label string            // 公开属性
}

func newSpec(s *checklists.Schema) *spec {
	sp := &spec{schema: s}
	for _, t := range s.Tables {
		if t.District() {
			continue // read once for the district (ReadTable), never from a unit's workbook
		}
		ts := &tableSpec{t: t, byHeader: map[string]int{}}
		for _, n := range append([]string{t.Sheet}, t.SheetAliases...) {
			if k := checklists.Fold(n); k != "" {
				ts.names = append(ts.names, k)
			}
		}
		for i, f := range t.Fields {
			fs := &fieldSpec{f: f, label: f.Header}
			if fs.label == "" {
				fs.label = f.Name
			}
			for _, h := range append([]string{f.Header}, f.Aliases...) {
				k := checklists.Fold(h)
				if _, dup := ts.byHeader[k]; k != "" && !dup {
					ts.byHeader[k] = i
				}
			}
			if f.Type == checklists.Enum {
				fs.enum = map[string]string{}
				for _, v := range f.Values {
					for _, a := range append([]string{v.Name}, v.Aliases...) {
						k := checklists.Fold(a)
						if _, dup := fs.enum[k]; k != "" && !dup {
							fs.enum[k] = v.Name
						}
					}
				}
			}
			if f.Required {
				ts.required = append(ts.required, i)
			}
			ts.fields = append(ts.fields, fs)
		}
		sp.tables = append(sp.tables, ts)
	}
	return sp
}

// header returns the field a header cell names, or -1.
func (ts *tableSpec) header(cell string) int {
	if cell == "" {
		return -1
	}
	if i, ok := ts.byHeader[checklists.Fold(cell)]; ok {
		return i
	}
	return -1
}

// ignoredSheets are sheet names read silently as not part of the data.
var ignoredSheets = []string{"填报说明", "填表说明", "说明", "下拉选项"}

// match finds the table a sheet (or CSV file) name stands for: an exact
// match of the folded name or an alias first, else the table whose name or
// alias is the longest part of it (「2017年公文台账」, 「公文台账（2017）」).
// exact tells which kind of match it was.
func (sp *spec) match(sheet string) (ts *tableSpec, exact bool) {
	k := checklists.Fold(sheet)
	if k == "" {
		return nil, false
	}
	for _, t := range sp.tables {
		for _, n := range t.names {
			if n == k {
				return t, true
			}
		}
	}
	best := 0
	for _, t := range sp.tables {
		for _, n := range t.names {
			if len(n) > best && strings.Contains(k, n) {
				ts, best = t, len(n)
			}
		}
	}
	return ts, false
}

// ignored reports whether a sheet is an instructions sheet to skip silently.
func ignored(sheet string) bool {
	k := checklists.Fold(sheet)
	for _, n := range ignoredSheets {
		if k == n {
			return true
		}
	}
	return false
}
