/**
 * Who is speaking: noun groups built from part-of-speech tags (wink has no parser), datelines and
 * bylines that are no speaker, and the resolution of pronouns, short names, descriptions and acronyms
 * to the fullest mention they stand for within the article.
 */
import type { Span } from "@crosscheck/domain"
import { lower, startsUpper, type Token, wordsAt } from "./Analysis.js"
import * as Cues from "./Cues.js"
import * as Lexicon from "./Lexicon.js"
import * as TimeExpressions from "./TimeExpressions.js"

export interface Group {
  /** Token range, end exclusive. */
  readonly first: number
  readonly next: number
}

const NOMINAL = new Set(["PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON"])
const HEADS = new Set(["PROPN", "NOUN", "PRON", "NUM"])
const RELATIVE = new Set(["who", "which", "that", "whom"])
const INSIDE_ADP = new Set([
  "of",
  "from",
  "for",
  "at",
  "in",
  "with",
  "on",
  "by",
  "across",
  "around",
  "throughout",
  "near",
  "outside",
  "along",
])
const LOCATIVE = new Set(["in", "at", "from", "to", "near", "into", "across", "outside"])
const MAX_GROUP = 14

const closesSentence = (t: Token | undefined): boolean => t === undefined || t.text === "." || t.text === ";"
const isVerb = (t: Token | undefined): boolean => t?.pos === "VERB" || t?.pos === "AUX"

/**
 * Whether the token at `first` ends, as the object of a preposition, a noun phrase that opens its
 * sentence: "The surveyor appointed by [the council]", "The charity that ran the scheme with [the
 * council]". Back to the sentence's start, at most 12 words, there is a preposition and no punctuation,
 * every verb is a participle with its preposition ("appointed by") or a relative clause's, and the
 * phrase's first noun is singular: a name set after it is that noun's.
 */
const inOpeningPhrase = (ts: ReadonlyArray<Token>, first: number): boolean => {
  const sentence = ts[first]?.sentence
  let preposition = false
  /** The phrase's first noun: a plural one ("Engineers from the operator, Kelso Chemicals,") takes no name. */
  let head: Token | undefined
  for (let k = first - 1; k >= 0 && ts[k]?.sentence === sentence; k--) {
    if (ts[k]?.pos === "NOUN") head = ts[k]
    const t = ts[k] as Token
    if (t.type === "tabCRLF") break
    if (isPunct(t)) return false
    if (first - k > 12) return false
    if (t.pos === "ADP") preposition = true
    else if (isVerb(t) && !(t.pos === "VERB" && /(?:ed|en|ing)$/.test(t.text) && ts[k + 1]?.pos === "ADP")) {
      if (!isRelativePronoun(ts[k - 1])) return false
      k--
    }
  }
  return preposition && head !== undefined && !/[^su]s$/i.test(head.text)
}
const isPunct = (t: Token | undefined): boolean => t?.pos === "PUNCT" || t?.pos === "SYM"
const isName = (t: Token | undefined): boolean => t !== undefined && t.pos === "PROPN" && startsUpper(t.text)

const member = (ts: ReadonlyArray<Token>, k: number, first: number): boolean => {
  const t = ts[k]
  if (!t) return false
  if (t.pos === "PRON" && RELATIVE.has(lower(t))) return false
  // "the utility whose cables investigators blame": the relative and the noun it owns are no part of the subject.
  if (lower(t) === "whose" || lower(ts[k - 1]) === "whose") return false
  if (NOMINAL.has(t.pos)) return true
  if (t.pos === "PART" && (t.text === "'s" || t.text === "\u2019s" || t.text === "'")) return true
  // "the Saldera Growers' Union", "the doctors' association": a plural possessive's apostrophe inside a group.
  const owned = ts[k + 1]
  if (
    (t.text === "'" || t.text === "\u2019") &&
    /s$/.test(ts[k - 1]?.text ?? "") &&
    (isName(owned) || owned?.pos === "NOUN" || (owned?.pos === "VERB" && ts[k + 2]?.pos === "NOUN"))
  )
    return true
  if (t.pos === "PUNCT" && (t.text === "-" || t.text === "&")) return true
  // "Marlowe & Finch", "Procter & Gamble": wink tags the ampersand between two names a conjunction.
  if (t.text === "&" && isName(ts[k - 1]) && isName(ts[k + 1])) return true
  // "White House press secretary Josh Earnest": wink tags an unknown first name as anything.
  if (k > first && startsUpper(t.text) && ts[k + 1]?.pos === "PROPN" && t.pos !== "PUNCT") return true
  // "Skyward's managing director": a capitalised word wink tags anything before a possessive is its owner's name.
  const mark = ts[k + 1]
  if (isMistaggedName(t) && mark?.pos === "PART" && (mark.text === "'s" || mark.text === "\u2019s")) return true
  // "The Brindlecote Fell Watch says": a capitalised word wink tags a verb between a name and another such word.
  if (k > first && namePart(ts, k) && isMistaggedName(ts[k + 1])) return true
  // "a German think tank": wink tags a compound's first noun as a verb now and then; so too a participle
  // after an owner or a hyphen ("the firm's managing director", "the court-appointed receiver").
  const next = ts[k + 1]
  const before = ts[k - 1]
  const opens =
    NOMINAL.has(before?.pos ?? "") ||
    before?.text === "-" ||
    before?.text === "'s" ||
    before?.text === "\u2019s" ||
    // "Glacia Rinks' managing director": a plural owner's apostrophe.
    ((before?.text === "'" || before?.text === "\u2019") && /s$/.test(ts[k - 2]?.text ?? ""))
  if (t.pos === "VERB" && k > first && next?.pos === "NOUN" && opens) return true
  // "an analysis of newly filed reports": a participle, with its adverb, before the noun it describes.
  if (k > first && t.pos === "ADV" && participleBeforeNoun(ts, k + 1) && t.text.endsWith("ly")) return true
  if (k > first && t.pos === "VERB" && participleBeforeNoun(ts, k) && ts[k - 1]?.text.endsWith("ly")) return true
  // "South Korea's new liberal president": wink reads "new" as an adverb there.
  const prev = ts[k - 1]
  if (t.pos === "ADV" && k > first && next?.pos === "ADJ" && (prev?.pos === "PART" || NOMINAL.has(prev?.pos ?? "")))
    return true
  return false
}

/** "filed reports": a past participle right before a noun. */
const participleBeforeNoun = (ts: ReadonlyArray<Token>, j: number): boolean => {
  const t = ts[j]
  return t !== undefined && t.pos === "VERB" && t.text.endsWith("ed") && ts[j + 1]?.pos === "NOUN"
}

/**
 * "Its chief, Captain Ada Berger,": wink tags a role it reads as an adjective elsewhere ("chief") so here too;
 * "The city's housing lead, councillor Ruth Abara,": or as a verb ("lead", "head"), after a noun or an owner's
 * "'s" that it closes the group of.
 */
const isRoleHead = (ts: ReadonlyArray<Token>, k: number): boolean => {
  const t = ts[k]
  if (t === undefined || !Lexicon.isRole(lower(t))) return false
  if (t.pos === "ADJ") return true
  const prev = ts[k - 1]
  return (
    t.pos === "VERB" &&
    !startsUpper(t.text) &&
    (prev?.pos === "NOUN" || prev?.text === "'s" || prev?.text === "\u2019s")
  )
}

/** "Lynch said": wink tags a family name it does not know as a verb or adjective now and then. */
const isMistaggedName = (t: Token | undefined): boolean =>
  t !== undefined && (t.pos === "VERB" || t.pos === "ADJ" || t.pos === "ADV") && startsUpper(t.text) && t.text !== "I"

const lowerVerb = (t: Token | undefined): boolean => (t?.pos === "VERB" || t?.pos === "AUX") && !startsUpper(t.text)

/**
 * "Grant" in "Grant Aldous": a capitalised word wink tags a verb or an adjective before a name; not a report
 * verb ("Says Ada Holt") nor a word of time ("Later Dr Fitch said").
 */
const firstNamePart = (ts: ReadonlyArray<Token>, k: number): boolean => {
  const t = ts[k]
  return (
    (t?.pos === "VERB" || t?.pos === "ADJ") &&
    isMistaggedName(t) &&
    isName(ts[k + 1]) &&
    !Lexicon.isTimeWord(t) &&
    !isCueWord(t)
  )
}

/**
 * "Skyward" in "according to its operator, Skyward Attractions": inside a sentence, after a comma or a
 * preposition, a capitalised word wink tags an adverb before a name is the name's first word.
 */
const adverbNamePart = (ts: ReadonlyArray<Token>, k: number): boolean => {
  const t = ts[k]
  return (
    t?.pos === "ADV" &&
    isMistaggedName(t) &&
    isName(ts[k + 1]) &&
    (ts[k - 1]?.text === "," || ts[k - 1]?.pos === "ADP") &&
    !Lexicon.isTimeWord(t)
  )
}

/** A word the cue catalogue reads as a verb of report, by its lemma or as written. */
const isCueWord = (t: Token | undefined): boolean =>
  Cues.verb(t?.lemma ?? "") !== undefined || Cues.verb(lower(t)) !== undefined

/**
 * "Fell" in "the Brindlecote Fell Watch", "Shipping" in "Drecht Shipping": a capitalised word wink tags a verb or
 * an adjective right after a name goes on that name; not a report verb ("Ada Holt Says ..." in a headline).
 */
const namePart = (ts: ReadonlyArray<Token>, k: number): boolean => {
  const t = ts[k]
  const prev = ts[k - 1]
  // "Morag Till", "Ana May": a family name wink tags a preposition or an auxiliary, after a name.
  const word =
    isMistaggedName(t) || (t !== undefined && startsUpper(t.text) && FUNCTION_NAMES.has(t.pos) && isName(prev))
  return word && (isName(prev) || (isMistaggedName(prev) && isName(ts[k - 2]))) && !isCueWord(t)
}

/** Parts of speech wink gives some family names ("Till", "May", "Will") when capitalised after a first name. */
const FUNCTION_NAMES: ReadonlySet<string> = new Set(["ADP", "AUX", "SCONJ"])

/** A day or a month by name ("Wednesday", "October"), or "today", "yesterday": a time, never a speaker. */
const isNamedTime = (t: Token | undefined): boolean =>
  Lexicon.isWeekday(t) ||
  (t !== undefined && startsUpper(t.text) && (TimeExpressions.MONTHS as ReadonlyArray<string>).includes(lower(t)))

/** The first owner's "'s" inside a group, or -1. */
const possessiveIn = (ts: ReadonlyArray<Token>, g: Group): number => {
  for (let k = g.first; k < g.next; k++) if (ts[k]?.text === "'s" || ts[k]?.text === "\u2019s") return k
  return -1
}

/** How many sentences back an owner's role ("Vesk's lawyer") looks for the name set beside that role. */
const OWNER_ROLE_REACH = 10

/** "10:15", "09.40", "4.05pm": a time of day, as a live blog opens each entry with. */
const CLOCK = /^(?:[01]?\d|2[0-3])[:.][0-5]\d(?:am|pm)?$/i

const trimHead = (ts: ReadonlyArray<Token>, g: Group): Group | null => {
  let { first, next } = g
  // "10:15 Mr Kerr says": a live blog's time of day opening the entry is when, not who.
  while (
    first < next &&
    (ts[first]?.pos === "ADP" ||
      ts[first]?.pos === "PUNCT" ||
      ts[first]?.pos === "PART" ||
      CLOCK.test(ts[first]?.text ?? ""))
  )
    first++
  // "On Wednesday the hospital said", "In October a survey found": a day or a month before the group's
  // determiner is when, not who.
  while (first + 1 < next && isNamedTime(ts[first]) && ts[first + 1]?.pos === "DET") first++
  while (
    next > first &&
    !HEADS.has(ts[next - 1]?.pos ?? "") &&
    !(next === g.next && (isMistaggedName(ts[next - 1]) || namePart(ts, next - 1) || isRoleHead(ts, next - 1)))
  )
    next--
  return next > first ? { first, next } : null
}

