/**
 * How two claims compare: the score that aligns them (names, words, actions, quantities, times) with its
 * reasons, or why they are not comparable. Alignment blocks and groups claims on these comparisons.
 */
import type { AlignedGroup, Claim } from "@crosscheck/domain"
import * as Entities from "../Entities.js"
import * as Lexicon from "../Lexicon.js"
import words from "../lexicon.json" with { type: "json" }
import * as QuantityComparison from "../QuantityComparison.js"
import type * as Features from "./Features.js"
import * as Vocabulary from "./Vocabulary.js"

type Reason = AlignedGroup.Reason

/** Pairs scoring at least this align. Tuned on fixtures/stories (see `pnpm eval alignment`). */
export const THRESHOLD = 0.5

/** Shared words (weighted by rarity) that make the word evidence complete. */
const WORDS_FOR_FULL_SCORE = 2.5

const UNRELATED_ACTIONS = { measure: 0, counted: -0.1, unit: -0.2 } as const

/** Word evidence (0..1) two amounts that share only a unit need when no action relates them. */
const UNIT_ONLY_WORDS = 0.3

/**
 * Word evidence that two amounts of one value in one unit (QuantityComparison.sameMeasuredFigure) need
 * when no action relates them. Measured on every dev root (evall): at 0.15 (and at 0), findings recall
 * 1723 -> 1729 of 2572, one more wrong contradiction (a trap's temperatures, 56 in all), must-not-flag
 * unchanged.
 */
const SAME_VALUE_WORDS = 0.15

/** What the same precise figure on both sides (QuantityComparison.samePreciseFigure) adds, as an action would. */
const SAME_PRECISE = 0.1

/** A claim reported as denied or called false: the side of a dispute that answers a claim. */
export const isChallenged = (claim: Claim.Claim): boolean => claim.attribution.stance !== "asserts"

/**
 * Rule denial-content: a denial answers a claim when it repeats at least this many of its content words,
 * a shared action counting as one, even with no action in common ("denied that any distress call from
 * the boat had gone unanswered" / "had ignored distress calls from the boat") ...
 */
const DENIED_WORDS = 3
/** ... and they are at least this share of the content words of the shorter side. */
const DENIED_SHARE = 0.6

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

