package report

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"github.com/plancheck/plancheck/internal/golden"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// render prints r in format with opts.
func render(t *testing.T, format string, opts Options, r *Report) string {
	t.Helper()
	var buf bytes.Buffer
	p, err := NewPrinter(format, &buf, opts)
	if err != nil {
		t.Fatal(err)
	}
	if err := Print(p, r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	cases := []struct {
		name, format string
		opts         Options
	}{
		{"report.table.golden", "table", Options{}},
		{"report.table-color.golden", "table", Options{Color: true}},
		{"report.json.golden", "json", Options{}},
		{"report.jsonl.golden", "jsonl", Options{}},
		{"report.csv.golden", "csv", Options{}},
		{"report.md.golden", "markdown", Options{}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := render(t, c.format, c.opts, testReport())
			golden.Check(t, c.name, got)
		})
	}
}

func TestFormatsAreRegistered(t *testing.T) {
	if len(printers) != len(Formats) {
		t.Errorf("printers has %d formats, Formats lists %d", len(printers), len(Formats))
	}
	for _, f := range Formats {
		if _, err := NewPrinter(f, &bytes.Buffer{}, Options{}); err != nil {
			t.Error(err)
		}
	}
	if _, err := NewPrinter("yaml", &bytes.Buffer{}, Options{}); err == nil {
		t.Error("NewPrinter(yaml) did not fail")
	}
}

// Every printer writes an article's output when Article returns, not at
// End.
func TestPrintersStream(t *testing.T) {
	r := testReport()
	for _, f := range Formats {
		var buf bytes.Buffer
		p, _ := NewPrinter(f, &buf, Options{})
		if err := p.Begin(r.Tool, r.Catalog); err != nil {
			t.Fatal(err)
		}
		for i := range r.Articles {
			if err := p.Article(&r.Articles[i]); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(buf.String(), r.Articles[i].Path) {
				t.Errorf("%s: %s not written after Article", f, r.Articles[i].Path)
			}
		}
	}
}

// The streamed JSON is exactly the whole report marshalled at once.
func TestJSONIsMarshalledReport(t *testing.T) {
	r := testReport()
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		t.Fatal(err)
	}
	if got := render(t, "json", Options{}, r); got != want.String() {
		t.Errorf("streamed json differs from the marshalled report:\n%s\nwant\n%s", got, want.String())
	}
}

func TestJSONEmpty(t *testing.T) {
	r := testReport()
	r.Articles = nil
	r.Summary = NewSummarizer(nil, 28).Summary()
	out := render(t, "json", Options{}, r)
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("invalid json: %v\n%s", err, out)
	}
	if a, ok := doc["articles"].([]any); !ok || len(a) != 0 {
		t.Errorf("articles = %#v, want []", doc["articles"])
	}
	if !strings.Contains(out, `"articles": [],`) {
		t.Errorf("no empty articles list in\n%s", out)
	}
	if p, ok := doc["summary"].(map[string]any)["points"].([]any); !ok || len(p) != 0 {
		t.Errorf("summary.points = %#v, want []", doc["summary"])
	}
}

// A run that fails before Begin (or that gives End no summary) still
// gets a valid document.
func TestJSONEndOnly(t *testing.T) {
	var buf bytes.Buffer
	p, _ := NewPrinter("json", &buf, Options{})
	if err := p.End(nil); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(buf.Bytes()) {
		t.Errorf("invalid json:\n%s", buf.String())
	}
}

// Lists the contract says are always present are [] even when the caller
// left them nil, and the caller's article is not changed.
func TestJSONNilLists(t *testing.T) {
	a := Article{Path: "x", Context: &ContextInfo{}, Mentions: nil}
	b := Article{Path: "y", Mentions: []Mention{{Point: 1, Framing: &Framing{Stance: Neutral}}}}
	for _, f := range []string{"json", "jsonl"} {
		out := render(t, f, Options{}, &Report{Articles: []Article{a, b}})
		if strings.Contains(out, "null") {
			t.Errorf("%s: null in\n%s", f, out)
		}
	}
	if a.Mentions != nil || a.Context.Reasons != nil || b.Mentions[0].Evidence != nil || b.Mentions[0].Framing.Cues != nil {
		t.Error("printing changed the caller's articles")
	}
}

