package cli

import (
	"encoding/json"
	"github.com/plancheck/plancheck/internal/golden"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/iostreams"
)

func TestExplainFlags(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		wantErr string
		check   func(*ExplainOptions) bool
	}{
		{[]string{"a.txt"}, "", func(o *ExplainOptions) bool { return o.Path == "a.txt" && o.Point == 0 && o.Format == "text" }},
		{[]string{"a.txt", "--point", "21", "-f", "json", "--catalog", "c.yaml"}, "", func(o *ExplainOptions) bool {
			return o.Point == 21 && o.Format == "json" && o.Catalog == "c.yaml"
		}},
		{[]string{"-", "-p", "3"}, "", func(o *ExplainOptions) bool { return o.Path == "-" && o.Point == 3 }},
		{[]string{}, "accepts 1 arg", nil},
		{[]string{"a.txt", "b.txt"}, "accepts 1 arg", nil},
		{[]string{"a.txt", "--format", "csv"}, "--format must be text or json", nil},
		{[]string{"a.txt", "--point", "-2"}, "--point must be a point number", nil},
		{[]string{"a.txt", "--point", "x"}, "invalid argument", nil},
	} {
		got, err := parseArgs(NewCmdExplain, tc.args)
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

func TestExplainGolden(t *testing.T) {
	for _, tc := range []struct{ name, file string }{
		{"explain-wire.golden", "wire-signing.txt"},
		{"explain-fish.golden", "fish-return.txt"},
	} {
		ios, _, out, _ := iostreams.Test()
		err := runExplain(&ExplainOptions{IO: ios, Path: lakeArticles + "/" + tc.file, Sources: Sources{Catalog: lakeCatalog}, Format: "text", MaxBytes: 1 << 20})
		if err != nil {
			t.Fatal(err)
		}
		golden.Check(t, tc.name, out.String())
	}
}

// --point shows one point even when nothing fired, and why each rule did
// not fire.
func TestExplainPoint(t *testing.T) {
	dir := t.TempDir()
	p := writeFile(t, dir, "a.txt", `The Lake Merrow treaty was signed by Aldoria and Brenmark.
Aldoria's parliament will debate the accord next week.
Farmers are worried about water.
Dams are a worry too, and consent is hard to get.
`)
	ios, _, out, _ := iostreams.Test()
	if err := runExplain(&ExplainOptions{IO: ios, Path: p, Sources: Sources{Catalog: lakeCatalog}, Point: 5, Format: "text", MaxBytes: 1 << 20}); err != nil {
		t.Fatal(err)
	}
	golden.Check(t, "explain-point.golden", strings.ReplaceAll(out.String(), dir, "DIR"))

	out.Reset()
	err := runExplain(&ExplainOptions{IO: ios, Path: p, Sources: Sources{Catalog: lakeCatalog}, Point: 9, Format: "text", MaxBytes: 1 << 20})
	if err == nil || !strings.Contains(err.Error(), "point 9 is not in catalog lake-merrow-treaty (points 1 to 5)") {
		t.Errorf("point 9: %v", err)
	}
}

func TestExplainJSON(t *testing.T) {
	out, errOut, code := runCLI(t, "", "explain", "--catalog", lakeCatalog, lakeArticles+"/oped-farmers.txt", "--format", "json")
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var ex Explanation
	if err := json.Unmarshal([]byte(out), &ex); err != nil {
		t.Fatal(err)
	}
	if !ex.Context.InContext || ex.Catalog.ID != "lake-merrow-treaty" || ex.Language != "en" {
		t.Errorf("header %+v", ex)
	}
	var pts []int
	for _, p := range ex.Points {
		pts = append(pts, p.Point)
		if !p.Reported || p.Decision != "mentioned" || len(p.Rules) == 0 || len(p.Rules[0].Firings) == 0 {
			t.Errorf("point %d: %+v", p.Point, p)
			continue
		}
		m := p.Rules[0].Firings[0].Matches[0]
		if m.Term == "" || len(m.Norms) == 0 || m.Text == "" || m.End <= m.Start {
			t.Errorf("point %d match %+v", p.Point, m)
		}
	}
	if len(pts) != 3 || pts[0] != 1 || pts[1] != 2 || pts[2] != 5 || ex.Silent != 2 {
		t.Errorf("points %v, silent %d", pts, ex.Silent)
	}
}

func TestExplainStdinAndErrors(t *testing.T) {
	ios, in, out, _ := iostreams.Test()
	in.WriteString("Under the Lake Merrow treaty, a Joint Lake Commission settles disputes between Aldoria and Brenmark.\n")
	if code := Run(ios, []string{"explain", "--catalog", lakeCatalog, "-", "-p", "2"}); code != ExitOK {
		t.Fatalf("stdin: exit %d", code)
	}
	mustContain(t, "stdin explain", out.String(), "About the plan: no", "Point 2", "not reported: the article is not about the plan", `"Joint Lake Commission"`)

	_, errOut, code := runCLI(t, "", "explain", "no-such-file.txt")
	if code != ExitError || !strings.Contains(errOut, "no-such-file.txt") {
		t.Errorf("missing file: %d %q", code, errOut)
	}
}
