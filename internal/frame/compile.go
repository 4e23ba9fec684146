package frame

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
)

// kind is what a compiled phrase does.
type kind uint8

const (
	kCritical kind = iota
	kSupportive
	kDemand
	kGain
	kNegator
	kIgnore
	kContrastAfter
	kContrastMain
	kIntensifier
	kHedge
	kItemNoun
	kCoordinator
	kAnaphor
	kActor
	kReporting
	kDeterminer
	kRebuttal
	kCriticSrc
	kBackerSrc
	kOpinionLabel
	kOpinionByline
	kQuestion
	kConcession
)

func (k kind) cue() bool { return k <= kGain }

// evaluative kinds share one role per form, and a phrase stands for at
// most one of them.
func (k kind) evaluative() bool { return k.cue() || k == kNegator || k == kIntensifier }

// entry is a compiled phrase.
type entry struct {
	kind   kind
	text   string
	weight float64 // cue weight or intensifier factor
	// surface holds the lower-case words for exact phrases.
	surface []string
	near    [][]string
	within  int
	after   int    // reporting: tokens behind it where the source may stand
	group   string // actors
	alone   bool   // rebuttal: only as a clause of its own
	opinion bool   // a cue that counts only in opinion pieces
}

type node struct {
	next    map[string]*node
	entries []int32
}

// Framer frames mentions (score.Framer). It is built once from a Lexicon
// and its compiled lexicon is read-only afterwards: workers share it. It
// keeps, under a lock, the phrases found in the last few documents it
// framed.
type Framer struct {
	set     Settings
	gap     map[string]bool
	root    *node
	entries []entry

	mu     sync.Mutex
	recent []*docHits
}

// New compiles lex: every phrase is normalized with an (the same
// normalization documents get) into one token trie. Errors name the
// lexicon file and the phrase's position.
func New(lex *Lexicon, an *document.Analyzer) (*Framer, error) {
	if lex == nil || lex.Cues == nil || lex.Actors == nil {
		return nil, fmt.Errorf("frame: lexicon needs both cues and actors")
	}
	f := &Framer{set: lex.Cues.Settings, root: &node{}, gap: map[string]bool{}}
	var errs catalog.Errors
	type first struct {
		text, list, group string
		line              int
	}
	seen := map[string]first{}
	add := func(file, list string, ph Phrase, k kind, group string) {
		toks := an.Tokens(ph.Text)
		if len(toks) == 0 {
			errs = append(errs, &catalog.Error{File: file, Line: ph.Pos.Line, Col: ph.Pos.Col,
				Msg: fmt.Sprintf("phrase %q has no words to match", ph.Text)})
			return
		}
		e := entry{kind: k, text: ph.Text, weight: ph.Weight, within: ph.Within, after: ph.After, group: group, alone: ph.Alone, opinion: ph.Opinion}
		norms := make([]string, len(toks))
		for i, t := range toks {
			norms[i] = t.Norm
			if i > 0 && t.Break {
				errs = append(errs, &catalog.Error{File: file, Line: ph.Pos.Line, Col: ph.Pos.Col,
					Msg: fmt.Sprintf("phrase %q has punctuation inside: phrases never match across it", ph.Text)})
				return
			}
		}
		if ph.Exact {
			e.surface = make([]string, len(toks))
			for i, t := range toks {
				e.surface[i] = lowerWord(ph.Text[t.Start:t.End])
			}
		}
		for _, w := range ph.Near {
			nt := an.Terms(w)
			if len(nt) == 0 {
				errs = append(errs, &catalog.Error{File: file, Line: ph.Pos.Line, Col: ph.Pos.Col,
					Msg: fmt.Sprintf("near word %q has no words to match", w)})
				continue
			}
			e.near = append(e.near, nt)
		}
		// One form, one role: a cue, negator or intensifier may not share
		// its normalized form with another kind of them.
		class := list
		if k.evaluative() {
			class = "evaluative"
		}
		key := class + "\x00" + strings.Join(norms, " ") + "\x00" + strings.Join(e.surface, " ") + "\x00" + fmt.Sprint(e.near)
		if prev, dup := seen[key]; dup {
			// Spelling variants in one list ("non-starter", "nonstarter")
			// merge, the first one kept: the tokenizer may join or split
			// them as it evolves. One form in two evaluative roles
			// (critical and supportive, a cue and an intensifier), or an
			// alias of two groups, is an error.
			if class == "evaluative" && prev.list != list || class == "aliases" && prev.group != group {
				errs = append(errs, &catalog.Error{File: file, Line: ph.Pos.Line, Col: ph.Pos.Col,
					Msg: fmt.Sprintf("%s %q matches the same words as %q (%s, line %d): remove one, or mark one exact: true", list, ph.Text, prev.text, prev.list, prev.line)})
			}
			return
		}
		seen[key] = first{ph.Text, list, group, ph.Pos.Line}
		id := int32(len(f.entries))
		f.entries = append(f.entries, e)
		n := f.root
		for _, w := range norms {
			if n.next == nil {
				n.next = map[string]*node{}
			}
			c := n.next[w]
			if c == nil {
				c = &node{}
				n.next[w] = c
			}
			n = c
		}
		n.entries = append(n.entries, id)
	}
	c := lex.Cues
	for _, l := range []struct {
		name string
		list []Phrase
		kind kind
	}{
		{"critical", c.Critical, kCritical}, {"supportive", c.Supportive, kSupportive},
		{"demands", c.Demands, kDemand}, {"gains", c.Gains, kGain},
		{"negators", c.Negators, kNegator}, {"ignore", c.Ignore, kIgnore},
		{"intensifiers", c.Intensifiers, kIntensifier}, {"hedges", c.Hedges, kHedge},
		{"item_nouns", c.ItemNouns, kItemNoun}, {"coordinators", c.Coordinators, kCoordinator},
		{"anaphors", c.Anaphors, kAnaphor}, {"determiners", c.Determiners, kDeterminer},
		{"rebuttal.markers", c.Rebuttals, kRebuttal}, {"rebuttal.critics", c.Critics, kCriticSrc},
		{"rebuttal.backers", c.Backers, kBackerSrc},
		{"genre.opinion_labels", c.OpinionLabels, kOpinionLabel}, {"genre.opinion_bylines", c.OpinionBylines, kOpinionByline},
		{"rhetoric.questions", c.Questions, kQuestion}, {"rhetoric.concessions", c.Concessions, kConcession},
	} {
		for _, ph := range l.list {
			add(c.Source, l.name, ph, l.kind, "")
		}
	}
	for _, ph := range c.Contrast {
		k := kContrastAfter
		if ph.Keep == "main" {
			k = kContrastMain
		}
		add(c.Source, "contrast", ph, k, "")
	}
	for _, ph := range lex.Actors.Reporting {
		add(lex.Actors.Source, "reporting", ph, kReporting, "")
	}
	for _, a := range lex.Actors.Actors {
		for _, ph := range a.Aliases {
			add(lex.Actors.Source, "aliases", ph, kActor, a.Group)
		}
	}
	for _, w := range c.Settings.NegationGap {
		f.gap[strings.Join(an.Terms(w), " ")] = true
	}
	if len(errs) > 0 {
		return nil, errs
	}
	f.orderEntries(f.root)
	return f, nil
}

