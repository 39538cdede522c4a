/**
 * BASIL (Fan et al., EMNLP 2019): three outlets' independently written articles per event. Syndication
 * must join none of them, and must still join each article with a reprinted copy of itself.
 */
import type { Document } from "@crosscheck/domain"
import { Inputs, Syndication } from "@crosscheck/sources"
import { type BasilArticle, basil } from "../data.js"

const toDocument = (a: BasilArticle, path: string, text: string): Document.Document =>
  Inputs.toDocument(path, 0, { outlet: a.source.toLowerCase(), title: a.title, publishedAt: a.date }, text)

/**
 * A reprint as syndication produces it, varied by position so every kind occurs: trimmed to its first
 * paragraphs, or with a photo caption and a local paragraph added, or with a byline and copyright line.
 */
export const reprint = (text: string, k: number): string => {
  const paragraphs = text.split("\n")
  switch (k % 3) {
    case 0:
      return paragraphs.slice(0, Math.max(2, Math.ceil(paragraphs.length * 0.6))).join("\n")
    case 1:
      return [
        "A view of the scene on the day of the events described below. (Photo: Staff photographer)",
        ...paragraphs,
        "Local officials did not immediately respond to a request for comment on Monday evening.",
      ].join("\n")
    default:
      return [
        "By STAFF WRITER",
        ...paragraphs,
        "Copyright 2019 by the publisher. All rights reserved. This material may not be redistributed.",
      ].join("\n")
  }
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const articles = basil()
  if (articles.length === 0) return ["basil      skipped: ../shared/data/basil not found"]
  const originals = articles.map((a) => toDocument(a, `basil/${a.file}`, a.text))
  const event = new Map(originals.map((d, i) => [d.id as string, articles[i]?.triplet ?? ""]))
  const started = performance.now()
  const grouped = Syndication.group(originals)
  const ms = performance.now() - started
  const groups = new Map<string, Document.Document[]>()
  for (const d of grouped)
    if (d.syndicationGroup) groups.set(d.syndicationGroup, [...(groups.get(d.syndicationGroup) ?? []), d])
  const acrossEvents = [...groups.values()].filter((g) => new Set(g.map((d) => event.get(d.id))).size > 1).length
  const withinEvent = [...groups.values()].filter((g) => new Set(g.map((d) => event.get(d.id))).size === 1).length
  const events = new Set(articles.map((a) => a.triplet)).size

  // Each article plus one reprint of it: the reprint must join its original and nothing else.
  const copies = articles.map((a, i) => toDocument(a, `reprint/${a.file}`, reprint(a.text, i)))
  const mixed = Syndication.group([...originals, ...copies])
  const n = originals.length
  let joined = 0
  let wrong = 0
  for (let i = 0; i < n; i++) {
    const g = mixed[i]?.syndicationGroup
    if (g && g === mixed[n + i]?.syndicationGroup) joined++
    if (g && mixed.filter((d) => d.syndicationGroup === g).length !== 2) wrong++
  }
  // Mass syndication at the size a newsroom day reaches: every article reprinted until there are
  // 10,000 documents; each article's reprints must form one group, and no two articles share one.
  const scale = Array.from({ length: 10_000 }, (_, k) => {
    const a = articles[k % n] as BasilArticle
    return toDocument(a, `scale/${k}/${a.file}`, `Edition ${k}.\n${reprint(a.text, Math.floor(k / n))}`)
  })
  const scaleStarted = performance.now()
  const scaled = Syndication.group(scale)
  const scaleSeconds = (performance.now() - scaleStarted) / 1000
  const scaleGroups = new Set(scaled.map((d) => d.syndicationGroup)).size
  const split = articles.filter(
    (_, i) => new Set(scaled.filter((__, k) => k % n === i).map((d) => d.syndicationGroup)).size > 1,
  ).length
  const pct = (x: number, of: number): string => `${((100 * x) / Math.max(of, 1)).toFixed(1)}%`
  return [
    `basil      syndication groups across events    ${acrossEvents}  (${n} articles, ${events} events; want 0)`,
    `basil      groups of independent articles      ${withinEvent}  (want 0; ${ms.toFixed(0)} ms)`,
    `basil      reprints joined to their original   ${joined}/${n} ${pct(joined, n)}  (trimmed, captioned, bylined)`,
    `basil      originals grouped with other docs   ${wrong}  (want 0)`,
    `basil      10,000 reprints: groups             ${scaleGroups}  (want ${n}; ${split} articles split; ${(scale.length / scaleSeconds).toFixed(0)} docs/s)`,
  ]
}
