// Package frame decides how an article frames each point it mentions
// (docs/codebook.md section 3): the stance (critical, supportive or
// neutral), the cues that decided it, the actors the passages cite and
// whether the point is reported with hedges.
//
// The words are data: clauses/cues.yaml (cue lexicon, negators, contrast
// markers, intensifiers, hedges) and clauses/actors.yaml (actors, their
// groups and aliases, reporting words), compiled once by New into a token
// trie like the matcher's. Frame then reads only the few sentences of a
// point's passage.
//
// How a stance is decided:
//
//   - The passage of a point is its evidence sentences (weight 1), their
//     immediate neighbours when they continue the topic (weight
//     neighbour_weight): the sentence before when it is in the same
//     paragraph, or when the point's sentence opens with an anaphor that
//     points back to it; the sentence after when it is in the same
//     paragraph, or opens with an anaphor such as "This" or "The
//     provision" or with "However", or holds a demonstrative and an item
//     noun ("called that demand a capitulation"). After a continuing
//     neighbour, the sentences that go on continuing it join too, losing
//     30% weight a step: those that open with an anaphor (up to three
//     sentences after the point's), and those that stay in the point's
//     paragraph without naming another point (up to two: commentary
//     states a point and judges it in the sentences after), never a
//     heading, which opens a new section. All this provided the point is
//     the first one its sentence names. For a list
//     item, its list header, the sentence the header points back to
//     ("... were draconian. These included:") and a sentence after the
//     list that opens with an anaphor ("These terms ...") join when they
//     name what is listed with an item noun (concessions, demands, terms;
//     weight header_weight). A plain header ("Key elements of the draft
//     include:") has no cue, so its items stay neutral however critical
//     the article is elsewhere. A point named only as what something is
//     not ("Capping the victim is not arms control") does not count as
//     another point there.
//   - A cue in a sentence that also mentions other points belongs to the
//     point nearest to it (token distance, each punctuation break counting
//     as 4 tokens; a bracketed remark belongs to what precedes the
//     bracket), unless the points are coordinated ("demands for neutrality
//     and limits on its army, echoing ... capitulation") and the cue stands
//     outside the coordination. A neighbour that mentions other points
//     lends cues only when it opens with an anaphor, and then only those
//     nearer to the anaphor.
//   - A negator up to negation_window tokens before a cue, with only
//     function words between ("not a capitulation", "far from
//     reasonable", "rather than a surrender"), flips it at
//     negated_supportive or negated_critical; a negated demand is
//     dropped. Intensifiers right before a cue scale it. Cues on the
//     losing side of a contrast ("painful but necessary", "although X, Y",
//     a sentence before one that opens with "However") keep
//     contrast_discount of their weight.
//   - A claim the author answers counts like a negated one: the sentence
//     before a rebuttal marker ("Critics call it a capitulation. They are
//     wrong.", "It isn't.") or the clause before one in the sentence
//     ("..., but that is wrong"); in an opinion piece also a claim made by
//     critics (or backers) that the next clause or sentence answers with
//     "But" in the author's own voice, citing no one. So does a cue that
//     stands alone in quotation marks in a sentence that cites no one
//     (scare quotes: "whether this plan is \"capitulation\"").
//   - The verdict of a denial counts verdict_factor times: the sentence
//     or clause that opens with "It is" after one that says what the
//     point is not ("is not arms control. It is disarmament of one side";
//     "not a reparations scheme; it is a business plan"), and a cue
//     followed by ", not ..." ("a protection racket, not a guarantee").
//   - Demands and concessions forced on Ukraine count as critical unless
//     the passage weighs a gain ("in exchange for"), which offsets them.
//   - A claim answered outright counts on the other side with at least
//     the rebutted share of its weight (more than a plain negation): one
//     answered by a retort, by "But" after a critic's or backer's claim
//     or a concession ("The plan's friends say ... Perhaps. But ..."),
//     or a denial answered by a verdict ("That is not capitulation. It
//     is ..."; "That is leverage, not a gift"; "not a compromise but a
//     gift"). Such a denial whose verdict holds no cue of its own counts
//     verdict_factor times.
//   - A sentence that names the point only as what another point is not
//     ("paying for protection is not a security guarantee, it's a
//     racket") frames the other point, not this one.
//   - Critical wins with at least min_score and dominance times the
//     supportive weight, and vice versa; anything else (no cues, or both
//     sides in balance) is neutral. Hedges never count.
//
// Opinion pieces. An article is an opinion piece when a label such as
// "OPINION" or "Analysis" stands on a short line near the top, or a
// byline such as "By ..., a former diplomat" or "The author is ...";
// or, with neither, by its voice: at least opinion_voice of its
// running-text sentences (and at least three) evaluate in the author's
// own words (a cue in a sentence that cites no one and quotes nothing,
// or a question inside a paragraph), no fewer than report what someone
// said, and it is not a Q&A explainer (qa_headings questions alone on
// their lines). The genre is decided only when a framing depends on it.
// In an opinion piece:
//
//   - opinion_min_score replaces min_score for a side with a cue in
//     running text; a side that only list items and headers carry keeps
//     min_score, so a plain list stays plain;
//   - the point's paragraph is the unit of commentary: its sentences
//     after the point's, naming no other point, join the passage up to
//     the paragraph's end with at least opinion_paragraph_weight;
//   - a question the author asks inside a paragraph ("Reliable according
//     to whom?", "Who decides what counts as cause?") is a critical cue
//     of its strongest question word's weight (rhetoric.questions),
//     unless it names the critics or backers or holds a supportive cue
//     ("What is the alternative?"); a question that opens its paragraph
//     (a Q&A heading), a quoted one and a yes-or-no one count for
//     nothing;
//   - a claim by critics or backers, or one the author concedes ("True,
//     ..."), that the author's next clause or sentence answers with
//     "But" is answered, and a bare concession may come between
//     ("Perhaps. But ...");
//   - a cue the author concedes before "but" in its own voice ("painful;
//     but ...") keeps contrast_discount of its weight even when the
//     answer holds no cue;
//   - cues marked opinion: true count (irony and victim-and-aggressor
//     framing that news copy uses in other senses).
package frame

import (
	"math"
	"sort"
	"strings"
	"sync"

	"github.com/plancheck/plancheck/internal/document"
	"github.com/plancheck/plancheck/internal/match"
	"github.com/plancheck/plancheck/internal/report"
)

