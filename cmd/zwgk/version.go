package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/zwgk/zwgk/checklists"
	"github.com/zwgk/zwgk/checklists/calendar"
)

func newVersionCmd(e *env) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "显示版本、内置指标体系和工作日历覆盖的年份",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			fmt.Fprintln(e.stdout, versionLine())
			fmt.Fprintf(e.stdout, "checklists: %s\n", strings.Join(checklists.Embedded(), ", "))
			for _, name := range calendar.Names() {
				f, err := calendar.Embedded(name)
				if err != nil {
					return err
				}
				var years []string
				for _, y := range f.Years() {
					years = append(years, fmt.Sprint(y))
				}
				fmt.Fprintf(e.stdout, "calendar %s (%s): %s\n", name, f.Title, strings.Join(years, " "))
			}
			return nil
		},
	}
}

// commit is set at build time with -ldflags "-X main.commit=…"
// (scripts/release.sh); without it the commit Go recorded is used.
var commit = ""

// toolName names this program in what it writes: "zwgk v1.2.0", or
// "zwgk dev (8298f8e)" for a build from a work tree, "zwgk dev" when not
// even the commit is known (go test, go run).
func toolName() string {
	v, c := buildInfo()
	if v == "dev" && c != "unknown" {
		return "zwgk dev (" + shortCommit(c) + ")"
	}
	return "zwgk " + v
}

// versionLine is what `zwgk --version` and the first line of `zwgk
// version` print.
func versionLine() string {
	v, c := buildInfo()
	return fmt.Sprintf("zwgk %s (commit %s)", v, c)
}

// shortCommit is the first 7 hex digits of a commit, keeping +dirty.
func shortCommit(c string) string {
	h, dirty := strings.CutSuffix(c, "+dirty")
	if len(h) > 7 {
		h = h[:7]
	}
	if dirty {
		h += "+dirty"
	}
	return h
}

// buildInfo is the version (set with -ldflags, else the module's, else
// "dev") and the commit the binary was built from (set with -ldflags, else
// recorded by Go, else "unknown").
func buildInfo() (v, c string) {
	v, c = version, "unknown"
	if commit != "" {
		c = commit
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v, c
	}
	if v == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	if commit != "" {
		return v, c
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" {
			c = s.Value
		}
		if s.Key == "vcs.modified" && s.Value == "true" && c != "unknown" {
			c += "+dirty"
		}
	}
	return v, c
}
