package scoring

import (
	"encoding/json"
	"io"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring/roster"
)

// FormatV1 is the format of the JSON result.
const FormatV1 = "zwgk.result/v1"

// The statuses of a unit in a result.
const (
	StatusOK      = "ok"
	StatusMissing = "missing"
	StatusError   = "error"
)

// Result is the zwgk.result/v1 contract: what every renderer consumes and
// what `zwgk diff` and `zwgk report` read back. The json tags are the contract.
type Result struct {
	Format    string        `json:"format"`
	Checklist ChecklistInfo `json:"checklist"`
	Year      int           `json:"year"`
	// YearFrom says where Year came from: YearFromFlag (--year),
	// YearFromSubmissions (the 年度 the units state), YearFromChecklist.
	YearFrom string `json:"year_from,omitempty"`
	// AsOf is the day deadlines were judged on (YYYY-MM-DD, as_of).
	AsOf      string          `json:"as_of,omitempty"`
	Units     []*UnitResult   `json:"units"`
	Missing   []string        `json:"missing"`
	Errors    []ErrorEntry    `json:"errors"`
	Warnings  []string        `json:"warnings,omitempty"`
	Decisions []*DecisionNote `json:"decisions,omitempty"`
	// Lang is the language of the messages written as plain strings
	// (warnings, message, na_reason, disagreements); "" is Chinese.
	Lang string `json:"lang,omitempty"`
	// WarningTexts are Warnings in both languages (results written before
	// the field was added have only Warnings).
	WarningTexts []msg.Text `json:"warning_texts,omitempty"`
}

// Where a result's year came from (Result.YearFrom).
const (
	YearFromFlag        = "flag"
	YearFromSubmissions = "submissions"
	YearFromChecklist   = "checklist"
)

// YearNote says which year was audited and why: 「年度 2026（取自报送材料）」.
func (r *Result) YearNote(lang msg.Lang) string {
	var t msg.Text
	switch r.YearFrom {
	case YearFromFlag:
		t = msg.New("年度 %d（--year 指定）", "year %d (given by --year)", r.Year)
	case YearFromSubmissions:
		t = msg.New("年度 %d（取自报送材料）", "year %d (stated in the submissions)", r.Year)
	case YearFromChecklist:
		t = msg.New("年度 %d（取自指标体系）", "year %d (the checklist's year)", r.Year)
	default:
		t = msg.New("年度 %d", "year %d", r.Year)
	}
	if r.AsOf != "" {
		t = msg.Text{Zh: t.Zh + "，截至 " + r.AsOf, En: t.En + ", as of " + r.AsOf}
	}
	return t.In(lang)
}

// ChecklistInfo identifies the checklist a result was computed with.
type ChecklistInfo struct {
	ID                string        `json:"id"`
	Title             string        `json:"title"`
	Total             float64       `json:"total"`
	PerformanceWeight float64       `json:"performance_weight"`
	Grades            []GradeInfo   `json:"grades,omitempty"`
	Sections          []SectionInfo `json:"sections,omitempty"`
	// MaxScore and BonusCap are the v2 checklist's (zero when absent).
	MaxScore float64  `json:"max_score,omitempty"`
	BonusCap *float64 `json:"bonus_cap,omitempty"`
}

// GradeInfo is one grade band.
type GradeInfo struct {
	Name string  `json:"name"`
	Min  float64 `json:"min"`
}

// SectionInfo lists a section's items with their full points, so a report
// can lay out the item matrix without the checklist.
type SectionInfo struct {
	ID     string     `json:"id"`
	Title  string     `json:"title"`
	Points float64    `json:"points"`
	Items  []ItemInfo `json:"items"`
}

// ItemInfo is one item's identity in ChecklistInfo.
type ItemInfo struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Basis  string  `json:"basis,omitempty"`
	Method string  `json:"method"`
	Points float64 `json:"points"`
	// TypedPoints are the points by unit type (zwgk.checklist/v2).
	TypedPoints map[string]float64 `json:"typed_points,omitempty"`
}