func TestJSONLOneLinePerArticle(t *testing.T) {
	r := testReport()
	out := render(t, "jsonl", Options{}, r)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(r.Articles) {
		t.Fatalf("%d lines for %d articles:\n%s", len(lines), len(r.Articles), out)
	}
	for i, l := range lines {
		var a Article
		if err := json.Unmarshal([]byte(l), &a); err != nil {
			t.Fatalf("line %d: %v", i+1, err)
		}
		if a.Path != r.Articles[i].Path {
			t.Errorf("line %d is %s, want %s", i+1, a.Path, r.Articles[i].Path)
		}
	}
}

func TestTableColor(t *testing.T) {
	plain := render(t, "table", Options{}, testReport())
	if strings.Contains(plain, "\x1b") {
		t.Errorf("escape codes without Color:\n%q", plain)
	}
	color := render(t, "table", Options{Color: true}, testReport())
	for _, want := range []string{ansiRed + "critical" + ansiReset, ansiDim + "neutral" + ansiReset} {
		if !strings.Contains(color, want) {
			t.Errorf("no %q with Color", want)
		}
	}
	// Colour changes nothing but the escape codes.
	if golden.StripANSI(color) != plain {
		t.Errorf("table with colour, escapes removed, differs from the plain table:\n%s", golden.StripANSI(color))
	}
}

func TestTableWidth(t *testing.T) {
	r := testReport()
	r.Articles[0].Mentions[1].Title = "A very long clause title that goes on and on about the recognition of territories"
	r.Articles[0].Mentions[0].Evidence[0].Text = "See https://example.org/" + strings.Repeat("abcdefghij", 6) + " for the text."
	for _, width := range []int{0, 80, 100, 140} {
		out := render(t, "table", Options{Width: width}, r)
		limit := width
		if limit == 0 {
			limit = defaultWidth
		}
		for _, l := range strings.Split(out, "\n") {
			if n := utf8.RuneCountInString(l); n > limit {
				t.Errorf("width %d: line of %d columns: %s", width, n, l)
			}
		}
	}
}

func TestTableSingleArticleHasNoSummary(t *testing.T) {
	r := testReport()
	r.Articles = r.Articles[:1]
	s := NewSummarizer(testCatalogPoints(), 28)
	s.Add(&r.Articles[0])
	r.Summary = s.Summary()
	out := render(t, "table", Options{}, r)
	if strings.Contains(out, "Summary") || strings.Contains(out, "ARTICLES") {
		t.Errorf("summary printed for one article:\n%s", out)
	}
}

func TestCSVEscaping(t *testing.T) {
	text := "He said \"no\", then, after a pause,\nadded: \"never\"."
	r := &Report{Articles: []Article{{
		Path:        "odd, \"name\".txt",
		PlanContext: true,
		Mentions: []Mention{{
			Point: 21, Clause: "territory", Theme: "territory", Score: 0.5,
			Evidence: []Evidence{{Sentence: 1, Start: 10, End: 20, Text: text}},
		}},
	}, {
		Path:  "bad.txt",
		Error: "line one,\nline \"two\"",
	}}}
	out := render(t, "csv", Options{}, r)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want header + 2:\n%s", len(rows), out)
	}
	if strings.Join(rows[0], ",") != "path,plan_context,point,clause,theme,stance,score,sentence,start,end,evidence,error" {
		t.Errorf("header = %v", rows[0])
	}
	if rows[1][0] != r.Articles[0].Path || rows[1][10] != text || rows[1][7] != "1" || rows[1][9] != "20" {
		t.Errorf("mention row = %q", rows[1])
	}
	if rows[2][0] != "bad.txt" || rows[2][11] != r.Articles[1].Error || rows[2][2] != "" {
		t.Errorf("error row = %q", rows[2])
	}
}

