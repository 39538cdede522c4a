import { Quantity, Units } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import * as Lexicon from "../src/Lexicon.js"
import * as QuantityComparison from "../src/QuantityComparison.js"
import { type ClaimSpec, one, type QuantitySpec } from "./build.js"

const lexicon = Lexicon.get()

const measure = (
  sentence: string,
  q: QuantitySpec,
  extra: Partial<ClaimSpec> & {
    subjects?: ReadonlyArray<string>
    increment?: boolean
    measure?: Partial<Quantity.Measure>
  } = {},
): QuantityComparison.Measure => {
  const { claim } = one(`outlet-${sentence}`, { sentence, quantities: [q], ...extra })
  const quantity = claim.quantities[0]
  if (!quantity) throw new Error("test: no quantity")
  return {
    claim,
    quantity,
    counted: quantity.counted,
    subjects: extra.subjects ?? [],
    increment: extra.increment ?? false,
    measure: { ...Quantity.UNKNOWN_MEASURE, ...extra.measure },
  }
}

/** A length of time in a sentence with a count before it written in the same number word. */
const besideCount = (sentence: string, count: string, counted: string, length: string, low: number) => {
  const { claim } = one(`outlet-${sentence}`, {
    sentence,
    quantities: [
      { text: count, low: 7, counted },
      { text: length, low, unit: "hour" },
    ],
  })
  const quantity = claim.quantities[1]
  if (!quantity) throw new Error("test: no quantity")
  return { claim, quantity, counted: null, subjects: [], increment: false, measure: Quantity.UNKNOWN_MEASURE }
}

/** "two inspections in ten years": the length is the window the count before it is counted in. */
const windowed = (): QuantityComparison.Measure => {
  const sentence = "The plant had two inspections in ten years, the inspector said."
  const { claim } = one(`outlet-${sentence}`, {
    sentence,
    quantities: [
      { text: "two", low: 2, counted: "inspection" },
      { text: "ten years", low: 10, unit: "year" },
    ],
  })
  const quantity = claim.quantities[1]
  if (!quantity) throw new Error("test: no quantity")
  return { claim, quantity, counted: null, subjects: [], increment: false, measure: Quantity.UNKNOWN_MEASURE }
}

const deaths = { class: "deaths", predicate: "kill", rule: "deaths: kill" }
const injuries = { class: "injuries", predicate: "injure", rule: "injuries: injure" }

const july = { text: "In July 2023", start: "2023-07-01", end: "2023-07-31" }
const later = { text: "several months later", start: null, end: null }
const september = { text: "In September 2023", start: "2023-09-01", end: "2023-09-30" }

