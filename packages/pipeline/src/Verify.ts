/**
 * `verify`: one claim judged against sources, through the same extraction and alignment as `run`.
 * The claim text is extracted like any document; each source gets a stance (report's `Stance`).
 */
import { Attribution, type Claim, type Document, Ids, type Span, type UsageError } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Alignment } from "@crosscheck/matcher"
import { Stance } from "@crosscheck/report"
import { Inputs } from "@crosscheck/sources"
import { Effect, Either, Schema } from "effect"
import * as ExtractionPool from "./ExtractionPool.js"

export interface Evidence {
  readonly documentId: string
  readonly claimId: string
  readonly text: string
  readonly span: Span.Span
}

export interface Result {
  readonly stance: Stance.Stance
  readonly evidence: ReadonlyArray<Evidence>
  /** Why: the rule that decided and the cues or values it saw. */
  readonly explanation: string
}

export type PairLine =
  | ({ readonly id: string | number | null } & Result)
  | { readonly id: string | number | null; readonly error: string }

const Pair = Schema.Struct({
  id: Schema.Union(Schema.String, Schema.Number),
  claim: Schema.String,
  text: Schema.String,
})
const decodePair = Schema.decodeUnknownEither(Pair)

/** Pairs carry bare texts: each becomes a document of the pairs file, its id derived from its text. */
const document = (origin: string, text: string): Document.Document => Inputs.toDocument(origin, 0, {}, text)

/** Extraction, once per distinct text: in a pairs file one body serves many claims. */
const extractor = (service: Extractor.Service) => {
  const cache = new Map<string, ReadonlyArray<Claim.Claim>>()
  return (doc: Document.Document): ReadonlyArray<Claim.Claim> => {
    const hit = cache.get(doc.id)
    if (hit) return hit
    const found = service.extract(doc)
    cache.set(doc.id, found)
    return found
  }
}

/** A claim text with no verb and no quantity (a headline) still has to be judged: it is one statement. */
const claimSide = (doc: Document.Document, extracted: ReadonlyArray<Claim.Claim>): ReadonlyArray<Claim.Claim> => {
  if (extracted.length > 0) return extracted
  const start = doc.text.length - doc.text.trimStart().length
  const end = doc.text.trimEnd().length
  if (end <= start) return []
  return [
    {
      id: Ids.claimId(doc.id, start, end),
      documentId: doc.id,
      kind: "statement",
      text: doc.text.slice(start, end),
      span: { start, end },
      attribution: Attribution.asserted(),
      subject: null,
      predicate: null,
      object: null,
      polarity: "positive",
      quantities: [],
      time: null,
    },
  ]
}

const judgeOne = (
  claimDoc: Document.Document,
  claims: ReadonlyArray<Claim.Claim>,
  source: Document.Document,
  sourceClaims: ReadonlyArray<Claim.Claim>,
  lexicon: Stance.Lexicon,
): Stance.Judged =>
  Stance.judge({
    claim: claims,
    source: sourceClaims,
    groups: Alignment.align([...claims, ...sourceClaims], [claimDoc, source]),
    lexicon,
    documents: [claimDoc, source],
  })

const toResult = (judged: Stance.Judged): Result => ({
  stance: judged.stance,
  evidence: judged.evidence.map((c) => ({ documentId: c.documentId, claimId: c.id, text: c.text, span: c.span })),
  explanation: judged.explanation,
})

/** Sources already read and extracted: files, or everything in a store. */
export interface Sources {
  readonly documents: ReadonlyArray<Document.Document>
  readonly claims: ReadonlyArray<Claim.Claim>
}

