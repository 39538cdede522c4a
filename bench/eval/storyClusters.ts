/**
 * `pnpm eval stories`: the story stage against gold events, B-cubed, on BASIL dev (gold: triplet-uuid)
 * and FNC-1 dev (gold: connected components of related headline-body pairs), plus what it does to findings.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import type { Document } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Alignment } from "@crosscheck/matcher"
import { Pipeline } from "@crosscheck/pipeline"
import { Judgement } from "@crosscheck/report"
import { Inputs, Syndication } from "@crosscheck/sources"
import { Bcubed, Clustering, StoryState } from "@crosscheck/stories"
import { type BasilArticle, basil, locate } from "../data.js"
import { parseCsv } from "./fnc1.js"

/** Miranda et al. (EMNLP 2018), English set, B-cubed F1 of their online clustering. */
const PUBLISHED_F1 = 0.94

export interface Labelled {
  readonly documents: ReadonlyArray<Document.Document>
  /** Document id → gold event. */
  readonly gold: ReadonlyMap<string, string>
}

/** FNC-1's stories, plus pairs of documents known to report different rumours. */
export interface Fnc1Labelled extends Labelled {
  /**
   * A body paired as "unrelated" with a headline is not in that headline's rumour, whose related bodies
   * are: each such (body, related body) pair is surely two stories, whichever components they fall in.
   */
  readonly different: ReadonlyArray<readonly [string, string]>
}

/** BASIL as a newsroom feed: the outlet under its short name ("fox", "nyt", "hpo"), title, date, body. */
export const basilFeed = (articles: ReadonlyArray<BasilArticle> = basil()): Labelled => {
  const documents = articles.map((a) =>
    Inputs.toDocument(`basil/${a.file}`, 0, { outlet: a.source, title: a.title, publishedAt: a.date }, a.text),
  )
  return { documents, gold: new Map(documents.map((d, i) => [d.id as string, articles[i]?.triplet ?? ""])) }
}

/**
 * FNC-1 dev stories: every body of dev_stances.csv related (agree, disagree, discuss) to some headline,
 * joined through the headlines; a component of that graph is one story. Undated and untitled. A body
 * only ever paired as unrelated has no known story and is left out.
 */
export const fnc1Feed = (): Fnc1Labelled | null => {
  const dir = locate("fnc1")
  if (!dir) return null
  const bodies = new Map(
    parseCsv(readFileSync(join(dir, "train_bodies.csv"), "utf8"))
      .slice(1)
      .map((r) => [r[0] ?? "", r[1] ?? ""] as const),
  )
  const parent = new Map<string, string>()
  const find = (x: string): string => {
    let r = x
    while (parent.get(r) !== r) r = parent.get(r) ?? r
    parent.set(x, r)
    return r
  }
  const node = (x: string) => {
    if (!parent.has(x)) parent.set(x, x)
  }
  const used: string[] = []
  const relatedTo = new Map<string, string[]>()
  const unrelatedTo: Array<readonly [string, string]> = []
  for (const [headline, body, stance] of parseCsv(readFileSync(join(dir, "dev_stances.csv"), "utf8")).slice(1)) {
    if (headline === undefined || body === undefined) continue
    if (stance === "unrelated") {
      unrelatedTo.push([headline, body])
      continue
    }
    relatedTo.set(headline, [...(relatedTo.get(headline) ?? []), body])
    const b = `b:${body}`
    if (!parent.has(b)) used.push(body)
    node(b)
    node(`h:${headline}`)
    parent.set(find(b), find(`h:${headline}`))
  }
  const documents = used.map((id) => Inputs.toDocument(`fnc1/body-${id}`, 0, { outlet: "fnc1" }, bodies.get(id) ?? ""))
  const docOf = new Map(documents.map((d, i) => [used[i] ?? "", d.id as string]))
  const different = new Map<string, readonly [string, string]>()
  for (const [headline, body] of unrelatedTo) {
    const a = docOf.get(body)
    for (const other of relatedTo.get(headline) ?? []) {
      const b = docOf.get(other)
      if (a && b && a !== b) different.set(a < b ? `${a} ${b}` : `${b} ${a}`, a < b ? [a, b] : [b, a])
    }
  }
  return {
    documents,
    gold: new Map(documents.map((d, i) => [d.id as string, find(`b:${used[i]}`)])),
    different: [...different.values()],
  }
}

const partitionOf = (documents: ReadonlyArray<Document.Document>): ReadonlyMap<string, string> =>
  new Map(documents.map((d) => [d.id as string, d.storyId ?? ""]))

/** A fixed shuffle (a linear congruential generator), so the check is the same on every run. */
const shuffled = <A>(xs: ReadonlyArray<A>, seed: number): A[] => {
  const out = [...xs]
  let s = seed
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648
    const j = s % (i + 1)
    ;[out[i], out[j]] = [out[j] as A, out[i] as A]
  }
  return out
}

