package textin

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Markdown is stripped lightly, line by line, to the text a reader sees:
// no CommonMark parser is pulled in for what is mostly paragraphs, headings
// and lists. Each paragraph (joined across its soft line breaks), heading,
// list item and table row becomes one line; bullets become "- ", numbered
// items keep their number ("3. "), since a news piece's numbering can carry
// meaning (point 3 of a plan). Code blocks, front matter, HTML comments,
// images, reference definitions and rules are dropped; emphasis, inline
// code and link markup are removed, keeping the text.

func stripMarkdown(s string) string {
	s = stripHTMLComments(s)
	s = skipFrontMatter(s)

	var out strings.Builder
	out.Grow(len(s))
	var para []byte
	prefix := ""
	flush := func() {
		if len(para) > 0 {
			if line := inlineMarkdown(string(para)); line != "" {
				if out.Len() > 0 {
					out.WriteByte('\n')
				}
				out.WriteString(prefix)
				out.WriteString(line)
			}
		}
		para = para[:0]
		prefix = ""
	}
	start := func(p, text string) {
		flush()
		prefix = p
		para = append(para, text...)
	}

	var fenceChar byte
	fenceLen := 0
	for len(s) > 0 {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		t := strings.TrimLeft(line, " \t")
		if fenceLen > 0 {
			if n := runLen(t, fenceChar); n >= fenceLen && strings.TrimSpace(t[n:]) == "" {
				fenceLen = 0
			}
			continue
		}
		for strings.HasPrefix(t, ">") {
			t = strings.TrimLeft(t[1:], " \t")
		}
		t = strings.TrimRight(t, " \t")
		if t == "" {
			flush()
			continue
		}
		c := t[0]
		if (c == '`' || c == '~') && runLen(t, c) >= 3 && (c == '~' || !strings.Contains(t[runLen(t, c):], "`")) {
			flush()
			fenceChar, fenceLen = c, runLen(t, c)
			continue
		}
		if (c == '=' || c == '-') && len(para) > 0 && prefix == "" && runLen(t, c) == len(t) && (c == '=' || len(t) >= 2) {
			flush() // setext heading underline: the paragraph was the heading
			continue
		}
		if isRule(t) {
			flush()
			continue
		}
		if c == '#' {
			if n := runLen(t, '#'); n <= 6 && (n == len(t) || t[n] == ' ' || t[n] == '\t') {
				h := strings.TrimSpace(t[n:])
				if k := strings.TrimRight(h, "#"); k != h && (k == "" || k[len(k)-1] == ' ' || k[len(k)-1] == '\t') {
					h = strings.TrimSpace(k) // closing #s
				}
				start("", h)
				flush()
				continue
			}
		}
		if c == '[' && isRefDefinition(t) {
			continue
		}
		if c == '|' {
			flush()
			if !isTableSeparator(t) {
				row := strings.TrimSuffix(strings.TrimPrefix(t, "|"), "|")
				start("", row)
				flush()
			}
			continue
		}
		if (c == '-' || c == '*' || c == '+') && (len(t) == 1 || t[1] == ' ' || t[1] == '\t') {
			item := strings.TrimLeft(t[1:], " \t")
			for _, box := range []string{"[ ] ", "[x] ", "[X] "} {
				item = strings.TrimPrefix(item, box)
			}
			start("- ", item)
			continue
		}
		if n := digitsLen(t); n > 0 && n <= 9 && n+1 < len(t) && (t[n] == '.' || t[n] == ')') && (t[n+1] == ' ' || t[n+1] == '\t') {
			start(t[:n]+". ", strings.TrimLeft(t[n+1:], " \t"))
			continue
		}
		if len(para) > 0 {
			para = append(para, ' ')
		}
		para = append(para, t...)
	}
	flush()
	return out.String()
}

func runLen(s string, c byte) int {
	n := 0
	for n < len(s) && s[n] == c {
		n++
	}
	return n
}

