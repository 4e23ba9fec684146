package frame

import (
	"strings"
	"testing"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
	"github.com/plancheck/plancheck/internal/match"
	"github.com/plancheck/plancheck/internal/report"
)

// testCatalog is a tiny catalog for framing tests: a few points with one
// plain term each, and context rules any test text satisfies.
const testCatalog = `
id: frame-test
title: Framing test catalog
context:
  threshold: 0.1
  rules:
    - any: [plan, deal, draft]
clauses:
  - id: p5-guarantees
    point: 5
    theme: security-guarantees
    title: Security guarantees
    rules:
      - any: [security guarantees, security guarantee]
  - id: p6-army
    point: 6
    theme: military-cap
    title: Army cap
    rules:
      - any: [army cap, cap on the army, 600000, troop cap]
  - id: p7-nato
    point: 7
    theme: nato
    title: No NATO
    rules:
      - any: [nato ban, join nato, neutrality]
  - id: p21-territory
    point: 21
    theme: territory
    title: Territory
    rules:
      - any: [donbas, crimea, territorial concessions]
  - id: p25-elections
    point: 25
    theme: elections
    title: Elections
    rules:
      - any: [elections]
  - id: p26-amnesty
    point: 26
    theme: amnesty
    title: Amnesty
    rules:
      - any: [amnesty]
`

type fixture struct {
	fr  *Framer
	m   *match.Matcher
	an  *document.Analyzer
	cat *catalog.Catalog
}

var shared *fixture

func setup(t *testing.T) *fixture {
	t.Helper()
	if shared != nil {
		return shared
	}
	cat, err := catalog.Parse("test-catalog.yaml", []byte(testCatalog))
	if err != nil {
		t.Fatal(err)
	}
	an := document.NewAnalyzer()
	m, err := match.Compile(cat, an)
	if err != nil {
		t.Fatal(err)
	}
	fr, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	shared = &fixture{fr: fr, m: m, an: an, cat: cat}
	return shared
}

// frame analyzes text and frames point n.
func (x *fixture) frame(t *testing.T, text string, point int) *report.Framing {
	t.Helper()
	doc := x.an.Analyze("test.txt", text)
	res := x.m.Match(doc)
	for _, cr := range res.Clauses {
		if cr.Clause.Point == point {
			return x.fr.Frame(doc, res, cr.Index)
		}
	}
	t.Fatalf("point %d not found in %q", point, text)
	return nil
}

func cueList(fr *report.Framing) string {
	var b strings.Builder
	for _, c := range fr.Cues {
		neg := ""
		if c.Negated {
			neg = " negated"
		}
		b.WriteString("\n  " + c.Polarity + " " + c.Text + neg)
	}
	return b.String()
}

type stanceCase struct {
	name  string
	text  string
	point int
	want  string
}

func runStances(t *testing.T, cases []stanceCase) {
	x := setup(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fr := x.frame(t, c.text, c.point)
			if fr.Stance != c.want {
				t.Errorf("point %d: stance %s, want %s; cues:%s", c.point, fr.Stance, c.want, cueList(fr))
			}
		})
	}
}

func TestCues(t *testing.T) {
	runStances(t, []stanceCase{
		{"plain", "The plan caps the army: a troop cap of 600,000.", 6, report.Neutral},
		{"critical word", "The plan's army cap amounts to capitulation.", 6, report.Critical},
		{"critical phrase", "Critics said the troop cap would reward aggression.", 6, report.Critical},
		{"near phrase", "The troop cap ends up rewarding Putin for his aggression.", 6, report.Critical},
		{"supportive word", "The draft's army cap is realistic.", 6, report.Supportive},
		{"supportive phrase", "Officials said the security guarantees would secure a durable peace.", 5, report.Supportive},
		{"end the killing", "The draft's ceasefire and security guarantees would end the killing.", 5, report.Supportive},
		{"stem variants", "The plan's security guarantees are vaguely worded.", 5, report.Critical},
		{"exact words", "The reason for the army cap in the plan is not clear.", 6, report.Neutral},
		{"critically is not critics", "Critically, the plan sets an army cap of 600,000.", 6, report.Neutral},
		{"welcomed back is no praise", "Under the deal Moscow would be welcomed back, and Crimea recognised.", 21, report.Neutral},
		{"weak cue alone", "The plan's army cap raised concerns.", 6, report.Neutral},
	})
}

