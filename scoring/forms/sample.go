package forms

import (
	"fmt"
	"io"
	"math/big"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/msg"
	"github.com/zwgk/zwgk/scoring"
	"github.com/zwgk/zwgk/scoring/report/xlsx"
)

// The spot-check workbook's sheets and columns; ReadReview reads the same.
const (
	sampleSheet = "抽查表"
	adjustSheet = "指标调整"
	aboutSheet  = "抽查说明"
)

var sampleHeaders = []string{"序号", "单位", "来源文件", "工作表", "行号", "文号", "标题", "公开属性", "抽样类别", "指标", "问题说明",
	"核查结论", "核查说明", "复核人", "复核日期"}

var adjustHeaders = []string{"单位", "指标", "调整后得分", "理由", "复核人", "复核日期"}

// The findings' verdicts in the spot-check workbook.
var verdicts = []string{"属实", "不属实", "部分属实"}

// SampleInfo is what the spot-check workbook records about its draw.
type SampleInfo struct {
	Seed      uint64
	PerUnit   int
	Checklist string
	Year      int
	Generated string
}

// SampleXLSX writes the spot-check workbook: one row per sampled register
// row with its source and empty 核查结论 (dropdown) and 核查说明 columns,
// a sheet for item adjustments, and a sheet recording the seed.
func SampleXLSX(w io.Writer, rows []scoring.Sampled, info SampleInfo) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sampleSheet); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: xlsx.Fill("DDEBF7"),
		Border: xlsx.Border("BFBFBF"), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: xlsx.Border("BFBFBF")})
	if err != nil {
		return err
	}
	if err := xlsx.Header(f, sampleSheet, sampleHeaders, head); err != nil {
		return err
	}
	for i, r := range rows {
		line := i + 2
		vals := []any{i + 1, r.Unit, r.File, r.Sheet, r.Row, r.DocNo, r.Title, r.Attribute, r.Stratum, strings.Join(r.Items, "、"),
			strings.Join(r.Messages, "\n")}
		for j, v := range vals {
			cell := xlsx.Cell(j+1, line)
			var err error
			switch x := v.(type) {
			case string:
				err = f.SetCellStr(sampleSheet, cell, x) // never a formula, whatever the unit wrote
			default:
				err = f.SetCellValue(sampleSheet, cell, x)
			}
			if err != nil {
				return err
			}
		}
	}
	last := len(rows) + 1
	if len(rows) > 0 {
		if err := f.SetCellStyle(sampleSheet, "A2", xlsx.Cell(len(sampleHeaders), last), wrap); err != nil {
			return err
		}
	}
	if err := xlsx.SetWidths(f, sampleSheet, []float64{6, 22, 28, 12, 6, 22, 40, 12, 10, 10, 50, 12, 36, 12, 12}); err != nil {
		return err
	}
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "L2:L1048576"
	if err := dv.SetDropList(verdicts); err != nil {
		return err
	}
	dv.SetError(excelize.DataValidationErrorStyleStop, "核查结论", "请从下拉列表中选择：属实、不属实、部分属实")
	if err := f.AddDataValidation(sampleSheet, dv); err != nil {
		return err
	}
	// The filter first: excelize's AutoFilter replaces the sheet
	// properties, and with them the fit-to-page FreezeHeader sets.
	if err := f.AutoFilter(sampleSheet, "A1:"+xlsx.Cell(len(sampleHeaders), max(last, 2)), nil); err != nil {
		return err
	}
	if err := xlsx.FreezeHeader(f, sampleSheet); err != nil {
		return err
	}

	if _, err := f.NewSheet(adjustSheet); err != nil {
		return err
	}
	if err := xlsx.Header(f, adjustSheet, adjustHeaders, head); err != nil {
		return err
	}
	if err := xlsx.SetWidths(f, adjustSheet, []float64{24, 10, 12, 50, 12, 12}); err != nil {
		return err
	}
	if err := xlsx.FreezeHeader(f, adjustSheet); err != nil {
		return err
	}

	if _, err := f.NewSheet(aboutSheet); err != nil {
		return err
	}
	about := [][2]string{
		{"抽查依据", "利通区全面推进政务公开若干重点工作实施方案 一(四)：区人民政府办公室定期抽查"},
		{"指标体系", info.Checklist},
		{"评估年度", strconv.Itoa(info.Year)},
		{"每单位抽查条数", strconv.Itoa(info.PerUnit)},
		{"随机种子", strconv.FormatUint(info.Seed, 10)},
		{"生成", info.Generated},
		{"抽样方法", "按单位分别抽样；有问题的行、依申请公开/不予公开/脱密后公开的行按 8:4:1 的权重多抽；同一种子和同样的报送材料在任何电脑上抽到同样的行"},
		{"填写说明", "在「抽查表」的 核查结论 列选择 属实/不属实/部分属实，不属实 的须在 核查说明 中写明理由，并填写复核人和复核日期；需要调整某项指标得分的，在「指标调整」表中填写。填好后用 zwgk audit … --review 本文件 重新计分。"},
	}
	for i, kv := range about {
		if err := f.SetCellStr(aboutSheet, fmt.Sprintf("A%d", i+1), kv[0]); err != nil {
			return err
		}
		if err := f.SetCellStr(aboutSheet, fmt.Sprintf("B%d", i+1), kv[1]); err != nil {
			return err
		}
	}
	if err := f.SetColWidth(aboutSheet, "A", "A", 16); err != nil {
		return err
	}
	if err := f.SetColWidth(aboutSheet, "B", "B", 90); err != nil {
		return err
	}
	if err := f.SetCellStyle(aboutSheet, "B1", fmt.Sprintf("B%d", len(about)), wrap); err != nil {
		return err
	}
	if err := xlsx.PageSetup(f, aboutSheet, "portrait", xlsx.A4); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// ReadReview reads the spot-check workbook after the district office filled
