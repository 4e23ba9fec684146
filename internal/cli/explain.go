package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
	"github.com/plancheck/plancheck/internal/iostreams"
	"github.com/plancheck/plancheck/internal/match"
	"github.com/plancheck/plancheck/internal/report"
	"github.com/plancheck/plancheck/internal/score"
	"github.com/plancheck/plancheck/internal/textin"
)

// ExplainOptions are the inputs of `plancheck explain`.
type ExplainOptions struct {
	IO   *iostreams.IOStreams
	Path string
	Sources
	Point    int // 0: every point a rule fired for
	Format   string
	MaxBytes int64
}

// NewCmdExplain builds `plancheck explain`. runF replaces the run function
// in tests of flag parsing.
func NewCmdExplain(io *iostreams.IOStreams, runF func(*ExplainOptions) error) *cobra.Command {
	opts := &ExplainOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "explain FILE",
		Short: "Show why an article mentions (or misses) each point",
		Long: `Score one article and show how each decision was made, to debug a catalog:

- the plan-context decision: the context rules that fired (and the
  other-deal rules held against them), the score against the context
  threshold, and the reasons;
- for each point a rule fired for (or only --point N, even when nothing
  fired): every rule that fired (its number under rules:, kind, weight,
  anchor, note and catalog line), in which sentences, on which words (the
  term as the catalog writes it, its normalized tokens, and the article's
  words it matched), the clause score against the threshold, and whether the
  point is reported;
- for a reported point, the stance and the framing cues that decided it.

Rules are numbered from 1 in the order the catalog lists them. Sentences are
numbered from 1 in the text output, with their line in the (decoded) file;
the JSON output uses the report's 0-based sentence index.`,
		Example: `  plancheck explain seeds/003_1cab0ae5860972d2.txt
  plancheck explain article.html --point 21
  plancheck explain article.txt --catalog my-plan.yaml --format json | jq '.points[].score'`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Path = args[0]
			if opts.Format != "text" && opts.Format != "json" {
				return usageErrorf("--format must be text or json, not %q", opts.Format)
			}
			if opts.Point < 0 {
				return usageErrorf("--point must be a point number, not %d", opts.Point)
			}
			if opts.MaxBytes <= 0 {
				return usageErrorf("--max-bytes must be above 0")
			}
			if runF != nil {
				return runF(opts)
			}
			return runExplain(opts)
		},
	}
	f := cmd.Flags()
	opts.Sources.addFlags(f)
	f.IntVarP(&opts.Point, "point", "p", 0, "explain only point `N` (shown even when no rule fired)")
	f.StringVarP(&opts.Format, "format", "f", "text", "output format: text or json")
	f.Int64Var(&opts.MaxBytes, "max-bytes", 20<<20, "refuse files larger than this many bytes")
	return cmd
}

// Explanation is the JSON output of explain.
type Explanation struct {
	Path      string         `json:"path"`
	Catalog   explainCatalog `json:"catalog"`
	Language  string         `json:"language,omitempty"`
	Sentences int            `json:"sentences"`
	Warnings  []string       `json:"warnings,omitempty"`
	Context   explainContext `json:"context"`
	// Ignored are the sentences a catalog ignore: term keeps from being
	// evidence.
	Ignored []int          `json:"ignored_sentences,omitempty"`
	Points  []explainPoint `json:"points"`
	// Silent counts the points no rule fired for (not listed).
	Silent int `json:"silent_points"`
}

type explainCatalog struct {
	ID               string  `json:"id"`
	Hash             string  `json:"hash"`
	Source           string  `json:"source"`
	Threshold        float64 `json:"threshold"`
	ContextThreshold float64 `json:"context_threshold"`
}

type explainContext struct {
	InContext bool          `json:"in_context"`
	Score     float64       `json:"score"`
	Threshold float64       `json:"threshold"`
	Reasons   []string      `json:"reasons"`
	Rules     []explainRule `json:"rules"`
	Against   []explainRule `json:"against,omitempty"`
}

type explainPoint struct {
	Point          int     `json:"point"`
	Clause         string  `json:"clause"`
	Title          string  `json:"title"`
	Theme          string  `json:"theme"`
	Score          float64 `json:"score"`
	Threshold      float64 `json:"threshold"`
	AboveThreshold bool    `json:"above_threshold"`
	// Reported is true when the point is in the score report: above the
	// threshold in a plan-context article.
	Reported bool          `json:"reported"`
	Decision string        `json:"decision"`
	Rules    []explainRule `json:"rules"`
	// NotFired lists the clause's other rules (with --point only).
	NotFired []explainRule   `json:"not_fired,omitempty"`
	Framing  *report.Framing `json:"framing,omitempty"`
}

