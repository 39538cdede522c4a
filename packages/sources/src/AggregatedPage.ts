/**
 * A scraped page that glues several outlets' articles together: a main article, page chrome, then
 * blocks of (outlet line, time line, "- Outlet" line, headline, body). Recognised by that block shape,
 * whatever the outlets, the chrome or the number of blocks; a page of one article and chrome is one too.
 */
import * as Boilerplate from "./Boilerplate.js"
import * as PublicationDate from "./PublicationDate.js"

export interface Article {
  readonly outlet: string | null
  readonly title: string | null
  /** The time line as printed ("3 hours ago", "Aug 15, 2025"), if any. */
  readonly when: string | null
  readonly text: string
  /** Agencies the article credits, found before credit and copyright lines were dropped. */
  readonly credits: ReadonlyArray<string>
}

const DASH_OUTLET = /^[-–—]\s*(\S.{0,80})$/

/** An outlet name: short, no sentence punctuation at its end, not a date. */
const isName = (line: string): boolean => {
  const t = line.trim()
  return (
    t !== "" &&
    !/^(by|updated|published|posted)\b/i.test(t) &&
    t.length <= 60 &&
    t.split(/\s+/).length <= 8 &&
    !/[.!?:;,]$/.test(t) &&
    !DASH_OUTLET.test(t) &&
    !PublicationDate.isDateLine(t)
  )
}

/** "The Daily Planet" and "Daily Planet" are one outlet. */
const nameKey = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/^the\s+/, "")

const sameName = (a: string, b: string): boolean => nameKey(a) === nameKey(b)

interface Header {
  readonly start: number
  readonly outlet: string | null
  readonly when: string | null
  /** Line index of the headline. */
  readonly headline: number
}

/**
 * A block header at line k: an outlet name, a time line and a "- Outlet" line, in that order, of which
 * any one may be missing as long as there is a time line or the two outlet lines agree; then a headline
 * and a body. Two of these lines in a row do not happen in running prose.
 */
const headerAt = (lines: ReadonlyArray<string>, k: number): Header | null => {
  let i = k
  let name: string | null = null
  let when: string | null = null
  let dash: string | null = null
  const line = (n: number): string => (lines[n] ?? "").trim()
  if (isName(line(i))) name = line(i++)
  if (PublicationDate.isDateLine(line(i))) when = line(i++)
  const d = DASH_OUTLET.exec(line(i))
  if (d) {
    dash = (d[1] ?? "").trim()
    i++
  }
  if (when === null && !(name !== null && dash !== null && sameName(name, dash))) return null
  if (name === null && dash === null) return null
  // Without the "- Outlet" line, a name and a date could be an article's own byline and dateline:
  // only a block that follows a blank or chrome line, below the top of the file, counts.
  if (dash === null) {
    const before = lines.slice(0, k).filter((l) => l.trim() !== "")
    if (before.length === 0 || (line(k - 1) !== "" && !Boilerplate.isChromeLine(line(k - 1)))) return null
  }
  const headline = line(i)
  if (headline === "" || headline.length > 250) return null
  let body = i + 1
  while (body < lines.length && line(body) === "") body++
  if (body >= lines.length || isHeaderStart(lines, body)) return null
  return { start: k, outlet: dash || name, when, headline: i }
}

/** A cheap pre-check so a header is never taken for the body of the previous one. */
const isHeaderStart = (lines: ReadonlyArray<string>, k: number): boolean =>
  PublicationDate.isDateLine(lines[k + 1] ?? "") && isName(lines[k] ?? "")

const headers = (lines: ReadonlyArray<string>): ReadonlyArray<Header> => {
  const out: Header[] = []
  for (let k = 0; k + 2 < lines.length; k++) {
    const h = headerAt(lines, k)
    if (h) {
      out.push(h)
      k = h.headline
    }
  }
  return out
}

/** The lines at the end of a page that are widgets, not article: their count, and how many are catalogued chrome. */
const chromeTail = (lines: ReadonlyArray<string>): { widgets: number; chrome: number } => {
  let widgets = 0
  let chrome = 0
  for (let k = lines.length - 1; k >= 0 && Boilerplate.looksLikeWidget(lines[k] ?? ""); k--) {
    if ((lines[k] ?? "").trim() === "") continue
    widgets++
    if (Boilerplate.isChromeLine(lines[k] ?? "")) chrome++
  }
  return { widgets, chrome }
}

/**
 * True for a page of related-article blocks, and for a page of one article whose tail is page chrome
 * ("Comments", "Related Articles") or a republication credit: all are read as pages, chrome dropped.
 */
export const isAggregated = (text: string): boolean => {
  const lines = text.split("\n")
  if (headers(lines).length > 0) return true
  const tail = chromeTail(lines)
  if (tail.chrome >= 1 && tail.widgets >= 2) return true
  const last = lines.length - tail.widgets
  return Boilerplate.republishedCredit(lines.slice(0, Math.max(last, 0)).join("\n").trimEnd()) !== null
}

const isTitleLine = (line: string): boolean => {
  const t = line.trim()
  return t !== "" && t.length <= 200 && !/[.!?:;,]$/.test(t)
}

/** The main article: a title line, then paragraphs, then chrome that is trimmed from the end. */
const mainArticle = (lines: ReadonlyArray<string>): Article | null => {
  let first = lines.findIndex((l) => l.trim() !== "")
  if (first < 0) return null
  let title: string | null = null
  const rest = lines.slice(first + 1).some((l) => l.trim() !== "" && !Boilerplate.looksLikeWidget(l))
  if (isTitleLine(lines[first] ?? "") && rest) {
    title = (lines[first] ?? "").trim()
    first++
  }
  const { text, republishedBy: outlet, credits } = Boilerplate.strip(lines.slice(first))
  return text === "" ? null : { outlet, title, when: null, text, credits }
}

const relatedArticle = (lines: ReadonlyArray<string>, header: Header): Article => {
  const body = lines.slice(header.headline + 1 - header.start)
  const { text, credits } = Boilerplate.strip(body)
  return {
    outlet: header.outlet,
    title: (lines[header.headline - header.start] ?? "").trim() || null,
    when: header.when,
    text,
    credits,
  }
}

/** Splits a page into its articles, main article first; an empty array when the text is not a page. */
export const split = (text: string): ReadonlyArray<Article> => {
  const lines = text.split("\n")
  const found = headers(lines)
  if (found.length === 0 && !isAggregated(text)) return []
  const articles: Article[] = []
  const main = mainArticle(lines.slice(0, found[0]?.start ?? lines.length))
  if (main) articles.push(main)
  found.forEach((h, i) => {
    const related = relatedArticle(lines.slice(h.start, found[i + 1]?.start ?? lines.length), h)
    if (related.text !== "") articles.push(related)
  })
  return articles
}
