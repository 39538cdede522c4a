/**
 * Groups claims from different documents that are about the same fact. Candidates come from the
 * blocking index; each candidate pair is scored by internal/PairComparison.ts (names, words, actions,
 * quantities, times, with reasons), and groups are joined complete-link under the membership rules.
 */
import { type AlignedGroup, Claim, type Document, MeasureClass, Units } from "@crosscheck/domain"
import * as BlockingIndex from "./BlockingIndex.js"
import * as Features from "./internal/Features.js"
import {
  type Comparison,
  type Ctx,
  compareFeatures,
  compareMeasures,
  compareStatements,
  context,
  isChallenged,
  type Options,
  THRESHOLD,
  withVocabulary,
} from "./internal/PairComparison.js"
import * as Pool from "./internal/Pool.js"
import * as Lexicon from "./Lexicon.js"
import * as Membership from "./Membership.js"
import * as QuantityComparison from "./QuantityComparison.js"

type Group = AlignedGroup.AlignedGroup
type Member = AlignedGroup.Member

export type { Comparison, Options } from "./internal/PairComparison.js"
export { THRESHOLD } from "./internal/PairComparison.js"

let defaultCtx: Ctx | null = null

/**
 * How much a shared word tells, by how rare it is among the claims aligned together: a word in most
 * claims tells nothing. `count` reads the claims' words once their features are extracted; until then,
 * and among fewer than two claims, every word weighs 1. `align` and `explain` both weigh words so.
 */
const rarity = () => {
  const df = new Map<string, number>()
  let total = 0
  return {
    weight: (lemma: string): number => {
      const n = df.get(lemma) ?? 1
      return total < 2 ? 1 : Math.max(0.3, Math.log(1 + total / n) / Math.log(1 + total))
    },
    count: (ctx: Ctx, table: Features.Table, claims: number): void => {
      total = claims
      for (const p of table.claims) {
        const lemmas = new Set<string>()
        for (let i = 0; i < p.words; i++) lemmas.add(ctx.vocabulary.lemmas(table.data[p.at + 3 * i + 2] ?? 0)[0] ?? "")
        for (const l of lemmas) df.set(l, (df.get(l) ?? 0) + 1)
      }
    },
  }
}

/**
 * Explains how two claims relate, even when they are not comparable (then `reasons` says why not).
 * Words weigh by their rarity among `among`, the claims aligned together (as `align` weighs them over
 * its input), or among the two claims alone when it is not given: the score is then the one `align`
 * gave the pair, so an explanation of a pair near the threshold says what alignment decided.
 */
export const explain = (
  a: Claim.Claim,
  b: Claim.Claim,
  documents: ReadonlyArray<Document.Document> = [],
  options: Options = {},
  among: ReadonlyArray<Claim.Claim> = [],
): Comparison => {
  const shared = Object.keys(options).length === 0
  if (shared) defaultCtx ??= context({})
  // The resolver and its patterns are built once; the vocabulary and the weights are this call's own.
  const base = shared && defaultCtx ? defaultCtx : context(options)
  const weights = rarity()
  const ctx = withVocabulary({ ...base, weight: weights.weight })
  const pool = among.length > 0 ? [...among.filter((c) => c.id !== a.id && c.id !== b.id), a, b] : [a, b]
  const table = Features.extract(ctx, pool, documents)
  weights.count(ctx, table, pool.length)
  const pa = table.claims.find((p) => p.claim.id === a.id)
  const pb = table.claims.find((p) => p.claim.id === b.id)
  if (!pa || !pb) return { comparable: false, reasons: [] }
  return compareFeatures(ctx, Features.unpack(ctx, table, pa), Features.unpack(ctx, table, pb))
}

/** A pairwise score with its reasons, or null when the two claims are not about one comparable fact. */
export const compare = (
  a: Claim.Claim,
  b: Claim.Claim,
  documents: ReadonlyArray<Document.Document> = [],
  options: Options = {},
): AlignedGroup.PairScore | null => {
  const c = explain(a, b, documents, options)
  if (!c.comparable) return null
  return { a: a.id, b: b.id, score: c.score, reasons: c.reasons, opposite: c.opposite }
}

/** How many of a statement's rarest content words it is also filed under. */
const RARE_KEYS = 3
/** How many of an item's entities it is filed in the scopes of. */
const SCOPES = 4

/** Tags of an item's keys (`value << 2 | tag`): a lemma set filed in entity scopes only, or everywhere; a concept. */
const IN_SCOPES = 0
const EVERYWHERE = 1
const CONCEPT = 2

