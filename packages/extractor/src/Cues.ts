/**
 * The attribution cue catalogue (cues.json): which words and phrases introduce what someone said,
 * claimed or believes, with the lemma a claim reports and how firmly the cue holds its content.
 */
import type { Attribution } from "@crosscheck/domain"
import { isPluralAfterFigure, lower, startsUpper, type Token, wordsAt } from "./Analysis.js"
import catalogue from "./cues.json" with { type: "json" }
import * as Lexicon from "./Lexicon.js"
import { isMonthWord } from "./TimeExpressions.js"

export interface Entry {
  readonly stance?: Attribution.Stance
  readonly hedged?: boolean
  /** Belief and intention verbs ("want", "show") are cues only when a clause follows them. */
  readonly clause?: boolean
  /** Verbs of judgement ("attacked", "called") take a noun group as their content. */
  readonly object?: boolean
  /** "spoke about", "talked of": the verb is a cue only with one of these words after it (past adverbs and times). */
  readonly topic?: ReadonlyArray<string>
  /** "backed out", "backed down": the verb with one of these words right after it is no cue. */
  readonly not?: ReadonlyArray<string>
  /**
   * "put the cost at €120m", "revised the toll down to 11": the verb is a cue only when one of these words,
   * after its object and before the clause ends, is followed by a figure.
   */
  readonly figure?: ReadonlyArray<string>
}

export interface Match {
  /** Token range of the cue, end exclusive; includes a disputing adverb ("falsely claiming"). */
  readonly first: number
  readonly next: number
  readonly lemma: string
  readonly stance: Attribution.Stance
  readonly hedged: boolean
  readonly mode: "according-to" | null
  readonly clause: boolean
  readonly object: boolean
}

interface Phrase {
  readonly words: ReadonlyArray<string>
  readonly lemma: string
  readonly mode?: string
  readonly stance?: string
  /** "called for more investment": the phrase takes a noun group as its content. */
  readonly object?: boolean
}

// A Map, not the JSON object: a lemma such as "constructor" must not find Object's prototype.
const verbs: ReadonlyMap<string, Entry> = new Map(Object.entries(catalogue.verbs as Record<string, Entry>))
const phrases: ReadonlyArray<Phrase> = catalogue.phrases
const phrasesByFirst = new Map<string, Phrase[]>()
for (const p of phrases) {
  const first = p.words[0] ?? ""
  // Keyed as written too, so most tokens are looked up without lower-casing them.
  for (const key of [first, first.charAt(0).toUpperCase() + first.slice(1)]) {
    phrasesByFirst.set(key, [...(phrasesByFirst.get(key) ?? []), p])
  }
}
// Longest phrase first, so "rejected claims that" wins over a shorter one sharing its first word.
for (const list of phrasesByFirst.values()) list.sort((a, b) => b.words.length - a.words.length)

/**
 * The first letters and lengths of the words in `words`, as a table: a word whose first letter and length are
 * no such word's is none of them, found without looking it up (Cues.at asks for nearly every token).
 */
const letterAndLength = (words: Iterable<string>): ((word: string) => boolean) => {
  const table = new Uint8Array(0x10000)
  for (const w of words) {
    const c = w.charCodeAt(0)
    table[c] = (table[c] ?? 0) | (w.length < 8 ? 1 << w.length : 1)
  }
  return (word) => {
    const bits = table[word.charCodeAt(0)] ?? 0
    return bits !== 0 && (word.length < 8 ? (bits & (1 << word.length)) !== 0 : (bits & 1) !== 0)
  }
}
const mayOpenPhrase = letterAndLength(phrasesByFirst.keys())

const disputeAdverbs = new Set(catalogue.disputeAdverbs)
const disputePredicates: ReadonlyArray<ReadonlyArray<string>> = catalogue.disputePredicates
const disputeVerbs = new Set(catalogue.disputeVerbs)
const claimNouns = new Set(catalogue.claimNouns)
const refusals: ReadonlySet<string> = new Set(catalogue.refusals)
const callingVerbs = new Set(catalogue.callingVerbs)
const noTruth: ReadonlyArray<ReadonlyArray<string>> = catalogue.noTruth
const quoteDashes = new Set(catalogue.quoteDashes)
const mayBeQuoteDash = letterAndLength(quoteDashes)
const nouns: ReadonlyMap<string, Entry> = new Map(Object.entries(catalogue.nouns as Record<string, Entry>))
const nounLinks = new Set(catalogue.nounLinks)
const attitudes: ReadonlyMap<string, Entry> = new Map(Object.entries(catalogue.attitudes as Record<string, Entry>))
const linkingVerbs = new Set(catalogue.linkingVerbs)
const attitudeOpeners = new Set(catalogue.attitudeOpeners)

