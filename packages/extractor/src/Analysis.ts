/**
 * The one wink-nlp pass over a text that every extraction step reads from: tokens with their
 * character offsets, part of speech and lemma, and sentence spans. wink is lossless, so offsets
 * are recovered by walking tokens and their preceding whitespace.
 */
import type { Span } from "@crosscheck/domain"
import type { WinkMethods } from "wink-nlp"
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
  const types = out(its.type)
  const items = all as unknown as ItemTokens
  const sentenceRanges: Array<[number, number]> = []
  // The spans in one call: `each` builds a token collection for every sentence, which costs more.
  const spans = doc.sentences().out(its.span as never) as unknown as ReadonlyArray<readonly [number, number]>
  for (const [a, b] of spans)
    for (let at = a; at <= b; at += MAX_SENTENCE_TOKENS)
      sentenceRanges.push([at, Math.min(b, at + MAX_SENTENCE_TOKENS - 1)])
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
