package report

// The hand-made report every golden test prints: three articles in path
// order, one with two framed mentions, one not in plan context, one that
// could not be scored, over a catalog of the plan's 28 points.

var testPoints = []struct {
	theme, title string
}{
	{"sovereignty", "Sovereignty confirmed"},
	{"non-aggression", "Non-aggression agreement"},
	{"non-aggression", "No invasion of neighbours, no NATO expansion"},
	{"nato", "Russia-NATO dialogue"},
	{"security-guarantees", "Reliable security guarantees"},
	{"military-cap", "Armed forces capped at 600,000"},
	{"nato", "No NATO membership for Ukraine"},
	{"nato", "No NATO troops in Ukraine"},
	{"nato", "European jets based in Poland"},
	{"security-guarantees", "Terms of the US guarantee"},
	{"eu-membership", "EU membership eligibility"},
	{"reconstruction", "Reconstruction package"},
	{"sanctions", "Russia reintegrated, sanctions lifted"},
	{"frozen-assets", "Frozen assets to reconstruction"},
	{"security-guarantees", "US-Russia security working group"},
	{"non-aggression", "Non-aggression written into Russian law"},
	{"arms-control", "Arms-control treaties extended"},
	{"arms-control", "Ukraine stays non-nuclear"},
	{"energy", "Zaporizhzhia plant under IAEA"},
	{"language-religion", "Tolerance, language and religion"},
	{"territory", "Crimea, Luhansk, Donetsk recognised as Russian"},
	{"territory", "No change by force"},
	{"trade-navigation", "Dnipro and Black Sea shipping"},
	{"humanitarian", "Prisoner exchange and family reunification"},
	{"elections", "Elections within 100 days"},
	{"amnesty", "Full amnesty"},
	{"enforcement", "Peace Council and sanctions for violations"},
	{"ceasefire", "Ceasefire on pull-back"},
}

func testClauseID(point int) string {
	ids := map[int]string{7: "nato-membership", 21: "territory-recognition"}
	if id, ok := ids[point]; ok {
		return id
	}
	return "point-" + itoaTest(point)
}

func itoaTest(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

func testCatalogPoints() []PointSummary {
	out := make([]PointSummary, len(testPoints))
	for i, p := range testPoints {
		out[i] = PointSummary{Point: i + 1, Clause: testClauseID(i + 1), Theme: p.theme, Title: p.title}
	}
	return out
}

func testReport() *Report {
	r := &Report{
		Tool: Tool{Name: "plancheck", Version: "0.1.0-test"},
		Catalog: Catalog{
			ID:     "us-28-point-2025-11",
			Title:  "US 28-point peace framework (November 2025)",
			Hash:   "sha256:0f3a9c1d2e4b",
			Points: 28,
			Source: "embedded:clauses/us-28-point.yaml",
		},
		Articles: []Article{
			{
				Path:        "seeds/ft-plan-leak.txt",
				PlanContext: true,
				Context:     &ContextInfo{Score: 3.5, Reasons: []string{`"28-point plan" in the headline`, "names Witkoff and Dmitriev"}},
				Language:    "en",
				Coverage:    2.0 / 28,
				Themes:      map[string]float64{"nato": 0.25, "territory": 0.5},
				Mentions: []Mention{
					{
						Point: 7, Clause: "nato-membership", Theme: "nato", Title: "No NATO membership for Ukraine",
						Score: 0.9,
						Evidence: []Evidence{{
							Sentence: 4, Start: 512, End: 640, Line: 9,
							Text: "Ukraine would enshrine in its constitution that it will not join NATO, the draft says.",
						}},
						Framing: &Framing{Stance: Neutral, Cues: []Cue{}, Attribution: []string{"the draft"}, Hedged: true, Hedges: []string{"would"}},
					},
					{
						Point: 21, Clause: "territory-recognition", Theme: "territory", Title: "Crimea, Luhansk, Donetsk recognised as Russian",
						Score: 0.85,
						Evidence: []Evidence{
							{
								Sentence: 7, Start: 901, End: 1104, Line: 14,
								Text: "Critics called the \"land for peace\" swap a capitulation, saying Kyiv would hand over\nthe rest of Donetsk, including fortress cities it has held since 2014.",
							},
							{Sentence: 8, Start: 1105, End: 1180, Line: 16, Text: "Crimea would be recognised as de facto Russian."},
						},
						Framing: &Framing{
							Stance:      Critical,
							Cues:        []Cue{{Text: "capitulation", Polarity: Critical, Weight: 1, Sentence: 7}},
							Attribution: []string{"critics"},
						},
					},
				},
				Sentences: 31,
				Bytes:     4210,
			},
			{
				Path:        "seeds/sports-roundup.txt",
				PlanContext: false,
				Context:     &ContextInfo{Score: 0, Reasons: []string{"no plan terms", "no actor of the talks"}},
				Language:    "en",
				Mentions:    []Mention{},
				Sentences:   12,
				Bytes:       1530,
			},
			{
				Path:     "seeds/zz-broken.bin",
				Mentions: []Mention{},
				Error:    "decode seeds/zz-broken.bin: not text (NUL bytes at offset 0)",
			},
		},
	}
	s := NewSummarizer(testCatalogPoints(), 28)
	for i := range r.Articles {
		s.Add(&r.Articles[i])
	}
	r.Summary = s.Summary()
	return r
}
