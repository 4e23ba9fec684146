package diff

import (
	"encoding/json"
	"io"
)

// writeJSON writes c as one indented JSON document (the Changes type's
// fields; lists are [] rather than null).
func writeJSON(w io.Writer, c *Changes, _ Options) error {
	out := *c
	if out.Articles == nil {
		out.Articles = []ArticleChange{}
	}
	if out.Points == nil {
		out.Points = []PointChange{}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(&out)
}
