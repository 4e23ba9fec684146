package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// gateWords is a vocabulary for TestGateKeepsEveryWord: every short
// string over letters the stemmer treats specially, the words of the
// seeds and test articles, and those words with the suffixes the stemmer
// and the British table rewrite. A word list can be added with
// PLANCHECK_DICT=/usr/share/dict/words (Debian's wamerican: 100,000 words
// pass).
func gateWords(t *testing.T) []string {
	t.Helper()
	seen := map[string]bool{}
	var out []string
	add := func(w string) {
		if w != "" && !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	const letters = "aeiystngdlbz"
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		add(prefix)
		if n == 0 {
			return
		}
		for _, c := range letters {
			gen(prefix+string(c), n-1)
		}
	}
	gen("", 4)
	var texts []string
	for _, pat := range []string{"../../seeds/*.txt", "../../testdata/articles/*"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(data))
		}
	}
	if dict := os.Getenv("PLANCHECK_DICT"); dict != "" {
		// A word list has the inflections already: its words as they are.
		data, err := os.ReadFile(dict)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range strings.Fields(string(data)) {
			add(strings.ToLower(w))
		}
	}
	suffixes := []string{"", "s", "es", "ies", "ied", "ed", "ing", "ingly", "edly", "ly", "y", "ational", "tional", "ation", "ations",
		"ator", "ization", "isation", "isations", "ise", "ised", "ising", "ize", "izer", "ement", "ment", "ness", "ful", "fulness",
		"ous", "ously", "ive", "ively", "iveness", "ivity", "bility", "ability", "ible", "able", "ance", "ence", "ency", "ancy", "al",
		"alism", "ality", "ally", "ical", "icate", "icity", "ism", "ist", "iti", "e", "eed", "eedly", "er", "ion", "logy", "li", "'s"}
	// Every word with every suffix takes 6 s (a minute under -race): by
	// default a sample of 300 words gets the suffixes;
	// PLANCHECK_GATE_FULL=1 gives all of them.
	full := os.Getenv("PLANCHECK_GATE_FULL") != ""
	stems := map[string]bool{}
	for _, text := range texts {
		for _, f := range strings.FieldsFunc(text, func(r rune) bool { return !isWordRune(r) && r != '\'' }) {
			w := strings.ToLower(f)
			add(w)
			if !full && (len(stems) >= 300 || len(w) < 5) || stems[w] {
				continue
			}
			stems[w] = true
			for _, s := range suffixes {
				add(w + s)
				if len(w) > 3 {
					add(w[:len(w)-1] + s)
				}
			}
		}
	}
	return out
}

// TestGateKeepsEveryWord checks the soundness argument of NewWordSet on a
// large vocabulary: a set holding only a word's norm lets that word
// through the gate, and Possible marks the norm in the word.
func TestGateKeepsEveryWord(t *testing.T) {
	a := NewAnalyzer()
	words := gateWords(t)
	sets := map[string]*WordSet{}
	checked := 0
	for _, w := range words {
		var lower []byte
		lower = lowerInto(lower, w)
		for _, tok := range a.Tokens(w) {
			if tok.Num || tok.Norm == "usa" || tok.Norm == "not" {
				continue // never gated
			}
			set := sets[tok.Norm]
			if set == nil {
				set = a.NewWordSet([]string{tok.Norm})
				sets[tok.Norm] = set
			}
			src := lowerInto(nil, w[tok.Start:tok.End])
			if n := len(src); n > 2 && src[n-2] == '\'' && src[n-1] == 's' {
				src = src[:n-2]
			}
			if hasDot(src) {
				src = dropDots(src)
			}
			checked++
			if !set.pass(src) {
				t.Errorf("the gate of {%q} stops %q (from %q)", tok.Norm, src, w)
			}
			possible := []bool{false}
			a.Possible(w, set, possible)
			if !possible[0] {
				t.Errorf("Possible rules out %q in %q", tok.Norm, w)
			}
		}
	}
	t.Logf("%d words, %d tokens checked, %d norms", len(words), checked, len(sets))
}
