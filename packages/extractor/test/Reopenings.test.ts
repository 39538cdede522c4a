import { Reopenings } from "@crosscheck/extractor"
import { describe, expect, it } from "vitest"
import catalogue from "../src/reopenings.json" with { type: "json" }
import { type DateRow, forecastDates, ruleRows } from "./support.js"

// Made-up sentences in an article dated Saturday 5 December 2026: the reopening forecast each gives
// (its words, its bound, its first and last day) and the rule that read it.
const read = (text: string) => forecastDates(text, Reopenings.REOPENING)

const ROWS: ReadonlyArray<DateRow> = [
  // A service's own verb, denied up to a date (reopenings.json notUntil).
  [
    "Line 47 will not run until at least 2 January, the company said.",
    "until at least 2 January",
    "at-least",
    "2027-01-02..2027-01-02",
    "reopening: reopen on",
  ],
  [
    "Flights will not operate before Friday.",
    "before Friday",
    "at-least",
    "2026-12-11..2026-12-11",
    "reopening: reopen on",
  ],
  [
    "The bridge would reopen on Monday, the council said.",
    "on Monday",
    "exact",
    "2026-12-07..2026-12-07",
    "reopening: reopen on",
  ],
  ["Trains should resume by Friday.", "by Friday", "at-most", "2026-12-11..2026-12-11", "reopening: reopen on"],
  // Back to normal: power restored, a fire out, a cordon kept, residents home (reopenings.json verbs, closed).
  [
    "Power will not be fully restored before Friday.",
    "before Friday",
    "at-least",
    "2026-12-11..2026-12-11",
    "reopening: reopen on",
  ],
  ["The fire should be out by Tuesday.", "by Tuesday", "at-most", "2026-12-08..2026-12-08", "reopening: reopen on"],
  // A negative subject denies the return up to the date as "not" does.
  [
    "None of the toilets would be back in use before Friday.",
    "before Friday",
    "at-least",
    "2026-12-11..2026-12-11",
    "reopening: reopen on",
  ],
  [
    "The cordon will stay in place until Monday at least.",
    "until Monday at least",
    "at-least",
    "2026-12-07..2026-12-07",
    "reopening: closed until",
  ],
  [
    "Residents expect to be back in their homes by Thursday.",
    "by Thursday",
    "at-most",
    "2026-12-10..2026-12-10",
    "reopening: reopen on",
  ],
  [
    "The museum is expected to reopen in January.",
    "in January",
    "exact",
    "2027-01-01..2027-01-31",
    "reopening: reopen on",
  ],
  ["The pool will reopen next Saturday.", "next Saturday", "exact", "2026-12-12..2026-12-12", "reopening: reopen on"],
  [
    "Police expect to reopen the street within 48 hours.",
    "within 48 hours",
    "at-most",
    "2026-12-07..2026-12-07",
    "reopening: reopen on",
  ],
  [
    "The hotel hopes to reopen within a month.",
    "within a month",
    "at-most",
    "2027-01-04..2027-01-04",
    "reopening: reopen on",
  ],
  [
    "The pier will not reopen before the summer.",
    "before the summer",
    "at-least",
    "2027-06-01..2027-06-01",
    "reopening: reopen on",
  ],
  [
    "The lifts won't run again until Thursday at the earliest.",
    "until Thursday at the earliest",
    "at-least",
    "2026-12-10..2026-12-10",
    "reopening: reopen on",
  ],
  [
    "The road will stay closed until at least Christmas.",
    "until at least Christmas",
    "at-least",
    "2026-12-25..2026-12-25",
    "reopening: closed until",
  ],
  [
    "The park will remain shut until 10 January.",
    "until 10 January",
    "exact",
    "2027-01-10..2027-01-10",
    "reopening: closed until",
  ],
  [
    "The airline has grounded its fleet of jets until at least 4 January.",
    "until at least 4 January",
    "at-least",
    "2027-01-04..2027-01-04",
    "reopening: closed until",
  ],
  [
    "The turbines will stay off until mid-January at the earliest.",
    "until mid-January at the earliest",
    "at-least",
    "2027-01-11..2027-01-11",
    "reopening: closed until",
  ],
  [
    "The stand will stay closed for at least two weeks.",
    "at least two weeks",
    "at-least",
    "2026-12-19..2026-12-19",
    "reopening: closed for",
  ],
]

describe("Reopenings: reopenings.json rules, one row each at least", () => {
  ruleRows(ROWS, catalogue.rules, read)

  it("dates the claim as of the article, not the day it forecasts", () => {
    expect(read("The bridge would reopen on Monday.")[0]?.time).toMatchObject({ start: "2026-12-05", defaulted: true })
  })
})

describe("Reopenings: what is no forecast of a reopening", () => {
  it.each([
    // Done, not expected: past tense, or a closure that ended.
    "The line reopened on Monday.",
    "The road was closed until Monday.",
    "The plant was shut down until March last year.",
    // A plan given up: "had been due to".
    "The zoo, which had been due to reopen on Monday, will stay closed this week.",
    // A closure that has lasted, not one forecast.
    "The tunnel has been shut for nine days.",
    // No date after the verb.
    "The school will reopen in the new building.",
    // A service's own verb with no denial: how long it goes on, not when it returns (when it ends is a
    // completion: Completions.test.ts).
    "The trial will run until March.",
    "Ferries will operate on Monday.",
  ])("%s", (sentence) => {
    expect(read(sentence)).toEqual([])
  })

  it("needs the article's date", () => {
    expect(Reopenings.find("The bridge would reopen on Monday.", 0, null)).toEqual([])
  })
})
