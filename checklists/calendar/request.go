package calendar

import "time"

// Request is what the Regulations' clock of a request for disclosure reads
// (条例 2019 第三十至三十五条; 2007 条例 第二十四条 before 2019-05-15). Zero
// times are dates the register leaves empty.
type Request struct {
	// Received is the date of receipt (第三十一条): the reply deadline counts
	// from the next day.
	Received time.Time
	// CorrectionRequested is when the applicant was told to correct the
	// request, Corrected when the corrected request arrived (第三十条): a
	// notice within 7 working days of receipt restarts the count from
	// Corrected; a later one does not.
	CorrectionRequested, Corrected time.Time
	// ConsultedFrom and ConsultedTo bound a consultation of a third party or
	// another agency: its working days, both ends included, are not counted
	// (第三十二条, 第三十三条第三款; 2007: 第二十四条第三款).
	ConsultedFrom, ConsultedTo time.Time
	// Extended is an approved extension (20 more working days, 15 before
	// 2019-05-15); it does not count when ExtensionNotified is after the
	// original deadline (第三十三条第二款).
	Extended          bool
	ExtensionNotified time.Time
	// AgreedDue is a later deadline the agency set for an excessive request
	// (第三十五条).
	AgreedDue time.Time
}

// Regulations2019 is the day the 2019 Regulations took effect: requests
// received before it have the 2007 time limits.
func Regulations2019() time.Time { return time.Date(2019, 5, 15, 0, 0, 0, 0, time.UTC) }

// CorrectionLimit is the working days within which a 补正 notice must be
// given (第三十条).
const CorrectionLimit = 7

// ReplyLimit is the reply limit in working days of a request received on
// d, without extension: 20, or 15 before 2019-05-15.
func ReplyLimit(d time.Time) int {
	if d.Before(Regulations2019()) {
		return 15
	}
	return 20
}

// RequestDue returns a request's reply deadline, counting unknown days as
// mode says.
func (c *Calendar) RequestDue(r Request, mode Mode) (time.Time, error) {
	limit := ReplyLimit(r.Received)
	start := r.Received
	if !r.Corrected.IsZero() && !r.CorrectionRequested.IsZero() {
		n, err := c.WorkdaysIn(r.Received, r.CorrectionRequested, mode)
		if err != nil {
			return time.Time{}, err
		}
		if n <= CorrectionLimit && !r.Corrected.Before(r.Received) {
			start = r.Corrected
		}
	}
	paused := 0
	if !r.ConsultedFrom.IsZero() && !r.ConsultedTo.IsZero() && !r.ConsultedTo.Before(r.ConsultedFrom) {
		n, err := c.WorkdaysIn(r.ConsultedFrom.AddDate(0, 0, -1), r.ConsultedTo, mode)
		if err != nil {
			return time.Time{}, err
		}
		paused = n
	}
	due, err := c.AddWorkdaysIn(start, limit+paused, mode)
	if err != nil {
		return time.Time{}, err
	}
	if r.Extended && (r.ExtensionNotified.IsZero() || !r.ExtensionNotified.After(due)) {
		if due, err = c.AddWorkdaysIn(start, 2*limit+paused, mode); err != nil {
			return time.Time{}, err
		}
	}
	if r.AgreedDue.After(due) {
		due = r.AgreedDue
	}
	return due, nil
}
