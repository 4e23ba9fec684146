package frame

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/score"
)

// corpus reads the seeds and the held-out articles.
func corpus(tb testing.TB) []string {
	tb.Helper()
	var files []string
	for _, pat := range []string{"../../seeds/*.txt", "../../testdata/articles/*.txt"} {
		m, _ := filepath.Glob(pat)
		files = append(files, m...)
	}
	var texts []string
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, string(data))
	}
	if len(texts) == 0 {
		tb.Fatal("no articles")
	}
	return texts
}

func worker(tb testing.TB, fr score.Framer) *score.Worker {
	tb.Helper()
	cat, err := catalog.Embedded()
	if err != nil {
		tb.Fatal(err)
	}
	s, err := score.New(cat, fr)
	if err != nil {
		tb.Fatal(err)
	}
	return s.NewWorker()
}

func BenchmarkScore(b *testing.B) {
	texts := corpus(b)
	fr, err := Embedded()
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		fr   score.Framer
	}{{"unframed", nil}, {"framed", fr}} {
		w := worker(b, c.fr)
		b.Run(c.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				for j, t := range texts {
					w.Score(string(rune('a'+j)), t)
				}
			}
		})
	}
}

// TestFramingCost checks issue 3's budget: framing adds less than 20% to
// scoring time. The best of several interleaved rounds of each variant is
// compared.
func TestFramingCost(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	texts := corpus(t)
	fr, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	plain, framed := worker(t, nil), worker(t, fr)
	round := func(w *score.Worker) time.Duration {
		start := time.Now()
		for j, text := range texts {
			w.Score(string(rune('a'+j)), text)
		}
		return time.Since(start)
	}
	round(plain)
	round(framed)
	p, f := time.Duration(1<<63-1), time.Duration(1<<63-1)
	for r := 0; r < 15; r++ { // interleaved, so a busy machine slows both alike
		p = min(p, round(plain))
		f = min(f, round(framed))
	}
	extra := float64(f-p) / float64(p)
	t.Logf("scoring %d articles: %v unframed, %v framed (+%.1f%%)", len(texts), p, f, 100*extra)
	if extra > 0.20 {
		t.Errorf("framing adds %.1f%% to scoring time, want under 20%%", 100*extra)
	}
}
