/**
 * The gold story sets in fixtures/stories (or another root, e.g. fixtures/fresh/DATE): each folder holds 3–6
 * front-matter articles and a gold.json of aligned groups, verdicts and pairs that must not align.
 */
import { readdirSync, readFileSync } from "node:fs"
import { join, resolve } from "node:path"
import type { Claim, Document, Finding } from "@crosscheck/domain"
import { Inputs } from "@crosscheck/sources"
import { Effect, Schema } from "effect"

export const ClaimRef = Schema.Struct({
  file: Schema.String,
  /** An exact substring of the sentence carrying the claim; the claim is the one whose span contains it. */
  quote: Schema.String,
})
export type ClaimRef = typeof ClaimRef.Type

export const GoldGroup = Schema.Struct({
  verdict: Schema.Literal("contradict", "agree", "disputed", "compatible", "changed", "single-source"),
  /** A trap looks like one fact (and would draw `verdict`) but is not: its pairs must not align. */
  trap: Schema.Boolean,
  claims: Schema.Array(ClaimRef).pipe(Schema.minItems(2)),
})
export type GoldGroup = typeof GoldGroup.Type

export const Gold = Schema.Struct({
  description: Schema.String,
  groups: Schema.Array(GoldGroup),
  notAligned: Schema.Array(Schema.Tuple(ClaimRef, ClaimRef)),
})
export type Gold = typeof Gold.Type

export interface StorySet {
  readonly name: string
  readonly dir: string
  readonly gold: Gold
}

export const storiesDir = (): string => resolve(import.meta.dirname, "../../fixtures/stories")

/** Every story set, in name order; a malformed gold.json throws with the set's name. */
export const load = (root: string = storiesDir()): ReadonlyArray<StorySet> =>
  readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const dir = join(root, name)
      const raw = JSON.parse(readFileSync(join(dir, "gold.json"), "utf8")) as unknown
      const decoded = Schema.decodeUnknownEither(Gold)(raw)
      if (decoded._tag === "Left")
        throw new Error(`stories: ${name}/gold.json does not match the format: ${decoded.left.message}`)
      return { name, dir, gold: decoded.right }
    })

/**
 * The sets of `root`, or the eval line saying why there are none (`label` opens it, as its other lines
 * do): a root that cannot be read, or that holds no set, is reported as skipped, never scored as empty.
 */
export const loadOrSkip = (
  root: string,
  label: string,
): { readonly sets: ReadonlyArray<StorySet> } | { readonly skipped: string } => {
  try {
    const sets = load(root)
    if (sets.length > 0) return { sets }
  } catch {}
  return { skipped: `${label.padEnd(10)} skipped: no gold story sets at ${root}` }
}

/** The set's articles as documents, read by the same sources stage as a real run. */
export const documents = (set: StorySet): Promise<ReadonlyArray<Document.Document>> =>
  Effect.runPromise(Inputs.read([set.dir])).then((r) => {
    if (r.errors.length > 0) throw new Error(`stories: ${set.name}: ${r.errors.map((e) => e.message).join("; ")}`)
    return r.documents
  })

/** The article's file name, as gold references name it. */
export const fileOf = (d: Document.Document): string => d.origin.path.split(/[\\/]/).pop() ?? d.origin.path

/**
 * The claim a reference names: in the document read from `file`, among the claims whose span contains
 * the quote (failing that, those holding its start: a claim split inside the quote), one holding a figure
 * the quote holds, the narrowest of them; with no such figure, the narrowest (a disputed clause nested in
 * its sentence, not the sentence), and among claims of one span the statement.
 * `at`/`end` locate the quote, -1 if absent.
 */
