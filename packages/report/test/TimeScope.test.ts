import { type Claim, Quantity } from "@crosscheck/domain"
import { describe, expect, it } from "vitest"
import * as TimeScope from "../src/internal/timeScope.js"
import { claim, doc, qty } from "./build.js"

const a = doc("a", "It happened.", { publishedAt: "2025-08-15" })
const b = doc("b", "It happened.", { publishedAt: "2024-01-10" })
const c = doc("c", "It happened.", { publishedAt: "2025-08-12" })
const docs = new Map([a, b, c].map((d) => [d.id as string, d]))
const at = (d: typeof a, time: Claim.TimeScope | null) => claim(d, "It happened.", { time })
const t = (text: string, start: string | null, end: string | null = start): Claim.TimeScope => ({ text, start, end })
/** No time in the text: the publication day stands in. */
const d = (day: string): Claim.TimeScope => ({ text: "", start: day, end: day, defaulted: true })

describe("TimeScope.relate", () => {
  it.each([
    ["both untimed, in articles of different days", null, null, b, "different"],
    ["both untimed in articles of one day", null, null, a, "same"],
    [
      "July 2023 against 2023",
      t("July 2023", "2023-07-01", "2023-07-31"),
      t("in 2023", "2023-01-01", "2023-12-31"),
      a,
      "same",
    ],
    [
      "July 2023 against 2024",
      t("July 2023", "2023-07-01", "2023-07-31"),
      t("in 2024", "2024-01-01", "2024-12-31"),
      a,
      "different",
    ],
    ["one day against the next", t("Monday", "2025-08-11"), t("Tuesday", "2025-08-12"), a, "different"],
    ["same unresolved text", t("last week", null), t("Last  week", null), a, "same"],
    ["different unresolved texts", t("last week", null), t("later", null), a, "may-differ"],
    // One article (or one day's): a written date four days back may be for another time.
    ["dated against untimed, published later that week", t("Monday", "2025-08-11"), null, a, "may-differ"],
    // Both appeared on 2025-08-15 and the written date is the day before: that day's news, one time.
    ["dated the day before, both articles of one day", t("Thursday", "2025-08-14"), null, a, "same"],
    // The untimed figure is in an article of 2025-08-15, the dated one in an article of 2024: a later point.
    [
      "untimed in a later article than the dated one",
      null,
      t("in January", "2024-01-01", "2024-01-31"),
      b,
      "different",
    ],
    ["dated against untimed, published that day", t("Monday", "2025-08-15"), null, a, "same"],
    ["a week dated against untimed, published within it", t("that week", "2025-08-11", "2025-08-17"), null, a, "same"],
    // An article cannot give a figure for a day after it appeared.
    ["dated against untimed, published a year before that date", t("Monday", "2025-08-11"), null, b, "different"],
    ["defaulted against a written date after it", d("2025-08-15"), t("on Tuesday", "2025-08-19"), a, "different"],
    ["unresolved against untimed", t("around that time", null), null, a, "may-differ"],
    // A time that could not be placed is no later than its article's day; the other article's is later.
    ["unresolved in a later article against untimed in an earlier one", t("at the time", null), null, c, "may-differ"],
    ["untimed in a later article against unresolved in an earlier one", null, t("at the time", null), c, "different"],
    [
      "unresolved against a written date after its article",
      t("at the time", null),
      t("on Friday", "2025-08-22"),
      a,
      "different",
    ],
    ["defaulted, same publication day", d("2025-08-15"), d("2025-08-15"), a, "same"],
    ["defaulted, different publication days", d("2025-08-15"), d("2025-08-18"), a, "different"],
    [
      "defaulted against a written date that takes it in",
      d("2025-08-15"),
      t("in August", "2025-08-01", "2025-08-31"),
      a,
      "same",
    ],
    [
      "defaulted against an earlier written date, one day's articles",
      d("2025-08-15"),
      t("on Monday", "2025-08-11"),
      a,
      "may-differ",
    ],
    // A running total up to its article's day stands as of that day, not over the days it runs from.
    [
      "a total since Saturday, as of its day, against a figure of an earlier day within the span",
      t("since Saturday", "2025-08-09", "2025-08-15"),
      d("2025-08-12"),
      c,
      "different",
    ],
    [
      "a total since Saturday against another of its own day",
      t("since Saturday", "2025-08-09", "2025-08-15"),
      d("2025-08-15"),
      a,
      "same",
    ],
  ] as const)("%s: %s", (_name, ta, tb, other, relation) => {
    expect(TimeScope.relate(at(a, ta), at(other, tb), docs).relation).toBe(relation)
  })

  // "About 18,000 tickets had been sold for the run, which was due to open on Tuesday": a figure told as
  // a fact stands as of its article's day; a later day in its sentence is another clause's.
  it.each([
    ["a fact with a later day in its sentence, against an undated figure of that day", "fact", "same"],
    ["a forecast for that later day, against an undated figure", "forecast", "different"],
  ] as const)("%s", (_name, modality, relation) => {
    const measure = { ...Quantity.UNKNOWN_MEASURE, modality }
    const dated = claim(a, "It happened.", {
      time: t("on Tuesday", "2025-08-19"),
      quantities: [qty("18,000", 18000, 18000, "about", { measure })],
    })
    expect(TimeScope.relate(dated, at(a, d("2025-08-15")), docs).relation).toBe(relation)
  })
})
