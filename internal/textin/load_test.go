package textin

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

func writeFile(t testing.TB, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var b []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xfeff}, units...)
	}
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func TestLoadDecoding(t *testing.T) {
	pngHeader := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10")
	tests := []struct {
		name    string
		file    string
		data    []byte
		opts    Options
		body    string // expected Body when wantErr is ""
		format  string
		warns   []string
		wantErr string // expected message (without path)
		cause   error
	}{
		{name: "plain UTF-8", file: "a.txt", data: []byte("Ukraine’s army\nwill be capped.\n"),
			body: "Ukraine’s army\nwill be capped.\n", format: "text"},
		{name: "UTF-8 BOM stripped", file: "a.txt", data: []byte("\xef\xbb\xbfHello\n"),
			body: "Hello\n", format: "text"},
		{name: "CRLF and CR normalised", file: "a.txt", data: []byte("one\r\ntwo\rthree\r\n\r\nfour"),
			body: "one\ntwo\nthree\n\nfour", format: "text"},
		{name: "UTF-16LE with BOM", file: "a.txt", data: utf16Bytes("Zelensky said “no” 🇺🇦\r\nok", false, true),
			body: "Zelensky said “no” 🇺🇦\nok", format: "text"},
		{name: "UTF-16BE with BOM", file: "a.txt", data: utf16Bytes("Київ and Kyiv\n", true, true),
			body: "Київ and Kyiv\n", format: "text"},
		{name: "UTF-16LE without BOM", file: "a.txt", data: utf16Bytes("A long enough line of ASCII text.", false, false),
			body: "A long enough line of ASCII text.", format: "text", warns: []string{"no byte-order mark; decoded as UTF-16LE"}},
		{name: "UTF-16 odd length", file: "a.txt", data: append(utf16Bytes("Hi there", false, true), 'x'),
			body: "Hi there", format: "text", warns: []string{warnUTF16Odd}},
		{name: "Latin-1 decoded as Windows-1252", file: "a.txt", data: []byte("Caf\xe9 \x93quoted\x94 na\xefve \x80 5"),
			body: "Café “quoted” naïve € 5", format: "text", warns: []string{warnLatin1}},
		{name: "mostly UTF-8 with a broken byte", file: "a.txt", data: []byte("Zelensky’s “plan” and Dmitriev’s \xff view"),
			body: "Zelensky’s “plan” and Dmitriev’s \ufffd view", format: "text",
			warns: []string{"1 invalid UTF-8 byte sequence(s) replaced with U+FFFD"}},
		{name: "empty", file: "a.txt", data: []byte{},
			wantErr: "empty file: no text to score", cause: ErrEmpty},
		{name: "whitespace only", file: "a.txt", data: []byte(" \n\t\r\n  \u00a0 \n"),
			wantErr: "empty file: no text to score", cause: ErrEmpty},
		{name: "BOM only", file: "a.txt", data: []byte("\xef\xbb\xbf\n"),
			wantErr: "empty file: no text to score", cause: ErrEmpty},
		{name: "UTF-16 BOM only", file: "a.txt", data: []byte("\xff\xfe"),
			wantErr: "empty file: no text to score", cause: ErrEmpty},
		{name: "PNG named .txt", file: "photo.txt", data: pngHeader,
			wantErr: "binary file (PNG image), not text", cause: ErrBinary},
		{name: "JPEG", file: "a.txt", data: []byte("\xff\xd8\xff\xe0\x00\x10JFIF"),
			wantErr: "binary file (JPEG image), not text", cause: ErrBinary},
		{name: "GIF", file: "a.txt", data: []byte("GIF89a\x01\x00\x01\x00"),
			wantErr: "binary file (GIF image), not text", cause: ErrBinary},
		{name: "PDF", file: "a.txt", data: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
			wantErr: "binary file (PDF document), not text", cause: ErrBinary},
		{name: "ZIP (docx)", file: "a.md", data: []byte("PK\x03\x04\x14\x00\x06\x00"),
			wantErr: "binary file (ZIP archive; .docx, .odt and .epub are ZIP too), not text", cause: ErrBinary},
		{name: "gzip", file: "a.txt", data: []byte("\x1f\x8b\x08\x00\x00\x00\x00\x00"),
			wantErr: "binary file (gzip archive), not text", cause: ErrBinary},
		{name: "WebP", file: "a.html", data: []byte("RIFF\x24\x00\x00\x00WEBPVP8 "),
			wantErr: "binary file (WebP image), not text", cause: ErrBinary},
		{name: "NUL bytes", file: "a.txt", data: []byte("text\x00\x01\x02\x03more\x00"),
			wantErr: "binary file (contains NUL bytes), not text", cause: ErrBinary},
		{name: "control characters", file: "a.txt", data: bytes.Repeat([]byte("\x01\x02\x03\x04ab"), 10),
			wantErr: "binary file (control characters), not text", cause: ErrBinary},
		{name: "UTF-32", file: "a.txt", data: []byte("\xff\xfe\x00\x00H\x00\x00\x00"),
			wantErr: "UTF-32 text is not supported; save it as UTF-8", cause: ErrEncoding},
		{name: "text starting with BZh is text", file: "a.txt", data: []byte("BZh, said the bee"),
			body: "BZh, said the bee", format: "text"},
		{name: "over MaxBytes", file: "a.txt", data: bytes.Repeat([]byte("x"), 2000), opts: Options{MaxBytes: 1000},
			wantErr: "file is 2.0 KiB, over the 1000 bytes limit (--max-bytes)", cause: ErrTooLarge},
		{name: "exactly MaxBytes", file: "a.txt", data: bytes.Repeat([]byte("x"), 1000), opts: Options{MaxBytes: 1000},
			body: strings.Repeat("x", 1000), format: "text"},
		{name: "negative MaxBytes is unlimited", file: "a.txt", data: []byte("ok"), opts: Options{MaxBytes: -1},
			body: "ok", format: "text"},
		{name: "unknown extension sniffed as HTML", file: "page", data: []byte("<!DOCTYPE html><p>Hi <b>there</b></p>"),
			body: "Hi there", format: "html"},
		{name: "unknown extension sniffed as text", file: "notes.log", data: []byte("a < b\n"),
			body: "a < b\n", format: "text"},
		{name: ".txt holding HTML stays text", file: "a.txt", data: []byte("<html><p>x</p></html>"),
			body: "<html><p>x</p></html>", format: "text"},
		{name: "HTML without visible text", file: "a.html", data: []byte("<html><head><script>x()</script></head><body><nav>Menu</nav></body></html>"),
			wantErr: "HTML page has no visible article text", cause: ErrEmpty},
		{name: "HTML meta charset windows-1251", file: "a.htm",
			data: []byte("<html><head><meta charset=\"windows-1251\"></head><body><p>\xca\xe8\xe5\xe2</p></body></html>"),
			body: "Киев", format: "html"},
		{name: "markdown by extension", file: "a.markdown", data: []byte("# Head\r\n\r\nSome *text*\r\nwrapped.\r\n"),
			body: "Head\nSome text wrapped.", format: "markdown"},
		{name: "extension case-insensitive", file: "A.HTML", data: []byte("<p>x &amp; y</p>"),
			body: "x & y", format: "html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tt.file, tt.data)
			got, err := Load(p, tt.opts)
			if tt.wantErr != "" {
				if err == nil {
					t.Fatalf("Load = %q, want error %q", got.Body, tt.wantErr)
				}
				var ie *InputError
				if !errors.As(err, &ie) {
					t.Fatalf("error %T %v is not an *InputError", err, err)
				}
				if ie.Path != p || ie.Msg != tt.wantErr {
					t.Errorf("error = {%q, %q}, want {%q, %q}", ie.Path, ie.Msg, p, tt.wantErr)
				}
				if err.Error() != p+": "+tt.wantErr {
					t.Errorf("Error() = %q", err.Error())
				}
				if strings.Contains(ie.Msg, p) {
					t.Errorf("message repeats the path: %q", ie.Msg)
				}
				if tt.cause != nil && !errors.Is(err, tt.cause) {
					t.Errorf("errors.Is(err, %v) = false", tt.cause)
				}
				return
			}
			if err != nil {
				t.Fatalf("Load: %v", err)
			}
			if got.Body != tt.body {
				t.Errorf("Body = %q, want %q", got.Body, tt.body)
			}
			if got.Format != tt.format {
				t.Errorf("Format = %q, want %q", got.Format, tt.format)
			}
			if got.Path != p {
				t.Errorf("Path = %q, want %q", got.Path, p)
			}
			if !equalStrings(got.Warnings, tt.warns) {
				t.Errorf("Warnings = %q, want %q", got.Warnings, tt.warns)
			}
			if !utf8.ValidString(got.Body) || strings.Contains(got.Body, "\r") {
				t.Errorf("Body is not clean UTF-8 with \\n endings: %q", got.Body)
			}
		})
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLoadPathErrors(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.txt")
	_, err := Load(missing, Options{})
	if err == nil || err.Error() != missing+": no such file or directory" {
		t.Errorf("missing file: %v", err)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: errors.Is(err, fs.ErrNotExist) = false")
	}
	_, err = Load(dir, Options{})
	if err == nil || err.Error() != dir+": is a directory" {
		t.Errorf("directory: %v", err)
	}
}

// A file over the limit is refused from its size alone: nothing is read.
func TestLoadTooLargeReadsNothing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(50 << 20); err != nil { // sparse: cheap to make
		t.Fatal(err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = Load(p, Options{})
	runtime.ReadMemStats(&after)
	want := p + ": file is 50.0 MiB, over the 20.0 MiB limit (--max-bytes)"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %q", err, want)
	}
	if !errors.Is(err, ErrTooLarge) {
		t.Error("errors.Is(err, ErrTooLarge) = false")
	}
	if d := after.TotalAlloc - before.TotalAlloc; d > 1<<20 {
		t.Errorf("allocated %d bytes to refuse a file by size", d)
	}
}

func TestLoadEnormousLine(t *testing.T) {
	line := strings.Repeat("peace plan point ", 5<<20/17+1) // > 5 MB, no newline
	p := writeFile(t, t.TempDir(), "long.txt", []byte(line))
	got, err := Load(p, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Body != line {
		t.Errorf("Body has %d bytes, want %d", len(got.Body), len(line))
	}
	// The same line as Markdown and as HTML goes through the line-based
	// converters.
	p = writeFile(t, t.TempDir(), "long.md", []byte(line))
	if got, err = Load(p, Options{}); err != nil || got.Body != strings.TrimSpace(line) {
		t.Errorf("markdown: err %v, %d bytes", err, len(got.Body))
	}
	p = writeFile(t, t.TempDir(), "long.html", []byte("<p>"+line+"</p>"))
	if got, err = Load(p, Options{}); err != nil || got.Body != strings.TrimSpace(line) {
		t.Errorf("html: err %v, %d bytes", err, len(got.Body))
	}
}

// countingReader counts the bytes handed out.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// endless yields 'a' forever.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

func TestLoadReader(t *testing.T) {
	tests := []struct {
		name, input, body, format, wantErr string
	}{
		{name: "text", input: "plain text\r\n", body: "plain text\n", format: "text"},
		{name: "doctype sniffed", input: "\n  <!doctype html><title>T</title><p>Body text</p>", body: "T\nBody text", format: "html"},
		{name: "html tag sniffed", input: "<HTML><body><p>x</p></body></HTML>", body: "x", format: "html"},
		{name: "comment then html", input: "<!-- saved page --><html><p>y</p></html>", body: "y", format: "html"},
		{name: "angle bracket text", input: "<not html> really", body: "<not html> really", format: "text"},
		{name: "empty", input: "", wantErr: StdinName + ": empty file: no text to score"},
		{name: "binary", input: "\x89PNG\r\n\x1a\n\x00\x00", wantErr: StdinName + ": binary file (PNG image), not text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LoadReader(StdinName, strings.NewReader(tt.input), Options{})
			if tt.wantErr != "" {
				if err == nil || err.Error() != tt.wantErr {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Body != tt.body || got.Format != tt.format || got.Path != StdinName {
				t.Errorf("got {%q %q %q}, want {%q %q %q}", got.Path, got.Body, got.Format, StdinName, tt.body, tt.format)
			}
		})
	}

	t.Run("name picks format", func(t *testing.T) {
		got, err := LoadReader("x.md", strings.NewReader("**bold**"), Options{})
		if err != nil || got.Body != "bold" || got.Format != "markdown" {
			t.Errorf("got %+v, %v", got, err)
		}
	})

	t.Run("limit stops reading", func(t *testing.T) {
		cr := &countingReader{r: endless{}}
		_, err := LoadReader(StdinName, cr, Options{MaxBytes: 100 << 10})
		want := StdinName + ": input is over the 100.0 KiB limit (--max-bytes)"
		if err == nil || err.Error() != want {
			t.Fatalf("err = %v, want %q", err, want)
		}
		if cr.n != 100<<10+1 {
			t.Errorf("read %d bytes, want limit+1 = %d", cr.n, 100<<10+1)
		}
	})
}

func TestLoadStdin(t *testing.T) {
	p := writeFile(t, t.TempDir(), "in", []byte("<!DOCTYPE html><html><body><p>From stdin</p></body></html>"))
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	old := os.Stdin
	os.Stdin = f
	defer func() { os.Stdin = old }()
	got, err := Load("-", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Path != StdinName || got.Body != "From stdin" || got.Format != "html" {
		t.Errorf("got %+v", got)
	}
}

func TestInputErrorFormat(t *testing.T) {
	e := &InputError{Path: "seeds/a.txt", Msg: "empty file: no text to score"}
	if e.Error() != "seeds/a.txt: empty file: no text to score" {
		t.Errorf("Error() = %q", e.Error())
	}
	if (&InputError{Msg: "m"}).Error() != "m" {
		t.Error("no path: want the bare message")
	}
}

func TestHumanSize(t *testing.T) {
	for n, want := range map[int64]string{
		0: "0 bytes", 1: "1 byte", 1023: "1023 bytes", 1024: "1.0 KiB",
		20 << 20: "20.0 MiB", 50 << 20: "50.0 MiB", 52_428_800 + 400<<10: "50.4 MiB", 3 << 30: "3.0 GiB",
	} {
		if got := humanSize(n); got != want {
			t.Errorf("humanSize(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestNormalizeNewlines(t *testing.T) {
	for in, want := range map[string]string{
		"": "", "a": "a", "a\nb": "a\nb", "a\r\nb": "a\nb", "a\rb": "a\nb",
		"\r\r\n\r": "\n\n\n", "x\r": "x\n", "\r\n\r\n": "\n\n",
	} {
		if got := normalizeNewlines(in); got != want {
			t.Errorf("normalizeNewlines(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkLoadText(b *testing.B) {
	p := writeFile(b, b.TempDir(), "a.txt", bytes.Repeat([]byte("The plan caps Ukraine's army at 600,000.\n"), 200))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(p, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
