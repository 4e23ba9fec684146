package report

import (
	"io"
	"os"
	"testing"
)

// BenchmarkPrinters prints the seeds' report (the cli package's golden
// JSON) in each format, article by article as a batch prints them.
func BenchmarkPrinters(b *testing.B) {
	data, err := os.ReadFile("../cli/testdata/seeds.json.golden")
	if err != nil {
		b.Fatal(err)
	}
	r, err := ParseJSON(data)
	if err != nil {
		b.Fatal(err)
	}
	for _, format := range []string{"table", "jsonl", "json"} {
		b.Run(format, func(b *testing.B) {
			p, err := NewPrinter(format, io.Discard, Options{})
			if err != nil {
				b.Fatal(err)
			}
			if err := p.Begin(r.Tool, r.Catalog); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				for i := range r.Articles {
					if err := p.Article(&r.Articles[i]); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}

// BenchmarkPrintSkipped prints an article the pre-filter skipped, what
// most of a scraped corpus is.
func BenchmarkPrintSkipped(b *testing.B) {
	a := &Article{Path: "corpus/00001-tech.txt", Language: "en", Bytes: 2000, Mentions: []Mention{},
		Context: &ContextInfo{Reasons: []string{"no sentence refers to the plan: the words the plan-context rules need do not occur"}}}
	for _, format := range []string{"table", "jsonl"} {
		b.Run(format, func(b *testing.B) {
			p, err := NewPrinter(format, io.Discard, Options{})
			if err != nil {
				b.Fatal(err)
			}
			if err := p.Begin(Tool{}, Catalog{Points: 28}); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if err := p.Article(a); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
