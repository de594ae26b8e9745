//go:build unix

package workbook

import (
	"errors"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/zwgk/zwgk/checklists/msg"
)

// notRegularText is the reason a FIFO, device or socket is not read.
func notRegularText(zh, en string) msg.Text {
	return msg.Text{
		Zh: "这是" + zh + "，不是普通文件，没有读取；请报送普通的 .xlsx 工作簿或 CSV 文件",
		En: "this is " + en + ", not a regular file, and was not read; send an ordinary .xlsx workbook or CSV file",
	}
}

// inFolder is the reason of a unit's CSV folder refused for its 公文台账.csv.
func inFolder(t msg.Text) msg.Text {
	return msg.Text{Zh: "公文台账.csv：" + t.Zh, En: "公文台账.csv: " + t.En}
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}

// TestReadNotRegular: FIFOs and devices are refused before they are opened
// (opening one would block, or never end), whether named on the command
// line, found in a unit's CSV folder, or reached through a link; a link to
// a regular file still reads.
func TestReadNotRegular(t *testing.T) {
	good := "标题,印发日期\n关于A的通知,2017-06-01\n"
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, root string) (arg, file string) // what Read is given, the file refused ("" in a folder)
		want  msg.Text                                           // the zero Text: read, with one row
	}{{
		name: "FIFO workbook named on the command line",
		setup: func(t *testing.T, root string) (string, string) {
			p := filepath.Join(root, "金积镇.xlsx")
			mkfifo(t, p)
			return p, p
		},
		want: notRegularText("命名管道（FIFO）", "a named pipe (FIFO)"),
	}, {
		name: "FIFO zip named on the command line",
		setup: func(t *testing.T, root string) (string, string) {
			p := filepath.Join(root, "金积镇.zip")
			mkfifo(t, p)
			return p, p
		},
		want: notRegularText("命名管道（FIFO）", "a named pipe (FIFO)"),
	}, {
		name: "FIFO 公文台账.csv in a unit folder",
		setup: func(t *testing.T, root string) (string, string) {
			dir := writeDir(t, "金积镇", map[string]string{"单位信息.csv": "单位名称,金积镇\n"})
			p := filepath.Join(dir, "公文台账.csv")
			mkfifo(t, p)
			return dir, ""
		},
		want: inFolder(notRegularText("命名管道（FIFO）", "a named pipe (FIFO)")),
	}, {
		name: "CSV linked to /dev/zero",
		setup: func(t *testing.T, root string) (string, string) {
			dir := writeDir(t, "金积镇", nil)
			p := filepath.Join(dir, "公文台账.csv")
			if err := os.Symlink("/dev/zero", p); err != nil {
				t.Skip(err)
			}
			return dir, ""
		},
		want: inFolder(notRegularText("设备文件", "a device file")),
	}, {
		name: "CSV linked to a regular file",
		setup: func(t *testing.T, root string) (string, string) {
			src := filepath.Join(root, "台账.csv")
			if err := os.WriteFile(src, []byte(good), 0o644); err != nil {
				t.Fatal(err)
			}
			dir := writeDir(t, "金积镇", nil)
			if err := os.Symlink(src, filepath.Join(dir, "公文台账.csv")); err != nil {
				t.Skip(err)
			}
			return dir, ""
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			arg, file := tc.setup(t, t.TempDir())
			u, err := Read(arg, Options{})
			if tc.want == (msg.Text{}) {
				if err != nil {
					t.Fatal(err)
				}
				if n := len(u.Tables["documents"].Rows); n != 1 {
					t.Errorf("read %d rows, want 1", n)
				}
				return
			}
			var ue *UnreadableError
			if !errors.As(err, &ue) {
				t.Fatalf("Read error = %v, want an *UnreadableError", err)
			}
			if file == "" {
				file = arg
			}
			if ue.Path != file {
				t.Errorf("Path = %q, want %q", ue.Path, file)
			}
			if diff := cmp.Diff(tc.want, ue.Text); diff != "" {
				t.Errorf("reason (-want +got):\n%s", diff)
			}
		})
	}
}

