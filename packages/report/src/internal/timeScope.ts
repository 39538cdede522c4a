/**
 * Whether two claims speak of the same time. A claim with no time of its own is placed at its
 * article's publication day (defaulted); a figure for another time is a timeline, never a contradiction.
 */
import { type Claim, type Document, Units } from "@crosscheck/domain"
import { collapse } from "./collapse.js"
import type { KnownRule } from "./ruleNames.js"

/** `may-differ`: nothing places both at one time (an unresolved time against another time, or only one dated). */
export type Relation = "same" | "different" | "may-differ"

export interface Related {
  readonly relation: Relation
  /** Both sides' times are publication days standing in for undated figures. */
  readonly bothDefaulted: boolean
  readonly why: string
  /** The rule (rules.json) that placed the two apart, when it is not the plain comparison of their times. */
  readonly rule?: KnownRule
}

const DAY = 86_400_000
/** A written date at most this many days before a same-day article's publication is that day's news. */
const RECENT_DAYS = 3
/** A running count's written day at most this many days before its article's (a weekday name) is that day's count. */
const TALLY_DAYS = 7

interface Placed {
  readonly start: number
  readonly end: number
  readonly defaulted: boolean
  readonly label: string
}

const parse = (iso: string | null | undefined, endOfDay: boolean): number | null => {
  if (!iso) return null
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return null
  return endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? ms + DAY - 1 : ms
}

const day = (iso: string): string => iso.slice(0, 10)

/** The day the claim's article was published (YYYY-MM-DD), or null when it carries no date. */
export const publishedDay = (claim: Claim.Claim, documents: ReadonlyMap<string, Document.Document>): string | null => {
  const published = documents.get(claim.documentId)?.publishedAt
  return published ? day(published) : null
}

/** Whether a claim's figures are all told as facts (no forecast, plan or target), so none can be of a later day. */
const toldAsFact = (claim: Claim.Claim): boolean =>
  claim.quantities.length > 0 &&
  claim.quantities.every((q) => (q.measure?.modality ?? "fact") === "fact" && q.unit !== Units.DATE)

/** The claim's time as a span of instants, the unresolved text of its time, or null when nothing dates it. */
export const placeOf = (
  claim: Claim.Claim,
  documents: ReadonlyMap<string, Document.Document>,
): Placed | { readonly unresolved: string } | null => {
  const t = claim.time
  const start = parse(t?.start, false)
  if (t && start !== null) {
    const end = parse(t.end ?? t.start, true) ?? start
    const defaulted = t.defaulted === true
    const span = t.end && t.end !== t.start ? `${t.start} to ${t.end}` : (t.start ?? "")
    // A span that runs up to the article's own day ("since Saturday", "since 2023") holds a running
    // total: the figure stands as of that day, so it is placed there, not over the whole span.
    const published = documents.get(claim.documentId)?.publishedAt
    // "About 18,000 tickets had been sold for the run, which was due to open on 14 January": a figure
    // told as a fact cannot stand on a day after its article appeared; a later day in its sentence is
    // another clause's, and the figure stands as of its article's day, as an undated one does.
    const at = published ? parse(day(published), false) : null
    if (!defaulted && published && at !== null && start > at + DAY - 1 && toldAsFact(claim))
      return {
        start: at,
        end: at + DAY - 1,
        defaulted: true,
        label: `undated, published ${day(published)} ("${t.text}" is after it and the figure a fact, so it is another clause's day)`,
      }
    if (!defaulted && t.end && t.end !== t.start && published && day(published) === t.end) {
      const asOf = parse(t.end, false) ?? start
      return { start: asOf, end: asOf + DAY - 1, defaulted, label: `"${t.text}" (${span}, as of ${t.end})` }
    }
    return {
      start,
      end: Math.max(start, end),
      defaulted,
      label: defaulted ? `undated, published ${day(span)}` : `"${t.text}" (${span})`,
    }
  }
  if (t && t.text.trim() !== "" && !t.defaulted) return { unresolved: t.text }
  // Claims stored before times were defaulted: the publication day stands in, as the extractor now does.
  const published = documents.get(claim.documentId)?.publishedAt
  const at = parse(published ? day(published) : null, false)
  if (!published || at === null) return null
  return { start: at, end: at + DAY - 1, defaulted: true, label: `undated, published ${day(published)}` }
}

