/**
 * A claim found in one document: a numeric claim (it carries quantities) or a statement,
 * with its attribution, its subject/predicate/object and its time scope (CONTRACT.md `Claim`).
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

/** `start`/`end` are ISO dates when the expression could be resolved, else null. */
export const TimeScope = Schema.Struct({
  text: Schema.String,
  start: Schema.NullOr(Schema.String),
  end: Schema.NullOr(Schema.String),
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
