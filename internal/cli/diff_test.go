package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/diff"
	"github.com/plancheck/plancheck/internal/iostreams"
	"github.com/plancheck/plancheck/internal/report"
)

// diffCatalog is the catalog of the hand-made reports.
var diffCatalog = report.Catalog{ID: "test-plan", Hash: "sha256:1111", Points: 28}

func diffMention(point int, clause, stance, evidence string) report.Mention {
	m := report.Mention{Point: point, Clause: clause, Theme: "theme" + clause, Title: "Title " + clause,
		Evidence: []report.Evidence{{Sentence: 1, Start: 10, End: 10 + len(evidence), Text: evidence, Line: 2}}}
	if stance != "" {
		m.Framing = &report.Framing{Stance: stance}
	}
	return m
}

// writeReport writes a json report of articles to dir/name.
func writeReport(t *testing.T, dir, name string, cat report.Catalog, arts ...report.Article) string {
	t.Helper()
	r := &report.Report{Tool: report.Tool{Name: "plancheck", Version: "test"}, Catalog: cat, Articles: arts}
	s := report.NewSummarizer(nil, 28)
	for i := range r.Articles {
		if r.Articles[i].Mentions == nil {
			r.Articles[i].Mentions = []report.Mention{}
		}
		s.Add(&r.Articles[i])
	}
	r.Summary = s.Summary()
	var buf bytes.Buffer
	p, _ := report.NewPrinter("json", &buf, report.Options{})
	if err := report.Print(p, r); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dir, name, buf.String())
}

// diffFixture writes base.json and head.json: head gains point 21 in a.txt
// (and its stance on 7 moves), loses point 3 in b.txt; c.txt is unchanged.
func diffFixture(t *testing.T) (dir, base, head string) {
	dir = t.TempDir()
	base = writeReport(t, dir, "base.json", diffCatalog,
		report.Article{Path: "news/a.txt", Mentions: []report.Mention{diffMention(7, "p07", report.Neutral, "Ukraine would not join NATO.")}},
		report.Article{Path: "news/b.txt", Mentions: []report.Mention{diffMention(3, "p03", "", "NATO would not expand.")}},
		report.Article{Path: "news/c.txt"},
	)
	head = writeReport(t, dir, "head.json", diffCatalog,
		report.Article{Path: "news/a.txt", Mentions: []report.Mention{
			diffMention(7, "p07", report.Critical, "Ukraine would not join NATO."),
			diffMention(21, "p21", "", "Donetsk would be ceded, the draft says."),
		}},
		report.Article{Path: "news/b.txt"},
		report.Article{Path: "news/c.txt"},
	)
	return dir, base, head
}

// diffRun calls runDiff on test streams and returns its output and the
// exit code Run would give.
func diffRun(t *testing.T, opts *DiffOptions) (stdout, stderr string, code int) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	opts.IO = ios
	if opts.Format == "" {
		opts.Format = "table"
	}
	if opts.MaxBytes == 0 {
		opts.MaxBytes = 20 << 20
	}
	code = handleError(ios, runDiff(context.Background(), opts))
	return out.String(), errOut.String(), code
}

func TestDiffExitCodes(t *testing.T) {
	dir, base, head := diffFixture(t)
	cases := []struct {
		name     string
		base     string
		failOn   []string
		code     int
		inStderr string
	}{
		{"no fail-on", base, nil, ExitOK, ""},
		{"none", base, []string{"none"}, ExitOK, ""},
		{"new", base, []string{"new"}, ExitChanges, "plan coverage changed (--fail-on new): 2 articles changed: +1 point, −1 point, 1 stance change"},
		{"lost", base, []string{"lost"}, ExitChanges, "(--fail-on lost)"},
		{"changed", base, []string{"changed"}, ExitChanges, "(--fail-on changed)"},
		{"list", base, []string{"new", "lost"}, ExitChanges, "(--fail-on new,lost)"},
		{"any", base, []string{"any"}, ExitChanges, "(--fail-on new,lost,changed)"},
		{"same reports", head, []string{"any"}, ExitOK, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := diffRun(t, &DiffOptions{Base: c.base, Head: head, FailOn: c.failOn})
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr %s", code, c.code, errOut)
			}
			if c.inStderr == "" && errOut != "" {
				t.Errorf("stderr: %s", errOut)
			}
			mustContain(t, "stderr", errOut, c.inStderr)
			if c.base == head {
				mustContain(t, "stdout", out, "No change in plan coverage.")
			} else {
				mustContain(t, "stdout", out, "news/a.txt", "+ 21", "~  7", "neutral → critical", "news/b.txt", "−  3")
				if strings.Contains(out, "news/c.txt") {
					t.Errorf("unchanged article listed:\n%s", out)
				}
			}
		})
	}
	_ = dir
}

