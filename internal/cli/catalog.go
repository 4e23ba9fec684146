package cli

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
	"github.com/plancheck/plancheck/internal/frame"
	"github.com/plancheck/plancheck/internal/score"
)

// Sources names the data files a scoring command uses; an empty path means
// the built-in file.
type Sources struct {
	Catalog string
	Cues    string
	Actors  string
}

// addFlags registers --catalog, --cues and --actors.
func (s *Sources) addFlags(f *pflag.FlagSet) {
	f.StringVar(&s.Catalog, "catalog", "", "clause catalog YAML to use instead of the built-in one")
	f.StringVar(&s.Cues, "cues", "", "framing cue lexicon YAML to use instead of the built-in one")
	f.StringVar(&s.Actors, "actors", "", "actor catalog YAML (for attribution) to use instead of the built-in one")
}

// loadCatalog returns the catalog at path, or the embedded one when path
// is empty.
func loadCatalog(path string) (*catalog.Catalog, error) {
	if path == "" {
		cat, err := catalog.Embedded()
		if err != nil {
			return nil, fmt.Errorf("built-in catalog is broken (please report it):\n%w", err)
		}
		return cat, nil
	}
	return catalog.LoadFile(path)
}

// newScorer loads the catalog and framing lexicons and builds the scorer
// every command shares.
func newScorer(src Sources) (*score.Scorer, error) {
	cat, err := loadCatalog(src.Catalog)
	if err != nil {
		return nil, err
	}
	lex, err := frame.Load(src.Cues, src.Actors)
	if err != nil {
		return nil, err
	}
	framer, err := frame.New(lex, document.NewAnalyzer())
	if err != nil {
		return nil, err
	}
	return score.New(cat, framer)
}
