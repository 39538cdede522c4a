/**
 * Verdicts on groups of statements (who did what): a claim asserted by one source and denied or
 * called false in another is disputed; opposite polarity at the same time contradicts.
 */
import type { AlignedGroup, Claim } from "@crosscheck/domain"
import {
  type Context,
  clip,
  crossPairs,
  describeTime,
  describeVoice,
  type Judged,
  labelFor,
} from "./internal/context.js"
import * as Stance from "./internal/stance.js"
import * as TimeScope from "./internal/timeScope.js"

const said = (ctx: Context, members: ReadonlyArray<AlignedGroup.Member>, c: Claim.Claim): string =>
  `${labelFor(ctx, members, c)}: "${clip(c.text, 160)}" (${c.polarity}, ${describeVoice(c)}, ${describeTime(c)})`

/** The verdict on a statement group whose members come from at least two independent sources. */
export const judge = (group: AlignedGroup.AlignedGroup, ctx: Context): Judged => {
  const challenge = Stance.challenge(ctx, group.members)
  if (challenge) return challenge
  const pairs = crossPairs(ctx, group.members)
  const apart: string[] = []
  for (const [a, b] of pairs) {
    if (a.claim.polarity === b.claim.polarity || Stance.isChallenged(a.claim) || Stance.isChallenged(b.claim)) continue
    const time = TimeScope.relate(a.claim, b.claim, ctx.documents)
    if (time === "same")
      return {
        verdict: "contradict",
        rule: "opposite-polarity",
        why: `${said(ctx, group.members, a.claim)} against ${said(ctx, group.members, b.claim)}: the same action with opposite polarity at the same time`,
      }
    apart.push(
      `${said(ctx, group.members, a.claim)} against ${said(ctx, group.members, b.claim)} ${time === "different" ? "are for different times" : "may be for different times"}`,
    )
  }
  if (apart.length > 0)
    return {
      verdict: "compatible",
      rule: "different-times",
      why: `opposite polarity, but not at one time, so not a contradiction: ${apart.join("; ")}`,
    }
  // A hedged report of the same fact still agrees with a firm one; the explanation says which is hedged.
  const hedged = pairs.find(([a, b]) => a.claim.attribution.hedged !== b.claim.attribution.hedged)
  if (hedged)
    return {
      verdict: "agree",
      rule: "same-polarity-one-hedged",
      why: `${said(ctx, group.members, hedged[0].claim)} and ${said(ctx, group.members, hedged[1].claim)}: the same action with the same polarity, one put firmly and one hedged`,
    }
  const [a, b] = pairs[0] ?? []
  const bothChallenged = a && b && Stance.isChallenged(a.claim) && Stance.isChallenged(b.claim)
  return {
    verdict: "agree",
    rule: bothChallenged ? "same-challenge" : "same-polarity",
    why:
      a && b
        ? `${said(ctx, group.members, a.claim)} and ${said(ctx, group.members, b.claim)}: ${bothChallenged ? "both report the same denial" : "the same action with the same polarity"}`
        : "the same action with the same polarity",
  }
}
