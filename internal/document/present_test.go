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
			if !possibleUnion(a, w, set)[0] {
				t.Errorf("Possible rules out %q in %q", tok.Norm, w)
			}
		}
	}
	t.Logf("%d words, %d tokens checked, %d norms", len(words), checked, len(sets))
}

// TestPossibleNumbers: every way of writing a number that the tokenizer
// reads is seen by Possible's digit and number-word checks, and by
// Present's gate.
func TestPossibleNumbers(t *testing.T) {
	a := NewAnalyzer()
	for _, text := range []string{
		"capped at 600,000 troops", "capped at 600 000 troops", "capped at 600\u00a0000", "600.000 soldiers",
		"a 600k army", "0.6m soldiers", "0.6 million soldiers", "six hundred thousand soldiers", "1.3 million",
		"$100bn and 100 billion and $100 bn", "the twenty-eight-point plan", "twenty eight points", "Twenty-Eight",
		"the 28-point plan", "the 28th point", "within a hundred days", "one hundred and fifty people", "twelve",
		"0.28 hundred", "0.05k", "800,000–850,000 troops", "50% or 50 per cent", "50:50", "28.0 points",
		"028 points", "in 1990s", "eight and twenty", "U.S. Twenty eight. B.N. 600 000 1.3 million",
		"twenty\u2010eight", "TWENTY-EIGHT", "a hundred", "hundred", "thousand-strong", "2bn", "3 tn",
		"tens", "hundreds of thousands", "twenty anded eight", "aing hundred", "nines", "sixes and sevens",
		"Geneva and t.en 000", "t.en.00", "t.en.000000000000000000", "0\u03230", "tén days", "tw-elve", "t.w.o", "a.hundred", "Twenty\"eight", "twenty \u2014 eight", "twenty/eight",
	} {
		d := a.Analyze("n.txt", text)
		var norms []string
		for _, tok := range d.Tokens {
			norms = append(norms, tok.Norm)
		}
		set := a.NewWordSet(norms)
		possible := possibleUnion(a, text, set)
		found := presentUnion(a, text, set)
		for _, n := range norms {
			if !possible[set.Index(n)] {
				t.Errorf("Possible rules out %q in %q", n, text)
			}
			if !found[set.Index(n)] {
				t.Errorf("Present misses %q in %q", n, text)
			}
		}
	}
	// And it does rule numbers out: no digits, no number words.
	set := a.NewWordSet([]string{"28", "600000"})
	possible := possibleUnion(a, "The 2025 budget plan had 19 points, none about the army.", set)
	if possible[0] || possible[1] {
		t.Errorf("Possible keeps numbers the text does not have: %v", possible)
	}
}

// TestNumberWordGate: every word that normalizes to a number word passes
// mayBeNumberWord, which spares the number-word lookup for the others:
// the gate words, and every number word with each suffix the stemmer
// knows, whole and without its last letter or two ("twent" + "ies").
func TestNumberWordGate(t *testing.T) {
	a := NewAnalyzer()
	words := gateWords(t)
	suffixes := []string{"", "s", "es", "ies", "ied", "ed", "ing", "ingly", "edly", "ly", "y", "ment", "ness", "ful", "ous",
		"ive", "able", "ance", "ence", "al", "ism", "ist", "iti", "e", "eed", "er", "ion", "li", "ation", "ational", "ize", "ise"}
	for _, m := range []map[string]int64{units} {
		for w := range m {
			for _, cut := range []int{0, 1, 2} {
				if cut < len(w) {
					for _, s := range suffixes {
						words = append(words, w[:len(w)-cut]+s)
					}
				}
			}
		}
	}
	for w := range scales {
		for _, s := range suffixes {
			words = append(words, w+s, w[:len(w)-1]+s)
		}
	}
	checked := 0
	for _, w := range words {
		if w == "" || len(w) > 16 || !wordByte[w[0]] || w[0] < 'a' || w[0] > 'z' {
			continue
		}
		ascii := true
		for i := 0; i < len(w); i++ {
			ascii = ascii && wordByte[w[i]]
		}
		if !ascii {
			continue
		}
		st := a.norm.Word(w)
		_, u := units[st]
		_, sc := scales[st]
		_, uw := units[w]
		_, sw := scales[w]
		if !u && !sc && !uw && !sw {
			continue
		}
		checked++
		var b byte
		if len(w) > 1 {
			b = w[1]
		}
		if !numStarts[w[0]-'a'][second(b)] || !mayBeNumberWord(w[:min(len(w), maxKey)]) {
			t.Errorf("%q normalizes to the number word %q but the gate stops it", w, st)
		}
	}
	if checked < 100 {
		t.Fatalf("only %d number words checked", checked)
	}
	// And it stops the common words that share a number word's first
	// letters.
	for _, w := range []string{"on", "for", "force", "the", "that", "military", "thirds"} {
		var b byte
		if len(w) > 1 {
			b = w[1]
		}
		if numStarts[w[0]-'a'][second(b)] && mayBeNumberWord(w) {
			t.Errorf("%q passes the number-word gate", w)
		}
	}
}
