// Package clauses embeds plancheck's built-in data: the clause catalog of
// the November 2025 US 28-point plan, and the framing lexicons beside it.
package clauses

import _ "embed"

// CatalogName is the name the embedded catalog reports in errors.
const CatalogName = "embedded:clauses/us-28-point-plan.yaml"

// Catalog is the YAML of the built-in catalog.
//
//go:embed us-28-point-plan.yaml
var Catalog []byte

// CuesName is the name the embedded framing lexicon reports in errors.
const CuesName = "embedded:clauses/cues.yaml"

// Cues is the YAML of the built-in framing lexicon (cue phrases,
// negators, contrast markers, intensifiers, hedges).
//
//go:embed cues.yaml
var Cues []byte

// ActorsName is the name the embedded actor catalog reports in errors.
const ActorsName = "embedded:clauses/actors.yaml"

// Actors is the YAML of the built-in actor catalog (actors, their groups
// and aliases, and the reporting words that cite them).
//
//go:embed actors.yaml
var Actors []byte