// Bad inputs end with one line on stderr that says what is wrong, and
// exit 2.
func TestDiffBadInputs(t *testing.T) {
	dir, base, head := diffFixture(t)
	other := writeReport(t, dir, "other.json", report.Catalog{ID: "test-plan", Hash: "sha256:2222"})
	noHash := writeFile(t, dir, "nohash.json", `{"tool": {"name": "plancheck"}, "catalog": {"id": "x"}, "articles": []}`)
	notJSON := writeFile(t, dir, "notjson.json", "plancheck found 3 points\n")
	broken := writeFile(t, dir, "broken.json", `{"tool": {"name": "plancheck"}, "catalog": `)
	catalogJSON := writeFile(t, dir, "catalog.json", `{"id": "x", "hash": "h", "clauses": []}`)
	var jsonl bytes.Buffer
	p, _ := report.NewPrinter("jsonl", &jsonl, report.Options{})
	report.Print(p, &report.Report{Articles: []report.Article{{Path: "a"}, {Path: "b"}}})
	lines := writeFile(t, dir, "report.jsonl", jsonl.String())

	cases := []struct {
		name, base, head, want string
	}{
		{"missing", filepath.Join(dir, "nope.json"), head, "base " + filepath.Join(dir, "nope.json") + ": no such file or directory"},
		{"missing head", base, filepath.Join(dir, "nope.json"), "head " + filepath.Join(dir, "nope.json") + ": no such file or directory"},
		{"not json", notJSON, head, "base report " + notJSON + ": not JSON: invalid character 'p' looking for beginning of value at line 1, column 1"},
		{"truncated", base, broken, "head report " + broken + ": not JSON: the input ends in the middle of a value (truncated?)"},
		{"not a report", catalogJSON, head, "not a plancheck report: no tool, catalog or articles field"},
		{"jsonl", lines, head, "not a plancheck report: several JSON values one after another (--format jsonl output?)"},
		{"missing field", noHash, head, `base report ` + noHash + `: missing field "catalog.hash"`},
		{"catalog mismatch", base, other, "cannot compare " + base + " and " + other + ": the reports were made with different catalogs: base test-plan (sha256:1111), head test-plan (sha256:2222)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out, errOut, code := diffRun(t, &DiffOptions{Base: c.base, Head: c.head, FailOn: []string{"new"}})
			if code != ExitError {
				t.Errorf("exit %d, want 2", code)
			}
			mustContain(t, "stderr", errOut, "plancheck: ", c.want)
			if n := strings.Count(errOut, "\n"); n != 1 {
				t.Errorf("stderr has %d lines, want 1:\n%s", n, errOut)
			}
			if out != "" {
				t.Errorf("stdout: %s", out)
			}
		})
	}
}

