package document

import (
	"bytes"
	"strconv"
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
	// number-word stems, "percent", "per", "cent", "a", "and", odd numbers
	// and those contractions make ("not", "can").
	always []bool
	// numeric are the members that are plain numbers ("28", "600000"),
	// which Possible checks against the digits and number words of the
	// text.
	numeric []numericMember
	// specials are source words whose norm, a member, may not share their
	// first bytes (derivations, the stemmer's special words, "isation").
	specials []special
	// british are the members' spellings with an "is" for an "iz".
	british []special
	// For Possible: the members always possible, of one letter, and the
	// members (and special sources' members) by first byte.
	alwaysIdx, oneLetter []int
	byFirst              [256][]int
	// Keys for Possible: each member's (and special source's) prefix that
	// every word normalizing to it starts with, in a small hash table.
	keys    []keyEntry
	keyTab  [512]int32 // head of the chain for hash&511, +1
	keyLens uint16     // bit L set when some key has L bytes
	// keyFirst2 has the first two bytes of the keys.
	keyFirst2 [256][4]uint64
}

type keyEntry struct {
	hash   uint64
	key    string
	member int
	next   int32
}

const maxKey = 12

// safeLen is how many first bytes of a word normalization keeps for a
// norm w: the stemmer rewrites at most the last two bytes of what it keeps
// ("-biliti" -> "-ble", "-enci" -> "-ence", an added or dropped e, y -> i),
// and never the first three of a norm of four bytes or more, nor the first
// two of a shorter one (see NewWordSet).
func safeLen(w string) int {
	switch {
	case len(w) <= 1:
		return len(w)
	case len(w) <= 3:
		return 2
	}
	return min(maxKey, max(3, len(w)-2))
}

func fnvAdd(h uint64, c byte) uint64 { return (h ^ uint64(c)) * 1099511628211 }

const fnvOffset = 14695981039346656037

func (s *WordSet) addKey(key string, member int) {
	for k := 0; k < len(key); k++ {
		if c := key[k]; c >= utf8.RuneSelf || !asciiWord[c] || c >= 'A' && c <= 'Z' {
			key = key[:k]
			break
		}
	}
	if len(key) < 2 {
		s.always[member] = true
		return
	}
	h := uint64(fnvOffset)
	for k := 0; k < len(key); k++ {
		h = fnvAdd(h, key[k])
	}
	s.keyFirst2[key[0]][key[1]>>6] |= 1 << (key[1] & 63)
	s.keys = append(s.keys, keyEntry{hash: h, key: key, member: member, next: s.keyTab[h&511]})
	s.keyTab[h&511] = int32(len(s.keys))
	s.keyLens |= 1 << len(key)
}

type special struct {
	source string
	member int
}

