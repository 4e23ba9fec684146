package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"sort"

	"gopkg.in/yaml.v3"

	"github.com/plancheck/plancheck/clauses"
	"github.com/plancheck/plancheck/internal/yamlnode"
)

// Error is a problem at a position in a catalog file.
type Error = yamlnode.Error

// Errors is every problem found in one catalog, in file order.
type Errors = yamlnode.Errors

// LoadFile reads and validates the catalog at path.
func LoadFile(path string) (*Catalog, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read catalog: %w", path, unwrapPathErr(err))
	}
	return Parse(path, data)
}

func unwrapPathErr(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Parse reads a catalog from data; name is used in error messages. It
// returns Errors when the catalog is malformed.
func Parse(name string, data []byte) (*Catalog, error) {
	root, err := yamlnode.Parse(name, data)
	if err != nil {
		return nil, err
	}
	if root == nil {
		return nil, Errors{{File: name, Msg: "catalog is empty"}}
	}
	p := &parser{yamlnode.Parser{File: name}}
	c := &Catalog{Source: name, Threshold: 0.5}
	sum := sha256.Sum256(data)
	c.Hash = hex.EncodeToString(sum[:])[:12]
	p.catalog(root, c)
	if err := p.Err(); err != nil {
		return nil, err
	}
	return c, nil
}

type parser struct {
	yamlnode.Parser
}

// number and integer read as catalogs always have: an empty value is named
// by its text (`not ""`, where yamlnode says "not empty"), and the value is
// kept even when it is wrong, so that a range check may report it too.
func (p *parser) number(n *yaml.Node, what string) float64 {
	f, _ := p.Number(nullAsText(n), what)
	return f
}

func (p *parser) integer(n *yaml.Node, what string) int {
	i, _ := p.Integer(nullAsText(n), what)
	return i
}

// nullAsText returns an empty value (~, null, nothing) as a plain string
// node with the same text and position, and any other node as it is.
func nullAsText(n *yaml.Node) *yaml.Node {
	if !yamlnode.IsNull(n) {
		return n
	}
	c := *n
	c.Tag = "!!str"
	return &c
}

func (p *parser) strings(n *yaml.Node, what string) []string {
	out, _ := p.stringsPos(n, what)
	return out
}

// stringsPos is Strings with the position of each item. A catalog also
// reports an empty (null) item as an empty item, after saying it is no
// string.
func (p *parser) stringsPos(n *yaml.Node, what string) ([]string, []Pos) {
	items := p.StringItems(n, what)
	if items == nil {
		return nil, nil
	}
	for _, item := range n.Content {
		if yamlnode.IsNull(item) {
			p.Errorf(item, "%s has an empty item", what)
		}
	}
	out := make([]string, len(items))
	pos := make([]Pos, len(items))
	for i, item := range items {
		out[i], pos[i] = item.Value, Pos{item.Line, item.Column}
	}
	return out, pos
}

func (p *parser) catalog(n *yaml.Node, c *Catalog) {
	var clausesNode *yaml.Node
	p.Fields(n, "catalog", []string{"id", "title", "version", "description", "threshold", "context", "plan_terms", "ignore", "clauses"}, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			c.ID, _ = p.Str(v, "id")
		case "title":
			c.Title, _ = p.Str(v, "title")
		case "version":
			c.Version, _ = p.Str(v, "version")
		case "description":
			c.Description, _ = p.Str(v, "description")
		case "threshold":
			c.Threshold = p.number(v, "threshold")
			if c.Threshold <= 0 || c.Threshold > 1 {
				p.Errorf(v, "threshold must be in (0, 1], not %v", c.Threshold)
			}
		case "context":
			p.context(v, &c.Context)
		case "plan_terms":
			c.PlanTerms = p.strings(v, "plan_terms")
		case "ignore":
			c.Ignore = p.strings(v, "ignore")
		case "clauses":
			clausesNode = v
		}
	})
	if n.Kind != yaml.MappingNode {
		return
	}
	if c.ID == "" {
		p.Errorf(n, "catalog has no id")
	}
	if c.Title == "" {
		p.Errorf(n, "catalog has no title")
	}
	if len(c.Context.Rules) == 0 {
		p.Errorf(n, "catalog has no context rules: every catalog must say when an article is about its plan")
	}
	if clausesNode == nil {
		p.Errorf(n, "catalog has no clauses")
		return
	}
	if clausesNode.Kind != yaml.SequenceNode || len(clausesNode.Content) == 0 {
		p.Errorf(clausesNode, "clauses must be a non-empty list")
		return
	}
	ids := map[string]*yaml.Node{}
	points := map[int]*yaml.Node{}
	for _, cn := range clausesNode.Content {
		cl := p.clause(cn)
		if cl == nil {
			continue
		}
		if prev, ok := ids[cl.ID]; ok && cl.ID != "" {
			p.Errorf(cn, "duplicate clause id %q (first at line %d)", cl.ID, prev.Line)
		}
		ids[cl.ID] = cn
		if prev, ok := points[cl.Point]; ok && cl.Point > 0 {
			p.Errorf(cn, "duplicate point %d (first at line %d)", cl.Point, prev.Line)
		}
		points[cl.Point] = cn
		c.Clauses = append(c.Clauses, *cl)
	}
	sort.SliceStable(c.Clauses, func(i, j int) bool { return c.Clauses[i].Point < c.Clauses[j].Point })
}

