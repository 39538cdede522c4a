/// <reference lib="dom" />
/**
 * A large report's pages in a real headless Chromium: the paged index (newest first, counts, links
 * between pages) and a story's page (the triage page of one story, with its way back), at desk and
 * phone widths, light and dark, checked by axe-core. Skipped with a reason when Chromium is absent.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { pathToFileURL } from "node:url"
import type { Claim, Document, Finding, Report, Story } from "@crosscheck/domain"
import type { BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { StoryPages } from "../src/index.js"
import { axe, CHROMIUM, launch, present, required, SHOTS, serious } from "./browser.js"
import { claim, doc, report } from "./build.js"

if (!present && !required)
  console.warn(`story pages browser test SKIPPED: ${CHROMIUM} not found (install Debian's chromium package to run it)`)

const STORIES = StoryPages.STORIES_PER_PAGE * 2 + 20
const VERDICTS: ReadonlyArray<Finding.Verdict> = ["contradict", "agree", "disputed", "compatible", "changed"]
const day = (i: number) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString().slice(0, 10)

/** Made-up stories, one a day, two outlets and one finding each; the newest has a label written to attack the page. */
const build = (): Report.Report => {
  const documents: Document.Document[] = []
  const claims: Claim.Claim[] = []
  const findings: Finding.Finding[] = []
  const stories: Story.Story[] = []
  for (let i = 0; i < STORIES; i++) {
    const storyId = `s-${String(i).padStart(3, "0")}`
    const [a, b] = [0, 1].map((k) => ({
      ...doc(`${storyId}-${k}`, `The harbour office said ${10 + k + i} boats were out.`, {
        outlet: k === 0 ? "Harbour Daily" : "Coast Radio",
        publishedAt: day(i),
        url: `https://news.example/${storyId}/${k}`,
      }),
      storyId,
    })) as [Document.Document, Document.Document]
    const [ca, cb] = [claim(a, a.text, { kind: "numeric" }), claim(b, b.text, { kind: "numeric" })]
    documents.push(a, b)
    claims.push(ca, cb)
    const verdict = VERDICTS[i % VERDICTS.length] ?? "agree"
    findings.push({
      id: `f-${storyId}` as Finding.Finding["id"],
      verdict,
      claimIds: [ca.id, cb.id],
      independentSources: 2,
      summary: `Harbour Daily: ${10 + i} boats · Coast Radio: ${11 + i} boats → ${verdict}`,
      explanation: "Made-up figures for the test.",
      storyId,
    })
    stories.push({
      id: storyId as Story.Story["id"],
      label: i === STORIES - 1 ? `Boats <img src=x onerror=alert(1)> \u202Eharbour` : `Harbour boats ${i}`,
      start: day(i),
      end: day(i),
      outlets: ["Harbour Daily", "Coast Radio"],
      documentIds: [a.id, b.id],
    })
  }
  return { ...report(documents, claims, findings), stories }
}

/** The pages as the CLI lays them out: the index from report.html on, each story under stories/. */
const writePages = (dir: string, r: Report.Report): void => {
  const pages = [...StoryPages.stories(r)]
  for (const p of pages) {
    const path = join(dir, `${StoryPages.pathOf(p.entry.id)}.html`)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, [...StoryPages.storyHtml(p)].join(""))
  }
  const entries = StoryPages.merge(
    [],
    pages.map((p) => p.entry),
  )
  const { pages: count } = StoryPages.page(entries, 1)
  for (let n = 1; n <= count; n++)
    writeFileSync(
      join(dir, StoryPages.indexName(n, "html")),
      [...StoryPages.indexHtml(entries, n, r.generatedAt)].join(""),
    )
}

