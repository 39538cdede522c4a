/**
 * The judgement on one aligned group of claims: the verdict, how many independent sources stand
 * behind it, and an explanation a reader can check (docs/report-format.md `Finding`).
 */
import { Schema } from "effect"
import { ClaimId, DocumentId, FindingId } from "./Ids.js"
import { Span } from "./Span.js"

/** `changed`: one figure reported at different times (or updated by one outlet): a timeline, not a conflict. */
export const Verdict = Schema.Literal("agree", "contradict", "disputed", "compatible", "changed", "single-source")
export type Verdict = typeof Verdict.Type

/** One point of a figure's timeline: the value a source gave, and when it was for. */
export const TimelineEntry = Schema.Struct({
  claimId: ClaimId,
  documentId: DocumentId,
  outlet: Schema.String,
  /** The figure as written ("31 dead"). */
  value: Schema.String,
  low: Schema.Finite,
  high: Schema.Finite,
  /** ISO date the figure was for, or null when unknown. */
  time: Schema.NullOr(Schema.String),
  /** True when `time` is the article's publication date rather than a time in the text. */
  defaulted: Schema.Boolean,
  /** The time as the article writes it ("several months later"), when it writes one. */
  written: Schema.optional(Schema.String),
}).annotations({ identifier: "TimelineEntry" })
export type TimelineEntry = typeof TimelineEntry.Type

/** The figure of one claim that a finding weighs: a claim may hold several ("120 firefighters fought for nine hours"). */
export const Figure = Schema.Struct({
  claimId: ClaimId,
  /** The figure as written ("About 120"). */
  text: Schema.String,
  /** Where it stands in its document's text. */
  span: Span,
}).annotations({ identifier: "FindingFigure" })
export type Figure = typeof Figure.Type

export const Finding = Schema.Struct({
  id: FindingId,
  verdict: Verdict,
  claimIds: Schema.Array(ClaimId).pipe(Schema.minItems(2)),
  independentSources: Schema.NonNegativeInt,
  summary: Schema.String,
  explanation: Schema.String,
  /** The named judgement rule that decided the verdict ("intervals-apart", "increment-vs-total"). */
  rule: Schema.optional(Schema.String),
  /** The story (event) the claims belong to; absent when stories were not formed. */
  storyId: Schema.optional(Schema.NullOr(Schema.String)),
  /** For `changed`: the figure's values in time order. */
  timeline: Schema.optional(Schema.Array(TimelineEntry)),
  /**
   * For `contradict`: the positions at odds, each the claims that give one figure (they agree with each
   * other and with no other side); a claim on no side fits more than one (schema version 4).
   */
  sides: Schema.optional(Schema.Array(Schema.Array(ClaimId).pipe(Schema.minItems(1)))),
  /**
   * For a finding on figures: the figure of each of its claims that the verdict weighs, in the order of
   * `claimIds` (schema version 5); absent for a finding on statements.
   */
  figures: Schema.optional(Schema.Array(Figure)),
}).annotations({ identifier: "Finding" })
export type Finding = typeof Finding.Type
