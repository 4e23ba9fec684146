// Package cli holds plancheck's commands. Each command has an options
// struct and a run function that tests call with buffers, without a shell.
package cli

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"

	"github.com/plancheck/plancheck/internal/iostreams"
)

// Version is the module version, set at build time with -ldflags or read
// from the build info.
var Version = ""

// version returns plancheck's version.
func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// Main runs plancheck with the process's arguments and streams and returns
// the exit code.
func Main() int {
	return Run(iostreams.System(), nil)
}

// Run runs plancheck with args (nil: the process's) on io and returns the
// exit code.
func Run(io *iostreams.IOStreams, args []string) int {
	root := NewRootCmd(io)
	if args != nil {
		root.SetArgs(args)
	}
	err := root.Execute()
	return handleError(io, err)
}

func handleError(io *iostreams.IOStreams, err error) int {
	if err == nil {
		return ExitOK
	}
	var ee *StatusError
	if errors.As(err, &ee) {
		if ee.Msg != "" {
			fmt.Fprintf(io.ErrOut, "plancheck: %s\n", ee.Msg)
		}
		return ee.Code
	}
	msg := err.Error()
	fmt.Fprintf(io.ErrOut, "plancheck: %s\n", msg)
	var ue *usageError
	if errors.As(err, &ue) || isCobraUsage(msg) {
		fmt.Fprintln(io.ErrOut, "Run 'plancheck --help' for usage.")
	}
	return ExitError
}

func isCobraUsage(msg string) bool {
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "requires at most"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}

// NewRootCmd builds the command tree.
func NewRootCmd(io *iostreams.IOStreams) *cobra.Command {
	var color, configPath string
	var showVersion bool
	root := &cobra.Command{
		Use:   "plancheck",
		Short: "Find the points of the 2025 US 28-point peace plan in news articles",
		Long: `plancheck reads news articles and reports which points of the November 2025
US 28-point peace plan for Russia and Ukraine each article mentions, with the
sentences that show it, and how the article frames each point (critical,
supportive or neutral).

The clause catalog is built in; pass --catalog FILE to use your own (see
docs/catalog.md), and check it with 'plancheck clauses validate' and
'plancheck clauses test'.

Defaults for --catalog, --format, --include, --exclude and -j can be kept in
a .plancheck.yaml in the current folder or a parent (or --config FILE);
flags override it.

` + exitCodesHelp,
		Example: `  plancheck score article.txt
  plancheck score corpus/ --format json -o report.json
  plancheck explain article.txt --point 21
  plancheck eval --gold testdata/seeds.gold.yaml seeds/
  plancheck clauses validate my-plan.yaml
  plancheck diff base.json head.json --format markdown`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			// --color only when given, so CLICOLOR_FORCE still counts.
			if cmd.Flags().Changed("color") && !io.SetColorMode(color) {
				return usageErrorf("--color must be auto, always or never, not %q", color)
			}
			return applyConfig(cmd, configPath)
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if showVersion {
				return runVersion(&VersionOptions{IO: io})
			}
			return cmd.Help()
		},
	}
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.PersistentFlags().StringVar(&color, "color", "auto", "colour output: auto, always or never (NO_COLOR is honoured)")
	root.PersistentFlags().BoolVarP(&io.Quiet, "quiet", "q", false, "print no progress or warnings on stderr")
	root.PersistentFlags().StringVar(&configPath, "config", "", "read flag defaults from `FILE` instead of the nearest .plancheck.yaml")
	root.Flags().BoolVar(&showVersion, "version", false, "print plancheck's version and the built-in catalog's id and hash")
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{msg: err.Error()}
	})

	root.AddCommand(NewCmdScore(io, nil))
	root.AddCommand(NewCmdDiff(io, nil))
	root.AddCommand(NewCmdClauses(io))
	root.AddCommand(NewCmdExplain(io, nil))
	root.AddCommand(NewCmdEval(io, nil))
	root.AddCommand(NewCmdVersion(io, nil))
	return root
}
