package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// ReadError says why a report could not be read. Its message is one line
// that starts with what went wrong: "not JSON: ...", "not a plancheck
// report: ...", "missing field ..." or "malformed report: ...".
type ReadError struct {
	Kind string // one of the ReadError kinds below
	Msg  string // the rest of the message
}

// ReadError kinds.
const (
	NotJSON      = "not JSON"
	NotReport    = "not a plancheck report"
	MissingField = "missing field"
	Malformed    = "malformed report"
)

func (e *ReadError) Error() string {
	if e.Kind == MissingField {
		return e.Kind + " " + e.Msg
	}
	return e.Kind + ": " + e.Msg
}

// ReadJSON reads a report written by `plancheck score --format json`. The
// fields diffs rely on must be present: tool, catalog (with id and hash),
// articles (each with a path); the summary is optional. Errors are
// *ReadError.
func ReadJSON(r io.Reader) (*Report, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	return ParseJSON(data)
}

// LooksLikeJSON reports whether data's first byte that is not white space
// is "{", the start of a JSON report.
func LooksLikeJSON(data []byte) bool {
	t := bytes.TrimLeft(data, " \t\r\n\ufeff")
	return len(t) > 0 && t[0] == '{'
}

// reportDoc mirrors Report with pointers where a field's absence must be
// told from its zero value.
type reportDoc struct {
	Tool     *Tool       `json:"tool"`
	Catalog  *catalogDoc `json:"catalog"`
	Articles *[]Article  `json:"articles"`
	Summary  *Summary    `json:"summary"`
}

type catalogDoc struct {
	ID     *string  `json:"id"`
	Title  string   `json:"title"`
	Hash   *string  `json:"hash"`
	Points *int     `json:"points"`
	Themes []string `json:"themes"`
	Source string   `json:"source"`
}

// ParseJSON is ReadJSON on bytes. Large reports are decoded on all CPUs:
// the articles list is split at element boundaries and its elements are
// decoded in parallel. Anything unusual (a syntax error, a wrong type, a
// repeated key) sends the document through encoding/json whole, which
// gives the error. The report shares no memory with data.
func ParseJSON(data []byte) (*Report, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &ReadError{NotJSON, "the input is empty"}
	}
	doc, ok := parseFast(data)
	if !ok {
		doc = &reportDoc{}
		if err := json.Unmarshal(data, doc); err != nil {
			return nil, decodeError(data, err)
		}
	}
	return doc.report()
}

// report checks that the fields diffs rely on are there.
func (doc *reportDoc) report() (*Report, error) {
	switch {
	case doc.Tool == nil && doc.Catalog == nil && doc.Articles == nil:
		return nil, &ReadError{NotReport, "no tool, catalog or articles field (a report is what `plancheck score --format json` writes)"}
	case doc.Tool == nil:
		return nil, &ReadError{MissingField, `"tool"`}
	case doc.Tool.Name != "plancheck":
		return nil, &ReadError{NotReport, fmt.Sprintf("tool.name is %q, not \"plancheck\"", doc.Tool.Name)}
	case doc.Catalog == nil:
		return nil, &ReadError{MissingField, `"catalog"`}
	case doc.Catalog.ID == nil:
		return nil, &ReadError{MissingField, `"catalog.id"`}
	case doc.Catalog.Hash == nil:
		return nil, &ReadError{MissingField, `"catalog.hash"`}
	case doc.Articles == nil:
		return nil, &ReadError{MissingField, `"articles"`}
	}
	r := &Report{
		Tool: *doc.Tool,
		Catalog: Catalog{
			ID: *doc.Catalog.ID, Title: doc.Catalog.Title, Hash: *doc.Catalog.Hash,
			Themes: doc.Catalog.Themes, Source: doc.Catalog.Source,
		},
		Articles: *doc.Articles,
	}
	if doc.Catalog.Points != nil {
		r.Catalog.Points = *doc.Catalog.Points
	}
	if doc.Summary != nil {
		r.Summary = *doc.Summary
	}
	for i := range r.Articles {
		if r.Articles[i].Path == "" {
			return nil, &ReadError{MissingField, fmt.Sprintf(`"path" in article %d of %d`, i+1, len(r.Articles))}
		}
	}
	return r, nil
}

