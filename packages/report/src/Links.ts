/**
 * Links from a claim to its sentence in the article: the article URL with a text fragment
 * (`#:~:text=…`, WICG Text Fragments) for http(s) URLs only, else the file and place it was read from.
 */

import type { Document, Span } from "@crosscheck/domain"
import { collapse } from "./internal/collapse.js"
import * as Url from "./Url.js"

/** The URL as a link target when it is http: or https:, else null (javascript:, data:, file:, garbage). */
export const safeUrl = Url.safe

/**
 * One term of a text directive, percent-encoded: the spec reserves `-`, `,` and `&` as syntax, and
 * encodeURIComponent leaves `-` (and `!'()*~`, encoded too so no reader takes them for syntax) as is.
 */
export const encodeTerm = (term: string): string =>
  encodeURIComponent(term).replace(/[-!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/** Browsers match fragments against rendered text, where runs of white space are one space. */

const WORD = /[\p{L}\p{N}]/u
const isWord = (c: string | undefined): boolean => c !== undefined && WORD.test(c)

/** The span widened to whole words (matching is at word boundaries) and trimmed of white space. */
const wordAligned = (text: string, span: Span.Span): Span.Span => {
  let start = Math.max(0, Math.min(span.start, text.length))
  let end = Math.max(start, Math.min(span.end, text.length))
  while (start > 0 && isWord(text[start - 1]) && isWord(text[start])) start--
  while (end < text.length && isWord(text[end - 1]) && isWord(text[end])) end++
  while (start < end && /\s/.test(text[start] ?? "")) start++
  while (end > start && /\s/.test(text[end - 1] ?? "")) end--
  return { start, end }
}

/** Words of a passage kept at each end of a long one (`start,end` form); a passage of up to twice that is quoted whole. */
const EDGE_WORDS = 5
/** Words of context put before (`prefix-`) or after (`-suffix`) when the passage's opening occurs earlier in the article. */
const CONTEXT_WORDS = 3

const words = (s: string): string[] => collapse(s).split(" ").filter(Boolean)

/**
 * Context on one side of the span within its line (a paragraph break is a block boundary, which
 * context does not cross): whole white-space-separated tokens, punctuation included, since the spec
 * matches the prefix, white space, then the passage.
 */
const context = (text: string, span: Span.Span, side: "before" | "after"): string | null => {
  const line =
    side === "before"
      ? text.slice(text.lastIndexOf("\n", span.start - 1) + 1, span.start)
      : text.slice(span.end, (text.indexOf("\n", span.end) + 1 || text.length + 1) - 1)
  const ws = words(line)
  if (ws.length === 0) return null
  return (side === "before" ? ws.slice(-CONTEXT_WORDS) : ws.slice(0, CONTEXT_WORDS)).join(" ")
}

/**
 * The text directive (without `#`) that selects `span` of `text`: `text=[prefix-,]start[,end][,-suffix]`.
 * Null when the span holds no word.
 */
export const textDirective = (text: string, span: Span.Span): string | null => {
  const s = wordAligned(text, span)
  const ws = words(text.slice(s.start, s.end))
  if (ws.length === 0) return null
  const [start, end] =
    ws.length <= EDGE_WORDS * 2
      ? [ws.join(" "), null]
      : [ws.slice(0, EDGE_WORDS).join(" "), ws.slice(-EDGE_WORDS).join(" ")]
  // The browser shows the first match: when the opening occurs earlier, context tells them apart.
  const earlier = collapse(text.slice(0, s.start)).toLowerCase().includes(start.toLowerCase())
  const prefix = earlier ? context(text, s, "before") : null
  const suffix = earlier && !prefix ? context(text, s, "after") : null
  const terms = [
    prefix === null ? null : `${encodeTerm(prefix)}-`,
    encodeTerm(start),
    end === null ? null : encodeTerm(end),
    suffix === null ? null : `-${encodeTerm(suffix)}`,
  ]
  return `text=${terms.filter((t) => t !== null).join(",")}`
}

/** A checked URL with a text directive: after its own fragment if it has one (`#top:~:text=…`), else `#:~:text=…`. */
export const withDirective = (url: string, directive: string | null): string =>
  directive === null ? url : `${url}${url.includes("#") ? "" : "#"}:~:${directive}`

/** The URL with a text fragment that lands on `span` of the document, or null when it has no http(s) URL. */
export const fragmentUrl = (document: Pick<Document.Document, "url" | "text">, span: Span.Span): string | null => {
  const url = safeUrl(document.url)
  return url === null ? null : withDirective(url, textDirective(document.text, span))
}

/** Where a document without a URL was read: its file, its place in that file, and the characters of the span. */
export const place = (document: Pick<Document.Document, "origin">, span?: Span.Span): string =>
  `${document.origin.path}#${document.origin.index}${span ? ` (characters ${span.start}–${span.end})` : ""}`
