package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/eval"
	"github.com/plancheck/plancheck/internal/iostreams"
	"github.com/plancheck/plancheck/internal/report"
	"github.com/plancheck/plancheck/internal/score"
	"github.com/plancheck/plancheck/internal/textin"
)

// EvalOptions are the inputs of `plancheck eval`.
type EvalOptions struct {
	IO    *iostreams.IOStreams
	Gold  string
	Paths []string
	Sources
	Format   string
	Workers  int
	Include  []string
	Exclude  []string
	MaxBytes int64
}

// NewCmdEval builds `plancheck eval`. runF replaces the run function in
// tests of flag parsing.
func NewCmdEval(io *iostreams.IOStreams, runF func(*EvalOptions) error) *cobra.Command {
	opts := &EvalOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "eval --gold GOLD.yaml PATH...",
		Short: "Measure the catalog against hand-labelled articles",
		Long: `Score articles and compare the result with hand labels (a gold file in the
codebook's format, see docs/codebook.md and docs/catalog.md):

  - file: article.txt
    plan_context: true
    points:
      6: critical
      26: neutral

It reports precision, recall and F1 of the mentioned points, overall and per
point; plan-context accuracy; stance accuracy and macro-F1 over the points
both the tool and the labels found, with a confusion table; and, per
article, the points missed, the points found that the labels do not have,
and the stances that differ.

An article is matched to its label by file name: the label's file must be
the article's path or its last components ("a.txt" labels "corpus/a.txt").
Scored articles without a label and labels without an article are listed
(and warned about on stderr).`,
		Example: `  plancheck eval --gold testdata/seeds.gold.yaml seeds/
  plancheck eval --gold lake.gold.yaml --catalog lake-treaty.yaml articles/
  plancheck eval --gold gold.yaml corpus/ --format json | jq .points.f1`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if opts.Gold == "" {
				return usageErrorf("eval needs --gold FILE: the hand labels to compare with")
			}
			if opts.Format != "table" && opts.Format != "json" {
				return usageErrorf("--format must be table or json, not %q", opts.Format)
			}
			if opts.Workers < 0 {
				return usageErrorf("-j must be 1 or more, not %d", opts.Workers)
			}
			if opts.MaxBytes <= 0 {
				return usageErrorf("--max-bytes must be above 0")
			}
			if runF != nil {
				return runF(opts)
			}
			return runEval(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Gold, "gold", "g", "", "hand labels to compare with (`GOLD.yaml`)")
	opts.Sources.addFlags(f)
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: table or json")
	f.IntVarP(&opts.Workers, "workers", "j", runtime.NumCPU(), "articles scored in parallel")
	f.StringSliceVar(&opts.Include, "include", nil, "only score files matching these globs (** matches folders)")
	f.StringSliceVar(&opts.Exclude, "exclude", nil, "skip files matching these globs")
	f.Int64Var(&opts.MaxBytes, "max-bytes", 20<<20, "refuse files larger than this many bytes")
	return cmd
}

// EvalReport is the JSON output of eval.
type EvalReport struct {
	Gold    string         `json:"gold"`
	Catalog report.Catalog `json:"catalog"`
	*eval.Result
}

func runEval(ctx context.Context, opts *EvalOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	gold, err := eval.LoadGold(opts.Gold)
	if err != nil {
		return err
	}
	sc, err := newScorer(opts.Sources)
	if err != nil {
		return err
	}
	var arts []report.Article
	failed := 0
	err = sc.Run(ctx, opts.Paths, score.BatchOptions{
		Workers: opts.Workers,
		Load:    textin.Options{MaxBytes: opts.MaxBytes},
		Walk:    textin.WalkOptions{Include: opts.Include, Exclude: opts.Exclude},
		Stdin:   opts.IO.In,
	}, func(a *report.Article) error {
		if a.Error != "" {
			failed++
			fmt.Fprintf(opts.IO.ErrOut, "plancheck: %s: %s\n", a.Path, a.Error)
			return nil
		}
		if !opts.IO.Quiet {
			for _, w := range a.Warnings {
				fmt.Fprintf(opts.IO.ErrOut, "plancheck: warning: %s: %s\n", a.Path, w)
			}
		}
		arts = append(arts, *a)
		return nil
	})
	if err != nil {
		return err
	}
	res := eval.Compare(gold, arts)
	if !opts.IO.Quiet {
		for _, f := range res.Missing {
			fmt.Fprintf(opts.IO.ErrOut, "plancheck: warning: %s: labelled in %s but not among the articles scored\n", f, opts.Gold)
		}
		for _, p := range res.Unlabelled {
			fmt.Fprintf(opts.IO.ErrOut, "plancheck: warning: %s: scored but has no label in %s\n", p, opts.Gold)
		}
	}
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(EvalReport{Gold: opts.Gold, Catalog: sc.CatalogInfo(), Result: res}); err != nil {
			return err
		}
	} else {
		w := bufio.NewWriter(opts.IO.Out)
		printEval(w, opts.Gold, sc.Catalog, res)
		if err := w.Flush(); err != nil {
			return err
		}
	}
	if failed > 0 {
		return &StatusError{Code: ExitError, Msg: fmt.Sprintf("%d of %d inputs could not be scored", failed, failed+len(arts))}
	}
	return nil
}

