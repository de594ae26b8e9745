package workbook

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func gbk(t testing.TB, s string) string {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utf16le(t testing.TB, s string) string {
	t.Helper()
	b, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// writeDir writes files (name → bytes) into a new folder named name.
func writeDir(t testing.TB, name string, files map[string]string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for n, b := range files {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(b), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const gbkDocs = "利通区发展和改革局2017年公文台账\r\n" +
	"\r\n" +
	"序号,文号,标题,印发日期,公开属性\r\n" +
	"1,利发改发〔2017〕1号,\"关于印发\r\nA的通知\",2017-06-01,主动公开\r\n" +
	"2,2号,B,2017年13月1日,此件公开发布\r\n" +
	",,,,\r\n" +
	"3,3号,C,2017/6/3,不予公开\r\n"

func TestReadCSVDir(t *testing.T) {
	cases := []struct {
		name  string
		dir   string
		files func(t testing.TB) map[string]string
		opts  Options
		want  dumpUnit
	}{
		{
			name: "GBK with a title, a blank line and a multi-line cell",
			dir:  "利通区发展和改革局",
			files: func(t testing.TB) map[string]string {
				return map[string]string{
					"公文台账.csv": gbk(t, gbkDocs),
					"单位信息.csv": gbk(t, "项目,内容\r\n单位名称,利通区发展和改革局\r\n单位类型,部门\r\n"),
					"说明.txt":   "ignored",
				}
			},
			want: dumpUnit{
				Name: "利通区发展和改革局", Type: "部门",
				Tables: map[string]dumpTable{"documents": {
					Sheet:   "公文台账",
					Columns: map[string]string{"doc_no": "B", "title": "C", "issued_on": "D", "attribute": "E"},
					Rows: []*row0{
						row(4, vals{"doc_no": "利发改发〔2017〕1号", "title": "关于印发\nA的通知", "issued_on": day(2017, 6, 1), "attribute": "主动公开"}),
						row(6, vals{"doc_no": "2号", "title": "B", "attribute": "主动公开"}, "issued_on"),
						row(8, vals{"doc_no": "3号", "title": "C", "issued_on": day(2017, 6, 3), "attribute": "不予公开"}),
					},
				}},
				Issues: []string{"数据错误 公文台账!D6 documents/issued_on 无法识别的日期「2017年13月1日」"},
			},
		},
		{
			name: "GBK named explicitly",
			dir:  "利通区发展和改革局",
			opts: Options{Encoding: "GBK"},
			files: func(t testing.TB) map[string]string {
				return map[string]string{"公文台账.csv": gbk(t, "标题,印发日期\r\n关于A的通知,2017-06-01\r\n")}
			},
			want: dumpUnit{
				Name: "利通区发展和改革局", FromSource: true,
				Tables: map[string]dumpTable{"documents": {
					Sheet:   "公文台账",
					Columns: map[string]string{"title": "A", "issued_on": "B"},
					Rows:    []*row0{row(2, vals{"title": "关于A的通知", "issued_on": day(2017, 6, 1)})},
				}},
				Issues: []string{"警告  unit/name 未找到单位信息表，单位名称取自文件夹名「利通区发展和改革局」"},
			},
		},
		{
			name: "UTF-8 with BOM, quoted comma, no unit info",
			dir:  "金积镇",
			files: func(t testing.TB) map[string]string {
				return map[string]string{
					"依申请公开台账.csv": "\ufeff收到日期,申请内容,答复结果\n2017-03-01,某文件,予以公开\n\n2017-03-05,\"含,逗号\",区分处理\n",
					"统计.csv":      "a,b\n",
				}
			},
			want: dumpUnit{
				Name: "金积镇", FromSource: true,
				Tables: map[string]dumpTable{"requests": {
					Sheet:   "依申请公开台账",
					Columns: map[string]string{"received_on": "A", "subject": "B", "outcome": "C"},
					Rows: []*row0{
						row(2, vals{"received_on": day(2017, 3, 1), "subject": "某文件", "outcome": "予以公开"}),
						row(4, vals{"received_on": day(2017, 3, 5), "subject": "含,逗号", "outcome": "部分公开"}),
					},
				}},
				Issues: []string{
					"警告 统计 / 忽略工作表「统计」：名称不是台账名称",
					"警告  unit/name 未找到单位信息表，单位名称取自文件夹名「金积镇」",
				},
			},
		},
		{
			// Old Mac Excel's "CSV (Macintosh)": each CR is a line end, also in
			// a quoted cell; a stray quote on one line is kept as text.
			name: "bare-CR line ends",
			dir:  "金积镇",
			files: func(t testing.TB) map[string]string {
				return map[string]string{"公文台账.csv": "标题,印发日期\r关于A的通知,2017-06-01\r\r\"关于\"\"B\"\"的\r通知\",2017-06-02\r\"关于\"C\"的通知\",2017-06-03\r"}
			},
			want: dumpUnit{
				Name: "金积镇", FromSource: true,
				Tables: map[string]dumpTable{"documents": {
					Sheet:   "公文台账",
					Columns: map[string]string{"title": "A", "issued_on": "B"},
					Rows: []*row0{
						row(2, vals{"title": "关于A的通知", "issued_on": day(2017, 6, 1)}),
						row(4, vals{"title": "关于\"B\"的\n通知", "issued_on": day(2017, 6, 2)}),
						row(6, vals{"title": "关于\"C\"的通知", "issued_on": day(2017, 6, 3)}),
					},
				}},
				Issues: []string{"警告  unit/name 未找到单位信息表，单位名称取自文件夹名「金积镇」"},
			},
		},
		{
			name: "UTF-16 with BOM, tab-separated (Excel's Unicode text)",
			dir:  "金积镇",
			files: func(t testing.TB) map[string]string {
				return map[string]string{
					"自评表.csv":  utf16le(t, "指标编号\t自评分\r\n1.1\t95\r\n1.2\t\"90.5\"\r\n"),
					"单位信息.csv": "单位名称,金积镇人民政府\n单位类型,乡镇\n",
				}
			},
			want: dumpUnit{
				Name: "金积镇人民政府", Type: "乡镇",
				Tables: map[string]dumpTable{"self": {
					Sheet:   "自评表",
					Columns: map[string]string{"item": "A", "score": "B"},
					Rows: []*row0{
						row(2, vals{"item": "1.1", "score": 95.0}),
						row(3, vals{"item": "1.2", "score": 90.5}),
					},
				}},
			},
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeDir(t, tc.dir, tc.files(t))
			u, err := Read(dir, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if u.Source != dir {
				t.Errorf("Source = %q, want %q", u.Source, dir)
			}
			for _, is := range u.Issues {
				if is.Pos.Sheet != "" && is.Pos.File != filepath.Join(dir, is.Pos.Sheet+".csv") {
					t.Errorf("issue %s: Pos.File = %q", issueString(is), is.Pos.File)
				}
			}
			if diff := cmp.Diff(tc.want, dump(u), cmpopts.EquateEmpty()); diff != "" {
				t.Errorf("ReadCSVDir mismatch (-want +got):\n%s", diff)
			}
		})
	}
}

func TestReadCSVDirErrors(t *testing.T) {
	cases := []struct {
		name  string
		files func(t testing.TB) map[string]string
		opts  Options
		want  string // in the error's Chinese text
	}{
		{"not GBK either", func(t testing.TB) map[string]string {
			return map[string]string{"公文台账.csv": "标题,印发日期\nA\xff,2017-06-01\n"}
		}, Options{}, "第 1 行：无法识别的文本编码"},
		{"UTF-16 without a byte-order mark", func(t testing.TB) map[string]string {
			return map[string]string{"公文台账.csv": utf16le(t, "标题,印发日期\n")[2:]}
		}, Options{}, "第 1 行：无法识别的文本编码"},
		{"GBK read as UTF-8", func(t testing.TB) map[string]string {
			return map[string]string{"公文台账.csv": gbk(t, "标题,印发日期\n关于A的通知,2017-06-01\n")}
		}, Options{Encoding: "utf-8"}, "无法识别的文本编码，请另存为 UTF-8 或 GBK 编码的 CSV，或用 --encoding 指定"},
		{"no CSV files", func(t testing.TB) map[string]string {
			return map[string]string{"a.txt": "x"}
		}, Options{}, "文件夹中没有 CSV 文件"},
		{"too many lines", func(t testing.TB) map[string]string {
			return map[string]string{"公文台账.csv": "标题,印发日期\nA,2017-06-01\nB,2017-06-01\n"}
		}, Options{MaxRows: 2}, "超过 2 行的上限"},
		{"larger than the size limit", func(t testing.TB) map[string]string {
			return map[string]string{"公文台账.csv": "标题,印发日期\n" + strings.Repeat("A,2017-06-01\n", 100)}
		}, Options{UnzipSizeLimit: 1000}, "CSV 文件超过 1000 字节 的上限"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeDir(t, "金积镇", tc.files(t))
			_, err := ReadCSVDir(dir, tc.opts)
			var ue *UnreadableError
			if !errors.As(err, &ue) {
				t.Fatalf("ReadCSVDir error = %v, want an *UnreadableError", err)
			}
			if !strings.Contains(ue.Text.Zh, tc.want) {
				t.Errorf("error = %q, want it to contain %q", ue.Text.Zh, tc.want)
			}
		})
	}
	if _, err := ReadCSVDir(writeDir(t, "x", map[string]string{"公文台账.csv": "标题\n"}), Options{Encoding: "big5"}); err == nil || !strings.Contains(err.Error(), "big5") {
		t.Errorf("unknown encoding: error = %v", err)
	}
}

func TestGuessEncoding(t *testing.T) {
	long := strings.Repeat("公文台账，", 20000) // runes cut across the 64 KiB reads
	cases := []struct {
		name string
		in   string
		want string
	}{
		{"ascii", "a,b\n", "utf-8"},
		{"utf-8 across chunks", long, "utf-8"},
		{"gbk across chunks", gbk(t, long), "gb18030"},
		{"bom", "\ufeffa", "utf-8 bom"},
		{"utf-16le", "\xff\xfea\x00", "utf-16"},
		{"utf-16be", "\xfe\xff\x00a", "utf-16"},
	}
	for _, tc := range cases {
		e, err := guessEncoding(bytes.NewReader([]byte(tc.in)))
		if err != nil {
			t.Fatal(err)
		}
		got := "utf-16"
		switch e {
		case nil:
			got = "utf-8"
		case unicode.UTF8BOM:
			got = "utf-8 bom"
		case simplifiedchinese.GB18030:
			got = "gb18030"
		}
		if got != tc.want {
			t.Errorf("%s: guessEncoding = %s, want %s", tc.name, got, tc.want)
		}
	}
}