// orderEntries puts, at every trie node, the entries with near
// conditions before the plain ones: a cue in its telling context ("left
// vulnerable") is tried before the same words alone ("vulnerable").
func (f *Framer) orderEntries(n *node) {
	sort.SliceStable(n.entries, func(i, j int) bool {
		return f.entries[n.entries[i]].near != nil && f.entries[n.entries[j]].near == nil
	})
	for _, c := range n.next {
		f.orderEntries(c)
	}
}

// Embedded returns a Framer for the built-in lexicon and actors.
func Embedded() (*Framer, error) {
	lex, err := LoadEmbedded()
	if err != nil {
		return nil, err
	}
	return New(lex, document.NewAnalyzer())
}

// lowerWord lower-cases a word and folds curly apostrophes, as the
// tokenizer does.
func lowerWord(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "\u2019", "'")
}

// hit is one phrase found in a sentence: tokens [start, end).
type hit struct {
	e          int32
	start, end int
}

// scan finds the phrases of sentence si, leftmost-longest: at each token
// the longest phrase that matches (exact and near conditions included)
// wins and the scan resumes after it. A phrase may stand for several
// entries (a cue that is also a reporting word).
func (f *Framer) scan(doc *document.Document, si int, out []hit) []hit {
	s := doc.Sentences[si]
	toks := doc.Tokens
	type cand struct {
		n   *node
		end int
	}
	var cands [8]cand
	for i := s.TokStart; i < s.TokEnd; {
		nc := 0
		n := f.root.next[toks[i].Norm]
		j := i + 1
		for n != nil {
			if len(n.entries) > 0 && nc < len(cands) {
				cands[nc] = cand{n, j}
				nc++
			}
			if j >= s.TokEnd || toks[j].Break || n.next == nil {
				break
			}
			n = n.next[toks[j].Norm]
			j++
		}
		matched := false
		for k := nc - 1; k >= 0 && !matched; k-- {
			c := cands[k]
			evaluated := false
			for _, id := range c.n.entries {
				if ev := f.entries[id].kind.evaluative(); ev && evaluated {
					continue
				}
				if f.accept(doc, si, id, i, c.end) {
					out = append(out, hit{e: id, start: i, end: c.end})
					matched = true
					evaluated = evaluated || f.entries[id].kind.evaluative()
				}
			}
			if matched {
				i = c.end
			}
		}
		if !matched {
			i++
		}
	}
	return out
}

// accept checks an entry's exact and near conditions at tokens [i, end).
func (f *Framer) accept(doc *document.Document, si int, id int32, i, end int) bool {
	e := &f.entries[id]
	if e.alone && end < doc.Sentences[si].TokEnd && !doc.Tokens[end].Break {
		return false
	}
	if e.surface != nil {
		for k, w := range e.surface {
			t := doc.Tokens[i+k]
			if lowerWord(doc.Text[t.Start:t.End]) != w {
				return false
			}
		}
	}
	if e.near == nil {
		return true
	}
	s := doc.Sentences[si]
	lo, hi := max(s.TokStart, i-e.within), min(s.TokEnd, end+e.within)
	for _, nt := range e.near {
		for k := lo; k+len(nt) <= hi; k++ {
			if k >= i && k < end {
				continue
			}
			ok := true
			for m, w := range nt {
				if doc.Tokens[k+m].Norm != w {
					ok = false
					break
				}
			}
			if ok {
				return true
			}
		}
	}
	return false
}
