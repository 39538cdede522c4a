import { Inputs, Text } from "@crosscheck/sources"
import { Either } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const EXTENSIONS = [".txt", ".md", ".jsonl", ".ndjson", ".html", ".htm"]

// Bytes biased towards the shapes readers look for, so the parsers are exercised past their first check.
const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc
    .array(
      fc.oneof(
        fc.constantFrom(
          "---\n",
          "outlet: X\n",
          '{"text":',
          '"}\n',
          "<html><body><p>",
          "</p>",
          "\n",
          "3 hours ago\n",
          "- Outlet\n",
        ),
        fc.string({ unit: "binary", maxLength: 30 }),
      ),
      { maxLength: 20 },
    )
    .map((parts) => new TextEncoder().encode(parts.join(""))),
)

describe("readers on arbitrary bytes", () => {
  it("return documents or error values, never throw", () => {
    fc.assert(
      fc.property(hostileBytes, fc.constantFrom(...EXTENSIONS), (bytes, ext) => {
        const path = `input${ext}`
        const text = Text.decode(path, bytes)
        if (Either.isLeft(text)) {
          expect(text.left.message).toContain(path)
          return
        }
        const result = Inputs.readText(path, text.right)
        for (const d of result.documents) expect(typeof d.text).toBe("string")
        for (const e of result.errors) expect(e.message).toContain(path)
        expect(result.documents.length + result.errors.length).toBeGreaterThan(0)
      }),
      { numRuns: 500 },
    )
  })
})
