package document

import (
	"unicode"
	"unicode/utf8"
)

// tokenize appends the tokens of text[start:end] (sentence sent) to out.
//
// It follows prose's tokenizer (split on space, strip punctuation, fold
// curly quotes, split "n't") and goes further where matching needs it:
// hyphenated compounds become their parts ("NATO-like" -> nato, like),
// numbers are read in every common spelling ("600,000", "600 000", "600k",
// "600 thousand", "six hundred thousand" -> 600000), possessive 's is
// dropped, and each token keeps its byte offsets.
func (a *Analyzer) tokenize(out []Token, text string, start, end, sent int) []Token {
	first := len(out)
	brk := true
	var lower []byte
	i := start
	for i < end {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:end])
		}
		if isWordRune(r) {
			j := scanWord(text, i, end)
			lower = lowerInto(lower[:0], text[i:j])
			out = a.emitWord(out, text, i, j, lower, sent, brk)
			brk = false
			i = j
			continue
		}
		switch r {
		case '%':
			out = append(out, Token{Norm: "percent", Start: i, End: i + 1, Sent: sent, Break: brk})
			brk = false
		case '-', '\u2010', '\u2011':
			// A hyphen between two words joins them; a spaced one breaks.
			if !(i > start && i+size < end && isWordAt(text, i+size, end) && isWordBefore(text, start, i)) {
				brk = true
			}
		case '\u2013', '\u2014', '\u2212':
			// An en dash between numbers is a range; otherwise a break.
			if !(i > start && i+size < end && isWordAt(text, i+size, end) && isWordBefore(text, start, i)) {
				brk = true
			}
		case ':':
			// 50:50 is one ratio, not two phrases.
			if !(i > start && i+1 < end && isDigit(text[i-1]) && isDigit(text[i+1])) {
				brk = true
			}
		case ',', ';', '(', ')', '[', ']', '{', '}', '!', '?', '.', '\u2026', '|':
			brk = true
		}
		i += size
	}
	return mergeNumbers(out, first, text)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isWordAt(text string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[i:end])
	return isWordRune(r)
}

func isWordBefore(text string, start, i int) bool {
	if i <= start {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[start:i])
	return isWordRune(r)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// scanWord returns the end of the word starting at i: letters and digits,
// with inner apostrophes (Ukraine's, don't), inner dots in acronyms and
// decimals (U.S, 1.3) and thousands separators (600,000).
func scanWord(text string, i, end int) int {
	j := i
	for j < end {
		c := text[j]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c):
				j++
				continue
			case c == '\'':
				if j > i && isWordAt(text, j+1, end) {
					j++
					continue
				}
			case c == '.':
				// U.S.A / 1.3 : a dot between two word characters, where the
				// left side is a digit or a single letter.
				if j > i && j+1 < end && isWordAt(text, j+1, end) {
					prev := text[j-1]
					if isDigit(prev) && isDigit(text[j+1]) || j-1 == i || text[j-2] == '.' {
						j++
						continue
					}
				}
				// The closing dot of an acronym (U.S.) belongs to it.
				if j >= i+3 && text[j-2] == '.' && !isDigit(text[j-1]) {
					return j + 1
				}
			case c == '-':
				// G-8, F-16 and prefixed compounds (cease-fire,
				// peace-keepers, non-aggression, re-join) are one word, so
				// they meet their closed-up spellings.
				if j > i && j+1 < end && joinsHyphen(text[i:j], text[j+1]) {
					j++
					continue
				}
			case c == ',':
				if j > i && isDigit(text[j-1]) && j+3 < end &&
					isDigit(text[j+1]) && isDigit(text[j+2]) && isDigit(text[j+3]) &&
					(j+4 >= end || !isDigit(text[j+4])) {
					j++
					continue
				}
			}
			return j
		}
		r, size := utf8.DecodeRuneInString(text[j:end])
		if r == '\u2019' && j > i && isWordAt(text, j+size, end) {
			j += size
			continue
		}
		if !isWordRune(r) {
			return j
		}
		j += size
	}
	return j
}

// lowerInto writes s in lower case, with curly apostrophes folded, to buf.
func lowerInto(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\u2019' {
			buf = append(buf, '\'')
		} else {
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
		i += size
	}
	return buf
}

