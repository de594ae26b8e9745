package checklists

import (
	"fmt"
	"math/big"
	"path/filepath"
	"strings"
	"testing"
)

// v2Doc is a small valid v2 checklist; each lint case replaces one line.
const v2Doc = `format: zwgk.checklist/v2
id: v2-lint
title: 测试
total: 100
max_score: 120
performance_weight: 0.05
grades:
  - {name: 合格, min: 60}
  - {name: 不合格, min: 0}
tables:
  documents:
    defaults: {attribute: 主动公开}
sections:
  - id: A
    title: 甲
    pass_min: 30
    effect: {cap: 59}
    items:
      - id: A1
        title: 池
        basis: x
        points: 40
        method: deduct
        cap: 6
        rules:
          - {table: documents, check: 'doc_no != nil', per: 1}
          - {check: 'year > 2000', per: 2}
      - id: A2
        title: 评估
        basis: x
        points: {乡镇: 60, 部门: 50}
        method: evaluator
      - id: A3
        title: 部门专项
        basis: x
        points: {部门: 10}
        method: deduct
        table: documents
        check: 'title != nil'
        per: 'policy ? 2 : 1'
      - id: V
        title: 否决
        basis: x
        method: veto
        effect: section
        table: documents
        check: 'true'
  - id: B
    title: 加分
    items:
      - id: B1
        title: 门槛
        basis: x
        points: 20
        method: bonus
        applies: 'score.A >= 30'
        check: 'true'
`

func TestV2Valid(t *testing.T) {
	c, errs := testLoadData(t, "v2.yaml", []byte(v2Doc))
	if errs.HasErrors() {
		t.Fatalf("errors:\n%s", errs.Errors())
	}
	if c.Version != 2 || c.MaxScore.Cmp(ratOf("120")) != 0 || c.BonusLimit().Cmp(ratOf("20")) != 0 {
		t.Errorf("version %d max %v bonus limit %v", c.Version, c.MaxScore, c.BonusLimit())
	}
	a1 := c.Item("A1")
	if len(a1.Rules) != 2 || a1.Rules[0].Label != "A1#1" || a1.Rules[1].Item.Table != "" || a1.Cap.Cmp(ratOf("6")) != 0 {
		t.Errorf("A1 = %+v", a1)
	}
	if p, ok := c.Item("A3").PointsFor(Township); ok || p.Sign() != 0 {
		t.Errorf("A3 for 乡镇 = %v, %v; want 0, not applicable", p, ok)
	}
	if c.Item("B1").Gate == nil || c.Item("B1").Applies != nil {
		t.Errorf("B1's applies is not a gate")
	}
	if c.Item("V").Effect.Kind != EffectSection || c.Sections[0].Effect.Kind != EffectCap {
		t.Errorf("effects %+v %+v", c.Item("V").Effect, c.Sections[0].Effect)
	}
	if got := c.Schema.Table("documents").Defaults["attribute"]; got != "主动公开" {
		t.Errorf("default attribute = %v", got)
	}
	if fmt.Sprint(c.Types) != "[乡镇 部门]" {
		t.Errorf("types = %v", c.Types)
	}
}

func ratOf(s string) *big.Rat { r, _ := new(big.Rat).SetString(s); return r }

