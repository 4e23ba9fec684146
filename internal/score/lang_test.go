package score

import (
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/catalog"
)

// A non-English article is reported as such, not scored as an English one
// that happens to mention nothing.
func TestAnalyzeNonEnglish(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(cat, nil)
	if err != nil {
		t.Fatal(err)
	}
	w := s.NewWorker()
	de := "Der 28-Punkte-Plan für die Ukraine sieht eine Amnestie für alle Seiten vor. Die Regierung in Kiew lehnt den Friedensplan ab, weil er nach Ansicht der Kritiker einer Kapitulation gleichkommt und die Armee auf 600.000 Soldaten begrenzt."
	a := w.Score("de.txt", de)
	if a.Language != "de" || a.PlanContext || len(a.Mentions) != 0 {
		t.Errorf("language %q, plan context %v, mentions %d", a.Language, a.PlanContext, len(a.Mentions))
	}
	if len(a.Warnings) != 1 || a.Warnings[0] != "text looks like German (de), not English; no points scored" {
		t.Errorf("warnings %q", a.Warnings)
	}
	if len(a.Context.Reasons) != 1 || !strings.Contains(a.Context.Reasons[0], "German (de), not English") {
		t.Errorf("reasons %q", a.Context.Reasons)
	}
	en := w.Score("en.txt", "The 28-point peace plan for Ukraine calls for a full amnesty for all parties to the war, and the Russian side would recognise the lines of contact, according to the draft seen by reporters.")
	if en.Language != "en" || len(en.Warnings) != 0 {
		t.Errorf("english: language %q warnings %q", en.Language, en.Warnings)
	}
}
