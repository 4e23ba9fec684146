package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	src := `# project defaults
catalog: plans/lake.yaml
format: json
include: ["news/**", "*.md"]
exclude: drafts/**
workers: 4
`
	c, err := Parse("/proj/.plancheck.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"catalog": {filepath.Join("/proj", "plans/lake.yaml")},
		"format":  {"json"},
		"include": {"news/**", "*.md"},
		"exclude": {"drafts/**"},
		"workers": {"4"},
	}
	if !reflect.DeepEqual(c.Values, want) {
		t.Errorf("values\n got %v\nwant %v", c.Values, want)
	}
}

func TestParseEmpty(t *testing.T) {
	c, err := Parse("x.yaml", []byte("# nothing set\n"))
	if err != nil || len(c.Values) != 0 {
		t.Errorf("got %v, %v", c, err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"colour: never\n", `c.yaml:1:1: unknown key "colour" (known: catalog, format, include, exclude, workers)`},
		{"format: yaml\n", `c.yaml:1:9: format must be one of table, json, jsonl, csv, markdown, sarif, not "yaml"`},
		{"workers: 0\n", `c.yaml:1:10: workers must be a whole number, 1 or more, not "0"`},
		{"workers: 2\nworkers: 3\n", `c.yaml:2:1: key "workers" repeated`},
		{"catalog: [a, b]\n", `c.yaml:1:10: catalog must be a single value`},
		{"include: {a: b}\n", `c.yaml:1:10: include must be a glob pattern or a list of them`},
		{"exclude: ['[']\n", `c.yaml:1:10: exclude: bad glob pattern "["`},
		{"- catalog\n", `c.yaml:1:1: a config must be a mapping of keys (catalog, format, include, exclude, workers) to values`},
		{"format: [\n", `c.yaml: YAML syntax error:`},
	} {
		_, err := Parse("c.yaml", []byte(tc.src))
		if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %s", tc.src, err, tc.want)
		}
	}
}

func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if p, err := Find(deep); err != nil || (p != "" && strings.HasPrefix(p, root)) {
		t.Errorf("no config: got %q, %v", p, err)
	}
	cfg := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(cfg, []byte("workers: 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p, err := Find(deep); err != nil || p != cfg {
		t.Errorf("got %q, %v, want %s", p, err, cfg)
	}
	if _, err := Load(filepath.Join(root, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "cannot read config") {
		t.Errorf("missing: %v", err)
	}
}
