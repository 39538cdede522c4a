/// <reference lib="dom" />
/**
 * report.html in a real headless Chromium (Debian's /usr/bin/chromium driven by playwright-core): the
 * reading order, filters, search, keyboard, hash state, phone width, text-fragment links, axe-core, and
 * hostile articles that must run nothing. Screenshots go to test/screenshots/ (git-ignored) to look at.
 * Skipped with a visible reason when Chromium is absent, unless CROSSCHECK_REQUIRE_BROWSER=1.
 */
import { execFile } from "node:child_process"
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { promisify } from "node:util"
import type { BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Html } from "../src/index.js"
import { axe, CHROMIUM, launch, present, required, SHOTS, serious } from "./browser.js"
import { claim, doc, qty, report as reportOf, twoFigures } from "./build.js"

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
  ).catch((e: { code?: number }) => {
    // Exit code 3: done, some inputs unreadable; the report is still written.
    if (e.code !== 3) throw e
  })
  return out
}

/** Made-up articles with front matter, written to a temporary folder. */
const articles = (files: Record<string, string>): string => {
  const dir = mkdtempSync(join(tmpdir(), "crosscheck-articles-"))
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
  return dir
}

interface Watched {
  readonly page: Page
  readonly dialogs: string[]
  readonly console: string[]
  readonly requests: string[]
  readonly errors: string[]
}

const visibleRows = (page: Page) => page.locator("li.finding:visible")
const shown = async (page: Page) => Number(await page.textContent("#shown-count"))
/** The longest run of text drawn on the page that is not inside an expanded finding. */
const longestRun = (page: Page) =>
  page.evaluate(() => {
    let longest = 0
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const e = n as HTMLElement
      if (e.closest("script, .detail, noscript") || e.offsetParent === null) continue
      if (getComputedStyle(e).display === "inline") continue
      // innerText, not textContent: the runs as drawn, broken where blocks break.
      // biome-ignore lint/performance/useDomNodeTextContent: rendered text is what is measured
      const drawn = e.innerText || ""
      longest = Math.max(longest, ...drawn.split("\n").map((l) => l.length))
    }
    return longest
  })

