/**
 * One article in a `.txt`/`.md` file, optionally opening with a `---` block of `key: value` lines
 * (outlet, title, published, url, byline). Errors name the file and the line.
 */
import { SourceError } from "@crosscheck/domain"
import { Either } from "effect"

export interface Parsed {
  readonly fields: Readonly<Record<string, string>>
  readonly body: string
  /** Offset of the body in the file's text. */
  readonly bodyOffset: number
}

const FENCE = /^---\s*$/

export const hasFrontMatter = (text: string): boolean => FENCE.test(text.slice(0, text.indexOf("\n") >>> 0))

export const parse = (path: string, text: string): Either.Either<Parsed, SourceError> => {
  const lines = text.split("\n")
  if (!FENCE.test((lines[0] ?? "").replace(/\r$/, ""))) return Either.right({ fields: {}, body: text, bodyOffset: 0 })
  const fields: Record<string, string> = {}
  let offset = (lines[0] ?? "").length + 1
  for (let i = 1; i < lines.length; i++) {
    const line = (lines[i] ?? "").replace(/\r$/, "")
    const lineLength = (lines[i] ?? "").length + 1
    if (FENCE.test(line)) {
      const bodyOffset = Math.min(offset + lineLength, text.length)
      return Either.right({ fields, body: text.slice(bodyOffset), bodyOffset })
    }
    offset += lineLength
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue
    const m = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line)
    if (!m) {
      return Either.left(
        new SourceError({
          reason: "front-matter",
          path,
          message: `sources: expected a 'key: value' line or a closing '---' in front matter, instead found ${JSON.stringify(line.slice(0, 60))} (${path} line ${i + 1})`,
        }),
      )
    }
    fields[(m[1] ?? "").toLowerCase()] = unquote((m[2] ?? "").trim())
  }
  return Either.left(
    new SourceError({
      reason: "front-matter",
      path,
      message: `sources: expected front matter to close with '---', instead found end of file (${path} line ${lines.length})`,
    }),
  )
}

const unquote = (value: string): string => {
  const m = /^(["'])(.*)\1$/.exec(value)
  return m ? (m[2] ?? "") : value
}
