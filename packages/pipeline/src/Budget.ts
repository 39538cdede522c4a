/**
 * What one article may cost: time and size to extract it, and how many claims it may keep. The
 * defaults live here (README "Budgets"); ExtractionPool enforces them, the CLI's flags change them.
 */
import type { Claim, Document, Report } from "@crosscheck/domain"

export interface Budget {
  /** Milliseconds one article's extraction may take before its worker thread is stopped. */
  readonly timeMs: number
  /** Characters of text one article may have; a longer one is not extracted. */
  readonly chars: number
  /** Claims one sentence may give; the rest of that sentence's are dropped, and counted. */
  readonly claimsPerSentence: number
  /** Claims one article may give; the rest are dropped, and counted. */
  readonly claimsPerArticle: number
}

/**
 * 5 s is about fifty times what a 4,000-character article takes on a busy two-core machine, and five
 * times what 100 KB of text takes; 2 MB of text is a book, not an article. No real sentence gives 16
 * claims; 500 per article keeps the store of an article of repeated "Kim said" within 50x its size (1,000: 59x).
 */
export const DEFAULT: Budget = {
  timeMs: 5_000,
  chars: 2_000_000,
  claimsPerSentence: 16,
  claimsPerArticle: 500,
}

/** The budget with `overrides` where they are given. */
export const make = (overrides: Partial<Budget> = {}): Budget => ({ ...DEFAULT, ...overrides })

/**
 * Articles above this many characters are extracted on a worker thread even when the input is small,
 * where the time budget can stop them; below it extraction is linear and takes well under a second.
 */
export const IN_THREAD_MAX_CHARS = 50_000

const where = (document: Document.Document): string => `${document.origin.path}#${document.origin.index}`

const thousands = (n: number): string => n.toLocaleString("en-US")

/** The error of an article longer than the budget allows: it is not extracted at all. */
export const tooLong = (document: Document.Document, budget: Budget): Report.InputError => ({
  path: document.origin.path,
  message: `extractor: expected an article of at most ${thousands(budget.chars)} characters, instead found ${thousands(document.text.length)}; not extracted (${where(document)})`,
})

/** The error of an article whose extraction was stopped at the time budget. */
export const tooSlow = (document: Document.Document, budget: Budget, elapsedMs: number): Report.InputError => ({
  path: document.origin.path,
  message: `extractor: expected an article's claims within ${thousands(budget.timeMs)} ms, instead extraction was still running after ${thousands(Math.round(elapsedMs))} ms of its ${thousands(document.text.length)} characters and was stopped; no claims kept (${where(document)})`,
})

export interface Capped {
  readonly claims: ReadonlyArray<Claim.Claim>
  /** The note naming what was dropped, when anything was. */
  readonly note: Report.InputError | null
}

/**
 * The claims within the per-sentence and per-article caps, in text order. Claims of one sentence
 * share the start of their span; those past the caps are dropped and the note counts them.
 */
export const cap = (document: Document.Document, claims: ReadonlyArray<Claim.Claim>, budget: Budget): Capped => {
  if (claims.length <= budget.claimsPerSentence && claims.length <= budget.claimsPerArticle)
    return { claims, note: null }
  const perSentence = new Map<number, number>()
  const kept: Claim.Claim[] = []
  let dropped = 0
  for (const claim of claims) {
    const n = perSentence.get(claim.span.start) ?? 0
    if (n >= budget.claimsPerSentence || kept.length >= budget.claimsPerArticle) {
      dropped++
      continue
    }
    perSentence.set(claim.span.start, n + 1)
    kept.push(claim)
  }
  if (dropped === 0) return { claims, note: null }
  return {
    claims: kept,
    note: {
      path: document.origin.path,
      message: `extractor: expected at most ${thousands(budget.claimsPerSentence)} claims per sentence and ${thousands(budget.claimsPerArticle)} per article, instead found ${thousands(claims.length)}; kept ${thousands(kept.length)}, dropped ${thousands(dropped)} (${where(document)})`,
      dropped,
    },
  }
}