/** A noun that names what someone said, believes or wants ("claim", "support", "plan"), if it is one. */
export const nounEntry = (t: Token | undefined): Entry | undefined =>
  t !== undefined && t.pos === "NOUN" ? nouns.get(t.lemma) : undefined
/** The word that opens a nominal cue's content: "claim that", "support for", "plan to". */
export const isNounLink = (t: Token | undefined): boolean => t !== undefined && nounLinks.has(t.lower)
export const isPossessivePronoun = Lexicon.isPossessive
const editorialLabels = new Set(catalogue.editorialLabels)
/** Replies that deny on their own, read by Rejections.ts: "Not true.", "Absolutely not." */
export const denialReplies: ReadonlyArray<string> = catalogue.denialReplies
const questioningVerbs = new Set(catalogue.questionPut.verbs)
const questionTopics = new Set(catalogue.questionPut.topics)
/** "ask", "press": a verb that puts a question to someone ("Asked about the levy, ..."). */
export const isQuestioningVerb = (lemma: string): boolean => questioningVerbs.has(lemma)
const questionOpeners = new Set(catalogue.questionPut.openers)
/** "about", "on": the word that opens what a question put to someone is about. */
export const isQuestionTopic = (t: Token | undefined): boolean => t !== undefined && questionTopics.has(lower(t))
/** "whether", "to": the word that opens a question put to someone, as part of it. */
export const isQuestionOpener = (t: Token | undefined): boolean => t !== undefined && questionOpeners.has(lower(t))

/** "Correction:", "UPDATE:": a label the outlet puts before its own words, naming no speaker. */
export const isEditorialLabel = (t: Token | undefined): boolean => t !== undefined && editorialLabels.has(lower(t))

/** A dash that signs a quote with its speaker's name after it ("..." ― Sonya Herridge). */
export const isQuoteDash = (t: Token | undefined): boolean =>
  t !== undefined && mayBeQuoteDash(t.text) && quoteDashes.has(t.text)

/**
 * Every regular form `lemmaOf` reads back to a cue verb ("alleged", "alleging", "alleges"): a word not
 * here is its own lemma, found with one lookup instead of the stems cut from it below.
 */
const verbForms = new Set<string>()
for (const v of verbs.keys())
  for (const form of [v, `${v}d`, `${v}ed`, `${v}ing`, `${v.slice(0, -1)}ing`, `${v}s`]) verbForms.add(form)

/** A regular verb form's lemma, for words wink does not lemmatise as verbs ("alleged"). */
const lemmaOf = (word: string): string => {
  if (!verbForms.has(word)) return word
  if (word.endsWith("ed")) {
    if (verbs.has(word.slice(0, -1))) return word.slice(0, -1)
    if (verbs.has(word.slice(0, -2))) return word.slice(0, -2)
  } else if (word.endsWith("ing")) {
    if (verbs.has(word.slice(0, -3))) return word.slice(0, -3)
    if (verbs.has(`${word.slice(0, -3)}e`)) return `${word.slice(0, -3)}e`
  } else if (word.endsWith("s") && verbs.has(word.slice(0, -1))) return word.slice(0, -1)
  return word
}

/**
 * "Rip", "Speaks" in a title-case headline, where wink tags every capitalised word a name: the cue verb
 * the word is a form of, if it is one that needs no reported clause (belief and intention verbs do).
 */
export const headlineVerb = (t: Token | undefined): { readonly lemma: string; readonly entry: Entry } | undefined => {
  if (t === undefined || !/^\p{Lu}\p{Ll}+$/u.test(t.text)) return undefined
  const lemma = lemmaOf(lower(t))
  const entry = verbs.get(lemma)
  return entry && !entry.clause ? { lemma, entry } : undefined
}

