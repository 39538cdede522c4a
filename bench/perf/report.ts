/// <reference lib="dom" />
/**
 * `pnpm bench report`: report.html at 165, 1,000 and 10,000 articles (BASIL repeated as `scale` does,
 * each given a made-up URL): its size, and in Debian's Chromium its open time, width at 390 px and longest text run.
 */
import { execFile } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { promisify } from "node:util"
import { chromium } from "playwright-core"
import { basil } from "../data.js"
import { writeCorpus } from "./scale.js"

const root = new URL("../../", import.meta.url).pathname
const CHROMIUM = process.env.CROSSCHECK_CHROMIUM ?? "/usr/bin/chromium"
const SIZES = (process.env.CROSSCHECK_REPORT_SIZES ?? "165,1000,10000").split(",").map(Number)

/** The feed of `scale`, each article with an http URL of its own, as a newsroom feed has. */
const writeFeed = (path: string, n: number): void => {
  writeCorpus(path, n, basil())
  const lines = readFileSync(path, "utf8").trim().split("\n")
  const withUrls = lines.map((l) => {
    const a = JSON.parse(l) as { id: string; outlet: string }
    return JSON.stringify({
      ...a,
      url: `https://news.example/${encodeURIComponent(a.outlet)}/${encodeURIComponent(a.id)}`,
    })
  })
  writeFileSync(path, `${withUrls.join("\n")}\n`)
}

interface Opened {
  readonly ms: number
  readonly width: number
  readonly longestRun: number
  readonly linkedDocuments: number
}

/** Opens the page at a 390 px viewport: time to drawn (`data-ready`), page width, longest run, articles linked. */
const open = async (file: string): Promise<Opened> => {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu"] })
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    const started = performance.now()
    await page.goto(pathToFileURL(file).href, { timeout: 120_000 })
    await page.waitForSelector("body[data-ready=true]", { timeout: 120_000 })
    const ms = performance.now() - started
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    const longestRun = await page.evaluate(() => {
      let longest = 0
      for (const e of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
        if (e.offsetParent === null || e.closest("script") || getComputedStyle(e).display === "inline") continue
        // biome-ignore lint/performance/useDomNodeTextContent: the text as drawn is what is measured
        const drawn = e.innerText || ""
        for (const l of drawn.split("\n")) longest = Math.max(longest, l.length)
      }
      return longest
    })
    await page.locator("#articles-box > summary").click()
    await page.locator("#articles li").first().waitFor()
    const linkedDocuments = await page.locator("#articles a.src[href^='https://']").count()
    return { ms, width, longestRun, linkedDocuments }
  } finally {
    await browser.close()
  }
}

export const run = async (): Promise<ReadonlyArray<string>> => {
  if (!existsSync(CHROMIUM)) return [`report     skipped: ${CHROMIUM} not found (apt-get install chromium)`]
  if (basil().length === 0) return ["report     skipped: BASIL not found in the data folder"]
  const out: string[] = []
  for (const n of SIZES) {
    const dir = mkdtempSync(join(tmpdir(), "crosscheck-bench-report-"))
    try {
      const feed = join(dir, "feed.jsonl")
      writeFeed(feed, n)
      await promisify(execFile)(
        process.execPath,
        [join(root, "packages/cli/dist/bin.js"), "run", feed, "--out", join(dir, "out")],
        { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      )
      const file = join(dir, "out", "report.html")
      const bytes = statSync(file).size
      const findings = (JSON.parse(readFileSync(join(dir, "out", "report.json"), "utf8")) as { findings: unknown[] })
        .findings.length
      const o = await open(file)
      out.push(
        `report     ${n} articles, ${findings} findings: report.html ${(bytes / 1024 / 1024).toFixed(2)} MB, open in Chromium ${(o.ms / 1000).toFixed(2)} s, width at 390 px ${o.width} px, longest visible run ${o.longestRun} chars, ${o.linkedDocuments}/${n} article URLs linked`,
      )
      if (process.env.CROSSCHECK_PROGRESS) process.stderr.write(`${out[out.length - 1]}\n`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  return out
}