// breakCost is the token distance a punctuation break adds when deciding
// which point a cue belongs to.
const breakCost = 4

// citeWindow is how many tokens before a reporting word an actor may
// stand.
const citeWindow = 12

type role uint8

const (
	roleEvidence role = iota
	roleHeader
	roleNeighbour
)

type span struct{ start, end int }

type otherSpan struct {
	clause int
	span
}

// psent is a sentence of a point's passage.
type psent struct {
	si       int
	role     role
	weight   float64
	own      []span // the point's tokens, or an anaphor standing for them
	others   []otherSpan
	hits     []hit
	discount bool // a following sentence opens with "However", "But" ...
	// Cues before token rebutEnd that the author answers (rebuttal): of
	// polarity rebutPol only, or of both when it is "".
	rebutEnd int
	rebutPol string
	// Cues from token verdictFrom on state the verdict of a denial ("is
	// not arms control. It is disarmament"); -1 when none.
	verdictFrom int
	// verdictNext: the next sentence of the paragraph states the verdict
	// of a denial in this one ("That is not capitulation. It is ...").
	verdictNext bool
}

// cacheDocs is how many recent documents' phrases a Framer keeps.
const cacheDocs = 16

// docHits caches the phrases found in a document's sentences, so that the
// framings of its several points scan each sentence once. It holds the
// document and its match result, so their addresses cannot be reused
// while cached.
type docHits struct {
	mu   sync.Mutex
	doc  *document.Document
	res  *match.Result
	hits [][]hit
	done []bool
	// spans are the tokens every clause's firings matched, by sentence.
	spans [][]otherSpan

	genre   sync.Once
	opinion bool // the article is an opinion piece (genre markers)
}

// docHits returns the cache entry of doc and its match result, making one
// (and dropping the oldest) when needed.
func (f *Framer) docHits(doc *document.Document, res *match.Result) *docHits {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, d := range f.recent {
		if d.doc == doc && d.res == res {
			return d
		}
	}
	n := len(doc.Sentences)
	d := &docHits{doc: doc, res: res, hits: make([][]hit, n), done: make([]bool, n), spans: make([][]otherSpan, n)}
	for i := range res.Clauses {
		cr := &res.Clauses[i]
		for _, fi := range cr.Firings {
			for _, sp := range fi.Spans {
				if fi.Sentence >= 0 && fi.Sentence < n {
					d.spans[fi.Sentence] = append(d.spans[fi.Sentence], otherSpan{cr.Index, span{sp.Start, sp.End}})
				}
			}
		}
	}
	if len(f.recent) == cacheDocs {
		copy(f.recent, f.recent[1:])
		f.recent = f.recent[:cacheDocs-1]
	}
	f.recent = append(f.recent, d)
	return d
}

// Genre markers are looked for in the first openingLines sentences and the
// last closingLines: a label is a line of at most labelTokens tokens that
// opens with it ("OPINION", "Analysis & Opinion"), a byline one of at most
// bylineTokens that opens with "By" or with the marker ("By a contributing
// columnist", "The author is a senior fellow at ...").
const (
	openingLines = 12
	closingLines = 3
	labelTokens  = 4
	bylineTokens = 25
)

// isOpinion reports whether the document is an opinion piece.
func (f *Framer) isOpinion(d *docHits) bool {
	d.genre.Do(func() {
		doc := d.doc
		n := len(doc.Sentences)
		for si := 0; si < n; si++ {
			if si == openingLines && n-closingLines > si {
				si = n - closingLines
			}
			s := doc.Sentences[si]
			if si > 0 && doc.Sentences[si-1].Para == s.Para {
				continue
			}
			size := s.TokEnd - s.TokStart
			if size == 0 || size > bylineTokens {
				continue
			}
			alone := si+1 >= n || doc.Sentences[si+1].Para != s.Para
			for _, h := range d.get(f, si) {
				switch f.entries[h.e].kind {
				case kOpinionLabel:
					if h.start == s.TokStart && alone && size <= labelTokens {
						d.opinion = true
					}
				case kOpinionByline:
					if h.start == s.TokStart || doc.Tokens[s.TokStart].Norm == "by" {
						d.opinion = true
					}
				}
			}
			if d.opinion {
				return
			}
		}
		d.opinion = f.opinionVoice(d)
	})
	return d.opinion
}

// minVoice is the fewest sentences in the author's own evaluative voice
// that make an unlabelled article an opinion piece.
const minVoice = 3

// opinionVoice reports whether an unlabelled document reads as an opinion
// piece: at least minVoice and opinion_voice of its running-text sentences
// evaluate in
// the author's own voice (an evaluative cue in a sentence that cites no
// one and quotes nothing, or a question inside a paragraph), and they are
// no fewer than the sentences that report what someone said. A Q&A
// explainer (qa_headings questions alone on their lines) never is.
func (f *Framer) opinionVoice(d *docHits) bool {
	if f.set.OpinionVoice <= 0 {
		return false
	}
	doc := d.doc
	var running, own, reported, qa int
	for si, s := range doc.Sentences {
		if s.Heading || s.ListItem {
			continue
		}
		if isQuestion(doc, si) && firstInPara(doc, si) && lastInPara(doc, si) {
			if qa++; qa >= f.set.QAHeadings {
				return false
			}
			continue
		}
		running++
		hits := d.get(f, si)
		if f.hasKind(hits, kReporting, -1) {
			if reported++; reported > own+len(doc.Sentences)-si-1 {
				return false // the author's voice can no longer catch up
			}
			continue
		}
		if f.authorQuestion(doc, si, hits) {
			own++
			continue
		}
		if quotes(doc, si) {
			continue
		}
		for _, h := range hits {
			if k := f.entries[h.e].kind; k == kCritical || k == kSupportive {
				own++
				break
			}
		}
	}
	return own >= minVoice && float64(own) >= f.set.OpinionVoice*float64(running) && own >= reported
}

// isQuestion reports whether sentence si ends with a question mark.
func isQuestion(doc *document.Document, si int) bool {
	t := strings.TrimRight(doc.SentenceText(si), " \t\r\n\"'\u201d\u2019)")
	return strings.HasSuffix(t, "?")
}

func firstInPara(doc *document.Document, si int) bool {
	return si == 0 || doc.Sentences[si-1].Para != doc.Sentences[si].Para
}

