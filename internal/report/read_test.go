package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
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

// parseSlow is ParseJSON through encoding/json alone, the reference the
// fast path must match.
func parseSlow(data []byte) (*Report, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, &ReadError{NotJSON, "the input is empty"}
	}
	doc := &reportDoc{}
	if err := json.Unmarshal(data, doc); err != nil {
		return nil, decodeError(data, err)
	}
	return doc.report()
}

// fastDecoderArticles are article elements that exercise the fast
// decoder's edges; each is also tried inside a report.
var fastDecoderArticles = []string{
	`{"path":"a","mentions":[]}`,
	` { "path" : "a" , "plan_context" : true , "mentions" : [ ] , "coverage" : 0.25 , "sentences" : 3 , "bytes" : 10 } `,
	`{"path":"esc \"q\" \\ \/ \b\f\n\r\t","mentions":[]}`,
	`{"path":"unicode \u00e9 \ud83d\ude00 \ud800 lone","mentions":[]}`,
	`{"path":"caf` + "\xc3\xa9" + ` ok","mentions":[]}`,
	`{"path":"bad ` + "\xff" + ` utf8","mentions":[]}`,
	`{"path":"ctl ` + "\x01" + `","mentions":[]}`,
	`{"path":null,"plan_context":null,"context":null,"language":null,"coverage":null,"themes":null,"mentions":null,"sentences":null,"bytes":null,"warnings":null,"error":null}`,
	`{"Path":"case","mentions":[]}`,
	`{"path":"dup","path":"dup2","mentions":[]}`,
	`{"path":"unknown","mentions":[],"extra":{"x":[1,2]}}`,
	`{"path":"n","sentences":1e3,"mentions":[]}`,
	`{"path":"n","sentences":-0,"bytes":-12,"coverage":1.5e-3,"mentions":[]}`,
	`{"path":"n","sentences":99999999999999999999,"mentions":[]}`,
	`{"path":"n","sentences":123456789012,"mentions":[]}`,
	`{"path":"n","coverage":01,"mentions":[]}`,
	`{"path":"n","coverage":1.,"mentions":[]}`,
	`{"path":"n","coverage":-,"mentions":[]}`,
	`{"path":"n","coverage":1e,"mentions":[]}`,
	`{"path":"n","coverage":1E+2,"mentions":[]}`,
	`{"path":"b","plan_context":tru,"mentions":[]}`,
	`{"path":"b","plan_context":"true","mentions":[]}`,
	`{"path":"t","themes":{},"mentions":[]}`,
	`{"path":"t","themes":{"nato":0.5,"territory":1,"nato":0.25},"mentions":[]}`,
	`{"path":"t","themes":{"caf\u00e9":0.5},"mentions":[]}`,
	`{"path":"w","warnings":["x",null,"y"],"mentions":[]}`,
	`{"path":"w","warnings":[],"mentions":[],}`,
	`{"path":"w","warnings":["x",],"mentions":[]}`,
	`{"path":"c","context":{"score":1.5,"reasons":["a","b"]},"mentions":[]}`,
	`{"path":"c","context":{"score":1.5,"reasons":null},"mentions":[]}`,
	`{"path":"m","mentions":[null]}`,
	`{"path":"m","mentions":[{"point":7,"clause":"c","theme":"t","title":"T","score":0.9,"evidence":[{"sentence":1,"start":2,"end":3,"text":"x","line":4}],"framing":{"stance":"critical","cues":[{"text":"capitulation","polarity":"critical","weight":1,"sentence":7,"negated":true}],"attribution":["critics"],"hedged":true,"hedges":["would"]}}]}`,
	`{"path":"m","mentions":[{"point":7,"evidence":null,"framing":null}]}`,
	`{"path":"m","mentions":[{"point":7,"evidence":[],"framing":{"stance":"neutral","cues":null,"attribution":null,"hedges":null}}]}`,
	`{"path":"m","mentions":[{"point":7,"point":8}]}`,
	`{"path":"m","mentions":[{"point":7.5}]}`,
	`{"path":"m","mentions":[{"point":"7"}]}`,
	`{"path":"m","mentions":[{"point":7}`,
	`{"path":"m","mentions":[{"point":7}]}}`,
	`{"path":"m"`,
	`"just a string"`,
	`[]`,
	`{}`,
}

func TestFastDecoderMatchesEncodingJSON(t *testing.T) {
	var elems []string
	elems = append(elems, fastDecoderArticles...)
	for _, a := range testReport().Articles {
		b, _ := json.Marshal(a)
		elems = append(elems, string(b))
	}
	fast := 0
	for _, el := range elems {
		var want, got Article
		err := json.Unmarshal([]byte(el), &want)
		ok := decodeArticleFast([]byte(el), &got)
		if ok {
			fast++
			if err != nil {
				t.Errorf("fast decoder accepts what encoding/json rejects (%v):\n%s", err, el)
			} else if !reflect.DeepEqual(got, want) {
				t.Errorf("fast decoder differs on\n%s\ngot  %#v\nwant %#v", el, got, want)
			}
		}
		doc := `{"tool":{"name":"plancheck","version":"1"},"catalog":{"id":"x","hash":"h"},"articles":[` + el + `,` + el + `]}`
		checkParse(t, []byte(doc))
	}
	if fast < len(elems)/3 {
		t.Errorf("the fast decoder took only %d of %d elements", fast, len(elems))
	}
	// The printer's own output never needs encoding/json.
	for _, a := range testReport().Articles {
		var buf bytes.Buffer
		p, _ := NewPrinter("json", &buf, Options{})
		Print(p, &Report{Articles: []Article{a}})
		doc := buf.String()
		start := strings.Index(doc, "[\n") + 1
		end := strings.Index(doc, "\n  ],")
		var got Article
		if !decodeArticleFast([]byte(doc[start:end]), &got) {
			t.Errorf("printed article %s is not read by the fast decoder", a.Path)
		}
	}
}

