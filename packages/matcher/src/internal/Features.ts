/**
 * What the matcher reads off one claim, once: its content words with lemmas and offsets, its
 * entity mentions (resolved against the whole document), its action words and its measures.
 *
 * Read once per claim and kept packed (`Packed`: integer arrays and references to text already held);
 * `unpack` gives the readable `Features` of a claim or one of its clauses for the moment it is compared.
 */
import { type Claim, type Document, MeasureClass, Quantity } from "@crosscheck/domain"
import type * as Entities from "../Entities.js"
import * as Lexicon from "../Lexicon.js"
import lexicon from "../lexicon.json" with { type: "json" }
import * as QuantityComparison from "../QuantityComparison.js"
import * as Pool from "./Pool.js"
import type * as Vocabulary from "./Vocabulary.js"

export interface Word {
  readonly text: string
  readonly lemmas: ReadonlyArray<string>
  /** The lemmas' number in the vocabulary. */
  readonly set: number
  /** Offset in the document. */
  readonly start: number
  /** The word names an action: a verb form or a nominalisation ("removal"). */
  readonly action: boolean
  /**
   * A verb too general to say what happened on its own ("told", "started"): no action, but in a denial
   * it may be the very verb denied ("denied that the ministry had been told").
   */
  readonly light: boolean
  /** A noun made from a verb: its doer is the clause's subject, not the nearest name. */
  readonly nominal: boolean
}

/** A mention as comparison reads it: `Entities.Mention` without the name, which `Resolver.nameOf` gives. */
export type Mention = Omit<Entities.Mention, "name">

export interface Features {
  readonly claim: Claim.Claim
  readonly words: ReadonlyArray<Word>
  /** Mentions inside the claim's content (the attributed clause when there is one). */
  readonly mentions: ReadonlyArray<Mention>
  readonly entities: ReadonlyArray<string>
  /** Who the claim is attributed to: the entities named in its source. */
  readonly sources: ReadonlyArray<string>
  readonly measures: ReadonlyArray<QuantityComparison.Measure>
}

export interface Context {
  readonly lexicon: Lexicon.Service
  readonly resolver: Entities.Resolver
  readonly vocabulary: Vocabulary.Vocabulary
}

