/**
 * The stance of a source towards one claim (docs/report-format.md `verify`): supports, contradicts, discusses
 * or unrelated, decided by named rules over the claims both sides' extraction gave, with the evidence.
 */
import type { AlignedGroup, Claim, Document, Quantity } from "@crosscheck/domain"
import * as Comparison from "./Comparison.js"
import { make as makeContext, type Nests } from "./internal/context.js"
import { alternation, NUMBER_WORD } from "./internal/phrases.js"
import * as TimeScope from "./internal/timeScope.js"
import * as PairVerdict from "./PairVerdict.js"
import cues from "./stance-cues.json" with { type: "json" }

export type Stance = "supports" | "contradicts" | "discusses" | "unrelated"

/** How much a shared word says about relatedness: rare words say more. */
export interface Lexicon {
  readonly weight: (term: string) => number
}

export interface Input {
  /** The claims extracted from the claim text. */
  readonly claim: ReadonlyArray<Claim.Claim>
  /** The claims of one source document. */
  readonly source: ReadonlyArray<Claim.Claim>
  /** Alignment of `claim` and `source` together: the groups that hold members of both sides count. */
  readonly groups: ReadonlyArray<AlignedGroup.AlignedGroup>
  readonly lexicon: Lexicon
  /** The claim's and the source's documents (publication dates, outlets), for the pair judgement. */
  readonly documents?: ReadonlyArray<Document.Document>
  /** Which measure classes are parts of which, as for `run` (Judgement's `nests`; the domain's catalogue by default). */
  readonly nests?: Nests
}

export interface Judged {
  readonly stance: Stance
  /** The source claims the stance rests on, most relevant first. */
  readonly evidence: ReadonlyArray<Claim.Claim>
  /** The rule that decided, for tests and explanations ("refuted-by-source", "quantity-incompatible"). */
  readonly rule: string
  readonly explanation: string
}

/** Rarity-weighted cosine between the claim's words and the source's under which the source is not about the claim. */
export const RELATED = 0.075
/** Share of the claim's word weight one source claim must cover to be evidence. */
export const EVIDENCE = 0.3
/** Share one source claim must cover to state the claim itself. */
export const STATES = 0.7
/**
 * Share of the claim's words a source claim must cover to state a numeric claim whose every figure the
 * source gives: the figures agree, and the words around them must be there too.
 */
export const FIGURES_STATES = 0.5
/** Hedges per source claim above which the source keeps its distance from what it reports. */
export const HEDGED = 0.1
/** How many claims open a source: where a news story says whether the story it reports is true. */
export const LEAD = 3
const MAX_EVIDENCE = 5

const STOPWORDS = new Set(cues.stopwords)

const stem = (word: string): string => {
  if (word.length <= 4) return word
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`
  if (word.endsWith("sses")) return word.slice(0, -2)
  if (word.endsWith("s") && !/(ss|us|is)$/.test(word)) return word.slice(0, -1)
  if (word.length > 6 && word.endsWith("ing")) return word.slice(0, -3)
  if (word.length > 5 && word.endsWith("ed")) return word.slice(0, -2)
  return word
}

const normalise = (text: string): string => text.toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'")

/** The content words of a text, lower-cased and lightly stemmed, stopwords dropped. */
export const terms = (text: string): ReadonlyArray<string> =>
  (normalise(text).match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !STOPWORDS.has(w)).map(stem)

/** Inverse document frequency over the given texts (smoothed, so an unseen word weighs most). */
export const lexicon = (texts: Iterable<string>): Lexicon => {
  const df = new Map<string, number>()
  let n = 0
  for (const text of texts) {
    n++
    for (const t of new Set(terms(text))) df.set(t, (df.get(t) ?? 0) + 1)
  }
  return { weight: (t) => Math.log((n + 1) / ((df.get(t) ?? 0) + 1)) + 1 }
}

/** Every word weighs the same: for a lone claim with no corpus around it. */
export const uniform: Lexicon = { weight: () => 1 }

/** A figure right before a word: "3,400 claims", "thousands of claims", "two rumours". */
const COUNT_BEFORE = new RegExp(`(?:\\d|\\b(?:${NUMBER_WORD}|dozens|hundreds|thousands|millions)(?:\\s+of)?)\\s+$`)

/**
 * A cue's words as they appear in a text, lower case. `counted` are words that are cues only when no
 * figure counts them: "3,400 claims for lost income" are things counted, not a hedge.
 */
const cueMatcher = (
  phrases: ReadonlyArray<string>,
  counted: ReadonlyArray<string> = [],
  lowerOnly: ReadonlyArray<string> = [],
): ((text: string) => ReadonlyArray<string>) => {
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation(phrases)})(?![\\p{L}\\p{N}])`, "gu")
  const nouns = new Set(counted)
  const lower = new Set(lowerOnly)
  return (text) => {
    // `normalise` keeps every character's place, so a match's case is read from the text itself.
    const t = normalise(text)
    if (nouns.size === 0 && lower.size === 0) return t.match(pattern) ?? []
    return [...t.matchAll(pattern)]
      .filter((m) => !(nouns.has(m[0]) && COUNT_BEFORE.test(t.slice(Math.max(0, (m.index ?? 0) - 24), m.index))))
      .filter((m) => !(lower.has(m[0]) && text[m.index ?? 0] !== t[m.index ?? 0]))
      .map((m) => m[0])
  }
}

