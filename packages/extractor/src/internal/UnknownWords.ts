/**
 * wink adds every word it does not know to its model's lexicon, and its tokenizer splits a word by
 * whether the lexicon has it: "Ryan’s" stays one token once met, else it is "Ryan" + "’s". So an
 * article would give other claims after other articles (and on another worker thread). Each
 * document therefore forgets the words it taught the model, and a model that has been taught too
 * many is made again, so that a worker reading for days keeps a flat memory. A word forgotten and met
 * again is made known under the entry wink made for it before (`relearn`), not learnt anew.
 */
import type { WinkMethods } from "wink-nlp"

/** One of the model's feature tables (lexeme, prefix, suffix, shape): values by index and back. */
interface Feature {
  list?: string[]
  hash?: Record<string, number>
  index?: number
  /** How many values the model came with; the values after them were learnt from texts. */
  intrinsicSize?: number
}

/** A wink instance made here: its model's core tables, and how to replace it with a fresh one. */
interface Made {
  readonly features: Record<string, Feature>
  /**
   * The tables other than the lexemes' that grow as the instance reads (prefix, suffix, shape), with the
   * length at which the instance is made again: half the room past the model's own values that wink's
   * packing of a lexeme leaves for an index into each.
   */
  readonly bounded: ReadonlyArray<readonly [Feature, number]>
  readonly renewAfter: number
  readonly renew: () => void
  readonly relearning: Relearning
}

/** wink's table of lexemes (its cache), as wink hands it to the model's feature extractors: the parts used here. */
interface Cache {
  add: (text: string, category: number) => number
}

/**
 * A word an instance learnt and was made to forget, with what learning it again would give: its lexeme's index
 * (the entry wink packed for it stays in a table out of reach, and so does its place in the lexeme list), the
 * token category it was learnt with, and its lower case when that is another lexeme: that one's index, and
 * whether learning the word made it.
 */
interface Learnt {
  readonly index: number
  readonly category: number
  readonly lower: string | null
  readonly lowerIndex: number
  readonly lowerMade: boolean
}

/**
 * What an instance knows of the words it learnt and forgot, so that learning one again costs a lookup, not
 * wink's learning (the features of the word and of its lower case worked out, looked up and packed). One entry
 * per word learnt, so `renewAfter` bounds them too. `cache` is wink's, met when the model's feature extractors
 * are first asked about a word: the first word an instance learns is learnt before it, and once more when met again.
 */
interface Relearning {
  cache: Cache | undefined
  readonly words: Map<string, Learnt>
  /** The words made known again while the current document is read, to forget after it. */
  readonly revived: string[]
}

const made = new WeakMap<WinkMethods, Made>()

/**
 * How many words an instance may have learnt (and forgotten) before it is made again. A forgotten
 * word keeps its place in the lexeme list and its features in a table wink keeps out of reach: about
 * 400 bytes of heap each (`pnpm bench memory`), so this bounds them at about 8 MB. A news article
 * teaches some 20 to 90 words, fewer once the words it shares with earlier ones are known again
 * (`relearn`), and making an instance again takes about 0.1 s.
 */
export const RENEW_AFTER = 20_000

/** The custom-entity machines of each model, as its loader gave them the first time (see `once`). */
const entityMachines = new WeakMap<object, unknown>()

/**
 * The model's custom-entity loader, called once per process. wink-eng-lite-web-model 1.8.1's loader
 * keeps its result in place of its input (`machines = JSON.stringify(machines)`), so each further
 * instance gets a string stringified once more, about twice as long: after some twenty instances
 * the string no longer fits in memory and making an instance throws.
 */
const once = (model: object): (() => unknown) | undefined => {
  const load = (model as { metaCER?: () => unknown }).metaCER
  if (typeof load !== "function") return undefined
  return () => {
    if (!entityMachines.has(model)) entityMachines.set(model, load())
    return entityMachines.get(model)
  }
}

/** The model's feature extractors: a function of the packing config giving one method per feature. */
type FeatureFn = (...config: ReadonlyArray<unknown>) => Record<string, unknown>