/** The noun group that ends at token `end` (exclusive), not reaching before `floor`. */
export const before = (ts: ReadonlyArray<Token>, end: number, floor: number): Group | null => {
  let k = end - 1
  if (k < floor || !(HEADS.has(ts[k]?.pos ?? "") || isMistaggedName(ts[k]) || isRoleHead(ts, k))) return null
  if (ts[k]?.pos === "PRON" && RELATIVE.has(lower(ts[k]))) return { first: k, next: end }
  // "In a statement to investors it said", "In a statement on Monday it said": a personal pronoun is a group
  // of its own, whatever phrase stands before it (lexicon pronouns; not a possessive, which opens a group).
  if (ts[k]?.pos === "PRON" && !Lexicon.isPossessive(ts[k]) && Lexicon.pronounGender(lower(ts[k])) !== undefined)
    return { first: k, next: end }
  while (k - 1 >= floor && end - k < MAX_GROUP) {
    const prev = ts[k - 1]
    // "In a short statement it said", "In a statement the store said": a determiner or a pronoun after a
    // document's noun (lexicon documents) opens a group of its own.
    if ((ts[k]?.pos === "DET" || ts[k]?.pos === "PRON") && prev?.pos === "NOUN" && Lexicon.isDocument(prev)) break
    // "On Friday afternoon the company said", "Late on Friday the firm said": a time before an article is no
    // part of the group the article opens (lexicon weekdays, timeNouns, timeWords).
    if (Lexicon.isArticle(ts[k]) && (Lexicon.isWeekday(prev) || Lexicon.isTimeNoun(prev) || Lexicon.isTimeWord(prev)))
      break
    if (member(ts, k - 1, floor)) k--
    else if (prev?.pos === "ADP" && INSIDE_ADP.has(lower(prev)) && k - 2 >= floor && member(ts, k - 2, floor)) k -= 2
    else if (
      // "one of those targeted by the sanctions"
      prev?.pos === "ADP" &&
      lower(prev) === "by" &&
      k - 3 >= floor &&
      ts[k - 2]?.pos === "VERB" &&
      (ts[k - 3]?.pos === "DET" || ts[k - 3]?.pos === "PRON")
    )
      k -= 3
    else if (prev?.pos === "CCONJ" && lower(prev) === "and" && isName(ts[k]) && isName(ts[k - 2])) k -= 2
    // "The trust's head of surveys and monitoring", "the chain's head of customer experience and store
    // design": nouns joined by "and" after an office's "of", each of one or two words.
    else if (lower(prev) === "and" && ts[k]?.pos === "NOUN" && ts[k - 2]?.pos === "NOUN") {
      const of = lower(ts[k - 3]) === "of" ? k - 3 : lower(ts[k - 4]) === "of" && ts[k - 3]?.pos === "NOUN" ? k - 4 : -1
      if (of < 0 || of - 1 < floor) break
      k = of + 1
    }
    // "Grant Aldous said": a first name wink tags a verb.
    else if (firstNamePart(ts, k - 1)) k--
    else break
  }
  return trimHead(ts, { first: k, next: end })
}

/** The noun group that starts at token `start`, not reaching `ceiling`. */
export const after = (ts: ReadonlyArray<Token>, start: number, ceiling: number): Group | null => {
  let k = start
  if (ts[k]?.pos === "PRON" && RELATIVE.has(lower(ts[k]))) return null
  while (k < ceiling && k - start < MAX_GROUP) {
    const t = ts[k]
    if (member(ts, k, start)) k++
    else if (t?.pos === "ADP" && lower(t) === "of" && k + 1 < ceiling && member(ts, k + 1, start)) k++
    // "United States Citizenship and Immigration Services": "and" inside a run of names.
    else if (lower(t) === "and" && k + 1 < ceiling && isName(ts[k - 1]) && isName(ts[k + 1])) k++
    // "the National Institute for Infection Control": "for" inside a run of names, as "of" is.
    else if (lower(t) === "for" && k + 1 < ceiling && isName(ts[k - 1]) && isName(ts[k + 1])) k++
    // "Brightline Shipping, which ...": a capitalised word wink tags a verb, closing a name before a comma.
    // "according to its owner, Drecht Shipping.": or the sentence.
    // "The Brindlecote Fell Watch says": or a verb in lower case.
    else if (
      k > start &&
      namePart(ts, k) &&
      (ts[k + 1]?.text === "," || closesSentence(ts[k + 1]) || lowerVerb(ts[k + 1]))
    )
      k++
    // "The Brindlecote Fell Watch": one between a name and another such word.
    else if (k > start && namePart(ts, k) && isMistaggedName(ts[k + 1])) k++
    // "Grant Aldous": a first name wink tags a verb, before a name.
    else if (k === start && firstNamePart(ts, k)) k++
    else if (k === start && adverbNamePart(ts, k)) k++
    else break
  }
  if (k === start) return null
  return trimHead(ts, { first: start, next: k })
}

