// Package catalog loads and validates clause catalogs: the YAML files that
// describe a plan's points and the rules that find them in text.
//
// Loading has three steps, as in Vale: parse the YAML keeping positions,
// validate every field (errors are "file:line:col: message"), and hand the
// result to the match package, which compiles the rules once.
package catalog

// Catalog is a plan's list of points, with the rules that decide whether an
// article is about the plan at all.
type Catalog struct {
	ID          string `json:"id"`
	Title       string `json:"title"`
	Version     string `json:"version,omitempty"`
	Description string `json:"description,omitempty"`
	// Threshold is the score at or above which a clause counts as mentioned.
	Threshold float64 `json:"threshold"`
	Context   Context `json:"context"`
	// PlanTerms are the words that tie a sentence to the plan; rules with
	// anchor: plan fire only in sentences near one of them.
	PlanTerms []string `json:"plan_terms,omitempty"`
	// Ignore lists terms that disqualify a sentence as evidence for any
	// clause (other deals, historical background).
	Ignore  []string `json:"ignore,omitempty"`
	Clauses []Clause `json:"clauses"`
	// Source is the file the catalog was read from ("embedded:..." for the
	// built-in one); Hash identifies its exact content.
	Source string `json:"source"`
	Hash   string `json:"hash"`
}

// Context holds the rules that decide whether an article is about the plan.
type Context struct {
	// Threshold is the summed rule weight needed to call an article "in
	// plan context".
	Threshold float64 `json:"threshold"`
	Rules     []Rule  `json:"rules"`
	// Against are rules for other deals; each firing subtracts its weight.
	Against []Rule `json:"against,omitempty"`
	// Points, when above 0, also puts an article in context when its
	// rules reach half the threshold and it states at least this many
	// clauses in full (score 1): walking through the plan's points is
	// itself a reference to the plan.
	Points int `json:"points,omitempty"`
}

// Clause is one point of the plan.
type Clause struct {
	ID       string   `json:"id"`
	Point    int      `json:"point"`
	Theme    string   `json:"theme"`
	Pillar   string   `json:"pillar,omitempty"`
	Title    string   `json:"title"`
	Summary  string   `json:"summary,omitempty"`
	Seeds    []string `json:"seeds,omitempty"`
	Rules    []Rule   `json:"rules"`
	Examples Examples `json:"examples,omitempty"`
	Pos      Pos      `json:"-"`
}

// Examples are sentences a clause's rules must (match) or must not
// (no_match) find; `plancheck clauses test` and go test run them.
type Examples struct {
	Match   []string `json:"match,omitempty"`
	NoMatch []string `json:"no_match,omitempty"`
	// MatchPos and NoMatchPos are the examples' positions in the file, for
	// failure messages (same length as Match and NoMatch).
	MatchPos   []Pos `json:"-"`
	NoMatchPos []Pos `json:"-"`
}

// Rule is one way a clause shows up in text. Exactly one of Any and All is
// set.
type Rule struct {
	// Any fires when any of its terms occurs.
	Any []string `json:"any,omitempty"`
	// All fires when every group has a term within the same sentence (or
	// within Within tokens when Within > 0).
	All [][]string `json:"all,omitempty"`
	// Not lists terms that stop the rule firing in a sentence that holds
	// one of them.
	Not []string `json:"not,omitempty"`
	// Within is the token window for All; 0 means the sentence.
	Within int `json:"within,omitempty"`
	// Weight is the rule's contribution to the clause score (0..1].
	Weight float64 `json:"weight"`
	// Anchor "plan" requires a plan term in the sentence, the sentence
	// before it, or the header of the list the sentence belongs to.
	Anchor string `json:"anchor,omitempty"`
	Note   string `json:"note,omitempty"`
	Pos    Pos    `json:"-"`
}

// Pos is a position in the catalog file, for error messages.
type Pos struct {
	Line, Col int
}

// Point returns the clause for point n, or nil.
func (c *Catalog) Point(n int) *Clause {
	for i := range c.Clauses {
		if c.Clauses[i].Point == n {
			return &c.Clauses[i]
		}
	}
	return nil
}

// Themes returns the catalog's themes in the order they first appear.
func (c *Catalog) Themes() []string {
	var out []string
	seen := map[string]bool{}
	for _, cl := range c.Clauses {
		if !seen[cl.Theme] {
			seen[cl.Theme] = true
			out = append(out, cl.Theme)
		}
	}
	return out
}
