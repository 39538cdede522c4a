/**
 * Findings for aligned groups: counts independent sources (syndicated copies once), judges every
 * pair across sources by the one pair judgement (PairVerdict), and writes summary, explanation, timeline.
 */
import {
  type AlignedGroup,
  type Claim,
  type Document,
  type Finding,
  Ids,
  MeasureClass,
  Quantity,
  Units,
} from "@crosscheck/domain"
import * as Comparison from "./Comparison.js"
import {
  type Context,
  clip,
  crossPairs,
  describeQuantity,
  describeTime,
  describeVoice,
  labelFor,
  make as makeContext,
  type Nests,
  outletOf,
  sourceLabel,
  sourceOf,
} from "./internal/context.js"
import * as Holders from "./internal/holders.js"
import * as TimeScope from "./internal/timeScope.js"
import * as PairVerdict from "./PairVerdict.js"
import type { RuleName } from "./Rules.js"
import * as Rules from "./Rules.js"

export type { Nests } from "./internal/context.js"

export interface Options {
  /** Which measure classes are parts of which (deaths of casualties); by default the domain's MeasureClass catalogue. */
  readonly nests?: Nests
}

/** Nesting read from a catalogue of classes with their parents ({ deaths: { parent: "casualties" } }). */
export const nestingOf =
  (classes: Readonly<Record<string, { readonly parent: string | null }>>): Nests =>
  (whole, part) => {
    const seen = new Set<string>()
    for (let c = classes[part]?.parent ?? null; c !== null && !seen.has(c); c = classes[c]?.parent ?? null) {
      if (c === whole) return true
      seen.add(c)
    }
    return false
  }

/** At most this many claims are spelled out in one explanation; the rest are counted. */
const LISTED = 6

const VERDICT_WORD: Record<Finding.Verdict, string> = {
  agree: "Agree",
  contradict: "Contradict",
  disputed: "Disputed",
  compatible: "Compatible",
  changed: "Changed",
  "single-source": "Single source",
}

/** The independent sources of a group, each with the claims and outlets behind it. */
const bySource = (ctx: Context, members: ReadonlyArray<AlignedGroup.Member>) => {
  const sources = new Map<string, AlignedGroup.Member[]>()
  for (const m of members) {
    const key = sourceOf(ctx, m.claim)
    sources.set(key, [...(sources.get(key) ?? []), m])
  }
  return [...sources.values()]
}

const topic = (group: AlignedGroup.AlignedGroup): string => {
  const quantities = group.members.flatMap((m) => (m.quantity ? [m.quantity] : []))
  // What the figures count, from one that names it: "three others" and "40 people" name nothing the
  // class does not ("injured", "deaths").
  const naming = quantities.find((x) => {
    const head = MeasureClass.countedHead(x.counted)
    return head !== null && !Holders.isRemainder(x) && !MeasureClass.isGenericFor(Quantity.measureOf(x).class, head)
  })
  const q = naming ?? quantities[0]
  if (group.kind === "numeric" && q) {
    const known = quantities.map((x) => Quantity.measureOf(x).class).find((c) => MeasureClass.isKnown(c))
    // A calendar day says nothing by its unit: the class it dates does ("reopening date").
    const dated = q.unit === Units.DATE ? MeasureClass.label(Quantity.measureOf(q).class) : null
    const classed = !naming && known && q.unit === null ? MeasureClass.label(known) : null
    const thing = classed ?? q.counted ?? dated ?? q.unit ?? "quantity"
    const unit = q.unit && q.counted && q.unit !== q.counted ? ` (${q.unit})` : ""
    return `${thing}${unit}${q.per ? ` per ${q.per}` : ""}`
  }
  const shortest = [...group.members].sort((a, b) => a.claim.text.length - b.claim.text.length)[0]?.claim
  return shortest ? `"${clip(shortest.attribution.content?.text ?? shortest.text, 100)}"` : group.key
}

const summarise = (ctx: Context, group: AlignedGroup.AlignedGroup, verdict: Finding.Verdict): string => {
  const sides = bySource(ctx, group.members).map((ms) => {
    const label = sourceLabel(
      ctx,
      ms.map((m) => m.claim),
    )
    // A new round shows the total its sentence gives, which the judgement compared (total-after-round).
    const shown = (q: Quantity.Quantity, c: Claim.Claim) => {
      const total = PairVerdict.totalAfter(c, q)
      return total ? `${q.text} (total ${total.text})` : q.text
    }
    const values = [...new Set(ms.flatMap((m) => (m.quantity ? [shown(m.quantity, m.claim)] : [])))]
    const challenged = ms.find((m) => m.claim.attribution.stance !== "asserts")?.claim
    const stance = challenged
      ? ` (${challenged.attribution.source?.text ?? "a party"} ${challenged.attribution.stance === "denies" ? "denies" : "disputes"})`
      : ""
    return `${label}${values.length > 0 ? `: ${values.join(", ")}` : ""}${stance}`
  })
  return `${VERDICT_WORD[verdict]}: ${topic(group)} — ${sides.join(" vs ")}`
}

