package report

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// A report printed as json reads back as the same report.
func TestReadJSONRoundTrip(t *testing.T) {
	r := testReport()
	out := render(t, "json", Options{}, r)
	got, err := ReadJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("read back\n%+v\nwant\n%+v", got, r)
	}
	if !LooksLikeJSON([]byte(out)) || !LooksLikeJSON([]byte("\ufeff \n\t{")) || LooksLikeJSON([]byte("Kyiv {")) || LooksLikeJSON(nil) {
		t.Error("LooksLikeJSON is wrong")
	}
}

func TestReadJSONErrors(t *testing.T) {
	valid := render(t, "json", Options{}, testReport())
	jsonl := render(t, "jsonl", Options{}, testReport())
	cases := []struct {
		name, in, kind, msg string
	}{
		{"empty", " \n", NotJSON, "not JSON: the input is empty"},
		{"text", "Kyiv, November 21 (Reuters)", NotJSON, "not JSON: invalid character 'K' looking for beginning of value at line 1, column 1"},
		{"truncated", valid[:len(valid)/2], NotJSON, "not JSON: the input ends in the middle of a value (truncated?)"},
		{"syntax", "{\n  \"tool\": {\"name\": \"plancheck\",}\n}", NotJSON, "not JSON: invalid character '}' looking for beginning of object key string at line 2, column 32"},
		{"array", "[1, 2]", NotReport, "not a plancheck report: the document is a JSON array, not an object"},
		{"other", `{"name": "x", "version": 2}`, NotReport, "not a plancheck report: no tool, catalog or articles field (a report is what `plancheck score --format json` writes)"},
		{"jsonl", jsonl, NotReport, "not a plancheck report: several JSON values one after another (--format jsonl output?); diff needs a report from --format json"},
		{"other tool", `{"tool": {"name": "vale"}, "catalog": {}, "articles": []}`, NotReport, `not a plancheck report: tool.name is "vale", not "plancheck"`},
		{"no catalog", `{"tool": {"name": "plancheck"}, "articles": []}`, MissingField, `missing field "catalog"`},
		{"no hash", `{"tool": {"name": "plancheck"}, "catalog": {"id": "x"}, "articles": []}`, MissingField, `missing field "catalog.hash"`},
		{"no id", `{"tool": {"name": "plancheck"}, "catalog": {"hash": "h"}, "articles": []}`, MissingField, `missing field "catalog.id"`},
		{"no articles", `{"tool": {"name": "plancheck"}, "catalog": {"id": "x", "hash": "h"}}`, MissingField, `missing field "articles"`},
		{"null articles", `{"tool": {"name": "plancheck"}, "catalog": {"id": "x", "hash": "h"}, "articles": null}`, MissingField, `missing field "articles"`},
		{"no path", `{"tool": {"name": "plancheck"}, "catalog": {"id": "x", "hash": "h"}, "articles": [{"path": "a"}, {"mentions": []}]}`, MissingField, `missing field "path" in article 2 of 2`},
		{"wrong type", "{\"tool\": {\"name\": \"plancheck\"}, \"catalog\": {\"id\": \"x\", \"hash\": \"h\"},\n \"articles\": [{\"path\": \"a\", \"mentions\": \"none\"}]}", Malformed, "malformed report: articles.mentions is a JSON string, want array, near line 2, column 47"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadJSON(strings.NewReader(c.in))
			var re *ReadError
			if !errors.As(err, &re) {
				t.Fatalf("err = %v, want a *ReadError", err)
			}
			if re.Kind != c.kind || err.Error() != c.msg {
				t.Errorf("err = %q (%s)\nwant %q (%s)", err, re.Kind, c.msg, c.kind)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error is not one line: %q", err)
			}
		})
	}
}

// A summary is not needed to diff; a byte order mark is skipped.
func TestReadJSONLenient(t *testing.T) {
	in := "\ufeff" + `{"tool": {"name": "plancheck", "version": "1"}, "catalog": {"id": "x", "hash": "h", "points": 28}, "articles": [{"path": "a.txt", "mentions": []}]}`
	r, err := ReadJSON(bytes.NewReader([]byte(in)))
	if err != nil {
		t.Fatal(err)
	}
	if r.Catalog.Points != 28 || len(r.Articles) != 1 || r.Articles[0].Path != "a.txt" {
		t.Errorf("read %+v", r)
	}
}