type explainRule struct {
	Rule    int             `json:"rule"`
	Kind    string          `json:"kind"`
	Weight  float64         `json:"weight"`
	Anchor  string          `json:"anchor,omitempty"`
	Not     []string        `json:"not,omitempty"`
	Note    string          `json:"note,omitempty"`
	Line    int             `json:"line"`
	Col     int             `json:"col"`
	Firings []explainFiring `json:"firings,omitempty"`
	// WhyNot says why a rule listed in not_fired did not fire.
	WhyNot string `json:"why_not,omitempty"`
}

type explainFiring struct {
	Sentence int            `json:"sentence"`
	Line     int            `json:"line"`
	Text     string         `json:"text"`
	Matches  []explainMatch `json:"matches"`
}

type explainMatch struct {
	// Term is the term as the catalog writes it, Norms its normalized
	// tokens, Text the article's words it matched.
	Term  string   `json:"term"`
	Norms []string `json:"norms"`
	Text  string   `json:"text"`
	Start int      `json:"start"`
	End   int      `json:"end"`
}

func runExplain(opts *ExplainOptions) error {
	sc, err := newScorer(opts.Sources)
	if err != nil {
		return err
	}
	if opts.Point > 0 && sc.Catalog.Point(opts.Point) == nil {
		return usageErrorf("point %d is not in catalog %s (points %d to %d)", opts.Point, sc.Catalog.ID,
			sc.Catalog.Clauses[0].Point, sc.Catalog.Clauses[len(sc.Catalog.Clauses)-1].Point)
	}
	var t *textin.Text
	load := textin.Options{MaxBytes: opts.MaxBytes}
	if opts.Path == "-" {
		t, err = textin.LoadReader("-", opts.IO.In, load)
	} else {
		t, err = textin.Load(opts.Path, load)
	}
	if err != nil {
		return err
	}
	an := sc.NewWorker().Analyze(opts.Path, t.Body)
	an.Article.Warnings = append(an.Article.Warnings, t.Warnings...)
	ex := explain(sc, an, opts.Point)
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		return enc.Encode(ex)
	}
	w := bufio.NewWriter(opts.IO.Out)
	printExplanation(w, ex, opts.IO.ColorEnabled(), opts.Point > 0)
	return w.Flush()
}

// explain turns an analysis into an Explanation; point > 0 keeps only that
// point.
func explain(sc *score.Scorer, an *score.Analysis, point int) *Explanation {
	cat, m, doc, res := sc.Catalog, sc.Matcher, an.Doc, an.Result
	lines := newLines(doc.Text)
	ex := &Explanation{
		Path: an.Article.Path,
		Catalog: explainCatalog{ID: cat.ID, Hash: cat.Hash, Source: cat.Source,
			Threshold: cat.Threshold, ContextThreshold: cat.Context.Threshold},
		Language: an.Article.Language, Sentences: len(doc.Sentences), Warnings: an.Article.Warnings,
		Context: explainContext{
			InContext: res.Context.InContext, Score: res.Context.Score,
			Threshold: cat.Context.Threshold, Reasons: res.Context.Reasons,
			Rules:   explainRules(m, doc, lines, -1, cat.Context.Rules, res.Context.Firings),
			Against: explainRules(m, doc, lines, -2, cat.Context.Against, res.Context.Against),
		},
		Points: []explainPoint{},
	}
	for si := range res.Ignored {
		ex.Ignored = append(ex.Ignored, si)
	}
	sort.Ints(ex.Ignored)
	byClause := map[int]*match.ClauseResult{}
	for i := range res.Clauses {
		byClause[res.Clauses[i].Index] = &res.Clauses[i]
	}
	for ci := range cat.Clauses {
		cl := &cat.Clauses[ci]
		cr := byClause[ci]
		if point > 0 && cl.Point != point {
			continue
		}
		if cr == nil && point == 0 {
			ex.Silent++
			continue
		}
		p := explainPoint{Point: cl.Point, Clause: cl.ID, Title: cl.Title, Theme: cl.Theme,
			Threshold: cat.Threshold, Rules: []explainRule{}}
		if cr != nil {
			p.Score = cr.Score
			p.AboveThreshold = cr.Mentioned
			p.Rules = explainRules(m, doc, lines, ci, cl.Rules, cr.Firings)
		}
		p.Reported = p.AboveThreshold && res.Context.InContext
		switch {
		case p.Reported:
			p.Decision = "mentioned"
		case p.AboveThreshold:
			p.Decision = "not reported: the article is not about the plan"
		case cr == nil:
			p.Decision = "not mentioned: no rule fired"
		default:
			p.Decision = "not mentioned: below the threshold"
		}
		if point > 0 {
			p.NotFired = notFired(cl, p.Rules)
			for i := range p.NotFired {
				p.NotFired[i].WhyNot = whyNot(cat, doc, &cl.Rules[p.NotFired[i].Rule-1])
			}
		}
		for _, mn := range an.Article.Mentions {
			if mn.Point == cl.Point {
				p.Framing = mn.Framing
			}
		}
		ex.Points = append(ex.Points, p)
	}
	return ex
}

