//go:build !windows

package main

import "os"

// consoleState: terminals outside Windows understand escape sequences, and
// no window closes when the program ends.
func consoleState(_ *os.File) console { return console{ansi: true} }
