/**
 * Subject, predicate and object of a sentence from its part-of-speech tags (wink has no parser):
 * the noun group before the main verb, the verb's lemma, and the noun group after it, with polarity.
 */
import type { Claim } from "@crosscheck/domain"
import type { Token } from "./Analysis.js"
import * as Lexicon from "./Lexicon.js"

export interface Triple {
  readonly subject: string | null
  readonly predicate: string | null
  readonly object: string | null
  readonly polarity: Claim.Polarity
}

const GROUP = new Set(["NOUN", "PROPN", "ADJ", "DET", "NUM", "PART"])
/** Possessives open a noun group ("its own frontline speakers"); other pronouns are groups alone. */
const inGroup = (t: Token | undefined): boolean =>
  t !== undefined && (GROUP.has(t.pos) || (t.pos === "PRON" && Lexicon.isPossessive(t)))
const HEAD = new Set(["NOUN", "PROPN", "PRON"])

const groupText = (ts: ReadonlyArray<Token>): string | null => {
  const words = ts.filter((t) => t.pos !== "DET" || ts.length === 1)
  if (!words.some((t) => HEAD.has(t.pos))) return null
  return words.map((t) => t.text).join(" ")
}

/**
 * "The aircraft, an H-40 operated by Skerra Air, came down": an aside between commas right after the
 * opening noun group, holding a verb of its own, with the main verb after it. The subject is the noun
 * group before the aside, and the aside's verb is not the sentence's.
 */
const asideAfterSubject = (ts: ReadonlyArray<Token>): { open: number; close: number } | null => {
  let open = 0
  while (open < ts.length && inGroup(ts[open])) open++
  if (open === 0 || ts[open]?.text !== "," || !ts.slice(0, open).some((t) => HEAD.has(t.pos))) return null
  const close = ts.findIndex((t, i) => i > open && t.text === ",")
  if (close < 0) return null
  const inside = ts.slice(open + 1, close)
  const verbAfter = ts.slice(close + 1).some((t) => t.pos === "VERB")
  return inside.some((t) => t.pos === "VERB") && verbAfter ? { open, close } : null
}

/**
 * "the network's grant had been cut": a word tagged as a verb right after an article, a possessive
 * "'s" or a possessive pronoun is a noun (no verb follows them directly); it is read as one.
 */
const nounsByPlace = (ts: ReadonlyArray<Token>): ReadonlyArray<Token> => {
  let out: Token[] | null = null
  for (let i = 1; i < ts.length; i++) {
    const t = ts[i] as Token
    const before = ts[i - 1] as Token
    if (
      t.pos !== "VERB" ||
      !(Lexicon.isArticle(before) || before.lower === "'s" || before.lower === "’s" || Lexicon.isPossessive(before))
    )
      continue
    out ??= [...ts]
    out[i] = { ...t, pos: "NOUN" }
  }
  return out ?? ts
}

/**
 * "the port authority had been informed": with no verb, a participle tagged as an adjective after a
 * form of "be" is the passive's verb. Other adjectives ("is tense", "are common") say a state, not an act.
 */
const passiveParticiple = (ts: ReadonlyArray<Token>, from: number): number => {
  for (let i = Math.max(1, from); i < ts.length; i++) {
    if (ts[i]?.pos !== "ADJ" || !/(?:ed|en)$/.test(ts[i]?.lower ?? "")) continue
    let j = i - 1
    while (j > 0 && (ts[j]?.pos === "ADV" || Lexicon.isNegator(ts[j]))) j--
    if (ts[j]?.pos === "AUX" && ts[j]?.lemma === "be") return i
  }
  return -1
}

/** What may follow a verb the tagger took for an adjective after a modal: a figure, an article, a preposition. */
const AFTER_MODAL_VERB = new Set(["NUM", "DET", "ADP", "PUNCT"])

/**
 * "The trial would last six weeks": wink tags some verbs after a modal as adjectives ("last"); a word so
 * tagged right after a modal, before a figure, an article, a preposition or the clause's end, is the verb.
 */
const modalVerb = (ts: ReadonlyArray<Token>, from: number): number => {
  for (let i = Math.max(1, from); i < ts.length; i++) {
    const t = ts[i] as Token
    if (t.pos !== "ADJ" || !/^\p{Ll}+$/u.test(t.text) || !Lexicon.isModal(ts[i - 1])) continue
    const next = ts[i + 1]
    if (next === undefined || AFTER_MODAL_VERB.has(next.pos)) return i
  }
  return -1
}

/**
 * "The network was down for 11 hours": with no verb at all, the subject is the noun group before the form
 * of "be"; a state is no act, so the triple has no predicate.
 */
const copula = (ts: ReadonlyArray<Token>, from: number): number =>
  ts.findIndex((t, i) => i >= from && t.pos === "AUX" && t.lemma === "be")

/** Reads the first clause of `ts` (the tokens of one sentence or clause). */
export const triple = (tokens: ReadonlyArray<Token>): Triple => {
  const ts = nounsByPlace(tokens)
  const aside = asideAfterSubject(ts)
  const from = aside === null ? 0 : aside.close + 1
  const firstVerb = ts.findIndex((t, i) => t.pos === "VERB" && i >= from)
  const modal = modalVerb(ts, from)
  // The first verb, tagged as one or after a modal; else a passive's participle; else, a state, "be".
  const verb = firstVerb >= 0 && (modal < 0 || firstVerb < modal) ? firstVerb : modal
  const act = verb >= 0 ? verb : passiveParticiple(ts, from)
  const verbAt = act >= 0 ? act : copula(ts, from)
  if (verbAt < 0) return { subject: null, predicate: null, object: null, polarity: "positive" }
  let s = verbAt - 1
  while (s >= 0 && (ts[s]?.pos === "AUX" || ts[s]?.pos === "ADV" || Lexicon.isNegator(ts[s]))) s--
  const beforeAside = aside !== null && s === aside.close
  const subjectTokens: Token[] = beforeAside ? ts.slice(0, aside.open) : []
  while (!beforeAside && s >= 0 && inGroup(ts[s]) && !Lexicon.isNegator(ts[s])) {
    subjectTokens.unshift(ts[s] as Token)
    s--
  }
  // "no warning light had shown", "Nobody has been arrested", "None of the staff had been paid": a subject
  // opened by a negating determiner ("no", "neither"), or a negative pronoun opening the clause, negates it
  // however far the verb is.
  const opener = beforeAside ? ts[0] : ts[s]
  const negated =
    ts.slice(Math.max(0, verbAt - 3), verbAt).some(Lexicon.isNegator) ||
    (subjectTokens.length > 0 && opener?.pos === "DET" && Lexicon.isNegator(opener)) ||
    Lexicon.isNegativeSubject(ts[from])
  let o = verbAt + 1
  while (o < ts.length && (ts[o]?.pos === "ADV" || ts[o]?.pos === "ADP" || ts[o]?.pos === "PART")) o++
  const objectTokens: Token[] = []
  while (o < ts.length && inGroup(ts[o]) && ts[o]?.pos !== "PART") {
    objectTokens.push(ts[o] as Token)
    o++
  }
  return {
    subject: groupText(subjectTokens),
    predicate: act >= 0 ? (ts[verbAt]?.lemma ?? null) : null,
    object: groupText(objectTokens),
    polarity: negated ? "negative" : "positive",
  }
}
