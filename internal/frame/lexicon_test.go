package frame

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/document"
)

func TestEmbeddedLexicon(t *testing.T) {
	lex, err := LoadEmbedded()
	if err != nil {
		t.Fatal(err)
	}
	c := lex.Cues
	if len(c.Critical) < 50 || len(c.Supportive) < 30 || len(c.Negators) == 0 || len(c.Contrast) == 0 ||
		len(c.Intensifiers) == 0 || len(c.Hedges) == 0 || len(c.Demands) == 0 || len(c.Gains) == 0 {
		t.Errorf("embedded lexicon looks incomplete: %d critical, %d supportive, %d negators, %d contrast, %d intensifiers, %d hedges",
			len(c.Critical), len(c.Supportive), len(c.Negators), len(c.Contrast), len(c.Intensifiers), len(c.Hedges))
	}
	groups := map[string]bool{}
	for _, a := range lex.Actors.Actors {
		groups[a.Group] = true
	}
	for _, g := range Groups {
		if !groups[g] {
			t.Errorf("no actor in group %s", g)
		}
	}
	if _, err := New(lex, document.NewAnalyzer()); err != nil {
		t.Fatal(err)
	}
}

// TestActorAliases checks the aliases the issue names, one per sentence.
func TestActorAliases(t *testing.T) {
	x := setup(t)
	want := map[string]string{
		"Peskov": "russia", "the Kremlin": "russia", "Dmitriev": "russia",
		"Zelensky": "ukraine", "Zelenskyy": "ukraine", "Zelenskiy": "ukraine", "Kyiv": "ukraine", "Yermak": "ukraine", "Umerov": "ukraine",
		"Kallas": "europe", "the EU": "europe", "Barrot": "europe", "Sikorski": "europe",
		"Leavitt": "us", "the White House": "us", "Witkoff": "us", "Rubio": "us", "Vance": "us",
		"Axios": "other", "Erdogan": "other",
	}
	for alias, group := range want {
		fr := x.frame(t, alias+" said the army cap in the plan was fair.", 6)
		if strings.Join(fr.Attribution, ",") != group {
			t.Errorf("%s: attribution %v, want [%s]", alias, fr.Attribution, group)
		}
	}
}

func TestLexiconErrors(t *testing.T) {
	cases := []struct {
		name, yaml, want string
	}{
		{"unknown key", "critical: [a]\ncritcal: [b]\n", `cues.yaml:2:1: unknown key "critcal" in cue lexicon`},
		{"unknown entry key", "critical:\n  - {text: a, wieght: 2}\n", `cues.yaml:2:15: unknown key "wieght" in critical entry`},
		{"empty cue", "critical:\n  - capitulation\n  - \"\"\n", `cues.yaml:3:5: critical has an empty entry`},
		{"null cue", "critical:\n  - capitulation\n  -\n", `cues.yaml:3:4: critical has an empty entry`},
		{"entry without text", "supportive:\n  - {weight: 2}\n", `cues.yaml:2:5: supportive entry has no text`},
		{"bad weight", "critical:\n  - {text: vague, weight: 7}\n", `cues.yaml:2:27: weight must be above 0 and at most 3, not 7`},
		{"weight not a number", "critical:\n  - {text: vague, weight: high}\n", `cues.yaml:2:27: weight must be a number, not "high"`},
		{"zero factor", "critical: [a]\nintensifiers:\n  - {text: very, factor: 0}\n", `cues.yaml:3:26: factor must be above 0 and at most 3, not 0`},
		{"weight on a negator", "critical: [a]\nnegators:\n  - {text: not, weight: 2}\n", `cues.yaml:3:17: unknown key "weight" in negators entry`},
		{"contrast without keep", "critical: [a]\ncontrast:\n  - but\n", `cues.yaml:3:5: contrast marker "but" needs keep: after or keep: main`},
		{"bad keep", "critical: [a]\ncontrast:\n  - {text: but, keep: before}\n", `cues.yaml:3:23: keep must be "after" or "main", not "before"`},
		{"within without near", "critical:\n  - {text: reward, within: 3}\n", `cues.yaml:2:5: within: needs near:`},
		{"bad setting", "settings:\n  dominance: 0.5\ncritical: [a]\n", `cues.yaml:2:14: dominance must be 1 or more, not 0.5`},
		{"unknown setting", "settings:\n  dominanse: 2\ncritical: [a]\n", `cues.yaml:2:3: unknown key "dominanse" in settings`},
		{"bad verdict factor", "settings:\n  verdict_factor: 0.5\ncritical: [a]\n", `cues.yaml:2:19: verdict_factor must be from 1 to 3, not 0.5`},
		{"bad opinion score", "settings:\n  opinion_min_score: 0\ncritical: [a]\n", `cues.yaml:2:22: opinion_min_score must be above 0, not 0`},
		{"alone on a cue", "critical:\n  - {text: a, alone: true}\n", `cues.yaml:2:15: unknown key "alone" in critical entry`},
		{"unknown genre list", "critical: [a]\ngenre:\n  opinion_label: [x]\n", `cues.yaml:3:3: unknown key "opinion_label" in genre`},
		{"list expected", "critical: capitulation\n", `cues.yaml:1:11: critical must be a list, not the value "capitulation"`},
		{"no cues", "negators: [not]\n", `cues.yaml:1:1: cue lexicon has no critical or supportive cues`},
		{"syntax", "critical: [a\n", `cues.yaml:`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseCues("cues.yaml", []byte(c.yaml))
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s", err, c.want)
			}
		})
	}
}

