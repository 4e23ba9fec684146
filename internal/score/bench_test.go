package score

import (
	"encoding/json"
	"fmt"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	prose "github.com/jdkato/prose/v2"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
	"github.com/plancheck/plancheck/internal/tools/gencorpus/corpus"
)

// Benchmarks of docs/performance.md. Each reports MB/s of article text
// (b.SetBytes) on the same generated corpora, so the figures of one run
// compare directly:
//
//	go test ./internal/score -run XXX -bench . -benchtime 3x
//
// "plan" is 300 articles cut from the seeds (all about the plan); "mixed"
// is 2000 articles of which 5% are about the plan and the rest generic
// news (war, economy, sport, weather, Gaza, tech), as a scraped corpus.

var (
	corporaOnce sync.Once
	corpora     map[string][]string
)

func benchCorpus(b *testing.B, name string) []string {
	b.Helper()
	corporaOnce.Do(func() {
		seeds, err := corpus.ReadSeeds("../../seeds")
		if err != nil {
			b.Fatal(err)
		}
		corpora = map[string][]string{}
		for _, c := range []struct {
			name  string
			n     int
			share float64
		}{{"plan", 300, 1}, {"mixed", 2000, 0.05}} {
			var texts []string
			err := corpus.Generate(corpus.Options{N: c.n, Seed: 1, PlanShare: c.share, Seeds: seeds}, func(a corpus.Article) error {
				texts = append(texts, a.Text)
				return nil
			})
			if err != nil {
				b.Fatal(err)
			}
			corpora[c.name] = texts
		}
	})
	return corpora[name]
}

// runWorkers processes texts with one function per worker (each built once,
// as a batch builds one Worker per goroutine), the workers taking the next
// article as they finish, and reports MB/s.
func runWorkers(b *testing.B, texts []string, workers int, newFn func() func(string)) {
	b.Helper()
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	fns := make([]func(string), workers)
	for i := range fns {
		fns[i] = newFn()
	}
	// Collect garbage as the plancheck binary does (cmd/plancheck).
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	b.SetBytes(int64(total))
	b.ResetTimer()
	cpu0 := cpuTime()
	for b.Loop() {
		var next atomic.Int64
		var wg sync.WaitGroup
		for _, fn := range fns {
			wg.Go(func() {
				for {
					i := int(next.Add(1)) - 1
					if i >= len(texts) {
						return
					}
					fn(texts[i])
				}
			})
		}
		wg.Wait()
	}
	// On a shared machine wall time varies with the other load; CPU time
	// much less. cpu-MB/s is MB per CPU-second of the whole process (for
	// 2 workers, half of MB/s when both run flat out).
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(total)*float64(b.N)/1e6/cpu.Seconds(), "cpu-MB/s")
	}
}

// cpuTime is the process's user + system CPU time so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchScorer(b *testing.B, framing bool) *Scorer {
	b.Helper()
	cat, err := catalog.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	var fr Framer
	if framing {
		fr = testFramer(b)
	}
	s, err := New(cat, fr)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkBaseline is the sentence tokenizer built once (Punkt, as prose
// uses it) plus prose's tokenizer run per sentence: prose.NewDocument with
// segmentation, tagging and extraction off. Full scoring must not be
// slower than this on the plan corpus.
func BenchmarkBaseline(b *testing.B) {
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("plan/workers=%d", workers), func(b *testing.B) {
			texts := benchCorpus(b, "plan")
			runWorkers(b, texts, workers, func() func(string) {
				p := document.NewPunkt()
				return func(text string) {
					for _, sp := range p.Segment(text) {
						d, err := prose.NewDocument(text[sp.Start:sp.End],
							prose.WithSegmentation(false), prose.WithTagging(false), prose.WithExtraction(false))
						if err != nil {
							b.Fatal(err)
						}
						_ = d.Tokens()
					}
				}
			})
		})
	}
}

// BenchmarkScore is plancheck's whole scoring of an article: pre-filter,
// segmentation, tokenization, rules, framing (when on) and the article's
// JSON, at 1 and 2 workers.
func BenchmarkScore(b *testing.B) {
	for _, name := range []string{"plan", "mixed"} {
		for _, framing := range []bool{false, true} {
			for _, workers := range []int{1, 2} {
				b.Run(fmt.Sprintf("%s/framing=%v/workers=%d", name, framing, workers), func(b *testing.B) {
					texts := benchCorpus(b, name)
					s := benchScorer(b, framing)
					runWorkers(b, texts, workers, func() func(string) {
						w := s.NewWorker()
						return func(text string) {
							a := w.Score("a.txt", text)
							if _, err := json.Marshal(&a); err != nil {
								b.Fatal(err)
							}
						}
					})
				})
			}
		}
	}
}

// BenchmarkStages measures the parts of scoring alone, one worker.
func BenchmarkStages(b *testing.B) {
	b.Run("segment/plan", func(b *testing.B) {
		runWorkers(b, benchCorpus(b, "plan"), 1, func() func(string) {
			p := document.NewPunkt()
			return func(text string) { p.Segment(text) }
		})
	})
	// The trap of issue 5: prose.NewDocument with segmentation on builds
	// its Punkt model again on every call. 20 articles: it is slow.
	b.Run("prose-segmentation-per-call/plan20", func(b *testing.B) {
		runWorkers(b, benchCorpus(b, "plan")[:20], 1, func() func(string) {
			return func(text string) {
				if _, err := prose.NewDocument(text, prose.WithTagging(false), prose.WithExtraction(false)); err != nil {
					b.Fatal(err)
				}
			}
		})
	})
	b.Run("segment/plan20", func(b *testing.B) {
		runWorkers(b, benchCorpus(b, "plan")[:20], 1, func() func(string) {
			p := document.NewPunkt()
			return func(text string) { p.Segment(text) }
		})
	})
	b.Run("analyze/plan", func(b *testing.B) {
		runWorkers(b, benchCorpus(b, "plan"), 1, func() func(string) {
			a := document.NewAnalyzer()
			return func(text string) { a.Analyze("a.txt", text) }
		})
	})
	b.Run("prefilter/mixed", func(b *testing.B) {
		s := benchScorer(b, false)
		runWorkers(b, benchCorpus(b, "mixed"), 1, func() func(string) {
			a := document.NewAnalyzer()
			return func(text string) { s.Matcher.MayBeInContext(a, text) }
		})
	})
	// The floor: a case-insensitive scan of the raw bytes for the context
	// rules' key phrases, what grep -i -F -f keywords would do.
	b.Run("keyword-scan/mixed", func(b *testing.B) {
		keys := []string{"peace plan", "peace deal", "28-point", "28 point", "witkoff", "peace proposal", "peace framework"}
		runWorkers(b, benchCorpus(b, "mixed"), 1, func() func(string) {
			var buf []byte
			return func(text string) {
				buf = append(buf[:0], text...)
				for i, c := range buf {
					if c >= 'A' && c <= 'Z' {
						buf[i] = c + 'a' - 'A'
					}
				}
				low := string(buf)
				for _, k := range keys {
					if strings.Contains(low, k) {
						return
					}
				}
			}
		})
	})
}