func lastInPara(doc *document.Document, si int) bool {
	return si+1 >= len(doc.Sentences) || doc.Sentences[si+1].Para != doc.Sentences[si].Para
}

// quotes reports whether sentence si holds a double quotation mark.
func quotes(doc *document.Document, si int) bool {
	t := doc.SentenceText(si)
	return strings.IndexByte(t, '"') >= 0 || strings.Contains(t, "\u201c") || strings.Contains(t, "\u201d")
}

// questionElsewhere reports whether a question is aimed at someone other
// than the point: it names the critics or backers ("what, specifically,
// is the better offer the critics have?"), or holds a supportive cue of
// its own ("What is the alternative?").
func (f *Framer) questionElsewhere(hits []hit) bool {
	for _, h := range hits {
		switch f.entries[h.e].kind {
		case kCriticSrc, kBackerSrc, kSupportive:
			return true
		}
	}
	return false
}

// authorQuestion reports whether sentence si is a question the author asks
// inside a paragraph of running text: not the first sentence of its
// paragraph (a Q&A heading, or a question the paragraph goes on to
// answer), not quoted, citing no one.
func (f *Framer) authorQuestion(doc *document.Document, si int, hits []hit) bool {
	s := doc.Sentences[si]
	if s.Heading || s.ListItem || firstInPara(doc, si) || !isQuestion(doc, si) {
		return false
	}
	t := strings.TrimLeft(doc.SentenceText(si), " \t")
	if hasPrefixAny(t, "\"", "\u201c", "\u2018", "'") {
		return false
	}
	return !f.hasKind(hits, kReporting, -1)
}

// get returns the phrases of sentence si, scanning it the first time.
func (d *docHits) get(f *Framer, si int) []hit {
	d.mu.Lock()
	defer d.mu.Unlock()
	if !d.done[si] {
		d.hits[si] = f.scan(d.doc, si, nil)
		d.done[si] = true
	}
	return d.hits[si]
}

// Frame implements score.Framer.
func (f *Framer) Frame(doc *document.Document, res *match.Result, clause int) *report.Framing {
	fr := &report.Framing{Stance: report.Neutral, Cues: []report.Cue{}, Attribution: []string{}}
	own := map[int][]span{}
	for i := range res.Clauses {
		cr := &res.Clauses[i]
		if cr.Index != clause {
			continue
		}
		for _, fi := range cr.Firings {
			for _, sp := range fi.Spans {
				own[fi.Sentence] = append(own[fi.Sentence], span{sp.Start, sp.End})
			}
		}
	}
	if len(own) == 0 {
		return fr
	}
	dh := f.docHits(doc, res)
	// Other points, but not one named only as what something is not.
	others := func(si int) []otherSpan {
		var out []otherSpan
		for _, o := range dh.spans[si] {
			if o.clause != clause && !deniedPredicate(doc, si, o.start) {
				out = append(out, o)
			}
		}
		return out
	}
	// A sentence that names the point only as what another point is not
	// ("paying for protection is not a security guarantee, it's a
	// racket") frames the other point.
	for si, spans := range own {
		if len(others(si)) == 0 {
			continue
		}
		for _, sp := range spans {
			if deniedPredicate(doc, si, sp.start) {
				delete(own, si)
				break
			}
		}
	}
	if len(own) == 0 {
		return fr
	}
	pass := f.passage(doc, res, dh, own, others)
	f.stance(doc, func() bool { return f.isOpinion(dh) }, pass, fr)
	f.attribute(doc, pass, fr)
	f.hedges(doc, pass, fr)
	return fr
}

// passage collects the sentences that frame the point, in text order.
func (f *Framer) passage(doc *document.Document, res *match.Result, dh *docHits, own map[int][]span, others func(int) []otherSpan) []*psent {
	// Whether the document is an opinion piece is decided only when it
	// matters: it reads the whole document.
	opinion := func() bool { return f.isOpinion(dh) }
	byIdx := map[int]*psent{}
	scanned := func(si int) []hit { return dh.get(f, si) }
	add := func(si int, r role, w float64, ownSpans []span) {
		if p, ok := byIdx[si]; ok && p.weight >= w {
			return
		}
		byIdx[si] = &psent{si: si, role: r, weight: w, own: ownSpans, others: others(si), hits: scanned(si)}
	}
	evidence := make([]int, 0, len(own))
	for si := range own {
		evidence = append(evidence, si)
	}
	sort.Ints(evidence)
	n := len(doc.Sentences)
	for _, si := range evidence {
		add(si, roleEvidence, 1, own[si])
	}
	for _, si := range evidence {
		s := doc.Sentences[si]
		// Neighbours continue the topic of their sentence: the point it
		// names first, when it names several.
		topic := true
		first := math.MaxInt
		for _, sp := range own[si] {
			first = min(first, sp.start)
		}
		for _, o := range others(si) {
			if o.start < first {
				topic = false
			}
		}
		for _, ni := range []int{si - 1, si + 1} {
			if !topic {
				break
			}
			if ni < 0 || ni >= n || own[ni] != nil || res.Ignored[ni] {
				continue
			}
			if ni > si && doc.Sentences[ni].Heading {
				continue // a heading after the point opens a new section
			}
			op, isOp := f.opener(doc, ni, scanned(ni))
			// A sentence in another paragraph continues the topic when it
			// opens with an anaphor; the one before, when the point's
			// sentence opens with one that points back to it.
			linked := isOp
			if ni < si {
				_, linked = f.opener(doc, si, scanned(si))
			}
			if doc.Sentences[ni].Para != s.Para && !linked {
				continue
			}
			if !isOp && len(others(ni)) > 0 {
				continue
			}
			add(ni, roleNeighbour, f.set.NeighbourWeight, []span{op})
			// The sentences after it go on with the topic while they open
			// with an anaphor or a "However", or stay in the point's
			// paragraph without naming another point: commentary states a
			// point and judges it in the sentences that follow.
			// In an opinion piece the paragraph is the unit of commentary:
			// its sentences go on with the point to the paragraph's end,
			// keeping at least opinion_paragraph_weight.
			w := f.set.NeighbourWeight
			for k := ni + 1; ni > si && k < n && k <= si+max(maxChain, maxOpinionChain); k++ {
				if own[k] != nil || res.Ignored[k] || doc.Sentences[k].Heading {
					break
				}
				op, isOp := f.opener(doc, k, scanned(k))
				inPara := doc.Sentences[k].Para == s.Para && len(others(k)) == 0
				farPara := inPara && k > si+maxParaChain && opinion()
				if !(isOp && k <= si+maxChain) && !(inPara && k <= si+maxParaChain) && !farPara {
					break
				}
				w *= chainDecay
				if farPara {
					w = max(w, f.set.OpinionParagraphWeight)
				}
				add(k, roleNeighbour, w, []span{op})
			}
		}
		if !s.ListItem {
			continue
		}
		// The list header, and the sentence its anaphor points back to.
		if h := s.Header; h >= 0 && own[h] == nil {
			block := []int{h}
			if h > 0 && doc.Sentences[h-1].Para == doc.Sentences[h].Para && own[h-1] == nil && f.hasKind(scanned(h), kAnaphor, doc.Sentences[h].TokStart+5) {
				block = []int{h - 1, h}
			}
			named := false
			for _, b := range block {
				if f.hasKind(scanned(b), kItemNoun, -1) {
					named = true
				}
			}
			if named {
				for _, b := range block {
					if !res.Ignored[b] {
						add(b, roleHeader, f.set.HeaderWeight, f.virtual(doc, b, scanned(b)))
					}
				}
			}
		}
		// A sentence after the list that refers back to it.
		j := si
		for j+1 < n && doc.Sentences[j+1].ListItem && doc.Sentences[j+1].Header == s.Header {
			j++
		}
		if t := j + 1; t < n && own[t] == nil && !res.Ignored[t] {
			if op, ok := f.opener(doc, t, scanned(t)); ok {
				add(t, roleHeader, f.set.HeaderWeight, []span{op})
			}
		}
	}
	out := make([]*psent, 0, len(byIdx))
	for _, p := range byIdx {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].si < out[j].si })
	for i, p := range out {
		if i+1 < len(out) && out[i+1].si == p.si+1 && f.opensWith(doc, out[i+1], kContrastAfter) {
			p.discount = true
		}
		f.rebuttal(doc, dh, p)
		p.verdictFrom = f.verdictStart(doc, dh, p)
		if nx := p.si + 1; nx < n && doc.Sentences[nx].Para == doc.Sentences[p.si].Para {
			p.verdictNext = f.statesVerdict(doc, dh.get(f, nx), doc.Sentences[nx].TokStart)
		}
	}
	return out
}