/**
 * The keys of an item. A quantity: the concepts of what it counts, and its dimension ("5,000 hectares"
 * meets "12,400 acres of pine"). A statement: its action words and its rarest content words, since
 * claims about one fact may use unrelated verbs ("caused", "allowed"). An action is filed in the plain
 * scope too: a name one outlet gives ("to Westgate") need not keep its claim from another that names nobody.
 */
const keysOf = (
  ctx: Ctx,
  table: Features.Table,
  p: Features.Packed,
  clause: number,
  measure: number,
): ReadonlyArray<number> => {
  const keys: number[] = []
  if (measure >= 0) {
    const m = p.measures[measure]
    if (!m) return keys
    const counted = QuantityComparison.head(m.counted)
    if (counted) keys.push((ctx.vocabulary.set(ctx.lexicon.lemmas(counted)) << 2) | EVERYWHERE)
    const dimension = QuantityComparison.dimensionOf(m.quantity.unit)
    if (dimension) keys.push((ctx.vocabulary.concept(`d:${dimension}`) << 2) | CONCEPT)
    // "fifty cents" meets "0.50 euros": a coin is filed with each currency it is a hundredth of.
    for (const currency of Units.currenciesOfCoin(m.quantity.unit ?? ""))
      keys.push((ctx.vocabulary.concept(`d:${currency}`) << 2) | CONCEPT)
    // A measure class and each class it is part of: deaths meet deaths, and casualties.
    if (MeasureClass.isKnown(m.measure.class))
      for (const c of MeasureClass.ancestry(m.measure.class))
        keys.push((ctx.vocabulary.concept(`m:${c}`) << 2) | CONCEPT)
    return keys
  }
  // Only a statement's keys need its words read back.
  const f = Features.unpack(ctx, table, p, clause)
  const rare = f.words
    .filter((w) => !w.action)
    .sort((x, y) => ctx.weight(y.lemmas[0] ?? "") - ctx.weight(x.lemmas[0] ?? ""))
    .slice(0, RARE_KEYS)
  for (const w of f.words) if (w.action) keys.push((w.set << 2) | EVERYWHERE)
  for (const w of rare) keys.push((w.set << 2) | (f.entities.length === 0 ? EVERYWHERE : IN_SCOPES))
  return keys
}

/**
 * The members with `countedAs` set where their counted word is another the lexicon relates to the group's
 * most used one ("ships" among "vessels"), or a name the other puts before its noun ("H-40s" among "H-40
 * helicopters"), so judgement reads the two as one thing, as alignment did.
 */
const inGroupWords = (lexicon: Lexicon.Service, members: ReadonlyArray<Member>): Member[] => {
  const heads = members.map((m) => {
    const h = QuantityComparison.head(m.quantity?.counted ?? null)
    return h && !MeasureClass.isGenericCounted(h) ? h : null
  })
  const uses = new Map<string, number>()
  for (const h of heads) if (h) uses.set(h, (uses.get(h) ?? 0) + 1)
  if (uses.size < 2) return sumsOneVerbStates(lexicon, members, heads)
  const [word] = [...uses].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0] ?? [""]
  // "H-40s" among "H-40 helicopters": a name one side puts before its noun is the same thing too.
  const named = (h: string, counted: string | null) =>
    QuantityComparison.namedBy(counted, word) ||
    members.some((o, j) => heads[j] === word && QuantityComparison.namedBy(o.quantity?.counted ?? null, h))
  return members.map((m, i) => {
    const h = heads[i]
    // "police officers and volunteers" among "police officers": the coordination counts the group's thing too.
    return h &&
      (h === word ||
        QuantityComparison.countedRelated(lexicon, h, word) ||
        named(h, m.quantity?.counted ?? null) ||
        QuantityComparison.conjunctRelated(lexicon, m.quantity?.counted ?? null, word))
      ? { ...m, countedAs: word }
      : m
  })
}

/**
 * Sums of money, and plain counts, that count nothing named or only "people", stated by one verb of its
 * own in two articles ("customers were overcharged by an average of 300 euros", "overcharged by an average
 * of 85 euros"; "Fourteen people have been checked", "the number of people checked has risen to 31"):
 * `countedAs` is that verb, so judgement reads them as one amount, as alignment did. A light verb ("paid",
 * "is") or one that only moves a level ("rise") says nothing of what a figure is, and a group of one
 * article's figures says nothing across sources.
 */
