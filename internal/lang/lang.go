// Package lang tells English text from text in another language, cheaply
// and without models: the share of letters in each script (Cyrillic, Greek,
// Arabic, Hebrew, CJK...) and, for Latin script, the share of words that are
// common function words of English and of a handful of major European
// languages. plancheck's rules match English words, so a text in another
// language would silently score zero points; the scorer says so instead.
package lang

import (
	"unicode"
	"unicode/utf8"
)

// SampleBytes is how much of a text Detect reads.
const SampleBytes = 4096

// minWords and minLetters are the least evidence Detect decides on.
const (
	minWords   = 20
	minLetters = 60
)

// Language is a detected language.
type Language struct {
	// Code is an ISO 639-1 code ("en", "de", "ru"), a script name for a
	// script whose language Detect does not tell apart ("cyrillic"), or
	// "unknown".
	Code string
	// Name is the language's English name ("German"), for messages.
	Name string
}

// Unknown is the result when the text is too short, or in Latin script
// but in none of the languages Detect knows.
var Unknown = Language{Code: "unknown", Name: "an unknown language"}

// English is the result for English text.
var English = Language{Code: "en", Name: "English"}

// IsEnglish reports whether l is English.
func (l Language) IsEnglish() bool { return l.Code == "en" }

// IsOther reports whether Detect was sure the text is not English.
func (l Language) IsOther() bool { return l.Code != "en" && l.Code != "unknown" }

