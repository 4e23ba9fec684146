package textin

import (
	"os"
	"strings"
	"testing"
)

func TestHTMLNewsPage(t *testing.T) {
	got, err := Load("testdata/news.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("testdata/news.golden.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got.Format != "html" {
		t.Errorf("Format = %q", got.Format)
	}
	if got.Body != string(want) {
		t.Errorf("Body:\n%s\n--- want:\n%s", got.Body, want)
	}
	for _, junk := range []string{
		"cookie", "Accept all", "Skip to content", "Politics", "Search", "Home", "Share on",
		"Advertisement", "Related stories", "Counter-proposal", "hidden", "Topics:", "Comments",
		"First!", "Most read", "Sign up", "rights reserved", "Privacy", "dataLayer", "NewsArticle",
		"font-family", "| World News",
	} {
		if strings.Contains(strings.ToLower(got.Body), strings.ToLower(junk)) {
			t.Errorf("Body contains page furniture %q", junk)
		}
	}
}

func TestHTMLExtract(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"paragraph per line, whitespace collapsed",
			"<body><p>One\n   two\tthree</p><p>Four</p><div>Five <span>six</span></div></body>",
			"One two three\nFour\nFive six"},
		{"entities decoded",
			"<p>Zelensky&#8217;s &quot;plan&quot; &amp; NATO&nbsp;&ndash; &euro;100bn</p>",
			"Zelensky’s \"plan\" & NATO – €100bn"},
		{"list items with dashes, nested lists flattened",
			"<ul><li>One<ul><li>One.a</li></ul></li><li> <p>Two</p> </li><li></li></ul><ol><li>Three</li></ol>",
			"- One\n- One.a\n- Two\n- Three"},
		{"br breaks a line",
			"<p>Line one<br>line two<br/><br>line three</p>",
			"Line one\nline two\nline three"},
		{"table rows are lines",
			"<table><tr><th>Point</th><th>Topic</th></tr><tr><td>7</td><td>NATO</td></tr></table>",
			"Point Topic\n7 NATO"},
		{"pre keeps its lines",
			"<pre>a  b\nc</pre>",
			"a b\nc"},
		{"inline elements do not break",
			"<p>The <a href=x>plan</a> <em>would</em> cap<b>s</b></p>",
			"The plan would caps"},
		{"scripts, styles, forms, svg, iframes dropped",
			"<body><script>alert(1)</script><style>p{}</style><noscript>Enable JS</noscript><template><p>T</p></template>" +
				"<svg><text>chart</text></svg><iframe>f</iframe><form><p>Email</p></form><button>Go</button><p>Kept</p></body>",
			"Kept"},
		{"site header, nav, footer, aside dropped outside article",
			"<body><header>Site</header><nav>Menu</nav><p>Story</p><aside>Box</aside><footer>Foot</footer></body>",
			"Story"},
		{"noise classes, ids and roles dropped",
			`<body><div class="cookie-notice">Cookies</div><div id="share_tools">Share</div>` +
				`<div class="c-comments">C</div><ul class="related-links"><li>R</li></ul><div role="navigation">N</div>` +
				`<div class="story-body">Story</div><div class="menu">M</div><div class="trending">T</div></body>`,
			"Story"},
		{"hidden elements dropped",
			`<p hidden>A</p><p aria-hidden="true">B</p><p style="display: none">C</p><p style="visibility:hidden">D</p><p>E</p>`,
			"E"},
		{"class words are whole words",
			`<div class="shareable-quote">Kept quote</div><div class="adventure">Kept too</div><div class="header-image">Caption</div>`,
			"Kept quote\nKept too\nCaption"},
		{"article preferred over main and body",
			"<body><p>Outside</p><main><p>Main only</p><article><p>" + strings.Repeat("Story text. ", 30) + "</p></article></main></body>",
			strings.TrimSpace(strings.Repeat("Story text. ", 30))},
		{"largest article wins",
			"<body><article><p>Teaser</p></article><article><p>" + strings.Repeat("The real story. ", 25) + "</p></article></body>",
			strings.TrimSpace(strings.Repeat("The real story. ", 25))},
		{"main when there is no article",
			"<body><div>Promo</div><main><p>Main text</p></main></body>",
			"Main text"},
		{"role=main counts as main",
			`<body><div>Promo</div><div role="main"><p>Main text</p></div></body>`,
			"Main text"},
		{"short article beside a long body is a teaser",
			"<body><article><p>Video: watch</p></article><div class=content><p>" + strings.Repeat("Body story. ", 40) + "</p></div></body>",
			"Video: watch\n" + strings.TrimSpace(strings.Repeat("Body story. ", 40))},
		{"h1 outside the article is put first",
			"<body><h1>Headline</h1><article><p>" + strings.Repeat("Body. ", 60) + "</p></article></body>",
			"Headline\n" + strings.TrimSpace(strings.Repeat("Body. ", 60))},
		{"h1 in the article header is kept in place",
			"<body><header><p>Site</p></header><article><header><h1>Headline</h1><p>Standfirst</p><nav>Tags</nav></header><p>Body</p></article></body>",
			"Headline\nStandfirst\nBody"},
		{"header inside main is the story's",
			"<body><header><p>Site</p></header><main><header><h1>Headline</h1><p>Standfirst</p></header><p>Body</p></main></body>",
			"Headline\nStandfirst\nBody"},
		{"title used when there is no h1",
			"<html><head><title>Page title</title></head><body><p>Body</p></body></html>",
			"Page title\nBody"},
		{"title not used when there is an h1",
			"<html><head><title>Page title</title></head><body><h1>Head</h1><p>Body</p></body></html>",
			"Head\nBody"},
		{"noise class on a wrapper holding the story is ignored",
			`<body class="cookie-consent"><div class="layout has-sidebar"><h1>Head</h1><p>Story</p></div></body>`,
			"Head\nStory"},
		{"comments as nested articles are dropped",
			`<article><p>` + strings.Repeat("Story. ", 50) + `</p><section class="comments"><article><p>Reader comment</p></article></section></article>`,
			strings.TrimSpace(strings.Repeat("Story. ", 50))},
		{"fragment without html or body",
			"Just <b>text</b> &amp; tags",
			"Just text & tags"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := extractHTML(tt.in); got != tt.want {
				t.Errorf("extractHTML:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestHTMLLenientFallback(t *testing.T) {
	// Every element carries a noisy class and there is no h1 or main to
	// protect the wrapper: rather than an empty page, the tag rules alone
	// apply.
	in := `<body><div class="page-wrapper with-sidebar"><p>The story text.</p></div><nav>Menu</nav></body>`
	if got := extractHTML(in); got != "The story text." {
		t.Errorf("got %q", got)
	}
}
