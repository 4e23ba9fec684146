package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestLakeTreatyEndToEnd is docs/catalog.md's walk-through as a test: a
// catalog for another plan, given with --catalog, is validated, its
// examples pass, it scores its articles, and it matches the hand labels.
func TestLakeTreatyEndToEnd(t *testing.T) {
	out, errOut, code := runCLI(t, "", "clauses", "validate", "--catalog", lakeCatalog)
	if code != ExitOK || out != "ok: 5 points, 13 rules\n" {
		t.Fatalf("validate: %d %q %q", code, out, errOut)
	}
	out, errOut, code = runCLI(t, "", "clauses", "test", "--catalog", lakeCatalog)
	if code != ExitOK || !strings.HasPrefix(out, "ok: ") {
		t.Fatalf("test: %d %q %q", code, out, errOut)
	}
	out, errOut, code = runCLI(t, "", "clauses", "--catalog", lakeCatalog)
	if code != ExitOK || !strings.Contains(out, "lake-merrow-treaty, 5 points") {
		t.Fatalf("clauses: %d %q %q", code, out, errOut)
	}

	out, errOut, code = runCLI(t, "", "score", "--catalog", lakeCatalog, "--format", "json", lakeArticles)
	if code != ExitOK || errOut != "" {
		t.Fatalf("score: %d %q", code, errOut)
	}
	var rep struct {
		Catalog struct {
			ID     string `json:"id"`
			Points int    `json:"points"`
		} `json:"catalog"`
		Articles []struct {
			Path        string `json:"path"`
			PlanContext bool   `json:"plan_context"`
			Language    string `json:"language"`
			Mentions    []struct {
				Point int `json:"point"`
			} `json:"mentions"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Catalog.ID != "lake-merrow-treaty" || rep.Catalog.Points != 5 || len(rep.Articles) != 4 {
		t.Fatalf("report header %+v", rep.Catalog)
	}
	want := map[string][]int{
		"fish-return.txt":      nil,
		"oped-farmers.txt":     {1, 2, 5},
		"pollution-report.txt": {2, 4},
		"wire-signing.txt":     {1, 2, 3, 4, 5},
	}
	for _, a := range rep.Articles {
		var got []int
		for _, m := range a.Mentions {
			got = append(got, m.Point)
		}
		name := a.Path[strings.LastIndex(a.Path, "/")+1:]
		if a.Language != "en" || a.PlanContext != (want[name] != nil) || !equalInts(got, want[name]) {
			t.Errorf("%s: language %s, plan context %v, points %v, want %v", name, a.Language, a.PlanContext, got, want[name])
		}
	}

	out, errOut, code = runCLI(t, "", "eval", "--catalog", lakeCatalog, "--gold", lakeGold, "--format", "json", lakeArticles)
	if code != ExitOK || errOut != "" {
		t.Fatalf("eval: %d %q", code, errOut)
	}
	var ev struct {
		Articles        int     `json:"articles"`
		ContextAccuracy float64 `json:"context_accuracy"`
		Points          struct {
			F1 float64 `json:"f1"`
		} `json:"points"`
	}
	if err := json.Unmarshal([]byte(out), &ev); err != nil {
		t.Fatal(err)
	}
	if ev.Articles != 4 || ev.ContextAccuracy != 1 || ev.Points.F1 != 1 {
		t.Errorf("eval %+v", ev)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
