//go:build windows

package main

import (
	"os"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/term"
)

// consoleState turns on VT mode (ENABLE_VIRTUAL_TERMINAL_PROCESSING) for
// the console behind stderr, as Windows 10 1511 and later allow; where it
// cannot be turned on (older conhost, a redirected stream) no escape
// sequence is written. It also counts the processes attached to the
// console, to tell a double click from a command window.
func consoleState(stderr *os.File) console {
	c := console{waitKey: waitKey}
	h := windows.Handle(stderr.Fd())
	var mode uint32
	if err := windows.GetConsoleMode(h, &mode); err == nil {
		if mode&windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING != 0 {
			c.ansi = true
		} else if windows.SetConsoleMode(h, mode|windows.ENABLE_VIRTUAL_TERMINAL_PROCESSING) == nil {
			c.ansi = true
		}
	}
	c.lonely = lonelyConsole("windows", consoleProcesses())
	return c
}

// consoleProcesses is the number of processes attached to this console
// (kernel32 GetConsoleProcessList), 0 when it cannot be told.
func consoleProcesses() int {
	proc := windows.NewLazySystemDLL("kernel32.dll").NewProc("GetConsoleProcessList")
	if proc.Find() != nil {
		return 0
	}
	ids := make([]uint32, 4)
	n, _, _ := proc.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return int(n)
}

// waitKey reads one key press from the console, without waiting for Enter.
func waitKey() {
	fd := int(os.Stdin.Fd())
	if old, err := term.MakeRaw(fd); err == nil {
		defer term.Restore(fd, old)
	}
	var b [1]byte
	os.Stdin.Read(b[:])
}
