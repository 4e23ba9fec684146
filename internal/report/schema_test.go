package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

const schemaPath = "../../docs/report.schema.json"

// schemaURL is the schema's $id; the file is registered under it so that
// the $defs can be compiled on their own.
const schemaURL = "https://github.com/plancheck/plancheck/docs/report.schema.json"

func compileSchema(t *testing.T, fragment string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", schemaPath, err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource(schemaURL, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(schemaURL + fragment)
	if err != nil {
		t.Fatalf("%s%s: %v", schemaPath, fragment, err)
	}
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, what, data string) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(data))
	if err != nil {
		t.Fatalf("%s: not JSON: %v", what, err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("%s does not validate: %v\n%s", what, err, data)
	}
}

func TestJSONValidatesAgainstSchema(t *testing.T) {
	sch := compileSchema(t, "")
	validate(t, sch, "json report", render(t, "json", Options{}, testReport()))

	empty := testReport()
	empty.Articles = nil
	empty.Summary = NewSummarizer(testCatalogPoints(), 28).Summary()
	validate(t, sch, "json report without articles", render(t, "json", Options{}, empty))

	var buf bytes.Buffer
	p, _ := NewPrinter("json", &buf, Options{})
	p.End(nil)
	validate(t, sch, "json report of End alone", buf.String())
}

func TestJSONLValidatesAgainstSchema(t *testing.T) {
	sch := compileSchema(t, "#/$defs/jsonl_line")
	out := render(t, "jsonl", Options{}, testReport())
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		validate(t, sch, fmt.Sprintf("jsonl line %d", i+1), line)
	}
}

// The schema rejects what the contract forbids, so that the tests above
// mean something.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t, "#/$defs/jsonl_line")
	bad := map[string]string{
		"null mentions":   `{"path":"a","plan_context":true,"coverage":0,"mentions":null,"sentences":0,"bytes":0}`,
		"missing path":    `{"plan_context":true,"coverage":0,"mentions":[],"sentences":0,"bytes":0}`,
		"unknown stance":  `{"path":"a","plan_context":true,"coverage":0.1,"mentions":[{"point":1,"clause":"c","theme":"t","score":1,"evidence":[],"framing":{"stance":"angry","cues":[],"attribution":[],"hedged":false}}],"sentences":0,"bytes":0}`,
		"coverage over 1": `{"path":"a","plan_context":true,"coverage":1.5,"mentions":[],"sentences":0,"bytes":0}`,
	}
	for name, doc := range bad {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
		if err != nil {
			t.Fatal(err)
		}
		if sch.Validate(v) == nil {
			t.Errorf("%s: accepted %s", name, doc)
		}
	}
}

// The schema lists exactly the model's fields, and requires exactly those
// without omitempty.
func TestSchemaMatchesModel(t *testing.T) {
	raw, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Required   []string                   `json:"required"`
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       map[string]struct {
			Required   []string                   `json:"required"`
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	types := map[string]any{
		"":              Report{},
		"tool":          Tool{},
		"catalog":       Catalog{},
		"article":       Article{},
		"context":       ContextInfo{},
		"mention":       Mention{},
		"evidence":      Evidence{},
		"framing":       Framing{},
		"cue":           Cue{},
		"summary":       Summary{},
		"point_summary": PointSummary{},
	}
	for def, v := range types {
		required, props := doc.Required, doc.Properties
		if def != "" {
			d, ok := doc.Defs[def]
			if !ok {
				t.Errorf("schema has no $defs/%s", def)
				continue
			}
			required, props = d.Required, d.Properties
		}
		var fields, wantRequired []string
		rt := reflect.TypeOf(v)
		for i := 0; i < rt.NumField(); i++ {
			tag := rt.Field(i).Tag.Get("json")
			name, opts, _ := strings.Cut(tag, ",")
			if name == "-" || name == "" {
				continue
			}
			fields = append(fields, name)
			if !strings.Contains(opts, "omitempty") {
				wantRequired = append(wantRequired, name)
			}
		}
		var propNames []string
		for k := range props {
			propNames = append(propNames, k)
		}
		sort.Strings(fields)
		sort.Strings(propNames)
		sort.Strings(wantRequired)
		gotRequired := slices.Clone(required)
		sort.Strings(gotRequired)
		if !slices.Equal(fields, propNames) {
			t.Errorf("%s %s: schema properties %v, model fields %v", schemaPath, def, propNames, fields)
		}
		if !slices.Equal(gotRequired, wantRequired) {
			t.Errorf("%s %s: schema requires %v, model always writes %v", schemaPath, def, gotRequired, wantRequired)
		}
	}
}

// The example in docs/report.md is a valid report.
func TestDocExampleValidates(t *testing.T) {
	doc, err := os.ReadFile("../../docs/report.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(doc), "```json\n")
	if !ok {
		t.Fatal("docs/report.md has no ```json example")
	}
	example, _, ok := strings.Cut(rest, "```")
	if !ok {
		t.Fatal("docs/report.md: unterminated ```json example")
	}
	validate(t, compileSchema(t, ""), "the docs/report.md example", example)
	var r Report
	if err := json.Unmarshal([]byte(example), &r); err != nil {
		t.Fatal(err)
	}
	if r.Summary.Articles != len(r.Articles) {
		t.Errorf("example summary counts %d articles, lists %d", r.Summary.Articles, len(r.Articles))
	}
}
