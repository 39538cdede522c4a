/**
 * `pnpm eval stories`: the story stage against gold events, B-cubed, on BASIL dev (gold: triplet-uuid)
 * and FNC-1 dev (gold: connected components of related headline-body pairs), plus what it does to findings.
 */
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { type Document, Ids } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { Alignment } from "@crosscheck/matcher"
import { Pipeline } from "@crosscheck/pipeline"
import { Judgement } from "@crosscheck/report"
import { Inputs, Syndication } from "@crosscheck/sources"
import { Bcubed, Clustering, StoryState } from "@crosscheck/stories"
import { type BasilArticle, basil, locate } from "../data.js"
import { corpus } from "../perf/scale.js"
import { parseCsv } from "./fnc1.js"
import * as Baseline from "./storyBaseline.js"

/** Miranda et al. (EMNLP 2018), English set, B-cubed F1 of their online clustering. */
const PUBLISHED_F1 = 0.94

export interface Labelled {
  readonly documents: ReadonlyArray<Document.Document>
  /** Document id → gold event. */
  readonly gold: ReadonlyMap<string, string>
}

/** FNC-1's stories, plus for each document some known to report other rumours. */
export interface Fnc1Labelled extends Labelled {
  /**
   * Document id → feed documents known to be outside its rumour: the bodies paired as "unrelated" with
   * any headline of its component. FNC-1 drew those pairings at random, so they sample the documents of
   * other rumours without regard to how alike they read (see `estimatedPrecision`).
   */
  readonly outside: ReadonlyMap<string, ReadonlyArray<string>>
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
  const unrelatedTo: Array<readonly [string, string]> = []
  for (const [headline, body, stance] of parseCsv(readFileSync(join(dir, "dev_stances.csv"), "utf8")).slice(1)) {
    if (headline === undefined || body === undefined) continue
    if (stance === "unrelated") {
      unrelatedTo.push([headline, body])
      continue
    }
    const b = `b:${body}`
    if (!parent.has(b)) used.push(body)
    node(b)
    node(`h:${headline}`)
    parent.set(find(b), find(`h:${headline}`))
  }
  const documents = used.map((id) => Inputs.toDocument(`fnc1/body-${id}`, 0, { outlet: "fnc1" }, bodies.get(id) ?? ""))
  const docOf = new Map(documents.map((d, i) => [used[i] ?? "", d.id as string]))
  const gold = new Map(documents.map((d, i) => [d.id as string, find(`b:${used[i]}`)]))
  const unrelatedOf = new Map<string, Set<string>>()
  for (const [headline, body] of unrelatedTo) {
    const a = docOf.get(body)
    if (!a || !parent.has(`h:${headline}`)) continue
    const component = find(`h:${headline}`)
    unrelatedOf.set(component, (unrelatedOf.get(component) ?? new Set()).add(a))
  }
  const outside = new Map(
    [...gold].map(
      ([id, component]) =>
        [id, [...(unrelatedOf.get(component) ?? [])].filter((o) => gold.get(o) !== component)] as const,
    ),
  )
  return { documents, gold, outside }
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
 * The feed in `n` batches of consecutive documents (canonical order, unless `arrival` says otherwise),
 * each placed from the state the one before left, saved as JSON text and read back, as a store does.
 */
const inBatches = (
  documents: ReadonlyArray<Document.Document>,
  n: number,
  options: Clustering.Options,
  arrival: ReadonlyArray<Document.Document> = Clustering.canonicalOrder(documents),
) => {
  const ordered = arrival
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

/**
 * The same batches placed by one clusterer that is never saved (each batch added, then settled): what the
 * batches give when the state between them loses nothing.
 */
const inOneClusterer = (documents: ReadonlyArray<Document.Document>, n: number, options: Clustering.Options) => {
  const ordered = Clustering.canonicalOrder(documents)
  const size = Math.ceil(ordered.length / n)
  const clusterer = Clustering.make(options)
  for (let from = 0; from < ordered.length; from += size) {
    for (const d of ordered.slice(from, from + size)) clusterer.add(d)
    clusterer.settle()
  }
  return new Map(documents.map((d) => [d.id as string, clusterer.storyOf(d.id) ?? ""]))
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
  const batchedVsWhole = Bcubed.score(batched, predicted)
  // Placed online only (no settling pass), batches give the whole feed's stories exactly.
  const online = { ...options, settleRounds: 0 }
  const onlineSame = samePartition(
    partitionOf(Clustering.assign(set.documents, online).documents),
    partitionOf(inBatches(set.documents, 4, online)),
  )
  // Batches arriving in another order (late articles): each is placed in canonical order, the feed is not.
  const late = partitionOf(inBatches(set.documents, 4, options, shuffled(set.documents, 11)))
  const lateVsWhole = Bcubed.score(late, predicted)
  return [
    `stories    ${name.padEnd(6)} B-cubed P ${fmt(s.precision)}  R ${fmt(s.recall)}  F1 ${fmt(s.f1)}  (Miranda et al. ~${PUBLISHED_F1}; want ≥ 0.95)  ${stories.length} stories for ${events} events, ${documents.length} docs, ${ms.toFixed(0)} ms`,
    `stories    ${name.padEnd(6)} shuffled feed gives the same partition: ${samePartition(predicted, again) ? "yes" : "NO"}`,
    `stories    ${name.padEnd(6)} four batches, state saved between, give what one clusterer never saved gives: ${samePartition(batched, inOneClusterer(set.documents, 4, options)) ? "yes" : "NO"}; placed online only (no settling pass), the whole feed's partition: ${onlineSame ? "yes" : "NO"}`,
    `stories    ${name.padEnd(6)} four batches against the whole feed (each batch settles only its own documents): ${samePartition(predicted, batched) ? "the same partition" : `B-cubed P ${fmt(batchedVsWhole.precision)} R ${fmt(batchedVsWhole.recall)}, F1 against gold ${fmt(Bcubed.score(batched, set.gold).f1)}${estimatedF1(batched, set)}`}`,
    `stories    ${name.padEnd(6)} four batches of a shuffled feed (each placed in order, not the whole): ${samePartition(predicted, late) ? "the same partition" : `not the same partition (known: placement is online), B-cubed against the whole feed's P ${fmt(lateVsWhole.precision)} R ${fmt(lateVsWhole.recall)}, F1 against gold ${fmt(Bcubed.score(late, set.gold).f1)}`}`,
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
 * B-cubed precision against the rumours, estimated; the components' figure is only a lower bound. For a
 * document d in story C, precision is 1 − |C outside d's rumour| / |C|. The bodies FNC-1 paired at random
 * as unrelated to d's component sample the documents outside that rumour: the share of them that landed
 * in C, times how many documents are outside, estimates |C outside d's rumour|. Outside is counted as
 * outside d's component, more than outside its rumour, so the estimate leans low. Pooled per story (a
 * few draws per document), kept between the components' lower bound and 1; a story none of whose
 * documents has a draw counts at its lower bound.
 */
export const estimatedPrecision = (
  predicted: ReadonlyMap<string, string>,
  set: Fnc1Labelled,
): { readonly precision: number; readonly hits: number; readonly draws: number } => {
  const members = new Map<string, string[]>()
  for (const [id, s] of predicted) members.set(s, [...(members.get(s) ?? []), id])
  const componentSize = new Map<string, number>()
  for (const g of set.gold.values()) componentSize.set(g, (componentSize.get(g) ?? 0) + 1)
  const n = predicted.size
  let total = 0
  let allHits = 0
  let allDraws = 0
  for (const ids of members.values()) {
    const inStory = new Set(ids)
    const byComponent = new Map<string, number>()
    for (const id of ids) byComponent.set(set.gold.get(id) ?? id, (byComponent.get(set.gold.get(id) ?? id) ?? 0) + 1)
    const known = [...byComponent.values()].reduce((sum, k) => sum + k * k, 0) / ids.length
    let draws = 0
    let hits = 0
    let outsideCount = 0
    for (const id of ids) {
      const drawn = set.outside.get(id) ?? []
      draws += drawn.length
      hits += drawn.filter((o) => inStory.has(o)).length
      outsideCount += n - (componentSize.get(set.gold.get(id) ?? "") ?? 1)
    }
    allHits += hits
    allDraws += draws
    // Σ over d of |C outside d's rumour|, each d's share of C counted over |C|.
    const estimate = draws > 0 ? ids.length - ((hits / draws) * outsideCount) / ids.length : known
    total += Math.min(ids.length, Math.max(known, estimate))
  }
  return { precision: total / Math.max(1, n), hits: allHits, draws: allDraws }
}

/** On FNC-1, ", ESTIMATED F1 x" for a partition (see `estimatedPrecision`); on a set without draws, nothing. */
const estimatedF1 = (predicted: ReadonlyMap<string, string>, set: Labelled): string => {
  if (!("outside" in set)) return ""
  const e = estimatedPrecision(predicted, set as Fnc1Labelled).precision
  const r = Bcubed.score(predicted, set.gold).recall
  return `, ESTIMATED F1 ${fmt((2 * e * r) / Math.max(1e-9, e + r))}`
}

/** The renamed copies' size and spacing: what `pnpm bench stories` places at 1,000 documents. */
const RENAMED_DOCS = 1000
const RENAMED_DAYS_APART = 40

/**
 * BASIL dev repeated with every capitalised word renamed, each copy 40 days on (the feed `pnpm bench
 * stories` places), scored with each copy's events as events of their own: the same kind of event in
 * other places under other names. Not a scored set (its texts differ in nothing but names), but what
 * keeps it apart is what tells two like events in two towns apart: their names.
 */
const renamedLine = (articles: ReadonlyArray<BasilArticle>): string => {
  const records = corpus(RENAMED_DOCS, articles, RENAMED_DAYS_APART)
  const documents = records.map((r, i) => Inputs.toDocument("feed.jsonl", i, r, r.text))
  const gold = new Map(
    documents.map((d, i) => [
      d.id as string,
      `${Math.floor(i / articles.length)}:${articles[i % articles.length]?.triplet}`,
    ]),
  )
  const predicted = partitionOf(Clustering.assign(documents).documents)
  const s = Bcubed.score(predicted, gold)
  return `stories    basil  renamed copies (${documents.length} docs, each copy ${RENAMED_DAYS_APART} days on): B-cubed P ${fmt(s.precision)}  R ${fmt(s.recall)}  F1 ${fmt(s.f1)}  ${new Set(predicted.values()).size} stories for ${new Set(gold.values()).size} events`
}

/** Seeds of the arbitrary orders the spread lines place a feed in. */
const ORDER_SEEDS = [1, 2, 3, 4, 5]

/**
 * The set with every document under a new id drawn from `seed` (its gold and draws follow it). Documents
 * of one day are placed in id order, so this is another arbitrary order of them, as a change of the id
 * scheme made (commit 248facd moved FNC-1's estimated F1 from 0.941 to 0.922 so).
 */
export const reIdentified = (set: Labelled, seed: number): Fnc1Labelled => {
  const ids = new Map(set.documents.map((d) => [d.id as string, Ids.documentId(seed, d.id)]))
  const to = (id: string): string => ids.get(id) ?? id
  const outside = "outside" in set ? (set as Fnc1Labelled).outside : new Map<string, ReadonlyArray<string>>()
  return {
    documents: set.documents.map((d) => ({ ...d, id: Ids.documentId(seed, d.id) })),
    gold: new Map([...set.gold].map(([id, g]) => [to(id), g])),
    outside: new Map([...outside].map(([id, o]) => [to(id), o.map(to)])),
  }
}

/**
 * FNC-1's stories in two halves by story (the first byte of a SHA-1 of the gold component, even or odd),
 * each a feed of its own: a change to the story stage counts when it improves both, not the whole set
 * alone, so that what it gains is not fitted to some rumours of the dev set.
 */
export const fnc1Half = (set: Fnc1Labelled, half: 0 | 1): Fnc1Labelled => {
  const inHalf = (component: string) => ((createHash("sha1").update(component).digest()[0] ?? 0) & 1) === half
  const keep = new Set([...set.gold].filter(([, g]) => inHalf(g)).map(([id]) => id))
  return {
    documents: set.documents.filter((d) => keep.has(d.id)),
    gold: new Map([...set.gold].filter(([id]) => keep.has(id))),
    outside: new Map(
      [...set.outside].filter(([id]) => keep.has(id)).map(([id, o]) => [id, o.filter((x) => keep.has(x))] as const),
    ),
  }
}

/** Mean, least and greatest of some figures, as printed. */
export const spread = (xs: ReadonlyArray<number>): string =>
  `mean ${fmt(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length))} min ${fmt(Math.min(...xs))} max ${fmt(Math.max(...xs))}`

/**
 * How much the order of equal-day documents moves the figures: the feed placed under `ORDER_SEEDS.length`
 * arbitrary orders (ids re-drawn), B-cubed (and on FNC-1 the estimated F1) as mean, min and max.
 */
const orderSpreadLine = (name: string, set: Labelled, withEstimate: boolean, what = ""): string => {
  const scores = ORDER_SEEDS.map((seed) => {
    const again = reIdentified(set, seed)
    const predicted = partitionOf(Clustering.assign(again.documents).documents)
    const s = Bcubed.score(predicted, again.gold)
    const e = withEstimate ? estimatedPrecision(predicted, again).precision : Number.NaN
    return { ...s, estimated: (2 * e * s.recall) / Math.max(1e-9, e + s.recall) }
  })
  const of = (k: "precision" | "recall" | "f1" | "estimated") => spread(scores.map((x) => x[k]))
  const estimate = withEstimate ? ` | ESTIMATED F1 ${of("estimated")}` : ""
  return `stories    ${name.padEnd(6)} ${ORDER_SEEDS.length} arbitrary orders of equal-day documents${what}: F1 ${of("f1")}  (P ${of("precision")}, R ${of("recall")})${estimate}`
}

/** The plain TF-IDF baseline's thresholds printed: around where it does best on either set. */
const BASELINE_THRESHOLDS = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45]

/**
 * Ours next to the plain TF-IDF baseline at several thresholds, under the same B-cubed, so a reader sees
 * whether a low figure is the metric or the clustering. On FNC-1 each line adds the estimated precision
 * and the F1 it gives with the measured recall (against components, so if anything optimistic).
 */
const comparisonLines = (name: string, set: Labelled, fnc: Fnc1Labelled | null): string[] => {
  const line = comparisonLine(name, set, fnc)
  return [
    line(
      `ours (threshold ${Clustering.THRESHOLD.toFixed(2)})`,
      partitionOf(Clustering.assign(set.documents).documents),
    ),
    ...BASELINE_THRESHOLDS.map((t) => line(`plain TF-IDF at ${t.toFixed(2)}`, Baseline.cluster(set.documents, t))),
  ]
}

/** One clustering's line of the comparison: `who` made `predicted`. */
const comparisonLine =
  (name: string, set: Labelled, fnc: Fnc1Labelled | null) =>
  (who: string, predicted: ReadonlyMap<string, string>): string => {
    const s = Bcubed.score(predicted, set.gold)
    const stories = new Set(predicted.values()).size
    let estimate = ""
    if (fnc) {
      const e = estimatedPrecision(predicted, fnc)
      const f1 = (2 * e.precision * s.recall) / Math.max(1e-9, e.precision + s.recall)
      estimate = ` | ESTIMATED P ${fmt(e.precision)} F1 ${fmt(f1)} (${e.hits} of ${e.draws} draws in the story)`
    }
    return `stories    ${name.padEnd(6)} ${who.padEnd(26)} P ${fmt(s.precision)}  R ${fmt(s.recall)}  F1 ${fmt(s.f1)}  ${String(stories).padStart(3)} stories${estimate}`
  }

/** What the FNC-1 lines measure, for a reader of the figures above. */
const FNC1_NOTES = [
  "stories    fnc1   measured P, R, F1 are against the components; P is a lower bound (one rumour may fall into several components)",
  "stories    fnc1   ESTIMATED P: per story, the share of the bodies FNC-1 paired at random as unrelated to its documents' rumours that",
  "stories    fnc1     landed in it, times the documents outside those rumours; an estimate from few draws, not a measurement",
]

export const run = async (): Promise<ReadonlyArray<string>> => {
  const lines: string[] = []
  const basilSet = basilFeed()
  if (basilSet.documents.length === 0) lines.push("stories    basil  skipped: ../shared/data/basil not found")
  else {
    const undated = { ...basilSet, documents: basilSet.documents.map((d) => ({ ...d, publishedAt: null })) }
    lines.push(...clusterLines("basil", basilSet), ...comparisonLines("basil", basilSet, null))
    // The held-out rumours have no dates: ours without them, on the words alone.
    const withoutDates = partitionOf(Clustering.assign(undated.documents).documents)
    lines.push(comparisonLine("basil", undated, null)("ours, dates removed", withoutDates))
    lines.push(orderSpreadLine("basil", basilSet, false), orderSpreadLine("basil", undated, false, ", dates removed"))
    lines.push(renamedLine(basil()))
    lines.push(...findingLines(basilSet))
  }
  const fnc = fnc1Feed()
  if (!fnc) lines.push("stories    fnc1   skipped: ../shared/data/fnc1 not found")
  else {
    lines.push(...clusterLines("fnc1", fnc), ...comparisonLines("fnc1", fnc, fnc), orderSpreadLine("fnc1", fnc, true))
    for (const half of [0, 1] as const) {
      const part = fnc1Half(fnc, half)
      const what = `, half ${half === 0 ? "A" : "B"} by story (${part.documents.length} docs)`
      lines.push(orderSpreadLine("fnc1", part, true, what))
    }
    lines.push(...FNC1_NOTES)
  }
  return lines
}
