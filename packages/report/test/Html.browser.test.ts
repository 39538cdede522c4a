/**
 * report.html in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core):
 * counts, filters, finding-to-passage links, and hostile articles that must run nothing.
 * Skipped with a visible reason when Chromium is absent, unless CROSSCHECK_REQUIRE_BROWSER=1.
 */
import { execFile } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { promisify } from "node:util"
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

const CHROMIUM = process.env.CROSSCHECK_CHROMIUM ?? "/usr/bin/chromium"
const present = existsSync(CHROMIUM)
const required = process.env.CROSSCHECK_REQUIRE_BROWSER === "1"
const root = new URL("../../../", import.meta.url).pathname

if (!present && !required)
  console.warn(`report.html browser test SKIPPED: ${CHROMIUM} not found (install Debian's chromium package to run it)`)

/** Runs `crosscheck run` on the inputs and returns the report folder (async: a blocked worker times out). */
const runCli = async (...inputs: string[]): Promise<string> => {
  const out = mkdtempSync(join(tmpdir(), "crosscheck-html-"))
  await promisify(execFile)(
    process.execPath,
    // The bundled CLI that `pnpm crosscheck` runs (built by the tests' global set-up).
    [join(root, "packages/cli/dist/bin.js"), "run", ...inputs, "--out", out],
    { cwd: root },
  )
  return out
}

/** Whether the inner element's box lies inside the outer one's (scrolled into view within it). */
const within = async (inner: Locator, outer: Locator): Promise<boolean> => {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()]
  return a !== null && b !== null && a.y >= b.y && a.y + a.height <= b.y + b.height
}

interface Watched {
  readonly page: Page
  readonly dialogs: string[]
  readonly console: string[]
  readonly requests: string[]
  readonly errors: string[]
}

