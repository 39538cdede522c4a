/**
 * Groups claims from different documents that are about the same fact. Candidates come from the
 * blocking index; each candidate pair is scored from names, words, quantities and times, with reasons.
 */
import type { AlignedGroup, Claim, Document } from "@crosscheck/domain"
import * as BlockingIndex from "./BlockingIndex.js"
import * as Entities from "./Entities.js"
import * as Features from "./internal/Features.js"
import * as Lexicon from "./Lexicon.js"
import * as QuantityComparison from "./QuantityComparison.js"

type Group = AlignedGroup.AlignedGroup
type Member = AlignedGroup.Member
type Reason = AlignedGroup.Reason

/** Shared words (weighted by rarity) that make the word evidence complete. */
const WORDS_FOR_FULL_SCORE = 2.5

/** Pairs scoring at least this align. Tuned on fixtures/stories (see `pnpm eval alignment`). */
export const THRESHOLD = 0.5

export interface Options {
  readonly lexicon?: Lexicon.Service
  readonly gazetteer?: Entities.Gazetteer
  readonly threshold?: number
  readonly maxBlock?: number
  readonly exchangeRates?: Readonly<Record<string, number>>
}

/** The comparison of two claims: a score in 0..1 with the reasons, or why they are not comparable. */
export type Comparison =
  | {
      readonly comparable: true
      readonly score: number
      readonly reasons: ReadonlyArray<Reason>
      readonly opposite: boolean
      /** For numeric pairs: the quantities compared and their values in one reference unit. */
      readonly quantities: {
        readonly a: QuantityComparison.Measure
        readonly b: QuantityComparison.Measure
        readonly normalizedA: AlignedGroup.Normalized
        readonly normalizedB: AlignedGroup.Normalized
      } | null
    }
  | { readonly comparable: false; readonly reasons: ReadonlyArray<Reason> }

interface Ctx extends Features.Context {
  readonly options: Options
  /** Inverse document frequency of a lemma among the claims aligned together; 1 when unknown. */
  readonly weight: (lemma: string) => number
}

const context = (options: Options, weight: (lemma: string) => number = () => 1): Ctx => {
  const lexicon = options.lexicon ?? Lexicon.get()
  const resolver = Entities.make({
    ...(options.gazetteer ? { gazetteer: options.gazetteer } : {}),
    isCommonWord: lexicon.isCommonWord,
    isTitle: lexicon.isTitle,
    isStopword: lexicon.isStopword,
  })
  return { lexicon, resolver, options, weight }
}

const bestRelation = (
  lexicon: Lexicon.Service,
  as: ReadonlyArray<string>,
  bs: ReadonlyArray<string>,
): Lexicon.Relation | null => {
  let best: Lexicon.Relation | null = null
  for (const a of as)
    for (const b of bs) {
      const r = lexicon.relate(a, b)
      if (r && (!best || r.strength > best.strength)) best = r
    }
  return best
}

/** Pairs of words of two claims that share a concept key: the only pairs that can relate (see Lexicon.relate). */
const wordPairs = (
  a: Features.Features,
  b: Features.Features,
): ReadonlyArray<readonly [Features.Word, Features.Word]> => {
  const out: Array<readonly [Features.Word, Features.Word]> = []
  const seen = new Set<string>()
  const [small, large] = a.byConcept.size <= b.byConcept.size ? [a, b] : [b, a]
  for (const [key, ws] of small.byConcept) {
    const other = large.byConcept.get(key)
    if (!other) continue
    for (const x of ws)
      for (const y of other) {
        const [wa, wb] = small === a ? [x, y] : [y, x]
        const id = `${wa.start}:${wb.start}`
        if (seen.has(id)) continue
        seen.add(id)
        out.push([wa, wb])
      }
  }
  // Reading order, so explanations list words as the claims say them.
  return out.sort(([p, q], [r, t]) => p.start - r.start || q.start - t.start)
}

