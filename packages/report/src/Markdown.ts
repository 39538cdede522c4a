/**
 * `report.md`: readable in a terminal. Stories most contested first (internal/readingOrder.ts); in each,
 * disputes first, then the rest, each with its outlets linked to the sentence, the passages and the why.
 */
import type { Claim, Document, Finding, Report, Story } from "@crosscheck/domain"
import { collapse } from "./internal/collapse.js"
import * as ReadingOrder from "./internal/readingOrder.js"
import { ON_NO_SIDE, sideLabels } from "./internal/sides.js"
import { HIDDEN_RANGES, visible } from "./internal/visible.js"
import * as Links from "./Links.js"
import * as Notices from "./Notices.js"
import { VERDICT_ORDER } from "./ReportFile.js"

const HEADINGS: Record<Finding.Verdict, string> = {
  disputed: "Disputed: one source asserts, another reports it denied or called false",
  contradict: "Contradict: incompatible values or opposite facts at the same time",
  compatible: "Compatible: consistent, at different precision or for different times",
  changed: "Changed: one figure reported at different times, as a timeline",
  agree: "Agree: independent sources state the same fact",
  "single-source": "Single source: copies of one story, nothing independent to check against",
}

/** The characters `inline` escapes. */
const MARKUP_CHARS = "\\\\`*_{}[\\]<>|~&!#"
const MARKUP = new RegExp(`[${MARKUP_CHARS}]`, "g")

/**
 * The one escaping for Markdown: text from input shown as text. Hidden characters are made visible,
 * and every character that could open markup, a link, an HTML tag, an entity or a table cell is
 * escaped with a backslash; whitespace is left for `flat`.
 */
export const inline = (s: string): string => visible(s).replace(MARKUP, "\\$&")

const flat = collapse

/**
 * Text that `md` changes: a character to escape or show, white space other than one space between
 * words. Most text has none (outlets, dates, places, most sentences): one pass tells, instead of the
 * three of showing, escaping and collapsing (a story page calls `md` for every passage and article).
 */
const UNTIDY = new RegExp(`[${MARKUP_CHARS}${HIDDEN_RANGES}]|\\s{2,}|[^\\S ]|^\\s|\\s$`)

/** Text from input as one line of Markdown. */
export const md = (s: string): string => (UNTIDY.test(s) ? flat(inline(s)) : s)

/** A notice of the report (Notices.of) as the line of a quoted paragraph of its own, escaped as any text is. */
export const note = (notice: string): string => `> **Note:** ${md(notice)}`

/**
 * The claim's text with its cue and its figures in bold, where their spans fall inside it: the figure its
 * finding weighs (`Finding.figures`) where it names one inside the sentence, else every quantity of it.
 */
const emphasised = (c: Claim.Claim, figure?: Finding.Figure): string => {
  const inside = figure !== undefined && figure.span.start >= c.span.start && figure.span.end <= c.span.end
  const figures = figure && inside ? [figure.span] : c.quantities.map((q) => q.span)
  const marks = [...figures, ...(c.attribution.cue ? [c.attribution.cue.span] : [])]
    .filter((s) => s.start >= c.span.start && s.end <= c.span.end && s.end > s.start)
    .sort((a, b) => a.start - b.start)
  let out = ""
  let pos = c.span.start
  for (const s of marks) {
    if (s.start < pos) continue
    out += inline(c.text.slice(pos - c.span.start, s.start - c.span.start))
    out += `**${inline(c.text.slice(s.start - c.span.start, s.end - c.span.start))}**`
    pos = s.end
  }
  return flat(out + inline(c.text.slice(pos - c.span.start)))
}

/**
 * A claim's time as the report line shows it: the words and the date they resolve to, or, for a claim that
 * names no time, the article's day standing in for it, said so (docs/report-format.md `TimeScope.defaulted`).
 */
const timeLine = (t: Claim.TimeScope): string => {
  const day = t.start ? md(t.start) : null
  if (t.defaulted) return `none written; the article's day${day ? `, ${day},` : ""} stands in`
  const words = t.text.trim() === "" ? "none written" : `"${md(t.text)}"`
  return `${words}${day ? ` (${day}${t.end && t.end !== t.start ? ` to ${md(t.end)}` : ""})` : ""}`
}

/** Text put inside a link's brackets: the one Markdown escaping, so it stays text. */
const linkText = (s: string): string => md(s)

/** Each copy's outlet and date, linked to the sentence in its article; without a URL, its file and place. */
const evidence = (members: ReadonlyArray<{ claim: Claim.Claim; doc: Document.Document | undefined }>): string =>
  members
    .map(({ claim, doc }) => {
      if (!doc) return linkText(claim.documentId)
      const label = linkText(`${doc.outlet}${doc.publishedAt ? `, ${doc.publishedAt.slice(0, 10)}` : ""}`)
      const url = Links.fragmentUrl(doc, claim.span)
      // A link destination in <…> may hold parentheses; a checked URL holds no < or > (encoded anyway).
      return url === null
        ? `${label} (${linkText(Links.place(doc, claim.span))})`
        : `[${label}](<${url.replace(/</g, "%3C").replace(/>/g, "%3E")}>)`
    })
    .join(" · ")

