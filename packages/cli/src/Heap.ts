/**
 * A full garbage collection on demand: a run in parts calls it as each part is let go, so the heap the
 * part's analysis grew is given back before the next part's extraction threads start beside it.
 */
import { setFlagsFromString } from "node:v8"
import { runInNewContext } from "node:vm"

let gc: (() => void) | null = null

/** Collects now; V8 then sizes the heap by what is live and returns the rest of its pages. */
export const collect = (): void => {
  if (!gc) {
    // The collector is exposed to contexts made after the flag is set: a new one hands it over.
    setFlagsFromString("--expose-gc")
    gc = runInNewContext("gc") as () => void
  }
  gc()
}