func TestNegation(t *testing.T) {
	x := setup(t)
	if fr := x.frame(t, "The White House insists the army cap in the plan is not a capitulation.", 6); fr.Stance == report.Critical {
		t.Errorf("not a capitulation: stance critical; cues:%s", cueList(fr))
	}
	runStances(t, []stanceCase{
		{"not a capitulation but fair", "The army cap in the plan is not a capitulation but a fair compromise.", 6, report.Supportive},
		{"far from reasonable", "The army cap in the draft is far from reasonable.", 6, report.Critical},
		{"not acceptable", "Kyiv says the Donbas clause of the plan is not acceptable.", 21, report.Critical},
		{"never acceptable", "The plan's Donbas terms will never be acceptable to Kyiv.", 21, report.Critical},
		{"cannot accept a capitulation", "Kyiv cannot accept the capitulation the plan demands in Donbas.", 21, report.Critical},
		{"if not outright rejection", "Allies voiced resistance, if not outright rejection, to the plan's territorial concessions.", 21, report.Critical},
		{"not only", "The plan's army cap is not only humiliating but dangerous.", 6, report.Critical},
		{"negated demand dropped", "The plan recognises Crimea as Russian but will not demand the same from Ukraine.", 21, report.Neutral},
		{"punctuation stops negation", "Kyiv did not sign, and the army cap in the plan is a capitulation.", 6, report.Critical},
	})
}

func TestContrast(t *testing.T) {
	runStances(t, []stanceCase{
		{"painful but necessary", "The army cap in the plan is painful but necessary.", 6, report.Supportive},
		{"welcome but unacceptable", "The security guarantees in the draft are welcome, but unacceptable as written.", 5, report.Critical},
		{"although", "Although the army cap in the plan is realistic, it is humiliating for Kyiv.", 6, report.Critical},
		{"despite", "Despite criticism, the army cap in the plan is a pragmatic step.", 6, report.Supportive},
		{"however next sentence", "Backers call the plan's army cap a pragmatic necessity. However, critics say it is an outright capitulation.", 6, report.Critical},
		{"but without opposite cue", "The security guarantees in the draft are vague but would be voided by a strike.", 5, report.Critical},
		{"balance", "The army cap in the plan is realistic, and it is unacceptable.", 6, report.Neutral},
	})
}

func TestIntensity(t *testing.T) {
	x := setup(t)
	plain := x.frame(t, "The army cap in the plan is unacceptable.", 6)
	strong := x.frame(t, "The army cap in the plan is totally unacceptable.", 6)
	weak := x.frame(t, "The army cap in the plan is somewhat unacceptable.", 6)
	if len(plain.Cues) != 1 || len(strong.Cues) != 1 || len(weak.Cues) != 1 {
		t.Fatalf("cues: %v / %v / %v", plain.Cues, strong.Cues, weak.Cues)
	}
	if !(strong.Cues[0].Weight > plain.Cues[0].Weight && plain.Cues[0].Weight > weak.Cues[0].Weight) {
		t.Errorf("weights %v, %v, %v: want totally > plain > somewhat", strong.Cues[0].Weight, plain.Cues[0].Weight, weak.Cues[0].Weight)
	}
	// An intensified cue outweighs a plain one of the other side.
	runStances(t, []stanceCase{
		{"intensified side wins", "The army cap in the plan is deeply humiliating, if realistic.", 6, report.Critical},
	})
}

