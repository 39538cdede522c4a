/** Small made-up feeds for the story tests: invented places, people and events, no real news text. */
import type { Document } from "@crosscheck/domain"
import { Ids } from "@crosscheck/domain"

export const doc = (
  name: string,
  outlet: string,
  publishedAt: string | null,
  title: string | null,
  text: string,
  canonicalOutlet?: string,
): Document.Document => ({
  id: Ids.documentId("test", name),
  outlet,
  title,
  publishedAt,
  url: null,
  origin: { path: `${name}.txt`, index: 0 },
  syndicationGroup: null,
  ...(canonicalOutlet ? { canonicalOutlet } : {}),
  text,
})

/** A flood in Marlow Springs, covered by three outlets over three days. */
export const flood = [
  doc(
    "flood-1",
    "Valley Courier",
    "2031-04-02",
    "Floodwaters swamp Marlow Springs as the Tessel River breaks its banks",
    "The Tessel River burst its banks in Marlow Springs on Tuesday, flooding homes along Quarry Road. Mayor Elin Darrow said rescue crews evacuated 240 residents overnight. The Marlow Springs fire brigade used boats to reach families trapped by the floodwaters near the old mill. Volunteers from the Harlan Valley Red Cross handed out blankets at Saint Brigid's school, and the Tessel Water Board warned that drinking water could be unsafe for days. Sandbags ran out at the depot on Ferris Lane by midnight, and the county opened a second shelter at the Lindqvist sports hall. Forecasters at the Harlan weather office expect more rain on Thursday, which could push the river higher again.",
  ),
  doc(
    "flood-2",
    "Northern Ledger",
    "2031-04-03",
    "Marlow Springs counts the cost of the Tessel flood",
    "A day after the Tessel River flooded Marlow Springs, residents returned to mud-filled homes on Quarry Road. Mayor Elin Darrow said 300 people had been evacuated and the floodwaters were receding. Engineers inspected the levee near the old mill where the river broke through. The Harlan Valley Red Cross kept its shelter at Saint Brigid's school open, and the Tessel Water Board said tap water should be boiled. Insurance assessors from Corvane Mutual began visiting flooded basements, while farmers downstream said their fields were still under water. The Lindqvist sports hall shelter housed about ninety people on Wednesday night.",
  ),
  doc(
    "flood-3",
    "Ridge Gazette",
    "2031-04-04",
    "Tessel levee failure blamed for Marlow Springs flooding",
    "Engineers said a weak section of the Tessel levee caused the flooding in Marlow Springs this week. Mayor Elin Darrow called for state money to rebuild the levee and help families on Quarry Road whose homes were damaged by the floodwaters. Boats had been used to evacuate residents near the old mill. Governor Anneke Falk is expected to tour the flooded streets with the Tessel Water Board on Friday. Corvane Mutual said it had received more than four hundred claims for water damage. The county plans to test the levee with ground radar before the autumn rains, and Governor Anneke Falk said emergency funds would be released within a week.",
  ),
]

/** A council vote in the same town the same week: shares the place name, not the event. */
export const vote = [
  doc(
    "vote-1",
    "Valley Courier",
    "2031-04-03",
    "Marlow Springs council approves new library budget",
    "The Marlow Springs town council voted five to two on Wednesday to approve a budget for a new public library. Councillor Ravi Okonkwo said the library would open in 2033 with a reading garden and a computer lab. Opponents on the council argued the budget should wait for next year's tax review. Head librarian Tomas Quill said the Hollis Foundation had pledged matching funds for rare books, and architects from Brandt Whitcombe Studio will draw up the plans. The reading garden will be planted by pupils from Elmstead Primary, and the computer lab will offer free coding classes on weekends. Construction on the former tram depot site is expected to start in the spring.",
  ),
  doc(
    "vote-2",
    "Northern Ledger",
    "2031-04-03",
    "Library plan wins council backing in Marlow Springs",
    "Councillor Ravi Okonkwo won support for the library plan when the Marlow Springs council approved its budget by five votes to two. The library, with its reading garden and computer lab, is due to open in 2033. Two council members wanted the vote delayed until the tax review. The Hollis Foundation will match donations for the rare books room, said head librarian Tomas Quill, and Brandt Whitcombe Studio won the design contract. The former tram depot will be cleared for construction in the spring, and pupils from Elmstead Primary will help plant the reading garden. Free weekend coding classes are planned for the computer lab.",
  ),
]

