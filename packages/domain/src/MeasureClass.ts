/**
 * The measure classes a quantity may have and how they nest (measureClasses.json), so that the
 * extractor that names them and the matcher and judgement that compare them read one table.
 */
import catalogue from "./measureClasses.json" with { type: "json" }

export interface MeasureClass {
  /** The class this one is a part of ("deaths": casualties), or null. */
  readonly parent: string | null
  readonly what: string
  /** Named by a unit alone ("5 km": distance): it says only the dimension. */
  readonly unit?: boolean
}

/** What "unknown" means: no word said what the quantity measures. */
export const UNKNOWN = "unknown"

export const classes: Readonly<Record<string, MeasureClass>> = catalogue.classes

/** The classes a class is part of, nearest first ("evacuated": displaced). */
export const ancestors = (name: string): ReadonlyArray<string> => {
  const out: string[] = []
  for (let p = classes[name]?.parent ?? null; p !== null && !out.includes(p); p = classes[p]?.parent ?? null)
    out.push(p)
  return out
}

/** Whether a figure of class `part` is a part of, or the same as, a figure of class `whole`. */
export const within = (part: string, whole: string): boolean => part === whole || ancestors(part).includes(whole)

/**
 * How two classes relate: the same, `a` a part of `b`, `b` a part of `a`, or unrelated. "unknown"
 * relates to nothing here; what to make of an unknown class is the caller's judgement.
 */
export const relate = (a: string, b: string): "same" | "a-in-b" | "b-in-a" | "unrelated" => {
  if (a === UNKNOWN || b === UNKNOWN) return "unrelated"
  if (a === b) return "same"
  if (within(a, b)) return "a-in-b"
  if (within(b, a)) return "b-in-a"
  return "unrelated"
}
