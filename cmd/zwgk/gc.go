package main

import "runtime/debug"

// Garbage collector settings for a run, unless the environment sets GOGC or
// GOMEMLIMIT (see docs/performance.md). An audit keeps little alive — the
// rows of the units being read, the scores of those done — but allocates a
// lot while parsing XML: with Go's default (collect when the heap doubles) a
// 1,000-unit audit collected 1,750 times and spent about a tenth of its CPU
// doing it. Collecting when the heap has grown fivefold, under a soft limit
// that keeps the process well below the memory of any office computer,
// saves most of that.
const (
	gcPercent   = 400
	memoryLimit = 200 << 20
)

// tuneGC applies the settings; getenv reads the environment.
func tuneGC(getenv func(string) string) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