// Every v2 lint rule, each at its FILE:LINE:COL: at is the text the error
// points to (its first occurrence after the replacement), plus off columns.
func TestV2Lint(t *testing.T) {
	tests := []struct {
		name, old, new string
		at             string
		off            int
		zh, en         string
	}{
		{"v2 key in v1", "format: zwgk.checklist/v2", "format: zwgk.checklist/v1", "max_score", 0,
			"「max_score」是 zwgk.checklist/v2 的写法", "write format: zwgk.checklist/v2"},
		{"rules on rate", "method: deduct\n        cap: 6", "method: rate", "rules:", 0,
			"rate 指标不能有 rules", "a rate item may not have rules"},
		{"rules on self", "method: deduct\n        cap: 6", "method: self", "rules:", 0,
			"self 指标不能有 rules", "a self item may not have rules"},
		{"typed points off", "{乡镇: 60, 部门: 50}", "{乡镇: 60, 部门: 45}", "total: 100", 7,
			"「部门」类单位的指标分值之和「95」不等于总分「100」", "the points of 部门 units add up to 95"},
		{"score outside gate", "check: 'title != nil'", "check: 'score.A > 1'", "score.A > 1", 0,
			"score（计算得分）只能用在", "may only be used in the applies of a bonus item"},
		{"score unknown", "applies: 'score.A >= 30'", "applies: 'score.Z >= 30'", "'score.Z", 0,
			"score.Z 不是指标体系中的指标或类别", "score.Z is no item or section"},
		{"cycle", "applies: 'score.A >= 30'", "applies: 'score.B1 >= 1'", "'score.B1", 0,
			"依赖自身得分（循环）", "(a cycle)"},
		{"cap above points", "cap: 6", "cap: 41", "41", 0,
			"cap「41」超过指标分值「40」", "cap 41 exceeds the item's points 40"},
		{"effect on deduct", "cap: 6", "effect: zero", "effect: zero", 0,
			"effect 只用于一票否决（veto）指标", "effect is only for veto items"},
		{"section effect on section", "effect: {cap: 59}", "effect: section", "section\n", 0,
			"effect: section 只用于一票否决（veto）指标", "effect: section is for veto items only"},
		{"effect without pass_min", "    pass_min: 30\n", "", "effect: {cap: 59}", 0,
			"请写 pass_min", "write pass_min"},
		{"unknown effect", "effect: section\n        table", "effect: sink\n        table", "sink", 0,
			"未知的effect「sink」", `unknown effect "sink"`},
		{"overflow with cap", "cap: 6", "cap: 6\n        overflow: section", "overflow", 0,
			"overflow: section 与 cap 不能同时使用", "cannot be used together"},
		{"overflow on bonus", "method: bonus", "method: bonus\n        overflow: section", "overflow", 0,
			"overflow 只用于 deduct 指标", "overflow is only for deduct items"},
		{"evaluator in v1-shaped check", "method: evaluator", "method: evaluator\n        check: 'true'", "check: 'true'\n      - id: A3", 0,
			"不需要 check", "needs no check"},
		{"unknown type", "{部门: 10}", "{处室: 10}", "处室", 0,
			"未知的单位类型「处室」", `unknown unit type "处室"`},
		{"rule without check", "{check: 'year > 2000', per: 2}", "{per: 2}", "{per: 2}", 0,
			"规则 A1#2 缺少 check", "rule A1#2 lacks a check"},
		{"rules and check", "method: deduct\n        cap: 6", "method: deduct\n        check: 'true'", "check: 'true'\n        rules", 0,
			"有 rules 的指标不能再写 check", "may not have its own check"},
		{"per on veto rule", "method: veto\n        effect: section\n        table: documents\n        check: 'true'", "method: veto\n        rules:\n          - {check: 'true', per: 1}", "'true', per: 1}", 8,
			"不能有 per", "may not have per"},
		{"bad default", "{attribute: 主动公开}", "{attribute: 公开一下}", "公开一下", 0,
			"「公开一下」不是字段「attribute」（enum）的有效取值", `"公开一下" is not a valid value of field "attribute"`},
		{"typed points in v1", "format: zwgk.checklist/v2\nid: v2-lint\ntitle: 测试\ntotal: 100\nmax_score: 120", "format: zwgk.checklist/v1\nid: v2-lint\ntitle: 测试\ntotal: 100", "{乡镇: 60", 0,
			"「points: {类型: 分值}」是 zwgk.checklist/v2 的写法", "belongs to zwgk.checklist/v2"},
		{"bonus without room", "max_score: 120\n", "", "- id: B1", 2,
			"加分项「B1」不会加分", "bonus item \"B1\" can add nothing"},
		{"per beside rules", "cap: 6\n", "cap: 6\n        per: 2\n", "per: 2\n        rules", 0,
			"有 rules 的指标请把 per 写在各条规则中", "an item with rules states per in each rule"},
		{"evaluator in v1", "format: zwgk.checklist/v2\nid: v2-lint\ntitle: 测试\ntotal: 100\nmax_score: 120", "format: zwgk.checklist/v1\nid: v2-lint\ntitle: 测试\ntotal: 100", "evaluator\n", 0,
			"「method: evaluator」是 zwgk.checklist/v2 的写法", "method: evaluator belongs to zwgk.checklist/v2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(v2Doc, tt.old) {
				t.Fatalf("base has no %q", tt.old)
			}
			doc := strings.Replace(v2Doc, tt.old, tt.new, 1)
			_, errs := testLoadData(t, "v2.yaml", []byte(doc))
			if !strings.Contains(tt.name, "without room") {
				errs = errs.Errors()
			}
			i := strings.Index(doc, tt.at)
			if i < 0 {
				t.Fatalf("doc has no %q", tt.at)
			}
			line := strings.Count(doc[:i], "\n") + 1
			col := len([]rune(doc[strings.LastIndex(doc[:i], "\n")+1:i])) + 1 + tt.off
			want := fmt.Sprintf("v2.yaml:%d:%d", line, col)
			for _, e := range errs {
				if strings.Contains(e.Text.Zh, tt.zh) && strings.Contains(e.Text.En, tt.en) {
					if e.Pos.String() != want {
						t.Errorf("%s at %s, want %s", e.Text.Zh, e.Pos, want)
					}
					return
				}
			}
			t.Errorf("no error %q / %q; got:\n%s", tt.zh, tt.en, errs.In("en")+"\n"+errs.In("zh"))
		})
	}
}

