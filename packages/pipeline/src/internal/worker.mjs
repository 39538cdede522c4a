/**
 * A worker thread's entry, in plain JavaScript: on Node 20 a worker does not get the parent's
 * TypeScript loader (tsx) for its entry file, so this registers it, then loads the real module.
 */
import { workerData } from "node:worker_threads"

if (workerData.entry.endsWith(".ts")) {
  // effect's few hundred modules load several times slower through the loader's hooks; loaded first,
  // plainly, they halve a worker's start-up, and the TypeScript modules then find them already loaded.
  await import("effect")
  const { register } = await import("tsx/esm/api")
  register()
}
await import(workerData.entry)