/** The verb entry of a lemma, if it is a cue. */
export const verb = (lemma: string): Entry | undefined => verbs.get(lemma)

export const isHedge = Lexicon.isHedge
export const isDisputeAdverb = (t: Token): boolean => disputeAdverbs.has(lower(t))
export const isDisputeVerb = (t: Token): boolean => disputeVerbs.has(t.lemma)
export const isNegator = Lexicon.isNegator

/** "claims (that)", "reports (that)": a noun that names something said, which may be called false. */
export const isClaimNoun = (t: Token): boolean => claimNouns.has(lower(t))

/**
 * "rejected a pay offer of 2.5 per cent", "dismissed the union's demands": whether the content from token i
 * to `end` is a noun group, with no clause, headed by a noun whose rejection refuses it (cues.json
 * refusals): its last noun before anything else (a preposition, punctuation), by lemma.
 */
export const isRefused = (ts: ReadonlyArray<Token>, i: number, end: number): boolean => {
  let head: Token | undefined
  let inGroup = true
  for (let k = Math.max(0, i); k < Math.min(end, ts.length); k++) {
    const t = ts[k] as Token
    // "rejected a pay offer of 2.5 per cent and is seeking 6 per cent": the refusal ends at "and".
    if (t.pos === "CCONJ" || t.pos === "PUNCT") break
    // A clause ("denied that the deal had been agreed in secret") says something, which may be denied.
    if (t.pos === "VERB" || t.pos === "AUX" || t.pos === "SCONJ") return false
    if (!inGroup) continue
    if (t.pos === "NOUN") head = t
    else if (t.pos === "PRON" && Lexicon.isPossessive(t)) continue
    else if (t.pos !== "DET" && t.pos !== "ADJ" && t.pos !== "NUM" && t.pos !== "PROPN" && t.pos !== "PART")
      inGroup = false
  }
  return head !== undefined && (refusals.has(head.lemma) || refusals.has(lower(head)))
}

/** Does a disputing predicate ("unfounded", "a red herring") start at token i? */
export const disputePredicateAt = (ts: ReadonlyArray<Token>, i: number): number => {
  for (const words of disputePredicates) if (wordsAt(ts, i, words)) return words.length
  return 0
}

/** "worried", "confident": a state of mind, whose holder is the subject of its linking verb. */
export const isAttitude = (word: string): boolean => attitudes.has(word)

/** "call", "brand": a verb that names its object as something ("called the report baseless"). */
export const isCallingVerb = (lemma: string): boolean => callingVerbs.has(lemma)

/** Does a phrase that denies what follows it ("no truth to") start at token i? Its length, or 0. */
export const noTruthAt = (ts: ReadonlyArray<Token>, i: number): number => {
  for (const words of noTruth) if (wordsAt(ts, i, words)) return words.length
  return 0
}

/** The match, widened to a disputing adverb right before it. Built field by field: a spread deopts here. */
const withAdverb = (ts: ReadonlyArray<Token>, first: number, match: Omit<Match, "first">): Match => {
  const before = ts[first - 1]
  const disputing = before !== undefined && isDisputeAdverb(before)
  return {
    first: disputing ? first - 1 : first,
    next: match.next,
    lemma: match.lemma,
    stance: disputing ? "disputes" : match.stance,
    hedged: match.hedged,
    mode: match.mode,
    clause: match.clause,
    object: match.object,
  }
}

const RELATIVES = new Set(["who", "which", "that"])
const PLURAL_PRONOUNS = new Set(["they", "we"])

/**
 * wink tags a verb as a noun after a subject now and then ("the mayor demands accountability",
 * "officials vow consequences", "the study, which notes that ..."): the subject agrees with the verb
 * form (a singular one before "-s", a plural one before the bare form) and an object or clause follows.
 */
