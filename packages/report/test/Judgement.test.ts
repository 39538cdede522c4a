/**
 * One judgement for run and verify: each row is two made-up claims, judged as an aligned group by
 * `Judgement.judge` (run) and as claim against source by `Stance.judge` (verify), with the same rule.
 */
import { type AlignedGroup, type Attribution, type Claim, type Finding, type Quantity, Units } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import { Judgement, PairVerdict, Rules, Stance } from "../src/index.js"
import * as Context from "../src/internal/context.js"
import * as Holders from "../src/internal/holders.js"
import { claim, doc, qty, voice } from "./build.js"

interface Side {
  readonly outlet: string
  readonly text: string
  /** The figure the claim is about, as written in `text`; absent for a statement. */
  readonly q?: readonly [string, number, number?, Quantity.Approximate?, Partial<Quantity.Quantity>?]
  readonly published?: string
  readonly time?: Claim.TimeScope
  readonly polarity?: Claim.Polarity
  /** [source, cue, lemma, stance]: a speaker's claim, as the extractor attributes it. */
  readonly said?: readonly [string, string, string, Attribution.Stance]
  /** What the speaker is reported to have said, as written in `text`. */
  readonly content?: string
  readonly canonical?: string
  /** The article's title, where it may name what the article is about. */
  readonly title?: string
  /** The other figures of the sentence, as written in `text`: parts for the arithmetic rule. */
  readonly others?: ReadonlyArray<readonly [string, number, Quantity.Approximate, Quantity.Scope, string?]>
}

type Row = readonly [string, Side, Side, Finding.Verdict, Rules.RuleName, Stance.Stance]

const DEATHS = { class: "deaths", of: null, predicate: "kill", negated: false, rule: null } as const

/** A town's own toll, as a wire writes it. */
const IN_HARROWBY: Side = {
  outlet: "North Wire",
  text: "In Harrowby, the storm killed 14 people.",
  q: [
    "14",
    14,
    14,
    "exact",
    { counted: "people", measure: { ...DEATHS, where: "Harrowby", scope: "total", modality: "fact" } },
  ],
}
const measured = (
  cls: string,
  scope: Quantity.Scope = "total",
  modality: Quantity.Modality = "fact",
): Partial<Quantity.Quantity> => ({
  counted: "people",
  measure: { ...DEATHS, class: cls, scope, modality },
})

/** A cost in euros, as the extractor's measure catalogue reads "will cost about 80,000 euros". */
const COST: Partial<Quantity.Quantity> = {
  unit: "EUR",
  counted: null,
  measure: {
    class: "money-cost",
    of: null,
    where: null,
    predicate: "cost",
    negated: false,
    scope: "total",
    modality: "forecast",
    rule: null,
  },
}

/** A price in euros, as the extractor reads "charge a deposit of 2 euros". */
const PRICE: Partial<Quantity.Quantity> = {
  unit: "EUR",
  counted: null,
  measure: { ...COST.measure, class: "money-price", predicate: "charge", modality: "fact" } as Quantity.Measure,
}

/** A budget in euros, as the extractor reads "a budget of five million euros". */
const BUDGET: Partial<Quantity.Quantity> = {
  unit: "EUR",
  counted: null,
  measure: { ...COST.measure, class: "money-budget", predicate: null, modality: "fact" } as Quantity.Measure,
}

/** A silo's height, hyphened to the silo ("the 50-metre silo"). */
const SILO: Partial<Quantity.Quantity> = {
  unit: "metre",
  counted: "silo",
  measure: { ...COST.measure, class: "height", of: "silo", predicate: null, modality: "fact" } as Quantity.Measure,
}

/** A tax planned per night, as the extractor reads "will charge a tourist tax of 5 euros a night". */
const TAX: Partial<Quantity.Quantity> = {
  unit: "EUR",
  per: "day",
  counted: null,
  measure: { ...COST.measure, class: "money-price", predicate: "charge" } as Quantity.Measure,
}

/** The plan as one outlet tells it on a Monday, undated. */
const TAX_PLAN: Side = {
  outlet: "North Wire",
  text: "The city will charge visitors a tourist tax of 5 euros a night.",
  q: ["5 euros", 5, 5, "exact", TAX],
  published: "2025-03-03",
}

/** Another outlet's account of the plan, dated when it starts, published on `published`. */
const taxFromMay = (published: string): Side => ({
  outlet: "South Post",
  text: "Visitors will pay a tourist tax of 3 euros a night from 1 May.",
  q: ["3 euros", 3, 3, "exact", TAX],
  published,
  time: { text: "from 1 May", start: "2025-05-01", end: "2025-05-01" },
})

/** A named speaker's cost, undated, in a Monday article. */
const LEADER_COST: Side = {
  outlet: "North Wire",
  text: "Council leader Maren Toll says the delivery will cost about 80,000 euros.",
  q: ["about 80,000 euros", 80_000, 80_000, "about", COST],
  published: "2025-03-03",
  said: ["Council leader Maren Toll", "says", "say", "asserts"],
  content: "the delivery will cost about 80,000 euros",
}

/** A speaker's cost of the same delivery, in the next day's article (250,000 euros, or `low` to `high`). */
const costSaidNextDay = (
  speaker: string,
  figure: string,
  approximate: Quantity.Approximate,
  verb = "would cost",
  [low, high] = [250_000, 250_000],
): Side => ({
  outlet: "South Post",
  text: `${speaker} said the delivery ${verb} ${figure}.`,
  q: [figure, low, high, approximate, COST],
  published: "2025-03-04",
  said: [speaker, "said", "say", "asserts"],
  content: `the delivery ${verb} ${figure}`,
})

/**
 * A named speaker's yearly cost of a speed limit to business, in an article of `published`: a figure with no
 * measure class, only its verb ("cost"), as `modality` says (a forecast, or a fact).
 */
const yearlyCost = (
  speaker: string,
  figure: string,
  [low, approximate]: readonly [number, Quantity.Approximate],
  published: string,
  modality: Quantity.Modality,
): Side => {
  const verb = modality === "forecast" ? "would cost" : "costs"
  const content = `the limit ${verb} hauliers ${figure} a year`
  const measure = { ...(COST.measure as Quantity.Measure), class: "unknown", modality }
  return {
    outlet: published === "2025-03-03" ? "North Wire" : "South Post",
    text: `${speaker} said ${content}.`,
    q: [figure, low, low, approximate, { unit: "EUR", counted: null, per: "year", measure }],
    published,
    said: [speaker, "said", "say", "asserts"],
    content,
  }
}

/** A campaigner's cost of at least 250,000 euros, the sentence naming Tuesday (2025-03-04) in `cue` or in `content`. */
const campaignerOnTuesday = (cue: string, content: string, published: string): Side => {
  const when = /\b(?:on|by) Tuesday\b/.exec(`${cue} ${content}`)?.[0] ?? ""
  return {
    outlet: "South Post",
    text: `Campaigner Fergus Adair ${cue} ${content}.`,
    q: ["at least 250,000 euros", 250_000, 250_000, "at-least", COST],
    published,
    said: ["Campaigner Fergus Adair", "said", "say", "asserts"],
    content,
    time: { text: when, start: "2025-03-04", end: "2025-03-04" },
  }
}

/** Where `s` is in a document's text. */
const within = (d: { readonly text: string }, s: string) => {
  const start = d.text.indexOf(s)
  return { start, end: start + s.length }
}

/** When a piece of work is done (unit "date"), as the extractor's completions.json reads it. */
const completion: Partial<Quantity.Quantity> = {
  unit: "date",
  counted: null,
  measure: { ...DEATHS, class: "completion", predicate: "complete", scope: "total", modality: "forecast" },
}

/** A reopening's forecast day (unit "date": days since 1970-01-01), as the extractor's reopenings.json reads it. */
const day = (iso: string): number => Units.dayOf(new Date(`${iso}T00:00:00Z`))
const reopening: Partial<Quantity.Quantity> = {
  unit: Units.DATE,
  counted: null,
  measure: { ...DEATHS, class: "reopening", predicate: "reopen", scope: "total", modality: "forecast" },
}

/** Jobs cut, as a total or a new round, counted in a named place or none. */
const jobsCut = (scope: Quantity.Scope, where?: string): Partial<Quantity.Quantity> => ({
  counted: "jobs",
  measure: { ...DEATHS, class: "jobs-cut", predicate: "cut", scope, modality: "fact", ...(where ? { where } : {}) },
})

/** Court cases waiting for trial, counted at a named court or none. */
const waiting = (where?: string): Partial<Quantity.Quantity> => ({
  counted: "cases",
  measure: {
    ...DEATHS,
    class: "cases",
    predicate: "wait",
    scope: "total",
    modality: "fact",
    ...(where ? { where } : {}),
  },
})

/** Casualties take in deaths and injuries, as the extractor's measure catalogue says. */
const nests = Judgement.nestingOf({
  casualties: { parent: null },
  deaths: { parent: "casualties" },
  injuries: { parent: "casualties" },
})

/** A bound and what was added to it: at least 20 in all. */
const FLOOD_PARTS: Side = {
  outlet: "South Post",
  text: "At least 15 people died in the floods in the north and another five in the south.",
  q: ["At least 15", 15, 15, "at-least"],
  others: [["five", 5, "exact", "increment"]],
}

