package cli

import (
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/iostreams"
)

func TestClausesCheckFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, ""},
		{[]string{"my.yaml"}, "my.yaml"},
		{[]string{"--catalog", "c.yaml"}, "c.yaml"},
		{[]string{"--catalog", "c.yaml", "file.yaml"}, "file.yaml"},
	} {
		for _, sub := range []string{"validate", "test"} {
			ios, _, _, _ := iostreams.Test()
			var got *ClausesCheckOptions
			cmd := NewCmdClauses(ios)
			for _, c := range cmd.Commands() {
				if c.Name() == sub {
					cmd.RemoveCommand(c)
				}
			}
			run := func(o *ClausesCheckOptions) error { got = o; return nil }
			if sub == "validate" {
				cmd.AddCommand(NewCmdClausesValidate(ios, run))
			} else {
				cmd.AddCommand(NewCmdClausesTest(ios, run))
			}
			cmd.SetArgs(append([]string{sub}, tc.args...))
			if err := cmd.Execute(); err != nil {
				t.Fatalf("%s %v: %v", sub, tc.args, err)
			}
			if got == nil || got.Catalog != tc.want {
				t.Errorf("%s %v: catalog %+v, want %q", sub, tc.args, got, tc.want)
			}
		}
	}
}

func TestClausesValidate(t *testing.T) {
	out, errOut, code := runCLI(t, "", "clauses", "validate", lakeCatalog)
	if code != ExitOK || out != "ok: 5 points, 13 rules\n" || errOut != "" {
		t.Errorf("lake: %d %q %q", code, out, errOut)
	}
	out, _, code = runCLI(t, "", "clauses", "validate")
	if code != ExitOK || !strings.HasPrefix(out, "ok: 28 points, ") {
		t.Errorf("embedded: %d %q", code, out)
	}

	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.yaml", `id: bad
title: Bad
context:
  rules:
    - any: [treaty]
clauses:
  - id: p1-x
    point: 1
    theme: x
    title: X
    rules:
      - any: [quota]
        weight: 2
      - all: [[dam], ["—"]]
  - id: p1-x
    point: 1
    theme: y
    title: Y
    colour: red
    rules:
      - any: [fish]
`)
	out, errOut, code = runCLI(t, "", "clauses", "validate", bad)
	if code != ExitError {
		t.Errorf("bad structure: exit %d", code)
	}
	want := bad + `:13:17: weight must be in (0, 1], not 2
` + bad + `:15:5: duplicate clause id "p1-x" (first at line 7)
` + bad + `:15:5: duplicate point 1 (first at line 7)
` + bad + `:19:5: unknown key "colour" in clause (known: id, point, theme, pillar, title, summary, seeds, rules, examples)
`
	if out != want {
		t.Errorf("bad structure:\n got %s\nwant %s", out, want)
	}
	if errOut != "plancheck: "+bad+": 4 errors\n" {
		t.Errorf("stderr %q", errOut)
	}

	// Structure fine, a pattern the matcher cannot use.
	pat := writeFile(t, dir, "pattern.yaml", `id: pat
title: Pat
context:
  rules:
    - any: [treaty]
clauses:
  - id: p1-x
    point: 1
    theme: x
    title: X
    rules:
      - all: [[dam], ["—"]]
`)
	out, _, code = runCLI(t, "", "clauses", "validate", pat)
	if code != ExitError || out != pat+":12:9: rule term \"—\" has no words to match\n" {
		t.Errorf("bad pattern: %d %q", code, out)
	}

	_, errOut, code = runCLI(t, "", "clauses", "validate", dir+"/missing.yaml")
	if code != ExitError || !strings.Contains(errOut, "cannot read catalog") {
		t.Errorf("missing: %d %q", code, errOut)
	}
}

func TestClausesTest(t *testing.T) {
	out, errOut, code := runCLI(t, "", "clauses", "test", lakeCatalog)
	if code != ExitOK || out != "ok: 20 examples passed (5 points)\n" || errOut != "" {
		t.Errorf("lake: %d %q %q", code, out, errOut)
	}
	out, _, code = runCLI(t, "", "clauses", "test")
	if code != ExitOK || !strings.HasSuffix(out, "examples passed (28 points)\n") {
		t.Errorf("embedded: %d %q", code, out)
	}
	out, _, code = runCLI(t, "", "clauses", "test", "-v", lakeCatalog)
	if code != ExitOK || strings.Count(out, ": ok: ") != 20 {
		t.Errorf("-v: %d %q", code, out)
	}

	dir := t.TempDir()
	cat := writeFile(t, dir, "c.yaml", `id: c
title: C
context:
  rules:
    - any: [treaty]
plan_terms: [treaty]
clauses:
  - id: p1-quota
    point: 1
    theme: water
    title: Quota
    rules:
      - any: [water quota]
    examples:
      match:
        - The treaty sets a water quota.
        - The treaty caps withdrawals.
      no_match:
        - The city water quota was cut.
  - id: p2-dams
    point: 2
    theme: dams
    title: Dams
    rules:
      - any: [dam]
`)
	out, errOut, code = runCLI(t, "", "clauses", "test", cat)
	if code != ExitError {
		t.Errorf("exit %d", code)
	}
	want := cat + `:17:11: p1-quota: expected a match: "The treaty caps withdrawals." (score 0.00, threshold 0.50)
` + cat + `:19:11: p1-quota: expected no match: "The city water quota was cut." (score 1.00, threshold 0.50)
` + cat + `:20:5: p2-dams: no examples.match sentence; every clause needs at least one
`
	if out != want {
		t.Errorf("failures:\n got %s\nwant %s", out, want)
	}
	if errOut != "plancheck: 2 of 3 examples failed; 1 clause without a match: example\n" {
		t.Errorf("stderr %q", errOut)
	}
}