/**
 * The model's feature extractors with each word's shape ("Xxxxx", "dd.d") worked out once per instance.
 * wink works out a new word's features when it learns it, and `isolated` has it forget the word after
 * each document, so a word met in many documents had its shape (seven patterns over the word) worked out
 * again in each; a shape depends on the word alone. The shapes are kept in the extractors' own closure,
 * made anew with each instance: at most the words an instance learns before `renewAfter` makes it again.
 */
const shapesOnce =
  (featureFn: FeatureFn, meet: (cache: Cache) => void): FeatureFn =>
  (...config) => {
    const methods = featureFn(...config)
    const shape = methods.shape
    if (typeof shape !== "function") return methods
    const known = new Map<string, unknown>()
    let met = false
    methods.shape = (word: string, ...rest: ReadonlyArray<unknown>): unknown => {
      // wink hands every feature extractor its cache (word, category, cache): the first time is when it is met.
      if (!met && typeof rest[1] === "object" && rest[1] !== null) {
        met = true
        meet(rest[1] as Cache)
      }
      let value = known.get(word)
      if (value === undefined) {
        value = shape(word, ...rest)
        known.set(word, value)
      }
      return value
    }
    return methods
  }

/**
 * A wink instance whose model's core tables are kept here, so that `isolated` can restore them and
 * replace the instance when it has learnt more than `renewAfter` words. The instance returned stays
 * the one to use: a replacement's methods are copied onto it, so callers holding it need not know.
 * (What was taught to it through wink's own methods, e.g. custom entities, is not carried over.)
 */
export const tracked = <M extends object>(
  model: M,
  make: (model: M) => WinkMethods,
  renewAfter: number = RENEW_AFTER,
): WinkMethods => {
  // wink's typings leave the model's parts opaque; `core` is the function that unpacks its tables
  // (a fresh copy on every call, so each instance learns into tables of its own).
  const read = (model as unknown as { core: () => Core | undefined }).core
  const metaCER = once(model)
  const featureFn = (model as { featureFn?: unknown }).featureFn
  const build = (kept?: Core) => {
    let core: Core | undefined
    // Each instance relearns into its own tables: what one knew of its forgotten words goes with it.
    const relearning: Relearning = { cache: undefined, words: new Map(), revived: [] }
    const meet = (cache: Cache) => {
      if (core?.features) relearn(relearning, cache, core.features)
    }
    const nlp = make({
      ...model,
      ...(metaCER ? { metaCER } : {}),
      ...(typeof featureFn === "function" ? { featureFn: shapesOnce(featureFn as FeatureFn, meet) } : {}),
      core: () => {
        core = kept ?? read()
        return core
      },
    })
    return { nlp, core, relearning }
  }
  const first = build()
  const nlp = first.nlp
  let core = first.core
  const keep = (kept: Core | undefined, relearning: Relearning) => {
    const features = kept?.features
    if (!features) return
    const bounded: Array<readonly [Feature, number]> = []
    for (const [name, t] of Object.entries(features)) {
      if (name === "lexeme" || !t.list || !t.hash || typeof t.index !== "number") continue
      // A layout entry is [word, mask, shift, ...]: the index is packed in the mask's bits.
      const [, mask = 0, shift = 0] = kept.packing?.layout?.[name] ?? []
      const room = (mask >>> shift) + 1
      const own = t.intrinsicSize ?? t.list.length
      bounded.push([t, own + Math.floor(Math.max(0, room - own) / 2)])
    }
    made.set(nlp, { features, bounded, renewAfter, renew, relearning })
  }
  const renew = () => {
    // The replacement reads the old instance's tables, cut back to what the model came with: unpacking
    // them again costs some 90 ms, about a tenth of the time to extract the articles between renewals.
    const fresh = build(core ? pristine(core) : undefined)
    Object.assign(nlp, fresh.nlp)
    core = fresh.core
    keep(core, fresh.relearning)
  }
  keep(core, first.relearning)
  return nlp
}

/**
 * Has `cache.add`, through which wink learns each word its lexicon lacks, make a word the instance learnt and
 * forgot known again under the lexeme it had, when learning it anew would give the same entry: the same token
 * category, and its lower case the lexeme it was (present under the same index, or absent and made by the
 * word's learning, as it is made again). The entry's prefix, suffix and shape are held by their indices in
 * tables `isolated` never cuts back, so they still stand for them. What wink reads of the word (its spelling,
 * lower case, part of speech, shape, type) is then what learning it gives; only the number of its lexeme
 * differs, which nothing reads as more than the word's (Analysis checks its hint by spelling). Any other word
 * is learnt by wink as before. Words made known again are forgotten after the document, like those learnt.
 */
