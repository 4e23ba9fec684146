// Package eval compares plancheck's output with hand labels in the
// codebook's format: point precision, recall and F1, plan-context accuracy,
// stance accuracy and macro-F1.
package eval

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"
)

// Label is one hand-coded article.
type Label struct {
	File        string         `yaml:"file"`
	PlanContext bool           `yaml:"plan_context"`
	Points      map[int]string `yaml:"points"`
}

// Gold is a set of labels keyed by file name.
type Gold struct {
	Source string
	Labels []Label
}

var stances = map[string]bool{"critical": true, "supportive": true, "neutral": true}

// LoadGold reads a gold file.
func LoadGold(path string) (*Gold, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: cannot read gold labels: %w", path, err)
	}
	return ParseGold(path, data)
}

// ParseGold parses gold labels; name is used in errors.
func ParseGold(name string, data []byte) (*Gold, error) {
	var labels []Label
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	if err := dec.Decode(&labels); err != nil {
		return nil, fmt.Errorf("%s: %s", name, strings.TrimPrefix(err.Error(), "yaml: "))
	}
	seen := map[string]bool{}
	for i, l := range labels {
		if l.File == "" {
			return nil, fmt.Errorf("%s: label %d has no file", name, i+1)
		}
		if seen[l.File] {
			return nil, fmt.Errorf("%s: %s is labelled twice", name, l.File)
		}
		seen[l.File] = true
		if !l.PlanContext && len(l.Points) > 0 {
			return nil, fmt.Errorf("%s: %s has points but plan_context: false (codebook 1: no points outside plan context)", name, l.File)
		}
		for p, s := range l.Points {
			if !stances[s] {
				return nil, fmt.Errorf("%s: %s point %d: stance %q is not critical, supportive or neutral", name, l.File, p, s)
			}
		}
	}
	sort.Slice(labels, func(i, j int) bool { return labels[i].File < labels[j].File })
	return &Gold{Source: name, Labels: labels}, nil
}
