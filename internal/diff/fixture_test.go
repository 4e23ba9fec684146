package diff

import (
	"fmt"

	"github.com/plancheck/plancheck/internal/report"
)

// Hand-made report pairs for the golden tests, over a few points of the
// plan's catalog.

var testCatalog = report.Catalog{
	ID:     "us-28-point-plan-2025",
	Title:  "US 28-point peace plan for Russia and Ukraine (November 2025)",
	Hash:   "sha256:0f3a9c1d2e4b",
	Points: 28,
}

type testPoint struct {
	point         int
	clause, theme string
	title         string
}

var testPoints = map[int]testPoint{
	3:  {3, "p03-no-expansion", "non-aggression", "No invasion of neighbours, no NATO expansion"},
	7:  {7, "p07-no-nato-membership", "nato", "No NATO membership for Ukraine"},
	12: {12, "p12-reconstruction", "reconstruction", "Reconstruction package"},
	14: {14, "p14-frozen-assets", "frozen-assets", "Frozen assets to reconstruction"},
	21: {21, "p21-territory", "territory", "Crimea, Luhansk, Donetsk recognised as Russian"},
	25: {25, "p25-elections", "elections", "Elections within 100 days"},
}

// mention returns a mention of point n with the given stance ("" for no
// framing) and evidence sentence on line.
func mention(n int, stance string, line int, text string) report.Mention {
	p := testPoints[n]
	m := report.Mention{Point: n, Clause: p.clause, Theme: p.theme, Title: p.title, Score: 0.8,
		Evidence: []report.Evidence{{Sentence: line - 1, Start: 100 * line, End: 100*line + len(text), Text: text, Line: line}}}
	if stance != "" {
		m.Framing = &report.Framing{Stance: stance, Cues: []report.Cue{}, Attribution: []string{}}
	}
	return m
}

func article(path string, ms ...report.Mention) report.Article {
	if ms == nil {
		ms = []report.Mention{}
	}
	return report.Article{Path: path, PlanContext: len(ms) > 0, Mentions: ms, Coverage: float64(len(ms)) / 28,
		Sentences: 20, Bytes: 2000}
}

func broken(path, msg string) report.Article {
	return report.Article{Path: path, Mentions: []report.Mention{}, Error: msg}
}

func testReport(version string, arts ...report.Article) *report.Report {
	r := &report.Report{Tool: report.Tool{Name: "plancheck", Version: version}, Catalog: testCatalog, Articles: arts}
	var pts []report.PointSummary
	for n := 1; n <= 28; n++ {
		p, ok := testPoints[n]
		if !ok {
			p = testPoint{n, fmt.Sprintf("p%02d", n), "other", ""}
		}
		pts = append(pts, report.PointSummary{Point: n, Clause: p.clause, Theme: p.theme, Title: p.title})
	}
	s := report.NewSummarizer(pts, 28)
	for i := range r.Articles {
		s.Add(&r.Articles[i])
	}
	r.Summary = s.Summary()
	return r
}

// changesPair has every kind of change: points gained and lost, a stance
// moved, articles added (with points and without) and removed, an article
// that can no longer be scored, and unchanged articles.
func changesPair() (base, head *report.Report) {
	base = testReport("0.1.0",
		article("news/ft-leak.md",
			mention(7, report.Neutral, 4, "Ukraine would enshrine in its constitution that it will not join NATO."),
			mention(21, report.Neutral, 9, "Crimea, Luhansk and Donetsk would be recognised as de facto Russian.")),
		article("news/kyiv, talks.txt",
			mention(3, report.Neutral, 2, "NATO would not expand further, the draft says.")),
		article("news/old-explainer.txt",
			mention(12, report.Supportive, 5, "A reconstruction fund would be set up.")),
		article("news/sports.txt"),
		article("news/unchanged.txt", mention(7, report.Critical, 3, "Kyiv rejects the NATO clause.")),
		article("news/wire.html", mention(25, report.Neutral, 6, "Elections would be held within 100 days.")),
	)
	head = testReport("0.2.0",
		article("news/ft-leak.md",
			mention(7, report.Neutral, 4, "Ukraine would enshrine in its constitution that it will not join NATO."),
			mention(21, report.Critical, 11, "Critics called the \"land for peace\" swap a capitulation: 100% of Donetsk, they said,\nwould go."),
			mention(25, report.Neutral, 15, "Elections would follow within 100 days.")),
		article("news/kyiv, talks.txt"),
		article("news/new-analysis.md",
			mention(14, report.Critical, 7, "Using frozen assets | the plan's 50/50 split | was called <theft>."),
			mention(21, "", 2, "The territorial clauses are the crux.")),
		article("news/sports.txt"),
		article("news/unchanged.txt", mention(7, report.Critical, 3, "Kyiv rejects the NATO clause.")),
		article("news/weather.txt"),
		broken("news/wire.html", "decode news/wire.html: not text (NUL bytes at offset 0)"),
	)
	return base, head
}

// quietPair changes no coverage: an article without points is added.
func quietPair() (base, head *report.Report) {
	arts := []report.Article{
		article("a.txt", mention(7, report.Neutral, 4, "Ukraine would not join NATO.")),
		article("b.txt"),
	}
	base = testReport("0.1.0", arts...)
	head = testReport("0.1.0", append(arts, article("c.txt"))...)
	return base, head
}

// samePair is one report twice.
func samePair() (base, head *report.Report) {
	base, _ = quietPair()
	return base, base
}