/** Each independent source's values, voice and time; copies of one story saying the same are listed once. */
const listClaims = (ctx: Context, members: ReadonlyArray<AlignedGroup.Member>): string => {
  const entries = new Map<string, { claims: Claim.Claim[]; text: string }>()
  for (const m of members) {
    const value = m.quantity ? `${describeQuantity(m.quantity)}, ` : ""
    const text = `${value}${describeVoice(m.claim)}, ${describeTime(m.claim)}`
    const key = `${sourceOf(ctx, m.claim)}\u0000${text}`
    const entry = entries.get(key) ?? { claims: [], text }
    entry.claims.push(m.claim)
    entries.set(key, entry)
  }
  const all = [...entries.values()]
  const lines = all.slice(0, LISTED).map((e) => `${sourceLabel(ctx, e.claims)}: ${e.text}`)
  const rest = all.length > LISTED ? `; and ${all.length - LISTED} more` : ""
  return `${lines.join("; ")}${rest}`
}

interface Decided {
  readonly verdict: Finding.Verdict
  readonly rule: RuleName
  readonly why: string
  /** The two claims whose pair makes the verdict, cited first in the finding. */
  readonly pair?: readonly [Claim.Claim, Claim.Claim]
  /** An agreement that looser figures of the group fit (see `decide`): the pair verdict it overrode. */
  readonly looser?: Decided
}

/** Which pair decides a group: a dispute, then a contradiction, a change over time, looser fits, agreement. */
const PRIORITY: ReadonlyArray<PairVerdict.Verdict> = ["disputed", "contradict", "changed", "compatible", "agree"]

/** Pairs of members and whether they are one source's own points of a figure (`within`) or across sources. */
interface Pairs {
  readonly pairs: ReadonlyArray<readonly [AlignedGroup.Member, AlignedGroup.Member]>
  readonly within: boolean
}

const acrossSources = (ctx: Context, members: ReadonlyArray<AlignedGroup.Member>): Pairs => ({
  pairs: crossPairs(ctx, members),
  within: false,
})

/**
 * The group's verdict from its pairs across independent sources (or, with `within`, from the pairs of
 * one source: its articles, or one article's figures for different times), the first verdict of
 * `priority` that a pair gives deciding; null when no pair says anything about another.
 */
const decide = (
  ctx: Context,
  members: ReadonlyArray<AlignedGroup.Member>,
  { pairs, within }: Pairs,
  priority: ReadonlyArray<PairVerdict.Verdict> = PRIORITY,
): Decided | null => {
  const label = (c: Claim.Claim) => labelFor(ctx, members, c)
  const judged = pairs.map(([a, b]) => {
    const pair = PairVerdict.judge(ctx, a, b, label)
    const heldByOne = pair.verdict === "contradict" && !within && givesBoth(ctx, members, a, b, label)
    const marked = pair.verdict === "contradict" && !within && !heldByOne ? movingSide(ctx, members, a, b, label) : null
    if (marked)
      return {
        a,
        b,
        heldByOne: null,
        ...pair,
        verdict: "changed" as const,
        rule: "count-moving",
        why: `${pair.why}; but ${label(marked.claim)}, giving the figure of one side, says the count is still moving ("${PairVerdict.movingWords(marked.claim)[0]}"): two points of one running count, not a contradiction`,
      }
    return heldByOne
      ? {
          a,
          b,
          heldByOne,
          ...pair,
          verdict: "changed" as const,
          rule: "source-gives-both",
          why: `${pair.why}; but ${sourceLabel(ctx, [heldByOne.claim])} gives both figures itself, so the figure moved (or was revised) in its own reporting rather than the sources disagreeing`,
        }
      : { a, b, heldByOne: null, ...pair }
  })
  // A pair that is not one amount (a place's part of the whole, a new round beside a total, a forecast
  // beside a fact) says only that the group took in more than one figure: it decides only when no other
  // pair agrees, conflicts or changes.
  const decisive = judged.filter((j) => !Rules.decidesLast(j.rule))
  const pick = (from: typeof judged) =>
    priority.map((v) => from.find((j) => j.verdict === v)).find((j) => j !== undefined)
  const picked = pick(decisive) ?? pick(judged)
  // Two sources that give one figure, to its rounding ("about 2,600 metres" and "about 2,600 metres"), agree
  // though a third gives a looser one that fits ("above 1,500 metres"): the agreement is decided, with the
  // looser fit it overrode kept beside it (`looser`), so the group's findings show both (see `looserFits`).
  // One bound or one span said alike ("less than 50 metres", "under 50 metres"; "until the end of
  // February" twice) is one figure too. Figures that meet only through what "about" allows ("about 45,000",
  // 44,200), vague magnitudes, and bounds or spans that differ stay compatible.
  const oneFigure = (a: Quantity.Quantity | null, b: Quantity.Quantity | null) => {
    if (a === null || b === null) return false
    const shape = Comparison.shapeOf(a)
    if (shape !== Comparison.shapeOf(b) || shape === "magnitude") return false
    if (shape === "range") return a.unit === b.unit && a.low === b.low && a.high === b.high
    return (shape === "value" || a.approximate === b.approximate) && Comparison.withinRounding(a, b)
  }
  const agreed =
    picked?.verdict === "compatible"
      ? decisive.find((j) => j.verdict === "agree" && oneFigure(j.a.quantity, j.b.quantity))
      : undefined
  const decided = agreed ?? picked
  if (!decided?.verdict) return null
  const looser: Decided | undefined =
    agreed && picked?.verdict === "compatible"
      ? { verdict: "compatible", rule: picked.rule, why: picked.why, pair: [picked.a.claim, picked.b.claim] }
      : undefined
  const others = judged.filter((j) => j !== decided && j.verdict !== decided.verdict).map((j) => j.why)
  const noted = others.length > 0 ? ` Other pairs: ${others.slice(0, LISTED).join("; ")}.` : ""
  // A hedged report of the same fact still agrees with a firm one; the explanation says which is hedged.
  const hedged =
    decided.verdict === "agree" && decided.a.claim.attribution.hedged !== decided.b.claim.attribution.hedged
      ? ` ${outletOf(ctx, (decided.a.claim.attribution.hedged ? decided.a : decided.b).claim)} hedges it where ${outletOf(ctx, (decided.a.claim.attribution.hedged ? decided.b : decided.a).claim)} states it firmly.`
      : ""
  return {
    verdict: decided.verdict,
    rule: decided.rule,
    why: `${decided.why}.${hedged}${noted}`,
    pair: [decided.a.claim, decided.b.claim],
    ...(looser ? { looser } : {}),
  }
}

