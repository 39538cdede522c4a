/**
 * The one wink-nlp pass over a text that every extraction step reads from: tokens with their
 * character offsets, part of speech and lemma, and sentence spans. wink is lossless, so offsets
 * are recovered by walking tokens and their preceding whitespace.
 */
import type { Span } from "@crosscheck/domain"
import type { WinkMethods } from "wink-nlp"
import approximators from "./approximators.json" with { type: "json" }
import * as Lexicon from "./Lexicon.js"

export interface Token {
  readonly text: string
  /** The text in lower case, made once here: the rules read it for nearly every token, many times over. */
  readonly lower: string
  readonly start: number
  readonly end: number
  readonly pos: string
  readonly lemma: string
  /** The word classes of lexicon.json the token is in (Lexicon.classesOf), read by Lexicon's tests as bits. */
  readonly classes: number
  readonly type: string
  readonly sentence: number
}

export interface Sentence {
  readonly index: number
  readonly span: Span.Span
  /** Token index range, end exclusive. */
  readonly first: number
  readonly last: number
}

export interface Analysis {
  readonly text: string
  readonly tokens: ReadonlyArray<Token>
  readonly sentences: ReadonlyArray<Sentence>
}

interface ItemTokens {
  readonly itemAt: (i: number) => { readonly out: (f: unknown) => unknown }
}

/** What a token's spelling and part of speech give it, whatever the document: made once per word. */
interface Word {
  readonly text: string
  readonly pos: string
  readonly lower: string
  readonly lemma: string
  readonly classes: number
}

/** Words by part of speech, then spelling: two lookups, never a key string built for each token. */
const words = new Map<string, Map<string, Word>>()
let wordCount = 0

/**
 * The word last stored for each wink lexeme index below this bound (the model knows some 88,000): one
 * array read instead of the two map lookups for nearly every token. A hint only: the index of a word
 * wink learnt from a document is given to another word in the next, and a word has more than one part
 * of speech, so its spelling and part of speech are checked.
 */
const LEXEME_HINTS = 1 << 17
const byLexeme: Array<Word | undefined> = new Array(LEXEME_HINTS)

/**
 * wink lemmatises on request, which costs more than the rest of the analysis. A word's lemma depends
 * only on its spelling and part of speech (contractions aside), so lemmas are shared across
 * documents: most tokens are frequent words lemmatised before, and cost one map lookup, which also
 * gives the word's lower case and lexicon classes.
 */
const wordOf = (tokens: ItemTokens, lemma: unknown, index: number, text: string, pos: string, id: number): Word => {
  const hint = id < LEXEME_HINTS ? byLexeme[id] : undefined
  if (hint !== undefined && hint.text === text && hint.pos === pos) return hint
  let byText = words.get(pos)
  // A word with an apostrophe is never stored, so it is looked up as well and tested only on a miss.
  const known = byText?.get(text)
  if (known !== undefined) {
    if (id < LEXEME_HINTS) byLexeme[id] = known
    return known
  }
  const cacheable = !text.includes("'") && !text.includes("’")
  const l = tokens.itemAt(index).out(lemma)
  const lower = text.toLowerCase()
  const value = typeof l === "string" ? l : lower
  const word: Word = { text, pos, lower, lemma: value, classes: Lexicon.classesOf(lower, value) }
  if (cacheable) {
    if (id < LEXEME_HINTS) byLexeme[id] = word
    if (wordCount >= 200_000) {
      words.clear()
      wordCount = 0
      byText = undefined
    }
    if (!byText) {
      byText = new Map()
      words.set(pos, byText)
    }
    byText.set(text, word)
    wordCount++
  }
  return word
}

/** Runs without whitespace longer than this are cut before wink reads them (its e-mail pattern is quadratic in a run). */
export const MAX_RUN = 100
/** Sentences longer than this many tokens are cut into pieces: later steps are quadratic within a sentence. */
export const MAX_SENTENCE_TOKENS = 150

/** The text with a space every MAX_RUN characters of a run without whitespace: same length, so offsets hold. */
export const cutRuns = (text: string): string => {
  let out: string[] | null = null
  let run = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c <= 32 || c === 0xa0) run = 0
    else if (++run > MAX_RUN && !(c >= 0xd800 && c <= 0xdfff)) {
      out ??= text.split("")
      out[i] = " "
      run = 0
    }
  }
  return out ? out.join("") : text
}

/** The spaces wink's tokenizer splits on (the model's splitter): the space, the no-break and the narrow spaces. */
const isSpace = (c: number): boolean =>
  c === 32 || c === 0xa0 || (c >= 0x2002 && c <= 0x2005) || c === 0x2009 || c === 0x200a || c === 0x202f || c === 0x205f

