/**
 * Who a claim comes from and how firmly it is put: the source, the cue, the content, the mode
 * (quoted, reported, according-to, or the outlet's own voice) and the stance (docs/report-format.md).
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
  /**
   * The speaker the cue's words resolve to within the document: the fullest mention of it, with the
   * role or organisation set beside the name where the text gives one ("Kim Yo Jong, the sister of
   * North Korea's leader"). `text` is always the slice of `span`, so the span is that mention's place,
   * which may lie before the cue (or, for "Kim's sister", just after it).
   */
  source: Schema.NullOr(TextSpan),
  /** The words at the cue that name the speaker ("she", "the ministry"); absent on older claims. */
  mention: Schema.optional(Schema.NullOr(TextSpan)),
  cue: Schema.NullOr(Cue),
  content: Schema.NullOr(TextSpan),
  mode: Mode,
  stance: Stance,
  hedged: Schema.Boolean,
  /** The name of the extraction rule that made this attribution ("quote-then-cue"), for reports. */
  rule: Schema.optional(Schema.String),
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