const sumsOneVerbStates = (
  lexicon: Lexicon.Service,
  members: ReadonlyArray<Member>,
  heads: ReadonlyArray<string | null>,
): Member[] => {
  const verbOf = (m: Member, i: number): string | null => {
    const q = m.quantity
    const p = q?.measure?.predicate ?? null
    return q &&
      heads[i] === null &&
      (q.unit === null || Units.isCurrency(q.unit)) &&
      p &&
      Membership.isContentVerb(lexicon, p)
      ? p
      : null
  }
  const verbs = members.map(verbOf)
  const documents = new Map<string, Set<string>>()
  members.forEach((m, i) => {
    const v = verbs[i]
    if (v) documents.set(v, (documents.get(v) ?? new Set()).add(m.claim.documentId))
  })
  return members.map((m, i) => {
    const v = verbs[i]
    return v && (documents.get(v)?.size ?? 0) >= 2 ? { ...m, countedAs: v } : m
  })
}

const groupKey = (members: ReadonlyArray<Member>, kind: Group["kind"], f: Features.Features, ctx: Ctx): string => {
  if (kind === "numeric") {
    const q = members[0]?.quantity
    const counted = members.map((m) => m.quantity?.counted).find(Boolean)
    const head = counted?.toLowerCase().split(/\s+/).pop()
    const measured = members.map((m) => m.quantity?.measure?.class).find((c) => c && MeasureClass.isKnown(c))
    return `n:${measured ? `${measured}:` : ""}${head ?? "-"}|${q?.unit ?? "-"}|${q?.per ?? "-"}`
  }
  const action = f.words.find((w) => w.action)?.lemmas[0] ?? f.claim.predicate ?? "-"
  const entity = f.entities[0] ? ctx.resolver.nameOf(f.entities[0]) : "-"
  return `s:${action.replace(/_/g, " ")}|${entity}`
}

/** How many readable features of candidates are kept between comparisons. */
const UNPACKED = 4096

/**
 * The items aligned, as columns: a quantity of a claim, or a statement or one of its clauses. The
 * entities and keys of item i are `entities[entityAt[i]..entityAt[i+1])` and likewise for keys.
 * Typed arrays: at 10,000 documents there are 400,000 items, and a plain array's 8-byte slots, grown
 * with slack, held several times what these do.
 */
interface Items {
  readonly size: number
  readonly claim: Int32Array
  /** The clause compared, or -1 for the whole claim. */
  readonly clause: Int32Array
  /** Index into the claim's measures; -1 for a statement item. */
  readonly measure: Int32Array
  /**
   * The item's document, told apart by the time a figure is written for: one article's "5,000 a day"
   * in July and "15,000 a day" months later are two points of one figure's timeline, which may meet in
   * one group (judged "changed"); two figures of one article for one time never do.
   */
  readonly document: Int32Array
  /**
   * The side of its document an item speaks for in a group: its document, except that a statement
   * denied or disputed is a side of its own ("Campaigners say the firm was warned. The firm denied
   * it."): an article that tells a claim and its denial gives a group both, not one of them.
   */
  readonly side: Int32Array
  /** 1 for the statement of a claim with figures (see `answerable`): it is compared only against a denial. */
  readonly answer: Uint8Array
  readonly entityAt: Int32Array
  readonly entities: Int32Array
  readonly keyAt: Int32Array
  readonly keys: Int32Array
}

/** A written time as one value: its dates when resolved, else its words. */
const timeSlot = (t: NonNullable<Claim.Claim["time"]>): string =>
  t.start ? `${t.start}..${t.end ?? t.start}` : t.text.toLowerCase().replace(/\s+/g, " ").trim()

/** How many items a claim gives: one per quantity, else one per clause of a statement. */
const itemCount = (p: Features.Packed): number =>
  p.measures.length > 0 ? p.measures.length : p.claim.kind === "statement" ? Features.clauseCount(p) : 0

/** Whether a claim's figures lie in its attributed content (or it has none to lie outside of). */
const inContent = (claim: Claim.Claim | undefined): boolean => {
  if (!claim?.attribution.content) return true
  return claim.quantities.some((q) => Claim.saidInContent(claim, q))
}

/**
 * The statement keys of the claims with figures that a denial may answer, by claim: "the union said the
 * company would move axle production to Borovia, where wages are a quarter" carries a figure, and
 * "denied that any production would move to Borovia" answers its statement, not its figure. A challenged
 * claim with figures is compared as a statement too; an asserted one only with a denial, and only under
 * the keys it shares with some denial of the alignment (none without a denial), so the statements'
 * blocks and the cost of an alignment without denials stay as they were.
 */
