// Command gencorpus writes a deterministic benchmark corpus: N articles,
// a share of them cut from the seed articles (about the plan), the rest
// generic news that is not (war, economy, sport, weather, Gaza, tech).
//
//	go run ./internal/tools/gencorpus -n 10000 -seed 1 -plan-share 0.05 /tmp/corpus
//
// The same flags give byte-identical files. docs/performance.md uses it.
//
// With -keywords FILE it also writes the built-in catalog's plan-context
// terms, one per line, for the keyword scan the speed target compares
// with (rg -i -F -f FILE).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/tools/gencorpus/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	seed := flag.Uint64("seed", 1, "random seed")
	share := flag.Float64("plan-share", 0.05, "share of articles about the plan (0..1)")
	seeds := flag.String("seeds", "seeds", "folder of seed articles (.txt) that plan articles are cut from")
	keywords := flag.String("keywords", "", "also write the built-in catalog's plan-context terms to this file, one per line")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: gencorpus [-n N] [-seed S] [-plan-share F] [-seeds DIR] [-keywords FILE] OUTDIR\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *n < 0 || *share < 0 || *share > 1 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *n, *seed, *share, *seeds); err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	if *keywords != "" {
		if err := writeKeywords(*keywords); err != nil {
			fmt.Fprintln(os.Stderr, "gencorpus:", err)
			os.Exit(1)
		}
	}
}

// writeKeywords writes the terms of the built-in catalog's plan-context
// rules (not their "not" terms), lower-case, sorted, each once: what a
// keyword scan for plan coverage would look for.
func writeKeywords(path string) error {
	cat, err := catalog.Embedded()
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, r := range cat.Context.Rules {
		terms := append([]string(nil), r.Any...)
		for _, g := range r.All {
			terms = append(terms, g...)
		}
		for _, t := range terms {
			seen[strings.ToLower(t)] = true
		}
	}
	list := make([]string, 0, len(seen))
	for t := range seen {
		list = append(list, t)
	}
	sort.Strings(list)
	if err := os.WriteFile(path, []byte(strings.Join(list, "\n")+"\n"), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d plan-context keywords in %s\n", len(list), path)
	return nil
}

func run(out string, n int, seed uint64, share float64, seedsDir string) error {
	texts, err := corpus.ReadSeeds(seedsDir)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	var files, bytes, plans int
	err = corpus.Generate(corpus.Options{N: n, Seed: seed, PlanShare: share, Seeds: texts}, func(a corpus.Article) error {
		files++
		bytes += len(a.Text)
		if a.Plan {
			plans++
		}
		return os.WriteFile(filepath.Join(out, a.Name), []byte(a.Text), 0o644)
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d articles (%d about the plan), %.1f MB in %s\n", files, plans, float64(bytes)/1e6, out)
	return nil
}