/** A member of the group that tells something about the pair (a, b) of a conflict, or null. */
type SideOf = (
  ctx: Context,
  members: ReadonlyArray<AlignedGroup.Member>,
  a: AlignedGroup.Member,
  b: AlignedGroup.Member,
  label: PairVerdict.Label,
) => AlignedGroup.Member | null

/**
 * A figure of a's source (or b's) that agrees with the other side: that source states both values itself
 * ("had forecast 2.1 million", "now 1.4 million"; "reducing the toll to seven, from eight"), so the two
 * sources are not at odds. The source's figures are its members' and the other figures of their sentences.
 */
const givesBoth: SideOf = (ctx, members, a, b, label) => {
  for (const [mine, other] of [
    [a, b],
    [b, a],
  ] as const) {
    const source = sourceOf(ctx, mine.claim)
    const figures = members
      .filter((m) => sourceOf(ctx, m.claim) === source)
      .flatMap((m) => [
        ...(m === mine ? [] : [m]),
        ...m.claim.quantities.filter((q) => q !== m.quantity).map((quantity) => ({ claim: m.claim, quantity })),
      ])
    // A figure its own sentence sets aside ("only two, not the six the company says") is a rival's,
    // reported as disputed, not one the source gave itself.
    const also = figures.find(
      (m) =>
        m.quantity !== null &&
        !Holders.isRejected(PairVerdict.textBefore({ ...m, quantity: m.quantity })) &&
        PairVerdict.judge(ctx, m, other, label).verdict === "agree",
    )
    if (also) return also
    // "cut the night guards from four to two": the figure a change started from is the source's too, so
    // "there were four guards until April" is its earlier figure, not a rival of "two".
    const earlier = startOf(mine)
    if (earlier && PairVerdict.judge(ctx, earlier, other, label).verdict === "agree") return earlier
  }
  return null
}

/** The figure a change started from ("from four to two": four), as a member of its claim; null for no change. */
const startOf = (m: AlignedGroup.Member): AlignedGroup.Member | null => {
  if (!m.quantity || m.quantity.from === undefined) return null
  const { from, ...rest } = m.quantity
  return { ...m, quantity: { ...rest, low: from, high: from, approximate: "exact" } }
}

/**
 * Another member of the group that says its running count is still moving ("by early evening, officials
 * were reporting about 200 arrests") and agrees with one side of a conflict between two such counts: the
 * coverage itself shows the count moving, so the two are points of it (rule count-moving), as when one of
 * the two says so (PairVerdict).
 */
const movingSide: SideOf = (ctx, members, a, b, label) => {
  if (!a.quantity || !b.quantity || !PairVerdict.tallies(a.quantity, b.quantity)) return null
  return (
    members.find(
      (m) =>
        m !== a &&
        m !== b &&
        m.quantity !== null &&
        PairVerdict.movingWords(m.claim).length > 0 &&
        [a, b].some(
          (side) =>
            side.claim.documentId !== m.claim.documentId && PairVerdict.judge(ctx, m, side, label).verdict === "agree",
        ),
    ) ?? null
  )
}

