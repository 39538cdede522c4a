/**
 * Groups claims from different documents that are about the same fact. Candidates come from the
 * blocking index; each candidate pair is scored from names, words, quantities and times, with reasons.
 */
import { type AlignedGroup, type Claim, type Document, MeasureClass } from "@crosscheck/domain"
import * as BlockingIndex from "./BlockingIndex.js"
import * as Entities from "./Entities.js"
import * as Features from "./internal/Features.js"
import * as Pool from "./internal/Pool.js"
import * as Vocabulary from "./internal/Vocabulary.js"
import * as Lexicon from "./Lexicon.js"
import * as Membership from "./Membership.js"
import * as QuantityComparison from "./QuantityComparison.js"

type Group = AlignedGroup.AlignedGroup
type Member = AlignedGroup.Member
type Reason = AlignedGroup.Reason

/** Shared words (weighted by rarity) that make the word evidence complete. */
const WORDS_FOR_FULL_SCORE = 2.5

const UNRELATED_ACTIONS = { measure: 0, counted: -0.1, unit: -0.2 } as const

/** Word evidence (0..1) two amounts that share only a unit need when no action relates them. */
const UNIT_ONLY_WORDS = 0.3

/** A claim reported as denied or called false: the side of a dispute that answers a claim. */
const isChallenged = (claim: Claim.Claim): boolean => claim.attribution.stance !== "asserts"

/**
 * Rule denial-content: a denial answers a claim when it repeats at least this many of its content words,
 * a shared action counting as one, even with no action in common ("denied that any distress call from
 * the boat had gone unanswered" / "had ignored distress calls from the boat") ...
 */
const DENIED_WORDS = 3
/** ... and they are at least this share of the content words of the shorter side. */
const DENIED_SHARE = 0.6

/** Pairs scoring at least this align. Tuned on fixtures/stories (see `pnpm eval alignment`). */
export const THRESHOLD = 0.5

export interface Options {
  readonly lexicon?: Lexicon.Service
  readonly gazetteer?: Entities.Gazetteer
  readonly threshold?: number
  readonly maxBlock?: number
  readonly exchangeRates?: Readonly<Record<string, number>>
  /**
   * Also give each group the pairs that link it, each with its score and reasons (`AlignedGroup.pairs`).
   * Off by default: a group's reasons and score say the same in brief, and at 10,000 documents the
   * pairs' reason objects held about a tenth of the run's memory.
   */
  readonly pairs?: boolean
  /** Told how many candidate blocks were over the cap: split by a second key, or left out (counted, never silent). */
  readonly onBlocks?: (stats: { readonly split: number; readonly skipped: number }) => void
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
  readonly wordPairs: WordPairs
  readonly relate: Relate
  /**
   * False while candidate pairs are scored: the reasons, most of the cost in strings, are then left
   * out, and written when a linked pair is compared again.
   */
  readonly explaining: boolean
}

const context = (options: Options, weight: (lemma: string) => number = () => 1): Ctx => {
  const lexicon = options.lexicon ?? Lexicon.get()
  const resolver = Entities.make({
    ...(options.gazetteer ? { gazetteer: options.gazetteer } : {}),
    isCommonWord: lexicon.isCommonWord,
    isTitle: lexicon.isTitle,
    isStopword: lexicon.isStopword,
  })
  return withVocabulary({ lexicon, resolver, options, weight })
}

