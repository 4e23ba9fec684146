package frame

import (
	_ "embed"
	"strings"

	"github.com/plancheck/plancheck/internal/document"
	"github.com/plancheck/plancheck/internal/match"
	"github.com/plancheck/plancheck/internal/report"
)

//go:embed generic-sentiment.txt
var genericSentiment string

// Baseline frames mentions with a general-purpose sentiment word list
// (generic-sentiment.txt) summed over the same passages as Framer uses at
// their simplest: the point's sentences (weight 1) and their neighbours in
// the same paragraph (weight 0.5), with no negation, contrast, demand,
// list or ownership handling. It exists to measure Framer against: the
// accuracy tests print both.
type Baseline struct {
	polarity map[string]float64
}

// NewBaseline normalizes the generic word list with an.
func NewBaseline(an *document.Analyzer) *Baseline {
	b := &Baseline{polarity: map[string]float64{}}
	for _, line := range strings.Split(genericSentiment, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		sign := 1.0
		if line[0] == '-' {
			sign = -1
		}
		for _, n := range an.Terms(line[1:]) {
			b.polarity[n] = sign
		}
	}
	return b
}

// Frame implements score.Framer: the sign of the summed word polarities,
// when at least one full word's worth.
func (b *Baseline) Frame(doc *document.Document, res *match.Result, clause int) *report.Framing {
	fr := &report.Framing{Stance: report.Neutral, Cues: []report.Cue{}, Attribution: []string{}}
	weights := map[int]float64{}
	for _, cr := range res.Clauses {
		if cr.Index != clause {
			continue
		}
		for _, si := range cr.Sentences {
			weights[si] = 1
		}
		for _, si := range cr.Sentences {
			for _, ni := range []int{si - 1, si + 1} {
				if ni >= 0 && ni < len(doc.Sentences) && weights[ni] == 0 && doc.Sentences[ni].Para == doc.Sentences[si].Para {
					weights[ni] = 0.5
				}
			}
		}
	}
	sum := 0.0
	for si, w := range weights {
		for _, t := range doc.SentenceTokens(si) {
			if p := b.polarity[t.Norm]; p != 0 {
				sum += p * w
				pol := report.Supportive
				if p < 0 {
					pol = report.Critical
				}
				fr.Cues = append(fr.Cues, report.Cue{Text: doc.Text[t.Start:t.End], Polarity: pol, Weight: w, Sentence: si})
			}
		}
	}
	switch {
	case sum >= 1:
		fr.Stance = report.Supportive
	case sum <= -1:
		fr.Stance = report.Critical
	}
	return fr
}
