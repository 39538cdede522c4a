import { Units } from "@crosscheck/domain"
import { Completions } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"
import catalogue from "../src/completions.json" with { type: "json" }
import { claimsOn5December, type DateRow, forecastDates, ruleRows } from "./support.js"

// Made-up sentences in an article dated Saturday 5 December 2026: when each says a piece of work or a state
// is expected to be over (its words, its bound, its first and last day) and the rule that read it.
const read = (text: string) => forecastDates(text, Completions.COMPLETION)

const ROWS: ReadonlyArray<DateRow> = [
  // How long the work will take, counted from the article's day.
  [
    "The sea wall repairs would take at least three months.",
    "at least three months",
    "at-least",
    "2027-03-06..2027-03-06",
    "completion: takes",
  ],
  [
    "The board expected the drawdown to take about three weeks.",
    "about three weeks",
    "about",
    "2026-12-26..2026-12-26",
    "completion: takes",
  ],
  [
    "Clearing the site will take until the summer.",
    "until the summer",
    "exact",
    "2027-06-01..2027-08-31",
    "completion: takes",
  ],
  // By a date, within a length, not before a date, until a date.
  [
    "The refunds would be paid within four weeks.",
    "within four weeks",
    "at-most",
    "2027-01-02..2027-01-02",
    "completion: done by",
  ],
  [
    "The inquiry would report by the end of January.",
    "by the end of January",
    "at-most",
    "2027-01-31..2027-01-31",
    "completion: done by",
  ],
  [
    "The car park will open by the end of 2028.",
    "by the end of 2028",
    "at-most",
    "2028-12-31..2028-12-31",
    "completion: done by",
  ],
  [
    "She expected new bikes on the streets by the summer.",
    "by the summer",
    "at-most",
    "2027-08-31..2027-08-31",
    "completion: done by",
  ],
  [
    "The signs could not all be changed before the end of June.",
    "before the end of June",
    "at-least",
    "2027-06-21..2027-06-21",
    "completion: done by",
  ],
  ["The trial will run until March.", "until March", "exact", "2027-03-01..2027-03-31", "completion: done by"],
  [
    "The data centre is to be built over 36 months.",
    "over 36 months",
    "exact",
    "2029-12-05..2029-12-05",
    "completion: done by",
  ],
  // Denied for a length: at least that long.
  [
    "The reservoir would not be full again for at least three years.",
    "for at least three years",
    "at-least",
    "2029-12-05..2029-12-05",
    "completion: not for",
  ],
  [
    "There would be no shared bikes back on the streets for at least two years.",
    "for at least two years",
    "at-least",
    "2028-12-05..2028-12-05",
    "completion: not for",
  ],
]

describe("Completions: completions.json rules, one row each at least", () => {
  ruleRows(ROWS, catalogue.rules, read)

  it("stands in for the length it was read from, and dates the claim as of the article", () => {
    const [claim] = claimsOn5December("The sea wall repairs would take at least three months.")
    expect(claim?.quantities.map((q) => q.unit)).toEqual([Units.DATE])
    expect(claim?.time).toMatchObject({ start: "2026-12-05", defaulted: true })
  })
})

describe("Completions: what is no forecast of work done", () => {
  it.each([
    // Done, not expected.
    "The repairs took three weeks.",
    "The refunds were paid within four weeks.",
    // A length under a day: a journey, not work.
    "It will take about two hours to drive there.",
    // Counted from another event, not from the article's day.
    "The restoration would be finished within nine months of planning permission.",
    // "by" and a length: an amount of change.
    "The opening will be delayed by two weeks.",
    // A date after "by" that is when another figure of the sentence stands.
    "Emissions will fall 40% by 2030.",
    // Not denied: "for" a length is how long something lasts.
    "Replacement buses will run for six weeks.",
    // The date of a relative clause, not of the work forecast.
    "The nursery had promised to replace any tree that died within three years.",
    // How long each of something takes, not when work ends.
    "Letters would take up to four days to arrive once Saturday deliveries end.",
    // When work starts, not when it is done.
    "Replanting would not start before November.",
  ])("%s", (sentence) => {
    expect(read(sentence)).toEqual([])
  })

  it("needs the article's date", () => {
    expect(Completions.find("The repairs will take three weeks.", 0, null)).toEqual([])
  })
})
