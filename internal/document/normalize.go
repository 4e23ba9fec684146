package document

import (
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/kljensen/snowball/english"
	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Normalizer turns a word into the form rules are matched on: lower case,
// no accents, American spelling, Snowball (Porter2) stem, so that
// "recognise", "recognized" and "recognition" meet. It caches results and is
// not safe for concurrent use: give each worker its own.
type Normalizer struct {
	cache map[string]string
}

// NewNormalizer returns an empty Normalizer.
func NewNormalizer() *Normalizer {
	return &Normalizer{cache: make(map[string]string, 4096)}
}

const maxCache = 1 << 16

// Word normalizes one lower-case word.
func (n *Normalizer) Word(w string) string {
	if s, ok := n.cache[w]; ok {
		return s
	}
	s := stemWord(w)
	if len(n.cache) < maxCache {
		n.cache[strings.Clone(w)] = s
	}
	return s
}

// derivations folds word families that a suffix-stripping stemmer leaves
// apart, and British spellings that differ by more than -ise/-ize.
var derivations = map[string]string{
	"recognition":  "recognize",
	"recognitions": "recognize",
	"reduction":    "reduce",
	"reductions":   "reduce",
	"cession":      "cede",
	"cessions":     "cede",
	"withdrawal":   "withdraw",
	"withdrawals":  "withdraw",
	"defence":      "defense",
	"offence":      "offense",
	"centre":       "center",
	"centres":      "center",
	"programme":    "program",
	"programmes":   "program",
	"labour":       "labor",
	"favour":       "favor",
	"honour":       "honor",
	"neighbour":    "neighbor",
	"neighbours":   "neighbor",
	"neighbouring": "neighbor",
	"licence":      "license",
	"judgement":    "judgment",
	"armour":       "armor",
	"armoured":     "armored",
	"endeavour":    "endeavor",
	"dialogue":     "dialog",
	"dialogues":    "dialog",
	"zelenskyy":    "zelensky",
	"zelenskiy":    "zelensky",
	"kiev":         "kyiv",
	"dnieper":      "dnipro",
	"zaporizhia":   "zaporizhzhia",
	"zaporozhye":   "zaporizhzhia",
	"zaporizhzhya": "zaporizhzhia",
	"lugansk":      "luhansk",
	"donbass":      "donbas",
}

// britishSuffixes maps -ise spellings to -ize before stemming.
var britishSuffixes = [][2]string{
	{"isations", "izations"}, {"isation", "ization"}, {"ising", "izing"},
	{"ised", "ized"}, {"ises", "izes"}, {"ise", "ize"},
}

// unstemmed words keep their form: stemming would make them equal to a
// different, more common word ("a planned summit" is not "the plan").
var unstemmed = map[string]bool{"planned": true, "planning": true}

func stemWord(w string) string {
	if !isASCII(w) {
		w = foldAccents(w)
	}
	if unstemmed[w] {
		return w
	}
	if d, ok := derivations[w]; ok {
		w = d
	}
	// -ise to -ize only after four letters or more, so that each word
	// family converts whole: recognise/recognised, promise/promised, but
	// neither praise nor praised.
	for _, s := range britishSuffixes {
		if strings.HasSuffix(w, s[0]) {
			if len(w)-len(s[0]) >= 4 {
				w = w[:len(w)-len(s[0])] + s[1]
			}
			break
		}
	}
	return english.Stem(w, false)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// accentFolders holds transform chains that remove accents. A chain keeps
// state between calls, so goroutines (the batch's workers) must not share
// one: go test -race caught them doing so through a package variable.
var accentFolders = sync.Pool{New: func() any {
	return transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
}}

func foldAccents(s string) string {
	t := accentFolders.Get().(transform.Transformer)
	defer accentFolders.Put(t)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// Number words and scales, for "six hundred thousand", "twenty-eight" and
// "600 thousand".
var units = map[string]int64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90,
}

var scales = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6,
	"billion": 1e9, "bn": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12,
	"k": 1e3,
}

// numberSuffixes are scale suffixes written onto digits: 600k, $100bn.
var numberSuffixes = map[string]float64{
	"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "bln": 1e9,
	"tn": 1e12,
}

// parseDigits parses "600,000", "1.3", "600000" into a value. It reports
// false for strings that are not a plain number.
func parseDigits(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	if strings.IndexByte(s, ',') >= 0 {
		// Thousands separators: groups of three after the first.
		parts := strings.Split(s, ",")
		for i, p := range parts {
			if i > 0 && len(p) != 3 && !(i == len(parts)-1 && len(p) > 3 && strings.IndexByte(p, '.') == 3) {
				return 0, false
			}
		}
		s = strings.ReplaceAll(s, ",", "")
	}
	// 600.000: a European thousands separator (a dot before exactly
	// three digits, after at least two), not a decimal.
	if d := strings.IndexByte(s, '.'); d >= 2 && d <= 3 && len(s) == d+4 && strings.IndexByte(s[d+1:], '.') < 0 {
		s = s[:d] + s[d+1:]
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false
	}
	return v, true
}

// FormatNumber writes a number the way normalized tokens hold it: a whole
// number without separators, or a short decimal.
func FormatNumber(v float64) string {
	if v == float64(int64(v)) && v < 1e18 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}