/** Words by which a text calls a story false: hoax, fake, debunked. */
export const falsities = cueMatcher(cues.false)
/** Words reporting that someone denies or rejects the content: a party's side, not the outlet's. */
export const denials = cueMatcher(cues.deny)
/** Words that cast doubt on the content without calling it false. */
export const doubts = cueMatcher(cues.doubt)
/**
 * Words that put the content at a distance: reported, alleged, unconfirmed, possible. A cue of
 * `hedgeLowerOnly` hedges only in lower case: "May" with a capital is the month ("from 1 May").
 */
export const hedges = cueMatcher(cues.hedge, cues.countedNouns, cues.hedgeLowerOnly)
/** Words that report what someone said. */
export const reports = cueMatcher(cues.report)
/** Words by which the source vouches for the content. */
export const confirmations = cueMatcher(cues.confirm)

/**
 * Put with a hedge ("reportedly", "may", "alleged"): the source keeps its distance from it. The words
 * of the claim's own attribution cue ("according to") attribute it; whether that hedges is the cue's `hedged`.
 */
const hedgesOf = (c: Claim.Claim): ReadonlyArray<string> => {
  const cue = c.attribution.cue
  const text = cue
    ? `${c.text.slice(0, cue.span.start - c.span.start)} ${c.text.slice(cue.span.end - c.span.start)}`
    : c.text
  return hedges(text)
}
const isHedged = (c: Claim.Claim): boolean => c.attribution.hedged || hedgesOf(c).length > 0

/**
 * Whose claim a source claim is: the outlet's own, or a speaker's it reports. A speaker's claim put
 * without a hedge ("officials said 40 were killed") is compared as that speaker's: it states the figure.
 */
const voiceOf = (c: Claim.Claim): string =>
  c.attribution.mode === "asserted" || !c.attribution.source
    ? "in its own voice"
    : `as the claim of ${c.attribution.source.text} (cue "${c.attribution.cue?.text ?? c.attribution.mode}")`

/** A speaker's claim the source reports ("officials said", "according to the UN"), not the outlet's own. */
const isSpeakers = (c: Claim.Claim): boolean => c.attribution.mode !== "asserted" && c.attribution.source !== null

interface Scored {
  readonly claim: Claim.Claim
  readonly cover: number
}

const mass = (ts: Iterable<string>, lexicon: Lexicon): number => {
  let m = 0
  for (const t of ts) m += lexicon.weight(t)
  return m
}

/**
 * The stance a pair verdict gives the source towards the claim (docs/judgement.md): agree supports;
 * compatible supports only when the source's figure lies within the claim's (it states the claim at
 * least as precisely; "thousands" does not state "11,000"); contradict contradicts; disputed
 * contradicts when the source reports the denial (a claim reporting a denial takes no side);
 * changed discusses (the source gives the figure for another time); no verdict says nothing.
 */
export const ofPair = (verdict: PairVerdict.PairVerdict, source: Claim.Claim): Stance | null => {
  switch (verdict.verdict) {
    case "agree":
      return "supports"
    case "compatible":
      return verdict.bWithinA ? "supports" : "discusses"
    case "contradict":
      return "contradicts"
    case "disputed":
      return PairVerdict.isChallenged(source) ? "contradicts" : "discusses"
    case "changed":
      return "discusses"
    default:
      return null
  }
}

interface Aligned {
  readonly claim: Claim.Claim
  readonly source: Claim.Claim
  readonly verdict: PairVerdict.PairVerdict
}