func digitsLen(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

// isRule reports a thematic break: three or more of one of - * _, with
// optional spaces.
func isRule(t string) bool {
	c := t[0]
	if c != '-' && c != '*' && c != '_' {
		return false
	}
	n := 0
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case c:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// isRefDefinition reports a link reference definition "[label]: url".
func isRefDefinition(t string) bool {
	end := strings.Index(t, "]:")
	return end > 1 && !strings.ContainsAny(t[1:end], "[]")
}

func isTableSeparator(t string) bool {
	dash := false
	for i := 0; i < len(t); i++ {
		switch t[i] {
		case '-':
			dash = true
		case '|', ':', ' ', '\t':
		default:
			return false
		}
	}
	return dash
}

func stripHTMLComments(s string) string {
	i := strings.Index(s, "<!--")
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i >= 0 {
		b.WriteString(s[:i])
		end := strings.Index(s[i+4:], "-->")
		if end < 0 {
			return b.String()
		}
		s = s[i+4+end+3:]
		i = strings.Index(s, "<!--")
	}
	b.WriteString(s)
	return b.String()
}

// skipFrontMatter drops a YAML ("---") or TOML ("+++") block that opens the
// file.
func skipFrontMatter(s string) string {
	for _, d := range []string{"---", "+++"} {
		if !strings.HasPrefix(s, d+"\n") {
			continue
		}
		rest := s[len(d)+1:]
		for off := 0; off < len(rest); {
			nl := strings.IndexByte(rest[off:], '\n')
			line := rest[off:]
			if nl >= 0 {
				line = rest[off : off+nl]
			}
			if l := strings.TrimRight(line, " \t"); l == d || (d == "---" && l == "...") {
				if nl < 0 {
					return ""
				}
				return rest[off+nl+1:]
			}
			if nl < 0 {
				break
			}
			off += nl + 1
		}
	}
	return s
}

// inlineMarkdown removes inline markup from one paragraph and collapses its
// white space.
func inlineMarkdown(s string) string {
	var m mdInline
	m.parse(s)
	m.emphasis()
	return collapseSpaces(m.out, m.removed)
}

// mdInline holds a paragraph's text after the first pass; lit marks bytes
// that came from escapes, code spans and entities, which are never
// emphasis markers.
type mdInline struct {
	out     []byte
	lit     []bool
	removed []bool
}

func (m *mdInline) add(s string, lit bool) {
	m.out = append(m.out, s...)
	for range len(s) {
		m.lit = append(m.lit, lit)
	}
}

func (m *mdInline) parse(s string) {
	for i := 0; i < len(s); {
		c := s[i]
		switch c {
		case '\\':
			if i+1 < len(s) && isASCIIPunct(s[i+1]) {
				m.add(s[i+1:i+2], true)
				i += 2
				continue
			}
		case '`':
			n := runLen(s[i:], '`')
			if j := closingTicks(s, i+n, n); j >= 0 {
				code := s[i+n : j]
				if len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
					code = code[1 : len(code)-1]
				}
				m.add(code, true)
				i = j + n
			} else {
				m.add(s[i:i+n], true)
				i += n
			}
			continue
		case '!':
			if i+1 < len(s) && s[i+1] == '[' {
				if _, end, ok := linkAt(s, i+1); ok {
					i = end // images are dropped, alt text and all
					continue
				}
			}
		case '[':
			if i+1 < len(s) && s[i+1] == '^' { // footnote reference
				if j := strings.IndexByte(s[i:], ']'); j > 0 {
					i += j + 1
					continue
				}
			}
			if text, end, ok := linkAt(s, i); ok {
				m.parse(text)
				i = end
				continue
			}
		case '<':
			if end, auto := tagEnd(s, i); end > 0 {
				if auto { // <https://...> shows its address
					m.add(s[i+1:end-1], true)
				} else {
					m.add(" ", false)
				}
				i = end
				continue
			}
		case '&':
			if j := strings.IndexByte(s[i:min(len(s), i+40)], ';'); j > 1 {
				ent := s[i : i+j+1]
				if u := html.UnescapeString(ent); u != ent {
					m.add(u, true)
					i += j + 1
					continue
				}
			}
		}
		m.add(s[i:i+1], false)
		i++
	}
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// closingTicks finds a run of exactly n backticks at or after i.
func closingTicks(s string, i, n int) int {
	for i < len(s) {
		j := strings.IndexByte(s[i:], '`')
		if j < 0 {
			return -1
		}
		j += i
		k := runLen(s[j:], '`')
		if k == n {
			return j
		}
		i = j + k
	}
	return -1
}

// linkAt parses "[text](destination)" or "[text][label]" at s[i] == '['
// and returns the text and the end of the whole link.
func linkAt(s string, i int) (text string, end int, ok bool) {
	depth := 0
	j := i
	for ; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
			continue
		case '[':
			depth++
		case ']':
			depth--
		}
		if depth == 0 {
			break
		}
	}
	if j >= len(s) || j+1 >= len(s) {
		return "", 0, false
	}
	text = s[i+1 : j]
	switch s[j+1] {
	case '(':
		depth = 0
		for k := j + 1; k < len(s); k++ {
			switch s[k] {
			case '\\':
				k++
			case '(':
				depth++
			case ')':
				depth--
				if depth == 0 {
					return text, k + 1, true
				}
			}
		}
	case '[':
		if k := strings.IndexByte(s[j+2:], ']'); k >= 0 {
			return text, j + 2 + k + 1, true
		}
	}
	return "", 0, false
}

