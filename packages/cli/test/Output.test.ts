import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import * as Output from "../src/Output.js"

describe("Output.writeChunks", () => {
  it("writes the pieces in order, across many flushes", () => {
    const dir = mkdtempSync(join(tmpdir(), "crosscheck-output-"))
    const path = join(dir, "report.json")
    const pieces = Array.from({ length: 3000 }, (_, i) => `${i}:${"x".repeat(1000)}\n`)
    Output.writeChunks(path, pieces)
    expect(readFileSync(path, "utf8")).toBe(pieces.join(""))
    expect(readdirSync(dir)).toEqual(["report.json"])
  })

  it("writes text of every width whole: accents, scripts and emoji across flushes, and pieces larger than a flush", () => {
    const dir = mkdtempSync(join(tmpdir(), "crosscheck-output-"))
    const path = join(dir, "report.md")
    const pieces = [
      ...Array.from({ length: 5000 }, (_, i) => `${i} Zoë à Ústí 北京 — 🚒 “quoted”\n`),
      "é".repeat(600_000),
      "tail 🚒",
    ]
    Output.writeChunks(path, pieces)
    expect(readFileSync(path, "utf8")).toBe(pieces.join(""))
    // A second file reuses the same buffer: nothing of the first leaks into it.
    const other = join(dir, "other.md")
    Output.writeChunks(other, ["short"])
    expect(readFileSync(other, "utf8")).toBe("short")
  })

  it("keeps the previous file whole when writing fails part-way, and leaves no partial file", () => {
    const dir = mkdtempSync(join(tmpdir(), "crosscheck-output-"))
    const path = join(dir, "report.md")
    writeFileSync(path, "the previous report\n")
    function* failing() {
      yield "x".repeat(2 << 20)
      throw new Error("rendering failed")
    }
    expect(() => Output.writeChunks(path, failing())).toThrow("rendering failed")
    expect(readFileSync(path, "utf8")).toBe("the previous report\n")
    expect(readdirSync(dir)).toEqual(["report.md"])
  })

  it("writes a shared piece's bytes where the piece falls, in every file that carries it, across flushes", () => {
    const dir = mkdtempSync(join(tmpdir(), "crosscheck-output-"))
    const style = `<style>${"p { color: red } ".repeat(500)}</style>`
    const shared = Output.shared([style, "<script>…</script>"])
    for (const name of ["a.html", "b.html"]) {
      const pieces = [
        "<head>",
        style,
        `<body>${name} Zoë 🚒`,
        "x".repeat(1 << 19),
        "é".repeat(1 << 18),
        style,
        "</body>",
      ]
      Output.writeChunks(join(dir, name), pieces, { shared })
      expect(readFileSync(join(dir, name), "utf8")).toBe(pieces.join(""))
    }
    expect(readdirSync(dir).sort()).toEqual(["a.html", "b.html"])
  })
})