// copulas are the verbs of "X is not Y".
var copulas = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true}

// deniedPredicate reports whether the words starting at token t follow
// a copula and "not", with at most an article between: "is not arms
// control", "was not a reparations scheme".
func deniedPredicate(doc *document.Document, si, t int) bool {
	start := doc.Sentences[si].TokStart
	k := t - 1
	if k > start && !doc.Tokens[t].Break {
		switch doc.Tokens[k].Norm {
		case "a", "an", "the":
			k--
		}
	}
	if k-1 < start || doc.Tokens[k].Norm != "not" || doc.Tokens[k+1].Break || doc.Tokens[k].Break {
		return false
	}
	return copulas[doc.Tokens[k-1].Norm]
}

// maxChain is how far after a point's sentence a chain of continuing
// sentences ("This ...", "However, ...") may reach, and maxParaChain how
// far one of sentences that merely stay in its paragraph (maxOpinionChain
// in an opinion piece); each step keeps chainDecay of the weight before it.
const (
	maxChain        = 3
	maxParaChain    = 2
	maxOpinionChain = 6
	chainDecay      = 0.7
)

// clauseStart reports whether token t opens a clause of sentence si: the
// sentence's first token, one after punctuation, or one right after a
// contrast marker ("but they are wrong").
func (f *Framer) clauseStart(doc *document.Document, si int, hits []hit, t int) bool {
	s := doc.Sentences[si]
	if t == s.TokStart || doc.Tokens[t].Break {
		return true
	}
	for _, h := range hits {
		if h.end == t && f.entries[h.e].kind == kContrastAfter && (h.start == s.TokStart || doc.Tokens[h.start].Break) {
			return true
		}
	}
	return false
}

// rebuttalAt returns the first rebuttal marker of a sentence that opens a
// clause at or after token from ("They are wrong", "It isn't.", "...,
// but this misreads it"), or -1.
func (f *Framer) rebuttalAt(doc *document.Document, si int, hits []hit, from int) int {
	for _, h := range hits {
		if h.start >= from && f.entries[h.e].kind == kRebuttal && f.clauseStart(doc, si, hits, h.start) {
			return h.start
		}
	}
	return -1
}

// rebuttal marks the cues of p that the author answers: the claim before
// a rebuttal marker in its sentence, or the whole sentence when the next
// one opens with a marker ("Critics call it a capitulation. They are
// wrong.", "It is, rather, ..."); and, in an opinion piece, a claim made
// by critics (or backers), or one the author concedes ("True, ..."), that
// the author's next clause answers with "but", in the author's own voice
// ("Critics howl about sanctions relief. But a staged lifting ... gives
// the Kremlin a reason to keep its word"), a bare concession perhaps
// between ("The plan's friends say ... Perhaps. But ...").
func (f *Framer) rebuttal(doc *document.Document, dh *docHits, p *psent) {
	s := doc.Sentences[p.si]
	if t := f.rebuttalAt(doc, p.si, p.hits, s.TokStart+1); t >= 0 {
		p.rebutEnd, p.rebutPol = t, ""
		return
	}
	next := p.si + 1
	if next < len(doc.Sentences) {
		nh := dh.get(f, next)
		ns := doc.Sentences[next]
		if t := f.rebuttalAt(doc, next, nh, ns.TokStart); t >= 0 && (t <= ns.TokStart+retortReach || t == f.firstAfterOpener(doc, next, nh)) {
			p.rebutEnd, p.rebutPol = s.TokEnd, ""
			return
		}
	}
	// Who makes the claim: critics make critical ones, backers supportive;
	// a claim the author concedes ("True, ...") may be of either side.
	pol, src := "", -1
	if f.opensWithKind(doc, p.si, p.hits, kConcession) {
		src = s.TokStart
	}
	for _, h := range p.hits {
		if src >= 0 {
			break
		}
		switch f.entries[h.e].kind {
		case kCriticSrc:
			pol, src = report.Critical, h.start
		case kBackerSrc:
			pol, src = report.Supportive, h.start
		}
	}
	if src < 0 || !f.isOpinion(dh) {
		return
	}
	// The answer: a "but" clause after the claim in its sentence, or a
	// next sentence opening with "But", with no one else cited in it;
	// a short concession may come between ("Perhaps. But ...").
	for _, h := range p.hits {
		if h.start > src && f.entries[h.e].kind == kContrastAfter && !f.hasKind(p.hits[f.indexFrom(p.hits, h.end):], kReporting, -1) {
			p.rebutEnd, p.rebutPol = h.start, pol
			return
		}
	}
	if next < len(doc.Sentences) && f.concession(doc, next, dh.get(f, next)) {
		next++
	}
	if next < len(doc.Sentences) {
		nh := dh.get(f, next)
		if f.opensWithKind(doc, next, nh, kContrastAfter) && !f.hasKind(nh, kReporting, -1) {
			p.rebutEnd, p.rebutPol = s.TokEnd, pol
		}
	}
}

