// Command zwgk audits the government-affairs openness (政务公开) work of a
// district's townships and departments. See doc.go for the manual.
package main

import (
	"os"

	"github.com/spf13/cobra"
)

func main() {
	tuneGC(os.Getenv)
	// cobra's own double-click check (Windows, parent explorer.exe) prints
	// English and exits even when files are dropped on zwgk.exe; zwgk
	// makes its own (console.go).
	cobra.MousetrapHelpText = ""
	os.Exit(runMain(os.Args[1:], os.Stderr))
}
