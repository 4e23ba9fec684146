package eval

import (
	"math"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/report"
)

const goldYAML = `
- file: a.txt
  plan_context: true
  points:
    6: critical
    21: neutral
- file: sub/b.txt
  plan_context: true
  points:
    7: supportive
- file: control.txt
  plan_context: false
  points: {}
`

func art(path string, ctx bool, points map[int]string) report.Article {
	a := report.Article{Path: path, PlanContext: ctx, Mentions: []report.Mention{}}
	for p, st := range points {
		a.Mentions = append(a.Mentions, report.Mention{Point: p, Framing: &report.Framing{Stance: st}})
	}
	return a
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestCompare(t *testing.T) {
	g, err := ParseGold("gold.yaml", []byte(goldYAML))
	if err != nil {
		t.Fatal(err)
	}
	r := Compare(g, []report.Article{
		// 6 right with the right stance, 21 found with the wrong stance, 25 extra.
		art("corpus/a.txt", true, map[int]string{6: "critical", 21: "critical", 25: "neutral"}),
		// 7 missed; the path matches the label's trailing components.
		art("corpus/sub/b.txt", true, nil),
		// The control wrongly in context with a point.
		art("corpus/control.txt", true, map[int]string{13: "neutral"}),
		// Not labelled.
		art("corpus/other.txt", false, nil),
	})
	if r.Articles != 3 || len(r.Unlabelled) != 1 || len(r.Missing) != 0 {
		t.Fatalf("articles %d, unlabelled %v, missing %v", r.Articles, r.Unlabelled, r.Missing)
	}
	if r.ContextCorrect != 2 || !near(r.ContextAccuracy, 2.0/3) {
		t.Errorf("context %d, accuracy %v", r.ContextCorrect, r.ContextAccuracy)
	}
	if r.Points.TP != 2 || r.Points.FP != 2 || r.Points.FN != 1 {
		t.Errorf("points %+v", r.Points)
	}
	if !near(r.Points.Precision, 0.5) || !near(r.Points.Recall, 2.0/3) || !near(r.Points.F1, 2*0.5*(2.0/3)/(0.5+2.0/3)) {
		t.Errorf("P %v R %v F1 %v", r.Points.Precision, r.Points.Recall, r.Points.F1)
	}
	if r.StanceTotal != 2 || r.StanceCorrect != 1 || r.Confusion["neutral"]["critical"] != 1 {
		t.Errorf("stances total %d correct %d confusion %v", r.StanceTotal, r.StanceCorrect, r.Confusion)
	}
	// critical: tp 1, fp 1 -> F1 2/3; neutral: fn 1 -> F1 0; supportive
	// never occurs and is left out of the macro average.
	if !near(r.StanceMacroF1, (2.0/3+0)/2) {
		t.Errorf("stance macro-F1 %v", r.StanceMacroF1)
	}
	if p := r.PerPoint[7]; p == nil || p.FN != 1 {
		t.Errorf("point 7 per-point %+v", p)
	}
}

func TestParseGoldErrors(t *testing.T) {
	for _, tt := range []struct{ name, yaml, want string }{
		{"bad stance", "- file: a.txt\n  plan_context: true\n  points: {6: angry}\n", `point 6: stance "angry"`},
		{"points outside context", "- file: a.txt\n  plan_context: false\n  points: {6: neutral}\n", "has points but plan_context: false"},
		{"twice", "- file: a.txt\n  plan_context: false\n- file: a.txt\n  plan_context: false\n", "a.txt is labelled twice"},
		{"no file", "- plan_context: false\n", "label 1 has no file"},
		{"unknown key", "- file: a.txt\n  plan_context: false\n  stance: x\n", "stance"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseGold("g.yaml", []byte(tt.yaml))
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "g.yaml") {
				t.Errorf("error %v, want one naming g.yaml and containing %q", err, tt.want)
			}
		})
	}
}
