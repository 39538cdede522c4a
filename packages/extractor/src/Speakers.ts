/**
 * Who is speaking: noun groups built from part-of-speech tags (wink has no parser), and the
 * resolution of pronouns, short names and descriptions to the fuller mention they stand for.
 */
import type { Span } from "@crosscheck/domain"
import type { Token } from "./Analysis.js"

export interface Group {
  /** Token range, end exclusive. */
  readonly first: number
  readonly next: number
}

const NOMINAL = new Set(["PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON"])
const HEADS = new Set(["PROPN", "NOUN", "PRON", "NUM"])
const RELATIVE = new Set(["who", "which", "that", "whom"])
const INSIDE_ADP = new Set(["of", "from", "for", "at", "in", "with", "on", "by"])
const PERSONAL = new Set(["he", "she", "him", "her"])
const PLURAL = new Set(["they", "them"])
const TITLES = new Set(["mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "prof."])
const KIN = new Set([
  "sister",
  "brother",
  "wife",
  "husband",
  "son",
  "daughter",
  "father",
  "mother",
  "uncle",
  "aunt",
  "niece",
  "nephew",
  "cousin",
])
/** Nouns that carry someone's figures: "estimates from X suggest" is X's claim. */
const EVIDENCE = new Set([
  "estimate",
  "estimates",
  "figure",
  "figures",
  "data",
  "report",
  "reports",
  "analysis",
  "study",
  "survey",
  "research",
  "calculations",
  "projections",
  "poll",
  "polls",
  "average",
  "averages",
  "numbers",
  "results",
])
const MAX_GROUP = 14

const lower = (t: Token | undefined): string => (t ? t.text.toLowerCase() : "")
const startsUpper = (text: string): boolean => {
  const c = text.charCodeAt(0)
  return (c >= 65 && c <= 90) || (c > 127 && /^\p{Lu}/u.test(text))
}
const isName = (t: Token | undefined): boolean => t !== undefined && t.pos === "PROPN" && startsUpper(t.text)

const member = (ts: ReadonlyArray<Token>, k: number, first: number): boolean => {
  const t = ts[k]
  if (!t) return false
  if (t.pos === "PRON" && RELATIVE.has(lower(t))) return false
  if (NOMINAL.has(t.pos)) return true
  if (t.pos === "PART" && (t.text === "'s" || t.text === "\u2019s" || t.text === "'")) return true
  if (t.pos === "PUNCT" && (t.text === "-" || t.text === "&")) return true
  // "White House press secretary Josh Earnest": wink tags an unknown first name as anything.
  if (k > first && startsUpper(t.text) && ts[k + 1]?.pos === "PROPN" && t.pos !== "PUNCT") return true
  // "a German think tank": wink tags a compound's first noun as a verb now and then.
  const next = ts[k + 1]
  if (t.pos === "VERB" && k > first && next?.pos === "NOUN" && NOMINAL.has(ts[k - 1]?.pos ?? "")) return true
  // "South Korea's new liberal president": wink reads "new" as an adverb there.
  const prev = ts[k - 1]
  if (t.pos === "ADV" && k > first && next?.pos === "ADJ" && (prev?.pos === "PART" || NOMINAL.has(prev?.pos ?? "")))
    return true
  return false
}

/** "Lynch said": wink tags a family name it does not know as a verb or adjective now and then. */
const isMistaggedName = (t: Token | undefined): boolean =>
  t !== undefined && (t.pos === "VERB" || t.pos === "ADJ" || t.pos === "ADV") && startsUpper(t.text) && t.text !== "I"

const trimHead = (ts: ReadonlyArray<Token>, g: Group): Group | null => {
  let { first, next } = g
  while (first < next && (ts[first]?.pos === "ADP" || ts[first]?.pos === "PUNCT" || ts[first]?.pos === "PART")) first++
  while (next > first && !HEADS.has(ts[next - 1]?.pos ?? "") && !(next === g.next && isMistaggedName(ts[next - 1])))
    next--
  return next > first ? { first, next } : null
}

/** The noun group that ends at token `end` (exclusive), not reaching before `floor`. */
export const before = (ts: ReadonlyArray<Token>, end: number, floor: number): Group | null => {
  let k = end - 1
  if (k < floor || !(HEADS.has(ts[k]?.pos ?? "") || isMistaggedName(ts[k]))) return null
  if (ts[k]?.pos === "PRON" && RELATIVE.has(lower(ts[k]))) return { first: k, next: end }
  while (k - 1 >= floor && end - k < MAX_GROUP) {
    const prev = ts[k - 1]
    if (member(ts, k - 1, floor)) k--
    else if (prev?.pos === "ADP" && INSIDE_ADP.has(lower(prev)) && k - 2 >= floor && member(ts, k - 2, floor)) k -= 2
    else if (
      // "one of those targeted by the sanctions"
      prev?.pos === "ADP" &&
      lower(prev) === "by" &&
      k - 3 >= floor &&
      ts[k - 2]?.pos === "VERB" &&
      (ts[k - 3]?.pos === "DET" || ts[k - 3]?.pos === "PRON")
    )
      k -= 3
    else if (prev?.pos === "CCONJ" && lower(prev) === "and" && isName(ts[k]) && isName(ts[k - 2])) k -= 2
    else break
  }
  return trimHead(ts, { first: k, next: end })
}

/** The noun group that starts at token `start`, not reaching `ceiling`. */
export const after = (ts: ReadonlyArray<Token>, start: number, ceiling: number): Group | null => {
  let k = start
  if (ts[k]?.pos === "PRON" && RELATIVE.has(lower(ts[k]))) return null
  while (k < ceiling && k - start < MAX_GROUP) {
    const t = ts[k]
    if (member(ts, k, start)) k++
    else if (t?.pos === "ADP" && lower(t) === "of" && k + 1 < ceiling && member(ts, k + 1, start)) k++
    // "United States Citizenship and Immigration Services": "and" inside a run of names.
    else if (lower(t) === "and" && k + 1 < ceiling && isName(ts[k - 1]) && isName(ts[k + 1])) k++
    else break
  }
  if (k === start) return null
  return trimHead(ts, { first: start, next: k })
}

export const isRelative = (ts: ReadonlyArray<Token>, g: Group): boolean =>
  g.next - g.first === 1 && RELATIVE.has(lower(ts[g.first]))

/** "Estimates from a German think tank" names the think tank as the source. */
export const evidenceHolder = (ts: ReadonlyArray<Token>, g: Group): Group | null => {
  if (!EVIDENCE.has(lower(ts[g.first])) && !EVIDENCE.has(lower(ts[g.first + 1]))) return null
  for (let k = g.first; k < g.next; k++) {
    const w = lower(ts[k])
    if (w === "from" || w === "by" || w === "of") return trimHead(ts, { first: k + 1, next: g.next })
  }
  return null
}

export const isEvidence = (ts: ReadonlyArray<Token>, g: Group): boolean =>
  EVIDENCE.has(lower(ts[g.first])) || EVIDENCE.has(lower(ts[g.first + 1])) || EVIDENCE.has(lower(ts[g.next - 1]))

/** A run of capitalised proper nouns, with the title words and adjectives that lead into it. */
interface Name {
  readonly group: Group
  readonly words: ReadonlyArray<string>
  readonly sentence: number
}

export interface Resolver {
  /** The span of the mention this group stands for: itself when it needs no resolving. */
  readonly resolve: (g: Group, earlierSources: ReadonlyArray<Group>) => Span.Span
}

const span = (ts: ReadonlyArray<Token>, g: Group): Span.Span => ({
  start: ts[g.first]?.start ?? 0,
  end: ts[g.next - 1]?.end ?? 0,
})

const nameWords = (ts: ReadonlyArray<Token>, g: Group): string[] => {
  const out: string[] = []
  for (let k = g.first; k < g.next; k++) if (isName(ts[k])) out.push(lower(ts[k]))
  return out
}

const isPlural = (ts: ReadonlyArray<Token>, g: Group): boolean => {
  const head = ts[g.next - 1]
  return head?.pos === "NOUN" && /s$/i.test(head.text) && head.lemma !== lower(head)
}

/** Indexes the names of a document once (one linear scan) and resolves mentions against them. */
export const resolver = (ts: ReadonlyArray<Token>): Resolver => {
  const names: Name[] = []
  for (let k = 0; k < ts.length; ) {
    if (!isName(ts[k]) || lower(ts[k]) === "the") {
      k++
      continue
    }
    let end = k
    while (end < ts.length && (isName(ts[end]) || (TITLES.has(lower(ts[end])) && isName(ts[end + 1])))) end++
    let first = k
    // Lead-in title words: "South Korean President Lee Jae Myung".
    while (
      first > 0 &&
      startsUpper(ts[first - 1]?.text ?? "") &&
      (ts[first - 1]?.pos === "ADJ" || ts[first - 1]?.pos === "PROPN") &&
      lower(ts[first - 1]) !== "the"
    )
      first--
    const group = { first, next: end }
    names.push({ group, words: nameWords(ts, group), sentence: ts[k]?.sentence ?? 0 })
    k = end
  }

  // Only a name of two words or more is fuller than a mention; indexed by word, in text order, so a
  // mention looks at the names sharing its first word instead of every name in the document.
  const byWord = new Map<string, Name[]>()
  for (const n of names)
    if (n.words.length >= 2)
      for (const w of new Set(n.words)) {
        const list = byWord.get(w)
        if (list) list.push(n)
        else byWord.set(w, [n])
      }
  const fullerName = (g: Group, words: ReadonlyArray<string>, after: boolean, exclude?: Name): Name | null => {
    const candidates = byWord.get(words[0] ?? "") ?? []
    const fits = (n: Name) => n !== exclude && n.words.length > words.length && words.every((w) => n.words.includes(w))
    let lo = 0
    let hi = candidates.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((candidates[mid]?.group.next ?? 0) <= g.first) lo = mid + 1
      else hi = mid
    }
    // The last fitting name before the mention, else (when asked) the first after it, within two sentences.
    for (let i = lo - 1; i >= 0; i--) if (fits(candidates[i] as Name)) return candidates[i] as Name
    if (!after) return null
    const sentence = ts[g.first]?.sentence ?? 0
    for (let i = lo; i < candidates.length; i++) {
      const n = candidates[i] as Name
      if (n.group.first < g.next || !fits(n)) continue
      return n.sentence - sentence <= 2 ? n : null
    }
    return null
  }

  const personalAntecedent = (g: Group, earlier: ReadonlyArray<Group>): Group | null => {
    const sentence = ts[g.first]?.sentence ?? 0
    for (let i = earlier.length - 1; i >= 0; i--) {
      const e = earlier[i] as Group
      if (e.next > g.first) continue
      if (sentence - (ts[e.first]?.sentence ?? 0) > 6) break
      if (nameWords(ts, e).length > 0 && !isPlural(ts, e)) return e
    }
    for (let i = names.length - 1; i >= 0; i--) {
      const n = names[i] as Name
      if (n.group.next > g.first) continue
      if (sentence - n.sentence > 3) break
      if (n.words.length >= 2) return n.group
    }
    return null
  }

  const pluralAntecedent = (g: Group, earlier: ReadonlyArray<Group>): Group | null => {
    for (let i = earlier.length - 1; i >= 0; i--) {
      const e = earlier[i] as Group
      if (e.next <= g.first && isPlural(ts, e)) return e
    }
    return null
  }

  /** "the think tank" → the nearest earlier group ending in the same words ("a German think tank"). */
  const described = (g: Group): Group | null => {
    const head = [lower(ts[g.next - 2]), lower(ts[g.next - 1])]
    const words = g.next - g.first >= 3 ? head : head.slice(1)
    const floor = Math.max(0, g.first - 1500)
    for (let k = g.first - 1; k >= floor + words.length - 1; k--) {
      if (!words.every((w, j) => lower(ts[k - words.length + 1 + j]) === w)) continue
      const found = before(ts, k + 1, Math.max(0, k - MAX_GROUP))
      if (found && lower(ts[found.first]) !== "the") return evidenceHolder(ts, found) ?? found
    }
    return null
  }

  const resolve = (g: Group, earlier: ReadonlyArray<Group>): Span.Span => {
    const len = g.next - g.first
    const first = lower(ts[g.first])
    if (len === 1 && PERSONAL.has(first)) return span(ts, personalAntecedent(g, earlier) ?? g)
    if (len === 1 && PLURAL.has(first)) return span(ts, pluralAntecedent(g, earlier) ?? g)
    const words = nameWords(ts, g)
    // "Kim's powerful sister": a relative sharing the family name, not the possessor.
    let possessive = -1
    for (let k = g.first; k < g.next && possessive < 0; k++) {
      if (ts[k]?.text === "'s" || ts[k]?.text === "\u2019s") possessive = k
    }
    if (possessive > g.first && KIN.has(lower(ts[g.next - 1]))) {
      const owner = nameWords(ts, { first: g.first, next: possessive })
      const ownerFull = fullerName({ first: g.first, next: possessive }, owner, false)
      let best: Name | null = null
      let distance = Number.POSITIVE_INFINITY
      for (const n of names) {
        if (n === ownerFull || !owner.every((w) => n.words.includes(w)) || n.words.length <= owner.length) continue
        if (ownerFull && n.words.join(" ") === ownerFull.words.join(" ")) continue
        const d = Math.abs((ts[n.group.first]?.start ?? 0) - (ts[g.first]?.start ?? 0))
        if (d < distance && Math.abs(n.sentence - (ts[g.first]?.sentence ?? 0)) <= 2) {
          best = n
          distance = d
        }
      }
      return span(ts, best?.group ?? g)
    }
    // A family name alone ("Lee", "Mr. Obama") stands for the fuller name used before.
    if (words.length === 1 && len - words.length <= 1 && possessive < 0) {
      const full = fullerName(g, words, true)
      return span(ts, full?.group ?? g)
    }
    if (first === "the" && words.length === 0 && len >= 2) return span(ts, described(g) ?? g)
    return span(ts, g)
  }
  return { resolve }
}
