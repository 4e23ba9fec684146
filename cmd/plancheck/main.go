// Command plancheck finds the points of the November 2025 US 28-point
// peace plan for Russia and Ukraine in news articles. See README.md.
package main

import (
	"os"
	"runtime/debug"

	"github.com/plancheck/plancheck/internal/cli"
)

func main() {
	if _, ok := os.LookupEnv("GOGC"); !ok {
		// Scoring allocates many short-lived tokens and sentences while
		// its live heap stays small (tens of MB, whatever the number of
		// files): collecting at 4x the live heap instead of 2x cuts CPU by
		// ~20% on a 10,000-article run for ~30 MB more peak memory.
		// docs/performance.md has the figures. GOGC still overrides.
		debug.SetGCPercent(400)
	}
	os.Exit(cli.Main())
}
