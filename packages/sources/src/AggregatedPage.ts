/**
 * A scraped page that glues several outlets' articles together: a main article, page chrome,
 * then blocks of (outlet line, relative time, "- Outlet" line, headline, body). Recognised by that
 * block shape, whatever the outlets or the number of blocks.
 */
import * as Boilerplate from "./Boilerplate.js"
import * as RelativeDate from "./RelativeDate.js"

export interface Article {
  readonly outlet: string | null
  readonly title: string | null
  /** The relative time line as printed ("3 hours ago"), if any. */
  readonly when: string | null
  readonly text: string
}

const DASH_OUTLET = /^[-–—]\s*(\S.{0,80})$/

const isBlockStart = (lines: ReadonlyArray<string>, k: number): boolean => {
  const outlet = lines[k]?.trim() ?? ""
  return (
    outlet !== "" &&
    outlet.length <= 80 &&
    RelativeDate.isRelative(lines[k + 1] ?? "") &&
    DASH_OUTLET.test(lines[k + 2]?.trim() ?? "") &&
    (lines[k + 3]?.trim() ?? "") !== ""
  )
}

/** The block starts, or an empty array when the text is not an aggregated page. */
const blockStarts = (lines: ReadonlyArray<string>): ReadonlyArray<number> => {
  const starts: number[] = []
  for (let k = 0; k + 3 < lines.length; k++) if (isBlockStart(lines, k)) starts.push(k)
  return starts
}

export const isAggregated = (text: string): boolean => blockStarts(text.split("\n")).length > 0

const isTitleLine = (line: string): boolean => {
  const t = line.trim()
  return t !== "" && t.length <= 200 && !/[.!?:]$/.test(t)
}

/** The main article: a title line, then paragraphs, then chrome that is trimmed from the end. */
const mainArticle = (lines: ReadonlyArray<string>): Article | null => {
  const body = lines.map((l) => l.replace(/\s+$/, ""))
  let first = body.findIndex((l) => l.trim() !== "")
  if (first < 0) return null
  let title: string | null = null
  if (isTitleLine(body[first] ?? "") && body.length > first + 1) {
    title = (body[first] ?? "").trim()
    first++
  }
  let last = body.length
  while (last > first && Boilerplate.looksLikeWidget(body[last - 1] ?? "")) last--
  const kept = body.slice(first, last).filter((l) => !Boilerplate.isChromeLine(l))
  let text = kept.join("\n").trim()
  let outlet: string | null = null
  const credit = Boilerplate.republishedCredit(text)
  if (credit) {
    outlet = credit.outlet
    text = credit.text
  }
  return text === "" ? null : { outlet, title, when: null, text }
}

const relatedArticle = (lines: ReadonlyArray<string>): Article => {
  const outletLine = lines[0]?.trim() ?? ""
  const dashOutlet = DASH_OUTLET.exec(lines[2]?.trim() ?? "")?.[1]?.trim()
  const bodyLines = lines.slice(4)
  let end = bodyLines.length
  while (end > 0 && Boilerplate.looksLikeWidget(bodyLines[end - 1] ?? "")) end--
  return {
    outlet: dashOutlet || outletLine || null,
    title: lines[3]?.trim() || null,
    when: lines[1]?.trim() || null,
    text: bodyLines
      .slice(0, end)
      .filter((l) => !Boilerplate.isChromeLine(l))
      .join("\n")
      .trim(),
  }
}

/** Splits an aggregated page into its articles, main article first. */
export const split = (text: string): ReadonlyArray<Article> => {
  const lines = text.split("\n")
  const starts = blockStarts(lines)
  if (starts.length === 0) return []
  const articles: Article[] = []
  const main = mainArticle(lines.slice(0, starts[0]))
  if (main) articles.push(main)
  starts.forEach((start, i) => {
    const related = relatedArticle(lines.slice(start, starts[i + 1] ?? lines.length))
    if (related.text !== "") articles.push(related)
  })
  return articles
}
