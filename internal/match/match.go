// Package match compiles a catalog's rules once into a token trie and runs
// it over documents: which clauses fire, in which sentences, on which
// tokens, and whether the article is about the plan at all.
package match

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
)

// Matcher is a catalog compiled for matching. It is read-only once built
// and safe to share between goroutines.
type Matcher struct {
	Catalog *catalog.Catalog
	root    *node
	terms   []term
	// rules: clause rules, then context rules, then context "against"
	// rules; each knows its owner.
	rules      []rule
	byClause   [][]int // clause index -> rule indices
	ctxRules   []int
	ctxAgainst []int
	planTerms  []int // term ids
	ignore     []int // term ids
	// termRules maps a term id to the rules that use it positively.
	termRules [][]int
	// pre is the pre-filter compiled from the context rules.
	pre prefilter
	// Per term id: the (rule, group) pairs it belongs to, the rules it
	// stops ("not"), and whether it is a plan term or an ignore term; so
	// that Match tests membership without scanning the rules' term lists.
	termGroups [][]ruleGroup
	termNot    [][]int
	isPlan     []bool
	isIgnore   []bool
}

type ruleGroup struct{ rule, group int }

type node struct {
	next  map[string]*node
	terms []int // ids of terms ending here
}

type term struct {
	text  string   // as written in the catalog
	norms []string // normalized tokens
}

type rule struct {
	src    *catalog.Rule
	owner  int // clause index, or -1 context, -2 against
	index  int // index of the rule within its owner
	groups [][]int
	not    []int
	within int
	weight float64
	anchor bool
}

