package report

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"net/url"
	"path/filepath"
	"strings"
)

func init() { printers["sarif"] = newSARIFPrinter }

// SARIF 2.1.0 (OASIS Static Analysis Results Interchange Format): the
// format GitHub code scanning and most CI tools ingest, so plan mentions
// show as annotations on the articles. See docs/ci.md.
const (
	sarifVersion = "2.1.0"
	sarifSchema  = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifInfoURI = "https://github.com/plancheck/plancheck"
)

// sarifPrinter writes one SARIF log with one run: an artifact per
// article, a result (level "note", ruleId the clause id) per mention
// located at its first evidence sentence (the others as related
// locations), the catalog's points as the driver's rules, and articles
// that could not be scored as tool execution notifications.
//
// Artifacts are streamed as articles arrive; results follow them in the
// document, so they are held, encoded, until End (SARIF consumers take at
// most tens of thousands of results per run anyway). Rules come from the
// summary's points, which list the whole catalog, so the driver is
// written last: JSON members have no order.
type sarifPrinter struct {
	w       io.Writer
	begun   bool
	ended   bool
	tool    Tool
	cat     Catalog
	n       int          // artifacts written
	results bytes.Buffer // encoded results, comma-separated
	nres    int
	notes   []sarifNotification
	seen    map[string]PointSummary // clauses of the results, for rules
	scratch bytes.Buffer
	err     error
}

func newSARIFPrinter(w io.Writer, _ Options) Printer {
	return &sarifPrinter{w: w, seen: map[string]PointSummary{}}
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
	Index     *int   `json:"index,omitempty"`
}

type sarifArtifact struct {
	Location   sarifArtifactLocation `json:"location"`
	Length     int                   `json:"length,omitempty"`
	Properties map[string]any        `json:"properties,omitempty"`
}

type sarifRegion struct {
	StartLine  int           `json:"startLine,omitempty"`
	ByteOffset int           `json:"byteOffset"`
	ByteLength int           `json:"byteLength"`
	Snippet    *sarifMessage `json:"snippet,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           *sarifRegion          `json:"region,omitempty"`
}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifMessage         `json:"message,omitempty"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	Level            string          `json:"level"`
	Message          sarifMessage    `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Properties       map[string]any  `json:"properties"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name,omitempty"`
	ShortDescription     sarifMessage   `json:"shortDescription"`
	DefaultConfiguration map[string]any `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties"`
}

type sarifNotification struct {
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
}

func (p *sarifPrinter) Begin(tool Tool, cat Catalog) error {
	if p.begun {
		return p.err
	}
	p.begun = true
	p.tool, p.cat = tool, cat
	p.write("{\n  \"$schema\": \"" + sarifSchema + "\",\n  \"version\": \"" + sarifVersion + "\",\n  \"runs\": [\n    {\n      \"artifacts\": [")
	return p.err
}

func (p *sarifPrinter) Article(a *Article) error {
	if !p.begun {
		p.Begin(Tool{}, Catalog{})
	}
	if p.err != nil {
		return p.err
	}
	idx := p.n
	loc := sarifLocationOf(a.Path, &idx)
	art := sarifArtifact{Location: loc, Length: a.Bytes, Properties: map[string]any{}}
	if a.Error != "" {
		art.Properties["error"] = a.Error
	} else {
		art.Properties["planContext"] = a.PlanContext
		art.Properties["coverage"] = finite(a.Coverage)
		art.Properties["mentions"] = len(a.Mentions)
	}
	if p.n > 0 {
		p.write(",")
	}
	p.write("\n        ")
	p.value(art, "        ")
	p.n++

	if a.Error != "" {
		p.notes = append(p.notes, sarifNotification{
			Level:     "error",
			Message:   sarifMessage{Text: a.Path + ": " + a.Error},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: loc}}},
		})
		return p.err
	}
	for i := range a.Mentions {
		m := &a.Mentions[i]
		if _, ok := p.seen[m.Clause]; !ok {
			p.seen[m.Clause] = PointSummary{Point: m.Point, Clause: m.Clause, Theme: m.Theme, Title: m.Title}
		}
		r := sarifResult{
			RuleID:  m.Clause,
			Level:   "note",
			Message: sarifMessage{Text: sarifResultText(m)},
			Properties: map[string]any{
				"point": m.Point, "theme": m.Theme, "score": finite(m.Score), "planContext": a.PlanContext,
			},
		}
		if st := stanceOf(m); st != "" {
			r.Properties["stance"] = st
		}
		for j, e := range m.Evidence {
			l := sarifLocation{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: loc,
				Region: &sarifRegion{
					StartLine: e.Line, ByteOffset: e.Start, ByteLength: max(e.End-e.Start, 0),
					Snippet: &sarifMessage{Text: e.Text},
				},
			}}
			if j == 0 {
				r.Locations = append(r.Locations, l)
				continue
			}
			id := j
			l.ID = &id
			l.Message = &sarifMessage{Text: fmt.Sprintf("evidence %d of %d", j+1, len(m.Evidence))}
			r.RelatedLocations = append(r.RelatedLocations, l)
		}
		if len(r.Locations) == 0 {
			r.Locations = []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{ArtifactLocation: loc}}}
		}
		p.scratch.Reset()
		if err := marshalTo(&p.scratch, r, "        ", "  "); err != nil {
			return fmt.Errorf("%s: %w", a.Path, err)
		}
		if p.nres > 0 {
			p.results.WriteString(",")
		}
		p.results.WriteString("\n        ")
		p.results.Write(p.scratch.Bytes())
		p.nres++
	}
	return p.err
}

