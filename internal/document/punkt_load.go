package document

import (
	"bytes"
	"strconv"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/data"
)

// loadEnglishPunkt reads the English Punkt model that
// english.NewSentenceTokenizer(nil) would load, faster: the model is a
// 400 KB JSON object of four string -> int maps (20,000 entries), which
// encoding/json takes 6-9 ms to decode by reflection and parseStorage a
// fraction of that. A model it does not expect goes to
// sentences.LoadTraining instead.
func loadEnglishPunkt() (*sentences.Storage, error) {
	b, err := data.Asset("data/english.json")
	if err != nil {
		return nil, err
	}
	if st, ok := parseStorage(b); ok {
		return st, nil
	}
	return sentences.LoadTraining(b)
}

// parseStorage parses {"Name": {"key": 12, ...}, ...} for the four maps
// of a sentences.Storage. It reports false for anything else (escapes,
// other keys, non-integer values), for the caller to fall back on
// encoding/json.
func parseStorage(b []byte) (*sentences.Storage, bool) {
	if bytes.IndexByte(b, '\\') >= 0 {
		return nil, false
	}
	n := bytes.Count(b, []byte{':'})
	st := &sentences.Storage{
		AbbrevTypes:  sentences.SetString{},
		Collocations: sentences.SetString{},
		SentStarters: sentences.SetString{},
		OrthoContext: make(sentences.SetString, n),
	}
	p := storageParser{b: b}
	if !p.byte('{') {
		return nil, false
	}
	for first := true; ; first = false {
		if p.byte('}') {
			return st, p.end()
		}
		if !first && !p.byte(',') {
			return nil, false
		}
		name, ok := p.str()
		if !ok || !p.byte(':') || !p.byte('{') {
			return nil, false
		}
		var m sentences.SetString
		switch name {
		case "AbbrevTypes":
			m = st.AbbrevTypes
		case "Collocations":
			m = st.Collocations
		case "SentStarters":
			m = st.SentStarters
		case "OrthoContext":
			m = st.OrthoContext
		default:
			return nil, false
		}
		for inner := true; ; inner = false {
			if p.byte('}') {
				break
			}
			if !inner && !p.byte(',') {
				return nil, false
			}
			k, ok := p.str()
			if !ok || !p.byte(':') {
				return nil, false
			}
			v, ok := p.int()
			if !ok {
				return nil, false
			}
			m[k] = v
		}
	}
}

type storageParser struct {
	b []byte
	i int
}

func (p *storageParser) space() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\n' || p.b[p.i] == '\r' || p.b[p.i] == '\t') {
		p.i++
	}
}

// byte consumes c (after white space) if it is next.
func (p *storageParser) byte(c byte) bool {
	p.space()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *storageParser) end() bool {
	p.space()
	return p.i == len(p.b)
}

func (p *storageParser) str() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	j := bytes.IndexByte(p.b[p.i:], '"')
	if j < 0 {
		return "", false
	}
	s := string(p.b[p.i : p.i+j])
	p.i += j + 1
	return s, true
}

func (p *storageParser) int() (int, bool) {
	p.space()
	j := p.i
	for j < len(p.b) && (p.b[j] >= '0' && p.b[j] <= '9' || j == p.i && p.b[j] == '-') {
		j++
	}
	v, err := strconv.Atoi(string(p.b[p.i:j]))
	if err != nil {
		return 0, false
	}
	p.i = j
	return v, true
}
