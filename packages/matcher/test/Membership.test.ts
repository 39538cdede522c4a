import { type Claim, Quantity } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import * as Alignment from "../src/Alignment.js"
import * as Lexicon from "../src/Lexicon.js"
import * as Membership from "../src/Membership.js"
import { story } from "./build.js"

interface Spec {
  readonly text: string
  readonly low: number
  readonly high?: number
  readonly approximate?: Quantity.Approximate
  readonly unit?: string
  readonly counted?: string
  readonly measure?: Partial<Quantity.Measure>
  readonly time?: { readonly text: string; readonly start: string; readonly end?: string; readonly defaulted?: boolean }
  readonly published?: string
  readonly sentence?: string
}

const figure = (s: Spec): Membership.Figure => ({
  quantity: {
    text: s.text,
    span: { start: 0, end: s.text.length },
    low: s.low,
    high: s.high ?? s.low,
    approximate: s.approximate ?? "exact",
    unit: s.unit ?? null,
    counted: s.counted ?? null,
    per: null,
  },
  measure: { ...Quantity.UNKNOWN_MEASURE, ...s.measure },
  counted: s.counted ?? null,
  time: s.time
    ? ({
        text: s.time.text,
        start: s.time.start,
        end: s.time.end ?? s.time.start,
        defaulted: s.time.defaulted ?? false,
      } as Claim.Claim["time"])
    : null,
  published: s.published ?? null,
  ...(s.sentence ? { sentence: s.sentence } : {}),
})