const answerable = (ctx: Ctx, table: Features.Table): ReadonlyMap<number, ReadonlyArray<number>> => {
  const out = new Map<number, ReadonlyArray<number>>()
  // A sentence with several figures gives a claim per figure, all one statement: it is compared once, as
  // the claim whose figure lies in what is said rather than in who says it ("two people ... said").
  const sentences = new Map<string, number>()
  const sentenceOf = (c: Claim.Claim) => `${c.documentId}:${c.span.start}:${c.span.end}`
  table.claims.forEach((p, claim) => {
    if (p.measures.length === 0) return
    const kept = sentences.get(sentenceOf(p.claim))
    if (kept === undefined || (!inContent(table.claims[kept]?.claim) && inContent(p.claim)))
      sentences.set(sentenceOf(p.claim), claim)
  })
  const denied = new Set<number>()
  table.claims.forEach((p, claim) => {
    if (!isChallenged(p.claim)) return
    const keys = keysOf(ctx, table, p, -1, -1)
    for (const k of keys) for (const c of ctx.vocabulary.concepts(k >> 2)) denied.add(c)
    if (p.measures.length > 0 && keys.length > 0 && sentences.get(sentenceOf(p.claim)) === claim) out.set(claim, keys)
  })
  if (denied.size === 0) return out
  table.claims.forEach((p, claim) => {
    if (p.measures.length === 0 || isChallenged(p.claim) || sentences.get(sentenceOf(p.claim)) !== claim) return
    const keys = keysOf(ctx, table, p, -1, -1).filter((k) => ctx.vocabulary.concepts(k >> 2).some((c) => denied.has(c)))
    if (keys.length > 0) out.set(claim, keys)
  })
  return out
}

/** A statement of two joined clauses is aligned clause by clause: each may meet a different fact. */
const itemsOf = (ctx: Ctx, table: Features.Table): Items => {
  const statements = answerable(ctx, table)
  // Counted first, so the per-item columns are allocated once at their size.
  let size = statements.size
  for (const p of table.claims) size += itemCount(p)
  const items = {
    size,
    claim: new Int32Array(size),
    clause: new Int32Array(size),
    measure: new Int32Array(size),
    document: new Int32Array(size),
    side: new Int32Array(size),
    answer: new Uint8Array(size),
    entityAt: new Int32Array(size + 1),
    keyAt: new Int32Array(size + 1),
  }
  const entities = Pool.ints()
  const keys = Pool.ints()
  const documentNumbers = new Map<string, number>()
  const slot = (key: string): number => {
    let n = documentNumbers.get(key)
    if (n === undefined) {
      n = documentNumbers.size
      documentNumbers.set(key, n)
    }
    return n
  }
  let i = 0
  const fill = (p: Features.Packed, claim: number, answers: boolean) => {
    const document = slot(p.claim.documentId)
    const time = p.measures.length > 0 ? QuantityComparison.timeOfFact(p.claim) : null
    const timed = time ? slot(`${p.claim.documentId}\u0000${timeSlot(time)}`) : document
    const add = (clause: number, measure: number, own: ReadonlyArray<number> | null = null) => {
      items.claim[i] = claim
      items.clause[i] = clause
      items.measure[i] = measure
      items.document[i] = measure >= 0 ? timed : document
      items.side[i] =
        measure < 0 && isChallenged(p.claim) ? slot(`${p.claim.documentId}\u0000challenged`) : (items.document[i] ?? -1)
      items.answer[i] = own ? 1 : 0
      entities.push(...Features.entitiesOf(table, p, clause))
      keys.push(...(own ?? keysOf(ctx, table, p, clause, measure)))
      i++
      items.entityAt[i] = entities.length
      items.keyAt[i] = keys.length
    }
    const own = statements.get(claim)
    if (answers) {
      if (own) add(-1, -1, own)
    } else if (p.measures.length > 0) for (let m = 0; m < p.measures.length; m++) add(-1, m)
    else if (p.claim.kind === "statement") {
      const n = Features.clauseCount(p)
      for (let k = 0; k < n; k++) add(n > 1 ? k : -1, -1)
    }
  }
  // The statements of claims with figures come after every other item: numbered after them, they leave
  // the order in which equal scores join the other items as it was.
  for (const answers of [false, true])
    table.claims.forEach((p, claim) => {
      fill(p, claim, answers)
    })
  return { ...items, entities: entities.done(), keys: keys.done() }
}

