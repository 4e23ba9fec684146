package cli

import (
	"fmt"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/score"
)

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

// newScorer loads a catalog and builds the scorer every command shares.
func newScorer(catalogPath string) (*score.Scorer, error) {
	cat, err := loadCatalog(catalogPath)
	if err != nil {
		return nil, err
	}
	framer, err := newFramer()
	if err != nil {
		return nil, err
	}
	return score.New(cat, framer)
}
