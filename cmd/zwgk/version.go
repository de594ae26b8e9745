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
			v, commit := buildInfo()
			fmt.Fprintf(e.stdout, "zwgk %s (commit %s)\n", v, commit)
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

// toolName names this program in what it writes: "zwgk v1.2.0", or
// "zwgk dev" for a build from a work tree.
func toolName() string {
	v, _ := buildInfo()
	return "zwgk " + v
}

// buildInfo is the version (set with -ldflags, else the module's, else
// "dev") and the commit the binary was built from, when Go recorded it.
func buildInfo() (v, commit string) {
	v, commit = version, "unknown"
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return v, commit
	}
	if v == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	for _, s := range bi.Settings {
		if s.Key == "vcs.revision" {
			commit = s.Value
		}
		if s.Key == "vcs.modified" && s.Value == "true" {
			commit += "+dirty"
		}
	}
	return v, commit
}
