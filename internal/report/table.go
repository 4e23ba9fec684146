package report

import (
	"bufio"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twcache"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

func init() { printers["table"] = newTablePrinter }

// defaultWidth is the table width when Options.Width is 0.
const defaultWidth = 100

// ANSI styles for Options.Color.
const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
)

// tablePrinter is the human format: per article a header line and a table
// of its mentions, then, for a batch, a per-point summary. Only the rows of
// the current article are held in memory.
type tablePrinter struct {
	w     *bufio.Writer
	opts  Options
	cat   Catalog
	n     int // articles printed
	err   error
	width int
	// mentions is the mention table, built once and reset per article:
	// a new tablewriter.Table allocates a 10,240-entry cache, which made
	// up a third of the time of printing a 500-article batch.
	mentions *tablewriter.Table
}

func newTablePrinter(w io.Writer, opts Options) Printer {
	width := opts.Width
	if width <= 0 {
		width = defaultWidth
	}
	return &tablePrinter{w: bufio.NewWriter(w), opts: opts, width: width}
}

func (p *tablePrinter) Begin(_ Tool, cat Catalog) error {
	p.cat = cat
	return p.err
}

func (p *tablePrinter) Article(a *Article) error {
	if p.err != nil {
		return p.err
	}
	if p.n > 0 {
		p.printf("\n")
	}
	p.n++
	p.printf("%s\n", p.style(ansiBold, printable(a.Path)))
	if a.Error != "" {
		p.printf("  %s %s\n", p.style(ansiRed, "error:"), oneLine(a.Error))
		return p.flush()
	}
	p.printf("  plan context: %s\n", contextLine(a, p.cat, oneLine))
	if len(a.Mentions) == 0 {
		p.printf("  %s\n", p.style(ansiDim, "no mentions"))
		return p.flush()
	}

	rows := make([][]string, len(a.Mentions))
	themeW, titleW, stanceW, evidenceW := len("THEME"), len("TITLE"), len("STANCE"), len("EVIDENCE")
	for i := range a.Mentions {
		m := &a.Mentions[i]
		st := stanceOf(m)
		if st == "" {
			st = "-"
		}
		rows[i] = []string{
			strconv.Itoa(m.Point),
			m.Theme,
			mentionTitle(m),
			p.stance(st),
			score2(m.Score),
			snippet(firstEvidence(m), snippetWidth),
		}
		themeW = max(themeW, utf8.RuneCountInString(m.Theme))
		titleW = max(titleW, utf8.RuneCountInString(mentionTitle(m)))
		stanceW = max(stanceW, utf8.RuneCountInString(st))
		evidenceW = max(evidenceW, utf8.RuneCountInString(rows[i][5]))
	}
	// Fixed columns take what they need; title and evidence share the
	// rest: the title gets what the evidence leaves, but at least 28
	// columns (or half the rest on a narrow terminal), the evidence the
	// remainder, wrapping.
	const pointW, scoreW = 2, 5
	rest := p.width - tableOverhead(6) - pointW - themeW - stanceW - scoreW
	titleW = min(titleW, max(rest-evidenceW, min(28, rest/2)))
	if rest-titleW < 20 {
		titleW = max(rest-20, 8)
	}
	evidenceW = max(rest-titleW, 20)
	for _, r := range rows {
		r[2] = wrapText(r[2], titleW)
		r[5] = wrapText(r[5], evidenceW)
	}
	t := p.mentionTable(map[int]int{2: titleW, 5: evidenceW})
	t.Header("#", "Theme", "Title", "Stance", "Score", "Evidence")
	for _, r := range rows {
		if err := t.Append(r); err != nil {
			p.err = err
			return err
		}
	}
	if err := t.Render(); err != nil && p.err == nil {
		p.err = err
	}
	return p.flush()
}

// End prints, for a batch of more than one article, the per-point summary
// and the overall coverage.
func (p *tablePrinter) End(s *Summary) error {
	if p.err != nil || s == nil || s.Articles < 2 {
		return p.flush()
	}
	p.printf("\n%s\n", p.style(ansiBold, "Summary"))
	if len(s.Points) > 0 {
		themeW, titleW := len("THEME"), len("TITLE")
		for i := range s.Points {
			themeW = max(themeW, utf8.RuneCountInString(s.Points[i].Theme))
			titleW = max(titleW, utf8.RuneCountInString(summaryTitle(&s.Points[i])))
		}
		rest := p.width - tableOverhead(7) - 2 - themeW - len("ARTICLES") - len("CRIT") - len("SUPP") - len("NEUT")
		titleW = max(min(titleW, rest), 12)
		t := p.newTable(map[int]int{2: titleW},
			[]tw.Align{tw.AlignRight, tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignRight}, false)
		t.Header("#", "Theme", "Title", "Articles", "Crit", "Supp", "Neut")
		for i := range s.Points {
			ps := &s.Points[i]
			c, su, n := stanceCounts(ps)
			row := []string{strconv.Itoa(ps.Point), ps.Theme, summaryTitle(ps),
				count(ps.Articles), p.countStyled(ansiRed, c), p.countStyled(ansiGreen, su), count(n)}
			if err := t.Append(row); err != nil {
				p.err = err
				return err
			}
		}
		if err := t.Render(); err != nil && p.err == nil {
			p.err = err
		}
	}
	p.printf("%s, %d in plan context\n", articleCounts(s), s.PlanContext)
	if p.cat.Points > 0 {
		p.printf("coverage: %d of %d points (%s) · mean coverage of plan-context articles: %s\n",
			mentionedPoints(s, p.cat.Points), p.cat.Points, pct(s.Coverage), pct(s.MeanCoverage))
	} else {
		p.printf("coverage: %s · mean coverage of plan-context articles: %s\n", pct(s.Coverage), pct(s.MeanCoverage))
	}
	return p.flush()
}

