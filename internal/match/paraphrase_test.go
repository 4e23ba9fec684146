package match

import (
	"fmt"
	"sort"
	"testing"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
)

// paraphrases are sentences in the ways news reports the plan's points,
// deliberately worded unlike the catalog's own examples, with the exact
// set of points a careful coder gives each one; and the traps the codebook
// lists, which must give no point (or only the point named). They guard
// the built-in catalog against rules that only fit the sentences they
// were written from.
var paraphrases = []struct {
	text   string
	points []int
}{
	// 1 sovereignty
	{"The document begins by stating that Ukraine's sovereignty will be confirmed.", []int{1}},
	{"The first point of the US proposal reaffirms Ukraine's sovereignty.", []int{1}},
	{"Point one of the text affirms that Ukraine is a sovereign nation.", []int{1}},
	// 2 non-aggression agreement
	{"The draft also envisages a comprehensive non-aggression agreement between Russia, Ukraine and Europe.", []int{2}},
	{"All ambiguities of the past three decades would be considered settled, the text says.", []int{2}},
	// 3 no invasion, no NATO expansion
	{"Nato would commit not to expand any further, the document says.", []int{3}},
	{"The plan states an expectation that Russia will not invade neighbouring countries.", []int{3}},
	{"Baltic diplomats fear the non-enlargement clause sets a precedent for Georgia and Moldova.", []int{3}},
	// 4 Russia-NATO dialogue
	{"Washington would act as a mediator in talks between Russia and Nato on security issues.", []int{4}},
	{"The United States would broker a dialogue between Moscow and the alliance to ease tensions.", []int{4}},
	{"The draft provides for Russia-Nato talks on de-escalation.", []int{4}},
	// 5 security guarantees
	{"Kyiv would be given reliable security guarantees, though the text does not say by whom.", []int{5}},
	{"The US would extend Ukraine a security guarantee modelled on Nato's collective defence clause.", []int{5}},
	// 6 army cap, weapons
	{"Ukraine's military would be capped at 600,000 troops, down from around 880,000 today.", []int{6}},
	{"The size of Ukraine's armed forces would be restricted to 600k.", []int{6}},
	{"Kyiv would be barred from possessing missiles capable of reaching Moscow.", []int{6}},
	{"The plan calls for Ukraine to scale back its armed forces.", []int{6}},
	{"The plan goes a long way towards Moscow's demand for the demilitarisation of Ukraine's army.", []int{6}},
	// 7 NATO membership
	{"Ukraine would have to amend its constitution to renounce Nato membership.", []int{7}},
	{"The alliance would also change its rules to permanently close the door to Kyiv.", []int{7}},
	{"Ukraine would be legally prevented from ever joining Nato.", []int{7}},
	// 8 no NATO troops
	{"There would be no Nato troops on Ukrainian territory under the deal.", []int{8}},
	{"Nato forces would not be deployed in Ukraine under the deal.", []int{8}},
	{"The plan forbids Western peacekeepers from entering Ukraine.", []int{8}},
	{"The draft bars NATO from deploying soldiers to Ukraine.", []int{8}},
	{"Nato would not, in peacetime, station its troops in Ukraine on a permanent basis, the draft says.", []int{8}},
	// 9 jets in Poland
	{"European combat jets would be stationed in Poland.", []int{9}},
	{"Fighter aircraft from European countries would be based in Poland, the draft says.", []int{9}},
	// 10 US guarantee terms
	{"America would be paid for providing the guarantee.", []int{10}},
	{"The United States would receive payment in return for its security guarantee.", []int{10}},
	{"Washington would be compensated for extending it, and it would lapse if Kyiv attacked Russia, the draft says.", []int{10}},
	{"Should Ukraine strike Moscow or St Petersburg with a missile without cause, the guarantee would be void.", []int{10}},
	{"If Russia attacks Ukraine again, all global sanctions would snap back under the plan.", []int{10}},
	{"Were Moscow to attack again, the recognition of the territories it gained would be revoked, the draft says.", []int{10}},
	// 11 EU membership
	{"Kyiv would be eligible to join the European Union.", []int{11}},
	{"Ukraine would get short-term preferential access to European markets while its bid is considered.", []int{11}},
	// 12 reconstruction
	{"A World Bank package would help finance Ukraine's reconstruction.", []int{12}},
	{"The US would help rebuild Ukraine's gas infrastructure under the plan.", []int{12}},
	{"The plan foresees a Ukraine Development Fund investing in data centres and AI.", []int{12}},
	// 13 sanctions relief, G8
	{"The plan calls for the gradual lifting of sanctions on Russia, on a case-by-case basis.", []int{13}},
	{"Russia would be brought back into the G8.", []int{13}},
	{"The Kremlin would regain access to world markets as sanctions are relaxed, the draft says.", []int{13}},
	{"Washington and Moscow would sign a long-term economic cooperation agreement covering energy and rare earths in the Arctic.", []int{13}},
	// 14 frozen assets
	{"Some $100 billion in frozen Russian assets would go into US-led reconstruction projects, with Washington taking half the profits.", []int{14}},
	{"The remaining frozen funds would go into a joint US-Russian investment vehicle.", []int{14}},
	{"Russian central bank reserves would be released to fund US-led projects.", []int{14}},
	{"Moscow's frozen reserves would flow into US-led reconstruction funds, America pocketing half the profit.", []int{14}},
	// 15 working group
	{"A joint US-Russian security working group would monitor compliance.", []int{15}},
	{"Compliance would be policed by a working group of American and Russian officials.", []int{15}},
	// 16 non-aggression in law
	{"Russia would adopt legislation committing it to a policy of non-aggression towards Europe and Ukraine.", []int{16}},
	{"Moscow would pass a law pledging not to attack European countries.", []int{16}},
	// 17 arms control
	{"The US and Russia would extend the validity of nuclear arms control treaties, including Start.", []int{17}},
	{"Washington and Moscow would prolong the New Start treaty under the deal.", []int{17}},
	{"Renewing New Start is the one idea in it that arms-control experts applaud.", []int{17}},
	// 18 non-nuclear Ukraine
	{"Ukraine would commit to remaining a non-nuclear weapons state under the NPT.", []int{18}},
	{"Ukraine would never seek nuclear weapons under the plan.", []int{18}},
	{"Kyiv would stay bound by the Non-Proliferation Treaty under the deal.", []int{18}},
	// 19 Zaporizhzhia plant
	{"The Zaporizhzhia plant, Europe's largest nuclear power station, would be restarted under the supervision of the IAEA.", []int{19}},
	{"Power generated at the plant would be shared 50-50 between Russia and Ukraine.", []int{19}},
	{"The occupied Zaporizhzhia nuclear station would restart under IAEA oversight, the draft says.", []int{19}},
	// 20 language, religion, tolerance
	{"Both countries would introduce school programmes promoting tolerance of different cultures.", []int{20}},
	{"Russian would become one of Ukraine's official languages under the plan.", []int{20}},
	{"The plan would ban Nazi ideology.", []int{20}},
	// 21 territory
	{"Russia would keep Crimea, Luhansk and Donetsk under the deal.", []int{21}},
	{"Kyiv would have to give up the fortress belt of cities it still holds in Donetsk.", []int{21}},
	{"The front line in Kherson and Zaporizhzhia would be frozen in place.", []int{21}},
	{"The plan would grant Russia control of the whole of the Donbas.", []int{21}},
	{"Ukraine would have to pull its troops out of the remaining parts of Donetsk.", []int{21}},
	{"The plan would see Russia renounce its claims to Kharkiv and Sumy regions.", []int{21}},
	// 22 no change by force
	{"Neither Russia nor Ukraine would be allowed to change the new borders by force.", []int{22}},
	{"Both sides would commit not to alter the territorial arrangements by force.", []int{22}},
	{"Both Russia and Ukraine would pledge never to change the new borders through force.", []int{22}},
	// 23 Dnipro, grain
	{"Ukraine would be free to use the Dnipro river for commercial shipping.", []int{23}},
	{"Grain exports across the Black Sea would be guaranteed under the plan.", []int{23}},
	// 24 humanitarian
	{"All prisoners and the bodies of the dead would be exchanged on an all-for-all basis.", []int{24}},
	{"Civilians detained by both sides, including children, would be returned home.", []int{24}},
	{"A programme to reunite families separated by the war would be set up.", []int{24}},
	// 25 elections
	{"Ukraine would hold a presidential election 100 days after the deal is signed.", []int{25}},
	{"Elections would take place within a hundred days.", []int{25}},
	{"Zelensky would have to face elections under the plan.", []int{25}},
	// 26 amnesty
	{"Everyone involved in the conflict would be granted a full amnesty for wartime actions.", []int{26}},
	{"Soldiers on both sides would be pardoned for their actions during the war under the deal.", []int{26}},
	{"Critics say the plan would let Russian commanders accused of atrocities escape prosecution.", []int{26}},
	// 27 enforcement
	{"The deal would be overseen by a Peace Council headed by Donald Trump.", []int{27}},
	{"Any violation would trigger sanctions, the document says.", []int{27}},
	{"The memorandum would be legally binding.", []int{27}},
	// 28 ceasefire
	{"Fighting would stop as soon as both sides pull back to agreed positions.", []int{28}},
	{"A ceasefire would begin immediately once both parties sign.", []int{28}},
	{"Hostilities would cease once both armies withdraw to agreed positions.", []int{28}},

	// Traps (codebook 2, "these do not count").
	{"Kyiv insists any agreement must respect its sovereignty.", nil},
	{"Nato-style guarantees for Ukraine are being discussed by European allies under the plan.", []int{5}},
	{"The EU imposed sanctions on 117 shadow fleet vessels.", nil},
	{"Amnesty International accused Russia of war crimes in Mariupol.", nil},
	{"Moldova held parliamentary elections in September.", nil},
	{"The plan aims to bring about a lasting ceasefire and end the war.", nil},
	{"Gaza's Board of Peace, chaired by Trump, met in Cairo to discuss the deal.", nil},
	{"The Budapest Memorandum of 1994 failed to protect Ukraine.", nil},
	{"The war has killed or wounded more than a million soldiers.", nil},
	{"Russia's 2014 annexation of Crimea was never recognised.", nil},
	{"Nato leaders pledged to spend 5% of GDP on defence at the summit.", nil},
	{"The Black Sea grain deal collapsed in 2023.", nil},
	{"Ukraine and Russia swapped 300 prisoners last week.", nil},
	{"The IAEA said the Zaporizhzhia plant had lost off-site power after shelling.", nil},
	{"Trump said he would impose tariffs on countries buying Russian oil.", nil},
	{"Zelensky called for an immediate ceasefire along the front line.", nil},
	{"European leaders insisted that borders must never be changed by force.", nil},
	{"US officials said the framework addresses security, territory and economic recovery.", nil},
	{"The 28-point plan is divided into four sections: peace in Ukraine, security guarantees, security in Europe and future US relations.", nil},
	{"Russian forces captured Siversk and are pushing toward Kramatorsk.", nil},
	{"Zelensky imposed sanctions on Timur Mindich, a former business partner.", nil},
	{"Opposition politicians demanded that Zelensky replace his chief of staff.", nil},
	{"The EU's reparations loan would be backed by frozen Russian assets held at Euroclear.", nil},
	{"Putin has long complained that NATO's eastward expansion threatens Russia.", nil},
	{"The plan would reward a war that Moscow says was about NATO enlargement.", nil},
	{"In 2022, Ukraine offered neutrality and limits on its army at talks in Istanbul.", nil},
	{"Russian drones entered Polish airspace and Polish jets were scrambled.", nil},
	{"Russian missiles struck Dnipro and Odesa overnight.", nil},
	{"Ukraine's army withdrew from Huliaipole after weeks of assaults.", nil},
	{"Dmitriev, who heads Russia's sovereign wealth fund and helped draft the plan, confirmed he had met Ukrainian officials.", nil},
	{"The World Bank estimates that rebuilding Ukraine would cost $524bn.", nil},
	{"Russian strikes on Odesa's ports would disrupt grain shipments across the Black Sea, officials warned.", nil},
	{"Zaluzhny would be a strong candidate if elections were held.", nil},
	{"Under martial law, introduced in 2022, Ukraine cannot hold elections.", nil},
	{"The two countries pledged to refrain from the threat or use of force under their own peace treaty.", nil},
	{"The plan comes as New Start, the last US-Russia arms control treaty, is due to expire in February.", nil},
	{"The plan would reduce the risk of a wider military escalation in Europe.", nil},
	{"Disarming the victim and calling it arms control is the plan's central trick.", nil},
	{"European peacekeepers could not be deployed without a US backstop, London said of the plan.", nil},
	{"Under the European proposal, Ukraine would be compensated for war damage and receive security guarantees.", []int{5}},
	{"The plan also covers a US-Ukraine economic partnership built on the minerals deal.", nil},
	{"The plan was met with anger in the Russian-speaking city of Kharkiv.", nil},
	{"Europe wants a ceasefire as soon as possible, whatever the plan says.", nil},
	{"Trump said he wanted an immediate ceasefire and a deal by Thanksgiving.", nil},
}

// paraphraseDoc makes one sentence of text (however Punkt would cut it).
func paraphraseDoc(an *document.Analyzer, text string) *document.Document {
	toks := an.Tokens(text)
	return &document.Document{Path: "paraphrase", Text: text, Tokens: toks,
		Sentences: []document.Sentence{{Start: 0, End: len(text), TokStart: 0, TokEnd: len(toks), Header: -1}}}
}

// TestParaphrases runs every paraphrase through the whole built-in catalog
// (context gate aside) and compares the points mentioned.
func TestParaphrases(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	an := document.NewAnalyzer()
	m, err := Compile(cat, an)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paraphrases {
		res := m.Match(paraphraseDoc(an, p.text))
		var got []int
		for _, c := range res.Clauses {
			if c.Mentioned {
				got = append(got, c.Clause.Point)
			}
		}
		sort.Ints(got)
		if fmt.Sprint(got) != fmt.Sprint(append([]int{}, p.points...)) {
			t.Errorf("points %v, want %v:\n\t%s", got, p.points, p.text)
		}
	}
}