/** A context with a fresh vocabulary and the memos that hang on it: one per alignment or explanation. */
const withVocabulary = (base: Omit<Ctx, "vocabulary" | "wordPairs" | "relate" | "explaining">): Ctx => {
  const vocabulary = Vocabulary.make(base.lexicon)
  return {
    ...base,
    vocabulary,
    wordPairs: wordPairsOf(vocabulary),
    relate: relateOf(base.lexicon, vocabulary),
    explaining: true,
  }
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

type Relate = (a: Features.Word, b: Features.Word) => Lexicon.Relation | null

/**
 * Whether two words can relate at all: Lexicon.relate finds a relation only between the same lemma or
 * lemmas sharing a concept key. Read off the words' sorted concept numbers, without a lookup.
 */
const mayRelate = (vocabulary: Vocabulary.Vocabulary, a: Features.Word, b: Features.Word): boolean => {
  if (a.set === b.set) return true
  const ca = vocabulary.concepts(a.set)
  const cb = vocabulary.concepts(b.set)
  for (let i = 0, j = 0; i < ca.length && j < cb.length; ) {
    const x = ca[i] ?? 0
    const y = cb[j] ?? 0
    if (x === y) return true
    if (x < y) i++
    else j++
  }
  return a.lemmas.some((l) => b.lemmas.includes(l))
}

/**
 * The closest relation between two words' lemmas, remembered by lemma set for one alignment. Words that
 * cannot relate are answered without the memo: at 10,000 documents they were 95% of its 300,000 pairs.
 */
const relateOf = (lexicon: Lexicon.Service, vocabulary: Vocabulary.Vocabulary): Relate => {
  const known = new Map<number, Map<number, Lexicon.Relation | null>>()
  return (a, b) => {
    if (!mayRelate(vocabulary, a, b)) return null
    let row = known.get(a.set)
    if (!row) {
      row = new Map()
      known.set(a.set, row)
    }
    let r = row.get(b.set)
    if (r === undefined) {
      r = bestRelation(lexicon, a.lemmas, b.lemmas)
      row.set(b.set, r)
    }
    return r
  }
}

type WordPairs = (a: Features.Features, b: Features.Features) => ReadonlyArray<readonly [Features.Word, Features.Word]>

/**
 * Pairs of words of two claims that share a concept key: the only pairs that can relate (see
 * Lexicon.relate), in reading order. The words of `a` are filed by concept number once and reused
 * while `a` is compared with each of its candidates.
 */
const wordPairsOf = (vocabulary: Vocabulary.Vocabulary): WordPairs => {
  let filed: Features.Features | null = null
  let head = new Int32Array(0)
  let stamp = new Int32Array(0)
  let current = 0
  let word = new Int32Array(64)
  let next = new Int32Array(64)
  let last: {
    a: Features.Features
    b: Features.Features
    pairs: Array<readonly [Features.Word, Features.Word]>
  } | null = null
  const file = (a: Features.Features) => {
    filed = a
    current++
    let n = 0
    a.words.forEach((w, i) => {
      const concepts = vocabulary.concepts(w.set)
      if (vocabulary.conceptCount() > head.length) {
        const size = Math.max(1024, 2 * vocabulary.conceptCount())
        const grownHead = new Int32Array(size)
        const grownStamp = new Int32Array(size)
        grownHead.set(head)
        grownStamp.set(stamp)
        head = grownHead
        stamp = grownStamp
      }
      for (const c of concepts) {
        if (n === word.length) {
          const grownWord = new Int32Array(2 * n)
          const grownNext = new Int32Array(2 * n)
          grownWord.set(word)
          grownNext.set(next)
          word = grownWord
          next = grownNext
        }
        if (stamp[c] !== current) {
          stamp[c] = current
          head[c] = -1
        }
        word[n] = i
        next[n] = head[c] ?? -1
        head[c] = n++
      }
    })
  }
  return (a, b) => {
    if (last && last.a === a && last.b === b) return last.pairs
    if (filed !== a) file(a)
    const pairs: Array<readonly [Features.Word, Features.Word]> = []
    const seen = new Set<number>()
    b.words.forEach((wb, j) => {
      for (const c of vocabulary.concepts(wb.set)) {
        if (c >= stamp.length || stamp[c] !== current) continue
        for (let e = head[c] ?? -1; e >= 0; e = next[e] ?? -1) {
          const i = word[e] ?? 0
          const id = i * b.words.length + j
          const wa = a.words[i]
          if (seen.has(id) || !wa) continue
          seen.add(id)
          pairs.push([wa, wb])
        }
      }
    })
    pairs.sort(([p, q], [r, t]) => p.start - r.start || q.start - t.start)
    last = { a, b, pairs }
    return pairs
  }
}

/** Shared names, scored as a Dice coefficient, with how each was recognised. */
const entityOverlap = (ctx: Ctx, a: Features.Features, b: Features.Features): { score: number; reasons: Reason[] } => {
  if (a.entities.length === 0 || b.entities.length === 0) return { score: 0, reasons: [] }
  const shared = a.entities.filter((e) => b.entities.includes(e))
  const score = (2 * shared.length) / (a.entities.length + b.entities.length)
  if (!ctx.explaining) return { score, reasons: [] }
  const reasons = shared.map((e): Reason => {
    const ma = a.mentions.find((m) => m.entity === e)
    const mb = b.mentions.find((m) => m.entity === e)
    const forms = [...new Set([ma?.text, mb?.text])].filter(Boolean).map((t) => `"${t}"`)
    const rules = [...new Set([ma?.rule, mb?.rule])].filter((r) => r !== "alias" && r !== "name")
    return {
      kind: "entity",
      detail: `${forms.join(" and ")} = ${ctx.resolver.nameOf(e)}${rules.length > 0 ? ` (${rules.join(", ")})` : ""}`,
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
  for (const [wa, wb] of ctx.wordPairs(a, b)) {
    if (matched.has(wa) || wa.lemmas.some((l) => skip.has(l)) || wb.lemmas.some((l) => skip.has(l))) continue
    const r = ctx.relate(wa, wb)
    if (!r || (r.kind !== "same" && r.kind !== "synonym")) continue
    matched.add(wa)
    const key = wa.lemmas[0] ?? wa.text
    if (used.has(key)) continue
    used.add(key)
    const w = ctx.weight(key) * r.strength
    total += w
    if (ctx.explaining)
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
  const consider = (wa: Features.Word, wb: Features.Word) => {
    if (!(wa.action && wb.action) && !(loose && (wa.action || wb.action))) return
    const found = ctx.relate(wa, wb)
    if (!found || (!(wa.action && wb.action) && found.kind !== "same" && found.kind !== "related")) return
    // Two nouns ("alliance", "alignment") say less about what happened than a verb does.
    const discount = wa.action && wb.action ? (wa.nominal && wb.nominal ? 0.7 : 1) : 0.8
    const r = discount === 1 ? found : { ...found, strength: found.strength * discount }
    if (!action || r.strength > action.relation.strength) action = { relation: r, wa, wb }
  }
  // Action against action, in reading order, needs no pairing by concept: the few actions of each are
  // related directly (Lexicon.relate is null for words that share no concept).
  if (!loose) {
    for (const wa of a.words) if (wa.action) for (const wb of b.words) if (wb.action) consider(wa, wb)
  } else for (const [wa, wb] of ctx.wordPairs(a, b)) consider(wa, wb)
  return action
}

/**
 * Whether `word` is an inflected form of the verb `lemma` that WordNet's suffix rules do not undo: a
 * doubled last consonant ("shipping", "planned") or y turned to i ("copied", "notified").
 */
const isFormOf = (word: string, lemma: string): boolean => {
  if (!/^[a-z]{2,}$/.test(lemma)) return false
  const last = lemma[lemma.length - 1] ?? ""
  const stems = [lemma + last, ...(last === "y" ? [`${lemma.slice(0, -1)}i`] : [])]
  return stems.some((stem) => word === `${stem}ed` || word === `${stem}ing` || word === `${stem}es`)
}

/**
 * For a claim and its denial with no action in common: the verb denied, read with the extractor's lemma
 * of either claim's verb where the suffix rules missed it ("had been shipping diesel" / "denied it had
 * sent any diesel"), or a light verb ("denied that the ministry had been told" / "informed the
 * ministry"). Light verbs meet only through a synonym: the same light verb ("told" / "told") says too
 * little. Read here, for a dispute only, so every other comparison keeps the words' own lemmas.
 */
const deniedVerb = (ctx: Ctx, a: Features.Features, b: Features.Features): ActionMatch | null => {
  const verbs = [a.claim.predicate, b.claim.predicate].filter((v): v is string => v !== null)
  const read = (w: Features.Word): { word: Features.Word; light: boolean } | null => {
    const verb = verbs.find((v) => !w.lemmas.includes(v) && isFormOf(w.text.toLowerCase(), v))
    if (verb) return { word: { ...w, lemmas: [verb, ...w.lemmas] }, light: ctx.lexicon.isLightVerb(verb) }
    return w.action || w.light ? { word: w, light: w.light } : null
  }
  const as = a.words.flatMap((w) => read(w) ?? [])
  const bs = b.words.flatMap((w) => read(w) ?? [])
  let action: ActionMatch | null = null
  for (const x of as)
    for (const y of bs) {
      const found = bestRelation(ctx.lexicon, x.word.lemmas, y.word.lemmas)
      if (!found || !(found.kind === "synonym" || (found.kind === "same" && !(x.light && y.light)))) continue
      if (!action || found.strength > action.relation.strength) action = { relation: found, wa: x.word, wb: y.word }
    }
  return action
}

/** How many content words (or names) on each side of an action word are read as what it is done to or by. */
const ARGUMENT_WINDOW = 3

/**
 * Rule denial-arguments: whether some word or name next to `word` (within ARGUMENT_WINDOW content words
 * either side) is also in the other claim. A denial and a claim that share a verb and the story's
 * words are about one act only when what the verb is done to or by is shared too ("sending 40 extra
 * nurses to run the vaccination centres" / "denied that vaccination centres had sent families home").
 */
const argued = (ctx: Ctx, f: Features.Features, word: Features.Word, other: Features.Features): boolean => {
  const at = f.words.indexOf(word)
  if (at < 0) return true
  const near = [
    ...f.words.slice(Math.max(0, at - ARGUMENT_WINDOW), at),
    ...f.words.slice(at + 1, at + 1 + ARGUMENT_WINDOW),
  ]
  const from = near[0]?.start ?? word.start
  const to = near[near.length - 1]?.start ?? word.start
  const named = f.mentions.some(
    (m) =>
      m.end >= Math.min(from, word.start) - 1 &&
      m.start <= Math.max(to, word.start) + 1 &&
      other.entities.includes(m.entity),
  )
  return (
    named ||
    near.some((w) =>
      other.words.some((o) => {
        if (o === word) return false
        const r = ctx.relate(w, o)
        return r !== null && (r.kind === "same" || r.kind === "synonym")
      }),
    )
  )
}

/** Distinct content words of a claim, by first lemma. */
const contentWords = (f: Features.Features): number => new Set(f.words.map((w) => w.lemmas[0] ?? w.text)).size

const describeAction = (action: ActionMatch): string =>
  action.relation.kind === "same" ? `same action "${action.wa.lemmas[0]}"` : `action: ${action.relation.detail}`

const compareStatements = (ctx: Ctx, a: Features.Features, b: Features.Features): Comparison => {
  const reasons: Reason[] = []
  // A denial answers a claim at another time than the act it denies ("denied on Monday that it had
  // told the ministry in October"): its times say when it was said, so they keep nothing apart.
  const denial = isChallenged(a.claim) || isChallenged(b.claim)
  // A claim against its denial: what is denied is read for the claim's own words, not only its action.
  const dispute = isChallenged(a.claim) !== isChallenged(b.claim)
  if (!denial && !ctx.explaining && !QuantityComparison.isSameTime(a.claim, b.claim))
    return { comparable: false, reasons: [] }
  const time = ctx.explaining && !denial ? QuantityComparison.sameTime(a.claim, b.claim) : null
  if (time && !time.same) return { comparable: false, reasons: [time.reason] }
  const entities = entityOverlap(ctx, a, b)
  // Two claims that both name who or what they are about, and share none of it, are about different
  // things however alike their words ("South Korean law prohibits arms" / "the US and Russia vetoed").
  if (a.entities.length > 0 && b.entities.length > 0 && entities.score === 0)
    return {
      comparable: false,
      reasons: [{ kind: "entity", detail: "they name no one and nothing in common", weight: 0 }],
    }
  const action = bestAction(ctx, a, b) ?? (dispute ? deniedVerb(ctx, a, b) : null)
  // Denying the opposite of what a claim says ("denied that services would be cut" / "would keep
  // services running and raise fares") repeats the claim rather than disputing it.
  if (dispute && action?.relation.kind === "antonym")
    return {
      comparable: false,
      reasons: [
        {
          kind: "word",
          detail: `${describeAction(action)}: a denial of the opposite action does not dispute it`,
          weight: 0,
        },
      ],
    }
  if (dispute && action && !(argued(ctx, a, action.wa, b) && argued(ctx, b, action.wb, a)))
    return {
      comparable: false,
      reasons: [
        {
          kind: "word",
          detail: `rule denial-arguments: ${describeAction(action)}, but nothing said next to it is in both claims`,
          weight: 0,
        },
      ],
    }
  // Without an action in common only shared names and words could make one fact; while scoring,
  // too few shared names end it here, before the words are paired.
  if (!action && !dispute && !ctx.explaining && entities.score < 0.5) return { comparable: false, reasons: [] }
  const words = wordOverlap(ctx, a, b, action)
  let score = 0.35 * entities.score + 0.3 * words.score
  let opposite = a.claim.polarity !== b.claim.polarity
  let sameAgent = false
  // Rule denial-content: the denial says again what the claim says (its action, if any, counted as a word).
  const repeated = words.shared + (action ? 1 : 0)
  const share = repeated / Math.max(1, Math.min(contentWords(a), contentWords(b)))
  const retold = dispute && repeated >= DENIED_WORDS && share >= DENIED_SHARE
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
  } else if (retold) {
    // The denied content told again in other verbs: its shared words stand in for the action.
    score += 0.35 * share
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
  if (retold) {
    // The rule, not the weights of words common in the story, decides: a denial in a story of two
    // articles repeats words every claim there uses.
    score = Math.max(score, ctx.options.threshold ?? THRESHOLD)
    reasons.push({
      kind: "word",
      detail: `rule denial-content: the denial repeats ${repeated} of the claim's content words${action ? ", its action among them" : ""} (${Math.round(100 * share)}% of the shorter side)`,
      weight: 0,
    })
  }
  if (a.claim.polarity !== b.claim.polarity)
    reasons.push({ kind: "polarity", detail: `one is ${a.claim.polarity}, the other ${b.claim.polarity}`, weight: 0 })
  reasons.push(...entities.reasons, ...words.reasons)
  if (time) reasons.push(time.reason)
  return { comparable: true, score: Math.min(1, score), reasons, opposite, quantities: null }
}

/**
 * The verbs the extractor read as stating two figures ("demanded a ransom of €4m", "is demanding €4m"),
 * as an action pair when the claims' own words give none and one of the verbs cues its claim's
 * attribution, so is not among the words of what it reports. Only the same verb or a synonym: a looser
 * relation says too little here.
 */
const predicateAction = (
  ctx: Ctx,
  ma: QuantityComparison.Measure,
  mb: QuantityComparison.Measure,
): ActionMatch | null => {
  const pa = ma.measure.predicate
  const pb = mb.measure.predicate
  if (!pa || !pb || ctx.lexicon.isLightVerb(pa) || ctx.lexicon.isLightVerb(pb)) return null
  // Only where a cue took the verb out of the words: otherwise the words have already said all there is.
  const cued = (m: QuantityComparison.Measure) => m.claim.attribution.cue?.lemma === m.measure.predicate
  if (!cued(ma) && !cued(mb)) return null
  const relation = ctx.lexicon.relate(pa, pb)
  if (!relation || (relation.kind !== "same" && relation.kind !== "synonym")) return null
  const word = (lemma: string, text: string): Features.Word => ({
    text,
    lemmas: [lemma],
    set: ctx.vocabulary.set([lemma]),
    start: -1,
    action: true,
    light: false,
    nominal: false,
  })
  return { relation, wa: word(pa, pa), wb: word(pb, pb) }
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
  const action = bestAction(ctx, a, b, true) ?? predicateAction(ctx, ma, mb)
  const entities = entityOverlap(ctx, a, b)
  const words = wordOverlap(ctx, a, b, action)
  // Two amounts that share only a unit ("$5 billion", "$3 billion") are one figure only when the claims
  // do one thing with it or share the words that say what it is ("damage").
  if (q.basis === "unit" && !action && words.score < UNIT_ONLY_WORDS)
    return {
      comparable: false,
      reasons: [
        {
          kind: "measure",
          detail: `"${ma.quantity.text}" and "${mb.quantity.text}" share only a unit, and neither an action nor their words say they measure one thing`,
          weight: 0,
        },
      ],
    }
  // Two different things done to the same kind of number ("joined a march", "were arrested") count against.
  const bothAct = a.words.some((w) => w.action) && b.words.some((w) => w.action)
  // Unrelated actions count against a pair by how little else ties it: nothing when the measure classes
  // already say what both numbers are, most when only a counted noun does ("12 people were killed",
  // "30 people marched").
  const actionWeight = action ? 0.1 * action.relation.strength : bothAct ? UNRELATED_ACTIONS[q.basis] : 0
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
  const shared = Object.keys(options).length === 0
  if (shared) defaultCtx ??= context({})
  // The resolver and its patterns are built once; the vocabulary is this call's own.
  const base = shared && defaultCtx ? defaultCtx : context(options)
  const ctx = withVocabulary(base)
  const table = Features.extract(ctx, [a, b], documents)
  const [pa, pb] = table.claims
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
  const content = claim?.attribution.content?.span
  if (!claim || !content) return true
  return claim.quantities.some((q) => q.span.start >= content.start && q.span.end <= content.end)
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
  /** Float64, as scored: rounding would turn near scores into ties and change the order pairs join in. */
  readonly score: Float64Array
}

/** How many figures kept out of a group are named in its reasons. */
const KEPT_OUT = 2

/**
 * Joins items along the edges, strongest first; a group never takes two claims of one document for
 * one time (see `Items.document`), which stops chains of different facts of one article joining, and
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
): {
  readonly root: Int32Array
  readonly linked: Int32Array
  readonly keptOut: ReadonlyMap<number, ReadonlyArray<{ readonly item: number; readonly why: Membership.Apart }>>
} => {
  const { a, b, score } = edges
  const order = new Uint32Array(score.length)
  for (let k = 0; k < order.length; k++) order[k] = k
  order.sort((p, q) => (score[q] ?? 0) - (score[p] ?? 0) || (a[p] ?? 0) - (a[q] ?? 0) || (b[p] ?? 0) - (b[q] ?? 0))
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
  const has = (r: number, d: number): boolean => docsOf.get(r)?.has(d) ?? items.document[r] === d
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
    const own = docsOf.get(small) ?? [items.document[small] ?? -1]
    let clash = false
    for (const d of own) if (has(large, d)) clash = true
    if (clash) continue
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
    const merged = docsOf.get(large) ?? new Set([items.document[large] ?? -1])
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
  const df = new Map<string, number>()
  const base = options.lexicon ?? Lexicon.get()
  const weight = (lemma: string) => {
    const n = df.get(lemma) ?? 1
    // Rare words tell claims apart; a word in most claims tells nothing.
    return claims.length < 2 ? 1 : Math.max(0.3, Math.log(1 + claims.length / n) / Math.log(1 + claims.length))
  }
  const ctx = context({ ...options, lexicon: base }, weight)
  const table = Features.extract(ctx, claims, documents)
  const packed = table.claims
  for (const p of packed) {
    const lemmas = new Set<string>()
    for (let i = 0; i < p.words; i++) lemmas.add(ctx.vocabulary.lemmas(table.data[p.at + 3 * i + 2] ?? 0)[0] ?? "")
    for (const l of lemmas) df.set(l, (df.get(l) ?? 0) + 1)
  }

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
  const edgeScore = Pool.floats()
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
        edgeScore.push(c.score)
      }
    },
    options.maxBlock !== undefined ? { maxBlock: options.maxBlock } : {},
  )
  options.onBlocks?.({ split: blockStats.split, skipped: blockStats.skipped })

  const edges: Edges = { a: edgeA.done(), b: edgeB.done(), score: edgeScore.done() }
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
        }
      : null
  }
  const apart = (x: number, y: number): Membership.Apart | null => {
    const fx = figureOf(x)
    const fy = figureOf(y)
    return fx && fy ? Membership.apart(ctx.lexicon, fx, fy) : null
  }
  const { root, linked, keptOut } = join(items, edges, apart)

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
    const members: Member[] = list
      .map((i) => {
        const m = packed[items.claim[i] ?? -1]?.measures[items.measure[i] ?? -1]
        return { claim: claimOf(i), quantity: m?.quantity ?? null, normalized: normalized.get(i) ?? null }
      })
      .sort((x, y) => (x.claim.documentId < y.claim.documentId ? -1 : x.claim.documentId > y.claim.documentId ? 1 : 0))
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