// Detect guesses the language of text from its first SampleBytes bytes.
func Detect(text string) Language {
	if len(text) > SampleBytes {
		cut := SampleBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	var s scriptCounts
	var counts [numLangs]int
	words := 0
	var word [32]byte
	wl := 0
	tooLong := false
	early := false
	flush := func() {
		if wl > 0 && !tooLong {
			words++
			if words == earlyWords {
				// Checked once, below, after this word is counted.
				early = true
			}
			if !mayBeStopword(word[:wl]) {
				// No stop word starts so and is this long: spare the
				// map lookup (most words).
			} else if mask, ok := stopwords[string(word[:wl])]; ok {
				for i := range numLangs {
					if mask&(1<<i) != 0 {
						counts[i]++
					}
				}
			}
		}
		wl, tooLong = 0, false
	}
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			// ASCII fast path: what the general path below does for it.
			i++
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				s.total++
				s.latin++
				if wl+1 > len(word) {
					tooLong = true
					continue
				}
				word[wl] = c | 0x20
				wl++
				continue
			}
			flush()
			if early {
				early = false
				if clearlyEnglish(&s, &counts, words) {
					return English
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !unicode.IsLetter(r) {
			flush() // apostrophes split too: l'accord, it's
			continue
		}
		s.add(r)
		r = unicode.ToLower(r)
		if wl+utf8.RuneLen(r) > len(word) {
			tooLong = true
			continue
		}
		wl += utf8.EncodeRune(word[wl:], r)
	}
	flush()

	if l, ok := s.decide(); ok {
		return l
	}
	if words < minWords {
		return Unknown
	}
	best := -1
	for i := range numLangs {
		if best < 0 || counts[i] > counts[best] {
			best = i
		}
	}
	ratio := func(i int) float64 { return float64(counts[i]) / float64(words) }
	switch {
	case best == en && ratio(en) >= 0.08:
		return English
	case best != en && ratio(best) >= 0.12 && counts[best] > counts[en]*2:
		return languages[best]
	case ratio(en) >= 0.15:
		return English
	}
	return Unknown
}

// earlyWords is when Detect first looks at what it has counted: most
// articles are plainly English by then, and reading on to SampleBytes
// (most of a news article) would not change the answer.
const earlyWords = 120

// clearlyEnglish reports whether the first words counted are English beyond
// doubt: in Latin script, and with English stop words making up a fifth of
// them and more than twice those of any other language (the final test
// asks for less).
func clearlyEnglish(s *scriptCounts, counts *[numLangs]int, words int) bool {
	if s.total < minLetters || s.latin*10 < s.total*9 || counts[en]*5 < words {
		return false
	}
	for i := range numLangs {
		if i != en && counts[i]*2 >= counts[en] {
			return false
		}
	}
	return true
}

// scriptCounts counts letters by script.
type scriptCounts struct {
	total, latin, cyrillic, greek, arabic, hebrew, han, kana, hangul, other int
	// Letters only Ukrainian (і ї є ґ) or only Russian (ы э ъ ё) uses.
	ukrainian, russian int
}

func (s *scriptCounts) add(r rune) {
	s.total++
	switch {
	case r < 0x250:
		s.latin++
	case unicode.Is(unicode.Cyrillic, r):
		s.cyrillic++
		switch unicode.ToLower(r) {
		case 'і', 'ї', 'є', 'ґ':
			s.ukrainian++
		case 'ы', 'э', 'ъ', 'ё':
			s.russian++
		}
	case unicode.Is(unicode.Greek, r):
		s.greek++
	case unicode.Is(unicode.Arabic, r):
		s.arabic++
	case unicode.Is(unicode.Hebrew, r):
		s.hebrew++
	case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		s.kana++
	case unicode.Is(unicode.Han, r):
		s.han++
	case unicode.Is(unicode.Hangul, r):
		s.hangul++
	case unicode.Is(unicode.Latin, r):
		s.latin++
	default:
		s.other++
	}
}

// decide names the language of a text mostly in a non-Latin script.
func (s *scriptCounts) decide() (Language, bool) {
	if s.total < minLetters || s.latin*2 >= s.total {
		return Language{}, false
	}
	cjk := s.han + s.kana
	switch max(s.cyrillic, s.greek, s.arabic, s.hebrew, cjk, s.hangul, s.other) {
	case s.cyrillic:
		switch {
		case s.ukrainian > s.russian:
			return Language{"uk", "Ukrainian"}, true
		case s.russian > 0:
			return Language{"ru", "Russian"}, true
		}
		return Language{"cyrillic", "a Cyrillic-script language"}, true
	case s.greek:
		return Language{"el", "Greek"}, true
	case s.arabic:
		return Language{"ar", "Arabic"}, true
	case s.hebrew:
		return Language{"he", "Hebrew"}, true
	case cjk:
		if s.kana > 0 {
			return Language{"ja", "Japanese"}, true
		}
		return Language{"zh", "Chinese"}, true
	case s.hangul:
		return Language{"ko", "Korean"}, true
	}
	return Language{"other", "a non-Latin script"}, true
}

// The Latin-script languages Detect knows, by index.
const (
	en = iota
	de
	fr
	es
	it
	pt
	nl
	pl
	numLangs
)

var languages = [numLangs]Language{
	English,
	{"de", "German"},
	{"fr", "French"},
	{"es", "Spanish"},
	{"it", "Italian"},
	{"pt", "Portuguese"},
	{"nl", "Dutch"},
	{"pl", "Polish"},
}

// Each language's most frequent function words; a word in several lists
// counts for each.
var lists = [numLangs]string{
	en: "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were their has would been will its who there we more also said than them these into she her had after about could should",
	de: "der die das und ist nicht ein eine einen zu den dem mit sich des auf für im von dass auch es sie wird werden bei nach aus wie oder um noch über einer hat sind wurde nur aber vor zur zum kann soll durch ich wir",
	fr: "le la les des et est une un du que qui dans pour pas au sur par ne se plus avec il elle ce cette sont aux ont été être mais ou son sa ses leur nous vous comme l d qu",
	es: "el la los las de que y en un una es por con no para se del al lo como más pero sus su le ya fue este ha si porque esta son entre está cuando muy sin sobre también",
	it: "il di che e la un una per non sono della del nel alla con si da gli le lo ma come anche più questo questa essere è stato dei delle al sul nella ha hanno",
	pt: "o a os as de que e do da em um uma para com não por mais dos das no na se ao como mas foi ele ela seu sua são está também pelo pela já ou quando muito nos",
	nl: "de het een en van is dat niet op te zijn met voor die er aan ook als maar bij om door naar uit worden wordt dan nog over zo werd kan hij ze wij heeft hebben",
	pl: "i w z na nie się do to że jest o jak po co ale od za tak przez dla czy już jego jej ich był była są może oraz ten ta także który która które",
}

// stopwords maps a function word to the set (bit i: language i) of lists
// it is in.
// stopwordLens[a][b] has bit n set when a stop word of n bytes starts with
// the ASCII letters 'a'+a, 'a'+b (b = 26: a one-letter word).
var stopwordLens = func() (t [26][27]uint32) {
	for w := range stopwords {
		if !asciiLower(w[0]) || len(w) >= 32 {
			continue
		}
		b := 26
		if len(w) > 1 {
			if !asciiLower(w[1]) {
				continue // checked in the map
			}
			b = int(w[1] - 'a')
		}
		t[w[0]-'a'][b] |= 1 << len(w)
	}
	return t
}()

func asciiLower(c byte) bool { return c >= 'a' && c <= 'z' }

// mayBeStopword reports whether w (lower case) can be a stop word: words
// starting with two ASCII letters are looked up in stopwordLens first.
func mayBeStopword(w []byte) bool {
	if len(w) >= 32 || !asciiLower(w[0]) {
		return true
	}
	b := 26
	if len(w) > 1 {
		if !asciiLower(w[1]) {
			return true
		}
		b = int(w[1] - 'a')
	}
	return stopwordLens[w[0]-'a'][b]&(1<<len(w)) != 0
}

var stopwords = func() map[string]uint16 {
	m := map[string]uint16{}
	for i, list := range lists {
		start := -1
		for j := 0; j <= len(list); j++ {
			if j == len(list) || list[j] == ' ' {
				if start >= 0 {
					m[list[start:j]] |= 1 << i
				}
				start = -1
			} else if start < 0 {
				start = j
			}
		}
	}
	return m
}()
