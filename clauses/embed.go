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
