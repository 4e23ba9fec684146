package diff

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// defaultWidth is the table's width when Options.Width is 0.
const defaultWidth = 100

// ANSI styles for Options.Color.
const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiGreen  = "\x1b[32m"
	ansiYellow = "\x1b[33m"
)

// titleMax is the widest a title column gets.
const titleMax = 48

// tableRow is one change under an article: a sign (+ new, − lost,
// ~ stance), the point, and what to show.
type tableRow struct {
	sign, point, theme, title, stance, evidence string
	style                                       string
}

// writeTable writes the human format: the headline, each changed article
// with one line per change, then the points whose article counts moved.
func writeTable(w io.Writer, c *Changes, opts Options) error {
	width := opts.Width
	if width <= 0 {
		width = defaultWidth
	}
	b := bufio.NewWriter(w)
	st := func(code, s string) string {
		if !opts.Color || s == "" {
			return s
		}
		return code + s + ansiReset
	}

	if c.Base.Name != "" || c.Head.Name != "" {
		fmt.Fprintf(b, "%s\n", st(ansiDim, oneLine(c.Base.Name)+" → "+oneLine(c.Head.Name)))
	}
	fmt.Fprintf(b, "%s\n", st(ansiBold, Headline(c)))
	if s := otherChanges(c); s != "" {
		fmt.Fprintf(b, "%s\n", s)
	}

	// Rows per article, and the column widths over all of them.
	rows := make([][]tableRow, len(c.Articles))
	pointW, themeW, titleW, stanceW := 1, 0, 0, 0
	for i := range c.Articles {
		a := &c.Articles[i]
		add := func(r tableRow) {
			rows[i] = append(rows[i], r)
			pointW = max(pointW, len(r.point))
			themeW = max(themeW, utf8.RuneCountInString(r.theme))
			titleW = max(titleW, min(utf8.RuneCountInString(r.title), titleMax))
			stanceW = max(stanceW, utf8.RuneCountInString(r.stance))
		}
		for j := range a.New {
			r := &a.New[j]
			text, _ := r.firstEvidence()
			add(tableRow{"+", strconv.Itoa(r.Point), r.Theme, r.title(), r.Stance, text, ansiGreen})
		}
		for j := range a.Lost {
			r := &a.Lost[j]
			add(tableRow{"−", strconv.Itoa(r.Point), r.Theme, r.title(), r.Stance, "", ansiRed})
		}
		for j := range a.Stances {
			r := &a.Stances[j]
			text, _ := r.firstEvidence()
			add(tableRow{"~", strconv.Itoa(r.Point), r.Theme, r.title(), r.From + " → " + r.To, text, ansiYellow})
		}
	}
	// "  + 21  theme  title  stance", the title cut to what the width
	// leaves, and under a row its evidence, quoted.
	fixed := 2 + 1 + 1 + pointW + 2 + themeW + 2
	if stanceW > 0 {
		fixed += 2 + stanceW
	}
	titleW = max(min(titleW, width-fixed), 12)
	indent := strings.Repeat(" ", 2+1+1+pointW+2)
	evidenceW := max(width-len(indent)-2, 20)

	for i := range c.Articles {
		a := &c.Articles[i]
		fmt.Fprintf(b, "\n%s", st(ansiBold, oneLine(a.Path)))
		if a.Status != Changed {
			fmt.Fprintf(b, " (%s)", a.Status)
		}
		b.WriteString("\n")
		for _, r := range rows[i] {
			line := "  " + st(r.style, r.sign) + " " + pad(r.point, pointW, true) + "  " + pad(r.theme, themeW, false) +
				"  " + pad(snippet(r.title, titleW), titleW, false)
			if stanceW > 0 {
				line += "  " + r.stance
			}
			b.WriteString(strings.TrimRight(line, " ") + "\n")
			if r.evidence != "" {
				b.WriteString(indent + st(ansiDim, "“"+snippet(r.evidence, evidenceW)+"”") + "\n")
			}
		}
		msgW := max(width-22, 20)
		switch {
		case a.HeadError != "":
			fmt.Fprintf(b, "  %s %s\n", st(ansiRed, "not scored in head:"), snippet(a.HeadError, msgW))
		case a.BaseError != "":
			fmt.Fprintf(b, "  %s %s\n", st(ansiDim, "not scored in base:"), snippet(a.BaseError, msgW))
		case len(rows[i]) == 0:
			fmt.Fprintf(b, "  %s\n", st(ansiDim, "no plan point"))
		}
	}

	if pts := changedPoints(c); len(pts) > 0 {
		fmt.Fprintf(b, "\n%s\n", st(ansiBold, "Articles per point, where the count moved"))
		pw, thw, tiw := len("#"), len("THEME"), len("TITLE")
		for _, p := range pts {
			pw = max(pw, len(strconv.Itoa(p.Point)))
			thw = max(thw, utf8.RuneCountInString(p.Theme))
			tiw = max(tiw, min(utf8.RuneCountInString(p.title()), titleMax))
		}
		// "  #  theme  title  BEFORE  AFTER  +1"
		tiw = max(min(tiw, width-(2+pw+2+thw+2+2+6+2+5+2+3)), 12)
		fmt.Fprintf(b, "  %s  %s  %s  BEFORE  AFTER\n", pad("#", pw, true), pad("THEME", thw, false), pad("TITLE", tiw, false))
		for _, p := range pts {
			d := delta(p.Before, p.After)
			if p.After > p.Before {
				d = st(ansiGreen, d)
			} else {
				d = st(ansiRed, d)
			}
			fmt.Fprintf(b, "  %s  %s  %s  %6d  %5d  %s\n", pad(strconv.Itoa(p.Point), pw, true), pad(p.Theme, thw, false),
				pad(snippet(p.title(), tiw), tiw, false), p.Before, p.After, d)
		}
	}
	fmt.Fprintf(b, "\ncoverage: %s · articles: %d → %d\n", coverageLine(c), c.Base.Articles, c.Head.Articles)
	return b.Flush()
}

// pad pads s with spaces to n runes, on the left when right is true.
func pad(s string, n int, right bool) string {
	k := n - utf8.RuneCountInString(s)
	if k <= 0 {
		return s
	}
	if right {
		return strings.Repeat(" ", k) + s
	}
	return s + strings.Repeat(" ", k)
}
