// Package document turns text into what rules match on: sentences (Punkt,
// the model prose uses) and normalized tokens that keep their byte offsets,
// so evidence can be quoted exactly.
package document

import "unicode"

// Token is one normalized word or number.
type Token struct {
	// Norm is the normalized form: a stem ("recogn"), a number without
	// separators ("600000"), or a folded word ("not").
	Norm string
	// Start and End are byte offsets of the token's source text.
	Start, End int
	// Sent is the index of the token's sentence.
	Sent int
	// Break is true when punctuation that ends a phrase (, ; : ( ) or a
	// spaced dash) stands between this token and the one before.
	Break bool
	// Num is true for numbers.
	Num bool
}

// Sentence is a sentence of the document.
type Sentence struct {
	Start, End int // byte offsets in Text
	// Tokens is the half-open range of the sentence's tokens.
	TokStart, TokEnd int
	// Para is the index of the paragraph (line) the sentence is in.
	Para int
	// ListItem is true for sentences in a bulleted or numbered line.
	ListItem bool
	// Header is the index of the sentence that introduces the list this
	// item belongs to (the last sentence before the list), or -1.
	Header int
	// Heading is true for a short line that is a sentence of its own and
	// does not end like one: a headline or a section title.
	Heading bool
}

// Document is one article, segmented and tokenized.
type Document struct {
	Path      string
	Text      string
	Sentences []Sentence
	Tokens    []Token
}

// SentenceText returns the text of sentence i.
func (d *Document) SentenceText(i int) string {
	s := d.Sentences[i]
	return d.Text[s.Start:s.End]
}

// SentenceTokens returns the tokens of sentence i.
func (d *Document) SentenceTokens(i int) []Token {
	s := d.Sentences[i]
	return d.Tokens[s.TokStart:s.TokEnd]
}

// Analyzer builds Documents. It holds the segmenter (shared) and a
// normalizer cache (its own): use one Analyzer per goroutine.
type Analyzer struct {
	seg   Segmenter
	norm  *Normalizer
	buf   []Token
	gate  *WordSet // set while Present runs
	found []bool   // Present's per-paragraph marks
	seen  *wordStartSeen
}

// NewAnalyzer returns an Analyzer using the Punkt segmenter. The Punkt
// model is loaded on the first Analyze, not here: compiling rule terms and
// the pre-filter (Present) do not need it, and loading it costs more than
// scoring a short article.
func NewAnalyzer() *Analyzer {
	return &Analyzer{norm: NewNormalizer()}
}

// NewAnalyzerWith returns an Analyzer using seg to split sentences.
func NewAnalyzerWith(seg Segmenter) *Analyzer {
	return &Analyzer{seg: seg, norm: NewNormalizer()}
}

// Analyze segments and tokenizes text. Each line is a paragraph; sentences
// never cross lines (headlines and list items stand alone).
func (a *Analyzer) Analyze(path, text string) *Document {
	d := &Document{Path: path, Text: text}
	d.Tokens = make([]Token, 0, len(text)/6)
	header := -1
	for pi, p := range paragraphs(text) {
		para := text[p.Start:p.End]
		item := isListItem(para)
		if !item {
			header = -1
		} else if header < 0 {
			header = len(d.Sentences) - 1
		}
		if a.seg == nil {
			a.seg = NewPunkt()
		}
		spans := mergeMarkers(para, a.seg.Segment(para))
		for _, s := range spans {
			si := len(d.Sentences)
			start, end := p.Start+s.Start, p.Start+s.End
			tokStart := len(d.Tokens)
			d.Tokens = a.tokenize(d.Tokens, text, start, end, si)
			d.Sentences = append(d.Sentences, Sentence{
				Start: start, End: end,
				TokStart: tokStart, TokEnd: len(d.Tokens),
				Para: pi, ListItem: item, Header: header,
				Heading: len(spans) == 1 && !item && len(d.Tokens)-tokStart <= 10 && !endsSentence(text[start:end]),
			})
		}
	}
	return d
}

// Terms normalizes a rule term ("recognised Crimea") into its token norms.
func (a *Analyzer) Terms(term string) []string {
	toks := a.tokenize(nil, term, 0, len(term), 0)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Norm
		if t.Norm == "us" {
			// In a rule, "us" is the United States: a pronoun is no term.
			out[i] = "usa"
		}
	}
	return out
}

// Tokens tokenizes a standalone string (a rule term, a cue), keeping the
// Break flags.
func (a *Analyzer) Tokens(s string) []Token {
	return a.tokenize(nil, s, 0, len(s), 0)
}

// isListItem reports whether a line is a bullet or numbered list item.
func isListItem(line string) bool {
	if line == "" {
		return false
	}
	switch line[0] {
	case '-', '*', '+':
		return len(line) > 1 && (line[1] == ' ' || line[1] == '\t')
	}
	for _, b := range []string{"•", "–", "—", "▪", "●", "◦", "‣"} {
		if len(line) > len(b) && line[:len(b)] == b {
			return true
		}
	}
	i := 0
	for i < len(line) && i < 3 && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(line) && (line[i] == '.' || line[i] == ')') && line[i+1] == ' '
}

// mergeMarkers joins a "sentence" with no letters (a list marker such as
// "- 9." or "(iv)", which Punkt splits off at its full stop) to the
// sentence after it.
func mergeMarkers(para string, spans []Span) []Span {
	out := spans[:0]
	for i := 0; i < len(spans); i++ {
		s := spans[i]
		if i+1 < len(spans) && !hasLetter(para[s.Start:s.End]) {
			spans[i+1].Start = s.Start
			continue
		}
		out = append(out, s)
	}
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