const agrees = (ts: ReadonlyArray<Token>, i: number, entry: Entry): boolean => {
  const t = ts[i]
  // "Some farmers, however, question ...": an adverb set off by commas stands between the subject and the verb.
  const aside = ts[i - 1]?.text === "," && ts[i - 2]?.pos === "ADV" && ts[i - 3]?.text === "," ? 3 : 0
  const prev = ts[i - 1 - aside]
  const next = ts[i + 1]
  if (!t || !prev || !next || t.pos !== "NOUN") return false
  const word = lower(t)
  const opens =
    next.pos === "DET" ||
    next.pos === "PRON" ||
    next.pos === "SCONJ" ||
    (entry.object === true && (next.pos === "NOUN" || next.pos === "ADJ" || next.pos === "PROPN"))
  const prevWord = lower(prev)
  // "All of this, he acknowledges, could ...": a singular subject pronoun (not an owner: "her claims") before
  // an "-s" form, which may close its clause.
  const gender = prev.pos === "PRON" && !Lexicon.isPossessive(prev) ? Lexicon.pronounGender(prevWord) : undefined
  const pronoun = gender === "male" || gender === "female" || gender === "neuter"
  if (!opens && !(pronoun && next.pos === "PUNCT")) return false
  const relative = RELATIVES.has(prevWord) && (prev.pos === "DET" || prev.pos === "PRON")
  const thirdPerson = word.endsWith("s") && word !== t.lemma
  if (thirdPerson) {
    // "The mayor demands", "Lee notes", "which notes": a singular subject; wink tags a family name it does
    // not know a verb or adjective now and then ("though Lynch notes").
    // Not a word capitalised as its sentence's first ("Earlier notes show").
    const before = ts[i - 2 - aside]
    const mistagged =
      (prev.pos === "VERB" || prev.pos === "ADJ") &&
      /^\p{Lu}\p{Ll}/u.test(prev.text) &&
      before !== undefined &&
      before.sentence === prev.sentence &&
      before.pos !== "PUNCT"
    const singular = prev.pos === "PROPN" || (prev.pos === "NOUN" && !/s$/.test(prevWord)) || relative || mistagged
    return (singular || pronoun) && !startsUpper(t.text)
  }
  // "Officials vow", "Democrats question": a plural subject before the bare form.
  const plural =
    ((prev.pos === "NOUN" || prev.pos === "PROPN") && /[^s]s$/.test(prevWord)) ||
    (prev.pos === "PRON" && PLURAL_PRONOUNS.has(prevWord))
  return word === t.lemma && plural
}

/**
 * Does the verb at i meet its entry's neighbours: a topic word after it when it needs one ("spoke
 * about", "spoke out Tuesday about"), and no particle after it that makes it another verb ("backed out")?
 */
const neighbours = (ts: ReadonlyArray<Token>, i: number, entry: Entry): boolean => {
  if (entry.not?.includes(lower(ts[i + 1]))) return false
  if (entry.figure) return figureAfter(ts, i, entry.figure)
  if (!entry.topic) return true
  for (let k = i + 1; k < ts.length && k <= i + 4; k++) {
    const t = ts[k]
    if (entry.topic.includes(lower(t))) return true
    if (!t || (t.pos !== "ADV" && !Lexicon.isTimeWord(t))) return false
  }
  return false
}

const FIGURE_REACH = 16
const isFigure = (t: Token | undefined): boolean => t !== undefined && (t.pos === "NUM" || /^\d/.test(t.text))

/** One of `words` after the object of the verb at i, in its clause, with a figure after it (past an approximator). */
const figureAfter = (ts: ReadonlyArray<Token>, i: number, words: ReadonlyArray<string>): boolean => {
  for (let k = i + 2; k < ts.length && k <= i + FIGURE_REACH; k++) {
    const t = ts[k] as Token
    if (t.pos === "PUNCT" || t.sentence !== ts[i]?.sentence) return false
    if (!words.includes(t.lower)) continue
    let f = k + 1
    // "at about 9 million", "at €120m", "down to 11".
    while (f < k + 3 && (ts[f]?.pos === "ADV" || ts[f]?.pos === "SYM" || ts[f]?.pos === "ADP")) f++
    if (isFigure(ts[f])) return true
  }
  return false
}

/**
 * "The council is worried about the cost", "she was convinced that ...": a state of mind (attitudes)
 * after a linking verb (past adverbs), with what it is about after it: a preposition, "that" or a clause.
 */