/** Pairs of one source's members that may be two points of one figure: other articles, or other written times. */
const pointsOf = (
  members: ReadonlyArray<AlignedGroup.Member>,
): ReadonlyArray<readonly [AlignedGroup.Member, AlignedGroup.Member]> =>
  members.flatMap((a, i) =>
    members
      .slice(i + 1)
      .filter((b) => a.claim.documentId !== b.claim.documentId || a.claim.time?.text !== b.claim.time?.text)
      .map((b) => [a, b] as const),
  )

/** A changed figure's levels in time order: when each was for (or its article's day), and who gave it. */
const timeline = (ctx: Context, members: ReadonlyArray<AlignedGroup.Member>): ReadonlyArray<Finding.TimelineEntry> =>
  members
    .flatMap((m) => {
      // A new round alone ("another 10 bodies") is no level of the figure; the total it brings is.
      const level = PairVerdict.standing(m)
      if (!level) return []
      const place = TimeScope.placeOf(m.claim, ctx.documents)
      const when = place && "start" in place ? new Date(place.start).toISOString().slice(0, 10) : null
      return [
        {
          claimId: m.claim.id,
          documentId: m.claim.documentId,
          outlet: outletOf(ctx, m.claim),
          value: level.text,
          low: level.low,
          high: level.high,
          time: when,
          defaulted: place !== null && "defaulted" in place ? place.defaulted : false,
          ...(m.claim.time && !m.claim.time.defaulted && m.claim.time.text ? { written: m.claim.time.text } : {}),
          published: ctx.documents.get(m.claim.documentId)?.publishedAt ?? "",
        },
      ]
    })
    // A level whose time is only relative ("several months later": what points back is placed by the
    // extractor) comes after those placed on a day.
    .sort((x, y) => (x.time ?? "\uffff").localeCompare(y.time ?? "\uffff") || x.published.localeCompare(y.published))
    .map(({ published: _, ...entry }) => entry)

/** A stray set apart from a group's verdict, with the rule of its first pair that says it is not one figure with another. */
interface SetApart {
  readonly member: AlignedGroup.Member
  readonly rule: RuleName
}

/**
 * The members of a numeric group that say something about another source's figure, and the strays
 * that say nothing about any (every pair verdict across sources null: "different measures", "not one
 * measurement", "different places"…), each with the rule of its first such pair. Alignment let a stray
 * in through a looser link; set apart, it neither turns an agreement into a contradiction nor hides
 * the pair that decides. Removing a stray may leave another with nothing to say, so it repeats.
 */
const strays = (
  ctx: Context,
  members: ReadonlyArray<AlignedGroup.Member>,
): { readonly kept: ReadonlyArray<AlignedGroup.Member>; readonly apart: ReadonlyArray<SetApart> } => {
  const label = (c: Claim.Claim) => labelFor(ctx, members, c)
  const verdicts = new Map<string, PairVerdict.PairVerdict>()
  const key = (a: AlignedGroup.Member, b: AlignedGroup.Member) => `${a.claim.id}\u0000${b.claim.id}`
  for (const [a, b] of crossPairs(ctx, members)) {
    const v = PairVerdict.judge(ctx, a, b, label)
    verdicts.set(key(a, b), v)
    verdicts.set(key(b, a), v)
  }
  let kept = [...members]
  const apart: SetApart[] = []
  for (let changed = true; changed; ) {
    changed = false
    for (const m of kept) {
      const pairs = kept.flatMap((o) => {
        const v = o === m ? undefined : verdicts.get(key(m, o))
        return v ? [v] : []
      })
      if (pairs.length === 0 || pairs.some((v) => v.verdict !== null)) continue
      apart.push({ member: m, rule: pairs[0]?.rule ?? "not-one-measurement" })
      kept = kept.filter((o) => o !== m)
      changed = true
      break
    }
  }
  return { kept, apart }
}

/** The finding on some of a group's members with its verdict decided; null with fewer than two claims. */
const findingOf = (
  group: AlignedGroup.AlignedGroup,
  members: ReadonlyArray<AlignedGroup.Member>,
  ctx: Context,
  split: string,
  judged: Decided,
  sides?: ReadonlyArray<ReadonlyArray<AlignedGroup.Member>>,
): Finding.Finding | null => {
  const claimIds = members.map((m) => m.claim.id)
  const reasons = group.reasons.length > 0 ? `Aligned because: ${group.reasons.join("; ")}. ` : ""
  // The pair that makes the verdict is cited first; the id stays that of the group's claims in their order.
  const cited = judged.pair ? [judged.pair[0].id, judged.pair[1].id] : []
  const ordered = [...cited, ...claimIds.filter((id) => !cited.includes(id))]
  const [first, second, ...rest] = ordered
  if (first === undefined || second === undefined) return null
  return {
    id: Ids.findingId(group.key, ...claimIds),
    verdict: judged.verdict,
    claimIds: [first, second, ...rest],
    independentSources: new Set(members.map((m) => sourceOf(ctx, m.claim))).size,
    summary: summarise(ctx, { ...group, members }, judged.verdict),
    explanation: `${reasons}Claims: ${listClaims(ctx, members)}. ${split}Rule ${judged.rule}: ${judged.why}${/[.!?]$/.test(judged.why) ? "" : "."}`,
    rule: judged.rule,
    ...(judged.verdict === "changed" ? { timeline: timeline(ctx, members) } : {}),
    ...sidesField(members, judged.verdict, sides),
    ...figuresField(members, [first, second, ...rest]),
  }
}

