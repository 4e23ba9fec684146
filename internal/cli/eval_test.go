package cli

import (
	"encoding/json"
	"github.com/plancheck/plancheck/internal/golden"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/iostreams"
)

func TestEvalFlags(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		wantErr string
		check   func(*EvalOptions) bool
	}{
		{[]string{"--gold", "g.yaml", "seeds/"}, "", func(o *EvalOptions) bool {
			return o.Gold == "g.yaml" && len(o.Paths) == 1 && o.Format == "table" && o.Workers > 0
		}},
		{[]string{"-g", "g.yaml", "a", "b", "-f", "json", "-j", "2", "--catalog", "c.yaml", "--include", "*.txt"}, "", func(o *EvalOptions) bool {
			return len(o.Paths) == 2 && o.Format == "json" && o.Workers == 2 && o.Catalog == "c.yaml" && o.Include[0] == "*.txt"
		}},
		{[]string{"seeds/"}, "eval needs --gold FILE", nil},
		{[]string{"--gold", "g.yaml"}, "requires at least 1 arg", nil},
		{[]string{"--gold", "g.yaml", "x", "--format", "csv"}, "--format must be table or json", nil},
		{[]string{"--gold", "g.yaml", "x", "-j", "-1"}, "-j must be 1 or more", nil},
	} {
		got, err := parseArgs(NewCmdEval, tc.args)
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%v: error %v, want %q", tc.args, err, tc.wantErr)
			}
			continue
		}
		if err != nil || !tc.check(got) {
			t.Errorf("%v: %v %+v", tc.args, err, got)
		}
	}
}

func TestEvalGolden(t *testing.T) {
	ios, _, out, errOut := iostreams.Test()
	err := runEval(nil, &EvalOptions{IO: ios, Gold: lakeGold, Paths: []string{lakeArticles}, Sources: Sources{Catalog: lakeCatalog},
		Format: "table", Workers: 2, MaxBytes: 1 << 20})
	if err != nil {
		t.Fatal(err)
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr %q", errOut)
	}
	golden.Check(t, "eval-lake.golden", out.String())
}

func TestEvalJSONAndWarnings(t *testing.T) {
	dir := t.TempDir()
	extra := writeFile(t, dir, "unlabelled.txt", "The Lake Merrow treaty between Aldoria and Brenmark creates a Joint Lake Commission.\n")
	out, errOut, code := runCLI(t, "", "eval", "--gold", lakeGold, "--catalog", lakeCatalog, "--format", "json",
		lakeArticles+"/wire-signing.txt", extra)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var rep struct {
		Gold    string `json:"gold"`
		Catalog struct {
			ID string `json:"id"`
		} `json:"catalog"`
		Articles int `json:"articles"`
		Points   struct {
			F1 float64 `json:"f1"`
		} `json:"points"`
		Missing    []string `json:"missing"`
		Unlabelled []string `json:"unlabelled"`
		Confusion  map[string]map[string]int
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Catalog.ID != "lake-merrow-treaty" || rep.Articles != 1 || rep.Points.F1 != 1 || len(rep.Missing) != 3 || len(rep.Unlabelled) != 1 {
		t.Errorf("report %+v", rep)
	}
	mustContain(t, "stderr", errOut, "oped-farmers.txt: labelled in", "unlabelled.txt: scored but has no label")
	_, errOut, _ = runCLI(t, "", "-q", "eval", "--gold", lakeGold, "--catalog", lakeCatalog, lakeArticles+"/wire-signing.txt", extra)
	if errOut != "" {
		t.Errorf("--quiet stderr %q", errOut)
	}
}

func TestEvalSeeds(t *testing.T) {
	out, errOut, code := runCLI(t, "", "eval", "--gold", "../../testdata/seeds.gold.yaml", "../../seeds/")
	if code != ExitOK || errOut != "" {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	mustContain(t, "seeds eval", out, "5 articles against", "points", "plan context  accuracy 1.000", "Per point:", "Per article:")
}

func TestEvalErrors(t *testing.T) {
	dir := t.TempDir()
	badGold := writeFile(t, dir, "g.yaml", "- file: a.txt\n  plan_context: false\n  points: {3: critical}\n")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"eval", "--gold", dir + "/none.yaml", lakeArticles}, "cannot read gold labels"},
		{[]string{"eval", "--gold", badGold, lakeArticles}, "has points but plan_context: false"},
		{[]string{"eval", "--gold", lakeGold, "--catalog", lakeCatalog, lakeArticles, dir + "/gone.txt"}, "gone.txt"},
	} {
		_, errOut, code := runCLI(t, "", tc.args...)
		if code != ExitError || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stderr %q", tc.args, code, errOut)
		}
	}
}
