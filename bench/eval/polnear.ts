/**
 * PolNeAR attributions (LREC 2018), scored as ../shared/data/README.md says: each gold attribution's
 * cue, source and content is found by an unused prediction (overlap, or exact after trimming).
 *
 * Matching is one-to-one (a prediction finds at most one gold span), so one long span cannot claim
 * many gold spans. PolNeAR marks the words that name a source where the cue is ("he", "who"); each
 * claim carries those words (`mention`), scored by place, and the speaker they resolve to (`source`),
 * scored by name at the cues found, since its fullest mention may stand paragraphs away (`resolution`).
 */
import { createHash } from "node:crypto"
import { readdirSync, readFileSync } from "node:fs"
import { join } from "node:path"
import { type Claim, Ids, type Span } from "@crosscheck/domain"
import { Extractor } from "@crosscheck/extractor"
import { locate } from "../data.js"
import { type Counts, line, prf } from "./metrics.js"

type Range = readonly [number, number]
type At = Span.Span
type Spans = ReadonlyArray<Range>

interface Gold {
  readonly cue: Spans | null
  readonly source: Spans | null
  readonly content: Spans | null
}

interface Doc {
  readonly name: string
  readonly text: string
  readonly gold: ReadonlyArray<Gold>
}

/** Parses one brat standoff file: T lines are (possibly discontinuous) spans, E lines tie them. */
export const parseAnn = (ann: string): ReadonlyArray<Gold> => {
  const spans = new Map<string, Spans>()
  const events: string[][] = []
  for (const row of ann.split("\n")) {
    const [id, body] = row.split("\t")
    if (!id || !body) continue
    if (id.startsWith("T")) {
      const ranges = body
        .slice(body.indexOf(" ") + 1)
        .split(";")
        .map((r) => r.trim().split(" ").map(Number) as unknown as Range)
      spans.set(id, ranges)
    } else if (id.startsWith("E")) events.push(body.trim().split(/\s+/))
  }
  return events.map((parts) => {
    const roles: Record<string, Range[]> = {}
    for (const part of parts) {
      const [role, ref] = part.split(":")
      if (!role || !ref || role.startsWith("Attribution")) continue
      roles[role] = [...(roles[role] ?? []), ...(spans.get(ref) ?? [])]
    }
    return { cue: roles.Cue ?? null, source: roles.Source ?? null, content: roles.Content ?? null }
  })
}

export const load = (): ReadonlyArray<Doc> | null => {
  const root = locate("polnear/dev")
  if (!root) return null
  const annotations = readdirSync(join(root, "attributions")).sort()
  return readdirSync(join(root, "text"))
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((file) => {
      const name = file.slice(0, -4)
      // Two annotators for some texts: the first file in sort order is the gold.
      const ann = annotations.find((a) => a.startsWith(`${name}_`) || a === `${name}.ann`)
      if (!ann) return []
      const text = readFileSync(join(root, "text", file), "utf8")
      return [{ name, text, gold: parseAnn(readFileSync(join(root, "attributions", ann), "utf8")) }]
    })
}

const TRIM = /[\s\p{P}\p{S}]/u

const trimmed = (text: string, [start, end]: Range): Range => {
  let s = start
  let e = end
  while (s < e && TRIM.test(text[s] ?? "")) s++
  while (e > s && TRIM.test(text[e - 1] ?? "")) e--
  return [s, e]
}

const overlap = (a: Range, b: Range): number => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]))

/** A prediction is one attribution's span, or its content's pieces: a quote split by its cue is one content. */
type Rule = (text: string, gold: Spans, predicted: Spans) => boolean

const overlaps: Rule = (_text, gold, p) => gold.some((g) => p.some((q) => overlap(g, q) > 0))
const coversHalf: Rule = (_text, gold, p) => {
  const total = gold.reduce((n, g) => n + (g[1] - g[0]), 0)
  return total > 0 && 2 * gold.reduce((n, g) => n + p.reduce((m, q) => m + overlap(g, q), 0), 0) >= total
}
const exact: Rule = (text, gold, p) => {
  const first = gold[0]
  const last = gold[gold.length - 1]
  const pFirst = p[0]
  const pLast = p[p.length - 1]
  if (!first || !last || !pFirst || !pLast) return false
  const g = trimmed(text, [first[0], last[1]])
  const q = trimmed(text, [pFirst[0], pLast[1]])
  return g[0] === q[0] && g[1] === q[1]
}

const score = (
  docs: ReadonlyArray<{ text: string; gold: ReadonlyArray<Spans>; predicted: ReadonlyArray<Spans> }>,
  rule: Rule,
): Counts => {
  let tp = 0
  let fp = 0
  let fn = 0
  for (const d of docs) {
    const used = new Set<number>()
    for (const g of d.gold) {
      const k = d.predicted.findIndex((p, i) => !used.has(i) && rule(d.text, g, p))
      if (k >= 0) {
        used.add(k)
        tp++
      } else fn++
    }
    fp += d.predicted.length - used.size
  }
  return { tp, fp, fn }
}

