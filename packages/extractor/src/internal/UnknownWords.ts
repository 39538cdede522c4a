/**
 * wink adds every word it does not know to its model's lexicon, and its tokenizer splits a word by
 * whether the lexicon has it: "Ryan’s" stays one token once met, else it is "Ryan" + "’s". So an
 * article would give other claims after other articles (and on another worker thread). Each
 * document therefore forgets the words it taught the model, and a model that has been taught too
 * many is made again, so that a worker reading for days keeps a flat memory.
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
  /** The feature tables that grow as the instance reads (those with a list, a hash and an index), found once. */
  readonly growing: ReadonlyArray<readonly [string, Feature]>
  readonly renewAfter: number
  readonly renew: () => void
}

const made = new WeakMap<WinkMethods, Made>()

/**
 * How many words an instance may have learnt (and forgotten) before it is made again. A forgotten
 * word keeps its place in the lexeme list and its features in a table wink keeps out of reach: about
 * 400 bytes of heap each (`pnpm bench memory`), so this bounds them at about 8 MB. A news article
 * teaches some 20 words, and making an instance again takes about 0.1 s, once per 1,000 articles.
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
  (featureFn: FeatureFn): FeatureFn =>
  (...config) => {
    const methods = featureFn(...config)
    const shape = methods.shape
    if (typeof shape !== "function") return methods
    const known = new Map<string, unknown>()
    methods.shape = (word: string, ...rest: ReadonlyArray<unknown>): unknown => {
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
    const nlp = make({
      ...model,
      ...(metaCER ? { metaCER } : {}),
      ...(typeof featureFn === "function" ? { featureFn: shapesOnce(featureFn as FeatureFn) } : {}),
      core: () => {
        core = kept ?? read()
        return core
      },
    })
    return { nlp, core }
  }
  const first = build()
  const nlp = first.nlp
  let core = first.core
  const keep = (features: Record<string, Feature> | undefined) => {
    if (!features) return
    const growing = Object.entries(features).filter(([, t]) => t.list && t.hash && typeof t.index === "number")
    made.set(nlp, { features, growing, renewAfter, renew })
  }
  const renew = () => {
    // The replacement reads the old instance's tables, cut back to what the model came with: unpacking
    // them again costs some 90 ms, about a tenth of the time to extract the articles between renewals.
    const fresh = build(core ? pristine(core) : undefined)
    Object.assign(nlp, fresh.nlp)
    core = fresh.core
    keep(core?.features)
  }
  keep(core?.features)
  return nlp
}

/** The parts of a model's unpacked core read here: its feature tables. */
interface Core {
  readonly features?: Record<string, Feature>
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
 * Runs `f` (one document's analysis), then removes from the model what `f` added to it, and makes
 * the instance again when the words it learnt and forgot pass its bound.
 */
export const isolated = <A>(nlp: WinkMethods, f: () => A): A => {
  const entry = made.get(nlp)
  if (!entry) return f()
  const marks: Array<readonly [string, Feature, number]> = []
  for (const [name, table] of entry.growing) marks.push([name, table, table.list?.length ?? 0])
  try {
    return f()
  } finally {
    for (const [name, table, mark] of marks) {
      const { list = [], hash = {} } = table
      for (let i = mark; i < list.length; i++) delete hash[list[i] as string]
      // A prefix, suffix or shape is only reached through a lexeme, and every lexeme added here is
      // forgotten, so their indices are free again. A lexeme's index also places its features in a
      // table wink keeps out of reach, so lexemes are forgotten but their list keeps its length.
      if (name !== "lexeme") {
        list.length = mark
        table.index = mark
      }
    }
    // After the restore: the fresh instance then knows exactly what this one knew before `f`.
    if (learnt(nlp) > entry.renewAfter) entry.renew()
  }
}
