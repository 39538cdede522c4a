import { MeasureClass, Quantity } from "@crosscheck/domain"
import { Analysis, Completions, Extractor, type Measures, Quantities, Reopenings } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"
import measures from "../src/measures.json" with { type: "json" }
import units from "../src/units.json" with { type: "json" }

// Made-up sentences, one row per phrase: the quantity (by the value it starts with) and its measure.
const nlp = Extractor.loadModel()
const quantities = (text: string) => {
  const a = Analysis.analyse(nlp, text)
  return a.sentences.flatMap((s) => Quantities.find(text, Analysis.sentenceTokens(a, s)))
}
const at = (sentence: string, value: string) => {
  const q = quantities(sentence).find((x) => x.text.includes(value))
  return q ? { low: q.low, ...Quantity.measureOf(q) } : undefined
}

type Row = readonly [sentence: string, value: string, expected: Partial<Quantity.Measure> & { low?: number }]

/** Rows naming the rule they exercise; a catalogue rule without a row fails the coverage test below. */
const RULE_ROWS: ReadonlyArray<Row> = [
  ["The blast killed 14 people in the market.", "14", { class: "deaths", rule: "deaths: killed", predicate: "kill" }],
  ["At least 9 people died in the crash.", "9", { class: "deaths", rule: "deaths: killed" }],
  ["The storm left 23 dead across the coast.", "23", { class: "deaths", rule: "deaths: killed" }],
  ["Officials reported 31 deaths overnight.", "31", { class: "deaths", rule: "deaths: death toll" }],
  ["The death toll rose to 57 on Tuesday.", "57", { class: "deaths", rule: "deaths: death toll" }],
  ["Rescuers recovered 8 bodies from the river.", "8", { class: "deaths", rule: "deaths: bodies found" }],
  ["Another 16 were wounded in the shelling.", "16", { class: "injuries", rule: "injuries: wounded" }],
  ["A dozen people were hurt in the stampede.", "dozen", { class: "injuries", low: 12 }],
  ["Doctors treated 44 injuries at the scene.", "44", { class: "injuries", rule: "injuries: injuries" }],
  ["Seven patients with burns were flown out.", "Seven", { class: "injuries", rule: "injuries: injuries" }],
  [
    "Twenty riders sustained injuries in the pile-up.",
    "Twenty",
    { class: "injuries", rule: "injuries: suffered injuries" },
  ],
  [
    "Six people were seriously injured.",
    "Six",
    { class: "injuries-serious", rule: "injuries-serious: seriously injured" },
  ],
  [
    "Three climbers were very badly hurt.",
    "Three",
    { class: "injuries-serious", rule: "injuries-serious: seriously injured" },
  ],
  [
    "Five people with critical injuries were airlifted.",
    "Five",
    { class: "injuries-serious", rule: "injuries-serious: serious injuries" },
  ],
  [
    "Two workers are in critical condition.",
    "Two",
    { class: "injuries-serious", rule: "injuries-serious: serious injuries" },
  ],
  [
    "Eight pupils were slightly injured.",
    "Eight",
    { class: "injuries-minor", rule: "injuries-minor: slightly injured" },
  ],
  ["Nine guests suffered minor injuries.", "Nine", { class: "injuries-minor", rule: "injuries-minor: minor injuries" }],
  ["The standoff lasted 14 hours.", "14 hours", { class: "duration", rule: "duration: lasted" }],
  ["The siege lasted about six hours before the man gave himself up.", "six hours", { class: "duration" }],
  ["Eleven hostages were held in the post office.", "Eleven", { class: "hostages", rule: "hostages: hostages" }],
  ["Thieves stole seven paintings from the gallery.", "seven", { class: "stolen", rule: "stolen: stolen" }],
  ["Police said four hostages were freed at dawn.", "four", { class: "released", rule: "released: freed" }],
  ["The kidnappers demanded $3 million.", "$3 million", { class: "money-demand", rule: "money-demand: demanded" }],
  [
    "The family was told to pay a ransom of $80,000.",
    "$80,000",
    { class: "money-demand", rule: "money-demand: ransom" },
  ],
  ["About 6,000 spectators were in the ground.", "6,000", { class: "attendance", rule: "attendance: protesters" }],
  // Fans are who they support, not a crowd counted: "dozens of fans ran on to the pitch" is no attendance.
  ["Dozens of fans ran on to the pitch.", "Dozens", { class: "unknown" }],
  [
    "The city opened a relief fund of €2 million.",
    "€2 million",
    { class: "money-budget", rule: "money-budget: budget" },
  ],
  ["The clashes caused 210 casualties.", "210", { class: "casualties", rule: "casualties: casualties" }],
  ["Some 6 climbers remain missing on the peak.", "6", { class: "missing", rule: "missing: missing" }],
  ["About 70 miners were trapped underground.", "70", { class: "trapped", rule: "trapped: trapped" }],
  ["Crews rescued 112 people from rooftops.", "112", { class: "rescued", rule: "rescued: rescued" }],
  // The adjective completing the verb says what is counted; the verb only how it became known.
  ["Nine hikers were found alive near the ridge.", "Nine", { class: "rescued", rule: "rescued: found alive" }],
  ["Fewer than 10 were pulled out alive, a medic said.", "10", { class: "rescued", rule: "rescued: found alive" }],
  ["Fourteen fishermen were found dead on the shore.", "Fourteen", { class: "deaths", rule: "deaths: killed" }],
  ["About 25 tourists were reported missing.", "25", { class: "missing", rule: "missing: missing" }],
  ["Some 400 families were left homeless.", "400", { class: "displaced", rule: "displaced: homeless" }],
  ["More than 60 workers are believed trapped in the tunnel.", "60", { class: "trapped", rule: "trapped: trapped" }],
  ["Some 90 men, women and children were feared dead.", "90", { class: "deaths", rule: "deaths: killed" }],
  ["Rescuers searched for 40 miners and engineers believed trapped.", "40", { class: "trapped" }],
  // The noun before 'of' names every figure of the list it opens.
  ["The bodies of 14 women and 9 children lay in the hall.", "14", { class: "deaths", rule: "deaths: bodies of" }],
  ["The bodies of 14 women, 11 men and 9 children were found.", "11", { class: "deaths", rule: "deaths: bodies of" }],
  ["The bodies of 14 women, 11 men and 9 children were found.", "9", { class: "deaths", rule: "deaths: bodies of" }],
  ["Nearly 35 pupils were hospitalised after the meal.", "35", { class: "hospitalised" }],
  ["Of those hurt, 38 are still in hospital.", "38", { class: "hospitalised", rule: "hospitalised: in hospital" }],
  ["Hospital admissions reached 210.", "210", { class: "hospitalised", rule: "hospitalised: hospital admissions" }],
  [
    "Authorities evacuated 4,500 residents from the valley.",
    "4,500",
    { class: "evacuated", rule: "evacuated: evacuated" },
  ],
  ["The shelters hold 900 evacuees.", "900", { class: "evacuated", rule: "evacuated: evacuees" }],
  [
    "Nearly 700 villagers were moved from their houses overnight.",
    "700",
    { class: "evacuated", rule: "evacuated: moved out", predicate: "move" },
  ],
  ["About 450 tenants were bused to a school gym.", "450", { class: "evacuated", rule: "evacuated: moved out" }],
  ["Fighting has displaced 60,000 villagers.", "60,000", { class: "displaced", rule: "displaced: displaced" }],
  ["The floods left 2,300 homeless.", "2,300", { class: "displaced", rule: "displaced: homeless" }],
  ["The camp houses 18,000 refugees.", "18,000", { class: "displaced", rule: "displaced: refugees" }],
  ["Police arrested 27 protesters on Sunday.", "27", { class: "arrests", rule: "arrests: arrested" }],
  ["The raids led to 140 arrests.", "140", { class: "arrests", rule: "arrests: arrests" }],
  ["Soldiers detained 33 men at the crossing.", "33", { class: "detained", rule: "detained: detained" }],
  ["The camp holds 700 detainees.", "700", { class: "detained", rule: "detained: detainees" }],
  ["Prosecutors charged 15 officials.", "15", { class: "charged", rule: "charged: charged" }],
  ["The drought affected 2 million people.", "2 million", { class: "affected", rule: "affected: affected" }],
  ["The army fired 4,000 shells at the town.", "4,000", { class: "munitions", rule: "munitions: shells" }],
  ["Health officials confirmed 85 new cases.", "85", { class: "cases", rule: "cases: cases", scope: "increment" }],
  ["Tests found 40 people infected with the virus.", "40", { class: "cases", rule: "cases: infected" }],
  ["The quake destroyed 300 homes in the town.", "300", { class: "buildings-destroyed" }],
  ["The hail damaged 1,200 houses.", "1,200", { class: "buildings-damaged" }],
  ["Seven shops were flattened in the blast.", "Seven", { class: "buildings-destroyed" }],
  ["Flood water damaged 40 businesses on the quay.", "40", { class: "buildings-damaged" }],
  ["The carmaker will cut 1,800 jobs.", "1,800", { class: "jobs-cut", rule: "jobs-cut: cut", modality: "forecast" }],
  ["About 310 jobs will go under the closure plan.", "310", { class: "jobs-cut", rule: "jobs-cut: jobs go" }],
  ["The mill laid off 240 workers last month.", "240", { class: "jobs-cut", rule: "jobs-cut: laid off" }],
  ["The club fired 12 last week.", "12", { class: "jobs-cut", rule: "jobs-cut: fired" }],
  ["The bank announced 600 layoffs.", "600", { class: "jobs-cut", rule: "jobs-cut: layoffs" }],
  // A noun of losing the jobs counted ("the loss of"), not any cut in the sentence.
  [
    "The bank will close 47 branches, with the loss of about 620 jobs.",
    "620",
    { class: "jobs-cut", rule: "jobs-cut: loss of jobs" },
  ],
  ["The plan means the loss of 300 posts.", "300", { class: "jobs-cut", rule: "jobs-cut: loss of jobs" }],
  ["Despite the cuts, the plant still has 620 jobs.", "620", { class: "jobs", rule: "jobs: jobs" }],
  ["The plant will create 450 jobs.", "450", { class: "jobs-created", rule: "jobs-created: created" }],
  ["The factory will bring 3,000 jobs to the town.", "3,000", { class: "jobs-created", rule: "jobs-created: brought" }],
  // Workers brought in are no jobs made.
  ["The firm will bring 500 workers from abroad.", "500", { class: "jobs", rule: "jobs: jobs" }],
  ["The chain reported 75 hires in May.", "75", { class: "jobs-created", rule: "jobs-created: hires" }],
  ["The lab recruited 60 chemists.", "60", { class: "jobs-created", rule: "jobs-created: hired" }],
  ["The brewery employs 2,100 people.", "2,100", { class: "jobs", rule: "jobs: employs" }],
  ["The site has 3,400 workers.", "3,400", { class: "jobs", rule: "jobs: jobs" }],
  ["The country sent 1,500 soldiers to the border.", "1,500", { class: "troops", rule: "troops: deployed" }],
  ["The base holds 9,000 troops.", "9,000", { class: "troops", rule: "troops: troops" }],
  ["About 120 firefighters fought the blaze.", "120", { class: "responders", rule: "responders: rescuers" }],
  [
    "Some 30 fire engines were sent to the port.",
    "30",
    { class: "response-vehicles", rule: "response-vehicles: fire engines" },
  ],
  [
    "Organisers counted 25,000 protesters in the square.",
    "25,000",
    { class: "attendance", rule: "attendance: protesters" },
  ],
  ["About 8,000 people marched through the city.", "8,000", { class: "attendance", rule: "attendance: attended" }],
  ["The mayor won 41,000 votes.", "41,000", { class: "votes", rule: "votes: votes" }],
  ["In the chamber, 212 voted against the bill.", "212", { class: "votes", rule: "votes: voted" }],
  [
    "More than 1,000 people have signed a petition against the closure.",
    "More than 1,000",
    { class: "signatures", rule: "signatures: signed" },
  ],
  [
    "The petition had about 4,300 signatures by Thursday.",
    "about 4,300",
    { class: "signatures", rule: "signatures: signatures" },
  ],
  // Gathered signatures are signatures, not a gathering: the counted noun goes before the verb.
  [
    "The campaign had gathered about 7,400 signatures by Tuesday.",
    "about 7,400",
    { class: "signatures", rule: "signatures: signatures" },
  ],
  // Signing players is no petition's count: the verb's object decides.
  ["The club signed 12 players in January.", "12", { class: "unknown" }],
  ["The driver was sentenced to 6 years.", "6 years", { class: "prison-sentence", rule: "prison-sentence: sentenced" }],
  [
    "He faces a prison term of 10 years.",
    "10 years",
    { class: "prison-sentence", rule: "prison-sentence: prison term" },
  ],
  ["The ferry port will stay closed for 36 hours.", "36 hours", { class: "closure", rule: "closure: closed for" }],
  ["The donors pledged $40 million.", "$40 million", { class: "money-aid", rule: "money-aid: pledged" }],
  ["The region received $12m in aid.", "$12m", { class: "money-aid", rule: "money-aid: aid" }],
  ["The airline was fined $3.5m by regulators.", "$3.5m", { class: "money-fine", rule: "money-fine: fined" }],
  ["The bank faces a penalty of £20m.", "£20m", { class: "money-fine", rule: "money-fine: fine" }],
  ["Quarterly revenue was $4.2 billion.", "$4.2 billion", { class: "money-revenue", rule: "money-revenue: revenue" }],
  ["Net profit reached €310 million.", "€310 million", { class: "money-profit", rule: "money-profit: profit" }],
  ["The insurer posted a net loss of $95m.", "$95m", { class: "money-loss", rule: "money-loss: loss", scope: "total" }],
  ["The fund lost $2bn in a week.", "$2bn", { class: "money-loss", rule: "money-loss: lost" }],
  ["The storm caused $7bn in damage.", "$7bn", { class: "money-damage", rule: "money-damage: damage" }],
  ["The company estimated the repairs at about $3m.", "about $3m", { class: "money-cost", rule: "money-cost: costs" }],
  ["The project's costs reached $2bn.", "$2bn", { class: "money-cost", rule: "money-cost: costs" }],
  ["The bridge cost $900m to build.", "$900m", { class: "money-cost", rule: "money-cost: cost" }],
  ["The university has about 4,600 staff.", "4,600", { class: "jobs", rule: "jobs: jobs" }],
  ["About 120 staff had applied for voluntary severance.", "120", { class: "unknown" }],
  ["The merger will save $400,000 a year.", "$400,000", { class: "money-savings", rule: "money-savings: save" }],
  [
    "We have to make savings of $45m over two years.",
    "$45m",
    { class: "money-savings", rule: "money-savings: savings" },
  ],
  ["The council set a budget of $60m.", "$60m", { class: "money-budget", rule: "money-budget: budget" }],
  ["The state allocated $15m for repairs.", "$15m", { class: "money-budget", rule: "money-budget: allocated" }],
  ["The start-up raised $30 million.", "$30 million", { class: "money-investment" }],
  ["The deal brings an investment of $1.1bn.", "$1.1bn", { class: "money-investment" }],
  ["The city has a debt of $3bn.", "$3bn", { class: "money-debt", rule: "money-debt: debt" }],
  ["The club borrowed £45m last year.", "£45m", { class: "money-debt", rule: "money-debt: borrowed" }],
  // Wages owed are wages, however the owing is said; money owed for nothing named stays a debt.
  ["Staff are owed €700,000 in wages.", "€700,000", { class: "money-salary", rule: "money-salary: wages owed" }],
  [
    "Staff are owed around £350,000 in unpaid wages.",
    "£350,000",
    { class: "money-salary", rule: "money-salary: wages owed" },
  ],
  ["The club owes £45m to its bank.", "£45m", { class: "money-debt", rule: "money-debt: borrowed" }],
  ["The chief's salary is $1.3m.", "$1.3m", { class: "money-salary", rule: "money-salary: salary" }],
  ["The striker earned £9m last season.", "£9m", { class: "money-salary", rule: "money-salary: earned" }],
  ["The firm was valued at $8bn.", "$8bn", { class: "money-deal", rule: "money-deal: valued" }],
  ["The brothers have a net worth of $5bn.", "$5bn", { class: "money-deal", rule: "money-deal: valuation" }],
  // A sum paid for something bought is its price; paid alone, or for each of a thing, it says no more.
  [
    "In 2015 a pension fund paid 96 million euros for it.",
    "96 million",
    { class: "money-price", rule: "money-price: paid for" },
  ],
  ["She had paid 6,500 euros in April.", "6,500", { class: "unknown" }],
  ["The agency will pay pharmacists 3 euros for each pack.", "3 euros", { class: "unknown" }],
  // An order or a contract won is a deal worth its sum.
  [
    "The yard has won a 620-million-euro order.",
    "620-million-euro",
    { class: "money-deal", rule: "money-deal: valuation" },
  ],
  ["The average price is $350.", "$350", { class: "money-price", rule: "money-price: price" }],
  ["The phone is priced at $799.", "$799", { class: "money-price", rule: "money-price: priced" }],
  ["The blaze has burned 12,000 acres.", "12,000", { class: "area-burned", rule: "area-burned: burned" }],
  ["The fire covers 3,000 hectares.", "3,000", { class: "area-burned", rule: "area-burned: fire" }],
  ["The island's population is 52,000.", "52,000", { class: "population" }],
  ["Exports reached $14bn last year.", "$14bn", { class: "money-trade", rule: "money-trade: exports" }],
  ["The ferry carried 2,400 passengers on Friday.", "2,400", { class: "passengers", rule: "passengers: passengers" }],
  ["A small boat carrying some 60 people overturned.", "60", { class: "passengers", rule: "passengers: carried" }],
  ["About 90 people were on board when it sank.", "90", { class: "passengers", rule: "passengers: passengers" }],
  ["Six people aboard the boat were rescued by a trawler.", "Six", { class: "rescued" }],
  [
    "Two passengers, including a 2-month-old baby whose lungs were filled with seawater, were saved by fishermen.",
    "Two",
    { class: "rescued" },
  ],
  ["The hotel has beds for about 560 guests.", "560", { class: "capacity", rule: "capacity: room for" }],
  [
    "The region set up a retraining scheme with places for 500 workers.",
    "500",
    { class: "capacity", rule: "capacity: room for" },
  ],
  ["The pit, about 30 metres wide, swallowed two cars.", "30 metres", { class: "size", rule: "size: wide or long" }],
  ["The number of people checked for contamination has risen to 31.", "31", { class: "unknown", predicate: "check" }],
  // "extras" as written is film extras, a count; "350 extra staff" adds to a figure.
  ["The studio will hire about 350 extras in the town.", "about 350", { scope: "total" }],
  ["The studio will hire 350 extra staff in the town.", "350", { scope: "increment" }],
  ["The number of people evacuated rose to 3,000 on Monday.", "3,000", { class: "evacuated", predicate: "evacuate" }],
  // A subject that opens its sentence names the figure past a verb's -ing form and its object.
  ["The cost of restoring the old baths has risen to 8.2 million euros.", "8.2 million", { class: "money-cost" }],
  ["The bill for doing up the baths has ballooned to 14 million euros.", "14 million", { class: "money-cost" }],
  ["The cost was low at first, and the fee has risen to 9 euros.", "9 euros", { class: "money-price" }],
  [
    "The course of the race was about 380 metres short, the federation said.",
    "about 380 metres",
    { class: "shortfall", rule: "shortfall: metres short" },
  ],
  ["The new runway is 300 metres too short for the jets.", "300 metres", { class: "shortfall" }],
  ["A hole some 12 metres across opened in the road.", "12 metres", { class: "size", rule: "size: wide or long" }],
  // "across" opening a phrase of its own is no width.
  ["The blast flung stones up to 800 metres across the village.", "800 metres", { class: "unknown" }],
  ["It was a 14-metre trawler.", "14-metre", { class: "size", rule: "size: a 12-metre boat", of: "trawler" }],
  ["The 40m gap in the wall was confirmed.", "40m", { class: "size", rule: "size: a 12-metre boat", of: "gap" }],
  ["Crews closed a 5 km stretch of the road.", "5 km", { class: "size", rule: "size: a 12-metre boat", of: "stretch" }],
  // A participle describing the whole a part is counted out of is the whole's; the verb after it states the part.
  ["Two of the four people hurt remain in hospital.", "Two", { class: "hospitalised", predicate: "remain" }],
  ["Three of the 12 miners trapped were killed.", "Three", { class: "deaths" }],
  // A size right after a noun for a part is the part's; after any other noun it names no holder.
  ["A section about 25 metres wide was torn away.", "about 25 metres", { class: "size", of: "section" }],
  ["The crater, about 40 metres wide, opened overnight.", "about 40 metres", { class: "size", of: null }],
  // The subject past a relative clause set off by commas names the figure.
  ["The toll, which officials revised twice, rose to 40.", "40", { class: "deaths" }],
  ["Police set up a 300-metre cordon.", "300-metre", { class: "size", of: "cordon" }],
  ["The liner has a capacity of 3,000 passengers.", "3,000", { class: "capacity", rule: "capacity: room for" }],
  ["The hall can accommodate up to 800 guests.", "800", { class: "capacity", rule: "capacity: can take" }],
  ["Officials reported an increase in the death toll to 92.", "92", { class: "deaths" }],
  ["Four were treated for hypothermia.", "Four", { class: "treated", rule: "treated: treated for" }],
  // The verb's words past the figure and what it counts, for a verb before the figure.
  ["Paramedics treated 14 passengers at the scene.", "14", { class: "treated", rule: "treated: treated for" }],
  ["Medics treated 30 of the climbers for frostbite.", "30", { class: "treated", rule: "treated: treated for" }],
  // Not past a comma: the words belong to another clause.
  ["Paramedics treated 14, and 40 passengers waited at the scene.", "40", { class: "passengers" }],
  // Money named by its noun before a verb of giving says what it is ("promised 150 euros in compensation").
  [
    "The operator promised 150 euros in compensation to every passenger.",
    "150 euros",
    { class: "money-compensation", rule: "money-compensation: compensation" },
  ],
  ["The ministry pledged 5 million euros to the town.", "5 million euros", { class: "money-aid" }],
  ["Twelve people were treated in hospital.", "Twelve", { class: "hospitalised" }],
  // Victims still in hospital are alive: where they are names the figure before the word for them does.
  ["Nine victims are still in hospital.", "Nine", { class: "hospitalised", rule: "hospitalised: in hospital" }],
  ["The victims numbered 40.", "40", { class: "deaths" }],
  // Over an aside that says who they were to the verb.
  ["Two patients, a man aged 81 and a woman aged 77, have died since Sunday.", "Two", { class: "deaths" }],
  ["The liner carries up to 3,500 passengers.", "up to 3,500", { class: "capacity", rule: "capacity: carries up to" }],
  ["A boat carrying up to 200 migrants capsized.", "up to 200", { class: "passengers", rule: "passengers: carried" }],
  [
    "The basket fell from a height of about 100 metres.",
    "about 100 metres",
    { class: "height", rule: "height: a height of" },
  ],
  [
    "The balloon is licensed to carry up to 20 passengers.",
    "up to 20",
    { class: "capacity", rule: "capacity: can carry up to" },
  ],
  ["The hall can hold up to 900 people.", "up to 900", { class: "capacity", rule: "capacity: can hold people" }],
  ["The barn can hold up to 900 bales.", "up to 900", { class: "capacity", rule: "capacity: can carry up to" }],
  ["The stadium holds 42,000 people.", "42,000", { class: "capacity", rule: "capacity: holds people" }],
  ["The stadium seats 30,000 spectators.", "30,000", { class: "capacity", rule: "capacity: holds people" }],
  // The past tense tells what a place held on one night, not what it can hold.
  ["The hall held 500 people last night.", "500", { class: "unknown" }],
  ["Official attendance was 36,812.", "36,812", { class: "attendance", rule: "attendance: protesters" }],
  // A town's noun names a population only when what the figure counts, if anything, is people.
  ["The town has 12,000 residents.", "12,000", { class: "population", rule: "population: a town of" }],
  ["The village has 40 shops.", "40", { class: "unknown" }],
  ["The city has about 48,000 street trees.", "about 48,000", { class: "unknown" }],
  ["The ferry carried up to 300 passengers on each crossing.", "up to 300", { class: "passengers" }],
  ["The river was 1.2 metres above its normal level.", "1.2 metres", { class: "level", rule: "level: above normal" }],
  ["The lake stood about 40 centimetres below normal.", "about 40 centimetres", { class: "level" }],
  [
    "About 90,000 homes lost power in the storm.",
    "90,000",
    { class: "without-power", rule: "without-power: lost power" },
  ],
  [
    "About 90,000 homes were still without power on Sunday.",
    "About 90,000",
    { class: "without-power", rule: "without-power: without power" },
  ],
  [
    "The burst main left 12,000 homes without running water.",
    "12,000",
    { class: "without-water", rule: "without-water: without water" },
  ],
  ["Up to 30,000 homes in the east have no water.", "Up to 30,000", { class: "without-water" }],
  ["More than 20,000 homes were plunged into darkness.", "20,000", { class: "without-power" }],
  ["Some 4,000 customers were left without electricity.", "4,000", { class: "without-power" }],
  ["The flood destroyed 40 homes.", "40", { class: "buildings-destroyed" }],
  ["More than 60 homes were swept away.", "More than 60", { class: "buildings-destroyed" }],
  // A worker named by what they do is no job counted ("rescue workers", before the jobs rule).
  ["About 180 rescue workers joined the search.", "About 180", { class: "responders" }],
  ["Twelve homes were lost in the fire.", "Twelve", { class: "buildings-destroyed" }],
  [
    "Four guards were held hostage for most of the night.",
    "Four",
    { class: "hostages", rule: "hostages: held hostage" },
  ],
  ["Two guards were held by inmates overnight.", "Two", { class: "unknown" }],
  ["Its 12 turnstiles were meant to handle the crowd.", "12", { class: "unknown", predicate: "mean" }],
  ["Fishing is banned for 90 days on the river.", "90 days", { class: "closure", rule: "closure: closed for" }],
  ["The agency imposed a three-month ban on fishing.", "three-month", { class: "closure" }],
  [
    "The council announced a two-week closure of the road.",
    "two-week",
    { class: "closure", rule: "closure: a ban of" },
  ],
  ["The match was stopped for 25 minutes after fans ran on.", "25 minutes", { class: "closure" }],
  ["The bridge closed three weeks before the blast.", "three weeks", { class: "unknown" }],
  ["The crush lasted about 90 seconds.", "about 90 seconds", { class: "duration", rule: "duration: lasted" }],
  ["The fire burned for three days.", "three days", { class: "duration" }],
  ["Residents were given 48 hours to leave.", "48 hours", { class: "deadline", rule: "deadline: given days to" }],
  ["The firm was allowed 30 days to appeal.", "30 days", { class: "deadline" }],
  ["The firm has had 30 days of losses.", "30 days", { class: "unknown" }],
  [
    "Each family will receive 200,000 euros in compensation.",
    "200,000 euros",
    { class: "money-compensation", rule: "money-compensation: compensation" },
  ],
  ["The court imposed a penalty of 40,000 euros.", "40,000 euros", { class: "money-fine", rule: "money-fine: fine" }],
  ["The barn held about 300 tonnes of hay.", "300 tonnes", { class: "stock", rule: "stock: held" }],
  ["The lorry was carrying 12 tonnes of steel.", "12 tonnes", { class: "stock", rule: "stock: held" }],
  [
    "The port shipped 2 million tonnes of coal last year.",
    "2 million tonnes",
    { class: "throughput", rule: "throughput: handled" },
  ],
  ["The mill processes 400 tonnes of oats a week.", "400 tonnes", { class: "throughput" }],
  ["The barn held about 300 sheep.", "300", { class: "unknown" }],
  ["The lorry was carrying 40 people.", "40", { class: "passengers" }],
  ["The tainted salad sickened 64 people.", "64", { class: "cases", rule: "cases: sickened" }],
  ["Prices face a 12% fare increase.", "12%", { class: "percent-change", rule: "percent-change: increase" }],
  ["Shares fell 4% on Monday.", "4%", { class: "percent-change", rule: "percent-change: rose" }],
  ["The unemployment rate was 5.1%.", "5.1%", { class: "rate", rule: "rate: named rate" }],
  ["About 40% of voters backed the plan.", "40%", { class: "share", rule: "share: percent of", of: "voters" }],
  ["The state keeps its 33 per cent stake in the airline.", "33 per cent", { class: "share", rule: "share: a stake" }],
  // A pronoun for the base names none; an owner's opens the base's noun group.
  ["About 90 per cent of them plan to stay.", "90 per cent", { class: "share", of: null }],
  ["About 40 per cent of its members voted.", "40 per cent", { class: "share", of: "members" }],
  // An owner's noun says whose: the base is the noun it owns.
  ["About 20 percent of the block's residents are over 70.", "20 percent", { class: "share", of: "block's residents" }],
  ["It was a 6.4 magnitude quake.", "6.4", { class: "magnitude", rule: "magnitude: magnitude" }],
  [
    "Coroners have identified 14 of the victims.",
    "14",
    { class: "deaths-identified", rule: "deaths-identified: victims named" },
  ],
  [
    "Officers named three victims on Sunday.",
    "three",
    { class: "deaths-identified", rule: "deaths-identified: victims named" },
  ],
  [
    "Fifteen pupils were taken to hospital after the fumes.",
    "Fifteen",
    { class: "hospitalised", rule: "hospitalised: taken to hospital" },
  ],
  [
    "Medics admitted 22 people to the district hospital.",
    "22",
    { class: "hospitalised", rule: "hospitalised: taken to hospital" },
  ],
  ["The tremor hit at a depth of 14 km.", "14 km", { class: "depth", rule: "depth: below a place" }],
  ["The quake struck 8 miles beneath Dorvale.", "8 miles", { class: "depth", of: "Dorvale" }],
  [
    "The epicentre lay 46 km north-east of Tarsley.",
    "46 km",
    { class: "distance", rule: "distance: from a place", of: "Tarsley" },
  ],
  ["Brenna is some 30 kilometres from the epicentre.", "30 kilometres", { class: "distance", of: "epicentre" }],
  // "within" before the figure makes "of" its reference, with no direction between.
  ["Flames came within roughly 5 km of the town of Alden.", "roughly 5 km", { class: "distance", of: "Alden" }],
  ["The storm dropped 5 km of cable.", "5 km", { class: "unknown" }],
  // The reference is the place's name when the text gives one after its description.
  [
    "Varne lies about 300 km south-west of the state capital Ostrava.",
    "about 300 km",
    { class: "distance", of: "Ostrava" },
  ],
  [
    "The camp is 90 km (56 miles) from the national capital, Port Elder.",
    "90 km",
    { class: "distance", of: "Port Elder" },
  ],
  ["The crash site is 12 miles north of Lake Orrin.", "12 miles", { class: "distance", of: "Lake Orrin" }],
  ["Nearly 40,000 pilgrims had congregated at the shrine.", "40,000", { class: "attendance", predicate: "congregate" }],
  ["As many as 9,000 fans thronged the square.", "9,000", { class: "attendance" }],
  [
    "Melcombe, a port town of 38,000 people, was hit hardest.",
    "38,000",
    { class: "population", rule: "population: a town of" },
  ],
  // Residents are the people of a place in any count (evacuated, without water): not its population.
  ["About 600 residents were moved out overnight.", "600", { class: "unknown" }],
  ["Residents of all 212 flats were told to leave.", "212", { class: "unknown" }],
  ["The island has about 9,000 inhabitants.", "9,000", { class: "population", rule: "population: population" }],
  ["About 9,000 people had to leave their homes.", "9,000", { class: "displaced", rule: "displaced: left homes" }],
  ["Some 2,600 families are living in relief camps.", "2,600", { class: "sheltered", rule: "sheltered: in camps" }],
  ["Nearly 700 were sleeping in school shelters.", "700", { class: "sheltered", rule: "sheltered: in camps" }],
  ["About 300 people spent the night in shelters.", "300", { class: "sheltered", rule: "sheltered: in camps" }],
  ["The blaze was 40% contained by Sunday.", "40%", { class: "containment", rule: "containment: contained" }],
  ["The mayor won by 312 votes.", "312", { class: "margin", rule: "margin: won by" }],
  ["The incumbent lost by fewer than 80 votes.", "80", { class: "margin", rule: "margin: won by" }],
]

