import { type Claim, Ids } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const nlp = Extractor.loadModel()

// Pieces of hostile text: numbers and quotes the extractor reacts to, mixed with the characters
// that break naive offset arithmetic (surrogate pairs, lone surrogates, RTL, zero-width, CRLF, NUL).
const FRAGMENTS = [
  "The ministry said 5,000 troops arrived.",
  " about 1.2bn ",
  "“She denied it,” Kim said.",
  "'Quote",
  " 25,000-30,000 ",
  "😀👩‍👩‍👧",
  "\u202Eمرحبا 123\u202C",
  "\u200B\u200D\uFEFF",
  "\uD800",
  "\uDC00x",
  "\r\n",
  "\u0000",
  "\n\n",
  " up to half a billion U.S. dollars annually ",
  "--",
  "$",
  "%",
]

const hostileText = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: "binary", maxLength: 20 })), { maxLength: 30 })
  .map((parts) => parts.join(""))

const document = (text: string) => ({
  id: Ids.documentId("prop", text),
  outlet: "prop",
  title: null,
  publishedAt: null,
  url: null,
  origin: { path: "prop", index: 0 },
  syndicationGroup: null,
  text,
})

const spansOf = (c: Claim.Claim) => [
  { text: c.text, span: c.span },
  ...c.quantities,
  ...[c.attribution.source, c.attribution.cue, c.attribution.content].filter((x) => x !== null),
]

describe("extraction on arbitrary text", () => {
  it("never throws, keeps every span inside its document and every text equal to its slice", () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const claims = Extractor.extractWith(nlp, document(text))
        for (const c of claims) {
          for (const { text: t, span } of spansOf(c)) {
            expect(span.start).toBeGreaterThanOrEqual(0)
            expect(span.end).toBeLessThanOrEqual(text.length)
            expect(span.start).toBeLessThanOrEqual(span.end)
            expect(text.slice(span.start, span.end)).toBe(t)
          }
        }
      }),
      { numRuns: 300 },
    )
  })
})