// parseFast decodes a well-formed report, its articles in parallel; ok is
// false when the document needs the careful path. Every byte it accepts
// is checked: the top-level object's punctuation here, every value by
// encoding/json.
func parseFast(data []byte) (doc *reportDoc, ok bool) {
	doc = &reportDoc{}
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil, false
	}
	i = skipSpace(data, i+1)
	seen := map[string]bool{}
	if i < len(data) && data[i] == '}' {
		i++
	} else {
		for {
			if i >= len(data) || data[i] != '"' {
				return nil, false
			}
			kEnd, ok := skipValue(data, i)
			if !ok {
				return nil, false
			}
			var key string
			if err := json.Unmarshal(data[i:kEnd], &key); err != nil {
				return nil, false
			}
			i = skipSpace(data, kEnd)
			if i >= len(data) || data[i] != ':' {
				return nil, false
			}
			vStart := skipSpace(data, i+1)
			// encoding/json matches keys without regard to case.
			field := strings.ToLower(key)
			var vEnd int
			if field == "articles" && vStart < len(data) && data[vStart] == '[' && !seen[field] {
				arts, end, ok := parseArticles(data, vStart)
				if !ok {
					return nil, false
				}
				doc.Articles, vEnd = &arts, end
			} else if vEnd, ok = skipValue(data, vStart); !ok {
				return nil, false
			}
			val := data[vStart:vEnd]
			switch field {
			case "tool", "catalog", "articles", "summary":
				if seen[field] {
					return nil, false
				}
				seen[field] = true
			}
			var err error
			switch field {
			case "tool":
				err = json.Unmarshal(val, &doc.Tool)
			case "catalog":
				err = json.Unmarshal(val, &doc.Catalog)
			case "summary":
				err = json.Unmarshal(val, &doc.Summary)
			case "articles":
				if doc.Articles == nil && string(val) != "null" {
					return nil, false // not a list
				}
			default:
				if !json.Valid(val) {
					return nil, false
				}
			}
			if err != nil {
				return nil, false
			}
			i = skipSpace(data, vEnd)
			if i < len(data) && data[i] == ',' {
				i = skipSpace(data, i+1)
				continue
			}
			if i < len(data) && data[i] == '}' {
				i++
				break
			}
			return nil, false
		}
	}
	if skipSpace(data, i) != len(data) {
		return nil, false
	}
	return doc, true
}

// parseArticles decodes the JSON array of articles that starts at
// data[start] and returns the offset just past it. One pass finds where
// each element starts and ends and hands them, in chunks, to one decoding
// goroutine per CPU.
func parseArticles(data []byte, start int) (arts []Article, end int, ok bool) {
	workers := runtime.GOMAXPROCS(0)
	if workers == 1 || len(data)-start < 1<<20 {
		return parseArticlesInPlace(data, start)
	}
	const chunkLen = 64
	type chunk struct {
		spans [][2]int
		out   []Article
	}
	work := make(chan *chunk, 2*workers)
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dec := &fastDec{}
			for c := range work {
				for k, sp := range c.spans {
					if failed.Load() {
						break
					}
					el := data[sp[0]:sp[1]]
					dec.d, dec.i = el, 0
					if dec.article(&c.out[k]) && skipSpace(el, dec.i) == len(el) {
						continue
					}
					c.out[k] = Article{}
					if err := json.Unmarshal(el, &c.out[k]); err != nil {
						failed.Store(true)
					}
				}
			}
		}()
	}
	var chunks []*chunk
	cur := &chunk{}
	flush := func() {
		if len(cur.spans) > 0 {
			cur.out = make([]Article, len(cur.spans))
			chunks = append(chunks, cur)
			work <- cur
			cur = &chunk{}
		}
	}
	ok = func() bool {
		i := skipSpace(data, start+1)
		if i < len(data) && data[i] == ']' {
			end = i + 1
			return true
		}
		for {
			e, ok := skipValue(data, i)
			if !ok || e == i {
				return false
			}
			cur.spans = append(cur.spans, [2]int{i, e})
			if len(cur.spans) == chunkLen {
				flush()
			}
			i = skipSpace(data, e)
			if i < len(data) && data[i] == ',' {
				i = skipSpace(data, i+1)
				continue
			}
			if i < len(data) && data[i] == ']' {
				end = i + 1
				return true
			}
			return false
		}
	}()
	if ok {
		flush()
	} else {
		failed.Store(true)
	}
	close(work)
	wg.Wait()
	if failed.Load() {
		return nil, 0, false
	}
	n := 0
	for _, c := range chunks {
		n += len(c.out)
	}
	arts = make([]Article, 0, n)
	for _, c := range chunks {
		arts = append(arts, c.out...)
	}
	return arts, end, true
}