func TestTwoPointsInOneSentence(t *testing.T) {
	runStances(t, []stanceCase{
		{"condemned second", "The plan offers security guarantees, but its demand that Kyiv cede the Donbas is unacceptable.", 5, report.Neutral},
		{"condemned second: the other", "The plan offers security guarantees, but its demand that Kyiv cede the Donbas is unacceptable.", 21, report.Critical},
		{"praised first", "The security guarantees are a realistic offer, while elections within 100 days are just listed in the plan.", 25, report.Neutral},
		{"praised first: the other", "The security guarantees are a realistic offer, while elections within 100 days are just listed in the plan.", 5, report.Supportive},
		{"coordinated points share", "The plan meets demands for neutrality and an army cap, echoing positions Kyiv rejected as capitulation.", 7, report.Critical},
		{"coordinated points share: the other", "The plan meets demands for neutrality and an army cap, echoing positions Kyiv rejected as capitulation.", 6, report.Critical},
		{"bracket belongs to what precedes", "The plan calls for amnesty (a provision that would nullify war-crimes warrants), elections and a troop cap.", 26, report.Critical},
		{"bracket: the next item stays neutral", "The plan calls for amnesty (a provision that would nullify war-crimes warrants), elections and a troop cap.", 25, report.Neutral},
	})
}

func TestQuotedCritics(t *testing.T) {
	runStances(t, []stanceCase{
		{"only critics", `The draft's Donbas clause drew fire. "This is a capitulation," Ukrainian officials said.`, 21, report.Critical},
		{"critics and backers", `The plan's army cap is "realistic", Witkoff said. Kyiv called it a humiliating surrender.`, 6, report.Neutral},
		{"backers only", `Leavitt said the security guarantees in the plan were a pragmatic, fair offer.`, 5, report.Supportive},
	})
}

func TestNeighbours(t *testing.T) {
	runStances(t, []stanceCase{
		{"continuation counts", "The plan would impose an army cap of 600,000. This is humiliating.", 6, report.Critical},
		{"other paragraph does not", "The plan would impose an army cap of 600,000.\nThe war has been humiliating for everyone.", 6, report.Neutral},
		{"neighbour about another point", "The plan sets an army cap of 600,000. The amnesty is a humiliating whitewash.", 6, report.Neutral},
		{"continuation chain", "The plan offers security guarantees. This was sold as a realistic and fair offer. However, critics found them vague and worthless.", 5, report.Critical},
		{"chain stops at a new topic", "The plan offers security guarantees. This was sold as a realistic and fair offer.\nCritics found the war vague and worthless.", 5, report.Supportive},
		{"neighbour follows the topic point", "The amnesty in the plan would come with elections. It is a humiliating whitewash.", 25, report.Neutral},
		{"an anaphor looks back, not forward", "This is a humiliating capitulation.\nThe plan sets an army cap of 600,000.", 6, report.Neutral},
		{"but the point's anaphor looks back", "Kyiv calls the army cap a humiliating capitulation.\nThis is the plan's cap of 600,000.", 6, report.Critical},
	})
}

func TestLists(t *testing.T) {
	runStances(t, []stanceCase{
		{"plain list in critical article", "Critics call the plan a capitulation.\nThe draft includes:\n- An army cap of 600,000.\n- Elections within 100 days.", 25, report.Neutral},
		{"evaluative header names the items", "The concessions demanded of Kyiv were draconian. These included:\n- An army cap of 600,000.\n- Elections within 100 days.", 25, report.Critical},
		{"header evaluating the plan only", "The plan is a disaster for Europe. It includes:\n- An army cap of 600,000.\n- Elections within 100 days.", 25, report.Neutral},
		{"trailer refers back", "The draft includes:\n- An army cap of 600,000.\n- Elections within 100 days.\nThese terms are a humiliating surrender.", 6, report.Critical},
		{"item's own cue", "The draft includes:\n- An army cap of 600,000, a humiliating demand.\n- Elections within 100 days.", 25, report.Neutral},
	})
}

func TestDemands(t *testing.T) {
	runStances(t, []stanceCase{
		{"forced on Ukraine", "Under the plan Ukraine would have to accept an army cap of 600,000.", 6, report.Critical},
		{"demand weighed against a gain", "Under the plan Ukraine would have to accept an army cap of 600,000, still the second-largest army in Europe.", 6, report.Neutral},
		{"territorial concessions", "The plan calls for major territorial concessions by Kyiv.", 21, report.Critical},
	})
}

