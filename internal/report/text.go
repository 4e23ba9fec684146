package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// snippetWidth is the length, in runes, evidence snippets are cut to.
const snippetWidth = 80

// snippet collapses the white space of s (newlines included) and cuts it
// to at most max runes, on a word boundary when there is one in the second
// half, ending with "…" when it cut.
func snippet(s string, max int) string {
	s = oneLine(s)
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	runes := []rune(s)
	cut := runes[:max-1] // leave room for the ellipsis
	end := len(cut)
	for i := len(cut); i > max/2; i-- {
		if unicode.IsSpace(runes[i]) {
			end = i
			break
		}
	}
	out := strings.TrimRightFunc(string(cut[:end]), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '"' && r != '”' && r != '’'
	})
	return out + "…"
}

// firstEvidence returns the first evidence sentence of m, or "".
func firstEvidence(m *Mention) string {
	if len(m.Evidence) == 0 {
		return ""
	}
	return m.Evidence[0].Text
}

// mentionTitle is the title a printer shows for m: its Title, or its
// clause ID when the scorer left the title out.
func mentionTitle(m *Mention) string {
	if m.Title != "" {
		return m.Title
	}
	return m.Clause
}

// stanceOf returns m's stance, or "" without framing.
func stanceOf(m *Mention) string {
	if m.Framing == nil {
		return ""
	}
	return m.Framing.Stance
}

// pct formats a share (0..1) as a whole percentage: "7%".
func pct(f float64) string {
	return strconv.Itoa(int(math.Round(f*100))) + "%"
}

// score formats a score with at most three decimals, without trailing
// zeros: 0.85, 1, 0.333.
func score(f float64) string {
	return strconv.FormatFloat(math.Round(f*1000)/1000, 'f', -1, 64)
}

// score2 formats a score with exactly two decimals, for aligned columns.
func score2(f float64) string {
	return strconv.FormatFloat(f, 'f', 2, 64)
}

// distinctPoints counts the distinct points a's mentions name.
func distinctPoints(a *Article) int {
	n := 0
	for i := range a.Mentions {
		dup := false
		for j := 0; j < i; j++ {
			if a.Mentions[j].Point == a.Mentions[i].Point {
				dup = true
				break
			}
		}
		if !dup {
			n++
		}
	}
	return n
}

// contextReason is the first reason given for a's plan-context decision,
// or "".
// contextLine is what the table and Markdown formats say after "plan
// context:": yes, or no and why (the reason through esc), then the
// coverage, with the points counted when the catalog numbers them.
func contextLine(a *Article, cat Catalog, esc func(string) string) string {
	ctx := "yes"
	if !a.PlanContext {
		ctx = "no"
		if r := contextReason(a); r != "" {
			ctx += " (" + esc(r) + ")"
		}
	}
	line := ctx + " · coverage: " + pct(a.Coverage)
	if cat.Points > 0 {
		line += fmt.Sprintf(" (%d of %d points)", distinctPoints(a), cat.Points)
	}
	return line
}

func contextReason(a *Article) string {
	if a.Context == nil || len(a.Context.Reasons) == 0 {
		return ""
	}
	return a.Context.Reasons[0]
}

// stanceCounts returns the critical, supportive and neutral counts of p.
func stanceCounts(p *PointSummary) (c, s, n int) {
	return p.Stances[Critical], p.Stances[Supportive], p.Stances[Neutral]
}

// oneLine collapses the white space of s, newlines included, to single
// spaces, and makes it printable.
func oneLine(s string) string { return printable(strings.Join(strings.Fields(s), " ")) }

// printable replaces control characters (an article's text or a file name
// could hold terminal escape sequences) with U+FFFD.
func printable(s string) string {
	if strings.IndexFunc(s, unicode.IsControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return utf8.RuneError
		}
		return r
	}, s)
}

// articleCounts says how many articles a summary counts: "3 articles (2
// scored, 1 error)".
func articleCounts(s *Summary) string {
	return fmt.Sprintf("%s (%d scored, %s)", plural(s.Articles, "article"), s.Scored, plural(s.Errors, "error"))
}

// mentionedPoints is the number of points at least one article mentions.
func mentionedPoints(s *Summary, nPoints int) int {
	return int(math.Round(s.Coverage * float64(nPoints)))
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
