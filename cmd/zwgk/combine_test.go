package main

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zwgk/zwgk/scoring"
)

// zwgk combine on two saved audits of the samples (v1 70%, v2 30%):
// 金积镇 0.7 × 100 + 0.3 × 100.5 = 100.15; 马莲渠乡 is vetoed in the v1
// stage, so last grade; every unit is pending (the v2 stage is).
func TestCombineCommand(t *testing.T) {
	dir := t.TempDir()
	s1, s2 := filepath.Join(dir, "s1.json"), filepath.Join(dir, "s2.json")
	for _, c := range []struct {
		out  string
		args []string
	}{{s1, nil}, {s2, []string{"--checklist", samplesDir + "/litong-2017-v2.yaml"}}} {
		if _, errb, code := zwgkRun(t, append([]string{"audit", samplesDir, "-o", c.out}, c.args...)...); code != exitOK {
			t.Fatalf("audit: exit %d\n%s", code, errb)
		}
	}
	out, errb, code := zwgkRun(t, "combine", s1+":0.7", s2+":0.3", "--format", "json")
	if code != exitOK {
		t.Fatalf("combine: exit %d\n%s", code, errb)
	}
	res, err := scoring.ReadResult(bytes.NewReader(out), "stdout")
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range res.Units {
		switch u.Name {
		case "金积镇":
			if u.Score != 100.15 || u.Rank != 1 || len(u.Stages) != 2 || *u.Stages[1].Score != 100.5 {
				t.Errorf("金积镇 = %v rank %d stages %+v, want 100.15, 1", u.Score, u.Rank, u.Stages)
			}
		case "马莲渠乡":
			if !u.Vetoed || u.Grade != "不合格" {
				t.Errorf("马莲渠乡 vetoed %v grade %s", u.Vetoed, u.Grade)
			}
		}
	}
	_, errb, code = zwgkRun(t, "combine", s1+":0.7", s2+":0.2")
	if code != exitError2 || !strings.Contains(string(errb), "权重之和应为1") {
		t.Errorf("weights 0.9: exit %d, %s", code, errb)
	}
}
