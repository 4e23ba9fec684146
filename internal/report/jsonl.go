package report

import (
	"bytes"
	"fmt"
	"io"
)

func init() { printers["jsonl"] = newJSONLPrinter }

// jsonlPrinter writes one compact JSON object per article per line, the
// same object the json format puts in its "articles" list, and nothing
// else: no header, no summary. Every line has the same shape, so outputs
// of several runs concatenate, and `wc -l` counts articles. Tool, catalog
// and summary are in the json format (see docs/report.md).
type jsonlPrinter struct {
	w   io.Writer
	buf bytes.Buffer
	err error
}

func newJSONLPrinter(w io.Writer, _ Options) Printer { return &jsonlPrinter{w: w} }

func (p *jsonlPrinter) Begin(Tool, Catalog) error { return p.err }

func (p *jsonlPrinter) Article(a *Article) error {
	if p.err != nil {
		return p.err
	}
	p.buf.Reset()
	if err := marshalTo(&p.buf, normalizeArticle(a), "", ""); err != nil {
		// Left out (a NaN score); the lines around it stay valid.
		return fmt.Errorf("%s: %w", a.Path, err)
	}
	p.buf.WriteByte('\n')
	_, p.err = p.w.Write(p.buf.Bytes())
	return p.err
}

func (p *jsonlPrinter) End(*Summary) error { return p.err }
