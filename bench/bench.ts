/**
 * `pnpm bench`: speed and memory, measured as ratios against a baseline timed in the same run on
 * the same input, so figures mean the same on a busy or an idle machine. `pnpm bench NAME` runs one.
 */
import * as Alignment from "./perf/alignment.js"
import * as Extract from "./perf/extract.js"
import * as Nonprose from "./perf/nonprose.js"

const benches: ReadonlyArray<{ readonly name: string; readonly run: () => Promise<ReadonlyArray<string>> }> = [
  { name: "extract", run: Extract.run },
  { name: "nonprose", run: Nonprose.run },
  { name: "hostile", run: () => import("./perf/hostile.js").then((m) => m.run()) },
  { name: "ingest", run: () => import("./perf/ingest.js").then((m) => m.run()) },
  // 10 new articles into stores of 5,000 and 10,000 against the same 10 alone (builds both stores: long).
  { name: "incremental", run: () => import("./perf/incremental.js").then((m) => m.run()) },
  { name: "alignment", run: Alignment.run },
  // One model over 10,000 documents full of unknown names: heap and RSS as it goes (minutes).
  { name: "memory", run: () => import("./perf/memory.js").then((m) => m.run()) },
  { name: "stories", run: () => import("./perf/stories.js").then((m) => m.run()) },
  // `report --db` on a 10,000-article store against reading its rows raw (CROSSCHECK_REPORT_DB names a built one).
  { name: "reportdb", run: () => import("./perf/reportDb.js").then((m) => m.run()) },
  // report.html at up to 10,000 articles in Chromium (`crosscheck run` first, so long too).
  { name: "report", run: () => import("./perf/report.js").then((m) => m.run()) },
  // Two `crosscheck worker`s against one on 2,000 articles queued in PostgreSQL (a few minutes).
  { name: "workers", run: () => import("./perf/workers.js").then((m) => m.run()) },
  // Last, and long: `crosscheck run` as a child process at up to 10,000 documents.
  { name: "scale", run: () => import("./perf/scale.js").then((m) => m.run()) },
]

const only = process.argv.slice(2)
for (const bench of benches) {
  if (only.length > 0 && !only.includes(bench.name)) continue
  for (const l of await bench.run()) console.log(l)
}
