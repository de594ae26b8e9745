// Package synth generates a synthetic district or province: one self-check
// workbook per unit in the template layout, with realistic variety and
// problems planted at known rates, and the list of what was planted, so that
// tests and benchmarks get large inputs without committing big files.
//
// The problems are planted for the default checklist (litong-2017): every
// planted problem names the item expected to flag it, and a unit's registers
// hold no other row that any row rule of that checklist flags. Generation is
// deterministic for a seed (math/rand/v2 PCG, one stream per unit).
package synth

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/zwgk/zwgk/checklists"
)

// PlantedFile is the name of the list of planted problems written next to
// the workbooks. It is hidden (a leading dot) so that `zwgk audit DIR`, which
// skips hidden files, does not take it for a submission.
const PlantedFile = ".planted.json"

// FormatV1 is the format of the planted list.
const FormatV1 = "zwgk.planted/v1"

// Config says what to generate.
type Config struct {
	Units int    // number of unit workbooks
	Docs  int    // documents (公文台账 rows) per unit; the other registers scale with it
	Seed  uint64 // the same seed gives the same province
	Year  int    // the assessed year; 0 means 2017
	Jobs  int    // workbooks written at once; 0 means GOMAXPROCS
	Rates Rates  // zero value: DefaultRates()
	// SharedStrings writes the registers in excelize's normal mode, text in
	// the shared strings table as Excel and WPS save it, instead of with the
	// StreamWriter (inline strings), which is several times faster to write.
	SharedStrings bool
}

// Rates are the rates at which problems are planted, each a fraction of the
// rows the problem can occur in.
type Rates struct {
	Unmarked         float64 `json:"unmarked"`          // documents without 公开属性 (A1)
	LateRights       float64 `json:"late_rights"`       // rights-affecting policy documents published after 5 working days (A2)
	MissingReason    float64 `json:"missing_reason"`    // withheld documents without a reason (A3)
	Unpublished      float64 `json:"unpublished"`       // proactive non-policy documents not published in the year (A4)
	Declassified     float64 `json:"declassified"`      // declassified documents not published (A5)
	Unconsulted      float64 `json:"unconsulted"`       // decisions not consulted on beforehand (A6)
	FrequentWithheld float64 `json:"frequent_withheld"` // documents requested 3+ times that stay non-proactive (A9)
	ReplyLate        float64 `json:"reply_late"`        // requests answered late or not at all (A11)
	InterpLate       float64 `json:"interp_late"`       // policy documents whose interpretation is late or missing (B1)
	RepostLate       float64 `json:"repost_late"`       // reposts after 72 hours or not at all (C2)
	NoFeedback       float64 `json:"no_feedback"`       // consultations decided without published feedback (D2)
	Unexplained      float64 `json:"unexplained"`       // consultations with rejections not explained (D3)
	Backdated        float64 `json:"backdated"`         // documents published before they were issued (F5, a veto)
	NonVisual        float64 `json:"non_visual"`        // interpretations in a non-visual form: G1's bonus not earned, which is no finding
	BadOutcome       float64 `json:"bad_outcome"`       // requests whose 答复结果 is no enum value (数据错误)
	NoSelfScore      float64 `json:"no_self_score"`     // units that leave one self-assessed item out of 自评表 (未自评)
}

// DefaultRates returns the rates the generator uses when none are given.
func DefaultRates() Rates {
	return Rates{
		Unmarked: 0.01, LateRights: 0.05, MissingReason: 0.03, Unpublished: 0.02, Declassified: 0.10,
		Unconsulted: 0.05, FrequentWithheld: 0.3, ReplyLate: 0.05, InterpLate: 0.05, RepostLate: 0.05,
		NoFeedback: 0.05, Unexplained: 0.05, Backdated: 0.001, NonVisual: 0.25, BadOutcome: 0.01, NoSelfScore: 0.02,
	}
}

