/**
 * An article's terms for story clustering: content words of the body and title (lowercased, plurals
 * folded) and names (runs of capitalised words), with counts. No model: wink has no NER here.
 */
import stopwordList from "../stopwords.json" with { type: "json" }

const STOPWORDS: ReadonlySet<string> = new Set(stopwordList)

export const isStopword = (word: string): boolean => STOPWORDS.has(word)

/** Words (with inner apostrophes, hyphens, dots as in "U.S.") and the punctuation that ends a sentence. */
const TOKEN = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[.!?;:"“”()]/gu
const SENTENCE_END = /^[.!?;:"“”()]$/

/**
 * A word's folded form: lowercase, no possessive, plural folded to singular, so "Senators'" and
 * "senator" meet. Deliberately crude (no stemming of verbs): names and nouns carry a story.
 */
export const fold = (word: string): string => {
  let w = word.toLowerCase().replace(/['’]s?$/, "")
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`
  else if (w.length > 4 && /(?:ches|shes|sses|xes)$/.test(w)) w = w.slice(0, -2)
  else if (w.length > 3 && w.endsWith("s") && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1)
  return w
}

const isContent = (folded: string): boolean => folded.length >= 2 && !STOPWORDS.has(folded) && !/^\p{N}+$/u.test(folded)

/** Counts of a text's content words, folded. */
export const words = (text: string): Map<string, number> => {
  const counts = new Map<string, number>()
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0]
    if (SENTENCE_END.test(t)) continue
    const f = fold(t)
    if (isContent(f)) counts.set(f, (counts.get(f) ?? 0) + 1)
  }
  return counts
}

/** Capitalised, but not a shouted word of a heading ("SUPERPOWERS"): an acronym is at most five letters. */
const isCapitalised = (token: string): boolean =>
  /^\p{Lu}/u.test(token) && !(token.length > 5 && token === token.toUpperCase() && /\p{L}{6}/u.test(token))

export interface Names {
  /** Folded name → count; a name of several words counts as itself and as each of its words. */
  readonly counts: Map<string, number>
  /** Folded name → how it was first written, for story labels. */
  readonly surface: Map<string, string>
}

/**
 * Runs of capitalised words ("Kim Yo Jong", "U.S. Senate"). A run's opening function words are
 * dropped, so a sentence's "The" or "But" is no name and "The White House" is "White House".
 */
export const names = (text: string): Names => {
  const counts = new Map<string, number>()
  const surface = new Map<string, string>()
  let run: string[] = []
  const add = (key: string, written: string) => {
    counts.set(key, (counts.get(key) ?? 0) + 1)
    if (!surface.has(key)) surface.set(key, written)
  }
  const flush = () => {
    while (run.length > 0 && STOPWORDS.has((run[0] ?? "").toLowerCase())) run.shift()
    const kept = run.filter((w) => isContent(fold(w)))
    if (kept.length > 0) {
      add(run.map(fold).join(" "), run.join(" "))
      if (run.length > 1) for (const w of kept) add(fold(w), w)
    }
    run = []
  }
  for (const m of text.matchAll(TOKEN)) {
    const t = m[0]
    if (SENTENCE_END.test(t)) {
      flush()
      continue
    }
    if (isCapitalised(t)) run.push(t)
    else flush()
  }
  flush()
  return { counts, surface }
}
