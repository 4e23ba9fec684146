package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/plancheck/plancheck/internal/iostreams"
)

// VersionOptions are the inputs of `plancheck version`.
type VersionOptions struct {
	IO      *iostreams.IOStreams
	Catalog string
}

// NewCmdVersion builds `plancheck version`. runF replaces the run function
// in tests of flag parsing.
func NewCmdVersion(io *iostreams.IOStreams, runF func(*VersionOptions) error) *cobra.Command {
	opts := &VersionOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "version",
		Short: "Print plancheck's version and the catalog's id and hash",
		Long: `Print plancheck's version (the module version, or "dev" for a build from a
work tree) and the id and content hash of the clause catalog in use: the
built-in one, or --catalog FILE (or the catalog of .plancheck.yaml). The hash
is the one reports carry, so you can tell which catalog made a report.`,
		Example: `  plancheck version
  plancheck --version
  plancheck version --catalog my-plan.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runVersion(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Catalog, "catalog", "", "clause catalog YAML to describe instead of the built-in one")
	return cmd
}

func runVersion(opts *VersionOptions) error {
	fmt.Fprintf(opts.IO.Out, "plancheck %s\n", version())
	cat, err := loadCatalog(opts.Catalog)
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.Out, "catalog %s %s (%s, %d points)\n", cat.ID, cat.Hash, cat.Source, len(cat.Clauses))
	return nil
}
