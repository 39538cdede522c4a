/**
 * `JSON.stringify(value, null, indent)` in pieces, for files too large to hold as one string: the
 * outer levels are written member by member, each member by JSON.stringify itself.
 */

type Json = Record<string, unknown> | ReadonlyArray<unknown>

const expandable = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && typeof (value as { toJSON?: unknown }).toJSON !== "function"

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const skipped = (value: unknown): boolean =>
  value === undefined || typeof value === "function" || typeof value === "symbol"

/**
 * The same text as `JSON.stringify(value, null, indent)`, in pieces; `levels` is how many levels of
 * objects and arrays are opened here (each piece below them is one member's whole JSON).
 */
export function* chunks(value: unknown, indent = 0, levels = 2, depth = 0): Generator<string> {
  const pad = (d: number) => (indent > 0 ? `\n${" ".repeat(indent * d)}` : "")
  if (levels === 0 || !expandable(value)) {
    const text = JSON.stringify(value, null, indent)
    // A JSON text holds no raw line break but those of its indentation, so this indents it one level per depth.
    yield indent > 0 && depth > 0 ? text.replaceAll("\n", pad(depth)) : text
    return
  }
  const array = Array.isArray(value)
  const members: Array<readonly [string | null, unknown]> = array
    ? Array.from(value, (v) => [null, skipped(v) ? null : v] as const)
    : Object.entries(value).flatMap(([k, v]) => (skipped(v) ? [] : [[k, v] as const]))
  const [open, close] = array ? ["[", "]"] : ["{", "}"]
  if (members.length === 0) {
    yield `${open}${close}`
    return
  }
  yield open
  let first = true
  for (const [key, member] of members) {
    yield `${first ? "" : ","}${pad(depth + 1)}${key === null ? "" : `${JSON.stringify(key)}:${indent > 0 ? " " : ""}`}`
    first = false
    yield* chunks(member, indent, levels - 1, depth + 1)
  }
  yield `${pad(depth)}${close}`
}
