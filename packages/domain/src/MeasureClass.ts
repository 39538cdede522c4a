/**
 * The tree of measure classes (what a quantity measures) and how two classes relate: one class,
 * one nested in the other (deaths in casualties), or apart. Matcher and judgement read it alike.
 */
import data from "./measure-classes.json" with { type: "json" }

export interface Entry {
  readonly parent: string | null
  readonly label: string
  /** A property of the event itself (magnitude, depth), which a later report does not change. */
  readonly fixed?: boolean
  /** A running count given as it stands when written (a toll): articles of different days give it at different times. */
  readonly tally?: boolean
  /** A length measured from a point the text names (a distance, a depth): its holder is that point. */
  readonly located?: boolean
  /** A length a thing measures across itself (a boat's length, a crater's width): its holder is the thing. */
  readonly dimension?: boolean
  /** A class a forecast figure of which, stated by one of the verbs, measures this one ("will employ 120" is jobs created). */
  readonly forecastOf?: { readonly class: string; readonly verbs: ReadonlyArray<string> }
  /** A date something is forecast to be done or back in use by (a completion, a reopening). */
  readonly workEnd?: boolean
}

const CLASSES: Readonly<Record<string, Entry>> = data.classes

export const UNKNOWN = "unknown"
/** When a piece of work or a state is forecast to be over: a date (the extractor's completions.json). */
export const COMPLETION = "completion"

/** same; a-contains-b (a is the whole b is part of); b-contains-a; apart; unknown (either side says nothing). */
export type Relation = "same" | "a-contains-b" | "b-contains-a" | "apart" | "unknown"

export const isKnown = (cls: string): boolean => cls !== UNKNOWN && CLASSES[cls] !== undefined

/** A class whose figure is a property of the event (a magnitude), not a count that runs on over time. */
export const isFixed = (cls: string): boolean => CLASSES[cls]?.fixed === true

/** A class counted as it stands when reported (deaths, injured, evacuated): each report gives it as of its own day. */
export const isTally = (cls: string): boolean => CLASSES[cls]?.tally === true

/** A length measured from a named point (distance, depth): `measure.of` is the point, not the stuff measured. */
export const isLocated = (cls: string): boolean => CLASSES[cls]?.located === true

/**
 * A date something is forecast to be done or back in use by ("finished by April", "will not reopen until
 * June"): two such classes are one measure when their words tell of one piece of work.
 */
export const isWorkEnd = (cls: string): boolean => CLASSES[cls]?.workEnd === true

/**
 * Two different classes that are both dates a piece of work is over by ("completed by April" and "will
 * reopen in June"): one measure when the words around them tell of one piece of work.
 */
export const workEndsOfOneKind = (a: string, b: string): boolean => a !== b && isWorkEnd(a) && isWorkEnd(b)

/** A length a thing measures itself ("a 12-metre boat", "40 metres wide"): one measurement when the things are one. */
export const isDimension = (cls: string): boolean => CLASSES[cls]?.dimension === true

const PART_NOUNS: ReadonlySet<string> = new Set(data.partNouns)

/** A noun (lower case) for a part of a thing ("section", "stretch"): a size said of it is the part's, not the thing's. */
export const isPartNoun = (word: string): boolean => PART_NOUNS.has(word)

/** What a figure measures, as far as relating two figures needs: its class and whether it is a forecast. */
export interface Measured {
  readonly class: string
  readonly modality?: string
  readonly predicate?: string | null
}

/**
 * Whether `forecast` is a forecast of a class that `other`'s class is also told as (measure-classes.json
 * forecastOf): "the farm will employ 120 people" (jobs) against "the farm will create 60 jobs".
 */
export const foretells = (forecast: Measured, other: Measured): boolean => {
  const told = CLASSES[other.class]?.forecastOf
  return (
    told !== undefined &&
    forecast.modality === "forecast" &&
    told.class === forecast.class &&
    told.verbs.includes(forecast.predicate ?? "")
  )
}

/**
 * How two figures' measures relate: their classes' relation, or one measure when one foretells the other,
 * or when both are dates a piece of work is over by (`isWorkEnd`: whether it is one piece of work, the
 * matcher's words around them tell).
 */
export const relateMeasures = (a: Measured, b: Measured): Relation =>
  foretells(a, b) || foretells(b, a) || workEndsOfOneKind(a.class, b.class) ? "same" : relate(a.class, b.class)

export const label = (cls: string): string => CLASSES[cls]?.label ?? cls

/** The class and every broader class it is part of, narrowest first. */
export const ancestry = (cls: string): ReadonlyArray<string> => {
  const out: string[] = []
  for (let c: string | null = cls; c !== null && !out.includes(c); c = CLASSES[c]?.parent ?? null) out.push(c)
  return out
}

export const relate = (a: string, b: string): Relation => {
  if (!isKnown(a) || !isKnown(b)) return "unknown"
  if (a === b) return "same"
  if (ancestry(b).includes(a)) return "a-contains-b"
  if (ancestry(a).includes(b)) return "b-contains-a"
  return "apart"
}

export const all = (): ReadonlyArray<string> => Object.keys(CLASSES)

const GENERIC: ReadonlySet<string> = new Set(data.genericCounted)

/** A counted word that names no measure ("people", "toll", "figure"), as matcher and judgement read it. */
export const isGenericCounted = (word: string): boolean => GENERIC.has(word.toLowerCase())

/**
 * Whether a counted word says no more than its figure's class already does: a generic word ("people"),
 * or the class's own name ("61 arrests" of arrests, "40 deaths" of deaths), which names the measure,
 * not a group apart from others ("85 fans" arrested).
 */
export const isGenericFor = (cls: string, word: string): boolean => {
  if (isGenericCounted(word)) return true
  if (!isKnown(cls)) return false
  const w = countedHead(word) ?? word
  return [cls, ...label(cls).split(/\s+/)].some((name) => countedHead(name) === w)
}

const MEMBERS = /^members?$/

/**
 * The word a counted phrase is compared under, singular: its last word ("village schools": "school",
 * "casualties": "casualty"), or the group whose members it counts ("14 crew members": "crew"); null for none.
 */
export const countedHead = (counted: string | null): string | null => {
  const words = counted?.toLowerCase().split(/\s+/).filter(Boolean) ?? []
  const last =
    words.length > 1 && MEMBERS.test(words[words.length - 1] ?? "") ? words[words.length - 2] : words[words.length - 1]
  if (!last) return null
  if (last.length > 4 && last.endsWith("ies")) return `${last.slice(0, -3)}y`
  return last.length > 3 && last.endsWith("s") && !last.endsWith("ss") ? last.slice(0, -1) : last
}

/** The heads of what a coordination counts ("police officer and volunteer": officer, volunteer); one head otherwise. */
export const countedConjuncts = (counted: string | null): ReadonlyArray<string> =>
  (counted ?? "").split(/\s+and\s+/).flatMap((part) => {
    const h = countedHead(part)
    return h === null ? [] : [h]
  })
