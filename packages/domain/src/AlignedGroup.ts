/**
 * What the matcher hands to judgement: claims from different documents about one fact, the
 * quantity each is about (for numeric groups), and the reasons they were put together.
 */
import type { Claim } from "./Claim.js"
import type { Quantity } from "./Quantity.js"

export interface Member {
  readonly claim: Claim
  /** The quantity of the claim this group is about, for numeric groups. */
  readonly quantity: Quantity | null
}

export interface AlignedGroup {
  readonly kind: "numeric" | "statement"
  /** The blocking key the group was formed on, readable ("troop|-|-"). */
  readonly key: string
  readonly members: ReadonlyArray<Member>
  /** What matched (names, words, units, times), for the report to show. */
  readonly reasons: ReadonlyArray<string>
}
