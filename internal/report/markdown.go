package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

func init() { printers["markdown"] = newMarkdownPrinter }

// markdownPrinter writes GitHub-flavoured Markdown for a PR comment or a
// wiki page: a title with the catalog, a section per article with a table
// of its mentions, then a summary section with a per-point table.
type markdownPrinter struct {
	w     *bufio.Writer
	cat   Catalog
	begun bool
	err   error
}

func newMarkdownPrinter(w io.Writer, _ Options) Printer {
	return &markdownPrinter{w: bufio.NewWriter(w)}
}

func (p *markdownPrinter) Begin(tool Tool, cat Catalog) error {
	if p.begun {
		return p.err
	}
	p.begun = true
	p.cat = cat
	p.printf("# plancheck report\n\n")
	var about []string
	if cat.ID != "" {
		s := "Catalog " + mdCode(cat.ID)
		if cat.Title != "" {
			s += " — " + mdText(cat.Title)
		}
		about = append(about, s)
	}
	if cat.Points > 0 {
		about = append(about, fmt.Sprintf("%d points", cat.Points))
	}
	if cat.Hash != "" {
		about = append(about, "hash "+mdCode(cat.Hash))
	}
	if tool.Name != "" {
		about = append(about, strings.TrimSpace(mdText(tool.Name)+" "+mdText(tool.Version)))
	}
	if len(about) > 0 {
		p.printf("%s.\n", strings.Join(about, " · "))
	}
	return p.flush()
}

func (p *markdownPrinter) Article(a *Article) error {
	p.Begin(Tool{}, Catalog{})
	p.printf("\n## %s\n\n", mdCode(a.Path))
	if a.Error != "" {
		p.printf("**Error:** %s\n", mdText(a.Error))
		return p.flush()
	}
	p.printf("Plan context: %s\n\n", contextLine(a, p.cat, mdText))
	if len(a.Mentions) == 0 {
		p.printf("No mentions.\n")
		return p.flush()
	}
	p.printf("| # | Theme | Title | Stance | Evidence |\n")
	p.printf("|--:|-------|-------|--------|----------|\n")
	for i := range a.Mentions {
		m := &a.Mentions[i]
		st := stanceOf(m)
		if st == "" {
			st = "–"
		}
		p.printf("| %d | %s | %s | %s | %s |\n", m.Point, mdText(m.Theme), mdText(mentionTitle(m)),
			mdText(st), mdText(snippet(firstEvidence(m), snippetWidth)))
	}
	return p.flush()
}

func (p *markdownPrinter) End(s *Summary) error {
	p.Begin(Tool{}, Catalog{})
	if s == nil {
		s = &Summary{}
	}
	p.printf("\n## Summary\n\n")
	p.printf("%s, %d in plan context.", articleCounts(s), s.PlanContext)
	if p.cat.Points > 0 {
		p.printf(" Coverage: %d of %d points mentioned (%s);", mentionedPoints(s, p.cat.Points), p.cat.Points, pct(s.Coverage))
	} else {
		p.printf(" Coverage: %s;", pct(s.Coverage))
	}
	p.printf(" mean coverage of plan-context articles: %s.\n", pct(s.MeanCoverage))
	if len(s.Points) > 0 {
		p.printf("\n| # | Theme | Title | Articles | Critical | Supportive | Neutral |\n")
		p.printf("|--:|-------|-------|---------:|---------:|-----------:|--------:|\n")
		for i := range s.Points {
			ps := &s.Points[i]
			c, su, n := stanceCounts(ps)
			p.printf("| %d | %s | %s | %d | %d | %d | %d |\n", ps.Point, mdText(ps.Theme), mdText(summaryTitle(ps)),
				ps.Articles, c, su, n)
		}
	}
	return p.flush()
}

func (p *markdownPrinter) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *markdownPrinter) flush() error {
	if p.err == nil {
		p.err = p.w.Flush()
	}
	return p.err
}

// mdReplacer escapes the characters that would end a table cell, start
// markup, or be taken for HTML.
var mdReplacer = strings.NewReplacer(
	`\`, `\\`,
	`|`, `\|`,
	"`", "\\`",
	`*`, `\*`,
	`_`, `\_`,
	`[`, `\[`,
	`]`, `\]`,
	`<`, `&lt;`,
	`>`, `&gt;`,
)

// mdText makes s safe as inline Markdown text on one line, inside a table
// cell too: white space (newlines included) is collapsed and markup
// characters are escaped.
func mdText(s string) string {
	return mdReplacer.Replace(oneLine(s))
}

// mdCode returns s as an inline code span, on one line; a span holding
// backticks is delimited by a longer run of them.
func mdCode(s string) string {
	s = oneLine(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || len(fence) > 1 {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