// retortReach is how far into the sentence after a claim a rebuttal
// marker may stand and still answer it ("It is, rather, ...").
const retortReach = 3

// maxConcession is the longest sentence that can be a bare concession
// ("Perhaps.", "Perhaps it does.", "Maybe so.").
const maxConcession = 4

// concession reports whether sentence si is a bare concession: a short
// sentence that opens with a concession marker.
func (f *Framer) concession(doc *document.Document, si int, hits []hit) bool {
	s := doc.Sentences[si]
	return s.TokEnd-s.TokStart <= maxConcession && f.opensWithKind(doc, si, hits, kConcession)
}

// indexFrom returns the index of the first hit starting at or after t.
func (f *Framer) indexFrom(hits []hit, t int) int {
	for i, h := range hits {
		if h.start >= t {
			return i
		}
	}
	return len(hits)
}

// opensWithKind reports whether sentence si's first phrase is of kind k
// at its first token.
func (f *Framer) opensWithKind(doc *document.Document, si int, hits []hit, k kind) bool {
	start := doc.Sentences[si].TokStart
	for _, h := range hits {
		if h.start != start {
			return false
		}
		if f.entries[h.e].kind == k {
			return true
		}
	}
	return false
}

// firstAfterOpener returns the token after the contrast marker that opens
// sentence si.
func (f *Framer) firstAfterOpener(doc *document.Document, si int, hits []hit) int {
	start := doc.Sentences[si].TokStart
	for _, h := range hits {
		if h.start == start && f.entries[h.e].kind == kContrastAfter {
			return h.end
		}
	}
	return start
}

// verdictStart returns the first token of p's verdict clause, the answer
// to a denial: a sentence opening with "It is" (or "This is" ...) after
// one that says what the point is not ("... is not arms control. It is
// disarmament of one side"), or the clause after such a denial in p ("is
// not a reparations scheme; it is a business plan"). It returns -1 when
// p holds no verdict.
func (f *Framer) verdictStart(doc *document.Document, dh *docHits, p *psent) int {
	s := doc.Sentences[p.si]
	denial := -1
	for k := s.TokStart + 1; k < s.TokEnd; k++ {
		if doc.Tokens[k].Norm == "not" && copulas[doc.Tokens[k-1].Norm] && !doc.Tokens[k].Break {
			denial = k
			break
		}
	}
	if denial >= 0 {
		for k := denial + 1; k < s.TokEnd; k++ {
			if doc.Tokens[k].Break && f.statesVerdict(doc, p.hits, k) {
				return k
			}
		}
		// "is not a compromise but a gift"
		for _, h := range p.hits {
			if h.start > denial && f.entries[h.e].kind == kContrastAfter && breaks(doc, denial+1, h.start) == 0 {
				return h.end
			}
		}
	}
	if prev := p.si - 1; prev >= 0 && doc.Sentences[prev].Para == s.Para && f.statesVerdict(doc, p.hits, s.TokStart) {
		ps := doc.Sentences[prev]
		for k := ps.TokStart + 1; k < ps.TokEnd; k++ {
			if doc.Tokens[k].Norm == "not" && copulas[doc.Tokens[k-1].Norm] && !doc.Tokens[k].Break {
				return s.TokStart
			}
		}
	}
	return -1
}

// statesVerdict reports whether the words at token t are an anaphor and a
// copula or an article: "It is", "This is", "it's a".
func (f *Framer) statesVerdict(doc *document.Document, hits []hit, t int) bool {
	for _, h := range hits {
		if h.start == t && f.entries[h.e].kind == kAnaphor && h.end < len(doc.Tokens) && doc.Tokens[h.end].Sent == doc.Tokens[t].Sent {
			switch n := doc.Tokens[h.end].Norm; {
			case copulas[n], n == "a", n == "an":
				return !doc.Tokens[h.end].Break
			}
		}
	}
	return false
}

// denied reports whether cue h is the verdict of a denial that follows it
// in its clause: "a protection racket, not a guarantee".
func denied(doc *document.Document, si int, h hit) bool {
	end := doc.Sentences[si].TokEnd
	for k := h.end; k < end; k++ {
		if doc.Tokens[k].Break {
			return doc.Tokens[k].Norm == "not"
		}
	}
	return false
}

// scareQuoted reports whether cue h stands alone in quotation marks in a
// sentence that cites no one: the author distancing itself from the word
// ("Ask their families whether this plan is \"capitulation\""), not a
// quoted critic.
func (f *Framer) scareQuoted(doc *document.Document, p *psent, h hit) bool {
	s := doc.Sentences[p.si]
	if s.Heading || f.hasKind(p.hits, kReporting, -1) {
		return false
	}
	before := doc.Text[s.Start:doc.Tokens[h.start].Start]
	after := doc.Text[doc.Tokens[h.end-1].End:s.End]
	return hasSuffixAny(before, "\"", "\u201c", "\u2018") && hasPrefixAny(after, "\"", "\u201d", "\u2019")
}

func hasSuffixAny(s string, suffixes ...string) bool {
	for _, x := range suffixes {
		if strings.HasSuffix(s, x) {
			return true
		}
	}
	return false
}

func hasPrefixAny(s string, prefixes ...string) bool {
	for _, x := range prefixes {
		if strings.HasPrefix(s, x) {
			return true
		}
	}
	return false
}

