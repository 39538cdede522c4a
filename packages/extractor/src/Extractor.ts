/**
 * The extraction service: Document in, claims out. The wink model is loaded once, when the layer
 * is built, and shared by every document of the run.
 */
import { Attribution, type Claim, type Document, Ids, type Quantity, type Span, Units } from "@crosscheck/domain"
import { Context, Effect, Layer } from "effect"
import model from "wink-eng-lite-web-model"
import winkNLP, { type WinkMethods } from "wink-nlp"
import * as Analysis from "./Analysis.js"
import * as Attributions from "./Attributions.js"
import * as Completions from "./Completions.js"
import * as FiguresBack from "./FiguresBack.js"
import * as UnknownWords from "./internal/UnknownWords.js"
import * as Lexicon from "./Lexicon.js"
import * as Quantities from "./Quantities.js"
import * as Reopenings from "./Reopenings.js"
import * as Speakers from "./Speakers.js"
import * as Statements from "./Statements.js"
import * as TimeExpressions from "./TimeExpressions.js"

/**
 * The extractor's version, stamped on every stored claim. Bump it when a change alters the claims
 * extracted: a store holding claims of another version has those documents extracted again.
 */
export const VERSION = "extractor-122"

export interface Options {
  /** Anchor for relative times when a document has no publication date. */
  readonly asOf?: string | null
}

export interface Service {
  readonly extract: (document: Document.Document) => ReadonlyArray<Claim.Claim>
  /**
   * The options this standard extractor was made with, so a worker thread can make the same one
   * (pipeline's ExtractionPool). A stand-in service leaves them out and is only called in-thread.
   */
  readonly options?: Options
}

export class Extractor extends Context.Tag("@crosscheck/extractor/Extractor")<Extractor, Service>() {}

const within = (inner: Span.Span, outer: Span.Span): boolean => inner.start >= outer.start && inner.end <= outer.end

/** Whether a figure is part of the time its sentence names ("three months" of "three months ago"). */
const ownTime = (time: Claim.TimeScope, sentence: string, offset: number, q: Quantity.Quantity): boolean => {
  const at = sentence.indexOf(time.text)
  return at >= 0 && within(q.span, { start: offset + at, end: offset + at + time.text.length })
}

/** Finite forms of "be", "have" and "do" in the present tense. */
const PRESENT_AUXILIARIES: ReadonlySet<string> = new Set(["is", "are", "am", "has", "have", "does", "do"])

/** A verb token in the present tense: a present form of "be", "have", "do", or a verb's "-s" form ("sells"). */
const isPresentVerb = (t: Analysis.Token): boolean =>
  (t.pos === "AUX" || t.pos === "VERB") &&
  (PRESENT_AUXILIARIES.has(t.lower) || (t.pos === "VERB" && t.lower.endsWith("s") && t.lemma !== t.lower))

/** Days before the article a time must end by to be of the past for `pastAside`. */
const PAST_DAYS = 365

/**
 * Whether a time of the past lies in a phrase after the figures' clause that has no figure nor verb of
 * its own, while every verb of that clause is in the present: "The paper sells about 21,000 copies a day, a
 * fraction of its circulation in the 1990s." The time dates the phrase's noun; the figures hold as of
 * the article ("sells"), as a present tense cannot hold in the 1990s.
 */
const pastAside = (
  time: Claim.TimeScope,
  tokens: ReadonlyArray<Analysis.Token>,
  sentence: string,
  offset: number,
  quantities: ReadonlyArray<Quantity.Quantity>,
  anchor: Date | null,
): boolean => {
  if (!anchor || !time.end || Date.parse(time.end) > anchor.getTime() - PAST_DAYS * 86_400_000) return false
  const at = sentence.indexOf(time.text)
  if (at < 0 || quantities.length === 0) return false
  const start = offset + at
  let comma = -1
  for (let i = 0; i < tokens.length && (tokens[i]?.start ?? start) < start; i++) if (tokens[i]?.text === ",") comma = i
  if (comma < 0) return false
  const commaAt = tokens[comma]?.start ?? 0
  if (quantities.some((q) => q.span.end > commaAt && !ownTime(time, sentence, offset, q))) return false
  for (let i = comma + 1; i < tokens.length && (tokens[i]?.start ?? start) < start; i++) {
    const pos = tokens[i]?.pos
    if (pos === "VERB" || pos === "AUX") return false
  }
  // A participle right before its noun ("printed copies") describes the noun; it is no verb of the clause.
  const verbs = tokens
    .slice(0, comma)
    .filter((t, i) => (t.pos === "VERB" || t.pos === "AUX") && tokens[i + 1]?.pos !== "NOUN")
  return verbs.length > 0 && verbs.every(isPresentVerb)
}

