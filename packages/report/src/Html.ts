/**
 * `report.html`: a triage page, one self-contained file (no network, nothing external). Its data
 * (internal/pageData.ts) travels as inert JSON; its own script, pinned by hash in the CSP, draws it
 * on demand with text nodes only, so article text can never become markup, script or a bad link.
 */
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import type { Finding, Report } from "@crosscheck/domain"
import * as JsonChunks from "./internal/JsonChunks.js"
import * as PageData from "./internal/pageData.js"
import { visible } from "./internal/visible.js"
import * as Notices from "./Notices.js"

// The page's script and style are real files so that Biome checks them; they are inlined here.
const SCRIPT = readFileSync(new URL("./internal/page.js", import.meta.url), "utf8")
const STYLE = readFileSync(new URL("./internal/page.css", import.meta.url), "utf8")

/** JSON text made safe inside a <script type="application/json"> (or ld+json) element: the same JSON, escaped. */
const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g
const escapeJson = (json: string): string => {
  // One pass, and none at all for the many pieces that hold none of these (a story page has thousands).
  UNSAFE_IN_SCRIPT.lastIndex = 0
  if (!UNSAFE_IN_SCRIPT.test(json)) return json
  return json.replace(UNSAFE_IN_SCRIPT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
}

export const embedJson = (value: unknown, indent?: number): string => escapeJson(JSON.stringify(value, null, indent))

/** The one HTML escaping of this file: every value interpolated into the frame goes through it. */
export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c)

const hash = (s: string): string => `'sha256-${createHash("sha256").update(s).digest("base64")}'`

/** Only the page's own script runs; nothing is fetched, framed, submitted or loaded from elsewhere. */
const POLICY = [
  "default-src 'none'",
  `script-src ${hash(SCRIPT)}`,
  "style-src 'unsafe-inline'",
  "img-src 'none'",
  "connect-src 'none'",
  "font-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ")

/** The policy every page carries: worked out once, not once a page (thousands of story pages). */
export const contentSecurityPolicy = (): string => POLICY

const VERDICTS: ReadonlyArray<readonly [Finding.Verdict, string]> = [
  ["disputed", "disputed"],
  ["contradict", "contradict"],
  ["changed", "changed"],
  ["compatible", "compatible"],
  ["agree", "agree"],
  ["single-source", "single source"],
]

/**
 * The end of every page's head, its style sheet (6 KB), and the end of every triage page, its script
 * (22 KB): the same text on each of thousands of story pages (71 MB of 2,541), so each is a piece of its
 * own, the very same string every time, which a writer may encode once (`shared`).
 */
const STYLE_AND_HEAD_END = `<style>${STYLE}</style>
</head>
`
const SCRIPT_AND_END = `<script>${SCRIPT}</script>
</body>
</html>
`

/** The pieces every page repeats as they are (`chunks` and `headChunks` yield these very strings). */
export const shared: ReadonlyArray<string> = [STYLE_AND_HEAD_END, SCRIPT_AND_END]

/** Every page's head in pieces: the policy, no referrer, a phone's width, light and dark, the one style sheet. */
export function* headChunks(title: string, policy: string): Generator<string> {
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(policy)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
`
  yield STYLE_AND_HEAD_END
}

/**
 * The report's notices (Notices.of) as static paragraphs under the heading, each escaped; nothing when
 * there are none. They stand before the controls: what is stale or left out frames every finding.
 */
export const noticesHtml = (notices: ReadonlyArray<string>): string =>
  notices.map((n) => `<p class="notice" role="note"><strong>Note:</strong> ${escapeHtml(visible(n))}</p>\n`).join("")

/** Claims and findings above which the page's data goes member by member (at 10,000 articles it is tens of MB). */
const ONE_PIECE_MAX_MEMBERS = 2_000

export interface Options {
  /** The index this page is one story of (a story's page): linked from the header. */
  readonly index?: string
  /** The page's title; by default what the report holds. */
  readonly title?: string
}

/**
 * The page in pieces: a static frame, then the page's data member by member (each finding and claim
 * its own piece, since at 10,000 documents it is tens of MB), then the script; `render` joins them.
 */
export function* chunks(report: Report.Report, options: Options = {}): Generator<string> {
  const data = PageData.make(report)
  const title =
    options.title ?? `crosscheck report: ${report.documents.length} articles, ${report.findings.length} findings`
  const verdictBoxes = VERDICTS.map(
    ([v, label]) =>
      `<label class="chip v-${v}"><input type="checkbox" name="verdict" data-filter="verdict" value="${escapeHtml(v)}" checked> ${escapeHtml(label)} <span class="n" data-count="${escapeHtml(v)}"></span></label>`,
  ).join("")
  yield* headChunks(title, contentSecurityPolicy())
  yield `<body>
<header class="top">
${options.index ? `<nav class="up" aria-label="Report"><a href="${escapeHtml(options.index)}">All stories</a></nav>\n` : ""}<h1>crosscheck report <span class="sub">${report.documents.length} articles · <span id="finding-count">${report.findings.length}</span> findings · <span id="shown-count">${report.findings.length}</span> shown</span></h1>
${noticesHtml(Notices.of(report))}<form id="controls" class="controls" role="search" aria-label="Find findings">
<label class="search">Search <input id="q" type="search" name="q" placeholder="claims, speakers, outlets (press /)" autocomplete="off"></label>
<fieldset class="verdicts"><legend>Verdict</legend>${verdictBoxes}</fieldset>
<div class="selects">
<label>Story <select id="story" name="story"><option value="">all stories</option></select></label>
<label>Outlet <select id="outlet" name="outlet"><option value="">all outlets</option></select></label>
<label>From <input id="from" name="from" type="date"></label>
<label>To <input id="to" name="to" type="date"></label>
<label>Sort <select id="sort" name="sort"><option value="severity">severity</option><option value="date">newest</option><option value="sources">most sources</option></select></label>
</div>
</form>
<p class="keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>/</kbd> search. Links open the sentence in the article.</p>
</header>
<main id="findings" aria-label="Findings"></main>
<p id="no-findings" hidden>No findings match the search and filters.</p>
<footer>
<details id="articles-box"><summary>Articles (${report.documents.length})</summary><ul id="articles" class="articles"></ul></details>
<ul id="errors" class="errors"></ul>
</footer>
<noscript>This report needs the page's own script to draw; report.md holds the same findings as text.</noscript>
<script type="application/json" id="report-data">`
  // Escaping works character by character, so escaping each piece escapes the whole. A story page's
  // data (a few claims) is one piece: thousands of pages, each in hundreds, cost a stringify a member.
  const levels = data.claims.length + data.findings.length > ONE_PIECE_MAX_MEMBERS ? 2 : 0
  for (const piece of JsonChunks.chunks(data, 0, levels)) yield escapeJson(piece)
  yield "</script>\n"
  yield SCRIPT_AND_END
}

export const render = (report: Report.Report): string => [...chunks(report)].join("")