func TestActorErrors(t *testing.T) {
	cases := []struct {
		name, yaml, want string
	}{
		{"bad group", "reporting: [said]\nactors:\n  - {id: x, group: asia, aliases: [X]}\n", `actors.yaml:3:20: group must be one of us, russia, ukraine, europe, other, not "asia"`},
		{"no aliases", "reporting: [said]\nactors:\n  - {id: x, group: us}\n", `actors.yaml:3:5: actor "x" has no aliases`},
		{"empty alias", "reporting: [said]\nactors:\n  - {id: x, group: us, aliases: [X, \"\"]}\n", `actors.yaml:3:37: aliases has an empty entry`},
		{"duplicate id", "reporting: [said]\nactors:\n  - {id: x, group: us, aliases: [X]}\n  - {id: x, group: us, aliases: [Y]}\n", `actors.yaml:4:5: duplicate actor id "x" (first at line 3)`},
		{"unknown key", "reporting: [said]\nactors:\n  - {id: x, group: us, alias: [X]}\n", `actors.yaml:3:24: unknown key "alias" in actor`},
		{"no reporting", "actors:\n  - {id: x, group: us, aliases: [X]}\n", `actors.yaml:1:1: actor catalog has no reporting words`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseActors("actors.yaml", []byte(c.yaml))
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error:\n%v\nwant it to contain:\n%s", err, c.want)
			}
		})
	}
}

func TestCompileErrors(t *testing.T) {
	actors, err := ParseActors("actors.yaml", []byte("reporting: [said]\nactors:\n  - {id: x, group: us, aliases: [X]}\n  - {id: y, group: russia, aliases: [X]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	cues, err := ParseCues("cues.yaml", []byte("critical:\n  - capitulation\n  - capitulate\n  - \"--\"\n  - {text: sen. graham}\nintensifiers:\n  - {text: capitulating, factor: 2}\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(&Lexicon{Cues: cues, Actors: actors}, document.NewAnalyzer())
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{
		`cues.yaml:7:5: intensifiers "capitulating" matches the same words as "capitulation" (critical, line 2)`,
		`cues.yaml:4:5: phrase "--" has no words to match`,
		`cues.yaml:5:5: phrase "sen. graham" has punctuation inside`,
		`actors.yaml:4:38: aliases "X" matches the same words as "X" (aliases, line 3)`,
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors:\n%v\nwant one containing:\n%s", err, want)
		}
	}
}

// TestLoadUserFiles loads a user's own lexicon; an empty path keeps the
// built-in file.
func TestLoadUserFiles(t *testing.T) {
	dir := t.TempDir()
	cues := filepath.Join(dir, "my-cues.yaml")
	if err := os.WriteFile(cues, []byte("critical: [boondoggle]\nsupportive: [splendid]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lex, err := Load(cues, "")
	if err != nil {
		t.Fatal(err)
	}
	if lex.Cues.Source != cues || len(lex.Cues.Critical) != 1 || len(lex.Actors.Actors) == 0 {
		t.Errorf("loaded %s with %d critical cues and %d actors", lex.Cues.Source, len(lex.Cues.Critical), len(lex.Actors.Actors))
	}
	if st := lex.Cues.Settings; st.MinScore != DefaultSettings.MinScore || st.Dominance != DefaultSettings.Dominance || st.NegationWindow != DefaultSettings.NegationWindow {
		t.Errorf("settings left out should default: %+v", lex.Cues.Settings)
	}
	fr, err := New(lex, document.NewAnalyzer())
	if err != nil {
		t.Fatal(err)
	}
	x := setup(t)
	doc := x.an.Analyze("t", "The army cap in the plan is a boondoggle.")
	res := x.m.Match(doc)
	if got := fr.Frame(doc, res, res.Clauses[0].Index); got.Stance != "critical" {
		t.Errorf("user cue: stance %s", got.Stance)
	}
	if _, err := Load(filepath.Join(dir, "missing.yaml"), ""); err == nil || !strings.Contains(err.Error(), "missing.yaml: cannot read cue lexicon") {
		t.Errorf("missing file: %v", err)
	}
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("critical:\n  - {text: x, weight: -1}\n"), 0o644)
	if _, err := Load(bad, ""); err == nil || !strings.Contains(err.Error(), bad+":2:23: weight must be above 0") {
		t.Errorf("bad file: %v", err)
	}
}

// TestOpinionMinScoreDefault: a lexicon that sets min_score but not
// opinion_min_score keeps one threshold for every genre.
func TestOpinionMinScoreDefault(t *testing.T) {
	for _, c := range []struct {
		yaml string
		want float64
	}{
		{"settings:\n  min_score: 0.8\ncritical: [a]\n", 0.8},
		{"settings:\n  opinion_min_score: 0.3\n  min_score: 0.8\ncritical: [a]\n", 0.3},
		{"settings:\n  min_score: 0.8\n  opinion_min_score: 0.3\ncritical: [a]\n", 0.3},
		{"critical: [a]\n", DefaultSettings.MinScore},
	} {
		cues, err := ParseCues("cues.yaml", []byte(c.yaml))
		if err != nil {
			t.Fatal(err)
		}
		if got := cues.Settings.OpinionMinScore; got != c.want {
			t.Errorf("%q: opinion_min_score %v, want %v", c.yaml, got, c.want)
		}
	}
}
