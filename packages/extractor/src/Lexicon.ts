/**
 * The word classes attribution reads (lexicon.json), kept once: hedges, negators, titles, roles,
 * bodies and firms, pronouns and their gender, kin, evidence nouns, time words, possessives, conditionals.
 */
import type { Token } from "./Analysis.js"
import lexicon from "./lexicon.json" with { type: "json" }
import { MONTHS } from "./TimeExpressions.js"

export type Gender = "male" | "female" | "plural" | "neuter" | "first"

const set = (words: ReadonlyArray<string>): ReadonlySet<string> => new Set(words)

const hedges = set(lexicon.hedges)
const negators = set(lexicon.negators)
const negativeSubjects = set(lexicon.negativeSubjects)
const titles = set(lexicon.titles)
const roles = set(lexicon.roles)
const occupations = set(lexicon.occupations)
const kin = set(lexicon.kin)
const evidence = set(lexicon.evidence)
const weekdays = set(lexicon.weekdays)
const timeZones = set(lexicon.timeZones)
const timeWords = set([...lexicon.timeWords, ...lexicon.weekdays])
const timeNouns = set(lexicon.timeNouns)
const timeLeads = set(lexicon.timeLeads)
const possessives = set(lexicon.possessives)
const articles = set(lexicon.articles)
const conditionals = set(lexicon.conditionals)
const modals = set(lexicon.modals)
const nounVerbs = set(lexicon.nounVerbs)
const intentions = set(lexicon.intentions)
const firms = set(lexicon.firms)
const documents = set(lexicon.documents)
const issuing = set(lexicon.issuingVerbs)
const objectControl = set(lexicon.objectControlVerbs)
const nonSpeakers = set(lexicon.nonSpeakers)
const quantifiers = set(lexicon.quantifiers)
const pluralNouns = set(lexicon.pluralNouns)
const singularSubjects = set(lexicon.singularSubjects)
const officePrepositions = set(lexicon.officePrepositions)
const placeWords = set(lexicon.placeWords)
const placePrepositions = set(lexicon.placePrepositions)
const clauseLinks = set(lexicon.clauseLinks)
const contrastLinks = set(lexicon.contrastLinks)
const continuingLinks = set(lexicon.continuingLinks)
/** The naming phrases as lower-case words, longest first, so "gave his name only as" is tried before "named only as". */
const namingPhrases: ReadonlyArray<ReadonlyArray<string>> = lexicon.namingPhrases
  .map((p) => p.split(" "))
  .sort((a, b) => b.length - a.length)
// Maps, not the JSON objects: a word such as "constructor" must not find Object's prototype.
const pronouns: ReadonlyMap<string, Gender> = new Map(Object.entries(lexicon.pronouns as Record<string, Gender>))
const gendered: ReadonlyMap<string, Gender> = new Map(Object.entries(lexicon.genderedWords as Record<string, Gender>))
const bodyWords = set(Object.entries(lexicon.bodies).flatMap(([head, endings]) => [head, ...endings]))
const bodies: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(lexicon.bodies).map(([head, endings]) => [head, set(endings)]),
)

// The classes a token's word is in, as bits of Token.classes (see classesOf).
const HEDGE = 1
const NEGATOR = 2
const TITLE = 4
const KIN = 8
const EVIDENCE = 16
const WEEKDAY = 32
const TIME_WORD = 64
const TIME_NOUN = 128
const TIME_LEAD = 256
const POSSESSIVE = 512
const CONDITIONAL = 1024
const DOCUMENT = 2048
const NON_SPEAKER = 4096
const QUANTIFIER = 8192
const PLACE_WORD = 16384
const ARTICLE = 32768
const BODY_WORD = 65536
const MODAL = 131072

/** "prices", "the storm": a noun for what is measured or what happens (singular or plural). */
const nonSpeaker = (word: string): boolean =>
  nonSpeakers.has(word) ||
  (word.endsWith("s") && nonSpeakers.has(word.slice(0, -1))) ||
  (word.endsWith("es") && nonSpeakers.has(word.slice(0, -2)))

/**
 * The classes below a word is in, from its lower case and lemma, as bits. Analysis makes them once per
 * word and keeps them on each token (Token.classes): the rules ask about a token's class hundreds of
 * thousands of times per hundred articles, and a bit is read where a set was searched.
 */
