package cli

import (
	"fmt"
	"strings"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
	"github.com/plancheck/plancheck/internal/match"
)

// whyNot says why a clause rule did not fire in doc: which of its
// conditions (anchor: plan, not:, within:, the catalog's ignore: terms)
// blocked it in sentences where its terms were all found, or, when they
// never came together in a sentence, where each group of terms was found.
// It compiles small variants of the rule (without each condition) and
// matches them, so it shows what the matcher does rather than re-deriving
// it.
func whyNot(cat *catalog.Catalog, doc *document.Document, r *catalog.Rule) string {
	relaxed := *r
	relaxed.Anchor, relaxed.Not, relaxed.Within = "", nil, 0
	variants := []catalog.Rule{relaxed}
	labels := []string{""}
	if r.Anchor != "" {
		v := relaxed
		v.Anchor = r.Anchor
		variants = append(variants, v)
		labels = append(labels, "anchor: plan (no plan term in the sentence, the one before it, or its list header)")
	}
	if len(r.Not) > 0 {
		v := relaxed
		v.Not = r.Not
		variants = append(variants, v)
		labels = append(labels, "not: (a not: term is in the sentence)")
	}
	if r.Within > 0 {
		v := relaxed
		v.Within = r.Within
		variants = append(variants, v)
		labels = append(labels, fmt.Sprintf("within: %d (the terms are further apart)", r.Within))
	}
	groups := r.All
	if r.Any != nil {
		groups = [][]string{r.Any}
	}
	for _, g := range groups {
		variants = append(variants, catalog.Rule{Any: g, Weight: 1})
	}
	// Every variant is a clause of its own, matched without ignore: terms;
	// one more copy of the relaxed rule is matched with them.
	mini := &catalog.Catalog{Source: cat.Source, Threshold: 1, PlanTerms: cat.PlanTerms}
	for i := range variants {
		mini.Clauses = append(mini.Clauses, catalog.Clause{ID: fmt.Sprint(i), Point: i + 1, Rules: []catalog.Rule{variants[i]}})
	}
	withIgnore := &catalog.Catalog{Source: cat.Source, Threshold: 1, PlanTerms: cat.PlanTerms, Ignore: cat.Ignore,
		Clauses: []catalog.Clause{{ID: "0", Point: 1, Rules: []catalog.Rule{relaxed}}}}
	an := document.NewAnalyzer()
	sents := func(c *catalog.Catalog) map[int][]int {
		m, err := match.Compile(c, an)
		if err != nil {
			return nil
		}
		out := map[int][]int{}
		for _, cr := range m.Match(doc).Clauses {
			out[cr.Index] = cr.Sentences
		}
		return out
	}
	got := sents(mini)
	if got == nil {
		return ""
	}
	if len(got[0]) == 0 {
		if len(groups) == 1 {
			return "none of its terms is in the article"
		}
		var parts []string
		for gi := range groups {
			parts = append(parts, fmt.Sprintf("group %d [%s] in %s", gi+1, strings.Join(groups[gi], ", "), sentenceNums(got[len(labels)+gi])))
		}
		return "its term groups are never in one sentence: " + strings.Join(parts, "; ")
	}
	var blocked []string
	for i := 1; i < len(labels); i++ {
		if len(got[i]) < len(got[0]) {
			blocked = append(blocked, labels[i])
		}
	}
	if ig := sents(withIgnore); ig != nil && len(ig[0]) < len(got[0]) {
		blocked = append(blocked, "the catalog's ignore: terms (the sentence is never evidence)")
	}
	if len(blocked) == 0 {
		return ""
	}
	return fmt.Sprintf("its terms are in %s, but it was stopped there by %s", sentenceNums(got[0]), strings.Join(blocked, " and by "))
}

// sentenceNums formats 0-based sentence indices as "sentences 2, 5" (1-based).
func sentenceNums(s []int) string {
	if len(s) == 0 {
		return "no sentence"
	}
	nums := make([]string, len(s))
	for i, x := range s {
		nums[i] = fmt.Sprint(x + 1)
	}
	if len(s) == 1 {
		return "sentence " + nums[0]
	}
	return "sentences " + strings.Join(nums, ", ")
}
