package main

import (
	"strings"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/audit/workbook"
	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/roster"
)

// districtInput is one district table given with --table NAME=FILE.
type districtInput struct {
	table *checklists.Table
	file  string
	split *roster.Split
}

// parseTables checks the --table flags against the checklist's district
// tables: NAME=FILE, a district table, each once. It returns the inputs in
// the order given, without reading them.
func parseTables(c *checklists.Checklist, specs []string) ([]*districtInput, error) {
	var out []*districtInput
	seen := map[string]bool{}
	for _, s := range specs {
		name, file, ok := strings.Cut(s, "=")
		name, file = strings.TrimSpace(name), strings.TrimSpace(file)
		if !ok || name == "" || file == "" {
			return nil, usagef("--table %s: 应写成 名称=文件，如 --table catalog=网站公开目录.xlsx", "--table %s: write NAME=FILE, e.g. --table catalog=catalogue.xlsx", s)
		}
		t := c.Schema.Table(name)
		if t == nil || !t.District() {
			var names []string
			for _, d := range c.Schema.DistrictTables() {
				names = append(names, d.Name+"（"+d.Sheet+"）")
			}
			return nil, usagef("--table %s: 指标体系中没有名为「%s」的区级表；区级表有 %s", "--table %s: the checklist has no district table %q; its district tables are %s",
				s, name, msg.List(names))
		}
		if seen[name] {
			return nil, usagef("--table %s: 表「%s」给了两次", "--table %s: table %q is given twice", s, name)
		}
		seen[name] = true
		out = append(out, &districtInput{table: t, file: file})
	}
	return out, nil
}

// districtGaps checks that every district table an item of plan reads is
// given, unless it is optional (the items that read an optional one not
// given are not applicable and say why: audit.Plan.SetDistrict).
func districtGaps(plan *audit.Plan, given []*districtInput) error {
	has := map[string]bool{}
	for _, d := range given {
		has[d.table.Name] = true
	}
	var order []*checklists.Table
	items := map[*checklists.Table][]string{}
	for _, it := range plan.Checklist.Items() {
		for _, t := range plan.DistrictNeeds(it) {
			if has[t.Name] {
				continue
			}
			if items[t] == nil {
				order = append(order, t)
			}
			items[t] = append(items[t], it.ID)
		}
	}
	for _, t := range order {
		if !t.Optional {
			return usagef("指标 %s 需要区级表%s：请用 --table %s=文件 给出", "items %s need the district table %s: give it with --table %s=FILE",
				strings.Join(items[t], "、"), t.Sheet, t.Name)
		}
	}
	return nil
}

// readTables reads the district tables and divides each among the units by
// its owner. A file that cannot be read stops the audit (exit 2); its bad
// cells are warnings, named by file and cell.
func readTables(in []*districtInput, opts workbook.Options, ro *roster.Roster) ([]msg.Text, error) {
	var warnings []msg.Text
	for _, d := range in {
		tab, issues, err := workbook.ReadTable(d.file, d.table, opts)
		if err != nil {
			return nil, usage(msg.Errorf("--table %s=%s: %w", "--table %s=%s: %w", d.table.Name, d.file, err))
		}
		for _, is := range issues {
			if is.Kind == audit.Ignored {
				continue
			}
			where := is.Pos.String()
			warnings = append(warnings, msg.Both("%s %s：%s", []any{d.table.Sheet, where, is.Text.Zh},
				"%s %s: %s", []any{d.table.Sheet, where, is.Text.En}))
		}
		d.split = roster.NewSplit(ro, tab, d.table.Owner, d.table.Sheet)
	}
	return warnings, nil
}

// attachTables gives unit u its part of every district table.
func attachTables(in []*districtInput, u *audit.Unit, withRoster bool) {
	for _, d := range in {
		u.Tables[d.table.Name] = d.split.Rows(u.Name, withRoster)
	}
}

// unclaimedRows lists the district tables' rows no audited unit took.
func unclaimedRows(in []*districtInput) []msg.Text {
	var out []msg.Text
	for _, d := range in {
		out = append(out, d.split.Unclaimed()...)
	}
	return out
}

// tableNames are the names of the district tables given.
func tableNames(in []*districtInput) []string {
	var out []string
	for _, d := range in {
		out = append(out, d.table.Name)
	}
	return out
}

// tableFiles are the files of the district tables given, as -o must never
// write over them.
func tableFiles(specs []string) []string {
	var out []string
	for _, s := range specs {
		if _, file, ok := strings.Cut(s, "="); ok {
			out = append(out, strings.TrimSpace(file))
		}
	}
	return out
}