/**
 * The figure of each claim a numeric finding weighs, in the order of its claims: a sentence may give
 * several ("More than 200 firefighters fought the blaze for nine hours"), and a reader, or a tool,
 * needs to know which one the verdict is on. Absent for statements.
 */
const figuresField = (
  members: ReadonlyArray<AlignedGroup.Member>,
  order: ReadonlyArray<Claim.Claim["id"]>,
): { readonly figures?: ReadonlyArray<Finding.Figure> } => {
  const figures = order.flatMap((id) => {
    const q = members.find((m) => m.claim.id === id)?.quantity
    return q ? [{ claimId: id, text: q.text, span: q.span }] : []
  })
  return figures.length > 0 ? { figures } : {}
}

/**
 * A finding's `sides` (docs/report-format.md): a contradiction's positions as `sidesOf` found them; a
 * dispute's, the claims that assert against those that report it denied or called false. Absent for
 * other verdicts, and when a side would be empty.
 */
const sidesField = (
  members: ReadonlyArray<AlignedGroup.Member>,
  verdict: Finding.Verdict,
  sides: ReadonlyArray<ReadonlyArray<AlignedGroup.Member>> | undefined,
): { readonly sides?: ReadonlyArray<readonly [Ids.ClaimId, ...Ids.ClaimId[]]> } => {
  const positions =
    verdict === "contradict"
      ? (sides ?? [])
      : verdict === "disputed"
        ? [
            members.filter((m) => !PairVerdict.isChallenged(m.claim)),
            members.filter((m) => PairVerdict.isChallenged(m.claim)),
          ]
        : []
  const ids = positions.map((side) => [...new Set(side.map((m) => m.claim.id))])
  const nonEmpty = ids.filter((side): side is [Ids.ClaimId, ...Ids.ClaimId[]] => side.length > 0)
  return nonEmpty.length >= 2 && nonEmpty.length === ids.length ? { sides: nonEmpty } : {}
}

/** Whether two members of a group give one figure: their pair verdict is an agreement. */
const agreeing =
  (ctx: Context, members: ReadonlyArray<AlignedGroup.Member>) =>
  (m: AlignedGroup.Member, o: AlignedGroup.Member): boolean =>
    PairVerdict.judge(ctx, m, o, (c) => labelFor(ctx, members, c)).verdict === "agree"

/** Members in figures: each member joins the first figure all of whose members it agrees with, in order. */
const figuresOf = (
  members: ReadonlyArray<AlignedGroup.Member>,
  agrees: (m: AlignedGroup.Member, o: AlignedGroup.Member) => boolean,
): ReadonlyArray<ReadonlyArray<AlignedGroup.Member>> => {
  const figures: AlignedGroup.Member[][] = []
  for (const m of members) {
    const figure = figures.find((f) => f.every((o) => agrees(m, o)))
    if (figure) figure.push(m)
    else figures.push([m])
  }
  return figures
}

/**
 * A conflict's positions: `sides`, each the figures that agree with one side's figure and not with the
 * other's, and `agreements`, the sides two independent sources give.
 */
interface Sides {
  readonly sides: ReadonlyArray<ReadonlyArray<AlignedGroup.Member>>
  readonly agreements: ReadonlyArray<ReadonlyArray<AlignedGroup.Member>>
}

/**
 * The sides of a conflict: the deciding pair's two figures, each with the other figures that agree with it
 * and not with the other, and a third figure that agrees with neither but contradicts one of them ("nine"
 * against "seven", and "four" from two outlets), with the figures that agree with it. A figure that fits
 * both sides, or neither without contradicting either, is on no side. A side two independent sources give
 * ("900" and "about 900" against "more than 1,100") is also an agreement of its own (rule agreeing-sides),
 * so a conflict neither hides an agreement nor reads as the sources that agree being at odds.
 */