// emitWord appends the token(s) for the word text[i:j] (lower holds it in
// lower case).
func (a *Analyzer) emitWord(out []Token, text string, i, j int, lower []byte, sent int, brk bool) []Token {
	// Possessives and contractions.
	n := len(lower)
	switch {
	case n > 2 && lower[n-2] == '\'' && lower[n-1] == 's':
		lower = lower[:n-2]
	case n > 1 && lower[n-1] == '\'':
		lower = lower[:n-1]
	case n > 3 && string(lower[n-3:]) == "n't":
		out = a.emitWord(out, text, i, j-3, lower[:n-3], sent, brk)
		return append(out, Token{Norm: "not", Start: j - 3, End: j, Sent: sent})
	}
	if string(lower) == "cannot" {
		out = append(out, Token{Norm: "can", Start: i, End: i + 3, Sent: sent, Break: brk})
		return append(out, Token{Norm: "not", Start: i + 3, End: j, Sent: sent})
	}
	t := Token{Start: i, End: j, Sent: sent, Break: brk}
	if isDigit(lower[0]) {
		if v, ok := parseNumberWord(lower); ok {
			t.Norm, t.Num = FormatNumber(v), true
			return append(out, t)
		}
	}
	if hasHyphen(lower) {
		lower = dropHyphens(lower)
	}
	if hasDot(lower) {
		// Acronyms: U.S. -> usa, U.K. -> uk, E.U. -> eu.
		lower = dropDots(lower)
		if string(lower) == "us" {
			t.Norm = "usa"
			return append(out, t)
		}
	} else if string(lower) == "us" && text[i] == 'U' && text[i+1] == 'S' {
		t.Norm = "usa"
		return append(out, t)
	}
	if numWordCandidate(lower) {
		if _, ok := units[string(lower)]; ok {
			t.Norm = string(lower) // merged into a number by mergeNumbers
			return append(out, t)
		}
		if _, ok := scales[string(lower)]; ok {
			t.Norm = string(lower)
			return append(out, t)
		}
	}
	if a.gate != nil && !a.gate.pass(lower) {
		// Present: this word cannot normalize to a word of the set.
		return append(out, t)
	}
	t.Norm = a.norm.WordBytes(lower)
	if t.Norm == "" {
		// A "word" of combining marks only, which accent folding
		// removes: nothing to match.
		return out
	}
	return append(out, t)
}

func hasDot(b []byte) bool {
	for _, c := range b {
		if c == '.' {
			return true
		}
	}
	return false
}

func dropDots(b []byte) []byte {
	out := b[:0]
	for _, c := range b {
		if c != '.' {
			out = append(out, c)
		}
	}
	return out
}

// parseNumberWord reads "600,000", "1.3", "600k", "100bn", "10th", "1990s".
func parseNumberWord(b []byte) (float64, bool) {
	k := 0
	for k < len(b) && (isDigit(b[k]) || b[k] == ',' || b[k] == '.') {
		k++
	}
	v, ok := parseDigits(string(b[:k]))
	if !ok {
		return 0, false
	}
	suffix := string(b[k:])
	switch suffix {
	case "", "s", "th", "st", "nd", "rd":
		return v, true
	}
	if m, ok := numberSuffixes[suffix]; ok {
		return v * m, true
	}
	return 0, false
}

// WordBytes is Word for a byte slice, without allocating on a cache hit.
func (n *Normalizer) WordBytes(b []byte) string {
	if s, ok := n.cache[string(b)]; ok {
		return s
	}
	return n.Word(string(b))
}

// mergeNumbers rewrites out[first:] in place: number words become numbers,
// scales multiply ("1.3 million"), "600 000" joins, "per cent" becomes
// "percent".
func mergeNumbers(out []Token, first int, text string) []Token {
	w := first
	for r := first; r < len(out); {
		t := out[r]
		// Spelled-out numbers: "six hundred thousand", "a hundred".
		if v, n, ok := spelledNumber(out[r:]); ok {
			t.Norm, t.Num, t.End = FormatNumber(v), true, out[r+n-1].End
			out[w] = t
			w++
			r += n
			continue
		}
		if t.Num {
			r++
			// 600 000: a group of three digits after a single space.
			for r < len(out) && out[r].Num && isThinGap(text, t.End, out[r].Start) &&
				out[r].End-out[r].Start == 3 && !containsDot(text[t.Start:t.End]) && len(t.Norm) <= 3+len(t.Norm)-3 && wholeDigits(text[out[r].Start:out[r].End]) && groupedLeft(text[t.Start:t.End]) {
				t.Norm += text[out[r].Start:out[r].End]
				t.End = out[r].End
				r++
			}
			// 600 thousand, 1.3 million.
			for r < len(out) && !out[r].Break {
				s, ok := scaleOf(out[r].Norm)
				if !ok {
					break
				}
				v, _ := parseDigits(t.Norm)
				t.Norm = FormatNumber(v * s)
				t.End = out[r].End
				r++
			}
			out[w] = t
			w++
			continue
		}
		if t.Norm == "per" && r+1 < len(out) && out[r+1].Norm == "cent" && !out[r+1].Break {
			t.Norm, t.End = "percent", out[r+1].End
			out[w] = t
			w++
			r += 2
			continue
		}
		if numWordCandidate(t.Norm) {
			if _, ok := units[t.Norm]; ok {
				t.Norm = stemOf(t.Norm)
			} else if _, ok := scales[t.Norm]; ok {
				t.Norm = stemOf(t.Norm)
			}
		}
		out[w] = t
		w++
		r++
	}
	return out[:w]
}

