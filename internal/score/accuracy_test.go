package score

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/eval"
	"github.com/plancheck/plancheck/internal/report"
)

// evalSet scores every file a gold file labels (files under dir) with the
// embedded catalog and compares.
func evalSet(t *testing.T, goldPath, dir string) *eval.Result {
	t.Helper()
	g, err := eval.LoadGold(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(cat, testFramer(t))
	if err != nil {
		t.Fatal(err)
	}
	w := s.NewWorker()
	var arts []report.Article
	for _, l := range g.Labels {
		data, err := os.ReadFile(filepath.Join(dir, l.File))
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, w.Score(l.File, string(data)))
	}
	return eval.Compare(g, arts)
}

func describe(r *eval.Result) string {
	var b strings.Builder
	fmt.Fprintf(&b, "articles %d, plan context %d/%d; points P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d); stance acc %.3f macro-F1 %.3f over %d\n",
		r.Articles, r.ContextCorrect, r.Articles, r.Points.Precision, r.Points.Recall, r.Points.F1,
		r.Points.TP, r.Points.FP, r.Points.FN, r.StanceAccuracy, r.StanceMacroF1, r.StanceTotal)
	for _, d := range r.Diffs {
		if d.ContextGold == d.ContextTool && len(d.Missed)+len(d.Extra)+len(d.StanceMismatch) == 0 {
			continue
		}
		fmt.Fprintf(&b, "  %s:", d.File)
		if d.ContextGold != d.ContextTool {
			fmt.Fprintf(&b, " context gold=%v tool=%v;", d.ContextGold, d.ContextTool)
		}
		if len(d.Missed) > 0 {
			fmt.Fprintf(&b, " missed %v;", d.Missed)
		}
		if len(d.Extra) > 0 {
			fmt.Fprintf(&b, " extra %v;", d.Extra)
		}
		var ps []int
		for p := range d.StanceMismatch {
			ps = append(ps, p)
		}
		sort.Ints(ps)
		for _, p := range ps {
			fmt.Fprintf(&b, " %d gold %s tool %s;", p, d.StanceMismatch[p][0], d.StanceMismatch[p][1])
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestAccuracySeeds is the development-set accuracy test of issue 2: the
// embedded catalog on seeds/ against the hand labels.
func TestAccuracySeeds(t *testing.T) {
	r := evalSet(t, "../../testdata/seeds.gold.yaml", "../../seeds")
	t.Log("seeds: " + describe(r))
	fmt.Printf("accuracy on seeds: point F1 %.3f (P %.3f R %.3f), plan context %d/%d, stance macro-F1 %.3f\n",
		r.Points.F1, r.Points.Precision, r.Points.Recall, r.ContextCorrect, r.Articles, r.StanceMacroF1)
	if r.ContextCorrect != r.Articles {
		t.Errorf("plan context wrong on %d of %d seeds", r.Articles-r.ContextCorrect, r.Articles)
	}
	if r.Points.F1 < 0.90 {
		t.Errorf("point F1 %.3f on seeds, want at least 0.90\n%s", r.Points.F1, describe(r))
	}
}