const WORD = /[\p{L}][\p{L}\p{N}'’-]*/gu
const NOMINAL = /^\p{L}{3,}(?:al|ion|ment|ure|ance|ence)s?$/u
const VERBAL = /(?:ed|ing|en)$/
const BE = new Set(["is", "was", "were", "are", "be", "been", "being", "am", "'s", "’s"])
const DETERMINERS = new Set(["the", "a", "an", "this", "that", "its", "their", "his", "her", "our", "each", "every"])
/** Words after which a verb's base form follows ("will close", "to extend", "had crossed"). */
const BEFORE_VERB = new Set([
  "will",
  "would",
  "shall",
  "should",
  "can",
  "could",
  "may",
  "might",
  "must",
  "to",
  "did",
  "does",
  "do",
  "not",
  "n't",
  "had",
  "has",
  "have",
  "cannot",
])

const words = (
  ctx: Context,
  claim: Claim.Claim,
  text: string,
  offset: number,
  mentions: ReadonlyArray<Entities.Mention>,
): ReadonlyArray<Omit<Word, "set">> => {
  const out: Array<Omit<Word, "set">> = []
  const raw = [...text.matchAll(WORD)]
  for (let i = 0; i < raw.length; i++) {
    const m = raw[i]
    if (!m) continue
    const surface = m[0]
    const at = offset + m.index
    if (mentions.some((x) => x.start <= at && at < x.end)) continue
    // Capitalised words are names (Entities reads them) unless a common word opens the sentence. A
    // capitalised word Entities did not take as a name ("the Harlow depot": WordNet knows a Harlow)
    // still tells what the claim is about, so it stays, as itself, never as the common word.
    const capitalised = /^\p{Lu}/u.test(surface)
    const opening = i === 0 && ctx.lexicon.isCommonWord(surface)
    if (capitalised && !opening && (i === 0 || ctx.lexicon.isTitle(surface))) continue
    if (ctx.lexicon.isStopword(surface)) continue
    if (capitalised && !opening) {
      out.push({
        text: surface,
        lemmas: [surface.toLowerCase()],
        start: at,
        action: false,
        light: false,
        nominal: false,
      })
      continue
    }
    let lemmas = ctx.lexicon.lemmas(surface)
    const next = raw[i + 1]?.[0]?.toLowerCase()
    if (next && Lexicon.particles.has(next)) {
      const joined = lemmas.map((l) => ctx.lexicon.phrase(l, next)).find((p) => p !== null)
      if (joined) {
        lemmas = [joined]
        i++
      }
    }
    const first = lemmas[0] ?? surface.toLowerCase()
    const isPredicate = claim.predicate !== null && lemmas.includes(claim.predicate)
    const nominal = NOMINAL.test(surface.toLowerCase()) && ctx.lexicon.isAction(first)
    const afterAuxiliary = BEFORE_VERB.has(raw[i - 1]?.[0]?.toLowerCase() ?? "")
    // "the crossing", "the Kelvar crossing": an -ing word after a determiner or a name is a noun.
    const previous = raw[i - 1]?.[0] ?? ""
    // "the crossing", "a border crossing": an -ing word WordNet knows as a noun is one unless a form of "be" precedes it.
    // "had kept taking deposits", "denied taking bookings": after a verb of aspect the -ing word is the act
    // (its lemmas looked up only for an -ing word).
    const nounIng =
      /ing$/.test(surface) &&
      !ctx.lexicon.lemmas(previous.toLowerCase()).some((l) => Lexicon.aspectVerbs.has(l)) &&
      (DETERMINERS.has(previous.toLowerCase()) ||
        /^\p{Lu}/u.test(previous) ||
        (ctx.lexicon.isNoun(surface.toLowerCase()) && !BE.has(previous.toLowerCase())))
    const verbal = ((VERBAL.test(surface.toLowerCase()) && !nounIng) || afterAuxiliary) && ctx.lexicon.isAction(first)
    const acting = isPredicate || nominal || verbal || lemmas.some((l) => l.includes("_"))
    const light = ctx.lexicon.isLightVerb(first)
    const action = acting && !light
    out.push({
      text: surface,
      lemmas,
      start: offset + m.index,
      action,
      light: acting && light,
      nominal: nominal && !verbal,
    })
  }
  return out
}

const OF_COUNTED = /\b(?:a|an|the|its|their)\s+(\p{Ll}+)\s+of\s+$/u
/** Nouns before "of" that name a statistic of the number, not what it counts ("an average of 15,000"). */
const NOT_COUNTED = new Set([
  "average",
  "total",
  "maximum",
  "minimum",
  "peak",
  "high",
  "low",
  "rate",
  "figure",
  "number",
  "sum",
  "estimate",
  "record",
  "range",
  "handful",
  "group",
  "series",
  "score",
  "age",
])

const OPENER = new RegExp(
  `^\\s*(?:${lexicon.leadingClauseOpeners.map((w: string) => w.replace(/ /g, "\\s+")).join("|")})\\b[^,;]{0,200}?,`,
  "i",
)

/**
 * A wire dateline opening a claim's text ("MARROWBY (Quillon Wire) — ", "SEOUL, South Korea (AP) -- "): a
 * place in capitals, what follows it up to a dash, and the agency in brackets. Read on the claim's text
 * here; the extractor reads it on tokens to keep it from being a speaker.
 */
const DATELINE =
  /^\s*\p{Lu}[\p{Lu}'’.-]+(?:[ \t]+\p{Lu}[\p{Lu}'’.-]+)*(?:,[^—–()\n]{1,40})?(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*(?:—|–|--)[ \t]*/u

/**
 * Where the claim's own words start: past a wire dateline, whose agency is no subject of its figures, and
 * an opening subordinate clause ("Around the time the shells arrived,"); 0 when neither opens it.
 */
export const leadingClauseEnd = (text: string): number => {
  const dateline = DATELINE.exec(text)?.[0].length ?? 0
  return dateline + (OPENER.exec(text.slice(dateline))?.[0].length ?? 0)
}

/**
 * Right after a figure, "of" opening a group it is counted out of ("Four of the injured"); "two of them"
 * points back to what was counted before, which is carried.
 */
const OUT_OF = /^[ \t]+of[ \t]+(?!(?:them|those|these|whom|which)\b)/i

/**
 * The measures of a claim; `previous` supplies what is counted when a sentence leaves it out. A figure
 * restated in brackets in another unit ("350 km (217 miles)") is the figure before it: it is not a
 * measure of its own, which would sit beside its original in no group (one article's two figures for one
 * time never share one) and make a group of the conversions alone.
 */
const measures = (
  claim: Claim.Claim,
  mentions: ReadonlyArray<Entities.Mention>,
  before: QuantityComparison.Measure | null,
): ReadonlyArray<QuantityComparison.Measure> => {
  // What the figure before counted, in its own sentence first ("by 27 votes to 14": votes), else in
  // the sentences before.
  let previous = before
  // Where the claim's own words start (past a dateline and an opening subordinate clause), once per claim.
  const from = claim.span.start + leadingClauseEnd(claim.text)
  return claim.quantities
    .filter((q) => q.restates !== true)
    .map((q) => {
      // The subject of a quantity: a name inside what it counts, else the names before it in its clause.
      const inCounted = mentions.filter(
        (m) => m.start >= q.span.end && m.start <= q.span.end + (q.counted?.length ?? 0) + 2,
      )
      // Any name before it in the clause may be its subject ("Pyongyang ... sending thousands of troops"),
      // but not one inside an opening subordinate clause ("When the first North Korean shells arrived, the rate ...").
      const before = mentions.filter((m) => m.end <= q.span.start && m.start >= from && !m.person)
      const subjects = [...new Set((inCounted.length > 0 ? inCounted : before).map((m) => m.entity))]
      // "a crew of 14": the noun before "of" is what a bare number counts.
      const ofNoun = q.unit ? null : OF_COUNTED.exec(claim.text.slice(0, q.span.start - claim.span.start))
      const named = ofNoun?.[1] && !NOT_COUNTED.has(ofNoun[1]) ? ofNoun[1] : null
      // A figure whose own class names another measure than the previous one's ("1,842 cases. Of those, 412
      // are in hospital") is not more of what that one counted.
      const own = Quantity.measureOf(q).class
      const otherMeasure = MeasureClass.isKnown(own) && own !== previous?.measure.class
      const rel = q.span.start - claim.span.start
      // "Four of the injured were teenagers": a figure out of a group its sentence names counts that group,
      // read or not, never what the sentence before counted ("At least 12 ambulances raced to the scene.").
      const outOfGroup = OUT_OF.test(claim.text.slice(q.span.end - claim.span.start))
      // Only a count carries what it counts to a bare count: not a length's thing ("a 40-metre tunnel"), nor
      // a name ("Skerrow Sand").
      const carried =
        !q.counted &&
        !q.unit &&
        !outOfGroup &&
        previous &&
        previous.quantity.per === q.per &&
        previous.quantity.unit === null &&
        !/^\p{Lu}/u.test(previous.counted ?? "") &&
        !otherMeasure
          ? previous.counted
          : null
      const m: QuantityComparison.Measure = {
        claim,
        quantity: q,
        counted: q.counted ?? named ?? carried,
        subjects,
        // The extractor's reading of scope when it gave one; claims stored before measures, the matcher's own.
        increment: q.measure ? q.measure.scope === "increment" : QuantityComparison.isIncrement(claim.text, rel),
        measure: Quantity.measureOf(q),
      }
      if (m.counted) previous = m
      return m
    })
}

/** Clauses joined by ", and", ", but" or ";": document offset ranges, or one range when there is no join. */
const CLAUSE_JOIN = /(?:,\s+(?:and|but)\s+|;\s+)/g
const clauseRanges = (text: string, offset: number): ReadonlyArray<readonly [number, number]> => {
  const out: Array<readonly [number, number]> = []
  let from = 0
  for (const m of text.matchAll(CLAUSE_JOIN)) {
    out.push([offset + from, offset + m.index])
    from = m.index + m[0].length
  }
  out.push([offset + from, offset + text.length])
  return out
}

const RULES: ReadonlyArray<Entities.Rule> = ["alias", "contextual", "short", "pronoun", "name", "surname"]
const ACTION = 1 << 16
const NOMINAL_BIT = 1 << 17
const LIGHT_BIT = 1 << 18
const LENGTH = 0xffff
const NONE: ReadonlyArray<never> = []

/**
 * One claim's features, packed into `Table.data` from `at`: its words as [start, length | flags, lemma
 * set] triples, its mentions as [start, end, entity, rule << 1 | person] quadruples (both in reading
 * order), its entity numbers (first mention first) and its clauses as [first word, end word, first
 * mention, end mention], then who it is attributed to (`Table.sources` numbers). Their text is read
 * back from `text` (the document's, or the claim's own), which is held anyway.
 */
export interface Packed {
  readonly claim: Claim.Claim
  readonly text: string
  /** The document offset of `text`'s first character. */
  readonly offset: number
  readonly at: number
  readonly words: number
  readonly mentions: number
  readonly entities: number
  /**
   * A statement joining two clauses that each do something ("we will close the depot, and every driver
   * will be offered a job") states two facts: how many clauses are packed, or 0 when it is one.
   */
  readonly clauses: number
  /**
   * How many entities the claim's source names, packed as `Table.sources` numbers: an array of their ids
   * per attributed claim held about 10 MB at 10,000 documents.
   */
  readonly sources: number
  readonly measures: ReadonlyArray<QuantityComparison.Measure>
}

export interface Table {
  readonly claims: ReadonlyArray<Packed>
  readonly data: Int32Array
  /**
   * The ids of the entities sources name, by number. Numbered apart from the vocabulary's entities: those
   * numbers order the blocking scopes, so numbering sources there too would change which pairs meet.
   */
  readonly sources: ReadonlyArray<string>
}

/** Features of every claim, packed; documents give names their context (pronouns, short names, "the North"). */
export const extract = (
  ctx: Context,
  claims: ReadonlyArray<Claim.Claim>,
  documents: ReadonlyArray<Document.Document>,
): Table => {
  const docs = new Map(documents.map((d) => [d.id as string, d]))
  // Only the current document's mentions are kept: claims are read document by document.
  let mentionsId: string | null = null
  let mentionsOf: ReadonlyArray<Entities.Mention> = []
  const lastMeasure = new Map<string, QuantityComparison.Measure>()
  const firstSeen = new Map<string, number>()
  claims.forEach((c, i) => {
    if (!firstSeen.has(c.documentId)) firstSeen.set(c.documentId, i)
  })
  const order = claims.map((_, i) => i)
  // Sentences in reading order within each document, so counted things carry forward.
  order.sort((i, j) => {
    const a = claims[i] as Claim.Claim
    const b = claims[j] as Claim.Claim
    const da = firstSeen.get(a.documentId) ?? 0
    const db = firstSeen.get(b.documentId) ?? 0
    return da - db || a.span.start - b.span.start || i - j
  })
  const data = Pool.ints()
  const sourceNumbers = new Map<string, number>()
  const sourceIds: string[] = []
  const out = new Array<Packed>(claims.length)
  for (const index of order) {
    const claim = claims[index] as Claim.Claim
    const doc = docs.get(claim.documentId)
    let all: ReadonlyArray<Entities.Mention>
    if (doc) {
      if (mentionsId !== doc.id) {
        mentionsId = doc.id
        mentionsOf = ctx.resolver.mentions(doc.text)
      }
      all = mentionsOf
    } else {
      all = ctx.resolver
        .mentions(claim.text)
        .map((m) => ({ ...m, start: m.start + claim.span.start, end: m.end + claim.span.start }))
    }
    const focus = claim.attribution.content?.span ?? claim.span
    const source = claim.attribution.source?.span ?? null
    const mentions = all.filter(
      (m) =>
        m.start >= focus.start && m.end <= focus.end && !(source && m.start >= source.start && m.end <= source.end),
    )
    const focusText =
      claim.attribution.content?.text ?? (doc ? doc.text.slice(claim.span.start, claim.span.end) : claim.text)
    const ms = measures(claim, mentions, lastMeasure.get(claim.documentId) ?? null)
    const last = ms[ms.length - 1]
    if (last?.counted) lastMeasure.set(claim.documentId, last)
    const ws = words(ctx, claim, focusText, focus.start, all)
    const sources = source
      ? [...new Set(all.filter((m) => m.start >= source.start && m.end <= source.end).map((m) => m.entity))]
      : NONE
    const at = data.length
    for (const w of ws)
      data.push(
        w.start,
        w.text.length | (w.action ? ACTION : 0) | (w.nominal ? NOMINAL_BIT : 0) | (w.light ? LIGHT_BIT : 0),
        ctx.vocabulary.set(w.lemmas),
      )
    for (const m of mentions)
      data.push(m.start, m.end, ctx.vocabulary.entity(m.entity), (RULES.indexOf(m.rule) << 1) | (m.person ? 1 : 0))
    const entities = new Set(mentions.map((m) => ctx.vocabulary.entity(m.entity)))
    data.push(...entities)
    const parts = claim.kind === "statement" ? clauseRanges(focusText, focus.start) : []
    const clauses: Array<readonly [number, number, number, number]> = []
    const first = <T extends { readonly start: number }>(xs: ReadonlyArray<T>, from: number) => {
      const i = xs.findIndex((x) => x.start >= from)
      return i < 0 ? xs.length : i
    }
    for (const [from, to] of parts) {
      const range = [first(ws, from), first(ws, to), first(mentions, from), first(mentions, to)] as const
      if (ws.slice(range[0], range[1]).some((w) => w.action)) clauses.push(range)
    }
    if (clauses.length > 1) for (const range of clauses) data.push(...range)
    for (const id of sources) {
      let n = sourceNumbers.get(id)
      if (n === undefined) {
        n = sourceIds.length
        sourceNumbers.set(id, n)
        sourceIds.push(id)
      }
      data.push(n)
    }
    // The document's text when there is one: a slice of it would be a copy per claim.
    const [text, offset] = doc
      ? [doc.text, 0]
      : claim.attribution.content
        ? [focusText, focus.start]
        : [claim.text, claim.span.start]
    out[index] = {
      claim,
      text,
      offset,
      at,
      words: ws.length,
      mentions: mentions.length,
      entities: entities.size,
      clauses: clauses.length > 1 ? clauses.length : 0,
      sources: sources.length,
      measures: ms.length > 0 ? ms : NONE,
    }
  }
  return { claims: out, data: data.done(), sources: sourceIds }
}

/** How many readable clauses a packed claim has: one, or one per clause that does something. */
export const clauseCount = (p: Packed): number => Math.max(1, p.clauses)

const mentionsAt = (p: Packed): number => p.at + 3 * p.words
const entitiesAt = (p: Packed): number => mentionsAt(p) + 4 * p.mentions
const clausesAt = (p: Packed): number => entitiesAt(p) + p.entities
const sourcesAt = (p: Packed): number => clausesAt(p) + 4 * p.clauses

/** [first word, end word, first mention, end mention] of a claim (`clause` -1) or one of its clauses. */
const rangeOf = (table: Table, p: Packed, clause: number): readonly [number, number, number, number] => {
  if (clause < 0 || p.clauses === 0) return [0, p.words, 0, p.mentions]
  const at = clausesAt(p) + 4 * clause
  const d = table.data
  return [d[at] ?? 0, d[at + 1] ?? 0, d[at + 2] ?? 0, d[at + 3] ?? 0]
}

/** The entity numbers of a claim (`clause` -1) or one of its clauses, first mention first. */
export const entitiesOf = (table: Table, p: Packed, clause: number): ReadonlyArray<number> => {
  const d = table.data
  if (clause < 0 || p.clauses === 0) return [...d.subarray(entitiesAt(p), entitiesAt(p) + p.entities)]
  const [, , m0, m1] = rangeOf(table, p, clause)
  const ids = new Set<number>()
  for (let i = m0; i < m1; i++) ids.add(d[mentionsAt(p) + 4 * i + 2] ?? 0)
  return [...ids]
}

const sourcesOf = (table: Table, p: Packed): ReadonlyArray<string> => {
  if (p.sources === 0) return NONE
  const at = sourcesAt(p)
  return Array.from(table.data.subarray(at, at + p.sources), (n) => table.sources[n] ?? "")
}

/** The readable features of a claim (`clause` -1) or of one of its clauses. */
export const unpack = (ctx: Context, table: Table, p: Packed, clause = -1): Features => {
  const d = table.data
  const [w0, w1, m0, m1] = rangeOf(table, p, clause)
  const slice = (start: number, end: number) => p.text.slice(start - p.offset, end - p.offset)
  const ws: Word[] = []
  for (let i = w0; i < w1; i++) {
    const at = p.at + 3 * i
    const start = d[at] ?? 0
    const packed = d[at + 1] ?? 0
    const set = d[at + 2] ?? 0
    ws.push({
      text: slice(start, start + (packed & LENGTH)),
      lemmas: ctx.vocabulary.lemmas(set),
      set,
      start,
      action: (packed & ACTION) !== 0,
      light: (packed & LIGHT_BIT) !== 0,
      nominal: (packed & NOMINAL_BIT) !== 0,
    })
  }
  const mentions: Mention[] = []
  for (let i = m0; i < m1; i++) {
    const at = mentionsAt(p) + 4 * i
    const start = d[at] ?? 0
    const end = d[at + 1] ?? 0
    const flags = d[at + 3] ?? 0
    mentions.push({
      entity: ctx.vocabulary.entityId(d[at + 2] ?? 0),
      text: slice(start, end),
      start,
      end,
      rule: RULES[flags >> 1] ?? "name",
      person: (flags & 1) !== 0,
    })
  }
  return {
    claim: p.claim,
    words: ws,
    mentions,
    entities: [...new Set(mentions.map((m) => m.entity))],
    sources: sourcesOf(table, p),
    measures: p.measures,
  }
}
