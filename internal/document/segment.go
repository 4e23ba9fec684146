package document

import (
	"strings"
	"sync"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// Span is a half-open byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Segmenter splits one paragraph (a line of text) into sentences.
type Segmenter interface {
	Segment(para string) []Span
}

// Punkt is the English Punkt sentence model that prose wraps
// (neurosnap/sentences). Building it parses a large JSON model, so it is
// built once per process and shared: Tokenize does not change it.
type Punkt struct {
	tok *sentences.DefaultSentenceTokenizer
}

var (
	punktOnce sync.Once
	punkt     *Punkt
)

// NewPunkt returns the shared Punkt segmenter.
func NewPunkt() *Punkt {
	punktOnce.Do(func() {
		st, err := loadEnglishPunkt()
		if err != nil {
			panic("document: loading the Punkt sentence model: " + err.Error())
		}
		t, err := english.NewSentenceTokenizer(st)
		if err != nil {
			// The model is compiled into the binary: failing to load it is a
			// build defect, not a user error.
			panic("document: loading the Punkt sentence model: " + err.Error())
		}
		punkt = &Punkt{tok: t}
	})
	return punkt
}

// Segment returns the sentences of para, trimmed of surrounding space.
func (p *Punkt) Segment(para string) []Span {
	var out []Span
	for _, s := range p.tok.Tokenize(para) {
		start, end := s.Start, s.End
		for start < end && isSpaceByte(para[start]) {
			start++
		}
		for end > start && isSpaceByte(para[end-1]) {
			end--
		}
		if start < end {
			out = append(out, Span{start, end})
		}
	}
	return out
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '\f' || b == '\v'
}

// paragraphs splits text into paragraphs: each non-blank line, trimmed;
// or, for hard-wrapped text (e-mail style, lines broken mid-sentence),
// runs of lines up to a blank line or a list item.
func paragraphs(text string) []Span {
	lines := lineSpans(text)
	if !hardWrapped(text, lines) {
		return lines
	}
	var out []Span
	for i, l := range lines {
		if len(out) > 0 && i > 0 && !blankBetween(text, lines[i-1].End, l.Start) &&
			!isListItem(text[l.Start:l.End]) && !endsSentence(text[lines[i-1].Start:lines[i-1].End]) {
			out[len(out)-1].End = l.End
			continue
		}
		out = append(out, l)
	}
	return out
}

// lineSpans returns the non-blank lines of text, trimmed.
func lineSpans(text string) []Span {
	var out []Span
	start := 0
	for start <= len(text) {
		end := strings.IndexByte(text[start:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += start
		}
		s, e := start, end
		for s < e && (isSpaceByte(text[s]) || strings.HasPrefix(text[s:e], "\u00a0")) {
			if text[s] == 0xc2 {
				s += 2
			} else {
				s++
			}
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if s < e {
			out = append(out, Span{s, e})
		}
		start = end + 1
	}
	return out
}

// hardWrapped reports whether most lines break in mid-sentence: many
// lines of similar, medium length that do not end a sentence.
func hardWrapped(text string, lines []Span) bool {
	if len(lines) < 4 {
		return false
	}
	wrapped := 0
	for _, l := range lines[:len(lines)-1] {
		n := l.End - l.Start
		if n >= 40 && n <= 100 && !endsSentence(text[l.Start:l.End]) {
			wrapped++
		}
	}
	return wrapped*2 >= len(lines)-1
}

// endsSentence reports whether a line ends with sentence-final punctuation.
func endsSentence(line string) bool {
	line = strings.TrimRight(line, "\"'”’)]*_ ")
	if line == "" {
		return true
	}
	switch line[len(line)-1] {
	case '.', '!', '?', ':', ';':
		return true
	}
	return false
}

func blankBetween(text string, a, b int) bool {
	return strings.Count(text[a:b], "\n") > 1
}