/** A sentence's tokens `a`..`b` as ranges of at most MAX_SENTENCE_TOKENS. */
const pushPiece = (ranges: Array<[number, number]>, a: number, b: number): void => {
  for (let at = a; at <= b; at += MAX_SENTENCE_TOKENS) ranges.push([at, Math.min(b, at + MAX_SENTENCE_TOKENS - 1)])
}

/** A list item's mark at the start of a line ("- 2013: the last invasion"). */
const BULLET = /^[-*\u2022\u2013\u2014]$/

/**
 * Whether a sentence wink read on over a line break ends at it (token `t`): a list's lines ("- 2013: ...",
 * "- October 2026: ..."), or a line after a full stop, are sentences of their own.
 */
const endsAtLineBreak = (spellings: ReadonlyArray<string>, types: ReadonlyArray<string>, t: number): boolean =>
  types[t] === "tabCRLF" &&
  (spellings[t] ?? "").includes("\n") &&
  (BULLET.test(spellings[t + 1] ?? "") || /^[.!?]$/.test(spellings[t - 1] ?? ""))

/** A time of day whose point wink keeps in the token: "6am.", "10:00pm.", "p.m." after "9". */
const TIME_POINT = /^(?:\d{1,2}(?:[:.]\d\d)?)?[ap]\.?m\.$/i

/** Whether a token is such a time; most tokens do not end in a full stop, so one character is read first. */
const isTimePoint = (word: string): boolean => word.charCodeAt(word.length - 1) === 46 && TIME_POINT.test(word)

/**
 * Whether a sentence ends at token `t` that wink read on: it keeps the full stop of "6:00am." and "p.m."
 * in the token and goes on into the next sentence when that opens with a word it does not expect there
 * ("... ends at 6:00am. Asked whether ...", "at 5 p.m. Police said"). A capitalised word after such a
 * time opens a sentence unless it goes on with the time (a weekday, a month, a time zone, "Moscow time").
 */
const endsAtTimePoint = (spellings: ReadonlyArray<string>, t: number): boolean => {
  const word = spellings[t] ?? ""
  if (!isTimePoint(word)) return false
  if (/^[ap]/i.test(word) && !/^\d/.test(spellings[t - 1] ?? "")) return false
  const next = spellings[t + 1] ?? ""
  if (!/^[A-Z]/.test(next)) return false
  return !Lexicon.continuesTime(next.toLowerCase()) && (spellings[t + 2] ?? "").toLowerCase() !== "time"
}

/**
 * The tokens with the full stop of each time point at `points` (ascending) made a token of its own, as
 * any sentence's is: "6:00am." becomes "6:00am" and ".", so the time reads as a time and the sentence ends
 * in its stop.
 */
const splitTimePoints = (tokens: Token[], points: ReadonlyArray<number>): void => {
  for (let k = points.length - 1; k >= 0; k--) {
    const at = points[k] ?? 0
    const t = tokens[at]
    if (!t) continue
    const cut = (w: string) => (w.endsWith(".") ? w.slice(0, -1) : w)
    const time: Token = { ...t, text: cut(t.text), lower: cut(t.lower), lemma: cut(t.lemma), end: t.end - 1 }
    const stop: Token = {
      ...t,
      text: ".",
      lower: ".",
      lemma: ".",
      pos: "PUNCT",
      type: "punctuation",
      classes: 0,
      start: t.end - 1,
    }
    tokens.splice(at, 1, time, stop)
  }
}

/** Words a figure may follow: the first words of approximators.json `before` ("about", "more than", "at least"). */
const FIGURE_OPENERS: ReadonlySet<string> = new Set(Object.keys(approximators.before).map((p) => p.split(" ")[0] ?? p))

/** Parts of speech that close off a noun group before it as a subject: not a preposition's object nor a count's noun. */
const NOT_SUBJECT = new Set(["ADP", "NUM"])

/**
 * Verbs the tagger reads as nouns between a subject and a figure (lexicon.json nounVerbs: "the bridge cost
 * 31 million crowns", "the council plans 300 homes", "Police estimate about 40"), given their verb's part of
 * speech in `pos`: each after a noun that closes a noun group (opened by a determiner, a possessive, a verb
 * or the sentence's start, not by a preposition or a number) and before a number, a currency sign or a word
 * that opens a figure. Read as nouns, they left a reported clause without a verb and so without a speaker.
 */
