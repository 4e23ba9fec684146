package match

import (
	"fmt"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
)

// TestEmbeddedCatalogExamples runs the examples written in the built-in
// catalog (the same check as `plancheck clauses test`): every clause must
// have at least one match: example, and every example must pass.
func TestEmbeddedCatalogExamples(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	an := document.NewAnalyzer()
	m, err := Compile(cat, an)
	if err != nil {
		t.Fatal(err)
	}
	rep := m.RunExamples(an)
	for _, cl := range rep.NoExamples {
		t.Errorf("%s:%d:%d: %s (point %d) has no examples.match sentence", cat.Source, cl.Pos.Line, cl.Pos.Col, cl.ID, cl.Point)
	}
	for _, f := range rep.Failures() {
		t.Error(f.Error())
	}
	t.Logf("%d examples passed", rep.Passed())
}

func TestRunExamples(t *testing.T) {
	src := `id: t
title: T
context:
  rules:
    - any: [treaty]
plan_terms: [treaty]
ignore: [gaza]
clauses:
  - id: p1-water
    point: 1
    theme: water
    title: Water
    rules:
      - any: [water quota]
      - any: [irrigation]
        anchor: plan
    examples:
      match:
        - Each side gets a water quota.
        - The treaty limits irrigation.
        - The 1990 accord set no quota.
      no_match:
        - Farmers discussed irrigation.
        - The Gaza water quota was cut.
  - id: p2-fish
    point: 2
    theme: fish
    title: Fish
    rules:
      - any: [fishing rights]
`
	cat, err := catalog.Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	an := document.NewAnalyzer()
	m, err := Compile(cat, an)
	if err != nil {
		t.Fatal(err)
	}
	rep := m.RunExamples(an)
	if rep.Passed() != 4 {
		t.Errorf("passed %d, want 4", rep.Passed())
	}
	fails := rep.Failures()
	if len(fails) != 1 {
		t.Fatalf("failures %v, want 1", fails)
	}
	got := fails[0].Error()
	want := `t.yaml:21:11: p1-water: expected a match: "The 1990 accord set no quota." (score 0.00, threshold 0.50)`
	if got != want {
		t.Errorf("failure\n got %s\nwant %s", got, want)
	}
	if len(rep.NoExamples) != 1 || rep.NoExamples[0].ID != "p2-fish" {
		t.Errorf("no examples %v, want p2-fish", rep.NoExamples)
	}
}

func TestOneSentenceKeepsTextWhole(t *testing.T) {
	an := document.NewAnalyzer()
	doc := OneSentence(an, "The U.S. plan. It says more.")
	if len(doc.Sentences) != 1 || !strings.Contains(doc.SentenceText(0), "says more") {
		t.Errorf("sentences %+v", doc.Sentences)
	}
}

// clauseAlone returns a matcher for one clause of cat: the clause's rules,
// the catalog's plan terms and context, and no ignore list, so an example
// is checked against the clause's own rules.
func clauseAlone(t *testing.T, cat *catalog.Catalog, ci int, an *document.Analyzer) *Matcher {
	t.Helper()
	one := *cat
	one.Clauses = []catalog.Clause{cat.Clauses[ci]}
	one.Ignore = nil
	m, err := Compile(&one, an)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// firing describes what a clause found in an example: its score and the
// rules that fired.
func firing(res *Result) (score float64, fired bool, rules string) {
	for _, c := range res.Clauses {
		score = c.Score
		fired = len(c.Firings) > 0
		for _, f := range c.Firings {
			rules += fmt.Sprintf(" rule %d", f.Rule+1)
		}
	}
	return score, fired, rules
}

// TestClauseExamplesStrict is a stricter check of the built-in catalog's
// examples than RunExamples: the clause's rules run alone, without the
// catalog's ignore list (so a no_match example must be rejected by the
// rules themselves, not only by an ignore term), no rule of the clause may
// fire at all on a no_match example (a low-weight firing counts), and
// every clause needs at least 3 match and 2 no_match examples.
func TestClauseExamplesStrict(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	an := document.NewAnalyzer()
	for ci, cl := range cat.Clauses {
		if len(cl.Examples.Match) < 3 || len(cl.Examples.NoMatch) < 2 {
			t.Errorf("%s: needs at least 3 match and 2 no_match examples (has %d and %d)", cl.ID, len(cl.Examples.Match), len(cl.Examples.NoMatch))
		}
		m := clauseAlone(t, cat, ci, an)
		for _, ex := range cl.Examples.Match {
			score, _, rules := firing(m.Match(OneSentence(an, ex)))
			if score < cat.Threshold-1e-9 {
				t.Errorf("%s: match example scores %.2f (<%.2f):%s\n\t%s", cl.ID, score, cat.Threshold, rules, ex)
			}
		}
		for _, ex := range cl.Examples.NoMatch {
			if _, fired, rules := firing(m.Match(OneSentence(an, ex))); fired {
				t.Errorf("%s: no_match example fires%s:\n\t%s", cl.ID, rules, ex)
			}
		}
	}
}

// TestCatalogCoversAllPoints checks that the embedded catalog has one
// clause for each of the plan's 28 points, each with a pillar and summary.
func TestCatalogCoversAllPoints(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	pillars := map[string]bool{"peace-in-ukraine": true, "security-guarantees": true, "security-in-europe": true, "us-relations": true}
	for p := 1; p <= 28; p++ {
		cl := cat.Point(p)
		if cl == nil {
			t.Errorf("no clause for point %d", p)
			continue
		}
		if !pillars[cl.Pillar] {
			t.Errorf("%s: pillar %q is not one of the plan's four", cl.ID, cl.Pillar)
		}
		if cl.Summary == "" {
			t.Errorf("%s: no summary", cl.ID)
		}
	}
	if len(cat.Clauses) != 28 {
		t.Errorf("catalog has %d clauses, want 28", len(cat.Clauses))
	}
}
