package match

import (
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
)

// testCatalog is a small made-up catalog exercising every rule kind.
const testCatalog = `
id: test
title: Test plan
threshold: 0.5
context:
  threshold: 1.0
  rules:
    - all: [[peace plan], [ukraine, russia]]
      weight: 0.5
  against:
    - all: [[gaza], [plan, deal]]
      weight: 0.5
plan_terms: [plan, draft, would]
ignore: [budapest memorandum]
clauses:
  - id: any-rule
    point: 1
    theme: t
    title: any
    rules:
      - any: [amnesty, general pardon]
        not: [amnesty international]
  - id: all-sentence
    point: 2
    theme: t
    title: all in a sentence
    rules:
      - all: [[cap, limit, reduce], [army, armed forces, troops]]
  - id: all-window
    point: 3
    theme: t
    title: all within a window
    rules:
      - all: [[recognise], [crimea]]
        within: 3
  - id: anchored
    point: 4
    theme: t
    title: anchored
    rules:
      - any: [prisoner exchange]
        anchor: plan
  - id: weak
    point: 5
    theme: t
    title: weak rules need two sentences
    rules:
      - any: [jets]
        weight: 0.3
  - id: phrase
    point: 6
    theme: t
    title: phrases do not cross commas
    rules:
      - any: [crimea donbas]
`

func compileTest(t *testing.T) *Matcher {
	t.Helper()
	cat, err := catalog.Parse("test.yaml", []byte(testCatalog))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Compile(cat, document.NewAnalyzer())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func mentioned(m *Matcher, text string) []int {
	doc := document.NewAnalyzer().Analyze("t", text)
	res := m.Match(doc)
	var out []int
	for _, c := range res.Clauses {
		if c.Mentioned {
			out = append(out, c.Clause.Point)
		}
	}
	return out
}

func TestRuleKinds(t *testing.T) {
	m := compileTest(t)
	tests := []struct {
		name string
		text string
		want []int
	}{
		{"any term", "The deal grants amnesty to all.", []int{1}},
		{"any phrase stemmed", "Both sides get general pardons.", []int{1}},
		{"not excludes the sentence", "Amnesty International condemned the strike.", nil},
		{"all in one sentence", "Kyiv must reduce the size of its armed forces.", []int{2}},
		{"all across sentences does not fire", "Kyiv must reduce spending. Its army is large.", nil},
		{"window in reach", "Washington would recognise Russian Crimea.", []int{3}},
		{"window too far", "They recognise that after many long years of war Crimea is lost.", nil},
		{"anchor in sentence", "The draft includes a prisoner exchange.", []int{4}},
		{"anchor in previous sentence", "The draft was leaked. It sets out a prisoner exchange.", []int{4}},
		{"anchor in list header", "The plan's points:\n- a cap\n- a prisoner exchange", []int{4}},
		{"no anchor", "Ukraine and Russia carried out a prisoner exchange on Friday.", nil},
		{"weak rule once", "Jets fly over Poland.", nil},
		{"weak rule twice", "Jets fly over Poland. More jets arrive.", []int{5}},
		{"phrase contiguous", "Recognise Crimea Donbas as Russian.", []int{3, 6}},
		{"phrase across comma", "Crimea, Donbas and Kherson.", nil},
		{"ignored sentence", "The Budapest Memorandum promised amnesty.", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mentioned(m, tt.text)
			if !equalInts(got, tt.want) {
				t.Errorf("%q: mentioned %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestContextDecision(t *testing.T) {
	m := compileTest(t)
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"two references", "The peace plan for Ukraine leaked. Russia welcomed the peace plan.", true},
		{"one reference is too few", "The peace plan for Ukraine leaked.", false},
		{"one rule counts twice at most", "A peace plan for Ukraine. A peace plan for Russia. A peace plan for Ukraine.", true},
		{"other deal subtracts", "The peace plan for Ukraine leaked. Russia welcomed the peace plan. The Gaza plan held. The Gaza deal held.", false},
		{"no reference", "Russia struck Ukraine's grid overnight.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := document.NewAnalyzer().Analyze("t", tt.text)
			res := m.Match(doc)
			if res.Context.InContext != tt.want {
				t.Errorf("in context = %v (score %.2f, %v), want %v", res.Context.InContext, res.Context.Score, res.Context.Reasons, tt.want)
			}
			if len(res.Context.Reasons) == 0 {
				t.Errorf("no reasons given")
			}
			if !tt.want && len(res.Mentions()) > 0 {
				t.Errorf("mentions outside plan context")
			}
		})
	}
}

func TestEvidenceSpans(t *testing.T) {
	m := compileTest(t)
	doc := document.NewAnalyzer().Analyze("t", "Intro. Kyiv must cap its armed forces.")
	res := m.Match(doc)
	if len(res.Clauses) != 1 {
		t.Fatalf("clauses %+v", res.Clauses)
	}
	c := res.Clauses[0]
	if c.Score != 1 || !equalInts(c.Sentences, []int{1}) {
		t.Fatalf("score %v sentences %v", c.Score, c.Sentences)
	}
	var words []string
	for _, sp := range c.Firings[0].Spans {
		words = append(words, SpanText(doc, sp))
	}
	if got := strings.Join(words, "+"); got != "cap+armed forces" {
		t.Errorf("spans quote %q", got)
	}
}

func TestCompileErrors(t *testing.T) {
	bad := strings.Replace(testCatalog, "any: [jets]", "any: [\"--\"]", 1)
	cat, err := catalog.Parse("bad.yaml", []byte(bad))
	if err != nil {
		t.Fatal(err)
	}
	_, err = Compile(cat, document.NewAnalyzer())
	if err == nil {
		t.Fatal("a term with no words compiled")
	}
	if want := `bad.yaml:48:9: rule term "--" has no words to match`; err.Error() != want {
		t.Errorf("error %q, want %q", err.Error(), want)
	}
}

func TestContextFromStatedPoints(t *testing.T) {
	base := strings.Replace(testCatalog, "  threshold: 1.0\n  rules:", "  threshold: 1.0\n  points: 2\n  rules:", 1)
	text := "A peace plan for Ukraine leaked. It grants amnesty to all. Kyiv must reduce its armed forces."
	for _, tt := range []struct {
		name    string
		catalog string
		text    string
		want    bool
	}{
		{"off by default", testCatalog, text, false},
		{"two points in full and half the threshold", base, text, true},
		{"one point is not enough", base, "A peace plan for Ukraine leaked. It grants amnesty to all.", false},
		{"points without any plan reference", base, "Amnesty for all. Kyiv must reduce its armed forces.", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			cat, err := catalog.Parse("test.yaml", []byte(tt.catalog))
			if err != nil {
				t.Fatal(err)
			}
			m, err := Compile(cat, document.NewAnalyzer())
			if err != nil {
				t.Fatal(err)
			}
			res := m.Match(document.NewAnalyzer().Analyze("t", tt.text))
			if res.Context.InContext != tt.want {
				t.Errorf("in context = %v (score %.2f, %v), want %v", res.Context.InContext, res.Context.Score, res.Context.Reasons, tt.want)
			}
			if tt.want && !strings.Contains(strings.Join(res.Context.Reasons, " "), "states 2 of the plan's points") {
				t.Errorf("reasons do not say why: %v", res.Context.Reasons)
			}
		})
	}
}
