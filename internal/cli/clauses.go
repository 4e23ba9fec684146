package cli

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/spf13/cobra"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/iostreams"
)

// ClausesOptions are the inputs of `plancheck clauses`.
type ClausesOptions struct {
	IO      *iostreams.IOStreams
	Catalog string
	Format  string
}

// NewCmdClauses builds `plancheck clauses` and its subcommands.
func NewCmdClauses(io *iostreams.IOStreams) *cobra.Command {
	opts := &ClausesOptions{IO: io}
	cmd := &cobra.Command{
		Use:   "clauses",
		Short: "List the clause catalog's points",
		Long: `List the points of the clause catalog (the built-in one, or --catalog FILE):
point, theme, id and title, as a table or as JSON.`,
		Example: `  plancheck clauses
  plancheck clauses --format json
  plancheck clauses --catalog my-plan.yaml
  plancheck clauses validate my-plan.yaml
  plancheck clauses test my-plan.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Format != "table" && opts.Format != "json" {
				return usageErrorf("--format must be table or json, not %q", opts.Format)
			}
			return runClauses(opts)
		},
	}
	cmd.PersistentFlags().StringVar(&opts.Catalog, "catalog", "", "clause catalog YAML to use instead of the built-in one")
	cmd.Flags().StringVarP(&opts.Format, "format", "f", "table", "output format: table or json")
	cmd.AddCommand(NewCmdClausesValidate(io, nil), NewCmdClausesTest(io, nil))
	return cmd
}

func runClauses(opts *ClausesOptions) error {
	cat, err := loadCatalog(opts.Catalog)
	if err != nil {
		return err
	}
	if opts.Format == "json" {
		return writeCatalogJSON(opts.IO, cat)
	}
	fmt.Fprintf(opts.IO.Out, "%s (%s, %d points)\n", cat.Title, cat.ID, len(cat.Clauses))
	t := tablewriter.NewTable(opts.IO.Out)
	t.Header("Point", "Theme", "Id", "Title")
	for _, c := range cat.Clauses {
		if err := t.Append(fmt.Sprint(c.Point), c.Theme, c.ID, c.Title); err != nil {
			return err
		}
	}
	return t.Render()
}

func writeCatalogJSON(io *iostreams.IOStreams, cat *catalog.Catalog) error {
	type clause struct {
		ID      string   `json:"id"`
		Point   int      `json:"point"`
		Theme   string   `json:"theme"`
		Pillar  string   `json:"pillar,omitempty"`
		Title   string   `json:"title"`
		Summary string   `json:"summary,omitempty"`
		Seeds   []string `json:"seeds,omitempty"`
		Rules   int      `json:"rules"`
	}
	out := struct {
		ID      string   `json:"id"`
		Title   string   `json:"title"`
		Hash    string   `json:"hash"`
		Source  string   `json:"source"`
		Themes  []string `json:"themes"`
		Clauses []clause `json:"clauses"`
	}{ID: cat.ID, Title: cat.Title, Hash: cat.Hash, Source: cat.Source, Themes: cat.Themes(), Clauses: []clause{}}
	for _, c := range cat.Clauses {
		out.Clauses = append(out.Clauses, clause{c.ID, c.Point, c.Theme, c.Pillar, c.Title, strings.TrimSpace(c.Summary), c.Seeds, len(c.Rules)})
	}
	enc := json.NewEncoder(io.Out)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}