func TestAttribution(t *testing.T) {
	x := setup(t)
	cases := []struct {
		text  string
		point int
		want  []string
	}{
		{"Peskov said the plan's army cap was reasonable.", 6, []string{"russia"}},
		{"The Kremlin welcomed the army cap in the plan.", 6, []string{"russia"}},
		{"Dmitriev told Axios the army cap in the plan was fair.", 6, []string{"russia"}},
		{"Zelenskyy rejected the Donbas clause of the plan.", 21, []string{"ukraine"}},
		{"Yermak and Umerov said the plan's Donbas terms were unacceptable.", 21, []string{"ukraine"}},
		{"Kallas warned that the plan's security guarantees were vague; Sikorski agreed.", 5, []string{"europe"}},
		{"Leavitt said the army cap in the plan was fair, while Barrot said it was a capitulation.", 6, []string{"europe", "us"}},
		{"The army cap in the plan is 600,000, according to Politico.", 6, []string{"other"}},
		{"The plan would give Kyiv an army cap of 600,000.", 6, []string{}},
		{"Rubio said the amnesty was fair. The plan also sets an army cap of 600,000.", 6, []string{}},
	}
	for _, c := range cases {
		fr := x.frame(t, c.text, c.point)
		got := fr.Attribution
		want := append([]string(nil), c.want...)
		sortGroups(want)
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%q: attribution %v, want %v", c.text, got, want)
		}
	}
}

func sortGroups(g []string) {
	rank := map[string]int{}
	for i, s := range Groups {
		rank[s] = i
	}
	for i := 1; i < len(g); i++ {
		for j := i; j > 0 && rank[g[j]] < rank[g[j-1]]; j-- {
			g[j], g[j-1] = g[j-1], g[j]
		}
	}
}

func TestHedges(t *testing.T) {
	x := setup(t)
	cases := []struct {
		text   string
		point  int
		hedges []string
		stance string
	}{
		{"The plan reportedly sets an army cap of 600,000.", 6, []string{"reportedly"}, report.Neutral},
		{"According to Axios, the draft would allegedly impose an army cap.", 6, []string{"According to", "draft", "allegedly"}, report.Neutral},
		{"The plan sets an army cap of 600,000.", 6, nil, report.Neutral},
		{"The plan reportedly sets a humiliating army cap.", 6, []string{"reportedly"}, report.Critical},
	}
	for _, c := range cases {
		fr := x.frame(t, c.text, c.point)
		if strings.Join(fr.Hedges, "|") != strings.Join(c.hedges, "|") || fr.Hedged != (len(c.hedges) > 0) {
			t.Errorf("%q: hedged %v %q, want %q", c.text, fr.Hedged, fr.Hedges, c.hedges)
		}
		if fr.Stance != c.stance {
			t.Errorf("%q: stance %s, want %s (hedges never decide)", c.text, fr.Stance, c.stance)
		}
	}
}

func TestCueOutput(t *testing.T) {
	x := setup(t)
	fr := x.frame(t, "First line.\nThe plan's army cap is not a capitulation but it is Humiliating.", 6)
	if len(fr.Cues) != 2 {
		t.Fatalf("cues %+v", fr.Cues)
	}
	c0, c1 := fr.Cues[0], fr.Cues[1]
	if c0.Text != "capitulation" || !c0.Negated || c0.Polarity != report.Supportive || c0.Sentence != 1 {
		t.Errorf("first cue %+v: want the negated capitulation, supportive, in sentence 1", c0)
	}
	if c1.Text != "Humiliating" || c1.Negated || c1.Polarity != report.Critical {
		t.Errorf("second cue %+v: want Humiliating as written, critical", c1)
	}
	if fr.Attribution == nil || fr.Cues == nil {
		t.Error("attribution and cues must be non-nil lists")
	}
}

func TestNoFirings(t *testing.T) {
	x := setup(t)
	doc := x.an.Analyze("t", "Nothing about the plan here.")
	res := x.m.Match(doc)
	fr := x.fr.Frame(doc, res, 0)
	if fr.Stance != report.Neutral || fr.Cues == nil || fr.Attribution == nil {
		t.Errorf("framing of an unmentioned point: %+v", fr)
	}
}

