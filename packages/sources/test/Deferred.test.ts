/**
 * Listing inputs and reading their texts again later gives what reading them whole gives: the same
 * documents (syndicated copies aside, which a store marks itself), the same errors, in the same order.
 */

import { createHash } from "node:crypto"
import { appendFileSync, mkdtempSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import type { Document } from "@crosscheck/domain"
import { Deferred, Inputs } from "@crosscheck/sources"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import * as FeedLines from "../src/internal/feedLines.js"

const dir = () => mkdtempSync(join(tmpdir(), "crosscheck-deferred-"))

const key = (d: Document.Document): string => createHash("sha256").update(d.outlet).update(d.text).digest("hex")

const line = (id: string, text: string, extra: Record<string, string> = {}): string =>
  JSON.stringify({ id, outlet: "Harbour Gazette", publishedAt: "2025-03-04", ...extra, text })

const BOM = "\uFEFF"

/** Feeds as bytes: each a way the lines of a file can be ended, marked or broken. */
const FEEDS: ReadonlyArray<readonly [string, string | Buffer]> = [
  [
    "line feeds, a blank line and a bad one",
    `${line("1", "Ferry fares rose 4%.")}\n\nnot json\n${line("2", "Two piers shut.")}\n`,
  ],
  ["carriage return and line feed", `${line("1", "Ferry fares rose 4%.")}\r\n${line("2", "Two piers shut.")}\r\n`],
  [
    "lone carriage returns",
    `${line("1", "Ferry fares rose 4%.")}\r${line("2", "Two piers shut.")}\r\r${line("3", "x")}`,
  ],
  ["no line end after the last line", `${line("1", "Ferry fares rose 4%.")}\n${line("2", "Two piers shut.")}`],
  ["a byte-order mark at the start", `${BOM}${line("1", "Ferry fares rose 4%.")}\n${line("2", "Two piers shut.")}\n`],
  ["two byte-order marks at the start", `${BOM}${BOM}${line("1", "Ferry fares rose 4%.")}\n`],
  [
    "a byte-order mark on a later line",
    `${line("1", "Ferry fares rose 4%.")}\n${BOM}${line("2", "Two piers shut.")}\n`,
  ],
  [
    "text beyond ASCII",
    `${line("1", "Le café a fermé — 12 € de plus, 東京 3 名")}\n${line("2", "Ünïcödé 😀 9 boats")}\n`,
  ],
  ["the same article twice", `${line("1", "Ferry fares rose 4%.")}\n${line("1", "Ferry fares rose 4%.")}\n`],
  ["a relative date", `${line("1", "Nine ferries sailed.", { publishedAt: "3 hours ago" })}\n`],
  ["only blank lines", " \n\n \r\n"],
  ["an empty file", ""],
  [
    "an invalid byte on a later line",
    Buffer.concat([
      Buffer.from(`${line("1", "Ferry fares rose 4%.")}\n${line("2", "ok")}\r\n`),
      Buffer.from([0x7b, 0xc3, 0x28, 0x7d, 0x0a]),
    ]),
  ],
  ["a NUL byte", Buffer.from([0x7b, 0x00, 0x7d, 0x0a])],
  [
    "a record too long for one article",
    `${line("1", "a".repeat(10 * 1024 * 1024 + 1))}\n${line("2", "Two piers shut.")}\n`,
  ],
]

const withoutGroups = (documents: ReadonlyArray<Document.Document>) =>
  documents.map((d) => ({ ...d, syndicationGroup: null }))

/** Listed with no text kept, then every document read again. */
const listedAndLoaded = (paths: ReadonlyArray<string>, options: Inputs.Options = {}) => {
  const listed = Effect.runSync(Deferred.list(paths, key, { ...options, keepChars: 0 }))
  const loaded = Deferred.load(listed.entries, key, options)
  return { listed, loaded }
}

describe("Deferred.list and load", () => {
  it.each(FEEDS)("a feed with %s gives what reading it whole gives", (_, content) => {
    const path = join(dir(), "feed.jsonl")
    writeFileSync(path, content)
    const options = { asOf: "2025-03-04T12:00:00Z" }
    const whole = Effect.runSync(Inputs.read([path], options))
    const { listed, loaded } = listedAndLoaded([path], options)
    expect(listed.errors).toEqual(whole.errors)
    expect(loaded.errors).toEqual([])
    expect(loaded.documents).toEqual(withoutGroups(whole.documents))
    expect(listed.entries.map((e) => [e.id, e.publishedAt, e.key, e.document])).toEqual(
      whole.documents.map((d) => [d.id, d.publishedAt, key(d), null]),
    )
  })

  it.each(FEEDS)("a feed with %s read in chunks of any size gives the same lines", (_, content) => {
    const path = join(dir(), "feed.jsonl")
    writeFileSync(path, content)
    const scanned = (chunk?: number) => {
      const lines: FeedLines.RawLine[] = []
      const error = FeedLines.scan(path, (l) => lines.push(l), chunk)
      return { lines: lines.map((l) => [l.number, l.offset, l.length, l.text.length]), error: error?.message ?? null }
    }
    const whole = scanned()
    // Tiny chunks only where the file is small: a line over many chunks is kept as that many pieces.
    const sizes = content.length < 4096 ? [1, 2, 3, 7, 64] : [4096, 65_537]
    for (const chunk of sizes) expect(scanned(chunk)).toEqual(whole)
  })

  it("a folder of articles, aggregated pages and feeds gives what reading it whole gives, in that order", () => {
    const root = dir()
    writeFileSync(
      join(root, "a.md"),
      "---\noutlet: Valley Post\npublished: 2025-03-01\n---\nThe bridge reopened after 40 days.\n",
    )
    writeFileSync(join(root, "b.jsonl"), `${line("1", "Ferry fares rose 4%.")}\nnot json\n`)
    writeFileSync(join(root, "c.txt"), "")
    // The same article as the feed's first: numbered apart, as reading it whole does.
    writeFileSync(join(root, "c2.jsonl"), `${line("1", "Ferry fares rose 4%.")}\n`)
    writeFileSync(
      join(root, "d.html"),
      "<html><head><title>Dam</title></head><body><article><p>The dam held 300 million litres, engineers said on Tuesday.</p></article></body></html>",
    )
    const whole = Effect.runSync(Inputs.read([root]))
    const { listed, loaded } = listedAndLoaded([root])
    expect(listed.errors).toEqual(whole.errors)
    expect(loaded.documents).toEqual(withoutGroups(whole.documents))
  })

  it("keeps texts up to its budget and reads the rest again", () => {
    const path = join(dir(), "feed.jsonl")
    writeFileSync(
      path,
      `${line("1", "Twelve buses.")}\n${line("2", "Thirty trains ran late.")}\n${line("3", "Six.")}\n`,
    )
    const listed = Effect.runSync(Deferred.list([path], key, { keepChars: "Twelve buses.".length }))
    expect(listed.entries.map((e) => e.document?.text ?? null)).toEqual(["Twelve buses.", null, null])
    expect(Deferred.load(listed.entries, key).documents.map((d) => d?.text)).toEqual([
      "Twelve buses.",
      "Thirty trains ran late.",
      "Six.",
    ])
  })

  it("says which article changed between listing and reading, and reads the others", () => {
    const root = dir()
    const feed = join(root, "feed.jsonl")
    const page = join(root, "note.txt")
    writeFileSync(feed, `${line("1", "Twelve buses.")}\n${line("2", "Thirty trains ran late.")}\n`)
    writeFileSync(page, "Four ferries sailed.")
    const { listed } = listedAndLoaded([root])
    // Same length, other text: the bytes are where they were, the content is not.
    writeFileSync(feed, `${line("1", "Twelve buses.")}\n${line("2", "Thirty trains ran early")}\n`)
    appendFileSync(page, " Then two more.")
    const loaded = Deferred.load(listed.entries, key)
    expect(loaded.documents.map((d) => d?.text ?? null)).toEqual(["Twelve buses.", null, null])
    expect(loaded.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/listed at .*feed\.jsonl#1 when this run began, instead found it changed or gone/),
      expect.stringMatching(/listed at .*note\.txt#0 when this run began, instead found it changed or gone/),
    ])
  })
})