export const classesOf = (lower: string, lemma: string): number =>
  (hedges.has(lower) || hedges.has(lemma) ? HEDGE : 0) |
  (negators.has(lower) || lemma === "not" ? NEGATOR : 0) |
  (titles.has(lower) ? TITLE : 0) |
  (kin.has(lower) ? KIN : 0) |
  (evidence.has(lower) ? EVIDENCE : 0) |
  (weekdays.has(lower) ? WEEKDAY : 0) |
  (timeWords.has(lower) ? TIME_WORD : 0) |
  (timeNouns.has(lower) ? TIME_NOUN : 0) |
  (timeLeads.has(lower) ? TIME_LEAD : 0) |
  (possessives.has(lower) ? POSSESSIVE : 0) |
  (conditionals.has(lower) ? CONDITIONAL : 0) |
  (documents.has(lower) ? DOCUMENT : 0) |
  (nonSpeaker(lower) ? NON_SPEAKER : 0) |
  (quantifiers.has(lower) ? QUANTIFIER : 0) |
  (placeWords.has(lower) ? PLACE_WORD : 0) |
  (articles.has(lower) ? ARTICLE : 0) |
  (bodyWords.has(lower) ? BODY_WORD : 0) |
  (modals.has(lower) ? MODAL : 0)

const is = (t: Token | undefined, bit: number): boolean => t !== undefined && (t.classes & bit) !== 0

/** A word that makes what it is in less than firm ("may", "reportedly", "estimates"). */
export const isHedge = (t: Token): boolean => is(t, HEDGE)
export const isNegator = (t: Token | undefined): boolean => is(t, NEGATOR)
/** "Nobody", "None": a pronoun that negates the clause it is the subject of (lexicon.json negativeSubjects). */
export const isNegativeSubject = (t: Token | undefined): boolean => t !== undefined && negativeSubjects.has(t.lower)
export const isTitle = (t: Token | undefined): boolean => is(t, TITLE)
/** "cost", "plans": a verb the tagger may read as a noun before a figure (lexicon.json nounVerbs), by its lower case. */
export const isNounVerb = (lower: string): boolean => nounVerbs.has(lower)
/** "would", "can", "'ll": an auxiliary after which a verb stands in its base form (lexicon.json modals). */
export const isModal = (t: Token | undefined): boolean => is(t, MODAL)
/** "rev.", "del.": an abbreviated title as written with its full stop, by its lower case. */
export const isTitleWord = (word: string): boolean => titles.has(word)
/** A noun for a person by office: "the spokesman", "the official". */
export const isRole = (word: string): boolean => roles.has(word) || (word.endsWith("s") && roles.has(word.slice(0, -1)))
/** A noun for a person by trade, written in lower case: "the engineer" (lexicon.json occupations). */
export const isOccupation = (t: Token | undefined): boolean =>
  t !== undefined && t.text === t.text.toLowerCase() && occupations.has(t.text.replace(/s$/, ""))
export const isKin = (t: Token | undefined): boolean => is(t, KIN)
export const isEvidence = (t: Token | undefined): boolean => is(t, EVIDENCE)
export const isWeekday = (t: Token | undefined): boolean => is(t, WEEKDAY)
/**
 * A word (lower case) that goes on with a time of day written before it ("9 p.m. Tuesday", "6am GMT",
 * "10 a.m. March 3", "Sept."): a weekday, a month or its short form, a time zone.
 */
export const continuesTime = (lower: string): boolean => {
  if (weekdays.has(lower) || timeZones.has(lower)) return true
  const w = lower.endsWith(".") ? lower.slice(0, -1) : lower
  return w.length >= 3 && MONTHS.some((m) => m === w || (w.length <= 4 && m.startsWith(w)))
}
/** Words between a speaker and the cue or its content ("said Friday", "said again"). */
export const isTimeWord = (t: Token | undefined): boolean => is(t, TIME_WORD)
export const isTimeNoun = (t: Token | undefined): boolean => is(t, TIME_NOUN)
export const isTimeLead = (t: Token | undefined): boolean => is(t, TIME_LEAD)
/** A word of a time phrase ("Friday", "earlier", "last week", "this morning"): a weekday, time word, noun or lead. */
export const isTimePhraseWord = (t: Token | undefined): boolean =>
  isWeekday(t) || isTimeWord(t) || isTimeNoun(t) || isTimeLead(t)