describe("QuantityComparison.compare: comparable", () => {
  it.each([
    [
      "the people who complained and the complaints",
      measure(
        "More than 1,000 shoppers have complained.",
        { text: "More than 1,000", low: 1000, counted: "shopper" },
        { measure: { predicate: "complain" } },
      ),
      measure(
        "The watchdog received about 3,400 complaints.",
        { text: "about 3,400", low: 3400, counted: "complaint" },
        { measure: { predicate: "receive" } },
      ),
      /the people who did it and the times they did it/,
    ],
    [
      "the people who rang and the calls, through a synonym of the verb",
      measure(
        "More than 1,000 parents have rung the helpline.",
        { text: "More than 1,000", low: 1000, counted: "parent" },
        { measure: { predicate: "ring" } },
      ),
      measure(
        "The helpline took about 1,600 calls.",
        { text: "about 1,600", low: 1600, counted: "call" },
        { measure: { predicate: "take" } },
      ),
      /the people who did it/,
    ],
    [
      "one sum told as a plan's budget and as what it is worth",
      measure(
        "The council approved a $40 million plan.",
        { text: "$40 million", low: 40e6, unit: "USD" },
        { measure: { class: "money-budget" } },
      ),
      measure(
        "The scheme is worth 40m dollars.",
        { text: "40m dollars", low: 40e6, unit: "USD" },
        { measure: { class: "money-deal" } },
      ),
      /are one sum/,
    ],
    [
      "lengths of time added to one thing by one verb",
      measure(
        "The bypass adds about 40 minutes to the trip.",
        { text: "about 40 minutes", low: 40, unit: "minute" },
        { measure: { predicate: "add" } },
      ),
      measure(
        "Drivers can add 40 minutes to a journey.",
        { text: "40 minutes", low: 40, unit: "minute" },
        { measure: { predicate: "add" } },
      ),
      /lengths of time "add" adds/,
    ],
    [
      "lengths of time by related verbs of delay",
      measure(
        "The strike delayed the launch by 3 weeks.",
        { text: "3 weeks", low: 3, unit: "week" },
        { measure: { predicate: "delay" } },
      ),
      measure(
        "The launch was postponed 3 weeks.",
        { text: "3 weeks", low: 3, unit: "week" },
        { measure: { predicate: "postpone" } },
      ),
      /lengths of time "delay" adds/,
    ],
    [
      "how long one thing does one thing: the same verb and subject",
      measure(
        "Replacement buses will run for six weeks.",
        { text: "six weeks", low: 6, unit: "week" },
        { subject: "Replacement buses", measure: { predicate: "run" } },
      ),
      measure(
        "The railway says buses will run for six weeks.",
        { text: "six weeks", low: 6, unit: "week" },
        { subject: "buses", measure: { predicate: "run" } },
      ),
      /how long "buses" "run"/,
    ],
    [
      "lengths of time whose sentences share what lasted",
      measure("The sluice at the mill was open for six hours before anyone noticed.", {
        text: "six hours",
        low: 6,
        unit: "hour",
      }),
      measure("The mill's sluice was open for about six hours, the brigade said.", {
        text: "about six hours",
        low: 6,
        unit: "hour",
        approximate: "about",
      }),
      /sentences share what lasted/,
    ],
    [
      "lengths of time whose sentences share two words of what lasted",
      measure("The lift was stuck between floors for two hours.", { text: "two hours", low: 2, unit: "hour" }),
      measure("Residents said the lift stayed stuck for about 45 minutes.", {
        text: "about 45 minutes",
        low: 45,
        unit: "minute",
        approximate: "about",
      }),
      /sentences share what lasted/,
    ],
    [
      "how long one thing lasted, told by other verbs: the subjects end in one noun",
      measure(
        "The trial would last six weeks.",
        { text: "six weeks", low: 6, unit: "week" },
        { subject: "trial", measure: { predicate: "last" } },
      ),
      measure(
        "The trial would run for three months, the chain said.",
        { text: "three months", low: 3, unit: "month" },
        { subject: "trial", measure: { predicate: "run" } },
      ),
      /both are how long "trial" lasted/,
    ],
    [
      "a definite description and a name for one body",
      measure(
        "The station has about 12,000 listeners a week.",
        { text: "about 12,000", low: 12000, approximate: "about", counted: "listener", per: "week" },
        { measure: { of: "station", predicate: "have" } },
      ),
      measure(
        "Brindle FM has about twelve thousand listeners a week.",
        { text: "about twelve thousand", low: 12000, approximate: "about", counted: "listener", per: "week" },
        { measure: { of: "Brindle FM", predicate: "have" } },
      ),
      /both per week/,
    ],
    [
      "a forecast headcount and the jobs a plan creates (measure-classes.json forecastOf)",
      measure(
        "The company will employ 120 people at the site.",
        { text: "120", low: 120, counted: "people" },
        { measure: { class: "jobs", modality: "forecast", predicate: "employ" } },
      ),
      measure(
        "The farm would create only about 60 permanent jobs.",
        { text: "about 60", low: 60, approximate: "about", counted: "permanent job" },
        { measure: { class: "jobs-created", modality: "forecast", predicate: "create" } },
      ),
      /a forecast of jobs is the jobs created/,
    ],
    [
      "one length written with a number word's hyphen, beside the same length in digits",
      measure("The programme has run for thirty-one years.", { text: "thirty-one years", low: 31, unit: "year" }),
      measure("The broadcaster will end the soap after 31 years.", { text: "31 years", low: 31, unit: "year" }),
      /one length of time/,
    ],
    [
      "one length of time told twice, in other units and other words",
      measure("Bidding went on for fourteen minutes.", { text: "fourteen minutes", low: 14, unit: "minute" }),
      measure("The auction of the painting took a quarter of an hour, less a minute: 14 minutes.", {
        text: "14 minutes",
        low: 14,
        unit: "minute",
      }),
      /one length of time/,
    ],
    [
      "one length hyphened to a noun the other's sentence names, beside the same length",
      measure("Villagers raised the money in a six-week appeal.", {
        text: "six-week",
        low: 6,
        unit: "week",
        counted: "appeal",
      }),
      measure("The appeal ran for six weeks.", { text: "six weeks", low: 6, unit: "week" }),
      /one length of time/,
    ],
    [
      "lengths of time of one outage, one told in minutes and one in hours",
      measure("The gas leak at the depot lasted about 40 minutes, the depot manager said.", {
        text: "about 40 minutes",
        low: 40,
        unit: "minute",
        approximate: "about",
      }),
      measure("Gas leaked from the depot for nearly three hours before the valve was shut.", {
        text: "nearly three hours",
        low: 3,
        unit: "hour",
        approximate: "about",
      }),
      /sentences share what lasted/,
    ],
    [
      "two deadlines for one promise",
      measure("The firm will refund every customer turned away within 14 days, its chief said.", {
        text: "14 days",
        low: 14,
        unit: "day",
      }),
      measure("Every customer turned away will get a refund from the firm within 14 days.", {
        text: "14 days",
        low: 14,
        unit: "day",
      }),
      /sentences share what lasted/,
    ],
    [
      "two points set off one event",
      measure("The lift was last inspected 11 days before the accident, its owner said.", {
        text: "11 days",
        low: 11,
        unit: "day",
      }),
      measure("The lift was last inspected three weeks before the accident.", {
        text: "three weeks",
        low: 3,
        unit: "week",
      }),
      /sentences share what lasted/,
    ],
    [
      "a thing called by the name the other puts before its noun",
      measure("Skerra Air has 12 H-40 helicopters.", { text: "12", low: 12, counted: "H-40 helicopter" }),
      measure("The company's seven H-40s are grounded.", { text: "seven", low: 7, counted: "h-40" }),
      /name one kind of thing/,
    ],
    [
      "a group, and a coordination that counts it with another",
      measure("More than 200 police officers searched the streets.", {
        text: "More than 200",
        low: 200,
        counted: "police officer",
      }),
      measure("About 340 police officers and volunteers searched the streets.", {
        text: "About 340",
        low: 340,
        counted: "police officer and volunteer",
      }),
      /one counts a part of what the other counts/,
    ],
    [
      "a distance from a place, and a length a verb of going covers",
      measure(
        "Coaches carried fans the 140 kilometres from Port Caddon.",
        { text: "140 kilometres", low: 140, unit: "kilometre" },
        { measure: { class: "distance", of: "Port Caddon" } },
      ),
      measure(
        "Fans had travelled about 140 kilometres for the final.",
        { text: "about 140 kilometres", low: 140, unit: "kilometre" },
        { measure: { predicate: "travel" } },
      ),
      /both in kilometre/,
    ],
    [
      "how long one place stays shut, in hours and in days",
      measure(
        "The harbour will stay closed for 48 hours.",
        { text: "48 hours", low: 48, unit: "hour" },
        { measure: { class: "closure", predicate: "close" } },
      ),
      measure(
        "The harbour would remain shut for two days.",
        { text: "two days", low: 2, unit: "day" },
        { measure: { class: "closure", predicate: "shut" } },
      ),
      /both measure time closed/,
    ],
    [
      "the same measure, counted in other words",
      measure("Twelve people were killed.", { text: "Twelve", low: 12, counted: "people" }, { measure: deaths }),
      measure("The blast killed 12.", { text: "12", low: 12 }, { measure: deaths }),
      /both measure deaths/,
    ],
    [
      "rates for each of related things (a kind of the other)",
      measure("Anglers pay 3.10 euros per trout.", { text: "3.10 euros", low: 3.1, unit: "EUR", per: "trout" }),
      measure("Anglers pay 2.40 euros for each fish.", { text: "2.40 euros", low: 2.4, unit: "EUR", per: "fish" }),
      /per trout and per fish: "trout" is a kind of "fish"/,
    ],
    [
      "the figure a change reached",
      measure("The squad was cut from 30 to 24 players.", { text: "24", low: 24, counted: "player", from: 30 }),
      measure("The squad now has 24 players.", { text: "24", low: 24, counted: "player" }),
      /both count "player"/,
    ],
    [
      "a plan and a fact of the same figure",
      measure(
        "The fund will give schools 36 million crowns.",
        { text: "36 million crowns", low: 36e6, counted: null, unit: "CZK" },
        { measure: { class: "money-aid", modality: "forecast" } },
      ),
      measure(
        "Schools get 36 million crowns.",
        { text: "36 million crowns", low: 36e6, counted: null, unit: "CZK" },
        { measure: { class: "money-aid" } },
      ),
      /a forecast and "36 million crowns" a fact, of the same figure/,
    ],
    [
      "a sum naming its noun against a forecast of another sum: tenseless, so it meets the forecast",
      measure(
        "Velmark is to build a 200 million euro factory.",
        { text: "200 million euro", low: 200e6, counted: "factory", unit: "EUR" },
        { measure: { class: "money-cost" } },
      ),
      measure(
        "The plant would cost about 85 million euros.",
        { text: "about 85 million euros", low: 85e6, counted: null, unit: "EUR", approximate: "about" },
        { measure: { class: "money-cost", modality: "forecast" } },
      ),
      /both measure/,
    ],
    [
      "deaths within casualties",
      measure(
        "It left 40 casualties.",
        { text: "40", low: 40, counted: "casualty" },
        { measure: { class: "casualties" } },
      ),
      measure("It killed 12 people.", { text: "12", low: 12, counted: "people" }, { measure: deaths }),
      /deaths are part of casualties/,
    ],
    [
      "one holder named in two ways",
      measure(
        "Ukraine lost 500 soldiers.",
        { text: "500", low: 500, counted: "soldier" },
        { measure: { ...deaths, of: "Ukrainian forces" } },
      ),
      measure(
        "Ukraine's army lost 520 soldiers.",
        { text: "520", low: 520, counted: "soldier" },
        { measure: { ...deaths, of: "Ukraine" } },
      ),
      /both measure deaths/,
    ],
    [
      "a rate written as one unit and as a unit and a period",
      measure("The refinery runs 90,000 bpd.", { text: "90,000 bpd", low: 90000, unit: "barrel per day" }),
      measure("It refines 120,000 barrels of crude a day.", {
        text: "120,000 barrels",
        low: 120000,
        unit: "barrel",
        counted: "crude",
        per: "day",
      }),
      /both per day/,
    ],
    [
      "nautical miles and kilometres",
      measure("It sank 40 nautical miles off the cape.", { text: "40 nautical miles", low: 40, unit: "nautical mile" }),
      measure("It sank 74 km off the cape.", { text: "74 km", low: 74, unit: "kilometre" }),
      /nautical mile and kilometre both measure length/,
    ],
    [
      "a place and a group counted as holders",
      measure(
        "Twelve survivors remain in hospital in Ostra.",
        { text: "Twelve", low: 12, counted: "survivor" },
        { measure: { class: "hospitalised", of: "survivors", where: "Ostra" } },
      ),
      measure(
        "Nineteen are in hospital in Ostra.",
        { text: "Nineteen", low: 19 },
        { measure: { class: "hospitalised", of: "Ostra", where: "Ostra" } },
      ),
      /both measure in hospital|both measure hospital/,
    ],
    [
      "one holder in the plural and the singular",
      measure(
        "The party took 36.9 percent of the votes.",
        { text: "36.9 percent", low: 36.9, unit: "percent" },
        { measure: { class: "share", of: "votes" } },
      ),
      measure(
        "It won 36.9 percent of the vote.",
        { text: "36.9 percent", low: 36.9, unit: "percent" },
        { measure: { class: "share", of: "vote" } },
      ),
      /both measure share/,
    ],
    [
      "dates that do not overlap",
      measure("In July 2023 it fired 5,000 shells.", { text: "5,000", low: 5000, counted: "shell" }, { time: july }),
      measure(
        "In September 2023 it fired 15,000 shells.",
        { text: "15,000", low: 15000, counted: "shell" },
        {
          time: september,
        },
      ),
      /do not overlap/,
    ],
    [
      "a time set later than the other",
      measure("It fired 5,000 shells a day.", { text: "5,000", low: 5000, counted: "shell", per: "day" }),
      measure(
        "Several months later it fired 15,000 shells a day.",
        {
          text: "15,000",
          low: 15000,
          counted: "shell",
          per: "day",
        },
        { time: later },
      ),
      /sets one claim at another time/,
    ],
    [
      "different unresolved times",
      measure(
        "Around that time it fired 5,000 shells.",
        { text: "5,000", low: 5000, counted: "shell" },
        {
          time: { text: "Around that time", start: null, end: null },
        },
      ),
      measure(
        "At the start it fired 5,000 shells.",
        { text: "5,000", low: 5000, counted: "shell" },
        {
          time: { text: "at the start", start: null, end: null },
        },
      ),
      /are different times/,
    ],
    [
      "an increment against a total",
      measure(
        "Another 25,000 soldiers are coming.",
        { text: "25,000", low: 25000, counted: "soldier" },
        {
          increment: true,
        },
      ),
      measure("It has 11,000 soldiers there.", { text: "11,000", low: 11000, counted: "soldier" }),
      /added to an earlier figure/,
    ],
    [
      "the same counted thing",
      measure("Russia fired 5,000 shells.", { text: "5,000", low: 5000, counted: "shell" }),
      measure("Russia fired 7,000 shells.", { text: "7,000", low: 7000, counted: "shell" }),
      /both count "shell"/,
    ],
    [
      "troops and soldiers",
      measure("It sent 11,000 troops.", { text: "11,000", low: 11000, counted: "troops" }),
      measure("It sent 12,000 soldiers.", { text: "12,000", low: 12000, counted: "soldier" }),
      /"troop" ~ "soldier"/,
    ],
    [
      "protesters and people",
      measure("Some 12,000 protesters marched.", { text: "12,000", low: 12000, counted: "protester" }),
      measure("Thousands of people marched.", { text: "Thousands of", low: 2000, high: 9000, counted: "people" }),
      /kind of person/,
    ],
    [
      "a figure dated in one claim only",
      measure("In July 2023 it fired 5,000 shells.", { text: "5,000", low: 5000, counted: "shell" }, { time: july }),
      measure("It fired 5,000 shells.", { text: "5,000", low: 5000, counted: "shell" }),
      /only one claim is dated/,
    ],
    [
      "overlapping dates",
      measure("In July 2023 it fired 5,000 shells.", { text: "5,000", low: 5000, counted: "shell" }, { time: july }),
      measure("That July it fired 6,000 shells.", { text: "6,000", low: 6000, counted: "shell" }, { time: july }),
      /overlap/,
    ],
    [
      "a shared subject",
      measure("Russia fired 5,000 shells.", { text: "5,000", low: 5000, counted: "shell" }, { subjects: ["russia"] }),
      measure(
        "Moscow fired 6,000 shells.",
        { text: "6,000", low: 6000, counted: "shell" },
        {
          subjects: ["russia", "ukraine"],
        },
      ),
      /both count/,
    ],
    [
      "a kind of the other's thing further up WordNet than its next broader word",
      measure("Twelve spray planes flew over the fields.", { text: "Twelve", low: 12, counted: "spray planes" }),
      measure("Twelve aircraft flew over the fields.", { text: "Twelve", low: 12, counted: "aircraft" }),
      /"plane" is a kind of "aircraft"/,
    ],
    [
      "a role before the noun names the people the other counts",
      measure("About 96,000 learner drivers are waiting.", {
        text: "About 96,000",
        low: 96000,
        counted: "learner drivers",
      }),
      measure("96,400 learners are waiting.", { text: "96,400", low: 96400, counted: "learners" }),
      /name one kind of thing/,
    ],
    [
      "two words of one family, derived from one verb",
      measure("About 400 applicants came from abroad.", { text: "About 400", low: 400, counted: "applicant" }),
      measure("About 400 applications came from abroad.", { text: "About 400", low: 400, counted: "application" }),
      /both derive from/,
    ],
  ])("%s", (_, a, b, reason) => {
    const r = QuantityComparison.compare(lexicon, a, b)
    expect(r.comparable).toBe(true)
    if (r.comparable) expect(r.reasons.map((x) => x.detail).join("; ")).toMatch(reason)
  })
})