type Predicted = ReadonlyArray<{
  readonly cue: { readonly span: At }
  readonly source: { readonly span: At } | null
  readonly mention: { readonly span: At } | null | undefined
  readonly content: { readonly span: At }
}>

const range = (s: At): Range => [s.start, s.end]
const cueKey = (a: Predicted[number]): string => `${a.cue.span.start}:${a.cue.span.end}`

/** One span per attribution, as PolNeAR gives one source per attribution ("Lee said ... and added ..." is two). */
const perAttribution = (attributed: Predicted, pick: (a: Predicted[number]) => At | null): ReadonlyArray<Spans> => {
  const byCue = new Map<string, Spans>()
  for (const a of attributed) {
    const s = pick(a)
    if (s && !byCue.has(cueKey(a))) byCue.set(cueKey(a), [range(s)])
  }
  return [...byCue.values()]
}

/**
 * One content per attribution, as PolNeAR marks it: the claims that share a cue ('"...," she said,
 * "..."', and the quotes that continue her words) are the pieces of one discontinuous content.
 */
const contents = (attributed: Predicted): ReadonlyArray<Spans> => {
  const byCue = new Map<string, Range[]>()
  for (const a of attributed) {
    const pieces = byCue.get(cueKey(a)) ?? []
    const piece = range(a.content.span)
    if (!pieces.some((p) => p[0] === piece[0] && p[1] === piece[1])) pieces.push(piece)
    byCue.set(cueKey(a), pieces)
  }
  return [...byCue.values()].map((pieces) => [...pieces].sort((x, y) => x[0] - y[0]))
}

/** Words capitalised for their place or their kind, not as a name: "The", "He", "Mr.", "Sen.". */
const NOT_NAMES = new Set(
  (
    "the a an he she it they we i you this that these those his her their its our my your some many most " +
    "other others one both all each another several few who which what mr mrs ms dr sen rep gov gen pres " +
    "president senator governor secretary republican republicans democrat democrats"
  ).split(" "),
)

const LETTER = /\p{L}/u

/** Does the document use the word, as written, with no letter either side? */
const usedLowerCase = (word: string, document: string): boolean => {
  for (let at = document.indexOf(word); at >= 0; at = document.indexOf(word, at + 1)) {
    if (!LETTER.test(document[at - 1] ?? " ") && !LETTER.test(document[at + word.length] ?? " ")) return true
  }
  return false
}

/**
 * The name a gold source gives its speaker by: the last word of the first run of capitalised words before
 * any apposition, that are no function word or title ("Sen. Elizabeth Warren (D-Mass.), who ..." ->
 * "warren", "the Roper Center for Public Opinion Research" -> "center", "he" -> null). A first word
 * whose lower-case form the document also uses is capitalised by its place ("Regulators and ...").
 */
export const headName = (source: string, document = ""): string | null => {
  const head = source.split(/[,(\u2014]|\s(?:who|whose|which|that)\s/u)[0] ?? ""
  const words = head.split(/[^\p{L}\p{N}'\u2019.-]+/u).map((w) => w.replace(/(['\u2019]s?|\.)$/u, ""))
  const run: string[] = []
  for (const [k, w] of words.entries()) {
    const name =
      /^\p{Lu}/u.test(w) && !NOT_NAMES.has(w.toLowerCase()) && !(k === 0 && usedLowerCase(w.toLowerCase(), document))
    if (name) run.push(w)
    else if (run.length > 0) break
  }
  const last = run[run.length - 1]
  return last ? last.toLowerCase() : null
}

/**
 * Resolution at the cues found: a gold source that names its speaker ("Warren", "The Post") is kept
 * when the speaker a claim at that cue resolves to holds the name; a gold "he" or "the senator" is
 * counted as resolved to a name when the resolved speaker holds one. PolNeAR marks no coreference, so
 * that second figure says how often a pronoun or description gets a name, not whether it is the right one.
 */
export const resolution = (
  text: string,
  gold: ReadonlyArray<Gold>,
  claims: ReadonlyArray<{ readonly cue: At; readonly source: string | null }>,
): { named: number; namedKept: number; unnamed: number; unnamedToName: number } => {
  const out = { named: 0, namedKept: 0, unnamed: 0, unnamedToName: 0 }
  for (const g of gold) {
    if (!g.cue || !g.source || g.source.length === 0) continue
    const atCue = claims.filter((c) => g.cue?.some(([x, y]) => c.cue.start < y && x < c.cue.end))
    if (atCue.length === 0) continue
    const name = headName(g.source.map(([x, y]) => text.slice(x, y)).join(" "), text)
    const sources = atCue.map((c) => (c.source ?? "").toLowerCase())
    if (name) {
      out.named++
      if (sources.some((s) => s.includes(name))) out.namedKept++
    } else {
      out.unnamed++
      if (atCue.some((c) => headName(c.source ?? "") !== null)) out.unnamedToName++
    }
  }
  return out
}