export const isPossessive = (t: Token | undefined): boolean => is(t, POSSESSIVE)
export const isArticle = (t: Token | undefined): boolean => is(t, ARTICLE)
export const isConditional = (t: Token | undefined): boolean => is(t, CONDITIONAL)
/** A cue lemma that reports what someone means to do ("plans to", "wants"), not what is so. */
export const isIntention = (lemma: string): boolean => intentions.has(lemma)
/** The gender and number a pronoun asks of its antecedent, if the word is a pronoun. */
export const pronounGender = (word: string): Gender | undefined => pronouns.get(word)
/** The gender a word in or beside a name tells ("Mrs.", "sister", "spokeswoman"). */
export const wordGender = (word: string): Gender | undefined => gendered.get(word)
/** "the company" → the endings a named body may have to be one ("Corp.", "Inc."), if the noun names a body. */
export const bodyEndings = (noun: string): ReadonlySet<string> | undefined => bodies.get(noun)
/** A word that marks a group as an organisation ("ministry", "corp."), never a person. */
export const isBodyWord = (word: string): boolean => bodyWords.has(word)
/** isBodyWord of a token's lower case, read from its classes: the resolver asks it of nearly every token. */
export const isBody = (t: Token | undefined): boolean => is(t, BODY_WORD)
/** "the company", "the operator": a description that stands for a business named in any form. */
export const isFirm = (word: string): boolean => firms.has(word)
/** "statement", "letter", "papers": a document that speaks for whoever put it out. */
export const isDocument = (t: Token | undefined): boolean => is(t, DOCUMENT)
/** "issue", "release", "file": a verb that puts a document out, its subject the document's speaker. */
export const isIssuing = (lemma: string): boolean => issuing.has(lemma)
/** "prices", "the storm": a noun for what is measured or what happens, which says nothing (singular or plural). */
export const isNonSpeaker = (t: Token | undefined): boolean => is(t, NON_SPEAKER)
/** "asked the mayor to explain": a verb whose object, not its subject, does what the infinitive after it says. */
export const isObjectControl = (lemma: string): boolean => objectControl.has(lemma)
/** "every", "any", "no": a determiner that quantifies, so its noun names no one thing. */
export const isQuantifier = (t: Token | undefined): boolean => is(t, QUANTIFIER)

/** A noun that is plural without an -s ("people", "staff", "police"; lexicon.json pluralNouns). */
export const isPluralNoun = (word: string): boolean => pluralNouns.has(word)

/** A personal pronoun that is a singular subject ("she"; lexicon.json singularSubjects). */
export const isSingularSubject = (word: string): boolean => singularSubjects.has(word)

/** A preposition inside a description of an office ("director for regional titles"; lexicon.json officePrepositions). */
export const isOfficePreposition = (word: string): boolean => officePrepositions.has(word)
/** "river", "dam": a word that makes the name it opens or closes a place ("the River Malle", "Ostvald Dam"). */
export const isPlaceWord = (t: Token | undefined): boolean => is(t, PLACE_WORD)
/** "Round the corner, ...": a preposition of place that may open a sentence (lexicon.json placePrepositions). */
export const isPlacePreposition = (word: string): boolean => placePrepositions.has(word)
/** A word joining a clause of its own on to a reported one ("though", "while"), by its lower case. */
export const isClauseLink = (word: string): boolean => clauseLinks.has(word)
/** A link setting a second speaker against the first ("while", "whereas", "but"), by its lower case. */
export const isContrastLink = (word: string): boolean => contrastLinks.has(word)
/** "that", "because", "since": a clause after a cue set off by commas that goes on with the words before it. */
export const isContinuingLink = (word: string): boolean => continuingLinks.has(word)
/**
 * "calling itself", "gave his name as": the number of tokens of the naming phrase starting at token k, the name
 * it gives coming right after; 0 when none starts there.
 */
export const namingPhraseAt = (ts: ReadonlyArray<Token>, k: number): number => {
  for (const words of namingPhrases) if (words.every((w, j) => ts[k + j]?.lower === w)) return words.length
  return 0
}