/** Candidate pairs scoring over the threshold, as columns: at 10,000 documents an object each was tens of MB. */
interface Edges {
  readonly a: Int32Array
  readonly b: Int32Array
  /**
   * The order edges join in: the score, raised by SAME_FIGURE_FIRST when the two figures are one figure
   * (`oneFigure`). Of one article's two figures that both meet another's, the one giving the same figure
   * is joined first ("is now 50 euros" meets "will now pay 50 euros" before "has been cut by 30 euros" of
   * that article). Only the order: which pairs are edges is the score's. Float64, as scored: rounding
   * would turn near scores into ties and change the order pairs join in.
   */
  readonly rank: Float64Array
}

/** Whether two compared figures are one figure: one unit and period, values within QuantityComparison.sameFigure. */
const oneFigure = (q: (Comparison & { comparable: true })["quantities"] | undefined): boolean =>
  q !== null &&
  q !== undefined &&
  q.normalizedA.unit === q.normalizedB.unit &&
  q.normalizedA.per === q.normalizedB.per &&
  QuantityComparison.sameFigure(q.normalizedA, q.normalizedB)

/**
 * How much a pair of one figure is raised in the order edges join in (see `Edges.rank`): by about the
 * spread of scores above the threshold, so a pair that gives one figure joins before pairs of two figures. "186
 * flights were cancelled" and "its count of cancellations to 186 flights" are one figure told twice; joined
 * later, the first may already sit with another article's 140, which keeps the second out. Raised from
 * 0.05: over the 65 measured roots, wrong contradictions 73 to 67 and must-not cases flagged 104 to 94, the
 * findings found the same (2729 of 4134).
 */
const SAME_FIGURE_FIRST = 0.5

/** How many figures kept out of a group are named in its reasons. */
const KEPT_OUT = 2

/**
 * Joins items along the edges, strongest first; a group never takes two claims of one document for
 * one time (see `Items.document`) unless one's figure restates the other's (`restates`: "ONE in five
 * takeaways" and "the true figure was 21 per cent"), which stops chains of different facts of one article joining, and
 * two parts join only when no member of one is kept apart from a member of the other by a membership
 * rule (complete link, see Membership): a chain of plausible pairs cannot put different things in one
 * group. Gives each item's root, the edges that joined two parts, in the order they did (a group of m
 * claims keeps m - 1 of them, the strongest that hold it together, as its explanation: every other
 * pair inside a group says again what these say, and a story carried by 70 outlets would keep, and
 * compare again with reasons, 2,400 of them), and per root the figures its rules kept out.
 */