// TestCommentaryCues checks op-ed vocabulary, and the senses its stems
// must not take.
func TestCommentaryCues(t *testing.T) {
	runStances(t, []stanceCase{
		{"gift to the Kremlin", "The plan's army cap is a gift to the Kremlin.", 6, report.Critical},
		{"gift to Russian propaganda", "Elections within 100 days, as the plan wants, would be a gift to Russian propaganda.", 25, report.Critical},
		{"wipe out the cases", "The amnesty in the plan would wipe out the war-crimes cases.", 26, report.Critical},
		{"invites the next invasion", "The army cap in the plan invites the next invasion.", 6, report.Critical},
		{"an invitation is plan wording", "The plan extends an invitation to discuss neutrality.", 7, report.Neutral},
		{"left alone", "Without security guarantees the plan leaves Ukraine alone.", 5, report.Critical},
		{"fair price", "The plan's security guarantees are a fair price for peace.", 5, report.Supportive},
		{"save lives", "The army cap in the plan could save tens of thousands of lives.", 6, report.Supportive},
		{"admirable", "The plan's security guarantees are admirable.", 5, report.Supportive},
		{"serves Ukraine's interests", "The plan's security guarantees serve Ukraine's interests.", 5, report.Supportive},
		{"serves Russia's interests", "The plan's army cap serves Russia's interests.", 6, report.Critical},
		{"a new Munich", "The plan's army cap is a new Munich.", 6, report.Critical},
		{"the Munich conference is no Munich", "The plan's army cap was discussed at the Munich Security Conference, a new forum.", 6, report.Neutral},
		{"left vulnerable", "The army cap in the plan would leave Ukraine vulnerable.", 6, report.Critical},
		{"vulnerable alone is weak", "The army cap in the plan is vulnerable to revision.", 6, report.Neutral},
		{"one side is no one-sided", "The plan sets an army cap of 600,000 on one side of the front.", 6, report.Neutral},
		{"the last peace talks are no lasting peace", "The plan's Donbas terms date from the last peace talks.", 21, report.Neutral},
		{"procedure is no demand", "The plan's Donbas terms would have to be put to a referendum.", 21, report.Neutral},
		{"negotiating compromise", "The envoys found no compromise version of the plan's Donbas terms.", 21, report.Neutral},
		{"rather than a surrender", "The plan's army cap ended the war at a table rather than in unconditional surrender.", 6, report.Neutral},
	})
}

// TestParagraphContinuation checks that commentary's verdict in the next
// sentences of a point's paragraph counts, and where it stops.
func TestParagraphContinuation(t *testing.T) {
	runStances(t, []stanceCase{
		{"two sentences on", "The plan sets an army cap of 600,000. Russia meanwhile rearms at speed. Capping the victim now is a humiliating betrayal.", 6, report.Critical},
		{"not in another paragraph", "The plan sets an army cap of 600,000. Russia meanwhile rearms at speed.\nCapping the victim now is a humiliating betrayal.", 6, report.Neutral},
		{"not three sentences on", "The plan sets an army cap of 600,000. Russia rearms. Europe dithers. Capping the victim now is a humiliating betrayal.", 6, report.Neutral},
		{"stops at another point", "The plan sets an army cap of 600,000. Elections follow within 100 days. Capping the victim now is a humiliating betrayal.", 6, report.Neutral},
		{"a point denied is not named", "The plan sets an army cap of 600,000. Capping the victim is not a security guarantee. It is a humiliating betrayal.", 6, report.Critical},
		{"demonstrative and item noun refer back", "The plan would have Kyiv cede the Donbas.\nLawmakers called that demand a capitulation.", 21, report.Critical},
	})
}

