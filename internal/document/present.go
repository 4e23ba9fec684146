package document

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"
)

// WordSet is a set of token norms that Present looks for. Build it with
// Analyzer.NewWordSet; it is read-only afterwards and may be shared by
// goroutines.
type WordSet struct {
	words []string
	index map[string]int
	// first2 has bit b of word a set when some word of the set can come
	// from a source word whose lower-case form starts with the bytes a, b
	// (b = 0 for a one-byte word).
	first2 [256][4]uint64
	// anyAfter[a] is set when a one-byte word a is in the set: the stemmer
	// can shorten a longer word to its first letter ("aing" -> "a"), so
	// every word starting with a passes.
	anyAfter [256]bool
	// any3 has the two-byte prefixes of first2 that let any third byte
	// through: those of members of up to three bytes and of special
	// source words. The others are of longer members only, whose first
	// three letters long3 holds.
	any3  [256][4]uint64
	long3 [(26*26*26 + 63) / 64]uint64
	// sensitive are the members that a number or "per cent" merge can
	// create or consume: numbers, "percent", "per", "cent", "a", "and" and
	// the stems of number words.
	sensitive []int
	// always marks the members Possible cannot rule out from word starts:
	// the sensitive ones and those contractions make ("not", "can").
	always []bool
	// specials are source words whose norm, a member, may not share their
	// first bytes (derivations, the stemmer's special words, "isation").
	specials []special
}

type special struct {
	source string
	member int
}

// Len returns the number of words in the set.
func (s *WordSet) Len() int { return len(s.words) }

// Index returns the position of norm in the set, or -1.
func (s *WordSet) Index(norm string) int {
	if i, ok := s.index[norm]; ok {
		return i
	}
	return -1
}

// allow lets the words that may normalize to w through the gate: any
// word with w's first two bytes, and when w is a member of four or more
// bytes (long is set) only those with its first three letters.
func (s *WordSet) allow(w string, long bool) {
	if w == "" {
		return
	}
	var b byte
	if len(w) > 1 {
		b = w[1]
	} else {
		s.anyAfter[w[0]] = true
	}
	s.first2[w[0]][b>>6] |= 1 << (b & 63)
	if k, ok := key3(w); long && len(w) >= 4 && ok {
		s.long3[k>>6] |= 1 << (k & 63)
	} else {
		s.any3[w[0]][b>>6] |= 1 << (b & 63)
	}
}

// key3 numbers the first three bytes of w when they are lower-case
// letters.
func key3[S string | []byte](w S) (int, bool) {
	if len(w) < 3 {
		return 0, false
	}
	a, b, c := w[0]-'a', w[1]-'a', w[2]-'a'
	if a >= 26 || b >= 26 || c >= 26 {
		return 0, false
	}
	return (int(a)*26+int(b))*26 + int(c), true
}

// pass reports whether the lower-case word w may normalize to a word of
// the set. Words with a non-ASCII byte among the first two always pass
// (accent folding and case mapping can change them).
func (s *WordSet) pass(w []byte) bool {
	if len(w) == 0 {
		return false
	}
	var b byte
	if len(w) > 1 {
		b = w[1]
	}
	if w[0] >= utf8.RuneSelf || b >= utf8.RuneSelf || s.anyAfter[w[0]] {
		return true
	}
	bit := uint64(1) << (b & 63)
	if s.first2[w[0]][b>>6]&bit == 0 {
		return false
	}
	if s.any3[w[0]][b>>6]&bit != 0 || britishEarly(w) {
		return true
	}
	k, ok := key3(w)
	if !ok {
		return len(w) >= 3 // a non-letter third byte: let it through
	}
	return s.long3[k>>6]&(1<<(k&63)) != 0
}

// britishEarly reports whether w is a British spelling that normalization
// rewrites within its first three bytes ("isation" -> "ization").
func britishEarly(w []byte) bool {
	n := len(w)
	return n > 6 && n <= 9 && (bytes.HasSuffix(w, []byte("isation")) || bytes.HasSuffix(w, []byte("isations")))
}

