package checklists

import "github.com/zwgk/zwgk/checklists/yamlfile"

// Error is one mistake in a checklist file, or a warning about it, at the
// position of the YAML node it is about; it prints as FILE:LINE:COL: message.
type Error = yamlfile.Error

// ErrorList is a list of checklist errors and warnings, in the manner of
// go/scanner.ErrorList; Err returns nil when it is empty.
type ErrorList = yamlfile.ErrorList
