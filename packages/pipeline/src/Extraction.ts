/**
 * Claims only, no alignment (docs/report-format.md `extract`): one answer per JSON line or per document,
 * a bad line answered with its error so a feed keeps flowing.
 */
import type { Claim, UsageError } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Inputs, Jsonl } from "@crosscheck/sources"
import { Effect, Either } from "effect"
import * as Budget from "./Budget.js"
import * as ExtractionPool from "./ExtractionPool.js"

/** The input id as given (a string or a number), or null when the line has none. */
export type Id = string | number | null

/** `dropped` counts the claims past the budget's caps, when there were any. */
export type Answer =
  | { readonly id: Id; readonly claims: ReadonlyArray<Claim.Claim>; readonly dropped?: number }
  | { readonly id: Id; readonly error: string }

const rawId = (raw: string): Id => {
  try {
    const value: unknown = JSON.parse(raw)
    const id = value && typeof value === "object" ? (value as { id?: unknown }).id : null
    return typeof id === "string" || typeof id === "number" ? id : null
  } catch {
    return null
  }
}

export type Extract = Extractor.Service["extract"]

/** The extractor of the layer in scope (`Pipeline.layer`), for callers that stream lines. */
export const extractor: Effect.Effect<Extract, never, Extractor.Extractor> = Effect.map(
  Extractor.Extractor,
  (service) => service.extract,
)

/** Answers line `n` (1-based) of a JSON Lines feed; `where` names the feed in messages ("stdin"). */
export const line = (
  extract: Extract,
  raw: string,
  n: number,
  where = "stdin",
  budget: Budget.Budget = Budget.DEFAULT,
): Answer => {
  const at = `${where} line ${n}`
  if (raw.trim() === "")
    return { id: null, error: `sources: expected a JSON object, instead found a blank line (${at})` }
  const parsed = Jsonl.parseLine(where, at, raw)
  if (Either.isLeft(parsed)) return { id: rawId(raw), error: parsed.left.message }
  const record = parsed.right
  const document = Inputs.toDocument(where, n - 1, record, record.text)
  const outcome = ExtractionPool.attempt(extract, document, budget)
  const id = record.id ?? null
  if ("error" in outcome) return { id, error: outcome.error.message }
  return outcome.note?.dropped
    ? { id, claims: outcome.claims, dropped: outcome.note.dropped }
    : { id, claims: outcome.claims }
}

export interface PathAnswer {
  readonly id: string | null
  readonly path: string
  readonly index?: number
  readonly claims?: ReadonlyArray<Claim.Claim>
  readonly dropped?: number
  readonly error?: string
}

/** One answer per document of the files, then one per file or line that could not be read. */
export const paths = (
  paths: ReadonlyArray<string>,
  asOf: string | null = null,
  budget: Budget.Budget = Budget.DEFAULT,
): Effect.Effect<ReadonlyArray<PathAnswer>, UsageError, Extractor.Extractor> =>
  Effect.gen(function* () {
    const read = yield* Inputs.read(paths, { asOf })
    const outcomes = yield* ExtractionPool.extract(read.documents, { budget })
    return [
      ...read.documents.map((d, i): PathAnswer => {
        const outcome = outcomes[i]
        const at = { id: d.id, path: d.origin.path, index: d.origin.index }
        if (outcome && "error" in outcome) return { ...at, error: outcome.error.message }
        const dropped = outcome?.note?.dropped
        return { ...at, claims: outcome?.claims ?? [], ...(dropped ? { dropped } : {}) }
      }),
      ...read.errors.map((e) => ({ id: null, path: e.path, error: e.message })),
    ]
  })