/** Several figures in one sentence, scope, modality, polarity, whose figure, and nothing guessed. */
const READING_ROWS: ReadonlyArray<Row> = [
  // A settlement counted is no population: only a noun naming the figure from outside it ("a town of") is.
  ["Snowdrifts isolated 11 hamlets in the upper glen.", "11", { class: "unknown" }],
  ["Four villages on the ridge were evacuated overnight.", "Four", { class: "evacuated" }],
  ["Brelton, a market town of 12,500, lost power.", "12,500", { class: "population" }],
  // "nine of them": past the pronoun for the group named before to the verb; not a speaker's own party.
  ["The coach carried 46 pupils, and nine of them were injured.", "nine", { class: "injuries", predicate: "injure" }],
  ["Inspectors visited 120 farms, and 14 of those were closed.", "14", { predicate: "close" }],
  ["All four of us were sick by the evening.", "four", { class: "unknown", predicate: null }],
  ["About 80 diners fell ill after the banquet.", "80", { class: "cases", rule: "cases: sickened" }],
  // "the number of X who fell ill": the adjective completing the count's own verb names it.
  ["The number of guests who fell ill after the wedding rose to 57 on Friday.", "57", { class: "cases" }],
  ["The number of walkers who went missing on the moor rose to 6.", "6", { class: "missing" }],
  // The subject's head past three phrases after it, one with a day's possessive; a day owns nothing.
  [
    "The death toll from Friday's rockfall at the ski resort of Orrin has risen to six.",
    "six",
    { class: "deaths", of: null },
  ],
  // The object of a verb of estimating names the figure after "at" (catalogue.estimating).
  ["The auditor puts the cost of the attack so far at about 4 million euros.", "4 million", { class: "money-cost" }],
  ["Police put the number of marchers at 12,000.", "12,000", { class: "attendance" }],
  // A word for a part of a place before its name: the place is the name.
  ["Last year, 11 people were killed in eastern Arvania in a blast.", "11", { class: "deaths", where: "Arvania" }],
  // A noun right before the figure names it.
  ["A magnitude 5.8 earthquake shook the coast on Friday.", "5.8", { class: "magnitude" }],
  ["The tremor was measured at magnitude 4.9.", "4.9", { class: "magnitude" }],
  ["Some 300 fans waited at gate 12 for hours.", "300", { class: "unknown" }],
  // Hospitals counted are not people taken to hospital.
  ["Paramedics took 19 people to two hospitals.", "19", { class: "hospitalised" }],
  ["Paramedics took 19 people to two hospitals.", "two", { class: "unknown" }],
  ["Crews at the region's three clinics treated 45 patients.", "three", { class: "unknown" }],
  // "cut off" isolates: no change of an amount, so no increment.
  ["The floods cut off 2,300 residents of the delta.", "2,300", { scope: "total", predicate: "cut" }],
  ["The avalanche has cut off about 800 skiers.", "800", { scope: "total" }],
  ["The mill cut 140 jobs this spring.", "140", { class: "jobs-cut" }],
  // "an average of", "a total of" leave the figure to the words before them.
  ["Rents rose by an average of 6 percent last year.", "6 percent", { class: "percent-change", predicate: "rise" }],
  ["Tolls will climb by an average of 4.5% in May.", "4.5%", { class: "percent-change", modality: "forecast" }],
  ["A total of 27 climbers were rescued from the glacier.", "27", { class: "rescued" }],
  ["Wages fell by a total of 3 percent over two years.", "3 percent", { class: "percent-change" }],
  ["12 were killed and 30 injured in the attack.", "12", { class: "deaths" }],
  ["12 were killed and 30 injured in the attack.", "30", { class: "injuries" }],
  ["The raid killed 7 people and wounded 19.", "19", { class: "injuries", predicate: "wound" }],
  ["About 2,000 people are trapped and 40,000 displaced.", "2,000", { class: "trapped" }],
  ["About 2,000 people are trapped and 40,000 displaced.", "40,000", { class: "displaced" }],
  ["The company will shed another 300 jobs.", "300", { class: "jobs-cut", scope: "increment" }],
  ["The company has cut 1,200 jobs this year.", "1,200", { class: "jobs-cut", scope: "total", modality: "fact" }],
  ["Officials found 5 more bodies on Friday.", "5", { class: "deaths", scope: "increment" }],
  ["A further 20 people were arrested.", "20", { class: "arrests", scope: "increment" }],
  ["The toll rose by 9 to 61.", "9", { class: "deaths", scope: "increment" }],
  // A total the sentence then brings the figure to makes it an addition (measures.json increment.totalAfter*).
  ["Divers recovered two bodies, bringing the death toll to 31.", "two", { class: "deaths", scope: "increment" }],
  ["Divers recovered two bodies, bringing the death toll to 31.", "31", { class: "deaths", scope: "total" }],
  ["Police arrested 5 men, taking the number of arrests to 19.", "5", { class: "arrests", scope: "increment" }],
  // ... not when another figure comes first: that one is added.
  [
    "Crews removed 900 tonnes of rubble, and another three cranes came, bringing the number on site to 8.",
    "900 tonnes",
    { scope: "total" },
  ],
  ["The toll rose by 9 to 61.", "61", { class: "deaths", scope: "total" }],
  ["The toll could reach 100 by Friday.", "100", { class: "deaths", modality: "forecast" }],
  // A modal before "have" and a participle guesses at the past (measures.json modality.pastGuesses).
  ["About 40 coins may have been taken from the site.", "About 40", { modality: "fact" }],
  ["The firm must have lost 300 jobs.", "300", { modality: "fact" }],
  ["The carmaker will have cut 1,200 jobs by March.", "1,200", { modality: "forecast" }],
  ["The toll is expected to climb to 80.", "80", { modality: "forecast" }],
  // A figure its clause sets as a condition is what may be, not a fact (lexicon.json conditionals).
  ["If a third of the cups are not coming back, somebody is paying for them.", "a third", { modality: "forecast" }],
  ["Unless 300 volunteers sign up, the count will be cancelled.", "300", { modality: "forecast" }],
  ["About 40 homes were flooded, and if the rain goes on more will be.", "About 40", { modality: "fact" }],
  // A number written in words with a hyphen joins no unit: no figure describing its noun, so the modal is its own.
  ["Twenty-three makers will be allowed to use the name.", "Twenty-three", { modality: "forecast" }],
  ["A twenty-five-year lease will be signed.", "twenty-five-year", { modality: "fact" }],
  // A participle's clause after a comma is in its main clause's tense.
  [
    "The firm will build a plant in Askeby at a cost of 2.4 billion euros, creating about 1,800 jobs.",
    "about 1,800",
    { class: "jobs-created", modality: "forecast" },
  ],
  ["The storm hit the coast on Monday, killing 12 people.", "12", { class: "deaths", modality: "fact" }],
  ["The group plans to hire 500 staff.", "500", { class: "jobs-created", modality: "target" }],
  ["The agency aims to resettle 3,000 families.", "3,000", { modality: "target" }],
  // A recommended or advised figure is a norm to meet, not a value measured.
  ["Officials recommend at least 12 centimetres of clear ice.", "at least 12 centimetres", { modality: "target" }],
  ["The ministry set a target of 90% coverage.", "90%", { modality: "target" }],
  ["The firm did not cut 400 jobs, it said.", "400", { class: "jobs-cut", negated: true }],
  ["The gunmen killed 11 Ukrainian soldiers.", "11", { class: "deaths", of: "Ukrainian soldiers" }],
  ["The miner's 3,000 jobs are at risk.", "3,000", { class: "jobs", of: "miner" }],
  ["Northwind's 3,000 jobs are at risk.", "3,000", { class: "jobs", of: "Northwind" }],
  ["Some 40 people were killed in Marisport.", "40", { class: "deaths", of: "Marisport" }],
  ["The death toll in Marisport rose to 40.", "40", { class: "deaths", of: "Marisport" }],
  ["The country deployed 5,000 North Korean troops.", "5,000", { class: "troops", of: "North Korean" }],
  ["Revenue rose 6% to $3bn.", "$3bn", { class: "money-revenue", predicate: null }],
  ["The stock lost 3% to $41.", "$41", { class: "unknown" }],
  ["Sales rose to $3bn from $2bn.", "$2bn", { class: "money-revenue" }],
  ["Thirty people, including 9 children, were killed.", "Thirty", { class: "deaths" }],
  ["Thirty people, including 9 children, were killed.", "9", { class: "deaths", of: "child" }],
  ["Among the 64 dead were 40 women and nine children.", "40", { class: "deaths", of: "woman" }],
  // The figure before an active verb whose object is a figure is the doer, not what the verb states.
  ["Three gunmen killed 12 villagers on Sunday.", "Three", { class: "unknown" }],
  ["Two gunmen have killed 12 people.", "Two", { class: "unknown" }],
  ["A crush among thousands of fans killed at least 30.", "thousands of", { class: "unknown" }],
  ["A crush among thousands of fans killed at least 30.", "at least 30", { class: "deaths" }],
  ["Twelve people were killed and 30 injured.", "Twelve", { class: "deaths" }],
  ["Two dead and five hurt on Saturday morning.", "five", { class: "injuries", predicate: "hurt" }],
  ["Some 2,000 villagers fled their homes.", "2,000", { class: "displaced" }],
  ["Among those injured are 14 pupils.", "14", { class: "unknown" }],
  ["Among the 300 passengers, 20 were injured.", "20", { class: "injuries" }],
  ["Among the 64 dead were 40 women and nine children.", "nine", { class: "deaths", of: "child" }],
  ["The raid killed 12 soldiers, 3 police officers and two civilians.", "two", { class: "deaths", of: "civilian" }],
  // Past "of the injured" (a word standing for a group) and "of staff" (what is counted, going on) to the verb.
  ["Six of the injured remain in hospital.", "Six", { class: "hospitalised" }],
  // The word describing a group after "of those" is the group's, not the part's: eleven are no count of the stuck.
  ["Eleven of those stuck were children.", "Eleven", { class: "unknown" }],
  ["Four members of staff were treated in hospital.", "Four", { class: "hospitalised" }],
  ["Ten members of the public were hurt.", "Ten", { class: "injuries" }],
  // The verb after the list says it of every figure listed before it, whatever their nouns alone would say.
  ["All 159 passengers and 10 crew members aboard were killed.", "159", { class: "deaths", of: "passenger" }],
  ["About 300 homes and 40 shops were destroyed.", "About 300", { class: "buildings-destroyed" }],
  // Not when the verb's rule counts only its own nouns ("deaths: bodies found" counts bodies).
  ["Rescuers recovered 568 survivors and three bodies.", "568", { class: "unknown" }],
  // A verb of the class states a figure its noun's rule named: listed beside it, the next one measures it too.
  ["The boat was carrying 175 passengers and six crew members.", "six", { class: "passengers" }],
  // A listed figure with a verb of its own keeps what that verb says.
  ["Gunmen killed 12 villagers and burned 40 houses.", "40", { class: "buildings-destroyed" }],
  ["Rescuers found 12 survivors and 40 bodies were recovered.", "40", { class: "deaths" }],
  ["Crews cleared 12 roads and 40 houses.", "40", { class: "unknown" }],
  // A class the counted noun gave ("nine villages") is not said of another noun listed beside it.
  ["The water flooded nine villages, 14 roads and 2,600 hectares of farmland.", "14", { class: "unknown" }],
  ["The water flooded nine villages, 14 roads and 2,600 hectares of farmland.", "2,600", { class: "unknown" }],
  ["Two more soldiers died, bringing the toll to 27.", "27", { class: "deaths", scope: "total" }],
  ["Two more soldiers died, bringing the toll to 27.", "Two", { class: "deaths", scope: "increment", of: "soldiers" }],
  ["The number of dead rose to 33.", "33", { class: "deaths" }],
  ["The city plans to cut emissions by 30%.", "30%", { class: "percent-change", of: "emissions", modality: "target" }],
  ["Nearly 70 percent of the town lost power.", "70", { class: "share", of: "town" }],
  ["Imports fell 2.5 per cent to $9.4 billion.", "$9.4 billion", { class: "money-trade" }],
  ["The fire burned 310 homes on the ridge.", "310", { class: "buildings-destroyed" }],
  ["Some 520 homes were lost in the blaze.", "520", { class: "buildings-destroyed" }],
  ["About 1,900 houses were flooded in Corrin.", "1,900", { class: "buildings-damaged", of: "Corrin" }],
  ["Assessors put the damage at $35 million.", "$35 million", { class: "money-damage", predicate: "put" }],
  ["The state will spend one and a half billion dollars.", "one and a half", { class: "money-cost", low: 1.5e9 }],
  ["Bus fares will rise by 8 percent.", "8", { class: "percent-change", of: "Bus fares", modality: "forecast" }],
  ["Some 9,000 marchers rallied in Sunday's heat.", "9,000", { class: "attendance", of: null }],
  ["The harvest fell by a third.", "third", { class: "percent-change" }],
  ["The quota is being cut by more than half.", "half", { class: "percent-change", of: "quota" }],
  ["The harvest fell by almost a third.", "third", { class: "percent-change" }],
  ["Sales in May reached $3bn.", "$3bn", { class: "money-revenue", modality: "fact" }],
  ["The will of 300 delegates prevailed.", "300", { modality: "fact" }],
  ["Analysts forecast profit of $2bn.", "$2bn", { class: "money-profit", modality: "forecast" }],
  ["Searchers looked for 11 missing divers.", "11", { class: "missing" }],
  ["Medics reached 35 injured miners.", "35", { class: "injuries" }],
  ["Unemployment edged up to 4.4% in June.", "4.4%", { class: "rate", of: "Unemployment" }],
  ["Six people, aged 19 to 70, died in the crash.", "Six", { class: "deaths" }],
  ["Six people, aged 19 to 70, died in the crash.", "19", { class: "unknown", rule: null }],
  ["Nine workers, mostly from the night shift, were hurt.", "Nine", { class: "injuries" }],
  ["The party picked up 19 state legislative bodies.", "19", { class: "unknown" }],
  ["The house passed the budget plan by a vote of 228 to 191.", "228", { modality: "fact" }],
  ["The budget plan's goal is 4% growth.", "4%", { modality: "target" }],
  ["Payrolls showed an increase of 41,000 jobs.", "41,000", { class: "jobs", scope: "increment" }],
  ["Fares saw an increase of 6% in May.", "6%", { class: "percent-change" }],
  // Where a figure is counted: after it, or a place the sentence opens with, or apart from the places named.
  ["In Harlow, 6 people have died.", "6", { class: "deaths", where: "Harlow" }],
  ["Some 40 people were killed in Marisport.", "40", { where: "Marisport" }],
  ["At Fenby, 9 were injured in the crush.", "9", { class: "injuries", where: "Fenby" }],
  ["At least 30 died in other parts of the province.", "30", { class: "deaths", where: "elsewhere" }],
  ["Elsewhere, 12 were killed by falling walls.", "12", { class: "deaths", where: "elsewhere" }],
  ["In May, 40 people died of the fever.", "40", { class: "deaths", where: null }],
  ["Officials said 31 people died.", "31", { class: "deaths", where: null }],
  // A conversion in brackets restates the figure before it; a length with no reference says nothing.
  ["Ardley is 42 km (26 miles) west of Corrin.", "26 miles", { class: "distance", of: "Corrin" }],
  // A conversion after ", or" that names the reference gives it to the figure it restates.
  [
    "The camp lies about 300 miles, or 500 kilometres, north of Pell.",
    "about 300 miles",
    { class: "distance", of: "Pell" },
  ],
  // "off" names the reference alone (reference.alone); a distance is never an amount a verb of change adds.
  ["The trawler sank about 7 km off Orra.", "about 7 km", { class: "distance", of: "Orra", scope: "total" }],
  ["The tanker drifted 3 miles off the headland.", "3 miles", { class: "distance", of: "headland", scope: "total" }],
  ["The river fell 2 metres overnight.", "2 metres", { class: "unknown", scope: "increment" }],
  ["The road runs 42 km (26 miles) to the coast.", "26 miles", { class: "unknown" }],
  // A sum written again in another currency measures what the sum measures; a sum after it that is no
  // restatement (exact, after a bare comma) does not.
  ["The repair will cost about 80,000 pounds, roughly 92,000 euros.", "roughly 92,000 euros", { class: "money-cost" }],
  ["The repair will cost $5 million (£4 million), the firm said.", "£4 million", { class: "money-cost" }],
  ["The repair will cost $5 million, or about £4 million.", "about £4 million", { class: "money-cost" }],
  ["The repair will cost $5 million, £4 million of it for steel.", "£4 million", { class: "unknown" }],
  ["The divers searched 3 km of river.", "3 km", { class: "unknown" }],
  ["The plant is 5 km away.", "5 km", { class: "unknown" }],
  // A verb's indirect object between it and the figure.
  ["The closure is costing it 45,000 euros a week.", "45,000", { class: "money-cost", predicate: "cost" }],
  ["The lockout is costing Harwell about 2 million euros a day.", "2 million", { class: "money-cost" }],
  // An indirect object of several words (catalogue indirectObject): who the sum goes to, not what it counts.
  ["The bid has already cost the city 9 million euros.", "9 million", { class: "money-cost", predicate: "cost" }],
  // wink tags "cost" after "had" as a noun: still the verb whose indirect object the city is.
  ["He said the gardens had cost the city 9 million euros.", "9 million", { class: "money-cost", predicate: "cost" }],
  ["The agency will give Velmark Cycles 7.5 million euros.", "7.5 million", { class: "money-aid" }],
  ["She has left her home village 4.2 million euros.", "4.2 million", { class: "unknown", predicate: "leave" }],
  // A verb after "to" past the figure says what the sum is for; a stating verb before it says what it is.
  [
    "Villagers have raised more than 400,000 euros to buy their shop.",
    "more than 400,000 euros",
    { class: "money-investment", predicate: "raise" },
  ],
  ["The firm needs 5 million euros to buy the site.", "5 million", { class: "money-deal", predicate: "buy" }],
  // Past an article and an adjective that only weighs the figure ("a staggering").
  ["The clock has cost taxpayers a staggering 6 million euros to fix.", "6 million", { class: "money-cost" }],
  ["The quake left the town 300 homes short.", "300", { predicate: "leave" }],
  // What a verb of sale states after "for" is a price (catalogue exchange), past its object and phrases.
  [
    "The centre has been sold to an investment fund for about 60 million euros.",
    "about 60 million euros",
    { class: "money-price", rule: "money-price: sold for", predicate: "sell" },
  ],
  ["The firm bought the site for 4 million euros last year.", "4 million", { class: "money-price" }],
  ["The authority confirmed it had sold it, for 2.6 million euros.", "2.6 million", { class: "money-price" }],
  ["The house was sold for 400,000 euros.", "400,000", { class: "money-price" }],
  // A capitalised word tagged a verb inside a name is part of the name.
  [
    "The lighthouse was sold to the hotel group Halcyon Stays for 2.3 million euros.",
    "2.3 million",
    { class: "money-price" },
  ],
  // Another verb first, or a value: no price.
  ["The council named a fund for 2 million euros.", "2 million", { predicate: null }],
  ["The firm was valued at 5 million euros.", "5 million", { class: "money-deal" }],
  // A level an object is brought to is named by the object ("the price of ..."), not by the verb.
  ["The company raised fares to 3 euros.", "3 euros", { class: "money-price" }],
  [
    "The authority has raised the price of the Skerran Head lighthouse to 2.6 million euros.",
    "2.6 million",
    { class: "money-price" },
  ],
  // What one item costs or is worth is its price (catalogue unitPrice); one thing's cost is a cost.
  [
    "A single ticket costs 2.40 euros again.",
    "2.40 euros",
    { class: "money-price", rule: "money-price: one item's cost" },
  ],
  ["Each animal is worth about 900 euros.", "about 900 euros", { class: "money-price" }],
  ["A new roof would cost about 2 million euros.", "about 2 million euros", { class: "money-cost" }],
  ["The offer of 5.5 per cent would cost 260 million euros a year.", "260 million euros", { class: "money-cost" }],
  // A measure with a thousands point: "6.300 acres" is 6,300, since no decimal ends in two zeros.
  ["The fire has burned around 6.300 acres.", "6.300", { class: "area-burned", low: 6300 }],
  ["The rod is 1.25 metres long.", "1.25", { low: 1.25 }],
  // A state said inside the subject of "rose to": "the number of injured workers has risen to 11".
  ["The number of injured miners has risen to 14.", "14", { class: "injuries" }],
  ["The number of missing climbers fell to 3.", "3", { class: "missing" }],
  // A relative clause after its noun has its own tense: the main clause's modal is not its forecast.
  [
    "The hall will reopen after a restoration that cost about 12 million euros.",
    "about 12 million euros",
    { class: "money-cost", modality: "fact" },
  ],
  ["The council will buy the site, which would cost 2 million euros.", "2 million", { modality: "forecast" }],
  // A participle hyphened to the word before it is an adjective, no verb of change.
  [
    "It reopens after a makeover that critics say cost a jaw-dropping 30 million euros.",
    "30 million",
    { class: "money-cost", predicate: "cost", scope: "total" },
  ],
  // "should" expects a figure, as "will" does.
  ["The levy should raise 9 million dollars a year.", "9 million", { modality: "forecast" }],
  // A verb further off, past auxiliaries and adverbs.
  ["Eight people are now known to have died.", "Eight", { class: "deaths" }],
  // Nothing in the text says what these measure: never guessed, and a unit alone names no class.
  ["Temperatures reached 41C in the capital.", "41C", { class: "unknown" }],
  ["The pipeline runs 120 kilometres.", "120", { class: "unknown" }],
  ["He was away for 24 years.", "24 years", { class: "unknown" }],
  ["The number was 42.", "42", { class: "unknown", rule: null }],
  ["They painted 300 fences.", "300", { class: "unknown" }],
  ["He spoke for 4 minutes about 12 ideas.", "12", { class: "unknown" }],
  // A money predicate never names a count, nor a count's predicate a sum of money.
  ["The charity rescued $5m from the fund.", "$5m", { class: "unknown" }],
  ["Donors pledged 300 tents.", "300", { class: "unknown" }],
  // The subject's noun before phrases after it (linking.postmodifiers) names the figure.
  ["The death toll from the landslide in Kervo climbed to 18.", "18", { class: "deaths", of: "Kervo" }],
  ["The toll from the storm has risen to 27.", "27", { class: "deaths", predicate: "rise" }],
  // A name in the phrase, hyphen and all, however the tagger reads its capitalised words.
  ["The toll from the Sarrow-Lindt Express derailment rose to 61 on Monday.", "61", { class: "deaths" }],
  ["The number of arrests after the match reached 64.", "64", { class: "arrests" }],
  ["The crowd at the rally in Tesk numbered 4,000.", "4,000", { class: "attendance", of: "Tesk" }],
  // A phrase between what is counted and its verb (place.between) is passed over, its place kept.
  ["Nine people in the valley were killed.", "Nine", { class: "deaths", predicate: "kill" }],
  ["About 60 homes in Orvo were destroyed.", "60", { class: "buildings-destroyed", of: "Orvo" }],
  ["Some 200 workers at the mill in Desk were laid off.", "200", { class: "jobs-cut", where: "Desk" }],
  ["Two depots at the port will close.", "Two", { modality: "forecast" }],
  // A figure joined by a hyphen to the noun it describes (modality.attributive) states what the noun is.
  ["The crew's 36-hour stoppage would go ahead on Monday.", "36-hour", { modality: "fact" }],
  ["The council will open a 60-bed shelter.", "60", { modality: "fact", of: "shelter" }],
  ["Orra's 45-bed clinic is full.", "45", { of: "Orra clinic" }],
  ["The stoppage could last 36 hours.", "36 hours", { modality: "forecast" }],
  ["He counted 40 cars in the street.", "40", { class: "unknown" }],
  // Where a figure is, after only auxiliaries or a linking verb, as a noun a rule may name ("in hospital").
  ["Five climbers remain in intensive care.", "Five", { class: "hospitalised" }],
  // Hospital admissions counted as such (rule hospitalised: hospital admissions); admissions alone are not.
  ["The number of hospital admissions rose to 17.", "17", { class: "hospitalised" }],
  ["Clinics reported 52 hospitalisations on Sunday.", "52", { class: "hospitalised" }],
  ["The academy made 80 admissions in June.", "80", { class: "unknown" }],
  ["Crews built 3 hospitals.", "3", { class: "unknown" }],
  ["Some 20 pupils were in class on Monday.", "20", { class: "unknown" }],
  ["Nine patients were treated in Ostra's main hospital.", "Nine", { class: "hospitalised", predicate: "treat" }],
  ["The Greens took 8.2 % of those cast.", "8.2 %", { class: "share", of: null }],
  ["The Greens took 8.2 % of the ballots cast.", "8.2 %", { class: "share", of: "ballots" }],
  // A relative clause right after what is counted (place.relative): its verb states the figure.
  ["Crowds mourned the 14 miners who died underground.", "14", { class: "deaths", predicate: "die" }],
  ["Officials named the 6 people who were arrested.", "6", { class: "arrests" }],
  ["He has 3 cousins who live in Ostra.", "3", { class: "unknown" }],
  // A verb acting on some of a group whose state alone names the class (actedOn): no class.
  ["The mayor visited three injured climbers in hospital.", "three", { class: "unknown", predicate: "visit" }],
  ["The bishop met 12 bereaved families.", "12", { class: "unknown" }],
  ["Medics treated 48 injured climbers.", "48", { class: "injuries" }],
  // The count noun a figure gives the value of (numberOf): its participle or relative clause states it.
  ["The number of pupils taken to hospital rose to 19.", "19", { class: "hospitalised", predicate: "take" }],
  ["Wardens put the number evacuated overnight at 860.", "860", { class: "evacuated", predicate: "evacuate" }],
  ["The tally of climbers who went missing has reached 5.", "5", { class: "missing" }],
  ["The number of visitors to the fair rose to 9,000.", "9,000", { class: "unknown" }],
  // A word for the value itself as the subject of a linking verb (valueNouns) names no holder.
  ["The correct figure is 68, the wildlife office said.", "68", { class: "unknown", of: null }],
  ["The backlog at the depot is 400.", "400", { class: "unknown", of: "depot" }],
  // A word between the article and the count noun, or a possessive after "of": the same count.
  ["The total number of job cuts announced this year is 840.", "840", { class: "jobs-cut" }],
  ["The firm said the number of its workers who were laid off had risen to 212.", "212", { class: "jobs-cut" }],
  ["Around 600 commuters were stuck in the tunnel.", "600", { class: "trapped", predicate: "stick" }],
  [
    "The number of patients in hospital fell to 212.",
    "212",
    { class: "hospitalised", rule: "hospitalised: in hospital" },
  ],
  // A part of a whole (catalogue whole): the verb states the part; the whole takes none.
  ["Two of the 14 miners died.", "Two", { class: "deaths", predicate: "die" }],
  ["Two of the 14 miners died.", "14", { class: "unknown", predicate: null, whole: true }],
  ["Some 30 of the depot's 200 drivers walked out.", "200", { whole: true, predicate: null }],
  ["Of the 90 delayed trains, 12 were cancelled.", "90", { whole: true }],
  // Said of the whole: its own participle, before the part's verb or in an opening clause.
  ["Nine of the 31 people arrested had been questioned.", "31", { class: "arrests", whole: true }],
  ["Of the 31 people arrested on Friday, nine were freed.", "31", { class: "arrests", whole: true }],
  ["Rescuers pulled 14 of the miners out alive.", "14", { predicate: "pull" }],
  // The place a verb takes those counted from (destination).
  ["Some 90 families were moved from flooded flats.", "90", { class: "evacuated", predicate: "move" }],
  // A two-word preposition (destination.phrasal) opens the place as one word does.
  [
    "About 600 residents were moved out of flats near the blast.",
    "About 600",
    { class: "evacuated", rule: "evacuated: moved out" },
  ],
  ["About 40 guests were moved away from the hotel.", "About 40", { class: "evacuated", rule: "evacuated: moved out" }],
  ["About 600 residents were moved out quickly.", "About 600", { class: "unknown", predicate: "move" }],
  // "VERB a NOUN of FIGURE": the verb states the figure its object names.
  ["The kidnappers demanded a ransom of $2 million.", "$2 million", { predicate: "demand" }],
  ["The council set up a relief fund of 5 million euros.", "5 million", { predicate: "set" }],
  ["The militia killed a total of 40 villagers.", "40", { class: "deaths", predicate: "kill" }],
  ["A fine of $300 was paid.", "$300", { predicate: "pay" }],
  // Past a stretch of time the verb takes (destination.times) to where it takes those counted.
  ["Some 450 people spent Friday night in a sports hall.", "450", { class: "sheltered", predicate: "spend" }],
  ["Around 90 villagers spent the weekend in tents.", "90", { class: "sheltered" }],
  ["About 200 revellers spent the night in the city centre bars.", "200", { class: "unknown" }],
  // Stranded travellers in a terminal are sheltered there; a hut that sleeps 40 is what it can take.
  ["More than 4,000 people slept in the terminal on Monday night.", "4,000", { class: "sheltered" }],
  ["The mountain hut sleeps 40.", "40", { class: "capacity" }],
  ["Visitors spent 600 euros a night in the hotel.", "600", { class: "money-cost" }],
  // A state inside the group counted names the class when the verb does not.
  ["About 500 evacuated residents spent the night with relatives.", "500", { class: "evacuated" }],
  // What a thing has (whole.stock) is a whole there is, unless a class names the figure.
  ["Mill Street has 30 shops, most with flats above.", "30", { whole: true, predicate: "have" }],
  ["The depot holds 120 buses.", "120", { whole: true }],
  // What a firm runs, operates or owns is what it has.
  ["The chain runs 60 filling stations in the west.", "60", { whole: true, predicate: "run" }],
  ["The group owns 12 hotels on the coast.", "12", { whole: true, predicate: "own" }],
  // wink tags the verb after "which" as a noun ("which/DET houses/NOUN").
  ["The wing, which houses 160 inmates, was emptied.", "160", { whole: true, predicate: "house" }],
  // What holds that stock is counted as a whole too ("in twelve pens"), not what happened to some of them.
  ["The farm holds about 600,000 salmon in twelve pens.", "twelve", { whole: true }],
  // A length of time after a preposition of catalogue.span: the verb or adjective before it, past its object.
  ["The tunnel has been shut for nine days.", "nine days", { class: "closure", predicate: "shut" }],
  ["Staff hope to reopen the museum within three weeks.", "three weeks", { class: "closure", predicate: "reopen" }],
  ["The council expects to reopen the pool in about 12 days.", "12 days", { class: "closure", predicate: "reopen" }],
  ["The library will remain closed for two months.", "two months", { class: "closure", modality: "forecast" }],
  ["The smuggler was jailed for seven years.", "seven years", { class: "prison-sentence", predicate: "jail" }],
  ["Engineers hope to reopen the rest of the line within three days.", "three days", { predicate: "reopen" }],
  ["The bank hopes to restore online banking within 48 hours.", "48 hours", { class: "closure", predicate: "restore" }],
  ["The east stand will be unusable for at least two months.", "two months", { class: "closure" }],
  // Not every length after such a preposition is how long something is shut.
  ["The strike lasted for nine days.", "nine days", { class: "duration" }],
  ["Prices hit their lowest level in six years.", "six years", { class: "unknown" }],
  ["The shop closed 40 years ago.", "40 years", { class: "unknown" }],
  ["The clerk was jailed two years ago for theft.", "two years", { class: "unknown" }],
]

