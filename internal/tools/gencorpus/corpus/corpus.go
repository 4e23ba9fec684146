// Package corpus generates deterministic benchmark corpora: articles made of
// paragraphs of the seed articles (about the plan) and of generic news that
// is not (war, economy, sport, weather, Gaza, tech), at a chosen share.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// Options controls Generate.
type Options struct {
	// N is the number of articles.
	N int
	// Seed makes the corpus: the same Seed, N, PlanShare and seed texts
	// give the same files.
	Seed uint64
	// PlanShare is the fraction of articles about the plan (0..1).
	PlanShare float64
	// Seeds are the texts plan articles are cut from.
	Seeds []string
}

// Article is one generated article.
type Article struct {
	// Name is the file name: "00042-plan.txt", "00043-sport.txt".
	Name string
	// Plan is true for articles made from the seeds.
	Plan bool
	Text string
}

// ReadSeeds reads the .txt files of dir, sorted by name.
func ReadSeeds(dir string) ([]string, error) {
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var out []string
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		out = append(out, string(data))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no .txt seed articles", dir)
	}
	return out, nil
}

// topics in a fixed order (map order is random).
var topics = []string{"war", "economy", "sport", "weather", "gaza", "tech"}

// Generate calls fn for each of the opts.N articles, in order. Article i
// depends only on opts.Seed and i, and exactly round(N*PlanShare) articles,
// spread evenly, are about the plan.
func Generate(opts Options, fn func(Article) error) error {
	if len(opts.Seeds) == 0 {
		return fmt.Errorf("no seed articles")
	}
	var seedParas [][]string
	for _, s := range opts.Seeds {
		var ps []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				ps = append(ps, l)
			}
		}
		if len(ps) > 0 {
			seedParas = append(seedParas, ps)
		}
	}
	plans := 0
	for i := 0; i < opts.N; i++ {
		// Article i is about the plan when the running share crosses a
		// whole number: the plan articles are spread evenly.
		want := int(float64(i+1)*opts.PlanShare + 0.5)
		plan := want > plans
		if plan {
			plans++
		}
		r := rand.New(rand.NewPCG(opts.Seed, uint64(i)))
		var a Article
		if plan {
			a = Article{Name: fmt.Sprintf("%05d-plan.txt", i), Plan: true, Text: planArticle(r, seedParas)}
		} else {
			topic := topics[r.IntN(len(topics))]
			a = Article{Name: fmt.Sprintf("%05d-%s.txt", i, topic), Text: otherArticle(r, topic)}
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// planArticle is a run of paragraphs of one seed, with a generic paragraph
// or two mixed in.
func planArticle(r *rand.Rand, seeds [][]string) string {
	ps := seeds[r.IntN(len(seeds))]
	n := min(len(ps), 4+r.IntN(6))
	start := r.IntN(len(ps) - n + 1)
	var b strings.Builder
	b.WriteString(ps[0]) // the seed's first paragraph says what it is about
	b.WriteString("\n\n")
	for i, p := range ps[start : start+n] {
		if i > 0 && r.IntN(5) == 0 {
			b.WriteString(fill(r, pick(r, pool[topics[r.IntN(2)]])))
			b.WriteString("\n\n")
		}
		b.WriteString(p)
		b.WriteString("\n\n")
	}
	return b.String()
}

// otherArticle is a headline and paragraphs of one topic, now and then one
// of another.
func otherArticle(r *rand.Rand, topic string) string {
	var b strings.Builder
	b.WriteString(pick(r, headlines[topic]))
	b.WriteString("\n\n")
	n := 5 + r.IntN(7)
	paras := pool[topic]
	order := r.Perm(len(paras))
	for i := 0; i < n; i++ {
		p := paras[order[i%len(order)]]
		if r.IntN(8) == 0 {
			p = pick(r, pool[topics[r.IntN(len(topics))]])
		}
		b.WriteString(fill(r, p))
		b.WriteString("\n\n")
	}
	return b.String()
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

// fill replaces each {slot} with a value of that slot.
func fill(r *rand.Rand, p string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			b.WriteString(p)
			return b.String()
		}
		j := strings.IndexByte(p[i:], '}')
		if j < 0 {
			b.WriteString(p)
			return b.String()
		}
		b.WriteString(p[:i])
		if vals, ok := slots[p[i+1:i+j]]; ok {
			b.WriteString(pick(r, vals))
		} else {
			b.WriteString(p[i : i+j+1])
		}
		p = p[i+j+1:]
	}
}