const voice = (c: Claim.Claim): string | null => {
  const a = c.attribution
  if (!a.source && a.stance === "asserts" && !a.hedged) return null
  const parts = [
    a.source ? `source: ${md(a.source.text)}` : "the outlet's own voice",
    a.cue ? `cue: "${md(a.cue.text)}"` : null,
    `stance: ${a.stance}`,
    a.hedged ? "hedged" : null,
  ]
  return parts.filter(Boolean).join(" · ")
}

/** One entry per passage: copies of one story quoting the same text are shown once, with every outlet. */
const passages = (
  claimIds: ReadonlyArray<string>,
  claims: ReadonlyMap<string, Claim.Claim>,
  docs: ReadonlyMap<string, Document.Document>,
  figures: ReadonlyArray<Finding.Figure> = [],
): string[] => {
  const entries = new Map<
    string,
    {
      outlets: string[]
      titles: Set<string>
      claim: Claim.Claim
      members: Array<{ claim: Claim.Claim; doc: Document.Document | undefined }>
    }
  >()
  for (const id of claimIds) {
    const c = claims.get(id)
    if (!c) continue
    const d = docs.get(c.documentId)
    const key = `${d?.syndicationGroup ?? c.documentId}\u0000${flat(c.text)}`
    const entry = entries.get(key) ?? { outlets: [], titles: new Set<string>(), claim: c, members: [] }
    entry.outlets.push(d?.outlet ?? c.documentId)
    entry.members.push({ claim: c, doc: d })
    if (d?.title) entry.titles.add(d.title)
    entries.set(key, entry)
  }
  const out: string[] = []
  for (const { outlets, titles, claim, members } of entries.values()) {
    const copies = outlets.length > 1 ? " (copies of one story)" : ""
    const title = titles.size > 0 ? ` — ${[...titles].map(md).join(" / ")}` : ""
    const figure = figures.find((x) => x.claimId === claim.id)
    out.push(
      `- **${[...new Set(outlets)].map(md).join(" + ")}**${copies}${title}`,
      "",
      `  > ${emphasised(claim, figure)}`,
    )
    const v = voice(claim)
    if (v) out.push(`  >`, `  > _${v}_`)
    if (claim.time) out.push(`  >`, `  > _time: ${timeLine(claim.time)}_`)
    out.push("", `  In the article: ${evidence(members)}`)
    out.push("")
  }
  return out
}

/** "2025-08-14 – 2025-08-15", or "undated". */
const span = (s: Story.Story): string => {
  const [start, end] = [s.start?.slice(0, 10), s.end?.slice(0, 10)]
  return !start || !end ? "undated" : start === end ? start : `${start} – ${end}`
}

/** The stories, each with its label, span, outlets and findings, in reading order (most contested first), then the rest by size. */
function* storyLines(report: Report.Report, order: ReadonlyArray<ReadingOrder.Group>): Generator<string> {
  const stories = report.stories ?? []
  if (stories.length === 0) return
  const findingsOf = new Map<string, number>()
  for (const f of report.findings) if (f.storyId) findingsOf.set(f.storyId, (findingsOf.get(f.storyId) ?? 0) + 1)
  const across = report.findings.filter((f) => f.storyId === null).length
  yield* [`## Stories (${stories.length})`, ""]
  const rank = new Map(order.flatMap((g, i) => (g.story ? [[g.story.id as string, i] as const] : [])))
  const ranked = (s: Story.Story) => rank.get(s.id) ?? order.length
  for (const s of [...stories].sort((a, b) => ranked(a) - ranked(b) || b.documentIds.length - a.documentIds.length))
    yield `- **${md(s.label || s.id)}** · ${span(s)} · ${s.documentIds.length} articles from ${s.outlets.map(md).join(", ")} · ${findingsOf.get(s.id) ?? 0} findings`
  if (across > 0) yield `- _across stories_ (same actor, action and object): ${across} findings`
  yield ""
}

const storyHeading = (story: ReadingOrder.Group["story"], findings: ReadonlyArray<Finding.Finding>): string => {
  const contested = findings.filter((f) => f.verdict === "disputed" || f.verdict === "contradict").length
  const dates = story ? [...new Set([story.start, story.end].filter(Boolean))].join(" to ") : ""
  const name = story ? `Story: ${md(story.label)}` : "Not in a story"
  return `## ${name} (${contested} in dispute of ${findings.length} findings${dates ? `; ${dates}` : ""})`
}

