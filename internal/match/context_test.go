package match

import (
	"testing"

	"github.com/plancheck/plancheck/internal/catalog"
	"github.com/plancheck/plancheck/internal/document"
)

// contextCases are short articles, in news language, that pin the
// built-in catalog's plan-context rules (codebook 1): an article is in
// context when it discusses the 2025 US plan, its 19/20-point revisions or
// counter-proposals to it; stories on the war, other deals, NATO,
// sanctions or a prisoner swap that never refer to the plan are not.
var contextCases = []struct {
	name string
	in   bool
	text string
}{
	{
		name: "wire story on the leaked 28-point plan",
		in:   true,
		text: `Washington has drawn up a 28-point plan to end the war in Ukraine, officials said on Thursday.
The draft, worked out by envoy Steve Witkoff with Kremlin envoy Kirill Dmitriev, would require Kyiv to give up the part of Donbas it still holds.
Ukraine's army would be capped at 600,000 under the proposal, and the country would never join Nato.
European diplomats said they had not been consulted.`,
	},
	{
		name: "Geneva talks on the revised 19-point draft",
		in:   true,
		text: `US and Ukrainian negotiators left Geneva with a revised 19-point framework, pared down from the original document.
Secretary of State Marco Rubio said the talks were the most productive so far.
The most sensitive questions, including territory, were left for Presidents Zelensky and Trump to settle.
Russia has said it has not yet seen the new version of the peace plan.`,
	},
	{
		name: "Witkoff and Kushner in Moscow",
		in:   true,
		text: `Steve Witkoff and Jared Kushner spent five hours with Vladimir Putin in the Kremlin discussing the US peace plan for Ukraine.
Putin's aide Yuri Ushakov said no compromise had been found on the territorial question.
The American proposal has been revised twice since it was leaked last month.
Ukraine's negotiators are due to meet the US envoys in Florida later this week to go over the draft.`,
	},
	{
		name: "European counter-proposal",
		in:   true,
		text: `Britain, France and Germany have drafted a counter-proposal to the US peace plan for Ukraine.
The European text would cap Ukraine's armed forces at 800,000 in peacetime and start territorial talks from the current line of contact.
It drops the American proposal's amnesty clause and ties any use of frozen Russian assets to Russia compensating Ukraine.
Officials in Kyiv welcomed the counterproposal.`,
	},
	{
		name: "Kremlin reaction",
		in:   true,
		text: `Vladimir Putin said the US plan could form the basis of a final peace settlement in Ukraine, but warned Kyiv to accept it.
Speaking in Bishkek, Putin said Russia had received the document through unofficial channels.
If Ukraine refused the proposal, he said, Russian forces would keep advancing.`,
	},
	{
		name: "Gaza 20-point plan and Board of Peace",
		in:   false,
		text: `The UN Security Council endorsed Donald Trump's 20-point plan for Gaza on Monday, backing an international stabilisation force.
Under the plan, a Board of Peace chaired by Trump would oversee the territory's reconstruction.
The 20-point plan also calls for Hamas to disarm and for the release of all remaining hostages.
Steve Witkoff and Jared Kushner, who helped broker the ceasefire, are expected back in the region next week.
Russia and China abstained in the vote.`,
	},
	{
		name: "2022 Black Sea grain deal",
		in:   false,
		text: `The Black Sea Grain Initiative, brokered by the United Nations and Turkey in July 2022, allowed Ukraine to resume grain exports from three ports.
Russia pulled out of the grain deal a year later, saying its own food and fertiliser exports were still blocked.
Ukraine has since opened its own shipping corridor along the coast.`,
	},
	{
		name: "prisoner swap",
		in:   false,
		text: `Russia and Ukraine exchanged 84 prisoners each on Thursday in a swap mediated by the United Arab Emirates.
Among those freed were soldiers captured during the defence of Mariupol, Ukraine's coordination headquarters said.
The bodies of 1,000 fallen soldiers were also repatriated.
Peace talks between Moscow and Kyiv have yielded little beyond such exchanges.`,
	},
	{
		name: "NATO summit on defence spending",
		in:   false,
		text: `NATO leaders agreed in The Hague to raise defence spending to 5% of GDP by 2035.
Donald Trump praised the allies, saying the alliance was stronger than ever.
The summit communique described Russia as a long-term threat to Euro-Atlantic security but did not mention Ukraine's path to membership.
Zelensky met Trump on the sidelines to discuss air defence.`,
	},
	{
		name: "EU sanctions on the shadow fleet",
		in:   false,
		text: `The European Union adopted its 19th package of sanctions against Russia, targeting more than 100 shadow fleet tankers and banning imports of Russian liquefied natural gas from 2027.
EU foreign policy chief Kaja Kallas said the measures would keep up pressure on Moscow until it agreed to a ceasefire.
Washington last week imposed its own sanctions on Rosneft and Lukoil, saying Putin had not shown a serious commitment to a peace deal.
Russia said the sanctions would not change its position.`,
	},
	{
		name: "battlefield report",
		in:   false,
		text: `Russian troops pushed into the centre of Pokrovsk as Ukrainian units tried to hold supply routes into the city.
Ukraine's army said it had withdrawn from two villages near Huliaipole in the Zaporizhzhia region.
Russian drones and missiles struck energy infrastructure overnight in Kharkiv and Dnipro.
Russia now controls about a fifth of Ukraine's territory.`,
	},
	{
		name: "Armenia-Azerbaijan peace deal at the White House",
		in:   false,
		text: `Donald Trump hosted the leaders of Armenia and Azerbaijan at the White House, where they initialled a peace agreement.
The deal creates a transit route through southern Armenia, to be developed by the United States.
Analysts said the peace deal was a blow to Russia's influence in the South Caucasus.
Moscow said it welcomed any steps towards peace in the region.`,
	},
	{
		name: "Ukrainian elections under martial law and the Mindich scandal",
		in:   false,
		text: `Ukraine cannot hold elections while martial law is in force, its constitution says.
The energy corruption scandal around businessman Timur Mindich has shaken Zelensky's government, and two ministers have resigned.
Zelensky imposed sanctions on Mindich, who left the country before the raids.
Opposition politicians have called for a government of national unity.`,
	},
	{
		name: "IAEA at the Zaporizhzhia nuclear plant",
		in:   false,
		text: `IAEA inspectors repaired a damaged power line to the Zaporizhzhia nuclear power plant during a local ceasefire arranged by the agency.
The plant, occupied by Russian forces since March 2022, had relied on diesel generators for a month.
IAEA chief Rafael Grossi said both sides had cooperated with the repair plan.`,
	},
	{
		name: "sanctions story mentioning Trump's push for a deal",
		in:   false,
		text: `The US Treasury sanctioned Russia's two largest oil companies, Rosneft and Lukoil, in Trump's first major sanctions on Moscow.
Trump said he had cancelled a planned summit with Putin in Budapest because it did not feel right.
The president has repeatedly said he wants a peace deal between Russia and Ukraine.
Oil prices rose 5% on the news.`,
	},
	{
		name: "Alaska summit before the plan existed",
		in:   false,
		text: `Trump and Putin meet in Alaska but reach no ceasefire deal

ANCHORAGE, Alaska — Donald Trump and Vladimir Putin met for nearly three hours at a military base in Alaska on Friday but failed to agree on a ceasefire in Ukraine.
Trump said there had been "great progress" and that a peace deal between Russia and Ukraine was now up to Zelensky.
Putin, according to people briefed on the talks, demanded that Ukraine withdraw from the parts of the Donetsk region it still controls in exchange for freezing the front line elsewhere.
Steve Witkoff, Trump's envoy, said Russia had agreed to allow the United States and Europe to offer Ukraine Article 5-like security guarantees.
Zelensky is due in Washington on Monday with European leaders.`,
	},
	{
		name: "Zelensky's 2024 victory plan",
		in:   false,
		text: `Zelensky presents 'victory plan' to Biden

WASHINGTON — Volodymyr Zelensky presented his "victory plan" to President Joe Biden at the White House on Thursday, asking for permission to strike deep inside Russia with Western long-range missiles.
The plan also calls for an invitation for Ukraine to join NATO, which Zelensky said would show Moscow that the West was serious.
Biden announced $8bn in new military aid for Ukraine but did not lift restrictions on the use of long-range weapons.
Zelensky also met Donald Trump in New York, where Trump said he would end the war quickly if elected.`,
	},
	{
		name: "Istanbul memorandums of 2025",
		in:   false,
		text: `Russia and Ukraine exchange memorandums at Istanbul talks

ISTANBUL — Russian and Ukrainian delegations met for just over an hour in Istanbul on Monday and agreed to exchange all seriously wounded prisoners and those under 25.
Russia's delegation handed over a memorandum setting out its conditions for a ceasefire, including the withdrawal of Ukrainian troops from four regions and a ban on Ukraine joining NATO.
Ukraine's defence minister Rustem Umerov said Kyiv would study the document.
The talks were the second round since Trump urged both sides to negotiate directly.`,
	},
}

func TestPlanContext(t *testing.T) {
	cat, err := catalog.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	an := document.NewAnalyzer()
	m, err := Compile(cat, an)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range contextCases {
		t.Run(c.name, func(t *testing.T) {
			res := m.Match(an.Analyze(c.name, c.text))
			if res.Context.InContext != c.in {
				t.Errorf("in context = %v (score %.2f), want %v; reasons: %v", res.Context.InContext, res.Context.Score, c.in, res.Context.Reasons)
			}
			if !c.in && len(res.Mentions()) > 0 {
				t.Errorf("an article out of plan context reports %d points", len(res.Mentions()))
			}
		})
	}
}