// UnitResult is one unit's result.
type UnitResult struct {
	Name              string          `json:"name"`
	Type              string          `json:"type"`
	Pilot             bool            `json:"pilot"`
	Source            string          `json:"source"`
	Status            string          `json:"status"`
	Score             float64         `json:"score"`
	Grade             string          `json:"grade"`
	Rank              int             `json:"rank"`
	Vetoed            bool            `json:"vetoed"`
	PerformancePoints float64         `json:"performance_points"`
	SelfScore         *float64        `json:"self_score"`
	Sections          []SectionResult `json:"sections"`
	Items             []ItemResult    `json:"items"`
	// NeverPublished and Late are PublicationCounts, written by the JSON
	// report (a reader need not count findings by kind); they are filled
	// from the findings when a result is written, not read back.
	NeverPublished int             `json:"never_published"`
	Late           int             `json:"late_count"`
	Findings       []FindingResult `json:"findings"`
	// Upcoming are rows not yet due on as_of (未到期, the 即将到期 list) and
	// Pending rows the calendar cannot decide (待定): neither is deducted.
	Upcoming []DeferredResult `json:"upcoming,omitempty"`
	Pending  []DeferredResult `json:"pending,omitempty"`
	// StatedYear is the 年度 the unit's 单位信息 states, when it differs
	// from the audited year.
	StatedYear  int              `json:"stated_year,omitempty"`
	Warnings    []string         `json:"warnings,omitempty"`
	Message     string           `json:"message,omitempty"` // why a unit could not be read
	Roster      *RosterNote      `json:"roster,omitempty"`
	Adjustments []AdjustmentNote `json:"adjustments,omitempty"`
	// NeedsCorrection is true when some item could not be assessed because
	// a register lacks a column its rule reads (需补正; the status stays ok);
	// MissingColumns says which.
	NeedsCorrection bool                `json:"needs_correction,omitempty"`
	MissingColumns  []MissingColumnNote `json:"missing_columns,omitempty"`
	// Website is the register against the website's catalogue, when the
	// audit was given it (--table catalog=).
	Website *WebsiteCheck `json:"website,omitempty"`
	// WarningTexts and MessageText are Warnings and Message in both languages.
	WarningTexts []msg.Text `json:"warning_texts,omitempty"`
	MessageText  msg.Text   `json:"message_text,omitzero"`
	// zwgk.checklist/v2: Base is the score before bonus and Bonus what
	// bonus items earned and what counted (when a bonus may lift the
	// score above the total); Effects the vetoes and thresholds applied;
	// Stages the stage scores of a combined result (zwgk combine).
	Base    *float64     `json:"base,omitempty"`
	Bonus   *BonusNote   `json:"bonus,omitempty"`
	Effects []EffectNote `json:"effects,omitempty"`
	Stages  []StageScore `json:"stages,omitempty"`

	decisions []int           // the review decisions applied to this unit
	stored    *storedFindings // where Findings went when put in a FindingFile
}

// SectionResult is a section's subtotal (rounded to 2 decimals for display;
// the unit's score is computed from exact item scores).
type SectionResult struct {
	ID     string  `json:"id"`
	Title  string  `json:"title"`
	Points float64 `json:"points"`
	Score  float64 `json:"score"`
	// PassMin is the section's threshold (zwgk.checklist/v2 pass_min).
	PassMin *float64 `json:"pass_min,omitempty"`
}

// ItemResult is one item's score and the counts it came from.
type ItemResult struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Section    string   `json:"section"`
	Basis      string   `json:"basis,omitempty"`
	Method     string   `json:"method"`
	Points     float64  `json:"points"`
	Per        float64  `json:"per,omitempty"`
	Score      float64  `json:"score"`
	Applicable int      `json:"applicable"`
	Failed     int      `json:"failed"`
	NA         bool     `json:"na"`
	NAReason   string   `json:"na_reason,omitempty"`
	SelfScore  *float64 `json:"self_score"`
	// Computed is the score before a review adjustment, when there was one.
	Computed *float64 `json:"computed_score,omitempty"`
	// Dismissed counts failing rows a review dismissed (not counted).
	Dismissed int `json:"dismissed,omitempty"`
	// NAReasonText is NAReason in both languages.
	NAReasonText msg.Text `json:"na_reason_text,omitzero"`
	// MissingColumns are the headers of the columns the item's register
	// lacks: the item was not assessed and scores 0.
	MissingColumns []string `json:"missing_columns,omitempty"`
	// zwgk.checklist/v2: Rules are the rules of the item's pool; Deducted
	// what the failing rows deducted in all, Cap the most the item loses
	// or earns, Capped what the cap kept from counting, Overflow what the
	// item's section absorbed beyond its points (overflow: section);
	// Pending an evaluator item not yet scored; Evaluator where an
	// evaluator's score came from.
	Rules     []RuleResult   `json:"rules,omitempty"`
	Deducted  float64        `json:"deducted,omitempty"`
	Cap       *float64       `json:"cap,omitempty"`
	Capped    float64        `json:"capped,omitempty"`
	Overflow  float64        `json:"overflow,omitempty"`
	Pending   bool           `json:"pending,omitempty"`
	Evaluator *EvaluatorNote `json:"evaluator,omitempty"`
}

