package textin

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzLoadReader feeds arbitrary bytes, under each format, to the loader:
// it must never panic, and it either returns clean text (valid UTF-8, "\n"
// line endings, not blank) or one *InputError whose message is a single
// line without the path. Seed corpus: testdata/fuzz/FuzzLoadReader.
func FuzzLoadReader(f *testing.F) {
	for _, name := range []string{"testdata/news.html", "testdata/sample.md"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data, uint8(0))
		}
	}
	f.Add([]byte(""), uint8(0))
	f.Add([]byte(" \n\t\u00a0\n"), uint8(1))
	f.Add([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), uint8(1))
	f.Add([]byte("caf\xe9 na\xefve \x93quoted\x94\r\nline"), uint8(1))
	f.Add([]byte("\xff\xfeh\x00i\x00\r\x00\n\x00"), uint8(1))
	f.Add([]byte("\xfe\xff\x00h\x00i\xd8\x00"), uint8(0))
	f.Add([]byte("<html><body><p>The 28-point plan</p><script>x</script></body></html>"), uint8(2))
	f.Add([]byte("# Title\n\n- item *one*\n- [link](http://x)\n```\ncode\n```\n"), uint8(3))
	f.Add([]byte("\xef\xbb\xbfplain \xc3"), uint8(1))
	names := []string{"a", "a.txt", "a.html", "a.md"}
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		name := names[int(which)%len(names)]
		txt, err := LoadReader(name, bytes.NewReader(data), Options{MaxBytes: 1 << 20})
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %T %v is not an *InputError", err, err)
			}
			if ie.Msg == "" || strings.ContainsAny(ie.Msg, "\n\r") {
				t.Fatalf("error message %q is not one line", ie.Msg)
			}
			return
		}
		if !utf8.ValidString(txt.Body) {
			t.Fatalf("body is not valid UTF-8: %q", txt.Body)
		}
		if strings.ContainsRune(txt.Body, '\r') {
			t.Fatalf("body keeps a carriage return: %q", txt.Body)
		}
		if isBlank(txt.Body) {
			t.Fatalf("blank body returned without an error for %q", data)
		}
		for _, w := range txt.Warnings {
			if w == "" || strings.ContainsAny(w, "\n\r") {
				t.Fatalf("warning %q is not one line", w)
			}
		}
	})
}
