/**
 * The one escaping for the terminal: every value that came from input (titles, outlets, claim text,
 * paths, messages quoting them) goes through `text`, and every JSON line through `json`, before it is printed.
 */

/**
 * C0 and C1 controls (ESC starts a terminal escape sequence; U+009B is CSI on its own), DEL, and the
 * characters that reorder or hide text: bidi embeddings, overrides and isolates, zero-width ones,
 * line and paragraph separators, the BOM.
 */
// A string, not a literal: written as escapes, the ranges stay readable (and Biome leaves them be).
const UNSAFE_RANGES = "\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff"
const UNSAFE = new RegExp(`[${UNSAFE_RANGES}]`, "g")

const codePoint = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`

/**
 * One line of text, safe to print: a tab or line break becomes a space, and every other unsafe
 * character is shown as its code point in angle brackets ("<U+202E>"), visible and inert.
 */
export const text = (s: string): string =>
  s.replace(UNSAFE, (c) => (c === "\t" || c === "\n" || c === "\r" ? " " : `<${codePoint(c)}>`))

/**
 * A value as one JSON line, safe to print: JSON.stringify already escapes C0 controls; this also
 * escapes the C1 controls and the reordering and invisible characters, so the line reads the same
 * in a terminal and decodes to the same value.
 */
export const json = (value: unknown): string =>
  JSON.stringify(value).replace(UNSAFE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`)
