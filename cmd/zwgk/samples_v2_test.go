package main

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/scoring"
)

// The v2 sample checklist on the sample district: the scores samples/README.md
// works out by hand («v2 样例»). C1 is an evaluator item no one has scored,
// so every unit is pending and its score provisional (C1 counting 0).
func TestSamplesV2(t *testing.T) {
	res, _ := auditSamplesJSON(t, "--checklist", samplesDir+"/litong-2017-v2.yaml", samplesDir)
	type row struct {
		Name        string
		Score, Base float64
		Bonus       float64
		Grade       string
		Rank        int
		Effects     int
	}
	want := []row{
		{"金积镇", 100.5, 96.5, 4, "优秀", 1, 0},
		{"上桥镇", 97, 94, 3, "优秀", 2, 0},
		{"利通区财政局", 94.5, 91.5, 3, "优秀", 3, 0},
		{"利通区发展和改革局", 94, 90.5, 3.5, "优秀", 4, 0},
		{"古城镇", 87.5, 84.5, 3, "良好", 5, 0},
		{"利通区民政局", 87.5, 86, 1.5, "良好", 5, 0},
		{"高闸镇", 86.5, 85, 1.5, "良好", 7, 0},
		{"利通区卫生和计划生育局", 86, 85, 1, "良好", 8, 0},
		{"马莲渠乡", 83, 80, 3, "良好", 9, 1},
		{"郭家桥乡", 79.5, 77.5, 2, "合格", 10, 0},
		{"利通区司法局", 76.5, 75.5, 1, "合格", 11, 0},
		{"扁担沟镇", 52.5, 52, 0.5, "不合格", 12, 0},
	}
	var got []row
	for _, u := range res.Units {
		r := row{Name: u.Name, Score: u.Score, Grade: u.Grade, Rank: u.Rank, Effects: len(u.Effects)}
		if u.Base != nil {
			r.Base = *u.Base
		}
		if u.Bonus != nil {
			r.Bonus = u.Bonus.Counted
		}
		got = append(got, r)
		if u.Status != scoring.StatusPending {
			t.Errorf("%s: status %s, want pending (C1 not scored)", u.Name, u.Status)
		}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("v2 sample (-want +got):\n%s", diff)
	}
	for _, u := range res.Units {
		for _, it := range u.Items {
			if u.Name == "扁担沟镇" && it.ID == "A1" && (it.Score != 6 || it.Deducted != 8 || it.Capped != 2) {
				t.Errorf("扁担沟镇 A1 = %v (deducted %v, capped %v), want 6 (8, 2)", it.Score, it.Deducted, it.Capped)
			}
		}
		for _, s := range u.Sections {
			if u.Name == "马莲渠乡" && s.ID == "F" && s.Score != 0 {
				t.Errorf("马莲渠乡 section F = %v, want 0 (F5 vetoes the section)", s.Score)
			}
		}
	}
}
