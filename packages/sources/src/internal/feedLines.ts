/**
 * A feed read from disk a few megabytes at a time, never whole: the lines, line numbers and refusals that
 * decoding the whole file (Text.decode) and splitting it (Jsonl.parse) give, with where each line's bytes lie.
 */
import { closeSync, openSync, readSync } from "node:fs"
import type { SourceError } from "@crosscheck/domain"
import * as Jsonl from "../Jsonl.js"
import * as Text from "../Text.js"

export interface RawLine {
  /** 1-based; "\n", "\r\n" and a lone "\r" each end a line, as Text.decode's normalising makes them. */
  readonly number: number
  /** Where the line's bytes start in the file and how many there are, its line end left out. */
  readonly offset: number
  readonly length: number
  readonly text: string
}

const CHUNK_BYTES = 4 * 1024 * 1024

// A byte-order mark inside the file is text, as decoding the whole file keeps it; those at its start are dropped below.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true })

const bomAt = (bytes: Uint8Array, at: number): boolean =>
  bytes[at] === 0xef && bytes[at + 1] === 0xbb && bytes[at + 2] === 0xbf

/** Reads up to `into.length` bytes, fewer only at the end of the file. */
const fill = (fd: number, into: Buffer): number => {
  let n = 0
  for (let got = -1; got !== 0 && n < into.length; n += got) got = readSync(fd, into, n, into.length - n, null)
  return n
}

/**
 * Gives each non-blank line to `onLine`, in order. Returns the error that refuses the whole file (binary,
 * not UTF-8, nothing but blank lines), or null; the lines before an invalid byte have been given by then,
 * so a caller keeps them only once the file is through.
 */
export const scan = (
  path: string,
  onLine: (line: RawLine) => void,
  chunkBytes: number = CHUNK_BYTES,
): SourceError | null => {
  const fd = openSync(path, "r")
  try {
    const chunk = Buffer.allocUnsafe(chunkBytes)
    // The start of a line not ended yet, copied (the chunk is read into again), and where the line starts.
    let pending: Buffer[] = []
    let lineStart = 0
    // A carriage return ended the last chunk: a line feed first in this one belongs to it.
    let pairedFeed = false
    // Where the chunk starts in the file.
    let offset = 0
    let number = 1
    // Line feeds before the current line: how Text.decode numbers the line of an invalid byte.
    let lineFeeds = 0
    let anyText = false
    const line = (bytes: Buffer): SourceError | null => {
      let from = 0
      // At the file's start, decoding drops a byte-order mark and Text.decode one more.
      if (number === 1) for (let k = 0; k < 2 && bytes.length - from >= 3 && bomAt(bytes, from); k++) from += 3
      const own = bytes.subarray(from)
      const bad = Text.firstInvalidUtf8(own)
      if (bad >= 0) return Text.invalidUtf8(path, own[bad] ?? 0, lineStart + from + bad, lineFeeds + 1)
      const text = decoder.decode(own)
      if (!Jsonl.isBlank(text)) {
        anyText = true
        onLine({ number, offset: lineStart + from, length: own.length, text })
      }
      return null
    }
    const finish = (data: Buffer, start: number, end: number): SourceError | null => {
      const bytes =
        pending.length === 0 ? data.subarray(start, end) : Buffer.concat([...pending, data.subarray(start, end)])
      pending = []
      return line(bytes)
    }
    for (;;) {
      const n = fill(fd, chunk)
      const eof = n < chunkBytes
      if (offset < Text.BINARY_SAMPLE_BYTES) {
        const sample = chunk.subarray(0, Math.min(n, Text.BINARY_SAMPLE_BYTES - offset))
        if (sample.includes(0)) return Text.binary(path, offset + sample.indexOf(0))
      }
      const data = chunk.subarray(0, n)
      let start = 0
      if (pairedFeed && n > 0) {
        pairedFeed = false
        if (data[0] === 0x0a) {
          lineFeeds++
          start = 1
          lineStart = offset + 1
        }
      }
      for (let i = start; i < n; i++) {
        const b = data[i]
        if (b !== 0x0a && b !== 0x0d) continue
        const error = finish(data, start, i)
        if (error) return error
        if (b === 0x0a) lineFeeds++
        else if (i + 1 === n) pairedFeed = true
        else if (data[i + 1] === 0x0a) {
          lineFeeds++
          i++
        }
        number++
        start = i + 1
        lineStart = offset + start
      }
      if (eof) {
        const error = finish(data, start, n)
        if (error) return error
        return anyText ? null : Text.empty(path, offset + n)
      }
      if (start < n) pending.push(Buffer.from(data.subarray(start, n)))
      offset += n
    }
  } finally {
    closeSync(fd)
  }
}

/** The text of a line `scan` gave, read again from its place in the file. */
export const readLine = (fd: number, offset: number, length: number): string => {
  const bytes = Buffer.allocUnsafe(length)
  for (let at = 0; at < length; ) {
    const got = readSync(fd, bytes, at, length - at, offset + at)
    if (got === 0) break
    at += got
  }
  return decoder.decode(bytes)
}