const table = (name: string, rows: ReadonlyArray<Row>) =>
  it(`${name} (${rows.length} rows)`, () => {
    for (const [sentence, value, expected] of rows)
      expect.soft(at(sentence, value), `${sentence} [${value}]`).toMatchObject(expected)
  })

describe("Measures: measures.json rules, one row each", () => {
  table("rules", RULE_ROWS)
  table("readings", READING_ROWS)

  it("has a row for every rule of the catalogue", () => {
    const named = new Set(RULE_ROWS.map(([s, v]) => at(s, v)?.rule))
    const missing = measures.rules.map((r) => r.name).filter((n) => !named.has(n))
    expect(missing).toEqual([])
  })
})

describe("Measures: a verb of having marks no whole", () => {
  it.each([
    // A class names the figure: a tally's level, not a stock.
    ["The hospital had 40 patients in intensive care.", "40"],
    // "has" an auxiliary of another verb, and a length of time had.
    ["The mill has cut 300 jobs.", "300"],
    ["The council has 48 hours to decide.", "48 hours"],
    // What happened to some of the stock's holders, not what holds it.
    ["The storm ripped open three pens.", "three"],
    ["The farm lost 3,000 salmon in two pens.", "two"],
  ])("%s [%s]", (sentence, value) => {
    expect(at(sentence, value)).toBeDefined()
    expect(at(sentence, value)?.whole).toBeUndefined()
  })
})