describe("QuantityComparison.compare: nouns tied only through a word both derive from", () => {
  it("keeps apart two counted things whose tie is one sense of a third word ('coach', 'train')", () => {
    const r = QuantityComparison.compare(
      lexicon,
      measure("Two coaches were cancelled on the line.", { text: "Two", low: 2, counted: "coach" }),
      measure("Two trains were cancelled on the line.", { text: "Two", low: 2, counted: "train" }),
    )
    const reasons = r.comparable ? r.reasons.map((x) => x.detail).join("; ") : ""
    expect(reasons).not.toMatch(/derive from/)
  })
})

describe("QuantityComparison.compare: when a piece of work is done and when what it mends is back", () => {
  const april = Units.dayOf(new Date("2027-04-01"))
  const date = (text: string, approximate: Quantity.Approximate) => ({ text, low: april, unit: "date", approximate })
  const reopening = { class: "reopening", modality: "forecast" as const, rule: "reopening: working again" }
  const completion = { class: "completion", modality: "forecast" as const, rule: "completion: finished" }

  /** A reopening's sentence and a completion's, each with one date ending "before April" unless given. */
  const pair = (back: string, done: string, doneDate = date("before April", "at-least")) =>
    QuantityComparison.compare(
      lexicon,
      measure(back, date("before April", "at-least"), { measure: reopening }),
      measure(done, doneDate, { measure: completion }),
    )

  it.each([
    [
      "one piece of work: the words around both dates tell of the bins",
      "The broken smart bins will not all be working again before April, the city said.",
      "The repairs to the smart bins will not be finished before April.",
      undefined,
      /when "[^"]*bin[^"]*" is done/,
    ],
    [
      "a reopening and the end of another piece of work",
      "The swimming pool will not reopen before April.",
      "The inquiry into the council's accounts will not be finished before April.",
      undefined,
      /different pieces of work/,
    ],
    [
      "a verb of expecting before 'to' names no work",
      "She does not expect to reopen before April.",
      "Temperatures are expected to stay below freezing until Wednesday.",
      date("until Wednesday", "exact"),
      /different pieces of work/,
    ],
  ])("%s", (_, back, done, doneDate, why) => {
    const r = pair(back, done, doneDate)
    const said = r.comparable ? r.reasons.map((x) => x.detail).join("; ") : r.reason.detail
    expect(said).toMatch(why)
  })
})