// printEval writes the human form of an evaluation.
func printEval(w io.Writer, goldPath string, cat *catalog.Catalog, r *eval.Result) {
	fmt.Fprintf(w, "%s against %s (catalog %s %s)\n\n", plural(r.Articles, "article", "articles"), goldPath, cat.ID, cat.Hash)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "points\tP %.3f\tR %.3f\tF1 %.3f\t(tp %d, fp %d, fn %d)\n",
		r.Points.Precision, r.Points.Recall, r.Points.F1, r.Points.TP, r.Points.FP, r.Points.FN)
	fmt.Fprintf(tw, "plan context\taccuracy %.3f\t\t\t(%d of %d right)\n", r.ContextAccuracy, r.ContextCorrect, r.Articles)
	fmt.Fprintf(tw, "stance\taccuracy %.3f\tmacro-F1 %.3f\t\t(%d of %d right, over points both found)\n",
		r.StanceAccuracy, r.StanceMacroF1, r.StanceCorrect, r.StanceTotal)
	tw.Flush()

	if len(r.PerPoint) > 0 {
		fmt.Fprintln(w, "\nPer point:")
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "point\tgold\ttool\ttp\tfp\tfn\tP\tR\tF1\t\ttitle")
		var points []int
		for p := range r.PerPoint {
			points = append(points, p)
		}
		sort.Ints(points)
		for _, p := range points {
			s := r.PerPoint[p]
			title := ""
			if cl := cat.Point(p); cl != nil {
				title = cl.Title
			}
			fmt.Fprintf(tw, "%d\t%d\t%d\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t\t%s\n", p, s.TP+s.FN, s.TP+s.FP, s.TP, s.FP, s.FN,
				s.Precision, s.Recall, s.F1, title)
		}
		tw.Flush()
	}

	if r.StanceTotal > 0 {
		fmt.Fprintln(w, "\nStance confusion (rows: gold, columns: tool):")
		order := []string{report.Critical, report.Neutral, report.Supportive}
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintf(tw, "\t%s\t\tF1\t\n", strings.Join(order, "\t"))
		for _, g := range order {
			row := []string{g}
			for _, t := range order {
				row = append(row, fmt.Sprint(r.Confusion[g][t]))
			}
			fmt.Fprintf(tw, "%s\t\t%.2f\t\n", strings.Join(row, "\t"), r.StanceF1[g].F1)
		}
		tw.Flush()
	}

	fmt.Fprintln(w, "\nPer article:")
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, d := range r.Diffs {
		var notes []string
		if d.ContextGold != d.ContextTool {
			notes = append(notes, fmt.Sprintf("plan context: gold %v, tool %v", d.ContextGold, d.ContextTool))
		}
		if len(d.Missed) > 0 {
			notes = append(notes, "missed "+joinInts(d.Missed))
		}
		if len(d.Extra) > 0 {
			notes = append(notes, "extra "+joinInts(d.Extra))
		}
		var ps []int
		for p := range d.StanceMismatch {
			ps = append(ps, p)
		}
		sort.Ints(ps)
		for _, p := range ps {
			notes = append(notes, fmt.Sprintf("stance %d: gold %s, tool %s", p, d.StanceMismatch[p][0], d.StanceMismatch[p][1]))
		}
		if len(notes) == 0 {
			notes = []string{"ok"}
		}
		fmt.Fprintf(tw, "  %s\t%s\n", d.File, strings.Join(notes, "; "))
	}
	tw.Flush()
	if len(r.Missing) > 0 {
		fmt.Fprintf(w, "\nLabelled but not scored: %s\n", strings.Join(r.Missing, ", "))
	}
	if len(r.Unlabelled) > 0 {
		fmt.Fprintf(w, "\nScored but not labelled: %s\n", strings.Join(r.Unlabelled, ", "))
	}
}

func joinInts(xs []int) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = fmt.Sprint(x)
	}
	return strings.Join(s, " ")
}