/** Shared names, scored as a Dice coefficient, with how each was recognised. */
const entityOverlap = (a: Features.Features, b: Features.Features): { score: number; reasons: Reason[] } => {
  if (a.entities.length === 0 || b.entities.length === 0) return { score: 0, reasons: [] }
  const shared = a.entities.filter((e) => b.entities.includes(e))
  const score = (2 * shared.length) / (a.entities.length + b.entities.length)
  const reasons = shared.map((e): Reason => {
    const ma = a.mentions.find((m) => m.entity === e)
    const mb = b.mentions.find((m) => m.entity === e)
    const forms = [...new Set([ma?.text, mb?.text])].filter(Boolean).map((t) => `"${t}"`)
    const rules = [...new Set([ma?.rule, mb?.rule])].filter((r) => r !== "alias" && r !== "name")
    return {
      kind: "entity",
      detail: `${forms.join(" and ")} = ${ma?.name ?? e}${rules.length > 0 ? ` (${rules.join(", ")})` : ""}`,
      weight: (0.35 * score) / Math.max(1, shared.length),
    }
  })
  return { score, reasons }
}

/** Shared content words (not names), weighted by how rare they are among the claims aligned together. */
const wordOverlap = (
  ctx: Ctx,
  a: Features.Features,
  b: Features.Features,
  action: ActionMatch | null = null,
): { score: number; shared: number; reasons: Reason[] } => {
  const reasons: Reason[] = []
  let total = 0
  const used = new Set<string>()
  // The matched action is scored on its own; counting it again would let a shared verb pass for a shared object.
  const skip = new Set(action ? [...action.wa.lemmas, ...action.wb.lemmas] : [])
  const matched = new Set<Features.Word>()
  for (const [wa, wb] of wordPairs(a, b)) {
    if (matched.has(wa) || wa.lemmas.some((l) => skip.has(l)) || wb.lemmas.some((l) => skip.has(l))) continue
    const r = bestRelation(ctx.lexicon, wa.lemmas, wb.lemmas)
    if (!r || (r.kind !== "same" && r.kind !== "synonym")) continue
    matched.add(wa)
    const key = wa.lemmas[0] ?? wa.text
    if (used.has(key)) continue
    used.add(key)
    const w = ctx.weight(key) * r.strength
    total += w
    reasons.push({ kind: "word", detail: r.kind === "same" ? `both say "${key}"` : r.detail, weight: w })
  }
  const score = Math.min(1, total / WORDS_FOR_FULL_SCORE)
  return {
    score,
    shared: used.size,
    reasons: reasons.map((r) => ({ ...r, weight: (0.3 * score * r.weight) / Math.max(total, 1e-9) })),
  }
}

/**
 * Who does an action: for a noun ("the removal of"), the clause's first name; for a verb, the nearest
 * name before it. Only people and gazetteer entities count: a capitalised word found by rule is as
 * often a place naming a thing ("the Harlow depot") as the one acting.
 */
const agentOf = (f: Features.Features, word: Features.Word): string | null => {
  const before = f.mentions.filter((m) => m.end <= word.start && (m.person || !m.entity.startsWith("name:")))
  const m = word.nominal ? before[0] : before[before.length - 1]
  return m?.entity ?? null
}

interface ActionMatch {
  readonly relation: Lexicon.Relation
  readonly wa: Features.Word
  readonly wb: Features.Word
}

/**
 * The closest pair of action words of two claims ("dismantled" / "removed"). With `loose`, an action
 * may also meet the same word used as a noun ("marched" / "joined a march"), at a discount.
 */