describe("Measures: what 'the number of' counts, however long its noun group", () => {
  it.each([
    [
      "The number of households left without water in the northern districts of Carlow has been revised to 4,300 after a survey.",
      "4,300",
      "household",
    ],
    ["The number of pupils kept at home by the storm rose to 900.", "900", "pupil"],
  ])("%s", (sentence, value, counted) => {
    expect(quantities(sentence).find((q) => q.text.includes(value))?.counted).toBe(counted)
  })
})

describe("Measures: the catalogue itself", () => {
  it("names only classes of the domain's tree, every one of them, and no cycles", () => {
    const names = MeasureClass.all()
    for (const r of measures.rules) expect(names, r.name).toContain(r.class)
    // A reopening's date and a completion's are read by their own catalogues (reopenings.json,
    // completions.json), not by a measure rule.
    const named = new Set([...measures.rules.map((r) => r.class), Reopenings.REOPENING, Completions.COMPLETION])
    expect(names.filter((c) => c !== MeasureClass.UNKNOWN && !named.has(c))).toEqual([])
    for (const c of names)
      expect(
        MeasureClass.ancestry(c).filter((x) => x === c),
        c,
      ).toEqual([c])
    expect(new Set(measures.rules.map((r) => r.name)).size).toBe(measures.rules.length)
  })

  it("names only units units.json has", () => {
    const known = new Set(Object.keys(units.words))
    const rules: ReadonlyArray<Measures.Rule> = measures.rules
    for (const r of rules) for (const u of r.units ?? []) expect(known, r.name).toContain(u)
  })

  it("nests parts in wholes, one way only", () => {
    const rows: ReadonlyArray<readonly [string, string, MeasureClass.Relation]> = [
      ["casualties", "deaths", "a-contains-b"],
      ["injuries", "casualties", "b-contains-a"],
      ["displaced", "evacuated", "a-contains-b"],
      ["detained", "arrests", "a-contains-b"],
      ["buildings-damaged", "buildings-destroyed", "a-contains-b"],
      ["money-cost", "money-damage", "a-contains-b"],
      ["deaths", "deaths", "same"],
      ["deaths", "injuries", "apart"],
      ["jobs-cut", "jobs", "apart"],
      ["deaths", "unknown", "unknown"],
    ]
    for (const [a, b, relation] of rows) expect.soft(MeasureClass.relate(a, b), `${a} ${b}`).toBe(relation)
  })

  it("writes the measure compactly: no field longer than a short phrase", () => {
    const q = quantities(
      "The ministry of the interior of the northern region of the country said that 40 people were killed.",
    )[0]
    const m = q ? Quantity.measureOf(q) : undefined
    expect(m?.class).toBe("deaths")
    expect(JSON.stringify(m).length).toBeLessThan(200)
  })
})

