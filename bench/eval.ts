/**
 * `pnpm eval`: accuracy against the public development sets in ../shared/data, one line per
 * metric. A set that is not there is reported as skipped, never silently left out.
 */

import * as Alignment from "./eval/alignment.js"
import * as Basil from "./eval/basil.js"
import * as Fnc1 from "./eval/fnc1.js"
import * as Newsquant from "./eval/numeric.js"
import * as Polnear from "./eval/polnear.js"
import * as StoryClusters from "./eval/storyClusters.js"
import * as Verdicts from "./eval/verdicts.js"

const sets: ReadonlyArray<{ readonly name: string; readonly run: () => Promise<ReadonlyArray<string>> }> = [
  { name: "newsquant", run: Newsquant.run },
  { name: "polnear", run: Polnear.run },
  { name: "basil", run: Basil.run },
  { name: "alignment", run: Alignment.run },
  { name: "verdicts", run: Verdicts.run },
  { name: "fnc1", run: Fnc1.run },
  { name: "stories", run: StoryClusters.run },
]

const only = process.argv.slice(2)
for (const set of sets) {
  if (only.length > 0 && !only.includes(set.name)) continue
  for (const l of await set.run()) console.log(l)
}