// opener reports whether sentence si opens with an anaphor ("This",
// "These terms"), with "the" and an item noun ("The provision"), with a
// contrast marker or a rebuttal that answers the sentence before
// ("However, ...", "They are wrong"), or holds a demonstrative and an item
// noun, and returns its tokens.
func (f *Framer) opener(doc *document.Document, si int, hits []hit) (span, bool) {
	s := doc.Sentences[si]
	for _, h := range hits {
		if h.start > s.TokStart+1 {
			break
		}
		k := f.entries[h.e].kind
		if h.start == s.TokStart && (k == kAnaphor || k == kContrastAfter || k == kRebuttal) {
			return span{h.start, h.end}, true
		}
		if h.start == s.TokStart+1 && k == kItemNoun && doc.Tokens[s.TokStart].Norm == "the" {
			return span{s.TokStart, h.end}, true
		}
	}
	// A demonstrative and an item noun anywhere refer back too: "called
	// that demand a capitulation".
	for i, h := range hits {
		if f.entries[h.e].kind != kDeterminer {
			continue
		}
		for _, n := range hits[i+1:] {
			if n.start > h.end {
				break
			}
			if n.start == h.end && f.entries[n.e].kind == kItemNoun {
				return span{h.start, n.end}, true
			}
		}
	}
	return span{s.TokStart, s.TokStart + 1}, false
}

// virtual returns the tokens that stand for the listed points in a header:
// its item nouns and anaphors, or its first token.
func (f *Framer) virtual(doc *document.Document, si int, hits []hit) []span {
	var out []span
	for _, h := range hits {
		if k := f.entries[h.e].kind; k == kItemNoun || k == kAnaphor {
			out = append(out, span{h.start, h.end})
		}
	}
	if out == nil {
		s := doc.Sentences[si]
		out = []span{{s.TokStart, s.TokStart + 1}}
	}
	return out
}

// hasKind reports whether hits hold a phrase of kind k starting before
// token limit (any token when limit < 0).
func (f *Framer) hasKind(hits []hit, k kind, limit int) bool {
	for _, h := range hits {
		if limit >= 0 && h.start >= limit {
			break
		}
		if f.entries[h.e].kind == k {
			return true
		}
	}
	return false
}

// opensWith reports whether p's first phrase is of kind k at its first
// token ("However, ...").
func (f *Framer) opensWith(doc *document.Document, p *psent, k kind) bool {
	start := doc.Sentences[p.si].TokStart
	for _, h := range p.hits {
		if h.start != start {
			return false
		}
		if f.entries[h.e].kind == k {
			return true
		}
	}
	return false
}

// cue is a cue of the passage that belongs to the point.
type cue struct {
	p     *psent
	i     int // index in p.hits
	kind  kind
	pol   string
	w     float64
	neg   bool
	rebut bool // answered by the author: already on the losing side
}

// stance weighs the passage's cues.
func (f *Framer) stance(doc *document.Document, opinion func() bool, pass []*psent, fr *report.Framing) {
	var cues []cue
	bySent := map[int][]int{} // sentence -> indices in cues
	for _, p := range pass {
		for i, h := range p.hits {
			e := &f.entries[h.e]
			if !e.kind.cue() || e.opinion && !opinion() {
				continue
			}
			if len(p.others) > 0 && !f.owns(doc, p, h) {
				continue
			}
			if f.isRebuttal(doc, p, h) {
				continue // "Nonsense." answers a claim; it is not one
			}
			pol := report.Critical
			if e.kind == kSupportive || e.kind == kGain {
				pol = report.Supportive
			}
			neg := f.negated(doc, p, i)
			// A claim the author answers, or a word the author puts in
			// scare quotes, counts like a negated one. A claim the author
			// answers outright counts on the other side with at least
			// the rebutted share: one answered by a retort, a "But" or
			// a verdict ("That is not capitulation. It is ..."; "That is
			// leverage, not a gift").
			answered := !neg && h.start < p.rebutEnd && (p.rebutPol == "" || p.rebutPol == pol)
			rebut := answered || !neg && f.scareQuoted(doc, p, h)
			answered = answered || neg && (p.verdictNext || p.verdictFrom > h.start || f.contrastDenial(doc, p, i))
			neg = neg || rebut
			if neg && (e.kind == kDemand || e.kind == kGain) {
				continue
			}
			w := e.weight * p.weight
			if !neg && (p.verdictFrom >= 0 && h.start >= p.verdictFrom || denied(doc, p.si, h)) {
				w *= f.set.VerdictFactor
			}
			if neg {
				share := f.set.NegatedSupportive
				if pol == report.Critical {
					share = f.set.NegatedCritical
				}
				if answered {
					share = max(share, f.set.Rebutted)
				}
				if neg && !rebut && answered {
					// A denial the author answers with a verdict is the
					// verdict's weight when the verdict holds no cue
					// ("That is not capitulation. It is what the end
					// of a war looks like").
					share *= f.set.VerdictFactor
				}
				w *= share
				pol = opposite(pol)
			} else {
				w *= f.intensity(doc, p, i)
			}
			if w <= 0 {
				continue
			}
			bySent[p.si] = append(bySent[p.si], len(cues))
			cues = append(cues, cue{p: p, i: i, kind: e.kind, pol: pol, w: w, neg: neg, rebut: rebut})
		}
		// A question the author asks about the point in an opinion piece
		// ("Reliable according to whom?", "Who decides what counts as
		// cause?") doubts it: a critical cue of its strongest question
		// word's weight.
		if prose(doc, p) && f.authorQuestion(doc, p.si, p.hits) && !f.questionElsewhere(p.hits) && opinion() {
			best := -1
			for i, h := range p.hits {
				if f.entries[h.e].kind != kQuestion || len(p.others) > 0 && !f.owns(doc, p, h) {
					continue
				}
				if best < 0 || f.entries[h.e].weight > f.entries[p.hits[best].e].weight {
					best = i
				}
			}
			if best >= 0 {
				bySent[p.si] = append(bySent[p.si], len(cues))
				cues = append(cues, cue{p: p, i: best, kind: kCritical, pol: report.Critical, w: f.entries[p.hits[best].e].weight * p.weight})
			}
		}
	}
	// Contrast: a cue loses weight when the other side of a contrast holds
	// a cue of the opposite polarity ("painful but necessary").
	for k := range cues {
		c := &cues[k]
		if !c.rebut && f.losesContrast(doc, opinion, c, cues, bySent) {
			c.w *= f.set.ContrastDiscount
		}
	}
	var crit, sup, demand, gain float64
	var critProse, supProse bool
	for _, c := range cues {
		if prose(doc, c.p) {
			if c.pol == report.Critical {
				critProse = true
			} else if c.kind != kGain {
				supProse = true
			}
		}
		switch {
		case c.kind == kGain:
			gain += c.w
		case c.kind == kDemand:
			demand += c.w
			crit += c.w
		case c.pol == report.Critical:
			crit += c.w
		default:
			sup += c.w
		}
	}
	// Gains only offset demands: scale them to at most the demands' weight,
	// and drop them where there is no demand.
	offset := math.Min(gain, demand)
	sup += offset
	tok := doc.Tokens
	for _, c := range cues {
		w := c.w
		if c.kind == kGain {
			if offset == 0 {
				continue
			}
			w *= offset / gain
		}
		h := c.p.hits[c.i]
		fr.Cues = append(fr.Cues, report.Cue{
			Text:     doc.Text[tok[h.start].Start:tok[h.end-1].End],
			Polarity: c.pol, Weight: round3(w), Sentence: c.p.si, Negated: c.neg,
		})
	}
	// An opinion piece needs a little less to take a side, but only
	// where the side has a cue in running text: a plain list stays plain.
	s := f.set
	minCrit, minSup := s.MinScore, s.MinScore
	if critProse && crit < minCrit && crit >= s.OpinionMinScore && opinion() {
		minCrit = s.OpinionMinScore
	}
	if supProse && sup < minSup && sup >= s.OpinionMinScore && opinion() {
		minSup = s.OpinionMinScore
	}
	switch {
	case crit >= minCrit && crit >= s.Dominance*sup:
		fr.Stance = report.Critical
	case sup >= minSup && sup >= s.Dominance*crit:
		fr.Stance = report.Supportive
	}
}

