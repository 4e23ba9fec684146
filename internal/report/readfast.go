package report

import (
	"strconv"
	"unicode/utf8"
)

// The fast article decoder behind ParseJSON: a hand-written reader for
// exactly the JSON the json printer writes for an Article, without
// reflection and in one pass (encoding/json scans every value twice).
// It decodes an element only when it can do so exactly as encoding/json
// would; on anything else (a key it does not know, in any case, a
// repeated key, a \u escape, invalid UTF-8, a number that does not fit)
// it says no and the element goes through encoding/json. A field added to
// the model is therefore never lost, only slower to read until it is
// added here; TestFastDecoderMatchesEncodingJSON compares the two.

type fastDec struct {
	d []byte
	i int
	// Lists are decoded into these scratch slices and then copied into
	// one allocation of the right size: no growth, no garbage.
	mentions []Mention
	evidence []Evidence
	cues     []Cue
	strs     []string
}

// exact returns a copy of list in a new slice of exactly its length
// (empty, not nil, for an empty list).
func exact[T any](list []T) []T {
	out := make([]T, len(list))
	copy(out, list)
	return out
}

// decodeArticleFast decodes the JSON article in data into a; false means
// "use encoding/json" (a may then hold a partial result).
func decodeArticleFast(data []byte, a *Article) bool {
	p := &fastDec{d: data}
	if !p.article(a) {
		return false
	}
	p.ws()
	return p.i == len(p.d)
}

