/**
 * Bytes to text: refuses empty, binary and invalid UTF-8 input with the place it went wrong,
 * drops a byte-order mark and normalises line ends so offsets mean the same on every platform.
 */
import { SourceError } from "@crosscheck/domain"
import { Either } from "effect"

/** Files above this size are refused: they are not articles, and would stall a run. */
export const MAX_BYTES = 10 * 1024 * 1024
/** A feed (`.jsonl`) holds many articles, so it may be larger; each of its lines is still one article. */
export const MAX_FEED_BYTES = 256 * 1024 * 1024

const megabytes = (n: number): string => {
  const mb = n / 1024 / 1024
  return Number.isInteger(mb) ? String(mb) : mb.toFixed(1)
}

export const tooLarge = (path: string, size: number, limit: number = MAX_BYTES): SourceError =>
  new SourceError({
    reason: "too-large",
    path,
    message: `sources: expected at most ${megabytes(limit)} MB per file, instead found ${(size / 1024 / 1024).toFixed(1)} MB (${path})`,
  })

/** Offset of the first byte that breaks UTF-8, or -1. */
export const firstInvalidUtf8 = (bytes: Uint8Array): number => {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    let n = 0
    if (b < 0x80) n = 0
    else if (b >= 0xc2 && b <= 0xdf) n = 1
    else if (b >= 0xe0 && b <= 0xef) n = 2
    else if (b >= 0xf0 && b <= 0xf4) n = 3
    else return i
    if (i + n >= bytes.length && n > 0) return i
    for (let k = 1; k <= n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i
    if (n === 2 && b === 0xe0 && (bytes[i + 1] ?? 0) < 0xa0) return i
    if (n === 2 && b === 0xed && (bytes[i + 1] ?? 0) > 0x9f) return i
    if (n === 3 && b === 0xf0 && (bytes[i + 1] ?? 0) < 0x90) return i
    if (n === 3 && b === 0xf4 && (bytes[i + 1] ?? 0) > 0x8f) return i
    i += n + 1
  }
  return -1
}

const lineAt = (bytes: Uint8Array, offset: number): number => {
  let line = 1
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++
  return line
}

/** How far into a file a NUL byte makes it binary: the start is enough, text files have none. */
export const BINARY_SAMPLE_BYTES = 8192

export const binary = (path: string, at: number): SourceError =>
  new SourceError({
    reason: "binary",
    path,
    message: `sources: expected text, instead found binary data (a NUL byte at byte ${at}) (${path})`,
  })

/** An invalid byte `byte` at offset `at` of the file, on line `line` (counting line feeds before it). */
export const invalidUtf8 = (path: string, byte: number, at: number, line: number): SourceError =>
  new SourceError({
    reason: "encoding",
    path,
    message: `sources: expected UTF-8 text, instead found an invalid byte 0x${byte.toString(16)} at byte ${at} (${path} line ${line})`,
  })

/** A file of `size` bytes with no text but blank lines (or none at all). */
export const empty = (path: string, size: number): SourceError =>
  new SourceError({
    reason: "empty",
    path,
    message: `sources: expected an article, instead found ${size === 0 ? "an empty file" : "only blank lines"} (${path})`,
  })

export const decode = (
  path: string,
  bytes: Uint8Array,
  limit: number = MAX_BYTES,
): Either.Either<string, SourceError> => {
  if (bytes.length > limit) return Either.left(tooLarge(path, bytes.length, limit))
  const sample = bytes.subarray(0, BINARY_SAMPLE_BYTES)
  if (sample.includes(0)) return Either.left(binary(path, sample.indexOf(0)))
  const bad = firstInvalidUtf8(bytes)
  if (bad >= 0) return Either.left(invalidUtf8(path, bytes[bad] ?? 0, bad, lineAt(bytes, bad)))
  const text = new TextDecoder("utf-8")
    .decode(bytes)
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
  if (text.trim() === "") return Either.left(empty(path, bytes.length))
  return Either.right(text)
}
