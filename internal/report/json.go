package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

func init() { printers["json"] = newJSONPrinter }

// jsonPrinter writes the report as one JSON document, byte for byte what
// json.MarshalIndent(report, "", "  ") would write for the whole Report
// (HTML characters unescaped, nil lists as []), but streamed: each article
// is written when it arrives and then forgotten.
type jsonPrinter struct {
	w       io.Writer
	begun   bool
	ended   bool
	n       int // articles written
	scratch bytes.Buffer
	err     error // writing failed: nothing more is written
	encErr  error // tool, catalog or summary could not be encoded
}

func newJSONPrinter(w io.Writer, _ Options) Printer { return &jsonPrinter{w: w} }

func (p *jsonPrinter) Begin(tool Tool, cat Catalog) error {
	if p.begun {
		return p.err
	}
	p.begun = true
	p.write("{\n  \"tool\": ")
	p.value(tool, "  ")
	p.write(",\n  \"catalog\": ")
	p.value(cat, "  ")
	p.write(",\n  \"articles\": [")
	return p.err
}

func (p *jsonPrinter) Article(a *Article) error {
	if !p.begun {
		p.Begin(Tool{}, Catalog{})
	}
	if p.err != nil {
		return p.err
	}
	// Encode first: an article that cannot be encoded (a NaN score) is
	// reported and left out, and the document stays valid.
	p.scratch.Reset()
	if err := marshalTo(&p.scratch, normalizeArticle(a), "    ", "  "); err != nil {
		return fmt.Errorf("%s: %w", a.Path, err)
	}
	if p.n > 0 {
		p.write(",")
	}
	p.write("\n    ")
	if p.err == nil {
		_, p.err = p.w.Write(p.scratch.Bytes())
	}
	p.n++
	return p.err
}

// End closes the document. It can be called without Begin (a run that
// failed before scoring anything) and still writes a valid document.
func (p *jsonPrinter) End(s *Summary) error {
	if p.ended {
		return p.err
	}
	if !p.begun {
		p.Begin(Tool{}, Catalog{})
	}
	p.ended = true
	if p.n > 0 {
		p.write("\n  ")
	}
	p.write("],\n  \"summary\": ")
	p.value(normalizeSummary(s), "  ")
	p.write("\n}\n")
	if p.err == nil {
		return p.encErr
	}
	return p.err
}

func (p *jsonPrinter) write(s string) {
	if p.err != nil {
		return
	}
	_, p.err = io.WriteString(p.w, s)
}

// value writes v indented as if nested at prefix. v is a Tool, Catalog or
// Summary; if it cannot be encoded (a NaN coverage), null takes its place
// so that the document stays valid, and the encoding error is kept for
// End to return.
func (p *jsonPrinter) value(v any, prefix string) {
	if p.err != nil {
		return
	}
	p.scratch.Reset()
	if err := marshalTo(&p.scratch, v, prefix, "  "); err != nil {
		if p.encErr == nil {
			p.encErr = err
		}
		p.write("null")
		return
	}
	_, p.err = p.w.Write(p.scratch.Bytes())
}

// marshalTo encodes v into buf without HTML escaping and without the
// encoder's trailing newline; indent "" means compact.
func marshalTo(buf *bytes.Buffer, v any, prefix, indent string) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent(prefix, indent)
	}
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1)
	return nil
}

// normalizeArticle returns a with the lists the contract says are always
// present ([] rather than null) filled in. a itself is not changed; the
// copy shares what it does not need to replace.
func normalizeArticle(a *Article) *Article {
	needs := a.Mentions == nil || a.Context != nil && a.Context.Reasons == nil
	for i := range a.Mentions {
		m := &a.Mentions[i]
		if m.Evidence == nil || m.Framing != nil && (m.Framing.Cues == nil || m.Framing.Attribution == nil) {
			needs = true
			break
		}
	}
	if !needs {
		return a
	}
	c := *a
	if c.Context != nil && c.Context.Reasons == nil {
		ctx := *c.Context
		ctx.Reasons = []string{}
		c.Context = &ctx
	}
	c.Mentions = make([]Mention, len(a.Mentions))
	copy(c.Mentions, a.Mentions)
	for i := range c.Mentions {
		m := &c.Mentions[i]
		if m.Evidence == nil {
			m.Evidence = []Evidence{}
		}
		if f := m.Framing; f != nil && (f.Cues == nil || f.Attribution == nil) {
			g := *f
			if g.Cues == nil {
				g.Cues = []Cue{}
			}
			if g.Attribution == nil {
				g.Attribution = []string{}
			}
			m.Framing = &g
		}
	}
	return &c
}

// normalizeSummary returns s (or an empty summary for nil) with Points
// never null.
func normalizeSummary(s *Summary) *Summary {
	if s == nil {
		s = &Summary{}
	}
	if s.Points != nil {
		return s
	}
	c := *s
	c.Points = []PointSummary{}
	return &c
}
