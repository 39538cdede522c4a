/**
 * stdin as lines, each at most a limit of bytes: a longer line is skipped to its end and answered
 * with its size, so one endless line neither fills the memory nor stops the lines after it.
 */

/** A JSON line holds one article; a file of one article is refused above the same 10 MB (sources' Text). */
export const MAX_LINE_BYTES = 10 * 1024 * 1024

export type Line = { readonly text: string } | { readonly tooLong: number }

const decoder = new TextDecoder("utf-8", { ignoreBOM: true })

/** The lines of a stream, without their line ends ("\n" or "\r\n"); a byte-order mark opening the stream is dropped. */
export async function* read(stream: NodeJS.ReadableStream, limit: number = MAX_LINE_BYTES): AsyncGenerator<Line> {
  let parts: Buffer[] = []
  let size = 0
  let first = true
  const finish = (): Line => {
    if (size > limit) return { tooLong: size }
    let bytes = Buffer.concat(parts, size)
    if (bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1)
    if (first && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3)
    return { text: decoder.decode(bytes) }
  }
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer)
    let from = 0
    for (let nl = buffer.indexOf(0x0a, from); nl >= 0; nl = buffer.indexOf(0x0a, from)) {
      const piece = buffer.subarray(from, nl)
      // Over the limit, the bytes are counted, not kept.
      if (size + piece.length <= limit) parts.push(piece)
      size += piece.length
      yield finish()
      first = false
      parts = []
      size = 0
      from = nl + 1
    }
    const rest = buffer.subarray(from)
    if (size + rest.length <= limit) parts.push(rest)
    else parts = []
    size += rest.length
  }
  if (size > 0) yield finish()
}

const megabytes = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)

/** The answer to a line over the limit, naming it. */
export const tooLong = (bytes: number, n: number, limit: number = MAX_LINE_BYTES): string =>
  `sources: expected a JSON line of at most ${megabytes(limit)} MB, instead found ${megabytes(bytes)} MB; skipped (stdin line ${n})`