func (p *fastDec) ws() {
	// Indentation: a newline and a run of spaces.
	if p.i < len(p.d) && p.d[p.i] == '\n' {
		p.i++
		for p.i < len(p.d) && p.d[p.i] == ' ' {
			p.i++
		}
	}
	for p.i < len(p.d) {
		switch p.d[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// null consumes a null literal if one comes next.
func (p *fastDec) null() bool {
	p.ws()
	if p.i+4 <= len(p.d) && string(p.d[p.i:p.i+4]) == "null" {
		p.i += 4
		return true
	}
	return false
}

// object reads an object, calling field with each key (which must be a
// plain ASCII key without escapes) positioned at its value; field
// returns false for a key it does not know, and the key's bit for the
// repeated-key check (0 in a map, where a repeated key simply wins).
func (p *fastDec) object(field func(key []byte) (bit uint32, ok bool)) bool {
	p.ws()
	if p.i >= len(p.d) || p.d[p.i] != '{' {
		return false
	}
	p.i++
	p.ws()
	if p.i < len(p.d) && p.d[p.i] == '}' {
		p.i++
		return true
	}
	var seen uint32
	for {
		p.ws()
		if p.i >= len(p.d) || p.d[p.i] != '"' {
			return false
		}
		start := p.i + 1
		j := start
		for j < len(p.d) && p.d[j] != '"' && p.d[j] != '\\' && p.d[j] >= 0x20 && p.d[j] < 0x80 {
			j++
		}
		if j >= len(p.d) || p.d[j] != '"' {
			return false
		}
		key := p.d[start:j]
		p.i = j + 1
		p.ws()
		if p.i >= len(p.d) || p.d[p.i] != ':' {
			return false
		}
		p.i++
		bit, ok := field(key)
		if !ok || seen&bit != 0 {
			return false
		}
		seen |= bit
		p.ws()
		if p.i >= len(p.d) {
			return false
		}
		switch p.d[p.i] {
		case ',':
			p.i++
		case '}':
			p.i++
			return true
		default:
			return false
		}
	}
}

// array reads an array, calling elem for each element; isNull is true for
// a null instead of an array.
func (p *fastDec) array(elem func() bool) (isNull, ok bool) {
	if p.null() {
		return true, true
	}
	if p.i >= len(p.d) || p.d[p.i] != '[' {
		return false, false
	}
	p.i++
	p.ws()
	if p.i < len(p.d) && p.d[p.i] == ']' {
		p.i++
		return false, true
	}
	for {
		if !elem() {
			return false, false
		}
		p.ws()
		if p.i >= len(p.d) {
			return false, false
		}
		switch p.d[p.i] {
		case ',':
			p.i++
		case ']':
			p.i++
			return false, true
		default:
			return false, false
		}
	}
}

// str reads a string into *s (null leaves *s alone, as encoding/json
// does).
func (p *fastDec) str(s *string) bool {
	if p.null() {
		return true
	}
	if p.i >= len(p.d) || p.d[p.i] != '"' {
		return false
	}
	start := p.i + 1
	ascii := true
	j := start
	for ; j < len(p.d); j++ {
		c := p.d[j]
		if c == '"' {
			break
		}
		if c == '\\' {
			return p.escapedStr(start, s)
		}
		if c < 0x20 {
			return false
		}
		if c >= 0x80 {
			ascii = false
		}
	}
	if j >= len(p.d) {
		return false
	}
	raw := p.d[start:j]
	if !ascii && !utf8.Valid(raw) {
		return false // encoding/json replaces invalid bytes with U+FFFD
	}
	*s = string(raw)
	p.i = j + 1
	return true
}

// escapedStr reads a string with backslash escapes, from start (just after
// the opening quote). \u escapes are left to encoding/json.
func (p *fastDec) escapedStr(start int, s *string) bool {
	buf := make([]byte, 0, 64)
	j := start
	for j < len(p.d) {
		c := p.d[j]
		switch {
		case c == '"':
			if !utf8.Valid(buf) {
				return false
			}
			*s = string(buf)
			p.i = j + 1
			return true
		case c == '\\':
			if j+1 >= len(p.d) {
				return false
			}
			switch p.d[j+1] {
			case '"', '\\', '/':
				buf = append(buf, p.d[j+1])
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			default:
				return false
			}
			j += 2
		case c < 0x20:
			return false
		default:
			buf = append(buf, c)
			j++
		}
	}
	return false
}

// number returns the span of a JSON number and whether it is an integer
// (no fraction, no exponent); ok is false when the grammar is not met.
func (p *fastDec) number() (span []byte, isInt, ok bool) {
	p.ws()
	start, j := p.i, p.i
	d := p.d
	if j < len(d) && d[j] == '-' {
		j++
	}
	switch {
	case j < len(d) && d[j] == '0':
		j++
	case j < len(d) && d[j] >= '1' && d[j] <= '9':
		for j < len(d) && d[j] >= '0' && d[j] <= '9' {
			j++
		}
	default:
		return nil, false, false
	}
	isInt = true
	if j < len(d) && d[j] == '.' {
		isInt = false
		j++
		k := j
		for j < len(d) && d[j] >= '0' && d[j] <= '9' {
			j++
		}
		if j == k {
			return nil, false, false
		}
	}
	if j < len(d) && (d[j] == 'e' || d[j] == 'E') {
		isInt = false
		j++
		if j < len(d) && (d[j] == '+' || d[j] == '-') {
			j++
		}
		k := j
		for j < len(d) && d[j] >= '0' && d[j] <= '9' {
			j++
		}
		if j == k {
			return nil, false, false
		}
	}
	p.i = j
	return d[start:j], isInt, true
}

func (p *fastDec) int(n *int) bool {
	if p.null() {
		return true
	}
	span, isInt, ok := p.number()
	if !ok || !isInt {
		return false
	}
	if len(span) < 10 {
		v := 0
		neg := span[0] == '-'
		if neg {
			span = span[1:]
		}
		for _, c := range span {
			v = v*10 + int(c-'0')
		}
		if neg {
			v = -v
		}
		*n = v
		return true
	}
	v, err := strconv.ParseInt(string(span), 10, 0)
	if err != nil {
		return false
	}
	*n = int(v)
	return true
}

func (p *fastDec) float(f *float64) bool {
	if p.null() {
		return true
	}
	span, _, ok := p.number()
	if !ok {
		return false
	}
	v, err := strconv.ParseFloat(string(span), 64)
	if err != nil {
		return false
	}
	*f = v
	return true
}

func (p *fastDec) bool(b *bool) bool {
	if p.null() {
		return true
	}
	switch {
	case p.i+4 <= len(p.d) && string(p.d[p.i:p.i+4]) == "true":
		*b = true
		p.i += 4
	case p.i+5 <= len(p.d) && string(p.d[p.i:p.i+5]) == "false":
		*b = false
		p.i += 5
	default:
		return false
	}
	return true
}

func (p *fastDec) strings(list *[]string) bool {
	p.strs = p.strs[:0]
	isNull, ok := p.array(func() bool {
		var s string
		if !p.str(&s) {
			return false
		}
		p.strs = append(p.strs, s)
		return true
	})
	if !ok {
		return false
	}
	if isNull {
		*list = nil
	} else {
		*list = exact(p.strs)
	}
	return true
}

func (p *fastDec) article(a *Article) bool {
	return p.object(func(key []byte) (uint32, bool) {
		switch string(key) {
		case "path":
			return 1 << 0, p.str(&a.Path)
		case "plan_context":
			return 1 << 1, p.bool(&a.PlanContext)
		case "context":
			if p.null() {
				a.Context = nil
				return 1 << 2, true
			}
			a.Context = &ContextInfo{}
			return 1 << 2, p.context(a.Context)
		case "language":
			return 1 << 3, p.str(&a.Language)
		case "coverage":
			return 1 << 4, p.float(&a.Coverage)
		case "themes":
			return 1 << 5, p.themes(&a.Themes)
		case "mentions":
			// Mentions are not nested: the scratch slice is free.
			p.mentions = p.mentions[:0]
			isNull, ok := p.array(func() bool {
				p.mentions = append(p.mentions, Mention{})
				return p.mention(&p.mentions[len(p.mentions)-1])
			})
			a.Mentions = nil
			if !isNull {
				a.Mentions = exact(p.mentions)
			}
			clear(p.mentions) // drop references for the GC
			return 1 << 6, ok
		case "sentences":
			return 1 << 7, p.int(&a.Sentences)
		case "bytes":
			return 1 << 8, p.int(&a.Bytes)
		case "warnings":
			return 1 << 9, p.strings(&a.Warnings)
		case "error":
			return 1 << 10, p.str(&a.Error)
		}
		return 0, false
	})
}

func (p *fastDec) context(c *ContextInfo) bool {
	return p.object(func(key []byte) (uint32, bool) {
		switch string(key) {
		case "score":
			return 1 << 0, p.float(&c.Score)
		case "reasons":
			return 1 << 1, p.strings(&c.Reasons)
		}
		return 0, false
	})
}

func (p *fastDec) themes(m *map[string]float64) bool {
	if p.null() {
		*m = nil
		return true
	}
	out := map[string]float64{}
	if !p.object(func(key []byte) (uint32, bool) {
		var f float64
		if !p.float(&f) {
			return 0, false
		}
		out[string(key)] = f
		return 0, true
	}) {
		return false
	}
	*m = out
	return true
}

func (p *fastDec) mention(m *Mention) bool {
	return p.object(func(key []byte) (uint32, bool) {
		switch string(key) {
		case "point":
			return 1 << 0, p.int(&m.Point)
		case "clause":
			return 1 << 1, p.str(&m.Clause)
		case "theme":
			return 1 << 2, p.str(&m.Theme)
		case "title":
			return 1 << 3, p.str(&m.Title)
		case "score":
			return 1 << 4, p.float(&m.Score)
		case "evidence":
			p.evidence = p.evidence[:0]
			isNull, ok := p.array(func() bool {
				p.evidence = append(p.evidence, Evidence{})
				return p.evidenceItem(&p.evidence[len(p.evidence)-1])
			})
			m.Evidence = nil
			if !isNull {
				m.Evidence = exact(p.evidence)
			}
			return 1 << 5, ok
		case "framing":
			if p.null() {
				m.Framing = nil
				return 1 << 6, true
			}
			m.Framing = &Framing{}
			return 1 << 6, p.framing(m.Framing)
		}
		return 0, false
	})
}

func (p *fastDec) evidenceItem(e *Evidence) bool {
	return p.object(func(key []byte) (uint32, bool) {
		switch string(key) {
		case "sentence":
			return 1 << 0, p.int(&e.Sentence)
		case "start":
			return 1 << 1, p.int(&e.Start)
		case "end":
			return 1 << 2, p.int(&e.End)
		case "text":
			return 1 << 3, p.str(&e.Text)
		case "line":
			return 1 << 4, p.int(&e.Line)
		}
		return 0, false
	})
}

func (p *fastDec) framing(f *Framing) bool {
	return p.object(func(key []byte) (uint32, bool) {
		switch string(key) {
		case "stance":
			return 1 << 0, p.str(&f.Stance)
		case "cues":
			p.cues = p.cues[:0]
			isNull, ok := p.array(func() bool {
				p.cues = append(p.cues, Cue{})
				return p.cue(&p.cues[len(p.cues)-1])
			})
			f.Cues = nil
			if !isNull {
				f.Cues = exact(p.cues)
			}
			return 1 << 1, ok
		case "attribution":
			return 1 << 2, p.strings(&f.Attribution)
		case "hedged":
			return 1 << 3, p.bool(&f.Hedged)
		case "hedges":
			return 1 << 4, p.strings(&f.Hedges)
		}
		return 0, false
	})
}

func (p *fastDec) cue(c *Cue) bool {
	return p.object(func(key []byte) (uint32, bool) {
		switch string(key) {
		case "text":
			return 1 << 0, p.str(&c.Text)
		case "polarity":
			return 1 << 1, p.str(&c.Polarity)
		case "weight":
			return 1 << 2, p.float(&c.Weight)
		case "sentence":
			return 1 << 3, p.int(&c.Sentence)
		case "negated":
			return 1 << 4, p.bool(&c.Negated)
		}
		return 0, false
	})
}
