/**
 * Named-speaker recall on the gold story sets: each set's speakers.json names the speaker an attributed
 * claim should carry; a claim finds it when its resolved source contains that name.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import { Extractor } from "@crosscheck/extractor"
import { Schema } from "effect"
import * as Stories from "./stories.js"

const SpeakerRef = Schema.Struct({
  file: Schema.String,
  /** An exact substring of the claim's sentence, located as the story gold locates its claims. */
  quote: Schema.String,
  /** The name (or the part of it the article uses most) the claim's resolved source must contain. */
  speaker: Schema.String,
})

const SpeakerGold = Schema.Struct({ claims: Schema.Array(SpeakerRef) })
export type SpeakerGold = typeof SpeakerGold.Type

/** A set's speakers.json, or null when it has none; a malformed one throws with the set's name. */
export const loadGold = (set: Stories.StorySet): SpeakerGold | null => {
  const path = join(set.dir, "speakers.json")
  if (!existsSync(path)) return null
  const decoded = Schema.decodeUnknownEither(SpeakerGold)(JSON.parse(readFileSync(path, "utf8")))
  if (decoded._tag === "Left") throw new Error(`speakers: ${set.name}/speakers.json: ${decoded.left.message}`)
  return decoded.right
}

/** Does a claim's resolved source name the speaker? Case aside, the name must appear in it. */
export const carries = (source: string | null | undefined, speaker: string): boolean =>
  source?.toLowerCase().includes(speaker.toLowerCase()) ?? false

/**
 * A fresh batch holding an `UNSEEN` file has not had its one measurement yet: default runs leave it out,
 * so nobody reads its output while changing code (fixtures/fresh/README.md).
 */
export const isUnseen = (batch: string): boolean => existsSync(join(batch, "UNSEEN"))

/** The story sets and every batch of fresh sets, unseen ones too (for checks of the gold's form). */
export const allRoots = (): ReadonlyArray<string> => {
  const fresh = resolve(import.meta.dirname, "../../fixtures/fresh")
  const batches = existsSync(fresh)
    ? readdirSync(fresh, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => join(fresh, e.name))
        .sort()
    : []
  return [Stories.storiesDir(), ...batches]
}

/** The roots a run uses when `--root` names none: every batch already measured. */
export const defaultRoots = (): ReadonlyArray<string> => allRoots().filter((root) => !isUnseen(root))

const label = (root: string): string => root.split(/[\\/]/).slice(-2).join("/")

export const run = async (root?: string): Promise<ReadonlyArray<string>> => {
  const nlp = Extractor.loadModel()
  const lines: string[] = []
  const misses: string[] = []
  let found = 0
  let total = 0
  for (const r of root === undefined ? defaultRoots() : [root]) {
    let rootFound = 0
    let rootTotal = 0
    for (const set of Stories.load(r)) {
      const gold = loadGold(set)
      if (!gold) continue
      const docs = await Stories.documents(set)
      const claims = docs.flatMap((d) => Extractor.extractWith(nlp, d))
      for (const ref of gold.claims) {
        const { claim } = Stories.locate(ref, docs, claims)
        const source = claim?.attribution.source?.text ?? null
        rootTotal++
        if (carries(source, ref.speaker)) rootFound++
        else misses.push(`speakers     miss ${set.name}/${ref.file} "${ref.quote}": want ${ref.speaker}, got ${source}`)
      }
    }
    if (rootTotal === 0) continue
    found += rootFound
    total += rootTotal
    lines.push(
      `speakers   ${label(r).padEnd(28)} named-speaker recall ${(rootFound / rootTotal).toFixed(2)} (${rootFound}/${rootTotal})`,
    )
  }
  if (total === 0) return ["speakers   skipped: no set has a speakers.json"]
  lines.push(`speakers   ${"all".padEnd(28)} named-speaker recall ${(found / total).toFixed(2)} (${found}/${total})`)
  return process.env.CROSSCHECK_EVAL_VERBOSE === "1" ? [...lines, ...misses] : lines
}