const sidesOf = (ctx: Context, members: ReadonlyArray<AlignedGroup.Member>, judged: Decided): Sides | null => {
  const [x, y] = (judged.pair ?? []).map((c) => members.find((m) => m.claim === c))
  // A conflict that one source's own figures turn into a change (source-gives-both), or that a count said
  // to be moving does (count-moving), still has sides: the sources that agree on the figure it now stands
  // at (or stood at) agree, whoever also gave the other.
  const conflict =
    judged.verdict === "contradict" || judged.rule === "source-gives-both" || judged.rule === "count-moving"
  if (!conflict || !x || !y) return null
  const label = (c: Claim.Claim) => labelFor(ctx, members, c)
  const verdict = (m: AlignedGroup.Member, o: AlignedGroup.Member) => PairVerdict.judge(ctx, m, o, label).verdict
  // Each other member judged once against each side's figure.
  const rest = members.filter((m) => m !== x && m !== y).map((m) => ({ m, x: verdict(m, x), y: verdict(m, y) }))
  const third = figuresOf(
    rest.filter((r) => r.x !== "agree" && r.y !== "agree").map((r) => r.m),
    agreeing(ctx, members),
  )
  const opposed = new Set(rest.filter((r) => r.x === "contradict" || r.y === "contradict").map((r) => r.m))
  const sides = [
    [x, ...rest.filter((r) => r.x === "agree" && r.y !== "agree").map((r) => r.m)],
    [y, ...rest.filter((r) => r.y === "agree" && r.x !== "agree").map((r) => r.m)],
    ...third.filter((figure) => figure.some((m) => opposed.has(m))),
  ]
  const sources = (ms: ReadonlyArray<AlignedGroup.Member>) => new Set(ms.map((m) => sourceOf(ctx, m.claim))).size
  return { sides, agreements: [...sides.slice(0, 2), ...third].filter((side) => sources(side) >= 2) }
}

/**
 * A contradiction's members: those on one of its sides. A figure on no side (one that fits both, an
 * addition to an earlier figure, a part) is not what the sources are at odds on, and its claim, which
 * may give another figure too ("84 dogs, about 30 of them puppies"), is left out of the conflict.
 */
const onSides = (
  members: ReadonlyArray<AlignedGroup.Member>,
  listed: ReadonlyArray<ReadonlyArray<AlignedGroup.Member>> | undefined,
): ReadonlyArray<AlignedGroup.Member> => {
  if (!listed) return members
  const on = new Set(listed.flat())
  return members.filter((m) => on.has(m))
}

/**
 * The findings on one group: its verdict's, and when that is a conflict whose sides two sources each
 * agree on, an agreement for each such side (see `sidesOf`). A contradiction lists its sides.
 */
const judgeMembers = (
  group: AlignedGroup.AlignedGroup,
  members: ReadonlyArray<AlignedGroup.Member>,
  ctx: Context,
  split: string,
): ReadonlyArray<Finding.Finding> => {
  const judged = judgeWhole(group, members, ctx)
  if (!judged) return []
  const fits = looserFits(group, members, ctx, split, judged)
  if (fits) return fits
  const sides = sidesOf(ctx, members, judged)
  const listed = judged.verdict === "contradict" ? sides?.sides : undefined
  if (!sides || sides.agreements.length === 0)
    return [findingOf(group, onSides(members, listed), ctx, split, judged, listed)].filter((f) => f !== null)
  const agreements = sides.agreements.flatMap((side) => {
    const agreed = decide(ctx, side, acrossSources(ctx, side))
    const f = agreed ? findingOf(group, side, ctx, "", agreed) : null
    return f ? [f] : []
  })
  const note = `Rule agreeing-sides: the sources that agree on one side's figure are judged in ${agreements.length === 1 ? "a finding" : "findings"} of their own (${agreements.map((f) => f.verdict).join(", ")}); this finding keeps the ${judged.verdict === "changed" ? "change" : "conflict"}${listed ? ", side by side" : ""}. `
  const conflict = findingOf(group, onSides(members, listed), ctx, `${split}${note}`, judged, listed)
  return conflict ? [conflict, ...agreements] : agreements
}

/**
 * An agreement that looser figures fit ("about 140" from two sources, "more than 60" from a third): the
 * sources that give the one figure agree, in a finding of their own, and the group as a whole is the
 * looser fit (rule looser-fit), so neither the agreement hides the looser figure nor the looser figure the
 * agreement. Null when the judgement is no such agreement, or every figure agrees with it.
 */
const looserFits = (
  group: AlignedGroup.AlignedGroup,
  members: ReadonlyArray<AlignedGroup.Member>,
  ctx: Context,
  split: string,
  judged: Decided,
): ReadonlyArray<Finding.Finding> | null => {
  const [x, y] = (judged.pair ?? []).map((c) => members.find((m) => m.claim === c))
  if (!judged.looser || !x || !y) return null
  const agrees = agreeing(ctx, members)
  const side = members.filter((m) => m === x || m === y || (agrees(m, x) && agrees(m, y)))
  if (side.length === members.length) return null
  const { looser, ...agreed } = judged
  const agreement = findingOf(group, side, ctx, "", agreed)
  const note = `Rule looser-fit: the sources that give one figure agree in a finding of their own (agree); this finding holds the looser figures that fit it. `
  const whole = findingOf(group, members, ctx, `${split}${note}`, looser)
  return [whole, agreement].filter((f) => f !== null)
}

