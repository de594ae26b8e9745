package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/scoring"
)

// renameHeader renames the header cell old of a sheet (searched in its first
// rows) to new, in place.
func renameHeader(path, sheet, old, new string) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := f.GetRows(sheet)
	if err != nil {
		return err
	}
	for r, row := range rows[:min(5, len(rows))] {
		for c, cell := range row {
			if cell == old {
				name, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if err := f.SetCellStr(sheet, name, new); err != nil {
					return err
				}
				return f.Save()
			}
		}
	}
	return &excelize.ErrSheetNotExist{SheetName: sheet + "!" + old}
}

type columnsItem struct {
	ID                 string
	Score              float64
	Applicable, Failed int
	NA                 bool
	MissingColumns     []string
}

type columnsFinding struct {
	Item, Kind string
	Public     bool
	Sheet      string
	Row        int
}

// TestMissingColumn: the model unit 金积镇 (100 优秀) with 印发日期 renamed.
// 发文时间 is an alias: nothing moves. 发文日子 is unknown: the items whose
// rules read issued_on score 0 with one 台账缺列 finding each — no veto,
// nothing public, no row findings — the unit needs correction, and the
// suggestion names 印发日期: 100 − 0.5 (C4 self) − 6 (A2) − 6 (A4) + 2 (G1) = 89.5.
func TestMissingColumn(t *testing.T) {
	for _, c := range []struct {
		name, header string
		score        float64
		grade        string
		needs        bool
		items        []columnsItem // the items reading issued_on
		findings     []columnsFinding
	}{
		{name: "alias", header: "发文时间", score: 100, grade: "优秀", items: []columnsItem{
			{ID: "A2", Score: 6, Applicable: 3}, {ID: "A4", Score: 6, Applicable: 7}, {ID: "F5", Score: 0, Applicable: 7},
		}},
		{name: "unknown", header: "发文日子", score: 89.5, grade: "良好", needs: true, items: []columnsItem{
			{ID: "A2", MissingColumns: []string{"印发日期"}}, {ID: "A4", MissingColumns: []string{"印发日期"}},
			{ID: "F5", MissingColumns: []string{"印发日期"}},
		}, findings: []columnsFinding{
			{Item: "A2", Kind: audit.KindMissingColumn, Sheet: "公文台账"}, {Item: "A4", Kind: audit.KindMissingColumn, Sheet: "公文台账"},
			{Item: "F5", Kind: audit.KindMissingColumn, Sheet: "公文台账"},
			{Kind: audit.KindDataError, Sheet: "公文台账", Row: 1},
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := copySamples(t, "金积镇.xlsx")
			path := filepath.Join(dir, "金积镇.xlsx")
			if err := renameHeader(path, "公文台账", "印发日期", c.header); err != nil {
				t.Fatal(err)
			}
			res, _ := auditSamplesJSON(t, path)
			u := res.Units[0]
			if u.Score != c.score || u.Grade != c.grade || u.Vetoed || u.NeedsCorrection != c.needs || u.Status != scoring.StatusOK {
				t.Errorf("score %v %s vetoed %v needs correction %v status %s, want %v %s false %v ok", u.Score, u.Grade, u.Vetoed, u.NeedsCorrection, u.Status, c.score, c.grade, c.needs)
			}
			var items []columnsItem
			for _, it := range u.Items {
				if it.ID == "A2" || it.ID == "A4" || it.ID == "F5" {
					items = append(items, columnsItem{it.ID, it.Score, it.Applicable, it.Failed, it.NA, it.MissingColumns})
				}
			}
			if diff := cmp.Diff(c.items, items); diff != "" {
				t.Errorf("items (-want +got)\n%s", diff)
			}
			var fs []columnsFinding
			for _, f := range u.Findings {
				fs = append(fs, columnsFinding{f.Item, f.Kind, f.Public, f.Sheet, f.Row})
			}
			if diff := cmp.Diff(c.findings, fs); diff != "" {
				t.Errorf("findings (-want +got)\n%s", diff)
			}
			if !c.needs {
				return
			}
			want := []scoring.MissingColumnNote{{Table: "documents", Sheet: "公文台账", File: path, Field: "issued_on", Header: "印发日期",
				Items: []string{"A2", "A4", "F5"}, Guesses: []string{"发文日子"}, Unknown: []string{"发文日子"}}}
			if diff := cmp.Diff(want, u.MissingColumns); diff != "" {
				t.Errorf("missing columns (-want +got)\n%s", diff)
			}
			out, _, _ := zwgkRun(t, "audit", dir)
			for _, s := range []string{"需补正", "金积镇: 公文台账缺少「印发日期」列（指标 A2、A4、F5）；「发文日子」可能是「印发日期」"} {
				if !strings.Contains(string(out), s) {
					t.Errorf("folder-mode output lacks %q:\n%s", s, out)
				}
			}
		})
	}
}