interface Compared {
  /** Pairs where the source states the claim's values or fact, at least as precisely. */
  readonly agree: ReadonlyArray<Aligned>
  /** Pairs whose values or polarity conflict, for claim members no source member agrees with. */
  readonly clash: ReadonlyArray<Aligned>
  /** Pairs where the source reports a party denying what the claim asserts. */
  readonly disputed: ReadonlyArray<Aligned>
  /** Pairs that fit without stating the claim: a vaguer figure, a part, another time, a changed figure. */
  readonly loose: ReadonlyArray<Aligned>
}

/**
 * What alignment says: each claim member against each source member of a group, by the one pair
 * judgement `run` uses (PairVerdict), so a pair gets the same verdict and rule here as in a report.
 */
const compareAligned = (input: Input): Compared => {
  const ctx = makeContext(input.documents ?? [], input.nests)
  const claimIds = new Set(input.claim.map((c) => c.id))
  const agree: Aligned[] = []
  const clash: Aligned[] = []
  const disputed: Aligned[] = []
  const loose: Aligned[] = []
  for (const group of input.groups) {
    const mine = group.members.filter((m) => claimIds.has(m.claim.id))
    const theirs = group.members.filter((m) => !claimIds.has(m.claim.id))
    for (const a of mine) {
      // A source may give several values for one thing ("7 of the 28 girls"): it disagrees only when none fits.
      const agreeing: Aligned[] = []
      const clashing: Aligned[] = []
      for (const b of theirs) {
        const verdict = PairVerdict.judge(ctx, a, b)
        const pair = { claim: a.claim, source: b.claim, verdict }
        const stance = ofPair(verdict, b.claim)
        if (stance === "supports") agreeing.push(pair)
        else if (stance === "contradicts") (verdict.verdict === "disputed" ? disputed : clashing).push(pair)
        else if (stance === "discusses") loose.push(pair)
      }
      agree.push(...agreeing)
      if (agreeing.length === 0) clash.push(...clashing)
    }
  }
  return { agree, clash, disputed, loose }
}

/** The claim's values against the closest source claim's, by the same value comparison as aligned pairs. */
const compareValues = (
  claims: ReadonlyArray<Claim.Claim>,
  source: Claim.Claim,
): { readonly agree: number; readonly clash: string | null } => {
  let agree = 0
  let clash: string | null = null
  const none = new Map()
  // A number for another time is not a contradiction.
  for (const c of claims.filter((c) => TimeScope.relate(c, source, none).relation === "same")) {
    for (const q of c.quantities) {
      if (q.approximate === "vague") continue
      const compared = source.quantities
        .filter((s) => s.approximate !== "vague")
        .map((s) => ({ s, c: Comparison.compare(q, s) }))
        .filter(({ c }) => c.relation !== "incomparable")
      if (compared.length === 0) continue
      if (compared.some(({ c }) => c.relation !== "contradict")) agree++
      else clash ??= compared.map(({ s, c }) => `"${q.text}" against "${s.text}" (${c.rule}): ${c.why}`).join("; ")
    }
  }
  return { agree, clash: agree > 0 ? null : clash }
}

/**
 * A source figure states a claim's figure when the two agree (as a report would call them), or the
 * source's lies within the claim's, and it is about the same thing: the same figure may be written with
 * another counted word ("12 RVs", "12 vehicles"), but a different figure for a different counted thing
 * ("22 men" for "at least 4 states") is a number about something else.
 */
const statesFigure = (q: Quantity.Quantity, s: Quantity.Quantity): boolean => {
  const c = Comparison.compare(q, s)
  if (!(c.relation === "agree" || (c.relation === "compatible" && c.bWithinA))) return false
  return (q.low === s.low && q.high === s.high) || PairVerdict.differentThings(q, s) === null
}

/**
 * The claim's figures no figure of the source states: a source supports a numeric claim only when it
 * gives every figure of it, each within what the claim's allows (Comparison: agree, or compatible and within).
 */
const unstated = (claims: ReadonlyArray<Claim.Claim>, source: ReadonlyArray<Claim.Claim>): ReadonlyArray<string> => {
  // A claim's parts also state their sum, by the pair judgement's arithmetic: "12 passengers and 8 crew"
  // states 20 killed, "at least 15 in the north and another 5 in the south" at least 20.
  const sums = source.flatMap((c) => {
    const head = c.quantities[0]
    const total = head ? PairVerdict.partsTotal(c, head) : null
    return total ? [total] : []
  })
  const theirs = [...source.flatMap((c) => c.quantities), ...sums]
  const seen = new Set<string>()
  return claims
    .flatMap((c) => c.quantities)
    .filter((q) => !seen.has(`${q.span.start}`) && seen.add(`${q.span.start}`))
    .filter((q) => !theirs.some((s) => statesFigure(q, s)))
    .map((q) => q.text)
}

