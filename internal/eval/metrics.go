package eval

import (
	"path/filepath"
	"sort"

	"github.com/plancheck/plancheck/internal/report"
)

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (p *PRF) finish() {
	if p.TP+p.FP > 0 {
		p.Precision = float64(p.TP) / float64(p.TP+p.FP)
	}
	if p.TP+p.FN > 0 {
		p.Recall = float64(p.TP) / float64(p.TP+p.FN)
	}
	if p.Precision+p.Recall > 0 {
		p.F1 = 2 * p.Precision * p.Recall / (p.Precision + p.Recall)
	}
}

// ArticleDiff lists, for one article, where the tool and the labels part.
type ArticleDiff struct {
	File           string            `json:"file"`
	ContextGold    bool              `json:"context_gold"`
	ContextTool    bool              `json:"context_tool"`
	Missed         []int             `json:"missed,omitempty"`
	Extra          []int             `json:"extra,omitempty"`
	StanceMismatch map[int][2]string `json:"stance_mismatch,omitempty"` // point -> [gold, tool]
}

// Result is an evaluation of a report against gold labels.
type Result struct {
	Articles        int             `json:"articles"`
	Unlabelled      []string        `json:"unlabelled,omitempty"`
	Missing         []string        `json:"missing,omitempty"`
	ContextCorrect  int             `json:"context_correct"`
	ContextAccuracy float64         `json:"context_accuracy"`
	Points          PRF             `json:"points"`
	PerPoint        map[int]*PRF    `json:"per_point"`
	StanceTotal     int             `json:"stance_total"`
	StanceCorrect   int             `json:"stance_correct"`
	StanceAccuracy  float64         `json:"stance_accuracy"`
	StanceMacroF1   float64         `json:"stance_macro_f1"`
	StanceF1        map[string]*PRF `json:"stance_f1"`
	// Confusion[gold][tool] counts stances over points both found.
	Confusion map[string]map[string]int `json:"confusion"`
	Diffs     []ArticleDiff             `json:"diffs"`
}

// Compare scores articles against gold. Articles are matched to labels by
// file name relative to the gold's own naming: the label's file is compared
// with the article path's trailing components.
func Compare(g *Gold, articles []report.Article) *Result {
	r := &Result{PerPoint: map[int]*PRF{}, StanceF1: map[string]*PRF{}, Confusion: map[string]map[string]int{}}
	for s := range stances {
		r.StanceF1[s] = &PRF{}
		r.Confusion[s] = map[string]int{}
	}
	found := map[string]bool{}
	for i := range articles {
		a := &articles[i]
		l := g.find(a.Path)
		if l == nil {
			r.Unlabelled = append(r.Unlabelled, a.Path)
			continue
		}
		found[l.File] = true
		r.Articles++
		d := ArticleDiff{File: l.File, ContextGold: l.PlanContext, ContextTool: a.PlanContext}
		if a.PlanContext == l.PlanContext {
			r.ContextCorrect++
		}
		tool := map[int]string{}
		for _, m := range a.Mentions {
			st := report.Neutral
			if m.Framing != nil {
				st = m.Framing.Stance
			}
			tool[m.Point] = st
		}
		points := map[int]bool{}
		for p := range tool {
			points[p] = true
		}
		for p := range l.Points {
			points[p] = true
		}
		for p := range points {
			pp := r.PerPoint[p]
			if pp == nil {
				pp = &PRF{}
				r.PerPoint[p] = pp
			}
			gs, inGold := l.Points[p]
			ts, inTool := tool[p]
			switch {
			case inGold && inTool:
				r.Points.TP++
				pp.TP++
				r.StanceTotal++
				r.Confusion[gs][ts]++
				if gs == ts {
					r.StanceCorrect++
				} else {
					if d.StanceMismatch == nil {
						d.StanceMismatch = map[int][2]string{}
					}
					d.StanceMismatch[p] = [2]string{gs, ts}
				}
			case inGold:
				r.Points.FN++
				pp.FN++
				d.Missed = append(d.Missed, p)
			default:
				r.Points.FP++
				pp.FP++
				d.Extra = append(d.Extra, p)
			}
		}
		sort.Ints(d.Missed)
		sort.Ints(d.Extra)
		r.Diffs = append(r.Diffs, d)
	}
	for _, l := range g.Labels {
		if !found[l.File] {
			r.Missing = append(r.Missing, l.File)
		}
	}
	r.Points.finish()
	for _, p := range r.PerPoint {
		p.finish()
	}
	if r.Articles > 0 {
		r.ContextAccuracy = float64(r.ContextCorrect) / float64(r.Articles)
	}
	if r.StanceTotal > 0 {
		r.StanceAccuracy = float64(r.StanceCorrect) / float64(r.StanceTotal)
	}
	// Macro-F1 over the stances that occur in gold or tool output.
	n := 0
	for s := range stances {
		f := r.StanceF1[s]
		for g2, row := range r.Confusion {
			for t, c := range row {
				switch {
				case g2 == s && t == s:
					f.TP += c
				case t == s:
					f.FP += c
				case g2 == s:
					f.FN += c
				}
			}
		}
		f.finish()
		if f.TP+f.FP+f.FN > 0 {
			r.StanceMacroF1 += f.F1
			n++
		}
	}
	if n > 0 {
		r.StanceMacroF1 /= float64(n)
	}
	return r
}

// find returns the label whose file is the article path or a trailing part
// of it.
func (g *Gold) find(path string) *Label {
	p := filepath.ToSlash(path)
	for i := range g.Labels {
		f := filepath.ToSlash(g.Labels[i].File)
		if p == f || len(p) > len(f) && p[len(p)-len(f)-1] == '/' && p[len(p)-len(f):] == f {
			return &g.Labels[i]
		}
	}
	return nil
}
