// Package report holds plancheck's report model (the JSON contract in
// docs/report.md) and one printer per output format.
package report

// Report is the whole output of `plancheck score`.
type Report struct {
	Tool     Tool      `json:"tool"`
	Catalog  Catalog   `json:"catalog"`
	Articles []Article `json:"articles"`
	Summary  Summary   `json:"summary"`
}

// Tool names the program that wrote the report.
type Tool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// Catalog identifies the clause catalog a report was made with; diffs
// refuse to compare reports whose catalogs differ.
type Catalog struct {
	ID     string   `json:"id"`
	Title  string   `json:"title,omitempty"`
	Hash   string   `json:"hash"`
	Points int      `json:"points"`
	Themes []string `json:"themes,omitempty"`
	Source string   `json:"source,omitempty"`
}

// Article is the result for one input.
type Article struct {
	// Path is the path as given, or as found under a given folder.
	Path string `json:"path"`
	// PlanContext is true when the article is about the plan (codebook 1).
	PlanContext bool `json:"plan_context"`
	// Context says why PlanContext was decided as it was.
	Context *ContextInfo `json:"context,omitempty"`
	// Language is the detected language ("en", or another code, or
	// "unknown"); set when it could be decided.
	Language string `json:"language,omitempty"`
	// Coverage is the share of the catalog's points the article mentions.
	Coverage float64 `json:"coverage"`
	// Themes is the coverage per theme, for themes with a mention.
	Themes   map[string]float64 `json:"themes,omitempty"`
	Mentions []Mention          `json:"mentions"`
	// Sentences and Bytes describe the input.
	Sentences int `json:"sentences"`
	Bytes     int `json:"bytes"`
	// Warnings are problems that did not stop scoring (a decoded
	// encoding, a non-English text).
	Warnings []string `json:"warnings,omitempty"`
	// Error is set only when the article could not be scored.
	Error string `json:"error,omitempty"`
}

// ContextInfo explains the plan-context decision.
type ContextInfo struct {
	Score   float64  `json:"score"`
	Reasons []string `json:"reasons"`
}

// Mention is one point an article mentions.
type Mention struct {
	Point    int        `json:"point"`
	Clause   string     `json:"clause"`
	Theme    string     `json:"theme"`
	Title    string     `json:"title,omitempty"`
	Score    float64    `json:"score"`
	Evidence []Evidence `json:"evidence"`
	Framing  *Framing   `json:"framing,omitempty"`
}

// Evidence is a sentence that shows a mention.
type Evidence struct {
	// Sentence is the sentence's index in the article (0-based).
	Sentence int `json:"sentence"`
	// Start and End are byte offsets of the sentence in the decoded text.
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Line is the 1-based line of Start in the decoded text.
	Line int `json:"line,omitempty"`
}

// Framing is how the article presents a mentioned point (codebook 3).
type Framing struct {
	Stance      string   `json:"stance"`
	Cues        []Cue    `json:"cues"`
	Attribution []string `json:"attribution"`
	Hedged      bool     `json:"hedged"`
	Hedges      []string `json:"hedges,omitempty"`
}

// Cue is an evaluative word or phrase that counted towards a stance.
type Cue struct {
	Text     string  `json:"text"`
	Polarity string  `json:"polarity"` // "critical" or "supportive"
	Weight   float64 `json:"weight"`
	Sentence int     `json:"sentence"`
	// Negated is true when a negation flipped the cue ("not a
	// capitulation").
	Negated bool `json:"negated,omitempty"`
}

// Stances.
const (
	Critical   = "critical"
	Supportive = "supportive"
	Neutral    = "neutral"
)

// Summary aggregates a batch.
type Summary struct {
	Articles    int `json:"articles"`
	Scored      int `json:"scored"`
	Errors      int `json:"errors"`
	PlanContext int `json:"plan_context"`
	// Coverage is the share of the catalog's points that at least one
	// article mentions.
	Coverage float64 `json:"coverage"`
	// MeanCoverage is the mean article coverage over plan-context articles.
	MeanCoverage float64        `json:"mean_coverage"`
	Points       []PointSummary `json:"points"`
}

// PointSummary counts, for one point, the articles that mention it and how
// they frame it.
type PointSummary struct {
	Point    int            `json:"point"`
	Clause   string         `json:"clause"`
	Theme    string         `json:"theme"`
	Title    string         `json:"title,omitempty"`
	Articles int            `json:"articles"`
	Stances  map[string]int `json:"stances,omitempty"`
}