export interface Ctx extends Features.Context {
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

export const context = (options: Options, weight: (lemma: string) => number = () => 1): Ctx => {
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
export const withVocabulary = (base: Omit<Ctx, "vocabulary" | "wordPairs" | "relate" | "explaining">): Ctx => {
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
 * Whether `word` is a form of the verb `lemma` with y turned to i ("copied", "notified"), which the
 * lexicon's lemmas leave alone: read so only for a denied verb, where it names the act denied (a doubled
 * last consonant, "shipping", "planned", is in the lemmas already).
 */
const isFormOf = (word: string, lemma: string): boolean =>
  /^[a-z]{2,}y$/.test(lemma) && (word === `${lemma.slice(0, -1)}ied` || word === `${lemma.slice(0, -1)}ies`)

/**
 * For a claim and its denial with no action in common: the verb denied, read with the extractor's lemma
 * of either claim's verb where the lexicon's lemmas miss it ("had copied the files" / "denied it had
 * duplicated any file"), or a light verb ("denied that the ministry had been told" / "informed the
 * ministry"). Light verbs meet only through a synonym: the same light verb ("told" / "told") says too
 * little. Read here, for a dispute only, so every other comparison keeps the words' own lemmas.
 */
const deniedVerb = (ctx: Ctx, a: Features.Features, b: Features.Features): ActionMatch | null => {
  const verbs = [a.claim.predicate, b.claim.predicate].filter((v): v is string => v !== null)
  type Read = { word: Features.Word; light: boolean; received: boolean }
  const read = (w: Features.Word): Read | null => {
    const verb = verbs.find((v) => !w.lemmas.includes(v) && isFormOf(w.text.toLowerCase(), v))
    if (verb)
      return { word: { ...w, lemmas: [verb, ...w.lemmas] }, light: ctx.lexicon.isLightVerb(verb), received: false }
    return w.action || w.light ? { word: w, light: w.light, received: false } : null
  }
  // Rule received-act: "denied it had received any complaint" answers "residents had complained to the
  // owners": the noun after a verb of receiving (lexicon.json receivingVerbs) names the act received, and
  // meets the claim's verb as one word (the same, a synonym, or its form: "complaint", "complain").
  const received = (f: Features.Features): Read[] =>
    isChallenged(f.claim)
      ? f.words.flatMap((w, i) => {
          const noun = f.words[i + 1]
          return RECEIVING.has(w.lemmas[0] ?? "") && noun && !noun.action && !/^\p{Lu}/u.test(noun.text)
            ? [{ word: { ...noun, action: true }, light: false, received: true }]
            : []
        })
      : []
  const as = [...a.words.flatMap((w) => read(w) ?? []), ...received(a)]
  const bs = [...b.words.flatMap((w) => read(w) ?? []), ...received(b)]
  let action: ActionMatch | null = null
  for (const x of as)
    for (const y of bs) {
      const found = bestRelation(ctx.lexicon, x.word.lemmas, y.word.lemmas)
      if (!found) continue
      const receivedAct = (x.received || y.received) && found.kind === "related"
      if (!(found.kind === "synonym" || (found.kind === "same" && !(x.light && y.light)) || receivedAct)) continue
      const relation = receivedAct ? { ...found, detail: `rule received-act: ${found.detail}` } : found
      if (!action || found.strength > action.relation.strength) action = { relation, wa: x.word, wb: y.word }
    }
  return action
}

/** Verbs by which one side is told what the other did ("received any complaint", "got a request"). */
const RECEIVING: ReadonlySet<string> = new Set(words.receivingVerbs)

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
  action.relation.kind === "same" && !action.relation.detail.startsWith("rule ")
    ? `same action "${action.wa.lemmas[0]}"`
    : `action: ${action.relation.detail}`

export const compareStatements = (ctx: Ctx, a: Features.Features, b: Features.Features): Comparison => {
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
  // A denial that names the claim's own act (the same verb or a synonym, done to what the claim names: rule
  // denial-arguments held above) needs one more word in common, not two.
  const direct = action !== null && (action.relation.kind === "same" || action.relation.kind === "synonym")
  // Two denials of one claim tell it again in each other's words, as a denial tells its claim.
  const answering = dispute || (isChallenged(a.claim) && isChallenged(b.claim))
  const retold = answering && repeated >= (direct ? 2 : DENIED_WORDS) && share >= DENIED_SHARE
  if (action && a.claim.polarity !== b.claim.polarity) {
    // "there was no hope of finding them, as time had elapsed" and "the search shifted, as time had
    // elapsed": the negation is on another verb than the one shared, so the two do not clash on it.
    const [negative, word] = a.claim.polarity === "negative" ? [a.claim, action.wa] : [b.claim, action.wb]
    if (negative.predicate !== null && !word.lemmas.includes(negative.predicate))
      return {
        comparable: false,
        reasons: [
          {
            kind: "polarity",
            detail: `rule negation-elsewhere: ${describeAction(action)}, but the negation is on "${negative.predicate}"`,
            weight: 0,
          },
        ],
      }
  }
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

export const compareMeasures = (
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
  const precise = q.basis === "unit" && !action && QuantityComparison.samePreciseFigure(ma.quantity, mb.quantity)
  // The same amount in one unit on both sides ("84 per cent", "84%"; "about 280,000 euros", "about
  // €280,000") needs half the words: a round figure alone may be another thing's, but not with words too.
  const sameValue = QuantityComparison.sameMeasuredFigure(ma.quantity, mb.quantity)
  if (q.basis === "unit" && !action && !precise && words.score < (sameValue ? SAME_VALUE_WORDS : UNIT_ONLY_WORDS))
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
  const sameMeasured = !action && !precise && QuantityComparison.sameMeasuredFigure(ma.quantity, mb.quantity)
  const actionWeight = action
    ? 0.1 * action.relation.strength
    : precise || sameMeasured
      ? SAME_PRECISE
      : bothAct
        ? UNRELATED_ACTIONS[q.basis]
        : 0
  // Two claims dated to overlapping periods are more likely one fact than two undated ones.
  const dated = QuantityComparison.timeOfFact(a.claim)?.start && QuantityComparison.timeOfFact(b.claim)?.start ? 0.1 : 0
  const score = Math.min(1, 0.6 * q.strength + 0.15 * entities.score + 0.15 * words.score + actionWeight + dated)
  const scale = (rs: ReadonlyArray<Reason>, f: number) => rs.map((r) => ({ ...r, weight: r.weight * f }))
  const actionReasons: Reason[] = action
    ? [{ kind: "word", detail: describeAction(action), weight: actionWeight }]
    : precise || sameMeasured
      ? [
          {
            kind: "measure",
            detail: `both give the same ${precise ? "precise " : ""}figure, "${ma.quantity.text}" and "${mb.quantity.text}"`,
            weight: actionWeight,
          },
        ]
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
export const compareFeatures = (ctx: Ctx, a: Features.Features, b: Features.Features): Comparison => {
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
