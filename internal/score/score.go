// Package score runs plancheck's pipeline on articles: text in, document,
// rule matches, framing, report article out. A Scorer is built once per run
// (catalog compiled, lexicons loaded) and shared read-only; each goroutine
// scores with its own Worker.
package score

import (
	"fmt"
	"sort"
	"strings"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
	"github.com/plancheck/plancheck/internal/lang"
	"github.com/plancheck/plancheck/internal/match"
	"github.com/plancheck/plancheck/internal/report"
)

// MaxEvidence is how many evidence sentences a mention carries at most.
const MaxEvidence = 5

// Framer frames a mention: the stance, cues, actors and hedges of the
// passages that mention it.
type Framer interface {
	Frame(doc *document.Document, res *match.Result, clause int) *report.Framing
}

// Scorer holds what every worker shares.
type Scorer struct {
	Catalog *catalog.Catalog
	Matcher *match.Matcher
	Framer  Framer // nil: no framing
	// themeSize counts the catalog's clauses per theme, for coverage.
	themeSize map[string]int
}

// New compiles cat into a Scorer.
func New(cat *catalog.Catalog, framer Framer) (*Scorer, error) {
	m, err := match.Compile(cat, document.NewAnalyzer())
	if err != nil {
		return nil, err
	}
	size := map[string]int{}
	for _, c := range cat.Clauses {
		size[c.Theme]++
	}
	return &Scorer{Catalog: cat, Matcher: m, Framer: framer, themeSize: size}, nil
}

// CatalogInfo describes the catalog for reports.
func (s *Scorer) CatalogInfo() report.Catalog {
	return report.Catalog{
		ID: s.Catalog.ID, Title: s.Catalog.Title, Hash: s.Catalog.Hash,
		Points: len(s.Catalog.Clauses), Themes: s.Catalog.Themes(), Source: s.Catalog.Source,
	}
}

// PointSummaries lists the catalog's points for a report summary.
func (s *Scorer) PointSummaries() []report.PointSummary {
	out := make([]report.PointSummary, len(s.Catalog.Clauses))
	for i, c := range s.Catalog.Clauses {
		out[i] = report.PointSummary{Point: c.Point, Clause: c.ID, Theme: c.Theme, Title: c.Title}
	}
	return out
}

// Worker scores articles one at a time. It is not safe for concurrent use.
type Worker struct {
	s  *Scorer
	an *document.Analyzer
}

// NewWorker returns a Worker with its own analyzer.
func (s *Scorer) NewWorker() *Worker {
	return &Worker{s: s, an: document.NewAnalyzer()}
}

// Analysis is everything the pipeline learned about one article; explain
// shows it, score keeps only the Article.
type Analysis struct {
	Doc     *document.Document
	Result  *match.Result
	Article report.Article
}

