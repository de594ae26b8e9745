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
//
// The soft limit was 200 MiB until issue 21 made reading cheap: what a run
// keeps (each unit's scores and its 即将到期 list, ~30 KB a unit) then grew
// the heap towards 200 MiB as the units grew (peak RSS 125 MB at 300 units,
// 185 MB at 600, 210 MB at 1,000). At 128 MiB peak RSS is 125–139 MB from
// 300 to 1,000 units, at the same CPU time (within ±2 %); at 96 MiB a
// 1,000-unit audit cost 5 % more (docs/performance.md).
const (
	gcPercent   = 400
	memoryLimit = 128 << 20
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