const join = (
  items: Items,
  edges: Edges,
  apart: (x: number, y: number) => Membership.Apart | null = () => null,
  restates: (x: number, y: number) => boolean = () => false,
): {
  readonly root: Int32Array
  readonly linked: Int32Array
  readonly keptOut: ReadonlyMap<number, ReadonlyArray<{ readonly item: number; readonly why: Membership.Apart }>>
} => {
  const { a, b, rank } = edges
  const order = new Uint32Array(rank.length)
  for (let k = 0; k < order.length; k++) order[k] = k
  order.sort((p, q) => (rank[q] ?? 0) - (rank[p] ?? 0) || (a[p] ?? 0) - (a[q] ?? 0) || (b[p] ?? 0) - (b[q] ?? 0))
  const parent = new Int32Array(items.size)
  for (let i = 0; i < parent.length; i++) parent[i] = i
  const find = (i: number): number => {
    let r = i
    while (parent[r] !== r) r = parent[r] ?? r
    let c = i
    while (parent[c] !== r) {
      const next = parent[c] ?? r
      parent[c] = r
      c = next
    }
    return r
  }
  // The documents of a part joined from several items, by root; a lone item's is its own. A set per
  // item would be 400,000 sets at 10,000 documents.
  const docsOf = new Map<number, Set<number>>()
  const has = (r: number, d: number): boolean => docsOf.get(r)?.has(d) ?? items.side[r] === d
  // The items of a part, by root; a lone item is its own.
  const membersOf = new Map<number, number[]>()
  const members = (r: number): ReadonlyArray<number> => membersOf.get(r) ?? [r]
  // Parts found apart stay apart: a part only grows, and its root stays, so a refusal holds for good.
  const refused = new Map<number, Set<number>>()
  const keptOut = new Map<number, Array<{ item: number; why: Membership.Apart }>>()
  const keep = (r: number, item: number, why: Membership.Apart) => {
    const list = keptOut.get(r) ?? []
    if (list.length < KEPT_OUT && !list.some((k) => k.item === item)) list.push({ item, why })
    keptOut.set(r, list)
  }
  const firstApart = (ra: number, rb: number): { x: number; y: number; why: Membership.Apart } | null => {
    for (const x of members(ra))
      for (const y of members(rb)) {
        const why = apart(x, y)
        if (why) return { x, y, why }
      }
    return null
  }
  const linked = Pool.ints(1 << 10)
  for (let n = 0; n < order.length; n++) {
    const k = order[n] ?? 0
    const ra = find(a[k] ?? 0)
    const rb = find(b[k] ?? 0)
    if (ra === rb) continue
    const [lo, hi] = ra < rb ? [ra, rb] : [rb, ra]
    if (refused.get(lo)?.has(hi)) continue
    // The smaller part's documents are looked up among the larger's, and added to them.
    const [small, large] = (docsOf.get(rb)?.size ?? 1) <= (docsOf.get(ra)?.size ?? 1) ? [rb, ra] : [ra, rb]
    const own = docsOf.get(small) ?? [items.side[small] ?? -1]
    let clash = false
    for (const d of own) if (has(large, d)) clash = true
    // One article's two figures for one time may share a group only when one restates the other ("ONE in
    // five takeaways", "the true figure was 21 per cent"): every pair of them of one side.
    if (clash) {
      const smallItems = members(small)
      const largeItems = members(large)
      clash = !smallItems.every((x) => largeItems.every((y) => items.side[x] !== items.side[y] || restates(x, y)))
    }
    // A clash holds for good too: the two figures that clashed stay in their parts. Remembered, so the
    // restating check, which compares figures again, runs once for two parts, not once per edge between them.
    if (clash) {
      refused.set(lo, (refused.get(lo) ?? new Set()).add(hi))
      continue
    }
    const kept = firstApart(ra, rb)
    if (kept) {
      refused.set(lo, (refused.get(lo) ?? new Set()).add(hi))
      // Named on the side of the edge's own figures: the part that would have taken the other.
      keep(ra, b[k] ?? kept.y, kept.why)
      keep(rb, a[k] ?? kept.x, kept.why)
      continue
    }
    parent[rb] = ra
    const into = membersOf.get(ra) ?? [ra]
    into.push(...members(rb))
    membersOf.set(ra, into)
    membersOf.delete(rb)
    for (const o of keptOut.get(rb) ?? []) keep(ra, o.item, o.why)
    keptOut.delete(rb)
    const merged = docsOf.get(large) ?? new Set([items.side[large] ?? -1])
    for (const d of own) merged.add(d)
    docsOf.delete(rb)
    docsOf.set(ra, merged)
    linked.push(k)
  }
  for (let i = 0; i < parent.length; i++) find(i)
  return { root: parent, linked: linked.done(), keptOut }
}