const normalise = (text: string): string => collapse(text.toLowerCase())

const overlap = (a: Placed, b: Placed): boolean => a.start <= b.end && b.start <= a.end

export interface Options {
  /**
   * Both figures are running counts given as they stood when written (a toll, the evacuated): articles
   * of different days give them at different times, whatever day of the event they name.
   */
  readonly tally?: boolean
}

/**
 * The part of a day a time's words name ("by Saturday morning", "this afternoon", "tonight"), or null. An
 * evening and a night are one part: "on Saturday evening" and "last night" tell of one event at 8pm.
 */
const DAY_PART = /\b(morning|afternoon|evening|night|tonight)\b/i
const dayPart = (text: string): string | null => {
  const part = DAY_PART.exec(text)?.[1]?.toLowerCase() ?? null
  return part === "tonight" || part === "night" ? "evening" : part
}

/**
 * Whether a claim's written time lies outside what its speaker said, so it dates the saying, not the
 * figure ("more than 5,000 have signed, campaigners said tonight").
 */
export const whenSaid = (c: Claim.Claim): boolean => {
  const t = c.time
  const content = c.attribution.content
  if (!t || t.defaulted || !content) return false
  const at = c.text.toLowerCase().indexOf(t.text.toLowerCase())
  if (at < 0) return false
  const start = c.span.start + at
  return start + t.text.length <= content.span.start || start >= content.span.end
}

/** Whether a placed time is one day. */
const oneDay = (p: Placed): boolean => p.end - p.start < DAY

