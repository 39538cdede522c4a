/**
 * Who says what in a document: each attribution's source (resolved to the speaker it names), cue,
 * content (a quote or a reported clause), mode, stance and hedging, found in one linear pass.
 */
import type { Attribution, Span } from "@crosscheck/domain"
import { type Analysis, lower, MAX_SENTENCE_TOKENS, startsUpper, type Token, tokenAt } from "./Analysis.js"
import * as Cues from "./Cues.js"
import { approximatorBefore, isNumberWord } from "./internal/Catalogue.js"
import * as Lexicon from "./Lexicon.js"
import * as Quotes from "./Quotes.js"
import * as Rejections from "./Rejections.js"
import * as Speakers from "./Speakers.js"
import { MONTHS, WEEKDAYS } from "./TimeExpressions.js"

export interface TextSpan {
  readonly text: string
  readonly span: Span.Span
}

export interface Found {
  /** The speaker, resolved: "she" gives the span of the name she stands for. */
  readonly source: TextSpan | null
  /** The words that name the source where the cue is ("she", "who", "the think tank"). */
  readonly mention: TextSpan | null
  readonly cue: Attribution.Cue
  readonly content: TextSpan
  readonly mode: Attribution.Mode
  readonly stance: Attribution.Stance
  readonly hedged: boolean
  /** `Sentence.index` of the sentence holding the cue. */
  readonly sentence: number
  /** The named rules (rules.json) that found it: "how the content was found+how the source was". */
  readonly rule: string
}

export interface Result {
  readonly attributions: ReadonlyArray<Found>
  readonly quotes: ReadonlyArray<Quotes.Quote>
}

type Group = Speakers.Group

/** A sentence as attribution reads it: wink's sentences joined where wink split one, past a dateline. */
interface Unit {
  first: number
  last: number
  readonly index: number
}

/** Where a cue's source and content are, and the rules that found them. */
interface Located {
  readonly group: Group | null
  readonly inherited: boolean
  readonly sourceRule: string
  readonly sourceAfter: boolean
  readonly contentRule: string
  readonly mode: Attribution.Mode
  readonly content: TextSpan | null
  /** Token index of the content's last token, for reported clauses; -1 otherwise. */
  readonly contentLast: number
  /** The first token after the cue, before "that" or a recipient is passed; -1 without a reported clause. */
  readonly contentOpen: number
  /** Token index of the content's first token, for reported clauses; -1 otherwise. */
  readonly contentFirst: number
  /** "the gifts, which he said were favours": the relative word before the cue's subject, which the content opens with. */
  readonly relative?: number
}

// Adverbs between a cue and its content ("said tearfully:"); not "to", which opens the content.
const SKIP_AFTER_CUE = new Set(["ADV"])
/** The parts of speech of the one told, between "told" and a colon: "told us:", "told the Clarion:". */
const RECIPIENT = new Set(["PRON", "NOUN", "PROPN"])
const DASH = /^(--|\u2014|\u2013)$/
const CLAUSE_END = new Set(["citing", "according", "adding", "saying", "noting"])
/** Irregular past participles of cue verbs, read as the passive after "be" ("is said to", "was told"). */
const PARTICIPLES = new Set(["said", "told", "thought", "known", "seen", "shown", "written", "understood", "held"])
/** Small words a title leaves in lower case ("Meet the Press"). */
const TITLE_JOINERS = new Set(["the", "of", "and", "a", "an", "in", "on", "for", "to", "with", "at"])
/** Pronouns that open a relative clause with no "who" after the noun it describes ("the experts I asked"). */
const CONTACT_PRONOUNS = new Set(["i", "we", "you", "they", "he", "she"])
/** Words opening a relative clause set off by a comma, which describes the noun before it. */
const RELATIVE_OPENERS = new Set(["who", "whose", "which", "where"])
/** Month and weekday names: a label made of one dates a timeline's entry. */
const CALENDAR: ReadonlySet<string> = new Set<string>([...MONTHS, ...WEEKDAYS])

/**
 * "Early October:", "Mid-November:", "Tuesday:": a label before a colon that names a month or a day is a
 * timeline's date, not a speaker ("Theresa May:" is one: "May" dates only as the label's first word).
 */
const datesEntry = (label: ReadonlyArray<Token>): boolean =>
  label.some((t, n) =>
    lower(t)
      .split("-")
      .some((w) => CALENDAR.has(w) && (n === 0 || w !== "may")),
  )
/**
 * Words opening a clause of when, whatever wink tags them ("after" is often a preposition); not one of why
 * ("because", "as"), which may still give the speaker's own reasons.
 */
/**
 * The parts of speech that go on with a clause after a quotation opening it ('"Holt exaggerates" the level',
 * '"the economy" is weak'); a conjunction, a preposition or an adverb starts something of the writer's own.
 */
const RUNS_ON = new Set(["DET", "NOUN", "PROPN", "ADJ", "AUX", "VERB"])
/** Relative words a report can sit inside, with its subject after them: "which he said were favours". */
const REPORTED_RELATIVES = new Set(["which", "what"])
const SUBORDINATORS = new Set(["after", "before", "while", "when", "until"])
const INHERIT_BEFORE = new Set(["and", "or", "but", "by", "while", "after", "before", ",", "when", "as", "then"])

const textSpan = (text: string, start: number, end: number): TextSpan => ({
  text: text.slice(start, end),
  span: { start, end },
})

/**
 * Punctuation, or a symbol that is only a mark: wink tags "10:00pm", "6am", "$" and "%" SYM too, and they
 * are words of what was said ("prices rose 4%").
 */
const WORDLIKE_SYMBOL = /[\p{L}\p{N}\p{Sc}%‰°]/u
const isPunct = (t: Token | undefined): boolean =>
  t?.pos === "PUNCT" || (t?.pos === "SYM" && !WORDLIKE_SYMBOL.test(t.text))
const isName = (t: Token | undefined): boolean => t !== undefined && startsUpper(t.text)
/** A capitalised word wink tags a proper noun. */
const isProperName = (t: Token | undefined): boolean => t?.pos === "PROPN" && isName(t)
/** A capitalised word that may be a first name whatever wink tags it: no mark, not "I". */
const mayBeFirstName = (t: Token | undefined): boolean =>
  t !== undefined && t.pos !== "PUNCT" && t.text !== "I" && isName(t)

