/**
 * The disputed rule, shared by numeric and statement groups: one independent source asserts what
 * another reports a party denying or calling false (CONTRACT.md `disputed`).
 */
import type { AlignedGroup, Claim } from "@crosscheck/domain"
import { type Context, clip, crossPairs, describeVoice, type Judged, labelFor } from "./context.js"

export const isChallenged = (claim: Claim.Claim): boolean => claim.attribution.stance !== "asserts"

const verb = (claim: Claim.Claim): string => (claim.attribution.stance === "denies" ? "denying it" : "calling it false")

export const challenge = (ctx: Context, members: ReadonlyArray<AlignedGroup.Member>): Judged | null => {
  for (const [a, b] of crossPairs(ctx, members)) {
    const [asserted, challenged] =
      isChallenged(b.claim) && !isChallenged(a.claim)
        ? [a.claim, b.claim]
        : isChallenged(a.claim) && !isChallenged(b.claim)
          ? [b.claim, a.claim]
          : [null, null]
    // "did not remove" and "denied removing" say the same thing.
    if (!asserted || !challenged || asserted.polarity === "negative") continue
    const party = challenged.attribution.source?.text ?? "a party"
    const content = challenged.attribution.content?.text ?? challenged.text
    return {
      verdict: "disputed",
      rule: "stance-challenge",
      why:
        `${labelFor(ctx, members, asserted)} states "${clip(asserted.text, 160)}" (${describeVoice(asserted)}); ` +
        `${labelFor(ctx, members, challenged)} reports ${party} ${verb(challenged)}: "${clip(content, 160)}" (${describeVoice(challenged)})`,
    }
  }
  return null
}