// MissingColumnNote is a column a unit's register lacks that items need.
type MissingColumnNote struct {
	Table  string   `json:"table"`
	Sheet  string   `json:"sheet"`
	File   string   `json:"file,omitempty"`
	Field  string   `json:"field"`
	Header string   `json:"header"`
	Items  []string `json:"items"`
	// Guesses are the sheet's unknown headers that resemble the column;
	// Unknown are all its unknown headers.
	Guesses []string `json:"guesses,omitempty"`
	Unknown []string `json:"unknown,omitempty"`
}

// FindingResult is one finding in the result.
type FindingResult struct {
	Item    string  `json:"item"`
	Kind    string  `json:"kind"`
	Public  bool    `json:"public"`
	Table   string  `json:"table"`
	File    string  `json:"file"`
	Sheet   string  `json:"sheet"`
	Row     int     `json:"row"`
	Col     string  `json:"col,omitempty"`
	DocNo   string  `json:"doc_no"`
	Title   string  `json:"title"`
	Message string  `json:"message"`
	Review  *Review `json:"review"`
	// MessageText is Message in both languages.
	MessageText msg.Text `json:"message_text,omitzero"`
	// Rule names the rule of a pool (A#2, A.late) and Amount what the row
	// deducted (zwgk.checklist/v2).
	Rule   string   `json:"rule,omitempty"`
	Amount *float64 `json:"amount,omitempty"`
	// Omitted is non-zero on the one finding that stands for that many
	// findings of its item and kind left out of the list (audit.MaxItemFindings,
	// audit.MaxUnitFindings): 「另有 N 条同类问题」. Row is 0; counts of
	// findings count it as Omitted findings.
	Omitted int `json:"omitted,omitempty"`
}

// The finding kinds (the checklists' finding: text) of public findings
// that PublicationCounts tells apart: information never published — also
// when the website check finds it missing from the catalog — and
// information published late.
const (
	KindNeverPublished = "应公开未公开"
	KindNotOnline      = "网站目录中没有"
	KindLate           = "公开不及时"
)

// NeverPublished reports whether f is a public finding of information never
// published (应公开未公开, 网站目录中没有).
func (f *FindingResult) NeverPublished() bool {
	return f.Public && (f.Kind == KindNeverPublished || f.Kind == KindNotOnline)
}

// Late reports whether f is a public finding of information published late
// (公开不及时).
func (f *FindingResult) Late() bool {
	return f.Public && f.Kind == KindLate
}

// Weight is how many findings f stands for: Omitted on the finding that
// stands for findings left out of the list, otherwise 1.
func (f *FindingResult) Weight() int {
	if f.Omitted > 0 {
		return f.Omitted
	}
	return 1
}

// DeferredResult is a row an item could not yet judge: 未到期 (Kind
// audit.KindUpcoming, due after as_of) or 待定 (audit.KindPending, the
// calendar lacks MissingYear, of Overlay when regional).
type DeferredResult struct {
	Item        string   `json:"item"`
	Kind        string   `json:"kind"`
	Public      bool     `json:"public"`
	Table       string   `json:"table"`
	File        string   `json:"file"`
	Sheet       string   `json:"sheet"`
	Row         int      `json:"row"`
	DocNo       string   `json:"doc_no"`
	Title       string   `json:"title"`
	Due         string   `json:"due,omitempty"`
	MissingYear int      `json:"missing_year,omitempty"`
	Overlay     string   `json:"overlay,omitempty"`
	Message     string   `json:"message"`
	MessageText msg.Text `json:"message_text,omitzero"`
}

