/**
 * Who a claim comes from and how firmly it is put: the source, the cue, the content, the mode
 * (quoted, reported, according-to, or the outlet's own voice) and the stance (CONTRACT.md).
 */
import { Schema } from "effect"
import { Span, TextSpan } from "./Span.js"

export const Mode = Schema.Literal("direct", "indirect", "according-to", "asserted")
export type Mode = typeof Mode.Type

/** disputes: the content is reported as false, unfounded or misleading. */
export const Stance = Schema.Literal("asserts", "denies", "disputes")
export type Stance = typeof Stance.Type

export const Cue = Schema.Struct({
  text: Schema.String,
  lemma: Schema.String,
  span: Span,
}).annotations({ identifier: "Cue" })
export type Cue = typeof Cue.Type

export const Attribution = Schema.Struct({
  source: Schema.NullOr(TextSpan),
  cue: Schema.NullOr(Cue),
  content: Schema.NullOr(TextSpan),
  mode: Mode,
  stance: Stance,
  hedged: Schema.Boolean,
}).annotations({ identifier: "Attribution" })
export type Attribution = typeof Attribution.Type

/** The outlet asserting something in its own voice. */
export const asserted = (hedged = false): Attribution => ({
  source: null,
  cue: null,
  content: null,
  mode: "asserted",
  stance: "asserts",
  hedged,
})
