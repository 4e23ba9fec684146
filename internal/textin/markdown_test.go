package textin

import (
	"os"
	"testing"
)

func TestMarkdownSample(t *testing.T) {
	got, err := Load("testdata/sample.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/sample.golden.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got.Format != "markdown" {
		t.Errorf("Format = %q", got.Format)
	}
	if got.Body != string(want) {
		t.Errorf("Body:\n%s\n--- want:\n%s", got.Body, want)
	}
}

func TestStripMarkdown(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"atx headings", "# One\n## Two ##\n###### Six\n#hashtag stays", "One\nTwo\nSix\n#hashtag stays"},
		{"setext headings", "Title\n=====\n\nSub\n---\ntext", "Title\nSub\ntext"},
		{"soft wraps joined, blank lines split", "one\ntwo\n\nthree", "one two\nthree"},
		{"emphasis", "*a* **b** ***c*** _d_ __e__ ~~f~~", "a b c d e f"},
		{"intraword underscores kept", "snake_case_name and __init__", "snake_case_name and init"},
		{"lone stars kept", "5 * 3 and a * b", "5 * 3 and a * b"},
		{"unmatched emphasis kept", "*open only", "*open only"},
		{"escapes", `\*not em\* \_x\_ \# \[y\]`, "*not em* _x_ # [y]"},
		{"inline code", "use `go test ./...` and ``a ` b``", "use go test ./... and a ` b"},
		{"code span protects stars", "`*x*` *y*", "*x* y"},
		{"links", "[text](http://a.b/c_(d)) and [ref][r] and [t](<u> \"title\")", "text and ref and t"},
		{"link text keeps inner markup removed", "[**bold** link](x)", "bold link"},
		{"bracket text without link kept", "[sic] and [1]", "[sic] and [1]"},
		{"images dropped", "before ![alt text](i.png) after", "before after"},
		{"autolinks keep the address", "see <https://x.org/a> or <me@x.org>", "see https://x.org/a or me@x.org"},
		{"inline html removed", "a <span class=\"x\">b</span><br/>c", "a b c"},
		{"less-than stays", "a < b and c<d", "a < b and c<d"},
		{"entities", "AT&amp;T &quot;x&quot; &copy; &bogus; & more", "AT&T \"x\" © &bogus; & more"},
		{"bullets", "* one\n+ two\n- three\n-not a bullet", "- one\n- two\n- three -not a bullet"},
		{"item continuation", "- one\n  continued\n- two", "- one continued\n- two"},
		{"task items", "- [ ] todo\n- [x] done", "- todo\n- done"},
		{"numbered items keep numbers", "1. one\n2) two\n10. ten", "1. one\n2. two\n10. ten"},
		{"blockquote", "> quoted\n> line\n>\n> > nested", "quoted line\nnested"},
		{"fences dropped", "a\n```go\ncode *x*\n```\nb\n~~~~\n```\nstill code\n~~~~\nc", "a\nb\nc"},
		{"unclosed fence drops rest", "a\n```\ncode", "a"},
		{"html comments", "a <!-- x --> b\n<!--\nmulti\n-->\nc\nd <!-- y\nz --> e", "a b\nc d e"},
		{"front matter", "---\ntitle: x\n---\nbody", "body"},
		{"toml front matter", "+++\ntitle = 1\n+++\nbody", "body"},
		{"rules", "a\n\n***\n\n- - -\n\nb", "a\nb"},
		{"reference definitions dropped", "text\n\n[r]: http://x \"T\"\n[^1]: note", "text"},
		{"footnote refs dropped", "claim[^1] more", "claim more"},
		{"tables", "| a | b |\n|---|:-:|\n| 1 | 2 |", "a | b\n1 | 2"},
		{"trailing spaces and tabs", "a  \nb\t\n", "a b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := stripMarkdown(tt.in); got != tt.want {
				t.Errorf("stripMarkdown(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
