package corpus

// pool holds paragraphs of news that is not about the plan, by topic.
// Slots in braces are filled from the lists below, so the same paragraph
// comes out with other names, places and numbers. Some paragraphs are near
// misses on purpose: battlefield news about Russia and Ukraine, Gaza's own
// peace plan, company "plans" and trade "deals".
var pool = map[string][]string{
	"war": {
		"Russian forces pressed their assault on {town} overnight, launching {n} drones and several glide bombs at residential districts, the regional governor said on {day}. Ukrainian air defences shot down most of them, but debris set fire to a warehouse and damaged power lines serving thousands of homes.",
		"Ukraine's general staff reported {n} clashes along the front line in the past 24 hours, the heaviest near {town}, where Russian infantry tried to advance in small groups under cover of fog. Commanders say a shortage of infantry, not of shells, is now their main problem.",
		"Kyiv said its long-range drones struck an oil refinery deep inside Russia, the third such attack this month. Satellite images reviewed by analysts showed smoke rising from a distillation unit, and the refinery's operator said production had been halted for repairs.",
		"Moscow's defence ministry claimed the capture of a village east of {town}, a claim that could not be independently verified. Military bloggers close to the Kremlin described fierce fighting for a railway junction that supplies Ukrainian positions further south.",
		"Engineers are racing to restore heating in {town} after a strike on a thermal power plant left {n} apartment blocks without hot water as temperatures fell below freezing. The energy ministry asked residents to limit the use of electric heaters during peak hours.",
		"The European Union agreed a new package of sanctions aimed at Russia's shadow fleet of ageing tankers, adding {n} vessels to a list of ships barred from European ports. Diplomats said the measures also target traders in the United Arab Emirates accused of helping Moscow evade the oil price cap.",
		"Nato's secretary general told reporters that allies would keep supplying air-defence interceptors to Ukraine through the winter, and urged governments to speed up deliveries already promised. Several members have pledged to spend more on ammunition production at home.",
		"A prisoner exchange brokered by the United Arab Emirates returned {n} Ukrainian servicemen home on {day}, some of them held since the siege of Mariupol. Families waited at the border with photographs of relatives who are still missing.",
	},
	"economy": {
		"The central bank left its main interest rate unchanged at {pct} per cent on {day}, saying inflation had eased but remained above target. Governor {name} told a press conference that rates would stay restrictive for as long as wage growth kept services prices high.",
		"Shares in {company} fell {pct} per cent after the carmaker cut its profit forecast for the year, blaming weak demand in China and the cost of its plan to build three battery plants in Europe. Analysts said the company would struggle to hit its target of selling {n} electric cars by 2027.",
		"Retail sales rose for a second month in October as shoppers bought winter clothing and electronics ahead of the holiday season, official figures showed. Economists had expected a smaller increase and said consumers were spending the savings built up during the pandemic.",
		"The government unveiled a budget plan that would raise {n} billion from new taxes on banks and energy companies and cut spending on defence procurement. The opposition called the deal with coalition partners a recipe for slower growth.",
		"Oil prices climbed above {n} dollars a barrel after producers signalled they would extend output cuts into next year. Traders are also watching stockpiles in the United States, which fell more than expected last week.",
		"Unemployment edged up to {pct} per cent, the highest level in three years, as manufacturers shed jobs in response to high energy costs. The labour ministry said a training programme for laid-off factory workers would be expanded next spring.",
		"Chipmaker {company} agreed a trade deal with suppliers in Taiwan and South Korea to secure memory components for the next two years. The agreement follows shortages that forced laptop makers to delay product launches this autumn.",
		"House prices in the capital fell for the fifth consecutive month, the longest run of declines since 2012, according to a survey of mortgage lenders. First-time buyers have been squeezed by higher borrowing costs, and agents report that fewer homes are changing hands.",
	},
	"sport": {
		"{club} came from behind to beat their rivals {score} on {day}, with a stoppage-time header from their captain sealing a win that lifts them to third in the table. Their manager praised the spirit of a squad weakened by injuries to four defenders.",
		"The world champion crashed out of the tournament in the second round, losing in straight sets to a qualifier ranked {n} places below her. She said afterwards that a wrist injury had troubled her since the summer.",
		"Organisers confirmed that the marathon will go ahead on {day} despite forecasts of heavy rain, with a revised course that avoids the flooded riverside road. More than {n} runners have registered, a record for the event.",
		"The cricket board named an unchanged squad for the second test, keeping faith with an opening batsman who has scored only {n} runs in his last five innings. The selectors said his technique against fast bowling was still the best in the country.",
		"{club} sacked their head coach after a run of seven defeats in nine matches, the club said in a statement. The former assistant will take charge for the trip to {town} at the weekend while the board searches for a permanent replacement.",
		"In cycling, the team announced a new sponsor and a budget that will let it sign two climbers for next season's grand tours. Its general manager said the aim was to challenge for a podium place within three years.",
		"The Olympic committee said it would decide next month whether athletes from Russia and Belarus may compete as neutrals at the winter games. Several national federations have asked for a ban to stay in place.",
	},
	"weather": {
		"Forecasters issued an amber warning for snow and ice across the north on {day}, with up to {n} centimetres expected on high ground. Drivers were told to avoid unnecessary journeys and rail operators warned of cancellations.",
		"A storm named by the meteorological service brought gusts of more than {n} kilometres an hour to coastal areas overnight, uprooting trees and cutting power to thousands of homes. Ferry crossings were suspended until the afternoon.",
		"The autumn was the warmest on record in {town}, the national weather agency said, with average temperatures {pct} degrees above the long-term mean. Scientists linked the run of mild months to warming seas and a weak jet stream.",
		"Farmers in the south are counting the cost of a drought that has lasted since June, with reservoirs at less than a third of capacity. The agriculture ministry has promised compensation for growers who lost their harvest.",
		"Flood defences held in {town} as the river peaked just below the level reached in 2007, but several villages upstream were cut off. Emergency services rescued {n} people from cars stranded on flooded roads.",
		"Heavy fog grounded flights at the main airport for most of the morning, leaving passengers stranded in terminals. Airline staff handed out vouchers as the backlog of departures stretched into the evening.",
	},
	"gaza": {
		"Aid lorries queued at the Rafah crossing on {day} as the United Nations warned that food supplies in northern Gaza were running out. Agencies said only {n} trucks had entered the strip in the past week, far fewer than needed.",
		"Israel and Hamas traded accusations over the fragile ceasefire after a strike in Khan Younis killed {n} people, according to the Gaza health ministry. Mediators from Egypt and Qatar said talks on the next phase of the truce would continue.",
		"The Board of Peace set up under the US 20-point plan for Gaza met for the first time, discussing reconstruction and the deployment of an international stabilisation force. Critics said the plan left open who would govern the territory.",
		"Hostages' families rallied in Tel Aviv to demand that the government keep negotiating until the remains of every captive are returned. The prime minister's office said the deal's terms were being honoured.",
		"Doctors at a hospital in Gaza City said they were treating patients on the floor because of a lack of beds, fuel and medicine. The World Health Organization described the situation as catastrophic.",
		"The West Bank saw a surge in settler violence, with olive farmers attacked in several villages during the harvest, human rights groups said. The Israeli army said it was investigating the incidents.",
	},
	"tech": {
		"{company} unveiled a new smartphone with a folding screen and a battery it says lasts two days, priced at {n} dollars. Reviewers praised the camera but questioned whether buyers would pay a premium for the design.",
		"Regulators opened an investigation into whether {company} abused its dominance in online advertising by favouring its own services in search results. The company said it would cooperate fully.",
		"A cyber attack disrupted check-in systems at several European airports over the weekend, the second such incident this year. Security researchers traced the malware to a criminal group that demands ransom payments in cryptocurrency.",
		"The start-up raised {n} million dollars to build data centres powered by small nuclear reactors, betting that demand for artificial intelligence will outstrip the capacity of the electricity grid.",
		"Scientists reported a quantum computing milestone, running an error-corrected calculation on {n} logical qubits for more than an hour. Sceptics noted that useful applications are still years away.",
		"Lawmakers passed a bill requiring social media platforms to verify the age of users and to switch off algorithmic feeds for children by default. Technology companies warned the rules would be difficult to enforce.",
		"The space agency postponed the launch of its lunar lander by a month after engineers found a fault in a fuel valve during testing. The mission plan still calls for a landing near the moon's south pole next year.",
	},
}

