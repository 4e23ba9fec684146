package diff

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Limits that keep the Markdown comment readable and under GitHub's
// 65,536 characters for a comment: evidence quotes are cut to
// markdownEvidenceWidth runes, the change table to markdownMaxRows rows
// and the evidence list to markdownMaxEvidence items; the rest is counted.
const (
	markdownEvidenceWidth = 200
	markdownMaxRows       = 100
	markdownMaxEvidence   = 30
)

// writeMarkdown writes a concise pull-request comment: a title, the
// headline, a table with one row per change, the evidence for new
// mentions, and the points whose article counts moved.
func writeMarkdown(w io.Writer, c *Changes, _ Options) error {
	b := bufio.NewWriter(w)
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }

	p("### plancheck: plan coverage\n\n")
	p("**%s**\n", mdText(Headline(c)))
	if s := otherChanges(c); s != "" {
		p("\n%s\n", mdText(s))
	}

	if len(c.Articles) > 0 {
		// The stance column only when some change has a stance (reports
		// scored without framing have none).
		stances := c.Stats.Stances > 0
		for i := range c.Articles {
			for _, list := range [][]PointRef{c.Articles[i].New, c.Articles[i].Lost} {
				for j := range list {
					stances = stances || list[j].Stance != ""
				}
			}
		}
		if stances {
			p("\n| Article | Change | # | Theme | Title | Stance |\n")
			p("|---------|--------|--:|-------|-------|--------|\n")
		} else {
			p("\n| Article | Change | # | Theme | Title |\n")
			p("|---------|--------|--:|-------|-------|\n")
		}
		rows, hidden := 0, 0
		for i := range c.Articles {
			a := &c.Articles[i]
			cell := mdCode(a.Path)
			if a.Status != Changed {
				cell += " (" + string(a.Status) + ")"
			}
			row := func(change string, point string, theme, title, stance string) {
				if rows == markdownMaxRows {
					hidden++
					return
				}
				rows++
				p("| %s | %s | %s | %s | %s |", cell, change, point, mdText(theme), mdText(title))
				if stances {
					p(" %s |", mdText(stance))
				}
				p("\n")
				cell = ""
			}
			for j := range a.New {
				r := &a.New[j]
				row("**+ new**", strconv.Itoa(r.Point), r.Theme, r.title(), r.Stance)
			}
			for j := range a.Lost {
				r := &a.Lost[j]
				row("**− lost**", strconv.Itoa(r.Point), r.Theme, r.title(), r.Stance)
			}
			for j := range a.Stances {
				r := &a.Stances[j]
				row("stance", strconv.Itoa(r.Point), r.Theme, r.title(), r.From+" → "+r.To)
			}
			switch {
			case a.HeadError != "" && a.BaseError == "":
				row("not scored", "", "", "head: "+snippet(a.HeadError, 120), "")
			case a.BaseError != "" && a.HeadError == "":
				row("now scored", "", "", "base: "+snippet(a.BaseError, 120), "")
			case a.HeadError != "":
				row("not scored", "", "", snippet(a.HeadError, 120), "")
			case len(a.New)+len(a.Lost) == 0 && a.Status != Changed:
				row("", "", "", "no plan point", "")
			}
		}
		if hidden > 0 {
			p("\n… and %s (`plancheck diff --format table` lists them all).\n", plural(hidden, "more change"))
		}
	}

	if c.Stats.New > 0 {
		p("\n<details><summary>Evidence for %s</summary>\n\n", plural(c.Stats.New, "new mention"))
		shown := 0
		for i := range c.Articles {
			a := &c.Articles[i]
			for j := range a.New {
				if shown == markdownMaxEvidence {
					break
				}
				shown++
				r := &a.New[j]
				text, line := r.firstEvidence()
				where := mdCode(a.Path)
				if line > 0 {
					where = mdCode(a.Path + ":" + strconv.Itoa(line))
				}
				p("- %s point %d (%s): ", where, r.Point, mdText(r.Theme))
				if text == "" {
					p("no evidence sentence\n")
				} else {
					p("“%s”\n", mdText(snippet(text, markdownEvidenceWidth)))
				}
			}
		}
		if shown < c.Stats.New {
			p("- … and %d more\n", c.Stats.New-shown)
		}
		p("\n</details>\n")
	}

	if pts := changedPoints(c); len(pts) > 0 {
		p("\nArticles mentioning each point, where the count moved:\n\n")
		p("| # | Theme | Title | Before | After |\n")
		p("|--:|-------|-------|-------:|------:|\n")
		for _, pt := range pts {
			p("| %d | %s | %s | %d | %d (%s) |\n", pt.Point, mdText(pt.Theme), mdText(pt.title()), pt.Before, pt.After, delta(pt.Before, pt.After))
		}
	}

	var foot []string
	foot = append(foot, "Corpus coverage: "+coverageLine(c))
	foot = append(foot, fmt.Sprintf("%s → %s", plural(c.Base.Articles, "article"), plural(c.Head.Articles, "article")))
	if c.Catalog.ID != "" {
		foot = append(foot, "catalog "+mdCode(c.Catalog.ID))
	}
	p("\n<sub>%s.</sub>\n", strings.Join(foot, " · "))
	return b.Flush()
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
	`~`, `\~`,
)

// mdText makes s safe as inline Markdown on one line, in a table cell too.
func mdText(s string) string { return mdReplacer.Replace(oneLine(s)) }

// mdCode returns s as an inline code span on one line; a span holding
// backticks is delimited by a longer run of them. A "|" is escaped even
// there, since GitHub splits table cells before it reads code spans.
func mdCode(s string) string {
	s = strings.ReplaceAll(oneLine(s), "|", `\|`)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") || len(fence) > 1 {
		return fence + " " + s + " " + fence
	}
	return fence + s + fence
}
