package diff

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/plancheck/plancheck/internal/report"
)

// synthetic returns a report of n articles, each mentioning about five
// points with two evidence sentences and framing, like a real corpus; seed
// shifts which points and stances an article has, so that two seeds give
// two reports that differ in most articles.
func synthetic(n, seed int) *report.Report {
	arts := make([]report.Article, n)
	stances := []string{report.Critical, report.Neutral, report.Supportive}
	for i := range arts {
		var ms []report.Mention
		for k := 0; k < 5; k++ {
			pt := (i*7+k*5+seed*(i%3))%28 + 1
			dup := false
			for _, m := range ms {
				dup = dup || m.Point == pt
			}
			if dup {
				continue
			}
			m := mention(pt%6+1, "", 3, "")
			m.Point, m.Clause, m.Theme = pt, fmt.Sprintf("p%02d", pt), "theme"
			m.Evidence = []report.Evidence{
				{Sentence: 3, Start: 300, End: 420, Line: 4, Text: "Under the draft, Ukraine would cap its armed forces at 600,000 and drop its bid to join NATO, officials said."},
				{Sentence: 9, Start: 900, End: 1010, Line: 12, Text: "Critics in Kyiv called the provision a capitulation that rewards aggression, and European capitals agreed."},
			}
			m.Framing = &report.Framing{
				Stance:      stances[(i+k+seed*(i%5))%3],
				Cues:        []report.Cue{{Text: "capitulation", Polarity: report.Critical, Weight: 1, Sentence: 9}},
				Attribution: []string{"critics in Kyiv"},
			}
			ms = append(ms, m)
		}
		arts[i] = report.Article{
			Path:        fmt.Sprintf("corpus/%03d/article-%05d.md", i/100, i),
			PlanContext: true,
			Context:     &report.ContextInfo{Score: 1.5, Reasons: []string{`"28-point plan" near "Ukraine"`}},
			Language:    "en",
			Coverage:    float64(len(ms)) / 28,
			Themes:      map[string]float64{"theme": 0.2},
			Mentions:    ms,
			Sentences:   40,
			Bytes:       6000,
		}
	}
	// A few articles only on one side.
	if seed > 0 {
		arts = append(arts[:n/2], arts[n/2+10:]...)
		arts = append(arts, report.Article{Path: "corpus/zz/new.md", Mentions: []report.Mention{}})
	}
	return testReport(fmt.Sprint(seed), arts...)
}

func encode(b *testing.B, r *report.Report) []byte {
	var buf bytes.Buffer
	p, _ := report.NewPrinter("json", &buf, report.Options{})
	if err := report.Print(p, r); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkDiff10k is `plancheck diff base.json head.json` for two reports
// of 10,000 articles: both read and decoded, compared, and printed as
// Markdown.
func BenchmarkDiff10k(b *testing.B) {
	base, head := encode(b, synthetic(10000, 0)), encode(b, synthetic(10000, 1))
	b.SetBytes(int64(len(base) + len(head)))
	b.ResetTimer()
	for b.Loop() {
		br, err := report.ParseJSON(base)
		if err != nil {
			b.Fatal(err)
		}
		hr, err := report.ParseJSON(head)
		if err != nil {
			b.Fatal(err)
		}
		c, err := Compare(br, hr)
		if err != nil {
			b.Fatal(err)
		}
		if c.Stats.Articles == 0 {
			b.Fatal("no change found")
		}
		var out bytes.Buffer
		if err := Print("markdown", &out, c, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCompare10k is Compare alone on two decoded 10,000-article
// reports.
func BenchmarkCompare10k(b *testing.B) {
	base, head := synthetic(10000, 0), synthetic(10000, 1)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Compare(base, head); err != nil {
			b.Fatal(err)
		}
	}
}