describe("QuantityComparison.compare: conversions", () => {
  it.each([
    [
      "hectares and acres, in hectares",
      measure("It burned 5,000 hectares.", { text: "5,000 hectares", low: 5000, unit: "hectare" }),
      measure("It burned 12,400 acres.", { text: "12,400 acres", low: 12400, unit: "acre" }),
      5000,
      5018.1,
      "hectare",
      null,
    ],
    [
      "square kilometres and hectares",
      measure("It burned 50 square kilometres.", { text: "50 square kilometres", low: 50, unit: "square kilometre" }),
      measure("It burned 5,000 hectares.", { text: "5,000 hectares", low: 5000, unit: "hectare" }),
      5000,
      5000,
      "hectare",
      null,
    ],
    [
      "miles and kilometres",
      measure("They shut 12 miles of road.", { text: "12 miles", low: 12, unit: "mile", counted: "road" }),
      measure("They shut 20 kilometres of road.", {
        text: "20 kilometres",
        low: 20,
        unit: "kilometre",
        counted: "road",
      }),
      19.3,
      20,
      "kilometre",
      null,
    ],
    [
      "a weekly rate against a daily one",
      measure("It used 35,000 shells a week.", { text: "35,000", low: 35000, counted: "shell", per: "week" }),
      measure("It used 5,000 shells a day.", { text: "5,000", low: 5000, counted: "shell", per: "day" }),
      5000,
      5000,
      null,
      "day",
    ],
    [
      "cents and euros, in euros",
      measure("Renting one costs fifty cents an hour.", { text: "fifty cents", low: 50, unit: "cent", per: "hour" }),
      measure("Rentals cost 0.50 euros an hour.", { text: "0.50 euros", low: 0.5, unit: "EUR", per: "hour" }),
      0.5,
      0.5,
      "EUR",
      "hour",
    ],
  ])("%s", (_, a, b, lowA, lowB, unit, per) => {
    const r = QuantityComparison.compare(lexicon, a, b)
    expect(r.comparable).toBe(true)
    if (!r.comparable) return
    expect(r.a.low).toBeCloseTo(lowA, 0)
    expect(r.b.low).toBeCloseTo(lowB, 0)
    expect(r.a.unit).toBe(unit)
    expect(r.a.per).toBe(per)
  })

  it("converts currencies at given rates, else at the reference rates, approximately, and not a currency it has none for", () => {
    const eur = measure("It costs €40 million.", { text: "€40 million", low: 40e6, unit: "EUR" })
    const usd = measure("It costs $43 million.", { text: "$43 million", low: 43e6, unit: "USD" })
    const withRate = QuantityComparison.compare(lexicon, eur, usd, { exchangeRates: { USD: 1, EUR: 1.08 } })
    expect(withRate.comparable).toBe(true)
    if (withRate.comparable) {
      expect(withRate.a.low).toBeCloseTo(43.2e6, -5)
      expect(withRate.a.unit).toBe("USD")
      expect(withRate.a.reference).toBeUndefined()
    }
    const reference = QuantityComparison.compare(lexicon, eur, usd)
    expect(reference.comparable).toBe(true)
    if (reference.comparable) {
      expect(reference.a.unit).toBe("EUR")
      expect(reference.a.reference).toBe(true)
      expect(reference.b.low).toBeCloseTo(43e6 * (Units.referenceRate("USD") ?? Number.NaN), -5)
      expect(reference.reasons.map((r) => r.detail).join("; ")).toMatch(/EUR and USD converted at reference rates/)
    }
    const rub = measure("It costs 900 million roubles.", { text: "900 million roubles", low: 900e6, unit: "RUB" })
    const none = QuantityComparison.compare(lexicon, eur, rub)
    expect(none.comparable).toBe(false)
    if (!none.comparable) expect(none.reason.detail).toMatch(/different currencies EUR and RUB, and no exchange rate/)
  })
})

