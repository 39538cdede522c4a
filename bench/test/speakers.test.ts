/**
 * The named-speaker gold (speakers.json) is well formed, each quote names one place in its article,
 * and a claim carries a speaker when its resolved source contains the name.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import * as Speakers from "../eval/speakers.js"
import * as Stories from "../eval/stories.js"

const sets = Speakers.allRoots().flatMap((root) =>
  Stories.load(root).flatMap((set) => {
    const gold = Speakers.loadGold(set)
    return gold ? [{ set, gold }] : []
  }),
)

describe("speakers.json", () => {
  it("exists for the fresh batches and some story sets", () => {
    expect(sets.length).toBeGreaterThanOrEqual(15)
  })

  it("a default run leaves out a batch still marked UNSEEN", () => {
    const dir = mkdtempSync(join(tmpdir(), "batch-"))
    expect(Speakers.isUnseen(dir)).toBe(false)
    writeFileSync(join(dir, "UNSEEN"), "not measured yet\n")
    expect(Speakers.isUnseen(dir)).toBe(true)
    const unseen = Speakers.allRoots().filter(Speakers.isUnseen)
    for (const root of unseen) expect(Speakers.defaultRoots()).not.toContain(root)
    expect(Speakers.defaultRoots().length).toBe(Speakers.allRoots().length - unseen.length)
  })

  it.each(sets.map((s) => [s.set.name, s] as const))("%s: every quote occurs once in its article", (_, s) => {
    for (const ref of s.gold.claims) {
      const text = readFileSync(join(s.set.dir, ref.file), "utf8")
      expect(text.split(ref.quote).length - 1, `${ref.file}: ${ref.quote}`).toBe(1)
      expect(ref.speaker.trim().length).toBeGreaterThan(0)
    }
  })
})

describe("a claim carries the speaker", () => {
  it.each([
    ["Transport Minister Lena Varga", "Lena Varga", true],
    ["the city transport company, LTC", "ltc", true],
    ["The company", "Kellner", false],
    [null, "Kellner", false],
  ] as const)("%s carries %s: %s", (source, speaker, expected) => {
    expect(Speakers.carries(source, speaker)).toBe(expected)
  })
})
