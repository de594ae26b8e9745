package main

import (
	"path/filepath"
	"strings"

	"github.com/zwgk/zwgk/audit"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/forms"
)

// loadRoster reads --roster: YAML, or the xlsx form `zwgk template --roster` writes.
func loadRoster(e *env, path string) (*scoring.Roster, error) {
	if path == "" {
		return nil, nil
	}
	data, err := e.readFile(path)
	if err != nil {
		return nil, usage(msg.Errorf("--roster %s: %w", "--roster %s: %w", path, err))
	}
	var ro *scoring.Roster
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		ro, err = forms.ReadRoster(path, data)
	} else {
		ro, err = scoring.ParseRoster(path, data)
	}
	if err != nil {
		return nil, usage(err)
	}
	return ro, nil
}

// loadReview reads --review: YAML, or the xlsx spot-check workbook filled in.
func loadReview(e *env, path string) ([]scoring.Decision, error) {
	if path == "" {
		return nil, nil
	}
	data, err := e.readFile(path)
	if err != nil {
		return nil, usage(msg.Errorf("--review %s: %w", "--review %s: %w", path, err))
	}
	var ds []scoring.Decision
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		ds, err = forms.ReadReview(path, data)
	} else {
		ds, err = scoring.ParseReview(path, data)
	}
	if err != nil {
		return nil, usage(err)
	}
	return ds, nil
}

// applyRoster matches a unit to its roster entry before it is evaluated: the
// roster's name, type and pilot flag win, and a disagreement is noted.
func applyRoster(ro *scoring.Roster, u *audit.Unit, path string, lang msg.Lang) (*scoring.RosterUnit, *scoring.RosterNote) {
	if ro == nil {
		return nil, nil
	}
	ru, how := ro.Lookup(u.Name, sourceName(path))
	if ru == nil {
		return nil, nil
	}
	note := &scoring.RosterNote{Name: ru.Name, MatchedBy: how}
	note.DisagreementTexts = ru.Disagreements(u.Name, u.Type, u.Pilot)
	u.Name = ru.Name
	if ru.Type != "" {
		u.Type = ru.Type
	}
	if ru.Pilot != nil {
		u.Pilot = *ru.Pilot
	}
	return ru, note
}

// matchUnits checks the scored units against the roster: a submission
// matching no roster unit, or two submissions for one unit, are errors
// naming the files; roster units with no submission are missing.
func matchUnits(ro *scoring.Roster, units []*scoring.UnitResult, entries map[*scoring.UnitResult]*scoring.RosterUnit,
	fails []scoring.Failure) ([]*scoring.UnitResult, []scoring.Failure, []scoring.Expected) {
	type group struct {
		key   string
		units []*scoring.UnitResult
	}
	var order []*group
	byKey := map[string]*group{}
	var ok []*scoring.UnitResult
	for _, u := range units {
		key := scoring.NormalizeName(u.Name)
		if ro != nil {
			ru := entries[u]
			if ru == nil {
				fails = append(fails, scoring.Failure{Source: u.Source, Name: u.Name, Type: u.Type,
					Text: msg.New("单位「%s」不在应报送单位名单 %s 中（请核对单位名称，或在名单中为它加上别名）",
						"unit %q is not on the roster %s (check the name, or add it as an alias)", u.Name, ro.Source)})
				continue
			}
			key = scoring.NormalizeName(ru.Name)
		}
		g := byKey[key]
		if g == nil {
			g = &group{key: key}
			byKey[key] = g
			order = append(order, g)
		}
		g.units = append(g.units, u)
	}
	for _, g := range order {
		if len(g.units) == 1 {
			ok = append(ok, g.units[0])
			continue
		}
		var files []string
		for _, u := range g.units {
			files = append(files, u.Source)
		}
		for _, u := range g.units {
			fails = append(fails, scoring.Failure{Source: u.Source, Name: u.Name, Type: u.Type,
				Text: msg.New("单位「%s」报送了多份材料：%s；请确认哪一份有效后只保留一份", "unit %q handed in more than one submission: %s; keep only the valid one",
					u.Name, strings.Join(files, "、"))})
		}
	}
	var missing []scoring.Expected
	if ro != nil {
		for _, ru := range ro.Units {
			if byKey[scoring.NormalizeName(ru.Name)] != nil {
				continue
			}
			submittedAsError := false
			for _, f := range fails {
				if r, _ := ro.Lookup(f.Name, sourceName(f.Source)); r == ru {
					submittedAsError = true
				}
			}
			if submittedAsError {
				continue
			}
			pilot := false
			if ru.Pilot != nil {
				pilot = *ru.Pilot
			}
			missing = append(missing, scoring.Expected{Name: ru.Name, Type: ru.Type, Pilot: pilot})
		}
	}
	return ok, fails, missing
}