/** The most characters an attribution's content may run on for (about 300 words). */
export const MAX_CONTENT = 2_000

/** An attribution whose content ends by `end` (a sentence's end), cut there when it ran further. */
const clipContent = (f: Attributions.Found, end: number, text: string): Attributions.Found => {
  const { start, end: contentEnd } = f.content.span
  if (contentEnd <= end || end <= start) return f
  return { ...f, content: { text: text.slice(start, end), span: { start, end } } }
}

/**
 * Which sentences (by place in `sentences`) lie wholly inside one of `spans`. Sentences are in text order
 * and never overlap, so those inside a span are a run from the first that starts in it, found by a
 * binary search: the spans need no sorting (sorting them took more than the rest of this step).
 */
const insideSpans = (sentences: ReadonlyArray<SentenceParts>, spans: ReadonlyArray<Span.Span>): Uint8Array => {
  const inside = new Uint8Array(sentences.length)
  for (const span of spans) {
    let lo = 0
    let hi = sentences.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((sentences[mid]?.sentence.span.start ?? 0) < span.start) lo = mid + 1
      else hi = mid
    }
    for (let i = lo; i < sentences.length && (sentences[i]?.sentence.span.end ?? 0) <= span.end; i++) inside[i] = 1
  }
  return inside
}

/**
 * Extracts claims with an already-loaded wink instance (`loadModel`). The claims depend on the
 * document alone, never on the documents the instance read before it.
 */
export const extractWith = (
  nlp: WinkMethods,
  document: Document.Document,
  options: Options = {},
): ReadonlyArray<Claim.Claim> => UnknownWords.isolated(nlp, () => extractAlone(nlp, document, options))

/** A sentence of the document, read once: its tokens, text, quantities and time. */
interface SentenceParts {
  readonly sentence: Analysis.Sentence
  readonly tokens: ReadonlyArray<Analysis.Token>
  readonly text: string
  readonly quantities: ReadonlyArray<Quantity.Quantity>
  readonly time: Claim.TimeScope | null
}

/**
 * The claim of one attribution, and the index of the sentence it starts in (searched from `from`,
 * the one the previous attribution started in). A function of its own, so that the engine compiles
 * it apart from the document loop: one large function takes far longer to optimise than two.
 */
