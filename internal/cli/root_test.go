package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/spf13/cobra"

	"github.com/plancheck/plancheck/internal/iostreams"
)

func TestVersion(t *testing.T) {
	for _, args := range [][]string{{"version"}, {"--version"}} {
		out, errOut, code := runCLI(t, "", args...)
		if code != ExitOK || errOut != "" {
			t.Fatalf("%v: code %d stderr %q", args, code, errOut)
		}
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if len(lines) != 2 || !strings.HasPrefix(lines[0], "plancheck ") ||
			!strings.HasPrefix(lines[1], "catalog us-28-point-plan-2025 ") || !strings.Contains(lines[1], "embedded:") {
			t.Errorf("%v: %q", args, out)
		}
	}
	out, _, code := runCLI(t, "", "version", "--catalog", lakeCatalog)
	if code != ExitOK || !strings.Contains(out, "catalog lake-merrow-treaty ") || !strings.Contains(out, "5 points") {
		t.Errorf("version --catalog: %d %q", code, out)
	}
	_, errOut, code := runCLI(t, "", "version", "extra")
	if code != ExitError || !strings.Contains(errOut, "Run 'plancheck --help'") {
		t.Errorf("version extra: %d %q", code, errOut)
	}
}

func TestCompletion(t *testing.T) {
	for shell, marker := range map[string]string{"bash": "bash completion", "zsh": "#compdef plancheck", "fish": "fish completion", "powershell": "Register-ArgumentCompleter"} {
		out, errOut, code := runCLI(t, "", "completion", shell)
		if code != ExitOK || !strings.Contains(out, marker) {
			t.Errorf("completion %s: code %d, stderr %q, %d bytes without %q", shell, code, errOut, len(out), marker)
		}
	}
}

// Every command says what it does and shows examples in --help.
func TestHelpHasExamples(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	root := NewRootCmd(ios)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if sub.Hidden || sub.Name() == "help" || sub.Name() == "completion" {
				continue
			}
			if sub.Example == "" || sub.Short == "" || sub.Long == "" {
				t.Errorf("%s: needs Short, Long and Example", sub.CommandPath())
			}
			walk(sub)
		}
	}
	if root.Example == "" {
		t.Error("root has no examples")
	}
	walk(root)
	out, _, code := runCLI(t, "", "--help")
	if code != ExitOK {
		t.Fatal(code)
	}
	mustContain(t, "root help", out, "Exit codes:", "explain", "eval", "version", "completion", ".plancheck.yaml")
}

// The exit codes are documented in one place (exit.go) and repeated in the
// README word for word.
func TestREADMEExitCodes(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), exitCodesHelp) {
		t.Errorf("README.md's exit codes section must contain exitCodesHelp from exit.go verbatim:\n%s", exitCodesHelp)
	}
}

func TestUnknownCommandAndFlag(t *testing.T) {
	for _, args := range [][]string{{"scroe"}, {"score", "--bogus", "x"}, {"clauses", "frobnicate"}, {"--color", "purple", "version"}} {
		_, errOut, code := runCLI(t, "", args...)
		if code != ExitError || !strings.HasPrefix(errOut, "plancheck: ") {
			t.Errorf("%v: code %d, stderr %q", args, code, errOut)
		}
	}
}

// --color decides colour, then CLICOLOR_FORCE, then NO_COLOR and whether
// stdout is a terminal.
func TestColor(t *testing.T) {
	env := func(vars map[string]string) func(string) string {
		return func(k string) string { return vars[k] }
	}
	for _, tc := range []struct {
		name string
		tty  bool
		env  map[string]string
		flag string
		want bool
	}{
		{"pipe", false, nil, "", false},
		{"terminal", true, nil, "", true},
		{"terminal NO_COLOR", true, map[string]string{"NO_COLOR": "1"}, "", false},
		{"terminal empty NO_COLOR", true, map[string]string{"NO_COLOR": ""}, "", true},
		{"pipe CLICOLOR_FORCE", false, map[string]string{"CLICOLOR_FORCE": "1"}, "", true},
		{"pipe CLICOLOR_FORCE=0", false, map[string]string{"CLICOLOR_FORCE": "0"}, "", false},
		{"NO_COLOR --color always", true, map[string]string{"NO_COLOR": "1"}, "always", true},
		{"terminal --color never", true, nil, "never", false},
		{"CLICOLOR_FORCE --color never", false, map[string]string{"CLICOLOR_FORCE": "1"}, "never", false},
		{"CLICOLOR_FORCE --color auto", false, map[string]string{"CLICOLOR_FORCE": "1"}, "auto", false},
	} {
		ios, _, out, _ := iostreams.Test()
		ios.SetTTY(tc.tty, false)
		ios.ApplyEnv(env(tc.env))
		args := []string{"explain", "--catalog", lakeCatalog, lakeArticles + "/wire-signing.txt", "-p", "1"}
		if tc.flag != "" {
			args = append(args, "--color", tc.flag)
		}
		if code := Run(ios, args); code != ExitOK {
			t.Fatalf("%s: exit %d", tc.name, code)
		}
		if got := strings.Contains(out.String(), "\x1b["); got != tc.want {
			t.Errorf("%s: colour %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A non-English article is scored with a warning on stderr, which --quiet
// silences; the report says why it is not in plan context.
func TestNonEnglishWarningAndQuiet(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "de.txt", "Der 28-Punkte-Plan für die Ukraine sieht eine Amnestie für alle Seiten vor. Die Regierung in Kiew lehnt den Friedensplan ab, weil er nach Ansicht der Kritiker einer Kapitulation gleichkommt und die Armee auf 600.000 Soldaten begrenzt.\n")
	out, errOut, code := runCLI(t, dir, "score", p, "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if want := "plancheck: warning: " + p + ": text looks like German (de), not English; no points scored\n"; errOut != want {
		t.Errorf("stderr %q, want %q", errOut, want)
	}
	mustContain(t, "report", out, `"language": "de"`, `"plan_context": false`, "not English")
	_, errOut, code = runCLI(t, dir, "score", p, "-q")
	if code != ExitOK || errOut != "" {
		t.Errorf("--quiet: exit %d, stderr %q", code, errOut)
	}
}
