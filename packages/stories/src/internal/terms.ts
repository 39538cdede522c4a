/**
 * An article's terms for story clustering: content words of the body and title (lowercased, plurals
 * folded) and names (runs of capitalised words), with counts. No model: wink has no NER here.
 */
import stopwordList from "../stopwords.json" with { type: "json" }

const STOPWORDS: ReadonlySet<string> = new Set(stopwordList)

export const isStopword = (word: string): boolean => STOPWORDS.has(word)

/**
 * Abbreviations with their dots ("U.S.", which would otherwise end a sentence), words with inner
 * apostrophes, hyphens and dots, and the punctuation that ends a sentence.
 */
const TOKEN = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[.!?;:"“”()]/gu
const SENTENCE_END: ReadonlySet<string> = new Set([".", "!", "?", ";", ":", '"', "“", "”", "(", ")"])

/**
 * A word's folded form: lowercase, no possessive, plural folded to singular, so "Senators'" and
 * "senator" meet. Deliberately crude (no stemming of verbs): names and nouns carry a story.
 */
export const fold = (word: string): string => {
  let w = word.toLowerCase()
  if (w.endsWith("'s") || w.endsWith("’s")) w = w.slice(0, -2)
  else if (w.endsWith("'") || w.endsWith("’")) w = w.slice(0, -1)
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`
  else if (w.length > 4 && (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes")))
    w = w.slice(0, -2)
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is"))
    w = w.slice(0, -1)
  return w
}

const isContent = (folded: string): boolean => folded.length >= 2 && !STOPWORDS.has(folded) && !/^\p{N}+$/u.test(folded)

/** Capitalised, but not a shouted word of a heading ("SUPERPOWERS"): an acronym is at most five letters. */
const isCapitalised = (token: string): boolean => {
  const first = token.charAt(0)
  if (first === first.toLowerCase()) return false
  return !(token.length > 5 && token === token.toUpperCase() && /\p{L}{6}/u.test(token))
}

interface Word {
  readonly folded: string
  /** Its folded form is a content word (not a function word or a bare number). */
  readonly content: boolean
  readonly stop: boolean
  readonly capitalised: boolean
}

const WORDS = new Map<string, Word>()

/**
 * Distinct tokens remembered at most; past it the memo starts again (a word is worked out again, never
 * differently). A feed keeps bringing new names, and a long run met over a million tokens: 400 bytes
 * each on the heap, held from the first part of a large run to its last.
 */
export const MAX_WORDS = 100_000

/**
 * A string of its own: a token is a slice of its article's text (its fold often the same string), and kept
 * past the article, one of 13 characters or more would keep that whole text alive.
 */
const own = (token: string): string => ` ${token}`.slice(1)

/**
 * What scanning needs to know of a token, worked out once per distinct token: a feed's vocabulary is
 * small next to its running words, and this was most of the story stage's cost.
 */
const word = (token: string): Word => {
  const hit = WORDS.get(token)
  if (hit) return hit
  const folded = own(fold(token))
  const w = {
    folded,
    content: isContent(folded),
    stop: STOPWORDS.has(token.toLowerCase()),
    capitalised: isCapitalised(token),
  }
  if (WORDS.size >= MAX_WORDS) WORDS.clear()
  WORDS.set(own(token), w)
  return w
}

/** Whether a token, folded, is a content word (not a function word or a bare number). */
export const isContentWord = (token: string): boolean => word(token).content

export interface Scanned {
  /** Counts of the text's content words, folded. */
  readonly words: Map<string, number>
  /**
   * The same without the words of its names: what the text says happened, not to whom or where. A lone
   * capitalised word opening a sentence is no name ("Talks", "Officials") and counts here.
   */
  readonly what: Map<string, number>
  /**
   * The content words of its names, folded, each time a name is written: who and where. Word by word,
   * "Kim Jong-un", "Kim" and "Kim Jong Un", or "Donald Trump" and "Donald J. Trump", meet.
   */
  readonly nameWords: Map<string, number>
  /**
   * Lone capitalised words opening a sentence, folded, that are no name's words elsewhere in the text:
   * capitalised by position ("Officials said") or a name ("Meerapur has reported"), which the text alone
   * does not tell. A story that knows the word as a name tells it (see `Clustering`).
   */
  readonly openers: Map<string, number>
  /**
   * Folded name → count. A name of several words counts as itself only: counted again by each word,
   * a shared place name ("Marlow Springs") outweighed what else two events' articles say.
   */
  readonly counts: Map<string, number>
  /** Folded name → how it was first written, for story labels. */
  readonly surface: Map<string, string>
  /** Word of a name, folded → the first name it was written in ("spring" → "Marlow Springs"), for labels. */
  readonly namedIn: Map<string, string>
}

/**
 * A text's content words, and its names: runs of capitalised words ("Kim Yo Jong", "U.S. Senate"). A
 * run's leading and trailing function words are dropped ("The White House" is "White House"), and a
 * lone word opening a sentence is no name: "Talks" or "Officials" there is capitalised by position only.
 */
export const scan = (text: string): Scanned => {
  const words = new Map<string, number>()
  const what = new Map<string, number>()
  const nameWords = new Map<string, number>()
  const openers = new Map<string, number>()
  const counts = new Map<string, number>()
  const surface = new Map<string, string>()
  const namedIn = new Map<string, string>()
  let run: string[] = []
  let runAtStart = false
  let atStart = true
  const countWhat = (w: Word) => {
    if (w.content) what.set(w.folded, (what.get(w.folded) ?? 0) + 1)
  }
  const flush = () => {
    if (run.length === 0) return
    const all = run
    while (run.length > 0 && word(run[0] ?? "").stop) run = run.slice(1)
    while (run.length > 0 && word(run[run.length - 1] ?? "").stop) run = run.slice(0, -1)
    const lone = run.length === 1 && runAtStart
    if (!lone && run.some((t) => word(t).content)) {
      const key = run.map((t) => word(t).folded).join(" ")
      counts.set(key, (counts.get(key) ?? 0) + 1)
      if (!surface.has(key)) surface.set(key, run.join(" "))
      for (const t of run) {
        const w = word(t)
        if (!w.content) continue
        nameWords.set(w.folded, (nameWords.get(w.folded) ?? 0) + 1)
        if (!namedIn.has(w.folded)) namedIn.set(w.folded, surface.get(key) ?? t)
      }
    } else {
      for (const t of all) countWhat(word(t))
      const w = lone ? word(run[0] ?? "") : null
      if (w?.content) openers.set(w.folded, (openers.get(w.folded) ?? 0) + 1)
    }
    run = []
  }
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0]
    if (SENTENCE_END.has(t)) {
      flush()
      atStart = true
      continue
    }
    const w = word(t)
    if (w.content) words.set(w.folded, (words.get(w.folded) ?? 0) + 1)
    if (w.capitalised) {
      // A run whose first word opens the sentence, function words aside ("The Pentagon" opens it too).
      if (run.length === 0) runAtStart = atStart && !w.stop
      else if (run.every((x) => word(x).stop)) runAtStart = atStart
      run.push(t)
    } else {
      flush()
      countWhat(w)
    }
    if (!w.stop) atStart = false
  }
  flush()
  for (const k of nameWords.keys()) openers.delete(k)
  return { words, what, nameWords, openers, counts, surface, namedIn }
}
