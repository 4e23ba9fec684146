package frame

import (
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/plancheck/plancheck/clauses"
	"github.com/plancheck/plancheck/internal/catalog"
)

// Lexicon is the framing data: the cue lexicon and the actor catalog.
type Lexicon struct {
	Cues   *Cues
	Actors *Actors
}

// Phrase is one entry of a lexicon list.
type Phrase struct {
	Text string
	// Weight is a cue's weight, or an intensifier's factor.
	Weight float64
	// Exact matches the words as written (lower case) instead of their
	// normalized forms.
	Exact bool
	// Near lists words of which one must stand within Within tokens.
	Near   []string
	Within int
	// Keep is a contrast marker's winning side: "after" or "main".
	Keep string
	// After is how many tokens behind a reporting word its source may
	// stand ("according to Axios").
	After int
	// Alone: a retort counts only when it is a clause of its own ("It
	// isn't.", "Wrong:").
	Alone bool
	// Opinion: a cue that counts only in an opinion piece (see genre):
	// rhetoric that news copy uses in other senses ("the victim", "the
	// aggressor", "Nuremberg").
	Opinion bool
	Note    string
	Pos     catalog.Pos
}

// Settings tune how cues add up to a stance.
type Settings struct {
	NegationWindow    int
	NegationGap       []string
	NegatedSupportive float64
	NegatedCritical   float64
	ContrastDiscount  float64
	NeighbourWeight   float64
	HeaderWeight      float64
	MinScore          float64
	Dominance         float64
	// OpinionMinScore replaces MinScore in opinion pieces (genre), where
	// evaluation is the point of the text; it never applies to a stance
	// that only list items and list headers carry.
	OpinionMinScore float64
	// VerdictFactor scales the cues that answer a denial ("is not arms
	// control. It is disarmament"; "a protection racket, not a guarantee").
	VerdictFactor float64
	// Rebutted: a claim the author answers outright (a retort, a "But"
	// after a concession, the verdict of a denial) counts on the other
	// side with at least this share of its weight.
	Rebutted float64
	// OpinionVoice marks an unlabelled article as an opinion piece by its
	// voice: at least this share of its running-text sentences evaluate
	// in the author's own words (a cue in a sentence that cites no one and
	// quotes nothing, or a question inside a paragraph), and no fewer of
	// them than report what someone said. 0 turns it off.
	OpinionVoice float64
	// OpinionParagraphWeight: in an opinion piece, the sentences after a
	// point's sentence that stay in its paragraph (without naming another
	// point) join its passage with at least this weight.
	OpinionParagraphWeight float64
	// QAHeadings: an article with this many questions standing alone on
	// their lines is a Q&A explainer, never an opinion piece by its voice.
	QAHeadings int
}

// DefaultSettings are used for settings a lexicon leaves out.
var DefaultSettings = Settings{
	NegationWindow:         3,
	NegatedSupportive:      0.9,
	NegatedCritical:        0.5,
	ContrastDiscount:       0.4,
	NeighbourWeight:        0.5,
	HeaderWeight:           0.6,
	MinScore:               0.5,
	Dominance:              1.5,
	OpinionMinScore:        0.5,
	VerdictFactor:          1,
	OpinionVoice:           0.1,
	OpinionParagraphWeight: 0.35,
	QAHeadings:             3,
}

// Cues is the cue lexicon (clauses/cues.yaml).
type Cues struct {
	Source       string
	Settings     Settings
	Critical     []Phrase
	Supportive   []Phrase
	Demands      []Phrase
	Gains        []Phrase
	Negators     []Phrase
	Ignore       []Phrase
	Contrast     []Phrase
	Intensifiers []Phrase
	Hedges       []Phrase
	ItemNouns    []Phrase
	Coordinators []Phrase
	Anaphors     []Phrase
	Determiners  []Phrase
	// Rebuttal: the author answering a claim reported just before it.
	Rebuttals []Phrase // "they are wrong", "this misreads"
	Critics   []Phrase // who makes a critical claim: "critics", "has been described as"
	Backers   []Phrase // who makes a supportive claim: "backers", "supporters"
	// Genre: what marks an article as an opinion piece.
	OpinionLabels  []Phrase // a short line that opens with one: "OPINION", "Commentary"
	OpinionBylines []Phrase // in a byline: "contributing columnist", "the author is"
	// Rhetoric of opinion pieces.
	Questions   []Phrase // words that make an author's question a critical cue: "who decides", "why"
	Concessions []Phrase // a sentence or clause that concedes before a "But": "Perhaps.", "True, ..."
}