type numericMember struct {
	member int
	digits string  // the norm
	lead   string  // its first thousands group, for "600,000" and "600 000"
	value  float64 // its value
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
	// British spellings: the table rewrites the s of -is(e|ing|ed|ation)
	// to z, anywhere in a long word ("prioritisation" -> "prioritization"),
	// so an "iz" of a norm may be "is" in the text. (The gate checks the
	// first three bytes only, where britishEarly lets such words pass.)
	for k, w := range s.words {
		for p := 1; p < len(w); p++ {
			if w[p] == 'z' && w[p-1] == 'i' {
				s.british = append(s.british, special{w[:p] + "s" + w[p+1:], k})
			}
		}
	}
	// Words mergeNumbers reads by their norm must keep it: "per", "cent",
	// "a", "and", and words whose stem is a number word ("tens" -> "ten"
	// -> 10).
	for _, w := range []string{"per", "cent", "a", "and"} {
		s.allow(w, false)
	}
	for w := range units {
		s.allow(w, false)
	}
	for w := range scales {
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
		if isDigit(w[0]) && wholeDigits(w) {
			v, _ := strconv.ParseFloat(w, 64)
			lead := w[:(len(w)-1)%3+1]
			s.numeric = append(s.numeric, numericMember{member: i, digits: w, lead: lead, value: v})
			s.always[i] = false
		}
		if w == "not" || w == "can" {
			s.always[i] = true
		}
	}
	for i, w := range s.words {
		if !s.always[i] && !isDigit(w[0]) && len(w) > 1 {
			s.addKey(w[:safeLen(w)], i)
		}
	}
	for _, sp := range s.specials {
		s.addKey(sp.source[:min(len(sp.source), maxKey)], sp.member)
	}
	for _, sp := range s.british {
		if n := safeLen(s.words[sp.member]); n > 0 && !s.always[sp.member] {
			s.addKey(sp.source[:n], sp.member)
			s.allow(sp.source, false)
		}
	}
	for i, w := range s.words {
		switch {
		case s.always[i]:
			s.alwaysIdx = append(s.alwaysIdx, i)
		case isDigit(w[0]):
		default:
			if len(w) == 1 {
				s.oneLetter = append(s.oneLetter, i)
			}
			s.byFirst[w[0]] = append(s.byFirst[w[0]], i)
		}
	}
	for _, sp := range append(s.specials, s.british...) {
		s.byFirst[sp.source[0]] = append(s.byFirst[sp.source[0]], sp.member)
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
//
// When keep is not nil, only the paragraphs i (counted as Possible counts
// them) for which keep(i) is true are read.
func (a *Analyzer) Present(text string, set *WordSet, keep func(para int) bool, fn func(found []bool) bool) {
	a.gate = set
	defer func() { a.gate = nil }()
	if cap(a.found) < len(set.words) {
		a.found = make([]bool, len(set.words))
	}
	found := a.found[:len(set.words)]
	clear(found)
	for pi, p := range paragraphs(text) {
		if keep != nil && !keep(pi) {
			continue
		}
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
			if (t.Num || t.Norm == "percent") && mayCrossSentence(text, p.Start, t.Start, t.End) {
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

// mayCrossSentence reports whether a merged token's source text
// text[start:end] may hold a sentence break: white space inside it, and
// sentence punctuation in it or in the rest of the white-space-delimited
// chunk it starts in (Punkt breaks after a chunk holding ". ? !", even
// inside it: '1."A hundred' splits before "hundred"). para is where the
// paragraph starts.
func mayCrossSentence(text string, para, start, end int) bool {
	if !strings.ContainsAny(text[start:end], " \t\n\r\f\v\u00a0\u2009\u202f") {
		return false
	}
	k := start
	for k > para && !isSpaceByte(text[k-1]) {
		k--
	}
	return strings.ContainsAny(text[k:end], ".?!\u2026")
}

// wordStartSeen is what Possible records of a text: the first one, two
// and three lower-case bytes of every word.
type wordStartSeen struct {
	first    [256]bool
	anyAfter [256]bool // a word starting with this byte has punctuation or non-ASCII within its first three bytes
	wild     bool      // a word starts with a non-ASCII letter
	// Number words: unit[v] for a unit word of value v, anyNumber when
	// the text has a scale word, a digit with a letter suffix (0.6m) or
	// two number words in a row (twenty-eight), which can make any number.
	unit      [100]bool
	anyNumber bool
	fuzzy     []string // prefixes (3+ bytes) of words that go on past punctuation
	runs      []string // the digits (with inner . and ,) of words starting with one
	// anyAfterSet says some anyAfter is set.
	anyAfterSet bool
}

// wordByte is asciiWord over all byte values (false from 0x80 up).
var wordByte = func() (t [256]bool) {
	copy(t[:], asciiWord[:])
	return t
}()

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

// Possible reads text paragraph by paragraph, as Present does, and after
// each paragraph calls fn with its index and possible[i] set for each word i of set that
// may be the norm of a token of that paragraph in Analyze(path, text); it
// stops when fn returns true. It looks only at the first bytes of each
// word of the raw text, without tokenizing: coarser than Present and much
// cheaper, so a caller tries it first.
//
// It is sound by the gate's argument (see NewWordSet and safeLen): a
// token's norm keeps the first safeLen bytes of its word, except for words
// that go on past inner punctuation or non-ASCII bytes (then any norm
// extending what came before is possible, and every norm of the first
// letter when that is under three bytes), words starting with a non-ASCII
// letter (then every word is possible), the special source words and
// British spellings (checked under their own keys), numbers (checked
// against the paragraph's digits and number words) and norms that merges
// or contractions make ("percent", "not", number words), which are always
// possible.
func (a *Analyzer) Possible(text string, set *WordSet, fn func(para int, possible []bool) bool) {
	if cap(a.found) < len(set.words) {
		a.found = make([]bool, len(set.words))
	}
	possible := a.found[:len(set.words)]
	for pi, p := range paragraphs(text) {
		clear(possible)
		a.possibleIn(text[p.Start:p.End], set, possible)
		if fn(pi, possible) {
			return
		}
	}
}

func (a *Analyzer) possibleIn(text string, set *WordSet, possible []bool) {
	if a.seen == nil {
		a.seen = new(wordStartSeen)
	}
	sn := a.seen
	fuzzy, runs := sn.fuzzy[:0], sn.runs[:0]
	*sn = wordStartSeen{fuzzy: fuzzy, runs: runs}
	prevWord := false
	numWord, wordEnd := false, 0
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
		// A word starts at i: its letters and digits, lower-cased, up to
		// maxKey of them.
		prevWord = true
		e := i
		var b [maxKey]byte
		for e < len(text) && wordByte[text[e]] {
			if e-i < maxKey {
				b[e-i] = lowerASCII(text[e])
			}
			e++
		}
		n := min(e-i, maxKey)
		c0 := b[0]
		var b1 byte
		if n > 1 {
			b1 = b[1]
		}
		sn.first[c0] = true
		if e < len(text) && (text[e] >= utf8.RuneSelf && wordGoesOn(text, e) || innerPunct(text, e)) && e-i < maxKey && !possessiveAt(text, e) {
			// The word goes on past punctuation or non-ASCII bytes (U.S,
			// re-established, Zelenskiý): normalization may change what
			// follows, so any key starting with what came before may match.
			if n < 3 {
				sn.anyAfter[c0], sn.anyAfterSet = true, true
			} else {
				sn.fuzzy = append(sn.fuzzy, string(b[:n]))
			}
			// It may also be a number word once joined or folded: t.en,
			// tw-elve, tén.
			a.joinedNumberWord(sn, text, i)
		}
		if set.keyFirst2[c0][b1>>6]&(1<<(b1&63)) != 0 {
			h := uint64(fnvOffset)
			for L := 1; L <= n; L++ {
				h = fnvAdd(h, b[L-1])
				if set.keyLens&(1<<L) == 0 {
					continue
				}
				for k := set.keyTab[h&511]; k != 0; k = set.keys[k-1].next {
					if ke := &set.keys[k-1]; ke.hash == h && ke.key == string(b[:L]) {
						possible[ke.member] = true
					}
				}
			}
		}
		// Number words, connectors and digits; most words are none. A word
		// whose stem is "a" or "and" joins number words ("a hundred",
		// "twenty and eight"): any word starting with a may.
		switch wl := e - i; {
		case isDigit(c0):
			sn.digitWord(text, i)
			if e < len(text) && text[e] >= utf8.RuneSelf && wordGoesOn(text, e) {
				// Digits running into a non-ASCII letter or mark ("0̣0"):
				// the tokenizer reads one word, which folding may make a
				// number of other digits. Rare: any number may be there.
				sn.anyNumber = true
			}
			numWord = false
		case c0 == 'a':
			numWord = true
		case wl <= 16 && c0 >= 'a' && c0 <= 'z' && numStarts[c0-'a'][second(b1)] && mayBeNumberWord(text[i:i+n]):
			numWord = a.numberWord(sn, text, wordEnd, i, e, numWord)
		default:
			numWord = false
		}
		wordEnd = e
		i = e
	}
	if sn.wild {
		for i := range possible {
			possible[i] = true
		}
		return
	}
	for _, i := range set.alwaysIdx {
		possible[i] = true
	}
	for _, i := range set.oneLetter {
		possible[i] = possible[i] || sn.first[set.words[i][0]]
	}
	if sn.anyAfterSet {
		for c, ok := range sn.anyAfter {
			if ok {
				for _, i := range set.byFirst[c] {
					possible[i] = true
				}
			}
		}
	}
	for _, f := range sn.fuzzy {
		for _, ke := range set.keys {
			if len(ke.key) > len(f) && ke.key[:len(f)] == f {
				possible[ke.member] = true
			}
		}
	}
	for _, nm := range set.numeric {
		possible[nm.member] = possible[nm.member] || sn.anyNumber ||
			nm.value < 100 && sn.unit[int(nm.value)] || sn.hasDigits(nm)
	}
}

// hasDigits reports whether a number's digits (or, for four digits or
// more, its first thousands group: 600,000 600 000 600.000) are in one of
// the paragraph's runs of digits. A number token starts a word, and its
// digits are one run.
func (sn *wordStartSeen) hasDigits(nm numericMember) bool {
	for _, r := range sn.runs {
		if strings.Contains(r, nm.digits) || len(nm.digits) > 3 && strings.Contains(r, nm.lead) {
			return true
		}
	}
	return false
}

// possessiveAt reports whether text[e:] is a possessive 's (or ’s) ending
// a word: the tokenizer drops it, so the word is what came before.
func possessiveAt(text string, e int) bool {
	var k int
	switch {
	case strings.HasPrefix(text[e:], "'s"):
		k = e + 2
	case strings.HasPrefix(text[e:], "\u2019s"):
		k = e + 4
	default:
		return false
	}
	return k >= len(text) || text[k] >= utf8.RuneSelf || !asciiWord[text[k]]
}

// numStarts[a][b] is set when a number word (units, scales) starts with
// the letters a, b (b = 26: a one-letter word): words that start so may be
// number words or have one as their stem.
var numStarts = func() (t [26][27]bool) {
	for w := range units {
		t[w[0]-'a'][second(w[1])] = true
	}
	for w := range scales {
		if len(w) == 1 {
			t[w[0]-'a'][26] = true
			continue
		}
		t[w[0]-'a'][second(w[1])] = true
	}
	return t
}()

// numKeys[a][b] lists the prefixes that a word starting with the letters
// a, b (b as numStarts has it) must have to normalize to a number word:
// each number word's first safeLen bytes, which normalization keeps. Most
// words that share a number word's first two letters ("the", "for",
// "military") do not, and are not looked up.
//
// A number word ending in "ty" (twenty ... ninety) is its own key: the
// stemmer turns a final consonant-y into i, so a word normalizes to one
// only when it is one (or is one with a suffix the stemmer drops, the
// stemmer's replacements never ending in y), and "for", "force" and
// "foreign" need not be looked up for "forty".
var numKeys = func() (t [26][27][]numKey) {
	add := func(w string) {
		k := w[:safeLen(w)]
		if strings.HasSuffix(w, "ty") {
			k = w
		}
		var b byte
		if len(w) > 1 {
			b = w[1]
		}
		t[w[0]-'a'][second(b)] = append(t[w[0]-'a'][second(b)], numKey{k, len(w)})
	}
	for w := range units {
		add(w)
	}
	for w := range scales {
		add(w)
	}
	return t
}()

type numKey struct {
	prefix  string
	wordLen int // of the number word
}

// mayBeNumberWord reports whether the word w (its first maxKey bytes, in
// any case), which numStarts lets through, starts with one of numKeys.
func mayBeNumberWord(w string) bool {
	var b byte
	if len(w) > 1 {
		b = lowerASCII(w[1])
	}
	for _, k := range numKeys[lowerASCII(w[0])-'a'][second(b)] {
		// A word of two letters or fewer is kept whole ("on" is not
		// "one").
		if len(w) >= len(k.prefix) && (len(w) > 2 || len(w) == k.wordLen) && strings.EqualFold(w[:len(k.prefix)], k.prefix) {
			return true
		}
	}
	return false
}

// second maps the second letter of a word to numWordLens' column (26 for
// a one-letter word or a non-letter, which no number word has).
func second(b byte) int {
	if b >= 'a' && b <= 'z' {
		return int(b - 'a')
	}
	return 26
}

// digitWord notes a scale suffix on the digits at text[i:] (600k,
// $100bn, 0.6m), which can make a number whose digits are not in the text.
func (sn *wordStartSeen) digitWord(text string, i int) {
	k := i
	for k < len(text) && (isDigit(text[k]) || (text[k] == '.' || text[k] == ',') && k+1 < len(text) && isDigit(text[k+1])) {
		k++
	}
	sn.runs = append(sn.runs, text[i:k])
	m := k
	for m < len(text) && m-k < 4 && (text[m]|0x20 >= 'a' && text[m]|0x20 <= 'z') {
		m++
	}
	if m > k {
		var buf [4]byte
		suf := buf[:0]
		for _, c := range []byte(text[k:m]) {
			suf = append(suf, lowerASCII(c))
		}
		if _, ok := numberSuffixes[string(suf)]; ok {
			sn.anyNumber = true
		}
	}
}

// joinedNumberWord notes the number word that the word starting at i may
// become once the tokenizer joins it across inner dots, hyphens or
// apostrophes (t.en -> ten -> 10) or folds its accents (tén).
func (a *Analyzer) joinedNumberWord(sn *wordStartSeen, text string, i int) {
	if c := lowerASCII(text[i]); c < 'a' || c > 'z' {
		return
	}
	var buf [17]byte
	lw := buf[:0]
	// The tokenizer may end the joined word at any joiner ("t.en.00" is
	// "ten" then "0"), so the word so far is checked at each one, and at
	// the end.
	for k := i; k < len(text) && len(lw) < len(buf); k++ {
		c := text[k]
		switch {
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(text[k:])
			if r == '\u2019' && k+size < len(text) && isWordAt(text, k+size, len(text)) {
				a.noteNumberWord(sn, lw)
				k += size - 1 // a curly apostrophe joins, like '
				continue
			}
			if isWordRune(r) && anyNumStart(lw[0]) {
				// A letter with an accent inside: folding may make a
				// number word of it ("tén").
				sn.anyNumber = true
				return
			}
			k = len(text) // the word ends
			continue
		case asciiWord[c]:
			lw = append(lw, lowerASCII(c))
		case (c == '.' || c == '-' || c == '\'') && k+1 < len(text) && (text[k+1] >= utf8.RuneSelf || asciiWord[text[k+1]]):
			a.noteNumberWord(sn, lw) // joined, or the word ends here
		default:
			k = len(text)
		}
	}
	if len(lw) < len(buf) {
		a.noteNumberWord(sn, lw)
	}
}

// noteNumberWord notes the number the lower-case word lw is, as a unit
// or scale word or by its stem, if any.
func (a *Analyzer) noteNumberWord(sn *wordStartSeen, lw []byte) {
	switch unit, isUnit, isScale := a.numberWordOf(lw); {
	case isUnit:
		sn.unit[unit] = true
	case isScale:
		sn.anyNumber = true
	}
}

// numberWordOf says what the lower-case word lw is to the tokenizer: a
// unit word (and its value), a scale word, or neither, by itself or by
// its stem ("tens" -> "ten").
func (a *Analyzer) numberWordOf(lw []byte) (unit int64, isUnit, isScale bool) {
	if len(lw) == 0 {
		return 0, false, false
	}
	if v, ok := units[string(lw)]; ok {
		return v, true, false
	}
	if _, ok := scales[string(lw)]; ok {
		return 0, false, true
	}
	st := a.norm.WordBytes(lw)
	if v, ok := units[st]; ok {
		return v, true, false
	}
	_, ok := scales[st]
	return 0, false, ok
}

// anyNumStart reports whether some number word starts with the letter c.
func anyNumStart(c byte) bool {
	if c < 'a' || c > 'z' {
		return false
	}
	for _, ok := range numStarts[c-'a'] {
		if ok {
			return true
		}
	}
	return false
}

// numberWord notes the number word text[i:e], if it is one: a unit or
// scale word, or a word whose stem is one ("tens" -> "ten"), as the
// tokenizer reads them. prevNum says whether the word before (ending at
// prevEnd) may be part of a number. It returns whether this one may.
func (a *Analyzer) numberWord(sn *wordStartSeen, text string, prevEnd, i, e int, prevNum bool) bool {
	var buf [16]byte
	lw := buf[:e-i]
	for k := range lw {
		lw[k] = lowerASCII(text[i+k])
	}
	unit, okU, okS := a.numberWordOf(lw)
	switch {
	case okU:
		sn.unit[unit] = true
		if prevNum && onlyJoiners(text[prevEnd:i]) {
			sn.anyNumber = true
		}
		return true
	case okS:
		sn.anyNumber = true
		return true
	}
	return false
}

// onlyJoiners reports whether the text between two words may let them
// form one number: it holds none of the punctuation that breaks a phrase
// for the tokenizer (, ; : ( ) [ ] { } ! ? . | … %). Quotes, hyphens,
// dashes and other characters may not break one ("Twenty"eight").
func onlyJoiners(gap string) bool {
	return !strings.ContainsAny(gap, ",;:()[]{}!?.|%\u2026")
}

// Word returns member i (for tests).
func (s *WordSet) Word(i int) string { return s.words[i] }

// wordGoesOn reports whether the non-ASCII character at text[e] continues
// the word before it: a letter, digit or combining mark, or a curly
// apostrophe followed by one (as scanWord reads them).
func wordGoesOn(text string, e int) bool {
	r, size := utf8.DecodeRuneInString(text[e:])
	if r == '\u2019' {
		return isWordAt(text, e+size, len(text))
	}
	return isWordRune(r)
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
