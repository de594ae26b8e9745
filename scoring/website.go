package scoring

import (
	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/rules"
)

// WebsiteCheck is a unit's register set against the website's catalogue
// (the district table catalog, when the audit was given it): the district
// report's 网站核对 sheet.
type WebsiteCheck struct {
	// Register counts the register's 主动公开 documents; Catalog the
	// catalogue's documents of the unit; Matched the register's 主动公开
	// documents found in the catalogue (rules.Match).
	Register int `json:"register"`
	Catalog  int `json:"catalog"`
	Matched  int `json:"matched"`
	// MissingOnline, DatesDiffer and MissingFromRegister count the failing
	// rows of the items that check the catalogue: over the register and
	// 应公开未公开 (not online), over the register otherwise (dates differ),
	// over the catalogue (not in the register).
	MissingOnline       int `json:"missing_online"`
	DatesDiffer         int `json:"dates_differ"`
	MissingFromRegister int `json:"missing_from_register"`
}

// website compares a unit's register with its part of the catalogue; nil
// when the audit was not given the catalogue.
func website(ev *audit.Evaluation) *WebsiteCheck {
	cat := ev.Unit.Tables["catalog"]
	if cat == nil {
		return nil
	}
	w := &WebsiteCheck{Catalog: len(cat.Rows)}
	rows := make([]rules.Row, len(cat.Rows))
	for i, r := range cat.Rows {
		rows[i] = r.Values
	}
	if docs := ev.Unit.Tables["documents"]; docs != nil {
		for _, r := range docs.Rows {
			if r.Values["attribute"] != "主动公开" {
				continue
			}
			w.Register++
			if rules.Match(rows, r.Values["doc_no"], r.Values["title"]) != nil {
				w.Matched++
			}
		}
	}
	for _, o := range ev.Outcomes {
		it := o.Item
		if o.NA || it.Check == nil || it.Check.Program == nil || !it.Check.Program.UsesTable("catalog") {
			continue
		}
		switch {
		case it.Table == "catalog":
			w.MissingFromRegister += o.Failed
		case it.Public:
			w.MissingOnline += o.Failed
		default:
			w.DatesDiffer += o.Failed
		}
	}
	return w
}