// MessageIn returns the row's message in lang.
func (d *DeferredResult) MessageIn(lang msg.Lang) string { return pick(d.MessageText, d.Message, lang) }

// Review is the district's decision on a finding.
type Review struct {
	Decision string `json:"decision"` // confirm | dismiss
	Reason   string `json:"reason,omitempty"`
	By       string `json:"by,omitempty"`
	On       string `json:"on,omitempty"`
}

// AdjustmentNote records an item score set by review.
type AdjustmentNote struct {
	Item     string  `json:"item"`
	From     float64 `json:"from"`
	To       float64 `json:"to"`
	Reason   string  `json:"reason"`
	By       string  `json:"by,omitempty"`
	On       string  `json:"on,omitempty"`
	Decision string  `json:"decision"`
}

// RosterNote shows how a submission was matched to the roster and where the
// unit's own description disagreed with it.
type RosterNote struct {
	Name          string   `json:"name"`
	MatchedBy     string   `json:"matched_by,omitempty"`
	Disagreements []string `json:"disagreements,omitempty"`
	// DisagreementTexts are Disagreements in both languages.
	DisagreementTexts []msg.Text `json:"disagreement_texts,omitempty"`
}

// NewRosterNote is the note on how a submission matched the roster, or nil
// when it matched none.
func NewRosterNote(m *roster.Match) *RosterNote {
	if m == nil {
		return nil
	}
	return &RosterNote{Name: m.Unit.Name, MatchedBy: m.By, DisagreementTexts: m.Disagreements}
}

// DecisionNote is a review decision as applied, or the reason it could not be.
type DecisionNote struct {
	Unit     string `json:"unit"`
	Item     string `json:"item,omitempty"`
	DocNo    string `json:"doc_no,omitempty"`
	Row      int    `json:"row,omitempty"`
	Decision string `json:"decision"`
	Applied  bool   `json:"applied"`
	Message  string `json:"message,omitempty"`
	Source   string `json:"source,omitempty"`
	// MessageText is Message in both languages.
	MessageText msg.Text `json:"message_text,omitzero"`
	// Reason, By and On are the decision's reason, who made it and when,
	// as the review file gave them (the date as 2006-01-02 when it was
	// one).
	Reason string `json:"reason,omitempty"`
	By     string `json:"by,omitempty"`
	On     string `json:"on,omitempty"`
}

// ErrorEntry names a submission that could not be read and why.
type ErrorEntry struct {
	File    string `json:"file"`
	Message string `json:"message"`
	// MessageText is Message in both languages.
	MessageText msg.Text `json:"message_text,omitzero"`
}

// The messages of a result are kept in both languages (the *Text fields);
// renderers choose one with the methods below, which fall back on the plain
// string of a result written before the *Text fields were added.

// pick returns t in lang, or legacy when t is empty.
func pick(t msg.Text, legacy string, lang msg.Lang) string {
	if t.Zh == "" && t.En == "" {
		return legacy
	}
	return t.In(lang)
}

// picks returns ts in lang, or legacy when ts is empty.
func picks(ts []msg.Text, legacy []string, lang msg.Lang) []string {
	if len(ts) == 0 {
		return legacy
	}
	out := make([]string, len(ts))
	for i, t := range ts {
		out[i] = t.In(lang)
	}
	return out
}

// WarningsIn returns the result's warnings in lang.
func (r *Result) WarningsIn(lang msg.Lang) []string { return picks(r.WarningTexts, r.Warnings, lang) }

// WarningsIn returns the unit's warnings in lang.
func (u *UnitResult) WarningsIn(lang msg.Lang) []string {
	return picks(u.WarningTexts, u.Warnings, lang)
}

// MessageIn returns why the unit could not be read, in lang.
func (u *UnitResult) MessageIn(lang msg.Lang) string { return pick(u.MessageText, u.Message, lang) }

// NAReasonIn returns why the item is not applicable, in lang.
func (it *ItemResult) NAReasonIn(lang msg.Lang) string {
	return pick(it.NAReasonText, it.NAReason, lang)
}

// MessageIn returns the finding's message in lang.
func (f *FindingResult) MessageIn(lang msg.Lang) string { return pick(f.MessageText, f.Message, lang) }

