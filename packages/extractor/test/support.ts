/**
 * What the extractor's tests share: a one-text document, so each test file need not build its own.
 * `publishedAt` anchors relative times where a test reads them.
 */
import { type Claim, type Document, Ids, Units } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { expect, it } from "vitest"

export const doc = (text: string, publishedAt: string | null = null): Document.Document => ({
  id: Ids.documentId("test", text),
  outlet: "test",
  title: null,
  publishedAt,
  url: null,
  origin: { path: "test.txt", index: 0 },
  syndicationGroup: null,
  text,
})

const nlp = Extractor.loadModel()

/** The claims of `text` in an article dated Saturday 5 December 2026. */
export const claimsOn5December = (text: string): ReadonlyArray<Claim.Claim> =>
  Extractor.extractWith(nlp, doc(text, "2026-12-05"))

/**
 * The forecast dates of class `measureClass` in `text` (an article of 5 December 2026): the words, the
 * bound, the first and last day, the rule that read each, and the claim's time.
 */
export const forecastDates = (text: string, measureClass: string) =>
  claimsOn5December(text).flatMap((c) =>
    c.quantities
      .filter((q) => q.unit === Units.DATE && q.measure?.class === measureClass)
      .map((q) => ({
        text: q.text,
        approximate: q.approximate,
        days: `${Units.isoOfDay(q.low)}..${Units.isoOfDay(q.high)}`,
        rule: q.measure?.rule,
        time: c.time,
      })),
  )

/** A row of a forecast-date catalogue's table: the sentence, the date's words, bound, days and rule. */
export type DateRow = readonly [sentence: string, text: string, approximate: string, days: string, rule: string]

/** Each row read as it says, and every rule of `rules` with a row. */
export const ruleRows = (
  rows: ReadonlyArray<DateRow>,
  rules: ReadonlyArray<{ readonly name: string }>,
  read: (sentence: string) => ReadonlyArray<unknown>,
): void => {
  it.each(rows)("%s", (sentence, text, approximate, days, rule) => {
    expect(read(sentence)).toMatchObject([{ text, approximate, days, rule }])
  })
  it("has a row for every rule", () => {
    const named = new Set(rows.map((r) => r[4]))
    expect(rules.map((r) => r.name).filter((n) => !named.has(n))).toEqual([])
  })
}