func TestMarkdownEscaping(t *testing.T) {
	r := &Report{
		Catalog: Catalog{ID: "c", Points: 28},
		Articles: []Article{{
			Path:        "a|b.txt",
			PlanContext: true,
			Mentions: []Mention{{
				Point: 7, Clause: "nato", Theme: "nato", Title: "Either | or",
				Evidence: []Evidence{{Text: "NATO | Ukraine:\nno <b>entry</b>, *ever*"}},
				Framing:  &Framing{Stance: Critical},
			}},
		}},
	}
	out := render(t, "markdown", Options{}, r)
	var row string
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "| 7 |") {
			row = l
		}
	}
	if row == "" {
		t.Fatalf("no row for point 7 in\n%s", out)
	}
	want := `| 7 | nato | Either \| or | critical | NATO \| Ukraine: no &lt;b&gt;entry&lt;/b&gt;, \*ever\* |`
	if row != want {
		t.Errorf("row =\n%s\nwant\n%s", row, want)
	}
	// Cells are separated by exactly the unescaped pipes.
	if n := strings.Count(row, "|") - strings.Count(row, `\|`); n != 6 {
		t.Errorf("%d cell separators in %s, want 6", n, row)
	}
}

func TestSnippet(t *testing.T) {
	cases := []struct{ in, want string }{
		{"short one", "short one"},
		{"line one\n  line   two", "line one line two"},
		{strings.Repeat("word ", 30), "word word word word word word word word word word word word word word word word…"},
		{strings.Repeat("x", 100), strings.Repeat("x", 79) + "…"},
		{"Critics called the swap a capitulation, saying Kyiv would hand over the rest of Donetsk.", "Critics called the swap a capitulation, saying Kyiv would hand over the rest of…"},
	}
	for _, c := range cases {
		got := snippet(c.in, snippetWidth)
		if got != c.want {
			t.Errorf("snippet(%q) = %q, want %q", c.in, got, c.want)
		}
		if n := utf8.RuneCountInString(got); n > snippetWidth {
			t.Errorf("snippet(%q) has %d runes", c.in, n)
		}
	}
}

// A value JSON cannot encode costs the article (or the summary field) but
// not the document.
func TestJSONUnencodable(t *testing.T) {
	nan := math.NaN()
	r := testReport()
	r.Articles[1].Coverage = nan
	r.Summary.MeanCoverage = nan
	for _, f := range []string{"json", "jsonl"} {
		var buf bytes.Buffer
		p, _ := NewPrinter(f, &buf, Options{})
		var errs []error
		p.Begin(r.Tool, r.Catalog)
		for i := range r.Articles {
			if err := p.Article(&r.Articles[i]); err != nil {
				errs = append(errs, err)
			}
		}
		if err := p.End(&r.Summary); err != nil {
			errs = append(errs, err)
		}
		if len(errs) == 0 {
			t.Errorf("%s: no error for NaN", f)
		}
		if strings.Contains(buf.String(), r.Articles[1].Path) {
			t.Errorf("%s: the article with NaN was written", f)
		}
		for _, doc := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
			if f == "json" {
				doc = buf.String()
			}
			if !json.Valid([]byte(doc)) {
				t.Errorf("%s: invalid output:\n%s", f, buf.String())
				break
			}
		}
	}
}

// Text from articles cannot send escape sequences to the terminal.
func TestTableNoEscapesFromArticles(t *testing.T) {
	r := testReport()
	r.Articles[0].Path = "seeds/evil\x1b[2J.txt"
	r.Articles[0].Mentions[0].Evidence[0].Text = "Ukraine \x1b]0;owned\x07 would not join NATO."
	r.Articles[2].Error = "bad \x1b[31m file"
	for _, f := range []string{"table", "markdown"} {
		if out := render(t, f, Options{}, r); strings.ContainsRune(out, 0x1b) || strings.ContainsRune(out, 0x07) {
			t.Errorf("%s: control characters in\n%q", f, out)
		}
	}
}

func TestWrapText(t *testing.T) {
	cases := []struct {
		in    string
		width int
		want  string
	}{
		{"short", 10, "short"},
		{"one two three four", 9, "one two\nthree\nfour"},
		{"see https://example.org/abcdefghij now", 10, "see\nhttps://ex\nample.org/\nabcdefghij\nnow"},
		{"ab abcdefghijkl", 5, "ab\nabcde\nfghij\nkl"},
	}
	for _, c := range cases {
		if got := wrapText(c.in, c.width); got != c.want {
			t.Errorf("wrapText(%q, %d) = %q, want %q", c.in, c.width, got, c.want)
		}
	}
}