func (p *parser) context(n *yaml.Node, ctx *Context) {
	ctx.Threshold = 1
	p.Fields(n, "context", []string{"threshold", "rules", "against", "points"}, func(k string, v *yaml.Node) {
		switch k {
		case "points":
			ctx.Points = p.integer(v, "context points")
			if ctx.Points < 0 {
				p.Errorf(v, "context points must be 0 (off) or more, not %d", ctx.Points)
			}
		case "threshold":
			ctx.Threshold = p.number(v, "context threshold")
			if ctx.Threshold <= 0 {
				p.Errorf(v, "context threshold must be above 0")
			}
		case "rules":
			ctx.Rules = p.rules(v, "context rules")
		case "against":
			ctx.Against = p.rules(v, "context against")
		}
	})
}

var clauseKeys = []string{"id", "point", "theme", "pillar", "title", "summary", "seeds", "rules", "examples"}

func (p *parser) clause(n *yaml.Node) *Clause {
	cl := &Clause{Pos: Pos{n.Line, n.Column}}
	var hasPoint, hasRules bool
	p.Fields(n, "clause", clauseKeys, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			cl.ID, _ = p.Str(v, "id")
			if cl.ID != "" && !validID(cl.ID) {
				p.Errorf(v, "clause id %q must be lower-case letters, digits and dashes", cl.ID)
			}
		case "point":
			hasPoint = true
			before := len(p.Errs)
			cl.Point = p.integer(v, "point")
			if len(p.Errs) == before && cl.Point < 1 {
				p.Errorf(v, "point must be 1 or more, not %d", cl.Point)
			}
		case "theme":
			cl.Theme, _ = p.Str(v, "theme")
		case "pillar":
			cl.Pillar, _ = p.Str(v, "pillar")
		case "title":
			cl.Title, _ = p.Str(v, "title")
		case "summary":
			cl.Summary, _ = p.Str(v, "summary")
		case "seeds":
			cl.Seeds = p.strings(v, "seeds")
		case "rules":
			hasRules = true
			cl.Rules = p.rules(v, "rules")
		case "examples":
			p.Fields(v, "examples", []string{"match", "no_match"}, func(k string, v *yaml.Node) {
				if k == "match" {
					cl.Examples.Match, cl.Examples.MatchPos = p.stringsPos(v, "examples.match")
				} else {
					cl.Examples.NoMatch, cl.Examples.NoMatchPos = p.stringsPos(v, "examples.no_match")
				}
			})
		}
	})
	if n.Kind != yaml.MappingNode {
		return nil
	}
	if cl.ID == "" {
		p.Errorf(n, "clause has no id")
	}
	if !hasPoint {
		p.Errorf(n, "clause %q has no point number", cl.ID)
	}
	if cl.Theme == "" {
		p.Errorf(n, "clause %q has no theme", cl.ID)
	}
	if cl.Title == "" {
		p.Errorf(n, "clause %q has no title", cl.ID)
	}
	if !hasRules {
		p.Errorf(n, "clause %q has no rules", cl.ID)
	}
	return cl
}

func validID(s string) bool {
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func (p *parser) rules(n *yaml.Node, what string) []Rule {
	if n.Kind != yaml.SequenceNode {
		p.Errorf(n, "%s must be a list of rules, not %s", what, yamlnode.KindName(n))
		return nil
	}
	var out []Rule
	for _, rn := range n.Content {
		if r, ok := p.rule(rn); ok {
			out = append(out, r)
		}
	}
	if len(n.Content) == 0 {
		p.Errorf(n, "%s is empty", what)
	}
	return out
}

func (p *parser) rule(n *yaml.Node) (Rule, bool) {
	r := Rule{Weight: 1, Pos: Pos{n.Line, n.Column}}
	before := len(p.Errs)
	p.Fields(n, "rule", []string{"any", "all", "not", "within", "weight", "anchor", "note"}, func(k string, v *yaml.Node) {
		switch k {
		case "any":
			r.Any = p.strings(v, "any")
			if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
				p.Errorf(v, "rule has an empty any: list")
			}
		case "all":
			if v.Kind != yaml.SequenceNode || len(v.Content) < 2 {
				p.Errorf(v, "all: must be a list of two or more groups of terms")
				return
			}
			for _, g := range v.Content {
				if g.Kind == yaml.ScalarNode && g.Tag != "!!null" {
					r.All = append(r.All, []string{g.Value})
					continue
				}
				grp := p.strings(g, "all group")
				if g.Kind == yaml.SequenceNode && len(g.Content) == 0 {
					p.Errorf(g, "all: has an empty group")
				}
				r.All = append(r.All, grp)
			}
		case "not":
			r.Not = p.strings(v, "not")
		case "within":
			r.Within = p.integer(v, "within")
			if r.Within < 0 {
				p.Errorf(v, "within must be 0 (the sentence) or a number of tokens")
			}
		case "weight":
			r.Weight = p.number(v, "weight")
			if r.Weight <= 0 || r.Weight > 1 {
				p.Errorf(v, "weight must be in (0, 1], not %v", r.Weight)
			}
		case "anchor":
			r.Anchor, _ = p.Str(v, "anchor")
			if r.Anchor != "" && r.Anchor != "plan" {
				p.Errorf(v, "anchor must be \"plan\", not %q", r.Anchor)
			}
		case "note":
			r.Note, _ = p.Str(v, "note")
		}
	})
	if n.Kind != yaml.MappingNode {
		return r, false
	}
	switch {
	case r.Any == nil && r.All == nil:
		p.Errorf(n, "rule needs any: or all:")
	case r.Any != nil && r.All != nil:
		p.Errorf(n, "rule has both any: and all:; split it into two rules")
	}
	if r.Within > 0 && r.All == nil {
		p.Errorf(n, "within: only applies to all: rules")
	}
	return r, len(p.Errs) == before
}

// Embedded parses the built-in catalog.
func Embedded() (*Catalog, error) {
	return Parse(clauses.CatalogName, clauses.Catalog)
}