const attributedClaim = (
  document: Document.Document,
  analysis: Analysis.Analysis,
  sentences: ReadonlyArray<SentenceParts>,
  found0: Attributions.Found,
  from: number,
  spokenQuantities: Set<Quantity.Quantity>,
  defaultTime: Claim.TimeScope | null,
): { readonly claim: Claim.Claim; readonly si: number } => {
  const text = document.text
  // The claim's text: the sentences its cue and content lie in (the source may be far before).
  const start = Math.min(found0.cue.span.start, found0.content.span.start)
  const end = Math.max(found0.cue.span.end, found0.content.span.end)
  let si = from
  while (si > 0 && (sentences[si]?.sentence.span.start ?? 0) > start) si--
  while (si < sentences.length - 1 && (sentences[si]?.sentence.span.end ?? 0) <= start) si++
  let last = si
  // A content runs on for at most MAX_CONTENT characters, to a sentence's end: a colon before a page
  // with no quotation mark would otherwise make every claim after it the whole rest of the page.
  const limit = found0.content.span.start + MAX_CONTENT
  while (
    last < sentences.length - 1 &&
    (sentences[last]?.sentence.span.end ?? 0) < end &&
    (sentences[last + 1]?.sentence.span.start ?? limit) < limit
  )
    last++
  const f = clipContent(found0, sentences[last]?.sentence.span.end ?? end, text)
  const span = {
    start: Math.min(start, sentences[si]?.sentence.span.start ?? start),
    end: Math.max(f.cue.span.end, f.content.span.end, sentences[last]?.sentence.span.end ?? end),
  }
  const quantities: Quantity.Quantity[] = []
  let time: Claim.TimeScope | null = null
  for (let k = si; k <= last; k++) {
    const part = sentences[k]
    if (!part) continue
    time ??= part.time
    for (const q of part.quantities) {
      // A quantity belongs to one claim only, though two attributions may report it.
      if (within(q.span, f.content.span) && !spokenQuantities.has(q)) {
        quantities.push(q)
        spokenQuantities.add(q)
      }
    }
  }
  const contentTokens = analysis.tokens.slice(
    Analysis.tokenAt(analysis.tokens, f.content.span.start),
    Analysis.tokenAt(analysis.tokens, f.content.span.end),
  )
  const svo = Statements.triple(contentTokens)
  const claim: Claim.Claim = {
    id: Ids.claimId(document.id, span.start, span.end, f.content.span.start, f.content.span.end, f.cue.span.start),
    documentId: document.id,
    kind: quantities.length > 0 ? "numeric" : "statement",
    text: text.slice(span.start, span.end),
    span,
    attribution: {
      source: f.source,
      mention: f.mention,
      cue: f.cue,
      content: f.content,
      mode: f.mode,
      stance: f.stance,
      hedged: f.hedged,
      rule: f.rule,
    },
    subject: svo.subject,
    predicate: svo.predicate,
    object: svo.object,
    polarity: svo.polarity,
    quantities,
    time: time ?? defaultTime,
  }
  return { claim, si }
}

