package catalog

import (
	"strings"
	"testing"
)

const minimal = `id: demo
title: Demo plan
context:
  rules:
    - any: [demo plan]
clauses:
  - id: p1-one
    point: 1
    theme: first
    title: One
    rules:
      - any: [one thing]
`

func TestParseMinimal(t *testing.T) {
	c, err := Parse("demo.yaml", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	if c.ID != "demo" || len(c.Clauses) != 1 || c.Clauses[0].Rules[0].Weight != 1 || c.Threshold != 0.5 || c.Context.Threshold != 1 {
		t.Errorf("defaults not applied: %+v", c)
	}
	if c.Hash == "" {
		t.Error("no hash")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, yaml, want string
	}{
		{"syntax", "id: [unclosed\n", "demo.yaml:1:1: YAML syntax error: did not find expected"},
		{"unknown key", strings.Replace(minimal, "theme: first", "theme: first\n    colour: red", 1), `demo.yaml:10:5: unknown key "colour" in clause`},
		{"duplicate point", minimal + "  - id: p1-again\n    point: 1\n    theme: t\n    title: T\n    rules:\n      - any: [x]\n", "demo.yaml:13:5: duplicate point 1 (first at line 7)"},
		{"duplicate id", minimal + "  - id: p1-one\n    point: 2\n    theme: t\n    title: T\n    rules:\n      - any: [x]\n", `demo.yaml:13:5: duplicate clause id "p1-one"`},
		{"empty rule", strings.Replace(minimal, "- any: [one thing]", "- any: []", 1), "demo.yaml:12:14: rule has an empty any: list"},
		{"empty term", strings.Replace(minimal, "[one thing]", `["  "]`, 1), "demo.yaml:12:15: any has an empty item"},
		{"rule without kind", strings.Replace(minimal, "- any: [one thing]", "- weight: 0.5", 1), "demo.yaml:12:9: rule needs any: or all:"},
		{"both kinds", strings.Replace(minimal, "- any: [one thing]", "- any: [a]\n        all: [[b], [c]]", 1), "rule has both any: and all:"},
		{"bad weight", strings.Replace(minimal, "- any: [one thing]", "- any: [a]\n        weight: 2", 1), "demo.yaml:13:17: weight must be in (0, 1], not 2"},
		{"all with one group", strings.Replace(minimal, "- any: [one thing]", "- all: [[a]]", 1), "all: must be a list of two or more groups"},
		{"bad anchor", strings.Replace(minimal, "- any: [one thing]", "- any: [a]\n        anchor: paragraph", 1), `anchor must be "plan"`},
		{"no clauses", "id: x\ntitle: X\ncontext:\n  rules:\n    - any: [a]\n", "catalog has no clauses"},
		{"no context", strings.Replace(minimal, "context:\n  rules:\n    - any: [demo plan]\n", "", 1), "catalog has no context rules"},
		{"point not a number", strings.Replace(minimal, "point: 1", "point: one", 1), `demo.yaml:8:12: point must be a whole number, not "one"`},
		{"empty file", "", "catalog is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("demo.yaml", []byte(tt.yaml))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error\n%s\nwant it to contain\n%s", err, tt.want)
			}
			for _, line := range strings.Split(err.Error(), "\n") {
				if !strings.HasPrefix(line, "demo.yaml") {
					t.Errorf("error line %q does not name the file", line)
				}
			}
		})
	}
}

func TestEmbeddedLoads(t *testing.T) {
	c, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(c.Source, "embedded:") {
		t.Errorf("source %q", c.Source)
	}
}