// Groups are the actor groups attribution reports.
var Groups = []string{"us", "russia", "ukraine", "europe", "other"}

// Actor is someone an article may quote or cite.
type Actor struct {
	ID      string
	Group   string
	Aliases []Phrase
	Pos     catalog.Pos
}

// Actors is the actor catalog (clauses/actors.yaml).
type Actors struct {
	Source    string
	Reporting []Phrase
	Actors    []Actor
}

// LoadEmbedded parses the built-in lexicon and actor catalog.
func LoadEmbedded() (*Lexicon, error) {
	return Load("", "")
}

// Load reads a cue lexicon and an actor catalog; an empty path stands for
// the built-in file. Errors are "file:line:col: message".
func Load(cuesPath, actorsPath string) (*Lexicon, error) {
	cuesName, cuesData := clauses.CuesName, clauses.Cues
	if cuesPath != "" {
		data, err := readFile(cuesPath, "cue lexicon")
		if err != nil {
			return nil, err
		}
		cuesName, cuesData = cuesPath, data
	}
	actorsName, actorsData := clauses.ActorsName, clauses.Actors
	if actorsPath != "" {
		data, err := readFile(actorsPath, "actor catalog")
		if err != nil {
			return nil, err
		}
		actorsName, actorsData = actorsPath, data
	}
	cues, err := ParseCues(cuesName, cuesData)
	if err != nil {
		return nil, err
	}
	actors, err := ParseActors(actorsName, actorsData)
	if err != nil {
		return nil, err
	}
	return &Lexicon{Cues: cues, Actors: actors}, nil
}

func readFile(path, what string) ([]byte, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: cannot read %s: %w", path, what, err)
	}
	return data, nil
}