const attitudeAt = (ts: ReadonlyArray<Token>, i: number): Match | null => {
  const t = ts[i] as Token
  if (t.pos !== "ADJ" && t.pos !== "VERB") return null
  // The linking verb first: most words have none before them, and need no lower-cased copy.
  let b = i - 1
  while (b >= 0 && (ts[b]?.pos === "ADV" || isNegator(ts[b]))) b--
  if (!linkingVerbs.has(ts[b]?.lemma ?? "")) return null
  const entry = attitudes.get(lower(t))
  if (!entry) return null
  const next = ts[i + 1]
  if (next === undefined) return null
  // "convinced the tunnel is safe": a clause with its verb a few words on.
  let clause = next.pos === "PRON" || next.pos === "SCONJ"
  if (next.pos === "DET" || next.pos === "PROPN")
    for (let k = i + 2; k < ts.length && k <= i + 6 && !clause; k++) {
      const p = ts[k]?.pos
      if (p === "PUNCT" || p === "ADP") break
      if (p === "AUX" || p === "VERB") clause = true
    }
  if (!clause && !attitudeOpeners.has(lower(next))) return null
  return withAdverb(ts, i, {
    next: i + 1,
    lemma: lower(t),
    stance: entry.stance ?? "asserts",
    hedged: entry.hedged ?? false,
    mode: null,
    clause: entry.clause ?? false,
    object: true,
  })
}

/** "let's say", "having said that", "needless to say": an idiom a cue word is part of, which reports nothing. */
const idioms: ReadonlyArray<ReadonlyArray<string>> = catalogue.idioms
/** Each word of an idiom, with every idiom it is in and its place there: a cue word is looked up once. */
const idiomsByWord = new Map<string, Array<{ readonly idiom: ReadonlyArray<string>; readonly at: number }>>()
for (const idiom of idioms)
  idiom.forEach((word, at) => {
    const list = idiomsByWord.get(word)
    if (list) list.push({ idiom, at })
    else idiomsByWord.set(word, [{ idiom, at }])
  })
/**
 * "Of the cases confirmed so far, 29 are children": a past participle after a noun that "of" or "among"
 * governs, with no object (a comma, an adverb, a time or a preposition other than "by" after it), describes that
 * noun; it reports nothing, as the noun, governed by a preposition, can be no subject.
 */
const reducedRelative = (ts: ReadonlyArray<Token>, i: number): boolean => {
  const t = ts[i] as Token
  if (!/(?:ed|en)$/.test(t.lower) || t.lower === t.lemma || ts[i - 1]?.pos !== "NOUN") return false
  if (beforeItsVerb(ts, i)) return true
  const next = ts[i + 1]
  // "the number of cases reported by the ministry": its agent after "by" is a source all the same.
  const bare =
    next?.text === "," ||
    next?.pos === "ADV" ||
    next?.pos === "ADP" ||
    Lexicon.isTimeWord(next) ||
    Lexicon.isTimeLead(next)
  if (!bare || next?.lower === "by") return false
  for (let k = i - 2; k >= 0 && i - k <= 5; k--) {
    const w = ts[k] as Token
    if (w.lower === "of" || w.lower === "among") return true
    if (!(w.pos === "NOUN" || w.pos === "ADJ" || w.pos === "DET" || w.pos === "NUM")) return false
  }
  return false
}

/** How many words of its time ("on Monday", "earlier this month") a participle may have before the verb after it. */
const PARTICIPLE_TIME_WORDS = 3

/**
 * "The measures announced on Monday will cost 40 million euros", "The cutbacks announced Tuesday translate into
 * 8 percent": a participle after its noun with at most its time after it, then the sentence's own verb: the
 * participle describes the noun (the measures that were announced), and nobody is reported.
 */
const beforeItsVerb = (ts: ReadonlyArray<Token>, i: number): boolean => {
  let k = i + 1
  while (k - i - 1 < PARTICIPLE_TIME_WORDS) {
    const w = ts[k]
    // "last week", "earlier this month", "in March"; not the "that" opening a reported clause.
    const time =
      (Lexicon.isTimePhraseWord(w) && w?.lower !== "that") ||
      isMonthWord(w?.text ?? "") ||
      ((w?.lower === "on" || w?.lower === "in") && k === i + 1)
    if (!time) break
    k++
  }
  // A finite verb: "denied being told", "admitted having known" go on with the cue's own object.
  const verb = ts[k]
  return verb !== undefined && (verb.pos === "AUX" || verb.pos === "VERB") && !/ing$/.test(verb.lower)
}