// One row per rule (and the cases each must leave alone): two made-up figures and the rule that parts them, or null.
const ROWS: ReadonlyArray<readonly [string, Spec, Spec, Membership.RuleName | null]> = [
  [
    "deaths and the missing",
    { text: "nine", low: 9, measure: { class: "deaths", predicate: "kill" } },
    { text: "four", low: 4, measure: { class: "missing", predicate: "miss" } },
    "classes-apart",
  ],
  [
    "one sum as a plan's cost and its budget",
    { text: "$3bn", low: 3e9, unit: "USD", measure: { class: "money-cost", predicate: "spend" } },
    { text: "3 billion dollars", low: 3e9, unit: "USD", measure: { class: "money-budget" } },
    null,
  ],
  [
    "a cost and a budget of different sums",
    { text: "$3bn", low: 3e9, unit: "USD", measure: { class: "money-cost", predicate: "spend" } },
    { text: "$5bn", low: 5e9, unit: "USD", measure: { class: "money-budget" } },
    "classes-apart",
  ],
  [
    "deaths within casualties",
    { text: "nine", low: 9, measure: { class: "deaths", predicate: "kill" } },
    { text: "40", low: 40, measure: { class: "casualties" } },
    null,
  ],
  [
    "injured at two hospitals",
    { text: "15", low: 15, measure: { class: "injuries", where: "St Bride's" } },
    { text: "22", low: 22, measure: { class: "injuries", where: "Northgate General" } },
    "places-differ",
  ],
  [
    "one place named on one side only",
    { text: "15", low: 15, measure: { class: "injuries", where: "St Bride's" } },
    { text: "22", low: 22, measure: { class: "injuries" } },
    null,
  ],
  [
    "a single ticket and a yearly pass",
    { text: "€2.40", low: 2.4, unit: "EUR", measure: { of: "single ticket" } },
    { text: "€3.10", low: 3.1, unit: "EUR", measure: { of: "yearly pass" } },
    "holders-differ",
  ],
  [
    "one group named in other words: inmates and prisoners (a kind of it)",
    { text: "12", low: 12, measure: { class: "injuries", of: "inmates" } },
    { text: "14", low: 14, measure: { class: "injuries", of: "prisoners" } },
    null,
  ],
  [
    "one figure named in synonyms: yearly sales and annual turnover",
    { text: "€90m", low: 9e7, unit: "EUR", measure: { class: "money-revenue", of: "yearly sales" } },
    { text: "€92m", low: 9.2e7, unit: "EUR", measure: { class: "money-revenue", of: "annual turnover" } },
    null,
  ],
  [
    "opposite groups stay apart: men and women",
    { text: "12", low: 12, measure: { class: "injuries", of: "men" } },
    { text: "14", low: 14, measure: { class: "injuries", of: "women" } },
    "holders-differ",
  ],
  [
    "distances from two cities",
    { text: "about 350 km", low: 350, unit: "kilometre", measure: { class: "distance", of: "Tarnow" } },
    { text: "about 200 km", low: 200, unit: "kilometre", measure: { class: "distance", of: "Port Elder" } },
    "holders-differ",
  ],
  [
    "a distance from one city in kilometres and miles",
    { text: "about 200 km", low: 200, unit: "kilometre", measure: { class: "distance", of: "Port Elder" } },
    { text: "150 miles", low: 150, unit: "mile", measure: { class: "distance", of: "Port Elder" } },
    null,
  ],
  [
    "acres of oak and hectares of woodland are one area",
    { text: "2,000 acres", low: 2000, unit: "acre", measure: { of: "oak" } },
    { text: "800 hectares", low: 800, unit: "hectare", measure: { of: "woodland" } },
    null,
  ],
  [
    "doses and children",
    { text: "30,000", low: 30000, counted: "doses" },
    { text: "28,000", low: 28000, counted: "children" },
    "counted-differ",
  ],
  [
    "puppies its sentence sets among the dogs, fewer than the dogs",
    {
      text: "around 30",
      low: 30,
      approximate: "about",
      counted: "puppies",
      sentence: "The dogs, among them around 30 puppies, were kept in sheds.",
    },
    { text: "84", low: 84, counted: "dogs", sentence: "Inspectors removed 84 dogs from the farm." },
    "kind-within-kind",
  ],
  [
    "puppies said to be among the dogs, on the other side",
    { text: "84", low: 84, counted: "dogs" },
    {
      text: "Some 30",
      low: 30,
      approximate: "about",
      counted: "puppies",
      sentence: "Some 30 puppies were among the dogs removed.",
    },
    "kind-within-kind",
  ],
  [
    "a narrower word with nothing setting it among the wider: the same thing named otherwise",
    { text: "2,100", low: 2100, counted: "motorists", sentence: "2,100 motorists have reported problems." },
    { text: "More than 3,000", low: 3000, approximate: "at-least", counted: "drivers" },
    null,
  ],
  [
    "a narrower count above the wider one is no part of it",
    { text: "120", low: 120, counted: "puppies", sentence: "Of the dogs, 120 puppies were taken." },
    { text: "84", low: 84, counted: "dogs" },
    null,
  ],
  [
    "a narrower count that is only a lower bound need not be below the wider one",
    {
      text: "more than 90,000",
      low: 90000,
      approximate: "at-least",
      counted: "hatchbacks",
      sentence: "It recalled more than 90,000 of the cars, all hatchbacks.",
    },
    { text: "about 200,000", low: 200000, approximate: "about", counted: "cars" },
    null,
  ],
  ["ships and vessels", { text: "40", low: 40, counted: "ships" }, { text: "44", low: 44, counted: "vessels" }, null],
  [
    "arrests by name and fans arrested: the class's own name counts no group",
    { text: "61", low: 61, counted: "arrests", measure: { class: "arrests", predicate: "rise" } },
    { text: "85", low: 85, counted: "fans", measure: { class: "arrests", predicate: "arrest" } },
    null,
  ],
  [
    "killed against rescued from the river, far apart",
    { text: "six", low: 6, counted: "people", measure: { class: "deaths", predicate: "kill" } },
    { text: "140", low: 140, counted: "people", measure: { predicate: "rescue" } },
    "unclassed-verb",
  ],
  [
    "evacuated against spent the night in halls, one value",
    { text: "900", low: 900, counted: "residents", measure: { class: "evacuated", predicate: "evacuate" } },
    { text: "about 900", low: 900, counted: "people", measure: { predicate: "spend" } },
    null,
  ],
  [
    "a share as a fraction against the same share in percent told with another verb: one value once converted",
    { text: "about a quarter", low: 0.25, unit: "proportion", measure: { class: "share", predicate: "set" } },
    { text: "25 percent", low: 25, unit: "percent", measure: { predicate: "reserve" } },
    null,
  ],
  [
    "a known toll and a level a change verb moved, far apart",
    { text: "about 2,000", low: 2000, counted: "mortar rounds", measure: { class: "munitions", predicate: "fire" } },
    { text: "9,000", low: 9000, measure: { predicate: "climb" } },
    null,
  ],
  [
    "a known count and a bare figure of another item of news",
    { text: "Three", low: 3, counted: "workers", measure: { class: "injuries", predicate: "injure" } },
    { text: "14", low: 14, measure: { predicate: null } },
    "bare-figure",
  ],
  [
    "ponies that broke loose and ponies caught again",
    { text: "Eleven", low: 11, counted: "ponies", measure: { predicate: "escape" } },
    { text: "four", low: 4, counted: "ponies", measure: { predicate: "recapture" } },
    "opposed-verbs",
  ],
  [
    "hamlets cut off and hamlets whose power came back",
    { text: "six", low: 6, counted: "hamlets", measure: { predicate: "cut" } },
    { text: "three", low: 3, counted: "hamlets", measure: { predicate: "restore" } },
    "opposed-verbs",
  ],
  [
    "one count told twice with one verb",
    { text: "six", low: 6, counted: "hamlets", measure: { predicate: "isolate" } },
    { text: "eight", low: 8, counted: "hamlets", measure: { predicate: "isolate" } },
    null,
  ],
  [
    "a count that rose and the same count that fell again: levels of one figure",
    { text: "40", low: 40, counted: "beds", measure: { predicate: "rise" } },
    { text: "31", low: 31, counted: "beds", measure: { predicate: "fall" } },
    null,
  ],
  [
    "opposite verbs on amounts in a unit are left to the other rules",
    { text: "3 km", low: 3, unit: "kilometre", measure: { predicate: "open" } },
    { text: "5 km", low: 5, unit: "kilometre", measure: { predicate: "close" } },
    null,
  ],
  [
    "a whole a part is counted out of, and closures",
    { text: "1,320", low: 1320, counted: "clinic", measure: { whole: true } },
    { text: "about 1,050", low: 1050, counted: "clinic", measure: { predicate: "shut" } },
    "whole-and-part",
  ],
  [
    "what a street has, and what was flattened",
    { text: "30", low: 30, counted: "shop", measure: { whole: true, predicate: "have" } },
    { text: "Six", low: 6, counted: "shop", measure: { predicate: "flatten" } },
    "whole-and-part",
  ],
  [
    "the size of a section of a pier and the pier's length",
    { text: "90-metre", low: 90, unit: "metre", counted: "section", measure: { class: "size", of: "section" } },
    { text: "420 metres", low: 420, unit: "metre", measure: { class: "size", predicate: "be" } },
    "section-and-whole",
  ],
  [
    "a speed limit and a speed said without one (membership.json limit-and-value)",
    {
      text: "120 km/h",
      low: 120,
      unit: "kilometre per hour",
      counted: "limit",
      sentence: "The figure is below the 120 km/h limit for that stretch of line.",
    },
    {
      text: "about 100 km/h",
      low: 100,
      unit: "kilometre per hour",
      sentence: "Police had first put the speed at about 100 km/h.",
    },
    "limit-and-value",
  ],
  [
    "what a ferry can hold and the cars she carried (a class of limits: capacity)",
    {
      text: "40",
      low: 40,
      counted: "vehicles",
      measure: { class: "capacity", of: "vehicles" },
      sentence: "She has a capacity of 40 vehicles and 180 passengers.",
    },
    {
      text: "38",
      low: 38,
      counted: "cars",
      sentence: "The ferry left on her first relief run with 38 cars and a fuel tanker on board.",
    },
    "limit-and-value",
  ],
  [
    "two capacities: both limits",
    {
      text: "40",
      low: 40,
      counted: "vehicles",
      measure: { class: "capacity", of: "vehicles" },
      sentence: "She has a capacity of 40 vehicles and 180 passengers.",
    },
    {
      text: "up to 40",
      low: 40,
      counted: "cars",
      measure: { class: "capacity", of: "cars", predicate: "carry" },
      sentence: "The stand-in vessel can carry up to 40 cars.",
    },
    null,
  ],
  [
    "a limit and one told as the limit in other words",
    {
      text: "120 km/h",
      low: 120,
      unit: "kilometre per hour",
      counted: "limit",
      sentence: "The figure is below the 120 km/h limit for that stretch of line.",
    },
    {
      text: "120 km/h",
      low: 120,
      unit: "kilometre per hour",
      measure: { of: "stretch" },
      sentence: "The limit on that stretch is 120 km/h.",
    },
    null,
  ],
  [
    "two sizes of one thing in other words",
    { text: "some 300 metres", low: 300, unit: "metre", measure: { class: "size", predicate: "be" } },
    { text: "about 150 metres", low: 150, unit: "metre", measure: { class: "size", predicate: "be" } },
    null,
  ],
  [
    "the whole retold: all of them, in its own value",
    { text: "140", low: 140, counted: "branch", measure: { whole: true, predicate: "have" } },
    { text: "140", low: 140, counted: "branch", measure: { predicate: "stay" } },
    null,
  ],
  [
    "a whole and a level a figure was revised to (levelVerbs)",
    { text: "more than 6,000", low: 6000, counted: "patient", measure: { whole: true, predicate: "hold" } },
    { text: "1,450", low: 1450, counted: "patient", measure: { predicate: "revise" } },
    null,
  ],
  [
    "a whole and a figure with no verb of its own",
    { text: "1,320", low: 1320, counted: "clinic", measure: { whole: true } },
    { text: "1,320", low: 1320, counted: "clinic", measure: { predicate: "have" } },
    null,
  ],
  [
    "a whole and a figure of its one class",
    { text: "640", low: 640, counted: "staff", measure: { whole: true, class: "jobs" } },
    { text: "650", low: 650, counted: "staff", measure: { class: "jobs", predicate: "employ" } },
    null,
  ],
  [
    "workers killed and workers on site",
    { text: "four", low: 4, counted: "workers" },
    { text: "85", low: 85, counted: "workers", measure: { predicate: "be" } },
    "orders-of-magnitude",
  ],
  [
    "two reports of one crowd",
    { text: "3,000", low: 3000, counted: "marchers" },
    { text: "8,000", low: 8000, counted: "marchers" },
    null,
  ],
  [
    "four supporters buried and a crowd of 40,000 supporters: one class, yet thousands of times apart",
    { text: "four", low: 4, counted: "supporters", measure: { class: "attendance" } },
    { text: "about 40,000", low: 40000, counted: "supporters", measure: { class: "attendance" } },
    "orders-of-magnitude",
  ],
  [
    "a crowd put at 3,000 and at 250,000: rival counts of one class stay together",
    { text: "3,000", low: 3000, measure: { class: "attendance" } },
    { text: "250,000", low: 250000, measure: { class: "attendance" } },
    null,
  ],
  [
    "a toll that grew tenfold keeps its class",
    { text: "5", low: 5, measure: { class: "deaths", predicate: "die" } },
    { text: "61", low: 61, measure: { class: "deaths", predicate: "die" } },
    null,
  ],
  [
    "an accident decades ago",
    {
      text: "31",
      low: 31,
      measure: { class: "deaths", predicate: "kill" },
      time: { text: "in 1988", start: "1988-01-01" },
      published: "2026-05-04",
    },
    {
      text: "seven",
      low: 7,
      measure: { class: "deaths", predicate: "kill" },
      time: { text: "on Sunday", start: "2026-05-03" },
      published: "2026-05-04",
    },
    "years-apart",
  ],
  [
    "a toll months before its article: another event's, not an earlier point of this one",
    {
      text: "two",
      low: 2,
      measure: { class: "deaths", predicate: "lose" },
      time: { text: "In January", start: "2023-01-01", end: "2023-01-31" },
      published: "2023-12-27",
    },
    {
      text: "13",
      low: 13,
      measure: { class: "deaths", predicate: "kill" },
      time: { text: "on Sunday", start: "2023-12-24", end: "2023-12-24" },
      published: "2023-12-26",
    },
    "years-apart",
  ],
  [
    "two past disasters a few months apart, each recalled for comparison",
    {
      text: "at least 112",
      low: 112,
      measure: { class: "deaths", predicate: "kill" },
      time: { text: "on November 24, 2012", start: "2012-11-24" },
      published: "2016-09-11",
    },
    {
      text: "over 1,100",
      low: 1100,
      measure: { class: "deaths", predicate: "kill" },
      time: { text: "in 2013", start: "2013-01-01", end: "2013-12-31" },
      published: "2016-09-12",
    },
    "past-events",
  ],
  [
    "one past disaster's toll recalled by two articles",
    {
      text: "112",
      low: 112,
      measure: { class: "deaths", predicate: "kill" },
      time: { text: "in November 2012", start: "2012-11-01", end: "2012-11-30" },
      published: "2016-09-11",
    },
    {
      text: "at least 112",
      low: 112,
      measure: { class: "deaths", predicate: "kill" },
      time: { text: "on November 24, 2012", start: "2012-11-24" },
      published: "2016-09-12",
    },
    null,
  ],
  [
    "a plan for 2031 beside this year's figure",
    {
      text: "450",
      low: 450,
      counted: "homes",
      time: { text: "by 2031", start: "2031-01-01" },
      published: "2026-05-04",
    },
    {
      text: "500",
      low: 500,
      counted: "homes",
      time: { text: "this year", start: "2026-01-01" },
      published: "2026-05-04",
    },
    null,
  ],
  [
    "a quake of long ago against a publication date standing in",
    {
      text: "7.8",
      low: 7.8,
      measure: { class: "magnitude" },
      time: { text: "in 1938", start: "1938-01-01" },
      published: "2026-05-04",
    },
    {
      text: "6.1",
      low: 6.1,
      measure: { class: "magnitude" },
      time: { text: "", start: "2026-05-04", defaulted: true },
      published: "2026-05-04",
    },
    "years-apart",
  ],
  [
    "a recent past year against a publication date standing in",
    {
      text: "31 million euros",
      low: 31e6,
      unit: "EUR",
      measure: { class: "money-cost" },
      time: { text: "in 2023", start: "2023-01-01", end: "2023-12-31" },
      published: "2026-05-04",
    },
    {
      text: "7 million euros",
      low: 7e6,
      unit: "EUR",
      measure: { class: "money-cost" },
      time: { text: "", start: "2026-05-04", defaulted: true },
      published: "2026-05-04",
    },
    null,
  ],
  [
    "a past year that opens its sentence against a publication date standing in: it dates all the sentence says",
    {
      text: "12",
      low: 12,
      counted: "performances",
      time: { text: "In 2019", start: "2019-01-01", end: "2019-12-31" },
      published: "2027-01-06",
      sentence: "In 2019 it cancelled a run of 12 performances of a play.",
    },
    {
      text: "48",
      low: 48,
      counted: "shows",
      time: { text: "", start: "2027-01-06", defaulted: true },
      published: "2027-01-06",
      sentence: "The theatre has scrapped all 48 shows.",
    },
    "years-apart",
  ],
  [
    "the same year inside the sentence, which may be another clause's",
    {
      text: "12",
      low: 12,
      counted: "performances",
      time: { text: "in 2019", start: "2019-01-01", end: "2019-12-31" },
      published: "2027-01-06",
      sentence: "The troupe, founded in 2019, cancelled a run of 12 performances.",
    },
    {
      text: "48",
      low: 48,
      counted: "shows",
      time: { text: "", start: "2027-01-06", defaulted: true },
      published: "2027-01-06",
      sentence: "The theatre has scrapped all 48 shows.",
    },
    null,
  ],
  [
    "a span of years inside the sentence against another clause's day: the span may date another clause",
    {
      text: "12,000 tonnes",
      low: 12000,
      unit: "tonne",
      counted: "waste",
      time: { text: "between 2024 and 2025", start: "2024-01-01", end: "2025-12-31" },
      published: "2027-03-10",
      sentence: "The court heard that 12,000 tonnes of waste were dumped at the site between 2024 and 2025.",
    },
    {
      text: "about 12,000 tonnes",
      low: 12000,
      unit: "tonne",
      counted: "waste",
      time: { text: "on Tuesday", start: "2027-03-09", end: "2027-03-09" },
      published: "2027-03-09",
      sentence: "A skip firm's director was jailed on Tuesday for dumping about 12,000 tonnes of waste.",
    },
    null,
  ],
  [
    "a toll of a recent past year against a publication date standing in: a running tally of one event is not years long",
    {
      text: "31",
      low: 31,
      measure: { class: "deaths" },
      time: { text: "in 2023", start: "2023-01-01", end: "2023-12-31" },
      published: "2026-05-04",
    },
    {
      text: "seven",
      low: 7,
      measure: { class: "deaths" },
      time: { text: "", start: "2026-05-04", defaulted: true },
      published: "2026-05-04",
    },
    "years-apart",
  ],
  [
    "a dated day two years back against a publication date standing in",
    {
      text: "at least 12",
      low: 12,
      measure: { class: "deaths" },
      time: { text: "On March 3, 2024", start: "2024-03-03" },
      published: "2026-05-04",
    },
    {
      text: "60",
      low: 60,
      measure: { class: "deaths" },
      time: { text: "", start: "2026-05-04", defaulted: true },
      published: "2026-05-04",
    },
    "years-apart",
  ],
  [
    "a dated month last spring against a publication date standing in",
    {
      text: "31",
      low: 31,
      measure: { class: "deaths" },
      time: { text: "in March", start: "2026-03-01", end: "2026-03-31" },
      published: "2026-05-04",
    },
    {
      text: "60",
      low: 60,
      measure: { class: "deaths" },
      time: { text: "", start: "2026-05-04", defaulted: true },
      published: "2026-05-04",
    },
    null,
  ],
]