describe("QuantityComparison.compare: not comparable", () => {
  it.each([
    [
      "different counted things",
      measure("It sent 11,000 troops.", { text: "11,000", low: 11000, counted: "troop" }),
      measure("It sent 11,000 shells.", { text: "11,000", low: 11000, counted: "shell" }),
      /different things counted/,
    ],
    [
      "people and the things they did not do: a verb unrelated to the other's noun",
      measure(
        "About 300 shoppers queued.",
        { text: "About 300", low: 300, counted: "shopper" },
        { measure: { predicate: "queue" } },
      ),
      measure(
        "It received 300 complaints.",
        { text: "300", low: 300, counted: "complaint" },
        { measure: { predicate: "receive" } },
      ),
      /different things counted/,
    ],
    [
      "things and things: neither counts people",
      measure(
        "It signed 12 contracts.",
        { text: "12", low: 12, counted: "contract" },
        { measure: { predicate: "sign" } },
      ),
      measure(
        "It had 12 signatures.",
        { text: "12", low: 12, counted: "signature" },
        { measure: { predicate: "have" } },
      ),
      /different things counted/,
    ],
    [
      "a description before the noun is no name for the other thing",
      measure("Police sent 300 riot officers.", { text: "300", low: 300, counted: "riot officer" }),
      measure("There were 300 riots.", { text: "300", low: 300, counted: "riot" }),
      /different things counted/,
    ],
    [
      "a word too wide to name a kind is no broader word for the other's thing",
      measure("It sold 12 cars.", { text: "12", low: 12, counted: "cars" }),
      measure("It sold 12 artifacts.", { text: "12", low: 12, counted: "artifacts" }),
      /different things counted/,
    ],
    [
      "different dimensions",
      measure("It burned 50 hectares.", { text: "50 hectares", low: 50, unit: "hectare" }),
      measure("It burned 50 tonnes.", { text: "50 tonnes", low: 50, unit: "tonne" }),
      /measure different dimensions/,
    ],
    [
      "a rate against a total",
      measure("It fired 5,000 shells a day.", { text: "5,000", low: 5000, counted: "shell", per: "day" }),
      measure("It fired 5,000 shells.", { text: "5,000", low: 5000, counted: "shell" }),
      /per day and the other per total/,
    ],
    [
      "rates for each of unrelated things",
      measure("Anglers pay 3.10 euros per trout.", { text: "3.10 euros", low: 3.1, unit: "EUR", per: "trout" }),
      measure("Anglers pay 3.10 euros per boat.", { text: "3.10 euros", low: 3.1, unit: "EUR", per: "boat" }),
      /one is per trout and the other per boat/,
    ],
    [
      "the figure a change started from",
      measure("The squad was cut from 30 to 24 players.", { text: "24", low: 24, counted: "player", from: 30 }),
      measure("The squad had 30 players.", { text: "30", low: 30, counted: "player" }),
      /"30" is the figure "24" changed from \(30\), an earlier figure/,
    ],
    [
      "killed against injured",
      measure("Twelve were killed.", { text: "Twelve", low: 12 }, { measure: deaths }),
      measure("Thirty were injured.", { text: "Thirty", low: 30 }, { measure: injuries }),
      /different measures: deaths \("Twelve"\) and injured \("Thirty"\)/,
    ],
    [
      "trapped against displaced",
      measure("2,000 are trapped.", { text: "2,000", low: 2000 }, { measure: { class: "trapped" } }),
      measure("40,000 were displaced.", { text: "40,000", low: 40000 }, { measure: { class: "displaced" } }),
      /different measures/,
    ],
    [
      "a forecast against a fact",
      measure("The toll could reach 50.", { text: "50", low: 50 }, { measure: { ...deaths, modality: "forecast" } }),
      measure("Twelve were killed.", { text: "Twelve", low: 12 }, { measure: deaths }),
      /is a forecast and "Twelve" a fact/,
    ],
    [
      "shares of different wholes, 'people' among them",
      measure(
        "One in three people can see the Milky Way.",
        { text: "One in three", low: 1 / 3, unit: "proportion", counted: "people" },
        { measure: { class: "share" } },
      ),
      measure(
        "Half of her winter bookings came from stargazers.",
        { text: "Half", low: 0.5, unit: "proportion", counted: "winter booking" },
        { measure: { class: "share" } },
      ),
      /share of a whole of different groups/,
    ],
    [
      "deaths of different groups",
      measure("12 soldiers were killed.", { text: "12", low: 12, counted: "soldier" }, { measure: deaths }),
      measure("30 civilians were killed.", { text: "30", low: 30, counted: "civilian" }, { measure: deaths }),
      /deaths of different groups/,
    ],
    [
      "figures for different holders",
      measure("Gaza: 40 dead.", { text: "40", low: 40 }, { measure: { ...deaths, of: "Gaza" } }),
      measure("Israel: 12 dead.", { text: "12", low: 12 }, { measure: { ...deaths, of: "Israel" } }),
      /different holders/,
    ],
    [
      "a holder that is only what is counted, against a name",
      measure(
        "About 1,800 homes are without power.",
        { text: "About 1,800", low: 1800, approximate: "about", counted: "home" },
        { measure: { of: "homes" } },
      ),
      measure(
        "Brannock has about 4,800 homes.",
        { text: "about 4,800", low: 4800, approximate: "about", counted: "home" },
        { measure: { of: "Brannock", predicate: "have" } },
      ),
      /different holders/,
    ],
    [
      "two definite descriptions of different bodies",
      measure(
        "The station has about 12,000 listeners a week.",
        { text: "about 12,000", low: 12000, approximate: "about", counted: "listener", per: "week" },
        { measure: { of: "station", predicate: "have" } },
      ),
      measure(
        "The council has about 12,000 listeners a week.",
        { text: "about 12,000", low: 12000, approximate: "about", counted: "listener", per: "week" },
        { measure: { of: "council", predicate: "have" } },
      ),
      /different holders/,
    ],
    [
      "different subjects",
      measure("Russia lost 500 tanks.", { text: "500", low: 500, counted: "tank" }, { subjects: ["russia"] }),
      measure("Ukraine lost 200 tanks.", { text: "200", low: 200, counted: "tank" }, { subjects: ["ukraine"] }),
      /different subjects/,
    ],
    [
      "lengths of time with nothing counted",
      measure("It was the first visit in 24 years.", { text: "24 years", low: 24, unit: "year" }),
      measure("That was 80 years ago.", { text: "80 years", low: 80, unit: "year" }),
      /lengths of time/,
    ],
    [
      "one length hyphened to the kind of thing it names, beside the same length",
      measure("The firms tried a four-day week.", { text: "four-day", low: 4, unit: "day" }),
      measure("The trial ran for four days.", { text: "four days", low: 4, unit: "day" }),
      /lengths of time/,
    ],
    [
      "lengths of time of different scales, whatever words their sentences share",
      measure("The cull at the farm lasted nine days.", { text: "nine days", low: 9, unit: "day" }),
      measure("The farm was free of the disease for three years before the cull.", {
        text: "three years",
        low: 3,
        unit: "year",
      }),
      /lengths of time/,
    ],
    [
      "a length of time that sets a point off another, beside a span",
      measure("The crush at the gate happened about 20 minutes before kick-off.", {
        text: "about 20 minutes",
        low: 20,
        unit: "minute",
        approximate: "about",
      }),
      measure("Fans at the gate had queued for more than an hour before the crush happened.", {
        text: "more than an hour",
        low: 1,
        unit: "hour",
        approximate: "at-least",
      }),
      /lengths of time/,
    ],
    [
      "figures in words are no words two sentences share about what lasted",
      besideCount("Seven drivers waited seven hours.", "Seven", "driver", "seven hours", 7),
      besideCount("Seven nurses waited for three hours.", "Seven", "nurse", "three hours", 3),
      /lengths of time/,
    ],
    [
      "a window a figure is counted in, beside another",
      measure("The gauge at Kharan recorded 310 mm of rain in the 24 hours to Saturday.", {
        text: "24 hours",
        low: 24,
        unit: "hour",
      }),
      measure("The gauge at Kharan recorded 180 mm of rain over 24 hours to Saturday.", {
        text: "24 hours",
        low: 24,
        unit: "hour",
      }),
      /lengths of time/,
    ],
    [
      "two lengths hyphened to the kinds of thing they name, whatever words their sentences share",
      measure("Office workers at the Haldmark firms stayed on a five-day week after the trial.", {
        text: "five-day",
        low: 5,
        unit: "day",
      }),
      measure("Office workers at the Haldmark firms moved to a four-day week after the trial.", {
        text: "four-day",
        low: 4,
        unit: "day",
      }),
      /lengths of time/,
    ],
    [
      "a window a figure of its sentence is counted in, beside a span in the same words",
      windowed(),
      measure("The plant had no inspection for six years, the inspector said.", {
        text: "six years",
        low: 6,
        unit: "year",
      }),
      /lengths of time/,
    ],
    [
      "a deadline and a point set off another, whatever words they share",
      measure("The lift was inspected within 11 days of the accident.", {
        text: "11 days",
        low: 11,
        unit: "day",
      }),
      measure("The lift was inspected 11 days before the accident.", {
        text: "11 days",
        low: 11,
        unit: "day",
      }),
      /lengths of time/,
    ],
    [
      "a span and a window a figure is counted in, whatever words they share",
      measure("The pumps at the mine ran for 24 hours, draining the flooded shaft.", {
        text: "24 hours",
        low: 24,
        unit: "hour",
      }),
      measure("The pumps drained 300 tonnes from the flooded shaft of the mine in the 24 hours to Monday.", {
        text: "24 hours",
        low: 24,
        unit: "hour",
      }),
      /lengths of time/,
    ],
    [
      "lengths of time one verb states of different subjects",
      measure(
        "Trains will run for six weeks.",
        { text: "six weeks", low: 6, unit: "week" },
        { subject: "Trains", measure: { predicate: "run" } },
      ),
      measure(
        "Buses will run for two weeks.",
        { text: "two weeks", low: 2, unit: "week" },
        { subject: "Buses", measure: { predicate: "run" } },
      ),
      /lengths of time/,
    ],
    [
      "how long different things lasted, told by other verbs",
      measure(
        "The trial would last six weeks.",
        { text: "six weeks", low: 6, unit: "week" },
        { subject: "trial", measure: { predicate: "last" } },
      ),
      measure(
        "The closure would run for three months.",
        { text: "three months", low: 3, unit: "month" },
        { subject: "closure", measure: { predicate: "run" } },
      ),
      /lengths of time/,
    ],
    [
      "how long one thing lasted, at scales too far apart to be one length",
      measure(
        "The outage lasted about 40 minutes.",
        { text: "about 40 minutes", low: 40, unit: "minute", approximate: "about" },
        { subject: "outage", measure: { predicate: "last" } },
      ),
      measure(
        "The outage was felt for two days.",
        { text: "two days", low: 2, unit: "day" },
        { subject: "outage", measure: { predicate: "feel" } },
      ),
      /lengths of time/,
    ],
    [
      "a length hyphened to the kind of thing it names, beside a length of one subject",
      measure(
        "The staff moved to a 32-hour week.",
        { text: "32-hour", low: 32, unit: "hour" },
        { subject: "staff", measure: { predicate: "move" } },
      ),
      measure(
        "The staff were off for five days.",
        { text: "five days", low: 5, unit: "day" },
        { subject: "staff", measure: { predicate: "be" } },
      ),
      /lengths of time/,
    ],
    [
      "a distance from a place, and a length that names no reference and no verb",
      measure(
        "The helicopter came down 45 kilometres off the coast.",
        { text: "45 kilometres", low: 45, unit: "kilometre" },
        { measure: { class: "distance", of: "coast", predicate: "come" } },
      ),
      measure("It came down in waves of up to 6 metres.", { text: "up to 6 metres", low: 6, unit: "metre" }),
      /a length measured from nothing named/,
    ],
    [
      "lengths of time one patient and all patients waited: 'wait' adds no span to anything named",
      measure(
        "She had waited 15 months for surgery.",
        { text: "15 months", low: 15, unit: "month" },
        { measure: { predicate: "wait" } },
      ),
      measure(
        "Patients waited an average of 40 weeks.",
        { text: "40 weeks", low: 40, unit: "week" },
        { measure: { predicate: "wait" } },
      ),
      /lengths of time/,
    ],
    [
      "a delay and a length that lasted",
      measure(
        "The repairs will delay the line by 6 days.",
        { text: "6 days", low: 6, unit: "day" },
        { measure: { predicate: "delay" } },
      ),
      measure("The outage lasted 2 days.", { text: "2 days", low: 2, unit: "day" }, { measure: { predicate: "last" } }),
      /lengths of time/,
    ],
    [
      "how long a shop is shut and how long its owner is jailed",
      measure(
        "The shop will stay closed for 3 years.",
        { text: "3 years", low: 3, unit: "year" },
        { measure: { class: "closure", predicate: "close" } },
      ),
      measure(
        "The owner was jailed for 3 years.",
        { text: "3 years", low: 3, unit: "year" },
        { measure: { class: "prison-sentence", predicate: "jail" } },
      ),
      /different measures/,
    ],
    [
      "a budget and a cost that are different sums",
      measure(
        "The board set a budget of €9m.",
        { text: "€9m", low: 9e6, unit: "EUR" },
        { measure: { class: "money-budget" } },
      ),
      measure(
        "The clinics will cost €6m.",
        { text: "€6m", low: 6e6, unit: "EUR" },
        { measure: { class: "money-cost" } },
      ),
      /different measures/,
    ],
    [
      "one amount as a fine and as a budget: not classes that name one sum",
      measure("The firm was fined €2m.", { text: "€2m", low: 2e6, unit: "EUR" }, { measure: { class: "money-fine" } }),
      measure(
        "The park's budget is €2m.",
        { text: "€2m", low: 2e6, unit: "EUR" },
        { measure: { class: "money-budget" } },
      ),
      /different measures/,
    ],
    [
      "plain numbers with nothing counted",
      measure("The vote was nine to four.", { text: "nine", low: 9 }),
      measure("It took 9 hours.", { text: "9", low: 9 }),
      /neither says what it counts/,
    ],
  ])("%s", (_, a, b, reason) => {
    const r = QuantityComparison.compare(lexicon, a, b)
    expect(r.comparable).toBe(false)
    if (!r.comparable) expect(r.reason.detail).toMatch(reason)
  })
})