// tagEnd returns the end of an inline HTML tag or autolink at s[i] == '<',
// or 0, and whether it is an autolink.
func tagEnd(s string, i int) (end int, auto bool) {
	j := i + 1
	if j < len(s) && s[j] == '/' {
		j++
	}
	if j >= len(s) || !isLetter(s[j]) {
		return 0, false
	}
	k := j
	for k < len(s) && (isLetter(s[k]) || s[k] >= '0' && s[k] <= '9' || s[k] == '-') {
		k++
	}
	if k >= len(s) {
		return 0, false
	}
	auto = s[k] == ':' // <https://...>, <mailto:...>
	if !auto && s[k] != '>' && s[k] != ' ' && s[k] != '/' && s[k] != '\t' {
		if s[k] != '@' && s[k] != '.' { // <user@example.com>
			return 0, false
		}
		auto = true
	}
	limit := min(len(s), i+512)
	e := strings.IndexByte(s[k:limit], '>')
	if e < 0 {
		return 0, false
	}
	if auto && strings.ContainsAny(s[k:k+e], " \t<") {
		return 0, false
	}
	return k + e + 1, auto
}

func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// emphasis marks paired *, _ and ~~ runs as removed.
func (m *mdInline) emphasis() {
	m.removed = make([]bool, len(m.out))
	type run struct{ pos, n int }
	var stack []run
	b := m.out
	for i := 0; i < len(b); {
		c := b[i]
		if m.lit[i] || (c != '*' && c != '_' && c != '~') {
			i++
			continue
		}
		n := 1
		for i+n < len(b) && b[i+n] == c && !m.lit[i+n] {
			n++
		}
		if c == '~' && n != 2 {
			i += n
			continue
		}
		prev, next := ' ', ' '
		if i > 0 {
			prev, _ = utf8.DecodeLastRune(b[:i])
		}
		if i+n < len(b) {
			next, _ = utf8.DecodeRune(b[i+n:])
		}
		canOpen := !unicode.IsSpace(next)
		canClose := !unicode.IsSpace(prev)
		if c == '_' {
			canOpen = canOpen && !isAlnum(prev)
			canClose = canClose && !isAlnum(next)
		}
		closed := false
		if canClose {
			for k := len(stack) - 1; k >= 0; k-- {
				o := stack[k]
				if b[o.pos] != c {
					continue
				}
				w := min(o.n, n)
				for x := o.pos + o.n - w; x < o.pos+o.n; x++ {
					m.removed[x] = true
				}
				for x := i; x < i+w; x++ {
					m.removed[x] = true
				}
				stack = stack[:k]
				closed = true
				break
			}
		}
		if !closed && canOpen {
			stack = append(stack, run{i, n})
		}
		i += n
	}
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// collapseSpaces returns b without removed bytes, with runs of white space
// made one space, trimmed.
func collapseSpaces(b []byte, removed []bool) string {
	out := make([]byte, 0, len(b))
	space := false
	for i, c := range b {
		if removed != nil && removed[i] {
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' {
			space = true
			continue
		}
		if space && len(out) > 0 {
			out = append(out, ' ')
		}
		space = false
		out = append(out, c)
	}
	return bytesToString(out)
}
