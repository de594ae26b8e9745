// Package roster is the middle of an audit, between reading the submissions
// and scoring them: the roster of units that must hand in (Roster, read from
// YAML by Parse; NormalizeName is how unit names are matched everywhere), and
// the Reconciler, which decides which submissions are scored — not one with
// empty registers, not one matching no roster unit, not two for one unit —
// matches each to its roster unit (whose name, type and pilot flag win) by
// name or alias, or by a similar name when the pairing is one to one
// (Similarity), keeps the genuine one of two submissions for a unit, names
// the submissions that could not be read, and lists the roster's units that
// handed in nothing. It reads no files: callers pass what they read.
package roster
