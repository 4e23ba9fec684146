package textin

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// HTML extraction is deliberately a small set of rules over the parsed tree
// (golang.org/x/net/html, the parser the Go team maintains and the module
// already has) rather than a port of a readability scorer: news pages mark
// their story with <article> or <main> often enough, the rules are easy to
// reason about and test, and what they get wrong is visible in the output.

// dropTags are elements whose content is never article text.
var dropTags = map[atom.Atom]bool{
	atom.Head: true, atom.Script: true, atom.Style: true, atom.Noscript: true,
	atom.Template: true, atom.Svg: true, atom.Iframe: true,
	atom.Nav: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
	atom.Button: true, atom.Select: true, atom.Textarea: true, atom.Input: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Video: true,
	atom.Audio: true, atom.Dialog: true, atom.Menu: true, atom.Label: true,
	atom.Datalist: true, atom.Frameset: true, atom.Map: true,
}

// blockTags start and end a line.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Hr: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Blockquote: true, atom.Pre: true,
	atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Tr: true, atom.Caption: true, atom.Figure: true, atom.Figcaption: true,
	atom.Address: true, atom.Details: true, atom.Summary: true, atom.Center: true,
	atom.Fieldset: true, atom.Legend: true, atom.Hgroup: true, atom.Body: true,
	atom.Html: true, atom.Option: true, atom.Picture: true,
}

// noiseRoles are ARIA roles of page furniture.
var noiseRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"menu": true, "menubar": true, "search": true, "dialog": true, "alertdialog": true,
	"toolbar": true, "tablist": true, "alert": true,
}

// noiseWords are words of class and id values ("site-nav", "cookie_banner",
// "shareBar" is not split) that mark page furniture rather than story.
var noiseWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "menubar": true,
	"breadcrumb": true, "breadcrumbs": true, "skip": true, "skiplink": true,
	"cookie": true, "cookies": true, "consent": true, "gdpr": true, "cmp": true,
	"share": true, "sharing": true, "sharebar": true, "social": true,
	"comment": true, "comments": true, "disqus": true,
	"related": true, "recommended": true, "recirc": true, "more-stories": true,
	"newsletter": true, "subscribe": true, "subscription": true, "paywall": true,
	"promo": true, "ad": true, "ads": true, "advert": true, "advertisement": true,
	"sponsor": true, "sponsored": true, "outbrain": true, "taboola": true,
	"sidebar": true, "popup": true, "modal": true, "overlay": true,
	"masthead": true, "toolbar": true, "signup": true, "footer": true,
	"trending": true, "byline-share": true, "tags": true,
}

// extractHTML returns the visible article text of an HTML page: one line per
// paragraph, heading or table row, "- " before list items.
func extractHTML(src string) string {
	doc, err := html.Parse(strings.NewReader(src))
	if err != nil { // html.Parse only fails on reader errors
		return ""
	}
	x := &extractor{}
	root := x.pickRoot(doc)
	e := newEmitter()
	x.emit(e, root, insideArticle(root))
	body := e.finish()
	if body == "" {
		// The class and role rules dropped everything: a page whose
		// wrapper says "sidebar" or "cookie" about itself. Take the text
		// with only the tag rules.
		x.lenient = true
		e = newEmitter()
		x.emit(e, root, insideArticle(root))
		body = e.finish()
	}

	// The headline is often outside the article element (or in a <header>
	// that a noise rule dropped); put it first when the body lacks it.
	if !e.sawH1 {
		head := ""
		if h1 := x.findH1(doc); h1 != nil {
			he := newEmitter()
			x.emit(he, h1, true)
			head = he.finish()
		}
		if head == "" && !x.hasH1 {
			if t := findFirst(doc, atom.Title); t != nil {
				head = collapse(textOf(t))
			}
		}
		if head != "" && !strings.HasPrefix(body, head) {
			if body == "" {
				return head
			}
			return head + "\n" + body
		}
	}
	return body
}

type extractor struct {
	hasH1   bool // the page has a visible <h1>
	lenient bool // skip the class, id and role rules
}

