package main

import (
	"fmt"
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
			fmt.Fprintf(e.stdout, "zwgk %s\n", version)
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
