package yamlnode

import (
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// value parses src ("key: value") and returns the value node.
func value(t *testing.T, src string) *yaml.Node {
	t.Helper()
	root, err := Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if root == nil || root.Kind != yaml.MappingNode || len(root.Content) != 2 {
		t.Fatalf("%q: want a mapping of one key", src)
	}
	return root.Content[1]
}

// messages is the error text a parser has collected, one a line.
func messages(p *Parser) string {
	if err := p.Err(); err != nil {
		return err.Error()
	}
	return ""
}

func TestErrorText(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&Error{File: "a.yaml", Line: 3, Col: 7, Msg: "bad"}, "a.yaml:3:7: bad"},
		{&Error{File: "a.yaml", Msg: "file is empty"}, "a.yaml: file is empty"},
		{Errors{{File: "a.yaml", Line: 1, Col: 1, Msg: "one"}, {File: "a.yaml", Msg: "two"}}, "a.yaml:1:1: one\na.yaml: two"},
		{Errors{}, ""},
	} {
		if got := tc.err.Error(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}

func TestSort(t *testing.T) {
	es := Errors{
		{Line: 3, Col: 1, Msg: "c"},
		{Line: 1, Col: 5, Msg: "b"},
		{Line: 1, Col: 2, Msg: "a"},
		{Line: 3, Col: 1, Msg: "d"}, // same place as c: stays after it
		{Line: 0, Msg: "file"},
	}
	es.Sort()
	var got []string
	for _, e := range es {
		got = append(got, e.Msg)
	}
	if want := []string{"file", "a", "b", "c", "d"}; !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		kind      yaml.Kind // of the top node; 0 for none
		err       string
	}{
		{"mapping", "a: 1\n", yaml.MappingNode, ""},
		{"list", "- a\n", yaml.SequenceNode, ""},
		{"empty", "", 0, ""},
		{"only comments", "# nothing\n", 0, ""},
		{"syntax with line", "a: [b\n", 0, "t.yaml:1:1: YAML syntax error: did not find expected ',' or ']'"},
		{"syntax on a later line", "a: b\n\tc: d\n", 0, "t.yaml:2:1: YAML syntax error: found a tab character that violates indentation"},
		{"syntax without line", "a: *x\n", 0, "t.yaml: YAML syntax error: unknown anchor 'x' referenced"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			n, err := Parse("t.yaml", []byte(tc.src))
			if tc.err != "" {
				var es Errors
				if !errors.As(err, &es) || len(es) != 1 || n != nil {
					t.Fatalf("got %v (%T), %v; want one Error", err, err, n)
				}
				if err.Error() != tc.err {
					t.Errorf("got %q, want %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tc.kind == 0 && n != nil:
				t.Errorf("got a node of kind %v, want none", n.Kind)
			case tc.kind != 0 && (n == nil || n.Kind != tc.kind):
				t.Errorf("got %v, want kind %v", n, tc.kind)
			}
		})
	}
}

func TestKindName(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"k: {a: b}", "a mapping"},
		{"k: [a]", "a list"},
		{"k:", "empty"},
		{"k: ~", "empty"},
		{"k: null", "empty"},
		{"k: x", `the value "x"`},
		{"k: 3", `the value "3"`},
		{`k: ""`, `the value ""`},
	} {
		if got := KindName(value(t, tc.src)); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.src, got, tc.want)
		}
	}
	if got := KindName(&yaml.Node{Kind: yaml.AliasNode}); got != "an alias" {
		t.Errorf("alias: got %q", got)
	}
}

func TestFields(t *testing.T) {
	known := []string{"id", "title"}
	for _, tc := range []struct {
		name, src string
		set       string // the keys set was called with, in order
		errs      string
	}{
		{"known keys in file order", "k: {title: T, id: x}", "title id", ""},
		{"unknown key", "k: {id: x, colour: red}", "id", `t.yaml:1:12: unknown key "colour" in clause (known: id, title)`},
		{"repeated key", "k:\n  id: x\n  id: y\n", "id", `t.yaml:3:3: key "id" repeated in clause`},
		{"not a mapping", "k: [a]", "", "t.yaml:1:4: clause must be a mapping, not a list"},
		{"empty", "k:", "", "t.yaml:1:3: clause must be a mapping, not empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := &Parser{File: "t.yaml"}
			var set []string
			p.Fields(value(t, tc.src), "clause", known, func(k string, v *yaml.Node) {
				set = append(set, k)
			})
			if got := strings.Join(set, " "); got != tc.set {
				t.Errorf("set %q, want %q", got, tc.set)
			}
			if got := messages(p); got != tc.errs {
				t.Errorf("errors\n%s\nwant\n%s", got, tc.errs)
			}
		})
	}
}

type result struct {
	v  any
	ok bool
}

// reader makes a Parser method that reads one value into a func of the
// same shape for every type.
func reader[T any](read func(*Parser, *yaml.Node, string) (T, bool), what string) func(*Parser, *yaml.Node) result {
	return func(p *Parser, n *yaml.Node) result {
		v, ok := read(p, n, what)
		return result{v, ok}
	}
}

