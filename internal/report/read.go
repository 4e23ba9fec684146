package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
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

// ParseJSON is ReadJSON on bytes.
func ParseJSON(data []byte) (*Report, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &ReadError{NotJSON, "the input is empty"}
	}
	var doc reportDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, decodeError(data, err)
	}
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