// pickRoot chooses the element to take text from: the <article> (or
// itemprop=articleBody) with the most text, else the largest <main> (or
// role=main), else <body>. An article with little text next to a much
// longer body is a teaser, not the story, and is passed over. Candidates
// are looked for with the tag rules only: a story inside a wrapper with a
// noisy class ("layout has-sidebar") is still found, and comments or
// related-story teasers marked up as articles lose on size.
func (x *extractor) pickRoot(doc *html.Node) *html.Node {
	var articles, mains []*html.Node
	var body *html.Node
	var walk func(n *html.Node, inArticle bool)
	walk = func(n *html.Node, inArticle bool) {
		if n.Type == html.ElementNode {
			if n.DataAtom == atom.Body && body == nil {
				body = n
			}
			if n.DataAtom != atom.Body && n.DataAtom != atom.Html && x.droppedByTag(n, inArticle) {
				return
			}
			switch {
			case n.DataAtom == atom.Article || attr(n, "itemprop") == "articleBody" || attr(n, "role") == "article":
				articles = append(articles, n)
				inArticle = true
			case n.DataAtom == atom.Main || attr(n, "role") == "main":
				mains = append(mains, n)
				inArticle = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inArticle)
		}
	}
	walk(doc, false)
	if body == nil {
		body = doc
	}
	bodyLen := -1
	for _, cands := range [][]*html.Node{articles, mains} {
		best, bestLen := (*html.Node)(nil), 0
		for _, n := range cands {
			if l := x.textLen(n); l > bestLen {
				best, bestLen = n, l
			}
		}
		if best == nil {
			continue
		}
		if bestLen < 300 {
			if bodyLen < 0 {
				bodyLen = x.textLen(body)
			}
			if bodyLen > 3*bestLen {
				continue
			}
		}
		return best
	}
	return body
}

func (x *extractor) textLen(n *html.Node) int {
	e := newEmitter()
	x.emit(e, n, insideArticle(n))
	return len(e.finish())
}

// findH1 returns the first visible <h1>, allowing ones in <header>.
func (x *extractor) findH1(doc *html.Node) *html.Node {
	var found *html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if found != nil {
			return
		}
		if n.Type == html.ElementNode {
			if n.DataAtom != atom.Body && n.DataAtom != atom.Html && x.dropped(n, true) {
				return
			}
			if n.DataAtom == atom.H1 && !isBlank(textOf(n)) {
				found = n
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if found != nil {
		x.hasH1 = true
	}
	return found
}

// insideArticle reports whether n is in (or is) an <article> or <main>,
// where a <header> is the story's own header (headline, standfirst), not
// the site's.
func insideArticle(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Article || n.DataAtom == atom.Main) {
			return true
		}
	}
	return false
}

