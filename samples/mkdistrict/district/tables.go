package district

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/zwgk/zwgk/audit/workbook"
)

// WriteTables writes the district's own evidence for year into dir: the
// website's 政府信息公开目录 as the intensive platform's CMS exports it (阳江
// layout, UTF-8 CSV) and the district's 日常监测问题 list. The catalogue
// lists every 主动公开 document a unit published that year, as the units'
// registers say, except for the differences planted here (samples/README.md
// lists them with what zwgk finds):
//
//   - 金积镇 金政发〔2017〕15号 is not online (应公开未公开, verified);
//   - 金积镇 金政发〔2017〕9号 went online 06-05, not 06-01 (台账与网站不一致);
//   - 金积镇 金政发〔2017〕33号 is online but not in the register (台账漏登);
//   - 利通区档案局, audited by nobody, has a row (listed as no unit's).
//
// 文号 are written the CMS's way (brackets [], leading zeros: 金政发[2017]001号),
// the 发展和改革局 publishes as 利通区发改局, townships as 某某镇人民政府, and one
// document has no 文号 and a title ending in 。 — all of which still match.
func WriteTables(dir string, year int) error {
	if year != 2017 {
		return nil // the 2018 district has no catalogue: its items are not checked
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	cat := [][]string{{"索引号", "分类", "发布机构", "成文日期", "名称", "文号", "发布日期"}}
	n := 0
	for _, u := range district2017() {
		publisher := u.name
		switch {
		case u.typ == "乡镇" && strings.HasSuffix(u.name, "镇"), u.typ == "乡镇" && strings.HasSuffix(u.name, "乡"):
			publisher = u.name + "人民政府"
		case u.name == "利通区发展和改革局":
			publisher = "利通区发改局"
		}
		for _, x := range u.docs {
			switch x.attr {
			case "主动公开", "此件公开发布", "公开发布":
			default:
				continue
			}
			pub, ok := workbook.ParseDate(csvText(x.published))
			if x.published == "" || !ok || pub.Year() != year {
				continue
			}
			no, title, published := x.no, x.title, pub.Format("2006-01-02")
			switch x.no {
			case "金政发〔2017〕15号":
				continue
			case "金政发〔2017〕9号":
				published = "2017-06-05"
			case "金政发〔2017〕1号":
				no = "金政发[2017]001号"
			case "金政发〔2017〕18号":
				no, title = "", title+"。"
			}
			n++
			issued := csvText(x.issued)
			if t, ok := workbook.ParseDate(issued); ok {
				issued = t.Format("2006-01-02")
			}
			cat = append(cat, []string{fmt.Sprintf("640302%s/%d-%05d", strings.ToUpper(u.code), year, n), x.catalog, publisher, issued, title, no, published})
		}
		if u.name == "金积镇" {
			n++
			cat = append(cat, []string{fmt.Sprintf("640302JJZ/%d-%05d", year, n), "惠农补贴", "金积镇人民政府", "2017-12-18",
				"金积镇关于公布2017年惠农补贴发放情况的公告", "金政发〔2017〕33号", "2017-12-20"})
		}
	}
	cat = append(cat, []string{"640302DAJ/2017-00001", "工作计划", "利通区档案局", "2017-05-02", "利通区档案局2017年工作要点", "", "2017-05-03"})

	mon := [][]string{
		{"被检查单位", "发现日期", "问题类型", "问题描述", "网址", "扣分"},
		{"扁担沟镇人民政府", "2017-09-15", "栏目不更新", "政府信息公开目录“通知公告”栏目超过6个月未更新", "http://www.litong.gov.cn/xxgk/bdgz/tzgg/", "1"},
		{"利通区司法局", "2017-11-08", "链接失效", "“法律援助”栏目3个链接无法打开", "http://www.litong.gov.cn/xxgk/sfj/flyz/", "0.5"},
		{"区发改局", "2017-11-08", "空白栏目", "“重大建设项目”栏目无内容", "http://www.litong.gov.cn/xxgk/fgj/zdxm/", "1"},
	}
	for name, rows := range map[string][][]string{"政府信息公开目录.csv": cat, "日常监测问题.csv": mon} {
		if err := writeCSV(filepath.Join(dir, name), rows); err != nil {
			return err
		}
	}
	return nil
}

func writeCSV(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.UseCRLF = true
	if err := w.WriteAll(rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