// Compile builds a Matcher. Errors name the catalog file and the rule's
// position.
func Compile(cat *catalog.Catalog, an *document.Analyzer) (*Matcher, error) {
	m := &Matcher{Catalog: cat, root: &node{}}
	ids := map[string]int{}
	var errs catalog.Errors
	addTerm := func(text string, pos catalog.Pos, what string) int {
		norms := an.Terms(text)
		if len(norms) == 0 {
			errs = append(errs, &catalog.Error{File: cat.Source, Line: pos.Line, Col: pos.Col,
				Msg: fmt.Sprintf("%s term %q has no words to match", what, text)})
			return -1
		}
		key := strings.Join(norms, " ")
		if id, ok := ids[key]; ok {
			return id
		}
		id := len(m.terms)
		ids[key] = id
		m.terms = append(m.terms, term{text: text, norms: norms})
		m.termRules = append(m.termRules, nil)
		n := m.root
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
		n.terms = append(n.terms, id)
		return id
	}
	addRule := func(r *catalog.Rule, owner, index int) int {
		cr := rule{src: r, owner: owner, index: index, within: r.Within, weight: r.Weight, anchor: r.Anchor == "plan"}
		groups := r.All
		if r.Any != nil {
			groups = [][]string{r.Any}
		}
		for _, g := range groups {
			var ids []int
			for _, t := range g {
				if id := addTerm(t, r.Pos, "rule"); id >= 0 {
					ids = append(ids, id)
				}
			}
			cr.groups = append(cr.groups, ids)
		}
		for _, t := range r.Not {
			if id := addTerm(t, r.Pos, "not"); id >= 0 {
				cr.not = append(cr.not, id)
			}
		}
		ri := len(m.rules)
		m.rules = append(m.rules, cr)
		for _, g := range cr.groups {
			for _, id := range g {
				m.termRules[id] = appendUnique(m.termRules[id], ri)
			}
		}
		return ri
	}
	m.byClause = make([][]int, len(cat.Clauses))
	for ci := range cat.Clauses {
		cl := &cat.Clauses[ci]
		for ri := range cl.Rules {
			m.byClause[ci] = append(m.byClause[ci], addRule(&cl.Rules[ri], ci, ri))
		}
	}
	for ri := range cat.Context.Rules {
		m.ctxRules = append(m.ctxRules, addRule(&cat.Context.Rules[ri], -1, ri))
	}
	for ri := range cat.Context.Against {
		m.ctxAgainst = append(m.ctxAgainst, addRule(&cat.Context.Against[ri], -2, ri))
	}
	for _, t := range cat.PlanTerms {
		if id := addTerm(t, catalog.Pos{}, "plan_terms"); id >= 0 {
			m.planTerms = append(m.planTerms, id)
		}
	}
	for _, t := range cat.Ignore {
		if id := addTerm(t, catalog.Pos{}, "ignore"); id >= 0 {
			m.ignore = append(m.ignore, id)
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	m.indexTerms()
	m.compilePrefilter(an)
	return m, nil
}

// indexTerms fills the per-term membership tables.
func (m *Matcher) indexTerms() {
	n := len(m.terms)
	m.termGroups = make([][]ruleGroup, n)
	m.termNot = make([][]int, n)
	m.isPlan = make([]bool, n)
	m.isIgnore = make([]bool, n)
	for ri, r := range m.rules {
		for gi, g := range r.groups {
			for _, id := range g {
				rg := ruleGroup{ri, gi}
				if !slices.Contains(m.termGroups[id], rg) {
					m.termGroups[id] = append(m.termGroups[id], rg)
				}
			}
		}
		for _, id := range r.not {
			m.termNot[id] = appendUnique(m.termNot[id], ri)
		}
	}
	for _, id := range m.planTerms {
		m.isPlan[id] = true
	}
	for _, id := range m.ignore {
		m.isIgnore[id] = true
	}
}

func appendUnique(s []int, v int) []int {
	for _, x := range s {
		if x == v {
			return s
		}
	}
	return append(s, v)
}

// Span is a range of document tokens [Start, End) that a term matched.
type Span struct {
	Term       int
	Start, End int
}

// Firing is one rule firing in one sentence.
type Firing struct {
	Rule     int // index of the rule in its owner (clause or context)
	Sentence int
	Spans    []Span
	Weight   float64
}

// ClauseResult is what the rules of one clause found.
type ClauseResult struct {
	Index     int // clause index in the catalog
	Clause    *catalog.Clause
	Score     float64
	Mentioned bool
	Firings   []Firing
	// Sentences are the sentences with a firing, in order.
	Sentences []int
}

// ContextResult is the plan-context decision.
type ContextResult struct {
	InContext bool
	Score     float64
	Firings   []Firing // positive context rules
	Against   []Firing // other-deal rules
	Reasons   []string
}

// Result is everything a document matched.
type Result struct {
	Context ContextResult
	// Clauses holds the clauses with at least one firing, in catalog order.
	Clauses []ClauseResult
	// Ignored are sentences that cannot be evidence (catalog ignore terms).
	Ignored map[int]bool
}

// Mentions returns the clauses whose score reaches the threshold, or none
// when the article is not in plan context.
func (r *Result) Mentions() []ClauseResult {
	if !r.Context.InContext {
		return nil
	}
	var out []ClauseResult
	for _, c := range r.Clauses {
		if c.Mentioned {
			out = append(out, c)
		}
	}
	return out
}

// sentHits holds the term occurrences of one sentence.
type sentHits struct {
	spans []Span
}

// Match runs the compiled rules over doc.
func (m *Matcher) Match(doc *document.Document) *Result {
	res := &Result{}
	hits := make([]sentHits, len(doc.Sentences))
	planSent := make([]bool, len(doc.Sentences))
	for si := range doc.Sentences {
		hits[si].spans = m.scan(doc, si, nil)
		for _, sp := range hits[si].spans {
			if m.isPlan[sp.Term] {
				planSent[si] = true
			}
			if m.isIgnore[sp.Term] {
				if res.Ignored == nil {
					res.Ignored = map[int]bool{}
				}
				res.Ignored[si] = true
			}
		}
	}
	byClause := map[int]*ClauseResult{}
	sc := &scratch{stamp: make([]int32, len(m.rules)), notMark: make([]int32, len(m.rules)),
		pos: make([]int32, len(m.rules)), end: make([]int32, len(m.rules))}
	for si := range doc.Sentences {
		if len(hits[si].spans) == 0 {
			continue
		}
		sc.mark = int32(si + 1)
		for _, sp := range hits[si].spans {
			for _, ri := range m.termNot[sp.Term] {
				sc.notMark[ri] = sc.mark
			}
		}
		for _, ri := range m.candidates(hits[si].spans, sc, sc.mark) {
			r := &m.rules[ri]
			f, ok := m.fire(r, ri, doc, si, sc.members[sc.pos[ri]:sc.end[ri]], planSent, sc)
			if !ok {
				continue
			}
			switch r.owner {
			case -1:
				res.Context.Firings = append(res.Context.Firings, f)
			case -2:
				res.Context.Against = append(res.Context.Against, f)
			default:
				if res.Ignored[si] {
					continue
				}
				cr := byClause[r.owner]
				if cr == nil {
					cr = &ClauseResult{Index: r.owner, Clause: &m.Catalog.Clauses[r.owner]}
					byClause[r.owner] = cr
				}
				cr.Firings = append(cr.Firings, f)
			}
		}
	}
	for ci := range m.Catalog.Clauses {
		cr := byClause[ci]
		if cr == nil {
			continue
		}
		miss := 1.0
		seen := map[int]bool{}
		for _, f := range cr.Firings {
			miss *= 1 - f.Weight
			if !seen[f.Sentence] {
				seen[f.Sentence] = true
				cr.Sentences = append(cr.Sentences, f.Sentence)
			}
		}
		sort.Ints(cr.Sentences)
		cr.Score = round3(1 - miss)
		cr.Mentioned = cr.Score >= m.Catalog.Threshold-1e-9
		res.Clauses = append(res.Clauses, *cr)
	}
	m.decideContext(doc, &res.Context, res.Clauses)
	return res
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// scan finds every term occurrence in sentence si. Phrases do not cross
// phrase-breaking punctuation.
func (m *Matcher) scan(doc *document.Document, si int, out []Span) []Span {
	s := doc.Sentences[si]
	toks := doc.Tokens
	for i := s.TokStart; i < s.TokEnd; i++ {
		n := m.root.next[toks[i].Norm]
		j := i + 1
		for n != nil {
			for _, id := range n.terms {
				out = append(out, Span{Term: id, Start: i, End: j})
			}
			if j >= s.TokEnd || toks[j].Break || n.next == nil {
				break
			}
			n = n.next[toks[j].Norm]
			j++
		}
	}
	return out
}

// candidates lists the rules that use any of the terms found, in rule
// order.
//
// It also buckets the spans by rule: sc.members[sc.pos[ri]:sc.end[ri]]
// are the spans in rule ri's groups, in span order (a counting sort over
// the spans' (rule, group) memberships).
func (m *Matcher) candidates(spans []Span, sc *scratch, mark int32) []int {
	out := sc.cands[:0]
	for _, sp := range spans {
		for _, rg := range m.termGroups[sp.Term] {
			if sc.stamp[rg.rule] != mark {
				sc.stamp[rg.rule] = mark
				sc.end[rg.rule] = 0
				out = append(out, rg.rule)
			}
			sc.end[rg.rule]++
		}
	}
	sort.Ints(out)
	n := int32(0)
	for _, ri := range out {
		c := sc.end[ri]
		sc.pos[ri] = n
		n += c
		sc.end[ri] = sc.pos[ri]
	}
	if cap(sc.members) < int(n) {
		sc.members = make([]member, n)
	}
	sc.members = sc.members[:n]
	for _, sp := range spans {
		for _, rg := range m.termGroups[sp.Term] {
			sc.members[sc.end[rg.rule]] = member{group: rg.group, span: sp}
			sc.end[rg.rule]++
		}
	}
	sc.cands = out
	return out
}

// member is a span of a sentence in a group of a rule.
type member struct {
	group int
	span  Span
}

// scratch is what one Match call reuses from sentence to sentence and rule
// to rule (the Matcher itself is shared and read-only).
type scratch struct {
	// stamp[ri] is the mark of the last sentence rule ri was listed for.
	stamp    []int32
	cands    []int
	perGroup [][]Span
	// notMark[ri] is mark when a span of the current sentence stops rule
	// ri ("not").
	notMark []int32
	mark    int32
	// members[pos[ri]:end[ri]] are the current sentence's spans in rule
	// ri's groups.
	members  []member
	pos, end []int32
}

// fire checks rule r (m.rules[ri]) in sentence si.
func (m *Matcher) fire(r *rule, ri int, doc *document.Document, si int, mems []member, planSent []bool, sc *scratch) (Firing, bool) {
	if sc.notMark[ri] == sc.mark {
		return Firing{}, false
	}
	if r.anchor && !anchored(doc, si, planSent) {
		return Firing{}, false
	}
	f := Firing{Rule: r.index, Sentence: si, Weight: r.weight}
	if len(r.groups) == 1 {
		f.Spans = append(f.Spans, mems[0].span)
		return f, true
	}
	// all: every group needs an occurrence; with a window, all within
	// r.within tokens of an occurrence of the first group.
	for len(sc.perGroup) < len(r.groups) {
		sc.perGroup = append(sc.perGroup, nil)
	}
	perGroup := sc.perGroup[:len(r.groups)]
	for i := range perGroup {
		perGroup[i] = perGroup[i][:0]
	}
	for _, mb := range mems {
		perGroup[mb.group] = append(perGroup[mb.group], mb.span)
	}
	for _, g := range perGroup {
		if len(g) == 0 {
			return Firing{}, false
		}
	}
	if r.within == 0 {
		for _, g := range perGroup {
			f.Spans = append(f.Spans, g[0])
		}
		return f, true
	}
	for _, a := range perGroup[0] {
		picked := []Span{a}
		ok := true
		for _, g := range perGroup[1:] {
			found := false
			for _, b := range g {
				if dist(a, b) <= r.within {
					picked = append(picked, b)
					found = true
					break
				}
			}
			if !found {
				ok = false
				break
			}
		}
		if ok {
			f.Spans = picked
			return f, true
		}
	}
	return Firing{}, false
}

// dist is the number of tokens between two spans (0 when they touch or
// overlap).
func dist(a, b Span) int {
	switch {
	case b.Start >= a.End:
		return b.Start - a.End
	case a.Start >= b.End:
		return a.Start - b.End
	}
	return 0
}

// anchored reports whether sentence si is tied to the plan: a plan term in
// it, in the sentence before, or in the header of its list.
func anchored(doc *document.Document, si int, planSent []bool) bool {
	if planSent[si] {
		return true
	}
	s := doc.Sentences[si]
	// The sentence before counts even across a paragraph break: wire copy
	// often gives each sentence its own paragraph.
	if si > 0 && planSent[si-1] {
		return true
	}
	if s.ListItem {
		// The list's introduction: its header, reached back through
		// section headings and earlier lists ("The plan has 28 points.
		// Security: - 1. ... Economy: - 11. ..."), up to two full
		// sentences back.
		full := 0
		for h := s.Header; h >= 0 && full < 2; h-- {
			if planSent[h] {
				return true
			}
			if hs := doc.Sentences[h]; !hs.ListItem && !hs.Heading {
				full++
			}
		}
	}
	return false
}

// decideContext sums the context rules' weights (each rule counted at most
// twice, so one repeated phrase cannot carry an article) minus the
// other-deal rules, and explains the decision.
func (m *Matcher) decideContext(doc *document.Document, c *ContextResult, clauses []ClauseResult) {
	count := map[int]int{}
	score := 0.0
	for _, f := range c.Firings {
		if count[f.Rule] < 2 {
			count[f.Rule]++
			score += f.Weight
		}
	}
	against := map[int]int{}
	for _, f := range c.Against {
		if against[f.Rule] < 2 {
			against[f.Rule]++
			score -= f.Weight
		}
	}
	c.Score = round3(score)
	c.InContext = score >= m.Catalog.Context.Threshold-1e-9
	if !c.InContext && m.Catalog.Context.Points > 0 && score >= m.Catalog.Context.Threshold/2-1e-9 {
		var full []string
		for _, cr := range clauses {
			if cr.Score >= 1-1e-9 {
				full = append(full, fmt.Sprint(cr.Clause.Point))
			}
		}
		if len(full) >= m.Catalog.Context.Points {
			c.InContext = true
			c.Reasons = append(c.Reasons, fmt.Sprintf("it states %d of the plan's points in full (%s) and refers to the plan (score %.2f, at least half of %.2f)",
				len(full), strings.Join(full, ", "), c.Score, m.Catalog.Context.Threshold))
		}
	}
	if c.InContext {
		for i, f := range c.Firings {
			if i == 3 {
				break
			}
			c.Reasons = append(c.Reasons, fmt.Sprintf("sentence %d ties the article to the plan: %s", f.Sentence+1, m.quote(doc, f)))
		}
		return
	}
	if len(c.Firings) == 0 {
		c.Reasons = append(c.Reasons, "no sentence refers to the plan")
	} else {
		c.Reasons = append(c.Reasons, fmt.Sprintf("too few references to the plan (score %.2f, needs %.2f)", c.Score, m.Catalog.Context.Threshold))
	}
	for i, f := range c.Against {
		if i == 2 {
			break
		}
		c.Reasons = append(c.Reasons, fmt.Sprintf("sentence %d is about another deal: %s", f.Sentence+1, m.quote(doc, f)))
	}
}

// quote renders the matched words of a firing, such as "28-point plan" +
// "Ukraine".
func (m *Matcher) quote(doc *document.Document, f Firing) string {
	parts := make([]string, 0, len(f.Spans))
	for _, sp := range f.Spans {
		parts = append(parts, fmt.Sprintf("%q", SpanText(doc, sp)))
	}
	return strings.Join(parts, " + ")
}

// SpanText returns the source text a span matched.
func SpanText(doc *document.Document, sp Span) string {
	return doc.Text[doc.Tokens[sp.Start].Start:doc.Tokens[sp.End-1].End]
}

// TermText returns a term as the catalog wrote it, and its normalized
// tokens.
func (m *Matcher) TermText(id int) (string, []string) {
	return m.terms[id].text, m.terms[id].norms
}

// Rule returns the catalog rule behind a firing of the given owner
// (clause index, or -1 for context).
func (m *Matcher) Rule(owner, index int) *catalog.Rule {
	if owner >= 0 {
		return &m.Catalog.Clauses[owner].Rules[index]
	}
	if owner == -1 {
		return &m.Catalog.Context.Rules[index]
	}
	return &m.Catalog.Context.Against[index]
}