describe.skipIf(!present && !required)(
  `report.html in headless Chromium${present ? "" : ` (SKIPPED: ${CHROMIUM} not found)`}`,
  () => {
    let context: BrowserContext
    const profile = mkdtempSync(join(tmpdir(), "crosscheck-chromium-"))

    beforeAll(async () => {
      if (!present) throw new Error(`CROSSCHECK_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: apt-get install chromium`)
      context = await chromium.launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
        ],
      })
    })

    afterAll(async () => {
      await context?.close()
      rmSync(profile, { recursive: true, force: true })
    })

    const open = async (file: string): Promise<Watched> => {
      const page = await context.newPage()
      const w: Watched = { page, dialogs: [], console: [], requests: [], errors: [] }
      const url = pathToFileURL(file).href
      page.on("dialog", (d) => {
        w.dialogs.push(d.message())
        void d.dismiss()
      })
      page.on("console", (m) => w.console.push(`${m.type()}: ${m.text()}`))
      page.on("pageerror", (e) => w.errors.push(e.message))
      page.on("request", (r) => {
        if (r.url() !== url) w.requests.push(r.url())
      })
      await page.goto(url)
      await page.waitForSelector("body[data-ready=true]", { timeout: 10_000 })
      return w
    }

    describe("the seed report", () => {
      let w: Watched
      let report: { findings: Array<{ id: string; verdict: string; claimIds: string[] }> }
      beforeAll(async () => {
        const out = await runCli("seeds/")
        report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"))
        w = await open(join(out, "report.html"))
      })

      it("shows as many findings as report.json holds, with no error and no request", async () => {
        expect(await w.page.textContent("#finding-count")).toBe(String(report.findings.length))
        expect(await w.page.locator("section.finding:visible").count()).toBe(report.findings.length)
        expect(await w.page.locator("article").count()).toBe(4)
        expect(w.errors).toEqual([])
        expect(w.requests).toEqual([])
        expect(w.console.filter((m) => m.startsWith("error"))).toEqual([])
      })

      it("hides the other verdicts when one is filtered out, and shows them again", async () => {
        const verdict = report.findings[0]?.verdict ?? "agree"
        const others = report.findings.filter((f) => f.verdict !== verdict).length
        await w.page.locator(`input[data-filter=verdict][value="${verdict}"]`).uncheck()
        expect(await w.page.locator("section.finding:visible").count()).toBe(others)
        expect(await w.page.locator(`section.finding[data-verdict="${verdict}"]:visible`).count()).toBe(0)
        expect(await w.page.textContent("#shown-count")).toBe(String(others))
        await w.page.locator(`input[data-filter=verdict][value="${verdict}"]`).check()
        expect(await w.page.locator("section.finding:visible").count()).toBe(report.findings.length)
      })

      it("hides an outlet's article and the findings it alone is part of", async () => {
        await w.page.locator('input[data-filter=outlet][value="The Conversation"]').uncheck()
        expect(await w.page.locator('article[data-outlet="The Conversation"]').isVisible()).toBe(false)
        const outletsOf = (sel: string) =>
          w.page
            .locator(sel)
            .evaluateAll((s) => s.map((x) => JSON.parse(x.getAttribute("data-outlets") ?? "[]") as string[]))
        const all = await outletsOf("section.finding")
        const visible = await outletsOf("section.finding:visible")
        const elsewhere = (os: string[]) => os.some((o) => o !== "The Conversation")
        expect(visible.every(elsewhere)).toBe(true)
        expect(visible).toHaveLength(all.filter(elsewhere).length)
        await w.page.locator('input[data-filter=outlet][value="The Conversation"]').check()
        expect(await w.page.locator("section.finding:visible").count()).toBe(report.findings.length)
      })

      it("highlights a finding's passages in the articles when the finding is clicked", async () => {
        const f = report.findings[0]
        if (!f) throw new Error("the seed report has no finding")
        await w.page.locator(`#finding-${f.id} .summary`).click()
        for (const id of f.claimIds) {
          const mark = w.page.locator(`mark.focus[data-claims~="${id}"]`).first()
          expect(await mark.count()).toBe(1)
          const article = w.page.locator("article", { has: mark })
          await expect.poll(() => within(mark, article)).toBe(true)
        }
      })

      it("takes a passage link to that passage", async () => {
        const f = report.findings[report.findings.length - 1]
        const id = f?.claimIds[1]
        if (!id) throw new Error("the seed report has no finding")
        await w.page.locator(`#finding-${f.id} a.passage[data-claim="${id}"]`).click()
        expect(new URL(w.page.url()).hash).toBe(`#claim-${id}`)
        const mark = w.page.locator(`mark.focus[data-claims~="${id}"]`).first()
        await expect.poll(() => mark.isVisible()).toBe(true)
        const size = w.page.viewportSize()
        const box = await mark.boundingBox()
        expect(box && size && box.y >= 0 && box.y + box.height <= size.height).toBe(true)
        expect(await mark.textContent()).toBeTruthy()
      })
    })

    describe("hostile articles (fixtures/injection)", () => {
      let w: Watched
      beforeAll(async () => {
        w = await open(join(await runCli("fixtures/injection"), "report.html"))
      })

      it("shows the markup as text", async () => {
        const text = await w.page.locator("#articles").textContent()
        expect(text).toContain("<script>alert('body')</script>")
        expect(text).toContain(`"><img src=x onerror=alert('attr')>`)
        expect(text).toContain("<svg onload=alert('svg')>")
        expect(text).toContain(`Evil <script>alert('outlet')</script> Times`)
        expect(await w.page.locator("#findings").textContent()).toContain("Evil <script>")
      })

      it("runs nothing and loads nothing", async () => {
        await w.page.locator("section.finding").first().click()
        await w.page.waitForTimeout(300)
        expect(w.dialogs).toEqual([])
        expect(w.errors).toEqual([])
        expect(w.requests).toEqual([])
        expect(w.console).toEqual([])
        expect(
          await w.page
            .locator(
              "#articles img, #articles svg, #articles iframe, #articles script, #articles a, #articles link, #articles style",
            )
            .count(),
        ).toBe(0)
        expect(await w.page.locator("script").count()).toBe(2)
      })
    })
  },
)