const quote = (words: ReadonlyArray<string>): string => [...new Set(words)].map((w) => `"${w}"`).join(", ")
const pct = (x: number): string => `${Math.round(100 * x)}%`

/** Rarity-weighted cosine of the claim's words against the source's, counting repeats in the source. */
const cosine = (claimTerms: ReadonlySet<string>, source: ReadonlyArray<Claim.Claim>, lexicon: Lexicon): number => {
  const tf = new Map<string, number>()
  for (const c of source) for (const t of terms(c.text)) tf.set(t, (tf.get(t) ?? 0) + 1)
  let dot = 0
  let sourceNorm = 0
  for (const [t, n] of tf) {
    const w = (1 + Math.log(n)) * lexicon.weight(t)
    sourceNorm += w * w
    if (claimTerms.has(t)) dot += w * lexicon.weight(t)
  }
  let claimNorm = 0
  for (const t of claimTerms) claimNorm += lexicon.weight(t) ** 2
  return sourceNorm === 0 || claimNorm === 0 ? 0 : dot / Math.sqrt(sourceNorm * claimNorm)
}

const first = <A>(as: ReadonlyArray<A>, ...rest: ReadonlyArray<A>): ReadonlyArray<A> => {
  const head = as[0]
  return head === undefined ? rest : [head, ...rest.filter((a) => a !== head)]
}