const NO_SUCH = /\bno such\b/i
/** Parts of speech a subject's noun group ends in. */
const HEADS_BEFORE = new Set(["NOUN", "PROPN"])
const QUOTE_MARK = /^["\u201C\u201D\u2018\u2019'`]+$/
/** A later line opening with a name in capitals and a colon ("PENCE: Well, ..."): the text is a transcript. */
const TRANSCRIPT_TURN = /\n[ \t]*["\u201C]?\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,}){0,2}[ \t]*:/u

/** Whether two attributions report the same words (a function made once, not for every sentence). */
const sameContent = (a: Found, b: Found): boolean =>
  a.content.span.start === b.content.span.start && a.content.span.end === b.content.span.end

/**
 * The attributions of an analysed text; `outlet` is the publishing outlet's name, which names no speaker.
 * `titled`: the document's headline is held apart from its text (a title of its own), so its text opens with
 * prose, and a short label before a colon opening it is a dateline ("Patna: Four passengers ..."), never a
 * headline's speaker.
 */
export const find = (analysis: Analysis, outlet: string | null = null, titled = false): Result => {
  const { text, tokens: ts, sentences } = analysis
  const quotes = Quotes.find(text)
  const resolver = Speakers.resolver(ts, outlet)
  const quoteOpeningAt = new Map<number, Quotes.Quote>()
  const quoteClosingAt = new Map<number, Quotes.Quote>()
  for (const q of quotes) {
    quoteOpeningAt.set(q.outer.start, q)
    quoteClosingAt.set(q.outer.end, q)
  }
  const found: Found[] = []
  let qi = 0
  const sourceGroups: Group[] = []
  const groupSpan = (g: Group): TextSpan => textSpan(text, ts[g.first]?.start ?? 0, ts[g.next - 1]?.end ?? 0)
  /** The speaker a mention stands for, and the resolution rule (rules.json) that found it, when one did. */
  const resolved = (g: Group): { readonly source: TextSpan; readonly how: string | null } => {
    const r = resolver.resolve(g, sourceGroups)
    return { source: textSpan(text, r.span.start, r.span.end), how: r.rule }
  }
  /** "quote-before-cue+subject-before-cue+pronoun-continues-pronoun": a resolution rule goes last. */
  const ruled = (rule: string, how: string | null): string => (how === null ? rule : `${rule}+${how}`)

  /** A question or a condition hedges a content of one sentence; a long quote may hold one and still assert. */
  const oneSentence = (content: TextSpan): boolean =>
    ts[tokenAt(ts, content.span.start)]?.sentence === ts[tokenAt(ts, content.span.end) - 1]?.sentence

  /** Does the content end in a question mark, inside or just after its quote? */
  const isQuestion = (content: TextSpan): boolean =>
    /\?["'\u201D\u2019]?$/.test(text.slice(content.span.end - 1, content.span.end + 2).trimEnd()) ||
    text[content.span.end] === "?"

  /**
   * "said in a statement that ...", "told Reuters that ...", "told reporters the river ...": the
   * words between the cue and its clause say where or to whom it was said, and are not the content.
   */
  const pastRecipient = (c: number, s1: number, lemma: string): number => {
    for (let k = c; k < s1 && k - c < 7; k++) {
      const t = ts[k]
      if (!t || t.pos === "VERB" || t.pos === "AUX" || isPunct(t) || t.type === "tabCRLF") break
      if (k > c && lower(t) === "that" && t.pos === "SCONJ") return k + 1
    }
    if (lemma !== "tell") return c
    // One word or a run of names: "told reporters", "told him", "told Reuters".
    let r = c + 1
    while (r < s1 && r - c < 4 && ts[c]?.pos === "PROPN" && ts[r]?.pos === "PROPN") r++
    const follow = ts[r]
    const recipient = ts[c]?.pos === "NOUN" || ts[c]?.pos === "PROPN" || ts[c]?.pos === "PRON"
    return recipient && (follow?.pos === "DET" || follow?.pos === "PRON" || follow?.pos === "PROPN") ? r : c
  }

  /**
   * A verb, or a past form wink tagged a noun right after the noun or pronoun that is its subject
   * ("volunteers deserved answers", "fishermen rescued 41 people").
   */
  const verbAt = (k: number): boolean => {
    const t = ts[k]
    if (t?.pos === "VERB" || t?.pos === "AUX") return true
    const subject = ts[k - 1]?.pos
    // "she bakes two hundred loaves": after a singular personal pronoun, a word in -s wink tags a noun is its verb.
    if (t?.pos === "NOUN" && /\p{Ll}s$/u.test(t.text) && Lexicon.isSingularSubject(lower(ts[k - 1]))) return true
    // "35,000 passengers a day use the line": after a rate's period, a word wink tags a noun, before an
    // article, is the verb of the figure's clause.
    if (
      t?.pos === "NOUN" &&
      /^\p{Ll}+$/u.test(t.text) &&
      Lexicon.isTimeNoun(ts[k - 1]) &&
      (Lexicon.isArticle(ts[k - 2]) || Lexicon.isQuantifier(ts[k - 2]) || lower(ts[k - 2]) === "per") &&
      ts[k + 1]?.pos === "DET"
    )
      return true
    return (
      t?.pos === "NOUN" &&
      t.text.endsWith("ed") &&
      /\p{Ll}ed$/u.test(t.text) &&
      (subject === "NOUN" || subject === "PRON")
    )
  }

  /** Does a clause of its own start at k: a subject and its verb, a participle or a subordinator? */
  const clauseAt = (k: number, s1: number): boolean => {
    const t = ts[k]
    if (!t || t.type === "tabCRLF") return true
    if (t.pos === "SCONJ" || (t.pos === "VERB" && /ing$/i.test(t.text))) return true
    // ", and the mayor said", ", as officials said": a joined clause is one too; ", and Y" or ", which" is not.
    if (t.pos === "CCONJ" || lower(t) === "as") return k + 1 < s1 && ts[k + 1]?.pos !== "CCONJ" && clauseAt(k + 1, s1)
    // ", which benefits many" runs on; ", which he said were favours" is a report of its own.
    if (t.pos === "PRON" && Speakers.isRelative(ts, { first: k, next: k + 1 })) {
      const g = Speakers.after(ts, k + 1, s1)
      return g !== null && Cues.at(ts, g.next) !== null
    }
    const g = Speakers.after(ts, k, s1)
    const verb = g ? ts[g.next] : undefined
    return verb !== undefined && (verb.pos === "VERB" || verb.pos === "AUX")
  }

  /**
   * "..., said Mr. Dorn, the lawyer": a report verb with its speaker after it, which ends the clause
   * another cue's content runs on in (the inverted report is a cue of its own).
   */
  const invertedReport = (k: number, s1: number): boolean => {
    const m = Cues.at(ts, k)
    if (!m || m.clause || m.mode !== null) return false
    const g = Speakers.after(ts, m.next, s1)
    return g !== null && g.first === m.next && (g.next >= s1 || isPunct(ts[g.next]))
  }

  /** The last content end of a sentence: before its closing punctuation and quote marks. */
  const contentEnd = (first: number, last: number): number => {
    let k = last - 1
    while (k >= first && (isPunct(ts[k]) || ts[k]?.type === "tabCRLF")) k--
    return k
  }

  /** "Sen. Lara Quinn (R-S.C.) told": wink ends a sentence inside the brackets, which the next one closes. */
  const openParen = (unit: { first: number; last: number }): boolean => {
    for (let k = unit.last - 1; k >= unit.first && k >= unit.last - 6; k--) {
      if (ts[k]?.text === ")") return false
      if (ts[k]?.text === "(") return true
    }
    return false
  }

  /** "said the Rev. Peter Dunn": wink ends a sentence at a title's full stop it does not know; the name goes on. */
  const endsInTitle = (unit: { first: number; last: number }): boolean =>
    unit.last - 2 >= unit.first &&
    ts[unit.last - 1]?.text === "." &&
    Lexicon.isTitleWord(`${lower(ts[unit.last - 2])}.`) &&
    ts[unit.last - 1]?.start === ts[unit.last - 2]?.end

  // wink ends a sentence after "(D-Wis.)"; a sentence opening in lower case continues the one before.
  const units: Unit[] = []
  sentences.forEach((sentence) => {
    const prior = units[units.length - 1]
    // Never past the length Analysis cuts overlong sentences to, so that a cut stays cut.
    const fits = prior !== undefined && sentence.last - prior.first <= MAX_SENTENCE_TOKENS
    if (
      prior &&
      fits &&
      prior.last === sentence.first &&
      (/^\p{Ll}/u.test(ts[sentence.first]?.text ?? "") || openParen(prior) || endsInTitle(prior))
    )
      prior.last = sentence.last
    else {
      // A dateline or byline opening the sentence is no part of it, least of all its speaker.
      const first = Speakers.leadEnd(ts, sentence.first, sentence.last)
      units.push({ first, last: sentence.last, index: sentence.index })
    }
  })

  /**
   * "Seoul's claims that X are unfounded": X is a claim of its own, reported as false by whoever
   * says the sentence (the outlet itself when nobody is cited), with the predicate as its cue.
   */
  const disputedClaims = (s0: number, s1: number, around: ReadonlyArray<Found>): Found[] => {
    const out: Found[] = []
    for (let i = s0; i + 1 < s1; i++) {
      // "that" first, by its length before its lower case: it rules out nearly every word with no copy made.
      if (ts[i + 1]?.text.length !== 4 || lower(ts[i + 1]) !== "that" || !Cues.isClaimNoun(ts[i] as Token)) continue
      const c = i + 2
      for (let k = c + 1; k < s1; k++) {
        if (ts[k]?.lemma !== "be") continue
        let p = k + 1
        while (p < s1 && ts[p]?.pos === "ADV") p++
        const length = Cues.disputePredicateAt(ts, p)
        if (length === 0) continue
        const start = ts[c]?.start ?? 0
        const end = ts[k - 1]?.end ?? 0
        const cueSpan = { start: ts[k]?.start ?? 0, end: ts[p + length - 1]?.end ?? 0 }
        // The claim noun's own possessor ("Seoul's claims") made the claim; the holder is who reports it.
        // A loop, not around.find(callback): a callback reading `i` made the engine allocate a context at every token.
        let holder: Found | undefined
        for (const f of around)
          if (f.content.span.start <= start && f.content.span.end >= end && f.cue.span.start !== ts[i]?.start) {
            holder = f
            break
          }
        out.push({
          source: holder?.source ?? null,
          mention: holder?.mention ?? null,
          cue: {
            text: text.slice(cueSpan.start, cueSpan.end),
            lemma: lower(ts[p + length - 1]),
            span: cueSpan,
          },
          content: textSpan(text, start, end),
          mode: holder ? holder.mode : "asserted",
          stance: "disputes",
          hedged: holder?.hedged ?? false,
          sentence: ts[i]?.sentence ?? 0,
          rule: "claim-called-false",
        })
        break
      }
    }
    return out
  }

  const found1 = (
    group: Group,
    cue: number,
    content: TextSpan,
    sentence: number,
    rule: string,
    entry: { readonly lemma: string; readonly entry: Cues.Entry } | null = null,
  ): Found => {
    const { source, how } = resolved(group)
    sourceGroups.push(group)
    const lemma = entry?.lemma ?? "say"
    return {
      source,
      mention: groupSpan(group),
      cue: { text: ts[cue]?.text ?? "", lemma, span: { start: ts[cue]?.start ?? 0, end: ts[cue]?.end ?? 0 } },
      content,
      mode: entry ? "indirect" : "direct",
      stance: entry?.entry.stance ?? "asserts",
      hedged: (entry?.entry.hedged ?? false) || Lexicon.isIntention(lemma),
      sentence,
      rule: ruled(rule, how),
    }
  }

  /**
   * A line of four or more words, nearly all capitalised: a headline ("Black Lawmakers Rip Senator As A 'Fraud'").
   * Read from s0 to the line's end or s1, whichever comes first.
   */
  const titleCase = (s0: number, s1: number): boolean => {
    let words = 0
    let caps = 0
    for (let k = s0; k < s1 && ts[k]?.type !== "tabCRLF"; k++) {
      const t = ts[k] as Token
      if (t.pos === "PUNCT" || t.pos === "NUM" || t.pos === "SYM" || TITLE_JOINERS.has(lower(t))) continue
      words++
      if (startsUpper(t.text)) caps++
      // Prose fails within its first words: no need to read the rest of the sentence.
      else if (words - caps > 1 && words - caps > 0.2 * words) return false
    }
    return words >= 4 && caps >= 0.8 * words
  }

  /**
   * "NEW DELHI: India today termed ...", "Patna: Four passengers were killed ...": a place in capitals (in no
   * transcript, whose later lines open with names in capitals too), or, in a text whose headline is held
   * apart (`titled`), a word or two before prose with a verb of its own, opening the article, is its
   * dateline ("TNI Bureau: At least four people were killed ..."), not a headline's speaker.
   */
  const datelineLabel = (o: number, colon: number, lineEnd: number): boolean =>
    (ts.slice(o, colon).every((t) => /^\p{Lu}{2,}$/u.test(t.text)) &&
      !TRANSCRIPT_TURN.test(text.slice(ts[lineEnd]?.start ?? text.length))) ||
    (titled &&
      colon - o <= 2 &&
      ts.slice(colon + 1, lineEnd).some((t) => t.pos === "VERB" || t.pos === "AUX") &&
      !QUOTE_MARK.test(ts[colon + 1]?.text ?? ""))

  /**
   * A headline, where wink reads every capitalised word as a name: "Ada Holt on the Budget: 'Cuts Are
   * Coming'" (a colon after a label naming the speaker, in a title-case line or the text's first line), or
   * "Black Lawmakers Rip Senator As A 'Fraud'" (a capitalised cue verb after the names that speak).
   */
  const headline = (s0: number, s1: number, sentence: number, first: boolean): { found: Found; cue: number } | null => {
    let o = s0
    while (o < s1 && (isPunct(ts[o]) || ts[o]?.type === "tabCRLF")) o++
    // Prose is told from a headline within its first words, before its line's end is looked for.
    const title = titleCase(o, s1)
    if (!title && !first) return null
    let e = o
    while (e < s1 && ts[e]?.type !== "tabCRLF") e++
    const last = contentEnd(o, e)
    for (let k = o + 1; k < last; k++) {
      const t = ts[k] as Token
      if (QUOTE_MARK.test(t.text)) return null
      if (t.text === ":") {
        let n = o
        while (n < k && !(isName(ts[n]) && ts[n]?.pos === "PROPN")) n++
        // "A Lesson From Ada Holt:": the name's group, which a family name wink tags otherwise still closes.
        const next = Speakers.after(ts, n, k)?.next ?? n + 1
        let c = k + 1
        while (c <= last && isPunct(ts[c])) c++
        // "The Latest:", "Correction:": the outlet's own label names no speaker.
        if (n === k || c > last || ts.slice(o, k).some(Cues.isEditorialLabel) || datesEntry(ts.slice(o, k))) return null
        if (datelineLabel(o, k, e)) return null
        const content = textSpan(text, ts[c]?.start ?? 0, ts[last]?.end ?? 0)
        return { found: found1({ first: n, next }, k, content, sentence, "headline-label-before-colon"), cue: k }
      }
      const verb = title ? Cues.headlineVerb(t) : undefined
      if (verb && isName(ts[k - 1]) && ts[o]?.pos === "PROPN") {
        let c = k + 1
        while (c <= last && isPunct(ts[c]) && !QUOTE_MARK.test(ts[c]?.text ?? "")) c++
        if (c >= last) return null
        const content = textSpan(text, ts[c]?.start ?? 0, ts[last]?.end ?? 0)
        return { found: found1({ first: o, next: k }, k, content, sentence, "headline-title-case-verb", verb), cue: k }
      }
    }
    return null
  }

  /**
   * A speaker's label opening a sentence: "WALLACE: Let's start ..." in a transcript, "Pat Caddell:
   * Democrat voters worried ..." in a headline. The label is a short run of capitalised words.
   */
  const labelled = (s0: number, s1: number, sentence: number, first: boolean): Found | null => {
    let o = s0
    while (o < s1 && (isPunct(ts[o]) || ts[o]?.type === "tabCRLF") && ts[o]?.text !== ":") o++
    let k = o
    // Names only: "The Latest:", "Correction:" or "Stealth Over Health:" label no speaker.
    while (k < s1 && k - o < 4 && isName(ts[k]) && ts[k]?.pos === "PROPN") k++
    if (k === o || ts[k]?.text !== ":" || k + 1 >= s1 || Cues.isEditorialLabel(ts[o] as Token)) return null
    // "Early October:", "Mid-November:", "Tuesday:": a timeline's date, not a speaker ("Theresa May:" is one).
    if (datesEntry(ts.slice(o, k))) return null
    const group = { first: o, next: k }
    // The content runs to the paragraph's end: a transcript turn or a headline.
    let e = k + 1
    while (e < ts.length && ts[e]?.type !== "tabCRLF") e++
    const last = contentEnd(k + 1, e)
    // Opening the article, a place's dateline ("NEW DELHI: India today termed ...").
    if (first && datelineLabel(o, k, e)) return null
    let c = k + 1
    while (c < last && isPunct(ts[c])) c++
    if (last < c) return null
    return found1(group, k, textSpan(text, ts[c]?.start ?? 0, ts[last]?.end ?? 0), sentence, "speaker-label")
  }

  /** A quote signed with a horizontal bar: "... our greatest shame." ― Sonya Herridge. */
  const dashed = (k: number, s1: number, sentence: number): Found | null => {
    if (!Cues.isQuoteDash(ts[k] as Token)) return null
    let b = k - 1
    while (b >= 0 && (ts[b]?.type === "tabCRLF" || ts[b]?.pos === "SPACE")) b--
    const closing = quoteClosingAt.get(ts[b]?.end ?? -1)
    const group = Speakers.after(ts, k + 1, s1) ?? (isName(ts[k + 1]) ? { first: k + 1, next: k + 2 } : null)
    if (!closing || !group) return null
    return found1(group, k, textSpan(text, closing.inner.start, closing.inner.end), sentence, "quote-signed-by-dash")
  }

  /**
   * 'In an interview on CBS's "Face the Nation,"': a short quotation of capitalised words (a show's,
   * a book's title) inside a phrase that opens the sentence with a preposition.
   */
  const titleInOpening = (q: Quotes.Quote, s0: number): boolean => {
    if (ts[s0]?.pos !== "ADP") return false
    const words = text
      .slice(q.inner.start, q.inner.end)
      .replace(/[,.]+$/, "")
      .split(/\s+/)
    return words.length <= 6 && words.every((w) => /^[\p{Lu}\d]/u.test(w) || TITLE_JOINERS.has(w))
  }

  /** Is token i inside a quotation? Asked in text order, so the quote cursor only moves forward. */
  const insideQuote = (i: number): boolean => {
    while (qi < quotes.length && (quotes[qi]?.inner.end ?? 0) <= (ts[i]?.start ?? 0)) qi++
    const q = quotes[qi]
    return q !== undefined && q.inner.start <= (ts[i]?.start ?? 0)
  }

  /**
   * A nominal cue with its holder before it: "Trump's claim that ...", "her support for ...",
   * "his comments about ...". The possessor is the source; what the linking word opens is the content.
   */
  const possessed = (i: number, s0: number, s1: number, sentence: number): Found | null => {
    let p = i - 1
    if (ts[p]?.pos === "ADJ") p--
    const owner = ts[p]
    if (!owner || p < s0) return null
    let group: Group | null = null
    if (Cues.isPossessivePronoun(owner)) group = { first: p, next: p + 1 }
    else if (owner.text === "'s" || owner.text === "\u2019s") group = Speakers.before(ts, p, s0)
    if (!group) return null
    let c = i + 1
    if (!Cues.isNounLink(ts[c] as Token)) return null
    if (lower(ts[c]) !== "to") c++
    let e = c
    // Quote marks inside the clause are part of it: "his claim that there were “thousands” of ...".
    while (e < s1 && (!isPunct(ts[e]) || QUOTE_MARK.test(ts[e]?.text ?? "")) && ts[e]?.type !== "tabCRLF") e++
    while (e > c && QUOTE_MARK.test(ts[e - 1]?.text ?? "")) e--
    // "the mayor's claims that the bridge is safe are false": her claim ends where it is called false;
    // "called the union's claim of 40 cases baseless": where the verb before it calls it false.
    let v = group.first - 1
    while (v > s0 && v > group.first - 6 && ts[v]?.pos !== "VERB") v--
    const calledFalse = ts[v]?.pos === "VERB" && Cues.isCallingVerb(ts[v]?.lemma ?? "")
    for (let k = c + 1; k < e; k++) {
      if (calledFalse && Cues.disputePredicateAt(ts, k) > 0) {
        e = k
        break
      }
      if (ts[k]?.lemma !== "be") continue
      let p = k + 1
      while (p < e && ts[p]?.pos === "ADV") p++
      if (Cues.disputePredicateAt(ts, p) > 0) {
        e = k
        break
      }
    }
    if (e - c < 1) return null
    const entry = Cues.nounEntry(ts[i] as Token)
    const { source, how } = Cues.isPossessivePronoun(owner) ? resolved({ first: p, next: p + 1 }) : resolved(group)
    sourceGroups.push(group)
    return {
      source,
      mention: groupSpan(group),
      cue: {
        text: ts[i]?.text ?? "",
        lemma: ts[i]?.lemma ?? "",
        span: { start: ts[i]?.start ?? 0, end: ts[i]?.end ?? 0 },
      },
      content: textSpan(text, ts[c]?.start ?? 0, ts[e - 1]?.end ?? 0),
      mode: "indirect",
      stance: entry?.stance ?? "asserts",
      hedged: entry?.hedged ?? false,
      sentence,
      rule: ruled("possessor-of-claim-noun", how),
    }
  }

  /** "was reported", "is expected", "has been said": a participle cue after a form of "be", with no "by" after it. */
  const agentless = (m: Cues.Match, s0: number): boolean => {
    const t = ts[m.first]
    if (t?.pos !== "VERB" || m.next - m.first !== 1 || lower(ts[m.next]) === "by") return false
    if (!/ed$/i.test(t.text) && !PARTICIPLES.has(lower(t))) return false
    if (Cues.isAttitude(lower(t))) return false
    let b = m.first - 1
    while (b > s0 && (ts[b]?.pos === "ADV" || Cues.isNegator(ts[b]))) b--
    return ts[b]?.lemma === "be" && ts[b]?.pos === "AUX"
  }

  /**
   * "The nominee has been endorsed by dozens of papers": a cue in the passive names its source after
   * "by", and what it holds (the sentence's subject) before it.
   */
  const passive = (m: Cues.Match, s0: number, s1: number, sentence: number): Found | null => {
    if (lower(ts[m.next]) !== "by" || m.next - m.first !== 1 || !/ed$/i.test(ts[m.first]?.text ?? "")) return null
    let b = m.first - 1
    while (b > s0 && ts[b]?.pos === "ADV") b--
    if (ts[b]?.lemma !== "be" || ts[b]?.pos !== "AUX") return null
    while (b > s0 && (ts[b - 1]?.pos === "AUX" || ts[b - 1]?.pos === "ADV" || Cues.isNegator(ts[b - 1]))) b--
    const group = Speakers.after(ts, m.next + 1, s1)
    const subject = Speakers.before(ts, b, s0)
    if (!group || !subject || Speakers.isRelative(ts, subject)) return null
    const { source, how } = resolved(group)
    sourceGroups.push(group)
    const cueSpan = { start: ts[m.first]?.start ?? 0, end: ts[m.first]?.end ?? 0 }
    return {
      source,
      mention: groupSpan(group),
      cue: { text: text.slice(cueSpan.start, cueSpan.end), lemma: m.lemma, span: cueSpan },
      content: groupSpan(subject),
      mode: "indirect",
      stance: m.stance,
      hedged: m.hedged,
      sentence,
      rule: ruled("subject-of-passive+agent-after-by", how),
    }
  }

  /**
   * "Asked about the levy, Holt said ...", "When pressed by reporters on the delay, ...": a question put to the
   * speaker, its participle opening the sentence, is reported too (and asserts nothing); whoever put it is
   * named after "by", or not at all. Its content runs to the comma before the main clause.
   */
  const questionPut = (m: Cues.Match, s0: number, s1: number): Located | null => {
    const t = ts[m.first]
    if (t?.pos !== "VERB" || !/ed$/i.test(t.text) || !Cues.isQuestioningVerb(m.lemma)) return null
    let o = s0
    while (o < m.first && (isPunct(ts[o]) || ts[o]?.type === "tabCRLF")) o++
    if (lower(ts[o]) === "when" && o + 1 === m.first) o++
    if (o !== m.first) return null
    let k = m.next
    let group: Group | null = null
    if (lower(ts[k]) === "by") {
      group = Speakers.after(ts, k + 1, s1)
      if (!group) return null
      k = group.next
    }
    // "about the levy": past the word that opens the topic; "to explain", "whether ..." are what was asked.
    if (Cues.isQuestionTopic(ts[k])) k++
    else if (!Cues.isQuestionOpener(ts[k])) return null
    let e = k
    while (e < s1 && ts[e]?.text !== "," && !QUOTE_MARK.test(ts[e]?.text ?? "")) e++
    if (e >= s1 || ts[e]?.text !== "," || e - k < 1) return null
    return {
      group,
      inherited: false,
      sourceRule: group ? "agent-after-by" : "no-agent-in-passive",
      sourceAfter: group !== null,
      contentRule: "question-put-opening-sentence",
      mode: "indirect",
      content: textSpan(text, ts[k]?.start ?? 0, ts[e - 1]?.end ?? 0),
      contentLast: e - 1,
      contentOpen: k,
      contentFirst: k,
    }
  }

  /** "Asked to name the buyer, the agent declined.": the clause before the main one is a question put, not reported words. */
  const opensWithQuestion = (s0: number, s1: number): boolean => {
    let o = s0
    while (o < s1 && (isPunct(ts[o]) || ts[o]?.type === "tabCRLF" || lower(ts[o]) === "when")) o++
    const m = Cues.at(ts, o)
    return m !== null && questionPut(m, s0, s1) !== null
  }

  /** "according to X": the source after the cue, the content the rest of the sentence; null without a source. */
  const accordingTo = (m: Cues.Match, s0: number, s1: number): Located | null => {
    let group = Speakers.after(ts, m.next, s1)
    if (!group) {
      // "According to police," with "police" tagged a verb: the words up to the comma.
      let e = m.next
      while (e < s1 && e - m.next < 12 && !isPunct(ts[e])) e++
      if (e > m.next && e - m.next < 12) group = { first: m.next, next: e }
    }
    if (!group) return null
    let contentRule = "clause-after-cue"
    let content: TextSpan | null = null
    const last = contentEnd(s0, s1)
    if (m.first === s0 || (m.first === s0 + 1 && isPunct(ts[s0]))) {
      let c = group.next
      // "According to the Relief Agency (IRA), ...": the acronym in brackets is the source's.
      if (ts[c]?.text === "(" && ts[c + 2]?.text === ")") c += 3
      while (c < s1 && (isPunct(ts[c]) || lower(ts[c]) === "that")) c++
      if (c <= last) content = textSpan(text, ts[c]?.start ?? 0, ts[last]?.end ?? 0)
    } else {
      contentRule = "clause-before-cue"
      let e = m.first - 1
      while (e >= s0 && isPunct(ts[e])) e--
      if (e >= s0) content = textSpan(text, ts[s0]?.start ?? 0, ts[e]?.end ?? 0)
    }
    return {
      group,
      inherited: false,
      sourceRule: "according-to",
      sourceAfter: false,
      contentRule,
      mode: "according-to",
      content,
      contentLast: -1,
      contentOpen: -1,
      contentFirst: -1,
    }
  }

  /**
   * "A Quinnipiac poll released in late August found": a participle of the subject's, with its time, sits
   * between it and the cue. The participle's index when tokens ..j end such a phrase, else -1.
   */
  const releasedAt = (j: number, s0: number): number => {
    if (!Lexicon.isTimeWord(ts[j]) && !Lexicon.isTimeNoun(ts[j]) && !Lexicon.isWeekday(ts[j]) && ts[j]?.pos !== "PROPN")
      return -1
    for (let k = j; k > s0 && j - k < 5; k--) {
      const t = ts[k] as Token
      if (t.pos === "VERB" && /ed$/.test(t.text)) return k < j && HEADS_BEFORE.has(ts[k - 1]?.pos ?? "") ? k : -1
      const time = Lexicon.isTimePhraseWord(t)
      if (!time && t.pos !== "ADP" && t.pos !== "DET" && t.pos !== "NUM" && t.pos !== "ADJ" && t.pos !== "PROPN")
        return -1
    }
    return -1
  }

  /**
   * "All the experts I interviewed said", "Everyone we spoke to agreed": a relative clause with no "who",
   * a pronoun and its verb (and a preposition), between the subject and the cue. The index of the
   * subject's last token when tokens ..j end such a clause, else -1.
   */
  const contactClause = (j: number, s0: number): number => {
    const v = ts[j]?.pos === "ADP" || lower(ts[j]) === "to" ? j - 1 : j
    const pronoun = ts[v - 1]
    if (ts[v]?.pos !== "VERB" || pronoun?.pos !== "PRON" || !CONTACT_PRONOUNS.has(lower(pronoun))) return -1
    const head = ts[v - 2]
    return v - 2 >= s0 && (head?.pos === "NOUN" || (head?.pos === "PRON" && /one$|body$/i.test(head.text))) ? v - 2 : -1
  }

  /**
   * "went on to explain", "took to the radio on Sunday to accuse": the subject of the verb that the
   * infinitive at `to` completes, within a few words and no punctuation. Not when that verb hands the
   * infinitive to its object ("asked the mayor to explain") or is a cue itself ("refused to say": that cue
   * holds the infinitive). Beliefs ("come to believe") are left to their own verbs.
   */
  const infinitiveSubject = (to: number, s0: number): Group | null => {
    let v = to - 1
    while (v > s0 && to - v <= 8 && ts[v]?.pos !== "VERB" && ts[v]?.pos !== "AUX") {
      if (isPunct(ts[v]) || ts[v]?.type === "tabCRLF" || ts[v]?.pos === "SCONJ" || ts[v]?.pos === "CCONJ") return null
      v--
    }
    const verb = ts[v]
    // Words between the verb and "to" ("went on to", "took to the radio to"): a verb right before "to"
    // ("likes to", "came to", "need to") makes the infinitive its object, no act of speech of its own.
    if (verb?.pos !== "VERB" || v <= s0 || v + 1 >= to || Cues.at(ts, v) !== null) return null
    if (Lexicon.isObjectControl(verb.lemma)) return null
    let b = v - 1
    while (b > s0 && (ts[b]?.pos === "AUX" || ts[b]?.pos === "ADV" || Cues.isNegator(ts[b] as Token))) b--
    const subject = Speakers.before(ts, b + 1, s0)
    return subject && subject.next === b + 1 ? subject : null
  }

  /** "about 300", "nearly half", "half of": an adverb that is a figure or its approximator. */
  const opensFigure = (k: number): boolean => {
    const t = ts[k] as Token
    const next = ts[k + 1]
    if (
      next?.pos === "NUM" ||
      isNumberWord(t.text, lower(t)) ||
      (next !== undefined && next.pos !== "PUNCT" && isNumberWord(next.text, lower(next)))
    )
      return true
    // "said as many as 18,000 farmers could quit": an approximator of several words (approximators.json)
    // that runs from here to the figure.
    for (let j = k + 2; j <= k + 4 && j < ts.length; j++) {
      const u = ts[j] as Token
      if (isPunct(u)) return false
      if (u.pos !== "NUM" && !isNumberWord(u.text, lower(u))) continue
      const words = `${ts
        .slice(k, j)
        .map((w) => w.text)
        .join(" ")} `
      return approximatorBefore(words)?.back === words.length
    }
    return false
  }

  /**
   * "..., Ms Holm said at the town hall, which ...", "..., the company said late on Friday, after ...": the
   * words after the cue are only where or when it was said (no verb, up to a comma), and what follows that
   * comma is a relative or subordinate clause: they report nothing, and the clause before the cue is the content.
   */
  /** "Prices rose, the company said": a clause with a verb of its own before the speaker's comma. */
  const clauseOpensSentence = (group: Group | null, s0: number): boolean => {
    if (!group) return false
    for (let k = s0; k < group.first - 1; k++) if (verbAt(k)) return true
    return false
  }

  /**
   * Whether tokens [from, to) are a description and nothing else: opened by a determiner, a possessive or
   * a noun, then nouns, adjectives, participles before their nouns, possessives, "of", "for", "at", "in"
   * and "and" (no verb of its own, no comma).
   */
  const descriptionOnly = (from: number, to: number): boolean => {
    if (to - from < 3 || to - from > 16) return false
    const open = ts[from]
    if (!(open?.pos === "DET" || Lexicon.isPossessive(open) || open?.pos === "NOUN" || open?.pos === "PROPN"))
      return false
    // "head of waste, recycling and street cleansing": a list of what an office covers, closed by "and"; a
    // gerund wink tags a verb is an item of it too.
    let closing = -1
    for (let k = from; k < to; k++) if (lower(ts[k]) === "and") closing = k
    const gerund = (x: Token | undefined) => x?.pos === "VERB" && /ing$/.test(x.text)
    for (let k = from; k < to; k++) {
      const t = ts[k] as Token
      const listed =
        t.text === "," && k < closing && (["NOUN", "ADJ"].includes(ts[k + 1]?.pos ?? "") || gerund(ts[k + 1]))
      const item = gerund(t) && k < closing && (ts[k + 1]?.text === "," || lower(ts[k + 1]) === "and")
      const ok =
        listed ||
        item ||
        t.pos === "NOUN" ||
        t.pos === "PROPN" ||
        t.pos === "ADJ" ||
        t.pos === "DET" ||
        t.pos === "NUM" ||
        Lexicon.isPossessive(t) ||
        /^['’]s$/.test(t.text) ||
        t.text === "-" ||
        (t.pos === "ADP" && Lexicon.isOfficePreposition(lower(t))) ||
        (t.pos === "CCONJ" && lower(t) === "and") ||
        // "managing director", "acting chair", "retired bank manager": a participle before its noun.
        (t.pos === "VERB" && /(?:ing|ed)$/.test(t.text) && ["NOUN", "ADJ", "PROPN"].includes(ts[k + 1]?.pos ?? "")) ||
        // "the printing works,": a plural noun wink tags a verb, closing the description.
        (t.pos === "VERB" && k === to - 1 && /\p{Ll}s$/u.test(t.text) && ts[k - 1]?.pos === "NOUN")
      if (!ok) return false
    }
    return true
  }

  const onlyWhenOrWhere = (a: number, s1: number): boolean => {
    const t = ts[a]
    if (!t || !(t.pos === "ADP" || t.pos === "ADV" || t.pos === "ADJ" || Lexicon.isTimeWord(t))) return false
    // "said about 300 homes", "said at least 12 died": a figure's approximator opens a clause.
    if (opensFigure(a) || (lower(t) === "at" && lower(ts[a + 1]) === "least")) return false
    for (let k = a + 1; k < s1 && k - a <= 8; k++) {
      const w = ts[k] as Token
      if (w.pos === "VERB" || w.pos === "AUX" || w.type === "tabCRLF" || QUOTE_MARK.test(w.text)) return false
      if (w.text === ",") {
        const next = ts[k + 1]
        return next !== undefined && (RELATIVE_OPENERS.has(lower(next)) || SUBORDINATORS.has(lower(next)))
      }
    }
    return false
  }

  /**
   * A cue with its source before or after it (a subject, an apposition, the sentence's opener, the
   * speaker before), and its content: a quote beside it, a reported clause after or before it.
   */
  const located = (m: Cues.Match, s0: number, s1: number, hasPrevious: boolean): Located => {
    let group: Group | null = null
    let inherited = false
    let sourceRule = "subject-before-cue"
    let sourceAfter = false
    let contentRule = "clause-after-cue"
    let mode: Attribution.Mode = "indirect"
    let content: TextSpan | null = null
    let contentLast = -1 // token index of the content's last token, for reported clauses
    let contentOpen = -1 // the first token after the cue, before "that" or a recipient is passed
    let contentFirst = -1
    // The source before the cue, past auxiliaries and adverbs ("has also said").
    let j = m.first - 1
    for (;;) {
      if (j >= s0 && (ts[j]?.pos === "AUX" || ts[j]?.pos === "ADV" || Cues.isNegator(ts[j] as Token))) j--
      else if (j - 1 >= s0 && Lexicon.isTimeNoun(ts[j]) && Lexicon.isTimeLead(ts[j - 1])) j -= 2
      else if (j >= s0 && Lexicon.isWeekday(ts[j])) j -= lower(ts[j - 1]) === "on" ? 2 : 1
      // "who in 2010 said": a year after "in".
      else if (j - 1 >= s0 && ts[j]?.pos === "NUM" && /^\d{4}$/.test(ts[j]?.text ?? "") && lower(ts[j - 1]) === "in")
        j -= 2
      else if (j > s0 && releasedAt(j, s0) >= 0) j = releasedAt(j, s0) - 1
      else if (j > s0 && contactClause(j, s0) >= 0) j = contactClause(j, s0)
      // "The latest poll released Friday shows": the participle left once its time is passed.
      else if (
        j > s0 &&
        j + 1 < m.first &&
        ts[j]?.pos === "VERB" &&
        /ed$/.test(ts[j]?.text ?? "") &&
        HEADS_BEFORE.has(ts[j - 1]?.pos ?? "")
      )
        j--
      else if (ts[j]?.text === ")" && j - 8 < s0) break
      else if (ts[j]?.text === ")") {
        // "Rep. Gwen Moore (D-Wis.) said": the parenthesis is no part of the name's end.
        let p = j - 1
        while (p > j - 8 && ts[p]?.text !== "(") p--
        if (ts[p]?.text !== "(") break
        j = p - 1
      } else break
    }
    group = j >= s0 ? Speakers.before(ts, j + 1, s0) : null
    // "Sources close to the mayor said", "A person briefed on the talks said", "Those close to him say": the
    // group after a preposition is what describes the speaker, who comes before the adjective or participle.
    if (group && ts[group.first - 1]?.pos === "ADP" && group.first - 3 >= s0) {
      const modifier = ts[group.first - 2] as Token
      const participle = modifier.pos === "VERB" && /(ing|ed)$/i.test(modifier.text)
      const head = ts[group.first - 3]
      const headed = head?.pos === "NOUN" || head?.pos === "PROPN" || (head?.pos === "DET" && lower(head) === "those")
      if ((modifier.pos === "ADJ" || participle) && headed) {
        const speaker =
          head?.pos === "DET"
            ? { first: group.first - 3, next: group.first - 2 }
            : Speakers.before(ts, group.first - 2, s0)
        if (speaker) group = { first: speaker.first, next: group.next }
      }
    }
    // "Some argue", "Both said", "..., all agreed": a quantifier standing alone is the group that speaks; after
    // the group it floats from, it is part of it ("The ministers all agreed").
    if (!group && j >= s0 && Lexicon.isQuantifier(ts[j]) && ts[j]?.pos !== "NOUN") {
      const floated = j - 1 >= s0 ? Speakers.before(ts, j, s0) : null
      group = floated ? { first: floated.first, next: j + 1 } : { first: j, next: j + 1 }
    }
    // "which engineers said was unsafe", "what the senators said was a giveaway": the relative word opens the
    // content, and the subject after it is the source.
    let relative = -1
    if (group && group.next - group.first >= 2 && REPORTED_RELATIVES.has(lower(ts[group.first]))) {
      relative = group.first
      group = { first: group.first + 1, next: group.next }
    } else if (group && REPORTED_RELATIVES.has(lower(ts[group.first - 1])) && ts[group.first - 1]?.pos !== "SCONJ")
      relative = group.first - 1
    const issuedBy = group ? Speakers.issuer(ts, group, s0) : null
    if (issuedBy) {
      group = issuedBy
      sourceRule = "issuer-of-document"
    }
    if (!group && j > s0 && ts[j]?.text === ",") {
      // An apposition: "South Korea's new liberal president, Lee Jae Myung, said".
      let name = Speakers.before(ts, j, s0)
      // "Swim coach Marta Ilves, 41, said": an age set after the name, which opens the sentence with its role.
      if (name && name.next - name.first === 1 && ts[name.first]?.pos === "NUM" && ts[name.first - 1]?.text === ",") {
        const named = Speakers.before(ts, name.first - 1, s0)
        const lead = named ? named.first - s0 : -1
        // "Another, student Aksel Roe, 21, said", "One of them, pensioner Ulla Strand, 74, said": or after a
        // short lead of its own set off by a comma, with no verb, that the name stands in apposition to.
        const apposed =
          named !== null &&
          lead > 0 &&
          lead <= 6 &&
          ts[named.first - 1]?.text === "," &&
          // "In Harlow, Marta Ilves, 41, said": a phrase of place or time is no lead the name stands for.
          ts[s0]?.pos !== "ADP" &&
          !Lexicon.isPlacePreposition(lower(ts[s0])) &&
          !Lexicon.isTimeWord(ts[s0]) &&
          ts.slice(s0, named.first - 1).every((t) => !isPunct(t) && t.pos !== "VERB" && t.pos !== "AUX")
        const opens =
          named && lead >= 0 && ((lead <= 2 && ts.slice(s0, named.first).every((t) => startsUpper(t.text))) || apposed)
        if (named && opens && ts.slice(named.first, named.next).some(isProperName)) {
          group = { first: s0, next: named.next }
          sourceRule = "apposition-before-cue"
          name = null
        }
      }
      const comma = name ? name.first - 1 : -1
      let head = name && ts[comma]?.text === "," ? Speakers.before(ts, comma, s0) : null
      // "..., a former racing cyclist named Anja Reuss, said": the description a naming word ties to the name.
      if (name && !head && Lexicon.namingPhraseAt(ts, comma) === 1) head = Speakers.before(ts, comma, s0)
      // "A lawyer representing several families, Ingrid Moss, said": a participle and its object describe the
      // noun before them.
      // So do a participle and its preposition: "The consultant hired by the action group, Jonah Brenner, said",
      // "An engineer based in Harlow, Pia Stone, said".
      const byPreposition =
        head !== null &&
        ts[head.first - 1]?.pos === "ADP" &&
        head.first - 2 > s0 &&
        (ts[head.first - 3]?.pos === "NOUN" || ts[head.first - 3]?.pos === "PROPN")
      const at = head ? head.first - (byPreposition ? 2 : 1) : -1
      const participle = head ? ts[at] : undefined
      if (head && participle?.pos === "VERB" && /(ing|ed|en)$/.test(participle.text)) {
        const described = Speakers.before(ts, at, s0)
        // "the Valmora Lift Company, whose managing director, Andreas Feld, said": "whose" is no part of it.
        if (described && lower(ts[described.first]) === "whose") head = { first: at, next: head.next }
        else if (described) head = { first: described.first, next: head.next }
      }
      // "..., the charity that runs them, Lockshare, said": a description with a relative clause of its own
      // before the name; the description is the noun group before "that" or "who".
      if (name && ts[comma]?.text === ",") {
        for (let r = comma - 1; r > s0 && comma - r <= 16 && !isPunct(ts[r]); r--) {
          if (!Speakers.isRelativePronoun(ts[r])) continue
          // "The county's tourism officer, who has worked on three conversions, Leni Strath, said": the
          // relative clause set off by commas of its own, the description before them.
          const set = ts[r - 1]?.text === "," && lower(ts[r]) !== "that"
          const described = Speakers.before(ts, set ? r - 1 : r, s0)
          if (described && (described.first === s0 || ts[described.first - 1]?.text === ","))
            head = { first: described.first, next: comma }
          break
        }
      }
      // "The group's managing director for regional titles and digital growth, Ottilie Garr, said", "The
      // society's treasurer and a retired bank manager, Yusuf Orrin, said": a description of several
      // phrases opening the sentence, with no verb or comma of its own, is all of it the name's.
      if (name && ts[comma]?.text === "," && (head === null || head.first > s0)) {
        const lead = Speakers.leadEnd(ts, s0, comma)
        if (descriptionOnly(lead, comma)) head = { first: lead, next: comma }
      }
      const opener = head ? head.first - 1 : -1
      const whose = lower(ts[opener]) === "whose" && isPunct(ts[opener - 1])
      // "Rafael Dunne, the mayor of Calvera, one of the villages, said": a name before the cue, or one opening
      // the description before it ("..., Dr Ada Holm, the agency's director, told"), else the name opening the
      // sentence is the source (source-opens-sentence).
      const named =
        name !== null &&
        head !== null &&
        (ts.slice(name.first, name.next).some(isProperName) || isProperName(ts[head.first]))
      if (name && head && named && (head.first === s0 || isPunct(ts[opener]) || whose)) {
        group = { first: head.first, next: name.next }
        sourceRule = "apposition-before-cue"
      }
    }
    if (!group && j > s0 && (ts[j]?.text === "," || ts[j]?.text === ")")) {
      // "Scott Pruitt, the attorney general of Oklahoma, said": the source opens the sentence.
      let o = s0
      // '"...," Rep. Jim Jordan (R-Ohio), an oversight panel member, said': the source opens after the quote.
      for (let b = j - 1; b > s0; b--) {
        if (quoteClosingAt.has(ts[b]?.end ?? -1) && isPunct(ts[b])) {
          o = b + 1
          break
        }
      }
      // "WASHINGTON -- President Obama, ...": a dateline is no part of the source.
      let d = o
      while (d < j && d - o < 6 && (/^\p{Lu}+$/u.test(ts[d]?.text ?? "") || ts[d]?.text === ",")) d++
      if (d > o && DASH.test(ts[d]?.text ?? "")) o = d
      while (
        o < j &&
        (isPunct(ts[o]) || ts[o]?.pos === "CCONJ" || ts[o]?.type === "tabCRLF" || lower(ts[o]) === "even")
      )
        o++
      const closing = quoteClosingAt.get(ts[o - 1]?.end ?? -1)
      if (closing) while (o < j && isPunct(ts[o])) o++
      let opener = Speakers.after(ts, o, j)
      // "On Monday, Ada Holt, an adviser to the campaign, said": past a phrase of time or place opening the
      // sentence. "Round the corner, busker Jonno Quill, 27, said": a preposition wink took for a name opens
      // such a phrase too, and is never the speaker.
      const placed = Lexicon.isPlacePreposition(lower(ts[o]))
      if (placed) opener = null
      if (!opener && (ts[o]?.pos === "ADP" || Lexicon.isTimeWord(ts[o]) || placed)) {
        let k = o + 1
        while (k < j && k - o < 8 && ts[k]?.text !== "," && ts[k]?.pos !== "AUX") k++
        if (ts[k]?.text === "," && k < j) opener = Speakers.after(ts, k + 1, j)
      }
      // "Local historian and former teacher Bendt Orre, who ..., said": a description of two nouns joined by
      // "and" before the name; not two people ("Ada Holm and Ivo Lind, who ..., said"). The sentence's first
      // word is capitalised either way, and wink may take it for a name ("Local").
      if (opener && lower(ts[opener.next]) === "and" && !ts.slice(opener.first + 1, opener.next).some(isProperName)) {
        const second = Speakers.after(ts, opener.next + 1, j)
        if (second && second.first === opener.next + 1 && ts.slice(second.first, second.next).some(isProperName))
          opener = { first: opener.first, next: second.next }
      }
      // "A former store manager, Lena Ostrow, who ran the scheme until last year, said", "But the café's
      // treasurer, Bram Olsted, says": a description naming no one, then a name set off by commas, is the
      // name's; the clause after the name keeps the apposition rule from seeing it.
      if (opener && ts[opener.next]?.text === "," && /^\p{Ll}/u.test(ts[opener.next - 1]?.text ?? "")) {
        const name = Speakers.after(ts, opener.next + 1, j)
        if (
          name &&
          name.first === opener.next + 1 &&
          ts[name.next]?.text === "," &&
          ts.slice(name.first, name.next).every((t) => isProperName(t) || Lexicon.isTitle(t))
        )
          opener = { first: opener.first, next: name.next }
      }
      const follow = opener ? ts[opener.next] : undefined
      // "Kall -- co-editor of Debating The Donald -- said": dashes set off the apposition too.
      if (opener && (follow?.text === "," || follow?.text === "(" || DASH.test(follow?.text ?? ""))) {
        group = opener
        sourceRule = "source-opens-sentence"
      }
    }
    // "The senator went on to explain ...", "used blunt language to denounce ...": a cue in an infinitive
    // speaks for the subject of the verb the infinitive completes.
    if (!group && lower(ts[j]) === "to" && ts[j]?.pos === "PART" && (!m.clause || m.object)) {
      const subject = infinitiveSubject(j, s0)
      if (subject) {
        group = subject
        sourceRule = "subject-of-verb-before-infinitive"
      }
    }
    // "..., said Mr. Dorn, the lawyer.": a speaker named right after the cue is no earlier speaker going on.
    // A participle never inverts: "..., Holt said, suggesting a few changes," names no speaker after it.
    const namedAfter =
      !group && ts[j]?.text === "," && !/ing$/i.test(ts[m.first]?.text ?? "") && invertedReport(m.first, s1)
    // 'the mill said: "...," adding that ...': a participle after a quotation closed by its comma goes on with
    // the speaker before it, and reports the clause after it, not the quotation.
    const afterQuote =
      !group &&
      j > s0 &&
      hasPrevious &&
      /ing$/i.test(ts[m.first]?.text ?? "") &&
      QUOTE_MARK.test(ts[j]?.text ?? "") &&
      ts[j - 1]?.text === "," &&
      quoteClosingAt.has(ts[j]?.end ?? -1)
    if (afterQuote) {
      inherited = true
      sourceRule = "same-speaker-as-before"
    } else if (!group && !namedAfter && j >= s0 && INHERIT_BEFORE.has(lower(ts[j])) && hasPrevious) {
      inherited = true
      sourceRule = "same-speaker-as-before"
    } else if (
      !group &&
      j >= s0 &&
      (INHERIT_BEFORE.has(lower(ts[j])) || ts[j]?.pos === "VERB") &&
      (/ing$/i.test(ts[m.first]?.text ?? "") || lower(ts[j]) === "and")
    ) {
      // "..., citing tensions", "Trump ... and criticized Obama": the sentence's subject is the one citing.
      let subjectEnd = s0
      while (subjectEnd < m.first && ts[subjectEnd]?.pos !== "VERB" && ts[subjectEnd]?.pos !== "AUX") subjectEnd++
      group = subjectEnd > s0 ? Speakers.before(ts, subjectEnd, s0) : null
      // "The Daily Post and the Harbor Times filed ...": two groups joined by "and" are one subject.
      const joinedTo = group && lower(ts[group.first - 1]) === "and" ? Speakers.before(ts, group.first - 1, s0) : null
      if (group && joinedTo) group = { first: joinedTo.first, next: group.next }
      // "On Thursday, however, Lee spoke ...": the subject after an opening phrase with no verb of its own.
      const opened = group !== null && group.first > s0 && ts[group.first - 1]?.text === ","
      if (!group || (group.first !== s0 && !opened)) {
        // "Tom Reyes, her rival, bemoaned ... and said": the name opening the sentence, past its apposition.
        const opener = Speakers.after(ts, s0, subjectEnd)
        const named = opener !== null && ts[opener.first]?.pos === "PROPN" && !Lexicon.isTimeWord(ts[opener.first])
        group = named && ts[opener.next]?.text === "," ? opener : null
      }
      sourceRule = "sentence-subject"
    }
    // "Announcing the pick, the association called it ...": a participle opening the sentence reports what
    // the subject of the clause after its comma says.
    const participleOpens = !group && !inherited && m.first === s0 && /ing$/i.test(ts[m.first]?.text ?? "")
    if (participleOpens) {
      let k = m.next
      while (k < s1 && ts[k]?.text !== "," && k - m.next < 20) k++
      const subject = ts[k]?.text === "," ? Speakers.after(ts, k + 1, s1) : null
      const verb = subject ? ts[subject.next] : undefined
      if (subject && k > m.next && (verb?.pos === "VERB" || verb?.pos === "AUX")) {
        return {
          group: subject,
          inherited: false,
          sourceRule: "subject-after-participle",
          sourceAfter: true,
          contentRule,
          mode,
          content: textSpan(text, ts[m.next]?.start ?? 0, ts[k - 1]?.end ?? 0),
          contentLast: k - 1,
          contentOpen: m.next,
          contentFirst: m.next,
        }
      }
    }
    if (!group && !inherited && !participleOpens) {
      // Inverted: "..., said Lee" / "'...,' said the minister".
      let a = m.next
      while (a < s1 && ts[a]?.pos === "ADV") a++
      // '"...," said Greet Mulder': a capitalised word right before a name is its first name, whatever wink
      // tags it ("Greet" a verb).
      const rest =
        mayBeFirstName(ts[a]) && ts[a + 1]?.pos === "PROPN" && isName(ts[a + 1]) ? Speakers.after(ts, a + 1, s1) : null
      const found = Speakers.after(ts, a, s1) ?? (rest && { first: a, next: rest.next })
      // '..., said the head of parks and open spaces, Fergus Lindqvist.': a description of two nouns joined
      // by "and", the second a noun group that a stop or a comma closes.
      const joined = found && lower(ts[found.next]) === "and" ? Speakers.after(ts, found.next + 1, s1) : null
      const closed = joined && (ts[joined.next] === undefined || isPunct(ts[joined.next]))
      const g = found && joined && closed ? { first: found.first, next: joined.next } : found
      const beforeCue = ts[m.first - 1]
      if (g && (beforeCue === undefined || isPunct(beforeCue) || m.first === s0)) {
        const follow = ts[g.next]
        if (!follow || isPunct(follow) || follow.pos === "ADP" || follow.pos === "PRON") {
          group = g
          sourceRule = "speaker-after-cue"
        }
      }
    }
    sourceAfter = group !== null && group.first >= m.next
    // a) a quote right after the cue: "said tearfully: '...'".
    let a = sourceAfter && group ? group.next : m.next
    // Past adverbs and times: "said Friday afternoon", "said last week", "said on Tuesday".
    for (;;) {
      const t = ts[a]
      if (a >= s1 || !t) break
      // Not an adverb that opens a figure: "said about 300 homes", "said half of the bookings".
      if ((SKIP_AFTER_CUE.has(t.pos) && !opensFigure(a)) || Lexicon.isTimeWord(t)) a++
      else if (Lexicon.isTimeNoun(t) && (Lexicon.isTimeWord(ts[a - 1]) || Lexicon.isTimeLead(ts[a - 1]))) a++
      else if (Lexicon.isTimeLead(t) && Lexicon.isTimeNoun(ts[a + 1])) a += 2
      else if (lower(t) === "on" && Lexicon.isWeekday(ts[a + 1])) a += 2
      // "said in a statement on Friday": where it was said, as when.
      else if (
        lower(t) === "in" &&
        (ts[a + 1]?.pos === "DET" || Lexicon.isPossessive(ts[a + 1])) &&
        Lexicon.isDocument(ts[a + 2])
      )
        a += 3
      else break
    }
    // "told us: '...'", "told the Clarion: '...'": past the one told, to the colon that opens the quote.
    if (m.lemma === "tell") {
      let r = ts[a]?.pos === "DET" ? a + 1 : a
      while (r < s1 && r - a < 4 && RECIPIENT.has(ts[r]?.pos ?? "")) r++
      if (r > a && ts[r]?.text === ":") a = r
    }
    while (a < s1 && (ts[a]?.text === ":" || ts[a]?.text === ",")) a++
    // '"...," he said, but "...": a conjunction between the cue's comma and the rest of a quotation it splits.
    if (ts[a - 1]?.text === "," && ts[a]?.pos === "CCONJ" && quoteOpeningAt.has(ts[a + 1]?.start ?? -1)) {
      let b = (group && !sourceAfter ? group.first : m.first) - 1
      while (b >= s0 && ts[b]?.text === ",") b--
      if (quoteClosingAt.has(ts[b]?.end ?? -1)) a++
    }
    let opening = quoteOpeningAt.get(ts[a]?.start ?? -1)
    if (!opening && ts[a - 1]?.text === ":") {
      // "He said:" with the quote in the next paragraph.
      let n = a
      while (n < ts.length && ts[n]?.type === "tabCRLF") n++
      opening = quoteOpeningAt.get(ts[n]?.start ?? -1)
      if (!opening && n > a && n < ts.length && group) {
        // "Limbaugh added:" closing a paragraph: the next paragraph is the block quote.
        let e = n
        while (e < ts.length && ts[e]?.type !== "tabCRLF") e++
        const last = contentEnd(n, e)
        if (last > n) {
          content = textSpan(text, ts[n]?.start ?? 0, ts[last]?.end ?? 0)
          mode = "direct"
          contentRule = "block-quote-next-paragraph"
        }
      }
    }
    // 'claimed "Holt exaggerates" the level of ...': a quotation the clause goes on after, in words of the
    // writer's, opens a reported clause rather than being all that was said.
    const after = opening ? ts[tokenAt(ts, opening.outer.end)] : undefined
    const runsOn =
      after !== undefined &&
      after.start >= (opening?.outer.end ?? 0) &&
      after.sentence === ts[a]?.sentence &&
      RUNS_ON.has(after.pos) &&
      after.type !== "tabCRLF"
    if (opening && !runsOn) {
      content = textSpan(text, opening.inner.start, opening.inner.end)
      mode = "direct"
      contentRule = "quote-after-cue"
    }
    // b) a quote closing right before the source or cue: "'...,' Lee said".
    if (!content && !afterQuote) {
      let b = (group && !sourceAfter ? group.first : m.first) - 1
      while (b >= s0 && ts[b]?.text === ",") b--
      const closing = quoteClosingAt.get(ts[b]?.end ?? -1)
      // A quote ending in a full stop ends its sentence: the words after it start another. A title in an
      // opening phrase ('In an interview on "Face the Nation," Lynch said ...') is no quotation of the speaker.
      if (closing && text[closing.outer.end - 2] !== "." && !titleInOpening(closing, s0)) {
        content = textSpan(text, closing.inner.start, closing.inner.end)
        mode = "direct"
        contentRule = "quote-before-cue"
        // 'Not paying taxes "makes me smart," he said': a quote that closes a clause begun in the writer's
        // words reports the whole clause, from the sentence's start.
        const o = tokenAt(ts, closing.outer.start)
        let words = 0
        let other = false
        for (let k = s0; k < o; k++) {
          if (QUOTE_MARK.test(ts[k]?.text ?? "")) other = true
          else if (!isPunct(ts[k]) && ts[k]?.type !== "tabCRLF") words++
        }
        if (!other && words >= 2 && o > s0) {
          content = textSpan(text, ts[s0]?.start ?? 0, closing.inner.end)
          contentRule = "clause-closed-by-quote"
        }
      }
    }
    // c) a reported clause after the cue: "say (that) North Korea ...". Not a participle set off by a
    // comma ("officials said, citing the gauges"): that is a cue of its own, and the content is before.
    // Nor a clause that only adds when or why, after a reported clause before the cue: "X is an insult,
    // lawmakers said Friday, as they bristled at ...".
    const clauseBefore = group !== null && !sourceAfter && ts[group.first - 1]?.text === ","
    const participle =
      (ts[a - 1]?.text === "," &&
        (CLAUSE_END.has(lower(ts[a])) ||
          ts[a]?.pos === "VERB" ||
          (clauseBefore && (ts[a]?.pos === "SCONJ" || lower(ts[a]) === "as")))) ||
      (clauseBefore && !m.clause && clauseOpensSentence(group, s0) && onlyWhenOrWhere(a, s1))
    // A belief or intention reports what follows it directly: "as it may seem, Lee said ..." reports
    // nothing after the comma; "what she wants and the rest ..." nothing after "and".
    // "All of this, he acknowledges, could be undone": a subject alone before the cue's commas, and its
    // predicate after them, are what is believed.
    const predicateAround =
      group !== null &&
      !sourceAfter &&
      ts[a - 1]?.text === "," &&
      ts[group.first - 1]?.text === "," &&
      group.first - 1 > s0 &&
      !ts.slice(s0, group.first - 1).some((_, k) => verbAt(s0 + k)) &&
      (ts[a]?.pos === "AUX" || (ts[a]?.pos === "VERB" && !/ing$/i.test(ts[a]?.text ?? "")))
    const detached = m.clause && (ts[a - 1]?.text === "," || ts[a]?.pos === "CCONJ") && !predicateAround
    // "Ads could run this week, said Bo Reyes, an adviser to the family": what follows an inverted
    // speaker's comma describes the speaker; the clause before the cue is what was said.
    // So does a relative clause: "..., said Lia Venn, who heads the rescue service".
    const described =
      sourceAfter &&
      ts[m.first - 1]?.text === "," &&
      ts[a - 1]?.text === "," &&
      (ts[a]?.pos === "DET" ||
        Lexicon.isPossessive(ts[a]) ||
        Lexicon.isRole(lower(ts[a])) ||
        RELATIVE_OPENERS.has(lower(ts[a])))
    if (!content && !participle && !detached && !described) {
      let c = a
      if (lower(ts[c]) === "that" || ts[c]?.text === ":") c++
      else c = pastRecipient(c, s1, m.lemma)
      let last = contentEnd(c, s1)
      // "Mr. Ortiz, who knew the vote was lost, told his aides ...": a cue in a relative clause set off by
      // commas reports no further than the comma before the main clause's verb; so does one in an
      // apposition's relative clause ("Dr Ada Rusk, a surgeon who advises the board, said ...").
      const relativeSubject = group !== null && Speakers.isRelative(ts, group)
      const antecedent = relativeSubject && group ? Speakers.before(ts, group.first, s0) : null
      const aside =
        (relativeSubject &&
          (ts[(group?.first ?? 0) - 1]?.text === "," ||
            (antecedent !== null && ts[antecedent.first - 1]?.text === ","))) ||
        (relative >= 0 && ts[relative - 1]?.text === ",")
      for (let k = c; k <= last; k++) {
        if (aside && ts[k]?.text === "," && k > c && (ts[k + 1]?.pos === "VERB" || ts[k + 1]?.pos === "AUX")) {
          last = k - 1
          break
        }
        if (ts[k]?.type === "tabCRLF") {
          last = contentEnd(c, k)
          break
        }
        if (ts[k]?.text === "," && (CLAUSE_END.has(lower(ts[k + 1])) || invertedReport(k + 1, s1))) {
          last = k - 1
          break
        }
        // "announcing the pick, the association called ...": a noun-group content ends at its comma when a
        // clause of its own follows; "called for X, which ...", "cited X, China and Y" run on.
        if (ts[k]?.text === "," && m.object && !m.clause && lower(ts[a]) !== "that" && k > c && clauseAt(k + 1, s1)) {
          last = k - 1
          break
        }
      }
      let hasVerb = false
      for (let k = c; k <= last; k++) if (verbAt(k)) hasVerb = true
      // A verb that also takes a noun group ("described crass behavior") needs no clause after it.
      // "the poll shows Clinton ahead": figures report a small clause or a noun group as well.
      const evidence = group !== null && Speakers.isEvidence(ts, group)
      // "The builder who found the manuscript, Jarl Osk, said ...": in a relative clause, a verb that reports
      // only with a clause has one only when that clause's verb comes before a comma; past it, the verb is the
      // main clause's, and the relative verb took a noun group.
      const window = ts.slice(c, Math.min(last + 1, c + 8))
      const comma = window.findIndex((t) => t.text === ",")
      const own = relativeSubject && m.clause && comma >= 0 ? window.slice(0, comma) : window
      const startsClause =
        !m.clause ||
        m.object ||
        evidence ||
        lower(ts[a]) === "that" ||
        ts[c]?.pos === "PART" ||
        (own.some((t) => t.pos === "VERB" || t.pos === "AUX") && ts[c]?.pos !== "VERB")
      // "has endorsed Berg", "backed them": a verb of judgement or support may take one name or pronoun as
      // its object, closed by punctuation ("reported that Rosenberg" and a line break opens a clause cut short).
      const oneName =
        last === c &&
        m.object &&
        !m.clause &&
        m.stance === "asserts" &&
        c === a &&
        (ts[c]?.pos === "PROPN" || ts[c]?.pos === "PRON") &&
        (c + 1 >= s1 || (isPunct(ts[c + 1]) && ts[c + 1]?.type !== "tabCRLF"))
      if (
        (last - c >= 1 || oneName) &&
        (hasVerb || m.object || evidence) &&
        startsClause &&
        (group || inherited || lower(ts[a]) === "that")
      ) {
        content = textSpan(text, ts[c]?.start ?? 0, ts[last]?.end ?? 0)
        contentOpen = a
        contentFirst = c
        contentLast = last
      }
    }
    // e) "..., as one official put it.": the clause the "as" report closes is its content.
    if (!content && group && !sourceAfter && lower(ts[group.first - 1]) === "as") {
      const as = group.first - 1
      let e = m.next
      while (e < s1 && ts[e]?.pos === "ADV") e++
      if (as > s0 + 1 && ts[as - 1]?.text === "," && (e >= s1 || isPunct(ts[e]))) {
        content = textSpan(text, ts[s0]?.start ?? 0, ts[as - 2]?.end ?? 0)
        contentRule = "clause-around-as-report"
      }
    }
    // d) a reported clause before the source: "North Korea is dangerous, analysts said." A belief or
    // evidence verb takes one only when it closes the sentence: "..., a Post analysis shows."
    const closes = m.next >= s1 || (isPunct(ts[m.next]) && ts[m.next]?.text !== ",")
    if (!content && group && (!m.clause || (closes && !sourceAfter)) && !opensWithQuestion(s0, s1)) {
      const g0 = sourceAfter ? m.first : group.first
      let e = g0 - 1
      if (ts[e]?.text === ",") {
        while (e >= s0 && isPunct(ts[e])) e--
        if (e > s0) {
          content = textSpan(text, ts[s0]?.start ?? 0, ts[e]?.end ?? 0)
          contentOpen = s0
          contentFirst = s0
          contentLast = e
        }
        contentRule = "clause-before-cue"
      }
    }
    // "It was reported that ...", "The vote is expected to pass": a cue in the passive with no "by" after it
    // names no source; its subject is what the report is about.
    if (agentless(m, s0)) {
      const none = { group: null, inherited: false, sourceRule: "no-agent-in-passive", sourceAfter: false }
      // "The vote is expected to pass": what is expected is the subject with the infinitive after the cue.
      if (content && group && contentRule === "clause-after-cue" && lower(ts[contentFirst]) === "to") {
        const whole = textSpan(text, ts[group.first]?.start ?? 0, content.span.end)
        return {
          ...none,
          contentRule: "subject-and-infinitive",
          mode,
          content: whole,
          contentLast,
          contentOpen,
          contentFirst,
        }
      }
      return { ...none, contentRule, mode, content, contentLast, contentOpen, contentFirst }
    }
    return {
      group,
      inherited,
      sourceRule,
      sourceAfter,
      contentRule,
      mode,
      content,
      contentLast,
      contentOpen,
      contentFirst,
      // The relative word is the subject of the clause after the cue: "which he said [were favours]".
      ...(relative >= 0 &&
      contentRule === "clause-after-cue" &&
      content &&
      contentFirst === m.next &&
      (ts[contentFirst]?.pos === "AUX" || ts[contentFirst]?.pos === "VERB")
        ? { relative }
        : {}),
    }
  }

  /**
   * What a reply that denies on its own answers: the question put in its sentence ("said when asked
   * whether X"), else the sentence before it (the claim reported there, or the sentence itself).
   */
  const replyTo = (
    s0: number,
    s1: number,
    before: Unit | null,
    speaker: TextSpan | null,
  ): { content: TextSpan; rule: string } | null => {
    const asked = Rejections.askedAbout(ts, s0, s1)
    if (asked) {
      const content = textSpan(text, ts[asked.first]?.start ?? 0, ts[asked.last]?.end ?? 0)
      return { content, rule: "denial-answers-question" }
    }
    if (!before) return null
    const last = found[found.length - 1]
    if (last && last.sentence === before.index) {
      // A speaker does not deny her own words just reported, nor a question ('"Are you coming?" "No."'):
      // that reply answers something the text does not give as a claim.
      if (speaker !== null && last.source?.text === speaker.text) return null
      if (isQuestion(last.content)) return null
      return { content: last.content, rule: "denial-answers-claim-before" }
    }
    const e = contentEnd(before.first, before.last)
    if (e <= before.first || ts[e + 1]?.text === "?") return null
    const content = textSpan(text, ts[before.first]?.start ?? 0, ts[e]?.end ?? 0)
    return { content, rule: "denial-answers-claim-before" }
  }

  /**
   * Whether a cue lies inside the words an attribution of its sentence took. A function outside the token
   * loop: a callback there reading the cue made the engine allocate a context at every token.
   */
  const insideTaken = (
    inSentence: ReadonlyArray<{ readonly found: Found; readonly took?: Span.Span }>,
    cue: Span.Span,
  ): boolean => {
    for (const x of inSentence) {
      const took = x.took ?? x.found.content.span
      if (took.start <= cue.start && took.end >= cue.end) return true
    }
    return false
  }

  let prior: Unit | null = null
  units.forEach((sentence) => {
    const sIndex = sentence.index
    const s0 = sentence.first
    const s1 = sentence.last
    let previous: { source: TextSpan | null; mention: TextSpan | null; group: Group | null } | null = null
    // `took`: the words a cue took before a rejection narrowed its content ("no truth to reports that X").
    const inSentence: Array<{ found: Found; cueFirst: number; took?: Span.Span }> = []
    const opening = labelled(s0, s1, sIndex, sentence === units[0])
    if (opening) inSentence.push({ found: opening, cueFirst: s0 })
    const title = opening ? null : headline(s0, s1, sIndex, sentence === units[0])
    if (title) inSentence.push({ found: title.found, cueFirst: title.cue })
    for (let i = s0; i < s1; i++) {
      if (title && i <= title.cue) continue
      const signed = dashed(i, s1, sIndex)
      if (signed) {
        inSentence.push({ found: signed, cueFirst: i })
        continue
      }
      const m = Cues.at(ts, i)
      if (!m && Cues.nounEntry(ts[i] as Token)) {
        const nominal = possessed(i, s0, s1, sIndex)
        if (nominal && !insideQuote(i)) {
          inSentence.push({ found: nominal, cueFirst: i })
          i = Math.max(i, tokenAt(ts, nominal.content.span.end) - 1)
        }
        continue
      }
      if (!m || m.next > s1) continue
      if (insideQuote(i)) continue
      while (qi < quotes.length && (quotes[qi]?.inner.end ?? 0) <= (ts[i]?.start ?? 0)) qi++
      const q = quotes[qi]
      // A cue inside a quotation ("I think", "they say") belongs to the quoted speaker's own words.
      if (q && q.inner.start <= (ts[i]?.start ?? 0)) continue
      const byAgent = passive(m, s0, s1, sIndex)
      if (byAgent) {
        inSentence.push({ found: byAgent, cueFirst: m.first })
        i = Math.max(i, tokenAt(ts, byAgent.mention?.span.end ?? 0) - 1)
        continue
      }
      const place: Located | null =
        m.mode === "according-to"
          ? accordingTo(m, s0, s1)
          : (questionPut(m, s0, s1) ?? located(m, s0, s1, previous !== null))
      if (!place) continue
      let group: Group | null = place.group
      const { inherited, sourceRule, sourceAfter, mode, contentOpen, contentFirst } = place
      // "Prices continue to rise": what is measured or what happens reports nothing, whatever verb follows it.
      if (group && !inherited && Speakers.cannotSpeak(ts, Speakers.evidenceHolder(ts, group) ?? group)) continue
      let { contentRule, content, contentLast } = place
      if (!content || content.span.end <= content.span.start) continue
      let source: TextSpan | null = null
      let mention: TextSpan | null = null
      /** The speaker's group, for the resolution of later mentions once this attribution is kept. */
      let spoke: Group | null = null
      let how: string | null = null
      if (inherited && previous) {
        source = previous.source
        mention = previous.mention
        group = previous.group
      } else if (group) {
        const holder = Speakers.evidenceHolder(ts, group)
        const speaker: Group = holder ?? group
        mention = groupSpan(group)
        if (Speakers.isRelative(ts, speaker)) {
          // "Lee, who ...": the group before the comma is the speaker.
          let r = speaker.first - 1
          while (r >= 0 && isPunct(ts[r])) r--
          const antecedent = r >= 0 ? Speakers.before(ts, r + 1, Math.max(0, r - 14)) : null
          const of = antecedent ? resolved(antecedent) : null
          source = of?.source ?? mention
          how = of?.how ?? null
        } else ({ source, how } = resolved(speaker))
        spoke = speaker
      }
      // From the content's start when it comes first: "The plant could reopen, Lee said" is hedged by "could".
      const contentStart = tokenAt(ts, content.span.start)
      const from = Math.min(group ? Math.min(group.first, m.first) : m.first, contentStart)
      // Questions, conditionals and intentions are reported, but assert nothing as fact.
      let hedged =
        m.hedged ||
        (group !== null && Speakers.isEvidence(ts, group)) ||
        Lexicon.isIntention(m.lemma) ||
        contentRule === "question-put-opening-sentence" ||
        (oneSentence(content) && isQuestion(content))
      const conditional = oneSentence(content)
      for (let k = from; k < s1 && !hedged; k++) {
        const t = ts[k] as Token
        if (t.start >= content.span.end) break
        if (Cues.isHedge(t) || (conditional && t.start >= content.span.start && Lexicon.isConditional(t))) hedged = true
      }
      let stance = m.stance
      // "rejected reports that X", "called X baseless", "said X was untrue": X is what the speaker rejects.
      const rejection =
        contentLast >= 0 ? Rejections.find(ts, m.lemma, m.stance, contentOpen, contentFirst, contentLast) : null
      const took = rejection ? content.span : null
      if (rejection) {
        content = textSpan(text, ts[rejection.first]?.start ?? 0, ts[rejection.last]?.end ?? 0)
        contentLast = rejection.last
        contentRule = rejection.rule
        stance = rejection.stance
      }
      // "The union rejected a pay offer of 2.5 per cent": a refusal of something offered denies no claim; the
      // sentence is the outlet's own report of it.
      if (
        stance === "denies" &&
        !rejection &&
        m.object &&
        !m.clause &&
        contentFirst >= 0 &&
        contentLast >= contentFirst &&
        Cues.isRefused(ts, contentFirst, contentLast + 1)
      )
        continue
      // "said there was no such plan": the speaker rejects a claim the content names.
      if (stance === "asserts" && NO_SUCH.test(content.text)) stance = "denies"
      // '"Not true," the ministry said': a reply denies what it answers, when the text says what that is.
      const answered =
        stance === "asserts" && Rejections.isDenialReply(content.text) ? replyTo(s0, s1, prior, source) : null
      if (answered) {
        content = answered.content
        contentRule = answered.rule
        stance = "denies"
      }
      if (stance === "asserts") {
        // "claims that X are unfounded": the claim is reported as false.
        // Right after the content ("... are unfounded"), not in a later clause ("..., and misleading the public").
        let k = contentLast + 1
        while (contentLast >= 0 && k < s1 && (ts[k]?.pos === "AUX" || ts[k]?.pos === "ADV")) k++
        if (contentLast >= 0 && k < s1 && Cues.disputePredicateAt(ts, k)) stance = "disputes"
      }
      const cueSpan = { start: ts[m.first]?.start ?? 0, end: ts[m.next - 1]?.end ?? 0 }
      const f: Found = {
        source,
        mention,
        cue: { text: text.slice(cueSpan.start, cueSpan.end), lemma: m.lemma, span: cueSpan },
        content,
        mode,
        stance,
        hedged,
        sentence: sIndex,
        rule: ruled(`${contentRule}+${sourceRule}`, how),
      }
      // "said ... and urged ...": the first content stops where the second cue's coordination starts.
      const last = inSentence[inSentence.length - 1]
      if (inherited && last && last.found.mode === "indirect" && last.found.content.span.end > cueSpan.start) {
        let k = m.first - 1
        while (k > last.cueFirst && (INHERIT_BEFORE.has(lower(ts[k])) || ts[k]?.pos === "ADV")) k--
        const end = ts[k]?.end ?? 0
        if (end > last.found.content.span.start) {
          last.found = { ...last.found, content: textSpan(text, last.found.content.span.start, end) }
        }
      }
      // "He said he wants to ...", "Lee said Kim told her ...": a cue inside reported speech is the speaker's
      // words, not a new attribution (PolNeAR never marks one inside another's content).
      // "..., though she acknowledged it was unlikely": a clause joined on, not reported, is its own.
      const joined =
        group !== null && (isPunct(ts[group.first - 1]) || Lexicon.isClauseLink(lower(ts[group.first - 1])))
      if (!joined && insideTaken(inSentence, cueSpan)) continue
      // "Organizers said about 400,000 marched, while police said ... 200,000": another speaker's cue
      // set against the first by a word of contrast ends the first's content before it, so each figure
      // goes to its own speaker. ("because" or "so" may join a reason that is still the first's words.)
      const before = inSentence[inSentence.length - 1]
      if (
        !inherited &&
        group !== null &&
        Lexicon.isContrastLink(lower(ts[group.first - 1])) &&
        before &&
        before.found.content.span.start < (ts[group.first - 1]?.start ?? 0) &&
        before.found.content.span.end > cueSpan.start
      ) {
        let k = group.first - 2
        while (k > before.cueFirst && isPunct(ts[k])) k--
        const end = ts[k]?.end ?? 0
        if (end > before.found.content.span.start)
          before.found = { ...before.found, content: textSpan(text, before.found.content.span.start, end) }
      }
      // Only a speaker the text reports is one a later "he" or "the company" may stand for: not the subject
      // of a cue inside another's words ("his inquiry into when Torvald Motors first knew ...").
      if (spoke) sourceGroups.push(spoke)
      // "Only 35 lines ran, LTC said, most of them ...": a cue set off by commas after a whole clause
      // splits one content; the clause before it is the same speaker's words (a subject alone is not).
      let split: TextSpan | null = null
      // The words before a cue set off by commas: a whole clause, or a subject alone ("The museum, Lee said, ...").
      const setOff = group !== null && !sourceAfter && ts[group.first - 1]?.text === "," && group.first - 1 > s0
      const clauseBefore = setOff && ts.slice(s0, (group?.first ?? 0) - 1).some((_, k) => verbAt(s0 + k))
      // "The museum, Lee said, opens in May": the predicate after the cue is said of the subject before it.
      const predicateAfter =
        !clauseBefore &&
        (ts[contentFirst]?.pos === "AUX" ||
          (ts[contentFirst]?.pos === "VERB" && !/ing$/i.test(ts[contentFirst]?.text ?? "")))
      if (
        contentRule === "clause-after-cue" &&
        setOff &&
        // "..., Dalby Leisure said on Monday, after ...": past when and where it was said.
        ts[contentOpen - 1]?.text === "," &&
        ((clauseBefore && (group?.first ?? 0) - 1 > s0 + 1) || predicateAfter)
      ) {
        split = textSpan(text, ts[s0]?.start ?? 0, ts[(group?.first ?? 0) - 2]?.end ?? 0)
        inSentence.push({
          found: {
            ...f,
            content: split,
            rule: ruled(`${clauseBefore ? "clause" : "subject"}-split-by-cue+${sourceRule}`, how),
          },
          cueFirst: m.first,
        })
      }
      // "the gifts, which he said were favours": the relative word is a piece of the content.
      if (place.relative !== undefined) {
        const word = ts[place.relative] as Token
        inSentence.push({
          found: {
            ...f,
            content: textSpan(text, word.start, word.end),
            rule: ruled(`relative-word-before-source+${sourceRule}`, how),
          },
          cueFirst: m.first,
        })
      }
      // "The smog was so bad, Lee noted, that ...", "The museum, Lee said, celebrated ...": after a clause
      // reported before the cue, the cue's closing comma and a clause of reason or comparison, or the predicate
      // of a subject alone, go on with the same words (a clause of when does not: "..., she said, after ...").
      if (contentRule === "clause-before-cue" && setOff && ts[m.next]?.text === "," && m.next + 1 < s1) {
        const k = m.next + 1
        const next = ts[k] as Token
        const goesOn = clauseBefore
          ? Lexicon.isContinuingLink(lower(next))
          : next.pos === "AUX" || (next.pos === "VERB" && !/ing$/i.test(next.text) && !CLAUSE_END.has(lower(next)))
        const last = contentEnd(k, s1)
        if (goesOn && last > k)
          inSentence.push({
            found: {
              ...f,
              content: textSpan(text, next.start, ts[last]?.end ?? 0),
              rule: ruled(`clause-continued-after-cue+${sourceRule}`, how),
            },
            cueFirst: m.first,
          })
      }
      // '"...," the minister said, "..."': the quote the cue splits is the same speaker's too.
      if (contentRule === "quote-after-cue") {
        let b = (group && !sourceAfter ? group.first : m.first) - 1
        while (b >= s0 && ts[b]?.text === ",") b--
        const closing = quoteClosingAt.get(ts[b]?.end ?? -1)
        if (closing && text[closing.outer.end - 2] !== ".")
          inSentence.push({
            found: {
              ...f,
              content: textSpan(text, closing.inner.start, closing.inner.end),
              rule: ruled(`quote-split-by-cue+${sourceRule}`, how),
            },
            cueFirst: m.first,
          })
      }
      // "The government has promised aid, the prime minister said": a cue inside the clause a later cue
      // reports is that speaker's words too, not an attribution of its own. "According to X" is a source
      // of the report, not a speaker, and keeps the attribution it carries.
      // So is one inside the clause a cue splits ("The union puts the cost at 9 million, she said, less than ...").
      const reported = contentRule === "clause-before-cue" && m.mode !== "according-to" ? content : split
      if (reported)
        for (let x = inSentence.length - 1; x >= 0; x--) {
          const inner = (inSentence[x] as (typeof inSentence)[number]).found.cue.span
          if (inner.start >= reported.span.start && inner.end <= reported.span.end) inSentence.splice(x, 1)
        }
      inSentence.push({ found: f, cueFirst: m.first, ...(took ? { took } : {}) })
      previous = { source, mention, group }
      i = Math.max(i, m.next - 1)
    }
    const said = inSentence.map((y) => y.found)
    const disputed = disputedClaims(s0, s1, said)
    // "said claims that X were unfounded": the cue's own rejection of X is the claim called false, told once.
    for (const f of said) if (f.stance === "asserts" || !disputed.some((d) => sameContent(d, f))) found.push(f)
    found.push(...disputed)
    prior = sentence
  })

  // A quote that follows an attributed sentence with nothing in between continues that speaker's words.
  const used = new Set(found.filter((f) => f.mode === "direct").map((f) => f.content.span.start))
  const withContinuations: Found[] = []
  let fi = 0
  let lastSpoken: Found | null = null
  let lastEnd = -1
  // The end of the unit each wink sentence is part of: "said Rep. Ada Holt (D-N.C.), head of the caucus." is one.
  const unitEnd = new Map<number, number>()
  for (const u of units)
    for (let k = ts[u.first]?.sentence ?? 0; k <= (ts[u.last - 1]?.sentence ?? -1); k++)
      unitEnd.set(k, ts[u.last - 1]?.end ?? 0)
  const sentenceEnd = (f: Found): number => {
    const s = sentences[f.sentence]
    return Math.max(unitEnd.get(f.sentence) ?? s?.span.end ?? 0, f.content.span.end)
  }
  for (const q of quotes) {
    while (fi < found.length && (found[fi]?.content.span.start ?? 0) <= q.outer.start) {
      const f = found[fi] as Found
      withContinuations.push(f)
      if (f.source) {
        // '"...," Holt said, emphasizing why. "..."': the quotation goes on with the quoted words, not the participle's.
        const quoted =
          lastSpoken !== null &&
          lastSpoken.mode === "direct" &&
          f.mode !== "direct" &&
          lastSpoken.sentence === f.sentence &&
          lastSpoken.source?.text === f.source.text
        if (!quoted) lastSpoken = f
        lastEnd = sentenceEnd(f)
      }
      fi++
    }
    if (used.has(q.inner.start) || !lastSpoken || q.outer.start < lastEnd) continue
    const between = text.slice(lastEnd, q.outer.start)
    if (!/^[\s\u201D"'\u2019]*$/.test(between)) continue
    const f: Found = {
      ...lastSpoken,
      content: textSpan(text, q.inner.start, q.inner.end),
      mode: "direct",
      sentence: ts[tokenAt(ts, q.inner.start)]?.sentence ?? lastSpoken.sentence,
      rule: "quote-continues-speaker",
    }
    withContinuations.push(f)
    lastSpoken = f
    lastEnd = q.outer.end
  }
  while (fi < found.length) withContinuations.push(found[fi++] as Found)
  return { attributions: withContinuations, quotes }
}
