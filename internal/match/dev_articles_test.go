package match

import (
	"fmt"
	"sort"
	"testing"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
)

// devArticles are short articles written for the catalog's development, in
// the styles the plan was reported in (full lists, wire stories on the
// revisions, reactions, op-eds, explainers, live blogs, counter-proposals)
// with the background such stories carry (battlefield, scandals, past
// talks, other deals), and controls that never refer to the plan. Each has
// the codebook answer: in plan context or not, and the exact points a
// careful coder finds. They are not the held-out set and were not copied
// from real articles.
var devArticles = []struct {
	name   string
	in     bool
	points []int
	text   string
}{
	{
		name:   "full list, British spelling",
		in:     true,
		points: []int{5, 6, 7, 8, 9, 10, 12, 13, 14, 18, 19, 21, 24, 25, 26, 27, 28},
		text: `What is in the US peace plan for Ukraine? The key points

The 28-point document, drafted by Donald Trump's envoy Steve Witkoff together with Russia's Kirill Dmitriev, has been seen by several media outlets. These are its main provisions.

Territory
Crimea, Luhansk and Donetsk would be "recognised as de facto Russian, including by the United States". Kherson and Zaporizhzhia would be frozen along the line of contact. Ukrainian forces would pull out of the part of Donetsk province they currently hold, which would become a neutral demilitarised buffer zone.

Military
Ukraine's armed forces would be limited to 600,000 personnel. Kyiv would write into its constitution that it will not join Nato, and Nato would add a provision to its statutes that Ukraine will not be admitted in future. Nato would agree not to station troops in Ukraine, while European fighter jets would be based in Poland.

Security guarantees
Ukraine would receive "reliable security guarantees". The US would be compensated for its guarantee. If Ukraine invades Russia it would lose the guarantee; if Russia invades Ukraine again, global sanctions would be reinstated alongside "a decisive coordinated military response".

Economy
Russia would be reintegrated into the global economy, with sanctions lifted in stages, and invited back into the G8. $100bn of frozen Russian assets would be invested in US-led efforts to rebuild Ukraine, with the US receiving 50% of the profit. A Ukraine development fund would invest in technology, data centres and artificial intelligence.

Everything else
Ukraine would hold elections in 100 days. All parties would receive full amnesty for their actions during the war. A humanitarian committee would oversee an all-for-all exchange of prisoners and bodies. The Zaporizhzhia nuclear power station would restart under IAEA supervision, its electricity divided equally. Ukraine would remain a non-nuclear state. The agreement would be legally binding and monitored by a Peace Council headed by Trump. A ceasefire would come into force as soon as both sides withdraw to agreed points.`,
	},
	{
		name:   "Geneva revision, deferred questions",
		in:     true,
		points: []int{6, 7, 21, 26},
		text: `US, Ukraine say they drafted 'refined peace framework' after Geneva talks

GENEVA, Nov 23 (Reuters) - U.S. and Ukrainian officials said on Sunday they had drafted an "updated and refined peace framework" after talks in Geneva on Washington's plan to end the war with Russia.
The original 28-point proposal, which Kyiv's European allies said was tilted towards Moscow, had been cut to 19 points, a Ukrainian official said.
Among the provisions removed or softened were the cap on Ukraine's army, which negotiators proposed raising to 800,000, and a clause granting blanket amnesty for wartime acts, two sources said.
Sensitive questions including territory and Ukraine's relationship with NATO were left for Presidents Donald Trump and Volodymyr Zelenskiy to decide, the sources said.
"We have made tremendous progress," Secretary of State Marco Rubio told reporters. He said any final deal would need to be approved by Moscow.
European leaders, meeting at the G20 summit in Johannesburg, said the plan needed "additional work" and that borders must not be changed by force.
The Kremlin said it had not received the revised version.
Russia's foreign ministry said Moscow remained committed to the "spirit of Anchorage", referring to the August summit between Trump and Putin in Alaska, where they discussed a ceasefire and territorial swaps.`,
	},
	{
		name:   "Kyiv reaction with battlefield and scandal background",
		in:     true,
		points: []int{6, 7, 21},
		text: `Zelensky says Ukraine faces 'one of the most difficult moments in our history'

President Volodymyr Zelensky said on Nov. 21 that Ukraine faces a choice between losing its dignity and losing a key partner, as Washington pressed Kyiv to accept a U.S.-drafted peace plan.
"We will not betray Ukraine," Zelensky said in a video address, without naming specific provisions.
The plan reportedly requires Ukraine to withdraw from the parts of Donetsk Oblast it still controls, reduce its army, and abandon its aspirations to join NATO.
Russian forces have been advancing in Donetsk Oblast, where Ukrainian troops withdrew from several villages near Pokrovsk this week.
Parliament Speaker Ruslan Stefanchuk said any recognition of occupied territories as Russian would violate the constitution.
Zelensky is under pressure at home after a corruption scandal at Energoatom led to the dismissal of two ministers, and opposition lawmakers have demanded that he replace his chief of staff.
Trump said Ukraine has until Thanksgiving to accept the deal.
Ukraine's military intelligence said Russia was preparing a new offensive in the Zaporizhzhia region.`,
	},
	{
		name:   "op-ed, Budapest comparison",
		in:     true,
		points: []int{5, 6, 7, 13, 14, 21, 26},
		text: `Trump's plan rewards Putin's aggression

The so-called peace plan that Steve Witkoff cooked up with the Kremlin is not a peace plan. It is a list of Russian demands on White House letterhead.
Consider what it asks of Ukraine: to hand over land that Russia has failed to conquer in nearly four years of war, to shrink its army, and to forswear the alliance that might one day protect it. In return, Kyiv gets vague promises of security that are worth little more than the Budapest Memorandum of 1994.
Meanwhile Russia gets its sanctions lifted and a seat back at the G8 table. Its war criminals get an amnesty.
Defenders of the plan say it is realistic. Ukraine is losing ground in the Donbas and its manpower is stretched. But realism that ends in capitulation is not peace.
Europe, which has spent more than any other donor on Ukraine's defence, was not even consulted. Its leaders should say plainly that they will not lift their own sanctions or release the frozen Russian central bank reserves held in Belgium on these terms.`,
	},
	{
		name:   "military and NATO explainer",
		in:     true,
		points: []int{3, 5, 6, 7, 8},
		text: `What the US plan means for Ukraine's military and NATO hopes

KYIV, Ukraine (AP) — The plan drafted by U.S. and Russian officials would force deep changes on Ukraine's military, which has grown to nearly 900,000 troops since Russia's full-scale invasion in 2022.
Under the proposal, Ukraine's armed forces could not exceed 600,000. Military analysts said that is still larger than the army of any European NATO member except Turkey, but Ukrainian commanders worry it would leave the country exposed.
The plan also rules out Ukraine ever joining NATO, a goal written into Ukraine's constitution in 2019. The alliance would in turn pledge not to expand further.
Ukraine would not be allowed to host foreign troops, scuppering a British and French plan for a post-war "reassurance force".
Instead, the U.S. would offer Ukraine a security guarantee that officials compared to NATO's mutual defense clause. The document does not spell out what the guarantee would involve.
Kyiv would also have to give up the long-range weapons it has used to strike oil refineries deep inside Russia, according to two people familiar with the text.
Ukraine's defense minister said on Friday that the army had recruited 30,000 new soldiers last month.`,
	},
	{
		name:   "live blog, Moscow talks",
		in:     true,
		points: []int{7, 21, 25},
		text: `Russia-Ukraine war live: Witkoff and Kushner meet Putin in Moscow

Key developments
- Steve Witkoff and Jared Kushner held five hours of talks with Vladimir Putin at the Kremlin on Tuesday on the US peace plan.
- Putin's foreign policy aide Yuri Ushakov said "no compromise option" had yet been found on territorial issues, but some of the American proposals could be discussed.
- Russian forces claimed the capture of Pokrovsk; Ukraine says fighting continues in the city.
- NATO foreign ministers met in Brussels; Secretary General Mark Rutte said Ukraine's security must be guaranteed in any deal.

16:40 Zelensky said Ukraine was ready to hold elections within 60 to 90 days if the US and Europe could ensure security for the vote.
16:10 Ushakov said the question of Ukraine's NATO membership had been discussed, but did not elaborate.
15:30 The Kremlin said Putin had agreed with some of the points in the US plan but rejected others.
15:05 Russian drones hit an apartment block in Dnipro overnight, killing three people, the regional governor said.
14:20 Dutch authorities said they would contribute €250m to the PURL scheme to buy US weapons for Ukraine.`,
	},
	{
		name:   "European counter-proposal",
		in:     true,
		points: []int{5, 6, 7, 13, 14, 21, 26},
		text: `Europe's counter-proposal: what changes

European governments have sent Washington their own version of the peace plan, marking up the US draft line by line.
Where the American text said Crimea, Luhansk and Donetsk would be recognised as de facto Russian, the European version says territorial swaps would be negotiated starting from the current line of contact.
The limit on Ukraine's armed forces would rise to 800,000 in peacetime.
Nato membership for Ukraine would depend on a consensus among members, a consensus that does not exist, rather than being excluded for good.
Ukraine would receive a security guarantee from the US mirroring Article 5.
Ukraine would be fully rebuilt and financially compensated, including through Russian sovereign assets, which would remain frozen until Russia compensates Ukraine for the damage.
The European proposal drops the amnesty and says sanctions on Russia could be eased gradually and partially after a sustainable peace is reached, with a snapback if the agreement is violated.`,
	},
	{
		name:   "analysis without the plan size",
		in:     true,
		points: []int{6, 14, 20, 21, 26},
		text: `For Zelensky, a plan that asks the impossible

Ukraine's constitution forbids ceding territory without a national referendum, and polls show most Ukrainians oppose giving up land for peace.
That is one reason Ukrainian officials reacted with alarm to the American proposal, which would require Kyiv to pull its troops out of the remaining fifth of the Donetsk region it controls, including the fortress cities of Kramatorsk and Sloviansk.
The proposal would also put Russian on an equal footing with Ukrainian, a demand Moscow has pressed since 2014, and would protect the Moscow-backed wing of the Orthodox Church, which Ukraine moved to ban last year.
The plan's promise of a general amnesty, critics say, would allow soldiers accused of atrocities in Bucha to escape justice.
Still, some in Kyiv see room to negotiate. An official in the president's office said the US had shown willingness to revisit the cap on the armed forces and the provisions on frozen assets.
Ukraine, which held its last presidential election in 2019, has not voted since martial law was imposed.`,
	},
	{
		name:   "prisoner swap naming the 28-point plan",
		in:     true,
		points: []int{24},
		text: `Ukraine and Russia swap prisoners as peace push stalls

Ukraine and Russia exchanged 1,200 prisoners of war on Friday in the largest swap in months, mediated by the United Arab Emirates and Turkey.
The exchange came a week after Washington circulated a 28-point peace plan that calls for all prisoners to be exchanged on an "all for all" basis.
Ukraine's coordination headquarters said the freed soldiers included defenders of Mariupol.
Russia's defence ministry said its servicemen were flown to Belarus for medical checks.`,
	},
	{
		name:   "plan story carrying heavy background",
		in:     true,
		points: []int{21},
		text: `Ukraine weighs US plan as Russian forces press on Pokrovsk

KYIV — Ukrainian officials spent the weekend poring over the U.S. peace plan, which would hand Russia the rest of the Donbas, as Russian troops pressed deeper into Pokrovsk.
Ukraine's army said it had withdrawn from Huliaipole's eastern outskirts after weeks of assaults, and Russia claimed to have captured Vovchansk.
Moscow has repeatedly said it will not accept any NATO troops in Ukraine, and Putin has described a British-French plan for a reassurance force as a legitimate target.
In 2022, during talks in Istanbul, Ukraine offered to accept neutrality and limits on its armed forces in exchange for security guarantees, but the talks collapsed.
The Minsk agreements of 2014 and 2015 froze the line of contact in the east but never brought peace.
Putin has argued that Zelensky is illegitimate because no presidential election was held when his term expired in May 2024.
The energy ministry said Russian strikes had knocked out power at several thermal plants, and the Zaporizhzhia nuclear plant lost external power for the tenth time.
In Brussels, EU leaders argued over a reparations loan that would use frozen Russian assets to cover Ukraine's budget needs in 2026 and 2027.
Zelensky's chief of staff Andriy Yermak resigned on Friday after anti-corruption investigators searched his home, and Zelensky replaced him as lead negotiator with Rustem Umerov.
Ukraine's government has imposed sanctions on businessman Timur Mindich, a former business partner of the president.`,
	},
	{
		name:   "the 20-point revision",
		in:     true,
		points: []int{1, 2, 5, 6, 7, 11, 12, 19, 21, 25},
		text: `Zelensky unveils 20-point peace framework agreed with US negotiators

Volodymyr Zelensky on Tuesday set out the main elements of a 20-point framework that Ukrainian and American negotiators have hammered out in recent weeks, a revised version of the 28-point plan first floated in November.
The document reaffirms Ukraine's sovereignty and provides for a non-aggression arrangement between Russia, Ukraine and Europe, Zelensky told reporters in Kyiv.
Ukraine's peacetime army would number 800,000, not the 600,000 ceiling in the original draft.
The United States, Nato and European countries would give Ukraine security guarantees that mirror Article 5 of the alliance's treaty, he said.
On Nato, Zelensky said membership remained Ukraine's choice, and the document no longer requires a constitutional ban on joining.
Ukraine would receive a date for EU membership, and a set of funds would be created to restore the country, with the aim of attracting $800 billion.
On territory, two options were on the table: a free economic zone in the part of Donetsk held by Ukraine, or a freeze along the current front line. Zelensky said any territorial decision would have to be put to a referendum.
The Zaporizhzhia nuclear plant could be run jointly by Ukraine, the US and Russia, under one option, with the US acting as chief operator.
Elections would be held as soon as possible after the agreement is signed.
Russia has yet to respond to the new version. The Kremlin said it would study the framework once it received it through US envoys.`,
	},
	{
		name:   "question-and-answer explainer",
		in:     true,
		points: []int{5, 6, 7, 11, 13, 14, 21},
		text: `Ukraine war: What is in Trump's peace plan and why is Kyiv worried?

A US plan to end the war in Ukraine has been presented to Kyiv, with Washington pushing for a quick answer. Here is what we know.

What does Ukraine have to give up?
The biggest sticking point is land. Under the draft, Ukraine would withdraw from the parts of the eastern Donetsk region it still controls. Russia already occupies almost all of neighbouring Luhansk.
Ukraine would also have to accept a smaller army, of no more than 600,000 troops, and agree never to join Nato.

What does Ukraine get in return?
The plan promises Kyiv "reliable security guarantees", although it does not say what they would be. Ukraine could also join the European Union in future.
There would be money to rebuild the country, partly from Russian assets frozen in the West.

What does Russia get?
Moscow would see sanctions lifted in stages and could return to the G8 group of leading economies, from which it was expelled in 2014 after annexing Crimea.

What happens next?
President Trump has said Ukraine must respond by Thanksgiving. Zelensky said he would not betray Ukraine's national interests but would work with Washington.`,
	},
	{
		name:   "European consent questions",
		in:     true,
		points: []int{9, 11, 13, 14},
		text: `Europe scrambles to rewrite Trump's Ukraine plan

BRUSSELS — European capitals were caught flat-footed by the American peace proposal, and diplomats spent the weekend trying to work out which parts they could live with.
Several provisions need European consent, officials pointed out. The plan's promise of a fast track to EU membership is not Washington's to give, and neither is the release of the Russian central bank assets frozen in Belgium.
"Sanctions relief for Russia is a decision for the 27, not for Steve Witkoff," one EU ambassador said.
Officials were also alarmed by a clause that would station European fighter jets in Poland, which they said no one had discussed with Warsaw.
Poland's foreign minister Radoslaw Sikorski said it was "good to know" about the jets, but that Warsaw would decide its own defence arrangements.
Nato's secretary general Mark Rutte said any decisions about the alliance would be taken by its 32 members.`,
	},
	{
		name:   "key events list, plan without substance",
		in:     true,
		points: nil,
		text: `Russia-Ukraine war: List of key events, day 1,370

Here is the situation on Monday, November 24:

Fighting
- Russian strikes on Kharkiv killed four people and injured 17, the city's mayor said.
- Ukraine's General Staff said its forces hit a Russian oil refinery in the Saratov region.

Peace efforts
- US and Ukrainian negotiators said after talks in Geneva that they had produced an "updated and refined peace framework".
- Rubio said "very, very meaningful progress" had been made but that more work was needed on the plan.
- Zelensky said the revised plan now included "many correct elements", but that the most sensitive issues would be discussed with Trump.
- The Kremlin said it had not received any official details of the changes.

Prisoners
- Ukraine said 31 civilians were returned from Russian captivity in an exchange mediated by Belarus.

Weapons
- Germany pledged an additional 150 million euros for air defence systems.`,
	},
	{
		name:   "elections explainer",
		in:     true,
		points: []int{25},
		text: `Could Ukraine really hold elections within 100 days?

The US peace plan says Ukraine will hold elections in 100 days. That sounds simple. It is not.
Ukraine's constitution bars elections while martial law is in force, and parliament would have to lift it first. Officials in Kyiv say organising a vote for millions of refugees abroad and hundreds of thousands of soldiers at the front would take at least six months.
Zelensky's five-year term formally ended in May 2024, which Moscow has used to question his legitimacy. Ukrainian constitutional lawyers say he remains president until a successor is elected.
Polls suggest Zelensky would face a strong challenge from Valerii Zaluzhny, the former commander-in-chief now serving as ambassador to London.
Zelensky said this week that he was ready to hold elections once the fighting stopped and security could be guaranteed.`,
	},
	{
		name:   "Russian hawks criticise the plan",
		in:     true,
		points: []int{6, 21, 26},
		text: `Russian hawks grumble that Trump plan is too soft on Kyiv

Pro-war Russian bloggers have criticised the US peace plan as too generous to Ukraine, even as Western capitals denounce it as a capitulation.
Their main complaint is that Ukraine would keep an army of 600,000, which they say is far too large for a "demilitarised" neighbour.
Others objected that Russia would not get the whole of the Kherson and Zaporizhzhia regions, which Moscow claims as its own, since the front line there would simply be frozen.
Some bloggers also attacked the idea of an amnesty, saying Ukrainian commanders responsible for the Kursk incursion must face Russian courts.
The Kremlin has been more measured. Peskov said the plan could be a basis for talks but contained points that needed discussion.`,
	},
	{
		name:   "control: coalition of the willing",
		in:     false,
		points: nil,
		text: `Coalition of the willing pledges troops for Ukraine after ceasefire

PARIS — Leaders of more than 30 countries met in Paris on Tuesday and agreed to deploy a multinational force to Ukraine once a ceasefire is in place.
Britain and France said they would set up military hubs across Ukraine, and the United States would lead a ceasefire monitoring mechanism.
Russia has said it would treat any Western troops in Ukraine as legitimate targets.
The leaders also agreed on long-term security guarantees, including arms supplies and training for Ukraine's armed forces.`,
	},
	{
		name:   "control: EU loan and frozen assets",
		in:     false,
		points: nil,
		text: `EU agrees €90bn loan for Ukraine, shelves use of frozen Russian assets

BRUSSELS — European Union leaders agreed early on Friday to lend Ukraine €90bn over the next two years, after failing to agree on using frozen Russian central bank assets.
Belgium, where most of the immobilised assets are held at Euroclear, had demanded guarantees against legal risks.
The loan will be financed by EU borrowing backed by the bloc's budget headroom.
Ukraine's prime minister said the money would keep the army and the state running while the war continues.
European Council President Antonio Costa said the assets would remain frozen until Russia pays reparations.`,
	},
	{
		name:   "control: Putin's demands, no plan",
		in:     false,
		points: nil,
		text: `Putin says Russia will achieve its goals in Ukraine

MOSCOW — Vladimir Putin said on Friday that Russian forces were advancing along the entire front and that Moscow would achieve its goals in Ukraine by military means if diplomacy failed.
Speaking at his annual year-end news conference, Putin said Ukraine must withdraw its troops from the Donbas and drop its bid to join NATO.
He said Russia had no intention of attacking Europe and called such claims "nonsense".
Putin also said Ukraine should hold elections, arguing that Zelensky's term had expired.`,
	},
	{
		name:   "control: energy strikes",
		in:     false,
		points: nil,
		text: `Russia pounds Ukraine's energy grid as winter sets in

KYIV — Russia launched more than 450 drones and 45 missiles at Ukraine overnight, targeting power plants and gas production facilities, Ukraine's air force said.
Blackouts hit Kyiv, Kharkiv and Odesa, and the state grid operator ordered emergency outages across the country.
Zelensky urged allies to speed up deliveries of Patriot air defence systems and said Russia was trying to freeze Ukrainians into submission.
Energy minister Svitlana Hrynchuk, who resigned last week over the Energoatom scandal, was replaced by an acting minister.
Peace efforts have stalled since the summer, and the Kremlin says it will keep fighting until its goals are achieved.`,
	},
}

// TestDevArticles scores every development article with the built-in
// catalog and compares plan context and points with the hand answers.
func TestDevArticles(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	an := document.NewAnalyzer()
	m, err := Compile(cat, an)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range devArticles {
		t.Run(a.name, func(t *testing.T) {
			res := m.Match(an.Analyze(a.name, a.text))
			if res.Context.InContext != a.in {
				t.Errorf("in context = %v (score %.2f), want %v", res.Context.InContext, res.Context.Score, a.in)
			}
			var got []int
			for _, c := range res.Mentions() {
				got = append(got, c.Clause.Point)
			}
			sort.Ints(got)
			if fmt.Sprint(got) != fmt.Sprint(append([]int{}, a.points...)) {
				t.Errorf("points %v, want %v", got, a.points)
			}
		})
	}
}
