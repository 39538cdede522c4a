/**
 * The keys a story is found under in a store: its documents' names' words, title words and most frequent
 * body words outside names, read as the clustering reads them. A new document is compared only with stories sharing one.
 */
import type { Document } from "@crosscheck/domain"
import * as Terms from "./internal/terms.js"

/** Per representation, how many of a document's most frequent terms are keys. */
const KEPT = { names: 16, title: 10, body: 10 } as const

const top = (counts: ReadonlyMap<string, number>, n: number, prefix: string): string[] =>
  [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, n)
    .map(([term]) => `${prefix}${term}`)

/** A document's keys, most telling of each kind first: `n:` names, `t:` title words, `w:` body words. */
export const of = (document: Pick<Document.Document, "title" | "text">): ReadonlyArray<string> => {
  const body = Terms.scan(document.text)
  const title = Terms.scan(document.title ?? "")
  const names = new Map(body.nameWords)
  for (const [name, n] of title.nameWords) names.set(name, (names.get(name) ?? 0) + n + 1)
  return [...top(names, KEPT.names, "n:"), ...top(title.words, KEPT.title, "t:"), ...top(body.what, KEPT.body, "w:")]
}
