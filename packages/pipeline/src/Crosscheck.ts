/**
 * The Promise facade for callers who do not use Effect (CMS plugins, bots, dashboards): one object
 * over a store, whose methods resolve with plain values and reject with our own tagged errors.
 */
import { type Report, type Story, UsageError } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { ClaimReview, Html, Markdown, ReportFile } from "@crosscheck/report"
import { Inputs, Jsonl } from "@crosscheck/sources"
import { Store } from "@crosscheck/store"
import { Cause, Effect, Either, Exit, Layer, ManagedRuntime } from "effect"
import * as Arguments from "./Arguments.js"
import * as Ingest from "./Ingest.js"
import * as Verify from "./Verify.js"

export interface Options {
  /**
   * The store: a SQLite file (":memory:", the default, keeps nothing after `close`) or a PostgreSQL
   * database's URL, `postgres://user@host:port/name`, shared with other processes and `crosscheck worker`s.
   */
  readonly db?: string
  /** Anchor for relative dates when an article has none (ISO date). */
  readonly asOf?: string | null
  /** How long a write waits for another process holding the store (default 30 s). */
  readonly busyTimeoutMs?: number
}

/** An article handed over in memory: the fields of a `.jsonl` line. */
export interface Article {
  readonly id?: string | number | null
  readonly outlet?: string | null
  readonly title?: string | null
  readonly publishedAt?: string | null
  readonly url?: string | null
  readonly text: string
}

/** The report file formats `render` writes: report.html, report.md and report.json. */
export type Format = "html" | "markdown" | "json"

const RENDERERS: Readonly<Record<Format, (report: Report.Report) => string>> = {
  html: Html.render,
  markdown: Markdown.render,
  json: ReportFile.toJson,
}

/** Files or folders to read, or articles already in memory. */
export type Input = string | ReadonlyArray<string> | { readonly articles: ReadonlyArray<Article> }

export interface Crosscheck {
  /** Stores what is new and checks it against the stories it joins; resolves with those stories whole and the changes. */
  readonly ingest: (
    input: Input,
    options?: { readonly onProgress?: (done: number, total: number) => void },
  ) => Promise<Ingest.Ingested>
  /**
   * The stored picture as a report (`report.json`'s shape); with `since` (an ISO date or date-time, or a
   * run's id: what changed after that run), the stories changed since then, whole.
   */
  readonly report: (options?: { readonly since?: string | number | null }) => Promise<Report.Report>
  /** One claim against the given files, or against everything stored when none are given. */
  readonly verify: (claim: string, options?: { readonly sources?: ReadonlyArray<string> }) => Promise<Verify.Result>
  /** Stored claims, filtered by entity (whole words, any case) and outlet, like `crosscheck claims`. */
  readonly claims: (query?: Store.ClaimQuery) => Promise<ReadonlyArray<Store.StoredClaim>>
  /**
   * The events the stored articles were grouped into, from the stored picture (`report.stories`);
   * empty until the store keeps stories.
   */
  readonly stories: () => Promise<ReadonlyArray<Story.Story>>
  /** A report as the text of report.html, report.md or report.json, exactly as `crosscheck run` writes them. */
  readonly render: (report: Report.Report, format: Format) => Promise<string>
  /** A report's findings as schema.org ClaimReview JSON-LD, one review per finding that compares sources. */
  readonly claimReview: (report: Report.Report, options?: ClaimReview.Options) => Promise<ClaimReview.Graph>
  /** Closes the store; later calls reject with a UsageError. */
  readonly close: () => Promise<void>
}

/** The articles as documents, each bad one an error entry, like the lines of a `.jsonl` file. */
export const readArticles = (articles: ReadonlyArray<Article>): Inputs.Result => {
  const documents: Array<Inputs.Result["documents"][number]> = []
  const errors: Array<Inputs.Result["errors"][number]> = []
  articles.forEach((article, i) => {
    const parsed = Jsonl.parseLine("api", `article ${i + 1}`, JSON.stringify(article ?? null))
    if (Either.isLeft(parsed)) errors.push({ path: "api", message: parsed.left.message })
    else {
      const r = parsed.right
      const d = Inputs.toDocument(r.id == null ? "api" : `api:${r.id}`, i, r, r.text)
      documents.push(d)
    }
  })
  return { documents: Inputs.distinct(documents), errors }
}