// NewWordSet compiles norms (token norms, as Terms returns them) into a set
// for Present.
//
// Present skips the normalizer for a word unless its first two lower-case
// bytes can start a member, and, for members of four bytes or more, its
// first three. That is sound because normalization never changes the
// first two bytes of an ASCII word, nor the third when the norm has four
// bytes or more (the stemmer's suffix rewrites at the third letter keep
// the suffix's first letter or cut the word to three bytes or fewer),
// except for the cases listed here: the Snowball stemmer changes suffixes only (within its
// region R1, which starts at the third letter at the earliest, or where
// step 1a/1b cut -s, -ied, -ies, -ed, -ing, which can leave one letter:
// "aing" -> "a", so a one-letter member lets every word of that letter
// through); words of one or two letters are kept whole; British spellings
// change the end of long words (and the third byte of "isation(s)" words,
// which always pass); the derivation table and the stemmer's special
// words are checked one by one below. Numbers, "us", "not" and
// number words are never gated.
func (a *Analyzer) NewWordSet(norms []string) *WordSet {
	s := &WordSet{index: map[string]int{}}
	for _, n := range norms {
		if _, ok := s.index[n]; ok || n == "" {
			continue
		}
		s.index[n] = len(s.words)
		s.words = append(s.words, n)
		s.allow(n, true)
	}
	// Source words whose norm may not share their first bytes.
	for _, sp := range specialSources() {
		if k, ok := s.index[sp[1]]; ok {
			s.allow(sp[0], false)
			s.specials = append(s.specials, special{sp[0], k})
		}
	}
	// "isation" words: the British table rewrites their second or third
	// byte to z ("isation" -> "ization", "xisation" -> "xization").
	for k, w := range s.words {
		for p := 1; p <= 2 && p < len(w); p++ {
			if w[p] == 'z' {
				s.specials = append(s.specials, special{w[:p] + "s" + w[p+1:], k})
			}
		}
	}
	// Words mergeNumbers reads by their norm must keep it.
	for _, w := range []string{"per", "cent", "a", "and"} {
		s.allow(w, false)
	}
	sens := map[string]bool{"percent": true, "per": true, "cent": true, "a": true, "and": true}
	for w := range units {
		sens[stemWord(w)] = true
	}
	for w := range scales {
		sens[stemWord(w)] = true
	}
	s.always = make([]bool, len(s.words))
	for i, w := range s.words {
		if sens[w] || isDigit(w[0]) {
			s.sensitive = append(s.sensitive, i)
			s.always[i] = true
		}
		if w == "not" || w == "can" {
			s.always[i] = true
		}
	}
	return s
}

// specialSources lists the derivation table's words and the stemmer's
// special words with their norms.
var specialSources = sync.OnceValue(func() [][2]string {
	var out [][2]string
	for w := range derivations {
		out = append(out, [2]string{w, stemWord(w)})
	}
	for _, w := range stemmerSpecials {
		out = append(out, [2]string{w, stemWord(w)})
	}
	return out
})

// stemmerSpecials are the words the Snowball English stemmer maps to a form
// that may not share their first two letters.
var stemmerSpecials = []string{"skis", "skies", "dying", "lying", "tying"}

// Present reads text paragraph by paragraph and, after each paragraph in
// which it found a word of set, calls fn with found[i] set for each word i
// that may be the norm of a token of that paragraph in Analyze(path, text);
// it stops when fn returns true. It is sound, never exact: when a token of
// the analyzed paragraph has a norm in the set, found marks it; found may
// mark words that no token has. found is cleared between paragraphs (a
// sentence never crosses a paragraph, so per paragraph is as much as a
// caller can combine). It costs a fraction of Analyze: no sentence
// segmentation, and no normalization of words that cannot be in the set.
//
// Analyze tokenizes each sentence of a paragraph; Present tokenizes the
// whole paragraph. Sentence breaks fall at white space after sentence
// punctuation, and words do not cross white space, so both see the same
// words; only a number or "per cent" merge can reach across a sentence
// break, and then Present marks every member such a merge could create or
// hide.
func (a *Analyzer) Present(text string, set *WordSet, fn func(found []bool) bool) {
	a.gate = set
	defer func() { a.gate = nil }()
	if cap(a.found) < len(set.words) {
		a.found = make([]bool, len(set.words))
	}
	found := a.found[:len(set.words)]
	clear(found)
	for _, p := range paragraphs(text) {
		a.buf = a.tokenize(a.buf[:0], text, p.Start, p.End, 0)
		hit := false
		for i := range a.buf {
			t := &a.buf[i]
			if t.Norm == "" {
				continue
			}
			if k, ok := set.index[t.Norm]; ok {
				found[k], hit = true, true
			}
			if (t.Num || t.Norm == "percent") && mayCrossSentence(text[t.Start:t.End]) {
				for _, k := range set.sensitive {
					found[k], hit = true, true
				}
			}
		}
		if hit {
			if fn(found) {
				return
			}
			clear(found)
		}
	}
}

