package workbook

import (
	"fmt"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeBigRegister writes a workbook with an n-row 公文台账 by StreamWriter.
func writeBigRegister(b *testing.B, n int) string {
	b.Helper()
	p := filepath.Join(b.TempDir(), "big.xlsx")
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", "公文台账"); err != nil {
		b.Fatal(err)
	}
	sw, err := f.NewStreamWriter("公文台账")
	if err != nil {
		b.Fatal(err)
	}
	header := []any{"序号", "文号", "标题", "印发日期", "公开属性", "不公开理由", "是否政策性文件", "是否涉及公民权利义务", "公开日期", "公开网址", "解读发布日期", "备注"}
	if err := sw.SetRow("A1", header); err != nil {
		b.Fatal(err)
	}
	attrs := []string{"主动公开", "依申请公开", "不予公开", "此件公开发布"}
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := []any{i, fmt.Sprintf("利政发〔2017〕%d号", i), fmt.Sprintf("关于印发第%d项工作方案的通知", i),
			42736 + float64(i%365), attrs[i%4], "", "是", "否", fmt.Sprintf("2017-%02d-%02d", i%12+1, i%28+1),
			fmt.Sprintf("http://www.ltq.gov.cn/zwgk/%d.htm", i), "", ""}
		if err := sw.SetRow(cell, row); err != nil {
			b.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.SaveAs(p); err != nil {
		b.Fatal(err)
	}
	return p
}

func BenchmarkReadXLSX(b *testing.B) {
	const n = 10000
	p := writeBigRegister(b, n)
	b.ReportAllocs()
	for b.Loop() {
		u, err := ReadXLSX(p, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if got := len(u.Tables["documents"].Rows); got != n {
			b.Fatalf("%d rows, want %d", got, n)
		}
	}
	b.ReportMetric(float64(n), "rows/op")
}