const inIdiom = (ts: ReadonlyArray<Token>, i: number): boolean => {
  for (const { idiom, at } of idiomsByWord.get(lower(ts[i])) ?? []) {
    if (wordsAt(ts, i - at, idiom)) return true
  }
  return false
}

// Shared, so that the many words that open no phrase allocate nothing.
const NO_PHRASES: ReadonlyArray<Phrase> = []

const QUOTE_OPENERS = new Set(["\u201C", '"'])

/**
 * "Union boss Greta Wollin hit back: '...'", "She shrugged: '...'": any verb right after a name or a pronoun,
 * with at most a particle, closed by a colon and an opening quotation mark, introduces what its subject says
 * ("The results came in: '...'" names no one who speaks).
 */
const quoteIntroducer = (ts: ReadonlyArray<Token>, i: number): Match | null => {
  const t = ts[i] as Token
  const prev = ts[i - 1]
  if (t.pos !== "VERB" || !(prev?.pos === "PROPN" || prev?.pos === "PRON")) return null
  const particle = ts[i + 1]?.pos === "ADP" || ts[i + 1]?.pos === "ADV" ? 1 : 0
  const colon = ts[i + 1 + particle]
  if (colon?.text !== ":" || !QUOTE_OPENERS.has(ts[i + 2 + particle]?.text ?? "")) return null
  return {
    first: i,
    next: i + 1 + particle,
    lemma: t.lemma,
    stance: "asserts",
    hedged: false,
    mode: null,
    clause: false,
    object: false,
  }
}

const lightVerbs: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(catalogue.lightVerbs as Record<string, ReadonlyArray<string>>).map(([verb, ns]) => [
    verb,
    new Set(ns),
  ]),
)

/**
 * "made the following comment:", "made the case that ...", "issued a warning that ...": a light verb (catalogue
 * lightVerbs) and, past determiners, adjectives and adverbs, a noun for what was said. The cue runs to the noun.
 */