func stemOf(w string) string { return stemWord(w) }

func containsDot(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '.' {
			return true
		}
	}
	return false
}

func wholeDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// groupedLeft reports whether s can stand before a space-separated
// thousands group: 1 to 3 digits, or an already grouped number.
func groupedLeft(s string) bool {
	if !wholeDigits(s) {
		return false
	}
	return len(s) <= 3
}

// isThinGap reports whether text[a:b] is one space, no-break space or thin
// space.
func isThinGap(text string, a, b int) bool {
	gap := text[a:b]
	return gap == " " || gap == "\u00a0" || gap == "\u2009" || gap == "\u202f"
}

// spelledNumber reads a run of number words at the start of toks. A lone
// "one" is left alone (it is usually a pronoun).
func spelledNumber(toks []Token) (float64, int, bool) {
	var total, current float64
	n := 0
	seen := false
	for n < len(toks) {
		t := toks[n]
		if n > 0 && t.Break {
			break
		}
		if u, ok := unitOf(t.Norm); ok {
			current += float64(u)
			seen = true
			n++
			continue
		}
		if s, ok := scaleOf(t.Norm); ok && t.Norm != "k" && t.Norm != "mn" && t.Norm != "bn" && t.Norm != "tn" && t.Norm != "mln" && t.Norm != "bln" {
			if current == 0 {
				current = 1
			}
			if s == 100 {
				current *= 100
			} else {
				total += current * s
				current = 0
			}
			seen = true
			n++
			continue
		}
		if (t.Norm == "a" || t.Norm == "and") && n+1 < len(toks) && !toks[n+1].Break {
			if _, ok := scaleOf(toks[n+1].Norm); ok && (t.Norm == "a" && n == 0 || t.Norm == "and" && seen) {
				n++
				continue
			}
			if _, ok := unitOf(toks[n+1].Norm); ok && t.Norm == "and" && seen {
				n++
				continue
			}
		}
		break
	}
	if !seen {
		return 0, 0, false
	}
	if n == 1 && toks[0].Norm == "one" {
		return 0, 0, false
	}
	return total + current, n, true
}

// numWordLens[a][b] has bit n set when a number word (units, scales) of n
// bytes starts with the letters a, b (b = 26: a one-letter word). It spares
// the two map lookups per word that most words would fail.
var numWordLens = func() (t [26][27]uint16) {
	add := func(w string) {
		b := 26
		if len(w) > 1 {
			b = int(w[1] - 'a')
		}
		t[w[0]-'a'][b] |= 1 << len(w)
	}
	for w := range units {
		add(w)
	}
	for w := range scales {
		add(w)
	}
	return t
}()

// numWordCandidate reports whether w may be a key of units or scales.
func numWordCandidate[S string | []byte](w S) bool {
	n := len(w)
	if n == 0 || n > 15 || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	b := 26
	if n > 1 {
		if w[1] < 'a' || w[1] > 'z' {
			return false
		}
		b = int(w[1] - 'a')
	}
	return numWordLens[w[0]-'a'][b]&(1<<n) != 0
}

func unitOf(w string) (int64, bool) {
	if !numWordCandidate(w) {
		return 0, false
	}
	v, ok := units[w]
	return v, ok
}

func scaleOf(w string) (float64, bool) {
	if !numWordCandidate(w) {
		return 0, false
	}
	v, ok := scales[w]
	return v, ok
}

// joinPrefixes are the prefixes written both hyphenated and closed up.
var joinPrefixes = map[string]bool{
	"cease": true, "peace": true, "non": true, "re": true, "counter": true,
	"co": true, "de": true, "anti": true, "post": true, "pre": true,
	"semi": true, "multi": true, "inter": true, "trans": true, "sub": true,
}

// joinsHyphen reports whether a hyphen after left and before next joins
// one word: a single letter before digits (G-8), or a known prefix.
func joinsHyphen(left string, next byte) bool {
	if len(left) == 1 && isDigit(next) && (left[0] >= 'a' && left[0] <= 'z' || left[0] >= 'A' && left[0] <= 'Z') {
		return true
	}
	if len(left) > 7 || !(next >= 'a' && next <= 'z' || next >= 'A' && next <= 'Z') {
		return false
	}
	var buf [8]byte
	for k := 0; k < len(left); k++ {
		c := left[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[k] = c
	}
	return joinPrefixes[string(buf[:len(left)])]
}

func hasHyphen(b []byte) bool {
	for _, c := range b {
		if c == '-' {
			return true
		}
	}
	return false
}

func dropHyphens(b []byte) []byte {
	out := b[:0]
	for _, c := range b {
		if c != '-' {
			out = append(out, c)
		}
	}
	return out
}
