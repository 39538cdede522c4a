/**
 * The judgement on one aligned group of claims: the verdict, how many independent sources stand
 * behind it, and an explanation a reader can check (CONTRACT.md `Finding`).
 */
import { Schema } from "effect"
import { ClaimId, FindingId } from "./Ids.js"

export const Verdict = Schema.Literal("agree", "contradict", "disputed", "compatible", "single-source")
export type Verdict = typeof Verdict.Type

export const Finding = Schema.Struct({
  id: FindingId,
  verdict: Verdict,
  claimIds: Schema.Array(ClaimId).pipe(Schema.minItems(2)),
  independentSources: Schema.NonNegativeInt,
  summary: Schema.String,
  explanation: Schema.String,
}).annotations({ identifier: "Finding" })
export type Finding = typeof Finding.Type