/** Aligned groups: claims of different documents linked by pairs scoring over the threshold. */
export const align = (
  claims: ReadonlyArray<Claim.Claim>,
  documents: ReadonlyArray<Document.Document> = [],
  options: Options = {},
): ReadonlyArray<Group> => {
  const base = options.lexicon ?? Lexicon.get()
  const weights = rarity()
  const ctx = context({ ...options, lexicon: base }, weights.weight)
  const table = Features.extract(ctx, claims, documents)
  const packed = table.claims
  weights.count(ctx, table, claims.length)

  const items = itemsOf(ctx, table)
  const size = items.size
  // An item's scopes are its first entities, read in place: an array each would be 400,000 arrays.
  const scopes = (i: number): Int32Array => {
    const from = items.entityAt[i] ?? 0
    return items.entities.subarray(from, Math.min(items.entityAt[i + 1] ?? 0, from + SCOPES))
  }
  /** Whether both items name someone and share no one. */
  const strangers = (x: number, y: number): boolean => {
    const [x0, x1, y0, y1] = [items.entityAt[x], items.entityAt[x + 1], items.entityAt[y], items.entityAt[y + 1]]
    if (x0 === undefined || x1 === undefined || y0 === undefined || y1 === undefined) return false
    if (x0 === x1 || y0 === y1) return false
    for (let i = x0; i < x1; i++)
      for (let j = y0; j < y1; j++) if (items.entities[i] === items.entities[j]) return false
    return true
  }

  const unpacked = new Map<number, Features.Features>()
  const view = (i: number): Features.Features | undefined => {
    const hit = unpacked.get(i)
    if (hit) return hit
    const p = packed[items.claim[i] ?? -1]
    if (!p) return undefined
    if (unpacked.size >= UNPACKED) unpacked.clear()
    const f = Features.unpack(ctx, table, p, items.clause[i] ?? -1)
    unpacked.set(i, f)
    return f
  }

  const threshold = options.threshold ?? THRESHOLD
  // Only the score is kept while pairs are visited: the reasons are written again for the few pairs linked.
  const edgeA = Pool.ints()
  const edgeB = Pool.ints()
  const edgeRank = Pool.floats()
  const scoring: Ctx = { ...ctx, explaining: false }
  const comparison = (x: number, y: number, c: Ctx = ctx): (Comparison & { comparable: true }) | null => {
    const fa = view(x)
    const fb = view(y)
    if (!fa || !fb) return null
    const ma = fa.measures[items.measure[x] ?? -1]
    const mb = fb.measures[items.measure[y] ?? -1]
    const result = ma && mb ? compareMeasures(c, fa, fb, ma, mb) : compareStatements(c, fa, fb)
    return result.comparable ? result : null
  }
  const challenged = (i: number): boolean => {
    const p = packed[items.claim[i] ?? -1]
    return p ? isChallenged(p.claim) : false
  }
  // The statements of asserted claims with figures (see `answerable`) are filed in a block group of their
  // own, where each denial is filed a second time: they meet denials only, and the statements' blocks
  // stay as they were. Items from `size` on are those second filings, by their place in `probes`.
  const probes: number[] = []
  if (items.answer.includes(1))
    for (let i = 0; i < size; i++) if ((items.measure[i] ?? -1) < 0 && challenged(i)) probes.push(i)
  const real = (i: number): number => (i < size ? i : (probes[i - size] ?? 0))
  const ANSWERS = 2
  const blockStats = BlockingIndex.forEachPair(
    {
      size: size + probes.length,
      document: (i) => items.document[real(i)] ?? -1,
      group: (i) =>
        i >= size ? ANSWERS : (items.measure[i] ?? -1) >= 0 ? 1 : items.answer[i] === 1 && !challenged(i) ? ANSWERS : 0,
      scopes: (i) => scopes(real(i)),
      keys: (j, scope, emit) => {
        const i = real(j)
        for (let k = items.keyAt[i] ?? 0; k < (items.keyAt[i + 1] ?? 0); k++) {
          const key = items.keys[k] ?? 0
          const tag = key & 3
          const value = key >> 2
          if (tag === CONCEPT) emit(value)
          else if (tag === EVERYWHERE || scope !== BlockingIndex.PLAIN)
            for (const c of ctx.vocabulary.concepts(value)) emit(c)
        }
      },
    },
    (i, j) => {
      const x = real(i)
      const y = real(j)
      const measureA = items.measure[x] ?? -1
      const measureB = items.measure[y] ?? -1
      // Statements that both name someone and share no one are never one fact (see compareStatements).
      if (measureA < 0 && strangers(x, y)) return
      if (measureA < 0 !== measureB < 0) return
      // The statement of a claim with figures meets only the other side of a dispute.
      if ((items.answer[x] === 1 || items.answer[y] === 1) && challenged(x) === challenged(y)) return
      const c = comparison(x, y, scoring)
      if (c && c.score >= threshold) {
        edgeA.push(x)
        edgeB.push(y)
        edgeRank.push(oneFigure(c.quantities) ? c.score + SAME_FIGURE_FIRST : c.score)
      }
    },
    options.maxBlock !== undefined ? { maxBlock: options.maxBlock } : {},
  )
  options.onBlocks?.({ split: blockStats.split, skipped: blockStats.skipped })

  const edges: Edges = { a: edgeA.done(), b: edgeB.done(), rank: edgeRank.done() }
  const publishedAt = new Map(documents.map((d) => [d.id as string, d.publishedAt]))
  const figureOf = (i: number): Membership.Figure | null => {
    const m = packed[items.claim[i] ?? -1]?.measures[items.measure[i] ?? -1]
    return m
      ? {
          quantity: m.quantity,
          measure: m.measure,
          counted: m.counted,
          time: m.claim.time,
          published: publishedAt.get(m.claim.documentId) ?? null,
          sentence: m.claim.text,
        }
      : null
  }
  const apart = (x: number, y: number): Membership.Apart | null => {
    const fx = figureOf(x)
    const fy = figureOf(y)
    if (fx && fy) return Membership.apart(ctx.lexicon, fx, fy)
    // One article's two sides of a group (see `Items.side`) only when they answer each other: the claim
    // it tells again and the denial it reports, not another of its statements that met the group elsewhere.
    if (
      items.document[x] === items.document[y] &&
      items.side[x] !== items.side[y] &&
      (comparison(x, y, scoring)?.score ?? 0) < threshold
    )
      return {
        rule: "sides-unanswered",
        detail: "one article's statement and the denial it reports do not answer each other",
      }
    return null
  }
  /**
   * Whether two figures of one article restate each other: one figure in one unit and period
   * (QuantityComparison.sameFigure, within 5%), neither a date nor a whole a part is counted out of.
   */
  const restates = (x: number, y: number): boolean => {
    const [fx, fy] = [figureOf(x), figureOf(y)]
    if (!fx || !fy || fx.quantity.unit === Units.DATE || fy.quantity.unit === Units.DATE) return false
    // "Nine of the 58 flats": a whole a part is counted out of restates no figure of its own article.
    if (fx.measure.whole || fy.measure.whole) return false
    return oneFigure(comparison(x, y, scoring)?.quantities)
  }
  const { root, linked, keptOut } = join(items, edges, apart, restates)

  // Only parts of two or more items are groups: counted first, a lone item needs no list of its own.
  const partSize = new Int32Array(size)
  for (let i = 0; i < size; i++) {
    const r = root[i] ?? i
    partSize[r] = (partSize[r] ?? 0) + 1
  }
  const byRoot = new Map<number, number[]>()
  for (let i = 0; i < size; i++) {
    const r = root[i] ?? i
    if ((partSize[r] ?? 0) < 2) continue
    const list = byRoot.get(r)
    if (list) list.push(i)
    else byRoot.set(r, [i])
  }
  const linksByRoot = new Map<number, number[]>()
  for (const k of linked) {
    const r = root[edges.a[k] ?? 0] ?? -1
    const list = linksByRoot.get(r)
    if (list) list.push(k)
    else linksByRoot.set(r, [k])
  }

  const claimOf = (i: number): Claim.Claim => packed[items.claim[i] ?? 0]?.claim as Claim.Claim
  const groups: Group[] = []
  for (const [r, list] of byRoot) {
    // Compared again, with reasons, one group at a time: only that group's reasons are held at once.
    const pairs: Array<{ a: number; b: number; comparison: Comparison & { comparable: true } }> = []
    for (const k of linksByRoot.get(r) ?? []) {
      const a = edges.a[k] ?? 0
      const b = edges.b[k] ?? 0
      const c = comparison(a, b)
      if (c) pairs.push({ a, b, comparison: c })
    }
    const first = list[0] ?? 0
    const f0 = view(first)
    if (!f0) continue
    const kind: Group["kind"] = (items.measure[first] ?? -1) >= 0 ? "numeric" : "statement"
    const normalized = new Map<number, AlignedGroup.Normalized>()
    for (const e of pairs) {
      const q = e.comparison.quantities
      if (!q) continue
      if (!normalized.has(e.a)) normalized.set(e.a, q.normalizedA)
      if (!normalized.has(e.b)) normalized.set(e.b, q.normalizedB)
    }
    const members: Member[] = inGroupWords(
      ctx.lexicon,
      list.map((i) => {
        const m = packed[items.claim[i] ?? -1]?.measures[items.measure[i] ?? -1]
        return { claim: claimOf(i), quantity: m?.quantity ?? null, normalized: normalized.get(i) ?? null }
      }),
    ).sort((x, y) => (x.claim.documentId < y.claim.documentId ? -1 : x.claim.documentId > y.claim.documentId ? 1 : 0))
    // The figures a membership rule kept out of this group, by rule, so a reader sees why they are not in it.
    const kept = (keptOut.get(r) ?? []).map(
      (o) =>
        `rule ${o.why.rule} kept out "${figureOf(o.item)?.quantity.text ?? claimOf(o.item).text}": ${o.why.detail}`,
    )
    const reasons = [...new Set([...pairs.flatMap((e) => e.comparison.reasons.map((r) => r.detail)), ...kept])]
    const group: Group = {
      kind,
      key: groupKey(members, kind, f0, ctx),
      members,
      reasons,
      score: pairs.reduce((s, e) => s + e.comparison.score, 0) / Math.max(1, pairs.length),
    }
    groups.push(
      options.pairs
        ? {
            ...group,
            pairs: pairs.map((e) => ({
              a: claimOf(e.a).id,
              b: claimOf(e.b).id,
              score: e.comparison.score,
              reasons: e.comparison.reasons,
              opposite: e.comparison.opposite,
            })),
          }
        : group,
    )
  }
  return groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}