// tableOverhead is the width the light style's borders and one-space
// padding add to a table of n columns.
func tableOverhead(n int) int { return n + 1 + 2*n }

// mentionTable returns the mention table, empty, with the given maximum
// content widths per column.
func (p *tablePrinter) mentionTable(maxW map[int]int) *tablewriter.Table {
	if p.mentions == nil {
		p.mentions = p.newTable(maxW,
			[]tw.Align{tw.AlignRight, tw.AlignLeft, tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignLeft}, true)
		return p.mentions
	}
	t := p.mentions
	t.Reset()
	t.Configure(func(cfg *tablewriter.Config) { cfg.Row.ColMaxWidths.PerColumn = columnWidths(maxW) })
	return t
}

func columnWidths(maxW map[int]int) tw.Mapper[int, int] {
	widths := tw.NewMapper[int, int]()
	for col, w := range maxW {
		widths.Set(col, w+2) // + padding
	}
	return widths
}

// newTable returns a table writing to p.w with the given maximum content
// widths per column and alignments.
// Mention tables wrap long cells and draw a line between rows, so that a
// wrapped row reads as one; the summary table, a list of short rows,
// truncates instead and has no lines between rows.
func (p *tablePrinter) newTable(maxW map[int]int, align []tw.Align, wrap bool) *tablewriter.Table {
	widths := columnWidths(maxW)
	autoWrap, betweenRows := tw.WrapTruncate, tw.Off
	if wrap {
		autoWrap, betweenRows = tw.WrapNormal, tw.On
	}
	cfg := tablewriter.Config{
		Header: tw.CellConfig{
			Formatting: tw.CellFormatting{AutoFormat: tw.On, AutoWrap: tw.WrapTruncate},
			Alignment:  tw.CellAlignment{PerColumn: align},
		},
		Row: tw.CellConfig{
			Formatting:   tw.CellFormatting{AutoWrap: autoWrap},
			Alignment:    tw.CellAlignment{PerColumn: align},
			ColMaxWidths: tw.CellWidth{PerColumn: widths},
		},
		Behavior: tw.Behavior{TrimSpace: tw.On},
	}
	return tablewriter.NewTable(p.w,
		tablewriter.WithConfig(cfg),
		// Cells are strings: no stringer, so no need for its cache, which
		// Reset would otherwise rebuild at 10,240 entries.
		tablewriter.WithStringerCacheCustom(twcache.NewLRU[reflect.Type, reflect.Value](1)),
		tablewriter.WithRenderer(renderer.NewBlueprint(tw.Rendition{
			Symbols: tw.NewSymbols(tw.StyleLight),
			Settings: tw.Settings{
				Separators: tw.Separators{BetweenRows: betweenRows},
			},
		})),
	)
}

// stance returns st coloured when colour is on.
func (p *tablePrinter) stance(st string) string {
	switch st {
	case Critical:
		return p.style(ansiRed, st)
	case Supportive:
		return p.style(ansiGreen, st)
	case Neutral, "-":
		return p.style(ansiDim, st)
	}
	return st
}

func (p *tablePrinter) countStyled(style string, n int) string {
	if n == 0 {
		return count(n)
	}
	return p.style(style, count(n))
}

// count shows 0 as "·" so that the non-zero counts stand out.
func count(n int) string {
	if n == 0 {
		return "·"
	}
	return strconv.Itoa(n)
}

func (p *tablePrinter) style(code, s string) string {
	if !p.opts.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (p *tablePrinter) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *tablePrinter) flush() error {
	if p.err == nil {
		p.err = p.w.Flush()
	}
	return p.err
}

// summaryTitle is the title of a summary row, or its clause ID.
func summaryTitle(ps *PointSummary) string {
	if ps.Title != "" {
		return ps.Title
	}
	return ps.Clause
}

// wrapText breaks s into lines of at most width runes, at spaces, and
// within words longer than a line (a URL), so that no cell grows past the
// width it was given.
func wrapText(s string, width int) string {
	if width < 1 || utf8.RuneCountInString(s) <= width {
		return s
	}
	var b strings.Builder
	n := 0 // runes on the current line
	for _, word := range strings.Fields(s) {
		w := []rune(word)
		if n > 0 && n+1+len(w) <= width {
			b.WriteByte(' ')
			n++
		} else if n > 0 {
			b.WriteByte('\n')
			n = 0
		}
		for len(w) > width-n {
			b.WriteString(string(w[:width-n]))
			b.WriteByte('\n')
			w = w[width-n:]
			n = 0
		}
		b.WriteString(string(w))
		n += len(w)
	}
	return b.String()
}
