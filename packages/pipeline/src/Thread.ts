/**
 * Starting a worker thread on a module of ours, from the bundle or from the TypeScript sources alike:
 * its entry goes through internal/worker.mjs, which registers the TypeScript loader when it must.
 */
import { Worker, type WorkerOptions } from "node:worker_threads"

const BOOT = new URL("./internal/worker.mjs", import.meta.url)

/**
 * The module `name` (no extension) beside `base` (a module's `import.meta.url`): the `.ts` source when
 * `base` is one, else the built `.js`.
 */
export const entryBeside = (base: string, name: string): URL =>
  new URL(`${name}${base.endsWith(".ts") ? ".ts" : ".js"}`, base)

/** Starts `entry` in a worker thread; it reads `data` as its `workerData` (with `entry` added). */
export const start = (
  entry: URL,
  data: Readonly<Record<string, unknown>>,
  options: Omit<WorkerOptions, "workerData"> = {},
): Worker => new Worker(BOOT, { ...options, workerData: { ...data, entry: entry.href } })