// TestRebuttal checks claims the author answers.
func TestRebuttal(t *testing.T) {
	x := setup(t)
	for _, text := range []string{
		"Critics call the army cap in the plan a capitulation. They are wrong.",
		"Critics call the plan's army cap a capitulation, but that is wrong.",
		"The plan's army cap has been described as a humiliation. It isn't.",
		"The plan's army cap has been described as a humiliation. Nonsense.",
	} {
		if fr := x.frame(t, text, 6); fr.Stance == report.Critical {
			t.Errorf("%q: stance critical; cues:%s", text, cueList(fr))
		}
	}
	runStances(t, []stanceCase{
		{"rebutted, then praised", "The plan's army cap has been described as a humiliation. It isn't. A cap of 600,000 is sensible.", 6, report.Supportive},
		{"not only is no retort", "Critics call the plan's army cap a capitulation. It is not only that: it is a humiliation.", 6, report.Critical},
		{"opinion: critics answered with but", "OPINION\nCritics howl about the amnesty in the plan. But a pardon is what lets soldiers go home.", 26, report.Supportive},
		{"news: but is no rebuttal", "Critics howl about the amnesty in the plan. But a pardon is what lets soldiers go home.", 26, report.Critical},
		{"opinion: but citing someone else is no rebuttal", "OPINION\nCritics howl about the amnesty in the plan. But Witkoff said a pardon lets soldiers go home.", 26, report.Critical},
		{"a retort word as a verdict", "The army cap in the plan is nonsense.", 6, report.Critical},
		{"scare quotes", `Some call the amnesty in the plan a "capitulation".`, 26, report.Neutral},
		{"curly scare quotes", "Some call the amnesty in the plan a \u2018capitulation\u2019.", 26, report.Neutral},
		{"a quotation is no scare quote", `Some call the amnesty in the plan "a humiliating capitulation for Kyiv".`, 26, report.Critical},
		{"quoted critic", `Kyiv called the amnesty in the plan a "capitulation".`, 26, report.Critical},
	})
}

// TestVerdict checks that what a denial says the point is counts more.
func TestVerdict(t *testing.T) {
	runStances(t, []stanceCase{
		{"is not A. It is B", "The plan sets an army cap of 600,000. Capping the victim is not arms control. It is reckless.", 6, report.Critical},
		{"no denial before", "The plan sets an army cap of 600,000. Capping the victim was the aim. It is reckless.", 6, report.Neutral},
		{"B, not A", "The plan sets an army cap of 600,000. Capping the victim is naive, not arms control.", 6, report.Critical},
		{"B alone", "The plan sets an army cap of 600,000. Capping the victim is naive.", 6, report.Neutral},
		{"is not A; it is B", "The plan sets an army cap of 600,000. Capping the victim is not arms control; it is naive.", 6, report.Critical},
	})
}

// TestGenre checks the opinion prior: a little less evidence in running
// text, never in a list.
func TestGenre(t *testing.T) {
	body := "The plan sets an army cap of 600,000. Capping the victim is naive."
	runStances(t, []stanceCase{
		{"news", body, 6, report.Neutral},
		{"opinion label", "OPINION\n" + body, 6, report.Critical},
		{"analysis label", "Analysis & Opinion\n" + body, 6, report.Critical},
		{"op-ed byline", "By Jane Doe, a former diplomat\n" + body, 6, report.Critical},
		{"news byline", "By Jane Doe in Kyiv\n" + body, 6, report.Neutral},
		{"a label word in a sentence is no label", "Analysis by our correspondent suggests Kyiv will object.\n" + body, 6, report.Neutral},
		{"closing author line", body + "\nThe author is a senior fellow at a think tank.", 6, report.Critical},
		{"opinion list item stays plain", "OPINION\nThe draft includes:\n- An army cap of 600,000, somewhat naive.\n- Elections within 100 days.", 6, report.Neutral},
	})
}

// column is the voice of an unlabelled opinion piece: the author's own
// verdicts, citing no one.
const column = "A bad bargain\nThis deal is a disgrace. Its authors are cynical. Europe's silence is shameful.\n"

// wire is the voice of news copy: what people said.
const wire = "Officials said talks would resume. A spokesman told reporters the text was a draft. Diplomats said Europe was consulted. Ministers said they would meet again.\n"