func TestDiffFormats(t *testing.T) {
	_, base, head := diffFixture(t)
	for _, f := range diff.Formats {
		out, errOut, code := diffRun(t, &DiffOptions{Base: base, Head: head, Format: f})
		if code != ExitOK {
			t.Fatalf("%s: exit %d: %s", f, code, errOut)
		}
		switch f {
		case "json":
			var c diff.Changes
			if err := json.Unmarshal([]byte(out), &c); err != nil {
				t.Fatalf("json: %v", err)
			}
			if c.Stats.New != 1 || c.Stats.Lost != 1 || c.Stats.Stances != 1 || c.Base.Name != base {
				t.Errorf("json stats %+v, base %+v", c.Stats, c.Base)
			}
		case "markdown":
			mustContain(t, "markdown", out, "**2 articles changed: +1 point, −1 point, 1 stance change**", "| `news/a.txt` | **+ new** | 21 |", "Evidence for 1 new mention")
		case "github":
			mustContain(t, "github", out,
				"::notice file=news/a.txt,line=2,title=plancheck%3A point 21 (themep21) newly mentioned::Donetsk would be ceded, the draft says.\n",
				"::warning file=news/b.txt,title=plancheck%3A point 3 (themep03) no longer mentioned::")
		}
	}
}

// -o writes the diff whole, and nothing when the diff fails.
func TestDiffOutputFile(t *testing.T) {
	dir, base, head := diffFixture(t)
	outPath := filepath.Join(dir, "diff.md")
	out, _, code := diffRun(t, &DiffOptions{Base: base, Head: head, Format: "markdown", Output: outPath, FailOn: []string{"new"}})
	if code != ExitChanges || out != "" {
		t.Errorf("exit %d, stdout %q", code, out)
	}
	data, err := os.ReadFile(outPath)
	if err != nil || !strings.HasPrefix(string(data), "### plancheck: plan coverage") {
		t.Errorf("diff.md: %v %q", err, data)
	}
	other := writeReport(t, dir, "other.json", report.Catalog{ID: "else", Hash: "h"})
	failed := filepath.Join(dir, "failed.md")
	if _, _, code := diffRun(t, &DiffOptions{Base: base, Head: other, Output: failed}); code != ExitError {
		t.Errorf("exit %d", code)
	}
	if _, err := os.Stat(failed); !os.IsNotExist(err) {
		t.Errorf("failed.md exists after a failed diff: %v", err)
	}
}

func TestDiffStdin(t *testing.T) {
	_, base, head := diffFixture(t)
	data, _ := os.ReadFile(base)
	ios, in, out, errOut := iostreams.Test()
	in.Write(data)
	code := handleError(ios, runDiff(context.Background(), &DiffOptions{IO: ios, Base: "-", Head: head, Format: "json", MaxBytes: 1 << 20}))
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	mustContain(t, "stdout", out.String(), `"name": "standard input"`, `"points_new": 1`)
}

func TestDiffFlags(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr string
	}{
		{[]string{"a.json"}, "accepts 2 arg(s)"},
		{[]string{"a.json", "b.json", "-f", "sarif"}, "--format must be one of table, json, markdown, github"},
		{[]string{"a.json", "b.json", "--fail-on", "gained"}, `--fail-on takes new, lost, changed, any or none (or a comma list), not "gained"`},
		{[]string{"a.json", "b.json", "--fail-on", "none,new"}, "--fail-on none cannot be combined"},
		{[]string{"-", "-"}, "only one of BASE and HEAD can be -"},
		{[]string{"a.json", "b.json", "--fail-on", "new,LOST", "-f", "github", "-o", "x"}, ""},
	}
	for _, tt := range tests {
		got, err := parseArgs(NewCmdDiff, tt.args)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%q: error %v, want %q", tt.args, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%q: %v", tt.args, err)
		}
		if got.Base != "a.json" || got.Head != "b.json" || got.Format != "github" || got.Output != "x" {
			t.Errorf("parsed %+v", got)
		}
		if kinds, _ := parseFailOn(got.FailOn); len(kinds) != 2 || kinds[1] != diff.KindLost {
			t.Errorf("fail-on %v", kinds)
		}
	}
	// The command is registered.
	_, _, code := runCLI(t, "", "diff", "--help")
	if code != ExitOK {
		t.Errorf("diff --help: exit %d", code)
	}
}

