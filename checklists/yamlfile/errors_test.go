package yamlfile

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwgk/zwgk/checklists/msg"
)

func TestErrorList(t *testing.T) {
	var empty ErrorList
	if empty.Err() != nil {
		t.Error("empty list: Err() != nil")
	}
	l := ErrorList{
		{Pos: Pos{"b.yaml", 1, 1}, Text: msg.New("乙", "b")},
		{Pos: Pos{"a.yaml", 3, 2}, Text: msg.New("警", "w"), Warning: true},
		{Pos: Pos{"a.yaml", 3, 2}, Text: msg.New("错「%s」", "error %q", "x")},
		{Pos: Pos{"a.yaml", 10, 1}, Text: msg.New("十", "ten")},
		{Pos: Pos{"a.yaml", 2, 0}, Text: msg.New("行", "line")},
		{Pos: Pos{File: "c.yaml"}, Text: msg.New("文件", "file")},
	}
	l.Sort()
	want := "a.yaml:2: 行\na.yaml:3:2: 错「x」\na.yaml:3:2: 警告：警\na.yaml:10:1: 十\nb.yaml:1:1: 乙\nc.yaml: 文件"
	if diff := cmp.Diff(want, l.Err().Error()); diff != "" {
		t.Errorf("Error() (-want +got):\n%s", diff)
	}
	wantEn := "a.yaml:2: line\na.yaml:3:2: error \"x\"\na.yaml:3:2: warning: w\na.yaml:10:1: ten\nb.yaml:1:1: b\nc.yaml: file"
	if diff := cmp.Diff(wantEn, l.In(msg.EN)); diff != "" {
		t.Errorf("In(en) (-want +got):\n%s", diff)
	}
	if got := len(l.Errors()); got != 5 {
		t.Errorf("Errors() has %d, want 5", got)
	}
	if got := len(l.Warnings()); got != 1 || !l.HasErrors() || l.Warnings().HasErrors() {
		t.Errorf("Warnings() has %d, HasErrors %v", got, l.HasErrors())
	}
}