const retagNounVerbs = (spellings: ReadonlyArray<string>, pos: string[]): void => {
  for (let i = 1; i < pos.length - 1; i++) {
    if (pos[i] !== "NOUN" || !Lexicon.isNounVerb((spellings[i] ?? "").toLowerCase())) continue
    const next = spellings[i + 1] ?? ""
    if (
      pos[i + 1] !== "NUM" &&
      pos[i + 1] !== "SYM" &&
      !/^[$€£¥]/.test(next) &&
      !FIGURE_OPENERS.has(next.toLowerCase())
    )
      continue
    if (pos[i - 1] !== "NOUN" && pos[i - 1] !== "PROPN") continue
    let j = i - 1
    while (j >= 0 && (pos[j] === "NOUN" || pos[j] === "PROPN" || pos[j] === "ADJ")) j--
    if (j >= 0 && NOT_SUBJECT.has(pos[j] ?? "")) continue
    pos[i] = "VERB"
  }
}

export const analyse = (nlp: WinkMethods, original: string): Analysis => {
  const its = nlp.its
  // Tokens are read from the cut text, which has the same offsets; the analysis keeps the original.
  const text = cutRuns(original)
  const doc = nlp.readDoc(text)
  const all = doc.tokens()
  const out = (f: unknown): string[] => all.out(f as never) as unknown as string[]
  const spellings = all.out() as string[]
  const ids = all.out(its.uniqueId as never) as unknown as number[]
  const pos = out(its.pos)
  retagNounVerbs(spellings, pos)
  const types = out(its.type)
  const items = all as unknown as ItemTokens
  const sentenceRanges: Array<[number, number]> = []
  // The spans in one call: `each` builds a token collection for every sentence, which costs more.
  const spans = doc.sentences().out(its.span as never) as unknown as ReadonlyArray<readonly [number, number]>
  // Tokens of a time of day that end a sentence wink read on: its full stop is made a token of its own below.
  const timePoints: number[] = []
  for (const [a, b] of spans) {
    let from = a
    for (let t = a; t < b; t++)
      if (endsAtTimePoint(spellings, t)) {
        pushPiece(sentenceRanges, from, t)
        timePoints.push(t)
        from = t + 1
      } else if (t > from && endsAtLineBreak(spellings, types, t)) {
        pushPiece(sentenceRanges, from, t)
        from = t + 1
      }
    pushPiece(sentenceRanges, from, b)
    // A sentence wink ended in a time ("... ends at 6:00am."): its stop too is made a token.
    const last = spellings[b] ?? ""
    if (isTimePoint(last) && !/^[ap]/i.test(last)) timePoints.push(b)
  }
  const sentenceOf = new Int32Array(spellings.length)
  sentenceRanges.forEach(([a, b], i) => {
    for (let t = a; t <= b; t++) sentenceOf[t] = i
  })

  const tokens: Token[] = new Array(spellings.length)
  let cursor = 0
  for (let i = 0; i < spellings.length; i++) {
    const word = spellings[i] ?? ""
    // The spaces before the token are read from the text, not asked of wink (its.precedingSpaces makes a
    // string of them for every token). A token never starts with a space wink splits on, so when the word
    // follows the spaces skipped here they are the ones wink counted; when it does not, wink is asked.
    let at = cursor
    while (at < text.length && isSpace(text.charCodeAt(at))) at++
    if (text.startsWith(word, at)) cursor = at
    else {
      cursor += String(items.itemAt(i).out(its.precedingSpaces)).length
      // wink reproduces the input exactly; search forward only if that ever fails on odd input.
      if (!text.startsWith(word, cursor)) {
        const found = text.indexOf(word, cursor)
        if (found >= 0) cursor = found
      }
    }
    const start = Math.min(cursor, text.length)
    const end = Math.min(start + word.length, text.length)
    const p = pos[i] ?? "X"
    const w = wordOf(items, its.lemma, i, word, p, ids[i] ?? LEXEME_HINTS)
    tokens[i] = {
      text: word,
      lower: w.lower,
      start,
      end,
      pos: p,
      lemma: w.lemma,
      classes: w.classes,
      type: types[i] ?? "word",
      sentence: sentenceOf[i] ?? 0,
    }
    cursor = end
  }

  if (timePoints.length > 0) {
    splitTimePoints(tokens, timePoints)
    // Each range moves on by the full stops made before it, and one ending at a time point takes its stop.
    let k = 0
    for (const range of sentenceRanges) {
      while (k < timePoints.length && (timePoints[k] ?? 0) < range[0]) k++
      const before = k
      while (k < timePoints.length && (timePoints[k] ?? 0) <= range[1]) k++
      range[0] += before
      range[1] += k
    }
  }

  // wink ends a sentence at the point of "RM31.20" or "PS2.7m"; a sentence never ends inside a number.
  const merged: Array<[number, number]> = []
  for (const range of sentenceRanges) {
    const prev = merged[merged.length - 1]
    const lastTok = prev ? tokens[prev[1]] : undefined
    const nextTok = tokens[range[0]]
    if (
      prev &&
      lastTok &&
      nextTok &&
      lastTok.end === nextTok.start &&
      /\d\.?$/.test(text.slice(lastTok.start - 1, lastTok.end)) &&
      /^\d/.test(nextTok.text)
    )
      prev[1] = range[1]
    else merged.push([range[0], range[1]])
  }
  // A merged sentence numbers its tokens as one, and those after it by their place among the merged, so a
  // token's sentence is the one the sentences below hold ("At 5.20am ..." had every later sentence off by one).
  if (merged.length < sentenceRanges.length)
    merged.forEach(([a, b], index) => {
      for (let t = a; t <= b; t++) (tokens[t] as { sentence: number }).sentence = index
    })

  // A loop rather than map and filter: those deopt the whole function on a page of one sentence.
  const sentences: Sentence[] = []
  for (let index = 0; index < merged.length; index++) {
    const [a, b] = merged[index] as [number, number]
    let first = a
    let last = b
    // Leading and trailing line breaks belong to no sentence.
    while (first <= last && tokens[first]?.type === "tabCRLF") first++
    while (last >= first && tokens[last]?.type === "tabCRLF") last--
    // A sentence of line breaks alone is left out, before reading past the last token.
    if (last < first) continue
    const start = tokens[first]?.start ?? tokens[a]?.start ?? 0
    const end = tokens[last]?.end ?? start
    sentences.push({ index, span: { start, end }, first, last: last + 1 })
  }
  return { text: original, tokens, sentences }
}

