/**
 * `report.html`: one self-contained page (no network, no external scripts or fonts). The report
 * travels as inert JSON; the page's own script, pinned by hash in the Content-Security-Policy,
 * builds the view with text nodes only, so article text can never become markup or script.
 */
import { createHash } from "node:crypto"
import { readFileSync } from "node:fs"
import type { Report } from "@crosscheck/domain"
import * as JsonChunks from "./internal/JsonChunks.js"

// The page's script and style are real files so that Biome checks them; they are inlined here.
const SCRIPT = readFileSync(new URL("./internal/page.js", import.meta.url), "utf8")
const STYLE = readFileSync(new URL("./internal/page.css", import.meta.url), "utf8")

/** JSON text made safe inside a <script type="application/json"> (or ld+json) element: the same JSON, escaped. */
const escapeJson = (json: string): string =>
  json
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")

export const embedJson = (value: unknown, indent?: number): string => escapeJson(JSON.stringify(value, null, indent))

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c)

const hash = (s: string): string => `'sha256-${createHash("sha256").update(s).digest("base64")}'`

/** Only the page's own script runs; nothing is fetched, framed, submitted or loaded from elsewhere. */
export const contentSecurityPolicy = (): string =>
  [
    "default-src 'none'",
    `script-src ${hash(SCRIPT)}`,
    "style-src 'unsafe-inline'",
    "img-src 'none'",
    "connect-src 'none'",
    "font-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ")

/** The page in pieces, the report's JSON member by member (it can be hundreds of MB); `render` joins them. */
export function* chunks(report: Report.Report): Generator<string> {
  const title = `crosscheck report — ${report.documents.length} documents, ${report.findings.length} findings`
  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy())}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>crosscheck report: ${report.documents.length} documents, <span id="finding-count">${report.findings.length}</span> findings (<span id="shown-count">${report.findings.length}</span> shown)</h1>
<div id="filters" class="filters"></div>
</header>
<main>
<div id="findings-pane"><h2>Findings</h2><div id="findings"></div><ul id="errors" class="errors"></ul></div>
<div><h2>Articles</h2><div id="articles" class="articles"></div></div>
</main>
<noscript>This report needs the page's own script to draw; report.md holds the same findings as text.</noscript>
<script type="application/json" id="report-data">`
  // Escaping works character by character, so escaping each piece escapes the whole.
  for (const piece of JsonChunks.chunks(report)) yield escapeJson(piece)
  yield `</script>
<script>${SCRIPT}</script>
</body>
</html>
`
}

export const render = (report: Report.Report): string => [...chunks(report)].join("")