const lightVerbAt = (ts: ReadonlyArray<Token>, i: number): Match | null => {
  const nouns = lightVerbs.get((ts[i] as Token).lemma)
  if (nouns === undefined) return null
  for (let k = i + 1; k < ts.length && k <= i + 5; k++) {
    const t = ts[k] as Token
    // Only with what was said right after the noun: "that", a colon or a quotation ("made a cake" says nothing).
    const said = ts[k + 1]?.lower === "that" || ts[k + 1]?.text === ":" || /^["\u201C]$/.test(ts[k + 1]?.text ?? "")
    if (t.pos === "NOUN" && nouns.has(t.lemma) && said)
      return withAdverb(ts, i, {
        next: k + 1,
        lemma: t.lemma,
        stance: "asserts",
        hedged: false,
        mode: null,
        clause: false,
        object: true,
      })
    if (t.pos !== "DET" && t.pos !== "ADJ" && t.pos !== "ADV" && !isPossessivePronoun(t)) return null
  }
  return null
}

/** The cue starting at token i of `ts`, or null. */
export const at = (ts: ReadonlyArray<Token>, i: number): Match | null => {
  const t = ts[i]
  if (!t || t.pos === "PUNCT" || t.pos === "DET" || t.pos === "NUM") return null
  // "the Rajdhani Express between Delhi and ...": a capitalised word right after a name, with the text going
  // on in lower case, is part of the name; in a headline written in capitals ("Lindsey Graham Says.", "New
  // Poll Shows Minor Bump") it is the verb.
  const before = ts[i - 1]
  const after = ts[i + 1]
  if (
    startsUpper(t.text) &&
    before?.pos === "PROPN" &&
    startsUpper(before.text) &&
    after !== undefined &&
    /^\p{Ll}/u.test(after.text)
  )
    return null
  for (const p of mayOpenPhrase(t.text) ? (phrasesByFirst.get(t.text) ?? NO_PHRASES) : NO_PHRASES) {
    if (wordsAt(ts, i, p.words)) {
      return withAdverb(ts, i, {
        next: i + p.words.length,
        lemma: p.lemma,
        stance: (p.stance as Attribution.Stance | undefined) ?? "asserts",
        hedged: false,
        mode: p.mode === "according-to" ? "according-to" : null,
        clause: false,
        object: p.object ?? false,
      })
    }
  }
  const prev = ts[i - 1]
  const next = ts[i + 1]
  if (t.pos !== "VERB" && t.pos !== "NOUN" && t.pos !== "ADJ") return null
  if (isPluralAfterFigure(ts, i)) return null
  const attitude = attitudeAt(ts, i)
  if (attitude) return attitude
  // The lemma's entry, else the entry of the verb the word is a regular form of: a word that is no such form
  // (nearly every one) is its own lemma, which then names no verb either, so it costs two lookups, not three.
  let lemma = t.lemma
  let entry = verbs.get(lemma)
  if (entry === undefined && verbForms.has(t.lower)) {
    lemma = lemmaOf(t.lower)
    entry = verbs.get(lemma)
  }
  if (!entry) return t.pos === "VERB" ? (lightVerbAt(ts, i) ?? quoteIntroducer(ts, i)) : null
  if (!neighbours(ts, i, entry) || inIdiom(ts, i) || reducedRelative(ts, i)) return null
  if (t.pos !== "VERB") {
    // wink tags "Analysts estimate the cost" or "The senator alleged that" as a noun or adjective
    // now and then: after a subject and before a clause it is the verb.
    // "Many say": a quantifier standing alone is a subject too.
    const subject = prev?.pos === "NOUN" || prev?.pos === "PROPN" || prev?.pos === "PRON" || Lexicon.isQuantifier(prev)
    // "Polling averages show Clinton ...": a plural subject agrees with the verb before a name.
    const pluralSubject = prev?.pos === "NOUN" && /s$/.test(prev.text) && prev.lemma !== prev.lower
    const clause =
      next?.pos === "DET" ||
      next?.pos === "PRON" ||
      next?.pos === "SCONJ" ||
      lower(next) === "that" ||
      (pluralSubject && next?.pos === "PROPN")
    // "Clinton is promising to ...": a progressive wink reads as an adjective.
    const progressive = prev?.pos === "AUX" && t.pos === "ADJ" && /ing$/i.test(t.text)
    // "..., The Wall Street Journal reports.": a name, then the verb closing the sentence.
    // "..., the council estimates.": a singular description set off by the comma before it does so too.
    const described =
      prev?.pos === "NOUN" &&
      prev.lemma === lower(prev) &&
      !/s$/.test(lower(prev)) &&
      lower(ts[i - 2]) === "the" &&
      ts[i - 3]?.text === ","
    const closing =
      (prev?.pos === "PROPN" || described) && next?.pos === "PUNCT" && /s$/.test(t.text) && t.lemma !== lower(t)
    // "Pence, plans to release", "Clinton wants to": a third-person intention before "to" is the verb.
    const intends =
      Lexicon.isIntention(lemma) &&
      lower(next) === "to" &&
      /s$/.test(lower(t)) &&
      (subject || prev?.text === "," || lower(prev) === "and")
    // "..., promising to cut taxes": a participle set off by a comma, before what it reports.
    const participle =
      prev?.text === "," &&
      /ing$/i.test(t.text) &&
      (lower(next) === "to" || lower(next) === "that" || next?.pos === "DET" || next?.pos === "PRON")
    if (
      !progressive &&
      !intends &&
      !participle &&
      !(subject && (clause || closing) && (t.pos === "NOUN" || t.pos === "ADJ")) &&
      !agrees(ts, i, entry)
    )
      return null
  }
  // "a German think tank": a verb tag inside a noun compound is no cue.
  const compound = prev?.pos === "ADJ" || prev?.pos === "DET" || prev?.pos === "PROPN"
  if (next?.pos === "NOUN" && compound && t.lower === t.lemma) return null
  return withAdverb(ts, i, {
    next: i + 1,
    lemma,
    stance: entry.stance ?? "asserts",
    hedged: entry.hedged ?? false,
    mode: null,
    clause: entry.clause ?? false,
    object: entry.object ?? false,
  })
}