// TestOpinionVoice checks that an unlabelled article reads as an opinion
// piece by its voice, and that news copy and Q&A explainers do not.
func TestOpinionVoice(t *testing.T) {
	body := "The plan sets an army cap of 600,000 on the victim of the war. Capping the army now is naive."
	runStances(t, []stanceCase{
		{"column", column + body, 6, report.Critical},
		{"news", wire + "This deal is a disgrace.\n" + body, 6, report.Neutral},
		{"Q&A explainer", "What is in the plan?\nThis deal is a disgrace.\nWho wrote it?\nIts authors are cynical.\nWhat does Europe say?\nEurope's silence is shameful.\n" + body, 6, report.Neutral},
		{"too little voice", body, 6, report.Neutral},
	})
}

// TestOpinionParagraph checks that in an opinion piece the point's whole
// paragraph comments on it, and that a heading opens a new section.
func TestOpinionParagraph(t *testing.T) {
	tail := "The plan sets an army cap of 600,000. Russia rearms. Europe dithers. Washington shrugs. Capping the army now is a humiliating betrayal."
	runStances(t, []stanceCase{
		{"opinion: to the paragraph's end", "OPINION\n" + tail, 6, report.Critical},
		{"news: two sentences on at most", tail, 6, report.Neutral},
		{"opinion: not into the next paragraph", "OPINION\nThe plan sets an army cap of 600,000. Russia rearms.\nCapping the army now is a humiliating betrayal.", 6, report.Neutral},
		{"opinion: stops at another point", "OPINION\nThe plan sets an army cap of 600,000. Russia rearms. Elections follow within 100 days. Capping the army now is a humiliating betrayal.", 6, report.Neutral},
		{"a heading after the point is a new section", "The plan offers Ukraine security guarantees.\nThe clauses that hand Moscow a veto\nOther matters follow.", 5, report.Neutral},
	})
}

// TestAuthorQuestions checks rhetorical questions: critical in an opinion
// piece's running text, nothing as a heading, a quotation, a yes-or-no
// question or in news copy.
func TestAuthorQuestions(t *testing.T) {
	guarantees := "The plan offers Ukraine security guarantees. "
	runStances(t, []stanceCase{
		{"opinion: whom", "OPINION\n" + guarantees + "Enforced by whom?", 5, report.Critical},
		{"opinion: who decides", "OPINION\n" + guarantees + "Who decides when they apply?", 5, report.Critical},
		{"news", guarantees + "Enforced by whom?", 5, report.Neutral},
		{"a heading question", "OPINION\nWho guarantees what?\n" + guarantees, 5, report.Neutral},
		{"a quoted question", "OPINION\n" + guarantees + "\"Enforced by whom?\" one diplomat wondered.", 5, report.Neutral},
		{"a yes-or-no question", "OPINION\n" + guarantees + "Is that really so bad?", 5, report.Neutral},
		{"a question for the critics", "OPINION\n" + guarantees + "What would its opponents offer instead?", 5, report.Neutral},
		{"what is the alternative", "OPINION\n" + guarantees + "And what is the alternative?", 5, report.Supportive},
	})
}

// TestConcessions checks claims the author concedes and then answers.
func TestConcessions(t *testing.T) {
	runStances(t, []stanceCase{
		{"perhaps, but", "OPINION\nThe plan's friends call the army cap realistic. Perhaps. But it binds only Kyiv.", 6, report.Critical},
		{"perhaps it does, but", "OPINION\nThe plan's friends call the army cap realistic. Perhaps it is. But it binds only Kyiv.", 6, report.Critical},
		{"no but: the claim stands", "OPINION\nThe plan's friends call the army cap realistic. Perhaps.", 6, report.Supportive},
		{"called a capitulation? nonsense", "The plan's army cap has been called a capitulation. Nonsense.", 6, report.Supportive},
		{"castration? nonsense", "OPINION\nThe plan's army cap has been called a castration. Nonsense.", 6, report.Supportive},
		{"opinion: conceded before but", "OPINION\nThe army cap in the plan is painful; but Kyiv keeps a large army.", 6, report.Neutral},
		{"news: the cue before but stands", "The army cap in the plan is painful; but Kyiv keeps a large army.", 6, report.Critical},
	})
	x := setup(t)
	if fr := x.frame(t, "OPINION\nTrue, the army cap in the plan is painful. But Kyiv keeps a large army.", 6); fr.Stance == report.Critical {
		t.Errorf("true, but: stance critical; cues:%s", cueList(fr))
	}
}