// DisagreementsIn returns where the unit differs from the roster, in lang.
func (n *RosterNote) DisagreementsIn(lang msg.Lang) []string {
	return picks(n.DisagreementTexts, n.Disagreements, lang)
}

// MessageIn returns why the decision could not be applied, in lang.
func (d *DecisionNote) MessageIn(lang msg.Lang) string { return pick(d.MessageText, d.Message, lang) }

// MessageIn returns why the file could not be read, in lang.
func (e *ErrorEntry) MessageIn(lang msg.Lang) string { return pick(e.MessageText, e.Message, lang) }

// Localized returns a copy of u whose plain-string messages (warnings,
// message, na_reason, finding messages given in findings, disagreements)
// are in lang: what the JSON renderer writes for readers of the plain
// fields. findings are the unit's findings (u.FindingList()), upcoming and
// pending its 即将到期 and 待定 rows (u.Deferred()).
func (u *UnitResult) Localized(lang msg.Lang, findings []FindingResult, upcoming, pending []DeferredResult) *UnitResult {
	v := *u
	v.Warnings = u.WarningsIn(lang)
	v.Message = u.MessageIn(lang)
	if u.Roster != nil {
		r := *u.Roster
		r.Disagreements = r.DisagreementsIn(lang)
		v.Roster = &r
	}
	if u.Effects != nil {
		v.Effects = make([]EffectNote, len(u.Effects))
		for i, e := range u.Effects {
			e.Reason = e.ReasonIn(lang)
			v.Effects[i] = e
		}
	}
	v.Items = make([]ItemResult, len(u.Items))
	for i, it := range u.Items {
		it.NAReason = it.NAReasonIn(lang)
		v.Items[i] = it
	}
	v.Findings = make([]FindingResult, len(findings))
	for i, f := range findings {
		f.Message = f.MessageIn(lang)
		v.Findings[i] = f
	}
	v.Upcoming, v.Pending = localDeferred(upcoming, lang), localDeferred(pending, lang)
	v.NeverPublished, v.Late = splitFindings(findings)
	return &v
}

// Localized returns a copy of r whose plain-string warnings, errors and
// decision messages are in lang, and whose Lang says so; the units are
// shared (see UnitResult.Localized).
func (r *Result) Localized(lang msg.Lang) *Result {
	v := *r
	v.Lang = ""
	if lang == msg.EN {
		v.Lang = string(msg.EN)
	}
	v.Warnings = r.WarningsIn(lang)
	if r.Errors != nil {
		v.Errors = make([]ErrorEntry, len(r.Errors))
		for i, e := range r.Errors {
			e.Message = e.MessageIn(lang)
			v.Errors[i] = e
		}
	}
	if r.Decisions != nil {
		v.Decisions = make([]*DecisionNote, len(r.Decisions))
		for i, d := range r.Decisions {
			c := *d
			c.Message = d.MessageIn(lang)
			v.Decisions[i] = &c
		}
	}
	return &v
}

// ReadResult decodes a zwgk.result/v1 JSON document; name is used in errors.
func ReadResult(r io.Reader, name string) (*Result, error) {
	var res Result
	dec := json.NewDecoder(r)
	if err := dec.Decode(&res); err != nil {
		return nil, msg.Errorf("%s: 不是有效的 zwgk 结果 JSON：%w", "%s: not a valid zwgk result JSON: %w", name, err)
	}
	if res.Format != FormatV1 {
		return nil, msg.Errorf("%s: 格式为「%s」，应为 %s", "%s: the format is %q, want %s", name, res.Format, FormatV1)
	}
	for i, u := range res.Units {
		if u == nil {
			return nil, msg.Errorf("%s: units 的第%d项为空", "%s: units entry %d is null", name, i+1)
		}
	}
	for i, d := range res.Decisions {
		if d == nil {
			return nil, msg.Errorf("%s: decisions 的第%d项为空", "%s: decisions entry %d is null", name, i+1)
		}
	}
	return &res, nil
}

func localDeferred(list []DeferredResult, lang msg.Lang) []DeferredResult {
	if list == nil {
		return nil
	}
	out := make([]DeferredResult, len(list))
	for i, d := range list {
		d.Message = d.MessageIn(lang)
		out[i] = d
	}
	return out
}
