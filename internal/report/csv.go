package report

import (
	"encoding/csv"
	"io"
	"strconv"
)

func init() { printers["csv"] = newCSVPrinter }

// csvHeader names the csv columns; new columns are only ever added at the
// end.
var csvHeader = []string{
	"path", "plan_context", "point", "clause", "theme", "stance", "score",
	"sentence", "start", "end", "evidence", "error",
}

// csvPrinter writes one row per mention, with the mention's first
// evidence sentence; an article without mentions gets one row with the
// point columns empty, and an article that could not be scored one row
// with only path and error. The summary is not printed.
type csvPrinter struct {
	w     *csv.Writer
	row   []string
	begun bool
	err   error
}

func newCSVPrinter(w io.Writer, _ Options) Printer {
	return &csvPrinter{w: csv.NewWriter(w), row: make([]string, len(csvHeader))}
}

func (p *csvPrinter) Begin(Tool, Catalog) error {
	if !p.begun {
		p.begun = true
		p.put(csvHeader)
	}
	return p.err
}

func (p *csvPrinter) Article(a *Article) error {
	p.Begin(Tool{}, Catalog{})
	r := p.row
	clear(r)
	r[0] = a.Path
	if a.Error != "" {
		r[11] = a.Error
		p.put(r)
		return p.flush()
	}
	r[1] = strconv.FormatBool(a.PlanContext)
	if len(a.Mentions) == 0 {
		p.put(r)
	}
	for i := range a.Mentions {
		m := &a.Mentions[i]
		r[2] = strconv.Itoa(m.Point)
		r[3] = m.Clause
		r[4] = m.Theme
		r[5] = stanceOf(m)
		r[6] = score(m.Score)
		r[7], r[8], r[9], r[10] = "", "", "", ""
		if len(m.Evidence) > 0 {
			e := &m.Evidence[0]
			r[7] = strconv.Itoa(e.Sentence)
			r[8] = strconv.Itoa(e.Start)
			r[9] = strconv.Itoa(e.End)
			r[10] = e.Text
		}
		p.put(r)
	}
	return p.flush()
}

// End flushes; the header is written even when there were no articles.
func (p *csvPrinter) End(*Summary) error {
	p.Begin(Tool{}, Catalog{})
	return p.flush()
}

func (p *csvPrinter) put(r []string) {
	if p.err == nil {
		p.err = p.w.Write(r)
	}
}

func (p *csvPrinter) flush() error {
	if p.err != nil {
		return p.err
	}
	p.w.Flush()
	p.err = p.w.Error()
	return p.err
}
