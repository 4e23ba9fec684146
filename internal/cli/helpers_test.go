package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/plancheck/plancheck/internal/iostreams"
)

// Paths of the shared test data, from internal/cli.
const (
	lakeCatalog  = "../../testdata/catalogs/lake-treaty.yaml"
	lakeArticles = "../../testdata/catalogs/lake-treaty"
	lakeGold     = "../../testdata/catalogs/lake-treaty.gold.yaml"
)

// runCLI runs plancheck with args on test streams, as if started in dir
// (a fresh folder with no .plancheck.yaml when dir is "").
func runCLI(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if dir == "" {
		dir = t.TempDir()
	}
	old := getwd
	getwd = func() (string, error) { return dir, nil }
	defer func() { getwd = old }()
	ios, _, out, errOut := iostreams.Test()
	code = Run(ios, args)
	return out.String(), errOut.String(), code
}

// writeFile writes content to name under dir and returns its path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func mustContain(t *testing.T, what, s string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			t.Errorf("%s lacks %q:\n%s", what, sub, s)
		}
	}
}

// parseArgs runs the command newCmd builds with args on test streams and
// returns the options its run function was given (nil when the flags or
// arguments were refused) and Execute's error.
func parseArgs[O any](newCmd func(*iostreams.IOStreams, func(*O) error) *cobra.Command, args []string) (*O, error) {
	ios, _, _, _ := iostreams.Test()
	var got *O
	cmd := newCmd(ios, func(o *O) error { got = o; return nil })
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	return got, cmd.Execute()
}