export const relate = (
  a: Claim.Claim,
  b: Claim.Claim,
  documents: ReadonlyMap<string, Document.Document>,
  options: Options = {},
): Related => {
  const pa = placeOf(a, documents)
  const pb = placeOf(b, documents)
  const result = (relation: Relation, why: string, bothDefaulted = false, rule?: KnownRule): Related => ({
    relation,
    bothDefaulted,
    why,
    ...(rule ? { rule } : {}),
  })
  if (!pa && !pb) return result("same", "neither is dated, nor is either article")
  // A claim with no date at all (a claim put to verify) speaks of the present, as an undated article's figure does.
  const onlyDefaulted = (p: typeof pa) => p !== null && !("unresolved" in p) && p.defaulted
  if (!pa || !pb)
    return onlyDefaulted(pa) || onlyDefaulted(pb)
      ? result("same", "one is undated, the other dated only by its article")
      : result("may-differ", "only one of them is dated")
  if ("unresolved" in pa || "unresolved" in pb) {
    const ta = "unresolved" in pa ? pa.unresolved : null
    const tb = "unresolved" in pb ? pb.unresolved : null
    if (ta !== null && tb !== null && normalise(ta) === normalise(tb)) return result("same", `both "${ta}"`)
    // A time that could not be placed ("at the time", "then") is still no later than its article's day:
    // an article gives a figure as it stood up to when it was written. A figure placed after that day is
    // for a later time.
    const [unplaced, placed, text] = "unresolved" in pa ? [a, pb, ta] : [b, pa, tb]
    const published = parse(documents.get(unplaced.documentId)?.publishedAt?.slice(0, 10), true)
    if (!("unresolved" in placed) && published !== null && placed.start > published)
      return result(
        "different",
        `different times: "${text}" could not be placed, but it is no later than its article's day (${day(new Date(published).toISOString())}), and the other is for a later time (${placed.label})`,
        false,
        "unplaced-time-earlier",
      )
    return result("may-differ", `"${ta ?? tb}" could not be placed in time`)
  }
  const both = `${pa.label}; ${pb.label}`
  if (options.tally) {
    const da = documents.get(a.documentId)?.publishedAt
    const db = documents.get(b.documentId)?.publishedAt
    if (da && db && day(da) !== day(db))
      return result(
        "different",
        `a running count as it stood when each article was written (published ${day(da)} and ${day(db)}), whatever day of the event it names (${both})`,
      )
    // And two articles of one day give it as it stood that day, whatever day of this week's event either
    // names ("nearly 40 in hospital" beside "since Saturday"); a count of last year is another count. Both
    // articles are of one day here, so one day (`at`) measures both times.
    const at = da && db && a.documentId !== b.documentId ? parse(day(da), false) : null
    const thisWeek = (p: Placed) => p.defaulted || (at !== null && p.end < at + DAY && at - p.end <= TALLY_DAYS * DAY)
    // Two times both written, each for the day before that day or the day itself ("29 until Sunday night",
    // "31 this morning"), say when each count stood: they stay different times.
    const stood = (p: Placed) => !p.defaulted && at !== null && p.start >= at - DAY && p.end < at + DAY
    if (at !== null && !overlap(pa, pb) && !(stood(pa) && stood(pb)) && thisWeek(pa) && thisWeek(pb))
      return result(
        "same",
        `a running count as it stood when both articles were written (both published ${da ? day(da) : ""}), whatever day of the event it names (${both})`,
        false,
        "tally-same-day",
      )
  }
  // One day's morning and its afternoon ("24 had accepted by Saturday morning", "38 by Saturday afternoon"):
  // a figure as it stood at two times of that day.
  const partOf = (c: Claim.Claim) => (whenSaid(c) ? null : dayPart(c.time?.text ?? ""))
  const oneDayBoth = !pa.defaulted && !pb.defaulted && oneDay(pa) && oneDay(pb) && overlap(pa, pb)
  const parts = oneDayBoth ? [partOf(a), partOf(b)] : []
  if (parts[0] && parts[1] && parts[0] !== parts[1])
    return result("different", `different times of one day ("${a.time?.text}", "${b.time?.text}")`, false, "day-parts")
  if (pa.defaulted === pb.defaulted)
    return overlap(pa, pb)
      ? result("same", `the same time (${both})`, pa.defaulted)
      : result("different", `different times (${both})`, pa.defaulted)
  // A written date against an article's day: the same only when the date takes in that day.
  const [written, defaulted] = pa.defaulted ? [pb, pa] : [pa, pb]
  if (written.start <= defaulted.start && defaulted.start <= written.end)
    return result("same", `the written date takes in the other's publication day (${both})`)
  // An article cannot give a figure for a day after it appeared: the written date is a later time.
  if (written.start > defaulted.end)
    return result("different", `the written date is after the other article appeared, so it is a later time (${both})`)
  // Both articles appeared the same day and the written date is a day or so before it ("on Sunday" in a
  // Monday paper): two reports of that day about one event, so one time.
  const writtenClaim = pa.defaulted ? b : a
  const writtenPub = parse(documents.get(writtenClaim.documentId)?.publishedAt?.slice(0, 10), false)
  const sameDay = writtenPub !== null && writtenPub >= defaulted.start && writtenPub <= defaulted.end
  if (sameDay && defaulted.start - written.end <= RECENT_DAYS * DAY)
    return result("same", `both articles appeared the same day, and the written date is just before it (${both})`)
  // An undated figure in an article that appeared after the other's (and after its written date) is the
  // figure as that article stood ("the toll stands at 19", "the fire has now burned 14,500 acres").
  if (writtenPub !== null && writtenPub < defaulted.start)
    return result(
      "different",
      `the undated figure stands as of its article's day, after the other article and its written date, so it is a later time (${both})`,
    )
  return result("may-differ", `one is dated only by its article and may be for another time (${both})`)
}