// The JSON Schema accepts every v2 checklist of the repository and refuses
// v2 keys under format v1 and malformed v2 values.
func TestV2JSONSchema(t *testing.T) {
	s := compileSchema(t)
	files, _ := filepath.Glob("../scoring/testdata/v2/*.yaml")
	files = append(files, "../samples/litong-2017-v2.yaml")
	for _, name := range files {
		if err := s.Validate(yamlToJSON(t, testdataFile(t, name))); err != nil {
			t.Errorf("%s rejected: %s", name, err.Error())
		}
	}
	if err := s.Validate(yamlToJSON(t, []byte(v2Doc))); err != nil {
		t.Errorf("v2Doc rejected: %s", err.Error())
	}
	for _, bad := range []struct{ old, new string }{
		{"format: zwgk.checklist/v2", "format: zwgk.checklist/v1"}, // max_score under v1
		{"effect: section", "effect: sink"},
		{"overflow: section", "overflow: item"},
		{"cap: 6", "cap: -1"},
		{"{乡镇: 60, 部门: 50}", "{乡镇: -60, 部门: 50}"},
		{"method: evaluator", "method: judge"},
	} {
		doc := strings.Replace(v2Doc, bad.old, bad.new, 1)
		if doc == v2Doc && bad.old != "overflow: section" {
			t.Fatalf("base has no %q", bad.old)
		}
		if bad.old == "overflow: section" {
			doc = strings.Replace(v2Doc, "cap: 6", "overflow: item", 1)
		}
		if err := s.Validate(yamlToJSON(t, []byte(doc))); err == nil {
			t.Errorf("accepted %q", bad.new)
		}
	}
}

// Under v2 a grade may start above the total, up to max_score.
func TestV2GradeAboveTotal(t *testing.T) {
	doc := strings.Replace(v2Doc, "  - {name: 合格, min: 60}", "  - {name: 卓越, min: 110}\n  - {name: 合格, min: 60}", 1)
	if _, errs := testLoadData(t, "v2.yaml", []byte(doc)); errs.HasErrors() {
		t.Errorf("errors:\n%s", errs.Errors())
	}
	doc = strings.Replace(v2Doc, "  - {name: 合格, min: 60}", "  - {name: 卓越, min: 121}\n  - {name: 合格, min: 60}", 1)
	if _, errs := testLoadData(t, "v2.yaml", []byte(doc)); !errs.HasErrors() {
		t.Errorf("a grade above max_score accepted")
	}
}
