/**
 * `pnpm eval`: accuracy against the public development sets in ../shared/data, one line per
 * metric. A set that is not there is reported as skipped, never silently left out.
 * `--root DIR` points the story evaluations (alignment, verdicts, misses) at another root of gold story sets.
 * `pnpm eval misses` (run only when named) counts why the gold story findings missed are missed.
 */
import { resolve } from "node:path"

import * as Alignment from "./eval/alignment.js"
import * as Basil from "./eval/basil.js"
import * as Equate from "./eval/equate.js"
import * as Fnc1 from "./eval/fnc1.js"
import * as Misses from "./eval/misses.js"
import * as Newsquant from "./eval/numeric.js"
import * as Polnear from "./eval/polnear.js"
import * as Speakers from "./eval/speakers.js"
import * as StoryClusters from "./eval/storyClusters.js"
import * as Verdicts from "./eval/verdicts.js"

/** `root`: a folder of gold story sets, for the evaluations that read them; the others ignore it. */
type Run = (root?: string) => Promise<ReadonlyArray<string>>

/** `named`: run only when asked for by name (an explanation, not a score). */
const sets: ReadonlyArray<{ readonly name: string; readonly run: Run; readonly named?: boolean }> = [
  { name: "newsquant", run: Newsquant.run },
  { name: "polnear", run: Polnear.run },
  { name: "speakers", run: Speakers.run },
  { name: "basil", run: Basil.run },
  { name: "alignment", run: Alignment.run },
  { name: "verdicts", run: Verdicts.run },
  { name: "fnc1", run: Fnc1.run },
  { name: "equate", run: Equate.run },
  { name: "stories", run: StoryClusters.run },
  { name: "misses", run: Misses.run, named: true },
]

const args = process.argv.slice(2)
const at = args.indexOf("--root")
const rootArg = at >= 0 ? args[at + 1] : undefined
if (at >= 0 && (rootArg === undefined || rootArg.startsWith("--"))) {
  console.error("pnpm eval: --root needs a folder of story sets")
  process.exit(2)
}
// pnpm runs the script from the workspace root; a relative --root means the folder the user typed it in.
const root = rootArg === undefined ? undefined : resolve(process.env.INIT_CWD ?? process.cwd(), rootArg)
const only = args.filter((_, i) => at < 0 || (i !== at && i !== at + 1))
for (const set of sets) {
  if (only.length > 0 ? !only.includes(set.name) : set.named === true) continue
  for (const l of await set.run(root)) console.log(l)
}
