/**
 * wink adds every word it does not know to its model's lexicon, and its tokenizer splits a word by
 * whether the lexicon has it: "Ryan’s" stays one token once met, else it is "Ryan" + "’s". So an
 * article would give other claims after other articles (and on another worker thread). Each
 * document therefore forgets the words it taught the model.
 */
import type { WinkMethods } from "wink-nlp"

/** One of the model's feature tables (lexeme, prefix, suffix, shape): values by index and back. */
interface Feature {
  list?: string[]
  hash?: Record<string, number>
  index?: number
}

/** The core model of a wink instance, for the instances this module made. */
const features = new WeakMap<WinkMethods, Record<string, Feature>>()

/** A wink model whose core tables are kept here, so that `isolated` can restore them. */
export const tracked = <M extends object>(model: M, made: (model: M) => WinkMethods): WinkMethods => {
  let core: { features?: Record<string, Feature> } | undefined
  // wink's typings leave the model's parts opaque; `core` is the function that unpacks its tables.
  const read = (model as unknown as { core: () => typeof core }).core
  const nlp = made({
    ...model,
    core: () => {
      core = read()
      return core
    },
  })
  if (core?.features) features.set(nlp, core.features)
  return nlp
}

/** Runs `f` (one document's analysis), then removes from the model what `f` added to it. */
export const isolated = <A>(nlp: WinkMethods, f: () => A): A => {
  const tables = features.get(nlp)
  if (!tables) return f()
  const marks: Array<readonly [string, Feature, number]> = []
  for (const [name, table] of Object.entries(tables))
    if (table.list && table.hash && typeof table.index === "number") marks.push([name, table, table.list.length])
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
  }
}
