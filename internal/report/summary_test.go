package report

import (
	"math"
	"testing"
)

func TestSummarizer(t *testing.T) {
	points := []PointSummary{
		{Point: 1, Clause: "sovereignty", Theme: "sovereignty", Title: "Sovereignty", Articles: 99},
		{Point: 7, Clause: "nato-membership", Theme: "nato", Title: "No NATO"},
		{Point: 21, Clause: "territory", Theme: "territory", Title: "Territory"},
	}
	s := NewSummarizer(points, 28)
	if points[0].Articles != 99 {
		t.Fatal("NewSummarizer changed its argument")
	}
	framed := func(point int, clause, stance string) Mention {
		m := Mention{Point: point, Clause: clause}
		if stance != "" {
			m.Framing = &Framing{Stance: stance}
		}
		return m
	}
	s.Add(&Article{Path: "a", PlanContext: true, Coverage: 0.1, Mentions: []Mention{
		framed(7, "nato-membership", Critical),
		framed(7, "nato-membership", Supportive), // same clause again: counted once, first stance
		framed(21, "territory", ""),
	}})
	s.Add(&Article{Path: "b", PlanContext: true, Coverage: 0.3, Mentions: []Mention{
		framed(7, "nato-membership", Neutral),
		framed(13, "sanctions", Supportive), // not in the list
	}})
	s.Add(&Article{Path: "c", PlanContext: false, Coverage: 0.5})
	s.Add(&Article{Path: "d", Error: "boom", PlanContext: true, Coverage: 1, Mentions: []Mention{framed(1, "sovereignty", Critical)}})
	got := s.Summary()

	if got.Articles != 4 || got.Scored != 3 || got.Errors != 1 || got.PlanContext != 2 {
		t.Errorf("counts = %d articles, %d scored, %d errors, %d plan context; want 4, 3, 1, 2",
			got.Articles, got.Scored, got.Errors, got.PlanContext)
	}
	if math.Abs(got.MeanCoverage-0.2) > 1e-12 {
		t.Errorf("MeanCoverage = %v, want 0.2 (mean of plan-context articles only)", got.MeanCoverage)
	}
	if want := 3.0 / 28; math.Abs(got.Coverage-want) > 1e-12 {
		t.Errorf("Coverage = %v, want %v (points 7, 13, 21)", got.Coverage, want)
	}
	want := []struct {
		point, articles int
		stances         map[string]int
	}{
		{1, 0, nil},
		{7, 2, map[string]int{Critical: 1, Neutral: 1}},
		{13, 1, map[string]int{Supportive: 1}},
		{21, 1, nil},
	}
	if len(got.Points) != len(want) {
		t.Fatalf("Points = %+v, want %d entries", got.Points, len(want))
	}
	for i, w := range want {
		p := got.Points[i]
		if p.Point != w.point || p.Articles != w.articles || !sameCounts(p.Stances, w.stances) {
			t.Errorf("Points[%d] = %+v, want point %d, %d articles, stances %v", i, p, w.point, w.articles, w.stances)
		}
	}
	if got.Points[2].Clause != "sanctions" {
		t.Errorf("unknown clause entry = %+v, want clause sanctions", got.Points[2])
	}

	// The summary is a snapshot.
	got.Points[1].Stances[Critical] = 100
	s.Add(&Article{Path: "e", Mentions: []Mention{framed(7, "nato-membership", Critical)}})
	again := s.Summary()
	if c := again.Points[1].Stances[Critical]; c != 2 {
		t.Errorf("after another article, critical = %d, want 2", c)
	}
}

func TestSummarizerEmpty(t *testing.T) {
	s := NewSummarizer(nil, 0).Summary()
	if s.Articles != 0 || s.Coverage != 0 || s.MeanCoverage != 0 || s.Points == nil || len(s.Points) != 0 {
		t.Errorf("empty summary = %+v", s)
	}
}

func sameCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
