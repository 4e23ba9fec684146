package cli

import (
	"os"
	"slices"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/plancheck/plancheck/internal/config"
	"github.com/plancheck/plancheck/internal/report"
)

// configFormats lists, per command name, the --format values a config file's
// format: may set; a command not listed, or a format it does not know,
// keeps its own default.
var configFormats = map[string][]string{
	"score":   report.Formats,
	"clauses": {"table", "json"},
	"explain": {"json"},
	"eval":    {"table", "json"},
}

// getwd is where the config search starts (tests replace it).
var getwd = os.Getwd

// applyConfig reads the config file (path, or the nearest .plancheck.yaml)
// and sets the flags of cmd the command line left alone. Commands without
// any flag a config can set skip the search.
func applyConfig(cmd *cobra.Command, path string) error {
	flags := cmd.Flags()
	wanted := false
	for _, k := range config.Keys {
		if flags.Lookup(k) != nil {
			wanted = true
		}
	}
	if !wanted {
		return nil
	}
	if path == "" {
		dir, err := getwd()
		if err != nil {
			return nil // no folder, no config
		}
		if path, err = config.Find(dir); err != nil || path == "" {
			return err
		}
	}
	cfg, err := config.Load(path)
	if err != nil {
		return err
	}
	return setFromConfig(cmd, cfg)
}

// setFromConfig sets each flag of cmd named by a config key, unless the
// command line set it.
func setFromConfig(cmd *cobra.Command, cfg *config.Config) error {
	flags := cmd.Flags()
	for _, k := range config.Keys {
		vals, ok := cfg.Values[k]
		if !ok {
			continue
		}
		f := flags.Lookup(k)
		if f == nil || f.Changed {
			continue
		}
		if k == "format" && !slices.Contains(configFormats[cmd.Name()], vals[0]) {
			continue
		}
		if err := setFlag(f, vals); err != nil {
			pos := cfg.Pos[k]
			return &config.Error{File: cfg.Path, Line: pos.Line, Col: pos.Col, Msg: err.Error()}
		}
	}
	return nil
}

func setFlag(f *pflag.Flag, vals []string) error {
	if sv, ok := f.Value.(pflag.SliceValue); ok {
		return sv.Replace(vals)
	}
	return f.Value.Set(vals[0])
}
