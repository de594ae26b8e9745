package roster

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/zwgk/zwgk/checklists/msg"
)

func TestParse(t *testing.T) {
	yes := true
	data := "units:\n" +
		"  - name: 利通区发展和改革局\n    type: 部门\n    pilot: true\n    aliases: [区发改局, 发改局]\n" +
		"  - {name: 金积镇, type: 镇}\n"
	ro, err := Parse("roster.yaml", []byte(data))
	if err != nil {
		t.Fatal(err)
	}
	want := &Roster{Source: "roster.yaml", Units: []*Unit{
		{Name: "利通区发展和改革局", Type: "部门", Pilot: &yes, Aliases: []string{"区发改局", "发改局"}, Line: 2},
		{Name: "金积镇", Type: "乡镇", Line: 6},
	}}
	if diff := cmp.Diff(want, ro); diff != "" {
		t.Errorf("Parse (-want +got):\n%s", diff)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data string
		zh, en     string
	}{
		{"unknown key with a suggestion", "units:\n  - {name: 金积镇, tpye: 乡镇}\n",
			"r.yaml:2:17: 名单中的单位中有未知的键「tpye」，是否想写「type」？",
			`r.yaml:2:17: unknown key "tpye" in a roster unit; did you mean "type"?`},
		{"no name", "units:\n  - {type: 乡镇}\n",
			"r.yaml:2:5: 名单中的单位缺少名称（name）", "r.yaml:2:5: a roster unit has no name"},
		{"bad type", "units:\n  - {name: 金积镇, type: 村}\n",
			"r.yaml:2:23: 单位「金积镇」的类型「村」应为 乡镇 或 部门",
			`r.yaml:2:23: unit "金积镇": type "村" should be 乡镇 (township) or 部门 (department)`},
		{"pilot not a boolean", "units:\n  - {name: 金积镇, pilot: 是}\n",
			"r.yaml:2:24: 「pilot」应为布尔值（true 或 false），不是文本",
			`r.yaml:2:24: pilot should be a boolean (true or false), not text`},
		{"two units, one name", "units:\n  - {name: 利通区民政局}\n  - {name: 民政局, aliases: [x]}\n",
			"r.yaml:3: 单位「利通区民政局」和「民政局」的名称或别名重复（「民政局」）",
			`r.yaml:3: units "利通区民政局" and "民政局" share a name or alias ("民政局")`},
		{"full-width colon", "units：\n  - {name: 金积镇}\n",
			"", ""},
		{"not a roster", "decisions: []\n",
			"r.yaml:1:1: 名单中有未知的键「decisions」（可用：units）\nr.yaml:1:1: 名单缺少「units」",
			"r.yaml:1:1: unknown key \"decisions\" in the roster (known: units)\nr.yaml:1:1: the roster lacks \"units\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("r.yaml", []byte(tt.data))
			if err == nil {
				t.Fatal("no error")
			}
			if tt.zh == "" {
				return // only that it is refused
			}
			if got := msg.Local(err, msg.ZH); got != tt.zh {
				t.Errorf("zh:\n got %s\nwant %s", got, tt.zh)
			}
			if got := msg.Local(err, msg.EN); got != tt.en {
				t.Errorf("en:\n got %s\nwant %s", got, tt.en)
			}
		})
	}
}
