package match

import (
	"fmt"
	"testing"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
)

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

// TestClauseExamples checks every clause's examples in the embedded
// catalog: each match example must reach the threshold with the clause's
// rules alone, and no rule of the clause may fire on a no_match example.
func TestClauseExamples(t *testing.T) {
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
			score, _, rules := firing(m.Match(an.Analyze("example", ex)))
			if score < cat.Threshold-1e-9 {
				t.Errorf("%s: match example scores %.2f (<%.2f):%s\n\t%s", cl.ID, score, cat.Threshold, rules, ex)
			}
		}
		for _, ex := range cl.Examples.NoMatch {
			if _, fired, rules := firing(m.Match(an.Analyze("example", ex))); fired {
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