// TestAnsweredDenials checks denials the author answers with a verdict:
// they count like a rebuttal, not like a plain negation.
func TestAnsweredDenials(t *testing.T) {
	runStances(t, []stanceCase{
		{"not A. It is B", "The plan sets an army cap of 600,000. That is not a capitulation. It is what the end of a war looks like.", 6, report.Supportive},
		{"plain denial", "The plan sets an army cap of 600,000. That is not a capitulation.", 6, report.Neutral},
		{"B, not A", "The plan sets an army cap of 600,000. That is prudence, not a capitulation.", 6, report.Supportive},
		{"not A but B", "The plan's Donbas clause is not a compromise but a cause for concern.", 21, report.Critical},
		{"opinion: not a compromise but a gift", "OPINION\nThe plan's Donbas clause is not a compromise but a gift.", 21, report.Critical},
	})
}

// TestOpinionOnlyCues checks cues that count only in opinion pieces.
func TestOpinionOnlyCues(t *testing.T) {
	runStances(t, []stanceCase{
		{"news: the victim", "The plan sets an army cap of 600,000 on the victim of the war.", 6, report.Neutral},
		{"opinion: the victim", "OPINION\nThe plan sets an army cap of 600,000 on the victim of the war.", 6, report.Critical},
		{"opinion: for invading", "OPINION\nFor invading, Moscow keeps the Donbas under the plan.", 21, report.Critical},
		{"news: for invading", "For invading, Moscow keeps the Donbas under the plan.", 21, report.Neutral},
	})
}

// TestIronyAndRealism checks the irony of critical columns, the realism
// of supportive ones, and the senses their words must not take.
func TestIronyAndRealism(t *testing.T) {
	runStances(t, []stanceCase{
		{"with a straight face", "The plan offers Ukraine security guarantees with a straight face.", 5, report.Critical},
		{"lest anyone get ideas", "Lest anyone get ideas, the plan sets an army cap of 600,000.", 6, report.Critical},
		{"sounds like ... until you", "The amnesty in the plan sounds like reconciliation until you read who is pardoned.", 26, report.Critical},
		{"what now passes for", "A cap of 600,000 is what now passes for an army cap in this plan.", 6, report.Critical},
		{"for the privilege", "Under the plan Kyiv pays for its security guarantees, for the privilege.", 5, report.Critical},
		{"dead letter: made one", "The amnesty in the plan would make the warrants a dead letter.", 26, report.Critical},
		{"dead letter: background", "The amnesty in the plan revives a forum that has been a dead letter since 2022.", 26, report.Neutral},
		{"walk free", "The amnesty in the plan would let torturers walk free.", 26, report.Critical},
		{"least bad", "The army cap in the plan is the least bad option.", 6, report.Supportive},
		{"better than the alternative", "The plan's security guarantees are better than the alternative.", 5, report.Supportive},
		{"stop the dying", "The plan's Donbas terms would stop the dying.", 21, report.Supportive},
		{"buys time for Kyiv", "The plan's army cap buys time for Kyiv.", 6, report.Supportive},
		{"buys time for Moscow", "The plan's army cap buys time for Moscow to rearm.", 6, report.Neutral},
		{"the best thing in", "The security guarantees are the best thing in the plan.", 5, report.Supportive},
		{"the best thing to do", "The best thing Kyiv could do is study the plan's security guarantees.", 5, report.Neutral},
		{"hard is not hardly", "The army cap in the plan is a hard fair compromise.", 6, report.Supportive},
		{"hardly", "The army cap in the plan is hardly fair.", 6, report.Critical},
		{"plan wording", "- The plan's army cap shall be reviewed for mutual benefit.", 6, report.Neutral},
	})
}

// TestDeniedOwnSpan checks that a sentence naming the point only as what
// another point is not frames the other point.
func TestDeniedOwnSpan(t *testing.T) {
	text := "Paying for the army cap is not a security guarantee, it is a racket."
	runStances(t, []stanceCase{
		{"the denied point", text, 5, report.Neutral},
		{"the other point", text, 6, report.Critical},
	})
}
