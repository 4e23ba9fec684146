package match

import (
	"fmt"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
)

// ExampleResult is one catalog example checked against its clause's rules.
type ExampleResult struct {
	Clause *catalog.Clause
	// File is the catalog file (its Source) and Pos where the example is
	// written in it.
	File string
	// Pos is where the example is written in the catalog file.
	Pos catalog.Pos
	// Want is true for a match: example the rules missed, false for a
	// no_match: example they found.
	Want bool
	Text string
	// Score is the clause score the example got, Threshold the catalog's.
	Score, Threshold float64
	// Pass is true when the rules did what the example says.
	Pass bool
}

// Error is the result as a "file:line:col: message" line.
func (f ExampleResult) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", f.File, f.Pos.Line, f.Pos.Col, f.Message())
}

// Message is the result without its position, such as
// `p21-territory: expected a match: "..." (score 0.35, threshold 0.50)`.
func (f ExampleResult) Message() string {
	want := "expected a match"
	if !f.Want {
		want = "expected no match"
	}
	if f.Pass {
		want = "matched"
		if !f.Want {
			want = "did not match"
		}
	}
	return fmt.Sprintf("%s: %s: %q (score %.2f, threshold %.2f)", f.Clause.ID, want, f.Text, f.Score, f.Threshold)
}

// ExampleReport is the outcome of running a catalog's examples.
type ExampleReport struct {
	// Results holds every example, clause by clause, match: before
	// no_match:.
	Results []ExampleResult
	// NoExamples lists the clauses without a single match: example.
	NoExamples []*catalog.Clause
}

// Passed counts the examples that passed.
func (r *ExampleReport) Passed() int {
	n := 0
	for _, x := range r.Results {
		if x.Pass {
			n++
		}
	}
	return n
}

// Failures returns the examples that failed.
func (r *ExampleReport) Failures() []ExampleResult {
	var out []ExampleResult
	for _, x := range r.Results {
		if !x.Pass {
			out = append(out, x)
		}
	}
	return out
}

// RunExamples checks every clause's examples against its own rules. Each
// example is matched as a one-sentence document; only the clause's score
// counts (its threshold decides), whatever other clauses find, and the
// plan-context gate is not applied. Rules with anchor: plan still need a
// plan term in the example, and catalog ignore: terms still disqualify it,
// as they would in an article. an is the analyzer the matcher was compiled
// with (or one like it).
func (m *Matcher) RunExamples(an *document.Analyzer) *ExampleReport {
	rep := &ExampleReport{}
	for ci := range m.Catalog.Clauses {
		cl := &m.Catalog.Clauses[ci]
		if len(cl.Examples.Match) == 0 {
			rep.NoExamples = append(rep.NoExamples, cl)
		}
		check := func(texts []string, pos []catalog.Pos, want bool) {
			for i, text := range texts {
				score := m.ClauseScore(an, ci, text)
				x := ExampleResult{Clause: cl, File: m.Catalog.Source, Pos: cl.Pos, Want: want, Text: text,
					Score: score, Threshold: m.Catalog.Threshold, Pass: (score >= m.Catalog.Threshold-1e-9) == want}
				if i < len(pos) {
					x.Pos = pos[i]
				}
				rep.Results = append(rep.Results, x)
			}
		}
		check(cl.Examples.Match, cl.Examples.MatchPos, true)
		check(cl.Examples.NoMatch, cl.Examples.NoMatchPos, false)
	}
	return rep
}

// ClauseScore is the score clause ci's rules give text read as one
// sentence.
func (m *Matcher) ClauseScore(an *document.Analyzer, ci int, text string) float64 {
	res := m.Match(OneSentence(an, text))
	for _, cr := range res.Clauses {
		if cr.Index == ci {
			return cr.Score
		}
	}
	return 0
}

// OneSentence makes a document of text as a single sentence, however the
// sentence splitter would cut it.
func OneSentence(an *document.Analyzer, text string) *document.Document {
	toks := an.Tokens(text)
	return &document.Document{
		Path: "example", Text: text, Tokens: toks,
		Sentences: []document.Sentence{{Start: 0, End: len(text), TokStart: 0, TokEnd: len(toks), Header: -1}},
	}
}
