/**
 * A normalised quantity inside a numeric claim: its interval, how approximate it is, its unit,
 * what it counts and the denominator of a rate (CONTRACT.md `Quantity`).
 */
import { Schema } from "effect"
import { Span } from "./Span.js"

export const Approximate = Schema.Literal("exact", "about", "at-least", "at-most", "vague")
export type Approximate = typeof Approximate.Type

export const Quantity = Schema.Struct({
  text: Schema.String,
  span: Span,
  low: Schema.Number,
  high: Schema.Number,
  approximate: Approximate,
  unit: Schema.NullOr(Schema.String),
  counted: Schema.NullOr(Schema.String),
  per: Schema.NullOr(Schema.String),
}).annotations({ identifier: "Quantity" })
export type Quantity = typeof Quantity.Type
