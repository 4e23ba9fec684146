package cli

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
	"github.com/plancheck/plancheck/internal/iostreams"
	"github.com/plancheck/plancheck/internal/match"
)

// ClausesCheckOptions are the inputs of `plancheck clauses validate` and
// `plancheck clauses test`.
type ClausesCheckOptions struct {
	IO *iostreams.IOStreams
	// Catalog is the catalog file; "" means the built-in one.
	Catalog string
	// Verbose lists every example, not only the failures (test).
	Verbose bool
}

// catalogArg is the catalog a subcommand of clauses works on: FILE when
// given, else --catalog (which .plancheck.yaml may set).
func catalogArg(cmd *cobra.Command, args []string) string {
	if len(args) == 1 {
		return args[0]
	}
	s, _ := cmd.Flags().GetString("catalog")
	return s
}

// NewCmdClausesValidate builds `plancheck clauses validate`.
func NewCmdClausesValidate(io *iostreams.IOStreams, runF func(*ClausesCheckOptions) error) *cobra.Command {
	opts := &ClausesCheckOptions{IO: io}
	return &cobra.Command{
		Use:   "validate [FILE]",
		Short: "Check a catalog's structure and rule patterns",
		Long: `Load a clause catalog (FILE, --catalog, or the built-in one) and check it
whole: its structure (keys, types, ids, point numbers, weights) and its
rules (every term must normalize to words the matcher can find). Each
problem is printed on stdout as "file:line:col: message", as compilers do,
so editors can jump to it; the exit code is then 2.

On success it prints "ok: N points, M rules" (M counts the clause rules
and the context rules).

The schema is in docs/catalog.md.`,
		Example: `  plancheck clauses validate my-plan.yaml
  plancheck clauses validate            # the built-in catalog
  plancheck clauses validate --catalog testdata/catalogs/lake-treaty.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Catalog = catalogArg(cmd, args)
			if runF != nil {
				return runF(opts)
			}
			return runClausesValidate(opts)
		},
	}
}

// NewCmdClausesTest builds `plancheck clauses test`.
func NewCmdClausesTest(io *iostreams.IOStreams, runF func(*ClausesCheckOptions) error) *cobra.Command {
	opts := &ClausesCheckOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "test [FILE]",
		Short: "Run the examples written in a catalog against its rules",
		Long: `Run the examples each clause of a catalog carries:

  examples:
    match:    [sentences the clause's rules must find]
    no_match: [sentences they must not find]

Each example is read as a one-sentence document and scored with its own
clause's rules alone: it passes when the clause score reaches the catalog
threshold (match) or stays below it (no_match). The plan-context gate is not
applied, but anchor: plan rules still need a plan term in the example, and
ignore: terms still disqualify it, as in an article.

Failures are printed on stdout as
  file:line:col: p21-territory: expected a match: "..." (score 0.35, threshold 0.50)
and so is every clause with no match: example (an untested clause). The exit
code is then 2; otherwise it prints how many examples passed. go test runs
the same check on the built-in catalog.`,
		Example: `  plancheck clauses test
  plancheck clauses test my-plan.yaml -v
  plancheck clauses test --catalog testdata/catalogs/lake-treaty.yaml`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Catalog = catalogArg(cmd, args)
			if runF != nil {
				return runF(opts)
			}
			return runClausesTest(opts)
		},
	}
	cmd.Flags().BoolVarP(&opts.Verbose, "verbose", "v", false, "list every example with its score, not only failures")
	return cmd
}

// checkCatalog loads and compiles a catalog. Catalog problems are printed
// on stdout one per line and returned as a StatusError.
func checkCatalog(opts *ClausesCheckOptions) (*match.Matcher, *document.Analyzer, error) {
	cat, err := loadCatalog(opts.Catalog)
	if err != nil {
		return nil, nil, catalogProblems(opts.IO, opts.Catalog, err)
	}
	an := document.NewAnalyzer()
	m, err := match.Compile(cat, an)
	if err != nil {
		return nil, nil, catalogProblems(opts.IO, cat.Source, err)
	}
	return m, an, nil
}

// catalogProblems prints the positioned errors of a catalog and returns
// the command's exit status.
func catalogProblems(io *iostreams.IOStreams, name string, err error) error {
	var errs catalog.Errors
	if !errors.As(err, &errs) {
		return err // unreadable file: one message on stderr
	}
	for _, e := range errs {
		fmt.Fprintln(io.Out, e.Error())
	}
	if name == "" {
		name = "the built-in catalog"
	}
	return &StatusError{Code: ExitError, Msg: fmt.Sprintf("%s: %s", name, plural(len(errs), "error", "errors"))}
}

func runClausesValidate(opts *ClausesCheckOptions) error {
	m, _, err := checkCatalog(opts)
	if err != nil {
		return err
	}
	cat := m.Catalog
	rules := len(cat.Context.Rules) + len(cat.Context.Against)
	for _, c := range cat.Clauses {
		rules += len(c.Rules)
	}
	fmt.Fprintf(opts.IO.Out, "ok: %s, %s\n", plural(len(cat.Clauses), "point", "points"), plural(rules, "rule", "rules"))
	return nil
}

func runClausesTest(opts *ClausesCheckOptions) error {
	m, an, err := checkCatalog(opts)
	if err != nil {
		return err
	}
	rep := m.RunExamples(an)
	out := opts.IO.Out
	for _, r := range rep.Results {
		switch {
		case !r.Pass:
			fmt.Fprintln(out, r.Error())
		case opts.Verbose:
			fmt.Fprintf(out, "%s:%d:%d: ok: %s\n", r.File, r.Pos.Line, r.Pos.Col, r.Message())
		}
	}
	for _, cl := range rep.NoExamples {
		fmt.Fprintf(out, "%s:%d:%d: %s: no examples.match sentence; every clause needs at least one\n", m.Catalog.Source, cl.Pos.Line, cl.Pos.Col, cl.ID)
	}
	failed := len(rep.Results) - rep.Passed()
	if failed > 0 || len(rep.NoExamples) > 0 {
		msg := fmt.Sprintf("%d of %s failed", failed, plural(len(rep.Results), "example", "examples"))
		if n := len(rep.NoExamples); n > 0 {
			msg += fmt.Sprintf("; %s without a match: example", plural(n, "clause", "clauses"))
		}
		return &StatusError{Code: ExitError, Msg: msg}
	}
	fmt.Fprintf(out, "ok: %s passed (%s)\n", plural(len(rep.Results), "example", "examples"), plural(len(m.Catalog.Clauses), "point", "points"))
	return nil
}

// plural formats a count with its noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
