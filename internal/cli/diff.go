package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plancheck/plancheck/internal/diff"
	"github.com/plancheck/plancheck/internal/iostreams"
	"github.com/plancheck/plancheck/internal/report"
	"github.com/plancheck/plancheck/internal/score"
	"github.com/plancheck/plancheck/internal/textin"
)

// DiffOptions are the inputs of `plancheck diff`.
type DiffOptions struct {
	IO         *iostreams.IOStreams
	Base, Head string
	Format     string
	Output     string
	FailOn     []string
	// Sources (catalog, cues, actors), Workers, Include, Exclude and
	// MaxBytes apply to a side scored on the spot.
	Sources
	Workers  int
	Include  []string
	Exclude  []string
	MaxBytes int64
}

// NewCmdDiff builds `plancheck diff`. runF replaces the run function in
// tests of flag parsing.
func NewCmdDiff(io *iostreams.IOStreams, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "diff BASE HEAD",
		Short: "Show how plan coverage changed between two reports or corpora",
		Long: `Compare a baseline with a new state: per article (matched by path) the
points newly mentioned, the points no longer mentioned and the stances that
changed; the articles added and removed; and per point how many articles
mention it before and after.

BASE and HEAD are each a JSON report written by 'plancheck score --format
json', or a folder or file of articles scored on the spot (the same
--catalog, --include and --exclude apply). A file whose first non-space
character is '{' is read as a report; a .json file always is. When both are
scored on the spot, articles are matched by their path inside each folder
and shown with HEAD's path.

Formats: table (default), json, markdown (a pull-request comment) and
github (workflow commands that annotate the changed files in GitHub
Actions). See docs/ci.md.

--fail-on makes the exit code 1 when a kind of change is present: new (a
point newly mentioned), lost (a point no longer mentioned), changed (a
stance changed), any (all three), or none (the default); a comma list is
allowed. Reports made with different catalogs cannot be compared (exit 2).

` + exitCodesHelp,
		Example: `  plancheck diff base.json head.json
  plancheck diff base.json articles/ --format markdown > comment.md
  plancheck diff base.json head.json --format github --fail-on lost
  plancheck diff old-corpus/ new-corpus/ --fail-on new,lost`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Base, opts.Head = args[0], args[1]
			if !slices.Contains(diff.Formats, opts.Format) {
				return usageErrorf("--format must be one of %s, not %q", strings.Join(diff.Formats, ", "), opts.Format)
			}
			if _, err := parseFailOn(opts.FailOn); err != nil {
				return err
			}
			if opts.Base == "-" && opts.Head == "-" {
				return usageErrorf("only one of BASE and HEAD can be - (standard input)")
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
			return runDiff(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Format, "format", "f", "table", "output format: "+strings.Join(diff.Formats, ", "))
	f.StringVarP(&opts.Output, "output", "o", "", "write the diff to `FILE` (whole or not at all) instead of stdout")
	f.StringSliceVar(&opts.FailOn, "fail-on", []string{"none"}, "exit 1 when a change of these kinds is found: new, lost, changed, any or none")
	opts.Sources.addFlags(f)
	f.IntVarP(&opts.Workers, "workers", "j", runtime.NumCPU(), "articles scored in parallel, for sides scored on the spot")
	f.StringSliceVar(&opts.Include, "include", nil, "only score files matching these globs (** matches folders)")
	f.StringSliceVar(&opts.Exclude, "exclude", nil, "skip files matching these globs")
	f.Int64Var(&opts.MaxBytes, "max-bytes", 20<<20, "refuse files larger than this many bytes")
	return cmd
}

// parseFailOn turns --fail-on values into kinds of change.
func parseFailOn(vals []string) ([]diff.Kind, error) {
	var kinds []diff.Kind
	none := false
	for _, v := range vals {
		switch k := diff.Kind(strings.ToLower(strings.TrimSpace(v))); k {
		case "none", "":
			none = true
		case "any":
			kinds = append(kinds, diff.Kinds...)
		case diff.KindNew, diff.KindLost, diff.KindChanged:
			kinds = append(kinds, k)
		default:
			return nil, usageErrorf("--fail-on takes new, lost, changed, any or none (or a comma list), not %q", v)
		}
	}
	if none && len(kinds) > 0 {
		return nil, usageErrorf("--fail-on none cannot be combined with other kinds")
	}
	return kinds, nil
}

func runDiff(ctx context.Context, opts *DiffOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	failOn, err := parseFailOn(opts.FailOn)
	if err != nil {
		return err
	}
	sides := &sideLoader{
		io: opts.IO, sources: opts.Sources,
		batch: score.BatchOptions{
			Workers: opts.Workers,
			Load:    textin.Options{MaxBytes: opts.MaxBytes},
			Walk:    textin.WalkOptions{Include: opts.Include, Exclude: opts.Exclude},
		},
	}
	base, err := sides.load(ctx, "base", opts.Base)
	if err != nil {
		return err
	}
	head, err := sides.load(ctx, "head", opts.Head)
	if err != nil {
		return err
	}
	if base.scored && head.scored {
		rebase(base, head)
	}
	return writeDiff(opts.IO, base, head, opts.Format, opts.Output, failOn, sides.failed)
}

// writeDiff compares two sides, writes the diff to output (stdout when
// empty) and returns the error that sets the exit code: scoring failures
// first, then the changes --fail-on names.
func writeDiff(ios *iostreams.IOStreams, base, head *side, format, output string, failOn []diff.Kind, failed int) error {
	c, err := diff.Compare(base.report, head.report)
	if err != nil {
		return fmt.Errorf("cannot compare %s and %s: %w", base.name, head.name, err)
	}
	c.Base.Name, c.Head.Name = base.name, head.name
	warnDisjoint(ios, base, head)

	out, commit, abort, err := openOutput(ios, output)
	if err != nil {
		return err
	}
	defer abort()
	popts := diff.Options{Color: (output == "" || output == "-") && ios.ColorEnabled(), Width: ios.TerminalWidth()}
	if err := diff.Print(format, out, c, popts); err != nil {
		return err
	}
	if err := commit(); err != nil {
		return err
	}
	if failed > 0 {
		return &StatusError{Code: ExitError, Msg: fmt.Sprintf("%d inputs could not be scored", failed)}
	}
	var found []string
	for _, k := range failOn {
		if c.Has(k) && !slices.Contains(found, string(k)) {
			found = append(found, string(k))
		}
	}
	if len(found) > 0 {
		return &StatusError{Code: ExitChanges, Msg: fmt.Sprintf("plan coverage changed (--fail-on %s): %s", strings.Join(found, ","), diff.Headline(c))}
	}
	return nil
}

// warnDisjoint warns when two non-empty sides share no path at all: they
// were most likely scored from different folders, and every article shows
// as removed and added.
func warnDisjoint(ios *iostreams.IOStreams, base, head *side) {
	if ios.Quiet || len(base.report.Articles) == 0 || len(head.report.Articles) == 0 {
		return
	}
	paths := make(map[string]bool, len(base.report.Articles))
	for i := range base.report.Articles {
		paths[base.report.Articles[i].Path] = true
	}
	for i := range head.report.Articles {
		if paths[head.report.Articles[i].Path] {
			return
		}
	}
	fmt.Fprintf(ios.ErrOut, "plancheck: warning: no article path is in both %s and %s (e.g. %s and %s): articles are matched by path, so score both from the same folder\n",
		base.name, head.name, base.report.Articles[0].Path, head.report.Articles[0].Path)
}

// side is one of the two things a diff compares.
type side struct {
	name   string
	report *report.Report
	// scored is true when the side was scored on the spot from root (a
	// folder, a file, or - for stdin).
	scored bool
	root   string
}

// sideLoader reads reports and scores folders for diff and score
// --baseline; the scorer is built once, when first needed.
type sideLoader struct {
	io      *iostreams.IOStreams
	sources Sources
	batch   score.BatchOptions
	sc      *score.Scorer
	failed  int // articles that could not be scored
	// buf holds a file being read; reports share no memory with it, so
	// both sides are read into the same buffer.
	buf []byte
}

// readFile reads path into l.buf and returns its content, valid until
// the next call.
func (l *sideLoader) readFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && int64(cap(l.buf)) < fi.Size()+512 {
		// Room for the other side too, which is usually a little larger.
		l.buf = make([]byte, 0, fi.Size()+fi.Size()/8+512)
	}
	l.buf = l.buf[:0]
	for {
		if len(l.buf) == cap(l.buf) {
			l.buf = append(l.buf, 0)[:len(l.buf)] // grow
		}
		n, err := f.Read(l.buf[len(l.buf):cap(l.buf)])
		l.buf = l.buf[:len(l.buf)+n]
		if err == io.EOF {
			return l.buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// load returns the side at path: a report, or articles scored on the
// spot. which ("base", "head") names the side in errors.
func (l *sideLoader) load(ctx context.Context, which, path string) (*side, error) {
	var data []byte
	name := path
	if path == "-" {
		name = "standard input"
		var err error
		if data, err = io.ReadAll(l.io.In); err != nil {
			return nil, fmt.Errorf("%s (%s): cannot read: %w", which, name, err)
		}
	} else {
		fi, err := os.Stat(path)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", which, path, unwrapPath(err))
		}
		if fi.IsDir() {
			r, err := l.score(ctx, path, nil)
			if err != nil {
				return nil, err
			}
			return &side{name: name, report: r, scored: true, root: path}, nil
		}
		if data, err = l.readFile(path); err != nil {
			return nil, fmt.Errorf("%s %s: %w", which, path, unwrapPath(err))
		}
	}
	if isReport(path, data) {
		r, err := report.ParseJSON(data)
		if err == nil {
			return &side{name: name, report: r}, nil
		}
		var re *report.ReadError
		if !errors.As(err, &re) || strings.EqualFold(filepath.Ext(path), ".json") || !isArticleExt(path) {
			return nil, fmt.Errorf("%s report %s: %w", which, name, err)
		}
		// An article that happens to start with "{": score it.
	}
	var stdin io.Reader
	if path == "-" {
		stdin = bytes.NewReader(data)
	}
	r, err := l.score(ctx, path, stdin)
	if err != nil {
		return nil, err
	}
	return &side{name: name, report: r, scored: true, root: path}, nil
}

// isReport decides by content whether data is meant as a report: a .json
// file, or anything whose first non-space byte is "{".
func isReport(path string, data []byte) bool {
	return strings.EqualFold(filepath.Ext(path), ".json") || report.LooksLikeJSON(data)
}

func isArticleExt(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return slices.Contains(textin.DefaultExtensions, ext)
}

// score scores path (stdin is read for "-") into a report.
func (l *sideLoader) score(ctx context.Context, path string, stdin io.Reader) (*report.Report, error) {
	if l.sc == nil {
		sc, err := newScorer(l.sources)
		if err != nil {
			return nil, err
		}
		l.sc = sc
	}
	batch := l.batch
	batch.Stdin = stdin
	r, failed, err := collectReport(ctx, l.io, l.sc, []string{path}, batch)
	l.failed += failed
	return r, err
}

// collectReport scores paths into a whole report, telling stderr about
// inputs that could not be scored and about warnings as score does; failed
// counts the former.
func collectReport(ctx context.Context, ios *iostreams.IOStreams, sc *score.Scorer, paths []string, batch score.BatchOptions) (r *report.Report, failed int, err error) {
	r = &report.Report{Tool: report.Tool{Name: "plancheck", Version: version()}, Catalog: sc.CatalogInfo()}
	sum := report.NewSummarizer(sc.PointSummaries(), len(sc.Catalog.Clauses))
	bar := newProgress(ios)
	err = sc.Run(ctx, paths, batch, func(a *report.Article) error {
		if bar != nil {
			_ = bar.Add(1)
		}
		if a.Error != "" {
			failed++
			if bar != nil {
				_ = bar.Clear()
			}
			fmt.Fprintf(ios.ErrOut, "plancheck: %s: %s\n", a.Path, a.Error)
		} else if !ios.Quiet {
			for _, w := range a.Warnings {
				if bar != nil {
					_ = bar.Clear()
				}
				fmt.Fprintf(ios.ErrOut, "plancheck: warning: %s: %s\n", a.Path, w)
			}
		}
		sum.Add(a)
		r.Articles = append(r.Articles, *a)
		return nil
	})
	if bar != nil {
		_ = bar.Finish()
		_ = bar.Clear()
	}
	r.Summary = sum.Summary()
	return r, failed, err
}

// rebase gives base's articles head's paths when both sides were scored
// on the spot: base/x.md becomes head/x.md for folders, and for two files
// the one becomes the other, so that the same article is matched in two
// checkouts.
func rebase(base, head *side) {
	if base.root == "-" || head.root == "-" || base.root == head.root {
		return
	}
	bi, err1 := os.Stat(base.root)
	hi, err2 := os.Stat(head.root)
	if err1 != nil || err2 != nil || bi.IsDir() != hi.IsDir() {
		return
	}
	for i := range base.report.Articles {
		a := &base.report.Articles[i]
		if !bi.IsDir() {
			a.Path = head.root
			continue
		}
		rel, err := filepath.Rel(base.root, a.Path)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		a.Path = filepath.Join(head.root, rel)
	}
	slices.SortStableFunc(base.report.Articles, func(x, y report.Article) int {
		switch {
		case score.PathLess(x.Path, y.Path):
			return -1
		case score.PathLess(y.Path, x.Path):
			return 1
		}
		return 0
	})
}

// runScoreBaseline is `plancheck score --baseline BASE PATH...`: score
// PATHs into a report and print its diff against BASE instead of the
// report.
func runScoreBaseline(ctx context.Context, opts *ScoreOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	failOn, err := parseFailOn(opts.FailOn)
	if err != nil {
		return err
	}
	batch := score.BatchOptions{
		Workers: opts.Workers,
		Load:    textin.Options{MaxBytes: opts.MaxBytes},
		Walk:    textin.WalkOptions{Include: opts.Include, Exclude: opts.Exclude},
		Stdin:   opts.IO.In,
	}
	l := &sideLoader{io: opts.IO, sources: opts.Sources, batch: batch}
	if opts.Baseline == "-" && slices.Contains(opts.Paths, "-") {
		return usageErrorf("--baseline - and the path - cannot both read standard input")
	}
	base, err := l.load(ctx, "baseline", opts.Baseline)
	if err != nil {
		return err
	}
	if l.sc == nil {
		if l.sc, err = newScorer(opts.Sources); err != nil {
			return err
		}
	}
	r, failed, err := collectReport(ctx, opts.IO, l.sc, opts.Paths, batch)
	if err != nil {
		return err
	}
	head := &side{name: strings.Join(opts.Paths, " "), report: r}
	return writeDiff(opts.IO, base, head, opts.Format, opts.Output, failOn, l.failed+failed)
}