// ParseCues parses a cue lexicon; name is used in errors, which are
// catalog.Errors.
func ParseCues(name string, data []byte) (*Cues, error) {
	root, err := parseRoot(name, data)
	if err != nil {
		return nil, err
	}
	p := &parser{file: name}
	c := &Cues{Source: name, Settings: DefaultSettings}
	cue := phraseKeys{weight: true, exact: true, near: true, opinion: true}
	plain := phraseKeys{exact: true}
	p.fields(root, "cue lexicon", []string{"settings", "critical", "supportive", "demands", "gains", "negators", "ignore", "contrast", "intensifiers", "hedges", "structure", "rebuttal", "genre", "rhetoric"}, func(k string, v *yaml.Node) {
		switch k {
		case "settings":
			p.settings(v, &c.Settings)
		case "critical":
			c.Critical = p.phrases(v, k, cue)
		case "supportive":
			c.Supportive = p.phrases(v, k, cue)
		case "demands":
			c.Demands = p.phrases(v, k, cue)
		case "gains":
			c.Gains = p.phrases(v, k, cue)
		case "negators":
			c.Negators = p.phrases(v, k, plain)
		case "ignore":
			c.Ignore = p.phrases(v, k, plain)
		case "contrast":
			c.Contrast = p.phrases(v, k, phraseKeys{exact: true, keep: true})
		case "intensifiers":
			c.Intensifiers = p.phrases(v, k, phraseKeys{exact: true, factor: true})
		case "hedges":
			c.Hedges = p.phrases(v, k, plain)
		case "structure":
			p.fields(v, "structure", []string{"item_nouns", "coordinators", "anaphors", "determiners"}, func(k string, v *yaml.Node) {
				switch k {
				case "item_nouns":
					c.ItemNouns = p.phrases(v, "structure.item_nouns", plain)
				case "coordinators":
					c.Coordinators = p.phrases(v, "structure.coordinators", plain)
				case "determiners":
					c.Determiners = p.phrases(v, "structure.determiners", plain)
				default:
					c.Anaphors = p.phrases(v, "structure.anaphors", plain)
				}
			})
		case "rebuttal":
			p.fields(v, "rebuttal", []string{"markers", "critics", "backers"}, func(k string, v *yaml.Node) {
				switch k {
				case "markers":
					c.Rebuttals = p.phrases(v, "rebuttal.markers", phraseKeys{exact: true, alone: true})
				case "critics":
					c.Critics = p.phrases(v, "rebuttal.critics", plain)
				default:
					c.Backers = p.phrases(v, "rebuttal.backers", plain)
				}
			})
		case "rhetoric":
			p.fields(v, "rhetoric", []string{"questions", "concessions"}, func(k string, v *yaml.Node) {
				if k == "questions" {
					c.Questions = p.phrases(v, "rhetoric.questions", phraseKeys{weight: true, exact: true})
				} else {
					c.Concessions = p.phrases(v, "rhetoric.concessions", plain)
				}
			})
		case "genre":
			p.fields(v, "genre", []string{"opinion_labels", "opinion_bylines"}, func(k string, v *yaml.Node) {
				if k == "opinion_labels" {
					c.OpinionLabels = p.phrases(v, "genre.opinion_labels", plain)
				} else {
					c.OpinionBylines = p.phrases(v, "genre.opinion_bylines", plain)
				}
			})
		}
	})
	if root.Kind == yaml.MappingNode {
		if len(c.Critical) == 0 && len(c.Supportive) == 0 && !p.failed() {
			p.errorf(root, "cue lexicon has no critical or supportive cues")
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// ParseActors parses an actor catalog; name is used in errors.
func ParseActors(name string, data []byte) (*Actors, error) {
	root, err := parseRoot(name, data)
	if err != nil {
		return nil, err
	}
	p := &parser{file: name}
	a := &Actors{Source: name}
	p.fields(root, "actor catalog", []string{"reporting", "actors"}, func(k string, v *yaml.Node) {
		switch k {
		case "reporting":
			a.Reporting = p.phrases(v, "reporting", phraseKeys{exact: true, after: true})
		case "actors":
			if v.Kind != yaml.SequenceNode {
				p.errorf(v, "actors must be a list, not %s", kindName(v))
				return
			}
			ids := map[string]int{}
			for _, n := range v.Content {
				act, ok := p.actor(n)
				if !ok {
					continue
				}
				if line, dup := ids[act.ID]; dup {
					p.errorf(n, "duplicate actor id %q (first at line %d)", act.ID, line)
				}
				ids[act.ID] = n.Line
				a.Actors = append(a.Actors, act)
			}
		}
	})
	if root.Kind == yaml.MappingNode && !p.failed() {
		if len(a.Actors) == 0 {
			p.errorf(root, "actor catalog has no actors")
		}
		if len(a.Reporting) == 0 {
			p.errorf(root, "actor catalog has no reporting words")
		}
	}
	if err := p.err(); err != nil {
		return nil, err
	}
	return a, nil
}

func parseRoot(name string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, catalog.Errors{yamlError(name, err)}
	}
	if len(doc.Content) == 0 {
		return nil, catalog.Errors{{File: name, Msg: "file is empty"}}
	}
	return doc.Content[0], nil
}

// yamlError turns a yaml.v3 syntax error ("yaml: line 3: ...") into a
// positioned error.
func yamlError(name string, err error) *catalog.Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &catalog.Error{File: name, Msg: "YAML syntax error: " + msg}
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if i := strings.Index(rest, ":"); i > 0 {
			if n, err := strconv.Atoi(rest[:i]); err == nil {
				e.Line, e.Col = n, 1
				e.Msg = "YAML syntax error: " + strings.TrimSpace(rest[i+1:])
			}
		}
	}
	return e
}

type parser struct {
	file string
	errs catalog.Errors
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &catalog.Error{File: p.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)})
}

func (p *parser) failed() bool { return len(p.errs) > 0 }

func (p *parser) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	sort.SliceStable(p.errs, func(i, j int) bool {
		if p.errs[i].Line != p.errs[j].Line {
			return p.errs[i].Line < p.errs[j].Line
		}
		return p.errs[i].Col < p.errs[j].Col
	})
	return p.errs
}

// fields walks a mapping, calling set for each known key and reporting
// unknown and repeated keys.
func (p *parser) fields(n *yaml.Node, what string, known []string, set func(key string, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "%s must be a mapping, not %s", what, kindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !contains(known, k.Value) {
			p.errorf(k, "unknown key %q in %s (known: %s)", k.Value, what, strings.Join(known, ", "))
			continue
		}
		if seen[k.Value] {
			p.errorf(k, "key %q repeated in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		set(k.Value, v)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "empty"
		}
		return fmt.Sprintf("the value %q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "unknown"
}

func (p *parser) str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%s must be a string, not %s", what, kindName(n))
		return "", false
	}
	return n.Value, true
}

func (p *parser) number(n *yaml.Node, what string) (float64, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%s must be a number, not %s", what, kindName(n))
		return 0, false
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err != nil {
		p.errorf(n, "%s must be a number, not %q", what, n.Value)
		return 0, false
	}
	return f, true
}

func (p *parser) integer(n *yaml.Node, what string) (int, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%s must be a whole number, not %s", what, kindName(n))
		return 0, false
	}
	i, err := strconv.Atoi(n.Value)
	if err != nil {
		p.errorf(n, "%s must be a whole number, not %q", what, n.Value)
		return 0, false
	}
	return i, true
}

