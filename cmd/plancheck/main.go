// Command plancheck finds the points of the November 2025 US 28-point
// peace plan for Russia and Ukraine in news articles. See README.md.
package main

import (
	"os"

	"github.com/plancheck/plancheck/internal/cli"
)

func main() {
	os.Exit(cli.Main())
}
