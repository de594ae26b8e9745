package audit

import "github.com/zwgk/zwgk/checklists/msg"

// The bounds on the findings kept for one unit: a register of a million bad
// rows is scored on all of them, but only the first findings of each item
// (and of the unit) are listed; the rest are counted, and the count is
// listed as one finding of the same kind, 「另有 N 条同类问题」.
const (
	// MaxItemFindings is the most findings of one item listed for a unit.
	MaxItemFindings = 1000
	// MaxUnitFindings is the most findings listed for a unit in all.
	MaxUnitFindings = 10000
)

// omission counts the findings of one kind left out of an outcome.
type omission struct {
	kind   string
	public bool
	table  string
	n      int
}

// room reports whether one more finding of o may be listed; when not, it
// counts one of kind left out. Scores never depend on it: Applicable and
// Failed are counted whatever is listed.
func (ev *Evaluation) room(o *Outcome, kind string, public bool, table string) bool {
	if o == nil {
		if ev.listed < MaxUnitFindings {
			ev.listed++
			return true
		}
		ev.omitted = addOmission(ev.omitted, kind, public, table)
		return false
	}
	if len(o.Findings) < MaxItemFindings && ev.listed < MaxUnitFindings {
		ev.listed++
		return true
	}
	o.omitted = addOmission(o.omitted, kind, public, table)
	return false
}

func addOmission(list []omission, kind string, public bool, table string) []omission {
	for i := range list {
		if list[i].kind == kind && list[i].public == public && list[i].table == table {
			list[i].n++
			return list
		}
	}
	return append(list, omission{kind: kind, public: public, table: table, n: 1})
}

// add lists f under o, or counts it as left out.
func (ev *Evaluation) add(o *Outcome, f Finding) {
	if ev.room(o, f.Kind, f.Public, f.Table) {
		o.Findings = append(o.Findings, f)
	}
}

// closeOmissions appends one finding per kind left out: 「另有 N 条同类问题」.
func closeOmissions(item string, file string, list []omission) []Finding {
	var out []Finding
	for _, om := range list {
		out = append(out, Finding{Item: item, Kind: om.kind, Public: om.public, Table: om.table, Pos: Pos{File: file}, Omitted: om.n,
			Text: OmittedText(om.n)})
	}
	return out
}

// OmittedText is the message of a finding that stands for n findings left
// out of the list.
func OmittedText(n int) msg.Text {
	return msg.New("另有 %d 条同类问题（未逐条列出，已全部计入得分）", "%d more findings of this kind (not listed one by one; all counted in the score)", n)
}
