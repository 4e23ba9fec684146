package frame

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
	"github.com/plancheck/plancheck/internal/eval"
	"github.com/plancheck/plancheck/internal/match"
	"github.com/plancheck/plancheck/internal/report"
	"github.com/plancheck/plancheck/internal/score"
)

// TestSeedStancesDevCatalog frames the seeds' gold points with a small
// test catalog (testdata/seed-points.yaml) that finds them, so framing can
// be judged apart from the real catalog's recall. It compares the stances
// with the gold labels and, with -v, shows the cues behind each mismatch.
func TestSeedStancesDevCatalog(t *testing.T) {
	data, err := os.ReadFile("testdata/seed-points.yaml")
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Parse("testdata/seed-points.yaml", data)
	if err != nil {
		t.Fatal(err)
	}
	fr, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	r := seedStances(t, cat, fr)
	fmt.Printf("framing on seeds (dev catalog): stance accuracy %.3f macro-F1 %.3f over %d found points (missed %d)\n",
		r.StanceAccuracy, r.StanceMacroF1, r.StanceTotal, r.Points.FN)
	b := seedStances(t, cat, NewBaseline(document.NewAnalyzer()))
	fmt.Printf("baseline on seeds (dev catalog): stance accuracy %.3f macro-F1 %.3f over %d found points\n",
		b.StanceAccuracy, b.StanceMacroF1, b.StanceTotal)
	if r.StanceMacroF1 < 0.75 {
		t.Errorf("stance macro-F1 %.3f with the dev catalog, want at least 0.75", r.StanceMacroF1)
	}
}

func seedStances(t *testing.T, cat *catalog.Catalog, fr score.Framer) *eval.Result {
	t.Helper()
	g, err := eval.LoadGold("../../testdata/seeds.gold.yaml")
	if err != nil {
		t.Fatal(err)
	}
	s, err := score.New(cat, fr)
	if err != nil {
		t.Fatal(err)
	}
	w := s.NewWorker()
	var arts []report.Article
	for _, l := range g.Labels {
		data, err := os.ReadFile(filepath.Join("../../seeds", l.File))
		if err != nil {
			t.Fatal(err)
		}
		a := w.Analyze(l.File, string(data))
		// Keep only gold points: this harness judges framing, not recall.
		var keep []report.Mention
		for _, m := range a.Article.Mentions {
			if _, ok := l.Points[m.Point]; ok {
				keep = append(keep, m)
			}
			if gs, ok := l.Points[m.Point]; ok && m.Framing != nil && m.Framing.Stance != gs && testing.Verbose() {
				t.Logf("%s point %d: gold %s tool %s", l.File, m.Point, gs, m.Framing.Stance)
				logFraming(t, a.Doc, a.Result, m, l.Points)
			}
		}
		a.Article.Mentions = keep
		arts = append(arts, a.Article)
	}
	return eval.Compare(g, arts)
}

func logFraming(t *testing.T, doc *document.Document, res *match.Result, m report.Mention, _ map[int]string) {
	t.Helper()
	var ev []string
	for _, cr := range res.Clauses {
		if cr.Clause.Point == m.Point {
			for _, si := range cr.Sentences {
				ev = append(ev, fmt.Sprint(si))
			}
		}
	}
	t.Logf("    evidence sentences %s", strings.Join(ev, ","))
	cues := append([]report.Cue(nil), m.Framing.Cues...)
	sort.SliceStable(cues, func(i, j int) bool { return cues[i].Sentence < cues[j].Sentence })
	for _, c := range cues {
		t.Logf("    s%d %-10s %.2f neg=%v %q", c.Sentence, c.Polarity, c.Weight, c.Negated, c.Text)
	}
	t.Logf("    attribution %v hedges %v", m.Framing.Attribution, m.Framing.Hedges)
}
