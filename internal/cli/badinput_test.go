package cli

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/plancheck/plancheck/internal/report"
)

// badInput is one file (or path) a scraped corpus may hold, and what
// plancheck must say about it.
type badInput struct {
	name string // relative to the corpus folder; "" for extra roots
	path string // set once created
	// err is a part of the article's error, or "" when the input is
	// scored (possibly with a warning).
	err string
	// warn is a part of its warning, for inputs that are decoded.
	warn string
	// planContext is whether the decoded article is about the plan.
	planContext bool
}

// badCorpus builds a folder holding the five seeds and every kind of bad
// input, plus an empty folder and a missing path beside it. It returns the
// roots to score and the bad inputs.
func badCorpus(t *testing.T) (roots []string, bad []*badInput) {
	t.Helper()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	seeds, err := filepath.Glob("../../seeds/*.txt")
	if err != nil || len(seeds) != 5 {
		t.Fatalf("want the 5 seeds, found %d (%v)", len(seeds), err)
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, corpus, filepath.Base(s), string(data))
	}
	seed3, _ := os.ReadFile("../../seeds/003_1cab0ae5860972d2.txt")

	// UTF-16LE with a byte-order mark: a Windows "Unicode" export.
	u := utf16.Encode([]rune(string(seed3)))
	var b16 bytes.Buffer
	b16.WriteString("\xff\xfe")
	binary.Write(&b16, binary.LittleEndian, u)

	// One enormous line: the seed's paragraphs joined, repeated to 2 MB.
	line := strings.Join(strings.Fields(string(seed3)), " ") + " "
	long := strings.Repeat(line, 2<<20/len(line)+1)

	bad = []*badInput{
		{name: "empty.txt", err: "empty file"},
		{name: "blank.txt", err: "empty file"},
		{name: "photo.txt", err: "binary file (PNG image)"},
		{name: "nul.txt", err: "binary file"},
		{name: "latin1.txt", warn: "decoded as Windows-1252 (Latin-1)"},
		{name: "utf16.txt", planContext: true},
		{name: "huge.txt", err: "over the 20.0 MiB limit (--max-bytes)"},
		{name: "long-line.txt", planContext: true},
		{name: "loop", err: "symlink loop"},
	}
	content := map[string]string{
		"empty.txt":     "",
		"blank.txt":     " \n\t  \n\u00a0\n",
		"photo.txt":     "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x02\x00\x00\x00\x01\x00\x08\x06",
		"nul.txt":       "text\x00with\x00NUL\x00bytes\x00\x01\x02\x03",
		"latin1.txt":    "Caf\xe9 owners in Kyiv said the peace plan would \x93help\x94 na\xefve investors.\n",
		"utf16.txt":     b16.String(),
		"long-line.txt": long,
	}
	for _, in := range bad {
		in.path = filepath.Join(corpus, in.name)
		switch in.name {
		case "huge.txt":
			// 50 MB, sparse: the size is checked before anything is read.
			f, err := os.Create(in.path)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.Truncate(50 << 20); err != nil {
				t.Fatal(err)
			}
			f.Close()
		case "loop":
			if err := os.Symlink("..", in.path); err != nil {
				t.Skipf("symlinks: %v", err)
			}
		default:
			writeFile(t, corpus, in.name, content[in.name])
		}
	}
	// The walk reports the loop at the path inside the link.
	bad[len(bad)-1].path = filepath.Join(corpus, "loop", "corpus")

	empty := filepath.Join(dir, "no-articles")
	writeFile(t, empty, "notes.pdf.bak", "not an article")
	missing := filepath.Join(dir, "missing.txt")
	bad = append(bad,
		&badInput{path: empty, err: "no articles"},
		&badInput{path: missing, err: "no such file"},
	)
	return []string{corpus, empty, missing}, bad
}

// TestBadInputsEndToEnd scores a folder of the seeds and every kind of bad
// input with the json and jsonl formats: exit 2, valid output in which
// the seeds are scored and each bad input carries its error, and one
// stderr line naming each bad input.
func TestBadInputsEndToEnd(t *testing.T) {
	roots, bad := badCorpus(t)
	for _, format := range []string{"json", "jsonl"} {
		t.Run(format, func(t *testing.T) {
			stdout, stderr, code := runCLI(t, "", append([]string{"score", "--format", format}, roots...)...)
			if code != ExitError {
				t.Errorf("exit %d, want %d\n%s", code, ExitError, stderr)
			}
			arts := parseArticles(t, format, stdout)
			byPath := map[string]report.Article{}
			for _, a := range arts {
				byPath[a.Path] = a
			}
			seeds := 0
			for p, a := range byPath {
				if strings.HasSuffix(p, ".txt") && regexp.MustCompile(`/00\d_[0-9a-f]{16}\.txt$`).MatchString(p) {
					seeds++
					if a.Error != "" || !a.PlanContext || len(a.Mentions) == 0 {
						t.Errorf("seed %s: error %q, plan context %v, %d mentions", p, a.Error, a.PlanContext, len(a.Mentions))
					}
				}
			}
			if seeds != 5 {
				t.Errorf("%d seeds in the report, want 5", seeds)
			}
			lines := strings.Split(strings.TrimRight(stderr, "\n"), "\n")
			for _, in := range bad {
				a, ok := byPath[in.path]
				if !ok {
					t.Errorf("%s: not in the report", in.path)
					continue
				}
				switch {
				case in.err != "":
					if !strings.Contains(a.Error, in.err) {
						t.Errorf("%s: error %q, want it to say %q", in.path, a.Error, in.err)
					}
					if a.PlanContext || len(a.Mentions) != 0 {
						t.Errorf("%s: failed input reported with plan context or mentions", in.path)
					}
				default:
					if a.Error != "" {
						t.Errorf("%s: error %q, want it scored", in.path, a.Error)
					}
					if a.PlanContext != in.planContext {
						t.Errorf("%s: plan context %v, want %v", in.path, a.PlanContext, in.planContext)
					}
					if in.warn != "" && !strings.Contains(strings.Join(a.Warnings, "\n"), in.warn) {
						t.Errorf("%s: warnings %q, want %q", in.path, a.Warnings, in.warn)
					}
				}
				// One stderr line names each input that failed or was
				// decoded with a warning; none names the others.
				want := 0
				if in.err != "" || in.warn != "" {
					want = 1
				}
				n := 0
				for _, l := range lines {
					if strings.Contains(l, in.path+":") {
						n++
						if in.err != "" && !strings.Contains(l, in.err) {
							t.Errorf("stderr line %q does not say %q", l, in.err)
						}
					}
				}
				if n != want {
					t.Errorf("%d stderr lines name %s, want %d:\n%s", n, in.path, want, stderr)
				}
			}
			failed := 0
			for _, in := range bad {
				if in.err != "" {
					failed++
				}
			}
			if last := lines[len(lines)-1]; !strings.Contains(last, "could not be scored") {
				t.Errorf("last stderr line %q should count the failed inputs", last)
			}
			if len(lines) != failed+2 { // + latin1's warning + the count
				t.Errorf("%d stderr lines, want %d:\n%s", len(lines), failed+2, stderr)
			}
		})
	}
}

