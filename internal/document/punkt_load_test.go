package document

import (
	"reflect"
	"testing"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// TestParseStorageMatchesJSON: the fast model parser reads the embedded
// English model exactly as encoding/json does, and declines what it does
// not expect.
func TestParseStorageMatchesJSON(t *testing.T) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := sentences.LoadTraining(b)
	if err != nil {
		t.Fatal(err)
	}
	got, ok := parseStorage(b)
	if !ok {
		t.Fatal("parseStorage declined the embedded model")
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatal("parseStorage and encoding/json disagree on the embedded model")
	}
	for _, bad := range []string{`{"AbbrevTypes": {"a\"b": 1}}`, `{"Other": {}}`, `{"AbbrevTypes": {"a": 1.5}}`, `{"AbbrevTypes": {"a": 1}`, `[]`} {
		if _, ok := parseStorage([]byte(bad)); ok {
			t.Errorf("parseStorage accepted %s", bad)
		}
	}
}

func BenchmarkLoadPunkt(b *testing.B) {
	for b.Loop() {
		if _, err := loadEnglishPunkt(); err != nil {
			b.Fatal(err)
		}
	}
}
