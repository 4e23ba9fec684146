// Package yamlnode reads positioned YAML: it walks yaml.v3 nodes and reports
// problems as "file:line:col: message" errors. The catalog, the framing
// lexicon and the config file are all read with it, so a problem reads the
// same way in each.
package yamlnode

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Error is a problem at a position in a YAML file. Line 0 means the problem
// has no position (the file as a whole).
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

// Errors is every problem found in one file, one a line.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Sort puts the errors in file order (line, then column), keeping the order
// they were found in at the same position.
func (es Errors) Sort() {
	slices.SortStableFunc(es, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
	})
}

// Parse reads one YAML document and returns its top node, or nil when the
// document holds nothing (an empty file, or only comments). A syntax error
// is returned as Errors with one Error, at the line yaml.v3 names (column 1),
// or at no position when it names none.
func Parse(file string, data []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, Errors{SyntaxError(file, err)}
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	return doc.Content[0], nil
}

// SyntaxError turns a yaml.v3 syntax error ("yaml: line 3: did not find
// expected key") into a positioned Error ("file:3:1: YAML syntax error: did
// not find expected key").
func SyntaxError(file string, err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	e := &Error{File: file, Msg: "YAML syntax error: " + msg}
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

// Parser collects the problems found while walking one file's nodes. Its
// readers report a problem and carry on, so that one pass finds them all;
// Err hands them over at the end.
type Parser struct {
	File string
	Errs Errors
}

// Errorf reports a problem at n's position.
func (p *Parser) Errorf(n *yaml.Node, format string, args ...any) {
	p.Errs = append(p.Errs, &Error{File: p.File, Line: n.Line, Col: n.Column, Msg: fmt.Sprintf(format, args...)})
}

// Err returns the problems found, in file order, or nil when there are none.
func (p *Parser) Err() error {
	if len(p.Errs) == 0 {
		return nil
	}
	p.Errs.Sort()
	return p.Errs
}

// Fields walks a mapping, calling set for each known key in the order they
// are written, and reports unknown and repeated keys (a repeated key's
// value is not read). what names the mapping in messages ("clause").
func (p *Parser) Fields(n *yaml.Node, what string, known []string, set func(key string, v *yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		p.Errorf(n, "%s must be a mapping, not %s", what, KindName(n))
		return
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(known, k.Value) {
			p.Errorf(k, "unknown key %q in %s (known: %s)", k.Value, what, strings.Join(known, ", "))
			continue
		}
		if seen[k.Value] {
			p.Errorf(k, "key %q repeated in %s", k.Value, what)
			continue
		}
		seen[k.Value] = true
		set(k.Value, v)
	}
}

// KindName says what a node is, for messages: "a mapping", "a list",
// "empty", `the value "x"`.
func KindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if IsNull(n) {
			return "empty"
		}
		return fmt.Sprintf("the value %q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "unknown"
}

// IsNull reports whether n is an empty value (nothing written, ~ or null).
func IsNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// The readers below each read one value. On a wrong value they report it
// and return ok false.

// Str reads a string: any scalar that is not empty. A number or true is
// read as the text written.
func (p *Parser) Str(n *yaml.Node, what string) (string, bool) {
	if n.Kind != yaml.ScalarNode || IsNull(n) {
		p.Errorf(n, "%s must be a string, not %s", what, KindName(n))
		return "", false
	}
	return n.Value, true
}

// Number reads a number. When the text is no number, the value is what
// strconv.ParseFloat made of it (0, or ±Inf when it is too large).
func (p *Parser) Number(n *yaml.Node, what string) (float64, bool) {
	if n.Kind != yaml.ScalarNode || IsNull(n) {
		p.Errorf(n, "%s must be a number, not %s", what, KindName(n))
		return 0, false
	}
	f, err := strconv.ParseFloat(n.Value, 64)
	if err != nil {
		p.Errorf(n, "%s must be a number, not %q", what, n.Value)
		return f, false
	}
	return f, true
}

// Integer reads a whole number. When the text is no whole number, the
// value is what strconv.Atoi made of it (0, or the largest int of its sign
// when it is too large).
func (p *Parser) Integer(n *yaml.Node, what string) (int, bool) {
	if n.Kind != yaml.ScalarNode || IsNull(n) {
		p.Errorf(n, "%s must be a whole number, not %s", what, KindName(n))
		return 0, false
	}
	i, err := strconv.Atoi(n.Value)
	if err != nil {
		p.Errorf(n, "%s must be a whole number, not %q", what, n.Value)
		return i, false
	}
	return i, true
}

// Bool reads true or false (as written: not yes, no, on or off).
func (p *Parser) Bool(n *yaml.Node, what string) (bool, bool) {
	if n.Kind != yaml.ScalarNode || (n.Value != "true" && n.Value != "false") {
		p.Errorf(n, "%s must be true or false, not %s", what, KindName(n))
		return false, false
	}
	return n.Value == "true", true
}

// Strings reads a list of strings, none of them blank. It returns nil only
// when n is not a list (an empty list gives an empty, non-nil slice), and
// leaves out the items it reports.
func (p *Parser) Strings(n *yaml.Node, what string) []string {
	items := p.StringItems(n, what)
	if items == nil {
		return nil
	}
	out := make([]string, len(items))
	for i, item := range items {
		out[i] = item.Value
	}
	return out
}

// StringItems is Strings that returns the item nodes, for their positions.
func (p *Parser) StringItems(n *yaml.Node, what string) []*yaml.Node {
	if n.Kind != yaml.SequenceNode {
		p.Errorf(n, "%s must be a list of strings, not %s", what, KindName(n))
		return nil
	}
	out := make([]*yaml.Node, 0, len(n.Content))
	for _, item := range n.Content {
		s, ok := p.Str(item, what+" item")
		if !ok {
			continue
		}
		if strings.TrimSpace(s) == "" {
			p.Errorf(item, "%s has an empty item", what)
			continue
		}
		out = append(out, item)
	}
	return out
}
