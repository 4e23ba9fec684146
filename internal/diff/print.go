package diff

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Options tune printers.
type Options struct {
	// Color turns on ANSI colour in the table.
	Color bool
	// Width is the table's width; 0 means 100.
	Width int
}

// Formats lists the formats Print knows, in the order --help shows them.
var Formats = []string{"table", "json", "markdown", "github"}

var printers = map[string]func(io.Writer, *Changes, Options) error{
	"table":    writeTable,
	"json":     writeJSON,
	"markdown": writeMarkdown,
	"github":   writeGitHub,
}

// Print writes c to w in format.
func Print(format string, w io.Writer, c *Changes, opts Options) error {
	f, ok := printers[format]
	if !ok {
		return fmt.Errorf("unknown diff format %q (known: %s)", format, strings.Join(Formats, ", "))
	}
	return f(w, c, opts)
}

// Headline is the one-line summary every format starts with: "2 articles
// changed: +3 points, −1 point, 1 stance change", or "No change in plan
// coverage." when no point was gained or lost and no stance moved.
func Headline(c *Changes) string {
	s := &c.Stats
	if !c.CoverageChanged() {
		return "No change in plan coverage."
	}
	head := plural(s.Articles, "article") + " changed"
	var which []string
	if s.Added > 0 {
		which = append(which, strconv.Itoa(s.Added)+" added")
	}
	if s.Removed > 0 {
		which = append(which, strconv.Itoa(s.Removed)+" removed")
	}
	if len(which) > 0 {
		head += " (" + strings.Join(which, ", ") + ")"
	}
	var parts []string
	if s.New > 0 {
		parts = append(parts, "+"+plural(s.New, "point"))
	}
	if s.Lost > 0 {
		parts = append(parts, "−"+plural(s.Lost, "point"))
	}
	if s.Stances > 0 {
		parts = append(parts, plural(s.Stances, "stance change"))
	}
	return head + ": " + strings.Join(parts, ", ")
}

// otherChanges describes the article changes the headline leaves out
// when coverage did not change: articles added or removed without a
// point, articles scored on one side only. "" when there are none.
func otherChanges(c *Changes) string {
	if c.CoverageChanged() || len(c.Articles) == 0 {
		return ""
	}
	var parts []string
	if c.Stats.Added > 0 {
		parts = append(parts, plural(c.Stats.Added, "article")+" added")
	}
	if c.Stats.Removed > 0 {
		parts = append(parts, plural(c.Stats.Removed, "article")+" removed")
	}
	if len(parts) > 0 {
		parts[len(parts)-1] += " without a plan point"
	}
	if c.Stats.Unscored > 0 {
		parts = append(parts, plural(c.Stats.Unscored, "article")+" scored on one side only")
	}
	return capitalize(strings.Join(parts, "; ")) + "."
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// coverageLine says how many points the corpus mentions before and after:
// "14 → 15 of 28 points".
func coverageLine(c *Changes) string {
	s := strconv.Itoa(c.Base.Mentioned)
	if c.Head.Mentioned != c.Base.Mentioned {
		s += " → " + strconv.Itoa(c.Head.Mentioned)
	}
	if c.Catalog.Points > 0 {
		s += " of " + strconv.Itoa(c.Catalog.Points)
	}
	return s + " points"
}

// changedPoints returns the points whose article counts moved.
func changedPoints(c *Changes) []*PointChange {
	var out []*PointChange
	for i := range c.Points {
		if c.Points[i].Changed() {
			out = append(out, &c.Points[i])
		}
	}
	return out
}

// delta formats after-before with its sign: "+1", "−2".
func delta(before, after int) string {
	switch d := after - before; {
	case d > 0:
		return "+" + strconv.Itoa(d)
	case d < 0:
		return "−" + strconv.Itoa(-d)
	}
	return "0"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}

// title is what a printer names a point by: its title, or its clause id.
func (p *PointRef) title() string {
	if p.Title != "" {
		return p.Title
	}
	return p.Clause
}

func (p *PointChange) title() string {
	if p.Title != "" {
		return p.Title
	}
	return p.Clause
}

// firstEvidence returns p's first evidence sentence and its line (0 when
// unknown), or "".
func (p *PointRef) firstEvidence() (text string, line int) {
	if len(p.Evidence) == 0 {
		return "", 0
	}
	return p.Evidence[0].Text, p.Evidence[0].Line
}

// oneLine collapses white space, newlines included, to single spaces and
// drops control characters.
func oneLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// snippet is s on one line cut to at most max runes, on a word boundary
// when there is one in the second half, ending with "…" when it cut.
func snippet(s string, max int) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	runes := []rune(s)
	end := max - 1
	for i := end; i > max/2; i-- {
		if unicode.IsSpace(runes[i]) {
			end = i
			break
		}
	}
	out := strings.TrimRightFunc(string(runes[:end]), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '"' && r != '”' && r != '’'
	})
	return out + "…"
}