// droppedByTag reports whether element n holds no article text by its tag
// or because it is hidden.
func (x *extractor) droppedByTag(n *html.Node, inArticle bool) bool {
	if n.DataAtom == atom.Header {
		return !inArticle
	}
	if dropTags[n.DataAtom] {
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(a.Val, "true") {
				return true
			}
		case "style":
			s := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

// dropped reports whether element n holds no article text: by tag, hidden,
// or by a class, id or role that marks page furniture.
func (x *extractor) dropped(n *html.Node, inArticle bool) bool {
	if x.droppedByTag(n, inArticle) {
		return true
	}
	if x.lenient || n.DataAtom == atom.Article || n.DataAtom == atom.Main {
		return false
	}
	var class, id, role string
	for _, a := range n.Attr {
		switch a.Key {
		case "class":
			class = a.Val
		case "id":
			id = a.Val
		case "role":
			role = a.Val
		}
	}
	if role != "" && noiseRoles[strings.ToLower(strings.TrimSpace(role))] {
		return !holdsStory(n)
	}
	if (class != "" || id != "") && (noisyName(class) || noisyName(id)) {
		return !holdsStory(n)
	}
	return false
}

// holdsStory reports whether n contains the headline or the main landmark,
// so that a noisy class on a wrapper ("page has-sidebar") does not drop the
// story. (Articles do not count: comments are often marked up as articles.)
func holdsStory(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.DataAtom {
		case atom.Main, atom.H1:
			return true
		}
		if holdsStory(c) {
			return true
		}
	}
	return false
}

// noisyName reports whether a class or id value has a noise word, splitting
// on white space, "-" and "_".
func noisyName(v string) bool {
	for _, tok := range strings.Fields(strings.ToLower(v)) {
		if noiseWords[tok] {
			return true
		}
		for w := range strings.FieldsFuncSeq(tok, func(r rune) bool { return r == '-' || r == '_' }) {
			if noiseWords[w] {
				return true
			}
		}
	}
	return false
}

// emit writes the visible text of n (when not dropped) to e.
func (x *extractor) emit(e *emitter, n *html.Node, inArticle bool) {
	switch n.Type {
	case html.TextNode:
		e.text(n.Data)
		return
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			x.emit(e, c, inArticle)
		}
		return
	case html.ElementNode:
	default: // comments, doctype
		return
	}
	a := n.DataAtom
	if a != atom.Body && a != atom.Html && x.dropped(n, inArticle) {
		return
	}
	if a == atom.Article || a == atom.Main {
		inArticle = true
	}
	switch a {
	case atom.Br:
		e.lineBreak()
		return
	case atom.Img, atom.Wbr:
		return
	case atom.Td, atom.Th:
		e.space()
	case atom.Li:
		e.lineBreak()
		e.bullet()
		defer e.endItem()
	case atom.Pre:
		e.pre++
		defer func() { e.pre-- }()
	}
	block := blockTags[a]
	if block && a != atom.Li {
		e.lineBreak()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		x.emit(e, c, inArticle)
	}
	if a == atom.H1 && e.hasText {
		e.sawH1 = true
	}
	if block {
		e.lineBreak()
	} else if a == atom.Td || a == atom.Th {
		e.space()
	}
}

// emitter builds text line by line, collapsing white space.
type emitter struct {
	out     strings.Builder
	line    []byte
	hasText bool // line has text beyond a bullet
	spaced  bool // a space is due before the next text
	pre     int  // inside <pre>: keep line breaks
	sawH1   bool
}

func newEmitter() *emitter { return &emitter{} }

func (e *emitter) text(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		if c == '\n' && e.pre > 0 {
			e.lineBreak()
			i++
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			e.spaced = true
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == '\u00a0' || r == '\u200b' || r == '\ufeff' {
				if r == '\u00a0' {
					e.spaced = true
				}
				i += n
				continue
			}
			e.put(s[i : i+n])
			i += n
			continue
		}
		j := i + 1
		for j < len(s) && s[j] > ' ' && s[j] < utf8.RuneSelf {
			j++
		}
		e.put(s[i:j])
		i = j
	}
}

func (e *emitter) put(s string) {
	if e.spaced && e.hasText {
		e.line = append(e.line, ' ')
	}
	e.spaced = false
	e.line = append(e.line, s...)
	e.hasText = true
}

func (e *emitter) space() { e.spaced = true }

// bullet starts a list item line. The "- " waits for the item's first text,
// across block elements inside the item (<li><p>text</p></li>).
func (e *emitter) bullet() {
	e.line = append(e.line[:0], "- "...)
	e.hasText = false
	e.spaced = false
}

// endItem ends a list item: a bullet still waiting for text is dropped.
func (e *emitter) endItem() {
	e.lineBreak()
	e.line = e.line[:0]
}

func (e *emitter) lineBreak() {
	if e.hasText {
		if e.out.Len() > 0 {
			e.out.WriteByte('\n')
		}
		e.out.Write(e.line)
		e.line = e.line[:0]
	}
	e.hasText = false
	e.spaced = false
}

func (e *emitter) finish() string {
	e.lineBreak()
	return e.out.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func findFirst(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, a); f != nil {
			return f
		}
	}
	return nil
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func collapse(s string) string {
	e := newEmitter()
	e.text(s)
	return e.finish()
}
