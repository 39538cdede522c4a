/**
 * Word 5-gram shingles of a text, hashed to numbers, with quoted passages left out: several outlets
 * quoting one statement is reporting, not copying. Fingerprints are a content-defined sample of them.
 */

const SIZE = 5
/** Keep one shingle in this many as a fingerprint (by hash, so copies sample the same ones). */
const SAMPLE = 4
/** Below this many shingles a document is fingerprinted whole. */
const SMALL = 64

// Opening and closing marks of a quoted passage; single quotes only when they cannot be apostrophes.
const QUOTED = [
  /“[^”\n]{1,1500}”/g,
  /"[^"\n]{1,1500}"/g,
  /‘[^\n]{1,1500}?’(?!\p{L})/gu,
  /(?<![\p{L}\p{N}])'(?=\p{L})[^\n]{1,1500}?'(?!\p{L})/gu,
  /«[^»\n]{1,1500}»/g,
]

/** A break that no shingle may span. */
const BREAK = "\uE000"

/** FNV-1a of a word, 32 bits. */
const FNV = 0x811c9dc5
const BREAK_CODE = 0xe000
const LETTER = /[\p{L}\p{N}]/u

/** ASCII letters and digits by code; anything else beyond ASCII by Unicode class. */
const isWordChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c > 127 && c !== BREAK_CODE && LETTER.test(String.fromCharCode(c)))

/** FNV-1a hashes of the words of a lower-cased text, -1 for a break; one pass, no substrings. */
const wordHashes = (text: string): number[] => {
  const out: number[] = []
  let h = FNV
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (isWordChar(c)) {
      h = Math.imul(h ^ c, 16777619)
      inWord = true
      continue
    }
    if (inWord) out.push(h >>> 0)
    h = FNV
    inWord = false
    if (c === BREAK_CODE) out.push(-1)
  }
  if (inWord) out.push(h >>> 0)
  return out
}

/**
 * Hashes of every run of SIZE words not spanning a break, as 30-bit integers: small integers keep
 * the sets fast, and a chance collision between two documents' shingles (about one in ten thousand
 * document pairs) cannot move a containment figure.
 */
const shingle = (text: string): Set<number> => {
  const hashes = wordHashes(text.toLowerCase())
  const out = new Set<number>()
  outer: for (let i = 0; i + SIZE <= hashes.length; i++) {
    let h = 0x9e3779b9
    for (let k = i; k < i + SIZE; k++) {
      const w = hashes[k] ?? -1
      if (w < 0) continue outer
      h = Math.imul(h ^ w, 2654435761)
      h ^= h >>> 15
    }
    out.add(h & 0x3fffffff)
  }
  return out
}

/** The text with quoted passages replaced by a break. */
export const unquoted = (text: string): string => QUOTED.reduce((t, re) => t.replace(re, ` ${BREAK} `), text)

/** The shingles of the text outside quotation marks. */
export const own = (text: string): Set<number> => shingle(unquoted(text))

/** The shingles of the whole text, quotes included. */
export const all = (text: string): Set<number> => shingle(text)

/** Too few unquoted shingles to judge by (a statement printed whole): compare whole texts instead. */
export const tooFew = (shingles: ReadonlySet<number>): boolean => shingles.size < SMALL / 2

export const fingerprints = (shingles: ReadonlySet<number>): ReadonlyArray<number> => {
  if (shingles.size < SMALL) return [...shingles]
  return [...shingles].filter((h) => h % SAMPLE === 0)
}