// Planted is what was generated and the problems planted in it.
type Planted struct {
	Format    string   `json:"format"`
	Checklist string   `json:"checklist"`
	Seed      uint64   `json:"seed"`
	Units     int      `json:"units"`
	Docs      int      `json:"docs"`
	Year      int      `json:"year"`
	Rates     Rates    `json:"rates"`
	Files     []string `json:"files"`
	// Rows counts the register rows written (headers and the unit form not included).
	Rows     int64     `json:"rows"`
	Problems []Problem `json:"problems"`
}

// Problem is one planted problem: where it is and the finding it must cause.
type Problem struct {
	File  string `json:"file"`  // the workbook's file name
	Sheet string `json:"sheet"` // "" for a missing self-score, which names no cell
	Row   int    `json:"row"`   // Excel row number; 0 with Sheet ""
	Col   string `json:"col,omitempty"`
	// Item is the checklist item expected to flag the row; "" for a data
	// error, which belongs to no item.
	Item string `json:"item"`
	// Finding is the finding kind expected: the item's label, or 数据错误, 未自评.
	Finding string `json:"finding"`
	Kind    string `json:"kind"` // what was planted, e.g. late_rights_policy
}

// checklistID is the checklist the problems are planted for.
const checklistID = "litong-2017"

// Generate writes cfg.Units workbooks into dir (created if needed) and the
// list of planted problems into dir/PlantedFile, and returns that list.
func Generate(dir string, cfg Config) (*Planted, error) {
	if cfg.Units < 1 || cfg.Docs < 1 {
		return nil, errors.New("generate: units and docs must be at least 1")
	}
	if cfg.Year == 0 {
		cfg.Year = 2017
	}
	if cfg.Rates == (Rates{}) {
		cfg.Rates = DefaultRates()
	}
	if cfg.Jobs <= 0 {
		cfg.Jobs = runtime.GOMAXPROCS(0)
	}
	c, err := checklists.LoadEmbedded(checklistID, checklists.LoadOptions{})
	if err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	if first, last := c.Calendar.Covered(); cfg.Year < first || cfg.Year+1 > last {
		return nil, fmt.Errorf("generate: year %d: the calendar covers %d to %d and the year after the assessed one is needed", cfg.Year, first, last)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	ids := identities(rand.New(rand.NewPCG(cfg.Seed, 0)), cfg.Units)
	g := &generator{cfg: cfg, c: c, cal: calendarOf(c, cfg.Year)}

	type result struct {
		problems []Problem
		rows     int
		err      error
	}
	results := make([]result, cfg.Units)
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(cfg.Jobs, cfg.Units) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				r := rand.New(rand.NewPCG(cfg.Seed, uint64(i)+1))
				u := g.unit(r, ids[i])
				err := writeUnit(filepath.Join(dir, u.file), c.Schema, u, cfg.SharedStrings)
				results[i] = result{problems: u.problems, rows: u.rows(), err: err}
			}
		}()
	}
	for i := range cfg.Units {
		work <- i
	}
	close(work)
	wg.Wait()

	p := &Planted{Format: FormatV1, Checklist: checklistID, Seed: cfg.Seed, Units: cfg.Units, Docs: cfg.Docs,
		Year: cfg.Year, Rates: cfg.Rates, Problems: []Problem{}}
	for i, res := range results {
		if res.err != nil {
			return nil, fmt.Errorf("generate: %w", res.err)
		}
		p.Files = append(p.Files, ids[i].name+".xlsx")
		p.Rows += int64(res.rows)
		p.Problems = append(p.Problems, res.problems...)
	}
	slices.Sort(p.Files)
	slices.SortFunc(p.Problems, compareProblems)
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, PlantedFile), append(data, '\n'), 0o644); err != nil {
		return nil, fmt.Errorf("generate: %w", err)
	}
	return p, nil
}

func compareProblems(a, b Problem) int {
	return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Sheet, b.Sheet), cmp.Compare(a.Row, b.Row), cmp.Compare(a.Item, b.Item))
}

