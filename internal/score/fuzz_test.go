package score

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/report"
)

// FuzzScore scores arbitrary text with the built-in catalog: no panic;
// evidence offsets inside the text and quoting it; the article marshals to
// valid JSON; and the pre-filter never skips an article that the full
// pipeline puts in plan context. Seed corpus: testdata/fuzz/FuzzScore.
func FuzzScore(f *testing.F) {
	for _, pat := range []string{"../../seeds/*.txt", "../../testdata/articles/*.txt"} {
		files, _ := filepath.Glob(pat)
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(string(data))
			}
		}
	}
	f.Add("")
	f.Add("The 28-point plan. Twenty eight points\n- cap the army at 600 000\n- amnesty")
	cat, err := catalog.Embedded()
	if err != nil {
		f.Fatal(err)
	}
	s, err := New(cat, testFramer(f))
	if err != nil {
		f.Fatal(err)
	}
	w := s.NewWorker()
	f.Fuzz(func(t *testing.T, text string) {
		a := w.Score("fuzz.txt", text)
		checkArticle(t, text, &a)
		full := w.Analyze("fuzz.txt", text)
		checkArticle(t, text, &full.Article)
		if full.Article.PlanContext && !s.Matcher.MayBeInContext(w.an, text) {
			t.Fatalf("the pre-filter skips an article in plan context: %q", text)
		}
		if a.PlanContext != full.Article.PlanContext || len(a.Mentions) != len(full.Article.Mentions) {
			t.Fatalf("Score and Analyze disagree: context %v/%v, mentions %d/%d", a.PlanContext, full.Article.PlanContext, len(a.Mentions), len(full.Article.Mentions))
		}
	})
}

func checkArticle(t *testing.T, text string, a *report.Article) {
	t.Helper()
	for _, m := range a.Mentions {
		for _, ev := range m.Evidence {
			if ev.Start < 0 || ev.Start >= ev.End || ev.End > len(text) {
				t.Fatalf("point %d: evidence [%d,%d) outside the text (%d bytes)", m.Point, ev.Start, ev.End, len(text))
			}
			if ev.Text != strings.TrimSpace(text[ev.Start:ev.End]) {
				t.Fatalf("point %d: evidence %q does not quote the text at [%d,%d)", m.Point, ev.Text, ev.Start, ev.End)
			}
			if ev.Line < 1 || ev.Line > strings.Count(text, "\n")+1 {
				t.Fatalf("point %d: evidence line %d", m.Point, ev.Line)
			}
		}
	}
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatalf("article does not marshal: %v", err)
	}
	if !json.Valid(data) {
		t.Fatalf("article marshals to invalid JSON: %s", data)
	}
}
