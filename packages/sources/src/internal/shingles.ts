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
 * Hashes of every run of SIZE words not spanning a break, as 30-bit integers, sorted and without
 * repeats: a typed array takes a tenth of the memory of a Set (10,000 articles hold millions of
 * shingles), and a chance collision between two documents' shingles (about one in ten thousand
 * document pairs) cannot move a containment figure.
 */
const shingle = (text: string): Uint32Array => {
  const hashes = wordHashes(text.toLowerCase())
  const out = new Uint32Array(Math.max(0, hashes.length - SIZE + 1))
  let n = 0
  outer: for (let i = 0; i + SIZE <= hashes.length; i++) {
    let h = 0x9e3779b9
    for (let k = i; k < i + SIZE; k++) {
      const w = hashes[k] ?? -1
      if (w < 0) continue outer
      h = Math.imul(h ^ w, 2654435761)
      h ^= h >>> 15
    }
    out[n++] = h & 0x3fffffff
  }
  const sorted = out.subarray(0, n).sort()
  let unique = 0
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i] ?? 0
  return sorted.slice(0, unique)
}

/** The text with quoted passages replaced by a break. */
export const unquoted = (text: string): string => QUOTED.reduce((t, re) => t.replace(re, ` ${BREAK} `), text)

/** The shingles of the text outside quotation marks. */
export const own = (text: string): Uint32Array => shingle(unquoted(text))

/** The shingles of the whole text, quotes included. */
export const all = (text: string): Uint32Array => shingle(text)

/** Too few unquoted shingles to judge by (a statement printed whole): compare whole texts instead. */
export const tooFew = (shingles: Uint32Array): boolean => shingles.length < SMALL / 2

/** How many shingles two sets share: one walk along both, as both are sorted. */
export const shared = (a: Uint32Array, b: Uint32Array): number => {
  let i = 0
  let j = 0
  let n = 0
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0
    const y = b[j] ?? 0
    if (x === y) {
      n++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return n
}

export const fingerprints = (shingles: Uint32Array): ReadonlyArray<number> => {
  if (shingles.length < SMALL) return [...shingles]
  return [...shingles].filter((h) => h % SAMPLE === 0)
}
