package cli

import (
	"github.com/plancheck/plancheck/internal/golden"
	"testing"
)

// TestSeedsGolden pins plancheck's whole output on the seed articles, in
// every report format: any change to the catalog, the lexicons or a
// printer shows up here as a reviewed diff (go test ./internal/cli -update).
func TestSeedsGolden(t *testing.T) {
	for _, f := range []struct{ format, file string }{
		{"table", "seeds.table.golden"},
		{"json", "seeds.json.golden"},
		{"csv", "seeds.csv.golden"},
		{"markdown", "seeds.md.golden"},
	} {
		t.Run(f.format, func(t *testing.T) {
			out, errOut, code := runCLI(t, "", "score", "--format", f.format, "-j", "2", "../../seeds")
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden.Check(t, f.file, out)
		})
	}
}
