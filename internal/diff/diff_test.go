package diff

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/plancheck/plancheck/internal/golden"
	"sort"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/report"
)

func mustCompare(t *testing.T, base, head *report.Report) *Changes {
	t.Helper()
	c, err := Compare(base, head)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func comparePair(t *testing.T, pair func() (*report.Report, *report.Report)) *Changes {
	t.Helper()
	base, head := pair()
	return mustCompare(t, base, head)
}

func render(t *testing.T, format string, c *Changes, opts Options) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Print(format, &buf, c, opts); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return buf.String()
}

func TestGolden(t *testing.T) {
	pairs := []struct {
		name string
		pair func() (*report.Report, *report.Report)
	}{
		{"changes", changesPair},
		{"quiet", quietPair},
		{"same", samePair},
	}
	formats := []struct {
		suffix, format string
		opts           Options
	}{
		{"table", "table", Options{}},
		{"table-color", "table", Options{Color: true}},
		{"json", "json", Options{}},
		{"md", "markdown", Options{}},
		{"github", "github", Options{}},
	}
	for _, p := range pairs {
		for _, f := range formats {
			name := p.name + "." + f.suffix + ".golden"
			t.Run(name, func(t *testing.T) {
				c := comparePair(t, p.pair)
				c.Base.Name, c.Head.Name = "base.json", "head.json"
				golden.Check(t, name, render(t, f.format, c, f.opts))
			})
		}
	}
}