/** Runs `f` so that whatever it throws (a UsageError from decoding) becomes a rejection, never a synchronous throw. */
const rejecting = <A>(f: () => Promise<A>): Promise<A> => {
  try {
    return f()
  } catch (error) {
    return Promise.reject(error)
  }
}

/** Opens the store (creating it when missing) and loads the language model once. */
export const createCrosscheck = async (given: Options = {}): Promise<Crosscheck> => {
  const options = Arguments.decode(Arguments.Options, given ?? {}, "createCrosscheck's options")
  const asOf = options.asOf ?? null
  const layer = Layer.merge(
    Extractor.layer({ asOf }),
    Store.layer({
      path: options.db ?? ":memory:",
      ...(options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs }),
    }),
  )
  const runtime = ManagedRuntime.make(layer)
  let closed = false

  // Rejects with the typed failure itself (or the defect), never Effect's FiberFailure wrapper.
  const run = async <A, E>(effect: Effect.Effect<A, E, Extractor.Extractor | Store.Store>): Promise<A> => {
    if (closed)
      throw new UsageError({
        reason: "bad-option",
        message: "crosscheck: expected an open crosscheck, instead it was closed",
      })
    const exit = await runtime.runPromiseExit(effect)
    if (Exit.isSuccess(exit)) return exit.value
    throw Cause.squash(exit.cause)
  }

  await run(Store.Store).catch(async (error) => {
    await runtime.dispose()
    throw error
  })

  return {
    ingest: (given, givenOptions = {}) =>
      rejecting(() => {
        const input = Arguments.decode(Arguments.Input, given, "ingest's input (a path, paths or { articles })")
        const callOptions = Arguments.decode(Arguments.IngestOptions, givenOptions ?? {}, "ingest's options")
        const onProgress = callOptions.onProgress as ((done: number, total: number) => void) | undefined
        const ingestOptions = { asOf, ...(onProgress ? { onProgress } : {}) }
        if (typeof input === "string" || Array.isArray(input)) {
          const paths: ReadonlyArray<string> = typeof input === "string" ? [input] : input
          return run(Ingest.paths(paths, ingestOptions))
        }
        const { articles } = input as { readonly articles: ReadonlyArray<Article> }
        return run(Ingest.documents(readArticles(articles), ["api"], ingestOptions))
      }),
    report: (given = {}) =>
      rejecting(() =>
        run(
          Ingest.report({
            since: Arguments.decode(Arguments.ReportOptions, given ?? {}, "report's options").since ?? null,
          }),
        ),
      ),
    verify: (givenClaim, givenOptions = {}) =>
      rejecting(() => {
        const claim = Arguments.decode(Arguments.Claim, givenClaim, "verify's claim")
        const verifyOptions = Arguments.decode(Arguments.VerifyOptions, givenOptions ?? {}, "verify's options")
        return run(
          Effect.gen(function* () {
            const sources = verifyOptions.sources
              ? yield* Ingest.extractOnly(verifyOptions.sources, asOf)
              : yield* Effect.flatMap(Store.Store, (store) => store.snapshot())
            return yield* Verify.against(claim, sources)
          }),
        )
      }),
    claims: (given = {}) =>
      rejecting(() =>
        run(
          Effect.flatMap(Store.Store, (store) => {
            const query = Arguments.decode(Arguments.ClaimQuery, given ?? {}, "claims' query")
            return store.claims({ entity: query.entity ?? null, outlet: query.outlet ?? null })
          }),
        ),
      ),
    // The seam for stories: once the store keeps them, this reads them from it directly.
    stories: () => run(Effect.map(Ingest.report(), (report) => report.stories ?? [])),
    // A throw inside reaches the caller as itself (run squashes the cause): a UsageError for a bad argument.
    render: (report, format) =>
      run(
        Effect.sync(() => {
          if (!Object.hasOwn(RENDERERS, format))
            throw new UsageError({
              reason: "bad-value",
              message: `crosscheck: expected a format of ${Object.keys(RENDERERS).join(", ")}, instead found ${JSON.stringify(format)}`,
            })
          return RENDERERS[format](report)
        }),
      ),
    claimReview: (report, reviewOptions = {}) => run(Effect.sync(() => ClaimReview.make(report, reviewOptions))),
    close: async () => {
      if (closed) return
      closed = true
      await runtime.dispose()
    },
  }
}
