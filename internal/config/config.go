// Package config reads .plancheck.yaml, the optional per-project defaults
// for plancheck's flags (catalog, format, include, exclude, workers). It is
// found in the current folder or the nearest parent that has one; flags
// given on the command line override it.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/plancheck/plancheck/internal/report"
	"github.com/plancheck/plancheck/internal/textin"
	"github.com/plancheck/plancheck/internal/yamlnode"
)

// FileName is the name Find looks for.
const FileName = ".plancheck.yaml"

// Keys lists the keys a config file may hold, in the order docs show them.
var Keys = []string{"catalog", "format", "include", "exclude", "workers"}

// Config is a parsed config file. Only the keys the file sets are in
// Values.
type Config struct {
	Path string
	// Values maps a key to its value(s) as flag strings: one item for
	// catalog, format and workers, any number for include and exclude.
	// A relative catalog path is made relative to the config's folder.
	Values map[string][]string
	// Pos is where each key is written, for messages.
	Pos map[string]Pos
}

// Pos is a line and column in the config file.
type Pos struct{ Line, Col int }

// Error is a problem at a position in a config file.
type Error = yamlnode.Error

// Errors is every problem found in one config file, in file order.
type Errors = yamlnode.Errors

// Find returns the path of the config file in dir or its nearest parent
// that has one, or "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		p := filepath.Join(dir, FileName)
		fi, err := os.Stat(p)
		switch {
		case err == nil && !fi.IsDir():
			return p, nil
		case err != nil && !errors.Is(err, fs.ErrNotExist) && !errors.Is(err, fs.ErrPermission):
			return "", fmt.Errorf("%s: %w", p, err)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and checks the config file at path.
func Load(path string) (*Config, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: cannot read config: %w", path, err)
	}
	return Parse(path, data)
}

// Parse reads a config from data; name is its path (for messages and to
// resolve a relative catalog).
func Parse(name string, data []byte) (*Config, error) {
	c := &Config{Path: name, Values: map[string][]string{}, Pos: map[string]Pos{}}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		// Unlike yamlnode.Parse, a config's syntax error names no line.
		return nil, Errors{{File: name, Msg: "YAML syntax error: " + strings.TrimPrefix(err.Error(), "yaml: ")}}
	}
	if len(root.Content) == 0 {
		return c, nil // an empty file sets nothing
	}
	p := &yamlnode.Parser{File: name}
	n := root.Content[0]
	if n.Kind != yaml.MappingNode {
		p.Errorf(n, "a config must be a mapping of keys (%s) to values", strings.Join(Keys, ", "))
		return nil, p.Err()
	}
	scalar := func(k string, v *yaml.Node) (string, bool) {
		if v.Kind != yaml.ScalarNode || yamlnode.IsNull(v) {
			p.Errorf(v, "%s must be a single value", k)
			return "", false
		}
		return v.Value, true
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(Keys, k.Value) {
			p.Errorf(k, "unknown key %q (known: %s)", k.Value, strings.Join(Keys, ", "))
			continue
		}
		if _, dup := c.Pos[k.Value]; dup {
			p.Errorf(k, "key %q repeated", k.Value)
			continue
		}
		c.Pos[k.Value] = Pos{k.Line, k.Column}
		switch k.Value {
		case "catalog":
			s, ok := scalar(k.Value, v)
			if !ok {
				continue
			}
			if strings.TrimSpace(s) == "" {
				p.Errorf(v, "catalog must name a file")
				continue
			}
			if !filepath.IsAbs(s) {
				s = filepath.Join(filepath.Dir(name), s)
			}
			c.Values["catalog"] = []string{s}
		case "format":
			s, ok := scalar(k.Value, v)
			if !ok {
				continue
			}
			if !slices.Contains(report.Formats, s) {
				p.Errorf(v, "format must be one of %s, not %q", strings.Join(report.Formats, ", "), s)
				continue
			}
			c.Values["format"] = []string{s}
		case "workers":
			s, ok := scalar(k.Value, v)
			if !ok {
				continue
			}
			w, err := strconv.Atoi(s)
			if err != nil || w < 1 {
				p.Errorf(v, "workers must be a whole number, 1 or more, not %q", s)
				continue
			}
			c.Values["workers"] = []string{s}
		case "include", "exclude":
			var list []string
			switch v.Kind {
			case yaml.ScalarNode:
				if !yamlnode.IsNull(v) {
					list = []string{v.Value}
				}
			case yaml.SequenceNode:
				for _, item := range v.Content {
					if item.Kind != yaml.ScalarNode || yamlnode.IsNull(item) {
						p.Errorf(item, "%s items must be glob patterns", k.Value)
						continue
					}
					list = append(list, item.Value)
				}
			default:
				p.Errorf(v, "%s must be a glob pattern or a list of them", k.Value)
				continue
			}
			for _, g := range list {
				if err := textin.CheckGlob(g); err != nil {
					p.Errorf(v, "%s: bad glob pattern %q", k.Value, g)
				}
			}
			c.Values[k.Value] = list
		}
	}
	if err := p.Err(); err != nil {
		return nil, err
	}
	return c, nil
}
