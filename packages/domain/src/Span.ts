/**
 * Offsets into a document's text: UTF-16 code-unit indices, end exclusive (docs/report-format.md).
 * Every claim, source, cue and quantity carries one so a reader can see the exact passage.
 */
import { Schema } from "effect"

export const Span = Schema.Struct({
  start: Schema.NonNegativeInt,
  end: Schema.NonNegativeInt,
}).annotations({ identifier: "Span" })
export type Span = typeof Span.Type

export const make = (start: number, end: number): Span => ({ start, end })

/** Whether `inner` lies wholly inside `outer` (ends included). */
export const within = (inner: Span, outer: Span): boolean => outer.start <= inner.start && inner.end <= outer.end

/** The text a span covers. */
export const slice = (text: string, span: Span): string => text.slice(span.start, span.end)

/** A piece of text together with where it sits. */
export const TextSpan = Schema.Struct({
  text: Schema.String,
  span: Span,
}).annotations({ identifier: "TextSpan" })
export type TextSpan = typeof TextSpan.Type
