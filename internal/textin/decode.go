package textin

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"
)

// sniffLen is how much of the start of a file the binary checks look at.
const sniffLen = 8 << 10

const (
	warnLatin1   = "not valid UTF-8; decoded as Windows-1252 (Latin-1)"
	warnUTF16Odd = "UTF-16 text has an odd number of bytes; the last byte was dropped"
)

type magic struct {
	at   int
	sig  string
	what string
}

// magics are the signatures of common binary formats that a user might
// point plancheck at by mistake. Signatures that printable text could start
// with (BMP's "BM", DOS's "MZ") are left to the NUL-byte check.
var magics = []magic{
	{0, "\x89PNG\r\n\x1a\n", "PNG image"},
	{0, "\xff\xd8\xff", "JPEG image"},
	{0, "GIF87a", "GIF image"},
	{0, "GIF89a", "GIF image"},
	{0, "%PDF-", "PDF document"},
	{0, "PK\x03\x04", "ZIP archive; .docx, .odt and .epub are ZIP too"},
	{0, "PK\x05\x06", "ZIP archive"},
	{0, "\x1f\x8b", "gzip archive"},
	{0, "BZh", "bzip2 archive"}, // checked with bzip2Block below
	{0, "\xfd7zXZ\x00", "xz archive"},
	{0, "7z\xbc\xaf\x27\x1c", "7-Zip archive"},
	{0, "Rar!\x1a\x07", "RAR archive"},
	{0, "\x28\xb5\x2f\xfd", "zstd archive"},
	{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document, e.g. .doc"},
	{0, "\x7fELF", "ELF executable"},
	{0, "\xca\xfe\xba\xbe", "Java class or Mach-O executable"},
	{0, "\xcf\xfa\xed\xfe", "Mach-O executable"},
	{0, "\x00asm", "WebAssembly module"},
	{0, "SQLite format 3\x00", "SQLite database"},
	{0, "II*\x00", "TIFF image"},
	{0, "MM\x00*", "TIFF image"},
	{0, "ID3", "MP3 audio"}, // checked with id3Version below
	{0, "OggS", "Ogg audio/video"},
	{0, "fLaC", "FLAC audio"},
	{0, "\x1aE\xdf\xa3", "Matroska/WebM video"},
	{0, "\x00\x00\x01\x00", "icon image"},
	{0, "wOFF", "web font"},
	{0, "wOF2", "web font"},
}

// binaryKind names the binary format of data, or returns "" for text.
func binaryKind(data []byte) string {
	for _, m := range magics {
		if !bytes.HasPrefix(data[m.at:], []byte(m.sig)) {
			continue
		}
		switch m.sig {
		case "BZh": // "BZh" + block size digit + block magic
			if len(data) < 10 || data[3] < '1' || data[3] > '9' || string(data[4:10]) != "1AY&SY" {
				continue
			}
		case "ID3": // "ID3" + major version byte 2..4
			if len(data) < 4 || data[3] < 2 || data[3] > 4 {
				continue
			}
		}
		return m.what
	}
	if len(data) >= 12 && string(data[:4]) == "RIFF" {
		switch string(data[8:12]) {
		case "WEBP":
			return "WebP image"
		case "WAVE":
			return "WAV audio"
		case "AVI ":
			return "AVI video"
		}
	}
	if len(data) >= 12 && string(data[4:8]) == "ftyp" {
		switch string(data[8:12]) {
		case "avif", "avis", "heic", "heix", "mif1":
			return "AVIF/HEIF image"
		}
		return "MP4/QuickTime video"
	}
	head := data[:min(len(data), sniffLen)]
	if bytes.IndexByte(head, 0) >= 0 {
		return "contains NUL bytes"
	}
	// Legacy text has few control characters besides tab, line breaks,
	// form feed and escape; binary data has many.
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
			ctl++
		}
	}
	if ctl > 8 && ctl*20 > len(head) {
		return "control characters"
	}
	return ""
}

