/**
 * Quotations in a text: straight and curly, double and single, running over sentences and, by the
 * newspaper convention (no closing mark, next paragraph reopens), over paragraphs.
 */
import type { Span } from "@crosscheck/domain"

export interface Quote {
  /** From the opening mark to the closing mark, both included. */
  readonly outer: Span.Span
  /** The words inside the marks, without surrounding space or a trailing comma. */
  readonly inner: Span.Span
}

type Kind = "double" | "single"

const OPEN_ONLY: Record<string, Kind> = { "\u201C": "double", "\u2018": "single" }
const CLOSE_ONLY: Record<string, Kind> = { "\u201D": "double", "\u2019": "single" }
const EITHER: Record<string, Kind> = { '"': "double", "'": "single" }
const MAX_LENGTH = 4000

const isSpace = (c: string | undefined): boolean => c === undefined || /\s/.test(c)
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c)
const OPENS_AFTER = /[\s([{\u2014\u2013:,-]/

/** Can the mark running from `i` to `last` (one or two characters) open a quote? */
const opensAt = (text: string, i: number, last = i): boolean => {
  const before = text[i - 1]
  const after = text[last + 1]
  return (before === undefined || OPENS_AFTER.test(before)) && !isSpace(after)
}

const closesAt = (text: string, i: number, last = i): boolean => {
  const before = text[i - 1]
  const after = text[last + 1]
  return !isSpace(before) && (after === undefined || !isWordChar(after))
}

const trimmed = (text: string, start: number, end: number): Span.Span => {
  let s = start
  let e = end
  while (s < e && isSpace(text[s])) s++
  while (e > s && (isSpace(text[e - 1]) || text[e - 1] === ",")) e--
  return { start: s, end: e }
}

/** Does the paragraph after the line break at `i` reopen a quote of this kind? */
const reopens = (text: string, i: number, kind: Kind): number => {
  let j = i
  while (j < text.length && isSpace(text[j])) j++
  const c = text[j] ?? ""
  return (OPEN_ONLY[c] ?? EITHER[c]) === kind && opensAt(text, j) ? j : -1
}

/**
 * Every outermost quotation, in order. A stray or unbalanced mark opens nothing: a quote still open
 * at a paragraph end that the next paragraph does not reopen is dropped.
 */
export const find = (text: string): ReadonlyArray<Quote> => {
  const quotes: Quote[] = []
  let open: { kind: Kind; at: number; width: number } | null = null
  // Only quote marks and line breaks matter: jump from one to the next.
  const MARKS = /["'`\n\u201C\u201D\u2018\u2019]/g
  for (let i = 0; i < text.length; i++) {
    MARKS.lastIndex = i
    const hit = MARKS.exec(text)
    if (!hit) break
    i = hit.index
    const mark = i
    let c = text[i] ?? ""
    // Typewriter quotes written as two marks (''like this'', ``or this'').
    const doubled = (c === "'" || c === "`") && text[i + 1] === "'"
    if (c === "`" && text[i + 1] === "`") {
      c = "\u201C"
      i++
    } else if (doubled) {
      c = '"'
      i++
    }
    if (c === "\n") {
      if (open && text[i + 1] !== undefined) {
        const j = reopens(text, i + 1, open.kind)
        if (j >= 0) {
          i = j
          continue
        }
        open = null
      }
      continue
    }
    const opener = OPEN_ONLY[c]
    const closer = CLOSE_ONLY[c]
    const either = EITHER[c]
    const kind = opener ?? closer ?? either
    if (!kind) continue
    // An apostrophe inside a word ("Korea's", "don't") is no quote mark.
    if (kind === "single" && !opener && isWordChar(text[i - 1]) && isWordChar(text[i + 1])) continue
    if (open) {
      if (kind !== open.kind) continue // a nested quote of the other kind
      if ((closer || either) && closesAt(text, mark, i)) {
        if (i - open.at <= MAX_LENGTH) {
          quotes.push({ outer: { start: open.at, end: i + 1 }, inner: trimmed(text, open.at + open.width, mark) })
        }
        open = null
      } else if (opener || (either && opensAt(text, mark, i))) {
        open = { kind, at: mark, width: i - mark + 1 } // the earlier mark was stray
      }
    } else if ((opener || either) && opensAt(text, mark, i)) {
      open = { kind, at: mark, width: i - mark + 1 }
    }
  }
  return quotes.filter((q) => q.inner.end > q.inner.start)
}
