package report

import (
	"fmt"
	"io"
	"sort"
)

// Printer writes a report in one format, article by article, so that a
// batch of any size streams with bounded memory. Articles arrive sorted by
// path.
type Printer interface {
	Begin(tool Tool, cat Catalog) error
	Article(a *Article) error
	End(s *Summary) error
}

// Options tune printers.
type Options struct {
	// Color turns on ANSI colour in the table (a terminal, no NO_COLOR).
	Color bool
	// Width is the terminal width for the table; 0 means 100.
	Width int
}

// Formats lists the formats NewPrinter knows, in the order --help shows
// them.
var Formats = []string{"table", "json", "jsonl", "csv", "markdown", "sarif"}

// NewPrinter returns the printer for format writing to w.
func NewPrinter(format string, w io.Writer, opts Options) (Printer, error) {
	if f, ok := printers[format]; ok {
		return f(w, opts), nil
	}
	known := make([]string, 0, len(printers))
	for k := range printers {
		known = append(known, k)
	}
	sort.Strings(known)
	return nil, fmt.Errorf("unknown format %q (known: %v)", format, known)
}

var printers = map[string]func(io.Writer, Options) Printer{}
