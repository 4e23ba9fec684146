package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"

	"github.com/plancheck/plancheck/internal/atomicfile"
	"github.com/plancheck/plancheck/internal/diff"
	"github.com/plancheck/plancheck/internal/iostreams"
	"github.com/plancheck/plancheck/internal/report"
	"github.com/plancheck/plancheck/internal/score"
	"github.com/plancheck/plancheck/internal/textin"
)

// ScoreOptions are the inputs of `plancheck score`.
type ScoreOptions struct {
	IO    *iostreams.IOStreams
	Paths []string
	Sources
	Format   string
	Output   string
	Workers  int
	Include  []string
	Exclude  []string
	MaxBytes int64
	// Baseline, when set, is a report (or folder) to diff the scored
	// articles against: the diff is printed instead of the report, in a
	// diff format, and FailOn picks the changes that exit 1 (diff.go).
	Baseline string
	FailOn   []string
}

// NewCmdScore builds `plancheck score`. runF replaces the run function in
// tests of flag parsing.
func NewCmdScore(io *iostreams.IOStreams, runF func(*ScoreOptions) error) *cobra.Command {
	opts := &ScoreOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "score PATH...",
		Short: "Report which plan points each article mentions",
		Long: `Score articles (.txt, .md, .html) against the clause catalog: for each
article, whether it is about the plan, which points it mentions, the
sentences that show them, and how it frames each point.

PATH is a file, a folder (walked recursively; .git is skipped) or - for
standard input. Folders are scored in parallel; the output is the same
whatever the number of workers. A file that cannot be read is reported with
its error and the others are still scored; the exit code is then 2.

` + exitCodesHelp,
		Example: `  plancheck score article.txt
  plancheck score seeds/
  plancheck score corpus/ --format json -o report.json
  plancheck score corpus/ --include 'news/**' --exclude '*.draft.md' -j 4 --format csv
  curl -s https://example.org/story.html | plancheck score -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			formats := report.Formats
			if opts.Baseline != "" {
				formats = diff.Formats
				if !cmd.Flags().Changed("format") && !slices.Contains(formats, opts.Format) {
					opts.Format = "table" // a report format from .plancheck.yaml
				}
				if _, err := parseFailOn(opts.FailOn); err != nil {
					return err
				}
			} else if cmd.Flags().Changed("fail-on") {
				return usageErrorf("--fail-on needs --baseline")
			}
			if !slices.Contains(formats, opts.Format) {
				return usageErrorf("--format must be one of %s, not %q", strings.Join(formats, ", "), opts.Format)
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
			return runScore(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	opts.Sources.addFlags(f)
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(report.Formats, ", ")+" (with --baseline: "+strings.Join(diff.Formats, ", ")+")")
	f.StringVarP(&opts.Output, "output", "o", "", "write the report to `FILE` (whole or not at all) instead of stdout")
	f.IntVarP(&opts.Workers, "workers", "j", runtime.NumCPU(), "articles scored in parallel")
	f.StringSliceVar(&opts.Include, "include", nil, "only score files matching these globs (** matches folders)")
	f.StringSliceVar(&opts.Exclude, "exclude", nil, "skip files matching these globs")
	f.Int64Var(&opts.MaxBytes, "max-bytes", 20<<20, "refuse files larger than this many bytes")
	f.StringVar(&opts.Baseline, "baseline", "", "print the diff against the report `BASE.json` instead of the report (see plancheck diff)")
	f.StringSliceVar(&opts.FailOn, "fail-on", []string{"none"}, "with --baseline, exit 1 when a change of these kinds is found: new, lost, changed, any or none")
	return cmd
}

func runScore(ctx context.Context, opts *ScoreOptions) error {
	if opts.Baseline != "" {
		return runScoreBaseline(ctx, opts)
	}
	if ctx == nil {
		ctx = context.Background()
	}
	sc, err := newScorer(opts.Sources)
	if err != nil {
		return err
	}
	out, commit, abort, err := openOutput(opts.IO, opts.Output)
	if err != nil {
		return err
	}
	defer abort()
	// One write per 64 KiB instead of one or more per article: the
	// printers write each article as it comes, and a 10,000-file run made
	// 10,000+ write calls. Whatever was printed is flushed even when the
	// run fails half-way, as before.
	bw := bufio.NewWriterSize(out, 64<<10)
	defer bw.Flush()
	p, err := report.NewPrinter(opts.Format, bw, report.Options{Color: opts.Output == "" && opts.IO.ColorEnabled(), Width: opts.IO.TerminalWidth()})
	if err != nil {
		return usageErrorf("%v", err)
	}
	sum := report.NewSummarizer(sc.PointSummaries(), len(sc.Catalog.Clauses))
	if err := p.Begin(report.Tool{Name: "plancheck", Version: version()}, sc.CatalogInfo()); err != nil {
		return err
	}
	bar := newProgress(opts.IO)
	failed := 0
	err = sc.Run(ctx, opts.Paths, score.BatchOptions{
		Workers: opts.Workers,
		Load:    textin.Options{MaxBytes: opts.MaxBytes},
		Walk:    textin.WalkOptions{Include: opts.Include, Exclude: opts.Exclude},
		Stdin:   opts.IO.In,
	}, func(a *report.Article) error {
		if bar != nil {
			_ = bar.Add(1)
		}
		if a.Error != "" {
			failed++
			if bar != nil {
				_ = bar.Clear()
			}
			fmt.Fprintf(opts.IO.ErrOut, "plancheck: %s: %s\n", a.Path, a.Error)
		} else if !opts.IO.Quiet {
			for _, w := range a.Warnings {
				if bar != nil {
					_ = bar.Clear()
				}
				fmt.Fprintf(opts.IO.ErrOut, "plancheck: warning: %s: %s\n", a.Path, w)
			}
		}
		sum.Add(a)
		return p.Article(a)
	})
	if bar != nil {
		_ = bar.Finish()
		_ = bar.Clear()
	}
	if err != nil {
		return err
	}
	s := sum.Summary()
	if err := p.End(&s); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	if err := commit(); err != nil {
		return err
	}
	if failed > 0 {
		return &StatusError{Code: ExitError, Msg: fmt.Sprintf("%d of %d inputs could not be scored", failed, s.Articles)}
	}
	return nil
}

// openOutput returns where a report goes: stdout, or a file written whole
// at commit and removed by abort.
func openOutput(ios *iostreams.IOStreams, path string) (w io.Writer, commit func() error, abort func(), err error) {
	if path == "" || path == "-" {
		return ios.Out, func() error { return nil }, func() {}, nil
	}
	f, err := atomicfile.Create(path)
	if err != nil {
		return nil, nil, nil, fmt.Errorf("%s: cannot write output: %w", path, unwrapPath(err))
	}
	done := false
	return f, func() error {
			done = true
			if err := f.Commit(); err != nil {
				return fmt.Errorf("%s: cannot write output: %w", path, unwrapPath(err))
			}
			return nil
		}, func() {
			if !done {
				f.Abort()
			}
		}, nil
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// newProgress returns a progress counter on stderr when it is a terminal.
func newProgress(ios *iostreams.IOStreams) *progressbar.ProgressBar {
	if !ios.ProgressEnabled() {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(ios.ErrOut),
		progressbar.OptionSetDescription("scoring"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionThrottle(100_000_000),
		progressbar.OptionClearOnFinish(),
	)
}