/** The verdict on one group's members, or null without two distinct claims from two documents or without comparable values. */
const judgeWhole = (
  group: AlignedGroup.AlignedGroup,
  members: ReadonlyArray<AlignedGroup.Member>,
  ctx: Context,
): Decided | null => {
  if (members.length < 2) return null
  const documents = new Set(members.map((m) => m.claim.documentId)).size
  const sources = new Set(members.map((m) => sourceOf(ctx, m.claim))).size
  // One source's own figure at two times (an update, or one article's then and now) is a timeline.
  const update =
    sources < 2 && group.kind === "numeric" ? decide(ctx, members, { pairs: pointsOf(members), within: true }) : null
  // Otherwise a finding rests on claims from at least two documents (docs/report-format.md), even if only copies.
  if (update?.verdict !== "changed" && documents < 2) return null
  const judged: Decided | null =
    update?.verdict === "changed"
      ? update
      : sources < 2
        ? {
            verdict: "single-source",
            rule: "one-source",
            why: `every claim comes from ${sourceLabel(
              ctx,
              members.map((m) => m.claim),
            )}, one independent source, so nothing here is checked against anything else`,
          }
        : decide(ctx, members, acrossSources(ctx, members))
  return judged
}

/**
 * A group's members in time slices: each slice holds figures every pair of which is for one time (the
 * same written date, or articles of one day), in time order; a figure not placed in time is a slice of its own.
 */
const slicesOf = (
  ctx: Context,
  members: ReadonlyArray<AlignedGroup.Member>,
): ReadonlyArray<ReadonlyArray<AlignedGroup.Member>> => {
  const startOf = (m: AlignedGroup.Member): number => {
    const place = TimeScope.placeOf(m.claim, ctx.documents)
    return place && "start" in place ? place.start : Number.POSITIVE_INFINITY
  }
  const ordered = members.map((m) => ({ m, start: startOf(m) })).sort((x, y) => x.start - y.start)
  const slices: AlignedGroup.Member[][] = []
  for (const { m } of ordered) {
    const slice = slices.find((s) =>
      s.every((o) => {
        // A new round is placed as the total its sentence brings the count to, a running count too.
        const [qm, qo] = [PairVerdict.standing(m), PairVerdict.standing(o)]
        const tally = qm && qo ? PairVerdict.tallies(qm, qo) : false
        return TimeScope.relate(m.claim, o.claim, ctx.documents, { tally }).relation === "same"
      }),
    )
    if (slice) slice.push(m)
    else slices.push([m])
  }
  return slices
}

/**
 * A figure reported by several sources at several times ("640 jobs" and "850" on Monday, "840" from two
 * outlets a month later): one `changed` finding with the timeline over every time, and, for each time that
 * two sources report, a finding of its own on whether they agree then (rule time-slices). Null when no pair
 * across times is a change, and the group is judged whole.
 */
const byTime = (
  group: AlignedGroup.AlignedGroup,
  members: ReadonlyArray<AlignedGroup.Member>,
  ctx: Context,
  split: string,
): ReadonlyArray<Finding.Finding> | null => {
  const sourcesOf = (ms: ReadonlyArray<AlignedGroup.Member>) => new Set(ms.map((m) => sourceOf(ctx, m.claim))).size
  if (sourcesOf(members) < 2) return null
  const slices = slicesOf(ctx, members)
  if (slices.length < 2) return null
  const sliceOf = new Map(slices.flatMap((s, i) => s.map((m) => [m, i] as const)))
  const across = crossPairs(ctx, members).filter(([a, b]) => sliceOf.get(a) !== sliceOf.get(b))
  const changed = decide(ctx, members, { pairs: across, within: false }, ["changed"])
  if (changed?.verdict !== "changed") return null
  const atTimes = slices.flatMap((s) => {
    if (sourcesOf(s) < 2) return []
    return judgeMembers(group, s, ctx, "").filter((f) => f.verdict !== "changed")
  })
  // A dispute that goes on is not a figure that moved: when one time's sources conflict and every figure
  // of the other times repeats one of the disputed ones exactly ("240" and "410" on Wednesday, "240"
  // again on Thursday), the group is one conflict, judged whole.
  const same = (m: AlignedGroup.Member, o: AlignedGroup.Member) =>
    m.quantity !== null &&
    o.quantity !== null &&
    m.quantity.low === o.quantity.low &&
    m.quantity.high === o.quantity.high &&
    m.quantity.unit === o.quantity.unit
  const disputed = new Set(
    atTimes
      .filter((f) => f.verdict === "contradict")
      .flatMap((f) => members.filter((m) => f.claimIds.includes(m.claim.id))),
  )
  // Two times that each hold a conflict of their own ("17" against "14" on Monday, "11" against "three" on
  // Thursday) are not one dispute going on, unless each time's figures are the other's again.
  const elsewhere = (m: AlignedGroup.Member) =>
    [...disputed].some((o) => sliceOf.get(o) !== sliceOf.get(m) && same(m, o))
  const repeats =
    members.every((m) => disputed.has(m) || [...disputed].some((o) => same(m, o))) &&
    (members.some((m) => !disputed.has(m)) || members.every(elsewhere))
  if (disputed.size > 0 && repeats) return null
  // A figure that another source contradicted at its own time still held when a source gives it again at
  // another time ("about 1,200 homes" against "more than 3,000" on Monday, "about 1,200" again on Tuesday):
  // the conflict of Monday is a finding of its own, and so is the agreement.
  const held = heldFigures(group, members, ctx, sliceOf)
  // A time's agreement that a held figure takes in is that figure's finding, not one of its own.
  const within = (f: Finding.Finding) => held.some((h) => f.claimIds.every((id) => h.claimIds.includes(id)))
  const perTime = [...atTimes.filter((f) => f.verdict !== "agree" || !within(f)), ...held]
  const note =
    perTime.length > 0
      ? `Rule time-slices: the sources' figures for each time${held.length > 0 ? " (and a figure that held across times, rule held-figure)" : ""} are judged in findings of their own (${perTime.map((f) => f.verdict).join(", ")}); this finding follows the figure across times. `
      : ""
  const whole = findingOf(group, members, ctx, `${split}${note}`, changed)
  return whole ? [...perTime, whole] : perTime
}

