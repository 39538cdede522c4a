import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Inputs } from "@crosscheck/sources"
import { Effect, Either } from "effect"
import { describe, expect, it } from "vitest"

const dir = () => mkdtempSync(join(tmpdir(), "crosscheck-inputs-"))

describe("Inputs.readText", () => {
  it("reads front matter fields", () => {
    const r = Inputs.readText(
      "a.md",
      "---\noutlet: Daily Planet\ntitle: 'Heroes return'\npublished: 2025-08-15\nurl: https://example.org/a\n---\nBody text.\n",
    )
    expect(r.errors).toEqual([])
    expect(r.documents.map((d) => [d.outlet, d.title, d.publishedAt, d.url, d.text])).toEqual([
      ["Daily Planet", "Heroes return", "2025-08-15", "https://example.org/a", "Body text.\n"],
    ])
  })

  it("uses the file name as outlet without front matter", () => {
    expect(Inputs.readText("folder/Gazette.txt", "Just text.").documents[0]?.outlet).toBe("Gazette")
  })

  it("names the file and line of front matter that never closes", () => {
    const r = Inputs.readText("b.txt", "---\noutlet: X\ntitle: Y\n")
    expect(r.documents).toEqual([])
    expect(r.errors[0]?.message).toMatch(/expected front matter to close with '---'.*\(b\.txt line \d+\)/)
  })

  it("reads JSONL and reports each bad line with its number", () => {
    const r = Inputs.readText(
      "f.jsonl",
      '{"id":"1","outlet":"A","text":"One."}\nnot json\n{"id":"3"}\n{"text":"Four."}\n',
    )
    expect(r.documents.map((d) => [d.outlet, d.text])).toEqual([
      ["A", "One."],
      ["f", "Four."],
    ])
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringContaining("(f.jsonl line 2)"),
      expect.stringMatching(/"text".*\(f\.jsonl line 3\)/),
    ])
  })

  it("gives the same id to the same text from the same origin", () => {
    const a = Inputs.readText("a.txt", "Same text.").documents[0]
    const b = Inputs.readText("a.txt", "Same text.").documents[0]
    const c = Inputs.readText("c.txt", "Same text.").documents[0]
    expect(a?.id).toBe(b?.id)
    expect(a?.id).not.toBe(c?.id)
  })
})

describe("Inputs.read", () => {
  it("reads a folder and keeps going past broken files", () => {
    const d = dir()
    mkdirSync(join(d, "sub"))
    writeFileSync(join(d, "good.txt"), "An article about things.")
    writeFileSync(join(d, "sub", "empty.txt"), "")
    writeFileSync(join(d, "binary.txt"), Buffer.from([0x00, 0x01, 0x02]))
    writeFileSync(join(d, "latin1.txt"), Buffer.from([0x61, 0x0a, 0xe9, 0x74, 0xe9]))
    writeFileSync(join(d, "ignored.png"), "x")
    const r = Effect.runSync(Inputs.read([d]))
    expect(r.documents.map((x) => x.outlet)).toEqual(["good"])
    expect(r.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/binary data.*binary\.txt/),
      expect.stringMatching(/UTF-8.*byte 2.*latin1\.txt line 2/),
      expect.stringMatching(/empty file.*empty\.txt/),
    ])
  })

  it("treats a missing path and an empty folder as bad usage", () => {
    const missing = Effect.runSync(Effect.either(Inputs.read(["/no/such/place"])))
    expect(Either.isLeft(missing) && missing.left.reason).toBe("not-found")
    const empty = Effect.runSync(Effect.either(Inputs.read([dir()])))
    expect(Either.isLeft(empty) && empty.left.reason).toBe("no-input")
  })

  it("groups the two AP copies of the seed page and nothing else", () => {
    const r = Effect.runSync(Inputs.read([new URL("../../../seeds", import.meta.url).pathname]))
    const groups = r.documents.map((d) => d.syndicationGroup)
    expect(groups[0]).toBeNull()
    expect(groups[1]).toBeNull()
    expect(groups[2]).not.toBeNull()
    expect(groups[2]).toBe(groups[3])
  })
})
