/**
 * The stance of a source towards one claim (CONTRACT.md `verify`): supports, contradicts, discusses
 * or unrelated, decided by named rules over the claims both sides' extraction gave, with the evidence.
 */
import { type AlignedGroup, type Claim, Quantity } from "@crosscheck/domain"
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

const cueMatcher = (phrases: ReadonlyArray<string>): ((text: string) => ReadonlyArray<string>) => {
  const alternation = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|")
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, "gu")
  return (text) => normalise(text).match(pattern) ?? []
}

/** Words by which a text calls a story false: hoax, fake, debunked. */
export const falsities = cueMatcher(cues.false)
/** Words reporting that someone denies or rejects the content: a party's side, not the outlet's. */
export const denials = cueMatcher(cues.deny)
/** Words that cast doubt on the content without calling it false. */
export const doubts = cueMatcher(cues.doubt)
/** Words that put the content at a distance: reported, alleged, unconfirmed, possible. */
export const hedges = cueMatcher(cues.hedge)
/** Words that report what someone said. */
export const reports = cueMatcher(cues.report)
/** Words by which the source vouches for the content. */
export const confirmations = cueMatcher(cues.confirm)

const isDistanced = (c: Claim.Claim): boolean =>
  c.attribution.mode !== "asserted" || c.attribution.hedged || hedges(c.text).length > 0

interface Scored {
  readonly claim: Claim.Claim
  readonly cover: number
}

const mass = (ts: Iterable<string>, lexicon: Lexicon): number => {
  let m = 0
  for (const t of ts) m += lexicon.weight(t)
  return m
}

/** The rounding a written value implies: "40" may be 35–45, "15M" 14.5M–15.5M, "43" only itself. */
const precision = (value: number): number => {
  if (!Number.isFinite(value) || value === 0 || !Number.isInteger(value)) return 0
  let place = 1
  while (value % (place * 10) === 0) place *= 10
  return place / 2
}

/** Interval of a quantity with rounding allowed for; approximate values get 10% either side. */
const interval = (q: Quantity.Quantity): [number, number] => {
  const tol = q.approximate === "exact" ? 0.01 : 0.1
  const low =
    q.approximate === "at-most" ? Number.NEGATIVE_INFINITY : Math.min(q.low * (1 - tol), q.low - precision(q.low))
  const high =
    q.approximate === "at-least" ? Number.POSITIVE_INFINITY : Math.max(q.high * (1 + tol), q.high + precision(q.high))
  return [Math.min(low, high), Math.max(low, high)]
}

const sameTime = (a: Claim.Claim, b: Claim.Claim): boolean => {
  // A defaulted time (the publication date standing in for none written) is judged as no time.
  if (!a.time || !b.time || a.time.defaulted || b.time.defaulted) return true
  if (a.time.start && b.time.start)
    return a.time.start <= (b.time.end ?? b.time.start) && b.time.start <= (a.time.end ?? a.time.start)
  return normalise(a.time.text) === normalise(b.time.text)
}

interface Comparison {
  readonly agree: ReadonlyArray<[Claim.Claim, Claim.Claim]>
  readonly clash: ReadonlyArray<{ readonly claim: Claim.Claim; readonly source: Claim.Claim; readonly why: string }>
}

/**
 * What alignment says: groups holding a claim-side and a source-side member. Numeric members are
 * compared as intervals (vague magnitudes never clash); statement members by polarity.
 * TODO(matcher): replace this pairwise check with `Alignment.compare(a, b)` once it lands.
 */
const compareAligned = (input: Input): Comparison => {
  const claimIds = new Set(input.claim.map((c) => c.id))
  const agree: Array<[Claim.Claim, Claim.Claim]> = []
  const clash: Array<{ claim: Claim.Claim; source: Claim.Claim; why: string }> = []
  for (const group of input.groups) {
    const mine = group.members.filter((m) => claimIds.has(m.claim.id))
    const theirs = group.members.filter((m) => !claimIds.has(m.claim.id))
    for (const a of mine) {
      // A source may give several values for one thing ("7 of the 28 girls"): it disagrees only when none fits.
      const agreeing: Claim.Claim[] = []
      const clashing: Array<{ claim: Claim.Claim; source: Claim.Claim; why: string }> = []
      for (const b of theirs) {
        if (!sameTime(a.claim, b.claim)) continue
        if (group.kind === "numeric" && a.quantity && b.quantity) {
          if (a.quantity.approximate === "vague" || b.quantity.approximate === "vague") continue
          // An increment against a total ("another 25,000" and "11,000") never clashes (issue 15: compatible).
          if (Quantity.measureOf(a.quantity).scope !== Quantity.measureOf(b.quantity).scope) continue
          const [al, ah] = interval(a.quantity)
          const [bl, bh] = interval(b.quantity)
          if (al <= bh && bl <= ah) agreeing.push(b.claim)
          else
            clashing.push({
              claim: a.claim,
              source: b.claim,
              why: `"${a.quantity.text}" against "${b.quantity.text}" (${group.key}): the intervals do not overlap`,
            })
        } else if (group.kind === "statement") {
          if (a.claim.polarity === b.claim.polarity) agreeing.push(b.claim)
          else
            clashing.push({
              claim: a.claim,
              source: b.claim,
              why: `"${a.claim.predicate}" is ${a.claim.polarity} in the claim and ${b.claim.polarity} in the source`,
            })
        }
      }
      for (const b of agreeing) agree.push([a.claim, b])
      if (agreeing.length === 0) clash.push(...clashing)
    }
  }
  return { agree, clash }
}