const ROWS: ReadonlyArray<Row> = [
  [
    "about 11,000 against 10,800",
    {
      outlet: "North Wire",
      text: "About 11,000 troops crossed the border.",
      q: ["About 11,000", 11000, 11000, "about"],
    },
    { outlet: "South Post", text: "Some 10,800 troops crossed the border.", q: ["10,800", 10800] },
    "agree",
    "intervals-overlap",
    "supports",
  ],
  [
    "a rounded figure against a precise one",
    { outlet: "North Wire", text: "The flood reached 3,000 homes.", q: ["3,000", 3000] },
    { outlet: "South Post", text: "The flood reached 2,950 homes.", q: ["2,950", 2950] },
    "agree",
    "intervals-overlap",
    "supports",
  ],
  [
    "more than 40 against 43",
    { outlet: "North Wire", text: "More than 40 miners were rescued.", q: ["More than 40", 40, 40, "at-least"] },
    { outlet: "South Post", text: "Exactly 43 miners were rescued.", q: ["43", 43] },
    "agree",
    "bound-near",
    "supports",
  ],
  [
    "more than 8,000 against about 8,400: an 'about' figure is measured by its own value",
    {
      outlet: "North Wire",
      text: "More than 8,000 patients are on the list.",
      q: ["More than 8,000", 8000, 8000, "at-least"],
    },
    { outlet: "South Post", text: "About 8,400 patients are on the list.", q: ["About 8,400", 8400, 8400, "about"] },
    "agree",
    "bound-near",
    "supports",
  ],
  [
    "a bound and, a day later, a figure well within it: not a running count, so nothing moved",
    {
      outlet: "North Wire",
      text: "The festival drew more than 40,000 visitors.",
      q: ["more than 40,000", 40000, 40000, "at-least", { counted: "visitors" }],
      published: "2025-08-11",
    },
    {
      outlet: "South Post",
      text: "The festival drew 44,200 visitors.",
      q: ["44,200", 44200, 44200, "exact", { counted: "visitors" }],
      published: "2025-08-12",
    },
    "compatible",
    "bound-satisfied",
    "supports",
  ],
  [
    "at least 800 against 1,100",
    { outlet: "North Wire", text: "At least 800 homes lost power.", q: ["At least 800", 800, 800, "at-least"] },
    { outlet: "South Post", text: "Exactly 1,100 homes lost power.", q: ["1,100", 1100] },
    "compatible",
    "bound-satisfied",
    "supports",
  ],
  [
    "1,100 against at least 800: the source says less than the claim",
    { outlet: "North Wire", text: "Exactly 1,100 homes lost power.", q: ["1,100", 1100] },
    { outlet: "South Post", text: "At least 800 homes lost power.", q: ["At least 800", 800, 800, "at-least"] },
    "compatible",
    "bound-satisfied",
    "discusses",
  ],
  [
    "about 84,000 against more than 90,000: the figure itself is below the bound",
    {
      outlet: "North Wire",
      text: "More than 90,000 cars are being recalled.",
      q: ["More than 90,000", 90000, 90000, "at-least"],
    },
    { outlet: "South Post", text: "About 84,000 cars are being recalled.", q: ["About 84,000", 84000, 84000, "about"] },
    "contradict",
    "bound-violated",
    "contradicts",
  ],
  [
    "nearly 50 against 47",
    { outlet: "North Wire", text: "Nearly 50 patients were moved.", q: ["Nearly 50", 50, 50, "about"] },
    { outlet: "South Post", text: "Staff moved 47 patients.", q: ["47", 47] },
    "agree",
    "intervals-overlap",
    "supports",
  ],
  [
    "nearly 50 against 53",
    { outlet: "North Wire", text: "Nearly 50 patients were moved.", q: ["Nearly 50", 50, 50, "about"] },
    { outlet: "South Post", text: "Staff moved 53 patients.", q: ["53", 53] },
    "contradict",
    "nearly-exceeded",
    "contradicts",
  ],
  [
    "more than 2 against 2",
    { outlet: "North Wire", text: "More than 2 bridges were closed.", q: ["More than 2", 2, 2, "at-least"] },
    { outlet: "South Post", text: "Crews closed 2 bridges.", q: ["2", 2] },
    "compatible",
    "bound-edge",
    "discusses",
  ],
  [
    "up to 300 against 450",
    { outlet: "North Wire", text: "Up to 300 workers joined the strike.", q: ["Up to 300", 300, 300, "at-most"] },
    { outlet: "South Post", text: "450 workers joined the strike.", q: ["450", 450] },
    "contradict",
    "bound-violated",
    "contradicts",
  ],
  [
    "40 against 43 troops: small counts are exact",
    { outlet: "North Wire", text: "The unit sent 40 troops.", q: ["40", 40] },
    { outlet: "South Post", text: "The unit sent 43 troops.", q: ["43", 43] },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "thousands against 11,000",
    { outlet: "North Wire", text: "The army sent 11,000 troops.", q: ["11,000", 11000] },
    { outlet: "South Post", text: "The army sent thousands of troops.", q: ["thousands of", 2000, 9999, "vague"] },
    "compatible",
    "vague-vs-precise",
    "discusses",
  ],
  [
    "100 acres against 40 hectares",
    {
      outlet: "North Wire",
      text: "The fire burned 100 acres of forest.",
      q: ["100 acres", 100, 100, "exact", { unit: "acre", counted: "forest" }],
    },
    {
      outlet: "South Post",
      text: "The fire burned 40 hectares of forest.",
      q: ["40 hectares", 40, 40, "exact", { unit: "hectare", counted: "forest" }],
    },
    "agree",
    "intervals-overlap",
    "supports",
  ],
  [
    "104F against 40C: a scale that does not start at zero converts by its offset",
    {
      outlet: "North Wire",
      text: "The temperature in Dunmore reached 104F on Monday.",
      q: ["104F", 104, 104, "exact", { unit: "degree Fahrenheit", counted: null }],
    },
    {
      outlet: "South Post",
      text: "The temperature in Dunmore reached 40C on Monday.",
      q: ["40C", 40, 40, "exact", { unit: "degree Celsius", counted: null }],
    },
    "agree",
    "intervals-overlap",
    "supports",
  ],
  [
    "104F against 45C",
    {
      outlet: "North Wire",
      text: "The temperature in Dunmore reached 104F on Monday.",
      q: ["104F", 104, 104, "exact", { unit: "degree Fahrenheit", counted: null }],
    },
    {
      outlet: "South Post",
      text: "The temperature in Dunmore reached 45C on Monday.",
      q: ["45C", 45, 45, "exact", { unit: "degree Celsius", counted: null }],
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "728 feet against 222 metres",
    {
      outlet: "North Wire",
      text: "The new yacht is 728 feet long.",
      q: ["728 feet", 728, 728, "exact", { unit: "foot", counted: null }],
    },
    {
      outlet: "South Post",
      text: "The new yacht is 222 metres long.",
      q: ["222 metres", 222, 222, "exact", { unit: "metre", counted: null }],
    },
    "agree",
    "intervals-overlap",
    "supports",
  ],
  [
    "a figure on two dated days",
    {
      outlet: "North Wire",
      text: "12 people died on Monday.",
      q: ["12", 12],
      time: { text: "on Monday", start: "2025-03-03", end: "2025-03-03" },
    },
    {
      outlet: "South Post",
      text: "31 people died by Thursday.",
      q: ["31", 31],
      time: { text: "by Thursday", start: "2025-03-06", end: "2025-03-06" },
    },
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "an estimate one day, a later article's exact figure: the estimate was replaced",
    {
      outlet: "North Wire",
      text: "Police estimated the train was travelling at about 100 km/h on Thursday.",
      q: ["about 100 km/h", 100, 100, "about", { unit: "kilometre per hour", counted: null }],
      published: "2025-03-07",
      time: { text: "on Thursday", start: "2025-03-06", end: "2025-03-06" },
      said: ["Police", "estimated", "estimate", "asserts"],
    },
    {
      outlet: "South Post",
      text: "The recorder shows the train was travelling at 87 km/h on Thursday.",
      q: ["87 km/h", 87, 87, "exact", { unit: "kilometre per hour", counted: null }],
      published: "2025-03-08",
      time: { text: "on Thursday", start: "2025-03-06", end: "2025-03-06" },
    },
    "changed",
    "estimate-revised",
    "discusses",
  ],
  [
    "a piece of work forecast done within three weeks, and a later article's 'at least three months': rival accounts",
    {
      outlet: "North Wire",
      text: "The sea wall repairs would be complete within three weeks.",
      q: ["within three weeks", day("2025-03-28"), day("2025-03-28"), "at-most", completion],
      published: "2025-03-07",
    },
    {
      outlet: "South Post",
      text: "The sea wall repairs would take at least three months.",
      q: ["at least three months", day("2025-06-06"), day("2025-06-06"), "at-least", completion],
      published: "2025-03-08",
    },
    "contradict",
    "rival-completions",
    "contradicts",
  ],
  [
    "a later article saying its figure will now be another: the figure moved",
    {
      outlet: "North Wire",
      text: "The trust said the first 20 minutes of parking would stay free.",
      q: ["20 minutes", 20, 20, "exact", { unit: "minute", counted: null }],
      published: "2025-03-07T08:00:00Z",
    },
    {
      outlet: "South Post",
      text: "After complaints, the free period of parking will now be 30 minutes, the trust said.",
      q: ["30 minutes", 30, 30, "exact", { unit: "minute", counted: null }],
      published: "2025-03-07T15:00:00Z",
    },
    "changed",
    "figure-revised",
    "discusses",
  ],
  [
    "a recovery forecast 'if catches were cut now' and a later article's 'at least a decade': rival accounts",
    {
      outlet: "North Wire",
      text: "The minister said the stock could recover within three years if catches were cut now.",
      q: ["within three years", day("2028-03-07"), day("2028-03-07"), "at-most", completion],
      published: "2025-03-07",
    },
    {
      outlet: "South Post",
      text: "A biologist said the bank would take at least a decade to recover.",
      q: ["at least a decade", day("2035-03-08"), day("2035-03-08"), "at-least", completion],
      published: "2025-03-08",
    },
    "contradict",
    "rival-completions",
    "contradicts",
  ],
  [
    "a count by one day's morning and by its afternoon: two times of that day",
    {
      outlet: "North Wire",
      text: "24 households had accepted the offer by Saturday morning, the builder said.",
      q: ["24", 24, 24, "exact", { unit: null, counted: "households" }],
      published: "2025-03-08T12:00:00Z",
      time: { text: "by Saturday morning", start: "2025-03-08", end: "2025-03-08" },
    },
    {
      outlet: "South Post",
      text: "38 households had accepted the offer by Saturday afternoon.",
      q: ["38", 38, 38, "exact", { unit: null, counted: "households" }],
      published: "2025-03-08T18:00:00Z",
      time: { text: "by Saturday afternoon", start: "2025-03-08", end: "2025-03-08" },
    },
    "changed",
    "day-parts",
    "discusses",
  ],
  [
    "a later article saying what the operator now says: the figure moved",
    {
      outlet: "North Wire",
      text: "About 400 train services were cancelled on Tuesday, the operator said.",
      q: ["About 400", 400, 400, "about", { unit: null, counted: "services" }],
      published: "2025-03-04T11:00:00Z",
      time: { text: "on Tuesday", start: "2025-03-04", end: "2025-03-04" },
    },
    {
      outlet: "South Post",
      text: "The operator now says 455 services were cancelled on Tuesday.",
      q: ["455", 455, 455, "exact", { unit: null, counted: "services" }],
      published: "2025-03-04T21:00:00Z",
      time: { text: "on Tuesday", start: "2025-03-04", end: "2025-03-04" },
    },
    "changed",
    "figure-revised",
    "discusses",
  ],
  [
    "'not until the end of January' and 'by the end of January': one date told from both sides",
    {
      outlet: "North Wire",
      text: "Students will not get their corrected results until the end of January.",
      q: ["until the end of January", day("2025-01-21"), day("2025-01-21"), "at-least", completion],
      published: "2025-01-07",
    },
    {
      outlet: "South Post",
      text: "Students will get their corrected results by the end of January.",
      q: ["by the end of January", day("2025-01-31"), day("2025-01-31"), "at-most", completion],
      published: "2025-01-07",
    },
    "agree",
    "bounds-pin",
    "supports",
  ],
  [
    "a piece of work forecast done within three weeks, and a later article saying it has now been put back",
    {
      outlet: "North Wire",
      text: "The sea wall repairs would be complete within three weeks.",
      q: ["within three weeks", day("2025-03-28"), day("2025-03-28"), "at-most", completion],
      published: "2025-03-07",
    },
    {
      outlet: "South Post",
      text: "The sea wall repairs have now been put back and would take at least three months.",
      q: ["at least three months", day("2025-06-06"), day("2025-06-06"), "at-least", completion],
      published: "2025-03-08",
    },
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "a reopening day forecast, then a later report's bound beyond it: the forecast moved",
    {
      outlet: "North Wire",
      text: "The bridge would reopen on Monday.",
      q: ["on Monday", day("2025-03-10"), day("2025-03-10"), "exact", reopening],
      published: "2025-03-07",
    },
    {
      outlet: "South Post",
      text: "The bridge will stay closed for at least two weeks.",
      q: ["at least two weeks", day("2025-03-22"), day("2025-03-22"), "at-least", reopening],
      published: "2025-03-08",
    },
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "two reopening days one day, two outlets: a conflict",
    {
      outlet: "North Wire",
      text: "The bridge would reopen on Monday.",
      q: ["on Monday", day("2025-03-10"), day("2025-03-10"), "exact", reopening],
      published: "2025-03-07",
    },
    {
      outlet: "South Post",
      text: "The bridge should reopen on Thursday.",
      q: ["on Thursday", day("2025-03-13"), day("2025-03-13"), "exact", reopening],
      published: "2025-03-07",
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "'until at least Thursday' and 'until Thursday at the earliest': one bound",
    {
      outlet: "North Wire",
      text: "The lifts will stay closed until at least Thursday.",
      q: ["until at least Thursday", day("2025-03-13"), day("2025-03-13"), "at-least", reopening],
      published: "2025-03-08",
    },
    {
      outlet: "South Post",
      text: "The lifts will stay shut until Thursday at the earliest.",
      q: ["until Thursday at the earliest", day("2025-03-13"), day("2025-03-13"), "at-least", reopening],
      published: "2025-03-09",
    },
    "agree",
    "same-bound",
    "supports",
  ],
  [
    "'at least a month', counted from two articles' days a day apart: one bound",
    {
      outlet: "North Wire",
      text: "The stand will stay closed for at least a month.",
      q: ["at least a month", day("2025-04-07"), day("2025-04-07"), "at-least", reopening],
      published: "2025-03-07",
    },
    {
      outlet: "South Post",
      text: "The stand will stay closed for a month or more.",
      q: ["a month or more", day("2025-04-08"), day("2025-04-08"), "at-least", reopening],
      published: "2025-03-08",
    },
    "agree",
    "same-bound",
    "supports",
  ],
  [
    "two accounts of one plan on one day, one dated when it starts: one plan, not a figure that moved",
    TAX_PLAN,
    taxFromMay("2025-03-03"),
    "contradict",
    "one-plan",
    "contradicts",
  ],
  [
    "the same plan told again a day later with another figure: the plan changed",
    TAX_PLAN,
    taxFromMay("2025-03-04"),
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "two named speakers' undated costs in articles of different days: rivals, not an update",
    LEADER_COST,
    costSaidNextDay("Campaigner Fergus Adair", "at least 250,000 euros", "at-least"),
    "contradict",
    "rival-speakers",
    "contradicts",
  ],
  [
    "two named speakers' forecasts stated by one verb, with no class (a cost to hauliers): rivals all the same",
    yearlyCost("Haulage boss Petra Lunn", "20 million euros", [20_000_000, "exact"], "2025-03-03", "forecast"),
    yearlyCost("Economist Oskar Reyne", "less than 3 million euros", [3_000_000, "at-most"], "2025-03-04", "forecast"),
    "contradict",
    "rival-speakers",
    "contradicts",
  ],
  [
    "two named speakers' figures of one verb and no class, stated as facts: no rivals, the figure moved",
    yearlyCost("Haulage boss Petra Lunn", "20 million euros", [20_000_000, "exact"], "2025-03-03", "fact"),
    yearlyCost("Economist Oskar Reyne", "less than 3 million euros", [3_000_000, "at-most"], "2025-03-04", "fact"),
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "an estimate, then another named speaker's range a day later: a range replaces no estimate, they are rivals",
    LEADER_COST,
    costSaidNextDay(
      "Campaigner Fergus Adair",
      "between 200,000 and 300,000 euros",
      "exact",
      "would cost",
      [200_000, 300_000],
    ),
    "contradict",
    "rival-speakers",
    "contradicts",
  ],
  [
    "a cost dated only by when its speaker spoke ('said on Tuesday that ... would cost'): rivals all the same",
    LEADER_COST,
    campaignerOnTuesday("said on Tuesday that", "the delivery would cost at least 250,000 euros", "2025-03-04"),
    "contradict",
    "rival-speakers",
    "contradicts",
  ],
  [
    "a named speaker's figure for a day it names, against another's a day before: the figure's own time",
    LEADER_COST,
    campaignerOnTuesday("said", "the delivery had cost at least 250,000 euros by Tuesday", "2025-03-05"),
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "two named speakers' costs a day apart, the later saying it was raised: an update",
    LEADER_COST,
    costSaidNextDay("Campaigner Fergus Adair", "at least 250,000 euros", "at-least", "has been raised to"),
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "one named speaker's undated costs in articles of different days: the speaker's figure moved",
    LEADER_COST,
    costSaidNextDay("Ms Toll", "250,000 euros", "exact"),
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "one named speaker's exact undated costs in articles of different days: the speaker's figure moved",
    {
      ...LEADER_COST,
      q: ["80,000 euros", 80_000, 80_000, "exact", COST],
      content: "the delivery will cost 80,000 euros",
    },
    costSaidNextDay("Ms Toll", "250,000 euros", "exact"),
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "undated figures in articles of different days",
    { outlet: "North Wire", text: "The toll stands at 12.", q: ["12", 12], published: "2025-03-03" },
    { outlet: "South Post", text: "The toll stands at 19.", q: ["19", 19], published: "2025-03-05" },
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "a running count met only through 'about', a day apart: the count moved",
    {
      outlet: "North Wire",
      text: "About 140 passengers were stranded.",
      q: ["About 140", 140, 140, "about", measured("trapped")],
      published: "2025-03-03",
    },
    {
      outlet: "South Post",
      text: "128 passengers were stranded.",
      q: ["128", 128, 128, "exact", measured("trapped")],
      published: "2025-03-04",
    },
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "a running count within its rounding, two days apart: one level confirmed",
    {
      outlet: "North Wire",
      text: "About 600 residents were evacuated.",
      q: ["About 600", 600, 600, "about", measured("evacuated")],
      published: "2025-03-03",
    },
    {
      outlet: "South Post",
      text: "587 residents were evacuated.",
      q: ["587", 587, 587, "exact", measured("evacuated")],
      published: "2025-03-05",
    },
    "agree",
    "intervals-overlap",
    "supports",
  ],
  [
    "a crowd's lower bound one day and its size the next: one gathering, not a figure that moved",
    {
      outlet: "North Wire",
      text: "More than 9,000 people had gathered at the shrine.",
      q: [
        "More than 9,000",
        9000,
        9000,
        "at-least",
        {
          counted: "people",
          measure: { ...DEATHS, class: "attendance", predicate: "gather", scope: "total", modality: "fact" },
        },
      ],
      published: "2025-03-03",
    },
    {
      outlet: "South Post",
      text: "About 30,000 people gathered at the shrine.",
      q: [
        "About 30,000",
        30000,
        30000,
        "about",
        {
          counted: "people",
          measure: { ...DEATHS, class: "attendance", predicate: "gather", scope: "total", modality: "fact" },
        },
      ],
      published: "2025-03-04",
    },
    "compatible",
    "bound-satisfied",
    "supports",
  ],
  [
    "how far a thing fell, told with two verbs of falling: one measurement with no reference point",
    {
      outlet: "North Wire",
      text: "The cabin fell about 50 metres onto the slope.",
      q: [
        "about 50 metres",
        50,
        50,
        "about",
        {
          unit: "metre",
          counted: null,
          measure: { ...DEATHS, class: "unknown", predicate: "fall", scope: "increment", modality: "fact" },
        },
      ],
    },
    {
      outlet: "South Post",
      text: "The cabin dropped about 30 metres.",
      q: [
        "about 30 metres",
        30,
        30,
        "about",
        {
          unit: "metre",
          counted: null,
          measure: { ...DEATHS, class: "unknown", predicate: "drop", scope: "increment", modality: "fact" },
        },
      ],
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "how far a thing went in all, told with two verbs of travel: one distance with no reference point",
    {
      outlet: "North Wire",
      text: "The old car had done only 40,000 kilometres.",
      q: [
        "40,000 kilometres",
        40000,
        40000,
        "exact",
        {
          unit: "kilometre",
          counted: null,
          measure: { ...DEATHS, class: "unknown", predicate: "do", scope: "total", modality: "fact" },
        },
      ],
    },
    {
      outlet: "South Post",
      text: "The old car had covered more than 310,000 kilometres.",
      q: [
        "more than 310,000 kilometres",
        310000,
        310000,
        "at-least",
        {
          unit: "kilometre",
          counted: null,
          measure: { ...DEATHS, class: "unknown", predicate: "cover", scope: "total", modality: "fact" },
        },
      ],
    },
    "contradict",
    "bound-violated",
    "contradicts",
  ],
  [
    "undated figures in articles of one day",
    { outlet: "North Wire", text: "The toll stands at 12.", q: ["12", 12], published: "2025-03-03" },
    { outlet: "South Post", text: "The toll stands at 19.", q: ["19", 19], published: "2025-03-03T18:00:00Z" },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "an undated figure in a later article against a written date",
    { outlet: "North Wire", text: "The toll stands at 12.", q: ["12", 12], published: "2025-03-06" },
    {
      outlet: "South Post",
      text: "The toll was 19 on Monday.",
      q: ["19", 19],
      published: "2025-03-04",
      time: { text: "on Monday", start: "2025-03-03", end: "2025-03-03" },
    },
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "one outlet updating its own figure",
    { outlet: "North Wire", text: "The toll stands at 12.", q: ["12", 12], canonical: "North Wire" },
    { outlet: "North Wire Asia", text: "The toll stands at 19.", q: ["19", 19], canonical: "North Wire" },
    "changed",
    "outlet-updated",
    "discusses",
  ],
  [
    "a speaker's figure against the outlet's own",
    {
      outlet: "North Wire",
      text: "Officials said 40 people were hurt.",
      q: ["40", 40],
      said: ["Officials", "said", "say", "asserts"],
    },
    { outlet: "South Post", text: "Exactly 40 people were hurt.", q: ["40", 40] },
    "agree",
    "intervals-overlap",
    "supports",
  ],
  [
    "a speaker's figure against another speaker's",
    {
      outlet: "North Wire",
      text: "Police said they arrested 2,000 people.",
      q: ["2,000", 2000],
      said: ["Police", "said", "say", "asserts"],
    },
    {
      outlet: "South Post",
      text: "Organisers said police arrested 40 people.",
      q: ["40", 40],
      said: ["Organisers", "said", "say", "asserts"],
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "two same-day reports of the day before: one time, so a conflict",
    { outlet: "North Wire", text: "Six workers were injured in the blaze.", q: ["Six", 6], published: "2025-05-12" },
    {
      outlet: "South Post",
      text: "Nine workers were injured in the blaze on Sunday.",
      q: ["Nine", 9],
      published: "2025-05-12",
      time: { text: "on Sunday", start: "2025-05-11", end: "2025-05-11" },
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "a toll for the event's day in papers of two days: the count as each stood, so a timeline",
    {
      outlet: "North Wire",
      text: "96 people were killed on Sunday.",
      q: ["96", 96, 96, "exact", { measure: { ...DEATHS, scope: "total", modality: "fact" } }],
      published: "2025-05-11",
      time: { text: "on Sunday", start: "2025-05-11", end: "2025-05-11" },
    },
    {
      outlet: "South Post",
      text: "The derailment on Sunday killed 131 people.",
      q: ["131", 131, 131, "exact", { measure: { ...DEATHS, scope: "total", modality: "fact" } }],
      published: "2025-05-12",
      time: { text: "on Sunday", start: "2025-05-11", end: "2025-05-11" },
    },
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "a count its clause says is across a wider whole, against one route's: the whole, not a rival",
    {
      outlet: "North Wire",
      text: "The route carried about 148,000 passengers last year.",
      q: ["about 148,000", 148000, 148000, "about", { counted: "passengers" }],
      published: "2025-06-03",
    },
    {
      outlet: "South Post",
      text: "Petrel Air carried 6.2 million passengers across its network last year, and its other routes made a profit.",
      q: ["6.2 million", 6200000, 6200000, "exact", { counted: "passengers" }],
      published: "2025-06-03",
    },
    "compatible",
    "part-of-wider-count",
    "discusses",
  ],
  [
    "two accounts of one new level, each written as the level reached, that differ: a contradiction",
    {
      outlet: "North Wire",
      text: "The company has increased its redundancy fund to 30 million euros.",
      q: ["30 million euros", 30e6, 30e6, "exact", { unit: "EUR", counted: "redundancy fund" }],
      published: "2025-06-03",
    },
    {
      outlet: "South Post",
      text: "The redundancy fund has been raised to 26 million euros.",
      q: ["26 million euros", 26e6, 26e6, "exact", { unit: "EUR", counted: "redundancy fund" }],
      published: "2025-06-03",
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "a same-day count its sentence says has now reached its figure: two points of one moving count",
    {
      outlet: "North Wire",
      text: "Three riders were taken to hospital with cold and shock.",
      q: ["Three", 3, 3, "exact", measured("hospitalised")],
      published: "2025-06-03",
    },
    {
      outlet: "South Post",
      text: "Five riders have now been taken to hospital, the park says.",
      q: ["Five", 5, 5, "exact", measured("hospitalised")],
      published: "2025-06-03",
    },
    "changed",
    "count-moving",
    "discusses",
  ],
  [
    "an extent its sentence says was widened to a new level, with words between the verb and 'to': a timeline",
    {
      outlet: "North Wire",
      text: "Harvesting was banned across about 1,450 hectares of the estuary on Monday.",
      q: ["about 1,450 hectares", 1450, 1450, "about", { unit: "hectare", counted: "beds" }],
      published: "2025-06-03",
    },
    {
      outlet: "South Post",
      text: "The ban was widened on Monday evening to cover 2,100 hectares of beds.",
      q: ["2,100 hectares", 2100, 2100, "exact", { unit: "hectare", counted: "beds" }],
      published: "2025-06-03",
    },
    "changed",
    "count-moving",
    "discusses",
  ],
  [
    "a same-day toll its own sentence says has risen: two points of one moving count, so a timeline",
    {
      outlet: "North Wire",
      text: "The death toll from the derailment has risen to 261.",
      q: ["261", 261, 261, "exact", { measure: { ...DEATHS, scope: "total", modality: "fact" } }],
      published: "2025-06-03",
    },
    {
      outlet: "South Post",
      text: "The derailment killed 238 people.",
      q: ["238", 238, 238, "exact", { measure: { ...DEATHS, scope: "total", modality: "fact" } }],
      published: "2025-06-03",
    },
    "changed",
    "count-moving",
    "discusses",
  ],
  [
    "a toll and a count of carriages in one sentence are not parts of a total",
    {
      outlet: "North Wire",
      text: "The derailment killed 110 people.",
      q: ["110", 110, 110, "exact", { counted: "people", measure: { ...DEATHS, scope: "total", modality: "fact" } }],
    },
    {
      outlet: "South Post",
      text: "At least 96 people were killed when 14 coaches left the track.",
      q: [
        "At least 96",
        96,
        96,
        "at-least",
        { counted: "people", measure: { ...DEATHS, scope: "total", modality: "fact" } },
      ],
      others: [["14", 14, "exact", "total", "coaches"]],
    },
    "compatible",
    "bound-satisfied",
    "discusses",
  ],
  [
    "a quake's magnitude in reports of different days: the event's own, so no timeline",
    {
      outlet: "North Wire",
      text: "The 6.9 magnitude quake struck at dawn.",
      q: [
        "6.9",
        6.9,
        6.9,
        "exact",
        {
          counted: "magnitude quake",
          measure: { ...DEATHS, class: "magnitude", predicate: null, scope: "total", modality: "fact" },
        },
      ],
      published: "2025-04-02",
    },
    {
      outlet: "South Post",
      text: "The 6.4 magnitude quake struck at dawn.",
      q: [
        "6.4",
        6.4,
        6.4,
        "exact",
        {
          counted: "magnitude quake",
          measure: { ...DEATHS, class: "magnitude", predicate: null, scope: "total", modality: "fact" },
        },
      ],
      published: "2025-04-04",
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "a negative claim against the denial of that negative",
    {
      outlet: "North Wire",
      text: "Hundreds of ballots from Tarn were never counted.",
      polarity: "negative",
    },
    {
      outlet: "South Post",
      text: "The commission denied that ballots from Tarn were never counted.",
      polarity: "negative",
      said: ["The commission", "denied", "deny", "denies"],
    },
    "disputed",
    "stance-challenge",
    "contradicts",
  ],
  [
    "a claim against its attributed denial",
    { outlet: "North Wire", text: "The army moved 500 tanks to the border.", q: ["500", 500] },
    {
      outlet: "South Post",
      text: "The ministry denied that the army moved 500 tanks to the border.",
      q: ["500", 500],
      said: ["The ministry", "denied", "deny", "denies"],
    },
    "disputed",
    "stance-challenge",
    "contradicts",
  ],
  [
    "a toll in one town against a toll that names no place",
    IN_HARROWBY,
    { outlet: "South Post", text: "The storm killed 52 people.", q: ["52", 52, 52, "exact", measured("deaths")] },
    "compatible",
    "part-of-wider-count",
    "discusses",
  ],
  [
    "a count of one group against a count of it and another",
    {
      outlet: "North Wire",
      text: "Twenty engineers worked through the night.",
      q: ["Twenty", 20, 20, "exact", { counted: "engineer" }],
    },
    {
      outlet: "South Post",
      text: "About 45 engineers and contractors worked through the night.",
      q: ["About 45", 45, 45, "about", { counted: "engineer and contractor" }],
    },
    "compatible",
    "part-of-wider-count",
    "discusses",
  ],
  [
    "a toll in one town against a toll from an article about that town",
    IN_HARROWBY,
    {
      outlet: "South Post",
      title: "Storm leaves 52 dead in Harrowby",
      text: "The storm killed 52 people.",
      q: ["52", 52, 52, "exact", measured("deaths")],
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "a toll counted elsewhere against a toll that names no place",
    {
      outlet: "North Wire",
      text: "The floods killed 40 people in other parts of the valley.",
      q: [
        "40",
        40,
        40,
        "exact",
        { counted: null, measure: { ...DEATHS, where: "elsewhere", scope: "total", modality: "fact" } },
      ],
    },
    {
      outlet: "South Post",
      text: "The floods killed 120 people in the valley.",
      q: ["120", 120, 120, "exact", measured("deaths")],
    },
    "compatible",
    "part-of-wider-count",
    "discusses",
  ],
  [
    "women killed against everyone killed, both in one named town",
    {
      outlet: "North Wire",
      text: "Six women died in the blast in Harrowby.",
      q: [
        "Six",
        6,
        6,
        "exact",
        { counted: "woman", measure: { ...DEATHS, where: "Harrowby", scope: "total", modality: "fact" } },
      ],
    },
    {
      outlet: "South Post",
      text: "Nine people were killed in the blast in Harrowby.",
      q: [
        "Nine",
        9,
        9,
        "exact",
        { counted: "people", measure: { ...DEATHS, where: "Harrowby", scope: "total", modality: "fact" } },
      ],
    },
    "compatible",
    "part-of-wider-count",
    "discusses",
  ],
  [
    "a fall in one city's trading against a fall that names no place: a percentage is no part of another",
    {
      outlet: "North Wire",
      text: "Shares in the company fell 14% in Kessport.",
      q: [
        "14%",
        14,
        14,
        "exact",
        {
          unit: "percent",
          counted: null,
          measure: { ...DEATHS, class: "percent-change", where: "Kessport", scope: "total", modality: "fact" },
        },
      ],
    },
    {
      outlet: "South Post",
      text: "Its shares fell about 4 per cent.",
      q: [
        "about 4 per cent",
        4,
        4,
        "about",
        {
          unit: "percent",
          counted: null,
          measure: { ...DEATHS, class: "percent-change", scope: "total", modality: "fact" },
        },
      ],
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "children killed against everyone killed",
    {
      outlet: "North Wire",
      text: "The shelling killed 9 children.",
      q: ["9", 9, 9, "exact", { counted: "children", measure: { ...DEATHS, scope: "total", modality: "fact" } }],
    },
    { outlet: "South Post", text: "The shelling killed 31 people.", q: ["31", 31, 31, "exact", measured("deaths")] },
    "compatible",
    "part-of-wider-count",
    "discusses",
  ],
  [
    "an undated figure against a figure dated after its article appeared",
    { outlet: "North Wire", text: "Eleven people are missing.", q: ["Eleven", 11], published: "2025-06-02" },
    {
      outlet: "South Post",
      text: "Seven people were still missing on Wednesday.",
      q: ["Seven", 7],
      published: "2025-06-04",
      time: { text: "on Wednesday", start: "2025-06-04", end: "2025-06-04" },
    },
    "changed",
    "different-times",
    "discusses",
  ],
  [
    "deaths against casualties",
    { outlet: "North Wire", text: "The blast killed 12 people.", q: ["12", 12, 12, "exact", measured("deaths")] },
    {
      outlet: "South Post",
      text: "The blast left 30 casualties.",
      q: ["30", 30, 30, "exact", measured("casualties")],
    },
    "compatible",
    "part-vs-whole",
    "discusses",
  ],
  [
    "deaths outnumbering casualties",
    { outlet: "North Wire", text: "The blast killed 45 people.", q: ["45", 45, 45, "exact", measured("deaths")] },
    {
      outlet: "South Post",
      text: "The blast left 30 casualties.",
      q: ["30", 30, 30, "exact", measured("casualties")],
    },
    "contradict",
    "part-exceeds-whole",
    "contradicts",
  ],
  [
    "a new round of cuts against the year's total",
    {
      outlet: "North Wire",
      text: "The firm cut another 300 jobs.",
      q: ["another 300", 300, 300, "exact", measured("jobs-cut", "increment")],
    },
    {
      outlet: "South Post",
      text: "The firm has cut 1,200 jobs this year.",
      q: ["1,200", 1200, 1200, "exact", measured("jobs-cut")],
    },
    "compatible",
    "increment-vs-total",
    "discusses",
  ],
  [
    "a target against a fact",
    {
      outlet: "North Wire",
      text: "The city plans to plant 5,000 trees.",
      q: ["5,000", 5000, 5000, "exact", measured("trees-planted", "total", "target")],
    },
    {
      outlet: "South Post",
      text: "The city has planted 1,800 trees.",
      q: ["1,800", 1800, 1800, "exact", measured("trees-planted")],
    },
    "compatible",
    "forecast-vs-fact",
    "discusses",
  ],
  [
    "a plan against a sum that names its noun ('a 1-euro deposit'): the sum has no tense of its own",
    {
      outlet: "North Wire",
      text: "Customers will pay a deposit of 2 euros on every cup.",
      q: [
        "2 euros",
        2,
        2,
        "exact",
        { ...PRICE, measure: { ...PRICE.measure, modality: "forecast" } as Quantity.Measure },
      ],
    },
    {
      outlet: "South Post",
      text: "Tovo will charge customers a 1-euro deposit on every cup.",
      q: ["1-euro", 1, 1, "exact", { ...PRICE, counted: "deposit" }],
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "a sum its sentence's subject is only part of, against that part's own: a whole, not a rival",
    {
      outlet: "North Wire",
      text: "The refit started with a budget of five million euros.",
      q: ["five million euros", 5e6, 5e6, "exact", BUDGET],
    },
    {
      outlet: "South Post",
      text: "The refit is part of a 60-million-euro capital programme.",
      q: ["60-million-euro", 60e6, 60e6, "exact", { ...BUDGET, counted: "capital programme" }],
    },
    "compatible",
    "part-of-wider-count",
    "discusses",
  ],
  [
    "the size of a whole its sentence names a part of: no total, so the lengths still differ",
    {
      outlet: "North Wire",
      text: "The blast blew the top off the 50-metre silo.",
      q: ["50-metre", 50, 50, "exact", SILO],
    },
    {
      outlet: "South Post",
      text: "The blast destroyed the upper part of the 35-metre silo.",
      q: ["35-metre", 35, 35, "exact", SILO],
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "one value, as a plan in one outlet and a fact in another",
    {
      outlet: "North Wire",
      text: "Fares will rise by 15 percent next year.",
      q: ["15", 15, 15, "exact", measured("percent-change", "total", "forecast")],
    },
    {
      outlet: "South Post",
      text: "Riders face a 15 percent fare rise.",
      q: ["15", 15, 15, "exact", measured("percent-change")],
    },
    "agree",
    "intervals-overlap",
    "supports",
  ],
  [
    "parts that add up to the total",
    { outlet: "North Wire", text: "The crash killed 20 people.", q: ["20", 20] },
    {
      outlet: "South Post",
      text: "The crash killed 12 passengers and 8 crew.",
      q: ["12", 12],
      others: [["8", 8, "exact", "total"]],
    },
    "agree",
    "parts-sum-to-total",
    "supports",
  ],
  [
    "parts that add up to the total, one of them written with 'a'",
    {
      outlet: "North Wire",
      text: "Three trains were involved in the crash.",
      q: ["Three", 3, 3, "exact", { counted: "trains" }],
    },
    {
      outlet: "South Post",
      text: "The crash involved two trains and a freight train.",
      q: ["two", 2, 2, "exact", { counted: "trains" }],
    },
    "agree",
    "parts-sum-to-total",
    "supports",
  ],
  [
    "a bound and what was added to it, against the same bound",
    {
      outlet: "North Wire",
      text: "At least 20 people died in the floods in the north and south.",
      q: ["At least 20", 20, 20, "at-least"],
    },
    FLOOD_PARTS,
    "agree",
    "parts-sum-to-total",
    "supports",
  ],
  [
    "a bound and what was added to it, against a higher bound",
    {
      outlet: "North Wire",
      text: "At least 30 people died in the floods in the north and south.",
      q: ["At least 30", 30, 30, "at-least"],
    },
    FLOOD_PARTS,
    "compatible",
    "bounds-overlap",
    "discusses",
  ],
  [
    "figures of different things in one sentence are not parts of a total",
    {
      outlet: "North Wire",
      text: "More than 1,100 schools closed on Tuesday.",
      q: ["More than 1,100", 1100, 1100, "at-least", { counted: "schools" }],
    },
    {
      outlet: "South Post",
      text: "About 900 schools closed and 28,000 teachers walked out on Tuesday.",
      q: ["About 900", 900, 900, "about", { counted: "schools" }],
      others: [["28,000", 28000, "exact", "total", "teachers"]],
    },
    "contradict",
    "bound-violated",
    "contradicts",
  ],
  [
    "parts whose sum only fits under a lower bound, far beyond it, do not make the total",
    {
      outlet: "North Wire",
      text: "More than 20 people died in the floods.",
      q: ["More than 20", 20, 20, "at-least"],
    },
    {
      outlet: "South Post",
      text: "The floods killed 42 in the north and 20 in the south.",
      q: ["42", 42],
      others: [["20", 20, "exact", "total"]],
    },
    "compatible",
    "bound-satisfied",
    "supports",
  ],
  [
    "a thing's own size in two outlets: a length that needs no point it is measured from",
    {
      outlet: "North Wire",
      text: "The crater, about 40 metres wide, opened before dawn.",
      q: [
        "about 40 metres",
        40,
        40,
        "about",
        {
          unit: "metre",
          counted: null,
          measure: { ...DEATHS, class: "size", predicate: null, scope: "total", modality: "fact" },
        },
      ],
    },
    {
      outlet: "South Post",
      text: "A crater some 15 metres across opened before dawn.",
      q: [
        "some 15 metres",
        15,
        15,
        "about",
        {
          unit: "metre",
          counted: null,
          measure: { ...DEATHS, class: "size", predicate: null, scope: "total", modality: "fact" },
        },
      ],
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "a figure counted out of the one before it ('1,700 of them') is no addend",
    {
      outlet: "North Wire",
      text: "The trial enrolled about 4,000 volunteers.",
      q: ["about 4,000", 4000, 4000, "about", { counted: "volunteer" }],
    },
    {
      outlet: "South Post",
      text: "The trial enrolled 2,400 volunteers, and about 1,700 of them had both doses.",
      q: ["2,400", 2400, 2400, "exact", { counted: "volunteer" }],
      others: [["about 1,700", 1700, "about", "total", "volunteer"]],
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "a plant's cuts against cuts counted in the town its own sentence names",
    {
      outlet: "North Wire",
      text: "Arlen Motors will cut 640 jobs at its Hexley plant.",
      q: ["640", 640, 640, "exact", jobsCut("total")],
    },
    {
      outlet: "South Post",
      text: "Arlen Motors said it would cut 850 jobs at its plant in Hexley.",
      q: ["850", 850, 850, "exact", jobsCut("total", "Hexley")],
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "a court's backlog against one counted 'at the court', which points back to it",
    {
      outlet: "North Wire",
      text: "About 2,100 cases are waiting to be heard at Ashby Crown Court.",
      q: ["About 2,100", 2100, 2100, "about", waiting("Ashby Crown Court")],
    },
    {
      outlet: "South Post",
      text: "A barrister said more than 3,000 cases were waiting for a trial at the court.",
      q: ["more than 3,000", 3000, 3000, "at-least", waiting()],
    },
    "contradict",
    "bound-violated",
    "contradicts",
  ],
  [
    "a figure at a time that could not be placed against a later article's",
    {
      outlet: "North Wire",
      text: "Turnout was 58.7% at the time of the partial count.",
      q: [
        "58.7%",
        58.7,
        58.7,
        "exact",
        {
          unit: "percent",
          counted: null,
          measure: { ...DEATHS, class: "rate", predicate: null, scope: "total", modality: "fact" },
        },
      ],
      published: "2025-03-02",
      time: { text: "at the time", start: null, end: null },
    },
    {
      outlet: "South Post",
      text: "Turnout was 61.2%.",
      q: [
        "61.2%",
        61.2,
        61.2,
        "exact",
        {
          unit: "percent",
          counted: null,
          measure: { ...DEATHS, class: "rate", predicate: null, scope: "total", modality: "fact" },
        },
      ],
      published: "2025-03-03",
    },
    "changed",
    "unplaced-time-earlier",
    "discusses",
  ],
  [
    "a total against a new round whose sentence gives the total it brings",
    {
      outlet: "North Wire",
      text: "The firm will cut 840 jobs.",
      q: ["840", 840, 840, "exact", jobsCut("total")],
    },
    {
      outlet: "South Post",
      text: "The firm will cut another 200 jobs, bringing the total to 840.",
      q: ["200", 200, 200, "exact", jobsCut("increment")],
      others: [["840", 840, "exact", "total", "jobs"]],
    },
    "agree",
    "intervals-overlap",
    "supports",
  ],
  [
    "a new round whose sentence gives, before it, the level the count reached",
    {
      outlet: "South Post",
      text: "Eleven people are confirmed dead.",
      q: ["Eleven", 11, 11, "exact", measured("deaths")],
    },
    {
      outlet: "North Wire",
      text: "The number of people confirmed dead rose to 11 after five more bodies were found.",
      q: ["five", 5, 5, "exact", measured("deaths", "increment")],
      others: [["11", 11, "exact", "total", "people"]],
    },
    "agree",
    "intervals-overlap",
    "supports",
  ],
  [
    "a new round whose sentence then gives its parts, not the total it brings",
    {
      outlet: "South Post",
      text: "At least 62 people have died in the floods.",
      q: ["At least 62", 62, 62, "at-least", measured("deaths")],
    },
    {
      outlet: "North Wire",
      text: "Three more people have died in the floods: two in the north and one in the south.",
      q: ["Three", 3, 3, "exact", measured("deaths", "increment")],
      others: [["two", 2, "exact", "total", "people"]],
    },
    "compatible",
    "increment-vs-total",
    "discusses",
  ],
  [
    "a day's new finds just past a total's lower bound, which only a bound would let agree",
    {
      outlet: "North Wire",
      text: "Another 102 people were found dead in the factory fire on Sunday.",
      q: ["102", 102, 102, "exact", measured("deaths", "increment")],
    },
    {
      outlet: "South Post",
      text: "More than 100 people have died in the factory fire.",
      q: ["More than 100", 100, 100, "at-least", measured("deaths")],
    },
    "compatible",
    "increment-vs-total",
    "discusses",
  ],
  [
    "a new round whose sentence names no total, against a total",
    {
      outlet: "North Wire",
      text: "The firm will cut another 200 jobs.",
      q: ["200", 200, 200, "exact", jobsCut("increment")],
    },
    {
      outlet: "South Post",
      text: "The firm will cut 840 jobs.",
      q: ["840", 840, 840, "exact", jobsCut("total")],
    },
    "compatible",
    "increment-vs-total",
    "discusses",
  ],
  [
    "a toll in two papers of one day, one naming the day of the week its event began",
    {
      outlet: "North Wire",
      text: "About 40 people have died since the outbreak was found on Saturday.",
      q: ["About 40", 40, 40, "about", measured("deaths")],
      published: "2025-03-05",
      time: { text: "on Saturday", start: "2025-03-01", end: "2025-03-01" },
    },
    {
      outlet: "South Post",
      text: "The outbreak has killed 28 people.",
      q: ["28", 28, 28, "exact", measured("deaths")],
      published: "2025-03-05",
    },
    "contradict",
    "intervals-apart",
    "contradicts",
  ],
  [
    "last year's toll against this week's, in two papers of one day: not one time",
    {
      outlet: "North Wire",
      text: "Last year 28 people died of the fever.",
      q: ["28", 28, 28, "exact", measured("deaths")],
      published: "2025-03-05",
      time: { text: "Last year", start: "2024-01-01", end: "2024-12-31" },
    },
    {
      outlet: "South Post",
      text: "Nearly 40 people have died of the fever.",
      q: ["Nearly 40", 40, 40, "about", measured("deaths")],
      published: "2025-03-05",
    },
    "compatible",
    "times-may-differ",
    "discusses",
  ],
  [
    "a new round whose sentence counts another thing, against a total",
    {
      outlet: "North Wire",
      text: "The slide cut off another 4,200 people in nine villages.",
      q: [
        "4,200",
        4200,
        4200,
        "exact",
        {
          counted: "people",
          measure: { ...DEATHS, class: "unknown", predicate: "cut", scope: "increment", modality: "fact" },
        },
      ],
      others: [["nine", 9, "exact", "total", "villages"]],
    },
    {
      outlet: "South Post",
      text: "The slide cut off some 3,000 people.",
      q: ["some 3,000", 3000, 3000, "about", { counted: "people" }],
    },
    "compatible",
    "increment-vs-total",
    "discusses",
  ],
  [
    "a statement and its negation",
    { outlet: "North Wire", text: "The mayor closed the harbour bridge." },
    { outlet: "South Post", text: "The mayor did not close the harbour bridge.", polarity: "negative" },
    "contradict",
    "opposite-polarity",
    "contradicts",
  ],
  [
    "two parties' opposite accounts of one act: a dispute both sources report, not a contradiction",
    {
      outlet: "North Wire",
      text: "The Friends of Corrow Libraries said the council planned to sell the Central Library building.",
      said: ["The Friends of Corrow Libraries", "said", "say", "asserts"],
      content: "the council planned to sell the Central Library building",
    },
    {
      outlet: "South Post",
      text: "Councillor Imelda Garvan said there were no plans to sell the Central Library building.",
      polarity: "negative",
      said: ["Councillor Imelda Garvan", "said", "say", "asserts"],
      content: "there were no plans to sell the Central Library building",
    },
    "disputed",
    "parties-at-odds",
    "discusses",
  ],
  [
    "one party reported as saying opposite things: the sources are at odds over what it said",
    {
      outlet: "North Wire",
      text: "Corrow City Council said it would sell the Central Library building.",
      said: ["Corrow City Council", "said", "say", "asserts"],
      content: "it would sell the Central Library building",
    },
    {
      outlet: "South Post",
      text: "The city council said it would not sell the Central Library building.",
      polarity: "negative",
      said: ["The city council", "said", "say", "asserts"],
      content: "it would not sell the Central Library building",
    },
    "contradict",
    "opposite-polarity",
    "contradicts",
  ],
  [
    "a statement stated twice",
    { outlet: "North Wire", text: "The mayor closed the harbour bridge." },
    { outlet: "South Post", text: "The mayor closed the harbour bridge today." },
    "agree",
    "same-polarity",
    "supports",
  ],
]

/** The claim a side describes, in its own document. */
const build = (name: string, side: Side) => {
  const d = doc(name, side.text, {
    outlet: side.outlet,
    ...(side.published ? { publishedAt: side.published } : {}),
    ...(side.title ? { title: side.title } : {}),
  })
  const document = side.canonical ? { ...d, canonicalOutlet: side.canonical } : d
  const [qText, low, high, approximate, more] = side.q ?? []
  // The figure where the text writes it, as the extractor places it (offsets in the document).
  const at = qText !== undefined ? d.text.indexOf(qText) : -1
  const span = at >= 0 && qText !== undefined ? { span: { start: at, end: at + qText.length } } : {}
  const quantity =
    qText !== undefined && low !== undefined
      ? qty(qText, low, high ?? low, approximate ?? "exact", { ...span, ...(more ?? {}) })
      : null
  // "12 passengers and 8 crew": the other figures of the sentence, for the arithmetic rule.
  const others = (side.others ?? []).map(([text, low, approximate, scope, counted]) => {
    const from = d.text.indexOf(text)
    return qty(text, low, low, approximate, {
      span: { start: from, end: from + text.length },
      ...(counted ? { counted } : {}),
      ...(scope === "increment" ? { measure: { ...DEATHS, class: "unknown", scope, modality: "fact" } } : {}),
    })
  })
  const c = claim(document, side.text, {
    kind: quantity ? "numeric" : "statement",
    polarity: side.polarity ?? "positive",
    quantities: quantity ? [quantity, ...others] : [],
    time: side.time ?? null,
    ...(side.said
      ? {
          attribution: {
            ...voice(document, ...side.said),
            ...(side.content ? { content: { text: side.content, span: within(document, side.content) } } : {}),
          },
        }
      : {}),
  })
  const member: AlignedGroup.Member = { claim: c, quantity }
  return { document, claim: c, member }
}

describe("one judgement: the same pair through run and verify", () => {
  it.each(ROWS)("%s → %s by %s, verify %s", (_name, sa, sb, verdict, rule, stance) => {
    const a = build("a", sa)
    const b = build("b", sb)
    const group: AlignedGroup.AlignedGroup = {
      kind: a.member.quantity ? "numeric" : "statement",
      key: "table",
      members: [a.member, b.member],
      reasons: ["made-up pair"],
    }
    const documents = [a.document, b.document]
    const [finding] = Judgement.judge([group], documents, { nests })
    expect([finding?.verdict, finding?.rule]).toEqual([verdict, rule])
    expect(finding?.explanation).toContain(`Rule ${rule}:`)
    expect(Rules.RULES[rule]?.verdicts).toContain(verdict)

    const judged = Stance.judge({
      claim: [a.claim],
      source: [b.claim],
      groups: [group],
      lexicon: Stance.uniform,
      documents,
      nests,
    })
    expect([judged.stance, judged.rule], judged.explanation).toEqual([stance, rule])
    // The stance follows from the pair verdict by one mapping, the same in every row.
    const pair = PairVerdict.judge(Context.make(documents, nests), a.member, b.member)
    expect(pair.verdict).toBe(verdict)
    expect(Stance.ofPair(pair, b.claim)).toBe(stance)
  })

  it("gives a changed figure its timeline, in time order, saying which times are publication days", () => {
    const a = build("a", {
      outlet: "North Wire",
      text: "The toll stands at 19.",
      q: ["19", 19],
      published: "2025-03-05",
    })
    const b = build("b", {
      outlet: "South Post",
      text: "The toll stands at 12.",
      q: ["12", 12],
      published: "2025-03-03",
    })
    const c = build("c", {
      outlet: "East Times",
      text: "31 people died by Thursday.",
      q: ["31", 31],
      time: { text: "by Thursday", start: "2025-03-06", end: "2025-03-06" },
    })
    const [f] = Judgement.judge(
      [{ kind: "numeric", key: "toll", members: [a.member, b.member, c.member], reasons: [] }],
      [a.document, b.document, c.document],
    )
    expect(f?.verdict).toBe("changed")
    expect(f?.timeline?.map((e) => [e.outlet, e.value, e.time, e.defaulted])).toEqual([
      ["South Post", "12", "2025-03-03", true],
      ["North Wire", "19", "2025-03-05", true],
      ["East Times", "31", "2025-03-06", false],
    ])
  })

  it("leaves a new round that gives no total out of a changed figure's timeline", () => {
    const round = (scope: Quantity.Scope) => ({ measure: { ...DEATHS, scope, modality: "fact" as const } })
    const a = build("a", {
      outlet: "South Post",
      text: "The toll stands at 12.",
      q: ["12", 12, 12, "exact", round("total")],
      published: "2025-03-03",
    })
    const b = build("b", {
      outlet: "North Wire",
      text: "Another 10 bodies were pulled out overnight.",
      q: ["Another 10", 10, 10, "exact", round("increment")],
      published: "2025-03-05",
    })
    const c = build("c", {
      outlet: "East Times",
      text: "The toll stands at 31.",
      q: ["31", 31, 31, "exact", round("total")],
      published: "2025-03-06",
    })
    const [f] = Judgement.judge(
      [{ kind: "numeric", key: "toll", members: [a.member, b.member, c.member], reasons: [] }],
      [a.document, b.document, c.document],
    )
    expect(f?.verdict).toBe("changed")
    expect(f?.timeline?.map((e) => [e.outlet, e.value])).toEqual([
      ["South Post", "12"],
      ["East Times", "31"],
    ])
  })

  it("judges each time's figures apart and follows the figure across times in one changed finding", () => {
    // Monday: two outlets disagree on the cuts; a month later two others agree on the new total.
    const monday = "2025-10-06"
    const later = "2025-11-10"
    const sides = [
      build("a", { outlet: "Hexby Courier", text: "The firm will cut 640 jobs.", q: ["640", 640], published: monday }),
      build("b", { outlet: "North Wire", text: "The firm will cut 850 jobs.", q: ["850", 850], published: monday }),
      build("d", { outlet: "Trade Daily", text: "The firm will now cut 840 jobs.", q: ["840", 840], published: later }),
      build("e", { outlet: "Evening Argus", text: "In all 840 jobs will go.", q: ["840", 840], published: later }),
    ]
    const findings = Judgement.judge(
      [{ kind: "numeric", key: "jobs", members: sides.map((s) => s.member), reasons: [] }],
      sides.map((s) => s.document),
    )
    const outlets = (f: Finding.Finding) =>
      f.claimIds.map((id) => sides.find((s) => s.member.claim.id === id)?.document.outlet).sort()
    expect(findings.map((f) => [f.verdict, outlets(f)])).toEqual([
      ["contradict", ["Hexby Courier", "North Wire"]],
      ["agree", ["Evening Argus", "Trade Daily"]],
      ["changed", ["Evening Argus", "Hexby Courier", "North Wire", "Trade Daily"]],
    ])
    const timeline = findings[2]?.timeline?.map((e) => [e.value, e.time])
    expect(timeline).toEqual([
      ["640", monday],
      ["850", monday],
      ["840", later],
      ["840", later],
    ])
    expect(findings[2]?.explanation).toContain("Rule time-slices")
    expect(Rules.isRule("time-slices")).toBe(true)
    // Each finding names the figure of each of its claims that it weighs, in the order of its claims.
    for (const f of findings) expect(f.figures?.map((x) => x.claimId)).toEqual(f.claimIds)
    expect(findings[0]?.figures?.map((x) => x.text).sort()).toEqual(["640", "850"])
    const [first] = findings[0]?.figures ?? []
    const member = sides.find((s) => s.member.claim.id === first?.claimId)?.member
    expect(first?.span).toEqual(member?.quantity?.span)
  })

  it("names no figures for a finding on statements", () => {
    const sides = [
      build("a", { outlet: "Hexby Courier", text: "The mayor opened the new bridge." }),
      build("b", { outlet: "North Wire", text: "The mayor opened the new bridge." }),
    ]
    const findings = Judgement.judge(
      [{ kind: "statement", key: "bridge", members: sides.map((s) => s.member), reasons: [] }],
      sides.map((s) => s.document),
    )
    expect(findings.map((f) => f.verdict)).toEqual(["agree"])
    expect(findings[0]?.figures).toBeUndefined()
  })

  it("reads counted words the matcher took for one thing as one thing", () => {
    const day = "2025-09-03"
    const a = build("a", {
      outlet: "Port Gazette",
      text: "About 85 vessels were queuing.",
      q: ["About 85", 85, 85, "about", { counted: "vessels" }],
      published: day,
    })
    const b = build("b", {
      outlet: "North Wire",
      text: "More than 120 ships were waiting.",
      q: ["More than 120", 120, 120, "at-least", { counted: "ships" }],
      published: day,
    })
    const judge = (members: ReadonlyArray<AlignedGroup.Member>) =>
      Judgement.judge([{ kind: "numeric", key: "ships", members, reasons: [] }], [a.document, b.document]).map((f) => [
        f.verdict,
        f.rule,
      ])
    // Without the matcher's reading, "vessels" and "ships" are two counted things and no value is set against the other.
    expect(judge([a.member, b.member])).toEqual([])
    expect(
      judge([
        { ...a.member, countedAs: "vessel" },
        { ...b.member, countedAs: "vessel" },
      ]),
    ).toEqual([["contradict", "bound-violated"]])
  })

  it("keeps a dispute one conflict when a later report repeats one side's figure, and that side an agreement", () => {
    // Wednesday: 240 homes destroyed against 410; Thursday, officials confirm 240: no figure moved, and
    // the two that give 240 agree (agreeing-sides).
    const wednesday = "2025-09-03"
    const sides = [
      build("a", {
        outlet: "Valley Post",
        text: "The fire destroyed 240 homes.",
        q: ["240", 240],
        published: wednesday,
      }),
      build("b", {
        outlet: "North Wire",
        text: "The fire destroyed 410 homes.",
        q: ["410", 410],
        published: wednesday,
      }),
      build("c", {
        outlet: "Coast Radio",
        text: "The fire burned 240 homes.",
        q: ["240", 240],
        published: "2025-09-04",
      }),
    ]
    const findings = Judgement.judge(
      [{ kind: "numeric", key: "homes", members: sides.map((s) => s.member), reasons: [] }],
      sides.map((s) => s.document),
    )
    expect(findings.map((f) => [f.verdict, f.claimIds.length])).toEqual([
      ["contradict", 3],
      ["agree", 2],
    ])
    expect(findings[0]?.sides).toEqual([[sides[0]?.claim.id, sides[2]?.claim.id], [sides[1]?.claim.id]])
  })

  it("does not take two days' own conflicts for one dispute going on: each day's conflict and the change", () => {
    // Monday: 17 crashes against 14; Thursday: 11 against 9. No figure of one day is the other's again.
    const build4 = (id: string, outlet: string, n: number, published: string) =>
      build(id, { outlet, text: `The fault has been linked to ${n} crashes.`, q: [String(n), n], published })
    const sides = [
      build4("a", "Valley Post", 17, "2025-09-01"),
      build4("b", "North Wire", 14, "2025-09-01"),
      build4("c", "Coast Radio", 11, "2025-09-04"),
      build4("d", "Hill Times", 9, "2025-09-04"),
    ]
    const findings = Judgement.judge(
      [{ kind: "numeric", key: "crashes", members: sides.map((s) => s.member), reasons: [] }],
      sides.map((s) => s.document),
    )
    expect(findings.map((f) => [f.verdict, f.claimIds.length])).toEqual([
      ["contradict", 2],
      ["contradict", 2],
      ["changed", 4],
    ])
  })

  it("keeps one finding when the figure is the same at every time", () => {
    const sides = [
      build("a", {
        outlet: "Hexby Courier",
        text: "The plant employs 1,900.",
        q: ["1,900", 1900],
        published: "2025-10-06",
      }),
      build("b", {
        outlet: "North Wire",
        text: "The plant employs 1,900.",
        q: ["1,900", 1900],
        published: "2025-10-06",
      }),
      build("d", {
        outlet: "Trade Daily",
        text: "The plant employs 1,900.",
        q: ["1,900", 1900],
        published: "2025-11-10",
      }),
    ]
    const findings = Judgement.judge(
      [{ kind: "numeric", key: "staff", members: sides.map((s) => s.member), reasons: [] }],
      sides.map((s) => s.document),
    )
    expect(findings.map((f) => [f.verdict, f.claimIds.length])).toEqual([["agree", 3]])
  })

  it("names only rules of the catalogue, each with what it means", () => {
    for (const [, , , verdict, rule] of ROWS) {
      expect(Rules.isRule(rule)).toBe(true)
      expect(Rules.says(rule).length).toBeGreaterThan(20)
      expect(Rules.RULES[rule]?.verdicts).toContain(verdict)
    }
  })
})

describe("Judgement.nestingOf", () => {
  it.each([
    ["casualties", "deaths", true],
    ["deaths", "casualties", false],
    ["deaths", "injuries", false],
    ["casualties", "casualties", false],
    ["unknown", "deaths", false],
  ] as const)("%s takes in %s: %s", (whole, part, expected) => {
    expect(nests(whole, part)).toBe(expected)
  })
})

describe("a contradiction needs both figures to say what they measure, the same way", () => {
  const judged = (ma: Partial<Quantity.Quantity>, mb: Partial<Quantity.Quantity>) => {
    const a = build("a", { outlet: "North Wire", text: "The figure stood at 12.", q: ["12", 12, 12, "exact", ma] })
    const b = build("b", { outlet: "South Post", text: "The figure stood at 30.", q: ["30", 30, 30, "exact", mb] })
    const group: AlignedGroup.AlignedGroup = {
      kind: "numeric",
      key: "table",
      members: [a.member, b.member],
      reasons: ["made-up pair"],
    }
    return Judgement.judge([group], [a.document, b.document], { nests })
  }

  it.each([
    ["bare numbers", { counted: null }, { counted: null }],
    ["'people' on both sides, no measure", { counted: "people" }, { counted: "people" }],
    ["different counted words", { counted: "body" }, { counted: "baby" }],
  ] as const)("%s give no finding", (_, ma, mb) => {
    expect(judged(ma, mb)).toEqual([])
  })

  it.each([
    ["one measure class", measured("deaths"), measured("deaths")],
    ["one counted word", { counted: "ferry" }, { counted: "ferries" }],
    ["one unit", { counted: null, unit: "hectare" }, { counted: null, unit: "hectare" }],
  ] as const)("%s contradict", (_, ma, mb) => {
    expect(judged(ma, mb).map((f) => [f.verdict, f.rule])).toEqual([["contradict", "intervals-apart"]])
  })
})

describe("figures that are not rival counts of one total give no finding", () => {
  const judge = (sa: Side, sb: Side) => {
    const a = build("a", sa)
    const b = build("b", sb)
    const group: AlignedGroup.AlignedGroup = {
      kind: "numeric",
      key: "table",
      members: [a.member, b.member],
      reasons: ["made-up pair"],
    }
    const documents = [a.document, b.document]
    const pair = PairVerdict.judge(Context.make(documents, nests), a.member, b.member)
    return { findings: Judgement.judge([group], documents, { nests }), pair }
  }
  const hurt = (cls: string, extra: Partial<Quantity.Measure> = {}): Partial<Quantity.Quantity> => ({
    counted: "people",
    measure: { ...DEATHS, class: cls, scope: "total", modality: "fact", ...extra },
  })
  const km = (cls: string, of: string | null, predicate: string | null): Partial<Quantity.Quantity> => ({
    unit: "kilometre",
    counted: null,
    measure: { ...DEATHS, class: cls, of, predicate, scope: "total", modality: "fact" },
  })

  it.each([
    [
      "what is left after the article's own figures",
      {
        outlet: "North Wire",
        text: "Nineteen other people were hurt.",
        q: ["Nineteen", 19, 19, "exact", { ...hurt("injuries"), counted: "other people" }],
      },
      {
        outlet: "South Post",
        text: "Four others were hurt.",
        q: ["Four", 4, 4, "exact", { ...hurt("injuries"), counted: "others" }],
      },
      "remainder",
    ],
    [
      "what is left, named before the figure",
      {
        outlet: "North Wire",
        text: "Six workers are presumed dead.",
        q: ["Six", 6, 6, "exact", { ...hurt("missing"), counted: "worker" }],
      },
      {
        outlet: "South Post",
        text: "The search for the remaining four workers was halted.",
        q: ["four", 4, 4, "exact", { ...hurt("missing"), counted: "worker" }],
      },
      "remainder",
    ],
    [
      "a figure pointing back to a named group",
      {
        outlet: "North Wire",
        text: "Witnesses said the two died at the scene.",
        q: ["two", 2, 2, "exact", { ...hurt("deaths"), counted: null }],
      },
      { outlet: "South Post", text: "The crash killed 6 people.", q: ["6", 6, 6, "exact", hurt("deaths")] },
      "back-reference",
    ],
    [
      "lengths that say nothing of where they are measured from",
      { outlet: "North Wire", text: "The line runs 40 km.", q: ["40 km", 40, 40, "exact", km("unknown", null, "run")] },
      { outlet: "South Post", text: "The line runs 65 km.", q: ["65 km", 65, 65, "exact", km("unknown", null, "run")] },
      "length-without-reference",
    ],
    [
      "a town and an epicentre measured from one city",
      {
        outlet: "North Wire",
        text: "Tolsey, 48 km west of Arvent, was hit hardest.",
        q: ["48 km", 48, 48, "exact", km("distance", "Arvent", null)],
      },
      {
        outlet: "South Post",
        text: "The quake was centred 3 km south of Arvent.",
        q: ["3 km", 3, 3, "exact", km("distance", "Arvent", "center")],
      },
      "distances-of-different-things",
    ],
    [
      "a town said to lie at a distance, twice",
      {
        outlet: "North Wire",
        text: "Tolsey is 48 km from Arvent.",
        q: ["48 km", 48, 48, "exact", km("distance", "Arvent", "be")],
      },
      {
        outlet: "South Post",
        text: "Marrow is 20 km from Arvent.",
        q: ["20 km", 20, 20, "exact", km("distance", "Arvent", "be")],
      },
      "distances-of-different-things",
    ],
    [
      "a quake's magnitude against its aftershocks'",
      {
        outlet: "North Wire",
        text: "The 6.8 magnitude quake flattened the old town.",
        q: [
          "6.8",
          6.8,
          6.8,
          "exact",
          {
            counted: null,
            measure: { ...DEATHS, class: "magnitude", predicate: null, scope: "total", modality: "fact" },
          },
        ],
      },
      {
        outlet: "South Post",
        text: "Aftershocks of magnitude 4.1 shook the old town overnight.",
        q: [
          "4.1",
          4.1,
          4.1,
          "exact",
          {
            counted: null,
            measure: { ...DEATHS, class: "magnitude", predicate: null, scope: "total", modality: "fact" },
          },
        ],
      },
      "different-events",
    ],
    [
      "magnitudes written for different years",
      {
        outlet: "North Wire",
        text: "The 6.8 magnitude quake struck on Monday.",
        q: [
          "6.8",
          6.8,
          6.8,
          "exact",
          {
            counted: null,
            measure: { ...DEATHS, class: "magnitude", predicate: null, scope: "total", modality: "fact" },
          },
        ],
        time: { text: "on Monday", start: "2025-04-07", end: "2025-04-07" },
      },
      {
        outlet: "South Post",
        text: "A 7.6 magnitude quake struck the coast in 1952.",
        q: [
          "7.6",
          7.6,
          7.6,
          "exact",
          {
            counted: null,
            measure: { ...DEATHS, class: "magnitude", predicate: null, scope: "total", modality: "fact" },
          },
        ],
        time: { text: "in 1952", start: "1952-01-01", end: "1952-12-31" },
      },
      "different-events",
    ],
    [
      "an hourly rate against a yearly cost",
      {
        outlet: "North Wire",
        text: "The trust offered 34 crowns an hour.",
        q: ["34", 34, 34, "exact", { counted: "crowns", per: "hour" }],
      },
      {
        outlet: "South Post",
        text: "The demand would cost about 9 million crowns a year.",
        q: ["about 9 million", 9_000_000, 9_000_000, "about", { counted: "crowns", per: "year" }],
      },
      "periods-apart",
    ],
    [
      "tolls of two named places",
      {
        outlet: "North Wire",
        text: "In Tolsey, 8 people died.",
        q: ["8", 8, 8, "exact", hurt("deaths", { where: "Tolsey" })],
      },
      {
        outlet: "South Post",
        text: "In Marrow, 21 people died.",
        q: ["21", 21, 21, "exact", hurt("deaths", { where: "Marrow" })],
      },
      "different-places",
    ],
  ] as const)("%s", (_name, sa, sb, rule) => {
    const { findings, pair } = judge(sa as Side, sb as Side)
    expect(findings).toEqual([])
    expect([pair.verdict, pair.rule]).toEqual([null, rule])
    expect(Rules.isRule(rule)).toBe(true)
  })

  /** A side stating one length, `v` in `unit`, of class `cls`. */
  const length =
    (unit: string, written: string, cls: string, predicate: string | null) =>
    (outlet: string, text: string, v: number): Side => ({
      outlet,
      text,
      q: [
        `${v} ${written}`,
        v,
        v,
        "exact",
        { unit, counted: null, measure: { ...DEATHS, class: cls, predicate, scope: "total", modality: "fact" } },
      ],
    })

  it("sets two rainfalls in millimetres against each other: a small length is an amount, not a distance", () => {
    const rain = length("millimetre", "mm", "unknown", "fall")
    const { pair } = judge(
      rain("North Wire", "Gauges showed 310 mm of rain fell.", 310),
      rain("South Post", "Only 180 mm of rain fell.", 180),
    )
    expect(pair.rule).not.toBe("length-without-reference")
    expect(pair.verdict).toBe("contradict")
  })

  it("sets two heights above the ground against each other: the class says what the length is", () => {
    const height = length("metre", "metres", "height", null)
    const { pair } = judge(
      height("North Wire", "The basket fell from a height of 100 metres.", 100),
      height("South Post", "The basket fell from a height of 62 metres.", 62),
    )
    expect(pair.rule).not.toBe("length-without-reference")
    expect(pair.verdict).toBe("contradict")
  })

  it("contradicts two distances of one named thing from one point, whatever the verbs", () => {
    const { pair } = judge(
      {
        outlet: "North Wire",
        text: "The Merrow depot, 12 km north of Alby, burned for a day.",
        q: ["12 km", 12, 12, "exact", km("distance", "Alby", null)],
      },
      {
        outlet: "South Post",
        text: "Flames gutted the Merrow depot, 15 km from Alby.",
        q: ["15 km", 15, 15, "exact", km("distance", "Alby", null)],
      },
    )
    expect([pair.verdict, pair.rule]).toEqual(["contradict", "intervals-apart"])
  })

  it("still contradicts two epicentres put at different distances from one city by the same verb", () => {
    const { pair } = judge(
      {
        outlet: "North Wire",
        text: "The quake was centred 12 km south of Arvent.",
        q: ["12 km", 12, 12, "exact", km("distance", "Arvent", "center")],
      },
      {
        outlet: "South Post",
        text: "The quake was centred 3 km south of Arvent.",
        q: ["3 km", 3, 3, "exact", km("distance", "Arvent", "center")],
      },
    )
    expect([pair.verdict, pair.rule]).toEqual(["contradict", "intervals-apart"])
  })
})

describe("a contradiction whose side two sources agree on", () => {
  it("gives that side an agreement of its own and lists it as one side of the conflict", () => {
    const schools = (text: string, q: NonNullable<Side["q"]>, outlet: string) => build(outlet, { outlet, text, q })
    const sides = [
      schools(
        "More than 1,100 schools closed on Tuesday.",
        ["More than 1,100", 1100, 1100, "at-least", { counted: "schools" }],
        "North Wire",
      ),
      schools(
        "About 900 schools closed on Tuesday.",
        ["About 900", 900, 900, "about", { counted: "schools" }],
        "South Post",
      ),
      schools(
        "Some 900 schools were shut on Tuesday.",
        ["Some 900", 900, 900, "about", { counted: "schools" }],
        "East Times",
      ),
    ]
    const findings = Judgement.judge(
      [{ kind: "numeric", key: "schools", members: sides.map((s) => s.member), reasons: [] }],
      sides.map((s) => s.document),
    )
    expect(findings.map((f) => [f.verdict, f.claimIds.length])).toEqual([
      ["contradict", 3],
      ["agree", 2],
    ])
    expect(findings[0]?.explanation).toContain("Rule agreeing-sides:")
    // The conflict holds every figure on a side, side by side: 1,100 against the two that give 900.
    expect(findings[0]?.sides).toEqual([[sides[0]?.claim.id], [sides[1]?.claim.id, sides[2]?.claim.id]])
    expect(findings[1]?.claimIds).toEqual([sides[1]?.claim.id, sides[2]?.claim.id])
    expect(findings[1]?.sides).toBeUndefined()
  })

  it("leaves a figure that agrees with both sides out of the conflict", () => {
    const sides = [
      build("a", {
        outlet: "North Wire",
        text: "Nearly 50 people were hurt.",
        q: ["Nearly 50", 50, 50, "about", measured("injuries")],
      }),
      build("b", {
        outlet: "South Post",
        text: "Exactly 53 people were hurt.",
        q: ["53", 53, 53, "exact", measured("injuries")],
      }),
      build("c", {
        outlet: "East Times",
        text: "Some 50 people were hurt.",
        q: ["Some 50", 50, 50, "about", measured("injuries")],
      }),
    ]
    const findings = Judgement.judge(
      [{ kind: "numeric", key: "hurt", members: sides.map((s) => s.member), reasons: [] }],
      sides.map((s) => s.document),
    )
    expect(findings.map((f) => [f.verdict, f.claimIds.length])).toEqual([["contradict", 2]])
    // "Some 50" fits "nearly 50" and 53 alike: on no side, so not what the two are at odds on.
    expect(findings[0]?.sides).toEqual([[sides[0]?.claim.id], [sides[1]?.claim.id]])
    expect(findings[0]?.claimIds).not.toContain(sides[2]?.claim.id)
  })
})

describe("a dispute's sides", () => {
  it("lists the sources that assert the claim on one side and the reported denial on the other", () => {
    const sides = [
      build("a", { outlet: "North Wire", text: "The army moved 500 tanks to the border." }),
      build("b", { outlet: "East Times", text: "The army moved 500 tanks to the border, witnesses said." }),
      build("c", {
        outlet: "South Post",
        text: "The ministry denied that the army moved 500 tanks to the border.",
        said: ["The ministry", "denied", "deny", "denies"],
      }),
    ]
    const findings = Judgement.judge(
      [{ kind: "statement", key: "tanks", members: sides.map((s) => s.member), reasons: [] }],
      sides.map((s) => s.document),
    )
    expect(findings.map((f) => f.verdict)).toEqual(["disputed"])
    const side = (ids: ReadonlyArray<string> | undefined) => ids?.map((id) => sides.findIndex((s) => s.claim.id === id))
    expect(findings[0]?.sides?.map(side)).toEqual([[0, 1], [2]])
  })
})

describe("sides beyond the deciding pair", () => {
  const judgeAll = (sides: ReadonlyArray<ReturnType<typeof build>>) =>
    Judgement.judge(
      [{ kind: "numeric", key: "made-up", members: sides.map((s) => s.member), reasons: [] }],
      sides.map((s) => s.document),
    )
  const ids = (f: Finding.Finding | undefined, sides: ReadonlyArray<ReturnType<typeof build>>) =>
    f?.claimIds.map((id) => sides.findIndex((s) => s.claim.id === id)).sort()

  it("gives a third figure two sources agree on an agreement of its own, and a side of the conflict", () => {
    const villages = (name: string, outlet: string, text: string, n: number, w: string) =>
      build(name, { outlet, text, q: [w, n, n, "exact", { counted: "villages" }] })
    const sides = [
      villages("a1", "North Wire", "The slide cut off nine villages.", 9, "nine"),
      villages("b1", "South Post", "The slide cut off seven villages.", 7, "seven"),
      villages("a2", "North Wire", "Power lines to four villages came down.", 4, "four"),
      villages("b2", "South Post", "Four villages lost power.", 4, "Four"),
    ]
    const findings = judgeAll(sides)
    expect(findings.map((f) => [f.verdict, ids(f, sides)])).toEqual([
      ["contradict", [0, 1, 2, 3]],
      ["agree", [2, 3]],
    ])
    expect(findings[0]?.explanation).toContain("Rule agreeing-sides:")
    expect(findings[0]?.sides?.map((side) => side.map((id) => sides.findIndex((s) => s.claim.id === id)))).toEqual([
      [0],
      [1],
      [2, 3],
    ])
  })

  it("gives the sources that agree beside a source-gives-both change their agreement, and the change every report", () => {
    const t = { unit: "tonne", counted: "chlorine" }
    const tonnes = (name: string, outlet: string, text: string, q: NonNullable<Side["q"]>) =>
      build(name, { outlet, text, q, published: "2025-06-10" })
    const sides = [
      tonnes("a", "North Wire", "About 3 tonnes of chlorine escaped.", ["About 3 tonnes", 3, 3, "about", t]),
      tonnes("b", "South Post", "About three tonnes of chlorine escaped.", ["About three tonnes", 3, 3, "about", t]),
      tonnes("c", "East Times", "About 4.5 tonnes of chlorine escaped.", ["About 4.5 tonnes", 4.5, 4.5, "about", t]),
      tonnes("c2", "East Times", "The firm first gave about 3 tonnes of chlorine.", [
        "about 3 tonnes",
        3,
        3,
        "about",
        t,
      ]),
    ]
    const findings = judgeAll(sides)
    expect(findings.map((f) => [f.verdict, f.rule, ids(f, sides)])).toEqual([
      ["changed", "source-gives-both", [0, 1, 2, 3]],
      ["agree", "intervals-overlap", [0, 1, 3]],
    ])
    expect(findings[0]?.explanation).toContain("this finding keeps the change")
  })

  it("gives a figure that held across times an agreement beside the figure that moved (held-figure)", () => {
    const staff = (
      name: string,
      outlet: string,
      text: string,
      figure: readonly [string, number, Quantity.Approximate],
      published: string,
    ) =>
      build(name, { outlet, text, q: [figure[0], figure[1], figure[1], figure[2], { counted: "workers" }], published })
    const sides = [
      staff("a", "North Wire", "The mine employs about 900 workers.", ["about 900", 900, "about"], "2025-11-21"),
      staff("b", "South Post", "The mine employed about 900 workers.", ["about 900", 900, "about"], "2025-11-23"),
      staff("c", "South Post", "Some 340 workers are on site.", ["340", 340, "exact"], "2025-11-23"),
    ]
    const findings = judgeAll(sides)
    expect(findings.map((f) => [f.verdict, ids(f, sides)])).toEqual([
      ["agree", [0, 1]],
      ["changed", [0, 1, 2]],
    ])
    expect(findings[0]?.explanation).toContain("Rule held-figure:")
    expect(findings[1]?.explanation).toContain("rule held-figure")
    expect(Rules.isRule("held-figure")).toBe(true)
  })

  /** One exact count per article: `say` writes its sentence. */
  const countOf =
    (counted: string, say: (n: number) => string) => (name: string, outlet: string, n: number, published: string) =>
      build(name, { outlet, text: say(n), q: [`${n}`, n, n, "exact", { counted }], published })

  it("takes a figure in a conflict of its own time for a held one when another source gives it again later", () => {
    const homes = countOf("homes", (n) => `Windows were broken in ${n} homes.`)
    // Monday: the council's 1,200 against 3,000 from locals; Tuesday, another outlet gives 1,200 again
    // (and 900, a figure that moved): the two 1,200s agree, whatever the conflict of Monday.
    const sides = [
      homes("a", "North Wire", 1200, "2025-10-06"),
      homes("b", "Daily Flare", 3000, "2025-10-06"),
      homes("c", "Evening Argus", 1200, "2025-10-07"),
      homes("d", "Evening Argus", 900, "2025-10-07"),
    ]
    const findings = judgeAll(sides)
    expect(findings.map((f) => [f.verdict, ids(f, sides)])).toEqual([
      ["contradict", [0, 1]],
      ["agree", [0, 2]],
      ["changed", [0, 1, 2, 3]],
    ])
    expect(findings[1]?.explanation).toContain("Rule held-figure:")
  })

  it("keeps a time's own agreement when a conflicting figure of another time comes near it", () => {
    const jobs = countOf("jobs", (n) => `The firm will cut ${n} jobs.`)
    // Monday's 850 is not the 840 of a month later given again (845…855 and 835…845 do not meet): the count
    // moved, and only the later time's two 840s agree, beside Monday's conflict and the change.
    const sides = [
      jobs("a", "Hexby Courier", 640, "2025-10-06"),
      jobs("b", "North Wire", 850, "2025-10-06"),
      jobs("d", "Trade Daily", 840, "2025-11-10"),
      jobs("e", "Evening Argus", 840, "2025-11-10"),
    ]
    expect(judgeAll(sides).map((f) => [f.verdict, ids(f, sides)])).toEqual([
      ["contradict", [0, 1]],
      ["agree", [2, 3]],
      ["changed", [0, 1, 2, 3]],
    ])
  })

  it("names the rule that put a running count's same-day reports at one time", () => {
    const toll = (name: string, outlet: string, text: string, q: NonNullable<Side["q"]>, time?: Claim.TimeScope) =>
      build(name, { outlet, text, q, published: "2025-03-05", ...(time ? { time } : {}) })
    const sides = [
      toll(
        "a",
        "North Wire",
        "About 40 people have died since Saturday's outbreak.",
        ["About 40", 40, 40, "about", measured("deaths")],
        {
          text: "on Saturday",
          start: "2025-03-01",
          end: "2025-03-01",
        },
      ),
      toll("b", "South Post", "The outbreak has killed 28 people.", ["28", 28, 28, "exact", measured("deaths")]),
    ]
    const [f] = judgeAll(sides)
    expect(f?.verdict).toBe("contradict")
    expect(f?.explanation).toContain("rule tally-same-day")
  })

  it("keeps two same-day reports apart when each writes when its count stood (last night, this morning)", () => {
    const toll = (name: string, outlet: string, text: string, n: number, time: Claim.TimeScope) =>
      build(name, { outlet, text, q: [String(n), n, n, "exact", measured("deaths")], published: "2025-03-05", time })
    const sides = [
      toll("a", "North Wire", "The toll rose to 29 by Tuesday night.", 29, {
        text: "by Tuesday night",
        start: "2025-03-04",
        end: "2025-03-04",
      }),
      toll("b", "South Post", "Two bodies were found this morning, bringing the toll to 31.", 31, {
        text: "this morning",
        start: "2025-03-05",
        end: "2025-03-05",
      }),
    ]
    expect(judgeAll(sides).map((f) => f.verdict)).toEqual(["changed"])
  })

  describe("a running count said to be still moving (count-moving)", () => {
    const toll = (name: string, outlet: string, text: string, n: number) =>
      build(name, { outlet, text, q: [String(n), n, n, "exact", measured("deaths")], published: "2025-06-03" })

    it("takes two same-day tolls as two points of one count when one says the count has risen, keeping the sources that agree", () => {
      const sides = [
        toll("a", "North Wire", "The death toll from the derailment has risen to 261, the railway said.", 261),
        toll("b", "South Post", "The derailment killed 238 people, officials said.", 238),
        toll("c", "Valley Radio", "At the latest count 238 people died in the derailment.", 238),
      ]
      const findings = judgeAll(sides)
      expect(findings.map((f) => [f.verdict, f.rule, ids(f, sides)])).toEqual([
        ["changed", "count-moving", [0, 1, 2]],
        ["agree", expect.any(String), [1, 2]],
      ])
      expect(findings[0]?.explanation).toContain('says the count is still moving ("risen to")')
    })

    it("takes a conflict between two plain counts as a change when a third source, agreeing with one, says the count moves", () => {
      const arrests = (name: string, outlet: string, text: string, n: number) =>
        build(name, {
          outlet,
          text,
          q: [`about ${n}`, n, n, "about", measured("arrests")],
          published: "2025-06-03",
        })
      const sides = [
        arrests("a", "North Wire", "By early evening, officials were reporting about 200 arrests.", 200),
        arrests("b", "South Post", "Police made about 200 arrests.", 200),
        arrests("c", "Valley Radio", "There were about 240 arrests.", 240),
      ]
      const findings = judgeAll(sides)
      expect(findings.map((f) => f.verdict)).not.toContain("contradict")
      expect(findings.find((f) => f.verdict === "changed")?.explanation).toContain("says the count is still moving")
    })

    it("takes any count a side says moved to its figure as a level it reached, not a rival figure", () => {
      const beaches = (name: string, outlet: string, text: string, n: number, published: string) =>
        build(name, { outlet, text, q: [String(n), n, n, "exact", { counted: "beach" }], published })
      const sides = [
        beaches("a", "North Wire", "Four beaches were closed on Friday.", 4, "2025-06-03"),
        beaches("b", "South Post", "By Friday night the number of closed beaches rose to 7.", 7, "2025-06-03"),
      ]
      const findings = judgeAll(sides)
      expect(findings.map((f) => [f.verdict, f.rule])).toEqual([["changed", "count-moving"]])
      expect(findings[0]?.explanation).toContain('says the count moved to "7" ("rose to")')
    })

    it.each([
      ["an earlier level", "An earlier toll put the number of dead at 207.", "changed"],
      ["a count still expected to rise", "Rescuers have counted 207 dead so far.", "changed"],
      ["the count as it stood by a time of the day", "By early evening, officials counted 207 dead.", "changed"],
      ["no word that the count moves", "The derailment killed 207 people.", "contradict"],
    ])("%s against a plain toll of the same day: %s", (_name, text, verdict) => {
      const sides = [
        toll("a", "North Wire", text, 207),
        toll("b", "South Post", "The derailment killed 238 people.", 238),
      ]
      expect(judgeAll(sides).map((f) => f.verdict)).toEqual([verdict])
    })
  })
})

describe("a source that gives both figures itself", () => {
  it("turns the conflict into a change of that source's figure, and keeps a conflict with a third source", () => {
    const forecast = { ...DEATHS, class: "unknown", predicate: "forecast", scope: "total", modality: "fact" } as const
    const t: Partial<Quantity.Quantity> = { unit: "tonne", counted: "wheat", measure: forecast }
    const a1 = build("a1", {
      outlet: "Farm Weekly",
      text: "The harvest will come in at 1.3 million tonnes of wheat.",
      q: ["1.3 million tonnes", 1.3e6, 1.3e6, "exact", t],
    })
    const a2 = build("a2", {
      outlet: "Farm Weekly",
      text: "The ministry had forecast 2.2 million tonnes of wheat.",
      q: ["2.2 million tonnes", 2.2e6, 2.2e6, "exact", t],
    })
    const b = build("b", {
      outlet: "State Radio",
      text: "The wheat forecast was cut to 1.3 million tonnes.",
      q: ["1.3 million tonnes", 1.3e6, 1.3e6, "exact", t],
    })
    const group = (...ms: ReadonlyArray<AlignedGroup.Member>): AlignedGroup.AlignedGroup => ({
      kind: "numeric",
      key: "wheat",
      members: ms,
      reasons: [],
    })
    const docs = [a1.document, a2.document, b.document]
    const [f] = Judgement.judge([group(a1.member, a2.member, b.member)], docs)
    expect([f?.verdict, f?.rule]).toEqual(["changed", "source-gives-both"])
    const c = build("c", {
      outlet: "Grain Times",
      text: "The wheat forecast stands at 0.6 million tonnes.",
      q: ["0.6 million tonnes", 0.6e6, 0.6e6, "exact", t],
    })
    const [g] = Judgement.judge([group(a1.member, a2.member, b.member, c.member)], [...docs, c.document])
    expect([g?.verdict, g?.rule]).toEqual(["contradict", "intervals-apart"])
  })
})

describe("a source whose sentence gives both figures", () => {
  it.each([
    [
      "makes the pair a change when the other figure is in the same sentence as its own",
      ["Eight people were killed in the crash.", "Eight", 8],
      ["Police lowered the toll to seven people, from eight people.", "seven people", 7, "eight people", 8],
      ["changed", "source-gives-both"],
    ],
    [
      "keeps the conflict when the sentence sets the other figure aside: a rival's figure, disputed",
      ["The company says six people were on the doors.", "six", 6],
      ["Only two people were on the doors, not the six the company says.", "two", 2, "six", 6],
      ["contradict", "intervals-apart"],
    ],
  ] as const)("%s", (_name, [textA, qa, va], [textB, qb, vb, other, vo], expected) => {
    const counted: Partial<Quantity.Quantity> = measured("deaths")
    const a = build("a", {
      outlet: "Valley Radio",
      text: textA,
      q: [qa, va, va, "exact", counted],
      published: "2025-02-04",
    })
    const b = build("b", {
      outlet: "Coast Wire",
      text: textB,
      q: [qb, vb, vb, "exact", counted],
      others: [[other, vo, "exact", "total"]],
      published: "2025-02-04",
    })
    const [f] = Judgement.judge(
      [{ kind: "numeric", key: "figure", members: [a.member, b.member], reasons: [] }],
      [a.document, b.document],
    )
    expect([f?.verdict, f?.rule]).toEqual(expected)
  })
})

describe("a figure that a change started from", () => {
  it.each([
    ["the change's start, given by another source, is its earlier figure", 4, ["changed", "source-gives-both"]],
    ["another figure still conflicts with the change's end", 6, ["contradict", "intervals-apart"]],
  ] as const)("%s", (_name, other, expected) => {
    const guards: Partial<Quantity.Quantity> = { counted: "night guard", unit: null }
    const a = build("a", {
      outlet: "Valley Radio",
      text: "The union said the museum cut its night guards from four to two in April.",
      q: ["two", 2, 2, "exact", { ...guards, from: 4 }],
      published: "2025-02-04",
    })
    const b = build("b", {
      outlet: "Coast Wire",
      text: `The union says there were ${other} night guards until April.`,
      q: [String(other), other, other, "exact", guards],
      published: "2025-02-04",
    })
    const [f] = Judgement.judge(
      [{ kind: "numeric", key: "guards", members: [a.member, b.member], reasons: [] }],
      [a.document, b.document],
    )
    expect([f?.verdict, f?.rule]).toEqual(expected)
  })
})

describe("a group with an agreement and a looser fit", () => {
  type Figure = readonly [string, number, Quantity.Approximate]
  it.each([
    [
      "the two that give one figure to its rounding agree, and the looser figure fits them (rule looser-fit)",
      [
        ["about 2,600", 2600, "about"],
        ["about 2,600", 2600, "about"],
        ["above 1,500", 1500, "at-least"],
      ],
      [
        ["compatible", "bound-satisfied", 3],
        ["agree", "intervals-overlap", 2],
      ],
    ],
    [
      "stays one compatible finding when the two meet only through what 'about' allows",
      [
        ["about 45,000", 45000, "about"],
        ["44,200", 44200, "exact"],
        ["above 1,500", 1500, "at-least"],
      ],
      [["compatible", "bound-satisfied", 3]],
    ],
    [
      "the same bound said alike agrees, and the looser bound fits it",
      [
        ["less than 50", 50, "at-most"],
        ["under 50", 50, "at-most"],
        ["below 100", 100, "at-most"],
      ],
      [
        ["compatible", "bounds-overlap", 3],
        ["agree", "same-bound", 2],
      ],
    ],
    [
      "bounds of different values stay one compatible finding",
      [
        ["less than 50", 50, "at-most"],
        ["under 60", 60, "at-most"],
        ["below 100", 100, "at-most"],
      ],
      [["compatible", "bounds-overlap", 3]],
    ],
  ] as const)("%s", (_name, figures: ReadonlyArray<Figure>, expected) => {
    const height: Partial<Quantity.Quantity> = { unit: "metre", counted: null }
    const built = figures.map(([text, value, approximate], i) =>
      build(["a", "b", "c"][i] ?? "x", {
        outlet: ["Valley Radio", "Coast Wire", "Hill Post"][i] ?? "Other",
        text: `The slope is ${text} metres high.`,
        q: [text, value, value, approximate, height],
      }),
    )
    const findings = Judgement.judge(
      [{ kind: "numeric", key: "height", members: built.map((x) => x.member), reasons: [] }],
      built.map((x) => x.document),
    )
    expect(findings.map((f) => [f.verdict, f.rule, f.claimIds.length])).toEqual(expected)
    if (expected.length > 1) expect(findings[0]?.explanation).toContain("Rule looser-fit")
  })
})

describe("a finding's topic", () => {
  it.each([
    ["the class, when the figures count only 'others' and 'people'", ["others", "people"], "injuries", "injured"],
    ["the counted word that names something", ["others", "sailors"], "injuries", "sailors"],
    ["the counted word, when no class is known", ["others", "sailors"], "unknown", "sailors"],
  ] as const)("is %s", (_name, [ca, cb], cls, topic) => {
    const counted = (word: string): Partial<Quantity.Quantity> => ({
      counted: word,
      measure: { ...DEATHS, class: cls, scope: "total", modality: "fact" },
    })
    const a = build("a", {
      outlet: "Valley Radio",
      text: `Three ${ca} were hurt.`,
      q: ["Three", 3, 3, "exact", counted(ca)],
    })
    const b = build("b", {
      outlet: "Coast Wire",
      text: `Three ${cb} were hurt.`,
      q: ["Three", 3, 3, "exact", counted(cb)],
    })
    const [f] = Judgement.judge(
      [{ kind: "numeric", key: "hurt", members: [a.member, b.member], reasons: [] }],
      [a.document, b.document],
    )
    expect(f?.summary.split(" — ")[0]).toMatch(new RegExp(`: ${topic}$`))
  })
})

describe("a new round beside an agreement on the total", () => {
  it("leaves the agreement to decide the group, since a round and a total are not one amount", () => {
    const a = build("a", {
      outlet: "North Wire",
      text: "The toll stands at 23.",
      q: ["23", 23, 23, "exact", measured("deaths")],
    })
    const b = build("b", {
      outlet: "South Post",
      text: "Twenty-three people have died.",
      q: ["Twenty-three", 23, 23, "exact", measured("deaths")],
    })
    const c = build("c", {
      outlet: "East Times",
      text: "Four more people died.",
      q: ["Four", 4, 4, "exact", measured("deaths", "increment")],
    })
    const [f] = Judgement.judge(
      [{ kind: "numeric", key: "toll", members: [a.member, b.member, c.member], reasons: [] }],
      [a.document, b.document, c.document],
    )
    expect([f?.verdict, f?.rule]).toEqual(["agree", "intervals-overlap"])
    expect(f?.explanation).toContain("added to an earlier figure")
    for (const rule of ["increment-vs-total", "part-vs-whole", "forecast-vs-fact", "part-of-wider-count"])
      expect(Rules.decidesLast(rule)).toBe(true)
    expect(Rules.decidesLast("vague-vs-precise")).toBe(false)
  })
})

describe("a part of a wider count beside an agreement", () => {
  it("leaves the agreement to decide the group", () => {
    const deaths = (where: string | null): Partial<Quantity.Quantity> => ({
      counted: "people",
      measure: { ...DEATHS, where, scope: "total", modality: "fact" },
    })
    const a = build("a", {
      outlet: "North Wire",
      text: "The storm killed 52 people.",
      q: ["52", 52, 52, "exact", deaths(null)],
    })
    const b = build("b", {
      outlet: "South Post",
      text: "The storm killed 52 people.",
      q: ["52", 52, 52, "exact", deaths(null)],
    })
    const c = build("c", {
      outlet: "East Times",
      text: "In Harrowby, the storm killed 14 people.",
      q: ["14", 14, 14, "exact", deaths("Harrowby")],
    })
    const [f] = Judgement.judge(
      [{ kind: "numeric", key: "toll", members: [a.member, b.member, c.member], reasons: [] }],
      [a.document, b.document, c.document],
      { nests },
    )
    expect([f?.verdict, f?.rule], f?.explanation).toEqual(["agree", "intervals-overlap"])
    expect(f?.explanation).toContain("one place's figure is a part of a wider one")
  })
})

describe("a group's verdict as an editor reads it", () => {
  const judged = (sides: ReadonlyArray<Side>) => {
    const built = sides.map((s, i) => build(String.fromCharCode(97 + i), s))
    const [f] = Judgement.judge(
      [{ kind: "numeric", key: "table", members: built.map((b) => b.member), reasons: [] }],
      built.map((b) => b.document),
      { nests },
    )
    const text = (id: string | undefined) => built.find((b) => b.claim.id === id)?.claim.text
    return { f, cited: [text(f?.claimIds[0]), text(f?.claimIds[1])].sort() }
  }
  // Each row: made-up figures of one aligned group, the verdict, the two claims cited first, and
  // whether a stray was set apart by rule strays-set-apart.
  const ROWS: ReadonlyArray<readonly [string, ReadonlyArray<Side>, Finding.Verdict, ReadonlyArray<string>, boolean]> = [
    [
      "a stray of another measure does not turn an agreement into a conflict",
      [
        { outlet: "North Wire", text: "Nine people were killed.", q: ["Nine", 9, 9, "exact", measured("deaths")] },
        { outlet: "South Post", text: "The blast killed nine people.", q: ["nine", 9, 9, "exact", measured("deaths")] },
        { outlet: "East Times", text: "Some 80 were injured.", q: ["80", 80, 80, "about", measured("injuries")] },
      ],
      "agree",
      ["Nine people were killed.", "The blast killed nine people."],
      true,
    ],
    [
      "the conflicting pair is cited first",
      [
        { outlet: "North Wire", text: "64 miners were underground.", q: ["64", 64] },
        { outlet: "South Post", text: "There were 64 miners underground.", q: ["64", 64] },
        { outlet: "East Times", text: "There were 71 miners underground.", q: ["71", 71] },
      ],
      "contradict",
      ["64 miners were underground.", "There were 71 miners underground."],
      false,
    ],
  ]
  it.each(ROWS)("%s", (_, sides, verdict, cited, stray) => {
    const r = judged(sides)
    expect(r.f?.verdict).toBe(verdict)
    expect(r.cited).toEqual([...cited].sort())
    expect(r.f?.explanation.includes("Rule strays-set-apart:")).toBe(stray)
    if (stray) expect(Rules.isRule("strays-set-apart")).toBe(true)
  })
})

describe("Holders.ageBandAfter: an age band put on a figure by its own sentence", () => {
  const judgeAll = (sides: ReadonlyArray<ReturnType<typeof build>>) =>
    Judgement.judge(
      [{ kind: "numeric", key: "made-up", members: sides.map((s) => s.member), reasons: [] }],
      sides.map((s) => s.document),
    )
  it.each([
    [" passengers were under the age of 12.", "under the age of 12"],
    [" of the dead were aged over 60, officials said.", "aged over 60"],
    [" were younger than eighteen.", "younger than eighteen"],
    [" were under arrest by nightfall.", null],
    [" passengers were aboard.", null],
    [" were hurt. Many were under 10.", null],
  ])("%j: %s", (after, band) => {
    expect(Holders.ageBandAfter(after)).toBe(band)
  })

  it("makes '33 passengers were under the age of 12' a part of '160 passengers', not a rival figure", () => {
    const passengers = (name: string, outlet: string, text: string, n: number) =>
      build(name, { outlet, text, q: [String(n), n, n, "exact", { counted: "passenger" }], published: "2025-06-03" })
    const sides = [
      passengers("a", "North Wire", "The ferry was carrying 160 passengers.", 160),
      passengers("b", "South Post", "The operator said 33 passengers were under the age of 12.", 33),
    ]
    expect(judgeAll(sides).map((f) => f.verdict)).not.toContain("contradict")
  })
})

describe("Holders.outOfGroup: a count taken out of a group named before", () => {
  const count = (text: string, n: number) =>
    ({
      text,
      span: { start: 0, end: text.length },
      low: n,
      high: n,
      approximate: "exact",
      unit: null,
      counted: "engineer",
      per: null,
    }) as const
  it.each([
    [" of the engineers came from abroad.", true],
    [" of those rescued were children.", true],
    [" of the province's 1,450 schools were shut.", false],
    [" of the seven men were caught.", false],
    [" engineers were at work.", false],
  ])("%j: %s", (after, out) => {
    expect(Holders.outOfGroup(count("120", 120), after)).toBe(out)
  })

  it("makes 'Some 120 of the engineers came from abroad' a part of 'about 650 engineers', not a rival figure", () => {
    const engineers = (name: string, outlet: string, text: string, qt: string, n: number) =>
      build(name, { outlet, text, q: [qt, n, n, "about", { counted: "engineer" }], published: "2025-06-03" })
    const sides = [
      engineers("a", "North Wire", "The company said about 650 engineers were at work.", "about 650", 650),
      engineers("b", "South Post", "Some 120 of the engineers came from abroad, the company said.", "Some 120", 120),
    ]
    const found = Judgement.judge(
      [{ kind: "numeric", key: "made-up", members: sides.map((s) => s.member), reasons: [] }],
      sides.map((s) => s.document),
    )
    expect(found.map((f) => [f.verdict, f.rule])).toEqual([["compatible", "part-of-wider-count"]])
  })
})

describe("a calendar day in an explanation", () => {
  it("reads as its date, not as a day number", () => {
    const q = {
      text: "until at least Thursday",
      span: { start: 0, end: 23 },
      low: day("2025-03-13"),
      high: day("2025-03-13"),
      approximate: "at-least",
      unit: Units.DATE,
      counted: null,
      per: null,
    } as const
    expect(Context.describeQuantity(q)).toBe('"until at least Thursday" = 2025-03-13 (at-least)')
  })
})
