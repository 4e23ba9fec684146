package diff

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// githubEvidenceWidth is the length, in runes, the evidence in an
// annotation is cut to.
const githubEvidenceWidth = 300

// writeGitHub writes GitHub Actions workflow commands, which a workflow
// step's log turns into annotations on the changed files: a notice per
// new mention (on the line of its first evidence sentence) and per stance
// change, a warning per lost point, an error per article that could no
// longer be scored, and a closing notice with the headline.
func writeGitHub(w io.Writer, c *Changes, _ Options) error {
	b := bufio.NewWriter(w)
	for i := range c.Articles {
		a := &c.Articles[i]
		for j := range a.New {
			r := &a.New[j]
			text, line := r.firstEvidence()
			title := fmt.Sprintf("plancheck: point %d (%s) newly mentioned", r.Point, r.Theme)
			msg := r.title()
			if text != "" {
				msg = snippet(text, githubEvidenceWidth)
			}
			command(b, "notice", a.Path, line, title, msg)
		}
		for j := range a.Stances {
			r := &a.Stances[j]
			text, line := r.firstEvidence()
			title := fmt.Sprintf("plancheck: point %d (%s) stance %s → %s", r.Point, r.Theme, r.From, r.To)
			msg := r.title()
			if text != "" {
				msg = snippet(text, githubEvidenceWidth)
			}
			command(b, "notice", a.Path, line, title, msg)
		}
		for j := range a.Lost {
			r := &a.Lost[j]
			// The base's line numbers do not hold in the new file: the
			// annotation is on the file.
			text, _ := r.firstEvidence()
			title := fmt.Sprintf("plancheck: point %d (%s) no longer mentioned", r.Point, r.Theme)
			msg := r.title()
			if a.Status == Removed {
				msg += " (the article was removed)"
			}
			if text != "" {
				msg += "; was: " + snippet(text, githubEvidenceWidth)
			}
			command(b, "warning", a.Path, 0, title, msg)
		}
		if a.HeadError != "" && a.BaseError == "" {
			command(b, "error", a.Path, 0, "plancheck: could not be scored", a.HeadError)
		}
	}
	command(b, "notice", "", 0, "plancheck", Headline(c))
	return b.Flush()
}

// command writes one workflow command: ::kind file=F,line=N,title=T::msg.
func command(b *bufio.Writer, kind, file string, line int, title, msg string) {
	var props []string
	if file != "" {
		props = append(props, "file="+escapeProperty(file))
	}
	if line > 0 {
		props = append(props, "line="+strconv.Itoa(line))
	}
	if title != "" {
		props = append(props, "title="+escapeProperty(title))
	}
	b.WriteString("::" + kind)
	if len(props) > 0 {
		b.WriteString(" " + strings.Join(props, ","))
	}
	b.WriteString("::" + escapeData(msg) + "\n")
}

// GitHub's escaping rules for workflow commands (the runner's
// ActionCommand): in the message %, \r and \n; in property values also :
// and ,.
var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
