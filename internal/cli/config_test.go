package cli

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/config"
	"github.com/plancheck/plancheck/internal/iostreams"
)

// A config sets the flags the command line leaves alone.
func TestConfigSetsFlags(t *testing.T) {
	cfg, err := config.Parse("/proj/.plancheck.yaml", []byte("catalog: plans/lake.yaml\nformat: csv\ninclude: [news/**]\nworkers: 3\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		want ScoreOptions
	}{
		{[]string{"x"}, ScoreOptions{Sources: Sources{Catalog: "/proj/plans/lake.yaml"}, Format: "csv", Include: []string{"news/**"}, Workers: 3}},
		{[]string{"x", "--catalog", "mine.yaml", "-f", "json", "--include", "a/*", "-j", "1"}, ScoreOptions{Sources: Sources{Catalog: "mine.yaml"}, Format: "json", Include: []string{"a/*"}, Workers: 1}},
	} {
		ios, _, _, _ := iostreams.Test()
		var got *ScoreOptions
		cmd := NewCmdScore(ios, func(o *ScoreOptions) error { got = o; return nil })
		if err := cmd.ParseFlags(tc.args); err != nil {
			t.Fatal(err)
		}
		if err := setFromConfig(cmd, cfg); err != nil {
			t.Fatal(err)
		}
		if err := cmd.RunE(cmd, cmd.Flags().Args()); err != nil {
			t.Fatalf("%v: %v", tc.args, err)
		}
		if got.Catalog != filepath.FromSlash(tc.want.Catalog) && got.Catalog != tc.want.Catalog || got.Format != tc.want.Format ||
			!slices.Equal(got.Include, tc.want.Include) || got.Workers != tc.want.Workers {
			t.Errorf("%v: got catalog %q format %q include %v workers %d", tc.args, got.Catalog, got.Format, got.Include, got.Workers)
		}
	}
}

// The config is found in the current folder or a parent; --config names
// another; flags override it; a format a command does not have is left
// alone.
func TestConfigEndToEnd(t *testing.T) {
	root := t.TempDir()
	abs, _ := filepath.Abs(lakeCatalog)
	writeFile(t, root, ".plancheck.yaml", "catalog: "+abs+"\nformat: json\n")
	sub := filepath.Join(root, "a", "b")
	writeFile(t, sub, "keep", "")
	article, _ := filepath.Abs(lakeArticles + "/wire-signing.txt")

	out, errOut, code := runCLI(t, sub, "score", article)
	if code != ExitOK || !strings.Contains(out, `"id": "lake-merrow-treaty"`) {
		t.Errorf("config from parent: exit %d, stderr %q, out %.200q", code, errOut, out)
	}
	out, _, _ = runCLI(t, sub, "score", article, "--format", "csv")
	if strings.HasPrefix(out, "{") {
		t.Errorf("--format flag must override config: %.100q", out)
	}
	out, _, code = runCLI(t, sub, "clauses", "validate")
	if code != ExitOK || out != "ok: 5 points, 13 rules\n" {
		t.Errorf("clauses validate with config catalog: %d %q", code, out)
	}
	out, _, _ = runCLI(t, sub, "explain", article, "-p", "1")
	if !strings.HasPrefix(out, "{") {
		t.Errorf("explain takes format json from config: %.100q", out)
	}

	other := writeFile(t, t.TempDir(), "other.yaml", "format: markdown\n")
	out, _, code = runCLI(t, sub, "--config", other, "score", article)
	if code != ExitOK || strings.HasPrefix(out, "{") || !strings.Contains(out, "|") {
		t.Errorf("--config: %d %.200q", code, out)
	}
	// eval has no markdown: the config's format is ignored there.
	_, errOut, code = runCLI(t, sub, "--config", other, "eval", "--gold", lakeGold, "--catalog", lakeCatalog, lakeArticles)
	if code != ExitOK {
		t.Errorf("eval with a config format it lacks: %d %q", code, errOut)
	}
}

func TestConfigErrors(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, ".plancheck.yaml", "catalog: x.yaml\ncolour: never\nworkers: lots\n")
	_, errOut, code := runCLI(t, dir, "score", "x.txt")
	want := "plancheck: " + bad + ":2:1: unknown key \"colour\" (known: catalog, format, include, exclude, workers)\n" + bad + ":3:10: workers must be a whole number, 1 or more, not \"lots\"\n"
	if code != ExitError || errOut != want {
		t.Errorf("exit %d, stderr\n%s\nwant\n%s", code, errOut, want)
	}
	// Commands that take none of its keys do not read it.
	if _, _, code := runCLI(t, dir, "completion", "bash"); code != ExitOK {
		t.Errorf("completion with a broken config: exit %d", code)
	}
	_, errOut, code = runCLI(t, "", "--config", filepath.Join(dir, "none.yaml"), "score", "x.txt")
	if code != ExitError || !strings.Contains(errOut, "cannot read config") {
		t.Errorf("missing --config: %d %q", code, errOut)
	}
}
