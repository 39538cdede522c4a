/**
 * One web page (`.html`, `.htm`) to one article: Mozilla Readability finds the article body on a
 * linkedom DOM; title, outlet, byline, date and URL come from the page's metadata where it has them.
 */
import { createRequire } from "node:module"
import { SourceError } from "@crosscheck/domain"
import type * as ReadabilityModule from "@mozilla/readability"
import { Either } from "effect"
import type * as LinkedomModule from "linkedom"
import * as Boilerplate from "./Boilerplate.js"
import {
  type Document,
  ELEMENT_NODE,
  type Element,
  flatten,
  type MutableElement,
  type Node,
  TEXT_NODE,
} from "./internal/dom.js"
import * as Metadata from "./internal/metadata.js"
import * as PublicationDate from "./PublicationDate.js"
import * as WireCredit from "./WireCredit.js"

export interface Page {
  readonly title: string | null
  readonly outlet: string | null
  readonly byline: string | null
  /** ISO 8601, or null when the page gives no date we can read. */
  readonly publishedAt: string | null
  readonly url: string | null
  readonly text: string
  readonly credits: ReadonlyArray<string>
}

interface Engines {
  readonly parseHTML: typeof LinkedomModule.parseHTML
  readonly Readability: typeof ReadabilityModule.Readability
}

let engines: Engines | null = null

/**
 * The DOM and Readability, loaded on the first page read: the parser costs most of a second at start-up
 * on a busy machine, and runs without HTML input (or `schema`, `extract`) should not pay for it.
 */
const load = (): Engines => {
  if (engines) return engines
  const require = createRequire(import.meta.url)
  engines = {
    parseHTML: (require("linkedom") as typeof LinkedomModule).parseHTML,
    Readability: (require("@mozilla/readability") as typeof ReadabilityModule).Readability,
  }
  return engines
}

/**
 * An article has at least one sentence of this many words; a login form, an index of links or a
 * cookie wall has none once chrome is dropped.
 */
export const MIN_WORDS = 5
/** Deeper nesting than this is unwrapped before extraction (real pages stay well below it). */
export const MAX_DEPTH = 48
/** More elements than this is not a page worth extracting from; Readability refuses it. */
export const MAX_ELEMENTS = 60_000

/** Elements whose text is never article text, even inside the article. */
const DROP =
  "script, style, noscript, template, iframe, svg, canvas, button, form, nav, aside, figure, figcaption, picture"

const BLOCK = new Set([
  "ADDRESS",
  "ARTICLE",
  "BLOCKQUOTE",
  "BR",
  "DD",
  "DIV",
  "DL",
  "DT",
  "FOOTER",
  "H1",
  "H2",
  "H3",
  "H4",
  "H5",
  "H6",
  "HEADER",
  "HR",
  "LI",
  "MAIN",
  "OL",
  "P",
  "PRE",
  "SECTION",
  "TABLE",
  "TD",
  "TH",
  "TR",
  "UL",
])

/** The element's text, one line per block element; walked with a stack, since pages nest deeply. */
export const lines = (root: Node): ReadonlyArray<string> => {
  const out: string[] = []
  let current = ""
  const flush = (): void => {
    const t = current.replace(/\s+/g, " ").trim()
    if (t !== "") out.push(t)
    current = ""
  }
  const stack: Array<Node | "end-block"> = [root]
  while (stack.length > 0) {
    const node = stack.pop()
    if (node === undefined) break
    if (node === "end-block") {
      flush()
      continue
    }
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? ""
      continue
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue
    const block = BLOCK.has(node.nodeName.toUpperCase())
    if (block) {
      flush()
      stack.push("end-block")
    }
    const children = node.childNodes
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]
      if (child) stack.push(child)
    }
  }
  flush()
  return out
}

const words = (text: string): number => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0

const normalised = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()

const noArticle = (path: string, found: string): SourceError =>
  new SourceError({
    reason: "no-article",
    path,
    message: `sources: expected an article in the HTML page, instead found ${found} (${path})`,
  })

/** Reads a page; a page without an article body is an error naming the file. */
export const read = (path: string, html: string, anchor: Date | null = null): Either.Either<Page, SourceError> => {
  let parsed: ReturnType<ReadabilityModule.Readability["parse"]>
  let meta: Metadata.Metadata
  try {
    const { parseHTML, Readability } = load()
    const { document } = parseHTML(html) as unknown as { document: Document }
    // Metadata first: Readability rewrites the document as it goes.
    meta = Metadata.read(document)
    for (const e of Array.from(document.querySelectorAll("script, style, noscript, template"))) e.remove()
    if (document.documentElement) flatten(document.documentElement as MutableElement, MAX_DEPTH)
    parsed = new Readability(document as never, {
      charThreshold: 200,
      maxElemsToParse: MAX_ELEMENTS,
      serializer: (node: unknown) => node,
    }).parse() as typeof parsed
  } catch (e) {
    return Either.left(noArticle(path, `a page the HTML parser could not read: ${(e as Error).message}`))
  }
  const content = parsed?.content as unknown as Element | null | undefined
  if (!parsed || !content) return Either.left(noArticle(path, "no article body"))
  for (const e of Array.from(content.querySelectorAll(DROP))) e.remove()
  const title = meta.title ?? (parsed.title?.trim() || null)
  const byline = meta.byline ?? (parsed.byline?.trim() || null)
  const body = [...lines(content)]
  // The headline and byline often sit at the top of the body too; they are metadata, not article text.
  const head = (line: string): boolean =>
    (title !== null && normalised(line) === normalised(title)) ||
    (byline !== null && normalised(line).replace(/^by /, "") === normalised(byline).replace(/^by /, "")) ||
    (/^by\s/i.test(line) && words(line) <= 12 && !/[.!?]$/.test(line))
  const dropped: string[] = []
  while (body.length > 0 && body.slice(0, 1).some(head)) dropped.push(body.shift() ?? "")
  const stripped = Boilerplate.strip(body)
  const total = words(stripped.text)
  const sentence = stripped.text.split("\n").some((l) => words(l) >= MIN_WORDS && /[.!?"”’')]$/.test(l))
  if (!sentence) {
    return Either.left(
      noArticle(path, total === 0 ? "no article text" : `only ${total} words of text outside the page's chrome`),
    )
  }
  const credits = [
    ...new Set([...stripped.credits, ...WireCredit.find(dropped.join("\n")), ...WireCredit.inByline(byline)]),
  ]
  return Either.right({
    title,
    outlet: stripped.republishedBy ?? meta.siteName ?? (parsed.siteName?.trim() || null),
    byline,
    // Some pages print "2 hours ago" even in their metadata: anchored like any relative time.
    publishedAt: PublicationDate.normalise(meta.published ?? parsed.publishedTime ?? null, anchor),
    url: meta.url,
    text: stripped.text,
    credits,
  })
}