/** The claim against sources whose claims are already extracted; one stance per source, combined. */
export const against = (text: string, sources: Sources): Effect.Effect<Result, never, Extractor.Extractor> =>
  Effect.gen(function* () {
    const extract = extractor(yield* Extractor.Extractor)
    const claimDoc = document("claim", text)
    const claims = claimSide(claimDoc, extract(claimDoc))
    const lexicon = Stance.lexicon([text, ...sources.documents.map((d) => d.text)])
    const bySource = new Map<string, Claim.Claim[]>()
    for (const c of sources.claims) bySource.set(c.documentId, [...(bySource.get(c.documentId) ?? []), c])
    // Several sources: each explanation names its outlet, so the combined one says who said what.
    const judged = sources.documents.map((d) => {
      const one = judgeOne(claimDoc, claims, d, bySource.get(d.id) ?? [], lexicon)
      return { ...one, explanation: `${d.outlet}: ${one.explanation}` }
    })
    return toResult(Stance.combine(judged))
  })

/** `verify --claim TEXT <path>...`: the claim against every document the paths hold. */
export const claim = (
  text: string,
  paths: ReadonlyArray<string>,
  options: { readonly asOf?: string | null } = {},
): Effect.Effect<
  Result & { readonly errors: ReadonlyArray<{ path: string; message: string }> },
  UsageError,
  Extractor.Extractor
> =>
  Effect.gen(function* () {
    const inputs = yield* Inputs.read(paths, { asOf: options.asOf ?? null })
    const { extracted, errors } = yield* ExtractionPool.extractAll(inputs.documents)
    const result = yield* against(text, {
      documents: extracted.map((e) => e.document),
      claims: extracted.flatMap((e) => e.claims),
    })
    return { ...result, errors: [...inputs.errors, ...errors] }
  })

/**
 * `verify --pairs`: one output per non-blank input line `{"id", "claim", "text"}`, in order; a bad
 * line gives `{"id", "error"}` and the rest go on. Word rarity is counted over the whole file.
 */
export const pairs = (
  lines: ReadonlyArray<string>,
  where = "pairs",
): Effect.Effect<ReadonlyArray<PairLine>, never, Extractor.Extractor> =>
  Effect.gen(function* () {
    const extract = extractor(yield* Extractor.Extractor)
    // Each pair keeps where it was read (`at`), for an error found after parsing.
    const parsed = lines.flatMap((raw, i): Array<Either.Either<{ pair: typeof Pair.Type; at: string }, PairLine>> => {
      const line = raw.replace(/\r$/, "")
      if (line.trim() === "") return []
      const at = `${where} line ${i + 1}`
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch (e) {
        return [
          Either.left({
            id: null,
            error: `verify: expected a JSON object, instead found invalid JSON: ${(e as Error).message} (${at})`,
          }),
        ]
      }
      return [
        Either.mapBoth(decodePair(value), {
          onRight: (pair) => ({ pair, at }),
          onLeft: () => {
            const id = value && typeof value === "object" && "id" in value ? (value as { id: unknown }).id : null
            return {
              id: typeof id === "string" || typeof id === "number" ? id : null,
              error: `verify: expected {"id", "claim", "text"} with "claim" and "text" strings, instead found ${
                value === null || typeof value !== "object"
                  ? JSON.stringify(value)
                  : `fields ${Object.keys(value).join(", ") || "none"}`
              } (${at})`,
            }
          },
        }),
      ]
    })
    const texts = new Set<string>()
    for (const p of parsed) if (Either.isRight(p)) texts.add(p.right.pair.claim).add(p.right.pair.text)
    const lexicon = Stance.lexicon(texts)
    return parsed.map((p): PairLine => {
      if (Either.isLeft(p)) return p.left
      const { pair, at } = p.right
      const claimDoc = document("claim", pair.claim)
      const source = document(where, pair.text)
      // A fault of ours on one pair's text is that pair's error; the other pairs are still judged.
      try {
        const judged = judgeOne(claimDoc, claimSide(claimDoc, extract(claimDoc)), source, extract(source), lexicon)
        return { id: pair.id, ...toResult(judged) }
      } catch (e) {
        return {
          id: pair.id,
          error: `verify: could not judge this pair (an internal error, please report it: ${(e as Error).message}) (${at})`,
        }
      }
    })
  })
