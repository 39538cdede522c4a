/**
 * Page chrome that is not article text: share buttons, comment widgets, newsletter prompts,
 * "Read the original article". The patterns are data (boilerplate.json), matched per line.
 */
import catalogue from "./boilerplate.json" with { type: "json" }
import * as WireCredit from "./WireCredit.js"

const LINES = catalogue.lines.map((p) => new RegExp(p, "i"))
const REPUBLISHED = new RegExp(catalogue.republished, "i")
const COPYRIGHT = new RegExp(catalogue.copyright, "i")

/** A whole line that is chrome. */
export const isChromeLine = (line: string): boolean => {
  const t = line.trim()
  return t !== "" && LINES.some((re) => re.test(t))
}

/**
 * A short line with no sentence ending ("Try Our AI Features", "Comments") or one that ends in a
 * colon or ellipsis: in the tail of a page that is a widget, not the article's last paragraph.
 */
export const looksLikeWidget = (line: string): boolean => {
  const t = line.trim()
  if (t === "") return true
  if (isChromeLine(t)) return true
  const words = t.split(/\s+/).length
  if (/(:|\.\.\.|…)$/.test(t) && words <= 10) return true
  return words <= 6 && !/[.!?"'”’)]$/.test(t)
}

/** "This article was originally published on X." at the end of a text: returns X and the text without it. */
export const republishedCredit = (text: string): { outlet: string; text: string } | null => {
  const m = REPUBLISHED.exec(text)
  if (!m) return null
  return { outlet: (m[1] ?? "").trim(), text: text.slice(0, m.index).trimEnd() }
}

/** A copyright notice ("© 2025 The Associated Press. All rights reserved. …") at the end of the text: removed. */
export const withoutCopyright = (text: string): string => {
  const m = COPYRIGHT.exec(text)
  return m ? text.slice(0, m.index).trimEnd() : text
}

export interface Stripped {
  readonly text: string
  /** The outlet named by a republication credit ("originally published on X"), if there was one. */
  readonly republishedBy: string | null
  /** Agencies credited, read before credit and copyright lines were dropped. */
  readonly credits: ReadonlyArray<string>
}

/**
 * An article's lines without page chrome: widget lines trimmed from the end (the article's own last
 * paragraph ends a sentence, so it stays), catalogued chrome lines dropped anywhere, then the
 * republication credit and the copyright notice.
 */
export const strip = (lines: ReadonlyArray<string>): Stripped => {
  let last = lines.length
  while (last > 0 && looksLikeWidget(lines[last - 1] ?? "")) last--
  const raw = lines
    .slice(0, last)
    .filter((l) => !isChromeLine(l))
    .map((l) => l.replace(/\s+$/, ""))
    .join("\n")
    .trim()
  const credits = WireCredit.find(raw)
  const credit = republishedCredit(raw)
  return {
    text: withoutCopyright(credit ? credit.text : raw),
    republishedBy: credit?.outlet ?? null,
    credits,
  }
}
