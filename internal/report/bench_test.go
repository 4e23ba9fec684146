package report

import (
	"io"
	"testing"
)

// BenchmarkPrinters prints the test report's articles in each format, as
// a batch prints them one by one.
func BenchmarkPrinters(b *testing.B) {
	r := testReport()
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
