package catalog

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/plancheck/plancheck/clauses"
)

// Error is a problem at a position in a catalog file.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %s", e.File, e.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
}

// Errors is every problem found in one catalog, in file order.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

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
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, Errors{yamlError(name, err)}
	}
	p := &parser{file: name}
	c := &Catalog{Source: name, Threshold: 0.5}
	sum := sha256.Sum256(data)
	c.Hash = hex.EncodeToString(sum[:])[:12]
	if len(root.Content) == 0 {
		return nil, Errors{{File: name, Msg: "catalog is empty"}}
	}
	p.catalog(root.Content[0], c)
	if len(p.errs) > 0 {
		sort.SliceStable(p.errs, func(i, j int) bool {
			if p.errs[i].Line != p.errs[j].Line {
				return p.errs[i].Line < p.errs[j].Line
			}
			return p.errs[i].Col < p.errs[j].Col
		})
		return nil, p.errs
	}
	return c, nil
}

// yamlError turns a yaml.v3 syntax error ("yaml: line 3: ...") into a
// positioned Error.
func yamlError(name string, err error) *Error {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if strings.HasPrefix(msg, "line ") {
		rest := msg[len("line "):]
		if i := strings.Index(rest, ":"); i > 0 {
			if n, e := strconv.Atoi(rest[:i]); e == nil {
				line = n
				msg = strings.TrimSpace(rest[i+1:])
			}
		}
	}
	e := &Error{File: name, Line: line, Msg: "YAML syntax error: " + msg}
	if line > 0 {
		e.Col = 1
	}
	return e
}

type parser struct {
	file string
	errs Errors
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	p.errs = append(p.errs, &Error{File: p.file, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)})
}

// fields walks a mapping node, calling set for each known key and reporting
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

func (p *parser) str(n *yaml.Node, what string) string {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%s must be a string, not %s", what, kindName(n))
		return ""
	}
	return n.Value
}

func (p *parser) number(n *yaml.Node, what string) float64 {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "%s must be a number, not %s", what, kindName(n))
		return 0
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err != nil {
		p.errorf(n, "%s must be a number, not %q", what, n.Value)
	}
	return f
}

func (p *parser) integer(n *yaml.Node, what string) int {
	if n.Kind != yaml.ScalarNode {
		p.errorf(n, "%s must be a whole number, not %s", what, kindName(n))
		return 0
	}
	i, err := strconv.Atoi(n.Value)
	if err != nil {
		p.errorf(n, "%s must be a whole number, not %q", what, n.Value)
	}
	return i
}

func (p *parser) strings(n *yaml.Node, what string) []string {
	out, _ := p.stringsPos(n, what)
	return out
}

// stringsPos is strings with the position of each item.
func (p *parser) stringsPos(n *yaml.Node, what string) ([]string, []Pos) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s must be a list of strings, not %s", what, kindName(n))
		return nil, nil
	}
	out := make([]string, 0, len(n.Content))
	pos := make([]Pos, 0, len(n.Content))
	for _, item := range n.Content {
		s := p.str(item, what+" item")
		if item.Kind == yaml.ScalarNode && strings.TrimSpace(s) == "" {
			p.errorf(item, "%s has an empty item", what)
			continue
		}
		out = append(out, s)
		pos = append(pos, Pos{item.Line, item.Column})
	}
	return out, pos
}

func (p *parser) catalog(n *yaml.Node, c *Catalog) {
	var clausesNode *yaml.Node
	p.fields(n, "catalog", []string{"id", "title", "version", "description", "threshold", "context", "plan_terms", "ignore", "clauses"}, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			c.ID = p.str(v, "id")
		case "title":
			c.Title = p.str(v, "title")
		case "version":
			c.Version = p.str(v, "version")
		case "description":
			c.Description = p.str(v, "description")
		case "threshold":
			c.Threshold = p.number(v, "threshold")
			if c.Threshold <= 0 || c.Threshold > 1 {
				p.errorf(v, "threshold must be in (0, 1], not %v", c.Threshold)
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
		p.errorf(n, "catalog has no id")
	}
	if c.Title == "" {
		p.errorf(n, "catalog has no title")
	}
	if len(c.Context.Rules) == 0 {
		p.errorf(n, "catalog has no context rules: every catalog must say when an article is about its plan")
	}
	if clausesNode == nil {
		p.errorf(n, "catalog has no clauses")
		return
	}
	if clausesNode.Kind != yaml.SequenceNode || len(clausesNode.Content) == 0 {
		p.errorf(clausesNode, "clauses must be a non-empty list")
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
			p.errorf(cn, "duplicate clause id %q (first at line %d)", cl.ID, prev.Line)
		}
		ids[cl.ID] = cn
		if prev, ok := points[cl.Point]; ok && cl.Point > 0 {
			p.errorf(cn, "duplicate point %d (first at line %d)", cl.Point, prev.Line)
		}
		points[cl.Point] = cn
		c.Clauses = append(c.Clauses, *cl)
	}
	sort.SliceStable(c.Clauses, func(i, j int) bool { return c.Clauses[i].Point < c.Clauses[j].Point })
}

