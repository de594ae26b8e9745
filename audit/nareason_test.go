package audit

import "testing"

func TestNAReason(t *testing.T) {
	for _, c := range []struct{ cond, zh, en string }{
		{`year >= 2018`, "不适用（本指标只适用于：2018年度及以后）", "not applicable (the item applies only to: the year 2018 and later)"},
		{`unit.type == "部门" && unit.pilot`, "不适用（本指标只适用于：部门，且试点单位）", "not applicable (the item applies only to: 部门 and pilot units)"},
		{`year >= 2018 && !(unit.type == "部门" && unit.pilot)`, "不适用（本指标只适用于：2018年度及以后，且不属于「部门，且试点单位」）",
			"not applicable (the item applies only to: the year 2018 and later and not (部门 and pilot units))"},
		{`unit.type == "乡镇" && year >= 2017`, "不适用（本指标只适用于：乡镇，且2017年度及以后）", "not applicable (the item applies only to: 乡镇 and the year 2017 and later)"},
		{`len(rows.documents) > 3`, "不适用（本单位不在该指标的适用范围内）", "not applicable (the item does not apply to this unit)"},
	} {
		got := naReason(c.cond)
		if got.Zh != c.zh || got.En != c.en {
			t.Errorf("naReason(%q) = %q / %q\nwant %q / %q", c.cond, got.Zh, got.En, c.zh, c.en)
		}
	}
}