describe("QuantityComparison.isIncrement", () => {
  it.each([
    ["another 25,000 soldiers", 8, true],
    ["an additional 500 troops", 14, true],
    ["a further 3 ships", 10, true],
    ["the 25,000 soldiers", 4, false],
  ])("%s: %s", (text, at, expected) => {
    expect(QuantityComparison.isIncrement(text, at)).toBe(expected)
  })
})

describe("QuantityComparison.head: the word a counted phrase is compared under, singular, as the judgement reads it", () => {
  it.each([
    ["crew members", "crew"],
    ["party member", "party"],
    ["artillery shells", "shell"],
    ["members", "member"],
    [null, null],
  ])("%s → %s", (counted, expected) => {
    expect(QuantityComparison.head(counted)).toBe(expected)
  })
})

describe("QuantityComparison.timeOfFact: a time in the reporting clause dates the saying", () => {
  const attributed = (sentence: string, content: string, time: string) => {
    const start = sentence.indexOf(content)
    return one(`outlet-${sentence}`, {
      sentence,
      time: { text: time, start: null, end: null },
      attribution: {
        source: null,
        cue: null,
        content: { text: content, span: { start, end: start + content.length } },
        mode: "indirect",
        stance: "asserts",
        hedged: false,
      },
    }).claim
  }
  it.each([
    ["A valve caused it, inspectors concluded on Wednesday.", "A valve caused it", "on Wednesday", null],
    ["A valve caused it last week, officials said.", "A valve caused it last week", "last week", "last week"],
  ])("%s", (sentence, content, time, expected) => {
    expect(QuantityComparison.timeOfFact(attributed(sentence, content, time))?.text ?? null).toBe(expected)
  })
})
