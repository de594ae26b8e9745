package main

import (
	"path/filepath"
	"strings"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/forms"
	"github.com/zwgk/zwgk/scoring/roster"
)

// loadRoster reads --roster: YAML, or the xlsx form `zwgk template --roster` writes.
func loadRoster(e *env, path string) (*roster.Roster, error) {
	if path == "" {
		return nil, nil
	}
	data, err := e.readFile(path)
	if err != nil {
		return nil, usage(msg.Errorf("--roster %s: %w", "--roster %s: %w", path, err))
	}
	var ro *roster.Roster
	if strings.EqualFold(filepath.Ext(path), ".xlsx") {
		ro, err = forms.ReadRoster(path, data)
	} else {
		ro, err = roster.Parse(path, data)
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
