// Package textin loads article text from files, standard input and folders.
//
// Load and LoadReader turn raw bytes into clean UTF-8 text with "\n" line
// endings: they refuse binary files, empty files and files over a size limit
// (checked before anything is read), decode UTF-16 and legacy 8-bit text, and
// reduce HTML and Markdown to their visible text with one paragraph or list
// item per line. Walk and Paths list the article files under folders.
//
// Errors are *InputError values whose message never repeats the path, so a
// caller can print err.Error() as "path: message" as it is.
package textin

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"unsafe"
)

// DefaultMaxBytes is the size limit used when Options.MaxBytes is 0.
const DefaultMaxBytes int64 = 20 << 20

// StdinName is the Path given to text read from standard input by Load("-").
const StdinName = "<stdin>"

// Formats of Text.Format.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
)

// Options controls Load and LoadReader.
type Options struct {
	// MaxBytes is the largest input accepted, in bytes; 0 means
	// DefaultMaxBytes. A negative value means no limit.
	MaxBytes int64
}

func (o Options) limit() int64 {
	if o.MaxBytes == 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// Text is one loaded article.
type Text struct {
	Path string // as given to Load, or StdinName
	// Body is the text to score: valid UTF-8, "\n" line endings, one
	// paragraph per line for HTML and Markdown input.
	Body   string
	Format string // FormatText, FormatMarkdown or FormatHTML
	// Warnings are one-line notes about lossy or guessed decoding, without
	// the path.
	Warnings []string
}

// InputError is an error about one input path. Msg never contains the path,
// and Error returns "path: msg".
type InputError struct {
	Path, Msg string
	err       error // wrapped cause, for errors.Is
}

func (e *InputError) Error() string {
	if e.Path == "" {
		return e.Msg
	}
	return e.Path + ": " + e.Msg
}

// Unwrap returns the cause: one of the Err* values of this package or an
// fs error such as fs.ErrNotExist.
func (e *InputError) Unwrap() error { return e.err }

// Causes that InputError wraps, for errors.Is.
var (
	ErrTooLarge   = errors.New("input over the size limit")
	ErrBinary     = errors.New("binary input")
	ErrEmpty      = errors.New("no text")
	ErrNoArticles = errors.New("no articles in folder")
	ErrLoop       = errors.New("symlink loop")
	ErrEncoding   = errors.New("unsupported encoding")
)

func inputErr(path string, cause error, format string, args ...any) *InputError {
	return &InputError{Path: path, Msg: fmt.Sprintf(format, args...), err: cause}
}

// fsErr turns an error from the os package into an InputError whose message
// is the bare system message ("no such file or directory"), not the
// "open x: ..." form that would repeat the path.
func fsErr(path string, err error) *InputError {
	var ie *InputError
	if errors.As(err, &ie) {
		return ie
	}
	msg := err.Error()
	var pe *fs.PathError
	var le *os.LinkError
	var se *os.SyscallError
	switch {
	case errors.As(err, &pe):
		msg = pe.Err.Error()
	case errors.As(err, &le):
		msg = le.Err.Error()
	case errors.As(err, &se):
		msg = se.Err.Error()
	}
	if errors.Is(err, syscall.EISDIR) {
		msg = "is a directory"
	}
	return &InputError{Path: path, Msg: msg, err: err}
}

// Load reads one article. path "-" reads standard input (see LoadReader).
// The format comes from the extension (.html/.htm/.xhtml, .md/.markdown),
// and is sniffed for other extensions. The size is checked with Stat before
// anything is read.
func Load(path string, opts Options) (*Text, error) {
	if path == "-" {
		return LoadReader(StdinName, os.Stdin, opts)
	}
	data, err := readFile(path, opts.limit())
	if err != nil {
		return nil, err
	}
	return load(path, data, formatOf(path))
}

// LoadReader reads one article from r; name is used as Text.Path and in
// errors, and its extension picks the format as in Load. When it has none
// that is known (as for standard input), the format is sniffed: HTML if the
// text starts like an HTML document, else plain text. At most
// Options.MaxBytes+1 bytes are read.
func LoadReader(name string, r io.Reader, opts Options) (*Text, error) {
	max := opts.limit()
	data, err := readLimited(r, 64<<10, max)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, inputErr(name, ErrTooLarge, "input is over the %s limit (--max-bytes)", humanSize(max))
		}
		return nil, fsErr(name, err)
	}
	return load(name, data, formatOf(name))
}

