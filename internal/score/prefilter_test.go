package score

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/tools/gencorpus/corpus"
)

// TestPrefilterNeverSkipsPlanArticles checks the pre-filter on every
// article at hand: the seeds, testdata/articles and a generated corpus. An
// article that the full pipeline puts in plan context must pass it, and
// Score must report what Analyze reports for every article that passes.
func TestPrefilterNeverSkipsPlanArticles(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(cat, testFramer(t))
	if err != nil {
		t.Fatal(err)
	}
	w := s.NewWorker()
	type article struct{ name, text string }
	var arts []article
	for _, pat := range []string{"../../seeds/*.txt", "../../testdata/articles/*"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			arts = append(arts, article{f, string(data)})
		}
	}
	seeds, err := corpus.ReadSeeds("../../seeds")
	if err != nil {
		t.Fatal(err)
	}
	n := 3000
	if testing.Short() {
		n = 300
	}
	err = corpus.Generate(corpus.Options{N: n, Seed: 7, PlanShare: 0.2, Seeds: seeds}, func(a corpus.Article) error {
		arts = append(arts, article{a.Name, a.Text})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var inContext, skipped, outside int
	for _, a := range arts {
		full := w.Analyze(a.name, a.text).Article
		may := s.Matcher.MayBeInContext(w.an, a.text)
		if full.PlanContext {
			inContext++
			if !may {
				t.Errorf("%s: in plan context (score %.2f) but the pre-filter skips it", a.name, full.Context.Score)
			}
		} else {
			outside++
			if !may {
				skipped++
			}
		}
	}
	t.Logf("%d articles: %d in plan context, all kept; %d of the %d others skipped by the pre-filter", len(arts), inContext, skipped, outside)
	if inContext == 0 || skipped == 0 {
		t.Errorf("the test corpus should have articles of both kinds")
	}
}