func TestScalars(t *testing.T) {
	read := map[string]func(*Parser, *yaml.Node) result{
		"Str":     reader((*Parser).Str, "title"),
		"Number":  reader((*Parser).Number, "weight"),
		"Integer": reader((*Parser).Integer, "point"),
		"Bool":    reader((*Parser).Bool, "exact"),
	}
	for _, tc := range []struct {
		reader, src string
		want        any
		ok          bool
		err         string
	}{
		{"Str", "k: Title", "Title", true, ""},
		{"Str", "k: 12", "12", true, ""},
		{"Str", `k: ""`, "", true, ""},
		{"Str", "k:", "", false, "t.yaml:1:3: title must be a string, not empty"},
		{"Str", "k: [a]", "", false, "t.yaml:1:4: title must be a string, not a list"},
		{"Number", "k: 0.5", 0.5, true, ""},
		{"Number", "k: 2", 2.0, true, ""},
		{"Number", "k: high", 0.0, false, `t.yaml:1:4: weight must be a number, not "high"`},
		{"Number", "k: 1e999", math.Inf(1), false, `t.yaml:1:4: weight must be a number, not "1e999"`},
		{"Number", "k: ~", 0.0, false, "t.yaml:1:4: weight must be a number, not empty"},
		{"Number", "k: {a: b}", 0.0, false, "t.yaml:1:4: weight must be a number, not a mapping"},
		{"Integer", "k: 7", 7, true, ""},
		{"Integer", "k: -3", -3, true, ""},
		{"Integer", "k: one", 0, false, `t.yaml:1:4: point must be a whole number, not "one"`},
		{"Integer", "k: 1.5", 0, false, `t.yaml:1:4: point must be a whole number, not "1.5"`},
		{"Integer", "k: -99999999999999999999", math.MinInt, false, `t.yaml:1:4: point must be a whole number, not "-99999999999999999999"`},
		{"Integer", "k:", 0, false, "t.yaml:1:3: point must be a whole number, not empty"},
		{"Integer", "k: [1]", 0, false, "t.yaml:1:4: point must be a whole number, not a list"},
		{"Bool", "k: true", true, true, ""},
		{"Bool", "k: false", false, true, ""},
		{"Bool", "k: yes", false, false, `t.yaml:1:4: exact must be true or false, not the value "yes"`},
		{"Bool", "k:", false, false, "t.yaml:1:3: exact must be true or false, not empty"},
	} {
		t.Run(tc.reader+" "+tc.src, func(t *testing.T) {
			p := &Parser{File: "t.yaml"}
			got := read[tc.reader](p, value(t, tc.src))
			if got != (result{tc.want, tc.ok}) {
				t.Errorf("got %#v, %v; want %#v, %v", got.v, got.ok, tc.want, tc.ok)
			}
			if msg := messages(p); msg != tc.err {
				t.Errorf("error %q, want %q", msg, tc.err)
			}
		})
	}
}

func TestStrings(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []string // nil: not a list
		pos  [][2]int // line and column of each item read
		errs string
	}{
		{"k: [a, b c]", []string{"a", "b c"}, [][2]int{{1, 5}, {1, 8}}, ""},
		{"k: []", []string{}, nil, ""},
		{"k:\n  - a\n  - 2\n", []string{"a", "2"}, [][2]int{{2, 5}, {3, 5}}, ""},
		{"k: a", nil, nil, `t.yaml:1:4: seeds must be a list of strings, not the value "a"`},
		{"k:", nil, nil, "t.yaml:1:3: seeds must be a list of strings, not empty"},
		{`k: [a, "  ", b]`, []string{"a", "b"}, [][2]int{{1, 5}, {1, 14}}, "t.yaml:1:8: seeds has an empty item"},
		{"k: [a, ~, [b], {c: d}]", []string{"a"}, [][2]int{{1, 5}},
			"t.yaml:1:8: seeds item must be a string, not empty\n" +
				"t.yaml:1:11: seeds item must be a string, not a list\n" +
				"t.yaml:1:16: seeds item must be a string, not a mapping"},
	} {
		t.Run(tc.src, func(t *testing.T) {
			p := &Parser{File: "t.yaml"}
			got := p.Strings(value(t, tc.src), "seeds")
			if !reflect.DeepEqual(got, tc.want) || (got == nil) != (tc.want == nil) {
				t.Errorf("got %#v, want %#v", got, tc.want)
			}
			if msg := messages(p); msg != tc.errs {
				t.Errorf("errors\n%s\nwant\n%s", msg, tc.errs)
			}

			p = &Parser{File: "t.yaml"}
			var pos [][2]int
			for _, item := range p.StringItems(value(t, tc.src), "seeds") {
				pos = append(pos, [2]int{item.Line, item.Column})
			}
			if !reflect.DeepEqual(pos, tc.pos) {
				t.Errorf("positions %v, want %v", pos, tc.pos)
			}
		})
	}
}

func TestErrorfAndErr(t *testing.T) {
	p := &Parser{File: "t.yaml"}
	if err := p.Err(); err != nil {
		t.Fatalf("no problems: got %v", err)
	}
	root, err := Parse("t.yaml", []byte("a: 1\nb: 2\n"))
	if err != nil {
		t.Fatal(err)
	}
	p.Errorf(root.Content[3], "second %d", 2)
	p.Errorf(root.Content[1], "first %s", "one")
	want := "t.yaml:2:4: second 2\nt.yaml:1:4: first one"
	if got := p.Errs.Error(); got != want {
		t.Errorf("before Err: %q, want %q (the order found)", got, want)
	}
	want = "t.yaml:1:4: first one\nt.yaml:2:4: second 2"
	err = p.Err()
	var es Errors
	if !errors.As(err, &es) || err.Error() != want {
		t.Errorf("got %q (%T), want %q", err, err, want)
	}
}
