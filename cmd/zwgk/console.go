package main

import (
	"fmt"
	"io"
)

// console is what the program learned about its console when it started
// (newEnv; consoleState in console_windows.go / console_other.go).
type console struct {
	// ansi: the terminal on standard error understands escape sequences
	// (any terminal outside Windows; a Windows console once VT mode is on).
	ansi bool
	// lonely: the console was created for this process alone, which on
	// Windows means zwgk.exe was started by a double click in Explorer and
	// its window closes the moment it ends.
	lonely bool
	// waitKey waits until a key is pressed (lonely consoles only).
	waitKey func()
}

// progressStyle decides the progress bar: shown only when standard error
// is a terminal, drawn with escape sequences only when the terminal
// understands them (a Windows console without VT mode shows them raw, as
// 「←[0K」); otherwise the line is redrawn with a carriage return and spaces.
func progressStyle(stderrTTY, ansi bool) (show, useANSI bool) {
	return stderrTTY, stderrTTY && ansi
}

// lonelyConsole decides from the number of processes attached to the
// console (GetConsoleProcessList) whether it was made for this process:
// on Windows a console that only zwgk.exe uses was opened by Explorer for
// it; started from cmd.exe or PowerShell there are at least two. 0 is
// "could not tell" (no console, or not Windows).
func lonelyConsole(goos string, processes int) bool {
	return goos == "windows" && processes == 1
}

// doubleClickText is what zwgk.exe shows when it is double-clicked: that it
// is used in a command window, how to open one in the folder, and the
// commands to start with.
const doubleClickText = `zwgk —— 政务公开年度评估工具

zwgk 是在命令窗口里输入命令使用的程序，双击打开不能直接使用。请这样做：

  1. 打开 zwgk.exe 所在的文件夹，在窗口上方的地址栏里输入 cmd 后按回车，
     会打开一个位于这个文件夹的命令窗口；
  2. 在命令窗口里输入命令后按回车，例如：

       zwgk audit 示例区县                      审核示例区县的报送材料，屏幕上列出得分和问题
       zwgk audit 报送材料 -o 评估结果.xlsx     审核「报送材料」文件夹并生成 Excel 报告
       zwgk template -o 自查台账模板.xlsx        生成空白自查台账模板
       zwgk help                                列出全部命令

详细说明见同一文件夹中的「使用说明.txt」。
`

// pressAnyKey is shown before a lonely console waits for a key.
const pressAnyKey = "按任意键关闭本窗口……"

// holdConsole is run when the program was started by a double click: with
// no arguments it explains how zwgk is used; in both cases it waits for a
// key so that the window does not vanish before it is read (arguments come
// from a file or folder dropped onto zwgk.exe).
func holdConsole(w io.Writer, c console, args []string) {
	if len(args) == 0 {
		fmt.Fprint(w, doubleClickText)
	}
	fmt.Fprintf(w, "\n%s\n", pressAnyKey)
	if c.waitKey != nil {
		c.waitKey()
	}
}
