/**
 * What the matcher hands to judgement: claims from different documents about one fact, the
 * quantity each is about (for numeric groups), and the reasons and pairwise scores that put them together.
 */
import type { Claim } from "./Claim.js"
import type { ClaimId } from "./Ids.js"
import type { Quantity } from "./Quantity.js"

/** A quantity restated in the unit the whole group is compared in (acres as hectares, a week's rate per day). */
export interface Normalized {
  readonly low: number
  readonly high: number
  /** The group's reference unit: "hectare", "USD", null for a plain count. */
  readonly unit: string | null
  readonly per: string | null
  /** Money restated at the reference exchange rates (Units.referenceRate), not given ones: approximate. */
  readonly reference?: true
}

export interface Member {
  readonly claim: Claim
  /** The quantity of the claim this group is about, for numeric groups. */
  readonly quantity: Quantity | null
  /** `quantity` in the group's reference unit; absent or null when no conversion applies. */
  readonly normalized?: Normalized | null
  /**
   * What the figure counts in the group's words, when the matcher read its counted word as the group's
   * ("ships" as "vessel", by the lexicon): judgement then does not take the two words for two things.
   */
  readonly countedAs?: string | null
}

/** One thing that made two claims look alike (or apart), with how much it counted. */
export interface Reason {
  readonly kind:
    | "entity"
    | "actor"
    | "word"
    | "counted"
    | "measure"
    | "unit"
    | "rate"
    | "time"
    | "polarity"
    | "attribution"
  /** Readable: `"the North" = "North Korea" (gazetteer alias)`, `"dismantle" ~ "remove" (WordNet hypernym)`. */
  readonly detail: string
  /** Contribution to the pair's score; 0 for facts that were checked but did not move it. */
  readonly weight: number
}

/** The comparison of two members of a group. */
export interface PairScore {
  readonly a: ClaimId
  readonly b: ClaimId
  /** 0..1; pairs at or above the matcher's threshold align. */
  readonly score: number
  readonly reasons: ReadonlyArray<Reason>
  /** The two claims state opposite actions or polarities ("withdrew" / "deployed"). */
  readonly opposite: boolean
}

export interface AlignedGroup {
  readonly kind: "numeric" | "statement"
  /** The blocking key the group was formed on, readable ("troop|-|-"). */
  readonly key: string
  readonly members: ReadonlyArray<Member>
  /** What matched (names, words, units, times), for the report to show. */
  readonly reasons: ReadonlyArray<string>
  /** Every compared pair of members that linked the group, with its structured reasons. */
  readonly pairs?: ReadonlyArray<PairScore>
  /** The group's cohesion: the mean score of its linking pairs. */
  readonly score?: number
  /** The story its claims come from; null when a statement group spans stories (the strict cross-story rule). */
  readonly storyId?: string | null
}
