// Command zwgk audits the government-affairs openness (政务公开) work of a
// district's townships and departments. See doc.go for the manual.
package main

import "os"

func main() {
	tuneGC(os.Getenv)
	os.Exit(runMain(os.Args[1:], os.Stderr))
}