// parseArticles checks that stdout is valid json (one document) or jsonl
// (one JSON value per line) and returns the articles.
func parseArticles(t *testing.T, format, stdout string) []report.Article {
	t.Helper()
	if format == "json" {
		var r report.Report
		if err := json.Unmarshal([]byte(stdout), &r); err != nil {
			t.Fatalf("invalid JSON: %v\n%s", err, stdout)
		}
		return r.Articles
	}
	var arts []report.Article
	sc := bufio.NewScanner(strings.NewReader(stdout))
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if !json.Valid(line) {
			t.Fatalf("invalid JSONL line: %s", line)
		}
		var probe struct {
			Path *string `json:"path"`
		}
		if err := json.Unmarshal(line, &probe); err != nil {
			t.Fatal(err)
		}
		if probe.Path == nil {
			continue // header or summary line
		}
		var a report.Article
		if err := json.Unmarshal(line, &a); err != nil {
			t.Fatalf("JSONL article line: %v\n%s", err, line)
		}
		arts = append(arts, a)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return arts
}

// TestBadInputsOutputFile: with -o, a batch with bad inputs still writes
// its whole, valid report (exit 2), and a run that fails leaves no file,
// not even a partial or temporary one.
func TestBadInputsOutputFile(t *testing.T) {
	roots, _ := badCorpus(t)
	out := t.TempDir()
	dst := filepath.Join(out, "report.json")
	if _, stderr, code := runCLI(t, "", append([]string{"score", "-f", "json", "-o", dst}, roots...)...); code != ExitError {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(dst)
	if err != nil || !json.Valid(data) {
		t.Fatalf("report not written whole: %v", err)
	}
	failed := filepath.Join(out, "failed.jsonl")
	badCat := writeFile(t, out, "bad.yaml", "id: [unclosed\n")
	if _, _, code := runCLI(t, "", "score", "-f", "jsonl", "-o", failed, "--catalog", badCat, roots[0]); code != ExitError {
		t.Errorf("exit %d with a broken catalog", code)
	}
	entries, _ := os.ReadDir(out)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != "bad.yaml report.json" {
		t.Errorf("files after the failed run: %v (want no partial or temporary file)", names)
	}
}

// TestMalformedCatalogs: each kind of catalog error is reported on stderr
// as file:line:col: message, with exit 2 and nothing on stdout.
func TestMalformedCatalogs(t *testing.T) {
	const base = `id: demo
title: Demo plan
context:
  rules:
    - any: [demo plan]
clauses:
  - id: p1-one
    point: 1
    theme: first
    title: One
    rules:
      - any: [one thing]
`
	tests := []struct {
		name, yaml, want string
	}{
		{"yaml syntax", strings.Replace(base, "any: [demo plan]", "any: [demo plan", 1), `:\d+:\d+: YAML syntax error`},
		{"unknown key", strings.Replace(base, "theme: first", "theme: first\n    colour: red", 1), `:10:5: unknown key "colour" in clause`},
		{"duplicate point", base + "  - id: p1-again\n    point: 1\n    theme: t\n    title: T\n    rules:\n      - any: [x]\n", `:13:5: duplicate point 1 \(first at line 7\)`},
		{"empty rule", strings.Replace(base, "- any: [one thing]", "- any: []", 1), `:12:14: rule has an empty any: list`},
		{"bad pattern", strings.Replace(base, "[one thing]", `["--"]`, 1), `:12:9: rule term "--" has no words to match`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			cat := writeFile(t, dir, "catalog.yaml", tt.yaml)
			for _, format := range []string{"json", "jsonl"} {
				stdout, stderr, code := runCLI(t, "", "score", "-f", format, "--catalog", cat, "../../seeds")
				if code != ExitError {
					t.Errorf("%s: exit %d, want %d", format, code, ExitError)
				}
				if stdout != "" {
					t.Errorf("%s: stdout not empty:\n%s", format, stdout)
				}
				if !regexp.MustCompile(`(?m)^plancheck: ` + regexp.QuoteMeta(cat) + tt.want).MatchString(stderr) {
					t.Errorf("%s: stderr %q, want %s%s", format, stderr, cat, tt.want)
				}
			}
		})
	}
}