/** An unrelated event a year later, for the time term. */
export const strike = [
  doc(
    "strike-1",
    "Ridge Gazette",
    "2032-09-10",
    "Dock workers strike at Port Calloway",
    "Dock workers at Port Calloway walked off the job on Friday over pay, halting container traffic. Union leader Mara Velt said the strike would continue until the port authority improved its offer. Shipping companies diverted vessels to other harbours.",
  ),
  doc(
    "strike-2",
    "Valley Courier",
    "2032-09-11",
    "Port Calloway strike enters second day",
    "The strike by dock workers at Port Calloway entered its second day on Saturday. Union leader Mara Velt said members rejected the port authority's pay offer, and container ships waited offshore or diverted to other harbours.",
  ),
]

/**
 * The flood's follow-ups, in their own words as later coverage is: the levee inquiry opening 15 days
 * after the first report, and a month on, families still out of their homes. One continuing story.
 */
export const floodFollowUps = [
  doc(
    "flood-inquiry",
    "Northern Ledger",
    "2031-04-17",
    "Inquiry opens into the Tessel levee collapse",
    "Retired judge Oren Halvard opened the public inquiry into this month's levee collapse on Thursday, promising to find out why warnings about the Tessel embankment went unheeded. Mayor Elin Darrow was the first witness and said Marlow Springs had asked the state for repair money in 2028. Lawyers for residents whose homes flooded questioned the water board's inspection records. The hearings continue next week with testimony from state engineers.",
  ),
  doc(
    "flood-month",
    "Ridge Gazette",
    "2031-05-03",
    "A month on, flooded families still cannot go home",
    "A month after the Tessel River burst through the levee, dozens of families in Marlow Springs are still living with relatives or in rented rooms. Insurers have settled only a fraction of the claims, and rebuilding of the embankment will not begin before June, Mayor Elin Darrow said. At the inquiry led by Oren Halvard, engineers admitted the weak section had not been inspected for years.",
  ),
]

/**
 * A different event in the same town a week after the flood: a bakery fire on another street. It
 * shares the town, its fire brigade and its mayor with the flood coverage, and nothing else.
 */
export const fire = [
  doc(
    "fire-1",
    "Valley Courier",
    "2031-04-10",
    "Fire destroys bakery on Marlow Springs high street",
    "A fire gutted the Penhallow bakery on Marlow Springs high street early on Thursday. The Marlow Springs fire brigade said the blaze started in an oven flue and spread to the flat above, where two tenants escaped down a ladder. Owner Priya Castellane said the bakery had served the town for forty years. The town council offered to help the owner rebuild. Neighbouring shops on Kestrel Street were closed while investigators checked the smoke damage.",
  ),
  doc(
    "fire-2",
    "Northern Ledger",
    "2031-04-11",
    "Penhallow bakery owner vows to reopen after blaze",
    "Priya Castellane, whose Penhallow bakery was destroyed by fire on Thursday, said she would reopen on Kestrel Street by the summer. Investigators from the Marlow Springs fire brigade confirmed the blaze began in an oven flue. The two tenants who escaped from the flat above the bakery are staying with friends, and neighbouring shops reopened on Friday after the smoke was cleared.",
  ),
]

/**
 * A short early piece on the strike's effects that names neither the port nor the union: alone it is too
 * far from either strike article to join one, but close to the two together. Undated, like the strike
 * articles in the settling tests, and its id comes before theirs, so it is placed first.
 */
export const shipsOffshore = doc(
  "grain-exporters",
  "Ridge Gazette",
  null,
  null,
  "Several container ships waited offshore on Saturday, and shipping companies were weighing their options as the pay dispute dragged on. Grain exporters said they would miss their contracts.",
)

/** Two rumours about one made-up leader, undated: her ankles, and a restaurant abroad. */
export const ankles = [
  doc(
    "ankles-1",
    "Harbour Post",
    null,
    null,
    "Kestrian president Orla Vance broke both ankles during a state visit, according to a report. Vance has not appeared in public for two weeks, and officials in Tamsk declined to say why. The report said doctors fitted casts on both legs and advised weeks of rest.",
  ),
  doc(
    "ankles-2",
    "Evening Lantern",
    null,
    null,
    "Orla Vance, the president of Kestria, is recovering from two fractured ankles, a newspaper in Tamsk reported on Monday. Aides said Vance tripped on the palace stairs, and that surgeons put both legs in plaster. She is expected to stay out of sight while the fractures heal.",
  ),
]
export const restaurant = [
  doc(
    "restaurant-1",
    "Harbour Post",
    null,
    null,
    "Kestria's president Orla Vance plans to open a restaurant in Lisvar, a business magazine reported. The restaurant would serve Kestrian dumplings and fermented tea, and the family of Vance is said to have bought a former bakery on the harbour front for it.",
  ),
  doc(
    "restaurant-2",
    "Evening Lantern",
    null,
    null,
    "Officials in Tamsk denied on Tuesday that President Orla Vance is opening a restaurant abroad. A magazine had reported that relatives of Vance bought a harbour bakery in Lisvar to turn into a dining room serving Kestrian dumplings.",
  ),
]