// explainRules groups firings by rule, in rule order.
func explainRules(m *match.Matcher, doc *document.Document, lines lineStarts, owner int, rules []catalog.Rule, firings []match.Firing) []explainRule {
	out := []explainRule{}
	if len(firings) == 0 {
		return out
	}
	byRule := map[int][]match.Firing{}
	for _, f := range firings {
		byRule[f.Rule] = append(byRule[f.Rule], f)
	}
	for ri := range rules {
		fs := byRule[ri]
		if len(fs) == 0 {
			continue
		}
		er := describeRule(&rules[ri], ri)
		for _, f := range fs {
			sent := doc.Sentences[f.Sentence]
			ef := explainFiring{Sentence: f.Sentence, Line: lines.line(sent.Start),
				Text: oneLine(doc.SentenceText(f.Sentence))}
			for _, sp := range f.Spans {
				term, norms := m.TermText(sp.Term)
				ef.Matches = append(ef.Matches, explainMatch{Term: term, Norms: norms, Text: match.SpanText(doc, sp),
					Start: doc.Tokens[sp.Start].Start, End: doc.Tokens[sp.End-1].End})
			}
			er.Firings = append(er.Firings, ef)
		}
		out = append(out, er)
	}
	return out
}

func describeRule(r *catalog.Rule, index int) explainRule {
	kind := "any"
	if r.All != nil {
		kind = "all"
		if r.Within > 0 {
			kind = fmt.Sprintf("all within %d", r.Within)
		}
	}
	return explainRule{Rule: index + 1, Kind: kind, Weight: r.Weight, Anchor: r.Anchor, Not: r.Not,
		Note: r.Note, Line: r.Pos.Line, Col: r.Pos.Col}
}

// notFired lists the clause's rules missing from fired.
func notFired(cl *catalog.Clause, fired []explainRule) []explainRule {
	did := map[int]bool{}
	for _, r := range fired {
		did[r.Rule] = true
	}
	var out []explainRule
	for ri := range cl.Rules {
		if !did[ri+1] {
			out = append(out, describeRule(&cl.Rules[ri], ri))
		}
	}
	return out
}

// printExplanation writes the text form; brief leaves out the context
// rules (for --point), keeping the decision and its reasons.
func printExplanation(w io.Writer, ex *Explanation, color, brief bool) {
	st := styler{on: color}
	fmt.Fprintln(w, st.bold(ex.Path))
	lang := ex.Language
	if lang == "" {
		lang = "unknown"
	}
	fmt.Fprintf(w, "  language %s, %s; catalog %s (%s), threshold %.2f\n", lang,
		plural(ex.Sentences, "sentence", "sentences"), ex.Catalog.ID, ex.Catalog.Hash, ex.Catalog.Threshold)
	for _, wn := range ex.Warnings {
		fmt.Fprintf(w, "  %s %s\n", st.red("warning:"), wn)
	}

	c := ex.Context
	fmt.Fprintln(w)
	verdict, cmp := st.red("no"), "<"
	if c.InContext {
		verdict, cmp = st.green("yes"), "≥"
	}
	fmt.Fprintf(w, "%s %s (score %.2f %s %.2f)\n", st.bold("About the plan:"), verdict, c.Score, cmp, c.Threshold)
	if !brief {
		var sents sentenceList
		for _, r := range c.Rules {
			printRule(w, st, "context rule", r, "+", &sents)
		}
		for _, r := range c.Against {
			printRule(w, st, "other-deal rule", r, "−", &sents)
		}
		sents.print(w, st)
	}
	if len(c.Reasons) > 0 {
		fmt.Fprintln(w, "  reasons:")
		for _, r := range c.Reasons {
			fmt.Fprintf(w, "    %s\n", r)
		}
	}
	if len(ex.Ignored) > 0 {
		nums := make([]string, len(ex.Ignored))
		for i, si := range ex.Ignored {
			nums[i] = fmt.Sprint(si + 1)
		}
		fmt.Fprintf(w, "  never evidence (catalog ignore: terms): %s %s\n",
			map[bool]string{true: "sentence", false: "sentences"}[len(nums) == 1], strings.Join(nums, ", "))
	}

	for _, p := range ex.Points {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "%s  %s  %s  [%s]\n", st.bold(fmt.Sprintf("Point %d", p.Point)), p.Clause, p.Title, p.Theme)
		cmp := "<"
		if p.AboveThreshold {
			cmp = "≥"
		}
		decision := p.Decision
		if p.Reported {
			decision = st.green(decision)
		}
		fmt.Fprintf(w, "  score %.2f %s threshold %.2f: %s\n", p.Score, cmp, p.Threshold, decision)
		var sents sentenceList
		for _, r := range p.Rules {
			printRule(w, st, "rule", r, "", &sents)
		}
		for _, r := range p.NotFired {
			fmt.Fprintf(w, "  %s: did not fire\n", ruleHead("rule", r, ""))
			if r.WhyNot != "" {
				fmt.Fprintf(w, "    %s\n", r.WhyNot)
			}
		}
		sents.print(w, st)
		if f := p.Framing; f != nil {
			fmt.Fprintf(w, "  stance: %s\n", st.bold(f.Stance))
			if len(f.Cues) == 0 {
				fmt.Fprintln(w, "    no evaluative cue in the passages that mention it")
			}
			for _, cue := range f.Cues {
				neg := ""
				if cue.Negated {
					neg = ", negated"
				}
				fmt.Fprintf(w, "    cue %q: %s, weight %.2f%s, sentence %d\n", cue.Text, cue.Polarity, cue.Weight, neg, cue.Sentence+1)
			}
			if len(f.Attribution) > 0 {
				fmt.Fprintf(w, "    attributed to: %s\n", strings.Join(f.Attribution, ", "))
			}
			if f.Hedged {
				fmt.Fprintf(w, "    hedged: %s\n", strings.Join(f.Hedges, ", "))
			}
		}
	}
	if ex.Silent > 0 {
		fmt.Fprintln(w)
		fmt.Fprintf(w, "No rule fired for the other %s.\n", plural(ex.Silent, "point", "points"))
	}
}