func TestCatalogMismatch(t *testing.T) {
	base, head := changesPair()
	head.Catalog.Hash = "sha256:99aa"
	_, err := Compare(base, head)
	var me *CatalogMismatchError
	if !errors.As(err, &me) {
		t.Fatalf("err = %v, want a CatalogMismatchError", err)
	}
	golden.Check(t, "mismatch.error.golden", err.Error()+"\n")
	for _, want := range []string{"sha256:0f3a9c1d2e4b", "sha256:99aa", "us-28-point-plan-2025"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
	head.Catalog.Hash = base.Catalog.Hash
	head.Catalog.ID = "my-plan"
	if _, err := Compare(base, head); !errors.As(err, &me) || !strings.Contains(err.Error(), "my-plan") {
		t.Errorf("different ids: err = %v", err)
	}
	if _, err := Compare(nil, head); err == nil {
		t.Error("Compare(nil, head) did not fail")
	}
}

func TestCompareChanges(t *testing.T) {
	c := comparePair(t, changesPair)
	want := Stats{Articles: 6, Added: 2, Removed: 1, New: 3, Lost: 2, Stances: 1, Unscored: 1}
	if c.Stats != want {
		t.Errorf("stats = %+v, want %+v", c.Stats, want)
	}
	var paths []string
	byPath := map[string]*ArticleChange{}
	for i := range c.Articles {
		paths = append(paths, c.Articles[i].Path)
		byPath[c.Articles[i].Path] = &c.Articles[i]
	}
	wantPaths := []string{"news/ft-leak.md", "news/kyiv, talks.txt", "news/new-analysis.md", "news/old-explainer.txt", "news/weather.txt", "news/wire.html"}
	if strings.Join(paths, "|") != strings.Join(wantPaths, "|") {
		t.Errorf("articles = %q, want %q", paths, wantPaths)
	}
	ft := byPath["news/ft-leak.md"]
	if ft.Status != Changed || len(ft.New) != 1 || ft.New[0].Point != 25 || len(ft.Lost) != 0 ||
		len(ft.Stances) != 1 || ft.Stances[0].From != report.Neutral || ft.Stances[0].To != report.Critical {
		t.Errorf("ft-leak = %+v", ft)
	}
	if ft.Stances[0].Evidence[0].Line != 11 {
		t.Errorf("stance change evidence is not head's: %+v", ft.Stances[0].Evidence)
	}
	if a := byPath["news/new-analysis.md"]; a.Status != Added || len(a.New) != 2 {
		t.Errorf("new-analysis = %+v", a)
	}
	if a := byPath["news/old-explainer.txt"]; a.Status != Removed || len(a.Lost) != 1 || a.Lost[0].Point != 12 {
		t.Errorf("old-explainer = %+v", a)
	}
	if a := byPath["news/wire.html"]; a.HeadError == "" || len(a.Lost) != 0 {
		t.Errorf("wire = %+v: an article that cannot be scored loses no point", a)
	}
	if !c.Has(KindNew) || !c.Has(KindLost) || !c.Has(KindChanged) {
		t.Error("Has is false for a kind present")
	}
	counts := map[int][2]int{}
	for _, p := range c.Points {
		counts[p.Point] = [2]int{p.Before, p.After}
	}
	if len(c.Points) != 28 {
		t.Errorf("%d points, want the catalog's 28", len(c.Points))
	}
	for n, want := range map[int][2]int{3: {1, 0}, 7: {2, 2}, 12: {1, 0}, 14: {0, 1}, 21: {1, 2}, 25: {1, 1}} {
		if counts[n] != want {
			t.Errorf("point %d: before/after = %v, want %v", n, counts[n], want)
		}
	}
	if c.Base.Mentioned != 5 || c.Head.Mentioned != 4 || c.Base.Articles != 6 || c.Head.Articles != 7 || c.Head.Scored != 6 {
		t.Errorf("sides = %+v / %+v", c.Base, c.Head)
	}
}

func TestCompareNoChange(t *testing.T) {
	for name, pair := range map[string]func() (*report.Report, *report.Report){"same": samePair, "quiet": quietPair} {
		c := comparePair(t, pair)
		if c.CoverageChanged() || c.Has(KindNew) || c.Has(KindLost) || c.Has(KindChanged) {
			t.Errorf("%s: changes found: %+v", name, c.Stats)
		}
		if got := Headline(c); got != "No change in plan coverage." {
			t.Errorf("%s: headline %q", name, got)
		}
		if !strings.Contains(render(t, "markdown", c, Options{}), "No change in plan coverage.") {
			t.Errorf("%s: markdown does not say there is no change", name)
		}
	}
}

// The order of the reports' articles does not matter; the changes come in
// path order, component by component.
func TestCompareOrder(t *testing.T) {
	base, head := changesPair()
	want := render(t, "json", mustCompare(t, base, head), Options{})
	for _, r := range []*report.Report{base, head} {
		for i, j := 0, len(r.Articles)-1; i < j; i, j = i+1, j-1 {
			r.Articles[i], r.Articles[j] = r.Articles[j], r.Articles[i]
		}
	}
	if got := render(t, "json", mustCompare(t, base, head), Options{}); got != want {
		t.Error("reversing the reports' articles changed the diff")
	}
	paths := []string{"a-c.txt", "a/b.txt", "a", "a/b/c.txt", "b", "a.txt", "a/b"}
	sort.Slice(paths, func(i, j int) bool { return pathLess(paths[i], paths[j]) })
	ref := append([]string(nil), paths...)
	sort.Slice(ref, func(i, j int) bool {
		return strings.ReplaceAll(ref[i], "/", "\x00") < strings.ReplaceAll(ref[j], "/", "\x00")
	})
	if strings.Join(paths, " ") != strings.Join(ref, " ") {
		t.Errorf("pathLess order %q, want %q", paths, ref)
	}
}

// Mentions without framing, or framed on one side only, have no stance
// change; a repeated clause counts once.
func TestStanceNeedsBothSides(t *testing.T) {
	base := testReport("1", article("a.txt", mention(7, "", 1, "x"), mention(21, report.Neutral, 2, "y")))
	head := testReport("1", article("a.txt", mention(7, report.Critical, 1, "x"), mention(21, "", 2, "y"), mention(21, report.Critical, 3, "z")))
	c := mustCompare(t, base, head)
	if c.Stats != (Stats{}) {
		t.Errorf("stats = %+v, want none", c.Stats)
	}
}

func TestJSONOutput(t *testing.T) {
	c := comparePair(t, changesPair)
	out := render(t, "json", c, Options{})
	var back Changes
	if err := json.Unmarshal([]byte(out), &back); err != nil {
		t.Fatal(err)
	}
	if back.Stats != c.Stats || len(back.Articles) != len(c.Articles) {
		t.Errorf("json does not round-trip: %+v", back.Stats)
	}
	if strings.Contains(out, "null") {
		t.Errorf("null in json output")
	}
	if !strings.Contains(out, "<theft>") {
		t.Error("json escapes HTML characters")
	}
}

func TestGitHubEscaping(t *testing.T) {
	c := comparePair(t, changesPair)
	out := render(t, "github", c, Options{})
	for _, want := range []string{
		"::notice file=news/ft-leak.md,line=15,title=plancheck%3A point 25 (elections) newly mentioned::Elections would follow within 100 days.",
		"::warning file=news/kyiv%2C talks.txt,title=plancheck%3A point 3 (non-aggression) no longer mentioned::",
		"100%25 of Donetsk",
		"::error file=news/wire.html,title=plancheck%3A could not be scored::",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if !strings.HasPrefix(line, "::") {
			t.Errorf("line %d is not a workflow command: %q", i+1, line)
		}
	}
	if got := escapeData("a%b\r\nc"); got != "a%25b%0D%0Ac" {
		t.Errorf("escapeData = %q", got)
	}
	if got := escapeProperty("a:b,c%\n"); got != "a%3Ab%2Cc%25%0A" {
		t.Errorf("escapeProperty = %q", got)
	}
}

func TestTableWidthAndColor(t *testing.T) {
	c := comparePair(t, changesPair)
	plain := render(t, "table", c, Options{})
	if strings.Contains(plain, "\x1b") {
		t.Error("escape codes without Color")
	}
	color := render(t, "table", c, Options{Color: true})
	if golden.StripANSI(color) != plain {
		t.Errorf("colour changes more than escape codes:\n%s", golden.StripANSI(color))
	}
	for _, width := range []int{60, 80, 100, 140} {
		out := render(t, "table", c, Options{Width: width})
		for _, l := range strings.Split(out, "\n") {
			// The headline and article paths are not cut.
			if n := len([]rune(l)); n > width && strings.HasPrefix(l, "  ") {
				t.Errorf("width %d: line of %d: %s", width, n, l)
			}
		}
	}
}

func TestUnknownFormat(t *testing.T) {
	if err := Print("sarif", &bytes.Buffer{}, &Changes{}, Options{}); err == nil {
		t.Error("Print(sarif) did not fail")
	}
	for _, f := range Formats {
		if _, ok := printers[f]; !ok {
			t.Errorf("format %s has no printer", f)
		}
	}
	if len(printers) != len(Formats) {
		t.Errorf("%d printers, %d formats", len(printers), len(Formats))
	}
}

// A large change keeps the Markdown comment within GitHub's limit and
// says how much it left out.
func TestMarkdownLimits(t *testing.T) {
	var baseArts, headArts []report.Article
	for i := 0; i < 300; i++ {
		path := fmt.Sprintf("news/%03d.md", i)
		baseArts = append(baseArts, article(path))
		headArts = append(headArts, article(path,
			mention(21, "", 3, strings.Repeat("Territory would be ceded under the plan, officials said. ", 8))))
	}
	c := mustCompare(t, testReport("1", baseArts...), testReport("1", headArts...))
	out := render(t, "markdown", c, Options{})
	if len(out) > 65536 {
		t.Errorf("markdown comment of %d bytes", len(out))
	}
	for _, want := range []string{"… and 200 more changes", "- … and 270 more", "**300 articles changed: +300 points**"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in the comment", want)
		}
	}
	if strings.Contains(out, "| Stance |") {
		t.Error("a stance column without stances")
	}
}