describe.skipIf(!present && !required)(
  `story pages in headless Chromium${present ? "" : ` (SKIPPED: ${CHROMIUM} not found)`}`,
  () => {
    let context: BrowserContext
    const profile = mkdtempSync(join(tmpdir(), "crosscheck-chromium-"))
    const dir = mkdtempSync(join(tmpdir(), "crosscheck-pages-"))
    const dialogs: string[] = []
    const errors: string[] = []
    const requests: string[] = []

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true })
      writePages(dir, build())
      context = await launch(profile)
      context.on("page", (page) => {
        page.on("dialog", (d) => {
          dialogs.push(d.message())
          void d.dismiss()
        })
        page.on("pageerror", (e) => errors.push(e.message))
      })
      context.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url())
      })
    })

    afterAll(async () => {
      await context?.close()
      rmSync(profile, { recursive: true, force: true })
      rmSync(dir, { recursive: true, force: true })
    })

    const entries = (page: Page) => page.locator("li.story-entry")

    it("lists the stories newest first, fifty to a page, with their counts, and runs nothing", async () => {
      const page = await context.newPage()
      await page.goto(pathToFileURL(join(dir, "report.html")).href)
      expect(await entries(page).count()).toBe(StoryPages.STORIES_PER_PAGE)
      const first = entries(page).first()
      // The newest story's label is shown as text: no image, no script, the override made visible.
      expect(await first.locator("a").first().textContent()).toBe("Boats <img src=x onerror=alert(1)> ⟨U+202E⟩harbour")
      expect(await page.locator("img").count()).toBe(0)
      expect(await first.textContent()).toContain(day(STORIES - 1))
      expect(await entries(page).nth(1).textContent()).toContain(day(STORIES - 2))
      expect(await first.locator(".badge").allTextContents()).toEqual([
        `1 ${VERDICTS[(STORIES - 1) % VERDICTS.length]}`,
      ])
      await page.getByRole("link", { name: "Older" }).click()
      await page.waitForURL(/report-2\.html$/)
      expect(await page.locator("nav.pages [aria-current=page]").textContent()).toBe("2")
      await page.getByRole("link", { name: "3", exact: true }).click()
      await page.waitForURL(/report-3\.html$/)
      expect(await entries(page).count()).toBe(STORIES - 2 * StoryPages.STORIES_PER_PAGE)
      expect(await entries(page).last().textContent()).toContain(day(0))
      expect(dialogs).toEqual([])
      expect(errors).toEqual([])
      expect(requests).toEqual([])
      await page.close()
    })

    it("fits a 390 px phone and has no serious axe violation, light or dark", async () => {
      const page = await context.newPage()
      await page.goto(pathToFileURL(join(dir, "report.html")).href)
      expect(serious(await axe(page))).toEqual([])
      await page.screenshot({ path: join(SHOTS, "index-1400.png") })
      await page.setViewportSize({ width: 390, height: 844 })
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      expect(serious(await axe(page))).toEqual([])
      await page.emulateMedia({ colorScheme: "dark" })
      expect(await axe(page, ["color-contrast"])).toEqual([])
      await page.screenshot({ path: join(SHOTS, "index-390-dark.png") })
      await page.close()
    })

    it("opens a story's own triage page from the index, and leads back", async () => {
      const page = await context.newPage()
      await page.goto(pathToFileURL(join(dir, "report.html")).href)
      await entries(page).nth(1).locator("a").first().click()
      await page.waitForSelector("body[data-ready=true]", { timeout: 10_000 })
      expect(page.url()).toMatch(/stories\/s-118\.html$/)
      expect(await page.title()).toBe(`crosscheck: Harbour boats ${STORIES - 2}`)
      expect(await page.locator("li.finding").count()).toBe(1)
      expect(await page.locator("li.finding .line").textContent()).toMatch(/Harbour Daily/)
      expect(serious(await axe(page))).toEqual([])
      await page.setViewportSize({ width: 390, height: 844 })
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
      expect(serious(await axe(page))).toEqual([])
      await page.screenshot({ path: join(SHOTS, "story-390.png") })
      await page.getByRole("link", { name: "All stories" }).click()
      await page.waitForURL(/\/report\.html$/)
      expect(await entries(page).count()).toBe(StoryPages.STORIES_PER_PAGE)
      expect(errors).toEqual([])
      expect(requests).toEqual([])
      await page.close()
    })
  },
)