/** A word in capitals ("SEOUL", "TONG-HYUNG" in pieces, "U.S."): the pattern only for a word opening in a capital. */
const isCaps = (t: Token | undefined): boolean =>
  t !== undefined && startsUpper(t.text) && /^\p{Lu}[\p{Lu}.'\u2019]+$/u.test(t.text)
const DASHES = new Set(["-", "--", "\u2014", "\u2013"])

/** A month's name or its short form ("January", "Jan.", "Sept"; TimeExpressions). */
const isMonthWord = (t: Token | undefined): boolean => t !== undefined && TimeExpressions.isMonthWord(t.text)

/**
 * Past the day a dateline gives after its place ("6 January", "Jan. 6", "January 6, 2027") from k: a
 * month's name with a day of one or two digits, a dot after a short month and a year after a comma; k
 * itself when no such day is there.
 */
const pastDatelineDay = (ts: ReadonlyArray<Token>, k: number, limit: number): number => {
  let e = k
  let month = false
  let day = false
  while (e < limit && e - k < 6) {
    const t = ts[e] as Token
    if (isMonthWord(t) && !month) month = true
    else if (/^\d{1,2}$/.test(t.text) && !day) day = true
    else if (t.text === "." && month && isMonthWord(ts[e - 1])) {
      // "Jan. 6": the short month's dot.
    } else if (t.text === "," && month && day && /^\d{4}$/.test(ts[e + 1]?.text ?? "")) e++
    else break
    e++
  }
  return month && day ? e : k
}

/** The end of a dateline ("SEOUL, South Korea (AP) —", "WASHINGTON --") or byline ("By KIM TONG-HYUNG") at k. */
const leadAt = (ts: ReadonlyArray<Token>, k: number, limit: number): number => {
  const t = ts[k]
  if (t?.text === "By" && isCaps(ts[k + 1])) {
    let e = k + 1
    while (e < limit && (isCaps(ts[e]) || (ts[e]?.text === "-" && isCaps(ts[e + 1])) || lower(ts[e]) === "and")) e++
    // "By JANE MARLOW Associated Press": the agency on the byline's own line.
    let n = e
    while (n < limit && n - e < 3 && startsUpper(ts[n]?.text ?? "") && ts[n]?.pos !== "PUNCT") n++
    return ts[n]?.type === "tabCRLF" || n >= limit ? n : e
  }
  if (!isCaps(t) || (t?.text.length ?? 0) < 3) return k
  let e = k + 1
  while (e < limit && e - k < 4 && (isCaps(ts[e]) || ts[e]?.text === "-")) e++
  if (ts[e]?.text === ",") {
    e++
    while (e < limit && e - k < 10 && isName(ts[e]) && !isNamedTime(ts[e]) && !isMonthWord(ts[e])) e++
    // "VARROWICK, 6 January (Corvane Press) -", "LONDON, Jan. 6 (Reuters) -": the day of the dateline.
    if (ts[e]?.text === "," && isMonthWord(ts[e + 1])) e++
    e = pastDatelineDay(ts, e, limit)
  }
  if (ts[e]?.text === "(") {
    // "(AP)", "(Harnet Press)": an agency of up to three words.
    let close = e + 1
    while (close < limit && close - e <= 3 && ts[close]?.text !== ")" && startsUpper(ts[close]?.text ?? "")) close++
    if (close === e + 1 || ts[close]?.text !== ")") return k
    e = close + 1
  }
  return DASHES.has(ts[e]?.text ?? "") ? e + 1 : k
}

/**
 * Where a sentence's own words start, past a dateline or byline in its first tokens: wire copy puts
 * "SEOUL, South Korea (AP) —" before the first sentence, and neither ever speaks.
 */
export const leadEnd = (ts: ReadonlyArray<Token>, first: number, limit: number): number => {
  let start = first
  const end = Math.min(limit, first + 40)
  for (let k = first; k < end; k++) {
    const prev = ts[k - 1]
    if (k > first && prev && prev.pos !== "PUNCT" && prev.pos !== "SYM" && prev.type !== "tabCRLF") {
      if (ts[k]?.text !== "By") continue
    }
    const e = leadAt(ts, k, limit)
    if (e > k) {
      start = e
      k = e - 1
    }
  }
  while (start < limit && ts[start]?.type === "tabCRLF") start++
  return start
}

/** "who", "which", "that", "whom": a word that opens a relative clause. */
export const isRelativePronoun = (t: Token | undefined): boolean => t !== undefined && RELATIVE.has(lower(t))

export const isRelative = (ts: ReadonlyArray<Token>, g: Group): boolean =>
  g.next - g.first === 1 && RELATIVE.has(lower(ts[g.first]))

/** "Estimates from a German think tank" names the think tank as the source. */
export const evidenceHolder = (ts: ReadonlyArray<Token>, g: Group): Group | null => {
  if (!Lexicon.isEvidence(ts[g.first]) && !Lexicon.isEvidence(ts[g.first + 1])) return null
  // "figures the hospital gave to the board": the subject of a relative clause with no "that" holds them.
  const noun = Lexicon.isEvidence(ts[g.first]) ? g.first : g.first + 1
  const opener = ts[noun + 1]
  if (opener?.pos === "DET" || isName(opener)) {
    const holder = after(ts, noun + 1, Math.min(ts.length, noun + 1 + MAX_GROUP))
    if (holder && isVerb(ts[holder.next])) return holder
  }
  for (let k = g.first; k < g.next; k++) {
    const w = lower(ts[k])
    if (w === "from" || w === "by" || w === "of") return trimHead(ts, { first: k + 1, next: g.next })
  }
  return null
}

export const isEvidence = (ts: ReadonlyArray<Token>, g: Group): boolean => {
  if (Lexicon.isEvidence(ts[g.first]) || Lexicon.isEvidence(ts[g.first + 1]) || Lexicon.isEvidence(ts[g.next - 1]))
    return true
  // "A 2019 study by the county auditor", "an analysis of new filings": the head before the first preposition.
  for (let k = g.first + 1; k < g.next; k++) {
    const w = lower(ts[k])
    if (w === "of" || w === "by" || w === "from") return Lexicon.isEvidence(ts[k - 1])
  }
  return false
}

/** The last noun of a group: its head ("a letter from its lawyer" -> "letter", past what follows "from"). */
const headNoun = (ts: ReadonlyArray<Token>, g: Group): Token | undefined => {
  // "A former harbour master who ran its sales in Harlow, Corin Vale": the head is before the relative
  // clause, or the comma of an apposition, too, not the noun the clause's own preposition follows.
  for (let k = g.first + 1; k < g.next; k++) {
    const t = ts[k]
    if (t?.pos === "ADP" || t?.text === "," || (t?.pos === "PRON" && isRelativePronoun(t))) return ts[k - 1]
  }
  return ts[g.next - 1]
}

/**
 * "The ministry issued a statement saying ...", "Lawyers for the mayor filed papers opposing ...": a
 * document the cue's subject names was put out by the subject of the verb before it, who is the speaker.
 */
export const issuer = (ts: ReadonlyArray<Token>, g: Group, floor: number): Group | null => {
  // wink may read "filed papers" as one compound: the verb inside the group splits it.
  for (let k = g.first + 1; k < g.next; k++) {
    if (
      ts[k]?.pos === "VERB" &&
      Lexicon.isIssuing(ts[k]?.lemma ?? "") &&
      Lexicon.isDocument(headNoun(ts, { first: k + 1, next: g.next }))
    )
      return trimHead(ts, { first: g.first, next: k })
  }
  let doc = g
  if (isRelative(ts, g)) {
    // "released a letter that says ...": the document the relative stands for.
    const antecedent = before(ts, g.first, Math.max(floor, g.first - MAX_GROUP))
    if (!antecedent) return null
    doc = antecedent
  }
  if (!Lexicon.isDocument(headNoun(ts, doc))) return null
  let v = doc.first - 1
  if (ts[v]?.pos !== "VERB" || !Lexicon.isIssuing(ts[v]?.lemma ?? "")) return null
  while (v > floor && (ts[v - 1]?.pos === "AUX" || ts[v - 1]?.pos === "ADV")) v--
  const by = before(ts, v, floor)
  // "One of the doctors who sent the letter called ...": the one the relative stands for.
  return by && isRelative(ts, by) ? (before(ts, by.first, floor) ?? by) : by
}

/** A run of capitalised proper nouns, with the title words and adjectives that lead into it. */
interface Name {
  readonly group: Group
  readonly words: ReadonlyArray<string>
  /** Its words but a title's ("Mr Okafor" is "okafor"): what a fuller name must have more of. */
  readonly own: ReadonlyArray<string>
  readonly sentence: number
}

export interface Resolver {
  /**
   * The span of the fullest mention this group stands for, with an apposition that follows the
   * name ("Kim Yo Jong, the sister of ..."): the group itself, so extended, when it needs no resolving;
   * and the resolution rule (rules.json "resolution") that found it, null when none of those decided.
   */
  readonly resolve: (
    g: Group,
    earlierSources: ReadonlyArray<Group>,
  ) => { readonly span: Span.Span; readonly rule: string | null }
}

const span = (ts: ReadonlyArray<Token>, g: Group): Span.Span => ({
  start: ts[g.first]?.start ?? 0,
  end: ts[g.next - 1]?.end ?? 0,
})

const nameWords = (ts: ReadonlyArray<Token>, g: Group): string[] => {
  const out: string[] = []
  for (let k = g.first; k < g.next; k++) if (isName(ts[k])) out.push(lower(ts[k]))
  return out
}

/** The words of a name a later mention must share: "Mr Fenn" is "fenn", a title being no part of the name. */
const ownWords = (ts: ReadonlyArray<Token>, g: Group): string[] => {
  const out: string[] = []
  for (let k = g.first; k < g.next; k++) if (isName(ts[k]) && !Lexicon.isTitle(ts[k])) out.push(lower(ts[k]))
  return out
}

/** "officials", "analysts at Kelso Capital": a plural head, before the preposition that follows it. */
const isPlural = (ts: ReadonlyArray<Token>, g: Group): boolean => {
  const head = headNoun(ts, g)
  return head?.pos === "NOUN" && /s$/i.test(head.text) && head.lemma !== lower(head)
}

/**
 * "Orion Corp.", "the Unification Ministry": a group that names an organisation, not a person; the words
 * before a preposition decide ("the Ministry of Defence", but "Ruth Albers of the group Forest Watch").
 */
const isBody = (ts: ReadonlyArray<Token>, g: Group): boolean => {
  for (let k = g.first; k < g.next && ts[k]?.pos !== "ADP"; k++) if (Lexicon.isBodyWord(lower(ts[k]))) return true
  return g.next - g.first === 1 && isAcronym(ts[g.first])
}

const isAcronym = (t: Token | undefined): boolean => t !== undefined && /^[A-Z][A-Z&]{1,7}$/.test(t.text)

const hasRole = (ts: ReadonlyArray<Token>, e: Group): boolean => {
  for (let k = e.first; k < e.next; k++) if (Lexicon.isRole(lower(ts[k])) || Lexicon.isKin(ts[k])) return true
  return false
}

/**
 * "The head of the coastguard", "the company's chief executive": a role that heads a group, not one inside
 * an "of" phrase ("the Office of the President"), makes the group a person's, whatever body it names.
 */
const hasOffice = (ts: ReadonlyArray<Token>, e: Group): boolean => {
  for (let k = e.first; k < e.next; k++) {
    if (lower(ts[k]) === "of") return false
    if (Lexicon.isRole(lower(ts[k])) && ts[k + 1]?.text !== "'s" && ts[k + 1]?.text !== "\u2019s") return true
  }
  return false
}

/** How many words a role set before a name may have ("Chief executive", "senior security researcher"). */
const ROLE_WORDS = 3

/** Does token k open its sentence? The line breaks before it count with the next sentence, so they are passed. */
const opensSentence = (ts: ReadonlyArray<Token>, k: number): boolean => {
  let b = k - 1
  while (b >= 0 && (ts[b]?.type === "tabCRLF" || ts[b]?.pos === "SPACE")) b--
  return b < 0 || ts[b]?.sentence !== ts[k]?.sentence
}

/**
 * "Prices continue to rise", "the storm continued to threaten": a group whose head names what is measured
 * or what happens (lexicon nonSpeakers) says nothing. A capitalised head is that noun only where it opens
 * the sentence and the group ("Prices"), not inside a name.
 */
export const cannotSpeak = (ts: ReadonlyArray<Token>, g: Group): boolean => {
  // "Sales of umbrellas": the head before a preposition.
  const head = headNoun(ts, g)
  // "published this morning": a time (lexicon timeNouns) says when. A capitalised one may be a name
  // ("Time", "The Week"), and so may a day or a month ("May said").
  if (head && Lexicon.isTimeNoun(head) && !startsUpper(head.text)) return true
  if (head && Lexicon.isNonSpeaker(head))
    return !startsUpper(head.text) || (head === ts[g.first] && opensSentence(ts, g.first))
  // "a raft of new emissions rules", "college savings plans": such a noun right before a word wink did not
  // tag a verb makes a compound with it, which is no subject and cue; a comma closes the name it ends
  // ("Paul Serrano, the chief executive of Brennick Water, said").
  const last = ts[g.next - 1]
  const next = ts[g.next]
  return Lexicon.isNonSpeaker(last) && next !== undefined && next.pos !== "VERB" && next.pos !== "AUX" && !isPunct(next)
}

/** Words that join a name's parts without an initial of their own ("Ministry of Foreign Affairs"). */
const JOINERS = new Set(["of", "for", "and", "the", "&", "on"])

/**
 * An apposition after a name: ", the sister of North Korea's leader," or ", a local farmer,". It is
 * set off by commas (or ends the sentence) and opens with a determiner, a possessive or a role.
 */
const apposition = (ts: ReadonlyArray<Token>, g: Group): Group => {
  if (ts[g.next]?.text !== "," || nameWords(ts, g).length === 0) return g
  const open = ts[g.next + 1]
  const ceiling = Math.min(ts.length, g.next + 1 + MAX_GROUP)
  const a = after(ts, g.next + 1, ceiling)
  if (!a || a.first !== g.next + 1 || !open) return g
  // "Ilse Morrow, Valen Rail's chief executive,": an owner's name of a few capitalised words and its "'s".
  let owner = a.first
  while (owner < a.next && owner - a.first < 4 && startsUpper(ts[owner]?.text ?? "")) owner++
  const owned = owner > a.first && (ts[owner]?.text === "'s" || ts[owner]?.text === "\u2019s")
  const opens =
    open.pos === "DET" ||
    Lexicon.isPossessive(open) ||
    Lexicon.isRole(lower(open)) ||
    ts[a.first + 1]?.text === "'s" ||
    owned
  const close = ts[a.next]
  const closes = close === undefined || close.text === "," || close.text === "." || close.type === "tabCRLF"
  if (!opens || !closes || lower(open) === "who") return g
  return { first: g.first, next: a.next }
}

/** Tokens an apposition may run to past its name ("Brightway Fuels, the chain at the centre of the scare in Lorne,"). */
const LONG_APPOSITION = 16

/**
 * The token after the comma that closes an apposition opened by a determiner or a possessive after a
 * name and going on past its noun, with no clause of its own ("Brightway Fuels, the filling station chain at the centre
 * of the scare, has cut"); -1 when the name has none.
 */
const pastLongApposition = (ts: ReadonlyArray<Token>, g: Group): number => {
  const open = ts[g.next + 1]
  if (ts[g.next]?.text !== "," || !open || !(open.pos === "DET" || Lexicon.isPossessive(open))) return -1
  if (nameWords(ts, g).length === 0) return -1
  // The apposition's own noun, before its first preposition: "a criminal group at ..." says another kind of body.
  let head: string | null = null
  let past = false
  for (let k = g.next + 2; k < ts.length && k <= g.next + 1 + LONG_APPOSITION; k++) {
    const t = ts[k] as Token
    if (t.pos === "ADP") past = true
    else if (!past && t.pos === "NOUN") head = lower(t)
    if (t.text === ",") return head !== null && Lexicon.isBodyWord(head) ? -1 : k + 1
    // Not past an auxiliary or a relative pronoun: a clause of its own, not the apposition (wink may tag
    // a participle or a noun there as a verb: "this week's contaminated diesel scare").
    if (t.text === "." || t.type === "tabCRLF" || t.pos === "AUX" || RELATIVE.has(lower(t))) return -1
  }
  return -1
}

/**
 * Indexes the names of a document once (one linear scan) and resolves mentions against them. `outlet` is
 * the publishing outlet's name: the article naming itself ("footage seen by the Post") is no body a
 * description stands for.
 */
export const resolver = (ts: ReadonlyArray<Token>, outlet: string | null = null): Resolver => {
  const names: Name[] = []
  const outletWords = new Set(
    (outlet ?? "")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w && w !== "the"),
  )
  /** Whether a group's name is the outlet's own, or a part of it ("the Post" in the Orvenne Evening Post). */
  const isOutlet = (g: Group): boolean => {
    const words = nameWords(ts, g).filter((w) => w !== "the")
    return words.length > 0 && words.every((w) => outletWords.has(w))
  }
  /** "the Office of the Data Commissioner": a capitalised word for a body, before "of" or "for" and a name. */
  // The word class first, a bit of the token's: the loop below asks this of nearly every token.
  const bodyOf = (j: number): boolean => {
    const t = ts[j]
    if (!Lexicon.isBody(t) || !startsUpper((t as Token).text)) return false
    const w = ts[j + 1]?.lower
    return (w === "of" || w === "for") && (isName(ts[j + 2]) || (ts[j + 2]?.lower === "the" && isName(ts[j + 3])))
  }
  // The tests of a run of names, each reading where the run started (`k`) and how far it has come (`end`).
  // Functions of the resolver, with `k` and `end` as arguments: made inside `nameEnd`, they were four new
  // closures for every run of names in the text, each named on creation where the code is bundled with
  // its names kept (the CLI's bundle, tsx).
  /**
   * "the National Vehicle Safety Office", "the Valmora Mountain Rescue": a capitalised word wink tags a
   * noun goes on the run of names it follows.
   */
  const goesOn = (t: Token | undefined, k: number, end: number): boolean =>
    t !== undefined && end > k && t.pos === "NOUN" && startsUpper(t.text) && t.sentence === ts[k]?.sentence
  // "the Financial Conduct Office", "Kelvedge Racing Ltd": a capitalised word wink tags a verb inside such a
  // run goes on it too;
  // "Marlowe & Finch": so does an ampersand between two names.
  // "the National Institute for Infection Control", "the Office of the Data Commissioner": "of" or "for"
  // (and its article) after a word for a body, before a name.
  const ofAfterBody = (w: string, end: number): boolean => (w === "of" || w === "for") && bodyOf(end - 1)
  /** "the Vessel Workers' Union": a plural possessive's apostrophe between names. */
  const pluralOwner = (t: Token, end: number): boolean =>
    (t.text === "'" || t.text === "\u2019") && /s$/.test(ts[end - 1]?.text ?? "") && isName(ts[end + 1])
  const inside = (t: Token | undefined, k: number, end: number): boolean =>
    t !== undefined &&
    end > k &&
    (pluralOwner(t, end) ||
      (t.text === "&"
        ? isName(ts[end + 1])
        : ofAfterBody(t.lower, end) ||
          (t.lower === "the" && (ts[end - 1]?.lower === "of" || ts[end - 1]?.lower === "for") && isName(ts[end + 1])) ||
          (t.pos === "VERB" &&
            startsUpper(t.text) &&
            // "Kelvedge Racing Ltd": or before a name of the same sentence.
            (goesOn(ts[end + 1], k, end) || (isName(ts[end + 1]) && ts[end + 1]?.sentence === ts[k]?.sentence))) ||
          // "the Brindlecote Fell Watch says", "Drecht Shipping.": a capitalised word wink tags a verb after a
          // name, before another such word, a comma, the sentence's end or a verb, or an adverb and a verb
          // ("Judge Rosalind Ebbs also ordered").
          (namePart(ts, end) &&
            t.sentence === ts[k]?.sentence &&
            (isMistaggedName(ts[end + 1]) ||
              isPunct(ts[end + 1]) ||
              ts[end + 1]?.type === "tabCRLF" ||
              lowerVerb(ts[end + 1]) ||
              (ts[end + 1]?.pos === "ADV" && !startsUpper(ts[end + 1]?.text ?? "") && lowerVerb(ts[end + 2]))))))
  /**
   * Where the run of names starting at token k ends. A function of its own: its tests read `k` and `end`, and
   * were they closures in the loop below, the engine would make a context for `k` at every token of the text.
   */
  const nameEnd = (k: number): number => {
    let end = k
    if (bodyOf(k)) end++
    while (
      end < ts.length &&
      (isName(ts[end]) ||
        (Lexicon.isTitle(ts[end]) && isName(ts[end + 1])) ||
        goesOn(ts[end], k, end) ||
        inside(ts[end], k, end))
    )
      end++
    return end
  }
  for (let k = 0; k < ts.length; ) {
    if ((!isName(ts[k]) && !bodyOf(k)) || lower(ts[k]) === "the") {
      k++
      continue
    }
    const end = nameEnd(k)
    let first = k
    // Lead-in title words: "South Korean President Lee Jae Myung".
    while (
      first > 0 &&
      startsUpper(ts[first - 1]?.text ?? "") &&
      (ts[first - 1]?.pos === "ADJ" || ts[first - 1]?.pos === "PROPN") &&
      lower(ts[first - 1]) !== "the"
    )
      first--
    // "By Priya Lusk" opening a line: the byline's reporter, whom no later "he" or "she" stands for.
    if (lower(ts[first - 1]) === "by" && (first - 1 === 0 || ts[first - 2]?.type === "tabCRLF")) {
      k = end
      continue
    }
    const group = { first, next: end }
    // "Maud Hallow,": a family name wink tags a verb inside the run is one of the name's words.
    const words: string[] = []
    const own: string[] = []
    for (let w = first; w < end; w++)
      if (isName(ts[w]) || (w > first && namePart(ts, w))) {
        words.push(lower(ts[w]))
        if (!Lexicon.isTitle(ts[w])) own.push(lower(ts[w]))
      }
    names.push({ group, words, own, sentence: ts[k]?.sentence ?? 0 })
    k = end
  }
  /** The index of the last name that ends at or before token `first` (names are in text order), or -1. */
  const lastNameBefore = (first: number): number => {
    let lo = 0
    let hi = names.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((names[mid]?.group.next ?? 0) <= first) lo = mid + 1
      else hi = mid
    }
    return lo - 1
  }
  /** The paragraph each token is in: the number of line breaks before it. */
  const paragraphs = new Uint32Array(ts.length)
  for (let k = 1; k < ts.length; k++) {
    const t = ts[k - 1]
    paragraphs[k] = (paragraphs[k - 1] ?? 0) + (t?.type === "tabCRLF" && t.text.includes("\n") ? 1 : 0)
  }
  const paragraphOf = (k: number): number => paragraphs[k] ?? 0
  const acronyms = new Map<string, Group | null>()
  /** The resolution rule (rules.json "resolution") that decided the mention being resolved, if a named one did. */
  let how: string | null = null
  const decide = (rule: string, g: Group): Group => {
    how = rule
    return g
  }
  /** What each definite description resolved to a name stood for, by the description's last token. */
  const descriptionFound = new Map<number, Group>()
  /** What each "he" or "she" resolved so far stood for, by the pronoun's token: the next one goes on from it. */
  const pronounFound = new Map<number, Group>()
  /** Genders learned from the pronouns resolved so far, by a name's words. */
  const learned = new Map<string, Lexicon.Gender>()
  const key = (g: Group): string => nameWords(ts, g).join(" ")

  /** The gender the text gives a group: a word in it or its apposition ("Mrs.", "sister"), or a pronoun before. */
  const genderOf = (g: Group): Lexicon.Gender | undefined => {
    const full = apposition(ts, g)
    for (let k = full.first; k < full.next; k++) {
      // "Mr Fenn's wife, Jeanette": a word of the owner's, before its "'s", is the owner's gender, not hers.
      const owner = ts.slice(k + 1, full.next).some((t) => t.text === "'s" || t.text === "\u2019s")
      const gender = owner ? undefined : Lexicon.wordGender(lower(ts[k]))
      if (gender) return gender
    }
    return learned.get(key(g))
  }

  // Only a name of two words or more is fuller than a mention; indexed by word, in text order, so a
  // mention looks at the names sharing its first word instead of every name in the document.
  const byWord = new Map<string, Name[]>()
  for (const n of names)
    if (n.words.length >= 2)
      for (const w of new Set(n.words)) {
        const list = byWord.get(w)
        if (list) list.push(n)
        else byWord.set(w, [n])
      }
  /**
   * Whether name `n` (not `exclude`) has more words than a mention's `words`, all of them among its own; a
   * title is not one more ("Mr Okafor" is no fuller than "Okafor", so a second "Mr Okafor" goes on to "Bram Okafor").
   */
  const fuller = (n: Name, words: ReadonlyArray<string>, exclude: Name | undefined): boolean =>
    n !== exclude && n.own.length > words.length && words.every((w) => n.words.includes(w))
  const fullerName = (g: Group, words: ReadonlyArray<string>, after: boolean, exclude?: Name): Name | null => {
    const candidates = byWord.get(words[0] ?? "") ?? []
    let lo = 0
    let hi = candidates.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((candidates[mid]?.group.next ?? 0) <= g.first) lo = mid + 1
      else hi = mid
    }
    // The last fitting name before the mention, else (when asked) the first after it, within two sentences.
    for (let i = lo - 1; i >= 0; i--) if (fuller(candidates[i] as Name, words, exclude)) return candidates[i] as Name
    if (!after) return null
    const sentence = ts[g.first]?.sentence ?? 0
    for (let i = lo; i < candidates.length; i++) {
      const n = candidates[i] as Name
      if (n.group.first < g.next || !fuller(n, words, exclude)) continue
      return n.sentence - sentence <= 2 ? n : null
    }
    return null
  }

  /**
   * "Survivors told ...": a lone capitalised word ending in -s that opens a sentence, never written as part
   * of a fuller name, is a plural noun wink took for a name, not a person.
   */
  const looksPlural = (e: Group): boolean => {
    if (isPlural(ts, e)) return true
    const t = ts[e.first]
    if (e.next - e.first !== 1 || !t || !/[a-z]s$/.test(t.text)) return false
    return opensSentence(ts, e.first) && fullerName(e, [lower(t)], true) === null
  }

  /**
   * "Berg laughed", "Evenrud, 54, received a fee": the person a family name alone stands for, named fuller
   * before with it as the last word, whose gender `fits`, marked a person's by the text at either mention;
   * null otherwise.
   */
  const familyPerson = (n: Name, fits: (g: Group) => boolean): Group | null => {
    const full = fullerName(n.group, n.words, false)
    if (!full || full.words[full.words.length - 1] !== n.words[0] || !fits(full.group)) return null
    return isPerson(n.group) || isPerson(full.group) ? full.group : null
  }

  /** "he", "she": the nearest earlier speaker, else named person, whose gender does not rule it out. */
  const personalAntecedent = (g: Group, earlier: ReadonlyArray<Group>, want: Lexicon.Gender): Group | null => {
    const sentence = ts[g.first]?.sentence ?? 0
    const fits = (e: Group): boolean => {
      const gender = genderOf(e)
      if (gender !== undefined) return gender === want
      // "The company's chief executive, Hanne Ostrow": an office makes a person of a group naming a body.
      if (hasOffice(ts, e)) return true
      // "the South", "the Pentagon": a definite name is a place or a body unless a role says otherwise; in
      // "The farmer, Otto Gruber" or "The court-appointed receiver, Ines Brandt" the name after the comma is
      // the one to ask.
      // "One shopper, a nurse named only as Freja": the name a naming phrase gives a description that is no
      // body ("A group calling itself Redwing" is one).
      let lead = e.first
      for (let k = e.first; k < e.next - 1; k++) {
        if (ts[k]?.text === ",") lead = k + 1
        const naming = Lexicon.namingPhraseAt(ts, k)
        if (naming > 0 && k + naming < e.next) {
          if (isBody(ts, { first: e.first, next: k })) return false
          lead = k + naming
          break
        }
      }
      return !isBody(ts, { first: lead, next: e.next }) && !(ts[lead]?.pos === "DET" && !hasRole(ts, e))
    }
    /**
     * "The health minister, Vera Holm, visited the ward. She said ...": a person the text marks, opening a
     * sentence after the speaker found, is nearer to the pronoun than that speaker.
     */
    const newerSubject = (e: Group): Group | null => {
      // "For Ana Ruiz, the answer is simple. 'It is a gamble,' she said": a person named in the pronoun's own
      // paragraph is nearer to it than a speaker quoted in a paragraph before. A name the text marks as a
      // person's comes before one it does not ("visited St Aurel's").
      const paragraph = paragraphOf(g.first)
      const newParagraph = paragraphOf(e.first) < paragraph
      let inParagraph: Group | null = null
      let unmarked: Group | null = null
      for (let i = lastNameBefore(g.first); i >= 0; i--) {
        const n = names[i] as Name
        if (n.group.first < e.next) break
        // "Berg laughed. '...,' he said": a family name alone opening the sentence before the pronoun's (or
        // its own) stands for the person named fuller before, unless a person is named nearer.
        if (
          n.words.length === 1 &&
          (sentence - n.sentence <= 1 || pronounsBetween(n.group.next, sentence)) &&
          !inParagraph &&
          !unmarked &&
          opensClause(n.group)
        ) {
          const full = familyPerson(n, fits)
          if (full) return decide("pronoun-newer-subject", full)
        }
        if (n.words.length < 2 || !fits(n.group)) continue
        const person = isPerson(n.group)
        if (person && opensClause(n.group)) return decide("pronoun-newer-subject", n.group)
        if (!newParagraph || paragraphOf(n.group.first) !== paragraph || !mayBePerson(n)) continue
        if (person) inParagraph ??= n.group
        else unmarked ??= n.group
      }
      const inOwn = inParagraph ?? unmarked
      return inOwn && decide("pronoun-person-in-paragraph", inOwn)
    }
    /**
     * "Fenwright, who came as a boy, has his regrets. He remembers the crowds. '...,' he said": does every
     * sentence after token k and before the pronoun's (at most two) open with a pronoun of its gender?
     */
    const pronounsBetween = (k: number, sentence: number): boolean => {
      let opened = 0
      let last = ts[k - 1]?.sentence
      for (let j = k; j < g.first && (ts[j]?.sentence ?? 0) < sentence; j++) {
        const t = ts[j]
        if (!t || t.type === "tabCRLF" || t.pos === "SPACE" || t.sentence === last) continue
        last = t.sentence
        if (t.pos !== "PRON" || Lexicon.pronounGender(lower(t)) !== want) return false
        opened++
      }
      return opened >= 1 && opened <= 2
    }
    /** Is a person of the pronoun's gender named between an earlier mention and the pronoun? */
    const personBetween = (e: Group): boolean => {
      for (let i = lastNameBefore(g.first); i >= 0; i--) {
        const n = names[i] as Name
        if (n.group.first < e.next) return false
        if (n.words.length >= 2 && fits(n.group) && mayBePerson(n)) return true
      }
      return false
    }
    for (let i = earlier.length - 1; i >= 0; i--) {
      const said = earlier[i] as Group
      if (said.next > g.first) continue
      if (sentence - (ts[said.first]?.sentence ?? 0) > 6) break
      // "One survivor, a man who gave his name as Samir, said ...": the speaker with the name it was given;
      // "Vesk's lawyer said ...": the person named beside that role before.
      const e = namedAs(said) ?? ownerRole(said) ?? thenNamed(said) ?? said
      // "Several said ...": a capitalised quantifier opening the sentence names no one.
      const quantifier = e.next - e.first === 1 && Lexicon.isQuantifier(ts[e.first])
      if (nameWords(ts, e).length > 0 && !quantifier && !looksPlural(e) && fits(e))
        return newerSubject(e) ?? decide("pronoun-nearest-speaker", e)
      // "'...,' he said. \n\n He said ...": a pronoun of the same gender goes on with the person the one
      // before stood for, however far back that person was named. A person named between them breaks the
      // chain, and the mentions before decide as they did.
      const before = e.next - e.first === 1 ? pronounFound.get(e.first) : undefined
      if (before && Lexicon.pronounGender(lower(ts[e.first])) === want && !personBetween(e))
        return decide("pronoun-continues-pronoun", before)
    }
    // A name the text marks as a person's ("Interior Minister Dalia Oren") before one it does not ("Dorna General").
    // "Rosa Tamm from Kelby Point": a name a preposition of place governs comes after every other.
    let unmarked: Group | null = null
    let placed: Group | null = null
    for (let i = lastNameBefore(g.first); i >= 0; i--) {
      const n = names[i] as Name
      if (sentence - n.sentence > 3) break
      // "Evenrud, 54, received a fee ... He said": a family name alone stands for the person named fuller before.
      if (n.words.length === 1) {
        const full = familyPerson(n, fits)
        if (full) return decide("pronoun-family-name", full)
        continue
      }
      if (!fits(n.group) || isThing(n)) continue
      // "two buildings on Tallow Street": a name a word for a place ends or opens, after a preposition, is no
      // person, whatever pronoun an earlier misreading gave it.
      if (namedPlace(n.group) && ts[n.group.first - 1]?.pos === "ADP") {
        placed ??= n.group
        continue
      }
      if (isPerson(n.group)) return decide("pronoun-nearest-person", n.group)
      if (isPlace(n.group)) placed ??= n.group
      else if (!ofBody(n.group)) unmarked ??= n.group
    }
    const nearest = unmarked ?? placed
    return nearest && decide("pronoun-nearest-person", nearest)
  }

  /**
   * "Dorna General Hospital", "the Valmora Ski Instructors' Association": a name ending in a noun, before one
   * or owning one as a plural, names or modifies a thing and is no person.
   */
  const isThing = (n: Name): boolean => {
    const owns = ts[n.group.next]?.text === "'" || ts[n.group.next]?.text === "\u2019"
    return ts[n.group.next]?.pos === "NOUN" || ts[n.group.next - 1]?.pos === "NOUN" || owns
  }

  /**
   * A name that may be a person's where nothing marks it so: no thing, no place, and no possessor of a noun
   * ("visited St Aurel's").
   */
  const mayBePerson = (n: Name): boolean => {
    const owner = ts[n.group.next]?.text === "'s" || ts[n.group.next]?.text === "\u2019s"
    return !isThing(n) && !isPlace(n.group) && !owner && !ofBody(n.group)
  }

  /** "Ana Ruiz of the Tenants Network": a name an "of" governs, past its article, is what a person is of. */
  const ofBody = (g: Group): boolean => {
    const b = lower(ts[g.first - 1]) === "the" ? g.first - 2 : g.first - 1
    return lower(ts[b]) === "of"
  }

  const pluralAntecedent = (g: Group, earlier: ReadonlyArray<Group>): Group | null => {
    for (let i = earlier.length - 1; i >= 0; i--) {
      const e = earlier[i] as Group
      if (e.next <= g.first && looksPlural(e)) return e
    }
    return null
  }

  /** "it said": the nearest earlier speaker that is an organisation, within a few sentences. */
  const bodyAntecedent = (g: Group, earlier: ReadonlyArray<Group>): Group | null => {
    const sentence = ts[g.first]?.sentence ?? 0
    // A speaker that is a body only by the description set beside it, or a description naming no person,
    // counts when it is the nearest speaker before (past earlier "it"s): a person or a name in between
    // may be what "it" stands for.
    let nearest = true
    for (let i = earlier.length - 1; i >= 0; i--) {
      const e = earlier[i] as Group
      if (e.next > g.first) continue
      if (sentence - (ts[e.first]?.sentence ?? 0) > 4) break
      if (isBody(ts, e)) return e
      if (nearest && (firmBeside(e) || thingDescribed(e))) return decide("it-nearest-described-speaker", e)
      if (nearest && sentence - (ts[e.first]?.sentence ?? 0) <= 2 && bareName(e))
        return decide("it-nearest-named-speaker", e)
      if (!(e.next - e.first === 1 && Lexicon.pronounGender(lower(ts[e.first])) === "neuter")) nearest = false
    }
    // "The council's systems will not be restored, it told suppliers": a body's definite description, in the
    // sentence or the one before, that spoke or not, for what it stands for; in its own sentence it is nearer
    // than a body named in the two before ("Police sealed the street. The museum will stay shut, it said").
    const described = (within: number): Group | null => {
      for (let k = g.first - 1; k > 0 && sentence - (ts[k]?.sentence ?? 0) <= within; k--) {
        const word = lower(ts[k])
        if (!(Lexicon.isBodyWord(word) || Lexicon.isFirm(word)) || ts[k + 1]?.pos === "NOUN") continue
        // "The district council has updated its count. It now says ...": a word or two before the body's may
        // say which one it is.
        let open = k - 1
        while (
          open > k - 3 &&
          (ts[open]?.pos === "NOUN" || ts[open]?.pos === "ADJ") &&
          !startsUpper(ts[open]?.text ?? "")
        )
          open--
        if (lower(ts[open]) === "the") return decide("it-nearest-body-description", { first: open, next: k + 1 })
      }
      return null
    }
    const own = described(0)
    if (own) return own
    for (let i = lastNameBefore(g.first); i >= 0; i--) {
      const n = names[i] as Name
      if (sentence - n.sentence > 2) break
      if (isBody(ts, n.group)) return n.group
    }
    return described(1)
  }

  /**
   * "The ship's operator, Kestrel Lines, said", "Dunmore Sailings, the company that runs the crossing, said": a
   * name set beside a description whose head is a body or a business (lexicon bodies, firms) is that body's,
   * though the name itself has no word for one.
   */
  const firmBeside = (e: Group): boolean => {
    if (nameWords(ts, e).length === 0 || genderOf(e) !== undefined) return false
    const described = (d: Group | null): boolean => {
      const head = d ? headNoun(ts, d) : undefined
      return head !== undefined && (Lexicon.isFirm(lower(head)) || Lexicon.isBodyWord(lower(head)))
    }
    // The description before the name, inside the speaker's group: "The ship's operator, Kestrel Lines".
    for (let k = e.first; k < e.next - 1; k++) if (ts[k]?.text === ",") return described(before(ts, k, e.first))
    // The description after the name's comma: "Dunmore Sailings, the company that runs ...".
    if (ts[e.next]?.text !== "," || ts[e.next + 1]?.pos !== "DET") return false
    return described(after(ts, e.next + 1, Math.min(ts.length, e.next + 1 + MAX_GROUP)))
  }

  /**
   * "Northcoast Power said ... It said": a name alone, every word of it capitalised, that nothing marks as a
   * person's (no gender, title, role, age or description set beside it) and no plural.
   */
  const bareName = (e: Group): boolean =>
    nameWords(ts, e).length === e.next - e.first &&
    e.next - e.first >= 2 &&
    !isPerson(e) &&
    !looksPlural(e) &&
    apposition(ts, e).next === e.next &&
    ts[e.first - 1]?.text !== ","

  /** "The coastguard said ... it said": a definite description naming no person (no role, no name, no plural). */
  const thingDescribed = (e: Group): boolean =>
    lower(ts[e.first]) === "the" &&
    e.next - e.first >= 2 &&
    nameWords(ts, e).length === 0 &&
    !hasRole(ts, e) &&
    !isPlural(ts, e) &&
    genderOf(e) === undefined

  /**
   * "One survivor, a man who gave his name as Samir", "A group calling itself Nightjar": a description with no
   * name and the name a naming phrase (lexicon namingPhrases) gives it, in a relative clause or a participle
   * right after it; a verb before that, outside such a clause, ends the search.
   */
  const namedAs = (g: Group): Group | null => {
    if (nameWords(ts, g).length > 0) return null
    const sentence = ts[g.first]?.sentence
    let relative = false
    for (let k = g.next; k < ts.length && k < g.next + MAX_GROUP && ts[k]?.sentence === sentence; k++) {
      const n = Lexicon.namingPhraseAt(ts, k)
      if (n > 0) {
        let e = k + n
        while (e < ts.length && isName(ts[e])) e++
        return e > k + n ? { first: g.first, next: e } : null
      }
      const t = ts[k]
      if (RELATIVE.has(lower(t))) relative = true
      else if ((isVerb(t) && !relative) || closesSentence(t)) return null
    }
    return null
  }

  /**
   * "analysts at Greyfell Capital", "researchers from the Kelby Institute": a description whose head is a
   * noun, and "at" or "from" with a name (past its article) right after it: the description with the name.
   */
  const workplace = (g: Group): Group | null => {
    const head = ts[g.next - 1]
    const prep = lower(ts[g.next])
    if (head?.pos !== "NOUN" || (prep !== "at" && prep !== "from")) return null
    const first = lower(ts[g.next + 1]) === "the" ? g.next + 2 : g.next + 1
    const name = after(ts, first, Math.min(ts.length, first + MAX_GROUP))
    if (!name || name.first !== first || nameWords(ts, name).length === 0) return null
    return { first: g.first, next: name.next }
  }

  /** "Defence Ministry spokesman" → "Defence Ministry spokesman Park Min-ho": the name after a role. */
  const withName = (g: Group): Group => {
    let next = g.next
    // wink tags a name it does not know as a noun now and then ("Park Min-ho"): capitals and hyphens.
    const part = (t: Token | undefined, k: number): boolean =>
      t !== undefined &&
      ((startsUpper(t.text) && t.pos !== "PUNCT") || (t.text === "-" && k > g.next) || ts[k - 1]?.text === "-")
    while (next < ts.length && next - g.next < 5 && part(ts[next], next)) next++
    return next > g.next ? { first: g.first, next } : g
  }

  /** "Lin Wei, a mediator": a description set beside a name stands for the name, with it. */
  const named = (g: Group): Group => {
    if (ts[g.first - 1]?.text !== ",") return g
    const name = before(ts, g.first - 1, Math.max(0, g.first - 1 - MAX_GROUP))
    return name && nameWords(ts, name).length > 0 && !isBody(ts, name) ? { first: name.first, next: g.next } : g
  }

  /** A group of names only: "Drecht Shipping", whose last word wink tags a verb, is one. */
  const onlyNames = (g: Group): boolean => {
    for (let k = g.first; k < g.next; k++)
      if (
        !isName(ts[k]) &&
        !(k > g.first && namePart(ts, k)) &&
        !(k === g.first && (firstNamePart(ts, k) || adverbNamePart(ts, k)))
      )
        return false
    return true
  }

  /**
   * "the developer Aurelio Leisure", "the campaign group Harbour For All": the name from token `k` on (past one
   * word for a body), when only names stand there up to a verb, a preposition, a comma or the sentence's end;
   * null otherwise.
   */
  const nameFollows = (k: number): Group | null => {
    const from = Lexicon.isBodyWord(lower(ts[k])) ? k + 1 : k
    const name = after(ts, from, Math.min(ts.length, from + MAX_GROUP))
    if (!name || name.first !== from || !onlyNames(name) || isPerson(name)) return null
    const close = ts[name.next]
    return close === undefined || isPunct(close) || ["VERB", "AUX", "ADP"].includes(close.pos) ? name : null
  }

  /** "The ship's operator, Halvard Shipping": the names after a group's last comma, when only names follow it. */
  const namedAfterComma = (g: Group): Group | null => {
    for (let k = g.next - 1; k > g.first; k--)
      if (ts[k]?.text === ",") {
        const tail = { first: k + 1, next: g.next }
        return tail.next > tail.first && onlyNames(tail) ? tail : null
      }
    return null
  }

  /** "the city transport company, LTC,": the name set beside a definite description, after its comma. */
  const nameAfter = (g: Group): Group | null => {
    if (ts[g.next]?.text !== ",") return null
    // "the city's basketball club, the Brannock Comets,": a name may keep its article.
    const start = lower(ts[g.next + 1]) === "the" && startsUpper(ts[g.next + 2]?.text ?? "") ? g.next + 2 : g.next + 1
    const name = after(ts, start, Math.min(ts.length, start + 8))
    const close = ts[name?.next ?? -1]
    if (!name || name.first !== start) return null
    // "said its owner, retired physics teacher Nils Augard, who ...": the name may carry words of its own in
    // lower case before it, a description of the person it names.
    let own = name.first
    while (own < name.next && own - name.first < 4 && !startsUpper(ts[own]?.text ?? "") && ts[own]?.pos !== "DET") own++
    if (own >= name.next || !onlyNames({ first: own, next: name.next })) return null
    return close === undefined || isPunct(close) || close.pos === "VERB" || close.pos === "AUX" ? name : null
  }

  /**
   * "Pinecrest Energy, the utility": the name, and only a name, set before a description's comma; not a
   * day or a name a preposition governs ("since Saturday, the ministry said").
   */
  const nameBefore = (g: Group): Group | null => {
    if (ts[g.first - 1]?.text !== ",") return null
    const name = before(ts, g.first - 1, Math.max(0, g.first - 6))
    if (!name || !onlyNames(name)) return null
    return ts[name.first - 1]?.pos === "ADP" || Lexicon.isWeekday(ts[name.first]) ? null : name
  }

  /**
   * "Vesk's lawyer" after "His lawyer, Odile Marchetti,": a group ending in an owner's "'s" and a role word
   * (lexicon roles) stands for the nearest name of two words or more set after the same role word, past its
   * comma or right after it ("lawyer Odile Marchetti"), within OWNER_ROLE_REACH sentences before; null if none.
   */
  const ownerRole = (g: Group): Group | null => {
    if (g.next - 2 <= g.first || possessiveIn(ts, g) !== g.next - 2) return null
    const word = lower(ts[g.next - 1])
    if (!Lexicon.isRole(word)) return null
    const sentence = ts[g.first]?.sentence ?? 0
    for (let k = g.first - 1; k >= 0 && sentence - (ts[k]?.sentence ?? 0) <= OWNER_ROLE_REACH; k--) {
      if (lower(ts[k]) !== word) continue
      const from = ts[k + 1]?.text === "," ? k + 2 : k + 1
      const name = after(ts, from, Math.min(ts.length, from + 5))
      if (name && name.first === from && onlyNames(name) && nameWords(ts, name).length >= 2) return name
    }
    return null
  }

  /**
   * "said its chief executive, Rosa Mint.": a description with no name and the name set beside it after its
   * comma, with the description (rules.json "description-then-name"); null if there is none.
   */
  const thenNamed = (g: Group): Group | null => {
    const possessive = possessiveIn(ts, g)
    const own = possessive > g.first ? { first: possessive + 1, next: g.next } : g
    const beside = nameWords(ts, own).length === 0 ? nameAfter(g) : null
    if (!beside) return null
    // "said its managing director, Ada Quill.", "according to its owner, Dalby Steel.": an owner's pronoun
    // opens such a description as "the" does; "said Greyfell's oil analyst, Mona Skeie.": so does an owner's
    // name; "said one driver, Nadia Quell.", "said a neighbour, Tom Reed.": an indefinite description too.
    return introduced(beside) ||
      (opensDescription(g, possessive) && g.next - g.first >= 2 && closesSentence(ts[beside.next]))
      ? { first: g.first, next: beside.next }
      : null
  }

  /** A group "the", "a", "an", "one", an owner's pronoun or an owner's name (its "'s" at `possessive`) opens. */
  const opensDescription = (g: Group, possessive: number): boolean => {
    const first = lower(ts[g.first])
    return (
      first === "the" ||
      first === "a" ||
      first === "an" ||
      first === "one" ||
      Lexicon.isPossessive(ts[g.first]) ||
      possessive > g.first
    )
  }

  /** "Ana Ruiz, who ...", "Ana Ruiz, 44,": a name a relative clause or an age follows, past its comma. */
  const introduced = (name: Group): boolean =>
    aged(name) || (ts[name.next]?.text === "," && ["who", "whose"].includes(lower(ts[name.next + 1])))

  /** "Milan Sekulic, 44,": an age set off by commas right after a name. */
  const aged = (g: Group): boolean => {
    const age = ts[g.next + 1]
    const close = ts[g.next + 2]
    return (
      ts[g.next]?.text === "," &&
      age?.pos === "NUM" &&
      /^\d{1,3}$/.test(age.text) &&
      Number(age.text) <= 120 &&
      (close === undefined || close.text === "," || close.text === ".")
    )
  }

  /**
   * A name the text marks as a person's: a gender, a title or a role in or just before it ("chief executive
   * Jo Herder"), a relative's word just before it ("his daughter Anke"), or an age after it ("Milan Sekulic, 44,").
   */
  const isPerson = (g: Group): boolean =>
    genderOf(g) !== undefined ||
    aged(g) ||
    describedBefore(g) ||
    hasRole(ts, apposition(ts, g)) ||
    Lexicon.isTitle(ts[g.first]) ||
    Lexicon.isRole(lower(ts[g.first - 1])) ||
    // "Smale's daughter Anke": a relative's word right before the name.
    Lexicon.isKin(ts[g.first - 1]) ||
    Lexicon.isTitle(ts[g.first - 1])

  /**
   * "The provincial health minister, Ines Calloway,", "The engineer, Colm Rusk,": a name set after a
   * description of an office or a trade.
   */
  const describedBefore = (g: Group): boolean => {
    if (ts[g.first - 1]?.text !== ",") return false
    const description = before(ts, g.first - 1, Math.max(0, g.first - 1 - MAX_GROUP))
    if (description === null) return false
    if (hasOffice(ts, description)) return true
    for (let k = description.first; k < description.next; k++) if (Lexicon.isOccupation(ts[k])) return true
    return false
  }

  /**
   * A name that opens its sentence (after a description set before it) and is followed by its verb, or by
   * an age, which only a subject being introduced is given ("Albert Quayle, 81, a retired postman, ...").
   */
  const opensClause = (g: Group): boolean => {
    if (aged(g)) return opensSentence(ts, g.first)
    // "Karin Thorsby, the firm's director, faced ...": past an apposition.
    let k = apposition(ts, g).next
    // "Fenwright, who first came to Kelvedge as a boy, has ...": past a relative clause set off by commas.
    if (k === g.next && ts[k]?.text === "," && (lower(ts[k + 1]) === "who" || lower(ts[k + 1]) === "whose")) {
      let c = k + 2
      while (c < ts.length && c - k <= 25 && ts[c]?.text !== "," && !closesSentence(ts[c])) c++
      if (ts[c]?.text === ",") k = c
    }
    if (ts[k]?.text === ",") k++
    const verb = ts[k]?.pos === "VERB" || ts[k]?.pos === "AUX" || ts[k]?.pos === "ADV"
    const b = ts[g.first - 1]?.text === "," ? before(ts, g.first - 1, Math.max(0, g.first - 1 - MAX_GROUP)) : null
    const role = roleBefore(g.first)
    return verb && (opensSentence(ts, b?.first ?? role) || afterOpeningPhrase(b ? g.first : role))
  }

  /**
   * "Security researcher Tomasz Wierzba does not believe it", "Chief executive Nadia Ferrante spoke ...": a
   * role set right before a name, with at most two words of its own before it, opens the name's clause
   * with it. The token that opens the role, or `first` itself when no role stands before it.
   */
  const roleBefore = (first: number): number => {
    if (!Lexicon.isRole(lower(ts[first - 1]))) return first
    let k = first - 1
    while (
      k > first - ROLE_WORDS &&
      (ts[k - 1]?.pos === "NOUN" || ts[k - 1]?.pos === "ADJ" || ts[k - 1]?.pos === "PROPN")
    )
      k--
    return k
  }

  /**
   * "At a meeting in the hall on Saturday, Karin Thorsby faced ...": a name right after the comma that closes
   * a phrase opening the sentence with a preposition and no verb of its own opens the main clause.
   */
  const afterOpeningPhrase = (first: number): boolean => {
    if (ts[first - 1]?.text !== ",") return false
    let o = first - 2
    for (; o >= 0 && !opensSentence(ts, o); o--) {
      const t = ts[o]
      if (t?.pos === "VERB" || t?.pos === "AUX" || t?.text === "," || t?.type === "tabCRLF") return false
    }
    return o >= 0 && first - o <= 16 && ts[o]?.pos === "ADP"
  }

  /**
   * "in Brask", "from Frankfurt": a name after a preposition of place is no organisation that speaks; nor is
   * one a word of place opens or closes ("the River Malle", "Ostvald Dam"; lexicon placeWords).
   */
  const isPlace = (g: Group): boolean =>
    (LOCATIVE.has(lower(ts[g.first - 1])) && !holding(g)) || /^\p{Lu}+$/u.test(ts[g.first]?.text ?? "") || namedPlace(g)

  /** "Tallow Street", "the River Malle": a name a word for a place (lexicon placeWords) opens or ends. */
  const namedPlace = (g: Group): boolean =>
    (g.next - g.first >= 2 && (Lexicon.isPlaceWord(ts[g.first]) || Lexicon.isPlaceWord(ts[g.next - 1]))) ||
    // "the River Malle", with "River" tagged a noun and so left out of the name.
    (Lexicon.isPlaceWord(ts[g.first - 1]) && startsUpper(ts[g.first - 1]?.text ?? ""))

  /**
   * "Shares in Brenna Energy", "a stake in Kelso Foods": a name "in" governs after a word for what is measured
   * or owned (lexicon nonSpeakers) is what is held, a business, not a place.
   */
  const holding = (g: Group): boolean => lower(ts[g.first - 1]) === "in" && Lexicon.isNonSpeaker(ts[g.first - 2])

  /** recurringName's answers, by a word's lower case: each word is counted once per document. */
  const recurring = new Map<string, boolean>()
  /**
   * "Mallehydro began releasing ... Mallehydro's chief executive": a word the text writes capitalised more
   * than once and never in lower case is a name, though each time it opens a sentence.
   */
  const recurringName = (t: Token): boolean => {
    const known = recurring.get(t.lower)
    if (known !== undefined) return known
    let count = 0
    for (const w of ts) {
      if (w.lower !== t.lower) continue
      if (!startsUpper(w.text)) {
        count = 0
        break
      }
      count++
    }
    recurring.set(t.lower, count >= 2)
    return count >= 2
  }

  /**
   * "the company", "the operator" with no name of that form before it: the nearest earlier speaker named
   * but not as a person, else the nearest such name, within a few sentences.
   */
  const organisation = (g: Group, earlier: ReadonlyArray<Group>): Group | null => {
    const sentence = ts[g.first]?.sentence ?? 0
    for (let i = earlier.length - 1; i >= 0; i--) {
      const e = earlier[i] as Group
      if (e.next > g.first) continue
      // Six sentences: a union's or a manager's words may stand between the business and "the company".
      if (sentence - (ts[e.first]?.sentence ?? 0) > 6) break
      const words = nameWords(ts, e)
      // "Talvi said": a family name alone stands for the person named fuller before ("Its president, Mirek Talvi").
      const full = words.length === 1 ? fullerName(e, words, false) : null
      const person = isPerson(e) || (full !== null && isPerson(full.group))
      if (
        words.length > 0 &&
        words.length === e.next - e.first &&
        !person &&
        !looksPlural(e) &&
        !otherBody(e) &&
        !isOutlet(e)
      )
        return e
      // "according to the mine's operator, Brannock Mining": the firm's name set beside the speaker.
      const beside = words.length === 0 ? nameAfter(e) : null
      if (beside && !isPerson(beside)) return beside
      // "The ship's operator, Halvard Marine, now says": the firm's name after the description's comma,
      // inside the speaker's group.
      const tail = words.length > 0 && words.length < e.next - e.first ? namedAfterComma(e) : null
      if (tail && !isPerson(tail) && !looksPlural(tail) && !otherBody(tail) && !isOutlet(tail)) return tail
      // "Rovvo's country director, Ilse Marden, told ...": the business whose officer spoke.
      const owner = ownerOf(e)
      if (owner && !isPerson(owner) && !looksPlural(owner) && !otherBody(owner) && !isOutlet(owner)) return owner
    }
    for (let i = lastNameBefore(g.first); i >= 0; i--) {
      const n = names[i] as Name
      if (sentence - n.sentence > 3) break
      // A name that is a clause's subject ("Kellner cut 900 jobs", "Kellner, which owns the plant, has cut"),
      // not a date or a modifier ("its Brask plant").
      // "Kellner, the carmaker, cut 900 jobs": past an apposition too, one that says the name is no other
      // kind of body ("Grey Owl, a criminal group, posted ...").
      const described = apposition(ts, n.group)
      const subject =
        isVerb(ts[pastRelative(n.group.next)]) ||
        (described.next > n.group.next &&
          !Lexicon.isBodyWord(lower(ts[described.next - 1])) &&
          ts[described.next]?.text === "," &&
          isVerb(ts[described.next + 1])) ||
        // "Brightway Fuels, the filling station chain at the centre of the scare, has cut ...": an apposition
        // that goes on past its noun, up to its closing comma (one that closes at its noun is judged above).
        (described.next === n.group.next && isVerb(ts[pastLongApposition(ts, n.group)]))
      // "Latchly's outage is over. ... the company said": a name owning the noun that opens its sentence is
      // what the sentence is about, as its subject would be; for a bare description only ("the company", not
      // "the water company", which says more than that name does).
      const ownerOpening =
        g.next - g.first === 2 &&
        (ts[n.group.next]?.text === "'s" || ts[n.group.next]?.text === "\u2019s") &&
        opensSentence(ts, n.group.first)
      if (otherBody(n.group) || isOutlet(n.group)) continue
      // "... from the store chain Hollis & Crane, the company said": a firm named right before the comma that
      // sets off the description, not a day or a name a preposition governs ("on Tuesday, the company said").
      const beside =
        n.group.next === g.first - 1 &&
        ts[g.first - 1]?.text === "," &&
        ts[n.group.first - 1]?.pos !== "ADP" &&
        // "until 4 January, the company said": a date, which a number opens, is no firm either.
        ts[n.group.first - 1]?.pos !== "NUM" &&
        !Lexicon.isWeekday(ts[n.group.first])
      // A lone capitalised word opening a sentence ("Fares will rise") is a name only when written fuller
      // elsewhere, or capitalised again and never in lower case.
      const fuller = fullerName(n.group, n.words, false)
      // A dateline's dash opens the sentence too: "KELTON (Wire) — Hackers stole ...".
      const opens =
        n.words.length === 1 && (opensSentence(ts, n.group.first) || DASHES.has(ts[n.group.first - 1]?.text ?? ""))
      const first = ts[n.group.first] as Token
      // "relit in Brennock on Friday will employ 85 people, ..., the company said": a day or a month is no firm.
      const calendar = n.words.length === 1 && (Lexicon.isWeekday(first) || TimeExpressions.isMonthWord(first.text))
      // "the old recipe for its Honey Crumble biscuits": a name an owner's pronoun opens is what the firm owns.
      const owned = Lexicon.isPossessive(ts[n.group.first - 1])
      if (
        (subject || beside || ownerOpening) &&
        !calendar &&
        !owned &&
        !isPerson(n.group) &&
        !(fuller && isPerson(fuller.group)) &&
        !isPlace(n.group) &&
        (fuller || !opens || isAcronym(first) || recurringName(first))
      )
        return fuller?.group ?? n.group
    }
    return null
  }

  /**
   * "the National Institute" -> "the National Institute for Infection Control": a group ending at token k
   * where the name indexed there goes on past it.
   */
  const namedOn = (g: Group, k: number): Group => {
    const n = names[lastNameBefore(k) + 1]
    return n && n.group.first <= k && n.group.next > g.next ? { first: g.first, next: n.group.next } : g
  }

  /** "National Institute for Infection Control": the word before the name's first "of" or "for", else its last. */
  const headBeforeOf = (g: Group): string => {
    for (let k = g.first + 1; k < g.next; k++)
      if (ts[k]?.lower === "of" || ts[k]?.lower === "for") return lower(ts[k - 1])
    return lower(ts[g.next - 1])
  }

  /**
   * "the Kelton Rescue Service", "Kelton council": a name ending in a word for a body that is no business
   * (lexicon bodies, past the endings of 'the company'), which 'the company' or 'the firm' never stands for.
   */
  /** "Rovvo's country director": the name that opens a group as its possessor, before its "'s"; null if none. */
  const ownerOf = (g: Group): Group | null => {
    let k = g.first
    while (k < g.next && isName(ts[k])) k++
    return k > g.first && k < g.next && /^['’]s$/.test(ts[k]?.text ?? "") ? { first: g.first, next: k } : null
  }

  const otherBody = (g: Group): boolean => {
    const last = lower(ts[g.next - 1])
    return Lexicon.isBodyWord(last) && !(Lexicon.bodyEndings("company")?.has(last) ?? false)
  }

  /**
   * "Kellner, which owns the plant, has cut ...": the token after a relative clause set off by commas right
   * after a name, in its sentence; else `k` itself.
   */
  const pastRelative = (k: number): number => {
    // "The Orrin Leather Works, where a sluice failed, is owned by ...": "where" opens one too.
    const relative = RELATIVE.has(lower(ts[k + 1])) || lower(ts[k + 1]) === "where"
    if (ts[k]?.text !== "," || !relative || lower(ts[k + 1]) === "that") return k
    const sentence = ts[k]?.sentence
    for (let j = k + 2; j < ts.length && ts[j]?.sentence === sentence; j++) if (ts[j]?.text === ",") return j + 1
    return k
  }

  /** "the think tank" → the nearest earlier group ending in the same words ("a German think tank"). */
  const described = (g: Group, earlier: ReadonlyArray<Group>): Group | null => {
    const head = [lower(ts[g.next - 2]), lower(ts[g.next - 1])]
    const words = g.next - g.first >= 3 ? head : head.slice(1)
    const floor = Math.max(0, g.first - 1500)
    const lastWord = words[words.length - 1]
    // "the provincial health ministry said ... The ministry said": the nearest fuller description, when
    // no name is found for it.
    let fuller: Group | null = null
    // "a German think tank ... the think tank": an indefinite first mention stands for the description; one
    // after the description was used definitely ("The fund said ... things a fund must consider") is a new or
    // generic thing, so the scan goes on past it and keeps it only if no definite use comes before it.
    let indefinite: Group | null = null
    let definiteBefore = false
    /** A definite use of the description passed before the one that stood for a name. */
    let usedBetween = false
    const sentence = ts[g.first]?.sentence ?? 0
    const nearer = (found: Group): Group => (indefinite !== null && !definiteBefore ? indefinite : found)
    for (let k = g.first - 1; k >= floor + words.length - 1; k--) {
      // The last word first, and no callback reading `k` (the engine then allocated a context for every
      // step): this scan reads up to 1,500 tokens for each mention.
      if (lower(ts[k]) !== lastWord || !wordsAt(ts, k - words.length + 1, words)) continue
      // "planned by the developer Aurelio Leisure", "the campaign group Harbour For All": a name right after
      // the description (past a word for a body) says which one it is; not a word of a name ("Keswold Airport
      // Holdings").
      const follows = startsUpper(ts[k]?.text ?? "") ? null : nameFollows(k + 1)
      if (follows) return nearer(decide("description-name-follows", follows))
      // "a zoo wolf", "nine council tower blocks": the word modifies the noun after it and names no body.
      if (ts[k + 1]?.pos === "NOUN") continue
      let found = before(ts, k + 1, Math.max(0, k - MAX_GROUP))
      if (!found) continue
      // "every health board", "any council": a quantified mention is no one body the description stands for.
      if (Lexicon.isQuantifier(ts[found.first])) continue
      // "the agency's director, Ada Quill": the name beside an owner's noun is that person's, not the owner's.
      const owns = ts[k + 1]?.text === "'s" || ts[k + 1]?.text === "\u2019s"
      // "Agency staff have collected …": the head word alone, with no name after it ("Mayor Ruth Okafor"),
      // is the description again, not a fuller mention of the body ("the Nordmark Environment Agency").
      if (found.next - found.first === words.length && withName(found).next === found.next) continue
      // "Engineers from the operator": the description is the group after the preposition; "find money the
      // trust never spends", "was confident the hospital would cope": a determiner after a noun or an
      // adjective opens the group of its own.
      for (let a = k; a > found.first; a--)
        if (ts[a]?.pos === "ADP" || (ts[a]?.pos === "DET" && (ts[a - 1]?.pos === "NOUN" || ts[a - 1]?.pos === "ADJ"))) {
          found = { first: ts[a]?.pos === "DET" ? a : a + 1, next: found.next }
          break
        }
      const article = lower(ts[found.first])
      // "She denied that her authority had cut ...": an owner's pronoun says whose, not which body; the scan
      // goes on to the body's own mention ("the Selmar Forest Authority").
      if (Lexicon.isPossessive(ts[found.first]) && found.next - found.first === words.length + 1) continue
      if (article === "a" || article === "an") {
        indefinite ??= evidenceHolder(ts, found) ?? named(withName(found))
        continue
      }
      if (article !== "the") return nearer(evidenceHolder(ts, found) ?? named(withName(found)))
      if (indefinite) definiteBefore = true
      // "Hollis & Crane, the company said. ... , the company said": a description goes on with the name the same
      // description before it stood for.
      const same = descriptionFound.get(k)
      if (same) {
        // "Helmark ... the company said. ... Vantor Renewables rejected that. The company denied ...": a business
        // named or speaking in the sentence before, after the description last used, is nearer than the name
        // that description stood for; not when the text used the description again between them.
        const firm = Lexicon.isFirm(head[1] ?? "") && !usedBetween ? organisation(g, earlier) : null
        const previous = firm !== null && sentence - (ts[firm.first]?.sentence ?? 0) <= 1
        if (firm && previous && firm.first > k && indefinite === null)
          return decide("description-firm-named-near", firm)
        return nearer(decide("description-continues-description", same))
      }
      usedBetween = true
      // "The Saldera Growers' Union": a name with its article is the name.
      const nameCount = nameWords(ts, found).length
      if (nameCount >= 2 && nameCount >= found.next - found.first - 2) return nearer(namedOn(found, k))
      // "the city transport company, LTC," or "Pinecrest Energy, the utility": the name beside it; not a name
      // after a description that only ends the phrase opening its sentence ("The surveyor appointed by the
      // council, Dan Fell, said": Dan Fell is the surveyor, not the council).
      const beside = owns ? null : ((inOpeningPhrase(ts, found.first) ? null : nameAfter(found)) ?? nameBefore(found))
      if (beside) return nearer(beside)
      // "the Kelby fire brigade ... the brigade": a place's name before the words is a fuller mention too.
      if (!fuller && found.next - found.first > g.next - g.first) fuller = found
    }
    // "a department store ... Galleri Brandt closed its doors. The store said": a business named near stands for
    // the description before a first mention that names none.
    const firmNamed = (): Group | null => {
      const firm = Lexicon.isFirm(head[1] ?? "") ? organisation(g, earlier) : null
      return firm && decide("description-firm-named-near", firm)
    }
    if (indefinite && !definiteBefore)
      return (nameWords(ts, indefinite).length === 0 ? firmNamed() : null) ?? indefinite
    // "the company" → "Orion Corp.": the nearest earlier name that ends as such a body does.
    const endings = Lexicon.bodyEndings(words.join(" ")) ?? Lexicon.bodyEndings(head[1] ?? "")
    if (endings)
      for (let i = lastNameBefore(g.first); i >= 0; i--) {
        const n = names[i] as Name
        if (sentence - n.sentence > 8) break
        const last = lower(ts[n.group.next - 1])
        // "Orion Corp.": wink may leave the abbreviation's full stop a token of its own.
        // "the institute" -> "the National Institute for Infection Control": the word before "of" or "for" too.
        const head = headBeforeOf(n.group)
        if (endings.has(last) || endings.has(head) || (ts[n.group.next]?.text === "." && endings.has(`${last}.`)))
          return decide("description-body-ending", n.group)
        // "the Brandt group", "Harwick council": the body's word in lower case right after the name.
        if (endings.has(lower(ts[n.group.next])) && ts[n.group.next + 1]?.text !== "'s")
          return decide("description-body-ending", { first: n.group.first, next: n.group.next + 1 })
      }
    const firm = firmNamed()
    if (firm) return firm
    return fuller ? decide("description-fuller-mention", fuller) : endings ? namedAfter(g, endings) : null
  }

  /**
   * "The union said ... The Halverstad Dockworkers' Union wants ...": a body the text names only just
   * after the description, in the next two sentences.
   */
  const namedAfter = (g: Group, endings: ReadonlySet<string>): Group | null => {
    const sentence = ts[g.first]?.sentence ?? 0
    for (let i = lastNameBefore(g.next) + 1; i < names.length; i++) {
      const n = names[i] as Name
      if (n.sentence - sentence > 2) break
      if (n.group.first < g.next) continue
      // "The Halverstad Dockworkers' Union": the name's noun group, past a plural's apostrophe.
      const named = after(ts, n.group.first, Math.min(ts.length, n.group.first + MAX_GROUP))
      if (named && nameWords(ts, named).length >= 2 && endings.has(lower(ts[named.next - 1]))) return named
    }
    return null
  }

  /** "the IAEA" → "International Atomic Energy Agency": the nearest earlier run of names with those initials. */
  const expanded = (t: number): Group | null => {
    const letters = ts[t]?.text ?? ""
    const floor = Math.max(0, t - 3000)
    for (let e = t - 1; e >= floor; e--) {
      if (!isName(ts[e]) || isAcronym(ts[e])) continue
      let initials = ""
      let k = e
      while (k >= floor && initials.length < letters.length) {
        const w = ts[k]
        if (w && JOINERS.has(lower(w)) && k < e) k--
        else if (w && startsUpper(w.text) && w.pos !== "PUNCT") {
          initials = w.text.charAt(0) + initials
          k--
        } else break
      }
      if (initials === letters && letters.length >= 2) {
        let first = k + 1
        while (first < e && JOINERS.has(lower(ts[first]))) first++
        return { first, next: e + 1 }
      }
    }
    return null
  }

  const resolveGroup = (g: Group, earlier: ReadonlyArray<Group>): Group => {
    const len = g.next - g.first
    const first = lower(ts[g.first])
    const pronoun = len === 1 ? Lexicon.pronounGender(first) : undefined
    if (pronoun === "male" || pronoun === "female") {
      const found = personalAntecedent(g, earlier, pronoun)
      if (found) {
        if (!learned.has(key(found))) learned.set(key(found), pronoun)
        // "The firm's chief operating officer, Tomas Berg": the name after the description is learned too, so
        // a later "she" does not take "Tomas Berg" named alone.
        let lead = found.first
        for (let k = found.first; k < found.next - 1; k++) if (ts[k]?.text === ",") lead = k + 1
        const name = { first: lead, next: found.next }
        const bare = lead > found.first && nameWords(ts, name).length === name.next - name.first
        if (bare && !learned.has(key(name))) learned.set(key(name), pronoun)
      }
      if (found && len === 1) pronounFound.set(g.first, found)
      // "Mr Fenn said ... He said": the pronoun stands for the fullest name its antecedent stands for.
      return found ? resolveGroup(found, earlier) : g
    }
    // "The company said ... it said": "it" and "they" stand for what their antecedent stands for.
    if (pronoun === "plural" || pronoun === "neuter") {
      const found = pronoun === "plural" ? pluralAntecedent(g, earlier) : bodyAntecedent(g, earlier)
      return found ? resolveGroup(found, earlier) : g
    }
    if (pronoun === "first") return g
    // "the IAEA", "IAEA": an acronym stands for the full name written out before it.
    const acronym = first === "the" && len === 2 ? g.first + 1 : len === 1 ? g.first : -1
    if (acronym >= 0 && isAcronym(ts[acronym])) {
      // One scan per acronym and document: the full name, once written, is the nearest for every later use.
      const letters = ts[acronym]?.text ?? ""
      let full = acronyms.get(letters)
      if (full === undefined || (full !== null && full.next > g.first)) {
        full = expanded(acronym)
        acronyms.set(letters, full)
      }
      return full ?? g
    }
    // "'We are not leaving,' Hallow said": a family name alone that wink tags a verb is a name all the same.
    const mistagged = len === 1 && isMistaggedName(ts[g.first]) && !opensSentence(ts, g.first)
    const words = mistagged ? [lower(ts[g.first] as Token)] : ownWords(ts, g)
    // "Kim's powerful sister": a relative sharing the family name, not the possessor.
    const possessive = possessiveIn(ts, g)
    if (possessive > g.first && Lexicon.isKin(ts[g.next - 1])) {
      const owner = nameWords(ts, { first: g.first, next: possessive })
      const ownerFull = fullerName({ first: g.first, next: possessive }, owner, false)
      let best: Name | null = null
      let distance = Number.POSITIVE_INFINITY
      for (const n of names) {
        if (n === ownerFull || !owner.every((w) => n.words.includes(w)) || n.words.length <= owner.length) continue
        if (ownerFull && n.words.join(" ") === ownerFull.words.join(" ")) continue
        const d = Math.abs((ts[n.group.first]?.start ?? 0) - (ts[g.first]?.start ?? 0))
        if (d < distance && Math.abs(n.sentence - (ts[g.first]?.sentence ?? 0)) <= 2) {
          best = n
          distance = d
        }
      }
      return best?.group ?? g
    }
    // "His lawyer, Odile Marchetti, disputed that. ... Vesk's lawyer said": an owner's role with no name of
    // its own stands for the person named beside the same role before.
    const role = thenNamed(g) ? null : ownerRole(g)
    if (role) return decide("owner-role-named-before", role)
    // A family name alone ("Lee", "Mr. Obama") stands for the fuller name used before; a place's name before a
    // body's noun in lower case ("Harwick council", "Velden police") names that body, and no one's family.
    const body = !startsUpper(ts[g.next - 1]?.text ?? "") && Lexicon.isBodyWord(lower(ts[g.next - 1]))
    if (words.length === 1 && len - words.length <= 1 && possessive < 0 && !body)
      return fullerName(g, words, true)?.group ?? g
    // "according to analysts at Greyfell Capital": people named by their work and the body they work at.
    const at = nameWords(ts, g).length === 0 ? workplace(g) : null
    if (at) return decide("description-at-named-body", at)
    // "A group calling itself Nightjar claimed ...": a description and the name a naming phrase gives it.
    const as = namedAs(g)
    if (as) return decide("description-named-as", as)
    // "according to the mine's operator, Brannock Mining.": the name set beside a description closes the
    // sentence; or a relative clause or an age follows it, as only a name does ("according to the island's
    // president, Ana Ruiz, who toured ...", "One visitor, Tom Reed, 66, said").
    const named = thenNamed(g)
    if (named) return decide("description-then-name", named)
    if (first === "the" && words.length === 0 && len >= 2) {
      const found = described(g, earlier)
      if (found && nameWords(ts, found).length > 0) descriptionFound.set(g.next - 1, found)
      return found ?? roleNamedLater(g) ?? g
    }
    return (opensDescription(g, possessive) && words.length === 0 && len >= 2 ? roleNamedLater(g) : null) ?? g
  }

  /**
   * "..., its mayor said on Monday. The town hall is offering 22 houses, said mayor Lucia Ferrand.": a role
   * named no one before, whose word opens a person's name within the next two sentences ("mayor Lucia
   * Ferrand", "the mayor, Lucia Ferrand"), is that person, as a wire's lead names the speaker after.
   */
  const roleNamedLater = (g: Group): Group | null => {
    const role = lower(ts[g.next - 1])
    // "a top engineer warned ... Hydraulic engineer Professor Imelda Vance said": a trade as well as an office.
    if (!Lexicon.isRole(role) && !Lexicon.isOccupation(ts[g.next - 1])) return null
    const sentence = ts[g.first]?.sentence ?? 0
    for (let k = g.next; k < ts.length && (ts[k]?.sentence ?? 0) - sentence <= 2; k++) {
      if (lower(ts[k]) !== role) continue
      const from = ts[k + 1]?.text === "," ? k + 2 : k + 1
      const name = after(ts, from, Math.min(ts.length, from + MAX_GROUP))
      if (name && name.first === from && onlyNames(name) && nameWords(ts, name).length >= 2)
        return decide("description-role-named-later", name)
    }
    return null
  }

  const resolve = (g: Group, earlier: ReadonlyArray<Group>): { span: Span.Span; rule: string | null } => {
    how = null
    const found = resolveGroup(g, earlier)
    return { span: span(ts, apposition(ts, found)), rule: how }
  }
  return { resolve }
}