// End writes the results, the driver with its rules, the invocation and
// closes the log. It can be called without Begin and still writes a valid
// log.
func (p *sarifPrinter) End(s *Summary) error {
	if p.ended {
		return p.err
	}
	if !p.begun {
		p.Begin(Tool{}, Catalog{})
	}
	p.ended = true
	if p.n > 0 {
		p.write("\n      ")
	}
	p.write("],\n      \"results\": [")
	if p.nres > 0 && p.err == nil {
		_, p.err = p.w.Write(p.results.Bytes())
		p.write("\n      ")
	}
	p.write("],\n      \"tool\": ")

	name := p.tool.Name
	if name == "" {
		name = "plancheck"
	}
	driver := map[string]any{
		"name":           name,
		"informationUri": sarifInfoURI,
		"rules":          p.rules(s),
	}
	if p.tool.Version != "" {
		driver["version"] = p.tool.Version
	}
	p.value(map[string]any{"driver": driver}, "      ")

	inv := map[string]any{"executionSuccessful": len(p.notes) == 0}
	if len(p.notes) > 0 {
		inv["toolExecutionNotifications"] = p.notes
	}
	p.write(",\n      \"invocations\": ")
	p.value([]any{inv}, "      ")
	if p.cat.ID != "" || p.cat.Hash != "" {
		p.write(",\n      \"properties\": ")
		p.value(map[string]any{"catalog": p.cat}, "      ")
	}
	p.write("\n    }\n  ]\n}\n")
	return p.err
}

// rules lists the catalog's points (the summary's, plus any clause a
// result named that the summary does not list), in point order.
func (p *sarifPrinter) rules(s *Summary) []sarifRule {
	var points []PointSummary
	listed := map[string]bool{}
	if s != nil {
		for _, ps := range s.Points {
			if ps.Clause != "" && !listed[ps.Clause] {
				listed[ps.Clause] = true
				points = append(points, ps)
			}
		}
	}
	for clause, ps := range p.seen {
		if !listed[clause] {
			listed[clause] = true
			points = append(points, ps)
		}
	}
	sortPoints(points)
	rules := make([]sarifRule, 0, len(points))
	for _, ps := range points {
		title := ps.Title
		if title == "" {
			title = ps.Clause
		}
		rules = append(rules, sarifRule{
			ID:                   ps.Clause,
			Name:                 fmt.Sprintf("Point%d", ps.Point),
			ShortDescription:     sarifMessage{Text: fmt.Sprintf("Point %d: %s", ps.Point, title)},
			DefaultConfiguration: map[string]any{"level": "note"},
			Properties:           map[string]any{"point": ps.Point, "theme": ps.Theme, "tags": []string{"plan-point", ps.Theme}},
		})
	}
	return rules
}

func sortPoints(ps []PointSummary) {
	for i := 1; i < len(ps); i++ {
		for j := i; j > 0 && (ps[j].Point < ps[j-1].Point || ps[j].Point == ps[j-1].Point && ps[j].Clause < ps[j-1].Clause); j-- {
			ps[j], ps[j-1] = ps[j-1], ps[j]
		}
	}
}

// sarifResultText is a result's message: "Point 21 (territory): Crimea,
// Luhansk, Donetsk recognised as Russian; stance: critical".
func sarifResultText(m *Mention) string {
	s := fmt.Sprintf("Point %d (%s): %s", m.Point, m.Theme, mentionTitle(m))
	if st := stanceOf(m); st != "" {
		s += "; stance: " + st
	}
	return s
}

// sarifLocationOf is the artifact location of path: a relative URI
// against the source root, or a file: URI for an absolute path.
func sarifLocationOf(path string, index *int) sarifArtifactLocation {
	p := filepath.ToSlash(path)
	if strings.HasPrefix(p, "/") {
		return sarifArtifactLocation{URI: (&url.URL{Scheme: "file", Path: p}).String(), Index: index}
	}
	p = strings.TrimPrefix(p, "./")
	uri := (&url.URL{Path: p}).EscapedPath()
	if first, _, _ := strings.Cut(uri, "/"); strings.Contains(first, ":") {
		uri = "./" + uri // not a scheme
	}
	return sarifArtifactLocation{URI: uri, URIBaseID: "%SRCROOT%", Index: index}
}

// finite returns f, or 0 for NaN and infinities, which JSON cannot hold.
func finite(f float64) float64 {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

func (p *sarifPrinter) write(s string) {
	if p.err == nil {
		_, p.err = io.WriteString(p.w, s)
	}
}

func (p *sarifPrinter) value(v any, prefix string) {
	if p.err != nil {
		return
	}
	p.scratch.Reset()
	if p.err = marshalTo(&p.scratch, v, prefix, "  "); p.err != nil {
		return
	}
	_, p.err = p.w.Write(p.scratch.Bytes())
}