/** The lines of `report.md`, one at a time: at 10,000 documents they add up to tens of MB. */
export function* lines(report: Report.Report): Generator<string> {
  const docs = new Map(report.documents.map((d) => [d.id as string, d]))
  const claims = new Map(report.claims.map((c) => [c.id as string, c]))
  const outlets = new Set(report.documents.map((d) => d.outlet))
  yield* ["# crosscheck report", ""]
  yield* [
    `${report.documents.length} documents from ${outlets.size} outlets · ${report.claims.length} claims · ${report.findings.length} findings · ${report.errors.length} unreadable inputs`,
    `Generated ${md(report.generatedAt)}${report.asOf ? `, relative dates as of ${md(report.asOf)}` : ""}.`,
    "",
  ]
  for (const notice of Notices.of(report)) yield* [note(notice), ""]
  yield* ["| verdict | findings |", "| --- | ---: |"]
  for (const v of VERDICT_ORDER) yield `| ${v} | ${report.findings.filter((f) => f.verdict === v).length} |`
  yield ""
  if (report.findings.length === 0) yield* ["No claims were shared by two or more documents.", ""]
  const groups = ReadingOrder.groups(report)
  yield* storyLines(report, groups)
  const storyLabel = new Map((report.stories ?? []).map((s) => [s.id as string, md(s.label || s.id)]))
  const storyOf = (f: Finding.Finding): string =>
    f.storyId === undefined
      ? ""
      : ` · story: ${f.storyId === null ? "across stories" : (storyLabel.get(f.storyId) ?? f.storyId)}`
  // With stories, each is a section and its verdicts a level below; without, one group, as before.
  const level = groups.some((g) => g.story !== null) ? "###" : "##"
  let n = 0
  for (const { story, findings: inGroup } of groups) {
    if (level === "###") yield* [storyHeading(story, inGroup), ""]
    for (const verdict of VERDICT_ORDER) {
      const findings = inGroup.filter((f) => f.verdict === verdict)
      if (findings.length === 0) continue
      yield* [`${level} ${HEADINGS[verdict]} (${findings.length})`, ""]
      for (const f of findings) {
        n += 1
        yield* [`${level}# ${n}. ${md(f.summary)}`, ""]
        yield* [
          `Verdict: **${f.verdict}** · independent sources: ${f.independentSources}${f.rule ? ` · rule: ${f.rule}` : ""}${storyOf(f)}`,
          "",
        ]
        if (f.timeline && f.timeline.length > 0) {
          yield* ["Timeline:", ""]
          for (const e of f.timeline)
            yield `- ${e.time ?? (e.written ? md(e.written) : "time unknown")}${e.defaulted ? " (publication day)" : ""}: **${md(e.value)}** — ${md(e.outlet)}`
          yield ""
        }
        if (f.sides && f.sides.length >= 2) {
          // A contradiction's positions, or a dispute's claim and its denial, each under its own line.
          const onSide = new Set<string>(f.sides.flat())
          const labels = sideLabels(f)
          for (const [i, side] of f.sides.entries()) {
            yield* [`**${labels[i]}**:`, ""]
            yield* passages(side, claims, docs, f.figures)
          }
          const rest = f.claimIds.filter((id) => !onSide.has(id))
          if (rest.length > 0) yield* [`${ON_NO_SIDE}:`, "", ...passages(rest, claims, docs, f.figures)]
        } else yield* passages(f.claimIds, claims, docs, f.figures)
        yield* [`Why: ${md(f.explanation)}`, ""]
      }
    }
  }
  yield* ["## Documents", ""]
  for (const d of report.documents) {
    const group = d.syndicationGroup ? ` (copy group ${d.syndicationGroup})` : ""
    yield `- **${md(d.outlet)}**: ${d.title ? md(d.title) : "(untitled)"}${d.publishedAt ? `, ${md(d.publishedAt)}` : ""}${group} — ${md(`${d.origin.path}#${d.origin.index}`)}`
  }
  yield ""
  if (report.errors.length > 0) {
    yield* ["## Inputs that could not be read", ""]
    for (const e of report.errors) yield `- ${md(e.path)}: ${md(e.message)}`
    yield ""
  }
}

/**
 * Lines gathered into one piece before it is handed on: a story page is a few hundred short lines, and
 * each piece costs its writer a call (10,000 articles: 612,490 lines in 2,541 pages).
 */
const PIECE_CHARS = 1 << 16

/** `report.md` in pieces: its lines with the line breaks between them, some 64 K characters a piece; `render` joins them. */
export function* chunks(report: Report.Report): Generator<string> {
  let piece = ""
  let first = true
  for (const line of lines(report)) {
    piece += first ? line : `\n${line}`
    first = false
    if (piece.length >= PIECE_CHARS) {
      yield piece
      piece = ""
    }
  }
  if (piece.length > 0) yield piece
}

export const render = (report: Report.Report): string => [...chunks(report)].join("")
