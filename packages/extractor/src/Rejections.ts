/**
 * What a speaker rejects (rules.json "content"): in "rejected reports that X", "called X baseless",
 * "dismissed X as false", "said X was simply untrue" or "said there was no truth to X" the content is X.
 */
import type { Attribution } from "@crosscheck/domain"
import { lower, type Token } from "./Analysis.js"
import * as Cues from "./Cues.js"

export interface Rejection {
  /** Token range of the rejected content, last inclusive. */
  readonly first: number
  readonly last: number
  readonly stance: Attribution.Stance
  /** The content rule of rules.json that found it. */
  readonly rule: string
}

const isPunct = (t: Token | undefined): boolean => t?.pos === "PUNCT" || t?.pos === "SYM"
/** Words that may follow a predicate and close what it judges: "was false, saying", "false and that ...". */
const CLOSERS = new Set([",", "and", "but", ";"])

/** The end (exclusive) of a disputing predicate at i past adverbs ("simply untrue"), or -1; never past a negator. */
const predicateEnd = (ts: ReadonlyArray<Token>, i: number): number => {
  let p = i
  while (ts[p]?.pos === "ADV" && !Cues.isNegator(ts[p])) p++
  const length = Cues.disputePredicateAt(ts, p)
  return length > 0 ? p + length : -1
}

/** "(the opposition's) reports that X": the first token of X, or `first` when no claim noun opens the range. */
const pastClaimNoun = (ts: ReadonlyArray<Token>, first: number, last: number): number => {
  for (let k = first; k <= last && k - first < 5; k++) {
    const t = ts[k]
    if (!t) return first
    // Before the verb test: wink tags "reports" a verb now and then.
    if (Cues.isClaimNoun(t) && lower(ts[k + 1]) === "that") return k + 2 <= last ? k + 2 : first
    if (t.pos === "VERB" || t.pos === "AUX" || isPunct(t)) return first
  }
  return first
}

/** The last token before `end` that is not an adverb: "simply" in "reports ... simply untrue" is no part of them. */
const trimAdverbs = (ts: ReadonlyArray<Token>, first: number, end: number): number => {
  let k = end
  while (k > first && ts[k]?.pos === "ADV") k--
  return k
}

/**
 * A verb of rejection or of calling with its content: "rejected (as false) claims that X", "dismissed
 * X as false", "called X baseless". The cue's stance holds; a calling verb disputes its object.
 */
const rejected = (
  ts: ReadonlyArray<Token>,
  lemma: string,
  stance: Attribution.Stance,
  c: number,
  last: number,
): Rejection | null => {
  const calling = Cues.isCallingVerb(lemma)
  if (stance === "asserts" && !calling) return null
  let first = c
  let rule: string | null = null
  // "rejected as false claims that X": the judgement comes before what it judges.
  if (lower(ts[first]) === "as") {
    const e = predicateEnd(ts, first + 1)
    if (e > 0 && e <= last) {
      first = e
      rule = "rejected-as-false"
    }
  }
  let end = last
  for (let k = first + 1; k <= last && rule === null; k++) {
    const as = lower(ts[k]) === "as"
    if (!as && !calling) continue
    if (predicateEnd(ts, as ? k + 1 : k) !== last + 1) continue
    end = trimAdverbs(ts, first, k - 1)
    rule = as ? "object-dismissed-as-false" : "object-called-false"
  }
  // "called the plan reckless", "called for": a calling verb judges a claim only with a disputing predicate.
  if (calling && rule === null) return null
  const x = pastClaimNoun(ts, first, end)
  if (x > first) rule ??= "rejected-claim-that"
  if (rule === null || end < x) return null
  return { first: x, last: end, stance: calling && stance === "asserts" ? "disputes" : stance, rule }
}

/** "said there was no truth to X": X, denied. "said (claims that) X was simply untrue": X, disputed. */
const saidFalse = (ts: ReadonlyArray<Token>, c: number, last: number): Rejection | null => {
  if (lower(ts[c]) === "there" && ts[c + 1]?.lemma === "be") {
    const n = Cues.noTruthAt(ts, c + 2)
    const x = c + 2 + n
    if (n > 0 && x <= last) return { first: pastClaimNoun(ts, x, last), last, stance: "denies", rule: "no-truth-to" }
  }
  const x = pastClaimNoun(ts, c, last)
  for (let k = x + 1; k <= last; k++) {
    const t = ts[k]
    if (t?.pos !== "VERB" && t?.pos !== "AUX") continue
    // A plain subject is a noun group, so its first verb is the "be"; a claim's clause has verbs of its own.
    if (t.lemma !== "be") {
      if (x === c) return null
      continue
    }
    const e = predicateEnd(ts, k + 1)
    if (e < 0 || (e !== last + 1 && !CLOSERS.has(lower(ts[e])))) {
      if (x === c) return null
      continue
    }
    if (!ts.slice(x, k).some((w) => w.pos === "NOUN" || w.pos === "PROPN" || w.pos === "PRON")) return null
    return { first: x, last: k - 1, stance: "disputes", rule: "subject-called-false" }
  }
  return null
}

/**
 * The rejection a cue's reported content makes, if it makes one: tokens open..last are the words after
 * the cue to the content's end, clause..last the reported clause (past "that" or "told reporters").
 */
export const find = (
  ts: ReadonlyArray<Token>,
  lemma: string,
  stance: Attribution.Stance,
  open: number,
  clause: number,
  last: number,
): Rejection | null => {
  if (last < open || last < clause) return null
  const r = rejected(ts, lemma, stance, open, last)
  if (r) return r
  if (stance !== "asserts" || Cues.isCallingVerb(lemma)) return null
  // "said claims that X were false": the claim noun the reported clause skipped is what is called false.
  return saidFalse(ts, pastClaimNoun(ts, open, last) > open ? open : clause, last)
}

/** A reply that denies on its own, with no claim of its own words ("Not true.", "Absolutely not."). */
const replies = new Set(Cues.denialReplies.map((r) => r.toLowerCase()))
/** Longer than the longest reply with its marks around it: no reply, and no string built to find out. */
const LONGEST_REPLY = Math.max(...Cues.denialReplies.map((r) => r.length)) + 8

/** Is the text a reply that denies, whatever its quote marks, full stop and apostrophe? */
export const isDenialReply = (text: string): boolean =>
  text.length <= LONGEST_REPLY &&
  replies.has(
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .replace(/^[\s"'\u201C\u201D.,!;:-]+|[\s"'\u201C\u201D.,!;:-]+$/g, "")
      .replace(/\s+/g, " "),
  )

/**
 * "..., the ministry said when asked whether the plant would close": the question a reply answers,
 * as the token range (last inclusive) of what "asked whether / if / about" opens in tokens s0..s1.
 */
export const askedAbout = (
  ts: ReadonlyArray<Token>,
  s0: number,
  s1: number,
): { first: number; last: number } | null => {
  for (let k = s0; k + 1 < s1; k++) {
    if (ts[k]?.lemma !== "ask" || !ASKED.has(lower(ts[k + 1]))) continue
    const first = k + 2
    let last = first
    while (last + 1 < s1 && !isPunct(ts[last + 1]) && ts[last + 1]?.type !== "tabCRLF") last++
    return first <= last && !isPunct(ts[first]) ? { first, last } : null
  }
  return null
}

const ASKED = new Set(["whether", "if", "about"])