func (p *parser) context(n *yaml.Node, ctx *Context) {
	ctx.Threshold = 1
	p.fields(n, "context", []string{"threshold", "rules", "against", "points"}, func(k string, v *yaml.Node) {
		switch k {
		case "points":
			ctx.Points = p.integer(v, "context points")
			if ctx.Points < 0 {
				p.errorf(v, "context points must be 0 (off) or more, not %d", ctx.Points)
			}
		case "threshold":
			ctx.Threshold = p.number(v, "context threshold")
			if ctx.Threshold <= 0 {
				p.errorf(v, "context threshold must be above 0")
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
	p.fields(n, "clause", clauseKeys, func(k string, v *yaml.Node) {
		switch k {
		case "id":
			cl.ID = p.str(v, "id")
			if cl.ID != "" && !validID(cl.ID) {
				p.errorf(v, "clause id %q must be lower-case letters, digits and dashes", cl.ID)
			}
		case "point":
			hasPoint = true
			before := len(p.errs)
			cl.Point = p.integer(v, "point")
			if len(p.errs) == before && cl.Point < 1 {
				p.errorf(v, "point must be 1 or more, not %d", cl.Point)
			}
		case "theme":
			cl.Theme = p.str(v, "theme")
		case "pillar":
			cl.Pillar = p.str(v, "pillar")
		case "title":
			cl.Title = p.str(v, "title")
		case "summary":
			cl.Summary = p.str(v, "summary")
		case "seeds":
			cl.Seeds = p.strings(v, "seeds")
		case "rules":
			hasRules = true
			cl.Rules = p.rules(v, "rules")
		case "examples":
			p.fields(v, "examples", []string{"match", "no_match"}, func(k string, v *yaml.Node) {
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
		p.errorf(n, "clause has no id")
	}
	if !hasPoint {
		p.errorf(n, "clause %q has no point number", cl.ID)
	}
	if cl.Theme == "" {
		p.errorf(n, "clause %q has no theme", cl.ID)
	}
	if cl.Title == "" {
		p.errorf(n, "clause %q has no title", cl.ID)
	}
	if !hasRules {
		p.errorf(n, "clause %q has no rules", cl.ID)
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
		p.errorf(n, "%s must be a list of rules, not %s", what, kindName(n))
		return nil
	}
	var out []Rule
	for _, rn := range n.Content {
		if r, ok := p.rule(rn); ok {
			out = append(out, r)
		}
	}
	if len(n.Content) == 0 {
		p.errorf(n, "%s is empty", what)
	}
	return out
}

func (p *parser) rule(n *yaml.Node) (Rule, bool) {
	r := Rule{Weight: 1, Pos: Pos{n.Line, n.Column}}
	before := len(p.errs)
	p.fields(n, "rule", []string{"any", "all", "not", "within", "weight", "anchor", "note"}, func(k string, v *yaml.Node) {
		switch k {
		case "any":
			r.Any = p.strings(v, "any")
			if v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
				p.errorf(v, "rule has an empty any: list")
			}
		case "all":
			if v.Kind != yaml.SequenceNode || len(v.Content) < 2 {
				p.errorf(v, "all: must be a list of two or more groups of terms")
				return
			}
			for _, g := range v.Content {
				if g.Kind == yaml.ScalarNode && g.Tag != "!!null" {
					r.All = append(r.All, []string{g.Value})
					continue
				}
				grp := p.strings(g, "all group")
				if g.Kind == yaml.SequenceNode && len(g.Content) == 0 {
					p.errorf(g, "all: has an empty group")
				}
				r.All = append(r.All, grp)
			}
		case "not":
			r.Not = p.strings(v, "not")
		case "within":
			r.Within = p.integer(v, "within")
			if r.Within < 0 {
				p.errorf(v, "within must be 0 (the sentence) or a number of tokens")
			}
		case "weight":
			r.Weight = p.number(v, "weight")
			if r.Weight <= 0 || r.Weight > 1 {
				p.errorf(v, "weight must be in (0, 1], not %v", r.Weight)
			}
		case "anchor":
			r.Anchor = p.str(v, "anchor")
			if r.Anchor != "" && r.Anchor != "plan" {
				p.errorf(v, "anchor must be \"plan\", not %q", r.Anchor)
			}
		case "note":
			r.Note = p.str(v, "note")
		}
	})
	if n.Kind != yaml.MappingNode {
		return r, false
	}
	switch {
	case r.Any == nil && r.All == nil:
		p.errorf(n, "rule needs any: or all:")
	case r.Any != nil && r.All != nil:
		p.errorf(n, "rule has both any: and all:; split it into two rules")
	}
	if r.Within > 0 && r.All == nil {
		p.errorf(n, "within: only applies to all: rules")
	}
	return r, len(p.errs) == before
}

// Embedded parses the built-in catalog.
func Embedded() (*Catalog, error) {
	return Parse(clauses.CatalogName, clauses.Catalog)
}