// Analyze runs the whole pipeline on text.
func (w *Worker) Analyze(path, text string) *Analysis {
	doc := w.an.Analyze(path, text)
	res := w.s.Matcher.Match(doc)
	lg := lang.Detect(text)
	var warnings []string
	if lg.IsOther() {
		// The rules match English words: say so rather than report no
		// points as if the article had none.
		res.Context.InContext = false
		reason, warning := otherLanguage(lg)
		res.Context.Reasons = []string{reason}
		warnings = append(warnings, warning)
	}
	a := report.Article{
		Path:        path,
		Language:    lg.Code,
		Warnings:    warnings,
		PlanContext: res.Context.InContext,
		Context:     &report.ContextInfo{Score: res.Context.Score, Reasons: res.Context.Reasons},
		Mentions:    []report.Mention{},
		Sentences:   len(doc.Sentences),
		Bytes:       len(text),
	}
	themeHit := map[string]int{}
	mentions := res.Mentions()
	var lines lineIndex
	if len(mentions) > 0 {
		lines = newLineIndex(text)
	}
	for _, cr := range mentions {
		cl := cr.Clause
		m := report.Mention{Point: cl.Point, Clause: cl.ID, Theme: cl.Theme, Title: cl.Title, Score: cr.Score}
		for _, si := range strongestSentences(cr, MaxEvidence) {
			sent := doc.Sentences[si]
			m.Evidence = append(m.Evidence, report.Evidence{
				Sentence: si, Start: sent.Start, End: sent.End,
				Text: strings.TrimSpace(doc.SentenceText(si)), Line: lines.line(sent.Start),
			})
		}
		if w.s.Framer != nil {
			m.Framing = w.s.Framer.Frame(doc, res, cr.Index)
		}
		themeHit[cl.Theme]++
		a.Mentions = append(a.Mentions, m)
	}
	sort.SliceStable(a.Mentions, func(i, j int) bool { return a.Mentions[i].Point < a.Mentions[j].Point })
	if n := len(w.s.Catalog.Clauses); n > 0 {
		a.Coverage = round3(float64(len(a.Mentions)) / float64(n))
	}
	if len(themeHit) > 0 {
		a.Themes = map[string]float64{}
		for th, k := range themeHit {
			a.Themes[th] = round3(float64(k) / float64(w.s.themeSize[th]))
		}
	}
	return &Analysis{Doc: doc, Result: res, Article: a}
}

// Score runs the pipeline and returns the article's report entry.
//
// An article that the matcher's pre-filter shows cannot be in plan context
// (none of the context rules' words occur, or too few of them) is not
// segmented: its entry says plan_context false with the reason, no
// mentions, and sentences 0. Most articles of a scraped corpus are of this
// kind, and the pre-filter costs a fraction of segmentation.
func (w *Worker) Score(path, text string) report.Article {
	if w.s.Matcher.MayBeInContext(w.an, text) {
		return w.Analyze(path, text).Article
	}
	return w.skipped(path, text)
}

// PrefilterReason is the context reason of an article the pre-filter
// skipped.
const PrefilterReason = "no sentence refers to the plan: the words the plan-context rules need do not occur"

// skipped is the report entry of an article the pre-filter rejected: what
// Analyze would report, without the sentence count.
func (w *Worker) skipped(path, text string) report.Article {
	a := report.Article{
		Path:     path,
		Context:  &report.ContextInfo{Score: 0, Reasons: []string{PrefilterReason}},
		Mentions: []report.Mention{},
		Bytes:    len(text),
	}
	lg := lang.Detect(text)
	a.Language = lg.Code
	if lg.IsOther() {
		reason, warning := otherLanguage(lg)
		a.Context.Reasons = []string{reason}
		a.Warnings = append(a.Warnings, warning)
	}
	return a
}

// otherLanguage is the context reason and the warning for a text that is
// not in English.
func otherLanguage(lg lang.Language) (reason, warning string) {
	return fmt.Sprintf("the text looks like %s (%s), not English; the catalog's rules match English text", lg.Name, lg.Code),
		fmt.Sprintf("text looks like %s (%s), not English; no points scored", lg.Name, lg.Code)
}

func round3(f float64) float64 {
	return float64(int64(f*1000+0.5)) / 1000
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex struct{ starts []int }

func newLineIndex(text string) lineIndex {
	li := lineIndex{starts: []int{0}}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

func (li lineIndex) line(off int) int {
	return sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > off })
}

// strongestSentences returns up to n of a clause's evidence sentences, the
// strongest first (summed weight of the rules firing there), then in
// document order: the first is the one to quote.
func strongestSentences(cr match.ClauseResult, n int) []int {
	weight := map[int]float64{}
	for _, f := range cr.Firings {
		weight[f.Sentence] += f.Weight
	}
	out := append([]int(nil), cr.Sentences...)
	sort.SliceStable(out, func(i, j int) bool { return weight[out[i]] > weight[out[j]]+1e-9 })
	if len(out) > n {
		out = out[:n]
	}
	return out
}
