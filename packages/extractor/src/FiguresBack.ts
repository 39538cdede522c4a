/**
 * A figure given as the value of a word for a figure ("By Tuesday the figure had risen to 52", "The
 * correct figure was 34 schools", "bringing the total to 412") measures what the figure that word points
 * back to measures: the nearest one before it, in its sentence or the few before, in the same unit
 * (measures.json "refersBack"). Read over a whole document, after each sentence's quantities.
 */
import type { Quantity } from "@crosscheck/domain"
import { phrases } from "./internal/Catalogue.js"
import catalogue from "./measures.json" with { type: "json" }

const { nouns, modifiers, between, reach, gap } = catalogue.refersBack
const BETWEEN: ReadonlySet<string> = new Set(between)

/**
 * "the figure had risen to", "that figure had climbed to", "The correct figure was", "put the figure at
 * about", "bringing the total to": a determiner, a word for a figure, then up to `gap` words (no comma, no
 * full stop) before the quantity, which `pointsBack` checks.
 */
const POINTER = new RegExp(
  `\\b(?:the|that|this|its|their|our)\\s+(?:(?:${phrases(modifiers)})\\s+)?(?:${phrases(nouns)})((?:\\s+[\\p{L}'’-]+){0,${gap}})\\s+$`,
  "iu",
)

/**
 * Does the text before a quantity, in its sentence, end in a word for a figure that the quantity is the
 * value of, with only the words of `between` (auxiliaries, verbs of change and of stating a value, "to",
 * "at") after it? "the total cost of the design at" and "the figure of" name their own figure ("of" and
 * a noun are no such words), and are not one.
 */
export const pointsBack = (before: string): boolean => {
  const m = POINTER.exec(before)
  if (!m) return false
  return (m[1] ?? "")
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((w) => BETWEEN.has(w))
}

/** A figure that says what it measures: a class, or what it counts. */
const says = (q: Quantity.Quantity): boolean =>
  q.measure !== undefined && (q.measure.class !== "unknown" || q.counted !== null) && !q.restates

/** One sentence's text, where it starts in the document, and its quantities in text order. */
export interface SentenceQuantities {
  readonly text: string
  readonly start: number
  readonly quantities: ReadonlyArray<Quantity.Quantity>
}

/**
 * Every sentence's quantities, those that point back given what their antecedent measures (its class,
 * what it counts, whose and where, its verb and rule), keeping their own scope, modality and negation.
 */
export const resolve = (
  sentences: ReadonlyArray<SentenceQuantities>,
): ReadonlyArray<ReadonlyArray<Quantity.Quantity>> => {
  const out = sentences.map((s) => s.quantities)
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i] as SentenceQuantities
    for (let j = 0; j < s.quantities.length; j++) {
      const q = s.quantities[j] as Quantity.Quantity
      const own = q.measure
      if (own?.class !== "unknown" || q.restates) continue
      if (!pointsBack(s.text.slice(0, q.span.start - s.start))) continue
      const antecedent = nearest(out, i, j, q)
      if (!antecedent?.measure) continue
      const { whole: _whole, ...measured } = antecedent.measure
      const measure: Quantity.Measure = { ...measured, scope: own.scope, modality: own.modality, negated: own.negated }
      const row = [...(out[i] as ReadonlyArray<Quantity.Quantity>)]
      row[j] = { ...q, counted: antecedent.counted, measure }
      out[i] = row
    }
  }
  return out
}

/** The nearest figure before quantity j of sentence i, within `reach` sentences, that says what it measures in q's unit. */
const nearest = (
  sentences: ReadonlyArray<ReadonlyArray<Quantity.Quantity>>,
  i: number,
  j: number,
  q: Quantity.Quantity,
): Quantity.Quantity | null => {
  for (let k = i; k >= 0 && i - k <= reach; k--) {
    const list = sentences[k] as ReadonlyArray<Quantity.Quantity>
    for (let m = (k === i ? j : list.length) - 1; m >= 0; m--) {
      const p = list[m] as Quantity.Quantity
      if (p.unit !== q.unit || p.per !== q.per || !says(p) || p.measure?.whole) continue
      // "The correct figure was 34 schools": what it counts, if it says, is what the other counts.
      if (q.counted === null || q.counted === p.counted) return p
    }
  }
  return null
}
