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
//
// The framing lexicons load and compile on a second goroutine while the
// catalog does (each takes 5-10 ms, most of the start-up of a one-article
// run); errors are still reported catalog first.
func newScorer(src Sources) (*score.Scorer, error) {
	type framed struct {
		framer *frame.Framer
		err    error
	}
	done := make(chan framed, 1)
	go func() {
		lex, err := frame.Load(src.Cues, src.Actors)
		if err != nil {
			done <- framed{err: err}
			return
		}
		fr, err := frame.New(lex, document.NewAnalyzer())
		done <- framed{fr, err}
	}()
	cat, err := loadCatalog(src.Catalog)
	var sc *score.Scorer
	if err == nil {
		sc, err = score.New(cat, nil)
	}
	fr := <-done
	if err != nil {
		return nil, err
	}
	if fr.err != nil {
		return nil, fr.err
	}
	sc.Framer = fr.framer
	return sc, nil
}