// parseArticlesInPlace is parseArticles on one CPU: each element is
// decoded where it stands, without finding the elements first; only one
// the fast decoder declines is measured, for encoding/json.
func parseArticlesInPlace(data []byte, start int) (arts []Article, end int, ok bool) {
	arts = []Article{}
	i := skipSpace(data, start+1)
	if i < len(data) && data[i] == ']' {
		return arts, i + 1, true
	}
	p := &fastDec{d: data}
	for {
		arts = append(arts, Article{})
		a := &arts[len(arts)-1]
		p.i = i
		if p.article(a) {
			i = p.i
		} else {
			e, ok := skipValue(data, i)
			if !ok || e == i {
				return nil, 0, false
			}
			*a = Article{}
			if err := json.Unmarshal(data[i:e], a); err != nil {
				return nil, 0, false
			}
			i = e
		}
		i = skipSpace(data, i)
		if i < len(data) && data[i] == ',' {
			i = skipSpace(data, i+1)
			continue
		}
		if i < len(data) && data[i] == ']' {
			return arts, i + 1, true
		}
		return nil, 0, false
	}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// skipValue returns the end of the JSON value that starts at data[i]
// without checking what is inside it: a string to its closing quote, an
// object or array to its matching bracket (brackets in strings do not
// count), anything else to the next delimiter. ok is false when the data
// ends first.
func skipValue(data []byte, i int) (end int, ok bool) {
	if i >= len(data) {
		return i, false
	}
	switch data[i] {
	case '"':
		return skipString(data, i)
	case '{', '[':
		depth := 0
		for j := i; j < len(data); j++ {
			// Most bytes are neither quotes nor brackets: skip them in
			// a tight loop.
			for j < len(data) && !structural[data[j]] {
				j++
			}
			if j == len(data) {
				break
			}
			switch data[j] {
			case '"':
				e, ok := skipString(data, j)
				if !ok {
					return e, false
				}
				j = e - 1
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return j + 1, true
				}
			}
		}
		return len(data), false
	}
	j := i
	for j < len(data) {
		switch data[j] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return j, true
		}
		j++
	}
	return j, true
}

// structural marks the bytes skipValue looks at inside an object or
// array: quotes and brackets.
var structural = [256]bool{'"': true, '{': true, '}': true, '[': true, ']': true}

// decodeError turns a json error into a ReadError that says where.
func decodeError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		msg := strings.TrimPrefix(syn.Error(), "json: ")
		switch {
		case strings.HasPrefix(msg, "unexpected end of JSON input"):
			return &ReadError{NotJSON, "the input ends in the middle of a value (truncated?)"}
		case strings.Contains(msg, "after top-level value") && LooksLikeJSON(data):
			return &ReadError{NotReport, "several JSON values one after another (--format jsonl output?); diff needs a report from --format json"}
		}
		// Offset counts the offending byte.
		return &ReadError{NotJSON, msg + " at " + lineCol(data, syn.Offset-1)}
	case errors.As(err, &typ):
		if typ.Field == "" {
			return &ReadError{NotReport, fmt.Sprintf("the document is a JSON %s, not an object", typ.Value)}
		}
		return &ReadError{Malformed, fmt.Sprintf("%s is a JSON %s, want %s, near %s", typ.Field, typ.Value, jsonKind(typ.Type.Kind().String()), lineCol(data, typ.Offset))}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &ReadError{NotJSON, "the input ends in the middle of a value (truncated?)"}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.HasPrefix(msg, "unexpected end of JSON input") {
		return &ReadError{NotJSON, "the input ends in the middle of a value (truncated?)"}
	}
	return &ReadError{NotJSON, msg}
}

// jsonKind names a Go kind the way a JSON reader thinks of it.
func jsonKind(k string) string {
	switch k {
	case "struct", "map":
		return "object"
	case "slice", "array":
		return "array"
	case "int", "int64", "int32", "uint", "uint64", "float64", "float32":
		return "number"
	case "bool":
		return "boolean"
	}
	return k
}

// lineCol formats a byte offset as "line L, column C" (1-based; columns
// count bytes).
func lineCol(data []byte, off int64) string {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	before := data[:off]
	line := bytes.Count(before, []byte("\n")) + 1
	col := len(before) - bytes.LastIndexByte(before, '\n')
	return "line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col)
}

// skipString returns the end of the string that starts at data[i], a
// quote: it jumps from quote to quote and stops at the first one not
// escaped by an odd number of backslashes.
func skipString(data []byte, i int) (end int, ok bool) {
	j := i + 1
	for {
		k := bytes.IndexByte(data[j:], '"')
		if k < 0 {
			return len(data), false
		}
		j += k
		n := 0
		for b := j - 1; b > i && data[b] == '\\'; b-- {
			n++
		}
		if n%2 == 0 {
			return j + 1, true
		}
		j++
	}
}