/**
 * Whether a text opens with an upper-case letter (/^\p{Lu}/u): a letter of ASCII is read from its code, so only
 * text opening past ASCII is tested with the pattern (the rules ask this of nearly every token).
 */
export const startsUpper = (text: string): boolean => {
  const c = text.charCodeAt(0)
  return (c >= 65 && c <= 90) || (c > 127 && /^\p{Lu}/u.test(text))
}

/** A token's text in lower case, "" past either end of the tokens. */
export const lower = (t: Token | undefined): string => (t ? t.lower : "")

/**
 * Whether the tokens from index `at` on are `words` (lower case), "" standing for a place past either end.
 * A loop, not `words.every(...)`: the rules ask this for nearly every token, and a callback that reads the
 * tokens and the index makes the engine allocate a closure and a context for each asking.
 */
export const wordsAt = (ts: ReadonlyArray<Token>, at: number, words: ReadonlyArray<string>): boolean => {
  for (let k = 0; k < words.length; k++) if (lower(ts[at + k]) !== words[k]) return false
  return true
}

/**
 * "3,150 emergency calls failed", "left 3,150 emergency calls unanswered", "about 600 corrected offers had
 * been sent": wink tags some plural nouns after a noun or a modifier as verbs. Token `i`, a word in -s after
 * singular nouns, adjectives or participles that a figure above one opens, is the plural noun the figure
 * counts ("one slide says", "a spokesman says": a verb).
 */
export const isPluralAfterFigure = (ts: ReadonlyArray<Token>, i: number): boolean => {
  const t = ts[i]
  if (!t || (t.pos !== "VERB" && t.pos !== "NOUN") || !/[^s]s$/.test(t.lower)) return false
  let k = i - 1
  // Singular nouns and modifiers between: "3,150 emergency calls", "about 600 corrected offers".
  const modifier = (m: Token | undefined) =>
    (m?.pos === "NOUN" && !/s$/.test(m.lower)) || m?.pos === "ADJ" || (m?.pos === "VERB" && /(?:ed|ing)$/.test(m.lower))
  while (k >= 0 && modifier(ts[k])) k--
  const figure = ts[k]
  return k < i - 1 && figure?.pos === "NUM" && !/^(?:one|1)$/i.test(figure.text)
}

/** The tokens of one sentence. */
export const sentenceTokens = (analysis: Analysis, sentence: Sentence): ReadonlyArray<Token> =>
  analysis.tokens.slice(sentence.first, sentence.last)

/** Index of the first token that starts at or after `offset` (tokens are in text order). */
export const tokenAt = (ts: ReadonlyArray<Token>, offset: number): number => {
  let lo = 0
  let hi = ts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if ((ts[mid]?.start ?? 0) < offset) lo = mid + 1
    else hi = mid
  }
  return lo
}