func (p *parser) boolean(n *yaml.Node, what string) bool {
	if n.Kind != yaml.ScalarNode || (n.Value != "true" && n.Value != "false") {
		p.errorf(n, "%s must be true or false, not %s", what, kindName(n))
		return false
	}
	return n.Value == "true"
}

// strings reads a list of non-empty strings.
func (p *parser) strings(n *yaml.Node, what string) []string {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list of strings, not %s", what, kindName(n))
		return nil
	}
	out := make([]string, 0, len(n.Content))
	for _, item := range n.Content {
		s, ok := p.str(item, what+" item")
		if !ok {
			continue
		}
		if strings.TrimSpace(s) == "" {
			p.errorf(item, "%s has an empty item", what)
			continue
		}
		out = append(out, s)
	}
	return out
}

func (p *parser) settings(n *yaml.Node, s *Settings) {
	keys := []string{"negation_window", "negation_gap", "negated_supportive", "negated_critical", "contrast_discount", "neighbour_weight", "header_weight", "min_score", "dominance", "opinion_min_score", "verdict_factor", "opinion_voice", "opinion_paragraph_weight", "qa_headings", "rebutted"}
	minSet := false
	p.fields(n, "settings", keys, func(k string, v *yaml.Node) {
		if k == "negation_gap" {
			s.NegationGap = p.strings(v, "negation_gap")
			return
		}
		if k == "qa_headings" {
			if n, ok := p.integer(v, k); ok {
				if n < 1 {
					p.errorf(v, "qa_headings must be 1 or more, not %d", n)
				}
				s.QAHeadings = n
			}
			return
		}
		if k == "negation_window" {
			if w, ok := p.integer(v, k); ok {
				if w < 0 || w > 10 {
					p.errorf(v, "negation_window must be 0 to 10 tokens, not %d", w)
				}
				s.NegationWindow = w
			}
			return
		}
		f, ok := p.number(v, k)
		if !ok {
			return
		}
		switch k {
		case "negated_supportive", "negated_critical", "contrast_discount", "neighbour_weight", "header_weight", "opinion_voice", "opinion_paragraph_weight", "rebutted":
			if f < 0 || f > 1 {
				p.errorf(v, "%s must be a share from 0 to 1, not %v", k, f)
			}
		case "min_score", "opinion_min_score":
			if f <= 0 {
				p.errorf(v, "%s must be above 0, not %v", k, f)
			}
		case "dominance":
			if f < 1 {
				p.errorf(v, "dominance must be 1 or more, not %v", f)
			}
		case "verdict_factor":
			if f < 1 || f > maxWeight {
				p.errorf(v, "verdict_factor must be from 1 to %d, not %v", maxWeight, f)
			}
		}
		switch k {
		case "negated_supportive":
			s.NegatedSupportive = f
		case "negated_critical":
			s.NegatedCritical = f
		case "contrast_discount":
			s.ContrastDiscount = f
		case "neighbour_weight":
			s.NeighbourWeight = f
		case "header_weight":
			s.HeaderWeight = f
		case "min_score":
			s.MinScore = f
			if !minSet {
				s.OpinionMinScore = f
			}
		case "opinion_min_score":
			s.OpinionMinScore = f
			minSet = true
		case "dominance":
			s.Dominance = f
		case "verdict_factor":
			s.VerdictFactor = f
		case "opinion_voice":
			s.OpinionVoice = f
		case "rebutted":
			s.Rebutted = f
		case "opinion_paragraph_weight":
			s.OpinionParagraphWeight = f
		}
	})
}

// phraseKeys says which keys a list's mapping entries may use.
type phraseKeys struct {
	weight, factor, exact, near, keep, after, alone, opinion bool
}

func (k phraseKeys) names() []string {
	out := []string{"text"}
	if k.weight {
		out = append(out, "weight")
	}
	if k.factor {
		out = append(out, "factor")
	}
	if k.exact {
		out = append(out, "exact")
	}
	if k.near {
		out = append(out, "near", "within")
	}
	if k.keep {
		out = append(out, "keep")
	}
	if k.after {
		out = append(out, "after")
	}
	if k.alone {
		out = append(out, "alone")
	}
	if k.opinion {
		out = append(out, "opinion")
	}
	return append(out, "note")
}

// maxWeight bounds cue weights and intensifier factors.
const maxWeight = 3