/** Same unit and rate, both values precise: do the intervals meet? */
const compareValues = (
  claims: ReadonlyArray<Claim.Claim>,
  source: Claim.Claim,
): { readonly agree: number; readonly clash: string | null } => {
  let agree = 0
  let clash: string | null = null
  // A number for another time is not a contradiction (CONTRACT.md).
  for (const q of claims.filter((c) => sameTime(c, source)).flatMap((c) => c.quantities)) {
    if (q.approximate === "vague") continue
    const comparable = source.quantities.filter(
      (s) => s.unit === q.unit && s.per === q.per && s.approximate !== "vague",
    )
    if (comparable.length === 0) continue
    const [ql, qh] = interval(q)
    if (
      comparable.some((s) => {
        const [sl, sh] = interval(s)
        return ql <= sh && sl <= qh
      })
    )
      agree++
    else clash ??= `"${q.text}" against ${comparable.map((s) => `"${s.text}"`).join(", ")} (unit ${q.unit ?? "none"})`
  }
  return { agree, clash: agree > 0 ? null : clash }
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

  const clash = compared.clash[0]
  if (clash) {
    return {
      stance: "contradicts",
      evidence: first([clash.source], ...evidenceClaims).slice(0, MAX_EVIDENCE),
      rule: "aligned-clash",
      explanation: `${about} and an aligned claim disagrees: ${clash.why}`,
    }
  }

  // A question asserts nothing, so nothing in it can be refuted or refute.
  const question = input.claim.some((c) => /\?\s*$/.test(c.text))
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
  const hedging = input.source.reduce((n, c) => n + hedges(c.text).length, 0) / Math.max(1, input.source.length)
  const claimHedged = input.claim.some((c) => c.attribution.hedged || hedges(c.text).length > 0)
  // An aligned claim with the same values, which the source states in its own voice, states the claim.
  const stated = compared.agree.find(([, source]) => !isDistanced(source))
  if (stated && !claimHedged) {
    const [, source] = stated
    return {
      stance: "supports",
      evidence: first([source], ...evidenceClaims).slice(0, MAX_EVIDENCE),
      rule: "aligned-agree",
      explanation: `${about}; it states the same ${source.quantities.length > 0 ? "values" : "fact with the same polarity"} in its own voice: "${source.text}"`,
    }
  }
  const claimPolarity = claimNegative ? "negative" : "positive"
  const plain =
    best &&
    best.cover >= STATES &&
    !isDistanced(best.claim) &&
    falsities(best.claim.text).length + denials(best.claim.text).length === 0
  if (plain && !question && best.claim.polarity !== claimPolarity) {
    return {
      stance: "contradicts",
      evidence: evidenceClaims,
      rule: "negated-by-source",
      explanation: `${about}; its closest claim (${pct(best.cover)} of the claim's words) states it in its own voice with ${best.claim.polarity} polarity where the claim is ${claimPolarity}`,
    }
  }
  // The closest claim compared value by value: alignment only pairs quantities that say what they count.
  const values = plain ? compareValues(input.claim, best.claim) : { agree: 0, clash: null }
  if (plain && !question && values.clash) {
    return {
      stance: "contradicts",
      evidence: evidenceClaims,
      rule: "value-clash",
      explanation: `${about}; its closest claim (${pct(best.cover)} of the claim's words) gives another value: ${values.clash}`,
    }
  }
  if (plain && !question && !claimHedged && hedging <= HEDGED) {
    return {
      stance: "supports",
      evidence: evidenceClaims,
      rule: "stated-by-source",
      explanation: `${about}; its closest claim covers ${pct(best.cover)} of the claim's words in its own voice, and the source hedges little (${hedging.toFixed(2)} hedges per claim)`,
    }
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
            : "no claim of it states the claim outright in its own voice"
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