// it in: each row with a 核查结论 becomes a decision on every finding listed in
// its 指标 column (属实, 部分属实 → confirm; 不属实 → dismiss, which needs a 核查说明),
// and each row of 指标调整 an adjustment.
func ReadReview(name string, data []byte) ([]scoring.Decision, error) {
	rows, err := sheetRows(name, data, []string{sampleSheet}, []string{"单位", "行号", "指标", "核查结论"}, true)
	if err != nil {
		return nil, err
	}
	var out []scoring.Decision
	var errs []error
	for _, r := range rows {
		verdict := strings.TrimSpace(r.get("核查结论"))
		if verdict == "" {
			continue
		}
		pos := fmt.Sprintf("%s %s!%d", name, r.sheet, r.line)
		var decision string
		switch verdict {
		case "属实", "部分属实":
			decision = scoring.Confirm
		case "不属实":
			decision = scoring.Dismiss
		default:
			errs = append(errs, msg.Errorf("%s: 核查结论「%s」应为 属实、不属实 或 部分属实", "%s: verdict %q should be 属实 (true), 不属实 (not true) or 部分属实 (partly true)", pos, verdict))
			continue
		}
		row, _ := strconv.Atoi(strings.TrimSpace(r.get("行号")))
		items := splitList(r.get("指标"))
		if len(items) == 0 {
			continue // a row without findings: the verdict is about the register, not a finding
		}
		reason := strings.TrimSpace(r.get("核查说明"))
		if verdict == "部分属实" && reason == "" {
			reason = "部分属实"
		}
		if decision == scoring.Dismiss && reason == "" {
			// In the sheet's own words: which column, which cell.
			errs = append(errs, msg.Errorf("%s %s!%s: 核查结论为「不属实」时，必须在「核查说明」中写明理由（第%d行，指标 %s）",
				"%s %s!%s: a verdict of 不属实 (not true) needs its reason in 核查说明 (row %d, item %s)",
				name, r.sheet, r.cell("核查说明"), r.line, strings.Join(items, "、")))
			continue
		}
		for _, it := range items {
			d := scoring.Decision{Unit: r.get("单位"), Item: it, Row: row, DocNo: r.get("文号"), Decision: decision,
				Reason: reason, By: r.get("复核人"), On: r.date("复核日期"), Source: pos}
			if err := d.Check(); err != nil {
				errs = append(errs, msg.Errorf("%s: %w", "%s: %w", pos, err))
				continue
			}
			out = append(out, d)
		}
	}
	adj, err := sheetRows(name, data, []string{adjustSheet}, []string{"单位", "指标", "调整后得分"}, true)
	if err == nil {
		for _, r := range adj {
			if r.sheet != adjustSheet {
				break
			}
			pos := fmt.Sprintf("%s %s!%d", name, r.sheet, r.line)
			s := strings.TrimSpace(checklists.Fold(r.get("调整后得分")))
			score, ok := new(big.Rat).SetString(s)
			if !ok {
				errs = append(errs, msg.Errorf("%s: 调整后得分「%s」不是数字", "%s: adjusted score %q is not a number", pos, s))
				continue
			}
			if strings.TrimSpace(r.get("理由")) == "" {
				errs = append(errs, msg.Errorf("%s %s!%s: 调整得分必须在「理由」中写明理由（指标 %s）",
					"%s %s!%s: an adjusted score needs its reason in 理由 (item %s)",
					name, r.sheet, r.cell("理由"), strings.TrimSpace(r.get("指标"))))
				continue
			}
			d := scoring.Decision{Unit: r.get("单位"), Item: strings.TrimSpace(r.get("指标")), Decision: scoring.Adjust, Score: score,
				Reason: strings.TrimSpace(r.get("理由")), By: r.get("复核人"), On: r.date("复核日期"), Source: pos}
			if err := d.Check(); err != nil {
				errs = append(errs, msg.Errorf("%s: %w", "%s: %w", pos, err))
				continue
			}
			out = append(out, d)
		}
	}
	if len(errs) > 0 {
		return nil, msg.Join(errs...)
	}
	return out, nil
}