// decode turns raw bytes into UTF-8 text. BOMs are stripped; UTF-16 is
// decoded; text that is not valid UTF-8 is decoded as its <meta charset>
// (HTML only) or as Windows-1252. The returned error has no Path.
func decode(data []byte, isHTML bool) (string, []string, *InputError) {
	switch {
	case bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		data = data[3:]
	case bytes.HasPrefix(data, []byte("\xff\xfe\x00\x00")), bytes.HasPrefix(data, []byte("\x00\x00\xfe\xff")):
		return "", nil, inputErr("", ErrEncoding, "UTF-32 text is not supported; save it as UTF-8")
	case bytes.HasPrefix(data, []byte("\xff\xfe")):
		s, w := decodeUTF16(data[2:], false)
		return s, w, nil
	case bytes.HasPrefix(data, []byte("\xfe\xff")):
		s, w := decodeUTF16(data[2:], true)
		return s, w, nil
	}
	if kind := binaryKind(data); kind != "" {
		if kind == "contains NUL bytes" {
			if be, ok := bomlessUTF16(data); ok {
				s, w := decodeUTF16(data, be)
				name := "UTF-16LE"
				if be {
					name = "UTF-16BE"
				}
				return s, append(w, "no byte-order mark; decoded as "+name), nil
			}
		}
		return "", nil, inputErr("", ErrBinary, "binary file (%s), not text", kind)
	}
	if utf8.Valid(data) {
		return bytesToString(data), nil, nil
	}
	if isHTML {
		if enc, name, _ := charset.DetermineEncoding(data, ""); enc != nil && name != "utf-8" && name != "windows-1252" {
			if out, err := enc.NewDecoder().Bytes(data); err == nil {
				return bytesToString(out), nil, nil
			}
		}
	}
	if valid, invalid := utf8Counts(data); valid > 0 && valid >= invalid {
		// Mostly UTF-8 with a few broken bytes (a truncated or spliced
		// file): decoding it all as Windows-1252 would garble the rest.
		return strings.ToValidUTF8(bytesToString(data), "\ufffd"),
			[]string{fmt.Sprintf("%d invalid UTF-8 byte sequence(s) replaced with U+FFFD", invalid)}, nil
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(data)
	if err != nil { // cannot happen: every byte maps to a rune
		return "", nil, inputErr("", ErrEncoding, "cannot decode: %v", err)
	}
	return bytesToString(out), []string{warnLatin1}, nil
}

// utf8Counts counts the valid multi-byte UTF-8 sequences and the invalid
// sequences in data.
func utf8Counts(data []byte) (valid, invalid int) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	return valid, invalid
}

// bomlessUTF16 recognises UTF-16 without a byte-order mark in the common
// case of mostly Latin-script text, where every other byte is zero.
func bomlessUTF16(data []byte) (bigEndian, ok bool) {
	head := data[:min(len(data), sniffLen)&^1]
	if len(head) < 16 {
		return false, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < len(head); i += 2 {
		if head[i] == 0 {
			zeroEven++
		}
		if head[i+1] == 0 {
			zeroOdd++
		}
	}
	half := len(head) / 2
	switch {
	case zeroOdd*10 >= half*9 && zeroEven*20 <= half:
		return false, true
	case zeroEven*10 >= half*9 && zeroOdd*20 <= half:
		return true, true
	}
	return false, false
}

// decodeUTF16 decodes UTF-16 text; unpaired surrogates become U+FFFD.
func decodeUTF16(data []byte, bigEndian bool) (string, []string) {
	var warns []string
	if len(data)%2 == 1 {
		data = data[:len(data)-1]
		warns = append(warns, warnUTF16Odd)
	}
	out := make([]byte, 0, len(data)+len(data)/2)
	for i := 0; i < len(data); i += 2 {
		u := unit(data, i, bigEndian)
		r := rune(u)
		if utf16.IsSurrogate(r) {
			r = utf8.RuneError
			if u < 0xdc00 && i+3 < len(data) {
				if r2 := utf16.DecodeRune(rune(u), rune(unit(data, i+2, bigEndian))); r2 != utf8.RuneError {
					r = r2
					i += 2
				}
			}
		}
		out = utf8.AppendRune(out, r)
	}
	return bytesToString(out), warns
}

func unit(data []byte, i int, bigEndian bool) uint16 {
	if bigEndian {
		return uint16(data[i])<<8 | uint16(data[i+1])
	}
	return uint16(data[i+1])<<8 | uint16(data[i])
}

// looksLikeHTML reports whether text starts like an HTML document or
// fragment (after white space and comments are skipped).
func looksLikeHTML(s string) bool {
	s = strings.TrimLeft(s[:min(len(s), 4096)], " \t\r\n\f\ufeff")
	for strings.HasPrefix(s, "<!--") {
		end := strings.Index(s, "-->")
		if end < 0 {
			return false
		}
		s = strings.TrimLeft(s[end+3:], " \t\r\n\f")
	}
	if strings.HasPrefix(s, "<?xml") {
		return strings.Contains(strings.ToLower(s), "<html")
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<meta", "<title",
		"<article", "<main", "<div", "<p", "<h1", "<h2", "<table", "<script", "<style", "<section", "<link"} {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			c := s[len(p)]
			if c == '>' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '/' {
				return true
			}
		}
	}
	return false
}