func ruleHead(label string, r explainRule, sign string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %d (%s, weight %s%.2f", label, r.Rule, r.Kind, sign, r.Weight)
	if r.Anchor != "" {
		fmt.Fprintf(&b, ", anchor %s", r.Anchor)
	}
	fmt.Fprintf(&b, ", line %d)", r.Line)
	if r.Note != "" {
		fmt.Fprintf(&b, " %s", r.Note)
	}
	return b.String()
}

func printRule(w io.Writer, st styler, label string, r explainRule, sign string, sents *sentenceList) {
	fmt.Fprintf(w, "  %s\n", ruleHead(label, r, sign))
	for _, f := range r.Firings {
		parts := make([]string, len(f.Matches))
		for i, mt := range f.Matches {
			parts[i] = fmt.Sprintf("%s (term %q → %s)", st.bold(strconvQuote(mt.Text)), mt.Term, strings.Join(mt.Norms, " "))
		}
		fmt.Fprintf(w, "    sentence %d: %s\n", f.Sentence+1, strings.Join(parts, " + "))
		sents.add(f)
	}
}

func strconvQuote(s string) string { return fmt.Sprintf("%q", s) }

// sentenceList collects the sentences a section's firings are in, to print
// each once after the rules.
type sentenceList struct {
	seen map[int]bool
	list []explainFiring
}

func (l *sentenceList) add(f explainFiring) {
	if l.seen == nil {
		l.seen = map[int]bool{}
	}
	if !l.seen[f.Sentence] {
		l.seen[f.Sentence] = true
		l.list = append(l.list, f)
	}
}

func (l *sentenceList) print(w io.Writer, st styler) {
	if len(l.list) == 0 {
		return
	}
	sort.Slice(l.list, func(i, j int) bool { return l.list[i].Sentence < l.list[j].Sentence })
	fmt.Fprintln(w, "  sentences:")
	for _, f := range l.list {
		fmt.Fprintf(w, "    %d (line %d): %s\n", f.Sentence+1, f.Line, st.dim(f.Text))
	}
}

// styler adds ANSI styles when colour is on.
type styler struct{ on bool }

func (s styler) wrap(code, t string) string {
	if !s.on {
		return t
	}
	return code + t + "\x1b[0m"
}
func (s styler) bold(t string) string  { return s.wrap("\x1b[1m", t) }
func (s styler) dim(t string) string   { return s.wrap("\x1b[2m", t) }
func (s styler) red(t string) string   { return s.wrap("\x1b[31m", t) }
func (s styler) green(t string) string { return s.wrap("\x1b[32m", t) }

// oneLine collapses white space, newlines included.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// lineStarts maps byte offsets to 1-based line numbers.
type lineStarts []int

func newLines(text string) lineStarts {
	ls := lineStarts{0}
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			ls = append(ls, i+1)
		}
	}
	return ls
}

func (ls lineStarts) line(off int) int {
	return sort.Search(len(ls), func(i int) bool { return ls[i] > off })
}