// mayCrossSentence reports whether a merged token's source text may hold a
// sentence break: white space after a run holding sentence punctuation.
func mayCrossSentence(s string) bool {
	if !strings.ContainsAny(s, " \t\n\r\f\v\u00a0\u2009\u202f") {
		return false
	}
	return strings.ContainsAny(s, ".?!\u2026")
}

// wordStartSeen is what Possible records of a text: the first one, two
// and three lower-case bytes of every word.
type wordStartSeen struct {
	first    [256]bool
	two      [256][4]uint64
	three    [(26*26*26 + 63) / 64]uint64
	anyAfter [256]bool // a word starting with this byte has punctuation or non-ASCII within its first three bytes
	wild     bool      // a word starts with a non-ASCII letter
}

var asciiWord = func() (t [128]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return t
}()

func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// Possible sets possible[i] for each word i of set that may be the norm of
// a token of Analyze(path, text), looking only at the first bytes of each
// word of the raw text: one pass, no tokenizing. It is coarser than
// Present (the whole text, prefixes only) and much cheaper; a caller
// tries it first. It is sound by the gate's argument (see NewWordSet): a
// token's norm starts with the first two bytes of its word, and with the
// first three when the norm has four bytes or more, except for words with
// inner punctuation or non-ASCII bytes among their first three (then every
// norm of their first letter is possible), words starting with a non-ASCII
// letter (then every word is), the special source words and "isation"
// words (checked under their own prefixes), and norms that merges or
// contractions make (numbers, "percent", "not", number words), which are
// always possible.
func (a *Analyzer) Possible(text string, set *WordSet, possible []bool) {
	if a.seen == nil {
		a.seen = new(wordStartSeen)
	}
	sn := a.seen
	*sn = wordStartSeen{}
	prevWord := false
	for i := 0; i < len(text); {
		c := text[i]
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[i:])
			w := isWordRune(r)
			if w && !prevWord {
				sn.wild = true
				break
			}
			prevWord = w
			i += size
			continue
		}
		if !asciiWord[c] {
			prevWord = false
			i++
			continue
		}
		if prevWord {
			i++
			continue
		}
		// A word starts at i.
		prevWord = true
		c0 := lowerASCII(c)
		sn.first[c0] = true
		var b [3]byte
		b[0] = c0
		n := 1
		for n < 3 && i+n < len(text) {
			d := text[i+n]
			if d < utf8.RuneSelf && asciiWord[d] {
				b[n] = lowerASCII(d)
				n++
				continue
			}
			if d >= utf8.RuneSelf || innerPunct(text, i+n) {
				sn.anyAfter[c0] = true
			}
			break
		}
		sn.two[c0][b[1]>>6] |= 1 << (b[1] & 63)
		if k, ok := key3(b[:n]); ok {
			sn.three[k>>6] |= 1 << (k & 63)
		}
		i += n
	}
	for i, w := range set.words {
		possible[i] = possible[i] || sn.wild || set.always[i] || sn.mayStart(w)
	}
	for _, sp := range set.specials {
		if sn.wild || sn.mayStart(sp.source) {
			possible[sp.member] = true
		}
	}
}

// innerPunct reports whether the punctuation at text[j] may be inside a
// word (U.S, Ukraine's, re-established, 600,000, 50:50): followed by a
// letter or digit.
func innerPunct(text string, j int) bool {
	switch text[j] {
	case '.', '\'', '-', ',', ':', '_':
		if j+1 < len(text) {
			d := text[j+1]
			return d >= utf8.RuneSelf || asciiWord[d]
		}
	}
	return false
}

// mayStart reports whether some word of the text may normalize to w, by
// w's first bytes.
func (sn *wordStartSeen) mayStart(w string) bool {
	if sn.anyAfter[w[0]] {
		return true
	}
	if len(w) == 1 {
		return sn.first[w[0]]
	}
	if k, ok := key3(w); ok && len(w) >= 4 {
		return sn.three[k>>6]&(1<<(k&63)) != 0
	}
	return sn.two[w[0]][w[1]>>6]&(1<<(w[1]&63)) != 0
}