/** Whether two assignments put the same documents together (ids of stories may differ). */
const samePartition = (a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean => {
  const s = Bcubed.score(a, b)
  return s.precision === 1 && s.recall === 1
}

const fmt = (x: number) => x.toFixed(3)

/**
 * The feed in `n` batches of consecutive documents (canonical order), each placed from the state the one
 * before left, saved as JSON text and read back, as a store does between runs.
 */
const inBatches = (documents: ReadonlyArray<Document.Document>, n: number, options: Clustering.Options) => {
  const ordered = Clustering.canonicalOrder(documents)
  const size = Math.ceil(ordered.length / n)
  let state = StoryState.empty
  const out: Document.Document[] = []
  for (let from = 0; from < ordered.length; from += size) {
    const result = Clustering.assign(ordered.slice(from, from + size), options, state)
    out.push(...result.documents)
    state = StoryState.decode(JSON.parse(JSON.stringify(result.state)))
  }
  return out
}

export const clusterLines = (name: string, set: Labelled, options: Clustering.Options = {}): string[] => {
  const started = performance.now()
  const { documents, stories } = Clustering.assign(set.documents, options)
  const ms = performance.now() - started
  const predicted = partitionOf(documents)
  const s = Bcubed.score(predicted, set.gold)
  const events = new Set(set.gold.values()).size
  const again = partitionOf(Clustering.assign(shuffled(set.documents, 7), options).documents)
  const batched = partitionOf(inBatches(set.documents, 4, options))
  return [
    `stories    ${name.padEnd(6)} B-cubed P ${fmt(s.precision)}  R ${fmt(s.recall)}  F1 ${fmt(s.f1)}  (Miranda et al. ~${PUBLISHED_F1}; want ≥ 0.95)  ${stories.length} stories for ${events} events, ${documents.length} docs, ${ms.toFixed(0)} ms`,
    `stories    ${name.padEnd(6)} shuffled feed gives the same partition: ${samePartition(predicted, again) ? "yes" : "NO"}`,
    `stories    ${name.padEnd(6)} four batches, state saved between, give the same partition: ${samePartition(predicted, batched) ? "yes" : "NO"}`,
  ]
}

/** Findings whose claims come from documents of different gold events, and conflicts within one outlet. */
const findingLines = (set: Labelled): string[] => {
  const nlp = Extractor.loadModel()
  const claims = set.documents.flatMap((d) => Extractor.extractWith(nlp, d))
  const { documents, findings } = Pipeline.analyse(set.documents, claims)
  const docOf = new Map(claims.map((c) => [c.id as string, c.documentId as string]))
  const outletOf = new Map(documents.map((d) => [d.id as string, d.canonicalOutlet ?? d.outlet]))
  const mixed = (fs: typeof findings) =>
    fs.filter((f) => new Set(f.claimIds.map((c) => set.gold.get(docOf.get(c) ?? ""))).size > 1).length
  const conflictsOf = (fs: typeof findings) => fs.filter((f) => f.verdict === "contradict" || f.verdict === "disputed")
  const oneOutlet = (fs: typeof findings) =>
    conflictsOf(fs).filter((f) => new Set(f.claimIds.map((c) => outletOf.get(docOf.get(c) ?? ""))).size < 2).length
  // The same claims aligned all with all, as before stories existed.
  const grouped = Syndication.group(set.documents.map((d) => ({ ...d, canonicalOutlet: d.outlet })))
  const before = Judgement.judge(Alignment.align(claims, grouped), grouped)
  return [
    `stories    basil  findings mixing gold events  ${mixed(findings)} of ${findings.length}  (want 0; without stories ${mixed(before)} of ${before.length})`,
    `stories    basil  one-outlet conflicts         ${oneOutlet(findings)} of ${conflictsOf(findings).length} conflicts  (want 0)`,
  ]
}

/**
 * What the components cannot show. Known-different pairs (random, so unbiased) put in one story give
 * the share of all different-rumour pairs merged, hence an estimate of pair precision; pairs within one
 * component kept together estimate pair recall. The estimate rests on few pairs: read it as a range.
 */
const pairLines = (set: Fnc1Labelled, options: Clustering.Options = {}): string[] => {
  const storyOf = partitionOf(Clustering.assign(set.documents, options).documents)
  const merged = set.different.filter(([a, b]) => storyOf.get(a) === storyOf.get(b)).length
  const pairs = (groups: Iterable<number>) => [...groups].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0)
  const sizes = (m: ReadonlyMap<string, string>) => {
    const out = new Map<string, number>()
    for (const v of m.values()) out.set(v, (out.get(v) ?? 0) + 1)
    return out.values()
  }
  const n = set.documents.length
  const together = pairs(sizes(storyOf))
  const wrong = (merged / Math.max(1, set.different.length)) * ((n * (n - 1)) / 2)
  let kept = 0
  const byGold = new Map<string, string[]>()
  for (const [id, g] of set.gold) byGold.set(g, [...(byGold.get(g) ?? []), id])
  for (const ids of byGold.values())
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++) if (storyOf.get(ids[i] ?? "") === storyOf.get(ids[j] ?? "")) kept++
  const within = pairs(sizes(set.gold))
  return [
    `stories    fnc1   pairs known to be different rumours put in one story: ${merged} of ${set.different.length}; estimated pair precision ${fmt(Math.max(0, 1 - wrong / Math.max(1, together)))} over ${together} pairs put together, pair recall ${fmt(kept / Math.max(1, within))} of ${within} pairs within components`,
  ]
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const lines: string[] = []
  const basilSet = basilFeed()
  if (basilSet.documents.length === 0) lines.push("stories    basil  skipped: ../shared/data/basil not found")
  else lines.push(...clusterLines("basil", basilSet), ...findingLines(basilSet))
  const fnc = fnc1Feed()
  if (!fnc) lines.push("stories    fnc1   skipped: ../shared/data/fnc1 not found")
  else {
    lines.push(...clusterLines("fnc1", fnc), ...pairLines(fnc))
    lines.push("stories    fnc1   (precision is a lower bound: one story may fall into two components)")
  }
  return lines
}