/** The claims the extractor finds in one PolNeAR text, read as a document of the "polnear" outlet. */
export const extract = (nlp: ReturnType<typeof Extractor.loadModel>, d: Doc): ReadonlyArray<Claim.Claim> =>
  Extractor.extractWith(nlp, {
    id: Ids.documentId("polnear", d.name),
    outlet: "polnear",
    title: null,
    publishedAt: null,
    url: null,
    origin: { path: d.name, index: 0 },
    syndicationGroup: null,
    text: d.text,
  })

export const half = (name: string): "A" | "B" =>
  Number.parseInt(createHash("md5").update(name).digest("hex").slice(0, 2), 16) % 2 === 0 ? "A" : "B"

/**
 * The speaker a claim carries is the fullest mention of it, which may stand far from the cue, so it is
 * scored by name, not by place (a place score counts every resolved "he" a miss and every unresolved one a hit).
 */
const resolvedLine = (counts: ReadonlyArray<ReturnType<typeof resolution>>): string => {
  const sum = (k: keyof ReturnType<typeof resolution>) => counts.reduce((n, c) => n + c[k], 0)
  const pct = (a: number, b: number) => (b === 0 ? "-" : ((100 * a) / b).toFixed(1))
  const [named, kept, unnamed, toName] = [sum("named"), sum("namedKept"), sum("unnamed"), sum("unnamedToName")]
  return (
    `polnear    source resolved, at found cues: named sources kept ${pct(kept, named)} (${kept}/${named}); ` +
    `pronouns and descriptions given a name ${pct(toName, unnamed)} (${toName}/${unnamed}, not checked: PolNeAR marks no coreference)`
  )
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  const docs = load()
  if (!docs) return ["polnear    skipped: ../shared/data/polnear/dev not found"]
  const nlp = Extractor.loadModel()
  const started = performance.now()
  const predictions = docs.map((d) => {
    const claims = extract(nlp, d)
    const attributed = claims.flatMap((c) => {
      const { cue, source, mention, content } = c.attribution
      return cue && content ? [{ cue, source, mention, content }] : []
    })
    return {
      resolved: resolution(
        d.text,
        d.gold,
        attributed.map((a) => ({ cue: a.cue.span, source: a.source?.text ?? null })),
      ),
      cue: perAttribution(attributed, (a) => a.cue.span),
      // The words at the cue, as PolNeAR marks them ("he", "who"); the claim carries them beside the speaker.
      mention: perAttribution(attributed, (a) => a.mention?.span ?? null),
      content: contents(attributed),
    }
  })
  const seconds = (performance.now() - started) / 1000
  const role = (
    pick: (g: Gold) => Spans | null,
    predicted: (i: number) => ReadonlyArray<Spans>,
    keep: (name: string) => boolean = () => true,
  ) =>
    docs.flatMap((d, i) =>
      keep(d.name)
        ? [
            {
              text: d.text,
              gold: d.gold.flatMap((g) => {
                const s = pick(g)
                return s && s.length > 0 ? [s] : []
              }),
              predicted: predicted(i),
            },
          ]
        : [],
    )
  type Pick = (g: Gold) => Spans | null
  type Predicted = (i: number) => ReadonlyArray<Spans>
  const cueRole: [Pick, Predicted] = [(g) => g.cue, (i) => predictions[i]?.cue ?? []]
  const mentionRole: [Pick, Predicted] = [(g) => g.source, (i) => predictions[i]?.mention ?? []]
  const contentRole: [Pick, Predicted] = [(g) => g.content, (i) => predictions[i]?.content ?? []]
  const cue = role(...cueRole)
  const mention = role(...mentionRole)
  const content = role(...contentRole)
  const halves = (["A", "B"] as const).map((h) => {
    const keep = (name: string) => half(name) === h
    const f1 = (c: Counts) => (100 * prf(c).f1).toFixed(process.env.POLNEAR_DIGITS ? 2 : 1)
    const figures = [
      score(role(...cueRole, keep), overlaps),
      score(role(...mentionRole, keep), overlaps),
      score(role(...contentRole, keep), coversHalf),
    ]
    return `${h} ${figures.map(f1).join(" / ")}`
  })
  const chars = docs.reduce((n, d) => n + d.text.length, 0)
  return [
    line(
      "polnear",
      "cue (overlap)",
      score(cue, overlaps),
      `(Citron on PARC 76.8; ${(chars / 1000 / seconds).toFixed(0)} kchar/s)`,
    ),
    line("polnear", "cue (exact)", score(cue, exact), "(Citron 82.3)"),
    line("polnear", "source (overlap)", score(mention, overlaps), "(Citron 85.3; mention at the cue)"),
    line("polnear", "source (exact)", score(mention, exact), "(Citron 82.0; mention at the cue)"),
    resolvedLine(predictions.map((p) => p.resolved)),
    line("polnear", "content (overlap)", score(content, coversHalf), "(Citron 83.3; covers half the gold span)"),
    line("polnear", "content (exact)", score(content, exact), "(Citron 59.3)"),
    `polnear    halves, overlap F1 cue / source / content: ${halves.join(", ")} (A tuned on, B held out)`,
  ]
}
