/**
 * What the matcher reads off one claim, once: its content words with lemmas and offsets, its
 * entity mentions (resolved against the whole document), its action words and its measures.
 */
import type { Claim, Document } from "@crosscheck/domain"
import type * as Entities from "../Entities.js"
import * as Lexicon from "../Lexicon.js"
import * as QuantityComparison from "../QuantityComparison.js"

export interface Word {
  readonly text: string
  readonly lemmas: ReadonlyArray<string>
  /** Offset in the document. */
  readonly start: number
  /** The word names an action: a verb form or a nominalisation ("removal"). */
  readonly action: boolean
  /** A noun made from a verb: its doer is the clause's subject, not the nearest name. */
  readonly nominal: boolean
}

export interface Features {
  readonly claim: Claim.Claim
  readonly words: ReadonlyArray<Word>
  /** Each concept key of the claim's words, with the words filed under it: two words relate only if they share one. */
  readonly byConcept: ReadonlyMap<string, ReadonlyArray<Word>>
  /** Mentions inside the claim's content (the attributed clause when there is one). */
  readonly mentions: ReadonlyArray<Entities.Mention>
  readonly entities: ReadonlyArray<string>
  /** Who the claim is attributed to: the entities named in its source. */
  readonly sources: ReadonlyArray<string>
  readonly measures: ReadonlyArray<QuantityComparison.Measure>
  /**
   * A statement joining two clauses that each do something ("we will close the depot, and every driver
   * will be offered a job") states two facts: one Features per clause, or just this one.
   */
  readonly clauses: ReadonlyArray<Features>
}

export interface Context {
  readonly lexicon: Lexicon.Service
  readonly resolver: Entities.Resolver
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
): ReadonlyArray<Word> => {
  const out: Word[] = []
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
      out.push({ text: surface, lemmas: [surface.toLowerCase()], start: at, action: false, nominal: false })
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
    const nounIng =
      /ing$/.test(surface) &&
      (DETERMINERS.has(previous.toLowerCase()) ||
        /^\p{Lu}/u.test(previous) ||
        (ctx.lexicon.isNoun(surface.toLowerCase()) && !BE.has(previous.toLowerCase())))
    const verbal = ((VERBAL.test(surface.toLowerCase()) && !nounIng) || afterAuxiliary) && ctx.lexicon.isAction(first)
    const action =
      (isPredicate || nominal || verbal || lemmas.some((l) => l.includes("_"))) && !ctx.lexicon.isLightVerb(first)
    out.push({ text: surface, lemmas, start: offset + m.index, action, nominal: nominal && !verbal })
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

/** The measures of a claim; `previous` supplies what is counted when a sentence leaves it out. */
const measures = (
  claim: Claim.Claim,
  mentions: ReadonlyArray<Entities.Mention>,
  previous: QuantityComparison.Measure | null,
): ReadonlyArray<QuantityComparison.Measure> =>
  claim.quantities.map((q) => {
    // The subject of a quantity: a name inside what it counts, else the names before it in its clause.
    const inCounted = mentions.filter(
      (m) => m.start >= q.span.end && m.start <= q.span.end + (q.counted?.length ?? 0) + 2,
    )
    // Any name before it in the clause may be its subject ("Pyongyang ... sending thousands of troops").
    const before = mentions.filter((m) => m.end <= q.span.start && !m.person)
    const subjects = [...new Set((inCounted.length > 0 ? inCounted : before).map((m) => m.entity))]
    // "a crew of 14": the noun before "of" is what a bare number counts.
    const ofNoun = q.unit ? null : OF_COUNTED.exec(claim.text.slice(0, q.span.start - claim.span.start))
    const named = ofNoun?.[1] && !NOT_COUNTED.has(ofNoun[1]) ? ofNoun[1] : null
    const carried = !q.counted && !q.unit && previous && previous.quantity.per === q.per ? previous.counted : null
    const rel = q.span.start - claim.span.start
    return {
      claim,
      quantity: q,
      counted: q.counted ?? named ?? carried,
      subjects,
      increment: QuantityComparison.isIncrement(claim.text, rel),
    }
  })

const conceptsOf = (ctx: Context, ws: ReadonlyArray<Word>): ReadonlyMap<string, ReadonlyArray<Word>> => {
  const byConcept = new Map<string, Word[]>()
  for (const w of ws)
    for (const l of w.lemmas)
      for (const c of ctx.lexicon.concepts(l)) {
        const list = byConcept.get(c)
        if (!list) byConcept.set(c, [w])
        else if (!list.includes(w)) list.push(w)
      }
  return byConcept
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

/** Features of every claim; documents give names their context (pronouns, short names, "the North"). */
export const extract = (
  ctx: Context,
  claims: ReadonlyArray<Claim.Claim>,
  documents: ReadonlyArray<Document.Document>,
): ReadonlyArray<Features> => {
  const docs = new Map(documents.map((d) => [d.id as string, d]))
  const mentionCache = new Map<string, ReadonlyArray<Entities.Mention>>()
  const lastMeasure = new Map<string, QuantityComparison.Measure>()
  const ordered = claims.map((c, i) => [c, i] as const)
  // Sentences in reading order within each document, so counted things carry forward.
  ordered.sort(([a, i], [b, j]) => (a.documentId === b.documentId ? a.span.start - b.span.start : i - j))
  const out = new Array<Features>(claims.length)
  for (const [claim, index] of ordered) {
    const doc = docs.get(claim.documentId)
    let all: ReadonlyArray<Entities.Mention>
    if (doc) {
      all = mentionCache.get(doc.id) ?? ctx.resolver.mentions(doc.text)
      mentionCache.set(doc.id, all)
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
    const byConcept = conceptsOf(ctx, ws)
    const sources = source
      ? [...new Set(all.filter((m) => m.start >= source.start && m.end <= source.end).map((m) => m.entity))]
      : []
    const whole: Features = {
      claim,
      words: ws,
      byConcept,
      mentions,
      entities: [...new Set(mentions.map((m) => m.entity))],
      sources,
      measures: ms,
      clauses: [],
    }
    const parts = claim.kind === "statement" ? clauseRanges(focusText, focus.start) : []
    const clauses = parts
      .map(([from, to]) => {
        const cw = ws.filter((w) => w.start >= from && w.start < to)
        const cm = mentions.filter((m) => m.start >= from && m.start < to)
        return {
          ...whole,
          words: cw,
          byConcept: conceptsOf(ctx, cw),
          mentions: cm,
          entities: [...new Set(cm.map((m) => m.entity))],
        }
      })
      .filter((c) => c.words.some((w) => w.action))
    out[index] = clauses.length > 1 ? { ...whole, clauses } : { ...whole, clauses: [whole] }
  }
  return out
}