const bestAction = (ctx: Ctx, a: Features.Features, b: Features.Features, loose = false): ActionMatch | null => {
  let action: ActionMatch | null = null
  for (const [wa, wb] of wordPairs(a, b)) {
    {
      if (!(wa.action && wb.action) && !(loose && (wa.action || wb.action))) continue
      const found = bestRelation(ctx.lexicon, wa.lemmas, wb.lemmas)
      if (!found || (!(wa.action && wb.action) && found.kind !== "same" && found.kind !== "related")) continue
      // Two nouns ("alliance", "alignment") say less about what happened than a verb does.
      const discount = wa.action && wb.action ? (wa.nominal && wb.nominal ? 0.7 : 1) : 0.8
      const r = discount === 1 ? found : { ...found, strength: found.strength * discount }
      if (!action || r.strength > action.relation.strength) action = { relation: r, wa, wb }
    }
  }
  return action
}

const describeAction = (action: ActionMatch): string =>
  action.relation.kind === "same" ? `same action "${action.wa.lemmas[0]}"` : `action: ${action.relation.detail}`

const compareStatements = (ctx: Ctx, a: Features.Features, b: Features.Features): Comparison => {
  const reasons: Reason[] = []
  const time = QuantityComparison.sameTime(a.claim, b.claim)
  if (!time.same) return { comparable: false, reasons: [time.reason] }
  const action = bestAction(ctx, a, b)
  const entities = entityOverlap(a, b)
  // Two claims that both name who or what they are about, and share none of it, are about different
  // things however alike their words ("South Korean law prohibits arms" / "the US and Russia vetoed").
  if (a.entities.length > 0 && b.entities.length > 0 && entities.score === 0)
    return {
      comparable: false,
      reasons: [{ kind: "entity", detail: "they name no one and nothing in common", weight: 0 }],
    }
  const words = wordOverlap(ctx, a, b, action)
  let score = 0.35 * entities.score + 0.3 * words.score
  let opposite = a.claim.polarity !== b.claim.polarity
  let sameAgent = false
  if (action) {
    const strength = action.relation.strength
    score += 0.35 * strength
    opposite = opposite !== (action.relation.kind === "antonym")
    reasons.push({ kind: "word", detail: describeAction(action), weight: 0.35 * strength })
    const agentA = agentOf(a, action.wa)
    const agentB = agentOf(b, action.wb)
    if (agentA && agentB) {
      if (agentA !== agentB)
        return {
          comparable: false,
          reasons: [
            ...reasons,
            {
              kind: "actor",
              detail: `different actors: ${ctx.resolver.nameOf(agentA)} ${action.wa.text} and ${ctx.resolver.nameOf(agentB)} ${action.wb.text}`,
              weight: 0,
            },
          ],
        }
      score += 0.1
      sameAgent = true
      reasons.push({ kind: "actor", detail: `the same actor, ${ctx.resolver.nameOf(agentA)}`, weight: 0.1 })
    }
  } else if (!(entities.score >= 0.5 && words.shared >= 3)) {
    return {
      comparable: false,
      reasons: [
        { kind: "word", detail: "no shared or related action", weight: 0 },
        ...entities.reasons,
        ...words.reasons,
      ],
    }
  }
  // The same verb about the same names is not yet the same fact: something acted on must be shared too.
  // Opposites may share nothing else ("withdrew" / "deployed"), but then the actor must be the same and
  // the actions directly related: a word family ("involvement" / "pursue") is too loose to call a clash.
  const directAction = action !== null && action.relation.kind !== "related"
  if (words.score === 0 && !(opposite && sameAgent && directAction))
    return {
      comparable: false,
      reasons: [...reasons, { kind: "word", detail: "no shared object or content word", weight: 0 }],
    }
  // One speaker's quote and the same speaker's words reported are one statement told twice.
  const source = a.sources.find((s) => b.sources.includes(s))
  if (source && action) {
    score += 0.1
    reasons.push({ kind: "attribution", detail: `both attributed to ${ctx.resolver.nameOf(source)}`, weight: 0.1 })
  }
  if (a.claim.polarity !== b.claim.polarity)
    reasons.push({ kind: "polarity", detail: `one is ${a.claim.polarity}, the other ${b.claim.polarity}`, weight: 0 })
  reasons.push(...entities.reasons, ...words.reasons, time.reason)
  return { comparable: true, score: Math.min(1, score), reasons, opposite, quantities: null }
}