// TestDiscoverNotRegular: FIFOs and sockets named like submissions are named
// in a warning and skipped; the other units are still found and read.
func TestDiscoverNotRegular(t *testing.T) {
	root := tree(t, "乡镇/马莲渠乡.xlsx", "部门/发改局/单位信息.csv")
	if err := os.WriteFile(filepath.Join(root, "部门/发改局/公文台账.csv"), []byte("标题,印发日期\n关于A的通知,2017-06-01\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	mkfifo(t, filepath.Join(root, "乡镇/金积镇.xlsx"))
	mkfifo(t, filepath.Join(root, "部门/发改局/2017年依申请公开台账.csv"))
	mkfifo(t, filepath.Join(root, "乡镇/说明.txt")) // not named like a submission: no warning
	// A socket's path has a length limit; where the temporary folder is too
	// deep for one, the socket case is left out.
	sock := filepath.Join(root, "乡镇/s.zip")
	if l, err := net.Listen("unix", sock); err == nil {
		defer l.Close()
	} else {
		sock = ""
	}
	subs, warns, err := Discover([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	for i := range subs {
		subs[i].Path, _ = filepath.Rel(root, subs[i].Path)
	}
	want := []Submission{{Path: "乡镇/马莲渠乡.xlsx", Kind: KindXLSX}, {Path: "部门/发改局", Kind: KindCSV}}
	if diff := cmp.Diff(want, subs); diff != "" {
		t.Errorf("submissions (-want +got):\n%s", diff)
	}
	skipped := func(p, zh, en string) msg.Text {
		p = filepath.ToSlash(filepath.Join(root, p))
		return msg.Text{Zh: p + " 是" + zh + "，不是普通文件，已跳过，没有审核", En: p + " is " + en + ", not a regular file; skipped, not audited"}
	}
	var wantWarn []msg.Text
	if sock != "" {
		wantWarn = append(wantWarn, skipped("乡镇/s.zip", "套接字（socket）", "a socket"))
	}
	wantWarn = append(wantWarn, skipped("乡镇/金积镇.xlsx", "命名管道（FIFO）", "a named pipe (FIFO)"),
		skipped("部门/发改局/2017年依申请公开台账.csv", "命名管道（FIFO）", "a named pipe (FIFO)"))
	if diff := cmp.Diff(wantWarn, warns); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
	// The CSV unit holding the FIFO is refused, naming it; the workbook
	// beside the FIFO workbook is unaffected by it.
	_, err = Read(filepath.Join(root, "部门/发改局"), Options{})
	var ue *UnreadableError
	fifo := notRegularText("命名管道（FIFO）", "a named pipe (FIFO)")
	if !errors.As(err, &ue) || ue.Text != (msg.Text{Zh: "2017年依申请公开台账.csv：" + fifo.Zh, En: "2017年依申请公开台账.csv: " + fifo.En}) {
		t.Errorf("Read(发改局) error = %v, want the FIFO named", err)
	}
}

// TestDiscoverLinks: a link is followed once. A linked workbook is a
// submission through its real path (and not twice when its target is in
// the same folder); a link to a device is named and skipped; a dangling
// link and a link back up to a folder already searched are named, never
// followed for ever.
func TestDiscoverLinks(t *testing.T) {
	root := t.TempDir()
	subs := filepath.Join(root, "报送材料")
	elsewhere := filepath.Join(root, "别处")
	for _, d := range []string{subs, elsewhere} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	write := func(p string) {
		if err := os.WriteFile(p, []byte("PK\x03\x04"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(subs, "金积镇.xlsx"))
	write(filepath.Join(elsewhere, "古城镇.xlsx"))
	links := map[string]string{
		"古城镇.xlsx":    filepath.Join(elsewhere, "古城镇.xlsx"), // a workbook kept elsewhere
		"又一个金积镇.xlsx": filepath.Join(subs, "金积镇.xlsx"),      // the same file twice
		"零.xlsx":      "/dev/zero",
		"断了.xlsx":     filepath.Join(root, "没有这个文件.xlsx"),
		"上一级":         root, // a loop: 报送材料 is inside root
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(subs, name)); err != nil {
			t.Skipf("symlink: %v", err)
		}
	}
	got, warnings, err := Discover([]string{subs})
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, s := range got {
		paths = append(paths, s.Path)
	}
	realElsewhere, _ := filepath.EvalSymlinks(filepath.Join(elsewhere, "古城镇.xlsx"))
	realSubs, _ := filepath.EvalSymlinks(filepath.Join(subs, "金积镇.xlsx"))
	want := []string{realElsewhere, realSubs}
	if filepath.Join(subs, "金积镇.xlsx") != realSubs {
		t.Skip("the temporary folder is itself behind a link")
	}
	if diff := cmp.Diff(want, paths); diff != "" {
		t.Errorf("submissions (-want +got):\n%s", diff)
	}
	var zh []string
	for _, w := range warnings {
		zh = append(zh, w.Zh)
	}
	slash := filepath.ToSlash
	wantWarnings := []string{
		slash(filepath.Join(subs, "上一级")) + " 是指向已经查找过的文件夹（" + slash(root) + "）的符号链接，没有再次进入",
		slash(filepath.Join(subs, "断了.xlsx")) + " 是符号链接，指向的文件不存在或形成循环，已跳过，没有审核",
		slash(filepath.Join(subs, "零.xlsx")) + " 是设备文件，不是普通文件，已跳过，没有审核",
	}
	if diff := cmp.Diff(wantWarnings, zh, cmpopts.SortSlices(func(a, b string) bool { return a < b })); diff != "" {
		t.Errorf("warnings (-want +got):\n%s", diff)
	}
}

// TestDiscoverBadPaths: a symbolic link loop among the paths given (what a
// shell glob gives), a path that is gone and a folder that cannot be listed
// are each one unreadable submission with the reason; the rest is found.
func TestDiscoverBadPaths(t *testing.T) {
	root := tree(t, "乡镇/金积镇.xlsx", "部门/财政局.xlsx", "锁住/发改局.xlsx")
	loop := filepath.Join(root, "环.xlsx")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	locked := filepath.Join(root, "锁住")
	if err := os.Chmod(locked, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(locked, 0o755) })
	asRoot := os.Geteuid() == 0 // root lists any folder: the permission case cannot be made
	subs, _, err := Discover([]string{filepath.Join(root, "乡镇"), loop, filepath.Join(root, "不存在.xlsx"), root})
	if err != nil {
		t.Fatal(err)
	}
	type got struct {
		Path, Kind string
		Reason     string
	}
	var gotSubs []got
	for _, s := range subs {
		rel, _ := filepath.Rel(root, s.Path)
		g := got{Path: filepath.ToSlash(rel), Kind: s.Kind}
		if s.Err != nil {
			g.Reason = s.Err.Text.En
		}
		gotSubs = append(gotSubs, g)
	}
	want := []got{
		{Path: "不存在.xlsx", Kind: KindOther, Reason: "no such file or folder (or a symbolic link to nothing); not audited"},
		{Path: "乡镇/金积镇.xlsx", Kind: KindXLSX},
		{Path: "环.xlsx", Kind: KindOther, Reason: "a loop of symbolic links that leads to no file; not audited"},
		{Path: "部门/财政局.xlsx", Kind: KindXLSX},
		{Path: "锁住", Kind: KindOther, Reason: "permission denied; not audited: check the permissions of the file or folder"},
	}
	if asRoot {
		want[4] = got{Path: "锁住/发改局.xlsx", Kind: KindXLSX}
	}
	if diff := cmp.Diff(want, gotSubs); diff != "" {
		t.Errorf("submissions (-want +got):\n%s", diff)
	}
	// Every path given missing is still a mistake of the command line.
	if _, _, err := Discover([]string{filepath.Join(root, "无")}); err == nil {
		t.Error("Discover(a missing path) gave no error")
	}
}
