package match

import (
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
	for _, f := range rep.Failures {
		t.Error(f.Error())
	}
	t.Logf("%d examples passed", rep.Passed)
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
	if rep.Passed != 4 {
		t.Errorf("passed %d, want 4", rep.Passed)
	}
	if len(rep.Failures) != 1 {
		t.Fatalf("failures %v, want 1", rep.Failures)
	}
	got := rep.Failures[0].Error()
	want := `t.yaml:21:11: p1-water: expected a match (score 0.00): "The 1990 accord set no quota."`
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