// phrases reads a list of phrases: strings, or mappings with the keys the
// list allows.
func (p *parser) phrases(n *yaml.Node, what string, keys phraseKeys) []Phrase {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list, not %s", what, kindName(n))
		return nil
	}
	out := make([]Phrase, 0, len(n.Content))
	for _, item := range n.Content {
		ph := Phrase{Weight: 1, Pos: catalog.Pos{Line: item.Line, Col: item.Column}}
		ok := true
		switch item.Kind {
		case yaml.ScalarNode:
			if item.Tag == "!!null" {
				p.errorf(item, "%s has an empty entry", what)
				continue
			}
			ph.Text = item.Value
		case yaml.MappingNode:
			before := len(p.errs)
			hasText := false
			p.fields(item, what+" entry", keys.names(), func(k string, v *yaml.Node) {
				switch k {
				case "text":
					hasText = true
					ph.Text, _ = p.str(v, "text")
				case "weight", "factor":
					if f, ok := p.number(v, k); ok {
						if f <= 0 || f > maxWeight {
							p.errorf(v, "%s must be above 0 and at most %d, not %v", k, maxWeight, f)
						}
						ph.Weight = f
					}
				case "exact":
					ph.Exact = p.boolean(v, "exact")
				case "near":
					ph.Near = p.strings(v, "near")
					if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
						p.errorf(v, "near: is an empty list")
					}
				case "within":
					if w, ok := p.integer(v, "within"); ok {
						if w < 1 || w > 30 {
							p.errorf(v, "within must be 1 to 30 tokens, not %d", w)
						}
						ph.Within = w
					}
				case "keep":
					ph.Keep, _ = p.str(v, "keep")
					if ph.Keep != "" && ph.Keep != "after" && ph.Keep != "main" {
						p.errorf(v, "keep must be \"after\" or \"main\", not %q", ph.Keep)
					}
				case "after":
					if a, ok := p.integer(v, "after"); ok {
						if a < 0 || a > 10 {
							p.errorf(v, "after must be 0 to 10 tokens, not %d", a)
						}
						ph.After = a
					}
				case "alone":
					ph.Alone = p.boolean(v, "alone")
				case "opinion":
					ph.Opinion = p.boolean(v, "opinion")
				case "note":
					ph.Note, _ = p.str(v, "note")
				}
			})
			if !hasText && len(p.errs) == before {
				p.errorf(item, "%s entry has no text", what)
			}
			if ph.Within > 0 && ph.Near == nil {
				p.errorf(item, "within: needs near:")
			}
			if keys.keep && ph.Keep == "" && hasText {
				p.errorf(item, "contrast marker %q needs keep: after or keep: main", ph.Text)
			}
			ok = len(p.errs) == before
		default:
			p.errorf(item, "%s entry must be a string or a mapping, not %s", what, kindName(item))
			continue
		}
		if strings.TrimSpace(ph.Text) == "" {
			if item.Kind == yaml.ScalarNode || ok {
				p.errorf(item, "%s has an empty entry", what)
			}
			continue
		}
		if keys.keep && item.Kind == yaml.ScalarNode {
			p.errorf(item, "contrast marker %q needs keep: after or keep: main", ph.Text)
			continue
		}
		if keys.near && ph.Near != nil && ph.Within == 0 {
			ph.Within = 5
		}
		if ok {
			out = append(out, ph)
		}
	}
	return out
}

// actor reads one actor.
func (p *parser) actor(n *yaml.Node) (Actor, bool) {
	a := Actor{Pos: catalog.Pos{Line: n.Line, Col: n.Column}}
	before := len(p.errs)
	p.fields(n, "actor", []string{"id", "group", "aliases", "note"}, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			a.ID, _ = p.str(v, "id")
		case "group":
			a.Group, _ = p.str(v, "group")
			if a.Group != "" && !contains(Groups, a.Group) {
				p.errorf(v, "group must be one of %s, not %q", strings.Join(Groups, ", "), a.Group)
			}
		case "aliases":
			a.Aliases = p.phrases(v, "aliases", phraseKeys{exact: true})
			if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
				p.errorf(v, "aliases is an empty list")
			}
		case "note":
			p.str(v, "note")
		}
	})
	if n.Kind != yaml.MappingNode {
		return a, false
	}
	if a.ID == "" {
		p.errorf(n, "actor has no id")
	}
	if a.Group == "" {
		p.errorf(n, "actor %q has no group", a.ID)
	}
	if a.Aliases == nil && len(p.errs) == before {
		p.errorf(n, "actor %q has no aliases", a.ID)
	}
	return a, len(p.errs) == before
}
