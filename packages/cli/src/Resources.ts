/**
 * With CROSSCHECK_RESOURCES set, `run` and `report` end with one JSON line on stderr saying what it used: peak
 * memory (maxRSS, worker threads included), CPU time, and the time and peak so far of each phase.
 */
import type { Io } from "./Io.js"

export interface Resources {
  /** Ends the phase running since the last mark (or since the command started), under this name. */
  readonly phase: (name: string) => void
  /** Prints the line. */
  readonly done: () => void
}

const none: Resources = { phase: () => {}, done: () => {} }

export const make = (io: Io): Resources => {
  if (!io.env?.CROSSCHECK_RESOURCES) return none
  let last = performance.now()
  // The peak so far at the end of each phase: where it rises is the phase that set it.
  // With the resident set and heap as it ends: after a collection (a large run's stages and parts) the heap
  // is what is live; the resident set read just then still counts pages the collector is handing back on
  // a thread of its own (540 MB of garbage collected: 575 MB resident at once, 96 MB a tenth of a second later).
  const phases: Array<{ name: string; ms: number; maxRssBytes: number; rssBytes: number; heapBytes: number }> = []
  return {
    phase: (name) => {
      const now = performance.now()
      const memory = process.memoryUsage()
      phases.push({
        name,
        ms: Math.round(now - last),
        maxRssBytes: process.resourceUsage().maxRSS * 1024,
        rssBytes: memory.rss,
        heapBytes: memory.heapUsed,
      })
      last = now
    },
    done: () => {
      const usage = process.resourceUsage()
      const line = {
        maxRssBytes: usage.maxRSS * 1024,
        userMs: Math.round(usage.userCPUTime / 1000),
        systemMs: Math.round(usage.systemCPUTime / 1000),
        // Since the process started: module loading included.
        wallMs: Math.round(process.uptime() * 1000),
        phases,
      }
      io.stderr(`crosscheck: resources ${JSON.stringify(line)}\n`)
    },
  }
}
