/**
 * Characters that reorder or hide the text around them (bidi embeddings, overrides and isolates,
 * zero-width ones, the BOM) and control characters, made visible as "⟨U+202E⟩" in human-readable reports.
 */

// Tab, line feed and carriage return are whitespace each format handles itself.
// A string, not a literal: written as escapes, the ranges stay readable (and Biome leaves them be).
export const HIDDEN_RANGES =
  "\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u061c\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u2069\\ufeff"
export const HIDDEN = new RegExp(`[${HIDDEN_RANGES}]`, "g")

export const codePoint = (c: string): string =>
  `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`

/** The text with every hidden character shown as its code point. */
export const visible = (s: string): string => s.replace(HIDDEN, (c) => `⟨${codePoint(c)}⟩`)
