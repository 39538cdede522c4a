/**
 * A claim found in one document: a numeric claim (it carries quantities) or a statement,
 * with its attribution, its subject/predicate/object and its time scope (docs/report-format.md `Claim`).
 */
import { Schema } from "effect"
import { Attribution } from "./Attribution.js"
import { ClaimId, DocumentId } from "./Ids.js"
import { Quantity } from "./Quantity.js"
import { Span } from "./Span.js"

export const Kind = Schema.Literal("numeric", "statement")
export type Kind = typeof Kind.Type

export const Polarity = Schema.Literal("positive", "negative")
export type Polarity = typeof Polarity.Type

/**
 * `start`/`end` are ISO dates when the expression could be resolved, else null. A claim whose text
 * names no time is placed at its document's publication date with `defaulted: true` (and `text` "");
 * a claim with neither has `time: null`.
 */
export const TimeScope = Schema.Struct({
  text: Schema.String,
  start: Schema.NullOr(Schema.String),
  end: Schema.NullOr(Schema.String),
  /** True when no time is written and the publication date stands in for it. Absent means false. */
  defaulted: Schema.optional(Schema.Boolean),
}).annotations({ identifier: "TimeScope" })
export type TimeScope = typeof TimeScope.Type

export const Claim = Schema.Struct({
  id: ClaimId,
  documentId: DocumentId,
  kind: Kind,
  text: Schema.String,
  span: Span,
  attribution: Attribution,
  subject: Schema.NullOr(Schema.String),
  predicate: Schema.NullOr(Schema.String),
  object: Schema.NullOr(Schema.String),
  polarity: Polarity,
  quantities: Schema.Array(Quantity),
  time: Schema.NullOr(TimeScope),
}).annotations({ identifier: "Claim" })
export type Claim = typeof Claim.Type

/** Whether a quantity of the claim lies in what its speaker is reported to have said (its attributed content). */
export const saidInContent = (claim: Claim, q: Pick<Quantity, "span">): boolean => {
  const content = claim.attribution.content?.span
  return content !== undefined && content.start <= q.span.start && q.span.end <= content.end
}

/**
 * Whether a claim comes back from JSON as it was: all but a quantity too large for a number (an
 * absurdly long numeral, read as Infinity), which JSON turns into null.
 */
export const survivesJson = (claim: Claim): boolean =>
  claim.quantities.every((q) => Number.isFinite(q.low) && Number.isFinite(q.high))

type Spanned = { text: string; readonly span: Span } | null

/**
 * Claims parsed from JSON, or received from another thread, carry copies of their texts. This makes
 * each text that is its span of the document a slice of the document's own text instead, which V8
 * keeps as a reference into it (the document stays in memory anyway): a claim then takes about a
 * third less memory, with the same values. Changes the claims in place; give it fresh ones only.
 */
export const shareText = (claims: ReadonlyArray<Claim>, documentText: string): ReadonlyArray<Claim> => {
  const share = (part: Spanned) => {
    if (!part) return
    const { start, end } = part.span
    if (part.text.length === end - start && documentText.startsWith(part.text, start))
      part.text = documentText.slice(start, end)
  }
  for (const claim of claims) {
    const { source, cue, content } = claim.attribution
    for (const part of [claim, source, cue, content, ...claim.quantities]) share(part as Spanned)
  }
  return claims
}

/** Values at most this long are shared by `sharer`; longer ones are rarely repeated. */
const SHARED_MAX_LENGTH = 48
/** How many distinct values a sharer keeps: past that, new values stay the claims' own (the table stays bounded). */
const SHARED_MAX_VALUES = 200_000

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/**
 * Claims parsed from JSON, or received from another thread, each carry their own copies of values that
 * repeat across thousands of claims: kinds, predicates, dates, a plain attribution, a default time, an
 * empty list. The function this returns makes them share one copy of each, over every claim it is
 * given (a run's), with each claim's document id the document's own string: the same values in less
 * memory (on 61,617 stored BASIL claims, 1,038 bytes a claim instead of 1,182, texts already shared).
 * Changes the claims in place; give it fresh ones only.
 */
export const sharer = (): ((claims: ReadonlyArray<Claim>, documentId: string) => ReadonlyArray<Claim>) => {
  const values = new Map<string, unknown>()
  const one = <T>(key: string, value: T): T => {
    const kept = values.get(key)
    if (kept !== undefined) return kept as T
    if (values.size < SHARED_MAX_VALUES) values.set(key, value)
    return value
  }
  const word = <S extends string | null>(x: S): S => (x === null || x.length > SHARED_MAX_LENGTH ? x : one(`s${x}`, x))
  const none: ReadonlyArray<never> = Object.freeze([])
  return (claims, documentId) => {
    for (const claim of claims) {
      const c = claim as Mutable<Claim>
      c.documentId = documentId as Claim["documentId"]
      c.kind = word(c.kind)
      c.predicate = word(c.predicate)
      c.polarity = word(c.polarity)
      c.subject = word(c.subject)
      c.object = word(c.object)
      const a = c.attribution
      if (a.source === null && a.cue === null && a.content === null)
        c.attribution = one(`a${a.mode}\u0000${a.stance}\u0000${a.hedged}`, a)
      if (c.time) c.time = one(`t${JSON.stringify(c.time)}`, c.time)
      if (c.quantities.length === 0) c.quantities = none
      else
        for (const quantity of c.quantities) {
          const q = quantity as Mutable<typeof quantity>
          q.unit = word(q.unit)
          q.counted = word(q.counted)
          q.approximate = word(q.approximate)
          if (q.measure) q.measure = one(`m${JSON.stringify(q.measure)}`, q.measure)
        }
    }
    return claims
  }
}