/** The stance of one source document towards the claim. */
export const judge = (input: Input): Judged => {
  const claimTerms = new Set(input.claim.flatMap((c) => terms(c.text)))
  const claimMass = mass(claimTerms, input.lexicon)
  const related = cosine(claimTerms, input.source, input.lexicon)
  if (related < RELATED) {
    return {
      stance: "unrelated",
      evidence: [],
      rule: "not-addressed",
      explanation: `the source shares too few of the claim's words to be about it (rarity-weighted similarity ${related.toFixed(3)}, under ${RELATED})`,
    }
  }
  const scored: Scored[] = input.source
    .map((claim) => {
      const own = new Set(terms(claim.text))
      const shared = [...claimTerms].filter((t) => own.has(t))
      return { claim, cover: claimMass === 0 ? 0 : mass(shared, input.lexicon) / claimMass }
    })
    .sort((a, b) => b.cover - a.cover)
  const compared = compareAligned(input)
  const evidence = scored.filter((s) => s.cover >= EVIDENCE).slice(0, MAX_EVIDENCE)
  const evidenceClaims = evidence.map((s) => s.claim)
  const about = `the source is about the claim (similarity ${related.toFixed(2)})`

  // A question asserts nothing, so nothing in it can be refuted or refute.
  const question = input.claim.some((c) => /\?\s*$/.test(c.text))
  // A figure the source hedges ("may have", "reportedly") is not one it states against the claim.
  const clash = question ? undefined : compared.clash.find((p) => !isHedged(p.source))
  if (clash) {
    return {
      stance: "contradicts",
      evidence: first([clash.source], ...evidenceClaims).slice(0, MAX_EVIDENCE),
      rule: clash.verdict.rule,
      explanation: `${about} and an aligned claim disagrees (${clash.verdict.verdict}): ${clash.verdict.why}`,
    }
  }
  const dispute = question ? undefined : compared.disputed[0]
  if (dispute) {
    return {
      stance: "contradicts",
      evidence: first([dispute.source], ...evidenceClaims).slice(0, MAX_EVIDENCE),
      rule: dispute.verdict.rule,
      explanation: `${about} and reports a party denying it (disputed): ${dispute.verdict.why}`,
    }
  }

  // The claim's own voice calling a story false, or saying something did not happen.
  const claimFalse = input.claim.flatMap((c) => [...falsities(c.text), ...doubts(c.text)])
  const claimNegative = input.claim.some((c) => c.polarity === "negative")
  // A claim that reports a party's denial takes no side itself.
  const claimReportsDenial = input.claim.some((c) => c.attribution.stance !== "asserts" || denials(c.text).length > 0)
  // The source: a denial the extraction attributed to someone, or the story called false in its opening.
  // Only a denial of this claim counts: a party denying something else says nothing about it.
  const denied = evidenceClaims.filter((c) => c.attribution.stance !== "asserts")
  const leadFalse = input.source.slice(0, LEAD).filter((c) => falsities(c.text).length > 0 && !denied.includes(c))
  const sourceChallenges = [...denied, ...leadFalse]
  const sourceDoubts = input.source.some(
    (c) => falsities(c.text).length + denials(c.text).length + doubts(c.text).length > 0,
  )
  const negativeEvidence = evidenceClaims.filter((c) => c.polarity === "negative")
  const claimDenies = claimFalse.length > 0 || (claimNegative && negativeEvidence.length === 0)

  if (!question && sourceChallenges.length > 0 && claimFalse.length === 0 && !claimNegative && !claimReportsDenial) {
    const c = sourceChallenges[0] as Claim.Claim
    return {
      stance: "contradicts",
      evidence: first([c], ...evidenceClaims).slice(0, MAX_EVIDENCE),
      rule: "refuted-by-source",
      explanation: `${about} and reports it as false or denied: ${
        c.attribution.stance !== "asserts"
          ? `attribution stance "${c.attribution.stance}" (cue "${c.attribution.cue?.text ?? "?"}")`
          : `${quote(falsities(c.text))} in its opening`
      }`,
    }
  }
  if (!question && claimDenies && !sourceDoubts && sourceChallenges.length === 0) {
    return {
      stance: "contradicts",
      evidence: evidenceClaims,
      rule: "refuted-by-claim",
      explanation: `${about}; the claim calls it false or says it did not happen (${
        claimFalse.length > 0 ? quote(claimFalse) : "negative polarity"
      }), while the source states it with no word of doubt or denial`,
    }
  }
  if (!question && (claimFalse.length > 0 || claimNegative) && sourceChallenges.length > 0) {
    const c = sourceChallenges[0] as Claim.Claim
    return {
      stance: "supports",
      evidence: first([c], ...evidenceClaims).slice(0, MAX_EVIDENCE),
      rule: "refuted-by-both",
      explanation: `${about}; the claim and the source both call it false or denied (${quote([...claimFalse, ...falsities(c.text)])})`,
    }
  }

  const best = evidence[0]
  const hedging = input.source.reduce((n, c) => n + hedgesOf(c).length, 0) / Math.max(1, input.source.length)
  const claimHedged = input.claim.some((c) => c.attribution.hedged || hedges(c.text).length > 0)
  // A speaker's figures ("officials say 40 were killed") are stated by a speaker's claim giving them: reported speech
  // compared as the speaker's claim, however much else the source attributes. An outlet's own claim is not.
  const claimReported = !claimReportsDenial && !claimHedged && input.claim.some(isSpeakers)
  const coverOf = (c: Claim.Claim): number => scored.find((s) => s.claim === c)?.cover ?? 0
  const reportedAlike = (c: Claim.Claim): boolean =>
    claimReported && isSpeakers(c) && !isHedged(c) && c.quantities.length > 0 && coverOf(c) >= STATES
  // An aligned claim with the same values, which the source states in its own voice, states the claim.
  const missing = unstated(input.claim, input.source)
  // Every figure of a numeric claim given by the source: then half its words are enough to state it.
  const figuresStated = missing.length === 0 && input.claim.some((c) => c.quantities.length > 0)
  // The outlet's own voice states a claim; so does a speaker's claim put plainly, in a source that hedges little.
  const takesSide = (c: Claim.Claim): boolean =>
    !isHedged(c) && (c.attribution.mode === "asserted" || !c.attribution.source || hedging <= HEDGED)
  const stated = question
    ? undefined
    : compared.agree.find((p) => (!claimHedged && takesSide(p.source)) || reportedAlike(p.source))
  const statedCover = stated ? coverOf(stated.source) : 0
  if (stated && missing.length === 0 && statedCover >= FIGURES_STATES) {
    return {
      stance: "supports",
      evidence: first([stated.source], ...evidenceClaims).slice(0, MAX_EVIDENCE),
      rule: stated.verdict.rule,
      explanation: `${about}; it states the same ${stated.source.quantities.length > 0 ? "values" : "fact with the same polarity"} ${voiceOf(stated.source)}, covering ${pct(statedCover)} of the claim's words (${stated.verdict.verdict}): ${stated.verdict.why}`,
    }
  }
  const claimPolarity = claimNegative ? "negative" : "positive"
  const close =
    best &&
    best.cover >= (figuresStated ? FIGURES_STATES : STATES) &&
    best.claim.attribution.stance === "asserts" &&
    falsities(best.claim.text).length + denials(best.claim.text).length === 0
  // Set against the claim, or stating it, only what the source says in a voice that takes a side.
  const plain = close && takesSide(best.claim)
  if (plain && !question && best.claim.polarity !== claimPolarity) {
    return {
      stance: "contradicts",
      evidence: evidenceClaims,
      rule: "negated-by-source",
      explanation: `${about}; its closest claim (${pct(best.cover)} of the claim's words) states it ${voiceOf(best.claim)} with ${best.claim.polarity} polarity where the claim is ${claimPolarity}`,
    }
  }
  // The closest claim compared value by value: alignment only pairs quantities that say what they count.
  // A source claim the aligned pairs already judged ("20 engineers" a part of "45 engineers and
  // contractors") is not judged again by its bare values.
  const judgedAligned = [...compared.agree, ...compared.loose].some((p) => p.source.id === best?.claim.id)
  const values = plain && !judgedAligned ? compareValues(input.claim, best.claim) : { agree: 0, clash: null }
  if (plain && !question && values.clash) {
    return {
      stance: "contradicts",
      evidence: evidenceClaims,
      rule: "value-clash",
      explanation: `${about}; its closest claim (${pct(best.cover)} of the claim's words) gives another value: ${values.clash}`,
    }
  }
  const reported = close && figuresStated && reportedAlike(best.claim)
  if (reported && !question)
    return {
      stance: "supports",
      evidence: evidenceClaims,
      rule: "speaker-figures-stated",
      explanation: `${about}; the claim gives a speaker's figures and its closest claim (${pct(best.cover)} of the claim's words) gives every one of them ${voiceOf(best.claim)}: reported speech against reported speech`,
    }
  // A closest claim that alignment paired with the claim as a looser fit (another time, a changed figure)
  // is judged by that pair below, as `run` judges it, however many words the two share.
  const alignedLoosely = best !== undefined && compared.loose.some((p) => p.source === best.claim)
  if (plain && !question && !claimHedged && hedging <= HEDGED && missing.length === 0 && !alignedLoosely) {
    return {
      stance: "supports",
      evidence: evidenceClaims,
      rule: best.claim.attribution.mode === "asserted" ? "stated-by-source" : "stated-by-speaker",
      explanation: `${about}; its closest claim covers ${pct(best.cover)} of the claim's words ${voiceOf(best.claim)}, and the source hedges little (${hedging.toFixed(2)} hedges per claim)`,
    }
  }
  // An aligned figure that fits without stating the claim (vaguer, a part, another time): the pair's own rule decides.
  const fits = compared.loose[0]
  if (fits && !question)
    return {
      stance: "discusses",
      evidence: first([fits.source], ...evidenceClaims).slice(0, MAX_EVIDENCE),
      rule: fits.verdict.rule,
      explanation: `${about}; its aligned figure fits without stating the claim (${fits.verdict.verdict}): ${fits.verdict.why}`,
    }
  return {
    stance: "discusses",
    evidence: evidenceClaims,
    rule: "reported-without-side",
    explanation: `${about} but takes no side: ${
      question
        ? "the claim is a question, which asserts nothing"
        : claimHedged
          ? "the claim itself is hedged"
          : hedging > HEDGED
            ? `it hedges what it reports (${hedging.toFixed(2)} hedges per claim)`
            : missing.length > 0 && (stated || plain)
              ? `it gives no figure that states ${quote(missing)} of the claim`
              : best
                ? `its closest claim covers ${pct(best.cover)} of the claim's words${isHedged(best.claim) ? ", hedged" : takesSide(best.claim) ? "" : `, as ${voiceOf(best.claim).replace(/^as /, "")} where the claim is the outlet's own`}, short of stating it outright (${pct(figuresStated ? FIGURES_STATES : STATES)} in a voice that takes a side)`
                : "no claim of it covers enough of the claim's words to be evidence"
    }`,
  }
}

const PRIORITY: ReadonlyArray<Stance> = ["contradicts", "supports", "discusses", "unrelated"]

/** Several sources: a contradiction is what a fact-checker must see first, then support, then mere discussion. */
export const combine = (judged: ReadonlyArray<Judged>): Judged => {
  for (const stance of PRIORITY) {
    const these = judged.filter((j) => j.stance === stance)
    const first = these[0]
    if (!first) continue
    return {
      stance,
      evidence: these.flatMap((j) => j.evidence),
      rule: first.rule,
      explanation: these.map((j) => j.explanation).join("; "),
    }
  }
  return { stance: "unrelated", evidence: [], rule: "no-source", explanation: "there is no source to judge against" }
}
