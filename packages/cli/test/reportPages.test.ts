/**
 * `crosscheck report --db` of a store of more stories than one page holds, as a user runs it: its story
 * pages are shared out between two threads (PagesPartner), and the folder is the one a single thread
 * writes (CROSSCHECK_REPORT_THREADS=1), page for page; run again into it, nothing is rewritten.
 */

import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { StoryPages } from "@crosscheck/pipeline"
import { describe, expect, it } from "vitest"
import { crosscheck } from "./Cli.js"

/** Made-up places and firms, a different one per story, so that no two stories share their words. */
const SYLLABLES = ["bar", "cel", "dun", "fos", "gim", "hal", "kor", "lew", "mip", "nad", "pru", "ros", "sil", "tav"]
const name = (i: number) =>
  `${SYLLABLES[i % 14]}${SYLLABLES[Math.floor(i / 14) % 14]}${SYLLABLES[(i * 5 + 3) % 14]}`.replace(/^./, (c) =>
    c.toUpperCase(),
  )

/** Story i: two outlets on one day, each with a count of the same thing (so each story has a finding). */
const feed = (stories: number): string =>
  Array.from({ length: stories }, (_, i) => {
    const town = name(i)
    const firm = `${name(i + 500)} Works`
    const day = new Date(Date.UTC(2024, 0, 1) + i * 9 * 86_400_000).toISOString().slice(0, 10)
    return ["Valley Courier", "Ridge Radio"].map((outlet, k) =>
      JSON.stringify({
        id: `s${i}-${k}`,
        outlet,
        title: `${firm} in ${town} closes its ${name(i + 900)} line`,
        publishedAt: day,
        text: `${firm} said on Monday it would close its ${name(i + 900)} line in ${town}. The ${town} plant employs ${120 + i + k} people, the company said. Union leader ${name(i + 1300)} ${name(i + 1700)} called the decision a blow to ${town}.`,
      }),
    )
  })
    .flat()
    .join("\n")

/** A folder's story pages, with the moment each report was made taken out (it is the one thing that differs). */
const pages = (out: string): Record<string, string> => {
  const generatedAt = (JSON.parse(readFileSync(join(out, "report.json"), "utf8")) as { generatedAt: string })
    .generatedAt
  return Object.fromEntries(
    readdirSync(join(out, "stories"))
      .sort()
      .map((f) => [f, readFileSync(join(out, "stories", f), "utf8").replaceAll(generatedAt, "GENERATED")]),
  )
}

describe("report --db as pages", () => {
  it("writes the same pages with the second thread as without it, and rewrites none on a second report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "crosscheck-report-pages-"))
    const stories = StoryPages.ONE_PAGE_MAX_STORIES + 20
    writeFileSync(join(dir, "feed.jsonl"), `${feed(stories)}\n`)
    const db = join(dir, "desk.db")
    const run = await crosscheck(["run", join(dir, "feed.jsonl"), "--db", db, "--out", join(dir, "run"), "--json"])
    expect(run.code, run.stderr).toBe(0)

    const [two, one] = await Promise.all([
      crosscheck(["report", "--db", db, "--out", join(dir, "two"), "--json"], "", undefined, {
        CROSSCHECK_REPORT_THREADS: "2",
      }),
      crosscheck(["report", "--db", db, "--out", join(dir, "one"), "--json"], "", undefined, {
        CROSSCHECK_REPORT_THREADS: "1",
      }),
    ])
    expect(two.code, two.stderr).toBe(0)
    expect(one.code, one.stderr).toBe(0)
    const summary = (r: { stdout: string }) =>
      JSON.parse(r.stdout) as { layout: string; storyPages: { written: number; kept: number; bySecondThread?: number } }
    const [withPartner, alone] = [summary(two), summary(one)]
    expect(alone.layout).toBe("pages")
    expect(alone.storyPages.written).toBeGreaterThan(StoryPages.ONE_PAGE_MAX_STORIES)
    expect(alone.storyPages.bySecondThread).toBeUndefined()
    expect(withPartner.layout).toBe("pages")
    expect(withPartner.storyPages.written).toBe(alone.storyPages.written)
    // The second thread read the store and finished without failing (how many pages it took depends on
    // the two threads' pace: on a store this small, often none).
    expect(withPartner.storyPages.bySecondThread).toBeGreaterThanOrEqual(0)
    expect(two.stderr).not.toContain("second thread")
    expect(pages(join(dir, "two"))).toEqual(pages(join(dir, "one")))

    const again = await crosscheck(["report", "--db", db, "--out", join(dir, "two"), "--json"])
    expect(again.code, again.stderr).toBe(0)
    expect(summary(again).storyPages.written).toBe(0)
    expect(summary(again).storyPages.kept).toBe(alone.storyPages.written)
  }, 180_000)
})
