/**
 * A normalised quantity inside a numeric claim: its interval, how approximate it is, its unit,
 * what it counts, the denominator of a rate, and what it measures (docs/report-format.md `Quantity`).
 */
import { Schema } from "effect"
import { Span } from "./Span.js"
import * as Units from "./Units.js"

export const Approximate = Schema.Literal("exact", "about", "at-least", "at-most", "vague")
export type Approximate = typeof Approximate.Type

/** A total so far, or a number added to an earlier one ("another 300", "five more"). */
export const Scope = Schema.Literal("total", "increment")
export type Scope = typeof Scope.Type

/** A fact, or a figure that is expected, planned or aimed at ("could reach", "plans to cut", "target of"). */
export const Modality = Schema.Literal("fact", "forecast", "target")
export type Modality = typeof Modality.Type

/**
 * What a quantity measures. `class` is an entry of the extractor's measure catalogue ("deaths",
 * "injuries", "displaced", "jobs-cut", "money-aid", …) or "unknown" when nothing in the text says:
 * a class is never guessed. Classes nest (casualties ⊇ deaths, injuries); the catalogue says how.
 */
export const Measure = Schema.Struct({
  class: Schema.String,
  /** The thing, group or place the figure belongs to ("Gaza", "Ford", "Ukrainian soldiers"), when the text names it. */
  of: Schema.NullOr(Schema.String),
  /**
   * The place the figure is counted in, when the text names one ("in Loon", "In Cebu, 9 died"), or
   * "elsewhere" for a figure counted apart from the places named: a toll for one place is a part of
   * a wider toll, not a rival figure. Absent in claims stored before crosscheck 0.3.
   */
  where: Schema.optional(Schema.NullOr(Schema.String)),
  /** The lemma of the verb that states it ("kill", "wound", "cut", "send"), when there is one. */
  predicate: Schema.NullOr(Schema.String),
  /** "no one was killed", "did not cut 300 jobs". */
  negated: Schema.Boolean,
  scope: Scope,
  modality: Modality,
  /**
   * The figure is the whole a part of the sentence is counted out of ("About 900 of the province's
   * 1,450 schools closed": 1,450), not what the verb says of the part. Absent otherwise.
   */
  whole: Schema.optional(Schema.Boolean),
  /** The catalogue rule that gave the class, for explanations ("deaths: killed"), or null for "unknown". */
  rule: Schema.NullOr(Schema.String),
}).annotations({ identifier: "Measure" })
export type Measure = typeof Measure.Type

export const Quantity = Schema.Struct({
  text: Schema.String,
  span: Span,
  low: Schema.Finite,
  high: Schema.Finite,
  approximate: Approximate,
  unit: Schema.NullOr(Schema.String),
  counted: Schema.NullOr(Schema.String),
  per: Schema.NullOr(Schema.String),
  /**
   * The value before a change the text gives as "from A to B" ("cut the routes from eight to seven": 8,
   * with low and high 7): the quantity is the figure now. Absent for any other quantity.
   */
  from: Schema.optional(Schema.Number),
  /**
   * The figure before it written again in another unit, in brackets ("350 km (217 miles)": true on
   * 217 miles). It measures what that figure measures and is compared through it, never on its own.
   * Absent for any other quantity.
   */
  restates: Schema.optional(Schema.Boolean),
  /** Always written by crosscheck 0.2 and later (schemaVersion 2); absent in claims stored by earlier versions. */
  measure: Schema.optional(Measure),
}).annotations({ identifier: "Quantity" })
export type Quantity = typeof Quantity.Type

/** The measure a quantity without one is read as: nothing known. */
export const UNKNOWN_MEASURE: Measure = {
  class: "unknown",
  of: null,
  predicate: null,
  negated: false,
  scope: "total",
  modality: "fact",
  rule: null,
}

export const measureOf = (q: Quantity): Measure => q.measure ?? UNKNOWN_MEASURE

/**
 * The values a quantity allows, its bound taken as open-ended ("at least 40": 40 and up), with no rounding:
 * how calendar days (unit "date") are compared, by the matcher and the judgement alike.
 */
export const reach = (q: Quantity): { readonly low: number; readonly high: number } =>
  q.approximate === "at-least"
    ? { low: q.low, high: Number.POSITIVE_INFINITY }
    : q.approximate === "at-most"
      ? { low: Number.NEGATIVE_INFINITY, high: q.high }
      : { low: q.low, high: q.high }

/**
 * A sum set before the noun it describes ("a 1-euro deposit", "a 900,000-euro repair bill": counted
 * "deposit"): it says what its noun is and has no tense of its own, so it meets a plan of that sum as well
 * as a fact. Alignment and judgement both read it so.
 */
export const namesItsNoun = (q: Quantity): boolean => q.unit !== null && Units.isCurrency(q.unit) && q.counted !== null
