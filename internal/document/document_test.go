package document

import (
	"strings"
	"testing"
)

func norms(a *Analyzer, s string) string {
	var parts []string
	for _, t := range a.Tokens(s) {
		p := t.Norm
		if t.Break && len(parts) > 0 {
			p = "|" + p
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " ")
}

func TestNormalize(t *testing.T) {
	a := NewAnalyzer()
	tests := []struct {
		name, in, want string
	}{
		{"thousands comma", "capped at 600,000 troops", "cap at 600000 troop"},
		{"thousands space", "capped at 600 000 troops", "cap at 600000 troop"},
		{"thousands nbsp", "capped at 600\u00a0000 troops", "cap at 600000 troop"},
		{"k suffix", "a 600k army", "a 600000 armi"},
		{"scale word", "600 thousand soldiers", "600000 soldier"},
		{"spelled out", "six hundred thousand soldiers", "600000 soldier"},
		{"hyphenated number", "the twenty-eight-point plan", "the 28 point plan"},
		{"a hundred", "within a hundred days", "within 100 day"},
		{"hundred and", "one hundred and fifty people", "150 peopl"},
		{"lone one kept", "one of the points", "one of the point"},
		{"billions", "$100bn and 100 billion and $100 bn", "100000000000 and 100000000000 and 100000000000"},
		{"decimal million", "1.3 million", "1300000"},
		{"range", "800,000–850,000 troops", "800000 850000 troop"},
		{"percent", "50% or 50 per cent", "50 percent or 50 percent"},
		{"british spelling", "recognise recognised recognising", "recogn recogn recogn"},
		{"american spelling", "recognize recognized recognition", "recogn recogn recogn"},
		{"derivations", "reduction withdrawal defence", "reduc withdraw defens"},
		{"possessive", "Ukraine's army, Ukraine’s army", "ukrain armi |ukrain armi"},
		{"negation", "Kyiv won't and can't, cannot", "kyiv wo not and ca not |can not"},
		{"usa", "the U.S. and the US, not us", "the usa and the usa |not us"},
		{"hyphen compound", "NATO-like guarantees", "nato like guarante"},
		{"all for all", "an all-for-all exchange", "an all for all exchang"},
		{"accents", "Zelenskyy, Zelenskiy and Zelensky", "zelenski |zelenski and zelenski"},
		{"curly quotes do not break", "U.S. “security guarantees”", "usa secur guarante"},
		{"comma breaks", "Crimea, Donbas", "crimea |donba"},
		{"spaced dash breaks", "peace – not capitulation", "peac |not capitul"},
		{"city names", "Kiev and Zaporozhye", "kyiv and zaporizhzhia"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := norms(a, tt.in); got != tt.want {
				t.Errorf("norms(%q)\n got  %q\n want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestOffsetsQuoteSource(t *testing.T) {
	a := NewAnalyzer()
	text := "Kyiv’s army of 800,000 would shrink to six hundred thousand."
	for _, tok := range a.Tokens(text) {
		src := text[tok.Start:tok.End]
		if src == "" {
			t.Fatalf("token %q has an empty source span", tok.Norm)
		}
	}
	toks := a.Tokens(text)
	last := toks[len(toks)-1]
	if got := text[last.Start:last.End]; got != "six hundred thousand" {
		t.Errorf("merged number quotes %q, want %q", got, "six hundred thousand")
	}
}

func TestAnalyzeSentencesAndLists(t *testing.T) {
	a := NewAnalyzer()
	text := "Headline without a full stop\n\nThe U.S. draft was sent by Mr. Witkoff. Kyiv got it on Thursday.\nKey points include:\n- A cap on the army.\n- No NATO troops.\nAfter the list."
	d := a.Analyze("t.txt", text)
	var got []string
	for i := range d.Sentences {
		got = append(got, d.SentenceText(i))
	}
	want := []string{
		"Headline without a full stop",
		"The U.S. draft was sent by Mr. Witkoff.",
		"Kyiv got it on Thursday.",
		"Key points include:",
		"- A cap on the army.",
		"- No NATO troops.",
		"After the list.",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !d.Sentences[4].ListItem || d.Sentences[4].Header != 3 || d.Sentences[5].Header != 3 {
		t.Errorf("list items should point at their header: %+v %+v", d.Sentences[4], d.Sentences[5])
	}
	if d.Sentences[6].ListItem || d.Sentences[3].ListItem {
		t.Errorf("non-items marked as list items")
	}
	for i, s := range d.Sentences {
		for _, tok := range d.Tokens[s.TokStart:s.TokEnd] {
			if tok.Sent != i || tok.Start < s.Start || tok.End > s.End {
				t.Errorf("token %q (%d-%d) outside sentence %d (%d-%d)", tok.Norm, tok.Start, tok.End, i, s.Start, s.End)
			}
		}
	}
}

func TestHardWrappedText(t *testing.T) {
	a := NewAnalyzer()
	text := "Peace plan would cap Ukraine's army\n\nThe draft circulated on Thursday would require Kyiv to cut\nits armed forces to 600,000 troops and to hold elections within\n100 days of signing, officials said. It also offers an amnesty\nfor all sides, according to two people familiar with the text.\n\n- First item of a list\n- Second item\n"
	d := a.Analyze("w.txt", text)
	var got []string
	for i := range d.Sentences {
		got = append(got, strings.Join(strings.Fields(d.SentenceText(i)), " "))
	}
	want := []string{
		"Peace plan would cap Ukraine's army",
		"The draft circulated on Thursday would require Kyiv to cut its armed forces to 600,000 troops and to hold elections within 100 days of signing, officials said.",
		"It also offers an amnesty for all sides, according to two people familiar with the text.",
		"- First item of a list",
		"- Second item",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("sentences:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestNormalizeVariants(t *testing.T) {
	a := NewAnalyzer()
	tests := []struct{ in, want string }{
		{"a planned summit, planning", "a planned summit |planning"},
		{"the plan, plans", "the plan |plan"},
		{"Donbass and Donbas", "donba and donba"},
		{"G-8 and G8 and F-16 jets", "g8 and g8 and f16 jet"},
		{"cease-fire ceasefire", "ceasefir ceasefir"},
		{"peace-keepers peacekeepers", "peacekeep peacekeep"},
		{"non-aggression nonaggression", "nonaggress nonaggress"},
		{"re-join rejoin counter-proposal counterproposal", "rejoin rejoin counterpropos counterpropos"},
		{"NATO-like all-for-all", "nato like all for all"},
		{"split 50:50, a ratio", "split 50 50 |a ratio"},
		{"at 600.000 troops, 1.5 million", "at 600000 troop |1500000"},
	}
	for _, tt := range tests {
		if got := norms(a, tt.in); got != tt.want {
			t.Errorf("norms(%q)\n got  %q\n want %q", tt.in, got, tt.want)
		}
	}
	if got := strings.Join(a.Terms("us troops"), " "); got != "usa troop" {
		t.Errorf(`Terms("us troops") = %q, want "usa troop"`, got)
	}
}

func TestNumberedListItemsStayWhole(t *testing.T) {
	a := NewAnalyzer()
	d := a.Analyze("n.txt", "The plan runs to 28 points.\nSecurity\n- 9. European fighter jets will be based in Poland.\n- 10. The US guarantee is compensated.\n1. First.\n")
	var got []string
	for i, s := range d.Sentences {
		got = append(got, d.SentenceText(i))
		if i == 1 && !s.Heading {
			t.Errorf("%q is a heading", d.SentenceText(i))
		}
		if i != 1 && s.Heading {
			t.Errorf("%q is not a heading", d.SentenceText(i))
		}
	}
	want := "The plan runs to 28 points.|Security|- 9. European fighter jets will be based in Poland.|- 10. The US guarantee is compensated.|1. First."
	if strings.Join(got, "|") != want {
		t.Errorf("sentences %q", strings.Join(got, "|"))
	}
}

func TestBritishSpellingFamiliesStayTogether(t *testing.T) {
	a := NewAnalyzer()
	for _, fam := range [][]string{
		{"praise", "praised", "praises"},
		{"recognise", "recognised", "recognize", "recognized"},
		{"compromise", "compromised"},
		{"demilitarised", "demilitarized", "demilitarisation"},
	} {
		want := norms(a, fam[0])
		for _, w := range fam[1:] {
			if got := norms(a, w); got != want {
				t.Errorf("%s -> %q, but %s -> %q", w, got, fam[0], want)
			}
		}
	}
}