const relearn = (state: Relearning, cache: Cache, features: Record<string, Feature>): void => {
  const lexeme = features.lexeme
  const hash = lexeme?.hash
  const list = lexeme?.list
  if (state.cache || !hash || !list || typeof cache?.add !== "function") return
  state.cache = cache
  const { words, revived } = state
  const add = cache.add
  cache.add = (text, category) => {
    if (hash[text] === undefined) {
      const known = words.get(text)
      if (known !== undefined && known.category === category) {
        const lower = known.lower
        const at = lower === null ? known.index : hash[lower]
        if (at === known.lowerIndex || (at === undefined && known.lowerMade)) {
          hash[text] = known.index
          revived.push(text)
          if (at === undefined && lower !== null) {
            hash[lower] = known.lowerIndex
            revived.push(lower)
          }
          return known.index
        }
      }
    }
    const before = list.length
    const index = add(text, category)
    // A word learnt now, not one wink knew: what learning it again would give.
    if (index >= before) {
      const lower = text.toLowerCase()
      const lowerIndex = lower === text ? index : hash[lower]
      if (lowerIndex !== undefined)
        words.set(text, {
          index,
          category,
          lower: lower === text ? null : lower,
          lowerIndex,
          lowerMade: lower !== text && list.length - before === 2,
        })
    }
    return index
  }
}

/** The parts of a model's unpacked core read here: its feature tables. */
interface Core {
  readonly features?: Record<string, Feature>
  /** How wink packs a lexeme's features: by feature, the word, mask and shift of its bits. */
  readonly packing?: { readonly layout?: Record<string, ReadonlyArray<number>> }
}

/**
 * The core as `read` returned it: every table back to the values the model came with. Making an
 * instance adds nothing to them, and only these tables grow while it reads (the rest of the core is
 * read-only), so an instance made on it is the same as one made on a fresh copy
 * (UnknownWords.test.ts compares them).
 */
export const pristine = <C extends Core>(core: C): C => {
  for (const table of Object.values(core.features ?? {})) {
    const { list, hash, intrinsicSize } = table
    if (!list || !hash || typeof intrinsicSize !== "number") continue
    for (let i = intrinsicSize; i < list.length; i++) delete hash[list[i] as string]
    list.length = intrinsicSize
    table.index = intrinsicSize
  }
  return core
}

/** How many words the instance has learnt from texts since it was made. */
export const learnt = (nlp: WinkMethods): number => {
  const lexeme = made.get(nlp)?.features.lexeme
  return (lexeme?.list?.length ?? 0) - (lexeme?.intrinsicSize ?? lexeme?.list?.length ?? 0)
}

/**
 * Runs `f` (one document's analysis), then has the model forget the words `f` taught it or made known
 * again, and makes the instance again when the words it learnt pass its bound, or a table of their
 * prefixes, suffixes or shapes its own.
 */
export const isolated = <A>(nlp: WinkMethods, f: () => A): A => {
  const entry = made.get(nlp)
  if (!entry) return f()
  const lexeme = entry.features.lexeme
  const mark = lexeme?.list?.length ?? 0
  // Only words made known again while `f` runs are forgotten after it.
  const revived = entry.relearning.revived
  revived.length = 0
  try {
    return f()
  } finally {
    const { list = [], hash = {} } = lexeme ?? {}
    for (let i = mark; i < list.length; i++) delete hash[list[i] as string]
    for (const word of revived) delete hash[word]
    revived.length = 0
    // A prefix, suffix or shape learnt stays, under its index: a forgotten lexeme's entry holds it by that
    // index when the word is made known again. Each is a value of a word learnt, so they are bounded with them.
    let full = false
    for (const [table, limit] of entry.bounded) if ((table.list?.length ?? 0) > limit) full = true
    // After the restore: the fresh instance then knows exactly what this one knew before `f`.
    if (full || learnt(nlp) > entry.renewAfter) entry.renew()
  }
}
