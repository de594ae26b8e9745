package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

// CSVOptions controls the CSV summary.
type CSVOptions struct {
	Lang msg.Lang
	// BOM starts the output with a UTF-8 byte order mark, which Excel on
	// Chinese Windows needs to open a UTF-8 CSV correctly; files get one,
	// standard output does not.
	BOM bool
}

// CSV writes one row per unit in rank order.
func CSV(w io.Writer, res *scoring.Result, opts CSVOptions) error {
	l := opts.Lang
	if opts.BOM {
		if _, err := io.WriteString(w, "\ufeff"); err != nil {
			return err
		}
	}
	cw := csv.NewWriter(w)
	header := []string{
		msg.Pick(l, "排名", "rank"), msg.Pick(l, "单位", "unit"), msg.Pick(l, "类型", "type"), msg.Pick(l, "状态", "status"),
		msg.Pick(l, "得分", "score"), msg.Pick(l, "等级", "grade"), msg.Pick(l, "效能考核折算分", "performance_points"),
		msg.Pick(l, "自评分", "self_score"), msg.Pick(l, "一票否决", "vetoed"),
		msg.Pick(l, "应公开未公开问题数", "public_findings"), msg.Pick(l, "公开不及时问题数", "late_findings"), msg.Pick(l, "问题总数", "findings"), msg.Pick(l, "来源", "source"),
	}
	v2 := isV2(res)
	if v2 {
		header = append(header, msg.Pick(l, "基础分", "base"), msg.Pick(l, "加分", "bonus"), msg.Pick(l, "计入加分", "bonus_counted"),
			msg.Pick(l, "效果", "effects"), msg.Pick(l, "待评分指标", "pending_items"), msg.Pick(l, "阶段得分", "stages"))
	}
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, u := range res.Units {
		self := ""
		if u.SelfScore != nil {
			self = fmtScore(*u.SelfScore)
		}
		_, all := u.FindingCounts()
		never, late := u.PublicationCounts()
		rank, score, perf := strconv.Itoa(u.Rank), fmtScore(u.Score), fmtScore(u.PerformancePoints)
		if u.Status == scoring.StatusError {
			rank, score, perf = "", "", "" // not ranked, scored or graded
		}
		row := []string{
			rank, csvText(u.Name), csvText(u.Type), StatusLabel(u, l),
			score, csvText(u.Grade), perf, self, yesNo(u.Vetoed, l),
			strconv.Itoa(never), strconv.Itoa(late), strconv.Itoa(all), csvText(u.Source),
		}
		if v2 {
			row = append(row, v2CSV(u, l)...)
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// csvText is text from the data as a CSV cell: control characters shown
// escaped (msg.Escape), and not taken for a formula (xlsx.SafeText).
func csvText(s string) string { return xlsx.SafeText(msg.Escape(s)) }

// StatusLabel is a unit's status as a clerk reads it.
func StatusLabel(u *scoring.UnitResult, l msg.Lang) string {
	switch u.Status {
	case scoring.StatusMissing:
		return msg.Pick(l, "未报送", "missing")
	case scoring.StatusError:
		return msg.Pick(l, "读取失败", "unreadable")
	case scoring.StatusPending:
		return msg.Pick(l, "待评分", "pending")
	}
	if u.NeedsCorrection {
		return msg.Pick(l, "需补正", "needs correction")
	}
	return msg.Pick(l, "已报送", "submitted")
}

func yesNo(b bool, l msg.Lang) string {
	if b {
		return msg.Pick(l, "是", "yes")
	}
	return msg.Pick(l, "否", "no")
}

func fmtScore(f float64) string { return strconv.FormatFloat(f, 'f', 2, 64) }