describe("Measures: an age belongs to the person named before it", () => {
  it.each([
    ["Cafe owner Mina Hart, 44, ran out of the back door.", "44", "Mina Hart"],
    ["The two who died, Tomas Reyes, 29, and Ada Bell, 51, worked at the bakery.", "29", "Tomas Reyes"],
    ["The two who died, Tomas Reyes, 29, and Ada Bell, 51, worked at the bakery.", "51", "Ada Bell"],
    ["One of them, Carlo Vane-Ruiz, aged 22, told the paper he would march again.", "22", "Carlo Vane-Ruiz"],
    ["The driver, aged 52, was unhurt.", "52", null],
  ])("%s: %s is the age of %s", (sentence, value, person) => {
    const q = quantities(sentence).find((x) => x.text === value)
    expect(q?.unit).toBe("year of age")
    expect(q ? Quantity.measureOf(q).of : undefined).toBe(person)
  })
})

describe("Measures: 'the number of' a participle or adjective standing for people", () => {
  it.each([
    ["The number of injured has risen to 33, the hospital said.", "33", "injuries"],
    ["The number of wounded rose to 140 overnight.", "140", "injuries"],
    ["The number of sick has risen to 410.", "410", "cases"],
    ["The number of displaced rose to 2,400.", "2,400", "displaced"],
    ["The number of dead rose to 33.", "33", "deaths"],
  ])("%s: %s counts %s", (sentence, value, cls) => {
    expect(at(sentence, value)?.class).toBe(cls)
  })
})