// checkSize refuses a regular file over max before anything is read.
func checkSize(path string, size, max int64) error {
	if max >= 0 && size > max {
		return inputErr(path, ErrTooLarge, "file is %s, over the %s limit (--max-bytes)",
			humanSize(size), humanSize(max))
	}
	return nil
}

// readErr is the InputError of a failed read of path.
func readErr(path string, err error, max int64) error {
	if errors.Is(err, ErrTooLarge) {
		return inputErr(path, ErrTooLarge, "input is over the %s limit (--max-bytes)", humanSize(max))
	}
	return fsErr(path, err)
}

// readLimited reads r to EOF into a buffer that starts with capacity hint,
// failing with ErrTooLarge as soon as more than max bytes arrive (max < 0:
// no limit). It never holds more than max+1 bytes.
func readLimited(r io.Reader, hint, max int64) ([]byte, error) {
	if max >= 0 && hint > max+1 {
		hint = max + 1
	}
	if hint < 512 {
		hint = 512
	}
	buf := make([]byte, 0, hint)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow
		}
		room := buf[len(buf):cap(buf)]
		if max >= 0 && int64(len(buf))+int64(len(room)) > max+1 {
			room = room[:max+1-int64(len(buf))]
		}
		n, err := r.Read(room)
		buf = buf[:len(buf)+n]
		if max >= 0 && int64(len(buf)) > max {
			return nil, ErrTooLarge
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// formatOf maps a file name's extension to a format; "" means sniff.
func formatOf(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml", ".shtml":
		return FormatHTML
	case ".md", ".markdown", ".mdown", ".mkd", ".mkdn":
		return FormatMarkdown
	case ".txt", ".text":
		return FormatText
	}
	return ""
}

// load turns raw bytes into a Text. data is not used after the call except
// through the returned Body, which may share its memory.
func load(path string, data []byte, format string) (*Text, error) {
	if len(data) == 0 {
		return nil, inputErr(path, ErrEmpty, "empty file: no text to score")
	}
	body, warns, err := decode(data, format == FormatHTML)
	if err != nil {
		err.Path = path
		return nil, err
	}
	if format == "" {
		format = FormatText
		if looksLikeHTML(body) {
			format = FormatHTML
		}
	}
	t := &Text{Path: path, Format: format, Warnings: warns}
	switch format {
	case FormatHTML:
		t.Body = extractHTML(body)
		if isBlank(t.Body) {
			if isBlank(body) {
				return nil, inputErr(path, ErrEmpty, "empty file: no text to score")
			}
			return nil, inputErr(path, ErrEmpty, "HTML page has no visible article text")
		}
	case FormatMarkdown:
		t.Body = stripMarkdown(normalizeNewlines(body))
	default:
		t.Body = normalizeNewlines(body)
	}
	if isBlank(t.Body) {
		return nil, inputErr(path, ErrEmpty, "empty file: no text to score")
	}
	return t, nil
}

// isBlank reports whether s has nothing but white space (ASCII space, tab,
// line breaks, no-break space, BOM).
func isBlank(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			i++
		case strings.HasPrefix(s[i:], "\u00a0"):
			i += len("\u00a0")
		case strings.HasPrefix(s[i:], "\ufeff"):
			i += len("\ufeff")
		case strings.HasPrefix(s[i:], "\u3000"):
			i += len("\u3000")
		default:
			return false
		}
	}
	return true
}

// normalizeNewlines turns "\r\n" and lone "\r" into "\n". Text without "\r"
// is returned as is, without a copy.
func normalizeNewlines(s string) string {
	i := strings.IndexByte(s, '\r')
	if i < 0 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i >= 0 {
		b = append(b, s[:i]...)
		b = append(b, '\n')
		s = s[i+1:]
		if len(s) > 0 && s[0] == '\n' {
			s = s[1:]
		}
		i = strings.IndexByte(s, '\r')
	}
	b = append(b, s...)
	return bytesToString(b)
}

// bytesToString returns b as a string without copying. The caller must not
// change b afterwards; every use here hands over a buffer it owns and drops.
func bytesToString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// humanSize formats a byte count for messages: "312 bytes", "4.0 KiB",
// "50.0 MiB".
func humanSize(n int64) string {
	switch {
	case n == 1:
		return "1 byte"
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	case n < 1<<30:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	default:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	}
}
