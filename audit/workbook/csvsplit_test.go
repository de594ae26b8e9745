package workbook

import (
	"bufio"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/zwgk/zwgk/checklists/msg"
)

func TestCSVSplitter(t *testing.T) {
	type rec struct {
		Line  int
		Cells []string
	}
	for _, tc := range []struct {
		name    string
		in      string
		want    []rec
		wantErr error
	}{
		{"LF, CRLF and bare CR", "a,b\nc,d\r\ne,f\rg,h", []rec{{1, []string{"a", "b"}}, {2, []string{"c", "d"}}, {3, []string{"e", "f"}}, {4, []string{"g", "h"}}}, nil},
		{"blank lines counted", "\n\r\n\ra,\n", []rec{{4, []string{"a", ""}}}, nil},
		{"CRLF then a bare CR is a blank line", "a\r\r\nb\r", []rec{{1, []string{"a"}}, {3, []string{"b"}}}, nil},
		{"quoted separator, doubled quote, empty quoted cell", "\"a,b\",\"x\"\"y\",\"\"\n", []rec{{1, []string{"a,b", "x\"y", ""}}}, nil},
		{"multi-line cell: CRLF and CR kept as LF", "\"a\r\nb\rc\",d\ne\n", []rec{{1, []string{"a\nb\nc", "d"}}, {4, []string{"e"}}}, nil},
		{"stray quotes on one line kept", "\"关于\"A\"的通知\",1\nx\"y,2\n", []rec{{1, []string{"关于\"A\"的通知", "1"}}, {2, []string{"x\"y", "2"}}}, nil},
		{"closing quote at the end of the file", "a,\"b\"", []rec{{1, []string{"a", "b"}}}, nil},
		{"quote never closed", "a,b\n1,\"关于A的通知,2017\n2,B,2017\n3,C,2017\n", []rec{{1, []string{"a", "b"}}}, &csvQuoteError{line: 2}},
		{"stray quote, then a line end", "1,\"关于\"A\"的通知,2017\n2,B,2017\n3,\"C\",2017\n", nil, &csvQuoteError{line: 1}},
		{"as wide as allowed", "a,b,c\n", []rec{{1, []string{"a", "b", "c"}}}, nil},
		{"too wide", "a,b,c\n,,," + strings.Repeat(",", 1<<20) + "\n", []rec{{1, []string{"a", "b", "c"}}}, &csvWidthError{line: 2, max: 3}},
		{"too wide, quoted", "\"a\",\"b\",\"c\",\"d\"\n", nil, &csvWidthError{line: 1, max: 3}},
		{"long cells cut past the limit", "0123456789abc,\"0123456789\"\"xyz\",5\n", []rec{{1, []string{"0123456789a", "0123456789\"", "5"}}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			br := bufio.NewReader(strings.NewReader(tc.in))
			maxCell := 1 << 20
			if strings.HasPrefix(tc.name, "long cells") {
				maxCell = 10
			}
			sp := newCSVSplitter(br, ',', 3, maxCell)
			var got []rec
			var err error
			for {
				var cells []string
				var line int
				cells, line, err = sp.read()
				if err != nil {
					break
				}
				got = append(got, rec{line, slices.Clone(cells)})
			}
			if err == io.EOF {
				err = nil
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("records (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tc.wantErr, err, cmp.AllowUnexported(csvQuoteError{}, csvWidthError{})); diff != "" {
				t.Errorf("error (-want +got):\n%s", diff)
			}
			if tc.name == "too wide" {
				// The splitter stopped at the limit, not at the line's end.
				if n, _ := io.Copy(io.Discard, br); n < 1<<19 {
					t.Errorf("%d bytes left after the error: read the over-wide line", n)
				}
			}
		})
	}
}

// TestReadCSVDirDamage: a damaged CSV file makes the unit unreadable with the
// file and the line named, never a shorter register.
func TestReadCSVDirDamage(t *testing.T) {
	const head = "标题,印发日期\n"
	for _, tc := range []struct {
		name, csv string
		want      msg.Text
	}{{
		name: "quote never closed",
		csv:  head + "关于A的通知,2017-06-01\n\"关于B的通知,2017-06-02\n" + strings.Repeat("关于C的通知,2017-06-03\n", 1000),
		want: msg.Text{
			Zh: "第 3 行开始的引号（\"）没有闭合，其后各行会被读成一个单元格；请检查这一行的英文双引号，单元格中的引号应写成两个（\"\"）",
			En: "the quote (\") opened on line 3 is never closed, so the lines after it would be read as one cell; check the double quotes on that line (a quote inside a cell is written twice: \"\")",
		},
	}, {
		name: "stray quote running over lines",
		csv:  head + "\"关于\"B\"的通知,2017-06-02\n关于C的通知,2017-06-03\n\"关于D的通知\",2017-06-04\n",
		want: msg.Text{
			Zh: "第 2 行开始的引号（\"）没有闭合，其后各行会被读成一个单元格；请检查这一行的英文双引号，单元格中的引号应写成两个（\"\"）",
			En: "the quote (\") opened on line 2 is never closed, so the lines after it would be read as one cell; check the double quotes on that line (a quote inside a cell is written twice: \"\")",
		},
	}, {
		name: "a line of millions of separators",
		csv:  head + strings.Repeat(",", 3_000_000) + "\n",
		want: msg.Text{Zh: "第 2 行超过 16384 列", En: "line 2 has more than 16384 columns"},
	}, {
		name: "a line of many long cells",
		csv:  head + strings.Repeat(strings.Repeat("长", 30000)+",", 200) + "\n",
		want: msg.Text{Zh: "第 2 行超过 16 MiB", En: "line 2 is longer than 16 MiB"},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeDir(t, "金积镇", map[string]string{"公文台账.csv": tc.csv})
			_, err := ReadCSVDir(dir, Options{})
			var ue *UnreadableError
			if !errors.As(err, &ue) {
				t.Fatalf("ReadCSVDir error = %v, want an *UnreadableError", err)
			}
			if ue.Path != dir {
				t.Errorf("Path = %q, want %q", ue.Path, dir)
			}
			want := msg.Text{Zh: "公文台账.csv：" + tc.want.Zh, En: "公文台账.csv: " + tc.want.En}
			if diff := cmp.Diff(want, ue.Text); diff != "" {
				t.Errorf("reason (-want +got):\n%s", diff)
			}
		})
	}
}
