package document

import (
	"os"
	"path/filepath"
	"testing"
)

// checkDocument verifies the invariants every consumer of a Document relies
// on: sentences in order, inside the text and not overlapping; each token
// inside the text and inside its own sentence, in order; token ranges of
// sentences contiguous.
func checkDocument(t *testing.T, d *Document) {
	t.Helper()
	text := d.Text
	prevEnd, nextTok := 0, 0
	for i, s := range d.Sentences {
		if s.Start < prevEnd || s.Start >= s.End || s.End > len(text) {
			t.Fatalf("sentence %d [%d,%d) out of order or outside the text (previous end %d, len %d)", i, s.Start, s.End, prevEnd, len(text))
		}
		if s.TokStart != nextTok || s.TokEnd < s.TokStart || s.TokEnd > len(d.Tokens) {
			t.Fatalf("sentence %d tokens [%d,%d), want start %d (of %d)", i, s.TokStart, s.TokEnd, nextTok, len(d.Tokens))
		}
		if s.Header >= i || s.Header < -1 {
			t.Fatalf("sentence %d has header %d", i, s.Header)
		}
		prevTok := s.Start
		for k := s.TokStart; k < s.TokEnd; k++ {
			tok := d.Tokens[k]
			if tok.Sent != i {
				t.Fatalf("token %d says sentence %d, is in %d", k, tok.Sent, i)
			}
			if tok.Start < prevTok || tok.Start >= tok.End || tok.End > s.End {
				t.Fatalf("token %d %q [%d,%d) outside sentence %d [%d,%d) or before the previous token (%d)", k, tok.Norm, tok.Start, tok.End, i, s.Start, s.End, prevTok)
			}
			if tok.Norm == "" {
				t.Fatalf("token %d [%d,%d) %q has an empty norm", k, tok.Start, tok.End, text[tok.Start:tok.End])
			}
			prevTok = tok.Start
		}
		prevEnd, nextTok = s.End, s.TokEnd
	}
	if nextTok != len(d.Tokens) {
		t.Fatalf("%d tokens belong to no sentence", len(d.Tokens)-nextTok)
	}
}

// FuzzAnalyze segments and tokenizes arbitrary text (valid UTF-8 or not):
// no panic, the Document invariants hold, and Present finds every norm the
// document has. Seed corpus:
// testdata/fuzz/FuzzAnalyze.
func FuzzAnalyze(f *testing.F) {
	files, _ := filepath.Glob("../../seeds/*.txt")
	for _, name := range files {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(string(data))
		}
	}
	for _, s := range []string{
		"",
		"The U.S. plan caps Ukraine's army at 600,000 — six hundred thousand — troops.",
		"Twenty-eight points.\n- one\n- two\n1. a hundred and fifty\n2) per cent 50%",
		"U.S. Twenty eight. B.N. 600 000 1.3 million $100bn 28th 1990s",
		"won't can't cannot Ukraine’s O'Neil e.g. a.b.c. 1,000,0000 ,,, ...",
		"Zelenskyy Zelenskiy Kiev Zaporozhye NATO-like all-for-all – — - ‐",
		"\u00a0\u00a0line\n  \t\n\u2009600\u202f000",
	} {
		f.Add(s)
	}
	a := NewAnalyzer()
	f.Fuzz(func(t *testing.T, text string) {
		d := a.Analyze("fuzz.txt", text)
		checkDocument(t, d)
		checkPresent(t, a, d)
	})
}

// checkPresent verifies that Present is sound on text: every norm of the
// analyzed document that is in the set is found. It tries the set of all
// the document's norms and a third of them (so that gating is exercised).
func checkPresent(t *testing.T, a *Analyzer, d *Document) {
	t.Helper()
	var all, some []string
	for i, tok := range d.Tokens {
		all = append(all, tok.Norm)
		if i%3 == 0 {
			some = append(some, tok.Norm)
		}
	}
	for _, norms := range [][]string{all, some} {
		set := a.NewWordSet(norms)
		found := presentUnion(a, d.Text, set)
		possible := possibleUnion(a, d.Text, set)
		for _, n := range norms {
			if !found[set.Index(n)] {
				t.Fatalf("Present missed %q in %q", n, d.Text)
			}
			if !possible[set.Index(n)] {
				t.Fatalf("Possible missed %q in %q", n, d.Text)
			}
		}
	}
}

// possibleUnion is what Possible marks in any paragraph of text.
func possibleUnion(a *Analyzer, text string, set *WordSet) []bool {
	union := make([]bool, set.Len())
	a.Possible(text, set, func(_ int, possible []bool) bool {
		for i, ok := range possible {
			union[i] = union[i] || ok
		}
		return false
	})
	return union
}

// presentUnion is what Present marks in any paragraph of text.
func presentUnion(a *Analyzer, text string, set *WordSet) []bool {
	union := make([]bool, set.Len())
	a.Present(text, set, nil, func(found []bool) bool {
		for i, ok := range found {
			union[i] = union[i] || ok
		}
		return false
	})
	return union
}