// checkParse compares ParseJSON with encoding/json on one document.
func checkParse(t *testing.T, doc []byte) {
	t.Helper()
	want, werr := parseSlow(doc)
	got, gerr := ParseJSON(doc)
	switch {
	case (werr == nil) != (gerr == nil):
		t.Errorf("ParseJSON err = %v, encoding/json err = %v on\n%s", gerr, werr, doc)
	case werr != nil && werr.Error() != gerr.Error():
		t.Errorf("ParseJSON err = %v, want %v", gerr, werr)
	case werr == nil && !reflect.DeepEqual(got, want):
		t.Errorf("ParseJSON differs from encoding/json on\n%s\ngot  %#v\nwant %#v", doc, got, want)
	}
}

func TestParseJSONMatchesEncodingJSON(t *testing.T) {
	valid := render(t, "json", Options{}, testReport())
	docs := []string{
		valid,
		strings.ReplaceAll(valid, "\n", "\r\n"),
		strings.Replace(valid, `"tool"`, `"Tool"`, 1),
		strings.Replace(valid, `"articles": [`, `"articles": [],"articles": [`, 1),
		strings.Replace(valid, `"articles": [`, `"extra": {"a": [1, "]"]}, "articles": [`, 1),
		strings.Replace(valid, `"articles": [`, `"extra": {"a": [1, "]"}, "articles": [`, 1),
		strings.Replace(valid, `"articles": [`, `"articles": "no", "x": [`, 1),
		`{"tool":{"name":"plancheck"},"catalog":{"id":"x","hash":"h"},"articles":null}`,
		`{"tool":{"name":"plancheck"},"catalog":{"id":"x","hash":"h"},"articles":[]}`,
		`{"tool":{"name":"plancheck"},"catalog":{"id":"x","hash":"h"},"articles":[ ]} x`,
		`{"tool":{"name":"plancheck"},"catalog":{"id":"x","hash":"h"},"articles":[{"path":"a"} {"path":"b"}]}`,
		`{"tool":{"name":"plancheck"},"catalog":{"id":"x","hash":"h"},"articles":[{"path":"a\"]"}]}`,
		`{"tool":{"name":"plancheck"},"catalog":{"id":"x","hash":"h"},"\u0061rticles":[{"path":"a"}]}`,
		`{"tool":{"name":"plancheck"},"catalog":{"id":"x","hash":"h"},"articles":[{"path":"a"}],}`,
		`{"tool":{"name":"plancheck"} "catalog":{}}`,
		`{}`,
		`{"tool":{"name":"plancheck"},"catalog":{"id":"x","hash":"h"},"articles":[{"path":"a\\"}]}`,
	}
	for _, d := range docs {
		checkParse(t, []byte(d))
	}
	// Enough articles for several chunks and workers.
	r := testReport()
	for len(r.Articles) < 1000 {
		r.Articles = append(r.Articles, r.Articles[len(r.Articles)%3])
	}
	checkParse(t, []byte(render(t, "json", Options{}, r)))
}

func FuzzParseJSON(f *testing.F) {
	for _, el := range fastDecoderArticles {
		f.Add([]byte(`{"tool":{"name":"plancheck"},"catalog":{"id":"x","hash":"h"},"articles":[` + el + `]}`))
	}
	f.Fuzz(func(t *testing.T, doc []byte) {
		checkParse(t, doc)
	})
}

// bigReport is testReport's articles repeated to n.
func bigReport(b *testing.B, n int) []byte {
	r := testReport()
	for len(r.Articles) < n {
		a := r.Articles[len(r.Articles)%3]
		a.Path = fmt.Sprintf("corpus/%05d-%s", len(r.Articles), a.Path)
		r.Articles = append(r.Articles, a)
	}
	var buf bytes.Buffer
	p, _ := NewPrinter("json", &buf, Options{})
	if err := Print(p, r); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkParseJSON reads a 10,000-article report; compare with
// BenchmarkUnmarshal, encoding/json alone.
func BenchmarkParseJSON(b *testing.B) {
	data := bigReport(b, 10000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := ParseJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshal(b *testing.B) {
	data := bigReport(b, 10000)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := parseSlow(data); err != nil {
			b.Fatal(err)
		}
	}
}

// The report ParseJSON returns shares no memory with its input, so the
// caller may reuse the buffer (diff reads both reports into one).
func TestParseJSONDoesNotAliasInput(t *testing.T) {
	r := testReport()
	for len(r.Articles) < 3000 { // past the parallel threshold too
		r.Articles = append(r.Articles, r.Articles[len(r.Articles)%3])
	}
	for _, doc := range []string{render(t, "json", Options{}, testReport()), render(t, "json", Options{}, r)} {
		data := []byte(doc)
		got, err := ParseJSON(data)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := parseSlow([]byte(doc))
		for i := range data {
			data[i] = 'x'
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatal("overwriting the input changed the report read from it")
		}
	}
}