describe.skipIf(!present && !required)(
  `report.html in headless Chromium${present ? "" : ` (SKIPPED: ${CHROMIUM} not found)`}`,
  () => {
    let context: BrowserContext
    const profile = mkdtempSync(join(tmpdir(), "crosscheck-chromium-"))

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true })
      context = await launch(profile)
    })

    afterAll(async () => {
      await context?.close()
      rmSync(profile, { recursive: true, force: true })
    })

    const open = async (file: string, hash = ""): Promise<Watched> => {
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
        if (r.url().split("#")[0] !== url) w.requests.push(r.url())
      })
      await page.goto(url + hash)
      await page.waitForSelector("body[data-ready=true]", { timeout: 10_000 })
      return w
    }

    describe("the seed report", () => {
      let out: string
      let w: Watched
      let report: {
        findings: Array<{ id: string; verdict: string; claimIds: string[] }>
        claims: Array<{ id: string; text: string }>
      }
      beforeAll(async () => {
        out = await runCli("seeds/")
        report = JSON.parse(readFileSync(join(out, "report.json"), "utf8"))
        w = await open(join(out, "report.html"))
      })

      it("opens with no error and no request, counting every finding", async () => {
        expect(await w.page.textContent("#finding-count")).toBe(String(report.findings.length))
        expect(await shown(w.page)).toBe(report.findings.length)
        expect(w.errors).toEqual([])
        expect(w.requests).toEqual([])
        expect(w.console.filter((m) => m.startsWith("error"))).toEqual([])
      })

      it("shows the disputed speakers first, both sides named and linked, in one line", async () => {
        const first = w.page.locator("li.finding").first()
        expect(await first.getAttribute("data-verdict")).toBe("disputed")
        const line = first.locator(".line")
        const text = ((await line.textContent()) ?? "").replace(/\s+/g, " ")
        expect(text).toMatch(/speakers/)
        expect(text).toMatch(/Kim Yo Jong disputes/)
        expect(text.length).toBeLessThanOrEqual(300)
        const sources = await line.locator("a.src").allInnerTexts()
        expect(sources).toEqual(expect.arrayContaining(["The Conversation", "Asahi Shimbun", "Japan Today"]))
        // The seed articles have no URL: each side's link opens the passage with its file and place.
        await line.locator("a.src", { hasText: "The Conversation" }).click()
        const passage = first.locator(".passages li.current")
        await expect.poll(() => passage.count()).toBe(1)
        expect(await passage.textContent()).toMatch(/seeds\/000_e79dfb977574f8ce\.txt#0 \(characters \d+–\d+\)/)
        // The passages side by side: the outlet's own claim, then the denial the wire reports.
        expect(await first.locator(".detail h5.side").allInnerTexts()).toEqual([
          "What is claimed",
          "Reported as denied or false",
        ])
        const [claimed, denied] = await first.locator(".detail h5.side + ul.passages").allInnerTexts()
        expect(claimed).toMatch(/The Conversation/)
        expect(denied).toMatch(/Asahi Shimbun|Japan Today/)
        expect(denied).not.toMatch(/The Conversation/)
        await first.locator("button.more").click()
      })

      it("reads in order: disputes, then agreements, then single sources collapsed", async () => {
        const sections = await w.page
          .locator("[data-section]")
          .evaluateAll((s) => s.map((x) => `${x.tagName}:${x.getAttribute("data-section")}`))
        const order = sections.map((s) => s.split(":")[1])
        expect(order.indexOf("conflict")).toBeLessThan(order.indexOf("agree"))
        expect(order.indexOf("agree")).toBeLessThan(order.indexOf("single"))
        expect(await w.page.locator("details[data-section=single]").getAttribute("open")).toBeNull()
        expect(await w.page.locator("li.finding.v-single-source:visible").count()).toBe(0)
        expect(await longestRun(w.page)).toBeLessThanOrEqual(300)
      })

      it("filters by verdict, and keeps the filter in the URL hash", async () => {
        await w.page.locator('input[data-filter=verdict][value="disputed"]').uncheck()
        expect(await w.page.locator('li.finding[data-verdict="disputed"]').count()).toBe(0)
        expect(await shown(w.page)).toBe(report.findings.filter((f) => f.verdict !== "disputed").length)
        expect(new URLSearchParams(new URL(w.page.url()).hash.slice(1)).get("v")).toBe(
          "contradict,changed,compatible,agree,single-source",
        )
        await w.page.locator('input[data-filter=verdict][value="disputed"]').check()
        expect(await shown(w.page)).toBe(report.findings.length)
        expect(new URL(w.page.url()).hash).toBe("")
      })

      it("searches claims, speakers and outlets", async () => {
        await w.page.fill("#q", "kim yo jong")
        await expect.poll(() => shown(w.page)).toBeLessThan(report.findings.length)
        expect(await shown(w.page)).toBeGreaterThan(0)
        expect(await visibleRows(w.page).first().getAttribute("data-verdict")).toBe("disputed")
        // Matches in single-source findings are shown, not left collapsed.
        expect(await w.page.locator("details[data-section=single]").count()).toBe(0)
        await w.page.fill("#q", "Conversation")
        await expect.poll(() => shown(w.page)).toBeGreaterThan(1)
        await w.page.fill("#q", "zebra crossing quartet")
        await expect.poll(() => w.page.locator("#no-findings").isVisible()).toBe(true)
        await w.page.fill("#q", "")
        await expect.poll(() => shown(w.page)).toBe(report.findings.length)
      })

      it("moves with j/k, opens with Enter and searches with /", async () => {
        await w.page.locator("h1").click()
        await w.page.keyboard.press("j")
        const rows = w.page.locator("li.finding")
        expect(await rows.nth(0).evaluate((e) => e === document.activeElement)).toBe(true)
        await w.page.keyboard.press("j")
        expect(await rows.nth(1).evaluate((e) => e === document.activeElement)).toBe(true)
        await w.page.keyboard.press("k")
        expect(await rows.nth(0).evaluate((e) => e === document.activeElement)).toBe(true)
        await w.page.keyboard.press("Enter")
        expect(await rows.nth(0).locator("button.more").getAttribute("aria-expanded")).toBe("true")
        expect(await rows.nth(0).locator(".detail .why").isVisible()).toBe(true)
        expect(new URLSearchParams(new URL(w.page.url()).hash.slice(1)).get("f")).toBe(report.findings[0]?.id)
        await w.page.keyboard.press("Enter")
        expect(await rows.nth(0).locator(".detail").count()).toBe(0)
        await w.page.keyboard.press("/")
        expect(await w.page.locator("#q").evaluate((e) => e === document.activeElement)).toBe(true)
        await w.page.keyboard.press("Escape")
      })

      it("opens a sent link in the same filtered view", async () => {
        // An agreement the search for "South" keeps: one whose claims name the South.
        const southern = new Set(report.claims.filter((c) => c.text.includes("South")).map((c) => c.id as string))
        const agree = report.findings.find((f) => f.verdict === "agree" && f.claimIds.some((id) => southern.has(id)))
        const view = await open(join(out, "report.html"), `#v=agree&q=South&f=${agree?.id}`)
        expect(await view.page.locator("#q").inputValue()).toBe("South")
        expect(await view.page.locator('input[data-filter=verdict][value="agree"]').isChecked()).toBe(true)
        expect(await view.page.locator('input[data-filter=verdict][value="disputed"]').isChecked()).toBe(false)
        const verdicts = await visibleRows(view.page).evaluateAll((r) => r.map((x) => x.getAttribute("data-verdict")))
        expect(verdicts.length).toBeGreaterThan(0)
        expect(new Set(verdicts)).toEqual(new Set(["agree"]))
        expect(await view.page.locator(`#finding-${agree?.id} .detail`).isVisible()).toBe(true)
        await view.page.close()
        // A page in the background gets no animation frames, which Playwright's clicks wait for.
        await w.page.bringToFront()
      })

      it("fits a 390 px phone without horizontal scrolling, opened or not, and has 0 serious axe violations", async () => {
        await w.page.locator("details[data-section=single] > summary").click()
        await w.page.locator("li.finding button.more").first().click()
        await w.page.screenshot({ path: join(SHOTS, "seed-1400.png") })
        await w.page.setViewportSize({ width: 390, height: 844 })
        expect(await w.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
        await w.page.screenshot({ path: join(SHOTS, "seed-390.png") })
        expect(serious(await axe(w.page))).toEqual([])
        await w.page.emulateMedia({ colorScheme: "dark" })
        expect(await axe(w.page, ["color-contrast"])).toEqual([])
        await w.page.screenshot({ path: join(SHOTS, "seed-390-dark.png") })
        await w.page.emulateMedia({ colorScheme: "light" })
        await w.page.setViewportSize({ width: 1400, height: 900 })
      })
    })

    describe("links to the evidence", () => {
      let server: Server
      let base: string
      let w: Watched
      // Background on the same event, as a long article has: the story stage puts all three in one story.
      const FILLER = Array.from(
        { length: 60 },
        (_, i) => `Paragraph ${i}: port crews kept clearing storm damage from the ferry piers.`,
      ).join("\n")
      const SENTENCE = "The port authority said 12 ferries were damaged in the storm on Monday."
      beforeAll(async () => {
        server = createServer((req, res) => {
          const body = req.url?.startsWith("/a")
            ? `<p>${FILLER.replaceAll("\n", "</p><p>")}</p><p>${SENTENCE}</p>`
            : "<p>Other</p>"
          res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><body>${body}</body>`)
        })
        await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
        base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
        const dir = articles({
          "a.md": `---\noutlet: Harbour Daily\npublished: 2025-08-11\nurl: ${base}/a\n---\n\n${FILLER}\n${SENTENCE}\n`,
          "b.md": `---\noutlet: Coast Times\npublished: 2025-08-14\nurl: ${base}/b\n---\n\nThe port authority said 31 ferries were damaged in the storm on Monday.\n`,
          "c.md": `---\noutlet: Evil\u202Eemit\npublished: 2025-08-14\nurl: javascript:alert('x')\n---\n\nThe port authority said 31 ferries were damaged in the storm on Monday.\n`,
        })
        w = await open(join(await runCli(dir), "report.html"))
      })
      afterAll(async () => {
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
      })

      it("links each outlet and date to the sentence with a text fragment, and never to javascript:", async () => {
        const link = w.page.locator("li.finding .line a.src", { hasText: "Harbour Daily" }).first()
        expect(await link.textContent()).toMatch(/Harbour Daily \(11 Aug 2025\)/)
        const href = (await link.getAttribute("href")) ?? ""
        expect(href.startsWith(`${base}/a#:~:text=`)).toBe(true)
        const terms = decodeURIComponent(href.split(":~:text=")[1] ?? "")
        expect(SENTENCE).toContain(terms.split(",")[0] ?? "?")
        expect(await w.page.locator('a[href^="javascript:"], a[href^="data:"]').count()).toBe(0)
        // The two outlets that agree on 31 have a finding of their own beside the conflict (agreeing-sides).
        expect((await w.page.locator(".line").allTextContents()).join(" ")).toContain("Evil⟨U+202E⟩emit")
        expect(w.dialogs).toEqual([])
      })

      it("lands on the sentence in the article", async () => {
        const href = (await w.page.locator("a.src", { hasText: "Harbour Daily" }).first().getAttribute("href")) ?? ""
        const article = await context.newPage()
        await article.setViewportSize({ width: 800, height: 400 })
        await article.goto(href)
        await expect
          .poll(() =>
            article.evaluate((s) => {
              const p = Array.from(document.querySelectorAll("p")).find((x) => x.textContent === s)
              const box = p?.getBoundingClientRect()
              return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight && window.scrollY > 0
            }, SENTENCE),
          )
          .toBe(true)
        await article.close()
      })
    })

    describe("stories and a changed figure (a hand-built report)", () => {
      let w: Watched
      beforeAll(async () => {
        const mon = doc("mon", "Officials said 12 people died in the flood.", {
          outlet: "River Post",
          publishedAt: "2025-08-11",
          url: "https://river.example/mon",
        })
        const thu = doc("thu", "Officials now say 31 people died in the flood.", {
          outlet: "Valley News",
          publishedAt: "2025-08-14",
          url: "https://valley.example/thu",
        })
        const vote = doc("vote", "The council approved the budget 7 to 2.", { outlet: "Town Crier" })
        const vote2 = doc("vote2", "The council approved the budget 7 to 2 on Tuesday.", { outlet: "Hill Times" })
        const c1 = claim(mon, "Officials said 12 people died in the flood.", {
          kind: "numeric",
          quantities: [{ ...qty("12 people", 12), span: { start: 15, end: 24 } }],
        })
        const c2 = claim(thu, "Officials now say 31 people died in the flood.", {
          kind: "numeric",
          quantities: [{ ...qty("31 people", 31), span: { start: 18, end: 27 } }],
        })
        const c3 = claim(vote, "The council approved the budget 7 to 2.")
        const c4 = claim(vote2, "The council approved the budget 7 to 2 on Tuesday.")
        const entry = (c: typeof c1, d: typeof mon, value: string, n: number) => ({
          claimId: c.id,
          documentId: d.id,
          outlet: d.outlet,
          value,
          low: n,
          high: n,
          time: d.publishedAt,
          defaulted: true,
        })
        const r = {
          ...reportOf([mon, thu, vote, vote2], [c1, c2, c3, c4], [
            {
              id: "f-vote",
              verdict: "agree",
              claimIds: [c3.id, c4.id],
              independentSources: 2,
              summary: "Agree: the budget vote",
              explanation: "Rule same-fact: both report the same vote.",
              storyId: "budget",
            },
            {
              id: "f-flood",
              verdict: "changed",
              claimIds: [c1.id, c2.id],
              independentSources: 2,
              summary: "Changed: dead — River Post: 12 people vs Valley News: 31 people",
              explanation: "Rule later-update: the later figure updates the earlier one.",
              rule: "later-update",
              storyId: "flood",
              timeline: [entry(c1, mon, "12 dead", 12), entry(c2, thu, "31 dead", 31)],
            },
          ] as never),
          stories: [
            {
              id: "budget",
              label: "Council · budget",
              start: null,
              end: null,
              outlets: ["Town Crier", "Hill Times"],
              documentIds: [vote.id, vote2.id],
            },
            {
              id: "flood",
              label: "Flood · dead",
              start: "2025-08-11",
              end: "2025-08-14",
              outlets: ["River Post", "Valley News"],
              documentIds: [mon.id, thu.id],
            },
          ],
          // As `report --db` gives a store an older crosscheck left, with something left out of the analysis.
          outdatedStore: { documents: 4, staleDocuments: 1, analysisVersion: "analysis-6", analysisNow: "analysis-14" },
          coverage: { skippedBlocks: 1, storiesLeftOut: 0 },
        }
        const dir = mkdtempSync(join(tmpdir(), "crosscheck-html-"))
        writeFileSync(join(dir, "report.html"), Html.render(r as never))
        w = await open(join(dir, "report.html"))
      })

      it("puts the story with a changed figure first, its row one line with both figures and dates", async () => {
        const stories = await w.page
          .locator("section.story")
          .evaluateAll((s) => s.map((x) => x.getAttribute("data-story")))
        expect(stories).toEqual(["flood", "budget"])
        const line = (await w.page.locator("#finding-f-flood .line").textContent()) ?? ""
        expect(line.replace(/\s+/g, " ")).toBe(
          "River Post (11 Aug 2025): 12 people · Valley News (14 Aug 2025): 31 people → changed",
        )
      })

      it("says above the controls what of the store is outdated and what was left out, readably", async () => {
        const notes = await w.page.locator("header .notice").allTextContents()
        expect(notes).toEqual([
          expect.stringMatching(
            /^Note: This report shows the store as an older crosscheck left it: 1 of its 4 documents/,
          ),
          expect.stringMatching(/^Note: Left out of this analysis, and so not checked: 1 block of candidate claims/),
        ])
        expect(serious(await axe(w.page))).toEqual([])
        expect(await axe(w.page, ["color-contrast"])).toEqual([])
      })

      it("shows the timeline in time order when opened", async () => {
        await w.page.locator("#finding-f-flood button.more").click()
        const entries = await w.page.locator("#finding-f-flood .timeline li").allTextContents()
        expect(entries.map((e) => e.replace(/\s+/g, " "))).toEqual([
          "11 Aug 2025 (published) 12 dead — River Post",
          "14 Aug 2025 (published) 31 dead — Valley News",
        ])
      })

      it("filters by story, and a row's passages keep their links", async () => {
        await w.page.selectOption("#story", "budget")
        expect(await visibleRows(w.page).evaluateAll((r) => r.map((x) => x.id))).toEqual(["finding-f-vote"])
        expect(new URLSearchParams(new URL(w.page.url()).hash.slice(1)).get("story")).toBe("budget")
        await w.page.selectOption("#story", "")
        expect(
          await w.page.locator("#finding-f-flood .line a.src").evaluateAll((a) => a.map((x) => x.getAttribute("href"))),
        ).toEqual([
          "https://river.example/mon#:~:text=Officials%20said%2012%20people%20died%20in%20the%20flood.",
          "https://valley.example/thu#:~:text=Officials%20now%20say%2031%20people%20died%20in%20the%20flood.",
        ])
      })
    })

    describe("two findings on the same two sentences (a hand-built report)", () => {
      let w: Watched
      beforeAll(async () => {
        const dir = mkdtempSync(join(tmpdir(), "crosscheck-html-"))
        writeFileSync(join(dir, "report.html"), Html.render(twoFigures()))
        w = await open(join(dir, "report.html"))
      })
      const row = (verdict: string) => w.page.locator(`li.finding[data-verdict="${verdict}"]`)

      it("gives in each row the figure that finding weighs", async () => {
        const lines = await Promise.all(
          ["contradict", "agree"].map(async (v) =>
            ((await row(v).locator(".line").textContent()) ?? "").replace(/\s+/g, " "),
          ),
        )
        expect(lines).toEqual([
          "Hill Gazette: More than 200 · Vale Post: about 120 → contradict",
          "Hill Gazette + Vale Post: nine hours → agree",
        ])
      })

      it("marks in each passage that figure, not the sentence's other one", async () => {
        const marks = async (verdict: string) => {
          await row(verdict).locator("button.more").click()
          return row(verdict).locator(".passages blockquote mark").allTextContents()
        }
        expect(await marks("contradict")).toEqual(["More than 200", "about 120"])
        expect(await marks("agree")).toEqual(["nine hours", "nine hours"])
        const quoted = await row("contradict").locator(".passages blockquote").allTextContents()
        expect(quoted).toEqual([
          "More than 200 firefighters fought the blaze for nine hours.",
          "Firefighters, about 120 of them, fought the blaze for nine hours.",
        ])
        expect(serious(await axe(w.page))).toEqual([])
        expect(w.errors).toEqual([])
      })
    })

    describe("a long list", () => {
      it("draws 100 rows at a time, and a sent link to a finding further down opens it", async () => {
        const a = doc("a", "The council approved the budget 7 to 2.", { outlet: "Town Crier" })
        const b = doc("b", "The council approved the budget 7 to 2 on Tuesday.", { outlet: "Hill Times" })
        const ca = claim(a, "The council approved the budget 7 to 2.")
        const cb = claim(b, "The council approved the budget 7 to 2 on Tuesday.")
        const findings = Array.from({ length: 130 }, (_, i) => ({
          id: `f-${String(i).padStart(3, "0")}`,
          verdict: "agree",
          claimIds: [ca.id, cb.id],
          independentSources: 2,
          summary: "Agree: the budget vote",
          explanation: "Rule same-fact: both report the same vote.",
        }))
        const dir = mkdtempSync(join(tmpdir(), "crosscheck-html-"))
        writeFileSync(join(dir, "report.html"), Html.render(reportOf([a, b], [ca, cb], findings as never)))
        const first = await open(join(dir, "report.html"))
        expect(await first.page.locator("li.finding").count()).toBe(100)
        await first.page.locator("button.page").click()
        expect(await first.page.locator("li.finding").count()).toBe(130)
        await first.page.close()
        const sent = await open(join(dir, "report.html"), "#f=f-120")
        expect(await sent.page.locator("#finding-f-120 .detail").isVisible()).toBe(true)
        expect(await sent.page.locator("#finding-f-120").evaluate((e) => e === document.activeElement)).toBe(true)
        await sent.page.close()
      })
    })

    describe("hostile articles (fixtures/injection)", () => {
      let w: Watched
      beforeAll(async () => {
        // One more article whose counted sentence, shown in the finding's line, carries markup.
        const extra = articles({
          "c.md": `---\noutlet: Third <b>Bold</b> Gazette\npublished: 2025-08-15\n---\n\nThe ministry said 12,000 troops <img src=x onerror=alert('claim')> were sent to the border on Friday.\n`,
        })
        w = await open(join(await runCli("fixtures/injection", extra), "report.html"))
        for (const b of await w.page.locator("li.finding button.more").all()) await b.click()
        await w.page.locator("#articles-box > summary").click()
        // The list is drawn on the details' toggle event, which comes after the click.
        await w.page.locator("#articles li").first().waitFor()
      })

      it("shows the markup as text", async () => {
        const text = await w.page.locator("body").textContent()
        expect(text).toContain("<img src=x onerror=alert('claim')>")
        expect(text).toContain("Third <b>Bold</b> Gazette")
        expect(text).toContain(`Evil <script>alert('outlet')</script> Times`)
        expect(text).toContain(`"><img src=x onerror=alert('title')>`)
      })

      it("runs nothing, loads nothing and links to no javascript: URL", async () => {
        await w.page.waitForTimeout(300)
        expect(w.dialogs).toEqual([])
        expect(w.errors).toEqual([])
        expect(w.requests).toEqual([])
        expect(w.console).toEqual([])
        expect(
          await w.page.locator("main img, main svg, main iframe, main script, main link, main style").count(),
        ).toBe(0)
        expect(await w.page.locator('a[href^="javascript:"]').count()).toBe(0)
        expect(await w.page.locator("script").count()).toBe(2)
      })
    })
  },
)