// Two folders scored on the spot: articles are matched by their path
// inside each folder.
func TestDiffFolders(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile("../../seeds/000_22e7889afe1587f7.txt")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "old/plan.txt", string(seed))
	writeFile(t, dir, "new/plan.txt", string(seed))
	writeFile(t, dir, "new/extra/plan2.txt", string(seed))
	out, errOut, code := diffRun(t, &DiffOptions{
		Base: filepath.Join(dir, "old"), Head: filepath.Join(dir, "new"), Format: "json", FailOn: []string{"lost"}, Workers: 2,
	})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var c diff.Changes
	if err := json.Unmarshal([]byte(out), &c); err != nil {
		t.Fatal(err)
	}
	if len(c.Articles) != 1 || c.Articles[0].Path != filepath.Join(dir, "new/extra/plan2.txt") || c.Articles[0].Status != diff.Added || c.Stats.New == 0 {
		t.Errorf("changes %+v", c.Articles)
	}
	// A folder against a report scored elsewhere: no path in common.
	r := writeReport(t, dir, "r.json", diffCatalogOf(t), report.Article{Path: "elsewhere/plan.txt"})
	_, errOut, code = diffRun(t, &DiffOptions{Base: r, Head: filepath.Join(dir, "new"), Workers: 1})
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	mustContain(t, "stderr", errOut, "warning: no article path is in both")
}

// diffCatalogOf is the built-in catalog's identity, as score writes it.
func diffCatalogOf(t *testing.T) report.Catalog {
	t.Helper()
	sc, err := newScorer(Sources{})
	if err != nil {
		t.Fatal(err)
	}
	return sc.CatalogInfo()
}

func TestScoreBaseline(t *testing.T) {
	dir := t.TempDir()
	seed, err := os.ReadFile("../../seeds/000_22e7889afe1587f7.txt")
	if err != nil {
		t.Fatal(err)
	}
	art := writeFile(t, dir, "news/plan.txt", string(seed))
	empty := writeReport(t, dir, "base.json", diffCatalogOf(t), report.Article{Path: art})

	stdout, stderr, code := runCLI(t, "", "score", "--baseline", empty, art, "-f", "markdown", "--fail-on", "new")
	if code != ExitChanges {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	mustContain(t, "markdown", stdout, "### plancheck: plan coverage", "1 article changed: +", "**+ new**")
	mustContain(t, "stderr", stderr, "plan coverage changed (--fail-on new)")

	// Whole or nothing with -o; lost points do not fail --fail-on new.
	out := filepath.Join(dir, "diff.json")
	stdout, stderr, code = runCLI(t, "", "score", "--baseline", empty, art, "-f", "json", "-o", out, "--fail-on", "lost")
	if code != ExitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, stderr)
	}
	var c diff.Changes
	data, _ := os.ReadFile(out)
	if err := json.Unmarshal(data, &c); err != nil || c.Stats.New == 0 {
		t.Errorf("diff.json: %v %+v", err, c.Stats)
	}

	// Its own report as baseline: no change.
	full := filepath.Join(dir, "full.json")
	if _, stderr, code := runCLI(t, "", "score", art, "-f", "json", "-o", full); code != ExitOK {
		t.Fatalf("score: exit %d: %s", code, stderr)
	}
	stdout, _, code = runCLI(t, "", "score", "--baseline", full, art, "--fail-on", "any")
	if code != ExitOK {
		t.Errorf("exit %d", code)
	}
	mustContain(t, "table", stdout, "No change in plan coverage.")

	// A missing article makes the exit code 2 even with changes found.
	_, stderr, code = runCLI(t, "", "score", "--baseline", full, art, filepath.Join(dir, "gone.txt"), "--fail-on", "any")
	if code != ExitError {
		t.Errorf("exit %d, want 2: %s", code, stderr)
	}

	for _, tt := range []struct{ args []string }{
		{[]string{"score", art, "--fail-on", "new"}},
		{[]string{"score", "--baseline", full, art, "-f", "sarif"}},
		{[]string{"score", "--baseline", full, art, "--fail-on", "maybe"}},
		{[]string{"score", "--baseline", filepath.Join(dir, "nope.json"), art}},
	} {
		_, stderr, code := runCLI(t, "", tt.args...)
		if code != ExitError || strings.Count(stderr, "plancheck: ") != 1 {
			t.Errorf("%q: exit %d, stderr %s", tt.args, code, stderr)
		}
	}
}