// prose reports whether p is running text: not a list item, a heading or
// a list header.
func prose(doc *document.Document, p *psent) bool {
	s := doc.Sentences[p.si]
	return p.role != roleHeader && !s.ListItem && !s.Heading
}

// isRebuttal reports whether hit h of p is also a rebuttal marker that
// opens a clause ("Nonsense.", not "The cap is nonsense.").
func (f *Framer) isRebuttal(doc *document.Document, p *psent, h hit) bool {
	for _, r := range p.hits {
		if r.start == h.start && r.end == h.end && f.entries[r.e].kind == kRebuttal {
			return f.clauseStart(doc, p.si, p.hits, h.start)
		}
	}
	return false
}

func opposite(pol string) string {
	if pol == report.Critical {
		return report.Supportive
	}
	return report.Critical
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// owns reports whether cue h of a sentence that also mentions other
// points belongs to this point.
func (f *Framer) owns(doc *document.Document, p *psent, h hit) bool {
	c := span{h.start, h.end}
	own, others := p.own, p.others
	// A bracketed remark comments on what precedes the bracket.
	if po := openParen(doc, p.si, h.start); po >= 0 {
		var o2 []span
		var x2 []otherSpan
		for _, s := range own {
			if s.end <= po {
				o2 = append(o2, s)
			}
		}
		for _, s := range others {
			if s.end <= po {
				x2 = append(x2, s)
			}
		}
		if len(o2)+len(x2) > 0 {
			own, others = o2, x2
		}
	}
	if len(own) == 0 {
		return false
	}
	if len(others) == 0 {
		return true
	}
	dOwn := math.MaxInt
	for _, s := range own {
		dOwn = min(dOwn, distance(doc, c, s))
	}
	dOther, best := math.MaxInt, -1
	for i, s := range others {
		if d := distance(doc, c, s.span); d < dOther {
			dOther, best = d, i
		}
	}
	if dOwn <= dOther {
		return true
	}
	// Coordinated points share what is said of them together.
	b := others[best]
	for _, s := range own {
		if f.coordinated(doc, p, s, b.span, c) {
			return true
		}
	}
	return false
}

// distance is the number of tokens between a cue and a span, each
// punctuation break between them counting breakCost more.
func distance(doc *document.Document, c, s span) int {
	var lo, hi int
	switch {
	case s.end <= c.start:
		lo, hi = s.end, c.start
	case c.end <= s.start:
		lo, hi = c.end, s.start
	default:
		return 0
	}
	return hi - lo + breakCost*breaks(doc, lo, hi)
}

// breaks counts the punctuation breaks between token lo-1 and token hi.
func breaks(doc *document.Document, lo, hi int) int {
	n := 0
	for k := lo; k <= hi && k < len(doc.Tokens); k++ {
		if doc.Tokens[k].Break {
			n++
		}
	}
	return n
}

// maxCoordGap is how many tokens may stand between two coordinated
// points ("neutrality in Ukraine's foreign policy and limits ...").
const maxCoordGap = 6

// coordinated reports whether spans a and b are joined by a coordinator
// ("and", "or", "as well as") in one unbroken phrase, with the cue outside
// the phrase.
func (f *Framer) coordinated(doc *document.Document, p *psent, a, b, c span) bool {
	lo, hi := min(a.start, b.start), max(a.end, b.end)
	if c.start < hi && c.end > lo {
		return false
	}
	left, right := a, b
	if b.start < a.start {
		left, right = b, a
	}
	if right.start <= left.end {
		return true
	}
	if right.start-left.end > maxCoordGap || breaks(doc, left.end, right.start) > 0 {
		return false
	}
	joined := false
	for _, h := range p.hits {
		if h.start >= left.end && h.end <= right.start {
			switch f.entries[h.e].kind {
			case kContrastAfter, kContrastMain:
				return false
			case kCoordinator:
				joined = true
			}
		}
	}
	return joined
}

// openParen returns the first token inside the bracket that encloses token
// t, or -1 when t is not in brackets.
func openParen(doc *document.Document, si, t int) int {
	s := doc.Sentences[si]
	depth := 0
	for k := t; k > s.TokStart; k-- {
		between := doc.Text[doc.Tokens[k-1].End:doc.Tokens[k].Start]
		for i := len(between) - 1; i >= 0; i-- {
			switch between[i] {
			case ')', ']':
				depth++
			case '(', '[':
				if depth == 0 {
					return k
				}
				depth--
			}
		}
	}
	return -1
}

// negated reports whether a negator governs cue i: it stands at most
// negation_window tokens before the cue with only gap words or
// intensifiers between, and no punctuation.
func (f *Framer) negated(doc *document.Document, p *psent, i int) bool {
	h := p.hits[i]
	for j := i - 1; j >= 0; j-- {
		n := p.hits[j]
		if n.end > h.start {
			continue
		}
		if h.start-n.end > f.set.NegationWindow {
			return false
		}
		k := f.entries[n.e].kind
		if k == kIntensifier {
			continue
		}
		if k != kNegator {
			return false
		}
		if breaks(doc, n.end, h.start) > 0 {
			return false
		}
		return f.onlyGap(doc, p, n.end, h.start)
	}
	return false
}

// contrastDenial reports whether negated cue i is denied in a clause of
// its own after the author's verdict: "That is leverage, not a gift".
func (f *Framer) contrastDenial(doc *document.Document, p *psent, i int) bool {
	h := p.hits[i]
	for j := i - 1; j >= 0; j-- {
		n := p.hits[j]
		if n.end > h.start {
			continue
		}
		return f.entries[n.e].kind == kNegator && n.start > doc.Sentences[p.si].TokStart+1 && doc.Tokens[n.start].Break
	}
	return false
}

// onlyGap reports whether tokens [lo, hi) are all gap words or
// intensifiers.
func (f *Framer) onlyGap(doc *document.Document, p *psent, lo, hi int) bool {
	for k := lo; k < hi; {
		if k+1 < hi && f.gap[doc.Tokens[k].Norm+" "+doc.Tokens[k+1].Norm] {
			k += 2
			continue
		}
		if f.gap[doc.Tokens[k].Norm] {
			k++
			continue
		}
		covered := false
		for _, h := range p.hits {
			if h.start == k && f.entries[h.e].kind == kIntensifier && h.end <= hi {
				k, covered = h.end, true
				break
			}
		}
		if !covered {
			return false
		}
	}
	return true
}

// intensity is the factor of an intensifier right before cue i.
func (f *Framer) intensity(doc *document.Document, p *psent, i int) float64 {
	h := p.hits[i]
	if doc.Tokens[h.start].Break {
		return 1
	}
	for j := i - 1; j >= 0; j-- {
		n := p.hits[j]
		if n.end < h.start {
			break
		}
		if n.end == h.start && f.entries[n.e].kind == kIntensifier {
			return f.entries[n.e].weight
		}
	}
	return 1
}

// losesContrast reports whether cue c stands on the losing side of a
// contrast whose other side holds a cue of the opposite polarity: before
// "but", "however", "yet" ... in its sentence, in the clause that
// "although", "while", "despite" ... open, or in the sentence before one
// that opens with "However", "But" ...
func (f *Framer) losesContrast(doc *document.Document, opinion func() bool, c *cue, cues []cue, bySent map[int][]int) bool {
	p, h := c.p, c.p.hits[c.i]
	against := func(si int, keep func(x hit) bool) bool {
		for _, k := range bySent[si] {
			o := &cues[k]
			if o.pol != c.pol && keep(o.p.hits[o.i]) {
				return true
			}
		}
		return false
	}
	for _, m := range p.hits {
		switch f.entries[m.e].kind {
		case kContrastAfter:
			if m.start >= h.end && against(p.si, func(x hit) bool { return x.start >= m.end }) {
				return true
			}
			// In an opinion piece the author concedes before a "but"
			// and argues after it ("Pulling the troops out is painful;
			// but the zone left behind ..."): the conceded cue loses
			// even when the answer holds no cue of its own.
			if m.start >= h.end && !c.neg && f.authorVoice(doc, p) && opinion() {
				return true
			}
		case kContrastMain:
			if m.end <= h.start && breaks(doc, m.end, h.start) == 0 {
				end := clauseEnd(doc, p.si, m.end)
				if against(p.si, func(x hit) bool { return x.start < m.start || x.start >= end }) {
					return true
				}
			}
		}
	}
	if p.discount {
		for _, q := range bySent[p.si+1] {
			if cues[q].pol != c.pol {
				return true
			}
		}
	}
	return false
}

// authorVoice reports whether p is in the author's own words: it cites no
// one and quotes nothing.
func (f *Framer) authorVoice(doc *document.Document, p *psent) bool {
	return !f.hasKind(p.hits, kReporting, -1) && !quotes(doc, p.si)
}

// clauseEnd returns the first token after t that follows punctuation, or
// the sentence's end.
func clauseEnd(doc *document.Document, si, t int) int {
	end := doc.Sentences[si].TokEnd
	for k := t + 1; k < end; k++ {
		if doc.Tokens[k].Break {
			return k
		}
	}
	return end
}

// attribute lists the groups of the actors the passage cites: an alias at
// most citeWindow tokens before a reporting word, or within the reporting
// word's after window behind it.
func (f *Framer) attribute(doc *document.Document, pass []*psent, fr *report.Framing) {
	groups := map[string]bool{}
	for _, p := range pass {
		for _, a := range p.hits {
			ea := &f.entries[a.e]
			if ea.kind != kActor || groups[ea.group] {
				continue
			}
			for _, r := range p.hits {
				er := &f.entries[r.e]
				if er.kind != kReporting {
					continue
				}
				if len(p.others) > 0 && !f.owns(doc, p, r) {
					continue
				}
				if a.end <= r.start && r.start-a.end <= citeWindow || a.start >= r.end && a.start-r.end < er.after {
					groups[ea.group] = true
					break
				}
			}
		}
	}
	for _, g := range Groups {
		if groups[g] {
			fr.Attribution = append(fr.Attribution, g)
		}
	}
}

// hedges lists the hedges of the point's own sentences and list headers.
func (f *Framer) hedges(doc *document.Document, pass []*psent, fr *report.Framing) {
	seen := map[string]bool{}
	for _, p := range pass {
		if p.role == roleNeighbour {
			continue
		}
		for _, h := range p.hits {
			if f.entries[h.e].kind != kHedge {
				continue
			}
			text := doc.Text[doc.Tokens[h.start].Start:doc.Tokens[h.end-1].End]
			key := strings.ToLower(text)
			if !seen[key] {
				seen[key] = true
				fr.Hedges = append(fr.Hedges, text)
			}
		}
	}
	fr.Hedged = len(fr.Hedges) > 0
}