/** One kind of event in two towns the same night, told in the same words but for the names. */
const warehouseFire = (town: string, chief: string, owner: string) => [
  doc(
    `fire-${town}-1`,
    "Plains Herald",
    "2031-10-03",
    null,
    `Fire destroyed a grain warehouse in ${town} on Friday night. Fire chief ${chief} said crews from three stations fought the blaze for six hours and that no one was hurt. The owner, ${owner}, said the harvest stored inside was lost.`,
  ),
  doc(
    `fire-${town}-2`,
    "County Wire",
    "2031-10-04",
    null,
    `A blaze gutted the ${owner} grain warehouse in ${town} overnight on Friday. ${chief}, the fire chief, said firefighters from three stations kept it from spreading to nearby homes; nobody was injured, but the stored harvest was lost.`,
  ),
]
export const fireDunmore = warehouseFire("Dunmore", "Aldo Brenn", "Selka Farms")
export const firePellow = warehouseFire("Pellow", "Mira Tosk", "Hadley Mills")

/**
 * A measles outbreak in Orvath, and a football match there the same weekend. One outbreak article names
 * its town only where the name opens a sentence (so the scan cannot tell it from "Officials"), and the
 * match's teams in passing.
 */
export const outbreak = [
  doc(
    "measles-1",
    "Lowland Bulletin",
    "2031-06-09",
    "Measles cases climb in Orvath",
    "Measles cases in the Orvath district have reached 312 this year, health officials said on Monday. Most of the children in hospital are at the Saint Odile infirmary in Orvath, where a ward has been set aside. Health director Piet Vandaal said vaccination teams would visit every school in the district this month.",
  ),
  doc(
    "measles-2",
    "Carrow Daily",
    "2031-06-09",
    "Orvath opens vaccination clinics as measles spreads",
    "Health director Piet Vandaal opened three extra vaccination clinics in Orvath on Monday as measles cases rose to 312. The Saint Odile infirmary said 40 children were being treated there. Parents in the Orvath district queued for hours, and school heads were told to send home any pupil with a fever or a rash.",
  ),
  doc(
    "measles-3",
    "Weekend Courant",
    "2031-06-10",
    "Measles: health officials urge parents to vaccinate",
    "Orvath has recorded 312 measles cases this year, the district health office said. Health teams have begun visiting schools with vaccines, and parents were told to keep children with a fever or a rash at home. Orvath alone has 40 children in hospital. At the Orvath ground, the match between Kelbrook Rovers and Ostend Wanderers went ahead on Sunday, although officials had asked for it to be played without a crowd.",
  ),
]
export const match = doc(
  "match-1",
  "Sports Desk",
  "2031-06-09",
  "Kelbrook Rovers beat Ostend Wanderers",
  "Kelbrook Rovers beat Ostend Wanderers 2-1 on Sunday. Tomas Redl scored twice for Kelbrook Rovers before half-time, and Ostend Wanderers replied through a late penalty. Kelbrook Rovers move to third in the table, and Ostend Wanderers stay bottom, with the coach of the Wanderers saying his side had played its worst match of the season.",
)

/** Three bus crashes in three towns, undated, told in the words any crash is told in. */
const busCrash = (town: string, road: string, driver: string, n: number) =>
  doc(
    `bus-${town}`,
    "Regional Wire",
    null,
    null,
    `A bus carrying ${n} passengers overturned on the ${road} near ${town}, police said. Several passengers were taken to hospital in ${town} with injuries, and the driver, ${driver}, was being questioned by police. The road was closed for several hours while the bus was recovered.`,
  )
export const busCrashes = [
  busCrash("Tellow", "Fenmoor Road", "Hugo Brask", 32),
  busCrash("Ardwick", "Calder Highway", "Lena Voss", 28),
  busCrash("Marsh Eaton", "Pyke Lane", "Owen Trell", 41),
]
