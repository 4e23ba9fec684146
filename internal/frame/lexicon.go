package frame

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/plancheck/plancheck/clauses"
	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/yamlnode"
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
	p := &parser{yamlnode.Parser{File: name}}
	c := &Cues{Source: name, Settings: DefaultSettings}
	cue := phraseKeys{weight: true, exact: true, near: true, opinion: true}
	plain := phraseKeys{exact: true}
	p.Fields(root, "cue lexicon", []string{"settings", "critical", "supportive", "demands", "gains", "negators", "ignore", "contrast", "intensifiers", "hedges", "structure", "rebuttal", "genre", "rhetoric"}, func(k string, v *yaml.Node) {
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
			p.Fields(v, "structure", []string{"item_nouns", "coordinators", "anaphors", "determiners"}, func(k string, v *yaml.Node) {
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
			p.Fields(v, "rebuttal", []string{"markers", "critics", "backers"}, func(k string, v *yaml.Node) {
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
			p.Fields(v, "rhetoric", []string{"questions", "concessions"}, func(k string, v *yaml.Node) {
				if k == "questions" {
					c.Questions = p.phrases(v, "rhetoric.questions", phraseKeys{weight: true, exact: true})
				} else {
					c.Concessions = p.phrases(v, "rhetoric.concessions", plain)
				}
			})
		case "genre":
			p.Fields(v, "genre", []string{"opinion_labels", "opinion_bylines"}, func(k string, v *yaml.Node) {
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
			p.Errorf(root, "cue lexicon has no critical or supportive cues")
		}
	}
	if err := p.Err(); err != nil {
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
	p := &parser{yamlnode.Parser{File: name}}
	a := &Actors{Source: name}
	p.Fields(root, "actor catalog", []string{"reporting", "actors"}, func(k string, v *yaml.Node) {
		switch k {
		case "reporting":
			a.Reporting = p.phrases(v, "reporting", phraseKeys{exact: true, after: true})
		case "actors":
			if v.Kind != yaml.SequenceNode {
				p.Errorf(v, "actors must be a list, not %s", yamlnode.KindName(v))
				return
			}
			ids := map[string]int{}
			for _, n := range v.Content {
				act, ok := p.actor(n)
				if !ok {
					continue
				}
				if line, dup := ids[act.ID]; dup {
					p.Errorf(n, "duplicate actor id %q (first at line %d)", act.ID, line)
				}
				ids[act.ID] = n.Line
				a.Actors = append(a.Actors, act)
			}
		}
	})
	if root.Kind == yaml.MappingNode && !p.failed() {
		if len(a.Actors) == 0 {
			p.Errorf(root, "actor catalog has no actors")
		}
		if len(a.Reporting) == 0 {
			p.Errorf(root, "actor catalog has no reporting words")
		}
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	return a, nil
}

// parseRoot parses a lexicon file and returns its top node.
func parseRoot(name string, data []byte) (*yaml.Node, error) {
	root, err := yamlnode.Parse(name, data)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, catalog.Errors{{File: name, Msg: "file is empty"}}
	}
	return root, nil
}

type parser struct {
	yamlnode.Parser
}

func (p *parser) failed() bool { return len(p.Errs) > 0 }

func (p *parser) settings(n *yaml.Node, s *Settings) {
	keys := []string{"negation_window", "negation_gap", "negated_supportive", "negated_critical", "contrast_discount", "neighbour_weight", "header_weight", "min_score", "dominance", "opinion_min_score", "verdict_factor", "opinion_voice", "opinion_paragraph_weight", "qa_headings", "rebutted"}
	minSet := false
	p.Fields(n, "settings", keys, func(k string, v *yaml.Node) {
		if k == "negation_gap" {
			s.NegationGap = p.Strings(v, "negation_gap")
			return
		}
		if k == "qa_headings" {
			if n, ok := p.Integer(v, k); ok {
				if n < 1 {
					p.Errorf(v, "qa_headings must be 1 or more, not %d", n)
				}
				s.QAHeadings = n
			}
			return
		}
		if k == "negation_window" {
			if w, ok := p.Integer(v, k); ok {
				if w < 0 || w > 10 {
					p.Errorf(v, "negation_window must be 0 to 10 tokens, not %d", w)
				}
				s.NegationWindow = w
			}
			return
		}
		f, ok := p.Number(v, k)
		if !ok {
			return
		}
		switch k {
		case "negated_supportive", "negated_critical", "contrast_discount", "neighbour_weight", "header_weight", "opinion_voice", "opinion_paragraph_weight", "rebutted":
			if f < 0 || f > 1 {
				p.Errorf(v, "%s must be a share from 0 to 1, not %v", k, f)
			}
		case "min_score", "opinion_min_score":
			if f <= 0 {
				p.Errorf(v, "%s must be above 0, not %v", k, f)
			}
		case "dominance":
			if f < 1 {
				p.Errorf(v, "dominance must be 1 or more, not %v", f)
			}
		case "verdict_factor":
			if f < 1 || f > maxWeight {
				p.Errorf(v, "verdict_factor must be from 1 to %d, not %v", maxWeight, f)
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
		p.Errorf(n, "%s must be a list, not %s", what, yamlnode.KindName(n))
		return nil
	}
	out := make([]Phrase, 0, len(n.Content))
	for _, item := range n.Content {
		ph := Phrase{Weight: 1, Pos: catalog.Pos{Line: item.Line, Col: item.Column}}
		ok := true
		switch item.Kind {
		case yaml.ScalarNode:
			if item.Tag == "!!null" {
				p.Errorf(item, "%s has an empty entry", what)
				continue
			}
			ph.Text = item.Value
		case yaml.MappingNode:
			before := len(p.Errs)
			hasText := false
			p.Fields(item, what+" entry", keys.names(), func(k string, v *yaml.Node) {
				switch k {
				case "text":
					hasText = true
					ph.Text, _ = p.Str(v, "text")
				case "weight", "factor":
					if f, ok := p.Number(v, k); ok {
						if f <= 0 || f > maxWeight {
							p.Errorf(v, "%s must be above 0 and at most %d, not %v", k, maxWeight, f)
						}
						ph.Weight = f
					}
				case "exact":
					ph.Exact, _ = p.Bool(v, "exact")
				case "near":
					ph.Near = p.Strings(v, "near")
					if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
						p.Errorf(v, "near: is an empty list")
					}
				case "within":
					if w, ok := p.Integer(v, "within"); ok {
						if w < 1 || w > 30 {
							p.Errorf(v, "within must be 1 to 30 tokens, not %d", w)
						}
						ph.Within = w
					}
				case "keep":
					ph.Keep, _ = p.Str(v, "keep")
					if ph.Keep != "" && ph.Keep != "after" && ph.Keep != "main" {
						p.Errorf(v, "keep must be \"after\" or \"main\", not %q", ph.Keep)
					}
				case "after":
					if a, ok := p.Integer(v, "after"); ok {
						if a < 0 || a > 10 {
							p.Errorf(v, "after must be 0 to 10 tokens, not %d", a)
						}
						ph.After = a
					}
				case "alone":
					ph.Alone, _ = p.Bool(v, "alone")
				case "opinion":
					ph.Opinion, _ = p.Bool(v, "opinion")
				case "note":
					ph.Note, _ = p.Str(v, "note")
				}
			})
			if !hasText && len(p.Errs) == before {
				p.Errorf(item, "%s entry has no text", what)
			}
			if ph.Within > 0 && ph.Near == nil {
				p.Errorf(item, "within: needs near:")
			}
			if keys.keep && ph.Keep == "" && hasText {
				p.Errorf(item, "contrast marker %q needs keep: after or keep: main", ph.Text)
			}
			ok = len(p.Errs) == before
		default:
			p.Errorf(item, "%s entry must be a string or a mapping, not %s", what, yamlnode.KindName(item))
			continue
		}
		if strings.TrimSpace(ph.Text) == "" {
			if item.Kind == yaml.ScalarNode || ok {
				p.Errorf(item, "%s has an empty entry", what)
			}
			continue
		}
		if keys.keep && item.Kind == yaml.ScalarNode {
			p.Errorf(item, "contrast marker %q needs keep: after or keep: main", ph.Text)
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
	before := len(p.Errs)
	p.Fields(n, "actor", []string{"id", "group", "aliases", "note"}, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			a.ID, _ = p.Str(v, "id")
		case "group":
			a.Group, _ = p.Str(v, "group")
			if a.Group != "" && !slices.Contains(Groups, a.Group) {
				p.Errorf(v, "group must be one of %s, not %q", strings.Join(Groups, ", "), a.Group)
			}
		case "aliases":
			a.Aliases = p.phrases(v, "aliases", phraseKeys{exact: true})
			if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
				p.Errorf(v, "aliases is an empty list")
			}
		case "note":
			p.Str(v, "note")
		}
	})
	if n.Kind != yaml.MappingNode {
		return a, false
	}
	if a.ID == "" {
		p.Errorf(n, "actor has no id")
	}
	if a.Group == "" {
		p.Errorf(n, "actor %q has no group", a.ID)
	}
	if a.Aliases == nil && len(p.Errs) == before {
		p.Errorf(n, "actor %q has no aliases", a.ID)
	}
	return a, len(p.Errs) == before
}