const compareMeasures = (
  ctx: Ctx,
  a: Features.Features,
  b: Features.Features,
  ma: QuantityComparison.Measure,
  mb: QuantityComparison.Measure,
): Comparison => {
  const q = QuantityComparison.compare(
    ctx.lexicon,
    ma,
    mb,
    ctx.options.exchangeRates ? { exchangeRates: ctx.options.exchangeRates } : {},
  )
  if (!q.comparable) return { comparable: false, reasons: [q.reason] }
  const action = bestAction(ctx, a, b, true)
  const entities = entityOverlap(a, b)
  const words = wordOverlap(ctx, a, b, action)
  // Two different things done to the same kind of number ("joined a march", "were arrested") count against.
  const bothAct = a.words.some((w) => w.action) && b.words.some((w) => w.action)
  const actionWeight = action ? 0.1 * action.relation.strength : bothAct ? -0.05 : 0
  // Two claims dated to overlapping periods are more likely one fact than two undated ones.
  const dated = QuantityComparison.timeOfFact(a.claim)?.start && QuantityComparison.timeOfFact(b.claim)?.start ? 0.1 : 0
  const score = Math.min(1, 0.6 * q.strength + 0.15 * entities.score + 0.15 * words.score + actionWeight + dated)
  const scale = (rs: ReadonlyArray<Reason>, f: number) => rs.map((r) => ({ ...r, weight: r.weight * f }))
  const actionReasons: Reason[] = action
    ? [{ kind: "word", detail: describeAction(action), weight: actionWeight }]
    : bothAct
      ? [{ kind: "word", detail: "the claims describe unrelated actions", weight: actionWeight }]
      : []
  return {
    comparable: true,
    score,
    reasons: [
      ...q.reasons,
      ...actionReasons,
      ...scale(entities.reasons, 0.15 / 0.35),
      ...scale(words.reasons, 0.15 / 0.3),
    ],
    opposite: a.claim.polarity !== b.claim.polarity,
    quantities: { a: ma, b: mb, normalizedA: q.a, normalizedB: q.b },
  }
}

/** The best comparison of two claims' features: their quantities when both have any, else their statements. */
const compareFeatures = (ctx: Ctx, a: Features.Features, b: Features.Features): Comparison => {
  if (a.measures.length > 0 && b.measures.length > 0) {
    let best: Comparison | null = null
    let refusal: Comparison | null = null
    for (const ma of a.measures)
      for (const mb of b.measures) {
        const c = compareMeasures(ctx, a, b, ma, mb)
        if (c.comparable && (!best || (best.comparable && c.score > best.score))) best = c
        if (!c.comparable && !refusal) refusal = c
      }
    return best ?? refusal ?? { comparable: false, reasons: [] }
  }
  return compareStatements(ctx, a, b)
}

let defaultCtx: Ctx | null = null