describe("Measures: a figure restated after ', or' is read as the one it restates", () => {
  it.each([
    ["Biogen will be cutting 11% of its workforce, or 889 employees.", "889", "jobs-cut", "cut", "forecast"],
    ["The mill laid off 20% of its workforce, or about 300 staff, last month.", "300", "jobs-cut", "lay", "fact"],
    ["The fever killed 2 per cent of those infected, or 31 people, the ministry said.", "31", "deaths", "kill", "fact"],
  ])("%s: %s", (sentence, value, cls, predicate, modality) => {
    expect(at(sentence, value)).toMatchObject({ class: cls, predicate, modality })
  })

  it("leaves a share or a sum restating a figure to its own reading", () => {
    expect(at("The firm will cut 300 jobs, or about a tenth of its staff.", "tenth")?.class).toBe("share")
    expect(
      at("Veridane wants to spend €850m on the site, or roughly 920 million dollars.", "920")?.predicate,
    ).toBeNull()
  })
})

describe("Measures: a count hyphened to the thing it is of is that thing's whole", () => {
  it.each([
    ["The 23-coach train had left Delhi at 7:40 am.", "23", "train"],
    ["Dressa's 80-bed hospital is full.", "80", "Dressa hospital"],
  ])("%s: %s", (sentence, value, of) => {
    expect(at(sentence, value)).toMatchObject({ of, whole: true })
  })

  it("leaves a length hyphened to its thing a size, and a count a verb states no whole", () => {
    expect(at("The 12-metre boat sank.", "12")?.whole).toBeUndefined()
    expect(at("Twelve coaches of the train derailed.", "Twelve")?.whole).toBeUndefined()
  })
})