const extractAlone = (nlp: WinkMethods, document: Document.Document, options: Options): ReadonlyArray<Claim.Claim> => {
  const text = document.text
  const analysis = Analysis.analyse(nlp, text)
  const titled = document.title !== null && document.title !== undefined && document.title.trim() !== ""
  const { attributions, quotes } = Attributions.find(analysis, document.outlet, titled)
  const anchorText = document.publishedAt ?? options.asOf ?? null
  const anchor = anchorText && !Number.isNaN(Date.parse(anchorText)) ? new Date(anchorText) : null
  // A claim that names no time is placed at the publication date, marked as defaulted; without a date it has none.
  const day = anchor ? anchor.toISOString().slice(0, 10) : null
  const defaultTime: Claim.TimeScope | null = day ? { text: "", start: day, end: day, defaulted: true } : null
  const sentences = analysis.sentences.map((sentence): SentenceParts => {
    const tokens = Analysis.sentenceTokens(analysis, sentence)
    const sentenceText = text.slice(sentence.span.start, sentence.span.end)
    const quantities = Completions.withCompletions(
      sentenceText,
      sentence.span.start,
      Reopenings.withReopenings(sentenceText, sentence.span.start, Quantities.find(text, tokens), anchor),
      anchor,
    )
    // "should reopen on Monday": the day is what the forecast is of; the forecast itself is as of the
    // article, whatever else the sentence dates ("abandoning the plan it announced on Wednesday").
    const forecast = quantities.some((q) => q.unit === Units.DATE)
    // "VELLMARK, 6 January (Harnet Press) - ... from 1 April": a dateline's day is the story's, not the sentence's.
    const lead = Speakers.leadEnd(tokens, 0, tokens.length)
    const own = lead > 0 && tokens[lead] ? text.slice(tokens[lead].start, sentence.span.end) : sentenceText
    const found = forecast ? null : TimeExpressions.find(own, anchor)
    // "last inspected three months ago": when the sentence's only figures are the time's own length, the
    // figure is the claim, not a time it holds at, and it is told as of the article's day.
    const time =
      found &&
      quantities.length > 0 &&
      (quantities.every((q) => ownTime(found, sentenceText, sentence.span.start, q)) ||
        pastAside(found, tokens, sentenceText, sentence.span.start, quantities, anchor))
        ? null
        : found
    return { sentence, tokens, text: sentenceText, quantities, time }
  })
  // "By Tuesday the figure had risen to 52": a figure a word for a figure gives measures what the one
  // that word points back to measures.
  const resolved = FiguresBack.resolve(
    sentences.map((s) => ({ text: s.text, start: s.sentence.span.start, quantities: s.quantities })),
  )
  for (let i = 0; i < sentences.length; i++) {
    const quantities = resolved[i] as ReadonlyArray<Quantity.Quantity>
    const s = sentences[i] as SentenceParts
    if (quantities !== s.quantities) sentences[i] = { ...s, quantities }
  }
  // "at the time", "that day": the time the text last named before, or the article's day when none was.
  let named: Claim.TimeScope | null = null
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i] as SentenceParts
    if (s.time && TimeExpressions.pointsBack(s.time))
      sentences[i] = { ...s, time: named ? { ...named, text: s.time.text } : null }
    else if (s.time?.start) named = s.time
  }
  const bySentence = new Map<number, Attributions.Found[]>()
  for (const f of attributions) {
    const list = bySentence.get(f.sentence)
    if (list) list.push(f)
    else bySentence.set(f.sentence, [f])
  }
  // Sentences inside a quotation or a reported clause are the speaker's words, never the outlet's own.
  // Built with pushes: spreading two mapped arrays deopts here whenever one of them is empty.
  const spokenSpans: Span.Span[] = []
  for (const q of quotes) spokenSpans.push(q.outer)
  for (const f of attributions) spokenSpans.push(f.content.span)
  const spoken = insideSpans(sentences, spokenSpans)

  const claims: Claim.Claim[] = []
  let si = 0
  for (let index = 0; index < sentences.length; index++) {
    const s = sentences[index] as SentenceParts
    const found = bySentence.get(s.sentence.index) ?? []
    const spokenQuantities = new Set<Quantity.Quantity>()
    for (const found0 of found) {
      const made = attributedClaim(document, analysis, sentences, found0, si, spokenQuantities, defaultTime)
      si = made.si
      claims.push(made.claim)
    }
    const span = s.sentence.span
    const leftover = s.quantities.filter((q) => !spokenQuantities.has(q))
    if (found.length > 0 && leftover.length === 0) continue
    if (found.length === 0 && spoken[index] === 1) continue
    const svo = Statements.triple(s.tokens)
    if (leftover.length === 0 && svo.predicate === null) continue
    // A hedge that is a figure's own approximator ("an estimated 12,000") makes the figure approximate, not the claim hedged.
    const hedged = s.tokens.some((t) => Lexicon.isHedge(t) && !leftover.some((q) => within(t, q.span)))
    claims.push({
      id: Ids.claimId(document.id, span.start, span.end),
      documentId: document.id,
      kind: leftover.length > 0 ? "numeric" : "statement",
      text: s.text,
      span,
      attribution: Attribution.asserted(hedged),
      subject: svo.subject,
      predicate: svo.predicate,
      object: svo.object,
      polarity: svo.polarity,
      quantities: leftover,
      time: s.time ?? defaultTime,
    })
  }
  return claims
}

/**
 * wink with only the steps extraction reads: sentence boundaries and parts of speech (lemmas are
 * computed on request). wink's named entities, negation and sentiment are not read by anything here,
 * and leaving them out makes the pass over a text about 40% cheaper, with the same claims.
 */
export const PIPE: ReadonlyArray<"sbd" | "pos"> = ["sbd", "pos"]

/**
 * A wink instance for `extractWith`. It stays usable for any number of documents: once it has learnt
 * `UnknownWords.RENEW_AFTER` words it is made again in place, so its memory does not grow with them.
 */
export const loadModel = (): WinkMethods => UnknownWords.tracked(model, (m) => winkNLP(m, [...PIPE]))

/**
 * The model is loaded once, on the first document: a run whose documents all go to worker threads
 * (each with a model of its own) never pays for one here.
 */
export const make = (options: Options = {}): Effect.Effect<Service> =>
  Effect.sync(() => {
    let nlp: WinkMethods | undefined
    return {
      extract: (document) => {
        nlp ??= loadModel()
        return extractWith(nlp, document, options)
      },
      options,
    }
  })

export const layer = (options: Options = {}): Layer.Layer<Extractor> => Layer.effect(Extractor, make(options))