describe("Membership.apart", () => {
  const lexicon = Lexicon.get()
  it.each(ROWS)("%s", (_, a, b, rule) => {
    expect(Membership.apart(lexicon, figure(a), figure(b))?.rule ?? null).toBe(rule)
    // Symmetric: which figure is met first does not matter.
    expect(Membership.apart(lexicon, figure(b), figure(a))?.rule ?? null).toBe(rule)
  })

  it("names every rule of the catalogue in some row", () => {
    const used = new Set(ROWS.map((r) => r[3]))
    // Rules between statements are tested where statements are aligned (Alignment.test.ts).
    for (const [name, rule] of Object.entries(Membership.RULES))
      if (!("statements" in rule)) expect(used.has(name as Membership.RuleName)).toBe(true)
  })
})

describe("Alignment.align joins parts only when every member fits (complete link)", () => {
  // Four outlets on one made-up quarry collapse: the toll and the count of workers on site share "workers".
  const figure = (outlet: string, sentence: string, text: string, low: number, measure: Partial<Quantity.Measure>) =>
    story(outlet, [sentence], [{ sentence, quantities: [{ text, low, counted: "workers", measure }] }])
  const herald = figure("Quarry Herald", "Four workers were killed when the quarry wall gave way.", "Four", 4, {
    class: "deaths",
    predicate: "kill",
  })
  const wire = figure("Dale Wire", "The collapse of the quarry wall killed four workers.", "four", 4, {
    class: "deaths",
    predicate: "kill",
  })
  const times = figure("Dale Times", "There were 85 workers on site near the quarry wall that morning.", "85", 85, {
    predicate: "be",
  })
  // A figure that fits each side alone: linked to both, it may join one of them, never bring both together.
  const pit = figure("Pit News", "Some 60 workers were on site near the quarry wall when it gave way.", "Some 60", 60, {
    predicate: "be",
  })
  const all = [herald, wire, times, pit]
  const groups = Alignment.align(
    all.flatMap((s) => s.claims),
    all.map((s) => s.document),
  )
  const values = groups.map((g) => g.members.map((m) => m.quantity?.text).sort())

  it("keeps the toll and the workers on site in groups of their own", () => {
    expect(values).toContainEqual(["Four", "four"])
    expect(values).toContainEqual(["85", "Some 60"])
  })

  it("names the rule that kept a linked figure out", () => {
    const all = groups.flatMap((g) => g.reasons).join("; ")
    expect(all).toMatch(/rule orders-of-magnitude kept out/)
  })
})