export const locate = (
  ref: ClaimRef,
  docs: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
): { document: Document.Document | null; claim: Claim.Claim | null; at: number; end: number } => {
  const document = docs.find((d) => fileOf(d) === ref.file) ?? null
  const at = document ? document.text.indexOf(ref.quote) : -1
  if (!document || at < 0) return { document, claim: null, at: -1, end: -1 }
  const end = at + ref.quote.length
  const own = claims.filter((c) => c.documentId === document.id)
  const quoted = (c: Claim.Claim) => c.quantities.some((q) => at <= q.span.start && q.span.end <= end)
  const anyQuoted = own.some(quoted)
  /** 0 for the claim the quote is about (one holding a figure it quotes, else a statement), 1 for the others. */
  const rank = (c: Claim.Claim) => (anyQuoted ? (quoted(c) ? 0 : 1) : c.kind === "statement" ? 0 : 1)
  // The claim the quote is about first, then the narrowest: in 'Jonty Hale, 64, told the Rattle: "He took
  // more than 400,000 euros"' the quote is about the sum, not the age the narrower claim of "64" holds.
  // A quote with no figure goes to the narrowest claim around it, the statement first among claims of one span.
  const width = (c: Claim.Claim) => c.span.end - c.span.start
  const first = (cs: ReadonlyArray<Claim.Claim>) =>
    [...cs].sort((a, b) =>
      anyQuoted ? rank(a) - rank(b) || width(a) - width(b) : width(a) - width(b) || rank(a) - rank(b),
    )[0] ?? null
  const claim =
    first(own.filter((c) => c.span.start <= at && end <= c.span.end)) ??
    first(own.filter((c) => c.span.start <= at && at < c.span.end))
  return { document, claim, at, end }
}

/** Unordered pair key of two claims. */
export const pairKey = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`)

export interface Pairs {
  /** Pairs the gold aligns (non-trap groups), as claim-id pair keys. */
  readonly positive: ReadonlySet<string>
  /** Pairs that must not align: notAligned and every pair of a trap group. */
  readonly negative: ReadonlySet<string>
  /** Every claim id the gold mentions. */
  readonly judged: ReadonlySet<string>
  /** References that found no claim (the extractor missed the sentence), for the report. */
  readonly missing: ReadonlyArray<ClaimRef>
  /**
   * Trap groups and not-aligned pairs whose claims all come from one article: alignment never pairs two
   * claims of one article, so they test nothing here, and the report says how many there are.
   */
  readonly oneArticle: number
  /** The gold verdict of each non-trap group, with its claim ids, for the verdict evaluation. */
  readonly groups: ReadonlyArray<{ readonly verdict: Finding.Verdict; readonly claimIds: ReadonlyArray<string> }>
}

/** The gold of one set resolved against the claims the extractor found. */
export const pairs = (
  set: StorySet,
  docs: ReadonlyArray<Document.Document>,
  claims: ReadonlyArray<Claim.Claim>,
): Pairs => {
  const positive = new Set<string>()
  const negative = new Set<string>()
  const judged = new Set<string>()
  const missing: ClaimRef[] = []
  const resolveAll = (refs: ReadonlyArray<ClaimRef>) =>
    refs.flatMap((ref) => {
      const { claim } = locate(ref, docs, claims)
      if (!claim) {
        missing.push(ref)
        return []
      }
      judged.add(claim.id)
      return [claim]
    })
  const addPairs = (target: Set<string>, list: ReadonlyArray<Claim.Claim>) => {
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const a = list[i]
        const b = list[j]
        if (a && b && a.id !== b.id && a.documentId !== b.documentId) target.add(pairKey(a.id, b.id))
      }
  }
  let oneArticle = 0
  const addNegative = (list: ReadonlyArray<Claim.Claim>) => {
    if (list.length >= 2 && new Set(list.map((c) => c.documentId)).size === 1) oneArticle++
    addPairs(negative, list)
  }
  const groups: Array<{ verdict: Finding.Verdict; claimIds: string[] }> = []
  for (const g of set.gold.groups) {
    const list = resolveAll(g.claims)
    if (g.trap) addNegative(list)
    else addPairs(positive, list)
    if (!g.trap) groups.push({ verdict: g.verdict, claimIds: list.map((c) => c.id) })
  }
  for (const pair of set.gold.notAligned) addNegative(resolveAll(pair))
  for (const p of positive) negative.delete(p)
  return { positive, negative, judged, missing, oneArticle, groups }
}
