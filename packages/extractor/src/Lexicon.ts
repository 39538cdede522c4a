/**
 * The word classes attribution reads (lexicon.json), kept once: hedges, negators, titles, roles,
 * bodies and firms, pronouns and their gender, kin, evidence nouns, time words, possessives, conditionals.
 */
import { lower, type Token } from "./Analysis.js"
import lexicon from "./lexicon.json" with { type: "json" }

export type Gender = "male" | "female" | "plural" | "neuter" | "first"

const set = (words: ReadonlyArray<string>): ReadonlySet<string> => new Set(words)

const hedges = set(lexicon.hedges)
const negators = set(lexicon.negators)
const titles = set(lexicon.titles)
const roles = set(lexicon.roles)
const kin = set(lexicon.kin)
const evidence = set(lexicon.evidence)
const weekdays = set(lexicon.weekdays)
const timeWords = set([...lexicon.timeWords, ...lexicon.weekdays])
const timeNouns = set(lexicon.timeNouns)
const timeLeads = set(lexicon.timeLeads)
const possessives = set(lexicon.possessives)
const conditionals = set(lexicon.conditionals)
const intentions = set(lexicon.intentions)
const firms = set(lexicon.firms)
const documents = set(lexicon.documents)
const issuing = set(lexicon.issuingVerbs)
const objectControl = set(lexicon.objectControlVerbs)
const nonSpeakers = set(lexicon.nonSpeakers)
// Maps, not the JSON objects: a word such as "constructor" must not find Object's prototype.
const pronouns: ReadonlyMap<string, Gender> = new Map(Object.entries(lexicon.pronouns as Record<string, Gender>))
const gendered: ReadonlyMap<string, Gender> = new Map(Object.entries(lexicon.genderedWords as Record<string, Gender>))
const bodyWords = set(Object.entries(lexicon.bodies).flatMap(([head, endings]) => [head, ...endings]))
const bodies: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(lexicon.bodies).map(([head, endings]) => [head, set(endings)]),
)

/** A word that makes what it is in less than firm ("may", "reportedly", "estimates"). */
export const isHedge = (t: Token): boolean => hedges.has(lower(t)) || hedges.has(t.lemma)
export const isNegator = (t: Token | undefined): boolean =>
  t !== undefined && (negators.has(lower(t)) || t.lemma === "not")
export const isTitle = (t: Token | undefined): boolean => titles.has(lower(t))
/** A noun for a person by office: "the spokesman", "the official". */
export const isRole = (word: string): boolean => roles.has(word) || (word.endsWith("s") && roles.has(word.slice(0, -1)))
export const isKin = (t: Token | undefined): boolean => kin.has(lower(t))
export const isEvidence = (t: Token | undefined): boolean => evidence.has(lower(t))
export const isWeekday = (t: Token | undefined): boolean => weekdays.has(lower(t))
/** Words between a speaker and the cue or its content ("said Friday", "said again"). */
export const isTimeWord = (t: Token | undefined): boolean => timeWords.has(lower(t))
export const isTimeNoun = (t: Token | undefined): boolean => timeNouns.has(lower(t))
export const isTimeLead = (t: Token | undefined): boolean => timeLeads.has(lower(t))
export const isPossessive = (t: Token | undefined): boolean => possessives.has(lower(t))
export const isConditional = (t: Token | undefined): boolean => conditionals.has(lower(t))
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
/** "the company", "the operator": a description that stands for a business named in any form. */
export const isFirm = (word: string): boolean => firms.has(word)
/** "statement", "letter", "papers": a document that speaks for whoever put it out. */
export const isDocument = (t: Token | undefined): boolean => documents.has(lower(t))
/** "issue", "release", "file": a verb that puts a document out, its subject the document's speaker. */
export const isIssuing = (lemma: string): boolean => issuing.has(lemma)
/** "prices", "the storm": a noun for what is measured or what happens, which says nothing (singular or plural). */
export const isNonSpeaker = (t: Token | undefined): boolean => {
  const word = lower(t)
  return (
    nonSpeakers.has(word) ||
    (word.endsWith("s") && nonSpeakers.has(word.slice(0, -1))) ||
    (word.endsWith("es") && nonSpeakers.has(word.slice(0, -2)))
  )
}
/** "asked the mayor to explain": a verb whose object, not its subject, does what the infinitive after it says. */
export const isObjectControl = (lemma: string): boolean => objectControl.has(lemma)