/** Explains how two claims relate, even when they are not comparable (then `reasons` says why not). */
export const explain = (
  a: Claim.Claim,
  b: Claim.Claim,
  documents: ReadonlyArray<Document.Document> = [],
  options: Options = {},
): Comparison => {
  if (Object.keys(options).length === 0) defaultCtx ??= context({})
  const ctx = Object.keys(options).length === 0 && defaultCtx ? defaultCtx : context(options)
  const [fa, fb] = Features.extract(ctx, [a, b], documents)
  if (!fa || !fb) return { comparable: false, reasons: [] }
  return compareFeatures(ctx, fa, fb)
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

interface Item {
  readonly feature: number
  /** Index into the claim's measures; -1 for a statement item. */
  readonly measure: number
  readonly document: string
}

const keysOf = (ctx: Ctx, f: Features.Features, item: Item): ReadonlyArray<string> => {
  const keys = new Set<string>()
  const entities = f.entities.slice(0, 4)
  if (item.measure >= 0) {
    const m = f.measures[item.measure]
    if (!m) return []
    const counted = QuantityComparison.head(m.counted)
    const concepts = counted ? ctx.lexicon.lemmas(counted).flatMap((l) => ctx.lexicon.concepts(l)) : []
    // With a unit, the dimension is the key too: "5,000 hectares" meets "12,400 acres of pine".
    const dimension = QuantityComparison.dimensionOf(m.quantity.unit)
    if (dimension) concepts.push(`d:${dimension}`)
    for (const c of concepts) {
      keys.add(`q:${c}`)
      for (const e of entities) keys.add(`q:${c}|${e}`)
    }
    return [...keys]
  }
  const actions = f.words.filter((w) => w.action)
  // Also the rarest content words: claims about one fact may use unrelated verbs ("caused", "allowed").
  const rare = f.words
    .filter((w) => !w.action)
    .sort((x, y) => ctx.weight(y.lemmas[0] ?? "") - ctx.weight(x.lemmas[0] ?? ""))
    .slice(0, RARE_KEYS)
  for (const w of [...actions, ...rare])
    for (const l of w.lemmas)
      for (const c of ctx.lexicon.concepts(l)) {
        // An action is filed on its own too: a name one outlet gives ("to Westgate") need not keep
        // its claim from another that names nobody.
        if (entities.length === 0 || w.action) keys.add(`s:${c}`)
        for (const e of entities) keys.add(`s:${c}|${e}`)
      }
  return [...keys]
}

const groupKey = (members: ReadonlyArray<Member>, kind: Group["kind"], f: Features.Features, ctx: Ctx): string => {
  if (kind === "numeric") {
    const q = members[0]?.quantity
    const counted = members.map((m) => m.quantity?.counted).find(Boolean)
    const head = counted?.toLowerCase().split(/\s+/).pop()
    return `n:${head ?? "-"}|${q?.unit ?? "-"}|${q?.per ?? "-"}`
  }
  const action = f.words.find((w) => w.action)?.lemmas[0] ?? f.claim.predicate ?? "-"
  const entity = f.entities[0] ? ctx.resolver.nameOf(f.entities[0]) : "-"
  return `s:${action.replace(/_/g, " ")}|${entity}`
}

/** Aligned groups: claims of different documents linked by pairs scoring over the threshold. */
export const align = (
  claims: ReadonlyArray<Claim.Claim>,
  documents: ReadonlyArray<Document.Document> = [],
  options: Options = {},
): ReadonlyArray<Group> => {
  const df = new Map<string, number>()
  const base = options.lexicon ?? Lexicon.get()
  const weight = (lemma: string) => {
    const n = df.get(lemma) ?? 1
    // Rare words tell claims apart; a word in most claims tells nothing.
    return claims.length < 2 ? 1 : Math.max(0.3, Math.log(1 + claims.length / n) / Math.log(1 + claims.length))
  }
  const ctx = context({ ...options, lexicon: base }, weight)
  const whole = Features.extract(ctx, claims, documents)
  for (const f of whole)
    for (const l of new Set(f.words.map((w) => w.lemmas[0] ?? w.text))) df.set(l, (df.get(l) ?? 0) + 1)

  // A statement of two joined clauses is aligned clause by clause: each may meet a different fact.
  const features = whole.flatMap((f) => (f.measures.length > 0 ? [f] : f.clauses))
  const items: Item[] = []
  const index = BlockingIndex.make(options.maxBlock !== undefined ? { maxBlock: options.maxBlock } : {})
  features.forEach((f, i) => {
    const document = f.claim.documentId
    const add = (item: Item) => {
      index.add(items.length, document, keysOf(ctx, f, item))
      items.push(item)
    }
    if (f.measures.length > 0) for (let m = 0; m < f.measures.length; m++) add({ feature: i, measure: m, document })
    else if (f.claim.kind === "statement") add({ feature: i, measure: -1, document })
  })

  const threshold = options.threshold ?? THRESHOLD
  const edges: Array<{ a: number; b: number; comparison: Comparison & { comparable: true } }> = []
  for (const [x, y] of index.pairs()) {
    const ia = items[x]
    const ib = items[y]
    if (!ia || !ib) continue
    const fa = features[ia.feature]
    const fb = features[ib.feature]
    if (!fa || !fb) continue
    const ma = fa.measures[ia.measure]
    const mb = fb.measures[ib.measure]
    if ((ma === undefined) !== (mb === undefined)) continue
    const c = ma && mb ? compareMeasures(ctx, fa, fb, ma, mb) : compareStatements(ctx, fa, fb)
    if (c.comparable && c.score >= threshold) edges.push({ a: x, b: y, comparison: c })
  }

  // Strongest links first; a group never takes two claims of one document, which stops chains
  // like "5,000 a day" – "thousands" – "15,000 a day" from joining different facts.
  edges.sort((p, q) => q.comparison.score - p.comparison.score || p.a - q.a || p.b - q.b)
  const parent = items.map((_, i) => i)
  const docsOf = items.map((it) => new Set([it.document]))
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
  const linked: typeof edges = []
  for (const e of edges) {
    const ra = find(e.a)
    const rb = find(e.b)
    if (ra === rb) {
      linked.push(e)
      continue
    }
    const da = docsOf[ra] ?? new Set()
    const db = docsOf[rb] ?? new Set()
    let clash = false
    for (const d of da) if (db.has(d)) clash = true
    if (clash) continue
    parent[rb] = ra
    for (const d of db) da.add(d)
    linked.push(e)
  }

  const byRoot = new Map<number, number[]>()
  items.forEach((_, i) => {
    const r = find(i)
    byRoot.set(r, [...(byRoot.get(r) ?? []), i])
  })
  const pairsByRoot = new Map<number, typeof edges>()
  for (const e of linked) {
    const r = find(e.a)
    pairsByRoot.set(r, [...(pairsByRoot.get(r) ?? []), e])
  }

  const groups: Group[] = []
  for (const [root, list] of byRoot) {
    if (list.length < 2) continue
    const pairs = pairsByRoot.get(root) ?? []
    const first = items[list[0] ?? 0]
    const f0 = first ? features[first.feature] : undefined
    if (!first || !f0) continue
    const kind: Group["kind"] = first.measure >= 0 ? "numeric" : "statement"
    const normalized = new Map<number, AlignedGroup.Normalized>()
    for (const e of pairs) {
      const q = e.comparison.quantities
      if (!q) continue
      if (!normalized.has(e.a)) normalized.set(e.a, q.normalizedA)
      if (!normalized.has(e.b)) normalized.set(e.b, q.normalizedB)
    }
    const members: Member[] = list
      .map((i) => {
        const it = items[i]
        const f = it ? features[it.feature] : undefined
        const m = it && f ? f.measures[it.measure] : undefined
        return {
          claim: f?.claim as Claim.Claim,
          quantity: m?.quantity ?? null,
          normalized: normalized.get(i) ?? null,
        }
      })
      .sort((x, y) => (x.claim.documentId < y.claim.documentId ? -1 : x.claim.documentId > y.claim.documentId ? 1 : 0))
    const pairScores: AlignedGroup.PairScore[] = pairs.map((e) => ({
      a: features[items[e.a]?.feature ?? 0]?.claim.id as Claim.Claim["id"],
      b: features[items[e.b]?.feature ?? 0]?.claim.id as Claim.Claim["id"],
      score: e.comparison.score,
      reasons: e.comparison.reasons,
      opposite: e.comparison.opposite,
    }))
    const reasons = [...new Set(pairScores.flatMap((p) => p.reasons.map((r) => r.detail)))]
    groups.push({
      kind,
      key: groupKey(members, kind, f0, ctx),
      members,
      reasons,
      pairs: pairScores,
      score: pairScores.reduce((s, p) => s + p.score, 0) / Math.max(1, pairScores.length),
    })
  }
  return groups.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}