var slots = map[string][]string{
	"town":    {"Pokrovsk", "Kharkiv", "Huliaipole", "Zaporizhzhia", "Kupiansk", "Sumy", "Kherson", "Odesa", "Dnipro", "Lviv", "Leeds", "Lyon", "Porto", "Gdansk", "Brno"},
	"day":     {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"},
	"n":       {"12", "37", "48", "150", "212", "400", "1,200", "3,500", "18", "75", "96", "640"},
	"pct":     {"2.1", "3.5", "4.25", "1.8", "6", "0.7", "5.4"},
	"name":    {"Anna Lindqvist", "Marek Novak", "Sofia Reyes", "Tomas Berg", "Claire Dubois", "Kenji Sato"},
	"company": {"Voltera", "Northwind Motors", "Quantix", "Helio Systems", "Brightline", "Oakridge Semiconductors"},
	"club":    {"Rovers", "United", "Athletic", "City", "Wanderers", "Albion"},
	"score":   {"2-1", "3-2", "1-0", "4-3", "2-0"},
}

// headlines start non-plan articles, by topic.
var headlines = map[string][]string{
	"war":     {"Overnight strikes hit Ukrainian cities", "Front-line fighting intensifies in the east", "Europe tightens sanctions on Russian oil"},
	"economy": {"Central bank holds rates", "Carmaker cuts forecast", "Jobless rate rises"},
	"sport":   {"Late winner lifts club to third", "Champion knocked out", "Coach sacked after losing run"},
	"weather": {"Snow warning for the north", "Storm cuts power to thousands", "Warmest autumn on record"},
	"gaza":    {"Aid trickles into Gaza", "Ceasefire under strain", "Board of Peace meets"},
	"tech":    {"New folding phone unveiled", "Regulators probe ad giant", "Cyber attack hits airports"},
}
