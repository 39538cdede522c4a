/// <reference lib="dom" />
/**
 * What the browser tests share: Debian's Chromium under playwright-core (skipped with a reason when it
 * is absent, unless CROSSCHECK_REQUIRE_BROWSER=1), and axe-core's checks run inside a page.
 */
import { existsSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { type BrowserContext, chromium, type Page } from "playwright-core"

export const CHROMIUM = process.env.CROSSCHECK_CHROMIUM ?? "/usr/bin/chromium"
export const present = existsSync(CHROMIUM)
export const required = process.env.CROSSCHECK_REQUIRE_BROWSER === "1"
export const SHOTS = new URL("./screenshots/", import.meta.url).pathname
const AXE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")

/** A headless Chromium with its own profile folder, nothing in the background. */
export const launch = (profile: string): Promise<BrowserContext> => {
  if (!present) throw new Error(`CROSSCHECK_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: apt-get install chromium`)
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
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
}

/** axe-core's violations on the page as drawn now (the rules given, or all of them). */
export const axe = async (
  page: Page,
  runOnly?: ReadonlyArray<string>,
): Promise<ReadonlyArray<{ id: string; impact: string; nodes: number }>> => {
  await page.evaluate(AXE)
  return page.evaluate(async (rules) => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page, untyped there
    const result = await (window as any).axe.run(document, rules ? { runOnly: rules } : { resultTypes: ["violations"] })
    return result.violations.map((v: { id: string; impact: string; nodes: unknown[] }) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
    }))
  }, runOnly ?? null)
}

/** The serious and critical ones: what a page must not have. */
export const serious = (violations: ReadonlyArray<{ impact: string }>) =>
  violations.filter((v) => v.impact === "serious" || v.impact === "critical")
