package match

import "github.com/plancheck/plancheck/internal/document"

// prefilter decides, from one cheap pass over an article's words, that the
// article cannot be in plan context, so that scoring can skip sentence
// segmentation and matching. It is derived from the catalog's context
// rules, so a user catalog gets its own.
type prefilter struct {
	words *document.WordSet
	// rules are the positive context rules: groups of terms, each term
	// the indices in words of its norms.
	rules []preRule
	// always is set when the context threshold is reached without any
	// rule firing.
	always    bool
	threshold float64
}

type preRule struct {
	groups [][][]int
	// max is what the rule can add to the context score: decideContext
	// counts a rule at most twice.
	max float64
}

func (m *Matcher) compilePrefilter(an *document.Analyzer) {
	p := &m.pre
	p.threshold = m.Catalog.Context.Threshold
	if m.Catalog.Context.Points > 0 {
		// Stated points can carry an article from half the threshold.
		p.threshold /= 2
	}
	// A margin wider than decideContext's: float sums in another order.
	p.threshold -= 1e-6
	p.always = p.threshold <= 0
	var norms []string
	for _, ri := range m.ctxRules {
		for _, g := range m.rules[ri].groups {
			for _, id := range g {
				norms = append(norms, checked(m.terms[id].norms)...)
			}
		}
	}
	p.words = an.NewWordSet(norms)
	for _, ri := range m.ctxRules {
		r := &m.rules[ri]
		pr := preRule{max: 2 * r.weight}
		for _, g := range r.groups {
			var terms [][]int
			for _, id := range g {
				var ks []int
				for _, n := range checked(m.terms[id].norms) {
					ks = append(ks, p.words.Index(n))
				}
				terms = append(terms, ks)
			}
			pr.groups = append(pr.groups, terms)
		}
		p.rules = append(p.rules, pr)
	}
}

// checked returns the words of a term that the pre-filter looks for: all
// but the commonest English words ("cap on the army" -> cap, armi), which
// would let almost every word through the pre-filter's gate and tell
// nothing. A term made of common words only is checked whole. Checking
// some of a term's words is sound: a term occurs only where all its words
// do.
func checked(norms []string) []string {
	var out []string
	for _, n := range norms {
		if !commonWords[n] {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return norms
	}
	return out
}

// commonWords are frequent English function words, as norms.
var commonWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true,
	"on": true, "for": true, "and": true, "or": true, "by": true, "with": true,
	"at": true, "from": true, "as": true, "is": true, "be": true, "it": true,
	"its": true, "this": true, "that": true, "not": true, "no": true,
	"all": true, "would": true, "will": true, "was": true, "are": true,
	"has": true, "have": true, "he": true, "she": true, "they": true,
	"we": true, "but": true, "if": true, "into": true, "back": true,
	"like": true, "over": true, "up": true, "out": true, "can": true,
	"new": true, "more": true, "than": true, "after": true, "also": true,
}

// MayBeInContext reports whether text may be in plan context. When it
// returns false, Match on the analyzed text would decide "not in plan
// context": no set of the context rules that can fire reaches the context
// threshold. A rule can fire only in a sentence holding a term of each of
// its groups, so only in a paragraph holding, for each group, all the
// uncommon words of one of its terms; "not" terms, anchors and the
// other-deal rules are ignored, which can only keep an article. The check
// tokenizes paragraphs without sentence segmentation and normalizes only
// words that may be rule words. an is the caller's analyzer (not safe for
// concurrent use); the Matcher stays read-only.
func (m *Matcher) MayBeInContext(an *document.Analyzer, text string) bool {
	p := &m.pre
	if p.always {
		return true
	}
	// First a raw pass over the words' first bytes, paragraph by
	// paragraph: most articles that are not about the plan stop here.
	var can [64]bool
	fired := can[:0]
	if len(p.rules) <= len(can) {
		fired = can[:len(p.rules)]
	} else {
		fired = make([]bool, len(p.rules))
	}
	// The paragraphs where some rule may fire are the only ones the
	// second pass reads.
	var paras []int
	score := 0.0
	an.Possible(text, p.words, func(pi int, possible []bool) bool {
		hit := false
		for i := range p.rules {
			if p.rules[i].canFire(possible) {
				hit = true
				if !fired[i] {
					fired[i] = true
					score += p.rules[i].max
				}
			}
		}
		if hit {
			paras = append(paras, pi)
		}
		return false
	})
	if score < p.threshold {
		return false
	}
	// Then those paragraphs with the real tokenizer.
	clear(fired)
	score = 0
	ok := false
	next := 0
	keep := func(pi int) bool {
		for next < len(paras) && paras[next] < pi {
			next++
		}
		return next < len(paras) && paras[next] == pi
	}
	an.Present(text, p.words, keep, func(found []bool) bool {
		for i := range p.rules {
			if !fired[i] && p.rules[i].canFire(found) {
				fired[i] = true
				score += p.rules[i].max
			}
		}
		ok = score >= p.threshold
		return ok
	})
	return ok
}

func (r *preRule) canFire(found []bool) bool {
	for _, g := range r.groups {
		ok := false
		for _, term := range g {
			all := true
			for _, k := range term {
				if !found[k] {
					all = false
					break
				}
			}
			if all {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