/**
 * The figures of a group that held across times (rule held-figure): members that all agree with each
 * other, given by at least two independent sources at more than one time ("412,000 members" on Monday and
 * again on Wednesday, beside a figure that moved), none of them in a conflict of its own time. Each is an
 * agreement of its own, so the figure's change elsewhere in the group does not hide that the sources agree
 * on it.
 */
const heldFigures = (
  group: AlignedGroup.AlignedGroup,
  members: ReadonlyArray<AlignedGroup.Member>,
  ctx: Context,
  sliceOf: ReadonlyMap<AlignedGroup.Member, number>,
): ReadonlyArray<Finding.Finding> => {
  const agrees = agreeing(ctx, members)
  return figuresOf(
    members.filter((m) => m.quantity !== null),
    agrees,
  ).flatMap((figure) => {
    const sources = new Set(figure.map((m) => sourceOf(ctx, m.claim))).size
    const times = new Set(figure.map((m) => sliceOf.get(m))).size
    if (sources < 2 || times < 2) return []
    const agreed = decide(ctx, figure, acrossSources(ctx, figure), ["agree"])
    if (agreed?.verdict !== "agree") return []
    const note = `Rule held-figure: these sources give one figure at ${times} times, while other figures of the group moved. `
    const f = findingOf(group, figure, ctx, note, agreed)
    return f ? [f] : []
  })
}

/**
 * The findings on one group, judged without its strays (see `strays`), saying by rule strays-set-apart
 * which figures were set apart from it and why; a figure reported at several times gets one finding per
 * time and one for its timeline (see `byTime`).
 */
const judgeGroup = (group: AlignedGroup.AlignedGroup, ctx: Context): ReadonlyArray<Finding.Finding> => {
  const seen = new Set<string>()
  const members = group.members.filter((m) => !seen.has(m.claim.id) && seen.add(m.claim.id))
  const { kept, apart } = group.kind === "numeric" ? strays(ctx, members) : { kept: members, apart: [] }
  const named = apart
    .slice(0, LISTED)
    .map(
      (x) =>
        `"${x.member.quantity?.text ?? clip(x.member.claim.text, 60)}" (${outletOf(ctx, x.member.claim)}, rule ${x.rule})`,
    )
  const more = apart.length > LISTED ? ` and ${apart.length - LISTED} more` : ""
  const split =
    apart.length === 0
      ? ""
      : `Rule strays-set-apart: the aligned group also held ${named.join(", ")}${more}, which say nothing about any other source's figure here, so they are left out of the verdict. `
  const judgedGroup = apart.length === 0 ? group : { ...group, members: kept }
  const timed = group.kind === "numeric" ? byTime(judgedGroup, kept, ctx, split) : null
  if (timed) return timed
  return judgeMembers(judgedGroup, kept, ctx, split)
}

/** Findings for every aligned group that has at least two distinct claims. */
export const judge = (
  groups: ReadonlyArray<AlignedGroup.AlignedGroup>,
  documents: ReadonlyArray<Document.Document>,
  options: Options = {},
): ReadonlyArray<Finding.Finding> => {
  const ctx = makeContext(documents, options.nests)
  return groups.flatMap((g) => judgeGroup(g, ctx))
}

/** The number of independent sources behind some claims (syndicated copies count once). */
export const independentSources = (
  claims: ReadonlyArray<Claim.Claim>,
  documents: ReadonlyArray<Document.Document>,
): number => {
  const ctx = makeContext(documents)
  return new Set(claims.map((c) => sourceOf(ctx, c))).size
}