// ReadPlanted reads the list of planted problems Generate wrote into dir.
func ReadPlanted(dir string) (*Planted, error) {
	data, err := os.ReadFile(filepath.Join(dir, PlantedFile))
	if err != nil {
		return nil, fmt.Errorf("read planted problems: %w", err)
	}
	var p Planted
	if err := json.Unmarshal(data, &p); err != nil {
		return nil, fmt.Errorf("read planted problems: %s: %w", PlantedFile, err)
	}
	if p.Format != FormatV1 {
		return nil, fmt.Errorf("read planted problems: format %q, want %s", p.Format, FormatV1)
	}
	return &p, nil
}

// generator holds what every unit shares.
type generator struct {
	cfg Config
	c   *checklists.Checklist
	cal *workCalendar
}

// workCalendar answers working-day questions about the assessed year and the
// next, from the checklist's calendar.
type workCalendar struct {
	year       int
	start, end time.Time // the assessed year's first and last day
	work       []bool    // day index from start → working day, two years
	cum        []int     // cum[i] = working days in days 1..i (day 0 not counted)
}

func calendarOf(c *checklists.Checklist, year int) *workCalendar {
	wc := &workCalendar{year: year, start: date(year, 1, 1), end: date(year, 12, 31)}
	last := date(year+1, 12, 31)
	for d := wc.start; !d.After(last); d = d.AddDate(0, 0, 1) {
		ok, _ := c.Calendar.IsWorkday(d)
		wc.work = append(wc.work, ok)
	}
	wc.cum = make([]int, len(wc.work))
	for i := 1; i < len(wc.work); i++ {
		wc.cum[i] = wc.cum[i-1]
		if wc.work[i] {
			wc.cum[i]++
		}
	}
	return wc
}

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func (wc *workCalendar) index(d time.Time) int { return int(d.Sub(wc.start).Hours() / 24) }

// workdays counts the working days after a up to and including b, as the
// checklists' workdays() does; a and b lie in the assessed year or the next.
func (wc *workCalendar) workdays(a, b time.Time) int {
	return wc.cum[wc.index(b)] - wc.cum[wc.index(a)]
}

// remaining is the number of working days after d to the end of the year.
func (wc *workCalendar) remaining(d time.Time) int { return wc.workdays(d, wc.end) }

// addWork returns the k-th working day after d (d itself for k = 0).
func (wc *workCalendar) addWork(d time.Time, k int) time.Time {
	for i := wc.index(d); k > 0; {
		i++
		if wc.work[i] {
			k--
		}
		if k == 0 {
			return wc.start.AddDate(0, 0, i)
		}
	}
	return d
}

func (wc *workCalendar) isWork(d time.Time) bool { return wc.work[wc.index(d)] }

// day picks a day of the assessed year from day-of-year from to to (1-based,
// inclusive); most land on a working day, some on weekends and holidays.
func (wc *workCalendar) day(r *rand.Rand, from, to int) time.Time {
	days := wc.index(wc.end) + 1
	from, to = max(1, min(from, days)), max(1, min(to, days))
	d := wc.start.AddDate(0, 0, from-1+r.IntN(to-from+1))
	if !wc.isWork(d) && r.IntN(100) < 85 {
		for n := d; n.Year() == wc.year; n = n.AddDate(0, 0, 1) {
			if wc.isWork(n) {
				return n
			}
		}
	}
	return d
}

// doy is the day of the year of a month and day.
func (wc *workCalendar) doy(m, d int) int { return wc.index(date(wc.year, m, d)) + 1 }

// Items returns the ids of the litong-2017 row items the generator plants
// problems for, or (G1, a bonus) writes rows of that must not be findings: a
// finding of one of them that is not in the planted list is a false alarm.
func Items() []string {
	return []string{itemUnmarked, itemRights, itemReason, itemProactive, itemDeclass, itemConsulted, itemFrequent,
		itemDeadline, itemInterp, itemRepost, itemFeedback, itemRejections, itemVeto, itemVisual}
}
