package match

import (
	"strings"
	"testing"

	"github.com/plancheck/plancheck/clauses"
	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
)

// FuzzCompile loads arbitrary catalog YAML: catalog.Parse and Compile never
// panic, every error line is "name:line:col: message" or "name: message",
// and a catalog that compiles can match a document. Seed corpus:
// testdata/fuzz/FuzzCompile.
func FuzzCompile(f *testing.F) {
	f.Add(clauses.Catalog)
	f.Add([]byte(testCatalog))
	for _, r := range [][2]string{
		{"any: [jets]", `any: ["--"]`},
		{"any: [jets]", "any: []"},
		{"theme: t", "theme: t\n    colour: red"},
		{"point: 2", "point: 1"},
		{"within: 3", "within: -1"},
		{"weight: 0.3", "weight: 7"},
		{"[peace plan]", "[peace plan"},
		{"anchor: plan", "anchor: paragraph"},
	} {
		f.Add([]byte(strings.Replace(testCatalog, r[0], r[1], 1)))
	}
	f.Add([]byte("id: [unclosed\n"))
	f.Add([]byte(""))
	f.Add([]byte("- a\n- b\n"))
	f.Add([]byte("id: &a [*a]\n"))
	an := document.NewAnalyzer()
	f.Fuzz(func(t *testing.T, data []byte) {
		cat, err := catalog.Parse("fuzz.yaml", data)
		if err != nil {
			checkErrorLines(t, err)
			return
		}
		m, err := Compile(cat, an)
		if err != nil {
			checkErrorLines(t, err)
			return
		}
		doc := an.Analyze("doc.txt", "The 28-point peace plan for Ukraine would cap the army at 600,000.\nGaza and the grain deal are other stories; amnesty for all.")
		res := m.Match(doc)
		for _, c := range res.Clauses {
			for _, fr := range c.Firings {
				for _, sp := range fr.Spans {
					_ = SpanText(doc, sp)
				}
			}
		}
		if res.Context.InContext && !m.MayBeInContext(an, doc.Text) {
			t.Fatalf("the pre-filter rejects a document in plan context")
		}
	})
}

func checkErrorLines(t *testing.T, err error) {
	t.Helper()
	for _, line := range strings.Split(err.Error(), "\n") {
		if !strings.HasPrefix(line, "fuzz.yaml:") {
			t.Fatalf("error line %q does not start with the file name", line)
		}
	}
}
